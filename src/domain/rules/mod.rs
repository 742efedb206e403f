//! The land-release rules as pure functions: each takes the current records and a command and
//! returns a plan — the new record versions, status-history entries, audit entries and the
//! recomputed ledger — or a typed refusal ([`RuleError`]). Storage loads what a plan needs and
//! saves the plan in one transaction; a merge of another laptop's changes or a second store runs
//! the same functions (ARCHITECTURE.md, "Rules and plans").
//!
//! | rule | function |
//! |---|---|
//! | a new land: its shape, estimate and first history entry | [`create_land`] |
//! | date of information: an older edit is kept, not applied | [`edit_land`], [`is_superseded`] |
//! | status history of an edit | [`edit_land`] ("Edited" entries) |
//! | an activity: ledger, lifecycle, history | [`record_activity`] (through [`super::apply_activity`]) |
//! | the validation workflow | [`move_in_workflow`], [`next_validation_state`] |
//! | the area ledger and lifecycle as a projection of the activities | [`project_land`] |
//! | audit diffing | [`audit_changes`] |
//! | code allocation | [`next_free_code`] |
//! | voiding an activity: the land recomputed from the others | [`void_activity`] |
//! | voiding a hazard report; editing one (date of information on `reported_on`) | [`void_hazard_report`], [`edit_hazard_report`] |
//! | four eyes | [`may_move`] |

mod activity;
mod audit;
mod codes;
mod land;
mod projection;
mod void;
mod workflow;

use time::OffsetDateTime;

use super::audit::Actor;
use super::errors::{FieldError, join_field_errors};
use super::ledger::LedgerError;
use super::lifecycle::LifecycleError;

pub use activity::{ActivityPlan, record_activity, record_hazard_report, restore_activity};
pub use audit::{audit_changes, audit_entry, audit_fields};
pub use codes::next_free_code;
pub use land::{
    LandEdit, LandPlan, SupersededEdit, apply_shape, create_land, delete_land, edit_land,
    is_superseded,
};
pub use projection::{
    LenientProjection, Projected, activity_order, project_land, project_land_lenient,
    projection_start,
};
pub use void::{
    ActivityVoid, HazardReportEdit, edit_hazard_report, void_activity, void_hazard_report,
};
pub use workflow::{WorkflowAction, may_move, move_in_workflow, next_validation_state};

/// Who acts, from which device, and when: stamped on every audit and history entry of a plan.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The person and device.
    pub actor: &'a Actor,
    /// When (UTC).
    pub at: OffsetDateTime,
}

impl<'a> Context<'a> {
    /// A context stamped now (UTC).
    pub fn now(actor: &'a Actor) -> Self {
        Self {
            actor,
            at: OffsetDateTime::now_utc(),
        }
    }
}

/// Why a rule refuses a command. Every refusal comes before anything is written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleError {
    /// The record's fields are invalid (including a polygon that may not be stored).
    #[error("{}", join_field_errors(.0))]
    Invalid(Vec<FieldError>),
    /// The lifecycle or the ledger refuses the activity.
    #[error(transparent)]
    Lifecycle(#[from] LifecycleError),
    /// The ledger refuses a revised polygon.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// A workflow transition that is not allowed from the current state.
    #[error("cannot {action} a record that is {state}")]
    Workflow {
        /// What was attempted (`submit`, `approve`, `return`).
        action: &'static str,
        /// Current state label.
        state: &'static str,
    },
    /// The person may not do this (four eyes: only an IM officer approves or returns, and never
    /// their own submission).
    #[error("{0}")]
    NotPermitted(String),
}

#[cfg(test)]
mod tests;
