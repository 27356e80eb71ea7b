//! The macros operations and list filters are written with.

/// Defines an operation: a struct of its inputs and its [`Endpoint`](crate::Endpoint) impl.
///
/// Each field has a kind: `path` (an id filling the next `{...}` of the path template, in
/// order), `query` (a [`ToQuery`](crate::query::ToQuery) value), `list` (the list filter of a
/// paginated operation, which also makes it [`Paginated`](crate::Paginated)), `body` (sent as
/// JSON) or `upload` (sent as a multipart file).
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! operation {
    (
        $(#[$meta:meta])*
        pub struct $name:ident = ($resource:literal, $op:literal, $method:ident $path:literal) -> $out:ty {
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

        $crate::macros::operation!(@paginated $name $( $kind $field )*);
    };

    (@path $ids:ident $s:ident path $f:ident) => { $ids.push($s.$f.as_str()); };
    (@path $ids:ident $s:ident $kind:ident $f:ident) => {};

    (@query $q:ident $s:ident query $f:ident) => {
        $crate::query::ToQuery::to_query(&$s.$f, $q)?;
    };
    (@query $q:ident $s:ident list $f:ident) => { $crate::query::ToQuery::to_query(&$s.$f, $q)?; };
    (@query $q:ident $s:ident $kind:ident $f:ident) => {};

    (@body $s:ident body $f:ident) => { return $crate::endpoint::Body::json(&$s.$f); };
    (@body $s:ident upload $f:ident) => { return Ok($crate::endpoint::Body::Multipart($s.$f.clone())); };
    (@body $s:ident $kind:ident $f:ident) => {};

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
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $kind:ident $field:ident $(: $fty:ty)? ),* $(,)?
        }
    ) => {
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
#[allow(unused_macros)] // with no resource feature, nothing uses it
macro_rules! query_options {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)?
        }
    ) => {
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
            sort_column: $sort:expr $(,)?
        }
    ) => {
        impl $crate::watch::Watched for $record {
            fn watch_id(&self) -> Option<String> {
                self.$id.as_ref().map(|id| id.as_str().to_owned())
            }
            fn last_modified(&self) -> Option<zoho_invoice_models::Timestamp> {
                None $( .or(self.$time) )+
            }
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
