//! The macros every resource module is written with.

/// Defines a model: a struct whose fields are optional and decoded leniently, plus an `extra`
/// map that keeps every field the model does not name, and every value a named field could
/// not give back as it came.
///
/// Write each field with its plain type; the macro makes it `Option<T>`, reads it through
/// [`crate::lenient::Lenient`], and leaves it out of the JSON when it is `None`. Each field
/// also gets a setter of its name (`InvoiceInput::new(..).date(..)`). Two marks change a field:
///
/// - `@required` (inputs): what the API requires to create (or replace) one. The field is
///   its value, not an `Option`, so it cannot be left out; those fields are the arguments of
///   a `new` constructor, and the model has no `Default`.
/// - `@id` (records): the record's own id, always in what Zoho sends for it. The field is
///   the id itself, not an `Option`, and an answer without it (or with a blank one) fails to
///   decode with an error naming the field. A model with an `@id` has no `Default`.
///
/// The macro writes `Deserialize` and `Serialize` itself: each named field is read from its
/// value's exact text (or, under [`crate::from_str`], straight from the parser where that
/// text is known anyway), and that text is kept in `extra` (and written back in the field's
/// place) when the typed value would not reproduce it.
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
            @sort [$(#[$meta])*] $name [] [Default] ; $( [$($mark)?] [$(#[$fmeta])*] $field : $ty, )*
        );
        crate::macros::model!(@new $name [] [] ; $( [$($mark)?] $field : $ty, )*);
    };

    // Each field gets its kind, one at a time: `one` (always there: `@id`, `@required`, which
    // take `Default` away) or `opt`.
    (@sort $metas:tt $name:ident [$($done:tt)*] [$($default:ident)?] ;
        [required] $fm:tt $f:ident : $t:ty, $($rest:tt)*) => {
        crate::macros::model!(@sort $metas $name [$($done)* [one] $fm $f : $t,] [] ; $($rest)*);
    };
    (@sort $metas:tt $name:ident [$($done:tt)*] [$($default:ident)?] ;
        [id] $fm:tt $f:ident : $t:ty, $($rest:tt)*) => {
        crate::macros::model!(@sort $metas $name [$($done)* [one] $fm $f : $t,] [] ; $($rest)*);
    };
    (@sort $metas:tt $name:ident [$($done:tt)*] [$($default:ident)?] ;
        [] $fm:tt $f:ident : $t:ty, $($rest:tt)*) => {
        crate::macros::model!(@sort $metas $name [$($done)* [opt] $fm $f : $t,] [$($default)?] ; $($rest)*);
    };
    (@sort [$(#[$meta:meta])*] $name:ident
        [$([$kind:ident] [$(#[$fm:meta])*] $f:ident : $t:ty,)*] [$($default:ident)?] ; ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        $(#[derive($default)])?
        pub struct $name {
            $(
                $(#[$fm])*
                pub $f: crate::macros::model!(@type $kind $t),
            )*
            /// Fields this model does not name, and values of named fields that the field could
            /// not give back as they came, kept as their exact JSON text so that reading a
            /// record, changing it and sending it back loses nothing.
            pub extra: crate::extra::Extra,
        }

        impl $name {
            $( crate::macros::model!(@setter $kind [$(#[$fm])*] $f : $t); )*

            /// Whether `key` is the key of a named field.
            fn is_named_key(key: &str) -> bool {
                $( key == crate::macros::model!(@key $f) || )* false
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct ModelVisitor;
                impl<'de> ::serde::de::Visitor<'de> for ModelVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($name), ")"))
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut __map: A,
                    ) -> Result<$name, A::Error> {
                        let mut __extra = crate::extra::Extra::new();
                        let __one_pass = crate::direct::one_pass();
                        $( let mut $f: crate::macros::model!(@slot $kind $t) = None; )*
                        while let Some(__key) = __map.next_key_seed(crate::raw::StrSeed)? {
                            match &*__key {
                                $(
                                    crate::macros::model!(@pattern $f) => {
                                        let read = crate::lenient::read_field(
                                            &mut __map,
                                            crate::macros::model!(@key $f),
                                            &mut __extra,
                                            __one_pass,
                                        )?;
                                        $f = crate::macros::model!(@fill $kind read);
                                    }
                                )*
                                _ => crate::lenient::read_unknown(&mut __map, &__key, &mut __extra)?,
                            }
                        }
                        Ok($name {
                            $( $f: crate::macros::model!(@take $kind $f A::Error), )*
                            extra: __extra,
                        })
                    }
                }
                d.deserialize_map(ModelVisitor)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut __map = s.serialize_map(None)?;
                $(
                    crate::lenient::write_field(
                        &mut __map,
                        crate::macros::model!(@key $f),
                        crate::macros::model!(@ref $kind self.$f),
                        &self.extra,
                    )?;
                )*
                for (__key, __raw) in self.extra.iter() {
                    if !Self::is_named_key(__key) {
                        __map.serialize_entry(__key, &crate::raw::RawText(__raw))?;
                    }
                }
                __map.end()
            }
        }

        impl crate::direct::ReadDirect for $name {
            fn read_direct<'de, D: ::serde::Deserializer<'de>>(
                d: D,
            ) -> Result<crate::direct::Direct<Self>, D::Error> {
                crate::direct::read_object(d)
            }
        }

        impl crate::lenient::Lenient for $name {
            fn read_json(raw: &str) -> crate::lenient::Reading<Self> {
                crate::lenient::read_object(raw)
            }
            fn read_from<'de, D: ::serde::Deserializer<'de>>(
                d: D,
            ) -> Result<crate::lenient::Reading<Self>, D::Error> {
                crate::lenient::read_object_from(d)
            }
            fn decode<'de, D: ::serde::Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
                crate::lenient::decode_object(d)
            }
            fn encode<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(self, s)
            }
            fn is_hollow(&self) -> bool {
                !self.extra.is_empty()
                    && self.extra.keys().all(|k| !Self::is_named_key(k))
                    $( && crate::macros::model!(@is_none $kind self.$f) )*
            }
        }
    };

    (@type one $t:ty) => { $t };
    (@type opt $t:ty) => { Option<$t> };
    // A field's key as a pattern: its name (a raw identifier's without `r#`).
    (@pattern r#type) => { "type" };
    (@pattern $f:ident) => { stringify!($f) };
    (@key $f:ident) => {{
        const KEY: &str = crate::lenient::field_key(stringify!($f));
        KEY
    }};
    (@setter one [$(#[$fm:meta])*] $f:ident : $t:ty) => {
        $(#[$fm])*
        pub fn $f(mut self, value: impl Into<$t>) -> Self {
            self.$f = value.into();
            self
        }
    };
    (@setter opt [$(#[$fm:meta])*] $f:ident : $t:ty) => {
        $(#[$fm])*
        pub fn $f(mut self, value: impl Into<$t>) -> Self {
            self.$f = Some(value.into());
            self
        }
    };
    (@take one $f:ident $e:ty) => {
        crate::lenient::required::<_, $e>($f, crate::macros::model!(@key $f))?
    };
    (@take opt $f:ident $e:ty) => { $f };
    // While decoding, a field that must be there remembers whether it was seen at all.
    (@slot one $t:ty) => { Option<Option<$t>> };
    (@slot opt $t:ty) => { Option<$t> };
    (@fill one $v:ident) => { Some($v) };
    (@fill opt $v:ident) => { $v };
    (@ref one $v:expr) => { Some(&$v) };
    (@ref opt $v:expr) => { $v.as_ref() };
    (@is_none one $v:expr) => { false };
    (@is_none opt $v:expr) => { $v.is_none() };

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
                    extra: crate::extra::Extra::new(),
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
            /// Any text but a blank one, kept as sent.
            fn read_scalar(scalar: crate::raw::Scalar<'_>) -> crate::lenient::Reading<Self> {
                match scalar {
                    crate::raw::Scalar::Text(text) if crate::lenient::non_blank(&text).is_some() => {
                        crate::lenient::Reading::exact(Self::from(&*text))
                    }
                    _ => crate::lenient::Reading::inexact(None),
                }
            }
        }

        crate::lenient::lenient_scalar!($name);
        crate::direct::direct_scalar!($name);
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
