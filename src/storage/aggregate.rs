//! The lean read behind the donor report and the dashboard at national scale: every field the
//! figures, the report's tables and its map read, taken from the columns (schema 7 added the
//! last two) instead of parsing each record's JSON body, with no owned string hashed per row.
//!
//! What is left empty on purpose: a land's survey points, evidence items, hazard types, key
//! informants, free-text fields and source attributes; an activity's notes, depth and
//! direct-evidence flag. No report or dashboard figure reads them, and the donor and public
//! profiles would drop most of them anyway. Use [`Store::lands`] and [`Store::activities`] for
//! whole records.

use std::collections::HashMap;

use rusqlite::Row;
use rusqlite::types::ValueRef;

use super::error::StoreError;
use super::store::{Store, ledger_from_columns, parse_geometry};
use crate::domain::{
    Activity, ActivityId, ActivityKind, AdminLocation, AreaM2, Classification, DeviceFound,
    Disposal, EoCategory, EvidenceOfContamination, Handover, Land, LandId, LandStatus, Method,
    RecordSet, Released, StatusChange, ValidationState, parse_date,
};

/// A land row as read, before the parsing done on every core.
struct LandRow {
    id: String,
    code: String,
    texts: [String; 9],
    codes: [String; 4],
    geo_unsafe: bool,
    m2: [f64; 5],
    geometry: Option<String>,
    geometry_issue: Option<String>,
    settlement: String,
}

impl Store {
    /// Lands (ordered by code), activities (ordered by land code, date, code) and hazard
    /// reports with every field the report and dashboard figures read; see the module
    /// documentation for what is left empty.
    pub fn records_for_aggregates(&self) -> Result<RecordSet, StoreError> {
        // The activities are read on a second connection while this one reads the lands,
        // their history and the hazard reports (one after the other when no second
        // connection can be opened).
        let reader = super::open::open_reader(self.path()).ok();
        std::thread::scope(|scope| {
            let spawned = reader.and_then(|conn| {
                std::thread::Builder::new()
                    .name("read-activities".to_owned())
                    .spawn_scoped(scope, move || read_activities(&conn))
                    .ok()
            });
            let (lands, hazard_reports) = self.lands_and_reports_for_aggregates()?;
            let activities = match spawned.map(std::thread::ScopedJoinHandle::join) {
                Some(Ok(read)) => read?,
                _ => read_activities(&self.conn)?,
            };
            Ok(RecordSet {
                activities: in_land_order(activities, &lands),
                lands,
                hazard_reports,
            })
        })
    }

    fn lands_and_reports_for_aggregates(
        &self,
    ) -> Result<(Vec<Land>, Vec<crate::domain::HazardReport>), StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, code, name, donor, project, organisation, team, admin_pcode, admin1, admin2,
                    date_of_information, classification, status, evidence, validation, geo_unsafe,
                    estimated_m2, cancelled_m2, reduced_with_asset_m2, reduced_without_asset_m2,
                    cleared_m2, geometry_geojson, geometry_issue, admin_settlement
             FROM land WHERE deleted_at IS NULL ORDER BY code",
        )?;
        let mut rows = stmt.query([])?;
        let mut land_rows = Vec::new();
        while let Some(r) = rows.next()? {
            land_rows.push(land_row(r)?);
        }
        // Each land's position in code order: history and activities are matched to it
        // without hashing an owned string per row.
        let land_index: HashMap<&str, usize> = land_rows
            .iter()
            .enumerate()
            .map(|(i, row)| (row.id.as_str(), i))
            .collect();
        let mut history = self.history_by_land(&land_index)?;
        let parsed = crate::par::map_chunks(&land_rows, 2_000, |_, chunk| {
            chunk.iter().map(land_from_columns).collect::<Vec<_>>()
        });
        let mut lands = Vec::with_capacity(land_rows.len());
        for (land, history) in parsed.into_iter().flatten().zip(&mut history) {
            let mut land = land?;
            land.status_history = std::mem::take(history);
            lands.push(land);
        }
        Ok((lands, self.hazard_reports()?))
    }

    /// Every status change of the lands in `land_index`, by land position, oldest first.
    fn history_by_land(
        &self,
        land_index: &HashMap<&str, usize>,
    ) -> Result<Vec<Vec<StatusChange>>, StoreError> {
        let mut history: Vec<Vec<(i64, StatusChange)>> = vec![Vec::new(); land_index.len()];
        // Table order (no sort in SQL); each land's changes are put in order here.
        let mut stmt = self.conn.prepare(
            "SELECT land_id, seq, date, status, classification, reason, comment, by_who, superseded
             FROM land_status_history",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let land_id = text(r, 0)?;
            let Some(&i) = land_index.get(land_id) else {
                continue;
            };
            let (date, status, class) = (text(r, 2)?, text(r, 3)?, text(r, 4)?);
            let bad = || bad_row("land history", land_id, &format!("{date} {status} {class}"));
            let change = StatusChange {
                date: parse_date(date).ok_or_else(bad)?,
                status: LandStatus::from_code(status).ok_or_else(bad)?,
                classification: Classification::from_code(class).ok_or_else(bad)?,
                reason: r.get(5)?,
                comment: r.get(6)?,
                by: r.get(7)?,
                superseded: r.get(8)?,
            };
            if let Some(changes) = history.get_mut(i) {
                changes.push((r.get(1)?, change));
            }
        }
        Ok(history
            .into_iter()
            .map(|mut changes| {
                changes.sort_by_key(|(seq, _)| *seq);
                changes.into_iter().map(|(_, c)| c).collect()
            })
            .collect())
    }
}

/// Every activity (not deleted) with its devices, ordered by land id, date and code.
fn read_activities(conn: &rusqlite::Connection) -> Result<Vec<Activity>, StoreError> {
    let mut devices: HashMap<ActivityId, Vec<(i64, DeviceFound)>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT activity_id, seq, category, type_model, quantity, disposal FROM activity_device",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let activity_id = text(r, 0)?;
        let (category, disposal) = (text(r, 2)?, text(r, 5)?);
        let bad = || bad_row("activity device", activity_id, category);
        let device = DeviceFound {
            category: EoCategory::from_code(category).ok_or_else(bad)?,
            type_model: r.get(3)?,
            quantity: r.get(4)?,
            disposal: Disposal::from_code(disposal).ok_or_else(bad)?,
        };
        let id = ActivityId::parse(activity_id).ok_or_else(bad)?;
        devices.entry(id).or_default().push((r.get(1)?, device));
    }
    let mut stmt = conn.prepare(
        "SELECT id, code, land_id, kind, method, validation, start_date, end_date,
                date_of_information, organisation, team, donor, project, deminer_days,
                asset_days, cancelled_m2, reduced_with_asset_m2, reduced_without_asset_m2,
                cleared_m2, released_geometry_geojson, handover_json
         FROM activity WHERE deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut activity = activity_from_row(r)?;
        if let Some(mut found) = devices.remove(&activity.id) {
            found.sort_by_key(|(seq, _)| *seq);
            activity.devices = found.into_iter().map(|(_, d)| d).collect();
        }
        out.push(activity);
    }
    // Grouped by land here, on the reading thread; `in_land_order` then only moves groups.
    out.sort_unstable_by(|a, b| {
        (a.land_id, a.date_of_information, &a.code).cmp(&(
            b.land_id,
            b.date_of_information,
            &b.code,
        ))
    });
    Ok(out)
}

/// The activities of `lands` (ordered by code) in land code, date and code order, from
/// activities ordered by land id, date and code; those of other (deleted) lands are not part of
/// any figure and are dropped.
fn in_land_order(activities: Vec<Activity>, lands: &[Land]) -> Vec<Activity> {
    let mut groups: HashMap<LandId, Vec<Activity>> = HashMap::new();
    for activity in activities {
        groups.entry(activity.land_id).or_default().push(activity);
    }
    let mut out = Vec::with_capacity(groups.values().map(Vec::len).sum());
    for land in lands {
        if let Some(group) = groups.remove(&land.id) {
            out.extend(group);
        }
    }
    out
}

/// Column `i` as text borrowed from the row (NULL reads as empty).
fn text<'r>(r: &'r Row<'_>, i: usize) -> Result<&'r str, StoreError> {
    match r.get_ref(i)? {
        ValueRef::Text(bytes) => std::str::from_utf8(bytes).map_err(|e| StoreError::BadRow {
            entity: "record",
            code: String::new(),
            detail: e.to_string(),
        }),
        ValueRef::Null => Ok(""),
        other => Err(StoreError::BadRow {
            entity: "record",
            code: String::new(),
            detail: format!("column {i} is {:?}, not text", other.data_type()),
        }),
    }
}

fn bad_row(entity: &'static str, code: &str, detail: &str) -> StoreError {
    StoreError::BadRow {
        entity,
        code: code.to_owned(),
        detail: detail.to_owned(),
    }
}

fn land_row(r: &Row<'_>) -> Result<LandRow, StoreError> {
    Ok(LandRow {
        id: r.get(0)?,
        code: r.get(1)?,
        texts: [
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
        ],
        codes: [r.get(11)?, r.get(12)?, r.get(13)?, r.get(14)?],
        geo_unsafe: r.get(15)?,
        m2: [r.get(16)?, r.get(17)?, r.get(18)?, r.get(19)?, r.get(20)?],
        geometry: r.get(21)?,
        geometry_issue: r.get(22)?,
        settlement: r.get(23)?,
    })
}

fn land_from_columns(row: &LandRow) -> Result<Land, StoreError> {
    let bad = |what: &str| bad_row("land", &row.code, what);
    let [
        name,
        donor,
        project,
        organisation,
        team,
        pcode,
        admin1,
        admin2,
        date,
    ] = &row.texts;
    let [classification, status, evidence, validation] = &row.codes;
    Ok(Land {
        id: LandId::parse(&row.id).ok_or_else(|| bad(&row.id))?,
        code: row.code.clone(),
        name: name.clone(),
        classification: Classification::from_code(classification)
            .ok_or_else(|| bad(classification))?,
        status: LandStatus::from_code(status).ok_or_else(|| bad(status))?,
        evidence: EvidenceOfContamination::from_code(evidence).ok_or_else(|| bad(evidence))?,
        evidence_items: Vec::new(),
        hazard_types: Vec::new(),
        admin: AdminLocation {
            pcode: pcode.clone(),
            admin1: admin1.clone(),
            admin2: admin2.clone(),
            settlement: row.settlement.clone(),
        },
        priority: None,
        blockage: String::new(),
        expected_beneficiaries: None,
        terrain: String::new(),
        key_informants: Vec::new(),
        donor: donor.clone(),
        project: project.clone(),
        organisation: organisation.clone(),
        team: team.clone(),
        date_of_information: parse_date(date).ok_or_else(|| bad(date))?,
        notes: String::new(),
        validation: ValidationState::from_code(validation).ok_or_else(|| bad(validation))?,
        validation_comment: String::new(),
        geo_unsafe: row.geo_unsafe,
        points: Vec::new(),
        geometry: parse_geometry(row.geometry.as_deref()),
        geometry_issue: row.geometry_issue.clone(),
        ledger: ledger_from_columns(row.m2),
        status_history: Vec::new(),
        source_attributes: std::collections::BTreeMap::new(),
    })
}

fn activity_from_row(r: &Row<'_>) -> Result<Activity, StoreError> {
    let code: String = r.get(1)?;
    let bad = |what: &str| bad_row("activity", &code, what);
    let date = |i: usize| -> Result<Option<time::Date>, StoreError> {
        let t = text(r, i)?;
        if t.is_empty() {
            Ok(None)
        } else {
            parse_date(t).map(Some).ok_or_else(|| bad(t))
        }
    };
    let (id, land_id) = (text(r, 0)?, text(r, 2)?);
    let (kind, method, validation) = (text(r, 3)?, text(r, 4)?, text(r, 5)?);
    let handover: Option<Handover> = match text(r, 20)? {
        "" => None,
        json => Some(serde_json::from_str(json).map_err(|e| bad(&e.to_string()))?),
    };
    let geometry = text(r, 19)?;
    Ok(Activity {
        id: ActivityId::parse(id).ok_or_else(|| bad(id))?,
        land_id: LandId::parse(land_id).ok_or_else(|| bad(land_id))?,
        kind: ActivityKind::from_code(kind).ok_or_else(|| bad(kind))?,
        start_date: date(6)?.ok_or_else(|| bad("no start date"))?,
        end_date: date(7)?,
        date_of_information: date(8)?.ok_or_else(|| bad("no date of information"))?,
        organisation: r.get(9)?,
        team: r.get(10)?,
        donor: r.get(11)?,
        project: r.get(12)?,
        method: if method.is_empty() {
            None
        } else {
            Some(Method::from_code(method).ok_or_else(|| bad(method))?)
        },
        deminer_days: r.get(13)?,
        asset_days: r.get(14)?,
        depth_cm: None,
        released: Released {
            cancelled_m2: AreaM2::new(r.get(15)?),
            reduced_with_asset_m2: AreaM2::new(r.get(16)?),
            reduced_without_asset_m2: AreaM2::new(r.get(17)?),
            cleared_m2: AreaM2::new(r.get(18)?),
        },
        released_geometry: parse_geometry((!geometry.is_empty()).then_some(geometry)),
        devices: Vec::new(),
        handover,
        direct_evidence_confirmed: false,
        notes: String::new(),
        validation: ValidationState::from_code(validation).ok_or_else(|| bad(validation))?,
        code,
    })
}
