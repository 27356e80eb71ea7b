//! The package of the workspace's benchmarks (`decode`, `quota_use`, `concurrency`): what they
//! share. See `BENCHMARKS.md`.

use std::path::PathBuf;

/// The folder of the JSON examples copied from the API reference (the models' fixtures).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crates/zoho-invoice-models/tests/fixtures")
}
