//! Store behaviour on a real temp file: lifecycle, ledger, date of information, migrations,
//! refusal of bad files, audit.

use safeground::domain::{
    ActivityDraft, Actor, Classification, DeviceDraft, LandStatus, LandUpdate, Role, WorkflowAction,
};
use safeground::storage::{
    LATEST_SCHEMA_VERSION, Store, StoreError, create_store_at_version, set_schema_version,
};

use super::util::{TestStore, actor, db, run, square_land};

fn activity(kind: &str, date: &str, field: &str, m2: &str) -> ActivityDraft {
    let mut d = ActivityDraft {
        kind: kind.into(),
        start_date: date.into(),
        end_date: date.into(),
        ..ActivityDraft::default()
    };
    match field {
        "cancelled" => d.cancelled_m2 = m2.into(),
        "reduced" => d.reduced_with_asset_m2 = m2.into(),
        "cleared" => d.cleared_m2 = m2.into(),
        _ => {}
    }
    d
}

#[test]
fn land_survives_reopen_with_code_area_and_history() {
    // Given a new store with one land
    let t = TestStore::new();
    let created = t
        .open()
        .create_land(square_land("North field", 18.0, 44.7), &actor())
        .unwrap();
    // When the store is reopened
    let land = t.open().land_by_code(&created.code).unwrap();
    // Then everything is there
    assert_eq!(land.code, "HA-0001");
    assert_eq!(land, created);
    assert!((land.ledger.estimated_m2.m2() - 10_000.0).abs() < 50.0);
    assert_eq!(land.status_history.len(), 1);
    assert!(land.geometry_issue.is_none());
}

#[test]
fn lifecycle_and_ledger_through_the_store() {
    let t = TestStore::new();
    let mut s = t.open();
    let land = s
        .create_land(square_land("Orchard", 18.0, 44.7), &actor())
        .unwrap();
    let est = land.ledger.estimated_m2.m2();
    let mut ts = activity("ts", "2025-04-01", "reduced", "2000");
    ts.direct_evidence_confirmed = true;
    ts.devices = vec![DeviceDraft {
        category: "ap_mine".into(),
        type_model: "PMA-2".into(),
        quantity: "2".into(),
        disposal: String::new(),
    }];
    s.add_activity(ts.validate(land.id).unwrap(), &actor())
        .unwrap();
    s.add_activity(
        activity("clearance", "2025-05-01", "cleared", "3000")
            .validate(land.id)
            .unwrap(),
        &actor(),
    )
    .unwrap();
    let rest = format!("{}", est - 5000.0);
    s.add_activity(
        activity("completion_report", "2025-06-01", "cleared", &rest)
            .validate(land.id)
            .unwrap(),
        &actor(),
    )
    .unwrap();
    s.add_activity(
        activity("handover_certificate", "2025-07-01", "", "")
            .validate(land.id)
            .unwrap(),
        &actor(),
    )
    .unwrap();
    drop(s);
    let land = t.open().land(land.id).unwrap();
    assert_eq!(land.status, LandStatus::HandedOver);
    assert_eq!(land.classification, Classification::Cha);
    assert_eq!(land.ledger.remaining().m2(), 0.0);
    let statuses: Vec<_> = land.status_history.iter().map(|c| c.status).collect();
    assert_eq!(
        statuses,
        [
            LandStatus::Open,
            LandStatus::Open,
            LandStatus::WorkedOn,
            LandStatus::Closed,
            LandStatus::HandedOver
        ]
    );
}

#[test]
fn over_release_is_refused_with_the_message_and_changes_nothing() {
    let t = TestStore::new();
    let mut s = t.open();
    let land = s
        .create_land(square_land("Pasture", 18.0, 44.7), &actor())
        .unwrap();
    let audit_before = s.audit_count().unwrap();
    let err = s
        .add_activity(
            activity("nts", "2025-04-01", "cancelled", "999999")
                .validate(land.id)
                .unwrap(),
            &actor(),
        )
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("releases 999 999 m² but only"),
        "{message}"
    );
    assert!(message.contains("revise the land's polygon"), "{message}");
    assert_eq!(s.land(land.id).unwrap(), land);
    assert_eq!(s.audit_count().unwrap(), audit_before);
    assert!(s.activities(Some(land.id)).unwrap().is_empty());
}

#[test]
fn earlier_date_of_information_is_kept_not_applied() {
    let t = TestStore::new();
    let mut s = t.open();
    let land = s
        .create_land(square_land("Riverbank", 18.0, 44.7), &actor())
        .unwrap();
    let mut older = land.clone();
    older.name = "Old name from a late paper form".into();
    older.date_of_information = time::macros::date!(2024 - 01 - 01);
    assert_eq!(
        s.update_land(older, &actor()).unwrap(),
        LandUpdate::Superseded
    );
    assert_eq!(s.land(land.id).unwrap().name, "Riverbank");
    assert_eq!(s.superseded_updates().unwrap().len(), 1);
    let mut newer = land.clone();
    newer.name = "Riverbank east".into();
    newer.date_of_information = time::macros::date!(2025 - 06 - 01);
    assert!(matches!(
        s.update_land(newer, &actor()).unwrap(),
        LandUpdate::Applied(_)
    ));
    let audit = s.audit_for(land.id.0).unwrap();
    assert!(
        audit.iter().any(|a| a.field.as_deref() == Some("name")
            && a.new_value.as_deref() == Some("Riverbank east"))
    );
    assert!(
        audit
            .iter()
            .any(|a| a.field.as_deref() == Some("superseded_update"))
    );
}

/// Four eyes (C9): an IM officer may not approve a record they submitted themselves; another
/// IM officer may, and the submitter is kept with the record.
#[test]
fn an_im_officer_never_approves_their_own_submission() {
    let t = TestStore::new();
    let mut s = t.open();
    let land = s
        .create_land(square_land("Hill", 18.0, 44.7), &actor())
        .unwrap();
    let samir = Actor::new("samir", "office-1").with_role("NPA", Role::ImOfficer);
    let lejla = Actor::new("lejla", "office-2").with_role("NPA", Role::ImOfficer);
    let submitted = s
        .land_workflow(land.id, &WorkflowAction::Submit, &samir)
        .unwrap();
    assert_eq!(submitted.submitted_by, "samir");
    let err = s
        .land_workflow(land.id, &WorkflowAction::Approve(String::new()), &samir)
        .unwrap_err();
    assert!(err.to_string().contains("four eyes"), "{err}");
    let approved = s
        .land_workflow(land.id, &WorkflowAction::Approve(String::new()), &lejla)
        .unwrap();
    assert_eq!(
        approved.validation,
        safeground::domain::ValidationState::Approved
    );
    let who: Vec<String> = s
        .audit_for(land.id.0)
        .unwrap()
        .into_iter()
        .filter(|a| a.field.as_deref() == Some("validation"))
        .map(|a| a.who)
        .collect();
    assert_eq!(who, ["samir", "lejla"]);
}

#[test]
fn workflow_submit_return_approve_is_audited() {
    let t = TestStore::new();
    let mut s = t.open();
    let land = s
        .create_land(square_land("Hill", 18.0, 44.7), &actor())
        .unwrap();
    assert!(matches!(
        s.land_workflow(land.id, &WorkflowAction::Approve(String::new()), &actor()),
        Err(StoreError::Workflow { .. })
    ));
    s.land_workflow(land.id, &WorkflowAction::Submit, &actor())
        .unwrap();
    let officer = Actor::new("samir", "office-1").with_role("NPA", Role::ImOfficer);
    assert!(
        s.land_workflow(land.id, &WorkflowAction::Return(" ".into()), &officer)
            .is_err()
    );
    let returned = s
        .land_workflow(
            land.id,
            &WorkflowAction::Return("benchmark missing".into()),
            &officer,
        )
        .unwrap();
    assert_eq!(returned.validation_comment, "benchmark missing");
    s.land_workflow(land.id, &WorkflowAction::Submit, &actor())
        .unwrap();
    // Four eyes: a surveyor does not approve, and nor does the officer who submitted.
    let err = s
        .land_workflow(land.id, &WorkflowAction::Approve(String::new()), &actor())
        .unwrap_err();
    assert!(matches!(err, StoreError::NotPermitted(_)), "{err:?}");
    assert!(err.to_string().contains("only an IM officer"), "{err}");
    s.land_workflow(land.id, &WorkflowAction::Approve(String::new()), &officer)
        .unwrap();
    let entries: Vec<_> = s
        .audit_for(land.id.0)
        .unwrap()
        .into_iter()
        .filter(|a| a.field.as_deref() == Some("validation"))
        .collect();
    assert_eq!(entries.len(), 4);
    // Each entry names who moved the record: the surveyor submits, the officer returns and approves.
    let who: Vec<(&str, &str)> = entries
        .iter()
        .map(|a| (a.who.as_str(), a.device.as_str()))
        .collect();
    assert_eq!(
        who,
        [
            ("tester", "test-device"),
            ("samir", "office-1"),
            ("tester", "test-device"),
            ("samir", "office-1")
        ]
    );
}

#[test]
fn soft_delete_keeps_a_trace() {
    let t = TestStore::new();
    let mut s = t.open();
    let land = s
        .create_land(square_land("Gone", 18.0, 44.7), &actor())
        .unwrap();
    s.delete_land(land.id, &actor()).unwrap();
    assert!(s.land_summaries().unwrap().is_empty());
    assert!(
        s.audit_for(land.id.0)
            .unwrap()
            .iter()
            .any(|a| a.action.code() == "delete")
    );
}

#[test]
fn migration_from_older_schema_makes_a_backup_and_keeps_data() {
    let t = TestStore::new();
    create_store_at_version(&t.path, 1).unwrap();
    let s = Store::open(&t.path).unwrap();
    let backup = s
        .migration_backup()
        .expect("a backup before migrating")
        .to_owned();
    assert!(backup.exists());
    assert!(
        backup
            .file_name()
            .unwrap()
            .to_string_lossy()
            .contains(".v1-")
    );
    drop(s);
    // The backup is itself a valid (old) store: opening it migrates it too.
    assert!(Store::open(&backup).is_ok());
    // A store already at the latest version makes no backup.
    assert!(Store::open(&t.path).unwrap().migration_backup().is_none());
}

#[test]
fn newer_schema_non_sqlite_corrupt_and_foreign_files_are_refused() {
    let t = TestStore::new();
    t.open()
        .create_land(square_land("A", 18.0, 44.7), &actor())
        .unwrap();
    set_schema_version(&t.path, LATEST_SCHEMA_VERSION + 1).unwrap();
    let err = Store::open(&t.path).unwrap_err();
    assert!(matches!(err, StoreError::SchemaTooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer version of Safeground"));

    let text = t.file("notes.sqlite", b"these are my field notes, not a database");
    assert!(matches!(
        Store::open(&text).unwrap_err(),
        StoreError::NotSqlite(_)
    ));

    let foreign = t.dir.path().join("foreign.sqlite");
    {
        let c = Store::open(&t.dir.path().join("scratch.sqlite")).unwrap();
        c.backup_to(
            &t.dir.path().join("copy.sqlite"),
            safeground::io::output::Replace::Never,
        )
        .unwrap();
    }
    std::fs::copy(t.dir.path().join("copy.sqlite"), &foreign).unwrap();
    set_schema_version(&foreign, 0).unwrap();
    assert!(matches!(
        Store::open(&foreign).unwrap_err(),
        StoreError::ForeignDatabase(_)
    ));

    // Damage the pages after the header of a real store.
    let good = TestStore::new();
    {
        let mut s = good.open();
        for i in 0..30 {
            s.create_land(
                square_land(&format!("L{i}"), 18.0 + f64::from(i) * 0.01, 44.7),
                &actor(),
            )
            .unwrap();
        }
    }
    let mut bytes = std::fs::read(&good.path).unwrap();
    assert!(bytes.len() > 8192, "store too small to damage");
    for b in &mut bytes[4096..] {
        *b = 0x5a;
    }
    std::fs::write(&good.path, &bytes).unwrap();
    let err = Store::open(&good.path).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { .. } | StoreError::NotSqlite(_)),
        "{err}"
    );
}

#[test]
fn photos_are_stored_with_the_report_and_non_images_refused() {
    use safeground::domain::HazardReportDraft;
    let t = TestStore::new();
    let mut s = t.open();
    let report = HazardReportDraft {
        location: "44.7, 18.0".into(),
        eo_category: "uxo".into(),
        reported_on: "2025-05-01".into(),
        ..HazardReportDraft::default()
    }
    .validate(&|x: &str| safeground::geometry::coords::parse_coord(x).map_err(|e| e.to_string()))
    .unwrap();
    let report = s.add_hazard_report(report, &actor()).unwrap();
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
    s.add_photo(report.id, "item.jpg", jpeg.clone(), &actor())
        .unwrap();
    let err = s
        .add_photo(report.id, "notes.txt", b"hello".to_vec(), &actor())
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("notes.txt is not a JPEG or PNG image"),
        "{err}"
    );
    drop(s);
    let photos = t.open().photos(report.id).unwrap();
    assert_eq!(photos.len(), 1);
    assert_eq!(photos[0].bytes, jpeg);
    assert_eq!(photos[0].media_type, "image/jpeg");
}

#[test]
fn a_cancelled_import_writes_nothing() {
    use safeground::domain::ImportReporter;
    let t = TestStore::new();
    let mut s = t.open();
    let mut reporter = ImportReporter::new("programme.geojson");
    let demo = include_str!("../../sample_surveys/programme.geojson");
    let batch = safeground::io::geojson::read_geojson(
        demo.as_bytes(),
        &mut reporter,
        time::macros::date!(2026 - 11 - 23),
    )
    .unwrap();
    let mut calls = Vec::new();
    let result =
        s.import_with_progress(batch, &mut reporter, false, &actor(), &mut |done, total| {
            calls.push((done, total));
            done < 100
        });
    assert!(
        matches!(result, Err(StoreError::ImportCancelled)),
        "{result:?}"
    );
    assert_eq!(calls, [(50, 110), (100, 110)]);
    assert!(s.land_summaries().unwrap().is_empty());
    assert!(s.activities(None).unwrap().is_empty());
}

#[test]
fn backup_and_restore_through_the_cli() {
    let t = TestStore::new();
    let d = db(&t.path);
    assert_eq!(run(&["--db", &d, "demo"]).0, 0);
    let backup = t.dir.path().join("monday.sqlite");
    let (code, out, err) = run(&["--db", &d, "backup", "-o", &backup.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Backed up"), "{out}");
    // A second backup under the same name is refused; the first stays.
    let (code, _, err) = run(&["--db", &d, "backup", "-o", &backup.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");

    // Work after the backup …
    let mut store = t.open();
    let code = store
        .create_land(square_land("After the backup", 18.3, 44.6), &actor())
        .unwrap()
        .code;
    assert_eq!(store.lands().unwrap().len(), 31);
    drop(store);

    // … is undone by the restore, and kept in the before-restore copy.
    let (code_rc, out, err) = run(&["--db", &d, "restore", &backup.display().to_string()]);
    assert_eq!(code_rc, 0, "{err}");
    assert!(out.contains("(30 lands)"), "{out}");
    let store = t.open();
    assert_eq!(store.lands().unwrap().len(), 30);
    assert!(store.integrity_check().unwrap().is_empty());
    let previous = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(".before-restore-"))
        .unwrap();
    let before = Store::open(&previous).unwrap();
    assert!(before.land_by_code(&code).is_ok());
    // The backup file itself is untouched (still 30 lands, no restore audit).
    assert_eq!(Store::open(&backup).unwrap().lands().unwrap().len(), 30);
    let staging: Vec<_> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".restoring"))
        .collect();
    assert!(staging.is_empty(), "{staging:?}");
}

#[test]
fn restore_refuses_files_that_are_not_sound_safeground_stores() {
    let t = TestStore::new();
    let d = db(&t.path);
    assert_eq!(run(&["--db", &d, "demo"]).0, 0);
    let text = t.file("notes.sqlite", b"these are not the droids");
    let (code, _, err) = run(&["--db", &d, "restore", &text.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("not an SQLite database"), "{err}");
    assert!(err.contains("notes.sqlite"), "{err}");

    let newer = t.dir.path().join("newer.sqlite");
    assert_eq!(run(&["--db", &db(&newer), "demo"]).0, 0);
    set_schema_version(&newer, LATEST_SCHEMA_VERSION + 1).unwrap();
    let (code, _, err) = run(&["--db", &d, "restore", &newer.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("newer version"), "{err}");
    // Nothing changed.
    assert_eq!(t.open().lands().unwrap().len(), 30);
}

/// Stored data that cannot be read is an error naming the record (issue 13), never a silent
/// default: a land whose polygon was damaged does not vanish from the map, it stops the map with
/// a message that names it; an audit entry with an unknown action is not shown as an update.
#[test]
fn an_unreadable_polygon_or_audit_entry_is_an_error_naming_the_record() {
    let t = TestStore::new();
    let land = t
        .open()
        .create_land(square_land("Damaged", 18.0, 44.7), &actor())
        .unwrap();
    let raw = rusqlite::Connection::open(&t.path).unwrap();
    raw.execute(
        "UPDATE land SET geometry_geojson = '{\"type\":\"Point\",\"coordinates\":[18,44]}' WHERE id = ?1",
        [land.id.to_string()],
    )
    .unwrap();
    let store = t.open();
    for result in [
        store.map_lands().map(|_| ()),
        store.land_by_code(&land.code).map(|_| ()),
        store.lands().map(|_| ()),
        store.records_for_aggregates().map(|_| ()),
    ] {
        let err = result.unwrap_err();
        assert!(
            matches!(&err, StoreError::BadRow { entity: "land", code, .. } if *code == land.code),
            "{err:?}"
        );
        assert!(err.to_string().contains(&land.code), "{err}");
    }
    raw.execute(
        "UPDATE land SET geometry_geojson = NULL WHERE id = ?1",
        [land.id.to_string()],
    )
    .unwrap();
    raw.execute("UPDATE audit_log SET action = 'teleport'", [])
        .unwrap();
    let err = t.open().audit_for(land.id.0).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::BadRow {
                entity: "audit entry",
                ..
            }
        ),
        "{err:?}"
    );
}
