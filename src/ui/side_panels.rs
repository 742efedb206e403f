//! The side panels: the selected hazard report, and the right panel with the land list, the
//! land's detail and the forms.

use super::activity_form::{ActivityForm, FormAction};
use super::detail::{DetailAction, detail_ui};
use super::file_picker::PickPurpose;
use super::land_editor::EditorAction;
use super::land_editor::LandEditor;
use super::report_form::ReportAction;
use super::{SafegroundApp, detail, theme};
use crate::app::{AppState, Command};
use eframe::egui;

impl SafegroundApp {
    pub(super) fn report_panel(&mut self, ui: &mut egui::Ui) {
        let share = self.right_share();
        let ctx = ui.ctx().clone();
        let tr = self.tr();
        let mut add_photo = false;
        let mut command = None;
        let thumbnails = &mut self.thumbnails;
        let void_entry = &mut self.void_entry;
        super::side_panel(
            super::language::end_panel(ui.ctx(), "report_detail"),
            420.0,
            self.window_width,
            share,
        )
        .show(ui, |ui| {
            let Some(d) = &self.state.report_detail else {
                ui.spinner();
                return;
            };
            let r = &d.report;
            ui.heading(format!(
                "{} — {} ×{}",
                r.code,
                tr.label(r.eo_category.label_id()),
                tr.count(u64::from(r.quantity))
            ));
            ui.label(format!(
                "{} · {} · {}",
                tr.label(r.status.label_id()),
                tr.label(r.condition.label_id()),
                tr.label(r.validation.label_id())
            ));
            // Correct the status (an audited edit) or void the report (kept, marked void).
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr.list_status());
                let mut status = r.status;
                egui::ComboBox::from_id_salt("report_status")
                    .selected_text(tr.label(status.label_id()))
                    .show_ui(ui, |ui| {
                        for s in crate::domain::HazardReportStatus::ALL {
                            ui.selectable_value(&mut status, *s, tr.label(s.label_id()));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if status != r.status {
                    let mut edited = r.clone();
                    edited.status = status;
                    command = Some(Command::UpdateHazardReport(Box::new(edited)));
                }
                if ui.small_button(tr.detail_void()).clicked() {
                    *void_entry = detail::VoidEntry {
                        code: Some(r.code.clone()),
                        reason: String::new(),
                    };
                }
            });
            if let Some(reason) = void_entry.ui(ui, &r.code) {
                command = Some(Command::VoidHazardReport {
                    code: r.code.clone(),
                    reason,
                });
            }
            detail::fields_grid(ui, "report_grid", |row| {
                row(&tr.report_type_model(), r.type_model.clone());
                row(
                    &tr.report_location(),
                    crate::geometry::coords::format_coord(
                        r.location.lon_lat,
                        self.prefs.coord_format,
                    ),
                );
                row(
                    &tr.report_as_entered(),
                    r.location
                        .entered
                        .as_ref()
                        .map(|e| format!("{} ({})", e.text, tr.label(e.format.label_id())))
                        .unwrap_or_default(),
                );
                row(&tr.report_reported_on(), tr.date(r.reported_on));
                row(&tr.report_reported_by(), r.reported_by.clone());
                row(&tr.report_phone(), r.reporter_phone.clone());
                row(&tr.report_organisation(), r.organisation.clone());
                row(&tr.report_notes(), r.notes.clone());
            });
            ui.separator();
            ui.strong(tr.report_photos(d.thumbnails.len()));
            ui.horizontal_wrapped(|ui| {
                for t in &d.thumbnails {
                    let texture = thumbnails.entry(t.id).or_insert_with(|| {
                        let image =
                            egui::ColorImage::from_rgba_unmultiplied([t.width, t.height], &t.rgba);
                        ctx.load_texture(
                            format!("photo-{}", t.id),
                            image,
                            egui::TextureOptions::LINEAR,
                        )
                    });
                    ui.vertical(|ui| {
                        let r = ui
                            .add(
                                egui::Image::new(&*texture)
                                    .max_size(egui::vec2(160.0, 160.0))
                                    .sense(egui::Sense::click()),
                            )
                            .on_hover_text(tr.report_photo_hint(t.file_name.as_str()));
                        if r.clicked() {
                            command = Some(Command::LoadPhoto(t.id));
                        }
                        if !t.caption.is_empty() {
                            ui.add(
                                egui::Label::new(egui::RichText::new(&t.caption).small()).wrap(),
                            );
                        }
                    });
                }
            });
            if ui.button(tr.report_add_photo()).clicked() {
                add_photo = true;
            }
        });
        if add_photo {
            self.open_picker(&ctx, PickPurpose::Photo);
        }
        if let Some(command) = command {
            self.send(command);
        }
    }

    pub(super) fn right_panel(&mut self, ui: &mut egui::Ui) {
        let share = self.right_share();
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
            super::side_panel(
                super::language::end_panel(ui.ctx(), "report_form"),
                420.0,
                self.window_width,
                share,
            )
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
            super::side_panel(
                super::language::end_panel(ui.ctx(), "editor"),
                520.0,
                self.window_width,
                share,
            )
            .show(ui, |ui| {
                let layers: Vec<(&crate::domain::LayerSpec, &crate::domain::ReferenceLayer)> = self
                    .state
                    .reference_layers
                    .iter()
                    .filter_map(|l| Some((&l.spec, l.features.as_deref().ok()?)))
                    .collect();
                editor.fill_admin_from(&layers);
                editor.overlaps = editor
                    .shape()
                    .geometry
                    .as_ref()
                    .map(|g| {
                        self.map
                            .open_lands_overlapping(g, editor.original.as_ref().map(|o| o.id))
                    })
                    .unwrap_or_default();
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
        super::side_panel(
            super::language::end_panel(ui.ctx(), "detail"),
            440.0,
            self.window_width,
            share,
        )
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
                    &mut self.void_entry,
                );
            } else {
                ui.spinner();
            }
        });
        match form_action {
            Some(FormAction::Save(activity)) => {
                self.state.form_error = None;
                self.prefs.last_activity = super::activity_form::LastActivity::of(&activity);
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
            Some(DetailAction::Edit | DetailAction::RecordActivity) if !self.may_open_form() => {}
            Some(DetailAction::Edit) => {
                if let Some(d) = &self.state.detail {
                    self.state.form_error = None;
                    self.editor = Some(LandEditor::edit(
                        &d.land,
                        crate::session::today(),
                        self.prefs.coord_format,
                    ));
                }
            }
            Some(DetailAction::RecordActivity) => {
                self.state.form_error = None;
                self.activity_form = Some(ActivityForm::new(
                    selected,
                    crate::session::today(),
                    &self.prefs.last_activity,
                ));
            }
            Some(DetailAction::Submit) => {
                self.send(workflow(crate::domain::WorkflowAction::Submit));
            }
            Some(DetailAction::Approve(c)) => {
                self.send(workflow(crate::domain::WorkflowAction::Approve(c)));
                self.return_comment.clear();
            }
            Some(DetailAction::Return(c)) => {
                self.send(workflow(crate::domain::WorkflowAction::Return(c)));
                self.return_comment.clear();
            }
            Some(DetailAction::VoidActivity { code, reason }) => {
                self.state.form_error = None;
                self.send(Command::VoidActivity { code, reason });
            }
            None => {}
        }
    }
}

impl SafegroundApp {
    /// A photo opened full size: its caption (set and changed here, audited) and removal
    /// (asked first; soft and audited).
    pub(super) fn photo_window(&mut self, ctx: &egui::Context) {
        let tr = self.tr();
        let Some(photo) = &self.state.photo else {
            return;
        };
        let report = self.state.selected_report;
        let id = photo.id;
        if self.photo_view.as_ref().is_none_or(|v| v.id != id) {
            let image =
                egui::ColorImage::from_rgba_unmultiplied([photo.width, photo.height], &photo.rgba);
            self.photo_view = Some(PhotoView {
                id,
                texture: ctx.load_texture(
                    format!("photo-full-{id}"),
                    image,
                    egui::TextureOptions::LINEAR,
                ),
                caption: photo.caption.clone(),
                confirm_remove: false,
            });
        }
        let Some(view) = self.photo_view.as_mut() else {
            return;
        };
        let mut open = true;
        let mut command = None;
        let mut close = false;
        egui::Window::new(tr.photo_title(photo.file_name.as_str()))
            .open(&mut open)
            .default_size([720.0, 560.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let l = ui.label(tr.photo_caption());
                    ui.add(egui::TextEdit::singleline(&mut view.caption).desired_width(360.0))
                        .labelled_by(l.id);
                    if ui.button(tr.photo_save_caption()).clicked()
                        && let Some(report) = report
                    {
                        command = Some(Command::SetPhotoCaption {
                            report,
                            photo: id,
                            caption: view.caption.clone(),
                        });
                    }
                    if ui.button(tr.photo_remove()).clicked() {
                        view.confirm_remove = true;
                    }
                });
                if view.confirm_remove {
                    ui.horizontal(|ui| {
                        ui.colored_label(theme::WARNING_TEXT, tr.photo_remove_confirm());
                        if ui.button(tr.photo_remove_yes()).clicked()
                            && let Some(report) = report
                        {
                            command = Some(Command::RemovePhoto { report, photo: id });
                            close = true;
                        }
                        if ui.button(tr.photo_keep()).clicked() {
                            view.confirm_remove = false;
                        }
                    });
                }
                egui::ScrollArea::both().show(ui, |ui| {
                    ui.add(egui::Image::new(&view.texture).shrink_to_fit());
                });
            });
        if let Some(c) = command {
            self.send(c);
        }
        if !open || close {
            self.state.photo = None;
            self.photo_view = None;
        }
    }
}

/// The photo window's state: the full-size texture and the caption being edited.
pub(super) struct PhotoView {
    id: uuid::Uuid,
    texture: egui::TextureHandle,
    caption: String,
    confirm_remove: bool,
}
