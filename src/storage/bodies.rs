//! Reading a record's whole body from its row (lands with their history), deleted and voided
//! rows included: what the change log spills and bundles carry. Uses only the codec, so the
//! record modules and the change log can both use it.

use rusqlite::{Connection, OptionalExtension};

use super::codec::{land_from_row, record_geometry, status_change_from_row};
use super::error::StoreError;
use crate::domain::{Activity, HazardReport, Land};

/// A land with its history, by id, deleted or not (the change log's bodies).
pub(crate) fn load_land_including_deleted(conn: &Connection, id: &str) -> Result<Land, StoreError> {
    load_land_where(conn, id, "")
}

pub(crate) fn load_land_where(
    conn: &Connection,
    id: &str,
    filter: &str,
) -> Result<Land, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT code, b.body_json, estimated_m2, cancelled_m2, reduced_with_asset_m2,
                reduced_without_asset_m2, cleared_m2, geometry_geojson
         FROM land l JOIN land_body b ON b.land_id = l.id
         WHERE l.id = ?1 {filter}"
    ))?;
    let mut rows = stmt.query([id])?;
    let Some(row) = rows.next()? else {
        return Err(StoreError::NotFound {
            entity: "land",
            code: id.to_owned(),
        });
    };
    let mut land = land_from_row(row)?;
    let mut stmt = conn.prepare_cached(
        "SELECT date, status, classification, reason, comment, by_who, superseded
         FROM land_status_history WHERE land_id = ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query([id])?;
    land.status_history.clear();
    while let Some(r) = rows.next()? {
        land.status_history
            .push(status_change_from_row(r, 0, &land.code)?);
    }
    Ok(land)
}

/// An activity by id, voided or not (the change log's bodies).
pub(crate) fn load_activity_including_voided(
    conn: &Connection,
    id: &str,
) -> Result<Activity, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, body_json, released_geometry_geojson FROM activity WHERE id = ?1",
    )?;
    let mut rows = stmt.query([id])?;
    let Some(r) = rows.next()? else {
        return Err(StoreError::NotFound {
            entity: "activity",
            code: id.to_owned(),
        });
    };
    let geometry: Option<String> = r.get(2)?;
    activity_from_parts(
        &r.get::<_, String>(0)?,
        &r.get::<_, String>(1)?,
        geometry.as_deref(),
    )
}

/// An activity from its code, JSON body and released polygon text.
pub(crate) fn activity_from_parts(
    code: &str,
    body: &str,
    geometry: Option<&str>,
) -> Result<Activity, StoreError> {
    let mut a: Activity = serde_json::from_str(body).map_err(|e| StoreError::BadRow {
        entity: "activity",
        code: code.to_owned(),
        detail: e.to_string(),
    })?;
    a.released_geometry = record_geometry("activity", code, geometry)?;
    Ok(a)
}

/// A hazard report by id, voided or not (the change log's bodies).
pub(crate) fn load_report_including_voided(
    conn: &Connection,
    id: &str,
) -> Result<HazardReport, StoreError> {
    let body: Option<(String, String)> = conn
        .prepare_cached("SELECT code, body_json FROM hazard_report WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (code, body) = body.ok_or_else(|| StoreError::NotFound {
        entity: "hazard report",
        code: id.to_owned(),
    })?;
    serde_json::from_str(&body).map_err(|e| StoreError::BadRow {
        entity: "hazard report",
        code,
        detail: e.to_string(),
    })
}

// ---- the bodies as they travel (change log, bundles) -----------------------------------------
//
// A record's JSON body leaves out what the store keeps in columns (a land's polygon and ledger,
// an activity's released polygon). The version that travels carries them too: `geometry` (a
// GeoJSON geometry or null), a land's typed `estimated_m2`, an activity's `released_geometry`.

fn wire_error(entity: &'static str, code: &str, detail: &dyn std::fmt::Display) -> StoreError {
    StoreError::BadRow {
        entity,
        code: code.to_owned(),
        detail: detail.to_string(),
    }
}

fn geometry_value(shape: Option<&geo_types::MultiPolygon<f64>>) -> serde_json::Value {
    shape
        .and_then(|s| serde_json::to_value(geojson::Geometry::from(s)).ok())
        .unwrap_or(serde_json::Value::Null)
}

fn geometry_of(
    entity: &'static str,
    code: &str,
    value: Option<&serde_json::Value>,
) -> Result<Option<geo_types::MultiPolygon<f64>>, StoreError> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => record_geometry(entity, code, Some(&v.to_string())),
    }
}

/// A land as it travels: its body with its polygon and typed estimate.
pub(crate) fn land_wire(land: &Land) -> Result<serde_json::Value, StoreError> {
    let mut v = serde_json::to_value(land).map_err(|e| wire_error("land", &land.code, &e))?;
    if let serde_json::Value::Object(m) = &mut v {
        m.insert(
            "geometry".to_owned(),
            geometry_value(land.geometry.as_ref()),
        );
        m.insert(
            "estimated_m2".to_owned(),
            serde_json::json!(land.ledger.estimated_m2.m2()),
        );
    }
    Ok(v)
}

/// A land from its travelling body (ledger: the estimate, nothing released yet; the store
/// recomputes the rest from the activities).
pub(crate) fn land_from_wire(v: serde_json::Value) -> Result<Land, StoreError> {
    let geometry = v.get("geometry").cloned();
    let estimated = v.get("estimated_m2").and_then(serde_json::Value::as_f64);
    let mut land: Land = serde_json::from_value(v).map_err(|e| wire_error("land", "", &e))?;
    land.geometry = geometry_of("land", &land.code, geometry.as_ref())?;
    let estimate = crate::domain::AreaM2::whole(estimated.unwrap_or(0.0));
    if !estimate.is_valid() {
        return Err(wire_error("land", &land.code, &"estimated area"));
    }
    land.ledger = crate::domain::Ledger::new(estimate);
    Ok(land)
}

/// An activity as it travels: its body with its released polygon.
pub(crate) fn activity_wire(a: &Activity) -> Result<serde_json::Value, StoreError> {
    let mut v = serde_json::to_value(a).map_err(|e| wire_error("activity", &a.code, &e))?;
    if let serde_json::Value::Object(m) = &mut v {
        m.insert(
            "released_geometry".to_owned(),
            geometry_value(a.released_geometry.as_ref()),
        );
    }
    Ok(v)
}

/// An activity from its travelling body.
pub(crate) fn activity_from_wire(v: serde_json::Value) -> Result<Activity, StoreError> {
    let geometry = v.get("released_geometry").cloned();
    let mut a: Activity = serde_json::from_value(v).map_err(|e| wire_error("activity", "", &e))?;
    a.released_geometry = geometry_of("activity", &a.code, geometry.as_ref())?;
    Ok(a)
}

/// A hazard report from its travelling body (the body is the whole report).
pub(crate) fn report_from_wire(v: serde_json::Value) -> Result<HazardReport, StoreError> {
    serde_json::from_value(v).map_err(|e| wire_error("hazard report", "", &e))
}

/// A land's status, classification and history as a travelling body has them, read from its
/// columns and history rows (no body parsed): the part of a land its activities change.
pub(crate) fn land_derived(conn: &Connection, id: &str) -> Result<serde_json::Value, StoreError> {
    let (code, status, classification): (String, String, String) = conn
        .prepare_cached("SELECT code, status, classification FROM land WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let mut stmt = conn.prepare_cached(
        "SELECT date, status, classification, reason, comment, by_who, superseded
         FROM land_status_history WHERE land_id = ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query([id])?;
    let mut history = Vec::new();
    while let Some(r) = rows.next()? {
        history.push(status_change_from_row(r, 0, &code)?);
    }
    Ok(serde_json::json!({
        "status": status,
        "classification": classification,
        "status_history": serde_json::to_value(history).map_err(|e| wire_error("land", &code, &e))?,
    }))
}
