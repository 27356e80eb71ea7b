use zoho_invoice_models::common::Address;
use zoho_invoice_models::contact_persons::{
    ContactPerson, ContactPersonInput, ContactPersonsReply,
};
use zoho_invoice_models::contacts::{
    AddressInput, ClientReview, Contact, ContactComment, ContactEmail, ContactInput,
    EnablePortalAccess, ReviewReply, StatementEmail, StatementMailContent,
};
use zoho_invoice_models::credit_notes::CreditNoteRefund;
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::organizations::Organization;
use zoho_invoice_models::price_lists::{PriceList, PriceListInput};

use super::{Case, case};

pub(crate) fn cases() -> Vec<Case> {
    vec![
        // Organizations.
        case!(
            "organizations/list_organizations.response.json",
            Page<Organization>
        ),
        // Price lists.
        case!("resources/pricebook.example.json", PriceList),
        case!("items/create_a_price_list.request.json", PriceListInput),
        case!("items/create_a_price_list.response.json", Record<PriceList>),
        case!(
            "items/list_of_all_the_price_lists.response.json",
            Page<PriceList>
        ),
        case!("items/update_a_price_list.request.json", PriceListInput),
        case!("items/update_a_price_list.response.json", Record<PriceList>),
        case!(
            "items/retrieve_a_price_list.response.json",
            Record<PriceList>
        ),
        case!("items/delete_a_price_list.response.json", Reply),
        // Contacts.
        case!("resources/code.example.json", Page<Contact>),
        case!("resources/contact.example.json", Contact),
        case!("contacts/create_a_contact.request.json", ContactInput),
        case!("contacts/create_a_contact.response.json", Record<Contact>),
        case!("contacts/list_contacts.response.json", Page<Contact>),
        case!("contacts/update_a_contact.request.json", ContactInput),
        case!("contacts/update_a_contact.response.json", Record<Contact>),
        case!("contacts/delete_a_contact.response.json", Reply),
        case!("contacts/get_a_contact.response.json", Record<Contact>),
        case!("contacts/mark_as_active.response.json", Reply),
        case!("contacts/mark_as_inactive.response.json", Reply),
        case!(
            "contacts/enable_portal_access.request.json",
            EnablePortalAccess
        ),
        case!("contacts/enable_portal_access.response.json", Reply),
        case!(
            "contacts/view_all_client_reviews.response.json",
            Page<ClientReview>
        ),
        case!(
            "contacts/details_of_a_particular_client_review.response.json",
            Page<ClientReview>
        ),
        case!("contacts/reply_a_client_review.request.json", ReviewReply),
        case!(
            "contacts/reply_a_client_review.response.json",
            Page<ClientReview>
        ),
        case!("contacts/enable_payment_reminders.response.json", Reply),
        case!("contacts/disable_payment_reminders.response.json", Reply),
        case!("contacts/email_statement.request.json", StatementEmail),
        case!("contacts/email_statement.response.json", Reply),
        case!(
            "contacts/get_statement_mail_content.response.json",
            Record<StatementMailContent>
        ),
        case!("contacts/email_contact.request.json", ContactEmail),
        case!("contacts/email_contact.response.json", Reply),
        case!("contacts/list_comments.response.json", Page<ContactComment>),
        case!("contacts/add_additional_address.request.json", AddressInput),
        case!(
            "contacts/add_additional_address.response.json",
            Record<Address>
        ),
        case!(
            "contacts/get_contact_addresses.response.json",
            Page<Address>
        ),
        case!(
            "contacts/edit_additional_address.request.json",
            AddressInput
        ),
        case!(
            "contacts/edit_additional_address.response.json",
            Record<Address>
        ),
        case!("contacts/delete_additional_address.response.json", Reply),
        case!(
            "contacts/list_refunds.response.json",
            Page<CreditNoteRefund>
        ),
        // Contact persons.
        case!("resources/contact.example2.json", Vec<ContactPerson>),
        case!(
            "contacts/create_a_contact_person.request.json",
            ContactPersonInput
        ),
        case!(
            "contacts/create_a_contact_person.response.json",
            ContactPersonsReply
        ),
        case!(
            "contacts/update_a_contact_person.request.json",
            ContactPersonInput
        ),
        case!(
            "contacts/update_a_contact_person.response.json",
            ContactPersonsReply
        ),
        case!("contacts/delete_a_contact_person.response.json", Reply),
        case!(
            "contacts/list_contact_persons.response.json",
            Page<ContactPerson>
        ),
        case!(
            "contacts/get_a_contact_person.response.json",
            Record<ContactPerson>
        ),
        case!(
            "contacts/mark_as_primary_contact_person.response.json",
            Reply
        ),
    ]
}
