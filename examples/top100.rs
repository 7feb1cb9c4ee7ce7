//! Top 100: a composite ranking of 178 national high-tech zones in which
//! Rongchang ranks 122nd — its neighbours, how firm the rank is when the
//! weights move, and what it would take to enter the Top 100.
//!
//! THE DATA ARE SYNTHETIC: 178 zones drawn from a fixed seed on ten
//! indicators grouped in the five first-level dimensions of the 2021
//! evaluation system (国科发火〔2021〕106号). The dimension weights 20/20/15/15/30%
//! come from a third-party dashboard, not the official text: they are an
//! assumption. The zone drawn at rank 122 plays Rongchang.
//!
//! ```sh
//! cargo run --example top100                        # the text
//! cargo run --example top100 --features plot        # also writes the SVG chart
//! cargo run --example top100 --features plot -- --out-dir charts
//! ```
//!
//! The chart goes to `--out-dir DIR`, by default `top100-charts` in Cargo's
//! target folder (`$CARGO_TARGET_DIR`, else `target` in the current folder);
//! the example says on stderr where it wrote it.
#[path = "common/cli.rs"]
mod cli;
#[path = "top100/story.rs"]
mod story;
#[path = "top100/zones.rs"]
mod zones;

use std::path::PathBuf;

fn main() {
    cli::exit_on_error(run());
}

fn usage() -> String {
    format!(
        "usage: top100 [--out-dir DIR]\n\n{}",
        cli::help("top100-charts")
    )
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = cli::next(&mut args) {
        match arg? {
            cli::Arg::OutDir(dir) => out = Some(dir),
            cli::Arg::Help => {
                println!("{}", usage());
                return Ok(());
            }
            cli::Arg::Other(a) => return Err(cli::unknown(&a).into()),
        }
    }
    let top100 = story::build()?;
    print!("{}", top100.text);
    write_chart(&top100, out)?;
    Ok(())
}

/// Writes the chart to the chart folder and says on stderr where.
#[cfg(feature = "plot")]
fn write_chart(
    top100: &story::Top100,
    out: Option<PathBuf>,
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = cli::chart_dir(out, std::env::var_os("CARGO_TARGET_DIR"), "top100-charts");
    let path = indstat::report::save(&dir, "rank-intervals.svg", &story::chart(top100)?)?;
    eprintln!("chart written: {}", path.display());
    Ok(())
}

#[cfg(not(feature = "plot"))]
fn write_chart(_: &story::Top100, out: Option<PathBuf>) -> Result<(), Box<dyn std::error::Error>> {
    Ok(cli::refuse_without_plot(out.as_deref())?)
}
