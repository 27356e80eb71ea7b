//! The HTTP client at the bottom of the default stack: hyper-util's pooled client over
//! hyper-rustls (feature `client`; HTTP/2 with the feature `http2`).

mod hyper_client;
mod tls;

pub use hyper_client::{DEFAULT_MAX_BODY, HttpSettings, HyperClient};
pub use tls::TlsRoots;
