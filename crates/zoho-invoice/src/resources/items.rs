//! Items (`/items`) and price lists (`/pricebooks`).
//!
//! ```
//! use zoho_invoice::models::items::ItemInput;
//! use zoho_invoice::query::TextFilter;
//! # use zoho_invoice::transport::{HttpTransport, Region, secrecy::SecretString};
//!
//! # tokio::runtime::Builder::new_multi_thread().enable_all().build()?.block_on(async {
//! # let server = zoho_invoice_mock::MockServer::start().await?;
//! # let client = zoho_invoice::Client::new(HttpTransport::builder()
//! #     .region(Region::custom(server.api_url(), server.accounts_url()))
//! #     .allow_http(true)
//! #     .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
//! #     .organization_id(server.organization_id())
//! #     .build()?);
//! // `client` is a `zoho_invoice::Client`; here it talks to the fake server.
//! let created = client.items().create(ItemInput::new("Hard Drive", 120)).await?;
//!
//! let page = client.items().list().name(TextFilter::StartsWith("Hard".into())).await?;
//! assert_eq!(page.records[0].name.as_deref(), Some("Hard Drive"));
//! assert_eq!(page.records[0].item_id, created.item_id);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{ItemId, PriceListId, TaxId};
use zoho_invoice_models::items::{Item, ItemInput};
use zoho_invoice_models::price_lists::{PriceList, PriceListInput};

use crate::macros::{handle, list_filter, resource, watchable};

resource! {
handle! {
    /// Items and price lists.
    Items = items
}

list_filter! {
    /// Filters of [`ListItems`].
    pub struct ItemFilter for ListItems.filter {
        /// By name (`name`, `name_startswith`, `name_contains`).
        text name,
        /// By description.
        text description,
        /// By rate (`rate_less_than`, ...).
        amount rate,
        /// By tax.
        value tax_id: TaxId,
        /// By status: `Status.All`, `Status.Active` or `Status.Inactive`.
        value filter_by: zoho_invoice_models::items::ItemFilterBy,
        /// By name or description.
        value search_text: String,
        /// The column to sort by: `name`, `rate` or `tax_name`.
        value sort_column: zoho_invoice_models::items::ItemSortColumn,
        /// By the name of its tax (from Zoho Books' OpenAPI document).
        value tax_name: String,
        /// Taxable items only, or untaxed ones.
        value is_taxable: bool,
        /// By its tax exemption.
        value tax_exemption_id: zoho_invoice_models::ids::TaxExemptionId,
        /// By its sales account.
        value account_id: zoho_invoice_models::ids::AccountId,
    }
}

operation! {
    /// Creates an item (`POST /items`).
    pub struct CreateItem = ("Items", "Create an Item", POST "/items") -> Record<Item> as Items.create {
        /// The item.
        body item: ItemInput,
    }
}

operation! {
    /// Lists items, a page at a time (`GET /items`).
    pub struct ListItems = ("Items", "List items", GET "/items") -> Page<Item> as Items.list {
        /// Filters, sort and paging.
        list filter: ItemFilter,
    }
}

operation! {
    /// Updates an item (`PUT /items/{item_id}`).
    pub struct UpdateItem = ("Items", "Update an item", PUT "/items/{item_id}") -> Record<Item> as Items.update {
        /// The item.
        path item_id: ItemId,
        /// Its new fields.
        body item: ItemInput,
    }
}

operation! {
    /// Gets an item (`GET /items/{item_id}`).
    pub struct GetItem = ("Items", "Retrieve an item", GET "/items/{item_id}") -> Record<Item> as Items.get {
        /// The item.
        path item_id: ItemId,
    }
}

operation! {
    /// Deletes an item (`DELETE /items/{item_id}`); items used in transactions cannot be.
    pub struct DeleteItem = ("Items", "Delete an item", DELETE "/items/{item_id}") -> Reply as Items.delete {
        /// The item.
        path item_id: ItemId,
    }
}

operation! {
    /// Marks an item active (`POST /items/{item_id}/active`).
    pub struct MarkItemActive = ("Items", "Mark as active", POST "/items/{item_id}/active") -> Reply as Items.mark_active {
        /// The item.
        path item_id: ItemId,
    }
}

operation! {
    /// Marks an item inactive (`POST /items/{item_id}/inactive`).
    pub struct MarkItemInactive = ("Items", "Mark as inactive", POST "/items/{item_id}/inactive") -> Reply as Items.mark_inactive {
        /// The item.
        path item_id: ItemId,
    }
}

list_filter! {
    /// Filters of [`ListPriceLists`].
    pub struct PriceListFilter for ListPriceLists.filter {}
}

operation! {
    /// Creates a price list (`POST /pricebooks`).
    pub struct CreatePriceList = ("Items", "Create a Price List", POST "/pricebooks") -> Record<PriceList> as Items.create_price_list {
        /// The price list.
        body price_list: PriceListInput,
    }
}

operation! {
    /// Lists price lists (`GET /pricebooks`).
    pub struct ListPriceLists = ("Items", "List of all the Price Lists", GET "/pricebooks") -> Page<PriceList> as Items.list_price_lists {
        /// Sort and paging.
        list filter: PriceListFilter,
    }
}

operation! {
    /// Updates a price list (`PUT /pricebooks/{pricebook_id}`).
    pub struct UpdatePriceList = ("Items", "Update a Price List", PUT "/pricebooks/{pricebook_id}") -> Record<PriceList> as Items.update_price_list {
        /// The price list.
        path pricebook_id: PriceListId,
        /// Its new fields.
        body price_list: PriceListInput,
    }
}

operation! {
    /// Gets a price list (`GET /pricebooks/{pricebook_id}`).
    pub struct GetPriceList = ("Items", "Retrieve a Price list", GET "/pricebooks/{pricebook_id}") -> Record<PriceList> as Items.get_price_list {
        /// The price list.
        path pricebook_id: PriceListId,
    }
}

operation! {
    /// Deletes a price list (`DELETE /pricebooks/{pricebook_id}`).
    pub struct DeletePriceList = ("Items", "Delete a Price List", DELETE "/pricebooks/{pricebook_id}") -> Reply as Items.delete_price_list {
        /// The price list.
        path pricebook_id: PriceListId,
    }
}


watchable! {
    ListItems => Item {
        id: item_id,
        last_modified: [last_modified_time],
        created: created_time,
        sort_column: zoho_invoice_models::items::ItemSortColumn::LastModifiedTime,
    }
}

operation! {
    /// Updates an item named by a custom field's unique value (`PUT /items` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateItemByCustomField = ("Items", "Update an item using a custom field's unique value", PUT "/items") -> Record<Item> as Items.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body item: ItemInput,
    }
}

operation! {
    /// Sets custom fields of an item (`PUT /item/{item_id}/customfields`; the path's first segment is singular, as Zoho documents it).
    pub struct UpdateItemCustomFields = ("Items", "Update custom field in existing items", PUT "/item/{item_id}/customfields") -> Reply as Items.update_custom_fields {
        /// The item.
        path item_id: zoho_invoice_models::ids::ItemId,
        /// The fields (`customfield_id` and `value`).
        body custom_fields: Vec<zoho_invoice_models::common::CustomField>,
    }
}

operation! {
    /// Gets several items at once (`GET /itemdetails?item_ids=...`).
    pub struct GetItemDetails = ("Items", "Bulk fetch item details", GET "/itemdetails") -> Page<Item> as Items.get_details {
        /// The items.
        query item_ids: crate::query::BulkIds<zoho_invoice_models::ids::kind::Item>,
    }
}

crate::macros::whole_list!(GetItemDetails);
}
