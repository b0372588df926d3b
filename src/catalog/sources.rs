//! Where element sets come from: CelesTrak GP queries, custom URLs and local files.
//!
//! A [`Source`] is one query, one URL or one file; each has its own cache entry and its
//! own two-hour clock. A [`BuiltinGroup`] is what the settings and the UI offer as a
//! checkbox: most are one CelesTrak `GROUP=` query, and "in the news" is a short list of
//! `CATNR=` queries.

use std::net::IpAddr;
use std::path::PathBuf;

use reqwest::Url;

/// CelesTrak's base URL; the GP query path [`GP_QUERY_PATH`] is appended to it.
pub const DEFAULT_CELESTRAK_BASE_URL: &str = "https://celestrak.org";

/// Environment variable that overrides the CelesTrak base URL setting (e.g. a school's mirror).
pub const CELESTRAK_URL_ENV: &str = "OVERHEAD_CELESTRAK_URL";

/// Path of CelesTrak's GP query endpoint below the base URL.
pub const GP_QUERY_PATH: &str = "/NORAD/elements/gp.php";

/// Why a source cannot be used as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// The text is not a URL at all.
    #[error("{url:?} is not a valid URL: {message}")]
    BadUrl {
        /// The URL as given.
        url: String,
        /// What the URL parser said.
        message: String,
    },
    /// Plain `http://` to a host that is not this machine.
    #[error(
        "{url} uses plain http:// to another machine; use https:// (plain http is allowed only to localhost)"
    )]
    InsecureHttp {
        /// The URL as given.
        url: String,
    },
    /// A CelesTrak query with nothing to ask for (`GROUP=` with an empty name).
    #[error("CelesTrak {parameter}= needs a value; an empty query is not sent")]
    EmptyQuery {
        /// The query parameter, e.g. `"GROUP"`.
        parameter: &'static str,
    },
    /// A scheme other than `https` (or `http` to loopback).
    #[error("{url} uses the {scheme}: scheme; only https:// URLs and local files are supported")]
    UnsupportedScheme {
        /// The URL as given.
        url: String,
        /// Its scheme.
        scheme: String,
    },
}

/// The answer format asked of CelesTrak (`FORMAT=`). All three are read by
/// [`crate::orbit::parse_elements`], which detects the format from the content.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum GpFormat {
    /// OMM JSON (the default: catalog numbers above 99,999 have no TLE form).
    #[default]
    Json,
    /// OMM CSV.
    Csv,
    /// Three-line TLE.
    Tle,
}

impl GpFormat {
    /// The value of CelesTrak's `FORMAT=` parameter.
    pub fn query_value(self) -> &'static str {
        match self {
            GpFormat::Json => "json",
            GpFormat::Csv => "csv",
            GpFormat::Tle => "tle",
        }
    }
}

/// One CelesTrak GP query.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum GpQuery {
    /// `GROUP=<name>`, e.g. `stations`, `visual`, `active`.
    Group(String),
    /// `CATNR=<number>`: one satellite by NORAD catalog number.
    Catnr(u64),
    /// `NAME=<text>`: satellites whose name contains the text.
    Name(String),
    /// `INTDES=<yyyy-nnn>`: every object of one launch (COSPAR designator).
    Intdes(String),
}

impl GpQuery {
    /// The query parameter name and value, e.g. `("GROUP", "stations")`.
    pub fn parameter(&self) -> (&'static str, String) {
        match self {
            GpQuery::Group(group) => ("GROUP", group.clone()),
            GpQuery::Catnr(catnr) => ("CATNR", catnr.to_string()),
            GpQuery::Name(name) => ("NAME", name.clone()),
            GpQuery::Intdes(intdes) => ("INTDES", intdes.clone()),
        }
    }
}

/// One place element sets are read from. Each source has its own cache entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Source {
    /// A CelesTrak GP query, sent to the configured base URL.
    CelesTrak {
        /// What to ask for.
        query: GpQuery,
        /// In which format.
        format: GpFormat,
    },
    /// Any `https://` URL (or `http://` to this machine) serving TLE, OMM JSON or OMM CSV.
    Url(String),
    /// A local file holding TLE, OMM JSON or OMM CSV; refreshing it copies it into the cache.
    File(PathBuf),
}

/// Where a [`Source`] is actually read from, once the base URL is applied and the URL checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// An HTTP(S) URL that passed [`check_url`].
    Http(Url),
    /// A local file.
    File(PathBuf),
}

/// Shown without the URL's user name and password (they are sent, never printed nor
/// stored: see [`without_credentials`]).
impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Http(url) => write!(f, "{}", without_credentials(url.as_str())),
            Location::File(path) => write!(f, "{}", path.display()),
        }
    }
}

impl Source {
    /// CelesTrak `GROUP=<group>` as OMM JSON.
    pub fn group(group: &str) -> Self {
        Source::CelesTrak {
            query: GpQuery::Group(group.to_owned()),
            format: GpFormat::Json,
        }
    }

    /// CelesTrak `CATNR=<norad_id>` as OMM JSON.
    pub fn catnr(norad_id: u64) -> Self {
        Source::CelesTrak {
            query: GpQuery::Catnr(norad_id),
            format: GpFormat::Json,
        }
    }

    /// CelesTrak `NAME=<name>` as OMM JSON.
    pub fn name(name: &str) -> Self {
        Source::CelesTrak {
            query: GpQuery::Name(name.to_owned()),
            format: GpFormat::Json,
        }
    }

    /// CelesTrak `INTDES=<designator>` as OMM JSON.
    pub fn intdes(designator: &str) -> Self {
        Source::CelesTrak {
            query: GpQuery::Intdes(designator.to_owned()),
            format: GpFormat::Json,
        }
    }

    /// A source from what a user typed: text with a `scheme://` is a URL, anything else a file path.
    pub fn from_user_input(text: &str) -> Self {
        let trimmed = text.trim();
        if trimmed.contains("://") {
            Source::Url(trimmed.to_owned())
        } else {
            Source::File(PathBuf::from(trimmed))
        }
    }

    /// A short name for lists and messages, e.g. `"CelesTrak GROUP=stations"`.
    pub fn label(&self) -> String {
        match self {
            Source::CelesTrak { query, .. } => {
                let (name, value) = query.parameter();
                format!("CelesTrak {name}={value}")
            }
            Source::Url(url) => without_credentials(url),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// True when refreshing this source makes a network request (2-hour rule and back-off apply).
    pub fn is_remote(&self) -> bool {
        !matches!(self, Source::File(_))
    }

    /// Where to read this source, given the CelesTrak base URL (see [`celestrak_base_url`]).
    ///
    /// URLs are checked with [`check_url`]: `https://`, or `http://` to loopback only.
    pub fn location(&self, celestrak_base_url: &str) -> Result<Location, SourceError> {
        match self {
            Source::CelesTrak { query, format } => {
                let (name, value) = query.parameter();
                if value.trim().is_empty() {
                    return Err(SourceError::EmptyQuery { parameter: name });
                }
                // The query path goes after the base URL's own path, and the query after
                // any query the base URL has (a mirror may need `?key=...`).
                let mut url = check_url(celestrak_base_url)?;
                let path = format!("{}{GP_QUERY_PATH}", url.path().trim_end_matches('/'));
                url.set_path(&path);
                url.set_fragment(None);
                url.query_pairs_mut()
                    .append_pair(name, value.trim())
                    .append_pair("FORMAT", format.query_value());
                Ok(Location::Http(url))
            }
            Source::Url(text) => check_url(text).map(Location::Http),
            Source::File(path) => Ok(Location::File(path.clone())),
        }
    }
}

/// Parses `text` as a URL and applies Overhead's transport rule: `https://` anywhere, plain
/// `http://` only to this machine (`localhost`, 127.0.0.0/8, `::1`), nothing else.
pub fn check_url(text: &str) -> Result<Url, SourceError> {
    // Errors quote the URL without its credentials.
    let shown = || without_credentials(text);
    let url = Url::parse(text.trim()).map_err(|e| SourceError::BadUrl {
        url: shown(),
        message: e.to_string(),
    })?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback_host(url.host_str().unwrap_or("")) => Ok(url),
        "http" => Err(SourceError::InsecureHttp { url: shown() }),
        other => Err(SourceError::UnsupportedScheme {
            url: shown(),
            scheme: other.to_owned(),
        }),
    }
}

/// True for `localhost`, addresses in 127.0.0.0/8 and `::1` (brackets allowed).
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// `text` with the user name and password of every URL in it left out
/// (`https://user:secret@mirror.example/x` → `https://mirror.example/x`), and of a
/// scheme-less `user:secret@host:port`: what messages, labels and the cache's metadata show
/// of a mirror or proxy that needs them (the request itself still sends them).
///
/// ```
/// use overhead::catalog::without_credentials;
/// assert_eq!(
///     without_credentials("cannot reach https://u:p@m.example/gp.php?x=1 (refused)"),
///     "cannot reach https://m.example/gp.php?x=1 (refused)"
/// );
/// assert_eq!(without_credentials("u:p@proxy:3128"), "proxy:3128");
/// ```
pub fn without_credentials(text: &str) -> String {
    if !text.contains("://") {
        return match text.find('@') {
            Some(at) if !text[..at].contains(['/', ' ']) => text[at + 1..].to_owned(),
            _ => text.to_owned(),
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        // The authority (user:password@host:port) ends where the path, query, fragment or
        // the surrounding text begins.
        let end = tail
            .find(|c: char| {
                matches!(c, '/' | '?' | '#' | ')' | '"' | '\'' | '>' | ',') || c.is_whitespace()
            })
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        out.push_str(
            authority
                .rfind('@')
                .map_or(authority, |at| &authority[at + 1..]),
        );
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The CelesTrak base URL to use: the environment variable [`CELESTRAK_URL_ENV`] if set and
/// not empty, else the setting if given and not empty, else [`DEFAULT_CELESTRAK_BASE_URL`].
pub fn celestrak_base_url(setting: Option<&str>) -> String {
    let from_env = std::env::var(CELESTRAK_URL_ENV).ok();
    [from_env.as_deref(), setting]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or(DEFAULT_CELESTRAK_BASE_URL)
        .to_owned()
}

/// A satellite in the built-in "in the news" list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewsSatellite {
    /// NORAD catalog number.
    pub norad_id: u64,
    /// Name as CelesTrak publishes it.
    pub name: &'static str,
    /// Why it is in the news, for a tooltip.
    pub note: &'static str,
}

/// The "in the news" satellites: the North and South Korean reconnaissance satellites,
/// and the three large crewed or famous objects everyone asks about.
///
/// KORSAT-7 (58463) is the 425 Project EO/IR satellite; KORSAT-1 to -4 are the later
/// 425 Project SAR satellites (see `/work/shared/data/korea-recon-sats/PROVENANCE.md`).
pub const NEWS_SATELLITES: &[NewsSatellite] = &[
    NewsSatellite {
        norad_id: 58400,
        name: "MALLIGYONG-1",
        note: "North Korean reconnaissance satellite, launched 2023-11-21",
    },
    NewsSatellite {
        norad_id: 58463,
        name: "KORSAT-7",
        note: "South Korean 425 Project EO/IR satellite, launched 2023-12-01",
    },
    NewsSatellite {
        norad_id: 59452,
        name: "KORSAT-1",
        note: "425 Project SAR satellite (2024-066L)",
    },
    NewsSatellite {
        norad_id: 62377,
        name: "KORSAT-2",
        note: "425 Project SAR satellite (2024-247A)",
    },
    NewsSatellite {
        norad_id: 63630,
        name: "KORSAT-3",
        note: "425 Project SAR satellite (2025-081A)",
    },
    NewsSatellite {
        norad_id: 66293,
        name: "KORSAT-4",
        note: "425 Project SAR satellite (2025-248A)",
    },
    NewsSatellite {
        norad_id: 25544,
        name: "ISS (ZARYA)",
        note: "International Space Station",
    },
    NewsSatellite {
        norad_id: 48274,
        name: "CSS (TIANHE)",
        note: "Chinese space station Tiangong, core module",
    },
    NewsSatellite {
        norad_id: 20580,
        name: "HST",
        note: "Hubble Space Telescope",
    },
];

/// Identifier of the built-in "in the news" group.
pub const NEWS_GROUP_ID: &str = "news";

/// A source group offered by default: one checkbox in the settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltinGroup {
    /// Stable identifier stored in the settings, e.g. `"stations"` or `"news"`.
    pub id: &'static str,
    /// Label for the UI.
    pub label: &'static str,
    /// The CelesTrak queries this group consists of (each cached separately).
    pub queries: Vec<GpQuery>,
}

impl BuiltinGroup {
    /// The sources to refresh for this group, as OMM JSON.
    pub fn sources(&self) -> Vec<Source> {
        self.queries
            .iter()
            .map(|query| Source::CelesTrak {
                query: query.clone(),
                format: GpFormat::Json,
            })
            .collect()
    }
}

/// CelesTrak groups offered by default: `(id = CelesTrak GROUP name, label)`.
const CELESTRAK_GROUPS: &[(&str, &str)] = &[
    ("stations", "Space stations"),
    ("visual", "Brightest (visual)"),
    ("active", "All active satellites"),
    ("starlink", "Starlink"),
    ("weather", "Weather"),
    ("amateur", "Amateur radio"),
    ("gnss", "Navigation (GNSS)"),
    ("science", "Science"),
];

/// The built-in groups, "in the news" first.
pub fn builtin_groups() -> Vec<BuiltinGroup> {
    let news = BuiltinGroup {
        id: NEWS_GROUP_ID,
        label: "In the news",
        queries: NEWS_SATELLITES
            .iter()
            .map(|s| GpQuery::Catnr(s.norad_id))
            .collect(),
    };
    std::iter::once(news)
        .chain(CELESTRAK_GROUPS.iter().map(|&(id, label)| BuiltinGroup {
            id,
            label,
            queries: vec![GpQuery::Group(id.to_owned())],
        }))
        .collect()
}

/// The built-in group with this identifier, if any.
pub fn builtin_group(id: &str) -> Option<BuiltinGroup> {
    builtin_groups().into_iter().find(|g| g.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_accepted_anywhere() {
        assert!(check_url("https://celestrak.org/NORAD/elements/gp.php?GROUP=stations").is_ok());
    }

    #[test]
    fn plain_http_is_refused_except_to_loopback() {
        for ok in [
            "http://127.0.0.1:8080/x",
            "http://127.9.9.9/x",
            "http://localhost/x",
            "http://[::1]:99/x",
        ] {
            assert!(check_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://celestrak.org/x",
            "http://localhost.example.com/x",
            "http://10.0.0.1/x",
            "http://[::2]/x",
        ] {
            assert!(
                matches!(check_url(bad), Err(SourceError::InsecureHttp { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn other_schemes_and_garbage_are_refused() {
        assert!(matches!(
            check_url("ftp://example.com/a"),
            Err(SourceError::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            check_url("file:///etc/passwd"),
            Err(SourceError::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            check_url("not a url"),
            Err(SourceError::BadUrl { .. })
        ));
    }

    #[test]
    fn celestrak_query_url_has_group_and_json_format() {
        let Location::Http(url) = Source::group("stations")
            .location("https://celestrak.org/")
            .unwrap()
        else {
            panic!("expected a URL")
        };
        assert_eq!(
            url.as_str(),
            "https://celestrak.org/NORAD/elements/gp.php?GROUP=stations&FORMAT=json"
        );
    }

    #[test]
    fn name_query_is_percent_encoded() {
        let Location::Http(url) = Source::name("ISS (ZARYA)")
            .location("https://mirror.example/celestrak")
            .unwrap()
        else {
            panic!("expected a URL")
        };
        assert_eq!(
            url.as_str(),
            "https://mirror.example/celestrak/NORAD/elements/gp.php?NAME=ISS+%28ZARYA%29&FORMAT=json"
        );
    }

    #[test]
    fn news_group_holds_the_korean_reconnaissance_satellites() {
        let news = builtin_group(NEWS_GROUP_ID).unwrap();
        for id in [
            58400, 58463, 59452, 62377, 63630, 66293, 25544, 48274, 20580,
        ] {
            assert!(news.queries.contains(&GpQuery::Catnr(id)), "{id}");
        }
        for id in [
            "stations", "visual", "active", "starlink", "weather", "amateur", "gnss", "science",
        ] {
            assert!(builtin_group(id).is_some(), "{id}");
        }
    }

    #[test]
    fn user_input_with_scheme_is_a_url_else_a_file() {
        assert_eq!(
            Source::from_user_input(" https://a.example/x "),
            Source::Url("https://a.example/x".into())
        );
        assert_eq!(
            Source::from_user_input("/tmp/a.tle"),
            Source::File(PathBuf::from("/tmp/a.tle"))
        );
    }
}
