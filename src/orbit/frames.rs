//! Frames: TEME → Earth-fixed (ECEF) → topocentric (east, north, up) at the observer.
//!
//! TEME → ECEF is a rotation about the z axis by the Greenwich mean sidereal time
//! (IAU 1982), as in AIAA 2006-6753 Appendix C. UT1 is taken equal to UTC (|UT1−UTC| < 0.9 s,
//! about 0.4 km of Earth rotation at the equator) and polar motion is ignored (< 15 m).
//! The observer is placed on the WGS-84 ellipsoid.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::constants::{
    DAY_MINUTES, DAY_S, EARTH_EQUATORIAL_RADIUS_WGS84_KM, EARTH_ROTATION_RAD_S, J2000_JD,
    JULIAN_CENTURY_DAYS, UNIX_EPOCH_JD, WGS84_FLATTENING,
};
use super::vec3::{dot, sub};

/// Julian date of `t` on the UTC scale.
pub fn julian_date_utc(t: DateTime<Utc>) -> f64 {
    let seconds = t.timestamp() as f64 + f64::from(t.timestamp_subsec_nanos()) * 1e-9;
    UNIX_EPOCH_JD + seconds / DAY_S
}

/// Greenwich mean sidereal time (IAU 1982) in radians, in [0, 2π), for a Julian date
/// (UT1, here UTC).
pub fn gmst_rad(jd_ut1: f64) -> f64 {
    let tut1 = (jd_ut1 - J2000_JD) / JULIAN_CENTURY_DAYS;
    let seconds = -6.2e-6 * tut1 * tut1 * tut1
        + 0.093_104 * tut1 * tut1
        + (876_600.0 * 3600.0 + 8_640_184.812_866) * tut1
        + 67_310.548_41;
    (seconds * (std::f64::consts::PI / 43_200.0)).rem_euclid(std::f64::consts::TAU)
}

/// Rate of the IAU 1982 sidereal time at Julian date `jd` (UT1, here UTC), rad per minute.
pub fn gmst_rate_rad_per_minute(jd: f64) -> f64 {
    let tut1 = (jd - J2000_JD) / JULIAN_CENTURY_DAYS;
    let seconds_per_century = 876_600.0 * 3600.0 + 8_640_184.812_866 + 2.0 * 0.093_104 * tut1;
    seconds_per_century / (JULIAN_CENTURY_DAYS * DAY_MINUTES) * (std::f64::consts::PI / 43_200.0)
}

/// Rotates a TEME vector into the Earth-fixed frame at sidereal angle `gmst_rad`.
pub fn ecef_from_teme(gmst_rad: f64, v_teme: [f64; 3]) -> [f64; 3] {
    let (sin_gmst, cos_gmst) = gmst_rad.sin_cos();
    ecef_from_teme_by(sin_gmst, cos_gmst, v_teme)
}

/// The TEME → Earth-fixed rotation (about the z axis) for a sidereal angle given by its
/// sine and cosine: the one place this rotation is written. Pass `-sin_gmst` for the
/// inverse (Earth-fixed → TEME). Callers that rotate many vectors at one time, or at times
/// close together, take the sine and cosine once.
#[inline]
pub fn ecef_from_teme_by(sin_gmst: f64, cos_gmst: f64, v_teme: [f64; 3]) -> [f64; 3] {
    [
        cos_gmst * v_teme[0] + sin_gmst * v_teme[1],
        -sin_gmst * v_teme[0] + cos_gmst * v_teme[1],
        v_teme[2],
    ]
}

/// Geocentric latitude and longitude (east positive, in [−180, 180)) of the point under
/// an Earth-fixed position `r_ecef_km`, degrees: the sub-solar, sub-lunar and (for the
/// map's dots) sub-satellite point. For a satellite's geodetic sub-point with its height
/// see [`geodetic_from_ecef`].
pub fn geocentric_subpoint_deg(r_ecef_km: [f64; 3]) -> (f64, f64) {
    let [x, y, z] = r_ecef_km;
    let lat = z.atan2((x * x + y * y).sqrt()).to_degrees();
    let lon = (y.atan2(x).to_degrees() + 180.0).rem_euclid(360.0) - 180.0;
    (lat, lon)
}

/// Rotates an Earth-fixed vector into TEME at sidereal angle `gmst_rad`.
pub fn teme_from_ecef(gmst_rad: f64, v_ecef: [f64; 3]) -> [f64; 3] {
    ecef_from_teme(-gmst_rad, v_ecef)
}

/// Earth-fixed position (km) and velocity (km/s) from a TEME state at sidereal angle `gmst_rad`.
///
/// The velocity is relative to the rotating Earth (the TEME velocity minus ω × r).
pub fn ecef_state_from_teme(
    gmst_rad: f64,
    r_teme_km: [f64; 3],
    v_teme_km_s: [f64; 3],
) -> ([f64; 3], [f64; 3]) {
    let r = ecef_from_teme(gmst_rad, r_teme_km);
    let v = ecef_from_teme(gmst_rad, v_teme_km_s);
    let w = EARTH_ROTATION_RAD_S;
    (r, [v[0] + w * r[1], v[1] - w * r[0], v[2]])
}

/// A place on the Earth: geodetic latitude and longitude on WGS-84, and height.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Observer {
    /// Geodetic latitude in degrees, north positive.
    pub latitude_deg: f64,
    /// Longitude in degrees, east positive.
    pub longitude_deg: f64,
    /// Height above the WGS-84 ellipsoid in metres.
    pub altitude_m: f64,
}

impl Observer {
    /// An observer at `latitude_deg` (north +), `longitude_deg` (east +), `altitude_m` above WGS-84.
    pub fn new(latitude_deg: f64, longitude_deg: f64, altitude_m: f64) -> Self {
        Self {
            latitude_deg,
            longitude_deg,
            altitude_m,
        }
    }
}

/// Look angles from an observer to a target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LookAngles {
    /// Azimuth in degrees from true north through east, in [0, 360).
    pub azimuth_deg: f64,
    /// Elevation above the observer's horizon plane in degrees (geometric unless stated).
    pub elevation_deg: f64,
    /// Distance from observer to target, km.
    pub range_km: f64,
    /// Rate of change of the range, km/s (positive when receding).
    pub range_rate_km_s: f64,
    /// Rate of change of the geometric elevation, degrees per second.
    pub elevation_rate_deg_s: f64,
}

/// An observer with its Earth-fixed position and local east/north/up axes precomputed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ObserverFrame {
    /// The observer.
    pub observer: Observer,
    /// Observer position in ECEF, km.
    pub r_ecef_km: [f64; 3],
    east: [f64; 3],
    north: [f64; 3],
    up: [f64; 3],
}

impl ObserverFrame {
    /// Precomputes the observer's ECEF position and local axes.
    pub fn new(observer: Observer) -> Self {
        let lat = observer.latitude_deg.to_radians();
        let lon = observer.longitude_deg.to_radians();
        let (sin_lat, cos_lat) = lat.sin_cos();
        let (sin_lon, cos_lon) = lon.sin_cos();
        let e2 = WGS84_FLATTENING * (2.0 - WGS84_FLATTENING);
        let n = EARTH_EQUATORIAL_RADIUS_WGS84_KM / (1.0 - e2 * sin_lat * sin_lat).sqrt();
        let h_km = observer.altitude_m / 1000.0;
        let r_ecef_km = [
            (n + h_km) * cos_lat * cos_lon,
            (n + h_km) * cos_lat * sin_lon,
            (n * (1.0 - e2) + h_km) * sin_lat,
        ];
        Self {
            observer,
            r_ecef_km,
            east: [-sin_lon, cos_lon, 0.0],
            north: [-sin_lat * cos_lon, -sin_lat * sin_lon, cos_lat],
            up: [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat],
        }
    }

    /// Distance of the observer from the Earth's centre, km.
    pub fn radius_km(&self) -> f64 {
        dot(self.r_ecef_km, self.r_ecef_km).sqrt()
    }

    /// The local east, north and up unit vectors, ECEF.
    pub fn enu_axes_ecef(&self) -> [[f64; 3]; 3] {
        [self.east, self.north, self.up]
    }

    /// Unit vector of the local vertical (up), ECEF.
    pub fn up_ecef(&self) -> [f64; 3] {
        self.up
    }

    /// Look angles to a target at ECEF position `r_ecef_km` moving at `v_ecef_km_s`
    /// (Earth-fixed velocity; pass zeros for a fixed target).
    pub fn look_at(&self, r_ecef_km: [f64; 3], v_ecef_km_s: [f64; 3]) -> LookAngles {
        let rho = sub(r_ecef_km, self.r_ecef_km);
        let e = dot(rho, self.east);
        let n = dot(rho, self.north);
        let u = dot(rho, self.up);
        let range2 = e * e + n * n + u * u;
        let range_km = range2.sqrt();
        let horizontal = (e * e + n * n).sqrt();
        let range_rate_km_s = dot(rho, v_ecef_km_s) / range_km;
        let u_dot = dot(v_ecef_km_s, self.up);
        // d/dt atan2(u, h) = (u̇ h − u ḣ) / (h² + u²), with ḣ = (ρ·ρ̇ − u u̇)/h.
        let elevation_rate_rad_s = if horizontal > 1e-9 {
            let h_dot = (range_km * range_rate_km_s - u * u_dot) / horizontal;
            (u_dot * horizontal - u * h_dot) / range2
        } else {
            0.0
        };
        LookAngles {
            azimuth_deg: e.atan2(n).to_degrees().rem_euclid(360.0),
            elevation_deg: u.atan2(horizontal).to_degrees(),
            range_km,
            range_rate_km_s,
            elevation_rate_deg_s: elevation_rate_rad_s.to_degrees(),
        }
    }
}

/// Geodetic position (WGS-84) of an ECEF point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geodetic {
    /// Geodetic latitude, degrees north.
    pub latitude_deg: f64,
    /// Longitude, degrees east, in [−180, 180).
    pub longitude_deg: f64,
    /// Height above the ellipsoid, km.
    pub altitude_km: f64,
}

/// Geodetic latitude, longitude and height of an ECEF position (km), by Bowring's iteration.
pub fn geodetic_from_ecef(r_ecef_km: [f64; 3]) -> Geodetic {
    let [x, y, z] = r_ecef_km;
    let e2 = WGS84_FLATTENING * (2.0 - WGS84_FLATTENING);
    let p = (x * x + y * y).sqrt();
    let longitude_deg = (y.atan2(x).to_degrees() + 180.0).rem_euclid(360.0) - 180.0;
    let mut lat = z.atan2(p * (1.0 - e2));
    let mut n = EARTH_EQUATORIAL_RADIUS_WGS84_KM;
    for _ in 0..5 {
        let s = lat.sin();
        n = EARTH_EQUATORIAL_RADIUS_WGS84_KM / (1.0 - e2 * s * s).sqrt();
        lat = (z + n * e2 * s).atan2(p);
    }
    let c = lat.cos();
    let altitude_km = if c.abs() > 1e-6 {
        p / c - n
    } else {
        z.abs() - n * (1.0 - e2)
    };
    Geodetic {
        latitude_deg: lat.to_degrees(),
        longitude_deg,
        altitude_km,
    }
}

/// Atmospheric refraction in degrees for a geometric (true) elevation, by Saemundsson's
/// formula for 10 °C and 1010 hPa. Zero below −1° where it has no meaning for us.
pub fn refraction_deg(geometric_elevation_deg: f64) -> f64 {
    if geometric_elevation_deg < -1.0 {
        return 0.0;
    }
    let h = geometric_elevation_deg;
    1.02 / (h + 10.3 / (h + 5.11)).to_radians().tan() / 60.0
}

/// The geometric elevation at which the apparent (refracted) elevation equals `apparent_deg`.
pub fn geometric_from_apparent_deg(apparent_deg: f64) -> f64 {
    let mut g = apparent_deg;
    for _ in 0..8 {
        g = apparent_deg - refraction_deg(g);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geodetic_round_trip() {
        let frame = ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0));
        let g = geodetic_from_ecef(frame.r_ecef_km);
        assert!((g.latitude_deg - 37.5665).abs() < 1e-9);
        assert!((g.longitude_deg - 126.978).abs() < 1e-9);
        assert!((g.altitude_km - 0.038).abs() < 1e-6);
    }

    #[test]
    fn gmst_at_j2000() {
        // GMST at 2000-01-01 12:00 UT1 is 18h 41m 50.548s = 280.46062 deg.
        assert!((gmst_rad(J2000_JD).to_degrees() - 280.460_618).abs() < 1e-5);
    }

    #[test]
    fn refraction_at_horizon_is_about_half_a_degree() {
        let r = refraction_deg(0.0);
        assert!((0.45..0.5).contains(&r), "{r}");
    }
}
