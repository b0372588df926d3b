//! The on-disk element cache: one data file and one metadata file per source.
//!
//! Layout, under the cache directory given by the caller:
//!
//! ```text
//! elements/<key>.data        the body exactly as served (or the local file as read)
//! elements/<key>.meta.json   CacheMeta: URL, times, HTTP validators, last error, back-off
//!
//! elements/<key>.lock        empty; held (File::lock) by whoever refreshes the entry
//! ```
//!
//! `<key>` is a readable slug of the source plus a hash of its location, so two sources
//! never share files. Every write goes to a temporary file in the same directory, is
//! flushed to disk, then renamed over the old file: a crash or a kill at any moment leaves
//! either the old file or the new one, never a mix.
//!
//! Several processes (two `overhead fetch`, or a fetch and the window) may share the cache.
//! Whoever refreshes an entry holds its lock file ([`CacheEntry::lock`], an operating-system
//! file lock, released when the process ends however it ends), so one entry is written by
//! one process at a time. Lock files are never deleted: deleting one while another process
//! waits on it would let a third take a second lock on a new file of the same name.
//!
//! Temporary files are named `.tmp-<file>-<pid>-<n>` and are locked by their writer
//! until renamed. They are ignored when loading, and removed only when provably
//! abandoned: by the holder of the entry's lock, and only when no one holds the temporary
//! file's own lock (its writer was killed).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};

/// Environment variable that overrides the platform cache directory.
pub const CACHE_DIR_ENV: &str = "OVERHEAD_CACHE_DIR";

/// Subdirectory of the cache directory holding the element cache.
pub const ELEMENTS_SUBDIR: &str = "elements";

/// Version of the metadata format written by this build.
pub const CACHE_META_VERSION: u32 = 1;

const DATA_SUFFIX: &str = ".data";
const META_SUFFIX: &str = ".meta.json";
const LOCK_SUFFIX: &str = ".lock";

/// How often a process waiting for an entry's lock tries again.
const LOCK_POLL: std::time::Duration = std::time::Duration::from_millis(20);

/// How often the holder of an entry's lock touches the lock file (its heartbeat).
const HEARTBEAT: std::time::Duration = std::time::Duration::from_secs(1);

/// A holder whose heartbeat has been silent this long is not waited for: it is stopped
/// (SIGSTOP) or asleep, and a refresh that moves at all beats every [`HEARTBEAT`].
pub const HOLDER_SILENT_AFTER: std::time::Duration = std::time::Duration::from_secs(10);

/// A gap this long between two heartbeats means the holder itself was paused (stopped, or
/// the computer asleep) meanwhile.
const PAUSE_GAP: std::time::Duration = std::time::Duration::from_secs(5);
const TEMP_PREFIX: &str = ".tmp-";

/// Why the cache could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CacheError {
    /// No cache directory: the platform has none and [`CACHE_DIR_ENV`] is not set.
    #[error("no cache directory could be determined (set {CACHE_DIR_ENV} to choose one)")]
    NoCacheDir,
    /// A file or directory could not be written.
    #[error("cannot write {path}: {message}")]
    Write {
        /// The file or directory.
        path: PathBuf,
        /// What the operating system said.
        message: String,
    },
    /// Another process held the entry's lock for longer than a refresh may take.
    #[error("{path} stayed locked by another Overhead process for {} s; try again later", waited_ms / 1000)]
    LockTimeout {
        /// The lock file.
        path: PathBuf,
        /// How long this process waited, milliseconds.
        waited_ms: u64,
    },
    /// Another process holds the entry's lock but has stopped moving (its heartbeat is
    /// silent): stopped with SIGSTOP, or asleep. Not waited for (issue 25).
    #[error("{}", crate::t!(
        "catalog-lock-holder-silent",
        pid = pid.map_or_else(|| "?".to_owned(), |p| p.to_string()),
        silent = silent_s.to_string()
    ))]
    HolderNotResponding {
        /// The lock file.
        path: PathBuf,
        /// The holder's process id, as it wrote it in the lock file.
        pid: Option<u32>,
        /// How long its heartbeat has been silent, seconds.
        silent_s: u64,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// The default cache directory: [`CACHE_DIR_ENV`] if set, else the platform cache directory
/// of `directories::ProjectDirs::from("org", "Overhead", "overhead")` (on Linux
/// `$XDG_CACHE_HOME/overhead`, usually `~/.cache/overhead`).
pub fn default_cache_dir() -> Result<PathBuf, CacheError> {
    crate::dirs::app_dir(CACHE_DIR_ENV, crate::dirs::AppDirKind::Cache)
        .ok_or(CacheError::NoCacheDir)
}

/// What is remembered about one source between runs. Times are UTC.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CacheMeta {
    /// Format version ([`CACHE_META_VERSION`]).
    pub version: u32,
    /// The source's label, for display.
    pub label: String,
    /// The URL or file path last read.
    pub location: String,
    /// When the data file was last replaced by a good download.
    pub downloaded_at: Option<DateTime<Utc>>,
    /// When the source last answered successfully (new data or "not modified"); the
    /// two-hour rule counts from here.
    pub last_success_at: Option<DateTime<Utc>>,
    /// When a request was last started.
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The HTTP `ETag` of the cached data.
    pub etag: Option<String>,
    /// The HTTP `Last-Modified` of the cached data.
    pub last_modified: Option<String>,
    /// Element sets in the cached data when it was written.
    pub count: usize,
    /// Newest element epoch in the cached data.
    pub newest_epoch: Option<DateTime<Utc>>,
    /// Size of the cached data, bytes.
    pub data_bytes: u64,
    /// What went wrong on the last attempt, if it failed.
    pub last_error: Option<String>,
    /// When the last failure happened.
    pub last_error_at: Option<DateTime<Utc>>,
    /// Failures in a row since the last success (sets the back-off length).
    pub consecutive_failures: u32,
    /// No automatic or forced request before this time.
    pub backoff_until: Option<DateTime<Utc>>,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, flushed,
/// then renamed over `path`. On error the temporary file is removed and `path` is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CacheError> {
    write_atomic_as(path, bytes, false)
}

/// [`write_atomic`] for a file only its owner may read (mode 0600 on Unix), such as the
/// cache's metadata, which names the sources (a school's mirror) and their last errors.
pub fn write_atomic_private(path: &Path, bytes: &[u8]) -> Result<(), CacheError> {
    write_atomic_as(path, bytes, true)
}

fn write_atomic_as(path: &Path, bytes: &[u8], private: bool) -> Result<(), CacheError> {
    let write_error = |p: &Path, e: std::io::Error| CacheError::Write {
        path: p.to_path_buf(),
        message: e.to_string(),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp_path = dir.join(format!(
        "{TEMP_PREFIX}{file_name}-{}-{}",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        let mut file = options.open(&temp_path)?;
        // Held until the rename: a cleaner that can take this lock knows the writer is gone.
        file.lock()?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp_path, path)
    })();
    match result {
        Ok(()) => {
            // Make the rename itself durable where the platform allows opening a directory.
            if let Ok(dir_handle) = fs::File::open(dir) {
                let _ignored_if_unsupported = dir_handle.sync_all();
            }
            Ok(())
        }
        Err(e) => {
            let _already_gone_or_unremovable = fs::remove_file(&temp_path);
            Err(write_error(path, e))
        }
    }
}

/// The files of one source in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheEntry {
    /// The entry's key (file stem).
    pub key: String,
    /// The data file.
    pub data_path: PathBuf,
    /// The metadata file.
    pub meta_path: PathBuf,
    /// The lock file (see [`CacheEntry::lock`]).
    pub lock_path: PathBuf,
}

/// The lock on one cache entry, held until dropped (or until the process ends).
///
/// While it is held, a heartbeat thread touches the lock file every second, so that a
/// process waiting for it can tell a holder still at work from one that is stopped or
/// asleep ([`HOLDER_SILENT_AFTER`]); the same thread notices when this process itself was
/// paused ([`EntryLock::paused_s`]).
#[derive(Debug)]
pub struct EntryLock {
    _file: fs::File,
    waited: bool,
    heartbeat: Option<Heartbeat>,
}

impl EntryLock {
    /// True when another holder had the lock first and this one waited for it: someone
    /// refreshed the entry meanwhile, and its result is in the metadata.
    pub fn waited(&self) -> bool {
        self.waited
    }

    /// How long this process has been paused (stopped, or the computer asleep) while
    /// holding the lock, seconds; 0 when it ran without a pause. A pause still going on
    /// when asked (the heartbeat thread not yet awake after SIGCONT) counts too.
    pub fn paused_s(&self) -> f64 {
        self.heartbeat.as_ref().map_or(0.0, |h| {
            h.beats
                .lock()
                .map_or(0.0, |b| b.paused_ms_until(Beats::now()) as f64 / 1000.0)
        })
    }
}

/// When the heartbeat last beat, and the pauses it has seen.
#[derive(Debug)]
struct Beats {
    last: (std::time::Instant, std::time::SystemTime),
    paused_ms: u64,
}

impl Beats {
    fn now() -> (std::time::Instant, std::time::SystemTime) {
        (std::time::Instant::now(), std::time::SystemTime::now())
    }

    /// The gap between the last beat and `now`, when it is long enough to be a pause (by
    /// the monotonic clock, which runs on while the process is stopped, or by the wall
    /// clock, which runs on while the computer sleeps).
    fn pause_until(&self, now: (std::time::Instant, std::time::SystemTime)) -> Option<u64> {
        let gap = (now.0 - self.last.0).max(now.1.duration_since(self.last.1).unwrap_or_default());
        (gap > PAUSE_GAP).then(|| u64::try_from(gap.as_millis()).unwrap_or(u64::MAX))
    }

    fn paused_ms_until(&self, now: (std::time::Instant, std::time::SystemTime)) -> u64 {
        self.paused_ms + self.pause_until(now).unwrap_or(0)
    }
}

/// The heartbeat thread of a held lock (see [`EntryLock`]); stopped when dropped.
#[derive(Debug)]
struct Heartbeat {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    beats: std::sync::Arc<std::sync::Mutex<Beats>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Heartbeat {
    fn start(file: fs::File) -> Self {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let beats = std::sync::Arc::new(std::sync::Mutex::new(Beats {
            last: Beats::now(),
            paused_ms: 0,
        }));
        let thread = {
            let (stop, beats) = (stop.clone(), beats.clone());
            std::thread::Builder::new()
                .name("cache-lock-heartbeat".to_owned())
                .spawn(move || beat(&file, &stop, &beats))
                .ok()
        };
        Self {
            stop,
            beats,
            thread,
        }
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.thread().unpark();
            let _ = thread.join();
        }
    }
}

/// Touches `file` every [`HEARTBEAT`] until `stop`, counting in `beats` every gap between
/// two beats long enough to be a pause ([`PAUSE_GAP`]).
fn beat(file: &fs::File, stop: &std::sync::atomic::AtomicBool, beats: &std::sync::Mutex<Beats>) {
    while !stop.load(Ordering::Relaxed) {
        std::thread::park_timeout(HEARTBEAT);
        let now = Beats::now();
        if let Ok(mut b) = beats.lock() {
            b.paused_ms = b.paused_ms_until(now);
            b.last = now;
        }
        // A file system that refuses the time only loses the heartbeat; waiters then give up
        // on this holder sooner, never wrongly wait longer.
        let _ = file.set_modified(now.1);
    }
}

impl CacheEntry {
    /// The entry for a source read from `location` (a URL or path), under `cache_dir`.
    pub fn for_location(cache_dir: &Path, location: &str) -> Self {
        Self::from_key(cache_dir, &cache_key(location))
    }

    fn from_key(cache_dir: &Path, key: &str) -> Self {
        let dir = cache_dir.join(ELEMENTS_SUBDIR);
        Self {
            key: key.to_owned(),
            data_path: dir.join(format!("{key}{DATA_SUFFIX}")),
            meta_path: dir.join(format!("{key}{META_SUFFIX}")),
            lock_path: dir.join(format!("{key}{LOCK_SUFFIX}")),
        }
    }

    /// Takes the entry's lock, across processes and threads, waiting at most `max_wait`.
    ///
    /// The lock is an operating-system lock on `<key>.lock` ([`std::fs::File::lock`]): a
    /// process that dies, even by `kill -9`, releases it.
    pub fn lock(&self, max_wait: std::time::Duration) -> Result<EntryLock, CacheError> {
        self.lock_reporting(max_wait, &mut || {})
    }

    /// [`CacheEntry::lock`], calling `on_wait` once, at once, when another holder has the
    /// lock (so that the wait can be said). A holder whose heartbeat stays silent for
    /// [`HOLDER_SILENT_AFTER`] is not waited for: [`CacheError::HolderNotResponding`].
    pub fn lock_reporting(
        &self,
        max_wait: std::time::Duration,
        on_wait: &mut dyn FnMut(),
    ) -> Result<EntryLock, CacheError> {
        let lock_error = |e: std::io::Error| CacheError::Write {
            path: self.lock_path.clone(),
            message: e.to_string(),
        };
        if let Some(dir) = self.lock_path.parent() {
            fs::create_dir_all(dir).map_err(lock_error)?;
        }
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&self.lock_path)
            .map_err(lock_error)?;
        let started = std::time::Instant::now();
        let mut waited = false;
        // The holder's last heartbeat seen, and when (by this process's clock) it moved.
        let mut last_beat: Option<std::time::SystemTime> = None;
        let mut moved_at = started;
        loop {
            match file.try_lock() {
                Ok(()) => {
                    // The holder's process id, for the message of a process waiting on it.
                    let mut writer = &file;
                    let _ = file
                        .set_len(0)
                        .and_then(|()| writer.write_all(std::process::id().to_string().as_bytes()));
                    let heartbeat = file.try_clone().ok().map(Heartbeat::start);
                    return Ok(EntryLock {
                        _file: file,
                        waited,
                        heartbeat,
                    });
                }
                Err(fs::TryLockError::WouldBlock) => {
                    if !waited {
                        on_wait();
                    }
                    waited = true;
                    let beat = fs::metadata(&self.lock_path)
                        .and_then(|m| m.modified())
                        .ok();
                    if beat != last_beat {
                        last_beat = beat;
                        moved_at = std::time::Instant::now();
                    } else if moved_at.elapsed() >= HOLDER_SILENT_AFTER {
                        return Err(CacheError::HolderNotResponding {
                            path: self.lock_path.clone(),
                            pid: fs::read_to_string(&self.lock_path)
                                .ok()
                                .and_then(|t| t.trim().parse().ok()),
                            silent_s: moved_at.elapsed().as_secs(),
                        });
                    }
                    if started.elapsed() >= max_wait {
                        return Err(CacheError::LockTimeout {
                            path: self.lock_path.clone(),
                            waited_ms: u64::try_from(started.elapsed().as_millis())
                                .unwrap_or(u64::MAX),
                        });
                    }
                    std::thread::sleep(LOCK_POLL);
                }
                Err(fs::TryLockError::Error(e)) => return Err(lock_error(e)),
            }
        }
    }

    /// Modification time of the data file, if there is one.
    pub fn data_modified_at(&self) -> Option<DateTime<Utc>> {
        let modified = fs::metadata(&self.data_path).ok()?.modified().ok()?;
        Some(DateTime::<Utc>::from(modified))
    }

    /// Reads the metadata; a missing file gives `Ok(None)`, an unreadable or corrupt one an error.
    pub fn read_meta(&self) -> Result<Option<CacheMeta>, CacheError> {
        let bytes =
            match crate::files::read_bounded(&self.meta_path, crate::files::SMALL_FILE_MAX_BYTES) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                Err(e) => {
                    return Err(CacheError::Read {
                        path: self.meta_path.clone(),
                        message: e.to_string(),
                    });
                }
            };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| CacheError::Read {
                path: self.meta_path.clone(),
                message: format!("corrupt metadata: {e}"),
            })
    }

    /// Writes the metadata atomically, readable by its owner only (mode 0600).
    pub fn write_meta(&self, meta: &CacheMeta) -> Result<(), CacheError> {
        let mut meta = meta.clone();
        meta.version = CACHE_META_VERSION;
        let json = serde_json::to_vec_pretty(&meta).map_err(|e| CacheError::Write {
            path: self.meta_path.clone(),
            message: e.to_string(),
        })?;
        write_atomic_private(&self.meta_path, &json)
    }

    /// Writes the data file atomically.
    pub fn write_data(&self, bytes: &[u8]) -> Result<(), CacheError> {
        write_atomic(&self.data_path, bytes)
    }

    /// Removes temporary files this entry's writers left behind (after a crash or a kill).
    ///
    /// Call it holding the entry's lock ([`CacheEntry::lock`]). A temporary file is removed
    /// only when its own lock is free, that is when its writer is gone; a live writer's
    /// file is left alone.
    pub fn remove_leftover_temp_files(&self) {
        let Some(dir) = self.data_path.parent() else {
            return;
        };
        let Ok(read_dir) = fs::read_dir(dir) else {
            return;
        };
        let prefix = format!("{TEMP_PREFIX}{}.", self.key);
        for entry in read_dir.flatten() {
            if !entry.file_name().to_string_lossy().starts_with(&prefix) {
                continue;
            }
            let Ok(file) = fs::File::open(entry.path()) else {
                continue;
            };
            // Removed while holding its lock, so no writer can be part-way through it.
            if file.try_lock().is_ok() {
                let _removed_or_already_gone = fs::remove_file(entry.path());
            }
        }
    }

    /// Removes the entry's data, metadata and temporary files.
    pub fn remove(&self) -> Result<(), CacheError> {
        self.remove_leftover_temp_files();
        for path in [&self.data_path, &self.meta_path] {
            match fs::remove_file(path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(CacheError::Write {
                        path: path.clone(),
                        message: e.to_string(),
                    });
                }
            }
        }
        Ok(())
    }
}

/// Why the element cache under `cache_dir` cannot be read, if it exists but cannot be (a
/// directory without permission, or a file where the directory should be). A cache that
/// does not exist yet is no problem.
pub fn cache_dir_problem(cache_dir: &Path) -> Option<String> {
    let dir = cache_dir.join(ELEMENTS_SUBDIR);
    match fs::read_dir(&dir) {
        Ok(_) => None,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => Some(format!(
            "cannot read the element cache {}: {e}; using the bundled snapshot only",
            dir.display()
        )),
    }
}

/// Every entry in the cache that has a data or metadata file, sorted by key.
pub fn cached_entries(cache_dir: &Path) -> Vec<CacheEntry> {
    let Ok(read_dir) = fs::read_dir(cache_dir.join(ELEMENTS_SUBDIR)) else {
        return Vec::new();
    };
    let mut keys: Vec<String> = read_dir
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(TEMP_PREFIX) {
                return None;
            }
            name.strip_suffix(DATA_SUFFIX)
                .or_else(|| name.strip_suffix(META_SUFFIX))
                .map(str::to_owned)
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys.iter()
        .map(|key| CacheEntry::from_key(cache_dir, key))
        .collect()
}

/// The cache key of a location: a slug of its interesting part plus 16 hex digits of its
/// 64-bit FNV-1a hash (stable across builds, unlike `std`'s hasher).
pub fn cache_key(location: &str) -> String {
    let interesting = location.rsplit(['/', '\\', '?']).next().unwrap_or(location);
    let slug: String = interesting
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug: String = slug.chars().take(40).collect();
    let slug = if slug.is_empty() {
        "source".to_owned()
    } else {
        slug
    };
    format!("{slug}-{:016x}", fnv1a_64(location.as_bytes()))
}

fn fnv1a_64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_key_is_readable_and_distinct_per_query() {
        let a = cache_key("https://celestrak.org/NORAD/elements/gp.php?GROUP=stations&FORMAT=json");
        let b = cache_key("https://celestrak.org/NORAD/elements/gp.php?GROUP=visual&FORMAT=json");
        assert!(a.starts_with("group-stations-format-json-"), "{a}");
        assert_ne!(a, b);
        assert_eq!(
            a,
            cache_key("https://celestrak.org/NORAD/elements/gp.php?GROUP=stations&FORMAT=json")
        );
    }

    #[test]
    fn fnv1a_matches_the_published_test_vector() {
        // FNV-1a 64 of "a" (from the FNV reference test suite).
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.data");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
