//! serde through text: every value that serializes as a string goes through
//! [`write`] and [`read`], the exact decimal reader ([`decimal`]) and the
//! [`via_str!`] macro for types with `Display` and `FromStr`.
//!
//! The module is `serde_str`, not `serde`: a crate-root module named `serde`
//! would make every `serde::` path in `lib.rs` ambiguous with the serde crate,
//! and a reader of `serde::Serialize` elsewhere would have to check which one
//! is meant. The name says what it holds, as rust_decimal's `serde::str` does.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

/// Writes `value` as a string, through its `Display`.
pub(crate) fn write<S: Serializer>(
    value: &impl core::fmt::Display,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// Reads a string (borrowed where the format allows) and parses it with
/// `parse`; its error becomes the format's error, message unchanged.
pub(crate) fn read<'de, D, T, E>(
    d: D,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: core::fmt::Display,
{
    let text = <Cow<'de, str>>::deserialize(d)?;
    parse(&text).map_err(D::Error::custom)
}

/// serde for a type with `Display` and `FromStr` as that string.
macro_rules! via_str {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::serde_str::write(self, s)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::serde_str::read(d, str::parse)
            }
        }
    };
}
pub(crate) use via_str;

/// serde reads a type through its checked constructor, so that it cannot
/// build what the constructor refuses: `read_through!(T, TRaw { fields },
/// |r| build)` defines a private `TRaw` with the serialised fields (unknown
/// fields refused) and `TryFrom<TRaw> for T` that calls `build`; the type
/// itself carries `#[serde(try_from = "TRaw")]`.
macro_rules! read_through {
    (
        $t:ty,
        $raw:ident { $($(#[$attr:meta])* $field:ident: $fty:ty),* $(,)? },
        |$r:ident| $build:expr
    ) => {
        #[doc = concat!("What serde reads before `", stringify!($t), "` is checked.")]
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $raw {
            $($(#[$attr])* $field: $fty,)*
        }

        impl TryFrom<$raw> for $t {
            type Error = $crate::Error;
            fn try_from($r: $raw) -> $crate::Result<$t> {
                $build
            }
        }
    };
}
pub(crate) use read_through;

/// serde for `Decimal` as a string, read exactly
/// (`#[serde(with = "crate::serde_str::decimal")]`) by the one rule of every
/// reader (`exact::parse`: at most 28 decimal places and at most
/// 79228162514264337593543950335 without the decimal point, so every value
/// the crate writes reads back): a JSON number, an exponent (`1e5`) or a
/// number a `Decimal` does not hold exactly is refused rather than rounded
/// (rust_decimal's own `serde::str` reads through `from_str`, which rounds).
pub(crate) mod decimal {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    /// The decimal as written by `Display`: every digit, its scale kept.
    pub(crate) fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        super::write(d, s)
    }

    /// A plain decimal string (`"1004.5"`, `"-0.25"`), exactly.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        super::read(d, parse)
    }

    /// `text` as a decimal, or why not.
    fn parse(text: &str) -> Result<Decimal, String> {
        use crate::exact::parse::{NotRead, plain};
        plain(text.as_bytes()).map_err(|e| match e {
            NotRead::Malformed => {
                format!("invalid decimal {text:?}: expected a plain decimal such as \"1004.5\"")
            }
            NotRead::Unheld(why) => format!("invalid decimal {text:?}: {}", why.reason()),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::dec;
    use rust_decimal::Decimal;

    /// A field read and written through [`decimal`](super::decimal).
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Exact(#[serde(with = "super::decimal")] Decimal);

    #[test]
    fn decimals_round_trip_exactly_and_refuse_to_round() {
        for d in [
            dec!(1800.123456789012345678901234),
            dec!(-0.0000000000000000000000000001),
            dec!(1004.50),
            Decimal::MAX,
        ] {
            let json = serde_json::to_string(&Exact(d)).unwrap();
            assert_eq!(json, format!("\"{d}\""));
            let back: Exact = serde_json::from_str(&json).unwrap();
            assert_eq!(back.0.serialize(), d.serialize(), "{d}");
        }
        for bad in [
            "1004.5",
            "\"1e5\"",
            "\"\"",
            "\" 1\"",
            "\"1.00000000000000000000000000001\"",
            "\"79228162514264337593543950336\"",
        ] {
            let err = serde_json::from_str::<Exact>(bad).unwrap_err().to_string();
            assert!(
                err.contains("decimal") || err.contains("string"),
                "{bad}: {err}"
            );
        }
    }

    /// `RankGoal.pace` goes through the exact reader: a pace of 28
    /// significant digits comes back bit for bit, and one of 29 is refused
    /// (rust_decimal's `serde::str`, used before, rounded it).
    #[test]
    fn rank_goal_pace_round_trips_exactly() {
        use crate::Period;
        use crate::rank::{RankGoal, RankObservation, rank_goal};

        // 150 → 124 over three editions: 26 / 3 places a year, 28 digits.
        let before = RankObservation::new(Period::year(2020).unwrap(), 150, None).unwrap();
        let now = RankObservation::new(Period::year(2023).unwrap(), 124, None).unwrap();
        let goal = rank_goal(&before, &now, 100).unwrap();
        let pace = goal.pace();
        assert_eq!(
            pace.serialize(),
            dec!(8.666666666666666666666666667).serialize()
        );

        let json = serde_json::to_string(&goal).unwrap();
        assert!(
            json.contains("\"pace\":\"8.666666666666666666666666667\""),
            "{json}"
        );
        let back: RankGoal = serde_json::from_str(&json).unwrap();
        assert_eq!(back, goal);
        assert_eq!(back.pace().serialize(), pace.serialize());

        // One digit more (rounded before), or a JSON number: refused.
        for (from, to) in [
            (
                "8.666666666666666666666666667",
                "8.6666666666666666666666666667",
            ),
            (
                "\"8.666666666666666666666666667\"",
                "8.666666666666666666666666667",
            ),
        ] {
            let changed = json.replace(from, to);
            assert!(
                serde_json::from_str::<RankGoal>(&changed).is_err(),
                "{changed}"
            );
        }
    }

    /// `Change::Places` reads its decimal exactly too: as a string, never
    /// through `f64` from a JSON number, never rounded.
    #[test]
    fn places_change_reads_exactly() {
        use crate::growth::Change;

        let places = Change::Places(dec!(8.666666666666666666666666667));
        let json = serde_json::to_string(&places).unwrap();
        assert_eq!(
            json,
            r#"{"measure":"places","value":"8.666666666666666666666666667"}"#
        );
        assert_eq!(serde_json::from_str::<Change>(&json).unwrap(), places);
        for bad in [
            r#"{"measure":"places","value":17}"#,
            r#"{"measure":"places","value":"8.6666666666666666666666666667"}"#,
        ] {
            assert!(serde_json::from_str::<Change>(bad).is_err(), "{bad}");
        }
    }
}
