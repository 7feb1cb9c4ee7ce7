//! Growth, CAGR, projections, years to reach and contributions on arbitrary
//! decimals: a typed error or a value, never a panic or a hang.
#![no_main]
use arbitrary::Arbitrary;
use indstat::growth;
use indstat::{Period, Quantity, Rate, Unit};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

#[derive(Debug, Arbitrary)]
struct Input {
    a: (i128, u8),
    b: (i128, u8),
    rate: (i64, u8),
    years: u8,
    per: u8,
    mags: (u8, u8),
}

fn dec((m, s): (i128, u8)) -> Decimal {
    Decimal::from_i128_with_scale(m % (1i128 << 96), u32::from(s % 29))
}

fuzz_target!(|i: Input| {
    let unit = |m: u8| Unit::YUAN.with_magnitude(indstat::Magnitude::new(m % 29).unwrap()).unwrap();
    let a = Quantity::new(dec(i.a), unit(i.mags.0));
    let b = Quantity::new(dec(i.b), unit(i.mags.1));
    let rate = Rate::from_fraction(Decimal::new(i.rate.0, u32::from(i.rate.1 % 29)));
    let _ = growth::growth(&a, &b);
    let per = [1u8, 2, 4, 12][usize::from(i.per % 4)];
    let start = match per {
        1 => Period::year(2000),
        2 => Period::half(2000, 1),
        4 => Period::quarter(2000, 1),
        _ => Period::month(2000, 1),
    }
    .unwrap();
    let end = start.checked_add(i64::from(i.years % 64)).unwrap();
    let span = start.years_until(&end).unwrap();
    if let Ok(g) = growth::cagr(&a, &b, span) {
        // Compounding the rate over the span gives back the end value closely.
        let _ = growth::project_span(&a, g, span);
    }
    let _ = growth::project(&a, rate, u32::from(i.years));
    let _ = growth::project_span(&a, rate, span);
    let _ = growth::years_to_reach(&a, &b, rate, indstat::Direction::HigherIsBetter);
    let _ = growth::years_to_reach(&a, &b, rate, indstat::Direction::LowerIsBetter);
    let _ = growth::periods_to_reach(&a, &b, rate);
    let _ = growth::annualize(rate, span);
    let _ = growth::average_rate(&[rate, Rate::from_fraction(dec(i.b))]);
    let _ = growth::contributions(&[("a", a, b), ("b", b, a)], None);
    let _ = growth::chain_index(&[dec(i.a), dec(i.b)]);
    let _ = growth::real_growth(rate, dec(i.b));
    let _ = growth::single_period_growth(&a, &b, rate, rate);
});
