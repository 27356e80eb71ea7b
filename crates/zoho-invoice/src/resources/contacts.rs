//! Contacts (`/contacts`): customers and vendors, with their contact persons
//! (`/contacts/contactpersons`), additional addresses, statements, emails, comments, refunds,
//! client portal access and payment reminders, and the reviews clients leave
//! (`/clientreviews`).
//!
//! ```
//! use futures_util::TryStreamExt;
//! use zoho_invoice::Client;
//! use zoho_invoice::models::contacts::{ContactInput, ContactPersonEntry};
//! use zoho_invoice::query::TextFilter;
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! # let server = zoho_invoice_mock::MockServer::start().await?;
//! // A client on the fake server (the real one is built from a TransportBuilder).
//! let client = Client::local(&server.api_url(), server.access_token().unwrap(), server.organization_id())?;
//! let will = ContactPersonEntry::default().first_name("Will").email("will@bowman.example");
//! let bowman = ContactInput::new("Bowman and Co").payment_terms(15_u32).contact_persons(vec![will]);
//! let created = client.contacts().create(bowman).await?;
//!
//! let got = client.contacts().get(&created.contact_id).await?;
//! assert_eq!(got.payment_terms, Some(15));
//!
//! // Every contact whose name starts with "Bow", across all pages.
//! let bows: Vec<_> = client
//!     .contacts()
//!     .list()
//!     .contact_name(TextFilter::StartsWith("Bow".into()))
//!     .records()
//!     .try_collect()
//!     .await?;
//! assert_eq!(bows.len(), 1);
//! assert_eq!(bows[0].contact_name.as_deref(), Some("Bowman and Co"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::NaiveDate;
use zoho_invoice_models::common::Address;
use zoho_invoice_models::contact_persons::{
    ContactPerson, ContactPersonInput, ContactPersonsReply,
};
use zoho_invoice_models::contacts::{
    AddressInput, ClientReview, Contact, ContactComment, ContactEmail, ContactInput,
    ContactSortColumn, EnablePortalAccess, ReviewReply, StatementEmail, StatementMailContent,
};
use zoho_invoice_models::credit_notes::CreditNoteRefund;
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{AddressId, CommentId, ContactId, ContactPersonId};

use crate::macros::{handle, list_filter, query_options, resource, watchable};
use crate::query::{Query, ToQuery};

resource! {
handle! {
    /// Contacts and their contact persons, addresses, statements, comments, refunds and client reviews.
    Contacts = contacts
}

list_filter! {
    /// Filters of [`ListContacts`].
    pub struct ContactFilter for ListContacts.filter {
        /// By contact name (`contact_name`, `contact_name_startswith`, `contact_name_contains`).
        text contact_name,
        /// By company name.
        text company_name,
        /// By the contact person's first name.
        text first_name,
        /// By the contact person's last name.
        text last_name,
        /// By any field of the addresses.
        text address,
        /// By the contact person's email address.
        text email,
        /// By the contact person's phone number.
        text phone,
        /// By status (`Status.All`, `Status.Active`, `Status.Inactive`, `Status.Duplicate`,
        /// `Status.Crm`).
        value filter_by: zoho_invoice_models::contacts::ContactFilterBy,
        /// By contact name or notes.
        value search_text: String,
        /// The column to sort by.
        value sort_column: ContactSortColumn,
        /// By kind of contact (`customer`, `vendor`).
        value contact_type: zoho_invoice_models::contacts::ContactType,
        /// By the Zoho CRM contact it is synced with (from Zoho Books' OpenAPI document).
        value zcrm_contact_id: String,
        /// By the Zoho CRM account it is synced with.
        value zcrm_account_id: String,
    }
}

operation! {
    /// Creates a contact, with its contact persons if given (`POST /contacts`).
    pub struct CreateContact = ("Contacts", "Create a Contact", POST "/contacts") -> Record<Contact> as Contacts.create {
        /// The contact (`contact_name` required).
        body contact: ContactInput,
    }
}

operation! {
    /// Lists contacts, a page at a time (`GET /contacts`).
    pub struct ListContacts = ("Contacts", "List Contacts", GET "/contacts") -> Page<Contact> as Contacts.list {
        /// Filters, sort and paging.
        list filter: ContactFilter,
    }
}

operation! {
    /// Updates a contact (`PUT /contacts/{contact_id}`). Contact persons left out of
    /// `contact_persons`, when it is sent, are deleted.
    pub struct UpdateContact = ("Contacts", "Update a Contact", PUT "/contacts/{contact_id}") -> Record<Contact> as Contacts.update {
        /// The contact.
        path contact_id: ContactId,
        /// Its new fields.
        body contact: ContactInput,
    }
}

operation! {
    /// Deletes a contact (`DELETE /contacts/{contact_id}`); contacts with transactions
    /// cannot be deleted, only marked inactive.
    pub struct DeleteContact = ("Contacts", "Delete a Contact", DELETE "/contacts/{contact_id}") -> Reply as Contacts.delete {
        /// The contact.
        path contact_id: ContactId,
    }
}

operation! {
    /// Gets a contact, with its contact persons (`GET /contacts/{contact_id}`).
    pub struct GetContact = ("Contacts", "Get a Contact", GET "/contacts/{contact_id}") -> Record<Contact> as Contacts.get {
        /// The contact.
        path contact_id: ContactId,
    }
}

operation! {
    /// Marks a contact active (`POST /contacts/{contact_id}/active`).
    pub struct MarkContactActive = ("Contacts", "Mark as Active", POST "/contacts/{contact_id}/active") -> Reply as Contacts.mark_active {
        /// The contact.
        path contact_id: ContactId,
    }
}

operation! {
    /// Marks a contact inactive (`POST /contacts/{contact_id}/inactive`): kept for history,
    /// no longer offered in new transactions.
    pub struct MarkContactInactive = ("Contacts", "Mark as Inactive", POST "/contacts/{contact_id}/inactive") -> Reply as Contacts.mark_inactive {
        /// The contact.
        path contact_id: ContactId,
    }
}

operation! {
    /// Gives contact persons access to the client portal
    /// (`POST /contacts/{contact_id}/portal/enable`).
    pub struct EnableContactPortalAccess = ("Contacts", "Enable Portal Access", POST "/contacts/{contact_id}/portal/enable") -> Reply as Contacts.enable_portal_access {
        /// The contact.
        path contact_id: ContactId,
        /// The persons to give access to.
        body access: EnablePortalAccess,
    }
}

list_filter! {
    /// Filters of [`ListClientReviews`].
    pub struct ClientReviewFilter for ListClientReviews.filter {
        /// Only the reviews of this contact.
        value contact_id: ContactId,
    }
}

query_options! {
    /// The query of one client review: optionally, the contact it belongs to (`contact_id`).
    pub struct ReviewContact for GetClientReview.contact, ReplyClientReview.contact {
        /// The contact who left the review.
        contact_id: ContactId,
    }
}

operation! {
    /// Lists the reviews clients left (`GET /clientreviews`).
    pub struct ListClientReviews = ("Contacts", "View All Client Reviews", GET "/clientreviews") -> Page<ClientReview> as Contacts.list_client_reviews {
        /// The contact, sort and paging.
        list filter: ClientReviewFilter,
    }
}

operation! {
    /// Gets a client review, with the replies to it (`GET /clientreviews/{comment_id}`); the
    /// answer carries it as a list of one.
    pub struct GetClientReview = ("Contacts", "Details of a Particular Client Review", GET "/clientreviews/{comment_id}") -> Page<ClientReview> as Contacts.get_client_review {
        /// The review.
        path comment_id: CommentId,
        /// The contact who left it, optionally.
        option contact: ReviewContact,
    }
}

operation! {
    /// Replies to a client review (`POST /clientreviews/{comment_id}/comment`); the answer
    /// carries the review as a list of one.
    pub struct ReplyClientReview = ("Contacts", "Reply a Client Review", POST "/clientreviews/{comment_id}/comment") -> Page<ClientReview> as Contacts.reply_client_review {
        /// The review.
        path comment_id: CommentId,
        /// The contact who left it, optionally.
        option contact: ReviewContact,
        /// The reply.
        body reply: ReviewReply,
    }
}

operation! {
    /// Turns on automated payment reminders for a contact
    /// (`POST /contacts/{contact_id}/paymentreminder/enable`).
    pub struct EnableContactPaymentReminders = ("Contacts", "Enable Payment Reminders", POST "/contacts/{contact_id}/paymentreminder/enable") -> Reply as Contacts.enable_payment_reminders {
        /// The contact.
        path contact_id: ContactId,
    }
}

operation! {
    /// Turns off automated payment reminders for a contact
    /// (`POST /contacts/{contact_id}/paymentreminder/disable`).
    pub struct DisableContactPaymentReminders = ("Contacts", "Disable Payment Reminders", POST "/contacts/{contact_id}/paymentreminder/disable") -> Reply as Contacts.disable_payment_reminders {
        /// The contact.
        path contact_id: ContactId,
    }
}

/// The period of a statement (`start_date`, `end_date`); the current month when neither is
/// given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatementPeriod {
    /// The first day.
    pub start_date: Option<NaiveDate>,
    /// The last day.
    pub end_date: Option<NaiveDate>,
}

crate::macros::setters!(@one EmailContactStatement period
    /// The statement's first day.
    start_date: NaiveDate,
    /// The statement's last day.
    end_date: NaiveDate,
);
crate::macros::setters!(@one GetContactStatementMailContent period
    /// The statement's first day.
    start_date: NaiveDate,
    /// The statement's last day.
    end_date: NaiveDate,
);

impl StatementPeriod {
    /// From `start` to `end`, both included.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        Self {
            start_date: Some(start),
            end_date: Some(end),
        }
    }
}

impl ToQuery for StatementPeriod {
    fn to_query(&self, query: &mut Query) -> Result<(), crate::Error> {
        query.push_some("start_date", self.start_date.as_ref());
        query.push_some("end_date", self.end_date.as_ref());
        Ok(())
    }
}

operation! {
    /// Emails a contact their statement (`POST /contacts/{contact_id}/statements/email`).
    pub struct EmailContactStatement = ("Contacts", "Email Statement", POST "/contacts/{contact_id}/statements/email") -> Reply as Contacts.email_statement {
        /// The contact.
        path contact_id: ContactId,
        /// The statement's period (the current month by default).
        option period: StatementPeriod,
        /// The email.
        body email: StatementEmail,
    }
}

operation! {
    /// Gets the email the API proposes for a contact's statement
    /// (`GET /contacts/{contact_id}/statements/email`).
    pub struct GetContactStatementMailContent = ("Contacts", "Get Statement Mail Content", GET "/contacts/{contact_id}/statements/email") -> Record<StatementMailContent> as Contacts.get_statement_mail_content {
        /// The contact.
        path contact_id: ContactId,
        /// The statement's period (the current month by default).
        option period: StatementPeriod,
    }
}

query_options! {
    /// The options of [`EmailContact`].
    #[derive(Copy)]
    pub struct EmailContactOptions for EmailContact.options {
        /// Attach the customer's statement PDF (`send_customer_statement`).
        send_customer_statement: bool,
    }
}

operation! {
    /// Emails a contact (`POST /contacts/{contact_id}/email`).
    pub struct EmailContact = ("Contacts", "Email Contact", POST "/contacts/{contact_id}/email") -> Reply as Contacts.email {
        /// The contact.
        path contact_id: ContactId,
        /// Whether to attach the statement.
        option options: EmailContactOptions,
        /// The email.
        body email: ContactEmail,
        /// Files attached to the email (`.attach(..)`).
        files attachments: Vec<crate::endpoint::Upload>,
    }
}

list_filter! {
    /// Filters of [`ListContactComments`].
    pub struct ContactCommentFilter for ListContactComments.filter {}
}

operation! {
    /// Lists a contact's recent activity (`GET /contacts/{contact_id}/comments`).
    pub struct ListContactComments = ("Contacts", "List Comments", GET "/contacts/{contact_id}/comments") -> Page<ContactComment> as Contacts.list_comments {
        /// The contact.
        path contact_id: ContactId,
        /// Sort and paging.
        list filter: ContactCommentFilter,
    }
}

operation! {
    /// Adds an address to a contact (`POST /contacts/{contact_id}/address`).
    pub struct AddContactAddress = ("Contacts", "Add Additional Address", POST "/contacts/{contact_id}/address") -> Record<Address> as Contacts.add_address {
        /// The contact.
        path contact_id: ContactId,
        /// The address.
        body address: AddressInput,
    }
}

list_filter! {
    /// Filters of [`ListContactAddresses`].
    pub struct ContactAddressFilter for ListContactAddresses.filter {}
}

operation! {
    /// Lists a contact's addresses: billing, shipping and additional ones
    /// (`GET /contacts/{contact_id}/address`).
    pub struct ListContactAddresses = ("Contacts", "Get Contact Addresses", GET "/contacts/{contact_id}/address") -> Page<Address> as Contacts.list_addresses {
        /// The contact.
        path contact_id: ContactId,
        /// Sort and paging.
        list filter: ContactAddressFilter,
    }
}

operation! {
    /// Edits an additional address of a contact
    /// (`PUT /contacts/{contact_id}/address/{address_id}`).
    pub struct UpdateContactAddress = ("Contacts", "Edit Additional Address", PUT "/contacts/{contact_id}/address/{address_id}") -> Record<Address> as Contacts.update_address {
        /// The contact.
        path contact_id: ContactId,
        /// The address.
        path address_id: AddressId,
        /// Its new fields.
        body address: AddressInput,
    }
}

operation! {
    /// Deletes an additional address of a contact
    /// (`DELETE /contacts/{contact_id}/address/{address_id}`).
    pub struct DeleteContactAddress = ("Contacts", "Delete Additional Address", DELETE "/contacts/{contact_id}/address/{address_id}") -> Reply as Contacts.delete_address {
        /// The contact.
        path contact_id: ContactId,
        /// The address.
        path address_id: AddressId,
    }
}

list_filter! {
    /// Filters of [`ListContactRefunds`].
    pub struct ContactRefundFilter for ListContactRefunds.filter {}
}

operation! {
    /// Lists the refunds made to a contact (`GET /contacts/{contact_id}/refunds`).
    pub struct ListContactRefunds = ("Contacts", "List Refunds", GET "/contacts/{contact_id}/refunds") -> Page<CreditNoteRefund> as Contacts.list_refunds {
        /// The contact.
        path contact_id: ContactId,
        /// Sort and paging.
        list filter: ContactRefundFilter,
    }
}

operation! {
    /// Creates a contact person (`POST /contacts/contactpersons`); the answer lists the
    /// contact's persons.
    pub struct CreateContactPerson = ("Contacts", "Create a contact person", POST "/contacts/contactpersons") -> ContactPersonsReply as Contacts.create_person {
        /// The person (`contact_id` and `first_name` required).
        body person: ContactPersonInput,
    }
}

operation! {
    /// Updates a contact person (`PUT /contacts/contactpersons/{contact_person_id}`); the
    /// answer lists the contact's persons.
    pub struct UpdateContactPerson = ("Contacts", "Update a contact person", PUT "/contacts/contactpersons/{contact_person_id}") -> ContactPersonsReply as Contacts.update_person {
        /// The person.
        path contact_person_id: ContactPersonId,
        /// Its new fields (`contact_id` and `first_name` required).
        body person: ContactPersonInput,
    }
}

operation! {
    /// Deletes a contact person (`DELETE /contacts/contactpersons/{contact_person_id}`).
    pub struct DeleteContactPerson = ("Contacts", "Delete a contact person", DELETE "/contacts/contactpersons/{contact_person_id}") -> Reply as Contacts.delete_person {
        /// The person.
        path contact_person_id: ContactPersonId,
    }
}

list_filter! {
    /// Filters of [`ListContactPersons`].
    pub struct ContactPersonFilter for ListContactPersons.filter {}
}

operation! {
    /// Lists a contact's persons, a page at a time
    /// (`GET /contacts/{contact_id}/contactpersons`).
    pub struct ListContactPersons = ("Contacts", "List contact persons", GET "/contacts/{contact_id}/contactpersons") -> Page<ContactPerson> as Contacts.list_persons {
        /// The contact.
        path contact_id: ContactId,
        /// Sort and paging.
        list filter: ContactPersonFilter,
    }
}

operation! {
    /// Gets a contact person
    /// (`GET /contacts/{contact_id}/contactpersons/{contact_person_id}`).
    pub struct GetContactPerson = ("Contacts", "Get a contact person", GET "/contacts/{contact_id}/contactpersons/{contact_person_id}") -> Record<ContactPerson> as Contacts.get_person {
        /// The contact.
        path contact_id: ContactId,
        /// The person.
        path contact_person_id: ContactPersonId,
    }
}

operation! {
    /// Makes a person the contact's primary person
    /// (`POST /contacts/contactpersons/{contact_person_id}/primary`).
    pub struct MarkContactPersonPrimary = ("Contacts", "Mark as primary contact person", POST "/contacts/contactpersons/{contact_person_id}/primary") -> Reply as Contacts.mark_person_primary {
        /// The person.
        path contact_person_id: ContactPersonId,
    }
}


watchable! {
    ListContacts => Contact {
        id: contact_id,
        last_modified: [last_modified_time],
        created: created_time,
        sort_column: ContactSortColumn::LastModifiedTime,
    }
}


/// Creating or updating a contact person answers with the contact's persons as a list: a
/// handle's call gives back that list (an answer without it is a decode error).
impl crate::Returned for ContactPersonsReply {
    type Value = Vec<zoho_invoice_models::contact_persons::ContactPerson>;
    fn returned(self, operation: &crate::Operation) -> Result<Self::Value, crate::Error> {
        self.contact_person.ok_or_else(|| {
            crate::Error::from(crate::ErrorKind::Decode(
                "the answer has no `contact_person` list".into(),
            ))
            .in_operation(operation)
        })
    }
    fn is_hollow(&self) -> bool {
        zoho_invoice_models::lenient::Lenient::is_hollow(self)
    }
}

operation! {
    /// Updates a contact named by a custom field's unique value (`PUT /contacts` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateContactByCustomField = ("Contacts", "Update a contact using a custom field's unique value", PUT "/contacts") -> Record<Contact> as Contacts.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body contact: ContactInput,
    }
}
}
