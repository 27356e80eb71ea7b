//! Contact persons: the people who speak for a contact (`/contacts/contactpersons`,
//! `/contacts/{contact_id}/contactpersons`).
//!
//! ```
//! use zoho_invoice_models::contact_persons::{ContactPerson, ContactPersonInput, ContactPersonsReply};
//! use zoho_invoice_models::envelope::Record;
//!
//! let answer: Record<ContactPerson> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "contact_person": {"contact_person_id": 460000000026051, "first_name": "Will", "phone": 1234}}"#)?;
//! assert_eq!(answer.record.first_name.as_deref(), Some("Will"));
//! assert_eq!(answer.record.phone.as_deref(), Some("1234"));
//!
//! // Creating or updating one answers with a list under the same key.
//! let saved: ContactPersonsReply = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "contact_person": [{"contact_person_id": 460000000026051, "is_primary_contact": true}]}"#)?;
//! assert_eq!(saved.contact_person.unwrap()[0].is_primary_contact, Some(true));
//!
//! let contact: zoho_invoice_models::ids::ContactId = "460000000026049".parse().unwrap();
//! let input = ContactPersonInput::new(contact, "Will").enable_portal(true);
//! assert_eq!(serde_json::to_value(&input)?, serde_json::json!({"contact_id": "460000000026049", "first_name": "Will", "enable_portal": true}));
//! # Ok::<(), serde_json::Error>(())
//! ```

use crate::envelope::resource;
use crate::ids::{ContactId, ContactPersonId};
use crate::macros::model;

model! {
    /// A contact person, as the API returns it (on its own or inside a contact).
    pub struct ContactPerson {
        /// The contact the person belongs to.
        contact_id: ContactId,
        /// The person's id.
        contact_person_id: ContactPersonId,
        /// Salutation (`Mr`; at most 25 characters).
        salutation: String,
        /// First name (at most 100 characters).
        first_name: String,
        /// Last name (at most 100 characters).
        last_name: String,
        /// Email address (at most 100 characters).
        email: String,
        /// Phone number (at most 50 characters).
        phone: String,
        /// Mobile number (at most 50 characters).
        mobile: String,
        /// Whether this is the contact's primary person.
        is_primary_contact: bool,
        /// Skype name (at most 50 characters).
        skype: String,
        /// Job title (at most 50 characters).
        designation: String,
        /// Department (at most 50 characters).
        department: String,
        /// Whether the person can use the client portal.
        is_added_in_portal: bool,
        /// Preferred modes of communication for the contact person (from Zoho Books' document).
        communication_preference: serde_json::Value,
    }
}
resource!(ContactPerson, "contact_person", "contact_persons");

model! {
    /// The writable fields of a contact person, to create one (`first_name` required) or
    /// update one (`contact_id` and `first_name` required).
    pub struct ContactPersonInput {
        /// The contact the person belongs to.
        @required contact_id: ContactId,
        /// Salutation (at most 25 characters).
        salutation: String,
        /// First name (required; at most 100 characters).
        @required first_name: String,
        /// Last name (at most 100 characters).
        last_name: String,
        /// Email address (at most 100 characters).
        email: String,
        /// Phone number (at most 50 characters).
        phone: String,
        /// Mobile number (at most 50 characters).
        mobile: String,
        /// Skype name (at most 50 characters).
        skype: String,
        /// Job title (at most 50 characters).
        designation: String,
        /// Department (at most 50 characters).
        department: String,
        /// Whether to give the person access to the client portal.
        enable_portal: bool,
        /// Preferred modes of communication for the contact person (from Zoho Books' document).
        communication_preference: serde_json::Value,
    }
}

model! {
    /// The answer to creating or updating a contact person: the contact's persons, as a list
    /// under `contact_person`.
    pub struct ContactPersonsReply {
        /// Zoho's code: 0 on success.
        code: i64,
        /// Zoho's message.
        message: String,
        /// The contact's persons.
        contact_person: Vec<ContactPerson>,
    }
}
