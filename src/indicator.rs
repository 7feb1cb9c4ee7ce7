//! Indicator metadata: what a number measures, and how it may be compared.

use core::fmt;

use rust_decimal::Decimal;

use crate::code::code_type;
use crate::{Dimension, Error, Figure, Quantity, Result, Unit};

code_type!(
    /// A stable indicator code: `gross_output`, `GIOV.ALL`.
    ///
    /// ```
    /// use indstat::IndicatorCode;
    /// assert_eq!(IndicatorCode::new("gross_output")?.as_str(), "gross_output");
    /// assert!(IndicatorCode::new("").is_err());
    /// assert!(IndicatorCode::new("工业总产值").is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    IndicatorCode,
    "indicator code"
);

/// What kind of number an indicator is; it decides how values add up over time
/// and what "change" means.
///
/// # Examples
///
/// ```
/// use indstat::Kind;
/// assert_eq!(Kind::Flow.code(), "flow");
/// assert_eq!("stock".parse::<Kind>()?, Kind::Stock);
/// assert!("level".parse::<Kind>().is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// An amount over a period, summed across sub-periods: output, investment,
    /// financing (工业总产值).
    Flow,
    /// A level at a point in time: enterprises settled by year end, platforms
    /// held (累计拥有).
    Stock,
    /// A number of things counted over the period: projects started, items
    /// handled, people recruited.
    Count,
    /// A share, rate or density: R&D as a share of GDP, patents per 10,000
    /// people, a growth rate.
    Ratio,
    /// A position in a ranking (1 is the top).
    Rank,
    /// A score on an index or assessment.
    Score,
    /// A change of another indicator over a period: a year-on-year growth rate
    /// (同比增长8.5%) or a change of rank (上升17位).
    Change,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::Flow,
        Kind::Stock,
        Kind::Count,
        Kind::Ratio,
        Kind::Rank,
        Kind::Score,
        Kind::Change,
    ];

    /// The stable code: `flow`, `stock`, `count`, `ratio`, `rank`, `score`, `change`.
    ///
    /// ```
    /// assert_eq!(indstat::Kind::Rank.code(), "rank");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Flow => "flow",
            Kind::Stock => "stock",
            Kind::Count => "count",
            Kind::Ratio => "ratio",
            Kind::Rank => "rank",
            Kind::Score => "score",
            Kind::Change => "change",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl core::str::FromStr for Kind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Kind::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| {
                Error::parse(
                    s,
                    "an indicator kind",
                    "expected flow, stock, count, ratio, rank, score or change",
                )
            })
    }
}

#[cfg(feature = "serde")]
crate::serde_str::via_str!(Kind);

/// How a change of an indicator is measured.
///
/// # Examples
///
/// ```
/// use indstat::{ChangeMeasure, Indicator, Kind, Unit};
///
/// let rd = Indicator::new("rd_share", "R&D占GDP比重", "R&D as a share of GDP", Unit::PERCENT, Kind::Ratio)?;
/// assert_eq!(rd.change_measure(), ChangeMeasure::PercentagePoints);
/// let rank = Indicator::new("rank", "排名", "national rank", Unit::RANK, Kind::Rank)?;
/// assert_eq!(rank.change_measure(), ChangeMeasure::Places);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ChangeMeasure {
    /// Relative change in percent (增长8.5%): amounts, counts, densities.
    Percent,
    /// Difference of two percentages, in percentage points (回落1.5个百分点):
    /// shares and rates.
    PercentagePoints,
    /// Places climbed in a ranking (上升17位), positive when the rank number falls.
    Places,
    /// A plain difference in the indicator's unit: scores, rank changes.
    Difference,
}

/// Whether a higher value is better.
///
/// # Examples
///
/// ```
/// use indstat::Direction;
/// assert_eq!(Direction::HigherIsBetter.sign(), 1);
/// assert_eq!(Direction::LowerIsBetter.sign(), -1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Direction {
    /// More is better: output, patents.
    #[default]
    HigherIsBetter,
    /// Less is better: a rank number, energy use per unit of output.
    LowerIsBetter,
}

impl Direction {
    /// `+1` or `−1`, the COINr `Direction` column.
    ///
    /// ```
    /// assert_eq!(indstat::Direction::default().sign(), 1);
    /// ```
    pub const fn sign(self) -> i8 {
        match self {
            Direction::HigherIsBetter => 1,
            Direction::LowerIsBetter => -1,
        }
    }
}

/// Which units an indicator covers.
///
/// Industrial statistics change scope silently: a zone's gross output of all
/// industry (全部工业, here 1004亿元) is not the output of enterprises above
/// designated size (规模以上, 规上), and a target set for one cannot be measured
/// with the other without a stated bridge.
///
/// # Examples
///
/// ```
/// use indstat::Scope;
///
/// let above = Scope::above_designated_size();
/// assert_eq!(above.to_string(), "above designated size (revenue ≥ 20 million yuan)");
/// assert_eq!(above.zh(), "规模以上(年主营业务收入2000万元及以上)");
/// assert_ne!(above, Scope::AllIndustry);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "scope"))]
#[non_exhaustive]
pub enum Scope {
    /// The entity as a whole, where no sub-population applies (an area, a
    /// ranking, patents per 10,000 people).
    Whole,
    /// All industrial units, whatever their size (全部工业, 全口径).
    AllIndustry,
    /// Industrial enterprises above designated size (规模以上工业企业): annual
    /// main-business revenue of at least `threshold`. Since 2011 the threshold
    /// is 2000万元 (20 million yuan); from 2007 to 2010 it was 500万元.
    AboveDesignatedSize {
        /// The revenue threshold.
        threshold: Quantity,
    },
    /// The enterprises of the strategic emerging industries (战略性新兴产业,
    /// 战新): a subset of industry, so their output (战新产值) is part of, not
    /// the same as, the output of all industry.
    StrategicEmergingIndustries,
    /// Fixed-asset investment in industry (工业固定资产投资, 工业固投): what
    /// industrial sectors invest, counted by investment project. Investment is
    /// not output: its growth says nothing directly about the output of
    /// [`Scope::AllIndustry`].
    IndustrialInvestment,
    /// One figure stated for several indicators of different scopes at once
    /// (工业总产值、战新产值、工业固投等主要指标的增长均保持6%以上): each scope, in
    /// the order of the statement.
    Several {
        /// The scopes, in order.
        scopes: Vec<Scope>,
    },
    /// Any other scope, named by the user.
    Custom {
        /// Its name.
        name: String,
    },
}

impl Scope {
    /// Above designated size at the threshold in force since 2011: annual
    /// main-business revenue of 2000万元 or more (NBS).
    ///
    /// ```
    /// use indstat::Scope;
    /// match Scope::above_designated_size() {
    ///     Scope::AboveDesignatedSize { threshold } => assert_eq!(threshold.to_string(), "2000万元"),
    ///     _ => unreachable!(),
    /// }
    /// ```
    pub fn above_designated_size() -> Scope {
        Scope::AboveDesignatedSize {
            threshold: Quantity::new(Decimal::from(2000), Unit::WAN_YUAN),
        }
    }

    /// The Chinese name: 全部工业, 规模以上 (营业收入2000万元及以上),
    /// 战略性新兴产业, 工业固定资产投资, 分别为…, …
    ///
    /// ```
    /// use indstat::Scope;
    /// assert_eq!(Scope::AllIndustry.zh(), "全部工业");
    /// let several = Scope::Several { scopes: vec![Scope::AllIndustry, Scope::StrategicEmergingIndustries] };
    /// assert_eq!(several.zh(), "分别为全部工业、战略性新兴产业");
    /// ```
    pub fn zh(&self) -> String {
        match self {
            Scope::Whole => "全口径".to_owned(),
            Scope::AllIndustry => "全部工业".to_owned(),
            Scope::AboveDesignatedSize { threshold } => {
                format!("规模以上(年主营业务收入{threshold}及以上)")
            }
            Scope::StrategicEmergingIndustries => "战略性新兴产业".to_owned(),
            Scope::IndustrialInvestment => "工业固定资产投资".to_owned(),
            Scope::Several { scopes } => {
                let names: Vec<String> = scopes.iter().map(Scope::zh).collect();
                format!("分别为{}", names.join("、"))
            }
            Scope::Custom { name } => name.clone(),
        }
    }

    /// Whether this scope is known to be a part of `whole`, and not all of
    /// it: above designated size is part of all industry, and of above
    /// designated size at a lower revenue threshold; the strategic emerging
    /// industries are part of all industry. Nothing is assumed of other
    /// pairs (custom scopes, investment and output), and a scope is not a
    /// part of itself. A value of a part cannot be larger than the whole's,
    /// which is what a scope bridge checks.
    ///
    /// ```
    /// use indstat::Scope;
    /// assert!(Scope::above_designated_size().is_part_of(&Scope::AllIndustry));
    /// assert!(Scope::StrategicEmergingIndustries.is_part_of(&Scope::AllIndustry));
    /// assert!(!Scope::AllIndustry.is_part_of(&Scope::above_designated_size()));
    /// assert!(!Scope::AllIndustry.is_part_of(&Scope::AllIndustry));
    /// assert!(!Scope::IndustrialInvestment.is_part_of(&Scope::AllIndustry));
    /// ```
    pub fn is_part_of(&self, whole: &Scope) -> bool {
        match (self, whole) {
            (
                Scope::AboveDesignatedSize { .. } | Scope::StrategicEmergingIndustries,
                Scope::AllIndustry,
            ) => true,
            (
                Scope::AboveDesignatedSize { threshold: high },
                Scope::AboveDesignatedSize { threshold: low },
            ) => high.checked_cmp(low).is_ok_and(|o| o.is_gt()),
            _ => false,
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Whole => f.write_str("whole"),
            Scope::AllIndustry => f.write_str("all industry"),
            Scope::AboveDesignatedSize { threshold } => {
                write!(f, "above designated size (revenue ≥ {})", threshold.en())
            }
            Scope::StrategicEmergingIndustries => f.write_str("strategic emerging industries"),
            Scope::IndustrialInvestment => f.write_str("industrial fixed-asset investment"),
            Scope::Several { scopes } => {
                f.write_str("each its own (")?;
                for (i, s) in scopes.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{s}")?;
                }
                f.write_str(")")
            }
            Scope::Custom { name } => f.write_str(name),
        }
    }
}

/// The prices a money value or its growth is measured at.
///
/// NBS computes industrial growth at comparable prices (可比价, real) while
/// levels are published at current prices (现价, nominal), so a level divided
/// by one plus a published growth rate is not last year's published level.
///
/// A source that gives a growth rate without saying at which prices (the
/// article's 同比增长8.5%) is [`PriceBasis::NotStated`]: not known to match
/// any basis, so every calculation that checks price bases refuses to combine
/// it with money values, or with another unstated basis, until the caller
/// states an [`Assumption::PriceBasesEqual`](crate::Assumption::PriceBasesEqual),
/// which the result records. [`PriceBasis::matches`] is that rule.
///
/// # Examples
///
/// ```
/// use indstat::PriceBasis;
/// assert_eq!(PriceBasis::Comparable.to_string(), "comparable prices");
/// assert_eq!(PriceBasis::Constant { base_year: 2020 }.zh(), "2020年不变价");
/// assert_eq!(PriceBasis::NotStated.zh(), "价格口径未说明");
/// assert!(PriceBasis::Current.matches(PriceBasis::Current));
/// assert!(!PriceBasis::NotStated.matches(PriceBasis::NotStated));
/// assert_eq!(PriceBasis::PerIndicator.zh(), "价格口径各异");
/// assert!(!PriceBasis::PerIndicator.matches(PriceBasis::Current));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PriceBasis {
    /// Not a money value, nor the growth of one.
    #[default]
    NotApplicable,
    /// Current prices (现价): nominal.
    Current,
    /// Comparable prices (可比价): real, price changes removed.
    Comparable,
    /// Constant prices of a base year (不变价).
    Constant {
        /// The base year.
        base_year: i32,
    },
    /// A money value or growth rate whose source does not say at which prices
    /// it is (价格口径未说明): not assumed to be current or comparable.
    NotStated,
    /// One figure stated for several indicators at once ([`Scope::Several`])
    /// whose price bases are not the same (价格口径各异): the growth of
    /// output, of unstated basis, and of investment, at current prices. Each
    /// indicator carries its own; like [`NotStated`](PriceBasis::NotStated),
    /// it matches nothing.
    PerIndicator,
}

impl PriceBasis {
    /// The Chinese name: 现价, 可比价, 2020年不变价, 价格口径未说明.
    ///
    /// ```
    /// assert_eq!(indstat::PriceBasis::Current.zh(), "现价");
    /// ```
    pub fn zh(&self) -> String {
        match self {
            PriceBasis::NotApplicable => "不适用".to_owned(),
            PriceBasis::Current => "现价".to_owned(),
            PriceBasis::Comparable => "可比价".to_owned(),
            PriceBasis::Constant { base_year } => format!("{base_year}年不变价"),
            PriceBasis::NotStated => "价格口径未说明".to_owned(),
            PriceBasis::PerIndicator => "价格口径各异".to_owned(),
        }
    }

    /// Whether values at `self` and at `other` may be combined without an
    /// assumption: either is [`NotApplicable`](PriceBasis::NotApplicable)
    /// (not money), or both are the same stated basis. A basis that is
    /// [`NotStated`](PriceBasis::NotStated) matches nothing, not even another
    /// unstated one: two silent sources are not known to agree.
    ///
    /// ```
    /// use indstat::PriceBasis;
    /// assert!(PriceBasis::Comparable.matches(PriceBasis::Comparable));
    /// assert!(PriceBasis::NotApplicable.matches(PriceBasis::NotStated));
    /// assert!(!PriceBasis::Current.matches(PriceBasis::Comparable));
    /// assert!(!PriceBasis::NotStated.matches(PriceBasis::Current));
    /// ```
    pub fn matches(self, other: PriceBasis) -> bool {
        match (self, other) {
            (PriceBasis::NotApplicable, _) | (_, PriceBasis::NotApplicable) => true,
            (PriceBasis::NotStated | PriceBasis::PerIndicator, _)
            | (_, PriceBasis::NotStated | PriceBasis::PerIndicator) => false,
            (a, b) => a == b,
        }
    }
}

impl fmt::Display for PriceBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PriceBasis::NotApplicable => f.write_str("not applicable"),
            PriceBasis::Current => f.write_str("current prices"),
            PriceBasis::Comparable => f.write_str("comparable prices"),
            PriceBasis::Constant { base_year } => write!(f, "constant {base_year} prices"),
            PriceBasis::NotStated => f.write_str("prices not stated"),
            PriceBasis::PerIndicator => f.write_str("price bases differ"),
        }
    }
}

/// Metadata of an indicator: code, names, unit, kind, direction, scope and
/// price basis.
///
/// Built with [`Indicator::new`] and refined with the `with_*` methods.
/// [`Indicator::check`] says whether a value is possible for it (no negative
/// counts, no rank 0).
///
/// # Examples
///
/// ```
/// use indstat::{Indicator, Kind, PriceBasis, Scope, Unit};
///
/// let output = Indicator::new("gross_output", "工业总产值", "gross industrial output", Unit::YI_YUAN, Kind::Flow)?
///     .with_scope(Scope::AllIndustry)
///     .with_price_basis(PriceBasis::Current);
/// assert_eq!(output.code().as_str(), "gross_output");
/// assert!(output.check(&"1004亿元".parse()?).is_ok());
/// assert!(output.check(&"755家".parse()?).is_err());
///
/// assert!(Indicator::new("", "名", "name", Unit::YUAN, Kind::Flow).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "IndicatorRaw"))]
pub struct Indicator {
    code: IndicatorCode,
    name_zh: String,
    name_en: String,
    unit: Unit,
    kind: Kind,
    direction: Direction,
    scope: Scope,
    price_basis: PriceBasis,
}

#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    Indicator,
    IndicatorRaw {
        code: IndicatorCode,
        name_zh: String,
        name_en: String,
        unit: Unit,
        kind: Kind,
        direction: Direction,
        scope: Scope,
        price_basis: PriceBasis,
    },
    |r| Ok(
        Indicator::new(r.code.as_str(), &r.name_zh, &r.name_en, r.unit, r.kind)?
            .with_direction(r.direction)
            .with_scope(r.scope)
            .with_price_basis(r.price_basis)
    )
);

impl Indicator {
    /// An indicator with its code, names, unit and kind. Defaults: a rank is
    /// lower-is-better and everything else higher-is-better; scope
    /// [`Scope::Whole`]; price basis current for money and not applicable
    /// otherwise.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidCode`] for a bad code; [`Error::InvalidValue`] when the
    /// kind contradicts the unit (a rank not measured in ranks, a count not
    /// measured in things).
    ///
    /// ```
    /// use indstat::{Direction, Indicator, Kind, Unit};
    /// let rank = Indicator::new("torch_rank", "火炬中心考核排名", "Torch Center rank", Unit::RANK, Kind::Rank)?;
    /// assert_eq!(rank.direction(), Direction::LowerIsBetter);
    /// assert!(Indicator::new("r", "排名", "rank", Unit::YUAN, Kind::Rank).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(
        code: &str,
        name_zh: &str,
        name_en: &str,
        unit: Unit,
        kind: Kind,
    ) -> Result<Indicator> {
        let code = IndicatorCode::new(code)?;
        let dim = unit.dimension();
        let contradiction = match kind {
            Kind::Rank => {
                (dim != Dimension::Rank).then_some("a rank indicator is measured in ranks")
            }
            Kind::Count => (!matches!(dim, Dimension::Count(_)))
                .then_some("a count indicator is measured in things counted"),
            _ => (dim == Dimension::Rank).then_some("a value in ranks belongs to a rank indicator"),
        };
        if let Some(reason) = contradiction {
            return Err(Error::InvalidValue {
                indicator: code.to_string(),
                value: format!("{kind} in {unit}"),
                reason,
            });
        }
        Ok(Indicator {
            direction: if kind == Kind::Rank {
                Direction::LowerIsBetter
            } else {
                Direction::HigherIsBetter
            },
            price_basis: if dim == Dimension::Yuan {
                PriceBasis::Current
            } else {
                PriceBasis::NotApplicable
            },
            code,
            name_zh: name_zh.to_owned(),
            name_en: name_en.to_owned(),
            unit,
            kind,
            scope: Scope::Whole,
        })
    }

    /// The same indicator with another direction.
    ///
    /// ```
    /// use indstat::{Direction, Indicator, Kind, Unit};
    /// let energy = Indicator::new("energy", "单位增加值能耗", "energy per unit value added", Unit::RATIO, Kind::Ratio)?
    ///     .with_direction(Direction::LowerIsBetter);
    /// assert_eq!(energy.direction(), Direction::LowerIsBetter);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_direction(mut self, direction: Direction) -> Indicator {
        self.direction = direction;
        self
    }

    /// The same indicator with another scope.
    ///
    /// ```
    /// use indstat::{Indicator, Kind, Scope, Unit};
    /// let above = Indicator::new("output_above", "规上工业产值", "output above designated size", Unit::YI_YUAN, Kind::Flow)?
    ///     .with_scope(Scope::above_designated_size());
    /// assert_eq!(above.scope(), &Scope::above_designated_size());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_scope(mut self, scope: Scope) -> Indicator {
        self.scope = scope;
        self
    }

    /// The same indicator with another price basis.
    ///
    /// ```
    /// use indstat::{Indicator, Kind, PriceBasis, Unit};
    /// let g = Indicator::new("output_growth", "工业总产值增速", "output growth", Unit::PERCENT, Kind::Change)?
    ///     .with_price_basis(PriceBasis::Comparable);
    /// assert_eq!(g.price_basis(), PriceBasis::Comparable);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_price_basis(mut self, price_basis: PriceBasis) -> Indicator {
        self.price_basis = price_basis;
        self
    }

    /// The code.
    ///
    /// ```
    /// # use indstat::{Indicator, Kind, Unit};
    /// let i = Indicator::new("area", "面积", "area", Unit::SQUARE_KM, Kind::Stock)?;
    /// assert_eq!(i.code().as_str(), "area");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn code(&self) -> &IndicatorCode {
        &self.code
    }

    /// The Chinese name.
    ///
    /// ```
    /// # use indstat::{Indicator, Kind, Unit};
    /// let i = Indicator::new("area", "面积", "area", Unit::SQUARE_KM, Kind::Stock)?;
    /// assert_eq!(i.name_zh(), "面积");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn name_zh(&self) -> &str {
        &self.name_zh
    }

    /// The English name.
    ///
    /// ```
    /// # use indstat::{Indicator, Kind, Unit};
    /// let i = Indicator::new("area", "面积", "area", Unit::SQUARE_KM, Kind::Stock)?;
    /// assert_eq!(i.name_en(), "area");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn name_en(&self) -> &str {
        &self.name_en
    }

    /// The unit values are usually published in (values may use another
    /// magnitude of the same dimension).
    ///
    /// ```
    /// # use indstat::{Indicator, Kind, Unit};
    /// let i = Indicator::new("area", "面积", "area", Unit::SQUARE_KM, Kind::Stock)?;
    /// assert_eq!(i.unit(), Unit::SQUARE_KM);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The kind.
    ///
    /// ```
    /// # use indstat::{Indicator, Kind, Unit};
    /// let i = Indicator::new("area", "面积", "area", Unit::SQUARE_KM, Kind::Stock)?;
    /// assert_eq!(i.kind(), Kind::Stock);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The direction.
    ///
    /// ```
    /// # use indstat::{Direction, Indicator, Kind, Unit};
    /// let i = Indicator::new("area", "面积", "area", Unit::SQUARE_KM, Kind::Stock)?;
    /// assert_eq!(i.direction(), Direction::HigherIsBetter);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The scope.
    ///
    /// ```
    /// # use indstat::{Indicator, Kind, Scope, Unit};
    /// let i = Indicator::new("area", "面积", "area", Unit::SQUARE_KM, Kind::Stock)?;
    /// assert_eq!(i.scope(), &Scope::Whole);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// The price basis.
    ///
    /// ```
    /// # use indstat::{Indicator, Kind, PriceBasis, Unit};
    /// let i = Indicator::new("out", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// assert_eq!(i.price_basis(), PriceBasis::Current);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn price_basis(&self) -> PriceBasis {
        self.price_basis
    }

    /// How a change of this indicator is measured: percentage points for
    /// percentages, places for ranks, a difference for scores and changes,
    /// percent growth for everything else (amounts, counts, densities such as
    /// patents per 10,000 people).
    ///
    /// ```
    /// # use indstat::{ChangeMeasure, Indicator, Kind, Noun, Dimension, Unit};
    /// let p = Indicator::new("pat", "每万人发明专利", "patents per 10,000 people",
    ///     Unit::of(Dimension::PerTenThousandPeople(Noun::Patent)), Kind::Ratio)?;
    /// assert_eq!(p.change_measure(), ChangeMeasure::Percent);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn change_measure(&self) -> ChangeMeasure {
        match (self.kind, self.unit.dimension()) {
            (Kind::Rank, _) => ChangeMeasure::Places,
            (_, Dimension::Percent) => ChangeMeasure::PercentagePoints,
            (Kind::Score | Kind::Change, _)
            | (_, Dimension::RankChange | Dimension::Score | Dimension::PercentagePoint) => {
                ChangeMeasure::Difference
            }
            _ => ChangeMeasure::Percent,
        }
    }

    /// Checks that `value` is possible for this indicator: the same dimension,
    /// and a number its unit admits (counts whole and not negative; ranks whole
    /// and at least 1; areas and densities not negative; rank changes whole),
    /// the rule [`Quantity::try_new`], text and serde apply.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] for another dimension, [`Error::InvalidValue`]
    /// for an impossible value.
    ///
    /// ```
    /// # use indstat::{Indicator, Kind, Noun, Unit};
    /// let firms = Indicator::new("firms", "企业数", "enterprises", Unit::count(Noun::Enterprise), Kind::Stock)?;
    /// assert!(firms.check(&"755家".parse()?).is_ok());
    /// // Built unchecked (text and serde refuse them): a negative and a
    /// // fractional count.
    /// let minus = indstat::Quantity::new(indstat::dec!(-5), Unit::count(Noun::Enterprise));
    /// assert!(firms.check(&minus.into()).is_err());
    /// let half = indstat::Quantity::new(indstat::dec!(1.5), Unit::count(Noun::Enterprise));
    /// assert!(firms.check(&half.into()).is_err());
    /// assert!(firms.check(&"1.5万家".parse()?).is_ok());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn check(&self, value: &Figure) -> Result<()> {
        let q = value.quantity();
        if q.dimension() != self.unit.dimension() {
            return Err(Error::UnitMismatch {
                expected: self.unit,
                found: q.unit(),
            });
        }
        crate::quantity::check_value(q.value(), q.unit()).map_err(|reason| Error::InvalidValue {
            indicator: self.code.to_string(),
            value: value.to_string(),
            reason,
        })
    }
}
