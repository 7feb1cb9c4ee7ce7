use super::Panel;
/// Options of the SDMX-CSV writer.
#[derive(Debug, Clone)]
pub struct SdmxOptions;
