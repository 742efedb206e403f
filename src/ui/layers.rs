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
        egui::Window::new("Reference layers")
            .open(&mut open)
            .default_pos([60.0, 80.0])
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.label(
                    "Files this programme already has, drawn under the lands: admin boundaries \
                     (a new land's admin area and P-code are filled from them), settlements, \
                     roads, rivers, tile packages. Kept with this store.",
                );
                if ui
                    .button("Add a layer… (GeoPackage, GeoJSON, Shapefile, MBTiles, PMTiles)")
                    .clicked()
                {
                    add = true;
                }
                if ui
                    .button("Add sample layers (fictional, to try this)")
                    .on_hover_text(
                        "Writes invented admin boundaries with P-codes, settlements and roads over the demo area into a folder beside the store, and adds them",
                    )
                    .clicked()
                {
                    sample = true;
                }
                ui.separator();
                if self.state.reference_layers.is_empty() {
                    ui.weak("No reference layers yet.");
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
    let spec = &loaded.spec;
    let mut edited: LayerSpec = spec.clone();
    ui.horizontal(|ui| {
        ui.checkbox(&mut edited.visible, "")
            .on_hover_text("Shown on the map");
        ui.label(egui::RichText::new(&spec.name).strong())
            .on_hover_text(spec.path.display().to_string());
        ui.weak(spec.format.label());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("Remove")
                .on_hover_text("Take it off this store's list (the file stays)")
                .clicked()
            {
                commands.push(Command::RemoveReferenceLayer(spec.id));
            }
            if ui
                .add_enabled(index > 0, egui::Button::new("Down").small())
                .on_hover_text("Draw it further down")
                .clicked()
            {
                commands.push(Command::MoveReferenceLayer {
                    id: spec.id,
                    up: false,
                });
            }
            if ui
                .add_enabled(index + 1 < count, egui::Button::new("Up").small())
                .on_hover_text("Draw it over the layer above")
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
            ui.colored_label(theme::ERROR_TEXT, format!("Cannot be drawn: {e}"));
        }
        Ok(layer) if !spec.format.is_tiles() => {
            ui.horizontal(|ui| {
                ui.label("Holds");
                egui::ComboBox::from_id_salt("role")
                    .selected_text(edited.role.label())
                    .show_ui(ui, |ui| {
                        for role in LayerRole::VECTOR {
                            ui.selectable_value(&mut edited.role, *role, role.label());
                        }
                    });
                ui.label("Label");
                egui::ComboBox::from_id_salt("label")
                    .selected_text(edited.label_field.as_deref().unwrap_or("none"))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut edited.label_field, None, "none");
                        for f in &layer.fields {
                            ui.selectable_value(&mut edited.label_field, Some(f.clone()), f);
                        }
                    });
            });
            let skipped = if layer.skipped > 0 {
                format!(" ({} without a usable geometry left out)", layer.skipped)
            } else {
                String::new()
            };
            ui.weak(format!(
                "{} features{skipped}",
                crate::domain::format_number(layer.features.len() as f64, 0)
            ));
            if edited.role == LayerRole::AdminBoundaries
                && crate::domain::admin_levels(&layer.fields).is_empty()
            {
                ui.colored_label(
                    theme::WARNING_TEXT,
                    "No ADMn_PCODE / ADMn_EN fields: it is drawn, but cannot fill admin areas.",
                );
            }
            ui.checkbox(&mut edited.in_report, "Also on the donor report's map");
        }
        Ok(_) => {
            ui.weak("Tile package: the topmost visible one is the map's background.");
        }
    }
    if edited != *spec {
        commands.push(Command::UpdateReferenceLayer(edited));
    }
}
