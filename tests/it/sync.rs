//! Sync (issue 15), first part: a store's identity and its clock survive restarts; the clock never
//! goes back, whatever the computer's clock does.

use super::util::{TestStore, db, run};

#[test]
fn identity_is_made_once_and_kept_and_the_clock_survives_a_restart() {
    let t = TestStore::new();
    let (first, stamp) = {
        let mut s = t.open();
        let id = s.sync_identity("laptop-1").unwrap();
        let stamp = s.next_hlc(id.device, 10_000_000).unwrap();
        (id, stamp)
    };
    let mut s = t.open();
    let again = s.sync_identity("another-name").unwrap();
    assert_eq!(again, first, "the identity is made once");
    // The computer's clock went back an hour: the next stamp still comes after the last one.
    let next = s.next_hlc(again.device, 10_000_000 - 3_600_000).unwrap();
    assert!(next > stamp, "{next:?} after {stamp:?}");
    assert_eq!(s.last_hlc().unwrap(), Some(next));
    // Another store is another programme and another device.
    let other = TestStore::new();
    let theirs = other.open().sync_identity("laptop-2").unwrap();
    assert_ne!(theirs.programme, first.programme);
    assert_ne!(theirs.device, first.device);
}

#[test]
fn sync_status_prints_the_programme_and_the_device() {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let (code, out, err) = run(&["--db", &db(&t.path), "sync", "status", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (code, out2, _) = run(&["--db", &db(&t.path), "sync", "status", "--json"]);
    assert_eq!(code, 0);
    let v2: serde_json::Value = serde_json::from_str(&out2).unwrap();
    assert_eq!(v["programme"], v2["programme"]);
    assert_eq!(v["device"], v2["device"]);
    assert!(uuid::Uuid::parse_str(v["device"].as_str().unwrap()).is_ok());
}

#[test]
fn an_edit_that_sets_a_value_to_what_it_is_changes_nothing_and_says_so() {
    let t = TestStore::new();
    let store = db(&t.path);
    assert_eq!(run(&["--db", &store, "demo"]).0, 0);
    let audit_before = t.open().audit_count().unwrap();
    // HR-0001 of the demo is already destroyed/removed.
    let (code, out, err) = run(&[
        "--db",
        &store,
        "edit",
        "HR-0001",
        "--set",
        "status=destroyed_removed",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("nothing to change"), "{out}");
    assert_eq!(t.open().audit_count().unwrap(), audit_before);
    let (code, out, err) = run(&[
        "--db",
        &store,
        "edit",
        "HR-0001",
        "--set",
        "status=verified",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 field changed (status)"), "{out}");
}

// ---- bundles between two laptops (issue 15's "Done when") ------------------------------------

/// Two laptops made from one demo bundle, in one temporary folder.
struct Pair {
    dir: tempfile::TempDir,
}

impl Pair {
    fn new() -> Self {
        let pair = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        pair.ok(&["--db", &pair.path("a.sqlite"), "demo"]);
        pair.ok(&[
            "--db",
            &pair.path("a.sqlite"),
            "sync",
            "export",
            "--all",
            "-o",
            &pair.path("all.sgbundle"),
        ]);
        pair.ok(&[
            "--db",
            &pair.path("b.sqlite"),
            "sync",
            "import",
            &pair.path("all.sgbundle"),
        ]);
        pair
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    fn write(&self, name: &str, text: &str) -> String {
        std::fs::write(self.dir.path().join(name), text).unwrap();
        self.path(name)
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{args:?} in {}: {err}", self.dir.path().display());
        out
    }

    /// Runs a command on laptop `who` ("a" or "b") as a person of that laptop.
    fn on(&self, who: &str, args: &[&str]) -> String {
        let store = self.path(&format!("{who}.sqlite"));
        let user = if who == "a" { "Amra" } else { "Bojan" };
        let mut all = vec!["--db", store.as_str(), "--user", user];
        all.extend_from_slice(args);
        self.ok(&all)
    }

    fn device(&self, who: &str) -> String {
        let v: serde_json::Value =
            serde_json::from_str(&self.on(who, &["sync", "status", "--json"])).unwrap();
        v["device"].as_str().unwrap().to_owned()
    }

    /// `from` writes a bundle for `to`; returns its path.
    fn bundle(&self, from: &str, to: &str, name: &str) -> String {
        let out = self.path(name);
        let device = self.device(to);
        self.on(from, &["sync", "export", "--for", &device, "-o", &out]);
        out
    }

    fn export(&self, who: &str, format: &str) -> Vec<u8> {
        let out = self.path(&format!("{who}-export.{format}"));
        std::fs::remove_file(&out).ok();
        self.on(who, &["export", "--format", format, "-o", &out]);
        std::fs::read(&out).unwrap()
    }
}

fn land_csv(code: &str, start: &str, end: &str, cleared_m2: u32) -> String {
    format!(
        "land_code,kind,start_date,end_date,cleared_m2\n{code},clearance,{start},{end},{cleared_m2}\n"
    )
}

fn square_geojson(name: &str, lon: f64) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"name":"{name}","classification":"SHA","status":"open","date_of_information":"2026-11-01"}},"geometry":{{"type":"Polygon","coordinates":[[[{lon},44.90],[{e},44.90],[{e},44.91],[{lon},44.91],[{lon},44.90]]]}}}}]}}"#,
        e = lon + 0.01
    )
}

#[test]
fn two_laptops_edit_apart_exchange_bundles_and_end_identical_with_one_conflict() {
    let p = Pair::new();
    // Different lands; different fields of one land; the same field of one land.
    p.on(
        "a",
        &["edit", "HA-0003", "--set", "name=Osjecani meadow (A)"],
    );
    p.on("b", &["edit", "HA-0005", "--set", "team=Team B"]);
    p.on("a", &["edit", "HA-0006", "--set", "name=Renamed on A"]);
    p.on("b", &["edit", "HA-0006", "--set", "donor=Donor from B"]);
    p.on("a", &["edit", "HA-0007", "--set", "project=Project A"]);
    p.on("b", &["edit", "HA-0007", "--set", "project=Project B"]);
    // New lands on both: both laptops hand out the next code, HA-0031.
    let new_a = p.write("new-a.geojson", &square_geojson("New on A", 18.40));
    let new_b = p.write("new-b.geojson", &square_geojson("New on B", 18.50));
    p.on("a", &["import", &new_a]);
    p.on("b", &["import", &new_b]);
    // Activities on one land from both: HA-0003 (8 987 m²) cleared 6 000 m² on each laptop.
    let act_a = p.write(
        "act-a.csv",
        &land_csv("HA-0003", "2026-11-10", "2026-11-12", 6000),
    );
    let act_b = p.write(
        "act-b.csv",
        &land_csv("HA-0003", "2026-11-11", "2026-11-13", 6000),
    );
    p.on("a", &["import", &act_a]);
    p.on("b", &["import", &act_b]);

    let a_to_b = p.bundle("a", "b", "a-to-b.sgbundle");
    let b_to_a = p.bundle("b", "a", "b-to-a.sgbundle");
    let into_b = p.on("b", &["sync", "import", &a_to_b]);
    let into_a = p.on("a", &["sync", "import", &b_to_a]);
    assert!(into_b.contains("conflicts 1"), "{into_b}");
    assert!(into_a.contains("conflicts 1"), "{into_a}");

    // Identical full exports.
    for format in ["geojson", "csv"] {
        assert!(
            p.export("a", format) == p.export("b", format),
            "the {format} exports differ"
        );
    }
    // One conflict, listed the same way on both (local and remote are each laptop's own).
    let conflicts = |who: &str| -> serde_json::Value {
        serde_json::from_str(&p.on(who, &["sync", "conflicts", "--json"])).unwrap()
    };
    let (ca, cb) = (conflicts("a"), conflicts("b"));
    assert_eq!(ca.as_array().unwrap().len(), 1, "{ca}");
    assert_eq!(ca[0]["code"], "HA-0007");
    assert_eq!(ca[0]["field"], "project");
    assert_eq!(ca[0]["status"], "open");
    assert_eq!(ca[0]["winner"], cb[0]["winner"]);
    assert_eq!(
        (&ca[0]["local"], &ca[0]["remote"]),
        (&cb[0]["remote"], &cb[0]["local"])
    );
    assert_eq!(ca[0]["local"], "Project A");
    // Unique codes: the later of the two new lands carries its device's tag; both laptops agree.
    let lands: serde_json::Value =
        serde_json::from_str(&p.on("a", &["list", "lands", "--json"])).unwrap();
    let codes: Vec<&str> = lands
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    let unique: std::collections::BTreeSet<&str> = codes.iter().copied().collect();
    assert_eq!(unique.len(), codes.len(), "{codes:?}");
    assert_eq!(codes.iter().filter(|c| c.starts_with("HA-0031")).count(), 2);
    // Both merged edits of HA-0006 arrived; the land cleared twice is flagged, not closed.
    let show = p.on("b", &["show", "HA-0006"]);
    assert!(
        show.contains("Renamed on A") && show.contains("Donor from B"),
        "{show}"
    );
    for who in ["a", "b"] {
        let (_, check, _) = run(&["--db", &p.path(&format!("{who}.sqlite")), "check"]);
        assert!(
            check
                .lines()
                .any(|l| l.starts_with("HA-0003") && l.contains("ledger")),
            "{check}"
        );
        let show = p.on(who, &["show", "HA-0003"]);
        assert!(!show.contains("Closed"), "{show}");
    }
    // A second import of either bundle changes nothing.
    let before = p.export("b", "geojson");
    let again = p.on("b", &["sync", "import", &a_to_b]);
    assert!(again.contains("0 new versions"), "{again}");
    assert!(
        p.on("a", &["sync", "import", &b_to_a])
            .contains("0 new versions")
    );
    assert!(p.export("b", "geojson") == before);

    // Settled on A; the settlement reaches B.
    p.on(
        "a",
        &[
            "sync", "resolve", "HA-0007", "--field", "project", "--take", "local",
        ],
    );
    assert_eq!(conflicts("a").as_array().unwrap().len(), 0);
    let a_to_b = p.bundle("a", "b", "a-to-b-2.sgbundle");
    p.on("b", &["sync", "import", &a_to_b]);
    assert_eq!(conflicts("b").as_array().unwrap().len(), 0);
    assert!(p.on("b", &["show", "HA-0007"]).contains("Project A"));
    let b_to_a = p.bundle("b", "a", "b-to-a-2.sgbundle");
    p.on("a", &["sync", "import", &b_to_a]);
    assert!(p.export("a", "geojson") == p.export("b", "geojson"));
}

#[test]
fn a_bundle_of_another_programme_a_newer_schema_or_a_damaged_file_is_refused_and_changes_nothing() {
    let p = Pair::new();
    let other = p.path("other.sqlite");
    p.ok(&["--db", &other, "demo"]);
    let foreign = p.path("foreign.sgbundle");
    p.ok(&["--db", &other, "sync", "export", "--all", "-o", &foreign]);
    let before = p.export("b", "geojson");
    let (code, _, err) = run(&["--db", &p.path("b.sqlite"), "sync", "import", &foreign]);
    assert_eq!(code, 1);
    assert!(err.contains("another programme"), "{err}");
    // Damaged in transfer: one byte of a body changed.
    let good = p.path("all.sgbundle");
    let conn = rusqlite::Connection::open(&good).unwrap();
    conn.execute(
        "UPDATE bundle_version SET body_json = replace(body_json, 'Kotorsko', 'Kotorskp')",
        [],
    )
    .unwrap();
    drop(conn);
    let (code, _, err) = run(&["--db", &p.path("b.sqlite"), "sync", "import", &good]);
    assert_eq!(code, 1);
    assert!(err.contains("checksum"), "{err}");
    // Newer schema.
    let conn = rusqlite::Connection::open(&good).unwrap();
    conn.execute(
        "UPDATE bundle_meta SET value = '999' WHERE key = 'schema_version'",
        [],
    )
    .unwrap();
    drop(conn);
    let (code, _, err) = run(&["--db", &p.path("b.sqlite"), "sync", "import", &good]);
    assert_eq!(code, 1);
    assert!(err.contains("newer"), "{err}");
    // Not a bundle at all.
    let store = p.path("a.sqlite");
    let (code, _, err) = run(&["--db", &p.path("b.sqlite"), "sync", "import", &store]);
    assert_eq!(code, 1);
    assert!(err.contains("not a Safeground sync bundle"), "{err}");
    assert!(p.export("b", "geojson") == before, "nothing changed");
}

#[test]
fn the_same_clearance_entered_on_two_laptops_is_reported_as_a_probable_duplicate() {
    let p = Pair::new();
    let csv = p.write(
        "same.csv",
        "land_code,kind,start_date,end_date,team,cleared_m2\nHA-0003,clearance,2026-11-10,2026-11-12,Team 2,3000\n",
    );
    p.on("a", &["import", &csv]);
    p.on("b", &["import", &csv]);
    let a_to_b = p.bundle("a", "b", "a-to-b.sgbundle");
    p.on("b", &["sync", "import", &a_to_b]);
    let (_, check, _) = run(&["--db", &p.path("b.sqlite"), "check"]);
    assert!(
        check
            .lines()
            .any(|l| l.starts_with("HA-0003") && l.contains("probable_duplicate")),
        "{check}"
    );
    // Both activities are kept; the land's ledger counts both (6 000 of 8 987 m²).
    let activities: serde_json::Value =
        serde_json::from_str(&p.on("b", &["list", "activities", "--json"])).unwrap();
    let on_land = activities
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["land_code"] == "HA-0003")
        .count();
    assert_eq!(on_land, 2);
}

#[test]
fn a_store_from_before_the_change_log_gets_a_version_for_every_record_when_it_opens() {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    // Take the store back to schema 9, as the last release wrote it.
    {
        let conn = rusqlite::Connection::open(&t.path).unwrap();
        conn.execute_batch(
            "DROP TABLE hub_link; DROP TABLE record_version; DROP TABLE record_head; DROP TABLE sync_conflict;
             DROP TABLE sync_peer; DROP TABLE sync_import_log; DROP TABLE code_alias;
             ALTER TABLE land DROP COLUMN version_id; ALTER TABLE activity DROP COLUMN version_id;
             ALTER TABLE hazard_report DROP COLUMN version_id; PRAGMA user_version = 9;",
        )
        .unwrap();
    }
    drop(t.open());
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let records = count(
        "SELECT (SELECT count(*) FROM land) + (SELECT count(*) FROM activity) + (SELECT count(*) FROM hazard_report)",
    );
    assert_eq!(records, 110);
    assert_eq!(count("SELECT count(*) FROM record_version"), records);
    assert_eq!(count("SELECT count(*) FROM record_head"), records);
    assert_eq!(
        count("SELECT count(*) FROM land WHERE version_id IS NULL"),
        0,
        "every row holds its first version's body"
    );
    // Those versions travel: a new laptop joins from the upgraded store.
    let bundle = t.dir.path().join("all.sgbundle");
    let joined = t.dir.path().join("joined.sqlite");
    assert_eq!(
        run(&[
            "--db",
            &db(&t.path),
            "sync",
            "export",
            "--all",
            "-o",
            &db(&bundle)
        ])
        .0,
        0
    );
    let (code, out, err) = run(&["--db", &db(&joined), "sync", "import", &db(&bundle)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("110 new"), "{out}");
}
