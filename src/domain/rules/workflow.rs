//! The validation workflow (C9): Draft → Submitted → Approved, or Submitted → Returned → Submitted.

use super::audit::audit_entry;
use super::land::LandPlan;
use super::{Context, RuleError};
use crate::domain::audit::Actor;
use crate::domain::errors::FieldError;
use crate::domain::land::Land;
use crate::domain::vocab::{AuditAction, EntityKind, Role, ValidationState};

/// A workflow action on a record (C9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkflowAction {
    /// Draft or Returned → Submitted.
    Submit,
    /// Submitted → Approved, with an optional comment (kept in the history).
    Approve(String),
    /// Submitted → Returned, with a comment saying what to fix.
    Return(String),
}

/// The state a record moves to, or why it cannot: only the transitions above are allowed, and a
/// returned record needs a comment.
///
/// # Examples
/// ```
/// use safeground::domain::ValidationState as V;
/// use safeground::domain::rules::{WorkflowAction, next_validation_state};
/// assert_eq!(next_validation_state(V::Draft, &WorkflowAction::Submit), Ok(V::Submitted));
/// assert!(next_validation_state(V::Draft, &WorkflowAction::Approve(String::new())).is_err());
/// ```
pub fn next_validation_state(
    old: ValidationState,
    action: &WorkflowAction,
) -> Result<ValidationState, RuleError> {
    use ValidationState as V;
    let refused = |action| RuleError::Workflow {
        action,
        state: old.label(),
    };
    match (old, action) {
        (V::Draft | V::Returned, WorkflowAction::Submit) => Ok(V::Submitted),
        (V::Submitted, WorkflowAction::Approve(_)) => Ok(V::Approved),
        (V::Submitted, WorkflowAction::Return(c)) if !c.trim().is_empty() => Ok(V::Returned),
        (V::Submitted, WorkflowAction::Return(_)) => {
            Err(RuleError::Invalid(vec![FieldError::new(
                "comment",
                "a returned record needs a comment saying what to fix",
            )]))
        }
        (_, WorkflowAction::Submit) => Err(refused("submit")),
        (_, WorkflowAction::Approve(_)) => Err(refused("approve")),
        (_, WorkflowAction::Return(_)) => Err(refused("return")),
    }
}

/// Four eyes (C9): only an IM officer approves or returns a record, and never one they submitted
/// themselves; anyone may submit.
///
/// # Examples
/// ```
/// use safeground::domain::{Actor, Role};
/// use safeground::domain::rules::{WorkflowAction, may_move};
/// let surveyor = Actor::new("amina", "laptop-2").with_role("NPA", Role::Surveyor);
/// let officer = Actor::new("samir", "office-1").with_role("NPA", Role::ImOfficer);
/// assert!(may_move(&surveyor, "amina", &WorkflowAction::Approve(String::new())).is_err());
/// assert!(may_move(&officer, "samir", &WorkflowAction::Approve(String::new())).is_err());
/// assert!(may_move(&officer, "amina", &WorkflowAction::Approve(String::new())).is_ok());
/// ```
pub fn may_move(
    actor: &Actor,
    submitted_by: &str,
    action: &WorkflowAction,
) -> Result<(), RuleError> {
    let verb = match action {
        WorkflowAction::Submit => return Ok(()),
        WorkflowAction::Approve(_) => "approve",
        WorkflowAction::Return(_) => "return",
    };
    if actor.role != Some(Role::ImOfficer) {
        let role = actor.role.map_or("a person without a role", Role::label);
        return Err(RuleError::NotPermitted(format!(
            "only an IM officer may {verb} a record; you are recorded as {role} (change who is recording in Settings)"
        )));
    }
    if matches!(action, WorkflowAction::Approve(_))
        && !submitted_by.is_empty()
        && submitted_by.trim().eq_ignore_ascii_case(actor.who.trim())
    {
        return Err(RuleError::NotPermitted(
            "you submitted this record; another IM officer must approve it (four eyes)".to_owned(),
        ));
    }
    Ok(())
}

/// Moves a land through the workflow, four eyes applied ([`may_move`]): its new validation
/// state, who submitted it, and the comment (kept only when returned), audited with the old and
/// new state.
pub fn move_in_workflow(
    land: &Land,
    action: &WorkflowAction,
    ctx: &Context<'_>,
) -> Result<LandPlan, RuleError> {
    let old = land.validation;
    let new = next_validation_state(old, action)?;
    may_move(ctx.actor, &land.submitted_by, action)?;
    let mut next = land.clone();
    next.validation = new;
    if matches!(action, WorkflowAction::Submit) {
        next.submitted_by.clone_from(&ctx.actor.who);
    }
    next.validation_comment = match action {
        WorkflowAction::Return(comment) => comment.trim().to_owned(),
        _ => String::new(),
    };
    // The comment of a return or an approval goes into the audit entry: the record's history
    // shows it with who and when.
    let detail = match action {
        WorkflowAction::Return(c) | WorkflowAction::Approve(c) if !c.trim().is_empty() => {
            format!("{} ({})", new.code(), c.trim())
        }
        _ => new.code().to_owned(),
    };
    let audit = vec![audit_entry(
        ctx,
        EntityKind::Land,
        land.id.0,
        &land.code,
        AuditAction::Workflow,
        Some("validation"),
        Some(old.code()),
        Some(&detail),
    )];
    Ok(LandPlan {
        land: next,
        stored_history: land.status_history.len(),
        is_new: false,
        audit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ValidationState as V;

    #[test]
    fn only_the_workflow_transitions_are_allowed() {
        let ret = WorkflowAction::Return("fix the polygon".to_owned());
        let cases = [
            (V::Draft, WorkflowAction::Submit, Some(V::Submitted)),
            (V::Returned, WorkflowAction::Submit, Some(V::Submitted)),
            (
                V::Submitted,
                WorkflowAction::Approve(String::new()),
                Some(V::Approved),
            ),
            (V::Submitted, ret.clone(), Some(V::Returned)),
            (V::Submitted, WorkflowAction::Submit, None),
            (V::Approved, WorkflowAction::Submit, None),
            (V::Approved, ret.clone(), None),
            (V::Draft, WorkflowAction::Approve(String::new()), None),
            (V::Returned, WorkflowAction::Approve(String::new()), None),
            (V::Draft, ret, None),
        ];
        for (from, action, to) in cases {
            assert_eq!(
                next_validation_state(from, &action).ok(),
                to,
                "{from:?} {action:?}"
            );
        }
        let blank = next_validation_state(V::Submitted, &WorkflowAction::Return("  ".to_owned()));
        assert!(matches!(blank, Err(RuleError::Invalid(e)) if e[0].field == "comment"));
        let refused = next_validation_state(V::Approved, &WorkflowAction::Approve(String::new()))
            .unwrap_err();
        assert_eq!(
            refused.to_string(),
            "cannot approve a record that is Approved"
        );
    }
}
