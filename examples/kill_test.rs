//! Crash-safety harness (SPEC §4 reliability): "killing the process at any moment loses no
//! committed record and never leaves a half import".
//!
//! It SIGKILLs, many times, half the time
//!
//! - **the CLI during imports** (`safeground --db STORE import FILE`): the real `BiH` file given with
//!   `--real` (into a fresh copy of a template store each time), and a generated file in our own
//!   schema (copies of the demo programme's export: lands, activities, hazard reports; fresh UUIDs
//!   and codes every round, so one store takes import after import). Two in three of these kills
//!   hit a random moment between 0 and 1.3 × a clean import's duration (so some imports finish
//!   first); one in three is aimed at the commit (the moment the first WAL bytes appear while the
//!   import still holds the write lock). After each kill the store must open, pass
//!   `PRAGMA integrity_check`, and hold the import entirely or not at all: every count, the audit
//!   log's included, changed by exactly a clean import's count or by nothing, and (generated file)
//!   the records carrying this round's codes are exactly that change;
//! - **the app's database worker during edits** (`examples/worker_edits.rs`, the real
//!   `safeground::app::Worker`), 50–1500 ms after it starts, on one store across all rounds; every
//!   other kill then waits for the worker to be inside a write transaction and kills it there.
//!   After each kill the store must open, pass `integrity_check`, hold every land, activity, land
//!   edit and hazard report the worker reported as committed before the kill (in this round or
//!   any earlier one), never shrink, and every land's ledger must equal what its activities
//!   release (`estimated = cancelled + reduced + cleared + remaining`, remaining ≥ 0).
//!
//! - **the CLI while it writes outputs**: a CSV export (two files), the donor report (three files)
//!   or a restore, at a random moment between 0 and 1.3 × a clean run's duration, on a store of
//!   thousands of records. After each kill the store must open and pass `integrity_check`; an
//!   export's files must all be under their final names, byte-identical to a clean run's, or none
//!   of them (a kill between two renames leaves a commit note that the next run in the folder
//!   finishes, and is counted apart); a restore must have replaced the records entirely or not at
//!   all, and a `.before-restore` copy under its name must hold the old records.
//!
//! Whether a process was inside a write transaction when it was killed is read from
//! `/proc/locks` (SQLite's WAL write lock on `<store>-shm`), just before the kill.
//!
//! One line per kill, then a summary table; the exit code is non-zero on any failure (the work
//! directory is then kept). Deterministic given `--seed` (the moments, the aims, the files, the
//! worker's choices); how far a process got by a given moment is up to the machine.
//!
//! ```text
//! cargo build --release --bin safeground --example kill_test --example worker_edits
//! cargo run --release --example kill_test -- [--kills N] [--seed S] [--bin target/release/safeground]
//!     [--worker target/release/examples/worker_edits] [--work DIR] [--real FILE.geojson]
//!     [--copies C]
//! ```
//! `scripts/kill_test.sh [KILLS]` does all of that. `--copies` is where the generated file starts:
//! it grows until a clean import takes about a second.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use safeground::domain::LandSummary;
use safeground::domain::{
    Activity, ActivityId, HazardReport, HazardReportId, LandId, Ledger, Released,
};
use safeground::storage::Store;
use safeground::synthetic::Rng;
use serde_json::Value;

/// Marker at the start of the notes `worker_edits` writes (see there).
const NOTE_MARKER: &str = "kill-test edit";
/// The generated-import store is reset to the template once it holds more lands than this, so
/// rounds stay about as long as each other.
const GEN_STORE_MAX_LANDS: usize = 6_000;
/// The generated file is made large enough that a clean import takes about this long.
const TARGET_IMPORT_MS: u64 = 1_000;
/// At most this many copies of the demo export in the generated file.
const MAX_COPIES: usize = 400;

// ---- arguments ----------------------------------------------------------------------------------

struct Args {
    kills: usize,
    seed: u64,
    bin: PathBuf,
    worker: PathBuf,
    work: Option<PathBuf>,
    real: Option<PathBuf>,
    copies: usize,
}

const USAGE: &str = "usage: kill_test [--kills N] [--seed S] [--bin PATH] [--worker PATH] \
                     [--work DIR] [--real FILE.geojson] [--copies C]";

fn parse_args() -> Result<Args> {
    let exe_dir = std::env::current_exe()
        .context("finding this program's own path")?
        .parent()
        .map(Path::to_owned)
        .unwrap_or_default();
    let mut args = Args {
        kills: 20,
        seed: 1,
        bin: PathBuf::from("target/release/safeground"),
        worker: exe_dir.join("worker_edits"),
        work: None,
        real: None,
        copies: 20,
    };
    let mut it = std::env::args_os().skip(1);
    while let Some(flag) = it.next() {
        let flag = flag.to_string_lossy().into_owned();
        if flag == "--help" || flag == "-h" {
            bail!("{USAGE}");
        }
        let value = it
            .next()
            .ok_or_else(|| anyhow!("{flag} needs a value; {USAGE}"))?;
        let number = || -> Result<u64> {
            value
                .to_string_lossy()
                .parse::<u64>()
                .with_context(|| format!("{flag} needs a whole number"))
        };
        match flag.as_str() {
            "--kills" => args.kills = usize::try_from(number()?)?,
            "--seed" => args.seed = number()?,
            "--copies" => args.copies = usize::try_from(number()?)?.max(1),
            "--bin" => args.bin = PathBuf::from(&value),
            "--worker" => args.worker = PathBuf::from(&value),
            "--work" => args.work = Some(PathBuf::from(&value)),
            "--real" => args.real = Some(PathBuf::from(&value)),
            other => bail!("unknown option {other}; {USAGE}"),
        }
    }
    for (what, path) in [("--bin", &args.bin), ("--worker", &args.worker)] {
        if !path.is_file() {
            bail!(
                "{what} {} does not exist; build it first (cargo build --release --bin safeground \
                 --example worker_edits)",
                path.display()
            );
        }
    }
    if let Some(real) = &args.real
        && !real.is_file()
    {
        bail!("--real {} does not exist", real.display());
    }
    Ok(args)
}

// ---- store helpers ------------------------------------------------------------------------------

/// Record counts of a store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    lands: i64,
    activities: i64,
    reports: i64,
    audit: i64,
}

impl Counts {
    fn minus(self, o: Self) -> Self {
        Self {
            lands: self.lands - o.lands,
            activities: self.activities - o.activities,
            reports: self.reports - o.reports,
            audit: self.audit - o.audit,
        }
    }

    fn is_zero(self) -> bool {
        self == Self::default()
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:+} lands, {:+} activities, {:+} reports, {:+} audit entries",
            self.lands, self.activities, self.reports, self.audit
        )
    }
}

fn len(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Everything the checks read, loaded once per check.
struct Snapshot {
    lands: Vec<LandSummary>,
    activities: Vec<Activity>,
    reports: Vec<HazardReport>,
    audit: i64,
}

impl Snapshot {
    fn load(store: &Store) -> Result<Self> {
        Ok(Self {
            lands: store.land_summaries()?,
            activities: store.activities(None)?,
            reports: store.hazard_reports()?,
            audit: store.audit_count()?,
        })
    }

    fn counts(&self) -> Counts {
        Counts {
            lands: len(self.lands.len()),
            activities: len(self.activities.len()),
            reports: len(self.reports.len()),
            audit: self.audit,
        }
    }

    /// Records whose code starts with `prefix` (one round of the generated import).
    fn with_prefix(&self, prefix: &str) -> Counts {
        Counts {
            lands: len(self
                .lands
                .iter()
                .filter(|l| l.code.starts_with(prefix))
                .count()),
            activities: len(self
                .activities
                .iter()
                .filter(|a| a.code.starts_with(prefix))
                .count()),
            reports: len(self
                .reports
                .iter()
                .filter(|r| r.code.starts_with(prefix))
                .count()),
            audit: 0,
        }
    }
}

fn counts(store: &Store) -> Result<Counts> {
    Ok(Snapshot::load(store)?.counts())
}

/// Opens a store after a kill and runs `PRAGMA integrity_check`; `Err` says why it is corrupt.
fn open_checked(path: &Path) -> std::result::Result<Store, String> {
    let store = Store::open(path).map_err(|e| format!("does not open: {e}"))?;
    match store.integrity_check() {
        Ok(problems) if problems.is_empty() => Ok(store),
        Ok(problems) => Err(format!("integrity_check: {}", problems.join("; "))),
        Err(e) => Err(format!("integrity_check failed: {e}")),
    }
}

fn remove_store(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let p = PathBuf::from(name);
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
        }
    }
    Ok(())
}

fn wal_bytes(path: &Path) -> u64 {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    std::fs::metadata(PathBuf::from(name)).map_or(0, |m| m.len())
}

fn copy_store(from: &Path, to: &Path) -> Result<()> {
    remove_store(to)?;
    std::fs::copy(from, to)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    Ok(())
}

fn stderr_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(5)..].join(" | ")
}

fn tx_words(in_tx: Option<bool>) -> &'static str {
    match in_tx {
        Some(true) => "inside a write tx",
        Some(false) => "outside write txs",
        None => "(tx unknown)",
    }
}

fn killed_by_signal(status: ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal().is_some()
}

/// Whether process `pid` holds SQLite's WAL write lock on `store` right now, i.e. is inside a
/// write transaction: an exclusive POSIX lock on byte 120 of `<store>-shm` (SQLite's
/// `WAL_WRITE_LOCK`), as listed in `/proc/locks`. `None` when that cannot be read.
fn in_write_transaction(pid: u32, store: &Path) -> Option<bool> {
    use std::os::unix::fs::MetadataExt;
    let mut shm = store.as_os_str().to_owned();
    shm.push("-shm");
    let Ok(meta) = std::fs::metadata(PathBuf::from(shm)) else {
        // No shared-memory file: no connection is open in WAL mode, so no write transaction.
        return Some(false);
    };
    let inode = meta.ino().to_string();
    let pid = pid.to_string();
    let locks = std::fs::read_to_string("/proc/locks").ok()?;
    Some(locks.lines().any(|line| {
        // "3: POSIX  ADVISORY  WRITE 3715 fe:00:10444887 120 120"
        let f: Vec<&str> = line.split_whitespace().collect();
        f.len() >= 8
            && f[1] == "POSIX"
            && f[3] == "WRITE"
            && f[4] == pid
            && f[5].rsplit(':').next() == Some(inode.as_str())
            && f[6] == "120"
    }))
}

/// How a kill went.
struct Killed {
    status: ExitStatus,
    /// Time from start to the kill (or to the check that found the child already ended).
    at: Duration,
    /// Whether the child was inside a write transaction just before the kill.
    in_tx: Option<bool>,
}

/// Where a kill is aimed, after its random delay.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Aim {
    /// Right there: a random moment.
    Random,
    /// The next moment the child is inside a write transaction (waits up to 500 ms).
    WriteTx,
    /// The next moment the child's commit is writing the WAL (waits up to 5 s): the first WAL
    /// frame was written, and the write transaction is still open.
    Commit,
}

impl Aim {
    fn window(self) -> Duration {
        match self {
            Self::Random => Duration::ZERO,
            Self::WriteTx => Duration::from_millis(500),
            Self::Commit => Duration::from_secs(5),
        }
    }

    fn words(self) -> &'static str {
        match self {
            Self::Random => "",
            Self::WriteTx => "aimed at a write tx, ",
            Self::Commit => "aimed at the commit, ",
        }
    }
}

/// Sleeps until `delay` after `start`, then SIGKILLs the child unless it already ended, at the
/// first moment that matches `aim` on `store` (or when the aim's window is over).
fn kill_at(
    child: &mut Child,
    start: Instant,
    delay: Duration,
    store: &Path,
    aim: Aim,
) -> Result<Killed> {
    if let Some(left) = delay.checked_sub(start.elapsed()) {
        std::thread::sleep(left);
    }
    let aim_until = Instant::now() + aim.window();
    let in_tx = loop {
        if child.try_wait().context("polling the child")?.is_some() {
            break None;
        }
        let on_target = match aim {
            Aim::Random => true,
            Aim::WriteTx => in_write_transaction(child.id(), store) != Some(false),
            Aim::Commit => {
                wal_bytes(store) > 0 && in_write_transaction(child.id(), store) != Some(false)
            }
        };
        if on_target || Instant::now() >= aim_until {
            let in_tx = in_write_transaction(child.id(), store);
            // `Child::kill` sends SIGKILL on Unix.
            child.kill().context("killing the child")?;
            break in_tx;
        }
        std::thread::sleep(Duration::from_micros(100));
    };
    let at = start.elapsed();
    let status = child.wait().context("waiting for the killed child")?;
    Ok(Killed { status, at, in_tx })
}

// ---- the generated import file ------------------------------------------------------------------

/// Our own-schema export of the demo programme, copied `copies` times per round with fresh ids
/// and codes (`K00012-C03-HA-0001`), so every round's import is new to the store.
struct Generated {
    root: serde_json::Map<String, Value>,
    features: Vec<Value>,
    copies: usize,
}

fn round_prefix(round: usize) -> String {
    format!("K{round:05}-")
}

impl Generated {
    fn load(path: &Path, copies: usize) -> Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let Value::Object(mut root) = serde_json::from_str::<Value>(&text)? else {
            bail!("{} is not a GeoJSON object", path.display());
        };
        let Some(Value::Array(features)) = root.remove("features") else {
            bail!("{} has no features", path.display());
        };
        Ok(Self {
            root,
            features,
            copies,
        })
    }

    fn write(&self, round: usize, rng: &mut Rng, path: &Path) -> Result<()> {
        let prefix = round_prefix(round);
        let mut out = Vec::with_capacity(self.features.len() * self.copies);
        for copy in 0..self.copies {
            let mut ids: BTreeMap<String, String> = BTreeMap::new();
            for f in &self.features {
                if let Some(id) = f.pointer("/properties/id").and_then(Value::as_str) {
                    ids.insert(id.to_owned(), rng.uuid().to_string());
                }
            }
            let code = |c: &str| format!("{prefix}C{copy:02}-{c}");
            for f in &self.features {
                let mut f = f.clone();
                let Some(props) = f.get_mut("properties").and_then(Value::as_object_mut) else {
                    bail!("a feature of the generated file has no properties");
                };
                for key in ["id", "land_id"] {
                    if let Some(new) = props
                        .get(key)
                        .and_then(Value::as_str)
                        .and_then(|old| ids.get(old))
                    {
                        props.insert(key.to_owned(), Value::String(new.clone()));
                    }
                }
                for key in ["code", "land_code"] {
                    if let Some(old) = props.get(key).and_then(Value::as_str) {
                        let new = code(old);
                        props.insert(key.to_owned(), Value::String(new));
                    }
                }
                let id = props.get("id").cloned();
                if let (Some(id), Some(obj)) = (id, f.as_object_mut()) {
                    obj.insert("id".to_owned(), id);
                }
                out.push(f);
            }
        }
        let mut root = self.root.clone();
        root.insert("features".to_owned(), Value::Array(out));
        let file =
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        serde_json::to_writer(std::io::BufWriter::new(file), &Value::Object(root))
            .with_context(|| format!("writing {}", path.display()))?;
        Ok(())
    }
}

// ---- what the worker reported -------------------------------------------------------------------

#[derive(Default)]
struct Committed {
    lands: BTreeMap<LandId, String>,
    activities: BTreeMap<ActivityId, LandId>,
    reports: BTreeSet<HazardReportId>,
    /// The latest (round, sequence) edit of each land's notes.
    updates: BTreeMap<LandId, (u64, u64)>,
}

/// What one worker round reported.
#[derive(Default)]
struct Reported {
    lands: usize,
    activities: usize,
    updates: usize,
    reports: usize,
    refused: Vec<String>,
    other: Vec<String>,
}

impl Committed {
    fn take(&mut self, line: &str, got: &mut Reported) -> Result<()> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let bad = || anyhow!("unreadable line from worker_edits: {line}");
        match words.as_slice() {
            ["committed", "land", id, code] => {
                let id = LandId::parse(id).ok_or_else(bad)?;
                self.lands.insert(id, (*code).to_owned());
                got.lands += 1;
            }
            ["committed", "activity", id, land] => {
                let id = ActivityId::parse(id).ok_or_else(bad)?;
                let land = LandId::parse(land).ok_or_else(bad)?;
                self.activities.insert(id, land);
                got.activities += 1;
            }
            ["committed", "update", land, round, seq] => {
                let land = LandId::parse(land).ok_or_else(bad)?;
                let edit = (round.parse()?, seq.parse()?);
                let latest = self.updates.entry(land).or_insert(edit);
                *latest = (*latest).max(edit);
                got.updates += 1;
            }
            ["committed", "report", id] => {
                let id = HazardReportId::parse(id).ok_or_else(bad)?;
                self.reports.insert(id);
                got.reports += 1;
            }
            ["refused", ..] => got.refused.push(line.to_owned()),
            ["opened", ..] => {}
            _ => got.other.push(line.to_owned()),
        }
        Ok(())
    }

    /// Every committed record that is missing from the store, in words.
    fn missing(&self, store: &Store, snap: &Snapshot) -> Vec<(String, String)> {
        let mut missing = Vec::new();
        let lands: BTreeMap<LandId, &str> =
            snap.lands.iter().map(|l| (l.id, l.code.as_str())).collect();
        for (id, code) in &self.lands {
            match lands.get(id) {
                Some(c) if c == code => {}
                Some(c) => missing.push((
                    format!("land {id}"),
                    format!("land {id} has code {c}, reported {code}"),
                )),
                None => missing.push((format!("land {id}"), format!("land {code} ({id})"))),
            }
        }
        let activities: BTreeMap<ActivityId, LandId> =
            snap.activities.iter().map(|a| (a.id, a.land_id)).collect();
        for (id, land) in &self.activities {
            match activities.get(id) {
                Some(l) if l == land => {}
                Some(l) => missing.push((
                    format!("activity {id}"),
                    format!("activity {id} is on land {l}, reported {land}"),
                )),
                None => missing.push((format!("activity {id}"), format!("activity {id}"))),
            }
        }
        let reports: BTreeSet<HazardReportId> = snap.reports.iter().map(|r| r.id).collect();
        for id in self.reports.difference(&reports) {
            missing.push((format!("report {id}"), format!("hazard report {id}")));
        }
        for (id, &(round, seq)) in &self.updates {
            let notes = match store.land(*id) {
                Ok(land) => land.notes,
                Err(e) => {
                    missing.push((
                        format!("edit {round}.{seq} {id}"),
                        format!("edit {round}.{seq} of land {id}: {e}"),
                    ));
                    continue;
                }
            };
            let stored = notes
                .strip_prefix(NOTE_MARKER)
                .map(|rest| {
                    let mut it = rest.split_whitespace().map(str::parse::<u64>);
                    (it.next(), it.next())
                })
                .and_then(|pair| match pair {
                    (Some(Ok(r)), Some(Ok(s))) => Some((r, s)),
                    _ => None,
                });
            if stored.is_none_or(|s| s < (round, seq)) {
                missing.push((
                    format!("edit {round}.{seq} {id}"),
                    format!("edit {round}.{seq} of land {id} (the land's notes are '{notes}')"),
                ));
            }
        }
        missing
    }
}

/// Lands whose stored ledger differs from what their activities release, or is inconsistent.
fn bad_ledgers(snap: &Snapshot) -> Vec<String> {
    let mut by_land: BTreeMap<LandId, Vec<&Released>> = BTreeMap::new();
    for a in &snap.activities {
        by_land.entry(a.land_id).or_default().push(&a.released);
    }
    let mut bad = Vec::new();
    for land in &snap.lands {
        let releases = by_land.remove(&land.id).unwrap_or_default();
        let rebuilt = Ledger::from_releases(land.ledger.estimated_m2, releases);
        match rebuilt {
            Ok(l) if l == land.ledger && l.is_consistent() => {}
            Ok(l) => bad.push(format!(
                "{}: stored remaining {} but its activities leave {}",
                land.code,
                land.ledger.remaining(),
                l.remaining()
            )),
            Err(e) => bad.push(format!("{}: {e}", land.code)),
        }
    }
    for land in by_land.keys() {
        bad.push(format!(
            "activities of a land {land} that is not in the store"
        ));
    }
    bad
}

// ---- the harness --------------------------------------------------------------------------------

#[derive(Default)]
struct Tally {
    import_kills: usize,
    worker_kills: usize,
    import_corrupt: usize,
    worker_corrupt: usize,
    partial_imports: usize,
    imports_complete: usize,
    imports_absent: usize,
    /// Import kills that hit the import's write transaction (it held the WAL write lock).
    import_in_tx: usize,
    /// Of those, the imports found absent.
    import_in_tx_absent: usize,
    /// Absent imports whose kill left WAL frames behind: stopped while writing the commit.
    absent_mid_write: usize,
    /// Worker kills that hit a write transaction (an edit being written).
    worker_in_tx: usize,
    /// Worker kills aimed at a write transaction.
    worker_aimed: usize,
    /// Import kills aimed at the commit.
    import_aimed: usize,
    /// The import had finished (exit 0) before the kill.
    imports_finished: usize,
    import_failed_by_itself: usize,
    /// Distinct committed edits found missing.
    lost_edits: usize,
    bad_ledgers: usize,
    worker_died_by_itself: usize,
    edits_reported: usize,
    edits_refused: usize,
    store_shrank: usize,
    /// Kills of the CLI while it wrote a CSV export, a report or restored a backup.
    output_kills: usize,
    output_corrupt: usize,
    /// Outputs found with some but not all of their files under their final names, or a file
    /// under its final name that differs from a clean run's.
    half_written: usize,
    /// Restores found neither entirely done nor entirely undone.
    partial_restores: usize,
    /// Outputs found complete, found absent, and completed by the next run (a commit note).
    outputs_complete: usize,
    outputs_absent: usize,
    outputs_finished_next_run: usize,
    restores_done: usize,
    restores_undone: usize,
    output_failed_by_itself: usize,
    /// Kills of `sync import` (a laptop joining from a full bundle) and `sync export`.
    sync_kills: usize,
    sync_corrupt: usize,
    /// Sync imports found neither entirely applied nor entirely absent.
    sync_partial: usize,
    /// Bundles (or pre-import backups) under their final names that are not whole.
    sync_half_written: usize,
    sync_failed_by_itself: usize,
    sync_applied: usize,
    sync_absent: usize,
    sync_bundles_complete: usize,
    sync_bundles_absent: usize,
}

impl Tally {
    fn failures(&self) -> usize {
        self.import_corrupt
            + self.worker_corrupt
            + self.partial_imports
            + self.import_failed_by_itself
            + self.lost_edits
            + self.bad_ledgers
            + self.worker_died_by_itself
            + self.store_shrank
            + self.output_corrupt
            + self.half_written
            + self.partial_restores
            + self.output_failed_by_itself
            + self.sync_corrupt
            + self.sync_partial
            + self.sync_half_written
            + self.sync_failed_by_itself
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ImportFile {
    Real,
    Generated,
}

struct Calibrated {
    file: PathBuf,
    delta: Counts,
    millis: u64,
}

struct Harness {
    args: Args,
    work: PathBuf,
    rng: Rng,
    out: std::io::StdoutLock<'static>,
    tally: Tally,
    template: PathBuf,
    template_counts: Counts,
    real: Option<Calibrated>,
    generated: Generated,
    gen_calibrated: Calibrated,
    gen_store: PathBuf,
    gen_counts: Counts,
    worker_store: PathBuf,
    worker_counts: Counts,
    committed: Committed,
    /// Every committed edit found missing so far (by record).
    lost: BTreeSet<String>,
    kill_no: usize,
    outputs: Outputs,
    sync: SyncRig,
}

/// What the output rounds kill: a store with thousands of records, clean runs' files to compare
/// with, and a backup of the (smaller) template to restore.
struct Outputs {
    store: PathBuf,
    counts: Counts,
    folder: PathBuf,
    csv_reference: Vec<Vec<u8>>,
    report_reference: Vec<Vec<u8>>,
    csv_ms: u64,
    report_ms: u64,
    restore_ms: u64,
    restore_source: PathBuf,
    restore_source_counts: Counts,
}

/// One of the outputs an output round kills.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OutputOp {
    Csv,
    Report,
    Restore,
}

impl OutputOp {
    fn files(self) -> &'static [&'static str] {
        match self {
            Self::Csv => &["x.csv", "x.activities.csv"],
            Self::Report => &["r.html", "r.summary.csv", "r.lands.csv"],
            Self::Restore => &[],
        }
    }

    fn words(self) -> &'static str {
        match self {
            Self::Csv => "csv export",
            Self::Report => "report",
            Self::Restore => "restore",
        }
    }
}

fn say(out: &mut impl Write, line: &str) -> Result<()> {
    writeln!(out, "{line}").context("writing to stdout")?;
    out.flush().context("flushing stdout")
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Runs the CLI to completion; fails with its stderr when it fails.
fn run_cli(bin: &Path, args: &[&std::ffi::OsStr]) -> Result<Duration> {
    let start = Instant::now();
    let output = std::process::Command::new(bin)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("running {}", bin.display()))?;
    if !output.status.success() {
        bail!(
            "{} {:?} failed: {}",
            bin.display(),
            args,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(start.elapsed())
}

/// A clean (not killed) import: what it writes and how long it takes.
#[derive(Clone, Copy)]
struct Timing {
    /// Whole run, process start to exit, in ms (as are the others).
    total: u64,
    /// Process start to the first sight of the write transaction (the WAL write lock).
    tx_from: Option<u64>,
    /// Process start to the last sight of the write transaction.
    tx_to: Option<u64>,
    /// Process start to the first WAL frame (the store keeps a transaction's pages in its cache,
    /// so this is about when the commit starts writing).
    first_wal: Option<u64>,
}

impl std::fmt::Display for Timing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ms", self.total)?;
        if let (Some(from), Some(to)) = (self.tx_from, self.tx_to) {
            write!(f, "; write transaction seen from {from} to {to} ms")?;
        }
        if let Some(w) = self.first_wal {
            write!(f, "; first WAL frame at {w} ms")?;
        }
        Ok(())
    }
}

/// Imports `file` into a fresh copy of `template`, twice, without killing it: the import's full
/// effect and the faster run's timing (the first run also warms the page cache).
fn calibrate(bin: &Path, template: &Path, store: &Path, file: &Path) -> Result<(Counts, Timing)> {
    copy_store(template, store)?;
    let before = counts(&Store::open(store)?)?;
    let mut best: Option<Timing> = None;
    for _ in 0..2 {
        copy_store(template, store)?;
        let stderr_path = store.with_extension("stderr");
        let start = Instant::now();
        let mut child = std::process::Command::new(bin)
            .arg("--db")
            .arg(store)
            .arg("import")
            .arg(file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&stderr_path)?)
            .spawn()
            .with_context(|| format!("running {}", bin.display()))?;
        let (mut first_wal, mut tx_from, mut tx_to) = (None, None, None);
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            let now = millis(start.elapsed());
            if first_wal.is_none() && wal_bytes(store) > 0 {
                first_wal = Some(now);
            }
            if in_write_transaction(child.id(), store) == Some(true) {
                tx_from.get_or_insert(now);
                tx_to = Some(now);
            }
            std::thread::sleep(Duration::from_millis(1));
        };
        let run = Timing {
            total: millis(start.elapsed()),
            tx_from,
            tx_to,
            first_wal,
        };
        if !status.success() {
            bail!(
                "the clean import of {} failed ({status}): {}",
                file.display(),
                stderr_tail(&stderr_path)
            );
        }
        if best.is_none_or(|b| run.total < b.total) {
            best = Some(run);
        }
    }
    let after = counts(&Store::open(store)?)?;
    remove_store(store)?;
    let best = best.ok_or_else(|| anyhow!("no calibration run"))?;
    Ok((after.minus(before), best))
}

impl Outputs {
    fn setup(
        bin: &Path,
        work: &Path,
        template: &Path,
        template_counts: Counts,
        generated: &Path,
    ) -> Result<Self> {
        let store = work.join("outputs.sqlite");
        copy_store(template, &store)?;
        run_cli(
            bin,
            &[
                "--db".as_ref(),
                store.as_os_str(),
                "import".as_ref(),
                generated.as_os_str(),
            ],
        )?;
        let counts = counts(&Store::open(&store)?)?;
        let restore_source = work.join("restore-source.sqlite");
        remove_store(&restore_source)?;
        copy_store(template, &restore_source)?;
        let folder = work.join("outputs");
        if folder.exists() {
            std::fs::remove_dir_all(&folder)?;
        }
        std::fs::create_dir_all(&folder)?;
        let csv_ms = millis(run_cli(
            bin,
            &[
                "--db".as_ref(),
                store.as_os_str(),
                "export".as_ref(),
                "--format".as_ref(),
                "csv".as_ref(),
                "-o".as_ref(),
                folder.join("x.csv").as_os_str(),
            ],
        )?);
        let report_ms = millis(run_cli(
            bin,
            &[
                "--db".as_ref(),
                store.as_os_str(),
                "report".as_ref(),
                "-o".as_ref(),
                folder.join("r.html").as_os_str(),
            ],
        )?);
        let read = |names: &[&str]| -> Result<Vec<Vec<u8>>> {
            names
                .iter()
                .map(|n| std::fs::read(folder.join(n)).with_context(|| format!("reading {n}")))
                .collect()
        };
        let csv_reference = read(OutputOp::Csv.files())?;
        let report_reference = read(OutputOp::Report.files())?;
        // Restores rewrite the CLI's audit log only; time one on a scratch copy.
        let scratch = work.join("restore-calibration.sqlite");
        copy_store(&store, &scratch)?;
        let restore_ms = millis(run_cli(
            bin,
            &[
                "--db".as_ref(),
                scratch.as_os_str(),
                "restore".as_ref(),
                restore_source.as_os_str(),
            ],
        )?);
        remove_store(&scratch)?;
        for entry in std::fs::read_dir(work)? {
            let path = entry?.path();
            if path.file_name().is_some_and(|n| {
                n.to_string_lossy()
                    .starts_with("restore-calibration.sqlite.before-restore-")
            }) {
                remove_store(&path)?;
            }
        }
        Ok(Self {
            store,
            counts,
            folder,
            csv_reference,
            report_reference,
            csv_ms,
            report_ms,
            restore_ms,
            restore_source,
            restore_source_counts: template_counts,
        })
    }
}

impl Harness {
    fn setup(args: Args, work: PathBuf) -> Result<Self> {
        let mut out = std::io::stdout().lock();
        let rng = Rng::new(args.seed);
        say(
            &mut out,
            &format!(
                "kill_test: {} kills, seed {}, work dir {}",
                args.kills,
                args.seed,
                work.display()
            ),
        )?;
        // The template: the demo programme, written by the CLI, copied out as one clean file.
        let seed_store = work.join("seed.sqlite");
        remove_store(&seed_store)?;
        run_cli(
            &args.bin,
            &["--db".as_ref(), seed_store.as_os_str(), "demo".as_ref()],
        )?;
        let seed_geojson = work.join("seed.geojson");
        run_cli(
            &args.bin,
            &[
                "--db".as_ref(),
                seed_store.as_os_str(),
                "export".as_ref(),
                "--format".as_ref(),
                "geojson".as_ref(),
                "-o".as_ref(),
                seed_geojson.as_os_str(),
            ],
        )?;
        let template = work.join("template.sqlite");
        remove_store(&template)?;
        let template_counts = {
            let store = Store::open(&seed_store)?;
            store.backup_to(&template, safeground::io::output::Replace::Never)?;
            counts(&store)?
        };
        remove_store(&seed_store)?;

        let mut generated = Generated::load(&seed_geojson, args.copies)?;
        let scratch = work.join("calibrate.sqlite");
        let gen_file = work.join("generated-calibration.geojson");
        // Enough copies of the demo export that a clean import takes about a second.
        let (delta, timing) = loop {
            let mut calib_rng = Rng::new(args.seed ^ 0xC0FF_EE00);
            generated.write(0, &mut calib_rng, &gen_file)?;
            let (delta, timing) = calibrate(&args.bin, &template, &scratch, &gen_file)?;
            say(
                &mut out,
                &format!(
                    "calibration: generated file ({} features, {} copies of the demo export): \
                     a clean import writes {delta} and takes {timing}",
                    generated.features.len() * generated.copies,
                    generated.copies
                ),
            )?;
            if timing.total >= TARGET_IMPORT_MS / 2 || generated.copies >= MAX_COPIES {
                break (delta, timing);
            }
            let scaled = generated.copies as u64 * TARGET_IMPORT_MS / timing.total.max(1);
            generated.copies = usize::try_from(scaled)?.clamp(generated.copies + 1, MAX_COPIES);
        };
        if delta.lands == 0 || delta.activities == 0 || delta.reports == 0 {
            bail!("the clean import of the generated file wrote too little: {delta}");
        }
        let gen_calibrated = Calibrated {
            file: gen_file,
            delta,
            millis: timing.total,
        };
        let real = if let Some(file) = &args.real {
            let (delta, timing) = calibrate(&args.bin, &template, &scratch, file)?;
            say(
                &mut out,
                &format!(
                    "calibration: {}: a clean import writes {delta} and takes {timing}",
                    file.display()
                ),
            )?;
            if delta.lands == 0 {
                bail!("the clean import of {} wrote no land", file.display());
            }
            Some(Calibrated {
                file: file.clone(),
                delta,
                millis: timing.total,
            })
        } else {
            say(
                &mut out,
                "note: no --real file; every import kill uses the generated file",
            )?;
            None
        };
        let gen_store = work.join("import-generated.sqlite");
        copy_store(&template, &gen_store)?;
        let worker_store = work.join("worker.sqlite");
        copy_store(&template, &worker_store)?;
        let outputs = Outputs::setup(
            &args.bin,
            &work,
            &template,
            template_counts,
            &gen_calibrated.file,
        )?;
        say(
            &mut out,
            &format!(
                "calibration: outputs on a store of {}: CSV export {} ms, report {} ms, restore {} ms",
                outputs.counts, outputs.csv_ms, outputs.report_ms, outputs.restore_ms
            ),
        )?;
        let sync = SyncRig::setup(&args.bin, &work)?;
        say(
            &mut out,
            &format!(
                "calibration: sync: a full bundle of {} versions ({} lands): export {} ms, a new laptop's import {} ms",
                sync.versions, sync.lands, sync.export_ms, sync.import_ms
            ),
        )?;
        Ok(Self {
            sync,
            args,
            work,
            rng,
            out,
            tally: Tally::default(),
            template,
            template_counts,
            real,
            generated,
            gen_calibrated,
            gen_store,
            gen_counts: template_counts,
            worker_store,
            worker_counts: template_counts,
            committed: Committed::default(),
            lost: BTreeSet::new(),
            kill_no: 0,
            outputs,
        })
    }

    fn line(&mut self, text: &str) -> Result<()> {
        say(&mut self.out, text)
    }

    fn head(&mut self, what: &str) -> String {
        self.kill_no += 1;
        format!("kill {:>4}/{} {what:<16}", self.kill_no, self.args.kills)
    }

    // ---- import kills ----

    fn import_round(&mut self, round: usize) -> Result<()> {
        // Half the import kills (when a real file was given) hit the real file.
        let real = if self.rng.next_u64().is_multiple_of(2) {
            self.real
                .as_ref()
                .map(|r| (r.file.clone(), r.delta, r.millis))
        } else {
            None
        };
        let kind = if real.is_some() {
            ImportFile::Real
        } else {
            ImportFile::Generated
        };
        let (store, file, expected, typical_ms, before) =
            if let Some((file, delta, typical_ms)) = real {
                let store = self.work.join("import-real.sqlite");
                copy_store(&self.template, &store)?;
                (store, file, delta, typical_ms, self.template_counts)
            } else {
                if self.gen_counts.lands > len(GEN_STORE_MAX_LANDS) {
                    copy_store(&self.template, &self.gen_store)?;
                    self.gen_counts = self.template_counts;
                    let text = format!(
                        "           (the generated-import store reached \
                         {GEN_STORE_MAX_LANDS} lands; reset to the template)"
                    );
                    self.line(&text)?;
                }
                let file = self.work.join("generated-round.geojson");
                self.generated.write(round, &mut self.rng, &file)?;
                (
                    self.gen_store.clone(),
                    file,
                    self.gen_calibrated.delta,
                    self.gen_calibrated.millis,
                    self.gen_counts,
                )
            };
        // One import kill in three is aimed at the commit (the short moment when the commit
        // writes the WAL); the others hit a random moment of the whole run.
        let aim = if self.rng.next_u64().is_multiple_of(3) {
            Aim::Commit
        } else {
            Aim::Random
        };
        let delay = match aim {
            Aim::Commit => self.rng.between(0, typical_ms / 2),
            _ => self.rng.between(0, typical_ms * 13 / 10),
        };
        let stderr_path = self.work.join("import.stderr");
        let stderr = std::fs::File::create(&stderr_path)?;
        let start = Instant::now();
        let mut child = std::process::Command::new(&self.args.bin)
            .arg("--db")
            .arg(&store)
            .arg("import")
            .arg(&file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .with_context(|| format!("starting {}", self.args.bin.display()))?;
        let Killed { status, at, in_tx } =
            kill_at(&mut child, start, Duration::from_millis(delay), &store, aim)?;
        if aim != Aim::Random {
            self.tally.import_aimed += 1;
        }
        let wal = wal_bytes(&store);
        let what = match kind {
            ImportFile::Real => "import real",
            ImportFile::Generated => "import generated",
        };
        let mut text = vec![format!("{} after {:>5} ms ", self.head(what), millis(at))];
        self.tally.import_kills += 1;
        let killed = killed_by_signal(status);
        if in_tx == Some(true) {
            self.tally.import_in_tx += 1;
        }
        if killed {
            text.push(format!(
                "({}killed {}, WAL {:>8} B) ",
                aim.words(),
                tx_words(in_tx),
                wal
            ));
        } else if status.success() {
            self.tally.imports_finished += 1;
            text.push(format!("{:<40}", "(had finished)"));
        } else {
            self.tally.import_failed_by_itself += 1;
            text.push(format!(
                "FAILED BY ITSELF ({status}): {} ",
                stderr_tail(&stderr_path)
            ));
        }
        let store_handle = match open_checked(&store) {
            Ok(s) => s,
            Err(why) => {
                self.tally.import_corrupt += 1;
                text.push(format!("→ CORRUPT STORE: {why}"));
                if kind == ImportFile::Generated {
                    // Keep the damaged file for inspection; go on with a fresh store.
                    let kept = self.work.join(format!("corrupt-round-{round}.sqlite"));
                    for suffix in ["", "-wal"] {
                        let (mut from, mut to) =
                            (store.as_os_str().to_owned(), kept.as_os_str().to_owned());
                        from.push(suffix);
                        to.push(suffix);
                        if Path::new(&from).exists() {
                            std::fs::rename(&from, &to)?;
                        }
                    }
                    text.push(format!(" (kept as {})", kept.display()));
                    copy_store(&self.template, &self.gen_store)?;
                    self.gen_counts = self.template_counts;
                }
                return self.line(&text.concat());
            }
        };
        let snap = Snapshot::load(&store_handle)?;
        drop(store_handle);
        let after = snap.counts();
        let delta = after.minus(before);
        let in_round = match kind {
            ImportFile::Generated => Some(snap.with_prefix(&round_prefix(round))),
            ImportFile::Real => None,
        };
        let prefix_matches = in_round.is_none_or(|p| {
            p.lands == delta.lands && p.activities == delta.activities && p.reports == delta.reports
        });
        if delta == expected && prefix_matches {
            self.tally.imports_complete += 1;
            text.push(format!("→ ok, import complete ({delta})"));
        } else if delta.is_zero() && prefix_matches && (killed || !status.success()) {
            self.tally.imports_absent += 1;
            if in_tx == Some(true) {
                self.tally.import_in_tx_absent += 1;
            }
            if wal > 0 {
                self.tally.absent_mid_write += 1;
            }
            text.push("→ ok, import absent".to_owned());
        } else {
            self.tally.partial_imports += 1;
            text.push(format!(
                "→ PARTIAL IMPORT: {delta}, expected nothing or {expected}{}",
                in_round.map_or(String::new(), |p| format!(
                    "; records with this round's codes: {p}"
                ))
            ));
        }
        if kind == ImportFile::Generated {
            self.gen_counts = after;
        }
        self.line(&text.concat())
    }

    // ---- worker kills ----

    fn worker_round(&mut self, round: usize) -> Result<()> {
        let delay = self.rng.between(50, 1500);
        let worker_seed = self.rng.next_u64();
        // Every other worker kill (by the seed) is aimed: after the random delay, it waits for
        // the worker to be inside a write transaction and kills it there. The worker spends only
        // a few percent of its time writing (it reloads the lists after every edit, as for the
        // UI), so unaimed kills rarely hit a commit.
        let aim = if self.rng.next_u64().is_multiple_of(2) {
            Aim::WriteTx
        } else {
            Aim::Random
        };
        let stderr_path = self.work.join("worker.stderr");
        let stderr = std::fs::File::create(&stderr_path)?;
        let start = Instant::now();
        let mut child = std::process::Command::new(&self.args.worker)
            .arg("--db")
            .arg(&self.worker_store)
            .arg("--seed")
            .arg(worker_seed.to_string())
            .arg("--round")
            .arg(round.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .with_context(|| format!("starting {}", self.args.worker.display()))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| anyhow!("the worker's stdout is not piped"))?;
        let reader = std::thread::Builder::new()
            .name("worker-stdout".to_owned())
            .spawn(move || -> std::io::Result<Vec<String>> {
                let mut lines = Vec::new();
                let mut r = std::io::BufReader::new(stdout);
                let mut line = String::new();
                loop {
                    line.clear();
                    if r.read_line(&mut line)? == 0 {
                        return Ok(lines);
                    }
                    // A line cut short by the kill was not reported.
                    if let Some(complete) = line.strip_suffix('\n') {
                        lines.push(complete.to_owned());
                    }
                }
            })
            .context("starting the stdout reader thread")?;
        let Killed { status, at, in_tx } = kill_at(
            &mut child,
            start,
            Duration::from_millis(delay),
            &self.worker_store,
            aim,
        )?;
        if aim != Aim::Random {
            self.tally.worker_aimed += 1;
        }
        if in_tx == Some(true) {
            self.tally.worker_in_tx += 1;
        }
        let lines = reader
            .join()
            .map_err(|panic| anyhow!("the stdout reader thread panicked: {panic:?}"))?
            .context("reading the worker's stdout")?;
        self.tally.worker_kills += 1;
        let mut got = Reported::default();
        for l in &lines {
            self.committed.take(l, &mut got)?;
        }
        let reported = got.lands + got.activities + got.updates + got.reports;
        self.tally.edits_reported += reported;
        self.tally.edits_refused += got.refused.len();
        let mut text = vec![format!(
            "{} after {:>5} ms ({}killed {}; {} edits reported: {} lands, {} activities, {} updates, \
             {} reports{}) ",
            self.head("worker"),
            millis(at),
            aim.words(),
            tx_words(in_tx),
            reported,
            got.lands,
            got.activities,
            got.updates,
            got.reports,
            if got.refused.is_empty() {
                String::new()
            } else {
                format!(
                    ", {} refused: {}",
                    got.refused.len(),
                    got.refused.join(" / ")
                )
            }
        )];
        if !killed_by_signal(status) {
            self.tally.worker_died_by_itself += 1;
            text.push(format!(
                "WORKER ENDED BY ITSELF ({status}): {} {} ",
                stderr_tail(&stderr_path),
                got.other.join(" | ")
            ));
        }
        let store = match open_checked(&self.worker_store) {
            Ok(s) => s,
            Err(why) => {
                self.tally.worker_corrupt += 1;
                text.push(format!("→ CORRUPT STORE: {why}"));
                return self.line(&text.concat());
            }
        };
        let snap = Snapshot::load(&store)?;
        let missing = self.committed.missing(&store, &snap);
        drop(store);
        let ledgers = bad_ledgers(&snap);
        let lands = snap.lands.len();
        let now = snap.counts();
        let mut problems = Vec::new();
        if !missing.is_empty() {
            // Each lost edit is counted once, however many later rounds find it missing.
            self.lost.extend(missing.iter().map(|(key, _)| key.clone()));
            self.tally.lost_edits = self.lost.len();
            let texts: Vec<&str> = missing.iter().map(|(_, text)| text.as_str()).collect();
            problems.push(format!(
                "LOST {} COMMITTED EDITS: {}",
                missing.len(),
                texts.join("; ")
            ));
        }
        if !ledgers.is_empty() {
            self.tally.bad_ledgers += ledgers.len();
            problems.push(format!(
                "{} INCONSISTENT LEDGERS: {}",
                ledgers.len(),
                ledgers.join("; ")
            ));
        }
        let d = now.minus(self.worker_counts);
        if d.lands < 0 || d.activities < 0 || d.reports < 0 || d.audit < 0 {
            self.tally.store_shrank += 1;
            problems.push(format!("STORE SHRANK: {d}"));
        }
        self.worker_counts = now;
        if problems.is_empty() {
            text.push(format!(
                "→ ok, all {} committed records and land edits so far present; {lands} ledgers \
                 consistent",
                self.committed.lands.len()
                    + self.committed.activities.len()
                    + self.committed.reports.len()
                    + self.committed.updates.len()
            ));
        } else {
            text.push("→ ".to_owned());
            text.push(problems.join("; "));
        }
        self.line(&text.concat())
    }

    // ---- output kills ----

    fn output_round(&mut self) -> Result<()> {
        let op = match self.rng.next_u64() % 3 {
            0 => OutputOp::Csv,
            1 => OutputOp::Report,
            _ => OutputOp::Restore,
        };
        let o = &self.outputs;
        let folder = o.folder.clone();
        // Start from nothing under the final names (and no leftovers), so "none" and "all" can
        // be told apart.
        if folder.exists() {
            std::fs::remove_dir_all(&folder)?;
        }
        std::fs::create_dir_all(&folder)?;
        let store = self.work.join("output-round.sqlite");
        copy_store(&o.store, &store)?;
        let typical_ms = match op {
            OutputOp::Csv => o.csv_ms,
            OutputOp::Report => o.report_ms,
            OutputOp::Restore => o.restore_ms,
        };
        let delay = self.rng.between(0, typical_ms * 13 / 10);
        let mut command = std::process::Command::new(&self.args.bin);
        command.arg("--db").arg(&store);
        match op {
            OutputOp::Csv => {
                command
                    .args(["export", "--format", "csv", "-o"])
                    .arg(folder.join("x.csv"));
            }
            OutputOp::Report => {
                command.args(["report", "-o"]).arg(folder.join("r.html"));
            }
            OutputOp::Restore => {
                command.arg("restore").arg(&o.restore_source);
            }
        }
        let stderr_path = self.work.join("output.stderr");
        let start = Instant::now();
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&stderr_path)?)
            .spawn()
            .with_context(|| format!("starting {}", self.args.bin.display()))?;
        let Killed { status, at, in_tx } = kill_at(
            &mut child,
            start,
            Duration::from_millis(delay),
            &store,
            Aim::Random,
        )?;
        self.tally.output_kills += 1;
        let mut text = vec![format!(
            "{} after {:>5} ms ",
            self.head(op.words()),
            millis(at)
        )];
        let killed = killed_by_signal(status);
        if killed {
            text.push(format!("(killed {}) ", tx_words(in_tx)));
        } else if status.success() {
            text.push(format!("{:<40}", "(had finished)"));
        } else {
            self.tally.output_failed_by_itself += 1;
            text.push(format!(
                "FAILED BY ITSELF ({status}): {} ",
                stderr_tail(&stderr_path)
            ));
        }
        // The store is sound whatever was killed.
        let store_handle = match open_checked(&store) {
            Ok(s) => s,
            Err(why) => {
                self.tally.output_corrupt += 1;
                text.push(format!("→ CORRUPT STORE: {why}"));
                return self.line(&text.concat());
            }
        };
        let now = counts(&store_handle)?;
        drop(store_handle);
        if op == OutputOp::Restore {
            let before = self.outputs.counts;
            let restored = self.outputs.restore_source_counts;
            // The audit log gains the restore's own entry; compare the records.
            let same = |a: Counts, b: Counts| {
                a.lands == b.lands && a.activities == b.activities && a.reports == b.reports
            };
            if same(now, restored) {
                self.tally.restores_done += 1;
                text.push("→ ok, restore done".to_owned());
            } else if same(now, before) {
                self.tally.restores_undone += 1;
                text.push("→ ok, restore undone (the store as it was)".to_owned());
            } else {
                self.tally.partial_restores += 1;
                text.push(format!(
                    "→ PARTIAL RESTORE: {now}, expected {before} or {restored}"
                ));
            }
            // A `.before-restore` copy under its final name must be complete.
            for entry in std::fs::read_dir(&self.work)? {
                let path = entry?.path();
                let name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                if name.starts_with("output-round.sqlite.before-restore-")
                    && path.extension().is_some_and(|e| e == "bak")
                {
                    match open_checked(&path).and_then(|s| counts(&s).map_err(|e| e.to_string())) {
                        Ok(c) if same(c, before) => {}
                        Ok(c) => {
                            self.tally.half_written += 1;
                            text.push(format!("; HALF-WRITTEN PREVIOUS-CONTENTS COPY: {c}"));
                        }
                        Err(why) => {
                            self.tally.half_written += 1;
                            text.push(format!("; BROKEN PREVIOUS-CONTENTS COPY: {why}"));
                        }
                    }
                    remove_store(&path)?;
                }
            }
            return self.line(&text.concat());
        }
        let reference = match op {
            OutputOp::Csv => &self.outputs.csv_reference,
            _ => &self.outputs.report_reference,
        };
        let check = |folder: &Path| -> (usize, Vec<String>) {
            let mut present = 0;
            let mut wrong = Vec::new();
            for (name, expected) in op.files().iter().zip(reference) {
                if let Ok(bytes) = std::fs::read(folder.join(name)) {
                    present += 1;
                    if &bytes != expected {
                        wrong.push((*name).to_owned());
                    }
                }
            }
            (present, wrong)
        };
        let all = op.files().len();
        let (mut present, mut wrong) = check(&folder);
        let note_left = std::fs::read_dir(&folder)?
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(".sg-commit"));
        let mut by_next_run = false;
        if present != 0 && present != all && note_left {
            // Killed between two renames: the next output in this folder finishes them.
            safeground::io::output::recover_folder(&folder);
            (present, wrong) = check(&folder);
            by_next_run = true;
        }
        if !wrong.is_empty() || (present != 0 && present != all) {
            self.tally.half_written += 1;
            text.push(format!(
                "→ HALF-WRITTEN OUTPUT: {present} of {all} files under their names{}",
                if wrong.is_empty() {
                    String::new()
                } else {
                    format!(", differing from a clean run: {}", wrong.join(", "))
                }
            ));
        } else if present == all {
            if by_next_run {
                self.tally.outputs_finished_next_run += 1;
                text.push("→ ok, all files, the last renames finished by the next run".to_owned());
            } else {
                self.tally.outputs_complete += 1;
                text.push(format!("→ ok, all {all} files complete"));
            }
        } else {
            self.tally.outputs_absent += 1;
            text.push("→ ok, no file under its name".to_owned());
        }
        self.line(&text.concat())
    }

    fn summary(&mut self, wall: Duration) -> Result<()> {
        let t = &self.tally;
        let rows: Vec<(&str, String, String, String)> = vec![
            (
                "kills",
                t.import_kills.to_string(),
                t.worker_kills.to_string(),
                (t.import_kills + t.worker_kills).to_string(),
            ),
            (
                "corrupt stores (must be 0)",
                t.import_corrupt.to_string(),
                t.worker_corrupt.to_string(),
                (t.import_corrupt + t.worker_corrupt).to_string(),
            ),
            (
                "partial imports (must be 0)",
                t.partial_imports.to_string(),
                "-".into(),
                t.partial_imports.to_string(),
            ),
            (
                "lost committed edits (must be 0)",
                "-".into(),
                t.lost_edits.to_string(),
                t.lost_edits.to_string(),
            ),
            (
                "inconsistent ledgers (must be 0)",
                "-".into(),
                t.bad_ledgers.to_string(),
                t.bad_ledgers.to_string(),
            ),
            (
                "ended by itself, not killed (must be 0)",
                t.import_failed_by_itself.to_string(),
                t.worker_died_by_itself.to_string(),
                (t.import_failed_by_itself + t.worker_died_by_itself).to_string(),
            ),
            (
                "imports found complete",
                t.imports_complete.to_string(),
                "-".into(),
                t.imports_complete.to_string(),
            ),
            (
                "  of which had finished before the kill",
                t.imports_finished.to_string(),
                "-".into(),
                t.imports_finished.to_string(),
            ),
            (
                "imports found absent",
                t.imports_absent.to_string(),
                "-".into(),
                t.imports_absent.to_string(),
            ),
            (
                "  of which left an uncommitted WAL behind",
                t.absent_mid_write.to_string(),
                "-".into(),
                t.absent_mid_write.to_string(),
            ),
            (
                "kills aimed (imports: commit; worker: write tx)",
                t.import_aimed.to_string(),
                t.worker_aimed.to_string(),
                (t.import_aimed + t.worker_aimed).to_string(),
            ),
            (
                "kills inside a write transaction",
                t.import_in_tx.to_string(),
                t.worker_in_tx.to_string(),
                (t.import_in_tx + t.worker_in_tx).to_string(),
            ),
            (
                "  imports killed inside it and found absent",
                t.import_in_tx_absent.to_string(),
                "-".into(),
                t.import_in_tx_absent.to_string(),
            ),
            (
                "committed edits reported and verified",
                "-".into(),
                t.edits_reported.to_string(),
                t.edits_reported.to_string(),
            ),
            (
                "edits refused by the store (info)",
                "-".into(),
                t.edits_refused.to_string(),
                t.edits_refused.to_string(),
            ),
        ];
        let output_rows: Vec<(&str, usize)> = vec![
            ("output kills (CSV export, report, restore)", t.output_kills),
            ("  corrupt stores (must be 0)", t.output_corrupt),
            ("  half-written outputs (must be 0)", t.half_written),
            ("  partial restores (must be 0)", t.partial_restores),
            (
                "  ended by itself, not killed (must be 0)",
                t.output_failed_by_itself,
            ),
            ("  outputs found complete", t.outputs_complete),
            ("  outputs found absent", t.outputs_absent),
            (
                "  outputs finished by the next run",
                t.outputs_finished_next_run,
            ),
            ("  restores found done", t.restores_done),
            ("  restores found undone", t.restores_undone),
            ("sync kills (sync import, sync export)", t.sync_kills),
            ("  corrupt stores (must be 0)", t.sync_corrupt),
            ("  half-applied imports (must be 0)", t.sync_partial),
            (
                "  half-written bundles or backups (must be 0)",
                t.sync_half_written,
            ),
            (
                "  ended by itself, not killed (must be 0)",
                t.sync_failed_by_itself,
            ),
            ("  imports found applied", t.sync_applied),
            ("  imports found absent", t.sync_absent),
            ("  bundles found complete", t.sync_bundles_complete),
            ("  bundles found absent", t.sync_bundles_absent),
        ];
        let failures = t.failures();
        let mut lines = vec![
            String::new(),
            format!(
                "{:<48} {:>7} {:>7} {:>7}",
                "summary", "import", "worker", "total"
            ),
            "-".repeat(72),
        ];
        for (label, a, b, c) in rows {
            lines.push(format!("{label:<48} {a:>7} {b:>7} {c:>7}"));
        }
        lines.push("-".repeat(72));
        for (label, n) in output_rows {
            lines.push(format!("{label:<48} {n:>23}"));
        }
        lines.push("-".repeat(72));
        lines.push(format!(
            "wall time {:.1} s, seed {}; {}",
            wall.as_secs_f64(),
            self.args.seed,
            if failures == 0 {
                "PASS".to_owned()
            } else {
                format!("FAIL ({failures} failures)")
            }
        ));
        for l in lines {
            self.line(&l)?;
        }
        Ok(())
    }
}

fn main() -> Result<()> {
    let started = Instant::now();
    let args = parse_args()?;
    let (work, temp) = if let Some(dir) = &args.work {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        (dir.clone(), None)
    } else {
        let t = tempfile::Builder::new()
            .prefix("kill_test-")
            .tempdir()
            .context("creating a work directory")?;
        (t.path().to_owned(), Some(t))
    };
    let mut h = Harness::setup(args, work)?;
    // A quarter of the kills hit imports, a quarter the worker, a quarter the outputs (CSV
    // export, report, restore), a quarter sync bundles (import, export), in a seeded order.
    let mut plan: Vec<usize> = (0..h.args.kills).map(|i| i % 4).collect();
    for i in (1..plan.len()).rev() {
        let j = usize::try_from(h.rng.next_u64() % (i as u64 + 1))?;
        plan.swap(i, j);
    }
    for (round, kind) in plan.into_iter().enumerate() {
        let round = round + 1;
        match kind {
            0 => h.import_round(round)?,
            1 => h.worker_round(round)?,
            2 => h.output_round()?,
            _ => h.sync_round()?,
        }
    }
    h.summary(started.elapsed())?;
    let failures = h.tally.failures();
    if failures > 0 {
        if let Some(t) = temp {
            let kept = t.keep();
            h.line(&format!(
                "the stores are kept in {} for inspection",
                kept.display()
            ))?;
        }
        bail!("{failures} crash-safety failures (see the lines above)");
    }
    Ok(())
}

// ---- sync bundles (issue 15): kills of `sync import` and `sync export` -------------------------

/// What the sync rounds kill: an office store with a synthetic programme, its full bundle, and
/// how long a clean import (a new laptop joining) and a clean export take.
struct SyncRig {
    office: PathBuf,
    bundle: PathBuf,
    versions: i64,
    lands: i64,
    import_ms: u64,
    export_ms: u64,
}

/// Versions and lands in a store, read directly (0, 0 for a file that is not there).
fn sync_counts(path: &Path) -> std::result::Result<(i64, i64), String> {
    if !path.exists() {
        return Ok((0, 0));
    }
    let store = open_checked(path)?;
    drop(store);
    let conn = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
    let versions: i64 = conn
        .query_row("SELECT count(*) FROM record_version", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    let lands: i64 = conn
        .query_row("SELECT count(*) FROM land", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    Ok((versions, lands))
}

impl SyncRig {
    fn setup(bin: &Path, work: &Path) -> Result<Self> {
        let office = work.join("sync-office.sqlite");
        remove_store(&office)?;
        run_cli(
            bin,
            &[
                "--db".as_ref(),
                office.as_os_str(),
                "demo".as_ref(),
                "--synthetic".as_ref(),
                "1500".as_ref(),
            ],
        )?;
        let bundle = work.join("sync-all.sgbundle");
        if bundle.exists() {
            std::fs::remove_file(&bundle)?;
        }
        let export = run_cli(
            bin,
            &[
                "--db".as_ref(),
                office.as_os_str(),
                "sync".as_ref(),
                "export".as_ref(),
                "--all".as_ref(),
                "-o".as_ref(),
                bundle.as_os_str(),
            ],
        )?;
        let (versions, lands) = sync_counts(&office).map_err(|e| anyhow!(e))?;
        let joined = work.join("sync-calibrate.sqlite");
        remove_store(&joined)?;
        let import = run_cli(
            bin,
            &[
                "--db".as_ref(),
                joined.as_os_str(),
                "sync".as_ref(),
                "import".as_ref(),
                bundle.as_os_str(),
            ],
        )?;
        let got = sync_counts(&joined).map_err(|e| anyhow!(e))?;
        if got != (versions, lands) {
            bail!(
                "a clean sync import gave {got:?}, expected {:?}",
                (versions, lands)
            );
        }
        remove_store(&joined)?;
        remove_backups(work, "sync-calibrate.sqlite.before-sync-")?;
        Ok(Self {
            office,
            bundle,
            versions,
            lands,
            import_ms: millis(import),
            export_ms: millis(export),
        })
    }
}

/// Removes the backups a sync import left beside a store (`<prefix>…`).
fn remove_backups(work: &Path, prefix: &str) -> Result<()> {
    for entry in std::fs::read_dir(work)? {
        let path = entry?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

impl Harness {
    fn sync_round(&mut self) -> Result<()> {
        let export = self.rng.next_u64().is_multiple_of(2);
        let rig = &self.sync;
        let (typical, what) = if export {
            (rig.export_ms, "sync export")
        } else {
            (rig.import_ms, "sync import")
        };
        let delay = self.rng.between(0, typical * 13 / 10);
        let joined = self.work.join("sync-join.sqlite");
        let folder = self.work.join("sync-out");
        let target = folder.join("for-office.sgbundle");
        let mut command = std::process::Command::new(&self.args.bin);
        if export {
            if folder.exists() {
                std::fs::remove_dir_all(&folder)?;
            }
            std::fs::create_dir_all(&folder)?;
            command
                .arg("--db")
                .arg(&rig.office)
                .args(["sync", "export", "--all", "-o"])
                .arg(&target);
        } else {
            remove_store(&joined)?;
            remove_backups(&self.work, "sync-join.sqlite.before-sync-")?;
            command
                .arg("--db")
                .arg(&joined)
                .args(["sync", "import"])
                .arg(&rig.bundle);
        }
        let watched = if export {
            rig.office.clone()
        } else {
            joined.clone()
        };
        let stderr_path = self.work.join("sync.stderr");
        let start = Instant::now();
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&stderr_path)?)
            .spawn()
            .with_context(|| format!("starting {}", self.args.bin.display()))?;
        let Killed { status, at, in_tx } = kill_at(
            &mut child,
            start,
            Duration::from_millis(delay),
            &watched,
            Aim::Random,
        )?;
        self.tally.sync_kills += 1;
        let mut text = vec![format!("{} after {:>5} ms ", self.head(what), millis(at))];
        if killed_by_signal(status) {
            text.push(format!("(killed {}) ", tx_words(in_tx)));
        } else if status.success() {
            text.push(format!("{:<40}", "(had finished)"));
        } else {
            self.tally.sync_failed_by_itself += 1;
            text.push(format!(
                "FAILED BY ITSELF ({status}): {} ",
                stderr_tail(&stderr_path)
            ));
        }
        let (versions, lands) = (self.sync.versions, self.sync.lands);
        if export {
            // The office store is untouched and sound; the bundle is there whole or not at all.
            match sync_counts(&self.sync.office) {
                Ok(c) if c == (versions, lands) => {}
                Ok(c) => {
                    self.tally.sync_partial += 1;
                    text.push(format!("→ THE OFFICE STORE CHANGED: {c:?} "));
                }
                Err(why) => {
                    self.tally.sync_corrupt += 1;
                    text.push(format!("→ CORRUPT OFFICE STORE: {why} "));
                }
            }
            if target.exists() {
                let probe = self.work.join("sync-probe.sqlite");
                remove_store(&probe)?;
                let ok = run_cli(
                    &self.args.bin,
                    &[
                        "--db".as_ref(),
                        probe.as_os_str(),
                        "sync".as_ref(),
                        "import".as_ref(),
                        "--dry-run".as_ref(),
                        target.as_os_str(),
                    ],
                );
                remove_store(&probe)?;
                match ok {
                    Ok(_) => {
                        self.tally.sync_bundles_complete += 1;
                        text.push("→ ok, the bundle is complete (its checksums hold)".to_owned());
                    }
                    Err(e) => {
                        self.tally.sync_half_written += 1;
                        text.push(format!("→ HALF-WRITTEN BUNDLE: {e}"));
                    }
                }
            } else {
                self.tally.sync_bundles_absent += 1;
                text.push("→ ok, no bundle under its name".to_owned());
            }
            return self.line(&text.concat());
        }
        match sync_counts(&joined) {
            Ok((0, 0)) => {
                self.tally.sync_absent += 1;
                text.push("→ ok, nothing applied (the store as it was)".to_owned());
            }
            Ok(c) if c == (versions, lands) => {
                self.tally.sync_applied += 1;
                text.push(format!("→ ok, all {versions} versions applied"));
            }
            Ok(c) => {
                self.tally.sync_partial += 1;
                text.push(format!(
                    "→ HALF-APPLIED: {c:?} of {:?} (versions, lands)",
                    (versions, lands)
                ));
            }
            Err(why) => {
                self.tally.sync_corrupt += 1;
                text.push(format!("→ CORRUPT STORE: {why}"));
            }
        }
        // A backup taken before the import, under its final name, is the store as it was.
        for entry in std::fs::read_dir(&self.work)? {
            let path = entry?.path();
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if name.starts_with("sync-join.sqlite.before-sync-")
                && path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("bak"))
            {
                match sync_counts(&path) {
                    Ok((0, 0)) => {}
                    Ok(c) => {
                        self.tally.sync_half_written += 1;
                        text.push(format!("; THE BACKUP IS NOT THE STORE AS IT WAS: {c:?}"));
                    }
                    Err(why) => {
                        self.tally.sync_half_written += 1;
                        text.push(format!("; BROKEN BACKUP: {why}"));
                    }
                }
            }
        }
        self.line(&text.concat())
    }
}
