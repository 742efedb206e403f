//! The lean read behind the donor report and the dashboard at national scale: every field the
//! figures, the report's tables and its map read, taken from the columns (schema 7 added the
//! last two) instead of parsing each record's JSON body, with no owned string hashed per row.
//!
//! What is left empty on purpose: a land's survey points, evidence items, hazard types, key
//! informants, team, free-text fields and source attributes, and the reason, comment and author
//! of each status change; an activity's team, notes, depth and direct-evidence flag. No report or dashboard figure reads them, and the donor and public
//! profiles would drop most of them anyway. Use [`Store::lands`] and [`Store::activities`] for
//! whole records.

use rustc_hash::FxHashMap as HashMap;
use std::thread::ScopedJoinHandle;

use rusqlite::Row;
use rusqlite::types::ValueRef;

use super::codec::{ledger_from_columns, record_geometry};
use super::error::StoreError;
use super::store::Store;
use crate::domain::{
    Activity, ActivityId, ActivityKind, AdminLocation, AreaM2, Classification, DeviceFound,
    Disposal, EoCategory, EvidenceOfContamination, Handover, Land, LandId, LandStatus, Method,
    RecordSet, Released, StatusChange, ValidationState, parse_date,
};

impl Store {
    /// Lands (ordered by code), activities (ordered by land code, date, code) and hazard
    /// reports with every field the report and dashboard figures read; see the module
    /// documentation for what is left empty.
    pub fn records_for_aggregates(&self) -> Result<RecordSet, StoreError> {
        // Two reading connections: the lands and the hazard reports are read on one while the
        // other reads the activities and the status history (about the same work). Without
        // them, this connection reads everything, one table after the other.
        let reader = || super::open::open_reader(self.path()).ok();
        let lands_reader = reader();
        let lands_conn = lands_reader.as_ref().unwrap_or(&self.conn);
        let read_the_rest = |conn: &rusqlite::Connection| {
            Ok::<_, StoreError>((read_activities(conn)?, read_history(conn)?))
        };
        std::thread::scope(|scope| {
            let spawned = reader().and_then(|conn| {
                std::thread::Builder::new()
                    .name("read-activities".to_owned())
                    .spawn_scoped(scope, move || read_the_rest(&conn))
                    .ok()
            });
            let mut lands = read_lands(lands_conn)?;
            let hazard_reports = super::hazard_reports::read_hazard_reports(lands_conn, "", [])?;
            let (activities, history) = match spawned.map(ScopedJoinHandle::join) {
                Some(Ok(read)) => read?,
                _ => read_the_rest(&self.conn)?,
            };
            // Each land's position in code order, for its history and its activities.
            let position: HashMap<LandId, usize> =
                lands.iter().enumerate().map(|(i, l)| (l.id, i)).collect();
            // The history goes to the lands while the activities are put in order; on this
            // thread when no second one can be started.
            let mut history = Some(history);
            let activities = std::thread::scope(|inner| {
                let attaching = std::thread::Builder::new()
                    .name("attach-history".to_owned())
                    .spawn_scoped(inner, || {
                        if let Some(rows) = history.take() {
                            attach_history(&mut lands, &position, rows);
                        }
                    });
                let activities = in_land_order(activities, &position);
                if let Ok(handle) = attaching
                    && let Err(panic) = handle.join()
                {
                    std::panic::resume_unwind(panic);
                }
                activities
            });
            if let Some(rows) = history.take() {
                attach_history(&mut lands, &position, rows);
            }
            Ok(RecordSet {
                lands,
                activities,
                hazard_reports,
            })
        })
    }
}

/// Every land (not deleted), ordered by code, without its status history.
fn read_lands(conn: &rusqlite::Connection) -> Result<Vec<Land>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, code, name, donor, project, organisation, admin_pcode, admin1, admin2,
                admin_settlement, date_of_information, classification, status, evidence,
                validation, geo_unsafe, estimated_m2, cancelled_m2, reduced_with_asset_m2,
                reduced_without_asset_m2, cleared_m2, geometry_geojson, geometry_issue
         FROM land WHERE deleted_at IS NULL ORDER BY code",
    )?;
    let mut rows = stmt.query([])?;
    // Each row becomes a land at once: the polygon is parsed from the row's own text, never
    // copied into a string of its own.
    let mut lands = Vec::with_capacity(row_count_hint(conn, "land"));
    while let Some(r) = rows.next()? {
        lands.push(land_from_row(r)?);
    }
    Ok(lands)
}

/// One status change as read, with its land and its place in that land's history.
struct HistoryRow {
    land_id: LandId,
    seq: i64,
    change: StatusChange,
}

/// Every status change, in table order; the free text (reason, comment, by whom) is left empty.
fn read_history(conn: &rusqlite::Connection) -> Result<Vec<HistoryRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT land_id, seq, date, status, classification, superseded
         FROM land_status_history",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::with_capacity(row_count_hint(conn, "land_status_history"));
    while let Some(r) = rows.next()? {
        let land_id = text(r, 0)?;
        let (date, status, class) = (text(r, 2)?, text(r, 3)?, text(r, 4)?);
        let bad = || bad_row("land history", land_id, &format!("{date} {status} {class}"));
        out.push(HistoryRow {
            land_id: LandId::parse(land_id).ok_or_else(bad)?,
            seq: r.get(1)?,
            change: StatusChange {
                date: parse_date(date).ok_or_else(bad)?,
                status: LandStatus::from_code(status).ok_or_else(bad)?,
                classification: Classification::from_code(class).ok_or_else(bad)?,
                reason: String::new(),
                comment: String::new(),
                by: String::new(),
                superseded: r.get(5)?,
            },
        });
    }
    Ok(out)
}

/// Gives each land its status changes, oldest first; those of other (deleted) lands are
/// dropped.
fn attach_history(lands: &mut [Land], position: &HashMap<LandId, usize>, rows: Vec<HistoryRow>) {
    let mut rows: Vec<(usize, i64, StatusChange)> = rows
        .into_iter()
        .filter_map(|row| Some((*position.get(&row.land_id)?, row.seq, row.change)))
        .collect();
    rows.sort_unstable_by_key(|(at, seq, _)| (*at, *seq));
    for (at, _, change) in rows {
        if let Some(land) = lands.get_mut(at) {
            land.status_history.push(change);
        }
    }
}

/// The number of rows `table` (a rowid table) is likely to hold, from its largest rowid (one
/// index step, no scan): the capacity to reserve before reading it whole.
fn row_count_hint(conn: &rusqlite::Connection, table: &str) -> usize {
    conn.query_row(&format!("SELECT max(rowid) FROM {table}"), [], |r| {
        r.get::<_, Option<i64>>(0)
    })
    .ok()
    .flatten()
    .and_then(|n| usize::try_from(n).ok())
    .unwrap_or(0)
    .min(10_000_000)
}

/// Every activity (not deleted) with its devices, in table order.
fn read_activities(conn: &rusqlite::Connection) -> Result<Vec<Activity>, StoreError> {
    let mut devices: HashMap<ActivityId, Vec<(i64, DeviceFound)>> = HashMap::default();
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
                date_of_information, organisation, donor, project, deminer_days,
                asset_days, cancelled_m2, reduced_with_asset_m2, reduced_without_asset_m2,
                cleared_m2, released_geometry_geojson, handover_json
         FROM activity WHERE deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::with_capacity(row_count_hint(conn, "activity"));
    while let Some(r) = rows.next()? {
        let mut activity = activity_from_row(r)?;
        if !devices.is_empty()
            && let Some(mut found) = devices.remove(&activity.id)
        {
            found.sort_by_key(|(seq, _)| *seq);
            activity.devices = found.into_iter().map(|(_, d)| d).collect();
        }
        out.push(activity);
    }
    Ok(out)
}

/// The activities of the lands at `position` (their place in code order) in land code, date and
/// code order; those of other (deleted) lands are not part of any figure and are dropped. The order is worked out on
/// indices and then applied by swaps in place: an activity is moved at most once or twice, and
/// no second copy of the list is made.
fn in_land_order(
    mut activities: Vec<Activity>,
    position: &HashMap<LandId, usize>,
) -> Vec<Activity> {
    activities.retain(|a| position.contains_key(&a.land_id));
    let keys: Vec<(usize, time::Date)> = activities
        .iter()
        .map(|a| {
            let at = position.get(&a.land_id).copied().unwrap_or(usize::MAX);
            (at, a.date_of_information)
        })
        .collect();
    let mut order: Vec<usize> = (0..activities.len()).collect();
    order.sort_unstable_by(|&i, &j| {
        keys[i]
            .cmp(&keys[j])
            .then_with(|| activities[i].code.cmp(&activities[j].code))
            .then(i.cmp(&j))
    });
    permute(&mut activities, order);
    activities
}

/// Reorders `items` so that position `i` holds what was at `order[i]`, by swaps along each
/// cycle of the permutation. `order` must be a permutation of `0..items.len()`.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
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

fn land_from_row(r: &Row<'_>) -> Result<Land, StoreError> {
    let code: String = r.get(1)?;
    let bad = |what: &str| bad_row("land", &code, what);
    let (id, date) = (text(r, 0)?, text(r, 10)?);
    let [classification, status, evidence, validation] =
        [text(r, 11)?, text(r, 12)?, text(r, 13)?, text(r, 14)?];
    let geometry = text(r, 21)?;
    let m2 = [r.get(16)?, r.get(17)?, r.get(18)?, r.get(19)?, r.get(20)?];
    Ok(Land {
        id: LandId::parse(id).ok_or_else(|| bad(id))?,
        name: r.get(2)?,
        classification: Classification::from_code(classification)
            .ok_or_else(|| bad(classification))?,
        status: LandStatus::from_code(status).ok_or_else(|| bad(status))?,
        evidence: EvidenceOfContamination::from_code(evidence).ok_or_else(|| bad(evidence))?,
        evidence_items: Vec::new(),
        hazard_types: Vec::new(),
        admin: AdminLocation {
            pcode: r.get(6)?,
            admin1: r.get(7)?,
            admin2: r.get(8)?,
            settlement: r.get(9)?,
        },
        priority: None,
        blockage: String::new(),
        expected_beneficiaries: None,
        terrain: String::new(),
        key_informants: Vec::new(),
        donor: r.get(3)?,
        project: r.get(4)?,
        organisation: r.get(5)?,
        team: String::new(),
        date_of_information: parse_date(date).ok_or_else(|| bad(date))?,
        notes: String::new(),
        validation: ValidationState::from_code(validation).ok_or_else(|| bad(validation))?,
        validation_comment: String::new(),
        submitted_by: String::new(),
        geo_unsafe: r.get(15)?,
        points: Vec::new(),
        geometry: record_geometry("land", &code, Some(geometry))?,
        geometry_issue: r.get(22)?,
        ledger: ledger_from_columns(m2),
        status_history: Vec::new(),
        source_attributes: std::collections::BTreeMap::new(),
        code,
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
    let handover: Option<Handover> = match text(r, 19)? {
        "" => None,
        json => Some(serde_json::from_str(json).map_err(|e| bad(&e.to_string()))?),
    };
    let geometry = text(r, 18)?;
    Ok(Activity {
        id: ActivityId::parse(id).ok_or_else(|| bad(id))?,
        land_id: LandId::parse(land_id).ok_or_else(|| bad(land_id))?,
        kind: ActivityKind::from_code(kind).ok_or_else(|| bad(kind))?,
        start_date: date(6)?.ok_or_else(|| bad("no start date"))?,
        end_date: date(7)?,
        date_of_information: date(8)?.ok_or_else(|| bad("no date of information"))?,
        organisation: r.get(9)?,
        team: String::new(),
        donor: r.get(10)?,
        project: r.get(11)?,
        method: if method.is_empty() {
            None
        } else {
            Some(Method::from_code(method).ok_or_else(|| bad(method))?)
        },
        deminer_days: r.get(12)?,
        asset_days: r.get(13)?,
        depth_cm: None,
        released: Released {
            cancelled_m2: AreaM2::new(r.get(14)?),
            reduced_with_asset_m2: AreaM2::new(r.get(15)?),
            reduced_without_asset_m2: AreaM2::new(r.get(16)?),
            cleared_m2: AreaM2::new(r.get(17)?),
        },
        released_geometry: record_geometry("activity", &code, Some(geometry))?,
        devices: Vec::new(),
        handover,
        direct_evidence_confirmed: false,
        notes: String::new(),
        validation: ValidationState::from_code(validation).ok_or_else(|| bad(validation))?,
        code,
    })
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn a_permutation_is_applied_in_place() {
        for order in [
            vec![],
            vec![0],
            vec![0, 1, 2, 3],
            vec![3, 2, 1, 0],
            vec![1, 2, 3, 0],
            vec![2, 0, 1, 4, 3, 5],
        ] {
            let mut items: Vec<char> = ('a'..='z').take(order.len()).collect();
            let expected: Vec<char> = order.iter().map(|&i| items[i]).collect();
            permute(&mut items, order.clone());
            assert_eq!(items, expected, "{order:?}");
        }
    }
}
