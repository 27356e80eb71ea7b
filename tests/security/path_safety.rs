//! Path safety: ids made of `/`, `..`, `?`, `#`, `%`, spaces, non-ASCII and friends, whether
//! typed in by a caller (checked) or decoded from a server's answer (taken as sent), either
//! are refused with a typed `InvalidId` before anything is sent, or the request that reaches
//! the network has exactly the intended segments under the intended resource: percent-decoded
//! segment by segment they are the ids, no segment is `.` or `..`, and nothing escapes into
//! the query or a fragment.

use std::sync::{Arc, Mutex};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use secrecy::SecretString;
use zoho_invoice::ErrorKind;
use zoho_invoice::contacts::{GetContact, GetContactPerson};
use zoho_invoice::invoices::{DeleteInvoiceComment, GetInvoice, UpdateInvoiceComment};
use zoho_invoice::models::ids::{CommentId, ContactId, ContactPersonId, Id, InvoiceId, check_id};
use zoho_invoice::models::invoices::InvoiceCommentInput;
use zoho_invoice::transport::{ApiRequest, ApiResponse, HttpTransport, Region};
use zoho_invoice::{Client, Endpoint, Error};

use crate::support::{alone, current_thread};

/// Pieces ids are made of: the dangerous ones and a few ordinary ones.
const ATOMS: &[&str] = &[
    "/",
    "..",
    ".",
    "?",
    "#",
    "%",
    "%2F",
    "%2e%2e",
    "%00",
    " ",
    "+",
    "&",
    "=",
    ";",
    ":",
    "@",
    "\\",
    "\t",
    "\n",
    "é",
    "日本",
    "💸",
    "a",
    "Z",
    "7",
    "982000000567114",
    "-",
    "_",
    "~",
];

fn id_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ATOMS), 0..8).prop_map(|v| v.concat())
}

/// The URIs the network was asked for.
type Sent = Arc<Mutex<Vec<String>>>;

/// A client over the default stack whose network is a recorder.
fn recording_client() -> (Client, Sent) {
    let sent = Sent::default();
    let record = sent.clone();
    let network = tower::service_fn(move |request: ApiRequest| {
        record.lock().unwrap().push(request.uri().to_string());
        async { Ok(ApiResponse::json_ok(r#"{"code":0,"message":"success"}"#)) }
    });
    let transport = HttpTransport::builder()
        .region(Region::Com)
        .static_token(SecretString::from("1000.path.token"))
        .organization_id("10234695")
        .no_rate_limit()
        .http_service(network)
        .build()
        .expect("a transport");
    (Client::new(transport), sent)
}

/// Percent-decodes one path segment; `+` stays `+` in a path.
fn percent_decode(text: &str, plus_is_space: bool) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3).expect("two hex digits after %");
                out.push(u8::from_str_radix(hex, 16).expect("hex digits"));
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// The decoded segments of a path, checking that each raw segment is made only of unreserved
/// characters and `%XX` escapes, and is not `.` or `..`.
fn segments(path: &str) -> Vec<String> {
    let rest = path.strip_prefix('/').expect("an absolute path");
    rest.split('/')
        .map(|raw| {
            assert!(raw != "." && raw != "..", "a dot segment in {path}");
            let plain = raw.bytes().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~' | b'%' | b'.')
            });
            assert!(plain, "an unescaped character in {path}");
            String::from_utf8(percent_decode(raw, false)).expect("UTF-8 segment")
        })
        .collect()
}

/// The decoded pairs of a query.
fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| String::from_utf8(percent_decode(s, true)).expect("UTF-8");
            (decode(k), decode(v))
        })
        .collect()
}

/// Sends `op`; checks that it is refused with `InvalidId` and nothing sent, or that exactly
/// one request went out, to `/invoice/v3` + `expected`, with the `query` pairs expected.
async fn check<E: Endpoint>(
    client: &Client,
    sent: &Sent,
    op: &E,
    expected: &[&str],
    query: &[(&str, &str)],
) {
    let before = sent.lock().unwrap().len();
    let result = client.send(op).await;
    let after: Vec<String> = sent.lock().unwrap()[before..].to_vec();
    if let Err(ErrorKind::InvalidId(_)) = result.as_ref().map_err(Error::kind) {
        assert!(after.is_empty(), "sent despite InvalidId: {after:?}");
        assert!(op.request().is_err());
        // Only an empty or blank id, or a dot segment, gets this far: anything else is
        // encoded.
        assert!(
            expected
                .iter()
                .any(|s| s.trim().is_empty() || *s == "." || *s == ".."),
            "{expected:?}"
        );
        return;
    }
    assert_eq!(after.len(), 1, "{after:?}");
    let uri: http::Uri = after[0].parse().expect("a URI");
    assert_eq!(uri.host(), Some("www.zohoapis.com"));
    let mut want = vec!["invoice".to_owned(), "v3".to_owned()];
    want.extend(expected.iter().map(|s| (*s).to_owned()));
    assert_eq!(segments(uri.path()), want, "{uri}");
    // The typed request, before the stack, says the same.
    let request = op.request().expect("the request");
    assert_eq!(segments(request.path()), want[2..], "{}", request.path());
    let got = uri.query().map(pairs).unwrap_or_default();
    let query: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    assert_eq!(got, query, "{uri}");
}

/// Ids of every kind made from `text`: checked (`None` when refused) or as a server sent it.
fn ids<K>(text: &str, checked: bool) -> Option<Id<K>> {
    if checked {
        let id = Id::new(text);
        assert_eq!(id.is_ok(), check_id(text).is_ok());
        if id.is_ok() {
            for bad in ["/", "?", "#", "%", "..", " ", "\t", "\\"] {
                assert!(!text.contains(bad), "{text:?} accepted");
            }
        }
        id.ok()
    } else {
        serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
    }
}

async fn check_all(client: &Client, sent: &Sent, a: &str, b: &str) {
    for checked in [true, false] {
        let invoice: Option<InvoiceId> = ids(a, checked);
        let comment: Option<CommentId> = ids(b, checked);
        let contact: Option<ContactId> = ids(a, checked);
        let person: Option<ContactPersonId> = ids(b, checked);
        if let Some(invoice_id) = invoice.clone() {
            let get = GetInvoice { invoice_id };
            check(client, sent, &get, &["invoices", a], &[]).await;
        }
        if let (Some(invoice_id), Some(comment_id)) = (invoice, comment) {
            let delete = DeleteInvoiceComment {
                invoice_id: invoice_id.clone(),
                comment_id: comment_id.clone(),
            };
            check(client, sent, &delete, &["invoices", a, "comments", b], &[]).await;
            let description = format!("{a}{b}");
            let update = UpdateInvoiceComment {
                invoice_id,
                comment_id,
                comment: InvoiceCommentInput {
                    description: Some(description.clone()),
                    ..Default::default()
                },
            };
            let query = [("description", description.as_str())];
            check(
                client,
                sent,
                &update,
                &["invoices", a, "comments", b],
                &query,
            )
            .await;
        }
        if let Some(contact_id) = contact.clone() {
            let get = GetContact { contact_id };
            check(client, sent, &get, &["contacts", a], &[]).await;
        }
        if let (Some(contact_id), Some(contact_person_id)) = (contact, person) {
            let get = GetContactPerson {
                contact_id,
                contact_person_id,
            };
            check(
                client,
                sent,
                &get,
                &["contacts", a, "contactpersons", b],
                &[],
            )
            .await;
        }
    }
}

#[test]
fn no_id_can_move_a_request_outside_its_resource() {
    alone(|| run_cases(512));
}

fn run_cases(cases: u32) {
    let (client, sent) = recording_client();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&(id_text(), id_text()), |(a, b)| {
            runtime.block_on(check_all(&client, &sent, &a, &b));
            Ok(())
        })
        .unwrap();
    assert!(
        sent.lock().unwrap().len() > cases as usize,
        "requests were sent"
    );
}

#[test]
fn the_classic_attacks_stay_inside_the_resource() {
    current_thread(false, async {
        let (client, sent) = recording_client();
        for (a, b) in [
            ("../contacts", "1"),
            ("..", ".."),
            ("1?organization_id=666", "2#x"),
            ("%2e%2e%2fcontacts", "%2F"),
            ("1/../../users", "2"),
            ("982000000567114", "日本 語"),
        ] {
            check_all(&client, &sent, a, b).await;
        }
        // Ids from a server's answer are taken as sent, so these reached the network, encoded
        // (all but `..` itself, which a server could decode and climb with: refused).
        let sent = sent.lock().unwrap();
        let dot_dot = |uri: &String| uri.split(['/', '?']).any(|segment| segment == "%2E%2E");
        assert!(!sent.iter().any(dot_dot), "{sent:#?}");
        for encoded in [
            "/invoices/%2E%2E%2Fcontacts",
            "/comments/%252F",
            "/invoices/1%3Forganization_id%3D666",
        ] {
            assert!(
                sent.iter().any(|uri| uri.contains(encoded)),
                "{encoded} in {sent:#?}"
            );
        }
    });
}
