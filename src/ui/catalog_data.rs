//! The satellites the window works with: every element set, built into propagators once,
//! with standard magnitudes, groups and a name index for the picker.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::catalog::{self, CatalogOrigin, NameIndex};
use crate::orbit::{ElementSet, MagnitudeEstimate, Satellite, StdMagnitudes};

/// The faintest limiting magnitude the window offers (binoculars and more): "bright" is
/// worked out once up to this, and each sky's limit takes its part
/// ([`CatalogData::bright_ids`]).
const FAINTEST_LIMIT: f64 = 12.0;

/// Name of the group of satellites a naked eye can see somewhere on their orbits (see
/// [`catalog::bright_to_the_eye`]), as saved settings know it; its members depend on the
/// sky's limiting magnitude.
pub const BRIGHT_GROUP: &str = "Bright to the eye";
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
        if let Some(list) = catalog::SATELLITE_LISTS
            .iter()
            .find(|l| l.name == self.name)
        {
            return list.label();
        }
        match self.name.as_str() {
            BRIGHT_GROUP => crate::t!("panels-group-bright"),
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
    /// Standard magnitudes measured for the object (McCants' `qs.mag`, at 90° phase).
    pub std_magnitudes: StdMagnitudes,
    /// Each satellite's best standard magnitude with its sigma and source (measured,
    /// family or size; `catalog::magnitude_estimate`), by catalog number.
    estimates: HashMap<u64, MagnitudeEstimate>,
    /// Where the elements came from, for the status bar ("bundled snapshot", a URL…), as
    /// given to [`CatalogData::from_sets`]; shown through [`CatalogData::source_note`].
    pub source_note: String,
    /// What `source_note` says, to word it again in the language of the moment.
    source_words: Option<SourceWords>,
    /// Newest element epoch in the catalog.
    pub newest_epoch: Option<DateTime<Utc>>,
    /// Named groups for the picker.
    pub groups: Vec<SatGroup>,
    /// The names, for the picker's search ([`NameIndex::search`]), parallel to `sats`.
    names: NameIndex,
    /// The satellites a naked eye can see somewhere on their orbits, brightest first, with
    /// that brightest magnitude (up to [`FAINTEST_LIMIT`]).
    bright: Vec<(u64, f64)>,
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
        let names = NameIndex::new(sats.iter().map(|s| (s.set.norad_id, s.set.name.as_str())));
        let estimates: HashMap<u64, MagnitudeEstimate> = sats
            .iter()
            .filter_map(|s| Some((s.set.norad_id, catalog::magnitude_estimate(&s.set)?)))
            .collect();
        let newest_epoch = sats.iter().map(|s| s.set.epoch).max();
        let bright = catalog::bright_to_the_eye(
            sats.iter()
                .filter_map(|s| Some((&s.set, estimates.get(&s.set.norad_id)?.value))),
            FAINTEST_LIMIT,
        );
        if !groups.iter().any(|g| g.name == BRIGHT_GROUP) {
            groups.insert(
                0,
                SatGroup {
                    name: BRIGHT_GROUP.to_owned(),
                    norad_ids: bright
                        .iter()
                        .filter(|b| b.1 <= crate::report::DEFAULT_LIMITING_MAGNITUDE)
                        .map(|b| b.0)
                        .collect(),
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
        // The ready lists, which anyone can pick (a Korean user starts with one).
        for list in catalog::SATELLITE_LISTS {
            if !groups.iter().any(|g| g.name == list.name) {
                groups.push(SatGroup {
                    name: list.name.to_owned(),
                    norad_ids: list.norad_ids(),
                });
            }
        }
        Self {
            sats,
            index,
            std_magnitudes,
            estimates,
            source_note,
            source_words: None,
            newest_epoch,
            groups,
            names,
            bright,
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

    /// Standard magnitude of a satellite (V at 1000 km, 90° phase), if known: the value of
    /// its best estimate ([`CatalogData::magnitude_estimate`]), what the searches scale.
    pub fn std_magnitude(&self, norad_id: u64) -> Option<f64> {
        self.estimates.get(&norad_id).map(|e| e.value)
    }

    /// A satellite's standard magnitude with its sigma and source, if any tier knows it.
    pub fn magnitude_estimate(&self, norad_id: u64) -> Option<&MagnitudeEstimate> {
        self.estimates.get(&norad_id)
    }

    /// Satellites matching `query`, best first ([`NameIndex::search`]: exact names,
    /// numbers and aliases such as "Hubble", then name prefixes, word starts, and names
    /// holding it).
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Satellite> {
        self.names
            .search(query, limit)
            .iter()
            .filter_map(|m| self.sats.get(m.position))
            .collect()
    }

    /// Where the elements came from, in the language of the moment ("bundled snapshot",
    /// "downloaded elements (3 sources)"; a note given by the caller as it was given).
    pub fn source_note(&self) -> String {
        self.source_words
            .as_ref()
            .map_or_else(|| self.source_note.clone(), SourceWords::words)
    }

    /// The satellites a naked eye can see somewhere on their orbits under a sky showing
    /// stars to `limiting_magnitude`, brightest first (see [`catalog::bright_to_the_eye`]).
    pub fn bright_ids(&self, limiting_magnitude: f64) -> Vec<u64> {
        self.bright
            .iter()
            .take_while(|b| b.1 <= limiting_magnitude)
            .map(|b| b.0)
            .collect()
    }

    /// The members of `group`: for the bright group, those bright enough for
    /// `limiting_magnitude` (it depends on the sky); for the others, as listed.
    pub fn group_ids(&self, group: &SatGroup, limiting_magnitude: f64) -> Vec<u64> {
        if group.name == BRIGHT_GROUP {
            self.bright_ids(limiting_magnitude)
        } else {
            group.norad_ids.clone()
        }
    }
}

/// Identification and Sky now read the estimates kept with the catalog
/// ([`CatalogData::magnitude_estimate`]: value and sigma).
impl crate::orbit::MagnitudeLookup for CatalogData {
    fn standard_magnitude(&self, set: &ElementSet) -> Option<crate::orbit::StandardMagnitude> {
        self.magnitude_estimate(set.norad_id)
            .map(crate::orbit::StandardMagnitude::from)
    }
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
        let words = SourceWords::File(source);
        let mut data = CatalogData::from_sets(
            parsed.sets,
            catalog::bundled_std_magnitudes(),
            words.words(),
            news_group(),
        );
        data.source_words = Some(words);
        data.data_epoch = median_epoch(&data);
        return Ok(data);
    }
    let loaded = catalog::load_default_catalog(now);
    let words = SourceWords::Catalog(loaded.origin, loaded.sources.len());
    let source_note = words.words();
    let data_epoch = loaded.data_epoch;
    let warnings = loaded.warnings.clone();
    let mut data = CatalogData::from_sets(
        loaded.sets,
        catalog::bundled_std_magnitudes(),
        source_note,
        news_group(),
    );
    data.source_words = Some(words);
    data.data_epoch = data_epoch;
    data.warnings = warnings;
    data.origin = Some(loaded.origin);
    Ok(data)
}

/// Where a catalog came from, worded when shown (so that switching the language words it
/// again).
#[derive(Debug, Clone)]
enum SourceWords {
    /// A file given with `OVERHEAD_ELEMENTS`.
    File(String),
    /// The cache (with how many sources) or the bundled snapshot.
    Catalog(CatalogOrigin, usize),
}

impl SourceWords {
    fn words(&self) -> String {
        match self {
            Self::File(source) => crate::t!("panels-source-file", source = source.as_str()),
            Self::Catalog(CatalogOrigin::Cache, sources) => {
                crate::t!("panels-source-downloaded", count = *sources)
            }
            Self::Catalog(CatalogOrigin::Bundled, _) => crate::t!("panels-source-bundled"),
            Self::Catalog(CatalogOrigin::Empty, _) => crate::t!("panels-source-empty"),
        }
    }
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
