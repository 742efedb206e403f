//! The app's life: starting the worker, sending commands and applying their outcomes, and the
//! layout of one frame (top bar, side panels, map, windows).

use super::land_editor::LandEditor;
use super::list::{ListPanel, Picked};
use super::map::{MapOptions, MapView};
use super::prefs::PREFS_KEY;
use super::prefs::Prefs;
use super::{FrameStats, SafegroundApp, theme};
use crate::app::{AppState, Command, NotificationLevel, Worker};
use crate::session::{DEMO_PROGRAMME, current_actor};
use eframe::egui;
use std::path::PathBuf;

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

    pub(super) fn start(ctx: &egui::Context, store: Option<PathBuf>, prefs: Prefs) -> Self {
        let waker_ctx = ctx.clone();
        let waker: crate::app::Waker = std::sync::Arc::new(move || waker_ctx.request_repaint());
        let mut state = AppState::default();
        // The person this device recorded as, else the login name (asked at first start).
        let actor = prefs
            .person
            .as_ref()
            .filter(|p| p.is_complete())
            .map_or_else(current_actor, super::prefs::Person::actor);
        let worker = match Worker::start(store, actor, DEMO_PROGRAMME, waker) {
            Ok(w) => Some(w),
            Err(e) => {
                state.notify(
                    NotificationLevel::Error,
                    crate::i18n::Tr::new(crate::i18n::Lang::from_system())
                        .for_screen()
                        .worker_start_failed(e.to_string()),
                );
                None
            }
        };
        // `$SAFEGROUND_APPEARANCE` (daylight, dark, system) wins, for kiosks and screenshots.
        let mut prefs = prefs;
        if let Ok(v) = std::env::var("SAFEGROUND_APPEARANCE") {
            prefs.appearance = match v.trim().to_ascii_lowercase().as_str() {
                "daylight" | "light" => super::theme::Appearance::Daylight,
                "dark" => super::theme::Appearance::Dark,
                "system" => super::theme::Appearance::System,
                _ => prefs.appearance,
            };
        }
        super::theme::apply_appearance(ctx, prefs.appearance);
        // `$SAFEGROUND_LANG` (en, fr, uk, es, ar) wins too; else the choice made in Settings,
        // else the system's language.
        if let Some(lang) = std::env::var("SAFEGROUND_LANG")
            .ok()
            .and_then(|v| crate::i18n::Lang::parse(&v))
        {
            prefs.language = Some(lang);
        }
        super::language::install_fonts(ctx);
        let system_lang = crate::i18n::Lang::from_system();
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
            show_layers: false,
            unsaved: super::unsaved::UnsavedTracker::default(),
            mapping_step: None,
            history: super::history::HistoryWindow::default(),
            reconciliation: super::reconciliation::ReconciliationWindow::default(),
            photo_view: None,
            source_query_sent: String::new(),
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
            void_entry: super::detail::VoidEntry::default(),
            frame_stats: FrameStats::new(),
            thumbnails: std::collections::HashMap::new(),
            ask_create: None,
            person_form: None,
            window_width: 1280.0,
            system_lang,
            worker_tr: None,
            pseudo_locale: false,
        };
        // A device set up for one person ($SAFEGROUND_USER and $SAFEGROUND_ROLE, e.g. a
        // shared office laptop's session) does not ask.
        if app.prefs.person.is_none()
            && let Some(person) = super::prefs::Person::from_env()
        {
            app.send(Command::SetActor(person.actor()));
            app.prefs.person = Some(person);
        }
        if !app
            .prefs
            .person
            .as_ref()
            .is_some_and(super::prefs::Person::is_complete)
        {
            app.person_form = Some(app.prefs.person.clone().unwrap_or_default());
        }
        if let Some(p) = raster_path {
            app.set_raster(Some(p), ctx);
        }
        if app.prefs.online_tiles {
            app.set_online_tiles(true, ctx);
        }
        app
    }

    /// The language the app is drawn in: the one chosen in Settings, else the system's.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.prefs.language.unwrap_or(self.system_lang)
    }

    /// The translator of the app's language.
    pub(super) fn tr(&self) -> crate::i18n::Tr {
        let tr = crate::i18n::Tr::new(self.lang()).for_screen();
        if self.pseudo_locale { tr.pseudo() } else { tr }
    }

    /// Makes this frame speak the app's language: the panels (through the egui context), the
    /// notifications and the database worker.
    pub(super) fn speak(&mut self, ctx: &egui::Context) {
        super::language::install_fonts(ctx);
        let tr = self.tr();
        super::language::set_tr(ctx, tr);
        self.state.tr = tr;
        if self.worker_tr != Some(tr) && self.worker.send(Command::SetLanguage(tr)) {
            self.worker_tr = Some(tr);
        }
    }

    /// The points of the current measurement on the map.
    pub fn measure_points(&self) -> &[crate::domain::LonLat] {
        &self.map.measure
    }

    /// The device's preferences (person, formats, remembered import mappings…).
    pub fn prefs(&self) -> &super::Prefs {
        &self.prefs
    }

    /// Queues a command for the worker (sent after this frame).
    pub fn send(&mut self, command: Command) {
        self.pending.push(command);
    }

    pub(super) fn select_report(&mut self, id: crate::domain::HazardReportId) {
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

    pub(super) fn select(&mut self, id: crate::domain::LandId) {
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

    pub(super) fn flush(&mut self) {
        for command in std::mem::take(&mut self.pending) {
            let tr = self.tr();
            let busy = match &command {
                Command::Import { .. } | Command::InspectImport(_) => Some(tr.busy_importing()),
                Command::Export(_) => Some(tr.busy_exporting()),
                Command::LoadDemo => Some(tr.busy_loading_demo()),
                Command::OpenStore(_) => Some(tr.busy_opening_store()),
                Command::SyncHub { .. } => Some(tr.busy_syncing()),
                _ => None,
            };
            let kind = match command {
                Command::Import { .. } | Command::InspectImport(_) | Command::Export(_) => {
                    crate::app::BusyKind::Cancellable
                }
                Command::SyncHub { .. } => crate::app::BusyKind::HubSync,
                _ => crate::app::BusyKind::Other,
            };
            let opening = matches!(command, Command::OpenStore(_));
            if self.worker.send(command) {
                if let Some(b) = busy {
                    self.state.busy = Some(b);
                    self.state.busy_kind = kind;
                }
                if opening {
                    self.fitted_once = false;
                }
            } else {
                self.state
                    .notify(NotificationLevel::Warning, tr.state_store_busy());
            }
        }
    }

    /// Draws one frame into `ui` (the whole window).
    /// Whether a form (land editor, hazard report form, activity form) is open.
    pub(super) fn form_open(&self) -> bool {
        self.editor.is_some() || self.report_form.is_some() || self.activity_form.is_some()
    }

    /// The widest the right panel may be: half the window while a form is open (the list then
    /// steps aside), else a quarter.
    pub(super) fn right_share(&self) -> f32 {
        if self.form_open() && self.dashboard.is_none() {
            super::FORM_PANEL_MAX_SHARE
        } else {
            super::SIDE_PANEL_MAX_SHARE
        }
    }

    /// The map's size on the screen in the last frame (points).
    pub fn map_size(&self) -> egui::Vec2 {
        self.map.interaction.size
    }

    /// The map's zoom level.
    pub fn map_zoom(&self) -> f64 {
        self.map.zoom()
    }

    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.speak(&ctx);
        self.window_width = ui.max_rect().width();
        if std::mem::take(&mut self.state.layers_changed) {
            self.map
                .set_reference_layers(&self.state.reference_layers, &ctx);
        }
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar(ui));
        self.ask_create_ui(&ctx);
        self.person_ui(&ctx);
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
            // The dashboard takes the list's place while it is open: the map keeps half.
            let picked = if self.dashboard.is_some() {
                self.dashboard_panel(ui);
                None
            } else if self.form_open() {
                // The form takes the room: the list steps aside until it is saved or cancelled.
                None
            } else {
                super::side_panel(
                    super::language::start_panel(ui.ctx(), "list"),
                    380.0,
                    self.window_width,
                    super::SIDE_PANEL_MAX_SHARE,
                )
                .show(ui, |ui| self.list.ui(ui, &self.state))
                .inner
            };
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
                                label: self.tr().map_new_report(),
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
                    .and_then(|e| e.walk(crate::i18n::Tr::default()).ok())
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
                    typed_points: match (&self.state.detail, &self.editor) {
                        (Some(d), None) if self.prefs.show_typed_points => &d.land.points,
                        _ => &[],
                    },
                    conflict: self.reconciliation.overlay.as_ref(),
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
        self.keep_unsaved_work(ctx.input(|i| i.time));
        self.search_source_attributes();
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

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Ctrl+Q or the window closed with a form open: keep its work now (the worker finishes
        // its queue before the store closes), so the next start offers it back.
        self.keep_unsaved_work(f64::INFINITY);
        self.flush();
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
