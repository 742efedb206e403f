//! The deterministic merge of a record's versions (issue 15): pure, so every store that holds the
//! same versions computes the same record and lists the same conflicts.
//!
//! A record's versions form a graph (each version names the versions it was made from). Its
//! *heads* are the versions nothing was made from; one head is the record. Two or more heads
//! (changes made apart) are merged **field by field, three-way against their common base** (the
//! newest version every head descends from):
//!
//! - a field changed by one head only is taken from it;
//! - a field changed to the same value by several heads is no conflict;
//! - a field changed to different values is a **conflict**: the provisional winner is the head
//!   with the later date of information, then the later clock stamp (whose last part is the
//!   device id), so the choice is the same everywhere; the losing values are kept in the
//!   conflict (and in their versions), never dropped;
//! - a land's geometry (survey points, polygon and its issue) is one field;
//! - a delete or void against a head that edited the record is a conflict on `deleted`;
//! - a land's ledger, status and classification are not merged: the store recomputes them from
//!   the merged activities ([`crate::domain::rules::project_land`]); its status history is the
//!   union of the heads' histories;
//! - an approval merged with a field change the approver did not see comes back as Submitted.
//!
//! Conflicts an edit left open travel in the edit's version ([`RecordVersion::open_conflicts`])
//! until someone settles them.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::sync::{DeviceId, Hlc, RecordKind, VersionId};

/// The pseudo-field of a record's deletion (a land deleted, an activity or report voided): the
/// reason as text, or `null` while the record is live.
pub const DELETED_FIELD: &str = "deleted";
/// The field name of a land's geometry (survey points, polygon and the polygon's issue).
pub const GEOMETRY_FIELD: &str = "geometry";
/// The members of a land's travelling body that make up its geometry field (the typed estimate
/// goes with the polygon it measures).
const LAND_GEOMETRY_MEMBERS: [&str; 4] = ["points", "geometry", "geometry_issue", "estimated_m2"];
/// Bookkeeping members that follow the provisional winner without a conflict being listed
/// (who last submitted a record: both sides submitting is not a disagreement about the land).
const SILENT_FIELDS: [&str; 1] = ["submitted_by"];
/// The members of a land's body that are recomputed, never merged.
const LAND_DERIVED_MEMBERS: [&str; 4] = ["ledger", "status", "classification", "status_history"];

/// Which value settles a conflict.
#[derive(Debug, Clone, PartialEq)]
pub enum Take {
    /// This device's value (or, when this device made none of them, the provisional winner).
    Local,
    /// The other device's value.
    Remote,
    /// A value typed by the person (JSON when it reads as JSON, else text).
    Value(String),
}

/// One version of a record as the merge sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordVersion {
    /// The version's id.
    pub id: VersionId,
    /// What kind of record.
    pub kind: RecordKind,
    /// The record's id (UUID text).
    pub record_id: String,
    /// The versions it was made from (none for the first).
    pub bases: Vec<VersionId>,
    /// When, on the hybrid logical clock (the device is its last part).
    pub hlc: Hlc,
    /// The device that made it.
    pub device: DeviceId,
    /// The reason, when this version deletes (voids) the record.
    pub deleted: Option<String>,
    /// Conflicts that were open when this version was made and that it did not settle.
    pub open_conflicts: Vec<FieldConflict>,
    /// The whole record (the domain type's JSON).
    pub body: Value,
}

impl RecordVersion {
    /// The record's date of information (`YYYY-MM-DD`, empty when it has none): the first key of
    /// the provisional winner.
    pub fn date_of_information(&self) -> &str {
        self.body
            .get("date_of_information")
            .and_then(Value::as_str)
            .unwrap_or("")
    }
}

/// The order of provisional winners: later date of information first, then the later clock
/// stamp (device id last).
pub fn winner_order(a: &RecordVersion, b: &RecordVersion) -> Ordering {
    (b.date_of_information(), b.hlc).cmp(&(a.date_of_information(), a.hlc))
}

/// One value of a conflicting field and the version it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictValue {
    /// The version that holds the value.
    pub version: VersionId,
    /// The device that made that version.
    pub device: DeviceId,
    /// The value (JSON; `null` for "live" in a `deleted` conflict).
    pub value: Value,
}

/// A field changed to different values apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldConflict {
    /// The field (a body member, [`GEOMETRY_FIELD`] or [`DELETED_FIELD`]).
    pub field: String,
    /// The value both sides started from (`null` when there is no common base).
    pub base: Value,
    /// The differing values, the provisional winner first.
    pub values: Vec<ConflictValue>,
}

impl FieldConflict {
    /// The provisional winner's value.
    pub fn winner(&self) -> Option<&ConflictValue> {
        self.values.first()
    }
}

/// A record merged from its heads.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged body.
    pub body: Value,
    /// The deletion reason, when the merged record is deleted.
    pub deleted: Option<String>,
    /// The open conflicts, by field.
    pub conflicts: Vec<FieldConflict>,
}

/// The merge fields of a record's body: its members, with a land's geometry members grouped
/// into [`GEOMETRY_FIELD`] and its recomputed members left out; plus [`DELETED_FIELD`].
pub fn merge_fields(kind: RecordKind, version: &RecordVersion) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    if let Value::Object(members) = &version.body {
        for (name, value) in members {
            if kind == RecordKind::Land
                && (LAND_GEOMETRY_MEMBERS.contains(&name.as_str())
                    || LAND_DERIVED_MEMBERS.contains(&name.as_str()))
            {
                continue;
            }
            out.insert(name.clone(), value.clone());
        }
        if kind == RecordKind::Land {
            let geometry: Map<String, Value> = LAND_GEOMETRY_MEMBERS
                .iter()
                .map(|m| {
                    (
                        (*m).to_owned(),
                        members.get(*m).cloned().unwrap_or(Value::Null),
                    )
                })
                .collect();
            out.insert(GEOMETRY_FIELD.to_owned(), Value::Object(geometry));
        }
    }
    out.insert(
        DELETED_FIELD.to_owned(),
        version.deleted.clone().map_or(Value::Null, Value::String),
    );
    out
}

/// Sets merge field `field` of `body` to `value` (the inverse of [`merge_fields`]; the
/// [`DELETED_FIELD`] is not part of the body and is ignored here).
pub fn set_field(kind: RecordKind, body: &mut Value, field: &str, value: Value) {
    let Value::Object(members) = body else {
        return;
    };
    if field == DELETED_FIELD {
        return;
    }
    if kind == RecordKind::Land && field == GEOMETRY_FIELD {
        if let Value::Object(parts) = value {
            for m in LAND_GEOMETRY_MEMBERS {
                members.insert(m.to_owned(), parts.get(m).cloned().unwrap_or(Value::Null));
            }
        }
        return;
    }
    members.insert(field.to_owned(), value);
}

/// Merges a record's heads three-way against `base` (see the module documentation). `heads`
/// may come in any order; one head is returned as it is (with the conflicts it carries).
pub fn merge_heads(
    kind: RecordKind,
    base: Option<&RecordVersion>,
    heads: &[&RecordVersion],
) -> Merged {
    let mut ordered: Vec<&RecordVersion> = heads.to_vec();
    ordered.sort_by(|a, b| winner_order(a, b));
    ordered.dedup_by(|a, b| a.id == b.id);
    let Some(first) = ordered.first() else {
        return Merged {
            body: Value::Null,
            deleted: None,
            conflicts: Vec::new(),
        };
    };
    if ordered.len() == 1 {
        return Merged {
            body: first.body.clone(),
            deleted: first.deleted.clone(),
            conflicts: first.open_conflicts.clone(),
        };
    }
    let base_fields = base.map(|b| merge_fields(kind, b)).unwrap_or_default();
    let head_fields: Vec<BTreeMap<String, Value>> =
        ordered.iter().map(|h| merge_fields(kind, h)).collect();
    let names: BTreeSet<&String> = head_fields.iter().flat_map(BTreeMap::keys).collect();
    let mut body = first.body.clone();
    let mut deleted = first.deleted.clone();
    let mut conflicts = Vec::new();
    // Which head supplied each field that some head changed (for the approval rule).
    let mut supplier: BTreeMap<String, usize> = BTreeMap::new();
    for name in names {
        let base_value = base_fields.get(name).cloned().unwrap_or(Value::Null);
        // (head index, value) of every head that changed the field, winner order.
        let changed: Vec<(usize, &Value)> = head_fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let v = f.get(name).unwrap_or(&Value::Null);
                (*v != base_value).then_some((i, v))
            })
            .collect();
        let value = match changed.as_slice() {
            [] => base_value.clone(),
            [(i, v), rest @ ..] => {
                supplier.insert(name.clone(), *i);
                let mut distinct: Vec<(usize, &Value)> = vec![(*i, *v)];
                for (j, w) in rest {
                    if !distinct.iter().any(|(_, d)| d == w) {
                        distinct.push((*j, *w));
                    }
                }
                if distinct.len() > 1 && !SILENT_FIELDS.contains(&name.as_str()) {
                    conflicts.push(FieldConflict {
                        field: name.clone(),
                        base: base_value.clone(),
                        values: distinct
                            .iter()
                            .filter_map(|(j, w)| {
                                ordered.get(*j).map(|h| ConflictValue {
                                    version: h.id,
                                    device: h.device,
                                    value: (*w).clone(),
                                })
                            })
                            .collect(),
                    });
                }
                (*v).clone()
            }
        };
        if name == DELETED_FIELD {
            deleted = value.as_str().map(str::to_owned);
        } else {
            set_field(kind, &mut body, name, value);
        }
    }
    delete_against_edit(
        &ordered,
        &head_fields,
        &base_fields,
        &mut conflicts,
        &mut deleted,
    );
    approval_rule(&mut body, &supplier);
    if kind == RecordKind::Land {
        merge_history(&mut body, base, &ordered);
    }
    carry_open_conflicts(&ordered, &mut conflicts);
    conflicts.sort_by(|a, b| a.field.cmp(&b.field));
    Merged {
        body,
        deleted,
        conflicts,
    }
}

/// A head that deleted the record and a head that edited it (any field but `deleted`): a
/// conflict on `deleted`; the provisional winner decides whether the record stays deleted.
fn delete_against_edit(
    ordered: &[&RecordVersion],
    head_fields: &[BTreeMap<String, Value>],
    base_fields: &BTreeMap<String, Value>,
    conflicts: &mut Vec<FieldConflict>,
    deleted: &mut Option<String>,
) {
    let base_deleted = base_fields.get(DELETED_FIELD).unwrap_or(&Value::Null);
    let edited = |fields: &BTreeMap<String, Value>| {
        fields
            .iter()
            .any(|(n, v)| n != DELETED_FIELD && base_fields.get(n).unwrap_or(&Value::Null) != v)
    };
    let mut involved = Vec::new();
    for (i, (head, fields)) in ordered.iter().zip(head_fields).enumerate() {
        let removal = head.deleted.is_some() && base_deleted.is_null();
        let edit = head.deleted.is_none() && edited(fields);
        if removal || edit {
            involved.push((i, removal));
        }
    }
    let any_delete = involved.iter().any(|(_, d)| *d);
    let any_edit = involved.iter().any(|(_, d)| !*d);
    if !(any_delete && any_edit) {
        return;
    }
    conflicts.retain(|c| c.field != DELETED_FIELD);
    let values: Vec<ConflictValue> = involved
        .iter()
        .filter_map(|(i, _)| ordered.get(*i))
        .map(|h| ConflictValue {
            version: h.id,
            device: h.device,
            value: h.deleted.clone().map_or(Value::Null, Value::String),
        })
        .collect();
    *deleted = values
        .first()
        .and_then(|v| v.value.as_str().map(str::to_owned));
    conflicts.push(FieldConflict {
        field: DELETED_FIELD.to_owned(),
        base: base_deleted.clone(),
        values,
    });
}

/// An approval merged with changes from another head (that the approver did not see) comes back
/// as Submitted: the office must look again.
fn approval_rule(body: &mut Value, supplier: &BTreeMap<String, usize>) {
    let Some(approver) = supplier.get("validation").copied() else {
        return;
    };
    if body.get("validation").and_then(Value::as_str) != Some("approved") {
        return;
    }
    let unseen = supplier.iter().any(|(field, head)| {
        *head != approver && !matches!(field.as_str(), "validation" | "validation_comment")
    });
    if unseen && let Value::Object(members) = body {
        members.insert(
            "validation".to_owned(),
            Value::String("submitted".to_owned()),
        );
    }
}

/// A land's status history: the base's entries, then each head's further entries (winner order),
/// each entry once, the added ones in date order.
fn merge_history(body: &mut Value, base: Option<&RecordVersion>, ordered: &[&RecordVersion]) {
    let entries = |v: &RecordVersion| -> Vec<Value> {
        v.body
            .get("status_history")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut merged: Vec<Value> = base.map(entries).unwrap_or_default();
    let mut added: Vec<Value> = Vec::new();
    for head in ordered {
        for entry in entries(head) {
            if !merged.contains(&entry) && !added.contains(&entry) {
                added.push(entry);
            }
        }
    }
    added.sort_by(|a, b| {
        let date = |v: &Value| {
            v.get("date")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        date(a).cmp(&date(b))
    });
    merged.extend(added);
    if let Value::Object(members) = body {
        members.insert("status_history".to_owned(), Value::Array(merged));
    }
}

/// Conflicts carried by the heads (left open by an edit) stay open, unless the merge found a
/// conflict on the same field (which replaces them).
fn carry_open_conflicts(ordered: &[&RecordVersion], conflicts: &mut Vec<FieldConflict>) {
    for head in ordered {
        for carried in &head.open_conflicts {
            if !conflicts.iter().any(|c| c.field == carried.field) {
                conflicts.push(carried.clone());
            }
        }
    }
}

/// The newest common ancestor of `heads` in a record's version graph (`bases_of` gives a
/// version's bases and clock stamp): the base of a three-way merge. `None` when the heads share
/// no ancestor.
pub fn common_base<F>(heads: &[VersionId], mut bases_of: F) -> Option<VersionId>
where
    F: FnMut(VersionId) -> Option<(Vec<VersionId>, Hlc)>,
{
    let mut stamps: BTreeMap<VersionId, Hlc> = BTreeMap::new();
    let mut common: Option<BTreeSet<VersionId>> = None;
    for head in heads {
        let mut seen = BTreeSet::new();
        let mut stack = vec![*head];
        while let Some(v) = stack.pop() {
            if !seen.insert(v) {
                continue;
            }
            if let Some((bases, stamp)) = bases_of(v) {
                stamps.insert(v, stamp);
                stack.extend(bases);
            }
        }
        common = Some(match common {
            None => seen,
            Some(c) => c.intersection(&seen).copied().collect(),
        });
    }
    common?
        .into_iter()
        .filter(|v| !heads.contains(v))
        .filter_map(|v| stamps.get(&v).map(|s| (*s, v)))
        .max()
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests;
