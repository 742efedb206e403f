//! The GIS layers of a programme's records: one table definition and one row mapping per
//! record type (lands, activities, hazard reports), shared by the GeoPackage export and the
//! PostgreSQL/PostGIS hub's current-state tables, so a GIS user finds the same columns in both.
//! Areas are in m² (Safeground's geodesic areas); dates are `YYYY-MM-DD`; vocabulary values are
//! their stable codes.

use super::gpkg::{GpkgColumn, GpkgColumnType, GpkgGeometryType, GpkgTable, GpkgValue};
use crate::domain::{Activity, HazardReport, Land};

fn col(name: &str, kind: GpkgColumnType) -> GpkgColumn {
    GpkgColumn {
        name: name.to_owned(),
        kind,
    }
}

fn text(s: &str) -> GpkgValue {
    if s.is_empty() {
        GpkgValue::Null
    } else {
        GpkgValue::Text(s.to_owned())
    }
}

fn real(v: Option<f64>) -> GpkgValue {
    v.map_or(GpkgValue::Null, GpkgValue::Real)
}

fn int(v: u64) -> GpkgValue {
    GpkgValue::Integer(i64::try_from(v).unwrap_or(i64::MAX))
}

fn date(d: Option<time::Date>) -> GpkgValue {
    d.map_or(GpkgValue::Null, |d| GpkgValue::Text(d.to_string()))
}

/// The `lands` layer (multipolygons).
pub fn lands_table() -> GpkgTable {
    use GpkgColumnType::{Date, Integer, Real, Text};
    GpkgTable {
        name: "lands".to_owned(),
        identifier: "Hazardous areas".to_owned(),
        description: "Lands (SHA/CHA) with their area ledger in m² (Safeground)".to_owned(),
        geometry_type: GpkgGeometryType::MultiPolygon,
        columns: vec![
            col("uuid", Text),
            col("code", Text),
            col("name", Text),
            col("classification", Text),
            col("status", Text),
            col("evidence", Text),
            col("hazard_types", Text),
            col("pcode", Text),
            col("admin1", Text),
            col("admin2", Text),
            col("settlement", Text),
            col("priority", Text),
            col("blockage", Text),
            col("expected_beneficiaries", Integer),
            col("terrain", Text),
            col("key_informants", Text),
            col("donor", Text),
            col("project", Text),
            col("organisation", Text),
            col("team", Text),
            col("date_of_information", Date),
            col("validation", Text),
            col("geo_unsafe", Integer),
            col("geometry_issue", Text),
            col("notes", Text),
            col("estimated_m2", Real),
            col("cancelled_m2", Real),
            col("reduced_m2", Real),
            col("cleared_m2", Real),
            col("remaining_m2", Real),
        ],
    }
}

/// A land's row of [`lands_table`].
pub fn land_row(land: &Land) -> Vec<GpkgValue> {
    let hazard_types: Vec<&str> = land.hazard_types.iter().map(|h| h.code()).collect();
    let informants: Vec<String> = land
        .key_informants
        .iter()
        .map(|k| {
            let extra: Vec<&str> = [k.role.as_str(), k.phone.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            if extra.is_empty() {
                k.name.clone()
            } else {
                format!("{} ({})", k.name, extra.join(", "))
            }
        })
        .collect();
    let l = &land.ledger;
    vec![
        GpkgValue::Text(land.id.to_string()),
        text(&land.code),
        text(&land.name),
        text(land.classification.code()),
        text(land.status.code()),
        text(land.evidence.code()),
        text(&hazard_types.join(",")),
        text(&land.admin.pcode),
        text(&land.admin.admin1),
        text(&land.admin.admin2),
        text(&land.admin.settlement),
        land.priority.map_or(GpkgValue::Null, |p| text(p.code())),
        text(&land.blockage),
        land.expected_beneficiaries
            .map_or(GpkgValue::Null, |n| int(u64::from(n))),
        text(&land.terrain),
        text(&informants.join("; ")),
        text(&land.donor),
        text(&land.project),
        text(&land.organisation),
        text(&land.team),
        date(Some(land.date_of_information)),
        text(land.validation.code()),
        int(u64::from(land.geo_unsafe)),
        text(land.geometry_issue.as_deref().unwrap_or("")),
        text(&land.notes),
        GpkgValue::Real(l.estimated_m2.m2()),
        GpkgValue::Real(l.cancelled_m2().m2()),
        GpkgValue::Real(l.reduced_m2().m2()),
        GpkgValue::Real(l.cleared_m2().m2()),
        GpkgValue::Real(l.remaining().m2()),
    ]
}

/// The `activities` layer (the released sub-area, if recorded).
pub fn activities_table() -> GpkgTable {
    use GpkgColumnType::{Date, Integer, Real, Text};
    GpkgTable {
        name: "activities".to_owned(),
        identifier: "Activities".to_owned(),
        description: "Survey, clearance and outcome reports; geometry is the released sub-area, if recorded (Safeground)".to_owned(),
        geometry_type: GpkgGeometryType::MultiPolygon,
        columns: vec![
            col("uuid", Text),
            col("code", Text),
            col("land_uuid", Text),
            col("land_code", Text),
            col("kind", Text),
            col("start_date", Date),
            col("end_date", Date),
            col("date_of_information", Date),
            col("organisation", Text),
            col("team", Text),
            col("donor", Text),
            col("project", Text),
            col("method", Text),
            col("deminer_days", Real),
            col("asset_days", Real),
            col("depth_cm", Real),
            col("cancelled_m2", Real),
            col("reduced_with_asset_m2", Real),
            col("reduced_without_asset_m2", Real),
            col("cleared_m2", Real),
            col("items_found", Integer),
            col("devices", Text),
            col("handover_men", Integer),
            col("handover_women", Integer),
            col("handover_boys", Integer),
            col("handover_girls", Integer),
            col("handover_note", Text),
            col("notes", Text),
            col("validation", Text),
        ],
    }
}

/// An activity's row of [`activities_table`]; `land_code` is its land's code.
pub fn activity_row(a: &Activity, land_code: &str) -> Vec<GpkgValue> {
    let devices: Vec<String> = a
        .devices
        .iter()
        .map(|d| {
            let model = if d.type_model.is_empty() {
                String::new()
            } else {
                format!(" ({})", d.type_model)
            };
            format!(
                "{} × {}{model}, {}",
                d.quantity,
                d.category.label(),
                d.disposal.label()
            )
        })
        .collect();
    let handover = |f: fn(&crate::domain::Handover) -> u32| {
        a.handover
            .as_ref()
            .map_or(GpkgValue::Null, |h| int(u64::from(f(h))))
    };
    let r = &a.released;
    vec![
        GpkgValue::Text(a.id.to_string()),
        text(&a.code),
        GpkgValue::Text(a.land_id.to_string()),
        text(land_code),
        text(a.kind.code()),
        date(Some(a.start_date)),
        date(a.end_date),
        date(Some(a.date_of_information)),
        text(&a.organisation),
        text(&a.team),
        text(&a.donor),
        text(&a.project),
        a.method.map_or(GpkgValue::Null, |m| text(m.code())),
        real(a.deminer_days),
        real(a.asset_days),
        real(a.depth_cm),
        GpkgValue::Real(r.cancelled_m2.m2()),
        GpkgValue::Real(r.reduced_with_asset_m2.m2()),
        GpkgValue::Real(r.reduced_without_asset_m2.m2()),
        GpkgValue::Real(r.cleared_m2.m2()),
        int(u64::from(a.items_found())),
        text(&devices.join("; ")),
        handover(|h| h.men),
        handover(|h| h.women),
        handover(|h| h.boys),
        handover(|h| h.girls),
        a.handover
            .as_ref()
            .map_or(GpkgValue::Null, |h| text(&h.residual_risk_note)),
        text(&a.notes),
        text(a.validation.code()),
    ]
}

/// The `hazard_reports` layer (points).
pub fn reports_table() -> GpkgTable {
    use GpkgColumnType::{Date, Integer, Text};
    GpkgTable {
        name: "hazard_reports".to_owned(),
        identifier: "Hazard reports".to_owned(),
        description: "Single items or sightings of explosive ordnance (Safeground)".to_owned(),
        geometry_type: GpkgGeometryType::Point,
        columns: vec![
            col("uuid", Text),
            col("code", Text),
            col("eo_category", Text),
            col("type_model", Text),
            col("quantity", Integer),
            col("condition", Text),
            col("reported_by", Text),
            col("reporter_phone", Text),
            col("reported_on", Date),
            col("status", Text),
            col("land_code", Text),
            col("organisation", Text),
            col("notes", Text),
            col("validation", Text),
            col("geo_unsafe", Integer),
        ],
    }
}

/// A hazard report's row of [`reports_table`]; `land_code` is its land's code (or empty).
pub fn report_row(r: &HazardReport, land_code: &str) -> Vec<GpkgValue> {
    vec![
        GpkgValue::Text(r.id.to_string()),
        text(&r.code),
        text(r.eo_category.code()),
        text(&r.type_model),
        int(u64::from(r.quantity)),
        text(r.condition.code()),
        text(&r.reported_by),
        text(&r.reporter_phone),
        date(Some(r.reported_on)),
        text(r.status.code()),
        text(land_code),
        text(&r.organisation),
        text(&r.notes),
        text(r.validation.code()),
        int(u64::from(r.geo_unsafe)),
    ]
}
