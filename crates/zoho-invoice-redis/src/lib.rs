//! Rate limits and access tokens shared by a fleet of processes through Redis, for the Zoho
//! Invoice SDK.
//!
//! stub front page
#![warn(clippy::unwrap_used)]

mod failure;
mod fleet;
mod health;
mod keys;
mod limiter;
mod policy;
mod token;

pub use fleet::{Fleet, FleetBuilder};
pub use keys::DEFAULT_KEY_PREFIX;
pub use limiter::{SharedRateLimit, SharedRateLimitLayer};
pub use policy::WhenUnreachable;
pub use token::{SealingKey, SharedTokenStore, SharedTokenStoreBuilder};
