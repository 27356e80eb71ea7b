//! The package of the workspace's cross-crate tests (`fault_matrix`, `security`,
//! `transport_with_mock`); it has no code of its own.
