//! Commands that read the store: `list`, `show` and `check`.

use crate::check::{SupersededEdit, check_store};
use crate::cli::ListWhat;
use crate::cli::output::table;
use crate::domain::{CoordFormat, LandId};
use crate::geometry::coords::format_coord;
use crate::geometry::geodesic_area_m2;
use crate::storage::Store;
use anyhow::{Result, bail};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;

/// One line of `list lands --json`.
#[derive(serde::Serialize)]
pub(super) struct LandJson<'a> {
    pub(super) cancelled_m2: f64,
    pub(super) centroid: Option<[f64; 2]>,
    pub(super) classification: &'static str,
    pub(super) cleared_m2: f64,
    pub(super) code: &'a str,
    pub(super) donor: &'a str,
    pub(super) estimated_m2: f64,
    pub(super) geometry_issue: Option<&'a str>,
    pub(super) id: String,
    pub(super) name: &'a str,
    pub(super) organisation: &'a str,
    pub(super) reduced_m2: f64,
    pub(super) remaining_m2: f64,
    pub(super) status: &'static str,
    pub(super) validation: &'static str,
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

pub(super) fn list(
    out: &mut dyn Write,
    store: &Store,
    what: ListWhat,
    as_json: bool,
) -> Result<()> {
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

pub(super) fn show(out: &mut dyn Write, store: &Store, code: &str, as_json: bool) -> Result<()> {
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
    for (old, now) in store.code_aliases(crate::domain::RecordKind::Land, &land.code, land.id.0)? {
        writeln!(
            out,
            "  Note: another laptop's land also had the code {old}; a sync merge renamed it {now}."
        )?;
    }
    for old in store.former_codes(crate::domain::RecordKind::Land, land.id.0)? {
        writeln!(
            out,
            "  Formerly {old} on the laptop that made it (renamed by a sync merge: another laptop's land had that code first)."
        )?;
    }
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

pub(super) fn check(
    out: &mut dyn Write,
    store: &Store,
    as_json: bool,
    gps_threshold_m: f64,
) -> Result<()> {
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

/// `audit`: the programme's history, newest first.
pub(super) fn audit_feed(
    out: &mut dyn Write,
    store: &Store,
    who: Option<String>,
    code: Option<String>,
    limit: usize,
    json: bool,
) -> Result<()> {
    let filter = crate::domain::AuditFilter {
        who: who.unwrap_or_default(),
        code: code.unwrap_or_default(),
        action: None,
        limit: limit.max(1),
    };
    let entries = store.audit_feed(&filter)?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&entries)?)?;
        return Ok(());
    }
    for a in &entries {
        writeln!(
            out,
            "{}  {} ({})  {}  {}",
            crate::session::local_and_utc(a.at),
            a.who,
            a.device,
            a.entity_code,
            a.describe()
        )?;
    }
    Ok(())
}
