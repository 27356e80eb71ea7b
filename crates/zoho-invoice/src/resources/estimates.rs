//! Estimates (`/estimates`): quotes sent to a customer before a sale, with their status
//! changes (sent, accepted, declined), emails, PDF and HTML downloads, bulk export and print,
//! addresses, templates and comments.
//!
//! Bulk calls are checked before anything is sent: at most 10 estimates to email at once, 25
//! to export or print (a longer list is refused with
//! [`ErrorKind::TooManyIds`](crate::ErrorKind::TooManyIds)).
//!
//! ```
//! use zoho_invoice::models::ids::EstimateId;
//! use zoho_invoice::{Client, Error, ErrorKind};
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         assert_eq!(request.path(), "/estimates/982000000567011/status/accepted");
//!         Ok(ApiResponse::json_ok(r#"{"code": 0,
//!             "message": "Estimate status has been changed to Accepted."}"#))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let estimate_id: EstimateId = "982000000567011".parse()?;
//! let reply = client.estimates().mark_accepted(estimate_id).await?;
//! assert!(reply.is_success());
//!
//! // Eleven estimates are more than one bulk email takes: refused before sending.
//! let ids: Vec<EstimateId> = (1..=11u64).map(EstimateId::from).collect();
//! let refused = client.estimates().bulk_email(ids).await.unwrap_err();
//! assert!(matches!(refused.kind(), ErrorKind::TooManyIds { limit: 10, given: 11 }));
//! assert!(refused.to_string().starts_with("Estimates / Email multiple estimates:"), "{refused}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::common::{Address, Comment, EmailRequest};
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::estimates::{
    CommentInput, Estimate, EstimateEmailContent, EstimateInput, EstimateStatus, EstimateTemplates,
};
use zoho_invoice_models::ids::{CommentId, ContactId, EstimateId, ItemId, TemplateId, kind};

use crate::endpoint::Download;
use crate::macros::{chunkable, handle, list_filter, query_options, resource, watchable};
use crate::query::{BulkIds, DownloadOptions};

resource! {
handle! {
    /// Estimates: their status changes, emails, downloads, addresses, templates and comments.
    Estimates = estimates
}

/// The most estimates one bulk email takes.
pub const MAX_BULK_EMAIL: usize = 10;
/// The most estimates one bulk export or bulk print takes.
pub const MAX_BULK_PDF: usize = 25;

query_options! {
    /// The options of [`CreateEstimate`]: `send` and `ignore_auto_number_generation`.
    #[derive(Copy)]
    pub struct CreateEstimateOptions for CreateEstimate.options {
        /// Email the estimate to the customer's contact persons once created.
        send: bool,
        /// Take `estimate_number` as given instead of the next automatic number.
        ignore_auto_number_generation: bool,
    }
}

query_options! {
    /// The options of [`UpdateEstimate`]: `ignore_auto_number_generation`.
    #[derive(Copy)]
    pub struct UpdateEstimateOptions for UpdateEstimate.options {
        /// Take `estimate_number` as given instead of the automatic number.
        ignore_auto_number_generation: bool,
    }
}

query_options! {
    /// The options of [`GetEstimateEmailContent`]: `email_template_id`.
    pub struct GetEstimateEmailContentOptions for GetEstimateEmailContent.options {
        /// Fill the email from this template (by default the customer's template, or the
        /// organization's default).
        email_template_id: TemplateId,
    }
}

list_filter! {
    /// Filters of [`ListEstimates`]. The reference's copy of this page lists none; these are
    /// the filters Zoho's estimate list takes, with the same variants as the invoice list.
    pub struct EstimateFilter for ListEstimates.filter {
        /// By estimate number (`estimate_number`, `_startswith`, `_contains`).
        text estimate_number,
        /// By reference number.
        text reference_number,
        /// By customer name.
        text customer_name,
        /// By total (`total_less_than`, ...).
        amount total,
        /// By customer.
        value customer_id: ContactId,
        /// By an item on the estimate.
        value item_id: ItemId,
        /// By the name of an item on the estimate.
        text item_name,
        /// By the description of an item on the estimate.
        text item_description,
        /// By custom field value.
        text custom_field,
        /// By expiry date (`expiry_date_start`, ...).
        date expiry_date,
        /// By date (`date_start`, `date_end`, `date_before`, `date_after`).
        date date,
        /// By status.
        value status: EstimateStatus,
        /// By status group: `Status.All`, `Status.Sent`, `Status.Draft`, `Status.Invoiced`,
        /// `Status.Accepted`, `Status.Declined` or `Status.Expired`.
        value filter_by: zoho_invoice_models::estimates::EstimateFilterBy,
        /// By estimate number, reference or customer name.
        value search_text: String,
        /// The column to sort by: `customer_name`, `estimate_number`, `date`, `total` or
        /// `created_time`.
        value sort_column: zoho_invoice_models::estimates::EstimateSortColumn,
        /// By the Zoho CRM deal it belongs to (from Zoho Books' OpenAPI document).
        value zcrm_potential_id: String,
    }
}

list_filter! {
    /// Sort and paging of [`ListEstimateComments`].
    pub struct EstimateCommentFilter for ListEstimateComments.filter {}
}

operation! {
    /// Creates an estimate (`POST /estimates`).
    pub struct CreateEstimate = ("Estimates", "Create an Estimate", POST "/estimates") -> Record<Estimate> as Estimates.create {
        /// The estimate (`customer_id` and `line_items` required).
        body estimate: EstimateInput,
        /// Send it at once, or keep the given number.
        option options: CreateEstimateOptions,
    }
}

operation! {
    /// Lists estimates, a page at a time (`GET /estimates`).
    pub struct ListEstimates = ("Estimates", "List estimates", GET "/estimates") -> Page<Estimate> as Estimates.list {
        /// Filters, sort and paging.
        list filter: EstimateFilter,
    }
}

operation! {
    /// Updates an estimate (`PUT /estimates/{estimate_id}`); lines left out are removed.
    pub struct UpdateEstimate = ("Estimates", "Update an Estimate", PUT "/estimates/{estimate_id}") -> Record<Estimate> as Estimates.update {
        /// The estimate.
        path estimate_id: EstimateId,
        /// Its new fields.
        body estimate: EstimateInput,
        /// Keep the given number.
        option options: UpdateEstimateOptions,
    }
}

operation! {
    /// Gets an estimate (`GET /estimates/{estimate_id}`).
    pub struct GetEstimate = ("Estimates", "Get an estimate", GET "/estimates/{estimate_id}") -> Record<Estimate> as Estimates.get {
        /// The estimate.
        path estimate_id: EstimateId,
    }
}

operation! {
    /// Downloads an estimate as a PDF or an HTML page
    /// (`GET /estimates/{estimate_id}?accept=pdf|html`).
    pub struct DownloadEstimate = ("Estimates", "Get an estimate", GET "/estimates/{estimate_id}") -> Download as Estimates.download {
        /// The estimate.
        path estimate_id: EstimateId,
        /// PDF or HTML, and whether to ask for the printable file.
        query options: DownloadOptions,
    }
}

operation! {
    /// Deletes an estimate (`DELETE /estimates/{estimate_id}`).
    pub struct DeleteEstimate = ("Estimates", "Delete an Estimate", DELETE "/estimates/{estimate_id}") -> Reply as Estimates.delete {
        /// The estimate.
        path estimate_id: EstimateId,
    }
}

operation! {
    /// Marks a draft estimate as sent (`POST /estimates/{estimate_id}/status/sent`).
    pub struct MarkEstimateSent = ("Estimates", "Mark an estimate as sent", POST "/estimates/{estimate_id}/status/sent") -> Reply as Estimates.mark_sent {
        /// The estimate.
        path estimate_id: EstimateId,
    }
}

operation! {
    /// Marks a sent estimate as accepted by the customer
    /// (`POST /estimates/{estimate_id}/status/accepted`).
    pub struct MarkEstimateAccepted = ("Estimates", "Mark an estimate as accepted", POST "/estimates/{estimate_id}/status/accepted") -> Reply as Estimates.mark_accepted {
        /// The estimate.
        path estimate_id: EstimateId,
    }
}

operation! {
    /// Marks a sent estimate as declined by the customer
    /// (`POST /estimates/{estimate_id}/status/declined`).
    pub struct MarkEstimateDeclined = ("Estimates", "Mark an estimate as declined", POST "/estimates/{estimate_id}/status/declined") -> Reply as Estimates.mark_declined {
        /// The estimate.
        path estimate_id: EstimateId,
    }
}

operation! {
    /// Emails an estimate to the customer (`POST /estimates/{estimate_id}/email`).
    pub struct EmailEstimate = ("Estimates", "Email an estimate", POST "/estimates/{estimate_id}/email") -> Reply as Estimates.email {
        /// The estimate.
        path estimate_id: EstimateId,
        /// Recipients, subject and body.
        body email: EmailRequest,
        /// Files attached to the email (`.attach(..)`).
        files attachments: Vec<crate::endpoint::Upload>,
    }
}

operation! {
    /// Gets the email the API proposes for an estimate (`GET /estimates/{estimate_id}/email`).
    pub struct GetEstimateEmailContent = ("Estimates", "Get estimate email content", GET "/estimates/{estimate_id}/email") -> EstimateEmailContent as Estimates.get_email_content {
        /// The estimate.
        path estimate_id: EstimateId,
        /// The email template to fill.
        option options: GetEstimateEmailContentOptions,
    }
}

operation! {
    /// Emails up to 10 estimates at once (`POST /estimates/email?estimate_ids=...`).
    pub struct EmailEstimates = ("Estimates", "Email multiple estimates", POST "/estimates/email") -> Reply as Estimates.bulk_email {
        /// The estimates (at most 10).
        query estimate_ids: BulkIds<kind::Estimate, MAX_BULK_EMAIL>,
    }
}

chunkable!(EmailEstimates by estimate_ids);

operation! {
    /// Exports up to 25 estimates as one PDF (`GET /estimates/pdf?estimate_ids=...`).
    pub struct BulkExportEstimates = ("Estimates", "Bulk export estimates", GET "/estimates/pdf") -> Download as Estimates.bulk_export {
        /// The estimates (at most 25).
        query estimate_ids: BulkIds<kind::Estimate, MAX_BULK_PDF>,
    }
}

operation! {
    /// Exports up to 25 estimates as one PDF to print (`GET /estimates/print?estimate_ids=...`).
    pub struct BulkPrintEstimates = ("Estimates", "Bulk print estimates", GET "/estimates/print") -> Download as Estimates.bulk_print {
        /// The estimates (at most 25).
        query estimate_ids: BulkIds<kind::Estimate, MAX_BULK_PDF>,
    }
}

operation! {
    /// Sets the billing address of one estimate
    /// (`PUT /estimates/{estimate_id}/address/billing`).
    pub struct UpdateEstimateBillingAddress = ("Estimates", "Update billing address", PUT "/estimates/{estimate_id}/address/billing") -> Reply as Estimates.update_billing_address {
        /// The estimate.
        path estimate_id: EstimateId,
        /// The address.
        body address: Address,
    }
}

operation! {
    /// Sets the shipping address of one estimate
    /// (`PUT /estimates/{estimate_id}/address/shipping`).
    pub struct UpdateEstimateShippingAddress = ("Estimates", "Update shipping address", PUT "/estimates/{estimate_id}/address/shipping") -> Reply as Estimates.update_shipping_address {
        /// The estimate.
        path estimate_id: EstimateId,
        /// The address.
        body address: Address,
    }
}

operation! {
    /// Lists the PDF templates of estimates (`GET /estimates/templates`).
    pub struct ListEstimateTemplates = ("Estimates", "List estimate templates", GET "/estimates/templates") -> EstimateTemplates as Estimates.list_templates {}
}

operation! {
    /// Sets the PDF template of an estimate
    /// (`PUT /estimates/{estimate_id}/templates/{template_id}`).
    pub struct UpdateEstimateTemplate = ("Estimates", "Update estimate template", PUT "/estimates/{estimate_id}/templates/{template_id}") -> Reply as Estimates.update_template {
        /// The estimate.
        path estimate_id: EstimateId,
        /// The template.
        path template_id: TemplateId,
    }
}

operation! {
    /// Adds a comment to an estimate (`POST /estimates/{estimate_id}/comments`).
    pub struct AddEstimateComment = ("Estimates", "Add Comments", POST "/estimates/{estimate_id}/comments") -> Reply as Estimates.add_comment {
        /// The estimate.
        path estimate_id: EstimateId,
        /// The comment.
        body comment: CommentInput,
    }
}

operation! {
    /// Lists an estimate's comments and history (`GET /estimates/{estimate_id}/comments`).
    pub struct ListEstimateComments = ("Estimates", "List estimate comments & history", GET "/estimates/{estimate_id}/comments") -> Page<Comment> as Estimates.list_comments {
        /// The estimate.
        path estimate_id: EstimateId,
        /// Sort and paging.
        list filter: EstimateCommentFilter,
    }
}

operation! {
    /// Changes a comment of an estimate
    /// (`PUT /estimates/{estimate_id}/comments/{comment_id}`).
    pub struct UpdateEstimateComment = ("Estimates", "Update comment", PUT "/estimates/{estimate_id}/comments/{comment_id}") -> Record<Comment> as Estimates.update_comment {
        /// The estimate.
        path estimate_id: EstimateId,
        /// The comment.
        path comment_id: CommentId,
        /// Its new text and visibility.
        body comment: CommentInput,
    }
}

operation! {
    /// Deletes a comment of an estimate
    /// (`DELETE /estimates/{estimate_id}/comments/{comment_id}`).
    pub struct DeleteEstimateComment = ("Estimates", "Delete a comment", DELETE "/estimates/{estimate_id}/comments/{comment_id}") -> Reply as Estimates.delete_comment {
        /// The estimate.
        path estimate_id: EstimateId,
        /// The comment.
        path comment_id: CommentId,
    }
}


watchable! {
    ListEstimates => Estimate {
        id: estimate_id,
        last_modified: [last_modified_time],
        created: created_time,
        sort_column: zoho_invoice_models::estimates::EstimateSortColumn::LastModifiedTime,
    }
}

crate::call::returned_as_is!(@model EstimateEmailContent, EstimateTemplates);

operation! {
    /// Updates an estimate named by a custom field's unique value (`PUT /estimates` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateEstimateByCustomField = ("Estimates", "update an Estimate using a custom field's unique value", PUT "/estimates") -> Record<Estimate> as Estimates.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body estimate: EstimateInput,
    }
}

operation! {
    /// Sets custom fields of an estimate (`PUT /estimate/{estimate_id}/customfields`; the path's first segment is singular, as Zoho documents it).
    pub struct UpdateEstimateCustomFields = ("Estimates", "Update custom field in existing estimates", PUT "/estimate/{estimate_id}/customfields") -> Reply as Estimates.update_custom_fields {
        /// The estimate.
        path estimate_id: EstimateId,
        /// The fields (`customfield_id` and `value`).
        body custom_fields: Vec<zoho_invoice_models::common::CustomField>,
    }
}

operation! {
    /// Submits an estimate for approval (`POST /estimates/{estimate_id}/submit`).
    pub struct SubmitEstimate = ("Estimates", "Submit an estimate for approval", POST "/estimates/{estimate_id}/submit") -> Reply as Estimates.submit {
        /// The estimate.
        path estimate_id: EstimateId,
    }
}

operation! {
    /// Approves an estimate (`POST /estimates/{estimate_id}/approve`).
    pub struct ApproveEstimate = ("Estimates", "Approve an estimate.", POST "/estimates/{estimate_id}/approve") -> Reply as Estimates.approve {
        /// The estimate.
        path estimate_id: EstimateId,
    }
}
}
