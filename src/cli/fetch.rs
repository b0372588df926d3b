//! `overhead fetch`: refresh the element cache from CelesTrak or another source.

use std::process::ExitCode;

/// Arguments of `overhead fetch`.
#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// A CelesTrak group, e.g. `stations`, `visual`, `active`.
    #[arg(long)]
    pub group: Option<String>,
    /// A catalog number.
    #[arg(long)]
    pub catnr: Option<u64>,
    /// A name (or part of one) to search for.
    #[arg(long)]
    pub name: Option<String>,
    /// Any HTTPS URL (or a loopback HTTP URL) serving TLE, OMM JSON or OMM CSV.
    #[arg(long)]
    pub url: Option<String>,
    /// Ignore the two-hour rule (never the back-off after an error).
    #[arg(long)]
    pub force: bool,
}

/// Runs `overhead fetch`.
pub fn run(_args: FetchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("fetch is not implemented yet")
}
