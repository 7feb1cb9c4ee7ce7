//! Rongchang High-Tech Zone (荣昌高新技术产业开发区, Chongqing) in 2022: every
//! figure of the article the crate was commissioned from, typed.
//!
//! The source is [`CITATION`]: 张青兰 (Zhang Qinglan), "荣昌高新区:跑步迈向百强
//! 国家高新区", *The World and Chongqing*, pp. 84–87, published online on
//! 2023-08-01. It states 36 figures for 2022 ([`rows`]) and four targets
//! ([`targets`]). Each row carries the phrase of the article that states it
//! (the same cell as the project's table of figures), an English label, a
//! [`Theme`] and an [`Observation`] for entity [`ENTITY`] and year [`YEAR`],
//! so every number can be traced back to the text. Values are exact decimals
//! read from their Chinese text forms; a figure the article states as a bound
//! stays a bound (`4000余人` is more than 4000 people, `6%以上` at least 6%).
//!
//! # The scope trap
//!
//! The 2022 gross industrial output, 1004亿元 (row 3), covers the zone's
//! industry as a whole ([`Scope::AllIndustry`]). The 2026 target of 1800亿元
//! (T1) is the output of enterprises *above designated size* (规上, annual
//! main-business revenue of 2000万元 or more), and the article gives no 2022
//! figure for that scope. The two numbers measure different populations of
//! firms: the growth "needed" from 1004 to 1800 is only meaningful once the
//! user states a bridge between the scopes (an assumption or a known ratio).
//! The indicators say so: their scopes differ.
//!
//! # What the article does not say
//!
//! The article states no price basis for any growth rate. Chinese official
//! industrial growth is usually at comparable prices, but a zone's gross-output
//! growth may be either, so row 4 records [`PriceBasis::NotStated`]:
//! every calculation that checks price bases (an implied base, a gap analysis)
//! then asks the caller to state how to read them, and records the answer.
//! Money levels (1004亿元, 22.45亿元, the targets) are at current prices, as
//! NBS publishes every figure not marked otherwise.
//!
//! Row 7 states one bound, 6%以上, for three indicators of different scopes:
//! gross industrial output (all industry), the output of the strategic
//! emerging industries ([`Scope::StrategicEmergingIndustries`], a subset of
//! industry) and industrial fixed-asset investment
//! ([`Scope::IndustrialInvestment`]: investment, not output, and its growth is
//! nominal as NBS publishes investment growth). Its indicator's scope is
//! [`Scope::Several`] and, as the three are not all of one price basis (the
//! two output growths not stated, the investment growth at current prices),
//! its price basis [`PriceBasis::PerIndicator`]; [`Row::components`] gives the
//! three, each with its own scope and price basis.
//!
//! Counts keep the article's measure word: 市级以上创新平台82家 is `82家平台`,
//! not `82个平台` (the same count of platforms, written as the article wrote it).
//!
//! # Examples
//!
//! ```
//! use indstat::Scope;
//! use indstat::datasets::rongchang;
//!
//! let output = rongchang::row(3)?.expect("row 3 is gross industrial output");
//! assert_eq!(output.value().to_string(), "1004亿元");
//! assert_eq!(output.phrase_zh(), "实现工业总产值1004亿元");
//! assert_eq!(output.indicator().scope(), &Scope::AllIndustry);
//!
//! let targets = rongchang::targets()?;
//! let t1 = targets.iter().find(|t| t.id() == "T1").expect("target T1");
//! assert_eq!(t1.value().zh_target(), "突破1800亿元");
//! assert_eq!(t1.indicator().scope(), &Scope::above_designated_size());
//!
//! // Not the same population of firms: no silent comparison.
//! assert_ne!(output.indicator().scope(), t1.indicator().scope());
//! assert_eq!(rongchang::rows()?.len(), 36);
//! # Ok::<(), indstat::Error>(())
//! ```

use crate::{
    EntityId, Figure, Indicator, Kind, Observation, Period, PriceBasis, Result, Scope, Source,
};

/// The scopes of row 7's three indicators, in the article's order.
fn main_indicator_scopes() -> Vec<Scope> {
    vec![
        Scope::AllIndustry,
        Scope::StrategicEmergingIndustries,
        Scope::IndustrialInvestment,
    ]
}

/// The article every figure comes from.
///
/// # Examples
///
/// ```
/// use indstat::datasets::rongchang::CITATION;
/// assert!(CITATION.starts_with("张青兰 (Zhang Qinglan)"));
/// assert!(CITATION.contains("pp. 84–87"));
/// ```
pub const CITATION: &str = "张青兰 (Zhang Qinglan), \"荣昌高新区:跑步迈向百强国家高新区 \
(Rongchang District: Faster Pace for the National Top100 High-Tech Zones)\", \
The World and Chongqing, Districts & Counties (区县), pp. 84–87; \
published online 2023-08-01; figures for 2022";

/// The entity id of Rongchang High-Tech Zone in this dataset.
///
/// # Examples
///
/// ```
/// use indstat::datasets::rongchang;
/// assert_eq!(rongchang::entity()?.as_str(), rongchang::ENTITY);
/// # Ok::<(), indstat::Error>(())
/// ```
pub const ENTITY: &str = "rongchang_htz";

/// The year the observed figures are for ("去年" in the article is 2022).
///
/// # Examples
///
/// ```
/// use indstat::{Period, datasets::rongchang};
/// let first = rongchang::row(1)?.expect("row 1");
/// assert_eq!(first.observation().period(), Period::year(rongchang::YEAR)?);
/// # Ok::<(), indstat::Error>(())
/// ```
pub const YEAR: i32 = 2022;

/// The entity id [`ENTITY`] as an [`EntityId`].
///
/// # Errors
///
/// None in practice: [`ENTITY`] is a valid id. The `Result` is that of
/// [`EntityId::new`].
///
/// # Examples
///
/// ```
/// use indstat::datasets::rongchang;
/// assert_eq!(rongchang::entity()?.to_string(), "rongchang_htz");
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn entity() -> Result<EntityId> {
    EntityId::new(ENTITY)
}

/// The subject of a figure, following the article's sections.
///
/// # Examples
///
/// ```
/// use indstat::datasets::rongchang::{self, Theme};
/// assert_eq!(Theme::Space.en(), "space and infrastructure");
/// let ranking: Vec<u8> = rongchang::rows()?
///     .iter()
///     .filter(|r| r.theme() == Theme::Ranking)
///     .map(|r| r.number())
///     .collect();
/// assert_eq!(ranking, [5, 6]);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Theme {
    /// Industrial output and its growth (工业产出).
    Output,
    /// The Torch Center assessment of national high-tech zones (考核排名).
    Ranking,
    /// Enterprises settled and in production (企业).
    Enterprises,
    /// High-tech enterprises, platforms, incubation, patents, R&D (科技创新).
    Innovation,
    /// Investment attracted and projects started or completed (招商投资).
    Investment,
    /// The zone's area and its infrastructure (空间与基础设施).
    Space,
    /// Services to enterprises: approvals, problems solved, loans, recruiting
    /// (营商环境).
    Services,
}

impl Theme {
    /// Every theme, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::datasets::rongchang::Theme;
    /// assert_eq!(Theme::ALL.len(), 7);
    /// assert_eq!(Theme::ALL.first(), Some(&Theme::Output));
    /// ```
    pub const ALL: [Theme; 7] = [
        Theme::Output,
        Theme::Ranking,
        Theme::Enterprises,
        Theme::Innovation,
        Theme::Investment,
        Theme::Space,
        Theme::Services,
    ];

    /// The Chinese name: 工业产出, 考核排名, 企业, 科技创新, 招商投资,
    /// 空间与基础设施, 营商环境.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::datasets::rongchang::Theme;
    /// assert_eq!(Theme::Services.zh(), "营商环境");
    /// ```
    pub const fn zh(self) -> &'static str {
        match self {
            Theme::Output => "工业产出",
            Theme::Ranking => "考核排名",
            Theme::Enterprises => "企业",
            Theme::Innovation => "科技创新",
            Theme::Investment => "招商投资",
            Theme::Space => "空间与基础设施",
            Theme::Services => "营商环境",
        }
    }

    /// The English name: "output", "ranking", "enterprises", "innovation",
    /// "investment", "space and infrastructure", "business services".
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::datasets::rongchang::Theme;
    /// assert_eq!(Theme::Services.en(), "business services");
    /// ```
    pub const fn en(self) -> &'static str {
        match self {
            Theme::Output => "output",
            Theme::Ranking => "ranking",
            Theme::Enterprises => "enterprises",
            Theme::Innovation => "innovation",
            Theme::Investment => "investment",
            Theme::Space => "space and infrastructure",
            Theme::Services => "business services",
        }
    }
}

/// One observed figure of the article: its number in the table, theme,
/// source phrase, English label, note and typed observation.
///
/// # Examples
///
/// ```
/// use indstat::{Bound, Kind, datasets::rongchang};
///
/// let recruited = rongchang::row(18)?.expect("row 18");
/// assert_eq!(recruited.phrase_zh(), "帮助企业招工4000余人");
/// assert_eq!(recruited.value().bound(), Bound::MoreThan);
/// assert_eq!(recruited.indicator().kind(), Kind::Count);
/// assert!(recruited.value().exact().is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Row {
    number: u8,
    theme: Theme,
    phrase_zh: &'static str,
    label_en: &'static str,
    note: &'static str,
    observation: Observation,
    components: Vec<Observation>,
}

impl Row {
    /// The row's number in the table, 1 to 36.
    ///
    /// # Examples
    ///
    /// ```
    /// let numbers: Vec<u8> = indstat::datasets::rongchang::rows()?.iter().map(|r| r.number()).collect();
    /// assert_eq!(numbers, (1..=36).collect::<Vec<u8>>());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn number(&self) -> u8 {
        self.number
    }

    /// The row's theme.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::datasets::rongchang::{self, Theme};
    /// assert_eq!(rongchang::row(34)?.expect("row 34").theme(), Theme::Innovation);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// The phrase of the article that states the figure, as in the table;
    /// `...` marks words the table leaves out.
    ///
    /// # Examples
    ///
    /// ```
    /// let r = indstat::datasets::rongchang::row(21)?.expect("row 21");
    /// assert_eq!(r.phrase_zh(), "新开工...社会类投资项目104个");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn phrase_zh(&self) -> &'static str {
        self.phrase_zh
    }

    /// The English label of the figure, as in the table.
    ///
    /// # Examples
    ///
    /// ```
    /// let r = indstat::datasets::rongchang::row(3)?.expect("row 3");
    /// assert_eq!(r.label_en(), "gross industrial output value");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn label_en(&self) -> &'static str {
        self.label_en
    }

    /// The typed observation: entity [`ENTITY`], year [`YEAR`], status normal,
    /// source [`CITATION`] with the phrase.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::{ObsStatus, datasets::rongchang};
    /// let r = rongchang::row(3)?.expect("row 3");
    /// let obs = r.observation();
    /// assert_eq!(obs.status(), ObsStatus::Normal);
    /// assert_eq!(obs.entity().as_str(), rongchang::ENTITY);
    /// assert_eq!(obs.source().and_then(|s| s.phrase()), Some(r.phrase_zh()));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn observation(&self) -> &Observation {
        &self.observation
    }

    /// The table's note on the figure, or `""` when it has none.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::datasets::rongchang;
    /// assert_eq!(rongchang::row(2)?.expect("row 2").note(), "stock");
    /// assert_eq!(rongchang::row(8)?.expect("row 8").note(), "");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn note(&self) -> &'static str {
        self.note
    }

    /// For a figure the article states for several indicators at once (row
    /// 7: 工业总产值、战新产值、工业固投等主要指标的增长均保持6%以上), one
    /// observation per indicator, each with the row's value and source and its
    /// own scope and price basis; empty for every other row.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::{PriceBasis, Scope, datasets::rongchang};
    /// let main = rongchang::row(7)?.expect("row 7");
    /// let scopes: Vec<&Scope> = main.components().iter().map(|o| o.indicator().scope()).collect();
    /// assert_eq!(scopes, [&Scope::AllIndustry, &Scope::StrategicEmergingIndustries, &Scope::IndustrialInvestment]);
    /// // Investment growth is nominal; the article states no basis for the output growths.
    /// let bases: Vec<PriceBasis> = main.components().iter().map(|o| o.indicator().price_basis()).collect();
    /// assert_eq!(bases, [PriceBasis::NotStated, PriceBasis::NotStated, PriceBasis::Current]);
    /// // So the row itself is of no one basis.
    /// assert_eq!(main.indicator().price_basis(), PriceBasis::PerIndicator);
    /// assert!(rongchang::row(4)?.expect("row 4").components().is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn components(&self) -> &[Observation] {
        &self.components
    }

    /// The observation's indicator.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::{PriceBasis, datasets::rongchang};
    /// let growth = rongchang::row(4)?.expect("row 4");
    /// assert_eq!(growth.indicator().code().as_str(), "gross_output_growth");
    /// // The article does not say at which prices.
    /// assert_eq!(growth.indicator().price_basis(), PriceBasis::NotStated);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn indicator(&self) -> &Indicator {
        self.observation.indicator()
    }

    /// The observation's value, exact or bounded.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::{Bound, datasets::rongchang};
    /// let r = rongchang::row(7)?.expect("row 7");
    /// assert_eq!(r.value().to_string(), "6%以上");
    /// assert_eq!(r.value().bound(), Bound::AtLeast);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self) -> &Figure {
        self.observation.value()
    }
}

/// How a row's indicator departs from the defaults of [`Indicator::new`]
/// (scope whole, current prices for money).
#[derive(Clone, Copy)]
enum Basis {
    /// The defaults.
    Plain,
    /// All industry, current prices: the level of gross output.
    AllIndustryCurrent,
    /// All industry, price basis not stated: the growth of gross output.
    AllIndustryNotStated,
    /// Several scopes, each indicator its own price basis: the growth of the
    /// main indicators (row 7), with [`COMPONENTS`].
    MainIndicators,
}

/// One indicator of a figure stated for several (row 7).
struct Component {
    code: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    scope: Scope,
    price_basis: PriceBasis,
}

/// Row 7's indicators, in the article's order (工业总产值、战新产值、工业固投).
/// The first is row 4's indicator. Investment growth is nominal: NBS
/// publishes fixed-asset investment growth at current prices (every figure
/// but value added and its parts, unless marked otherwise).
const COMPONENTS: [Component; 3] = [
    Component {
        code: "gross_output_growth",
        name_zh: "工业总产值同比增长",
        name_en: "growth of gross industrial output, year on year",
        scope: Scope::AllIndustry,
        price_basis: PriceBasis::NotStated,
    },
    Component {
        code: "strategic_emerging_output_growth",
        name_zh: "战略性新兴产业产值同比增长",
        name_en: "growth of strategic emerging industries output, year on year",
        scope: Scope::StrategicEmergingIndustries,
        price_basis: PriceBasis::NotStated,
    },
    Component {
        code: "industrial_investment_growth",
        name_zh: "工业固定资产投资同比增长",
        name_en: "growth of industrial fixed-asset investment, year on year",
        scope: Scope::IndustrialInvestment,
        price_basis: PriceBasis::Current,
    },
];

/// The price basis of a figure stated for all of [`COMPONENTS`]: theirs when
/// they share one, else [`PriceBasis::PerIndicator`] (so the summary row does
/// not say "not stated" of the investment growth its component reads as
/// current prices).
fn shared_price_basis() -> PriceBasis {
    let mut bases = COMPONENTS.iter().map(|c| c.price_basis);
    match bases.next() {
        Some(first) if bases.all(|b| b == first) => first,
        _ => PriceBasis::PerIndicator,
    }
}

/// One row of the table, as text.
struct Spec {
    number: u8,
    theme: Theme,
    code: &'static str,
    name_zh: &'static str,
    /// The figure in a Chinese text form the crate reads.
    value: &'static str,
    kind: Kind,
    basis: Basis,
    phrase_zh: &'static str,
    label_en: &'static str,
    note: &'static str,
}

// Shared by row 6 and target T3, so that both use one indicator.
const TORCH_RANK_CODE: &str = "torch_rank";
const TORCH_RANK_ZH: &str = "国家火炬中心考核排名";
const TORCH_RANK_EN: &str = "national rank among national high-tech zones";

/// The table of observed values (`tests/data/figures.md`), in its order.
const SPECS: [Spec; 36] = [
    Spec {
        number: 1,
        theme: Theme::Enterprises,
        code: "settled_enterprises",
        name_zh: "累计入驻工业企业",
        value: "755家",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "累计入驻工业企业755家",
        label_en: "industrial enterprises settled (cumulative)",
        note: "stock, end of 2022",
    },
    Spec {
        number: 2,
        theme: Theme::Enterprises,
        code: "enterprises_in_production",
        name_zh: "投产企业",
        value: "585家",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "投产企业585家",
        label_en: "enterprises in production",
        note: "stock",
    },
    Spec {
        number: 3,
        theme: Theme::Output,
        code: "gross_output",
        name_zh: "工业总产值",
        value: "1004亿元",
        kind: Kind::Flow,
        basis: Basis::AllIndustryCurrent,
        phrase_zh: "实现工业总产值1004亿元",
        label_en: "gross industrial output value",
        note: "flow; scope: the zone's industry as a whole, **not** \"above designated size\"",
    },
    Spec {
        number: 4,
        theme: Theme::Output,
        code: "gross_output_growth",
        name_zh: "工业总产值同比增长",
        value: "8.5%",
        kind: Kind::Change,
        basis: Basis::AllIndustryNotStated,
        phrase_zh: "同比增长8.5%",
        label_en: "growth of gross industrial output, year on year",
        note: "Chinese official industrial growth is normally at comparable prices, \
so 1004/1.085 is a nominal estimate, not a published figure",
    },
    Spec {
        number: 5,
        theme: Theme::Ranking,
        code: "torch_rank_change",
        name_zh: "国家火炬中心考核排名变化",
        value: "上升17位",
        kind: Kind::Change,
        basis: Basis::Plain,
        phrase_zh: "国家火炬中心考核排名上升17位",
        label_en: "rank change in the Torch Center assessment",
        note: "improvement (smaller rank number)",
    },
    Spec {
        number: 6,
        theme: Theme::Ranking,
        code: TORCH_RANK_CODE,
        name_zh: TORCH_RANK_ZH,
        value: "第122位",
        kind: Kind::Rank,
        basis: Basis::Plain,
        phrase_zh: "位列全国第122位",
        label_en: TORCH_RANK_EN,
        note: "implies 139 in the previous assessment",
    },
    Spec {
        number: 7,
        theme: Theme::Output,
        code: "main_indicators_growth_min",
        name_zh: "工业总产值、战新产值、工业固投等主要指标的增长",
        value: "6%以上",
        kind: Kind::Change,
        basis: Basis::MainIndicators,
        phrase_zh: "工业总产值、战新产值、工业固投等主要指标的增长均保持6%以上",
        label_en: "growth of gross industrial output, strategic emerging industries output \
and industrial fixed-asset investment",
        note: "lower bound for each of the three",
    },
    Spec {
        number: 8,
        theme: Theme::Space,
        code: "area_current",
        name_zh: "现行管辖范围面积",
        value: "28.8平方公里",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "现行管辖范围28.8平方公里",
        label_en: "current jurisdiction area (boundaries fixed)",
        note: "",
    },
    Spec {
        number: 9,
        theme: Theme::Space,
        code: "area_registered_original",
        name_zh: "原备案面积",
        value: "27.87平方公里",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "原备案面积27.87平方公里",
        label_en: "originally registered area",
        note: "",
    },
    Spec {
        number: 10,
        theme: Theme::Space,
        code: "area_registered_expanded",
        name_zh: "扩容方案调整后管辖范围面积",
        value: "100.07平方公里",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "调整为100.07平方公里",
        label_en: "registered area after expansion plan",
        note: "",
    },
    Spec {
        number: 11,
        theme: Theme::Space,
        code: "infrastructure_financing",
        name_zh: "基础设施建设有效融资",
        value: "22.45亿元",
        kind: Kind::Flow,
        basis: Basis::Plain,
        phrase_zh: "基础设施建设实现有效融资22.45亿元",
        label_en: "effective financing for infrastructure",
        note: "",
    },
    Spec {
        number: 12,
        theme: Theme::Space,
        code: "infrastructure_projects_completed",
        name_zh: "竣工验收基础设施项目",
        value: "5个项目",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "等5个项目竣工验收",
        label_en: "infrastructure projects completed and accepted",
        note: "",
    },
    Spec {
        number: 13,
        theme: Theme::Services,
        code: "legacy_problems_solved",
        name_zh: "帮助企业解决不动产权证难等遗留问题",
        value: "6个问题",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "帮助企业办理不动产权证难等遗留问题6个",
        label_en: "legacy problems solved (property certificates etc.)",
        note: "",
    },
    Spec {
        number: 14,
        theme: Theme::Services,
        code: "approval_items_handled",
        name_zh: "办理各类审批事项",
        value: "1986件",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "办理各类审批事项1986件",
        label_en: "approval items handled",
        note: "",
    },
    Spec {
        number: 15,
        theme: Theme::Services,
        code: "enterprise_difficulties_solved",
        name_zh: "帮助企业解决实际困难",
        value: "162个问题",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "全年帮助企业解决实际困难162个",
        label_en: "enterprise difficulties solved",
        note: "",
    },
    Spec {
        number: 16,
        theme: Theme::Services,
        code: "rongyidai_enterprises",
        name_zh: "推荐办理“融易贷”贷款企业",
        value: "68家",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "推荐...68家企业办理\"融易贷\"贷款",
        label_en: "enterprises given \"Rongyidai\" loans",
        note: "",
    },
    Spec {
        number: 17,
        theme: Theme::Services,
        code: "rongyidai_loans",
        name_zh: "“融易贷”贷款金额",
        value: "1.68亿元",
        kind: Kind::Flow,
        basis: Basis::Plain,
        phrase_zh: "贷款1.68亿元",
        label_en: "amount of those loans",
        note: "",
    },
    Spec {
        number: 18,
        theme: Theme::Services,
        code: "workers_recruited",
        name_zh: "帮助企业招工",
        value: "4000余人",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "帮助企业招工4000余人",
        label_en: "workers recruited for enterprises",
        note: "lower bound (\"余\")",
    },
    Spec {
        number: 19,
        theme: Theme::Investment,
        code: "zhongneng_guorun_pv_investment",
        name_zh: "中能国润分布式光伏发电项目投资",
        value: "40亿元",
        kind: Kind::Flow,
        basis: Basis::Plain,
        phrase_zh: "中能国润投资40亿元建设分布式光伏发电项目",
        label_en: "Zhongneng Guorun investment, distributed photovoltaic project",
        note: "signed project",
    },
    Spec {
        number: 20,
        theme: Theme::Investment,
        code: "shenzhen_bijin_packaging_investment",
        name_zh: "深圳市碧锦五金建材有限公司包装新材料产业园投资",
        value: "18亿元",
        kind: Kind::Flow,
        basis: Basis::Plain,
        phrase_zh: "深圳市碧锦五金建材有限公司投资18亿元建设包装新材料产业园",
        label_en: "Shenzhen Bijin investment, packaging new-materials park",
        note: "signed project",
    },
    Spec {
        number: 21,
        theme: Theme::Investment,
        code: "social_investment_projects_started",
        name_zh: "新开工社会类投资项目",
        value: "104个项目",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "新开工...社会类投资项目104个",
        label_en: "newly started social-investment projects",
        note: "",
    },
    Spec {
        number: 22,
        theme: Theme::Investment,
        code: "social_investment_projects_total",
        name_zh: "新开工社会类投资项目总投资",
        value: "520亿元",
        kind: Kind::Flow,
        basis: Basis::Plain,
        phrase_zh: "总投资520亿元",
        label_en: "total investment of those projects",
        note: "",
    },
    Spec {
        number: 23,
        theme: Theme::Investment,
        code: "projects_completed_in_production",
        name_zh: "竣工投产项目",
        value: "60个项目",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "60个项目竣工投产",
        label_en: "projects completed and put into production",
        note: "",
    },
    Spec {
        number: 24,
        theme: Theme::Investment,
        code: "tech_upgrade_projects_in_production",
        name_zh: "投产达效技改项目",
        value: "83个项目",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "83个技改项目投产达效",
        label_en: "technical-upgrade projects in production",
        note: "",
    },
    Spec {
        number: 25,
        theme: Theme::Innovation,
        code: "new_high_tech_enterprises",
        name_zh: "新增高新技术企业",
        value: "28家",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "新增高新技术企业28家",
        label_en: "new high-tech enterprises",
        note: "flow; implies 123 at end of 2021 if none left",
    },
    Spec {
        number: 26,
        theme: Theme::Innovation,
        code: "new_district_platforms",
        name_zh: "新增区级平台",
        value: "14个平台",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "14个区级平台",
        label_en: "new district-level platforms",
        note: "",
    },
    Spec {
        number: 27,
        theme: Theme::Innovation,
        code: "new_municipal_platforms",
        name_zh: "新增市级平台",
        value: "4个平台",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "4个市级平台",
        label_en: "new municipal-level platforms",
        note: "",
    },
    Spec {
        number: 28,
        theme: Theme::Innovation,
        code: "high_tech_enterprises",
        name_zh: "累计拥有高新技术企业",
        value: "151家",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "累计拥有高新技术企业151家",
        label_en: "high-tech enterprises (cumulative)",
        note: "stock",
    },
    Spec {
        number: 29,
        theme: Theme::Innovation,
        code: "district_innovation_platforms",
        name_zh: "区创新研发孵化平台",
        value: "171个平台",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "区创新研发孵化平台171个",
        label_en: "district innovation / R&D / incubation platforms",
        note: "stock",
    },
    Spec {
        number: 30,
        theme: Theme::Innovation,
        code: "municipal_or_higher_innovation_platforms",
        name_zh: "市级以上创新平台",
        // The article counts these platforms with 家.
        value: "82家平台",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "市级以上创新平台82家",
        label_en: "innovation platforms at municipal level or above",
        note: "stock",
    },
    Spec {
        number: 31,
        theme: Theme::Innovation,
        code: "innovation_team_enterprises",
        name_zh: "创新团队成立的科技创新企业",
        value: "32家",
        kind: Kind::Count,
        basis: Basis::Plain,
        phrase_zh: "成立了...等32家科技创新企业",
        label_en: "science and technology innovation enterprises founded by innovation teams",
        note: "",
    },
    Spec {
        number: 32,
        theme: Theme::Innovation,
        code: "incubation_platforms",
        name_zh: "国家级、市级众创孵化平台",
        // 家 again, of platforms.
        value: "8家平台",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "国家级、市级众创孵化平台累计达到8家",
        label_en: "national and municipal maker/incubation platforms (cumulative)",
        note: "stock",
    },
    Spec {
        number: 33,
        theme: Theme::Innovation,
        code: "enterprises_in_incubation",
        name_zh: "在孵企业",
        value: "1700家",
        kind: Kind::Stock,
        basis: Basis::Plain,
        phrase_zh: "在孵企业1700家",
        label_en: "enterprises in incubation",
        note: "stock",
    },
    Spec {
        number: 34,
        theme: Theme::Innovation,
        code: "invention_patents_per_10k",
        name_zh: "每万人拥有发明专利",
        value: "10.93件/万人",
        kind: Kind::Ratio,
        basis: Basis::Plain,
        phrase_zh: "每万人拥有发明专利10.93件",
        label_en: "invention patents per 10,000 people",
        note: "",
    },
    Spec {
        number: 35,
        theme: Theme::Innovation,
        code: "invention_patents_per_10k_growth",
        name_zh: "每万人拥有发明专利同比增长",
        value: "10.07%",
        kind: Kind::Change,
        basis: Basis::Plain,
        phrase_zh: "同比增长10.07%",
        label_en: "growth of invention patents per 10,000 people",
        note: "implies 9.93 the year before",
    },
    Spec {
        number: 36,
        theme: Theme::Innovation,
        code: "rd_share_of_gdp",
        name_zh: "R&D占GDP比重",
        value: "4.4%",
        kind: Kind::Ratio,
        basis: Basis::Plain,
        phrase_zh: "R&D占GDP比重达4.4%",
        label_en: "R&D expenditure as share of GDP",
        note: "a ratio: its change is in percentage points",
    },
];

impl Spec {
    fn build(&self, entity: &EntityId, period: Period) -> Result<Row> {
        let value: Figure = self.value.parse()?;
        let indicator = Indicator::new(
            self.code,
            self.name_zh,
            self.label_en,
            value.unit(),
            self.kind,
        )?;
        let indicator = match self.basis {
            Basis::Plain => indicator,
            Basis::AllIndustryCurrent => indicator
                .with_scope(Scope::AllIndustry)
                .with_price_basis(PriceBasis::Current),
            Basis::AllIndustryNotStated => indicator
                .with_scope(Scope::AllIndustry)
                .with_price_basis(PriceBasis::NotStated),
            Basis::MainIndicators => indicator
                .with_scope(Scope::Several {
                    scopes: main_indicator_scopes(),
                })
                .with_price_basis(shared_price_basis()),
        };
        let source = Source::new(CITATION).with_phrase(self.phrase_zh);
        let components = match self.basis {
            Basis::MainIndicators => COMPONENTS
                .iter()
                .map(|c| {
                    let indicator =
                        Indicator::new(c.code, c.name_zh, c.name_en, value.unit(), self.kind)?
                            .with_scope(c.scope.clone())
                            .with_price_basis(c.price_basis);
                    Ok(Observation::new(entity.clone(), indicator, period, value)?
                        .with_source(source.clone()))
                })
                .collect::<Result<Vec<_>>>()?,
            _ => Vec::new(),
        };
        let observation =
            Observation::new(entity.clone(), indicator, period, value)?.with_source(source);
        Ok(Row {
            number: self.number,
            theme: self.theme,
            phrase_zh: self.phrase_zh,
            label_en: self.label_en,
            note: self.note,
            observation,
            components,
        })
    }
}

/// All 36 observed figures, in the table's order.
///
/// # Errors
///
/// None in practice: the built-in text forms all parse. The `Result` carries
/// any error of [`Figure`] parsing, [`Indicator::new`] or
/// [`Observation::new`].
///
/// # Examples
///
/// ```
/// use indstat::datasets::rongchang;
/// let rows = rongchang::rows()?;
/// assert_eq!(rows.len(), 36);
/// assert_eq!(rows.first().map(|r| r.value().to_string()), Some("755家".to_owned()));
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn rows() -> Result<Vec<Row>> {
    let entity = entity()?;
    let period = Period::year(YEAR)?;
    SPECS
        .iter()
        .map(|spec| spec.build(&entity, period))
        .collect()
}

/// The observations of all 36 rows, in the table's order.
///
/// # Errors
///
/// As [`rows`].
///
/// # Examples
///
/// ```
/// use indstat::datasets::rongchang;
/// let obs = rongchang::observations()?;
/// assert_eq!(obs.len(), 36);
/// assert!(obs.iter().all(|o| o.source().is_some()));
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn observations() -> Result<Vec<Observation>> {
    Ok(rows()?.into_iter().map(|r| r.observation).collect())
}

/// The row with table number `number`, or `None` outside 1 to 36.
///
/// # Errors
///
/// As [`rows`].
///
/// # Examples
///
/// ```
/// use indstat::datasets::rongchang;
/// let rank = rongchang::row(6)?.expect("row 6");
/// assert_eq!(rank.value().to_string(), "第122位");
/// assert!(rongchang::row(0)?.is_none());
/// assert!(rongchang::row(37)?.is_none());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn row(number: u8) -> Result<Option<Row>> {
    let entity = entity()?;
    let period = Period::year(YEAR)?;
    SPECS
        .iter()
        .find(|spec| spec.number == number)
        .map(|spec| spec.build(&entity, period))
        .transpose()
}

/// One target of the article: its id in the table (T1 to T4), phrase,
/// English label, indicator, value, deadline and, for a count of things above
/// a size, the size.
///
/// # Examples
///
/// ```
/// use indstat::{Bound, Period, Scope, datasets::rongchang};
///
/// let targets = rongchang::targets()?;
/// let t1 = targets.iter().find(|t| t.id() == "T1").expect("T1");
/// assert_eq!(t1.value().bound(), Bound::MoreThan);
/// assert_eq!(t1.deadline(), Some(Period::year(2026)?));
/// assert_eq!(t1.indicator().scope(), &Scope::above_designated_size());
/// assert!(t1.threshold().is_none());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TargetRow {
    id: &'static str,
    phrase_zh: &'static str,
    label_en: &'static str,
    indicator: Indicator,
    value: Figure,
    deadline: Option<Period>,
    threshold: Option<Figure>,
    note: &'static str,
}

impl TargetRow {
    /// The target's id in the table: `"T1"` to `"T4"`.
    ///
    /// # Examples
    ///
    /// ```
    /// let ids: Vec<&str> = indstat::datasets::rongchang::targets()?.iter().map(|t| t.id()).collect();
    /// assert_eq!(ids, ["T1", "T2", "T3", "T4"]);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The phrase of the article that states the target, as in the table.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = indstat::datasets::rongchang::target("T3")?.expect("T3");
    /// assert_eq!(t.phrase_zh(), "围绕创建百强国家高新区这个阶段性目标");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn phrase_zh(&self) -> &'static str {
        self.phrase_zh
    }

    /// The English label of the target, as in the table, except that T2's
    /// 10亿元以上 is "at least 1 billion yuan" (以上 includes the number; the
    /// table's "above" would exclude it).
    ///
    /// # Examples
    ///
    /// ```
    /// let t = indstat::datasets::rongchang::target("T3")?.expect("T3");
    /// assert_eq!(t.label_en(), "become a Top-100 national high-tech zone");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn label_en(&self) -> &'static str {
        self.label_en
    }

    /// The indicator the target is set for. T3 uses the indicator of row 6.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::datasets::rongchang;
    /// let t3 = rongchang::target("T3")?.expect("T3");
    /// let rank = rongchang::row(6)?.expect("row 6");
    /// assert_eq!(t3.indicator(), rank.indicator());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn indicator(&self) -> &Indicator {
        &self.indicator
    }

    /// The target value, usually a bound: T1 more than 1800亿元, T2 at least
    /// 10 enterprises, T3 at most rank 100, T4 at least 1000亿元.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = indstat::datasets::rongchang::target("T3")?.expect("T3");
    /// assert_eq!(t.value().to_string(), "前100位");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self) -> &Figure {
        &self.value
    }

    /// The year the target is set for, when the article states one (2026 for
    /// T1 and T2).
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::{Period, datasets::rongchang};
    /// assert_eq!(rongchang::target("T2")?.expect("T2").deadline(), Some(Period::year(2026)?));
    /// assert_eq!(rongchang::target("T4")?.expect("T4").deadline(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn deadline(&self) -> Option<Period> {
        self.deadline
    }

    /// For a count of things above a size, the size each must reach: T2
    /// counts enterprises with output of at least 1 billion yuan.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::datasets::rongchang;
    /// let t2 = rongchang::target("T2")?.expect("T2");
    /// assert_eq!(t2.threshold().map(|f| f.to_string()), Some("10亿元以上".to_owned()));
    /// assert!(rongchang::target("T1")?.expect("T1").threshold().is_none());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn threshold(&self) -> Option<&Figure> {
        self.threshold.as_ref()
    }

    /// The table's note on the target.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = indstat::datasets::rongchang::target("T2")?.expect("T2");
    /// assert_eq!(t.note(), "a count-above-threshold target");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn note(&self) -> &'static str {
        self.note
    }
}

/// The scope of a target's indicator.
#[derive(Clone, Copy)]
enum TargetScope {
    Whole,
    AboveDesignatedSize,
    ConsumerGoodsCluster,
}

/// One row of the targets table, as text.
struct TargetSpec {
    id: &'static str,
    code: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    value: &'static str,
    kind: Kind,
    scope: TargetScope,
    deadline: Option<i32>,
    threshold: Option<&'static str>,
    phrase_zh: &'static str,
    label_en: &'static str,
    note: &'static str,
}

/// The targets table (`tests/data/figures.md`), in its order.
const TARGET_SPECS: [TargetSpec; 4] = [
    TargetSpec {
        id: "T1",
        code: "output_above_designated_size",
        name_zh: "规上企业工业产值",
        name_en: "industrial output of enterprises above designated size",
        // 突破 reads as strictly more than: the same figure as 1800余亿元.
        value: "突破1800亿元",
        kind: Kind::Flow,
        scope: TargetScope::AboveDesignatedSize,
        deadline: Some(2026),
        threshold: None,
        phrase_zh: "到2026年,规上企业工业产值突破1800亿元",
        label_en: "industrial output of enterprises above designated size exceeds 180 billion yuan",
        note: "scope is \"above designated size\" (规模以上, annual main-business revenue \
≥ 20 million yuan); the article gives no 2022 figure for that scope",
    },
    TargetSpec {
        id: "T2",
        code: "leading_enterprises_over_1bn",
        name_zh: "产值在10亿元以上的产业龙头企业、领军企业、上市企业",
        name_en: "leading, pioneering and listed enterprises with output of at least 1 billion yuan",
        value: "10家以上",
        kind: Kind::Count,
        scope: TargetScope::Whole,
        deadline: Some(2026),
        threshold: Some("10亿元以上"),
        phrase_zh: "培育产值在10亿元以上的产业龙头企业、领军企业、上市企业10家以上",
        // The table says "above 1 billion yuan"; 以上 includes the number.
        label_en: "at least 10 leading / listed enterprises with output of at least 1 billion yuan",
        note: "a count-above-threshold target",
    },
    TargetSpec {
        id: "T3",
        code: TORCH_RANK_CODE,
        name_zh: TORCH_RANK_ZH,
        name_en: TORCH_RANK_EN,
        value: "前100位",
        kind: Kind::Rank,
        scope: TargetScope::Whole,
        deadline: None,
        threshold: None,
        phrase_zh: "围绕创建百强国家高新区这个阶段性目标",
        label_en: "become a Top-100 national high-tech zone",
        note: "a rank target; 22 places from rank 122",
    },
    TargetSpec {
        id: "T4",
        code: "consumer_goods_cluster_output",
        name_zh: "消费品工业集群产值",
        name_en: "output of the consumer-goods industry cluster (food, apparel, ceramics)",
        // 千亿级: of the order of 1000亿元, read as 1000亿元 or more.
        value: "1000亿元以上",
        kind: Kind::Flow,
        scope: TargetScope::ConsumerGoodsCluster,
        deadline: None,
        threshold: None,
        phrase_zh: "打造以食品、服饰、陶瓷为支柱的千亿级消费品工业集群",
        label_en: "consumer-goods industry cluster (food, apparel, ceramics) at the hundred-billion level",
        note: "\"千亿级\" = output of the order of 100 billion yuan; also stated for the \
biomedicine, electronic-information and smart-equipment clusters together",
    },
];

impl TargetSpec {
    fn build(&self) -> Result<TargetRow> {
        let value: Figure = self.value.parse()?;
        let scope = match self.scope {
            TargetScope::Whole => Scope::Whole,
            TargetScope::AboveDesignatedSize => Scope::above_designated_size(),
            TargetScope::ConsumerGoodsCluster => Scope::Custom {
                name: "consumer-goods industry cluster (food, apparel, ceramics)".into(),
            },
        };
        let indicator = Indicator::new(
            self.code,
            self.name_zh,
            self.name_en,
            value.unit(),
            self.kind,
        )?
        .with_scope(scope);
        indicator.check(&value)?;
        let deadline = self.deadline.map(Period::year).transpose()?;
        let threshold = self.threshold.map(str::parse::<Figure>).transpose()?;
        Ok(TargetRow {
            id: self.id,
            phrase_zh: self.phrase_zh,
            label_en: self.label_en,
            indicator,
            value,
            deadline,
            threshold,
            note: self.note,
        })
    }
}

/// The article's four targets, T1 to T4, in the table's order.
///
/// # Errors
///
/// None in practice: the built-in text forms all parse. The `Result` carries
/// any error of [`Figure`] parsing, [`Indicator::new`] or [`Period::year`].
///
/// # Examples
///
/// ```
/// use indstat::datasets::rongchang;
/// let targets = rongchang::targets()?;
/// assert_eq!(targets.len(), 4);
/// assert!(targets.iter().all(|t| !t.value().bound().is_exact()));
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn targets() -> Result<Vec<TargetRow>> {
    TARGET_SPECS.iter().map(TargetSpec::build).collect()
}

/// The target with id `id` (`"T1"` to `"T4"`), or `None` for another id.
///
/// # Errors
///
/// As [`targets`].
///
/// # Examples
///
/// ```
/// use indstat::datasets::rongchang;
/// let t4 = rongchang::target("T4")?.expect("T4");
/// assert_eq!(t4.value().to_string(), "1000亿元以上");
/// assert!(rongchang::target("T5")?.is_none());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn target(id: &str) -> Result<Option<TargetRow>> {
    TARGET_SPECS
        .iter()
        .find(|spec| spec.id == id)
        .map(TargetSpec::build)
        .transpose()
}
