//! The satellites the window works with: every element set, built into propagators once,
//! with standard magnitudes, groups and a name index for the picker.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::catalog::{self, CatalogOrigin};
use crate::orbit::{ElementSet, Satellite, StdMagnitudes};

/// Satellites whose standard magnitude is at most this count as "bright" (McCants'
/// standard magnitude, at 1000 km and half lit). At 4.5, 58 satellites of the bundled
/// active catalog qualify: those that reach magnitude 3 or so on a good pass, easy to see
/// from a town.
pub const BRIGHT_STD_MAGNITUDE: f64 = 4.5;

/// Start of the name of the group of bright satellites (see [`BRIGHT_STD_MAGNITUDE`]
/// and [`brightest_group_name`]); the picker shows it in the user's language.
const BRIGHTEST_GROUP: &str = "Brightest";

/// The name of the group of bright satellites, as saved settings know it.
fn brightest_group_name() -> String {
    format!("{BRIGHTEST_GROUP} (std. mag ≤ {BRIGHT_STD_MAGNITUDE})")
}
/// Name of the group of crewed space stations.
const STATIONS_GROUP: &str = "Space stations";
/// Name of the group of satellites in the news.
const NEWS_GROUP: &str = "In the news";

/// A named list of satellites for the picker.
#[derive(Debug, Clone, PartialEq)]
pub struct SatGroup {
    /// Its name, which also identifies it in the saved settings (English for the groups
    /// the window makes itself; see [`SatGroup::label`]).
    pub name: String,
    /// Catalog numbers in the group.
    pub norad_ids: Vec<u64>,
}

impl SatGroup {
    /// The name shown in the picker: the window's own groups in the user's language,
    /// others as they are named.
    pub fn label(&self) -> String {
        if self.name == brightest_group_name() {
            return crate::t!(
                "panels-group-brightest",
                mag = format!("{BRIGHT_STD_MAGNITUDE}")
            );
        }
        match self.name.as_str() {
            STATIONS_GROUP => crate::t!("panels-group-stations"),
            NEWS_GROUP => crate::t!("panels-group-news"),
            _ => self.name.clone(),
        }
    }
}

/// Every satellite the window knows, ready to propagate.
#[derive(Debug, Default)]
pub struct CatalogData {
    /// Propagators, in catalog-number order.
    pub sats: Vec<Satellite>,
    index: HashMap<u64, usize>,
    /// Standard magnitudes for brightness estimates.
    pub std_magnitudes: StdMagnitudes,
    /// Where the elements came from, for the status bar ("bundled snapshot", a URL…).
    pub source_note: String,
    /// Newest element epoch in the catalog.
    pub newest_epoch: Option<DateTime<Utc>>,
    /// Named groups for the picker.
    pub groups: Vec<SatGroup>,
    /// Lower-case names, parallel to `sats`.
    search_keys: Vec<String>,
    /// The data's date (median element epoch), for "elements from …" messages.
    pub data_epoch: Option<DateTime<Utc>>,
    /// Cache or bundled snapshot (None for a file given on purpose).
    pub origin: Option<CatalogOrigin>,
    /// Problems loading the catalog worth telling the user about.
    pub warnings: Vec<String>,
}

impl CatalogData {
    /// Builds the propagators (in parallel) and the indexes.
    pub fn from_sets(
        sets: Vec<ElementSet>,
        std_magnitudes: StdMagnitudes,
        source_note: String,
        mut groups: Vec<SatGroup>,
    ) -> Self {
        let mut sats: Vec<Satellite> = sets.into_par_iter().map(Satellite::new).collect();
        sats.sort_by_key(|s| s.set.norad_id);
        sats.dedup_by_key(|s| s.set.norad_id);
        let index = sats
            .iter()
            .enumerate()
            .map(|(i, s)| (s.set.norad_id, i))
            .collect();
        let search_keys = sats.iter().map(|s| s.set.name.to_lowercase()).collect();
        let newest_epoch = sats.iter().map(|s| s.set.epoch).max();
        let mut bright: Vec<(f64, u64)> = sats
            .iter()
            .filter_map(|s| {
                std_magnitudes
                    .get(s.set.norad_id)
                    .filter(|m| *m <= BRIGHT_STD_MAGNITUDE)
                    .map(|m| (m, s.set.norad_id))
            })
            .collect();
        bright.sort_by(|a, b| a.0.total_cmp(&b.0));
        if !groups.iter().any(|g| g.name.starts_with(BRIGHTEST_GROUP)) {
            groups.insert(
                0,
                SatGroup {
                    name: brightest_group_name(),
                    norad_ids: bright.iter().map(|b| b.1).collect(),
                },
            );
        }
        if !groups.iter().any(|g| g.name == STATIONS_GROUP) {
            let stations: Vec<u64> = sats
                .iter()
                .filter(|s| {
                    let n = s.set.name.to_uppercase();
                    n.starts_with("ISS (") || n.starts_with("CSS (") || n == "TIANGONG"
                })
                .map(|s| s.set.norad_id)
                .collect();
            groups.insert(
                1,
                SatGroup {
                    name: STATIONS_GROUP.to_owned(),
                    norad_ids: stations,
                },
            );
        }
        Self {
            sats,
            index,
            std_magnitudes,
            source_note,
            newest_epoch,
            groups,
            search_keys,
            data_epoch: None,
            origin: None,
            warnings: Vec::new(),
        }
    }

    /// The propagator of a satellite.
    pub fn get(&self, norad_id: u64) -> Option<&Satellite> {
        self.index.get(&norad_id).and_then(|&i| self.sats.get(i))
    }

    /// The name of a satellite, or "NORAD n" when it is not in the catalog.
    pub fn name(&self, norad_id: u64) -> String {
        self.get(norad_id)
            .map_or_else(|| format!("NORAD {norad_id}"), |s| s.set.name.clone())
    }

    /// Standard magnitude of a satellite, if known.
    pub fn std_magnitude(&self, norad_id: u64) -> Option<f64> {
        self.std_magnitudes.get(norad_id)
    }

    /// Satellites whose name contains `query` (any case) or whose number starts with it.
    /// Exact numbers and name prefixes come first. One pass over the names without
    /// allocating (benches/ui.rs: the 16,400 names of the bundled catalog in well under
    /// the 2 ms budget of issue 21).
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Satellite> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let number = NumberPrefix::of(&q);
        let mut first = Vec::new();
        let mut rest = Vec::new();
        for (sat, key) in self.sats.iter().zip(&self.search_keys) {
            let id = sat.set.norad_id;
            if number.is_some_and(|n| n.is(id)) || key.starts_with(&q) {
                first.push(sat);
            } else if key.contains(&q) || number.is_some_and(|n| n.starts(id)) {
                rest.push(sat);
            }
        }
        first.extend(rest);
        first.truncate(limit);
        first
    }

    /// The "bright" satellites (standard magnitude ≤ [`BRIGHT_STD_MAGNITUDE`]).
    pub fn bright_ids(&self) -> Vec<u64> {
        self.groups
            .iter()
            .find(|g| g.name.starts_with(BRIGHTEST_GROUP))
            .map(|g| g.norad_ids.clone())
            .unwrap_or_default()
    }
}

/// A query made of digits, as a catalog number or the start of one (compared as numbers,
/// so that a search does not write 16,400 numbers out as text).
#[derive(Debug, Clone, Copy)]
struct NumberPrefix {
    value: u64,
    digits: u32,
}

impl NumberPrefix {
    /// The query as a number, if it is only digits (and not too long for one).
    fn of(query: &str) -> Option<Self> {
        if query.is_empty() || !query.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Self {
            value: query.parse().ok()?,
            digits: u32::try_from(query.len()).ok()?,
        })
    }

    /// True when `id` written out is the query.
    fn is(self, id: u64) -> bool {
        id == self.value && decimal_digits(id) == self.digits
    }

    /// True when `id` written out starts with the query.
    fn starts(self, id: u64) -> bool {
        let digits = decimal_digits(id);
        digits >= self.digits
            && 10u64
                .checked_pow(digits - self.digits)
                .is_some_and(|scale| id / scale == self.value)
    }
}

/// How many digits `n` has written in decimal (1 for 0).
fn decimal_digits(n: u64) -> u32 {
    n.checked_ilog10().map_or(1, |l| l + 1)
}

/// Reads the element sets the window starts with: every cached source and the bundled
/// snapshot, merged (newest epoch wins); standard magnitudes are bundled.
///
/// `OVERHEAD_ELEMENTS` names a file (any format `parse_elements` reads) to use instead,
/// for demonstrations with a prepared set and for tests.
pub fn load_default(now: DateTime<Utc>) -> anyhow::Result<CatalogData> {
    use anyhow::Context as _;
    if let Some(path) = std::env::var_os("OVERHEAD_ELEMENTS") {
        let path = std::path::PathBuf::from(path);
        let text = catalog::read_element_file(&path, catalog::max_element_bytes())
            .with_context(|| format!("reading {}", path.display()))?;
        let source = path.display().to_string();
        let parsed = crate::orbit::parse_elements(&text, &source)?;
        let mut data = CatalogData::from_sets(
            parsed.sets,
            catalog::bundled_std_magnitudes(),
            crate::t!("panels-source-file", source = source.as_str()),
            news_group(),
        );
        data.data_epoch = median_epoch(&data);
        return Ok(data);
    }
    let loaded = catalog::load_default_catalog(now);
    let source_note = match loaded.origin {
        CatalogOrigin::Cache => crate::t!("panels-source-downloaded", count = loaded.sources.len()),
        CatalogOrigin::Bundled => crate::t!("panels-source-bundled"),
        CatalogOrigin::Empty => crate::t!("panels-source-empty"),
    };
    let data_epoch = loaded.data_epoch;
    let warnings = loaded.warnings.clone();
    let mut data = CatalogData::from_sets(
        loaded.sets,
        catalog::bundled_std_magnitudes(),
        source_note,
        news_group(),
    );
    data.data_epoch = data_epoch;
    data.warnings = warnings;
    data.origin = Some(loaded.origin);
    Ok(data)
}

/// The "in the news" satellites as a picker group.
fn news_group() -> Vec<SatGroup> {
    vec![SatGroup {
        name: NEWS_GROUP.to_owned(),
        norad_ids: catalog::NEWS_SATELLITES
            .iter()
            .map(|s| s.norad_id)
            .collect(),
    }]
}

fn median_epoch(data: &CatalogData) -> Option<DateTime<Utc>> {
    let mut epochs: Vec<DateTime<Utc>> = data.sats.iter().map(|s| s.set.epoch).collect();
    epochs.sort();
    epochs.get(epochs.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled catalog (16,400 satellites), built once for these tests.
    fn bundled() -> &'static CatalogData {
        static DATA: std::sync::OnceLock<CatalogData> = std::sync::OnceLock::new();
        DATA.get_or_init(|| {
            let sets = catalog::bundled_snapshot()
                .expect("bundled snapshot")
                .sets
                .clone();
            CatalogData::from_sets(sets, StdMagnitudes::default(), String::new(), Vec::new())
        })
    }

    #[test]
    fn numbers_are_matched_as_the_text_they_are_written_as() {
        // The rule of the search before it compared numbers: exact numbers first, then
        // name prefixes, then names containing the query or numbers starting with it.
        let data = bundled();
        let by_text = |q: &str| -> Vec<u64> {
            let (mut first, mut rest) = (Vec::new(), Vec::new());
            for (sat, key) in data.sats.iter().zip(&data.search_keys) {
                let id = sat.set.norad_id.to_string();
                if id == q || key.starts_with(q) {
                    first.push(sat.set.norad_id);
                } else if key.contains(q) || id.starts_with(q) {
                    rest.push(sat.set.norad_id);
                }
            }
            first.extend(rest);
            first.truncate(200);
            first
        };
        for q in [
            "25544",
            "2554",
            "5",
            "0",
            "0255",
            "99999999999999999999999",
            "iss",
            "1 ",
        ] {
            let found: Vec<u64> = data.search(q, 200).iter().map(|s| s.set.norad_id).collect();
            assert_eq!(found, by_text(q.trim()), "{q:?}");
        }
        assert_eq!(
            data.search("25544", 5).first().map(|s| s.set.norad_id),
            Some(25544)
        );
    }
}
