//! (being written)

/// The operations of this module.
pub(crate) const OPERATIONS: &[crate::endpoint::Operation] = &[];
