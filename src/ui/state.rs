//! The one application state: what the user chose (saved) and the panels (their own state).
//!
//! `#[serde(default)]` lets an older or partial save load: missing fields take their
//! defaults. Runtime-only things (caches, jobs, the catalog) live in the app, not here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::catalog_data::CatalogData;
use super::clock::ClockCommand;
use super::clock_bar::ClockBar;
use super::jobs::PassResults;
use super::live_panel::LivePanel;
use super::location_panel::LocationPanel;
use super::map_view::MapView;
use super::passes_panel::PassesPanel;
use super::picker::Picker;
use super::sky_chart::SkyChart;
use super::theme::{Palette, ThemeChoice};
use super::timefmt::{TimeDisplay, TimeFormatter};
use crate::orbit::{Observer, ObserverFrame, PassSearch};
use crate::settings::Settings;

/// A named observing place (part of the saved settings).
pub use crate::settings::ObserverSite as Place;

/// The engine's observer at a place.
pub fn observer_of(place: &Place) -> Observer {
    Observer::new(place.latitude_deg, place.longitude_deg, place.altitude_m)
}

/// "48.8534° N, 2.3488° E, 35 m".
pub fn coordinates_label(place: &Place) -> String {
    crate::report::coordinates_words(&observer_of(place))
}

/// Two places closer than this are one place, km: over a kilometre a pass's times change
/// by well under a second and its directions by a fraction of a degree.
pub const SAME_PLACE_KM: f64 = 1.0;

/// Distance between two places along the ground (a sphere; heights ignored), km.
pub fn ground_distance_km(a: &Place, b: &Place) -> f64 {
    let (lat_a, lat_b) = (a.latitude_deg.to_radians(), b.latitude_deg.to_radians());
    let dlat = lat_b - lat_a;
    let dlon = (b.longitude_deg - a.longitude_deg).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat_a.cos() * lat_b.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * crate::orbit::constants::EARTH_MEAN_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The saved place that `place` is, if any: the one of the same name, else the first
/// within [`SAME_PLACE_KM`] ("Seoul, South Korea" from the city list is the saved
/// "Seoul"; a map click or typed coordinates on a saved place are that place).
pub fn find_saved_place(saved: &[Place], place: &Place) -> Option<usize> {
    saved.iter().position(|p| p.name == place.name).or_else(|| {
        saved
            .iter()
            .position(|p| ground_distance_km(p, place) < SAME_PLACE_KM)
    })
}

/// Which satellites the pass table lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Which {
    /// The satellites the user chose in the picker.
    #[default]
    Chosen,
    /// Every satellite with a bright standard magnitude.
    AllBright,
}

/// How far ahead the pass table looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchWindow {
    /// From this evening's dusk to tomorrow's dawn (the Sun at the darkness limit), or the
    /// night in progress.
    Tonight,
    /// The next this many hours.
    Hours(u32),
}

impl Default for SearchWindow {
    fn default() -> Self {
        Self::Hours(48)
    }
}

/// Identifies a pass across recomputations: the satellite and its rise time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassKey {
    /// Catalog number.
    pub norad_id: u64,
    /// Rise time, UTC.
    pub rise: DateTime<Utc>,
}

impl PassKey {
    /// True when `record` is this pass (same satellite, rise within a minute).
    pub fn matches(&self, norad_id: u64, rise: DateTime<Utc>) -> bool {
        self.norad_id == norad_id && (self.rise - rise).num_seconds().abs() < 60
    }
}

/// Everything the user chose, plus each panel's own state.
///
/// `settings` (observers, satellites, thresholds, theme, time display) is saved by
/// [`crate::settings`]; the rest (what is followed, the map view, filters) is the
/// window's own and is saved beside it as `ui-state.json`.
#[derive(Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// The saved settings, shared with the command line.
    #[serde(skip)]
    pub settings: Settings,
    /// The satellite the live panel and sky chart follow.
    pub selected: Option<u64>,
    /// The pass shown in the sky chart.
    pub selected_pass: Option<PassKey>,
    /// Chosen satellites, or all bright ones.
    pub which: Which,
    /// How far ahead the pass search looks.
    pub window: SearchWindow,
    /// Minutes before a visible pass to show an alert (0: no alerts).
    pub alert_minutes: u32,
    /// The pass table.
    pub passes_panel: PassesPanel,
    /// The world map.
    pub map: MapView,
    /// The live readout.
    pub live: LivePanel,
    /// The satellite picker.
    pub picker: Picker,
    /// The location prompt.
    pub location: LocationPanel,
    /// The clock bar.
    pub clock_bar: ClockBar,
    /// The sky chart.
    pub sky: SkyChart,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            settings: Settings::default(),
            // The ISS: the one a newcomer most wants to see.
            selected: Some(25544),
            selected_pass: None,
            which: Which::Chosen,
            window: SearchWindow::default(),
            alert_minutes: 5,
            passes_panel: PassesPanel::default(),
            map: MapView::default(),
            live: LivePanel::default(),
            picker: Picker::default(),
            location: LocationPanel::default(),
            clock_bar: ClockBar::default(),
            sky: SkyChart::default(),
        }
    }
}

/// What a panel asks the app to do. Panels never act themselves; the app drains these
/// once per frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Move the observer (and mark the location as confirmed).
    SetPlace(Place),
    /// Follow this satellite in the live panel, map and sky chart.
    Select(u64),
    /// Add to (true) or remove from (false) the chosen satellites.
    Choose(u64, bool),
    /// Star or unstar.
    Favourite(u64, bool),
    /// List chosen satellites or all bright ones.
    SetWhich(Which),
    /// Show this pass in the sky chart (and select its satellite).
    SelectPass(PassKey),
    /// Drive the clock.
    Clock(ClockCommand),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Change which clock times are shown in.
    SetTimeDisplay(TimeDisplay),
    /// Enter or leave presentation mode.
    TogglePresentation,
    /// Search again with new thresholds or window.
    SetSearch {
        /// The thresholds.
        search: PassSearch,
        /// How far ahead.
        window: SearchWindow,
    },
    /// Judge brightness against this limiting magnitude (the faintest stars the sky shows).
    SetLimitingMagnitude(f64),
    /// Write the pass table as CSV.
    ExportCsv,
    /// Write the pass table as an iCalendar file.
    ExportIcs,
    /// Write the one-page printable handout (PDF).
    PrintHandout,
    /// Open this folder in the file manager (where an export went).
    OpenFolder(std::path::PathBuf),
    /// Start choosing the location by clicking the map.
    PickOnMap,
    /// Open the location window.
    OpenLocation,
    /// Dismiss the alert for this pass.
    DismissAlert(PassKey),
    /// Download new elements for the enabled sources, then reload.
    RefreshElements,
    /// Refresh at start when the elements are older than this many hours (0: never).
    SetAutoRefreshHours(u32),
}

/// Read-only facts every panel may need this frame.
pub struct ViewCtx<'a> {
    /// Simulated time: what every view shows.
    pub t: DateTime<Utc>,
    /// Real time, read once this frame.
    pub real_now: DateTime<Utc>,
    /// The satellites, once loaded.
    pub catalog: Option<&'a CatalogData>,
    /// The latest pass search.
    pub passes: Option<&'a PassResults>,
    /// Where the observer is.
    pub place: &'a Place,
    /// The observer's frame for look angles.
    pub frame: &'a ObserverFrame,
    /// Formats times in the chosen zone.
    pub fmt: TimeFormatter,
    /// Colours for painted views.
    pub palette: Palette,
    /// Chosen satellites.
    pub chosen: &'a [u64],
    /// Starred satellites.
    pub favourites: &'a [u64],
    /// The followed satellite.
    pub selected: Option<u64>,
    /// The pass in the sky chart.
    pub selected_pass: Option<PassKey>,
    /// Presentation mode is on.
    pub presentation: bool,
    /// How much larger than normal the painted labels of the sky chart and map are drawn
    /// (1 normally; above 1 in presentation mode, on top of its zoom).
    pub label_scale: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, latitude_deg: f64, longitude_deg: f64) -> Place {
        Place {
            name: name.to_owned(),
            latitude_deg,
            longitude_deg,
            altitude_m: 0.0,
            time_zone: None,
        }
    }

    #[test]
    fn a_place_within_a_kilometre_of_a_saved_one_is_that_place() {
        let saved = vec![place("Paris, France", 48.8534, 2.3488), Place::default()];
        // GeoNames' Seoul is 65 m from the default Seoul (City Hall).
        let city = place("Seoul, South Korea", 37.5660, 126.9784);
        assert_eq!(find_saved_place(&saved, &city), Some(1));
        // 0.01° of latitude is 1.1 km: another place.
        let clicked = place("37.58° N, 126.98° E (near Seoul)", 37.5765, 126.978);
        assert_eq!(find_saved_place(&saved, &clicked), None);
        // The same name is the same place, wherever it now is.
        assert_eq!(
            find_saved_place(&saved, &place("Paris, France", 48.86, 2.35)),
            Some(0)
        );
    }

    #[test]
    fn ground_distance_of_a_degree_of_latitude_is_111_km() {
        let d = ground_distance_km(&place("a", 10.0, 20.0), &place("b", 11.0, 20.0));
        assert!((d - 111.19).abs() < 0.01, "{d}");
    }
}
