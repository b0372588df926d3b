//! The Identify mode's search: the whole catalog against one sighting, on a worker thread
//! (a few tenths of a second), one at a time, the latest request served last.

use eframe::egui;

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::catalog_data::CatalogData;
use super::jobs::{Job, spawn_worker};
use crate::orbit::stars::SkyDirection;
use crate::orbit::{Identification, Observer, ObserverFrame, ScoreModel, Sighting, identify};

/// How far off the clock's time may be when a sighting is clicked on the chart, seconds
/// (the command line's default).
pub const TIME_TOLERANCE_S: f64 = 60.0;

/// A sighting clicked on the sky chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IdentifyRequest {
    /// Where the observer stands.
    pub observer: Observer,
    /// When it was at `at` (the clock's time at the first click).
    pub time: DateTime<Utc>,
    /// Where it was seen first.
    pub at: SkyDirection,
    /// Where it went, and how many seconds that took.
    pub to: Option<(SkyDirection, f64)>,
}

impl IdentifyRequest {
    /// The engine's sighting.
    pub fn sighting(&self) -> Sighting {
        Sighting {
            time: self.time,
            time_tolerance_s: TIME_TOLERANCE_S,
            at: self.at,
            to: self.to.map(|(to, _)| to),
            after_s: self.to.map(|(_, s)| s),
            magnitude: None,
        }
    }
}

/// A request and what the catalog said.
#[derive(Debug, Clone, PartialEq)]
pub struct IdentifyResults {
    /// What was asked.
    pub request: IdentifyRequest,
    /// The candidates, best first.
    pub found: Identification,
}

/// Identifies `request` against `catalog` on the calling thread (rayon inside).
pub fn identify_request(catalog: &CatalogData, request: IdentifyRequest) -> IdentifyResults {
    let found = identify(
        &catalog.sats,
        catalog,
        &ObserverFrame::new(request.observer),
        &request.sighting(),
        &ScoreModel::default(),
    );
    IdentifyResults { request, found }
}

/// Starts identifying `request` on a worker thread.
pub fn spawn_identify(
    ctx: &egui::Context,
    catalog: Arc<CatalogData>,
    request: IdentifyRequest,
) -> Job<IdentifyResults> {
    spawn_worker(ctx, 0, move |_, _| identify_request(&catalog, request))
}
