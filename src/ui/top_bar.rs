//! The top bar (store, import and export, layers, settings) and the notifications under it.

use super::file_picker::PickPurpose;
use super::land_editor::LandEditor;
use super::report_form::ReportForm;
use super::{SafegroundApp, dashboard, raster_tiles, theme};
use crate::app::{Command, NotificationLevel};
use crate::domain::CoordFormat;
use crate::exports::ExportFormat;
use crate::session::tile_cache_folder;
use eframe::egui;
use std::path::PathBuf;

impl SafegroundApp {
    /// Turns online tiles on or off and remembers the choice. Tiles are cached on disk in the
    /// platform cache directory, so areas seen once stay visible offline.
    pub(super) fn set_online_tiles(&mut self, on: bool, ctx: &egui::Context) {
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
                super::language::tr(ctx).top_online_tiles_cached(c.display().to_string()),
            );
        }
    }

    /// Shows (or removes) a raster basemap and remembers the choice.
    pub(super) fn set_raster(&mut self, path: Option<PathBuf>, ctx: &egui::Context) {
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
                    super::language::tr(ctx).top_raster_unreadable(e.to_string()),
                ),
            }
        }
    }

    pub(super) fn top_bar(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let tr = super::language::tr(&ctx);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr.menu_store(), |ui| {
                if ui.button(tr.menu_new_programme()).clicked() {
                    self.open_picker(&ctx, PickPurpose::NewStore);
                }
                if ui.button(tr.menu_open_store()).clicked() {
                    self.open_picker(&ctx, PickPurpose::OpenStore);
                }
                if ui.button(tr.menu_load_demo()).clicked() {
                    self.send(Command::LoadDemo);
                }
            });
            let shortcut = |key| {
                ctx.input_mut(|i| {
                    i.consume_shortcut(&egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key))
                })
            };
            let (new_land, dashboard_key, layers_key, history_key, sync_key) = (
                shortcut(egui::Key::N),
                shortcut(egui::Key::D),
                shortcut(egui::Key::L),
                shortcut(egui::Key::H),
                shortcut(egui::Key::R),
            );
            // Ctrl+Q quits, as desktop programs do; an open form's work is kept first
            // (`on_exit`) and offered back at the next start.
            if shortcut(egui::Key::Q) {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            if (ui
                .button(tr.top_new_land())
                .on_hover_text("Ctrl+N")
                .clicked()
                || new_land)
                && self.may_open_form()
            {
                self.report_form = None;
                self.activity_form = None;
                self.editor = Some(LandEditor::new(crate::session::today()));
                self.state.form_error = None;
                self.welcome_dismissed = true;
            }
            if ui.button(tr.top_new_hazard_report()).clicked() && self.may_open_form() {
                self.editor = None;
                self.activity_form = None;
                self.report_form = Some(ReportForm::new(
                    crate::session::today(),
                    self.state.selected,
                ));
                self.state.form_error = None;
                self.welcome_dismissed = true;
            }
            if ui.button(tr.top_import()).clicked() {
                self.open_picker(&ctx, PickPurpose::Import);
            }
            ui.menu_button(tr.top_export(), |ui| {
                ui.label(tr.export_profile());
                for p in crate::domain::ExportProfile::ALL {
                    ui.radio_value(&mut self.export_profile, *p, tr.label(p.label_id()));
                }
                ui.separator();
                if ui.button(tr.export_geojson()).clicked() {
                    self.open_picker(&ctx, PickPurpose::Export(ExportFormat::Geojson));
                }
                if ui.button(tr.export_csv()).clicked() {
                    self.open_picker(&ctx, PickPurpose::Export(ExportFormat::Csv));
                }
                if ui.button(tr.export_gpkg()).clicked() {
                    self.open_picker(&ctx, PickPurpose::Export(ExportFormat::Gpkg));
                }
                ui.separator();
                if ui.button(tr.export_report()).clicked() {
                    self.dashboard
                        .get_or_insert_with(dashboard::Dashboard::default);
                    self.open_picker(&ctx, PickPurpose::Export(ExportFormat::Report));
                }
                if ui.button(tr.export_log()).clicked() {
                    self.show_export_log = true;
                    self.send(Command::LoadExportLog);
                }
            });
            if ui
                .selectable_label(self.dashboard.is_some(), tr.top_dashboard())
                .on_hover_text("Ctrl+D")
                .clicked()
                || dashboard_key
            {
                self.dashboard = match self.dashboard {
                    Some(_) => None,
                    None => Some(dashboard::Dashboard::default()),
                };
            }
            let recording = self
                .prefs
                .person
                .as_ref()
                .filter(|p| p.is_complete())
                .map_or_else(
                    || tr.top_who_is_recording(),
                    |p| {
                        tr.top_recording_as(
                            p.name.trim(),
                            p.role().map(|r| tr.label(r.label_id())).unwrap_or_default(),
                        )
                    },
                );
            if ui
                .button(recording)
                .on_hover_text(tr.top_recording_hint())
                .clicked()
            {
                self.person_form = Some(self.prefs.person.clone().unwrap_or_default());
            }
            ui.menu_button(tr.top_settings(), |ui| {
                ui.label(tr.settings_language());
                let system = tr.settings_language_system(self.system_lang.native_name());
                ui.radio_value(&mut self.prefs.language, None, system);
                for lang in crate::i18n::Lang::ALL {
                    let name = if lang.is_rtl() {
                        tr.settings_language_beta(lang.native_name())
                    } else {
                        lang.native_name().to_owned()
                    };
                    ui.radio_value(&mut self.prefs.language, Some(lang), name);
                }
                ui.separator();
                ui.label(tr.settings_appearance());
                for a in theme::Appearance::ALL {
                    if ui
                        .radio_value(&mut self.prefs.appearance, *a, tr.label(a.label_id()))
                        .changed()
                    {
                        theme::apply_appearance(&ctx, *a);
                    }
                }
                ui.separator();
                ui.label(tr.settings_coord_format());
                for f in CoordFormat::ALL {
                    ui.radio_value(&mut self.prefs.coord_format, *f, tr.label(f.label_id()));
                }
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label(tr.settings_gps_threshold());
                    ui.add(
                        egui::DragValue::new(&mut self.prefs.gps_threshold_m)
                            .range(1.0..=100.0)
                            .speed(0.5),
                    );
                });
                ui.checkbox(&mut self.prefs.show_labels, tr.settings_land_codes());
                let mut online = self.prefs.online_tiles;
                if ui
                    .checkbox(&mut online, tr.settings_online_tiles())
                    .changed()
                {
                    self.set_online_tiles(online, &ctx);
                }
                ui.separator();
                if ui.button(tr.settings_raster()).clicked() {
                    self.open_picker(&ctx, PickPurpose::Mbtiles);
                }
                if self.map.raster.is_some() && ui.button(tr.settings_raster_remove()).clicked() {
                    self.set_raster(None, &ctx);
                }
                if let Some(r) = &self.map.raster {
                    match (&r.error, &r.name) {
                        (Some(e), _) => {
                            ui.colored_label(theme::ERROR_TEXT, e);
                        }
                        (None, name) => {
                            ui.label(
                                tr.settings_raster_name(
                                    name.clone()
                                        .unwrap_or_else(|| r.path().display().to_string()),
                                ),
                            );
                        }
                    }
                }
                ui.checkbox(&mut self.prefs.show_reports, tr.settings_show_reports());
                ui.checkbox(
                    &mut self.prefs.show_typed_points,
                    tr.settings_typed_points(),
                );
            });
            if ui
                .button(tr.top_history())
                .on_hover_text(tr.top_history_hint())
                .clicked()
                || history_key
            {
                self.toggle_history();
            }
            let label = reconciliation_label(tr, &self.state.records);
            if ui
                .button(label)
                .on_hover_text(tr.top_reconciliation_hint())
                .clicked()
                || sync_key
            {
                self.toggle_reconciliation();
            }
            if ui
                .button(tr.top_layers())
                .on_hover_text(tr.top_layers_hint())
                .clicked()
                || layers_key
            {
                self.show_layers = !self.show_layers;
            }
            if ui.button(tr.top_zoom_all()).clicked() {
                self.map.fit_all();
            }
            let measure_label = if self.map.measuring {
                tr.top_stop_measuring()
            } else {
                tr.top_measure()
            };
            if ui
                .button(measure_label)
                .on_hover_text(tr.top_measure_hint())
                .clicked()
            {
                self.map.measuring = !self.map.measuring;
                self.map.measure.clear();
            }
            ui.separator();
            if let Some(p) = &self.state.store_path {
                ui.label(tr.top_store(p.display().to_string()));
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
                if self.state.busy_kind == crate::app::BusyKind::Cancellable
                    && ui.button(tr.button_cancel()).clicked()
                {
                    self.worker.cancel();
                }
            }
        });
    }

    pub(super) fn notifications_bar(&mut self, ui: &mut egui::Ui) {
        let tr = super::language::tr(ui.ctx());
        ui.horizontal(|ui| {
            if let Some(n) = self.state.notifications.last() {
                let colour = match n.level {
                    NotificationLevel::Info => ui.visuals().text_color(),
                    NotificationLevel::Warning => theme::WARNING_TEXT,
                    NotificationLevel::Error => theme::ERROR_TEXT,
                };
                ui.colored_label(colour, &n.text);
            } else {
                ui.label(tr.top_ready());
            }
            if !self.state.last_import_issues.is_empty()
                && ui.button(tr.top_import_summary()).clicked()
            {
                self.show_import_issues = !self.show_import_issues;
            }
            if ui
                .button(tr.top_messages(self.state.notifications.len()))
                .clicked()
            {
                self.show_notifications = !self.show_notifications;
            }
        });
    }
}

impl SafegroundApp {
    /// Whether a new form may replace the open one: not while a form holds unsaved changes
    /// (the person is told to save or cancel it first; nothing is lost).
    pub(super) fn may_open_form(&mut self) -> bool {
        let tr = self.tr();
        let busy = if self
            .editor
            .as_ref()
            .is_some_and(LandEditor::has_unsaved_changes)
        {
            Some(tr.unsaved_land())
        } else if self
            .report_form
            .as_ref()
            .is_some_and(ReportForm::has_unsaved_changes)
        {
            Some(tr.unsaved_hazard_report())
        } else if self
            .activity_form
            .as_ref()
            .is_some_and(super::ActivityForm::has_unsaved_changes)
        {
            Some(tr.unsaved_activity())
        } else {
            None
        };
        match busy {
            Some(what) => {
                self.state.notify(NotificationLevel::Warning, what);
                false
            }
            None => true,
        }
    }
}

/// The Reconciliation button: its open conflicts in red, and loudly a refused bundle or changes
/// waiting for earlier ones.
fn reconciliation_label(tr: crate::i18n::Tr, records: &crate::app::Records) -> egui::RichText {
    let mut parts = Vec::new();
    if records.open_conflicts > 0 {
        parts.push(tr.count(records.open_conflicts as u64));
    }
    if records.parked > 0 {
        parts.push(tr.reconciliation_waiting(records.parked));
    }
    if records.last_bundle_refused {
        parts.push(tr.reconciliation_bundle_refused());
    }
    if parts.is_empty() {
        egui::RichText::new(tr.reconciliation())
    } else {
        egui::RichText::new(tr.reconciliation_with(parts.join(", ")))
            .color(theme::ERROR_TEXT)
            .strong()
    }
}
