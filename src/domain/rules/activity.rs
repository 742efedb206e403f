//! Activity rules: recording an activity against its land (ledger, lifecycle, status history,
//! audit), restoring one from a snapshot, recording a hazard report.

use super::audit::audit_entry;
use super::land::LandPlan;
use super::{Context, RuleError};
use crate::domain::activity::Activity;
use crate::domain::audit::AuditEntry;
use crate::domain::hazard_report::HazardReport;
use crate::domain::land::{Land, StatusChange};
use crate::domain::ledger::Ledger;
use crate::domain::lifecycle::{LandState, Transition, apply_activity};
use crate::domain::vocab::{AuditAction, EntityKind};

/// A recorded activity and what it does to its land, ready to be saved in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityPlan {
    /// The activity as it will be stored.
    pub activity: Activity,
    /// Its creation audit entry (written before the land's).
    pub audit: AuditEntry,
    /// The land's new version: ledger, status, classification, history, and its audit entries.
    pub land: LandPlan,
    /// The status or classification changes the activity caused (applied or superseded).
    pub transitions: Vec<Transition>,
}

/// Records `activity` (its code already given) against `land`: the lifecycle and the ledger
/// decide ([`apply_activity`]); each transition goes into the history dated with the
/// activity's date of information; changes of status, classification and the ledger are audited.
pub fn record_activity(
    land: &Land,
    activity: Activity,
    ctx: &Context<'_>,
) -> Result<ActivityPlan, RuleError> {
    let applied = apply_activity(&LandState::of(land), &activity)?;
    let audit = audit_entry(
        ctx,
        EntityKind::Activity,
        activity.id.0,
        &activity.code,
        AuditAction::Create,
        None,
        None,
        Some(&format!("{} on {}", activity.kind.code(), land.code)),
    );
    let mut next = land.clone();
    next.ledger = applied.state.ledger;
    next.status = applied.state.status;
    next.classification = applied.state.classification;
    next.status_history
        .extend(applied.transitions.iter().map(|t| StatusChange {
            date: activity.date_of_information,
            status: t.status,
            classification: t.classification,
            reason: t.reason.clone(),
            comment: String::new(),
            by: ctx.actor.who.clone(),
            superseded: t.superseded,
        }));
    let land_audit = audit_land_state(land, &next, &format!("after {}", activity.code), ctx);
    Ok(ActivityPlan {
        land: LandPlan {
            land: next,
            stored_history: land.status_history.len(),
            is_new: false,
            audit: land_audit,
        },
        audit,
        activity,
        transitions: applied.transitions,
    })
}

/// The audit entries of a land whose status, classification or ledger an activity (recorded or
/// voided) changed: one per changed field; the ledger's as "remaining … {why}".
pub(super) fn audit_land_state(
    old: &Land,
    new: &Land,
    why: &str,
    ctx: &Context<'_>,
) -> Vec<AuditEntry> {
    let mut out = Vec::new();
    let mut push = |field: &str, a: &str, b: &str| {
        out.push(audit_entry(
            ctx,
            EntityKind::Land,
            new.id.0,
            &new.code,
            AuditAction::Update,
            Some(field),
            Some(a),
            Some(b),
        ));
    };
    if old.status != new.status {
        push("status", old.status.code(), new.status.code());
    }
    if old.classification != new.classification {
        push(
            "classification",
            old.classification.code(),
            new.classification.code(),
        );
    }
    if old.ledger != new.ledger {
        let text = |l: &Ledger| format!("remaining {}", l.remaining());
        push(
            "ledger",
            &text(&old.ledger),
            &format!("{} {why}", text(&new.ledger)),
        );
    }
    out
}

/// The audit entry of an activity restored from a snapshot as it is (the land's ledger is
/// then recomputed from all its activities, [`super::project_land`]).
pub fn restore_activity(activity: &Activity, ctx: &Context<'_>) -> AuditEntry {
    audit_entry(
        ctx,
        EntityKind::Activity,
        activity.id.0,
        &activity.code,
        AuditAction::Import,
        None,
        None,
        Some(&activity.code),
    )
}

/// The audit entry of a new hazard report (its code already given).
pub fn record_hazard_report(report: &HazardReport, ctx: &Context<'_>) -> AuditEntry {
    audit_entry(
        ctx,
        EntityKind::HazardReport,
        report.id.0,
        &report.code,
        AuditAction::Create,
        None,
        None,
        Some(&report.code),
    )
}
