//! Period text: Ok or Err; what parses prints and reads back; steps are inverse.
#![no_main]
use indstat::Period;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(p) = s.parse::<Period>() {
        assert_eq!(p.to_string().parse::<Period>().unwrap(), p);
        assert_eq!(format!("{p:#}").parse::<Period>().unwrap(), p);
        if let Ok(prev) = p.previous() {
            assert_eq!(prev.next().unwrap(), p);
        }
        let _ = p.year_ago();
        let _ = p.start_date();
        let _ = p.end_date();
        let _ = (p.zh(), p.en());
    }
});
