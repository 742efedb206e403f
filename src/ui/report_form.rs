//! Recording a hazard report: a single item or sighting at a point (C4). The location is typed
//! in any notation or clicked on the map.

use egui::Ui;

use super::form_keys::{FormHistory, FormKeys};
use super::theme;
use crate::domain::{
    CoordFormat, EoCategory, HazardReportDraft, HazardReportStatus, ItemCondition, LandId, LonLat,
};
use crate::geometry::coords::{format_coord, parse_coord};

/// What the form asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportAction {
    /// Save this report.
    Save(Box<crate::domain::HazardReport>),
    /// Close.
    Cancel,
}

/// The hazard report form's state.
#[derive(Debug, Clone)]
pub struct ReportForm {
    /// What was typed.
    pub draft: HazardReportDraft,
    /// Errors of the last save attempt.
    pub errors: Vec<String>,
    /// Undo, redo and "unsaved changes".
    history: FormHistory<HazardReportDraft>,
}

impl ReportForm {
    /// A new report dated today, linked to `land` if one is selected.
    pub fn new(today: time::Date, land: Option<LandId>) -> Self {
        let draft = HazardReportDraft {
            eo_category: EoCategory::Uxo.code().to_owned(),
            reported_on: today.to_string(),
            quantity: "1".to_owned(),
            land_id: land,
            ..HazardReportDraft::default()
        };
        Self {
            history: FormHistory::new(&draft),
            draft,
            errors: Vec::new(),
        }
    }

    /// Whether closing now would lose something entered.
    pub fn has_unsaved_changes(&self) -> bool {
        self.history.has_unsaved_changes(&self.draft)
    }

    /// Sets the location from a map click.
    pub fn set_location(&mut self, p: LonLat, format: CoordFormat) {
        self.draft.location = format_coord(p, format);
    }

    /// The location as typed, if it parses (for the map preview).
    pub fn location(&self) -> Option<LonLat> {
        parse_coord(&self.draft.location).ok().map(|(p, _)| p)
    }

    /// Draws the form. `lands` are (id, code) pairs for the link picker.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        lands: &[(LandId, String)],
        refusal: Option<&str>,
    ) -> Option<ReportAction> {
        let mut action = None;
        let keys = FormKeys::read(ui);
        ui.heading("New hazard report");
        if let Some(previous) = self.history.buttons(ui, keys, &self.draft) {
            self.draft = previous;
        }
        if keys.escape && self.history.request_close(&self.draft) {
            return Some(ReportAction::Cancel);
        }
        if self.history.confirm_ui(
            ui,
            &super::language::tr(ui.ctx()).form_close_hazard_report(),
        ) {
            return Some(ReportAction::Cancel);
        }
        let d = &mut self.draft;
        ui.label("Type the location in any notation, or click on the map.");
        egui::Grid::new("report_fields")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Location");
                ui.text_edit_singleline(&mut d.location).labelled_by(l.id);
                ui.end_row();
                ui.label("");
                match parse_coord(&d.location) {
                    Ok((_, f)) => ui.small(format!("read as {}", f.label())),
                    Err(e) if !d.location.trim().is_empty() => {
                        ui.colored_label(theme::ERROR_TEXT, e.to_string())
                    }
                    Err(_) => ui.small(""),
                };
                ui.end_row();
                ui.label("EO category");
                let cat = EoCategory::parse(&d.eo_category).unwrap_or(EoCategory::Other);
                egui::ComboBox::from_id_salt("report_category")
                    .selected_text(cat.label())
                    .show_ui(ui, |ui| {
                        for c in EoCategory::ALL {
                            if ui.selectable_label(cat == *c, c.label()).clicked() {
                                c.code().clone_into(&mut d.eo_category);
                            }
                        }
                    });
                ui.end_row();
                let field = |ui: &mut Ui, label: &str, text: &mut String| {
                    let l = ui.label(label);
                    ui.text_edit_singleline(text).labelled_by(l.id);
                    ui.end_row();
                };
                field(ui, "Type / model", &mut d.type_model);
                field(ui, "Quantity", &mut d.quantity);
                ui.label("Condition");
                let cond = ItemCondition::parse(&d.condition).unwrap_or(ItemCondition::Unknown);
                egui::ComboBox::from_id_salt("report_condition")
                    .selected_text(cond.label())
                    .show_ui(ui, |ui| {
                        for c in ItemCondition::ALL {
                            if ui.selectable_label(cond == *c, c.label()).clicked() {
                                c.code().clone_into(&mut d.condition);
                            }
                        }
                    });
                ui.end_row();
                ui.label("Status");
                let status =
                    HazardReportStatus::parse(&d.status).unwrap_or(HazardReportStatus::Reported);
                egui::ComboBox::from_id_salt("report_status")
                    .selected_text(status.label())
                    .show_ui(ui, |ui| {
                        for s in HazardReportStatus::ALL {
                            if ui.selectable_label(status == *s, s.label()).clicked() {
                                s.code().clone_into(&mut d.status);
                            }
                        }
                    });
                ui.end_row();
                field(ui, "Reported by", &mut d.reported_by);
                field(ui, "Reporter phone", &mut d.reporter_phone);
                super::date_field::date_row(ui, "Reported on", &mut d.reported_on);
                field(ui, "GPS accuracy m", &mut d.accuracy_m);
                ui.label("Land");
                let linked = d
                    .land_id
                    .and_then(|id| lands.iter().find(|(l, _)| *l == id))
                    .map_or("none", |(_, c)| c.as_str());
                egui::ComboBox::from_id_salt("report_land")
                    .selected_text(linked)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(d.land_id.is_none(), "none").clicked() {
                            d.land_id = None;
                        }
                        for (id, code) in lands {
                            if ui.selectable_label(d.land_id == Some(*id), code).clicked() {
                                d.land_id = Some(*id);
                            }
                        }
                    });
                ui.end_row();
                field(ui, "Notes", &mut d.notes);
            });
        ui.checkbox(&mut d.geo_unsafe, "Not safe to record this location");
        for e in &self.errors {
            ui.colored_label(theme::ERROR_TEXT, e);
        }
        if let Some(r) = refusal {
            ui.colored_label(theme::ERROR_TEXT, format!("Refused: {r}"));
        }
        ui.horizontal(|ui| {
            if ui
                .button("Save hazard report")
                .on_hover_text("Ctrl+Enter")
                .clicked()
                || keys.save
            {
                let read = |t: &str| parse_coord(t).map_err(|e| e.to_string());
                match self.draft.validate(&read) {
                    Ok(r) => {
                        self.errors.clear();
                        action = Some(ReportAction::Save(Box::new(r)));
                    }
                    Err(errors) => self.errors = errors.iter().map(ToString::to_string).collect(),
                }
            }
            if ui.button("Cancel").on_hover_text("Escape").clicked()
                && self.history.request_close(&self.draft)
            {
                action = Some(ReportAction::Cancel);
            }
        });
        self.history.feed(ui, &self.draft);
        action
    }
}
