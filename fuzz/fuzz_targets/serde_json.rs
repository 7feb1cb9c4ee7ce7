//! serde deserialisation of every public data type from arbitrary JSON:
//! Ok or Err, never a panic; what deserialises serialises back to the same,
//! and passes the checks its constructor applies (a quantity that serde reads
//! is one `Quantity::try_new` admits, and its Chinese text reads back).
#![no_main]
use indstat::{Figure, Indicator, Observation, Period, Quantity, Series, Unit, YearSpan};
use libfuzzer_sys::fuzz_target;

fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
    data: &[u8],
) -> Option<T> {
    let v = serde_json::from_slice::<T>(data).ok()?;
    let json = serde_json::to_string(&v).unwrap();
    let back: T = serde_json::from_str(&json).unwrap();
    assert_eq!(back, v, "{json}");
    Some(v)
}

fuzz_target!(|data: &[u8]| {
    if let Some(q) = round_trip::<Quantity>(data) {
        assert!(Quantity::try_new(q.value(), q.unit()).is_ok(), "{q:?}");
        assert_eq!(q.zh().parse::<Quantity>().ok(), Some(q), "{q:?}");
    }
    if let Some(f) = round_trip::<Figure>(data) {
        assert!(Quantity::try_new(f.value(), f.unit()).is_ok(), "{f:?}");
    }
    round_trip::<Unit>(data);
    round_trip::<Period>(data);
    round_trip::<YearSpan>(data);
    round_trip::<Indicator>(data);
    round_trip::<Observation>(data);
    round_trip::<Series>(data);
    round_trip::<indstat::Rate>(data);
    round_trip::<indstat::Assumption>(data);
    round_trip::<indstat::growth::Change>(data);
    round_trip::<indstat::targets::LevelTarget>(data);
    round_trip::<indstat::targets::CountTarget>(data);
    round_trip::<indstat::targets::RankTarget>(data);
    round_trip::<indstat::rank::RankObservation>(data);
    round_trip::<indstat::rank::RankChange>(data);
    round_trip::<indstat::rank::RankGoal>(data);
});
