//! The operation table: every row of the reference's endpoint table, plus receipt upload and
//! download, mapped to handlers. Paths are relative to `/invoice/v3`.

use serde_json::json;

use crate::resources::defs::{
    CLIENT_REVIEWS, CONTACT_ADDRESSES, CONTACT_COMMENTS, CONTACT_PERSONS, CONTACTS,
    CREDIT_NOTE_COMMENTS, CREDIT_NOTE_REFUNDS, CREDIT_NOTES, ESTIMATE_COMMENTS, ESTIMATES,
    EXPENSE_CATEGORIES, EXPENSES, INVOICE_COMMENTS, INVOICES, ITEMS, PAYMENT_REFUNDS, PAYMENTS,
    PRICEBOOKS, PROJECT_COMMENTS, PROJECTS, RECURRING_EXPENSES, RECURRING_INVOICE_COMMENTS,
    RECURRING_INVOICES, RETAINER_COMMENTS, RETAINER_INVOICES, TASKS, TIME_ENTRIES,
};
use crate::resources::defs::{
    CURRENCIES, EXCHANGE_RATES, EXPENSE_COMMENTS, RECURRING_EXPENSE_COMMENTS, TAX_AUTHORITIES,
    TAX_EXEMPTIONS, TAX_GROUPS, TAXES, USERS,
};
use crate::resources::misc::{MAX_BULK_EMAIL, templates};
use crate::resources::{
    approvals as ap, billing as b, books as bk, contacts as ct, generic as g, links as lk,
    misc as m, payments as p, projects as pr, settings as st,
};
use crate::router::{Route, route as r};

/// Every operation the server answers.
pub(crate) static ROUTES: &[Route] = &[
    // Items and price lists.
    r("POST", "/items", |c| g::create(c, &ITEMS)),
    r("GET", "/items", |c| g::list(c, &ITEMS)),
    r("PUT", "/items/{item_id}", |c| g::update(c, &ITEMS)),
    r("GET", "/items/{item_id}", |c| g::get(c, &ITEMS)),
    r("DELETE", "/items/{item_id}", |c| g::delete(c, &ITEMS)),
    r("POST", "/items/{item_id}/active", |c| {
        g::patch(
            c,
            &ITEMS,
            &[("status", json!("active"))],
            "The item has been marked as active.",
        )
    }),
    r("POST", "/items/{item_id}/inactive", |c| {
        g::patch(
            c,
            &ITEMS,
            &[("status", json!("inactive"))],
            "The item has been marked as inactive.",
        )
    }),
    r("POST", "/pricebooks", |c| g::create(c, &PRICEBOOKS)),
    r("GET", "/pricebooks", |c| g::list(c, &PRICEBOOKS)),
    r("PUT", "/pricebooks/{pricebook_id}", |c| {
        g::update(c, &PRICEBOOKS)
    }),
    r("GET", "/pricebooks/{pricebook_id}", |c| {
        g::get(c, &PRICEBOOKS)
    }),
    r("DELETE", "/pricebooks/{pricebook_id}", |c| {
        g::delete(c, &PRICEBOOKS)
    }),
    // Contacts.
    r("POST", "/contacts", ct::create_contact),
    r("GET", "/contacts", |c| g::list(c, &CONTACTS)),
    r("PUT", "/contacts/{contact_id}", ct::update_contact),
    r("DELETE", "/contacts/{contact_id}", |c| {
        g::delete(c, &CONTACTS)
    }),
    r("GET", "/contacts/{contact_id}", ct::get_contact),
    r("POST", "/contacts/{contact_id}/active", |c| {
        g::patch(
            c,
            &CONTACTS,
            &[("status", json!("active"))],
            "The contact has been marked as active.",
        )
    }),
    r("POST", "/contacts/{contact_id}/inactive", |c| {
        g::patch(
            c,
            &CONTACTS,
            &[("status", json!("inactive"))],
            "The contact has been marked as inactive.",
        )
    }),
    r("POST", "/contacts/{contact_id}/portal/enable", |c| {
        g::check_body(c, &CONTACTS, "POST /contacts/{contact_id}/portal/enable")?;
        g::patch(
            c,
            &CONTACTS,
            &[("is_portal_enabled", json!(true))],
            "Client Portal preferences have been updated",
        )
    }),
    r("GET", "/clientreviews", |c| g::list(c, &CLIENT_REVIEWS)),
    r("GET", "/clientreviews/{comment_id}", ct::get_review),
    r(
        "POST",
        "/clientreviews/{comment_id}/comment",
        ct::reply_review,
    ),
    r(
        "POST",
        "/contacts/{contact_id}/paymentreminder/enable",
        |c| {
            g::patch(
                c,
                &CONTACTS,
                &[("payment_reminder_enabled", json!(true))],
                "All reminders associated with this contact have been enabled.",
            )
        },
    ),
    r(
        "POST",
        "/contacts/{contact_id}/paymentreminder/disable",
        |c| {
            g::patch(
                c,
                &CONTACTS,
                &[("payment_reminder_enabled", json!(false))],
                "All reminders associated with this contact have been stopped.",
            )
        },
    ),
    r("POST", "/contacts/{contact_id}/statements/email", |c| {
        g::check_body(c, &CONTACTS, "POST /contacts/{contact_id}/statements/email")?;
        g::ack(c, &CONTACTS, "Statement has been sent to the customer.")
    }),
    r(
        "GET",
        "/contacts/{contact_id}/statements/email",
        ct::statement_content,
    ),
    r("POST", "/contacts/{contact_id}/email", |c| {
        g::check_body(c, &CONTACTS, "POST /contacts/{contact_id}/email")?;
        g::ack(c, &CONTACTS, "Email has been sent.")
    }),
    r("GET", "/contacts/{contact_id}/comments", |c| {
        g::list(c, &CONTACT_COMMENTS)
    }),
    r("POST", "/contacts/{contact_id}/address", |c| {
        g::create(c, &CONTACT_ADDRESSES)
    }),
    r("GET", "/contacts/{contact_id}/address", |c| {
        g::list(c, &CONTACT_ADDRESSES)
    }),
    r("PUT", "/contacts/{contact_id}/address/{address_id}", |c| {
        g::update(c, &CONTACT_ADDRESSES)
    }),
    r(
        "DELETE",
        "/contacts/{contact_id}/address/{address_id}",
        |c| g::delete(c, &CONTACT_ADDRESSES),
    ),
    r(
        "GET",
        "/contacts/{contact_id}/refunds",
        p::list_credit_refunds,
    ),
    r("POST", "/contacts/contactpersons", |c| {
        g::create(c, &CONTACT_PERSONS)
    }),
    r("PUT", "/contacts/contactpersons/{contact_person_id}", |c| {
        g::update(c, &CONTACT_PERSONS)
    }),
    r(
        "DELETE",
        "/contacts/contactpersons/{contact_person_id}",
        |c| g::delete(c, &CONTACT_PERSONS),
    ),
    r("GET", "/contacts/{contact_id}/contactpersons", |c| {
        g::list(c, &CONTACT_PERSONS)
    }),
    r(
        "GET",
        "/contacts/{contact_id}/contactpersons/{contact_person_id}",
        |c| g::get(c, &CONTACT_PERSONS),
    ),
    r(
        "POST",
        "/contacts/contactpersons/{contact_person_id}/primary",
        ct::mark_primary,
    ),
    // Estimates.
    r("POST", "/estimates", |c| g::create(c, &ESTIMATES)),
    r("GET", "/estimates", |c| g::list(c, &ESTIMATES)),
    r("PUT", "/estimates/{estimate_id}", |c| {
        g::update(c, &ESTIMATES)
    }),
    r("GET", "/estimates/{estimate_id}", |c| g::get(c, &ESTIMATES)),
    r("DELETE", "/estimates/{estimate_id}", |c| {
        g::delete(c, &ESTIMATES)
    }),
    r("POST", "/estimates/{estimate_id}/status/sent", |c| {
        b::mark_sent(c, &ESTIMATES)
    }),
    r("POST", "/estimates/{estimate_id}/status/accepted", |c| {
        b::estimate_decision(c, &ESTIMATES, "accepted")
    }),
    r("POST", "/estimates/{estimate_id}/status/declined", |c| {
        b::estimate_decision(c, &ESTIMATES, "declined")
    }),
    r("POST", "/estimates/{estimate_id}/email", |c| {
        b::email_one(c, &ESTIMATES)
    }),
    r("GET", "/estimates/{estimate_id}/email", |c| {
        b::email_content(c, &ESTIMATES)
    }),
    r("POST", "/estimates/email", |c| {
        b::bulk_email(c, &ESTIMATES, "estimate_ids", MAX_BULK_EMAIL, false)
    }),
    r("GET", "/estimates/pdf", |c| {
        m::bulk_pdf(c, &ESTIMATES, "estimate_ids")
    }),
    r("GET", "/estimates/print", |c| {
        m::bulk_pdf(c, &ESTIMATES, "estimate_ids")
    }),
    r("PUT", "/estimates/{estimate_id}/address/billing", |c| {
        b::set_address(c, &ESTIMATES, "billing_address")
    }),
    r("PUT", "/estimates/{estimate_id}/address/shipping", |c| {
        b::set_address(c, &ESTIMATES, "shipping_address")
    }),
    r("GET", "/estimates/templates", |c| templates(c, "estimate")),
    r(
        "PUT",
        "/estimates/{estimate_id}/templates/{template_id}",
        |c| b::set_template(c, &ESTIMATES),
    ),
    r("POST", "/estimates/{estimate_id}/comments", |c| {
        g::create(c, &ESTIMATE_COMMENTS)
    }),
    r("GET", "/estimates/{estimate_id}/comments", |c| {
        g::list(c, &ESTIMATE_COMMENTS)
    }),
    r(
        "PUT",
        "/estimates/{estimate_id}/comments/{comment_id}",
        |c| g::update(c, &ESTIMATE_COMMENTS),
    ),
    r(
        "DELETE",
        "/estimates/{estimate_id}/comments/{comment_id}",
        |c| g::delete(c, &ESTIMATE_COMMENTS),
    ),
    // Invoices.
    r("POST", "/invoices", |c| g::create(c, &INVOICES)),
    r("GET", "/invoices", |c| g::list(c, &INVOICES)),
    r("PUT", "/invoices/{invoice_id}", |c| g::update(c, &INVOICES)),
    r("GET", "/invoices/{invoice_id}", |c| g::get(c, &INVOICES)),
    r("DELETE", "/invoices/{invoice_id}", |c| {
        g::delete(c, &INVOICES)
    }),
    r("POST", "/invoices/{invoice_id}/status/sent", |c| {
        b::mark_sent(c, &INVOICES)
    }),
    r("POST", "/invoices/{invoice_id}/status/void", |c| {
        b::void(c, &INVOICES)
    }),
    r("POST", "/invoices/{invoice_id}/status/draft", |c| {
        b::mark_draft(c, &INVOICES)
    }),
    r("POST", "/invoices/{invoice_id}/email", |c| {
        b::email_one(c, &INVOICES)
    }),
    r("GET", "/invoices/{invoice_id}/email", |c| {
        b::email_content(c, &INVOICES)
    }),
    r("POST", "/invoices/email", |c| {
        b::bulk_email(c, &INVOICES, "invoice_ids", MAX_BULK_EMAIL, false)
    }),
    r("POST", "/invoices/{invoice_id}/paymentreminder", |c| {
        g::ack(c, &INVOICES, "Your payment reminder has been sent.")
    }),
    r("GET", "/invoices/{invoice_id}/paymentreminder", |c| {
        b::email_content(c, &INVOICES)
    }),
    r("POST", "/invoices/paymentreminder", |c| {
        b::bulk_email(c, &INVOICES, "invoice_ids", MAX_BULK_EMAIL, true)
    }),
    r("GET", "/invoices/pdf", |c| {
        m::bulk_pdf(c, &INVOICES, "invoice_ids")
    }),
    r("GET", "/invoices/print", |c| {
        m::bulk_pdf(c, &INVOICES, "invoice_ids")
    }),
    r(
        "POST",
        "/invoices/{invoice_id}/paymentreminder/disable",
        |c| {
            g::patch(
                c,
                &INVOICES,
                &[("payment_reminder_enabled", json!(false))],
                "Reminders stopped.",
            )
        },
    ),
    r(
        "POST",
        "/invoices/{invoice_id}/paymentreminder/enable",
        |c| {
            g::patch(
                c,
                &INVOICES,
                &[("payment_reminder_enabled", json!(true))],
                "Reminders enabled.",
            )
        },
    ),
    r("POST", "/invoices/{invoice_id}/writeoff", b::write_off),
    r(
        "POST",
        "/invoices/{invoice_id}/writeoff/cancel",
        b::cancel_write_off,
    ),
    r("PUT", "/invoices/{invoice_id}/address/billing", |c| {
        b::set_address(c, &INVOICES, "billing_address")
    }),
    r("PUT", "/invoices/{invoice_id}/address/shipping", |c| {
        b::set_address(c, &INVOICES, "shipping_address")
    }),
    r("GET", "/invoices/templates", |c| templates(c, "invoice")),
    r(
        "PUT",
        "/invoices/{invoice_id}/templates/{template_id}",
        |c| b::set_template(c, &INVOICES),
    ),
    r(
        "GET",
        "/invoices/{invoice_id}/payments",
        p::list_invoice_payments,
    ),
    r(
        "GET",
        "/invoices/{invoice_id}/creditsapplied",
        p::list_credits_applied,
    ),
    r("POST", "/invoices/{invoice_id}/credits", p::apply_credits),
    r(
        "DELETE",
        "/invoices/{invoice_id}/payments/{invoice_payment_id}",
        p::delete_invoice_payment,
    ),
    r(
        "DELETE",
        "/invoices/{invoice_id}/creditsapplied/{creditnotes_invoice_id}",
        |c| p::delete_credit_application(c, "invoice_id"),
    ),
    r("POST", "/invoices/{invoice_id}/attachment", |c| {
        m::add_attachment(c, &INVOICES)
    }),
    r("PUT", "/invoices/{invoice_id}/attachment", |c| {
        m::attachment_preference(c, &INVOICES)
    }),
    r("GET", "/invoices/{invoice_id}/attachment", |c| {
        m::get_attachment(c, &INVOICES)
    }),
    r("DELETE", "/invoices/{invoice_id}/attachment", |c| {
        m::delete_attachment(c, &INVOICES)
    }),
    r(
        "DELETE",
        "/invoices/expenses/{expense_id}/receipt",
        m::delete_receipt,
    ),
    r("POST", "/invoices/{invoice_id}/comments", |c| {
        g::create(c, &INVOICE_COMMENTS)
    }),
    r("GET", "/invoices/{invoice_id}/comments", |c| {
        g::list(c, &INVOICE_COMMENTS)
    }),
    r("PUT", "/invoices/{invoice_id}/comments/{comment_id}", |c| {
        g::update(c, &INVOICE_COMMENTS)
    }),
    r(
        "DELETE",
        "/invoices/{invoice_id}/comments/{comment_id}",
        |c| g::delete(c, &INVOICE_COMMENTS),
    ),
    // Recurring invoices.
    r("POST", "/recurringinvoices", |c| {
        g::create(c, &RECURRING_INVOICES)
    }),
    r("GET", "/recurringinvoices", |c| {
        g::list(c, &RECURRING_INVOICES)
    }),
    r("PUT", "/recurringinvoices/{recurring_invoice_id}", |c| {
        g::update(c, &RECURRING_INVOICES)
    }),
    r("GET", "/recurringinvoices/{recurring_invoice_id}", |c| {
        g::get(c, &RECURRING_INVOICES)
    }),
    r("DELETE", "/recurringinvoices/{recurring_invoice_id}", |c| {
        g::delete(c, &RECURRING_INVOICES)
    }),
    r(
        "POST",
        "/recurringinvoices/{recurring_invoice_id}/status/stop",
        |c| {
            g::transition(
                c,
                &RECURRING_INVOICES,
                &["active"],
                "stopped",
                "The recurring invoice has been stopped.",
            )
        },
    ),
    r(
        "POST",
        "/recurringinvoices/{recurring_invoice_id}/status/resume",
        |c| {
            g::transition(
                c,
                &RECURRING_INVOICES,
                &["stopped"],
                "active",
                "The recurring invoice has been activated.",
            )
        },
    ),
    r(
        "PUT",
        "/recurringinvoices/{recurring_invoice_id}/templates/{template_id}",
        |c| b::set_template(c, &RECURRING_INVOICES),
    ),
    r(
        "GET",
        "/recurringinvoices/{recurring_invoice_id}/comments",
        |c| g::list(c, &RECURRING_INVOICE_COMMENTS),
    ),
    // Customer payments and their refunds.
    r("POST", "/customerpayments", |c| g::create(c, &PAYMENTS)),
    r("GET", "/customerpayments", |c| g::list(c, &PAYMENTS)),
    r("PUT", "/customerpayments/{payment_id}", |c| {
        g::update(c, &PAYMENTS)
    }),
    r(
        "GET",
        "/customerpayments/{payment_id}",
        p::get_payment_or_retainer_payments,
    ),
    r("DELETE", "/customerpayments/{payment_id}", |c| {
        g::delete(c, &PAYMENTS)
    }),
    r("POST", "/customerpayments/{payment_id}/refunds", |c| {
        g::create(c, &PAYMENT_REFUNDS)
    }),
    r("GET", "/customerpayments/{payment_id}/refunds", |c| {
        g::list(c, &PAYMENT_REFUNDS)
    }),
    r(
        "PUT",
        "/customerpayments/{payment_id}/refunds/{refund_id}",
        |c| g::update(c, &PAYMENT_REFUNDS),
    ),
    r(
        "GET",
        "/customerpayments/{payment_id}/refunds/{refund_id}",
        |c| g::get(c, &PAYMENT_REFUNDS),
    ),
    r(
        "DELETE",
        "/customerpayments/{payment_id}/refunds/{refund_id}",
        |c| g::delete(c, &PAYMENT_REFUNDS),
    ),
    // Retainer invoices.
    r("POST", "/retainerinvoices", |c| {
        g::create(c, &RETAINER_INVOICES)
    }),
    r("GET", "/retainerinvoices", |c| {
        g::list(c, &RETAINER_INVOICES)
    }),
    r("PUT", "/retainerinvoices/{retainerinvoice_id}", |c| {
        g::update(c, &RETAINER_INVOICES)
    }),
    r("GET", "/retainerinvoices/{retainerinvoice_id}", |c| {
        g::get(c, &RETAINER_INVOICES)
    }),
    r("DELETE", "/retainerinvoices/{retainerinvoice_id}", |c| {
        g::delete(c, &RETAINER_INVOICES)
    }),
    r(
        "POST",
        "/retainerinvoices/{retainerinvoice_id}/status/sent",
        |c| b::mark_sent(c, &RETAINER_INVOICES),
    ),
    r(
        "PUT",
        "/retainerinvoices/{retainerinvoice_id}/templates/{template_id}",
        |c| b::set_template(c, &RETAINER_INVOICES),
    ),
    r(
        "POST",
        "/retainerinvoices/{retainerinvoice_id}/status/void",
        |c| b::void(c, &RETAINER_INVOICES),
    ),
    r(
        "POST",
        "/retainerinvoices/{retainerinvoice_id}/status/draft",
        |c| b::mark_draft(c, &RETAINER_INVOICES),
    ),
    r(
        "POST",
        "/retainerinvoices/{retainerinvoice_id}/email",
        |c| b::email_one(c, &RETAINER_INVOICES),
    ),
    r("GET", "/retainerinvoices/{retainerinvoice_id}/email", |c| {
        b::email_content(c, &RETAINER_INVOICES)
    }),
    r(
        "PUT",
        "/retainerinvoices/{retainerinvoice_id}/address/billing",
        |c| b::set_address(c, &RETAINER_INVOICES, "billing_address"),
    ),
    r("GET", "/retainerinvoices/templates", |c| {
        templates(c, "retainer invoice")
    }),
    r(
        "POST",
        "/retainerinvoices/{retainerinvoice_id}/attachment",
        |c| m::add_attachment(c, &RETAINER_INVOICES),
    ),
    r(
        "GET",
        "/retainerinvoices/{retainerinvoice_id}/attachment",
        |c| m::get_attachment(c, &RETAINER_INVOICES),
    ),
    r(
        "DELETE",
        "/retainerinvoices/{retainerinvoice_id}/documents/{document_id}",
        |c| m::delete_attachment(c, &RETAINER_INVOICES),
    ),
    r(
        "GET",
        "/retainerinvoices/{retainerinvoice_id}/comments",
        |c| g::list(c, &RETAINER_COMMENTS),
    ),
    r(
        "POST",
        "/retainerinvoices/{retainerinvoice_id}/comments",
        |c| g::create(c, &RETAINER_COMMENTS),
    ),
    r(
        "PUT",
        "/retainerinvoices/{retainerinvoice_id}/comments/{comment_id}",
        |c| g::update(c, &RETAINER_COMMENTS),
    ),
    r(
        "DELETE",
        "/retainerinvoices/{retainerinvoice_id}/comments/{comment_id}",
        |c| g::delete(c, &RETAINER_COMMENTS),
    ),
    // Credit notes.
    r("POST", "/creditnotes", |c| g::create(c, &CREDIT_NOTES)),
    r("GET", "/creditnotes", |c| g::list(c, &CREDIT_NOTES)),
    r("PUT", "/creditnotes/{creditnote_id}", |c| {
        g::update(c, &CREDIT_NOTES)
    }),
    r("GET", "/creditnotes/{creditnote_id}", |c| {
        g::get(c, &CREDIT_NOTES)
    }),
    r("DELETE", "/creditnotes/{creditnote_id}", |c| {
        g::delete(c, &CREDIT_NOTES)
    }),
    r("POST", "/creditnotes/{creditnote_id}/email", |c| {
        g::check_body(c, &CREDIT_NOTES, "POST /creditnotes/{creditnote_id}/email")?;
        b::email_one(c, &CREDIT_NOTES)
    }),
    r(
        "POST",
        "/creditnotes/{creditnote_id}/void",
        ap::void_credit_note,
    ),
    r("POST", "/creditnotes/{creditnote_id}/converttoopen", |c| {
        ap::open_credit_note(c, &["void"])
    }),
    r("GET", "/creditnotes/{creditnote_id}/emailhistory", |c| {
        g::list(c, &CREDIT_NOTE_COMMENTS).map(|r| rename_list(r, "comments", "email_history"))
    }),
    r("PUT", "/creditnotes/{creditnote_id}/address/billing", |c| {
        b::set_address(c, &CREDIT_NOTES, "billing_address")
    }),
    r(
        "PUT",
        "/creditnotes/{creditnote_id}/address/shipping",
        |c| b::set_address(c, &CREDIT_NOTES, "shipping_address"),
    ),
    r("GET", "/creditnotes/templates", |c| {
        templates(c, "credit note")
    }),
    r(
        "PUT",
        "/creditnotes/{creditnote_id}/templates/{template_id}",
        |c| b::set_template(c, &CREDIT_NOTES),
    ),
    r(
        "POST",
        "/creditnotes/{creditnote_id}/invoices",
        p::credit_to_invoices,
    ),
    r(
        "GET",
        "/creditnotes/{creditnote_id}/invoices",
        p::list_invoices_credited,
    ),
    r(
        "DELETE",
        "/creditnotes/{creditnote_id}/invoices/{creditnote_invoice_id}",
        |c| p::delete_credit_application(c, "creditnote_id"),
    ),
    r("POST", "/creditnotes/{creditnote_id}/comments", |c| {
        g::create(c, &CREDIT_NOTE_COMMENTS)
    }),
    r("GET", "/creditnotes/{creditnote_id}/comments", |c| {
        g::list(c, &CREDIT_NOTE_COMMENTS)
    }),
    r(
        "DELETE",
        "/creditnotes/{creditnote_id}/comments/{comment_id}",
        |c| g::delete(c, &CREDIT_NOTE_COMMENTS),
    ),
    r("GET", "/creditnotes/refunds", p::list_credit_refunds),
    r("POST", "/creditnotes/{creditnote_id}/refunds", |c| {
        g::create(c, &CREDIT_NOTE_REFUNDS)
    }),
    r("GET", "/creditnotes/{creditnote_id}/refunds", |c| {
        g::list(c, &CREDIT_NOTE_REFUNDS)
    }),
    r(
        "PUT",
        "/creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}",
        |c| g::update(c, &CREDIT_NOTE_REFUNDS),
    ),
    r(
        "GET",
        "/creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}",
        |c| g::get(c, &CREDIT_NOTE_REFUNDS),
    ),
    r(
        "DELETE",
        "/creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}",
        |c| g::delete(c, &CREDIT_NOTE_REFUNDS),
    ),
    // Expenses, categories, recurring expenses.
    r("POST", "/expenses", |c| g::create(c, &EXPENSES)),
    r("GET", "/expenses", |c| g::list(c, &EXPENSES)),
    r("GET", "/expenses/{expense_id}", |c| g::get(c, &EXPENSES)),
    r("PUT", "/expenses/{expense_id}", |c| g::update(c, &EXPENSES)),
    r("DELETE", "/expenses/{expense_id}", |c| {
        g::delete(c, &EXPENSES)
    }),
    r("POST", "/expenses/{expense_id}/receipt", m::add_receipt),
    r("GET", "/expenses/{expense_id}/receipt", m::get_receipt),
    r("GET", "/expensecategories", |c| {
        g::list(c, &EXPENSE_CATEGORIES)
    }),
    r("POST", "/expensecategories", |c| {
        g::create(c, &EXPENSE_CATEGORIES)
    }),
    r("POST", "/recurringexpenses", |c| {
        g::create(c, &RECURRING_EXPENSES)
    }),
    r("GET", "/recurringexpenses", |c| {
        g::list(c, &RECURRING_EXPENSES)
    }),
    r("GET", "/recurringexpenses/{recurring_expense_id}", |c| {
        g::get(c, &RECURRING_EXPENSES)
    }),
    r("PUT", "/recurringexpenses/{recurring_expense_id}", |c| {
        g::update(c, &RECURRING_EXPENSES)
    }),
    r("DELETE", "/recurringexpenses/{recurring_expense_id}", |c| {
        g::delete(c, &RECURRING_EXPENSES)
    }),
    r(
        "POST",
        "/recurringexpenses/{recurring_expense_id}/status/stop",
        |c| {
            g::transition(
                c,
                &RECURRING_EXPENSES,
                &["active"],
                "stopped",
                "The recurring expense has been stopped.",
            )
        },
    ),
    r(
        "POST",
        "/recurringexpenses/{recurring_expense_id}/status/resume",
        |c| {
            g::transition(
                c,
                &RECURRING_EXPENSES,
                &["stopped"],
                "active",
                "The recurring expense has been activated.",
            )
        },
    ),
    // Projects, users, tasks, comments.
    r("POST", "/projects", |c| g::create(c, &PROJECTS)),
    r("GET", "/projects", |c| g::list(c, &PROJECTS)),
    r("PUT", "/projects/{project_id}", |c| g::update(c, &PROJECTS)),
    r("GET", "/projects/{project_id}", |c| g::get(c, &PROJECTS)),
    r("DELETE", "/projects/{project_id}", |c| {
        g::delete(c, &PROJECTS)
    }),
    r("POST", "/projects/{project_id}/active", |c| {
        g::patch(
            c,
            &PROJECTS,
            &[("status", json!("active"))],
            "The project has been marked as active.",
        )
    }),
    r("POST", "/projects/{project_id}/inactive", |c| {
        g::patch(
            c,
            &PROJECTS,
            &[("status", json!("inactive"))],
            "The project has been marked as inactive.",
        )
    }),
    r("POST", "/projects/{project_id}/clone", pr::clone_project),
    r("POST", "/projects/{project_id}/users", pr::assign_users),
    r("GET", "/projects/{project_id}/users", pr::list_users),
    r(
        "POST",
        "/projects/{project_id}/users/invite",
        pr::invite_user,
    ),
    r(
        "PUT",
        "/projects/{project_id}/users/{user_id}",
        pr::update_user,
    ),
    r(
        "GET",
        "/projects/{project_id}/users/{user_id}",
        pr::get_user,
    ),
    r(
        "DELETE",
        "/projects/{project_id}/users/{user_id}",
        pr::delete_user,
    ),
    r("POST", "/projects/{project_id}/comments", |c| {
        g::create(c, &PROJECT_COMMENTS)
    }),
    r("GET", "/projects/{project_id}/comments", |c| {
        g::list(c, &PROJECT_COMMENTS)
    }),
    r(
        "DELETE",
        "/projects/{project_id}/comments/{comment_id}",
        |c| g::delete(c, &PROJECT_COMMENTS),
    ),
    r(
        "GET",
        "/projects/{project_id}/invoices",
        pr::list_project_invoices,
    ),
    r("POST", "/projects/{project_id}/tasks", |c| {
        g::create(c, &TASKS)
    }),
    r("GET", "/projects/{project_id}/tasks", |c| {
        g::list(c, &TASKS)
    }),
    r("GET", "/projects/{project_id}/tasks/{task_id}", |c| {
        g::get(c, &TASKS)
    }),
    r("PUT", "/projects/{project_id}/tasks/{task_id}", |c| {
        g::update(c, &TASKS)
    }),
    r("DELETE", "/projects/{project_id}/tasks/{task_id}", |c| {
        g::delete(c, &TASKS)
    }),
    // Time entries and the timer.
    r("POST", "/projects/timeentries", |c| {
        g::create(c, &TIME_ENTRIES)
    }),
    r("GET", "/projects/timeentries", lk::list_time_entries),
    r("DELETE", "/projects/timeentries", pr::delete_time_entries),
    r("PUT", "/projects/timeentries/{time_entry_id}", |c| {
        g::update(c, &TIME_ENTRIES)
    }),
    r("GET", "/projects/timeentries/{time_entry_id}", |c| {
        g::get(c, &TIME_ENTRIES)
    }),
    r("DELETE", "/projects/timeentries/{time_entry_id}", |c| {
        g::delete(c, &TIME_ENTRIES)
    }),
    r(
        "POST",
        "/projects/timeentries/{time_entry_id}/timer/start",
        pr::start_timer,
    ),
    r("POST", "/projects/timeentries/timer/stop", pr::stop_timer),
    r(
        "GET",
        "/projects/timeentries/runningtimer/me",
        pr::get_timer,
    ),
    // Users, the organization, currencies and taxes (Zoho Books' OpenAPI documents).
    r("POST", "/users", |c| g::create(c, &USERS)),
    r("GET", "/users", |c| g::list(c, &USERS)),
    r("GET", "/users/me", st::current_user),
    r("PUT", "/users/{user_id}", |c| g::update(c, &USERS)),
    r("GET", "/users/{user_id}", |c| g::get(c, &USERS)),
    r("DELETE", "/users/{user_id}", |c| g::delete(c, &USERS)),
    r("POST", "/users/{user_id}/invite", |c| {
        g::ack(c, &USERS, "Your invitation has been sent.")
    }),
    r("POST", "/users/{user_id}/active", |c| {
        g::patch(
            c,
            &USERS,
            &[("status", json!("active"))],
            "The user has been marked as active.",
        )
    }),
    r("POST", "/users/{user_id}/inactive", |c| {
        g::patch(
            c,
            &USERS,
            &[("status", json!("inactive"))],
            "The user has been marked as inactive.",
        )
    }),
    r("POST", "/organizations", st::create_organization),
    r(
        "GET",
        "/organizations/{organization_id}",
        st::get_organization,
    ),
    r(
        "PUT",
        "/organizations/{organization_id}",
        st::update_organization,
    ),
    r("POST", "/settings/currencies", |c| {
        g::create(c, &CURRENCIES)
    }),
    r("GET", "/settings/currencies", |c| g::list(c, &CURRENCIES)),
    r("PUT", "/settings/currencies/{currency_id}", |c| {
        g::update(c, &CURRENCIES)
    }),
    r("GET", "/settings/currencies/{currency_id}", |c| {
        g::get(c, &CURRENCIES)
    }),
    r("DELETE", "/settings/currencies/{currency_id}", |c| {
        g::delete(c, &CURRENCIES)
    }),
    r(
        "GET",
        "/settings/currencies/{currency_id}/exchangerates",
        |c| g::list(c, &EXCHANGE_RATES),
    ),
    r(
        "POST",
        "/settings/currencies/{currency_id}/exchangerates",
        |c| g::create(c, &EXCHANGE_RATES),
    ),
    r(
        "GET",
        "/settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}",
        |c| g::get(c, &EXCHANGE_RATES),
    ),
    r(
        "PUT",
        "/settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}",
        |c| g::update(c, &EXCHANGE_RATES),
    ),
    r(
        "DELETE",
        "/settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}",
        |c| g::delete(c, &EXCHANGE_RATES),
    ),
    r("POST", "/settings/taxes", |c| g::create(c, &TAXES)),
    r("GET", "/settings/taxes", |c| g::list(c, &TAXES)),
    r("PUT", "/settings/taxes/{tax_id}", |c| g::update(c, &TAXES)),
    r("GET", "/settings/taxes/{tax_id}", |c| g::get(c, &TAXES)),
    r("DELETE", "/settings/taxes/{tax_id}", |c| {
        g::delete(c, &TAXES)
    }),
    r("POST", "/settings/taxgroups", |c| g::create(c, &TAX_GROUPS)),
    r("GET", "/settings/taxgroups/{tax_group_id}", |c| {
        g::get(c, &TAX_GROUPS)
    }),
    r("PUT", "/settings/taxgroups/{tax_group_id}", |c| {
        g::update(c, &TAX_GROUPS)
    }),
    r("DELETE", "/settings/taxgroups/{tax_group_id}", |c| {
        g::delete(c, &TAX_GROUPS)
    }),
    r("POST", "/settings/taxauthorities", |c| {
        g::create(c, &TAX_AUTHORITIES)
    }),
    r("GET", "/settings/taxauthorities", |c| {
        g::list(c, &TAX_AUTHORITIES)
    }),
    r("PUT", "/settings/taxauthorities/{tax_authority_id}", |c| {
        g::update(c, &TAX_AUTHORITIES)
    }),
    r("GET", "/settings/taxauthorities/{tax_authority_id}", |c| {
        g::get(c, &TAX_AUTHORITIES)
    }),
    r(
        "DELETE",
        "/settings/taxauthorities/{tax_authority_id}",
        |c| g::delete(c, &TAX_AUTHORITIES),
    ),
    r("POST", "/settings/taxexemptions", |c| {
        g::create(c, &TAX_EXEMPTIONS)
    }),
    r("GET", "/settings/taxexemptions", |c| {
        g::list(c, &TAX_EXEMPTIONS)
    }),
    r("PUT", "/settings/taxexemptions/{tax_exemption_id}", |c| {
        g::update(c, &TAX_EXEMPTIONS)
    }),
    r("GET", "/settings/taxexemptions/{tax_exemption_id}", |c| {
        g::get(c, &TAX_EXEMPTIONS)
    }),
    r(
        "DELETE",
        "/settings/taxexemptions/{tax_exemption_id}",
        |c| g::delete(c, &TAX_EXEMPTIONS),
    ),
    // Zoho Books' OpenAPI documents: updates by a custom field's unique value, custom
    // fields, approvals, and the rest Zoho Invoice shares.
    r("PUT", "/contacts", |c| {
        bk::update_by_unique(c, &CONTACTS).map(|reply| ct::with_persons(c, reply))
    }),
    r("PUT", "/creditnotes", |c| {
        bk::update_by_unique(c, &CREDIT_NOTES)
    }),
    r("PUT", "/customerpayments", |c| {
        bk::update_by_unique(c, &PAYMENTS)
    }),
    r("PUT", "/estimates", |c| bk::update_by_unique(c, &ESTIMATES)),
    r("PUT", "/expenses", |c| bk::update_by_unique(c, &EXPENSES)),
    r("PUT", "/invoices", |c| bk::update_by_unique(c, &INVOICES)),
    r("PUT", "/items", |c| bk::update_by_unique(c, &ITEMS)),
    r("PUT", "/projects", |c| bk::update_by_unique(c, &PROJECTS)),
    r("PUT", "/recurringexpenses", |c| {
        bk::update_by_unique(c, &RECURRING_EXPENSES)
    }),
    r("PUT", "/recurringinvoices", |c| {
        bk::update_by_unique(c, &RECURRING_INVOICES)
    }),
    r("PUT", "/invoice/{invoice_id}/customfields", |c| {
        bk::set_custom_fields(c, &INVOICES)
    }),
    r("PUT", "/estimate/{estimate_id}/customfields", |c| {
        bk::set_custom_fields(c, &ESTIMATES)
    }),
    r("PUT", "/item/{item_id}/customfields", |c| {
        bk::set_custom_fields(c, &ITEMS)
    }),
    r(
        "PUT",
        "/customerpayment/{customer_payment_id}/customfields",
        |c| bk::set_custom_fields(c, &PAYMENTS),
    ),
    r("POST", "/invoices/{invoice_id}/submit", |c| {
        ap::submit(c, &INVOICES)
    }),
    r("POST", "/invoices/{invoice_id}/approve", |c| {
        ap::approve(c, &INVOICES)
    }),
    r("POST", "/estimates/{estimate_id}/submit", |c| {
        ap::submit(c, &ESTIMATES)
    }),
    r("POST", "/estimates/{estimate_id}/approve", |c| {
        ap::approve(c, &ESTIMATES)
    }),
    r("POST", "/creditnotes/{creditnote_id}/submit", |c| {
        ap::submit(c, &CREDIT_NOTES)
    }),
    r("POST", "/creditnotes/{creditnote_id}/approve", |c| {
        ap::approve(c, &CREDIT_NOTES)
    }),
    r(
        "POST",
        "/retainerinvoices/{retainerinvoice_id}/submit",
        |c| ap::submit(c, &RETAINER_INVOICES),
    ),
    r(
        "POST",
        "/retainerinvoices/{retainerinvoice_id}/approve",
        |c| ap::approve(c, &RETAINER_INVOICES),
    ),
    r(
        "POST",
        "/creditnotes/{creditnote_id}/status/draft",
        ap::credit_note_to_draft,
    ),
    r(
        "POST",
        "/creditnotes/{creditnote_id}/status/void",
        ap::void_credit_note,
    ),
    r("POST", "/creditnotes/{creditnote_id}/status/open", |c| {
        ap::open_credit_note(c, &["draft", "approved"])
    }),
    r("GET", "/creditnotes/{creditnote_id}/email", |c| {
        b::email_content(c, &CREDIT_NOTES)
    }),
    r(
        "GET",
        "/invoices/{invoice_id}/documents/{document_id}",
        bk::get_document,
    ),
    r(
        "DELETE",
        "/invoices/{invoice_id}/documents/{document_id}",
        |c| m::delete_attachment(c, &INVOICES),
    ),
    r("GET", "/share/paymentlink", bk::payment_link),
    r(
        "DELETE",
        "/expenses/{expense_id}/receipt",
        m::delete_receipt,
    ),
    r("GET", "/expenses/{expense_id}/comments", |c| {
        g::list(c, &EXPENSE_COMMENTS)
    }),
    r(
        "GET",
        "/recurringexpenses/{recurring_expense_id}/expenses",
        bk::child_expenses,
    ),
    r(
        "GET",
        "/recurringexpenses/{recurring_expense_id}/comments",
        |c| g::list(c, &RECURRING_EXPENSE_COMMENTS),
    ),
    r("GET", "/itemdetails", bk::item_details),
    r("DELETE", "/customerpayments", bk::bulk_delete_payments),
];

/// Renames the list key of a list reply.
fn rename_list(reply: crate::reply::Reply, from: &str, to: &str) -> crate::reply::Reply {
    match reply {
        crate::reply::Reply::Json(s, serde_json::Value::Object(mut m)) => {
            if let Some(v) = m.remove(from) {
                m.insert(to.into(), v);
            }
            crate::reply::Reply::Json(s, serde_json::Value::Object(m))
        }
        other => other,
    }
}
