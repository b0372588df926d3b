//! Work that does not draw: loading the catalog and searching for passes.
//!
//! Each job runs on its own thread (the pass search fans out over satellites with rayon)
//! and sends one result back over an `mpsc` channel, then wakes the window with
//! `request_repaint`. The app polls each job with `try_recv` once per frame and shows a
//! spinner meanwhile. At most one job of each kind runs; a newer pass search cancels the
//! older one, which stops at the next satellite.

use eframe::egui;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::catalog_data::CatalogData;
use crate::orbit::{Observer, ObserverFrame, PassSearch, SkyPresence, find_passes};
use crate::report::PassRecord;
use crate::{i18n, t};

/// A job in flight.
pub struct Job<T> {
    rx: mpsc::Receiver<T>,
    progress: Arc<AtomicUsize>,
    total: usize,
    cancel: Arc<AtomicBool>,
    /// What the job is waiting for right now, in words (a download's progress).
    note: Arc<std::sync::Mutex<Option<String>>>,
}

/// What polling a job found.
pub enum JobPoll<T> {
    /// Still running.
    Running,
    /// Finished with this result.
    Done(T),
    /// The worker ended without an answer (it panicked): a bug, reported once.
    Lost,
}

impl<T> Job<T> {
    /// Takes the result if the job has finished. Never blocks.
    pub fn poll(&self) -> JobPoll<T> {
        match self.rx.try_recv() {
            Ok(v) => JobPoll::Done(v),
            Err(mpsc::TryRecvError::Empty) => JobPoll::Running,
            Err(mpsc::TryRecvError::Disconnected) => JobPoll::Lost,
        }
    }

    /// Items done and items in all, for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        (self.progress.load(Ordering::Relaxed), self.total)
    }

    /// What the job is waiting for right now, if it says (issue 25: "another Overhead is
    /// downloading …", "CelesTrak GROUP=active: 1.2 MB of 15.0 MB after 12 s").
    pub fn note(&self) -> Option<String> {
        self.note.lock().ok().and_then(|n| n.clone())
    }

    /// Asks the worker to stop early; its result, if any, should be ignored.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Which satellites to search, from where, over which window.
#[derive(Debug, Clone, PartialEq)]
pub struct PassRequest {
    /// Catalog numbers to search.
    pub norad_ids: Vec<u64>,
    /// The observer.
    pub observer: Observer,
    /// Window start (UTC).
    pub start: DateTime<Utc>,
    /// Window end (UTC).
    pub end: DateTime<Utc>,
    /// Thresholds.
    pub search: PassSearch,
    /// The language of the notes: switching it words them again (a new search).
    pub lang: i18n::Lang,
}

/// The passes found for a [`PassRequest`], in rise-time order.
#[derive(Debug, Clone)]
pub struct PassResults {
    /// What was asked.
    pub request: PassRequest,
    /// The passes, with names and element ages.
    pub records: Vec<PassRecord>,
    /// Satellites with something to say: always above, decayed.
    pub notes: Vec<String>,
    /// Each satellite searched: whether it rose, and why its search failed if it did.
    pub satellites: Vec<Searched>,
    /// How long the search took.
    pub elapsed: std::time::Duration,
    /// The search ahead for the chosen satellites with nothing to see in the window
    /// (filled in by a second job; see [`super::ahead`]).
    pub ahead: LookAhead,
}

/// The search ahead of a pass search: for each chosen satellite with no pass to see in
/// the window, its next one (see [`super::ahead`]).
#[derive(Debug, Clone, Default)]
pub struct LookAhead {
    /// The sky's limiting magnitude the passes were judged by (None before any search).
    pub limiting_magnitude: Option<f64>,
    /// The satellites being searched now.
    pub searching: Vec<u64>,
    /// What the search found, by catalog number.
    pub found: std::collections::HashMap<u64, crate::orbit::NextVisible>,
}

/// One satellite of a pass search: whether it rose, and why the search failed if it did.
#[derive(Debug, Clone, PartialEq)]
pub struct Searched {
    /// Catalog number.
    pub norad_id: u64,
    /// Above the horizon at times, always, or never over the window.
    pub presence: SkyPresence,
    /// Why the search stopped early (decay), if it did.
    pub error: Option<String>,
}

/// Starts a pass search on a worker thread.
pub fn spawn_pass_search(
    ctx: &egui::Context,
    catalog: Arc<CatalogData>,
    request: PassRequest,
) -> Job<PassResults> {
    let total = request.norad_ids.len();
    let waker = ctx.clone();
    spawn_worker(ctx, total, move |progress, cancel| {
        search_passes(&catalog, request, progress, cancel, &|| {
            waker.request_repaint()
        })
    })
}

/// The search itself, on the calling thread (rayon inside). `tick` runs now and then so
/// that the caller can show progress.
pub fn search_passes(
    catalog: &CatalogData,
    request: PassRequest,
    progress: &AtomicUsize,
    cancel: &AtomicBool,
    tick: &(dyn Fn() + Sync),
) -> PassResults {
    let started = std::time::Instant::now();
    // The notes are worded on rayon's threads, in the language asked for.
    let lang = request.lang;
    let frame = ObserverFrame::new(request.observer);
    type Found = (Vec<PassRecord>, Option<String>, Option<Searched>);
    let per_sat: Vec<Found> = request
        .norad_ids
        .par_iter()
        .map(|&id| {
            if cancel.load(Ordering::Relaxed) {
                return (Vec::new(), None, None);
            }
            let Some(sat) = catalog.get(id) else {
                let note = i18n::tr_in(lang, "app-note-not-in-catalog", &[("id", id.into())]);
                return (Vec::new(), Some(note), None);
            };
            let list = find_passes(
                sat,
                &frame,
                request.start,
                request.end,
                &request.search,
                catalog.std_magnitude(id),
            );
            // A satellite that does not rise in the window is said in the table's own
            // line for it (with a search ahead: "never rises" only when it never does).
            let mut note = match list.presence {
                SkyPresence::AlwaysAbove => Some(i18n::tr_in(
                    lang,
                    "app-note-always-above",
                    &[("sat", sat.set.name.as_str().into())],
                )),
                _ => None,
            };
            if let Some(err) = &list.stopped_early {
                note = Some(format!("{}: {err}", sat.set.name));
            }
            let searched = Searched {
                norad_id: id,
                presence: list.presence,
                error: list.stopped_early.as_ref().map(ToString::to_string),
            };
            let records = PassRecord::all_estimated(
                &sat.set,
                list.passes,
                catalog.magnitude_estimate(id).cloned(),
            );
            let done = progress.fetch_add(1, Ordering::Relaxed) + 1;
            if done.is_multiple_of(25) {
                tick();
            }
            (records, note, Some(searched))
        })
        .collect();
    let mut records = Vec::new();
    let mut notes = Vec::new();
    let mut satellites = Vec::new();
    for (r, n, searched) in per_sat {
        records.extend(r);
        notes.extend(n);
        satellites.extend(searched);
    }
    records.sort_by_key(|r| (r.pass.rise.time, r.pass.norad_id));
    PassResults {
        request,
        records,
        notes,
        satellites,
        elapsed: started.elapsed(),
        ahead: LookAhead::default(),
    }
}

/// Starts `work` on a worker thread as a job of `total` items: it gets the job's progress
/// counter and cancel flag, and its result is sent back, after which the window is woken.
pub fn spawn_worker<T: Send + 'static>(
    ctx: &egui::Context,
    total: usize,
    work: impl FnOnce(&AtomicUsize, &AtomicBool) -> T + Send + 'static,
) -> Job<T> {
    let (tx, rx) = mpsc::channel();
    let progress = Arc::new(AtomicUsize::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let job = Job {
        rx,
        progress: progress.clone(),
        total,
        cancel: cancel.clone(),
        note: Arc::default(),
    };
    let ctx = ctx.clone();
    let lang = i18n::language();
    std::thread::spawn(move || {
        let result = i18n::with_language(lang, || work(&progress, &cancel));
        if !cancel.load(Ordering::Relaxed) {
            // The receiver is gone only when the window closed; nothing to tell then.
            let _ = tx.send(result);
        }
        ctx.request_repaint();
    });
    job
}

/// Starts loading the catalog on a worker thread.
pub fn spawn_catalog_load(
    ctx: &egui::Context,
    load: impl FnOnce() -> anyhow::Result<CatalogData> + Send + 'static,
) -> Job<Result<CatalogData, String>> {
    let (tx, rx) = mpsc::channel();
    let job = Job {
        rx,
        progress: Arc::new(AtomicUsize::new(0)),
        total: 0,
        cancel: Arc::new(AtomicBool::new(false)),
        note: Arc::default(),
    };
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let result = load().map_err(|e| format!("{e:#}"));
        let _ = tx.send(result);
        ctx.request_repaint();
    });
    job
}

/// How one source failed to refresh, for the one-line summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFailure {
    /// No network at all (the name not resolved, no route, the connection refused): a
    /// normal state, said in one line (issue 20).
    Offline,
    /// No answer in time, or the connection broke (a dead or overloaded server).
    Unreachable,
    /// Not tried: an earlier failure set a back-off that has not ended.
    BackingOff,
    /// Anything else (an HTTP error, a web page instead of data, a refused URL).
    Other,
}

/// What refreshing one source did.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceOutcome {
    /// The source, as the settings name it.
    pub label: String,
    /// What happened, in one line.
    pub message: String,
    /// How it failed, if it did.
    pub failure: Option<SourceFailure>,
    /// The host that could not be reached, when the network was missing.
    pub unreachable_host: Option<String>,
    /// More than the line, for the details (why the host could not be reached).
    pub details: Option<String>,
    /// A remark on the refresh as a whole (a proxy setting ignored), not a source: not
    /// counted among the sources.
    pub is_remark: bool,
}

impl SourceOutcome {
    /// The outcome of a download (see [`crate::catalog::Fetcher::refresh`]).
    pub fn of(label: String, outcome: &crate::catalog::RefreshOutcome) -> Self {
        use crate::catalog::{FetchError, RefreshOutcome};
        let (failure, unreachable_host, details) = match outcome {
            RefreshOutcome::Failed {
                error: error @ FetchError::Offline { host, .. },
                ..
            } => (
                Some(SourceFailure::Offline),
                Some(host.clone()),
                error.details(),
            ),
            RefreshOutcome::Failed {
                error: FetchError::Network { .. } | FetchError::Timeout { .. },
                ..
            } => (Some(SourceFailure::Unreachable), None, None),
            RefreshOutcome::Failed { error, .. } => {
                (Some(SourceFailure::Other), None, error.details())
            }
            RefreshOutcome::BackingOff { .. } => (Some(SourceFailure::BackingOff), None, None),
            other if other.is_failure() => (Some(SourceFailure::Other), None, None),
            _ => (None, None, None),
        };
        Self {
            label,
            message: outcome.message(),
            failure,
            unreachable_host,
            details,
            is_remark: false,
        }
    }

    /// A source that did not get as far as a request (the HTTP client could not be set up,
    /// a proxy setting is malformed): `label` and what to say.
    pub fn note(label: &str, message: String, failure: Option<SourceFailure>) -> Self {
        Self {
            label: label.to_owned(),
            message,
            failure,
            unreachable_host: None,
            details: None,
            is_remark: false,
        }
    }

    /// A remark on the whole refresh (`label`: what it is about), shown in the details and
    /// not counted as a source.
    pub fn remark(label: &str, message: String) -> Self {
        Self {
            is_remark: true,
            ..Self::note(label, message, None)
        }
    }
}

/// Reloads the catalog (from the cache, or from a test's fixture), given the time.
pub type SharedCatalogLoader =
    Arc<dyn Fn(DateTime<Utc>) -> anyhow::Result<CatalogData> + Send + Sync>;

/// What to refresh, where, and how eagerly.
pub struct RefreshRequest {
    /// The enabled sources.
    pub sources: Vec<crate::catalog::Source>,
    /// CelesTrak base URL (a mirror, a test server).
    pub celestrak_base_url: String,
    /// The cache directory.
    pub cache_dir: std::path::PathBuf,
    /// Real time now.
    pub now: DateTime<Utc>,
    /// For the automatic refresh at start: only sources whose last successful check is
    /// older than this (or that were never fetched). `None`: every source (the button).
    pub only_older_than: Option<chrono::Duration>,
    /// Reloads the catalog after new data came in.
    pub reload: SharedCatalogLoader,
}

/// What a refresh of the element sources found, and the catalog reloaded after it.
pub struct RefreshReport {
    /// One per source asked, in the order asked.
    pub outcomes: Vec<SourceOutcome>,
    /// Why the refresh did not bring data, in a few words ("offline?"), when no source
    /// succeeded and one failed.
    pub problem: Option<String>,
    /// The newest successful check of any enabled source, after this refresh.
    pub last_success: Option<DateTime<Utc>>,
    /// The catalog, reloaded from the cache when new data came in.
    pub catalog: Option<Result<CatalogData, String>>,
    /// True for the automatic refresh at start.
    pub automatic: bool,
}

/// Downloads the enabled sources into the cache (obeying CelesTrak's rules; see
/// [`crate::catalog::Fetcher`]), then reloads the catalog if anything changed, on a worker
/// thread.
pub fn spawn_refresh(ctx: &egui::Context, request: RefreshRequest) -> Job<RefreshReport> {
    let (tx, rx) = mpsc::channel();
    let progress = Arc::new(AtomicUsize::new(0));
    let note: Arc<std::sync::Mutex<Option<String>>> = Arc::default();
    let job = Job {
        rx,
        progress: progress.clone(),
        total: request.sources.len(),
        cancel: Arc::new(AtomicBool::new(false)),
        note: note.clone(),
    };
    let ctx = ctx.clone();
    let lang = i18n::language();
    std::thread::spawn(move || {
        let say = |words: Option<String>| {
            if let Ok(mut n) = note.lock() {
                *n = words;
            }
            ctx.request_repaint();
        };
        let report = i18n::with_language(lang, || {
            refresh_sources(request, &progress, &|| ctx.request_repaint(), &say)
        });
        let _ = tx.send(report);
        ctx.request_repaint();
    });
    job
}

/// The refresh itself, on the calling thread (blocking network). `say` hears what a
/// source waits for (another process's refresh, a download's progress), `None` when done.
pub fn refresh_sources(
    request: RefreshRequest,
    progress: &AtomicUsize,
    tick: &dyn Fn(),
    say: &dyn Fn(Option<String>),
) -> RefreshReport {
    use crate::catalog::{FetchConfig, FetchError, Fetcher, RefreshOutcome, RefreshPolicy};
    let RefreshRequest {
        sources,
        celestrak_base_url,
        cache_dir,
        now,
        only_older_than,
        reload,
    } = request;
    let automatic = only_older_than.is_some();
    let config = FetchConfig {
        celestrak_base_url,
        ..FetchConfig::default()
    };
    let fetcher = match Fetcher::new(cache_dir, config) {
        Ok(fetcher) => fetcher,
        Err(e) => {
            return RefreshReport {
                outcomes: vec![SourceOutcome::note(
                    "HTTP client",
                    e.to_string(),
                    Some(SourceFailure::Other),
                )],
                problem: Some(e.to_string()),
                last_success: None,
                catalog: None,
                automatic,
            };
        }
    };
    let last_success_of = |source: &crate::catalog::Source| {
        fetcher
            .status(source, now)
            .ok()
            .and_then(|s| s.last_success_at)
    };
    let due: Vec<&crate::catalog::Source> = sources
        .iter()
        .filter(|source| match (only_older_than, last_success_of(source)) {
            (Some(max_age), Some(t)) => now - t > max_age || t > now,
            _ => true,
        })
        .collect();
    // A malformed proxy setting is said (it is ignored), not silently dropped.
    let mut outcomes: Vec<SourceOutcome> = fetcher
        .proxy_warnings()
        .iter()
        .map(|w| SourceOutcome::remark("proxy", w.clone()))
        .collect();
    let mut changed = false;
    let mut any_success = false;
    let mut problem = None;
    for source in due {
        let label = source.label();
        let outcome = fetcher.refresh_reporting(source, RefreshPolicy::default(), now, &|p| {
            say(Some(progress_words(&label, p)));
        });
        say(None);
        progress.fetch_add(1, Ordering::Relaxed);
        tick();
        match &outcome {
            // Another process's fresh download is in the cache: reload it as our own.
            RefreshOutcome::Updated { .. } | RefreshOutcome::RefreshedByOther { .. } => {
                changed = true;
                any_success = true;
            }
            RefreshOutcome::NotModified { .. } | RefreshOutcome::TooSoon { .. } => {
                any_success = true;
            }
            RefreshOutcome::Failed { error, .. } => {
                let why = match error {
                    FetchError::Network { .. }
                    | FetchError::Timeout { .. }
                    | FetchError::Offline { .. } => t!("app-refresh-offline"),
                    other => other.to_string(),
                };
                problem.get_or_insert(why);
            }
            RefreshOutcome::BackingOff { until, .. } => {
                problem.get_or_insert(t!(
                    "app-refresh-backing-off",
                    time = crate::catalog::format_utc(*until)
                ));
            }
        }
        outcomes.push(SourceOutcome::of(source.label(), &outcome));
    }
    let last_success = sources.iter().filter_map(last_success_of).max();
    let catalog = changed.then(|| reload(now).map_err(|e| format!("{e:#}")));
    RefreshReport {
        outcomes,
        problem: (!any_success).then_some(problem).flatten(),
        last_success,
        catalog,
        automatic,
    }
}

/// What a refresh is waiting for, in words: another process's refresh of the source, or
/// how much of its answer has come.
fn progress_words(label: &str, progress: &crate::catalog::FetchProgress) -> String {
    use crate::catalog::{FetchProgress, bytes_words};
    match progress {
        FetchProgress::WaitingForOther => t!("catalog-waiting-for-other", source = label),
        FetchProgress::Receiving {
            received_bytes,
            expected_bytes,
            elapsed,
        } => t!(
            "catalog-progress",
            source = label,
            received = bytes_words(*received_bytes as f64),
            expected = expected_bytes.map_or_else(|| "none".to_owned(), |b| bytes_words(b as f64)),
            seconds = elapsed.as_secs()
        ),
    }
}

/// The top bar's one line on how fresh the elements are: "updated 3 min ago", or why not.
///
/// `last_success` is the newest successful check of any enabled source; `problem` why the
/// last refresh brought nothing.
pub fn freshness_line(
    last_success: Option<DateTime<Utc>>,
    problem: Option<&str>,
    now: DateTime<Utc>,
) -> String {
    match (problem, last_success) {
        (Some(why), _) => t!("app-fresh-not-updated", why = why),
        (None, Some(t)) => t!("app-fresh-updated", ago = ago(now - t)),
        (None, None) => t!("app-fresh-never"),
    }
}

/// How long until [`freshness_line`]'s words change ("3 min ago" becomes "4 min ago"), so
/// that the window redraws then and not before; None when they do not change with time.
pub fn freshness_changes_in(
    last_success: Option<DateTime<Utc>>,
    problem: Option<&str>,
    now: DateTime<Utc>,
) -> Option<std::time::Duration> {
    if problem.is_some() {
        return None;
    }
    let age_s = (now - last_success?).num_seconds().max(0);
    // The unit `ago` speaks in at this age: minutes, hours, then days.
    let unit_s = if age_s < 120 * 60 {
        60
    } else if age_s < 48 * 3600 {
        3600
    } else {
        86_400
    };
    let to_next_s = unit_s - age_s % unit_s;
    Some(std::time::Duration::from_secs(to_next_s.unsigned_abs()))
}

/// "just now", "3 min ago", "5 h ago", "2 days ago".
fn ago(d: chrono::Duration) -> String {
    let minutes = d.num_minutes();
    if minutes < 1 {
        t!("app-ago-just-now")
    } else if minutes < 120 {
        t!("app-ago-minutes", minutes = minutes)
    } else if d.num_hours() < 48 {
        t!("app-ago-hours", hours = d.num_hours())
    } else {
        t!("app-ago-days", days = d.num_days())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freshness_line_says_how_long_ago_or_why_not() {
        i18n::set_thread_language(Some(i18n::Lang::En));
        let now: DateTime<Utc> = "2026-08-22T20:00:00Z".parse().unwrap();
        let minutes = |m| Some(now - chrono::Duration::minutes(m));
        assert_eq!(freshness_line(minutes(0), None, now), "updated just now");
        assert_eq!(freshness_line(minutes(3), None, now), "updated 3 min ago");
        assert_eq!(freshness_line(minutes(300), None, now), "updated 5 h ago");
        assert_eq!(
            freshness_line(minutes(4320), None, now),
            "updated 3 days ago"
        );
        assert_eq!(
            freshness_line(minutes(3000), Some("offline"), now),
            "not updated: offline"
        );
        assert_eq!(
            freshness_line(None, None, now),
            "never updated (bundled elements)"
        );
    }

    #[test]
    fn freshness_words_are_redrawn_when_they_change() {
        let now: DateTime<Utc> = "2026-08-22T20:00:00Z".parse().unwrap();
        let ago_s = |s| Some(now - chrono::Duration::seconds(s));
        let secs = std::time::Duration::from_secs;
        // "3 min ago" at 3 min 20 s: "4 min ago" in 40 s.
        assert_eq!(freshness_changes_in(ago_s(200), None, now), Some(secs(40)));
        // "5 h ago" at 5 h 10 min: "6 h ago" in 50 min.
        assert_eq!(
            freshness_changes_in(ago_s(5 * 3600 + 600), None, now),
            Some(secs(3000))
        );
        assert_eq!(
            freshness_changes_in(ago_s(3 * 86_400), None, now),
            Some(secs(86_400))
        );
        // "not updated: offline" and "never updated" stay as they are.
        assert_eq!(freshness_changes_in(ago_s(200), Some("offline"), now), None);
        assert_eq!(freshness_changes_in(None, None, now), None);
    }

    #[test]
    fn freshness_line_in_korean() {
        i18n::set_thread_language(Some(i18n::Lang::Ko));
        let now: DateTime<Utc> = "2026-08-22T20:00:00Z".parse().unwrap();
        let minutes = |m| Some(now - chrono::Duration::minutes(m));
        assert_eq!(freshness_line(minutes(3), None, now), "3분 전 새로 받음");
        assert_eq!(freshness_line(minutes(0), None, now), "방금 새로 받음");
        assert_eq!(
            freshness_line(None, None, now),
            "새로 받은 적 없음 (내장 자료)"
        );
        i18n::set_thread_language(None);
    }
}
