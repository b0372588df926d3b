//! The `overhead` binary: the command line when given a subcommand, the desktop window
//! otherwise. The choice is made here, so that neither front end knows the other.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = overhead::cli::Args::parse();
    // `--lang`, else the locale; the window's own setting applies after this unless
    // `--lang` was given.
    overhead::i18n::init(args.lang);
    let outcome = match args.command {
        Some(command) => overhead::cli::run(command),
        None => overhead::ui::run_app(),
    };
    match outcome {
        Ok(code) => code,
        Err(err) => {
            // The message may quote a file or a server: one printable line.
            let message = overhead::text::clean(&format!("{err:#}"), overhead::text::MESSAGE_CHARS);
            eprintln!("overhead: {message}");
            ExitCode::from(2)
        }
    }
}
