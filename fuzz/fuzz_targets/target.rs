//! Target gap analysis, on-track methods and time progress on arbitrary
//! decimals: a typed error or a result, never a panic or a hang.
#![no_main]
use arbitrary::Arbitrary;
use indstat::targets::{Bridge, LevelTarget, Method, Profile, Trend, time_progress};
use indstat::{EntityId, Indicator, Kind, Period, Point, Quantity, Rate, Series, Unit};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

#[derive(Debug, Arbitrary)]
struct Input {
    history: Vec<(u8, i64, u8)>,
    target: (i64, u8),
    deadline: u8,
    rate: Option<(i64, u8)>,
    ratio: Option<(i64, u8)>,
    lower: bool,
    month: u8,
}

fn dec((m, s): (i64, u8)) -> Decimal {
    Decimal::new(m, u32::from(s % 29))
}

fuzz_target!(|i: Input| {
    let mut ind = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow).unwrap();
    if i.lower {
        ind = ind.with_direction(indstat::Direction::LowerIsBetter);
    }
    let points = i.history.iter().take(12).map(|(y, m, s)| {
        Point::new(Period::year(2000 + i32::from(*y % 40)).unwrap(), Quantity::new(dec((*m, *s)), Unit::YI_YUAN).into())
    });
    let Ok(series) = Series::from_points(EntityId::new("z").unwrap(), ind.clone(), points) else { return };
    let deadline = Period::year(2000 + i32::from(i.deadline % 60)).unwrap();
    let Ok(t) = LevelTarget::new(ind, Quantity::new(dec(i.target), Unit::YI_YUAN).into(), deadline) else { return };
    let mut b = t.analyse(&series);
    if let Some(r) = i.rate {
        b = b.trend(Trend::Rate(Rate::from_fraction(dec(r))));
    }
    if let Some(r) = i.ratio {
        b = b.bridge(Bridge::Ratio(dec(r)));
    }
    if let Ok(gap) = b.scenario(Rate::from_fraction(Decimal::new(5, 2))).run() {
        let _ = gap.assess(Method::GrowthRatio);
        let _ = gap.assess(Method::UnsdProgressChart);
        let _ = gap.scenarios(&[Rate::ZERO]);
    }
    let q = |v: (i64, u8)| Quantity::new(dec(v), Unit::YI_YUAN);
    if let Ok(p) = Period::ytd(2024, (i.month % 11) + 2) {
        let _ = time_progress(&q(i.target), &q((i.target.0 / 2, i.target.1)), p, &Profile::Linear, Some((q(i.target), q(i.target))));
    }
});
