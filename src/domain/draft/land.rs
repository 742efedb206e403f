//! The land form and import record: [`LandDraft`] and the checks of a typed land.

use super::{FieldErrors, check_area, check_date, vocab_list};
use crate::domain::errors::FieldError;
use crate::domain::ids::LandId;
use crate::domain::land::{AdminLocation, EvidenceItem, KeyInformant, Land};
use crate::domain::ledger::Ledger;
use crate::domain::points::{LonLat, PointSource, SurveyPoint};
use crate::domain::vocab::{
    Classification, EvidenceOfContamination, HazardType, LandStatus, PointKind, Priority,
    ValidationState,
};
use geo_types::MultiPolygon;
use std::collections::BTreeMap;

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
                e.problem(
                    &format!("evidence_items[{i}].kind"),
                    crate::domain::FieldProblem::Required,
                );
            }
        }
        for (i, informant) in self.key_informants.iter().enumerate() {
            if informant.name.trim().is_empty() {
                e.problem(
                    &format!("key_informants[{i}].name"),
                    crate::domain::FieldProblem::Required,
                );
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
            submitted_by: String::new(),
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

/// Checks the non-geometric parts of typed points: labels, GPS accuracy, traverse legs.
pub(super) fn check_points(e: &mut FieldErrors, points: &[SurveyPoint]) {
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
