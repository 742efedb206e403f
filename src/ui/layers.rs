//! The layer panel: the store's reference layers (admin boundaries, settlements, roads, water,
//! tile packages) with visibility, drawing order, role, label and whether the donor report draws
//! them. Each change is a command; the worker saves it in the store and sends the layers back.

use eframe::egui;

use super::SafegroundApp;
use super::file_picker::PickPurpose;
use super::theme;
use crate::app::Command;
use crate::domain::{LayerRole, LayerSpec};

impl SafegroundApp {
    /// The "Reference layers" window, while it is open.
    pub(super) fn layers_window(&mut self, ctx: &egui::Context) {
        if !self.show_layers {
            return;
        }
        let mut open = true;
        let mut commands = Vec::new();
        let mut add = false;
        let mut sample = false;
        let tr = self.tr();
        egui::Window::new(tr.layers_title())
            .open(&mut open)
            .default_pos([60.0, 80.0])
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.label(tr.layers_intro());
                if ui.button(tr.layers_add()).clicked() {
                    add = true;
                }
                if ui
                    .button(tr.layers_add_sample())
                    .on_hover_text(tr.layers_add_sample_hint())
                    .clicked()
                {
                    sample = true;
                }
                ui.separator();
                if self.state.reference_layers.is_empty() {
                    ui.weak(tr.layers_none());
                }
                egui::ScrollArea::vertical()
                    .max_height(420.0)
                    .show(ui, |ui| {
                        let count = self.state.reference_layers.len();
                        // Top of the list = drawn last (on top), as in QGIS.
                        for (i, loaded) in self.state.reference_layers.iter().enumerate().rev() {
                            let spec = &loaded.spec;
                            ui.push_id(spec.id, |ui| {
                                layer_row(ui, loaded, i, count, &mut commands);
                            });
                            ui.separator();
                        }
                    });
            });
        self.show_layers = open;
        if add {
            self.open_picker(ctx, PickPurpose::ReferenceLayer);
        }
        if sample {
            self.send(Command::AddSampleLayers);
        }
        for c in commands {
            self.send(c);
        }
    }
}

fn layer_row(
    ui: &mut egui::Ui,
    loaded: &crate::app::LoadedLayer,
    index: usize,
    count: usize,
    commands: &mut Vec<Command>,
) {
    let tr = super::language::tr(ui.ctx());
    let spec = &loaded.spec;
    let mut edited: LayerSpec = spec.clone();
    ui.horizontal(|ui| {
        ui.checkbox(&mut edited.visible, "")
            .on_hover_text(tr.layers_shown());
        ui.label(egui::RichText::new(&spec.name).strong())
            .on_hover_text(spec.path.display().to_string());
        ui.weak(spec.format.label());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button(tr.photo_remove_yes())
                .on_hover_text(tr.layers_remove_hint())
                .clicked()
            {
                commands.push(Command::RemoveReferenceLayer(spec.id));
            }
            if ui
                .add_enabled(index > 0, egui::Button::new(tr.layers_down()).small())
                .on_hover_text(tr.layers_down_hint())
                .clicked()
            {
                commands.push(Command::MoveReferenceLayer {
                    id: spec.id,
                    up: false,
                });
            }
            if ui
                .add_enabled(index + 1 < count, egui::Button::new(tr.editor_up()).small())
                .on_hover_text(tr.layers_up_hint())
                .clicked()
            {
                commands.push(Command::MoveReferenceLayer {
                    id: spec.id,
                    up: true,
                });
            }
        });
    });
    match &loaded.features {
        Err(e) => {
            ui.colored_label(theme::ERROR_TEXT, tr.layers_cannot_draw(e.to_string()));
        }
        Ok(layer) if !spec.format.is_tiles() => {
            ui.horizontal(|ui| {
                ui.label(tr.layers_holds());
                egui::ComboBox::from_id_salt("role")
                    .selected_text(tr.label(edited.role.label_id()))
                    .show_ui(ui, |ui| {
                        for role in LayerRole::VECTOR {
                            ui.selectable_value(&mut edited.role, *role, tr.label(role.label_id()));
                        }
                    });
                ui.label(tr.editor_point_label());
                let none = tr.hazard_form_no_land();
                egui::ComboBox::from_id_salt("label")
                    .selected_text(edited.label_field.as_deref().unwrap_or(none.as_str()))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut edited.label_field, None, none.as_str());
                        for f in &layer.fields {
                            ui.selectable_value(&mut edited.label_field, Some(f.clone()), f);
                        }
                    });
            });
            let mut features = tr.layers_features(layer.features.len());
            if layer.skipped > 0 {
                features.push(' ');
                features.push_str(&tr.layers_skipped(layer.skipped));
            }
            ui.weak(features);
            if edited.role == LayerRole::AdminBoundaries
                && crate::domain::admin_levels(&layer.fields).is_empty()
            {
                ui.colored_label(theme::WARNING_TEXT, tr.layers_no_admin_fields());
            }
            ui.checkbox(&mut edited.in_report, tr.layers_in_report());
        }
        Ok(_) => {
            ui.weak(tr.layers_tiles_note());
        }
    }
    if edited != *spec {
        commands.push(Command::UpdateReferenceLayer(edited));
    }
}
