//! Composite indices on arbitrary cross-sections and weights: a typed error
//! or scores (each ranked entity at or above the coverage rule), never a
//! panic; the Monte Carlo gives the same result twice.
#![no_main]
use arbitrary::Arbitrary;
use indstat::composite::{Aggregator, Composite, Data, Node, Normaliser, Spec, Tree, Uncertainty};
use indstat::{EntityId, IndicatorCode};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

#[derive(Debug, Arbitrary)]
struct Input {
    weights: [(i64, u8); 3],
    cells: Vec<Option<(i64, u8)>>,
    normaliser: u8,
    aggregator: u8,
    seed: u64,
}

fn dec((m, s): (i64, u8)) -> Decimal {
    Decimal::new(m, u32::from(s % 29))
}

fuzz_target!(|i: Input| {
    let codes = ["x1", "x2", "x3"];
    let mut nodes = vec![Node::new("index", None, Decimal::ONE).unwrap()];
    for (c, w) in codes.iter().zip(i.weights) {
        match Node::new(c, Some("index"), dec(w)) {
            Ok(n) => nodes.push(n),
            Err(_) => return,
        }
    }
    let Ok(tree) = Tree::new(nodes) else { return };
    let n = (i.cells.len() / 3).clamp(1, 40);
    let entities: Vec<EntityId> = (0..n).map(|k| EntityId::new(&format!("e{k}")).unwrap()).collect();
    let Ok(mut data) = Data::new(entities.clone()) else { return };
    for (j, c) in codes.iter().enumerate() {
        let col: Vec<_> = entities
            .iter()
            .enumerate()
            .map(|(k, e)| (e.clone(), i.cells.get(k * 3 + j).copied().flatten().map(dec)))
            .collect();
        data = match data.with_indicator(IndicatorCode::new(c).unwrap(), col) {
            Ok(d) => d,
            Err(_) => return,
        };
    }
    let normaliser = match i.normaliser % 4 {
        0 => Normaliser::min_max(Decimal::ONE, Decimal::ONE_HUNDRED).unwrap(),
        1 => Normaliser::ZScore { mean: Decimal::ZERO, sd: Decimal::ONE },
        2 => Normaliser::Rank,
        _ => Normaliser::Percentile,
    };
    let aggregator = [Aggregator::Arithmetic, Aggregator::Geometric, Aggregator::Harmonic, Aggregator::Copeland][usize::from(i.aggregator % 4)];
    let index = Composite::new(tree, Spec::new(normaliser, aggregator));
    if let Ok(results) = index.compute(&data) {
        // Every ranked entity stands on at least the rule's share of the weight.
        for row in results.ranking() {
            assert!(row.coverage() >= results.min_coverage() && row.coverage() <= Decimal::ONE);
        }
        let settings = Uncertainty::new(8, i.seed).unwrap();
        let a = index.uncertainty(&data, &settings);
        let b = index.uncertainty(&data, &settings);
        assert_eq!(a.is_ok(), b.is_ok());
        if let (Ok(a), Ok(b)) = (a, b) {
            assert_eq!(a.intervals(), b.intervals());
            assert_eq!(a.excluded(), b.excluded());
        }
        let _ = index.what_would_it_take(&data, &entities[0], 1, None);
    }
});
