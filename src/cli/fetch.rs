//! `overhead fetch`: refresh the element cache from CelesTrak or another source.
//!
//! With no source option it refreshes every source enabled in the settings. Each source
//! gets one line: on stdout when it went well (updated, not modified, or skipped under the
//! two-hour rule), on stderr when the source misbehaved; no network at all is one line per
//! host ("No internet connection: could not reach celestrak.org; using data from …"), not
//! one per source. While a source takes time, stderr says what it waits for. The exit code
//! is 1 when any source failed or is backing off after a failure, 0 otherwise.

use std::process::ExitCode;

use chrono::Utc;

use super::checks::{self, ArgError, check_text, check_whole};
use crate::catalog::{
    self, FetchConfig, FetchError, FetchProgress, Fetcher, RefreshOutcome, RefreshPolicy, Source,
};
use crate::settings::{self, Settings};

/// Arguments of `overhead fetch`.
#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// A CelesTrak group, e.g. `stations`, `visual`, `active`, or `news` for the built-in
    /// "in the news" list.
    #[arg(long)]
    pub group: Option<String>,
    /// A catalog number, from 1 to 999999999.
    #[arg(long)]
    pub catnr: Option<u64>,
    /// A name (or part of one) to search for.
    #[arg(long)]
    pub name: Option<String>,
    /// Any HTTPS URL (or a loopback HTTP URL) serving TLE, OMM JSON or OMM CSV; text without
    /// `scheme://` is read as a local file.
    #[arg(long)]
    pub url: Option<String>,
    /// Ignore the two-hour rule (never the back-off after an error).
    #[arg(long)]
    pub force: bool,
}

impl FetchArgs {
    /// The sources named on the command line (empty when none was), each argument checked
    /// first (see [`super::checks`]): no empty text, a catalog number in range.
    pub fn sources(&self) -> Result<Vec<Source>, ArgError> {
        let mut sources = Vec::new();
        if let Some(group) = &self.group {
            let group = check_text("--group", group)?;
            match catalog::builtin_group(group) {
                Some(builtin) => sources.extend(builtin.sources()),
                None => sources.push(Source::group(group)),
            }
        }
        if let Some(catnr) = self.catnr {
            sources.push(Source::catnr(check_whole(
                "--catnr",
                catnr,
                checks::CATALOG_NUMBER,
            )?));
        }
        if let Some(name) = &self.name {
            sources.push(Source::name(check_text("--name", name)?));
        }
        if let Some(url) = &self.url {
            sources.push(Source::from_user_input(check_text("--url", url)?));
        }
        Ok(sources)
    }
}

/// Runs `overhead fetch`.
pub fn run(args: FetchArgs) -> anyhow::Result<ExitCode> {
    let now = Utc::now();
    let mut sources = args.sources()?;
    let settings = match settings::default_settings_path() {
        Ok(path) => {
            let (settings, message) = Settings::load(&path);
            if let Some(message) = message {
                eprintln!("overhead: {message}");
            }
            settings
        }
        Err(e) => {
            eprintln!(
                "overhead: {}",
                crate::t!("cli-default-settings", error = e.to_string())
            );
            Settings::default()
        }
    };
    if sources.is_empty() {
        sources = settings.enabled_sources();
    }
    let cache_dir = catalog::default_cache_dir()?;
    let config = FetchConfig {
        celestrak_base_url: settings.effective_celestrak_base_url(),
        ..FetchConfig::default()
    };
    let fetcher = Fetcher::new(&cache_dir, config)?;
    let policy = RefreshPolicy { force: args.force };
    for warning in fetcher.proxy_warnings() {
        eprintln!(
            "overhead: {}",
            crate::t!("cli-warning", message = one_line(warning))
        );
    }

    let mut any_failed = false;
    // Hosts already said to be out of reach: no network is one line, not one per source.
    let mut unreachable_hosts: Vec<String> = Vec::new();
    for source in &sources {
        let label = source.label();
        let outcome = fetcher.refresh_reporting(source, policy, now, &progress_teller(&label));
        if let RefreshOutcome::Failed {
            error: FetchError::Offline { host, .. },
            ..
        } = &outcome
        {
            any_failed = true;
            if !unreachable_hosts.contains(host) {
                unreachable_hosts.push(host.clone());
                eprintln!("overhead: {}", offline_line(&fetcher, &sources, host, now));
            }
            continue;
        }
        let message = outcome.message();
        // Errors about a URL already name it; say it once.
        let line = if message.contains(&label) {
            message
        } else {
            format!("{label}: {message}")
        };
        if outcome.is_failure() {
            any_failed = true;
            eprintln!("overhead: {}", one_line(&line));
        } else {
            println!("{}", one_line(&line));
        }
        if let RefreshOutcome::NotModified { .. } = outcome
            && !fetcher
                .entry(source)
                .is_ok_and(|(_, entry)| entry.data_path.exists())
        {
            eprintln!(
                "overhead: {}",
                crate::t!("cli-not-modified-no-copy", source = source.label())
            );
        }
    }
    Ok(if any_failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What `overhead fetch` says while a source takes time: at once when it waits for another
/// process's refresh of it, then, from a few seconds in, how much has arrived every few
/// seconds (a slow or dripping server is never a silent wait).
fn progress_teller(label: &str) -> impl Fn(&FetchProgress) + '_ {
    const FIRST_AFTER: std::time::Duration = std::time::Duration::from_secs(3);
    const EVERY: std::time::Duration = std::time::Duration::from_secs(5);
    let last_said = std::cell::Cell::new(None::<std::time::Duration>);
    move |progress| match progress {
        FetchProgress::WaitingForOther => {
            eprintln!(
                "overhead: {}",
                crate::t!("catalog-waiting-for-other", source = label)
            );
        }
        FetchProgress::Receiving {
            received_bytes,
            expected_bytes,
            elapsed,
        } => {
            let due = match last_said.get() {
                None => *elapsed >= FIRST_AFTER,
                Some(said) => *elapsed >= said + EVERY,
            };
            if due {
                last_said.set(Some(*elapsed));
                eprintln!(
                    "overhead: {}",
                    crate::t!(
                        "catalog-progress",
                        source = label,
                        received = catalog::bytes_words(*received_bytes as f64),
                        expected = expected_bytes
                            .map_or_else(|| "none".to_owned(), |b| catalog::bytes_words(b as f64)),
                        seconds = elapsed.as_secs()
                    )
                );
            }
        }
    }
}

/// "No internet connection: could not reach celestrak.org; using data from 22 Aug 2026.":
/// the date of the newest data cached for `sources`, else of the bundled snapshot.
fn offline_line(
    fetcher: &Fetcher,
    sources: &[Source],
    host: &str,
    now: chrono::DateTime<Utc>,
) -> String {
    let cached = sources
        .iter()
        .filter_map(|s| fetcher.status(s, now).ok())
        .filter(|s| s.count > 0)
        .filter_map(|s| s.newest_epoch)
        .max();
    let date = cached.or_else(|| catalog::bundled_snapshot().ok().map(|b| b.median_epoch));
    let reach = crate::t!("catalog-offline", host = host);
    match date {
        Some(date) => crate::t!(
            "cli-offline-using",
            offline = reach,
            date = catalog::date_words(date)
        ),
        None => reach,
    }
}

/// One printable line (a server's error text may hold line breaks or escape sequences),
/// so each source gets one line.
fn one_line(text: &str) -> String {
    crate::text::clean(text, crate::text::MESSAGE_CHARS)
}
