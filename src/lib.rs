//! The workspace's own package (not published): it owns the examples in `examples/` and the
//! test that runs each of them as a user would (`tests/examples.rs`). The cross-crate tests
//! are the package in `tests/`, the benchmarks the packages in `benches/`.
