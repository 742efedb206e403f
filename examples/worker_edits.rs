//! A headless editor for the crash-safety harness (`examples/kill_test.rs`, SPEC §4).
//!
//! Opens a store through the real app worker (`safeground::app::Worker`) and edits it in a loop,
//! as a person would through the forms, but as fast as the worker answers: it creates lands,
//! records activities that release a little area, edits land notes and records hazard reports.
//! After each edit the worker reports as **committed** it prints one line to stdout and flushes,
//! so the harness knows what must survive a kill:
//!
//! ```text
//! opened lands=<n>
//! committed land <land-uuid> <code>
//! committed activity <activity-uuid> <land-uuid>
//! committed update <land-uuid> <round> <sequence>
//! committed report <report-uuid>
//! refused <what>: <message>
//! ```
//!
//! It never stops by itself: the harness kills it (SIGKILL).
//!
//! `cargo run --release --example worker_edits -- --db STORE [--seed S] [--round R] [--max-lands N]`

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use safeground::app::{Command, Form, Outcome, Worker};
use safeground::domain::LandSummary;
use safeground::domain::{
    ActivityDraft, Actor, HazardReportDraft, LandDraft, LandId, LandStatus, LonLat, PointKind,
    PointSource, SurveyPoint, join_field_errors,
};
use safeground::synthetic::Rng;

/// How long to wait for the worker's answer before giving up.
const ANSWER_TIMEOUT: Duration = Duration::from_mins(1);
/// Marker at the start of the notes this tool writes; the harness reads the sequence after it.
const NOTE_MARKER: &str = "kill-test edit";
/// Grid of new lands: one every `GRID_STEP_DEG` degrees, `GRID_COLUMNS` per row, far from the
/// demo programme's lands near Doboj so no two polygons overlap.
const GRID_ORIGIN: (f64, f64) = (16.0, 43.0);
const GRID_STEP_DEG: f64 = 0.005;
const GRID_COLUMNS: usize = 100;

struct Args {
    db: PathBuf,
    seed: u64,
    round: u64,
    max_lands: usize,
}

fn parse_args() -> Result<Args> {
    let mut args = std::env::args_os().skip(1);
    let mut db = None;
    let mut seed = 1;
    let mut round = 0;
    let mut max_lands = 400;
    while let Some(flag) = args.next() {
        let flag = flag.to_string_lossy().into_owned();
        let value = args.next().ok_or_else(|| anyhow!("{flag} needs a value"))?;
        let number = || {
            value
                .to_string_lossy()
                .parse::<u64>()
                .with_context(|| format!("{flag} needs a whole number"))
        };
        match flag.as_str() {
            "--db" => db = Some(PathBuf::from(&value)),
            "--seed" => seed = number()?,
            "--round" => round = number()?,
            "--max-lands" => {
                max_lands = usize::try_from(number()?).context("--max-lands is too large")?;
            }
            other => bail!(
                "unknown option {other}; usage: worker_edits --db STORE [--seed S] [--round R] [--max-lands N]"
            ),
        }
    }
    Ok(Args {
        db: db.ok_or_else(|| anyhow!("--db STORE is required"))?,
        seed,
        round,
        max_lands,
    })
}

/// The editing session: the worker, what it last said about the lands, and stdout.
struct Session {
    worker: Worker,
    lands: Vec<LandSummary>,
    out: std::io::StdoutLock<'static>,
    rng: Rng,
    round: u64,
    sequence: u64,
    next_grid_cell: usize,
}

impl Session {
    /// One line to stdout, flushed at once (the harness reads it even if we are killed next).
    fn say(&mut self, line: &str) -> Result<()> {
        writeln!(self.out, "{line}").context("writing to stdout")?;
        self.out.flush().context("flushing stdout")
    }

    /// The worker's next outcome; progress updates are skipped.
    fn next(&self) -> Result<Outcome> {
        loop {
            match self.worker.recv_blocking(ANSWER_TIMEOUT) {
                Some(Outcome::Progress { .. }) => {}
                Some(o) => return Ok(o),
                None => bail!(
                    "the database worker stopped or did not answer within {} s",
                    ANSWER_TIMEOUT.as_secs()
                ),
            }
        }
    }

    fn send(&self, command: Command) -> Result<()> {
        if self.worker.send(command) {
            Ok(())
        } else {
            bail!("the database worker's queue is full or closed")
        }
    }

    /// Waits for the fresh lists the worker sends after every committed edit.
    fn wait_records(&mut self) -> Result<()> {
        loop {
            match self.next()? {
                Outcome::Records(r) => {
                    self.lands = r.lands.into_iter().map(|m| m.summary).collect();
                    return Ok(());
                }
                Outcome::Failed { action, error } => bail!("{action}: {error}"),
                _ => {}
            }
        }
    }

    fn refused(&mut self, what: &str, message: &str) -> Result<()> {
        self.say(&format!("refused {what}: {message}"))
    }

    fn create_land(&mut self) -> Result<()> {
        let cell = self.next_grid_cell;
        self.next_grid_cell += 1;
        let lon = GRID_ORIGIN.0 + (cell % GRID_COLUMNS) as f64 * GRID_STEP_DEG;
        let lat = GRID_ORIGIN.1 + (cell / GRID_COLUMNS) as f64 * GRID_STEP_DEG;
        // 60–140 m sides: about 4 000–20 000 m².
        let side_m = 60.0 + self.rng.below(81) as f64;
        let land = square_land(&format!("kill-test land {cell}"), lon, lat, side_m)?;
        self.send(Command::CreateLand(Box::new(land)))?;
        loop {
            match self.next()? {
                Outcome::LandSaved { id, code } => {
                    self.say(&format!("committed land {id} {code}"))?;
                    return self.wait_records();
                }
                Outcome::Refused { error, .. } => return self.refused("land", &error.to_string()),
                Outcome::Failed { action, error } => bail!("{action}: {error}"),
                _ => {}
            }
        }
    }

    fn add_activity(&mut self, land: LandId) -> Result<()> {
        // 5–60 m², far below what any land holds, so the ledger never runs out.
        let m2 = (5 + self.rng.below(56)).to_string();
        let mut draft = ActivityDraft {
            start_date: "2025-04-01".into(),
            end_date: "2025-04-03".into(),
            organisation: "Kill Test Demining".into(),
            team: "Team K".into(),
            notes: format!("kill-test round {}", self.round),
            ..ActivityDraft::default()
        };
        match self.rng.below(3) {
            0 => {
                draft.kind = "nts".into();
                draft.cancelled_m2 = m2;
            }
            1 => {
                draft.kind = "ts".into();
                draft.reduced_with_asset_m2 = m2;
            }
            _ => {
                draft.kind = "clearance".into();
                draft.cleared_m2 = m2;
            }
        }
        let activity = draft
            .validate(land)
            .map_err(|e| anyhow!("activity draft: {}", join_field_errors(&e)))?;
        let id = activity.id;
        self.send(Command::AddActivity(Box::new(activity)))?;
        loop {
            match self.next()? {
                Outcome::ActivityRecorded { land, .. } => {
                    self.say(&format!("committed activity {id} {land}"))?;
                    return self.wait_records();
                }
                Outcome::Refused { error, .. } => {
                    return self.refused("activity", &error.to_string());
                }
                Outcome::Failed { action, error } => bail!("{action}: {error}"),
                _ => {}
            }
        }
    }

    fn update_land(&mut self, id: LandId) -> Result<()> {
        self.send(Command::LoadLand(id))?;
        let mut land = loop {
            match self.next()? {
                Outcome::LandDetail(d) => break d.land,
                Outcome::Failed { action, error } => bail!("{action}: {error}"),
                _ => {}
            }
        };
        self.sequence += 1;
        let (round, sequence) = (self.round, self.sequence);
        land.notes = format!("{NOTE_MARKER} {round} {sequence}");
        self.send(Command::UpdateLand(Box::new(land)))?;
        loop {
            match self.next()? {
                Outcome::LandSaved { id, .. } => {
                    self.say(&format!("committed update {id} {round} {sequence}"))?;
                    return self.wait_records();
                }
                // Superseded (dated earlier than the record): kept in history, not applied.
                Outcome::FormDone(Form::Land) => {
                    return self.refused("update", "superseded by later information");
                }
                Outcome::Refused { error, .. } => {
                    return self.refused("update", &error.to_string());
                }
                Outcome::Failed { action, error } => bail!("{action}: {error}"),
                _ => {}
            }
        }
    }

    fn add_report(&mut self) -> Result<()> {
        let land = self.pick_land(|_| true).map(|l| (l.id, l.centroid));
        let (lon, lat) = land
            .and_then(|(_, c)| c)
            .map_or((GRID_ORIGIN.0 - 0.01, GRID_ORIGIN.1 - 0.01), |[a, b]| {
                (a, b)
            });
        let report = HazardReportDraft {
            lon_lat: Some(LonLat::lon_lat(lon, lat).context("report position")?),
            accuracy_m: "5".into(),
            eo_category: ["uxo", "ap_mine", "at_mine", "cmr"][self.rng.below(4)].into(),
            quantity: (1 + self.rng.below(3)).to_string(),
            reported_by: "Kill Test".into(),
            reported_on: "2025-04-02".into(),
            land_id: land.map(|(id, _)| id),
            organisation: "Kill Test Demining".into(),
            notes: format!("kill-test round {}", self.round),
            ..HazardReportDraft::default()
        }
        .validate(&|_| Err("no typed location".to_owned()))
        .map_err(|e| anyhow!("hazard report draft: {}", join_field_errors(&e)))?;
        let id = report.id;
        self.send(Command::AddHazardReport(Box::new(report)))?;
        loop {
            match self.next()? {
                Outcome::FormDone(Form::HazardReport) => {
                    self.say(&format!("committed report {id}"))?;
                    return self.wait_records();
                }
                Outcome::Refused { error, .. } => {
                    return self.refused("report", &error.to_string());
                }
                Outcome::Failed { action, error } => bail!("{action}: {error}"),
                _ => {}
            }
        }
    }

    /// A random land among those that pass `keep`.
    fn pick_land(&mut self, keep: impl Fn(&LandSummary) -> bool) -> Option<&LandSummary> {
        let candidates: Vec<usize> = (0..self.lands.len())
            .filter(|&i| keep(&self.lands[i]))
            .collect();
        if candidates.is_empty() {
            return None;
        }
        let pick = candidates[self.rng.below(candidates.len())];
        self.lands.get(pick)
    }
}

/// Open or worked on, with room for a few more small releases.
fn open_for_work(l: &LandSummary) -> bool {
    matches!(l.status, LandStatus::Open | LandStatus::WorkedOn)
        && l.ledger.remaining().m2() >= 200.0
}

fn point(kind: PointKind, label: &str, lon: f64, lat: f64) -> Result<SurveyPoint> {
    Ok(SurveyPoint {
        kind,
        label: label.into(),
        lon_lat: LonLat::lon_lat(lon, lat).context("survey point")?,
        entered: None,
        source: PointSource::Gps {
            accuracy_m: Some(4.0),
            averaged_fixes: Some(10),
        },
        note: String::new(),
    })
}

/// A square SHA of `side_m` metres with its south-west corner at the start point.
fn square_land(name: &str, lon: f64, lat: f64, side_m: f64) -> Result<safeground::domain::Land> {
    let d_lat = side_m / 111_132.0;
    let d_lon = side_m / (111_320.0 * lat.to_radians().cos());
    LandDraft {
        name: name.into(),
        classification: "sha".into(),
        hazard_types: "AP mines".into(),
        date_of_information: "2025-03-01".into(),
        organisation: "Kill Test Demining".into(),
        points: vec![
            point(PointKind::Benchmark, "BM1", lon - d_lon, lat - d_lat)?,
            point(PointKind::Start, "SP", lon, lat)?,
            point(PointKind::Turning, "TP1", lon + d_lon, lat)?,
            point(PointKind::Turning, "TP2", lon + d_lon, lat + d_lat)?,
            point(PointKind::End, "EP", lon, lat + d_lat)?,
        ],
        ..LandDraft::default()
    }
    .validate()
    .map_err(|e| anyhow!("land draft: {}", join_field_errors(&e)))
}

fn main() -> Result<()> {
    let args = parse_args()?;
    let worker = Worker::start(
        Some(args.db.clone()),
        Actor::new("kill-test", "worker_edits"),
        "",
        std::sync::Arc::new(|| {}),
    )
    .context("starting the database worker")?;
    let mut session = Session {
        worker,
        lands: Vec::new(),
        out: std::io::stdout().lock(),
        rng: Rng::new(args.seed ^ args.round.wrapping_mul(0xA076_1D64_78BD_642F)),
        round: args.round,
        sequence: 0,
        next_grid_cell: 0,
    };
    match session.next()? {
        Outcome::StoreOpened { .. } => {}
        Outcome::Failed { action, error } => bail!("{action}: {error}"),
        other => bail!("unexpected first answer from the worker: {other:?}"),
    }
    session.wait_records()?;
    // New lands continue the grid after every land already in the store (the demo's included),
    // so a land committed just before an earlier kill is never overlapped.
    session.next_grid_cell = session.lands.len();
    let opened = format!("opened lands={}", session.lands.len());
    session.say(&opened)?;
    loop {
        let roll = session.rng.below(100);
        let workable = session.pick_land(open_for_work).map(|l| l.id);
        let any = session.pick_land(|_| true).map(|l| l.id);
        match (roll, workable, any) {
            (0..20, _, _) | (_, None, _) if session.lands.len() < args.max_lands => {
                session.create_land()?;
            }
            (60..80, _, Some(land)) => session.update_land(land)?,
            (0..80, Some(land), _) => session.add_activity(land)?,
            _ => session.add_report()?,
        }
    }
}
