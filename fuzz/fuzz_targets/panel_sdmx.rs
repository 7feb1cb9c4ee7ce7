//! The SDMX-CSV reader on arbitrary bytes: a panel or an error with a line
//! and column, never a panic; what reads writes back and reads again.
#![no_main]
use indstat::panel::{Panel, SdmxOptions};
use libfuzzer_sys::fuzz_target;

const HEAD: &[u8] = b"STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n";

fuzz_target!(|data: &[u8]| {
    let o = SdmxOptions::default();
    let mut input = Vec::with_capacity(data.len() + HEAD.len());
    if data.first().is_some_and(|b| b % 2 == 0) {
        input.extend_from_slice(HEAD);
        input.extend_from_slice(data.get(1..).unwrap_or(&[]));
    } else {
        input.extend_from_slice(data);
    }
    if let Ok(p) = Panel::from_sdmx_csv(input.as_slice(), &o) {
        let mut out = Vec::new();
        if p.write_sdmx_csv(&mut out, &o).is_ok() {
            let back = Panel::from_sdmx_csv(out.as_slice(), &o).expect("a written panel reads back");
            assert_eq!(back.len(), p.len());
        }
    }
});
