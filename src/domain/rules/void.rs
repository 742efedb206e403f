//! Voiding (soft: the record is kept, marked void, and left out of every figure) and editing a
//! hazard report. Voiding an activity recomputes its land's ledger, status and classification
//! from the activities that remain ([`super::project_land`]), so a wrong activity stops counting.

use super::audit::{audit_entry, audit_fields};
use super::land::{LandPlan, is_superseded};
use super::projection::{project_land, projection_start};
use super::{Context, RuleError};
use crate::domain::activity::Activity;
use crate::domain::audit::AuditEntry;
use crate::domain::errors::FieldError;
use crate::domain::hazard_report::HazardReport;
use crate::domain::land::{Land, StatusChange};
use crate::domain::vocab::{AuditAction, EntityKind};

/// Longest void reason kept (characters).
const MAX_REASON_CHARS: usize = 500;

/// Checks a void reason: given, at most [`MAX_REASON_CHARS`], no control characters.
fn check_reason(reason: &str) -> Result<String, RuleError> {
    let reason = reason.trim();
    let why = if reason.is_empty() {
        Some("say why the record is voided (it stays in the store, marked void)")
    } else if reason.chars().count() > MAX_REASON_CHARS {
        Some("keep the reason under 500 characters")
    } else if reason
        .chars()
        .any(|c| c.is_control() || crate::domain::is_bidi_control(c))
    {
        Some("the reason holds control characters")
    } else {
        None
    };
    match why {
        Some(message) => Err(RuleError::Invalid(vec![FieldError::new("reason", message)])),
        None => Ok(reason.to_owned()),
    }
}

/// An activity voided and what it does to its land.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityVoid {
    /// The activity voided (as it was).
    pub activity: Activity,
    /// The reason, trimmed.
    pub reason: String,
    /// The void's audit entry (the reason is its new value).
    pub audit: AuditEntry,
    /// The land recomputed from the activities that remain, with a history entry and audit.
    pub land: LandPlan,
}

/// Voids `activity` of `land`, whose live activities are `activities` (the voided one among
/// them): the land's ledger, status and classification become the projection of the others
/// ([`project_land`]); a changed status or classification gets a history entry ("Voided
/// AC-0004: reason"). Refused without a reason, or when the remaining activities no longer
/// stand together (e.g. a completion report that needed the voided clearance).
pub fn void_activity(
    land: &Land,
    activities: &[Activity],
    activity: &Activity,
    reason: &str,
    ctx: &Context<'_>,
) -> Result<ActivityVoid, RuleError> {
    let reason = check_reason(reason)?;
    let remaining: Vec<Activity> = activities
        .iter()
        .filter(|a| a.id != activity.id)
        .cloned()
        .collect();
    let start = projection_start(land, activities);
    let projected = project_land(start, &remaining).map_err(|e| {
        RuleError::NotPermitted(format!(
            "{} cannot be voided on its own: without it, {e}",
            activity.code
        ))
    })?;
    let mut next = land.clone();
    next.ledger = projected.state.ledger;
    next.status = projected.state.status;
    next.classification = projected.state.classification;
    if next.status != land.status || next.classification != land.classification {
        next.status_history.push(StatusChange {
            date: activity.date_of_information,
            status: next.status,
            classification: next.classification,
            reason: format!("Voided {}: {reason}", activity.code),
            comment: String::new(),
            by: ctx.actor.who.clone(),
            superseded: false,
        });
    }
    let land_audit = super::activity::audit_land_state(
        land,
        &next,
        &format!("after voiding {}", activity.code),
        ctx,
    );
    let audit = audit_entry(
        ctx,
        EntityKind::Activity,
        activity.id.0,
        &activity.code,
        AuditAction::Void,
        None,
        None,
        Some(&reason),
    );
    Ok(ActivityVoid {
        activity: activity.clone(),
        reason,
        audit,
        land: LandPlan {
            land: next,
            stored_history: land.status_history.len(),
            is_new: false,
            audit: land_audit,
        },
    })
}

/// The audit entry of a hazard report voided with a reason (refused without one).
pub fn void_hazard_report(
    report: &HazardReport,
    reason: &str,
    ctx: &Context<'_>,
) -> Result<AuditEntry, RuleError> {
    let reason = check_reason(reason)?;
    Ok(audit_entry(
        ctx,
        EntityKind::HazardReport,
        report.id.0,
        &report.code,
        AuditAction::Void,
        None,
        None,
        Some(&reason),
    ))
}

/// What an edit of a hazard report does.
#[derive(Debug, Clone, PartialEq)]
pub enum HazardReportEdit {
    /// Applied: the new version and one audit entry per changed field.
    Apply {
        /// The report as it will be stored.
        report: Box<HazardReport>,
        /// Audit entries.
        audit: Vec<AuditEntry>,
    },
    /// Dated (`reported_on`) before the record: kept in the audit, not applied.
    Supersede(AuditEntry),
}

/// An edit of a stored hazard report (same id): the date-of-information rule on `reported_on`
/// ([`is_superseded`]: an older edit is kept in the audit, not applied); an empty code keeps the
/// record's; each changed field is audited.
pub fn edit_hazard_report(
    old: &HazardReport,
    mut edited: HazardReport,
    ctx: &Context<'_>,
) -> HazardReportEdit {
    if is_superseded(edited.reported_on, old.reported_on) {
        let body = serde_json::to_string(&edited).unwrap_or_default();
        return HazardReportEdit::Supersede(audit_entry(
            ctx,
            EntityKind::HazardReport,
            old.id.0,
            &old.code,
            AuditAction::Update,
            Some("superseded_update"),
            Some(&old.reported_on.to_string()),
            Some(&format!(
                "edit dated {} kept, not applied: {body}",
                edited.reported_on
            )),
        ));
    }
    if edited.code.is_empty() {
        edited.code.clone_from(&old.code);
    }
    let audit = audit_fields(
        EntityKind::HazardReport,
        edited.id.0,
        &edited.code,
        old,
        &edited,
        &[],
        ctx,
    );
    HazardReportEdit::Apply {
        report: Box::new(edited),
        audit,
    }
}
