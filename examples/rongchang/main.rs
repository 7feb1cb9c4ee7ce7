//! The zone report for Rongchang High-Tech Zone (荣昌高新区): the article's
//! figures by theme, growth, ranking and targets, bilingual, with every
//! assumption stated.
//!
//! ```sh
//! cargo run --example rongchang                         # both languages, text
//! cargo run --example rongchang -- --lang zh --markdown # Chinese Markdown
//! cargo run --example rongchang --features plot         # also writes SVG charts
//! ```

mod zone;

use indstat::report::{Format, Lang};

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut lang = Lang::Both;
    let mut format = Format::Text;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => lang = args.next().ok_or("--lang needs zh, en or both")?.parse()?,
            "--markdown" => format = Format::Markdown,
            "--text" => format = Format::Text,
            "-h" | "--help" => {
                println!("usage: rongchang [--lang zh|en|both] [--markdown]");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}; try --help").into()),
        }
    }
    let zone = zone::build()?;
    println!("{}", zone.report.render(lang, format));
    charts(&zone, lang)?;
    Ok(())
}

#[cfg(feature = "plot")]
fn charts(zone: &zone::Zone, lang: Lang) -> Result<(), Box<dyn std::error::Error>> {
    use indstat::report::{Text, chart};
    let dir = std::path::Path::new("target").join("rongchang-charts");
    std::fs::create_dir_all(&dir)?;
    // The fan: 6% and 12% beside the trend (8.5%) and the required path.
    let target = chart::target_chart(&zone.t1, &zone.history, &zone.rates, lang)?;
    let t1 = dir.join("t1-output-target.svg");
    std::fs::write(&t1, target)?;
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
    std::fs::write(&t3, ranks)?;
    eprintln!("charts written: {} and {}", t1.display(), t3.display());
    Ok(())
}

#[cfg(not(feature = "plot"))]
fn charts(_: &zone::Zone, _: Lang) -> Result<(), Box<dyn std::error::Error>> {
    Ok(())
}
