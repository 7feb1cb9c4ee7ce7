//! Reports: a small document model (sections of tables, paragraphs and
//! notes, every text in Chinese and English) rendered as terminal text with
//! columns aligned for Chinese characters, or as Markdown, in Chinese,
//! English or both; and helpers that turn the crate's analyses into report
//! sections with the assumptions they carry.
//!
//! # Examples
//!
//! ```
//! use indstat::report::{Align, Format, Lang, Report, Section, Table, Text};
//!
//! let mut table = Table::new(vec![
//!     (Text::new("指标", "indicator"), Align::Left),
//!     (Text::new("数值", "value"), Align::Right),
//! ]);
//! table.push(vec![Text::new("工业总产值", "gross output"), Text::new("1004亿元", "100.4 billion yuan")])?;
//! let report = Report::new(Text::new("荣昌高新区", "Rongchang High-Tech Zone"))
//!     .section(Section::new(Text::new("产出", "Output")).table(table));
//!
//! let zh = report.render(Lang::Zh, Format::Text);
//! assert!(zh.contains("工业总产值  1004亿元"));
//! let en = report.render(Lang::En, Format::Markdown);
//! assert!(en.contains("| gross output | 100.4 billion yuan |"));
//!
//! // A row must have one cell per column.
//! let mut t = Table::new(vec![(Text::same("a"), Align::Left)]);
//! assert!(t.push(vec![]).is_err());
//! # Ok::<(), indstat::Error>(())
//! ```

#[cfg(feature = "plot")]
#[cfg_attr(docsrs, doc(cfg(feature = "plot")))]
pub mod chart;
mod markdown;
mod save;
mod sections;
mod text;
mod wrap;

pub use save::save;
pub use sections::{figures_table, gap_section, growth_table, rank_section};

use crate::{Error, Result};

/// The widest line [`Report::render`] writes, in display columns as a CJK
/// terminal draws them: a Chinese character counts two, and so does every
/// East Asian ambiguous character (“ · ≥ — ÷ ρ), in every language.
///
/// ```
/// assert_eq!(indstat::report::WIDTH, 100);
/// ```
pub const WIDTH: usize = 100;

/// The narrowest width [`Report::render_width`] lays a report out in.
const MIN_WIDTH: usize = 20;

/// Which language a report is written in.
///
/// # Examples
///
/// ```
/// use indstat::report::Lang;
/// assert_eq!("both".parse::<Lang>()?, Lang::Both);
/// assert!("fr".parse::<Lang>().is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Chinese.
    Zh,
    /// English.
    En,
    /// Chinese, then English (in tables, both columns).
    #[default]
    Both,
}

impl core::str::FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Lang> {
        match s {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            "both" => Ok(Lang::Both),
            _ => Err(Error::parse(s, "a language", "expected zh, en or both")),
        }
    }
}

/// How a report is rendered.
///
/// # Examples
///
/// ```
/// assert_ne!(indstat::report::Format::Text, indstat::report::Format::Markdown);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Plain text for a terminal: aligned columns, Chinese characters
    /// counted two columns wide.
    #[default]
    Text,
    /// Markdown: headings, pipe tables, lists.
    Markdown,
}

/// A text in Chinese and English.
///
/// # Examples
///
/// ```
/// use indstat::report::{Lang, Text};
/// let t = Text::new("上升17位", "up 17 places");
/// assert_eq!(t.get(Lang::Zh), "上升17位");
/// assert_eq!(t.get(Lang::Both), "上升17位 / up 17 places");
/// assert_eq!(Text::same("8.5%").get(Lang::Both), "8.5%");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Text {
    zh: String,
    en: String,
}

impl Text {
    /// A text with its Chinese and English forms.
    ///
    /// ```
    /// assert_eq!(indstat::report::Text::new("第122位", "122nd").en(), "122nd");
    /// ```
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// A text written the same in both languages (a number, a code).
    ///
    /// ```
    /// assert_eq!(indstat::report::Text::same("T1").zh(), "T1");
    /// ```
    pub fn same(text: impl Into<String>) -> Text {
        let t = text.into();
        Text {
            zh: t.clone(),
            en: t,
        }
    }

    /// The Chinese form.
    ///
    /// ```
    /// assert_eq!(indstat::report::Text::new("目标", "targets").zh(), "目标");
    /// ```
    pub fn zh(&self) -> &str {
        &self.zh
    }

    /// The English form.
    ///
    /// ```
    /// assert_eq!(indstat::report::Text::new("目标", "targets").en(), "targets");
    /// ```
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The text in `lang`: both forms joined by ` / ` unless they are equal.
    ///
    /// ```
    /// use indstat::report::{Lang, Text};
    /// assert_eq!(Text::new("目标", "targets").get(Lang::En), "targets");
    /// ```
    pub fn get(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh.clone(),
            Lang::En => self.en.clone(),
            Lang::Both if self.zh == self.en => self.zh.clone(),
            Lang::Both => format!("{} / {}", self.zh, self.en),
        }
    }
}

/// Column alignment.
///
/// # Examples
///
/// ```
/// assert_ne!(indstat::report::Align::Left, indstat::report::Align::Right);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    /// Left-aligned (text).
    Left,
    /// Right-aligned (numbers).
    Right,
}

/// A table: bilingual headers, one alignment per column, rows of cells.
///
/// In [`Lang::Both`] each row is shown as a Chinese line and, when any cell
/// differs, an English line under it, in the same columns (Markdown: the two
/// forms in one cell, separated by `<br>`).
///
/// # Examples
///
/// ```
/// use indstat::report::{Align, Table, Text};
/// let mut t = Table::new(vec![(Text::new("年份", "year"), Align::Left)]);
/// t.push(vec![Text::same("2022")])?;
/// assert_eq!(t.len(), 1);
/// assert!(t.push(vec![Text::same("a"), Text::same("b")]).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    columns: Vec<(Text, Align)>,
    rows: Vec<Vec<Text>>,
}

impl Table {
    /// A table with these columns and no rows.
    ///
    /// ```
    /// use indstat::report::{Align, Table, Text};
    /// assert!(Table::new(vec![(Text::same("x"), Align::Left)]).is_empty());
    /// ```
    pub fn new(columns: Vec<(Text, Align)>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Appends a row.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] when the row has not one cell per column.
    ///
    /// ```
    /// use indstat::report::{Align, Table, Text};
    /// let mut t = Table::new(vec![(Text::same("x"), Align::Left)]);
    /// assert!(t.push(vec![Text::same("1")]).is_ok());
    /// assert!(t.push(vec![]).is_err());
    /// ```
    pub fn push(&mut self, row: Vec<Text>) -> Result<()> {
        if row.len() != self.columns.len() {
            return Err(Error::InvalidValue {
                indicator: "report table".to_owned(),
                value: format!("{} cells for {} columns", row.len(), self.columns.len()),
                reason: "a row needs one cell per column",
            });
        }
        self.rows.push(row);
        Ok(())
    }

    /// The number of rows.
    ///
    /// ```
    /// # use indstat::report::{Align, Table, Text};
    /// assert_eq!(Table::new(vec![(Text::same("x"), Align::Left)]).len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table has no rows.
    ///
    /// ```
    /// # use indstat::report::{Align, Table, Text};
    /// assert!(Table::new(vec![]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// A part of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    Paragraph(Text),
    Table(Table),
    Notes(Text, Vec<Text>),
}

/// A section: a heading and its paragraphs, tables and notes, in order.
///
/// # Examples
///
/// ```
/// use indstat::report::{Format, Lang, Report, Section, Text};
/// let s = Section::new(Text::new("假定", "Assumptions"))
///     .notes(Text::new("假定", "Assumptions"), vec![Text::new("口径相同", "the scopes are equal")]);
/// let r = Report::new(Text::same("R")).section(s);
/// assert!(r.render(Lang::En, Format::Markdown).contains("- the scopes are equal"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    heading: Text,
    blocks: Vec<Block>,
}

impl Section {
    /// An empty section.
    ///
    /// ```
    /// let s = indstat::report::Section::new(indstat::report::Text::new("增长", "Growth"));
    /// assert!(s.is_empty());
    /// ```
    pub fn new(heading: Text) -> Section {
        Section {
            heading,
            blocks: Vec::new(),
        }
    }

    /// Adds a paragraph.
    ///
    /// ```
    /// use indstat::report::{Section, Text};
    /// assert!(!Section::new(Text::same("s")).paragraph(Text::same("p")).is_empty());
    /// ```
    #[must_use]
    pub fn paragraph(mut self, text: Text) -> Section {
        self.blocks.push(Block::Paragraph(text));
        self
    }

    /// Adds a table.
    ///
    /// ```
    /// use indstat::report::{Align, Section, Table, Text};
    /// let s = Section::new(Text::same("s")).table(Table::new(vec![(Text::same("x"), Align::Left)]));
    /// assert!(!s.is_empty());
    /// ```
    #[must_use]
    pub fn table(mut self, table: Table) -> Section {
        self.blocks.push(Block::Table(table));
        self
    }

    /// Adds a titled list of notes (assumptions, caveats); nothing when empty.
    ///
    /// ```
    /// use indstat::report::{Section, Text};
    /// assert!(Section::new(Text::same("s")).notes(Text::same("n"), vec![]).is_empty());
    /// ```
    #[must_use]
    pub fn notes(mut self, title: Text, notes: Vec<Text>) -> Section {
        if !notes.is_empty() {
            self.blocks.push(Block::Notes(title, notes));
        }
        self
    }

    /// Whether the section has nothing under its heading.
    ///
    /// ```
    /// assert!(indstat::report::Section::new(indstat::report::Text::same("s")).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}

/// A report: a title, a source line and sections.
///
/// # Examples
///
/// ```
/// use indstat::report::{Format, Lang, Report, Section, Text};
/// let r = Report::new(Text::new("报告", "Report"))
///     .source(Text::same("NBS"))
///     .section(Section::new(Text::new("一", "One")).paragraph(Text::new("内容", "content")));
/// let out = r.render(Lang::Both, Format::Text);
/// assert!(out.starts_with("报告 · Report"));
/// assert!(out.contains("内容\n  content"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    title: Text,
    source: Option<Text>,
    sections: Vec<Section>,
}

impl Report {
    /// A report with a title.
    ///
    /// ```
    /// let r = indstat::report::Report::new(indstat::report::Text::same("R"));
    /// assert!(r.render(indstat::report::Lang::En, indstat::report::Format::Text).starts_with("R"));
    /// ```
    pub fn new(title: Text) -> Report {
        Report {
            title,
            source: None,
            sections: Vec::new(),
        }
    }

    /// Sets the source line.
    ///
    /// ```
    /// use indstat::report::{Format, Lang, Report, Text};
    /// let r = Report::new(Text::same("R")).source(Text::new("来源", "source"));
    /// assert!(r.render(Lang::En, Format::Text).contains("Source: source"));
    /// ```
    #[must_use]
    pub fn source(mut self, source: Text) -> Report {
        self.source = Some(source);
        self
    }

    /// Appends a section (an empty one is skipped).
    ///
    /// ```
    /// use indstat::report::{Format, Lang, Report, Section, Text};
    /// let r = Report::new(Text::same("R")).section(Section::new(Text::same("empty")));
    /// assert!(!r.render(Lang::En, Format::Text).contains("empty"));
    /// ```
    #[must_use]
    pub fn section(mut self, section: Section) -> Report {
        if !section.is_empty() {
            self.sections.push(section);
        }
        self
    }

    /// Renders the report, every line at most [`WIDTH`] display columns wide
    /// as a CJK terminal draws it, whatever the language: a Chinese character
    /// counts two, and so does every East Asian ambiguous character (“ · ≥ —
    /// ÷, and letters such as ρ), so the report fits a Chinese terminal and,
    /// narrower there, any other. Table columns align in the terminal the
    /// language is likely read in: English in one that draws those characters
    /// in one column, Chinese and both languages in a CJK one.
    ///
    /// Text: headings underlined, tables with aligned columns whose long
    /// cells wrap inside their column (rows apart by a blank line once one
    /// wraps), paragraphs and notes wrapped under a hanging indent. Markdown:
    /// paragraphs and lists wrapped, long headings as setext headings, pipe
    /// tables when their rows fit, else (in both languages) a Chinese and an
    /// English table, else a list of records. A table too wide even wrapped
    /// is written as records in text too.
    ///
    /// ```
    /// use indstat::report::{Format, Lang, Report, Section, Text, WIDTH};
    /// let r = Report::new(Text::new("报告", "Report")).section(Section::new(Text::new("一", "One")).paragraph(Text::same("x")));
    /// assert!(r.render(Lang::Zh, Format::Markdown).starts_with("# 报告\n"));
    /// assert!(r.render(Lang::En, Format::Markdown).contains("\n## One\n"));
    ///
    /// let long = Report::new(Text::same("R")).section(
    ///     Section::new(Text::same("S")).paragraph(Text::same("word ".repeat(60))),
    /// );
    /// let out = long.render(Lang::En, Format::Text);
    /// assert!(out.lines().all(|l| l.chars().count() <= WIDTH));
    /// assert!(out.lines().count() > 3);
    /// ```
    pub fn render(&self, lang: Lang, format: Format) -> String {
        self.render_width(lang, format, WIDTH)
    }

    /// Renders the report within `columns` display columns, as
    /// [`render`](Report::render) does within [`WIDTH`]. A width below 20 is
    /// taken as 20; no line is wider unless a single character is.
    ///
    /// ```
    /// use indstat::report::{Align, Format, Lang, Report, Section, Table, Text};
    /// let mut t = Table::new(vec![(Text::new("指标", "indicator"), Align::Left), (Text::new("数值", "value"), Align::Right)]);
    /// t.push(vec![Text::new("工业总产值、战新产值、工业固投等主要指标的增长", "growth of the main indicators"), Text::new("6%以上", "at least 6%")])?;
    /// let r = Report::new(Text::same("R")).section(Section::new(Text::same("S")).table(t));
    /// let out = r.render_width(Lang::Zh, Format::Text, 30);
    /// // The long name wraps inside its column; the value stays on its first line.
    /// assert!(out.lines().any(|l| l.starts_with("  工业总产值") && l.ends_with("6%以上")));
    /// assert!(out.contains("\n  标的增长\n"));
    /// assert!(out.lines().all(|l| unicode_width::UnicodeWidthStr::width_cjk(l) <= 30));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn render_width(&self, lang: Lang, format: Format, columns: usize) -> String {
        let columns = columns.max(MIN_WIDTH);
        match format {
            Format::Text => text::render(self, lang, columns),
            Format::Markdown => markdown::render(self, lang, columns),
        }
    }
}
