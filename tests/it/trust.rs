//! Hostile tests, one per class of failure of the field trial (issue 12): each attacks the
//! mechanism that makes its whole class impossible.

use geo_types::{LineString, MultiPolygon, Polygon, polygon};
use safeground::domain::MAX_LAND_AREA_M2;
use safeground::geometry::{
    EARTH_AREA_M2, analyse_shape, geodesic_area_m2, land_shape, validate_shape,
};

use super::util::{TestStore, db, run};

fn mp(p: Polygon<f64>) -> MultiPolygon<f64> {
    MultiPolygon(vec![p])
}

/// Every way of walking a ring (start vertex, direction) gives the same area.
fn walks(ring: &[(f64, f64)]) -> Vec<Polygon<f64>> {
    let n = ring.len();
    let mut out = Vec::new();
    for start in 0..n {
        let forward: Vec<(f64, f64)> = (0..n).map(|i| ring[(start + i) % n]).collect();
        let mut backward = forward.clone();
        backward.reverse();
        for r in [forward, backward] {
            out.push(Polygon::new(LineString::from(r), vec![]));
        }
    }
    out
}

// ---- Class: absurd areas -------------------------------------------------------------------

#[test]
fn areas_never_exceed_half_the_earth_and_do_not_depend_on_walk_order() {
    let half = EARTH_AREA_M2 / 2.0;
    let cases: [&[(f64, f64)]; 4] = [
        // A square field, clockwise as entered.
        &[
            (18.0, 44.0),
            (18.0, 44.001),
            (18.001, 44.001),
            (18.001, 44.0),
        ],
        // A bow-tie.
        &[
            (18.0, 44.0),
            (18.001, 44.001),
            (18.001, 44.0),
            (18.0, 44.001),
        ],
        // A BiH-like self-intersecting ring with a loop.
        &[
            (17.0, 45.0),
            (17.01, 45.0),
            (17.01, 45.01),
            (17.005, 44.995),
            (17.0, 45.01),
        ],
        // A field across the antimeridian near Taveuni, Fiji.
        &[
            (179.998, -16.8),
            (-179.999, -16.8),
            (-179.999, -16.799),
            (179.998, -16.799),
        ],
    ];
    for ring in cases {
        let areas: Vec<f64> = walks(ring)
            .into_iter()
            .map(|p| geodesic_area_m2(&mp(p)).m2())
            .collect();
        for a in &areas {
            assert!(a.is_finite() && *a >= 0.0 && *a < half, "{ring:?}: {a}");
            assert!(
                (a - areas[0]).abs() <= 1e-6 * areas[0].max(1.0),
                "{ring:?}: {areas:?}"
            );
        }
    }
}

#[test]
fn antimeridian_field_has_its_own_small_area() {
    let field = polygon![(x: 179.998, y: -16.8), (x: -179.999, y: -16.8), (x: -179.999, y: -16.799), (x: 179.998, y: -16.799)];
    let a = geodesic_area_m2(&mp(field.clone())).m2();
    // 0.003° × 0.001° at 16.8° S: about 320 m × 110 m.
    assert!(a > 30_000.0 && a < 45_000.0, "{a}");
    assert!(validate_shape(&mp(field)).is_empty());
}

#[test]
fn bow_tie_is_flagged_and_measured_by_its_repaired_form() {
    let a = polygon![(x: 18.0, y: 44.0), (x: 18.001, y: 44.001), (x: 18.001, y: 44.0), (x: 18.0, y: 44.001)];
    let analysis = analyse_shape(&mp(a));
    assert!(analysis.repaired);
    assert!(
        analysis
            .problems
            .iter()
            .any(|p| p.kind() == "self_intersection")
    );
    // Two triangles, each a quarter of the 0.001° square (about 8 900 m² at 44° N).
    assert!(
        analysis.area_m2 > 4_000.0 && analysis.area_m2 < 4_600.0,
        "{}",
        analysis.area_m2
    );
}

#[test]
fn holes_are_subtracted_and_parts_summed_whatever_their_winding() {
    let outer = LineString::from(vec![
        (18.0, 44.0),
        (18.01, 44.0),
        (18.01, 44.01),
        (18.0, 44.01),
        (18.0, 44.0),
    ]);
    let hole = LineString::from(vec![
        (18.002, 44.002),
        (18.004, 44.002),
        (18.004, 44.004),
        (18.002, 44.004),
        (18.002, 44.002),
    ]);
    let whole = geodesic_area_m2(&mp(Polygon::new(outer.clone(), vec![]))).m2();
    let hole_area = geodesic_area_m2(&mp(Polygon::new(hole.clone(), vec![]))).m2();
    let mut reversed_hole = hole.clone();
    reversed_hole.0.reverse();
    for h in [hole, reversed_hole] {
        let with_hole = geodesic_area_m2(&mp(Polygon::new(outer.clone(), vec![h]))).m2();
        assert!((with_hole - (whole - hole_area)).abs() < 1e-3);
    }
    let two = MultiPolygon(vec![
        Polygon::new(outer.clone(), vec![]),
        Polygon::new(outer, vec![]),
    ]);
    assert!((geodesic_area_m2(&two).m2() - 2.0 * whole).abs() < 1e-3);
}

#[test]
fn collinear_triangle_is_flagged_and_world_box_refused() {
    let collinear = polygon![(x: 18.0, y: 44.0), (x: 18.001, y: 44.001), (x: 18.002, y: 44.002)];
    let problems = validate_shape(&mp(collinear));
    assert!(
        problems.iter().any(|p| p.kind() == "no_area"),
        "{problems:?}"
    );
    let world = polygon![(x: -180.0, y: -90.0), (x: 180.0, y: -90.0), (x: 180.0, y: 90.0), (x: -180.0, y: 90.0)];
    let shape = land_shape(&[], Some(&mp(world)));
    assert!(shape.refusal.is_some(), "{shape:?}");
    let big =
        polygon![(x: 10.0, y: 40.0), (x: 14.0, y: 40.0), (x: 14.0, y: 44.0), (x: 10.0, y: 44.0)];
    let shape = land_shape(&[], Some(&mp(big)));
    assert!(
        shape
            .refusal
            .as_deref()
            .is_some_and(|r| r.contains("100 000 km²")),
        "{shape:?}"
    );
}

#[test]
fn a_100_000_vertex_polygon_is_validated_and_measured_in_well_under_a_second() {
    let n = 100_000;
    let ring: Vec<(f64, f64)> = (0..=n)
        .map(|i| {
            let t = std::f64::consts::TAU * f64::from(i % n) / f64::from(n);
            // A star-like ring: the radius wobbles so edges are not all alike.
            let r = 0.01 * (1.0 + 0.1 * (37.0 * t).sin());
            (18.0 + r * t.cos(), 44.0 + r * t.sin())
        })
        .collect();
    let shape = mp(Polygon::new(LineString::from(ring), vec![]));
    let started = std::time::Instant::now();
    let analysis = analyse_shape(&shape);
    let elapsed = started.elapsed();
    assert!(
        analysis.problems.is_empty(),
        "{:?}",
        &analysis.problems[..1]
    );
    // Debug builds of this crate are slower than release; the bar is still far below the 89 s
    // of the quadratic check.
    assert!(elapsed.as_secs_f64() < 3.0, "{elapsed:?}");
}

#[test]
fn absurd_estimates_and_dates_are_field_errors_and_a_non_strict_import_goes_on() {
    let s = TestStore::new();
    let file = s.file(
        "absurd.geojson",
        br#"{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":null,"properties":{"name":"Huge","classification":"sha","date_of_information":"2025-01-01","estimated_m2":1e300}},
{"type":"Feature","geometry":null,"properties":{"name":"Negative","classification":"sha","date_of_information":"2025-01-01","estimated_m2":-5}},
{"type":"Feature","geometry":null,"properties":{"name":"Year -1","classification":"sha","date_of_information":"-0001-01-01"}},
{"type":"Feature","geometry":null,"properties":{"name":"Year 2200","classification":"sha","date_of_information":"2200-01-01"}},
{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]},"properties":{"name":"World","classification":"sha","date_of_information":"2025-01-01"}},
{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[18.0,44.0],[18.001,44.0],[18.001,44.001],[18.0,44.001],[18.0,44.0]]]},"properties":{"name":"Good","classification":"sha","date_of_information":"2025-01-01"}}
]}"#,
    );
    let (code, out, err) = run(&["--db", &db(&s.path), "import", &db(&file)]);
    assert_eq!(code, 0, "{out}{err}");
    let (_, json, _) = run(&["--db", &db(&s.path), "list", "lands", "--json"]);
    let lands: serde_json::Value = serde_json::from_str(&json).unwrap();
    let names: Vec<&str> = lands
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Good"], "{out}{err}");
    for l in lands.as_array().unwrap() {
        assert!(l["estimated_m2"].as_f64().unwrap() <= MAX_LAND_AREA_M2);
    }
}

// ---- Class: outputs that destroy the store or other files ----------------------------------

/// Every output command with `-o` aimed at the store, its companions, a link or a `../` path to
/// them: refused, exit 1, the store intact.
#[test]
fn no_output_can_land_on_the_store() {
    let s = TestStore::new();
    assert_eq!(run(&["--db", &db(&s.path), "demo"]).0, 0);
    let before = super::util::fingerprint(&s.path);
    let dir = s.dir.path();
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::os::unix::fs::symlink(&s.path, dir.join("link.gpkg")).unwrap();
    std::fs::hard_link(&s.path, dir.join("hard.csv")).unwrap();
    let wal = format!("{}-wal", db(&s.path));
    let targets = [
        db(&s.path),
        wal,
        format!("{}-shm", db(&s.path)),
        format!("{}-journal", db(&s.path)),
        db(&dir.join("link.gpkg")),
        db(&dir.join("hard.csv")),
        format!("{}/../store.sqlite", sub.display()),
    ];
    let commands: [&[&str]; 5] = [
        &["export", "--format", "gpkg"],
        &["export", "--format", "geojson"],
        &["export", "--format", "csv"],
        &["report"],
        &["backup"],
    ];
    let store_arg = db(&s.path);
    for target in &targets {
        for command in commands {
            for overwrite in [false, true] {
                let mut args = vec!["--db", store_arg.as_str()];
                args.extend_from_slice(command);
                args.extend_from_slice(&["-o", target]);
                if overwrite {
                    args.push("--overwrite");
                }
                let (code, _, err) = run(&args);
                assert_eq!(code, 1, "{args:?} was accepted");
                assert!(
                    err.contains("is the store itself")
                        || err.contains("not a regular file")
                        || err.contains("already exists"),
                    "{args:?}: {err}"
                );
            }
        }
    }
    assert_eq!(super::util::fingerprint(&s.path), before);
    // The hard link and the symbolic link still reach the store, unchanged.
    assert_eq!(
        std::fs::read(dir.join("hard.csv")).unwrap(),
        std::fs::read(&s.path).unwrap()
    );
}

#[test]
fn existing_files_and_special_files_are_never_replaced_unasked() {
    let s = TestStore::new();
    assert_eq!(run(&["--db", &db(&s.path), "demo"]).0, 0);
    let dir = s.dir.path();
    // A report whose sibling CSV exists: refused, and nothing of it written.
    let sibling = s.file("r.lands.csv", b"my own spreadsheet");
    let html = dir.join("r.html");
    let (code, _, err) = run(&["--db", &db(&s.path), "report", "-o", &db(&html)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("already exists") && err.contains("--overwrite"),
        "{err}"
    );
    assert!(!html.exists() && !dir.join("r.summary.csv").exists());
    assert_eq!(std::fs::read(&sibling).unwrap(), b"my own spreadsheet");
    // With --overwrite all three are written.
    let (code, _, err) = run(&[
        "--db",
        &db(&s.path),
        "report",
        "-o",
        &db(&html),
        "--overwrite",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(html.exists() && dir.join("r.summary.csv").exists());
    assert_ne!(std::fs::read(&sibling).unwrap(), b"my own spreadsheet");
    // A FIFO, a folder and a device are refused even with --overwrite.
    let fifo = dir.join("pipe.geojson");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for target in [db(&fifo), db(dir), "/dev/null".to_owned()] {
        let (code, _, err) = run(&[
            "--db",
            &db(&s.path),
            "export",
            "--format",
            "geojson",
            "-o",
            &target,
            "--overwrite",
        ]);
        assert_eq!(code, 1, "{target}");
        assert!(err.contains("not a regular file"), "{target}: {err}");
    }
    // A missing folder is named as such.
    let (code, _, err) = run(&[
        "--db",
        &db(&s.path),
        "export",
        "--format",
        "csv",
        "-o",
        &db(&dir.join("no-such-folder/x.csv")),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("does not exist"), "{err}");
    // No temporary file is left anywhere.
    let leftovers: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("sg-partial") || n.contains("sg-commit"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

// ---- Class: destructive verbs --------------------------------------------------------------

#[test]
fn restore_refuses_an_empty_file_and_says_where_the_old_contents_went() {
    let s = TestStore::new();
    assert_eq!(run(&["--db", &db(&s.path), "demo"]).0, 0);
    let before = super::util::fingerprint(&s.path);
    let empty = s.file("empty.sqlite", b"");
    let (code, _, err) = run(&["--db", &db(&s.path), "restore", &db(&empty)]);
    assert_eq!(code, 1);
    assert!(err.contains("empty"), "{err}");
    assert_eq!(super::util::fingerprint(&s.path), before);
    let backup = s.dir.path().join("b.sqlite");
    assert_eq!(
        run(&["--db", &db(&s.path), "backup", "-o", &db(&backup)]).0,
        0
    );
    let (code, out, err) = run(&["--db", &db(&s.path), "restore", &db(&backup)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("before-restore"), "{out}");
}

/// The race of the field trial, made deterministic: another writer tries to commit between the
/// snapshot of the old contents and the copy. It cannot (the restore holds the write lock); it
/// commits after the restore, on the restored contents, and nothing is lost.
#[test]
fn restore_holds_the_write_lock_between_snapshot_and_copy() {
    use safeground::storage::Store;
    let s = TestStore::new();
    let mut store = s.open();
    store
        .create_land(
            super::util::square_land("Old", 18.0, 44.0),
            &super::util::actor(),
        )
        .unwrap();
    let backup = s.dir.path().join("backup.sqlite");
    store
        .backup_to(&backup, safeground::io::output::Replace::Never)
        .unwrap();
    store
        .create_land(
            super::util::square_land("After backup", 18.01, 44.0),
            &super::util::actor(),
        )
        .unwrap();
    let mut blocked = None;
    let path = s.path.clone();
    let restored = store
        .restore_from_with_hook(&backup, &super::util::actor(), &mut || {
            // A second program writes now, with a short wait.
            let mut other = Store::open(&path).unwrap();
            other.set_busy_timeout_ms(200);
            blocked = Some(other.create_land(
                super::util::square_land("Racing writer", 18.02, 44.0),
                &super::util::actor(),
            ));
        })
        .unwrap();
    let blocked = blocked.unwrap();
    assert!(blocked.is_err(), "a writer committed inside the restore");
    assert!(
        blocked.unwrap_err().to_string().contains("busy"),
        "the racing writer is told the store is busy"
    );
    // The snapshot holds the land made after the backup; the store holds the backup's.
    let previous = Store::open(&restored.previous).unwrap();
    let names = |st: &Store| -> Vec<String> {
        let mut n: Vec<String> = st.lands().unwrap().into_iter().map(|l| l.name).collect();
        n.sort();
        n
    };
    assert_eq!(names(&previous), ["After backup", "Old"]);
    assert_eq!(names(&store), ["Old"]);
}

#[test]
fn demo_never_replaces_records_without_replace_and_a_backup() {
    let s = TestStore::new();
    let mut store = s.open();
    store
        .create_land(
            super::util::square_land("Real work", 18.0, 44.0),
            &super::util::actor(),
        )
        .unwrap();
    drop(store);
    let before = super::util::fingerprint(&s.path);
    let (code, _, err) = run(&["--db", &db(&s.path), "demo"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("holds 1 records") && err.contains("--replace"),
        "{err}"
    );
    assert_eq!(super::util::fingerprint(&s.path), before);
    let (code, out, err) = run(&["--db", &db(&s.path), "demo", "--replace"]);
    assert_eq!(code, 0, "{err}");
    let backup = out
        .lines()
        .find_map(|l| l.strip_prefix("The records that were in the store are saved in "))
        .unwrap()
        .trim_end_matches('.');
    let saved = safeground::storage::Store::open(std::path::Path::new(backup)).unwrap();
    assert_eq!(saved.lands().unwrap()[0].name, "Real work");
}

#[test]
fn read_commands_refuse_a_missing_store_and_special_files() {
    let s = TestStore::new();
    let missing = s.dir.path().join("mistyped.sqlite");
    for command in [
        vec!["list", "lands"],
        vec!["report", "-o", "/tmp/never-written.html"],
        vec!["export", "--format", "csv", "-o", "/tmp/never-written.csv"],
        vec!["backup", "-o", "/tmp/never-written.sqlite"],
        vec!["check"],
    ] {
        let mut args = vec!["--db", missing.to_str().unwrap()];
        args.extend(command.iter().copied());
        let (code, _, err) = run(&args);
        assert_eq!(code, 1, "{args:?}");
        assert!(err.contains("there is no store at this path"), "{err}");
        assert!(!missing.exists(), "{args:?} created the store");
    }
    let fifo = s.dir.path().join("fifo.sqlite");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for target in [db(&fifo), "/dev/null".to_owned(), db(s.dir.path())] {
        for command in [vec!["list", "lands"], vec!["import", "x.geojson"]] {
            let mut args = vec!["--db", target.as_str()];
            args.extend(command.iter().copied());
            let (code, _, err) = run(&args);
            assert_eq!(code, 1, "{args:?}");
            assert!(
                err.contains("FIFO, device or socket") || err.contains("folder"),
                "{args:?}: {err}"
            );
        }
    }
    assert!(!std::path::Path::new("/dev/null-journal").exists());
}

#[test]
fn a_geopackage_given_as_the_store_is_named_as_one() {
    let s = TestStore::new();
    assert_eq!(run(&["--db", &db(&s.path), "demo"]).0, 0);
    let gpkg = s.dir.path().join("x.gpkg");
    assert_eq!(
        run(&[
            "--db",
            &db(&s.path),
            "export",
            "--format",
            "gpkg",
            "-o",
            &db(&gpkg)
        ])
        .0,
        0
    );
    let (code, _, err) = run(&["--db", &db(&gpkg), "list", "lands"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("is a GeoPackage, not a Safeground store"),
        "{err}"
    );
    assert!(!err.contains("newer"), "{err}");
}

// ---- Class: unsafe text in outputs ---------------------------------------------------------

#[test]
fn formula_cells_are_neutralised_in_every_csv_and_bidi_controls_refused_on_input() {
    use safeground::domain::LandDraft;
    let s = TestStore::new();
    let mut store = s.open();
    let mut land = super::util::square_land("=HYPERLINK(\"http://evil\",\"x\")", 18.0, 44.0);
    land.donor = "@SUM(1+1)".into();
    land.organisation = "+cmd|' /C calc'!A0".into();
    land.admin.admin1 = "-2+3".into();
    land.admin.admin2 = "\tTAB".into();
    store.create_land(land, &super::util::actor()).unwrap();
    drop(store);
    let dir = s.dir.path();
    let csv = dir.join("ledger.csv");
    assert_eq!(
        run(&[
            "--db",
            &db(&s.path),
            "export",
            "--format",
            "csv",
            "-o",
            &db(&csv)
        ])
        .0,
        0
    );
    let html = dir.join("r.html");
    assert_eq!(
        run(&[
            "--db",
            &db(&s.path),
            "report",
            "--profile",
            "full",
            "-o",
            &db(&html)
        ])
        .0,
        0
    );
    for file in [
        "ledger.csv",
        "ledger.activities.csv",
        "r.summary.csv",
        "r.lands.csv",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in &record.unwrap() {
                let first = cell.chars().next();
                let number = cell.parse::<f64>().is_ok();
                assert!(
                    number || !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                    "{file}: live formula cell {cell:?}"
                );
            }
        }
    }
    let ledger = std::fs::read_to_string(&csv).unwrap();
    assert!(ledger.contains("'=HYPERLINK"), "the value stays readable");
    // Bidi controls are refused in names and codes on input…
    let draft = LandDraft {
        name: "Field \u{202E}gnp.exe".into(),
        classification: "sha".into(),
        date_of_information: "2025-01-01".into(),
        ..LandDraft::default()
    };
    let errors = draft.validate().unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.field == "name" && e.message.contains("bidirectional")),
        "{errors:?}"
    );
    assert_eq!(
        safeground::domain::show_bidi_controls("a\u{2067}b"),
        "a<U+2067>b"
    );
}

// ---- Class: raw errors ---------------------------------------------------------------------

#[test]
fn a_busy_store_is_said_in_words_with_the_program_holding_it() {
    let s = TestStore::new();
    assert_eq!(run(&["--db", &db(&s.path), "demo"]).0, 0);
    // Another process holds the write lock for a while (python's sqlite3, as any other program).
    let mut holder = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); \
             c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(20)",
        )
        .arg(&s.path)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(line.trim(), "locked");
    let file = s.file(
        "one.geojson",
        br#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[18.0,44.0],[18.001,44.0],[18.001,44.001],[18.0,44.001],[18.0,44.0]]]},"properties":{"name":"X","classification":"sha","date_of_information":"2025-01-01"}}]}"#,
    );
    let started = std::time::Instant::now();
    let (code, _, err) = run(&["--db", &db(&s.path), "import", &db(&file)]);
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert_eq!(code, 1);
    assert!(started.elapsed().as_secs() < 15, "the wait is bounded");
    assert!(err.contains("the store is busy"), "{err}");
    assert!(err.contains("python3 (process"), "{err}");
    for raw in ["database is locked", "Error code", "rusqlite"] {
        assert!(!err.contains(raw), "{err}");
    }
}

// ---- Class: personal data and free text leaking --------------------------------------------

/// A text no output may carry: it names the field it was put in.
fn canary(field: &str) -> String {
    format!("CANARY{}X", field.replace(['.', '_'], ""))
}

/// A land, an activity and two hazard reports with a canary in **every** text field (each
/// destructured without `..`, so a new field must be added here), plus a geo-unsafe land and a
/// report linked to it.
fn records_with_canaries() -> safeground::domain::RecordSet {
    use safeground::domain::{
        ActivityDraft, EvidenceItem, HazardReport, KeyInformant, Land, PointKind, PointSource,
        RecordSet, StatusChange, SurveyPoint, TraverseLeg,
    };
    let mut land = super::util::square_land("x", 18.0, 44.0);
    {
        let Land {
            id: _,
            code,
            name,
            classification,
            status,
            evidence: _,
            evidence_items,
            hazard_types: _,
            admin,
            priority: _,
            blockage,
            expected_beneficiaries,
            terrain,
            key_informants,
            donor: _,
            project: _,
            organisation: _,
            team,
            date_of_information,
            notes,
            validation: _,
            validation_comment,
            submitted_by,
            geo_unsafe: _,
            points,
            geometry: _,
            geometry_issue,
            ledger: _,
            status_history,
            source_attributes,
        } = &mut land;
        "HA-0001".clone_into(code);
        *name = canary("land.name");
        *blockage = canary("land.blockage");
        *terrain = canary("land.terrain");
        *team = canary("land.team");
        *notes = canary("land.notes");
        *validation_comment = canary("land.validation_comment");
        *submitted_by = canary("land.submitted_by");
        *geometry_issue = Some(canary("land.geometry_issue"));
        *expected_beneficiaries = Some(3);
        admin.settlement = "Kalošević".into();
        evidence_items.push(EvidenceItem {
            kind: canary("evidence.kind"),
            modality: safeground::domain::SourceModality::Visual,
            description: canary("evidence.description"),
        });
        key_informants.push(KeyInformant {
            name: canary("informant.name"),
            role: canary("informant.role"),
            phone: canary("informant.phone"),
        });
        status_history.push(StatusChange {
            date: *date_of_information,
            status: *status,
            classification: *classification,
            reason: canary("history.reason"),
            comment: canary("history.comment"),
            by: canary("history.by"),
            superseded: false,
        });
        let p0 = points[1].lon_lat;
        points.push(SurveyPoint {
            kind: PointKind::Reference,
            label: canary("point.label"),
            lon_lat: p0,
            entered: Some(safeground::domain::EnteredCoord {
                text: canary("point.entered"),
                format: safeground::domain::CoordFormat::Dd,
            }),
            source: PointSource::Traverse {
                leg: TraverseLeg {
                    from_label: canary("leg.from_label"),
                    bearing: 10.0,
                    bearing_unit: safeground::domain::BearingUnit::Degrees,
                    reference: safeground::domain::NorthReference::Magnetic,
                    declination_deg: 0.0,
                    declination_date: None,
                    distance_m: 10.0,
                    slope_deg: None,
                    instrument: safeground::domain::Instrument::CompassTape,
                },
            },
            note: canary("point.note"),
        });
        source_attributes.insert(canary("attr.key"), canary("attr.value").into());
    }
    let mut unsafe_land = super::util::square_land("Unsafe", 18.1, 44.1);
    unsafe_land.code = "HA-0002".into();
    unsafe_land.geo_unsafe = true;
    unsafe_land.admin.settlement = canary("unsafe.settlement");
    unsafe_land.admin.pcode = canary("unsafe.pcode");
    let mut activity = ActivityDraft {
        kind: "clearance".into(),
        start_date: "2025-04-01".into(),
        cleared_m2: "100".into(),
        team: canary("activity.team"),
        notes: canary("activity.notes"),
        residual_risk_note: canary("handover.residual"),
        permanent_markers: canary("handover.markers"),
        handover_men: "2".into(),
        ..ActivityDraft::default()
    }
    .validate(land.id)
    .unwrap();
    activity.code = "AC-0001".into();
    activity.devices.push(safeground::domain::DeviceFound {
        category: safeground::domain::EoCategory::ApMine,
        type_model: canary("device.type_model"),
        quantity: 1,
        disposal: safeground::domain::Disposal::DestroyedInSitu,
    });
    let report = |code: &str, land_id, geo_unsafe| {
        let mut r: HazardReport = safeground::domain::HazardReportDraft {
            location: "44.123456, 18.123456".into(),
            eo_category: "uxo".into(),
            reported_on: "2025-05-01".into(),
            reported_by: canary("report.reported_by"),
            reporter_phone: canary("report.phone"),
            type_model: canary("report.type_model"),
            notes: canary("report.notes"),
            ..safeground::domain::HazardReportDraft::default()
        }
        .validate(&|x: &str| {
            safeground::geometry::coords::parse_coord(x).map_err(|e| e.to_string())
        })
        .unwrap();
        r.code = code.into();
        r.land_id = land_id;
        r.geo_unsafe = geo_unsafe;
        r.location.label = canary("report.location.label");
        r.location.note = canary("report.location.note");
        r.source_attributes.insert(
            canary("report.attr.key"),
            canary("report.attr.value").into(),
        );
        r
    };
    RecordSet {
        hazard_reports: vec![
            report("HR-0001", Some(land.id), false),
            report("HR-0002", Some(unsafe_land.id), false),
            report("HR-0003", None, true),
        ],
        lands: vec![land, unsafe_land],
        activities: vec![activity],
    }
}

#[test]
fn donor_and_public_records_carry_no_free_text_and_no_way_to_locate_a_geo_unsafe_land() {
    use safeground::domain::ExportProfile;
    let records = records_with_canaries();
    let unsafe_id = records.lands[1].id;
    for profile in [ExportProfile::Donor, ExportProfile::Public] {
        for out in [
            profile.apply(records.clone()),
            profile.apply_for_aggregates(records.clone()),
        ] {
            // Debug prints every field, whatever serde skips.
            let text = format!("{out:?}");
            assert!(!text.contains("CANARY"), "{profile:?} leaks: {}", {
                let at = text.find("CANARY").unwrap();
                &text[at..(at + 40).min(text.len())]
            });
            // Nothing locates the geo-unsafe land: no geometry, no hazard report linked to it,
            // no settlement or P-code.
            for land in out.lands.iter().filter(|l| l.id == unsafe_id) {
                assert!(land.geometry.is_none() && land.admin.pcode.is_empty());
            }
            assert!(
                out.hazard_reports
                    .iter()
                    .all(|r| r.land_id != Some(unsafe_id) && r.code != "HR-0002"),
                "{profile:?}: the report at the geo-unsafe land leaves"
            );
            assert!(out.hazard_reports.iter().all(|r| r.code != "HR-0003"));
            for r in &out.hazard_reports {
                let rounded = |v: f64| ((v / 0.01).round() * 0.01 - v).abs() < 1e-9;
                assert!(rounded(r.location.lon_lat.lon_deg) && rounded(r.location.lon_lat.lat_deg));
            }
        }
    }
    // The full profile keeps everything (the canaries are really there).
    let full = format!("{:?}", ExportProfile::Full.apply(records));
    for field in [
        "land.blockage",
        "history.reason",
        "handover.markers",
        "device.type_model",
    ] {
        assert!(full.contains(&canary(field)), "{field}");
    }
}

#[test]
fn donor_files_written_from_a_store_carry_no_canary() {
    let s = TestStore::new();
    let mut store = s.open();
    let records = records_with_canaries();
    let land = store
        .create_land(records.lands[0].clone(), &super::util::actor())
        .unwrap();
    let mut activity = records.activities[0].clone();
    activity.land_id = land.id;
    // A handover needs a released land; the domain test above covers its fields.
    activity.handover = None;
    store.add_activity(activity, &super::util::actor()).unwrap();
    let mut report = records.hazard_reports[0].clone();
    report.land_id = Some(land.id);
    store
        .add_hazard_report(report, &super::util::actor())
        .unwrap();
    drop(store);
    let dir = s.dir.path();
    for profile in ["donor", "public"] {
        for (args, files) in [
            (vec!["export", "--format", "geojson"], vec!["x.geojson"]),
            (
                vec!["export", "--format", "csv"],
                vec!["x.csv", "x.activities.csv"],
            ),
            (vec!["export", "--format", "gpkg"], vec!["x.gpkg"]),
            (
                vec!["report"],
                vec!["x.html", "x.summary.csv", "x.lands.csv"],
            ),
        ] {
            let main = dir.join(files[0]);
            let mut argv = vec!["--db".to_owned(), db(&s.path)];
            argv.extend(args.iter().map(|a| (*a).to_owned()));
            argv.extend([
                "--profile".to_owned(),
                profile.to_owned(),
                "-o".to_owned(),
                db(&main),
                "--overwrite".to_owned(),
            ]);
            let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
            let (code, _, err) = run(&argv);
            assert_eq!(code, 0, "{argv:?}: {err}");
            for f in files {
                let bytes = std::fs::read(dir.join(f)).unwrap();
                assert!(
                    !bytes.windows(6).any(|w| w == b"CANARY"),
                    "{profile} {f} carries a canary"
                );
            }
        }
    }
    // The store holds them: the full profile writes them.
    let full = dir.join("full.geojson");
    let (code, _, err) = run(&[
        "--db",
        &db(&s.path),
        "export",
        "--format",
        "geojson",
        "-o",
        &db(&full),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(full).unwrap();
    for field in [
        "land.blockage",
        "activity.team",
        "report.notes",
        "informant.phone",
    ] {
        assert!(text.contains(&canary(field)), "{field}");
    }
}

#[test]
fn messages_name_the_field_never_the_value_of_a_sensitive_one() {
    let s = TestStore::new();
    let file = s.file(
        "informants.geojson",
        br#"{"type":"FeatureCollection","safeground_schema":1,"features":[
{"type":"Feature","geometry":null,"properties":{"record_type":"land","id":"6f1c1d6e-6a55-4a4e-9d0e-2b7e2f0f7a01","code":"HA-0009","name":"X","classification":"sha","status":"open","date_of_information":"2025-01-01","validation":"draft","key_informants":[{"name":"Amira Hodzic","role":"farmer","phone":38761555123}]}}
]}"#,
    );
    let (_, out, err) = run(&["--db", &db(&s.path), "import", &db(&file)]);
    let all = format!("{out}{err}");
    assert!(
        !all.contains("Amira") && !all.contains("38761555123"),
        "{all}"
    );
    assert!(all.contains("key_informants"), "the field is named: {all}");
}

#[test]
fn import_summaries_count_what_was_skipped_and_a_failed_import_writes_nothing() {
    let s = TestStore::new();
    assert_eq!(run(&["--db", &db(&s.path), "demo"]).0, 0);
    // Three null geometries (skipped by the reader), one good land.
    let file = s.file(
        "mixed.geojson",
        br#"{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":null,"properties":{"typeArea":"Suspected Minefield"}},
{"type":"Feature","geometry":null,"properties":{"typeArea":"Suspected Minefield"}},
{"type":"Feature","geometry":null,"properties":{"typeArea":"Suspected Minefield"}},
{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[18.0,44.0],[18.001,44.0],[18.001,44.001],[18.0,44.001],[18.0,44.0]]]},"properties":{"typeArea":"Suspected Minefield"}}
]}"#,
    );
    let (code, out, err) = run(&["--db", &db(&s.path), "import", &db(&file)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Imported 1 lands") && out.contains("3 features skipped"),
        "{out}"
    );
    // A CSV row with a device cell missing its disposal is skipped whole, and when nothing is
    // left the import fails and writes nothing, not even an audit row.
    let s2 = TestStore::new();
    assert_eq!(run(&["--db", &db(&s2.path), "demo"]).0, 0);
    let audit_before = s2.open().audit_count().unwrap();
    let before = super::util::fingerprint(&s2.path);
    let csv = s2.file(
        "acts.csv",
        b"land_code,kind,start_date,cleared_m2,devices\nHA-0001,clearance,2025-05-01,10,ap_mine:PMA-2:1\n",
    );
    let (code, _, err) = run(&["--db", &db(&s2.path), "import", &db(&csv)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("devices[0]") && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(super::util::fingerprint(&s2.path), before);
    assert_eq!(s2.open().audit_count().unwrap(), audit_before);
}

/// A store over the size checked at open, with a damaged page in a table an import does not
/// read: the import refuses to write (it checks every page first), a read command says when the
/// last full check passed, and the app's background check blocks writes with a banner.
#[test]
fn a_damaged_large_store_is_not_written_to() {
    use safeground::storage::QUICK_CHECK_MAX_BYTES;
    let s = TestStore::new();
    assert_eq!(run(&["--db", &db(&s.path), "demo"]).0, 0);
    {
        let mut store = s.open();
        let report = store.hazard_reports().unwrap()[0].id;
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0];
        jpeg.resize(18 * 1024 * 1024, 7);
        for i in 0..4 {
            store
                .add_photo(
                    report,
                    &format!("big{i}.jpg"),
                    jpeg.clone(),
                    &super::util::actor(),
                )
                .unwrap();
        }
        // A full check passes now, and is remembered.
        assert!(store.integrity_check().unwrap().is_empty());
    }
    let (root_page, page_size): (i64, i64) = {
        let conn = rusqlite::Connection::open(&s.path).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        let root = conn
            .query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'hazard_report_photo'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let size = conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap();
        (root, size)
    };
    assert!(std::fs::metadata(&s.path).unwrap().len() > QUICK_CHECK_MAX_BYTES);
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&s.path)
            .unwrap();
        f.seek(SeekFrom::Start(
            u64::try_from((root_page - 1) * page_size).unwrap(),
        ))
        .unwrap();
        f.write_all(&[0x55; 64]).unwrap();
    }
    let before = super::util::fingerprint(&s.path);
    let file = s.file(
        "one.geojson",
        br#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[18.0,44.0],[18.001,44.0],[18.001,44.001],[18.0,44.001],[18.0,44.0]]]},"properties":{"name":"X"}}]}"#,
    );
    let (code, _, err) = run(&["--db", &db(&s.path), "import", &db(&file)]);
    assert_eq!(code, 1, "an import wrote to a damaged store");
    assert!(
        err.contains("damaged") && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(super::util::fingerprint(&s.path), before);
    let (_, _, err) = run(&["--db", &db(&s.path), "list", "lands"]);
    assert!(err.contains("last full check passed: 20"), "{err}");
    // The app: the background check finds the damage and the worker refuses writes.
    let worker = safeground::app::Worker::start(
        Some(s.path.clone()),
        super::util::actor(),
        "",
        std::sync::Arc::new(|| {}),
    )
    .unwrap();
    let mut damaged = None;
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
    while damaged.is_none() && std::time::Instant::now() < deadline {
        if let Some(safeground::app::Outcome::StoreDamaged(m)) =
            worker.recv_blocking(std::time::Duration::from_secs(1))
        {
            damaged = Some(m);
        }
    }
    assert!(damaged.unwrap().contains("damaged"));
    let land = super::util::square_land("Not saved", 18.2, 44.2);
    assert!(worker.send(safeground::app::Command::CreateLand(Box::new(land))));
    let mut refused = false;
    while let Some(o) = worker.recv_blocking(std::time::Duration::from_secs(5)) {
        if let safeground::app::Outcome::Failed { error, .. } = o {
            // Typed to the end: the refusal is the damaged store's, not a string.
            refused = matches!(*error, safeground::app::AppError::StoreDamaged(ref m) if m.contains("damaged"));
            break;
        }
    }
    assert!(refused, "the worker saved to a damaged store");
}

/// Records in our own schema that the store's constraints would refuse (a device of quantity 0,
/// a negative released area, a date in year 3000) are refused one by one; the rest of the file
/// is imported (no constraint failure aborts a non-strict import).
#[test]
fn own_schema_records_breaking_store_rules_are_refused_per_record() {
    let s = TestStore::new();
    assert_eq!(run(&["--db", &db(&s.path), "demo"]).0, 0);
    let export = s.dir.path().join("all.geojson");
    assert_eq!(
        run(&[
            "--db",
            &db(&s.path),
            "export",
            "--format",
            "geojson",
            "-o",
            &db(&export)
        ])
        .0,
        0
    );
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    let features = doc["features"].as_array_mut().unwrap();
    let mut spoiled = 0;
    for f in features.iter_mut() {
        let props = f["properties"].as_object_mut().unwrap();
        if props.get("record_type").and_then(|v| v.as_str()) == Some("activity") && spoiled < 3 {
            match spoiled {
                0 => {
                    props.insert("date_of_information".into(), "3000-01-01".into());
                }
                1 => {
                    props.insert(
                        "released".into(),
                        serde_json::json!({"cancelled_m2": 0.0, "cleared_m2": -5.0,
                            "reduced_with_asset_m2": 0.0, "reduced_without_asset_m2": 0.0}),
                    );
                }
                _ => {
                    props.insert("devices".into(), serde_json::json!([{"category": "ap_mine", "type_model": "PMA-2", "quantity": 0, "disposal": "destroyed_in_situ"}]));
                }
            }
            spoiled += 1;
        }
    }
    let file = s.file("spoiled.geojson", doc.to_string().as_bytes());
    let fresh = TestStore::new();
    let (code, out, err) = run(&["--db", &db(&fresh.path), "import", &db(&file)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Imported 30 lands"), "{out}");
    assert!(
        !err.contains("store reported") && !err.contains("constraint"),
        "{err}"
    );
    assert!(err.contains("date_of_information"), "{err}");
}
