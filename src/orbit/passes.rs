//! Finding passes: rise, culmination and set, and when a pass can be seen.
//!
//! The search works on the elevation above a threshold, `f(t) = elevation(t) − horizon`,
//! and its time derivative, both exact from one SGP4 call.
//!
//! 1. **Skipping.** Far from the observer no sample is needed. Two bounds say how long the
//!    satellite certainly stays below the horizon: the geocentric angle ψ between the
//!    observer and the satellite cannot shrink faster than the satellite's fastest angular
//!    rate (at perigee) plus the Earth's rotation, and the observer cannot approach the
//!    satellite's orbital plane faster than the Earth turns (plus the plane's own J2
//!    motion); looking ahead, the observer's path about the Earth's axis is known, so its
//!    angle from the plane follows a sinusoid, off by no more than the plane's turn. The
//!    satellite can only be above the horizon while ψ is below ψ_max, found from the
//!    apogee radius. Whole orbits that pass far from the observer cost one sample.
//!    In low orbit the scan also tries a landing where the satellite's present closing rate
//!    says it nears the observer, and keeps it when the bounds looking back from there and
//!    forward from the last sample together cover the whole way.
//! 2. **Bracketing.** Near the observer, samples are a sixteenth of an orbit apart (at most
//!    30 min). A rise or set is a sign change of `f` between two samples. A pass shorter
//!    than a step shows as the derivative turning from rising to falling between two
//!    samples below the horizon: its maximum is found, and if above the horizon, it is
//!    a pass. A step of P/16 cannot hide two turning points.
//! 3. **Refining.** Between two samples a quintic Hermite interpolant of the TEME state
//!    (positions, velocities and J2 accelerations at both ends) follows SGP4 to about a
//!    metre in low orbit. Each root is refined on it by Newton's method from the cubic
//!    through the samples' values and rates (Illinois where Newton wanders) to 1 ms; the
//!    culmination is the root of the elevation rate, refined the same way. Where the
//!    interpolant may stray (decaying and deep-space orbits) the reported points are
//!    SGP4's own, with a Newton step on SGP4 for rise and set. Nothing reported is a grid
//!    sample.
//!
//! A pass already in progress at the window's start is reported with its true rise time
//! (searched backwards), and one still in progress at the end with its true set time. The
//! search stops where SGP4 takes the satellite under 60 km (re-entered).

use chrono::{DateTime, Duration, Utc};

use super::brightness::{phase_angle_deg, visual_magnitude};
use super::frames::{ObserverFrame, geometric_from_apparent_deg, gmst_rad, refraction_deg};
use super::propagate::{PropagationError, ResonanceCache, Satellite};
use super::sun::sun_position_teme_km;
use super::vec3::{cross, dot, norm, sub, unit};

/// Gravitational parameter of the Earth, km³/s² (WGS-72, as SGP4 uses).
const MU_KM3_S2: f64 = 398_600.8;
/// J2 zonal harmonic (WGS-72), dimensionless.
const J2: f64 = 1.082_616e-3;
/// Height above the equatorial radius below which the pass search takes a satellite to
/// have re-entered, km: nothing stays in orbit below about 100 km, and the polar surface
/// is 21 km lower than the equator's.
const REENTRY_ALTITUDE_KM: f64 = 60.0;
/// Root tolerance for rise, set, and visibility boundaries, minutes (1 ms).
const ROOT_TOLERANCE_MIN: f64 = 1.0 / 60_000.0;
/// Tolerance of a root on the interpolant before the Newton polish, minutes (20 ms).
const INTERPOLATED_ROOT_TOLERANCE_MIN: f64 = 0.02 / 60.0;
/// Tolerance on the culmination time, minutes (10 ms).
const CULMINATION_TOLERANCE_MIN: f64 = 1.0 / 6_000.0;
/// How far past a boundary of the visible part the failing condition is looked for,
/// minutes (0.1 s: a hundred times the boundary's tolerance).
const BOUNDARY_PROBE_MIN: f64 = 0.1 / 60.0;

/// Settings of a pass search. Angles in degrees; elevations are geometric unless
/// `refraction` is set, in which case they are apparent (refracted) elevations.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PassSearch {
    /// Elevation that defines rise and set, degrees (default 0).
    pub horizon_deg: f64,
    /// Passes whose culmination is lower than this are dropped, degrees (default 10).
    pub min_elevation_deg: f64,
    /// A satellite is visible only at or above this elevation, degrees (default 10).
    pub visible_min_elevation_deg: f64,
    /// A satellite is visible only while the Sun is at or below this elevation at the
    /// observer, degrees (default −6, civil twilight).
    pub max_sun_elevation_deg: f64,
    /// Use apparent (refracted) elevations instead of geometric ones (default false).
    pub refraction: bool,
}

impl Default for PassSearch {
    fn default() -> Self {
        Self {
            horizon_deg: 0.0,
            min_elevation_deg: 10.0,
            visible_min_elevation_deg: 10.0,
            max_sun_elevation_deg: -6.0,
            refraction: false,
        }
    }
}

/// One instant of a pass seen from the observer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PassPoint {
    /// The instant, UTC.
    pub time: DateTime<Utc>,
    /// Azimuth from true north through east, degrees in [0, 360).
    pub azimuth_deg: f64,
    /// Elevation, degrees (geometric, or apparent when the search uses refraction).
    pub elevation_deg: f64,
    /// Observer–satellite distance, km.
    pub range_km: f64,
}

/// Why a pass cannot be seen with the naked eye.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum NotVisibleReason {
    /// The satellite never gets above the visibility elevation.
    TooLow,
    /// The sky is too bright while the satellite is high enough.
    Daylight,
    /// The satellite is in the Earth's shadow while the sky is dark.
    EarthShadow,
}

impl NotVisibleReason {
    /// A short phrase for tables: "too low", "daylight", "in Earth's shadow".
    pub fn phrase(self) -> &'static str {
        match self {
            Self::TooLow => "too low",
            Self::Daylight => "daylight",
            Self::EarthShadow => "in Earth's shadow",
        }
    }
}

/// How the visible part of a pass begins: which of the three conditions (high enough,
/// sunlit, dark sky) was the last to be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Appears {
    /// It climbs above the visibility elevation (or the horizon) in a dark sky, sunlit.
    Rises,
    /// It comes out of the Earth's shadow, already high enough.
    LeavesShadow,
    /// The sky gets dark enough while it is up and sunlit (dusk).
    SkyDarkens,
}

impl Appears {
    /// The machine-readable tag, as in JSON and CSV: "rises", "leaves_shadow", "sky_darkens".
    pub fn tag(self) -> &'static str {
        match self {
            Self::Rises => "rises",
            Self::LeavesShadow => "leaves_shadow",
            Self::SkyDarkens => "sky_darkens",
        }
    }
}

/// How the visible part of a pass ends: which condition was the first to fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vanishes {
    /// It sinks below the visibility elevation (or the horizon).
    Sets,
    /// It fades into the Earth's shadow.
    EntersShadow,
    /// The sky gets too bright (dawn).
    SkyBrightens,
}

impl Vanishes {
    /// The machine-readable tag, as in JSON and CSV: "sets", "enters_shadow", "sky_brightens".
    pub fn tag(self) -> &'static str {
        match self {
            Self::Sets => "sets",
            Self::EntersShadow => "enters_shadow",
            Self::SkyBrightens => "sky_brightens",
        }
    }
}

/// One pass of a satellite above an observer's horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Pass {
    /// Catalog number of the satellite.
    pub norad_id: u64,
    /// The satellite climbs through the search's `horizon_deg` (may be before the window start).
    pub rise: PassPoint,
    /// Highest elevation, refined to about 10 ms of time.
    pub culmination: PassPoint,
    /// The satellite sinks through `horizon_deg` (may be after the window end).
    pub set: PassPoint,
    /// True when at some instant the satellite is high enough, sunlit and the sky dark.
    pub is_visible: bool,
    /// First visible instant: where the observer first sees it. Where a pass is seen in
    /// several stretches, the seen part (start, peak, end, how it appears and vanishes, and
    /// the magnitude) is the stretch that gets highest.
    pub visible_start: Option<PassPoint>,
    /// Highest point while visible (the culmination when that is seen, else the higher
    /// end of the visible part).
    pub visible_peak: Option<PassPoint>,
    /// Last visible instant: where it vanishes.
    pub visible_end: Option<PassPoint>,
    /// In how many separate stretches the pass can be seen (0 when not visible; more than
    /// one when it dips into the shadow and out, or a long pass is seen before dawn and
    /// after dusk). The seen part above is one of them.
    pub visible_stretches: u8,
    /// How the visible part begins (None when not visible).
    pub appears: Option<Appears>,
    /// How the visible part ends (None when not visible).
    pub vanishes: Option<Vanishes>,
    /// Brightest estimated visual magnitude while visible (None without a standard magnitude).
    pub magnitude: Option<f64>,
    /// Why not visible, when it is not.
    pub not_visible_reason: Option<NotVisibleReason>,
}

impl Pass {
    /// Duration from rise to set.
    pub fn duration(&self) -> Duration {
        self.set.time - self.rise.time
    }

    /// Whether a visible pass is bright enough to see in a sky whose faintest visible star
    /// has magnitude `limiting_magnitude`: None when the pass is not visible or its
    /// brightness is unknown (no standard magnitude).
    pub fn is_bright_enough(&self, limiting_magnitude: f64) -> Option<bool> {
        if !self.is_visible {
            return None;
        }
        self.magnitude.map(|m| m <= limiting_magnitude)
    }

    /// Whether a naked-eye observer can expect to see it: visible, and not known to be
    /// fainter than `limiting_magnitude` (a pass of unknown brightness counts).
    pub fn is_visible_to_eye(&self, limiting_magnitude: f64) -> bool {
        self.is_visible && self.is_bright_enough(limiting_magnitude) != Some(false)
    }
}

/// Whether a satellite is above the horizon when it has no passes in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SkyPresence {
    /// At least one pass (before filtering by elevation) was found.
    Passes,
    /// Above the horizon for the whole window (e.g. a geostationary satellite in view).
    AlwaysAbove,
    /// Below the horizon for the whole window.
    NeverAbove,
    /// Not searched: the window is too far from the element epoch
    /// ([`MAX_DAYS_FROM_EPOCH`]); [`PassList::stopped_early`] says how far.
    NotSearched,
}

/// Farthest a search window may reach from the element epoch, before or after it, days.
///
/// SGP4 is fitted to a few days of tracking; its along-track error grows by kilometres a
/// day in low orbit, so after some weeks the times drift by minutes, and a year out the
/// satellite may be anywhere on its orbit (or long decayed). Beyond this a search would
/// report passes that are fiction, so [`find_passes`] refuses it, satellite by satellite.
pub const MAX_DAYS_FROM_EPOCH: f64 = 365.0;

/// The result of a pass search for one satellite.
#[derive(Debug, Clone, PartialEq)]
pub struct PassList {
    /// Passes that reach `min_elevation_deg`, in time order.
    pub passes: Vec<Pass>,
    /// Whether the satellite has passes, or stays above or below the horizon throughout.
    pub presence: SkyPresence,
    /// Set when propagation failed part-way (decay); the search stopped there.
    pub stopped_early: Option<PropagationError>,
}

/// Finds the passes of `sat` over `frame` that overlap the window `[start, end)`.
///
/// `std_magnitude` is the satellite's standard magnitude for brightness estimates.
/// A window that reaches more than [`MAX_DAYS_FROM_EPOCH`] from the element epoch is not
/// searched: the list is empty, [`SkyPresence::NotSearched`], and
/// [`PassList::stopped_early`] holds [`PropagationError::TooFarFromEpoch`].
pub fn find_passes(
    sat: &Satellite,
    frame: &ObserverFrame,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    search: &PassSearch,
    std_magnitude: Option<f64>,
) -> PassList {
    let (from_start, from_end) = (sat.set.age_days(start), sat.set.age_days(end));
    let farthest_days = if from_start.abs() > from_end.abs() {
        from_start
    } else {
        from_end
    };
    if farthest_days.abs() > MAX_DAYS_FROM_EPOCH {
        return PassList {
            passes: Vec::new(),
            presence: SkyPresence::NotSearched,
            stopped_early: Some(PropagationError::TooFarFromEpoch {
                days_from_epoch: farthest_days,
                limit_days: MAX_DAYS_FROM_EPOCH,
            }),
        };
    }
    let finder = Finder::new(sat, frame, search, std_magnitude);
    finder.run(sat.minutes_since_epoch(start), sat.minutes_since_epoch(end))
}

/// The elevation function and its derivative at one time, with the TEME state behind it.
#[derive(Debug, Clone, Copy)]
struct Sample {
    m: f64,
    /// Sine of the geometric elevation minus the sine of the threshold: same sign as
    /// "elevation − threshold", and free of inverse trigonometry in the inner loops.
    f: f64,
    /// Rate of `f`, per minute.
    rate: f64,
    /// Minutes the satellite certainly stays below the threshold from here (0 if unknown).
    safe_min: f64,
    /// Minutes it certainly was below the threshold before here (0 if unknown).
    back_min: f64,
    /// A guess at how far ahead the satellite comes near the observer, minutes, beyond
    /// `safe_min` (0 if none): the scan tries landing there and keeps the landing only if
    /// its `back_min` covers what `safe_min` does not.
    jump_min: f64,
    /// TEME position, km.
    r: [f64; 3],
    /// TEME velocity, km/s.
    v: [f64; 3],
    /// Central and J2 gravity at `r`, TEME, km/s² (for the interpolant).
    acc: [f64; 3],
}

impl Sample {
    /// The sample carried a moment (at most a second) along its motion to minute `m`: the
    /// value by its rate, the state by its velocity and gravity. The state is good to
    /// millimetres, so a converged solver need not evaluate the satellite again where it
    /// stops.
    fn advanced(&self, m: f64) -> Self {
        let dt_s = (m - self.m) * 60.0;
        let mut r = self.r;
        let mut v = self.v;
        for k in 0..3 {
            r[k] += (self.v[k] + 0.5 * self.acc[k] * dt_s) * dt_s;
            v[k] += self.acc[k] * dt_s;
        }
        Self {
            m,
            f: self.f + self.rate * (m - self.m),
            r,
            v,
            acc: gravity_km_s2(r),
            ..*self
        }
    }
}

/// How to evaluate the satellite between two samples: on the quintic Hermite interpolant
/// of the TEME state ([`Quintic`]), or by SGP4 itself (samples too far apart).
///
/// Over a sixteenth of a low orbit (≤ 6 min) the interpolant is good to about a metre
/// (tens of metres for odd, high-drag element sets), i.e. a millisecond or so in time.
// Spans live briefly on the stack or once per trail gap; boxing the polynomial would cost
// an allocation per span for the rare exact case's sake.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Copy)]
enum Span {
    Hermite(Quintic),
    Exact,
}

/// The spans between consecutive samples of a pass's trail, each made when first needed.
struct TrailSpans<'t> {
    trail: &'t [Sample],
    spans: Vec<std::cell::OnceCell<Span>>,
}

/// One of the three conditions of visibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Condition {
    /// High enough above the horizon.
    Height,
    /// In sunlight.
    Sunlight,
    /// The sky dark enough.
    Darkness,
}

/// A rise or set: the sample at the crossing.
enum Event {
    Rise(Sample),
    Set(Sample),
}

struct Finder<'a> {
    sat: &'a Satellite,
    frame: &'a ObserverFrame,
    search: &'a PassSearch,
    std_magnitude: Option<f64>,
    /// Sine of the rise/set threshold elevation.
    sin_threshold: f64,
    /// Sine of the lowest visible elevation.
    sin_visible: f64,
    /// Sine of the highest Sun elevation for a dark sky.
    sin_max_sun: f64,
    /// Greenwich mean sidereal time at the element epoch, rad.
    gmst_epoch_rad: f64,
    /// Rate of the sidereal time, rad per minute.
    gmst_rate_rad_min: f64,
    /// Last exact sidereal rotation: (minute, sine, cosine).
    rotation_ref: std::cell::Cell<(f64, f64, f64)>,
    step_min: f64,
    /// Longest span between two samples over which the Hermite interpolant is used,
    /// minutes: 0.4 rad of orbital motion at perigee (a sixteenth of a circular orbit).
    hermite_max_min: f64,
    psi_max_rad: f64,
    /// Below this geocentric angle the satellite is certainly above the threshold, rad.
    psi_up_rad: f64,
    /// Bound on the rate of the observer–satellite geocentric angle, rad/min.
    psi_rate_rad_min: f64,
    /// Bound on the rate of the satellite's angle along its orbit towards the observer, rad/min.
    along_rate_rad_min: f64,
    /// Slowest orbital rate above twelve times the Earth's (periods under about two hours):
    /// the satellite outruns the observer's projection on its plane, whose rate
    /// ω (cos i − tan δ p_z) only nears the satellite's when the observer is over 85° from
    /// the plane, and from there δ cannot come back within ψ_max (under 40° at such
    /// heights) inside one orbit. So the angle from the satellite forward to the projection
    /// shrinks steadily whenever a pass is possible (used by the backward bound).
    low_orbit: bool,
    /// Bound on the rate at which the observer nears the orbital plane, rad/min.
    plane_rate_rad_min: f64,
    /// Bound on the turning rate of the orbital plane itself (J2, Moon and Sun), rad/min.
    plane_turn_rad_min: f64,
    /// Deep-space resonance integrator checkpoint.
    resonance: ResonanceCache,
    /// Top speed of the satellite (at perigee, with a margin), km per minute.
    speed_max_km_min: f64,
    /// Top gravitational acceleration (at perigee, with a margin), km per minute².
    gravity_max_km_min2: f64,
    /// Bound on how fast the turning direction to the Sun moves the sunlight margin
    /// (its rate times the largest radius, with a margin), km per minute.
    sun_turn_km_min: f64,
    /// Observer position as a unit vector, ECEF.
    observer_unit_ecef: [f64; 3],
    /// How far back/forward to look for the true rise/set of a pass cut by the window.
    edge_limit_min: f64,
    /// Report SGP4's own states, not the interpolant's (see [`Finder::reported`]): in a
    /// decaying orbit (perigee below 300 km, or a drag term B* above 0.01 per Earth radius)
    /// drag bends the path away from the interpolant's J2 accelerations, and in deep space
    /// (period of 225 min or more) the Moon and Sun do, over longer spans, while the
    /// elevation changes so slowly that metres become seconds.
    exact_points: bool,
    /// The search window, minutes after the epoch (set by [`Finder::run`]): a pass seen in
    /// several stretches is told by one inside it.
    window_min: std::cell::Cell<(f64, f64)>,
}

/// Acceleration of a satellite at TEME position `r_km` under the Earth's central field and
/// its J2 oblateness (WGS-72), km/s². SGP4's trajectories follow it to about 1e-7 km/s² in
/// low orbit (drag, J3 and SGP4's own approximations make up the rest).
fn gravity_km_s2(r_km: [f64; 3]) -> [f64; 3] {
    const RADIUS_KM: f64 = 6378.135;
    let r2 = dot(r_km, r_km);
    let k = -MU_KM3_S2 / (r2 * r2.sqrt());
    let z2 = r_km[2] * r_km[2] / r2;
    let j = 1.5 * J2 * RADIUS_KM * RADIUS_KM / r2;
    let xy = k * (1.0 + j * (1.0 - 5.0 * z2));
    [
        xy * r_km[0],
        xy * r_km[1],
        k * (1.0 + j * (3.0 - 5.0 * z2)) * r_km[2],
    ]
}

/// The quintic Hermite interpolant of a TEME state between two samples, from both
/// samples' positions, velocities and (J2) accelerations. Over a sixteenth of a low orbit
/// it follows SGP4 to about a metre (tens of metres for odd element sets), where the cubic
/// on positions and velocities alone is off by hundreds.
///
/// Held as a polynomial in s = (m − m₀) / h per axis (km), with its derivative's
/// coefficients already divided by h (km/s), so that each evaluation is two Horner sums.
#[derive(Debug, Clone, Copy)]
struct Quintic {
    m0: f64,
    h_min: f64,
    r: [[f64; 6]; 3],
    v: [[f64; 5]; 3],
}

impl Quintic {
    fn new(a: &Sample, b: &Sample) -> Self {
        let h_min = b.m - a.m;
        let h = h_min * 60.0;
        let h2 = h * h;
        let mut r = [[0.0; 6]; 3];
        let mut v = [[0.0; 5]; 3];
        for k in 0..3 {
            let dr = b.r[k] - a.r[k];
            let (v0, v1) = (h * a.v[k], h * b.v[k]);
            let (a0, a1) = (h2 * a.acc[k], h2 * b.acc[k]);
            // The Hermite basis for r0, h v0, h² a0, h² a1, h v1, r1 gathered by powers of s.
            let c = [
                a.r[k],
                v0,
                0.5 * a0,
                10.0 * dr - 6.0 * v0 - 4.0 * v1 - 1.5 * a0 + 0.5 * a1,
                -15.0 * dr + 8.0 * v0 + 7.0 * v1 + 1.5 * a0 - a1,
                6.0 * dr - 3.0 * v0 - 3.0 * v1 - 0.5 * a0 + 0.5 * a1,
            ];
            r[k] = c;
            for j in 0..5 {
                v[k][j] = (j + 1) as f64 * c[j + 1] / h;
            }
        }
        Self {
            m0: a.m,
            h_min,
            r,
            v,
        }
    }

    /// TEME position (km) and velocity (km/s) at minute `m`.
    fn state(&self, m: f64) -> ([f64; 3], [f64; 3]) {
        let s = (m - self.m0) / self.h_min;
        let mut r = [0.0; 3];
        let mut v = [0.0; 3];
        for k in 0..3 {
            let c = &self.r[k];
            r[k] = c[0] + s * (c[1] + s * (c[2] + s * (c[3] + s * (c[4] + s * c[5]))));
            let d = &self.v[k];
            v[k] = d[0] + s * (d[1] + s * (d[2] + s * (d[3] + s * d[4])));
        }
        (r, v)
    }
}

impl<'a> Finder<'a> {
    fn new(
        sat: &'a Satellite,
        frame: &'a ObserverFrame,
        search: &'a PassSearch,
        std_magnitude: Option<f64>,
    ) -> Self {
        let (threshold_geo_deg, visible_geo_deg) = if search.refraction {
            (
                geometric_from_apparent_deg(search.horizon_deg),
                geometric_from_apparent_deg(search.visible_min_elevation_deg),
            )
        } else {
            (search.horizon_deg, search.visible_min_elevation_deg)
        };
        let el = &sat.set.elements;
        let period_min = 1440.0 / el.mean_motion;
        let n_rad_s = el.mean_motion * std::f64::consts::TAU / 86_400.0;
        let a_km = (MU_KM3_S2 / (n_rad_s * n_rad_s)).cbrt();
        let e = el.eccentricity;
        // Osculating radii wander from the mean ones by about ten km in low orbit (J2
        // short-period terms); 0.5% and 25 km cover that, drag and rounding.
        let r_apogee_km = a_km * (1.0 + e) * 1.005 + 25.0;
        let r_perigee_km = (a_km * (1.0 - e) * 0.995 - 25.0).max(6300.0);
        let observer_radius_km = frame.radius_km();
        // ψ_max: largest geocentric angle at which the satellite can be above the threshold,
        // with 0.25° for the geodetic vs. geocentric vertical and 0.25° to spare.
        let h_rad = (threshold_geo_deg - 0.5).to_radians();
        let ratio = (observer_radius_km * h_rad.cos() / r_apogee_km).min(1.0);
        let psi_max_rad = (ratio.acos() - h_rad).max(0.0);
        // ψ_up: the largest geocentric angle at which the satellite is certainly above the
        // threshold (at its lowest radius, with the same margins the other way).
        let h_up_rad = (threshold_geo_deg + 0.5).to_radians();
        let ratio_up = (observer_radius_km * h_up_rad.cos() / r_perigee_km).min(1.0);
        let psi_up_rad = ratio_up.acos() - h_up_rad;
        // Angular rates about the Earth's centre, fastest at perigee and slowest at
        // apogee, with 1% to spare for the osculating wobble.
        let p_km = a_km * (1.0 - e * e);
        let h_ang = (MU_KM3_S2 * p_km).sqrt();
        let n_max_rad_s = h_ang / (r_perigee_km * r_perigee_km) * 1.01;
        let n_min_rad_s = h_ang / (r_apogee_km * r_apogee_km) * 0.99;
        let earth_rate_rad_s = super::frames::EARTH_ROTATION_RAD_S;
        // The orbital plane turns by J2 (secular and short-periodic) and by the Moon and
        // Sun; bound it generously. The observer turns with the Earth.
        let plane_turn_rad_s = 6.0 * J2 * (6378.137 / p_km.max(6378.137)).powi(2) * n_rad_s + 2e-7;
        let plane_rate_rad_min = (earth_rate_rad_s * 1.02 + plane_turn_rad_s) * 60.0;
        // Seen from the turning Earth the satellite's angular velocity is θ̇·n̂ − ω·ẑ, whose
        // size is at most √(θ̇max² + ω² − 2 θ̇min ω cos i) for a prograde orbit (and with
        // θ̇max in the cross term for a retrograde one): small for a geostationary orbit.
        let cos_i = el.inclination.to_radians().cos();
        let cross_term = if cos_i >= 0.0 {
            2.0 * n_min_rad_s * earth_rate_rad_s * cos_i
        } else {
            2.0 * n_max_rad_s * earth_rate_rad_s * cos_i
        };
        let relative_rad_s = (n_max_rad_s * n_max_rad_s + earth_rate_rad_s * earth_rate_rad_s
            - cross_term)
            .max(0.0)
            .sqrt();
        let psi_rate_rad_min = (relative_rad_s + plane_turn_rad_s) * 60.0;
        let along_rate_rad_min = (n_max_rad_s + earth_rate_rad_s * 1.02 + plane_turn_rad_s) * 60.0;
        Self {
            sat,
            frame,
            search,
            std_magnitude,
            sin_threshold: threshold_geo_deg.to_radians().sin(),
            sin_visible: visible_geo_deg.to_radians().sin(),
            sin_max_sun: search.max_sun_elevation_deg.to_radians().sin(),
            gmst_epoch_rad: gmst_rad(sat.epoch_jd()),
            gmst_rate_rad_min: gmst_rate_rad_min(sat.epoch_jd()),
            rotation_ref: std::cell::Cell::new((f64::NAN, 0.0, 1.0)),
            // A sixteenth of an orbit: never two turning points of the elevation in one
            // step, and within the interpolant's reach on a circular orbit.
            step_min: (period_min / 16.0)
                .min(0.4 / (n_max_rad_s * 60.0))
                .clamp(0.5, 30.0),
            // With a rounding allowance: a scan step of exactly this length, taken as a
            // difference of two minute counts, may come out an ulp longer.
            hermite_max_min: 0.4 / (n_max_rad_s * 60.0) * (1.0 + 1e-9),
            psi_max_rad,
            psi_up_rad,
            psi_rate_rad_min,
            along_rate_rad_min,
            low_orbit: n_min_rad_s > 12.0 * earth_rate_rad_s,
            plane_rate_rad_min,
            plane_turn_rad_min: plane_turn_rad_s * 60.0,
            resonance: ResonanceCache::new(),
            speed_max_km_min: (MU_KM3_S2 * (2.0 / r_perigee_km - 1.0 / a_km)).sqrt() * 1.05 * 60.0,
            gravity_max_km_min2: MU_KM3_S2 / (r_perigee_km * r_perigee_km) * 1.05 * 3600.0,
            // The satellite's own motion (under 11 km/s) and the Earth's (30 km/s) across
            // 1.47e8 km turn the direction by under 3e-7 rad/s.
            sun_turn_km_min: r_apogee_km * 3e-7 * 60.0,
            observer_unit_ecef: unit(frame.r_ecef_km),
            edge_limit_min: (period_min * 1.5).max(1440.0),
            exact_points: a_km * (1.0 - e) < super::propagate::EARTH_EQUATORIAL_RADIUS_KM + 300.0
                || el.drag_term.abs() > 0.01
                || period_min >= 225.0,
            window_min: std::cell::Cell::new((f64::NEG_INFINITY, f64::INFINITY)),
        }
    }

    /// Sine and cosine of the sidereal angle `m` minutes after the epoch (linear in time:
    /// the quadratic term of GMST moves it by less than a microsecond over a year).
    ///
    /// Most calls come in runs a few minutes apart, so the sine and cosine are taken from
    /// the last exact pair by the angle-sum formulas, with the small difference's sine and
    /// cosine from their Taylor series (|δ| ≤ 0.07 rad: error below 1e-14). A point further
    /// away computes them exactly and becomes the new reference.
    fn rotation(&self, m: f64) -> (f64, f64) {
        let (m_ref, sin_ref, cos_ref) = self.rotation_ref.get();
        let delta = self.gmst_rate_rad_min * (m - m_ref);
        if delta.abs() <= 0.07 {
            let d2 = delta * delta;
            let sin_d = delta * (1.0 - d2 / 6.0 * (1.0 - d2 / 20.0 * (1.0 - d2 / 42.0)));
            let cos_d = 1.0 - d2 / 2.0 * (1.0 - d2 / 12.0 * (1.0 - d2 / 30.0 * (1.0 - d2 / 56.0)));
            (
                sin_ref * cos_d + cos_ref * sin_d,
                cos_ref * cos_d - sin_ref * sin_d,
            )
        } else {
            let (sin, cos) = (self.gmst_epoch_rad + self.gmst_rate_rad_min * m).sin_cos();
            self.rotation_ref.set((m, sin, cos));
            (sin, cos)
        }
    }

    /// The time `m` minutes after the epoch, to the nanosecond. The search never goes
    /// more than [`MAX_DAYS_FROM_EPOCH`] from the epoch; beyond the ±292 years a count of
    /// nanoseconds can hold, milliseconds are used, and the result saturates at the
    /// calendar's ends rather than wrapping or panicking.
    fn time(&self, m: f64) -> DateTime<Utc> {
        let ns = (m * 60e9).round();
        let offset = if ns.abs() < 9.2e18 {
            Duration::nanoseconds(ns as i64)
        } else {
            Duration::try_milliseconds((m * 60e3).round() as i64).unwrap_or(if m < 0.0 {
                Duration::MIN
            } else {
                Duration::MAX
            })
        };
        self.sat
            .set
            .epoch
            .checked_add_signed(offset)
            .unwrap_or(if m < 0.0 {
                DateTime::<Utc>::MIN_UTC
            } else {
                DateTime::<Utc>::MAX_UTC
            })
    }

    /// The elevation function from a TEME state; with `bound`, also how long the
    /// satellite certainly stays below the threshold.
    fn sample_from_state(&self, m: f64, r: [f64; 3], v: [f64; 3], bound: bool) -> Sample {
        let (sin, cos) = self.rotation(m);
        let r_ecef = rotate(sin, cos, r);
        let w = super::frames::EARTH_ROTATION_RAD_S;
        let v_rot = rotate(sin, cos, v);
        let v_ecef = [v_rot[0] + w * r_ecef[1], v_rot[1] - w * r_ecef[0], v_rot[2]];
        let rho = sub(r_ecef, self.frame.r_ecef_km);
        let up = self.frame.up_ecef();
        let range2 = dot(rho, rho);
        let range = range2.sqrt();
        let u = dot(rho, up);
        let u_dot = dot(v_ecef, up);
        let range_dot = dot(rho, v_ecef) / range;
        let sin_el = u / range;
        let f = sin_el - self.sin_threshold;
        let rate = (u_dot * range - u * range_dot) / range2 * 60.0;
        let mut safe_min = 0.0;
        let mut back_min = 0.0;
        let mut jump_min = 0.0;
        if bound {
            // The bounds take angles from `acos_approx`, allowing for its error.
            let cos_psi = dot(r_ecef, self.observer_unit_ecef) / dot(r_ecef, r_ecef).sqrt();
            let psi = acos_approx(cos_psi);
            if f < 0.0 {
                let by_psi =
                    (psi - BOUND_ANGLE_SLACK_RAD - self.psi_max_rad) / self.psi_rate_rad_min;
                let normal_teme = unit(cross(r, v));
                let observer_teme = rotate(-sin, cos, self.observer_unit_ecef);
                let sin_delta = dot(normal_teme, observer_teme).clamp(-1.0, 1.0);
                let delta = std::f64::consts::FRAC_PI_2 - acos_approx(sin_delta.abs());
                let by_plane =
                    (delta - BOUND_ANGLE_SLACK_RAD - self.psi_max_rad) / self.plane_rate_rad_min;
                // Looking ahead the observer's path is known: it turns with the Earth about
                // the z axis, so with the plane held still sin δ runs along a sinusoid, and
                // the plane's own turning moves it by at most `plane_turn_rad_min` a minute.
                let by_plane_ahead = if by_plane > self.step_min && by_plane >= by_psi {
                    let [nx, ny, nz] = normal_teme;
                    let [ox, oy, oz] = observer_teme;
                    self.plane_entry_min(nx * ox + ny * oy, ny * ox - nx * oy, nz * oz)
                        .max(by_plane)
                } else {
                    by_plane
                };
                // Along the orbit: the satellite is within ψ_max of the observer only while
                // its angle to the observer's projection on the orbital plane is within
                // ψ_max, and it closes that angle no faster than `along_rate_rad_min`.
                let projection = [
                    observer_teme[0] - sin_delta * normal_teme[0],
                    observer_teme[1] - sin_delta * normal_teme[1],
                    observer_teme[2] - sin_delta * normal_teme[2],
                ];
                let x = dot(r, projection);
                let y = dot(cross(r, projection), normal_teme);
                let hypot = (x * x + y * y).sqrt();
                let mut by_along = 0.0;
                if hypot > 0.0 {
                    // The angle from the satellite forward to the projection, in [0, 2π).
                    let angle = acos_approx(x / hypot);
                    let ahead = if y >= 0.0 {
                        angle
                    } else {
                        std::f64::consts::TAU - angle
                    };
                    if ahead + BOUND_ANGLE_SLACK_RAD < std::f64::consts::TAU - self.psi_max_rad {
                        by_along = (ahead - BOUND_ANGLE_SLACK_RAD - self.psi_max_rad)
                            / self.along_rate_rad_min;
                    }
                    if self.low_orbit {
                        // In a low orbit the angle only ever shrinks (the satellite outruns
                        // the projection), so looking back it grows, no faster than
                        // `along_rate_rad_min`, and stays short of 2π − ψ_max for a while.
                        if ahead - BOUND_ANGLE_SLACK_RAD > self.psi_max_rad {
                            let back_along = (std::f64::consts::TAU
                                - self.psi_max_rad
                                - ahead
                                - BOUND_ANGLE_SLACK_RAD)
                                / self.along_rate_rad_min;
                            back_min = by_psi.max(by_plane).max(back_along).max(0.0);
                        }
                        // Guess where the satellite reaches the observer's zone at its
                        // present closing rate: its own angular rate less the projection's
                        // (ω (cos i − tan δ p_z)).
                        if by_along > self.step_min && by_along >= by_psi.max(by_plane) {
                            let own_rad_min = norm(cross(r, v)) / dot(r, r) * 60.0;
                            // The projection's length is cos δ; p_z is its unit z.
                            let cos_delta = norm(projection).max(1e-3);
                            let projection_z = projection[2] / cos_delta;
                            let beta_rad_min = super::frames::EARTH_ROTATION_RAD_S
                                * 60.0
                                * (normal_teme[2] - sin_delta / cos_delta * projection_z);
                            let closing = own_rad_min - beta_rad_min;
                            if closing > 0.0 {
                                let guess =
                                    (ahead - self.psi_max_rad - JUMP_MARGIN_RAD) / closing * 0.98;
                                if guess > by_along {
                                    jump_min = guess;
                                }
                            }
                        }
                    }
                }
                safe_min = by_psi.max(by_plane_ahead).max(by_along).max(0.0);
            } else {
                // Up: it cannot set before ψ grows past ψ_up.
                safe_min = ((self.psi_up_rad - psi - BOUND_ANGLE_SLACK_RAD)
                    / self.psi_rate_rad_min)
                    .max(0.0);
            }
        }
        Sample {
            m,
            f,
            rate,
            safe_min,
            back_min,
            jump_min,
            r,
            v,
            acc: gravity_km_s2(r),
        }
    }

    /// Minutes the observer certainly stays more than ψ_max from the orbital plane, given
    /// sin δ(t) = p cos ωt + q sin ωt + b for the plane as it is now (ω the sidereal rate),
    /// and the plane turning by at most `plane_turn_rad_min`: the true sin δ strays from
    /// the sinusoid by at most that rate times t, so it cannot come within sin ψ_max of 0
    /// before the sinusoid comes within sin ψ_max + that rate × T, for any horizon T.
    fn plane_entry_min(&self, p: f64, q: f64, b: f64) -> f64 {
        const HORIZON_MIN: f64 = 1440.0;
        let band = (self.psi_max_rad + BOUND_ANGLE_SLACK_RAD).sin();
        let entry = |c: f64| sinusoid_band_entry_min(p, q, b, c, self.gmst_rate_rad_min);
        let horizon = entry(band).min(HORIZON_MIN);
        entry(band + self.plane_turn_rad_min * horizon).min(horizon)
    }

    /// SGP4's state at `m`, refused once the satellite is too low to still be in orbit
    /// (under [`REENTRY_ALTITUDE_KM`]): SGP4 keeps giving positions after a decay as long as
    /// they are not inside the Earth, and a search that happened to step over the moment
    /// of decay would report passes tens of kilometres up.
    fn state(&self, m: f64) -> Result<super::propagate::TemeState, PropagationError> {
        let state = self.sat.state_at_minutes_cached(m, &self.resonance)?;
        let altitude_km = norm(state.r_teme_km) - super::propagate::EARTH_EQUATORIAL_RADIUS_KM;
        if altitude_km < REENTRY_ALTITUDE_KM {
            return Err(PropagationError::Reentered {
                minutes_since_epoch: m,
                altitude_km,
            });
        }
        Ok(state)
    }

    /// The exact sample at `m` (one SGP4 call).
    fn sample(&self, m: f64) -> Result<Sample, PropagationError> {
        let state = self.state(m)?;
        Ok(self.sample_from_state(m, state.r_teme_km, state.v_teme_km_s, false))
    }

    /// The exact sample at `m` with its skipping bound (for the scan, not refinement).
    fn scan_sample(&self, m: f64) -> Result<Sample, PropagationError> {
        let state = self.state(m)?;
        Ok(self.sample_from_state(m, state.r_teme_km, state.v_teme_km_s, true))
    }

    /// The span to use between two consecutive samples.
    fn span(&self, a: &Sample, b: &Sample) -> Span {
        if b.m - a.m <= self.hermite_max_min {
            Span::Hermite(Quintic::new(a, b))
        } else {
            Span::Exact
        }
    }

    /// The spans of a pass's trail, made as they are needed.
    fn trail_spans<'t>(&self, trail: &'t [Sample]) -> TrailSpans<'t> {
        TrailSpans {
            trail,
            spans: (1..trail.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
        }
    }

    /// The span between trail samples `i` and `i + 1`.
    fn trail_span<'s>(&self, spans: &'s TrailSpans, i: usize) -> &'s Span {
        spans.spans[i].get_or_init(|| self.span(&spans.trail[i], &spans.trail[i + 1]))
    }

    /// The TEME state at `m` within `span`.
    fn state_in(&self, span: &Span, m: f64) -> Result<([f64; 3], [f64; 3]), PropagationError> {
        match span {
            Span::Hermite(q) => Ok(q.state(m)),
            Span::Exact => {
                let s = self.state(m)?;
                Ok((s.r_teme_km, s.v_teme_km_s))
            }
        }
    }

    fn eval(&self, span: &Span, m: f64) -> Result<Sample, PropagationError> {
        match span {
            Span::Hermite(..) => {
                let (r, v) = self.state_in(span, m)?;
                Ok(self.sample_from_state(m, r, v, false))
            }
            Span::Exact => self.sample(m),
        }
    }

    fn run(&self, m_start: f64, m_end: f64) -> PassList {
        self.window_min.set((m_start, m_end));
        let mut events = Vec::new();
        // Room for a week of a low orbit's samples without growing.
        let mut trail = Vec::with_capacity(512);
        let mut stopped_early = None;
        let first = match self.scan_sample(m_start) {
            Ok(s) => s,
            Err(e) => {
                return PassList {
                    passes: Vec::new(),
                    presence: SkyPresence::NeverAbove,
                    stopped_early: Some(e),
                };
            }
        };
        let up_at_start = first.f >= 0.0;
        let mut up = up_at_start;
        let mut current_rise = if up {
            match self.find_edge(first, -1.0) {
                Ok(found) => found,
                Err(e) => {
                    stopped_early = Some(e);
                    None
                }
            }
        } else {
            None
        };
        if stopped_early.is_none()
            && let Err(e) = self.scan(first, m_end, &mut events, &mut trail)
        {
            stopped_early = Some(e);
        }
        // A pass up at the start whose rise lies beyond our search starts at the window.
        let mut rise_missing = up && current_rise.is_none();
        let mut passes: Vec<(Sample, Sample)> = Vec::with_capacity(events.len() / 2 + 1);
        for event in events {
            match event {
                Event::Rise(s) => {
                    current_rise = Some(s);
                    rise_missing = false;
                    up = true;
                }
                Event::Set(s) => {
                    let rise =
                        current_rise
                            .take()
                            .or(if rise_missing { Some(first) } else { None });
                    rise_missing = false;
                    if let Some(r) = rise {
                        passes.push((r, s));
                    }
                    up = false;
                }
            }
        }
        if up && stopped_early.is_none() {
            let rise = current_rise.or(if rise_missing { Some(first) } else { None });
            let last = trail.last().copied().unwrap_or(first);
            match self.find_edge(last, 1.0) {
                Ok(Some(set)) => {
                    if let Some(r) = rise {
                        passes.push((r, set));
                    }
                }
                Ok(None) => {
                    // Up as far as we looked on both sides with no crossing inside the
                    // window: a satellite that is always up has no passes to report.
                    if !(passes.is_empty() && up_at_start)
                        && let Some(r) = rise
                    {
                        passes.push((r, last));
                    }
                }
                Err(e) => stopped_early = Some(e),
            }
        }
        let presence = if !passes.is_empty() {
            SkyPresence::Passes
        } else if up_at_start {
            SkyPresence::AlwaysAbove
        } else {
            SkyPresence::NeverAbove
        };
        let mut out = Vec::with_capacity(passes.len());
        for (rise, set) in passes {
            match self.build_pass(rise, set, &trail) {
                Ok(Some(pass)) => out.push(pass),
                Ok(None) => {}
                Err(e) => {
                    stopped_early = Some(e);
                    break;
                }
            }
        }
        PassList {
            passes: out,
            presence,
            stopped_early,
        }
    }

    /// Steps from `first` to `m_end`, pushing rise and set events in order and keeping
    /// the samples taken near the observer in `trail` (for interpolation later).
    fn scan(
        &self,
        first: Sample,
        m_end: f64,
        events: &mut Vec<Event>,
        trail: &mut Vec<Sample>,
    ) -> Result<(), PropagationError> {
        let mut prev = first;
        trail.push(first);
        while prev.m < m_end {
            let (next_m, skipped) = if prev.safe_min > self.step_min {
                (prev.m + prev.safe_min, true)
            } else {
                (prev.m + self.step_min, false)
            };
            // A guessed landing further on, kept if the bounds from both ends cover the
            // whole way (the satellite is below the horizon throughout).
            if skipped && prev.jump_min > prev.safe_min && prev.m + prev.jump_min < m_end {
                let landing = self.scan_sample(prev.m + prev.jump_min)?;
                if landing.f < 0.0 && prev.safe_min + landing.back_min >= prev.jump_min {
                    trail.push(landing);
                    prev = landing;
                    continue;
                }
            }
            let next = self.scan_sample(next_m.min(m_end))?;
            // After a skip the satellite stayed on one side of the horizon all the way, so
            // there is nothing to bracket unless it is on the other side at the landing.
            if !skipped || (next.f >= 0.0) != (prev.f >= 0.0) {
                self.bracket(prev, next, events)?;
            }
            trail.push(next);
            prev = next;
        }
        Ok(())
    }

    /// Looks for events between two consecutive samples.
    fn bracket(
        &self,
        a: Sample,
        b: Sample,
        events: &mut Vec<Event>,
    ) -> Result<(), PropagationError> {
        match (a.f >= 0.0, b.f >= 0.0) {
            (false, true) => events.push(Event::Rise(self.root_f(&self.span(&a, &b), a, b)?)),
            (true, false) => events.push(Event::Set(self.root_f(&self.span(&a, &b), a, b)?)),
            (false, false) if a.rate > 0.0 && b.rate < 0.0 => {
                let span = self.span(&a, &b);
                let top = self.turning_point(&span, a, b)?;
                if top.f >= 0.0 {
                    events.push(Event::Rise(self.root_f(&span, a, top)?));
                    events.push(Event::Set(self.root_f(&span, top, b)?));
                }
            }
            (true, true) if a.rate < 0.0 && b.rate > 0.0 => {
                let span = self.span(&a, &b);
                let bottom = self.turning_point(&span, a, b)?;
                if bottom.f < 0.0 {
                    events.push(Event::Set(self.root_f(&span, a, bottom)?));
                    events.push(Event::Rise(self.root_f(&span, bottom, b)?));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The sample where `f` crosses zero between `a` and `b`, to 1 ms: on the interpolant,
    /// which follows SGP4 to metres in low orbit; where it may not (`exact_points`), on the
    /// interpolant to 20 ms and then one Newton step on SGP4 itself.
    fn root_f(&self, span: &Span, a: Sample, b: Sample) -> Result<Sample, PropagationError> {
        let tolerance = match span {
            Span::Hermite(..) if !self.exact_points => {
                return self.solve_f(span, &a, &b, 0.0, ROOT_TOLERANCE_MIN);
            }
            Span::Hermite(..) => INTERPOLATED_ROOT_TOLERANCE_MIN,
            Span::Exact => ROOT_TOLERANCE_MIN,
        };
        let (lo, hi) = (a.m.min(b.m), a.m.max(b.m));
        let m = self.solve_f(span, &a, &b, 0.0, tolerance)?.m;
        let at = self.sample(m)?;
        if matches!(span, Span::Exact) {
            return Ok(at);
        }
        let newton = m - at.f / at.rate;
        if at.rate.abs() > 1e-6 && (newton - m).abs() < 0.01 && (lo..=hi).contains(&newton) {
            // The step is a few hundredths of a second: moving the exact state along its
            // motion is good to millimetres, so no second SGP4 call is needed.
            Ok(at.advanced(newton))
        } else {
            // Too flat for Newton (a grazing pass): refine on SGP4 itself.
            let m = illinois(a.m, a.f, b.m, b.f, ROOT_TOLERANCE_MIN, |m| {
                Ok(self.sample(m)?.f)
            })?;
            self.sample(m)
        }
    }

    /// The sample where `f + offset` crosses zero between `a` and `b`, evaluated on `span`:
    /// Newton from the root of the cubic through both samples' values and rates, and the
    /// Illinois method when Newton wanders (a grazing, flat crossing).
    fn solve_f(
        &self,
        span: &Span,
        a: &Sample,
        b: &Sample,
        offset: f64,
        tolerance: f64,
    ) -> Result<Sample, PropagationError> {
        let (lo, hi) = (a.m.min(b.m), a.m.max(b.m));
        let shifted = |s: &Sample| Sample {
            f: s.f + offset,
            ..*s
        };
        let (sa, sb) = (shifted(a), shifted(b));
        let mut m = cubic_guess(&sa, &sb, false);
        let mut previous: Option<(f64, f64)> = None;
        for _ in 0..5 {
            let s = self.eval(span, m)?;
            if s.rate.abs() < 1e-9 {
                break;
            }
            let next = m - (s.f + offset) / s.rate;
            if !(lo..=hi).contains(&next) {
                break;
            }
            let step = (next - m).abs();
            // Newton's error after this step is about |f''/(2 f')| step², with f'' from
            // the rates of the last two evaluations (a fourfold margin).
            let converged = step < tolerance
                || previous.is_some_and(|(m0, rate0)| {
                    let curvature = (s.rate - rate0) / (m - m0);
                    step < 1.0 / 60.0
                        && 4.0 * (curvature / (2.0 * s.rate)).abs() * step * step < tolerance
                });
            if converged {
                // The sample moved along its motion to the root is as good as a new
                // evaluation there.
                return Ok(s.advanced(next));
            }
            previous = Some((m, s.rate));
            m = next;
        }
        let m = illinois(sa.m, sa.f, sb.m, sb.f, tolerance, |m| {
            Ok(self.eval(span, m)?.f + offset)
        })?;
        self.eval(span, m)
    }

    /// The sample where the elevation rate changes sign between `a` and `b`: secant
    /// steps from the turning point of the cubic through both samples, Illinois if needed.
    fn turning_point(&self, span: &Span, a: Sample, b: Sample) -> Result<Sample, PropagationError> {
        let turn = self.solve_rate(span, &a, &b)?;
        if self.exact_points {
            self.sample(turn.m)
        } else {
            Ok(turn)
        }
    }

    /// A sample to report at `m` within `span`: on the interpolant, which follows SGP4 to
    /// metres in low orbit, or from SGP4 itself where it may not (`exact_points`).
    fn reported(&self, span: &Span, m: f64) -> Result<Sample, PropagationError> {
        if self.exact_points {
            self.sample(m)
        } else {
            self.eval(span, m)
        }
    }

    /// The sample where the elevation rate changes sign between `a` and `b`, on `span`, to
    /// [`CULMINATION_TOLERANCE_MIN`] (the elevation there is flat to second order).
    fn solve_rate(&self, span: &Span, a: &Sample, b: &Sample) -> Result<Sample, PropagationError> {
        let (lo, hi) = (a.m.min(b.m), a.m.max(b.m));
        let mut x0 = cubic_guess(a, b, true);
        let mut x1 = if x0 + 1.0 / 60.0 <= hi {
            x0 + 1.0 / 60.0
        } else {
            x0 - 1.0 / 60.0
        };
        let mut r0 = self.eval(span, x0)?.rate;
        for _ in 0..5 {
            let s1 = self.eval(span, x1)?;
            let r1 = s1.rate;
            if r1 == r0 {
                break;
            }
            let x2 = x1 - r1 * (x1 - x0) / (r1 - r0);
            if !(lo..=hi).contains(&x2) {
                break;
            }
            if (x2 - x1).abs() < CULMINATION_TOLERANCE_MIN {
                return Ok(s1.advanced(x2));
            }
            (x0, r0) = (x1, r1);
            x1 = x2;
        }
        let m = illinois(a.m, a.rate, b.m, b.rate, CULMINATION_TOLERANCE_MIN, |m| {
            Ok(self.eval(span, m)?.rate)
        })?;
        self.eval(span, m)
    }

    /// From `from` (where the satellite is up), steps in `direction` (−1 back, +1 forward)
    /// until it is down, and returns the exact crossing; None if up all the way.
    fn find_edge(&self, from: Sample, direction: f64) -> Result<Option<Sample>, PropagationError> {
        let mut prev = from;
        let mut travelled = 0.0;
        while travelled < self.edge_limit_min {
            // While up, `safe_min` says how long it certainly stays up (either way in time).
            travelled += self.step_min.max(prev.safe_min);
            let next = self.scan_sample(from.m + direction * travelled)?;
            let (a, b) = if direction > 0.0 {
                (prev, next)
            } else {
                (next, prev)
            };
            let span = self.span(&a, &b);
            if next.f < 0.0 {
                return Ok(Some(self.root_f(&span, a, b)?));
            }
            // A dip below the horizon shorter than a step: look for the lowest point.
            if a.rate < 0.0 && b.rate > 0.0 {
                let bottom = self.turning_point(&span, a, b)?;
                if bottom.f < 0.0 {
                    let crossing = if direction > 0.0 {
                        self.root_f(&span, a, bottom)?
                    } else {
                        self.root_f(&span, bottom, b)?
                    };
                    return Ok(Some(crossing));
                }
            }
            prev = next;
        }
        Ok(None)
    }

    /// The span that covers `m`: between the trail samples around it, or exact outside.
    fn span_at<'s>(&self, spans: &'s TrailSpans, m: f64) -> &'s Span {
        const EXACT: &Span = &Span::Exact;
        let i = spans.trail.partition_point(|s| s.m <= m);
        if i == 0 || i >= spans.trail.len() {
            EXACT
        } else {
            self.trail_span(spans, i - 1)
        }
    }

    /// Exact samples from `rise` to `set` no further apart than the interpolant allows:
    /// the scan's own samples inside the pass, with more added where it skipped ahead.
    fn pass_trail(
        &self,
        trail: &[Sample],
        rise: Sample,
        set: Sample,
    ) -> Result<Vec<Sample>, PropagationError> {
        let from = trail.partition_point(|s| s.m <= rise.m);
        let inside = trail.iter().skip(from).take_while(|s| s.m < set.m).copied();
        let mut out = Vec::with_capacity(8);
        let mut prev = rise;
        out.push(rise);
        for next in inside.chain(std::iter::once(set)) {
            let gap = next.m - prev.m;
            if gap > self.hermite_max_min {
                let pieces = (gap / self.hermite_max_min).ceil();
                for k in 1..pieces as usize {
                    out.push(self.sample(prev.m + gap * k as f64 / pieces)?);
                }
            }
            if next.m > prev.m {
                out.push(next);
            }
            prev = next;
        }
        Ok(out)
    }

    /// The reported look angles of a sample.
    fn point(&self, s: &Sample) -> PassPoint {
        let (sin, cos) = self.rotation(s.m);
        let look = self.frame.look_at(rotate(sin, cos, s.r), [0.0; 3]);
        PassPoint {
            time: self.time(s.m),
            azimuth_deg: look.azimuth_deg,
            elevation_deg: self.reported_elevation(look.elevation_deg),
            range_km: look.range_km,
        }
    }

    fn reported_elevation(&self, geometric_deg: f64) -> f64 {
        if self.search.refraction {
            geometric_deg + refraction_deg(geometric_deg)
        } else {
            geometric_deg
        }
    }

    /// Culmination: the highest turning point of the elevation between rise and set,
    /// over the pass's own trail of samples.
    fn culmination(
        &self,
        spans: &TrailSpans,
        rise: &Sample,
        set: &Sample,
    ) -> Result<Sample, PropagationError> {
        let mut best: Option<Sample> = None;
        for (i, pair) in spans.trail.windows(2).enumerate() {
            let (prev, next) = (&pair[0], &pair[1]);
            if prev.rate > 0.0 && next.rate <= 0.0 {
                let top = self.turning_point(self.trail_span(spans, i), *prev, *next)?;
                if best.is_none_or(|b| top.f > b.f) {
                    best = Some(top);
                }
            }
        }
        // No turning point (a pass cut by an "always up" edge): the higher end.
        Ok(best.unwrap_or(if rise.f >= set.f { *rise } else { *set }))
    }

    fn build_pass(
        &self,
        rise: Sample,
        set: Sample,
        trail: &[Sample],
    ) -> Result<Option<Pass>, PropagationError> {
        let local = self.pass_trail(trail, rise, set)?;
        let spans = self.trail_spans(&local);
        let top = self.culmination(&spans, &rise, &set)?;
        let culmination = self.point(&top);
        if culmination.elevation_deg < self.search.min_elevation_deg {
            return Ok(None);
        }
        let mut pass = Pass {
            norad_id: self.sat.set.norad_id,
            rise: self.point(&rise),
            culmination,
            set: self.point(&set),
            is_visible: false,
            visible_start: None,
            visible_peak: None,
            visible_end: None,
            visible_stretches: 0,
            appears: None,
            vanishes: None,
            magnitude: None,
            not_visible_reason: None,
        };
        self.visibility(&mut pass, &spans, rise.m, top.m, set.m)?;
        Ok(Some(pass))
    }

    /// The three visibility conditions at `m`, each positive when met: elevation (sine
    /// margin), sunlight (how far, in km, the line to the Sun misses the Earth), and sky
    /// darkness (sine margin of the Sun's elevation).
    fn conditions(&self, span: &Span, sun: &PassSun, m: f64) -> Result<[f64; 3], PropagationError> {
        let (r, v) = self.state_in(span, m)?;
        let s = self.sample_from_state(m, r, v, false);
        let sun_km = sun.at(m);
        let sin_sun_el = self.sin_sun_elevation(sun, m);
        Ok([
            s.f + self.sin_threshold - self.sin_visible,
            sunlit_margin_km(r, sun_km),
            self.sin_max_sun - sin_sun_el,
        ])
    }

    /// Sine of the Sun's elevation at the observer at `m` (topocentric, as
    /// [`super::observe::sun_elevation_deg`]: the Sun's 9″ parallax is a second of time at
    /// the darkness threshold).
    fn sin_sun_elevation(&self, sun: &PassSun, m: f64) -> f64 {
        let (sin, cos) = self.rotation(m);
        let to_sun = sub(rotate(sin, cos, sun.at(m)), self.frame.r_ecef_km);
        dot(to_sun, self.frame.up_ecef()) / norm(to_sun)
    }

    fn magnitude_at(
        &self,
        span: &Span,
        sun: &PassSun,
        m: f64,
        std_magnitude: f64,
    ) -> Result<Option<f64>, PropagationError> {
        let (r, _) = self.state_in(span, m)?;
        let (sin, cos) = self.rotation(m);
        let observer_teme = rotate(-sin, cos, self.frame.r_ecef_km);
        Ok(visual_magnitude(
            std_magnitude,
            norm(sub(r, observer_teme)),
            phase_angle_deg(r, observer_teme, sun.at(m)),
        ))
    }

    /// Finds the visible part of a pass: boundaries of each condition are bracketed on a
    /// grid of at most 30 s and refined to 1 ms (on the interpolant in low orbit, good to
    /// about a millisecond), then each stretch between boundaries is tested at
    /// its midpoint.
    fn visibility(
        &self,
        pass: &mut Pass,
        spans: &TrailSpans,
        rise: f64,
        top: f64,
        set: f64,
    ) -> Result<(), PropagationError> {
        if pass.culmination.elevation_deg < self.search.visible_min_elevation_deg {
            pass.not_visible_reason = Some(NotVisibleReason::TooLow);
            return Ok(());
        }
        let sun = PassSun::new(self.sat.epoch_jd(), rise, set);
        // In daylight throughout? The Sun's elevation changes by at most 0.25°/min and
        // bends slowly: over a short pass three values with a margin settle it.
        let daylight_sin = (self.search.max_sun_elevation_deg + 0.5).to_radians().sin();
        if set - rise <= 30.0
            && [rise, top, set]
                .iter()
                .all(|&m| self.sin_sun_elevation(&sun, m) > daylight_sin)
        {
            pass.not_visible_reason = Some(NotVisibleReason::Daylight);
            return Ok(());
        }
        // Where the satellite is high enough and the sky dark enough...
        let mut cuts = vec![rise];
        self.elevation_cuts(spans, self.sin_threshold - self.sin_visible, &mut cuts)?;
        self.darkness_cuts(&sun, rise, set, &mut cuts)?;
        cuts.push(set);
        cuts.sort_by(f64::total_cmp);
        let mut dark_and_high: Vec<(f64, f64)> = Vec::new();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if b - a < 1e-9 {
                continue;
            }
            let mid = 0.5 * (a + b);
            let c = self.conditions(self.span_at(spans, mid), &sun, mid)?;
            if c[0] >= 0.0 && c[2] >= 0.0 {
                match dark_and_high.last_mut() {
                    Some(stretch) if stretch.1 == a => stretch.1 = b,
                    _ => dark_and_high.push((a, b)),
                }
            }
        }
        // ...and, only there, where it is sunlit.
        let mut seen: Vec<(f64, f64)> = Vec::new();
        for &(from, to) in &dark_and_high {
            let mut cuts = vec![from];
            self.sunlight_cuts(spans, &sun, from, to, &mut cuts)?;
            cuts.push(to);
            for w in cuts.windows(2) {
                let (a, b) = (w[0], w[1]);
                if b - a < 1e-9 {
                    continue;
                }
                let mid = 0.5 * (a + b);
                if self.sunlit_margin_at(spans, &sun, mid)? >= 0.0 {
                    match seen.last_mut() {
                        Some(stretch) if stretch.1 == a => stretch.1 = b,
                        _ => seen.push((a, b)),
                    }
                }
            }
        }
        let dark_and_high = !dark_and_high.is_empty();
        // Where the pass is seen in more than one stretch (a long high-orbit pass seen
        // before dawn and again after dusk, or a low one dipping into the shadow and out),
        // the seen part told is the stretch that gets highest, among those in the search
        // window if any is: the earliest of equals.
        let (m_start, m_end) = self.window_min.get();
        let in_window = |&(a, b): &(f64, f64)| b >= m_start && a <= m_end;
        let any_in_window = seen.iter().any(in_window);
        let mut best: Option<(f64, f64, PassPoint, PassPoint, PassPoint)> = None;
        for &(a, b) in seen.iter().filter(|s| !any_in_window || in_window(s)) {
            let start = self.point(&self.reported(self.span_at(spans, a), a)?);
            let end = self.point(&self.reported(self.span_at(spans, b), b)?);
            // Highest while seen: the culmination if it is seen, else the higher end (the
            // elevation has no other turning point).
            let peak = if (a..=b).contains(&top) {
                pass.culmination
            } else if start.elevation_deg >= end.elevation_deg {
                start
            } else {
                end
            };
            if best.is_none_or(|(_, _, _, p, _)| peak.elevation_deg > p.elevation_deg) {
                best = Some((a, b, start, peak, end));
            }
        }
        match best {
            Some((a, b, start, peak, end)) => {
                pass.is_visible = true;
                pass.visible_stretches = u8::try_from(seen.len()).unwrap_or(u8::MAX);
                pass.visible_start = Some(start);
                pass.visible_peak = Some(peak);
                pass.visible_end = Some(end);
                pass.appears = Some(self.appears(spans, &sun, a, rise)?);
                pass.vanishes = Some(self.vanishes(spans, &sun, b, set)?);
                if let Some(std) = self.std_magnitude {
                    pass.magnitude = self.brightest(spans, &sun, a, b, top, std)?;
                }
            }
            _ => {
                pass.not_visible_reason = Some(if dark_and_high {
                    NotVisibleReason::EarthShadow
                } else {
                    NotVisibleReason::Daylight
                });
            }
        }
        Ok(())
    }

    /// How the satellite became visible at `a`: by the condition that fails a moment
    /// (0.1 s) before. At the rise itself it rises.
    fn appears(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        a: f64,
        rise: f64,
    ) -> Result<Appears, PropagationError> {
        let before = a - BOUNDARY_PROBE_MIN;
        Ok(
            match self.unmet_condition(spans, sun, before, before <= rise)? {
                Condition::Sunlight => Appears::LeavesShadow,
                Condition::Darkness => Appears::SkyDarkens,
                Condition::Height => Appears::Rises,
            },
        )
    }

    /// How the satellite stopped being visible at `b`: by the condition that fails a
    /// moment (0.1 s) after. At the set itself it sets.
    fn vanishes(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        b: f64,
        set: f64,
    ) -> Result<Vanishes, PropagationError> {
        let after = b + BOUNDARY_PROBE_MIN;
        Ok(
            match self.unmet_condition(spans, sun, after, after >= set)? {
                Condition::Sunlight => Vanishes::EntersShadow,
                Condition::Darkness => Vanishes::SkyBrightens,
                Condition::Height => Vanishes::Sets,
            },
        )
    }

    /// The visibility condition unmet at `m`, next to a boundary of the visible part: the
    /// height when `m` is outside the pass (`beyond_pass`), else the sunlight if that
    /// fails, else the darkness if only that fails, else the height.
    fn unmet_condition(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        m: f64,
        beyond_pass: bool,
    ) -> Result<Condition, PropagationError> {
        if beyond_pass {
            return Ok(Condition::Height);
        }
        let [high, sunlit, dark] = self.conditions(self.span_at(spans, m), sun, m)?;
        Ok(if sunlit < 0.0 {
            Condition::Sunlight
        } else if dark < 0.0 && high >= 0.0 {
            Condition::Darkness
        } else {
            Condition::Height
        })
    }

    /// Where the elevation crosses the visibility threshold (`f + offset = 0`), found on
    /// the pass's trail of exact samples exactly as the scan finds rises and sets.
    fn elevation_cuts(
        &self,
        spans: &TrailSpans,
        offset: f64,
        cuts: &mut Vec<f64>,
    ) -> Result<(), PropagationError> {
        for (i, pair) in spans.trail.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            let (ga, gb) = (a.f + offset, b.f + offset);
            if (ga >= 0.0) != (gb >= 0.0) {
                let span = self.trail_span(spans, i);
                cuts.push(self.solve_f(span, a, b, offset, ROOT_TOLERANCE_MIN)?.m);
            } else if (ga < 0.0 && a.rate > 0.0 && b.rate < 0.0)
                || (ga >= 0.0 && a.rate < 0.0 && b.rate > 0.0)
            {
                let span = self.trail_span(spans, i);
                let turn = self.solve_rate(span, a, b)?;
                if (turn.f + offset >= 0.0) != (ga >= 0.0) {
                    cuts.push(self.solve_f(span, a, &turn, offset, ROOT_TOLERANCE_MIN)?.m);
                    cuts.push(self.solve_f(span, &turn, b, offset, ROOT_TOLERANCE_MIN)?.m);
                }
            }
        }
        Ok(())
    }

    /// Where the Sun crosses the darkness threshold. The sine of the Sun's elevation
    /// changes no faster than the Earth turns (0.0044 per minute).
    fn darkness_cuts(
        &self,
        sun: &PassSun,
        rise: f64,
        set: f64,
        cuts: &mut Vec<f64>,
    ) -> Result<(), PropagationError> {
        const SUN_SINE_RATE_PER_MIN: f64 = 0.0045;
        let darkness = |m: f64| Ok(self.sin_max_sun - self.sin_sun_elevation(sun, m));
        let probe = |m: f64| {
            let g = darkness(m)?;
            Ok((g, g.abs() / SUN_SINE_RATE_PER_MIN))
        };
        crossings_by_walk(rise, set, 1.0, probe, darkness, cuts)
    }

    /// Where the satellite enters or leaves the Earth's shadow, refined to 1 ms.
    ///
    /// Walks from `from` to `to` in steps the sunlight margin g cannot cross zero within:
    /// g is a distance, so |g'| is at most the top speed v; and where the distance d = g + R
    /// from the shadow's axis (or from the Earth's centre, on the sunward side) stays above
    /// R/2, |g''| ≤ v²/d + |a| (curvature of the distance plus gravity), so from g₀ and its
    /// rate g₀' the margin cannot reach zero while |g₀| + (±g₀' − ε) t − K t²/2 > 0, where ε
    /// allows for the slow turn of the Sun's direction. Steps are at least 10 s (shorter
    /// than any dip into the shadow and out again).
    fn sunlight_cuts(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        from: f64,
        to: f64,
        cuts: &mut Vec<f64>,
    ) -> Result<(), PropagationError> {
        let radius = super::propagate::EARTH_EQUATORIAL_RADIUS_KM;
        let d_low = radius / 2.0;
        let v_max = self.speed_max_km_min;
        let k = v_max * v_max / d_low + self.gravity_max_km_min2;
        let probe = |m: f64| {
            let (g, g_rate) = self.sunlit_margin_and_rate_at(spans, sun, m)?;
            let q = g.abs();
            let first_order = q / v_max;
            let d = g + radius;
            let second_order = if d > d_low {
                let p = g.signum() * g_rate - self.sun_turn_km_min;
                ((p + (p * p + 2.0 * k * q).sqrt()) / k).min((d - d_low) / v_max)
            } else {
                0.0
            };
            Ok((g, first_order.max(second_order)))
        };
        let margin = |m: f64| self.sunlit_margin_at(spans, sun, m);
        crossings_by_walk(from, to, 10.0 / 60.0, probe, margin, cuts)
    }

    /// The sunlight margin at `m` (as [`Finder::sunlit_margin_at`]) and its rate, km and km
    /// per minute (see [`sunlit_margin_and_rate`]).
    fn sunlit_margin_and_rate_at(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        m: f64,
    ) -> Result<(f64, f64), PropagationError> {
        let (r, v) = self.state_in(self.span_at(spans, m), m)?;
        Ok(sunlit_margin_and_rate(r, v, sun.at(m)))
    }

    /// How far the satellite's line to the Sun misses the Earth at `m`, km (see
    /// [`sunlit_margin_km`]), with the state from the pass's `trail`.
    fn sunlit_margin_at(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        m: f64,
    ) -> Result<f64, PropagationError> {
        let (r, _) = self.state_in(self.span_at(spans, m), m)?;
        Ok(sunlit_margin_km(r, sun.at(m)))
    }

    /// Brightest magnitude over the visible stretch `[a, b]`, sampled at 13 instants and
    /// at the culmination if it falls inside (an estimate, as the magnitude model is).
    fn brightest(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        a: f64,
        b: f64,
        top: f64,
        std: f64,
    ) -> Result<Option<f64>, PropagationError> {
        let mut best: Option<f64> = None;
        let n = 12;
        let mut instants: Vec<f64> = (0..=n)
            .map(|i| a + (b - a) * f64::from(i) / f64::from(n))
            .collect();
        if (a..=b).contains(&top) {
            instants.push(top);
        }
        for m in instants {
            let span = self.span_at(spans, m);
            let visible = self.conditions(span, sun, m)?.iter().all(|x| *x >= -1e-6);
            if visible && let Some(mag) = self.magnitude_at(span, sun, m, std)? {
                best = Some(best.map_or(mag, |b: f64| b.min(mag)));
            }
        }
        Ok(best)
    }
}

/// Pushes onto `cuts` every zero of `g` in `[from, to]` (minutes), refined to 1 ms.
///
/// `probe(m)` gives `g(m)` and how many minutes `g` certainly keeps its sign from `m` (from
/// a bound on how fast it can change), so the walk steps that far (and at least
/// `min_step_min`, short enough that `g` cannot cross twice) without stepping over a zero.
fn crossings_by_walk(
    from: f64,
    to: f64,
    min_step_min: f64,
    probe: impl Fn(f64) -> Result<(f64, f64), PropagationError>,
    g: impl Fn(f64) -> Result<f64, PropagationError>,
    cuts: &mut Vec<f64>,
) -> Result<(), PropagationError> {
    let (mut prev_m, (mut prev_g, mut safe_min)) = (from, probe(from)?);
    while prev_m < to {
        let m = (prev_m + safe_min.max(min_step_min)).min(to);
        let (next_g, next_safe_min) = probe(m)?;
        if (prev_g >= 0.0) != (next_g >= 0.0) {
            cuts.push(illinois(prev_m, prev_g, m, next_g, ROOT_TOLERANCE_MIN, &g)?);
        }
        (prev_m, prev_g, safe_min) = (m, next_g, next_safe_min);
    }
    Ok(())
}

/// A first guess, in minutes, for the zero of `f` (or, with `turning`, of its rate)
/// between two samples: the zero of the cubic with the samples' values and rates.
fn cubic_guess(a: &Sample, b: &Sample, turning: bool) -> f64 {
    let h = b.m - a.m;
    let (f0, f1, d0, d1) = (a.f, b.f, a.rate * h, b.rate * h);
    // The cubic Hermite polynomial in s = (m − a.m) / h, as c0 + c1 s + c2 s² + c3 s³.
    let c2 = -3.0 * f0 - 2.0 * d0 + 3.0 * f1 - d1;
    let c3 = 2.0 * f0 + d0 - 2.0 * f1 + d1;
    let poly = if turning {
        [d0, 2.0 * c2, 3.0 * c3, 0.0]
    } else {
        [f0, d0, c2, c3]
    };
    a.m + unit_interval_root(poly) * h
}

/// Minutes until b + p cos ωt + q sin ωt first comes within `c` of zero (0 if it is now,
/// infinity if it never does), for ω > 0 in rad/min.
fn sinusoid_band_entry_min(p: f64, q: f64, b: f64, c: f64, omega_rad_min: f64) -> f64 {
    use std::f64::consts::TAU;
    // The value now (t = 0) is b + p.
    if (b + p).abs() <= c {
        return 0.0;
    }
    let amplitude = p.hypot(q);
    if amplitude < 1e-12 {
        return f64::INFINITY;
    }
    // With φ = ωt − atan2(q, p) the value is b + A cos φ: inside the band while
    // cos φ ∈ [lo, hi], i.e. φ in [acos hi, acos lo] or [2π − acos lo, 2π − acos hi].
    let hi = ((c - b) / amplitude).min(1.0);
    let lo = ((-c - b) / amplitude).max(-1.0);
    if hi < lo {
        return f64::INFINITY;
    }
    let phi0 = (-q.atan2(p)).rem_euclid(TAU);
    let ahead = |start: f64| (start - phi0).rem_euclid(TAU);
    ahead(hi.acos()).min(ahead(TAU - lo.acos())) / omega_rad_min
}

/// A zero in [0, 1] of the polynomial c0 + c1 s + c2 s² + c3 s³ whose values at 0 and 1
/// differ in sign (or the end nearer to one otherwise): Newton's method kept inside a
/// shrinking bracket, falling back to bisection, to 1e-7 (a first guess: the caller
/// refines it on the real function).
fn unit_interval_root(c: [f64; 4]) -> f64 {
    let value = |s: f64| c[0] + s * (c[1] + s * (c[2] + s * c[3]));
    let slope = |s: f64| c[1] + s * (2.0 * c[2] + s * 3.0 * c[3]);
    let (v0, v1) = (value(0.0), value(1.0));
    if (v0 >= 0.0) == (v1 >= 0.0) {
        return if v0.abs() <= v1.abs() { 0.0 } else { 1.0 };
    }
    let positive_at_lo = v0 >= 0.0;
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    // Start from the chord's zero.
    let mut s = v0 / (v0 - v1);
    for _ in 0..40 {
        let v = value(s);
        if (v >= 0.0) == positive_at_lo {
            lo = s;
        } else {
            hi = s;
        }
        let d = slope(s);
        let next = s - v / d;
        let next = if next.is_finite() && next > lo && next < hi {
            next
        } else {
            0.5 * (lo + hi)
        };
        if (next - s).abs() < 1e-7 || hi - lo < 1e-7 {
            return next;
        }
        s = next;
    }
    s
}

/// How far short of the observer's zone (along the orbit) a guessed landing aims, rad.
const JUMP_MARGIN_RAD: f64 = 0.035;

/// Allowance for the error of [`acos_approx`] in the skipping bounds, rad.
const BOUND_ANGLE_SLACK_RAD: f64 = 1e-6;

/// The arc cosine of `x` (clamped to [−1, 1]) to within 1e-7 rad: Abramowitz and Stegun's
/// 4.4.46 (error 2e-8), several times quicker than `f64::acos`. For the skipping bounds,
/// which allow for the error ([`BOUND_ANGLE_SLACK_RAD`]).
fn acos_approx(x: f64) -> f64 {
    let a = x.abs().min(1.0);
    let p = 1.570_796_305_0
        + a * (-0.214_598_801_6
            + a * (0.088_978_987_4
                + a * (-0.050_174_304_6
                    + a * (0.030_891_881_0
                        + a * (-0.017_088_125_6 + a * (0.006_670_090_1 - a * 0.001_262_491_1))))));
    let angle = (1.0 - a).sqrt() * p;
    if x >= 0.0 {
        angle
    } else {
        std::f64::consts::PI - angle
    }
}

/// Rotates a vector about z by the angle whose sine and cosine are given (TEME → ECEF
/// for the sidereal angle; pass `-sin` for the inverse).
fn rotate(sin: f64, cos: f64, a: [f64; 3]) -> [f64; 3] {
    [cos * a[0] + sin * a[1], -sin * a[0] + cos * a[1], a[2]]
}

/// Rate of the IAU 1982 sidereal time at Julian date `jd`, rad per minute of UT1.
fn gmst_rate_rad_min(jd: f64) -> f64 {
    let tut1 = (jd - super::frames::J2000_JD) / 36_525.0;
    let seconds_per_century = 876_600.0 * 3600.0 + 8_640_184.812_866 + 2.0 * 0.093_104 * tut1;
    seconds_per_century / (36_525.0 * 1440.0) * (std::f64::consts::PI / 43_200.0)
}

/// How far (km) the line from the satellite at `r_km` to the Sun at `sun_km` (geocentric,
/// same frame) passes from the Earth's surface: positive when it misses the Earth (the
/// satellite sees the Sun's centre), negative inside the shadow. Continuous, so its zero
/// is the shadow boundary of [`super::sun::Illumination::is_sunlit`].
fn sunlit_margin_km(r_km: [f64; 3], sun_km: [f64; 3]) -> f64 {
    sunlit_margin_and_rate(r_km, [0.0; 3], sun_km).0
}

/// [`sunlit_margin_km`] and its rate for a satellite moving at `v_km_s` (TEME, km/s), in km
/// and km per minute, holding the direction to the Sun still (it turns under 3e-7 rad/s).
fn sunlit_margin_and_rate(r_km: [f64; 3], v_km_s: [f64; 3], sun_km: [f64; 3]) -> (f64, f64) {
    let to_sun = unit(sub(sun_km, r_km));
    let radius = super::propagate::EARTH_EQUATORIAL_RADIUS_KM;
    if dot(r_km, to_sun) >= 0.0 {
        // Facing away from the Earth: the closest approach is the satellite itself.
        let d = dot(r_km, r_km).sqrt();
        (d - radius, dot(r_km, v_km_s) / d * 60.0)
    } else {
        let c = cross(r_km, to_sun);
        let d = dot(c, c).sqrt();
        (d - radius, dot(c, cross(v_km_s, to_sun)) / d * 60.0)
    }
}

/// The Sun's geocentric position over one pass, interpolated linearly between its
/// positions at rise and set (the Sun moves 0.04° an hour; the chord is off by
/// thousandths of a degree even over a day).
struct PassSun {
    m0: f64,
    m1: f64,
    a_km: [f64; 3],
    b_km: [f64; 3],
}

impl PassSun {
    fn new(epoch_jd: f64, m0: f64, m1: f64) -> Self {
        Self {
            m0,
            m1,
            a_km: sun_position_teme_km(epoch_jd + m0 / 1440.0),
            b_km: sun_position_teme_km(epoch_jd + m1 / 1440.0),
        }
    }

    fn at(&self, m: f64) -> [f64; 3] {
        let s = if self.m1 > self.m0 {
            (m - self.m0) / (self.m1 - self.m0)
        } else {
            0.0
        };
        [
            self.a_km[0] + s * (self.b_km[0] - self.a_km[0]),
            self.a_km[1] + s * (self.b_km[1] - self.a_km[1]),
            self.a_km[2] + s * (self.b_km[2] - self.a_km[2]),
        ]
    }
}

/// Root of `g` in `[a, b]` where `g(a)` and `g(b)` differ in sign, by the Illinois variant
/// of regula falsi, to `tolerance` in the argument. At most 60 evaluations.
fn illinois(
    mut a: f64,
    mut ga: f64,
    mut b: f64,
    mut gb: f64,
    tolerance: f64,
    mut g: impl FnMut(f64) -> Result<f64, PropagationError>,
) -> Result<f64, PropagationError> {
    // Side that was kept last time: -1 = a, +1 = b.
    let mut side = 0;
    for _ in 0..60 {
        if (b - a).abs() <= tolerance {
            break;
        }
        let mut c = (a * gb - b * ga) / (gb - ga);
        // Fall back to bisection when the secant leaves the bracket or stalls.
        if !c.is_finite() || c <= a.min(b) || c >= a.max(b) {
            c = 0.5 * (a + b);
        }
        let gc = g(c)?;
        if (gc >= 0.0) == (ga >= 0.0) {
            a = c;
            ga = gc;
            if side == -1 {
                gb *= 0.5;
            }
            side = -1;
        } else {
            b = c;
            gb = gc;
            if side == 1 {
                ga *= 0.5;
            }
            side = 1;
        }
        // Once the bracket is narrow, finish it to the tolerance in two steps.
        if (b - a).abs() > tolerance && (b - a).abs() < 4.0 * tolerance {
            let mid = 0.5 * (a + b);
            let gm = g(mid)?;
            if (gm >= 0.0) == (ga >= 0.0) {
                a = mid;
                ga = gm;
            } else {
                b = mid;
                gb = gm;
            }
        }
    }
    Ok(if ga.abs() < gb.abs() { a } else { b })
}

/// A rough 1-sigma uncertainty of predicted times, in seconds, for elements `age_days`
/// old (absolute value used) on an orbit of `mean_motion_rev_per_day`.
///
/// An estimate, not a model: element sets are good to about a kilometre at epoch (≈0.15 s
/// along a low orbit) and drag errors grow along-track error roughly with the square of
/// the age. Higher orbits drift far more slowly.
pub fn timing_uncertainty_s(age_days: f64, mean_motion_rev_per_day: f64) -> f64 {
    let age = age_days.abs();
    let low_orbit = 2.0 + 1.0 * age + 0.1 * age * age;
    if mean_motion_rev_per_day >= 6.0 {
        low_orbit
    } else {
        low_orbit / 10.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_interval_root_finds_the_zero_of_a_cubic() {
        // (s − 0.3)(s + 2)(s − 5) = s³ − 3.3 s² − 9.1 s + 3
        let s = unit_interval_root([3.0, -9.1, -3.3, 1.0]);
        assert!((s - 0.3).abs() < 1e-9, "{s}");
        // A flat, grazing crossing near the end: (s − 0.999)³.
        let c = [-(0.999_f64.powi(3)), 3.0 * 0.999 * 0.999, -3.0 * 0.999, 1.0];
        let s = unit_interval_root(c);
        assert!((s - 0.999).abs() < 1e-3, "{s}");
        // A quadratic (turning point): 1 − 4 s².
        let s = unit_interval_root([1.0, 0.0, -4.0, 0.0]);
        assert!((s - 0.5).abs() < 1e-9, "{s}");
    }

    #[test]
    fn acos_approx_is_within_its_allowance() {
        let worst = (-100_000..=100_000)
            .map(|k| {
                let x = f64::from(k) / 100_000.0;
                (acos_approx(x) - x.acos()).abs()
            })
            .fold(0.0, f64::max);
        assert!(worst < 1e-7, "{worst}");
        assert!(worst < BOUND_ANGLE_SLACK_RAD / 10.0);
        assert_eq!(acos_approx(1.5), 0.0);
    }

    #[test]
    fn every_scan_step_in_low_orbit_is_interpolated() {
        // A step of `step_min` taken as the difference of two minute counts may come out an
        // ulp longer than the step; it must still count as within the interpolant's reach
        // (it once fell to SGP4 itself for half the steps, doubling the cost of a pass).
        let text = include_str!("../../tests/data/fixture_elements.tle");
        let sets = super::super::parse_elements(text, "fixture")
            .expect("parses")
            .sets;
        let frame = ObserverFrame::new(super::super::Observer::new(37.5665, 126.978, 38.0));
        let search = PassSearch::default();
        let mut low = 0;
        for set in sets {
            let sat = Satellite::new(set).expect("propagates");
            let finder = Finder::new(&sat, &frame, &search, None);
            if finder.step_min < finder.hermite_max_min * 0.99 {
                continue;
            }
            low += 1;
            for k in 0..10_000 {
                let m = 1234.5 + f64::from(k) * 0.377;
                let a = finder.sample(m).expect("sample");
                let b = Sample {
                    m: m + finder.step_min,
                    ..a
                };
                assert!(
                    matches!(finder.span(&a, &b), Span::Hermite(..)),
                    "{} at {m} min",
                    sat.set.name
                );
            }
        }
        assert!(low > 0);
    }

    #[test]
    fn sinusoid_band_entry_is_the_first_minute_inside_the_band() {
        let omega = 0.004_375;
        let cases = [
            (0.3, 0.5, 0.2, 0.1),
            (-0.6, 0.1, 0.35, 0.39),
            (0.0, 0.7, -0.1, 0.05),
            (0.62, -0.2, 0.37, 0.4),
            (0.1, 0.1, 0.9, 0.39),
            (0.5, 0.0, 0.0, 0.6),
        ];
        for (p, q, b, c) in cases {
            let value = |t: f64| b + p * (omega * t).cos() + q * (omega * t).sin();
            let brute = (0..=2 * 1440 * 100)
                .map(|k| f64::from(k) / 100.0)
                .find(|&t| value(t).abs() <= c)
                .unwrap_or(f64::INFINITY);
            let found = sinusoid_band_entry_min(p, q, b, c, omega);
            if brute.is_infinite() {
                assert!(found.is_infinite(), "{p} {q} {b} {c}: {found}");
            } else {
                assert!(
                    (found - brute).abs() < 0.011,
                    "{p} {q} {b} {c}: {found} vs {brute}"
                );
                assert!(value(found).abs() <= c + 1e-9);
            }
        }
    }

    #[test]
    fn unit_interval_root_without_a_sign_change_returns_the_nearer_end() {
        assert_eq!(unit_interval_root([1.0, 1.0, 0.0, 0.0]), 0.0);
        assert_eq!(unit_interval_root([-3.0, 2.9, 0.0, 0.0]), 1.0);
    }
}
