//! Top 100: a composite ranking of 178 national high-tech zones in which
//! Rongchang ranks 122nd — its neighbours, how firm the rank is when the
//! weights move, and what it would take to enter the Top 100.
//!
//! THE DATA ARE SYNTHETIC: 178 zones drawn from a fixed seed on ten
//! indicators grouped in the five first-level dimensions of the 2021
//! evaluation system (国科发火〔2021〕106号). The dimension weights 20/20/15/15/30%
//! come from a third-party dashboard, not the official text: they are an
//! assumption. The zone drawn at rank 122 plays Rongchang.
//!
//! Run with `cargo run --example top100`.
// The synthetic generator's arithmetic is on small literal ranges (at most
// 30000 × a unit fraction): it cannot overflow.
#![allow(clippy::arithmetic_side_effects)]

use indstat::composite::{
    Aggregator, Composite, Data, Needed, Node, Normaliser, Spec, Tree, Uncertainty,
};
use indstat::rank::{RankChange, RankObservation, rank_goal};
use indstat::{Direction, EntityId, Error, Period, round_for_display};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// (dimension, weight, name) and (indicator, dimension, direction, low, high, name).
const DIMENSIONS: [(&str, Decimal, &str); 5] = [
    (
        "innovation",
        dec!(20),
        "创新能力和创业活跃度 innovation and entrepreneurship",
    ),
    (
        "structure",
        dec!(20),
        "结构优化和产业价值链 structure and value chain",
    ),
    (
        "green",
        dec!(15),
        "绿色发展和宜居包容性 green and inclusive development",
    ),
    (
        "open",
        dec!(15),
        "开放创新和国际竞争力 openness and competitiveness",
    ),
    (
        "quality",
        dec!(30),
        "综合质效和持续创新力 overall quality and efficiency",
    ),
];

type Spec6 = (
    &'static str,
    &'static str,
    Direction,
    i64,
    i64,
    &'static str,
);
const INDICATORS: [Spec6; 10] = [
    (
        "rd_intensity",
        "innovation",
        Direction::HigherIsBetter,
        50,
        900,
        "R&D spending / revenue, %",
    ),
    (
        "patents_per_10k",
        "innovation",
        Direction::HigherIsBetter,
        500,
        30000,
        "invention patents per 10k people",
    ),
    (
        "hitech_service_share",
        "structure",
        Direction::HigherIsBetter,
        500,
        6000,
        "high-tech services share of revenue, %",
    ),
    (
        "value_added_rate",
        "structure",
        Direction::HigherIsBetter,
        1500,
        3500,
        "value-added rate, %",
    ),
    (
        "energy_per_va",
        "green",
        Direction::LowerIsBetter,
        20,
        150,
        "energy per 10k yuan value added, tce",
    ),
    (
        "green_space",
        "green",
        Direction::HigherIsBetter,
        2000,
        4500,
        "green-space ratio, %",
    ),
    (
        "export_share",
        "open",
        Direction::HigherIsBetter,
        100,
        4000,
        "high-tech exports / revenue, %",
    ),
    (
        "foreign_staff",
        "open",
        Direction::HigherIsBetter,
        10,
        500,
        "foreign and returnee staff share, %",
    ),
    (
        "va_to_city_gdp",
        "quality",
        Direction::HigherIsBetter,
        500,
        6000,
        "zone value added / city GDP, %",
    ),
    (
        "productivity_growth",
        "quality",
        Direction::HigherIsBetter,
        -300,
        1500,
        "labour-productivity growth, %",
    ),
];

const SEED: u64 = 20210422; // the date of the 2021 evaluation system

/// The synthetic data's random numbers: SplitMix64 (Vigna's splitmix64.c),
/// fixed by its seed, so every run draws the same zones.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform decimal in [0, 1) with 18 places (rejection on 60 bits).
    fn next_unit(&mut self) -> Decimal {
        loop {
            let u = self.next_u64() >> 4;
            if u < 1_000_000_000_000_000_000 {
                return Decimal::from_i128_with_scale(i128::from(u), 18);
            }
        }
    }
}

fn tree() -> Result<Tree, Error> {
    let mut nodes = vec![Node::new("index", None, dec!(1))?];
    for (code, weight, _) in DIMENSIONS {
        nodes.push(Node::new(code, Some("index"), weight)?);
    }
    for (code, parent, direction, ..) in INDICATORS {
        nodes.push(Node::new(code, Some(parent), dec!(1))?.with_direction(direction));
    }
    Tree::new(nodes)
}

/// 178 zones, values with two decimals drawn uniformly in each indicator's range.
fn data(names: &[EntityId]) -> Result<Data, Error> {
    let mut rng = SplitMix64(SEED);
    let mut data = Data::new(names.to_vec())?;
    for (code, _, _, low, high, _) in INDICATORS {
        let span = Decimal::from(high - low);
        let values: Vec<(EntityId, Option<Decimal>)> = names
            .iter()
            .map(|e| {
                let v = (Decimal::from(low) + span * rng.next_unit()).round_dp(0) / dec!(100);
                (e.clone(), Some(v))
            })
            .collect();
        data = data.with_indicator(code.parse()?, values)?;
    }
    Ok(data)
}

fn main() -> Result<(), Error> {
    println!("SYNTHETIC DATA — 178 zones drawn from seed {SEED}; not real evaluation results.");
    println!("Assumed first-level weights (third-party source, not the official text):");
    for (code, w, name) in DIMENSIONS {
        println!("  {w:>3}%  {code:<11} {name}");
    }
    let mut names: Vec<EntityId> = (1..=178)
        .map(|i| EntityId::new(&format!("htz{i:03}")))
        .collect::<Result<_, _>>()?;
    let spec = Spec::new(
        Normaliser::min_max(dec!(1), dec!(100))?,
        Aggregator::Arithmetic,
    );
    let index = Composite::new(tree()?, spec);
    // The zone at rank 122 plays Rongchang.
    let first = index.compute(&data(&names)?)?;
    let stand_in = first
        .ranking()
        .into_iter()
        .find(|r| r.2 == 122)
        .map(|r| r.0);
    let rongchang = EntityId::new("rongchang")?;
    if let Some(slot) = names.iter_mut().find(|n| Some(&**n) == stand_in.as_ref()) {
        *slot = rongchang.clone();
    }
    let data = data(&names)?;
    let results = index.compute(&data)?;

    println!(
        "\nComposite ranking, ranks 95–125 (min-max onto [1, 100], weighted arithmetic means):"
    );
    print!("{:>5}  {:<10} {:>7}", "rank", "zone", "score");
    for (code, ..) in DIMENSIONS {
        print!(" {code:>10}");
    }
    println!();
    for (zone, score, rank) in results.ranking() {
        if !(95..=125).contains(&rank) {
            continue;
        }
        let mark = if zone == rongchang { " ◀" } else { "" };
        print!(
            "{rank:>5}  {:<10} {:>7}",
            zone.as_str(),
            round_for_display(score, 2)
        );
        for (code, ..) in DIMENSIONS {
            let s = results.score(&zone, &code.parse()?)?.unwrap_or_default();
            print!(" {:>10}", round_for_display(s, 2));
        }
        println!("{mark}");
    }

    let settings = Uncertainty::new(200, SEED)?.with_weight_noise(dec!(0.25))?;
    let u = index.uncertainty(&data, &settings)?;
    let r = u.interval(&rongchang)?;
    // Half away from zero (四舍五入), one place: 106.95–135.05 is 107.0–135.1.
    let show =
        |d: Option<Decimal>| d.map_or("–".to_owned(), |d| round_for_display(d, 1).to_string());
    println!(
        "\nRongchang under weight uncertainty ({} runs, every weight × U[0.75, 1.25], seed {SEED}):",
        settings.runs()
    );
    println!(
        "  nominal rank {}, median {}, 90% interval {}–{}",
        r.nominal().map_or("–".to_owned(), |n| n.to_string()),
        show(r.median()),
        show(r.q05()),
        show(r.q95())
    );
    charts(&u, &rongchang)?;
    let sure_top100 = u
        .intervals()
        .iter()
        .filter(|i| i.q95().is_some_and(|q| q <= dec!(100)))
        .count();
    println!("  zones inside the Top 100 in at least 95% of runs: {sure_top100}");

    println!(
        "\nWhat would it take to rank 100th or better, one indicator at a time (others held fixed):"
    );
    println!(
        "  {:<22} {:>10} {:>12} {:>10}  meaning",
        "indicator", "now", "needed", "change"
    );
    for row in index.what_would_it_take(&data, &rongchang, 100, None)? {
        let meaning = INDICATORS
            .iter()
            .find(|i| i.0 == row.indicator().as_str())
            .map_or("", |i| i.5);
        let now = row.current().map_or("–".to_owned(), |v| v.to_string());
        match row.needed() {
            Needed::Value { value, change } => println!(
                "  {:<22} {:>10} {:>12} {:>+10}  {meaning}",
                row.indicator().as_str(),
                now,
                value,
                change
            ),
            Needed::NotReachable { best } => println!(
                "  {:<22} {:>10} {:>12} {:>10}  {meaning} (not reachable alone; best observed {best})",
                row.indicator().as_str(),
                now,
                "–",
                "–"
            ),
            Needed::Already => {
                println!("  {:<22} already in the Top 100", row.indicator().as_str())
            }
            _ => {}
        }
    }

    // The article's own figures need no cross-section: 122nd, up 17 places.
    let change = RankChange::from_published(122, 17)?;
    // The article reports the 2022 ranking (122nd) up 17 from the edition before.
    let before = RankObservation::new(Period::year(2021)?, change.previous(), None)?;
    let now = RankObservation::new(Period::year(2022)?, change.current(), None)?;
    let goal = rank_goal(&before, &now, 100)?;
    println!(
        "\nThe article: rank {} ({}, {}); Top 100 is {} places away. At {} places per edition (the article's 2022 ranking, and the edition before it) it is reached in {} more edition(s){}.",
        change.current(),
        change.zh(),
        change,
        goal.places_to_go(),
        goal.pace(),
        goal.reach()
            .years()
            .map_or("no".to_owned(), |y| y.to_string()),
        goal.by().map_or(String::new(), |p| format!(", by {p}"))
    );
    Ok(())
}

/// With `--features plot`: the ranking chart of Rongchang's editions and the
/// composite rank intervals of the zones around it.
#[cfg(feature = "plot")]
fn charts(u: &indstat::composite::UncertaintyResult, rongchang: &EntityId) -> Result<(), Error> {
    use indstat::report::{Lang, Text, chart};
    let mut around: Vec<_> = u
        .intervals()
        .iter()
        .filter(|i| i.nominal().is_some_and(|n| (119..=125).contains(&n)))
        .collect();
    around.sort_by_key(|i| i.nominal());
    let mut intervals = Vec::new();
    for i in around {
        if let (Some(m), Some(lo), Some(hi)) = (i.median(), i.q05(), i.q95()) {
            let label = if i.entity() == rongchang {
                "荣昌".to_owned()
            } else {
                i.entity().to_string()
            };
            let en = if i.entity() == rongchang {
                "Rongchang".to_owned()
            } else {
                i.entity().to_string()
            };
            intervals.push(chart::RankInterval::new(Text::new(label, en), m, lo, hi)?);
        }
    }
    let editions = [
        (Period::year(2021)?, dec!(139)),
        (Period::year(2022)?, dec!(122)),
    ];
    let svg = chart::rank_chart(
        &Text::new(
            "国家高新区排名与综合排名区间（合成数据）",
            "National rank and composite rank intervals (synthetic data)",
        ),
        &editions,
        dec!(100),
        &intervals,
        Lang::Both,
    )?;
    let dir = std::path::Path::new("target").join("top100-charts");
    std::fs::create_dir_all(&dir).map_err(|e| Error::Empty {
        what: if e.kind() == std::io::ErrorKind::PermissionDenied {
            "a writable chart folder"
        } else {
            "a chart folder"
        },
    })?;
    let path = dir.join("rank-intervals.svg");
    std::fs::write(&path, svg).map_err(|_| Error::Empty {
        what: "a writable chart file",
    })?;
    eprintln!("chart written: {}", path.display());
    Ok(())
}

#[cfg(not(feature = "plot"))]
fn charts(_: &indstat::composite::UncertaintyResult, _: &EntityId) -> Result<(), Error> {
    Ok(())
}
