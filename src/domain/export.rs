//! Export profiles and the export log (C10, domain.md §5): what leaves the store for whom.
//!
//! A profile is applied to a whole [`RecordSet`] before any writer sees it, so GeoJSON, CSV,
//! GeoPackage and the donor report share one set of redaction rules:
//!
//! | rule | `full` | `authority` | `donor` | `public` |
//! |---|---|---|---|---|
//! | informant names, roles and phones; reporter names and phones | kept | kept | dropped | dropped |
//! | all free text (names, notes, blockage, terrain, evidence, history reasons and authors, team, type/model, markers, foreign attributes) | kept | kept | dropped | dropped |
//! | landowner / land-dispute attributes | kept | dropped | dropped | dropped |
//! | typed survey points of a land (as entered, GPS accuracy) | kept | kept | dropped | dropped |
//! | hazard report locations | exact | exact | rounded to 0.01° (≈ 1 km) | rounded to 0.01° |
//! | lands flagged "not safe to record a location" | exact | exact | kept without geometry | left out |
//! | hazard reports flagged "not safe to record a location", or linked to such a land | exact | exact | left out | left out |
//! | counts of people (handover participation, beneficiaries) under 5 | kept | kept | kept | suppressed |
//!
//! Donor and public records are rebuilt field by field from an allow-list ([`super::redact`]):
//! a field nobody listed never leaves. Photos never leave the store in any profile.

use rustc_hash::FxHashSet as HashSet;

use time::OffsetDateTime;

use super::activity::Activity;
use super::hazard_report::HazardReport;
use super::ids::LandId;
use super::land::Land;
use super::normalise_key;
use super::redact::SMALL_CELL_THRESHOLD;
use super::vocab::ExportProfile;

/// Attribute keys (normalised with [`normalise_key`]) that stay internal from the authority
/// profile on: landowners and land disputes (domain.md §5, rule 7).
const INTERNAL_ATTRIBUTE_KEYS: &[&str] = &[
    "landowner",
    "owner",
    "landowners",
    "landdispute",
    "dispute",
    "disputes",
    "ownership",
];

/// Whether a foreign attribute (kept verbatim from an import) stays internal from the authority
/// profile on: landowners and land disputes (domain.md §5, rule 7).
///
/// # Examples
/// ```
/// assert!(safeground::domain::is_internal_attribute("Land_Owner"));
/// assert!(!safeground::domain::is_internal_attribute("village"));
/// ```
pub fn is_internal_attribute(key: &str) -> bool {
    INTERNAL_ATTRIBUTE_KEYS.contains(&normalise_key(key).as_str())
}

/// Every record an export writes: lands, their activities and hazard reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordSet {
    /// Lands.
    pub lands: Vec<Land>,
    /// Activities (each linked to one of `lands`).
    pub activities: Vec<Activity>,
    /// Hazard reports.
    pub hazard_reports: Vec<HazardReport>,
}

impl ExportProfile {
    /// Whether personal data and narratives are removed (donor and public).
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::ExportProfile;
    /// assert!(ExportProfile::Donor.is_redacted());
    /// assert!(!ExportProfile::Authority.is_redacted());
    /// ```
    pub fn is_redacted(self) -> bool {
        matches!(self, Self::Donor | Self::Public)
    }

    /// Whether counts of people under [`SMALL_CELL_THRESHOLD`] are suppressed (public only).
    pub fn suppresses_small_cells(self) -> bool {
        self == Self::Public
    }

    /// A count of people as this profile may show it: `None` when it must be suppressed
    /// (1–4 people in the public profile). Zero is not a small cell: nobody can be identified.
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::ExportProfile;
    /// assert_eq!(ExportProfile::Public.people_count(3), None);
    /// assert_eq!(ExportProfile::Public.people_count(12), Some(12));
    /// assert_eq!(ExportProfile::Donor.people_count(3), Some(3));
    /// ```
    pub fn people_count(self, count: u32) -> Option<u32> {
        if self.suppresses_small_cells() && count > 0 && count < SMALL_CELL_THRESHOLD {
            None
        } else {
            Some(count)
        }
    }

    /// Applies the profile to every record (see the module table). Records keep their ids and
    /// codes; activities of a left-out land are left out too, and their released geometry is
    /// dropped when the land's geometry is.
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::{ExportProfile, RecordSet};
    /// let out = ExportProfile::Public.apply(RecordSet::default());
    /// assert!(out.lands.is_empty());
    /// ```
    pub fn apply(self, records: RecordSet) -> RecordSet {
        self.apply_inner(records, true)
    }

    /// Like [`ExportProfile::apply`], but keeps per-record counts of people, for figures that
    /// are aggregated first and suppressed as aggregates (the report's tables).
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::{ExportProfile, RecordSet};
    /// assert_eq!(ExportProfile::Public.apply_for_aggregates(RecordSet::default()), RecordSet::default());
    /// ```
    pub fn apply_for_aggregates(self, records: RecordSet) -> RecordSet {
        self.apply_inner(records, false)
    }

    fn apply_inner(self, records: RecordSet, per_record_cells: bool) -> RecordSet {
        let RecordSet {
            mut lands,
            activities,
            mut hazard_reports,
        } = records;
        match self {
            Self::Full => {
                return RecordSet {
                    lands,
                    activities,
                    hazard_reports,
                };
            }
            Self::Authority => {
                // Everything but the landowner and land-dispute attributes.
                for land in &mut lands {
                    land.source_attributes
                        .retain(|key, _| !is_internal_attribute(key));
                }
                for report in &mut hazard_reports {
                    report
                        .source_attributes
                        .retain(|key, _| !is_internal_attribute(key));
                }
                return RecordSet {
                    lands,
                    activities,
                    hazard_reports,
                };
            }
            Self::Donor | Self::Public => {}
        }
        // Donor and public: by allow-list (`redact`), record by record.
        let geo_unsafe_lands: HashSet<LandId> = lands
            .iter()
            .filter(|l| l.geo_unsafe)
            .map(|l| l.id)
            .collect();
        let kept_lands: Vec<Land> = lands
            .into_iter()
            .filter_map(|l| super::redact::land(self, l))
            .collect();
        let no_geometry: HashSet<LandId> = kept_lands
            .iter()
            .filter(|l| l.geometry.is_none())
            .map(|l| l.id)
            .collect();
        let kept_ids: HashSet<LandId> = kept_lands.iter().map(|l| l.id).collect();
        let activities = activities
            .into_iter()
            .filter(|a| kept_ids.contains(&a.land_id))
            .map(|a| {
                let without_geometry = no_geometry.contains(&a.land_id);
                super::redact::activity(self, a, without_geometry, per_record_cells)
            })
            .collect();
        let hazard_reports = hazard_reports
            .into_iter()
            .filter_map(|r| super::redact::hazard_report(r, &kept_ids, &geo_unsafe_lands))
            .collect();
        RecordSet {
            lands: kept_lands,
            activities,
            hazard_reports,
        }
    }
}

/// One line of the export log: who wrote which file, when, for whom and with which filter.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExportLogEntry {
    /// When the file was written (UTC).
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Who exported.
    pub who: String,
    /// From which device.
    pub device: String,
    /// What was written: `geojson`, `csv`, `gpkg` or `report`.
    pub format: String,
    /// The profile applied.
    pub profile: ExportProfile,
    /// The filter, as people read it (e.g. "2025-01-01 to 2026-12-31; donor Fondation Horizon"),
    /// or "whole store".
    pub filter: String,
    /// The file written.
    pub file: String,
    /// Lands written.
    pub lands: u64,
    /// Activities written.
    pub activities: u64,
    /// Hazard reports written.
    pub hazard_reports: u64,
}
