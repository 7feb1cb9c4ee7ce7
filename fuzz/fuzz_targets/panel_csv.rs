//! The long-CSV reader on arbitrary bytes: a panel or an error with a line
//! and column, never a panic; a panel written back and read again is equal,
//! and its workloads run.
#![no_main]
use indstat::panel::Panel;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Half the inputs get a valid header, so the fuzzer reaches the rows.
    let mut input = Vec::with_capacity(data.len() + 32);
    if data.first().is_some_and(|b| b % 2 == 0) {
        input.extend_from_slice(b"entity,period,indicator,value\n");
        input.extend_from_slice(data.get(1..).unwrap_or(&[]));
    } else {
        input.extend_from_slice(data);
    }
    if let Ok(p) = Panel::from_csv(input.as_slice()) {
        let mut out = Vec::new();
        if p.write_csv(&mut out).is_ok() {
            let back = Panel::from_csv(out.as_slice()).expect("a written panel reads back");
            assert_eq!(back.len(), p.len());
        }
        let _ = p.rank(indstat::rank::Ties::Average, indstat::rank::Order::Descending);
        // CAGR before the series index is built (from the occupied cells)
        // and after (from the index) are the same.
        let fresh = p.clone();
        let before = fresh.cagr();
        let _ = p.yoy_growth();
        assert_eq!(before, p.cagr());
    }
});
