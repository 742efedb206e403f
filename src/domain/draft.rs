//! Drafts: what a person typed (or an import read), as text, before it becomes a domain value.
//!
//! `validate()` returns the domain value or **every** field error at once, so a form can mark
//! all offending fields and an import can report all problems of a feature (style-anchors A5.2).

use std::collections::BTreeMap;

use geo_types::MultiPolygon;
use time::Date;
use time::macros::format_description;

use super::activity::{Activity, DeviceFound, Handover};
use super::errors::FieldError;
use super::hazard_report::HazardReport;
use super::ids::{ActivityId, HazardReportId, LandId, is_valid_code};
use super::land::{AdminLocation, EvidenceItem, KeyInformant, Land};
use super::ledger::{Ledger, Released};
use super::points::{EnteredCoord, LonLat, PointSource, SurveyPoint};
use super::text::is_bidi_control;
use super::units::AreaM2;
use super::vocab::{
    ActivityKind, Classification, CoordFormat, Disposal, EoCategory, EvidenceOfContamination,
    HazardReportStatus, HazardType, ItemCondition, LandStatus, Method, PointKind, Priority,
    ValidationState,
};

/// The plausibility bound on one land's area, m² (100 000 km², far above any real hazard area:
/// whole districts recorded as one indication area are a few thousand km²). A polygon or an
/// estimate larger than this is refused with a message, never stored.
pub const MAX_LAND_AREA_M2: f64 = 1.0e11;

/// The first year a date may have (dates before it are typing errors).
pub const FIRST_YEAR: i32 = 1900;

/// The last year a date may have.
pub const LAST_YEAR: i32 = 2100;

/// Most items (devices) found on one activity, all lines together; it keeps the total, which
/// [`Activity::items_found`] adds up in a `u32`, far from overflowing.
const MAX_ITEMS_FOUND: u64 = 1_000_000;

/// Collects field errors while reading a draft.
#[derive(Debug, Default)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// Records an error.
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// A required, trimmed, non-empty text of at most `max_chars` characters.
    pub fn required(&mut self, field: &str, text: &str, max_chars: usize) -> String {
        let t = text.trim();
        if t.is_empty() {
            self.push(field, "is required");
        }
        self.optional(field, t, max_chars)
    }

    /// An optional trimmed text of at most `max_chars` characters.
    pub fn optional(&mut self, field: &str, text: &str, max_chars: usize) -> String {
        let t = text.trim();
        if t.chars().count() > max_chars {
            self.push(field, format!("is longer than {max_chars} characters"));
        }
        if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.push(field, "contains control characters");
        }
        if t.chars().any(is_bidi_control) {
            self.push(
                field,
                "contains a bidirectional control character (U+202A–U+202E or U+2066–U+2069); retype it without",
            );
        }
        t.to_owned()
    }

    /// A value from a vocabulary, parsed leniently; the message lists the allowed values.
    pub fn vocab<T: Copy>(
        &mut self,
        field: &str,
        text: &str,
        parse: fn(&str) -> Option<T>,
        all: &[T],
        label: fn(T) -> &'static str,
    ) -> Option<T> {
        let t = text.trim();
        if t.is_empty() {
            self.push(field, "is required");
            return None;
        }
        let v = parse(t);
        if v.is_none() {
            let allowed: Vec<&str> = all.iter().map(|v| label(*v)).collect();
            self.push(
                field,
                format!("'{t}' is not one of: {}", allowed.join(", ")),
            );
        }
        v
    }

    /// An optional vocabulary value (empty text is `None`).
    pub fn opt_vocab<T: Copy>(
        &mut self,
        field: &str,
        text: &str,
        parse: fn(&str) -> Option<T>,
        all: &[T],
        label: fn(T) -> &'static str,
    ) -> Option<T> {
        if text.trim().is_empty() {
            None
        } else {
            self.vocab(field, text, parse, all, label)
        }
    }

    /// A required date `YYYY-MM-DD`.
    pub fn date(&mut self, field: &str, text: &str) -> Option<Date> {
        let t = text.trim();
        if t.is_empty() {
            self.push(field, "is required (YYYY-MM-DD)");
            return None;
        }
        if let Some(d) = parse_date(t) {
            Some(d)
        } else {
            self.push(
                field,
                format!("'{t}' is not a date from {FIRST_YEAR} to {LAST_YEAR} (YYYY-MM-DD)"),
            );
            None
        }
    }

    /// An optional date (empty text is `None`).
    pub fn opt_date(&mut self, field: &str, text: &str) -> Option<Date> {
        if text.trim().is_empty() {
            None
        } else {
            self.date(field, text)
        }
    }

    /// An optional number ≥ 0 (empty text is `None`), with its unit named in the message.
    pub fn opt_non_negative(
        &mut self,
        field: &str,
        text: &str,
        unit: &str,
        max: f64,
    ) -> Option<f64> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        match parse_number(t) {
            Some(v) if v >= 0.0 && v <= max => Some(v),
            Some(v) if v < 0.0 => {
                self.push(field, format!("{t} {unit} is negative"));
                None
            }
            Some(_) => {
                self.push(
                    field,
                    format!("{t} {unit} is larger than the maximum {max} {unit}"),
                );
                None
            }
            None => {
                self.push(field, format!("'{t}' is not a number of {unit}"));
                None
            }
        }
    }

    /// An area in m² ≥ 0 (empty text is 0), rounded to whole m².
    pub fn area(&mut self, field: &str, text: &str) -> AreaM2 {
        self.opt_non_negative(field, text, "m²", MAX_LAND_AREA_M2)
            .map_or(AreaM2::ZERO, AreaM2::whole)
    }

    /// An optional whole count ≥ 0.
    pub fn opt_count(&mut self, field: &str, text: &str) -> Option<u32> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        if let Ok(v) = t.parse::<u32>() {
            Some(v)
        } else {
            self.push(field, format!("'{t}' is not a whole number ≥ 0"));
            None
        }
    }

    /// A human code (empty: the store assigns one).
    pub fn code(&mut self, field: &str, text: &str) -> String {
        let t = text.trim();
        if !t.is_empty() && !is_valid_code(t) {
            self.push(
                field,
                format!(
                    "'{t}' is not a valid code (letters, digits, - _ / ., at most 32 characters)"
                ),
            );
        }
        t.to_owned()
    }

    /// The collected errors, or `value` when there are none.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

/// Parses `YYYY-MM-DD`.
///
/// # Examples
/// ```
/// use safeground::domain::parse_date;
/// assert!(parse_date("2025-03-01").is_some());
/// assert!(parse_date("2025-02-30").is_none());
/// assert!(parse_date("-0001-01-01").is_none()); // only years 1900 to 2100
/// ```
pub fn parse_date(text: &str) -> Option<Date> {
    parse_any_date(text).filter(|d| is_plausible_date(*d))
}

/// Whether a date lies in the years [`FIRST_YEAR`]–[`LAST_YEAR`].
pub fn is_plausible_date(date: Date) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

fn parse_any_date(text: &str) -> Option<Date> {
    let text = text.trim();
    // Fast path for the ten-character form every stored date has (300 000 of them are read for
    // a national report); the general parser for the rest, and the same answer either way.
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *text.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let [y0, y1, y2, y3, m0, m1, d0, d1] = digits.map(|b| b - b'0');
            let year = i32::from(y0) * 1000 + i32::from(y1) * 100 + i32::from(y2) * 10;
            let month = time::Month::try_from(m0 * 10 + m1).ok()?;
            return Date::from_calendar_date(year + i32::from(y3), month, d0 * 10 + d1).ok();
        }
    }
    Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
}

/// Parses a finite decimal number; accepts a decimal comma and spaces between thousands.
///
/// # Examples
/// ```
/// use safeground::domain::parse_number;
/// assert_eq!(parse_number("12 500,5"), Some(12500.5));
/// assert_eq!(parse_number("NaN"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.chars().any(char::is_alphabetic) && !cleaned.contains(['e', 'E']) {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn vocab_list<T: Copy + PartialEq>(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    parse: fn(&str) -> Option<T>,
    all: &[T],
    label: fn(T) -> &'static str,
) -> Vec<T> {
    let mut out = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some(v) = errors.vocab(field, part, parse, all, label)
            && !out.contains(&v)
        {
            out.push(v);
        }
    }
    out
}

/// A land as typed into the form or read from an import.
#[derive(Debug, Clone, Default)]
pub struct LandDraft {
    /// Existing UUID (imports of our own files); `None` = new.
    pub id: Option<LandId>,
    /// Human code; empty = assigned by the store.
    pub code: String,
    /// Name.
    pub name: String,
    /// Classification (code or label).
    pub classification: String,
    /// Status (code or label); empty = Open.
    pub status: String,
    /// Evidence of contamination; empty = Not specified.
    pub evidence: String,
    /// Hazard types, comma separated.
    pub hazard_types: String,
    /// Admin location.
    pub admin: AdminLocation,
    /// Priority; may be empty.
    pub priority: String,
    /// Blockage and impact.
    pub blockage: String,
    /// Expected beneficiaries; may be empty.
    pub expected_beneficiaries: String,
    /// Terrain.
    pub terrain: String,
    /// Donor.
    pub donor: String,
    /// Project.
    pub project: String,
    /// Organisation.
    pub organisation: String,
    /// Team.
    pub team: String,
    /// Date of information (YYYY-MM-DD).
    pub date_of_information: String,
    /// Notes.
    pub notes: String,
    /// Estimated area in m², used only when there is no polygon.
    pub estimated_m2: String,
    /// Not safe to record a location.
    pub geo_unsafe: bool,
    /// Evidence items.
    pub evidence_items: Vec<EvidenceItem>,
    /// Key informants.
    pub key_informants: Vec<KeyInformant>,
    /// Typed points in entry order.
    pub points: Vec<SurveyPoint>,
    /// A polygon from an import (ignored when `points` has perimeter points).
    pub geometry: Option<MultiPolygon<f64>>,
    /// Foreign properties kept verbatim.
    pub source_attributes: BTreeMap<String, serde_json::Value>,
}

impl LandDraft {
    /// The land, or every field error. Geometry and area are checked by `geometry` when the
    /// store saves the land; this checks every other field.
    pub fn validate(&self) -> Result<Land, Vec<FieldError>> {
        let mut e = FieldErrors::default();
        let code = e.code("code", &self.code);
        let name = e.required("name", &self.name, 200);
        let classification = e.vocab(
            "classification",
            &self.classification,
            Classification::parse,
            Classification::ALL,
            Classification::label,
        );
        let status = if self.status.trim().is_empty() {
            Some(LandStatus::Open)
        } else {
            e.vocab(
                "status",
                &self.status,
                LandStatus::parse,
                LandStatus::ALL,
                LandStatus::label,
            )
        };
        let evidence = if self.evidence.trim().is_empty() {
            Some(EvidenceOfContamination::NotSpecified)
        } else {
            e.vocab(
                "evidence",
                &self.evidence,
                EvidenceOfContamination::parse,
                EvidenceOfContamination::ALL,
                EvidenceOfContamination::label,
            )
        };
        let hazard_types = vocab_list(
            &mut e,
            "hazard_types",
            &self.hazard_types,
            HazardType::parse,
            HazardType::ALL,
            HazardType::label,
        );
        let priority = e.opt_vocab(
            "priority",
            &self.priority,
            Priority::parse,
            Priority::ALL,
            Priority::label,
        );
        let expected_beneficiaries =
            e.opt_count("expected_beneficiaries", &self.expected_beneficiaries);
        let date_of_information = e.date("date_of_information", &self.date_of_information);
        let estimated = e.area("estimated_m2", &self.estimated_m2);
        let admin = AdminLocation {
            pcode: e.optional("admin.pcode", &self.admin.pcode, 40),
            admin1: e.optional("admin.admin1", &self.admin.admin1, 200),
            admin2: e.optional("admin.admin2", &self.admin.admin2, 200),
            settlement: e.optional("admin.settlement", &self.admin.settlement, 200),
        };
        let blockage = e.optional("blockage", &self.blockage, 2000);
        let terrain = e.optional("terrain", &self.terrain, 2000);
        let donor = e.optional("donor", &self.donor, 200);
        let project = e.optional("project", &self.project, 200);
        let organisation = e.optional("organisation", &self.organisation, 200);
        let team = e.optional("team", &self.team, 200);
        let notes = e.optional("notes", &self.notes, 20_000);
        for (i, item) in self.evidence_items.iter().enumerate() {
            if item.kind.trim().is_empty() {
                e.push(&format!("evidence_items[{i}].kind"), "is required");
            }
        }
        for (i, informant) in self.key_informants.iter().enumerate() {
            if informant.name.trim().is_empty() {
                e.push(&format!("key_informants[{i}].name"), "is required");
            }
        }
        check_points(&mut e, &self.points);
        let (Some(classification), Some(status), Some(evidence), Some(date_of_information)) =
            (classification, status, evidence, date_of_information)
        else {
            return Err(e.0);
        };
        let land = Land {
            id: self.id.unwrap_or_else(LandId::random),
            code,
            name,
            classification,
            status,
            evidence,
            evidence_items: self.evidence_items.clone(),
            hazard_types,
            admin,
            priority,
            blockage,
            expected_beneficiaries,
            terrain,
            key_informants: self.key_informants.clone(),
            donor,
            project,
            organisation,
            team,
            date_of_information,
            notes,
            validation: ValidationState::Draft,
            validation_comment: String::new(),
            geo_unsafe: self.geo_unsafe,
            points: self.points.clone(),
            geometry: self.geometry.clone(),
            geometry_issue: None,
            ledger: Ledger::new(estimated),
            status_history: Vec::new(),
            source_attributes: self.source_attributes.clone(),
        };
        e.finish(land)
    }
}

/// Checks a land read from our own file format (already typed): code, name, points, dates
/// (years [`FIRST_YEAR`]–[`LAST_YEAR`]) and the estimate (a finite number of m² from 0 to
/// [`MAX_LAND_AREA_M2`]).
///
/// # Examples
/// ```
/// use safeground::domain::{check_land, LandDraft};
/// let mut land = LandDraft { name: "x".into(), classification: "sha".into(),
///     date_of_information: "2025-01-01".into(), ..LandDraft::default() }.validate().unwrap();
/// assert!(check_land(&land).is_empty());
/// land.name.clear();
/// assert_eq!(check_land(&land)[0].field, "name");
/// ```
pub fn check_land(land: &Land) -> Vec<FieldError> {
    let mut e = FieldErrors::default();
    e.code("code", &land.code);
    e.required("name", &land.name, 200);
    e.optional("notes", &land.notes, 20_000);
    check_points(&mut e, &land.points);
    check_date(&mut e, "date_of_information", land.date_of_information);
    for (i, change) in land.status_history.iter().enumerate() {
        check_date(&mut e, &format!("status_history[{i}].date"), change.date);
    }
    check_area(&mut e, "estimated_m2", land.ledger.estimated_m2);
    e.0
}

/// Checks an activity read from our own file format (already typed): code, dates, areas, days,
/// devices and texts, as the form's validation does. What the store's constraints would refuse
/// is refused here, per record, so a non-strict import never aborts on one bad record.
pub fn check_activity(activity: &Activity) -> Vec<FieldError> {
    let mut e = FieldErrors::default();
    e.code("code", &activity.code);
    check_date(&mut e, "start_date", activity.start_date);
    if let Some(end) = activity.end_date {
        check_date(&mut e, "end_date", end);
    }
    check_date(&mut e, "date_of_information", activity.date_of_information);
    for (field, text, max) in [
        ("organisation", &activity.organisation, 200),
        ("team", &activity.team, 200),
        ("donor", &activity.donor, 200),
        ("project", &activity.project, 200),
        ("notes", &activity.notes, 20_000),
    ] {
        e.optional(field, text, max);
    }
    let r = &activity.released;
    for (field, area) in [
        ("cancelled_m2", r.cancelled_m2),
        ("reduced_with_asset_m2", r.reduced_with_asset_m2),
        ("reduced_without_asset_m2", r.reduced_without_asset_m2),
        ("cleared_m2", r.cleared_m2),
    ] {
        check_area(&mut e, field, area);
    }
    for (field, value) in [
        ("deminer_days", activity.deminer_days),
        ("asset_days", activity.asset_days),
        ("depth_cm", activity.depth_cm),
    ] {
        if value.is_some_and(|v| !(v.is_finite() && v >= 0.0)) {
            e.push(field, "must be a finite number ≥ 0");
        }
    }
    for (i, d) in activity.devices.iter().enumerate() {
        if d.quantity == 0 {
            e.push(&format!("devices[{i}].quantity"), "must be at least 1");
        }
        e.optional(&format!("devices[{i}].type_model"), &d.type_model, 200);
    }
    if let Some(h) = &activity.handover {
        e.optional("residual_risk_note", &h.residual_risk_note, 20_000);
        for (i, m) in h.permanent_markers.iter().enumerate() {
            e.optional(&format!("permanent_markers[{i}]"), m, 200);
        }
    }
    e.0
}

/// Checks a hazard report read from our own file format (already typed): code, date, position
/// and texts.
pub fn check_hazard_report(report: &HazardReport) -> Vec<FieldError> {
    let mut e = FieldErrors::default();
    e.code("code", &report.code);
    check_date(&mut e, "reported_on", report.reported_on);
    let p = report.location.lon_lat;
    if LonLat::lon_lat(p.lon_deg, p.lat_deg).is_err() {
        e.push("location", "is not a WGS84 position");
    }
    for (field, text, max) in [
        ("type_model", &report.type_model, 200),
        ("reported_by", &report.reported_by, 200),
        ("reporter_phone", &report.reporter_phone, 64),
        ("organisation", &report.organisation, 200),
        ("notes", &report.notes, 20_000),
    ] {
        e.optional(field, text, max);
    }
    e.0
}

/// A typed date outside [`FIRST_YEAR`]–[`LAST_YEAR`] is a field error.
fn check_date(e: &mut FieldErrors, field: &str, date: Date) {
    if !is_plausible_date(date) {
        e.push(
            field,
            format!("{date} is not a date from {FIRST_YEAR} to {LAST_YEAR}"),
        );
    }
}

/// A typed area must be a finite number of m² from 0 to [`MAX_LAND_AREA_M2`].
fn check_area(e: &mut FieldErrors, field: &str, area: AreaM2) {
    let m2 = area.m2();
    if !m2.is_finite() {
        e.push(field, "is not a finite number of m²");
    } else if m2 < 0.0 {
        e.push(field, "is negative; an area is 0 m² or more");
    } else if m2 > MAX_LAND_AREA_M2 {
        e.push(
            field,
            format!(
                "is larger than {} km², more than any hazard area can have",
                super::units::group_thousands(MAX_LAND_AREA_M2 / 1e6)
            ),
        );
    }
}

/// Checks the non-geometric parts of typed points: labels, GPS accuracy, traverse legs.
fn check_points(e: &mut FieldErrors, points: &[SurveyPoint]) {
    for (i, p) in points.iter().enumerate() {
        let field = |name: &str| format!("points[{i}].{name}");
        if LonLat::lon_lat(p.lon_lat.lon_deg, p.lon_lat.lat_deg).is_err() {
            e.push(
                &field("lon_lat"),
                format!(
                    "({}, {}) is not a WGS84 position",
                    p.lon_lat.lon_deg, p.lon_lat.lat_deg
                ),
            );
        }
        match &p.source {
            PointSource::Gps {
                accuracy_m: Some(acc),
                ..
            } if !(acc.is_finite() && *acc >= 0.0) => {
                e.push(&field("accuracy_m"), "must be a number of metres ≥ 0");
            }
            PointSource::Traverse { leg } => {
                if !(leg.distance_m.is_finite()
                    && leg.distance_m > 0.0
                    && leg.distance_m <= 100_000.0)
                {
                    e.push(
                        &field("leg.distance_m"),
                        format!(
                            "{} m is not a distance between 0 and 100 000 m",
                            leg.distance_m
                        ),
                    );
                }
                if !leg.bearing.is_finite() {
                    e.push(&field("leg.bearing"), "is not a number");
                }
                if let Some(s) = leg.slope_deg
                    && !(s.is_finite() && (-89.0..=89.0).contains(&s))
                {
                    e.push(
                        &field("leg.slope_deg"),
                        format!("{s}° is not a slope between -89° and 89°"),
                    );
                }
                if !(leg.declination_deg.is_finite()
                    && (-180.0..=180.0).contains(&leg.declination_deg))
                {
                    e.push(
                        &field("leg.declination_deg"),
                        "must be between -180° and 180°",
                    );
                }
            }
            _ => {}
        }
    }
    let starts = points.iter().filter(|p| p.kind == PointKind::Start).count();
    if starts > 1 {
        e.push(
            "points",
            format!("has {starts} start points; a perimeter has one"),
        );
    }
}

/// One row of the devices-found table as typed.
#[derive(Debug, Clone, Default)]
pub struct DeviceDraft {
    /// EO category.
    pub category: String,
    /// Type or model.
    pub type_model: String,
    /// Quantity.
    pub quantity: String,
    /// Disposal.
    pub disposal: String,
}

/// An activity as typed into the form or read from a CSV row.
#[derive(Debug, Clone, Default)]
pub struct ActivityDraft {
    /// Existing UUID (imports of our own files).
    pub id: Option<ActivityId>,
    /// Human code; empty = assigned by the store.
    pub code: String,
    /// Activity type.
    pub kind: String,
    /// Start date.
    pub start_date: String,
    /// End date (may be empty).
    pub end_date: String,
    /// Date of information (empty = end date, else start date).
    pub date_of_information: String,
    /// Organisation.
    pub organisation: String,
    /// Team.
    pub team: String,
    /// Donor.
    pub donor: String,
    /// Project.
    pub project: String,
    /// Method (may be empty).
    pub method: String,
    /// Deminer-days.
    pub deminer_days: String,
    /// Asset-days.
    pub asset_days: String,
    /// Depth in cm.
    pub depth_cm: String,
    /// Cancelled m².
    pub cancelled_m2: String,
    /// Reduced with technical asset, m².
    pub reduced_with_asset_m2: String,
    /// Reduced without technical asset, m².
    pub reduced_without_asset_m2: String,
    /// Cleared m².
    pub cleared_m2: String,
    /// Devices found.
    pub devices: Vec<DeviceDraft>,
    /// Handover: men, women, boys, girls.
    pub handover_men: String,
    /// Women.
    pub handover_women: String,
    /// Boys.
    pub handover_boys: String,
    /// Girls.
    pub handover_girls: String,
    /// Residual-risk note.
    pub residual_risk_note: String,
    /// Permanent markers, one per line or comma separated.
    pub permanent_markers: String,
    /// TS confirmed direct evidence.
    pub direct_evidence_confirmed: bool,
    /// Notes.
    pub notes: String,
}

impl ActivityDraft {
    /// The activity for `land_id`, or every field error. Ledger and lifecycle rules are checked
    /// by [`crate::domain::apply_activity`] against the land's current state.
    pub fn validate(&self, land_id: LandId) -> Result<Activity, Vec<FieldError>> {
        let mut e = FieldErrors::default();
        let code = e.code("code", &self.code);
        let kind = e.vocab(
            "kind",
            &self.kind,
            ActivityKind::parse,
            ActivityKind::ALL,
            ActivityKind::label,
        );
        let start_date = e.date("start_date", &self.start_date);
        let end_date = e.opt_date("end_date", &self.end_date);
        let doi = if self.date_of_information.trim().is_empty() {
            end_date.or(start_date)
        } else {
            e.date("date_of_information", &self.date_of_information)
        };
        if let (Some(s), Some(end)) = (start_date, end_date)
            && end < s
        {
            e.push("end_date", format!("{end} is before the start date {s}"));
        }
        let method = e.opt_vocab(
            "method",
            &self.method,
            Method::parse,
            Method::ALL,
            Method::label,
        );
        let deminer_days =
            e.opt_non_negative("deminer_days", &self.deminer_days, "deminer-days", 1.0e6);
        let asset_days = e.opt_non_negative("asset_days", &self.asset_days, "asset-days", 1.0e6);
        let depth_cm = e.opt_non_negative("depth_cm", &self.depth_cm, "cm", 10_000.0);
        let released = Released {
            cancelled_m2: e.area("cancelled_m2", &self.cancelled_m2),
            reduced_with_asset_m2: e.area("reduced_with_asset_m2", &self.reduced_with_asset_m2),
            reduced_without_asset_m2: e
                .area("reduced_without_asset_m2", &self.reduced_without_asset_m2),
            cleared_m2: e.area("cleared_m2", &self.cleared_m2),
        };
        let mut devices = Vec::new();
        for (i, d) in self.devices.iter().enumerate() {
            let f = |n: &str| format!("devices[{i}].{n}");
            let category = e.vocab(
                &f("category"),
                &d.category,
                EoCategory::parse,
                EoCategory::ALL,
                EoCategory::label,
            );
            let disposal = if d.disposal.trim().is_empty() {
                Some(Disposal::DestroyedInSitu)
            } else {
                e.vocab(
                    &f("disposal"),
                    &d.disposal,
                    Disposal::parse,
                    Disposal::ALL,
                    Disposal::label,
                )
            };
            let quantity = match e.opt_count(&f("quantity"), &d.quantity) {
                Some(0) | None => {
                    e.push(&f("quantity"), "must be a whole number ≥ 1");
                    None
                }
                q => q,
            };
            let type_model = e.optional(&f("type_model"), &d.type_model, 200);
            if let (Some(category), Some(disposal), Some(quantity)) = (category, disposal, quantity)
            {
                devices.push(DeviceFound {
                    category,
                    type_model,
                    quantity,
                    disposal,
                });
            }
        }
        let items: u64 = devices.iter().map(|d| u64::from(d.quantity)).sum();
        if items > MAX_ITEMS_FOUND {
            e.push(
                "devices",
                format!(
                    "{items} items in all is more than the maximum of {MAX_ITEMS_FOUND} on one activity"
                ),
            );
        }
        let handover_given = [
            &self.handover_men,
            &self.handover_women,
            &self.handover_boys,
            &self.handover_girls,
        ]
        .iter()
        .any(|t| !t.trim().is_empty())
            || !self.residual_risk_note.trim().is_empty()
            || !self.permanent_markers.trim().is_empty();
        let handover = if kind == Some(ActivityKind::HandoverCertificate) || handover_given {
            Some(Handover {
                men: e.opt_count("handover_men", &self.handover_men).unwrap_or(0),
                women: e
                    .opt_count("handover_women", &self.handover_women)
                    .unwrap_or(0),
                boys: e
                    .opt_count("handover_boys", &self.handover_boys)
                    .unwrap_or(0),
                girls: e
                    .opt_count("handover_girls", &self.handover_girls)
                    .unwrap_or(0),
                residual_risk_note: e.optional(
                    "residual_risk_note",
                    &self.residual_risk_note,
                    5000,
                ),
                permanent_markers: self
                    .permanent_markers
                    .split(['\n', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        } else {
            None
        };
        let organisation = e.optional("organisation", &self.organisation, 200);
        let team = e.optional("team", &self.team, 200);
        let donor = e.optional("donor", &self.donor, 200);
        let project = e.optional("project", &self.project, 200);
        let notes = e.optional("notes", &self.notes, 20_000);
        let (Some(kind), Some(start_date), Some(date_of_information)) = (kind, start_date, doi)
        else {
            return Err(e.0);
        };
        e.finish(Activity {
            id: self.id.unwrap_or_else(ActivityId::random),
            code,
            land_id,
            kind,
            start_date,
            end_date,
            date_of_information,
            organisation,
            team,
            donor,
            project,
            method,
            deminer_days,
            asset_days,
            depth_cm,
            released,
            released_geometry: None,
            devices,
            handover,
            direct_evidence_confirmed: self.direct_evidence_confirmed,
            notes,
            validation: ValidationState::Draft,
        })
    }
}

/// A hazard report as typed or imported.
#[derive(Debug, Clone, Default)]
pub struct HazardReportDraft {
    /// Existing UUID.
    pub id: Option<HazardReportId>,
    /// Human code; empty = assigned by the store.
    pub code: String,
    /// Location as typed (any supported notation), or empty when `lon_lat` is given.
    pub location: String,
    /// Location already known (map click, import).
    pub lon_lat: Option<LonLat>,
    /// GPS accuracy in metres.
    pub accuracy_m: String,
    /// EO category.
    pub eo_category: String,
    /// Type or model.
    pub type_model: String,
    /// Quantity (empty = 1).
    pub quantity: String,
    /// Condition (empty = unknown).
    pub condition: String,
    /// Reported by.
    pub reported_by: String,
    /// Reporter phone.
    pub reporter_phone: String,
    /// Reported on (YYYY-MM-DD).
    pub reported_on: String,
    /// Status (empty = reported).
    pub status: String,
    /// Linked land.
    pub land_id: Option<LandId>,
    /// Organisation.
    pub organisation: String,
    /// Notes.
    pub notes: String,
    /// Not safe to record a location.
    pub geo_unsafe: bool,
    /// Foreign properties kept verbatim.
    pub source_attributes: BTreeMap<String, serde_json::Value>,
}

/// A coordinate reader: text → position and notation, or a message (see `geometry::coords`).
pub type CoordReader<'a> = &'a dyn Fn(&str) -> Result<(LonLat, CoordFormat), String>;

impl HazardReportDraft {
    /// The hazard report, or every field error. `read_coord` parses the typed location.
    pub fn validate(&self, read_coord: CoordReader<'_>) -> Result<HazardReport, Vec<FieldError>> {
        let mut e = FieldErrors::default();
        let code = e.code("code", &self.code);
        let (lon_lat, entered) = if self.location.trim().is_empty() {
            if let Some(p) = self.lon_lat {
                (Some(p), None)
            } else {
                e.push("location", "is required");
                (None, None)
            }
        } else {
            match read_coord(&self.location) {
                Ok((p, format)) => (
                    Some(p),
                    Some(EnteredCoord {
                        text: self.location.trim().to_owned(),
                        format,
                    }),
                ),
                Err(message) => {
                    e.push("location", message);
                    (None, None)
                }
            }
        };
        let accuracy_m = e.opt_non_negative("accuracy_m", &self.accuracy_m, "m", 100_000.0);
        let eo_category = e.vocab(
            "eo_category",
            &self.eo_category,
            EoCategory::parse,
            EoCategory::ALL,
            EoCategory::label,
        );
        let type_model = e.optional("type_model", &self.type_model, 200);
        let quantity = if self.quantity.trim().is_empty() {
            Some(1)
        } else {
            e.opt_count("quantity", &self.quantity)
        };
        let condition = if self.condition.trim().is_empty() {
            Some(ItemCondition::Unknown)
        } else {
            e.vocab(
                "condition",
                &self.condition,
                ItemCondition::parse,
                ItemCondition::ALL,
                ItemCondition::label,
            )
        };
        let status = if self.status.trim().is_empty() {
            Some(HazardReportStatus::Reported)
        } else {
            e.vocab(
                "status",
                &self.status,
                HazardReportStatus::parse,
                HazardReportStatus::ALL,
                HazardReportStatus::label,
            )
        };
        let reported_on = e.date("reported_on", &self.reported_on);
        let reported_by = e.optional("reported_by", &self.reported_by, 200);
        let reporter_phone = e.optional("reporter_phone", &self.reporter_phone, 50);
        let organisation = e.optional("organisation", &self.organisation, 200);
        let notes = e.optional("notes", &self.notes, 20_000);
        let (
            Some(lon_lat),
            Some(eo_category),
            Some(quantity),
            Some(condition),
            Some(status),
            Some(reported_on),
        ) = (
            lon_lat,
            eo_category,
            quantity,
            condition,
            status,
            reported_on,
        )
        else {
            return Err(e.0);
        };
        let source = if entered.is_some() || accuracy_m.is_some() {
            PointSource::Gps {
                accuracy_m,
                averaged_fixes: None,
            }
        } else {
            PointSource::Import
        };
        e.finish(HazardReport {
            id: self.id.unwrap_or_else(HazardReportId::random),
            code,
            location: SurveyPoint {
                kind: PointKind::Evidence,
                label: String::new(),
                lon_lat,
                entered,
                source,
                note: String::new(),
            },
            eo_category,
            type_model,
            quantity,
            condition,
            reported_by,
            reporter_phone,
            reported_on,
            status,
            land_id: self.land_id,
            organisation,
            notes,
            validation: ValidationState::Draft,
            geo_unsafe: self.geo_unsafe,
            source_attributes: self.source_attributes.clone(),
        })
    }
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "ledger amounts are whole m², exact in f64"
)]
mod tests {
    use super::*;

    #[test]
    fn land_draft_reports_every_field_error() {
        let draft = LandDraft {
            code: "HA 7!".into(),
            classification: "banana".into(),
            date_of_information: "2025-13-01".into(),
            expected_beneficiaries: "-4".into(),
            ..LandDraft::default()
        };
        let errors = draft.validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "code",
                "name",
                "classification",
                "expected_beneficiaries",
                "date_of_information"
            ]
        );
        assert!(
            errors[2]
                .message
                .contains("'banana' is not one of: Indication, SHA, CHA")
        );
    }

    #[test]
    fn the_fast_date_path_agrees_with_the_general_parser() {
        let general = |t: &str| {
            Date::parse(t, format_description!("[year]-[month]-[day]"))
                .ok()
                .filter(|d| is_plausible_date(*d))
        };
        for year in [
            "0000", "0001", "1900", "1999", "2000", "2024", "2025", "9999",
        ] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let text = format!("{year}-{month:02}-{day:02}");
                    assert_eq!(parse_date(&text), general(&text), "{text}");
                    assert_eq!(parse_date(&format!(" {text} ")), general(&text), "{text}");
                }
            }
        }
        for text in [
            "2025-3-01",
            "2025-03-1",
            "+2025-03-01",
            "2025/03/01",
            "２０２５-03-01",
            "",
        ] {
            assert_eq!(parse_date(text), general(text), "{text}");
        }
    }

    #[test]
    fn land_draft_validates() {
        let draft = LandDraft {
            name: "Field north of the school".into(),
            classification: "sha".into(),
            hazard_types: "AP mines, UXO, ap_mines".into(),
            date_of_information: "2025-03-01".into(),
            ..LandDraft::default()
        };
        let land = draft.validate().unwrap();
        assert_eq!(land.status, LandStatus::Open);
        assert_eq!(land.hazard_types, [HazardType::ApMines, HazardType::Uxo]);
    }

    #[test]
    fn activity_draft_errors_and_defaults() {
        let d = ActivityDraft {
            kind: "clearance".into(),
            start_date: "2025-05-01".into(),
            end_date: "2025-04-01".into(),
            cleared_m2: "-5".into(),
            devices: vec![DeviceDraft {
                category: "AP mine".into(),
                quantity: "0".into(),
                ..DeviceDraft::default()
            }],
            ..ActivityDraft::default()
        };
        let errors = d.validate(LandId::random()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["end_date", "cleared_m2", "devices[0].quantity"]);

        let ok = ActivityDraft {
            kind: "TS".into(),
            start_date: "2025-05-01".into(),
            end_date: "2025-05-09".into(),
            reduced_with_asset_m2: "1 200,4".into(),
            ..ActivityDraft::default()
        }
        .validate(LandId::random())
        .unwrap();
        assert_eq!(ok.date_of_information.to_string(), "2025-05-09");
        assert_eq!(ok.released.reduced_with_asset_m2.m2(), 1200.0);
    }

    #[test]
    fn items_found_are_bounded() {
        // Found by fuzzing (tests/fuzz_regressions/csv_import/): two device lines of 4294967295
        // and 1 items passed, then `Activity::items_found` overflowed its u32 sum.
        let device = |quantity: &str| DeviceDraft {
            category: "AP mine".into(),
            quantity: quantity.into(),
            ..DeviceDraft::default()
        };
        let draft = |quantities: &[&str]| ActivityDraft {
            kind: "clearance".into(),
            start_date: "2025-05-01".into(),
            devices: quantities.iter().map(|q| device(q)).collect(),
            ..ActivityDraft::default()
        };
        let errors = draft(&["4294967295", "1"])
            .validate(LandId::random())
            .unwrap_err();
        assert_eq!(errors[0].field, "devices");
        assert_eq!(
            errors[0].message,
            "4294967296 items in all is more than the maximum of 1000000 on one activity"
        );
        let ok = draft(&["600000", "400000"])
            .validate(LandId::random())
            .unwrap();
        assert_eq!(ok.items_found(), 1_000_000);
    }

    #[test]
    fn numbers_reject_nan_and_words() {
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("12a"), None);
        assert_eq!(parse_number("1e3"), Some(1000.0));
    }
}
