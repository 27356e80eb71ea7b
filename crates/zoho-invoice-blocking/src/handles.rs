//! The resource handles on the blocking client: the same handles as the async client's,
//! whose calls [`run`](zoho_invoice::Call::run) on the runtime thread.

use zoho_invoice::{Call, CallOptions, Endpoint, Error};

use crate::client::Client;

impl zoho_invoice::BlockingExecutor for Client {
    fn execute<E>(&self, endpoint: E, options: CallOptions) -> Result<E::Output, Error>
    where
        E: Endpoint + 'static,
        E::Output: Send + 'static,
    {
        self.send_with(endpoint, options)
    }
}

/// An accessor per resource group compiled in.
macro_rules! accessors {
    ($($feature:literal => $module:ident :: $handle:ident as $accessor:ident),+ $(,)?) => {
        impl Client {
            $(
                #[cfg(feature = $feature)]
                #[doc = concat!("The [`", stringify!($handle), "`](zoho_invoice::", stringify!($module),
                                "::", stringify!($handle), ") handle: its operations as calls to \
                                 [`run`](zoho_invoice::Call::run).")]
                pub fn $accessor(&self) -> zoho_invoice::$module::$handle<Client> {
                    zoho_invoice::$module::$handle::new(self.clone())
                }
            )+
        }
    };
}

accessors!(
    "contacts" => contacts::Contacts as contacts,
    "credit-notes" => credit_notes::CreditNotes as credit_notes,
    "currencies" => currencies::Currencies as currencies,
    "customer-payments" => customer_payments::CustomerPayments as customer_payments,
    "estimates" => estimates::Estimates as estimates,
    "expenses" => expenses::Expenses as expenses,
    "invoices" => invoices::Invoices as invoices,
    "items" => items::Items as items,
    "organizations" => organizations::Organizations as organizations,
    "projects" => projects::Projects as projects,
    "recurring-expenses" => recurring_expenses::RecurringExpenses as recurring_expenses,
    "recurring-invoices" => recurring_invoices::RecurringInvoices as recurring_invoices,
    "retainer-invoices" => retainer_invoices::RetainerInvoices as retainer_invoices,
    "taxes" => taxes::Taxes as taxes,
    "time-entries" => time_entries::TimeEntries as time_entries,
    "users" => users::Users as users,
);

/// A call the blocking client runs: what its handles return.
pub type BlockingCall<E> = Call<E, Client>;
