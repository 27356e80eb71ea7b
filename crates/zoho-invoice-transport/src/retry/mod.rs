//! Retries: a pure decision ([`decide`]), a shared [`RetryBudget`], and the layer that applies
//! them.

mod budget;
pub(crate) mod layer;
mod policy;

pub use budget::RetryBudget;
pub use policy::{Decision, Outcome, RetryPolicy, StopReason, decide, is_idempotent};
