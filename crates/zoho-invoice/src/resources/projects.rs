//! Projects (`/projects`): their users, comments, invoices and tasks. Time logged on projects
//! is in [`time_entries`](crate::time_entries).
//!
//! ```
//! use zoho_invoice::models::projects::{BillingType, ProjectInput};
//! use zoho_invoice::models::tasks::TaskInput;
//! use zoho_invoice::Client;
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         Ok(ApiResponse::json_ok(match request.path() {
//!             "/projects" => r#"{"code": 0, "message": "success", "project": {"project_id": "460000000044019",
//!                 "project_name": "Network Distribution", "billing_type": "based_on_task_hours"}}"#,
//!             path => {
//!                 assert_eq!(path, "/projects/460000000044019/tasks");
//!                 r#"{"code": 0, "message": "The task has been added.",
//!                     "task": {"task_id": "460000000044009", "task_name": "Painting", "rate": 3}}"#
//!             }
//!         }))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let customer: zoho_invoice::models::ids::ContactId = "460000000044001".parse()?;
//! let owner: zoho_invoice::models::ids::UserId = "460000000024003".parse()?;
//! let project = ProjectInput::new("Network Distribution", customer, BillingType::BasedOnTaskHours, owner);
//! let project = client.projects().create(project).await?;
//! let task = TaskInput::new("Painting").rate(3);
//! let task = client.projects().add_task(&project.project_id, task).await?;
//! assert_eq!(task.task_name.as_deref(), Some("Painting"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{CommentId, ContactId, ProjectId, TaskId, UserId};
use zoho_invoice_models::projects::{
    Project, ProjectComment, ProjectCommentInput, ProjectInput, ProjectInvoice,
};
use zoho_invoice_models::tasks::{Task, TaskInput};
use zoho_invoice_models::users::{AssignProjectUser, ProjectUser};

use crate::macros::{handle, list_filter, resource, watchable, whole_list};

resource! {
handle! {
    /// Projects, their users, tasks, comments and invoices.
    Projects = projects
}

operation! {
    /// Creates a project (`POST /projects`).
    pub struct CreateProject = ("Projects", "Create a project", POST "/projects") -> Record<Project> as Projects.create {
        /// The project: `project_name`, `customer_id`, `billing_type` and `user_id` are
        /// required.
        body project: ProjectInput,
    }
}

list_filter! {
    /// Filters of [`ListProjects`].
    pub struct ProjectFilter for ListProjects.filter {
        /// By status: `Status.All`, `Status.Active` or `Status.Inactive`.
        value filter_by: zoho_invoice_models::projects::ProjectFilterBy,
        /// By customer.
        value customer_id: ContactId,
        /// The column to sort by: `project_name`, `customer_name`, `rate` or `created_time`.
        value sort_column: zoho_invoice_models::projects::ProjectSortColumn,
    }
}

operation! {
    /// Lists projects, a page at a time (`GET /projects`).
    pub struct ListProjects = ("Projects", "List projects", GET "/projects") -> Page<Project> as Projects.list {
        /// Filters, sort and paging.
        list filter: ProjectFilter,
    }
}

operation! {
    /// Updates a project (`PUT /projects/{project_id}`).
    pub struct UpdateProject = ("Projects", "Update a project", PUT "/projects/{project_id}") -> Record<Project> as Projects.update {
        /// The project.
        path project_id: ProjectId,
        /// Its new fields.
        body project: ProjectInput,
    }
}

operation! {
    /// Gets a project (`GET /projects/{project_id}`).
    pub struct GetProject = ("Projects", "Get a project", GET "/projects/{project_id}") -> Record<Project> as Projects.get {
        /// The project.
        path project_id: ProjectId,
    }
}

operation! {
    /// Deletes a project (`DELETE /projects/{project_id}`).
    pub struct DeleteProject = ("Projects", "Delete project", DELETE "/projects/{project_id}") -> Reply as Projects.delete {
        /// The project.
        path project_id: ProjectId,
    }
}

operation! {
    /// Marks a project active (`POST /projects/{project_id}/active`).
    pub struct MarkProjectActive = ("Projects", "Activate a project", POST "/projects/{project_id}/active") -> Reply as Projects.mark_active {
        /// The project.
        path project_id: ProjectId,
    }
}

operation! {
    /// Marks a project inactive (`POST /projects/{project_id}/inactive`).
    pub struct MarkProjectInactive = ("Projects", "Deactivate a project", POST "/projects/{project_id}/inactive") -> Reply as Projects.mark_inactive {
        /// The project.
        path project_id: ProjectId,
    }
}

operation! {
    /// Copies a project, with its tasks, into a new one
    /// (`POST /projects/{project_id}/clone`).
    pub struct CloneProject = ("Projects", "Clone a project", POST "/projects/{project_id}/clone") -> Record<Project> as Projects.clone_project {
        /// The project to copy.
        path project_id: ProjectId,
        /// The new project's name (required) and description.
        body clone: crate::models::projects::CloneProject,
    }
}

operation! {
    /// Adds an existing user to a project (`POST /projects/{project_id}/users`).
    pub struct AssignProjectUsers = ("Projects", "Assign users", POST "/projects/{project_id}/users") -> Page<ProjectUser> as Projects.assign_users {
        /// The project.
        path project_id: ProjectId,
        /// The user (`user_id` required), with a rate and budget.
        body user: AssignProjectUser,
    }
}

operation! {
    /// Lists the users of a project (`GET /projects/{project_id}/users`).
    pub struct ListProjectUsers = ("Projects", "List Users", GET "/projects/{project_id}/users") -> Page<ProjectUser> as Projects.list_users {
        /// The project.
        path project_id: ProjectId,
    }
}

whole_list!(ListProjectUsers, ListProjectComments);

operation! {
    /// Invites someone to a project by email (`POST /projects/{project_id}/users/invite`).
    pub struct InviteProjectUser = ("Projects", "Invite user", POST "/projects/{project_id}/users/invite") -> Page<ProjectUser> as Projects.invite_user {
        /// The project.
        path project_id: ProjectId,
        /// The person: `user_name` and `email` are required.
        body user: crate::models::users::InviteProjectUser,
    }
}

operation! {
    /// Changes a user's role, rate or budget in a project
    /// (`PUT /projects/{project_id}/users/{user_id}`).
    pub struct UpdateProjectUser = ("Projects", "Update user", PUT "/projects/{project_id}/users/{user_id}") -> Page<ProjectUser> as Projects.update_user {
        /// The project.
        path project_id: ProjectId,
        /// The user.
        path user_id: UserId,
        /// The new fields.
        body user: crate::models::users::UpdateProjectUser,
    }
}

operation! {
    /// Gets a user of a project (`GET /projects/{project_id}/users/{user_id}`).
    pub struct GetProjectUser = ("Projects", "Get a User", GET "/projects/{project_id}/users/{user_id}") -> Record<ProjectUser> as Projects.get_user {
        /// The project.
        path project_id: ProjectId,
        /// The user.
        path user_id: UserId,
    }
}

operation! {
    /// Removes a user from a project (`DELETE /projects/{project_id}/users/{user_id}`).
    pub struct DeleteProjectUser = ("Projects", "Delete user", DELETE "/projects/{project_id}/users/{user_id}") -> Reply as Projects.delete_user {
        /// The project.
        path project_id: ProjectId,
        /// The user.
        path user_id: UserId,
    }
}

operation! {
    /// Posts a comment on a project (`POST /projects/{project_id}/comments`).
    pub struct AddProjectComment = ("Projects", "Post comment", POST "/projects/{project_id}/comments") -> Page<ProjectComment> as Projects.add_comment {
        /// The project.
        path project_id: ProjectId,
        /// The comment (`description` required).
        body comment: ProjectCommentInput,
    }
}

operation! {
    /// Lists the comments of a project (`GET /projects/{project_id}/comments`).
    pub struct ListProjectComments = ("Projects", "List comments", GET "/projects/{project_id}/comments") -> Page<ProjectComment> as Projects.list_comments {
        /// The project.
        path project_id: ProjectId,
    }
}

operation! {
    /// Deletes a comment of a project (`DELETE /projects/{project_id}/comments/{comment_id}`).
    pub struct DeleteProjectComment = ("Projects", "Delete comment", DELETE "/projects/{project_id}/comments/{comment_id}") -> Reply as Projects.delete_comment {
        /// The project.
        path project_id: ProjectId,
        /// The comment.
        path comment_id: CommentId,
    }
}

list_filter! {
    /// Filters of [`ListProjectInvoices`].
    pub struct ProjectInvoiceFilter for ListProjectInvoices.filter {
        /// The column to sort by: `invoice_number`, `date`, `total`, `balance` or
        /// `created_time`.
        value sort_column: zoho_invoice_models::projects::ProjectInvoiceSortColumn,
    }
}

operation! {
    /// Lists the invoices raised for a project, a page at a time
    /// (`GET /projects/{project_id}/invoices`).
    pub struct ListProjectInvoices = ("Projects", "List invoices", GET "/projects/{project_id}/invoices") -> Page<ProjectInvoice> as Projects.list_invoices {
        /// The project.
        path project_id: ProjectId,
        /// Sort and paging.
        list filter: ProjectInvoiceFilter,
    }
}

operation! {
    /// Adds a task to a project (`POST /projects/{project_id}/tasks`).
    pub struct AddProjectTask = ("Projects", "Add a task", POST "/projects/{project_id}/tasks") -> Record<Task> as Projects.add_task {
        /// The project.
        path project_id: ProjectId,
        /// The task (`task_name` required).
        body task: TaskInput,
    }
}

list_filter! {
    /// Filters of [`ListProjectTasks`]: sort and paging only.
    pub struct TaskFilter for ListProjectTasks.filter {}
}

operation! {
    /// Lists the tasks of a project, a page at a time (`GET /projects/{project_id}/tasks`).
    pub struct ListProjectTasks = ("Projects", "List tasks", GET "/projects/{project_id}/tasks") -> Page<Task> as Projects.list_tasks {
        /// The project.
        path project_id: ProjectId,
        /// Sort and paging.
        list filter: TaskFilter,
    }
}

operation! {
    /// Gets a task of a project (`GET /projects/{project_id}/tasks/{task_id}`).
    pub struct GetProjectTask = ("Projects", "Get a task", GET "/projects/{project_id}/tasks/{task_id}") -> Record<Task> as Projects.get_task {
        /// The project.
        path project_id: ProjectId,
        /// The task.
        path task_id: TaskId,
    }
}

operation! {
    /// Updates a task of a project (`PUT /projects/{project_id}/tasks/{task_id}`).
    pub struct UpdateProjectTask = ("Projects", "Update a task", PUT "/projects/{project_id}/tasks/{task_id}") -> Record<Task> as Projects.update_task {
        /// The project.
        path project_id: ProjectId,
        /// The task.
        path task_id: TaskId,
        /// Its new fields.
        body task: TaskInput,
    }
}

operation! {
    /// Deletes a task of a project (`DELETE /projects/{project_id}/tasks/{task_id}`).
    pub struct DeleteProjectTask = ("Projects", "Delete a task", DELETE "/projects/{project_id}/tasks/{task_id}") -> Reply as Projects.delete_task {
        /// The project.
        path project_id: ProjectId,
        /// The task.
        path task_id: TaskId,
    }
}


watchable! {
    ListProjects => Project {
        id: project_id,
        last_modified: [last_modified_time, created_time],
        created: created_time,
        sort_column: zoho_invoice_models::projects::ProjectSortColumn::LastModifiedTime,
    }
}

operation! {
    /// Updates a project named by a custom field's unique value (`PUT /projects` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateProjectByCustomField = ("Projects", "Update a project using a custom field's unique value", PUT "/projects") -> Record<zoho_invoice_models::projects::Project> as Projects.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body project: zoho_invoice_models::projects::ProjectInput,
    }
}
}
