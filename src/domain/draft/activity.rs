//! The activity form and import record: [`ActivityDraft`], [`DeviceDraft`] and the checks of a typed activity.

use super::{FieldErrors, MAX_ITEMS_FOUND, check_area, check_date};
use crate::domain::activity::{Activity, DeviceFound, Handover};
use crate::domain::errors::FieldError;
use crate::domain::ids::{ActivityId, LandId};
use crate::domain::ledger::Released;
use crate::domain::vocab::{ActivityKind, Disposal, EoCategory, Method, ValidationState};

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

/// One row of the devices-found table as typed.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
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
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
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
