//! The export log (C10): one row per file that left the store.

use rusqlite::params;
use time::OffsetDateTime;

use super::codec::now_text;
use super::error::StoreError;
use super::store::Store;
use crate::domain::{Actor, ExportLogEntry, ExportProfile};

/// What an export wrote, for its log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRecord<'a> {
    /// `geojson`, `csv`, `gpkg` or `report`.
    pub format: &'a str,
    /// The profile applied.
    pub profile: ExportProfile,
    /// The filter as people read it, or "whole store".
    pub filter: &'a str,
    /// The file written.
    pub file: &'a std::path::Path,
    /// Lands, activities and hazard reports written.
    pub counts: [usize; 3],
}

impl Store {
    /// Records an export in the log (call it once the file is complete).
    pub fn log_export(&self, actor: &Actor, export: &ExportRecord<'_>) -> Result<(), StoreError> {
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        self.conn
            .prepare_cached(
                "INSERT INTO export_log (at, who, device, format, profile, filter, file, lands, activities, hazard_reports)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                now_text(),
                actor.who,
                actor.device,
                export.format,
                export.profile.code(),
                export.filter,
                export.file.display().to_string(),
                count(export.counts[0]),
                count(export.counts[1]),
                count(export.counts[2]),
            ])?;
        Ok(())
    }

    /// The export log, newest first.
    pub fn export_log(&self) -> Result<Vec<ExportLogEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT at, who, device, format, profile, filter, file, lands, activities, hazard_reports
             FROM export_log ORDER BY id DESC",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let at: String = r.get(0)?;
            let profile: String = r.get(4)?;
            let file: String = r.get(6)?;
            let bad = |detail: String| StoreError::BadRow {
                entity: "export log entry",
                code: file.clone(),
                detail,
            };
            let count = |i: usize| -> Result<u64, StoreError> {
                let n: i64 = r.get(i)?;
                u64::try_from(n).map_err(|e| bad(format!("bad count {n} ({e})")))
            };
            out.push(ExportLogEntry {
                at: OffsetDateTime::parse(&at, &time::format_description::well_known::Rfc3339)
                    .map_err(|e| bad(format!("bad time {at} ({e})")))?,
                who: r.get(1)?,
                device: r.get(2)?,
                format: r.get(3)?,
                profile: ExportProfile::from_code(&profile)
                    .ok_or_else(|| bad(format!("bad profile {profile}")))?,
                filter: r.get(5)?,
                lands: count(7)?,
                activities: count(8)?,
                hazard_reports: count(9)?,
                file,
            });
        }
        Ok(out)
    }
}
