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

/// Decodes `input` as `T` and encodes it again; the one-pass decode the SDK uses
/// ([`zoho_invoice_models::from_str`]) must give what serde's decode gives.
pub(crate) fn round_trip<T>(input: &str) -> Result<String, String>
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let value: T = serde_json::from_str(input).map_err(|e| e.to_string())?;
    let one_pass: T = zoho_invoice_models::from_str(input).map_err(|e| e.to_string())?;
    if one_pass != value {
        return Err(format!(
            "the one-pass decode differs: {one_pass:?}\n  from {value:?}"
        ));
    }
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
