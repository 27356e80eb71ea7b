//! The macros of an operation's options and list filters, and the setters they give the
//! operation and its `Call`.

/// Defines a list filter: a struct of optional filters, plus the paging, sort order and
/// `last_modified_time` every list takes, and its [`ToQuery`](crate::query::ToQuery) impl.
///
/// Each field has a kind: `text` ([`TextFilter`](crate::query::TextFilter): `x`,
/// `x_startswith`, `x_contains`), `amount` ([`AmountFilter`](crate::query::AmountFilter)),
/// `date` ([`DateFilter`](crate::query::DateFilter)), or `value` (any `Display` value sent as
/// it is: ids, enums, flags).
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! list_filter {
    (
        $(#[$meta:meta])*
        pub struct $name:ident $(for $($op:ident . $of:ident),+ $(,)?)? { $($body:tt)* }
    ) => {
        $crate::macros::list_filter!(@struct [$(#[$meta])*] $name $($body)*);
        $crate::macros::list_filter!(@each [$($body)*] $($($op . $of,)+)?);
    };

    (@each [$($body:tt)*] $op:ident . $of:ident, $($rest:tt)*) => {
        $crate::macros::list_filter!(@setters $op $of $($body)*);
        $crate::macros::list_filter!(@each [$($body)*] $($rest)*);
    };
    (@each [$($body:tt)*]) => {};

    (@setters $op:ident $of:ident $( $(#[$fmeta:meta])* $kind:ident $field:ident $(: $fty:ty)? ),* $(,)?) => {
        $crate::macros::setters!(@one $op $of
            $( $(#[$fmeta])* $field : $crate::macros::list_filter!(@type $kind $($fty)?), )*
            /// The sort order (`A` or `D`).
            sort_order: $crate::query::SortOrder,
            /// Only records changed since this time.
            last_modified_time: zoho_invoice_models::Timestamp,
        );

        impl $op {
            /// The page to fetch, from 1.
            pub fn page(mut self, page: u32) -> Self {
                self.$of.paging.page = Some(page);
                self
            }

            /// How many records a page holds (at most 200).
            pub fn per_page(mut self, per_page: u32) -> Self {
                self.$of.paging.per_page = Some(per_page);
                self
            }
        }

        impl<C> $crate::Call<$op, C> {
            /// The page to fetch, from 1.
            pub fn page(self, page: u32) -> Self {
                self.map(|op| op.page(page))
            }

            /// How many records a page holds (at most 200).
            pub fn per_page(self, per_page: u32) -> Self {
                self.map(|op| op.per_page(per_page))
            }
        }
    };

    (@struct [$(#[$meta:meta])*] $name:ident $( $(#[$fmeta:meta])* $kind:ident $field:ident $(: $fty:ty)? ),* $(,)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: Option<$crate::macros::list_filter!(@type $kind $($fty)?)>, )*
            /// The sort order (`A` or `D`).
            pub sort_order: Option<$crate::query::SortOrder>,
            /// Only records changed since this time.
            pub last_modified_time: Option<zoho_invoice_models::Timestamp>,
            /// Which page, and how many records per page.
            pub paging: $crate::query::Paging,
        }

        impl $crate::query::ToQuery for $name {
            fn to_query(&self, query: &mut $crate::query::Query) -> Result<(), $crate::Error> {
                $(
                    if let Some(v) = &self.$field {
                        $crate::macros::list_filter!(@push query v $kind $field);
                    }
                )*
                if let Some(order) = self.sort_order {
                    query.push("sort_order", order.to_string());
                }
                if let Some(t) = &self.last_modified_time {
                    query.push("last_modified_time", $crate::query::timestamp_value(t));
                }
                $crate::query::ToQuery::to_query(&self.paging, query)
            }
        }
    };

    (@type text) => { $crate::query::TextFilter };
    (@type amount) => { $crate::query::AmountFilter };
    (@type date) => { $crate::query::DateFilter };
    (@type value $ty:ty) => { $ty };

    (@push $q:ident $v:ident text $f:ident) => { $v.push(stringify!($f), $q) };
    (@push $q:ident $v:ident amount $f:ident) => { $v.push(stringify!($f), $q) };
    (@push $q:ident $v:ident date $f:ident) => { $v.push(stringify!($f), $q) };
    (@push $q:ident $v:ident value $f:ident) => { $q.push(stringify!($f), $v.to_string()) };
}
#[allow(unused_imports)]
pub(crate) use list_filter;

/// Defines the query options of an operation: a struct of optional values, each sent under
/// its field's name when set (`send=true`), and its [`ToQuery`](crate::query::ToQuery) impl.
/// With `for Operation.field, ...`, each field also gets a setter on those operations and on
/// their [`Call`](crate::Call)s (`.send(true)`).
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! query_options {
    (
        $(#[$meta:meta])*
        pub struct $name:ident $(for $($op:ident . $of:ident),+ $(,)?)? { $($body:tt)* }
    ) => {
        $crate::macros::query_options!(@struct [$(#[$meta])*] $name $($body)*);
        $crate::macros::setters!(@each [$($body)*] $($($op . $of,)+)?);
    };

    (@struct [$(#[$meta:meta])*] $name:ident $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: Option<$fty>, )*
        }

        impl $crate::query::ToQuery for $name {
            fn to_query(&self, query: &mut $crate::query::Query) -> Result<(), $crate::Error> {
                $( query.push_some(stringify!($field), self.$field.as_ref()); )*
                Ok(())
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use query_options;

/// Setters for the optional fields of an operation's option or filter struct: on the
/// operation (`ListInvoices::new().status(..)`) and on its [`Call`](crate::Call)
/// (`client.invoices().list().status(..)`, which hands the operation's own setter over). Each
/// sets `operation.field.name = Some(value)`.
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! setters {
    (@each [$($body:tt)*] $op:ident . $of:ident, $($rest:tt)*) => {
        $crate::macros::setters!(@one $op $of $($body)*);
        $crate::macros::setters!(@each [$($body)*] $($rest)*);
    };
    (@each [$($body:tt)*]) => {};

    (@one $op:ident $of:ident $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)?) => {
        impl $op {
            $(
                $(#[$fmeta])*
                pub fn $field(mut self, value: impl Into<$fty>) -> Self {
                    self.$of.$field = Some(value.into());
                    self
                }
            )*
        }

        impl<C> $crate::Call<$op, C> {
            $(
                $(#[$fmeta])*
                pub fn $field(self, value: impl Into<$fty>) -> Self {
                    self.map(|op| op.$field(value))
                }
            )*
        }
    };
}
#[allow(unused_imports)]
pub(crate) use setters;
