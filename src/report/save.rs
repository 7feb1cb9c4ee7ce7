//! Writing a rendered report or chart to a file.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Writes `contents` (a rendered report, an SVG chart) to the file `name` in
/// `dir`, creating `dir` and its parents first; returns the file's path.
///
/// # Errors
///
/// [`Error::File`] naming the folder that could not be created or the file
/// that could not be written, with the operating system's reason.
///
/// # Examples
///
/// ```
/// use indstat::Error;
/// use indstat::report::save;
///
/// let dir = std::env::temp_dir().join("indstat-save-doc");
/// let path = save(&dir, "report.md", "# 荣昌高新区\n")?;
/// assert_eq!(path, dir.join("report.md"));
/// assert_eq!(std::fs::read_to_string(&path).map_err(Error::from)?, "# 荣昌高新区\n");
///
/// // A folder under a file cannot be created: the error names it.
/// let err = save(&path.join("charts"), "t1.svg", "<svg/>").unwrap_err();
/// assert!(matches!(&err, Error::File { path: p, .. } if *p == path.join("charts")));
/// assert!(err.to_string().starts_with("cannot create the folder "));
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn save(dir: &Path, name: &str, contents: &str) -> Result<PathBuf> {
    let fail = |action: &'static str, path: &Path, e: std::io::Error| Error::File {
        action,
        path: path.to_path_buf(),
        kind: e.kind(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| fail("create the folder", dir, e))?;
    let path = dir.join(name);
    std::fs::write(&path, contents).map_err(|e| fail("write", &path, e))?;
    Ok(path)
}
