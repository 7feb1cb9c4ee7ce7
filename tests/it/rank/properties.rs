//! Invariants of ranking, checked on random cross-sections (proptest): ordinal
//! ranks are a permutation; average ranks of the present values sum to
//! n(n+1)/2; ranks do not depend on a value's scale (`1004` == `1004.00`).

use indstat::rank::{self, Missing, Order, Ties};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Any decimal: mantissa up to 96 bits, scale 0..=28, either sign, so that
/// every sorting path (64-bit, 128-bit and comparison) is exercised.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-50i64..50, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s)),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, neg, s)| Decimal::from_parts(lo, mid, hi, neg, s)),
    ]
}

fn cross_section() -> impl Strategy<Value = Vec<Option<Decimal>>> {
    prop::collection::vec(prop::option::weighted(0.85, any_decimal()), 0..60)
}

fn order() -> impl Strategy<Value = Order> {
    prop_oneof![Just(Order::Ascending), Just(Order::Descending)]
}

proptest! {
    #[test]
    fn ordinal_ranks_are_a_permutation(x in cross_section(), o in order()) {
        let r = rank::rank(&x, Ties::Ordinal, o, Missing::Bottom);
        let mut got: Vec<Decimal> = r.into_iter().map(Option::unwrap).collect();
        got.sort();
        let want: Vec<Decimal> = (1..=x.len()).map(Decimal::from).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn average_ranks_sum_to_n_n_plus_1_over_2(x in cross_section(), o in order()) {
        let n = x.iter().flatten().count();
        let sum: Decimal = rank::rank(&x, Ties::Average, o, Missing::Keep).into_iter().flatten().sum();
        prop_assert_eq!(sum * Decimal::TWO, Decimal::from(n * (n + 1)));
    }

    #[test]
    fn ranks_do_not_depend_on_scale(x in prop::collection::vec(prop::option::of((-1000i64..1000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s))), 0..40),
                                    extra in 0u32..10, o in order()) {
        // The same numbers written with `extra` more zeros: 1004 → 1004.000.
        let rescaled: Vec<Option<Decimal>> = x.iter().map(|v| v.map(|mut d| { d.rescale(d.scale() + extra); d })).collect();
        for t in Ties::ALL {
            prop_assert_eq!(rank::rank(&x, t, o, Missing::Top), rank::rank(&rescaled, t, o, Missing::Top));
        }
    }

    #[test]
    fn min_max_dense_bracket_average(x in cross_section(), o in order()) {
        let r = |t| rank::rank(&x, t, o, Missing::Keep);
        let (min, avg, max, dense) = (r(Ties::Min), r(Ties::Average), r(Ties::Max), r(Ties::Dense));
        for i in 0..x.len() {
            if x[i].is_some() {
                prop_assert!(dense[i] <= min[i] && min[i] <= avg[i] && avg[i] <= max[i]);
            }
        }
        let distinct = { let mut v: Vec<Decimal> = x.iter().flatten().map(|d| d.normalize()).collect(); v.sort(); v.dedup(); v.len() };
        prop_assert_eq!(dense.iter().flatten().max().copied(), (distinct > 0).then(|| Decimal::from(distinct)));
    }

    #[test]
    fn reversing_the_order_mirrors_min_and_max(x in cross_section()) {
        // Excel's tie correction: RANK.EQ(asc) + RANK.EQ(desc) = n + 1 for the max/min pair.
        let n = Decimal::from(x.iter().flatten().count());
        let asc_min = rank::rank(&x, Ties::Min, Order::Ascending, Missing::Keep);
        let desc_max = rank::rank(&x, Ties::Max, Order::Descending, Missing::Keep);
        for (a, d) in asc_min.iter().zip(&desc_max) {
            if let (Some(a), Some(d)) = (a, d) {
                prop_assert_eq!(*a + *d, n + Decimal::ONE);
            }
        }
    }
}
