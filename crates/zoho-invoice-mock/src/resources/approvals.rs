//! Approvals (a draft is submitted, then approved, then sent) and the statuses of credit
//! notes (draft, open, closed, void), moved as Zoho moves them.

use crate::ctx::Ctx;
use crate::reply::{ApiError, HResult};
use crate::resources::billing;
use crate::resources::defs::{CREDIT_NOTES, Res};
use crate::resources::generic;
use crate::state::cents;

/// `POST /things/{id}/submit`: a draft waits for approval.
pub(crate) fn submit(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let message = format!("The {} has been submitted for approval.", res.label);
    generic::transition(c, res, &["draft"], "pending_approval", &message)
}

/// `POST /things/{id}/approve`: a submitted record is approved (and may then be sent).
pub(crate) fn approve(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let message = format!("The {} has been approved.", res.label);
    generic::transition(c, res, &["pending_approval"], "approved", &message)
}

/// `POST /creditnotes/{id}/void` (and `/status/void`): refused once credits are applied or
/// refunded.
pub(crate) fn void_credit_note(c: &mut Ctx<'_>) -> HResult {
    let id = c.last_param().to_string();
    let rec = generic::load(c, &CREDIT_NOTES, &id)?;
    let used = cents(rec.get("credits_used")).unwrap_or(0)
        + cents(rec.get("refunded_amount")).unwrap_or(0);
    if used > 0 {
        return Err(ApiError::state(
            "Credit notes with credits applied or refunded cannot be voided.",
        ));
    }
    billing::void(c, &CREDIT_NOTES)
}

/// `POST /creditnotes/{id}/status/draft`: a void credit note becomes a draft.
pub(crate) fn credit_note_to_draft(c: &mut Ctx<'_>) -> HResult {
    generic::transition(
        c,
        &CREDIT_NOTES,
        &["void"],
        "draft",
        "Status of the credit note has been changed to draft.",
    )
}

/// `POST /creditnotes/{id}/status/open` (a draft or an approved credit note) and
/// `POST /creditnotes/{id}/converttoopen` (a void one) make it open.
pub(crate) fn open_credit_note(c: &mut Ctx<'_>, from: &[&str]) -> HResult {
    let id = c.last_param().to_string();
    let rec = generic::load(c, &CREDIT_NOTES, &id)?;
    let status = crate::state::text(rec.get("status")).unwrap_or_default();
    let message = format!("Status of the credit note changed from {status} to open.");
    generic::transition(c, &CREDIT_NOTES, from, "open", &message)
}
