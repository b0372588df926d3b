//! The user's persisted settings: observers, satellites, sources, thresholds, appearance.
//!
//! Stored as JSON in the platform config directory ([`default_settings_path`]). Every
//! struct is `#[serde(default)]`, so a file written by an older version, which lacks newer
//! fields, still loads. A file that cannot be used (corrupt, written by a newer version, or
//! too old) is never a crash: [`Settings::load`] renames it to
//! `settings.json.bak-<timestamp>` beside it, starts from the defaults and returns a
//! message saying so.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::{self, Source};
use crate::orbit::PassSearch;

/// Version of the settings format written by this build.
pub const SETTINGS_VERSION: u32 = 1;

/// Oldest settings version this build can read.
pub const MIN_SETTINGS_VERSION: u32 = 1;

/// Environment variable that overrides the platform config directory.
pub const CONFIG_DIR_ENV: &str = "OVERHEAD_CONFIG_DIR";

/// File name of the settings in the config directory.
pub const SETTINGS_FILE_NAME: &str = "settings.json";

/// Why settings could not be saved, or where they live could not be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// No config directory: the platform has none and [`CONFIG_DIR_ENV`] is not set.
    #[error("no config directory could be determined (set {CONFIG_DIR_ENV} to choose one)")]
    NoConfigDir,
    /// The settings could not be written.
    #[error("cannot save settings to {path}: {message}")]
    Save {
        /// The settings file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// The config directory: [`CONFIG_DIR_ENV`] if set, else the platform config directory of
/// `directories::ProjectDirs::from("org", "Overhead", "overhead")` (on Linux
/// `$XDG_CONFIG_HOME/overhead`, usually `~/.config/overhead`).
pub fn default_config_dir() -> Result<PathBuf, SettingsError> {
    crate::dirs::app_dir(CONFIG_DIR_ENV, crate::dirs::AppDirKind::Config)
        .ok_or(SettingsError::NoConfigDir)
}

/// The settings file: `settings.json` in [`default_config_dir`].
pub fn default_settings_path() -> Result<PathBuf, SettingsError> {
    default_config_dir().map(|dir| dir.join(SETTINGS_FILE_NAME))
}

/// Lowest observer height above the WGS-84 ellipsoid that is accepted, metres (the Dead
/// Sea shore is about −430 m).
pub const ALTITUDE_MIN_M: f64 = -500.0;

/// Highest observer height above the WGS-84 ellipsoid that is accepted, metres (above any
/// mountain).
pub const ALTITUDE_MAX_M: f64 = 10_000.0;

/// Lowest elevation threshold of a pass search (horizon, minimum, visible, Sun), degrees.
pub const ELEVATION_MIN_DEG: f64 = -90.0;

/// Highest elevation threshold of a pass search, degrees.
pub const ELEVATION_MAX_DEG: f64 = 90.0;

/// A named place to observe from. Geodetic coordinates on the WGS-84 ellipsoid.
///
/// Each field has its own serde default (not Seoul's values: a saved Busan without an
/// altitude must not get Seoul's); a missing latitude or longitude loads as NaN, which
/// [`Settings::load`] then removes as an impossible observer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObserverSite {
    /// Name shown in the list, e.g. "Seoul".
    #[serde(default)]
    pub name: String,
    /// Geodetic latitude, degrees, north positive.
    #[serde(default = "missing_coordinate_deg")]
    pub latitude_deg: f64,
    /// Longitude, degrees, east positive.
    #[serde(default = "missing_coordinate_deg")]
    pub longitude_deg: f64,
    /// Height above the ellipsoid, metres.
    #[serde(default)]
    pub altitude_m: f64,
    /// IANA time zone, e.g. "Asia/Seoul"; `None` to use the computer's.
    #[serde(default)]
    pub time_zone: Option<String>,
}

fn missing_coordinate_deg() -> f64 {
    f64::NAN
}

impl Default for ObserverSite {
    /// Seoul City Hall, the app's headline use case; the UI asks the user to change it on a first start.
    fn default() -> Self {
        Self {
            name: "Seoul".to_owned(),
            latitude_deg: 37.5665,
            longitude_deg: 126.9780,
            altitude_m: 38.0,
            time_zone: Some("Asia/Seoul".to_owned()),
        }
    }
}

impl ObserverSite {
    /// True when the coordinates are finite and in range (latitude ±90°, longitude ±180°,
    /// altitude between −500 m and 10 km).
    pub fn is_valid(&self) -> bool {
        self.latitude_deg.is_finite()
            && self.longitude_deg.is_finite()
            && self.altitude_m.is_finite()
            && (-90.0..=90.0).contains(&self.latitude_deg)
            && (-180.0..=180.0).contains(&self.longitude_deg)
            && (ALTITUDE_MIN_M..=ALTITUDE_MAX_M).contains(&self.altitude_m)
    }
}

/// A source the user added: an `https://` URL or a local file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomSource {
    /// Name shown in the list.
    pub name: String,
    /// The URL or file path as typed (see [`Source::from_user_input`]).
    pub location: String,
    /// Whether it is refreshed and loaded.
    pub enabled: bool,
}

impl Default for CustomSource {
    fn default() -> Self {
        Self {
            name: String::new(),
            location: String::new(),
            enabled: true,
        }
    }
}

/// Which sources to refresh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceSettings {
    /// Identifiers of the enabled built-in groups (see [`catalog::builtin_groups`]).
    pub enabled_groups: Vec<String>,
    /// Sources the user added.
    pub custom: Vec<CustomSource>,
}

impl Default for SourceSettings {
    /// "In the news", space stations and the brightest satellites: small downloads that
    /// cover the headline satellites.
    fn default() -> Self {
        Self {
            enabled_groups: vec![
                catalog::NEWS_GROUP_ID.to_owned(),
                "stations".to_owned(),
                "visual".to_owned(),
            ],
            custom: Vec::new(),
        }
    }
}

/// Colour theme of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    /// Light background.
    Light,
    /// Dark background.
    #[default]
    Dark,
    /// Dark red on black, to keep night vision at the telescope.
    NightRed,
}

/// Which clock times are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TimeDisplay {
    /// The current observer's time zone (falls back to the computer's when it has none).
    #[default]
    ObserverZone,
    /// The computer's local time zone.
    ComputerLocal,
    /// UTC.
    Utc,
}

/// Everything the user chose that outlives a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Format version ([`SETTINGS_VERSION`] when written by this build).
    pub version: u32,
    /// Places to observe from; never empty after [`Settings::load`].
    pub observers: Vec<ObserverSite>,
    /// Index into `observers` of the current one.
    pub current_observer: usize,
    /// Catalog numbers of the satellites shown.
    pub satellites: Vec<u64>,
    /// Catalog numbers marked as favourites.
    pub favourites: Vec<u64>,
    /// Which sources to refresh.
    pub sources: SourceSettings,
    /// Thresholds of the pass search.
    pub pass_search: PassSearch,
    /// Faintest magnitude the observer's sky shows (limiting magnitude): a visible pass
    /// fainter than this is "too faint" (city 3, suburb 4, dark site 5.5, binoculars 7.5).
    pub limiting_magnitude: f64,
    /// Colour theme.
    pub theme: Theme,
    /// Time zone of displayed times.
    pub time_display: TimeDisplay,
    /// Large type for a projector in a classroom.
    pub presentation_mode: bool,
    /// CelesTrak base URL (e.g. a school's mirror); `None` for celestrak.org. The
    /// environment variable [`catalog::CELESTRAK_URL_ENV`] overrides it.
    pub celestrak_base_url: Option<String>,
    /// Set once the first-start questions (location) have been answered.
    pub first_run_done: bool,
    /// At start, refresh the enabled sources in the background when their last successful
    /// check is older than this many hours ([`DEFAULT_AUTO_REFRESH_HOURS`]; 0: never).
    pub auto_refresh_hours: u32,
    /// The window's language; `None` follows the system (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    /// `--lang` overrides it for one run. Older settings files have none: `None`.
    pub language: Option<crate::i18n::Lang>,
    /// Pass times to the second everywhere (the window, the handout, the calendar), as
    /// Heavens-Above shows them; short passes show seconds anyway. Older files: off.
    pub show_seconds: bool,
}

/// Default of [`Settings::auto_refresh_hours`]: element sets are refreshed at most daily
/// by the app itself (CelesTrak's two-hour rule still applies to any refresh).
pub const DEFAULT_AUTO_REFRESH_HOURS: u32 = 24;

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: SETTINGS_VERSION,
            observers: vec![ObserverSite::default()],
            current_observer: 0,
            // The famous bright ones everyone asks about; see `Settings::for_first_start`.
            satellites: catalog::FAMOUS.norad_ids(),
            favourites: Vec::new(),
            sources: SourceSettings::default(),
            pass_search: PassSearch::default(),
            limiting_magnitude: crate::report::DEFAULT_LIMITING_MAGNITUDE,
            theme: Theme::default(),
            time_display: TimeDisplay::default(),
            presentation_mode: false,
            celestrak_base_url: None,
            first_run_done: false,
            auto_refresh_hours: DEFAULT_AUTO_REFRESH_HOURS,
            language: None,
            show_seconds: false,
        }
    }
}

impl Settings {
    /// The settings a first start proposes on a computer in the IANA zone `zone` speaking
    /// `lang`: the place the zone stands for ([`crate::atlas::zones::place_for_zone`]: the
    /// most populous bundled city in it, else the zone's own place), Seoul where it stands
    /// for none (`Etc/UTC`) or is unknown, and the satellites of the language
    /// ([`catalog::first_start_satellites`]: the famous ones, and in Korean the Korean
    /// reconnaissance satellites). The location prompt still asks (`first_run_done` is
    /// false).
    pub fn for_first_start(zone: Option<&str>, lang: crate::i18n::Lang) -> Self {
        let place = zone
            .and_then(|z| crate::atlas::zones::place_for_zone(crate::atlas::cities(), z))
            .map(|p| ObserverSite {
                name: p.name,
                latitude_deg: p.latitude_deg,
                longitude_deg: p.longitude_deg,
                altitude_m: 0.0,
                time_zone: Some(p.time_zone),
            })
            .filter(ObserverSite::is_valid)
            .unwrap_or_default();
        Self {
            observers: vec![place],
            satellites: catalog::first_start_satellites(lang),
            ..Self::default()
        }
    }

    /// Loads settings from `path`; see [`Settings::load_at`]. Uses the computer's clock only
    /// to name a backup file.
    pub fn load(path: &Path) -> (Settings, Option<String>) {
        Self::load_at(path, Utc::now())
    }

    /// Loads settings from `path`, never failing.
    ///
    /// - Missing file: defaults, no message.
    /// - Unreadable file: defaults and a message; the file is left alone.
    /// - Corrupt file, or one from a newer or too old version: renamed to
    ///   `<name>.bak-<now as YYYYMMDDTHHMMSSZ>` beside it, defaults used, and the message says so.
    /// - Usable file with out-of-range values (an observer at latitude 200°): those values
    ///   are repaired and the message lists what changed.
    pub fn load_at(path: &Path, now: DateTime<Utc>) -> (Settings, Option<String>) {
        let bytes = match crate::files::read_bounded(path, crate::files::SMALL_FILE_MAX_BYTES) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Settings::default(), None);
            }
            Err(e) => {
                return (
                    Settings::default(),
                    Some(crate::t!(
                        "app-settings-unreadable",
                        path = path.display().to_string(),
                        error = e.to_string()
                    )),
                );
            }
        };
        match parse(&bytes) {
            Ok(mut settings) => {
                let repairs = settings.repair();
                let message = (!repairs.is_empty())
                    .then(|| crate::t!("app-settings-repaired", repairs = repairs.join("; ")));
                (settings, message)
            }
            Err(why) => {
                let kept = match back_up(path, now) {
                    Ok(backup) => {
                        crate::t!("app-settings-kept-as", path = backup.display().to_string())
                    }
                    Err(e) => crate::t!("app-settings-not-kept", error = e.to_string()),
                };
                (
                    Settings::default(),
                    Some(crate::t!(
                        "app-settings-replaced",
                        path = path.display().to_string(),
                        why = why,
                        kept = kept
                    )),
                )
            }
        }
    }

    /// Saves to `path` atomically (temporary file in the same directory, then rename),
    /// creating the directory if needed, readable by its owner only (mode 0600: it may hold
    /// a mirror's or a source's password, and where the user lives).
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        let mut to_write = self.clone();
        to_write.version = SETTINGS_VERSION;
        let json = serde_json::to_vec_pretty(&to_write).map_err(|e| SettingsError::Save {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        catalog::write_atomic_private(path, &json).map_err(|e| SettingsError::Save {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }

    /// The current observer (the first one if the index is out of range, Seoul if there is none).
    pub fn observer(&self) -> ObserverSite {
        self.observers
            .get(self.current_observer)
            .or_else(|| self.observers.first())
            .cloned()
            .unwrap_or_default()
    }

    /// The sources to refresh and load: the enabled built-in groups, then the enabled custom sources.
    pub fn enabled_sources(&self) -> Vec<Source> {
        let groups = self
            .sources
            .enabled_groups
            .iter()
            .filter_map(|id| catalog::builtin_group(id));
        let mut sources: Vec<Source> = groups.flat_map(|g| g.sources()).collect();
        sources.extend(
            self.sources
                .custom
                .iter()
                .filter(|c| c.enabled && !c.location.trim().is_empty())
                .map(|c| Source::from_user_input(&c.location)),
        );
        sources
    }

    /// The CelesTrak base URL to use (environment, then this setting, then celestrak.org).
    pub fn effective_celestrak_base_url(&self) -> String {
        catalog::celestrak_base_url(self.celestrak_base_url.as_deref())
    }

    /// Fixes values a hand-edited or damaged file may hold; returns what was changed.
    fn repair(&mut self) -> Vec<String> {
        let mut repairs = Vec::new();
        let before = self.observers.len();
        self.observers.retain(ObserverSite::is_valid);
        if self.observers.len() != before {
            repairs.push(crate::t!(
                "app-settings-repair-observers",
                count = before - self.observers.len()
            ));
        }
        if self.observers.is_empty() {
            self.observers.push(ObserverSite::default());
            repairs.push(crate::t!("app-settings-repair-no-observer"));
        }
        repairs.extend(self.repair_observer_words());
        if self.current_observer >= self.observers.len() {
            self.current_observer = 0;
            repairs.push(crate::t!("app-settings-repair-current-observer"));
        }
        let search = &self.pass_search;
        let elevations_deg = [
            search.horizon_deg,
            search.min_elevation_deg,
            search.visible_min_elevation_deg,
            search.max_sun_elevation_deg,
        ];
        if elevations_deg
            .iter()
            .any(|e| !(ELEVATION_MIN_DEG..=ELEVATION_MAX_DEG).contains(e))
        {
            self.pass_search = PassSearch {
                refraction: self.pass_search.refraction,
                ..PassSearch::default()
            };
            repairs.push(crate::t!(
                "app-settings-repair-elevations",
                min = ELEVATION_MIN_DEG.to_string(),
                max = ELEVATION_MAX_DEG.to_string()
            ));
        }
        let unknown: Vec<String> = self
            .sources
            .enabled_groups
            .iter()
            .filter(|id| catalog::builtin_group(id).is_none())
            .cloned()
            .collect();
        if !unknown.is_empty() {
            self.sources
                .enabled_groups
                .retain(|id| catalog::builtin_group(id).is_some());
            repairs.push(crate::t!(
                "app-settings-repair-groups",
                groups = unknown.join(", ")
            ));
        }
        if !(self.limiting_magnitude.is_finite()
            && (-5.0..=15.0).contains(&self.limiting_magnitude))
        {
            self.limiting_magnitude = crate::report::DEFAULT_LIMITING_MAGNITUDE;
            repairs.push(crate::t!("app-settings-repair-limiting-magnitude"));
        }
        self.version = SETTINGS_VERSION;
        repairs
    }
}

impl Settings {
    /// Cleans observer names as satellite names are (one printable line, cut with "…";
    /// issue 25: a 100 kB name filled the window, escape characters were drawn raw) and
    /// drops time zones the zone database does not know, saying which (not silently
    /// replaced by the computer's). Returns what was changed.
    fn repair_observer_words(&mut self) -> Vec<String> {
        let mut repairs = Vec::new();
        let mut renamed = 0_usize;
        for site in &mut self.observers {
            let cleaned = crate::text::clean(&site.name, crate::text::NAME_CHARS);
            if cleaned != site.name {
                site.name = cleaned;
                renamed += 1;
            }
            let unknown = site
                .time_zone
                .as_deref()
                .filter(|zone| zone.parse::<chrono_tz::Tz>().is_err())
                .map(|zone| crate::text::clean(zone, 40));
            if let Some(zone) = unknown {
                site.time_zone = None;
                repairs.push(crate::t!(
                    "app-settings-repair-time-zone",
                    zone = zone,
                    place = site.name.clone()
                ));
            }
        }
        if renamed > 0 {
            repairs.push(crate::t!("app-settings-repair-names", count = renamed));
        }
        repairs
    }
}

/// Reads and version-checks settings JSON; the error completes "The settings file X …".
/// A UTF-8 byte-order mark (Notepad writes one) is skipped.
fn parse(bytes: &[u8]) -> Result<Settings, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| crate::t!("app-settings-not-json", error = e.to_string()))?;
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| crate::t!("app-settings-no-version"))?;
    if version > u64::from(SETTINGS_VERSION) {
        return Err(crate::t!(
            "app-settings-newer",
            version = version.to_string(),
            max = SETTINGS_VERSION.to_string()
        ));
    }
    if version < u64::from(MIN_SETTINGS_VERSION) {
        return Err(crate::t!(
            "app-settings-too-old",
            version = version.to_string()
        ));
    }
    serde_json::from_value(value)
        .map_err(|e| crate::t!("app-settings-bad-value", error = e.to_string()))
}

/// Renames `path` to `<path>.bak-<timestamp>` (with `-2`, `-3`… if taken).
fn back_up(path: &Path, now: DateTime<Utc>) -> std::io::Result<PathBuf> {
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let base = format!("{}.bak-{stamp}", path.display());
    let mut backup = PathBuf::from(&base);
    let mut n = 2;
    while backup.exists() {
        backup = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &backup)?;
    Ok(backup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_start_proposes_the_place_of_the_time_zone_and_the_language_s_satellites() {
        use crate::i18n::Lang;
        let london = Settings::for_first_start(Some("Europe/London"), Lang::En);
        let place = london.observer();
        assert_eq!(place.name, "London");
        assert_eq!(place.time_zone.as_deref(), Some("Europe/London"));
        assert!((place.latitude_deg - 51.51).abs() < 0.05, "{place:?}");
        assert_eq!(london.satellites, vec![25544, 48274, 20580]);
        assert!(!london.first_run_done);
        let seoul = Settings::for_first_start(Some("Asia/Seoul"), Lang::Ko);
        assert_eq!(seoul.observer().name, "Seoul");
        assert!(seoul.satellites.starts_with(&[58400, 58463]));
        assert!(seoul.satellites.ends_with(&[25544, 48274, 20580]));
        // An old name of a zone is that zone; a zone of no place keeps Seoul.
        let calcutta = Settings::for_first_start(Some("Asia/Calcutta"), Lang::En);
        assert_eq!(
            calcutta.observer().time_zone.as_deref(),
            Some("Asia/Kolkata")
        );
        let utc = Settings::for_first_start(Some("Etc/UTC"), Lang::En);
        assert_eq!(utc.observer(), ObserverSite::default());
    }

    #[test]
    fn settings_without_a_language_follow_the_system_and_a_chosen_one_round_trips() {
        let old = br#"{"version": 1, "theme": "Light"}"#;
        let settings = parse(old).unwrap();
        assert_eq!(settings.language, None);
        let korean = Settings {
            language: Some(crate::i18n::Lang::Ko),
            ..Settings::default()
        };
        let json = serde_json::to_string(&korean).unwrap();
        assert!(json.contains(r#""language":"ko""#), "{json}");
        assert_eq!(parse(json.as_bytes()).unwrap(), korean);
    }
}
