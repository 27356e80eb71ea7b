//! Typed ids, one type per resource, so an invoice id cannot be passed where a contact id
//! belongs.
//!
//! Zoho ids are 17-19 digit numbers, sent as strings and shown in the reference as bare JSON
//! numbers too (`1152891000000265000`, above 2^53). Both forms are accepted and every digit is
//! kept: a number is read as an integer, never through a float. An id encodes back in the form
//! it came in; ids made in code encode as strings, as the API expects.
//!
//! Ids made from text are checked ([`InvalidId`]): an id can never be empty or carry `/`, `?`,
//! `#`, `%`, `..`, whitespace or control characters that could change the path of a request.
//! Ids decoded from the server are taken as sent.
//!
//! ```
//! use zoho_invoice_models::ids::{ContactId, InvoiceId};
//!
//! let id: InvoiceId = "982000000567114".parse()?;
//! assert_eq!(id.to_string(), "982000000567114");
//! assert!("../contacts".parse::<ContactId>().is_err());
//!
//! let big: InvoiceId = serde_json::from_str("1152891000000265000").unwrap();
//! assert_eq!(big.as_str(), "1152891000000265000");
//! assert_eq!(serde_json::to_string(&big).unwrap(), "1152891000000265000");
//! # Ok::<(), zoho_invoice_models::ids::InvalidId>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use serde_json::value::RawValue;

use crate::id_text::IdText;
use crate::lenient::{FromScalar, Lenient, Reading, is_plain_integer, non_blank};
use crate::raw::Scalar;

/// The resource an [`Id`] belongs to.
pub trait IdKind {
    /// The type's name, as shown by `Debug` (`InvoiceId`).
    const NAME: &'static str;
}

/// An id of one kind of resource; use the aliases ([`InvoiceId`], [`ContactId`], ...).
pub struct Id<K> {
    text: IdText,
    /// Whether it arrived as a bare JSON number, so that it is encoded back the same way.
    numeric: bool,
    kind: PhantomData<fn() -> K>,
}

/// Why a text cannot be an id.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InvalidId {
    /// The text is empty or only whitespace.
    Empty,
    /// The text holds a character or sequence that could change a request's path.
    Unsafe {
        /// The offending text.
        id: String,
    },
}

impl fmt::Display for InvalidId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("an id cannot be empty"),
            Self::Unsafe { id } => write!(
                f,
                "invalid id {id:?}: ids cannot contain '/', '?', '#', '%', '..', whitespace or control characters"
            ),
        }
    }
}

impl std::error::Error for InvalidId {}

/// Checks that a text is usable as an id in a request path.
pub fn check_id(text: &str) -> Result<(), InvalidId> {
    if text.trim().is_empty() {
        return Err(InvalidId::Empty);
    }
    let unsafe_char =
        |c: char| matches!(c, '/' | '\\' | '?' | '#' | '%') || c.is_whitespace() || c.is_control();
    if text.contains(unsafe_char) || text.contains("..") || text == "." {
        return Err(InvalidId::Unsafe {
            id: text.to_owned(),
        });
    }
    Ok(())
}

impl<K> Id<K> {
    /// Makes an id from text, checking that it is safe to put in a path.
    pub fn new(text: impl Into<String>) -> Result<Self, InvalidId> {
        let text = text.into();
        check_id(&text)?;
        Ok(Self::unchecked(&text, false))
    }

    fn unchecked(text: &str, numeric: bool) -> Self {
        Self::with_text(IdText::new(text), numeric)
    }

    fn with_text(text: IdText, numeric: bool) -> Self {
        Self {
            text,
            numeric,
            kind: PhantomData,
        }
    }

    /// The id's text.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The id as a number, when it is one.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_str().parse().ok()
    }
}

impl<K> From<u64> for Id<K> {
    fn from(value: u64) -> Self {
        Self::unchecked(itoa::Buffer::new().format(value), false)
    }
}

impl<K> FromStr for Id<K> {
    type Err = InvalidId;
    fn from_str(s: &str) -> Result<Self, InvalidId> {
        Self::new(s)
    }
}

impl<K> TryFrom<&str> for Id<K> {
    type Error = InvalidId;
    fn try_from(s: &str) -> Result<Self, InvalidId> {
        Self::new(s)
    }
}

impl<K> TryFrom<String> for Id<K> {
    type Error = InvalidId;
    fn try_from(s: String) -> Result<Self, InvalidId> {
        Self::new(s)
    }
}

/// A copy of a borrowed id, so that calls take `&invoice.invoice_id` as well as the id.
impl<K> From<&Id<K>> for Id<K> {
    fn from(id: &Id<K>) -> Self {
        id.clone()
    }
}

impl<K> Clone for Id<K> {
    fn clone(&self) -> Self {
        Self::with_text(self.text.clone(), self.numeric)
    }
}

impl<K> PartialEq for Id<K> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl<K> Eq for Id<K> {}

impl<K> Hash for Id<K> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl<K> PartialOrd for Id<K> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Numeric ids order by value (shorter digit strings first), others by text.
impl<K> Ord for Id<K> {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.as_str(), other.as_str());
        (a.len(), a).cmp(&(b.len(), b))
    }
}

impl<K: IdKind> fmt::Debug for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({:?})", K::NAME, self.as_str())
    }
}

impl<K> fmt::Display for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<K> AsRef<str> for Id<K> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl<K> FromScalar for Id<K> {
    /// A non-blank string, taken as sent; an integer, kept to the digit (and written back as a
    /// number).
    fn read_scalar(scalar: Scalar<'_>) -> Reading<Self> {
        match scalar {
            Scalar::Text(text) if non_blank(&text).is_some() => {
                Reading::exact(Self::unchecked(&text, false))
            }
            Scalar::Number(text) if is_plain_integer(text) => {
                Reading::exact(Self::unchecked(text, true))
            }
            _ => Reading::inexact(None),
        }
    }
}

impl<K> crate::direct::ReadDirect for Id<K> {
    fn read_direct<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<crate::direct::Direct<Self>, D::Error> {
        crate::direct::read_scalar(d)
    }
}

impl<K> Lenient for Id<K> {
    fn read_json(raw: &str) -> Reading<Self> {
        Self::read_scalar(Scalar::of(raw))
    }
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize(s)
    }
}

impl<K> Serialize for Id<K> {
    /// A string, or the number it came as (every digit, beyond `u64` too).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !self.numeric {
            return s.serialize_str(self.as_str());
        }
        if let Ok(n) = self.as_str().parse::<u64>() {
            return s.serialize_u64(n);
        }
        match RawValue::from_string(self.as_str().to_owned()) {
            Ok(raw) => raw.serialize(s),
            Err(_) => s.serialize_str(self.as_str()),
        }
    }
}

/// Accepts a string or an integer; anything else (including a blank string) is an error.
impl<'de, K> Deserialize<'de> for Id<K> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::decode(d)?
            .ok_or_else(|| serde::de::Error::custom("expected an id (a string or an integer)"))
    }
}

macro_rules! ids {
    ($($(#[$doc:meta])* $alias:ident => $kind:ident;)*) => {
        /// Marker types naming the resource of each [`Id`].
        pub mod kind {
            $(
                #[doc = concat!("Marker for [`", stringify!($alias), "`](super::", stringify!($alias), ").")]
                #[derive(Debug)]
                pub enum $kind {}
                impl super::IdKind for $kind {
                    const NAME: &'static str = stringify!($alias);
                }
            )*
        }
        $(
            $(#[$doc])*
            pub type $alias = Id<kind::$kind>;
        )*
    };
}

ids! {
    /// An organization (`organization_id`).
    OrganizationId => Organization;
    /// An item (`item_id`).
    ItemId => Item;
    /// A price list (`pricebook_id`).
    PriceListId => PriceList;
    /// A contact: a customer or vendor (`contact_id`, `customer_id`).
    ContactId => Contact;
    /// A contact person (`contact_person_id`).
    ContactPersonId => ContactPerson;
    /// An address of a contact (`address_id`).
    AddressId => Address;
    /// An estimate (`estimate_id`).
    EstimateId => Estimate;
    /// An invoice (`invoice_id`).
    InvoiceId => Invoice;
    /// A recurring invoice (`recurring_invoice_id`).
    RecurringInvoiceId => RecurringInvoice;
    /// A customer payment (`payment_id`, `customer_payment_id`).
    PaymentId => Payment;
    /// A refund of a customer payment or credit note (`refund_id`, `creditnote_refund_id`).
    RefundId => Refund;
    /// A retainer invoice (`retainerinvoice_id`).
    RetainerInvoiceId => RetainerInvoice;
    /// A credit note (`creditnote_id`).
    CreditNoteId => CreditNote;
    /// An expense (`expense_id`).
    ExpenseId => Expense;
    /// An expense category, an account in Zoho's books (`account_id`, `category_id`).
    ExpenseCategoryId => ExpenseCategory;
    /// A recurring expense (`recurring_expense_id`).
    RecurringExpenseId => RecurringExpense;
    /// A project (`project_id`).
    ProjectId => Project;
    /// A task of a project (`task_id`).
    TaskId => Task;
    /// A user (`user_id`).
    UserId => User;
    /// A time entry (`time_entry_id`).
    TimeEntryId => TimeEntry;
    /// A comment or history entry (`comment_id`).
    CommentId => Comment;
    /// A line item (`line_item_id`).
    LineItemId => LineItem;
    /// A tax (`tax_id`).
    TaxId => Tax;
    /// A tax exemption (`tax_exemption_id`).
    TaxExemptionId => TaxExemption;
    /// A tax authority (`tax_authority_id`).
    TaxAuthorityId => TaxAuthority;
    /// A currency (`currency_id`).
    CurrencyId => Currency;
    /// An exchange rate of a currency (`exchange_rate_id`).
    ExchangeRateId => ExchangeRate;
    /// A template (`template_id`).
    TemplateId => Template;
    /// A custom field (`customfield_id`).
    CustomFieldId => CustomField;
    /// An attached document (`document_id`).
    DocumentId => Document;
    /// An account of the chart of accounts (`account_id`).
    AccountId => Account;
    /// An employee, on mileage expenses (`employee_id`).
    EmployeeId => Employee;
    /// A payment made to an invoice (`invoice_payment_id`).
    InvoicePaymentId => InvoicePayment;
    /// Credits applied to an invoice (`creditnotes_invoice_id`, `creditnote_invoice_id`).
    CreditApplicationId => CreditApplication;
    /// A payment gateway's id for a transaction or a payment term (`payment_terms_id`, ...).
    GenericId => Generic;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_numbers_keep_every_digit_and_their_form() {
        let s: InvoiceId = serde_json::from_str(r#""1152891000000265000""#).unwrap();
        let n: InvoiceId = serde_json::from_str("1152891000000265000").unwrap();
        assert_eq!(s, n);
        assert_eq!(n.as_str(), "1152891000000265000");
        assert_eq!(n.as_u64(), Some(1_152_891_000_000_265_000));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#""1152891000000265000""#
        );
        assert_eq!(serde_json::to_string(&n).unwrap(), "1152891000000265000");
    }

    #[test]
    fn ids_made_in_code_are_checked_and_encode_as_strings() {
        assert_eq!(InvoiceId::new(""), Err(InvalidId::Empty));
        assert_eq!(InvoiceId::new("  "), Err(InvalidId::Empty));
        for bad in [
            "a/b", "..", "1?x=2", "1#f", "%2F", "1 2", "a\nb", ".", "a\\b",
        ] {
            assert!(
                matches!(InvoiceId::new(bad), Err(InvalidId::Unsafe { .. })),
                "{bad}"
            );
        }
        let id = InvoiceId::from(42u64);
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""42""#);
        assert_eq!(format!("{id:?}"), r#"InvoiceId("42")"#);
    }

    #[test]
    fn blank_or_odd_ids_do_not_decode_as_ids() {
        assert!(serde_json::from_str::<InvoiceId>(r#""""#).is_err());
        assert!(serde_json::from_str::<InvoiceId>("1.5").is_err());
        assert!(serde_json::from_str::<InvoiceId>("true").is_err());
    }

    #[test]
    fn order_is_numeric_for_numeric_ids() {
        let a = InvoiceId::from(9u64);
        let b = InvoiceId::from(10u64);
        assert!(a < b);
    }
}
