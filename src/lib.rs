//! Overhead: when satellites pass over you, and whether you can see them.
//!
//! - [`orbit`]: pure astronomy (element parsing, SGP4, frames, Sun, passes, brightness).
//!   It depends on nothing else in this crate.
//! - `catalog`: where element sets come from (CelesTrak, cache, bundled snapshot).
//! - `cli` and `ui`: the command line and the desktop window, both on the same engine.
//! - [`fonts`]: the fonts of the window and the handout (egui's, and a Hangul fallback).
//! - [`dirs`]: the default folders for the cache and the settings.
//! - [`files`]: reading local files without trusting them (regular files only, bounded);
//!   [`output`]: writing a file the user named (atomic over regular files only).
//! - [`text`]: making outside text (names, server answers, file lines) safe to show; a
//!   leaf that depends on nothing, so `orbit` uses it too.

pub mod atlas;
pub mod catalog;
pub mod cli;
pub mod dirs;
pub mod files;
pub mod fonts;
pub mod handout;
pub mod i18n;
pub mod orbit;
pub mod output;
pub mod report;
pub mod settings;
pub mod text;
pub mod timefmt;
pub mod ui;
