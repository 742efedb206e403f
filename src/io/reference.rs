//! Reading reference layers from GeoJSON and Shapefile bytes into [`ReferenceLayer`]s on
//! longitude/latitude. (GeoPackage layers are read by `storage::reference`, which owns SQLite.)

use std::collections::HashMap;
use std::io::Cursor;

use geo_types::Geometry;

use crate::domain::ReferenceLayer;
use crate::geometry::{Crs, reference_feature};

/// The most features a reference layer may hold (a national settlements layer has tens of
/// thousands; more is not a reference layer for a laptop's map).
pub const MAX_REFERENCE_FEATURES: usize = 2_000_000;

/// Why a reference layer could not be read. Messages name the file part and the reason, never
/// attribute values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceReadError {
    /// Not GeoJSON, or not a `FeatureCollection`/`Feature`.
    #[error("not a GeoJSON feature collection: {0}")]
    GeoJson(String),
    /// The Shapefile's `.shp` or `.dbf` could not be read.
    #[error("the Shapefile could not be read: {0}")]
    Shapefile(String),
    /// The `.dbf` beside the `.shp` is missing.
    #[error("the Shapefile's attribute file ({0}) is missing beside it")]
    MissingPart(String),
    /// The file's coordinate system is one Safeground cannot convert from.
    #[error(
        "its coordinate system ({0}) is not one Safeground converts (WGS84 longitude/latitude, Web Mercator or WGS84 UTM); reproject it to EPSG:4326 first"
    )]
    Crs(String),
    /// More features than [`MAX_REFERENCE_FEATURES`].
    #[error("it has more than {MAX_REFERENCE_FEATURES} features")]
    TooLarge,
}

/// Reads a GeoJSON `FeatureCollection` (or one `Feature`). Coordinates are RFC 7946
/// longitude/latitude; a legacy `crs` member naming Web Mercator or WGS84 UTM is converted.
/// Attributes are the union of the features' property names in first-seen order.
pub fn read_geojson_layer(bytes: &[u8]) -> Result<ReferenceLayer, ReferenceReadError> {
    let gj: geojson::GeoJson = serde_json::from_slice(bytes).map_err(|e| {
        ReferenceReadError::GeoJson(format!("line {}: {:?} error", e.line(), e.classify()))
    })?;
    let (features, foreign) = match gj {
        geojson::GeoJson::FeatureCollection(fc) => (fc.features, fc.foreign_members),
        geojson::GeoJson::Feature(f) => (vec![f], None),
        geojson::GeoJson::Geometry(_) => {
            return Err(ReferenceReadError::GeoJson(
                "a bare geometry, with no features".to_owned(),
            ));
        }
    };
    if features.len() > MAX_REFERENCE_FEATURES {
        return Err(ReferenceReadError::TooLarge);
    }
    let crs = legacy_crs(foreign.as_ref())?;
    let mut fields: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::with_capacity(features.len());
    let mut skipped = 0;
    for feature in features {
        let geometry = feature
            .geometry
            .and_then(|g| Geometry::<f64>::try_from(g).ok())
            .and_then(|g| crs.geometry_to_lon_lat(&g));
        let Some(geometry) = geometry else {
            skipped += 1;
            continue;
        };
        let mut values: Vec<(usize, String)> = Vec::new();
        for (key, value) in feature.properties.into_iter().flatten() {
            let at = *index.entry(key.clone()).or_insert_with(|| {
                fields.push(key);
                fields.len() - 1
            });
            values.push((at, json_text(&value)));
        }
        rows.push((geometry, values));
    }
    let width = fields.len();
    let mut layer = ReferenceLayer {
        fields,
        features: Vec::with_capacity(rows.len()),
        skipped,
    };
    for (geometry, values) in rows {
        let mut row = vec![String::new(); width];
        for (at, v) in values {
            row[at] = v;
        }
        match reference_feature(geometry, row) {
            Some(f) => layer.features.push(f),
            None => layer.skipped += 1,
        }
    }
    Ok(layer)
}

fn legacy_crs(
    foreign: Option<&serde_json::Map<String, serde_json::Value>>,
) -> Result<Crs, ReferenceReadError> {
    let Some(name) = foreign
        .and_then(|m| m.get("crs"))
        .and_then(|c| c.pointer("/properties/name"))
        .and_then(serde_json::Value::as_str)
    else {
        return Ok(Crs::LonLat);
    };
    if name.to_ascii_uppercase().contains("CRS84") {
        return Ok(Crs::LonLat);
    }
    // The EPSG code is the trailing number ("EPSG:32634", "urn:ogc:def:crs:EPSG::32634").
    name.rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap_or_default()
        .parse::<i64>()
        .ok()
        .and_then(Crs::from_epsg)
        .ok_or_else(|| ReferenceReadError::Crs(name.chars().take(60).collect()))
}

fn json_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads a Shapefile from its parts: `.shp`, `.dbf` and, when present, `.prj` (without one the
/// coordinates are taken as longitude/latitude, and refused when they do not fit).
pub fn read_shapefile_layer(
    shp: &[u8],
    dbf: &[u8],
    prj: Option<&str>,
) -> Result<ReferenceLayer, ReferenceReadError> {
    let crs = match prj {
        Some(wkt) => Crs::from_wkt(wkt).ok_or_else(|| {
            let name = wkt
                .split('"')
                .nth(1)
                .unwrap_or("unnamed")
                .chars()
                .take(60)
                .collect();
            ReferenceReadError::Crs(name)
        })?,
        None => Crs::LonLat,
    };
    let shp_error = |e: shapefile::Error| ReferenceReadError::Shapefile(e.to_string());
    let dbf_reader = || {
        dbase::ReaderBuilder::new()
            .with_encoding(dbase::encoding::UnicodeLossy)
            .build(Cursor::new(dbf))
            .map_err(|e| ReferenceReadError::Shapefile(format!("attributes: {e}")))
    };
    let fields: Vec<String> = dbf_reader()?
        .fields()
        .iter()
        .map(|f| f.name().to_owned())
        .filter(|n| !n.eq_ignore_ascii_case("DeletionFlag"))
        .collect();
    let shapes = shapefile::ShapeReader::new(Cursor::new(shp)).map_err(shp_error)?;
    let mut reader = shapefile::Reader::new(shapes, dbf_reader()?);
    let mut layer = ReferenceLayer {
        fields,
        features: Vec::new(),
        skipped: 0,
    };
    for item in reader.iter_shapes_and_records() {
        if layer.features.len() + layer.skipped >= MAX_REFERENCE_FEATURES {
            return Err(ReferenceReadError::TooLarge);
        }
        let (shape, record) = item.map_err(shp_error)?;
        let geometry = Geometry::<f64>::try_from(shape)
            .ok()
            .and_then(|g| crs.geometry_to_lon_lat(&g));
        let Some(geometry) = geometry else {
            layer.skipped += 1;
            continue;
        };
        let mut map: HashMap<String, dbase::FieldValue> = record.into();
        let values = layer
            .fields
            .iter()
            .map(|f| map.remove(f).map(|v| dbase_text(&v)).unwrap_or_default())
            .collect();
        match reference_feature(geometry, values) {
            Some(f) => layer.features.push(f),
            None => layer.skipped += 1,
        }
    }
    Ok(layer)
}

fn dbase_text(value: &dbase::FieldValue) -> String {
    use dbase::FieldValue as V;
    let number = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{v:.0}")
        } else {
            v.to_string()
        }
    };
    match value {
        V::Character(s) => s.clone().unwrap_or_default().trim().to_owned(),
        V::Numeric(n) => n.map(number).unwrap_or_default(),
        V::Float(n) => n.map(|v| number(f64::from(v))).unwrap_or_default(),
        V::Logical(b) => b.map(|b| b.to_string()).unwrap_or_default(),
        V::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        V::Integer(i) => i.to_string(),
        V::Currency(v) | V::Double(v) => number(*v),
        V::Memo(s) => s.clone(),
        V::DateTime(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geojson_features_keep_their_attributes_in_first_seen_order() {
        let text = br#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"Gornji Vakuf","pop":2200},
           "geometry":{"type":"Point","coordinates":[17.59,43.94]}},
          {"type":"Feature","properties":{"ADM2_PCODE":"BA0101","name":null},
           "geometry":{"type":"Polygon","coordinates":[[[17,43],[18,43],[18,44],[17,43]]]}},
          {"type":"Feature","properties":{"name":"nowhere"},"geometry":null},
          {"type":"Feature","properties":{"name":"off"},"geometry":{"type":"Point","coordinates":[400,0]}}
        ]}"#;
        let layer = read_geojson_layer(text).unwrap();
        assert_eq!(layer.fields, ["name", "pop", "ADM2_PCODE"]);
        assert_eq!(layer.features.len(), 2);
        assert_eq!(layer.skipped, 2);
        assert_eq!(layer.features[0].values, ["Gornji Vakuf", "2200", ""]);
        assert_eq!(layer.features[1].values, ["", "", "BA0101"]);
        assert!(
            layer.features[1]
                .bbox_lon_lat
                .iter()
                .zip([17.0, 43.0, 18.0, 44.0])
                .all(|(a, b)| (a - b).abs() < 1e-12)
        );
    }

    #[test]
    fn a_legacy_crs_is_converted_or_named_in_the_refusal() {
        let utm = br#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32634"}},
          "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[292094.744,4859165.603]}}]}"#;
        let layer = read_geojson_layer(utm).unwrap();
        let b = layer.features[0].bbox_lon_lat;
        assert!((b[0] - 18.4131).abs() < 1e-6 && (b[1] - 43.8563).abs() < 1e-6);
        let other = br#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:31276"}},"features":[]}"#;
        let err = read_geojson_layer(other).unwrap_err();
        assert!(err.to_string().contains("EPSG:31276"), "{err}");
        assert!(read_geojson_layer(b"[1,2]").is_err());
    }
}
