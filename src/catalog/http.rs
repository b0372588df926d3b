//! One HTTP exchange with a source's server, checked: same-host redirects only, the size
//! and time limits, HTML pages, CelesTrak's "not updated" and "No GP data" answers,
//! truncated bodies. [`check_body`] also checks an imported local file. Writes nothing:
//! `fetch` decides what to keep.

use std::io::Read;
use std::time::{Duration as StdDuration, Instant};

use reqwest::{StatusCode, Url};

use super::decode::decode_text;
use super::error::{EXCERPT_CHARS, FetchError};
use super::policy::{
    DEFAULT_MIN_BYTES_PER_S, DEFAULT_STALL_GRACE, max_element_bytes, read_timeout, total_timeout,
};
use super::proxy::ProxySettings;
use super::sources::{check_url, without_credentials};
use crate::orbit::{ElementFormat, ElementSet, detect_format, parse_elements};

/// Redirects followed within the same host before giving up.
const MAX_SAME_HOST_REDIRECTS: usize = 5;

/// How a [`Fetcher`] talks to servers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchConfig {
    /// CelesTrak base URL (see [`super::celestrak_base_url`]).
    pub celestrak_base_url: String,
    /// Longest single wait: connecting, or between two chunks of the body.
    pub read_timeout: StdDuration,
    /// Longest whole request, from connecting to the last byte.
    pub total_timeout: StdDuration,
    /// Answers (and local files) larger than this are refused while reading, bytes.
    pub max_body_bytes: u64,
    /// `User-Agent` sent with every request.
    pub user_agent: String,
    /// After this long, a download that cannot finish within `total_timeout` at the rate
    /// it arrives (or, of unknown length, arrives slower than `min_bytes_per_s`) is given
    /// up ([`FetchError::TooSlow`]) instead of dripping on to the total limit.
    pub stall_grace: StdDuration,
    /// Slowest rate accepted for an answer of unknown length after `stall_grace`, bytes/s.
    pub min_bytes_per_s: u64,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            celestrak_base_url: super::sources::DEFAULT_CELESTRAK_BASE_URL.to_owned(),
            read_timeout: read_timeout(),
            total_timeout: total_timeout(),
            max_body_bytes: max_element_bytes(),
            user_agent: format!(
                "overhead/{} (satellite pass predictor)",
                env!("CARGO_PKG_VERSION")
            ),
            stall_grace: DEFAULT_STALL_GRACE,
            min_bytes_per_s: DEFAULT_MIN_BYTES_PER_S,
        }
    }
}

/// A good body: the text and the element sets read from it.
pub(super) struct Downloaded {
    pub(super) bytes: Vec<u8>,
    pub(super) sets: Vec<ElementSet>,
    pub(super) skipped: usize,
    pub(super) etag: Option<String>,
    pub(super) last_modified: Option<String>,
}

/// How a refresh advances, for the user: said at once when it must wait for another
/// process, and about once a second while an answer arrives.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FetchProgress {
    /// Another Overhead process is refreshing the same source; this one waits for it.
    WaitingForOther,
    /// The answer is arriving.
    Receiving {
        /// Bytes received so far.
        received_bytes: u64,
        /// The answer's announced length, if any.
        expected_bytes: Option<u64>,
        /// Time since the request began.
        elapsed: StdDuration,
    },
}

/// How often a download reports its progress.
const PROGRESS_EVERY: StdDuration = StdDuration::from_secs(1);

/// What one HTTP exchange came to.
pub(super) enum Answer {
    Data(Downloaded),
    NotModified,
}

/// What to do with a body longer than the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PastLimit {
    /// Refuse it ([`FetchError::TooLarge`]).
    Refuse,
    /// Keep its start (an error page, quoted in the message).
    KeepStart,
}

/// The HTTP client with its configuration (no automatic redirects: they are checked here)
/// and the proxies the environment names (read here: see [`super::proxy`]).
#[derive(Debug)]
pub(super) struct HttpClient {
    pub(super) config: FetchConfig,
    pub(super) proxies: std::sync::Arc<ProxySettings>,
    client: reqwest::blocking::Client,
}

impl HttpClient {
    /// A client for `config`, with the environment's proxies.
    pub(super) fn new(config: FetchConfig) -> Result<Self, FetchError> {
        let proxies = std::sync::Arc::new(ProxySettings::from_env());
        let mut builder = reqwest::blocking::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.read_timeout)
            .timeout(config.read_timeout)
            .redirect(reqwest::redirect::Policy::none())
            // The environment's proxies as judged here, nothing the client reads itself.
            .no_proxy();
        let chosen = proxies.clone();
        builder = builder.proxy(reqwest::Proxy::custom(move |url| {
            chosen.for_url(url).map(|target| target.url.clone())
        }));
        let client = builder.build().map_err(|e| FetchError::ClientSetup {
            message: error_chain(&e),
        })?;
        Ok(Self {
            config,
            proxies,
            client,
        })
    }

    /// One GET, following same-host redirects, with the checks of the module docs;
    /// `progress` hears how the answer arrives.
    pub(super) fn download(
        &self,
        url: &Url,
        validators: (Option<String>, Option<String>),
        progress: &dyn Fn(&FetchProgress),
    ) -> Result<Answer, FetchError> {
        let started = Instant::now();
        let original = without_credentials(url.as_str());
        let mut current = url.clone();
        for _ in 0..=MAX_SAME_HOST_REDIRECTS {
            let mut request = self.client.get(current.clone());
            if let Some(etag) = &validators.0 {
                request = request.header(reqwest::header::IF_NONE_MATCH, etag);
            }
            if let Some(last_modified) = &validators.1 {
                request = request.header(reqwest::header::IF_MODIFIED_SINCE, last_modified);
            }
            let response = request
                .send()
                .map_err(|e| self.request_error(&current, &original, &e))?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                current = self.redirect_target(&original, &current, &response)?;
                continue;
            }
            return self.read_answer(&original, response, started, progress);
        }
        Err(FetchError::BadRedirect { url: original })
    }

    fn redirect_target(
        &self,
        original: &str,
        current: &Url,
        response: &reqwest::blocking::Response,
    ) -> Result<Url, FetchError> {
        let target = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| FetchError::BadRedirect {
                url: original.to_owned(),
            })?;
        let next = current
            .join(target)
            .map_err(|_| FetchError::RedirectRefused {
                url: original.to_owned(),
                to: without_credentials(target),
            })?;
        let same_origin = next.host_str() == current.host_str()
            && next.port_or_known_default() == current.port_or_known_default()
            && (next.scheme() == current.scheme() || next.scheme() == "https");
        if !same_origin || check_url(next.as_str()).is_err() {
            return Err(FetchError::RedirectRefused {
                url: original.to_owned(),
                to: without_credentials(next.as_str()),
            });
        }
        Ok(next)
    }

    fn read_answer(
        &self,
        url: &str,
        mut response: reqwest::blocking::Response,
        started: Instant,
        progress: &dyn Fn(&FetchProgress),
    ) -> Result<Answer, FetchError> {
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Answer::NotModified);
        }
        let content_type = header_text(&response, reqwest::header::CONTENT_TYPE);
        if !status.is_success() {
            // Error pages are short; read only the start to quote it (the quote itself is
            // cut to a line, see `excerpt`).
            let body = self
                .read_body_up_to(
                    url,
                    &mut response,
                    (started, progress),
                    16 * 1024,
                    PastLimit::KeepStart,
                )
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&body);
            if status == StatusCode::FORBIDDEN && says_not_updated(&text) {
                return Ok(Answer::NotModified);
            }
            return Err(FetchError::HttpStatus {
                url: url.to_owned(),
                status: status.to_string(),
                excerpt: excerpt(&text, content_type.as_deref()),
            });
        }
        if let Some(length) = response.content_length()
            && length > self.config.max_body_bytes
        {
            return Err(FetchError::TooLarge {
                url: url.to_owned(),
                limit_bytes: self.config.max_body_bytes,
            });
        }
        let etag = header_text(&response, reqwest::header::ETAG);
        let last_modified = header_text(&response, reqwest::header::LAST_MODIFIED);
        let bytes = self.read_body_up_to(
            url,
            &mut response,
            (started, progress),
            self.config.max_body_bytes,
            PastLimit::Refuse,
        )?;
        let text = String::from_utf8_lossy(&bytes);
        if says_not_updated(&text) && text.len() < 1024 {
            return Ok(Answer::NotModified);
        }
        check_body(
            url,
            bytes,
            BodyFrom::Server {
                content_type: content_type.as_deref(),
                etag,
                last_modified,
            },
            self.config.max_body_bytes,
        )
        .map(Answer::Data)
    }

    /// Reads the body up to `limit_bytes` or the total timeout; past the limit, refuses it,
    /// or with [`PastLimit::KeepStart`] returns its first `limit_bytes` (enough to quote an
    /// error page). Its progress is told about once a second, and an answer too slow to
    /// finish in time is given up early ([`FetchConfig::stall_grace`]).
    fn read_body_up_to(
        &self,
        url: &str,
        response: &mut reqwest::blocking::Response,
        (started, progress): (Instant, &dyn Fn(&FetchProgress)),
        limit_bytes: u64,
        past_limit: PastLimit,
    ) -> Result<Vec<u8>, FetchError> {
        let expected_bytes = response.content_length();
        let mut body = Vec::new();
        let mut chunk = vec![0_u8; 64 * 1024];
        let mut told_at = started;
        loop {
            let elapsed = started.elapsed();
            if elapsed > self.config.total_timeout {
                return Err(FetchError::Timeout {
                    url: url.to_owned(),
                    timeout_s: self.config.total_timeout.as_secs_f64(),
                });
            }
            if told_at.elapsed() >= PROGRESS_EVERY {
                told_at = Instant::now();
                progress(&FetchProgress::Receiving {
                    received_bytes: body.len() as u64,
                    expected_bytes,
                    elapsed,
                });
            }
            if self.is_hopeless(body.len() as u64, expected_bytes, elapsed) {
                return Err(FetchError::TooSlow {
                    url: url.to_owned(),
                    received_bytes: body.len() as u64,
                    expected_bytes,
                    elapsed_s: elapsed.as_secs_f64(),
                });
            }
            let read = match response.read(&mut chunk) {
                Ok(0) => return Ok(body),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.body_error(url, &e, body.len())),
            };
            if body.len() as u64 + read as u64 > limit_bytes {
                if past_limit == PastLimit::KeepStart {
                    let room = usize::try_from(limit_bytes)
                        .unwrap_or(usize::MAX)
                        .saturating_sub(body.len());
                    body.extend_from_slice(chunk.get(..read.min(room)).unwrap_or_default());
                    return Ok(body);
                }
                return Err(FetchError::TooLarge {
                    url: url.to_owned(),
                    limit_bytes,
                });
            }
            body.extend_from_slice(chunk.get(..read).unwrap_or_default());
        }
    }

    /// True when, `elapsed` into the request with `received` bytes of `expected`, the
    /// answer cannot finish within the total time limit at the rate it has come so far (or,
    /// of unknown length, comes slower than [`FetchConfig::min_bytes_per_s`]).
    fn is_hopeless(&self, received: u64, expected: Option<u64>, elapsed: StdDuration) -> bool {
        if elapsed < self.config.stall_grace {
            return false;
        }
        let rate = received as f64 / elapsed.as_secs_f64().max(1e-3);
        match expected {
            Some(expected) => {
                let left_s = (self.config.total_timeout.saturating_sub(elapsed)).as_secs_f64();
                expected.saturating_sub(received) as f64 > rate * left_s
            }
            None => rate < self.config.min_bytes_per_s as f64,
        }
    }

    /// What a failed request means: no network, an unusable proxy, no answer in time, or
    /// another network error. `asked` is the URL as sent, `url` as shown.
    fn request_error(&self, asked: &Url, url: &str, e: &reqwest::Error) -> FetchError {
        let why = unreachable_why(e, self.config.read_timeout);
        if e.is_connect()
            && let Some(proxy) = self.proxies.for_url(asked)
        {
            return FetchError::ProxyUnreachable {
                proxy: proxy.shown.clone(),
                url: url.to_owned(),
                why: why.unwrap_or_else(|| without_credentials(&error_chain(e))),
            };
        }
        match why {
            Some(why) if e.is_connect() => FetchError::Offline {
                url: url.to_owned(),
                host: asked.host_str().unwrap_or_default().to_owned(),
                why,
            },
            _ if e.is_timeout() => FetchError::Timeout {
                url: url.to_owned(),
                timeout_s: self.config.read_timeout.as_secs_f64(),
            },
            _ => FetchError::Network {
                url: url.to_owned(),
                message: without_credentials(&error_chain(e)),
            },
        }
    }

    fn body_error(&self, url: &str, e: &std::io::Error, received_bytes: usize) -> FetchError {
        let is_timeout = e.kind() == std::io::ErrorKind::TimedOut
            || e.get_ref()
                .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                .is_some_and(reqwest::Error::is_timeout);
        if is_timeout {
            FetchError::Timeout {
                url: url.to_owned(),
                timeout_s: self.config.read_timeout.as_secs_f64(),
            }
        } else {
            FetchError::Truncated {
                url: url.to_owned(),
                message: format!(
                    "the connection ended after {received_bytes} bytes ({})",
                    error_chain(e)
                ),
            }
        }
    }
}

/// Where a body to check came from.
pub(super) enum BodyFrom<'a> {
    /// A server's answer, with its `Content-Type` and HTTP validators.
    Server {
        /// The `Content-Type` header.
        content_type: Option<&'a str>,
        /// The `ETag` header.
        etag: Option<String>,
        /// The `Last-Modified` header.
        last_modified: Option<String>,
    },
    /// A local file: no header says what it is.
    LocalFile,
}

/// Checks that `bytes` is element data and reads it; gzip may inflate to `limit_bytes`.
pub(super) fn check_body(
    name: &str,
    bytes: Vec<u8>,
    from: BodyFrom<'_>,
    limit_bytes: u64,
) -> Result<Downloaded, FetchError> {
    let (content_type, etag, last_modified) = match from {
        BodyFrom::Server {
            content_type,
            etag,
            last_modified,
        } => (content_type, etag, last_modified),
        BodyFrom::LocalFile => (None, None, None),
    };
    let text = decode_text(name, &bytes, limit_bytes)?;
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(FetchError::Empty {
            url: name.to_owned(),
        });
    }
    let looks_like_html = trimmed.starts_with('<')
        || content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html"));
    if looks_like_html {
        return Err(FetchError::HtmlPage {
            url: name.to_owned(),
            excerpt: excerpt(&text, Some("text/html")),
        });
    }
    if trimmed.len() < 200 && trimmed.to_ascii_lowercase().contains("no gp data found") {
        return Err(FetchError::NoGpData {
            url: name.to_owned(),
        });
    }
    let parsed = parse_elements(&text, name).map_err(|e| FetchError::Unusable {
        url: name.to_owned(),
        message: e.to_string(),
    })?;
    // One good set among millions of junk lines is not element data (issue 25): refused,
    // so that the cache keeps what it had and every later start does not read the junk.
    if parsed.is_mostly_junk() {
        return Err(FetchError::MostlyJunk {
            url: name.to_owned(),
            skipped: parsed.skipped,
            records: parsed.records,
            first: parsed
                .warnings
                .first()
                .map(ToString::to_string)
                .unwrap_or_default(),
        });
    }
    // A TLE or CSV body cut off mid-line still parses (the last record is skipped); a
    // complete one ends with a line break, so a skipped record without one means truncation.
    let ends_mid_line = !text.ends_with('\n') && !text.ends_with('\r');
    if ends_mid_line && parsed.skipped > 0 && detect_format(&text) != ElementFormat::OmmJson {
        return Err(FetchError::Truncated {
            url: name.to_owned(),
            message: "it ends in the middle of a record".to_owned(),
        });
    }
    Ok(Downloaded {
        skipped: parsed.skipped,
        sets: parsed.sets,
        bytes,
        etag,
        last_modified,
    })
}

/// True for CelesTrak's "GP data has not updated since your last successful download" answer.
fn says_not_updated(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("has not updated")
        || lower.contains("not been updated")
        || lower.contains("not updated since")
}

fn header_text(
    response: &reqwest::blocking::Response,
    name: reqwest::header::HeaderName,
) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The first words of an error answer, on one line; HTML tags dropped.
fn excerpt(text: &str, content_type: Option<&str>) -> String {
    let is_html =
        content_type.is_some_and(|t| t.contains("html")) || text.trim_start().starts_with('<');
    let visible: String = if is_html {
        let mut inside_tag = false;
        text.chars()
            .map(|c| match c {
                '<' => {
                    inside_tag = true;
                    ' '
                }
                '>' => {
                    inside_tag = false;
                    ' '
                }
                _ if inside_tag => ' ',
                c => c,
            })
            .collect()
    } else {
        text.to_owned()
    };
    crate::text::clean(&visible, EXCERPT_CHARS + 1)
}

/// Why a connection could not be made, in a few words, when the network itself is the
/// cause: the name could not be resolved, the connection was refused, no route, no
/// network, no answer to the connection in time. `None` for any other failure.
fn unreachable_why(e: &reqwest::Error, connect_timeout: StdDuration) -> Option<String> {
    use std::io::ErrorKind;
    let mut source: Option<&dyn std::error::Error> = Some(e);
    let mut texts = String::new();
    while let Some(inner) = source {
        if let Some(io) = inner.downcast_ref::<std::io::Error>() {
            let why = match io.kind() {
                ErrorKind::ConnectionRefused => Some(crate::t!("catalog-why-refused")),
                ErrorKind::NetworkUnreachable | ErrorKind::NetworkDown => {
                    Some(crate::t!("catalog-why-no-network"))
                }
                ErrorKind::HostUnreachable => Some(crate::t!("catalog-why-no-route")),
                ErrorKind::TimedOut => Some(crate::t!(
                    "catalog-why-no-answer",
                    seconds = format!("{:.0}", connect_timeout.as_secs_f64())
                )),
                _ => None,
            };
            if why.is_some() {
                return why;
            }
        }
        texts.push_str(&inner.to_string().to_ascii_lowercase());
        texts.push(' ');
        source = inner.source();
    }
    let resolver = [
        "dns error",
        "failed to lookup address",
        "name or service not known",
    ];
    if resolver.iter().any(|t| texts.contains(t)) {
        Some(crate::t!("catalog-why-dns"))
    } else if texts.contains("no route to host") {
        Some(crate::t!("catalog-why-no-route"))
    } else if texts.contains("network is unreachable") {
        Some(crate::t!("catalog-why-no-network"))
    } else if texts.contains("connection refused") {
        Some(crate::t!("catalog-why-refused"))
    } else if e.is_connect() && e.is_timeout() {
        Some(crate::t!(
            "catalog-why-no-answer",
            seconds = format!("{:.0}", connect_timeout.as_secs_f64())
        ))
    } else {
        None
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        let inner_text = inner.to_string();
        if !message.contains(&inner_text) {
            message.push_str(": ");
            message.push_str(&inner_text);
        }
        source = inner.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::policy::DEFAULT_MAX_BODY_BYTES;

    #[test]
    fn celestrak_not_updated_answer_is_recognised() {
        let body = "GP data has not updated since your last successful\r\ndownload of GROUP=starlink at 2026-03-27 08:11:36 UTC.\r\nData is updated once every 2 hours.";
        assert!(says_not_updated(body));
        assert!(!says_not_updated("Forbidden"));
    }

    #[test]
    fn html_excerpt_keeps_only_the_words() {
        let text =
            "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad</h1></body></html>";
        assert_eq!(excerpt(text, Some("text/html")), "502 Bad Gateway Bad");
    }

    #[test]
    fn truncated_tle_without_final_line_break_is_refused() {
        let tle = "ISS (ZARYA)\n1 25544U 98067A   26234.50053383  .00010000  00000-0  18000-3 0  9990\n2 25544  51.6400 100.0000 0003000  90.0000 270.0000 15.50000000 10000";
        let complete = include_str!("../../tests/data/fixture_elements.tle");
        let cut = format!("{complete}{tle}");
        let result = check_body(
            "x",
            cut.into_bytes(),
            BodyFrom::Server {
                content_type: None,
                etag: None,
                last_modified: None,
            },
            DEFAULT_MAX_BODY_BYTES,
        );
        assert!(
            matches!(result, Err(FetchError::Truncated { .. })),
            "{:?}",
            result.err()
        );
    }
}
