//! One function per subcommand.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{Context, Result, anyhow, bail};
use serde_json::json;
use time::OffsetDateTime;

use super::output::{print_issues, table};
use super::{BearingUnitArg, Cli, Command, ExportFormat, FormatArg, ListWhat, ReferenceArg};
use crate::check::{SupersededEdit, check_store};
use crate::domain::{
    BearingUnit, CoordFormat, ImportBatch, ImportReporter, Instrument, LandId, NorthReference,
    TraverseLeg, parse_number,
};
use crate::geometry::coords::{format_coord, parse_coord};
use crate::geometry::{geodesic_area_m2, walk_traverse};
use crate::reports::ReportFilter;
use crate::session::{DEMO_PROGRAMME, choose_store, current_actor};
use crate::storage::Store;

use crate::io::output::Replace;
use crate::storage::{OpenMode, ReplaceRecords, StoreError};

pub(super) fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let Some(command) = cli.command else {
        bail!("no command given; run `safeground` without arguments to open the app");
    };
    match command {
        Command::Convert { coord, to, json } => convert(out, &coord, to, json),
        Command::Traverse {
            start,
            declination,
            reference,
            bearing_unit,
            legs,
            json,
        } => traverse(
            out,
            &start,
            declination,
            reference,
            bearing_unit,
            &legs,
            json,
        ),
        other => {
            let path = choose_store(cli.db)?.path;
            // Only the commands that create data may create the store file: a mistyped --db for
            // list, report, export, backup, check or restore is refused, not made into a new,
            // empty store.
            let mode = match &other {
                Command::Demo { .. } | Command::Import { .. } => OpenMode::CreateIfMissing,
                _ => OpenMode::Existing,
            };
            let result = run_on_store(other, &path, mode, out, err);
            // A busy store: say which program holds it.
            result.map_err(|e| {
                let busy = e.chain().any(|c| {
                    c.downcast_ref::<StoreError>()
                        .is_some_and(StoreError::is_busy)
                });
                let holders = if busy {
                    crate::storage::lock_holders(&path)
                } else {
                    Vec::new()
                };
                // Errors of the store itself name the file (the sentence says what to do).
                let about_store = e.chain().any(|c| {
                    matches!(
                        c.downcast_ref::<StoreError>(),
                        Some(StoreError::Sqlite(_) | StoreError::Io(_))
                    )
                });
                let file = if about_store {
                    format!(" [store: {}]", path.display())
                } else {
                    String::new()
                };
                if holders.is_empty() {
                    if about_store {
                        anyhow!("{e:#}{file}")
                    } else {
                        e
                    }
                } else {
                    anyhow!("{e:#} (it is held by {}){file}", holders.join(", "))
                }
            })
        }
    }
}

/// A store larger than [`crate::storage::QUICK_CHECK_MAX_BYTES`] is not page-checked at open
/// (it would take seconds). Commands that write check every page first and refuse a damaged
/// store; the others say when the last full check passed.
fn check_large_store(store: &Store, command: &Command, err: &mut dyn Write) -> Result<()> {
    let bytes = store.file_bytes();
    if bytes <= crate::storage::QUICK_CHECK_MAX_BYTES {
        return Ok(());
    }
    let writes = matches!(
        command,
        Command::Import { .. } | Command::Demo { .. } | Command::Restore { .. }
    );
    if writes {
        let problems = store.page_check()?;
        if !problems.is_empty() {
            return Err(StoreError::Corrupt {
                detail: format!(
                    "{}; nothing was written",
                    problems.into_iter().take(3).collect::<Vec<_>>().join("; ")
                ),
                path: store.path().to_owned(),
            }
            .into());
        }
        return Ok(());
    }
    if matches!(
        command,
        Command::Check {
            integrity: true,
            ..
        }
    ) {
        return Ok(());
    }
    let last = store
        .last_full_check()?
        .unwrap_or_else(|| "never".to_owned());
    writeln!(
        err,
        "note: this store ({} MB) is page-checked at open only up to {} MB; its last full check passed: {last} (`safeground check --integrity` runs one)",
        bytes / 1_000_000,
        crate::storage::QUICK_CHECK_MAX_BYTES / 1_000_000
    )?;
    Ok(())
}

fn run_on_store(
    other: Command,
    path: &std::path::Path,
    mode: OpenMode,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    {
        {
            let mut store = Store::open_with(path, mode)?;
            if let Some(backup) = store.migration_backup() {
                writeln!(
                    err,
                    "note: the store was upgraded; a backup of the old file is at {}",
                    backup.display()
                )?;
            }
            check_large_store(&store, &other, err)?;
            match other {
                Command::Demo {
                    synthetic,
                    seed,
                    replace,
                } => demo(out, err, &mut store, synthetic, seed, replace),
                Command::Import { files, strict } => import(out, err, &mut store, &files, strict),
                Command::Export {
                    format,
                    profile,
                    output,
                    overwrite,
                } => {
                    let format = match format {
                        ExportFormat::Geojson => crate::exports::ExportFormat::Geojson,
                        ExportFormat::Csv => crate::exports::ExportFormat::Csv,
                        ExportFormat::Gpkg => crate::exports::ExportFormat::Gpkg,
                    };
                    export(
                        out,
                        &store,
                        format,
                        profile.into(),
                        ReportFilter::default(),
                        output,
                        Replace::from_flag(overwrite),
                    )
                }
                Command::Report {
                    from,
                    to,
                    donor,
                    organisation,
                    admin_area,
                    profile,
                    output,
                    overwrite,
                } => {
                    let date = |field: &str, value: Option<String>| -> Result<Option<time::Date>> {
                        value
                            .map(|v| {
                                crate::domain::parse_date(&v).ok_or_else(|| {
                                    anyhow!("--{field} '{v}' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-31")
                                })
                            })
                            .transpose()
                    };
                    let filter = ReportFilter {
                        from: date("from", from)?,
                        to: date("to", to)?,
                        donor,
                        organisation,
                        admin_area,
                    };
                    export(
                        out,
                        &store,
                        crate::exports::ExportFormat::Report,
                        profile.into(),
                        filter,
                        output,
                        Replace::from_flag(overwrite),
                    )
                }
                Command::Backup { output, overwrite } => {
                    store.backup_to(&output, Replace::from_flag(overwrite))?;
                    writeln!(out, "Backed up the store to {}.", output.display())?;
                    Ok(())
                }
                Command::Restore { file } => {
                    let restored = store.restore_from(&file, &current_actor())?;
                    writeln!(
                        out,
                        "Restored {} ({} lands). The previous contents are in {}.",
                        file.display(),
                        restored.lands,
                        restored.previous.display()
                    )?;
                    Ok(())
                }
                Command::List { what, json } => list(out, &store, what, json),
                Command::Show { code, json } => show(out, &store, &code, json),
                Command::Check {
                    json,
                    gps_threshold_m,
                    integrity,
                } => {
                    if integrity {
                        let problems = store.integrity_check()?;
                        if !problems.is_empty() {
                            bail!(
                                "the store file is damaged ({}); restore it from a backup",
                                problems.join("; ")
                            );
                        }
                        writeln!(
                            err,
                            "integrity_check: ok (every page of the store is sound)"
                        )?;
                    }
                    check(out, &store, json, gps_threshold_m)
                }
                Command::Convert { .. } | Command::Traverse { .. } => Ok(()),
            }
        }
    }
}

fn today() -> time::Date {
    OffsetDateTime::now_utc().date()
}

fn demo(
    out: &mut dyn Write,
    err: &mut dyn Write,
    store: &mut Store,
    synthetic: Option<usize>,
    seed: u64,
    replace: bool,
) -> Result<()> {
    let actor = current_actor();
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
    let result = store.replace_all_with(batch, &mut reporter, &actor, mode);
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

fn import(
    out: &mut dyn Write,
    err: &mut dyn Write,
    store: &mut Store,
    files: &[std::path::PathBuf],
    strict: bool,
) -> Result<()> {
    let actor = current_actor();
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
            crate::io::geojson::read_geojson(&bytes, &mut reporter, today())
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
    let result = store.import(batch, &mut reporter, strict, &actor);
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

fn export(
    out: &mut dyn Write,
    store: &Store,
    format: crate::exports::ExportFormat,
    profile: crate::domain::ExportProfile,
    filter: ReportFilter,
    output: std::path::PathBuf,
    replace: Replace,
) -> Result<()> {
    let request = crate::exports::ExportRequest {
        format,
        profile,
        filter,
        output,
        replace,
    };
    let done = crate::exports::export(store, &current_actor(), &request, &mut |_, _| true)?;
    writeln!(out, "{}.", done.summary(&request))?;
    Ok(())
}

/// One line of `list lands --json`.
#[derive(serde::Serialize)]
struct LandJson<'a> {
    cancelled_m2: f64,
    centroid: Option<[f64; 2]>,
    classification: &'static str,
    cleared_m2: f64,
    code: &'a str,
    donor: &'a str,
    estimated_m2: f64,
    geometry_issue: Option<&'a str>,
    id: String,
    name: &'a str,
    organisation: &'a str,
    reduced_m2: f64,
    remaining_m2: f64,
    status: &'static str,
    validation: &'static str,
}

impl<'a> From<&'a crate::domain::LandSummary> for LandJson<'a> {
    fn from(l: &'a crate::domain::LandSummary) -> Self {
        Self {
            cancelled_m2: l.ledger.cancelled_m2().m2(),
            centroid: l.centroid,
            classification: l.classification.code(),
            cleared_m2: l.ledger.cleared_m2().m2(),
            code: &l.code,
            donor: &l.donor,
            estimated_m2: l.ledger.estimated_m2.m2(),
            geometry_issue: l.geometry_issue.as_deref(),
            id: l.id.to_string(),
            name: &l.name,
            organisation: &l.organisation,
            reduced_m2: l.ledger.reduced_m2().m2(),
            remaining_m2: l.ledger.remaining().m2(),
            status: l.status.code(),
            validation: l.validation.code(),
        }
    }
}

fn list(out: &mut dyn Write, store: &Store, what: ListWhat, as_json: bool) -> Result<()> {
    match what {
        ListWhat::Lands => {
            let lands = store.land_summaries()?;
            if as_json {
                // Serialised straight from the summaries (keys in alphabetical order, as
                // always), through a buffer: 100 000 lands in a fraction of a second.
                let rows: Vec<LandJson<'_>> = lands.iter().map(LandJson::from).collect();
                let mut buffered = std::io::BufWriter::with_capacity(1 << 20, &mut *out);
                serde_json::to_writer(&mut buffered, &rows)?;
                writeln!(buffered)?;
                buffered.flush()?;
            } else {
                let rows = lands.iter().map(|l| {
                    vec![
                        l.code.clone(),
                        l.name.clone(),
                        l.classification.label().to_owned(),
                        l.status.label().to_owned(),
                        crate::domain::group_thousands(l.ledger.estimated_m2.m2()),
                        crate::domain::group_thousands(l.ledger.remaining().m2()),
                        if l.geometry_issue.is_some() {
                            "flagged".to_owned()
                        } else {
                            String::new()
                        },
                    ]
                });
                table(
                    out,
                    &[
                        "code",
                        "name",
                        "class",
                        "status",
                        "estimated m²",
                        "remaining m²",
                        "polygon",
                    ],
                    rows,
                )?;
                writeln!(out, "{} lands", lands.len())?;
            }
        }
        ListWhat::Reports => {
            let reports = store.hazard_reports()?;
            if as_json {
                let rows: Vec<_> = reports
                    .iter()
                    .map(|r| {
                        json!({
                            "id": r.id.to_string(), "code": r.code, "eo_category": r.eo_category.code(),
                            "type_model": r.type_model, "quantity": r.quantity, "status": r.status.code(),
                            "reported_on": r.reported_on.to_string(),
                            "location": [r.location.lon_lat.lon_deg, r.location.lon_lat.lat_deg],
                            "land_id": r.land_id.map(|l| l.to_string()),
                        })
                    })
                    .collect();
                serde_json::to_writer(&mut *out, &rows)?;
                writeln!(out)?;
            } else {
                let rows = reports.iter().map(|r| {
                    vec![
                        r.code.clone(),
                        r.eo_category.label().to_owned(),
                        r.type_model.clone(),
                        r.quantity.to_string(),
                        r.status.label().to_owned(),
                        r.reported_on.to_string(),
                        format_coord(r.location.lon_lat, CoordFormat::Dd),
                    ]
                });
                table(
                    out,
                    &[
                        "code",
                        "category",
                        "type",
                        "qty",
                        "status",
                        "reported",
                        "location (lat, lon)",
                    ],
                    rows,
                )?;
                writeln!(out, "{} hazard reports", reports.len())?;
            }
        }
        ListWhat::Activities => {
            let activities = store.activities(None)?;
            let codes: BTreeMap<LandId, String> = store
                .land_summaries()?
                .into_iter()
                .map(|l| (l.id, l.code))
                .collect();
            if as_json {
                let rows: Vec<_> = activities
                    .iter()
                    .map(|a| {
                        let mut v = serde_json::to_value(a).unwrap_or_default();
                        if let Some(o) = v.as_object_mut() {
                            o.insert("land_code".into(), json!(codes.get(&a.land_id)));
                        }
                        v
                    })
                    .collect();
                serde_json::to_writer(&mut *out, &rows)?;
                writeln!(out)?;
            } else {
                let rows = activities.iter().map(|a| {
                    vec![
                        a.code.clone(),
                        codes.get(&a.land_id).cloned().unwrap_or_default(),
                        a.kind.label().to_owned(),
                        a.date_of_information.to_string(),
                        crate::domain::group_thousands(a.released.total().m2()),
                        a.items_found().to_string(),
                    ]
                });
                table(
                    out,
                    &["code", "land", "kind", "date", "released m²", "items"],
                    rows,
                )?;
                writeln!(out, "{} activities", activities.len())?;
            }
        }
    }
    Ok(())
}

fn show(out: &mut dyn Write, store: &Store, code: &str, as_json: bool) -> Result<()> {
    let land = store.land_by_code(code.trim())?;
    let activities = store.activities(Some(land.id))?;
    let reports: Vec<_> = store
        .hazard_reports()?
        .into_iter()
        .filter(|r| r.land_id == Some(land.id))
        .collect();
    let audit = store.audit_for(land.id.0)?;
    let l = &land.ledger;
    if as_json {
        let value = json!({
            "land": crate::io::geojson::land_feature(&land)?,
            "ledger": {
                "estimated_m2": l.estimated_m2.m2(), "cancelled_m2": l.cancelled_m2().m2(),
                "reduced_with_asset_m2": l.released.reduced_with_asset_m2.m2(),
                "reduced_without_asset_m2": l.released.reduced_without_asset_m2.m2(),
                "reduced_m2": l.reduced_m2().m2(), "cleared_m2": l.cleared_m2().m2(),
                "remaining_m2": l.remaining().m2(),
            },
            "status_history": land.status_history,
            "activities": activities,
            "hazard_reports": reports,
            "audit": audit,
        });
        serde_json::to_writer_pretty(&mut *out, &value)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{} — {}", land.code, land.name)?;
    writeln!(
        out,
        "  {} · {} · {} · date of information {}",
        land.classification.label(),
        land.status.label(),
        land.validation.label(),
        land.date_of_information
    )?;
    if !land.admin.admin2.is_empty() || !land.admin.settlement.is_empty() {
        writeln!(
            out,
            "  {} / {} / {} {}",
            land.admin.admin1, land.admin.admin2, land.admin.settlement, land.admin.pcode
        )?;
    }
    writeln!(
        out,
        "  {} · donor {} · project {}",
        land.organisation, land.donor, land.project
    )?;
    if let Some(issue) = &land.geometry_issue {
        writeln!(out, "  POLYGON FLAGGED: {issue}")?;
    }
    if let Some(g) = &land.geometry {
        writeln!(
            out,
            "  area {} ({:.2} ha, geodesic WGS84)",
            crate::domain::AreaM2::whole(geodesic_area_m2(g).m2()),
            l.estimated_m2.hectares()
        )?;
    }
    writeln!(out, "Ledger")?;
    for (label, v) in [
        ("estimated", l.estimated_m2),
        ("cancelled", l.cancelled_m2()),
        ("reduced", l.reduced_m2()),
        ("cleared", l.cleared_m2()),
        ("remaining", l.remaining()),
    ] {
        writeln!(out, "  {label:<10} {v:>16}")?;
    }
    writeln!(out, "Status history")?;
    for c in &land.status_history {
        let note = if c.superseded { " [superseded]" } else { "" };
        writeln!(
            out,
            "  {}  {:<11} {:<4} {} ({}){note}",
            c.date,
            c.status.label(),
            c.classification.label(),
            c.reason,
            c.by
        )?;
    }
    writeln!(out, "Activities ({})", activities.len())?;
    for a in &activities {
        writeln!(
            out,
            "  {}  {}  {:<26} released {:>12}  items {}",
            a.code,
            a.date_of_information,
            a.kind.label(),
            a.released.total(),
            a.items_found()
        )?;
    }
    writeln!(out, "Points ({})", land.points.len())?;
    for p in &land.points {
        writeln!(
            out,
            "  {:<6} {:<18} {}",
            p.label,
            p.kind.label(),
            format_coord(p.lon_lat, CoordFormat::Dd)
        )?;
    }
    if !reports.is_empty() {
        writeln!(out, "Hazard reports ({})", reports.len())?;
        for r in &reports {
            writeln!(
                out,
                "  {}  {} ×{} {}",
                r.code,
                r.eo_category.label(),
                r.quantity,
                r.status.label()
            )?;
        }
    }
    Ok(())
}

fn check(out: &mut dyn Write, store: &Store, as_json: bool, gps_threshold_m: f64) -> Result<()> {
    if !(gps_threshold_m.is_finite() && gps_threshold_m > 0.0) {
        bail!("--gps-threshold-m must be a positive number of metres");
    }
    let lands = store.lands()?;
    let activities = store.activities(None)?;
    let superseded: Vec<SupersededEdit> = store
        .superseded_updates()?
        .into_iter()
        .map(|s| SupersededEdit {
            code: s.code,
            edit_date: s.date_of_information,
            record_date: s.record_date_of_information,
            by: s.by,
        })
        .collect();
    let findings = check_store(&lands, &activities, &superseded, gps_threshold_m);
    if as_json {
        serde_json::to_writer(&mut *out, &findings)?;
        writeln!(out)?;
    } else {
        for f in &findings {
            let level = match f.severity {
                crate::geometry::Severity::Error => "error",
                crate::geometry::Severity::Warning => "warning",
            };
            writeln!(out, "{} {level:<7} {:<20} {}", f.code, f.kind, f.message)?;
        }
        writeln!(out, "{} findings in {} lands", findings.len(), lands.len())?;
    }
    Ok(())
}

fn convert(out: &mut dyn Write, coord: &str, to: Option<FormatArg>, as_json: bool) -> Result<()> {
    let (p, read_as) = parse_coord(coord).map_err(|e| anyhow!("{e}"))?;
    let formats = [
        (FormatArg::Dd, CoordFormat::Dd),
        (FormatArg::Dms, CoordFormat::Dms),
        (FormatArg::Ddm, CoordFormat::Ddm),
        (FormatArg::Utm, CoordFormat::Utm),
        (FormatArg::Mgrs, CoordFormat::Mgrs),
    ];
    if as_json {
        let mut v = json!({"lon": p.lon_deg, "lat": p.lat_deg, "read_as": read_as.code()});
        if let Some(o) = v.as_object_mut() {
            for (_, f) in formats {
                o.insert(f.code().to_owned(), json!(format_coord(p, f)));
            }
        }
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    } else if let Some(to) = to {
        let f = formats
            .iter()
            .find(|(a, _)| std::mem::discriminant(a) == std::mem::discriminant(&to))
            .map_or(CoordFormat::Dd, |x| x.1);
        writeln!(out, "{}", format_coord(p, f))?;
    } else {
        writeln!(out, "read as {}", read_as.label())?;
        for (_, f) in formats {
            writeln!(out, "{:<5} {}", f.label(), format_coord(p, f))?;
        }
    }
    Ok(())
}

fn traverse(
    out: &mut dyn Write,
    start: &str,
    declination: f64,
    reference: ReferenceArg,
    unit: BearingUnitArg,
    legs: &[String],
    as_json: bool,
) -> Result<()> {
    let (start, _) = parse_coord(start).map_err(|e| anyhow!("--start: {e}"))?;
    let unit = match unit {
        BearingUnitArg::Deg => BearingUnit::Degrees,
        BearingUnitArg::Mil => BearingUnit::Mils,
    };
    let reference = match reference {
        ReferenceArg::Magnetic => NorthReference::Magnetic,
        ReferenceArg::True => NorthReference::True,
        ReferenceArg::Grid => NorthReference::Grid,
    };
    let mut parsed = Vec::new();
    for (i, leg) in legs.iter().flat_map(|l| l.split_whitespace()).enumerate() {
        let (b, d) = leg.split_once('/').ok_or_else(|| {
            anyhow!(
                "--leg {}: '{leg}' is not BEARING/DISTANCE_M (e.g. 45/120.5)",
                i + 1
            )
        })?;
        let bearing = parse_number(b)
            .ok_or_else(|| anyhow!("--leg {}: bearing '{b}' is not a number", i + 1))?;
        let distance_m = parse_number(d)
            .ok_or_else(|| anyhow!("--leg {}: distance '{d}' is not a number of metres", i + 1))?;
        parsed.push(TraverseLeg {
            from_label: if i == 0 {
                "start".to_owned()
            } else {
                format!("P{i}")
            },
            bearing,
            bearing_unit: unit,
            reference,
            declination_deg: declination,
            declination_date: None,
            distance_m,
            slope_deg: None,
            instrument: Instrument::Other,
        });
    }
    let t = walk_traverse(start, &parsed)?;
    if as_json {
        let v = json!({
            "vertices": t.vertices.iter().map(|p| [p.lon_deg, p.lat_deg]).collect::<Vec<_>>(),
            "misclosure_m": t.misclosure_m,
            "misclosure_bearing_deg": t.misclosure_bearing_deg,
            "perimeter_m": t.perimeter_m,
            "area_m2": t.area_m2,
        });
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    } else {
        for (i, p) in t.vertices.iter().enumerate() {
            let label = if i == 0 {
                "start".to_owned()
            } else {
                format!("P{i}")
            };
            writeln!(
                out,
                "{label:<6} {}   {}",
                format_coord(*p, CoordFormat::Dd),
                format_coord(*p, CoordFormat::Mgrs)
            )?;
        }
        let ratio = t.closure_ratio();
        let ratio = if ratio.is_finite() {
            format!("1:{ratio:.0}")
        } else {
            "exact".to_owned()
        };
        writeln!(
            out,
            "misclosure {:.2} m at bearing {:.1}° (closure {ratio})",
            t.misclosure_m, t.misclosure_bearing_deg
        )?;
        writeln!(
            out,
            "perimeter {:.1} m, area {} ({:.4} ha)",
            t.perimeter_m,
            crate::domain::AreaM2::whole(t.area_m2),
            t.area_m2 / 10_000.0
        )?;
    }
    Ok(())
}
