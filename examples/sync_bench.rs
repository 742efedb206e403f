//! Sync at national scale (issue 15): merging a bundle of 10 000 changes into the national store
//! (100 000 lands, 300 000 activities, 50 000 hazard reports), side by side with importing the
//! same records fresh, and with GDAL's `ogr2ogr` writing the same polygons to a GeoPackage.
//!
//! ```text
//! cargo build --release --bin safeground --example sync_bench
//! target/release/examples/sync_bench [--bin target/release/safeground] [--runs 3]
//! ```
//!
//! Prepares under `target/bench/sync/` (the national store itself is the one `cargo bench
//! --bench national` caches in `target/bench/`, made here with `demo --synthetic 100000` when
//! it is missing): an office store (a copy of the national store), a laptop that imported 10 000
//! new polygons and wrote them as a bundle for the office, and a second laptop that edited
//! 10 000 existing lands and wrote its bundle. Then times whole processes, in turns, each on a
//! fresh copy of the office store (the copy is not timed): `import` of the 10 000 polygons,
//! `sync import` of the new-lands bundle, `sync import` of the edits bundle, and `ogr2ogr -f
//! GPKG` of the same polygons. A `sync import` includes the backup of the store it takes first.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use safeground::domain::Actor;
use safeground::storage::Store;

fn run(bin: &Path, args: &[&str]) -> Result<Duration> {
    let start = Instant::now();
    let out = Command::new(bin)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("running {}", bin.display()))?;
    if !out.status.success() {
        bail!(
            "{} {args:?} failed: {}",
            bin.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(start.elapsed())
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

/// Removes a store and its SQLite companions.
fn remove_store(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let p = PathBuf::from(name);
        if p.exists() {
            std::fs::remove_file(&p)?;
        }
    }
    Ok(())
}

/// A consistent copy of a store (SQLite's backup API), as a separate device when `new_device`:
/// a new device id, and the office's acknowledgements set to what the copy holds (so its
/// bundle for the office carries only what it changes afterwards).
fn copy_store(from: &Path, to: &Path, new_device: bool) -> Result<()> {
    remove_store(to)?;
    Store::open(from)?.backup_to(to, safeground::io::output::Replace::Never)?;
    if new_device {
        let conn = rusqlite::Connection::open(to)?;
        let office: String = conn.query_row(
            "SELECT device_id FROM sync_identity WHERE singleton = 1",
            [],
            |r| r.get(0),
        )?;
        let knows: String = conn.query_row(
            "SELECT json_group_object(origin_device, m) FROM
               (SELECT origin_device, MAX(origin_seq) AS m FROM record_version GROUP BY origin_device)",
            [],
            |r| r.get(0),
        )?;
        conn.execute(
            "UPDATE sync_identity SET device_id = ?1, device_name = 'laptop' WHERE singleton = 1",
            [uuid::Uuid::new_v4().to_string()],
        )?;
        conn.execute(
            "INSERT INTO sync_peer (device_id, device_name, knows_json) VALUES (?1, 'office', ?2)",
            [office, knows],
        )?;
    }
    Ok(())
}

fn office_device(path: &Path) -> Result<String> {
    let conn = rusqlite::Connection::open(path)?;
    Ok(conn.query_row(
        "SELECT device_id FROM sync_identity WHERE singleton = 1",
        [],
        |r| r.get(0),
    )?)
}

/// 10 000 foreign polygons (a few properties, 20-vertex rings), as another tool writes them.
fn polygons(path: &Path, lands: usize) -> Result<()> {
    use std::fmt::Write as _;
    if path.exists() {
        return Ok(());
    }
    let batch = safeground::synthetic::generate(safeground::synthetic::Size { lands, seed: 3 });
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
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
        write!(
            out,
            "{{\"type\":\"Feature\",\"properties\":{{\"Name\":\"{}\",\"Type\":\"{}\",\"Status\":\"open\",\"SurveyDate\":\"{}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{}]]}}}}",
            land.name,
            land.classification.code(),
            land.date_of_information,
            ring.join(",")
        )?;
    }
    out.push_str("\n]}\n");
    std::fs::write(path, out)?;
    Ok(())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut bin = PathBuf::from("target/release/safeground");
    let mut runs = 3usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bin" => bin = PathBuf::from(args.next().context("--bin PATH")?),
            "--runs" => runs = args.next().context("--runs N")?.parse()?,
            other => bail!("unknown argument {other}"),
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    let dir = root.join("sync");
    std::fs::create_dir_all(&dir)?;
    let national = root.join("national-100000.sqlite");
    if !national.exists() {
        eprintln!("making the national store (demo --synthetic 100000) …");
        run(
            &bin,
            &["--db", s(&national), "demo", "--synthetic", "100000"],
        )?;
        std::fs::write(national.with_extension("ready"), b"ok")?;
    }
    // Opening migrates a store cached by an older build (its records get their first versions).
    drop(Store::open(&national)?);
    let office = dir.join("office.sqlite");
    let polygons_file = dir.join("polygons-10000.geojson");
    polygons(&polygons_file, 10_000)?;
    let new_bundle = dir.join("new-lands.sgbundle");
    let edits_bundle = dir.join("edits.sgbundle");
    if !office.exists() || !new_bundle.exists() || !edits_bundle.exists() {
        eprintln!("preparing the office, the two laptops and their bundles …");
        copy_store(&national, &office, false)?;
        let device = office_device(&office)?;
        let laptop = dir.join("laptop-new.sqlite");
        copy_store(&office, &laptop, true)?;
        run(&bin, &["--db", s(&laptop), "import", s(&polygons_file)])?;
        for b in [&new_bundle, &edits_bundle] {
            if b.exists() {
                std::fs::remove_file(b)?;
            }
        }
        run(
            &bin,
            &[
                "--db",
                s(&laptop),
                "sync",
                "export",
                "--for",
                &device,
                "-o",
                s(&new_bundle),
            ],
        )?;
        remove_store(&laptop)?;
        let laptop = dir.join("laptop-edits.sqlite");
        copy_store(&office, &laptop, true)?;
        {
            let mut store = Store::open(&laptop)?;
            let actor = Actor::new("bench", "laptop");
            let lands = store.land_summaries()?;
            for (i, l) in lands.iter().step_by(10).take(10_000).enumerate() {
                let mut land = store.land(l.id)?;
                land.notes = format!("checked in the field, visit {i}");
                store.update_land(land, &actor)?;
            }
        }
        run(
            &bin,
            &[
                "--db",
                s(&laptop),
                "sync",
                "export",
                "--for",
                &device,
                "-o",
                s(&edits_bundle),
            ],
        )?;
        remove_store(&laptop)?;
    }
    let run_copy = dir.join("office-run.sqlite");
    let gpkg = dir.join("ogr2ogr.gpkg");
    let mut times: [Vec<Duration>; 4] = Default::default();
    for round in 0..runs {
        for (i, what) in ["import", "sync-new", "sync-edits", "ogr2ogr"]
            .iter()
            .enumerate()
        {
            let t = if *what == "ogr2ogr" {
                if gpkg.exists() {
                    std::fs::remove_file(&gpkg)?;
                }
                let start = Instant::now();
                let status = Command::new("ogr2ogr")
                    .args(["-f", "GPKG", s(&gpkg), s(&polygons_file)])
                    .status()
                    .context("running ogr2ogr (GDAL)")?;
                if !status.success() {
                    bail!("ogr2ogr failed");
                }
                start.elapsed()
            } else {
                copy_store(&office, &run_copy, false)?;
                let t = match *what {
                    "import" => run(&bin, &["--db", s(&run_copy), "import", s(&polygons_file)])?,
                    "sync-new" => run(
                        &bin,
                        &["--db", s(&run_copy), "sync", "import", s(&new_bundle)],
                    )?,
                    _ => run(
                        &bin,
                        &["--db", s(&run_copy), "sync", "import", s(&edits_bundle)],
                    )?,
                };
                remove_store(&run_copy)?;
                for e in std::fs::read_dir(&dir)? {
                    let p = e?.path();
                    if p.file_name().is_some_and(|n| {
                        n.to_string_lossy()
                            .starts_with("office-run.sqlite.before-sync-")
                    }) {
                        std::fs::remove_file(&p)?;
                    }
                }
                t
            };
            eprintln!("round {}: {what} {:.2} s", round + 1, t.as_secs_f64());
            times[i].push(t);
        }
    }
    let [import, new, edits, ogr] = times.map(median);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "sync at national scale (median of {runs} runs, whole processes, each on a fresh copy of the 100 000-land store):"
    )?;
    writeln!(
        out,
        "  import of 10 000 new polygons (GeoJSON)            {:>7.2} s",
        import.as_secs_f64()
    )?;
    writeln!(
        out,
        "  sync import of a bundle of the same 10 000 lands  {:>7.2} s  (ratio to the import {:.2})",
        new.as_secs_f64(),
        new.as_secs_f64() / import.as_secs_f64()
    )?;
    writeln!(
        out,
        "  sync import of a bundle of 10 000 land edits       {:>7.2} s",
        edits.as_secs_f64()
    )?;
    writeln!(
        out,
        "  ogr2ogr -f GPKG of the same 10 000 polygons        {:>7.2} s  (sync import / ogr2ogr {:.2})",
        ogr.as_secs_f64(),
        new.as_secs_f64() / ogr.as_secs_f64()
    )?;
    Ok(())
}
