//! How a target is written: `突破1800亿元` / `above 180 billion yuan`, not
//! the `1800余亿元` of an observed value.

use crate::{Bound, Dimension, Figure};

/// Whether a figure of this dimension is written as an amount (a bound word
/// can stand before it), not as a rank or a move.
fn is_amount(f: &Figure) -> bool {
    !matches!(
        f.quantity().dimension(),
        Dimension::Rank | Dimension::RankChange | Dimension::PercentagePoint
    )
}

impl Figure {
    /// The Chinese form of the figure as a target: a value to exceed is
    /// `突破1800亿元` (the observation form `1800余亿元` reads as a value
    /// already reached); every other bound as [`Figure::zh`] (`10家以上`,
    /// `前100位`). Reading it back gives the same figure.
    ///
    /// ```
    /// use indstat::Figure;
    /// let t1: Figure = "突破1800亿元".parse()?;
    /// assert_eq!(t1.zh(), "1800余亿元"); // as an observation would say it
    /// assert_eq!(t1.zh_target(), "突破1800亿元");
    /// assert_eq!(t1.zh_target().parse::<Figure>()?, t1);
    /// assert_eq!("10家以上".parse::<Figure>()?.zh_target(), "10家以上");
    /// assert!("突破1800".parse::<Figure>().is_err()); // a target needs its unit
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn zh_target(&self) -> String {
        match self.bound() {
            Bound::MoreThan if is_amount(self) => format!("突破{}", self.quantity().zh()),
            _ => self.zh(),
        }
    }

    /// The English form of the figure as a target: a value to exceed is
    /// `above 180 billion yuan`; every other bound as [`Figure::en`]
    /// (`at least 10 enterprises`, `top 100`). Reading it back gives the same
    /// figure.
    ///
    /// ```
    /// use indstat::Figure;
    /// let t1: Figure = "突破1800亿元".parse()?;
    /// assert_eq!(t1.en_target(), "above 180 billion yuan");
    /// assert_eq!(t1.en_target().parse::<Figure>()?, t1);
    /// assert_eq!("前100位".parse::<Figure>()?.en_target(), "top 100");
    /// assert!("above".parse::<Figure>().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn en_target(&self) -> String {
        match self.bound() {
            Bound::MoreThan if is_amount(self) => format!("above {}", self.quantity().en()),
            _ => self.en(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Bound, Figure, Quantity};

    /// Every bound of every kind of amount reads back from its target form.
    #[test]
    fn target_forms_read_back() {
        for text in [
            "1800亿元",
            "10家",
            "6%",
            "28.8平方公里",
            "4000人",
            "0.5亿元",
        ] {
            let q: Quantity = text.parse().unwrap();
            for b in [
                Bound::Exact,
                Bound::AtLeast,
                Bound::MoreThan,
                Bound::AtMost,
                Bound::LessThan,
            ] {
                let f = Figure::new(b, q);
                for s in [f.zh_target(), f.en_target()] {
                    let back: Figure = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
                    assert_eq!(back, f, "{s}");
                }
            }
        }
    }
}
