//! **Redaction by allow-list** (SPEC C10, issue 12): what a donor or public file may carry, field
//! by field. Every record type is destructured here *without* `..`, so adding a field to `Land`,
//! `Activity`, `HazardReport` or any type inside them does not compile until this file says
//! whether the new field may leave. A field that is not copied here never leaves a donor or
//! public file; no free text leaves at all.
//!
//! | record | leaves donor/public files | never leaves them |
//! |---|---|---|
//! | land | id, code, classification, status, evidence (category), hazard types, admin1 and admin2, P-code and settlement (not for a geo-unsafe land), priority, expected beneficiaries (public: < 5 suppressed), donor, project, organisation, date of information, validation state, geometry (not for a geo-unsafe land), ledger, status history (date, status, classification, superseded) | name (replaced by its settlement, or its code), blockage, terrain, evidence items, key informants, team, notes, validation comment, typed points, geometry issue text, foreign attributes, the history's reason, comment and author |
//! | activity | id, code, land, kind, dates, organisation, donor, project, method, deminer and asset days, depth, released areas, released geometry (not for a geo-unsafe land), devices (category, quantity, disposal), handover counts (public: < 5 suppressed), direct evidence, validation state | team, notes, device type/model text, residual-risk note, permanent markers |
//! | hazard report | id, code, EO category, quantity, condition, reported on, status, organisation, validation state, location rounded to 0.01° | reporter and phone, notes, type/model text, location note and typed text, foreign attributes; the whole report when it or its land is geo-unsafe |

use rustc_hash::FxHashSet as HashSet;

use super::activity::{Activity, DeviceFound, Handover};
use super::hazard_report::HazardReport;
use super::ids::LandId;
use super::land::{AdminLocation, Land, StatusChange};
use super::ledger::{Ledger, Released};
use super::points::LonLat;
use super::points::{PointSource, SurveyPoint};
use super::vocab::ExportProfile;

/// A land as a donor or public file may carry it (see the module table); `None` when it must be
/// left out (a geo-unsafe land in the public profile).
pub(super) fn land(profile: ExportProfile, land: Land) -> Option<Land> {
    let Land {
        id,
        code,
        name: _,
        classification,
        status,
        evidence,
        evidence_items: _,
        hazard_types,
        admin,
        priority,
        blockage: _,
        expected_beneficiaries,
        terrain: _,
        key_informants: _,
        donor,
        project,
        organisation,
        team: _,
        date_of_information,
        notes: _,
        validation,
        validation_comment: _,
        submitted_by: _,
        geo_unsafe,
        points: _,
        geometry,
        geometry_issue: _,
        ledger,
        status_history,
        source_attributes: _,
    } = land;
    if geo_unsafe && profile == ExportProfile::Public {
        return None;
    }
    let AdminLocation {
        pcode,
        admin1,
        admin2,
        settlement,
    } = admin;
    let Ledger {
        estimated_m2,
        released,
    } = ledger;
    // The land's name is free text; a donor reads its settlement (gazetteer data) instead, or
    // its code when it has none or must not be located.
    let name = if geo_unsafe || settlement.trim().is_empty() {
        code.clone()
    } else {
        settlement.clone()
    };
    Some(Land {
        id,
        name,
        code,
        classification,
        status,
        evidence,
        evidence_items: Vec::new(),
        hazard_types,
        admin: AdminLocation {
            // A geo-unsafe land is named only down to its municipality.
            pcode: if geo_unsafe { String::new() } else { pcode },
            admin1,
            admin2,
            settlement: if geo_unsafe {
                String::new()
            } else {
                settlement
            },
        },
        priority,
        blockage: String::new(),
        expected_beneficiaries: expected_beneficiaries.and_then(|n| profile.people_count(n)),
        terrain: String::new(),
        key_informants: Vec::new(),
        donor,
        project,
        organisation,
        team: String::new(),
        date_of_information,
        notes: String::new(),
        validation,
        validation_comment: String::new(),
        submitted_by: String::new(),
        geo_unsafe,
        points: Vec::new(),
        geometry: if geo_unsafe { None } else { geometry },
        geometry_issue: None,
        ledger: Ledger {
            estimated_m2,
            released: released_areas(released),
        },
        status_history: status_history.iter().map(status_change).collect(),
        source_attributes: std::collections::BTreeMap::new(),
    })
}

fn released_areas(released: Released) -> Released {
    let Released {
        cancelled_m2,
        reduced_with_asset_m2,
        reduced_without_asset_m2,
        cleared_m2,
    } = released;
    Released {
        cancelled_m2,
        reduced_with_asset_m2,
        reduced_without_asset_m2,
        cleared_m2,
    }
}

fn status_change(change: &StatusChange) -> StatusChange {
    let StatusChange {
        date,
        status,
        classification,
        reason: _,
        comment: _,
        by: _,
        superseded,
    } = change;
    StatusChange {
        date: *date,
        status: *status,
        classification: *classification,
        reason: String::new(),
        comment: String::new(),
        by: String::new(),
        superseded: *superseded,
    }
}

/// An activity as a donor or public file may carry it. `land_without_geometry`: its land left
/// without geometry (geo-unsafe), so its released polygon is dropped too. `per_record_cells`:
/// suppress small counts of people per record (public files; the report suppresses aggregates).
pub(super) fn activity(
    profile: ExportProfile,
    activity: Activity,
    land_without_geometry: bool,
    per_record_cells: bool,
) -> Activity {
    let Activity {
        id,
        code,
        land_id,
        kind,
        start_date,
        end_date,
        date_of_information,
        organisation,
        team: _,
        donor,
        project,
        method,
        deminer_days,
        asset_days,
        depth_cm,
        released,
        released_geometry,
        devices,
        handover,
        direct_evidence_confirmed,
        notes: _,
        validation,
    } = activity;
    Activity {
        id,
        code,
        land_id,
        kind,
        start_date,
        end_date,
        date_of_information,
        organisation,
        team: String::new(),
        donor,
        project,
        method,
        deminer_days,
        asset_days,
        depth_cm,
        released: released_areas(released),
        released_geometry: if land_without_geometry {
            None
        } else {
            released_geometry
        },
        devices: devices.iter().map(device).collect(),
        handover: handover
            .as_ref()
            .map(|h| handover_counts(profile, h, per_record_cells)),
        direct_evidence_confirmed,
        notes: String::new(),
        validation,
    }
}

fn device(device: &DeviceFound) -> DeviceFound {
    let DeviceFound {
        category,
        type_model: _,
        quantity,
        disposal,
    } = device;
    DeviceFound {
        category: *category,
        type_model: String::new(),
        quantity: *quantity,
        disposal: *disposal,
    }
}

fn handover_counts(
    profile: ExportProfile,
    handover: &Handover,
    per_record_cells: bool,
) -> Handover {
    let Handover {
        men,
        women,
        boys,
        girls,
        residual_risk_note: _,
        permanent_markers: _,
    } = handover;
    let mut out = Handover {
        men: *men,
        women: *women,
        boys: *boys,
        girls: *girls,
        residual_risk_note: String::new(),
        permanent_markers: Vec::new(),
    };
    if per_record_cells && profile.suppresses_small_cells() {
        for count in [&mut out.men, &mut out.women, &mut out.boys, &mut out.girls] {
            if profile.people_count(*count).is_none() {
                // Per-record counts of people are the smallest cells there are; a suppressed
                // cell is written as 0 with the handover's note saying so.
                *count = 0;
                SUPPRESSED_NOTE.clone_into(&mut out.residual_risk_note);
            }
        }
    }
    out
}

/// A hazard report as a donor or public file may carry it; `None` when it must be left out: it
/// is geo-unsafe, or its land is (its point and link would locate the land).
pub(super) fn hazard_report(
    report: HazardReport,
    kept_lands: &HashSet<LandId>,
    geo_unsafe_lands: &HashSet<LandId>,
) -> Option<HazardReport> {
    let HazardReport {
        id,
        code,
        location,
        eo_category,
        type_model: _,
        quantity,
        condition,
        reported_by: _,
        reporter_phone: _,
        reported_on,
        status,
        land_id,
        organisation,
        notes: _,
        validation,
        geo_unsafe,
        source_attributes: _,
    } = report;
    if geo_unsafe || land_id.is_some_and(|l| geo_unsafe_lands.contains(&l)) {
        return None;
    }
    let SurveyPoint {
        kind,
        label: _,
        lon_lat,
        entered: _,
        source,
        note: _,
    } = location;
    // How the position was taken may leave, not a traverse's labels.
    let source = match source {
        PointSource::Traverse { .. } => PointSource::Manual,
        other => other,
    };
    Some(HazardReport {
        id,
        code,
        location: SurveyPoint {
            kind,
            label: String::new(),
            lon_lat: generalise(lon_lat),
            entered: None,
            source,
            note: String::new(),
        },
        eo_category,
        type_model: String::new(),
        quantity,
        condition,
        reported_by: String::new(),
        reporter_phone: String::new(),
        reported_on,
        status,
        land_id: land_id.filter(|l| kept_lands.contains(l)),
        organisation,
        notes: String::new(),
        validation,
        geo_unsafe,
        source_attributes: std::collections::BTreeMap::new(),
    })
}
/// Counts of people below this are shown as "< 5" (or left out) in the public profile.
pub const SMALL_CELL_THRESHOLD: u32 = 5;

/// Grid (degrees) to which hazard report locations are rounded in the donor and public profiles
/// (0.01° ≈ 1.1 km of latitude).
pub const GENERALISED_GRID_DEG: f64 = 0.01;

/// The note written where the public profile suppressed a count of people.
pub const SUPPRESSED_NOTE: &str = "counts of fewer than 5 people suppressed";

/// Rounds a position to the [`GENERALISED_GRID_DEG`] grid.
///
/// # Examples
/// ```
/// use safeground::domain::{LonLat, generalise};
/// let p = generalise(LonLat { lon_deg: 18.123_456, lat_deg: 44.709_9 });
/// assert!((p.lon_deg - 18.12).abs() < 1e-9 && (p.lat_deg - 44.71).abs() < 1e-9);
/// ```
pub fn generalise(p: LonLat) -> LonLat {
    let round = |v: f64| (v / GENERALISED_GRID_DEG).round() * GENERALISED_GRID_DEG;
    LonLat {
        lon_deg: round(p.lon_deg),
        lat_deg: round(p.lat_deg),
    }
}
