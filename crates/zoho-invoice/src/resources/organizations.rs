//! Organizations (`/organizations`): the businesses the signed-in user belongs to. Every
//! other call names one of them with its `organization_id`.
//!
//! ```
//! use zoho_invoice::Client;
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         assert_eq!(request.path(), "/organizations");
//!         Ok(ApiResponse::json_ok(r#"{"code": 0, "message": "success",
//!             "organizations": [{"organization_id": "10234695", "name": "Zillum",
//!             "is_default_org": true, "currency_code": "USD"}]}"#))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let page = client.organizations().list().await?;
//! let default = page.records.iter().find(|o| o.is_default_org == Some(true)).expect("a default");
//! assert_eq!(default.organization_id.as_str(), "10234695");
//! assert_eq!(default.name.as_deref(), Some("Zillum"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::envelope::{Page, Record};
use zoho_invoice_models::ids::OrganizationId;
use zoho_invoice_models::organizations::{NewOrganization, Organization, OrganizationInput};

use crate::macros::{handle, list_filter, resource};

resource! {
handle! {
    /// The organizations the token can reach.
    Organizations = organizations
}

list_filter! {
    /// Filters of [`ListOrganizations`].
    pub struct OrganizationFilter for ListOrganizations.filter {}
}

operation! {
    /// Lists the organizations the signed-in user belongs to (`GET /organizations`).
    pub struct ListOrganizations = ("Organizations", "List organizations", GET "/organizations") -> Page<Organization> as Organizations.list {
        /// Sort and paging.
        list filter: OrganizationFilter,
    }
}

operation! {
    /// Creates an organization (`POST /organizations`; from Zoho Books' OpenAPI document,
    /// which Zoho Invoice shares).
    pub struct CreateOrganization = ("Organizations", "Create an organization", POST "/organizations") -> Record<Organization> as Organizations.create {
        /// The organization (`name`, `currency_code`, `time_zone` and `portal_name` required).
        body organization: NewOrganization,
    }
}

operation! {
    /// Gets an organization (`GET /organizations/{organization_id}`).
    pub struct GetOrganization = ("Organizations", "Get an organization", GET "/organizations/{organization_id}") -> Record<Organization> as Organizations.get {
        /// The organization.
        path organization_id: OrganizationId,
    }
}

operation! {
    /// Updates an organization (`PUT /organizations/{organization_id}`).
    pub struct UpdateOrganization = ("Organizations", "Update an organization", PUT "/organizations/{organization_id}") -> Record<Organization> as Organizations.update {
        /// The organization.
        path organization_id: OrganizationId,
        /// Its new fields.
        body organization: OrganizationInput,
    }
}
}
