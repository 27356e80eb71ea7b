//! The macros operations and list filters are written with.
//!
//! One file per family: operations and their resource modules, options and filters, watch.

mod filters;
mod operation;
mod watch;

#[allow(unused_imports)] // with no resource feature, nothing uses them
pub(crate) use filters::{list_filter, query_options, setters};
#[allow(unused_imports)]
pub(crate) use operation::{chunkable, handle, operation, resource, whole_list};
#[allow(unused_imports)]
pub(crate) use watch::watchable;
