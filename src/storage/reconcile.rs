//! Reconciliation (issue 15): the open conflicts of a store, and settling one as a new version
//! that travels to every laptop like any other change.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::activities::insert_activity_row_as;
use super::audit::audit;
use super::bodies::{activity_from_wire, land_from_wire, report_from_wire};
use super::bundle::reproject_land;
use super::error::StoreError;
use super::hazard_reports::write_report_row;
use super::lands::write_land_row_as;
use super::store::Store;
use super::versions::{LocalChange, record_local_version, row_body, table_of};
use crate::domain::merge::{DELETED_FIELD, FieldConflict, Take, set_field};
use crate::domain::rules::apply_shape;
use crate::domain::{Actor, AuditAction, EntityKind, FieldError, RecordKind};
use crate::geometry::land_shape;

/// An open conflict of one record.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenConflict {
    /// The record's code now.
    pub code: String,
    /// What kind of record.
    pub kind: RecordKind,
    /// The record's id.
    pub record_id: String,
    /// The field, its base and its values (provisional winner first).
    pub conflict: FieldConflict,
}

impl OpenConflict {
    /// The value this device holds: its own version's, or the provisional winner's.
    pub fn local(&self, me: crate::domain::DeviceId) -> Option<&Value> {
        self.conflict
            .values
            .iter()
            .find(|v| v.device == me)
            .or_else(|| self.conflict.winner())
            .map(|v| &v.value)
    }

    /// The other value: the first that is not [`OpenConflict::local`]'s.
    pub fn remote(&self, me: crate::domain::DeviceId) -> Option<&Value> {
        let local = self.local(me);
        self.conflict
            .values
            .iter()
            .map(|v| &v.value)
            .find(|v| Some(*v) != local)
    }
}

impl Store {
    /// Every open conflict, by record code and field.
    pub fn sync_conflicts(&self) -> Result<Vec<OpenConflict>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT code, record_type, record_id, conflict_json FROM sync_conflict ORDER BY code, field",
        )?;
        let rows: Vec<(String, String, String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(code, kind, record_id, text)| {
                let bad = |detail: String| StoreError::BadRow {
                    entity: "sync conflict",
                    code: code.clone(),
                    detail,
                };
                Ok(OpenConflict {
                    kind: RecordKind::from_code(&kind).ok_or_else(|| bad(kind.clone()))?,
                    conflict: serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?,
                    code: code.clone(),
                    record_id,
                })
            })
            .collect()
    }

    /// Settles the conflict on `field` of the record with `code`: its value becomes the chosen
    /// one, as a new version made from every head (so it travels and ends the conflict
    /// everywhere); the other open conflicts of the record stay open. Audited.
    pub fn sync_resolve(
        &mut self,
        code: &str,
        field: &str,
        take: &Take,
        actor: &Actor,
    ) -> Result<(), StoreError> {
        let device = self.sync_identity(&actor.device)?.device;
        let tx = self.conn.transaction()?;
        let open = conflict_by_code(&tx, code, field)?;
        let value = match take {
            Take::Local => open.local(device).cloned(),
            Take::Remote => open.remote(device).cloned(),
            Take::Value(text) if field == DELETED_FIELD => {
                Some(if matches!(text.trim(), "live" | "keep" | "null" | "") {
                    Value::Null
                } else {
                    Value::String(text.trim().to_owned())
                })
            }
            Take::Value(text) => Some(
                serde_json::from_str::<Value>(text).unwrap_or_else(|_| Value::String(text.clone())),
            ),
        }
        .ok_or_else(|| {
            StoreError::Invalid(vec![FieldError::new(
                "take",
                "this conflict has no such value; use local, remote or a value",
            )])
        })?;
        let kind = open.kind;
        let id = open.record_id.as_str();
        let mut body: Value =
            serde_json::from_str(&row_body(&tx, kind, id)?).map_err(|e| StoreError::BadRow {
                entity: "record",
                code: code.to_owned(),
                detail: e.to_string(),
            })?;
        let deleted_now: bool = tx
            .prepare_cached(&format!(
                "SELECT deleted_at IS NOT NULL FROM {} WHERE id = ?1",
                table_of(kind)
            ))?
            .query_row([id], |r| r.get(0))?;
        let deleted: Option<String> = if field == DELETED_FIELD {
            value.as_str().map(str::to_owned)
        } else {
            deleted_now.then(|| "deleted".to_owned())
        };
        set_field(kind, &mut body, field, value.clone());
        let version = record_local_version(
            &tx,
            LocalChange {
                kind,
                record_id: id,
                is_new: false,
                deleted: deleted.as_deref(),
                who: &actor.who,
                settles: &[field],
                content_unchanged: false,
            },
        )?;
        let voided_at = deleted.as_ref().map(|_| super::codec::now_text());
        match kind {
            RecordKind::Land => {
                let mut land = land_from_wire(body).map_err(|e| invalid_value(field, &e))?;
                let shape = land_shape(&land.points, land.geometry.as_ref());
                apply_shape(&mut land, shape)?;
                write_land_row_as(&tx, &land, false, Some(version))?;
                tx.execute(
                    "UPDATE land SET deleted_at = ?2 WHERE id = ?1",
                    params![id, voided_at],
                )?;
                reproject_land(&tx, id)?;
            }
            RecordKind::Activity => {
                let activity = activity_from_wire(body).map_err(|e| invalid_value(field, &e))?;
                tx.execute("DELETE FROM activity_device WHERE activity_id = ?1", [id])?;
                tx.execute("DELETE FROM activity WHERE id = ?1", [id])?;
                insert_activity_row_as(&tx, &activity, Some(version), voided_at.as_deref())?;
                reproject_land(&tx, &activity.land_id.to_string())?;
            }
            RecordKind::HazardReport => {
                let report = report_from_wire(body).map_err(|e| invalid_value(field, &e))?;
                write_report_row(&tx, &report, false, Some(version), voided_at.as_deref())?;
            }
        }
        let entity = match kind {
            RecordKind::Land => EntityKind::Land,
            RecordKind::Activity => EntityKind::Activity,
            RecordKind::HazardReport => EntityKind::HazardReport,
        };
        let record_uuid = uuid::Uuid::parse_str(id).unwrap_or_default();
        audit(
            &tx,
            actor,
            entity,
            record_uuid,
            code,
            AuditAction::Update,
            Some(field),
            None,
            Some(&format!("conflict settled: {}", value_text(field, &value))),
        )?;
        tx.commit()?;
        Ok(())
    }
}

fn invalid_value(field: &str, e: &StoreError) -> StoreError {
    StoreError::Invalid(vec![FieldError::new(
        "value",
        format!("it does not fit the field {field} ({e})"),
    )])
}

/// The open conflict on `field` of the record with `code` (any kind; an old code given away by
/// a merge finds its record through its alias).
fn conflict_by_code(
    conn: &Connection,
    code: &str,
    field: &str,
) -> Result<OpenConflict, StoreError> {
    let mut record: Option<(String, String)> = conn
        .prepare_cached("SELECT record_type, record_id FROM sync_conflict WHERE code = ?1 LIMIT 1")?
        .query_row([code], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if record.is_none() {
        record = conn
            .prepare_cached(
                "SELECT record_type, record_id FROM code_alias WHERE code = ?1 LIMIT 1",
            )?
            .query_row([code], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
    }
    let Some((kind, record_id)) = record else {
        return Err(StoreError::NotFound {
            entity: "record with an open conflict",
            code: code.to_owned(),
        });
    };
    let text: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT code, conflict_json FROM sync_conflict WHERE record_id = ?1 AND field = ?2",
        )?
        .query_row(params![record_id, field], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((current, text)) = text else {
        let fields: Vec<String> = conn
            .prepare_cached("SELECT field FROM sync_conflict WHERE record_id = ?1 ORDER BY field")?
            .query_map([&record_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        return Err(StoreError::Invalid(vec![FieldError::new(
            "field",
            if fields.is_empty() {
                format!("{code} has no open conflict")
            } else {
                format!(
                    "{code} has no open conflict on that field; its conflicts are on: {}",
                    fields.join(", ")
                )
            },
        )]));
    };
    Ok(OpenConflict {
        code: current,
        kind: RecordKind::from_code(&kind).unwrap_or(RecordKind::Land),
        record_id,
        conflict: serde_json::from_str(&text).map_err(|e| StoreError::BadRow {
            entity: "sync conflict",
            code: code.to_owned(),
            detail: e.to_string(),
        })?,
    })
}

/// A conflict value in words: text as it is, "live" for a record not deleted, a geometry as its
/// number of survey points and whether it has a polygon, anything else as compact JSON.
pub fn value_text(field: &str, value: &Value) -> String {
    match value {
        Value::Null if field == DELETED_FIELD => "live (edited)".to_owned(),
        Value::String(s) if field == DELETED_FIELD => format!("deleted: {s}"),
        Value::String(s) => s.clone(),
        Value::Object(parts) if field == crate::domain::merge::GEOMETRY_FIELD => {
            geometry_text(parts)
        }
        other => other.to_string(),
    }
}

/// A version waiting for a base that has not arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParkedVersion {
    /// What kind of record.
    pub kind: RecordKind,
    /// The record's code as the version has it.
    pub code: String,
    /// The device that made it.
    pub device: String,
    /// When it arrived here (RFC 3339, UTC).
    pub received_at: String,
}

/// One bundle import tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportLogEntry {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The bundle's file name.
    pub file_name: String,
    /// The device that wrote it (empty when the file could not be read).
    pub sender: String,
    /// Applied, or refused.
    pub refused: bool,
    /// What it did, or why it was refused.
    pub summary: String,
}

impl Store {
    /// The versions waiting for a base, oldest first.
    pub fn sync_parked(&self) -> Result<Vec<ParkedVersion>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT record_type, COALESCE(json_extract(body_json, '$.code'), ''), origin_device,
                    received_at
             FROM record_version WHERE parked = 1 ORDER BY seq",
        )?;
        let rows: Vec<(String, String, String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows
            .into_iter()
            .map(|(kind, code, device, received_at)| ParkedVersion {
                kind: RecordKind::from_code(&kind).unwrap_or(RecordKind::Land),
                code,
                device,
                received_at,
            })
            .collect())
    }

    /// The last `limit` bundle imports, newest first.
    pub fn sync_import_log(&self, limit: usize) -> Result<Vec<ImportLogEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT at, file_name, sender, outcome, summary FROM sync_import_log
             ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            Ok(ImportLogEntry {
                at: r.get(0)?,
                file_name: r.get(1)?,
                sender: r.get(2)?,
                refused: r.get::<_, String>(3)? == "refused",
                summary: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many conflicts are open (the Reconciliation button's badge).
    pub fn sync_conflict_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sync_conflict", [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}

/// The polygon of a land geometry conflict value (the `geometry` member of the field), if any.
pub fn conflict_polygon(value: &Value) -> Option<geo_types::MultiPolygon<f64>> {
    let g = value.get("geometry")?;
    if g.is_null() {
        return None;
    }
    super::codec::parse_geometry(Some(&g.to_string()))
        .ok()
        .flatten()
}

/// A land geometry in words: its survey points, where they lie (their mean, 5 decimals, about a
/// metre) and the estimated area, so two geometries can be told apart.
fn geometry_text(parts: &serde_json::Map<String, Value>) -> String {
    let points = parts.get("points").and_then(Value::as_array);
    let n = points.map_or(0, Vec::len);
    let mut sum = (0.0, 0.0);
    let mut counted = 0.0;
    for p in points.into_iter().flatten() {
        let ll = p.get("lon_lat");
        if let (Some(lon), Some(lat)) = (
            ll.and_then(|l| l.get("lon_deg")).and_then(Value::as_f64),
            ll.and_then(|l| l.get("lat_deg")).and_then(Value::as_f64),
        ) {
            sum = (sum.0 + lon, sum.1 + lat);
            counted += 1.0;
        }
    }
    let area = parts
        .get("estimated_m2")
        .and_then(Value::as_f64)
        .map(|a| format!("; {} m²", crate::domain::format_number(a, 0)))
        .unwrap_or_default();
    let polygon = if parts.get("geometry").is_some_and(|g| !g.is_null()) {
        "polygon"
    } else {
        "no polygon"
    };
    if counted > 0.0 {
        format!(
            "{n} survey points around {:.5}, {:.5}; {polygon}{area}",
            sum.1 / counted,
            sum.0 / counted
        )
    } else {
        format!("{n} survey points; {polygon}{area}")
    }
}

impl Store {
    /// Records of `kind` other than `record` that had `code` before a sync merge renamed them:
    /// (the code, their code now).
    pub fn code_aliases(
        &self,
        kind: RecordKind,
        code: &str,
        record: uuid::Uuid,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let sql = format!(
            "SELECT a.code, t.code FROM code_alias a JOIN {} t ON t.id = a.record_id
             WHERE a.record_type = ?1 AND a.code = ?2 AND a.record_id != ?3 ORDER BY t.code",
            table_of(kind)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![kind.code(), code, record.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The codes a record had before sync merges renamed it.
    pub fn former_codes(
        &self,
        kind: RecordKind,
        record: uuid::Uuid,
    ) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT code FROM code_alias WHERE record_type = ?1 AND record_id = ?2 ORDER BY code",
        )?;
        let rows = stmt.query_map(params![kind.code(), record.to_string()], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
