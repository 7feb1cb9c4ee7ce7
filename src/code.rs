//! Validated codes: the one rule for the text of an entity or indicator
//! code, and the macro that makes each code type ([`EntityId`](crate::EntityId),
//! [`IndicatorCode`](crate::IndicatorCode)) from it.

use crate::{Error, Result};

/// Checks a code: 1 to 64 ASCII letters, digits, `_`, `-` or `.`.
pub(crate) fn check_code(what: &'static str, input: &str) -> Result<()> {
    let ok = (1..=64).contains(&input.len())
        && input
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidCode {
            what,
            input: input.to_owned(),
        })
    }
}

/// A validated code type: a newtype over `String` with `new`, `as_str`,
/// `Display`, `FromStr` and serde as the text.
macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            #[doc = concat!("A validated ", $what, ".")]
            ///
            /// # Errors
            ///
            /// [`Error::InvalidCode`](crate::Error::InvalidCode) unless the text is 1 to 64 ASCII letters,
            /// digits, `_`, `-` or `.`.
            ///
            #[doc = concat!("```\nlet code = indstat::", stringify!($name), "::new(\"zone.01\")?;\nassert_eq!(code.as_str(), \"zone.01\");\nassert!(indstat::", stringify!($name), "::new(\"zone 01\").is_err());\n# Ok::<(), indstat::Error>(())\n```")]
            pub fn new(code: &str) -> $crate::Result<Self> {
                $crate::code::check_code($what, code)?;
                Ok($name(code.to_owned()))
            }

            /// The code as text.
            ///
            #[doc = concat!("```\nassert_eq!(indstat::", stringify!($name), "::new(\"a_b\")?.as_str(), \"a_b\");\n# Ok::<(), indstat::Error>(())\n```")]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> $crate::Result<Self> {
                $name::new(s)
            }
        }

        #[cfg(feature = "serde")]
        $crate::serde_str::via_str!($name);
    };
}
pub(crate) use code_type;
