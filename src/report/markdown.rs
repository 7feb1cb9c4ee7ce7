//! The Markdown form of a report, every source line within the report's
//! width as a CJK terminal draws it (East Asian ambiguous characters two
//! columns; Markdown aligns nothing, so one measure serves): paragraphs and list items wrap (no wrapped line starts a block),
//! headings too long for one `#` line become setext headings, and a table
//! whose pipe rows would be too long is written, in both languages, as a
//! Chinese and an English table, and else as a list of records.

use core::fmt::Write as _;

use super::text::heading_lines;
use super::wrap::{Measure, width, wrap, wrap_prefixed};
use super::{Align, Block, Lang, Report, Table, Text};

fn esc(s: &str) -> String {
    s.replace('|', "\\|")
}

/// A heading: `# text` when it fits on one line, else the wrapped text
/// underlined (`===` for level 1, `---` for level 2).
fn heading(t: &Text, level: usize, lang: Lang, columns: usize, out: &mut String) {
    let marks = "#".repeat(level);
    let lines = heading_lines(
        t,
        lang,
        columns.saturating_sub(level.saturating_add(1)),
        true,
    );
    if let [one] = lines.as_slice() {
        let _ = writeln!(out, "{marks} {one}");
        return;
    }
    let lines = heading_lines(t, lang, columns, true);
    let w = lines
        .iter()
        .map(|l| width(l, Measure::FIT))
        .max()
        .unwrap_or(3)
        .clamp(3, columns.max(3));
    for l in &lines {
        let _ = writeln!(out, "{l}");
    }
    let _ = writeln!(out, "{}", if level == 1 { "=" } else { "-" }.repeat(w));
}

/// A paragraph; in both languages the Chinese, a hard line break, then the
/// English.
fn paragraph(t: &Text, lang: Lang, columns: usize) -> Vec<String> {
    match lang {
        Lang::Both if t.zh != t.en => {
            // Room for the two spaces of the hard break.
            let mut lines = wrap(&t.zh, columns.saturating_sub(2), Measure::FIT, true);
            if let Some(last) = lines.last_mut() {
                last.push_str("  ");
            }
            lines.extend(wrap(&t.en, columns, Measure::FIT, true));
            lines
        }
        l => wrap(&t.get(l), columns, Measure::FIT, true),
    }
}

/// A list item; in both languages the Chinese, a hard line break, then the
/// English, under one bullet.
fn item(t: &Text, lang: Lang, columns: usize) -> Vec<String> {
    match lang {
        Lang::Both if t.zh != t.en => {
            let mut lines = wrap_prefixed(
                &t.zh,
                "- ",
                "  ",
                columns.saturating_sub(2),
                Measure::FIT,
                true,
            );
            if let Some(last) = lines.last_mut() {
                last.push_str("  ");
            }
            lines.extend(wrap_prefixed(
                &t.en,
                "  ",
                "  ",
                columns,
                Measure::FIT,
                true,
            ));
            lines
        }
        l => wrap_prefixed(&t.get(l), "- ", "  ", columns, Measure::FIT, true),
    }
}

impl Table {
    /// The pipe-table lines of the table in `lang` (in both, the two forms
    /// of a cell joined by `<br>`).
    fn pipe_lines(&self, lang: Lang) -> Vec<String> {
        let cell = |t: &Text| match lang {
            Lang::Both if t.zh != t.en => format!("{}<br>{}", esc(&t.zh), esc(&t.en)),
            l => esc(&t.get(l)),
        };
        let head: Vec<String> = self
            .columns
            .iter()
            .map(|(h, _)| esc(&h.get(lang)))
            .collect();
        let rule: Vec<&str> = self
            .columns
            .iter()
            .map(|(_, a)| match a {
                Align::Left => "---",
                Align::Right => "---:",
            })
            .collect();
        let mut lines = vec![
            format!("| {} |", head.join(" | ")),
            format!("| {} |", rule.join(" | ")),
        ];
        for r in &self.rows {
            let cells: Vec<String> = r.iter().map(cell).collect();
            lines.push(format!("| {} |", cells.join(" | ")));
        }
        lines
    }

    /// A list of records in one language (`zh` for Chinese punctuation):
    /// `- **first cell** — header: cell; header: cell`, empty cells left out;
    /// with two columns, `- **first cell** — cell`.
    fn record_lines(&self, text: Lang, columns: usize) -> Vec<String> {
        let (colon, semicolon) = match text {
            Lang::En => (": ", "; "),
            _ => ("：", "；"),
        };
        let mut lines = Vec::new();
        for r in &self.rows {
            let mut cells = r.iter().map(|c| c.get(text));
            let first = cells.next().unwrap_or_default();
            let rest: Vec<String> = self
                .columns
                .iter()
                .skip(1)
                .zip(cells)
                .filter(|(_, c)| !c.is_empty())
                .map(|((h, _), c)| {
                    if self.columns.len() == 2 {
                        c
                    } else {
                        format!("{}{colon}{c}", h.get(text))
                    }
                })
                .collect();
            let record = if rest.is_empty() {
                format!("**{first}**")
            } else {
                format!("**{first}** — {}", rest.join(semicolon))
            };
            lines.extend(wrap_prefixed(
                &record,
                "- ",
                "  ",
                columns,
                Measure::FIT,
                true,
            ));
        }
        lines
    }

    /// The table in `text` only: a pipe table if it fits, else records.
    fn one_language(&self, text: Lang, columns: usize) -> Vec<String> {
        let only = Table {
            columns: self
                .columns
                .iter()
                .map(|(h, a)| (Text::same(h.get(text)), *a))
                .collect(),
            rows: self
                .rows
                .iter()
                .map(|r| r.iter().map(|c| Text::same(c.get(text))).collect())
                .collect(),
        };
        let pipe = only.pipe_lines(text);
        if pipe.iter().all(|l| width(l, Measure::FIT) <= columns) {
            pipe
        } else {
            only.record_lines(text, columns)
        }
    }

    fn render_markdown(&self, lang: Lang, columns: usize, out: &mut String) {
        let blocks = match lang {
            Lang::Both => {
                let pipe = self.pipe_lines(lang);
                if pipe.iter().all(|l| width(l, Measure::FIT) <= columns) {
                    vec![pipe]
                } else {
                    vec![
                        self.one_language(Lang::Zh, columns),
                        self.one_language(Lang::En, columns),
                    ]
                }
            }
            l => vec![self.one_language(l, columns)],
        };
        for b in blocks {
            for l in b {
                let _ = writeln!(out, "{l}");
            }
            out.push('\n');
        }
    }
}

/// The report as Markdown within `columns`.
pub(super) fn render(report: &Report, lang: Lang, columns: usize) -> String {
    let mut out = String::new();
    heading(&report.title, 1, lang, columns, &mut out);
    if let Some(s) = &report.source {
        let label = Text::new("来源", "Source").get(lang);
        let text = format!("*{label}: {}*", s.get(lang));
        out.push('\n');
        for l in wrap(&text, columns, Measure::FIT, true) {
            let _ = writeln!(out, "{l}");
        }
    }
    for section in &report.sections {
        // One blank line before a heading, whatever the block above left.
        while out.ends_with("\n\n") {
            out.pop();
        }
        out.push('\n');
        heading(&section.heading, 2, lang, columns, &mut out);
        out.push('\n');
        for block in &section.blocks {
            match block {
                Block::Paragraph(t) => {
                    for l in paragraph(t, lang, columns) {
                        let _ = writeln!(out, "{l}");
                    }
                    out.push('\n');
                }
                Block::Table(t) => t.render_markdown(lang, columns, &mut out),
                Block::Notes(title, notes) => {
                    let head = format!("**{}**", title.get(lang));
                    for l in wrap(&head, columns, Measure::FIT, true) {
                        let _ = writeln!(out, "{l}");
                    }
                    out.push('\n');
                    for n in notes {
                        for l in item(n, lang, columns) {
                            let _ = writeln!(out, "{l}");
                        }
                    }
                    out.push('\n');
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
