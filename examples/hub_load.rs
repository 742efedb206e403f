//! Load and fault test of the hub (issue 16): many laptop processes syncing at once with one
//! PostgreSQL/PostGIS hub, some killed mid-sync, the server restarted mid-sync.
//!
//! 1. Makes a fresh database on the server `--server` names (a superuser URL), runs `hub init`,
//!    and adds one surveyor login per laptop (all of one organisation, so they share lands) and
//!    an authority login to read the hub with.
//! 2. Laptop 0 loads the demo programme and syncs; the others join from the hub.
//! 3. Each round, every laptop (in its own thread, as separate `safeground` processes) edits
//!    fields of lands it shares with the others (HA-0001 … HA-0008, so the same fields change on
//!    several laptops) and of a land of its own, imports a new land of its own, and then all sync
//!    at once. With `--kills F`, a fraction F of those syncs is killed (`SIGKILL`) at a random
//!    moment (5–1500 ms in); with `--restart`, the server is crashed (`pg_ctl -m immediate`) and
//!    restarted in the middle of the syncs of every other round.
//! 4. At the end, every laptop syncs in turn twice (send what is left, then receive everything).
//!
//! Then it checks: the hub holds every version any laptop made, and every laptop holds every
//! version the hub holds (none lost); every laptop's GeoJSON export is byte-identical; the open
//! conflicts (record, field, winner) are the same on every laptop and on the hub; nothing is
//! parked; the hub's `lands` table matches the laptops (code, name, team, donor, status,
//! remaining area) land for land; every store passes `PRAGMA integrity_check`.
//!
//! ```text
//! cargo build --release --bin safeground --example hub_load
//! target/release/examples/hub_load --bin target/release/safeground --server "$SAFEGROUND_PG_URL" \
//!     [--laptops 20] [--rounds 3] [--kills 0.25] [--restart --pg-dir DIR] [--seed S] [--work DIR]
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use safeground::storage::hub::{HubTarget, hub_add_user};
use safeground::synthetic::Rng;

struct Args {
    bin: PathBuf,
    server: String,
    laptops: usize,
    rounds: usize,
    kills: f64,
    restart: bool,
    pg_dir: Option<PathBuf>,
    seed: u64,
    work: PathBuf,
}

fn parse_args() -> Result<Args> {
    let mut args = Args {
        bin: PathBuf::from("target/release/safeground"),
        server: std::env::var("SAFEGROUND_PG_URL").unwrap_or_default(),
        laptops: 20,
        rounds: 3,
        kills: 0.0,
        restart: false,
        pg_dir: None,
        seed: 16,
        work: PathBuf::from("target/hub_load"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--bin" => args.bin = PathBuf::from(value()?),
            "--server" => args.server = value()?,
            "--laptops" => args.laptops = value()?.parse()?,
            "--rounds" => args.rounds = value()?.parse()?,
            "--kills" => args.kills = value()?.parse()?,
            "--restart" => args.restart = true,
            "--pg-dir" => args.pg_dir = Some(PathBuf::from(value()?)),
            "--seed" => args.seed = value()?.parse()?,
            "--work" => args.work = PathBuf::from(value()?),
            other => bail!("unknown argument {other}"),
        }
    }
    if args.server.is_empty() {
        bail!("--server URL (or SAFEGROUND_PG_URL) is needed");
    }
    if args.restart && args.pg_dir.is_none() {
        bail!("--restart needs --pg-dir (the folder of scripts/pg_cluster.sh)");
    }
    Ok(args)
}

/// Runs the CLI; returns (success, stdout, stderr).
fn cli(bin: &Path, args: &[&str]) -> Result<(bool, String, String)> {
    let out = Command::new(bin)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("running {}", bin.display()))?;
    Ok((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

fn must(bin: &Path, args: &[&str]) -> Result<String> {
    let (ok, out, err) = cli(bin, args)?;
    if !ok {
        bail!("{} failed: {out}{err}", args.join(" "));
    }
    Ok(out)
}

fn base_of(server: &str) -> String {
    let rest = server.trim().trim_start_matches("postgres://");
    let base = rest.split_once('/').map_or(rest, |(b, _)| b);
    format!("postgres://{base}")
}

struct Laptop {
    store: String,
    url: String,
}

/// A new land of laptop `i`, round `round`, as a GeoJSON file to import.
fn land_file(dir: &Path, i: usize, round: usize) -> Result<PathBuf> {
    let lon = 18.6 + i as f64 * 0.01;
    let lat = 44.2 + round as f64 * 0.01;
    let d = 0.002;
    let text = serde_json::json!({
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "properties": {"name": format!("Laptop {i} round {round}"), "date_of_information": "2026-11-20"},
            "geometry": {"type": "Polygon", "coordinates": [[
                [lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]
            ]]}
        }]
    });
    let path = dir.join(format!("new-{i}-{round}.geojson"));
    std::fs::write(&path, text.to_string())?;
    Ok(path)
}

fn version_ids(store: &str) -> Result<(BTreeSet<String>, i64)> {
    let conn = rusqlite::Connection::open(store)?;
    let ids = conn
        .prepare("SELECT version_id FROM record_version")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<BTreeSet<String>, _>>()?;
    let parked: i64 = conn.query_row(
        "SELECT count(*) FROM record_version WHERE parked = 1",
        [],
        |r| r.get(0),
    )?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        bail!("{store}: integrity_check says {check}");
    }
    Ok((ids, parked))
}

#[expect(
    clippy::too_many_lines,
    reason = "one scenario told in order: setup, rounds, settling, checks"
)]
fn main() -> Result<()> {
    let args = parse_args()?;
    let started = Instant::now();
    let base = base_of(&args.server);
    if args.work.exists() {
        std::fs::remove_dir_all(&args.work)?;
    }
    std::fs::create_dir_all(&args.work)?;
    let work = args.work.canonicalize()?;
    let db = format!("hub_load_{}", std::process::id());
    let admin = HubTarget::parse(&format!("{base}/postgres"), None)?;
    admin
        .connect()?
        .batch_execute(&format!("CREATE DATABASE {db}"))?;
    let owner = format!("{base}/{db}");
    must(&args.bin, &["hub", "init", &owner])?;
    let host = base.rsplit_once('@').map_or("", |(_, h)| h).to_owned();
    let owner_target = HubTarget::parse(&owner, None)?;
    let mut laptops = Vec::new();
    let mut roles = Vec::new();
    for i in 0..args.laptops {
        let name = format!("team{i}_{db}");
        hub_add_user(&owner_target, &name, "NPA", "surveyor", Some("load-pw"))?;
        roles.push(name.clone());
        laptops.push(Laptop {
            store: work.join(format!("laptop{i}.sqlite")).display().to_string(),
            url: format!("postgres://{name}:load-pw@{host}/{db}"),
        });
    }
    let reader = format!("reader_{db}");
    hub_add_user(
        &owner_target,
        &reader,
        "BHMAC",
        "authority",
        Some("load-pw"),
    )?;
    roles.push(reader.clone());
    let reader_url = format!("postgres://{reader}:load-pw@{host}/{db}");

    must(&args.bin, &["--db", &laptops[0].store, "demo"])?;
    must(
        &args.bin,
        &["--db", &laptops[0].store, "sync", "hub", &laptops[0].url],
    )?;
    for l in &laptops[1..] {
        must(&args.bin, &["--db", &l.store, "sync", "hub", &l.url])?;
    }
    say(&format!(
        "{} laptops joined the hub {db} ({:.1} s)",
        laptops.len(),
        started.elapsed().as_secs_f64()
    ));

    let mut rng = Rng::new(args.seed);
    let mut failed_syncs = 0usize;
    let mut killed = 0usize;
    let mut restarts = 0usize;
    let mut sync_times: Vec<f64> = Vec::new();
    let mut killed_in: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unexpected: Vec<String> = Vec::new();
    let fields = ["name", "team", "donor", "project", "notes"];
    for round in 0..args.rounds {
        // Local work, each laptop in its own thread.
        let plans: Vec<Vec<Vec<String>>> = laptops
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let mut plan = Vec::new();
                for _ in 0..3 {
                    let land = format!("HA-{:04}", 1 + rng.below(8));
                    let field = fields[rng.below(fields.len())];
                    plan.push(vec![
                        "edit".to_owned(),
                        land,
                        "--set".to_owned(),
                        format!("{field}=L{i} r{round} {}", rng.below(1000)),
                    ]);
                }
                // A land only this laptop touches (its own, from an earlier round).
                if round > 0 {
                    plan.push(vec![
                        "edit".to_owned(),
                        format!("HA-{:04}", 9 + i % 20),
                        "--set".to_owned(),
                        format!("notes=laptop {i} round {round}"),
                    ]);
                }
                plan
            })
            .collect();
        let files: Vec<PathBuf> = (0..laptops.len())
            .map(|i| land_file(&work, i, round))
            .collect::<Result<_>>()?;
        std::thread::scope(|s| -> Result<()> {
            let mut handles = Vec::new();
            for ((l, plan), file) in laptops.iter().zip(&plans).zip(&files) {
                let bin = &args.bin;
                handles.push(s.spawn(move || -> Result<()> {
                    for step in plan {
                        let mut a: Vec<&str> = vec!["--db", &l.store];
                        a.extend(step.iter().map(String::as_str));
                        // An edit may find nothing to change or a field it may not set:
                        // fine, the point is the sync.
                        cli(bin, &a)?;
                    }
                    let f = file.display().to_string();
                    must(bin, &["--db", &l.store, "import", &f])?;
                    Ok(())
                }));
            }
            for h in handles {
                h.join()
                    .map_err(|_panic| anyhow::anyhow!("a laptop thread panicked"))??;
            }
            Ok(())
        })?;
        // All sync at once; some are killed; the server may crash in the middle.
        let kill_at: Vec<Option<Duration>> = laptops
            .iter()
            .map(|_| {
                rng.chance(args.kills)
                    .then(|| Duration::from_millis(rng.between(5, 1500)))
            })
            .collect();
        // The server crashes in every other round (the rounds between see kills alone).
        let restart_at =
            (args.restart && round % 2 == 1).then(|| Duration::from_millis(rng.between(50, 1000)));
        let round_start = Instant::now();
        let mut children = Vec::new();
        for l in &laptops {
            let child = Command::new(&args.bin)
                .args(["--db", &l.store, "sync", "hub", &l.url])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()?;
            children.push((child, Instant::now()));
        }
        let mut restarted = false;
        let mut done = vec![false; children.len()];
        while done.iter().any(|d| !d) {
            for (i, (child, at)) in children.iter_mut().enumerate() {
                if done[i] {
                    continue;
                }
                if let Some(status) = child.try_wait()? {
                    done[i] = true;
                    if status.success() {
                        sync_times.push(at.elapsed().as_secs_f64());
                    } else {
                        failed_syncs += 1;
                        let said = stderr_of(child);
                        // Only the server going away may fail a sync.
                        let expected = ["connection to the hub broke", "cannot reach the hub"];
                        if !expected.iter().any(|e| said.contains(e)) {
                            unexpected.push(said);
                        }
                    }
                    continue;
                }
                if let Some(k) = kill_at[i]
                    && at.elapsed() >= k
                {
                    child.kill()?;
                    child.wait()?;
                    killed += 1;
                    let said = stderr_of(child);
                    let stage = if said.contains("Sending") {
                        "sending"
                    } else if said.contains("Receiving") {
                        "receiving"
                    } else {
                        "connecting"
                    };
                    *killed_in.entry(stage).or_insert(0usize) += 1;
                    done[i] = true;
                }
            }
            if let (Some(r), false) = (restart_at, restarted)
                && round_start.elapsed() >= r
            {
                restarted = true;
                restarts += 1;
                let dir = args.pg_dir.as_ref().map(|d| d.display().to_string());
                let status = Command::new("scripts/pg_cluster.sh")
                    .args(["restart", dir.as_deref().unwrap_or_default()])
                    .status()?;
                if !status.success() {
                    bail!("restarting the server failed");
                }
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        say(&format!(
            "round {round}: {} syncs at once in {:.1} s; {killed} killed, {failed_syncs} failed (server restarts: {restarts}) so far",
            laptops.len(),
            round_start.elapsed().as_secs_f64()
        ));
    }
    // Settle: everyone sends, then everyone receives.
    for pass in 0..2 {
        for l in &laptops {
            let out = must(&args.bin, &["--db", &l.store, "sync", "hub", &l.url])
                .with_context(|| format!("settling pass {pass}"))?;
            if pass == 1 && !out.contains("sent 0 versions") {
                bail!("{}: the second pass still sent: {out}", l.store);
            }
        }
    }

    // Checks.
    let mut failures = Vec::new();
    for u in &unexpected {
        failures.push(format!(
            "a sync failed for another reason than the server going away: {u}"
        ));
    }
    let mut hub = HubTarget::parse(&reader_url, None)?.connect()?;
    let hub_ids: BTreeSet<String> = hub
        .query("SELECT version_id FROM safeground.record_version", &[])?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut union = BTreeSet::new();
    let mut exports = BTreeMap::new();
    let mut conflict_sets = BTreeMap::new();
    for (i, l) in laptops.iter().enumerate() {
        let (ids, parked) = version_ids(&l.store)?;
        if parked > 0 {
            failures.push(format!("laptop {i}: {parked} versions parked"));
        }
        if ids != hub_ids {
            failures.push(format!(
                "laptop {i}: {} versions, the hub {} ({} missing here, {} missing on the hub)",
                ids.len(),
                hub_ids.len(),
                hub_ids.difference(&ids).count(),
                ids.difference(&hub_ids).count()
            ));
        }
        union.extend(ids);
        let path = work.join(format!("laptop{i}.geojson"));
        let p = path.display().to_string();
        must(
            &args.bin,
            &["--db", &l.store, "export", "--format", "geojson", "-o", &p],
        )?;
        exports.insert(i, std::fs::read(&path)?);
        let out = must(
            &args.bin,
            &["--db", &l.store, "sync", "conflicts", "--json"],
        )?;
        let v: Vec<serde_json::Value> = serde_json::from_str(&out)?;
        let set: BTreeSet<(String, String, String)> = v
            .iter()
            .map(|c| {
                (
                    c["code"].as_str().unwrap_or_default().to_owned(),
                    c["field"].as_str().unwrap_or_default().to_owned(),
                    c["winner"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        conflict_sets.insert(i, set);
    }
    if union != hub_ids {
        failures.push(format!(
            "versions made on laptops but not on the hub: {}",
            union.difference(&hub_ids).count()
        ));
    }
    let first_export = &exports[&0];
    let differing: Vec<usize> = exports
        .iter()
        .filter(|(_, e)| *e != first_export)
        .map(|(i, _)| *i)
        .collect();
    if !differing.is_empty() {
        failures.push(format!(
            "exports differ from laptop 0's on laptops {differing:?}"
        ));
    }
    let first_conflicts = &conflict_sets[&0];
    let differing: Vec<usize> = conflict_sets
        .iter()
        .filter(|(_, c)| *c != first_conflicts)
        .map(|(i, _)| *i)
        .collect();
    if !differing.is_empty() {
        failures.push(format!(
            "conflicts differ from laptop 0's on laptops {differing:?}"
        ));
    }
    let hub_conflicts: BTreeSet<(String, String)> = hub
        .query("SELECT code, field FROM safeground.conflicts", &[])?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let local_conflicts: BTreeSet<(String, String)> = first_conflicts
        .iter()
        .map(|(c, f, _)| (c.clone(), f.clone()))
        .collect();
    if hub_conflicts != local_conflicts {
        failures.push(format!(
            "the hub lists {} conflicts, the laptops {}",
            hub_conflicts.len(),
            local_conflicts.len()
        ));
    }
    // The hub's lands table against laptop 0's list.
    let hub_lands: BTreeSet<(String, String, String, String, String, i64)> = hub
        .query(
            "SELECT code, coalesce(name, ''), coalesce(team, ''), coalesce(donor, ''), status,
                    round(remaining_m2)::bigint FROM safeground.lands",
            &[],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
        .collect();
    let out = must(
        &args.bin,
        &["--db", &laptops[0].store, "list", "lands", "--json"],
    )?;
    let listed: Vec<serde_json::Value> = serde_json::from_str(&out)?;
    let conn = rusqlite::Connection::open(&laptops[0].store)?;
    let mut local_lands = BTreeSet::new();
    for l in &listed {
        let code = l["code"].as_str().unwrap_or_default().to_owned();
        let (team, donor): (String, String) = conn.query_row(
            "SELECT team, donor FROM land WHERE code = ?1",
            [&code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        local_lands.insert((
            code,
            l["name"].as_str().unwrap_or_default().to_owned(),
            team,
            donor,
            l["status"].as_str().unwrap_or_default().to_owned(),
            l["remaining_m2"].as_f64().unwrap_or_default().round() as i64,
        ));
    }
    if hub_lands != local_lands {
        failures.push(format!(
            "the hub's lands table differs from the laptops' ({} vs {} lands; {} rows differ)",
            hub_lands.len(),
            local_lands.len(),
            hub_lands.symmetric_difference(&local_lands).count()
        ));
    }
    sync_times.sort_by(f64::total_cmp);
    let median = sync_times.get(sync_times.len() / 2).copied().unwrap_or(0.0);
    let worst = sync_times.last().copied().unwrap_or(0.0);
    say(&format!(
        "{} laptops, {} rounds: {} versions on the hub, {} lands, {} open conflicts; {killed} syncs killed ({killed_in:?}), {failed_syncs} failed as the server went away (restarted {restarts} times); a concurrent sync took {median:.2} s (median), {worst:.2} s (slowest); {:.1} s in all",
        laptops.len(),
        args.rounds,
        hub_ids.len(),
        hub_lands.len(),
        hub_conflicts.len(),
        started.elapsed().as_secs_f64()
    ));
    drop(hub);
    if failures.is_empty() {
        say("PASS: identical data on the hub and every laptop, no version lost");
        let mut c = admin.connect()?;
        c.batch_execute(&format!("DROP DATABASE {db} WITH (FORCE)"))?;
        for r in &roles {
            c.batch_execute(&format!("DROP ROLE IF EXISTS {r}"))?;
        }
        std::fs::remove_dir_all(&work).ok();
        Ok(())
    } else {
        for f in &failures {
            say(&format!("FAIL: {f}"));
        }
        say(&format!(
            "work kept in {} and database {db}",
            work.display()
        ));
        bail!("{} checks failed", failures.len())
    }
}

/// What a finished (or killed) sync process wrote to stderr.
fn stderr_of(child: &mut std::process::Child) -> String {
    use std::io::Read as _;
    let mut text = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut text).ok();
    }
    text
}

fn say(line: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    // A closed stdout only loses the progress line.
    writeln!(out, "{line}").ok();
    out.flush().ok();
}
