//! The desktop app (egui/eframe): panels draw from `app::AppState` and change data only by
//! sending `app::Command`s to the database worker.
//!
//! [`SafegroundApp`] is defined here; its methods live with what they draw, as rerun does:
//! `app` (start, commands and outcomes, the frame layout), `top_bar`, `side_panels`, `windows`
//! (picker, dashboard, export log, welcome). The map (`map`: prepared geometry, layers, editing),
//! the forms (`land_editor`, `activity_form`, `report_form`), the list, the detail and the
//! dashboard are their own modules; colours come from `theme`.

mod activity_form;
mod app;
mod dashboard;
mod date_field;
mod detail;
mod file_picker;
mod form_keys;
mod history;
mod import_mapping;
mod land_editor;
mod language;
mod layers;
mod list;
mod map;
mod prefs;
pub mod raster_tiles;
mod reconciliation;
mod report_form;
mod side_panels;
mod theme;
mod top_bar;
mod unsaved;
mod windows;

use std::path::PathBuf;

use eframe::egui;

use crate::app::{AppState, Command, Worker};
use crate::session::StoreChoice;
pub use activity_form::{ActivityForm, LastActivity};
use file_picker::FilePicker;

pub use land_editor::LandEditor;
pub use list::{ListPanel, Picked};
pub use map::{MapOptions, MapView, VertexEdit, measure};
pub use prefs::{Person, Prefs};
use report_form::ReportForm;

/// Opens the desktop app on the chosen store (the last store used wins when the choice is the
/// default and the user opened another one last time).
/// The widest a side panel may be, as a share of the window, when the list and a right panel are
/// both shown: together they leave the map at least half of it (field trial D2).
pub const SIDE_PANEL_MAX_SHARE: f32 = 0.24;

/// The widest a form may be, as a share of the window: while a form is open the list steps
/// aside (as in `QField`), so the form and the map share the window.
pub const FORM_PANEL_MAX_SHARE: f32 = 0.48;

/// A side panel: resizable, its default width, never wider than `share` of the window. Its
/// content is laid out at the panel's width (text and wrapped rows wrap) inside a horizontal
/// scroll area, so a widget that cannot wrap scrolls instead of pushing the map.
fn side_panel(panel: egui::Panel, default_width: f32, window_width: f32, share: f32) -> SidePanel {
    let max = (window_width * share).max(160.0);
    SidePanel(
        panel
            .resizable(true)
            .default_size(default_width.min(max))
            .max_size(max),
    )
}

/// A side panel whose content never reports more than the panel's width (see [`side_panel`]).
struct SidePanel(egui::Panel);

impl SidePanel {
    fn show<R>(
        self,
        ui: &mut egui::Ui,
        add_contents: impl FnOnce(&mut egui::Ui) -> R,
    ) -> egui::InnerResponse<R> {
        self.0.show(ui, |ui| {
            let width = ui.available_width();
            // A solid scroll bar takes its own row: a floating one would cover the last widget
            // (often the Save button).
            ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
            egui::ScrollArea::horizontal()
                .id_salt("side-body")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(width);
                    add_contents(ui)
                })
                .inner
        })
    }
}

pub fn run(choice: StoreChoice) -> Result<(), String> {
    let StoreChoice {
        path: store,
        given: store_was_given,
    } = choice;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Safeground")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        persist_window: true,
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Safeground",
        options,
        Box::new(move |cc| Ok(Box::new(SafegroundApp::new(cc, store, store_was_given)))),
    )
    .map_err(|e| format!("the window could not be opened: {e}"))
}

/// The app.
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent window toggles, not a state machine"
)]
pub struct SafegroundApp {
    /// What the panels draw.
    pub state: AppState,
    worker: Worker,
    prefs: Prefs,
    /// The land list's filters.
    pub list: ListPanel,
    map: MapView,
    picker: Option<FilePicker>,
    show_notifications: bool,
    show_import_issues: bool,
    welcome_dismissed: bool,
    fitted_once: bool,
    pending: Vec<Command>,
    /// A store file that was asked for but does not exist: the app asks before creating it.
    ask_create: Option<PathBuf>,
    /// "Who is recording?" being filled in (at first start, or from Settings).
    person_form: Option<prefs::Person>,
    /// The window's width this frame (points): side panels take at most a quarter each.
    window_width: f32,
    /// The system's language, read at start (followed unless Settings chose another).
    system_lang: crate::i18n::Lang,
    /// The language last sent to the database worker (what it says comes back in it).
    worker_tr: Option<crate::i18n::Tr>,
    /// Every text drawn comes wrapped in `« »` (the pseudo-locale of the language): the UI
    /// tests use it to find text that is not from a message file.
    pub pseudo_locale: bool,
    /// The land being recorded.
    pub editor: Option<LandEditor>,
    /// The activity being recorded.
    pub activity_form: Option<ActivityForm>,
    /// The hazard report being recorded.
    pub report_form: Option<ReportForm>,
    return_comment: String,
    /// A void being asked for in the detail or hazard report panel.
    void_entry: detail::VoidEntry,
    /// The dashboard, while it is open.
    pub dashboard: Option<dashboard::Dashboard>,
    /// Whether the export log window is open.
    show_export_log: bool,
    /// Whether the reference layers window is open.
    show_layers: bool,
    /// The lands' search text last sent to the worker for a source-attribute search.
    source_query_sent: String,
    /// The photo opened full size.
    photo_view: Option<side_panels::PhotoView>,
    /// The programme's history window.
    history: history::HistoryWindow,
    /// The Reconciliation window (sync bundles and conflicts).
    reconciliation: reconciliation::ReconciliationWindow,
    /// The import's mapping step, while a foreign file waits for it.
    mapping_step: Option<import_mapping::MappingStep>,
    /// What the open forms last kept in the store as unsaved work.
    unsaved: unsaved::UnsavedTracker,
    /// The profile of the next GeoJSON, CSV or GeoPackage export.
    pub export_profile: crate::domain::ExportProfile,
    frame_stats: FrameStats,
    /// Photo textures by photo id (made once from the worker's thumbnails).
    thumbnails: std::collections::HashMap<uuid::Uuid, egui::TextureHandle>,
}

/// CPU time of `frame_ui`, printed every 5 s to stderr when `SAFEGROUND_FRAME_STATS` is set.
#[derive(Debug)]
struct FrameStats {
    enabled: bool,
    frames: u32,
    total: std::time::Duration,
    max: std::time::Duration,
    since: std::time::Instant,
}

impl FrameStats {
    fn new() -> Self {
        Self {
            enabled: std::env::var_os("SAFEGROUND_FRAME_STATS").is_some(),
            frames: 0,
            total: std::time::Duration::ZERO,
            max: std::time::Duration::ZERO,
            since: std::time::Instant::now(),
        }
    }

    fn record(&mut self, spent: std::time::Duration) {
        if !self.enabled {
            return;
        }
        self.frames += 1;
        self.total += spent;
        self.max = self.max.max(spent);
        if self.since.elapsed() >= std::time::Duration::from_secs(5) && self.frames > 0 {
            eprintln!(
                "frame_stats: {} frames, mean {:.2} ms, max {:.2} ms (CPU time of the UI pass)",
                self.frames,
                self.total.as_secs_f64() * 1000.0 / f64::from(self.frames),
                self.max.as_secs_f64() * 1000.0
            );
            *self = Self {
                enabled: true,
                ..Self::new()
            };
        }
    }
}
