//! How far from an observer a satellite can be and still be up, and how fast it can close
//! that distance: the bound that lets a search over the whole catalog skip most of it
//! with one SGP4 call per satellite (`identify`, `sky_now`).
//!
//! The geocentric angle ψ between the observer and the satellite changes no faster than
//! the satellite's angular rate at perigee plus the Earth's turn, and the satellite is at
//! elevation `e` or above only while ψ ≤ acos(R cos e / r) − e, with r its apogee radius.

use super::constants::{
    EARTH_EQUATORIAL_RADIUS_WGS72_KM, EARTH_GM_WGS72_KM3_S2, EARTH_ROTATION_RAD_S,
};
use super::frames::ObserverFrame;
use super::propagate::Satellite;
use super::vec3::{dot, norm};

/// Slack on the angular rate: SGP4's osculating orbit strays from the mean elements'
/// perigee by tens of kilometres, and J2 turns the orbit a little.
const RATE_SLACK: f64 = 1.05;
/// Slack on the largest geocentric angle, radians (1°): the observer's geodetic vertical
/// differs from the geocentric one by up to 0.19°, and the apogee radius by tens of km.
const PSI_SLACK_RAD: f64 = 0.017;
/// Added to the apogee radius for the osculating orbit, km.
const APOGEE_SLACK_KM: f64 = 50.0;

/// How fast, and how far, a satellite's geocentric angle from an observer can go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reach {
    /// Fastest change of the geocentric angle, rad/s.
    pub(crate) rate_rad_s: f64,
    /// Largest geocentric angle at which the satellite can be at the elevation asked, rad.
    pub(crate) psi_max_rad: f64,
}

impl Reach {
    /// The reach of `sat` for an observer `observer_radius_km` from the Earth's centre,
    /// down to `min_elevation_deg`.
    pub(crate) fn of(sat: &Satellite, observer_radius_km: f64, min_elevation_deg: f64) -> Self {
        let elements = &sat.set.elements;
        let n_rad_s = elements.mean_motion * std::f64::consts::TAU / 86_400.0;
        let e = elements.eccentricity.clamp(0.0, 0.999);
        let a_km = (EARTH_GM_WGS72_KM3_S2 / (n_rad_s * n_rad_s)).cbrt();
        let perigee_km = (a_km * (1.0 - e)).max(EARTH_EQUATORIAL_RADIUS_WGS72_KM * 0.9);
        let apogee_km = a_km * (1.0 + e) + APOGEE_SLACK_KM;
        // Angular momentum per unit mass, and the angular rate at perigee.
        let h = (EARTH_GM_WGS72_KM3_S2 * a_km * (1.0 - e * e)).sqrt();
        let rate_rad_s = (h / (perigee_km * perigee_km) + EARTH_ROTATION_RAD_S) * RATE_SLACK;
        let elev = min_elevation_deg.clamp(0.0, 90.0).to_radians();
        let psi_max_rad = ((observer_radius_km * elev.cos() / apogee_km)
            .clamp(-1.0, 1.0)
            .acos()
            - elev)
            .max(0.0)
            + PSI_SLACK_RAD;
        Self {
            rate_rad_s,
            psi_max_rad,
        }
    }

    /// Geocentric angle between the observer and an Earth-fixed position, radians.
    pub(crate) fn geocentric_angle_rad(&self, frame: &ObserverFrame, r_ecef_km: [f64; 3]) -> f64 {
        let cos_psi = dot(r_ecef_km, frame.r_ecef_km) / (norm(r_ecef_km) * frame.radius_km());
        cos_psi.clamp(-1.0, 1.0).acos()
    }

    /// Whether a satellite now at geocentric angle `psi_rad` may be up (at the elevation
    /// this reach was made for) within `span_s` seconds either way.
    pub(crate) fn may_be_up_within(&self, psi_rad: f64, span_s: f64) -> bool {
        psi_rad - self.rate_rad_s * span_s.abs() <= self.psi_max_rad
    }
}
