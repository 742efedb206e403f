//! Sync (issue 15), the proofs: any order of the same bundles gives identical stores; a version
//! whose base has not arrived is parked, then applied; five laptops and an office over randomised
//! days of work, with lost and repeated bundles, converge with no version lost.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use safeground::domain::{ActivityDraft, Actor, LandStatus};
use safeground::io::output::Replace;
use safeground::storage::{BundleScope, Store};

use super::util::{db, run, square_land};

/// A small deterministic random generator (xorshift64*), so a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap()
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Open conflicts as every store must list them: (code, field, winner).
type Listed = Vec<(String, String, String)>;

/// One store of the programme: its file and the person working on it.
struct Laptop {
    path: PathBuf,
    name: String,
}

impl Laptop {
    fn store(&self) -> Store {
        Store::open(&self.path).unwrap()
    }

    fn actor(&self) -> Actor {
        Actor::new(&self.name, &self.name)
    }

    fn device(&self) -> safeground::domain::DeviceId {
        self.store().sync_identity(&self.name).unwrap().device
    }

    /// Writes a bundle for `to` into `dir`.
    fn bundle_for(&self, to: &Self, dir: &Path, n: &mut usize) -> PathBuf {
        *n += 1;
        let out = dir.join(format!("{n:04}-{}-to-{}.sgbundle", self.name, to.name));
        self.store()
            .sync_export(
                &out,
                BundleScope::For(to.device()),
                &self.name,
                Replace::Never,
            )
            .unwrap();
        out
    }

    fn import(&self, bundle: &Path) -> safeground::storage::BundleImport {
        self.store()
            .sync_import(bundle, false, &self.name)
            .unwrap_or_else(|e| panic!("{} importing {}: {e}", self.name, bundle.display()))
    }

    /// The full GeoJSON export, as bytes.
    fn export(&self, dir: &Path) -> Vec<u8> {
        let out = dir.join(format!("{}-export.geojson", self.name));
        std::fs::remove_file(&out).ok();
        let (code, _, err) = run(&[
            "--db",
            &db(&self.path),
            "export",
            "--format",
            "geojson",
            "-o",
            &db(&out),
        ]);
        assert_eq!(code, 0, "{err}");
        std::fs::read(out).unwrap()
    }

    /// The open conflicts as every store must list them: code, field, winner.
    fn conflicts(&self) -> Listed {
        self.store()
            .sync_conflicts()
            .unwrap()
            .into_iter()
            .map(|c| {
                let winner = c
                    .conflict
                    .winner()
                    .map(|w| w.value.to_string())
                    .unwrap_or_default();
                (c.code, c.conflict.field, winner)
            })
            .collect()
    }

    /// Every version id held.
    fn versions(&self) -> BTreeSet<String> {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        let mut stmt = conn
            .prepare("SELECT version_id FROM record_version")
            .unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }
}

/// An office store with the demo programme and `n` laptops joined from its full bundle.
fn programme(dir: &Path, n: usize) -> (Laptop, Vec<Laptop>) {
    let office = Laptop {
        path: dir.join("office.sqlite"),
        name: "office".to_owned(),
    };
    assert_eq!(run(&["--db", &db(&office.path), "demo"]).0, 0);
    let all = dir.join("all.sgbundle");
    office
        .store()
        .sync_export(&all, BundleScope::All, "office", Replace::Never)
        .unwrap();
    let laptops: Vec<Laptop> = (1..=n)
        .map(|i| {
            let l = Laptop {
                path: dir.join(format!("team{i}.sqlite")),
                name: format!("team{i}"),
            };
            let report = Store::open(&l.path)
                .unwrap()
                .sync_import(&all, false, &l.name)
                .unwrap();
            assert!(report.joined);
            l
        })
        .collect();
    (office, laptops)
}

/// One random piece of work on a laptop: edit a field, record a small clearance, add a land, or
/// void an activity. Work the rules refuse (a closed land, nothing left to clear) is skipped.
fn work(l: &Laptop, rng: &mut Rng, day: u32) {
    let mut store = l.store();
    let actor = l.actor();
    let lands = store.land_summaries().unwrap();
    // Half the work is on a few busy lands, so laptops change the same fields apart.
    let pool = if rng.chance(50) { 6 } else { lands.len() };
    let pick = &lands[rng.below(pool)];
    match rng.below(10) {
        0..=4 => {
            let mut land = store.land(pick.id).unwrap();
            let value = format!("{} day {day} #{}", l.name, rng.below(1000));
            match rng.below(4) {
                0 => land.name = value,
                1 => land.team = value,
                2 => land.project = value,
                _ => land.notes = value,
            }
            store.update_land(land, &actor).unwrap();
        }
        5..=7 => {
            let open = matches!(pick.status, LandStatus::Open | LandStatus::WorkedOn);
            if !open || pick.ledger.remaining().m2() < 300.0 {
                return;
            }
            let draft = ActivityDraft {
                kind: "clearance".into(),
                start_date: format!("2026-11-{:02}", day + 1),
                end_date: format!("2026-11-{:02}", day + 1),
                cleared_m2: "100".into(),
                ..ActivityDraft::default()
            };
            let activity = draft.validate(pick.id).unwrap();
            store.add_activity(activity, &actor).ok();
        }
        8 => {
            let lon = 18.0 + f64::from(u32::try_from(rng.below(1000)).unwrap()) / 2000.0;
            let land = square_land(&format!("{} new day {day}", l.name), lon, 44.7);
            store.create_land(land, &actor).unwrap();
        }
        _ => {
            let activities = store.activities(Some(pick.id)).unwrap();
            if let Some(a) = activities.last() {
                store.void_activity(&a.code, "entered twice", &actor).ok();
            }
        }
    }
}

#[test]
fn five_laptops_and_an_office_over_randomised_days_converge_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (office, laptops) = programme(dir.path(), 5);
    let mut rng = Rng(0x5AFE_6120_17D5_0001);
    let mut n = 0;
    let mut lost: Vec<(usize, PathBuf)> = Vec::new();
    for day in 0..6 {
        for l in &laptops {
            for _ in 0..=rng.below(3) {
                work(l, &mut rng, day);
            }
        }
        work(&office, &mut rng, day);
        // Bundles to the office: some lost (delivered days later, or never), some twice.
        for (i, l) in laptops.iter().enumerate() {
            let b = l.bundle_for(&office, dir.path(), &mut n);
            if rng.chance(20) {
                lost.push((i, b));
                continue;
            }
            office.import(&b);
            if rng.chance(20) {
                assert_eq!(
                    office.import(&b).versions_new,
                    0,
                    "a repeated bundle is a no-op"
                );
            }
        }
        for (i, l) in laptops.iter().enumerate() {
            let b = office.bundle_for(l, dir.path(), &mut n);
            if rng.chance(20) {
                lost.push((usize::MAX - i, b));
                continue;
            }
            l.import(&b);
        }
        // A lost bundle turns up late.
        if !lost.is_empty() && rng.chance(50) {
            let (who, b) = lost.remove(rng.below(lost.len()));
            if who < laptops.len() {
                office.import(&b);
            } else {
                laptops[usize::MAX - who].import(&b);
            }
        }
    }
    // The network settles: two full rounds with nothing lost.
    for _ in 0..2 {
        for l in &laptops {
            let b = l.bundle_for(&office, dir.path(), &mut n);
            office.import(&b);
        }
        for l in &laptops {
            let b = office.bundle_for(l, dir.path(), &mut n);
            l.import(&b);
        }
    }
    let reference = office.export(dir.path());
    let versions = office.versions();
    let conflicts = office.conflicts();
    assert!(
        versions.len() > 170,
        "work was done: {} versions",
        versions.len()
    );
    for l in &laptops {
        assert!(
            l.export(dir.path()) == reference,
            "{} differs from the office",
            l.name
        );
        assert_eq!(l.versions(), versions, "{} holds other versions", l.name);
        assert_eq!(l.conflicts(), conflicts, "{} lists other conflicts", l.name);
    }
    let parked: i64 = rusqlite::Connection::open(&office.path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM record_version WHERE parked = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(parked, 0);
    assert_bodies_held(&office.path);
    for l in &laptops {
        assert_bodies_held(&l.path);
    }
    eprintln!(
        "simulation: {} versions, {} open conflicts, {} bundles written, {} never delivered",
        versions.len(),
        conflicts.len(),
        n,
        lost.len()
    );
}

#[test]
fn any_order_of_the_same_bundles_gives_identical_stores_and_a_missing_base_is_parked() {
    let dir = tempfile::tempdir().unwrap();
    let (office, laptops) = programme(dir.path(), 3);
    let mut rng = Rng(0x0DDB_A11E_5EED_0002);
    let mut n = 0;
    // Each laptop works and writes a bundle for the office; the first laptop then works more and
    // writes a second bundle after the office acknowledged the first (so the second alone lacks
    // its bases).
    for day in 0..3 {
        for l in &laptops {
            work(l, &mut rng, day);
            work(l, &mut rng, day);
        }
    }
    let first = &laptops[0];
    let land = first.store().land_summaries().unwrap()[2].id;
    let mut edited = first.store().land(land).unwrap();
    edited.notes = "first round".to_owned();
    first.store().update_land(edited, &first.actor()).unwrap();
    let mut bundles: Vec<PathBuf> = laptops
        .iter()
        .map(|l| l.bundle_for(&office, dir.path(), &mut n))
        .collect();
    let probe = Laptop {
        path: dir.path().join("probe.sqlite"),
        name: "probe".to_owned(),
    };
    // The office takes team1's bundle and acknowledges it to team1.
    std::fs::copy(&office.path, &probe.path).unwrap();
    let ack_from = Laptop {
        path: probe.path.clone(),
        name: "office".to_owned(),
    };
    ack_from.import(&bundles[0]);
    let ack = ack_from.bundle_for(first, dir.path(), &mut n);
    first.import(&ack);
    let mut edited = first.store().land(land).unwrap();
    edited.notes = "second round".to_owned();
    first.store().update_land(edited, &first.actor()).unwrap();
    let later = first.bundle_for(&office, dir.path(), &mut n);
    bundles.push(later.clone());

    // The later bundle alone: its version waits for its base.
    let alone = Laptop {
        path: dir.path().join("alone.sqlite"),
        name: "office".to_owned(),
    };
    std::fs::copy(&office.path, &alone.path).unwrap();
    let report = alone.import(&later);
    assert!(report.parked > 0, "{report:?}");
    let report = alone.import(&bundles[0]);
    assert_eq!(
        report.parked, 0,
        "applied once its base arrived: {report:?}"
    );

    let mut results: Vec<(Vec<u8>, Listed)> = Vec::new();
    for round in 0..6 {
        let copy = Laptop {
            path: dir.path().join(format!("order{round}.sqlite")),
            name: "office".to_owned(),
        };
        std::fs::copy(&office.path, &copy.path).unwrap();
        let mut order: Vec<usize> = (0..bundles.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for i in order {
            copy.import(&bundles[i]);
        }
        // Re-importing everything changes nothing.
        for b in &bundles {
            assert_eq!(copy.import(b).versions_new, 0);
        }
        results.push((copy.export(dir.path()), copy.conflicts()));
    }
    for r in &results[1..] {
        assert!(r.0 == results[0].0, "an order of import gave another store");
        assert_eq!(r.1, results[0].1);
    }
}

/// The change log's invariant: a version's body is left out only while its record's row holds
/// it (the row names that version).
fn assert_bodies_held(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM record_version v WHERE v.body_json IS NULL AND NOT EXISTS (
                SELECT 1 FROM land WHERE version_id = v.version_id UNION ALL
                SELECT 1 FROM activity WHERE version_id = v.version_id UNION ALL
                SELECT 1 FROM hazard_report WHERE version_id = v.version_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "versions without a body in {}", path.display());
}

#[test]
fn approvals_travel_back_and_a_field_edit_to_an_approved_land_comes_back_as_submitted() {
    use safeground::domain::{Role, ValidationState, WorkflowAction};
    let dir = tempfile::tempdir().unwrap();
    let (office, laptops) = programme(dir.path(), 1);
    let team = &laptops[0];
    let mut n = 0;
    let summaries = team.store().land_summaries().unwrap();
    let draft = summaries
        .iter()
        .find(|l| {
            matches!(
                l.validation,
                ValidationState::Draft | ValidationState::Returned
            )
        })
        .expect("the demo has a draft land");
    let land = draft.id;
    // The team submits the land; the office approves it (four eyes, an IM officer).
    team.store()
        .land_workflow(land, &WorkflowAction::Submit, &team.actor())
        .unwrap();
    office.import(&team.bundle_for(&office, dir.path(), &mut n));
    let mut officer = office.actor();
    officer.role = Some(Role::ImOfficer);
    office
        .store()
        .land_workflow(land, &WorkflowAction::Approve("checked".into()), &officer)
        .unwrap();
    team.import(&office.bundle_for(team, dir.path(), &mut n));
    assert_eq!(
        team.store().land(land).unwrap().validation,
        ValidationState::Approved,
        "the approval reached the laptop"
    );
    // The team corrects the approved land: it goes back to the office as Submitted.
    let mut edited = team.store().land(land).unwrap();
    edited.notes = "second visit: fence moved".into();
    team.store().update_land(edited, &team.actor()).unwrap();
    assert_eq!(
        team.store().land(land).unwrap().validation,
        ValidationState::Submitted
    );
    office.import(&team.bundle_for(&office, dir.path(), &mut n));
    let at_office = office.store().land(land).unwrap();
    assert_eq!(at_office.validation, ValidationState::Submitted);
    assert_eq!(at_office.notes, "second visit: fence moved");
    for l in [&office, team] {
        assert_bodies_held(&l.path);
    }
}

#[test]
fn a_new_hazard_report_travels_with_its_photo() {
    use safeground::domain::HazardReportDraft;
    let dir = tempfile::tempdir().unwrap();
    let (office, laptops) = programme(dir.path(), 1);
    let team = &laptops[0];
    let mut n = 0;
    let report = HazardReportDraft {
        location: "44.7, 18.0".into(),
        eo_category: "uxo".into(),
        reported_on: "2026-11-20".into(),
        ..HazardReportDraft::default()
    }
    .validate(&|x: &str| safeground::geometry::coords::parse_coord(x).map_err(|e| e.to_string()))
    .unwrap();
    let report = team
        .store()
        .add_hazard_report(report, &team.actor())
        .unwrap();
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];
    team.store()
        .add_photo(report.id, "mortar.jpg", jpeg.clone(), &team.actor())
        .unwrap();
    let applied = office.import(&team.bundle_for(&office, dir.path(), &mut n));
    assert_eq!(applied.photos_new, 1, "{applied:?}");
    let at_office = office.store().hazard_report_by_code(&report.code).unwrap();
    let photos = office.store().photos(at_office.id).unwrap();
    assert_eq!(photos.len(), 1);
    assert_eq!(photos[0].bytes, jpeg);
    assert_eq!(photos[0].file_name, "mortar.jpg");
}
