//! The macros operations and list filters are written with.

/// Defines an operation: a struct of its inputs, its [`Endpoint`](crate::Endpoint) impl, a
/// constructor taking its required inputs, and (`as Handle.method`) the method of the resource
/// handle that makes it.
///
/// Each field has a kind. Required, taken by `new` and by the handle's method, in order:
/// `path` (an id filling the next `{...}` of the path template, in order), `query` (a
/// [`ToQuery`](crate::query::ToQuery) value the call needs), `body` (sent as JSON) or `upload`
/// (sent as a multipart file). Optional, left at their defaults by `new` and set with the
/// setters their type's macro generates: `option` (query options) and `list` (the list filter
/// of a paginated operation, which also makes it [`Paginated`](crate::Paginated)).
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! operation {
    (
        $(#[$meta:meta])*
        pub struct $name:ident = ($resource:literal, $op:literal, $method:ident $path:literal) -> $out:ty as $handle:ident . $hmethod:ident {
            $( $(#[$fmeta:meta])* $kind:ident $field:ident : $fty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $fty, )*
        }

        impl $crate::endpoint::Endpoint for $name {
            type Output = $out;
            const OPERATION: $crate::endpoint::Operation = $crate::endpoint::Operation {
                resource: $resource,
                name: $op,
                method: ::http::Method::$method,
                path: $path,
            };

            #[allow(unused_mut, clippy::vec_init_then_push)]
            fn path_ids(&self) -> Vec<&str> {
                let mut ids: Vec<&str> = Vec::new();
                $( $crate::macros::operation!(@path ids self $kind $field); )*
                ids
            }

            #[allow(unused_variables)]
            fn query(&self, query: &mut $crate::query::Query) -> Result<(), $crate::Error> {
                $( $crate::macros::operation!(@query query self $kind $field); )*
                Ok(())
            }

            #[allow(unreachable_code)]
            fn body(&self) -> Result<$crate::endpoint::Body, $crate::Error> {
                $( $crate::macros::operation!(@body self $kind $field); )*
                Ok($crate::endpoint::Body::None)
            }
        }

        // Every answer can be given back by a handle's call.
        const _: fn() = || {
            fn returned<T: $crate::Returned>() {}
            returned::<$out>();
        };
        $crate::macros::operation!(
            @new [$handle $hmethod] $name [$(#[$meta])*] [] [] ; $( $kind $field : $fty, )*
        );
        $crate::macros::operation!(@paginated $name $( $kind $field )*);
    };

    (@path $ids:ident $s:ident path $f:ident) => { $ids.push($s.$f.as_str()); };
    (@path $ids:ident $s:ident $kind:ident $f:ident) => {};

    (@query $q:ident $s:ident query $f:ident) => {
        $crate::query::ToQuery::to_query(&$s.$f, $q)?;
    };
    (@query $q:ident $s:ident option $f:ident) => {
        $crate::query::ToQuery::to_query(&$s.$f, $q)?;
    };
    (@query $q:ident $s:ident list $f:ident) => { $crate::query::ToQuery::to_query(&$s.$f, $q)?; };
    (@query $q:ident $s:ident $kind:ident $f:ident) => {};

    (@body $s:ident body $f:ident) => { return $crate::endpoint::Body::json(&$s.$f); };
    (@body $s:ident upload $f:ident) => { return Ok($crate::endpoint::Body::Multipart($s.$f.clone())); };
    (@body $s:ident $kind:ident $f:ident) => {};

    // The constructor and the handle's method: the required fields are arguments, in order;
    // the optional ones start at their defaults.
    (@new $h:tt $name:ident $docs:tt [$($arg:ident : $aty:ty,)*] [$($init:tt)*] ; ) => {
        impl $name {
            #[doc = concat!("[`", stringify!($name), "`] with its required inputs; its options \
                             and filters at their defaults, set with its setters.")]
            #[allow(clippy::too_many_arguments, clippy::new_without_default)]
            pub fn new($($arg: impl Into<$aty>),*) -> Self {
                Self { $($arg: $arg.into(),)* $($init)* }
            }
        }
        $crate::macros::operation!(@handle $h $name $docs [$($arg : $aty,)*]);
    };
    (@new $h:tt $name:ident $docs:tt [$($args:tt)*] [$($init:tt)*] ; option $f:ident : $t:ty, $($rest:tt)*) => {
        $crate::macros::operation!(
            @new $h $name $docs [$($args)*] [$($init)* $f: ::core::default::Default::default(),] ; $($rest)*
        );
    };
    (@new $h:tt $name:ident $docs:tt [$($args:tt)*] [$($init:tt)*] ; list $f:ident : $t:ty, $($rest:tt)*) => {
        $crate::macros::operation!(
            @new $h $name $docs [$($args)*] [$($init)* $f: ::core::default::Default::default(),] ; $($rest)*
        );
    };
    (@new $h:tt $name:ident $docs:tt [$($args:tt)*] [$($init:tt)*] ; $k:ident $f:ident : $t:ty, $($rest:tt)*) => {
        $crate::macros::operation!(@new $h $name $docs [$($args)* $f : $t,] [$($init)*] ; $($rest)*);
    };

    (@handle [$handle:ident $hmethod:ident] $name:ident [$(#[$meta:meta])*] [$($arg:ident : $aty:ty,)*]) => {
        impl<C: ::core::clone::Clone> $handle<C> {
            $(#[$meta])*
            ///
            #[doc = concat!("Makes [`", stringify!($name), "`].")]
            #[allow(clippy::too_many_arguments)]
            pub fn $hmethod(&self, $($arg: impl Into<$aty>),*) -> $crate::Call<$name, C> {
                $crate::Call::new(self.client().clone(), $name::new($($arg),*))
            }
        }
    };

    (@paginated $name:ident list $f:ident $($rest:tt)*) => {
        impl $crate::paginate::Paginated for $name {
            fn paging_mut(&mut self) -> Option<&mut $crate::query::Paging> {
                Some(&mut self.$f.paging)
            }
        }
    };
    (@paginated $name:ident $kind:ident $f:ident $($rest:tt)*) => {
        $crate::macros::operation!(@paginated $name $($rest)*);
    };
    (@paginated $name:ident) => {};
}
#[allow(unused_imports)]
pub(crate) use operation;

/// Wraps a resource module's items: passes every item through, and lists the operations its
/// `operation!` declarations define as the module's `OPERATIONS` (checked against the
/// endpoint table by a test). So an operation is written once, in its declaration.
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! resource {
    (@munch [$($names:ident)*] ; operation! { $(#[$meta:meta])* pub struct $name:ident $($rest:tt)* } $($tail:tt)*) => {
        $crate::macros::operation! { $(#[$meta])* pub struct $name $($rest)* }
        $crate::macros::resource!(@munch [$($names)* $name] ; $($tail)*);
    };
    (@munch [$($names:ident)*] ; $item:item $($tail:tt)*) => {
        $item
        $crate::macros::resource!(@munch [$($names)*] ; $($tail)*);
    };
    (@munch [$($names:ident)*] ; ) => {
        /// The operations of this module, in the order they are declared.
        pub(crate) const OPERATIONS: &[$crate::endpoint::Operation] =
            &[$(<$names as $crate::endpoint::Endpoint>::OPERATION),*];
    };
    // The entry, last: the rules above must match the calls it makes.
    ($($items:tt)*) => {
        $crate::macros::resource!(@munch [] ; $($items)*);
    };
}
#[allow(unused_imports)]
pub(crate) use resource;

/// Defines a resource handle: `client.invoices()`, whose methods make the resource's
/// operations as [`Call`](crate::Call)s (each operation's `as Handle.method` adds its method).
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! handle {
    ($(#[$meta:meta])* $handle:ident = $accessor:ident) => {
        $(#[$meta])*
        ///
        /// Made by the client's accessor of the same name; generic over the client, so that the
        /// blocking client has the same handles.
        #[derive(Debug, Clone)]
        pub struct $handle<C = $crate::Client> {
            client: C,
        }

        impl<C> $handle<C> {
            /// The handle on `client`.
            pub fn new(client: C) -> Self {
                Self { client }
            }

            /// The client its calls go through.
            pub fn client(&self) -> &C {
                &self.client
            }
        }

        impl $crate::Client {
            #[doc = concat!("The [`", stringify!($handle), "`] handle: its operations as calls.")]
            pub fn $accessor(&self) -> $handle {
                $handle::new(self.clone())
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use handle;

/// Makes list operations the API sends whole (no paging parameters) walkable like the others:
/// `pages` and `items` make the one request.
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! whole_list {
    ($($name:ident),+ $(,)?) => {
        $(
            impl $crate::paginate::Paginated for $name {
                fn paging_mut(&mut self) -> Option<&mut $crate::query::Paging> {
                    None
                }
            }
        )+
    };
}
#[allow(unused_imports)]
pub(crate) use whole_list;

/// Makes bulk operations [`Chunkable`](crate::chunked::Chunkable) by the [`BulkIds`](crate::query::BulkIds)
/// field named: each chunk is the operation with a part of the ids.
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! chunkable {
    ($($name:ident by $field:ident),+ $(,)?) => {
        $(
            impl $crate::chunked::Chunkable for $name {
                const LIMIT: usize = {
                    // The limit of the field's type.
                    const fn limit<K, const L: usize>(_: fn(&$name) -> &$crate::query::BulkIds<K, L>) -> usize {
                        L
                    }
                    limit(|op: &$name| &op.$field)
                };

                fn id_count(&self) -> usize {
                    self.$field.ids().len()
                }

                fn chunks(&self) -> Vec<Self> {
                    self.$field
                        .chunks()
                        .into_iter()
                        .map(|ids| {
                            let mut chunk = self.clone();
                            chunk.$field = ids;
                            chunk
                        })
                        .collect()
                }
            }
        )+
    };
}
#[allow(unused_imports)]
pub(crate) use chunkable;

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
            pub fn page(mut self, page: u32) -> Self {
                self.endpoint_mut().$of.paging.page = Some(page);
                self
            }

            /// How many records a page holds (at most 200).
            pub fn per_page(mut self, per_page: u32) -> Self {
                self.endpoint_mut().$of.paging.per_page = Some(per_page);
                self
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
/// (`client.invoices().list().status(..)`). Each sets `operation.field.name = Some(value)`.
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
                pub fn $field(mut self, value: impl Into<$fty>) -> Self {
                    self.endpoint_mut().$of.$field = Some(value.into());
                    self
                }
            )*
        }
    };
}
#[allow(unused_imports)]
pub(crate) use setters;

/// Makes a list operation watchable: its records are [`Watched`](crate::watch::Watched) by
/// their id and the first of their time fields that is set, and the list
/// [`Watchable`](crate::watch::Watchable) by its `last_modified_time` filter, sorted by
/// `sort_column`, ascending.
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! watchable {
    (
        $list:ty => $record:ty {
            id: $id:ident,
            last_modified: [$($time:ident),+ $(,)?],
            $(created: $created:ident,)?
            sort_column: $sort:expr $(,)?
        }
    ) => {
        impl $crate::watch::Watched for $record {
            fn watch_id(&self) -> Option<String> {
                Some(self.$id.as_str().to_owned())
            }
            fn last_modified(&self) -> Option<zoho_invoice_models::Timestamp> {
                None $( .or(self.$time) )+
            }
            $(
                fn created(&self) -> Option<zoho_invoice_models::Timestamp> {
                    self.$created
                }
            )?
        }

        impl $crate::watch::Watchable for $list {
            fn changed_since(&mut self, since: Option<zoho_invoice_models::Timestamp>) {
                self.filter.last_modified_time = since;
                self.filter.sort_column = Some($sort);
                self.filter.sort_order = Some($crate::query::SortOrder::Ascending);
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use watchable;
