//! Row codecs: domain values to SQLite columns and back. Stored data that cannot be read is an
//! error ([`StoreError::BadRow`] naming the record), never a silent default.

use geo_types::MultiPolygon;
use rusqlite::Row;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::error::StoreError;
use crate::domain::{
    AreaM2, AuditAction, AuditEntry, Classification, EntityKind, Land, LandId, LandStatus,
    LandSummary, Ledger, Released, StatusChange, ValidationState, parse_date,
};

/// A time as the store writes it (RFC 3339, UTC).
pub(crate) fn time_text(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// Now, as the store writes it.
pub(crate) fn now_text() -> String {
    time_text(OffsetDateTime::now_utc())
}

/// A record body as JSON text.
pub(crate) fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::BadRow {
        entity: "record",
        code: String::new(),
        detail: e.to_string(),
    })
}

/// A polygon as the GeoJSON geometry text the store keeps.
pub(crate) fn geometry_text(shape: Option<&MultiPolygon<f64>>) -> Option<String> {
    shape.and_then(|s| serde_json::to_string(&geojson::Geometry::from(s)).ok())
}

/// A stored polygon (GeoJSON geometry text) back as a multipolygon: `Ok(None)` when the column
/// is empty, an error saying why when the text is not a (multi)polygon.
pub(crate) fn parse_geometry(text: Option<&str>) -> Result<Option<MultiPolygon<f64>>, String> {
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    // Fast path: the shape this store writes, straight into coordinates (no JSON tree).
    if let Ok(stored) = serde_json::from_str::<StoredGeometry>(text)
        && let Some(shape) = stored.into_multi_polygon()
    {
        return Ok(Some(shape));
    }
    let geometry: geojson::Geometry = text
        .parse()
        .map_err(|e| format!("its polygon is not GeoJSON ({e})"))?;
    MultiPolygon::<f64>::try_from(&geometry.value)
        .map(Some)
        .map_err(|e| format!("its polygon is not a polygon or multipolygon ({e})"))
}

/// [`parse_geometry`] for a record: an unreadable polygon is a [`StoreError::BadRow`].
pub(crate) fn record_geometry(
    entity: &'static str,
    code: &str,
    text: Option<&str>,
) -> Result<Option<MultiPolygon<f64>>, StoreError> {
    parse_geometry(text).map_err(|detail| StoreError::BadRow {
        entity,
        code: code.to_owned(),
        detail,
    })
}

/// `{"type": "MultiPolygon", "coordinates": ...}` with 2-D positions: what this store writes.
#[derive(serde::Deserialize)]
struct StoredGeometry {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Vec<Vec<Vec<[f64; 2]>>>,
}

impl StoredGeometry {
    fn into_multi_polygon(self) -> Option<MultiPolygon<f64>> {
        use geo_types::{Coord, LineString, Polygon};
        if self.kind != "MultiPolygon" {
            return None;
        }
        let ring = |positions: Vec<[f64; 2]>| {
            LineString(positions.into_iter().map(|[x, y]| Coord { x, y }).collect())
        };
        let polygon = |mut rings: Vec<Vec<[f64; 2]>>| {
            if rings.is_empty() {
                return None;
            }
            let exterior = ring(rings.remove(0));
            Some(Polygon::new(
                exterior,
                rings.into_iter().map(ring).collect(),
            ))
        };
        Some(MultiPolygon(
            self.coordinates.into_iter().filter_map(polygon).collect(),
        ))
    }
}

/// A ledger from its five columns (estimated, cancelled, reduced with and without asset,
/// cleared; m²).
pub(crate) fn ledger_from_columns(m2: [f64; 5]) -> Ledger {
    Ledger {
        estimated_m2: AreaM2::new(m2[0]),
        released: Released {
            cancelled_m2: AreaM2::new(m2[1]),
            reduced_with_asset_m2: AreaM2::new(m2[2]),
            reduced_without_asset_m2: AreaM2::new(m2[3]),
            cleared_m2: AreaM2::new(m2[4]),
        },
    }
}

/// The columns of a [`LandSummary`], in the order [`summary_from_row`] reads them.
pub(crate) const SUMMARY_COLUMNS: &str =
    "id, code, name, classification, status, validation, estimated_m2,
    cancelled_m2, reduced_with_asset_m2, reduced_without_asset_m2, cleared_m2, centroid_lon,
    centroid_lat, geometry_issue, donor, organisation";

/// A land's list line from the first 16 columns of a row ([`SUMMARY_COLUMNS`]).
pub(crate) fn summary_from_row(r: &Row<'_>) -> Result<LandSummary, StoreError> {
    let code: String = r.get(1)?;
    let bad = |detail: &str| StoreError::BadRow {
        entity: "land",
        code: code.clone(),
        detail: detail.to_owned(),
    };
    let text = |i: usize| -> Result<String, StoreError> { Ok(r.get::<_, String>(i)?) };
    let (id, class, status, validation) = (text(0)?, text(3)?, text(4)?, text(5)?);
    let m2 = [r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?];
    let centroid: (Option<f64>, Option<f64>) = (r.get(11)?, r.get(12)?);
    Ok(LandSummary {
        id: LandId::parse(&id).ok_or_else(|| bad("bad id"))?,
        classification: Classification::from_code(&class)
            .ok_or_else(|| bad("bad classification"))?,
        status: LandStatus::from_code(&status).ok_or_else(|| bad("bad status"))?,
        validation: ValidationState::from_code(&validation).ok_or_else(|| bad("bad validation"))?,
        ledger: ledger_from_columns(m2),
        centroid: centroid.0.zip(centroid.1).map(|(a, b)| [a, b]),
        geometry_issue: r.get(13)?,
        name: text(2)?,
        donor: text(14)?,
        organisation: text(15)?,
        code,
    })
}

/// A land from `code, body_json (of land_body), the five ledger columns, geometry_geojson`
/// (history not loaded).
pub(crate) fn land_from_row(r: &Row<'_>) -> Result<Land, StoreError> {
    let code: String = r.get(0)?;
    let body: String = r.get(1)?;
    let m2 = [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?];
    let geometry: Option<String> = r.get(7)?;
    let mut land: Land = serde_json::from_str(&body).map_err(|e| StoreError::BadRow {
        entity: "land",
        code: code.clone(),
        detail: e.to_string(),
    })?;
    land.ledger = ledger_from_columns(m2);
    land.geometry = record_geometry("land", &code, geometry.as_deref())?;
    Ok(land)
}

/// A status change from `date, status, classification, reason, comment, by_who, superseded`
/// starting at column `first`.
pub(crate) fn status_change_from_row(
    r: &Row<'_>,
    first: usize,
    code: &str,
) -> Result<StatusChange, StoreError> {
    let date: String = r.get(first)?;
    let status: String = r.get(first + 1)?;
    let class: String = r.get(first + 2)?;
    let bad = || StoreError::BadRow {
        entity: "land history",
        code: code.to_owned(),
        detail: format!("{date} {status} {class}"),
    };
    Ok(StatusChange {
        date: parse_date(&date).ok_or_else(bad)?,
        status: LandStatus::from_code(&status).ok_or_else(bad)?,
        classification: Classification::from_code(&class).ok_or_else(bad)?,
        reason: r.get(first + 3)?,
        comment: r.get(first + 4)?,
        by: r.get(first + 5)?,
        superseded: r.get(first + 6)?,
    })
}

/// The columns of an [`AuditEntry`], in the order [`audit_from_row`] reads them.
pub(crate) const AUDIT_COLUMNS: &str =
    "at, who, device, entity, entity_id, entity_code, action, field, old_value, new_value";

/// An audit entry from [`AUDIT_COLUMNS`].
pub(crate) fn audit_from_row(r: &Row<'_>) -> Result<AuditEntry, StoreError> {
    let at: String = r.get(0)?;
    let entity: String = r.get(3)?;
    let entity_id: String = r.get(4)?;
    let entity_code: String = r.get(5)?;
    let action: String = r.get(6)?;
    let bad = |detail: String| StoreError::BadRow {
        entity: "audit entry",
        code: entity_code.clone(),
        detail,
    };
    Ok(AuditEntry {
        at: OffsetDateTime::parse(&at, &Rfc3339)
            .map_err(|e| bad(format!("bad time {at} ({e})")))?,
        who: r.get(1)?,
        device: r.get(2)?,
        entity: EntityKind::from_code(&entity).ok_or_else(|| bad(format!("bad kind {entity}")))?,
        entity_id: uuid::Uuid::parse_str(&entity_id)
            .map_err(|e| bad(format!("bad id {entity_id} ({e})")))?,
        action: AuditAction::from_code(&action)
            .ok_or_else(|| bad(format!("bad action {action}")))?,
        field: r.get(7)?,
        old_value: r.get(8)?,
        new_value: r.get(9)?,
        entity_code,
    })
}

#[cfg(test)]
mod tests {
    use geo_types::{MultiPolygon, polygon};

    use super::{geometry_text, parse_geometry};

    #[test]
    fn stored_polygons_read_back_exactly_by_either_path() {
        let with_hole = polygon!(
            exterior: [(x: 18.0, y: 44.0), (x: 18.01, y: 44.0), (x: 18.01, y: 44.01), (x: 18.0, y: 44.0)],
            interiors: [[(x: 18.004, y: 44.002), (x: 18.006, y: 44.002), (x: 18.006, y: 44.004), (x: 18.004, y: 44.002)]],
        );
        let shape = MultiPolygon(vec![with_hole.clone(), with_hole]);
        let text = geometry_text(Some(&shape)).unwrap();
        assert_eq!(parse_geometry(Some(&text)), Ok(Some(shape.clone())));
        // A position with a height is read by the general path.
        let with_z = r#"{"type":"MultiPolygon","coordinates":[[[[18,44,5],[18.01,44,5],[18.01,44.01,5],[18,44,5]]]]}"#;
        assert_eq!(
            parse_geometry(Some(with_z)).map(|m| m.map(|m| m.0.len())),
            Ok(Some(1))
        );
        // Unreadable text is an error, never a land without a polygon.
        for junk in ["{}", "[1,2]", r#"{"type":"Point","coordinates":[18,44]}"#] {
            assert!(parse_geometry(Some(junk)).is_err(), "{junk}");
        }
        assert_eq!(parse_geometry(None), Ok(None));
        assert_eq!(parse_geometry(Some("")), Ok(None));
    }
}
