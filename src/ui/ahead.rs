//! Never silent about what was asked: a chosen satellite with no pass to see in the
//! window still gets a line in the table, with its next pass to see, searched ahead in the
//! background ("MALLIGYONG-1: no visible pass in these 2 days; next visible Tue 01 Sep
//! 21:12 (from the NNW, 35° up)").
//!
//! What to search is decided here from the state ([`wanted_look_ahead`]), apart from the
//! drawing: only the chosen satellites lacking a pass to see, once per pass search and sky
//! limit, on a worker thread ([`spawn_look_ahead`]); the table's lines come from
//! [`unseen_notes`].

use eframe::egui;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{DateTime, Duration, Utc};
use rayon::prelude::*;

use super::catalog_data::CatalogData;
use super::jobs::{self, Job, PassResults};
use crate::orbit::{
    LOOK_AHEAD_DAYS, NextVisible, Observer, ObserverFrame, PassSearch, SkyPresence,
    next_visible_pass,
};
use crate::report::{SatelliteNote, presence_tag};

/// A search ahead: which satellites, from where, from when to when, judged by which sky.
#[derive(Debug, Clone, PartialEq)]
pub struct AheadRequest {
    /// The satellites to search.
    pub norad_ids: Vec<u64>,
    /// The observer.
    pub observer: Observer,
    /// The pass search's thresholds.
    pub search: PassSearch,
    /// Start: the end of the pass search's window.
    pub from: DateTime<Utc>,
    /// How far to look.
    pub until: DateTime<Utc>,
    /// The sky's limiting magnitude: a pass to see is not known to be fainter.
    pub limiting_magnitude: f64,
}

/// The chosen satellites of `results` with no pass a naked eye can expect to see under a
/// sky showing stars to `limiting_magnitude`, whose search did not fail and which are not
/// always above the horizon, in the order they were chosen.
pub fn unseen_ids(results: &PassResults, chosen: &[u64], limiting_magnitude: f64) -> Vec<u64> {
    chosen
        .iter()
        .copied()
        .filter(|id| {
            results.satellites.iter().any(|s| {
                s.norad_id == *id && s.error.is_none() && s.presence != SkyPresence::AlwaysAbove
            })
        })
        .filter(|id| {
            !results
                .records
                .iter()
                .any(|r| r.pass.norad_id == *id && r.is_visible_to_eye(limiting_magnitude))
        })
        .collect()
}

/// The search ahead the table needs now for `results`, or None when what it has (or is
/// getting) serves: the unseen chosen satellites not yet searched for this sky.
pub fn wanted_look_ahead(
    results: &PassResults,
    chosen: &[u64],
    limiting_magnitude: f64,
) -> Option<AheadRequest> {
    let same_sky = results.ahead.limiting_magnitude == Some(limiting_magnitude);
    let norad_ids: Vec<u64> = unseen_ids(results, chosen, limiting_magnitude)
        .into_iter()
        .filter(|id| {
            !same_sky
                || !(results.ahead.found.contains_key(id) || results.ahead.searching.contains(id))
        })
        .collect();
    (!norad_ids.is_empty()).then(|| AheadRequest {
        norad_ids,
        observer: results.request.observer,
        search: results.request.search,
        from: results.request.end,
        until: results.request.end + Duration::days(LOOK_AHEAD_DAYS),
        limiting_magnitude,
    })
}

/// Starts a search ahead on a worker thread (rayon over the satellites).
pub fn spawn_look_ahead(
    ctx: &egui::Context,
    catalog: Arc<CatalogData>,
    request: AheadRequest,
) -> Job<HashMap<u64, NextVisible>> {
    let total = request.norad_ids.len();
    jobs::spawn_worker(ctx, total, move |progress, cancel| {
        look_ahead(&catalog, &request, progress, cancel)
    })
}

/// The search ahead itself, on the calling thread.
pub fn look_ahead(
    catalog: &CatalogData,
    request: &AheadRequest,
    progress: &AtomicUsize,
    cancel: &AtomicBool,
) -> HashMap<u64, NextVisible> {
    let frame = ObserverFrame::new(request.observer);
    request
        .norad_ids
        .par_iter()
        .filter_map(|&id| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let sat = catalog.get(id)?;
            let sigma = catalog.magnitude_estimate(id).map_or(0.0, |e| e.sigma);
            let next = next_visible_pass(
                sat,
                &frame,
                request.from,
                request.until,
                &request.search,
                catalog.std_magnitude(id),
                |p| p.may_be_seen(request.limiting_magnitude, sigma),
            );
            progress.fetch_add(1, Ordering::Relaxed);
            Some((id, next))
        })
        .collect()
}

/// The notes of the chosen satellites with nothing to see in the window, in the order
/// they were chosen, each with whether its search ahead is still running: the table's
/// lines ([`SatelliteNote::unseen_words`]).
pub fn unseen_notes(
    results: &PassResults,
    catalog: &CatalogData,
    chosen: &[u64],
    limiting_magnitude: f64,
) -> Vec<(SatelliteNote, bool)> {
    let same_sky = results.ahead.limiting_magnitude == Some(limiting_magnitude);
    unseen_ids(results, chosen, limiting_magnitude)
        .into_iter()
        .filter_map(|id| {
            let sat = catalog.get(id)?;
            let searched = results.satellites.iter().find(|s| s.norad_id == id)?;
            let passes = results
                .records
                .iter()
                .filter(|r| r.pass.norad_id == id)
                .count();
            let mut note = SatelliteNote {
                norad_id: id,
                name: sat.set.name.clone(),
                presence: presence_tag(searched.presence),
                error: None,
                passes,
                visible_passes: 0,
                next_visible: None,
                searched_until: results.request.end,
                rises_ahead: None,
            };
            let found = results.ahead.found.get(&id).filter(|_| same_sky);
            if let Some(next) = found {
                note.add_ahead(next.clone());
            }
            Some((note, found.is_none()))
        })
        .collect()
}
