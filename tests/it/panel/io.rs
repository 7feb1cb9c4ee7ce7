//! RFC 4180 quoting and SDMX-CSV 2.0 header forms: round trips with custom
//! options, the semicolon form, and regression tests for what an
//! adversarial review of the quoting change found (quoted headers, labelled
//! cells, a separator inside `STRUCTURE[..]`, two components in one column,
//! which field a quoting error names).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use indstat::Period;
use indstat::panel::{Panel, SdmxOptions};
use proptest::prelude::*;
use rust_decimal::Decimal;

proptest! {
    /// Custom SdmxOptions names holding commas, semicolons, quotes and
    /// spaces: what the writer writes, the reader reads back with the same
    /// options (keys, periods and values).
    #[test]
    fn sdmx_custom_options_round_trip(
        entity in "[A-Z_,;\" ]{1,8}",
        indicator in "[A-Z_,;\" ]{1,8}",
        structure_id in "[A-Z:(),;\". ]{1,12}",
        rows in prop::collection::vec(("[A-Za-z,;\" ]{1,6}", 2015i32..2025, "[a-z,;\"]{1,4}", proptest::option::of(-9999i64..9999)), 1..20),
    ) {
        let o = SdmxOptions { entity, indicator, structure_id };
        let mut seen = std::collections::HashSet::new();
        let rows: Vec<_> = rows.into_iter().filter(|(e, y, i, _)| seen.insert((e.clone(), *y, i.clone()))).collect();
        let p = Panel::from_rows(rows.iter().map(|(e, y, i, v)| (e.as_str(), Period::year(*y).unwrap(), i.as_str(), v.map(|v| Decimal::new(v, 2))))).unwrap();
        let mut out = Vec::new();
        // Options the writer refuses (two dimensions with one name, or a
        // fixed column's name) are not written at all; all others read back.
        if let Err(e) = p.write_sdmx_csv(&mut out, &o) {
            prop_assert!(matches!(e, indstat::Error::InvalidParameter { .. }), "{}", e);
            return Ok(());
        }
        let back = Panel::from_sdmx_csv(out.as_slice(), &o).unwrap();
        prop_assert_eq!(back.entities(), p.entities());
        prop_assert_eq!(back.indicators(), p.indicators());
        prop_assert_eq!(back.len(), p.len());
        for r in 0..p.len() {
            prop_assert_eq!(back.value(r), p.value(r));
            prop_assert_eq!(back.row(r).unwrap().period, p.row(r).unwrap().period);
        }
    }
}

/// `;`-separated SDMX-CSV with a BOM, `\r\n` and quoted fields holding `;`
/// reads as the comma form does.
#[test]
fn sdmx_semicolon_bom_crlf_quotes() {
    let o = SdmxOptions::default();
    let comma = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n\
                 dataflow,X:Y(1.0),I,\"R;C\",gdp,2024,1.5,4,E\n";
    let semi = "\u{feff}STRUCTURE;STRUCTURE_ID;ACTION;REF_AREA;INDICATOR;TIME_PERIOD;OBS_VALUE;UNIT_MULT;OBS_STATUS\r\n\
                dataflow;X:Y(1.0);I;\"R;C\";\"gdp\";\"2024\";\"1.5\";4;E\r\n";
    assert_eq!(
        Panel::from_sdmx_csv(comma.as_bytes(), &o).unwrap(),
        Panel::from_sdmx_csv(semi.as_bytes(), &o).unwrap()
    );
}

/// Finding: a CSV whose header is quoted (R's `write.csv`, pandas
/// `QUOTE_ALL`) is refused at line 1 although its fields are RFC 4180.
#[test]
fn csv_quoted_header_is_read() {
    let text = "\"entity\",\"period\",\"indicator\",\"value\"\n\"A\",2024,\"gdp\",1\n";
    assert!(Panel::from_csv(text.as_bytes()).is_ok());
}

/// Finding: `ID: name` matching lets one header column answer two
/// components; the reader silently reads the entity column as the indicator.
#[test]
fn sdmx_two_components_never_share_a_column() {
    let p =
        Panel::from_rows([("RC", Period::year(2024).unwrap(), "gdp", Some(Decimal::ONE))]).unwrap();
    for (entity, indicator) in [
        ("E: x", "E"),
        ("INDICATOR", "INDICATOR"),
        ("STRUCTURE_ID", "INDICATOR"),
    ] {
        let o = SdmxOptions {
            entity: entity.into(),
            indicator: indicator.into(),
            ..SdmxOptions::default()
        };
        let mut out = Vec::new();
        let written = p.write_sdmx_csv(&mut out, &o);
        let read = written.and_then(|()| Panel::from_sdmx_csv(out.as_slice(), &o));
        // Either refused (writer or reader) or read back right.
        if let Ok(b) = read {
            assert_eq!(
                (b.entities(), b.indicators()),
                (p.entities(), p.indicators()),
                "{o:?}"
            );
        }
    }
}

/// Finding: labels=both (field guide examples 4 and 5) labels coded cells
/// too (`A: Normal value`, `0: Units`, `RC: Rongchang`); only the header
/// labels are understood.
#[test]
fn sdmx_labels_both_cells() {
    let text = "STRUCTURE[;],STRUCTURE_ID,ACTION,REF_AREA: Area,INDICATOR: Indicator,TIME_PERIOD: Time,OBS_VALUE: Value,UNIT_MULT: Multiplier,OBS_STATUS: Status\n\
                dataflow,X:Y(1.0): Name,I,RC: Rongchang,gdp: GDP,2024,1,0: Units,A: Normal value\n";
    let p = Panel::from_sdmx_csv(text.as_bytes(), &SdmxOptions::default()).unwrap();
    assert_eq!(p.entities(), ["RC"]);
}

/// Finding: a sub-field separator equal to the field separator, or the
/// first header field quoted as RFC 4180 then requires, is refused.
#[test]
fn sdmx_structure_term_holding_the_separator() {
    let o = SdmxOptions::default();
    for header in [
        "\"STRUCTURE[;]\";STRUCTURE_ID;ACTION;REF_AREA;INDICATOR;TIME_PERIOD;OBS_VALUE",
        "STRUCTURE[;];STRUCTURE_ID;ACTION;REF_AREA;INDICATOR;TIME_PERIOD;OBS_VALUE",
    ] {
        let text = format!("{header}\ndataflow;X:Y(1.0);I;RC;gdp;2024;1\n");
        assert!(
            Panel::from_sdmx_csv(text.as_bytes(), &o).is_ok(),
            "{header}"
        );
    }
}

/// Found in review: a quoting error on a line that also held invalid UTF-8
/// elsewhere was reported as invalid UTF-8 in the quoted field's column. The
/// quoting error is now reported with its own field's text and column.
#[test]
fn quoting_error_names_its_own_field() {
    let text = b"entity,period,indicator,value\nA\xC3,2024,gdp,\"1\n";
    let err = Panel::from_csv(&text[..]).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("line 2, column 4: \"\\\"1\" is not a well-quoted field"),
        "{err}"
    );
    // Cut short (no line end): the input ended inside a quoted field.
    let cut = b"entity,period,indicator,value\nA,2024,gdp,\"1.5";
    let err = Panel::from_csv(&cut[..]).unwrap_err();
    assert!(
        matches!(
            err,
            indstat::Error::UnexpectedEnd {
                line: 2,
                column: 4,
                ..
            }
        ),
        "{err}"
    );
}
