//! Fixtures: a temporary store file and a CLI runner.

use std::path::{Path, PathBuf};

use safeground::domain::{Actor, Land, LandDraft, LonLat, PointKind, PointSource, SurveyPoint};
use safeground::storage::Store;

/// A temporary directory with a store file in it.
pub struct TestStore {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TestStore {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite");
        Self { dir, path }
    }

    pub fn open(&self) -> Store {
        Store::open(&self.path).unwrap()
    }

    pub fn file(&self, name: &str, contents: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, contents).unwrap();
        p
    }
}

pub fn actor() -> Actor {
    Actor::new("tester", "test-device")
}

/// Runs the CLI in-process; returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let cli_args = std::iter::once("safeground")
        .chain(args.iter().copied())
        .map(std::ffi::OsString::from);
    let code = safeground::cli::run_with(cli_args, &mut out, &mut err);
    let code = u8::from(code != std::process::ExitCode::SUCCESS);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

pub fn db(path: &Path) -> String {
    path.display().to_string()
}

fn point(kind: PointKind, label: &str, lon: f64, lat: f64) -> SurveyPoint {
    SurveyPoint {
        kind,
        label: label.into(),
        lon_lat: LonLat::lon_lat(lon, lat).unwrap(),
        entered: None,
        source: PointSource::Gps {
            accuracy_m: Some(4.0),
            averaged_fixes: Some(10),
        },
        note: String::new(),
    }
}

/// A valid ~100 m × 100 m SHA near Doboj (about 10 000 m²).
pub fn square_land(name: &str, lon: f64, lat: f64) -> Land {
    let d_lat = 100.0 / 111_132.0;
    let d_lon = 100.0 / (111_320.0 * lat.to_radians().cos());
    LandDraft {
        name: name.into(),
        classification: "sha".into(),
        date_of_information: "2025-03-01".into(),
        points: vec![
            point(PointKind::Benchmark, "BM1", lon - d_lon, lat - d_lat),
            point(PointKind::Start, "SP", lon, lat),
            point(PointKind::Turning, "TP1", lon + d_lon, lat),
            point(PointKind::Turning, "TP2", lon + d_lon, lat + d_lat),
            point(PointKind::End, "EP", lon, lat + d_lat),
        ],
        ..LandDraft::default()
    }
    .validate()
    .unwrap()
}

/// Bytes of every table that matters, to prove a failed operation changed nothing.
pub fn fingerprint(path: &Path) -> String {
    let (code, out, err) = run(&["--db", &db(path), "list", "lands", "--json"]);
    assert_eq!(code, 0, "{err}");
    let (_, acts, _) = run(&["--db", &db(path), "list", "activities", "--json"]);
    let (_, reps, _) = run(&["--db", &db(path), "list", "reports", "--json"]);
    format!("{out}{acts}{reps}")
}
