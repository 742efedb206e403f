//! The import's mapping step: a foreign file's properties with how often they are filled and
//! example values, and which one is the land's name, code, classification, status and date of
//! information. The choice is remembered for files of the same shape (the same property names).

use eframe::egui;

use super::SafegroundApp;
use crate::app::Command;
use crate::domain::{FileProperties, ImportMapping};

/// The mapping step's state while it is open.
#[derive(Debug, Clone)]
pub(super) struct MappingStep {
    path: std::path::PathBuf,
    properties: FileProperties,
    mapping: ImportMapping,
}

/// The land fields a person maps, with their labels.
fn targets(tr: crate::i18n::Tr) -> [(&'static str, String); 5] {
    [
        ("name", tr.list_name()),
        ("code", tr.list_code()),
        ("classification", tr.editor_classification()),
        ("status", tr.list_status()),
        ("date_of_information", tr.detail_date_of_information()),
    ]
}

impl SafegroundApp {
    /// Opens the mapping step for a file the worker looked at (remembered choice first).
    pub(super) fn take_import_preview(&mut self) {
        if let Some((path, properties)) = self.state.import_preview.take() {
            let mapping = self
                .prefs
                .import_mappings
                .get(&properties.shape_key())
                .cloned()
                .unwrap_or_default();
            self.mapping_step = Some(MappingStep {
                path,
                properties,
                mapping,
            });
        }
    }

    /// The mapping window, while a foreign file waits for it.
    pub(super) fn mapping_window(&mut self, ctx: &egui::Context) {
        self.take_import_preview();
        let Some(step) = self.mapping_step.as_mut() else {
            return;
        };
        let mut import = false;
        let mut cancel = false;
        let file = step
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tr = super::language::tr(ctx);
        egui::Window::new(tr.mapping_title(file.as_str()))
            .collapsible(false)
            .default_width(620.0)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(tr.mapping_intro(step.properties.features));
                ui.separator();
                egui::Grid::new("mapping_targets")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (field, label) in targets(tr) {
                            let l = ui.label(label);
                            let Some(slot) = step.mapping.slot(field) else {
                                continue;
                            };
                            let usual = tr.mapping_usual_names();
                            let shown = slot.clone().unwrap_or_else(|| usual.clone());
                            egui::ComboBox::from_id_salt(field)
                                .selected_text(shown)
                                .width(240.0)
                                .show_ui(ui, |ui| {
                                    ui.selectable_value(slot, None, &usual);
                                    for p in &step.properties.properties {
                                        ui.selectable_value(slot, Some(p.name.clone()), &p.name);
                                    }
                                })
                                .response
                                .labelled_by(l.id);
                            ui.end_row();
                        }
                    });
                ui.separator();
                ui.strong(tr.mapping_properties());
                egui::ScrollArea::vertical()
                    .max_height(220.0)
                    .show(ui, |ui| {
                        egui::Grid::new("mapping_properties")
                            .striped(true)
                            .num_columns(3)
                            .show(ui, |ui| {
                                ui.label(egui::RichText::new(tr.mapping_property()).strong());
                                ui.label(egui::RichText::new(tr.mapping_filled()).strong());
                                ui.label(egui::RichText::new(tr.mapping_examples()).strong());
                                ui.end_row();
                                for p in &step.properties.properties {
                                    ui.label(&p.name);
                                    ui.label(
                                        tr.mapping_filled_of(p.filled, step.properties.features),
                                    );
                                    ui.label(p.samples.join(" · "));
                                    ui.end_row();
                                }
                            });
                    });
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button(tr.mapping_import()).clicked() {
                        import = true;
                    }
                    if ui.button(tr.button_cancel()).clicked() {
                        cancel = true;
                    }
                });
            });
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            cancel = true;
        }
        if import && let Some(step) = self.mapping_step.take() {
            self.prefs
                .import_mappings
                .insert(step.properties.shape_key(), step.mapping.clone());
            self.send(Command::Import {
                paths: vec![step.path],
                strict: false,
                mapping: step.mapping,
            });
        } else if cancel {
            self.mapping_step = None;
        }
    }
}
