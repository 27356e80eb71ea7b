//! The macros every resource module is written with.

/// Defines a model: a struct whose fields are optional and decoded leniently, plus an `extra`
/// map that keeps every field the model does not name.
///
/// Write each field with its plain type; the macro makes it `Option<T>`, decodes it through
/// [`crate::lenient`], and leaves it out of the JSON when it is `None`. Each field also gets a
/// setter of its name (`InvoiceInput::new(..).date(..)`). Two marks change a field:
///
/// - `@required` (inputs): what the API requires to create (or replace) one. The field is
///   its value, not an `Option`, so it cannot be left out; those fields are the arguments of
///   a `new` constructor, and the model has no `Default`.
/// - `@id` (records): the record's own id, always in what Zoho sends for it. The field is
///   the id itself, not an `Option`, and an answer without it (or with a blank one) fails to
///   decode with an error naming the field. A model with an `@id` has no `Default`.
macro_rules! model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $(@$mark:ident)? $field:ident : $ty:ty
            ),* $(,)?
        }
    ) => {
        crate::macros::model!(
            @build [$(#[$meta])*] $name [] [] [Default] ; $( [$($mark)?] [$(#[$fmeta])*] $field : $ty, )*
        );
        crate::macros::model!(@new $name [] [] ; $( [$($mark)?] $field : $ty, )*);
    };

    // The fields and their setters, one field at a time; an `@id` or `@required` field takes
    // `Default` away.
    (@build $metas:tt $name:ident [$($fields:tt)*] [$($setters:tt)*] [$($default:ident)?] ;
        [required] [$(#[$fm:meta])*] $f:ident : $t:ty, $($rest:tt)*) => {
        crate::macros::model!(@build $metas $name [$($fields)*] [$($setters)*] [$($default)?] ;
            [id] [$(#[$fm])*] $f : $t, $($rest)*);
    };
    (@build $metas:tt $name:ident [$($fields:tt)*] [$($setters:tt)*] [$($default:ident)?] ;
        [id] [$(#[$fm:meta])*] $f:ident : $t:ty, $($rest:tt)*) => {
        crate::macros::model!(@build $metas $name
            [$($fields)*
                $(#[$fm])*
                #[serde(with = "crate::lenient::present")]
                pub $f: $t,
            ]
            [$($setters)*
                $(#[$fm])*
                pub fn $f(mut self, value: impl Into<$t>) -> Self {
                    self.$f = value.into();
                    self
                }
            ]
            [] ; $($rest)*);
    };
    (@build $metas:tt $name:ident [$($fields:tt)*] [$($setters:tt)*] [$($default:ident)?] ;
        [$($mark:ident)?] [$(#[$fm:meta])*] $f:ident : $t:ty, $($rest:tt)*) => {
        crate::macros::model!(@build $metas $name
            [$($fields)*
                $(#[$fm])*
                #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::lenient")]
                pub $f: Option<$t>,
            ]
            [$($setters)*
                $(#[$fm])*
                pub fn $f(mut self, value: impl Into<$t>) -> Self {
                    self.$f = Some(value.into());
                    self
                }
            ]
            [$($default)?] ; $($rest)*);
    };
    (@build [$(#[$meta:meta])*] $name:ident [$($fields:tt)*] [$($setters:tt)*] [$($default:ident)?] ; ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        $(#[derive($default)])?
        pub struct $name {
            $($fields)*
            /// Fields this model does not name, kept as they came so that reading a record,
            /// changing it and sending it back loses nothing.
            #[serde(flatten)]
            pub extra: ::serde_json::Map<String, ::serde_json::Value>,
        }

        impl $name {
            $($setters)*
        }

        impl crate::lenient::Lenient for $name {
            fn decode<'de, D: ::serde::Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
                crate::lenient::decode_object(d)
            }
            fn encode<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(self, s)
            }
            fn is_hollow(&self) -> bool {
                crate::lenient::is_hollow(self, &self.extra)
            }
        }
    };

    // A constructor taking the fields marked `@required`, when there are any: every other
    // field starts absent.
    (@new $name:ident [] [$($none:ident)*] ; ) => {};
    (@new $name:ident [$($a:ident : $at:ty,)+] [$($none:ident)*] ; ) => {
        impl $name {
            /// The fields the API requires; the others are left out (set them with the
            /// setters).
            #[allow(clippy::too_many_arguments)]
            pub fn new($($a: impl Into<$at>),+) -> Self {
                Self {
                    $($a: $a.into(),)+
                    $($none: None,)*
                    extra: ::serde_json::Map::new(),
                }
            }
        }
    };
    (@new $name:ident [$($args:tt)*] [$($none:ident)*] ; [required] $f:ident : $t:ty, $($rest:tt)*) => {
        crate::macros::model!(@new $name [$($args)* $f : $t,] [$($none)*] ; $($rest)*);
    };
    (@new $name:ident [$($args:tt)*] [$($none:ident)*] ; [$($mark:ident)?] $f:ident : $t:ty, $($rest:tt)*) => {
        crate::macros::model!(@new $name [$($args)*] [$($none)* $f] ; $($rest)*);
    };
}
pub(crate) use model;

/// Defines a status or type enum: `#[non_exhaustive]`, with an `Other(String)` arm that keeps
/// any value this version does not know, so a new status on the server never fails a decode.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $text:literal
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )*
            /// A value this version of the SDK does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// The value as the API spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)*
                    Self::Other(text) => text,
                }
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                match text {
                    $($text => Self::$variant,)*
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(text))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok(Self::from(&*text))
            }
        }

        impl crate::lenient::FromScalar for $name {
            fn from_text(text: &str) -> Option<Self> {
                crate::lenient::non_blank(text)?;
                Some(Self::from(text))
            }
        }

        crate::lenient::lenient_scalar!($name);
    };
}
pub(crate) use string_enum;

/// Gives a line item input `item(item_id, quantity)`: a line selling `quantity` of an item at
/// its rate, the ordinary line in one expression.
macro_rules! item_line {
    ($($name:ident),+ $(,)?) => {
        $(impl $name {
            /// A line selling `quantity` of the item `item_id`, at the item's rate.
            pub fn item(
                item_id: impl Into<crate::ids::ItemId>,
                quantity: impl Into<rust_decimal::Decimal>,
            ) -> Self {
                Self::default().item_id(item_id).quantity(quantity)
            }
        })+
    };
}
pub(crate) use item_line;
