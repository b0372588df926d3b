//! Writing a file the user named (`overhead handout --out`): atomically where that is safe,
//! streamed where it is not, refused where it would do harm (issue 25).
//!
//! Replacing a file by renaming a finished temporary file over it means a reader never
//! sees half a PDF; but a rename replaces whatever the name points at. So:
//!
//! - a **regular file** (or a link to one) is replaced atomically, and the new file keeps
//!   the old one's mode and, where the system allows, its owner (a 0600 file stays 0600;
//!   where the owner cannot be kept, the file is rewritten in place instead); a link stays
//!   a link, its target replaced;
//! - a **new name** in an existing directory is written atomically too;
//! - a **character device or a pipe** (`/dev/null`, `/dev/stdout` into a pipe or a
//!   terminal, a FIFO) is written to as it is, never replaced;
//! - a **directory**, a **block device** (a disk) or a **socket** is refused by name, and so
//!   is a path ending in `/`;
//! - `-` is standard output (refused when that is a terminal: a PDF is not for reading
//!   there).
//!
//! Messages name the path cleaned of control characters ([`crate::text::clean`]), once.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::t;

/// Longest path quoted in a message, characters.
const PATH_CHARS: usize = 160;

/// Where the output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputTarget {
    /// Standard output (`-`).
    Stdout,
    /// A path.
    Path(PathBuf),
}

impl OutputTarget {
    /// `-` is standard output; anything else a path.
    pub fn from_arg(arg: &Path) -> Self {
        if arg.as_os_str() == "-" {
            OutputTarget::Stdout
        } else {
            OutputTarget::Path(arg.to_path_buf())
        }
    }

    /// How messages name it: the path cleaned of control characters and cut to a line,
    /// or "standard output".
    pub fn shown(&self) -> String {
        match self {
            OutputTarget::Stdout => t!("output-stdout"),
            OutputTarget::Path(path) => shown_path(path),
        }
    }
}

/// `path` as messages show it: one printable line.
pub fn shown_path(path: &Path) -> String {
    crate::text::clean(&path.display().to_string(), PATH_CHARS)
}

/// Why the output could not be written; the message names the path once.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// The path names something that must not be written over.
    #[error("{}", t!("output-refused", path = path.clone(), kind = *kind))]
    Refused {
        /// The path, as shown.
        path: String,
        /// What it is: `directory`, `block-device`, `socket`, `slash`, `terminal`.
        kind: &'static str,
    },
    /// Writing failed.
    #[error("{}", t!("output-failed", path = path.clone(), error = crate::text::clean(&message.clone(), 200)))]
    Failed {
        /// The path, as shown.
        path: String,
        /// What the system said.
        message: String,
    },
}

/// How a write went about it (for tests and messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A temporary file renamed over the name.
    Replaced,
    /// Written as it is (a device, a pipe, standard output, or in place to keep its owner).
    Streamed,
}

/// Writes `bytes` to `target` by the rules in the module docs.
pub fn write_output(target: &OutputTarget, bytes: &[u8]) -> Result<Written, OutputError> {
    match target {
        OutputTarget::Stdout => write_stdout(bytes),
        OutputTarget::Path(path) => write_path(path, bytes),
    }
}

fn write_stdout(bytes: &[u8]) -> Result<Written, OutputError> {
    use std::io::IsTerminal as _;
    let failed = |e: std::io::Error| OutputError::Failed {
        path: t!("output-stdout"),
        message: e.to_string(),
    };
    let mut out = std::io::stdout().lock();
    if out.is_terminal() {
        return Err(OutputError::Refused {
            path: t!("output-stdout"),
            kind: "terminal",
        });
    }
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(failed)?;
    Ok(Written::Streamed)
}

fn write_path(path: &Path, bytes: &[u8]) -> Result<Written, OutputError> {
    let shown = shown_path(path);
    let refused = |kind| OutputError::Refused {
        path: shown.clone(),
        kind,
    };
    let failed = |e: std::io::Error| OutputError::Failed {
        path: shown.clone(),
        message: e.to_string(),
    };
    let metadata = match fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(refused("directory")),
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        // "out.pdf/" over a file: the system says "Not a directory"; said plainly below.
        Err(_) if ends_with_separator(path) => None,
        Err(e) => return Err(failed(e)),
    };
    // "new.pdf/" names a directory that is not there: not a file to write.
    if ends_with_separator(path) {
        return Err(refused("slash"));
    }
    match metadata {
        None => replace(path, bytes, None).map_err(failed),
        Some(m) if m.is_file() => {
            // A link is followed: its target is replaced and the link stays.
            let real = fs::canonicalize(path).map_err(failed)?;
            replace(&real, bytes, Some(&m)).map_err(failed)
        }
        Some(m) => match special_kind(&m) {
            Some(kind) => Err(refused(kind)),
            None => {
                use std::io::IsTerminal as _;
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(failed)?;
                // `--out /dev/stdout` at a terminal: a PDF is not for reading there.
                if file.is_terminal() {
                    return Err(refused("terminal"));
                }
                stream(file, bytes).map_err(failed)
            }
        },
    }
}

fn ends_with_separator(path: &Path) -> bool {
    path.as_os_str()
        .to_string_lossy()
        .ends_with(std::path::MAIN_SEPARATOR)
}

/// What a non-regular file is when it must not be written: a block device or a socket;
/// `None` for what can be streamed to (a character device, a FIFO).
#[cfg(unix)]
fn special_kind(m: &fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt as _;
    let t = m.file_type();
    if t.is_block_device() {
        Some("block-device")
    } else if t.is_socket() {
        Some("socket")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn special_kind(_m: &fs::Metadata) -> Option<&'static str> {
    None
}

/// Writes into an opened device or pipe as it is: no temporary file, nothing replaced.
fn stream(mut file: fs::File, bytes: &[u8]) -> std::io::Result<Written> {
    file.write_all(bytes)?;
    file.flush()?;
    Ok(Written::Streamed)
}

/// Writes a temporary file beside `path` and renames it over `path`, giving it the mode
/// and owner of the file it replaces (`old`). Where the owner cannot be given (another
/// user's file we may write to), the file is rewritten in place instead, keeping both.
fn replace(path: &Path, bytes: &[u8], old: Option<&fs::Metadata>) -> std::io::Result<Written> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => file,
            // A file we may write in a folder we may not: rewritten in place.
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied && old.is_some() => {
                return stream_truncating(path, bytes);
            }
            Err(e) => return Err(e),
        };
        if let Some(old) = old
            && !keep_owner(&file, old)
        {
            drop(file);
            let _ = fs::remove_file(&temp);
            return stream_truncating(path, bytes);
        }
        if let Some(old) = old {
            file.set_permissions(old.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        Ok(Written::Replaced)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Rewrites an existing file in place (its mode and owner untouched).
fn stream_truncating(path: &Path, bytes: &[u8]) -> std::io::Result<Written> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(Written::Streamed)
}

/// Gives `file` the owner and group of `old`; false when that is not allowed.
#[cfg(unix)]
fn keep_owner(file: &fs::File, old: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    let Ok(new) = file.metadata() else {
        return false;
    };
    if new.uid() == old.uid() && new.gid() == old.gid() {
        return true;
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_ok()
}

#[cfg(not(unix))]
fn keep_owner(_file: &fs::File, _old: &fs::Metadata) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_private_file_stays_private_and_a_link_stays_a_link() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("h.pdf");
        fs::write(&file, b"old").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("link.pdf");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let written = write_output(&OutputTarget::Path(link.clone()), b"new").unwrap();
        assert_eq!(written, Written::Replaced);
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&file).unwrap(), b"new");
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary file left"
        );
    }

    #[test]
    fn a_directory_or_a_trailing_slash_is_refused_once_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_output(&OutputTarget::Path(dir.path().to_path_buf()), b"x").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("is a directory"), "{text}");
        assert_eq!(text.matches(&*shown_path(dir.path())).count(), 1, "{text}");
        let slash = PathBuf::from(format!("{}/new.pdf/", dir.path().display()));
        let e = write_output(&OutputTarget::Path(slash), b"x").unwrap_err();
        assert!(e.to_string().contains("ends with /"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn dev_null_is_written_to_not_replaced() {
        let target = OutputTarget::Path(PathBuf::from("/dev/null"));
        assert_eq!(write_output(&target, b"x").unwrap(), Written::Streamed);
        assert!(!fs::metadata("/dev/null").unwrap().file_type().is_file());
    }
}
