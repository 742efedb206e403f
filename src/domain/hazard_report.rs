//! Hazard reports (C4): a single item or sighting at a point.

use std::collections::BTreeMap;

use time::Date;

use super::ids::{HazardReportId, LandId};
use super::points::SurveyPoint;
use super::vocab::{EoCategory, HazardReportStatus, ItemCondition, ValidationState};

/// A hazard report.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HazardReport {
    /// Stable identifier.
    pub id: HazardReportId,
    /// Human code, unique per store, e.g. `HR-0003`.
    pub code: String,
    /// Where the item is (same point model as survey points; kind is usually `evidence`).
    pub location: SurveyPoint,
    /// EO category.
    pub eo_category: EoCategory,
    /// Type or model, e.g. `M-75 hand grenade`.
    #[serde(default)]
    pub type_model: String,
    /// Number of items.
    pub quantity: u32,
    /// Condition.
    pub condition: ItemCondition,
    /// Who reported it (sensitive).
    #[serde(default)]
    pub reported_by: String,
    /// Reporter's phone (sensitive).
    #[serde(default)]
    pub reporter_phone: String,
    /// When it was reported.
    pub reported_on: Date,
    /// Status.
    pub status: HazardReportStatus,
    /// The land it belongs to, if any.
    #[serde(default)]
    pub land_id: Option<LandId>,
    /// Organisation that recorded it.
    #[serde(default)]
    pub organisation: String,
    /// Free-text narrative.
    #[serde(default)]
    pub notes: String,
    /// Validation workflow state.
    pub validation: ValidationState,
    /// "Not safe to record a location" (C10).
    #[serde(default)]
    pub geo_unsafe: bool,
    /// Properties of a foreign import that had no field here, kept verbatim.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub source_attributes: BTreeMap<String, serde_json::Value>,
}
