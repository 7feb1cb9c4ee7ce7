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

#[cfg(feature = "plot")]
mod charts;
#[path = "../common/cli.rs"]
mod cli;
mod zone;

use std::path::PathBuf;

use indstat::report::{Format, Lang};

fn main() {
    cli::exit_on_error(run());
}

fn usage() -> String {
    format!(
        "usage: rongchang [--lang zh|en|both] [--markdown] [--out-dir DIR]

  --lang zh|en|both  the report's language (default: both)
  --markdown         Markdown instead of terminal text
{}",
        cli::help("rongchang-charts")
    )
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut lang = Lang::Both;
    let mut format = Format::Text;
    let mut out_dir: Option<PathBuf> = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = cli::next(&mut args) {
        match arg? {
            cli::Arg::OutDir(dir) => out_dir = Some(dir),
            cli::Arg::Help => {
                println!("{}", usage());
                return Ok(());
            }
            cli::Arg::Other(a) => match a.as_str() {
                "--lang" => {
                    let value = args.next().ok_or("--lang needs zh, en or both")?;
                    lang = value
                        .to_str()
                        .ok_or("--lang needs zh, en or both")?
                        .parse()?;
                }
                "--markdown" => format = Format::Markdown,
                "--text" => format = Format::Text,
                _ => return Err(cli::unknown(&a).into()),
            },
        }
    }
    let zone = zone::build()?;
    println!("{}", zone.report.render(lang, format));
    write_charts(&zone, lang, out_dir)?;
    Ok(())
}

/// Writes the two charts to the chart folder and says on stderr where.
#[cfg(feature = "plot")]
fn write_charts(
    zone: &zone::Zone,
    lang: Lang,
    out_dir: Option<PathBuf>,
) -> Result<(), Box<dyn std::error::Error>> {
    use indstat::report::save;
    let dir = cli::chart_dir(
        out_dir,
        std::env::var_os("CARGO_TARGET_DIR"),
        "rongchang-charts",
    );
    let t1 = save(&dir, "t1-output-target.svg", &charts::t1(zone, lang)?)?;
    let t3 = save(&dir, "t3-rank.svg", &charts::t3(zone, lang)?)?;
    eprintln!("charts written: {} and {}", t1.display(), t3.display());
    Ok(())
}

#[cfg(not(feature = "plot"))]
fn write_charts(
    _: &zone::Zone,
    _: Lang,
    out_dir: Option<PathBuf>,
) -> Result<(), Box<dyn std::error::Error>> {
    Ok(cli::refuse_without_plot(out_dir.as_deref())?)
}
