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
// Every satellite asked for on the command line found and accounted for (issue 20): names
// people type, ready lists, the search ahead, JSON `satellites`.
mod asked;
mod passes;
// Standard magnitudes: the convention, the tiers' coverage and honesty on held-out data (issue 22).
mod brightness;
mod skyfield;
// The Moon and tonight's dusk and dawn (src/orbit/moon.rs, night.rs) against skyfield.
mod sky;
// Sun, Moon, planets and precessed stars against skyfield, and `overhead sky` (src/orbit/stars.rs, planets.rs, src/cli/sky.rs).
mod sky_cli;
// `overhead identify`'s engine against simulated sightings made with skyfield (src/orbit/identify).
mod identify;
// Element sources, cache, refresh rules and the bundled snapshot (src/catalog), settings (src/settings.rs), `overhead fetch`.
mod catalog;
// Hostile or careless input: bombs, endless files, bad numbers, control characters,
// concurrent fetches (issue 11).
mod hostile;
// Downloads through the system's proxy settings, against loopback servers.
mod proxy;
// The desktop window driven headless with egui_kittest (src/ui).
mod ui;
// A window that rests (issue 21): searches counted over a simulated night, frames asked.
mod window_rest;
// The first evening (issue 20): a first start in London and in Seoul, a teacher's lesson and
// a hobbyist's tonight, played in the window at four screen sizes.
mod journeys;
// The real window under Xvfb (scripts/ui_smoke.sh).
mod smoke;
// `overhead handout`: the printable page read back with poppler (pdftotext, pdftoppm).
mod handout;
// The Debian package, unpacked and run (needs OVERHEAD_DEB; .ci/run builds it).
mod package;
// The pre-pass alert as a desktop notification, on a private D-Bus session bus.
mod notify;
// The translations: message files complete in every language, keys the code uses (src/i18n.rs).
mod i18n;
// Every message and Korean name has a glyph in the window's and the handout's fonts (src/fonts.rs).
mod fonts;
// Transits across the Sun and the Moon against skyfield, and `overhead transits` (src/orbit/transit, src/cli/transits.rs).
mod transits;
// The source tree's house rules: file sizes, no import circles, cli without ui, pure orbit.
mod layout;
// The timing uncertainty against element histories kept out of its fit (src/orbit/timing.rs, issue 26).
mod timing;
