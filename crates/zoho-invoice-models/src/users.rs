//! The users of a project: who works on it, in which role, at which rate
//! (`/projects/{project_id}/users`).
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

use crate::envelope::resource;
use crate::ids::UserId;
use crate::macros::{model, string_enum};

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
