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
    format!(
        "{:.4}° {}, {:.4}° {}, {:.0} m",
        place.latitude_deg.abs(),
        if place.latitude_deg >= 0.0 { "N" } else { "S" },
        place.longitude_deg.abs(),
        if place.longitude_deg >= 0.0 { "E" } else { "W" },
        place.altitude_m
    )
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
    /// Length of the pass search window, hours.
    pub window_hours: u32,
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
            window_hours: 48,
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
    SetSearch(PassSearch, u32),
    /// Write the pass table as CSV.
    ExportCsv,
    /// Write the pass table as an iCalendar file.
    ExportIcs,
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
}
