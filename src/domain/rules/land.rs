//! Land rules: a new land, an edit (date of information, status history, audit), a deletion.

use time::Date;

use super::audit::{audit_changes, audit_entry};
use super::{Context, RuleError};
use crate::domain::audit::AuditEntry;
use crate::domain::errors::FieldError;
use crate::domain::land::{Land, LandShape, StatusChange};
use crate::domain::vocab::ValidationState;
use crate::domain::vocab::{AuditAction, EntityKind};

/// A land's new version and what goes with it, ready to be saved in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct LandPlan {
    /// The land as it will be stored, with its whole status history.
    pub land: Land,
    /// How many status-history entries the store already holds; those from this index on are new.
    pub stored_history: usize,
    /// A new land (insert) rather than a new version of a stored one (update).
    pub is_new: bool,
    /// Audit entries, in the order they are written.
    pub audit: Vec<AuditEntry>,
}

/// An edit that lost to later information: kept beside the record, not applied (C5).
#[derive(Debug, Clone, PartialEq)]
pub struct SupersededEdit {
    /// The edit as submitted.
    pub edit: Land,
    /// The audit entry saying it was kept, not applied.
    pub audit: AuditEntry,
}

/// What an edit of a land does.
#[derive(Debug, Clone, PartialEq)]
pub enum LandEdit {
    /// The edit is applied.
    Apply(Box<LandPlan>),
    /// The edit is older than the record: kept, not applied.
    Supersede(Box<SupersededEdit>),
}

/// Sets a land's polygon, its flag and its estimated area from a computed shape, refusing a
/// shape that may not be stored and a polygon smaller than what is already released.
pub fn apply_shape(land: &mut Land, shape: LandShape) -> Result<(), RuleError> {
    if let Some(refusal) = shape.refusal {
        return Err(RuleError::Invalid(vec![FieldError::new(
            "geometry", refusal,
        )]));
    }
    land.geometry_issue = shape.issue();
    if shape.geometry.is_some() {
        land.ledger = land.ledger.with_estimate(shape.area)?;
    }
    land.geometry = shape.geometry;
    Ok(())
}

/// The date-of-information rule (C5): an edit dated before the record's date of information
/// does not override it.
pub fn is_superseded(edit_date_of_information: Date, record_date_of_information: Date) -> bool {
    edit_date_of_information < record_date_of_information
}

/// A new land (its code already given): its polygon and estimate from `shape`, a first history
/// entry ("Recorded") when it brings none, and its creation audit entry.
pub fn create_land(
    mut land: Land,
    shape: LandShape,
    ctx: &Context<'_>,
) -> Result<LandPlan, RuleError> {
    apply_shape(&mut land, shape)?;
    if land.status_history.is_empty() {
        land.status_history.push(StatusChange {
            date: land.date_of_information,
            status: land.status,
            classification: land.classification,
            reason: "Recorded".to_owned(),
            comment: String::new(),
            by: ctx.actor.who.clone(),
            superseded: false,
        });
    }
    let audit = vec![audit_entry(
        ctx,
        EntityKind::Land,
        land.id.0,
        &land.code,
        AuditAction::Create,
        None,
        None,
        Some(&land.code),
    )];
    Ok(LandPlan {
        land,
        stored_history: 0,
        is_new: true,
        audit,
    })
}

/// An edit of a stored land (same id), with the shape of the edited points or polygon.
///
/// - An edit older than the record ([`is_superseded`]) is kept, not applied.
/// - An empty code keeps the record's code.
/// - The ledger and the history are the record's, never the edit's; the estimate follows the
///   new polygon (refused when smaller than what is released).
/// - A changed status or classification is added to the history ("Edited").
/// - Every changed field is audited ([`audit_changes`]).
pub fn edit_land(
    old: &Land,
    mut edited: Land,
    shape: LandShape,
    ctx: &Context<'_>,
) -> Result<LandEdit, RuleError> {
    if is_superseded(edited.date_of_information, old.date_of_information) {
        let audit = audit_entry(
            ctx,
            EntityKind::Land,
            old.id.0,
            &old.code,
            AuditAction::Update,
            Some("superseded_update"),
            Some(&old.date_of_information.to_string()),
            Some(&format!(
                "edit dated {} kept, not applied",
                edited.date_of_information
            )),
        );
        return Ok(LandEdit::Supersede(Box::new(SupersededEdit {
            edit: edited,
            audit,
        })));
    }
    if edited.code.is_empty() {
        edited.code.clone_from(&old.code);
    }
    edited.ledger = old.ledger;
    edited.status_history.clone_from(&old.status_history);
    apply_shape(&mut edited, shape)?;
    if edited.status != old.status || edited.classification != old.classification {
        edited.status_history.push(StatusChange {
            date: edited.date_of_information,
            status: edited.status,
            classification: edited.classification,
            reason: "Edited".to_owned(),
            comment: String::new(),
            by: ctx.actor.who.clone(),
            superseded: false,
        });
    }
    let mut audit = audit_changes(old, &edited, ctx);
    let changed_content = audit.iter().any(|e| {
        !matches!(
            e.field.as_deref(),
            Some("validation" | "validation_comment" | "submitted_by")
        )
    });
    if old.validation == ValidationState::Approved
        && edited.validation == ValidationState::Approved
        && changed_content
    {
        // An approved record changed (in the field, or merged from another laptop) goes back to
        // the office: Submitted again, by whoever changed it.
        edited.validation = ValidationState::Submitted;
        edited.submitted_by.clone_from(&ctx.actor.who);
        audit = audit_changes(old, &edited, ctx);
    }
    Ok(LandEdit::Apply(Box::new(LandPlan {
        land: edited,
        stored_history: old.status_history.len(),
        is_new: false,
        audit,
    })))
}

/// The audit entry of a (soft) deletion: the land is kept, marked deleted.
pub fn delete_land(land: &Land, ctx: &Context<'_>) -> AuditEntry {
    audit_entry(
        ctx,
        EntityKind::Land,
        land.id.0,
        &land.code,
        AuditAction::Delete,
        None,
        None,
        None,
    )
}
