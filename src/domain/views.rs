//! Read models: what the land list, the map and the workflow screens show, built by a store from
//! its columns without parsing whole records.

use std::sync::Arc;

use geo_types::MultiPolygon;

use super::ids::LandId;
use super::land::Land;
use super::ledger::Ledger;
use super::vocab::{Classification, LandStatus, ValidationState};

/// One line of the land list: what `list lands` and the app's list need.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LandSummary {
    /// UUID.
    pub id: LandId,
    /// Human code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Classification.
    pub classification: Classification,
    /// Status.
    pub status: LandStatus,
    /// Validation state.
    pub validation: ValidationState,
    /// The ledger (m²).
    pub ledger: Ledger,
    /// Centroid `[lon, lat]` in degrees, when the land has a position.
    pub centroid: Option<[f64; 2]>,
    /// Why the polygon is flagged, if it is.
    pub geometry_issue: Option<String>,
    /// Donor.
    pub donor: String,
    /// Organisation.
    pub organisation: String,
}

/// A land as the map draws it: the list line plus its polygon and bounding box.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLand {
    /// The list line (code, name, classification, status, ledger, centroid).
    pub summary: LandSummary,
    /// The polygon, WGS84 lon/lat degrees (shared with the map's copy, not cloned).
    pub geometry: Option<Arc<MultiPolygon<f64>>>,
    /// `[min_lon, min_lat, max_lon, max_lat]` in degrees.
    pub bbox_lon_lat: Option<[f64; 4]>,
    /// Polygons of released parts (cancelled, reduced, cleared) recorded with activities.
    pub released: Vec<MultiPolygon<f64>>,
}

/// What happened to a land edit.
#[derive(Debug, Clone, PartialEq)]
pub enum LandUpdate {
    /// The edit was applied.
    Applied(Box<Land>),
    /// The edit's date of information is earlier than the record's: kept in history, not applied.
    Superseded,
}

/// A land edit that lost to later information (C5 date-of-information rule).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SupersededUpdate {
    /// The land's code.
    pub code: String,
    /// Date of information of the edit (`YYYY-MM-DD`).
    pub date_of_information: String,
    /// Date of information of the record it did not override (`YYYY-MM-DD`).
    pub record_date_of_information: String,
    /// Who submitted it.
    pub by: String,
}
