//! Hazard reports: record one (code allocated, audited by [`rules::record_hazard_report`]) and
//! the reads.

use rayon::prelude::*;
use rusqlite::Connection;

use super::audit::write_audit;
use super::codec::{json, now_text};
use super::codes::{assign_identity, reserve_code};
use super::error::StoreError;
use super::lands::load_land;
use super::store::Store;
use super::versions::{LocalChange, record_local_version};
use crate::domain::rules::{self, Context};
use crate::domain::{
    Actor, CodePrefix, HazardReport, HazardReportId, LandId, RecordKind, VersionId,
};

impl Store {
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

    /// One hazard report by code (not voided).
    pub fn hazard_report_by_code(&self, code: &str) -> Result<HazardReport, StoreError> {
        read_hazard_reports(&self.conn, "AND code = ?1", [code])?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                entity: "hazard report",
                code: code.to_owned(),
            })
    }

    /// Applies an edit to a hazard report (same id), by [`rules::edit_hazard_report`]: an edit
    /// dated before the record is kept in the audit, not applied (returns `false`); a changed
    /// code must be free; a linked land must exist. Audited, in one transaction.
    pub fn update_hazard_report(
        &mut self,
        edited: HazardReport,
        actor: &Actor,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let old = read_hazard_reports(&tx, "AND id = ?1", [edited.id.to_string()])?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                entity: "hazard report",
                code: edited.code.clone(),
            })?;
        let applied = match rules::edit_hazard_report(&old, edited, &Context::now(actor)) {
            rules::HazardReportEdit::Supersede(entry) => {
                write_audit(&tx, &entry)?;
                false
            }
            rules::HazardReportEdit::Apply { report, audit } => {
                if report.code != old.code
                    && super::codes::code_taken(&tx, CodePrefix::HazardReport, &report.code)?
                {
                    return Err(StoreError::DuplicateCode {
                        entity: "hazard report",
                        code: report.code.clone(),
                    });
                }
                if let Some(land) = report.land_id {
                    load_land(&tx, land)?;
                }
                let record_id = report.id.to_string();
                let version = record_local_version(
                    &tx,
                    LocalChange {
                        kind: RecordKind::HazardReport,
                        record_id: &record_id,
                        is_new: false,
                        deleted: None,
                        who: &actor.who,
                        settles: &[],
                        content_unchanged: false,
                    },
                )?;
                tx.prepare_cached(
                    "UPDATE hazard_report SET code = ?2, land_id = ?3, eo_category = ?4, status = ?5,
                        reported_on = ?6, lon = ?7, lat = ?8, validation = ?9, body_json = ?10,
                        updated_at = ?11, version_id = ?12
                     WHERE id = ?1",
                )?
                .execute(rusqlite::params![
                    report.id.to_string(),
                    report.code,
                    report.land_id.map(|l| l.to_string()),
                    report.eo_category.code(),
                    report.status.code(),
                    report.reported_on.to_string(),
                    report.location.lon_lat.lon_deg,
                    report.location.lon_lat.lat_deg,
                    report.validation.code(),
                    json(&*report)?,
                    now_text(),
                    version.to_string(),
                ])?;
                for entry in &audit {
                    write_audit(&tx, entry)?;
                }
                true
            }
        };
        tx.commit()?;
        Ok(applied)
    }

    /// Voids a hazard report with a reason (soft: kept, marked void, left out of lists, maps
    /// and figures), audited.
    pub fn void_hazard_report(
        &mut self,
        code: &str,
        reason: &str,
        actor: &Actor,
    ) -> Result<HazardReport, StoreError> {
        let tx = self.conn.transaction()?;
        let report = read_hazard_reports(&tx, "AND code = ?1", [code])?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                entity: "hazard report",
                code: code.to_owned(),
            })?;
        let entry = rules::void_hazard_report(&report, reason, &Context::now(actor))?;
        let record_id = report.id.to_string();
        let why = entry.new_value.clone().unwrap_or_default();
        let version = record_local_version(
            &tx,
            LocalChange {
                kind: RecordKind::HazardReport,
                record_id: &record_id,
                is_new: false,
                deleted: Some(&why),
                who: &actor.who,
                settles: &[],
                content_unchanged: false,
            },
        )?;
        tx.execute(
            "UPDATE hazard_report SET deleted_at = ?1, updated_at = ?1, version_id = ?3 WHERE id = ?2",
            rusqlite::params![now_text(), record_id, version.to_string()],
        )?;
        write_audit(&tx, &entry)?;
        tx.commit()?;
        Ok(report)
    }

    /// One hazard report by id.
    pub fn hazard_report(&self, id: HazardReportId) -> Result<HazardReport, StoreError> {
        read_hazard_reports(&self.conn, "AND id = ?1", [id.to_string()])?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                entity: "hazard report",
                code: id.to_string(),
            })
    }
}

/// Hazard reports (not deleted) matching `filter` (an `AND ...` clause), ordered by code; the
/// bodies are parsed on every core.
pub(crate) fn read_hazard_reports<P: rusqlite::Params>(
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
    rows.par_iter()
        .with_min_len(2_000)
        .map(|(code, body)| {
            serde_json::from_str(body).map_err(|e| StoreError::BadRow {
                entity: "hazard report",
                code: code.clone(),
                detail: e.to_string(),
            })
        })
        .collect()
}

pub(crate) fn insert_hazard_report_tx(
    conn: &Connection,
    mut report: HazardReport,
    actor: &Actor,
) -> Result<HazardReport, StoreError> {
    if let Some(land) = report.land_id {
        load_land(conn, land)?;
    }
    let allocated = assign_identity(
        conn,
        CodePrefix::HazardReport,
        "hazard report",
        &report.id.to_string(),
        &mut report.code,
    )?;
    let entry = rules::record_hazard_report(&report, &Context::now(actor));
    reserve_code(conn, allocated)?;
    let record_id = report.id.to_string();
    let version = record_local_version(
        conn,
        LocalChange {
            kind: RecordKind::HazardReport,
            record_id: &record_id,
            is_new: true,
            deleted: None,
            who: &actor.who,
            settles: &[],
            content_unchanged: false,
        },
    )?;
    write_report_row(conn, &report, true, Some(version), None)?;
    write_audit(conn, &entry)?;
    Ok(report)
}

/// Inserts or replaces a hazard report's row, holding version `version`'s body (`None`: a merged
/// state), voided with `voided_at` when given.
pub(crate) fn write_report_row(
    conn: &Connection,
    report: &HazardReport,
    insert: bool,
    version: Option<VersionId>,
    voided_at: Option<&str>,
) -> Result<(), StoreError> {
    let now = now_text();
    let sql = if insert {
        "INSERT INTO hazard_report (id, code, land_id, eo_category, status, reported_on, lon, lat, validation, body_json, created_at, updated_at, version_id, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13)"
    } else {
        "UPDATE hazard_report SET code = ?2, land_id = ?3, eo_category = ?4, status = ?5,
            reported_on = ?6, lon = ?7, lat = ?8, validation = ?9, body_json = ?10,
            updated_at = ?11, version_id = ?12, deleted_at = ?13
         WHERE id = ?1"
    };
    conn.prepare_cached(sql)?.execute(rusqlite::params![
        report.id.to_string(),
        report.code,
        report.land_id.map(|l| l.to_string()),
        report.eo_category.code(),
        report.status.code(),
        report.reported_on.to_string(),
        report.location.lon_lat.lon_deg,
        report.location.lon_lat.lat_deg,
        report.validation.code(),
        json(report)?,
        now,
        version.map(|v| v.to_string()),
        voided_at,
    ])?;
    Ok(())
}
