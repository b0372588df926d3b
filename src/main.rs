//! The `overhead` binary: the desktop app, or the command line when given a subcommand.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = overhead::cli::Args::parse();
    match overhead::cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            // The message may quote a file or a server: one printable line.
            let message = overhead::text::clean(&format!("{err:#}"), overhead::text::MESSAGE_CHARS);
            eprintln!("overhead: {message}");
            ExitCode::from(2)
        }
    }
}
