//! The macro that makes a list operation watchable.

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
            fn watch_id(&self) -> String {
                self.$id.as_str().to_owned()
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
