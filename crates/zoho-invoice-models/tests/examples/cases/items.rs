use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::items::{Item, ItemInput};

use super::{Case, case};

pub(crate) fn cases() -> Vec<Case> {
    vec![
        case!("resources/item.example.json", Item),
        case!("items/create_an_item.request.json", ItemInput),
        case!("items/create_an_item.response.json", Record<Item>),
        case!("items/list_items.response.json", Page<Item>),
        case!("items/update_an_item.request.json", ItemInput),
        case!("items/update_an_item.response.json", Record<Item>),
        case!("items/retrieve_an_item.response.json", Record<Item>),
        case!("items/delete_an_item.response.json", Reply),
        case!("items/mark_as_active.response.json", Reply),
        case!("items/mark_as_inactive.response.json", Reply),
    ]
}
