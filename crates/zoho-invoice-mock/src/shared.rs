//! Everything a running server shares between its connections.

use std::sync::Mutex;

use crate::accounts::Accounts;
use crate::clock::Clock;
use crate::faults::Faults;
use crate::inspect::Inspector;
use crate::limits::Limiter;
use crate::read::BodyBounds;
use crate::state::{IdGen, State};

/// The server's state and machinery.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) state: Mutex<State>,
    pub(crate) ids: IdGen,
    pub(crate) clock: Clock,
    pub(crate) accounts: Accounts,
    pub(crate) limiter: Limiter,
    pub(crate) faults: Faults,
    pub(crate) inspector: Inspector,
    /// How large a request body may be and how long it may take.
    pub(crate) body_bounds: BodyBounds,
    /// `http://127.0.0.1:PORT`, the `api_domain` of token responses.
    pub(crate) api_domain: String,
    /// `http://127.0.0.1:PORT` of the accounts server.
    pub(crate) accounts_url: String,
}

impl Shared {
    pub(crate) fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Server time in whole seconds since start.
    pub(crate) fn now_secs(&self) -> u64 {
        self.clock.elapsed().as_secs()
    }
}
