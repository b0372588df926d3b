//! The command line: `overhead passes`, `overhead fetch`, `overhead handout`, `overhead sky`,
//! `overhead identify`, `overhead transits`.
//!
//! The subcommands call the same `orbit`, `catalog` and `report` functions as the window
//! does, and know nothing of the window: `main.rs` opens it when no subcommand is given.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod assets;
pub mod checks;
pub mod fetch;
pub mod handout;
pub mod identify;
pub mod passes;
pub mod sky;
mod table;
pub mod transits;

/// What `overhead --version` prints after the name: the version and the date of the
/// bundled elements (the same date as in [`crate::catalog::BUNDLED_SOURCE_NAME`]; a test
/// keeps the two in step).
pub const VERSION_TEXT: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (bundled elements: CelesTrak active and visual, 2026-08-22)"
);

/// Command-line arguments of the `overhead` binary.
#[derive(Debug, Parser)]
#[command(
    name = "overhead",
    version = VERSION_TEXT,
    about = "When satellites pass over you, and whether you can see them with the naked eye",
    long_about = "Without a subcommand, opens the desktop window."
)]
pub struct Args {
    /// What to do; the desktop window when absent.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Language of the window and of the human output: en or ko (default: from LC_ALL,
    /// LC_MESSAGES or LANG). JSON, CSV and ICS field names stay English.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Predict passes of satellites over an observer.
    Passes(passes::PassesArgs),
    /// Download element sets from CelesTrak (or another source) into the cache.
    Fetch(fetch::FetchArgs),
    /// Write a one-page PDF handout of tonight's visible passes, with a star chart.
    Handout(handout::HandoutArgs),
    /// What is in the sky at one time and place: Sun, Moon, planets, bright stars.
    Sky(sky::SkyArgs),
    /// What was that? Which satellite was the moving light you saw, from when and where.
    Identify(identify::IdentifyArgs),
    /// When the ISS or Tiangong crosses the Sun or the Moon near you, and where to stand.
    Transits(transits::TransitsArgs),
    /// Write the man pages and shell completions into a directory (for packaging).
    #[command(hide = true)]
    GenerateAssets(assets::GenerateAssetsArgs),
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Passes(a) => passes::run(a),
        Command::Fetch(a) => fetch::run(a),
        Command::Handout(a) => handout::run(a),
        Command::Sky(a) => sky::run(a),
        Command::Identify(a) => identify::run(a),
        Command::Transits(a) => transits::run(a),
        Command::GenerateAssets(a) => assets::run(a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_names_the_bundled_snapshot_date() {
        let date = crate::catalog::BUNDLED_SOURCE_NAME
            .rsplit(", ")
            .next()
            .and_then(|d| d.strip_suffix(')'))
            .expect("the bundled source name ends with its date");
        assert!(VERSION_TEXT.contains(date), "{VERSION_TEXT} vs {date}");
    }
}
