//! What went wrong with Redis, told without secrets, and the transport error it becomes.

use std::time::Duration;

use zoho_invoice_transport::{Error, ErrorKind};

/// A Redis call that failed: an error from the client, or no answer in time.
#[derive(Debug)]
pub(crate) enum RedisFailure {
    /// The client's error.
    Redis(redis::RedisError),
    /// No answer within the fleet's call timeout.
    Timeout(Duration),
}

impl From<redis::RedisError> for RedisFailure {
    fn from(error: redis::RedisError) -> Self {
        Self::Redis(error)
    }
}

impl RedisFailure {
    /// Why, in words that carry no secret: never the client's own message, which may quote
    /// the server's address or a reply.
    pub(crate) fn reason(&self) -> String {
        match self {
            Self::Timeout(after) => format!("no answer within {} ms", after.as_millis()),
            Self::Redis(error) if error.is_connection_refusal() => "connection refused".into(),
            Self::Redis(error) if error.is_timeout() => "timed out".into(),
            Self::Redis(error) if error.is_connection_dropped() => "connection dropped".into(),
            Self::Redis(error) if error.is_io_error() => "I/O error".into(),
            Self::Redis(error) if error.kind() == redis::ErrorKind::ClusterConnectionNotFound => {
                "no node of the cluster answers".into()
            }
            Self::Redis(error) => format!("Redis error {:?}", error.kind()),
        }
    }
}

/// The transport error a call gets when the fleet's Redis cannot be used and the policy is
/// to fail fast: a connect error (nothing was sent) that names Redis and the reason.
pub(crate) fn unreachable(reason: &str) -> Error {
    Error::new(ErrorKind::Connect(format!(
        "the fleet's Redis is unreachable ({reason})"
    )))
}

/// A configuration the crate refuses.
pub(crate) fn config(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Config(message.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unreachable_error_says_redis_and_that_nothing_was_sent() {
        let error = unreachable("connection refused");
        assert!(error.is_connect());
        assert!(!error.may_have_been_processed());
        let text = error.to_string();
        assert!(
            text.contains("Redis is unreachable (connection refused)"),
            "{text}"
        );
        assert!(text.contains("nothing was sent"), "{text}");
    }

    #[test]
    fn reasons_never_quote_the_client() {
        let refused = redis::RedisError::from(std::io::Error::new(
            std::io::ErrorKind::ConnectionRefused,
            "redis://:hunter2@10.0.0.1",
        ));
        let reason = RedisFailure::Redis(refused).reason();
        assert_eq!(reason, "connection refused");
        let other = redis::RedisError::from((
            redis::ErrorKind::Client,
            "bad",
            "redis://:hunter2@host".to_owned(),
        ));
        let reason = RedisFailure::Redis(other).reason();
        assert!(!reason.contains("hunter2"), "{reason}");
        let cluster = redis::RedisError::from((
            redis::ErrorKind::ClusterConnectionNotFound,
            "redis://:hunter2@10.0.0.1:7000",
        ));
        assert_eq!(
            RedisFailure::Redis(cluster).reason(),
            "no node of the cluster answers"
        );
        assert_eq!(
            RedisFailure::Timeout(Duration::from_millis(1500)).reason(),
            "no answer within 1500 ms"
        );
    }
}
