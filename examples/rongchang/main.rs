//! The zone report for Rongchang High-Tech Zone (荣昌高新区): the article's
//! figures by theme, growth, ranking and targets, bilingual, with every
//! assumption stated.
//!
//! ```sh
//! cargo run --example rongchang                         # both languages, text
//! cargo run --example rongchang -- --lang zh --markdown # Chinese Markdown
//! cargo run --example rongchang --features plot         # also writes SVG charts
//! cargo run --example rongchang --features plot -- --out-dir charts
//! ```
//!
//! The charts go to `--out-dir DIR`, by default `rongchang-charts` in Cargo's
//! target folder (`$CARGO_TARGET_DIR`, else `target` in the current folder);
//! the example says on stderr where it wrote them.

mod zone;

use std::path::PathBuf;

use indstat::report::{Format, Lang};

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

const USAGE: &str = "usage: rongchang [--lang zh|en|both] [--markdown] [--out-dir DIR]

  --lang zh|en|both  the report's language (default: both)
  --markdown         Markdown instead of terminal text
  --out-dir DIR      where the SVG charts go (built with --features plot);
                     default: $CARGO_TARGET_DIR/rongchang-charts, or
                     target/rongchang-charts when CARGO_TARGET_DIR is not set";

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut lang = Lang::Both;
    let mut format = Format::Text;
    let mut out_dir: Option<PathBuf> = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--lang") => {
                let value = args.next().ok_or("--lang needs zh, en or both")?;
                lang = value
                    .to_str()
                    .ok_or("--lang needs zh, en or both")?
                    .parse()?;
            }
            Some("--markdown") => format = Format::Markdown,
            Some("--text") => format = Format::Text,
            Some("--out-dir") => {
                out_dir = Some(args.next().ok_or("--out-dir needs a folder")?.into());
            }
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => return Err(format!("unknown argument {arg:?}; try --help").into()),
        }
    }
    let zone = zone::build()?;
    println!("{}", zone.report.render(lang, format));
    charts(&zone, lang, out_dir)?;
    Ok(())
}

/// The charts' folder: the one given, else `rongchang-charts` in Cargo's
/// target folder.
#[cfg_attr(not(feature = "plot"), allow(dead_code))]
fn chart_dir(given: Option<PathBuf>) -> PathBuf {
    given.unwrap_or_else(|| {
        std::env::var_os("CARGO_TARGET_DIR")
            .filter(|d| !d.is_empty())
            .map_or_else(|| PathBuf::from("target"), PathBuf::from)
            .join("rongchang-charts")
    })
}

#[cfg(feature = "plot")]
fn charts(
    zone: &zone::Zone,
    lang: Lang,
    out_dir: Option<PathBuf>,
) -> Result<(), Box<dyn std::error::Error>> {
    use indstat::report::{Text, chart};
    let dir = chart_dir(out_dir);
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("cannot create the chart folder {}: {e}", dir.display()))?;
    // The fan: 6% and 12% beside the trend (8.5%) and the required path.
    let target = chart::target_chart(&zone.t1, &zone.history, &zone.rates, lang)?;
    let t1 = dir.join("t1-output-target.svg");
    std::fs::write(&t1, target).map_err(|e| format!("cannot write {}: {e}", t1.display()))?;
    // The previous edition's rank: this one plus the places climbed (139 = 122 + 17).
    let previous = zone
        .t3
        .current()
        .checked_add(zone.t3.pace().unwrap_or_default())
        .ok_or("rank out of range")?;
    let editions = [
        (zone.t3.period().year_ago()?, previous),
        (zone.t3.period(), zone.t3.current()),
    ];
    let ranks = chart::rank_chart(
        &Text::new("国家火炬中心考核排名", "Torch Center national rank"),
        &editions,
        rust_decimal::Decimal::ONE_HUNDRED,
        &[],
        lang,
    )?;
    let t3 = dir.join("t3-rank.svg");
    std::fs::write(&t3, ranks).map_err(|e| format!("cannot write {}: {e}", t3.display()))?;
    eprintln!("charts written: {} and {}", t1.display(), t3.display());
    Ok(())
}

#[cfg(not(feature = "plot"))]
fn charts(
    _: &zone::Zone,
    _: Lang,
    out_dir: Option<PathBuf>,
) -> Result<(), Box<dyn std::error::Error>> {
    match out_dir {
        Some(dir) => Err(format!(
            "--out-dir {}: this build draws no charts; run with --features plot",
            dir.display()
        )
        .into()),
        None => Ok(()),
    }
}
