//! serde deserialisation of every public data type from arbitrary JSON:
//! Ok or Err, never a panic; what deserialises serialises back to the same.
#![no_main]
use indstat::{Figure, Indicator, Observation, Period, Quantity, Series, Unit, YearSpan};
use libfuzzer_sys::fuzz_target;

fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(data: &[u8]) {
    if let Ok(v) = serde_json::from_slice::<T>(data) {
        let json = serde_json::to_string(&v).unwrap();
        let back: T = serde_json::from_str(&json).unwrap();
        assert_eq!(back, v, "{json}");
    }
}

fuzz_target!(|data: &[u8]| {
    round_trip::<Quantity>(data);
    round_trip::<Figure>(data);
    round_trip::<Unit>(data);
    round_trip::<Period>(data);
    round_trip::<YearSpan>(data);
    round_trip::<Indicator>(data);
    round_trip::<Observation>(data);
    round_trip::<Series>(data);
    round_trip::<indstat::Rate>(data);
    round_trip::<indstat::Assumption>(data);
});
