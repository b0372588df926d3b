//! Turning bytes into element text: gzip inflated within a limit, UTF-16 with a
//! byte-order mark read, binary files refused; and reading a local element file safely.
//! Used for downloads, the cache, `--elements` files and the bundled snapshot alike.

use std::io::Read;
use std::path::Path;

use super::error::FetchError;

/// The text of cached, downloaded or local bytes.
///
/// Gzip (recognised by its magic number, whatever the headers or the file name say) is
/// inflated, and refused as soon as it passes `limit_bytes`. Text starting with a UTF-16
/// byte-order mark is read as UTF-16. Invalid UTF-8 is replaced by `�`.
pub fn decode_text(name: &str, bytes: &[u8], limit_bytes: u64) -> Result<String, FetchError> {
    const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
    if bytes.starts_with(&GZIP_MAGIC) {
        let mut inflated = Vec::new();
        let decoder = flate2::read::GzDecoder::new(bytes);
        decoder
            .take(limit_bytes.saturating_add(1))
            .read_to_end(&mut inflated)
            .map_err(|e| FetchError::Truncated {
                url: name.to_owned(),
                message: format!("gzip data is damaged: {e}"),
            })?;
        if inflated.len() as u64 > limit_bytes {
            return Err(FetchError::InflatesTooLarge {
                url: name.to_owned(),
                limit_bytes,
            });
        }
        check_no_nul(name, &inflated)?;
        return Ok(text_of(inflated));
    }
    if let Some(text) = utf16_text(bytes) {
        return Ok(text);
    }
    check_no_nul(name, bytes)?;
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// [`decode_text`] taking the bytes: plain UTF-8 becomes the text without a copy, so a
/// 64 MiB file is held once, not twice.
pub fn decode_text_owned(
    name: &str,
    bytes: Vec<u8>,
    limit_bytes: u64,
) -> Result<String, FetchError> {
    const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
    if bytes.starts_with(&GZIP_MAGIC) || utf16_bom(&bytes) {
        return decode_text(name, &bytes, limit_bytes);
    }
    check_no_nul(name, &bytes)?;
    Ok(text_of(bytes))
}

fn utf16_bom(bytes: &[u8]) -> bool {
    matches!(bytes, [0xff, 0xfe, ..] | [0xfe, 0xff, ..])
}

/// Refuses bytes holding NUL, naming UTF-16 without a byte-order mark when every other
/// byte of the start is zero (what Windows "Unicode" text of plain ASCII looks like).
fn check_no_nul(name: &str, bytes: &[u8]) -> Result<(), FetchError> {
    if !bytes.contains(&0) {
        return Ok(());
    }
    let start = bytes.get(..512).unwrap_or(bytes);
    let zeros_at = |parity: usize| {
        let slots = start.iter().skip(parity).step_by(2);
        let (zeros, all) = slots.fold((0_usize, 0_usize), |(z, n), &b| {
            (z + usize::from(b == 0), n + 1)
        });
        all >= 2 && zeros * 10 >= all * 9
    };
    let why = if zeros_at(0) || zeros_at(1) {
        "it looks like UTF-16 text without a byte-order mark (every other byte is zero); save it as UTF-8"
    } else {
        "it holds NUL bytes, so it is a binary file, not element text"
    };
    Err(FetchError::NotText {
        url: name.to_owned(),
        why,
    })
}

/// UTF-8 bytes as text without a second copy (invalid sequences replaced).
fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The text of bytes starting with a UTF-16 byte-order mark (`FF FE` little-endian,
/// `FE FF` big-endian), as Windows editors save "Unicode" text; `None` without one.
fn utf16_text(bytes: &[u8]) -> Option<String> {
    let (rest, little_endian) = match bytes {
        [0xff, 0xfe, rest @ ..] => (rest, true),
        [0xfe, 0xff, rest @ ..] => (rest, false),
        _ => return None,
    };
    let units = rest.chunks(2).map(|pair| match pair {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        // An odd last byte: a cut-off file; it reads as a replacement character.
        _ => 0xfffd,
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Reads a local element file with [`crate::files::read_bounded`]: only a regular file
/// (so reading can neither block nor run forever), and at most `limit_bytes` of it.
pub(crate) fn read_file_limited(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, FetchError> {
    use crate::files::{Refused, read_bounded, refusal};
    read_bounded(path, limit_bytes).map_err(|e| match refusal(&e) {
        Some(Refused::NotAFile { kind }) => FetchError::NotAFile {
            path: path.to_path_buf(),
            kind,
        },
        Some(Refused::TooLarge { .. }) => FetchError::TooLarge {
            url: path.display().to_string(),
            limit_bytes,
        },
        _ => FetchError::FileRead {
            path: path.to_path_buf(),
            message: e.to_string(),
        },
    })
}

/// Reads a local element file for `overhead passes --elements`: the same checks as a
/// fetched local file (a regular file, at most `limit_bytes` read and at most
/// `limit_bytes` after inflating gzip), as text.
pub fn read_element_file(path: &Path, limit_bytes: u64) -> Result<String, FetchError> {
    let bytes = read_file_limited(path, limit_bytes)?;
    decode_text_owned(&path.display().to_string(), bytes, limit_bytes)
}
