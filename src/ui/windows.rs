//! The app's windows and dialogs: the file picker, the dashboard, the export log, the welcome
//! screen and the question before a missing store is created.

use super::file_picker::{FilePicker, PickMode, PickPurpose, PickResult};
use super::{SafegroundApp, dashboard, theme};
use crate::app::Command;
use crate::exports::ExportFormat;
use eframe::egui;
use std::path::PathBuf;

impl SafegroundApp {
    /// "Who is recording?": name, organisation and role of the person on this device, asked at
    /// first start and changeable from Settings. Every history row, audit entry and export-log
    /// row carries the name; the role decides who may approve (four eyes).
    pub(super) fn person_ui(&mut self, ctx: &egui::Context) {
        let Some(form) = self.person_form.as_mut() else {
            return;
        };
        let tr = super::language::tr(ctx);
        let mut done = None;
        egui::Window::new(tr.top_who_is_recording())
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(tr.person_intro());
                egui::Grid::new("person").num_columns(2).show(ui, |ui| {
                    let label = ui.label(tr.person_name());
                    ui.add(
                        egui::TextEdit::singleline(&mut form.name)
                            .hint_text(tr.person_name_hint())
                            .desired_width(240.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(tr.person_organisation());
                    ui.add(egui::TextEdit::singleline(&mut form.organisation).desired_width(240.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    ui.label(tr.person_role());
                    ui.vertical(|ui| {
                        for role in crate::domain::Role::ALL {
                            ui.radio_value(
                                &mut form.role,
                                role.code().to_owned(),
                                tr.label(role.label_id()),
                            );
                        }
                    });
                    ui.end_row();
                });
                if form.name.trim().is_empty() {
                    ui.colored_label(super::theme::WARNING_TEXT, tr.person_name_missing());
                }
                if form.role().is_none() {
                    ui.colored_label(super::theme::WARNING_TEXT, tr.person_role_missing());
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(form.is_complete(), egui::Button::new(tr.person_save()))
                        .clicked()
                    {
                        done = Some(true);
                    }
                    if ui.button(tr.person_not_now()).clicked() {
                        done = Some(false);
                    }
                });
            });
        match done {
            Some(true) => {
                if let Some(person) = self.person_form.take() {
                    let actor = person.actor();
                    self.state.notify(
                        crate::app::NotificationLevel::Info,
                        tr.person_now_recording(
                            actor.who.as_str(),
                            actor
                                .role
                                .map(|r| tr.label(r.label_id()))
                                .unwrap_or_default(),
                        ),
                    );
                    self.send(Command::SetActor(actor));
                    self.prefs.person = Some(person);
                }
            }
            Some(false) => self.person_form = None,
            None => {}
        }
    }

    /// Asks before creating a store that was asked for but is not there.
    pub(super) fn ask_create_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.ask_create.clone() else {
            return;
        };
        let tr = super::language::tr(ctx);
        egui::Window::new(tr.ask_create_title())
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(tr.ask_create_text(path.display().to_string()));
                ui.horizontal(|ui| {
                    if ui.button(tr.ask_create_yes()).clicked() {
                        self.ask_create = None;
                        self.prefs.last_store = Some(path.clone());
                        self.send(Command::OpenStore(path.clone()));
                    }
                    if ui.button(tr.ask_create_open()).clicked() {
                        self.ask_create = None;
                        self.open_picker(ctx, PickPurpose::OpenStore);
                    }
                });
            });
    }

    pub(super) fn open_picker(&mut self, ctx: &egui::Context, purpose: PickPurpose) {
        let dir = self
            .state
            .store_path
            .as_ref()
            .and_then(|p| p.parent().map(std::path::Path::to_owned))
            .filter(|p| !p.as_os_str().is_empty())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let tr = super::language::tr(ctx);
        let (mode, title, ext, name): (PickMode, String, &[&'static str], &str) = match purpose {
            PickPurpose::OpenStore => (PickMode::Open, tr.pick_open_store(), &["sqlite", "db"], ""),
            PickPurpose::NewStore => (
                PickMode::Save,
                tr.pick_new_store(),
                &["sqlite"],
                "programme.sqlite",
            ),
            PickPurpose::Import => (
                PickMode::Open,
                tr.pick_import(),
                &["geojson", "json", "csv"],
                "",
            ),
            PickPurpose::Export(ExportFormat::Geojson) => (
                PickMode::Save,
                tr.pick_export_geojson(),
                &["geojson"],
                "export.geojson",
            ),
            PickPurpose::Export(ExportFormat::Csv) => {
                (PickMode::Save, tr.pick_export_csv(), &["csv"], "ledger.csv")
            }
            PickPurpose::Export(ExportFormat::Gpkg) => (
                PickMode::Save,
                tr.pick_export_gpkg(),
                &["gpkg"],
                "export.gpkg",
            ),
            PickPurpose::Export(ExportFormat::Report) => (
                PickMode::Save,
                tr.pick_report(),
                &["html"],
                "progress-report.html",
            ),
            PickPurpose::Mbtiles => (PickMode::Open, tr.pick_mbtiles(), &["mbtiles"], ""),
            PickPurpose::ReferenceLayer => (
                PickMode::Open,
                tr.pick_reference_layer(),
                crate::domain::LayerFormat::EXTENSIONS,
                "",
            ),
            PickPurpose::Photo => (PickMode::Open, tr.pick_photo(), &["jpg", "jpeg", "png"], ""),
            PickPurpose::SyncImport => (PickMode::Open, tr.pick_sync_import(), &["sgbundle"], ""),
            PickPurpose::SyncExport(_) => (
                PickMode::Save,
                tr.pick_sync_export(),
                &["sgbundle"],
                "for-office.sgbundle",
            ),
        };
        self.picker = Some(FilePicker::new(purpose, mode, &title, ext, dir, name, ctx));
    }

    pub(super) fn picker_ui(&mut self, ctx: &egui::Context) {
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
                if purpose == PickPurpose::ReferenceLayer {
                    self.send(Command::AddReferenceLayer(path));
                    return;
                }
                if purpose == PickPurpose::Photo {
                    if let Some(report) = self.state.selected_report {
                        self.send(Command::AttachPhoto { report, path });
                    }
                    return;
                }
                if purpose == PickPurpose::SyncImport {
                    self.send(Command::SyncImport(path));
                    return;
                }
                if let PickPurpose::SyncExport(to) = purpose {
                    self.send(Command::SyncExport { path, to, replace });
                    return;
                }
                let command = match purpose {
                    PickPurpose::OpenStore | PickPurpose::NewStore => Command::OpenStore(path),
                    PickPurpose::Import => Command::InspectImport(path),
                    PickPurpose::Export(format) => {
                        let (profile, filter) = if format == ExportFormat::Report {
                            let d = self.dashboard.clone().unwrap_or_default();
                            (d.profile, d.filter(self.tr()).unwrap_or_default())
                        } else {
                            (self.export_profile, crate::reports::ReportFilter::default())
                        };
                        Command::Export(Box::new(crate::exports::ExportRequest {
                            format,
                            profile,
                            filter,
                            output: path,
                            replace,
                            lang: self.lang(),
                        }))
                    }
                    PickPurpose::Mbtiles
                    | PickPurpose::Photo
                    | PickPurpose::ReferenceLayer
                    | PickPurpose::SyncImport
                    | PickPurpose::SyncExport(_) => {
                        return;
                    }
                };
                if purpose == PickPurpose::NewStore {
                    self.welcome_dismissed = true;
                }
                self.send(command);
            }
        }
    }

    /// The dashboard, in the left side panel while it is open (in place of the list), so the map
    /// keeps at least half of the window.
    pub(super) fn dashboard_panel(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let Some(mut dash) = self.dashboard.take() else {
            return;
        };
        let mut open = true;
        let mut action = dashboard::DashboardAction::None;
        super::side_panel(
            super::language::start_panel(ui.ctx(), "dashboard"),
            380.0,
            self.window_width,
            super::SIDE_PANEL_MAX_SHARE,
        )
        .show(ui, |ui| {
            let tr = super::language::tr(ui.ctx());
            ui.horizontal(|ui| {
                ui.heading(tr.top_dashboard());
                if ui.button(tr.button_close()).clicked() {
                    open = false;
                }
            });
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    action = dash.ui(ui, self.state.dashboard.as_ref());
                });
        });
        let ctx = &ctx;
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

    pub(super) fn export_log_window(&mut self, ctx: &egui::Context) {
        if !self.show_export_log {
            return;
        }
        let tr = super::language::tr(ctx);
        egui::Window::new(tr.export_log())
            .open(&mut self.show_export_log)
            .default_size([760.0, 320.0])
            .show(ctx, |ui| {
                let Some(entries) = &self.state.export_log else {
                    ui.label(tr.loading());
                    return;
                };
                if entries.is_empty() {
                    ui.label(tr.export_log_empty());
                    return;
                }
                egui::ScrollArea::both().show(ui, |ui| {
                    egui::Grid::new("export_log")
                        .striped(true)
                        .num_columns(6)
                        .show(ui, |ui| {
                            for h in [
                                tr.export_log_when(),
                                tr.export_log_who(),
                                tr.export_log_format(),
                                tr.export_log_profile(),
                                tr.export_log_filter(),
                                tr.export_log_file(),
                            ] {
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
                                ui.label(tr.label(e.profile.label_id()));
                                ui.label(&e.filter);
                                ui.label(&e.file).on_hover_text(tr.export_log_counts(
                                    e.lands,
                                    e.activities,
                                    e.hazard_reports,
                                ));
                                ui.end_row();
                            }
                        });
                });
            });
    }

    pub(super) fn windows(&mut self, ctx: &egui::Context) {
        self.export_log_window(ctx);
        self.layers_window(ctx);
        self.unsaved_window(ctx);
        self.mapping_window(ctx);
        self.history_window(ctx);
        self.reconciliation_ui(ctx);
        self.photo_window(ctx);
        let tr = super::language::tr(ctx);
        if self.show_notifications {
            egui::Window::new(tr.messages())
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
            let mut show_lands = None;
            egui::Window::new(tr.top_import_summary())
                .open(&mut self.show_import_issues)
                .default_size([640.0, 420.0])
                .show(ctx, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        for (i, group) in
                            crate::domain::group_issues(&self.state.last_import_issues)
                                .into_iter()
                                .enumerate()
                        {
                            let (colour, level) = match group.severity {
                                crate::domain::IssueSeverity::Error => {
                                    (theme::ERROR_TEXT, tr.issue_error())
                                }
                                crate::domain::IssueSeverity::Warning => {
                                    (theme::WARNING_TEXT, tr.issue_warning())
                                }
                            };
                            ui.push_id(i, |ui| {
                                ui.horizontal_wrapped(|ui| {
                                    ui.colored_label(
                                        colour,
                                        format!("{level} × {}", group.issues.len()),
                                    );
                                    if !group.field.is_empty() {
                                        ui.strong(&group.field);
                                    }
                                    ui.label(&group.message);
                                });
                                let codes = group.codes();
                                ui.horizontal_wrapped(|ui| {
                                    let features = group.features();
                                    if !features.is_empty() {
                                        let shown: Vec<String> = features
                                            .iter()
                                            .take(8)
                                            .map(|f| (f + 1).to_string())
                                            .collect();
                                        ui.weak(tr.issue_features(format!(
                                            "{}{}",
                                            shown.join(", "),
                                            if features.len() > 8 { ", …" } else { "" }
                                        )));
                                    }
                                    if !codes.is_empty()
                                        && ui
                                            .small_button(tr.issue_show_lands(codes.len()))
                                            .clicked()
                                    {
                                        show_lands = Some((
                                            format!("{}: {}", group.field, group.message)
                                                .chars()
                                                .take(80)
                                                .collect::<String>(),
                                            codes.into_iter().collect(),
                                        ));
                                    }
                                });
                                ui.separator();
                            });
                        }
                    });
                });
            if let Some(only) = show_lands {
                self.list.only = Some(only);
                self.list.tab = super::list::ListTab::Lands;
            }
        }
    }

    pub(super) fn welcome_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let tr = super::language::tr(&ctx);
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.heading(tr.welcome_title());
            ui.label(tr.welcome_text());
            ui.add_space(20.0);
            if let Some(p) = &self.state.store_path {
                ui.label(tr.welcome_empty_store(p.display().to_string()));
            }
            ui.add_space(10.0);
            let size = egui::vec2(300.0, 32.0);
            if ui
                .add_sized(size, egui::Button::new(tr.welcome_new()))
                .clicked()
            {
                self.welcome_dismissed = true;
            }
            if ui
                .add_sized(size, egui::Button::new(tr.welcome_demo()))
                .clicked()
            {
                self.send(Command::LoadDemo);
            }
            if ui
                .add_sized(size, egui::Button::new(tr.welcome_import()))
                .clicked()
            {
                self.open_picker(&ctx, PickPurpose::Import);
            }
            if ui
                .add_sized(size, egui::Button::new(tr.welcome_open()))
                .clicked()
            {
                self.open_picker(&ctx, PickPurpose::OpenStore);
            }
        });
    }
}
