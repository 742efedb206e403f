//! The change log (issue 15, table `record_version`, schema 10): every change to a land, an
//! activity or a hazard report appends a version in the transaction that makes the change.
//!
//! The body is written once: the newest local version's body is left NULL while the record's
//! row holds it (the row names it in `version_id`), and is copied into the version (*spilled*)
//! just before anything changes that row. So an import of 100 000 lands writes each body once,
//! as before. Invariant (tested): a version's body is NULL only when its record's row names it.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::clock::{device_and_next_stamp, next_origin_seq};
use super::codec::now_text;
use super::error::StoreError;
use crate::domain::merge::{FieldConflict, RecordVersion};
use crate::domain::{DeviceId, Hlc, RecordKind, VersionId};

/// The table holding a kind's current rows.
pub(crate) fn table_of(kind: RecordKind) -> &'static str {
    super::clock::table_of(kind)
}

fn bad(entity: &'static str, detail: String) -> StoreError {
    StoreError::BadRow {
        entity,
        code: String::new(),
        detail,
    }
}

/// The head versions of a record.
pub(crate) fn heads_of(conn: &Connection, record_id: &str) -> Result<Vec<VersionId>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT version_id FROM record_head WHERE record_id = ?1")?;
    let ids: Vec<String> = stmt
        .query_map([record_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter().map(|t| parse_version_id(t)).collect()
}

pub(crate) fn parse_version_id(text: &str) -> Result<VersionId, StoreError> {
    Uuid::parse_str(text)
        .map(VersionId)
        .map_err(|e| bad("record version", format!("version id: {e}")))
}

/// The open conflicts stored for a record (none when it has none).
pub(crate) fn stored_conflicts(
    conn: &Connection,
    record_id: &str,
) -> Result<Vec<FieldConflict>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT conflict_json FROM sync_conflict WHERE record_id = ?1 ORDER BY field",
    )?;
    let texts: Vec<String> = stmt
        .query_map([record_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    texts
        .iter()
        .map(|t| serde_json::from_str(t).map_err(|e| bad("sync conflict", e.to_string())))
        .collect()
}

/// A local change about to be written to a record's row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LocalChange<'a> {
    /// The record's kind.
    pub kind: RecordKind,
    /// The record's id.
    pub record_id: &'a str,
    /// A new record (no row yet, nothing to spill).
    pub is_new: bool,
    /// The reason, when the change deletes (voids) the record.
    pub deleted: Option<&'a str>,
    /// Who made it.
    pub who: &'a str,
    /// Conflict fields this change settles (`sync resolve`); every other open conflict of the
    /// record stays open in the new version.
    pub settles: &'a [&'a str],
    /// The change leaves the record's content as it was: an activity moved a land's ledger,
    /// status and history (the old version's body is then kept compact, see [`spill`]).
    pub content_unchanged: bool,
}

/// Appends the version of a local change, **before** the caller writes the record's row: spills
/// the body the row holds, stamps the clock, makes the new version the record's only head, and
/// returns its id for the row's `version_id` (the row then holds its body).
pub(crate) fn record_local_version(
    conn: &Connection,
    change: LocalChange<'_>,
) -> Result<VersionId, StoreError> {
    // Time-ordered (UUID v7): the index of version ids grows at its end, not at random places.
    let id = VersionId(Uuid::now_v7());
    let (bases, open, had_conflicts) = if change.is_new {
        (Vec::new(), Vec::new(), false)
    } else {
        hold_body_elsewhere(
            conn,
            change.kind,
            change.record_id,
            change.content_unchanged.then_some(id),
        )?;
        let mut open = stored_conflicts(conn, change.record_id)?;
        let had = !open.is_empty();
        open.retain(|c| !change.settles.contains(&c.field.as_str()));
        (heads_of(conn, change.record_id)?, open, had)
    };
    let (device, stamp) = device_and_next_stamp(conn)?;
    let bases_json =
        serde_json::to_string(&bases).map_err(|e| bad("record version", e.to_string()))?;
    let open_json =
        serde_json::to_string(&open).map_err(|e| bad("record version", e.to_string()))?;
    // (An INSERT … SELECT MAX() from the same table needs a statement journal: slower.)
    let seq = next_origin_seq(conn, device)?;
    conn.prepare_cached(
        "INSERT INTO record_version (version_id, record_type, record_id, bases, hlc, origin_device,
            origin_seq, who, state, state_reason, open_conflicts, body_json, parked, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL, 0, ?12)",
    )?
    .execute(params![
        id.to_string(),
        change.kind.code(),
        change.record_id,
        bases_json,
        stamp.encode(),
        device.to_string(),
        seq,
        change.who,
        if change.deleted.is_some() {
            "deleted"
        } else {
            "live"
        },
        change.deleted.unwrap_or(""),
        open_json,
        now_text(),
    ])?;
    if let [only] = bases.as_slice() {
        // The common case: one head, replaced.
        conn.prepare_cached(
            "UPDATE record_head SET version_id = ?3 WHERE record_id = ?1 AND version_id = ?2",
        )?
        .execute(params![change.record_id, only.to_string(), id.to_string()])?;
    } else {
        if !bases.is_empty() {
            conn.prepare_cached("DELETE FROM record_head WHERE record_id = ?1")?
                .execute([change.record_id])?;
        }
        conn.prepare_cached("INSERT INTO record_head (record_id, version_id) VALUES (?1, ?2)")?
            .execute(params![change.record_id, id.to_string()])?;
    }
    if had_conflicts {
        // The record's conflicts are now what this version carries.
        conn.prepare_cached("DELETE FROM sync_conflict WHERE record_id = ?1")?
            .execute([change.record_id])?;
        if !open.is_empty() {
            let code = record_code(conn, change.kind, change.record_id)?;
            write_conflicts(conn, change.kind, change.record_id, &code, &open)?;
        }
    }
    Ok(id)
}

/// The code of a record's row (empty when there is no row).
pub(crate) fn record_code(
    conn: &Connection,
    kind: RecordKind,
    record_id: &str,
) -> Result<String, StoreError> {
    let sql = format!("SELECT code FROM {} WHERE id = ?1", table_of(kind));
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([record_id], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

/// Replaces nothing: inserts the conflicts of a record (the caller removed the old ones).
pub(crate) fn write_conflicts(
    conn: &Connection,
    kind: RecordKind,
    record_id: &str,
    code: &str,
    conflicts: &[FieldConflict],
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_conflict (record_id, record_type, code, field, conflict_json)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for c in conflicts {
        let text = serde_json::to_string(c).map_err(|e| bad("sync conflict", e.to_string()))?;
        stmt.execute(params![record_id, kind.code(), code, c.field, text])?;
    }
    Ok(())
}

/// The member of a compact land body that names the version whose content it shares.
pub(crate) const SAME_CONTENT_AS: &str = "$same_content_as";
/// A land body's members that its activities change; everything else is its *content*.
const LAND_DERIVED: [&str; 3] = ["status", "classification", "status_history"];

/// A compact land body: the members activities change, and the version whose content is the
/// same (the content, about 4 KB with survey points and narratives, is then kept once).
pub(crate) fn compact_land_body(body: &serde_json::Value, same_as: VersionId) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    out.insert(
        SAME_CONTENT_AS.to_owned(),
        serde_json::Value::String(same_as.to_string()),
    );
    for d in LAND_DERIVED {
        if let Some(v) = body.get(d) {
            out.insert(d.to_owned(), v.clone());
        }
    }
    serde_json::Value::Object(out)
}

/// Copies the body a record's row holds into the version the row names, if that version's body
/// is still NULL; then the row names no version (it may now change without a version: a merge,
/// a recomputed ledger, a code given by a merge). When the row is about to become version
/// `same_content_as` with the same content (an activity moved a land's ledger, status and
/// history), the copy is compact: the land's status, classification and history, read from its
/// columns, and that version's id.
pub(crate) fn spill(
    conn: &Connection,
    kind: RecordKind,
    record_id: &str,
    same_content_as: Option<VersionId>,
) -> Result<(), StoreError> {
    if hold_body_elsewhere(conn, kind, record_id, same_content_as)? {
        let sql = format!(
            "UPDATE {} SET version_id = NULL WHERE id = ?1",
            table_of(kind)
        );
        conn.prepare_cached(&sql)?.execute([record_id])?;
    }
    Ok(())
}

/// [`spill`] without clearing the row's `version_id` (a local change sets it next); `true` when
/// the row named a version.
fn hold_body_elsewhere(
    conn: &Connection,
    kind: RecordKind,
    record_id: &str,
    same_content_as: Option<VersionId>,
) -> Result<bool, StoreError> {
    let sql = format!(
        "SELECT t.version_id, v.body_json IS NULL FROM {} t
         LEFT JOIN record_version v ON v.version_id = t.version_id WHERE t.id = ?1",
        table_of(kind)
    );
    let held: Option<(Option<String>, Option<bool>)> = conn
        .prepare_cached(&sql)?
        .query_row([record_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((Some(version), empty)) = held else {
        return Ok(false);
    };
    if empty == Some(true) {
        let stored = match same_content_as {
            Some(next) if kind == RecordKind::Land => {
                let mut derived = super::bodies::land_derived(conn, record_id)?;
                if let serde_json::Value::Object(m) = &mut derived {
                    m.insert(
                        SAME_CONTENT_AS.to_owned(),
                        serde_json::Value::String(next.to_string()),
                    );
                }
                derived.to_string()
            }
            _ => row_body(conn, kind, record_id)?,
        };
        conn.prepare_cached("UPDATE record_version SET body_json = ?2 WHERE version_id = ?1")?
            .execute(params![version, stored])?;
    }
    Ok(true)
}

/// The whole body of a stored version (parked or not): its own, the row's when the row holds
/// it, or, for a compact land body, its derived members over the content of the version it
/// names (followed until a whole body).
pub(crate) fn body_of(conn: &Connection, id: VersionId) -> Result<serde_json::Value, StoreError> {
    let mut overlay: Option<serde_json::Value> = None;
    let mut at = id;
    // A chain is as long as a land's run of activity-only changes; a longer one is a loop.
    for _ in 0..1_000_000 {
        let row: Option<(String, String, Option<String>)> = conn
            .prepare_cached(
                "SELECT record_type, record_id, body_json FROM record_version WHERE version_id = ?1",
            )?
            .query_row([at.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((kind, record_id, body)) = row else {
            return Err(bad("record version", format!("version {at} is not held")));
        };
        let kind = RecordKind::from_code(&kind)
            .ok_or_else(|| bad("record version", format!("record type {kind}")))?;
        let text = match body {
            Some(b) => b,
            None => row_body(conn, kind, &record_id)?,
        };
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| bad("record version", e.to_string()))?;
        let Some(next) = value
            .get(SAME_CONTENT_AS)
            .and_then(serde_json::Value::as_str)
        else {
            return Ok(match overlay {
                None => value,
                Some(derived) => {
                    let mut whole = value;
                    if let (serde_json::Value::Object(w), serde_json::Value::Object(d)) =
                        (&mut whole, derived)
                    {
                        for (k, v) in d {
                            if k != SAME_CONTENT_AS {
                                w.insert(k, v);
                            }
                        }
                    }
                    whole
                }
            });
        };
        let next = parse_version_id(next)?;
        if overlay.is_none() {
            overlay = Some(value);
        }
        at = next;
    }
    Err(bad(
        "record version",
        format!("the bodies of {id} refer to each other in a loop"),
    ))
}

/// The body of a record as its row holds it: the whole domain value as JSON (a land with its
/// status history, polygon and estimate; an activity with its released polygon: see
/// [`super::bodies::land_wire`]). Deleted and voided rows too.
pub(crate) fn row_body(
    conn: &Connection,
    kind: RecordKind,
    record_id: &str,
) -> Result<String, StoreError> {
    let value = match kind {
        RecordKind::Land => super::bodies::land_wire(&super::bodies::load_land_including_deleted(
            conn, record_id,
        )?)?,
        RecordKind::Activity => super::bodies::activity_wire(
            &super::bodies::load_activity_including_voided(conn, record_id)?,
        )?,
        RecordKind::HazardReport => serde_json::to_value(
            super::bodies::load_report_including_voided(conn, record_id)?,
        )
        .map_err(|e| bad("record version", e.to_string()))?,
    };
    Ok(value.to_string())
}

/// A stored version, read whole (a body the row holds is read from the row).
pub(crate) fn load_version(
    conn: &Connection,
    id: VersionId,
) -> Result<Option<RecordVersion>, StoreError> {
    let row = conn
        .prepare_cached(
            "SELECT record_type, record_id, bases, hlc, origin_device, state, state_reason,
                    open_conflicts, body_json
             FROM record_version WHERE version_id = ?1 AND parked = 0",
        )?
        .query_row([id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, Option<String>>(8)?,
            ))
        })
        .optional()?;
    let Some((kind, record_id, bases, hlc, device, state, reason, open, body)) = row else {
        return Ok(None);
    };
    let kind = RecordKind::from_code(&kind)
        .ok_or_else(|| bad("record version", format!("record type {kind}")))?;
    let body = match body {
        Some(b) if !b.contains(SAME_CONTENT_AS) => {
            serde_json::from_str(&b).map_err(|e| bad("record version", e.to_string()))?
        }
        _ => body_of(conn, id)?,
    };
    Ok(Some(RecordVersion {
        id,
        kind,
        record_id,
        bases: serde_json::from_str(&bases).map_err(|e| bad("record version", e.to_string()))?,
        hlc: Hlc::decode(&hlc).map_err(|e| bad("record version", e.to_string()))?,
        device: DeviceId(
            Uuid::parse_str(&device).map_err(|e| bad("record version", e.to_string()))?,
        ),
        deleted: (state == "deleted").then_some(reason),
        open_conflicts: serde_json::from_str(&open)
            .map_err(|e| bad("record version", e.to_string()))?,
        body,
    }))
}

/// The graph of a record's versions: id -> (bases, stamp).
pub(crate) fn version_graph(
    conn: &Connection,
    record_id: &str,
) -> Result<HashMap<VersionId, (Vec<VersionId>, Hlc)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT version_id, bases, hlc FROM record_version WHERE record_id = ?1 AND parked = 0",
    )?;
    let rows: Vec<(String, String, String)> = stmt
        .query_map([record_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut out = HashMap::with_capacity(rows.len());
    for (id, bases, hlc) in rows {
        out.insert(
            parse_version_id(&id)?,
            (
                serde_json::from_str(&bases).map_err(|e| bad("record version", e.to_string()))?,
                Hlc::decode(&hlc).map_err(|e| bad("record version", e.to_string()))?,
            ),
        );
    }
    Ok(out)
}
