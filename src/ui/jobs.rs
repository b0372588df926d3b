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

/// A job in flight.
pub struct Job<T> {
    /// What the job does, for the status line.
    pub label: String,
    rx: mpsc::Receiver<T>,
    progress: Arc<AtomicUsize>,
    total: usize,
    cancel: Arc<AtomicBool>,
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
}

/// The passes found for a [`PassRequest`], in rise-time order.
#[derive(Debug, Clone)]
pub struct PassResults {
    /// What was asked.
    pub request: PassRequest,
    /// The passes, with names and element ages.
    pub records: Vec<PassRecord>,
    /// Satellites with something to say: always above, never above, decayed.
    pub notes: Vec<String>,
    /// How long the search took.
    pub elapsed: std::time::Duration,
}

/// Starts a pass search on a worker thread.
pub fn spawn_pass_search(
    ctx: &egui::Context,
    catalog: Arc<CatalogData>,
    request: PassRequest,
) -> Job<PassResults> {
    let (tx, rx) = mpsc::channel();
    let progress = Arc::new(AtomicUsize::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let total = request.norad_ids.len();
    let job = Job {
        label: format!("Searching passes of {total} satellites"),
        rx,
        progress: progress.clone(),
        total,
        cancel: cancel.clone(),
    };
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let results = search_passes(&catalog, request, &progress, &cancel, &|| {
            ctx.request_repaint()
        });
        if !cancel.load(Ordering::Relaxed) {
            // The receiver is gone only when the window closed; nothing to tell then.
            let _ = tx.send(results);
        }
        ctx.request_repaint();
    });
    job
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
    let frame = ObserverFrame::new(request.observer);
    let per_sat: Vec<(Vec<PassRecord>, Option<String>)> = request
        .norad_ids
        .par_iter()
        .map(|&id| {
            if cancel.load(Ordering::Relaxed) {
                return (Vec::new(), None);
            }
            let Some(sat) = catalog.get(id) else {
                return (Vec::new(), Some(format!("{id} is not in the catalog")));
            };
            let list = find_passes(
                sat,
                &frame,
                request.start,
                request.end,
                &request.search,
                catalog.std_magnitude(id),
            );
            let mut note = match list.presence {
                SkyPresence::AlwaysAbove => {
                    Some(format!("{} stays above the horizon", sat.set.name))
                }
                SkyPresence::NeverAbove if request.norad_ids.len() <= 50 => {
                    Some(format!("{} never rises here", sat.set.name))
                }
                _ => None,
            };
            if let Some(err) = &list.stopped_early {
                note = Some(format!("{}: {err}", sat.set.name));
            }
            let records = PassRecord::all(&sat.set, list.passes);
            let done = progress.fetch_add(1, Ordering::Relaxed) + 1;
            if done.is_multiple_of(25) {
                tick();
            }
            (records, note)
        })
        .collect();
    let mut records = Vec::new();
    let mut notes = Vec::new();
    for (r, n) in per_sat {
        records.extend(r);
        notes.extend(n);
    }
    records.sort_by_key(|r| (r.pass.rise.time, r.pass.norad_id));
    PassResults {
        request,
        records,
        notes,
        elapsed: started.elapsed(),
    }
}

/// Starts loading the catalog on a worker thread.
pub fn spawn_catalog_load(
    ctx: &egui::Context,
    load: impl FnOnce() -> anyhow::Result<CatalogData> + Send + 'static,
) -> Job<Result<CatalogData, String>> {
    let (tx, rx) = mpsc::channel();
    let job = Job {
        label: "Loading satellites".to_owned(),
        rx,
        progress: Arc::new(AtomicUsize::new(0)),
        total: 0,
        cancel: Arc::new(AtomicBool::new(false)),
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
    /// No connection or no answer in time (offline, DNS, a dead server).
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
}

impl SourceOutcome {
    /// The outcome of a download (see [`crate::catalog::Fetcher::refresh`]).
    pub fn of(label: String, outcome: &crate::catalog::RefreshOutcome) -> Self {
        use crate::catalog::{FetchError, RefreshOutcome};
        let failure = match outcome {
            RefreshOutcome::Failed {
                error: FetchError::Network { .. } | FetchError::Timeout { .. },
                ..
            } => Some(SourceFailure::Unreachable),
            RefreshOutcome::BackingOff { .. } => Some(SourceFailure::BackingOff),
            other if other.is_failure() => Some(SourceFailure::Other),
            _ => None,
        };
        Self {
            label,
            message: outcome.message(),
            failure,
        }
    }
}

/// What a refresh of the element sources found, and the catalog reloaded after it.
pub struct RefreshReport {
    /// One per source, in the order asked.
    pub outcomes: Vec<SourceOutcome>,
    /// The catalog, reloaded from the cache.
    pub catalog: Result<CatalogData, String>,
}

/// What to refresh: the enabled sources, from which CelesTrak address, at what time.
#[derive(Debug, Clone)]
pub struct RefreshRequest {
    /// The enabled sources.
    pub sources: Vec<crate::catalog::Source>,
    /// CelesTrak or a caching mirror of it.
    pub celestrak_base_url: String,
    /// The real time (the two-hour rule and back-offs follow the computer's clock).
    pub now: DateTime<Utc>,
}

/// Does a refresh on the worker thread, calling `source_done` after each source: the
/// network and the cache in the app ([`refresh_from_network`]), a stand-in in tests.
pub type Refresher = Arc<dyn Fn(&RefreshRequest, &dyn Fn()) -> RefreshReport + Send + Sync>;

/// Starts a refresh on a worker thread.
pub fn spawn_refresh(
    ctx: &egui::Context,
    refresher: Refresher,
    request: RefreshRequest,
) -> Job<RefreshReport> {
    let (tx, rx) = mpsc::channel();
    let progress = Arc::new(AtomicUsize::new(0));
    let job = Job {
        label: "Refreshing elements".to_owned(),
        rx,
        progress: progress.clone(),
        total: request.sources.len(),
        cancel: Arc::new(AtomicBool::new(false)),
    };
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let source_done = || {
            progress.fetch_add(1, Ordering::Relaxed);
            ctx.request_repaint();
        };
        let report = refresher(&request, &source_done);
        let _ = tx.send(report);
        ctx.request_repaint();
    });
    job
}

/// Downloads the sources into the cache (obeying CelesTrak's rules; see
/// [`crate::catalog::Fetcher`]), then reloads the catalog. Blocks: call it on a worker.
pub fn refresh_from_network(request: &RefreshRequest, source_done: &dyn Fn()) -> RefreshReport {
    use crate::catalog::{FetchConfig, Fetcher, RefreshPolicy, default_cache_dir};
    let config = FetchConfig {
        celestrak_base_url: request.celestrak_base_url.clone(),
        ..FetchConfig::default()
    };
    let fetcher = default_cache_dir()
        .map_err(|e| e.to_string())
        .and_then(|dir| Fetcher::new(dir, config).map_err(|e| e.to_string()));
    let outcomes = match fetcher {
        Ok(fetcher) => request
            .sources
            .iter()
            .map(|source| {
                let outcome = fetcher.refresh(source, RefreshPolicy::default(), request.now);
                source_done();
                SourceOutcome::of(source.label(), &outcome)
            })
            .collect(),
        Err(e) => vec![SourceOutcome {
            label: "cache".to_owned(),
            message: e,
            failure: Some(SourceFailure::Other),
        }],
    };
    let catalog = super::catalog_data::load_default(request.now).map_err(|e| format!("{e:#}"));
    RefreshReport { outcomes, catalog }
}
