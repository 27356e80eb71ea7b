//! Nothing but the package of the transport overhead benchmark (`transport_overhead.rs`): see
//! `BENCHMARKS.md`.
