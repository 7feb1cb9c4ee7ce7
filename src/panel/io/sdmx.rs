//! SDMX-CSV 2.0 (the CSV format of SDMX 3.0): one observation per row, with the
//! dimensions, the measure `OBS_VALUE` and the attributes `UNIT_MULT` and
//! `OBS_STATUS`.

use std::io::{Read, Write};

use rust_decimal::Decimal;

use super::builder::{Builder, Columns};
use super::cells::{bad_cell, bad_quoting, bad_value, column_count, missing_header, parse_value};
use super::lines::for_each_line;
use super::quote::{self, cell, check_one_line};
use crate::panel::Panel;
use crate::{Error, ObsStatus, Result};

/// The names an SDMX-CSV file gives the panel's parts, and the structure the
/// writer declares.
///
/// # Examples
///
/// ```
/// use indstat::panel::SdmxOptions;
/// let o = SdmxOptions::default();
/// assert_eq!((o.entity.as_str(), o.indicator.as_str()), ("REF_AREA", "INDICATOR"));
/// assert_eq!(o.structure_id, "INDSTAT:PANEL(1.0.0)");
/// let custom = SdmxOptions { entity: "ENTERPRISE".into(), ..SdmxOptions::default() };
/// assert_ne!(custom, o);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdmxOptions {
    /// The dimension holding the entity (`REF_AREA` by default).
    pub entity: String,
    /// The dimension holding the indicator (`INDICATOR`).
    pub indicator: String,
    /// The dataflow the writer names in `STRUCTURE_ID` (`AGENCY:ID(version)`).
    pub structure_id: String,
}

impl Default for SdmxOptions {
    fn default() -> Self {
        SdmxOptions {
            entity: "REF_AREA".to_owned(),
            indicator: "INDICATOR".to_owned(),
            structure_id: "INDSTAT:PANEL(1.0.0)".to_owned(),
        }
    }
}

/// The header terms of the fixed columns and of the measure and time
/// dimension: no other component may be read from, or written to, them.
const FIXED: [&str; 7] = [
    "STRUCTURE",
    "STRUCTURE_ID",
    "ACTION",
    "TIME_PERIOD",
    "OBS_VALUE",
    "UNIT_MULT",
    "OBS_STATUS",
];

/// Whether a header field is `id` labelled, `id: name` (option labels=both).
fn labelled(field: &[u8], id: &str) -> bool {
    field
        .strip_prefix(id.as_bytes())
        .is_some_and(|rest| rest.starts_with(b": "))
}

/// Field positions (0-based) of an SDMX-CSV header, and its separator.
struct Layout {
    /// The field separator: the byte after the first header term
    /// `STRUCTURE` (and its optional `[…]` sub-field term).
    sep: u8,
    fields: usize,
    action: Option<(usize, bool)>,
    entity: usize,
    indicator: usize,
    period: usize,
    value: usize,
    /// `UNIT_MULT` and `OBS_STATUS`, and whether their header is labelled.
    unit_mult: Option<(usize, bool)>,
    status: Option<(usize, bool)>,
    /// Whether the entity, indicator and period headers are labelled.
    labelled: [bool; 3],
}

fn layout(line: u64, header: &[u8], options: &SdmxOptions) -> Result<Layout> {
    let header = header.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(header);
    let expected = format!(
        "STRUCTURE,STRUCTURE_ID,ACTION,{},{},TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS",
        options.entity, options.indicator
    );
    let missing = |column: usize| missing_header(line, column, &expected, header);
    // SDMX-CSV 2.0 field guide: "the separator used in a message can be
    // determined by retrieving the character that follows the fixed first
    // column header term STRUCTURE (which may be extended by a squared
    // bracket term)", e.g. `STRUCTURE[;],…` (`;` separates the values of a
    // multi-valued field) or `STRUCTURE;STRUCTURE_ID;…`. The first field may
    // be quoted; its bracket term may hold the separator itself.
    let (quoted, first) = match header.strip_prefix(b"\"") {
        Some(inner) => (true, inner),
        None => (false, header),
    };
    let rest = first.strip_prefix(b"STRUCTURE").ok_or_else(|| missing(1))?;
    let rest = match rest.strip_prefix(b"[") {
        Some(inner) => {
            let close = inner
                .iter()
                .position(|&b| b == b']')
                .ok_or_else(|| missing(1))?;
            inner.get(close.saturating_add(1)..).unwrap_or_default()
        }
        None => rest,
    };
    let rest = if quoted {
        rest.strip_prefix(b"\"").ok_or_else(|| missing(1))?
    } else {
        rest
    };
    // The separators in use: comma, and semicolon, tab or bar as locales and
    // the guide's examples have them.
    let (sep, others) = match rest.split_first() {
        Some((&b, others)) if matches!(b, b',' | b';' | b'\t' | b'|') => (b, others),
        _ => return Err(missing(1)),
    };
    let mut names = Vec::new();
    quote::split(others, sep, &mut names).map_err(|e| missing(e.column.saturating_add(1)))?;
    // Column j of the header is `names[j − 1]` (the first is STRUCTURE). A
    // component's column is headed by its ID, or by `ID: name` (option
    // labels=both, whose coded cells are `code: name` too); an exact ID wins
    // over a labelled one.
    if !names
        .first()
        .is_some_and(|n| **n == *b"STRUCTURE_ID" || labelled(n, "STRUCTURE_ID"))
    {
        return Err(missing(2));
    }
    let find = |id: &str| {
        let exact = names.iter().position(|n| **n == *id.as_bytes());
        exact
            .map(|j| (j, false))
            .or_else(|| {
                names
                    .iter()
                    .position(|n| labelled(n, id))
                    .map(|j| (j, true))
            })
            .map(|(j, labelled)| (j.saturating_add(1), labelled))
    };
    let need = |id: &str| find(id).ok_or_else(|| missing(names.len().saturating_add(2)));
    let (entity, indicator, period, value) = (
        need(&options.entity)?,
        need(&options.indicator)?,
        need("TIME_PERIOD")?,
        need("OBS_VALUE")?,
    );
    // Four different columns, none of them a fixed one: otherwise one column
    // would be read as two components.
    let columns = [entity.0, indicator.0, period.0, value.0];
    // (The time and measure columns are among the four; STRUCTURE is
    // column 0.)
    let fixed = FIXED
        .iter()
        .filter(|id| !matches!(**id, "STRUCTURE" | "TIME_PERIOD" | "OBS_VALUE"))
        .filter_map(|id| find(id).map(|f| f.0))
        .chain([0, 1]);
    for (k, c) in columns.iter().enumerate() {
        let clash =
            columns.get(..k).unwrap_or_default().contains(c) || fixed.clone().any(|f| f == *c);
        if clash {
            return Err(missing(c.saturating_add(1)));
        }
    }
    let labelled = [entity.1, indicator.1, period.1];
    Ok(Layout {
        sep,
        fields: names.len().saturating_add(1),
        action: find("ACTION"),
        entity: entity.0,
        indicator: indicator.0,
        period: period.0,
        value: value.0,
        unit_mult: find("UNIT_MULT"),
        status: find("OBS_STATUS"),
        labelled,
    })
}

/// A coded cell of a labelled column (`code: name`, labels=both): the code.
fn code(cell: &[u8], labelled: bool) -> &[u8] {
    if !labelled {
        return cell;
    }
    match cell.windows(2).position(|w| w == b": ") {
        Some(at) => cell.get(..at).unwrap_or(cell),
        None => cell,
    }
}

fn invalid(line: u64, column: usize, what: &'static str, text: &[u8], reason: &str) -> Error {
    bad_cell(line, column, what, text, reason.to_owned())
}

impl Panel {
    /// Reads SDMX-CSV 2.0 from any reader: a header
    /// `STRUCTURE,STRUCTURE_ID,[ACTION,]…` naming the entity and indicator
    /// dimensions (see [`SdmxOptions`]), `TIME_PERIOD` and `OBS_VALUE`, and
    /// optionally `UNIT_MULT` (the value is multiplied by 10^UNIT_MULT,
    /// exactly) and `OBS_STATUS` (a CL_OBS_STATUS code; empty is `A`). Other
    /// columns are ignored; `ACTION` `D` (delete) is refused.
    ///
    /// As the SDMX-CSV 2.0 field guide allows: the field separator is the
    /// character after the first header term, so `STRUCTURE;STRUCTURE_ID;…`
    /// reads with `;` (`,` `;` tab and `|` are taken; values still need a
    /// decimal point), and `STRUCTURE[;],…` (a sub-field separator, as the
    /// IMF's files have) with `,`; a column may be headed `ID: name`
    /// (labels=both), and then its coded cells `code: name` are read as the
    /// code; an exact ID wins over a labelled one, and two components may not
    /// share a column; fields, the header's included, may be quoted (RFC 4180:
    /// `"A, Inc."`, `""` for a quote; a line break inside quotes is not
    /// supported); `ACTION` may also be `M` (merge, SDMX-CSV 2.1). Rows that
    /// carry only attributes of a partial key are not read.
    ///
    /// # Errors
    ///
    /// As [`Panel::from_csv`], with [`Error::InvalidCell`] also for a bad
    /// `UNIT_MULT`, `OBS_STATUS` or `ACTION`.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::{Panel, SdmxOptions};
    /// use indstat::ObsStatus;
    /// use indstat::dec;
    ///
    /// let text = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n\
    ///             dataflow,NBS:GDP(1.0.0),I,RC,gdp,2024,1004,4,E\n";
    /// let p = Panel::from_sdmx_csv(text.as_bytes(), &SdmxOptions::default())?;
    /// assert_eq!(p.value(0), Some(dec!(10040000))); // 1004 万
    /// assert_eq!(p.row(0).unwrap().status, Some(ObsStatus::Estimated));
    ///
    /// let bad = text.replace(",4,E", ",4,Z");
    /// assert!(Panel::from_sdmx_csv(bad.as_bytes(), &SdmxOptions::default()).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn from_sdmx_csv<R: Read>(reader: R, options: &SdmxOptions) -> Result<Panel> {
        // The header's layout and the builder it sets up, once read.
        let mut reading: Option<(Layout, Builder)> = None;
        for_each_line(reader, |line, text, complete| {
            let Some((l, b)) = &mut reading else {
                let l = layout(line, text, options)?;
                let col = |i: usize| i.saturating_add(1);
                let columns = Columns {
                    entity: col(l.entity),
                    period: col(l.period),
                    indicator: col(l.indicator),
                };
                reading = Some((l, Builder::new(columns, line.saturating_add(1), true)));
                return Ok(());
            };
            let mut row = Vec::with_capacity(l.fields);
            quote::split(text, l.sep, &mut row)
                .map_err(|e| bad_quoting(line, text, e, complete))?;
            if row.len() != l.fields {
                return Err(column_count(line, text, l.fields, row.len(), complete));
            }
            let cell = |i: usize| row.get(i).map_or(&b""[..], |c| &**c);
            if let Some(a) = l.action {
                let action = code(cell(a.0), a.1);
                if !matches!(action, b"I" | b"A" | b"R" | b"M" | b"") {
                    return Err(invalid(
                        line,
                        a.0.saturating_add(1),
                        "an ACTION",
                        action,
                        "only I (information), A (append), R (replace) and M (merge) can be read; apply deletions (D) first",
                    ));
                }
            }
            let raw = cell(l.value);
            let column = l.value.saturating_add(1);
            let mut value = parse_value(raw).map_err(|r| bad_value(line, column, raw, r))?;
            if let Some((m, labelled)) = l.unit_mult {
                let text = code(cell(m), labelled);
                if !text.is_empty() {
                    let mult = core::str::from_utf8(text)
                        .ok()
                        .and_then(|t| t.parse::<i32>().ok())
                        .filter(|m| (-28..=28).contains(m))
                        .ok_or_else(|| {
                            invalid(
                                line,
                                m.saturating_add(1),
                                "a UNIT_MULT",
                                text,
                                "write a power of ten from -28 to 28 (4 for 万, 8 for 亿)",
                            )
                        })?;
                    value = match value {
                        Some(v) => Some(crate::exact::shift_exact(v, mult).ok_or_else(|| {
                            bad_value(
                                line,
                                column,
                                raw,
                                "out of range once multiplied by 10^UNIT_MULT",
                            )
                        })?),
                        None => None,
                    };
                }
            }
            let status = match l.status.map(|(s, labelled)| (s, code(cell(s), labelled))) {
                None | Some((_, b"")) => ObsStatus::Normal,
                Some((s, text)) => core::str::from_utf8(text)
                    .ok()
                    .and_then(|t| t.parse::<ObsStatus>().ok())
                    .ok_or_else(|| invalid(line, s.saturating_add(1), "an OBS_STATUS", text,
                        "write a CL_OBS_STATUS code such as A (normal), E (estimated), F (forecast), P (provisional)"))?,
            };
            let [entity, indicator, period] = l.labelled;
            b.push(
                line,
                code(cell(l.entity), entity),
                code(cell(l.period), period),
                code(cell(l.indicator), indicator),
                value,
            )?;
            b.push_status(status);
            row.clear();
            Ok(())
        })?;
        match reading {
            Some((_, b)) => b.finish(),
            None => Err(missing_header(1, 1, "STRUCTURE,STRUCTURE_ID,…", b"")),
        }
    }

    /// Writes the panel as SDMX-CSV 2.0: `STRUCTURE,STRUCTURE_ID,ACTION,`
    /// the entity and indicator dimensions, `TIME_PERIOD,OBS_VALUE,UNIT_MULT,
    /// OBS_STATUS`, one row per observation with `dataflow`, the options'
    /// structure id, action `I`, `UNIT_MULT` 0 (values as they are) and the
    /// row's status (`A` when the panel has none). [`Panel::from_sdmx_csv`]
    /// reads it back to an equal panel.
    ///
    /// # Errors
    ///
    /// [`Error::Unwritable`] for a key holding a line break; [`Error::Io`].
    /// A key holding a comma or a quote is written quoted (RFC 4180).
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::{Panel, SdmxOptions};
    /// use indstat::Period;
    /// use indstat::dec;
    ///
    /// let p = Panel::from_rows([("RC", Period::year(2024)?, "gdp", Some(dec!(1004)))])?;
    /// let mut out = Vec::new();
    /// p.write_sdmx_csv(&mut out, &SdmxOptions::default())?;
    /// assert_eq!(String::from_utf8(out).unwrap(),
    ///     "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n\
    ///      dataflow,INDSTAT:PANEL(1.0.0),I,RC,gdp,2024,1004,0,A\n");
    /// let bad = Panel::from_rows([("R\nC", Period::year(2024)?, "gdp", None)])?;
    /// assert!(bad.write_sdmx_csv(&mut Vec::new(), &SdmxOptions::default()).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn write_sdmx_csv<W: Write>(&self, writer: W, options: &SdmxOptions) -> Result<()> {
        self.check_writable("SDMX-CSV")?;
        // Two components in one column, or a component named like a fixed
        // column, would read back as something else.
        for name in [&options.entity, &options.indicator] {
            let fixed = |f: &&str| name == f || labelled(name.as_bytes(), f);
            if options.entity == options.indicator || FIXED.iter().any(fixed) {
                return Err(Error::InvalidParameter {
                    name: "options",
                    value: format!(
                        "entity {:?}, indicator {:?}",
                        options.entity, options.indicator
                    ),
                    reason: "the entity and indicator dimensions need two names of their own, none of STRUCTURE, STRUCTURE_ID, ACTION, TIME_PERIOD, OBS_VALUE, UNIT_MULT, OBS_STATUS",
                });
            }
        }
        for (what, text) in [
            ("entity dimension", &options.entity),
            ("indicator dimension", &options.indicator),
            ("structure id", &options.structure_id),
        ] {
            check_one_line(what, text, "SDMX-CSV")?;
        }
        let mut w = std::io::BufWriter::with_capacity(1 << 16, writer);
        let (entity_id, indicator_id) =
            (cell(&options.entity, b','), cell(&options.indicator, b','));
        let structure = cell(&options.structure_id, b',');
        writeln!(
            w,
            "STRUCTURE,STRUCTURE_ID,ACTION,{entity_id},{indicator_id},TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS",
        )?;
        for row in self.rows() {
            let value = row
                .value
                .map(|v: Decimal| v.to_string())
                .unwrap_or_default();
            let status = row.status.unwrap_or_default().code();
            let (entity, indicator) = (cell(row.entity, b','), cell(row.indicator, b','));
            writeln!(
                w,
                "dataflow,{structure},I,{entity},{indicator},{},{value},0,{status}",
                row.period
            )?;
        }
        w.flush()?;
        Ok(())
    }
}
