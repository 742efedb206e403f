//! Inputs that once crashed a fuzz target (`fuzz/fuzz_targets/`), replayed through the same
//! functions the target calls, with the target's own checks: every file in
//! `tests/fuzz_regressions/<target>/` must now run without a panic. A new crash found by
//! `scripts/fuzz.sh` is fixed, then its input is saved there under a short descriptive name.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use safeground::domain::{
    Activity, Actor, BearingUnit, CoordFormat, HazardReport, ImportBatch, ImportRecord,
    ImportReporter, Instrument, Land, LonLat, NorthReference, TraverseLeg,
};
use safeground::geometry::coords::{checked_lon_lat, format_coord, parse_coord};
use safeground::geometry::{geodesic_distance_m, walk_traverse};
use safeground::io::csv::{read_activities_csv, write_activities_csv};
use safeground::io::geojson::{read_geojson, write_geojson};
use safeground::storage::Store;

/// The saved inputs of one target (the directory must exist, even when empty).
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    assert!(dir.is_dir(), "{} is missing", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// The batch's lands, activities and hazard reports.
fn records(batch: &ImportBatch) -> (Vec<Land>, Vec<Activity>, Vec<HazardReport>) {
    let (mut lands, mut activities, mut reports) = (Vec::new(), Vec::new(), Vec::new());
    for item in &batch.items {
        match &item.record {
            ImportRecord::Land { land, .. } => lands.push((**land).clone()),
            ImportRecord::Activity { activity, .. } => activities.push((**activity).clone()),
            ImportRecord::HazardReport { report, .. } => reports.push((**report).clone()),
        }
    }
    (lands, activities, reports)
}

#[test]
fn geojson_import() {
    let today = time::macros::date!(2025 - 06 - 01);
    for (path, bytes) in inputs("geojson_import") {
        let mut reporter = ImportReporter::new("fuzz");
        let Ok(batch) = read_geojson(&bytes, &mut reporter, today) else {
            continue;
        };
        // What was read can be written again.
        let (lands, activities, reports) = records(&batch);
        write_geojson(&mut std::io::sink(), &lands, &activities, &reports).unwrap();
        // The target writes one accepted batch in 64 to a store; here every one is written.
        if !batch.items.is_empty() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(&dir.path().join("fuzz.sqlite")).unwrap();
            let actor = Actor::new("fuzz", "fuzz");
            if let Err(e) = store.import(batch, &mut reporter, false, &actor) {
                eprintln!("{}: import refused: {e}", path.display());
            }
        }
    }
}

#[test]
fn csv_import() {
    for (path, bytes) in inputs("csv_import") {
        let mut reporter = ImportReporter::new("fuzz");
        // Ok or Err are both fine; only a panic fails. What was read can be written again.
        match read_activities_csv(&bytes, &mut reporter) {
            Ok(batch) => {
                let (_, activities, _) = records(&batch);
                write_activities_csv(&mut std::io::sink(), &activities, &BTreeMap::new()).unwrap();
            }
            Err(e) => eprintln!("{}: {e}", path.display()),
        }
    }
}

#[test]
fn coord_parse() {
    for (path, bytes) in inputs("coord_parse") {
        let text = String::from_utf8_lossy(&bytes);
        let Ok((p, _)) = parse_coord(&text) else {
            continue;
        };
        let name = path.display();
        assert!(checked_lon_lat(p.lon_deg, p.lat_deg).is_ok(), "{name}");
        for &format in CoordFormat::ALL {
            let written = format_coord(p, format);
            let (q, read_as) = parse_coord(&written)
                .unwrap_or_else(|e| panic!("{name}: {format:?} {written:?}: {e}"));
            assert_eq!(read_as, format, "{name}: {written:?}");
            let d = geodesic_distance_m(p, q);
            assert!(d <= 1.0, "{name}: {p:?} -> {written:?} -> {q:?}: {d} m");
        }
    }
}

/// Reads a fuzz input the way the `traverse_input` target's `arbitrary` derive does (see the
/// layout in `fuzz/fuzz_targets/traverse_input.rs`): numbers little-endian, zero-padded when the
/// input runs out; a choice among `n` is `u32 × n >> 32`.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut buf = [0; N];
        let n = N.min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        buf
    }

    fn choice(&mut self, n: u64) -> u64 {
        (u64::from(u32::from_le_bytes(self.take())) * n) >> 32
    }

    fn f64(&mut self) -> f64 {
        f64::from_bits(u64::from_le_bytes(self.take()))
    }

    fn flag(&mut self) -> bool {
        self.take::<1>()[0] & 1 == 1
    }
}

const REFERENCES: [(NorthReference, &str); 3] = [
    (NorthReference::Magnetic, "magnetic"),
    (NorthReference::True, "true"),
    (NorthReference::Grid, "grid"),
];
const UNITS: [(BearingUnit, &str); 2] = [(BearingUnit::Degrees, "deg"), (BearingUnit::Mils, "mil")];

fn index(choice: u64) -> usize {
    usize::try_from(choice).unwrap()
}

fn replay_traverse(bytes: &[u8]) {
    // The derive's size hint: shorter inputs are skipped by the target.
    if bytes.len() < 12 {
        return;
    }
    let mut b = Bytes(bytes);
    if b.choice(2) == 0 {
        let reference = REFERENCES[index(b.choice(3))].1;
        let unit = UNITS[index(b.choice(2))].1;
        let valid = match std::str::from_utf8(b.0) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&b.0[..e.valid_up_to()]).unwrap(),
        };
        let mut lines = valid.split('\n');
        let start = lines.next().unwrap_or_default();
        let declination = lines.next().unwrap_or_default();
        let mut args: Vec<OsString> = vec![
            "safeground".into(),
            "traverse".into(),
            format!("--start={start}").into(),
            format!("--declination={declination}").into(),
            format!("--reference={reference}").into(),
            format!("--bearing-unit={unit}").into(),
        ];
        args.extend(lines.take(40).map(|leg| format!("--leg={leg}").into()));
        // Exit 0 or 1 are both fine; only a panic fails.
        let mut err = Vec::new();
        if safeground::cli::run_with(args, &mut Vec::new(), &mut err) != ExitCode::SUCCESS {
            eprintln!("{}", String::from_utf8_lossy(&err).trim_end());
        }
    } else {
        let (lon, lat) = (b.f64(), b.f64());
        let mut legs = Vec::new();
        while b.flag() && legs.len() < 40 {
            let bearing = b.f64();
            let bearing_unit = UNITS[index(b.choice(2))].0;
            let reference = REFERENCES[index(b.choice(3))].0;
            let declination_deg = b.f64();
            let distance_m = b.f64();
            let slope_deg = b.flag().then(|| b.f64());
            legs.push(TraverseLeg {
                from_label: String::new(),
                bearing,
                bearing_unit,
                reference,
                declination_deg,
                declination_date: None,
                distance_m,
                slope_deg,
                instrument: Instrument::Other,
            });
        }
        if let Ok(start) = LonLat::lon_lat(lon, lat)
            && let Err(e) = walk_traverse(start, &legs)
        {
            // Ok or Err are both fine; only a panic fails.
            eprintln!("{e}");
        }
    }
}

#[test]
fn traverse_input() {
    for (_path, bytes) in inputs("traverse_input") {
        replay_traverse(&bytes);
    }
}

/// The replay above reads the committed seeds as the target does (a check of the mirror).
#[test]
fn traverse_seeds_replay() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/traverse_input");
    for entry in std::fs::read_dir(seeds).unwrap() {
        replay_traverse(&std::fs::read(entry.unwrap().path()).unwrap());
    }
}
