//! Loading the catalog the app predicts from, and saying how good it is.
//!
//! [`load_catalog`] merges every cached source with the bundled snapshot (newest epoch
//! wins per satellite, so an older set never replaces a newer one): downloads update the
//! satellites they carry and the snapshot keeps the rest. With it come the status of each source and the flags that
//! matter for predictions: element sets older than [`STALE_AFTER_DAYS`] and satellites
//! that have decayed by `now`.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::bundled::{STALE_AFTER_DAYS, bundled_snapshot, data_age_message, sorted_epochs};
use super::cache::{CacheEntry, CacheMeta, cache_dir_problem, cached_entries};
use super::fetch::{
    FetchError, MAX_BACKOFF, MIN_REQUEST_INTERVAL, decode_text, max_element_bytes,
    read_file_limited,
};
use crate::orbit::{ElementSet, PropagationError, Satellite, merge_newest, parse_elements};

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

/// What is known about one cached source, for the sources panel and `overhead fetch`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceStatus {
    /// The source's label, e.g. `"CelesTrak GROUP=stations"`.
    pub label: String,
    /// The URL or file it was read from.
    pub location: String,
    /// When its data was last downloaded (UTC).
    pub downloaded_at: Option<DateTime<Utc>>,
    /// When a request last succeeded: new data, or the server's "not modified" (UTC).
    pub last_success_at: Option<DateTime<Utc>>,
    /// Usable element sets in the cached data (0 when there is none).
    pub count: usize,
    /// Newest element epoch in the cached data.
    pub newest_epoch: Option<DateTime<Utc>>,
    /// When a request was last started.
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The last failure's message, while the source is failing.
    pub last_error: Option<String>,
    /// When the last failure happened.
    pub last_error_at: Option<DateTime<Utc>>,
    /// No request before this time because of a failure.
    pub backoff_until: Option<DateTime<Utc>>,
    /// Earliest time of the next request (two-hour rule or back-off), if later than `now`.
    pub next_allowed: Option<DateTime<Utc>>,
    /// A problem with the cached files themselves (unreadable or unusable data, corrupt metadata).
    pub problem: Option<String>,
}

/// How fit one element set is for predictions at a given time.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementHealth {
    /// Age of the elements, days (negative before the epoch).
    pub age_days: f64,
    /// Older than [`STALE_AFTER_DAYS`]: predictions may be off by minutes.
    pub is_stale: bool,
    /// Set when propagating to the time fails: the satellite has decayed (or its elements
    /// have diverged, which means the same for an observer).
    pub decayed: Option<PropagationError>,
}

/// Age, staleness and decay of `set` at `t`.
pub fn element_health(set: &ElementSet, t: DateTime<Utc>) -> ElementHealth {
    let age_days = set.age_days(t);
    let decayed = match Satellite::new(set.clone()).and_then(|sat| sat.state_at(t)) {
        Ok(_) | Err(PropagationError::BadElements { .. }) => None,
        Err(e) => Some(e),
    };
    ElementHealth {
        age_days,
        is_stale: age_days > STALE_AFTER_DAYS,
        decayed,
    }
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
    /// Catalog numbers of satellites that have decayed by the load time.
    pub decayed_ids: Vec<u64>,
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

    /// True when `norad_id` was found decayed at the load time.
    pub fn is_decayed(&self, norad_id: u64) -> bool {
        self.decayed_ids.contains(&norad_id)
    }
}

/// Loads every cached source under `cache_dir` and the bundled snapshot, merged (newest
/// epoch wins per satellite). Never fails: problems become
/// [`SourceStatus::problem`] and [`LoadedCatalog::warnings`].
///
/// `now` sets the staleness and decay flags and the next-allowed times.
pub fn load_catalog(cache_dir: &Path, now: DateTime<Utc>) -> LoadedCatalog {
    let mut sources = Vec::new();
    let mut cached_sets = Vec::new();
    let mut warnings = Vec::new();
    // Said once per load, not once per source: the whole cache is out of reach.
    warnings.extend(cache_dir_problem(cache_dir));
    for entry in cached_entries(cache_dir) {
        let (status, sets) = load_entry(&entry, now);
        if let Some(problem) = &status.problem {
            warnings.push(format!("{}: {problem}", status.label));
        }
        cached_sets.extend(sets);
        sources.push(status);
    }
    sources.sort_by(|a, b| a.label.cmp(&b.label));

    // The bundled snapshot is one more source: downloads replace its sets satellite by
    // satellite (newest epoch wins) and it fills in every satellite they do not carry,
    // so refreshing "stations" never shrinks the catalog to the stations.
    let origin = if cached_sets.is_empty() {
        CatalogOrigin::Bundled
    } else {
        CatalogOrigin::Cache
    };
    let bundled = match bundled_snapshot() {
        Ok(snapshot) => snapshot.sets.clone(),
        Err(e) => {
            warnings.push(e.to_string());
            Vec::new()
        }
    };
    let sets = merge_newest(bundled.into_iter().chain(cached_sets));
    let origin = if sets.is_empty() {
        CatalogOrigin::Empty
    } else {
        origin
    };

    let epochs = sorted_epochs(&sets);
    let mut stale_count = 0;
    let mut decayed_ids = Vec::new();
    for set in &sets {
        let health = element_health(set, now);
        stale_count += usize::from(health.is_stale);
        if health.decayed.is_some() {
            decayed_ids.push(set.norad_id);
        }
    }
    LoadedCatalog {
        data_epoch: epochs.get(epochs.len() / 2).copied(),
        newest_epoch: epochs.last().copied(),
        sets,
        origin,
        sources,
        stale_count,
        decayed_ids,
        warnings,
    }
}

/// Status of one cache entry and its usable element sets.
pub(crate) fn load_entry(
    entry: &CacheEntry,
    now: DateTime<Utc>,
) -> (SourceStatus, Vec<ElementSet>) {
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
        Ok(bytes) => match decode_text(&label, &bytes, limit_bytes)
            .map_err(|e| e.to_string())
            .and_then(|text| parse_elements(&text, &label).map_err(|e| e.to_string()))
        {
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

/// Status of one cache entry from its metadata alone (cheap: the data is not read).
pub(crate) fn meta_status(entry: &CacheEntry, label: &str, now: DateTime<Utc>) -> SourceStatus {
    match entry.read_meta() {
        Ok(meta) => status_from_meta(&meta.unwrap_or_default(), label, now),
        Err(e) => SourceStatus {
            label: label.to_owned(),
            problem: Some(e.to_string()),
            ..SourceStatus::default()
        },
    }
}

fn status_from_meta(meta: &CacheMeta, label: &str, now: DateTime<Utc>) -> SourceStatus {
    let backoff_until = meta
        .backoff_until
        .filter(|&until| until > now && until - now <= MAX_BACKOFF);
    let rule_until = meta
        .last_success_at
        .map(|t| t + MIN_REQUEST_INTERVAL)
        .filter(|&t| t > now && t - now <= MIN_REQUEST_INTERVAL * 2);
    SourceStatus {
        label: label.to_owned(),
        location: meta.location.clone(),
        downloaded_at: meta.downloaded_at,
        last_success_at: meta.last_success_at,
        count: meta.count,
        newest_epoch: meta.newest_epoch,
        last_attempt_at: meta.last_attempt_at,
        last_error: meta.last_error.clone(),
        last_error_at: meta.last_error_at,
        backoff_until,
        next_allowed: backoff_until.into_iter().chain(rule_until).max(),
        problem: None,
    }
}
