use serde_json::json;
use uuid::Uuid;

use super::*;

fn dev(n: u128) -> DeviceId {
    DeviceId(Uuid::from_u128(n))
}

fn version(n: u128, device: u128, wall_ms: u64, bases: &[u128], body: Value) -> RecordVersion {
    RecordVersion {
        id: VersionId(Uuid::from_u128(n)),
        kind: RecordKind::Land,
        record_id: "r".to_owned(),
        bases: bases
            .iter()
            .map(|b| VersionId(Uuid::from_u128(*b)))
            .collect(),
        hlc: Hlc {
            wall_ms,
            counter: 0,
            device: dev(device),
        },
        device: dev(device),
        deleted: None,
        open_conflicts: Vec::new(),
        body,
    }
}

fn land(name: &str, team: &str, date: &str) -> Value {
    json!({"name": name, "team": team, "date_of_information": date, "validation": "submitted",
           "points": [], "geometry": null, "geometry_issue": null, "status": "open",
           "status_history": []})
}

#[test]
fn a_field_changed_on_one_side_only_is_taken_and_no_conflict_is_listed() {
    let base = version(1, 1, 10, &[], land("A", "T1", "2026-01-01"));
    let mine = version(2, 1, 20, &[1], land("B", "T1", "2026-01-01"));
    let theirs = version(3, 2, 30, &[1], land("A", "T2", "2026-01-01"));
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&mine, &theirs]);
    assert_eq!(merged.body["name"], "B");
    assert_eq!(merged.body["team"], "T2");
    assert!(merged.conflicts.is_empty());
}

#[test]
fn the_same_value_on_both_sides_is_no_conflict() {
    let base = version(1, 1, 10, &[], land("A", "T1", "2026-01-01"));
    let mine = version(2, 1, 20, &[1], land("B", "T1", "2026-01-01"));
    let theirs = version(3, 2, 30, &[1], land("B", "T1", "2026-01-01"));
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&theirs, &mine]);
    assert_eq!(merged.body["name"], "B");
    assert!(merged.conflicts.is_empty());
}

#[test]
fn different_values_conflict_and_the_later_date_of_information_wins_whatever_the_clock() {
    let base = version(1, 1, 10, &[], land("A", "T1", "2026-01-01"));
    // Mine has the later date of information but the earlier clock.
    let mine = version(2, 1, 20, &[1], land("B", "T1", "2026-03-01"));
    let theirs = version(3, 2, 30, &[1], land("C", "T1", "2026-02-01"));
    for heads in [[&mine, &theirs], [&theirs, &mine]] {
        let merged = merge_heads(RecordKind::Land, Some(&base), &heads);
        assert_eq!(merged.body["name"], "B");
        let names: Vec<&str> = merged.conflicts.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(names, ["date_of_information", "name"]);
        let name = &merged.conflicts[1];
        assert_eq!(name.base, "A");
        assert_eq!(name.values.len(), 2, "the losing value is kept");
        assert_eq!(name.winner().unwrap().value, "B");
        assert_eq!(name.values[1].value, "C");
    }
}

#[test]
fn equal_dates_fall_to_the_later_clock_then_the_device() {
    let base = version(1, 1, 10, &[], land("A", "T1", "2026-01-01"));
    let mine = version(2, 1, 50, &[1], land("B", "T1", "2026-01-01"));
    let theirs = version(3, 2, 30, &[1], land("C", "T1", "2026-01-01"));
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&theirs, &mine]);
    assert_eq!(merged.body["name"], "B");
    let tie = version(4, 3, 50, &[1], land("D", "T1", "2026-01-01"));
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&mine, &tie]);
    assert_eq!(
        merged.body["name"], "D",
        "same stamp: the larger device id wins"
    );
}

#[test]
fn a_land_geometry_is_one_field() {
    let base = version(1, 1, 10, &[], land("A", "T1", "2026-01-01"));
    let mut a = land("A", "T1", "2026-01-01");
    a["points"] = json!([[18.1, 44.1], [18.2, 44.1], [18.2, 44.2]]);
    let mut b = land("A", "T1", "2026-01-01");
    b["geometry_issue"] = json!("self-intersection");
    let mine = version(2, 1, 20, &[1], a);
    let theirs = version(3, 2, 30, &[1], b);
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&mine, &theirs]);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, GEOMETRY_FIELD);
    // Theirs wins on the clock: its points (none) and its issue go together.
    assert_eq!(merged.body["points"], json!([]));
    assert_eq!(merged.body["geometry_issue"], "self-intersection");
}

#[test]
fn an_edit_against_a_deleted_record_is_a_conflict() {
    let base = version(1, 1, 10, &[], land("A", "T1", "2026-01-01"));
    let mut deleting = version(2, 1, 40, &[1], land("A", "T1", "2026-01-01"));
    deleting.deleted = Some("duplicate of HA-0002".to_owned());
    let editing = version(3, 2, 30, &[1], land("B", "T1", "2026-01-01"));
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&editing, &deleting]);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, DELETED_FIELD);
    assert_eq!(merged.deleted.as_deref(), Some("duplicate of HA-0002"));
    assert_eq!(merged.conflicts[0].values[1].value, Value::Null);
    // A delete with no concurrent edit is simply taken.
    let untouched = version(4, 2, 30, &[1], land("A", "T1", "2026-01-01"));
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&untouched, &deleting]);
    assert!(merged.conflicts.is_empty());
    assert!(merged.deleted.is_some());
}

#[test]
fn an_approval_merged_with_an_unseen_field_change_comes_back_as_submitted() {
    let base = version(1, 1, 10, &[], land("A", "T1", "2026-01-01"));
    let mut approved = land("A", "T1", "2026-01-01");
    approved["validation"] = json!("approved");
    let office = version(2, 1, 20, &[1], approved.clone());
    let field = version(3, 2, 30, &[1], land("B", "T1", "2026-01-01"));
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&office, &field]);
    assert_eq!(merged.body["name"], "B");
    assert_eq!(merged.body["validation"], "submitted");
    // An approval with no other change stays approved.
    let quiet = version(4, 2, 30, &[1], land("A", "T1", "2026-01-01"));
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&office, &quiet]);
    assert_eq!(merged.body["validation"], "approved");
}

#[test]
fn status_histories_are_unioned_and_the_derived_fields_are_not_merged() {
    let entry = |date: &str, reason: &str| json!({"date": date, "reason": reason});
    let mut b = land("A", "T1", "2026-01-01");
    b["status_history"] = json!([entry("2026-01-01", "recorded")]);
    let base = version(1, 1, 10, &[], b.clone());
    let mut m = b.clone();
    m["status_history"] = json!([entry("2026-01-01", "recorded"), entry("2026-03-01", "AC-1")]);
    m["status"] = json!("worked_on");
    let mut t = b.clone();
    t["status_history"] = json!([entry("2026-01-01", "recorded"), entry("2026-02-01", "AC-2")]);
    t["status"] = json!("closed");
    let mine = version(2, 1, 20, &[1], m);
    let theirs = version(3, 2, 30, &[1], t);
    let merged = merge_heads(RecordKind::Land, Some(&base), &[&mine, &theirs]);
    assert!(
        merged.conflicts.is_empty(),
        "status is recomputed, not a conflict"
    );
    let reasons: Vec<&str> = merged.body["status_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["recorded", "AC-2", "AC-1"]);
}

#[test]
fn the_merge_does_not_depend_on_the_order_heads_are_given_in() {
    let base = version(1, 1, 10, &[], land("A", "T1", "2026-01-01"));
    let a = version(2, 1, 20, &[1], land("B", "T2", "2026-01-01"));
    let b = version(3, 2, 30, &[1], land("C", "T1", "2026-01-02"));
    let c = version(4, 3, 25, &[1], land("A", "T3", "2026-01-01"));
    let one = merge_heads(RecordKind::Land, Some(&base), &[&a, &b, &c]);
    for heads in [[&c, &b, &a], [&b, &a, &c], [&a, &c, &b]] {
        assert_eq!(merge_heads(RecordKind::Land, Some(&base), &heads), one);
    }
    assert_eq!(one.body["name"], "C");
    assert_eq!(
        one.body["team"], "T3",
        "T2 and T3 conflict; T3's head is later on the clock"
    );
}

#[test]
fn open_conflicts_carried_by_a_single_head_stay_listed() {
    let mut head = version(2, 1, 20, &[1], land("B", "T1", "2026-01-01"));
    head.open_conflicts = vec![FieldConflict {
        field: "team".to_owned(),
        base: json!("T1"),
        values: Vec::new(),
    }];
    let merged = merge_heads(RecordKind::Land, None, &[&head]);
    assert_eq!(merged.conflicts.len(), 1);
}

#[test]
fn the_common_base_is_the_newest_shared_ancestor() {
    // 1 <- 2 <- 3 (device 1), 2 <- 4 (device 2): the base of 3 and 4 is 2.
    let graph = |v: VersionId| -> Option<(Vec<VersionId>, Hlc)> {
        let n = v.0.as_u128();
        let bases = match n {
            2 => vec![1],
            3 | 4 => vec![2],
            5 => vec![3, 4],
            _ => vec![],
        };
        Some((
            bases
                .into_iter()
                .map(|b| VersionId(Uuid::from_u128(b)))
                .collect(),
            Hlc {
                wall_ms: u64::try_from(n).unwrap(),
                counter: 0,
                device: dev(1),
            },
        ))
    };
    let id = |n| VersionId(Uuid::from_u128(n));
    assert_eq!(common_base(&[id(3), id(4)], graph), Some(id(2)));
    assert_eq!(common_base(&[id(5), id(4)], graph), Some(id(2)));
}
