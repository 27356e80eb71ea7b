//! The macros an operation and its resource module are declared with: `operation!`, the
//! module's `resource!`, its `handle!`, and the marks `whole_list!` and `chunkable!`.

/// Defines an operation: a struct of its inputs, its [`Endpoint`](crate::Endpoint) impl, a
/// constructor taking its required inputs, and (`as Handle.method`) the method of the resource
/// handle that makes it.
///
/// Each field has a kind. Required, taken by `new` and by the handle's method, in order:
/// `path` (an id filling the next `{...}` of the path template, in order), `query` (a
/// [`ToQuery`](crate::query::ToQuery) value the call needs), `header` (a
/// [`UniqueField`](crate::UniqueField) sent as headers), `body` (sent as JSON) or `upload`
/// (sent as a multipart file). Optional, left at their defaults by `new` and set with the
/// setters their type's macro generates: `option` (query options), `list` (the list filter
/// of a paginated operation, which also makes it [`Paginated`](crate::Paginated)) and `files`
/// (a `Vec<Upload>` sent with the `body` as `attachments`, added with `.attach(..)`).
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

            #[allow(unreachable_code, unused_mut, unused_assignments, unused_variables)]
            fn body(&self) -> Result<$crate::endpoint::Body, $crate::Error> {
                let mut files: &[$crate::endpoint::Upload] = &[];
                $( $crate::macros::operation!(@files files self $kind $field); )*
                $( $crate::macros::operation!(@body self files $kind $field); )*
                Ok($crate::endpoint::Body::None)
            }

            #[allow(unused_variables)]
            fn headers(&self, headers: &mut ::http::HeaderMap) -> Result<(), $crate::Error> {
                $( $crate::macros::operation!(@header headers self $kind $field); )*
                Ok(())
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

    (@header $h:ident $s:ident header $f:ident) => { $s.$f.to_headers($h)?; };
    (@header $h:ident $s:ident $kind:ident $f:ident) => {};

    (@files $v:ident $s:ident files $f:ident) => { $v = &$s.$f; };
    (@files $v:ident $s:ident $kind:ident $f:ident) => {};

    (@body $s:ident $files:ident body $f:ident) => {
        return $crate::endpoint::Body::json_with_files(&$s.$f, $files);
    };
    (@body $s:ident $files:ident upload $f:ident) => { return Ok($crate::endpoint::Body::Multipart($s.$f.clone())); };
    (@body $s:ident $files:ident $kind:ident $f:ident) => {};

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

        impl $crate::sample::Sample for $name {
            fn sample() -> Option<Self> {
                Some(Self::new($(<$aty as $crate::sample::Sample>::sample()?),*))
            }
        }
        $crate::macros::operation!(@handle $h $name $docs [$($arg : $aty,)*]);
    };
    (@new $h:tt $name:ident $docs:tt [$($args:tt)*] [$($init:tt)*] ; option $f:ident : $t:ty, $($rest:tt)*) => {
        $crate::macros::operation!(
            @new $h $name $docs [$($args)*] [$($init)* $f: ::core::default::Default::default(),] ; $($rest)*
        );
    };
    (@new $h:tt $name:ident $docs:tt [$($args:tt)*] [$($init:tt)*] ; files $f:ident : $t:ty, $($rest:tt)*) => {
        impl $name {
            /// Attaches a file to the email (sent as `attachments`, with the email's fields as
            /// `JSONString`).
            pub fn attach(
                mut self,
                file_name: impl Into<String>,
                content_type: impl Into<String>,
                bytes: impl Into<bytes::Bytes>,
            ) -> Self {
                self.$f.push($crate::endpoint::Upload::new("attachments", file_name, content_type, bytes));
                self
            }
        }

        impl<C> $crate::Call<$name, C> {
            /// Attaches a file to the email (sent as `attachments`).
            pub fn attach(
                self,
                file_name: impl Into<String>,
                content_type: impl Into<String>,
                bytes: impl Into<bytes::Bytes>,
            ) -> Self {
                self.map(|op| op.attach(file_name, content_type, bytes))
            }
        }

        $crate::macros::operation!(
            @new $h $name $docs [$($args)*] [$($init)* $f: ::std::vec::Vec::new(),] ; $($rest)*
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

        /// The operations of this module built from samples, in the order they are declared.
        pub(crate) fn samples() -> Vec<$crate::sample::Sampled> {
            vec![$($crate::sample::Sampled::of::<$names>()),*]
        }
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
