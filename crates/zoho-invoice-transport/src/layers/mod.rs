//! The built-in tower layers, outermost first as the default stack composes them: tracing,
//! total timeout, retry, rate limit, auth, organization header and base URL, per-attempt
//! timeout. Each depends only on the request, response, error and clock types (and the values
//! it applies: a retry policy, a rate limiter, a token source).

pub(crate) mod auth;
pub(crate) mod organization;
pub(crate) mod rate_limit;
pub(crate) mod retry;
pub(crate) mod timeout;
pub(crate) mod trace;
