//! Retries as values: the pure decision ([`decide`]), the built-in [`RetryPolicy`], the
//! [`Policy`] trait to replace it, and the shared [`RetryBudget`]. The layer that applies them
//! is [`RetryLayer`](crate::RetryLayer).

mod budget;
mod policy;

pub use budget::RetryBudget;
pub use policy::{Decision, Policy, RetryPolicy, StopReason, decide, is_idempotent};
