//! The top100 example's synthetic zones: 178 national high-tech zones drawn
//! from a fixed seed on ten indicators in the five first-level dimensions of
//! the 2021 evaluation system (国科发火〔2021〕106号), and the composite index
//! the example ranks them by. Shared by the example and its tests
//! (`tests/it/composite.rs`), so the figures the example prints are the
//! figures the tests check.
//!
//! THE DATA ARE SYNTHETIC. The dimension weights 20/20/15/15/30% come from a
//! third-party dashboard, not the official text: they are an assumption.

use indstat::composite::{Aggregator, Composite, Data, Node, Normaliser, Spec, Tree};
use indstat::dec;
use indstat::{Direction, EntityId, Error};
use rust_decimal::Decimal;

/// (dimension, weight, name).
pub(crate) const DIMENSIONS: [(&str, Decimal, &str); 5] = [
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

/// (indicator, dimension, direction, low, high, name): values are drawn
/// uniformly in [low, high] / 100, to two decimals.
pub(crate) type Indicator = (
    &'static str,
    &'static str,
    Direction,
    i64,
    i64,
    &'static str,
);

/// The ten indicators.
pub(crate) const INDICATORS: [Indicator; 10] = [
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

/// The seed: the date of the 2021 evaluation system.
pub(crate) const SEED: u64 = 20210422;

/// The zones, the zone that plays Rongchang, and the index.
pub(crate) struct Zones {
    /// The index: min-max onto [1, 100], weighted arithmetic means.
    pub(crate) index: Composite,
    /// The data, with the zone drawn at rank 122 renamed `rongchang`.
    pub(crate) data: Data,
    /// Rongchang.
    pub(crate) rongchang: EntityId,
}

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

/// The indicator tree: the five dimensions, two indicators each.
pub(crate) fn tree() -> Result<Tree, Error> {
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
// The arithmetic is on small literal ranges (at most 30000 × a unit
// fraction): it cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
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

/// The zones `htz001` … `htz178`, with the one drawn at rank 122 renamed
/// `rongchang`.
pub(crate) fn build() -> Result<Zones, Error> {
    let mut names: Vec<EntityId> = (1..=178)
        .map(|i| EntityId::new(&format!("htz{i:03}")))
        .collect::<Result<_, _>>()?;
    let spec = Spec::new(
        Normaliser::min_max(dec!(1), dec!(100))?,
        Aggregator::Arithmetic,
    );
    let index = Composite::new(tree()?, spec);
    let first = index.compute(&data(&names)?)?;
    let stand_in = first
        .ranking()
        .into_iter()
        .find(|r| r.rank() == 122)
        .map(|r| r.entity().clone());
    let rongchang = EntityId::new("rongchang")?;
    if let Some(slot) = names.iter_mut().find(|n| Some(&**n) == stand_in.as_ref()) {
        *slot = rongchang.clone();
    }
    Ok(Zones {
        index,
        data: data(&names)?,
        rongchang,
    })
}
