//! The terminal text form of a report: aligned columns in which a Chinese
//! character counts two, every line within the report's width as a CJK
//! terminal draws it (East Asian ambiguous characters two columns, whatever
//! the language). Long cells wrap inside their column; a table whose columns
//! cannot fit even wrapped is written as one record per row ("header: cell"
//! lines).

use core::fmt::Write as _;

use super::wrap::{Measure, longest_word, pad, width, wrap, wrap_prefixed};
use super::{Align, Block, Lang, Report, Table, Text};

/// Columns before a table, a paragraph or a list.
const INDENT: &str = "  ";
/// Columns between two table columns.
const GAP: usize = 2;

/// The lines of a heading: `中文 · English` on one line when it fits, else
/// each language on its own lines.
pub(super) fn heading_lines(t: &Text, lang: Lang, columns: usize, markdown: bool) -> Vec<String> {
    let one = match lang {
        Lang::Both if t.zh != t.en => format!("{} · {}", t.zh, t.en),
        l => t.get(l),
    };
    if width(&one, Measure::FIT) <= columns {
        return vec![one];
    }
    match lang {
        Lang::Both if t.zh != t.en => {
            let mut lines = wrap(&t.zh, columns, Measure::FIT, markdown);
            lines.extend(wrap(&t.en, columns, Measure::FIT, markdown));
            lines
        }
        _ => wrap(&one, columns, Measure::FIT, markdown),
    }
}

/// A text block in `lang`, each language wrapped after `first` (then `rest`).
fn text_lines(t: &Text, first: &str, rest: &str, lang: Lang, columns: usize) -> Vec<String> {
    match lang {
        Lang::Both if t.zh != t.en => {
            let mut lines = wrap_prefixed(&t.zh, first, rest, columns, Measure::FIT, false);
            lines.extend(wrap_prefixed(
                &t.en,
                rest,
                rest,
                columns,
                Measure::FIT,
                false,
            ));
            lines
        }
        l => wrap_prefixed(&t.get(l), first, rest, columns, Measure::FIT, false),
    }
}

impl Table {
    /// The rows of cell texts, each a group of lines: one line in one
    /// language; in both, a Chinese line and, when any cell differs, an
    /// English line.
    fn row_groups(&self, lang: Lang) -> Vec<Vec<Vec<String>>> {
        self.rows
            .iter()
            .map(|r| match lang {
                Lang::Both => {
                    let mut g = vec![r.iter().map(|c| c.zh.clone()).collect()];
                    if r.iter().any(|c| c.zh != c.en) {
                        g.push(r.iter().map(|c| c.en.clone()).collect());
                    }
                    g
                }
                l => vec![r.iter().map(|c| c.get(l)).collect()],
            })
            .collect()
    }

    fn header_lines(&self, lang: Lang) -> Vec<Vec<String>> {
        match lang {
            Lang::Both if self.columns.iter().any(|(h, _)| h.zh != h.en) => vec![
                self.columns.iter().map(|(h, _)| h.zh.clone()).collect(),
                self.columns.iter().map(|(h, _)| h.en.clone()).collect(),
            ],
            l => vec![self.columns.iter().map(|(h, _)| h.get(l)).collect()],
        }
    }

    /// The width of each column, in the measure the table aligns in
    /// ([`Measure::of`]): as wide as its widest cell if all fit in
    /// `columns`, else narrowed one column at a time, each time the column
    /// that adds the fewest wrapped lines (the widest among equals), never
    /// below its longest word; `None` when even that does not fit.
    ///
    /// A line must also fit as a CJK terminal draws it, where a cell is wider
    /// than it aligns by its ambiguous characters (ρ, —): each column keeps
    /// room for the most any of its cells gains ([`Measure::FIT`] less the
    /// aligned width; nothing when the two measures agree).
    fn widths(&self, lang: Lang, columns: usize) -> Option<Vec<usize>> {
        let measure = Measure::of(lang);
        let header = self.header_lines(lang);
        let body = self.row_groups(lang);
        let lines: Vec<&Vec<String>> = header.iter().chain(body.iter().flatten()).collect();
        let n = self.columns.len();
        let mut natural = vec![0usize; n];
        let mut least = vec![1usize; n];
        let mut slack = vec![0usize; n];
        for line in &lines {
            for (i, c) in line.iter().enumerate() {
                if let (Some(w), Some(m), Some(s)) =
                    (natural.get_mut(i), least.get_mut(i), slack.get_mut(i))
                {
                    let aligned = width(c, measure);
                    *w = (*w).max(aligned);
                    *m = (*m).max(longest_word(c, measure));
                    *s = (*s).max(width(c, Measure::FIT).saturating_sub(aligned));
                }
            }
        }
        let room = columns
            .saturating_sub(INDENT.len())
            .saturating_sub(GAP.saturating_mul(n.saturating_sub(1)))
            .saturating_sub(slack.iter().sum());
        if least.iter().sum::<usize>() > room {
            return None;
        }
        // Physical lines of column `i` at width `w`, over every line.
        let height = |i: usize, w: usize| -> usize {
            lines
                .iter()
                .filter_map(|l| l.get(i))
                .map(|c| wrap(c, w, measure, false).len())
                .sum()
        };
        let mut w = natural;
        while w.iter().sum::<usize>() > room {
            let cheapest = w
                .iter()
                .zip(&least)
                .enumerate()
                .filter(|(_, (w, m))| w > m)
                .map(|(i, (w, _))| {
                    let cost = height(i, w.saturating_sub(1)).saturating_sub(height(i, *w));
                    (cost, usize::MAX.saturating_sub(*w), i)
                })
                .min()
                .map(|(_, _, i)| i)?;
            if let Some(x) = w.get_mut(cheapest) {
                *x = x.saturating_sub(1);
            }
        }
        Some(w)
    }

    /// Writes the table in `columns`; see the module docs.
    fn render_text(&self, lang: Lang, columns: usize, out: &mut String) {
        let measure = Measure::of(lang);
        let Some(widths) = self.widths(lang, columns) else {
            self.render_records(lang, columns, out);
            return;
        };
        let right: Vec<bool> = self
            .columns
            .iter()
            .map(|(_, a)| *a == Align::Right)
            .collect();
        // One logical line as its physical lines, each cell wrapped to its column.
        let physical = |cells: &Vec<String>| -> Vec<String> {
            let wrapped: Vec<Vec<String>> = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| wrap(c, *w, measure, false))
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            (0..height)
                .map(|k| {
                    let parts: Vec<String> = wrapped
                        .iter()
                        .zip(&widths)
                        .zip(&right)
                        .map(|((lines, w), r)| {
                            pad(lines.get(k).map_or("", String::as_str), *w, *r, measure)
                        })
                        .collect();
                    format!("{INDENT}{}", parts.join(&" ".repeat(GAP)))
                        .trim_end()
                        .to_owned()
                })
                .collect()
        };
        for h in self.header_lines(lang) {
            for l in physical(&h) {
                let _ = writeln!(out, "{l}");
            }
        }
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        let _ = writeln!(out, "{INDENT}{}", rule.join(&" ".repeat(GAP)));
        let groups: Vec<Vec<String>> = self
            .row_groups(lang)
            .iter()
            .map(|g| g.iter().flat_map(&physical).collect())
            .collect();
        // A row that wraps stands apart from its neighbours by blank lines.
        let wrapped: Vec<bool> = self
            .row_groups(lang)
            .iter()
            .zip(&groups)
            .map(|(logical, lines)| lines.len() > logical.len())
            .collect();
        for (i, g) in groups.iter().enumerate() {
            let previous = i.checked_sub(1).and_then(|j| wrapped.get(j)).copied();
            if previous.is_some_and(|p| p || wrapped.get(i).copied().unwrap_or(false)) {
                out.push('\n');
            }
            for l in g {
                let _ = writeln!(out, "{l}");
            }
        }
    }

    /// One record per row, a `header: cell` line per column (cells wrapped
    /// under a hanging indent), records apart by a blank line.
    fn render_records(&self, lang: Lang, columns: usize, out: &mut String) {
        for (k, row) in self.rows.iter().enumerate() {
            if k > 0 {
                out.push('\n');
            }
            for ((h, _), cell) in self.columns.iter().zip(row) {
                let value = cell.get(lang);
                if value.is_empty() {
                    continue;
                }
                let first = format!("{INDENT}{}: ", h.get(lang));
                for l in wrap_prefixed(&value, &first, "      ", columns, Measure::FIT, false) {
                    let _ = writeln!(out, "{l}");
                }
            }
        }
    }
}

/// The report as terminal text within `columns`.
pub(super) fn render(report: &Report, lang: Lang, columns: usize) -> String {
    let mut out = String::new();
    // The rule under a heading as long as the heading looks in the reader's
    // terminal, and never longer than the line.
    let underline = |lines: &[String], mark: &str, out: &mut String| {
        let w = lines
            .iter()
            .map(|l| width(l, Measure::of(lang)))
            .max()
            .unwrap_or(0);
        for l in lines {
            let _ = writeln!(out, "{l}");
        }
        let _ = writeln!(out, "{}", mark.repeat(w.min(columns)));
    };
    underline(
        &heading_lines(&report.title, lang, columns, false),
        "=",
        &mut out,
    );
    if let Some(s) = &report.source {
        let label = format!("{}: ", Text::new("来源", "Source").get(lang));
        for l in wrap_prefixed(&s.get(lang), &label, INDENT, columns, Measure::FIT, false) {
            let _ = writeln!(out, "{l}");
        }
    }
    for section in &report.sections {
        out.push('\n');
        underline(
            &heading_lines(&section.heading, lang, columns, false),
            "-",
            &mut out,
        );
        for (i, block) in section.blocks.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            match block {
                Block::Paragraph(t) => {
                    for l in text_lines(t, INDENT, INDENT, lang, columns) {
                        let _ = writeln!(out, "{l}");
                    }
                }
                Block::Table(t) => t.render_text(lang, columns, &mut out),
                Block::Notes(title, notes) => {
                    let head = format!("{}:", title.get(lang));
                    for l in wrap_prefixed(&head, INDENT, INDENT, columns, Measure::FIT, false) {
                        let _ = writeln!(out, "{l}");
                    }
                    for n in notes {
                        for l in text_lines(n, "    - ", "      ", lang, columns) {
                            let _ = writeln!(out, "{l}");
                        }
                    }
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
