//! Integration tests, built as one binary.
//!
//! Each module covers one area; fixtures live in `tests/data/` (see its README.md).

mod util;
// (modules are declared below, one per line)
mod propagation;
mod elements;
// The bundled geography: TopoJSON outlines and the city search (src/atlas).
mod atlas;
mod passes;
mod skyfield;
mod cli;
