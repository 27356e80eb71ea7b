//! The client's error type.

use std::fmt;

use zoho_invoice_models::ids::InvalidId;

/// Everything a call can fail with: bad input caught before sending, the transport's errors
/// (HTTP status, Zoho `code`, timeouts, rate limits, auth), and answers that do not decode.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// An id that cannot be put in a path (empty, only dots, or with `/`, `?`, `#`).
    InvalidId(InvalidId),
    /// A bulk call names more records than the API accepts at once; nothing was sent.
    TooManyIds {
        /// The operation.
        operation: &'static str,
        /// The most ids it accepts.
        limit: usize,
        /// How many were given.
        given: usize,
    },
    /// A bulk call names no record at all; nothing was sent.
    NoIds {
        /// The operation.
        operation: &'static str,
    },
    /// A request body that cannot be encoded.
    Encode(String),
    /// The request failed in the transport, or the API answered with an error.
    Transport(zoho_invoice_transport::Error),
    /// The answer is not what the operation returns.
    Decode {
        /// The operation.
        operation: &'static str,
        /// What did not fit.
        reason: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidId(e) => e.fmt(f),
            Self::TooManyIds {
                operation,
                limit,
                given,
            } => {
                write!(
                    f,
                    "{operation}: at most {limit} ids per call, {given} given; nothing was sent"
                )
            }
            Self::NoIds { operation } => write!(f, "{operation}: no ids given; nothing was sent"),
            Self::Encode(reason) => write!(f, "the request body cannot be encoded: {reason}"),
            Self::Transport(e) => e.fmt(f),
            Self::Decode { operation, reason } => {
                write!(f, "{operation}: the answer does not decode: {reason}")
            }
        }
    }
}

impl Error {
    /// The same error, naming `operation` when it is a refused bulk call
    /// ([`NoIds`](Self::NoIds), [`TooManyIds`](Self::TooManyIds)).
    pub fn in_operation(mut self, name: &'static str) -> Self {
        if let Self::NoIds { operation } | Self::TooManyIds { operation, .. } = &mut self {
            *operation = name;
        }
        self
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::InvalidId(e) => Some(e),
            Self::Transport(e) => Some(e),
            _ => None,
        }
    }
}

impl From<zoho_invoice_transport::Error> for Error {
    fn from(e: zoho_invoice_transport::Error) -> Self {
        Self::Transport(e)
    }
}

impl From<InvalidId> for Error {
    fn from(e: InvalidId) -> Self {
        Self::InvalidId(e)
    }
}

impl Error {
    /// The transport's error, when the failure came from the network or the API.
    pub fn transport(&self) -> Option<&zoho_invoice_transport::Error> {
        match self {
            Self::Transport(e) => Some(e),
            _ => None,
        }
    }

    /// Whether the input was refused before anything was sent.
    pub fn is_invalid_input(&self) -> bool {
        matches!(
            self,
            Self::InvalidId(_) | Self::TooManyIds { .. } | Self::NoIds { .. } | Self::Encode(_)
        )
    }

    /// Whether the record does not exist (HTTP 404, Zoho code 1002).
    pub fn is_not_found(&self) -> bool {
        self.transport().is_some_and(|e| e.is_not_found())
    }

    /// Whether the call was refused for the rate limit or the daily quota.
    pub fn is_rate_limited(&self) -> bool {
        self.transport().is_some_and(|e| e.is_rate_limited())
    }

    /// Whether the token was refused.
    pub fn is_unauthorized(&self) -> bool {
        self.transport().is_some_and(|e| e.is_unauthorized())
    }

    /// Whether the server may have carried the call out although it failed: the transport's
    /// [`may_have_been_processed`](zoho_invoice_transport::Error::may_have_been_processed)
    /// (the connection broke after sending, a timeout, a 5xx), or an answer of success that
    /// does not decode ([`Decode`](Self::Decode)). Input refused before sending, and answers
    /// that refuse the call, say no.
    ///
    /// After a failed create, check it before creating again: when it is true, look the
    /// record up (by a reference number of your own) and create it only if it is absent.
    pub fn may_have_been_processed(&self) -> bool {
        match self {
            Self::Transport(e) => e.may_have_been_processed(),
            Self::Decode { .. } => true,
            Self::InvalidId(_) | Self::TooManyIds { .. } | Self::NoIds { .. } | Self::Encode(_) => {
                false
            }
        }
    }

    /// Zoho's `code`, when the API answered with one.
    pub fn code(&self) -> Option<i64> {
        self.transport().and_then(|e| e.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_call_that_reached_the_server_may_have_been_processed() {
        let decode = Error::Decode {
            operation: "Create an invoice",
            reason: "EOF while parsing".into(),
        };
        assert!(decode.may_have_been_processed(), "success, but unreadable");
        let reset = Error::from(zoho_invoice_transport::Error::Network("reset".into()));
        assert!(reset.may_have_been_processed());
        let refused = Error::from(zoho_invoice_transport::Error::Connect("refused".into()));
        assert!(!refused.may_have_been_processed());
        assert!(!Error::NoIds { operation: "x" }.may_have_been_processed());
        assert!(!Error::Encode("x".into()).may_have_been_processed());
    }
}
