//! Writing our own GeoJSON: every field of every record, a `safeground_schema` version, polygons as
//! RFC 7946 geometries.

use super::SCHEMA_VERSION;
use crate::domain::{Activity, HazardReport, Land, LandId};
use crate::io::IoError;
use geo_types::MultiPolygon;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::io::Write;

// ---- export ---------------------------------------------------------------------------------

pub(super) fn geometry_json(shape: &MultiPolygon<f64>) -> Value {
    let geometry = if shape.0.len() == 1 {
        geojson::Geometry::from(&shape.0[0])
    } else {
        geojson::Geometry::from(shape)
    };
    serde_json::to_value(geometry).unwrap_or(Value::Null)
}

pub(super) fn object(
    value: Result<Value, serde_json::Error>,
) -> Result<Map<String, Value>, IoError> {
    match value? {
        Value::Object(m) => Ok(m),
        _ => Ok(Map::new()),
    }
}

/// The GeoJSON feature of a land.
pub fn land_feature(land: &Land) -> Result<Value, IoError> {
    let mut props = object(serde_json::to_value(land))?;
    props.insert("record_type".into(), json!("land"));
    let l = &land.ledger;
    props.insert("estimated_m2".into(), json!(l.estimated_m2.m2()));
    props.insert("cancelled_m2".into(), json!(l.cancelled_m2().m2()));
    props.insert("reduced_m2".into(), json!(l.reduced_m2().m2()));
    props.insert("cleared_m2".into(), json!(l.cleared_m2().m2()));
    props.insert("remaining_m2".into(), json!(l.remaining().m2()));
    Ok(json!({
        "type": "Feature",
        "id": land.id.to_string(),
        "geometry": land.geometry.as_ref().map_or(Value::Null, geometry_json),
        "properties": props,
    }))
}

/// The GeoJSON feature of an activity (`land_code` added for people reading the file).
pub fn activity_feature(activity: &Activity, land_code: &str) -> Result<Value, IoError> {
    let mut props = object(serde_json::to_value(activity))?;
    props.insert("record_type".into(), json!("activity"));
    props.insert("land_code".into(), json!(land_code));
    Ok(json!({
        "type": "Feature",
        "id": activity.id.to_string(),
        "geometry": activity.released_geometry.as_ref().map_or(Value::Null, geometry_json),
        "properties": props,
    }))
}

/// The GeoJSON feature of a hazard report.
pub fn hazard_report_feature(
    report: &HazardReport,
    land_code: Option<&str>,
) -> Result<Value, IoError> {
    let mut props = object(serde_json::to_value(report))?;
    props.insert("record_type".into(), json!("hazard_report"));
    props.insert(
        "land_code".into(),
        land_code.map_or(Value::Null, |c| json!(c)),
    );
    let p = report.location.lon_lat;
    Ok(json!({
        "type": "Feature",
        "id": report.id.to_string(),
        "geometry": {"type": "Point", "coordinates": [p.lon_deg, p.lat_deg]},
        "properties": props,
    }))
}

/// Writes one `FeatureCollection`: lands by code, activities by land code / date / code, hazard
/// reports by code; one feature per line, keys sorted, so the same data gives the same bytes.
pub fn write_geojson(
    out: &mut dyn Write,
    lands: &[Land],
    activities: &[Activity],
    reports: &[HazardReport],
) -> Result<(), IoError> {
    write_geojson_with_progress(out, lands, activities, reports, &mut |_, _| true)
}

/// Like [`write_geojson`], calling `progress(done, total)` every 200 features and at the end; when it returns
/// false the export stops with [`IoError::Cancelled`].
pub fn write_geojson_with_progress(
    out: &mut dyn Write,
    lands: &[Land],
    activities: &[Activity],
    reports: &[HazardReport],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(), IoError> {
    let total = lands.len() + activities.len() + reports.len();
    let mut done = 0usize;
    let codes: BTreeMap<LandId, &str> = lands.iter().map(|l| (l.id, l.code.as_str())).collect();
    let mut lands: Vec<&Land> = lands.iter().collect();
    lands.sort_by(|a, b| a.code.cmp(&b.code));
    let mut activities: Vec<(&str, &Activity)> = activities
        .iter()
        .map(|a| (codes.get(&a.land_id).copied().unwrap_or(""), a))
        .collect();
    activities.sort_by(|a, b| {
        (a.0, a.1.date_of_information, &a.1.code).cmp(&(b.0, b.1.date_of_information, &b.1.code))
    });
    let mut reports: Vec<&HazardReport> = reports.iter().collect();
    reports.sort_by(|a, b| a.code.cmp(&b.code));

    writeln!(
        out,
        "{{\"type\":\"FeatureCollection\",\"safeground_schema\":{SCHEMA_VERSION},\"features\":["
    )?;
    let mut first = true;
    let mut emit = |out: &mut dyn Write, feature: Value| -> Result<(), IoError> {
        if !first {
            writeln!(out, ",")?;
        }
        first = false;
        serde_json::to_writer(&mut *out, &feature)?;
        done += 1;
        if (done.is_multiple_of(200) || done == total) && !progress(done, total) {
            return Err(IoError::Cancelled);
        }
        Ok(())
    };
    for land in lands {
        emit(out, land_feature(land)?)?;
    }
    for (code, activity) in activities {
        emit(out, activity_feature(activity, code)?)?;
    }
    for report in reports {
        let code = report.land_id.and_then(|id| codes.get(&id).copied());
        emit(out, hazard_report_feature(report, code)?)?;
    }
    writeln!(out, "\n]}}")?;
    Ok(())
}
