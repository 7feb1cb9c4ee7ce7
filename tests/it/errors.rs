//! The error catalogue: one case for every variant of [`indstat::Error`].
//!
//! Each case is a real call through the public API with the input a user gave
//! (in words, the offending value in backticks), the error it returns and the
//! exact message the user sees. Read it to learn what each error means and what
//! input causes it; the tests below keep it true:
//!
//! - every case returns its stated variant with exactly its stated message;
//! - every variant of `pub enum Error` in `src/error.rs` has exactly one case,
//!   so a variant added without a case fails `every_variant_has_a_case`;
//! - every message names the offending value and follows the house style
//!   (lowercase first, no trailing period).
//!
//! The README links here as the list of every error a user can meet. Adding a
//! variant to `Error` means adding its case to [`catalogue`]; the failing test
//! names the variants that lack one.

use indstat::composite::{Aggregator, Composite, Data, Node, Normaliser, Spec, Tree};
use indstat::dec;
use indstat::growth::{self, BasePeriod};
use indstat::panel::{Panel, SdmxOptions};
use indstat::rank::{CrossSection, QuantileMethod, RankObservation};
use indstat::targets::{LevelTarget, Thresholds};
use indstat::{
    Decimal, Direction, EntityId, Error, Indicator, IndicatorCode, Kind, Magnitude, Noun,
    Observation, Period, PriceBasis, Quantity, Rate, Scope, Series, Unit,
};

/// One entry of the catalogue.
#[derive(Debug)]
struct Case {
    /// The variant's name, as in `src/error.rs`.
    variant: &'static str,
    /// What the user did, in words; the offending value in backticks.
    input: &'static str,
    /// The error the public API returned.
    error: Error,
    /// The message the user sees (`error.to_string()`).
    message: &'static str,
}

fn q(text: &str) -> Quantity {
    text.parse().unwrap()
}

fn year(y: i32) -> Period {
    Period::year(y).unwrap()
}

fn id(s: &str) -> EntityId {
    EntityId::new(s).unwrap()
}

fn code(s: &str) -> IndicatorCode {
    IndicatorCode::new(s).unwrap()
}

/// Industrial output in 亿元 (money at current prices, whole scope).
fn output() -> Indicator {
    Indicator::new(
        "output",
        "工业总产值",
        "industrial output",
        Unit::YI_YUAN,
        Kind::Flow,
    )
    .unwrap()
}

/// A one-point series of `indicator` for zone `z`, 1004亿元 in 2022.
fn history(indicator: Indicator) -> Series {
    let obs = Observation::new(id("z"), indicator, year(2022), "1004亿元".parse().unwrap());
    Series::from_observations([obs.unwrap()]).unwrap()
}

/// A cross-section of zones a, b, c (c missing).
fn cross_section() -> CrossSection {
    CrossSection::new(
        Unit::YI_YUAN,
        [
            (id("a"), Some(dec!(2100))),
            (id("b"), Some(dec!(1800))),
            (id("c"), None),
        ],
    )
    .unwrap()
}

/// A two-indicator tree: index ← innovation, quality.
fn tree() -> Tree {
    Tree::new(vec![
        Node::new("index", None, dec!(1)).unwrap(),
        Node::new("innovation", Some("index"), dec!(0.4)).unwrap(),
        Node::new("quality", Some("index"), dec!(0.6)).unwrap(),
    ])
    .unwrap()
}

/// Data for zones a, b, c on innovation and quality.
fn data(innovation: [i64; 3], quality: [i64; 3]) -> Data {
    let zones = [id("a"), id("b"), id("c")];
    let col = |v: [i64; 3]| {
        zones
            .iter()
            .cloned()
            .zip(v.map(|x| Some(Decimal::from(x))))
            .collect::<Vec<_>>()
    };
    Data::new(zones.clone())
        .unwrap()
        .with_indicator(code("innovation"), col(innovation))
        .unwrap()
        .with_indicator(code("quality"), col(quality))
        .unwrap()
}

fn catalogue() -> Vec<Case> {
    vec![
        // Text: quantities, units, magnitudes.
        Case {
            variant: "Parse",
            input: "parse `abc` as a Quantity",
            error: "abc".parse::<Quantity>().unwrap_err(),
            message: "cannot parse \"abc\" as a quantity: expected a number",
        },
        Case {
            variant: "NumberOutOfRange",
            input: "parse `79228162514264337593543950336`亿元 (one more than Decimal::MAX) as a Quantity",
            error: "79228162514264337593543950336亿元"
                .parse::<Quantity>()
                .unwrap_err(),
            message: "number \"79228162514264337593543950336\" is out of range: a decimal holds a number exactly with at most 28 decimal places and at most 79228162514264337593543950335 without its decimal point",
        },
        Case {
            variant: "UnknownUnit",
            input: "parse `1004亿米` (米, metres, is not a unit of the crate) as a Quantity",
            error: "1004亿米".parse::<Quantity>().unwrap_err(),
            message: "unknown unit \"米\" in \"1004亿米\"",
        },
        Case {
            variant: "AmbiguousUnit",
            input: "parse `5个` (个 of what?) as a Quantity",
            error: "5个".parse::<Quantity>().unwrap_err(),
            message: "ambiguous unit \"个\" in \"5个\": name the noun, e.g. \"5个项目\"",
        },
        Case {
            variant: "MagnitudeOutOfRange",
            input: "Magnitude::new(`29`)",
            error: Magnitude::new(29).unwrap_err(),
            message: "magnitude 10^29 is out of range: the exponent must be 0 to 28",
        },
        // Quantity arithmetic.
        Case {
            variant: "UnitMismatch",
            input: "`1004亿元`.checked_add(`755家`)",
            error: q("1004亿元").checked_add(&q("755家")).unwrap_err(),
            message: "unit mismatch: expected yuan*1e8 (亿元), found enterprises (家); only values of one dimension can be combined or compared",
        },
        Case {
            variant: "Inexact",
            input: "convert `79228162514264337593543950335`亿元 (Decimal::MAX 亿元) to 元 with to_base()",
            error: Quantity::new(Decimal::MAX, Unit::YI_YUAN)
                .to_base()
                .unwrap_err(),
            message: "79228162514264337593543950335 yuan*1e8 cannot be expressed exactly in yuan: the result needs more than 28 significant digits; use fewer digits or another magnitude",
        },
        Case {
            variant: "Overflow",
            input: "`79228162514264337593543950335元` (Decimal::MAX) checked_mul(`2`)",
            error: Quantity::new(Decimal::MAX, Unit::YUAN)
                .checked_mul(Decimal::TWO)
                .unwrap_err(),
            message: "decimal overflow in multiply: 79228162514264337593543950335元 and 2",
        },
        Case {
            variant: "DivisionByZero",
            input: "`1004亿元`.checked_div(0)",
            error: q("1004亿元").checked_div(Decimal::ZERO).unwrap_err(),
            message: "division by zero: 1004亿元 / 0; the divisor must not be zero",
        },
        Case {
            variant: "NotExact",
            input: "parse the bound `4000余人` (more than 4000) as a Quantity instead of a Figure",
            error: "4000余人".parse::<Quantity>().unwrap_err(),
            message: "4000余人 is a bound, not an exact value; a Quantity (parse bounds as a Figure) needs an exact value",
        },
        // Periods and series.
        Case {
            variant: "InvalidPeriod",
            input: "parse `2022-Q5` as a Period",
            error: "2022-Q5".parse::<Period>().unwrap_err(),
            message: "invalid period \"2022-Q5\": quarter 5 is outside 1..=4",
        },
        Case {
            variant: "FrequencyMismatch",
            input: "compare the year `2021` with the quarter `2022-Q1` (checked_cmp)",
            error: year(2021)
                .checked_cmp(&Period::quarter(2022, 1).unwrap())
                .unwrap_err(),
            message: "frequency mismatch: 2021 is annual, 2022-Q1 is quarterly",
        },
        Case {
            variant: "NoAdjacentPeriod",
            input: "ask the year `9999` for its next() period",
            error: year(9999).next().unwrap_err(),
            message: "9999 has no next period: the year would leave 1..=9999",
        },
        Case {
            variant: "DuplicatePeriod",
            input: "build series `z/output` with two values for `2022`",
            error: Series::from_points(
                id("z"),
                output(),
                [
                    indstat::Point::new(year(2022), "1004亿元".parse().unwrap()),
                    indstat::Point::new(year(2022), "1005亿元".parse().unwrap()),
                ],
            )
            .unwrap_err(),
            message: "duplicate period 2022 in series z/output: keep one value per period",
        },
        Case {
            variant: "InvalidValue",
            input: "an observation of `-5家` for the enterprise count `firms`",
            error: Observation::new(
                id("z"),
                Indicator::new(
                    "firms",
                    "企业数",
                    "enterprises",
                    Unit::count(Noun::Enterprise),
                    Kind::Stock,
                )
                .unwrap(),
                year(2022),
                // Built unchecked: text and serde refuse a negative count.
                Quantity::new(dec!(-5), Unit::count(Noun::Enterprise)).into(),
            )
            .unwrap_err(),
            message: "invalid value -5家 for indicator firms: a count cannot be negative",
        },
        Case {
            variant: "InvalidCode",
            input: "IndicatorCode::new(`gdp growth`) (a space)",
            error: IndicatorCode::new("gdp growth").unwrap_err(),
            message: "invalid indicator code \"gdp growth\": use 1 to 64 ASCII letters, digits, '_', '-' or '.'",
        },
        Case {
            variant: "SeriesMismatch",
            input: "push an observation of zone y (`y/output`) onto the series `z/output`",
            error: history(output())
                .push(
                    Observation::new(id("y"), output(), year(2023), q("1100亿元").into()).unwrap(),
                )
                .unwrap_err(),
            message: "observation of y/output does not belong to series z/output",
        },
        // Growth.
        Case {
            variant: "ZeroBase",
            input: "growth from `0元` to `5元`",
            error: growth::growth(&q("0元"), &q("5元")).unwrap_err(),
            message: "growth is undefined: the base 0元 is zero (current 5元)",
        },
        Case {
            variant: "NegativeBase",
            input: "growth from `-100元` to `-50元` (a loss halved)",
            error: growth::growth(&q("-100元"), &q("-50元")).unwrap_err(),
            message: "growth is undefined: the base -100元 is negative (current -50元); report the change itself",
        },
        Case {
            variant: "SignChange",
            input: "growth from `100元` to `-100元` (a profit became a loss)",
            error: growth::growth(&q("100元"), &q("-100元")).unwrap_err(),
            message: "growth is undefined: the value changed sign from 100元 to -100元",
        },
        Case {
            variant: "MissingValue",
            input: "the CAGR of series `z/output` from `2020`, which has no value, to 2022",
            error: history(output()).cagr(year(2020), year(2022)).unwrap_err(),
            message: "no value for 2020 in series z/output: add it, or measure from a period that has one",
        },
        Case {
            variant: "ShareGrowth",
            input: "growth of the share `4.1%` to `4.4%`",
            error: growth::growth(&q("4.1%"), &q("4.4%")).unwrap_err(),
            message: "4.1% and 4.4% are percentages: their change is in percentage points (use percentage_point_change), or ask for growth_of_share explicitly",
        },
        Case {
            variant: "RateOutOfRange",
            input: "project `1004亿元` 3 years at a rate of `-100%`",
            error: growth::project(&q("1004亿元"), Rate::from_percent(dec!(-100)).unwrap(), 3)
                .unwrap_err(),
            message: "rate -100% is out of range: a rate of -100% or less cannot be compounded",
        },
        Case {
            variant: "InvalidSpan",
            input: "the growth required from `2026` to a deadline of `2023`",
            error: growth::required_growth(&q("1350亿元"), year(2026), &q("1800亿元"), year(2023))
                .unwrap_err(),
            message: "invalid span from 2026 to 2023: the deadline must be after the base period",
        },
        Case {
            variant: "OutOfDomain",
            input: "real growth of 8.5% with a price index of `0`",
            error: growth::real_growth(Rate::from_percent(dec!(8.5)).unwrap(), dec!(0))
                .unwrap_err(),
            message: "0 is outside the domain of real growth: a price index (previous year = 100) must be above zero",
        },
        Case {
            variant: "AssumptionRequired",
            input: "the implied base of the current-price level `1004亿元` from the comparable-price rate `8.5%`, no assumption stated",
            error: {
                let rate = Indicator::new(
                    "output_growth",
                    "工业总产值增速",
                    "industrial output growth",
                    Unit::PERCENT,
                    Kind::Change,
                )
                .unwrap()
                .with_price_basis(PriceBasis::Comparable);
                let level =
                    Observation::new(id("z"), output(), year(2022), q("1004亿元").into()).unwrap();
                let growth = Observation::new(id("z"), rate, year(2022), q("8.5%").into()).unwrap();
                growth::implied_base(&level, &growth, BasePeriod::YearAgo, &[]).unwrap_err()
            },
            message: "an implied base needs an assumption: the rate 8.5% of output_growth is at comparable prices and the level 1004亿元 at current prices; state Assumption::RateAtCurrentPrices (for a current-price level) or Assumption::PriceBasesEqual; state it to proceed",
        },
        Case {
            variant: "InconsistentTotal",
            input: "contributions of parts summing to `100亿元` → `110亿元` to a total given as `100亿元` → `111亿元`",
            error: growth::contributions(
                &[
                    ("industry", q("60亿元"), q("66亿元")),
                    ("services", q("40亿元"), q("44亿元")),
                ],
                Some((q("100亿元"), q("111亿元"))),
            )
            .unwrap_err(),
            message: "components do not add up: they sum to 110亿元, the total is 111亿元",
        },
        Case {
            variant: "Empty",
            input: "average_rate(&[]): the average of an empty `list of rates`",
            error: growth::average_rate(&[]).unwrap_err(),
            message: "the list of rates is empty",
        },
        // Targets.
        Case {
            variant: "ScopeMismatch",
            input: "analyse all-industry data against an `above designated size` target, no bridge",
            error: {
                let target = LevelTarget::new(
                    output().with_scope(Scope::above_designated_size()),
                    "1800亿元".parse().unwrap(),
                    year(2026),
                )
                .unwrap();
                target
                    .analyse(&history(output().with_scope(Scope::AllIndustry)))
                    .run()
                    .unwrap_err()
            },
            message: "scope mismatch: the target is for above designated size (revenue ≥ 20 million yuan), the data for all industry; state a bridge (assume them equal, a ratio, or an observed base in the target's scope)",
        },
        Case {
            variant: "PriceBasisMismatch",
            input: "analyse current-price data against a target at `comparable prices`, no assumption",
            error: {
                let target = LevelTarget::new(
                    output().with_price_basis(PriceBasis::Comparable),
                    "1800亿元".parse().unwrap(),
                    year(2026),
                )
                .unwrap();
                target.analyse(&history(output())).run().unwrap_err()
            },
            message: "price basis mismatch: the target is at comparable prices, the data at current prices; state Assumption::PriceBasesEqual to compare them",
        },
        Case {
            variant: "InvalidThresholds",
            input: "thresholds `good ≥ 0.8` then `excellent ≥ 0.9` (increasing)",
            error: Thresholds::new(
                vec![
                    (dec!(0.8), "good".to_owned()),
                    (dec!(0.9), "excellent".to_owned()),
                ],
                "poor".to_owned(),
            )
            .unwrap_err(),
            message: "invalid thresholds [good ≥ 0.8, excellent ≥ 0.9]: thresholds must be strictly decreasing, best class first",
        },
        // Ranking.
        Case {
            variant: "AllMissing",
            input: "a cross-section of `2` zones, every value missing",
            error: CrossSection::new(Unit::YI_YUAN, [(id("a"), None), (id("b"), None)])
                .unwrap_err(),
            message: "all 2 values of the cross-section are missing: supply at least one value",
        },
        Case {
            variant: "DuplicateEntity",
            input: "a cross-section that lists zone `a` twice",
            error: CrossSection::new(
                Unit::YI_YUAN,
                [(id("a"), Some(dec!(1))), (id("a"), Some(dec!(2)))],
            )
            .unwrap_err(),
            message: "duplicate entity a: give each entity one value per indicator",
        },
        Case {
            variant: "UnknownEntity",
            input: "the value of zone `x`, not in the cross-section",
            error: cross_section().value(&id("x")).unwrap_err(),
            message: "unknown entity x: it is not in the cross-section",
        },
        Case {
            variant: "Unranked",
            input: "the rank of zone `c`, whose value is missing",
            error: cross_section()
                .rank_of(&id("c"), Direction::HigherIsBetter)
                .unwrap_err(),
            message: "entity c has no value for the cross-section, so it has no rank",
        },
        Case {
            variant: "InvalidRank",
            input: "rank `130` in a pool of `100`",
            error: RankObservation::new(year(2023), 130, Some(100)).unwrap_err(),
            message: "invalid rank 130: the pool has only 100 entries",
        },
        Case {
            variant: "InvalidProbability",
            input: "the quantile at p = `1.5`",
            error: quantile_of_four(dec!(1.5), QuantileMethod::Linear),
            message: "probability 1.5 is outside [0, 1]",
        },
        Case {
            variant: "QuantileOutOfRange",
            input: "the Weibull (PERCENTILE.EXC) quantile at p = `0.1` of `4` values",
            error: quantile_of_four(dec!(0.1), QuantileMethod::Weibull),
            message: "quantile 0.1 of 4 values is out of range for type 6 (weibull, PERCENTILE.EXC): p must lie in [0.2, 0.8]",
        },
        Case {
            variant: "OutsideRange",
            input: "the percentile rank of `5` in data from 1 to 4",
            error: indstat::rank::percent_rank_inc(&[1, 2, 3, 4].map(Decimal::from), dec!(5))
                .unwrap_err(),
            message: "5 is outside the data range [1, 4]: its percentile rank is undefined",
        },
        // Composite indices.
        Case {
            variant: "DuplicateCode",
            input: "a tree with two nodes named `quality`",
            error: Tree::new(vec![
                Node::new("index", None, dec!(1)).unwrap(),
                Node::new("quality", Some("index"), dec!(1)).unwrap(),
                Node::new("quality", Some("index"), dec!(1)).unwrap(),
            ])
            .unwrap_err(),
            message: "duplicate code quality: each node of an indicator tree needs its own code",
        },
        Case {
            variant: "UnknownCode",
            input: "the value of indicator `exports`, not in the data set",
            error: data([10, 40, 30], [50, 10, 40])
                .value(&id("a"), &code("exports"))
                .unwrap_err(),
            message: "unknown code exports in the data set: add it or correct the spelling",
        },
        Case {
            variant: "OrphanNode",
            input: "a tree whose node `quality` names the parent `pillar`, which is not there",
            error: Tree::new(vec![
                Node::new("index", None, dec!(1)).unwrap(),
                Node::new("quality", Some("pillar"), dec!(1)).unwrap(),
            ])
            .unwrap_err(),
            message: "node quality names parent pillar, which is not in the tree",
        },
        Case {
            variant: "TreeCycle",
            input: "a tree where `a` is the parent of `b` and `b` the parent of `a`",
            error: Tree::new(vec![
                Node::new("index", None, dec!(1)).unwrap(),
                Node::new("a", Some("b"), dec!(1)).unwrap(),
                Node::new("b", Some("a"), dec!(1)).unwrap(),
            ])
            .unwrap_err(),
            message: "the indicator tree has a cycle: a -> b -> a",
        },
        Case {
            variant: "RootCount",
            input: "a tree with two roots, `index` and `other`",
            error: Tree::new(vec![
                Node::new("index", None, dec!(1)).unwrap(),
                Node::new("other", None, dec!(1)).unwrap(),
            ])
            .unwrap_err(),
            message: "an indicator tree needs exactly one root (a node without parent), found [\"index\", \"other\"]",
        },
        Case {
            variant: "NegativeWeight",
            input: "a node `quality` with weight `-0.5`",
            error: Node::new("quality", Some("index"), dec!(-0.5)).unwrap_err(),
            message: "weight -0.5 of quality is negative: weights must be zero or more",
        },
        Case {
            variant: "ZeroWeightSum",
            input: "a tree whose children of `index` all weigh 0",
            error: Tree::new(vec![
                Node::new("index", None, dec!(1)).unwrap(),
                Node::new("quality", Some("index"), dec!(0)).unwrap(),
            ])
            .unwrap_err(),
            message: "the weights of the children of index sum to zero: give at least one a positive weight",
        },
        Case {
            variant: "AggregationDomain",
            input: "a geometric mean after min-max onto [0, 100], which gives zone `a` a `0` on `innovation`",
            error: Composite::new(
                tree(),
                Spec::new(
                    Normaliser::min_max(dec!(0), dec!(100)).unwrap(),
                    Aggregator::Geometric,
                ),
            )
            .compute(&data([10, 40, 30], [50, 10, 40]))
            .unwrap_err(),
            message: "a geometric mean needs values above zero, but innovation of a is 0: rescale first (e.g. min-max onto [1, 100])",
        },
        Case {
            variant: "ConstantIndicator",
            input: "min-max normalise `quality`, whose values all equal `7`",
            error: Composite::new(
                tree(),
                Spec::new(
                    Normaliser::min_max(dec!(0), dec!(100)).unwrap(),
                    Aggregator::Arithmetic,
                ),
            )
            .compute(&data([10, 40, 30], [7, 7, 7]))
            .unwrap_err(),
            message: "min-max cannot normalise quality: all its values equal 7",
        },
        Case {
            variant: "InvalidParameter",
            input: "min-max onto [`5`, `5`]",
            error: Normaliser::min_max(dec!(5), dec!(5)).unwrap_err(),
            message: "invalid min-max range [5, 5]: the lower end must be below the upper end",
        },
        // Panels.
        Case {
            variant: "MissingHeader",
            input: "a panel CSV whose header says `year` for `period`",
            error: Panel::from_csv("entity,year,indicator,value\n".as_bytes()).unwrap_err(),
            message: "line 1, column 2: expected the header \"entity,period,indicator,value\", found \"entity,year,indicator,value\"; make the header the first line",
        },
        Case {
            variant: "ColumnCount",
            input: "a panel CSV row `A,2024,x` with three fields",
            error: Panel::from_csv(format!("{HEADER}A,2024,x\n").as_bytes()).unwrap_err(),
            message: "line 2, column 3: expected 4 fields, found 3 in \"A,2024,x\"; give every row the header's columns",
        },
        Case {
            variant: "InvalidCell",
            input: "a panel CSV value `12a`",
            error: Panel::from_csv(format!("{HEADER}A,2024,x,12a\n").as_bytes()).unwrap_err(),
            message: "line 2, column 4: \"12a\" is not a decimal value: not a plain decimal; write a plain decimal such as -1234.5678 (no exponent or grouping) with at most 28 decimal places and at most 79228162514264337593543950335 without its decimal point, or leave the cell empty",
        },
        Case {
            variant: "DuplicateObservation",
            input: "two panel CSV rows for `A`, 2024, x",
            error: Panel::from_csv(format!("{HEADER}A,2024,x,1\nA,2024,x,2\n").as_bytes())
                .unwrap_err(),
            message: "line 3, column 1: duplicate observation of x for A in 2024 (first on line 2); keep one row per entity, period and indicator",
        },
        Case {
            variant: "UnexpectedEnd",
            input: "a panel CSV that ends mid-row after `A,2023`",
            error: Panel::from_csv(format!("{HEADER}A,2024,x,1\nA,2023").as_bytes()).unwrap_err(),
            message: "line 3, column 2: the input ends in the middle of a row \"A,2023\"; complete the row or remove it",
        },
        Case {
            variant: "InvalidUtf8",
            input: "a panel CSV with the byte 0xff at `line 2, column 1`",
            error: Panel::from_csv([HEADER.as_bytes(), b"A\xff,2024,x,1\n"].concat().as_slice())
                .unwrap_err(),
            message: "line 2, column 1: invalid UTF-8; save the file as UTF-8",
        },
        Case {
            variant: "Io",
            input: "a reader that fails with `disk unplugged`",
            error: Panel::from_csv(Broken).unwrap_err(),
            message: "input/output failed: disk unplugged; check the file or stream and retry",
        },
        Case {
            variant: "File",
            input: "a chart saved to the folder `/dev/null/charts` (under a file)",
            error: indstat::report::save(std::path::Path::new("/dev/null/charts"), "t1.svg", "")
                .unwrap_err(),
            message: "cannot create the folder /dev/null/charts: Not a directory (os error 20)",
        },
        Case {
            variant: "Unwritable",
            input: "an entity `a\\nb` (a line break) written to SDMX-CSV",
            error: {
                let p = Panel::from_rows([(
                    "a\nb",
                    Period::year(2024).unwrap(),
                    "gdp",
                    Some(Decimal::ONE),
                )])
                .unwrap();
                p.write_sdmx_csv(&mut Vec::new(), &SdmxOptions::default())
                    .unwrap_err()
            },
            message: "entity \"a\\nb\" cannot be written to SDMX-CSV: it holds a line break, which a one-line record cannot; rename it",
        },
    ]
}

/// The panel CSV header.
const HEADER: &str = "entity,period,indicator,value\n";

/// A reader whose every read fails.
struct Broken;

impl std::io::Read for Broken {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk unplugged"))
    }
}

/// `quantile` of 1, 2, 3, 4 at `p`.
fn quantile_of_four(p: Decimal, method: QuantileMethod) -> Error {
    indstat::rank::quantile(&[1, 2, 3, 4].map(Decimal::from), p, method).unwrap_err()
}

/// Variants whose message names the units involved but not the values (the
/// values are not at hand where the error is raised). Exempt from
/// `every_message_names_the_input`.
const NAMES_UNITS_NOT_VALUES: &[&str] = &["UnitMismatch"];

/// The names of the variants of `pub enum Error` in `src/error.rs`: lines of
/// the enum that are four spaces, a CamelCase identifier, then ` {` or `,`.
fn declared_variants() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/error.rs");
    let source = std::fs::read_to_string(path).unwrap();
    let body = source
        .split_once("pub enum Error {")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("no `pub enum Error {{` in {path}"));
    let body = body.split("\n}").next().unwrap();
    body.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("    ")?;
            let name = rest.strip_suffix(" {").or_else(|| rest.strip_suffix(','))?;
            let mut chars = name.chars();
            let camel =
                chars.next()?.is_ascii_uppercase() && chars.all(|c| c.is_ascii_alphanumeric());
            camel.then(|| name.to_owned())
        })
        .collect()
}

/// The backticked fragments of a case's input.
fn fragments(input: &str) -> Vec<&str> {
    input.split('`').skip(1).step_by(2).collect()
}

#[test]
fn every_case_has_its_variant_and_message() {
    for case in catalogue() {
        let debug = format!("{:?}", case.error);
        assert!(
            debug == case.variant
                || debug.starts_with(&format!("{} {{", case.variant))
                || debug.starts_with(&format!("{}(", case.variant)),
            "{} ({}): got {debug}",
            case.variant,
            case.input
        );
        assert_eq!(
            case.error.to_string(),
            case.message,
            "{} ({})",
            case.variant,
            case.input
        );
    }
}

#[test]
fn every_variant_has_a_case() {
    let declared = declared_variants();
    assert!(
        declared.len() >= 40,
        "read only {} variants from src/error.rs: {declared:?}",
        declared.len()
    );
    let cases = catalogue();
    let catalogued: Vec<&str> = cases.iter().map(|c| c.variant).collect();
    let missing: Vec<&String> = declared
        .iter()
        .filter(|v| !catalogued.contains(&v.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "variants of indstat::Error without a case in tests/errors.rs: {missing:?}; \
         add a Case to catalogue() for each, with the input that produces it and its message"
    );
    let unknown: Vec<&&str> = catalogued
        .iter()
        .filter(|v| !declared.iter().any(|d| d == *v))
        .collect();
    assert!(
        unknown.is_empty(),
        "cases for variants not in src/error.rs: {unknown:?}"
    );
    let mut sorted = catalogued.clone();
    sorted.sort_unstable();
    let twice: Vec<&&str> = sorted
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| &w[0])
        .collect();
    assert!(
        twice.is_empty(),
        "variants with more than one case: {twice:?}"
    );
}

#[test]
fn every_message_names_the_input() {
    for case in catalogue() {
        let m = case.message;
        let first = m.chars().next();
        assert!(
            first.is_some_and(|c| !c.is_uppercase()),
            "{}: the message must start lowercase: {m:?}",
            case.variant
        );
        assert!(
            !m.ends_with('.'),
            "{}: the message must not end with a period: {m:?}",
            case.variant
        );
        let named = fragments(case.input);
        assert!(
            !named.is_empty(),
            "{}: mark the offending value in the input with backticks: {:?}",
            case.variant,
            case.input
        );
        if NAMES_UNITS_NOT_VALUES.contains(&case.variant) {
            continue;
        }
        assert!(
            named.iter().any(|f| m.contains(f)),
            "{}: the message {m:?} names none of {named:?}",
            case.variant
        );
    }
}
