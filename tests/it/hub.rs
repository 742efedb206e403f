//! The programme's hub on a real PostgreSQL/PostGIS (issue 16). Each test makes its own
//! database (and login roles named after it) in the server `SAFEGROUND_PG_URL` names (a
//! superuser URL, e.g. from `scripts/pg_cluster.sh start DIR`), and drops them at the end.
//! Without that variable the tests say so and pass, unless `SAFEGROUND_REQUIRE_PG=1` (CI sets
//! it), which makes a missing server a failure.

use std::sync::atomic::{AtomicU32, Ordering};

use safeground::storage::hub::{HubTarget, hub_add_user};

use super::util::{TestStore, actor, db, run, square_land};

/// The server's superuser URL without a database (`postgres://postgres:PW@127.0.0.1:PORT`).
fn server() -> Option<String> {
    match std::env::var("SAFEGROUND_PG_URL") {
        Ok(url) if !url.trim().is_empty() => {
            let url = url.trim();
            // Drop the database part: each test makes its own.
            let (base, _) = url
                .strip_prefix("postgres://")
                .unwrap()
                .split_once('/')
                .unwrap_or((url, ""));
            Some(format!("postgres://{base}"))
        }
        _ => {
            assert!(
                std::env::var("SAFEGROUND_REQUIRE_PG").is_err(),
                "SAFEGROUND_REQUIRE_PG is set but SAFEGROUND_PG_URL is not"
            );
            eprintln!(
                "skipped: SAFEGROUND_PG_URL is not set (start a server with scripts/pg_cluster.sh start DIR)"
            );
            None
        }
    }
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// A fresh database on the test server, dropped (with its login roles) at the end.
struct TestHub {
    base: String,
    name: String,
    users: Vec<String>,
}

impl TestHub {
    fn new(server: &str) -> Self {
        let name = format!(
            "sg_{}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst),
            uuid::Uuid::new_v4().simple().to_string().get(..6).unwrap()
        );
        let hub = Self {
            base: server.to_owned(),
            name,
            users: Vec::new(),
        };
        hub.admin_sql("postgres", &format!("CREATE DATABASE {}", hub.name));
        hub
    }

    /// The hub's URL as its owner (the superuser).
    fn admin_url(&self) -> String {
        format!("{}/{}", self.base, self.name)
    }

    fn admin_sql(&self, database: &str, sql: &str) {
        let t = HubTarget::parse(&format!("{}/{database}", self.base), None).unwrap();
        t.connect().unwrap().batch_execute(sql).unwrap();
    }

    fn init(&self) {
        let (code, out, err) = run(&["hub", "init", &self.admin_url()]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("Created the Safeground hub"), "{out}");
    }

    /// Adds a login; returns its URL (with its password, as a laptop would have it in
    /// `~/.pgpass`).
    fn user(&mut self, short: &str, organisation: &str, role: &str) -> String {
        let name = format!("{short}_{}", self.name);
        let password = format!("pw-{short}-{}", uuid::Uuid::new_v4().simple());
        let admin = HubTarget::parse(&self.admin_url(), None).unwrap();
        assert!(hub_add_user(&admin, &name, organisation, role, Some(&password)).unwrap());
        self.users.push(name.clone());
        let host = self.base.rsplit_once('@').unwrap().1;
        format!("postgres://{name}:{password}@{host}/{}", self.name)
    }
}

fn client(url: &str) -> postgres::Client {
    HubTarget::parse(url, None).unwrap().connect().unwrap()
}

impl Drop for TestHub {
    fn drop(&mut self) {
        let Ok(t) = HubTarget::parse(&format!("{}/postgres", self.base), None) else {
            return;
        };
        let Ok(mut c) = t.connect() else {
            return;
        };
        let member: Option<String> = HubTarget::parse(&self.admin_url(), None)
            .ok()
            .and_then(|t| t.connect().ok())
            .and_then(|mut a| {
                a.query_opt(
                    "SELECT value FROM safeground.hub_meta WHERE key = 'member_role'",
                    &[],
                )
                .ok()
                .flatten()
            })
            .map(|r| r.get(0));
        c.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ))
        .ok();
        for u in &self.users {
            c.batch_execute(&format!("DROP ROLE IF EXISTS {u}")).ok();
        }
        if let Some(m) = member {
            c.batch_execute(&format!("DROP ROLE IF EXISTS {m}")).ok();
        }
    }
}

fn sync(store: &str, url: &str) -> String {
    let (code, out, err) = run(&["--db", store, "sync", "hub", url]);
    assert_eq!(code, 0, "sync of {store}: {out}{err}");
    out
}

fn count_lands(store: &str) -> usize {
    let (code, out, err) = run(&["--db", store, "list", "lands", "--json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str::<Vec<serde_json::Value>>(&out)
        .unwrap()
        .len()
}

fn status(url: &str) -> serde_json::Value {
    let (code, out, err) = run(&["hub", "status", url, "--json"]);
    assert_eq!(code, 0, "{out}{err}");
    serde_json::from_str(&out).unwrap()
}

fn export(store: &str, dir: &std::path::Path, name: &str) -> String {
    let path = dir.join(name);
    let (code, _, err) = run(&[
        "--db",
        store,
        "export",
        "--format",
        "geojson",
        "-o",
        &path.display().to_string(),
    ]);
    assert_eq!(code, 0, "{err}");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn two_organisations_see_only_their_own_records_and_the_authority_sees_all() {
    let Some(server) = server() else { return };
    let mut hub = TestHub::new(&server);
    hub.init();
    let npa = hub.user("npa", "NPA", "surveyor");
    let halo = hub.user("halo", "HALO Trust", "surveyor");
    let npa_coord = hub.user("npacoord", "NPA", "coordinator");
    let mac = hub.user("mac", "BHMAC", "authority");

    // NPA's laptop: the demo programme (30 lands), pushed.
    let npa_laptop = TestStore::new();
    assert_eq!(run(&["--db", &db(&npa_laptop.path), "demo"]).0, 0);
    let said = sync(&db(&npa_laptop.path), &npa);
    assert!(said.contains("sent 170 versions"), "{said}");

    // HALO's laptop joins the programme from the hub (and sees none of NPA's records), then
    // surveys two lands of its own.
    let halo_laptop = TestStore::new();
    let said = sync(&db(&halo_laptop.path), &halo);
    assert!(said.contains("joined the hub's programme"), "{said}");
    assert_eq!(count_lands(&db(&halo_laptop.path)), 0);
    {
        let mut s = halo_laptop.open();
        s.create_land(square_land("HALO north", 18.30, 44.60), &actor())
            .unwrap();
        s.create_land(square_land("HALO south", 18.30, 44.58), &actor())
            .unwrap();
    }
    let said = sync(&db(&halo_laptop.path), &halo);
    assert!(said.contains("sent 2 versions"), "{said}");

    // Each organisation sees its own; the authority all; NPA's coordinator NPA's.
    assert_eq!(status(&npa)["lands"], 30);
    assert_eq!(status(&halo)["lands"], 2);
    assert_eq!(status(&npa_coord)["lands"], 30);
    assert_eq!(status(&mac)["lands"], 32);
    assert_eq!(status(&halo)["versions"], 2);
    sync(&db(&npa_laptop.path), &npa);
    assert_eq!(
        count_lands(&db(&npa_laptop.path)),
        30,
        "NPA's laptop holds no HALO land"
    );
    let mac_laptop = TestStore::new();
    sync(&db(&mac_laptop.path), &mac);
    assert_eq!(
        count_lands(&db(&mac_laptop.path)),
        32,
        "the authority's laptop holds all"
    );
    let coord_laptop = TestStore::new();
    sync(&db(&coord_laptop.path), &npa_coord);
    assert_eq!(count_lands(&db(&coord_laptop.path)), 30);

    // The policies are the database's, not our code's: HALO's login, in plain SQL, sees and
    // changes nothing of NPA's.
    let mut halo_sql = client(&halo);
    let seen: i64 = halo_sql
        .query_one(
            "SELECT (SELECT count(*) FROM safeground.lands) + (SELECT count(*) FROM safeground.record_version)
                    + (SELECT count(*) FROM safeground.activities) + (SELECT count(*) FROM safeground.push_log)",
            &[],
        )
        .unwrap()
        .get(0);
    // Two lands, their two versions, no activities, one push: HALO's own only.
    assert_eq!(seen, 5);
    let changed = halo_sql
        .execute(
            "UPDATE safeground.lands SET name = 'x' WHERE owner_organisation = 'NPA'",
            &[],
        )
        .unwrap();
    assert_eq!(changed, 0);
    assert!(
        halo_sql
            .execute(
                "INSERT INTO safeground.lands (uuid, owner_organisation, updated_push) VALUES ('x', 'NPA', 1)",
                &[],
            )
            .is_err()
    );
    assert!(
        halo_sql
            .execute("DELETE FROM safeground.record_version", &[])
            .is_err(),
        "the change log is append-only"
    );
    // Nobody sets the push counter back (later pushes would hide behind every laptop's cursor)
    // or takes push numbers ahead in the log (later pushes would fail).
    assert!(
        halo_sql
            .execute("UPDATE safeground.push_counter SET n = 0", &[])
            .is_err()
    );
    assert!(
        halo_sql
            .execute(
                "INSERT INTO safeground.push_log (push_seq, organisation, device_id, device_name, versions)
                 VALUES (1000, 'HALO Trust', 'x', 'x', 1)",
                &[],
            )
            .is_err()
    );
    assert!(
        halo_sql
            .execute("SELECT safeground.log_push(1000, 'x', 'x', 1)", &[])
            .is_err()
    );
    // Nor writes a version by hand under a push number of its choosing.
    let forged = "INSERT INTO safeground.record_version SELECT version_id || 'x', record_type,
        record_id, bases, hlc, origin_device, origin_seq + 1000, who, state, state_reason,
        open_conflicts, body_json, organisation, 1, 0 FROM safeground.record_version LIMIT 1";
    let refused = halo_sql.execute(forged, &[]).unwrap_err();
    assert!(
        refused
            .as_db_error()
            .is_some_and(|e| e.message().contains("only by a push")),
        "{refused:?}"
    );
    // The coordinator reads only: a local change is kept and said, not sent.
    {
        let mut s = coord_laptop.open();
        s.create_land(square_land("Coordinator's sketch", 18.4, 44.5), &actor())
            .unwrap();
    }
    let said = sync(&db(&coord_laptop.path), &npa_coord);
    assert!(
        said.contains("not sent (the coordinator role reads only)"),
        "{said}"
    );
    assert_eq!(status(&mac)["lands"], 32);
}

#[test]
fn laptops_of_one_organisation_converge_through_the_hub() {
    let Some(server) = server() else { return };
    let mut hub = TestHub::new(&server);
    hub.init();
    let one = hub.user("one", "NPA", "surveyor");
    let two = hub.user("two", "NPA", "im_officer");
    let a = TestStore::new();
    let b = TestStore::new();
    let (sa, sb) = (db(&a.path), db(&b.path));
    assert_eq!(run(&["--db", &sa, "demo"]).0, 0);
    sync(&sa, &one);
    sync(&sb, &two);
    // Edits apart: different lands, different fields of one land, the same field of one land.
    for (store, args) in [
        (&sa, vec!["edit", "HA-0003", "--set", "name=Meadow (A)"]),
        (&sb, vec!["edit", "HA-0005", "--set", "team=Team B"]),
        (&sa, vec!["edit", "HA-0006", "--set", "donor=Donor A"]),
        (&sb, vec!["edit", "HA-0006", "--set", "team=Team B2"]),
        (&sa, vec!["edit", "HA-0007", "--set", "project=Project A"]),
        (&sb, vec!["edit", "HA-0007", "--set", "project=Project B"]),
    ] {
        let mut full = vec!["--db", store.as_str()];
        full.extend(args);
        let (code, out, err) = run(&full);
        assert_eq!(code, 0, "{out}{err}");
    }
    sync(&sa, &one);
    sync(&sb, &two);
    sync(&sa, &one);
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        export(&sa, dir.path(), "a.geojson"),
        export(&sb, dir.path(), "b.geojson"),
        "both laptops hold the same programme"
    );
    let conflicts = |s: &str| {
        let (_, out, _) = run(&["--db", s, "sync", "conflicts", "--json"]);
        let v: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        v.iter()
            .map(|c| (c["code"].clone(), c["field"].clone(), c["winner"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(conflicts(&sa).len(), 1, "{:?}", conflicts(&sa));
    assert_eq!(conflicts(&sa), conflicts(&sb));
    assert_eq!(status(&one)["conflicts"], 1);
    // The hub's current tables match the laptops, name for name.
    let mut c = client(&one);
    let names: Vec<(String, String)> = c
        .query("SELECT code, name FROM safeground.lands ORDER BY code", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get::<_, Option<String>>(1).unwrap_or_default()))
        .collect();
    let (_, out, _) = run(&["--db", &sa, "list", "lands", "--json"]);
    let mut local: Vec<(String, String)> = serde_json::from_str::<Vec<serde_json::Value>>(&out)
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["code"].as_str().unwrap().to_owned(),
                l["name"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    local.sort();
    assert_eq!(names, local);
    let team: String = c
        .query_one(
            "SELECT team FROM safeground.lands WHERE code = 'HA-0006'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(team, "Team B2");
    // A version written on the hub by hand (by its administrator, under a proper push number)
    // that no Safeground can read is left there and said; it stops nobody's sync.
    hub.admin_sql(
        &hub.name,
        "BEGIN;
         UPDATE safeground.push_counter SET n = n + 1;
         INSERT INTO safeground.record_version SELECT gen_random_uuid()::text, 'land', record_id,
            '[]', hlc, origin_device, origin_seq + 100000, who, state, state_reason,
            open_conflicts, '{\"not\": \"a land\"}', organisation,
            (SELECT n FROM safeground.push_counter), 0
         FROM safeground.record_version WHERE record_type = 'land' LIMIT 1;
         COMMIT;",
    );
    let said = sync(&sb, &two);
    assert!(
        said.contains("1 changes on the hub cannot be read and were left there"),
        "{said}"
    );
    let said = sync(&sb, &two);
    assert!(said.contains("received 0 new versions"), "{said}");
    // A second sync changes nothing on either side.
    sync(&sa, &one);
    let said = sync(&sa, &one);
    assert!(
        said.contains("received 0 new versions") && said.contains("sent 0 versions"),
        "{said}"
    );
}

#[test]
fn the_hub_layers_carry_geodesic_areas_that_postgis_agrees_with() {
    let Some(server) = server() else { return };
    let mut hub = TestHub::new(&server);
    hub.init();
    let one = hub.user("one", "NPA", "surveyor");
    let a = TestStore::new();
    assert_eq!(run(&["--db", &db(&a.path), "demo"]).0, 0);
    sync(&db(&a.path), &one);
    let mut c = client(&one);
    let row = c
        .query_one(
            "SELECT count(*), max(abs(area_m2 - ST_Area(geom::geography)) / area_m2),
                    (SELECT count(*) FROM safeground.activities),
                    (SELECT count(*) FROM safeground.hazard_reports),
                    (SELECT ST_SRID(geom) FROM safeground.hazard_reports LIMIT 1),
                    (SELECT GeometryType(geom) FROM safeground.lands WHERE geom IS NOT NULL LIMIT 1)
             FROM safeground.lands WHERE geom IS NOT NULL",
            &[],
        )
        .unwrap();
    let polygons: i64 = row.get(0);
    let worst: f64 = row.get(1);
    assert!(polygons >= 20, "{polygons}");
    assert!(worst < 0.001, "PostGIS disagrees by {worst}");
    assert_eq!(row.get::<_, i64>(2), 60);
    assert_eq!(row.get::<_, i64>(3), 20);
    assert_eq!(row.get::<_, i32>(4), 4326);
    assert_eq!(row.get::<_, String>(5), "MULTIPOLYGON");
    // What GIS sees: ogrinfo (GDAL, as QGIS uses it) lists the three layers with their counts.
    if std::process::Command::new("ogrinfo")
        .arg("--version")
        .output()
        .is_ok()
    {
        let parsed = url_parts(&one);
        let conn = format!(
            "PG:host={} port={} dbname={} user={} password={}",
            parsed.0, parsed.1, hub.name, parsed.2, parsed.3
        );
        for (layer, kind, n) in [
            ("safeground.lands", "Multi Polygon", 30),
            ("safeground.activities", "Multi Polygon", 60),
            ("safeground.hazard_reports", "Point", 20),
        ] {
            let out = std::process::Command::new("ogrinfo")
                .args(["-ro", "-so", &conn, layer])
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.contains(&format!("Geometry: {kind}")),
                "{layer}: {text}"
            );
            assert!(
                text.contains(&format!("Feature Count: {n}")),
                "{layer}: {text}"
            );
            assert!(text.contains("\"EPSG\",4326"), "{layer}: {text}");
        }
    }
}

/// (host, port, user, password) of a test URL.
fn url_parts(url: &str) -> (String, String, String, String) {
    let rest = url.strip_prefix("postgres://").unwrap();
    let (creds, host) = rest.split_once('@').unwrap();
    let (user, password) = creds.split_once(':').unwrap();
    let host = host.split('/').next().unwrap();
    let (h, p) = host.rsplit_once(':').unwrap();
    (
        h.to_owned(),
        p.to_owned(),
        user.to_owned(),
        password.to_owned(),
    )
}

#[test]
fn init_refuses_a_foreign_database_and_a_newer_hub_and_sync_says_why_it_cannot() {
    let Some(server) = server() else { return };
    let hub = TestHub::new(&server);
    hub.admin_sql(&hub.name, "CREATE TABLE payroll (id int)");
    let (code, _, err) = run(&["hub", "init", &hub.admin_url()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("not empty and is not a Safeground hub") && err.contains("payroll"),
        "{err}"
    );

    let mut hub = TestHub::new(&server);
    // Not a hub yet.
    let t = TestStore::new();
    let (code, _, err) = run(&["--db", &db(&t.path), "sync", "hub", &hub.admin_url()]);
    assert_eq!(code, 1);
    assert!(err.contains("hub init"), "{err}");
    hub.init();
    // Again: nothing to do.
    let (code, out, _) = run(&["hub", "init", &hub.admin_url()]);
    assert_eq!(code, 0);
    assert!(out.contains("already a Safeground hub"), "{out}");
    // The owner is no hub user.
    let (code, _, err) = run(&["--db", &db(&t.path), "sync", "hub", &hub.admin_url()]);
    assert_eq!(code, 1);
    assert!(err.contains("is not a user of this hub"), "{err}");
    // A wrong password: said, nothing written.
    let one = hub.user("one", "NPA", "surveyor");
    let wrong = one.replacen(":pw-", ":wrong-", 1);
    let (code, _, err) = run(&["--db", &db(&t.path), "sync", "hub", &wrong]);
    assert_eq!(code, 1);
    assert!(err.contains("refused the login"), "{err}");
    assert!(!err.contains("wrong-"), "the password is never said: {err}");
    // Nobody listening.
    let (code, _, err) = run(&[
        "--db",
        &db(&t.path),
        "sync",
        "hub",
        "postgres://one:x@127.0.0.1:1/nothing",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot reach the hub at 127.0.0.1:1"), "{err}");
    // A hub of a newer schema.
    hub.admin_sql(
        &hub.name,
        "UPDATE safeground.hub_meta SET value = '99' WHERE key = 'schema_version'",
    );
    let (code, _, err) = run(&["hub", "init", &hub.admin_url()]);
    assert_eq!(code, 1);
    assert!(err.contains("schema 99"), "{err}");
    let (code, _, err) = run(&["--db", &db(&t.path), "sync", "hub", &one]);
    assert_eq!(code, 1);
    assert!(err.contains("schema 99"), "{err}");
}

#[test]
fn a_store_of_another_programme_is_refused_and_tls_is_verified() {
    let Some(server) = server() else { return };
    let mut hub = TestHub::new(&server);
    hub.init();
    let one = hub.user("one", "NPA", "surveyor");
    let a = TestStore::new();
    assert_eq!(run(&["--db", &db(&a.path), "demo"]).0, 0);
    sync(&db(&a.path), &one);
    let other = TestStore::new();
    assert_eq!(run(&["--db", &db(&other.path), "demo"]).0, 0);
    let (code, _, err) = run(&["--db", &db(&other.path), "sync", "hub", &one]);
    assert_eq!(code, 1);
    assert!(err.contains("belongs to programme"), "{err}");

    // TLS, when the test server has a certificate authority of its own (scripts/pg_cluster.sh).
    if let Ok(ca) = std::env::var("SAFEGROUND_PG_CA") {
        let tls = format!("{one}?sslmode=require&sslrootcert={ca}");
        let mut c = HubTarget::parse(&tls, None).unwrap().connect().unwrap();
        let on: bool = c
            .query_one(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .unwrap()
            .get(0);
        assert!(on, "the connection is encrypted");
        sync(&db(&a.path), &tls);
        // Without the authority's certificate, the server is not trusted.
        let Err(e) = HubTarget::parse(&format!("{one}?sslmode=require"), None)
            .unwrap()
            .connect()
        else {
            panic!("a server whose certificate nobody vouches for was trusted");
        };
        let e = e.to_string();
        assert!(e.contains("cannot reach the hub"), "{e}");
    }
}

/// The app's *Sync with the office server*: a laptop that synced once types its password, syncs,
/// sees the other laptop's change and when the sync happened, also after a restart.
#[test]
fn the_app_syncs_with_the_office_server_and_shows_when_it_last_did() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use safeground::ui::{Person, Prefs, SafegroundApp};
    use std::time::{Duration, Instant};

    let Some(server) = server() else { return };
    let mut hub = TestHub::new(&server);
    hub.init();
    let one = hub.user("one", "NPA", "surveyor");
    let two = hub.user("two", "NPA", "surveyor");
    let a = TestStore::new();
    let b = TestStore::new();
    assert_eq!(run(&["--db", &db(&a.path), "demo"]).0, 0);
    sync(&db(&a.path), &one);
    sync(&db(&b.path), &two);
    let (code, _, err) = run(&[
        "--db",
        &db(&a.path),
        "edit",
        "HA-0003",
        "--set",
        "name=Renamed at the office",
    ]);
    assert_eq!(code, 0, "{err}");
    sync(&db(&a.path), &one);
    // The password the person types; the address the store remembers has none.
    let password = two
        .split_once(':')
        .unwrap()
        .1
        .split_once(':')
        .unwrap()
        .1
        .split_once('@')
        .unwrap()
        .0
        .to_owned();

    let prefs = || Prefs {
        person: Some(Person {
            name: "Amra Begić".into(),
            organisation: "NPA".into(),
            role: "surveyor".into(),
        }),
        language: Some(safeground::i18n::Lang::En),
        ..Prefs::default()
    };
    let open_app = || {
        let app = SafegroundApp::with_store(&egui::Context::default(), b.path.clone(), prefs());
        Harness::builder()
            .with_size([1400.0, 900.0])
            .build_ui_state(
                |ui, app: &mut SafegroundApp| {
                    app.drain_outcomes();
                    app.frame_ui(ui);
                },
                app,
            )
    };
    let step_until = |harness: &mut Harness<'_, SafegroundApp>,
                      what: &str,
                      done: &dyn Fn(&SafegroundApp) -> bool| {
        let start = Instant::now();
        while !done(harness.state()) {
            let s = harness.state();
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}: hub {:?}, busy {:?}, notifications {:?}",
                s.state.sync.as_ref().map(|o| o.hub.clone()),
                s.state.busy,
                s.state
                    .notifications
                    .iter()
                    .map(|n| n.text.clone())
                    .collect::<Vec<_>>()
            );
            harness.step();
            std::thread::sleep(Duration::from_millis(10));
        }
        harness.run_steps(2);
    };
    let mut harness = open_app();
    step_until(&mut harness, "the records", &|app| {
        app.state.records.lands.len() == 30
    });
    harness.get_by_label("Reconciliation").click();
    step_until(&mut harness, "the sync state", &|app| {
        app.state.sync.is_some()
    });
    harness.get_by_label_contains("Last sync");
    let field = harness.get_by_role_and_label(egui::accesskit::Role::PasswordInput, "Password");
    field.click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(egui::accesskit::Role::PasswordInput, "Password")
        .type_text(&password);
    harness.run_steps(2);
    harness.get_by_label("Sync with the office server").click();
    step_until(&mut harness, "the sync", &|app| {
        app.state
            .records
            .lands
            .iter()
            .any(|l| l.summary.name == "Renamed at the office")
            && app
                .state
                .sync
                .as_ref()
                .and_then(|s| s.hub.as_ref())
                .is_some_and(|h| h.last_summary.contains("received 1 new version"))
    });
    // Said twice: in the notification and in the window.
    assert_eq!(
        harness
            .query_all_by_label_contains("received 1 new version")
            .count(),
        2
    );
    drop(harness);
    // After a restart the window still says when the last sync happened and what it did.
    let mut harness = open_app();
    step_until(&mut harness, "the records", &|app| {
        app.state.records.lands.len() == 30
    });
    harness.get_by_label("Reconciliation").click();
    step_until(&mut harness, "the sync state", &|app| {
        app.state.sync.is_some()
    });
    harness.get_by_label_contains("received 1 new version");
    let today = time::OffsetDateTime::now_utc().date().to_string();
    harness.get_by_label_contains(&format!("Last sync {today}"));
}
