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
        let tr = super::language::tr(ui.ctx());
        let mut action = None;
        let keys = FormKeys::read(ui);
        ui.heading(tr.top_new_hazard_report());
        if let Some(previous) = self.history.buttons(ui, keys, &self.draft) {
            self.draft = previous;
        }
        if keys.escape && self.history.request_close(&self.draft) {
            return Some(ReportAction::Cancel);
        }
        if self.history.confirm_ui(ui, &tr.form_close_hazard_report()) {
            return Some(ReportAction::Cancel);
        }
        let d = &mut self.draft;
        ui.label(tr.hazard_form_location_hint());
        egui::Grid::new("report_fields")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label(tr.report_location());
                ui.text_edit_singleline(&mut d.location).labelled_by(l.id);
                ui.end_row();
                ui.label("");
                match parse_coord(&d.location) {
                    Ok((_, f)) => ui.small(tr.editor_read_as(tr.label(f.label_id()))),
                    Err(e) if !d.location.trim().is_empty() => {
                        ui.colored_label(theme::ERROR_TEXT, e.to_string())
                    }
                    Err(_) => ui.small(""),
                };
                ui.end_row();
                ui.label(tr.hazard_form_eo_category());
                let cat = EoCategory::parse(&d.eo_category).unwrap_or(EoCategory::Other);
                egui::ComboBox::from_id_salt("report_category")
                    .selected_text(tr.label(cat.label_id()))
                    .show_ui(ui, |ui| {
                        for c in EoCategory::ALL {
                            if ui
                                .selectable_label(cat == *c, tr.label(c.label_id()))
                                .clicked()
                            {
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
                field(ui, &tr.report_type_model(), &mut d.type_model);
                field(ui, &tr.hazard_form_quantity(), &mut d.quantity);
                ui.label(tr.hazard_form_condition());
                let cond = ItemCondition::parse(&d.condition).unwrap_or(ItemCondition::Unknown);
                egui::ComboBox::from_id_salt("report_condition")
                    .selected_text(tr.label(cond.label_id()))
                    .show_ui(ui, |ui| {
                        for c in ItemCondition::ALL {
                            if ui
                                .selectable_label(cond == *c, tr.label(c.label_id()))
                                .clicked()
                            {
                                c.code().clone_into(&mut d.condition);
                            }
                        }
                    });
                ui.end_row();
                ui.label(tr.list_status());
                let status =
                    HazardReportStatus::parse(&d.status).unwrap_or(HazardReportStatus::Reported);
                egui::ComboBox::from_id_salt("report_status")
                    .selected_text(tr.label(status.label_id()))
                    .show_ui(ui, |ui| {
                        for s in HazardReportStatus::ALL {
                            if ui
                                .selectable_label(status == *s, tr.label(s.label_id()))
                                .clicked()
                            {
                                s.code().clone_into(&mut d.status);
                            }
                        }
                    });
                ui.end_row();
                field(ui, &tr.report_reported_by(), &mut d.reported_by);
                field(ui, &tr.hazard_form_reporter_phone(), &mut d.reporter_phone);
                super::date_field::date_row(ui, &tr.report_reported_on(), &mut d.reported_on);
                field(ui, &tr.hazard_form_gps_accuracy(), &mut d.accuracy_m);
                ui.label(tr.list_land());
                let none = tr.hazard_form_no_land();
                let linked = d
                    .land_id
                    .and_then(|id| lands.iter().find(|(l, _)| *l == id))
                    .map_or(none.as_str(), |(_, c)| c.as_str());
                egui::ComboBox::from_id_salt("report_land")
                    .selected_text(linked)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(d.land_id.is_none(), &none).clicked() {
                            d.land_id = None;
                        }
                        for (id, code) in lands {
                            if ui.selectable_label(d.land_id == Some(*id), code).clicked() {
                                d.land_id = Some(*id);
                            }
                        }
                    });
                ui.end_row();
                field(ui, &tr.report_notes(), &mut d.notes);
            });
        ui.checkbox(&mut d.geo_unsafe, tr.hazard_form_geo_unsafe());
        for e in &self.errors {
            ui.colored_label(theme::ERROR_TEXT, e);
        }
        if let Some(r) = refusal {
            ui.colored_label(theme::ERROR_TEXT, tr.form_store_refused(r));
        }
        ui.horizontal(|ui| {
            if ui
                .button(tr.hazard_form_save())
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
                    Err(errors) => {
                        self.errors = errors
                            .iter()
                            .map(|e| crate::app::words::field_error(tr, e))
                            .collect();
                    }
                }
            }
            if ui
                .button(tr.button_cancel())
                .on_hover_text("Escape")
                .clicked()
                && self.history.request_close(&self.draft)
            {
                action = Some(ReportAction::Cancel);
            }
        });
        self.history.feed(ui, &self.draft);
        action
    }
}
