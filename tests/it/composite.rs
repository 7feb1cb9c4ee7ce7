//! Composite indices on small matrices worked by hand with the formulas of
//! COINr's `R/normalise.R` and `R/aggregate.R`: every expected
//! value below is derived in the comment beside it. Then bad input, each a
//! typed error, and the Monte Carlo's determinism.

use indstat::composite::{
    Aggregator, Composite, Data, Needed, Node, Normaliser, Spec, Step, Tree, Uncertainty,
};
use indstat::dec;
use indstat::{Direction, EntityId, Error, IndicatorCode};
use rust_decimal::Decimal;

fn id(s: &str) -> EntityId {
    EntityId::new(s).unwrap()
}

fn code(s: &str) -> IndicatorCode {
    IndicatorCode::new(s).unwrap()
}

/// a, b, c, d on x1 (higher is better), x2 (lower is better), x3 (b missing).
fn matrix() -> (Tree, Data) {
    let tree = Tree::new(vec![
        Node::new("index", None, dec!(1)).unwrap(),
        Node::new("x1", Some("index"), dec!(1)).unwrap(),
        Node::new("x2", Some("index"), dec!(1))
            .unwrap()
            .with_direction(Direction::LowerIsBetter),
        Node::new("x3", Some("index"), dec!(1)).unwrap(),
    ])
    .unwrap();
    let e = ["a", "b", "c", "d"].map(id);
    let col = |v: [Option<i64>; 4]| {
        e.iter()
            .cloned()
            .zip(v.map(|x| x.map(Decimal::from)))
            .collect::<Vec<_>>()
    };
    let data = Data::new(e.clone())
        .unwrap()
        .with_indicator(code("x1"), col([Some(2), Some(4), Some(6), Some(10)]))
        .unwrap()
        .with_indicator(code("x2"), col([Some(30), Some(10), Some(20), Some(40)]))
        .unwrap()
        .with_indicator(code("x3"), col([Some(5), None, Some(1), Some(3)]))
        .unwrap();
    (tree, data)
}

fn scores(results: &indstat::composite::Results, node: &str) -> Vec<Option<Decimal>> {
    ["a", "b", "c", "d"]
        .map(|e| {
            results
                .score(&id(e), &code(node))
                .unwrap()
                .map(|v| v.round_dp(20))
        })
        .to_vec()
}

fn d(v: &[Option<Decimal>]) -> Vec<Option<Decimal>> {
    v.iter().map(|x| x.map(|x| x.round_dp(20))).collect()
}

#[test]
fn min_max_arithmetic_with_reweighting_by_hand() {
    let (tree, data) = matrix();
    let r = Composite::new(
        tree,
        Spec::new(
            Normaliser::min_max(dec!(0), dec!(1)).unwrap(),
            Aggregator::Arithmetic,
        ),
    )
    .compute(&data)
    .unwrap();
    // x1: (x − 2)/8 → 0, 0.25, 0.5, 1.
    assert_eq!(
        scores(&r, "x1"),
        d(&[
            Some(dec!(0)),
            Some(dec!(0.25)),
            Some(dec!(0.5)),
            Some(dec!(1))
        ])
    );
    // x2 lower is better: (max − x)/(max − min) = (40 − x)/30 → 1/3, 1, 2/3, 0.
    let third = dec!(1) / dec!(3);
    assert_eq!(
        scores(&r, "x2"),
        d(&[
            Some(third),
            Some(dec!(1)),
            Some(dec!(2) / dec!(3)),
            Some(dec!(0))
        ])
    );
    // Index: a (0 + 1/3 + 1)/3 = 4/9; b re-weighted over x1, x2: (0.25 + 1)/2 = 0.625;
    // c (0.5 + 2/3 + 0)/3 = 7/18; d (1 + 0 + 0.5)/3 = 0.5.
    assert_eq!(
        scores(&r, "index"),
        d(&[
            Some(dec!(4) / dec!(9)),
            Some(dec!(0.625)),
            Some(dec!(7) / dec!(18)),
            Some(dec!(0.5))
        ])
    );
    let ranks: Vec<_> = ["a", "b", "c", "d"]
        .map(|e| r.rank(&id(e)).unwrap())
        .to_vec();
    assert_eq!(ranks, [Some(3), Some(1), Some(4), Some(2)]);
    // The log records each step's parameters, in order.
    let steps: Vec<Step> = r.log().iter().map(|e| e.step()).collect();
    assert_eq!(
        steps,
        [
            Step::Normalise,
            Step::Normalise,
            Step::Normalise,
            Step::Weight,
            Step::Aggregate,
            Step::Rank
        ]
    );
    assert!(r.log()[1].detail().contains("LowerIsBetter"));
    assert!(r.log()[3].detail().contains("x1 0.333333"));
}

#[test]
fn coverage_rule_excludes_and_logs() {
    let (tree, data) = matrix();
    let spec = Spec::new(
        Normaliser::min_max(dec!(0), dec!(1)).unwrap(),
        Aggregator::Arithmetic,
    )
    .with_min_coverage(dec!(1))
    .unwrap();
    let r = Composite::new(tree, spec).compute(&data).unwrap();
    assert_eq!(r.rank(&id("b")).unwrap(), None);
    assert_eq!(r.rank(&id("d")).unwrap(), Some(1));
    let cov: Vec<_> = r
        .log()
        .iter()
        .filter(|e| e.step() == Step::Coverage)
        .collect();
    assert_eq!(cov.len(), 1);
    assert_eq!(cov[0].entity(), Some(&id("b")));
    assert!(cov[0].to_string().contains("2 of 3 children present"));
}

#[test]
fn normalisers_by_hand() {
    let (tree, data) = matrix();
    let run = |n: Normaliser| {
        let spec =
            Spec::new(Normaliser::Rank, Aggregator::Arithmetic).with_normaliser(code("x1"), n);
        let r = Composite::new(tree.clone(), spec).compute(&data).unwrap();
        scores(&r, "x1")
    };
    let s = |v: [&str; 4]| {
        v.map(|x| Some(x.parse::<Decimal>().unwrap().round_dp(20)))
            .to_vec()
    };
    // Goalposts [0, 8] × 100: 100·clamp(x/8, 0, 1).
    assert_eq!(
        run(Normaliser::goalposts(dec!(0), dec!(8), dec!(100)).unwrap()),
        s(["25", "50", "75", "100"])
    );
    // Distance to target 8, capped: (x − 2)/6.
    let t = run(Normaliser::DistanceToTarget {
        target: dec!(8),
        cap: true,
    });
    assert_eq!(
        t,
        d(&[
            Some(dec!(0)),
            Some(dec!(1) / dec!(3)),
            Some(dec!(2) / dec!(3)),
            Some(dec!(1))
        ])
    );
    // Distance to reference c (x = 6): 1 − (6 − x)/4, uncapped.
    assert_eq!(
        run(Normaliser::DistanceToReference {
            entity: id("c"),
            cap: false
        }),
        s(["0", "0.5", "1", "2"])
    );
    // Distance to max: 1 − (10 − x)/8.
    assert_eq!(run(Normaliser::DistanceToMax), s(["0", "0.25", "0.5", "1"]));
    // Rank (ties min) and percentile (rank − 1)/(n − 1).
    assert_eq!(run(Normaliser::Rank), s(["1", "2", "3", "4"]));
    let p = run(Normaliser::Percentile);
    assert_eq!(
        p,
        d(&[
            Some(dec!(0)),
            Some(dec!(1) / dec!(3)),
            Some(dec!(2) / dec!(3)),
            Some(dec!(1))
        ])
    );
    // z-score: mean 5.5, sample sd √(35/3); a: −3.5/√(35/3) = −√1.05 = −1.0246950765959598…
    let z = run(Normaliser::ZScore {
        mean: dec!(0),
        sd: dec!(1),
    });
    assert_eq!(z[0].unwrap().round_dp(15), dec!(-1.024695076595960));
    let total: Decimal = z.iter().flatten().sum();
    assert!(total.abs() < dec!(1e-18));
    // Goalposts for a lower-is-better indicator: (x − U)/(L − U), L = 10, U = 40.
    let spec = Spec::new(Normaliser::Rank, Aggregator::Arithmetic).with_normaliser(
        code("x2"),
        Normaliser::goalposts(dec!(10), dec!(40), dec!(1)).unwrap(),
    );
    let r = Composite::new(tree, spec).compute(&data).unwrap();
    assert_eq!(scores(&r, "x2")[0], Some((dec!(1) / dec!(3)).round_dp(20)));
}

/// One entity per row, identity normalisation (goalposts [0, 100] × 100).
fn two_indicators(
    rows: &[(&str, i64, i64)],
    aggregator: Aggregator,
) -> Result<indstat::composite::Results, Error> {
    let tree = Tree::new(vec![
        Node::new("i", None, dec!(1))?,
        Node::new("u", Some("i"), dec!(1))?,
        Node::new("v", Some("i"), dec!(1))?,
    ])?;
    let e: Vec<EntityId> = rows.iter().map(|r| id(r.0)).collect();
    let data = Data::new(e.clone())?
        .with_indicator(
            code("u"),
            e.iter()
                .cloned()
                .zip(rows.iter().map(|r| Some(Decimal::from(r.1)))),
        )?
        .with_indicator(
            code("v"),
            e.iter()
                .cloned()
                .zip(rows.iter().map(|r| Some(Decimal::from(r.2)))),
        )?;
    let spec = Spec::new(
        Normaliser::goalposts(dec!(0), dec!(100), dec!(100))?,
        aggregator,
    );
    Composite::new(tree, spec).compute(&data)
}

#[test]
fn geometric_harmonic_and_copeland_by_hand() {
    // Geometric mean of 4 and 9 with equal weights: 6. Harmonic of 4 and 12: 2/(1/4 + 1/12) = 6.
    let g = two_indicators(&[("a", 4, 9), ("b", 50, 50)], Aggregator::Geometric).unwrap();
    assert_eq!(
        g.composite(&id("a")).unwrap().unwrap().round_dp(18),
        dec!(6)
    );
    let h = two_indicators(&[("a", 4, 12), ("b", 50, 50)], Aggregator::Harmonic).unwrap();
    assert_eq!(
        h.composite(&id("a")).unwrap().unwrap().round_dp(24),
        dec!(6)
    );
    // A zero in a geometric mean: a typed error naming entity, indicator and value.
    let err = two_indicators(&[("a", 0, 9), ("b", 50, 50)], Aggregator::Geometric).unwrap_err();
    assert_eq!(
        err,
        Error::AggregationDomain {
            operation: "a geometric mean",
            requirement: "values above zero",
            entity: "a".into(),
            indicator: "u".into(),
            value: "0".into(),
        }
    );
    // Copeland, three indicators, equal weights: a (3,1,2), b (2,2,2), c (1,3,1).
    // a vs b: one win, one loss, one tie → 0; a vs c: two wins → +1; so a = 1.
    // b vs c: two wins → +1, so b = 1; c loses both: −2.
    let tree = Tree::new(vec![
        Node::new("i", None, dec!(1)).unwrap(),
        Node::new("x", Some("i"), dec!(1)).unwrap(),
        Node::new("y", Some("i"), dec!(1)).unwrap(),
        Node::new("z", Some("i"), dec!(1)).unwrap(),
    ])
    .unwrap();
    let e = ["a", "b", "c"].map(id);
    let col = |v: [i64; 3]| {
        e.iter()
            .cloned()
            .zip(v.map(|x| Some(Decimal::from(x))))
            .collect::<Vec<_>>()
    };
    let data = Data::new(e.clone())
        .unwrap()
        .with_indicator(code("x"), col([3, 2, 1]))
        .unwrap()
        .with_indicator(code("y"), col([1, 2, 3]))
        .unwrap()
        .with_indicator(code("z"), col([2, 2, 1]))
        .unwrap();
    let spec = Spec::new(
        Normaliser::goalposts(dec!(0), dec!(100), dec!(100)).unwrap(),
        Aggregator::Copeland,
    );
    let r = Composite::new(tree, spec).compute(&data).unwrap();
    let got: Vec<_> = e.iter().map(|x| r.composite(x).unwrap().unwrap()).collect();
    assert_eq!(got, [dec!(1), dec!(1), dec!(-2)]);
    assert_eq!(r.rank(&e[1]).unwrap(), Some(1)); // tied with a
    assert_eq!(r.rank(&e[2]).unwrap(), Some(3));
}

#[test]
fn weights_renormalise_per_group_and_override_per_level() {
    let tree = Tree::new(vec![
        Node::new("index", None, dec!(1)).unwrap(),
        Node::new("d1", Some("index"), dec!(20)).unwrap(),
        Node::new("d2", Some("index"), dec!(30)).unwrap(),
        Node::new("a", Some("d1"), dec!(0.8)).unwrap(),
        Node::new("b", Some("d1"), dec!(1.2)).unwrap(),
        Node::new("c", Some("d2"), dec!(5)).unwrap(),
    ])
    .unwrap();
    assert_eq!(tree.group_weight(&code("d2")).unwrap(), dec!(0.6));
    assert_eq!(tree.group_weight(&code("b")).unwrap(), dec!(0.6));
    assert_eq!(tree.group_weight(&code("c")).unwrap(), dec!(1));
    let t2 = tree
        .with_level_weights(2, &[(code("d1"), dec!(1)), (code("d2"), dec!(1))])
        .unwrap();
    assert_eq!(t2.group_weight(&code("d1")).unwrap(), dec!(0.5));
    assert_eq!(t2.group_weight(&code("b")).unwrap(), dec!(0.6)); // level 1 untouched
    assert!(matches!(
        tree.with_level_weights(2, &[(code("a"), dec!(1))]),
        Err(Error::InvalidParameter { .. })
    ));
}

#[test]
fn bad_input_is_a_typed_error_naming_the_culprit() {
    let n = |c: &str, p: Option<&str>, w: Decimal| Node::new(c, p, w).unwrap();
    assert!(matches!(Tree::new(vec![]), Err(Error::Empty { .. })));
    assert_eq!(
        Tree::new(vec![n("i", None, dec!(1)), n("i", None, dec!(1))]).unwrap_err(),
        Error::DuplicateCode { code: "i".into() }
    );
    assert_eq!(
        Tree::new(vec![n("i", None, dec!(1)), n("x", Some("y"), dec!(1))]).unwrap_err(),
        Error::OrphanNode {
            code: "x".into(),
            parent: "y".into()
        }
    );
    assert_eq!(
        Tree::new(vec![
            n("i", None, dec!(1)),
            n("a", Some("b"), dec!(1)),
            n("b", Some("a"), dec!(1))
        ])
        .unwrap_err(),
        Error::TreeCycle {
            path: "a -> b -> a".into()
        }
    );
    assert_eq!(
        Tree::new(vec![n("i", None, dec!(1)), n("j", None, dec!(1))]).unwrap_err(),
        Error::RootCount {
            roots: vec!["i".into(), "j".into()]
        }
    );
    assert_eq!(
        Node::new("x", Some("i"), dec!(-0.5)).unwrap_err(),
        Error::NegativeWeight {
            code: "x".into(),
            weight: "-0.5".into()
        }
    );
    assert_eq!(
        Tree::new(vec![
            n("i", None, dec!(1)),
            n("x", Some("i"), dec!(0)),
            n("y", Some("i"), dec!(0))
        ])
        .unwrap_err(),
        Error::ZeroWeightSum { group: "i".into() }
    );
    assert!(matches!(Data::new([]), Err(Error::Empty { .. })));
    assert_eq!(
        Data::new([id("a"), id("a")]).unwrap_err(),
        Error::DuplicateEntity { entity: "a".into() }
    );
    // Constant and all-missing indicators.
    let tree = Tree::new(vec![n("i", None, dec!(1)), n("x", Some("i"), dec!(1))]).unwrap();
    let e = [id("a"), id("b")];
    let constant = Data::new(e.clone())
        .unwrap()
        .with_indicator(
            code("x"),
            [(id("a"), Some(dec!(3))), (id("b"), Some(dec!(3.0)))],
        )
        .unwrap();
    let minmax = Composite::new(
        tree.clone(),
        Spec::new(
            Normaliser::min_max(dec!(0), dec!(1)).unwrap(),
            Aggregator::Arithmetic,
        ),
    );
    assert_eq!(
        minmax.compute(&constant).unwrap_err().to_string(),
        "min-max cannot normalise x: all its values equal 3"
    );
    let missing = Data::new(e)
        .unwrap()
        .with_indicator(code("x"), [(id("a"), None)])
        .unwrap();
    assert_eq!(
        minmax.compute(&missing).unwrap_err(),
        Error::AllMissing {
            what: "x".into(),
            count: 2
        }
    );
    // An indicator of the tree absent from the data.
    let other = Data::new([id("a")]).unwrap();
    assert!(matches!(
        minmax.compute(&other),
        Err(Error::UnknownCode { .. })
    ));
    // Rank cross-sections: empty, all missing, duplicates.
    use indstat::rank::CrossSection;
    assert!(matches!(
        CrossSection::new(indstat::Unit::SCORE, []),
        Err(Error::Empty { .. })
    ));
    assert!(matches!(
        CrossSection::new(indstat::Unit::SCORE, [(id("a"), None)]),
        Err(Error::AllMissing { .. })
    ));
}

#[test]
fn monte_carlo_is_seeded_and_brackets_the_nominal_rank() {
    let (tree, data) = matrix();
    let index = Composite::new(
        tree,
        Spec::new(
            Normaliser::min_max(dec!(1), dec!(100)).unwrap(),
            Aggregator::Arithmetic,
        ),
    );
    let settings = Uncertainty::new(300, 7)
        .unwrap()
        .with_aggregators(vec![Aggregator::Arithmetic, Aggregator::Geometric])
        .with_normalisers(vec![
            Normaliser::min_max(dec!(1), dec!(100)).unwrap(),
            Normaliser::Rank,
        ]);
    let a = index.uncertainty(&data, &settings).unwrap();
    let b = index.uncertainty(&data, &settings).unwrap();
    assert_eq!(a, b);
    let c = index
        .uncertainty(&data, &Uncertainty::new(300, 8).unwrap())
        .unwrap();
    assert_ne!(a.runs(), c.runs());
    for i in a.intervals() {
        assert!(i.q05() <= i.median() && i.median() <= i.q95(), "{i:?}");
        assert_eq!(i.ranked_runs(), 300);
    }
    // The parameters of each run are returned, and both alternatives were drawn.
    assert!(
        a.runs()
            .iter()
            .any(|r| r.aggregator() == Some(Aggregator::Geometric))
    );
    assert!(
        a.runs()
            .iter()
            .any(|r| r.normaliser() == Some(&Normaliser::Rank))
    );
    // Without noise and alternatives every run is the nominal ranking.
    let fixed = index
        .uncertainty(
            &data,
            &Uncertainty::new(20, 1)
                .unwrap()
                .with_weight_noise(dec!(0))
                .unwrap(),
        )
        .unwrap();
    for i in fixed.intervals() {
        let nominal = i.nominal().map(Decimal::from);
        assert_eq!((i.q05(), i.median(), i.q95()), (nominal, nominal, nominal));
    }
}

#[test]
fn what_would_it_take_reaches_exactly_the_target() {
    let (tree, data) = matrix();
    let index = Composite::new(
        tree,
        Spec::new(
            Normaliser::min_max(dec!(0), dec!(1)).unwrap(),
            Aggregator::Arithmetic,
        ),
    );
    // c is 4th; what does it take to be 2nd?
    let table = index.what_would_it_take(&data, &id("c"), 2, None).unwrap();
    for row in &table {
        if let Needed::Value { value, .. } = row.needed() {
            // At the value found c ranks 2nd or better; one step less does not.
            let mut d = data.clone();
            d.set(&id("c"), row.indicator(), Some(*value)).unwrap();
            assert!(index.compute(&d).unwrap().rank(&id("c")).unwrap().unwrap() <= 2);
            let back = match index.tree().node(row.indicator()).unwrap().direction() {
                Direction::HigherIsBetter => *value - dec!(1),
                Direction::LowerIsBetter => *value + dec!(1),
            };
            d.set(&id("c"), row.indicator(), Some(back)).unwrap();
            assert!(
                index.compute(&d).unwrap().rank(&id("c")).unwrap().unwrap() > 2,
                "{row:?}"
            );
        }
    }
    assert!(
        table
            .iter()
            .any(|r| matches!(r.needed(), Needed::Value { .. }))
    );
    let top = index.what_would_it_take(&data, &id("b"), 1, None).unwrap();
    assert!(top.iter().all(|r| r.needed() == &Needed::Already));
}

// ---------------------------------------------------------------------------
// What it would take, past the best value observed.

// Also the zones of the top100 example's text and chart (`report::top100`).
#[allow(dead_code)]
#[path = "../../examples/top100/zones.rs"]
pub(super) mod top100;

/// The top100 index recomputed from its formulas, independently of
/// `Composite::compute`: min-max onto [1, 100] after direction, the mean of
/// the two indicators of each dimension, the dimensions weighted
/// 20/20/15/15/30. Returns `entity`'s rank (1 + the number of zones with a
/// higher score).
fn top100_rank_by_hand(data: &Data, entity: &EntityId) -> usize {
    let zones = data.entities();
    let mut normalised = std::collections::BTreeMap::new();
    for (code, _, direction, ..) in top100::INDICATORS {
        let sign = match direction {
            Direction::HigherIsBetter => dec!(1),
            _ => dec!(-1),
        };
        let x: Vec<Decimal> = zones
            .iter()
            .map(|z| sign * data.value(z, &code.parse().unwrap()).unwrap().unwrap())
            .collect();
        let (min, max) = (*x.iter().min().unwrap(), *x.iter().max().unwrap());
        let y: Vec<Decimal> = x
            .iter()
            .map(|v| (*v - min) / (max - min) * dec!(99) + dec!(1))
            .collect();
        normalised.insert(code, y);
    }
    let score = |z: usize| -> Decimal {
        top100::DIMENSIONS
            .iter()
            .map(|(dim, w, _)| {
                let pair: Vec<Decimal> = top100::INDICATORS
                    .iter()
                    .filter(|i| i.1 == *dim)
                    .map(|i| normalised[i.0][z])
                    .collect();
                *w / dec!(100) * (pair[0] + pair[1]) / dec!(2)
            })
            .sum()
    };
    let e = zones.iter().position(|z| z == entity).unwrap();
    let mine = score(e);
    1 + (0..zones.len()).filter(|&z| score(z) > mine).count()
}

#[test]
fn what_would_it_take_searches_past_the_best_observed_top100() {
    // Rongchang (rank 122) reaches rank 100 with
    // value_added_rate 38.99 (best observed 34.96) or foreign_staff 90.65 (best
    // observed 4.96), each alone. Checked here by recomputing the index by hand
    // at the value and one step (0.01) below it, and in exact rationals by
    // `tests/vectors/check_top100.py` (Python's `fractions`): ranks 100 and 101.
    let zones = top100::build().unwrap();
    let (index, data, rc) = (&zones.index, &zones.data, &zones.rongchang);
    assert_eq!(top100_rank_by_hand(data, rc), 122);
    let table = index.what_would_it_take(data, rc, 100, None).unwrap();
    for (indicator, now, needed) in [
        ("value_added_rate", dec!(29.98), dec!(38.99)),
        ("foreign_staff", dec!(4.94), dec!(90.65)),
    ] {
        let mut at = data.clone();
        at.set(rc, &code(indicator), Some(needed)).unwrap();
        assert_eq!(top100_rank_by_hand(&at, rc), 100, "{indicator} = {needed}");
        at.set(rc, &code(indicator), Some(needed - dec!(0.01)))
            .unwrap();
        assert_eq!(
            top100_rank_by_hand(&at, rc),
            101,
            "{indicator} = {needed} - 0.01"
        );
        let row = table
            .iter()
            .find(|r| r.indicator().as_str() == indicator)
            .unwrap();
        assert_eq!(row.current(), Some(now));
        assert_eq!(
            row.needed(),
            &Needed::Value {
                value: needed,
                change: needed - now,
                least: true,
            },
            "{indicator}"
        );
    }
}

// ---------------------------------------------------------------------------
// The Monte Carlo keeps the user's choices.

/// Five zones on three indicators in two groups: `x` and `y` in `g`, `z` alone
/// in `h`.
fn five_zones() -> (Tree, Data) {
    let tree = tree_of(&[
        ("index", None, dec!(1)),
        ("g", Some("index"), dec!(1)),
        ("h", Some("index"), dec!(1)),
        ("x", Some("g"), dec!(1)),
        ("y", Some("g"), dec!(1)),
        ("z", Some("h"), dec!(1)),
    ]);
    let e = ["a", "b", "c", "d", "e"].map(id);
    let data = data_of(
        &e,
        &[
            ("x", &[Some(20), Some(10), Some(60), Some(90), Some(40)]),
            ("y", &[Some(80), Some(5), Some(30), Some(70), Some(10)]),
            ("z", &[Some(30), Some(50), Some(45), Some(40), Some(35)]),
        ],
    );
    (tree, data)
}

fn nominal_and_medians(
    index: &Composite,
    data: &Data,
    settings: &Uncertainty,
) -> (Vec<Option<u32>>, Vec<Option<Decimal>>) {
    let u = index.uncertainty(data, settings).unwrap();
    let nominal = u.intervals().iter().map(|i| i.nominal()).collect();
    let medians = u.intervals().iter().map(|i| i.median()).collect();
    (nominal, medians)
}

#[test]
fn monte_carlo_keeps_per_indicator_normalisers_and_per_level_aggregators() {
    let (tree, data) = five_zones();
    let mm = Normaliser::min_max(dec!(1), dec!(100)).unwrap();
    // z: goalposts [0, 100] x 100 is the identity on these values, where
    // min-max would stretch 30..50 over 1..100.
    let spec = Spec::new(mm.clone(), Aggregator::Arithmetic).with_normaliser(
        code("z"),
        Normaliser::goalposts(dec!(0), dec!(100), dec!(100)).unwrap(),
    );
    let index = Composite::new(tree.clone(), spec);
    // Zero weight noise and the spec's own default normaliser as the only
    // alternative: every run is the nominal index, so every median is the
    // nominal rank (by hand: a 3, b 5, c 2, d 1, e 4 — see below).
    let settings = Uncertainty::new(10, 3)
        .unwrap()
        .with_weight_noise(dec!(0))
        .unwrap()
        .with_normalisers(vec![mm.clone()]);
    let (nominal, medians) = nominal_and_medians(&index, &data, &settings);
    // x: (v − 10)/80·99 + 1; y: (v − 5)/75·99 + 1; z as is.
    // a: g = (13.375 + 100)/2 = 56.6875, index (56.6875 + 30)/2 = 43.34375
    // b: g = (1 + 1)/2 = 1, index (1 + 50)/2 = 25.5
    // c: g = (62.875 + 34)/2 = 48.4375, index (48.4375 + 45)/2 = 46.71875
    // d: g = (100 + 86.8)/2 = 93.4, index (93.4 + 40)/2 = 66.7
    // e: g = (38.125 + 7.6)/2 = 22.8625, index (22.8625 + 35)/2 = 28.93125
    assert_eq!(nominal, [Some(3), Some(5), Some(2), Some(1), Some(4)]);
    let want: Vec<Option<Decimal>> = nominal.iter().map(|r| r.map(Decimal::from)).collect();
    assert_eq!(
        medians, want,
        "normaliser alternatives drop the override of z"
    );
    // The same with a per-level aggregator: a geometric mean in the groups.
    let spec = Spec::new(mm.clone(), Aggregator::Arithmetic)
        .with_level_aggregator(2, Aggregator::Geometric);
    let index = Composite::new(tree, spec);
    let settings = Uncertainty::new(10, 3)
        .unwrap()
        .with_weight_noise(dec!(0))
        .unwrap()
        .with_aggregators(vec![Aggregator::Arithmetic]);
    let (nominal, medians) = nominal_and_medians(&index, &data, &settings);
    let want: Vec<Option<Decimal>> = nominal.iter().map(|r| r.map(Decimal::from)).collect();
    assert_eq!(
        medians, want,
        "aggregator alternatives drop the level override"
    );
}

#[test]
fn monte_carlo_excludes_and_counts_invalid_combinations() {
    // z-scores are negative below the mean, and a geometric mean refuses them:
    // the runs that draw both are left out and counted, not the whole analysis.
    let (tree, data) = five_zones();
    let mm = Normaliser::min_max(dec!(1), dec!(100)).unwrap();
    let index = Composite::new(tree, Spec::new(mm.clone(), Aggregator::Arithmetic));
    let settings = Uncertainty::new(40, 11)
        .unwrap()
        .with_normalisers(vec![
            mm,
            Normaliser::ZScore {
                mean: dec!(0),
                sd: dec!(1),
            },
        ])
        .with_aggregators(vec![Aggregator::Arithmetic, Aggregator::Geometric]);
    let u = index.uncertainty(&data, &settings).unwrap();
    assert_eq!(u.runs().len(), 40);
    let invalid = |r: &indstat::composite::RunParameters| {
        matches!(r.normaliser(), Some(Normaliser::ZScore { .. }))
            && r.aggregator() == Some(Aggregator::Geometric)
    };
    // Exactly the runs that drew both are left out, each with its error.
    let left_out = u.runs().iter().filter(|r| invalid(r)).count();
    assert!(left_out > 0 && left_out < 40, "{left_out}");
    assert_eq!(u.excluded() as usize, left_out);
    for r in u.runs() {
        assert_eq!(r.excluded().is_some(), invalid(r), "{r:?}");
        if let Some(e) = r.excluded() {
            assert!(matches!(e, Error::AggregationDomain { .. }), "{e}");
        }
    }
    // The intervals are over the other runs, in which every zone is ranked.
    for i in u.intervals() {
        assert_eq!(i.ranked_runs() as usize, 40 - left_out);
        assert!(i.q05() <= i.median() && i.median() <= i.q95());
    }
}

mod zero_noise {
    //! With zero weight noise and the spec's own methods as the only
    //! alternatives, every Monte Carlo run is the nominal index: each
    //! interval is the nominal rank, over random small composites with
    //! per-indicator normalisers and per-level aggregators.

    use super::*;
    use proptest::prelude::*;

    fn normaliser(k: u8) -> Normaliser {
        match k % 6 {
            0 => Normaliser::min_max(dec!(1), dec!(100)).unwrap(),
            1 => Normaliser::Rank,
            2 => Normaliser::Percentile,
            3 => Normaliser::DistanceToMax,
            4 => Normaliser::ZScore {
                mean: dec!(10),
                sd: dec!(2),
            },
            _ => Normaliser::goalposts(dec!(-60), dec!(100), dec!(100)).unwrap(),
        }
    }

    const AGGREGATORS: [Aggregator; 4] = [
        Aggregator::Arithmetic,
        Aggregator::Geometric,
        Aggregator::Harmonic,
        Aggregator::Copeland,
    ];

    /// Groups of 1 to 3 indicators, each (weight, per-indicator normaliser, values).
    type Group = (u8, Vec<(u8, Option<u8>, Vec<Option<i16>>)>);

    fn composite() -> impl Strategy<Value = (usize, Vec<Group>, u8, u8, Option<u8>, u64)> {
        (3usize..7).prop_flat_map(|n| {
            let indicator = (
                1u8..10,
                proptest::option::of(0u8..6),
                proptest::collection::vec(proptest::option::weighted(0.9, -50i16..100), n),
            );
            let group = (1u8..10, proptest::collection::vec(indicator, 1..4));
            (
                Just(n),
                proptest::collection::vec(group, 1..4),
                0u8..6,
                0u8..4,
                proptest::option::of(0u8..4),
                any::<u64>(),
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn zero_noise_reproduces_the_nominal_ranks(
            (n, groups, default_n, default_a, level2, seed) in composite(),
            alternatives in any::<(bool, bool)>(),
        ) {
            let mut nodes = vec![Node::new("index", None, dec!(1)).unwrap()];
            let entities: Vec<EntityId> = (0..n).map(|k| id(&format!("e{k}"))).collect();
            let mut data = Data::new(entities.clone()).unwrap();
            let mut spec = Spec::new(normaliser(default_n), AGGREGATORS[usize::from(default_a)]);
            if let Some(a) = level2 {
                spec = spec.with_level_aggregator(2, AGGREGATORS[usize::from(a)]);
            }
            for (g, (gw, indicators)) in groups.iter().enumerate() {
                let group = format!("g{g}");
                nodes.push(Node::new(&group, Some("index"), Decimal::from(*gw)).unwrap());
                for (i, (w, own, values)) in indicators.iter().enumerate() {
                    let c = format!("g{g}x{i}");
                    nodes.push(Node::new(&c, Some(&group), Decimal::from(*w)).unwrap());
                    if let Some(k) = own {
                        spec = spec.with_normaliser(code(&c), normaliser(*k));
                    }
                    let col = entities
                        .iter()
                        .cloned()
                        .zip(values.iter().map(|v| v.map(Decimal::from)));
                    data = data.with_indicator(code(&c), col).unwrap();
                }
            }
            let index = Composite::new(Tree::new(nodes).unwrap(), spec.clone());
            let mut settings = Uncertainty::new(5, seed).unwrap().with_weight_noise(dec!(0)).unwrap();
            if alternatives.0 {
                settings = settings.with_normalisers(vec![normaliser(default_n)]);
            }
            if alternatives.1 {
                settings = settings.with_aggregators(vec![AGGREGATORS[usize::from(default_a)]]);
            }
            let Ok(nominal) = index.compute(&data) else {
                // A spec that cannot compute the data fails the analysis as well.
                prop_assert!(index.uncertainty(&data, &settings).is_err());
                return Ok(());
            };
            let u = index.uncertainty(&data, &settings).unwrap();
            prop_assert_eq!(u.excluded(), 0);
            for (i, e) in u.intervals().iter().zip(&entities) {
                let want = nominal.rank(e).unwrap();
                prop_assert_eq!(i.nominal(), want);
                let want = want.map(Decimal::from);
                prop_assert_eq!((i.q05(), i.median(), i.q95()), (want, want, want), "{}", e);
                prop_assert_eq!(i.ranked_runs(), if want.is_some() { 5 } else { 0 });
            }
        }
    }
}

mod least_value {
    //! `what_would_it_take` on random small composites whose rank is
    //! monotone in each indicator: the value found reaches the target, and
    //! a brute-force scan of the step grid below it finds no smaller value
    //! that does; "not reachable below the cap" holds at the cap and at
    //! values spread up to it.

    use super::*;
    use proptest::prelude::*;

    fn normaliser(k: u8) -> Normaliser {
        match k % 7 {
            0 => Normaliser::min_max(dec!(0), dec!(1)).unwrap(),
            1 => Normaliser::min_max(dec!(1), dec!(100)).unwrap(),
            2 => Normaliser::Rank,
            3 => Normaliser::Percentile,
            4 => Normaliser::DistanceToMax,
            5 => Normaliser::goalposts(dec!(0), dec!(30), dec!(1)).unwrap(),
            _ => Normaliser::DistanceToTarget {
                target: dec!(25),
                cap: true,
            },
        }
    }

    /// (groups of (direction, normaliser, values), aggregator of the groups, of the root, entity, target).
    type Case = (Vec<Vec<(bool, u8, Vec<Option<u8>>)>>, u8, u8, usize, u32);

    fn case() -> impl Strategy<Value = Case> {
        (3usize..6).prop_flat_map(|n| {
            let indicator = (
                any::<bool>(),
                0u8..7,
                proptest::collection::vec(proptest::option::weighted(0.9, 0u8..20), n),
            );
            (
                proptest::collection::vec(proptest::collection::vec(indicator, 1..3), 1..3),
                0u8..4,
                0u8..3,
                0..n,
                1..(n as u32),
            )
        })
    }

    fn reaches(
        index: &Composite,
        data: &Data,
        e: &EntityId,
        c: &IndicatorCode,
        v: Decimal,
        target: u32,
    ) -> bool {
        let mut d = data.clone();
        d.set(e, c, Some(v)).unwrap();
        index
            .compute(&d)
            .ok()
            .and_then(|r| r.rank(e).unwrap())
            .is_some_and(|r| r <= target)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn the_value_found_is_the_least_on_the_grid((groups, ga, ra, who, target) in case()) {
            // Geometric and harmonic means need positive normalised values:
            // min-max onto [1, 100] and ranks; the other normalisers give
            // zeros, so with them the groups take arithmetic means or Copeland.
            let positive = ga % 2 == 1;
            let (ga, ra) = if positive {
                (
                    [Aggregator::Geometric, Aggregator::Harmonic][usize::from(ga / 2)],
                    [Aggregator::Arithmetic, Aggregator::Geometric, Aggregator::Harmonic][usize::from(ra)],
                )
            } else {
                ([Aggregator::Arithmetic, Aggregator::Copeland][usize::from(ga / 2)], Aggregator::Arithmetic)
            };
            let normaliser = |k: u8| if positive { normaliser(1 + k % 2) } else { normaliser(k) };
            let n = groups[0][0].2.len();
            let entities: Vec<EntityId> = (0..n).map(|k| id(&format!("e{k}"))).collect();
            let mut nodes = vec![Node::new("index", None, dec!(1)).unwrap()];
            let mut data = Data::new(entities.clone()).unwrap();
            // Copeland only at the groups just above the indicators.
            let mut spec = Spec::new(Normaliser::Rank, ra).with_level_aggregator(2, ga);
            for (g, indicators) in groups.iter().enumerate() {
                let group = format!("g{g}");
                nodes.push(Node::new(&group, Some("index"), Decimal::from(g + 1)).unwrap());
                for (i, (higher, k, values)) in indicators.iter().enumerate() {
                    let c = format!("g{g}x{i}");
                    let direction = if *higher { Direction::HigherIsBetter } else { Direction::LowerIsBetter };
                    nodes.push(Node::new(&c, Some(&group), dec!(1)).unwrap().with_direction(direction));
                    spec = spec.with_normaliser(code(&c), normaliser(*k));
                    let col = entities.iter().cloned().zip(values.iter().map(|v| v.map(Decimal::from)));
                    data = data.with_indicator(code(&c), col).unwrap();
                }
            }
            let index = Composite::new(Tree::new(nodes).unwrap(), spec);
            let e = &entities[who];
            let Ok(table) = index.what_would_it_take(&data, e, target, None) else {
                prop_assert!(index.compute(&data).is_err());
                return Ok(());
            };
            for row in &table {
                prop_assert_eq!(row.not_monotone(), None);
                let c = row.indicator();
                let higher = index.tree().node(c).unwrap().direction() == Direction::HigherIsBetter;
                let step = row.step();
                let start = row.current().unwrap_or_else(|| {
                    let v = data.entities().iter().filter_map(|x| data.value(x, c).unwrap());
                    if higher { v.min().unwrap() } else { v.max().unwrap() }
                });
                let at = |j: i64| if higher { start + Decimal::from(j) * step } else { start - Decimal::from(j) * step };
                match row.needed() {
                    Needed::Already => {
                        prop_assert!(index.compute(&data).unwrap().rank(e).unwrap().is_some_and(|r| r <= target));
                    }
                    Needed::Value { value, change, least } => {
                        prop_assert!(*least);
                        prop_assert_eq!(*change, *value - start);
                        prop_assert!(reaches(&index, &data, e, c, *value, target), "{:?}", row);
                        let k = ((*value - start).abs() / step).to_string().parse::<i64>().unwrap();
                        let below: Vec<i64> = if k <= 300 {
                            (0..k).collect()
                        } else {
                            (0..100).chain(k - 100..k).collect()
                        };
                        for j in below {
                            if j == 0 && row.current().is_some() {
                                continue; // the current value, which does not reach
                            }
                            prop_assert!(!reaches(&index, &data, e, c, at(j), target), "{:?} reached at {}", row, at(j));
                        }
                    }
                    Needed::NotReachable { cap } => {
                        prop_assert!(!reaches(&index, &data, e, c, *cap, target));
                        let k = ((*cap - start).abs() / step).floor().to_string().parse::<i64>().unwrap();
                        let mut j = 1;
                        while j < k {
                            prop_assert!(!reaches(&index, &data, e, c, at(j), target), "{:?} reached at {}", row, at(j));
                            j = j * 3 / 2 + 1;
                        }
                    }
                    other => prop_assert!(false, "{:?}", other),
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Every result carries its coverage, and the rule.

/// A tree from (code, parent, weight) rows, the first the root.
fn tree_of(rows: &[(&str, Option<&str>, Decimal)]) -> Tree {
    Tree::new(
        rows.iter()
            .map(|(c, p, w)| Node::new(c, *p, *w).unwrap())
            .collect(),
    )
    .unwrap()
}

/// Data for `entities` from (indicator, values in entity order) columns.
fn data_of(entities: &[EntityId], columns: &[(&str, &[Option<i64>])]) -> Data {
    columns
        .iter()
        .fold(Data::new(entities.to_vec()).unwrap(), |d, (c, v)| {
            let col = entities
                .iter()
                .cloned()
                .zip(v.iter().map(|x| x.map(Decimal::from)));
            d.with_indicator(code(c), col).unwrap()
        })
}

#[test]
fn coverage_is_the_share_of_the_weight_present_and_is_reported() {
    // p leads on a (weight 0.4) and b (0.3) and has no c (0.3): 70% of the
    // weight present. Min-max onto [1, 100], re-weighted over a and b:
    // (0.4·100 + 0.3·100)/0.7 = 100, so p ranks first at 100.00.
    let tree = tree_of(&[
        ("index", None, dec!(1)),
        ("a", Some("index"), dec!(0.4)),
        ("b", Some("index"), dec!(0.3)),
        ("c", Some("index"), dec!(0.3)),
    ]);
    let e = ["p", "q", "r"].map(id);
    let data = data_of(
        &e,
        &[
            ("a", &[Some(9), Some(5), Some(1)]),
            ("b", &[Some(9), Some(1), Some(5)]),
            ("c", &[None, Some(1), Some(9)]),
        ],
    );
    let mm = Normaliser::min_max(dec!(1), dec!(100)).unwrap();
    let r = Composite::new(tree.clone(), Spec::new(mm.clone(), Aggregator::Arithmetic))
        .compute(&data)
        .unwrap();
    let top = &r.ranking()[0];
    assert_eq!(
        (top.entity(), top.score(), top.rank()),
        (&e[0], dec!(100), 1)
    );
    // The result says what the score stands on, and under which rule.
    assert_eq!(top.coverage(), dec!(0.7));
    assert!(!top.is_complete());
    assert_eq!(r.composite_coverage(&e[0]).unwrap(), dec!(0.7));
    assert_eq!(r.coverage(&e[0], &code("c")).unwrap(), dec!(0));
    assert_eq!(r.ranking()[1].coverage(), dec!(1));
    assert!(r.ranking()[1].is_complete());
    assert_eq!(r.min_coverage(), dec!(0.5));
    // With a rule of 75%, p is not ranked; its coverage is still reported.
    let spec = Spec::new(mm.clone(), Aggregator::Arithmetic)
        .with_min_coverage(dec!(0.75))
        .unwrap();
    let r = Composite::new(tree, spec).compute(&data).unwrap();
    assert_eq!(r.rank(&e[0]).unwrap(), None);
    assert_eq!(r.composite_coverage(&e[0]).unwrap(), dec!(0.7));
    assert_eq!(r.min_coverage(), dec!(0.75));
    assert_eq!(r.ranking().len(), 2);
}

#[test]
fn coverage_counts_weight_not_children_and_compounds_up_the_tree() {
    // d1 (weight 1) holds x1 (0.8) and x2 (0.2); d2 (weight 1) holds x3.
    let tree = tree_of(&[
        ("index", None, dec!(1)),
        ("d1", Some("index"), dec!(1)),
        ("d2", Some("index"), dec!(1)),
        ("x1", Some("d1"), dec!(0.8)),
        ("x2", Some("d1"), dec!(0.2)),
        ("x3", Some("d2"), dec!(1)),
    ]);
    let e = ["p", "q", "r"].map(id);
    // p lacks x1 (0.8 of d1): one child of two present, but 20% of d1's
    // weight; q lacks x2: 80% of d1.
    let data = data_of(
        &e,
        &[
            ("x1", &[None, Some(5), Some(1)]),
            ("x2", &[Some(9), None, Some(1)]),
            ("x3", &[Some(9), Some(1), Some(5)]),
        ],
    );
    let r = Composite::new(
        tree,
        Spec::new(
            Normaliser::min_max(dec!(0), dec!(1)).unwrap(),
            Aggregator::Arithmetic,
        ),
    )
    .compute(&data)
    .unwrap();
    // p: 0.2 of d1 is below the rule (0.5): no d1 score, though half of
    // d1's children are present.
    assert_eq!(r.score(&e[0], &code("d1")).unwrap(), None);
    assert_eq!(r.coverage(&e[0], &code("d1")).unwrap(), dec!(0.2));
    // At the index p stands on d2 alone: (0·1 + 1·1)/2 = 0.5, which meets the rule.
    assert_eq!(r.composite_coverage(&e[0]).unwrap(), dec!(0.5));
    assert!(r.rank(&e[0]).unwrap().is_some());
    // q: d1 at 0.8, the index at (0.8 + 1)/2 = 0.9.
    assert_eq!(r.coverage(&e[1], &code("d1")).unwrap(), dec!(0.8));
    assert_eq!(r.composite_coverage(&e[1]).unwrap(), dec!(0.9));
    assert_eq!(r.composite_coverage(&e[2]).unwrap(), dec!(1));
    let cov: Vec<_> = r
        .log()
        .iter()
        .filter(|l| l.step() == Step::Coverage)
        .map(|l| l.to_string())
        .collect();
    assert_eq!(cov.len(), 1, "{cov:?}");
    assert!(cov[0].contains("0.2 of the weight"), "{}", cov[0]);
}
