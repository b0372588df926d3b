//! The `overhead` binary: the desktop app, or the command line when given a subcommand.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = overhead::cli::Args::parse();
    match overhead::cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("overhead: {err:#}");
            ExitCode::from(2)
        }
    }
}
