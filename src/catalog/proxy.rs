//! The system's proxy settings, read here rather than left to the HTTP client, so that
//! Overhead knows which proxy a download went through and can say so (issue 25):
//!
//! - `http_proxy` / `HTTP_PROXY` for `http://` URLs, `https_proxy` / `HTTPS_PROXY` for
//!   `https://` ones, `all_proxy` / `ALL_PROXY` for either (the lower-case name first, as
//!   curl reads them); a value without a scheme is an `http://` proxy (`127.0.0.1:3128`);
//! - `no_proxy` / `NO_PROXY`: a comma-separated list of host names (each also matching its
//!   subdomains; a leading dot is ignored), IP addresses and IPv4 ranges (`10.0.0.0/8`);
//!   `*` bypasses every proxy (the curl convention);
//! - a value that is not a proxy address is a warning ([`ProxySettings::warnings`]), not
//!   silence, and that variable is ignored;
//! - a proxy is named by its host and port only ([`ProxyTarget::shown`]): a user name and
//!   password in it are used, never printed.

use std::net::IpAddr;

use reqwest::Url;

/// Where one proxy is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyTarget {
    /// The proxy's URL, credentials included (sent to it, never shown).
    pub url: Url,
    /// `host:port`, for messages.
    pub shown: String,
}

/// The proxies the environment asks for, and the hosts reached directly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProxySettings {
    http: Option<ProxyTarget>,
    https: Option<ProxyTarget>,
    all: Option<ProxyTarget>,
    no_proxy: Vec<String>,
    bypass_all: bool,
    /// What could not be used, one sentence each (shown by the command line and the window).
    pub warnings: Vec<String>,
}

impl ProxySettings {
    /// The settings from this process's environment.
    pub fn from_env() -> Self {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// The settings from variables looked up by `get` (the environment, or a test's table).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Self {
        let mut warnings = Vec::new();
        let mut read = |lower: &str, upper: &str| {
            let (name, value) = [lower, upper].into_iter().find_map(|name| {
                get(name)
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
                    .map(|v| (name, v))
            })?;
            match parse_proxy(&value) {
                Ok(target) => Some(target),
                Err(why) => {
                    warnings.push(crate::t!(
                        "catalog-proxy-malformed",
                        name = name,
                        value =
                            crate::text::clean(&super::sources::without_credentials(&value), 80),
                        why = why
                    ));
                    None
                }
            }
        };
        let http = read("http_proxy", "HTTP_PROXY");
        let https = read("https_proxy", "HTTPS_PROXY");
        let all = read("all_proxy", "ALL_PROXY");
        let no_proxy_text = get("no_proxy")
            .filter(|v| !v.trim().is_empty())
            .or_else(|| get("NO_PROXY"))
            .unwrap_or_default();
        let no_proxy: Vec<String> = no_proxy_text
            .split(',')
            .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        let bypass_all = no_proxy.iter().any(|e| e == "*");
        Self {
            http,
            https,
            all,
            no_proxy,
            bypass_all,
            warnings,
        }
    }

    /// The proxy a request for `url` goes through, if any.
    pub fn for_url(&self, url: &Url) -> Option<&ProxyTarget> {
        if self.bypass_all {
            return None;
        }
        let host = url
            .host_str()?
            .trim_start_matches('[')
            .trim_end_matches(']');
        if self.no_proxy.iter().any(|entry| matches_entry(host, entry)) {
            return None;
        }
        let by_scheme = match url.scheme() {
            "http" => self.http.as_ref(),
            "https" => self.https.as_ref(),
            _ => None,
        };
        by_scheme.or(self.all.as_ref())
    }
}

/// A proxy address: `http://host:port`, `https://…`, or `host:port` (read as `http://`).
fn parse_proxy(value: &str) -> Result<ProxyTarget, String> {
    let with_scheme = if value.contains("://") {
        value.to_owned()
    } else {
        format!("http://{value}")
    };
    let url = Url::parse(&with_scheme).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(crate::t!(
            "catalog-proxy-scheme",
            scheme = url.scheme().to_owned()
        ));
    }
    let host = url
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| crate::t!("catalog-proxy-no-host"))?;
    let port = url.port_or_known_default().unwrap_or(80);
    let shown = format!("{host}:{port}");
    Ok(ProxyTarget { url, shown })
}

/// True when `host` is reached directly because of the `no_proxy` entry `entry` (lower
/// case, without a leading dot): the same name or a subdomain of it, the same address, or
/// an address in its IPv4 range.
fn matches_entry(host: &str, entry: &str) -> bool {
    let host = host.to_ascii_lowercase();
    if let Some((net, bits)) = entry.split_once('/') {
        return in_range(&host, net, bits);
    }
    host == entry || host.ends_with(&format!(".{entry}"))
}

fn in_range(host: &str, net: &str, bits: &str) -> bool {
    let (Ok(IpAddr::V4(host)), Ok(IpAddr::V4(net)), Ok(bits)) = (
        host.parse::<IpAddr>(),
        net.parse::<IpAddr>(),
        bits.parse::<u32>(),
    ) else {
        return false;
    };
    let mask = u32::MAX.checked_shl(32 - bits.min(32)).unwrap_or(0);
    u32::from(host) & mask == u32::from(net) & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(vars: &[(&str, &str)]) -> ProxySettings {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        ProxySettings::from_vars(move |name| {
            vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
    }

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn no_proxy_star_bypasses_every_proxy() {
        let s = settings(&[("HTTPS_PROXY", "http://proxy:3128"), ("NO_PROXY", "*")]);
        assert_eq!(s.for_url(&url("https://celestrak.org/x")), None);
    }

    #[test]
    fn no_proxy_names_domains_addresses_and_ranges() {
        let s = settings(&[
            ("HTTP_PROXY", "127.0.0.1:9"),
            ("NO_PROXY", ".example.org, 10.0.0.0/8,::1"),
        ]);
        assert_eq!(s.for_url(&url("http://a.example.org/")), None);
        assert_eq!(s.for_url(&url("http://example.org/")), None);
        assert_eq!(s.for_url(&url("http://10.2.3.4/")), None);
        assert_eq!(s.for_url(&url("http://[::1]:8/")), None);
        let through = s.for_url(&url("http://notexample.org/")).unwrap();
        assert_eq!(through.shown, "127.0.0.1:9");
    }

    #[test]
    fn a_malformed_proxy_is_a_warning_and_credentials_are_never_shown() {
        let s = settings(&[
            ("HTTP_PROXY", "http://[::1"),
            ("HTTPS_PROXY", "http://user:secret@proxy.example:8080"),
        ]);
        assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings);
        assert!(s.warnings[0].contains("HTTP_PROXY"), "{:?}", s.warnings);
        let https = s.for_url(&url("https://celestrak.org/")).unwrap();
        assert_eq!(https.shown, "proxy.example:8080");
        assert_eq!(https.url.password(), Some("secret"));
        let socks = settings(&[("ALL_PROXY", "socks5://user:pw@h:1080")]);
        assert!(!socks.warnings[0].contains("pw"), "{:?}", socks.warnings);
    }
}
