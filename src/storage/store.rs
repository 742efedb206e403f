//! The store: one SQLite connection, synchronous methods, every write in one transaction
//! together with its audit entries.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use geo::{BoundingRect, Centroid};
use geo_types::MultiPolygon;
use rusqlite::{Connection, OptionalExtension, Row, params};
use time::OffsetDateTime;

use super::error::StoreError;
use super::open::{OpenMode, open_connection};
use crate::domain::{
    Activity, Actor, AuditAction, AuditEntry, CodePrefix, EntityKind, HazardReport, Land, LandId,
    LandState, Ledger, StatusChange, Transition, ValidationState, apply_activity, parse_date,
};
use crate::geometry::{AREA_METHOD, LandShape, land_shape};

/// One line of the land list: what `list lands` and the app's list need, read from columns only.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LandSummary {
    /// UUID.
    pub id: LandId,
    /// Human code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Classification.
    pub classification: crate::domain::Classification,
    /// Status.
    pub status: crate::domain::LandStatus,
    /// Validation state.
    pub validation: ValidationState,
    /// The ledger.
    pub ledger: Ledger,
    /// Centroid `[lon, lat]`, when the land has a position.
    pub centroid: Option<[f64; 2]>,
    /// Why the polygon is flagged, if it is.
    pub geometry_issue: Option<String>,
    /// Donor.
    pub donor: String,
    /// Organisation.
    pub organisation: String,
}

/// A land as the map draws it: the list line plus its polygon and bounding box.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLand {
    /// The list line (code, name, classification, status, ledger, centroid).
    pub summary: LandSummary,
    /// The polygon, WGS84 lon/lat (shared with the map's copy, not cloned).
    pub geometry: Option<std::sync::Arc<MultiPolygon<f64>>>,
    /// `[min_lon, min_lat, max_lon, max_lat]`.
    pub bbox_lon_lat: Option<[f64; 4]>,
    /// Polygons of released parts (cancelled, reduced, cleared) recorded with activities.
    pub released: Vec<MultiPolygon<f64>>,
}

/// The columns of a [`LandSummary`], in the order [`summary_from_row`] reads them.
const SUMMARY_COLUMNS: &str = "id, code, name, classification, status, validation, estimated_m2,
    cancelled_m2, reduced_with_asset_m2, reduced_without_asset_m2, cleared_m2, centroid_lon,
    centroid_lat, geometry_issue, donor, organisation";

/// A land's list line from the first 16 columns of a row ([`SUMMARY_COLUMNS`]).
fn summary_from_row(r: &Row<'_>) -> Result<LandSummary, StoreError> {
    let code: String = r.get(1)?;
    let bad = |detail: &str| StoreError::BadRow {
        entity: "land",
        code: code.clone(),
        detail: detail.to_owned(),
    };
    let text = |i: usize| -> Result<String, StoreError> { Ok(r.get::<_, String>(i)?) };
    let (id, class, status, validation) = (text(0)?, text(3)?, text(4)?, text(5)?);
    let m2 = [r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?];
    let centroid: (Option<f64>, Option<f64>) = (r.get(11)?, r.get(12)?);
    Ok(LandSummary {
        id: LandId::parse(&id).ok_or_else(|| bad("bad id"))?,
        classification: crate::domain::Classification::from_code(&class)
            .ok_or_else(|| bad("bad classification"))?,
        status: crate::domain::LandStatus::from_code(&status).ok_or_else(|| bad("bad status"))?,
        validation: ValidationState::from_code(&validation).ok_or_else(|| bad("bad validation"))?,
        ledger: ledger_from_columns(m2),
        centroid: centroid.0.zip(centroid.1).map(|(a, b)| [a, b]),
        geometry_issue: r.get(13)?,
        name: text(2)?,
        donor: text(14)?,
        organisation: text(15)?,
        code,
    })
}

/// What happened to a land edit.
#[derive(Debug, Clone, PartialEq)]
pub enum LandUpdate {
    /// The edit was applied.
    Applied(Box<Land>),
    /// The edit's date of information is earlier than the record's: kept in history, not applied.
    Superseded,
}

/// A land edit that lost to later information (C5 date-of-information rule).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SupersededUpdate {
    /// The land's code.
    pub code: String,
    /// Date of information of the edit.
    pub date_of_information: String,
    /// Date of information of the record it did not override.
    pub record_date_of_information: String,
    /// Who submitted it.
    pub by: String,
}

/// A workflow action on a record (C9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkflowAction {
    /// Draft or Returned → Submitted.
    Submit,
    /// Submitted → Approved.
    Approve,
    /// Submitted → Returned, with a comment.
    Return(String),
}

/// The Safeground store.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    backup: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

pub(crate) fn now_text() -> String {
    OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::BadRow {
        entity: "record",
        code: String::new(),
        detail: e.to_string(),
    })
}

fn geometry_text(shape: Option<&MultiPolygon<f64>>) -> Option<String> {
    shape.and_then(|s| serde_json::to_string(&geojson::Geometry::from(s)).ok())
}

/// Hazard reports (not deleted) matching `filter` (an `AND ...` clause), ordered by code; the
/// bodies are parsed on every core.
pub(super) fn read_hazard_reports<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> Result<Vec<HazardReport>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT code, body_json FROM hazard_report WHERE deleted_at IS NULL {filter} ORDER BY code"
    ))?;
    let rows = stmt
        .query_map(params, |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let parsed = crate::par::map_chunks(&rows, 2_000, |_, chunk| {
        chunk
            .iter()
            .map(|(code, body)| {
                serde_json::from_str(body).map_err(|e| StoreError::BadRow {
                    entity: "hazard report",
                    code: code.clone(),
                    detail: e.to_string(),
                })
            })
            .collect::<Vec<_>>()
    });
    parsed.into_iter().flatten().collect()
}

/// A stored polygon (GeoJSON geometry text) back as a multipolygon; `None` when absent or not
/// a (multi)polygon.
pub(crate) fn parse_geometry(text: Option<&str>) -> Option<MultiPolygon<f64>> {
    let text = text?;
    // Fast path: the shape this store writes, straight into coordinates (no JSON tree).
    if let Ok(stored) = serde_json::from_str::<StoredGeometry>(text)
        && let Some(shape) = stored.into_multi_polygon()
    {
        return Some(shape);
    }
    let geometry: geojson::Geometry = text.parse().ok()?;
    MultiPolygon::<f64>::try_from(&geometry.value).ok()
}

/// `{"type": "MultiPolygon", "coordinates": ...}` with 2-D positions: what this store writes.
#[derive(serde::Deserialize)]
struct StoredGeometry {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Vec<Vec<Vec<[f64; 2]>>>,
}

impl StoredGeometry {
    fn into_multi_polygon(self) -> Option<MultiPolygon<f64>> {
        use geo_types::{Coord, LineString, Polygon};
        if self.kind != "MultiPolygon" {
            return None;
        }
        let ring = |positions: Vec<[f64; 2]>| {
            LineString(positions.into_iter().map(|[x, y]| Coord { x, y }).collect())
        };
        let polygon = |mut rings: Vec<Vec<[f64; 2]>>| {
            if rings.is_empty() {
                return None;
            }
            let exterior = ring(rings.remove(0));
            Some(Polygon::new(
                exterior,
                rings.into_iter().map(ring).collect(),
            ))
        };
        Some(MultiPolygon(
            self.coordinates.into_iter().filter_map(polygon).collect(),
        ))
    }
}

impl Store {
    /// Opens the store at `path`, creating it if needed. Refuses non-SQLite, corrupt, foreign and
    /// newer-schema files with a clear message; backs the file up before migrating it.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, OpenMode::CreateIfMissing)
    }

    /// Opens an existing store: a missing or empty file, a folder, a FIFO or a device is refused
    /// with a message (see [`OpenMode::Existing`]).
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, OpenMode::Existing)
    }

    /// Opens the store at `path` in the given mode.
    pub fn open_with(path: &Path, mode: OpenMode) -> Result<Self, StoreError> {
        let (conn, backup) = open_connection(path, mode)?;
        Ok(Self {
            conn,
            path: path.to_owned(),
            backup,
        })
    }

    /// How long a write waits for another program's write to end before it gives up with
    /// [`StoreError::Busy`] (5 s by default).
    pub fn set_busy_timeout_ms(&mut self, ms: u64) {
        if self
            .conn
            .busy_timeout(std::time::Duration::from_millis(ms))
            .is_err()
        {
            // Only fails on a closed connection, which the next statement reports.
        }
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The backup written before a schema migration during `open`, if one ran.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    // ---- lands -------------------------------------------------------------------------

    /// Creates a land: assigns a code if empty, builds its polygon and area, writes its first
    /// history entry and the audit entry, in one transaction.
    pub fn create_land(&mut self, land: Land, actor: &Actor) -> Result<Land, StoreError> {
        let tx = self.conn.transaction()?;
        let land = create_land_tx(&tx, land, actor)?;
        tx.commit()?;
        Ok(land)
    }

    /// Applies an edit to a land (same id). An edit whose date of information is earlier than
    /// the record's is kept as superseded, not applied. Status, ledger and history are not taken
    /// from the edit; classification and status edits are recorded in the history.
    pub fn update_land(&mut self, edited: Land, actor: &Actor) -> Result<LandUpdate, StoreError> {
        let tx = self.conn.transaction()?;
        let result = update_land_tx(&tx, edited, actor)?;
        tx.commit()?;
        Ok(result)
    }

    /// Soft-deletes a land (kept, marked deleted, audited).
    pub fn delete_land(&mut self, id: LandId, actor: &Actor) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let land = load_land(&tx, id)?;
        tx.execute(
            "UPDATE land SET deleted_at = ?1 WHERE id = ?2",
            params![now_text(), id.to_string()],
        )?;
        audit(
            &tx,
            actor,
            EntityKind::Land,
            id.0,
            &land.code,
            AuditAction::Delete,
            None,
            None,
            None,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// A land by code (not deleted).
    pub fn land_by_code(&self, code: &str) -> Result<Land, StoreError> {
        let id: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM land WHERE code = ?1 AND deleted_at IS NULL",
                [code],
                |r| r.get(0),
            )
            .optional()?;
        let id = id
            .and_then(|s| LandId::parse(&s))
            .ok_or_else(|| StoreError::NotFound {
                entity: "land",
                code: code.to_owned(),
            })?;
        load_land(&self.conn, id)
    }

    /// A land by id.
    pub fn land(&self, id: LandId) -> Result<Land, StoreError> {
        load_land(&self.conn, id)
    }

    /// Every land (not deleted), fully loaded, ordered by code.
    pub fn lands(&self) -> Result<Vec<Land>, StoreError> {
        // Two scans (lands in code order, then every history row), not one query per land.
        let mut history: std::collections::HashMap<String, Vec<StatusChange>> =
            std::collections::HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT land_id, date, status, classification, reason, comment, by_who, superseded
             FROM land_status_history ORDER BY land_id, seq",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let land_id: String = r.get(0)?;
            let change = status_change_from_row(r, 1, &land_id)?;
            history.entry(land_id).or_default().push(change);
        }
        let mut stmt = self.conn.prepare(
            "SELECT code, b.body_json, estimated_m2, cancelled_m2, reduced_with_asset_m2,
                    reduced_without_asset_m2, cleared_m2, geometry_geojson, l.id
             FROM land l JOIN land_body b ON b.land_id = l.id
             WHERE l.deleted_at IS NULL ORDER BY code",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: String = r.get(8)?;
            let mut land = land_from_row(r)?;
            land.status_history = history.remove(&id).unwrap_or_default();
            out.push(land);
        }
        Ok(out)
    }

    /// The land list (columns only, fast), ordered by code.
    pub fn land_summaries(&self) -> Result<Vec<LandSummary>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM land WHERE deleted_at IS NULL ORDER BY code"
        ))?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(summary_from_row(r)?);
        }
        Ok(out)
    }

    /// What the map and the list need for every land: columns and the polygon, no JSON body.
    /// One scan of the land rows; the polygons are parsed on every core.
    pub fn map_lands(&self) -> Result<Vec<MapLand>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS}, geometry_geojson, min_lon, min_lat, max_lon, max_lat
             FROM land WHERE deleted_at IS NULL ORDER BY code"
        ))?;
        let mut rows = stmt.query([])?;
        let mut read = Vec::new();
        while let Some(r) = rows.next()? {
            let bbox = match (
                r.get::<_, Option<f64>>(17)?,
                r.get::<_, Option<f64>>(18)?,
                r.get::<_, Option<f64>>(19)?,
                r.get::<_, Option<f64>>(20)?,
            ) {
                (Some(a), Some(b), Some(c), Some(d)) => Some([a, b, c, d]),
                _ => None,
            };
            read.push((summary_from_row(r)?, r.get::<_, Option<String>>(16)?, bbox));
        }
        let parsed = crate::par::map_chunks(&read, 2_000, |_, chunk| {
            chunk
                .iter()
                .map(|(_, geometry, _)| parse_geometry(geometry.as_deref()))
                .collect::<Vec<_>>()
        });
        let mut released: std::collections::HashMap<LandId, Vec<MultiPolygon<f64>>> =
            std::collections::HashMap::new();
        // Reads the small partial index of activities with a released polygon (schema 7).
        let mut stmt = self.conn.prepare(
            "SELECT land_id, released_geometry_geojson FROM activity
             WHERE released_geometry_geojson IS NOT NULL AND deleted_at IS NULL
             ORDER BY date_of_information, code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        for row in rows {
            let (land, geometry) = row?;
            if let (Some(land), Some(g)) =
                (LandId::parse(&land), parse_geometry(geometry.as_deref()))
            {
                released.entry(land).or_default().push(g);
            }
        }
        Ok(read
            .into_iter()
            .zip(parsed.into_iter().flatten())
            .map(|((summary, _, bbox_lon_lat), geometry)| MapLand {
                released: released.remove(&summary.id).unwrap_or_default(),
                summary,
                geometry: geometry.map(std::sync::Arc::new),
                bbox_lon_lat,
            })
            .collect())
    }

    /// Land edits that lost to later information.
    pub fn superseded_updates(&self) -> Result<Vec<SupersededUpdate>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT l.code, u.date_of_information, l.date_of_information, u.by_who
             FROM land_update_superseded u JOIN land l ON l.id = u.land_id
             WHERE l.deleted_at IS NULL ORDER BY l.code, u.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SupersededUpdate {
                code: r.get(0)?,
                date_of_information: r.get(1)?,
                record_date_of_information: r.get(2)?,
                by: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    // ---- activities --------------------------------------------------------------------

    /// Records an activity against its land: checks the ledger and lifecycle, updates the land's
    /// ledger, status, classification and history, and audits everything, in one transaction.
    pub fn add_activity(
        &mut self,
        activity: Activity,
        actor: &Actor,
    ) -> Result<(Activity, Vec<Transition>), StoreError> {
        let tx = self.conn.transaction()?;
        let result = add_activity_tx(&tx, activity, actor)?;
        tx.commit()?;
        Ok(result)
    }

    /// Activities of one land, or of all lands, in date order.
    pub fn activities(&self, land: Option<LandId>) -> Result<Vec<Activity>, StoreError> {
        load_activities(&self.conn, land)
    }

    // ---- hazard reports ----------------------------------------------------------------

    /// Records a hazard report (code assigned if empty), audited.
    pub fn add_hazard_report(
        &mut self,
        report: HazardReport,
        actor: &Actor,
    ) -> Result<HazardReport, StoreError> {
        let tx = self.conn.transaction()?;
        let report = insert_hazard_report_tx(&tx, report, actor)?;
        tx.commit()?;
        Ok(report)
    }

    /// Every hazard report (not deleted), by code.
    pub fn hazard_reports(&self) -> Result<Vec<HazardReport>, StoreError> {
        read_hazard_reports(&self.conn, "", [])
    }

    /// The hazard reports linked to one land, ordered by code.
    pub fn hazard_reports_of_land(&self, land: LandId) -> Result<Vec<HazardReport>, StoreError> {
        read_hazard_reports(&self.conn, "AND land_id = ?1", [land.to_string()])
    }

    /// One hazard report by id.
    pub fn hazard_report(
        &self,
        id: crate::domain::HazardReportId,
    ) -> Result<HazardReport, StoreError> {
        read_hazard_reports(&self.conn, "AND id = ?1", [id.to_string()])?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                entity: "hazard report",
                code: id.to_string(),
            })
    }

    /// What the app shows first: the map's lands and every hazard report. The reports are read
    /// on a second connection while this one reads the lands (when a second connection can be
    /// opened; else one after the other).
    pub fn map_records(&self) -> Result<(Vec<MapLand>, Vec<HazardReport>), StoreError> {
        let Ok(reader) = super::open::open_reader(&self.path) else {
            return Ok((self.map_lands()?, self.hazard_reports()?));
        };
        std::thread::scope(|scope| {
            let reports = std::thread::Builder::new()
                .name("read-reports".to_owned())
                .spawn_scoped(scope, move || read_hazard_reports(&reader, "", []));
            let lands = self.map_lands()?;
            let reports = match reports.map(std::thread::ScopedJoinHandle::join) {
                Ok(Ok(reports)) => reports?,
                _ => self.hazard_reports()?,
            };
            Ok((lands, reports))
        })
    }

    // ---- workflow and audit ------------------------------------------------------------

    /// Moves a land through the validation workflow (C9), audited.
    pub fn land_workflow(
        &mut self,
        id: LandId,
        action: &WorkflowAction,
        actor: &Actor,
    ) -> Result<Land, StoreError> {
        let tx = self.conn.transaction()?;
        let mut land = load_land(&tx, id)?;
        let old = land.validation;
        let new = next_validation_state(old, action)?;
        land.validation = new;
        land.validation_comment = match action {
            WorkflowAction::Return(comment) => comment.trim().to_owned(),
            _ => String::new(),
        };
        write_land_row(&tx, &land, false)?;
        let detail = match action {
            WorkflowAction::Return(c) => format!("{} ({})", new.code(), c.trim()),
            _ => new.code().to_owned(),
        };
        audit(
            &tx,
            actor,
            EntityKind::Land,
            id.0,
            &land.code,
            AuditAction::Workflow,
            Some("validation"),
            Some(old.code()),
            Some(&detail),
        )?;
        tx.commit()?;
        Ok(land)
    }

    /// The audit trail of one record, oldest first.
    pub fn audit_for(&self, entity_id: uuid::Uuid) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT at, who, device, entity, entity_id, entity_code, action, field, old_value, new_value
             FROM audit_log WHERE entity_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([entity_id.to_string()], audit_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Number of audit entries in the store.
    pub fn audit_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
    }
}

fn audit_from_row(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    let at: String = r.get(0)?;
    let entity: String = r.get(3)?;
    let entity_id: String = r.get(4)?;
    let action: String = r.get(6)?;
    Ok(AuditEntry {
        at: OffsetDateTime::parse(&at, &time::format_description::well_known::Rfc3339)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH),
        who: r.get(1)?,
        device: r.get(2)?,
        entity: EntityKind::from_code(&entity).unwrap_or(EntityKind::Store),
        entity_id: uuid::Uuid::parse_str(&entity_id).unwrap_or_default(),
        entity_code: r.get(5)?,
        action: AuditAction::from_code(&action).unwrap_or(AuditAction::Update),
        field: r.get(7)?,
        old_value: r.get(8)?,
        new_value: r.get(9)?,
    })
}

fn next_validation_state(
    old: ValidationState,
    action: &WorkflowAction,
) -> Result<ValidationState, StoreError> {
    use ValidationState as V;
    match (old, action) {
        (V::Draft | V::Returned, WorkflowAction::Submit) => Ok(V::Submitted),
        (V::Submitted, WorkflowAction::Approve) => Ok(V::Approved),
        (V::Submitted, WorkflowAction::Return(c)) if !c.trim().is_empty() => Ok(V::Returned),
        (V::Submitted, WorkflowAction::Return(_)) => {
            Err(StoreError::Invalid(vec![crate::domain::FieldError::new(
                "comment",
                "a returned record needs a comment saying what to fix",
            )]))
        }
        (_, WorkflowAction::Submit) => Err(StoreError::Workflow {
            action: "submit",
            state: old.label(),
        }),
        (_, WorkflowAction::Approve) => Err(StoreError::Workflow {
            action: "approve",
            state: old.label(),
        }),
        (_, WorkflowAction::Return(_)) => Err(StoreError::Workflow {
            action: "return",
            state: old.label(),
        }),
    }
}

pub(crate) fn ledger_from_columns(m2: [f64; 5]) -> Ledger {
    use crate::domain::{AreaM2, Released};
    Ledger {
        estimated_m2: AreaM2::new(m2[0]),
        released: Released {
            cancelled_m2: AreaM2::new(m2[1]),
            reduced_with_asset_m2: AreaM2::new(m2[2]),
            reduced_without_asset_m2: AreaM2::new(m2[3]),
            cleared_m2: AreaM2::new(m2[4]),
        },
    }
}

// ---- transaction-level operations (shared by the public methods and the importer) ----------

/// Removes every record (the demo programme replaces the store's contents), audited.
pub(crate) fn clear_all_tx(conn: &Connection, actor: &Actor) -> Result<(), StoreError> {
    conn.execute_batch(
        "DELETE FROM activity_device; DELETE FROM activity; DELETE FROM hazard_report_photo; DELETE FROM hazard_report; DELETE FROM code_sequence;
         DELETE FROM land_status_history; DELETE FROM land_update_superseded; DELETE FROM land_body; DELETE FROM land;",
    )?;
    audit(
        conn,
        actor,
        EntityKind::Store,
        uuid::Uuid::nil(),
        "",
        AuditAction::Delete,
        Some("all records"),
        None,
        Some("replaced by the demo programme"),
    )
}

/// Writes one audit entry.
#[expect(
    clippy::too_many_arguments,
    reason = "one column each; called through small wrappers"
)]
pub(crate) fn audit(
    conn: &Connection,
    actor: &Actor,
    entity: EntityKind,
    entity_id: uuid::Uuid,
    entity_code: &str,
    action: AuditAction,
    field: Option<&str>,
    old_value: Option<&str>,
    new_value: Option<&str>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, who, device, entity, entity_id, entity_code, action, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        now_text(),
        actor.who,
        actor.device,
        entity.code(),
        entity_id.to_string(),
        entity_code,
        action.code(),
        field,
        old_value,
        new_value
    ])?;
    Ok(())
}

/// The next free code for a prefix: one more than the last handed out, skipping codes that
/// imports have already taken. The first call per prefix starts from the highest numbered code.
pub(crate) fn next_code(conn: &Connection, prefix: CodePrefix) -> Result<String, StoreError> {
    let table = match prefix {
        CodePrefix::Land => "land",
        CodePrefix::Activity => "activity",
        CodePrefix::HazardReport => "hazard_report",
    };
    let last: Option<i64> = conn
        .prepare_cached("SELECT last FROM code_sequence WHERE prefix = ?1")?
        .query_row([prefix.as_str()], |r| r.get(0))
        .optional()?;
    let mut number = if let Some(n) = last {
        n
    } else {
        let sql = format!(
            "SELECT COALESCE(MAX(CAST(substr(code, 4) AS INTEGER)), 0) FROM {table}
             WHERE code GLOB '{}[0-9]*' AND substr(code, 4) NOT GLOB '*[^0-9]*'",
            prefix.as_str()
        );
        conn.prepare_cached(&sql)?.query_row([], |r| r.get(0))?
    };
    let code = loop {
        number += 1;
        let code = prefix.code(u64::try_from(number).unwrap_or(0));
        if !code_taken(conn, table, &code)? {
            break code;
        }
    };
    conn.prepare_cached("INSERT INTO code_sequence (prefix, last) VALUES (?1, ?2) ON CONFLICT (prefix) DO UPDATE SET last = excluded.last")?
        .execute(params![prefix.as_str(), number])?;
    Ok(code)
}

fn code_taken(conn: &Connection, table: &str, code: &str) -> Result<bool, StoreError> {
    let sql = format!("SELECT 1 FROM {table} WHERE code = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([code], |_| Ok(()))
        .optional()?
        .is_some())
}

fn id_taken(conn: &Connection, table: &str, id: &str) -> Result<Option<String>, StoreError> {
    let sql = format!("SELECT code FROM {table} WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Builds the land's polygon and area from its points or imported polygon, and revises the
/// ledger estimate (refusing a polygon smaller than what is already released).
fn apply_shape(land: &mut Land) -> Result<(), StoreError> {
    let shape = land_shape(&land.points, land.geometry.as_ref());
    set_shape(land, shape)
}

/// Sets a shape computed from the land's own points or polygon (see [`apply_shape`]).
fn set_shape(land: &mut Land, shape: LandShape) -> Result<(), StoreError> {
    if let Some(refusal) = shape.refusal {
        return Err(StoreError::Invalid(vec![crate::domain::FieldError::new(
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

/// Checks a new record's UUID is free and gives it a code: the next in sequence when empty,
/// else the given one if no other record of the table uses it.
fn assign_identity(
    conn: &Connection,
    table: &str,
    entity: &'static str,
    prefix: CodePrefix,
    id: &str,
    code: &mut String,
) -> Result<(), StoreError> {
    if let Some(existing) = id_taken(conn, table, id)? {
        return Err(StoreError::DuplicateId {
            entity,
            id: id.to_owned(),
            code: existing,
        });
    }
    if code.is_empty() {
        *code = next_code(conn, prefix)?;
    } else if code_taken(conn, table, code)? {
        return Err(StoreError::DuplicateCode {
            entity,
            code: code.clone(),
        });
    }
    Ok(())
}

pub(crate) fn create_land_tx(
    tx: &Connection,
    land: Land,
    actor: &Actor,
) -> Result<Land, StoreError> {
    let shape = land_shape(&land.points, land.geometry.as_ref());
    create_shaped_land_tx(tx, land, shape, actor)
}

/// Creates a land whose shape was computed beforehand (the importer computes shapes on every
/// core). Every refusal comes before the first write, so a caller can skip a refused land
/// without a savepoint.
pub(crate) fn create_shaped_land_tx(
    tx: &Connection,
    mut land: Land,
    shape: LandShape,
    actor: &Actor,
) -> Result<Land, StoreError> {
    set_shape(&mut land, shape)?;
    assign_identity(
        tx,
        "land",
        "land",
        CodePrefix::Land,
        &land.id.to_string(),
        &mut land.code,
    )?;
    if land.status_history.is_empty() {
        land.status_history.push(StatusChange {
            date: land.date_of_information,
            status: land.status,
            classification: land.classification,
            reason: "Recorded".to_owned(),
            comment: String::new(),
            by: actor.who.clone(),
            superseded: false,
        });
    }
    write_land_row(tx, &land, true)?;
    write_history(tx, &land, 0)?;
    audit(
        tx,
        actor,
        EntityKind::Land,
        land.id.0,
        &land.code,
        AuditAction::Create,
        None,
        None,
        Some(&land.code),
    )?;
    Ok(land)
}

fn update_land_tx(
    tx: &Connection,
    mut edited: Land,
    actor: &Actor,
) -> Result<LandUpdate, StoreError> {
    let old = load_land(tx, edited.id)?;
    if edited.date_of_information < old.date_of_information {
        tx.execute(
            "INSERT INTO land_update_superseded (land_id, date_of_information, recorded_at, by_who, body_json)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![old.id.to_string(), edited.date_of_information.to_string(), now_text(), actor.who, json(&edited)?],
        )?;
        audit(
            tx,
            actor,
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
        )?;
        return Ok(LandUpdate::Superseded);
    }
    if edited.code.is_empty() {
        edited.code.clone_from(&old.code);
    } else if edited.code != old.code && code_taken(tx, "land", &edited.code)? {
        return Err(StoreError::DuplicateCode {
            entity: "land",
            code: edited.code,
        });
    }
    edited.ledger = old.ledger;
    edited.status_history.clone_from(&old.status_history);
    apply_shape(&mut edited)?;
    if edited.status != old.status || edited.classification != old.classification {
        edited.status_history.push(StatusChange {
            date: edited.date_of_information,
            status: edited.status,
            classification: edited.classification,
            reason: "Edited".to_owned(),
            comment: String::new(),
            by: actor.who.clone(),
            superseded: false,
        });
    }
    write_land_row(tx, &edited, false)?;
    write_history(tx, &edited, old.status_history.len())?;
    audit_diff(
        tx,
        actor,
        EntityKind::Land,
        edited.id.0,
        &edited.code,
        &old,
        &edited,
    )?;
    Ok(LandUpdate::Applied(Box::new(edited)))
}

/// One audit entry per top-level field that changed (compared as JSON), plus geometry and
/// ledger, which are not part of the JSON body.
fn audit_diff(
    conn: &Connection,
    actor: &Actor,
    entity: EntityKind,
    id: uuid::Uuid,
    code: &str,
    old: &Land,
    new: &Land,
) -> Result<(), StoreError> {
    let as_map = |land: &Land| -> BTreeMap<String, serde_json::Value> {
        match serde_json::to_value(land) {
            Ok(serde_json::Value::Object(m)) => m.into_iter().collect(),
            _ => BTreeMap::new(),
        }
    };
    let (a, b) = (as_map(old), as_map(new));
    let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for key in keys {
        if key == "status_history" {
            continue;
        }
        let (va, vb) = (a.get(key), b.get(key));
        if va != vb {
            let text = |v: Option<&serde_json::Value>| {
                v.map(|v| match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
            };
            audit(
                conn,
                actor,
                entity,
                id,
                code,
                AuditAction::Update,
                Some(key),
                text(va).as_deref(),
                text(vb).as_deref(),
            )?;
        }
    }
    if old.geometry != new.geometry {
        audit(
            conn,
            actor,
            entity,
            id,
            code,
            AuditAction::Update,
            Some("geometry"),
            None,
            Some("polygon changed"),
        )?;
    }
    if old.ledger.estimated_m2 != new.ledger.estimated_m2 {
        let (o, n) = (
            old.ledger.estimated_m2.to_string(),
            new.ledger.estimated_m2.to_string(),
        );
        audit(
            conn,
            actor,
            entity,
            id,
            code,
            AuditAction::Update,
            Some("estimated_m2"),
            Some(&o),
            Some(&n),
        )?;
    }
    Ok(())
}

/// Inserts or updates the land row from the domain value.
pub(crate) fn write_land_row(
    conn: &Connection,
    land: &Land,
    insert: bool,
) -> Result<(), StoreError> {
    let mut body = land.clone();
    body.status_history.clear();
    let body = json(&body)?;
    let bbox = land.geometry.as_ref().and_then(BoundingRect::bounding_rect);
    let centroid = land
        .geometry
        .as_ref()
        .and_then(Centroid::centroid)
        .map(|p| (p.x(), p.y()))
        .or_else(|| {
            land.points
                .first()
                .map(|p| (p.lon_lat.lon_deg, p.lon_lat.lat_deg))
        });
    let r = &land.ledger.released;
    let now = now_text();
    let sql = if insert {
        "INSERT INTO land (id, code, name, classification, status, evidence, date_of_information, donor, project,
            organisation, team, admin_pcode, admin1, admin2, validation, geo_unsafe, estimated_m2, cancelled_m2,
            reduced_with_asset_m2, reduced_without_asset_m2, cleared_m2, area_method, geometry_geojson,
            geometry_issue, min_lon, min_lat, max_lon, max_lat, centroid_lon, centroid_lat,
            created_at, updated_at, admin_settlement)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
            ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?31, ?32)"
    } else {
        "UPDATE land SET code = ?2, name = ?3, classification = ?4, status = ?5, evidence = ?6,
            date_of_information = ?7, donor = ?8, project = ?9, organisation = ?10, team = ?11,
            admin_pcode = ?12, admin1 = ?13, admin2 = ?14, validation = ?15, geo_unsafe = ?16,
            estimated_m2 = ?17, cancelled_m2 = ?18, reduced_with_asset_m2 = ?19,
            reduced_without_asset_m2 = ?20, cleared_m2 = ?21, area_method = ?22, geometry_geojson = ?23,
            geometry_issue = ?24, min_lon = ?25, min_lat = ?26, max_lon = ?27, max_lat = ?28,
            centroid_lon = ?29, centroid_lat = ?30, updated_at = ?31, admin_settlement = ?32
         WHERE id = ?1"
    };
    conn.prepare_cached(sql)?.execute(params![
        land.id.to_string(),
        land.code,
        land.name,
        land.classification.code(),
        land.status.code(),
        land.evidence.code(),
        land.date_of_information.to_string(),
        land.donor,
        land.project,
        land.organisation,
        land.team,
        land.admin.pcode,
        land.admin.admin1,
        land.admin.admin2,
        land.validation.code(),
        land.geo_unsafe,
        land.ledger.estimated_m2.m2(),
        r.cancelled_m2.m2(),
        r.reduced_with_asset_m2.m2(),
        r.reduced_without_asset_m2.m2(),
        r.cleared_m2.m2(),
        land.geometry.as_ref().map(|_| AREA_METHOD),
        geometry_text(land.geometry.as_ref()),
        land.geometry_issue,
        bbox.map(|b| b.min().x),
        bbox.map(|b| b.min().y),
        bbox.map(|b| b.max().x),
        bbox.map(|b| b.max().y),
        centroid.map(|c| c.0),
        centroid.map(|c| c.1),
        now,
        land.admin.settlement,
    ])?;
    let body_sql = if insert {
        "INSERT INTO land_body (land_id, body_json) VALUES (?1, ?2)"
    } else {
        "UPDATE land_body SET body_json = ?2 WHERE land_id = ?1"
    };
    conn.prepare_cached(body_sql)?
        .execute(params![land.id.to_string(), body])?;
    Ok(())
}

/// Writes the land's history rows from `stored` on (history only ever grows; the rows before
/// `stored` are already in the store).
fn write_history(conn: &Connection, land: &Land, stored: usize) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO land_status_history (land_id, seq, date, status, classification, reason, comment, by_who, superseded)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (seq, c) in land.status_history.iter().enumerate().skip(stored) {
        stmt.execute(params![
            land.id.to_string(),
            i64::try_from(seq).unwrap_or(i64::MAX),
            c.date.to_string(),
            c.status.code(),
            c.classification.code(),
            c.reason,
            c.comment,
            c.by,
            c.superseded
        ])?;
    }
    Ok(())
}

pub(crate) fn load_land(conn: &Connection, id: LandId) -> Result<Land, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, b.body_json, estimated_m2, cancelled_m2, reduced_with_asset_m2,
                reduced_without_asset_m2, cleared_m2, geometry_geojson
         FROM land l JOIN land_body b ON b.land_id = l.id
         WHERE l.id = ?1 AND l.deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([id.to_string()])?;
    let Some(row) = rows.next()? else {
        return Err(StoreError::NotFound {
            entity: "land",
            code: id.to_string(),
        });
    };
    let mut land = land_from_row(row)?;
    let mut stmt = conn.prepare_cached(
        "SELECT date, status, classification, reason, comment, by_who, superseded
         FROM land_status_history WHERE land_id = ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query([id.to_string()])?;
    land.status_history.clear();
    while let Some(r) = rows.next()? {
        land.status_history
            .push(status_change_from_row(r, 0, &land.code)?);
    }
    Ok(land)
}

/// A land from `code, body_json (of land_body), the five ledger columns, geometry_geojson`
/// (history not loaded).
fn land_from_row(r: &Row<'_>) -> Result<Land, StoreError> {
    let code: String = r.get(0)?;
    let body: String = r.get(1)?;
    let m2 = [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?];
    let geometry: Option<String> = r.get(7)?;
    let mut land: Land = serde_json::from_str(&body).map_err(|e| StoreError::BadRow {
        entity: "land",
        code,
        detail: e.to_string(),
    })?;
    land.ledger = ledger_from_columns(m2);
    land.geometry = parse_geometry(geometry.as_deref());
    Ok(land)
}

/// A status change from `date, status, classification, reason, comment, by_who, superseded`
/// starting at column `first`.
pub(crate) fn status_change_from_row(
    r: &Row<'_>,
    first: usize,
    code: &str,
) -> Result<StatusChange, StoreError> {
    let date: String = r.get(first)?;
    let status: String = r.get(first + 1)?;
    let class: String = r.get(first + 2)?;
    let bad = || StoreError::BadRow {
        entity: "land history",
        code: code.to_owned(),
        detail: format!("{date} {status} {class}"),
    };
    Ok(StatusChange {
        date: parse_date(&date).ok_or_else(bad)?,
        status: crate::domain::LandStatus::from_code(&status).ok_or_else(bad)?,
        classification: crate::domain::Classification::from_code(&class).ok_or_else(bad)?,
        reason: r.get(first + 3)?,
        comment: r.get(first + 4)?,
        by: r.get(first + 5)?,
        superseded: r.get(first + 6)?,
    })
}

pub(crate) fn land_state(land: &Land) -> LandState {
    LandState {
        classification: land.classification,
        status: land.status,
        ledger: land.ledger,
        last_change_on: land.last_change_on(),
    }
}

fn prepare_activity_identity(conn: &Connection, activity: &mut Activity) -> Result<(), StoreError> {
    let id = activity.id.to_string();
    assign_identity(
        conn,
        "activity",
        "activity",
        CodePrefix::Activity,
        &id,
        &mut activity.code,
    )
}

pub(crate) fn add_activity_tx(
    tx: &Connection,
    mut activity: Activity,
    actor: &Actor,
) -> Result<(Activity, Vec<Transition>), StoreError> {
    let mut land = load_land(tx, activity.land_id)?;
    // Refusals first, so nothing (not even the code sequence) is written for a refused activity.
    let applied = apply_activity(&land_state(&land), &activity)?;
    prepare_activity_identity(tx, &mut activity)?;
    insert_activity_row(tx, &activity)?;
    audit(
        tx,
        actor,
        EntityKind::Activity,
        activity.id.0,
        &activity.code,
        AuditAction::Create,
        None,
        None,
        Some(&format!("{} on {}", activity.kind.code(), land.code)),
    )?;
    let old = land.clone();
    land.ledger = applied.state.ledger;
    land.status = applied.state.status;
    land.classification = applied.state.classification;
    for t in &applied.transitions {
        land.status_history.push(StatusChange {
            date: activity.date_of_information,
            status: t.status,
            classification: t.classification,
            reason: t.reason.clone(),
            comment: String::new(),
            by: actor.who.clone(),
            superseded: t.superseded,
        });
    }
    write_land_row(tx, &land, false)?;
    write_history(tx, &land, old.status_history.len())?;
    for (field, a, b) in [
        ("status", old.status.code(), land.status.code()),
        (
            "classification",
            old.classification.code(),
            land.classification.code(),
        ),
    ] {
        if a != b {
            audit(
                tx,
                actor,
                EntityKind::Land,
                land.id.0,
                &land.code,
                AuditAction::Update,
                Some(field),
                Some(a),
                Some(b),
            )?;
        }
    }
    if old.ledger != land.ledger {
        let text = |l: &Ledger| format!("remaining {}", l.remaining());
        audit(
            tx,
            actor,
            EntityKind::Land,
            land.id.0,
            &land.code,
            AuditAction::Update,
            Some("ledger"),
            Some(&text(&old.ledger)),
            Some(&format!("{} after {}", text(&land.ledger), activity.code)),
        )?;
    }
    Ok((activity, applied.transitions))
}

/// Inserts an activity as it is (snapshot restore), after the identity checks; the caller
/// recomputes the land's ledger.
pub(crate) fn restore_activity_tx(
    tx: &Connection,
    mut activity: Activity,
    actor: &Actor,
) -> Result<Activity, StoreError> {
    load_land(tx, activity.land_id)?;
    prepare_activity_identity(tx, &mut activity)?;
    insert_activity_row(tx, &activity)?;
    audit(
        tx,
        actor,
        EntityKind::Activity,
        activity.id.0,
        &activity.code,
        AuditAction::Import,
        None,
        None,
        Some(&activity.code),
    )?;
    Ok(activity)
}

/// Recomputes a land's ledger from its activities; refuses an inconsistent one.
pub(crate) fn recompute_ledger_tx(tx: &Connection, id: LandId) -> Result<Land, StoreError> {
    let mut land = load_land(tx, id)?;
    let activities = load_activities(tx, Some(id))?;
    land.ledger = Ledger::from_releases(
        land.ledger.estimated_m2,
        activities.iter().map(|a| &a.released),
    )?;
    write_land_row(tx, &land, false)?;
    Ok(land)
}

fn insert_activity_row(conn: &Connection, a: &Activity) -> Result<(), StoreError> {
    let r = &a.released;
    conn.prepare_cached(
        "INSERT INTO activity (id, code, land_id, kind, start_date, end_date, date_of_information, organisation,
            team, donor, project, method, deminer_days, asset_days, cancelled_m2, reduced_with_asset_m2,
            reduced_without_asset_m2, cleared_m2, validation, released_geometry_geojson, body_json, created_at, updated_at,
            handover_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23)",
    )?
    .execute(params![
        a.id.to_string(),
        a.code,
        a.land_id.to_string(),
        a.kind.code(),
        a.start_date.to_string(),
        a.end_date.map(|d| d.to_string()),
        a.date_of_information.to_string(),
        a.organisation,
        a.team,
        a.donor,
        a.project,
        a.method.map(crate::domain::Method::code),
        a.deminer_days,
        a.asset_days,
        r.cancelled_m2.m2(),
        r.reduced_with_asset_m2.m2(),
        r.reduced_without_asset_m2.m2(),
        r.cleared_m2.m2(),
        a.validation.code(),
        geometry_text(a.released_geometry.as_ref()),
        json(a)?,
        now_text(),
        a.handover.as_ref().map(json).transpose()?,
    ])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO activity_device (activity_id, seq, category, type_model, quantity, disposal) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (seq, d) in a.devices.iter().enumerate() {
        stmt.execute(params![
            a.id.to_string(),
            i64::try_from(seq).unwrap_or(i64::MAX),
            d.category.code(),
            d.type_model,
            d.quantity,
            d.disposal.code()
        ])?;
    }
    Ok(())
}

pub(crate) fn load_activities(
    conn: &Connection,
    land: Option<LandId>,
) -> Result<Vec<Activity>, StoreError> {
    let parse = |code: String, body: &str, geometry: Option<String>| {
        let mut a: Activity = serde_json::from_str(body).map_err(|e| StoreError::BadRow {
            entity: "activity",
            code,
            detail: e.to_string(),
        })?;
        a.released_geometry = parse_geometry(geometry.as_deref());
        Ok::<Activity, StoreError>(a)
    };
    if let Some(land) = land {
        let mut stmt = conn.prepare_cached(
            "SELECT code, body_json, released_geometry_geojson FROM activity
             WHERE deleted_at IS NULL AND land_id = ?1 ORDER BY date_of_information, code",
        )?;
        let mut rows = stmt.query([land.to_string()])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(parse(r.get(0)?, &r.get::<_, String>(1)?, r.get(2)?)?);
        }
        return Ok(out);
    }
    // Every activity: one sequential scan of the table, then ordered here by land code, date
    // and code (a join ordered by land code would visit 300 000 rows in random order).
    let mut codes: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, code FROM land WHERE deleted_at IS NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        codes.insert(r.get(0)?, r.get(1)?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT land_id, code, body_json, released_geometry_geojson FROM activity
         WHERE deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([])?;
    let mut keyed = Vec::new();
    while let Some(r) = rows.next()? {
        let land_id: String = r.get(0)?;
        let Some(land_code) = codes.get(&land_id) else {
            continue;
        };
        let a = parse(r.get(1)?, &r.get::<_, String>(2)?, r.get(3)?)?;
        keyed.push((land_code.clone(), a));
    }
    keyed.sort_by(|x, y| {
        (&x.0, x.1.date_of_information, &x.1.code).cmp(&(&y.0, y.1.date_of_information, &y.1.code))
    });
    Ok(keyed.into_iter().map(|(_, a)| a).collect())
}

pub(crate) fn insert_hazard_report_tx(
    conn: &Connection,
    mut report: HazardReport,
    actor: &Actor,
) -> Result<HazardReport, StoreError> {
    if let Some(land) = report.land_id {
        load_land(conn, land)?;
    }
    let id = report.id.to_string();
    assign_identity(
        conn,
        "hazard_report",
        "hazard report",
        CodePrefix::HazardReport,
        &id,
        &mut report.code,
    )?;
    let now = now_text();
    conn.prepare_cached(
        "INSERT INTO hazard_report (id, code, land_id, eo_category, status, reported_on, lon, lat, validation, body_json, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
    )?
    .execute(params![
        report.id.to_string(),
        report.code,
        report.land_id.map(|l| l.to_string()),
        report.eo_category.code(),
        report.status.code(),
        report.reported_on.to_string(),
        report.location.lon_lat.lon_deg,
        report.location.lon_lat.lat_deg,
        report.validation.code(),
        json(&report)?,
        now,
    ])?;
    audit(
        conn,
        actor,
        EntityKind::HazardReport,
        report.id.0,
        &report.code,
        AuditAction::Create,
        None,
        None,
        Some(&report.code),
    )?;
    Ok(report)
}

/// Looks a land up by code for the importer.
pub(crate) fn land_id_by_code(conn: &Connection, code: &str) -> Result<Option<LandId>, StoreError> {
    let id: Option<String> = conn
        .prepare_cached("SELECT id FROM land WHERE code = ?1 AND deleted_at IS NULL")?
        .query_row([code], |r| r.get(0))
        .optional()?;
    Ok(id.and_then(|s| LandId::parse(&s)))
}

#[cfg(test)]
mod tests {
    use geo_types::{MultiPolygon, polygon};

    use super::{geometry_text, parse_geometry};

    #[test]
    fn stored_polygons_read_back_exactly_by_either_path() {
        let with_hole = polygon!(
            exterior: [(x: 18.0, y: 44.0), (x: 18.01, y: 44.0), (x: 18.01, y: 44.01), (x: 18.0, y: 44.0)],
            interiors: [[(x: 18.004, y: 44.002), (x: 18.006, y: 44.002), (x: 18.006, y: 44.004), (x: 18.004, y: 44.002)]],
        );
        let shape = MultiPolygon(vec![with_hole.clone(), with_hole]);
        let text = geometry_text(Some(&shape)).unwrap();
        assert_eq!(parse_geometry(Some(&text)), Some(shape.clone()));
        // A position with a height is read by the general path.
        let with_z = r#"{"type":"MultiPolygon","coordinates":[[[[18,44,5],[18.01,44,5],[18.01,44.01,5],[18,44,5]]]]}"#;
        assert_eq!(parse_geometry(Some(with_z)).map(|m| m.0.len()), Some(1));
        for junk in [
            "",
            "{}",
            "[1,2]",
            r#"{"type":"Point","coordinates":[18,44]}"#,
        ] {
            assert_eq!(parse_geometry(Some(junk)), None, "{junk}");
        }
        assert_eq!(parse_geometry(None), None);
    }
}
