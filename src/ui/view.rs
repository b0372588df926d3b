//! The UI's shared vocabulary: what panels read ([`ViewCtx`]) and what they ask for
//! ([`Action`]), and the small types both speak of (places, passes, the search window).
//!
//! Panels and [`super::state`] (which owns the panels) both import this file, and it
//! imports no panel, so the dependency runs one way: view ← panels ← state ← app.

use eframe::egui;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::catalog_data::CatalogData;
use super::clock::ClockCommand;
use super::jobs::PassResults;
use super::repaint::Wakes;
use super::theme::{Palette, ThemeChoice};
use super::timefmt::{TimeDisplay, TimeFormatter};
use crate::orbit::{Observer, ObserverFrame, PassSearch};
use crate::report::PassRecord;

/// The search boxes (satellites, towns) take at most this many characters: more names
/// nothing, and a pasted megabyte would be laid out and searched every frame.
pub const MAX_QUERY_CHARS: usize = 200;

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

/// The place's name in `lang`. A place named after a bundled city (its GeoNames or Korean
/// name, as the default "Seoul", or the list label it was chosen with, "서울, 대한민국")
/// and lying within [`CITY_NAME_KM`] of it shows that city's name in `lang`
/// ([`crate::atlas::City::name_in`]); any other name shows as saved.
///
/// The city list is only read when the name could change: in English, an ASCII name is
/// shown as it is (so an English start does not wait for the list).
pub fn place_name_in(place: &Place, lang: crate::i18n::Lang) -> String {
    use std::cell::RefCell;
    type Key = (String, u64, u64, crate::i18n::Lang);
    thread_local! {
        static LAST: RefCell<Option<(Key, String)>> = const { RefCell::new(None) };
    }
    if lang == crate::i18n::Lang::En && place.name.is_ascii() {
        return place.name.clone();
    }
    let key: Key = (
        place.name.clone(),
        place.latitude_deg.to_bits(),
        place.longitude_deg.to_bits(),
        lang,
    );
    if let Some(name) = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, name)| name.clone())
    }) {
        return name;
    }
    let name = city_name_in(place, lang).unwrap_or_else(|| place.name.clone());
    LAST.set(Some((key, name.clone())));
    name
}

/// A saved place this close to a bundled city of its name is that city, km.
pub const CITY_NAME_KM: f64 = 5.0;

/// [`place_name_in`]'s look-up in the city list.
fn city_name_in(place: &Place, lang: crate::i18n::Lang) -> Option<String> {
    let near = |c: &&crate::atlas::City| {
        (c.latitude_deg - place.latitude_deg).abs() < 0.1
            && ground_distance_km(
                place,
                &Place {
                    latitude_deg: c.latitude_deg,
                    longitude_deg: c.longitude_deg,
                    ..place.clone()
                },
            ) < CITY_NAME_KM
    };
    crate::atlas::cities().iter().filter(near).find_map(|c| {
        if place.name == c.name || (!c.name_ko.is_empty() && place.name == c.name_ko) {
            Some(c.name_in(lang).to_owned())
        } else if c.is_labelled(&place.name) {
            Some(c.label_in(lang))
        } else {
            None
        }
    })
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
    /// Every satellite a naked eye can see somewhere on its orbit under the chosen sky
    /// (see [`crate::catalog::bright_to_the_eye`]).
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

/// What a panel asks the app to do. Panels never act themselves; the app drains these
/// once per frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Move the observer (and mark the location as confirmed).
    SetPlace(Place),
    /// Show this satellite in the live panel and sky chart (and on the map's caption).
    Select(u64),
    /// Follow this satellite: select it, and keep it in the middle of the map.
    Follow(u64),
    /// Add a satellite to the chosen ones, or take it out.
    Choose {
        /// Catalog number.
        norad_id: u64,
        /// True: add it; false: take it out.
        chosen: bool,
    },
    /// Add these satellites to the chosen ones (a ready list or group, whole).
    ChooseAll(Vec<u64>),
    /// Star or unstar a satellite.
    Favourite {
        /// Catalog number.
        norad_id: u64,
        /// True: star it; false: unstar it.
        starred: bool,
    },
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
    /// Speak this language (`None`: the system's), now and at the next start.
    SetLanguage(Option<crate::i18n::Lang>),
    /// Find which satellite was seen (the sky chart's Identify mode).
    Identify(super::identify_job::IdentifyRequest),
    /// Write the listed transits as an iCalendar file.
    ExportTransitsIcs,
    /// Write the listed transits as CSV.
    ExportTransitsCsv,
    /// Dismiss the alert for this transit (its key, "transit-25544-sun-1787364000").
    DismissTransitAlert(String),
    /// Show pass times to the second everywhere (true), or only where a pass is short.
    SetShowSeconds(bool),
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
    /// The faintest magnitude the observer's sky shows: a visible pass fainter than this
    /// cannot be seen by eye.
    pub limiting_magnitude: f64,
    /// Where a view whose picture changes by itself (an animation, a countdown while the
    /// clock is paused) asks for its next frame; see [`super::repaint`] for the policy.
    pub wakes: &'a Wakes,
    /// The Identify mode's latest results.
    pub identification: Option<&'a super::identify_job::IdentifyResults>,
    /// True while an Identify search runs.
    pub identifying: bool,
}

/// The record of the pass `key` in the latest results, if it is there.
pub fn find_record<'a>(view: &ViewCtx<'a>, key: PassKey) -> Option<&'a PassRecord> {
    view.passes?
        .records
        .iter()
        .find(|r| key.matches(r.pass.norad_id, r.pass.rise.time))
}

/// Puts an image laid by the CPU pixel for pixel (the map's and the sky chart's backdrops)
/// into its texture `slot`: the texture is made on the first call and replaced after, and
/// sampled unfiltered (the image is drawn on whole pixels).
pub fn upload_pixels(
    slot: &mut Option<egui::TextureHandle>,
    ctx: &egui::Context,
    name: &str,
    image: egui::ColorImage,
) {
    match slot {
        Some(texture) => texture.set(image, egui::TextureOptions::NEAREST),
        None => *slot = Some(ctx.load_texture(name, image, egui::TextureOptions::NEAREST)),
    }
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
    fn a_bundled_city_shows_its_name_in_the_language() {
        use crate::i18n::Lang;
        // The default place is "Seoul".
        let seoul = Place::default();
        assert_eq!(place_name_in(&seoul, Lang::Ko), "서울");
        assert_eq!(place_name_in(&seoul, Lang::En), seoul.name);
        // A city chosen from the list in one language reads in the other, and one saved
        // before the country had its Korean name reads in both.
        for saved in ["부산, 대한민국", "Busan, South Korea", "부산, South Korea"] {
            let busan = place(saved, 35.1017, 129.03);
            assert_eq!(place_name_in(&busan, Lang::En), "Busan, South Korea");
            assert_eq!(place_name_in(&busan, Lang::Ko), "부산, 대한민국");
        }
        // A name that is no city's, or a city's name far from it, stays as saved.
        let school = place("Our school", 37.5665, 126.978);
        assert_eq!(place_name_in(&school, Lang::Ko), "Our school");
        let elsewhere = place("Seoul", 48.85, 2.35);
        assert_eq!(place_name_in(&elsewhere, Lang::Ko), "Seoul");
    }

    #[test]
    fn ground_distance_of_a_degree_of_latitude_is_111_km() {
        let d = ground_distance_km(&place("a", 10.0, 20.0), &place("b", 11.0, 20.0));
        assert!((d - 111.19).abs() < 0.01, "{d}");
    }
}
