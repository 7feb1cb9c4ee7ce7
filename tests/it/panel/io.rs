//! Reading and writing panels as long CSV and SDMX-CSV: bad input named by
//! line and column, RFC 4180 quoting, the SDMX-CSV 2.0 header forms, round
//! trips (with default and custom options), and regression tests for what
//! reviews and fuzzing found (quoted headers, labelled cells, a separator
//! inside `STRUCTURE[..]`, two components in one column, which field a
//! quoting error names, empty keys).

use indstat::dec;
use indstat::panel::{Panel, SdmxOptions};
use indstat::{Error, ObsStatus, Period};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{first_of_each_key, panel_of};

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

/// One limit for every reader, the values a `Decimal`
/// holds exactly — at most 28 decimal places and at most
/// 79228162514264337593543950335 (2^96 − 1, Python `2**96 - 1`) without the
/// decimal point; zeros past what it holds carry no value. Each number, at
/// the limit and one digit past it, is read alike (digits and scale) or
/// refused alike by the panel's CSV and SDMX-CSV readers, the text form and
/// serde. Before, `1.00000000000000000000000000000` was read as text and
/// refused by CSV and serde, and `8.0000000000000000000000000000` refused
/// by all.
#[test]
fn one_digit_limit_for_every_reader() {
    let max = Decimal::MAX;
    let cases: [(&str, Option<Decimal>); 12] = [
        ("79228162514264337593543950335", Some(max)),
        ("-79228162514264337593543950335", Some(Decimal::MIN)),
        (
            "1.2345678901234567890123456789",
            Some(dec!(1.2345678901234567890123456789)),
        ),
        (
            "7.9228162514264337593543950335",
            Some(Decimal::from_i128_with_scale(
                79_228_162_514_264_337_593_543_950_335,
                28,
            )),
        ),
        (
            "0.0000000000000000000000000001",
            Some(dec!(0.0000000000000000000000000001)),
        ),
        (
            "1.00000000000000000000000000000",
            Some(dec!(1.0000000000000000000000000000)),
        ),
        (
            "8.0000000000000000000000000000",
            Some(dec!(8.000000000000000000000000000)),
        ),
        // One past: the range, the 28th place, the mantissa.
        ("79228162514264337593543950336", None),
        ("0.00000000000000000000000000001", None),
        ("1.23456789012345678901234567891", None),
        ("8.6666666666666666666666666667", None),
        ("7.9228162514264337593543950336", None),
    ];
    let sdmx_head = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n";
    for (text, want) in cases {
        let csv = format!("entity,period,indicator,value\nA,2024,x,{text}\n");
        let sdmx = format!("{sdmx_head}dataflow,X:Y(1.0),I,A,x,2024,{text}\n");
        #[allow(unused_mut)] // serde's reader joins with the feature
        let mut got: Vec<(&str, Result<Decimal, String>)> = vec![
            (
                "csv",
                Panel::from_csv(csv.as_bytes())
                    .map(|p| p.value(0).unwrap())
                    .map_err(|e| e.to_string()),
            ),
            (
                "sdmx",
                Panel::from_sdmx_csv(sdmx.as_bytes(), &SdmxOptions::default())
                    .map(|p| p.value(0).unwrap())
                    .map_err(|e| e.to_string()),
            ),
            (
                "text",
                format!("{text}元")
                    .parse::<indstat::Quantity>()
                    .map(|q| q.value())
                    .map_err(|e| e.to_string()),
            ),
        ];
        #[cfg(feature = "serde")]
        got.push((
            "serde",
            serde_json::from_str::<indstat::Quantity>(&format!(
                r#"{{"value":"{text}","unit":"yuan"}}"#
            ))
            .map(|q| q.value())
            .map_err(|e| e.to_string()),
        ));
        for (reader, result) in got {
            match (want, result) {
                (Some(w), Ok(v)) => assert_eq!(v.serialize(), w.serialize(), "{reader} {text}"),
                // Each refusal says which part of the rule the number breaks.
                (None, Err(m)) => assert!(
                    m.contains("28 decimal places") || m.contains("79228162514264337593543950335"),
                    "{reader} {text}: {m}"
                ),
                (w, r) => panic!("{reader} {text}: wanted {w:?}, got {r:?}"),
            }
        }
    }
}

/// Bad input: (text, the error's line and column, its message).
#[test]
fn bad_input_names_line_and_column() {
    let h = "entity,period,indicator,value\n";
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            b"".to_vec(),
            "line 1, column 1: expected the header \"entity,period,indicator,value\", found \"\"; make the header the first line",
        ),
        (
            b"A,2024,x,1\n".to_vec(),
            "line 1, column 1: expected the header \"entity,period,indicator,value\", found \"A,2024,x,1\"; make the header the first line",
        ),
        (
            b"entity,year,indicator,value\n".to_vec(),
            "line 1, column 2: expected the header \"entity,period,indicator,value\", found \"entity,year,indicator,value\"; make the header the first line",
        ),
        (
            format!("{h}A,2024,x,1\nA,2023,x\n").into_bytes(),
            "line 3, column 3: expected 4 fields, found 3 in \"A,2023,x\"; give every row the header's columns",
        ),
        (
            format!("{h}A,2024,x,1,9\n").into_bytes(),
            "line 2, column 5: expected 4 fields, found 5 in \"A,2024,x,1,9\"; give every row the header's columns",
        ),
        (
            format!("{h}A,2024,x,12a\n").into_bytes(),
            "line 2, column 4: \"12a\" is not a decimal value: not a plain decimal; write a plain decimal such as -1234.5678 (no exponent or grouping) with at most 28 decimal places and at most 79228162514264337593543950335 without its decimal point, or leave the cell empty",
        ),
        (
            format!("{h}A,2024,x,1.23456789012345678901234567891\n").into_bytes(),
            "line 2, column 4: \"1.23456789012345678901234567891\" is not a decimal value: more than 28 decimal places: round it first; write a plain decimal such as -1234.5678 (no exponent or grouping) with at most 28 decimal places and at most 79228162514264337593543950335 without its decimal point, or leave the cell empty",
        ),
        (
            format!("{h}A,2024,x,1\nA,2024-Q5,x,1\n").into_bytes(),
            "line 3, column 2: \"2024-Q5\" is not a period: invalid period \"2024-Q5\": quarter 5 is outside 1..=4; write a year such as 2024, or 2024-Q1, 2024-M01",
        ),
        (
            format!("{h}A,2024,x,1\nB,2024,x,2\nA,2024,x,3\n").into_bytes(),
            "line 4, column 1: duplicate observation of x for A in 2024 (first on line 2); keep one row per entity, period and indicator",
        ),
        (
            format!("{h}A,2024,x,1\nA,2023").into_bytes(),
            "line 3, column 2: the input ends in the middle of a row \"A,2023\"; complete the row or remove it",
        ),
        (
            [h.as_bytes(), b"A\xff,2024,x,1\n"].concat(),
            "line 2, column 1: invalid UTF-8; save the file as UTF-8",
        ),
        (
            [h.as_bytes(), b"A,2024,x\xff,1\n"].concat(),
            "line 2, column 3: invalid UTF-8; save the file as UTF-8",
        ),
        (
            [h.as_bytes(), b"A,2024,x,1\xff\n"].concat(),
            "line 2, column 4: invalid UTF-8; save the file as UTF-8",
        ),
        (
            format!("{h},2024,x,1\n").into_bytes(),
            "line 2, column 1: \"\" is not an entity: the cell is empty; every row needs an entity, a period and an indicator",
        ),
    ];
    for (text, message) in cases {
        let err = Panel::from_csv(text.as_slice()).unwrap_err();
        assert_eq!(
            err.to_string(),
            message,
            "{}",
            String::from_utf8_lossy(&text)
        );
    }
    // The variants carry the position as fields too.
    let err = Panel::from_csv(format!("{h}A,2024,x,1\nA,2024,x,2\n").as_bytes()).unwrap_err();
    assert!(matches!(
        err,
        Error::DuplicateObservation {
            line: 3,
            column: 1,
            first_line: 2,
            ..
        }
    ));
    // A last row without a line end but with all its fields is a row.
    assert_eq!(
        Panel::from_csv(format!("{h}A,2024,x,1").as_bytes())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn sdmx_reads_unit_mult_status_and_refuses_bad_cells() {
    let o = SdmxOptions::default();
    let head = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n";
    let p = Panel::from_sdmx_csv(
        format!(
            "{head}dataflow,X:Y(1.0),I,RC,gdp,2024,1.5,8,F\ndataflow,X:Y(1.0),I,RC,gdp,2023,,,\n"
        )
        .as_bytes(),
        &o,
    )
    .unwrap();
    assert_eq!(p.value(0), Some(dec!(150000000)));
    assert_eq!(p.row(0).unwrap().status, Some(ObsStatus::Forecast));
    assert_eq!(p.row(1).unwrap().status, Some(ObsStatus::Normal));
    for (row, message) in [
        (
            "dataflow,X:Y(1.0),D,RC,gdp,2024,1,0,A",
            "line 2, column 3: \"D\" is not an ACTION",
        ),
        (
            "dataflow,X:Y(1.0),I,RC,gdp,2024,1,99,A",
            "line 2, column 8: \"99\" is not a UNIT_MULT",
        ),
        (
            "dataflow,X:Y(1.0),I,RC,gdp,2024,1,0,Z",
            "line 2, column 9: \"Z\" is not an OBS_STATUS",
        ),
        (
            "dataflow,X:Y(1.0),I,RC,gdp,2024,x,0,A",
            "line 2, column 7: \"x\" is not a decimal value",
        ),
        (
            "dataflow,X:Y(1.0),I,RC,gdp,2024,1,0",
            "line 2, column 8: expected 9 fields, found 8",
        ),
    ] {
        let err = Panel::from_sdmx_csv(format!("{head}{row}\n").as_bytes(), &o).unwrap_err();
        assert!(err.to_string().starts_with(message), "{err}");
    }
    let err = Panel::from_sdmx_csv("entity,period,indicator,value\n".as_bytes(), &o).unwrap_err();
    assert!(matches!(
        err,
        Error::MissingHeader {
            line: 1,
            column: 1,
            ..
        }
    ));
}

fn arb_panel() -> impl Strategy<Value = Vec<(String, Period, String, Option<Decimal>)>> {
    // Keys with separators and quotes are written quoted and read back.
    let key = "[A-Za-z0-9_.,;\" -]{1,20}";
    let period = prop_oneof![
        (1990i32..2030).prop_map(|y| Period::year(y).unwrap()),
        (1990i32..2030, 1u8..=4).prop_map(|(y, q)| Period::quarter(y, q).unwrap()),
        (1990i32..2030, 1u8..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
    ];
    let value = prop::option::of((any::<i64>(), 0u32..=12).prop_map(|(m, s)| Decimal::new(m, s)));
    prop::collection::vec((key, period, "[a-z]{1,3}", value), 0..40).prop_map(|mut rows| {
        first_of_each_key(&mut rows);
        rows
    })
}

proptest! {
    #[test]
    fn csv_round_trip(rows in arb_panel()) {
        let p = panel_of(&rows);
        let mut text = Vec::new();
        p.write_csv(&mut text).unwrap();
        let back = Panel::from_csv(text.as_slice()).unwrap();
        prop_assert_eq!(&back, &p);
        // Values keep their scale: 1.50 stays 1.50.
        for (r, (_, _, _, v)) in rows.iter().enumerate() {
            prop_assert_eq!(back.value(r).map(|d| (d, d.scale())), v.map(|d| (d, d.scale())));
        }
    }

    #[test]
    fn sdmx_round_trip(rows in arb_panel()) {
        let o = SdmxOptions::default();
        let p = panel_of(&rows);
        let mut text = Vec::new();
        p.write_sdmx_csv(&mut text, &o).unwrap();
        let back = Panel::from_sdmx_csv(text.as_slice(), &o).unwrap();
        let mut again = Vec::new();
        back.write_sdmx_csv(&mut again, &o).unwrap();
        prop_assert_eq!(&again, &text);
        prop_assert_eq!(Panel::from_sdmx_csv(again.as_slice(), &o).unwrap(), back.clone());
        let plain: Vec<_> = back.rows().map(|r| (r.entity, r.period, r.indicator, r.value)).collect();
        let orig: Vec<_> = p.rows().map(|r| (r.entity, r.period, r.indicator, r.value)).collect();
        prop_assert_eq!(plain, orig);
    }

    #[test]
    fn no_input_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut text = b"entity,period,indicator,value\n".to_vec();
        text.extend(bytes);
        let _ = Panel::from_csv(text.as_slice());
        let _ = Panel::from_sdmx_csv(text.as_slice(), &SdmxOptions::default());
    }
}

/// Found by the `panel_csv` and `panel_sdmx` fuzz targets: a row with an
/// empty period or indicator was accepted (an empty key matched an empty
/// slot of the key cache) and then silently dropped when written back.
#[test]
fn empty_keys_are_errors_found_by_fuzzing() {
    let h = "entity,period,indicator,value\n";
    for (row, message) in [
        (
            "\0,,,",
            "line 2, column 2: \"\" is not a period: the cell is empty; every row needs an entity, a period and an indicator",
        ),
        (
            "A,,x,1",
            "line 2, column 2: \"\" is not a period: the cell is empty; every row needs an entity, a period and an indicator",
        ),
        (
            "A,2024,,1",
            "line 2, column 3: \"\" is not an indicator: the cell is empty; every row needs an entity, a period and an indicator",
        ),
    ] {
        let err = Panel::from_csv(format!("{h}{row}").as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), message, "{row:?}");
    }
    let head = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n";
    let o = indstat::panel::SdmxOptions::default();
    assert!(Panel::from_sdmx_csv(format!("{head}\0(,,,\0,,,,,").as_bytes(), &o).is_err());
    // A missing value still round-trips as an empty cell.
    let p = Panel::from_csv(format!("{h}A,2024,x,\n").as_bytes()).unwrap();
    let mut out = Vec::new();
    p.write_csv(&mut out).unwrap();
    assert_eq!(Panel::from_csv(out.as_slice()).unwrap().len(), 1);
}

/// RFC 4180 quoting in the long CSV: a key with a comma or a quote is read
/// from, and written to, a quoted field; malformed quoting is an error
/// naming its line and column.
#[test]
fn csv_quoted_fields() {
    let csv = "entity,period,indicator,value\n\
               \"Rongchang, Chongqing\",2024,output,1004\n\
               \"Say \"\"hi\"\" Ltd\",2024,output,5\n\
               B,2024,\"output\",7\n";
    let p = Panel::from_csv(csv.as_bytes()).unwrap();
    assert_eq!(
        p.entities(),
        ["Rongchang, Chongqing", "Say \"hi\" Ltd", "B"]
    );
    assert_eq!(p.indicators(), ["output"]);
    assert_eq!(p.value(1), Some(dec!(5)));
    let mut out = Vec::new();
    p.write_csv(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("\"Rongchang, Chongqing\",2024,output,1004\n"),
        "{text}"
    );
    assert!(
        text.contains("\"Say \"\"hi\"\" Ltd\",2024,output,5\n"),
        "{text}"
    );
    assert_eq!(Panel::from_csv(text.as_bytes()).unwrap(), p);
    for (row, start) in [
        ("\"open,2024,x,1", "line 2, column 1: "),
        ("A,2024,x\"y,1", "line 2, column 3: "),
        ("\"A\"B,2024,x,1", "line 2, column 1: "),
        (
            "\"A,B\",2024,x",
            "line 2, column 3: expected 4 fields, found 3",
        ),
    ] {
        let err = Panel::from_csv(format!("entity,period,indicator,value\n{row}\n").as_bytes())
            .unwrap_err();
        assert!(err.to_string().starts_with(start), "{row}: {err}");
    }
}

/// SDMX-CSV 2.0 header forms from the field guide and real files: the IMF's
/// `STRUCTURE[;]` (a sub-field separator; fields still split at commas), a
/// `;` separator declared after `STRUCTURE`, `ID: name` column labels,
/// quoted fields, and action `M` (merge).
#[test]
fn sdmx_separators_labels_and_quotes() {
    let o = SdmxOptions {
        entity: "COUNTRY".into(),
        ..SdmxOptions::default()
    };
    let imf = "STRUCTURE[;],STRUCTURE_ID,ACTION,COUNTRY,INDICATOR,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE\n\
               dataflow,IMF.RES:WEO(9.0.0),R,GBR,NGDP_RPCH,A,2021,7.6,0\n\
               dataflow,IMF.RES:WEO(9.0.0),R,GBR,NGDP_RPCH,A,2020,-10.4,0\n";
    let p = Panel::from_sdmx_csv(imf.as_bytes(), &o).unwrap();
    assert_eq!((p.len(), p.value(1)), (2, Some(dec!(-10.4))));
    let semicolons = imf.replace(',', ";").replace("STRUCTURE[;];", "STRUCTURE;");
    assert_eq!(Panel::from_sdmx_csv(semicolons.as_bytes(), &o).unwrap(), p);
    let labelled = imf
        .replace("COUNTRY,", "COUNTRY: Country,")
        .replace("OBS_VALUE,", "OBS_VALUE: Observation value,")
        .replace(",R,", ",M,")
        .replace("GBR", "\"United Kingdom, GBR\"");
    let q = Panel::from_sdmx_csv(labelled.as_bytes(), &o).unwrap();
    assert_eq!(q.entities(), ["United Kingdom, GBR"]);
    assert_eq!(q.value(0), Some(dec!(7.6)));
    for header in [
        "STRUCTURE_X,STRUCTURE_ID\n",
        "STRUCTURE[;,STRUCTURE_ID\n",
        "STRUCTURE\n",
    ] {
        let err = Panel::from_sdmx_csv(header.as_bytes(), &o).unwrap_err();
        assert!(
            matches!(
                err,
                Error::MissingHeader {
                    line: 1,
                    column: 1,
                    ..
                }
            ),
            "{header}: {err}"
        );
    }
    // Written with quotes where a key needs them, and read back.
    let mut out = Vec::new();
    q.write_sdmx_csv(&mut out, &o).unwrap();
    assert_eq!(
        Panel::from_sdmx_csv(out.as_slice(), &o).unwrap().entities(),
        q.entities()
    );
}
