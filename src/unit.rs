//! Units: a dimension (what is measured) and a decimal magnitude (万, 亿, …).

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

use crate::{Error, Result};

/// What a count counts: the noun after the number.
///
/// Chinese counts carry a measure word (家, 个, 件, 人, 位) that does not always
/// name the noun: 个 is said of projects, problems and platforms alike, and the
/// article counts platforms with both 个 and 家. A `Noun` fixes the meaning.
///
/// # Examples
///
/// ```
/// use indstat::Noun;
///
/// assert_eq!(Noun::Enterprise.classifier(), "家");
/// assert_eq!(Noun::Project.en_plural(), "projects");
/// assert_eq!("platforms".parse::<Noun>()?, Noun::Platform);
/// assert!("bananas".parse::<Noun>().is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Noun {
    /// Enterprises, firms (企业, 家).
    Enterprise,
    /// Projects (项目, 个).
    Project,
    /// Items, e.g. approval items handled (事项, 件).
    Item,
    /// Problems or difficulties solved (问题, 个).
    Problem,
    /// People (人).
    Person,
    /// Platforms: innovation, R&D, incubation (平台, 个 or 家).
    Platform,
    /// Patents (专利, 件).
    Patent,
    /// Places in a ranking (位).
    Place,
}

impl Noun {
    /// Every noun, in declaration order.
    ///
    /// ```
    /// assert_eq!(indstat::Noun::ALL.len(), 8);
    /// ```
    pub const ALL: [Noun; 8] = [
        Noun::Enterprise,
        Noun::Project,
        Noun::Item,
        Noun::Problem,
        Noun::Person,
        Noun::Platform,
        Noun::Patent,
        Noun::Place,
    ];

    /// The stable ASCII code, the English plural: `"enterprises"`.
    ///
    /// ```
    /// assert_eq!(indstat::Noun::Person.code(), "people");
    /// ```
    pub const fn code(self) -> &'static str {
        self.en_plural()
    }

    /// The English singular: `"enterprise"`.
    ///
    /// ```
    /// assert_eq!(indstat::Noun::Person.en_singular(), "person");
    /// ```
    pub const fn en_singular(self) -> &'static str {
        match self {
            Noun::Enterprise => "enterprise",
            Noun::Project => "project",
            Noun::Item => "item",
            Noun::Problem => "problem",
            Noun::Person => "person",
            Noun::Platform => "platform",
            Noun::Patent => "patent",
            Noun::Place => "place",
        }
    }

    /// The English plural: `"enterprises"`.
    ///
    /// ```
    /// assert_eq!(indstat::Noun::Person.en_plural(), "people");
    /// ```
    pub const fn en_plural(self) -> &'static str {
        match self {
            Noun::Enterprise => "enterprises",
            Noun::Project => "projects",
            Noun::Item => "items",
            Noun::Problem => "problems",
            Noun::Person => "people",
            Noun::Platform => "platforms",
            Noun::Patent => "patents",
            Noun::Place => "places",
        }
    }

    /// The Chinese measure word (量词) written after the number: `"家"`.
    ///
    /// ```
    /// assert_eq!(indstat::Noun::Patent.classifier(), "件");
    /// ```
    pub const fn classifier(self) -> &'static str {
        match self {
            Noun::Enterprise => "家",
            Noun::Project | Noun::Problem | Noun::Platform => "个",
            Noun::Item | Noun::Patent => "件",
            Noun::Person => "人",
            Noun::Place => "位",
        }
    }

    /// The Chinese noun written after the measure word when the measure word
    /// alone would be ambiguous (`"项目"` in 5个项目), or `""` when the measure
    /// word alone names this noun (家 → enterprises, 人 → people, 件 → items,
    /// 位 → places).
    ///
    /// ```
    /// assert_eq!(indstat::Noun::Project.zh_noun(), "项目");
    /// assert_eq!(indstat::Noun::Enterprise.zh_noun(), "");
    /// ```
    pub const fn zh_noun(self) -> &'static str {
        match self {
            Noun::Enterprise | Noun::Item | Noun::Person | Noun::Place => "",
            Noun::Project => "项目",
            Noun::Problem => "问题",
            Noun::Platform => "平台",
            Noun::Patent => "专利",
        }
    }

    /// The Chinese name of the noun itself (企业, 项目, …), used when reading
    /// text such as `82家平台`.
    ///
    /// ```
    /// assert_eq!(indstat::Noun::Enterprise.zh_name(), "企业");
    /// ```
    pub const fn zh_name(self) -> &'static str {
        match self {
            Noun::Enterprise => "企业",
            Noun::Project => "项目",
            Noun::Item => "事项",
            Noun::Problem => "问题",
            Noun::Person => "人",
            Noun::Platform => "平台",
            Noun::Patent => "专利",
            Noun::Place => "位",
        }
    }

    /// The English word for `n` of this noun: singular for exactly one.
    pub(crate) fn en_for(self, one: bool) -> &'static str {
        if one {
            self.en_singular()
        } else {
            self.en_plural()
        }
    }
}

impl fmt::Display for Noun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Noun {
    type Err = Error;

    /// Reads the English singular or plural.
    fn from_str(s: &str) -> Result<Self> {
        Noun::ALL
            .into_iter()
            .find(|n| n.en_plural() == s || n.en_singular() == s)
            .ok_or_else(|| Error::UnknownUnit {
                unit: s.to_owned(),
                input: s.to_owned(),
            })
    }
}

/// What a quantity measures, independent of its magnitude.
///
/// Two quantities can be added, compared or converted only when their
/// dimensions are equal: 亿元 and 万元 share [`Dimension::Yuan`]; enterprises and
/// projects do not share a dimension.
///
/// # Examples
///
/// ```
/// use indstat::{Dimension, Noun};
///
/// assert_eq!(Dimension::Count(Noun::Enterprise).code(), "enterprises");
/// assert_ne!(Dimension::Count(Noun::Enterprise), Dimension::Count(Noun::Project));
/// assert!(Dimension::Yuan.allows_magnitude());
/// assert!(!Dimension::Percent.allows_magnitude());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Dimension {
    /// Money, in Chinese yuan (元, CNY).
    Yuan,
    /// A number of things.
    Count(Noun),
    /// Area in square kilometres (平方公里, km²).
    SquareKm,
    /// A percentage (%): shares, rates, growth.
    Percent,
    /// A difference of two percentages, in percentage points (个百分点).
    PercentagePoint,
    /// A density: things per 10,000 people (件/万人).
    PerTenThousandPeople(Noun),
    /// A position in a ranking: 1 is the top (第122位).
    Rank,
    /// A change of rank in places, positive when the rank improves
    /// (上升17位 is +17: from 139th to 122nd).
    RankChange,
    /// A score on an index or assessment (分).
    Score,
    /// A plain ratio or multiple (倍).
    Ratio,
}

impl Dimension {
    /// The stable ASCII code, used in unit codes and serialised data.
    ///
    /// ```
    /// use indstat::{Dimension, Noun};
    /// assert_eq!(Dimension::PerTenThousandPeople(Noun::Patent).code(), "patents_per_10k_people");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Dimension::Yuan => "yuan",
            Dimension::Count(n) => n.code(),
            Dimension::SquareKm => "km2",
            Dimension::Percent => "percent",
            Dimension::PercentagePoint => "percentage_points",
            Dimension::PerTenThousandPeople(n) => match n {
                Noun::Enterprise => "enterprises_per_10k_people",
                Noun::Project => "projects_per_10k_people",
                Noun::Item => "items_per_10k_people",
                Noun::Problem => "problems_per_10k_people",
                Noun::Person => "people_per_10k_people",
                Noun::Platform => "platforms_per_10k_people",
                Noun::Patent => "patents_per_10k_people",
                Noun::Place => "places_per_10k_people",
            },
            Dimension::Rank => "rank",
            Dimension::RankChange => "rank_change",
            Dimension::Score => "score",
            Dimension::Ratio => "ratio",
        }
    }

    /// Whether values of this dimension are written with a magnitude (万, 亿).
    /// Money, counts and areas are; percentages, densities, ranks, rank changes,
    /// scores and ratios are not.
    ///
    /// ```
    /// assert!(indstat::Dimension::SquareKm.allows_magnitude());
    /// assert!(!indstat::Dimension::Rank.allows_magnitude());
    /// ```
    pub const fn allows_magnitude(self) -> bool {
        matches!(
            self,
            Dimension::Yuan | Dimension::Count(_) | Dimension::SquareKm
        )
    }

    fn all() -> impl Iterator<Item = Dimension> {
        let fixed = [
            Dimension::Yuan,
            Dimension::SquareKm,
            Dimension::Percent,
            Dimension::PercentagePoint,
            Dimension::Rank,
            Dimension::RankChange,
            Dimension::Score,
            Dimension::Ratio,
        ];
        fixed
            .into_iter()
            .chain(Noun::ALL.into_iter().map(Dimension::Count))
            .chain(Noun::ALL.into_iter().map(Dimension::PerTenThousandPeople))
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Dimension {
    type Err = Error;

    /// Reads a dimension code such as `yuan` or `enterprises`.
    fn from_str(s: &str) -> Result<Self> {
        Dimension::all()
            .find(|d| d.code() == s)
            .ok_or_else(|| Error::UnknownUnit {
                unit: s.to_owned(),
                input: s.to_owned(),
            })
    }
}

/// A decimal magnitude: the power of ten a written number is multiplied by.
///
/// 1004亿元 is 1004 at magnitude 10^8 (亿). Any exponent from 0 to 28 is allowed
/// (28 is the largest power of ten a `Decimal` holds); the Chinese names 万
/// (10^4), 亿 (10^8), 万亿 (10^12) and their 十/百/千 multiples, and the
/// English thousand/million/billion/trillion, are named constants or parse.
/// The exponent is SDMX's `UNIT_MULT`.
///
/// # Examples
///
/// ```
/// use indstat::Magnitude;
///
/// assert_eq!(Magnitude::YI.exponent(), 8);
/// assert_eq!(Magnitude::YI.zh_name(), Some("亿"));
/// assert_eq!(Magnitude::new(7)?.zh_name(), Some("千万"));
/// assert_eq!(Magnitude::BILLION.en_name(), Some("billion"));
/// assert!(Magnitude::new(29).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Magnitude(u8);

impl Magnitude {
    /// 10^0: plain units (元, 家).
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::ONE.exponent(), 0);
    /// ```
    pub const ONE: Magnitude = Magnitude(0);
    /// 10^3: thousand (千).
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::THOUSAND.en_name(), Some("thousand"));
    /// ```
    pub const THOUSAND: Magnitude = Magnitude(3);
    /// 10^4: 万 (ten thousand).
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::WAN.zh_name(), Some("万"));
    /// ```
    pub const WAN: Magnitude = Magnitude(4);
    /// 10^6: million (百万).
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::MILLION.exponent(), 6);
    /// ```
    pub const MILLION: Magnitude = Magnitude(6);
    /// 10^8: 亿 (hundred million).
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::YI.zh_name(), Some("亿"));
    /// ```
    pub const YI: Magnitude = Magnitude(8);
    /// 10^9: billion (十亿).
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::BILLION.exponent(), 9);
    /// ```
    pub const BILLION: Magnitude = Magnitude(9);
    /// 10^12: 万亿, trillion.
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::WAN_YI.en_name(), Some("trillion"));
    /// ```
    pub const WAN_YI: Magnitude = Magnitude(12);
    /// The largest magnitude, 10^28.
    ///
    /// ```
    /// assert!(indstat::Magnitude::new(indstat::Magnitude::MAX.exponent() + 1).is_err());
    /// ```
    pub const MAX: Magnitude = Magnitude(28);

    /// The magnitude 10^`exponent`.
    ///
    /// # Errors
    ///
    /// [`Error::MagnitudeOutOfRange`] if `exponent` is above 28.
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::new(4)?, indstat::Magnitude::WAN);
    /// assert!(indstat::Magnitude::new(30).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn new(exponent: u8) -> Result<Magnitude> {
        if exponent > 28 {
            Err(Error::MagnitudeOutOfRange {
                exponent: exponent as i64,
            })
        } else {
            Ok(Magnitude(exponent))
        }
    }

    /// 10^`exponent`, with exponents above 28 clamped to 28 (for constants).
    pub(crate) const fn saturating(exponent: u8) -> Magnitude {
        Magnitude(if exponent > 28 { 28 } else { exponent })
    }

    /// The power of ten.
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::WAN_YI.exponent(), 12);
    /// ```
    pub const fn exponent(self) -> u8 {
        self.0
    }

    /// The factor 10^exponent as a `Decimal` (exact: 10^28 fits).
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::Magnitude::WAN.factor(), dec!(10000));
    /// ```
    pub fn factor(self) -> Decimal {
        // 10^e for e <= 28 is below Decimal::MAX (7.9e28), so the mantissa fits
        // in 96 bits; the fallback is never taken.
        crate::exact::mul_pow10(1, u32::from(self.0))
            .and_then(|p| Decimal::try_from_i128_with_scale(p, 0).ok())
            .unwrap_or(Decimal::MAX)
    }

    /// The Chinese name (`"万"`, `"亿"`, `"千万"`, …), `Some("")` for 10^0, or
    /// `None` above 10^15, which Chinese does not name in one word.
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::ONE.zh_name(), Some(""));
    /// assert_eq!(indstat::Magnitude::new(13)?.zh_name(), Some("十万亿"));
    /// assert_eq!(indstat::Magnitude::new(16)?.zh_name(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn zh_name(self) -> Option<&'static str> {
        Some(match self.0 {
            0 => "",
            1 => "十",
            2 => "百",
            3 => "千",
            4 => "万",
            5 => "十万",
            6 => "百万",
            7 => "千万",
            8 => "亿",
            9 => "十亿",
            10 => "百亿",
            11 => "千亿",
            12 => "万亿",
            13 => "十万亿",
            14 => "百万亿",
            15 => "千万亿",
            _ => return None,
        })
    }

    /// The English scale word (`"thousand"`, `"million"`, `"billion"`,
    /// `"trillion"`), `Some("")` for 10^0, or `None` for other exponents.
    ///
    /// ```
    /// assert_eq!(indstat::Magnitude::MILLION.en_name(), Some("million"));
    /// assert_eq!(indstat::Magnitude::YI.en_name(), None);
    /// ```
    pub const fn en_name(self) -> Option<&'static str> {
        Some(match self.0 {
            0 => "",
            3 => "thousand",
            6 => "million",
            9 => "billion",
            12 => "trillion",
            _ => return None,
        })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Magnitude {
    /// The exponent, as SDMX's `UNIT_MULT`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Magnitude {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        let exponent = u8::deserialize(d)?;
        Magnitude::new(exponent).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Magnitude {
    /// `1e8`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "1e{}", self.0)
    }
}

/// A unit: a [`Dimension`] at a [`Magnitude`].
///
/// 亿元 is `Unit::new(Dimension::Yuan, Magnitude::YI)`. Its text code (used by
/// `Display`, `FromStr` and serde) is the dimension code, followed by `*1e<k>`
/// when the magnitude is not 1: `yuan*1e8`, `enterprises`, `km2`, `percent`.
/// [`Unit::zh`] and [`Unit::en`] give the words a reader expects.
///
/// # Examples
///
/// ```
/// use indstat::{Dimension, Magnitude, Unit};
///
/// let yi_yuan = Unit::new(Dimension::Yuan, Magnitude::YI)?;
/// assert_eq!(yi_yuan, Unit::YI_YUAN);
/// assert_eq!(yi_yuan.to_string(), "yuan*1e8");
/// assert_eq!("yuan*1e8".parse::<Unit>()?, yi_yuan);
/// assert_eq!(yi_yuan.zh(), "亿元");
///
/// // Percentages carry no magnitude.
/// assert!(Unit::new(Dimension::Percent, Magnitude::WAN).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
///
/// A count may keep the Chinese measure word (量词) it was written with
/// ([`Unit::with_measure_word`]): the article counts platforms with 个
/// (171个平台) and with 家 (市级以上创新平台82家), and the report writes each
/// as the article did. The word is how a count is written, not what it
/// counts: units that differ only in it are equal, hash alike and convert
/// freely, and the text code (`platforms`, used by `Display`, `FromStr` and
/// serde) does not carry it.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    dimension: Dimension,
    magnitude: Magnitude,
    /// The measure word a count was written with, when not its noun's own.
    word: Option<MeasureWord>,
}

impl PartialEq for Unit {
    fn eq(&self, other: &Unit) -> bool {
        (self.dimension, self.magnitude) == (other.dimension, other.magnitude)
    }
}

impl Eq for Unit {}

impl core::hash::Hash for Unit {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.dimension.hash(state);
        self.magnitude.hash(state);
    }
}

impl PartialOrd for Unit {
    fn partial_cmp(&self, other: &Unit) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Unit {
    fn cmp(&self, other: &Unit) -> core::cmp::Ordering {
        (self.dimension, self.magnitude).cmp(&(other.dimension, other.magnitude))
    }
}

/// A Chinese measure word (量词) a count may be written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MeasureWord {
    Jia,
    Ge,
    Jian,
    Ren,
    Ming,
    Wei,
    Xiang,
}

impl MeasureWord {
    const ALL: [MeasureWord; 7] = [
        MeasureWord::Jia,
        MeasureWord::Ge,
        MeasureWord::Jian,
        MeasureWord::Ren,
        MeasureWord::Ming,
        MeasureWord::Wei,
        MeasureWord::Xiang,
    ];

    const fn text(self) -> &'static str {
        match self {
            MeasureWord::Jia => "家",
            MeasureWord::Ge => "个",
            MeasureWord::Jian => "件",
            MeasureWord::Ren => "人",
            MeasureWord::Ming => "名",
            MeasureWord::Wei => "位",
            MeasureWord::Xiang => "项",
        }
    }

    /// The noun the word names when written alone (家 is enterprises, 名 is
    /// people), or `None` when it names none (个, 项).
    const fn alone(self) -> Option<Noun> {
        match self {
            MeasureWord::Jia => Some(Noun::Enterprise),
            MeasureWord::Jian => Some(Noun::Item),
            MeasureWord::Ren | MeasureWord::Ming => Some(Noun::Person),
            MeasureWord::Wei => Some(Noun::Place),
            MeasureWord::Ge | MeasureWord::Xiang => None,
        }
    }
}

impl Unit {
    /// 元.
    ///
    /// ```
    /// assert_eq!(indstat::Unit::YUAN.zh(), "元");
    /// ```
    pub const YUAN: Unit = Unit::of(Dimension::Yuan);
    /// 万元 (10^4 yuan).
    ///
    /// ```
    /// assert_eq!(indstat::Unit::WAN_YUAN.zh(), "万元");
    /// ```
    pub const WAN_YUAN: Unit = Unit {
        dimension: Dimension::Yuan,
        magnitude: Magnitude::WAN,
        word: None,
    };
    /// 亿元 (10^8 yuan).
    ///
    /// ```
    /// assert_eq!(indstat::Unit::YI_YUAN.to_string(), "yuan*1e8");
    /// ```
    pub const YI_YUAN: Unit = Unit {
        dimension: Dimension::Yuan,
        magnitude: Magnitude::YI,
        word: None,
    };
    /// Percent (%).
    ///
    /// ```
    /// assert_eq!(indstat::Unit::PERCENT.zh(), "%");
    /// ```
    pub const PERCENT: Unit = Unit::of(Dimension::Percent);
    /// Square kilometres (平方公里).
    ///
    /// ```
    /// assert_eq!(indstat::Unit::SQUARE_KM.zh(), "平方公里");
    /// ```
    pub const SQUARE_KM: Unit = Unit::of(Dimension::SquareKm);
    /// A rank (第N位).
    ///
    /// ```
    /// assert_eq!(indstat::Unit::RANK.to_string(), "rank");
    /// ```
    pub const RANK: Unit = Unit::of(Dimension::Rank);
    /// A change of rank in places (上升N位).
    ///
    /// ```
    /// assert_eq!(indstat::Unit::RANK_CHANGE.en(), "places");
    /// ```
    pub const RANK_CHANGE: Unit = Unit::of(Dimension::RankChange);
    /// A score (分).
    ///
    /// ```
    /// assert_eq!(indstat::Unit::SCORE.zh(), "分");
    /// ```
    pub const SCORE: Unit = Unit::of(Dimension::Score);
    /// Percentage points (个百分点).
    ///
    /// ```
    /// assert_eq!(indstat::Unit::PERCENTAGE_POINT.zh(), "个百分点");
    /// ```
    pub const PERCENTAGE_POINT: Unit = Unit::of(Dimension::PercentagePoint);
    /// A ratio or multiple (倍).
    ///
    /// ```
    /// assert_eq!(indstat::Unit::RATIO.zh(), "倍");
    /// ```
    pub const RATIO: Unit = Unit::of(Dimension::Ratio);

    /// A unit at magnitude 1.
    ///
    /// ```
    /// use indstat::{Dimension, Noun, Unit};
    /// assert_eq!(Unit::of(Dimension::Count(Noun::Person)).zh(), "人");
    /// ```
    pub const fn of(dimension: Dimension) -> Unit {
        Unit {
            dimension,
            magnitude: Magnitude::ONE,
            word: None,
        }
    }

    /// A count of `noun` at magnitude 1.
    ///
    /// ```
    /// use indstat::{Noun, Unit};
    /// assert_eq!(Unit::count(Noun::Enterprise).to_string(), "enterprises");
    /// ```
    pub const fn count(noun: Noun) -> Unit {
        Unit::of(Dimension::Count(noun))
    }

    /// A unit of `dimension` at `magnitude`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] when the dimension takes no magnitude (percent, rank,
    /// rank change, score, ratio, per-10,000 densities) and `magnitude` is not 1.
    ///
    /// ```
    /// use indstat::{Dimension, Magnitude, Unit};
    /// assert_eq!(Unit::new(Dimension::Yuan, Magnitude::WAN)?, Unit::WAN_YUAN);
    /// assert!(Unit::new(Dimension::Rank, Magnitude::WAN).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(dimension: Dimension, magnitude: Magnitude) -> Result<Unit> {
        if magnitude != Magnitude::ONE && !dimension.allows_magnitude() {
            return Err(Error::parse(
                &format!("{dimension}*{magnitude}"),
                "a unit",
                format!("{dimension} takes no magnitude"),
            ));
        }
        Ok(Unit {
            dimension,
            magnitude,
            word: None,
        })
    }

    /// What the unit measures.
    ///
    /// ```
    /// assert_eq!(indstat::Unit::YI_YUAN.dimension(), indstat::Dimension::Yuan);
    /// ```
    pub const fn dimension(self) -> Dimension {
        self.dimension
    }

    /// The unit's magnitude.
    ///
    /// ```
    /// assert_eq!(indstat::Unit::YI_YUAN.magnitude(), indstat::Magnitude::YI);
    /// ```
    pub const fn magnitude(self) -> Magnitude {
        self.magnitude
    }

    /// The same dimension at another magnitude.
    ///
    /// # Errors
    ///
    /// As [`Unit::new`].
    ///
    /// ```
    /// use indstat::{Magnitude, Unit};
    /// assert_eq!(Unit::YUAN.with_magnitude(Magnitude::YI)?, Unit::YI_YUAN);
    /// assert!(Unit::PERCENT.with_magnitude(Magnitude::YI).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn with_magnitude(self, magnitude: Magnitude) -> Result<Unit> {
        let unit = Unit::new(self.dimension, magnitude)?;
        Ok(Unit {
            word: self.word,
            ..unit
        })
    }

    /// The same count written with the Chinese measure word `word` (家, 个,
    /// 件, 人, 名, 位 or 项) instead of its noun's own ([`Noun::classifier`]).
    /// Only the Chinese text changes (`82家平台` instead of `82个平台`); the
    /// unit stays equal to the one without the word. The Chinese reader keeps
    /// the word a count was written with.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] when the unit is not a count, or `word` is not one of
    /// the measure words above.
    ///
    /// ```
    /// use indstat::{Noun, Quantity, Unit};
    /// use indstat::dec;
    ///
    /// let jia = Unit::count(Noun::Platform).with_measure_word("家")?;
    /// assert_eq!(Quantity::new(dec!(82), jia).zh(), "82家平台");
    /// assert_eq!(jia, Unit::count(Noun::Platform));
    /// assert_eq!("82家平台".parse::<Quantity>()?.zh(), "82家平台");
    ///
    /// assert!(Unit::YI_YUAN.with_measure_word("家").is_err());
    /// assert!(Unit::count(Noun::Platform).with_measure_word("座").is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn with_measure_word(self, word: &str) -> Result<Unit> {
        let Dimension::Count(noun) = self.dimension else {
            return Err(Error::parse(
                word,
                "a measure word",
                format!("{} is not a count", self.dimension),
            ));
        };
        let w = MeasureWord::ALL
            .into_iter()
            .find(|w| w.text() == word)
            .ok_or_else(|| {
                Error::parse(
                    word,
                    "a measure word",
                    "expected 家, 个, 件, 人, 名, 位 or 项",
                )
            })?;
        // People and places have no noun to write after another word (个人
        // would not read back as a count of people).
        if w.alone() != Some(noun) && matches!(noun, Noun::Person | Noun::Place) {
            return Err(Error::parse(
                word,
                "a measure word",
                format!(
                    "{} are counted with {}",
                    noun.en_plural(),
                    noun.classifier()
                ),
            ));
        }
        Ok(Unit {
            word: (w.text() != noun.classifier()).then_some(w),
            ..self
        })
    }

    /// The Chinese measure word a count is written with: the one it was
    /// written with ([`Unit::with_measure_word`]), else its noun's own;
    /// `None` for a unit that is not a count.
    ///
    /// ```
    /// use indstat::{Noun, Unit};
    /// assert_eq!(Unit::count(Noun::Platform).measure_word(), Some("个"));
    /// assert_eq!(Unit::count(Noun::Platform).with_measure_word("家")?.measure_word(), Some("家"));
    /// assert_eq!(Unit::YI_YUAN.measure_word(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn measure_word(self) -> Option<&'static str> {
        match (self.dimension, self.word) {
            (Dimension::Count(_), Some(w)) => Some(w.text()),
            (Dimension::Count(n), None) => Some(n.classifier()),
            _ => None,
        }
    }

    /// The Chinese unit as written after a number: `亿元`, `家`, `个项目`,
    /// `平方公里`, `%`, `件/万人`. Ranks and rank changes, which wrap the number
    /// (第122位, 上升17位), give `位`.
    ///
    /// ```
    /// use indstat::{Noun, Unit};
    /// assert_eq!(Unit::YI_YUAN.zh(), "亿元");
    /// assert_eq!(Unit::count(Noun::Project).zh(), "个项目");
    /// ```
    pub fn zh(self) -> String {
        let power;
        let mag = match self.magnitude.zh_name() {
            Some(name) => name,
            None => {
                power = format!("×10^{}", self.magnitude.exponent());
                power.as_str()
            }
        };
        let word = match self.dimension {
            Dimension::Yuan => "元".to_owned(),
            // A measure word of its own is followed by the noun unless the
            // word alone names it (82家平台, but 5名 for people).
            Dimension::Count(n) => match self.word {
                None => format!("{}{}", n.classifier(), n.zh_noun()),
                Some(w) if w.alone() == Some(n) => w.text().to_owned(),
                Some(w) if n.zh_noun().is_empty() => format!("{}{}", w.text(), n.zh_name()),
                Some(w) => format!("{}{}", w.text(), n.zh_noun()),
            },
            Dimension::SquareKm => "平方公里".to_owned(),
            Dimension::Percent => "%".to_owned(),
            Dimension::PercentagePoint => "个百分点".to_owned(),
            // 件/万人 is read as patents (the usual density), so it needs no noun.
            Dimension::PerTenThousandPeople(Noun::Patent) => "件/万人".to_owned(),
            Dimension::PerTenThousandPeople(n) => {
                let noun = match n {
                    Noun::Person | Noun::Place => "",
                    other => other.zh_name(),
                };
                format!("{}{noun}/万人", n.classifier())
            }
            Dimension::Rank | Dimension::RankChange => "位".to_owned(),
            Dimension::Score => "分".to_owned(),
            Dimension::Ratio => "倍".to_owned(),
        };
        format!("{mag}{word}")
    }

    /// The English unit in the plural: `100 million yuan`, `enterprises`,
    /// `km²`, `%`, `patents per 10,000 people`.
    ///
    /// ```
    /// use indstat::Unit;
    /// assert_eq!(Unit::YI_YUAN.en(), "100 million yuan");
    /// assert_eq!(Unit::SQUARE_KM.en(), "km²");
    /// ```
    pub fn en(self) -> String {
        let word = match self.dimension {
            Dimension::Yuan => "yuan".to_owned(),
            Dimension::Count(n) => n.en_plural().to_owned(),
            Dimension::SquareKm => "km²".to_owned(),
            Dimension::Percent => "%".to_owned(),
            Dimension::PercentagePoint => "percentage points".to_owned(),
            Dimension::PerTenThousandPeople(n) => format!("{} per 10,000 people", n.en_plural()),
            Dimension::Rank => "rank".to_owned(),
            Dimension::RankChange => "places".to_owned(),
            Dimension::Score => "points".to_owned(),
            Dimension::Ratio => "times".to_owned(),
        };
        match (self.magnitude.exponent(), self.magnitude.en_name()) {
            (0, _) => word,
            (_, Some(scale)) => format!("{scale} {word}"),
            (8, None) => format!("100 million {word}"),
            (4, None) => format!("10 thousand {word}"),
            (e, None) => format!("10^{e} {word}"),
        }
    }
}

impl fmt::Display for Unit {
    /// The unit code: `yuan*1e8`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.magnitude == Magnitude::ONE {
            f.write_str(self.dimension.code())
        } else {
            write!(f, "{}*{}", self.dimension.code(), self.magnitude)
        }
    }
}

impl FromStr for Unit {
    type Err = Error;

    /// Reads a unit code (`yuan*1e8`, `enterprises`); see [`Unit`].
    fn from_str(s: &str) -> Result<Self> {
        let unknown = || Error::UnknownUnit {
            unit: s.to_owned(),
            input: s.to_owned(),
        };
        let (dim, mag) = match s.split_once("*1e") {
            Some((dim, exp)) => {
                if exp.is_empty() || exp.len() > 2 || !exp.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(unknown());
                }
                let exp: u8 = exp.parse().map_err(|_| unknown())?;
                (dim, Magnitude::new(exp)?)
            }
            None => (s, Magnitude::ONE),
        };
        let dimension: Dimension = dim.parse().map_err(|_| unknown())?;
        Unit::new(dimension, mag)
    }
}

#[cfg(feature = "serde")]
crate::serde_str::via_str!(Unit);
#[cfg(feature = "serde")]
crate::serde_str::via_str!(Dimension);
#[cfg(feature = "serde")]
crate::serde_str::via_str!(Noun);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dimension_code_round_trips() {
        for d in Dimension::all() {
            assert_eq!(d.code().parse::<Dimension>().unwrap(), d);
            let u = Unit::of(d);
            assert_eq!(u.to_string().parse::<Unit>().unwrap(), u);
        }
    }

    #[test]
    fn unit_codes_reject_junk() {
        for bad in [
            "",
            "yuan*1e",
            "yuan*1e99",
            "yuan*1e-1",
            "yuan*1e 8",
            "percent*1e4",
            "apples",
        ] {
            assert!(bad.parse::<Unit>().is_err(), "{bad}");
        }
    }

    /// Every count written with every measure word it accepts reads back as
    /// the same noun, with the same word.
    #[test]
    fn measure_words_round_trip() {
        for noun in Noun::ALL {
            for w in MeasureWord::ALL {
                let Ok(unit) = Unit::count(noun).with_measure_word(w.text()) else {
                    assert!(matches!(noun, Noun::Person | Noun::Place), "{noun} {w:?}");
                    continue;
                };
                let q = crate::Quantity::new(Decimal::from(82), unit);
                let back: crate::Quantity =
                    q.zh().parse().unwrap_or_else(|e| panic!("{}: {e}", q.zh()));
                assert_eq!(back.dimension(), Dimension::Count(noun), "{}", q.zh());
                assert_eq!(back.unit().measure_word(), Some(w.text()), "{}", q.zh());
                assert_eq!(back.zh(), q.zh());
            }
        }
    }

    #[test]
    fn factor_is_exact_up_to_28() {
        assert_eq!(
            Magnitude::MAX.factor().to_string(),
            format!("1{}", "0".repeat(28))
        );
    }
}
