//! National-scale benchmarks (issue 6, SPEC §4): `cargo bench --bench national`.
//!
//! Prepares (once, cached under `target/bench/`) a synthetic national store of 100 000 lands with
//! about 300 000 activities and 50 000 hazard reports (`safeground demo --synthetic 100000`) and a
//! foreign GeoJSON file of 100 000 polygons, then measures, in this process and on the release
//! build:
//! - opening the store and building the first frame's data (what the app's worker loads and the
//!   map and list prepare) — target < 1 s;
//! - `list lands --json` — target < 1 s;
//! - the map's per-frame CPU work (select visible lands, level of detail, draw, tessellate) at
//!   country, province, district and site zoom — target < 8 ms;
//! - importing the 100 000-polygon GeoJSON, side by side with GDAL `ogr2ogr -f GPKG` on the same
//!   file — target: at least as fast;
//! - the donor report over the whole store — target < 2 s;
//! - peak memory (`VmHWM`) of this process after loading what the app loads — target < 1 GiB.
//!
//! Prints one table (Markdown) to stdout. `SAFEGROUND_BENCH_LANDS` changes the size.

#![expect(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::let_underscore_must_use,
    reason = "a benchmark binary: prints its table, and a failed setup is a failed run"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use safeground::app::Records;
use safeground::domain::{Actor, ExportProfile, ImportReporter};
use safeground::exports::{ExportFormat, ExportRequest};
use safeground::reports::ReportFilter;
use safeground::storage::Store;
use safeground::ui::MapView;

struct Row {
    what: String,
    figure: String,
    target: &'static str,
    met: Option<bool>,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn bench_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn actor() -> Actor {
    Actor::new("bench", "bench")
}

/// The national store, generated once per size.
fn national_store(lands: usize) -> PathBuf {
    let path = bench_dir().join(format!("national-{lands}.sqlite"));
    let done = path.with_extension("ready");
    if done.exists() && path.exists() {
        return path;
    }
    for f in [
        path.clone(),
        path.with_extension("sqlite-wal"),
        path.with_extension("sqlite-shm"),
    ] {
        if f.exists() {
            std::fs::remove_file(&f).unwrap();
        }
    }
    eprintln!(
        "generating the national store ({lands} lands) in {} …",
        path.display()
    );
    let start = Instant::now();
    let mut store = Store::open(&path).unwrap();
    let batch = safeground::synthetic::generate(safeground::synthetic::Size { lands, seed: 1 });
    let mut reporter = ImportReporter::new("synthetic");
    let (summary, _) = store
        .replace_all_with(
            batch,
            &mut reporter,
            &actor(),
            safeground::storage::ReplaceRecords::OnlyIfEmpty,
        )
        .unwrap();
    eprintln!(
        "  {} lands, {} activities, {} hazard reports in {:.1} s",
        summary.lands,
        summary.activities,
        summary.hazard_reports,
        start.elapsed().as_secs_f64()
    );
    std::fs::write(&done, b"ok").unwrap();
    path
}

/// A foreign GeoJSON file of `lands` polygons (as another tool would write them: a few
/// properties, 20-vertex rings), for the import comparison.
fn foreign_geojson(lands: usize) -> PathBuf {
    let path = bench_dir().join(format!("polygons-{lands}.geojson"));
    if path.exists() {
        return path;
    }
    let batch = safeground::synthetic::generate(safeground::synthetic::Size { lands, seed: 2 });
    let mut out = String::with_capacity(lands * 1200);
    out.push_str("{\"type\":\"FeatureCollection\",\"features\":[\n");
    let mut first = true;
    for item in batch.items {
        let safeground::domain::ImportRecord::Land { land, .. } = item.record else {
            continue;
        };
        if !first {
            out.push_str(",\n");
        }
        first = false;
        let ring: Vec<String> = land
            .points
            .iter()
            .chain(land.points.first())
            .map(|p| format!("[{:.7},{:.7}]", p.lon_lat.lon_deg, p.lon_lat.lat_deg))
            .collect();
        let _ = write!(
            out,
            "{{\"type\":\"Feature\",\"properties\":{{\"Name\":\"{}\",\"HA_Code\":\"{}\",\"Type\":\"{}\",\"Status\":\"open\",\"SurveyDate\":\"{}\",\"Municipality\":\"{}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{}]]}}}}",
            land.name,
            land.code,
            land.classification.code(),
            land.date_of_information,
            land.admin.admin2,
            ring.join(",")
        );
    }
    out.push_str("\n]}\n");
    std::fs::write(&path, out).unwrap();
    path
}

/// What the app does before its first frame: open, load the records, prepare map and list.
fn open_and_first_frame(path: &Path) -> (Duration, Records, MapView) {
    let start = Instant::now();
    let store = Store::open(path).unwrap();
    let opened = start.elapsed();
    // What the app's worker sends first (lands and hazard reports, read at once).
    let (lands, reports) = store.map_records().unwrap();
    let read = start.elapsed();
    let records = Records {
        lands,
        reports,
        open_conflicts: 0,
        parked: 0,
        last_bundle_refused: false,
    };
    let mut map = MapView::new();
    map.set_records(&records);
    eprintln!(
        "  open {:.0} ms, lands and hazard reports {:.0} ms, map index {:.0} ms",
        ms(opened),
        ms(read.saturating_sub(opened)),
        ms(start.elapsed().saturating_sub(read))
    );
    (start.elapsed(), records, map)
}

/// CPU time of one map frame at a view: egui pass with the map (basemap, lands, reports,
/// overlays) plus tessellation of everything it painted.
fn map_frame_ms(
    map: &mut MapView,
    bbox: [f64; 4],
    frames: usize,
    show_reports: bool,
) -> (f64, f64) {
    let ctx = egui::Context::default();
    let size = egui::vec2(1400.0, 900.0);
    let input = |t: f64| egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        time: Some(t),
        ..Default::default()
    };
    map.fit(bbox);
    let options = safeground::ui::MapOptions {
        format: safeground::domain::CoordFormat::Dd,
        show_labels: true,
        show_reports,
        preview: &[],
        traverse: &[],
        scope: None,
        typed_points: &[],
        conflict: None,
    };
    let mut times = Vec::with_capacity(frames);
    for i in 0..frames + 3 {
        let start = Instant::now();
        let output = ctx.run_ui(input(i as f64 * 0.016), |ui| {
            egui::CentralPanel::no_frame().show(ui, |ui| {
                map.ui(ui, None, &options);
            });
        });
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
        if i >= 3 {
            times.push(ms(start.elapsed()));
        }
    }
    let max = times.iter().copied().fold(0.0, f64::max);
    (median(times), max)
}

fn main() {
    let lands: usize = std::env::var("SAFEGROUND_BENCH_LANDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let store_path = national_store(lands);
    let mut rows = Vec::new();

    // Open + first frame's data (cold: first run; then warm runs).
    let mut opens = Vec::new();
    let mut kept = None;
    for _ in 0..3 {
        let (d, records, map) = open_and_first_frame(&store_path);
        opens.push(ms(d));
        kept = Some((records, map));
    }
    let (records, mut map) = kept.unwrap();
    let open_ms = median(opens);
    rows.push(Row {
        what: format!(
            "open the store + first frame's data ({} lands, {} hazard reports)",
            records.lands.len(),
            records.reports.len()
        ),
        figure: format!("{open_ms:.0} ms"),
        target: "< 1 s",
        met: Some(open_ms < 1000.0),
    });

    // list lands --json, in process (the CLI's own code path), output discarded.
    let mut lists = Vec::new();
    for _ in 0..3 {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let start = Instant::now();
        let args = [
            "safeground",
            "--db",
            store_path.to_str().unwrap(),
            "list",
            "lands",
            "--json",
        ]
        .map(std::ffi::OsString::from);
        let code = safeground::cli::run_with(args, &mut out, &mut err);
        lists.push(ms(start.elapsed()));
        assert_eq!(
            code,
            std::process::ExitCode::SUCCESS,
            "{}",
            String::from_utf8_lossy(&err)
        );
        std::hint::black_box(out);
    }
    let list_ms = median(lists);
    rows.push(Row {
        what: "`list lands --json`".to_owned(),
        figure: format!("{list_ms:.0} ms"),
        target: "< 1 s",
        met: Some(list_ms < 1000.0),
    });

    // Map frames at four zooms around a busy spot.
    let centre = records
        .lands
        .get(records.lands.len() / 2)
        .and_then(|l| l.summary.centroid)
        .unwrap_or([17.7, 44.0]);
    let region = safeground::synthetic::REGION_LON_LAT;
    for (name, half_deg) in [
        ("country", None),
        ("province", Some(0.5)),
        ("district", Some(0.08)),
        ("site", Some(0.006)),
    ] {
        let bbox = match half_deg {
            None => region,
            Some(h) => [
                centre[0] - h,
                centre[1] - h * 0.7,
                centre[0] + h,
                centre[1] + h * 0.7,
            ],
        };
        if std::env::var_os("SAFEGROUND_BENCH_MAP_ONLY").is_some() {
            let mut empty_map = MapView::new();
            let (base, _) = map_frame_ms(&mut empty_map, bbox, 20, false);
            let (no_reports, _) = map_frame_ms(&mut map, bbox, 20, false);
            eprintln!("{name}: basemap only {base:.2} ms, + lands {no_reports:.2} ms");
        }
        let (median_ms, max_ms) = map_frame_ms(&mut map, bbox, 30, true);
        rows.push(Row {
            what: format!("map frame CPU at {name} zoom (select, LOD, draw, tessellate), 1400×900"),
            figure: format!("median {median_ms:.2} ms, max {max_ms:.2} ms"),
            target: "< 8 ms",
            met: Some(max_ms < 8.0),
        });
    }
    // The same views with the sample reference layers on (admin boundaries of 60 municipalities
    // with 480 vertices each and 2 entities, 1 500 labelled settlements, 300 roads).
    map.set_reference_layers(&sample_layers(), &egui::Context::default());
    for (name, half_deg) in [
        ("country", None),
        ("province", Some(0.5)),
        ("district", Some(0.08)),
        ("site", Some(0.006)),
    ] {
        let bbox = match half_deg {
            None => region,
            Some(h) => [
                centre[0] - h,
                centre[1] - h * 0.7,
                centre[0] + h,
                centre[1] + h * 0.7,
            ],
        };
        let (median_ms, max_ms) = map_frame_ms(&mut map, bbox, 30, true);
        rows.push(Row {
            what: format!(
                "map frame CPU at {name} zoom with reference layers (admin, settlements, roads), 1400×900"
            ),
            figure: format!("median {median_ms:.2} ms, max {max_ms:.2} ms"),
            target: "< 8 ms",
            met: Some(max_ms < 8.0),
        });
    }
    let rss = peak_rss_mib();
    if std::env::var_os("SAFEGROUND_BENCH_MAP_ONLY").is_some() {
        print_rows(rows);
        return;
    }
    rows.push(Row {
        what: "peak memory with the national store loaded (this process: records, map, frames)"
            .to_owned(),
        figure: format!("{rss:.0} MiB"),
        target: "< 1 GiB",
        met: Some(rss < 1024.0),
    });
    drop(map);
    drop(records);

    // Donor report over the whole store.
    let dir = tempfile::tempdir().unwrap();
    let mut reports = Vec::new();
    for _ in 0..3 {
        let store = Store::open(&store_path).unwrap();
        let request = ExportRequest {
            format: ExportFormat::Report,
            profile: ExportProfile::Donor,
            filter: ReportFilter::default(),
            output: dir.path().join("report.html"),
            replace: safeground::io::output::Replace::Allowed,
            lang: safeground::i18n::Lang::En,
        };
        let start = Instant::now();
        safeground::exports::write(
            safeground::exports::read_records_for(&store, request.format).unwrap(),
            &request,
            &[],
            &safeground::io::output::Protected::store(&store_path),
            &mut |_, _| true,
        )
        .unwrap();
        reports.push(ms(start.elapsed()));
    }
    let report_ms = median(reports);
    rows.push(Row {
        what: "donor report over the whole store (read, compute, HTML + CSV)".to_owned(),
        figure: format!("{report_ms:.0} ms"),
        target: "< 2 s",
        met: Some(report_ms < 2000.0),
    });

    // Import of a 100 000-polygon GeoJSON vs ogr2ogr -f GPKG.
    let geojson = foreign_geojson(lands);
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/safeground");
    // Three runs of each, taking turns (this machine's timings vary by ±20 % from run to run);
    // the medians are compared.
    let mut our_runs = Vec::new();
    let mut their_runs = Vec::new();
    let mut gdal_ok = true;
    for run in 0..3 {
        let target_db = dir.path().join(format!("import-{run}.sqlite"));
        let start = Instant::now();
        let status = std::process::Command::new(&bin)
            .arg("--db")
            .arg(&target_db)
            .arg("import")
            .arg(&geojson)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run target/release/safeground (cargo build --release first)");
        our_runs.push(start.elapsed().as_secs_f64());
        assert!(status.success());
        std::fs::remove_file(&target_db).ok();
        let gpkg = dir.path().join(format!("ogr-{run}.gpkg"));
        let start = Instant::now();
        let gdal = std::process::Command::new("ogr2ogr")
            .arg("-f")
            .arg("GPKG")
            .arg(&gpkg)
            .arg(&geojson)
            .status();
        their_runs.push(start.elapsed().as_secs_f64());
        gdal_ok &= gdal.is_ok_and(|s| s.success());
        std::fs::remove_file(&gpkg).ok();
    }
    eprintln!("  import runs: Safeground {our_runs:.2?} s, ogr2ogr {their_runs:.2?} s");
    let (ours, theirs) = (median(our_runs), median(their_runs));
    let gdal = if gdal_ok { Ok(()) } else { Err(()) };
    let (figure, met) = match gdal {
        Ok(()) => (
            format!(
                "median of 3: Safeground {ours:.2} s, ogr2ogr {theirs:.2} s (ratio {:.2})",
                ours / theirs
            ),
            Some(ours <= theirs),
        ),
        _ => (
            format!("Safeground {ours:.2} s; ogr2ogr not available"),
            None,
        ),
    };
    rows.push(Row {
        what: format!(
            "import a {lands}-polygon GeoJSON ({:.0} MB) vs `ogr2ogr -f GPKG`",
            std::fs::metadata(&geojson).map_or(0.0, |m| m.len() as f64 / 1e6)
        ),
        figure,
        target: "ratio ≤ 1",
        met,
    });

    print_rows(rows);
}

fn print_rows(rows: Vec<Row>) {
    println!("| benchmark | figure | SPEC §4 target | met |");
    println!("|---|---|---|---|");
    for r in rows {
        let met = match r.met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "—",
        };
        println!("| {} | {} | {} | {met} |", r.what, r.figure, r.target);
    }
}

/// The sample reference layers (`layers sample`) as the worker would send them.
fn sample_layers() -> Vec<safeground::app::LoadedLayer> {
    use safeground::domain::{LayerFormat, LayerRole, LayerSpec, ReferenceLayer};
    safeground::synthetic::sample_reference_layers(7)
        .into_iter()
        .enumerate()
        .map(|(i, sample)| {
            let layer = ReferenceLayer {
                fields: sample.fields.iter().map(|f| (*f).to_owned()).collect(),
                features: sample
                    .features
                    .into_iter()
                    .filter_map(|(g, v)| safeground::geometry::reference_feature(g, v))
                    .collect(),
                skipped: 0,
            };
            let role = LayerRole::guess(sample.name, &layer.fields);
            let spec = LayerSpec {
                id: i64::try_from(i).unwrap(),
                path: PathBuf::from(sample.name),
                table: None,
                format: LayerFormat::GeoJson,
                role,
                name: sample.name.to_owned(),
                label_field: layer.guess_label_field(),
                visible: true,
                in_report: false,
                position: i64::try_from(i).unwrap(),
            };
            safeground::app::LoadedLayer {
                spec,
                features: Ok(std::sync::Arc::new(layer)),
            }
        })
        .collect()
}
