//! `overhead generate-assets DIR` (hidden): the man pages and shell completions, generated
//! from the clap definition so that they never disagree with the binary.
//!
//! `packaging/build-deb` runs it on the binary it packages and installs the files:
//! `DIR/man/*.1` (one page per command), `DIR/completions/overhead.bash`, `_overhead`
//! (zsh) and `overhead.fish`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::CommandFactory;
use clap_complete::Shell;

/// Arguments of `overhead generate-assets`.
#[derive(Debug, clap::Args)]
pub struct GenerateAssetsArgs {
    /// Directory to write `man/` and `completions/` into (created if missing).
    pub dir: PathBuf,
}

/// Writes the man pages and the bash, zsh and fish completions under `args.dir`.
pub fn run(args: GenerateAssetsArgs) -> anyhow::Result<ExitCode> {
    let written = generate(&args.dir)?;
    for path in written {
        println!("{}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the files and returns their paths.
pub fn generate(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let man_dir = dir.join("man");
    let completions_dir = dir.join("completions");
    for d in [&man_dir, &completions_dir] {
        std::fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    // One page per visible command: overhead.1, overhead-passes.1, overhead-fetch.1.
    clap_mangen::generate_to(super::Args::command(), &man_dir)
        .with_context(|| format!("cannot write the man pages into {}", man_dir.display()))?;
    let mut written: Vec<PathBuf> = std::fs::read_dir(&man_dir)
        .with_context(|| format!("cannot list {}", man_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut command = super::Args::command();
        let path = clap_complete::generate_to(shell, &mut command, "overhead", &completions_dir)
            .with_context(|| {
                format!(
                    "cannot write the {shell} completions into {}",
                    completions_dir.display()
                )
            })?;
        written.push(path);
    }
    written.sort();
    Ok(written)
}
