//! Lands: load what the land rules need, save their plans, and the land reads (list, map).

use std::collections::HashMap;
use std::sync::Arc;

use geo::{BoundingRect, Centroid};
use geo_types::MultiPolygon;
use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, params};

use super::audit::write_audit;
use super::codec::{
    SUMMARY_COLUMNS, geometry_text, json, land_from_row, now_text, record_geometry,
    status_change_from_row, summary_from_row,
};
use super::codes::{assign_identity, code_taken, reserve_code};
use super::error::StoreError;
use super::store::Store;
use super::versions::{LocalChange, record_local_version};
use crate::domain::rules::{self, Context, LandEdit, LandPlan};
use crate::domain::{
    Actor, CodePrefix, Land, LandId, LandShape, LandSummary, LandUpdate, MapLand, RecordKind,
    StatusChange, SupersededUpdate, VersionId,
};
use crate::geometry::{AREA_METHOD, land_shape};

impl Store {
    /// Creates a land: assigns a code if empty, builds its polygon and area, writes its first
    /// history entry and the audit entry, in one transaction ([`rules::create_land`]).
    pub fn create_land(&mut self, land: Land, actor: &Actor) -> Result<Land, StoreError> {
        let tx = self.conn.transaction()?;
        let land = create_land_tx(&tx, land, actor)?;
        tx.commit()?;
        Ok(land)
    }

    /// Applies an edit to a land (same id), by [`rules::edit_land`]: an edit whose date of
    /// information is earlier than the record's is kept as superseded, not applied; status,
    /// ledger and history are not taken from the edit.
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
        let entry = rules::delete_land(&land, &Context::now(actor));
        let record_id = id.to_string();
        let version = record_local_version(
            &tx,
            LocalChange {
                kind: RecordKind::Land,
                record_id: &record_id,
                is_new: false,
                deleted: Some("deleted"),
                who: &actor.who,
                settles: &[],
                content_unchanged: false,
            },
        )?;
        tx.execute(
            "UPDATE land SET deleted_at = ?1, version_id = ?3 WHERE id = ?2",
            params![now_text(), record_id, version.to_string()],
        )?;
        write_audit(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    /// A land by code (not deleted).
    pub fn land_by_code(&self, code: &str) -> Result<Land, StoreError> {
        let id = land_id_by_code(&self.conn, code)?.ok_or_else(|| StoreError::NotFound {
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
        let mut history: HashMap<String, Vec<StatusChange>> = HashMap::new();
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
    /// One scan of the land rows; the polygons are parsed on every core. A polygon that cannot
    /// be read is an error naming the land (it must not vanish from the map).
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
        let parsed = read
            .par_iter()
            .with_min_len(2_000)
            .map(|(summary, geometry, _)| {
                record_geometry("land", &summary.code, geometry.as_deref())
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut released: HashMap<LandId, Vec<MultiPolygon<f64>>> = HashMap::new();
        // Reads the small partial index of activities with a released polygon (schema 7).
        let mut stmt = self.conn.prepare(
            "SELECT land_id, released_geometry_geojson, code FROM activity
             WHERE released_geometry_geojson IS NOT NULL AND deleted_at IS NULL
             ORDER BY date_of_information, code",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (land, geometry, code): (String, Option<String>, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?);
            let land = LandId::parse(&land).ok_or_else(|| StoreError::BadRow {
                entity: "activity",
                code: code.clone(),
                detail: "its land id is not a UUID".to_owned(),
            })?;
            if let Some(g) = record_geometry("activity", &code, geometry.as_deref())? {
                released.entry(land).or_default().push(g);
            }
        }
        Ok(read
            .into_iter()
            .zip(parsed)
            .map(|((summary, _, bbox_lon_lat), geometry)| MapLand {
                released: released.remove(&summary.id).unwrap_or_default(),
                summary,
                geometry: geometry.map(Arc::new),
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
}

// ---- transaction-level operations (shared by the public methods and the importer) ----------

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
    let allocated = assign_identity(
        tx,
        CodePrefix::Land,
        "land",
        &land.id.to_string(),
        &mut land.code,
    )?;
    let plan = rules::create_land(land, shape, &Context::now(actor))?;
    reserve_code(tx, allocated)?;
    save_land_plan(tx, &plan, LandChange::Content)?;
    Ok(plan.land)
}

fn update_land_tx(tx: &Connection, edited: Land, actor: &Actor) -> Result<LandUpdate, StoreError> {
    let old = load_land(tx, edited.id)?;
    let shape = land_shape(&edited.points, edited.geometry.as_ref());
    match rules::edit_land(&old, edited, shape, &Context::now(actor))? {
        LandEdit::Supersede(kept) => {
            tx.execute(
                "INSERT INTO land_update_superseded (land_id, date_of_information, recorded_at, by_who, body_json)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    old.id.to_string(),
                    kept.edit.date_of_information.to_string(),
                    now_text(),
                    actor.who,
                    json(&kept.edit)?
                ],
            )?;
            write_audit(tx, &kept.audit)?;
            Ok(LandUpdate::Superseded)
        }
        LandEdit::Apply(plan) => {
            let code = &plan.land.code;
            if *code != old.code && code_taken(tx, CodePrefix::Land, code)? {
                return Err(StoreError::DuplicateCode {
                    entity: "land",
                    code: code.clone(),
                });
            }
            save_land_plan(tx, &plan, LandChange::Content)?;
            Ok(LandUpdate::Applied(Box::new(plan.land)))
        }
    }
}

/// Saves a land plan: the land row and body, its new history entries, its audit entries.
pub(crate) fn save_land_plan(
    conn: &Connection,
    plan: &LandPlan,
    change: LandChange,
) -> Result<(), StoreError> {
    let who = plan.audit.first().map_or("", |a| a.who.as_str());
    write_land_row(conn, &plan.land, plan.is_new, who, change)?;
    write_history(conn, &plan.land, plan.stored_history)?;
    for entry in &plan.audit {
        write_audit(conn, entry)?;
    }
    Ok(())
}

/// What a change does to a land: its content (a person's edit, the workflow, a new land), or
/// only what its activities decide (ledger, status, classification, history).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LandChange {
    /// Fields a person sets.
    Content,
    /// Ledger, status, classification and history, from the activities.
    Derived,
}

/// Inserts or updates the land row from the domain value, as a local change (a new version in
/// the change log, [`record_local_version`]).
pub(crate) fn write_land_row(
    conn: &Connection,
    land: &Land,
    insert: bool,
    who: &str,
    change: LandChange,
) -> Result<(), StoreError> {
    let record_id = land.id.to_string();
    let version = record_local_version(
        conn,
        LocalChange {
            kind: RecordKind::Land,
            record_id: &record_id,
            is_new: insert,
            deleted: None,
            who,
            settles: &[],
            content_unchanged: change == LandChange::Derived,
        },
    )?;
    write_land_row_as(conn, land, insert, Some(version))
}

/// Inserts or updates the land row from the domain value; the row holds version `version`'s body
/// (`None`: a merged state, no version's; the caller spilled the old body first).
pub(crate) fn write_land_row_as(
    conn: &Connection,
    land: &Land,
    insert: bool,
    version: Option<VersionId>,
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
            created_at, updated_at, admin_settlement, version_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
            ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?31, ?32, ?33)"
    } else {
        "UPDATE land SET code = ?2, name = ?3, classification = ?4, status = ?5, evidence = ?6,
            date_of_information = ?7, donor = ?8, project = ?9, organisation = ?10, team = ?11,
            admin_pcode = ?12, admin1 = ?13, admin2 = ?14, validation = ?15, geo_unsafe = ?16,
            estimated_m2 = ?17, cancelled_m2 = ?18, reduced_with_asset_m2 = ?19,
            reduced_without_asset_m2 = ?20, cleared_m2 = ?21, area_method = ?22, geometry_geojson = ?23,
            geometry_issue = ?24, min_lon = ?25, min_lat = ?26, max_lon = ?27, max_lat = ?28,
            centroid_lon = ?29, centroid_lat = ?30, updated_at = ?31, admin_settlement = ?32,
            version_id = ?33
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
        version.map(|v| v.to_string()),
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

/// Replaces every history row of a land with its history (a merge's union of histories).
pub(crate) fn replace_history(conn: &Connection, land: &Land) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM land_status_history WHERE land_id = ?1")?
        .execute([land.id.to_string()])?;
    write_history(conn, land, 0)
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

/// A land with its history, by id (not deleted).
pub(crate) fn load_land(conn: &Connection, id: LandId) -> Result<Land, StoreError> {
    super::bodies::load_land_where(conn, &id.to_string(), "AND l.deleted_at IS NULL")
}

/// Looks a land up by code (not deleted), or by a code it had before a sync merge gave that
/// code to a land made earlier on another laptop.
pub(crate) fn land_id_by_code(conn: &Connection, code: &str) -> Result<Option<LandId>, StoreError> {
    let mut id: Option<String> = conn
        .prepare_cached("SELECT id FROM land WHERE code = ?1 AND deleted_at IS NULL")?
        .query_row([code], |r| r.get(0))
        .optional()?;
    if id.is_none() {
        // A code a sync merge gave to another land's record: the alias finds this one.
        id = conn
            .prepare_cached(
                "SELECT a.record_id FROM code_alias a JOIN land l ON l.id = a.record_id
                 WHERE a.record_type = 'land' AND a.code = ?1 AND l.deleted_at IS NULL LIMIT 1",
            )?
            .query_row([code], |r| r.get(0))
            .optional()?;
    }
    Ok(id.and_then(|s| LandId::parse(&s)))
}

impl super::store::Store {
    /// The lands whose source attributes (the properties kept from an imported file) contain
    /// `text`, compared case-insensitively (ASCII). Scans the land bodies: call it off the UI
    /// thread.
    pub fn lands_with_source_text(
        &self,
        text: &str,
    ) -> Result<Vec<crate::domain::LandId>, super::error::StoreError> {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare(
            "SELECT b.land_id FROM land_body b JOIN land l ON l.id = b.land_id
             WHERE l.deleted_at IS NULL
               AND instr(lower(json_extract(b.body_json, '$.source_attributes')), ?1) > 0",
        )?;
        let rows = stmt.query_map([&needle], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for id in rows {
            if let Some(id) = crate::domain::LandId::parse(&id?) {
                out.push(id);
            }
        }
        Ok(out)
    }
}
