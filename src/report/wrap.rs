//! Line breaking for reports: display widths (a Chinese character counts two
//! columns) and greedy wrapping that breaks English at spaces and Chinese
//! between characters, never before a closing mark (，。）) nor after an
//! opening one (（“).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Lang;

/// Terminal columns of `text`: in Chinese text, East Asian ambiguous
/// characters (“ ” ÷ ρ –) are wide, as CJK terminals draw them.
pub(super) fn width(text: &str, lang: Lang) -> usize {
    match lang {
        Lang::En => UnicodeWidthStr::width(text),
        Lang::Zh | Lang::Both => UnicodeWidthStr::width_cjk(text),
    }
}

fn char_width(c: char, lang: Lang) -> usize {
    match lang {
        Lang::En => UnicodeWidthChar::width(c),
        Lang::Zh | Lang::Both => UnicodeWidthChar::width_cjk(c),
    }
    .unwrap_or(0)
}

/// Pads `text` to `columns` (left- or right-aligned).
pub(super) fn pad(text: &str, columns: usize, right: bool, lang: Lang) -> String {
    let fill = " ".repeat(columns.saturating_sub(width(text, lang)));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

/// A wide (Chinese) character: a line may break on either side of it.
fn is_wide(c: char) -> bool {
    UnicodeWidthChar::width(c) == Some(2)
}

/// Marks that must not begin a line (they close what precedes them).
fn closes(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | '》'
            | '％'
    ) || matches!(c, ',' | '.' | ';' | ':' | ')' | '%' | '!' | '?')
}

/// Marks that must not end a line (they open what follows them).
fn opens(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '“' | '‘' | '《' | '(')
}

/// Characters that would start a Markdown block (a list, a heading, a quote,
/// a table or a setext underline) at the start of a line.
fn starts_block(rest: &[char]) -> bool {
    match rest.first() {
        Some('-' | '+' | '*' | '#' | '>' | '|' | '=') => true,
        Some(c) if c.is_ascii_digit() => {
            let after = rest.iter().skip_while(|c| c.is_ascii_digit()).copied();
            let mut after = after;
            matches!(after.next(), Some('.' | ')')) && matches!(after.next(), None | Some(' '))
        }
        _ => false,
    }
}

/// Whether a line may begin at `chars[i]`.
fn may_break(chars: &[char], i: usize, markdown: bool) -> bool {
    let (Some(&before), Some(&c)) = (i.checked_sub(1).and_then(|j| chars.get(j)), chars.get(i))
    else {
        return false;
    };
    if c == ' ' || closes(c) || opens(before) {
        return false;
    }
    if markdown && chars.get(i..).is_some_and(starts_block) {
        return false;
    }
    // After a space or a Chinese character; not between a number and the
    // Chinese unit that follows it (1004亿元).
    before == ' ' || is_wide(before)
}

/// Breaks `text` into lines of at most `columns` display columns (at least
/// one character a line, so a line is wider only when one character is).
/// With `markdown`, no line starts with a character that would open a block.
pub(super) fn wrap(text: &str, columns: usize, lang: Lang, markdown: bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        while chars.get(start) == Some(&' ') {
            start = start.saturating_add(1);
        }
        if start >= chars.len() {
            break;
        }
        let mut used = 0usize;
        let mut end = start;
        let mut last_break = None;
        while let Some(&c) = chars.get(end) {
            let w = char_width(c, lang);
            if used.saturating_add(w) > columns && end > start {
                break;
            }
            used = used.saturating_add(w);
            end = end.saturating_add(1);
            if end < chars.len() && may_break(&chars, end, markdown) {
                last_break = Some(end);
            }
        }
        // The character that did not fit is a space: the line may end there
        // (unless what follows the spaces may not begin a line).
        let next_word = chars
            .iter()
            .skip(end)
            .position(|c| *c != ' ')
            .map(|k| end.saturating_add(k));
        let at_space = chars.get(end) == Some(&' ')
            && next_word.is_none_or(|j| may_break(&chars, j, markdown));
        let stop = if end >= chars.len() {
            chars.len()
        } else if at_space {
            end
        } else {
            match last_break {
                Some(b) if b > start => b,
                // No break point fits: break inside the word.
                _ => end,
            }
        };
        let line: String = chars.get(start..stop).unwrap_or(&[]).iter().collect();
        lines.push(line.trim_end().to_owned());
        start = stop;
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// `text` wrapped to `columns`, the first line after `first` and the others
/// after `rest` (a hanging indent); both prefixes count toward the width.
///
/// A first prefix wider than half the line (a long table header before its
/// cell) goes on lines of its own, and the text follows under `rest`.
pub(super) fn wrap_prefixed(
    text: &str,
    first: &str,
    rest: &str,
    columns: usize,
    lang: Lang,
    markdown: bool,
) -> Vec<String> {
    let (fw, rw) = (width(first, lang), width(rest, lang));
    if fw > columns / 2 {
        let mut lines = wrap(first.trim_end(), columns, lang, markdown);
        let inner = columns.saturating_sub(rw).max(2);
        lines.extend(
            wrap(text, inner, lang, markdown)
                .into_iter()
                .map(|l| format!("{rest}{l}").trim_end().to_owned()),
        );
        return lines;
    }
    let inner = columns.saturating_sub(fw.max(rw)).max(2);
    wrap(text, inner, lang, markdown)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let p = if i == 0 { first } else { rest };
            format!("{p}{l}").trim_end().to_owned()
        })
        .collect()
}

/// The width of the widest piece of `text` that [`wrap`] keeps on one line.
pub(super) fn longest_word(text: &str, lang: Lang) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut best = 0usize;
    let mut run = 0usize;
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && may_break(&chars, i, false) {
            best = best.max(run);
            run = 0;
        }
        if *c == ' ' {
            best = best.max(run);
            run = 0;
        } else {
            run = run.saturating_add(char_width(*c, lang));
        }
    }
    best.max(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_breaks_at_spaces() {
        let lines = wrap("the growth rate is read as nominal", 12, Lang::En, false);
        assert_eq!(lines, ["the growth", "rate is read", "as nominal"]);
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_a_comma() {
        let lines = wrap("官方工业增速按可比价计算，以现价", 12, Lang::Zh, false);
        // 6 characters a line; the comma takes 算 with it to the next line.
        assert_eq!(lines, ["官方工业增速", "按可比价计", "算，以现价"]);
        for l in &lines {
            assert!(width(l, Lang::Zh) <= 12, "{l}");
        }
    }

    #[test]
    fn numbers_stay_with_their_units() {
        let lines = wrap("基数为1004亿元", 10, Lang::Zh, false);
        assert_eq!(lines, ["基数为", "1004亿元"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let lines = wrap("abcdefghij", 4, Lang::En, false);
        assert_eq!(lines, ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn markdown_lines_do_not_start_a_block() {
        let lines = wrap("a - b 1. c", 3, Lang::En, true);
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| !l.starts_with('-') && !l.starts_with("1.")),
            "{lines:?}"
        );
    }
}
