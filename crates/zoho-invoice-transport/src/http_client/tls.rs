//! TLS configuration: rustls with the ring provider.

use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use rustls::{ClientConfig, RootCertStore};

use crate::error::{Error, ErrorKind};

/// Which certificates the transport trusts.
#[derive(Clone, Debug)]
pub struct TlsRoots {
    built_in: bool,
    extra: Vec<CertificateDer<'static>>,
}

impl Default for TlsRoots {
    /// The built-in roots: Mozilla's set from `webpki-roots`, or the operating system's store
    /// with the `native-roots` feature.
    fn default() -> Self {
        Self {
            built_in: true,
            extra: Vec::new(),
        }
    }
}

impl TlsRoots {
    /// Trusts only the certificates added with [`add_der`](Self::add_der).
    pub fn empty() -> Self {
        Self {
            built_in: false,
            extra: Vec::new(),
        }
    }

    /// Also trusts this DER-encoded certificate (a private CA, a test server's certificate).
    pub fn add_der(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.extra.push(CertificateDer::from(der.into()));
        self
    }

    fn store(&self) -> Result<RootCertStore, Error> {
        let mut store = RootCertStore::empty();
        if self.built_in {
            add_built_in(&mut store)?;
        }
        for cert in &self.extra {
            store.add(cert.clone()).map_err(|e| {
                Error::from(ErrorKind::Config(format!("bad root certificate: {e}")))
            })?;
        }
        if store.is_empty() {
            return Err(ErrorKind::Config("no trusted root certificate".into()).into());
        }
        Ok(store)
    }

    /// A rustls client configuration trusting these roots.
    pub(crate) fn client_config(&self) -> Result<ClientConfig, Error> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::from(ErrorKind::Config(format!("TLS: {e}"))))?
            .with_root_certificates(self.store()?)
            .with_no_client_auth();
        Ok(config)
    }
}

#[cfg(not(feature = "native-roots"))]
fn add_built_in(store: &mut RootCertStore) -> Result<(), Error> {
    store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    Ok(())
}

#[cfg(feature = "native-roots")]
fn add_built_in(store: &mut RootCertStore) -> Result<(), Error> {
    let found = rustls_native_certs::load_native_certs();
    let (added, _ignored) = store.add_parsable_certificates(found.certs);
    if added == 0 {
        return Err(ErrorKind::Config(
            "no usable certificate in the operating system's store".into(),
        )
        .into());
    }
    Ok(())
}
