//! The hazard report form and import record: [`HazardReportDraft`] and the checks of a typed report.

use super::{FieldErrors, check_date};
use crate::domain::errors::FieldError;
use crate::domain::hazard_report::HazardReport;
use crate::domain::ids::{HazardReportId, LandId};
use crate::domain::points::{EnteredCoord, LonLat, PointSource, SurveyPoint};
use crate::domain::vocab::{
    CoordFormat, EoCategory, HazardReportStatus, ItemCondition, PointKind, ValidationState,
};
use std::collections::BTreeMap;

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

/// A hazard report as typed or imported.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
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
                e.problem("location", crate::domain::FieldProblem::Required);
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
