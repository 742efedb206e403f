//! GeoJSON/CSV import and export: lossless round trip, foreign dirty data, atomicity.

use super::util::{TestStore, db, fingerprint, run};

const FOREIGN: &str = r#"{"type":"FeatureCollection","features":[
 {"type":"Feature","geometry":null,"properties":{"typeArea":"Suspected Minefield"}},
 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[18.0,44.7],[18.0,44.701],[18.001,44.701],[18.001,44.7],[18.0,44.7]]]},
  "properties":{"Name":"Clockwise field","TypeArea":"Suspected Minefield","Status":"open","fileId":"2585-III","Date":"2024-05-01"}},
 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[18.01,44.7],[18.011,44.701],[18.011,44.7],[18.01,44.701],[18.01,44.7]]]},
  "properties":{"name":"Bow tie","AREA_TYPE":"CHA"}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[18.02,44.71]},"properties":{"category":"UXO","note":"seen by shepherd"}},
 {"type":"Feature","geometry":{"type":"LineString","coordinates":[[18.0,44.7],[18.1,44.8]]},"properties":{}}
]}"#;

#[test]
fn demo_round_trip_is_byte_identical_and_ledgers_add_up() {
    let a = TestStore::new();
    let (code, out, err) = run(&["--db", &db(&a.path), "demo"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("30 lands, 60 activities, 20 hazard reports"),
        "{out}"
    );
    let first = a.dir.path().join("first.geojson");
    assert_eq!(
        run(&[
            "--db",
            &db(&a.path),
            "export",
            "--format",
            "geojson",
            "-o",
            &db(&first)
        ])
        .0,
        0
    );

    let b = TestStore::new();
    let (code, out, err) = run(&["--db", &db(&b.path), "import", &db(&first)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "Imported 30 lands, 60 activities, 20 hazard reports (0 features skipped, 0 lands imported flagged, 0 warnings)"
        ),
        "{out}{err}"
    );
    let second = b.dir.path().join("second.geojson");
    assert_eq!(
        run(&[
            "--db",
            &db(&b.path),
            "export",
            "--format",
            "geojson",
            "-o",
            &db(&second)
        ])
        .0,
        0
    );
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );

    let (_, lands, _) = run(&["--db", &db(&b.path), "list", "lands", "--json"]);
    let lands: serde_json::Value = serde_json::from_str(&lands).unwrap();
    let lands = lands.as_array().unwrap();
    assert_eq!(lands.len(), 30);
    for l in lands {
        let f = |k: &str| l[k].as_f64().unwrap();
        assert_eq!(
            f("estimated_m2"),
            f("cancelled_m2") + f("reduced_m2") + f("cleared_m2") + f("remaining_m2"),
            "{l}"
        );
        assert!(f("remaining_m2") >= 0.0);
    }
    // Importing the same file again refuses every record (same ids), and nothing changes.
    let before = fingerprint(&b.path);
    let (code, _, err) = run(&["--db", &db(&b.path), "import", &db(&first)]);
    assert_eq!(code, 1);
    assert!(err.contains("already in this store"), "{err}");
    assert_eq!(fingerprint(&b.path), before);
}

#[test]
fn foreign_dirty_geojson_imports_with_warnings_and_flags() {
    let t = TestStore::new();
    let file = t.file("foreign.geojson", FOREIGN.as_bytes());
    let (code, out, err) = run(&["--db", &db(&t.path), "import", &db(&file)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Imported 2 lands, 0 activities, 1 hazard reports"),
        "{out}"
    );
    assert!(
        err.contains("feature 0: geometry: is null; the feature was skipped"),
        "{err}"
    );
    assert!(
        // The warning names the land the feature became.
        err.contains("feature 1 (HA-0001): geometry: clockwise ring normalised"),
        "{err}"
    );
    assert!(
        err.contains("feature 2 (") || err.contains("feature 2: geometry: imported flagged"),
        "{err}"
    );
    assert!(err.contains("is a LineString"), "{err}");

    let (_, show, _) = run(&["--db", &db(&t.path), "show", "HA-0001", "--json"]);
    let show: serde_json::Value = serde_json::from_str(&show).unwrap();
    let props = &show["land"]["properties"];
    assert_eq!(props["name"], "Clockwise field");
    assert_eq!(props["classification"], "sha");
    assert_eq!(props["date_of_information"], "2024-05-01");
    assert_eq!(props["source_attributes"]["fileId"], "2585-III");

    let (code, check, _) = run(&["--db", &db(&t.path), "check", "--json"]);
    assert_eq!(code, 0);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&check).unwrap();
    assert!(
        findings.iter().any(|f| f["code"] == "HA-0002"
            && f["kind"] == "self_intersection"
            && f["severity"] == "error"),
        "{check}"
    );
}

#[test]
fn strict_import_refuses_everything_on_any_problem() {
    let t = TestStore::new();
    drop(t.open());
    let file = t.file("foreign.geojson", FOREIGN.as_bytes());
    let before = fingerprint(&t.path);
    let (code, _, err) = run(&["--db", &db(&t.path), "import", "--strict", &db(&file)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("the import was refused and nothing was written"),
        "{err}"
    );
    assert_eq!(fingerprint(&t.path), before);
}

#[test]
fn bad_files_give_exit_1_a_message_and_an_unchanged_store() {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let before = fingerprint(&t.path);
    let cases: [(&str, &[u8], &str); 7] = [
        ("truncated.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","geom"#, "not valid JSON at line 1"),
        ("latin1.geojson", b"{\"type\":\"FeatureCollection\",\"features\":[],\"name\":\"Bo\xe8ka\"}", "not UTF-8"),
        ("nan.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,1]},"properties":{}}]}"#, "not valid JSON"),
        ("huge.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1e999,1]},"properties":{}}]}"#, "not valid JSON"),
        ("far.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1e300,0],[1,1],[0,1],[1e300,0]]]},"properties":{}}]}"#, "not WGS84"),
        ("lines.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]},"properties":{}}]}"#, "is a LineString"),
        ("notgeo.geojson", br#"{"hello": "world"}"#, "not GeoJSON"),
    ];
    for (name, bytes, expected) in cases {
        let f = t.file(name, bytes);
        let (code, _, err) = run(&["--db", &db(&t.path), "import", &db(&f)]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains(expected), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(fingerprint(&t.path), before, "{name} changed the store");
    }
    // Self-intersecting polygons are refused in strict mode and the store is unchanged.
    let bow = t.file("bow.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[18.01,44.7],[18.011,44.701],[18.011,44.7],[18.01,44.701],[18.01,44.7]]]},"properties":{}}]}"#);
    let (code, _, err) = run(&["--db", &db(&t.path), "import", "--strict", &db(&bow)]);
    assert_eq!(code, 1);
    assert!(err.contains("crosses itself"), "{err}");
    assert_eq!(fingerprint(&t.path), before);
}

#[test]
fn csv_exports_and_activities_csv_imports() {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let ledger_path = t.dir.path().join("ledger.csv");
    let (code, text, err) = run(&[
        "--db",
        &db(&t.path),
        "export",
        "--format",
        "csv",
        "-o",
        &db(&ledger_path),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("ledger.activities.csv"));
    let ledger = std::fs::read_to_string(&ledger_path).unwrap();
    assert_eq!(ledger.lines().count(), 31);
    assert!(ledger.starts_with("code,name,classification,status"));
    let activities = std::fs::read_to_string(t.dir.path().join("ledger.activities.csv")).unwrap();
    assert_eq!(activities.lines().count(), 61);

    // A spreadsheet of new activities for an open land.
    let csv = "land_code,kind,start_date,end_date,cleared_m2,devices\nHA-0003,clearance,2026-10-01,2026-10-05,10,ap_mine:PMA-3:1:destroyed_in_situ\nHA-0003,clearance,2026-10-06,2026-10-07,-4,\n";
    let f = t.file("new.csv", csv.as_bytes());
    let (code, out, err) = run(&["--db", &db(&t.path), "import", &db(&f)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Imported 0 lands, 1 activities"), "{out}");
    assert!(err.contains("cleared_m2: -4 m² is negative"), "{err}");
    // The ledger export is refused as an import.
    let (code, _, err) = run(&["--db", &db(&t.path), "import", &db(&ledger_path)]);
    assert_eq!(code, 1);
    assert!(err.contains("ledger export"), "{err}");
}

#[test]
fn demo_ledger_is_golden() {
    // The demo's ledger is the result of every lifecycle and ledger rule applied to 60
    // activities; any change in those rules shows up here (`cargo insta review` to accept).
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let ledger_path = t.dir.path().join("ledger.csv");
    assert_eq!(
        run(&[
            "--db",
            &db(&t.path),
            "export",
            "--format",
            "csv",
            "-o",
            &db(&ledger_path)
        ])
        .0,
        0
    );
    insta::assert_snapshot!(
        "demo_ledger_csv",
        std::fs::read_to_string(&ledger_path).unwrap()
    );
}

#[test]
fn a_cancelled_export_leaves_no_file() {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let store = t.open();
    let (lands, activities, reports) = (
        store.lands().unwrap(),
        store.activities(None).unwrap(),
        store.hazard_reports().unwrap(),
    );
    let out = t.dir.path().join("export.geojson");
    let set = safeground::io::output::OutputSet::single(
        &out,
        &safeground::io::output::Protected::store(&t.path),
        safeground::io::output::Replace::Never,
    )
    .unwrap();
    let err = set
        .write(0, |w| {
            safeground::io::geojson::write_geojson_with_progress(
                w,
                &lands,
                &activities,
                &reports,
                &mut |_, _| false,
            )
        })
        .unwrap_err();
    assert!(matches!(err, safeground::io::IoError::Cancelled), "{err}");
    drop(set);
    assert!(!out.exists());
    assert!(!t.dir.path().join(".export.geojson.sg-partial").exists());
}
