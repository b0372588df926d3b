//! Reading local files without trusting them: only regular files, and only so much.
//!
//! A path given by the user (or found in the cache or config directory) may name a FIFO
//! with no writer (opening it blocks forever), `/dev/zero` or `/dev/urandom` (reading never
//! ends), a directory, or a multi-gigabyte file. [`read_bounded`] refuses each of those with
//! an error that says why, before reading more than the limit.
//!
//! This module depends on nothing else in the crate.

use std::io::Read;
use std::path::Path;

/// Size limit for small files: settings, cache metadata, the window's saved state (1 MiB;
/// real ones are a few kilobytes).
pub const SMALL_FILE_MAX_BYTES: u64 = 1024 * 1024;

/// Why [`read_bounded`] refused a file; carried inside the `std::io::Error` it returns
/// (kind `InvalidInput`), so callers that only report the error need not know this type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Refused {
    /// Not a regular file.
    #[error("it is not a regular file ({kind}); refused")]
    NotAFile {
        /// What it is instead, e.g. `"a FIFO"`.
        kind: &'static str,
    },
    /// Larger than the limit.
    #[error("it is larger than the {limit_bytes}-byte limit; refused")]
    TooLarge {
        /// The limit, bytes.
        limit_bytes: u64,
    },
}

/// The contents of the regular file at `path`, refused if it is not a regular file or
/// holds more than `limit_bytes`.
///
/// The file type is checked before opening (opening a FIFO for reading blocks until a
/// writer appears) and again on the opened file; at most `limit_bytes + 1` bytes are read,
/// so a file that grows while being read is refused too.
pub fn read_bounded(path: &Path, limit_bytes: u64) -> std::io::Result<Vec<u8>> {
    let refused = |why: Refused| std::io::Error::new(std::io::ErrorKind::InvalidInput, why);
    let metadata = std::fs::metadata(path)?;
    check_regular(&metadata).map_err(refused)?;
    if metadata.len() > limit_bytes {
        return Err(refused(Refused::TooLarge { limit_bytes }));
    }
    let file = std::fs::File::open(path)?;
    check_regular(&file.metadata()?).map_err(refused)?;
    let mut bytes = Vec::new();
    file.take(limit_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit_bytes {
        return Err(refused(Refused::TooLarge { limit_bytes }));
    }
    Ok(bytes)
}

/// The [`Refused`] inside an error from [`read_bounded`], if that is why it failed.
pub fn refusal(e: &std::io::Error) -> Option<&Refused> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<Refused>())
}

fn check_regular(metadata: &std::fs::Metadata) -> Result<(), Refused> {
    let file_type = metadata.file_type();
    if file_type.is_file() {
        Ok(())
    } else if file_type.is_dir() {
        Err(Refused::NotAFile {
            kind: "a directory",
        })
    } else {
        Err(Refused::NotAFile {
            kind: special_kind(&file_type),
        })
    }
}

#[cfg(unix)]
fn special_kind(file_type: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "not a plain file"
    }
}

#[cfg(not(unix))]
fn special_kind(_file_type: &std::fs::FileType) -> &'static str {
    "not a plain file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_over_the_limit_is_refused_without_reading_it_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        std::fs::write(&path, vec![b'x'; 1001]).unwrap();
        let e = read_bounded(&path, 1000).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refused::TooLarge { limit_bytes: 1000 }));
        assert_eq!(read_bounded(&path, 1001).unwrap().len(), 1001);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_directories_are_refused() {
        let e = read_bounded(Path::new("/dev/zero"), 1000).unwrap_err();
        assert_eq!(
            refusal(&e),
            Some(&Refused::NotAFile {
                kind: "a character device"
            })
        );
        let dir = tempfile::tempdir().unwrap();
        let e = read_bounded(dir.path(), 1000).unwrap_err();
        assert!(e.to_string().contains("a directory"), "{e}");
    }
}
