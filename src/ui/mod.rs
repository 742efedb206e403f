//! The desktop app (egui/eframe): panels draw from `app::AppState` and change data only by
//! sending `app::Command`s to the database worker.

mod activity_form;
mod dashboard;
mod detail;
mod file_picker;
mod land_editor;
mod list;
mod map;
mod prefs;
pub mod raster_tiles;
mod report_form;
mod theme;

use std::path::PathBuf;

use eframe::egui;

use crate::app::{AppState, Command, NotificationLevel, Worker};
use crate::domain::CoordFormat;
use crate::session::{DEMO_PROGRAMME, StoreChoice, current_actor, tile_cache_folder};
use activity_form::{ActivityForm, FormAction};
use detail::{DetailAction, detail_ui};
use file_picker::{FilePicker, PickMode, PickPurpose, PickResult};

use crate::exports::ExportFormat;
use land_editor::EditorAction;
pub use land_editor::LandEditor;
pub use list::{ListPanel, Picked};
pub use map::{MapOptions, MapView, VertexEdit, measure};
use prefs::PREFS_KEY;
pub use prefs::Prefs;
use report_form::{ReportAction, ReportForm};

/// Opens the desktop app on the chosen store (the last store used wins when the choice is the
/// default and the user opened another one last time).
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
    /// The land being recorded.
    pub editor: Option<LandEditor>,
    /// The activity being recorded.
    activity_form: Option<ActivityForm>,
    /// The hazard report being recorded.
    pub report_form: Option<ReportForm>,
    return_comment: String,
    /// The dashboard, while it is open.
    pub dashboard: Option<dashboard::Dashboard>,
    /// Whether the export log window is open.
    show_export_log: bool,
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

impl SafegroundApp {
    /// Starts the worker on the store and restores preferences.
    pub fn new(cc: &eframe::CreationContext<'_>, store: PathBuf, store_was_given: bool) -> Self {
        let mut prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        let remembered = prefs.last_store.is_some();
        let store = if store_was_given {
            store
        } else {
            prefs.last_store.clone().unwrap_or(store)
        };
        // A store that was asked for (--db) or remembered, but is not there, is never created
        // silently: the app asks first. Only the very first start creates the default store.
        if (store_was_given || remembered) && !store.exists() {
            let mut app = Self::start(&cc.egui_ctx, None, prefs);
            app.ask_create = Some(store);
            return app;
        }
        prefs.last_store = Some(store.clone());
        Self::with_store(&cc.egui_ctx, store, prefs)
    }

    /// An app on `store` with given preferences (also used by UI tests).
    pub fn with_store(ctx: &egui::Context, store: PathBuf, prefs: Prefs) -> Self {
        Self::start(ctx, Some(store), prefs)
    }

    fn start(ctx: &egui::Context, store: Option<PathBuf>, prefs: Prefs) -> Self {
        let waker_ctx = ctx.clone();
        let waker: crate::app::Waker = std::sync::Arc::new(move || waker_ctx.request_repaint());
        let mut state = AppState::default();
        let worker = match Worker::start(store, current_actor(), DEMO_PROGRAMME, waker) {
            Ok(w) => Some(w),
            Err(e) => {
                state.notify(
                    NotificationLevel::Error,
                    format!("The database worker could not start: {e}"),
                );
                None
            }
        };
        let raster_path = prefs.mbtiles.clone();
        let mut app = Self {
            state,
            worker: worker.unwrap_or_else(unreachable_worker),
            prefs,
            list: ListPanel::default(),
            map: MapView::new(),
            picker: None,
            dashboard: None,
            show_export_log: false,
            export_profile: crate::domain::ExportProfile::Full,
            show_notifications: false,
            show_import_issues: false,
            welcome_dismissed: false,
            fitted_once: false,
            pending: Vec::new(),
            editor: None,
            activity_form: None,
            report_form: None,
            return_comment: String::new(),
            frame_stats: FrameStats::new(),
            thumbnails: std::collections::HashMap::new(),
            ask_create: None,
        };
        if let Some(p) = raster_path {
            app.set_raster(Some(p), ctx);
        }
        if app.prefs.online_tiles {
            app.set_online_tiles(true, ctx);
        }
        app
    }

    /// Asks before creating a store that was asked for but is not there.
    fn ask_create_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.ask_create.clone() else {
            return;
        };
        egui::Window::new("No store at this path")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(format!(
                    "There is no Safeground store at {}. Was the name typed right, or was the file moved?",
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Create a new, empty store there").clicked() {
                        self.ask_create = None;
                        self.prefs.last_store = Some(path.clone());
                        self.send(Command::OpenStore(path.clone()));
                    }
                    if ui.button("Open another store…").clicked() {
                        self.ask_create = None;
                        self.open_picker(ctx, PickPurpose::OpenStore);
                    }
                });
            });
    }

    /// The points of the current measurement on the map.
    pub fn measure_points(&self) -> &[crate::domain::LonLat] {
        &self.map.measure
    }

    /// Queues a command for the worker (sent after this frame).
    pub fn send(&mut self, command: Command) {
        self.pending.push(command);
    }

    fn select_report(&mut self, id: crate::domain::HazardReportId) {
        self.state.selected = None;
        self.state.detail = None;
        self.state.selected_report = Some(id);
        self.state.report_detail = None;
        self.send(Command::LoadReport(id));
        if let Some(r) = self.state.records.reports.iter().find(|r| r.id == id) {
            let p = r.location.lon_lat;
            let d = 0.002;
            self.map
                .fit([p.lon_deg - d, p.lat_deg - d, p.lon_deg + d, p.lat_deg + d]);
        }
    }

    fn select(&mut self, id: crate::domain::LandId) {
        self.state.selected_report = None;
        self.state.report_detail = None;
        if self.state.selected != Some(id) {
            self.state.selected = Some(id);
            self.state.detail = None;
            self.send(Command::LoadLand(id));
        }
    }

    /// Applies what the worker sent (no painting).
    pub fn drain_outcomes(&mut self) {
        for outcome in self.worker.drain() {
            let records_changed = matches!(outcome, crate::app::Outcome::Records(_));
            if let crate::app::Outcome::StoreOpened { path, .. } = &outcome {
                self.prefs.last_store = Some(path.clone());
            }
            self.state.apply(outcome);
            if records_changed {
                self.map.set_records(&self.state.records);
                if !self.fitted_once && !self.state.records.lands.is_empty() {
                    self.map.fit_all();
                    self.fitted_once = true;
                }
                if let Some(id) = self.state.selected {
                    self.send(Command::LoadLand(id));
                }
                if let Some(d) = self.dashboard.as_mut() {
                    d.invalidate();
                }
            }
        }
    }

    fn flush(&mut self) {
        for command in std::mem::take(&mut self.pending) {
            let busy = match &command {
                Command::Import { .. } => Some("Importing…"),
                Command::Export(_) => Some("Exporting…"),
                Command::LoadDemo => Some("Loading the demo programme…"),
                Command::OpenStore(_) => Some("Opening the store…"),
                _ => None,
            };
            if self.worker.send(command) {
                if let Some(b) = busy {
                    self.state.busy = Some(b.to_owned());
                }
                if matches!(busy, Some("Opening the store…")) {
                    self.fitted_once = false;
                }
            } else {
                self.state.notify(
                    NotificationLevel::Warning,
                    "The store is busy; try again in a moment",
                );
            }
        }
    }

    fn open_picker(&mut self, ctx: &egui::Context, purpose: PickPurpose) {
        let dir = self
            .state
            .store_path
            .as_ref()
            .and_then(|p| p.parent().map(std::path::Path::to_owned))
            .filter(|p| !p.as_os_str().is_empty())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let (mode, title, ext, name): (PickMode, &str, &[&'static str], &str) = match purpose {
            PickPurpose::OpenStore => (PickMode::Open, "Open a store file", &["sqlite", "db"], ""),
            PickPurpose::NewStore => (
                PickMode::Save,
                "New programme: choose a store file",
                &["sqlite"],
                "programme.sqlite",
            ),
            PickPurpose::Import => (
                PickMode::Open,
                "Import GeoJSON or activities CSV",
                &["geojson", "json", "csv"],
                "",
            ),
            PickPurpose::Export(ExportFormat::Geojson) => (
                PickMode::Save,
                "Export GeoJSON",
                &["geojson"],
                "export.geojson",
            ),
            PickPurpose::Export(ExportFormat::Csv) => (
                PickMode::Save,
                "Export ledger and activities CSV",
                &["csv"],
                "ledger.csv",
            ),
            PickPurpose::Export(ExportFormat::Gpkg) => (
                PickMode::Save,
                "Export GeoPackage",
                &["gpkg"],
                "export.gpkg",
            ),
            PickPurpose::Export(ExportFormat::Report) => (
                PickMode::Save,
                "Write the donor progress report (HTML)",
                &["html"],
                "progress-report.html",
            ),
            PickPurpose::Mbtiles => (PickMode::Open, "Raster basemap (MBTiles)", &["mbtiles"], ""),
            PickPurpose::Photo => (
                PickMode::Open,
                "Attach a photo (JPEG or PNG)",
                &["jpg", "jpeg", "png"],
                "",
            ),
        };
        self.picker = Some(FilePicker::new(purpose, mode, title, ext, dir, name, ctx));
    }

    fn report_panel(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut add_photo = false;
        let thumbnails = &mut self.thumbnails;
        egui::Panel::right("report_detail")
            .resizable(true)
            .default_size(420.0)
            .show(ui, |ui| {
                let Some(d) = &self.state.report_detail else {
                    ui.spinner();
                    return;
                };
                let r = &d.report;
                ui.heading(format!(
                    "{} — {} ×{}",
                    r.code,
                    r.eo_category.label(),
                    r.quantity
                ));
                ui.label(format!(
                    "{} · {} · {}",
                    r.status.label(),
                    r.condition.label(),
                    r.validation.label()
                ));
                detail::fields_grid(ui, "report_grid", |row| {
                    row("Type / model", r.type_model.clone());
                    row(
                        "Location",
                        crate::geometry::coords::format_coord(
                            r.location.lon_lat,
                            self.prefs.coord_format,
                        ),
                    );
                    row(
                        "As entered",
                        r.location
                            .entered
                            .as_ref()
                            .map(|e| format!("{} ({})", e.text, e.format.label()))
                            .unwrap_or_default(),
                    );
                    row("Reported on", r.reported_on.to_string());
                    row("Reported by", r.reported_by.clone());
                    row("Phone", r.reporter_phone.clone());
                    row("Organisation", r.organisation.clone());
                    row("Notes", r.notes.clone());
                });
                ui.separator();
                ui.strong(format!("Photos ({})", d.thumbnails.len()));
                ui.horizontal_wrapped(|ui| {
                    for t in &d.thumbnails {
                        let texture = thumbnails.entry(t.id).or_insert_with(|| {
                            let image = egui::ColorImage::from_rgba_unmultiplied(
                                [t.width, t.height],
                                &t.rgba,
                            );
                            ctx.load_texture(
                                format!("photo-{}", t.id),
                                image,
                                egui::TextureOptions::LINEAR,
                            )
                        });
                        ui.add(egui::Image::new(&*texture).max_size(egui::vec2(160.0, 160.0)))
                            .on_hover_text(&t.file_name);
                    }
                });
                if ui.button("Add photo…").clicked() {
                    add_photo = true;
                }
            });
        if add_photo {
            self.open_picker(&ctx, PickPurpose::Photo);
        }
    }

    /// Turns online tiles on or off and remembers the choice. Tiles are cached on disk in the
    /// platform cache directory, so areas seen once stay visible offline.
    fn set_online_tiles(&mut self, on: bool, ctx: &egui::Context) {
        self.prefs.online_tiles = on;
        self.map.online = None;
        if !on {
            return;
        }
        // reqwest is built without a TLS crypto provider; install ring's once (a second install
        // returns Err, which is fine: one is installed).
        if rustls::crypto::ring::default_provider()
            .install_default()
            .is_err()
        {
            // Already installed.
        }
        let cache = tile_cache_folder();
        let options = walkers::HttpOptions {
            cache: cache.clone(),
            ..walkers::HttpOptions::default()
        };
        self.map.online = Some(walkers::HttpTiles::with_options(
            walkers::sources::OpenStreetMap,
            options,
            ctx.clone(),
        ));
        if let Some(c) = cache {
            self.state.notify(
                NotificationLevel::Info,
                format!("Online tiles on; cached in {}", c.display()),
            );
        }
    }

    /// Shows (or removes) a raster basemap and remembers the choice.
    fn set_raster(&mut self, path: Option<PathBuf>, ctx: &egui::Context) {
        self.map.raster = None;
        self.prefs.mbtiles = None;
        if let Some(path) = path {
            match raster_tiles::RasterTiles::open(&path, ctx) {
                Ok(r) => {
                    self.map.raster = Some(r);
                    self.prefs.mbtiles = Some(path);
                }
                Err(e) => self.state.notify(
                    NotificationLevel::Error,
                    format!("Cannot read the raster basemap: {e}"),
                ),
            }
        }
    }

    fn picker_ui(&mut self, ctx: &egui::Context) {
        let Some(picker) = &mut self.picker else {
            return;
        };
        let purpose = picker.purpose;
        let result = picker.show(ctx);
        let replace = crate::io::output::Replace::from_flag(picker.replace_confirmed);
        match result {
            PickResult::Open => {}
            PickResult::Cancelled => self.picker = None,
            PickResult::Chosen(path) => {
                self.picker = None;
                if purpose == PickPurpose::Mbtiles {
                    self.set_raster(Some(path), ctx);
                    return;
                }
                if purpose == PickPurpose::Photo {
                    if let Some(report) = self.state.selected_report {
                        self.send(Command::AttachPhoto { report, path });
                    }
                    return;
                }
                let command = match purpose {
                    PickPurpose::OpenStore | PickPurpose::NewStore => Command::OpenStore(path),
                    PickPurpose::Import => Command::Import {
                        paths: vec![path],
                        strict: false,
                    },
                    PickPurpose::Export(format) => {
                        let (profile, filter) = if format == ExportFormat::Report {
                            let d = self.dashboard.clone().unwrap_or_default();
                            (d.profile, d.filter().unwrap_or_default())
                        } else {
                            (self.export_profile, crate::reports::ReportFilter::default())
                        };
                        Command::Export(Box::new(crate::exports::ExportRequest {
                            format,
                            profile,
                            filter,
                            output: path,
                            replace,
                        }))
                    }
                    PickPurpose::Mbtiles | PickPurpose::Photo => return,
                };
                if purpose == PickPurpose::NewStore {
                    self.welcome_dismissed = true;
                }
                self.send(command);
            }
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("Store", |ui| {
                if ui.button("New programme…").clicked() {
                    self.open_picker(&ctx, PickPurpose::NewStore);
                }
                if ui.button("Open store…").clicked() {
                    self.open_picker(&ctx, PickPurpose::OpenStore);
                }
                if ui.button("Load the demo programme").clicked() {
                    self.send(Command::LoadDemo);
                }
            });
            if ui.button("New land").clicked() {
                self.report_form = None;
                self.editor = Some(LandEditor::new(time::OffsetDateTime::now_utc().date()));
                self.state.form_error = None;
                self.welcome_dismissed = true;
            }
            if ui.button("New hazard report").clicked() {
                self.editor = None;
                self.report_form = Some(ReportForm::new(
                    time::OffsetDateTime::now_utc().date(),
                    self.state.selected,
                ));
                self.state.form_error = None;
                self.welcome_dismissed = true;
            }
            if ui.button("Import…").clicked() {
                self.open_picker(&ctx, PickPurpose::Import);
            }
            ui.menu_button("Export", |ui| {
                ui.label("Profile (who the file is for)");
                for p in crate::domain::ExportProfile::ALL {
                    ui.radio_value(&mut self.export_profile, *p, p.label());
                }
                ui.separator();
                if ui.button("GeoJSON…").clicked() {
                    self.open_picker(&ctx, PickPurpose::Export(ExportFormat::Geojson));
                }
                if ui.button("Ledger and activities CSV…").clicked() {
                    self.open_picker(&ctx, PickPurpose::Export(ExportFormat::Csv));
                }
                if ui.button("GeoPackage…").clicked() {
                    self.open_picker(&ctx, PickPurpose::Export(ExportFormat::Gpkg));
                }
                ui.separator();
                if ui.button("Donor progress report…").clicked() {
                    self.dashboard
                        .get_or_insert_with(dashboard::Dashboard::default);
                    self.open_picker(&ctx, PickPurpose::Export(ExportFormat::Report));
                }
                if ui.button("Export log").clicked() {
                    self.show_export_log = true;
                    self.send(Command::LoadExportLog);
                }
            });
            if ui
                .selectable_label(self.dashboard.is_some(), "Dashboard")
                .clicked()
            {
                self.dashboard = match self.dashboard {
                    Some(_) => None,
                    None => Some(dashboard::Dashboard::default()),
                };
            }
            ui.menu_button("Settings", |ui| {
                ui.label("Coordinate format");
                for f in CoordFormat::ALL {
                    ui.radio_value(&mut self.prefs.coord_format, *f, f.label());
                }
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label("GPS accuracy threshold (m)");
                    ui.add(
                        egui::DragValue::new(&mut self.prefs.gps_threshold_m)
                            .range(1.0..=100.0)
                            .speed(0.5),
                    );
                });
                ui.checkbox(&mut self.prefs.show_labels, "Land codes on the map");
                let mut online = self.prefs.online_tiles;
                if ui
                    .checkbox(
                        &mut online,
                        "Online tiles (OpenStreetMap; needs a network, cached on disk)",
                    )
                    .changed()
                {
                    self.set_online_tiles(online, &ctx);
                }
                ui.separator();
                if ui.button("Raster basemap (MBTiles)…").clicked() {
                    self.open_picker(&ctx, PickPurpose::Mbtiles);
                }
                if self.map.raster.is_some() && ui.button("Remove the raster basemap").clicked() {
                    self.set_raster(None, &ctx);
                }
                if let Some(r) = &self.map.raster {
                    match (&r.error, &r.name) {
                        (Some(e), _) => {
                            ui.colored_label(theme::ERROR_TEXT, e);
                        }
                        (None, name) => {
                            ui.label(format!(
                                "Raster: {}",
                                name.clone()
                                    .unwrap_or_else(|| r.path().display().to_string())
                            ));
                        }
                    }
                }
                ui.checkbox(&mut self.prefs.show_reports, "Hazard reports on the map");
            });
            if ui.button("Zoom to all").clicked() {
                self.map.fit_all();
            }
            let measure_label = if self.map.measuring {
                "Stop measuring"
            } else {
                "Measure"
            };
            if ui
                .button(measure_label)
                .on_hover_text("Click on the map to measure distance and area")
                .clicked()
            {
                self.map.measuring = !self.map.measuring;
                self.map.measure.clear();
            }
            ui.separator();
            if let Some(p) = &self.state.store_path {
                ui.label(format!("Store: {}", p.display()));
            }
            if let Some(b) = &self.state.busy {
                ui.spinner();
                ui.label(b);
                if let Some((done, total)) = self.state.progress {
                    let fraction = if total > 0 {
                        done as f32 / total as f32
                    } else {
                        0.0
                    };
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(160.0)
                            .text(format!("{done} / {total}")),
                    );
                }
                if (b.starts_with("Importing") || b.starts_with("Exporting"))
                    && ui.button("Cancel").clicked()
                {
                    self.worker.cancel();
                }
            }
        });
    }

    fn notifications_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(n) = self.state.notifications.last() {
                let colour = match n.level {
                    NotificationLevel::Info => ui.visuals().text_color(),
                    NotificationLevel::Warning => theme::WARNING_TEXT,
                    NotificationLevel::Error => theme::ERROR_TEXT,
                };
                ui.colored_label(colour, &n.text);
            } else {
                ui.label("Ready.");
            }
            if !self.state.last_import_issues.is_empty() && ui.button("Import summary").clicked() {
                self.show_import_issues = true;
            }
            if ui
                .button(format!("Messages ({})", self.state.notifications.len()))
                .clicked()
            {
                self.show_notifications = !self.show_notifications;
            }
        });
    }

    fn dashboard_window(&mut self, ctx: &egui::Context) {
        let Some(mut dash) = self.dashboard.take() else {
            return;
        };
        let mut open = true;
        let mut action = dashboard::DashboardAction::None;
        egui::Window::new("Dashboard")
            .open(&mut open)
            .default_size([780.0, 780.0])
            .resizable(true)
            .show(ctx, |ui| {
                action = dash.ui(ui, self.state.dashboard.as_ref());
            });
        match action {
            dashboard::DashboardAction::None => {}
            dashboard::DashboardAction::Compute(filter) => self.send(Command::Dashboard(filter)),
            dashboard::DashboardAction::WriteReport => {
                self.open_picker(ctx, PickPurpose::Export(ExportFormat::Report));
            }
            dashboard::DashboardAction::ZoomToScope => {
                if let Some(b) = self.map.bbox_of(&self.state.dashboard_scope) {
                    self.map.fit(b);
                }
            }
        }
        if open {
            self.dashboard = Some(dash);
        } else {
            self.state.dashboard = None;
            self.state.dashboard_scope.clear();
        }
    }

    fn export_log_window(&mut self, ctx: &egui::Context) {
        if !self.show_export_log {
            return;
        }
        egui::Window::new("Export log")
            .open(&mut self.show_export_log)
            .default_size([760.0, 320.0])
            .show(ctx, |ui| {
                let Some(entries) = &self.state.export_log else {
                    ui.label("Loading…");
                    return;
                };
                if entries.is_empty() {
                    ui.label("Nothing has been exported from this store yet.");
                    return;
                }
                egui::ScrollArea::both().show(ui, |ui| {
                    egui::Grid::new("export_log")
                        .striped(true)
                        .num_columns(6)
                        .show(ui, |ui| {
                            for h in ["When (UTC)", "Who", "Format", "Profile", "Filter", "File"] {
                                ui.label(egui::RichText::new(h).strong());
                            }
                            ui.end_row();
                            for e in entries {
                                let when =
                                    e.at.format(time::macros::format_description!(
                                        "[year]-[month]-[day] [hour]:[minute]"
                                    ))
                                    .unwrap_or_default();
                                ui.label(when);
                                ui.label(format!("{} ({})", e.who, e.device));
                                ui.label(&e.format);
                                ui.label(e.profile.label());
                                ui.label(&e.filter);
                                ui.label(&e.file).on_hover_text(format!(
                                    "{} lands, {} activities, {} hazard reports",
                                    e.lands, e.activities, e.hazard_reports
                                ));
                                ui.end_row();
                            }
                        });
                });
            });
    }

    fn windows(&mut self, ctx: &egui::Context) {
        self.dashboard_window(ctx);
        self.export_log_window(ctx);
        if self.show_notifications {
            egui::Window::new("Messages")
                .open(&mut self.show_notifications)
                .show(ctx, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        for n in self.state.notifications.iter().rev() {
                            ui.label(&n.text);
                        }
                    });
                });
        }
        if self.show_import_issues {
            egui::Window::new("Import summary")
                .open(&mut self.show_import_issues)
                .default_size([600.0, 400.0])
                .show(ctx, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        for issue in &self.state.last_import_issues {
                            ui.label(issue.to_string());
                        }
                    });
                });
        }
    }

    fn welcome_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.heading("Welcome to Safeground");
            ui.label("Record hazard areas, hazard reports and clearance progress — offline.");
            ui.add_space(20.0);
            if let Some(p) = &self.state.store_path {
                ui.label(format!("This store is empty: {}", p.display()));
            }
            ui.add_space(10.0);
            let size = egui::vec2(300.0, 32.0);
            if ui
                .add_sized(size, egui::Button::new("Start a new programme"))
                .clicked()
            {
                self.welcome_dismissed = true;
            }
            if ui
                .add_sized(size, egui::Button::new("Open the demo programme"))
                .clicked()
            {
                self.send(Command::LoadDemo);
            }
            if ui
                .add_sized(size, egui::Button::new("Import a GeoJSON file…"))
                .clicked()
            {
                self.open_picker(&ctx, PickPurpose::Import);
            }
            if ui
                .add_sized(size, egui::Button::new("Open another store file…"))
                .clicked()
            {
                self.open_picker(&ctx, PickPurpose::OpenStore);
            }
        });
    }

    fn right_panel(&mut self, ui: &mut egui::Ui) {
        match self.state.form_done.take() {
            Some(crate::app::Form::Land) => self.editor = None,
            Some(crate::app::Form::Activity) => self.activity_form = None,
            Some(crate::app::Form::HazardReport) => self.report_form = None,
            _ => {}
        }
        let refusal = |form: crate::app::Form, state: &AppState| {
            state
                .form_error
                .as_ref()
                .filter(|(f, _)| *f == form)
                .map(|(_, m)| m.clone())
        };
        if let Some(form) = &mut self.report_form {
            let refused = refusal(crate::app::Form::HazardReport, &self.state);
            let lands: Vec<(crate::domain::LandId, String)> = self
                .state
                .records
                .lands
                .iter()
                .map(|l| (l.summary.id, l.summary.code.clone()))
                .collect();
            let mut action = None;
            egui::Panel::right("report_form")
                .resizable(true)
                .default_size(420.0)
                .show(ui, |ui| {
                    action = form.ui(ui, &lands, refused.as_deref());
                });
            match action {
                Some(ReportAction::Save(report)) => {
                    self.state.form_error = None;
                    self.send(Command::AddHazardReport(report));
                }
                Some(ReportAction::Cancel) => self.report_form = None,
                None => {}
            }
            return;
        }
        if let Some(editor) = &mut self.editor {
            let refused = refusal(crate::app::Form::Land, &self.state);
            let mut action = None;
            egui::Panel::right("editor")
                .resizable(true)
                .default_size(520.0)
                .show(ui, |ui| {
                    action = editor.ui(
                        ui,
                        self.prefs.coord_format,
                        self.prefs.gps_threshold_m,
                        refused.as_deref(),
                    );
                });
            match action {
                Some(EditorAction::Save(land)) => {
                    self.state.form_error = None;
                    let editing = self.editor.as_ref().is_some_and(|e| e.original.is_some());
                    self.send(if editing {
                        Command::UpdateLand(land)
                    } else {
                        Command::CreateLand(land)
                    });
                }
                Some(EditorAction::Cancel) => self.editor = None,
                None => {}
            }
            return;
        }
        if self.state.selected_report.is_some() {
            self.report_panel(ui);
            return;
        }
        let Some(selected) = self.state.selected else {
            return;
        };
        let mut action = None;
        let mut form_action = None;
        let refused_activity = refusal(crate::app::Form::Activity, &self.state);
        let refused_workflow = refusal(crate::app::Form::Workflow, &self.state);
        egui::Panel::right("detail")
            .resizable(true)
            .default_size(440.0)
            .show(ui, |ui| {
                if let Some(form) = &mut self.activity_form {
                    form_action = form.ui(ui, refused_activity.as_deref());
                    ui.separator();
                }
                if let Some(w) = &refused_workflow {
                    ui.colored_label(theme::ERROR_TEXT, w);
                }
                if let Some(d) = &self.state.detail {
                    action = detail_ui(
                        ui,
                        d,
                        self.prefs.coord_format,
                        self.prefs.gps_threshold_m,
                        &mut self.return_comment,
                    );
                } else {
                    ui.spinner();
                }
            });
        match form_action {
            Some(FormAction::Save(activity)) => {
                self.state.form_error = None;
                self.send(Command::AddActivity(activity));
            }
            Some(FormAction::Cancel) => self.activity_form = None,
            None => {}
        }
        let workflow = |action| Command::Workflow {
            land: selected,
            action,
        };
        match action {
            Some(DetailAction::ZoomTo) => {
                if let Some(b) = self.map.land_bbox(selected) {
                    self.map.fit(b);
                }
            }
            Some(DetailAction::Edit) => {
                if let Some(d) = &self.state.detail {
                    self.state.form_error = None;
                    self.editor = Some(LandEditor::edit(
                        &d.land,
                        time::OffsetDateTime::now_utc().date(),
                        self.prefs.coord_format,
                    ));
                }
            }
            Some(DetailAction::RecordActivity) => {
                self.state.form_error = None;
                self.activity_form = Some(ActivityForm::new(
                    selected,
                    time::OffsetDateTime::now_utc().date(),
                ));
            }
            Some(DetailAction::Submit) => {
                self.send(workflow(crate::domain::WorkflowAction::Submit));
            }
            Some(DetailAction::Approve) => {
                self.send(workflow(crate::domain::WorkflowAction::Approve));
            }
            Some(DetailAction::Return(c)) => {
                self.send(workflow(crate::domain::WorkflowAction::Return(c)));
                self.return_comment.clear();
            }
            None => {}
        }
    }

    /// Draws one frame into `ui` (the whole window).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar(ui));
        self.ask_create_ui(&ctx);
        if let Some(message) = &self.state.store_damaged {
            egui::Panel::top("damaged_banner").show(ui, |ui| {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(format!("⚠ {message}"))
                            .color(egui::Color32::WHITE)
                            .background_color(theme::ERROR_TEXT)
                            .strong(),
                    )
                    .wrap(),
                );
            });
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| self.notifications_bar(ui));
        let show_welcome = self.state.loaded
            && self.state.records.lands.is_empty()
            && self.state.records.reports.is_empty()
            && !self.welcome_dismissed;
        if !show_welcome {
            let picked = egui::Panel::left("list")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| self.list.ui(ui, &self.state))
                .inner;
            match picked {
                Some(Picked::Land(id)) => {
                    self.select(id);
                    if let Some(b) = self.map.land_bbox(id) {
                        self.map.fit(b);
                    }
                }
                Some(Picked::Report(id)) => self.select_report(id),
                None => {}
            }
            self.right_panel(ui);
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if show_welcome {
                self.welcome_ui(ui);
            } else {
                let preview = self
                    .editor
                    .as_ref()
                    .map(LandEditor::indexed_points)
                    .or_else(|| {
                        let p = self.report_form.as_ref()?.location()?;
                        Some(vec![(
                            0,
                            crate::domain::SurveyPoint {
                                kind: crate::domain::PointKind::Evidence,
                                label: "new report".to_owned(),
                                lon_lat: p,
                                entered: None,
                                source: crate::domain::PointSource::MapClick,
                                note: String::new(),
                            },
                        )])
                    })
                    .unwrap_or_default();
                let traverse: Vec<crate::domain::LonLat> = self
                    .editor
                    .as_ref()
                    .and_then(|e| e.walk().ok())
                    .map(|t| {
                        std::iter::once(t.benchmark)
                            .chain(t.points.iter().map(|(p, _)| *p))
                            .collect()
                    })
                    .unwrap_or_default();
                let options = MapOptions {
                    format: self.prefs.coord_format,
                    show_labels: self.prefs.show_labels,
                    show_reports: self.prefs.show_reports,
                    preview: &preview,
                    traverse: &traverse,
                    scope: self
                        .dashboard
                        .as_ref()
                        .filter(|_| self.state.dashboard.is_some())
                        .map(|_| &self.state.dashboard_scope),
                };
                self.map.ui(ui, self.state.selected, &options);
                if let (Some(edit), Some(editor)) =
                    (self.map.interaction.vertex_edit, self.editor.as_mut())
                {
                    editor.apply_map_edit(&edit, self.prefs.coord_format);
                }
                let drawing = self.editor.as_ref().is_some_and(|e| e.drawing);
                if self.map.interaction.vertex_edit.is_some() {
                    // The click edited a vertex; it adds no point.
                } else if let (true, Some(p)) =
                    (self.map.measuring, self.map.interaction.clicked_at)
                {
                    self.map.measure.push(p);
                } else if let (Some(p), Some(form)) =
                    (self.map.interaction.clicked_at, self.report_form.as_mut())
                {
                    form.set_location(p, self.prefs.coord_format);
                } else if drawing {
                    if let (Some(p), Some(editor)) =
                        (self.map.interaction.clicked_at, self.editor.as_mut())
                    {
                        editor.add_map_point(p, self.prefs.coord_format);
                    }
                } else if let Some(id) = self.map.interaction.clicked {
                    self.select(id);
                }
            }
        });
        self.windows(&ctx);
        self.picker_ui(&ctx);
        self.flush();
    }
}

impl eframe::App for SafegroundApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.drain_outcomes();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let start = std::time::Instant::now();
        self.frame_ui(ui);
        self.frame_stats.record(start.elapsed());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

fn unreachable_worker() -> Worker {
    // Worker::start only fails when the OS refuses a thread; retry once without a store so the
    // window can still show the error.
    match Worker::start(
        None,
        current_actor(),
        DEMO_PROGRAMME,
        std::sync::Arc::new(|| {}),
    ) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: Safeground cannot start a thread ({e})");
            std::process::exit(1)
        }
    }
}
