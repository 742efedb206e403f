//! Writing an import batch: all or nothing, one transaction, a savepoint per record so a bad
//! record can be skipped (and reported) without losing the good ones — unless strict.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Connection;

use super::error::StoreError;
use super::store::{
    Store, add_activity_tx, audit, clear_all_tx, create_land_tx, insert_hazard_report_tx,
    land_id_by_code, load_land, recompute_ledger_tx, restore_activity_tx,
};
use crate::domain::{
    Actor, AuditAction, EntityKind, ImportBatch, ImportRecord, ImportReporter, ImportSummary,
    LandId, LandRef,
};

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
    pub fn replace_all_with(
        &mut self,
        batch: ImportBatch,
        reporter: &mut ImportReporter,
        actor: &Actor,
    ) -> Result<ImportSummary, StoreError> {
        self.import_inner(batch, reporter, true, true, actor, &mut |_, _| true)
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
        let mut tx = self.conn.transaction()?;
        if replace_all {
            clear_all_tx(&tx, actor)?;
        }
        let mut snapshot_lands: BTreeSet<LandId> = BTreeSet::new();
        let mut land_feature: BTreeMap<LandId, usize> = BTreeMap::new();
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
        for (feature, land, snapshot) in lands {
            tick(&mut done)?;
            let code = land.code.clone();
            let id = land.id;
            let sp = tx.savepoint()?;
            match create_land_tx(&sp, *land, actor) {
                Ok(created) => {
                    sp.commit()?;
                    summary.lands += 1;
                    land_feature.insert(id, feature);
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
                Err(e) => {
                    reporter.error(Some(feature), Some(&code), "", e.to_string());
                    summary.skipped += 1;
                }
            }
        }
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
            let sp = tx.savepoint()?;
            let result = if snapshot_lands.contains(&land_id) {
                restore_activity_tx(&sp, *activity, actor).map(|_| ())
            } else {
                add_activity_tx(&sp, *activity, actor).map(|_| ())
            };
            match result {
                Ok(()) => {
                    sp.commit()?;
                    summary.activities += 1;
                    if snapshot_lands.contains(&land_id) {
                        restored.insert(land_id);
                    }
                }
                Err(e) => {
                    reporter.error(Some(feature), Some(&code), "", e.to_string());
                    summary.skipped += 1;
                }
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
            let sp = tx.savepoint()?;
            match insert_hazard_report_tx(&sp, *report, actor) {
                Ok(_) => {
                    sp.commit()?;
                    summary.hazard_reports += 1;
                }
                Err(e) => {
                    reporter.error(Some(feature), Some(&code), "", e.to_string());
                    summary.skipped += 1;
                }
            }
        }
        summary.warnings = reporter.warnings();
        if strict && !reporter.issues.is_empty() {
            tx.rollback()?;
            return Err(StoreError::ImportRefused {
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

fn resolve(conn: &Connection, land: &LandRef) -> Result<Option<LandId>, StoreError> {
    match land {
        LandRef::Id(id) => Ok(load_land(conn, *id).ok().map(|l| l.id)),
        LandRef::Code(code) => land_id_by_code(conn, code),
    }
}

fn describe(land: &LandRef) -> String {
    match land {
        LandRef::Id(id) => format!("with id {id}"),
        LandRef::Code(code) => format!("with code '{code}'"),
    }
}
