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

/// One audit entry per top-level field of a record's JSON body that differs between `old` and
/// `new` (fields in `skip` apart), in alphabetical order so two stores auditing the same edit
/// write the same entries. Values are written as text (strings as they are, the rest as JSON).
pub fn audit_fields<T: serde::Serialize>(
    entity: EntityKind,
    id: uuid::Uuid,
    code: &str,
    old: &T,
    new: &T,
    skip: &[&str],
    ctx: &Context<'_>,
) -> Vec<AuditEntry> {
    let as_map = |record: &T| -> BTreeMap<String, serde_json::Value> {
        match serde_json::to_value(record) {
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
    keys.into_iter()
        .filter(|key| !skip.contains(&key.as_str()))
        .filter(|key| a.get(*key) != b.get(*key))
        .map(|key| {
            audit_entry(
                ctx,
                entity,
                id,
                code,
                AuditAction::Update,
                Some(key),
                text(a.get(key)).as_deref(),
                text(b.get(key)).as_deref(),
            )
        })
        .collect()
}

/// The audit entries of an edit of a land: one per top-level field that changed
/// ([`audit_fields`], the status history apart), then the polygon ("polygon changed") and the
/// estimated area (in m²), which are not part of the body.
pub fn audit_changes(old: &Land, new: &Land, ctx: &Context<'_>) -> Vec<AuditEntry> {
    let mut out = audit_fields(
        EntityKind::Land,
        new.id.0,
        &new.code,
        old,
        new,
        &["status_history"],
        ctx,
    );
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
