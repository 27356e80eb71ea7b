//! Handlers of the API's resources.

pub(crate) mod amounts;
pub(crate) mod approvals;
pub(crate) mod billing;
pub(crate) mod books;
pub(crate) mod contacts;
pub(crate) mod defs;
pub(crate) mod generic;
pub(crate) mod links;
pub(crate) mod misc;
pub(crate) mod payments;
pub(crate) mod persons;
pub(crate) mod projects;
pub(crate) mod recurring;
pub(crate) mod settings;
pub(crate) mod totals;
