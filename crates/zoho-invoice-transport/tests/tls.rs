//! Real TLS on loopback: a self-signed certificate made in the test, trusted through a custom
//! root store; the same server is refused with the built-in roots.

#![cfg(feature = "client")]
#![allow(clippy::unwrap_used)] // a test helper outside #[test] functions

use std::sync::Arc;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use secrecy::SecretString;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use zoho_invoice_transport::{ApiRequest, HttpTransport, Region, RetryPolicy, TlsRoots, Transport};

/// Serves `connections` TLS connections, answering one request on each.
async fn tls_server(connections: usize) -> (u16, Vec<u8>) {
    let cert =
        rcgen::generate_simple_self_signed(vec!["localhost".into(), "127.0.0.1".into()]).unwrap();
    let cert_der = cert.cert.der().to_vec();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.key_pair.serialize_der()));
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![CertificateDer::from(cert_der.clone())], key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        for _ in 0..connections {
            let (tcp, _) = listener.accept().await.unwrap();
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut seen = Vec::new();
                let mut buf = [0u8; 1024];
                while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    let n = tls.read(&mut buf).await.unwrap();
                    if n == 0 {
                        return;
                    }
                    seen.extend_from_slice(&buf[..n]);
                }
                let body = r#"{"code":0,"message":"success"}"#;
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                tls.write_all(response.as_bytes()).await.unwrap();
                tls.shutdown().await.ok();
            });
        }
    });
    (port, cert_der)
}

fn region(port: u16) -> Region {
    let base = format!("https://127.0.0.1:{port}");
    Region::custom(format!("{base}/invoice/v3"), base)
}

#[tokio::test]
async fn a_self_signed_certificate_is_trusted_through_a_custom_root_store() {
    let (port, cert) = tls_server(1).await;
    let transport = HttpTransport::builder()
        .region(region(port))
        .tls_roots(TlsRoots::empty().add_der(cert))
        .static_token(SecretString::from("t"))
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    let response = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(response.zoho_code(), Some((0, Some("success".into()))));
}

#[tokio::test]
async fn an_untrusted_certificate_is_refused() {
    let (port, _cert) = tls_server(1).await;
    let transport = HttpTransport::builder()
        .region(region(port))
        .static_token(SecretString::from("t"))
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_connect(), "{error}");
    assert!(
        error.to_string().to_lowercase().contains("certificate"),
        "{error}"
    );
}
