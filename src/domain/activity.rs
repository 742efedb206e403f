//! Activities linked to a land (C5): survey, clearance and outcome reports.

use geo_types::MultiPolygon;
use time::Date;

use super::ids::{ActivityId, LandId};
use super::ledger::Released;
use super::vocab::{ActivityKind, Disposal, EoCategory, Method, ValidationState};

/// One row of an activity's devices-found table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DeviceFound {
    /// EO category.
    pub category: EoCategory,
    /// Type or model, e.g. `PMA-2`, `TMM-1`, `M77`.
    #[serde(default)]
    pub type_model: String,
    /// Number of items.
    pub quantity: u32,
    /// What was done with them.
    pub disposal: Disposal,
}

/// Community participation and residual-risk note of a handover certificate (domain.md §1.6).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Handover {
    /// Men from the community involved in the handover.
    #[serde(default)]
    pub men: u32,
    /// Women involved.
    #[serde(default)]
    pub women: u32,
    /// Boys involved.
    #[serde(default)]
    pub boys: u32,
    /// Girls involved.
    #[serde(default)]
    pub girls: u32,
    /// Who owns the residual risk and what it is.
    #[serde(default)]
    pub residual_risk_note: String,
    /// Permanent markers left in the ground (labels or descriptions).
    #[serde(default)]
    pub permanent_markers: Vec<String>,
}

/// An activity report linked to one land.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Activity {
    /// Stable identifier.
    pub id: ActivityId,
    /// Human code, e.g. `AC-0012`.
    pub code: String,
    /// The land it belongs to.
    pub land_id: LandId,
    /// Activity type.
    pub kind: ActivityKind,
    /// First day of work.
    pub start_date: Date,
    /// Last day of work (None while under way).
    #[serde(default)]
    pub end_date: Option<Date>,
    /// Date of information: the date the report describes (IMSMA rule, C5).
    pub date_of_information: Date,
    /// Implementing organisation.
    #[serde(default)]
    pub organisation: String,
    /// Team.
    #[serde(default)]
    pub team: String,
    /// Donor funding the activity.
    #[serde(default)]
    pub donor: String,
    /// Donor project.
    #[serde(default)]
    pub project: String,
    /// Method used.
    #[serde(default)]
    pub method: Option<Method>,
    /// Deminer-days worked.
    #[serde(default)]
    pub deminer_days: Option<f64>,
    /// Asset-days (machines, dog teams).
    #[serde(default)]
    pub asset_days: Option<f64>,
    /// Clearance depth in centimetres.
    #[serde(default)]
    pub depth_cm: Option<f64>,
    /// Area released, by bucket.
    #[serde(default)]
    pub released: Released,
    /// The released part's own polygon, when surveyed.
    #[serde(skip)]
    pub released_geometry: Option<MultiPolygon<f64>>,
    /// Devices found and destroyed.
    #[serde(default)]
    pub devices: Vec<DeviceFound>,
    /// Handover details (handover certificates only).
    #[serde(default)]
    pub handover: Option<Handover>,
    /// Technical survey found direct evidence (reclassifies SHA → CHA).
    #[serde(default)]
    pub direct_evidence_confirmed: bool,
    /// Free-text narrative.
    #[serde(default)]
    pub notes: String,
    /// Validation workflow state.
    #[serde(default = "default_validation")]
    pub validation: ValidationState,
}

fn default_validation() -> ValidationState {
    ValidationState::Draft
}

impl Activity {
    /// Total items found.
    pub fn items_found(&self) -> u32 {
        self.devices
            .iter()
            .map(|d| d.quantity)
            .fold(0, u32::saturating_add)
    }
}

/// Which ledger buckets an activity type may release into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllowedBuckets {
    /// May cancel area.
    pub cancelled: bool,
    /// May reduce area.
    pub reduced: bool,
    /// May clear area.
    pub cleared: bool,
}

impl ActivityKind {
    /// The ledger buckets this activity type may release into (C5).
    ///
    /// NTS and cancellation reports cancel; technical survey reduces; clearance, BAC and EOD spot
    /// tasks clear; progress reports reduce or clear; completion reports may carry any bucket;
    /// handover certificates and post-clearance inspections release nothing.
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::ActivityKind;
    /// assert!(ActivityKind::Nts.allowed_buckets().cancelled);
    /// assert!(!ActivityKind::Clearance.allowed_buckets().cancelled);
    /// ```
    pub fn allowed_buckets(self) -> AllowedBuckets {
        let (cancelled, reduced, cleared) = match self {
            Self::Nts | Self::CancellationReport => (true, false, false),
            Self::TechnicalSurvey => (false, true, false),
            Self::Clearance | Self::Bac | Self::EodSpotTask => (false, false, true),
            Self::ProgressReport => (false, true, true),
            Self::CompletionReport => (true, true, true),
            Self::HandoverCertificate | Self::PostClearanceInspection => (false, false, false),
        };
        AllowedBuckets {
            cancelled,
            reduced,
            cleared,
        }
    }

    /// Whether this activity is physical work that puts a land "Worked on".
    pub fn starts_work(self) -> bool {
        matches!(
            self,
            Self::TechnicalSurvey | Self::Clearance | Self::Bac | Self::ProgressReport
        )
    }
}
