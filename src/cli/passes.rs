//! `overhead passes`: predict passes from the command line.

use std::process::ExitCode;

/// Arguments of `overhead passes`.
#[derive(Debug, clap::Args)]
pub struct PassesArgs {}

/// Runs `overhead passes`.
pub fn run(_args: PassesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet")
}
