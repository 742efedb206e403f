//! Every CLI command, as a script would use it; and the real binary's exit codes.

use super::util::{TestStore, db, run};

#[test]
fn convert_prints_every_format() {
    let (code, out, _) = run(&["convert", "43.8563, 18.4131", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["utm"], "34T 292095 4859166");
    assert_eq!(v["mgrs"], "34TBP9209459165");
    assert!((v["lon"].as_f64().unwrap() - 18.4131).abs() < 1e-12);
    let (code, out, _) = run(&["convert", "34TBP9209459165", "--to", "dms"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "43°51'22.68\"N 18°24'47.15\"E");
    let (code, _, err) = run(&["convert", "-33.9 18.4"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&["convert", "95 18"]);
    assert_eq!(code, 1);
    assert!(err.contains("latitude 95"), "{err}");
}

#[test]
fn traverse_reports_vertices_and_misclosure() {
    let (code, out, err) = run(&[
        "traverse",
        "--start",
        "43.8563, 18.4131",
        "--declination",
        "4.9",
        "--bearing-unit",
        "mil",
        "--leg",
        "0/100",
        "1600/100",
        "3200/100",
        "4800/98",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("misclosure 2.00 m"), "{out}");
    let (code, out, _) = run(&[
        "traverse",
        "--start",
        "43.8563, 18.4131",
        "--reference",
        "true",
        "--leg",
        "0/100",
        "--leg",
        "90/100",
        "--leg",
        "180/100",
        "--leg",
        "270/100",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["vertices"].as_array().unwrap().len(), 5);
    assert_eq!(v["vertices"][0][0].as_f64().unwrap(), 18.4131);
    assert!(v["misclosure_m"].as_f64().unwrap() < 0.05);
    assert!((v["area_m2"].as_f64().unwrap() - 10_000.0).abs() < 5.0);
    let (code, _, err) = run(&[
        "traverse",
        "--start",
        "43.8563, 18.4131",
        "--leg",
        "400/100",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("bearing 400 is outside 0 to 360"), "{err}");
    let (code, _, err) = run(&["traverse", "--start", "43.8563, 18.4131", "--leg", "40-100"]);
    assert_eq!(code, 1);
    assert!(err.contains("is not BEARING/DISTANCE_M"), "{err}");
}

#[test]
fn list_show_check_on_the_demo() {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let (code, out, _) = run(&["--db", &db(&t.path), "list", "lands"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("HA-0007") && out.trim_end().ends_with("30 lands"),
        "{out}"
    );
    let (code, out, _) = run(&["--db", &db(&t.path), "list", "lands", "--json"]);
    assert_eq!(code, 0);
    let v: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    for key in [
        "id",
        "code",
        "name",
        "classification",
        "status",
        "estimated_m2",
        "cancelled_m2",
        "reduced_m2",
        "cleared_m2",
        "remaining_m2",
        "centroid",
    ] {
        assert!(v[0].get(key).is_some(), "missing {key}");
    }
    for what in ["reports", "activities"] {
        let (code, out, _) = run(&["--db", &db(&t.path), "list", what, "--json"]);
        assert_eq!(code, 0);
        assert!(
            serde_json::from_str::<Vec<serde_json::Value>>(&out)
                .unwrap()
                .len()
                >= 20
        );
    }
    let (code, out, _) = run(&["--db", &db(&t.path), "show", "HA-0001"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Ledger") && out.contains("Status history") && out.contains("Activities"),
        "{out}"
    );
    let (code, out, _) = run(&["--db", &db(&t.path), "show", "HA-0001", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["activities"].as_array().unwrap().len() >= 2);
    assert!(!v["audit"].as_array().unwrap().is_empty());
    let (code, _, err) = run(&["--db", &db(&t.path), "show", "HA-9999"]);
    assert_eq!(code, 1);
    assert!(err.contains("no land with code 'HA-9999'"), "{err}");
    let (code, out, _) = run(&["--db", &db(&t.path), "check", "--json"]);
    assert_eq!(code, 0);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(findings.iter().all(|f| f["kind"] != "ledger"), "{out}");
    assert!(
        findings.iter().any(|f| f["kind"] == "gps_accuracy"),
        "{out}"
    );
}

#[test]
fn bad_arguments_and_non_sqlite_db_exit_1_with_a_message() {
    let t = TestStore::new();
    let (code, _, err) = run(&["list", "dragons"]);
    assert_eq!(code, 1);
    assert!(err.contains("invalid value 'dragons'"), "{err}");
    let notes = t.file("notes.txt", b"not a database at all");
    let before = std::fs::read(&notes).unwrap();
    let (code, _, err) = run(&["--db", &db(&notes), "list", "lands"]);
    assert_eq!(code, 1);
    assert!(err.contains("not a Safeground store"), "{err}");
    assert_eq!(
        std::fs::read(&notes).unwrap(),
        before,
        "the file must not be touched"
    );
    let (code, _, err) = run(&["--db", &db(&t.path), "import", "/nonexistent/file.geojson"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("cannot read /nonexistent/file.geojson"),
        "{err}"
    );
}

#[test]
fn real_binary_exit_codes() {
    let t = TestStore::new();
    let bin = env!("CARGO_BIN_EXE_safeground");
    let ok = std::process::Command::new(bin)
        .args(["--db", &db(&t.path), "demo"])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad = t.file("bad.geojson", b"\xff\xfe garbage");
    let out = std::process::Command::new(bin)
        .args(["--db", &db(&t.path), "import", &db(&bad)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("not UTF-8"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
    let usage = std::process::Command::new(bin)
        .arg("--frobnicate")
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(1));
}

/// `--user NAME` (SPEC §3, second round) names the acting person in every audit entry and
/// history row the command writes; a blank name is refused naming `--user`.
#[test]
fn the_user_option_names_the_person_in_the_audit() {
    let t = super::util::TestStore::new();
    let (code, _, err) = super::util::run(&[
        "--db",
        &super::util::db(&t.path),
        "--user",
        "Amina Hodžić",
        "demo",
    ]);
    assert_eq!(code, 0, "{err}");
    let store = t.open();
    let land = store.land_by_code("HA-0003").unwrap();
    assert_eq!(land.status_history[0].by, "Amina Hodžić");
    let audit = store.audit_for(land.id.0).unwrap();
    assert!(audit.iter().all(|a| a.who == "Amina Hodžić"), "{audit:?}");
    let (code, _, err) = super::util::run(&[
        "--db",
        &super::util::db(&t.path),
        "--user",
        "  ",
        "list",
        "lands",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--user"), "{err}");
}

/// `edit CODE --set FIELD=VALUE…` (issue 14): an audited edit of a land or a hazard report;
/// a bad value, an unknown field or a workflow field is refused naming the field, and nothing
/// changes.
#[test]
fn edit_sets_fields_of_lands_and_hazard_reports_and_names_a_bad_field() {
    use super::util::{TestStore, db, run};
    let t = TestStore::new();
    let store_arg = db(&t.path);
    assert_eq!(run(&["--db", &store_arg, "demo"]).0, 0);
    let (code, out, err) = run(&[
        "--db",
        &store_arg,
        "--user",
        "Lejla",
        "edit",
        "HA-0003",
        "--set",
        "name=Behind the mill",
        "--set",
        "priority=high",
        "--set",
        "admin.pcode=BA0101",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 fields changed"), "{out}");
    let store = t.open();
    let land = store.land_by_code("HA-0003").unwrap();
    assert_eq!(land.name, "Behind the mill");
    assert_eq!(land.admin.pcode, "BA0101");
    assert!(land.geometry.is_some(), "the polygon is kept");
    let audit = store.audit_for(land.id.0).unwrap();
    for field in ["name", "priority", "admin"] {
        assert!(
            audit
                .iter()
                .any(|a| a.field.as_deref() == Some(field) && a.who == "Lejla"),
            "{field}: {audit:?}"
        );
    }
    drop(store);
    let before = super::util::fingerprint(&t.path);
    for (set, field) in [
        ("expected_beneficiaries=many", "expected_beneficiaries"),
        ("classification=volcano", "classification"),
        ("nosuch=1", "nosuch"),
        ("validation=approved", "validation"),
        ("date_of_information=2025-13-45", "date_of_information"),
        ("key_informants=[{\"name\": 7}]", "key_informants"),
    ] {
        let (code, _, err) = run(&["--db", &store_arg, "edit", "HA-0003", "--set", set]);
        assert_eq!(code, 1, "{set}");
        assert!(err.contains(field), "{set}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!(
        super::util::fingerprint(&t.path),
        before,
        "a refused edit changed nothing"
    );
    // A value typed into the wrong field may be sensitive: the message names the field and what
    // it expects, never the value.
    for set in [
        "quantity=+387 61 123 456",
        "reported_on=Amina Hodžić",
        "eo_category=Amina",
    ] {
        let (code, _, err) = run(&["--db", &store_arg, "edit", "HR-0003", "--set", set]);
        assert_eq!(code, 1, "{set}");
        let value = set.split_once('=').unwrap().1;
        assert!(!err.contains(value), "{set}: {err}");
    }
    // A hazard report's status is corrected.
    let (code, _, err) = run(&[
        "--db",
        &store_arg,
        "edit",
        "HR-0001",
        "--set",
        "status=destroyed_removed",
    ]);
    assert_eq!(code, 0, "{err}");
    let report = t.open().hazard_report_by_code("HR-0001").unwrap();
    assert_eq!(report.status.code(), "destroyed_removed");
    let (code, _, err) = run(&["--db", &store_arg, "edit", "XX-9", "--set", "name=x"]);
    assert_eq!(code, 1);
    assert!(err.contains("no land or hazard report"), "{err}");
}

/// `void CODE --reason TEXT` (issue 14): a wrong activity stops counting and its land's ledger is
/// recomputed from the others; a void that would break the land's lifecycle is refused; a
/// hazard report leaves the lists; the rows stay, audited with the reason.
#[test]
fn void_an_activity_recomputes_the_ledger_and_a_hazard_report_leaves_the_lists() {
    use super::util::{TestStore, db, run};
    let t = TestStore::new();
    let store_arg = db(&t.path);
    assert_eq!(run(&["--db", &store_arg, "demo"]).0, 0);
    let store = t.open();
    let land = store.land_by_code("HA-0002").unwrap();
    let clearance = store.activity_by_code("AC-0010").unwrap();
    let before = land.ledger.remaining().m2();
    let released = clearance.released.total().m2();
    assert!(released > 0.0);
    drop(store);
    let (code, _, err) = run(&["--db", &store_arg, "void", "AC-0010", "--reason", " "]);
    assert_eq!(code, 1);
    assert!(err.contains("reason"), "{err}");
    let (code, out, err) = run(&[
        "--db",
        &store_arg,
        "--user",
        "Samir",
        "void",
        "AC-0010",
        "--reason",
        "entered twice",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("AC-0010 voided"), "{out}");
    let store = t.open();
    let land = store.land_by_code("HA-0002").unwrap();
    assert!((land.ledger.remaining().m2() - (before + released)).abs() < 0.5);
    assert!(store.activity_by_code("AC-0010").is_err());
    let own = store.activities(Some(land.id)).unwrap();
    assert!(own.iter().all(|a| a.code != "AC-0010"));
    let void_entry = store
        .audit_for(clearance.id.0)
        .unwrap()
        .into_iter()
        .find(|a| a.action == safeground::domain::AuditAction::Void)
        .unwrap();
    assert_eq!(
        (void_entry.who.as_str(), void_entry.new_value.as_deref()),
        ("Samir", Some("entered twice"))
    );
    drop(store);
    // The clearance a completion report needs cannot be voided alone.
    let fingerprint = super::util::fingerprint(&t.path);
    let (code, _, err) = run(&["--db", &store_arg, "void", "AC-0003", "--reason", "test"]);
    assert_eq!(code, 1);
    assert!(err.contains("completion report"), "{err}");
    assert_eq!(super::util::fingerprint(&t.path), fingerprint);
    // A hazard report.
    let reports = t.open().hazard_reports().unwrap().len();
    let (code, _, err) = run(&[
        "--db",
        &store_arg,
        "void",
        "HR-0002",
        "--reason",
        "duplicate",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(t.open().hazard_reports().unwrap().len(), reports - 1);
    let (code, _, err) = run(&["--db", &store_arg, "void", "HA-0001", "--reason", "no"]);
    assert_eq!(code, 1);
    assert!(err.contains("lands are not voided"), "{err}");
}
