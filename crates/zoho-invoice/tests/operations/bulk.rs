//! Bulk calls: the limits Zoho documents are checked before anything is sent, the error names
//! the operation and both numbers, a list at the limit goes out whole, and an empty list is
//! refused.

use zoho_invoice::estimates::{self, BulkExportEstimates, BulkPrintEstimates, EmailEstimates};
use zoho_invoice::invoices::{
    self, BulkExportInvoices, BulkPrintInvoices, BulkRemindInvoices, EmailInvoices,
};
use zoho_invoice::models::ids::Id;
use zoho_invoice::models::invoices::BulkEmailInput;
use zoho_invoice::time_entries::DeleteTimeEntries;
use zoho_invoice::{Endpoint, ErrorKind, Operation};

use crate::support::Recorder;

fn ids<K>(n: u64) -> Vec<Id<K>> {
    (1..=n).map(|i| Id::from(982_000_000_000_000 + i)).collect()
}

/// Sends `operation` through a client and returns the error's kind and operation, checking
/// that nothing was sent.
async fn refused<E: Endpoint>(operation: E) -> (ErrorKind, Option<Operation>)
where
    E::Output: std::fmt::Debug,
{
    let recorder = Recorder::answering("{}");
    let err = recorder.client().send(&operation).await.unwrap_err();
    assert!(recorder.sent().is_empty(), "{err}: nothing may be sent");
    assert!(err.is_invalid_input(), "{err}");
    (err.kind().clone(), err.operation().cloned())
}

#[tokio::test]
async fn a_list_over_the_limit_is_refused_before_sending() {
    let cases = [
        (
            refused(EmailInvoices::new(ids(11), BulkEmailInput::default())).await,
            EmailInvoices::OPERATION,
            10,
        ),
        (
            refused(BulkRemindInvoices::new(ids(11))).await,
            BulkRemindInvoices::OPERATION,
            10,
        ),
        (
            refused(BulkExportInvoices::new(ids(26))).await,
            BulkExportInvoices::OPERATION,
            25,
        ),
        (
            refused(BulkPrintInvoices::new(ids(26))).await,
            BulkPrintInvoices::OPERATION,
            25,
        ),
        (
            refused(EmailEstimates::new(ids(11))).await,
            EmailEstimates::OPERATION,
            10,
        ),
        (
            refused(BulkExportEstimates::new(ids(26))).await,
            BulkExportEstimates::OPERATION,
            25,
        ),
        (
            refused(BulkPrintEstimates::new(ids(26))).await,
            BulkPrintEstimates::OPERATION,
            25,
        ),
    ];
    for ((kind, operation), expected, limit) in cases {
        assert_eq!(operation.as_ref(), Some(&expected), "{kind:?}");
        match kind {
            ErrorKind::TooManyIds { limit: l, given } => {
                assert_eq!((l, given), (limit, limit + 1), "{}", expected.name);
            }
            other => panic!("{}: expected TooManyIds, got {other:?}", expected.name),
        }
    }
    assert_eq!((invoices::MAX_BULK_EMAIL, invoices::MAX_BULK_PDF), (10, 25));
    assert_eq!(
        (estimates::MAX_BULK_EMAIL, estimates::MAX_BULK_PDF),
        (10, 25)
    );
}

#[tokio::test]
async fn an_empty_list_is_refused_before_sending() {
    let cases = [
        (
            refused(BulkRemindInvoices::new(ids(0))).await,
            BulkRemindInvoices::OPERATION,
        ),
        (
            refused(EmailEstimates::new(ids(0))).await,
            EmailEstimates::OPERATION,
        ),
        (
            refused(DeleteTimeEntries::new(ids(0))).await,
            DeleteTimeEntries::OPERATION,
        ),
    ];
    for ((kind, operation), expected) in cases {
        assert!(
            matches!(kind, ErrorKind::NoIds),
            "{}: {kind:?}",
            expected.name
        );
        assert_eq!(operation, Some(expected));
    }
}

#[test]
fn a_list_at_the_limit_goes_out_whole() {
    let count = |query: Option<&str>| query.map_or(0, |q| q.split("%2C").count());
    let export = BulkExportInvoices::new(ids(25)).request().unwrap();
    assert_eq!(count(export.uri().query()), 25, "{:?}", export.uri());
    let email = EmailInvoices::new(ids(10), BulkEmailInput::default())
        .request()
        .unwrap();
    assert_eq!(count(email.uri().query()), 10, "{:?}", email.uri());
}
