//! Land: a hazard area (C1, domain.md §1.3, §1.5).

use std::collections::BTreeMap;

use geo_types::MultiPolygon;
use time::Date;

use super::ids::LandId;
use super::ledger::Ledger;
use super::points::SurveyPoint;
use super::units::AreaM2;
use super::vocab::{
    Classification, EvidenceOfContamination, HazardType, LandStatus, Priority, SourceModality,
    ValidationState,
};

/// One piece of evidence of contamination, with how it was learned.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EvidenceItem {
    /// What the evidence is (e.g. "Mine signs", "Craters", "Accident with known location").
    /// The list of kinds is set per country (NMAS), so it is free text here.
    pub kind: String,
    /// Seen, told or read.
    pub modality: SourceModality,
    /// Details.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A key informant (sensitive: dropped by donor and public export profiles).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeyInformant {
    /// Name.
    pub name: String,
    /// Role in the community (e.g. "village chief", "farmer").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Phone number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
}

/// Administrative location with OCHA P-code (domain.md §2.5).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AdminLocation {
    /// Lowest-level P-code known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pcode: String,
    /// Admin level 1 name (province, region, entity).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin1: String,
    /// Admin level 2 name (district, municipality).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin2: String,
    /// Settlement / community.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub settlement: String,
}

/// One entry of a land's dated status history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatusChange {
    /// Date of information of the change.
    pub date: Date,
    /// Status after the change.
    pub status: LandStatus,
    /// Classification after the change.
    pub classification: Classification,
    /// Why (e.g. "Technical survey AC-0004").
    pub reason: String,
    /// Free comment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// Who recorded it.
    #[serde(default)]
    pub by: String,
    /// Dated earlier than the change before it: kept, not applied (date-of-information rule).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub superseded: bool,
}

/// A hazard area.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Land {
    /// Stable identifier.
    pub id: LandId,
    /// Human code, unique per store, e.g. `HA-0042`.
    pub code: String,
    /// Name.
    pub name: String,
    /// Classification.
    pub classification: Classification,
    /// Status.
    pub status: LandStatus,
    /// Evidence of contamination.
    pub evidence: EvidenceOfContamination,
    /// Evidence items with source modality.
    #[serde(default)]
    pub evidence_items: Vec<EvidenceItem>,
    /// Hazard types present.
    #[serde(default)]
    pub hazard_types: Vec<HazardType>,
    /// Administrative location.
    #[serde(default)]
    pub admin: AdminLocation,
    /// Priority.
    #[serde(default)]
    pub priority: Option<Priority>,
    /// Blockage and impact (what the hazard blocks).
    #[serde(default)]
    pub blockage: String,
    /// Expected beneficiaries of release.
    #[serde(default)]
    pub expected_beneficiaries: Option<u32>,
    /// Terrain description (vegetation, slope, soil).
    #[serde(default)]
    pub terrain: String,
    /// Key informants (sensitive).
    #[serde(default)]
    pub key_informants: Vec<KeyInformant>,
    /// Donor.
    #[serde(default)]
    pub donor: String,
    /// Donor project.
    #[serde(default)]
    pub project: String,
    /// Organisation that recorded the land.
    #[serde(default)]
    pub organisation: String,
    /// Survey team.
    #[serde(default)]
    pub team: String,
    /// Date of information of the summary.
    pub date_of_information: Date,
    /// Free-text narrative.
    #[serde(default)]
    pub notes: String,
    /// Validation workflow state.
    pub validation: ValidationState,
    /// Comment given when the record was returned.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub validation_comment: String,
    /// Who submitted the record for validation (four eyes: they may not approve it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub submitted_by: String,
    /// "Not safe to record a location" (C10): coordinates are withheld from shared exports.
    #[serde(default)]
    pub geo_unsafe: bool,
    /// Typed survey points in entry order.
    #[serde(default)]
    pub points: Vec<SurveyPoint>,
    /// The polygon (WGS84 lon/lat); derived from the perimeter points when there are any.
    #[serde(skip)]
    pub geometry: Option<MultiPolygon<f64>>,
    /// Why the polygon is invalid, when it is (flagged, e.g. from a dirty import).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geometry_issue: Option<String>,
    /// Area ledger (derived from the estimate and the activities; not part of the serialised body).
    #[serde(skip)]
    pub ledger: Ledger,
    /// Dated status history, oldest first.
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
    /// Properties of a foreign import that had no field here, kept verbatim.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub source_attributes: BTreeMap<String, serde_json::Value>,
}

impl Land {
    /// The date of the last applied status change, for the date-of-information rule.
    pub fn last_change_on(&self) -> Option<Date> {
        self.status_history
            .iter()
            .filter(|c| !c.superseded)
            .map(|c| c.date)
            .max()
    }
}

/// The shape of a land as saved.
#[derive(Debug, Clone, PartialEq)]
pub struct LandShape {
    /// The polygon, exterior rings counter-clockwise; `None` when the land has no polygon.
    pub geometry: Option<MultiPolygon<f64>>,
    /// Geodesic area rounded to whole m² (0 without a polygon).
    pub area: AreaM2,
    /// The errors that flag the polygon as invalid, in words; empty when valid.
    pub errors: Vec<String>,
    /// Why the land must be refused (beyond the plausibility bounds: larger than
    /// [`crate::domain::MAX_LAND_AREA_M2`] or a boundary longer than
    /// `geometry::MAX_LAND_PERIMETER_M`); `None` when it may be stored.
    pub refusal: Option<String>,
    /// Whether a clockwise ring was normalised.
    pub rewound: bool,
}

impl LandShape {
    /// The first error, as stored in `Land::geometry_issue`.
    pub fn issue(&self) -> Option<String> {
        if self.errors.is_empty() {
            None
        } else {
            Some(self.errors.join("; "))
        }
    }
}
