#![expect(
    clippy::float_cmp,
    reason = "ledger amounts are whole m², exact in f64"
)]

use super::activity::{ActivityDraft, DeviceDraft};
use super::land::LandDraft;

use super::*;
use crate::domain::{HazardType, LandId, LandStatus};

#[test]
fn land_draft_reports_every_field_error() {
    let draft = LandDraft {
        code: "HA 7!".into(),
        classification: "banana".into(),
        date_of_information: "2025-13-01".into(),
        expected_beneficiaries: "-4".into(),
        ..LandDraft::default()
    };
    let errors = draft.validate().unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "code",
            "name",
            "classification",
            "expected_beneficiaries",
            "date_of_information"
        ]
    );
    assert!(
        errors[2]
            .message
            .contains("'banana' is not one of: Indication, SHA, CHA")
    );
}

#[test]
fn the_fast_date_path_agrees_with_the_general_parser() {
    let general = |t: &str| {
        Date::parse(t, format_description!("[year]-[month]-[day]"))
            .ok()
            .filter(|d| is_plausible_date(*d))
    };
    for year in [
        "0000", "0001", "1900", "1999", "2000", "2024", "2025", "9999",
    ] {
        for month in 0..=13 {
            for day in 0..=32 {
                let text = format!("{year}-{month:02}-{day:02}");
                assert_eq!(parse_date(&text), general(&text), "{text}");
                assert_eq!(parse_date(&format!(" {text} ")), general(&text), "{text}");
            }
        }
    }
    for text in [
        "2025-3-01",
        "2025-03-1",
        "+2025-03-01",
        "2025/03/01",
        "２０２５-03-01",
        "",
    ] {
        assert_eq!(parse_date(text), general(text), "{text}");
    }
}

#[test]
fn land_draft_validates() {
    let draft = LandDraft {
        name: "Field north of the school".into(),
        classification: "sha".into(),
        hazard_types: "AP mines, UXO, ap_mines".into(),
        date_of_information: "2025-03-01".into(),
        ..LandDraft::default()
    };
    let land = draft.validate().unwrap();
    assert_eq!(land.status, LandStatus::Open);
    assert_eq!(land.hazard_types, [HazardType::ApMines, HazardType::Uxo]);
}

#[test]
fn activity_draft_errors_and_defaults() {
    let d = ActivityDraft {
        kind: "clearance".into(),
        start_date: "2025-05-01".into(),
        end_date: "2025-04-01".into(),
        cleared_m2: "-5".into(),
        devices: vec![DeviceDraft {
            category: "AP mine".into(),
            quantity: "0".into(),
            ..DeviceDraft::default()
        }],
        ..ActivityDraft::default()
    };
    let errors = d.validate(LandId::random()).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["end_date", "cleared_m2", "devices[0].quantity"]);

    let ok = ActivityDraft {
        kind: "TS".into(),
        start_date: "2025-05-01".into(),
        end_date: "2025-05-09".into(),
        reduced_with_asset_m2: "1 200,4".into(),
        ..ActivityDraft::default()
    }
    .validate(LandId::random())
    .unwrap();
    assert_eq!(ok.date_of_information.to_string(), "2025-05-09");
    assert_eq!(ok.released.reduced_with_asset_m2.m2(), 1200.0);
}

#[test]
fn items_found_are_bounded() {
    // Found by fuzzing (tests/fuzz_regressions/csv_import/): two device lines of 4294967295
    // and 1 items passed, then `Activity::items_found` overflowed its u32 sum.
    let device = |quantity: &str| DeviceDraft {
        category: "AP mine".into(),
        quantity: quantity.into(),
        ..DeviceDraft::default()
    };
    let draft = |quantities: &[&str]| ActivityDraft {
        kind: "clearance".into(),
        start_date: "2025-05-01".into(),
        devices: quantities.iter().map(|q| device(q)).collect(),
        ..ActivityDraft::default()
    };
    let errors = draft(&["4294967295", "1"])
        .validate(LandId::random())
        .unwrap_err();
    assert_eq!(errors[0].field, "devices");
    assert_eq!(
        errors[0].message,
        "4294967296 items in all is more than the maximum of 1000000 on one activity"
    );
    let ok = draft(&["600000", "400000"])
        .validate(LandId::random())
        .unwrap();
    assert_eq!(ok.items_found(), 1_000_000);
}

#[test]
fn numbers_reject_nan_and_words() {
    assert_eq!(parse_number("inf"), None);
    assert_eq!(parse_number("12a"), None);
    assert_eq!(parse_number("1e3"), Some(1000.0));
}
