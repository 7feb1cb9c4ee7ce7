//! Every text parser on arbitrary UTF-8: Ok or Err, never a panic; and what
//! parses prints back to the same figure (Chinese: same bound, unit and
//! digits; English: an equal value).
#![no_main]
use indstat::{Bound, Dimension, EntityId, Figure, IndicatorCode, Kind, Noun, ObsStatus, Quantity, Unit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = s.parse::<Quantity>();
    let _ = s.parse::<Unit>();
    let _ = s.parse::<Noun>();
    let _ = s.parse::<Dimension>();
    let _ = s.parse::<Bound>();
    let _ = s.parse::<Kind>();
    let _ = s.parse::<ObsStatus>();
    let _ = s.parse::<IndicatorCode>();
    let _ = s.parse::<EntityId>();
    if let Ok(f) = s.parse::<Figure>() {
        let zh = f.zh();
        let back: Figure = zh.parse().unwrap_or_else(|e| panic!("{s:?} -> {zh:?}: {e}"));
        assert_eq!(back.bound(), f.bound(), "{s:?} -> {zh:?}");
        assert_eq!(back.unit(), f.unit(), "{s:?} -> {zh:?}");
        assert_eq!(back.value(), f.value(), "{s:?} -> {zh:?}");
        let en = f.en();
        let back: Figure = en.parse().unwrap_or_else(|e| panic!("{s:?} -> {en:?}: {e}"));
        assert_eq!(back, f, "{s:?} -> {en:?}");
    }
});
