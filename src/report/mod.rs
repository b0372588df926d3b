//! Passes written out for people and programs: JSON, CSV, iCalendar, compass points and
//! plain-language descriptions. Shared by the command line and the window's export.
//!
//! - this file: the records written out ([`PassRecord`], [`PassSource`], [`SeenPart`],
//!   [`SatelliteNote`]) and the shared number formats;
//! - `words`: every English word and sentence about a pass (what a translation touches);
//! - `moon`: the Moon near a visible pass;
//! - `identify`: the verdict and the short words of `overhead identify` and the Identify mode;
//! - `outlook`: every satellite asked for accounted for, with its next pass to see;
//! - `timing`: how much to trust a time (its uncertainty, the elements' age) in words;
//! - `json`, `csv`, `ics`: the three file formats;
//! - `transits`, `transit_words`: transits across the Sun and the Moon in the same three
//!   formats, and their words.

use std::sync::Arc;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::orbit::{
    Appears, BrightVerdict, MagnitudeEstimate, Pass, PassPoint, TimingDrift, Vanishes,
    timing_uncertainty_s,
};

mod csv;
mod digits;
mod ics;
mod identify;
mod json;
mod magnitude_words;
mod moon;
mod outlook;
mod timing;
mod transit_words;
mod transits;
mod words;

pub use csv::{to_csv, write_csv};
pub use ics::to_ics;
pub use identify::*;
pub use json::{to_json, write_json};
pub use magnitude_words::*;
pub use moon::{MOON_NOTE_SEPARATION_DEG, MoonNearPass};
pub use outlook::{WindowWords, presence_tag};
pub use timing::{SHOWN_TIMING_S, plus_minus_beside, time_with_plus_minus};
pub use timing::{UNCERTAIN_TIMING_S, element_age, is_uncertain, plus_minus_words};
pub use transit_words::*;
pub use transits::{
    TransitSatelliteNote, transits_to_ics, write_transits_csv, write_transits_json,
};
pub use words::*;

/// The element set a satellite's passes were predicted from: shared by all of its
/// [`PassRecord`]s, so a week of the whole catalog holds each name once.
#[derive(Debug, Clone, PartialEq)]
pub struct PassSource {
    /// Satellite name as published.
    pub name: String,
    /// The name as reports show it: cleaned of control characters and cut to
    /// [`crate::text::NAME_CHARS`] (once per satellite, not once per pass).
    pub shown_name: String,
    /// Epoch of the element set used, UTC.
    pub element_epoch: DateTime<Utc>,
    /// Mean motion of the elements, revolutions per day.
    pub mean_motion_rev_per_day: f64,
    /// The satellite's standard magnitude with its sigma and source, when one is known
    /// (`catalog::magnitude_estimate`); the passes' magnitudes were predicted from its value.
    pub standard_magnitude: Option<MagnitudeEstimate>,
    /// What the timing uncertainty is computed from ([`crate::orbit::timing`]).
    pub timing_drift: TimingDrift,
}

impl PassSource {
    /// The source of passes predicted from the element set `set`.
    pub fn new(set: &crate::orbit::ElementSet) -> Self {
        Self {
            name: set.name.clone(),
            shown_name: crate::text::clean(&set.name, crate::text::NAME_CHARS),
            element_epoch: set.epoch,
            mean_motion_rev_per_day: set.mean_motion_rev_per_day(),
            standard_magnitude: None,
            timing_drift: TimingDrift::of(set),
        }
    }

    /// The source of passes predicted from `set` with the standard magnitude `estimate`.
    pub fn estimated(set: &crate::orbit::ElementSet, estimate: Option<MagnitudeEstimate>) -> Self {
        Self {
            standard_magnitude: estimate,
            ..Self::new(set)
        }
    }
}

/// A pass with the satellite's name and the age of the elements it was predicted from.
#[derive(Debug, Clone, PartialEq)]
pub struct PassRecord {
    /// Where the pass came from (name, element epoch), shared with the satellite's other passes.
    pub source: Arc<PassSource>,
    /// The pass.
    pub pass: Pass,
}

impl PassRecord {
    /// The record of `pass`, predicted from the element set `set`.
    pub fn new(set: &crate::orbit::ElementSet, pass: Pass) -> Self {
        Self {
            source: Arc::new(PassSource::new(set)),
            pass,
        }
    }

    /// The records of a satellite's `passes`, predicted from `set`, sharing one source.
    /// The vector is allocated once at its final length: a catalog's week makes 700,000
    /// of these, and growing or shrinking the vectors showed in the search's time.
    pub fn all(set: &crate::orbit::ElementSet, passes: Vec<Pass>) -> Vec<Self> {
        Self::all_from(Arc::new(PassSource::new(set)), passes)
    }

    /// [`PassRecord::all`] for passes whose magnitudes were predicted from the standard
    /// magnitude `estimate`, which the records carry (for its sigma and source).
    pub fn all_estimated(
        set: &crate::orbit::ElementSet,
        passes: Vec<Pass>,
        estimate: Option<MagnitudeEstimate>,
    ) -> Vec<Self> {
        Self::all_from(Arc::new(PassSource::estimated(set, estimate)), passes)
    }

    /// The records of `passes`, sharing `source`.
    fn all_from(source: Arc<PassSource>, passes: Vec<Pass>) -> Vec<Self> {
        passes
            .into_iter()
            .map(|pass| Self {
                source: Arc::clone(&source),
                pass,
            })
            .collect()
    }

    /// Satellite name as published.
    pub fn name(&self) -> &str {
        &self.source.name
    }

    /// Satellite name as reports show it ([`PassSource::shown_name`]).
    pub fn shown_name(&self) -> &str {
        &self.source.shown_name
    }

    /// Epoch of the element set used, UTC.
    pub fn element_epoch(&self) -> DateTime<Utc> {
        self.source.element_epoch
    }

    /// Age of the elements at culmination, days.
    pub fn element_age_days(&self) -> f64 {
        (self.pass.culmination.time - self.source.element_epoch).num_milliseconds() as f64
            / crate::orbit::constants::DAY_MS
    }

    /// The standard magnitude the pass's magnitude was predicted from, when known.
    pub fn standard_magnitude(&self) -> Option<&MagnitudeEstimate> {
        self.source.standard_magnitude.as_ref()
    }

    /// Whether a visible pass is bright enough for a sky whose faintest star has magnitude
    /// `limiting_magnitude`, weighing the standard magnitude's sigma ([`BrightVerdict::of`]);
    /// None when the pass is not visible or its brightness is unknown. A magnitude without
    /// an estimate beside it (records built by [`PassRecord::all`]) is taken as exact.
    pub fn bright_verdict(&self, limiting_magnitude: f64) -> Option<BrightVerdict> {
        if !self.pass.is_visible {
            return None;
        }
        let sigma = self.standard_magnitude().map_or(0.0, |e| e.sigma);
        self.pass
            .magnitude
            .map(|m| BrightVerdict::of(m, sigma, limiting_magnitude))
    }

    /// Whether a naked-eye observer may see it: visible, and not fainter than
    /// `limiting_magnitude` by a sigma or more (maybe and unknown brightness count).
    pub fn is_visible_to_eye(&self, limiting_magnitude: f64) -> bool {
        let sigma = self.standard_magnitude().map_or(0.0, |e| e.sigma);
        self.pass.may_be_seen(limiting_magnitude, sigma)
    }

    /// How far off the pass's times may be, seconds: the 90 % bound of the timing error for
    /// elements this old on this orbit ([`crate::orbit::timing`], an estimate).
    pub fn timing_uncertainty_s(&self) -> f64 {
        timing_uncertainty_s(self.element_age_days(), self.source.timing_drift)
    }
}

/// The parts of a visible pass an observer needs: where it appears, its highest point
/// while seen, and where it vanishes, with how it appears and vanishes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeenPart {
    /// Where it is first seen.
    pub start: PassPoint,
    /// Highest point while seen.
    pub peak: PassPoint,
    /// Where it is last seen.
    pub end: PassPoint,
    /// How it comes into view.
    pub appears: Appears,
    /// How it is lost from view.
    pub vanishes: Vanishes,
}

impl SeenPart {
    /// The seen part of `pass`, when it is visible.
    pub fn of(pass: &Pass) -> Option<Self> {
        Some(Self {
            start: pass.visible_start()?,
            peak: pass.visible_peak()?,
            end: pass.visible_end()?,
            appears: pass.appears?,
            vanishes: pass.vanishes?,
        })
    }
}

/// The default limiting magnitude: a suburban sky.
pub const DEFAULT_LIMITING_MAGNITUDE: f64 = 4.0;

/// A time as RFC 3339 in UTC with milliseconds ("2026-08-22T12:39:05.123Z").
fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// `x` rounded to `decimals` places, never a negative zero (so "-0" is not printed).
fn round_to(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale + 0.0
}

/// A satellite searched: whether it rose, how many passes (and passes to see) it has in
/// the window, and the first pass to see from the window's start, searched ahead past the
/// window when it has none (see [`outlook`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SatelliteNote {
    /// Catalog number.
    pub norad_id: u64,
    /// Name.
    pub name: String,
    /// "passes", "always_above", "never_above" or "not_searched" over the window.
    pub presence: &'static str,
    /// A propagation failure (e.g. decay) that cut the search short.
    pub error: Option<String>,
    /// Passes in the window (reaching the minimum elevation).
    pub passes: usize,
    /// Of those, the passes a naked eye can expect to see (visible, not known too faint).
    pub visible_passes: usize,
    /// The first pass a naked eye can expect to see from the window's start: in the
    /// window, or found by a search ahead; None when none was found.
    pub next_visible: Option<Pass>,
    /// How far the search for it went: the window's end, or as far as the search ahead.
    pub searched_until: DateTime<Utc>,
    /// After a search ahead, whether the satellite rose in it; None without one.
    pub rises_ahead: Option<bool>,
}

/// Crafted passes shared by the tests of the words and the Moon.
#[cfg(test)]
pub(crate) mod fixtures {
    use chrono::{DateTime, Utc};

    use crate::orbit::{Appears, Pass, PassPoint, Vanishes};

    /// A point of a crafted pass: minutes after 21:30 UTC, azimuth and elevation.
    pub(crate) fn at(minute: f64, azimuth_deg: f64, elevation_deg: f64) -> PassPoint {
        let t0: DateTime<Utc> = "2026-08-22T21:30:00Z".parse().unwrap();
        PassPoint {
            time: t0 + chrono::Duration::milliseconds((minute * 60_000.0) as i64),
            azimuth_deg,
            elevation_deg,
            range_km: 800.0,
        }
    }

    /// A pass rising in the SSE at 21:31, highest 51° in the ENE at 21:37, setting in the N
    /// at 21:43 (KORSAT-7 from Seoul, 22 Aug 2026), seen from `start` to `end`.
    pub(crate) fn crafted(
        seen: Option<(PassPoint, PassPoint, PassPoint, Appears, Vanishes)>,
    ) -> Pass {
        let mut pass = Pass {
            not_visible_reason: Some(crate::orbit::NotVisibleReason::EarthShadow),
            ..Pass::unseen(
                58463,
                at(1.0, 155.0, 0.0),
                at(7.0, 68.0, 51.0),
                at(13.0, 354.0, 0.0),
            )
        };
        if let Some((start, peak, end, appears, vanishes)) = seen {
            pass.is_visible = true;
            pass.not_visible_reason = None;
            pass.set_seen_points(start, peak, end);
            pass.visible_stretches = 1;
            pass.appears = Some(appears);
            pass.vanishes = Some(vanishes);
        }
        pass
    }

    pub(crate) fn hm(t: DateTime<Utc>) -> String {
        t.format("%H:%M").to_string()
    }
}
