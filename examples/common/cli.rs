//! The command line the examples with charts share (`rongchang`, `top100`):
//! `--out-dir DIR`, where the SVG charts go (by default a folder of the
//! example's name in Cargo's target folder), and `-h`/`--help`. Shared by
//! both examples and their tests.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Ends the example with its error, if any, on stderr and exit status 1.
pub(crate) fn exit_on_error(result: Result<(), Box<dyn std::error::Error>>) {
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

/// One argument: one every example takes, or another for the example to read.
pub(crate) enum Arg {
    /// `--out-dir DIR`.
    OutDir(PathBuf),
    /// `-h` or `--help`.
    Help,
    /// Any other argument.
    Other(String),
}

/// The next argument of `args`, `None` at the end.
///
/// # Errors
///
/// `--out-dir` without a folder; an argument that is not UTF-8.
pub(crate) fn next(args: &mut impl Iterator<Item = OsString>) -> Option<Result<Arg, String>> {
    let arg = args.next()?;
    Some(match arg.to_str() {
        Some("--out-dir") => args
            .next()
            .map(|d| Arg::OutDir(d.into()))
            .ok_or_else(|| "--out-dir needs a folder".to_owned()),
        Some("-h" | "--help") => Ok(Arg::Help),
        Some(other) => Ok(Arg::Other(other.to_owned())),
        None => Err(unknown(&arg.to_string_lossy())),
    })
}

/// The error for an argument the example does not take.
pub(crate) fn unknown(arg: &str) -> String {
    format!("unknown argument {arg:?}; try --help")
}

/// The help text of `--out-dir` for an example whose default folder is
/// `name`.
pub(crate) fn help(name: &str) -> String {
    format!(
        "  --out-dir DIR      where the SVG charts go (built with --features plot);
                     default: $CARGO_TARGET_DIR/{name}, or target/{name}
                     when CARGO_TARGET_DIR is not set"
    )
}

/// The charts' folder: `given` (`--out-dir`), else `name` in Cargo's target
/// folder: `cargo_target_dir` (`$CARGO_TARGET_DIR`) when set and not empty,
/// else `target` under the current folder, as Cargo itself does.
#[cfg_attr(not(feature = "plot"), allow(dead_code))]
pub(crate) fn chart_dir(
    given: Option<PathBuf>,
    cargo_target_dir: Option<OsString>,
    name: &str,
) -> PathBuf {
    given.unwrap_or_else(|| {
        cargo_target_dir
            .filter(|d| !d.is_empty())
            .map_or_else(|| PathBuf::from("target"), PathBuf::from)
            .join(name)
    })
}

/// A build without the `plot` feature draws no charts: `--out-dir` is then
/// an error rather than a folder silently left empty.
#[cfg_attr(feature = "plot", allow(dead_code))]
pub(crate) fn refuse_without_plot(given: Option<&Path>) -> Result<(), String> {
    match given {
        Some(dir) => Err(format!(
            "--out-dir {}: this build draws no charts; run with --features plot",
            dir.display()
        )),
        None => Ok(()),
    }
}
