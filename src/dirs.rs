//! Where Overhead keeps its files unless told otherwise: the folder an environment variable
//! names, else the platform's folder of `directories::ProjectDirs::from("org", "Overhead",
//! "overhead")`. Written once for the element cache (`catalog`) and the settings.

use std::path::PathBuf;

/// Which of the platform's folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppDirKind {
    /// Data that can be fetched again (on Linux `$XDG_CACHE_HOME/overhead`, usually
    /// `~/.cache/overhead`).
    Cache,
    /// The user's settings (on Linux `$XDG_CONFIG_HOME/overhead`, usually
    /// `~/.config/overhead`).
    Config,
}

/// The folder for `kind`: the environment variable `env_var` when it is set and not empty,
/// else the platform's folder; `None` when the platform has none (no home directory).
pub fn app_dir(env_var: &str, kind: AppDirKind) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(env_var).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::ProjectDirs::from("org", "Overhead", "overhead")?;
    Some(match kind {
        AppDirKind::Cache => dirs.cache_dir().to_path_buf(),
        AppDirKind::Config => dirs.config_dir().to_path_buf(),
    })
}
