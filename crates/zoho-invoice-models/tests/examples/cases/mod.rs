//! Which model each fixture decodes into, one file per group of resources.

use serde::Serialize;
use serde::de::DeserializeOwned;

mod billing;
mod contacts;
mod items;
mod sales;
mod settings;
mod work;

/// A fixture's path under `tests/fixtures` and the round trip through its model.
pub(crate) type Case = (&'static str, fn(&str) -> Result<String, String>);

/// Decodes `input` as `T` and encodes it again.
pub(crate) fn round_trip<T: DeserializeOwned + Serialize>(input: &str) -> Result<String, String> {
    let value: T = serde_json::from_str(input).map_err(|e| e.to_string())?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

/// `case!("items/create_an_item.response.json", Record<Item>)`
macro_rules! case {
    ($path:literal, $ty:ty) => {
        (
            $path,
            $crate::cases::round_trip::<$ty> as fn(&str) -> Result<String, String>,
        )
    };
}
pub(crate) use case;

pub(crate) fn all() -> Vec<Case> {
    [
        items::cases(),
        contacts::cases(),
        sales::cases(),
        billing::cases(),
        work::cases(),
        settings::cases(),
    ]
    .concat()
}
