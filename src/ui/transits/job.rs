//! The transit search on a worker thread, and the app's handle on it: at most one search
//! runs; a newer request cancels the older one, whose answer is then ignored.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use eframe::egui;
use rayon::prelude::*;

use super::logic::TransitRequest;
use crate::orbit::ObserverFrame;
use crate::orbit::transit::{Transit, find_transits};
use crate::ui::catalog_data::CatalogData;
use crate::ui::jobs::{Job, JobPoll, spawn_worker};

/// What a transit search found.
#[derive(Debug, Clone)]
pub struct TransitResults {
    /// What was asked.
    pub request: TransitRequest,
    /// The transits, in time order.
    pub transits: Vec<Transit>,
    /// Satellites whose search stopped (decay, elements too old), in words.
    pub notes: Vec<String>,
    /// How long the search took.
    pub elapsed: std::time::Duration,
}

/// The search itself, on the calling thread (rayon inside): every satellite of the
/// request that the catalog holds.
pub fn search_transits(
    catalog: &CatalogData,
    request: TransitRequest,
    progress: &AtomicUsize,
    cancel: &AtomicBool,
) -> TransitResults {
    let started = std::time::Instant::now();
    let frame = ObserverFrame::new(request.observer);
    let found: Vec<(Vec<Transit>, Option<String>)> = request
        .norad_ids
        .par_iter()
        .filter_map(|&id| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let sat = catalog.get(id)?;
            let list = find_transits(sat, &frame, request.start, request.end, &request.search);
            progress.fetch_add(1, Ordering::Relaxed);
            let note = list.stopped_early.map(|e| format!("{}: {e}", sat.set.name));
            Some((list.transits, note))
        })
        .collect();
    let mut transits = Vec::new();
    let mut notes = Vec::new();
    for (t, n) in found {
        transits.extend(t);
        notes.extend(n);
    }
    transits.sort_by_key(|t| (t.nearest.time, t.norad_id));
    TransitResults {
        request,
        transits,
        notes,
        elapsed: started.elapsed(),
    }
}

/// The search in flight, if any, and the last results.
#[derive(Default)]
pub struct TransitRuntime {
    running: Option<Running>,
    /// The latest results.
    pub results: Option<TransitResults>,
    /// How many searches were started (for the window's probes and tests).
    pub started: usize,
}

struct Running {
    job: Job<TransitResults>,
    request: TransitRequest,
    cancelled: bool,
}

impl TransitRuntime {
    /// Takes a finished search's results; an error to show if the worker was lost.
    pub fn poll(&mut self) -> Option<String> {
        let running = self.running.as_ref()?;
        match running.job.poll() {
            JobPoll::Running => None,
            JobPoll::Done(results) => {
                let cancelled = running.cancelled;
                self.running = None;
                if !cancelled {
                    self.results = Some(results);
                }
                None
            }
            JobPoll::Lost => {
                let cancelled = running.cancelled;
                self.running = None;
                (!cancelled).then(|| crate::t!("app-error-search-lost"))
            }
        }
    }

    /// The request the view has or will soon have results for.
    pub fn current_request(&self) -> Option<&TransitRequest> {
        self.running
            .as_ref()
            .filter(|r| !r.cancelled)
            .map(|r| &r.request)
            .or(self.results.as_ref().map(|r| &r.request))
    }

    /// True while a search runs.
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// Starts searching `request`, once the search in flight (told to stop) has ended.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        catalog: Arc<CatalogData>,
        request: TransitRequest,
    ) {
        if let Some(running) = &mut self.running {
            if !running.cancelled {
                running.job.cancel();
                running.cancelled = true;
            }
            return;
        }
        let total = request.norad_ids.len();
        let asked = request.clone();
        let job = spawn_worker(ctx, total, move |progress, cancel| {
            search_transits(&catalog, asked, progress, cancel)
        });
        self.started += 1;
        self.running = Some(Running {
            job,
            request,
            cancelled: false,
        });
    }
}
