//! Loading the catalog the app predicts from.
//!
//! [`load_catalog`] merges every cached source with the bundled snapshot (newest epoch
//! wins per satellite, so an older set never replaces a newer one): downloads update the
//! satellites they carry and the snapshot keeps the rest. With it come the status of each
//! source, the data's date and the number of stale sets; decay is judged on demand
//! ([`LoadedCatalog::is_decayed`]). [`load_default_catalog`] is the one both front ends call.

use std::path::Path;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::bundled::{STALE_AFTER_DAYS, bundled_snapshot, data_age_message, sorted_epochs};
use super::cache::{CacheEntry, CacheMeta, cache_dir_problem, cached_entries, default_cache_dir};
use super::decode::{decode_text_owned, read_file_limited};
use super::error::FetchError;
use super::policy::max_element_bytes;
use super::status::{SourceStatus, element_health, status_from_meta};
use crate::orbit::elements::{MAX_SATELLITES, Merger};
use crate::orbit::{ElementSet, parse_elements};

/// Where the loaded element sets come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogOrigin {
    /// Downloaded (or imported) sources in the cache, over the bundled snapshot.
    Cache,
    /// The snapshot bundled with the app: nothing usable is cached yet.
    Bundled,
    /// Nothing at all (the bundled snapshot failed too; a build defect).
    Empty,
}
/// The element sets to predict from, where they came from and how old they are.
#[derive(Debug, Clone)]
pub struct LoadedCatalog {
    /// One element set per satellite (the newest epoch among all sources).
    pub sets: Vec<ElementSet>,
    /// Cache or bundled snapshot.
    pub origin: CatalogOrigin,
    /// Status of each cached source, sorted by label.
    pub sources: Vec<SourceStatus>,
    /// Median epoch of `sets`: the data's date for messages.
    pub data_epoch: Option<DateTime<Utc>>,
    /// Newest epoch of `sets`.
    pub newest_epoch: Option<DateTime<Utc>>,
    /// How many sets are older than [`STALE_AFTER_DAYS`] at the load time.
    pub stale_count: usize,
    /// The load time (`now` of [`load_catalog`]): staleness and decay are judged then.
    pub loaded_at: DateTime<Utc>,
    /// Problems worth telling the user about (unreadable cache files, a broken snapshot).
    pub warnings: Vec<String>,
}

impl LoadedCatalog {
    /// The element set of one satellite.
    pub fn get(&self, norad_id: u64) -> Option<&ElementSet> {
        self.sets.iter().find(|s| s.norad_id == norad_id)
    }

    /// Age of the data (its median epoch) at `now`, days.
    pub fn data_age_days(&self, now: DateTime<Utc>) -> Option<f64> {
        self.data_epoch
            .map(|epoch| (now - epoch).num_milliseconds() as f64 / crate::orbit::constants::DAY_MS)
    }

    /// The plain sentence about the data's age (see [`data_age_message`]).
    pub fn age_message(&self, now: DateTime<Utc>) -> Option<String> {
        self.data_epoch.map(|epoch| data_age_message(epoch, now))
    }

    /// True when `norad_id` has decayed by the load time (its elements propagated there).
    pub fn is_decayed(&self, norad_id: u64) -> bool {
        self.get(norad_id)
            .is_some_and(|set| element_health(set, self.loaded_at).decayed.is_some())
    }

    /// Catalog numbers of the satellites that have decayed by the load time, in catalog
    /// order. Each set is propagated, so this is asked for when needed, not at every load
    /// (the pass search finds decay by itself).
    pub fn decayed_ids(&self) -> Vec<u64> {
        self.sets
            .par_iter()
            .filter(|set| element_health(set, self.loaded_at).decayed.is_some())
            .map(|set| set.norad_id)
            .collect()
    }
}
/// The catalog both front ends start from (the window, and `overhead passes` without
/// `--elements`): every cached source under [`default_cache_dir`] merged over the bundled
/// snapshot (newest epoch wins). Without a cache directory, the bundled snapshot alone,
/// with a warning saying why.
pub fn load_default_catalog(now: DateTime<Utc>) -> LoadedCatalog {
    match default_cache_dir() {
        Ok(dir) => load_catalog(&dir, now),
        Err(e) => {
            let mut loaded = load_from(None, now);
            loaded
                .warnings
                .push(format!("{e}; using the bundled snapshot only"));
            loaded
        }
    }
}

/// Loads every cached source under `cache_dir` and the bundled snapshot, merged (newest
/// epoch wins per satellite). Never fails: problems become
/// [`SourceStatus::problem`] and [`LoadedCatalog::warnings`].
///
/// `now` sets the staleness flags, the next-allowed times and the time decay is judged at.
pub fn load_catalog(cache_dir: &Path, now: DateTime<Utc>) -> LoadedCatalog {
    load_from(Some(cache_dir), now)
}

/// [`load_catalog`], or the bundled snapshot alone without a cache directory.
fn load_from(cache_dir: Option<&Path>, now: DateTime<Utc>) -> LoadedCatalog {
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    // The bundled snapshot is one more source: downloads replace its sets satellite by
    // satellite (newest epoch wins) and it fills in every satellite they do not carry,
    // so refreshing "stations" never shrinks the catalog to the stations. Sets are merged
    // source by source as they are read, so memory follows the satellites kept (at most
    // MAX_SATELLITES), not the sets read.
    let mut merged = Merger::new(MAX_SATELLITES);
    match bundled_snapshot() {
        Ok(snapshot) => snapshot.sets.into_iter().for_each(|s| merged.add(s)),
        Err(e) => warnings.push(e.to_string()),
    }
    // Said once per load, not once per source: the whole cache is out of reach.
    warnings.extend(cache_dir.and_then(cache_dir_problem));
    let mut any_cached = false;
    for entry in cache_dir.map(cached_entries).unwrap_or_default() {
        let (status, sets) = load_entry(&entry, now);
        if let Some(problem) = &status.problem {
            warnings.push(format!("{}: {problem}", status.label));
        }
        any_cached |= !sets.is_empty();
        sets.into_iter().for_each(|s| merged.add(s));
        sources.push(status);
    }
    sources.sort_by(|a, b| a.label.cmp(&b.label));
    if merged.left_out() > 0 {
        warnings.push(crate::t!(
            "catalog-too-many-satellites",
            limit = MAX_SATELLITES,
            left_out = merged.left_out()
        ));
    }
    let origin = if any_cached {
        CatalogOrigin::Cache
    } else {
        CatalogOrigin::Bundled
    };
    let sets = merged.into_sets();
    let origin = if sets.is_empty() {
        CatalogOrigin::Empty
    } else {
        origin
    };

    let epochs = sorted_epochs(&sets);
    let stale_count = sets
        .iter()
        .filter(|set| set.age_days(now) > STALE_AFTER_DAYS)
        .count();
    LoadedCatalog {
        data_epoch: epochs.get(epochs.len() / 2).copied(),
        newest_epoch: epochs.last().copied(),
        sets,
        origin,
        sources,
        stale_count,
        loaded_at: now,
        warnings,
    }
}
/// Status of one cache entry and its usable element sets.
fn load_entry(entry: &CacheEntry, now: DateTime<Utc>) -> (SourceStatus, Vec<ElementSet>) {
    let mut problems = Vec::new();
    let meta = match entry.read_meta() {
        Ok(meta) => meta.unwrap_or_default(),
        Err(e) => {
            problems.push(e.to_string());
            CacheMeta::default()
        }
    };
    let label = if meta.label.is_empty() {
        entry.key.clone()
    } else {
        meta.label.clone()
    };
    let mut status = status_from_meta(&meta, &label, now);

    // Cached data passed the size limits when it was written; they are applied again
    // because the file may have been replaced since (or the limit lowered).
    let limit_bytes = max_element_bytes();
    let sets = match read_file_limited(&entry.data_path, limit_bytes) {
        Ok(bytes) => match decode_text_owned(&label, bytes, limit_bytes)
            .map_err(|e| e.to_string())
            .and_then(|text| parse_elements(&text, &label).map_err(|e| e.to_string()))
        {
            Ok(parsed) if parsed.is_mostly_junk() => {
                // Written by an older version, which kept such answers: said, so that it
                // can be refreshed or removed; its few good sets still count.
                problems.push(crate::t!(
                    "catalog-cached-mostly-junk",
                    skipped = parsed.skipped,
                    records = parsed.records
                ));
                parsed.sets
            }
            Ok(parsed) => parsed.sets,
            Err(message) => {
                problems.push(format!("cached data is unusable ({message})"));
                Vec::new()
            }
        },
        Err(FetchError::FileRead { .. }) if !entry.data_path.exists() => Vec::new(),
        Err(e) => {
            problems.push(e.to_string());
            Vec::new()
        }
    };
    status.count = sets.len();
    status.newest_epoch = sets.iter().map(|s| s.epoch).max();
    if !problems.is_empty() {
        status.problem = Some(problems.join("; "));
    }
    (status, sets)
}
