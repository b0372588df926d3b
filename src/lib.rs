//! Overhead: when satellites pass over you, and whether you can see them.
//!
//! - [`orbit`]: pure astronomy (element parsing, SGP4, frames, Sun, passes, brightness).
//!   It depends on nothing else in this crate.
//! - `catalog`: where element sets come from (CelesTrak, cache, bundled snapshot).
//! - `cli` and `ui`: the command line and the desktop window, both on the same engine.

pub mod atlas;
pub mod catalog;
pub mod cli;
pub mod orbit;
pub mod report;
pub mod settings;
pub mod timefmt;
pub mod ui;
