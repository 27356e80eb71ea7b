//! [`WhenUnreachable`]: what calls do while the fleet's Redis cannot be used.

/// What calls do while the fleet's Redis cannot be reached (or does not answer within the
/// fleet's call timeout). Either way no request is sent twice, no secret is logged, and
/// Redis is tried again after the fleet's re-probe interval
/// ([`FleetBuilder::reprobe_after`](crate::FleetBuilder::reprobe_after)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum WhenUnreachable {
    /// Every call fails at once, before anything is sent, with a connect error of the
    /// transport ([`Error::is_connect`](zoho_invoice_transport::Error::is_connect)) that
    /// says the fleet's Redis is unreachable. Nothing can overrun the organization's quota
    /// or the accounts server's token limit, at the cost of the calls. (The default.)
    #[default]
    FailFast,
    /// Calls go on with this process's own limiter (the transport's
    /// [`RateLimiter`](zoho_invoice_transport::RateLimiter), with the same limits) and token
    /// cache (the transport's
    /// [`RefreshingToken`](zoho_invoice_transport::RefreshingToken)), after a
    /// `tracing::warn!`. Meanwhile each process keeps to the limits on its own, so the
    /// fleet together may go past them (and each process may fetch a token of its own).
    /// When Redis answers again, sharing resumes.
    FallBack,
}
