//! [`IdText`]: an id's text, kept inline when it is short.
//!
//! Zoho's ids are 15 to 19 digits. Kept inline, they cost no allocation of their own, which
//! matters on a page of records that each carry a dozen of them.

/// The longest text kept inline.
const INLINE: usize = 22;

/// An id's text: inline up to [`INLINE`] bytes, else on the heap.
#[derive(Clone)]
pub(crate) enum IdText {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl IdText {
    pub(crate) fn new(text: &str) -> Self {
        match u8::try_from(text.len()) {
            Ok(len) if text.len() <= INLINE => {
                let mut bytes = [0; INLINE];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                Self::Inline { len, bytes }
            }
            _ => Self::Heap(text.into()),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            // The bytes are a whole `str`'s, so they are UTF-8: the fallback is never taken.
            Self::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Self::Heap(text) => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_texts_read_back_unchanged() {
        for text in [
            "",
            "1",
            "982000000567114",
            "é".repeat(11).as_str(),
            &"9".repeat(23),
        ] {
            let id = IdText::new(text);
            assert_eq!(id.as_str(), text);
            assert_eq!(
                matches!(id, IdText::Inline { .. }),
                text.len() <= INLINE,
                "{text}"
            );
        }
    }
}
