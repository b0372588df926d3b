//! "What was that?": which satellite an observer saw, from when and where they saw it.
//!
//! The observer gives a time (good to some tolerance), where the light was then, and
//! optionally where it was some seconds later (or only which way it went) and how bright
//! it looked. Every satellite of the catalog is tried (in parallel):
//!
//! 1. **Coarse.** Over the window of time shifts the tolerance and the element set's age
//!    allow, a bound on how fast the satellite's geocentric angle from the observer can
//!    change rules most of the catalog out with one SGP4 call ([`track`]).
//! 2. **Fit.** For the rest, SGP4 knots every 20 s and an interpolant between them give the
//!    path across the sky; the time shift that brings the path closest to what was seen is
//!    found on a one-second grid and refined ([`fit`]). The misfit is a χ² in units of the
//!    observer's errors: the miss at the first point, the second point's miss across the
//!    path (direction) and along it (angular rate, which tells a low satellite from a high
//!    one), and the shift itself against the clock's tolerance and the elements' timing
//!    bound ([`super::timing_uncertainty_s`], issue 26's 90% bound for their age and drift,
//!    taken as 1.645 standard deviations). Shifts up to the tolerance plus twice the bound
//!    are searched.
//! 3. **Light.** A satellite in the Earth's shadow cannot have been seen (unless within its
//!    timing uncertainty of the shadow's edge), and a faint one is an unlikely naked-eye
//!    sighting; a magnitude the observer gives sharpens that ([`score`]). Standard
//!    magnitudes, with their sigmas, come through [`MagnitudeLookup`] (issue 22's tiers).
//! 4. **Ranking.** The terms add up to −2 ln of a likelihood; the satellites are ranked by
//!    it, and each gets the share of the probability it carries among all those tried and
//!    "something not in the catalog" (an aircraft, a satellite without public elements).
//!    A satellite *fits* when its misfit is inside the 99.9% bound of the χ² law for the
//!    points given and it was sunlit; when none fits, the nearest misses are returned,
//!    marked as not fitting, rather than a forced match.
//!
//! The result is an estimate: the error model (1.5–2° per point, a clock good to about the
//! tolerance) is a person's, not an instrument's, and brightness estimates are rough.

mod fit;
mod score;
mod track;

use chrono::{DateTime, Duration, Utc};
use rayon::prelude::*;

use super::brightness::{MagnitudeEstimate, MagnitudeSource, MagnitudeTiers, SatelliteKey};
use super::elements::ElementSet;
use super::frames::{
    ObserverFrame, gmst_rad, gmst_rate_rad_per_minute, julian_date_utc, teme_from_ecef,
};
use super::passes::MAX_DAYS_FROM_EPOCH;
use super::propagate::Satellite;
use super::stars::SkyDirection;
use super::sun::sun_position_teme_km;
use super::timing::{TimingDrift, timing_uncertainty_s};
use fit::{
    Errors, Fit, Motion, Observed, angle_rad, best_fit, closest_approach, motion_at, tangent_unit,
};
use score::{Light, SunAndObserver, light};
use track::{KNOT_S, SkyClock, Track};

/// What the observer reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sighting {
    /// When they saw it at [`Sighting::at`], UTC.
    pub time: DateTime<Utc>,
    /// How far off that time may be, seconds (about two standard deviations).
    pub time_tolerance_s: f64,
    /// Where it was at that time (azimuth from true north through east, geometric elevation).
    pub at: SkyDirection,
    /// Where it was [`Sighting::after_s`] seconds later, or, without `after_s`, only a point
    /// on the way it went.
    pub to: Option<SkyDirection>,
    /// Seconds from `at` to `to`.
    pub after_s: Option<f64>,
    /// How bright it looked, visual magnitude, if the observer can say.
    pub magnitude: Option<f64>,
}

/// A satellite's standard magnitude (at 1000 km, half lit) and how far off it may be
/// (one standard deviation, magnitudes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StandardMagnitude {
    /// Visual magnitude at 1000 km and phase angle 90°.
    pub magnitude: f64,
    /// Its uncertainty, magnitudes (tumbling, flat panels, an old measurement).
    pub sigma: f64,
    /// The tier it comes from (None for the value assumed of a satellite no tier knows).
    pub source: Option<MagnitudeSource>,
}

impl From<&MagnitudeEstimate> for StandardMagnitude {
    fn from(estimate: &MagnitudeEstimate) -> Self {
        Self {
            magnitude: estimate.value,
            sigma: estimate.sigma,
            source: Some(estimate.source),
        }
    }
}

impl StandardMagnitude {
    /// Whether a magnitude predicted from it is shown as one number (measured for the
    /// object) rather than as its one-sigma range (an estimate from the family or size).
    pub fn is_measured(&self) -> bool {
        self.source == Some(MagnitudeSource::Measured)
    }
}

/// Where identification and Sky now find a satellite's standard magnitude: the best
/// estimate of the brightness tiers (measured, family or size; issue 22), with its sigma.
/// The command line looks each satellite up in the bundled [`MagnitudeTiers`] as it needs
/// it; the window answers from the estimates it keeps with its catalog.
pub trait MagnitudeLookup: Sync {
    /// The standard magnitude of the satellite of `set` with its sigma, if any tier knows it.
    fn standard_magnitude(&self, set: &ElementSet) -> Option<StandardMagnitude>;
}

impl MagnitudeLookup for MagnitudeTiers {
    fn standard_magnitude(&self, set: &ElementSet) -> Option<StandardMagnitude> {
        self.estimate(&SatelliteKey::from(set))
            .as_ref()
            .map(StandardMagnitude::from)
    }
}

/// The score's parameters: the observer's error model and the weights of light and
/// brightness. [`Default`] is what the command line and the window use; the evaluation
/// (`tests/identify.rs`) also runs it without brightness.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreModel {
    /// Error of each reported position on each axis of the sky, degrees.
    pub position_sigma_deg: f64,
    /// Standard deviation of the clock's error as a fraction of the stated tolerance.
    pub clock_sigma_fraction: f64,
    /// Error of a counted duration (`after_s`) as a fraction of it.
    pub duration_sigma_fraction: f64,
    /// Whether brightness counts at all.
    pub use_brightness: bool,
    /// Faintest magnitude a moving light is noticed at with the naked eye.
    pub naked_eye_limit: f64,
    /// What is assumed, for ranking only, of a satellite without a standard magnitude.
    pub unknown_standard_magnitude: StandardMagnitude,
    /// Error of a magnitude the observer reports, magnitudes.
    pub reported_magnitude_sigma: f64,
    /// Least likelihood a sunlit satellite has of being seen, however faint (glints).
    pub glint_probability: f64,
    /// Misfit added for a satellite in the Earth's shadow.
    pub shadow_chi2: f64,
    /// Misfit added for one in shadow within its timing uncertainty of the edge.
    pub shadow_edge_chi2: f64,
    /// Seconds beyond the timing uncertainty the shadow's edge may be off (penumbra,
    /// the Sun's low-precision place).
    pub shadow_edge_s: f64,
    /// Longest window of time shifts searched either side of the reported time, seconds.
    pub max_window_s: f64,
    /// Most candidates returned that fit.
    pub max_candidates: usize,
    /// Nearest misses returned when none fits.
    pub max_misses: usize,
}

impl Default for ScoreModel {
    fn default() -> Self {
        Self {
            position_sigma_deg: 2.0,
            clock_sigma_fraction: 0.5,
            duration_sigma_fraction: 0.1,
            use_brightness: true,
            naked_eye_limit: 4.5,
            unknown_standard_magnitude: StandardMagnitude {
                magnitude: 6.5,
                sigma: 1.5,
                source: None,
            },
            reported_magnitude_sigma: 1.0,
            glint_probability: 0.02,
            shadow_chi2: 40.0,
            shadow_edge_chi2: 4.0,
            shadow_edge_s: 5.0,
            max_window_s: 900.0,
            max_candidates: 5,
            max_misses: 3,
        }
    }
}

/// One satellite as a candidate for what was seen.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Catalog number.
    pub norad_id: u64,
    /// Name as published.
    pub name: String,
    /// Share of the probability among all satellites tried and "something else", 0 to 1.
    pub score: f64,
    /// Whether it fits what was seen (misfit within bounds, sunlit).
    pub fits: bool,
    /// When it came closest to where it was seen first, UTC.
    pub time: DateTime<Utc>,
    /// That time minus the reported time, seconds.
    pub time_offset_s: f64,
    /// How close it came to the first point, degrees.
    pub miss_deg: f64,
    /// Angle between the way it moved and the way the observer saw it go, degrees (0 to 180;
    /// `None` without `to`).
    pub direction_error_deg: Option<f64>,
    /// Its angular rate across the sky there, degrees per second (over `after_s` when given).
    pub rate_deg_s: f64,
    /// Observed rate over predicted, minus 1 (−0.2: seen 20% slower; `None` without `after_s`).
    pub rate_error: Option<f64>,
    /// Azimuth at [`Candidate::time`], degrees from true north through east.
    pub azimuth_deg: f64,
    /// Geometric elevation at [`Candidate::time`], degrees.
    pub elevation_deg: f64,
    /// Whether it was sunlit then.
    pub sunlit: bool,
    /// Estimated visual magnitude then (sunlit, with a known standard magnitude).
    pub magnitude: Option<f64>,
    /// Its standard magnitude with its sigma and tier, if any tier knows it.
    pub standard: Option<StandardMagnitude>,
    /// Distance from the observer then, km.
    pub range_km: f64,
    /// Age of its element set at the time, days (negative before the epoch).
    pub element_age_days: f64,
    /// How early or late its elements may put it at that age, seconds (issue 26's 90%
    /// bound, [`timing_uncertainty_s`]).
    pub timing_uncertainty_s: f64,
    /// Total misfit, −2 ln likelihood (smaller is better).
    pub chi2: f64,
    /// Satellites flying with it, at the same place in the sky (modules docked to a
    /// station, a fresh launch's train): catalog number and name. One light, so they
    /// share the candidate and its score.
    pub together_with: Vec<(u64, String)>,
}

/// The answer: candidates, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Identification {
    /// Those that fit, best first (at most [`ScoreModel::max_candidates`]); when none fits,
    /// the nearest misses (at most [`ScoreModel::max_misses`], each with `fits: false`).
    pub candidates: Vec<Candidate>,
    /// How many satellites were tried.
    pub searched: usize,
    /// How many were not, their elements too far (over [`MAX_DAYS_FROM_EPOCH`]) from the time.
    pub not_searched: usize,
}

impl Identification {
    /// True when the first candidate fits.
    pub fn fits(&self) -> bool {
        self.candidates.first().is_some_and(|c| c.fits)
    }
}

/// The 99.9% point of the χ² law with `dof` degrees of freedom (2 to 5).
fn chi2_bound(dof: usize) -> f64 {
    match dof {
        0..=2 => 13.82,
        3 => 16.27,
        4 => 18.47,
        _ => 20.52,
    }
}

/// Unit vector of a direction in the local (east, north, up) frame.
fn enu_of(d: SkyDirection) -> [f64; 3] {
    let (sin_az, cos_az) = d.azimuth_deg.to_radians().sin_cos();
    let (sin_el, cos_el) = d.elevation_deg.to_radians().sin_cos();
    [sin_az * cos_el, cos_az * cos_el, sin_el]
}

/// Azimuth and elevation of a unit vector in the local frame.
fn direction_of(enu: [f64; 3]) -> SkyDirection {
    SkyDirection {
        azimuth_deg: enu[0].atan2(enu[1]).to_degrees().rem_euclid(360.0),
        elevation_deg: enu[2].clamp(-1.0, 1.0).asin().to_degrees(),
    }
}

/// The query's fixed parts.
struct Query {
    sky: SkyClock,
    observed: Observed,
    light: SunAndObserver,
    /// Degrees of freedom of the geometric misfit.
    dof: usize,
    /// The coarse bound's lowest elevation of interest, degrees.
    min_elevation_deg: f64,
}

impl Query {
    fn new(frame: &ObserverFrame, sighting: &Sighting, model: &ScoreModel) -> Self {
        let jd = julian_date_utc(sighting.time);
        let gmst0_rad = gmst_rad(jd);
        let sky = SkyClock {
            frame: *frame,
            gmst0_rad,
            gmst_rate_rad_s: gmst_rate_rad_per_minute(jd) / 60.0,
        };
        let at = enu_of(sighting.at);
        let position_rad = model.position_sigma_deg.to_radians();
        let (motion, dof) = match (sighting.to, sighting.after_s) {
            (Some(to), Some(after_s)) if after_s > 0.0 => (
                Motion::To {
                    to: enu_of(to),
                    after_s,
                },
                4,
            ),
            (Some(to), _) => {
                let to = enu_of(to);
                let apart = angle_rad(at, to);
                (
                    Motion::Toward {
                        direction: tangent_unit([0, 1, 2].map(|k| to[k] - at[k]), at),
                        sigma_rad: (std::f64::consts::SQRT_2 * position_rad).atan2(apart),
                    },
                    3,
                )
            }
            (None, _) => (Motion::Unknown, 2),
        };
        let lowest = sighting.to.map_or(sighting.at.elevation_deg, |to| {
            to.elevation_deg.min(sighting.at.elevation_deg)
        });
        Self {
            sky,
            observed: Observed { at, motion },
            light: SunAndObserver {
                sun_teme_km: sun_position_teme_km(jd),
                observer_teme_km: teme_from_ecef(gmst0_rad, frame.r_ecef_km),
            },
            dof,
            min_elevation_deg: (lowest - COARSE_MARGIN_DEG).max(0.0),
        }
    }
}

/// The coarse bound keeps satellites that can reach this far below the lowest point seen,
/// degrees: far enough for any that could fit, and for the nearest misses.
const COARSE_MARGIN_DEG: f64 = 15.0;

/// One satellite tried: its fit and its light.
struct Tried {
    index: usize,
    fit: Fit,
    light: Light,
    window_s: f64,
    age_days: f64,
    timing_s: f64,
    chi2: f64,
    fits: bool,
}

/// Standard deviations in a two-sided 90% bound of a normal error: the timing bound of
/// [`timing_uncertainty_s`] is read as 1.645 sigma.
const NINETY_PERCENT_Z: f64 = 1.645;

/// A satellite's window, shift spread and age at the sighting.
struct Timing {
    age_days: f64,
    timing_s: f64,
    window_s: f64,
    shift_sigma_s: f64,
    minutes0: f64,
}

fn timing_of(sat: &Satellite, sighting: &Sighting, model: &ScoreModel) -> Timing {
    let age_days = sat.set.age_days(sighting.time);
    // Issue 26's 90% bound on how early or late these elements put the satellite.
    let timing_s = timing_uncertainty_s(age_days, TimingDrift::of(&sat.set));
    let timing_sigma_s = timing_s / NINETY_PERCENT_Z;
    let clock_s = sighting.time_tolerance_s * model.clock_sigma_fraction;
    Timing {
        age_days,
        timing_s,
        window_s: (sighting.time_tolerance_s + 2.0 * timing_s).min(model.max_window_s),
        shift_sigma_s: (clock_s * clock_s + timing_sigma_s * timing_sigma_s)
            .sqrt()
            .max(1.0),
        minutes0: sat.minutes_since_epoch(sighting.time),
    }
}

fn track_of<'a>(sat: &'a Satellite, query: &Query, timing: &Timing) -> Option<Track<'a>> {
    let after_s = match query.observed.motion {
        Motion::To { after_s, .. } => after_s,
        _ => 1.0,
    };
    Track::new(
        sat,
        &query.sky,
        timing.minutes0,
        -timing.window_s - KNOT_S,
        timing.window_s + after_s + KNOT_S,
        query.min_elevation_deg,
    )
}

fn try_one(
    index: usize,
    sat: &Satellite,
    query: &Query,
    sighting: &Sighting,
    magnitudes: &dyn MagnitudeLookup,
    model: &ScoreModel,
) -> Option<Tried> {
    let timing = timing_of(sat, sighting, model);
    let mut track = track_of(sat, query, &timing)?;
    let errors = Errors {
        position_rad: model.position_sigma_deg.to_radians(),
        shift_s: timing.shift_sigma_s,
        duration_fraction: model.duration_sigma_fraction,
    };
    let fit = best_fit(
        &mut track,
        &query.sky,
        &query.observed,
        &errors,
        timing.window_s,
    )?;
    let orbit_rate_deg_s = sat.set.mean_motion_rev_per_day() * 360.0 / 86_400.0;
    let light = light(
        &fit,
        &query.light,
        magnitudes.standard_magnitude(&sat.set),
        sighting.magnitude,
        orbit_rate_deg_s,
        timing.timing_s,
        model,
    );
    let chi2 = fit.chi2() + light.sunlight_chi2 + light.brightness_chi2;
    let fits = fit.chi2() <= chi2_bound(query.dof) && (light.sunlit || light.near_shadow_edge);
    Some(Tried {
        index,
        fit,
        light,
        window_s: timing.window_s,
        age_days: timing.age_days,
        timing_s: timing.timing_s,
        chi2,
        fits,
    })
}

/// Which satellite of `sats` the observer at `frame` saw; see the module documentation.
/// `magnitudes` gives standard magnitudes with their sigmas ([`MagnitudeLookup`]).
pub fn identify(
    sats: &[Satellite],
    magnitudes: &dyn MagnitudeLookup,
    frame: &ObserverFrame,
    sighting: &Sighting,
    model: &ScoreModel,
) -> Identification {
    let query = Query::new(frame, sighting, model);
    let searchable = |sat: &Satellite| sat.set.age_days(sighting.time).abs() <= MAX_DAYS_FROM_EPOCH;
    let not_searched = sats.iter().filter(|s| !searchable(s)).count();
    let mut tried: Vec<Tried> = sats
        .par_iter()
        .enumerate()
        .filter(|(_, sat)| searchable(sat))
        .filter_map(|(i, sat)| try_one(i, sat, &query, sighting, magnitudes, model))
        .collect();
    tried.sort_by(|a, b| a.chi2.total_cmp(&b.chi2));
    // Shares of the probability, with "something else" weighing as much as a satellite
    // at the edge of fitting.
    let elsewhere = chi2_bound(query.dof);
    let floor = tried.first().map_or(elsewhere, |t| t.chi2.min(elsewhere));
    let weight = |chi2: f64| (-(chi2 - floor) / 2.0).exp();
    let total: f64 = tried.iter().map(|t| weight(t.chi2)).sum::<f64>() + weight(elsewhere);
    let groups = together(&tried);
    let listed = |fits: bool, max: usize| {
        groups
            .iter()
            .filter(|g| !fits || tried[g[0]].fits)
            .take(max)
            .cloned()
            .collect::<Vec<Vec<usize>>>()
    };
    let mut chosen = listed(true, model.max_candidates);
    if chosen.is_empty() {
        chosen = listed(false, model.max_misses);
    }
    let candidates = chosen
        .into_iter()
        .filter_map(|group| {
            let first = &tried[group[0]];
            let sat = sats.get(first.index)?;
            let score = group.iter().map(|&i| weight(tried[i].chi2)).sum::<f64>() / total;
            let mut c = describe(sat, first, &query, sighting, magnitudes, model, score)?;
            c.together_with = group[1..]
                .iter()
                .filter_map(|&i| sats.get(tried[i].index))
                .map(|s| (s.set.norad_id, s.set.name.clone()))
                .collect();
            Some(c)
        })
        .collect();
    Identification {
        candidates,
        searched: sats.len() - not_searched,
        not_searched,
    }
}

/// The candidate's numbers for people: where it came closest to the first point, when,
/// how it moved there.
fn describe(
    sat: &Satellite,
    tried: &Tried,
    query: &Query,
    sighting: &Sighting,
    magnitudes: &dyn MagnitudeLookup,
    model: &ScoreModel,
    score: f64,
) -> Option<Candidate> {
    let timing = timing_of(sat, sighting, model);
    let mut track = track_of(sat, query, &timing)?;
    let at = query.observed.at;
    let span_s = 30.0_f64.min(tried.window_s);
    let (s, look) = closest_approach(&mut track, &query.sky, at, tried.fit.s, span_s)
        .unwrap_or((tried.fit.s, tried.fit.look));
    let (heading, rate_rad_s) = motion_at(&mut track, &query.sky, s).unwrap_or(([0.0; 3], 0.0));
    let (direction_error_deg, rate_deg_s, rate_error) = match query.observed.motion {
        Motion::Unknown => (None, rate_rad_s.to_degrees(), None),
        Motion::Toward { direction, .. } => (
            Some(angle_rad(tangent_unit(heading, at), direction).to_degrees()),
            rate_rad_s.to_degrees(),
            None,
        ),
        Motion::To { to, after_s } => {
            let seen = tangent_unit([0, 1, 2].map(|k| to[k] - at[k]), at);
            let predicted_rad_s = tried.fit.look_after.map_or(rate_rad_s, |b| {
                angle_rad(tried.fit.look.enu, b.enu) / after_s
            });
            let observed_rad_s = angle_rad(at, to) / after_s;
            (
                Some(angle_rad(tangent_unit(heading, at), seen).to_degrees()),
                predicted_rad_s.to_degrees(),
                (predicted_rad_s > 0.0).then(|| observed_rad_s / predicted_rad_s - 1.0),
            )
        }
    };
    let time = sighting.time + Duration::milliseconds((s * 1000.0).round() as i64);
    let direction = direction_of(look.enu);
    Some(Candidate {
        norad_id: sat.set.norad_id,
        name: sat.set.name.clone(),
        score,
        fits: tried.fits,
        time,
        time_offset_s: s,
        miss_deg: angle_rad(at, look.enu).to_degrees(),
        direction_error_deg,
        rate_deg_s,
        rate_error,
        azimuth_deg: direction.azimuth_deg,
        elevation_deg: direction.elevation_deg,
        sunlit: tried.light.sunlit,
        magnitude: tried.light.magnitude,
        standard: magnitudes.standard_magnitude(&sat.set),
        range_km: look.range_km,
        element_age_days: tried.age_days,
        timing_uncertainty_s: tried.timing_s,
        chi2: tried.chi2,
        together_with: Vec::new(),
    })
}

/// Satellites closer than this at the same instant fly together, km.
const TOGETHER_KM: f64 = 20.0;
/// Only the best this many satellites tried are grouped (the rest are never listed).
const GROUPED: usize = 200;

/// The best [`GROUPED`] of `tried` (sorted, best first) in groups of satellites flying
/// together, each group best first, the groups in the order of their best.
fn together(tried: &[Tried]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, t) in tried.iter().enumerate().take(GROUPED) {
        let same = |g: &Vec<usize>| {
            let lead = &tried[g[0]];
            // Both fitted within a second or two of each other, at the same place then.
            let gap_s = (lead.fit.s - t.fit.s).abs();
            let apart_km = super::vec3::norm(super::vec3::sub(
                lead.fit.look.r_teme_km,
                t.fit.look.r_teme_km,
            ));
            gap_s < 3.0 && apart_km < TOGETHER_KM + 8.0 * gap_s
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}
