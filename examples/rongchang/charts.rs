//! The rongchang example's charts (feature `plot`): T1's target chart and
//! T3's ranking chart, whose 2021 rank (139 = 122 + 17, implied by "up 17
//! places") is an estimate, drawn and labelled as one. Shared by the example
//! and its tests (`tests/it/report.rs`).

use indstat::report::{Lang, Text, chart};
use indstat::{Decimal, Error, Figure, ObsStatus, Point, Quantity, Result, Unit};

use super::zone::Zone;

/// T1's target chart: the history, the required path, the trend, the fan of
/// scenarios (6% and 12% beside the trend, 8.5%) and the target.
pub(crate) fn t1(zone: &Zone, lang: Lang) -> Result<String> {
    chart::target_chart(&zone.t1, &zone.history, &zone.rates, lang)
}

/// T3's ranking chart: the edition before, an estimate (this edition's rank
/// plus the places climbed, 139 = 122 + 17), and this edition's rank.
pub(crate) fn t3(zone: &Zone, lang: Lang) -> Result<String> {
    let rank = |r: Decimal| Figure::exact_value(Quantity::new(r, Unit::RANK));
    let climbed = zone.t3.pace().ok_or(Error::Empty {
        what: "the places climbed since the edition before",
    })?;
    let previous = zone
        .t3
        .current()
        .checked_add(climbed)
        .ok_or_else(|| Error::InvalidRank {
            rank: format!("{} + {climbed}", zone.t3.current()),
            reason: "the previous rank is out of range".to_owned(),
        })?;
    let editions = [
        Point::new(zone.t3.period().year_ago()?, rank(previous)).with_status(ObsStatus::Estimated),
        Point::new(zone.t3.period(), rank(zone.t3.current())),
    ];
    chart::rank_chart(
        &Text::new("国家火炬中心考核排名", "Torch Center national rank"),
        &editions,
        Decimal::ONE_HUNDRED,
        &[],
        lang,
    )
}
