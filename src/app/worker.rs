//! The database worker: one named thread owns the store; commands arrive on a bounded channel;
//! every outcome sent wakes the UI (style-anchors B3).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, TrySendError, sync_channel};
use std::thread::JoinHandle;

use crate::domain::{Actor, ImportBatch, ImportReporter, LandId};
use crate::storage::{Store, StoreError};

use super::command::{Command, Form, LoadedLayer, Outcome};

mod sync;
use super::error::AppError;
use super::state::{LandDetail, Records, ReportDetail, Thumbnail};

/// Wakes the UI after an outcome is sent (the UI passes `ctx.request_repaint`).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Commands waiting for the worker; more than this and the UI is told to wait.
const COMMAND_QUEUE: usize = 64;
/// Outcomes waiting for the UI.
const OUTCOME_QUEUE: usize = 64;

/// The UI's handle on the worker thread.
pub struct Worker {
    cancel: Arc<AtomicBool>,
    commands: SyncSender<Command>,
    outcomes: Receiver<Outcome>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker").finish_non_exhaustive()
    }
}

impl Worker {
    /// Starts the worker thread named `db`; it opens `store` first (if given).
    pub fn start(
        store: Option<PathBuf>,
        actor: Actor,
        demo: &'static str,
        waker: Waker,
    ) -> std::io::Result<Self> {
        let (command_tx, command_rx) = sync_channel::<Command>(COMMAND_QUEUE);
        let (outcome_tx, outcome_rx) = sync_channel::<Outcome>(OUTCOME_QUEUE);
        let cancel = Arc::new(AtomicBool::new(false));
        let worker_cancel = Arc::clone(&cancel);
        let thread = std::thread::Builder::new()
            .name("db".to_owned())
            .spawn(move || {
                let mut w = WorkerLoop {
                    cancel: worker_cancel,
                    damaged: Arc::new(std::sync::Mutex::new(None)),
                    store: None,
                    actor,
                    demo,
                    layers: HashMap::new(),
                    outcomes: outcome_tx,
                    waker,
                    tr: crate::i18n::Tr::default(),
                };
                if let Some(path) = store {
                    w.open(&path);
                }
                while let Ok(command) = command_rx.recv() {
                    w.handle(command);
                }
            })?;
        Ok(Self {
            cancel,
            commands: command_tx,
            outcomes: outcome_rx,
            thread: Some(thread),
        })
    }

    /// Asks the running import to stop; it rolls back and reports that nothing was written.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Queues a command without blocking. Returns false when the queue is full.
    pub fn send(&self, command: Command) -> bool {
        match self.commands.try_send(command) {
            Ok(()) => true,
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => false,
        }
    }

    /// Takes every outcome waiting, without blocking.
    pub fn drain(&self) -> Vec<Outcome> {
        let mut out = Vec::new();
        loop {
            match self.outcomes.try_recv() {
                Ok(o) => out.push(o),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    out.push(Outcome::Failed {
                        action: "The database worker".to_owned(),
                        error: Arc::new(AppError::WorkerStopped),
                    });
                    break;
                }
            }
        }
        out
    }

    /// Waits for the next outcome (tests and headless use only; the UI never blocks).
    pub fn recv_blocking(&self, timeout: std::time::Duration) -> Option<Outcome> {
        self.outcomes.recv_timeout(timeout).ok()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing the command channel ends the loop; the thread then drops the store cleanly.
        let (dead_tx, _) = sync_channel(1);
        drop(std::mem::replace(&mut self.commands, dead_tx));
        if let Some(t) = self.thread.take()
            && t.join().is_err()
        {
            // The worker panicked; its store handle is gone and SQLite rolled back any open write.
        }
    }
}

struct WorkerLoop {
    cancel: Arc<AtomicBool>,
    /// Set by the background page check when the open store is damaged: every write is then
    /// refused with this message.
    damaged: Arc<std::sync::Mutex<Option<String>>>,
    store: Option<Store>,
    actor: Actor,
    demo: &'static str,
    /// Reference layers read so far, by file and table, with the file's stamp when read.
    layers: HashMap<(PathBuf, Option<String>), (FileStamp, Arc<crate::domain::ReferenceLayer>)>,
    outcomes: SyncSender<Outcome>,
    waker: Waker,
    /// The language of what the worker says (`Command::SetLanguage`).
    tr: crate::i18n::Tr,
}

/// When a file last changed, and its size (`None` when it cannot be read).
type FileStamp = Option<(std::time::SystemTime, u64)>;

impl WorkerLoop {
    fn send(&self, outcome: Outcome) {
        // A closed channel means the UI is gone; there is no one left to tell.
        if self.outcomes.send(outcome).is_ok() {
            (self.waker)();
        }
    }

    fn fail(&self, action: &str, error: impl Into<AppError>) {
        self.send(Outcome::Failed {
            action: action.to_owned(),
            error: Arc::new(error.into()),
        });
    }

    fn refuse(&self, form: Form, error: impl Into<AppError>) {
        self.send(Outcome::Refused {
            form,
            error: Arc::new(error.into()),
        });
    }

    fn open(&mut self, path: &Path) {
        self.store = None;
        if let Ok(mut damaged) = self.damaged.lock() {
            *damaged = None;
        }
        match Store::open(path) {
            Ok(store) => {
                let backup = store.migration_backup().map(Path::to_owned);
                if store.file_bytes() > crate::storage::QUICK_CHECK_MAX_BYTES {
                    self.check_pages_in_background(path);
                }
                self.store = Some(store);
                self.send(Outcome::StoreOpened {
                    path: path.to_owned(),
                    backup,
                });
                self.send_records();
                self.send_reference_layers();
                if let Some(store) = self.store.as_ref() {
                    match store.unsaved_forms() {
                        Ok(forms) if !forms.is_empty() => self.send(Outcome::UnsavedForms(forms)),
                        Ok(_) => {}
                        Err(e) => self.fail(&self.tr.action_reading_unsaved_work(), e),
                    }
                }
            }
            Err(e) => self.fail(&self.tr.action_opening_the_store(), e),
        }
    }

    /// A store too large to be page-checked at open is checked on a thread of its own (with its
    /// own read-only connection), so the map and lists appear at once; if the check fails, writes
    /// are refused from then on and the UI shows a banner.
    fn check_pages_in_background(&self, path: &Path) {
        let path = path.to_owned();
        let damaged = Arc::clone(&self.damaged);
        let outcomes = self.outcomes.clone();
        let waker = Arc::clone(&self.waker);
        let tr = self.tr;
        let spawned = std::thread::Builder::new()
            .name("store-check".to_owned())
            .spawn(move || {
                let message = match crate::storage::page_check_file(&path) {
                    Ok(problems) if problems.is_empty() => return,
                    Ok(problems) => tr.store_damaged(
                        path.display().to_string(),
                        problems.into_iter().take(2).collect::<Vec<_>>().join("; "),
                    ),
                    Err(e) => tr.store_unchecked(path.display().to_string(), e.to_string()),
                };
                if let Ok(mut d) = damaged.lock() {
                    *d = Some(message.clone());
                }
                if outcomes.send(Outcome::StoreDamaged(message)).is_ok() {
                    waker();
                }
            });
        if spawned.is_err() {
            // Without a thread the check cannot run; the CLI's `check --integrity` still can.
        }
    }

    /// The message refusing a write, when the background check found the store damaged.
    fn writes_refused(&self) -> Option<String> {
        self.damaged.lock().ok().and_then(|d| d.clone())
    }

    fn send_records(&self) {
        let Some(store) = &self.store else { return };
        let open_conflicts = store.sync_conflict_count().unwrap_or(0);
        let parked = store.sync_parked().map_or(0, |p| p.len());
        let last_bundle_refused = store
            .sync_import_log(1)
            .is_ok_and(|log| log.first().is_some_and(|l| l.refused));
        let records = store.map_records().map(|(lands, reports)| Records {
            lands,
            reports,
            open_conflicts,
            parked,
            last_bundle_refused,
        });
        match records {
            Ok(r) => self.send(Outcome::Records(Box::new(r))),
            Err(e) => self.fail(&self.tr.action_loading_the_records(), e),
        }
    }

    fn detail(&self, id: LandId) -> Result<LandDetail, StoreError> {
        let store = self.store.as_ref().ok_or(StoreError::NotFound {
            entity: "store",
            code: String::new(),
        })?;
        let land = store.land(id)?;
        let activities = store.activities(Some(id))?;
        let reports = store.hazard_reports_of_land(id)?;
        let audit = store.audit_for(id.0)?;
        Ok(LandDetail {
            land,
            activities,
            reports,
            audit,
        })
    }

    /// A progress callback for long jobs: sends `Outcome::Progress` (best effort: a full queue
    /// drops an update, never blocks the job) and returns false once the user cancelled.
    fn progress_reporter<'a>(
        cancel: &'a AtomicBool,
        outcomes: &'a SyncSender<Outcome>,
        waker: &'a Waker,
    ) -> impl FnMut(usize, usize) -> bool + 'a {
        move |done, total| {
            if outcomes.try_send(Outcome::Progress { done, total }).is_ok() {
                waker();
            }
            !cancel.load(Ordering::Relaxed)
        }
    }

    fn send_report_detail(&self, report: crate::domain::HazardReportId) {
        match self.report_detail(report) {
            Ok(d) => self.send(Outcome::ReportDetail(Box::new(d))),
            Err(e) => self.fail(&self.tr.action_loading_the_hazard_report(), e),
        }
    }

    fn report_detail(&self, id: crate::domain::HazardReportId) -> Result<ReportDetail, StoreError> {
        let store = self.store.as_ref().ok_or(StoreError::NotFound {
            entity: "store",
            code: String::new(),
        })?;
        let report = store.hazard_report(id)?;
        let thumbnails = store
            .photos(id)?
            .into_iter()
            .filter_map(|p| {
                // A photo that does not decode is skipped here; it stays in the store untouched.
                let image = image::load_from_memory(&p.bytes)
                    .ok()?
                    .thumbnail(240, 240)
                    .to_rgba8();
                Some(Thumbnail {
                    id: p.id,
                    file_name: p.file_name,
                    caption: p.caption,
                    width: image.width() as usize,
                    height: image.height() as usize,
                    rgba: image.into_raw(),
                })
            })
            .collect();
        Ok(ReportDetail { report, thumbnails })
    }

    /// A foreign GeoJSON file goes to the mapping step; anything else is imported at once.
    fn inspect_import(&mut self, path: PathBuf) {
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if !is_csv
            && let Ok(bytes) = std::fs::read(&path)
            && let Ok(properties) = crate::io::geojson::geojson_properties(&bytes)
            && !properties.ours
            && !properties.properties.is_empty()
        {
            self.send(Outcome::ImportPreview {
                path,
                properties: Box::new(properties),
            });
            return;
        }
        // Our own file, a CSV, or a file that does not read: the import says what it found.
        self.import(&[path], false, &crate::domain::ImportMapping::default());
    }

    fn import(&mut self, paths: &[PathBuf], strict: bool, mapping: &crate::domain::ImportMapping) {
        self.cancel.store(false, Ordering::Relaxed);
        let mut reporter = ImportReporter::new("");
        let mut batch = ImportBatch::default();
        let today = crate::session::today();
        for path in paths {
            reporter.file = path.display().to_string();
            let read = std::fs::read(path)
                .map_err(|source| AppError::Read {
                    path: path.clone(),
                    source,
                })
                .and_then(|bytes| {
                    let is_csv = path
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
                    if is_csv {
                        crate::io::csv::read_activities_csv(&bytes, &mut reporter)
                    } else {
                        crate::io::geojson::read_geojson_mapped(
                            &bytes,
                            &mut reporter,
                            today,
                            mapping,
                        )
                    }
                    .map_err(|source| AppError::Format {
                        path: path.clone(),
                        source,
                    })
                });
            match read {
                Ok(part) => batch.items.extend(part.items),
                Err(error) => {
                    self.send(Outcome::Imported {
                        summary: None,
                        issues: reporter.issues,
                        refused: Some(Arc::new(error)),
                    });
                    return;
                }
            }
        }
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let mut progress = Self::progress_reporter(&self.cancel, &self.outcomes, &self.waker);
        match store.import_with_progress(batch, &mut reporter, strict, &self.actor, &mut progress) {
            Ok(summary) => {
                self.send(Outcome::Imported {
                    summary: Some(summary),
                    issues: reporter.issues,
                    refused: None,
                });
                self.send_records();
            }
            Err(e) => self.send(Outcome::Imported {
                summary: None,
                issues: reporter.issues,
                refused: Some(Arc::new(e.into())),
            }),
        }
    }

    fn handle(&mut self, command: Command) {
        if let Command::SetActor(actor) = command {
            self.actor = actor;
            return;
        }
        if let Command::SetLanguage(tr) = command {
            // What the worker says is shown on the screen (the notifications).
            self.tr = tr;
            return;
        }
        if self.store.is_none() && !matches!(command, Command::OpenStore(_)) {
            self.fail(&self.tr.action_this_action(), AppError::NoStore);
            return;
        }
        let writes = matches!(
            command,
            Command::LoadDemo
                | Command::Import { .. }
                | Command::CreateLand(_)
                | Command::UpdateLand(_)
                | Command::AddActivity(_)
                | Command::AddHazardReport(_)
                | Command::UpdateHazardReport(_)
                | Command::VoidActivity { .. }
                | Command::VoidHazardReport { .. }
                | Command::AttachPhoto { .. }
                | Command::SetPhotoCaption { .. }
                | Command::RemovePhoto { .. }
                | Command::Workflow { .. }
                | Command::SyncImport(_)
                | Command::SyncHub { .. }
                | Command::ResolveConflicts { .. }
        );
        if writes && let Some(message) = self.writes_refused() {
            self.fail(&self.tr.action_saving(), AppError::StoreDamaged(message));
            return;
        }
        match command {
            Command::OpenStore(path) => self.open(&path),
            Command::SetActor(_) | Command::SetLanguage(_) => {}
            Command::Refresh => self.send_records(),
            Command::LoadLand(id) => match self.detail(id) {
                Ok(d) => self.send(Outcome::LandDetail(Box::new(d))),
                Err(e) => self.fail(&self.tr.action_loading_the_land(), e),
            },
            Command::LoadDemo => {
                // The demo never goes into the user's store: it has its own file beside it, and
                // the app switches to that file (a backup is written first if the demo store
                // holds records, e.g. edits made while trying the demo).
                let demo_path = self
                    .store
                    .as_ref()
                    .map(|s| s.path().with_file_name(crate::session::DEMO_STORE_FILE));
                if let Some(demo_path) = demo_path
                    && self.store.as_ref().is_some_and(|s| s.path() != demo_path)
                {
                    self.open(&demo_path);
                    if self.store.is_none() {
                        return;
                    }
                }
                let mut reporter = ImportReporter::new("sample_surveys/programme.geojson");
                let today = crate::session::today();
                let result =
                    crate::io::geojson::read_geojson(self.demo.as_bytes(), &mut reporter, today)
                        .map_err(AppError::Demo)
                        .and_then(|batch| {
                            let store = self.store.as_mut().ok_or(AppError::NoStore)?;
                            Ok(store.replace_all_with(
                                batch,
                                &mut reporter,
                                &self.actor,
                                crate::storage::ReplaceRecords::AfterBackup,
                            )?)
                        });
                match result {
                    Ok((s, backup)) => {
                        let mut text =
                            self.tr
                                .done_demo_loaded(s.lands, s.activities, s.hazard_reports);
                        if let Some(b) = backup {
                            text.push(' ');
                            text.push_str(&self.tr.done_demo_backup(b.display().to_string()));
                        }
                        self.send(Outcome::Done(text));
                        self.send_records();
                    }
                    Err(e) => self.fail(&self.tr.action_loading_the_demo_programme(), e),
                }
            }
            Command::Import {
                paths,
                strict,
                mapping,
            } => self.import(&paths, strict, &mapping),
            Command::InspectImport(path) => self.inspect_import(path),
            Command::CreateLand(land) => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                match store.create_land(*land, &self.actor) {
                    Ok(saved) => {
                        self.send(Outcome::LandSaved {
                            id: saved.id,
                            code: saved.code.clone(),
                        });
                        self.send_records();
                    }
                    Err(e) => self.refuse(Form::Land, e),
                }
            }
            Command::UpdateLand(land) => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                match store.update_land(*land, &self.actor) {
                    Ok(crate::domain::LandUpdate::Applied(saved)) => {
                        self.send(Outcome::LandSaved {
                            id: saved.id,
                            code: saved.code.clone(),
                        });
                        self.send_records();
                    }
                    Ok(crate::domain::LandUpdate::Superseded) => {
                        self.send(Outcome::Done(self.tr.done_land_edit_superseded()));
                        self.send(Outcome::FormDone(Form::Land));
                    }
                    Err(e) => self.refuse(Form::Land, e),
                }
            }
            Command::AddActivity(activity) => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                let land = activity.land_id;
                match store.add_activity(*activity, &self.actor) {
                    Ok((saved, transitions)) => {
                        let mut text = self.tr.done_activity_recorded(saved.code.as_str());
                        for t in &transitions {
                            text.push_str("; ");
                            text.push_str(&self.tr.done_land_now(
                                self.tr.label(t.classification.label_id()),
                                self.tr.label(t.status.label_id()),
                            ));
                        }
                        self.send(Outcome::ActivityRecorded { land, text });
                        self.send_records();
                    }
                    Err(e) => self.refuse(Form::Activity, e),
                }
            }
            Command::AddHazardReport(report) => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                match store.add_hazard_report(*report, &self.actor) {
                    Ok(saved) => {
                        self.send(Outcome::Done(
                            self.tr.done_hazard_report_saved(saved.code.as_str()),
                        ));
                        self.send(Outcome::FormDone(Form::HazardReport));
                        self.send_records();
                    }
                    Err(e) => self.refuse(Form::HazardReport, e),
                }
            }
            Command::UpdateHazardReport(report) => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                let (id, code) = (report.id, report.code.clone());
                match store.update_hazard_report(*report, &self.actor) {
                    Ok(applied) => {
                        self.send(Outcome::Done(if applied {
                            self.tr.done_hazard_report_saved(code.as_str())
                        } else {
                            self.tr.done_report_edit_superseded(code.as_str())
                        }));
                        self.send_records();
                        match self.report_detail(id) {
                            Ok(d) => self.send(Outcome::ReportDetail(Box::new(d))),
                            Err(e) => self.fail(&self.tr.action_loading_the_hazard_report(), e),
                        }
                    }
                    Err(e) => self.refuse(Form::HazardReport, e),
                }
            }
            Command::VoidActivity { code, reason } => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                match store.void_activity(&code, &reason, &self.actor) {
                    Ok(land) => {
                        self.send(Outcome::Done(self.tr.done_activity_voided(
                            code.as_str(),
                            land.code.as_str(),
                            self.tr.unit_m2(crate::i18n::Arg::decimal(
                                land.ledger.remaining().m2(),
                                0,
                            )),
                            self.tr.label(land.classification.label_id()),
                            self.tr.label(land.status.label_id()),
                        )));
                        self.send_records();
                    }
                    Err(e) => self.refuse(Form::Activity, e),
                }
            }
            Command::VoidHazardReport { code, reason } => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                match store.void_hazard_report(&code, &reason, &self.actor) {
                    Ok(_) => {
                        self.send(Outcome::Done(
                            self.tr.done_hazard_report_voided(code.as_str()),
                        ));
                        self.send_records();
                    }
                    Err(e) => self.refuse(Form::HazardReport, e),
                }
            }
            Command::LoadReport(id) => match self.report_detail(id) {
                Ok(d) => self.send(Outcome::ReportDetail(Box::new(d))),
                Err(e) => self.fail(&self.tr.action_loading_the_hazard_report(), e),
            },
            Command::AttachPhoto { report, path } => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let result = std::fs::read(&path)
                    .map_err(|source| AppError::Read {
                        path: path.clone(),
                        source,
                    })
                    .and_then(|bytes| {
                        let store = self.store.as_mut().ok_or(AppError::NoStore)?;
                        Ok(store.add_photo(report, &name, bytes, &self.actor)?)
                    });
                match result {
                    Ok(_) => {
                        self.send(Outcome::Done(self.tr.done_photo_attached(name.as_str())));
                        match self.report_detail(report) {
                            Ok(d) => self.send(Outcome::ReportDetail(Box::new(d))),
                            Err(e) => self.fail(&self.tr.action_loading_the_hazard_report(), e),
                        }
                    }
                    Err(e) => self.fail(&self.tr.action_attaching_the_photo(), e),
                }
            }
            Command::Workflow { land, action } => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                match store.land_workflow(land, &action, &self.actor) {
                    Ok(l) => {
                        self.send(Outcome::Done(self.tr.done_workflow(
                            l.code.as_str(),
                            self.tr.label(l.validation.label_id()),
                        )));
                        self.send_records();
                    }
                    Err(e) => self.refuse(Form::Workflow, e),
                }
            }
            Command::Export(request) => {
                let result = self.export(&request);
                let logged = result.is_ok();
                self.report(result, &self.tr.action_export());
                if logged {
                    self.send_export_log();
                }
            }
            Command::Dashboard(filter) => match self.dashboard(&filter) {
                Ok(figures) => self.send(Outcome::Dashboard(Box::new(figures))),
                Err(e) => self.fail(&self.tr.action_the_dashboard(), e),
            },
            Command::LoadExportLog => self.send_export_log(),
            Command::AddReferenceLayer(_)
            | Command::AddSampleLayers
            | Command::UpdateReferenceLayer(_)
            | Command::MoveReferenceLayer { .. }
            | Command::RemoveReferenceLayer(_)
            | Command::KeepUnsaved(_)
            | Command::DiscardUnsaved(_)
            | Command::SearchSourceAttributes(_)
            | Command::LoadAuditFeed(_)
            | Command::SetPhotoCaption { .. }
            | Command::RemovePhoto { .. }
            | Command::LoadPhoto(_) => self.handle_workspace(command),
            Command::LoadSync
            | Command::SyncExport { .. }
            | Command::SyncImport(_)
            | Command::SyncHub { .. }
            | Command::ResolveConflicts { .. } => self.handle_sync(command),
        }
    }

    /// The workspace's commands: reference layers, unsaved work, the source-attribute search.
    fn handle_workspace(&mut self, command: Command) {
        match command {
            Command::AddReferenceLayer(path) => self.add_reference_layers(&path),
            Command::AddSampleLayers => {
                let Some(store) = self.store.as_ref() else {
                    return;
                };
                let folder = store
                    .path()
                    .parent()
                    .unwrap_or(std::path::Path::new("."))
                    .join("sample-layers");
                let protected = crate::io::output::Protected::store(store.path());
                let made = if folder.is_dir() {
                    Ok(folder.clone())
                } else {
                    crate::io::output::create_folder(
                        folder.parent().unwrap_or(std::path::Path::new(".")),
                        "sample-layers",
                    )
                };
                let written = made
                    .map_err(crate::exports::ExportError::from)
                    .and_then(|f| {
                        crate::exports::write_sample_layers(
                            &f,
                            crate::io::output::Replace::Allowed,
                            &protected,
                        )
                    });
                match written {
                    Ok(files) => {
                        for f in files {
                            self.add_reference_layers(&f);
                        }
                    }
                    Err(e) => self.fail(&self.tr.action_writing_the_sample_layers(), e),
                }
            }
            Command::KeepUnsaved(form) => {
                if let Some(store) = self.store.as_mut()
                    && let Err(e) = store.keep_unsaved_form(&form)
                {
                    self.fail(&self.tr.action_keeping_unsaved_work(), e);
                }
            }
            Command::DiscardUnsaved(kind) => {
                if let Some(store) = self.store.as_mut()
                    && let Err(e) = store.discard_unsaved_form(kind)
                {
                    self.fail(&self.tr.action_discarding_unsaved_work(), e);
                }
            }
            Command::UpdateReferenceLayer(spec) => {
                if let Some(store) = self.store.as_mut()
                    && let Err(e) = store.update_reference_layer(&spec)
                {
                    self.fail(&self.tr.action_saving_the_layer(), e);
                }
                self.send_reference_layers();
            }
            Command::MoveReferenceLayer { id, up } => {
                if let Some(store) = self.store.as_mut()
                    && let Err(e) = store.move_reference_layer(id, up)
                {
                    self.fail(&self.tr.action_moving_the_layer(), e);
                }
                self.send_reference_layers();
            }
            Command::RemoveReferenceLayer(id) => {
                if let Some(store) = self.store.as_mut()
                    && let Err(e) = store.remove_reference_layer(id)
                {
                    self.fail(&self.tr.action_removing_the_layer(), e);
                }
                self.send_reference_layers();
            }
            Command::SetPhotoCaption {
                report,
                photo,
                caption,
            } => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                match store.set_photo_caption(photo, &caption, &self.actor) {
                    Ok(()) => self.send_report_detail(report),
                    Err(e) => self.fail(&self.tr.action_saving_the_caption(), e),
                }
            }
            Command::RemovePhoto { report, photo } => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                match store.remove_photo(photo, &self.actor) {
                    Ok(()) => {
                        self.send(Outcome::Done(self.tr.done_photo_removed()));
                        self.send_report_detail(report);
                    }
                    Err(e) => self.fail(&self.tr.action_removing_the_photo(), e),
                }
            }
            Command::LoadPhoto(id) => {
                let Some(store) = self.store.as_ref() else {
                    return;
                };
                match store.photo(id) {
                    Ok(p) => match image::load_from_memory(&p.bytes) {
                        Ok(image) => {
                            let image = image.thumbnail(1600, 1600).to_rgba8();
                            self.send(Outcome::Photo(Box::new(Thumbnail {
                                id: p.id,
                                file_name: p.file_name,
                                caption: p.caption,
                                width: image.width() as usize,
                                height: image.height() as usize,
                                rgba: image.into_raw(),
                            })));
                        }
                        Err(e) => self.send(Outcome::Done(
                            self.tr
                                .done_photo_unreadable(p.file_name.as_str(), e.to_string()),
                        )),
                    },
                    Err(e) => self.fail(&self.tr.action_opening_the_photo(), e),
                }
            }
            Command::LoadAuditFeed(filter) => {
                if let Some(store) = self.store.as_ref() {
                    match store.audit_feed(&filter) {
                        Ok(entries) => self.send(Outcome::AuditFeed(entries)),
                        Err(e) => self.fail(&self.tr.action_reading_the_history(), e),
                    }
                }
            }
            Command::SearchSourceAttributes(query) => {
                if let Some(store) = self.store.as_ref() {
                    match store.lands_with_source_text(&query) {
                        Ok(lands) => self.send(Outcome::SourceMatches { query, lands }),
                        Err(e) => self.fail(&self.tr.action_searching_source_attributes(), e),
                    }
                }
            }
            _ => {}
        }
    }

    /// Reads a reference file's layers (off the UI thread) and adds them to the store's list.
    fn add_reference_layers(&mut self, path: &Path) {
        let found = match crate::storage::reference::layers_in_file(path) {
            Ok(found) => found,
            Err(e) => {
                self.fail(&self.tr.action_adding_the_layer(), e);
                return;
            }
        };
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let mut added = Vec::new();
        for (spec, layer) in found {
            match store.add_reference_layer(&spec) {
                Ok(saved) => {
                    added.push(saved.name.clone());
                    self.layers.insert(
                        layer_key(&saved),
                        (file_stamp(&saved.path), Arc::new(layer)),
                    );
                }
                Err(e) => {
                    self.fail(&self.tr.action_adding_the_layer(), e);
                    return;
                }
            }
        }
        self.send(Outcome::Done(
            self.tr.done_layers_added(added.len(), added.join(", ")),
        ));
        self.send_reference_layers();
    }

    /// Sends the store's reference layers with their features, read from their files (a file
    /// unchanged since it was last read is not read again).
    fn send_reference_layers(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let specs = match store.reference_layers() {
            Ok(specs) => specs,
            Err(e) => {
                self.fail(&self.tr.action_reading_the_reference_layers(), e);
                return;
            }
        };
        let mut loaded = Vec::with_capacity(specs.len());
        for spec in specs {
            let key = layer_key(&spec);
            let stamp = file_stamp(&spec.path);
            let features = match self.layers.get(&key) {
                Some((seen, layer)) if *seen == stamp && stamp.is_some() => Ok(Arc::clone(layer)),
                _ => match crate::storage::reference::read_reference_layer(&spec) {
                    Ok(layer) => {
                        let layer = Arc::new(layer);
                        self.layers.insert(key, (stamp, Arc::clone(&layer)));
                        Ok(layer)
                    }
                    Err(e) => Err(Arc::new(AppError::from(e))),
                },
            };
            loaded.push(LoadedLayer { spec, features });
        }
        self.send(Outcome::ReferenceLayers(loaded));
    }

    fn export(&self, request: &crate::exports::ExportRequest) -> Result<String, AppError> {
        self.cancel.store(false, Ordering::Relaxed);
        let mut progress = Self::progress_reporter(&self.cancel, &self.outcomes, &self.waker);
        let store = self.store.as_ref().ok_or(AppError::NoStore)?;
        let done = crate::exports::export(store, &self.actor, request, &mut progress)?;
        Ok(done.summary(request))
    }

    fn send_export_log(&self) {
        match self.store.as_ref().map(Store::export_log) {
            Some(Ok(entries)) => self.send(Outcome::ExportLog(entries)),
            Some(Err(e)) => self.fail(&self.tr.action_reading_the_export_log(), e),
            None => {}
        }
    }

    fn dashboard(
        &self,
        filter: &crate::reports::ReportFilter,
    ) -> Result<crate::reports::Figures, AppError> {
        filter.validate()?;
        let store = self.store.as_ref().ok_or(AppError::NoStore)?;
        let records = store.records_for_aggregates()?;
        Ok(crate::reports::compute(
            &records.lands,
            &records.activities,
            &records.hazard_reports,
            filter,
        ))
    }

    fn report(&self, result: Result<String, AppError>, action: &str) {
        match result {
            Ok(text) => self.send(Outcome::Done(text)),
            Err(e) => self.fail(action, e),
        }
    }
}

/// A reference layer's cache key: its file and table.
fn layer_key(spec: &crate::domain::LayerSpec) -> (PathBuf, Option<String>) {
    (spec.path.clone(), spec.table.clone())
}

/// When a file last changed, and its size: a layer is read again when either moves.
fn file_stamp(path: &Path) -> FileStamp {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}
