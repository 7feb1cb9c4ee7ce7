//! Ranking, percentile ranks and quantiles on arbitrary cross-sections:
//! ranks are a valid ranking (ordinal ranks a permutation), never a panic.
#![no_main]
use arbitrary::Arbitrary;
use indstat::rank::{self, Missing, Order, Ties};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

#[derive(Debug, Arbitrary)]
struct Input {
    values: Vec<Option<(i128, u8)>>,
    ties: u8,
    descending: bool,
    missing: u8,
    p: (i64, u8),
}

fuzz_target!(|i: Input| {
    let values: Vec<Option<Decimal>> = i
        .values
        .iter()
        .take(2000)
        .map(|v| v.map(|(m, s)| Decimal::from_i128_with_scale(m % (1i128 << 96), u32::from(s % 29))))
        .collect();
    let ties = [Ties::Average, Ties::Min, Ties::Max, Ties::Dense, Ties::Ordinal][usize::from(i.ties % 5)];
    let order = if i.descending { Order::Descending } else { Order::Ascending };
    let missing = [Missing::Keep, Missing::Top, Missing::Bottom][usize::from(i.missing % 3)];
    let r = rank::rank(&values, ties, order, missing);
    assert_eq!(r.len(), values.len());
    if ties == Ties::Ordinal && missing == Missing::Keep {
        let mut got: Vec<Decimal> = r.iter().flatten().copied().collect();
        got.sort();
        let want: Vec<Decimal> = (1..=got.len()).map(Decimal::from).collect();
        assert_eq!(got, want);
    }
    let _ = rank::pct_rank(&values, ties, order, missing);
    let present: Vec<Decimal> = values.iter().flatten().copied().collect();
    let p = Decimal::new(i.p.0, u32::from(i.p.1 % 29));
    let _ = rank::quantile(&present, p, rank::QuantileMethod::Linear);
    let _ = rank::quantile(&present, p, rank::QuantileMethod::Weibull);
});
