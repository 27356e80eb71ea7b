//! Users: the organization's users (`/users`, with the current user at `/users/me`), and the
//! users of a project, who work on it in a role at a rate (`/projects/{project_id}/users`).
//!
//! ```
//! use zoho_invoice_models::envelope::Page;
//! use zoho_invoice_models::users::{ProjectUser, UserRole};
//!
//! let page: Page<ProjectUser> = serde_json::from_str(r#"{"code": 0, "message": "Users added.",
//!     "users": [{"user_id": "460000000024003", "user_name": "John David", "user_role": "admin", "rate": 5000}]}"#)?;
//! assert_eq!(page.records[0].user_role, Some(UserRole::Admin));
//! # Ok::<(), serde_json::Error>(())
//! ```

use rust_decimal::Decimal;

use crate::common::CustomField;
use crate::envelope::resource;
use crate::ids::{GenericId, UserId};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// What a user may do in a project.
    pub enum UserRole {
        /// Staff.
        Staff = "staff",
        /// An administrator.
        Admin = "admin",
        /// Staff who only log time.
        TimesheetStaff = "timesheetstaff",
    }
}

model! {
    /// A user of a project. Hours are text as the API formats them (`12:26`). Also the users
    /// sent with a new or changed project.
    pub struct ProjectUser {
        /// The user's id.
        user_id: UserId,
        /// Whether it is the user making the call.
        is_current_user: bool,
        /// The user's name (at most 200 characters).
        user_name: String,
        /// The user's email address (at most 100 characters).
        email: String,
        /// The user's role in the project.
        user_role: UserRole,
        /// Whether the user is active.
        status: String,
        /// The user's hourly rate.
        rate: Decimal,
        /// The hours planned for the user.
        budget_hours: String,
        /// The hours the user logged.
        total_hours: String,
        /// The hours billed.
        billed_hours: String,
        /// The billable hours not yet billed.
        un_billed_hours: String,
    }
}
// "Get a user" answers under `users` with one object; lists use the same key.
resource!(ProjectUser, "users", "users", aliases["user"]);

model! {
    /// Adds an existing user to a project (`POST /projects/{project_id}/users`).
    pub struct AssignProjectUser {
        /// The user to add (required).
        user_id: UserId,
        /// The user's hourly rate.
        rate: Decimal,
        /// The hours planned for the user.
        budget_hours: String,
    }
}

model! {
    /// Invites someone to a project by email (`POST /projects/{project_id}/users/invite`).
    pub struct InviteProjectUser {
        /// The person's name (required; at most 200 characters).
        user_name: String,
        /// The person's email address (required; at most 100 characters).
        email: String,
        /// The role to give.
        user_role: UserRole,
        /// The hourly rate.
        rate: Decimal,
        /// The hours planned for the user.
        budget_hours: String,
    }
}

model! {
    /// Changes a user of a project (`PUT /projects/{project_id}/users/{user_id}`).
    pub struct UpdateProjectUser {
        /// The user's name (at most 200 characters).
        user_name: String,
        /// The role to give.
        user_role: UserRole,
        /// The hourly rate.
        rate: Decimal,
        /// The hours planned for the user.
        budget_hours: String,
    }
}

string_enum! {
    /// Where a user of the organization stands.
    pub enum UserStatus {
        /// Active.
        Active = "active",
        /// Inactive.
        Inactive = "inactive",
        /// Invited, not yet joined.
        Invited = "invited",
        /// Deleted.
        Deleted = "deleted",
    }
}

model! {
    /// One of a user's email addresses.
    pub struct UserEmail {
        /// The address.
        email: String,
        /// Whether it is the address the user signs in with.
        is_selected: bool,
    }
}

model! {
    /// A user of the organization (`/users`; from Zoho Books' OpenAPI document, which Zoho
    /// Invoice shares).
    pub struct User {
        /// The user's id.
        @id user_id: UserId,
        /// The user's name.
        name: String,
        /// The user's email address.
        email: String,
        /// The user's email addresses.
        email_ids: Vec<UserEmail>,
        /// Where the user stands.
        status: UserStatus,
        /// The user's role (`admin`, `staff`, `timesheetstaff`).
        user_role: UserRole,
        /// The kind of user (`zoho`).
        user_type: String,
        /// The role's id.
        role_id: GenericId,
        /// The user's hourly cost rate.
        cost_rate: Decimal,
        /// The user's photo.
        photo_url: String,
        /// Whether the user is an employee.
        is_employee: bool,
        /// Whether it is the user making the call.
        is_current_user: bool,
        /// When the user was added.
        created_time: Timestamp,
        /// The user's custom fields.
        custom_fields: Vec<CustomField>,
    }
}
resource!(User, "user", "users");

model! {
    /// A user to add to the organization, or a user's new fields (`POST /users`,
    /// `PUT /users/{user_id}`).
    pub struct UserInput {
        /// The user's name.
        @required name: String,
        /// The user's email address.
        @required email: String,
        /// The role to give the user.
        role_id: GenericId,
        /// The user's role (`admin`, `staff`, `timesheetstaff`).
        user_role: UserRole,
        /// The user's hourly cost rate.
        cost_rate: Decimal,
    }
}

string_enum! {
    /// The `filter_by` values of the organization's user list.
    pub enum UserFilterBy {
        /// `Status.All`.
        All = "Status.All",
        /// `Status.Active`.
        Active = "Status.Active",
        /// `Status.Inactive`.
        Inactive = "Status.Inactive",
        /// `Status.Invited`.
        Invited = "Status.Invited",
        /// `Status.Deleted`.
        Deleted = "Status.Deleted",
    }
}

string_enum! {
    /// The values of `sort_column` of the organization's user list.
    pub enum UserSortColumn {
        /// By `name`.
        Name = "name",
        /// By `email`.
        Email = "email",
        /// By `user_role`.
        UserRole = "user_role",
        /// By `status`.
        Status = "status",
    }
}
