//! Writing an import batch: all or nothing, in one transaction. A refused record (duplicate,
//! lifecycle, ledger...) is skipped and reported without losing the good ones, unless strict:
//! the store functions make every refusal before a record's first write, so no per-record
//! savepoint is needed. Any other error (SQLite, I/O) ends the import with nothing written.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Connection;

use super::activities::{add_activity_tx, recompute_ledger_tx, restore_activity_tx};
use super::audit::{audit, clear_all_tx};
use super::error::StoreError;
use super::hazard_reports::insert_hazard_report_tx;
use super::lands::{create_shaped_land_tx, land_id_by_code, load_land};
use super::store::Store;
use crate::domain::{
    Actor, AuditAction, EntityKind, ImportBatch, ImportRecord, ImportReporter, ImportSummary,
    LandId, LandRef,
};
use crate::geometry::land_shape;

/// Whether [`Store::replace_all_with`] may empty a store that holds records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaceRecords {
    /// Refuse when the store holds any record.
    OnlyIfEmpty,
    /// Write a backup beside the store first, then replace.
    AfterBackup,
}

impl Store {
    /// Writes an import batch atomically. Per-record problems go to `reporter`; with `strict`,
    /// any error or warning (including those the reader reported) rolls everything back.
    pub fn import(
        &mut self,
        batch: ImportBatch,
        reporter: &mut ImportReporter,
        strict: bool,
        actor: &Actor,
    ) -> Result<ImportSummary, StoreError> {
        self.import_inner(batch, reporter, strict, false, actor, &mut |_, _| true)
    }

    /// Like [`Store::import`], calling `progress(done, total)` every few records; when it returns
    /// false the import is cancelled and nothing is written.
    pub fn import_with_progress(
        &mut self,
        batch: ImportBatch,
        reporter: &mut ImportReporter,
        strict: bool,
        actor: &Actor,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<ImportSummary, StoreError> {
        self.import_inner(batch, reporter, strict, false, actor, progress)
    }

    /// Replaces every record with the batch, in one transaction (the demo programme): if the
    /// import fails, the old records are still there. Strict.
    ///
    /// A store that holds records is never emptied silently: with [`ReplaceRecords::OnlyIfEmpty`]
    /// it is refused ([`StoreError::HoldsRecords`]); with [`ReplaceRecords::AfterBackup`] a
    /// consistent copy is written first to `<store>.before-demo-<time>.bak`, whose path is
    /// returned.
    pub fn replace_all_with(
        &mut self,
        batch: ImportBatch,
        reporter: &mut ImportReporter,
        actor: &Actor,
        mode: ReplaceRecords,
    ) -> Result<(ImportSummary, Option<std::path::PathBuf>), StoreError> {
        let held = self.record_count()?;
        let backup = if held > 0 {
            if mode == ReplaceRecords::OnlyIfEmpty {
                return Err(StoreError::HoldsRecords {
                    records: held,
                    path: self.path().to_owned(),
                });
            }
            let target = super::snapshot::stamped(self.path(), "before-demo");
            self.backup_to(&target, crate::io::output::Replace::Never)?;
            Some(target)
        } else {
            None
        };
        let summary = self.import_inner(batch, reporter, true, true, actor, &mut |_, _| true)?;
        Ok((summary, backup))
    }

    /// Lands, activities and hazard reports in the store (not deleted).
    pub fn record_count(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM land) + (SELECT count(*) FROM activity) \
             + (SELECT count(*) FROM hazard_report)",
            [],
            |r| r.get(0),
        )?)
    }

    fn import_inner(
        &mut self,
        batch: ImportBatch,
        reporter: &mut ImportReporter,
        strict: bool,
        replace_all: bool,
        actor: &Actor,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<ImportSummary, StoreError> {
        let mut summary = ImportSummary::default();
        let total = batch.items.len();
        let mut done = 0usize;
        // Reports progress every 50 records; false means the user cancelled.
        let mut tick = |done: &mut usize| -> Result<(), StoreError> {
            *done += 1;
            if (*done).is_multiple_of(50) && !progress(*done, total) {
                return Err(StoreError::ImportCancelled);
            }
            Ok(())
        };
        let tx = self.conn.transaction()?;
        if replace_all {
            clear_all_tx(&tx, actor)?;
        }
        // A bulk import builds the secondary indexes once at the end (a sorted build) instead
        // of inserting each land at a random place in each of them.
        let land_count = batch
            .items
            .iter()
            .filter(|i| matches!(i.record, ImportRecord::Land { .. }))
            .count();
        let rebuild = if land_count >= BULK_MIN_LANDS && land_count * 4 >= stored_lands(&tx)? {
            drop_secondary_indexes(&tx)?
        } else {
            Vec::new()
        };
        let mut snapshot_lands: BTreeSet<LandId> = BTreeSet::new();
        let mut land_feature: BTreeMap<LandId, usize> = BTreeMap::new();
        // The code each land-making feature got, so a reader's warning about the feature
        // (a ring rewound, a date defaulted) names the land it became ("show these lands").
        let mut feature_code: BTreeMap<usize, String> = BTreeMap::new();
        let (mut lands, mut activities, mut reports) = (Vec::new(), Vec::new(), Vec::new());
        for item in batch.items {
            match item.record {
                ImportRecord::Land { land, snapshot } => lands.push((item.feature, land, snapshot)),
                ImportRecord::Activity { activity, land } => {
                    activities.push((item.feature, activity, land));
                }
                ImportRecord::HazardReport { report, land } => {
                    reports.push((item.feature, report, land));
                }
            }
        }
        // The shapes (validation and geodesic area, the costly part) are computed on their own
        // thread, a little ahead of the writes here.
        std::thread::scope(|scope| -> Result<(), StoreError> {
            let (send, receive) = std::sync::mpsc::sync_channel(256);
            std::thread::Builder::new()
                .name("import-shapes".to_owned())
                .spawn_scoped(scope, move || {
                    for (feature, land, snapshot) in lands {
                        let shape = land_shape(&land.points, land.geometry.as_ref());
                        if send.send((feature, land, snapshot, shape)).is_err() {
                            break;
                        }
                    }
                })?;
            for (feature, land, snapshot, shape) in receive {
                tick(&mut done)?;
                let code = land.code.clone();
                let id = land.id;
                // No savepoint: every refusal comes before the land's first write, and any
                // other error ends the whole import.
                match create_shaped_land_tx(&tx, *land, shape, actor) {
                    Ok(created) => {
                        summary.lands += 1;
                        land_feature.insert(id, feature);
                        feature_code.insert(feature, created.code.clone());
                        if snapshot {
                            snapshot_lands.insert(id);
                        }
                        if let Some(issue) = created.geometry_issue {
                            reporter.warn(
                                Some(feature),
                                Some(&created.code),
                                "geometry",
                                format!("imported flagged: {issue}"),
                            );
                        }
                    }
                    Err(e) if e.is_refusal() => {
                        reporter.error(Some(feature), Some(&code), "", e.to_string());
                        summary.skipped += 1;
                    }
                    Err(e) => return Err(e),
                }
            }
            Ok(())
        })?;
        // Activities apply in date order, so the lifecycle sees them as they happened.
        activities.sort_by(|a, b| {
            (a.1.date_of_information, &a.1.code).cmp(&(b.1.date_of_information, &b.1.code))
        });
        let mut restored: BTreeSet<LandId> = BTreeSet::new();
        for (feature, mut activity, land_ref) in activities {
            tick(&mut done)?;
            let code = activity.code.clone();
            let Some(land_id) = resolve(&tx, &land_ref)? else {
                reporter.error(
                    Some(feature),
                    Some(&code),
                    "land_code",
                    format!("no land {} in the store or the file", describe(&land_ref)),
                );
                summary.skipped += 1;
                continue;
            };
            activity.land_id = land_id;
            let result = if snapshot_lands.contains(&land_id) {
                restore_activity_tx(&tx, *activity, actor).map(|_| ())
            } else {
                add_activity_tx(&tx, *activity, actor).map(|_| ())
            };
            match result {
                Ok(()) => {
                    summary.activities += 1;
                    if snapshot_lands.contains(&land_id) {
                        restored.insert(land_id);
                    }
                }
                Err(e) if e.is_refusal() => {
                    reporter.error(Some(feature), Some(&code), "", e.to_string());
                    summary.skipped += 1;
                }
                Err(e) => return Err(e),
            }
        }
        for land_id in restored {
            if let Err(e) = recompute_ledger_tx(&tx, land_id) {
                let code = load_land(&tx, land_id).map(|l| l.code).unwrap_or_default();
                reporter.error(
                    land_feature.get(&land_id).copied(),
                    Some(&code),
                    "ledger",
                    e.to_string(),
                );
                return Err(StoreError::ImportRefused {
                    errors: reporter.errors(),
                    warnings: reporter.warnings(),
                });
            }
        }
        for (feature, mut report, land_ref) in reports {
            tick(&mut done)?;
            let code = report.code.clone();
            if let Some(land_ref) = &land_ref {
                if let Some(id) = resolve(&tx, land_ref)? {
                    report.land_id = Some(id);
                } else {
                    reporter.warn(
                        Some(feature),
                        Some(&code),
                        "land_code",
                        format!(
                            "no land {}; the report is kept without a link",
                            describe(land_ref)
                        ),
                    );
                    report.land_id = None;
                }
            }
            match insert_hazard_report_tx(&tx, *report, actor) {
                Ok(_) => summary.hazard_reports += 1,
                Err(e) if e.is_refusal() => {
                    reporter.error(Some(feature), Some(&code), "", e.to_string());
                    summary.skipped += 1;
                }
                Err(e) => return Err(e),
            }
        }
        for sql in &rebuild {
            tx.execute_batch(sql)?;
        }
        summary.warnings = reporter.warnings();
        let one_file = reporter
            .issues
            .iter()
            .map(|i| i.file.as_str())
            .collect::<BTreeSet<_>>()
            .len()
            <= 1;
        if one_file {
            for issue in &mut reporter.issues {
                if issue.code.is_none()
                    && issue.severity == crate::domain::IssueSeverity::Warning
                    && let Some(code) = issue.feature.and_then(|f| feature_code.get(&f))
                {
                    issue.code = Some(code.clone());
                }
            }
        }
        if strict && !reporter.issues.is_empty() {
            tx.rollback()?;
            return Err(StoreError::ImportRefused {
                errors: reporter.errors(),
                warnings: reporter.warnings(),
            });
        }
        if summary.lands + summary.activities + summary.hazard_reports == 0 {
            // Nothing to keep: not even an audit row is written.
            tx.rollback()?;
            if reporter.issues.is_empty() {
                return Ok(summary);
            }
            return Err(StoreError::NothingImported {
                errors: reporter.errors(),
                warnings: reporter.warnings(),
            });
        }
        let detail = format!(
            "{} lands, {} activities, {} hazard reports from {} ({} skipped, {} warnings)",
            summary.lands,
            summary.activities,
            summary.hazard_reports,
            reporter.file,
            summary.skipped,
            summary.warnings
        );
        audit(
            &tx,
            actor,
            EntityKind::Store,
            uuid::Uuid::nil(),
            "",
            AuditAction::Import,
            None,
            None,
            Some(&detail),
        )?;
        tx.commit()?;
        Ok(summary)
    }
}

/// Imports of at least this many lands (and at least a quarter of those stored) drop the
/// secondary indexes and build them again at the end.
const BULK_MIN_LANDS: usize = 2_000;

/// Lands in the store, deleted ones included (they are in the indexes too).
fn stored_lands(conn: &Connection) -> Result<usize, StoreError> {
    let n: i64 = conn.query_row("SELECT count(*) FROM land", [], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

/// Drops the indexes that no import query reads (the non-unique indexes of lands, their history
/// and the audit log; the unique ones that check codes and ids stay) and returns the statements
/// that create them again, exactly as the migrations wrote them. Inside the import's
/// transaction, so a failed import gets them back with everything else.
fn drop_secondary_indexes(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
             AND tbl_name IN ('land', 'land_status_history', 'audit_log') ORDER BY name",
    )?;
    let indexes = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    for (name, _) in &indexes {
        conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

fn resolve(conn: &Connection, land: &LandRef) -> Result<Option<LandId>, StoreError> {
    match land {
        LandRef::Id(id) => match load_land(conn, *id) {
            Ok(land) => Ok(Some(land.id)),
            Err(StoreError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        },
        LandRef::Code(code) => land_id_by_code(conn, code),
    }
}

fn describe(land: &LandRef) -> String {
    match land {
        LandRef::Id(id) => format!("with id {id}"),
        LandRef::Code(code) => format!("with code '{code}'"),
    }
}
