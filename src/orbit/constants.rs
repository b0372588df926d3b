//! Physical constants and unit conversions, each with its unit and its source, in one
//! place (as skyfield's `constants.py`).
//!
//! Two Earth models meet here, and they are kept apart on purpose:
//! - **WGS-72** is what SGP4 and the element sets are fitted with (Spacetrack Report #3;
//!   Vallado et al., AIAA 2006-6753). Anything that imitates SGP4's dynamics (the pass
//!   finder's gravity for its interpolant, its skipping bounds) uses the WGS-72 values.
//! - **WGS-84** is where observers stand (GPS coordinates) and what maps are drawn on. The
//!   observer's place, geodetic latitude and height, the Earth's shadow and the decay test
//!   use the WGS-84 radius.
//!
//! The two equatorial radii differ by 2 m: swapping them would change nothing an observer
//! could notice, but would change the last digits of the output, so each use names its
//! model.

/// Earth's equatorial radius in the WGS-84 model, km (NIMA TR8350.2, 2000).
pub const EARTH_EQUATORIAL_RADIUS_WGS84_KM: f64 = 6378.137;
/// Flattening of the WGS-84 ellipsoid, dimensionless (NIMA TR8350.2, 2000).
pub const WGS84_FLATTENING: f64 = 1.0 / 298.257_223_563;
/// Earth's equatorial radius in the WGS-72 model that SGP4 uses, km (Spacetrack Report #3;
/// the `sgp4` crate's `WGS72.ae`).
pub const EARTH_EQUATORIAL_RADIUS_WGS72_KM: f64 = 6378.135;
/// Earth's gravitational parameter GM in the WGS-72 model that SGP4 uses, km³/s²
/// (Spacetrack Report #3).
pub const EARTH_GM_WGS72_KM3_S2: f64 = 398_600.8;
/// The Earth's J2 zonal harmonic (oblateness) in the WGS-72 model, dimensionless
/// (Spacetrack Report #3).
pub const J2_WGS72: f64 = 1.082_616e-3;
/// Mean Earth radius, km (IUGG; Moritz, "Geodetic Reference System 1980"), for distances
/// along the ground between two places.
pub const EARTH_MEAN_RADIUS_KM: f64 = 6371.0;
/// Earth's rotation rate relative to the stars, rad/s (IERS Conventions 2010, the
/// conventional value).
pub const EARTH_ROTATION_RAD_S: f64 = 7.292_115_146_706_979e-5;

/// Astronomical unit, km (IAU 2012 Resolution B2).
pub const AU_KM: f64 = 149_597_870.7;
/// Radius of the Sun's photosphere, km (IAU 2015 Resolution B3, nominal).
pub const SUN_RADIUS_KM: f64 = 695_700.0;
/// Mean radius of the Moon, km (IAU Working Group on Cartographic Coordinates and Rotational
/// Elements, Archinal et al. 2018: 1737.4 km).
pub const MOON_RADIUS_KM: f64 = 1_737.4;
/// Polar radius (semi-minor axis) of the WGS-84 ellipsoid, km: a (1 − f).
pub const EARTH_POLAR_RADIUS_WGS84_KM: f64 =
    EARTH_EQUATORIAL_RADIUS_WGS84_KM * (1.0 - WGS84_FLATTENING);
/// Speed of light in vacuum, km/s (exact, SI).
pub const SPEED_OF_LIGHT_KM_S: f64 = 299_792.458;
/// Mass of the Earth over mass of the Moon (JPL DE421: 81.30057).
pub const EARTH_MOON_MASS_RATIO: f64 = 81.300_57;
/// Mean obliquity of the ecliptic at J2000.0, degrees (IAU 1976, 84381.448″).
pub const OBLIQUITY_J2000_DEG: f64 = 23.439_291_111;

/// Julian date of J2000.0 (2000-01-01 12:00 TT), days; used on the UTC scale here.
pub const J2000_JD: f64 = 2_451_545.0;
/// Julian date of the Unix epoch (1970-01-01 00:00 UTC), days.
pub const UNIX_EPOCH_JD: f64 = 2_440_587.5;
/// TT − UTC (ΔT, taken as TT − UT1 ≈ TT − UTC), seconds, for the Moon's and the stars' time
/// arguments.
///
/// One value for all dates: ΔT was 63.8 s in 2000 and is 69.2 s in 2026 (IERS Bulletin A,
/// plus 32.184 s), about 41 s back in 1970 and 29 s in 1950; it cannot be predicted far ahead.
/// The Moon moves about 0.55″ per second of time, so an error of 40 s in ΔT moves it by 22″
/// (0.006°).
pub const TT_MINUS_UTC_S: f64 = 69.2;

/// Seconds in a day.
pub const DAY_S: f64 = 86_400.0;
/// Milliseconds in a day.
pub const DAY_MS: f64 = 86_400_000.0;
/// Minutes in a day.
pub const DAY_MINUTES: f64 = 1440.0;
/// Days in a Julian century.
pub const JULIAN_CENTURY_DAYS: f64 = 36_525.0;
