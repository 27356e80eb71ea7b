//! Users (`/users`): the organization's users, and the user making the calls
//! (`/users/me`), whose `user_id` project and time calls name. From Zoho Books' OpenAPI
//! document, which Zoho Invoice shares.
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
//!         assert_eq!(request.path(), "/users/me");
//!         Ok(ApiResponse::json_ok(r#"{"code": 0, "message": "success",
//!             "user": {"user_id": "982000000554041", "name": "John David", "user_role": "admin"}}"#))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let me = client.users().get_current().await?;
//! assert_eq!(me.user_id.as_str(), "982000000554041");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::UserId;
use zoho_invoice_models::users::{User, UserFilterBy, UserInput, UserSortColumn};

use crate::macros::{handle, list_filter, resource};

resource! {
handle! {
    /// The organization's users.
    Users = users
}

list_filter! {
    /// Filters of [`ListUsers`].
    pub struct UserFilter for ListUsers.filter {
        /// By status: `Status.All`, `Status.Active`, `Status.Inactive`, `Status.Invited` or
        /// `Status.Deleted`.
        value filter_by: UserFilterBy,
        /// The column to sort by.
        value sort_column: UserSortColumn,
    }
}

operation! {
    /// Adds a user to the organization (`POST /users`); Zoho emails them an invitation.
    pub struct CreateUser = ("Users", "Create a user", POST "/users") -> Reply as Users.create {
        /// The user (`name` and `email` required).
        body user: UserInput,
    }
}

operation! {
    /// Lists the organization's users, a page at a time (`GET /users`).
    pub struct ListUsers = ("Users", "List Users", GET "/users") -> Page<User> as Users.list {
        /// Filters, sort and paging.
        list filter: UserFilter,
    }
}

operation! {
    /// Updates a user (`PUT /users/{user_id}`).
    pub struct UpdateUser = ("Users", "Update a user", PUT "/users/{user_id}") -> Reply as Users.update {
        /// The user.
        path user_id: UserId,
        /// The user's new fields.
        body user: UserInput,
    }
}

operation! {
    /// Gets a user (`GET /users/{user_id}`).
    pub struct GetUser = ("Users", "Get an user details", GET "/users/{user_id}") -> Record<User> as Users.get {
        /// The user.
        path user_id: UserId,
    }
}

operation! {
    /// Deletes a user (`DELETE /users/{user_id}`).
    pub struct DeleteUser = ("Users", "Delete a user", DELETE "/users/{user_id}") -> Reply as Users.delete {
        /// The user.
        path user_id: UserId,
    }
}

operation! {
    /// Gets the user making the calls (`GET /users/me`).
    pub struct GetCurrentUser = ("Users", "Get current user", GET "/users/me") -> Record<User> as Users.get_current {}
}

operation! {
    /// Sends a user the invitation again (`POST /users/{user_id}/invite`).
    pub struct InviteUser = ("Users", "Invite a user", POST "/users/{user_id}/invite") -> Reply as Users.invite {
        /// The user.
        path user_id: UserId,
    }
}

operation! {
    /// Marks a user active (`POST /users/{user_id}/active`).
    pub struct MarkUserActive = ("Users", "Mark user as active", POST "/users/{user_id}/active") -> Reply as Users.mark_active {
        /// The user.
        path user_id: UserId,
    }
}

operation! {
    /// Marks a user inactive (`POST /users/{user_id}/inactive`).
    pub struct MarkUserInactive = ("Users", "Mark user as inactive", POST "/users/{user_id}/inactive") -> Reply as Users.mark_inactive {
        /// The user.
        path user_id: UserId,
    }
}
}
