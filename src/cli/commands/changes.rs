//! Commands that change the store: `demo`, `import`, and `export` (which logs the file it wrote).

use crate::cli::output::print_issues;
use crate::domain::Actor;
use crate::domain::{ImportBatch, ImportReporter};
use crate::session::{DEMO_PROGRAMME, today};
use crate::storage::Store;
use crate::storage::{ReplaceRecords, StoreError};
use anyhow::{Context, Result, bail};
use std::io::Write;

pub(super) fn demo(
    out: &mut dyn Write,
    err: &mut dyn Write,
    store: &mut Store,
    actor: &Actor,
    synthetic: Option<usize>,
    seed: u64,
    replace: bool,
) -> Result<()> {
    let mode = if replace {
        ReplaceRecords::AfterBackup
    } else {
        ReplaceRecords::OnlyIfEmpty
    };
    // Refuse before generating anything.
    let records = store.record_count()?;
    if mode == ReplaceRecords::OnlyIfEmpty && records > 0 {
        return Err(StoreError::HoldsRecords {
            records,
            path: store.path().to_owned(),
        }
        .into());
    }
    let (mut reporter, batch) = if let Some(lands) = synthetic {
        if lands == 0 || lands > 2_000_000 {
            bail!("--synthetic must be between 1 and 2 000 000 lands (got {lands})");
        }
        let reporter =
            ImportReporter::new(format!("synthetic programme ({lands} lands, seed {seed})"));
        let batch = crate::synthetic::generate(crate::synthetic::Size { lands, seed });
        (reporter, batch)
    } else {
        let mut reporter = ImportReporter::new("sample_surveys/programme.geojson");
        let batch =
            crate::io::geojson::read_geojson(DEMO_PROGRAMME.as_bytes(), &mut reporter, today())
                .context("reading the embedded demo programme")?;
        (reporter, batch)
    };
    let result = store.replace_all_with(batch, &mut reporter, actor, mode);
    print_issues(err, &reporter.issues)?;
    let (summary, backup) = result.context("loading the demo programme")?;
    if let Some(backup) = backup {
        writeln!(
            out,
            "The records that were in the store are saved in {}.",
            backup.display()
        )?;
    }
    writeln!(
        out,
        "Demo programme loaded into {}: {} lands, {} activities, {} hazard reports.",
        store.path().display(),
        summary.lands,
        summary.activities,
        summary.hazard_reports
    )?;
    Ok(())
}

/// `--map FIELD=PROPERTY` arguments as a mapping; a bad field is named with the ones allowed.
pub(super) fn import_mapping(args: &[String]) -> Result<crate::domain::ImportMapping> {
    let mut mapping = crate::domain::ImportMapping::default();
    for arg in args {
        let Some((field, property)) = arg.split_once('=') else {
            anyhow::bail!("--map {arg}: write FIELD=PROPERTY, e.g. --map name=fileId");
        };
        let (field, property) = (field.trim(), property.trim());
        if property.is_empty() {
            anyhow::bail!("--map {field}=: name the file's property after the '='");
        }
        let Some(slot) = mapping.slot(field) else {
            anyhow::bail!(
                "--map {field}: not a field an import maps; use one of {}",
                crate::domain::ImportMapping::FIELDS.join(", ")
            );
        };
        *slot = Some(property.to_owned());
    }
    Ok(mapping)
}

pub(super) fn import(
    out: &mut dyn Write,
    err: &mut dyn Write,
    store: &mut Store,
    actor: &Actor,
    files: &[std::path::PathBuf],
    strict: bool,
    mapping: &crate::domain::ImportMapping,
) -> Result<()> {
    let mut batch = ImportBatch::default();
    let mut reporter = ImportReporter::new("");
    // Features the readers dropped (a problem, or nothing to import), per file.
    let mut dropped_by_readers = 0usize;
    for file in files {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        reporter.file = file.display().to_string();
        let is_csv = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let issues_before = reporter.issues.len();
        let part = if is_csv {
            crate::io::csv::read_activities_csv(&bytes, &mut reporter)
        } else {
            crate::io::geojson::read_geojson_mapped(&bytes, &mut reporter, today(), mapping)
        }
        .with_context(|| format!("cannot import {}", file.display()))?;
        let kept: std::collections::BTreeSet<usize> =
            part.items.iter().map(|i| i.feature).collect();
        let dropped: std::collections::BTreeSet<usize> = reporter.issues[issues_before..]
            .iter()
            .filter_map(|i| i.feature)
            .filter(|f| !kept.contains(f))
            .collect();
        dropped_by_readers += dropped.len();
        batch.items.extend(part.items);
    }
    reporter.file = files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let result = store.import(batch, &mut reporter, strict, actor);
    print_issues(err, &reporter.issues)?;
    let summary = result?;
    let flagged = reporter
        .issues
        .iter()
        .filter(|i| i.message.starts_with("imported flagged"))
        .count();
    writeln!(
        out,
        "Imported {} lands, {} activities, {} hazard reports ({} features skipped, {} lands imported flagged, {} warnings).",
        summary.lands,
        summary.activities,
        summary.hazard_reports,
        summary.skipped + dropped_by_readers,
        flagged,
        summary.warnings
    )?;
    Ok(())
}

/// Runs one export (or the report) and says what it wrote.
pub(super) fn export(
    out: &mut dyn Write,
    store: &Store,
    actor: &Actor,
    request: &crate::exports::ExportRequest,
) -> Result<()> {
    let done = crate::exports::export(store, actor, request, &mut |_, _| true)?;
    writeln!(out, "{}.", done.summary(request))?;
    Ok(())
}
