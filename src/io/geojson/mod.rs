//! GeoJSON (RFC 7946) export and import of lands, activities and hazard reports
//! (C7; property schema in `docs/geojson-schema.md`).

use std::collections::BTreeMap;

use geo_types::{Geometry, MultiPolygon};
use rayon::prelude::*;
use serde_json::{Map, Value, json};
use time::Date;

use super::IoError;
use crate::domain::{
    Activity, ActivityId, AreaM2, Classification, EoCategory, FileProperties, HazardReport,
    HazardReportDraft, ImportBatch, ImportItem, ImportMapping, ImportRecord, ImportReporter, Land,
    LandDraft, LandId, LandRef, LandStatus, Ledger, LonLat, PropertySummary, check_land,
    normalise_key,
};
use crate::geometry::{coords::parse_coord, normalise_winding};

mod write;
pub use write::{
    activity_feature, hazard_report_feature, land_feature, write_geojson,
    write_geojson_with_progress,
};

/// The schema version written into `safeground_schema`.
pub const SCHEMA_VERSION: u64 = 1;

/// Most items (devices) found on one activity, as the activity form and the CSV import accept
/// (`domain/draft.rs`); `Activity::items_found` adds them up in a `u32`.
const MAX_ITEMS_FOUND: u64 = 1_000_000;

// ---- import ---------------------------------------------------------------------------------

/// Reads a GeoJSON file into an import batch. Fatal problems (not UTF-8, not JSON, not GeoJSON,
/// a newer schema) are errors; per-feature problems go to `reporter`.
pub fn read_geojson(
    bytes: &[u8],
    reporter: &mut ImportReporter,
    today: Date,
) -> Result<ImportBatch, IoError> {
    read_geojson_mapped(bytes, reporter, today, &ImportMapping::default())
}

/// [`read_geojson`] with the properties of a foreign file mapped to land fields as the person
/// chose (`mapping`); fields it leaves out are guessed from the usual names.
pub fn read_geojson_mapped(
    bytes: &[u8],
    reporter: &mut ImportReporter,
    today: Date,
    mapping: &ImportMapping,
) -> Result<ImportBatch, IoError> {
    let text = std::str::from_utf8(bytes).map_err(|e| IoError::NotUtf8 {
        byte: e.valid_up_to(),
    })?;
    // The collection is scanned once; features stay as slices of the input (`RawValue`) and are
    // parsed one at a time, so a 500 MB file never becomes a 10 GB tree of JSON values.
    let root: Root<'_> = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            IoError::NotGeoJson("the file is JSON but not a GeoJSON object".into())
        } else {
            IoError::Json {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }
        }
    })?;
    let features: Vec<&serde_json::value::RawValue> = match root.kind.as_deref() {
        Some("FeatureCollection") => match root
            .features
            .filter(|f| f.get().starts_with('['))
            .map(|f| serde_json::from_str(f.get()))
        {
            Some(Ok(features)) => features,
            _ => {
                return Err(IoError::NotGeoJson(
                    "the FeatureCollection has no \"features\" array".into(),
                ));
            }
        },
        Some("Feature") => vec![serde_json::from_str(text)?],
        Some(other) => {
            return Err(IoError::NotGeoJson(format!(
                "the file is a GeoJSON {other}, not a FeatureCollection or Feature; nothing to import"
            )));
        }
        None => {
            return Err(IoError::NotGeoJson(
                "the JSON object has no \"type\"; it is not GeoJSON".into(),
            ));
        }
    };
    let ours = match &root.safeground_schema {
        None => false,
        Some(v) => match v.as_u64() {
            Some(SCHEMA_VERSION) => true,
            Some(n) if n > SCHEMA_VERSION => return Err(IoError::NewerSchema(n)),
            _ => {
                return Err(IoError::NotGeoJson(format!(
                    "unknown safeground_schema {v}"
                )));
            }
        },
    };
    // Features are parsed on every core, in chunks; each chunk's issues, counts and records are
    // then joined in file order, so the result is the same as one pass.
    let chunk = features
        .len()
        .div_ceil(rayon::current_num_threads())
        .max(1_000);
    let parts: Vec<Result<FeatureReader, IoError>> = features
        .par_chunks(chunk)
        .enumerate()
        .map(|(n, part)| {
            let offset = n * chunk;
            let mut reader = FeatureReader::new(&reporter.file, today, ours);
            reader.mapping = mapping.clone();
            for (i, raw) in part.iter().enumerate() {
                let feature = parse_feature(text, offset + i, raw)?;
                reader.feature(offset + i, &feature);
            }
            Ok(reader)
        })
        .collect();
    let mut reader = FeatureReader::new(&reporter.file, today, ours);
    for part in parts {
        let part = part?;
        reader.reporter.issues.extend(part.reporter.issues);
        reader.defaulted_dates += part.defaulted_dates;
        for (key, count) in part.unknown_values {
            *reader.unknown_values.entry(key).or_default() += count;
        }
        reader.items.extend(part.items);
    }
    reader.finish();
    reporter.issues.append(&mut reader.reporter.issues);
    Ok(ImportBatch {
        items: reader.items,
    })
}

/// The properties of a GeoJSON file for the import's mapping step: each property's name, how
/// many features fill it and up to three example values; `ours` when Safeground wrote the file
/// (nothing to map). Reads only the properties.
pub fn geojson_properties(bytes: &[u8]) -> Result<FileProperties, IoError> {
    #[derive(serde::Deserialize)]
    struct PropertiesOnly {
        #[serde(default)]
        properties: Option<Map<String, Value>>,
    }
    let text = std::str::from_utf8(bytes).map_err(|e| IoError::NotUtf8 {
        byte: e.valid_up_to(),
    })?;
    let root: Root<'_> = serde_json::from_str(text)?;
    let ours = root.safeground_schema.is_some();
    let features: Vec<&serde_json::value::RawValue> = match root.features {
        Some(f) if f.get().starts_with('[') => serde_json::from_str(f.get())?,
        _ => Vec::new(),
    };
    let mut out = FileProperties {
        ours,
        features: features.len(),
        properties: Vec::new(),
    };
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for raw in &features {
        let Ok(f) = serde_json::from_str::<PropertiesOnly>(raw.get()) else {
            continue;
        };
        for (key, value) in f.properties.into_iter().flatten() {
            let at = *index.entry(key.clone()).or_insert_with(|| {
                out.properties.push(PropertySummary {
                    name: key.clone(),
                    filled: 0,
                    samples: Vec::new(),
                });
                out.properties.len() - 1
            });
            let text = match &value {
                Value::Null => continue,
                Value::String(s) if s.trim().is_empty() => continue,
                Value::String(s) => s.trim().to_owned(),
                other => other.to_string(),
            };
            let p = &mut out.properties[at];
            p.filled += 1;
            let short: String = text.chars().take(40).collect();
            if p.samples.len() < 3 && !p.samples.contains(&short) {
                p.samples.push(short);
            }
        }
    }
    Ok(out)
}

/// Parses feature `index` (a slice of `text`); a JSON error gives its line and column in the file.
fn parse_feature(
    text: &str,
    index: usize,
    raw: &serde_json::value::RawValue,
) -> Result<Value, IoError> {
    // The scan checked the syntax; numbers out of range (1e999) show up only here.
    serde_json::from_str(raw.get()).map_err(|e| {
        let start = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let before = text.get(..start).unwrap_or("");
        let line = before.matches('\n').count() + e.line();
        let column = if e.line() == 1 {
            before.len() - before.rfind('\n').map_or(0, |i| i + 1) + e.column()
        } else {
            e.column()
        };
        IoError::Json {
            line,
            column,
            message: format!("feature {index}: {e}"),
        }
    })
}

/// The top level of a GeoJSON file, features kept as raw slices of the input.
#[derive(serde::Deserialize)]
struct Root<'a> {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(borrow, default)]
    features: Option<&'a serde_json::value::RawValue>,
    #[serde(default)]
    safeground_schema: Option<Value>,
}

struct FeatureReader {
    reporter: ImportReporter,
    today: Date,
    ours: bool,
    defaulted_dates: usize,
    /// (field, value) → count, for one warning per distinct unrecognised value.
    unknown_values: BTreeMap<(String, String), usize>,
    items: Vec<ImportItem>,
    /// Which property is which land field (foreign files).
    mapping: ImportMapping,
}

/// What a feature's geometry turned out to be.
enum Shape {
    None,
    Empty,
    Area(MultiPolygon<f64>),
    Point(LonLat),
    Other(&'static str),
}

impl FeatureReader {
    /// A reader with no records or issues yet, for `file` (the label of its messages).
    fn new(file: &str, today: Date, ours: bool) -> Self {
        Self {
            reporter: ImportReporter::new(file),
            today,
            ours,
            defaulted_dates: 0,
            unknown_values: BTreeMap::new(),
            items: Vec::new(),
            mapping: ImportMapping::default(),
        }
    }

    fn finish(&mut self) {
        if self.defaulted_dates > 0 {
            self.reporter.warn(
                None,
                None,
                "date_of_information",
                format!(
                    "{} features had no date; the import date {} was used",
                    self.defaulted_dates, self.today
                ),
            );
        }
        for ((field, value), count) in std::mem::take(&mut self.unknown_values) {
            let fallback = match field.as_str() {
                "classification" => "recorded as SHA",
                "status" => "recorded as Open",
                _ => "recorded as other",
            };
            self.reporter.warn(
                None,
                None,
                &field,
                format!("'{value}' is not a known {field} ({count} features); {fallback}, the original kept in source_attributes"),
            );
        }
    }

    fn feature(&mut self, index: usize, feature: &Value) {
        let Some(obj) = feature.as_object() else {
            self.reporter
                .error(Some(index), None, "", "is not a JSON object");
            return;
        };
        if obj.get("type").and_then(Value::as_str) != Some("Feature") {
            self.reporter
                .error(Some(index), None, "type", "is not a GeoJSON Feature");
            return;
        }
        let props = match obj.get("properties") {
            Some(Value::Object(p)) => p.clone(),
            None | Some(Value::Null) => Map::new(),
            Some(_) => {
                self.reporter
                    .error(Some(index), None, "properties", "must be an object or null");
                return;
            }
        };
        let shape = match read_shape(obj.get("geometry")) {
            Ok(s) => s,
            Err(message) => {
                let code = props.get("code").and_then(Value::as_str);
                self.reporter.error(Some(index), code, "geometry", message);
                return;
            }
        };
        if self.ours {
            self.own_feature(index, props, shape);
        } else {
            self.foreign_feature(index, &props, shape);
        }
    }

    // ---- our own schema ----

    fn own_feature(&mut self, index: usize, mut props: Map<String, Value>, shape: Shape) {
        let record_type = props
            .remove("record_type")
            .and_then(|v| v.as_str().map(str::to_owned));
        let code = props.get("code").and_then(Value::as_str).map(str::to_owned);
        let code = code.as_deref();
        match record_type.as_deref() {
            Some("land") => {
                let estimated = props.get("estimated_m2").and_then(Value::as_f64);
                for k in [
                    "estimated_m2",
                    "cancelled_m2",
                    "reduced_m2",
                    "cleared_m2",
                    "remaining_m2",
                ] {
                    props.remove(k);
                }
                let snapshot = props
                    .get("status_history")
                    .and_then(Value::as_array)
                    .is_some_and(|h| !h.is_empty());
                let mut land: Land = match typed_record(&props) {
                    Ok(l) => l,
                    Err((field, message)) => {
                        return self.reporter.error(Some(index), code, &field, message);
                    }
                };
                match shape {
                    Shape::Area(mp) => land.geometry = Some(self.rewound(index, code, &mp)),
                    Shape::None => {}
                    Shape::Empty | Shape::Point(_) | Shape::Other(_) => {
                        return self.reporter.error(
                            Some(index),
                            code,
                            "geometry",
                            "a land needs a Polygon, a MultiPolygon or null",
                        );
                    }
                }
                if let Some(e) = estimated.filter(|_| land.geometry.is_none()) {
                    land.ledger = Ledger::new(AreaM2::whole(e));
                }
                let errors = check_land(&land);
                if !errors.is_empty() {
                    for e in errors {
                        self.reporter.error(Some(index), code, &e.field, e.message);
                    }
                    return;
                }
                self.items.push(ImportItem {
                    feature: index,
                    record: ImportRecord::Land {
                        land: Box::new(land),
                        snapshot,
                    },
                });
            }
            Some("activity") => {
                let Some(land_ref) = take_land_ref(&mut props) else {
                    return self.reporter.error(
                        Some(index),
                        code,
                        "land_code",
                        "an activity needs land_id or land_code",
                    );
                };
                props
                    .entry("land_id")
                    .or_insert_with(|| json!(LandId(uuid::Uuid::nil()).to_string()));
                if !props.contains_key("id") {
                    props.insert("id".into(), json!(ActivityId::random().to_string()));
                }
                let mut activity: Activity = match typed_record(&props) {
                    Ok(a) => a,
                    Err((field, message)) => {
                        return self.reporter.error(Some(index), code, &field, message);
                    }
                };
                match shape {
                    Shape::Area(mp) => {
                        activity.released_geometry = Some(self.rewound(index, code, &mp));
                    }
                    Shape::None => {}
                    _ => {
                        return self.reporter.error(
                            Some(index),
                            code,
                            "geometry",
                            "an activity's geometry must be its released polygon or null",
                        );
                    }
                }
                let items: u64 = activity.devices.iter().map(|d| u64::from(d.quantity)).sum();
                if items > MAX_ITEMS_FOUND {
                    return self.reporter.error(
                        Some(index),
                        code,
                        "devices",
                        format!(
                            "{items} items in all is more than the maximum of {MAX_ITEMS_FOUND} on one activity"
                        ),
                    );
                }
                let errors = crate::domain::check_activity(&activity);
                if !errors.is_empty() {
                    for e in errors {
                        self.reporter.error(Some(index), code, &e.field, e.message);
                    }
                    return;
                }
                self.items.push(ImportItem {
                    feature: index,
                    record: ImportRecord::Activity {
                        activity: Box::new(activity),
                        land: land_ref,
                    },
                });
            }
            Some("hazard_report") => {
                let land_ref = take_land_ref(&mut props);
                props.remove("land_id");
                let mut report: HazardReport = match typed_record(&props) {
                    Ok(r) => r,
                    Err((field, message)) => {
                        return self.reporter.error(Some(index), code, &field, message);
                    }
                };
                report.land_id = None;
                let errors = crate::domain::check_hazard_report(&report);
                if !errors.is_empty() {
                    for e in errors {
                        self.reporter.error(Some(index), code, &e.field, e.message);
                    }
                    return;
                }
                if let Shape::Point(p) = shape
                    && (p.lon_deg - report.location.lon_lat.lon_deg).abs() > 1e-9
                {
                    self.reporter.warn(
                        Some(index),
                        code,
                        "geometry",
                        "differs from properties.location; the location was used",
                    );
                }
                self.items.push(ImportItem {
                    feature: index,
                    record: ImportRecord::HazardReport {
                        report: Box::new(report),
                        land: land_ref,
                    },
                });
            }
            Some(other) => self.reporter.error(
                Some(index),
                code,
                "record_type",
                format!("'{other}' is not land, activity or hazard_report"),
            ),
            None => self
                .reporter
                .error(Some(index), code, "record_type", "is missing"),
        }
    }

    fn rewound(
        &mut self,
        index: usize,
        code: Option<&str>,
        shape: &MultiPolygon<f64>,
    ) -> MultiPolygon<f64> {
        let (oriented, changed) = normalise_winding(shape);
        if changed {
            self.reporter.warn(
                Some(index),
                code,
                "geometry",
                "clockwise ring normalised to counter-clockwise (RFC 7946)",
            );
        }
        oriented
    }

    // ---- foreign files ----

    fn foreign_feature(&mut self, index: usize, props: &Map<String, Value>, shape: Shape) {
        let fields = ForeignFields::new(props);
        let mapping = &self.mapping;
        // The property the person chose for a field, else the usual names.
        let pick = |field: &str, aliases: &[&str]| match mapping.get(field) {
            Some(property) => fields.text(&[normalise_key(property).as_str()]),
            None => fields.text(aliases),
        };
        let code = pick(
            "code",
            &["code", "hazardcode", "landcode", "localid", "imsmaid", "id"],
        );
        let code_ref = (!code.is_empty()).then_some(code.as_str());
        let date = pick(
            "date_of_information",
            &[
                "dateofinformation",
                "date",
                "surveydate",
                "reportdate",
                "doi",
            ],
        );
        let date = if date.is_empty() {
            self.defaulted_dates += 1;
            self.today.to_string()
        } else {
            date
        };
        match shape {
            Shape::None => self.reporter.warn(Some(index), code_ref, "geometry", "is null; the feature was skipped"),
            Shape::Empty => self.reporter.warn(Some(index), code_ref, "geometry", "is empty; the feature was skipped"),
            Shape::Other(kind) => self.reporter.warn(
                Some(index),
                code_ref,
                "geometry",
                format!("is a {kind}; only polygons (lands) and points (hazard reports) are imported; the feature was skipped"),
            ),
            Shape::Area(mp) => {
                let class_text = pick("classification", &["classification", "class", "type", "areatype", "typearea", "landtype", "hazardclass"]);
                let classification = if class_text.is_empty() {
                    Classification::Sha
                } else if let Some(c) = Classification::parse(&class_text) {
                    c
                } else {
                    *self.unknown_values.entry(("classification".into(), class_text)).or_default() += 1;
                    Classification::Sha
                };
                let status_text = pick("status", &["status", "state", "landstatus"]);
                let status = if status_text.is_empty() {
                    LandStatus::Open
                } else if let Some(s) = LandStatus::parse(&status_text) {
                    s
                } else {
                    *self.unknown_values.entry(("status".into(), status_text)).or_default() += 1;
                    LandStatus::Open
                };
                let name = pick("name", &["name", "title", "label", "hazardname", "landname"]);
                let geometry = self.rewound(index, code_ref, &mp);
                let draft = LandDraft {
                    code: code.clone(),
                    name: if name.is_empty() { format!("Imported feature {}", index + 1) } else { name },
                    classification: classification.code().to_owned(),
                    status: status.code().to_owned(),
                    organisation: fields.text(&["organisation", "organization", "org"]),
                    donor: fields.text(&["donor"]),
                    project: fields.text(&["project"]),
                    team: fields.text(&["team"]),
                    notes: fields.text(&["notes", "note", "description", "comment", "remarks"]),
                    date_of_information: date,
                    geometry: Some(geometry),
                    source_attributes: fields.rest(),
                    ..LandDraft::default()
                };
                match draft.validate() {
                    Ok(land) => self.items.push(ImportItem {
                        feature: index,
                        record: ImportRecord::Land { land: Box::new(land), snapshot: false },
                    }),
                    Err(errors) => {
                        for e in errors {
                            self.reporter.error(Some(index), code_ref, &e.field, e.message);
                        }
                    }
                }
            }
            Shape::Point(p) => {
                let cat_text = fields.text(&["eocategory", "category", "type", "typearea", "itemtype"]);
                let category = EoCategory::parse(&cat_text).unwrap_or_else(|| {
                    if !cat_text.is_empty() {
                        *self.unknown_values.entry(("eo_category".into(), cat_text)).or_default() += 1;
                    }
                    EoCategory::Other
                });
                let draft = HazardReportDraft {
                    code: code.clone(),
                    lon_lat: Some(p),
                    eo_category: category.code().to_owned(),
                    reported_on: date,
                    notes: fields.text(&["notes", "note", "description", "comment", "remarks"]),
                    organisation: fields.text(&["organisation", "organization", "org"]),
                    source_attributes: fields.rest(),
                    ..HazardReportDraft::default()
                };
                let read = |t: &str| parse_coord(t).map_err(|e| e.to_string());
                match draft.validate(&read) {
                    Ok(report) => self.items.push(ImportItem {
                        feature: index,
                        record: ImportRecord::HazardReport { report: Box::new(report), land: None },
                    }),
                    Err(errors) => {
                        for e in errors {
                            self.reporter.error(Some(index), code_ref, &e.field, e.message);
                        }
                    }
                }
            }
        }
    }
}

/// Foreign properties, matched case-insensitively; what is used is removed from `rest`.
struct ForeignFields {
    by_key: BTreeMap<String, (String, Value)>,
    used: std::cell::RefCell<Vec<String>>,
}

impl ForeignFields {
    fn new(props: &Map<String, Value>) -> Self {
        let by_key = props
            .iter()
            .map(|(k, v)| (normalise_key(k), (k.clone(), v.clone())))
            .collect();
        Self {
            by_key,
            used: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// The first present alias, as text (numbers are written out); empty when absent.
    fn text(&self, aliases: &[&str]) -> String {
        for alias in aliases {
            if let Some((original, value)) = self.by_key.get(*alias) {
                let t = match value {
                    Value::String(s) => s.trim().to_owned(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => continue,
                };
                if t.is_empty() {
                    continue;
                }
                self.used.borrow_mut().push(original.clone());
                return t;
            }
        }
        String::new()
    }

    /// Every property not used by a recognised field, verbatim, original names.
    fn rest(&self) -> BTreeMap<String, Value> {
        let used = self.used.borrow();
        self.by_key
            .values()
            .filter(|(k, _)| !used.contains(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

/// Removes `land_code` from the properties and returns the land reference: by `land_id` when it
/// is a UUID, else by `land_code`. `land_id` stays in the properties.
fn take_land_ref(props: &mut Map<String, Value>) -> Option<LandRef> {
    let land_code = props
        .remove("land_code")
        .and_then(|v| v.as_str().map(str::to_owned));
    match props
        .get("land_id")
        .and_then(Value::as_str)
        .and_then(LandId::parse)
    {
        Some(id) => Some(LandRef::Id(id)),
        None => land_code.map(LandRef::Code),
    }
}

/// The fewest numbers in any position of the geometry (`None` when it has no position).
fn shortest_position(value: &geojson::GeometryValue) -> Option<usize> {
    use geojson::GeometryValue as G;
    let len = |p: &geojson::Position| p.len();
    match value {
        G::Point { coordinates } => Some(coordinates.len()),
        G::MultiPoint { coordinates } | G::LineString { coordinates } => {
            coordinates.iter().map(len).min()
        }
        G::MultiLineString { coordinates } | G::Polygon { coordinates } => {
            coordinates.iter().flatten().map(len).min()
        }
        G::MultiPolygon { coordinates } => coordinates.iter().flatten().flatten().map(len).min(),
        G::GeometryCollection { geometries } => geometries
            .iter()
            .filter_map(|g| shortest_position(&g.value))
            .min(),
    }
}

fn read_shape(geometry: Option<&Value>) -> Result<Shape, String> {
    let Some(value) = geometry.filter(|v| !v.is_null()) else {
        return Ok(Shape::None);
    };
    if let Some(Value::Array(c)) = value.get("coordinates")
        && c.is_empty()
    {
        return Ok(Shape::Empty);
    }
    let parsed: geojson::Geometry = serde_json::from_value(value.clone())
        .map_err(|e| format!("is not a valid GeoJSON geometry: {e}"))?;
    let kind = parsed.value.type_name();
    // The conversion below indexes [0] and [1] of every position (and panics on fewer).
    if let Some(n) = shortest_position(&parsed.value).filter(|&n| n < 2) {
        return Err(format!(
            "has a position with {n} number(s); a position is [longitude, latitude]"
        ));
    }
    let geometry =
        Geometry::<f64>::try_from(&parsed.value).map_err(|e| format!("cannot be read: {e}"))?;
    let check = |c: &geo_types::Coord<f64>| {
        LonLat::lon_lat(c.x, c.y)
            .map_err(|e| format!("has a coordinate that is not WGS84 longitude/latitude: {e}"))
    };
    match geometry {
        Geometry::Point(p) => Ok(Shape::Point(check(&p.0)?)),
        Geometry::Polygon(p) => {
            if p.exterior().0.is_empty() {
                return Ok(Shape::Empty);
            }
            for c in p
                .exterior()
                .0
                .iter()
                .chain(p.interiors().iter().flat_map(|r| r.0.iter()))
            {
                check(c)?;
            }
            Ok(Shape::Area(MultiPolygon(vec![p])))
        }
        Geometry::MultiPolygon(mp) => {
            let parts: Vec<_> =
                mp.0.into_iter()
                    .filter(|p| !p.exterior().0.is_empty())
                    .collect();
            if parts.is_empty() {
                return Ok(Shape::Empty);
            }
            for p in &parts {
                for c in p
                    .exterior()
                    .0
                    .iter()
                    .chain(p.interiors().iter().flat_map(|r| r.0.iter()))
                {
                    check(c)?;
                }
            }
            Ok(Shape::Area(MultiPolygon(parts)))
        }
        _ => Ok(Shape::Other(kind)),
    }
}

/// Reads one of our own records from its properties. On failure, the error names the property
/// that is wrong and says why **without quoting its value** (an informant's name or phone must
/// not reach a terminal or a log): `(field, message)`.
fn typed_record<T: serde::de::DeserializeOwned>(
    props: &Map<String, Value>,
) -> Result<T, (String, String)> {
    let error = match serde_json::from_value::<T>(Value::Object(props.clone())) {
        Ok(record) => return Ok(record),
        Err(e) => e,
    };
    // Which property: the one whose removal changes the error (it then reads "missing field"
    // or succeeds). Only on this error path, once per bad feature.
    let mut field = "properties".to_owned();
    for key in props.keys() {
        let mut without = props.clone();
        without.remove(key);
        match serde_json::from_value::<T>(Value::Object(without)) {
            Ok(_) => {
                field.clone_from(key);
                break;
            }
            Err(e) if e.to_string() != error.to_string() => {
                field.clone_from(key);
                break;
            }
            Err(_) => {}
        }
    }
    Err((field, value_free_message(&error)))
}

/// serde's message with every quoted value removed: `invalid type: string "Ahmed", expected
/// u32` becomes `has the wrong type (expected u32)`.
fn value_free_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    if let Some(expected) = text.split(", expected ").nth(1) {
        let expected = strip_quoted(expected);
        return format!(
            "has the wrong type or value (expected {expected}); the value is not shown"
        );
    }
    if text.starts_with("missing field") {
        // A property name, not a value.
        return text.replace("missing field", "a required property is missing:");
    }
    format!(
        "cannot be read ({}); the value is not shown",
        strip_quoted(text)
    )
}

/// Removes the text between double quotes or backticks (serde quotes values that way).
fn strip_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside: Option<char> = None;
    for c in text.chars() {
        match inside {
            Some(q) if c == q => {
                inside = None;
                out.push('…');
            }
            Some(_) => {}
            None if c == '"' || c == '`' => inside = Some(c),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Result<ImportBatch, IoError>, ImportReporter) {
        let mut reporter = ImportReporter::new("test");
        let today = time::macros::date!(2025 - 06 - 01);
        (
            read_geojson(text.as_bytes(), &mut reporter, today),
            reporter,
        )
    }

    #[test]
    fn a_position_with_one_number_is_a_feature_error() {
        // Found by fuzzing (tests/fuzz_regressions/geojson_import/): the geojson crate's
        // conversion to geo-types indexes a position's second number without checking.
        for geometry in [
            r#"{"type":"Polygon","coordinates":[[[18.0,44.0],[18.1],[18.1,44.1],[18.0,44.0]]]}"#,
            r#"{"type":"MultiPolygon","coordinates":[[[[18.0,44.0],[],[18.0,44.0]]]]}"#,
            r#"{"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[1]]}]}"#,
        ] {
            let file = format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{}},"geometry":{geometry}}}]}}"#
            );
            let (batch, reporter) = read(&file);
            assert!(batch.unwrap().items.is_empty(), "{geometry}");
            let issue = &reporter.issues[0];
            assert_eq!(issue.field, "geometry", "{geometry}");
            assert!(
                issue
                    .message
                    .contains("a position is [longitude, latitude]"),
                "{geometry}: {issue:?}"
            );
        }
    }

    #[test]
    fn an_activity_with_too_many_items_is_refused() {
        // Found by fuzzing the CSV import (its draft has the same limit): the u32 sum in
        // `Activity::items_found` overflowed for an activity whose devices add up past 2^32.
        let activity = |quantities: [u32; 2]| {
            let devices: Vec<Value> = quantities
                .iter()
                .map(|q| json!({"category": "ap_mine", "quantity": q, "disposal": "destroyed_in_situ"}))
                .collect();
            let feature = json!({"type": "Feature", "geometry": null, "properties": {
                "record_type": "activity", "code": "AC-0001", "land_code": "HA-0001",
                "kind": "clearance", "start_date": "2025-05-01",
                "date_of_information": "2025-05-02", "devices": devices}});
            json!({"type": "FeatureCollection", "safeground_schema": 1, "features": [feature]})
                .to_string()
        };
        let (batch, reporter) = read(&activity([u32::MAX, 1]));
        assert!(batch.unwrap().items.is_empty());
        assert_eq!(reporter.issues[0].field, "devices");
        assert!(
            reporter.issues[0]
                .message
                .starts_with("4294967296 items in all is more than the maximum of 1000000"),
            "{:?}",
            reporter.issues[0]
        );
        let (batch, reporter) = read(&activity([999_999, 1]));
        assert_eq!(batch.unwrap().items.len(), 1, "{:?}", reporter.issues);
    }
}
