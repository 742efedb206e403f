//! Every rule of the core, without a store: plans are values, compared as values.

use geo_types::{MultiPolygon, polygon};
use time::macros::{date, datetime};

use super::*;
use crate::domain::{
    Activity, ActivityDraft, Actor, AreaM2, AuditAction, Classification, EntityKind, Land,
    LandDraft, LandShape, LandState, LandStatus, LedgerError, LifecycleError, ValidationState,
};

fn actor() -> Actor {
    Actor::new("amina", "laptop-2")
}

fn ctx(actor: &Actor) -> Context<'_> {
    Context {
        actor,
        at: datetime!(2026-12-05 10:00 UTC),
    }
}

fn square() -> MultiPolygon<f64> {
    MultiPolygon(vec![polygon![
        (x: 18.0, y: 44.0), (x: 18.001, y: 44.0), (x: 18.001, y: 44.001), (x: 18.0, y: 44.001), (x: 18.0, y: 44.0)
    ]])
}

fn shape(area_m2: f64) -> LandShape {
    LandShape {
        geometry: Some(square()),
        area: AreaM2::whole(area_m2),
        errors: Vec::new(),
        refusal: None,
        rewound: false,
    }
}

fn draft_land() -> Land {
    let mut land = LandDraft {
        name: "North field".into(),
        classification: "sha".into(),
        date_of_information: "2025-03-01".into(),
        ..LandDraft::default()
    }
    .validate()
    .unwrap();
    land.code = "HA-0001".into();
    land
}

fn stored_land() -> Land {
    let actor = actor();
    create_land(draft_land(), shape(10_000.0), &ctx(&actor))
        .unwrap()
        .land
}

fn activity(land: &Land, kind: &str, date: &str, bucket: &str, m2: &str, code: &str) -> Activity {
    let mut d = ActivityDraft {
        kind: kind.into(),
        start_date: date.into(),
        end_date: date.into(),
        ..ActivityDraft::default()
    };
    match bucket {
        "cancelled" => d.cancelled_m2 = m2.into(),
        "reduced" => d.reduced_with_asset_m2 = m2.into(),
        "cleared" => d.cleared_m2 = m2.into(),
        _ => {}
    }
    let mut a = d.validate(land.id).unwrap();
    a.code = code.into();
    a
}

#[test]
fn a_new_land_takes_its_shape_a_first_history_entry_and_one_audit_entry() {
    let actor = actor();
    let plan = create_land(draft_land(), shape(10_000.0), &ctx(&actor)).unwrap();
    assert!(plan.is_new);
    assert_eq!(plan.stored_history, 0);
    assert_eq!(plan.land.ledger.estimated_m2, AreaM2::whole(10_000.0));
    assert_eq!(plan.land.geometry, Some(square()));
    let first = &plan.land.status_history[0];
    assert_eq!(
        (first.reason.as_str(), first.by.as_str()),
        ("Recorded", "amina")
    );
    assert_eq!(first.date, date!(2025 - 03 - 01));
    assert_eq!(plan.audit.len(), 1);
    let e = &plan.audit[0];
    assert_eq!(
        (
            e.action,
            e.entity,
            e.entity_code.as_str(),
            e.device.as_str()
        ),
        (AuditAction::Create, EntityKind::Land, "HA-0001", "laptop-2")
    );
    assert_eq!(e.at, datetime!(2026-12-05 10:00 UTC));
}

#[test]
fn a_shape_that_may_not_be_stored_is_refused_and_a_flag_is_kept() {
    let actor = actor();
    let mut refused = shape(1.0);
    refused.refusal = Some("larger than 100 000 km²".into());
    let err = create_land(draft_land(), refused, &ctx(&actor)).unwrap_err();
    assert!(matches!(&err, RuleError::Invalid(e) if e[0].field == "geometry"));
    let mut flagged = shape(5_000.0);
    flagged.errors = vec!["the boundary crosses itself".into()];
    let plan = create_land(draft_land(), flagged, &ctx(&actor)).unwrap();
    assert_eq!(
        plan.land.geometry_issue.as_deref(),
        Some("the boundary crosses itself")
    );
}

#[test]
fn an_older_edit_is_kept_not_applied() {
    let actor = actor();
    let old = stored_land();
    let mut edit = old.clone();
    edit.name = "Renamed".into();
    edit.date_of_information = date!(2024 - 01 - 01);
    assert!(is_superseded(
        edit.date_of_information,
        old.date_of_information
    ));
    assert!(!is_superseded(
        old.date_of_information,
        old.date_of_information
    ));
    let LandEdit::Supersede(kept) = edit_land(&old, edit, shape(10_000.0), &ctx(&actor)).unwrap()
    else {
        panic!("an older edit must be superseded")
    };
    assert_eq!(kept.edit.name, "Renamed");
    assert_eq!(kept.audit.field.as_deref(), Some("superseded_update"));
    assert_eq!(
        kept.audit.new_value.as_deref(),
        Some("edit dated 2024-01-01 kept, not applied")
    );
}

#[test]
fn an_edit_keeps_ledger_history_and_code_and_audits_each_changed_field() {
    let actor = actor();
    let mut old = stored_land();
    old.ledger = old
        .ledger
        .release(&crate::domain::Released {
            cleared_m2: AreaM2::whole(2_000.0),
            ..Default::default()
        })
        .unwrap();
    let mut edit = old.clone();
    edit.code = String::new();
    edit.name = "Renamed".into();
    edit.status = LandStatus::WorkedOn;
    edit.ledger = crate::domain::Ledger::new(AreaM2::whole(1.0));
    edit.status_history.clear();
    edit.date_of_information = date!(2025 - 04 - 01);
    let LandEdit::Apply(plan) = edit_land(&old, edit, shape(12_000.0), &ctx(&actor)).unwrap()
    else {
        panic!("a later edit applies")
    };
    assert_eq!(plan.land.code, "HA-0001");
    assert_eq!(plan.land.ledger.released, old.ledger.released);
    assert_eq!(plan.land.ledger.estimated_m2, AreaM2::whole(12_000.0));
    assert_eq!(plan.stored_history, 1);
    assert_eq!(plan.land.status_history.len(), 2);
    assert_eq!(plan.land.status_history[1].reason, "Edited");
    let fields: Vec<&str> = plan
        .audit
        .iter()
        .filter_map(|e| e.field.as_deref())
        .collect();
    assert_eq!(
        fields,
        ["date_of_information", "name", "status", "estimated_m2"]
    );
    // A polygon smaller than what is released is refused.
    let mut shrink = old.clone();
    shrink.date_of_information = date!(2025 - 04 - 01);
    let err = edit_land(&old, shrink, shape(1_000.0), &ctx(&actor)).unwrap_err();
    assert!(matches!(
        err,
        RuleError::Ledger(LedgerError::EstimateBelowReleased { .. })
    ));
}

#[test]
fn audit_changes_sees_polygon_and_estimate_and_nothing_else_when_equal() {
    let actor = actor();
    let old = stored_land();
    assert!(audit_changes(&old, &old, &ctx(&actor)).is_empty());
    let mut new = old.clone();
    new.geometry = None;
    let entries = audit_changes(&old, &new, &ctx(&actor));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].new_value.as_deref(), Some("polygon changed"));
}

#[test]
fn an_activity_moves_ledger_status_and_history_and_is_audited() {
    let actor = actor();
    let land = stored_land();
    let ts = activity(&land, "ts", "2025-05-01", "reduced", "4000", "AC-0001");
    let plan = record_activity(&land, ts, &ctx(&actor)).unwrap();
    assert_eq!(plan.land.land.status, LandStatus::WorkedOn);
    assert_eq!(plan.land.land.ledger.remaining(), AreaM2::whole(6_000.0));
    assert_eq!(plan.land.stored_history, 1);
    assert_eq!(plan.land.land.status_history.len(), 2);
    assert_eq!(plan.land.land.status_history[1].date, date!(2025 - 05 - 01));
    assert_eq!(plan.audit.action, AuditAction::Create);
    assert_eq!(plan.audit.new_value.as_deref(), Some("ts on HA-0001"));
    let fields: Vec<&str> = plan
        .land
        .audit
        .iter()
        .filter_map(|e| e.field.as_deref())
        .collect();
    assert_eq!(fields, ["status", "ledger"]);
    assert_eq!(
        plan.land.audit[1].new_value.as_deref(),
        Some("remaining 6 000 m² after AC-0001")
    );
    // More than remains is refused, with the ledger's words.
    let greedy = activity(
        &plan.land.land,
        "clearance",
        "2025-06-01",
        "cleared",
        "7000",
        "AC-0002",
    );
    let err = record_activity(&plan.land.land, greedy, &ctx(&actor)).unwrap_err();
    assert!(matches!(
        err,
        RuleError::Lifecycle(LifecycleError::Ledger(LedgerError::OverRelease { .. }))
    ));
}

#[test]
fn restored_activities_and_hazard_reports_are_audited_as_such() {
    let actor = actor();
    let land = stored_land();
    let a = activity(&land, "nts", "2025-05-01", "cancelled", "100", "AC-0009");
    let e = restore_activity(&a, &ctx(&actor));
    assert_eq!(
        (e.action, e.entity_code.as_str()),
        (AuditAction::Import, "AC-0009")
    );
    let e = delete_land(&land, &ctx(&actor));
    assert_eq!(
        (e.action, e.entity),
        (AuditAction::Delete, EntityKind::Land)
    );
    let mut report = crate::domain::HazardReportDraft {
        location: "44.7 18.0".into(),
        eo_category: "uxo".into(),
        reported_on: "2025-05-02".into(),
        ..Default::default()
    }
    .validate(&|t| {
        let (lat, lon) = t.split_once(' ').ok_or("two numbers")?;
        let lon_lat = crate::domain::LonLat::lat_lon(
            lat.parse().map_err(|_e: std::num::ParseFloatError| "lat")?,
            lon.parse().map_err(|_e: std::num::ParseFloatError| "lon")?,
        )
        .map_err(|_e| "range")?;
        Ok((lon_lat, crate::domain::CoordFormat::Dd))
    })
    .unwrap();
    report.code = "HR-0007".into();
    let e = record_hazard_report(&report, &ctx(&actor));
    assert_eq!(
        (e.action, e.entity, e.new_value.as_deref()),
        (
            AuditAction::Create,
            EntityKind::HazardReport,
            Some("HR-0007")
        )
    );
}

#[test]
fn workflow_plans_keep_the_comment_only_when_returned() {
    let actor = actor();
    let officer = Actor::new("samir", "office-1").with_role("NPA", crate::domain::Role::ImOfficer);
    let mut land = stored_land();
    land.validation = ValidationState::Submitted;
    land.submitted_by = "amina".into();
    // A surveyor may not return (nor approve) a record.
    let refused = move_in_workflow(
        &land,
        &WorkflowAction::Return("fix it".into()),
        &ctx(&actor),
    );
    assert!(matches!(refused, Err(RuleError::NotPermitted(_))));
    let returned = move_in_workflow(
        &land,
        &WorkflowAction::Return("  fix the polygon ".into()),
        &ctx(&officer),
    )
    .unwrap();
    assert_eq!(returned.land.validation, ValidationState::Returned);
    assert_eq!(returned.land.validation_comment, "fix the polygon");
    assert_eq!(
        returned.audit[0].new_value.as_deref(),
        Some("returned (fix the polygon)")
    );
    let submitted =
        move_in_workflow(&returned.land, &WorkflowAction::Submit, &ctx(&actor)).unwrap();
    assert_eq!(submitted.land.validation_comment, "");
    assert_eq!(submitted.land.status_history, land.status_history);
    assert_eq!(submitted.land.submitted_by, "amina");
    // Four eyes: the submitter does not approve, even as an IM officer.
    let own = Actor::new("amina", "laptop-2").with_role("NPA", crate::domain::Role::ImOfficer);
    let err = move_in_workflow(
        &submitted.land,
        &WorkflowAction::Approve(String::new()),
        &ctx(&own),
    )
    .unwrap_err();
    assert!(err.to_string().contains("four eyes"), "{err}");
    let approved = move_in_workflow(
        &submitted.land,
        &WorkflowAction::Approve(String::new()),
        &ctx(&officer),
    )
    .unwrap();
    assert_eq!(approved.land.validation, ValidationState::Approved);
}

#[test]
fn the_projection_of_recorded_activities_is_what_recording_them_made() {
    let actor = actor();
    let mut land = stored_land();
    let mut recorded = Vec::new();
    for (kind, date, bucket, m2) in [
        ("nts", "2025-03-10", "cancelled", "1000"),
        ("ts", "2025-04-10", "reduced", "3000"),
        ("clearance", "2025-05-10", "cleared", "2500"),
        ("completion_report", "2025-06-10", "cleared", "3500"),
    ] {
        let code = format!("AC-{:04}", recorded.len() + 1);
        let a = activity(&land, kind, date, bucket, m2, &code);
        let plan = record_activity(&land, a, &ctx(&actor)).unwrap();
        land = plan.land.land;
        recorded.push(plan.activity);
    }
    assert_eq!(land.status, LandStatus::Closed);
    // Replayed in any order of the slice: the defined order decides.
    recorded.reverse();
    let projected = project_land(projection_start(&land, &recorded), &recorded).unwrap();
    assert_eq!(projected.state.ledger, land.ledger);
    assert_eq!(projected.state.status, land.status);
    assert_eq!(projected.state.classification, land.classification);
    assert_eq!(projected.transitions.len(), land.status_history.len() - 1);
    // Two releases that together exceed the estimate are refused as a set.
    let start = LandState {
        classification: Classification::Sha,
        status: LandStatus::Open,
        ledger: crate::domain::Ledger::new(AreaM2::whole(5_000.0)),
        last_change_on: None,
    };
    let a = activity(&land, "clearance", "2025-05-01", "cleared", "3000", "AC-1");
    let b = activity(&land, "clearance", "2025-05-02", "cleared", "3000", "AC-2");
    assert!(project_land(start, &[a, b]).is_err());
}

#[test]
fn voiding_an_activity_recomputes_the_land_from_the_others() {
    let actor = actor();
    let mut land = stored_land();
    let mut recorded = Vec::new();
    for (kind, date, bucket, m2) in [
        ("ts", "2025-04-10", "reduced", "3000"),
        ("clearance", "2025-05-10", "cleared", "7000"),
        ("completion_report", "2025-06-10", "", ""),
    ] {
        let code = format!("AC-{:04}", recorded.len() + 1);
        let a = activity(&land, kind, date, bucket, m2, &code);
        let plan = record_activity(&land, a, &ctx(&actor)).unwrap();
        land = plan.land.land;
        recorded.push(plan.activity);
    }
    assert_eq!(land.status, LandStatus::Closed);
    // The completion report voided: the land is worked on again, nothing else changes.
    let plan = void_activity(
        &land,
        &recorded,
        &recorded[2],
        "entered by mistake",
        &ctx(&actor),
    )
    .unwrap();
    assert_eq!(plan.land.land.status, LandStatus::WorkedOn);
    assert_eq!(plan.land.land.ledger, land.ledger);
    assert_eq!(plan.audit.action, AuditAction::Void);
    assert_eq!(plan.audit.new_value.as_deref(), Some("entered by mistake"));
    let last = plan.land.land.status_history.last().unwrap();
    assert_eq!(last.reason, "Voided AC-0003: entered by mistake");
    // The clearance alone cannot go: the completion report needs it.
    let err = void_activity(&land, &recorded, &recorded[1], "wrong", &ctx(&actor)).unwrap_err();
    assert!(
        matches!(err, RuleError::NotPermitted(ref m) if m.contains("AC-0002")),
        "{err}"
    );
    // No reason, no void.
    let err = void_activity(&land, &recorded, &recorded[2], "  ", &ctx(&actor)).unwrap_err();
    assert!(matches!(err, RuleError::Invalid(ref e) if e[0].field == "reason"));
}

#[test]
fn a_hazard_report_edit_dated_earlier_is_kept_not_applied() {
    let actor = actor();
    let report = crate::domain::HazardReportDraft {
        location: "x".into(),
        eo_category: "uxo".into(),
        reported_on: "2025-05-02".into(),
        ..Default::default()
    }
    .validate(&|_t| {
        Ok((
            crate::domain::LonLat::lat_lon(44.7, 18.0).map_err(|_e| "range")?,
            crate::domain::CoordFormat::Dd,
        ))
    })
    .unwrap();
    let mut older = report.clone();
    older.reported_on = time::macros::date!(2025 - 01 - 01);
    assert!(matches!(
        edit_hazard_report(&report, older, &ctx(&actor)),
        HazardReportEdit::Supersede(_)
    ));
    let mut fixed = report.clone();
    fixed.status = crate::domain::HazardReportStatus::DestroyedRemoved;
    let HazardReportEdit::Apply { audit, .. } = edit_hazard_report(&report, fixed, &ctx(&actor))
    else {
        panic!("a same-day correction applies")
    };
    let fields: Vec<&str> = audit.iter().filter_map(|e| e.field.as_deref()).collect();
    assert_eq!(fields, ["status"]);
}

#[test]
fn a_lenient_projection_keeps_going_past_an_over_release_and_never_closes_on_part_of_the_work() {
    let land = stored_land();
    // Two laptops each cleared 6 000 m² of the 10 000 m² land.
    let a = activity(
        &land,
        "clearance",
        "2026-03-01",
        "cleared",
        "6000",
        "AC-0001",
    );
    let b = activity(
        &land,
        "clearance",
        "2026-03-02",
        "cleared",
        "6000",
        "AC-0002",
    );
    let both = [a.clone(), b.clone()];
    assert!(project_land(projection_start(&land, &both), &both).is_err());
    let lenient = project_land_lenient(projection_start(&land, &both), &both);
    assert_eq!(lenient.refused.len(), 1);
    assert_eq!(lenient.refused[0].0, "AC-0002");
    assert_eq!(
        lenient.projected.state.ledger.remaining(),
        AreaM2::whole(4_000.0)
    );
    assert_eq!(lenient.projected.state.status, LandStatus::WorkedOn);
    // One laptop cleared it all, the other cleared half: the land is not closed on either alone.
    let all = activity(
        &land,
        "clearance",
        "2026-03-01",
        "cleared",
        "10000",
        "AC-0003",
    );
    let half = activity(
        &land,
        "clearance",
        "2026-03-02",
        "cleared",
        "5000",
        "AC-0004",
    );
    let pair = [all, half];
    let lenient = project_land_lenient(projection_start(&land, &pair), &pair);
    assert_eq!(lenient.refused.len(), 1);
    assert_eq!(lenient.projected.state.status, LandStatus::WorkedOn);
    // With nothing refused it is the strict projection.
    let one = [a];
    assert_eq!(
        project_land_lenient(projection_start(&land, &one), &one).projected,
        project_land(projection_start(&land, &one), &one).unwrap()
    );
}
