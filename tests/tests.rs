//! Integration tests, built as one binary.
//!
//! Each module covers one area; fixtures live in `tests/data/` (see its README.md).

// Unwrapping is how a test says "this must work".
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;
// (modules are declared below, one per line)
mod elements;
mod propagation;
// The bundled geography: TopoJSON outlines and the city search (src/atlas).
mod atlas;
mod cli;
mod passes;
mod skyfield;
// Element sources, cache, refresh rules and the bundled snapshot (src/catalog), settings (src/settings.rs), `overhead fetch`.
mod catalog;
// Downloads through the system's proxy settings, against loopback servers.
mod proxy;
// The desktop window driven headless with egui_kittest (src/ui).
mod ui;
// The real window under Xvfb (scripts/ui_smoke.sh).
mod smoke;
// The Debian package, unpacked and run (needs OVERHEAD_DEB; .ci/run builds it).
mod package;
// The pre-pass alert as a desktop notification, on a private D-Bus session bus.
mod notify;
