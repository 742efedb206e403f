//! Commands (UI → worker) and outcomes (worker → UI).

use std::path::PathBuf;

use crate::domain::WorkflowAction;
use crate::domain::{
    Activity, Actor, HazardReport, HazardReportId, ImportIssue, ImportSummary, Land, LandId,
};

use std::sync::Arc;

use super::error::AppError;
use super::state::{LandDetail, Records, ReportDetail};

/// Something the UI asks the database worker to do. Panels never touch the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Close the current store and open (or create) the one at this path.
    OpenStore(PathBuf),
    /// From now on, act as this person (name, organisation, role; this device).
    SetActor(Actor),
    /// From now on, say what was done in this language (as it is shown on the screen).
    SetLanguage(crate::i18n::Tr),
    /// Replace the current store's records with the demo programme.
    LoadDemo,
    /// Import files (GeoJSON or activities CSV) in one transaction.
    Import {
        /// The files.
        paths: Vec<PathBuf>,
        /// Refuse the whole import on any problem.
        strict: bool,
        /// Which property of a foreign GeoJSON file is which land field.
        mapping: crate::domain::ImportMapping,
    },
    /// Find the lands whose source attributes (the properties kept from an imported file)
    /// contain this text (lower-case).
    SearchSourceAttributes(String),
    /// Load the programme's audit trail with these filters.
    LoadAuditFeed(crate::domain::AuditFilter),
    /// Look at a file to import: a foreign GeoJSON file's properties come back for the mapping
    /// step (`Outcome::ImportPreview`); our own files and CSV are imported at once.
    InspectImport(PathBuf),
    /// Write an export (GeoJSON, CSV, GeoPackage or the donor report) with a profile; logged.
    Export(Box<crate::exports::ExportRequest>),
    /// Compute the dashboard's figures for a filter.
    Dashboard(crate::reports::ReportFilter),
    /// Load the export log.
    LoadExportLog,
    /// Reload the lists and the map.
    Refresh,
    /// Load one land's full record for the detail panel.
    LoadLand(LandId),
    /// Save a new land (validated draft).
    CreateLand(Box<Land>),
    /// Save an edit of an existing land (same id); the date-of-information rule applies.
    UpdateLand(Box<Land>),
    /// Record an activity against its land (ledger and lifecycle checked by the store).
    AddActivity(Box<Activity>),
    /// Record a hazard report.
    AddHazardReport(Box<HazardReport>),
    /// Save an edit of a hazard report (same id); the date-of-information rule applies.
    UpdateHazardReport(Box<HazardReport>),
    /// Void an activity with a reason; its land is recomputed from the others.
    VoidActivity {
        /// The activity's code.
        code: String,
        /// Why.
        reason: String,
    },
    /// Void a hazard report with a reason.
    VoidHazardReport {
        /// The report's code.
        code: String,
        /// Why.
        reason: String,
    },
    /// Load one hazard report with its photo thumbnails.
    LoadReport(HazardReportId),
    /// Attach a photo file (JPEG or PNG) to a hazard report.
    AttachPhoto {
        /// The report.
        report: HazardReportId,
        /// The image file.
        path: PathBuf,
    },
    /// Add the layers of a reference file (every feature table of a GeoPackage) to the store's
    /// list, on top.
    AddReferenceLayer(PathBuf),
    /// Write the fictional sample layers beside the store (folder `sample-layers`) and add them.
    AddSampleLayers,
    /// Save a reference layer's role, name, label, visibility or report choice.
    UpdateReferenceLayer(crate::domain::LayerSpec),
    /// Move a reference layer one step up (over its neighbour) or down.
    MoveReferenceLayer {
        /// The layer.
        id: i64,
        /// Up (drawn later) or down.
        up: bool,
    },
    /// Remove a reference layer from the list (its file is left alone).
    RemoveReferenceLayer(i64),
    /// Keep a form's unsaved work in the store (replacing what it kept before).
    KeepUnsaved(Box<crate::domain::UnsavedForm>),
    /// Forget a form's unsaved work (the record was saved, or the person discarded it).
    DiscardUnsaved(crate::domain::FormKind),
    /// Set a photo's caption (audited).
    SetPhotoCaption {
        /// The report the photo belongs to (shown again after).
        report: HazardReportId,
        /// The photo.
        photo: uuid::Uuid,
        /// The caption.
        caption: String,
    },
    /// Remove a photo from its report (soft, audited).
    RemovePhoto {
        /// The report the photo belongs to (shown again after).
        report: HazardReportId,
        /// The photo.
        photo: uuid::Uuid,
    },
    /// Load a photo full size.
    LoadPhoto(uuid::Uuid),
    /// Load what the Reconciliation view shows: this device, its peers, the open conflicts,
    /// the parked versions and the last bundle imports.
    LoadSync,
    /// Write a sync bundle: for one device (what it has not acknowledged) or everything.
    SyncExport {
        /// The bundle file.
        path: PathBuf,
        /// The device it is for (`None`: everything).
        to: Option<crate::domain::DeviceId>,
        /// The person confirmed replacing an existing file.
        replace: crate::io::output::Replace,
    },
    /// Apply a sync bundle (one transaction, after a backup).
    SyncImport(PathBuf),
    /// Sync with the programme's hub (the office server): send, receive.
    SyncHub {
        /// Its `postgres://` URL (no password).
        url: String,
        /// The password the person typed (empty: `PGPASSWORD` or `~/.pgpass`); kept in memory
        /// only, never stored or shown.
        password: Secret,
    },
    /// Settle conflicts (code, field), each with the same choice.
    ResolveConflicts {
        /// The conflicts: record code and field.
        items: Vec<(String, String)>,
        /// Mine (this device's value) or theirs.
        take: crate::domain::merge::Take,
    },
    /// Move a land through the validation workflow.
    Workflow {
        /// The land.
        land: LandId,
        /// Submit, approve or return.
        action: WorkflowAction,
    },
}

/// Which form a refusal belongs to, so the form can show it next to its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The land editor.
    Land,
    /// The activity form.
    Activity,
    /// The hazard report form.
    HazardReport,
    /// The workflow buttons.
    Workflow,
}

/// What the worker sends back.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A store is open.
    StoreOpened {
        /// Its file.
        path: PathBuf,
        /// The backup taken before a schema upgrade, if there was one.
        backup: Option<PathBuf>,
    },
    /// Fresh lists for the map and the list panel.
    Records(Box<Records>),
    /// One land's full record.
    LandDetail(Box<LandDetail>),
    /// One hazard report with thumbnails.
    ReportDetail(Box<ReportDetail>),
    /// An import finished (committed or refused).
    Imported {
        /// What was written (None when refused).
        summary: Option<ImportSummary>,
        /// Per-feature problems.
        issues: Vec<ImportIssue>,
        /// Why it was refused, if it was.
        refused: Option<Arc<AppError>>,
    },
    /// What a long job is doing now (replaces the busy text).
    Stage(String),
    /// Progress of a long job.
    Progress {
        /// Records done.
        done: usize,
        /// Records in all.
        total: usize,
    },
    /// The dashboard's figures.
    Dashboard(Box<crate::reports::Figures>),
    /// The export log, newest first.
    ExportLog(Vec<crate::domain::ExportLogEntry>),
    /// Something finished that deserves a line in the notifications.
    Done(String),
    /// A land was saved.
    LandSaved {
        /// Its id.
        id: LandId,
        /// Its code.
        code: String,
    },
    /// An activity was recorded.
    ActivityRecorded {
        /// The land.
        land: LandId,
        /// What happened, for the notification (code, status changes).
        text: String,
    },
    /// A form's command succeeded (the form can close).
    FormDone(Form),
    /// A form's command was refused; nothing was written.
    Refused {
        /// The form.
        form: Form,
        /// Why, for the person who filled it in.
        error: Arc<AppError>,
    },
    /// The store's reference layers, in drawing order, each with its features or why they
    /// could not be read.
    ReferenceLayers(Vec<LoadedLayer>),
    /// A photo, full size (at most 1 600 px on its longer side).
    Photo(Box<super::state::Thumbnail>),
    /// What the Reconciliation view shows.
    Sync(Box<super::state::SyncOverview>),
    /// The programme's audit trail, newest first.
    AuditFeed(Vec<crate::domain::AuditEntry>),
    /// Lands whose source attributes contain a search text.
    SourceMatches {
        /// The text searched for (lower-case).
        query: String,
        /// The lands.
        lands: Vec<LandId>,
    },
    /// A foreign file's properties, for the import's mapping step.
    ImportPreview {
        /// The file.
        path: PathBuf,
        /// Its properties with sample values.
        properties: Box<crate::domain::FileProperties>,
    },
    /// Unsaved work the forms left in this store (a crash, a close): offered back.
    UnsavedForms(Vec<crate::domain::UnsavedForm>),
    /// The background page check found the open store damaged; writes are refused.
    StoreDamaged(String),
    /// A command failed; the message says what to do.
    Failed {
        /// What was being done.
        action: String,
        /// Why it failed.
        error: Arc<AppError>,
    },
}

/// A reference layer as the worker read it.
#[derive(Debug, Clone)]
pub struct LoadedLayer {
    /// Where it comes from and how it is shown.
    pub spec: crate::domain::LayerSpec,
    /// Its features (none for a tile package), or why its file could not be read.
    pub features: Result<Arc<crate::domain::ReferenceLayer>, Arc<AppError>>,
}

/// A secret the person typed (a password): its `Debug` never shows it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() {
            "(none)"
        } else {
            "(hidden)"
        })
    }
}
