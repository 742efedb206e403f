//! The state the panels read. Survey data comes only from the worker; nothing here is persisted
//! by eframe (preferences live in the UI's own `Prefs`).

use std::path::PathBuf;

use crate::domain::MapLand;
use crate::domain::{Activity, AuditEntry, HazardReport, HazardReportId, Land, LandId};

/// Lands and hazard reports for the list and the map.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// Lands, ordered by code.
    pub lands: Vec<MapLand>,
    /// Hazard reports, ordered by code.
    pub reports: Vec<HazardReport>,
    /// Open sync conflicts (the Reconciliation button's badge).
    pub open_conflicts: usize,
    /// Versions waiting for a base that has not arrived (the badge, loudly).
    pub parked: usize,
    /// The last sync bundle tried was refused (the badge, loudly).
    pub last_bundle_refused: bool,
}

/// The two polygons of a land geometry conflict: this laptop's and the other's.
pub type ConflictPolygons = (
    Option<geo_types::MultiPolygon<f64>>,
    Option<geo_types::MultiPolygon<f64>>,
);

/// One open conflict as the Reconciliation view shows it.
#[derive(Debug, Clone)]
pub struct ConflictRow {
    /// The record's code.
    pub code: String,
    /// "land", "activity", "hazard report".
    pub record_type: &'static str,
    /// The field.
    pub field: String,
    /// The value both sides started from, in words.
    pub base: String,
    /// This device's value (or the provisional winner's when this device made none).
    pub mine: String,
    /// The other device's value.
    pub theirs: String,
    /// Who made the other value (device name or id).
    pub theirs_from: String,
    /// What the store shows now (the provisional winner).
    pub shown: String,
    /// The land, for "Show on map".
    pub land: Option<crate::domain::LandId>,
    /// For a geometry conflict: my polygon and theirs, drawn over each other on the map.
    pub polygons: Option<ConflictPolygons>,
}

/// What the Reconciliation view shows.
#[derive(Debug, Clone, Default)]
pub struct SyncOverview {
    /// This device's id.
    pub device: String,
    /// This device's name.
    pub device_name: String,
    /// The programme.
    pub programme: String,
    /// The other devices: names, what went between us.
    pub peers: Vec<crate::storage::sync_identity::SyncPeer>,
    /// The open conflicts.
    pub conflicts: Vec<ConflictRow>,
    /// Versions waiting for a base.
    pub parked: Vec<crate::storage::ParkedVersion>,
    /// The last bundle imports, newest first.
    pub imports: Vec<crate::storage::ImportLogEntry>,
    /// The office server (hub) this store syncs with, and how the last sync went.
    pub hub: Option<crate::storage::hub::HubLink>,
}

/// One land with everything the detail panel shows.
#[derive(Debug, Clone)]
pub struct LandDetail {
    /// The land.
    pub land: Land,
    /// Its activities in date order.
    pub activities: Vec<Activity>,
    /// Hazard reports linked to it.
    pub reports: Vec<HazardReport>,
    /// Its audit trail, oldest first.
    pub audit: Vec<AuditEntry>,
}

/// A photo reduced for display (decoded on the worker thread).
#[derive(Debug, Clone)]
pub struct Thumbnail {
    /// The photo's id (texture cache key).
    pub id: uuid::Uuid,
    /// The file it came from.
    pub file_name: String,
    /// What it shows (may be empty).
    pub caption: String,
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// RGBA pixels, row by row.
    pub rgba: Vec<u8>,
}

/// One hazard report with its photos.
#[derive(Debug, Clone)]
pub struct ReportDetail {
    /// The report.
    pub report: HazardReport,
    /// Its photos as thumbnails.
    pub thumbnails: Vec<Thumbnail>,
}

/// How loud a notification is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationLevel {
    /// Done.
    Info,
    /// Done, with problems worth reading.
    Warning,
    /// Failed; nothing changed.
    Error,
}

/// A message for the person at the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// How loud.
    pub level: NotificationLevel,
    /// What happened and what to do.
    pub text: String,
}

/// Everything the UI draws from.
/// What kind of job the busy line is about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BusyKind {
    /// Anything else.
    #[default]
    Other,
    /// An import or an export: it can be cancelled.
    Cancellable,
    /// A sync with the office server.
    HubSync,
}

#[derive(Debug, Default)]
pub struct AppState {
    /// The language notifications are written in (the app's, set every frame).
    pub tr: crate::i18n::Tr,
    /// What the running job is (an import or export can be cancelled; a hub sync shows its
    /// stages in the Reconciliation window).
    pub busy_kind: BusyKind,
    /// The open store's file.
    pub store_path: Option<PathBuf>,
    /// Set when the background page check found the open store damaged (writes are refused);
    /// the app shows it as a banner.
    pub store_damaged: Option<String>,
    /// Lands and reports.
    pub records: Records,
    /// Whether `records` has been loaded at least once.
    pub loaded: bool,
    /// The selected land.
    pub selected: Option<LandId>,
    /// Its full record, once loaded.
    pub detail: Option<LandDetail>,
    /// The selected hazard report.
    pub selected_report: Option<HazardReportId>,
    /// Its record and photos, once loaded.
    pub report_detail: Option<ReportDetail>,
    /// Notifications, newest last.
    pub notifications: Vec<Notification>,
    /// What the worker is busy with (for the progress indicator).
    pub busy: Option<String>,
    /// Progress of the current long job: done, total.
    pub progress: Option<(usize, usize)>,
    /// Problems of the last import, for the import summary window.
    pub last_import_issues: Vec<crate::domain::ImportIssue>,
    /// The last refusal per form, shown next to the form's fields until the next attempt.
    pub form_error: Option<(super::Form, String)>,
    /// Set when a form's command succeeded, so the form can close.
    pub form_done: Option<super::Form>,
    /// The dashboard's figures for its current filter, once computed.
    pub dashboard: Option<crate::reports::Figures>,
    /// The lands in the dashboard's scope (the map shows only these while it is open).
    pub dashboard_scope: std::collections::BTreeSet<LandId>,
    /// The export log, newest first, once loaded.
    pub export_log: Option<Vec<crate::domain::ExportLogEntry>>,
    /// The store's reference layers in drawing order (bottom first), as read by the worker.
    pub reference_layers: Vec<super::LoadedLayer>,
    /// The reference layers changed since the map last took them (the map clears it).
    pub layers_changed: bool,
    /// Lands whose source attributes hold a search text (the text, lower-case, and the lands).
    pub source_matches: Option<(String, std::collections::BTreeSet<LandId>)>,
    /// A photo opened full size (at most 1 600 px on its longer side).
    pub photo: Option<Thumbnail>,
    /// The programme's audit trail as last loaded for the History window.
    pub audit_feed: Option<Vec<crate::domain::AuditEntry>>,
    /// What the Reconciliation view shows (loaded when it opens, after each sync action).
    pub sync: Option<SyncOverview>,
    /// A foreign file waiting for its mapping step.
    pub import_preview: Option<(PathBuf, crate::domain::FileProperties)>,
    /// Unsaved work found in the store at open, not yet restored or discarded.
    pub unsaved_forms: Vec<crate::domain::UnsavedForm>,
}

impl AppState {
    /// Adds a notification.
    pub fn notify(&mut self, level: NotificationLevel, text: impl Into<String>) {
        self.notifications.push(Notification {
            level,
            text: text.into(),
        });
        if self.notifications.len() > 50 {
            self.notifications.remove(0);
        }
    }

    /// Applies one outcome from the worker.
    pub fn apply(&mut self, outcome: super::Outcome) {
        use super::Outcome;
        match outcome {
            Outcome::StoreOpened { path, backup } => {
                self.store_path = Some(path);
                self.store_damaged = None;
                self.dashboard = None;
                self.export_log = None;
                self.reference_layers.clear();
                self.unsaved_forms.clear();
                self.layers_changed = true;
                self.selected = None;
                self.detail = None;
                self.loaded = false;
                if let Some(b) = backup {
                    self.notify(
                        NotificationLevel::Info,
                        self.tr.state_upgraded(b.display().to_string()),
                    );
                }
            }
            Outcome::Records(records) => {
                self.records = *records;
                self.loaded = true;
                self.busy = None;
                if let Some(sel) = self.selected
                    && !self.records.lands.iter().any(|l| l.summary.id == sel)
                {
                    self.selected = None;
                    self.detail = None;
                }
                // A voided hazard report leaves the lists, and the panel that showed it.
                if let Some(sel) = self.selected_report
                    && !self.records.reports.iter().any(|r| r.id == sel)
                {
                    self.selected_report = None;
                    self.report_detail = None;
                }
            }
            Outcome::ReportDetail(detail) => {
                if self.selected_report == Some(detail.report.id) {
                    self.report_detail = Some(*detail);
                }
            }
            Outcome::LandDetail(detail) => {
                if self.selected == Some(detail.land.id) {
                    self.detail = Some(*detail);
                }
            }
            Outcome::Imported {
                summary,
                issues,
                refused,
            } => {
                self.busy = None;
                let warnings = issues.len();
                self.last_import_issues = issues;
                match (summary, refused) {
                    (_, Some(why)) => self.notify(
                        NotificationLevel::Error,
                        self.tr.state_import_refused(why.to_string()),
                    ),
                    (Some(s), None) => {
                        let level = if warnings > 0 {
                            NotificationLevel::Warning
                        } else {
                            NotificationLevel::Info
                        };
                        self.notify(
                            level,
                            self.tr.state_imported(
                                s.lands,
                                s.activities,
                                s.hazard_reports,
                                s.skipped,
                                warnings,
                            ),
                        );
                    }
                    (None, None) => {}
                }
            }
            Outcome::LandSaved { id, code } => {
                self.busy = None;
                self.form_done = Some(super::Form::Land);
                self.form_error = None;
                self.selected = Some(id);
                self.detail = None;
                self.notify(
                    NotificationLevel::Info,
                    self.tr.state_land_saved(code.as_str()),
                );
            }
            Outcome::ActivityRecorded { land, text } => {
                self.busy = None;
                self.form_done = Some(super::Form::Activity);
                self.form_error = None;
                if self.selected == Some(land) {
                    self.detail = None;
                }
                self.notify(NotificationLevel::Info, text);
            }
            Outcome::FormDone(form) => {
                self.form_done = Some(form);
                self.form_error = None;
            }
            Outcome::Refused { form, error } => {
                let message = super::words::refusal(self.tr, &error);
                self.busy = None;
                self.notify(
                    NotificationLevel::Error,
                    self.tr.state_not_saved(message.as_str()),
                );
                self.form_error = Some((form, message));
            }
            Outcome::Progress { done, total } => self.progress = Some((done, total)),
            Outcome::Stage(text) => self.busy = Some(text),
            Outcome::Dashboard(figures) => {
                self.dashboard_scope = figures.lands.iter().map(|l| l.id).collect();
                self.dashboard = Some(*figures);
            }
            Outcome::ExportLog(entries) => self.export_log = Some(entries),
            Outcome::UnsavedForms(forms) => self.unsaved_forms = forms,
            Outcome::AuditFeed(entries) => self.audit_feed = Some(entries),
            Outcome::Sync(overview) => self.sync = Some(*overview),
            Outcome::Photo(photo) => self.photo = Some(*photo),
            Outcome::SourceMatches { query, lands } => {
                self.source_matches = Some((query, lands.into_iter().collect()));
            }
            Outcome::ImportPreview { path, properties } => {
                self.busy = None;
                self.import_preview = Some((path, *properties));
            }
            Outcome::ReferenceLayers(layers) => {
                self.layers_changed = true;
                self.reference_layers = layers;
            }
            Outcome::Done(text) => {
                self.busy = None;
                self.progress = None;
                self.notify(NotificationLevel::Info, text);
            }
            Outcome::StoreDamaged(message) => {
                self.notify(NotificationLevel::Error, message.clone());
                self.store_damaged = Some(message);
            }
            Outcome::Failed { action, error } => {
                let message = error.to_string();
                self.busy = None;
                self.progress = None;
                self.notify(
                    NotificationLevel::Error,
                    self.tr.state_failed(action, message),
                );
            }
        }
    }
}
