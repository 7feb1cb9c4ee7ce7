//! Line breaking for reports: display widths (a Chinese character counts two
//! columns) and greedy wrapping that breaks English at spaces and Chinese
//! between characters, never before a closing mark (，。）) nor after an
//! opening one (（“).
//!
//! Two measures: a report *fits* its width as a CJK terminal draws it, every
//! East Asian ambiguous character (“ ” · ≥ — ÷ ρ) two columns, so it fits in
//! any terminal whatever its language; a table's columns *align* in the
//! terminal its language is most likely read in ([`Measure::of`]).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Lang;

/// How many columns a terminal draws a character in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measure {
    /// A Western terminal: East Asian ambiguous characters take one column.
    Narrow,
    /// A CJK terminal (ambiguous width set wide, or a GBK console): every
    /// East Asian ambiguous character takes two, Greek and Cyrillic letters
    /// and pinyin with tone marks included.
    Wide,
}

impl Measure {
    /// The measure every line fits: the wider one.
    pub(super) const FIT: Measure = Measure::Wide;

    /// The terminal a table in `lang` is aligned for: English in a Western
    /// one, Chinese and both languages in a CJK one.
    pub(super) fn of(lang: Lang) -> Measure {
        match lang {
            Lang::En => Measure::Narrow,
            Lang::Zh | Lang::Both => Measure::Wide,
        }
    }
}

/// East Asian ambiguous characters (Unicode's East_Asian_Width = A) that
/// `unicode-width` draws narrow even in a CJK context because they are
/// letters or modifier symbols: Latin letters with marks (pinyin ā ǎ), Greek,
/// Cyrillic, ℓ, Ω. CJK terminals draw them wide like every ambiguous
/// character. Derived from the Unicode character database: the characters of
/// East_Asian_Width A whose `width_cjk` is 1.
#[rustfmt::skip]
const AMBIGUOUS_LETTERS: [(char, char); 61] = [
    ('\u{00A8}', '\u{00A8}'), ('\u{00AA}', '\u{00AA}'), ('\u{00B4}', '\u{00B4}'), ('\u{00B8}', '\u{00B8}'),
    ('\u{00BA}', '\u{00BA}'), ('\u{00C6}', '\u{00C6}'), ('\u{00D0}', '\u{00D0}'), ('\u{00D8}', '\u{00D8}'),
    ('\u{00DE}', '\u{00E1}'), ('\u{00E6}', '\u{00E6}'), ('\u{00E8}', '\u{00EA}'), ('\u{00EC}', '\u{00ED}'),
    ('\u{00F0}', '\u{00F0}'), ('\u{00F2}', '\u{00F3}'), ('\u{00F8}', '\u{00FA}'), ('\u{00FC}', '\u{00FC}'),
    ('\u{00FE}', '\u{00FE}'), ('\u{0101}', '\u{0101}'), ('\u{0111}', '\u{0111}'), ('\u{0113}', '\u{0113}'),
    ('\u{011B}', '\u{011B}'), ('\u{0126}', '\u{0127}'), ('\u{012B}', '\u{012B}'), ('\u{0131}', '\u{0133}'),
    ('\u{0138}', '\u{0138}'), ('\u{013F}', '\u{0142}'), ('\u{0144}', '\u{0144}'), ('\u{0148}', '\u{014B}'),
    ('\u{014D}', '\u{014D}'), ('\u{0152}', '\u{0153}'), ('\u{0166}', '\u{0167}'), ('\u{016B}', '\u{016B}'),
    ('\u{01CE}', '\u{01CE}'), ('\u{01D0}', '\u{01D0}'), ('\u{01D2}', '\u{01D2}'), ('\u{01D4}', '\u{01D4}'),
    ('\u{01D6}', '\u{01D6}'), ('\u{01D8}', '\u{01D8}'), ('\u{01DA}', '\u{01DA}'), ('\u{01DC}', '\u{01DC}'),
    ('\u{0251}', '\u{0251}'), ('\u{0261}', '\u{0261}'), ('\u{02C4}', '\u{02C4}'), ('\u{02C7}', '\u{02C7}'),
    ('\u{02C9}', '\u{02CB}'), ('\u{02CD}', '\u{02CD}'), ('\u{02D0}', '\u{02D0}'), ('\u{02D8}', '\u{02DB}'),
    ('\u{02DD}', '\u{02DD}'), ('\u{02DF}', '\u{02DF}'), ('\u{0391}', '\u{03A1}'), ('\u{03A3}', '\u{03A9}'),
    ('\u{03B1}', '\u{03C1}'), ('\u{03C3}', '\u{03C9}'), ('\u{0401}', '\u{0401}'), ('\u{0410}', '\u{044F}'),
    ('\u{0451}', '\u{0451}'), ('\u{207F}', '\u{207F}'), ('\u{2113}', '\u{2113}'), ('\u{2126}', '\u{2126}'),
    ('\u{212B}', '\u{212B}'),
];

fn is_ambiguous_letter(c: char) -> bool {
    AMBIGUOUS_LETTERS
        .binary_search_by(|(lo, hi)| {
            if *hi < c {
                core::cmp::Ordering::Less
            } else if *lo > c {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn char_width(c: char, measure: Measure) -> usize {
    match measure {
        Measure::Narrow => UnicodeWidthChar::width(c).unwrap_or(0),
        Measure::Wide if is_ambiguous_letter(c) => 2,
        Measure::Wide => UnicodeWidthChar::width_cjk(c).unwrap_or(0),
    }
}

/// Terminal columns of `text` in `measure`.
pub(super) fn width(text: &str, measure: Measure) -> usize {
    match measure {
        // The string's own width (it knows ligatures such as "\r\n").
        Measure::Narrow => UnicodeWidthStr::width(text),
        Measure::Wide => {
            let letters = text.chars().filter(|c| is_ambiguous_letter(*c)).count();
            UnicodeWidthStr::width_cjk(text).saturating_add(letters)
        }
    }
}

/// Pads `text` to `columns` in `measure` (left- or right-aligned).
pub(super) fn pad(text: &str, columns: usize, right: bool, measure: Measure) -> String {
    let fill = " ".repeat(columns.saturating_sub(width(text, measure)));
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

/// Breaks `text` into lines of at most `columns` display columns in `measure` (at least
/// one character a line, so a line is wider only when one character is).
/// With `markdown`, no line starts with a character that would open a block.
pub(super) fn wrap(text: &str, columns: usize, measure: Measure, markdown: bool) -> Vec<String> {
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
            let w = char_width(c, measure);
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

/// `text` wrapped to `columns` in `measure`, the first line after `first` and the others
/// after `rest` (a hanging indent); both prefixes count toward the width.
///
/// A first prefix wider than half the line (a long table header before its
/// cell) goes on lines of its own, and the text follows under `rest`.
pub(super) fn wrap_prefixed(
    text: &str,
    first: &str,
    rest: &str,
    columns: usize,
    measure: Measure,
    markdown: bool,
) -> Vec<String> {
    let (fw, rw) = (width(first, measure), width(rest, measure));
    if fw > columns / 2 {
        let mut lines = wrap(first.trim_end(), columns, measure, markdown);
        let inner = columns.saturating_sub(rw).max(2);
        lines.extend(
            wrap(text, inner, measure, markdown)
                .into_iter()
                .map(|l| format!("{rest}{l}").trim_end().to_owned()),
        );
        return lines;
    }
    let inner = columns.saturating_sub(fw.max(rw)).max(2);
    wrap(text, inner, measure, markdown)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let p = if i == 0 { first } else { rest };
            format!("{p}{l}").trim_end().to_owned()
        })
        .collect()
}

/// The width of the widest piece of `text` that [`wrap`] keeps on one line.
pub(super) fn longest_word(text: &str, measure: Measure) -> usize {
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
            run = run.saturating_add(char_width(*c, measure));
        }
    }
    best.max(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_breaks_at_spaces() {
        let lines = wrap(
            "the growth rate is read as nominal",
            12,
            Measure::Narrow,
            false,
        );
        assert_eq!(lines, ["the growth", "rate is read", "as nominal"]);
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_a_comma() {
        let lines = wrap("官方工业增速按可比价计算，以现价", 12, Measure::Wide, false);
        // 6 characters a line; the comma takes 算 with it to the next line.
        assert_eq!(lines, ["官方工业增速", "按可比价计", "算，以现价"]);
        for l in &lines {
            assert!(width(l, Measure::Wide) <= 12, "{l}");
        }
    }

    #[test]
    fn numbers_stay_with_their_units() {
        let lines = wrap("基数为1004亿元", 10, Measure::Wide, false);
        assert_eq!(lines, ["基数为", "1004亿元"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let lines = wrap("abcdefghij", 4, Measure::Narrow, false);
        assert_eq!(lines, ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn markdown_lines_do_not_start_a_block() {
        let lines = wrap("a - b 1. c", 3, Measure::Narrow, true);
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| !l.starts_with('-') && !l.starts_with("1.")),
            "{lines:?}"
        );
    }

    /// A CJK terminal draws every East Asian ambiguous character in two
    /// columns, letters included: ρ (Greek), ā and ǎ (pinyin), Д (Cyrillic),
    /// as well as the marks “ · ≥ — ÷ that `width_cjk` already counts two.
    #[test]
    fn wide_measure_counts_every_ambiguous_character_two() {
        for c in [
            'ρ', 'Ω', 'ā', 'ǎ', 'Д', 'ё', 'é', '“', '·', '≥', '—', '÷', '中', '，',
        ] {
            assert_eq!(char_width(c, Measure::Wide), 2, "{c}");
        }
        for c in ['a', '1', ' ', '%', 'ŝ', '¥'] {
            assert_eq!(char_width(c, Measure::Wide), 1, "{c}");
        }
        assert_eq!(width("progress ρ", Measure::Wide), 11);
        assert_eq!(width("progress ρ", Measure::Narrow), 10);
        assert_eq!(width("进展 ρ", Measure::Wide), 7);
    }

    /// The table only adds what `width_cjk` draws narrow, and is sorted (the
    /// lookup bisects it).
    #[test]
    fn ambiguous_letters_are_sorted_and_narrow_in_width_cjk() {
        for pair in AMBIGUOUS_LETTERS.windows(2) {
            assert!(pair[0].1 < pair[1].0, "{pair:?}");
        }
        for (lo, hi) in AMBIGUOUS_LETTERS {
            assert!(lo <= hi);
            for c in lo..=hi {
                assert_eq!(UnicodeWidthChar::width_cjk(c), Some(1), "{c}");
            }
        }
    }
}
