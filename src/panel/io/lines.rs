//! Lines from any `io::Read` in chunks (the text is never held whole),
//! handed to a reader's fast path in runs and to its general path one by
//! one.

use std::io::Read;

use crate::Result;
use crate::panel::fast::swar;

/// Bytes read from the input at a time.
const CHUNK: usize = 1 << 20;

/// What a reader does with lines: an optional fast path over many whole
/// lines at once, and the general path for one line.
pub(crate) trait Lines {
    /// Reads the whole lines (each ended by `\n`) at the start of `data`
    /// that it can read exactly as [`Lines::line`] would, stopping at the
    /// first it cannot: the bytes and lines it used. `(0, 0)` hands the first
    /// line to [`Lines::line`].
    fn fast(&mut self, _data: &[u8]) -> (usize, u64) {
        (0, 0)
    }

    /// One line (`text`, without its `\n` or `\r\n`; `complete` is `false`
    /// for a last line with no line end).
    fn line(&mut self, line: u64, text: &[u8], complete: bool) -> Result<()>;

    /// Room for about `lines` more lines, once their number is estimated.
    fn reserve(&mut self, _lines: usize) {}
}

/// A closure taking each line, with no fast path.
struct EachLine<F>(F);

impl<F: FnMut(u64, &[u8], bool) -> Result<()>> Lines for EachLine<F> {
    fn line(&mut self, line: u64, text: &[u8], complete: bool) -> Result<()> {
        (self.0)(line, text, complete)
    }
}

/// Calls `row(line, bytes, complete)` for every line of `reader` (without its
/// `\n` or `\r\n`); `complete` is `false` for a last line with no line end.
pub(crate) fn for_each_line<R: Read>(
    reader: R,
    row: impl FnMut(u64, &[u8], bool) -> Result<()>,
) -> Result<()> {
    read_lines(reader, &mut EachLine(row), None)
}

/// The next `\n` in `data` at or after `from`: a few words scanned in place
/// (rows are short), then `memchr`.
#[inline]
fn next_newline(data: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    for _ in 0..4 {
        let rest = data.get(at..)?;
        if let Some(i) = swar::find(swar::load(rest), swar::splat(b'\n')) {
            // A zero byte of padding is never '\n': i < rest.len().
            return Some(at.wrapping_add(i));
        }
        at = at.saturating_add(16);
    }
    memchr::memchr(b'\n', data.get(at..)?).map(|i| at.wrapping_add(i))
}

/// The number of lines in `total` bytes of input, estimated from the
/// `sample` read first: its lines scaled up, with 1/16 to spare (the
/// columns are reserved once instead of doubling, which copies them while
/// reading). At most one line per two bytes, the most there can be.
fn estimate_lines(sample: &[u8], total: u64) -> usize {
    let lines = memchr::memchr_iter(b'\n', sample).count() as u64;
    let bytes = (sample.len() as u64).max(1);
    // Both factors below 2^64: the product fits a u128; bytes ≥ 1.
    let estimate = u128::from(total)
        .saturating_mul(u128::from(lines))
        .checked_div(u128::from(bytes))
        .unwrap_or(0);
    let estimate = estimate.saturating_add(estimate / 16).saturating_add(64);
    let most = u128::from(total / 2).saturating_add(1);
    usize::try_from(estimate.min(most)).unwrap_or(usize::MAX)
}

/// Reads `reader` in chunks and hands its lines to `lines`: runs of them to
/// its fast path, the others one by one. `total`, the input's length when
/// known (a file's), lets `lines` reserve its room from the first chunk.
pub(crate) fn read_lines<R: Read>(
    mut reader: R,
    lines: &mut impl Lines,
    total: Option<u64>,
) -> Result<()> {
    let mut buf = vec![0u8; CHUNK];
    let mut filled = 0usize;
    let mut line = 1u64;
    let mut total = total;
    loop {
        if filled == buf.len() {
            // A line longer than the buffer: grow it.
            buf.resize(buf.len().saturating_mul(2), 0);
        }
        let n = match reader.read(buf.get_mut(filled..).unwrap_or_default()) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        if n == 0 {
            if let Some(rest) = buf.get(..filled).filter(|r| !r.is_empty()) {
                lines.line(line, strip_cr(rest), false)?;
            }
            return Ok(());
        }
        // The bytes before `filled` (a partial line) hold no line end.
        let mut from = filled;
        filled = filled.saturating_add(n).min(buf.len());
        let data = buf.get(..filled).unwrap_or_default();
        if let Some(total) = total.take() {
            lines.reserve(estimate_lines(data, total));
        }
        let mut start = 0usize;
        loop {
            let (used, count) = lines.fast(data.get(start..).unwrap_or_default());
            start = start.saturating_add(used);
            line = line.saturating_add(count);
            let Some(end) = next_newline(data, from.max(start)) else {
                break;
            };
            let text = strip_cr(data.get(start..end).unwrap_or_default());
            lines.line(line, text, true)?;
            line = line.saturating_add(1);
            start = end.saturating_add(1);
            from = start;
        }
        buf.copy_within(start..filled, 0);
        filled = filled.saturating_sub(start);
    }
}

#[inline]
fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]

    use super::*;

    #[test]
    fn lines_across_chunks() {
        let text: String = (0..300_000).map(|i| format!("{i}\n")).collect::<String>() + "tail";
        let mut count = 0u64;
        let mut last = (0u64, Vec::new(), true);
        for_each_line(text.as_bytes(), |line, bytes, complete| {
            count += 1;
            if complete {
                assert_eq!(bytes, (line - 1).to_string().as_bytes());
            }
            last = (line, bytes.to_vec(), complete);
            Ok(())
        })
        .unwrap();
        assert_eq!(count, 300_001);
        assert_eq!(last, (300_001, b"tail".to_vec(), false));
    }

    /// The estimate never exceeds one line per two bytes and never panics,
    /// whatever the length.
    #[test]
    fn estimates_are_bounded() {
        let samples: [&[u8]; 6] = [
            b"",
            b"\n",
            b"\n\n\n\n",
            b"abc",
            b"a,b\nc,d\n",
            b"no line end",
        ];
        for sample in samples {
            for total in [0u64, 1, 2, 3, 100, 1 << 20, 1 << 40, u64::MAX - 1, u64::MAX] {
                let e = estimate_lines(sample, total) as u128;
                assert!(e <= u128::from(total / 2) + 1, "{sample:?} {total}: {e}");
                assert!(e >= 1, "{sample:?} {total}: {e}");
            }
        }
        // A sample of the whole input: its lines and 1/16 more (plus 64).
        let text = b"E1,2024,x,1\n".repeat(1000);
        let e = estimate_lines(&text, text.len() as u64);
        assert_eq!(e, 1000 + 1000 / 16 + 64);
    }
}
