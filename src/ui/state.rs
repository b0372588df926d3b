//! The one application state: what the user chose (saved) and the panels (their own state).
//!
//! `#[serde(default)]` lets an older or partial save load: missing fields take their
//! defaults. Runtime-only things (caches, jobs, the catalog) live in the app, not here.
//! The words panels and the app share ([`Action`](super::view::Action), places, pass
//! keys) live in [`super::view`].

use serde::{Deserialize, Serialize};

use super::clock_bar::ClockBar;
use super::live_panel::LivePanel;
use super::location_panel::LocationPanel;
use super::map_view::MapView;
use super::passes_panel::PassesPanel;
use super::picker::Picker;
use super::sky_chart::SkyChart;
use super::transits::TransitsView;
use super::view::{PassKey, SearchWindow, Which};
use crate::settings::Settings;

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
    /// The Transits view (shown instead of the map when open).
    pub transits: TransitsView,
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
            transits: TransitsView::default(),
        }
    }
}
