//! The blocking client's error type.

use std::fmt;
use std::time::Duration;

/// What a blocking call can fail with.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The call failed: refused input, the API's answer, the network (the async client's error).
    Api(zoho_invoice::Error),
    /// No answer within the calling side's timeout. The request may still complete.
    Timeout(Duration),
    /// The client's runtime thread is gone (it could not start, or it stopped).
    Shutdown,
    /// The runtime thread could not be started.
    Runtime(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api(e) => e.fmt(f),
            Self::Timeout(d) => write!(f, "no answer within {d:?}"),
            Self::Shutdown => f.write_str("the blocking client's runtime thread has stopped"),
            Self::Runtime(reason) => {
                write!(f, "the blocking client's runtime could not start: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Api(e) => Some(e),
            _ => None,
        }
    }
}

impl From<zoho_invoice::Error> for Error {
    fn from(e: zoho_invoice::Error) -> Self {
        Self::Api(e)
    }
}

impl Error {
    /// The async client's error, when the call itself failed.
    pub fn api(&self) -> Option<&zoho_invoice::Error> {
        match self {
            Self::Api(e) => Some(e),
            _ => None,
        }
    }

    /// Whether the record does not exist.
    pub fn is_not_found(&self) -> bool {
        self.api().is_some_and(|e| e.is_not_found())
    }

    /// Whether the input was refused before anything was sent.
    pub fn is_invalid_input(&self) -> bool {
        self.api().is_some_and(|e| e.is_invalid_input())
    }
}
