//! Where element sets come from, and keeping them: CelesTrak, the cache, the bundled snapshot.
//!
//! Overhead must always have usable elements and say how old they are, and it must be a
//! good citizen towards CelesTrak, which blocks addresses that ask too often (a school
//! shares one address between many laptops). So:
//!
//! - [`Source`]s are CelesTrak GP queries ([`builtin_groups`], or any `GROUP=`, `CATNR=`,
//!   `NAME=`, `INTDES=`), custom `https://` URLs, or local files. Plain `http://` is refused
//!   except to this machine. The CelesTrak base URL is a setting and can be overridden with
//!   [`CELESTRAK_URL_ENV`], so a school can point every laptop at one mirror.
//! - [`Fetcher::refresh`] downloads one source into the cache (blocking; call it from a
//!   worker thread). It honours the two-hour rule, treats CelesTrak's "not updated" answer
//!   as [`RefreshOutcome::NotModified`], and on any misbehaviour keeps the cached data byte
//!   for byte and backs off. The outcome is a value to show the user.
//! - [`load_catalog`] merges every cached source over the [`bundled_snapshot`] (newest
//!   epoch wins), with per-source status and staleness; [`load_default_catalog`] does it
//!   from the default cache directory for the window and the command line alike.
//!
//! Nothing here reads the clock for decisions: `now` is always an argument.
//! This module uses [`crate::orbit`] to read what it downloads; `orbit` knows nothing of it.

//!
//! The files, each one idea, listed so that each imports only files above it (no circle):
//!
//! - `policy`: the two-hour rule, the back-off, the size and time limits (a leaf);
//! - `sources`: what a source is and where it lives;
//! - `proxy`: the system's proxy settings, read and judged;
//! - `cache`: the files on disk, their locks and the default cache directory;
//! - `error`: what can go wrong reading element data ([`FetchError`]);
//! - `decode`: bytes to element text (gzip, UTF-16), local files read safely;
//! - `bundled`: the snapshot and magnitudes compiled into the binary;
//! - `bright`: which satellites a naked eye can see at all ("All bright ones");
//! - `status`: how good a cached source or an element set is;
//! - `load`: the catalog merged from the cache and the snapshot;
//! - `outcome`: the result of one refresh, for the user;
//! - `http`: one checked exchange with a server;
//! - `fetch`: [`Fetcher`], which applies the rules and writes the cache;
//! - `lists`: ready lists of satellites ([`FAMOUS`], [`KOREAN_RECON`]);
//! - `names`: finding satellites by what people type ([`NameIndex`], the aliases).

mod bright;
mod bundled;
mod cache;
mod decode;
mod error;
mod fetch;
mod http;
mod lists;
mod load;
mod magnitudes;
mod names;
mod outcome;
mod policy;
mod proxy;
mod sources;
mod status;

pub use bright::{
    bright_to_the_eye, brightest_possible_magnitude, perigee_height_km, standard_magnitude,
};
pub use bundled::{
    AgeClock, BUNDLED_SOURCE_NAME, BundledError, BundledSnapshot, DataAge, STALE_AFTER_DAYS,
    bundled_snapshot, bundled_std_magnitudes, data_age_message, data_age_words, date_words,
};
pub use cache::{
    CACHE_DIR_ENV, CACHE_META_VERSION, CacheEntry, CacheError, CacheMeta, ELEMENTS_SUBDIR,
    EntryLock, HOLDER_SILENT_AFTER, cache_dir_problem, cache_key, cached_entries,
    default_cache_dir, write_atomic, write_atomic_private,
};
pub use decode::{decode_text, decode_text_owned, read_element_file};
pub use error::{FetchError, bytes_words};
pub use fetch::Fetcher;
pub use http::{FetchConfig, FetchProgress};
pub use lists::{
    FAMOUS, KOREAN_RECON, ListedSatellite, SATELLITE_LISTS, SatelliteList, first_start_satellites,
    satellite_list,
};
pub use load::{CatalogOrigin, LoadedCatalog, load_catalog, load_default_catalog};
pub use magnitudes::{QS_MAG_SIGMA, bundled_magnitude_tiers, magnitude_estimate};
pub use names::{Alias, MatchTier, NameIndex, NameMatch, aliases, fold_name, parse_aliases};
pub use outcome::{RefreshOutcome, format_utc};
pub use policy::{
    DEFAULT_MAX_BODY_BYTES, DEFAULT_MIN_BYTES_PER_S, DEFAULT_READ_TIMEOUT, DEFAULT_STALL_GRACE,
    DEFAULT_TOTAL_TIMEOUT, FETCH_TIMEOUT_ENV, FIRST_BACKOFF, MAX_BACKOFF, MAX_ELEMENT_BYTES_ENV,
    MIN_REQUEST_INTERVAL, RefreshPolicy, backoff_after, max_element_bytes,
};
pub use proxy::{ProxySettings, ProxyTarget};
pub use sources::{
    BuiltinGroup, CELESTRAK_URL_ENV, DEFAULT_CELESTRAK_BASE_URL, GP_QUERY_PATH, GpFormat, GpQuery,
    Location, NEWS_GROUP_ID, NEWS_SATELLITES, NewsSatellite, Source, SourceError, builtin_group,
    builtin_groups, celestrak_base_url, check_url, is_loopback_host, without_credentials,
};
pub use status::{ElementHealth, SourceStatus, element_health};
