//! The workspace's own package (not published): it owns the examples in `examples/`, the
//! benchmarks in `benches/` and the cross-crate tests in `tests/`.
//!
//! This library holds what those share: the paths of the test data.

use std::path::PathBuf;

/// The folder of the JSON examples copied from the API reference (the models' fixtures).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("crates/zoho-invoice-models/tests/fixtures")
}
