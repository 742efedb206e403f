//! Audit diffing: which fields of a land an edit changed, as audit entries.

use std::collections::{BTreeMap, BTreeSet};

use super::Context;
use crate::domain::audit::AuditEntry;
use crate::domain::land::Land;
use crate::domain::vocab::{AuditAction, EntityKind};

/// One audit entry stamped with the context's person, device and time.
///
/// # Examples
/// ```
/// use safeground::domain::{Actor, AuditAction, EntityKind};
/// use safeground::domain::rules::{Context, audit_entry};
/// let actor = Actor::new("amina", "laptop-2");
/// let e = audit_entry(&Context::now(&actor), EntityKind::Land, uuid::Uuid::nil(), "HA-0001",
///     AuditAction::Create, None, None, Some("HA-0001"));
/// assert_eq!(e.who, "amina");
/// ```
#[expect(
    clippy::too_many_arguments,
    reason = "one field each of the audit entry"
)]
pub fn audit_entry(
    ctx: &Context<'_>,
    entity: EntityKind,
    entity_id: uuid::Uuid,
    entity_code: &str,
    action: AuditAction,
    field: Option<&str>,
    old_value: Option<&str>,
    new_value: Option<&str>,
) -> AuditEntry {
    AuditEntry {
        at: ctx.at,
        who: ctx.actor.who.clone(),
        device: ctx.actor.device.clone(),
        entity,
        entity_id,
        entity_code: entity_code.to_owned(),
        action,
        field: field.map(str::to_owned),
        old_value: old_value.map(str::to_owned),
        new_value: new_value.map(str::to_owned),
    }
}

/// The audit entries of an edit of a land: one per top-level field that changed (compared as
/// the stored JSON body, the status history apart), then the polygon ("polygon changed") and the
/// estimated area (in m²), which are not part of the body. Field order is alphabetical, so two
/// stores auditing the same edit write the same entries.
pub fn audit_changes(old: &Land, new: &Land, ctx: &Context<'_>) -> Vec<AuditEntry> {
    let as_map = |land: &Land| -> BTreeMap<String, serde_json::Value> {
        match serde_json::to_value(land) {
            Ok(serde_json::Value::Object(m)) => m.into_iter().collect(),
            _ => BTreeMap::new(),
        }
    };
    let text = |v: Option<&serde_json::Value>| {
        v.map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let (a, b) = (as_map(old), as_map(new));
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let mut out = Vec::new();
    let mut push = |field: &str, old_value: Option<&str>, new_value: Option<&str>| {
        out.push(audit_entry(
            ctx,
            EntityKind::Land,
            new.id.0,
            &new.code,
            AuditAction::Update,
            Some(field),
            old_value,
            new_value,
        ));
    };
    for key in keys {
        if key == "status_history" {
            continue;
        }
        let (va, vb) = (a.get(key), b.get(key));
        if va != vb {
            push(key, text(va).as_deref(), text(vb).as_deref());
        }
    }
    if old.geometry != new.geometry {
        push("geometry", None, Some("polygon changed"));
    }
    if old.ledger.estimated_m2 != new.ledger.estimated_m2 {
        push(
            "estimated_m2",
            Some(&old.ledger.estimated_m2.to_string()),
            Some(&new.ledger.estimated_m2.to_string()),
        );
    }
    out
}
