//! Recording an activity on the selected land: type, dates, effort, released area by bucket and
//! the devices found. The store checks the ledger and the lifecycle and refuses an over-release
//! with its message, shown here.

use egui::Ui;

use super::form_keys::{FormHistory, FormKeys};
use super::theme;
use crate::domain::{ActivityDraft, ActivityKind, DeviceDraft, EoCategory, LandId, Method};

/// What the form asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum FormAction {
    /// Record this activity.
    Save(Box<crate::domain::Activity>),
    /// Close.
    Cancel,
}

/// The activity form's state.
#[derive(Debug, Clone)]
pub struct ActivityForm {
    /// The land.
    pub land: LandId,
    /// What was typed.
    pub draft: ActivityDraft,
    /// Errors of the last save attempt.
    pub errors: Vec<String>,
    /// Undo, redo and "unsaved changes".
    history: FormHistory<ActivityDraft>,
}

/// The type, team and organisation of the last activity recorded on this device (kept in the
/// preferences).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LastActivity {
    /// Activity type code.
    pub kind: String,
    /// Team.
    pub team: String,
    /// Organisation.
    pub organisation: String,
}

impl LastActivity {
    /// What to remember of a recorded activity.
    pub fn of(activity: &crate::domain::Activity) -> Self {
        Self {
            kind: activity.kind.code().to_owned(),
            team: activity.team.clone(),
            organisation: activity.organisation.clone(),
        }
    }
}

impl ActivityForm {
    /// A new form for `land`, dated today, with the activity type and team of the last
    /// activity recorded on this device (a team records the same kind of work day after day).
    pub fn new(land: LandId, today: time::Date, last: &LastActivity) -> Self {
        let kind = ActivityKind::from_code(&last.kind).unwrap_or(ActivityKind::Nts);
        let draft = ActivityDraft {
            kind: kind.code().to_owned(),
            team: last.team.clone(),
            organisation: last.organisation.clone(),
            start_date: today.to_string(),
            end_date: today.to_string(),
            ..ActivityDraft::default()
        };
        Self {
            land,
            history: FormHistory::new(&draft),
            draft,
            errors: Vec::new(),
        }
    }

    /// Whether closing now would lose something entered.
    pub fn has_unsaved_changes(&self) -> bool {
        self.history.has_unsaved_changes(&self.draft)
    }

    /// Draws the form. `refusal` is the store's answer to the last attempt, if it refused.
    pub fn ui(&mut self, ui: &mut Ui, refusal: Option<&str>) -> Option<FormAction> {
        let mut action = None;
        let keys = FormKeys::read(ui);
        ui.strong("Record an activity");
        if let Some(previous) = self.history.buttons(ui, keys, &self.draft) {
            self.draft = previous;
        }
        if keys.escape && self.history.request_close(&self.draft) {
            return Some(FormAction::Cancel);
        }
        if self
            .history
            .confirm_ui(ui, &super::language::tr(ui.ctx()).form_close_activity())
        {
            return Some(FormAction::Cancel);
        }
        let d = &mut self.draft;
        let kind = ActivityKind::parse(&d.kind).unwrap_or(ActivityKind::Nts);
        egui::Grid::new("activity_fields")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("Type");
                egui::ComboBox::from_id_salt("activity_kind")
                    .selected_text(kind.label())
                    .show_ui(ui, |ui| {
                        for k in ActivityKind::ALL {
                            if ui.selectable_label(kind == *k, k.label()).clicked() {
                                k.code().clone_into(&mut d.kind);
                            }
                        }
                    });
                ui.end_row();
                let field = |ui: &mut Ui, label: &str, text: &mut String| {
                    let l = ui.label(label);
                    ui.text_edit_singleline(text).labelled_by(l.id);
                    ui.end_row();
                };
                super::date_field::date_row(ui, "Start date", &mut d.start_date);
                super::date_field::date_row(ui, "End date", &mut d.end_date);
                field(ui, "Organisation", &mut d.organisation);
                field(ui, "Team", &mut d.team);
                field(ui, "Donor", &mut d.donor);
                ui.label("Method");
                let method = Method::parse(&d.method);
                egui::ComboBox::from_id_salt("activity_method")
                    .selected_text(method.map_or("—", Method::label))
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(method.is_none(), "—").clicked() {
                            d.method.clear();
                        }
                        for m in Method::ALL {
                            if ui.selectable_label(method == Some(*m), m.label()).clicked() {
                                m.code().clone_into(&mut d.method);
                            }
                        }
                    });
                ui.end_row();
                let field = |ui: &mut Ui, label: &str, text: &mut String| {
                    let l = ui.label(label);
                    ui.text_edit_singleline(text).labelled_by(l.id);
                    ui.end_row();
                };
                field(ui, "Deminer-days", &mut d.deminer_days);
                let allowed = kind.allowed_buckets();
                if allowed.cancelled {
                    field(ui, "Cancelled m²", &mut d.cancelled_m2);
                }
                if allowed.reduced {
                    field(ui, "Reduced with asset m²", &mut d.reduced_with_asset_m2);
                    field(
                        ui,
                        "Reduced without asset m²",
                        &mut d.reduced_without_asset_m2,
                    );
                }
                if allowed.cleared {
                    field(ui, "Cleared m²", &mut d.cleared_m2);
                }
                if kind == ActivityKind::HandoverCertificate {
                    field(ui, "Men", &mut d.handover_men);
                    field(ui, "Women", &mut d.handover_women);
                    field(ui, "Boys", &mut d.handover_boys);
                    field(ui, "Girls", &mut d.handover_girls);
                    field(ui, "Residual risk", &mut d.residual_risk_note);
                }
                field(ui, "Notes", &mut d.notes);
            });
        if kind == ActivityKind::TechnicalSurvey {
            ui.checkbox(
                &mut d.direct_evidence_confirmed,
                "Direct evidence confirmed (SHA becomes CHA)",
            );
        }
        ui.label("Devices found");
        let mut remove = None;
        for (i, dev) in d.devices.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let cat = EoCategory::parse(&dev.category).unwrap_or(EoCategory::Other);
                egui::ComboBox::from_id_salt(("device_cat", i))
                    .selected_text(cat.label())
                    .show_ui(ui, |ui| {
                        for c in EoCategory::ALL {
                            if ui.selectable_label(cat == *c, c.label()).clicked() {
                                c.code().clone_into(&mut dev.category);
                            }
                        }
                    });
                ui.add(
                    egui::TextEdit::singleline(&mut dev.type_model)
                        .hint_text("type/model")
                        .desired_width(80.0),
                );
                ui.add(
                    egui::TextEdit::singleline(&mut dev.quantity)
                        .hint_text("qty")
                        .desired_width(30.0),
                );
                if ui.small_button("Delete").clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            d.devices.remove(i);
        }
        if ui.button("Add device").clicked() {
            d.devices.push(DeviceDraft {
                category: EoCategory::ApMine.code().to_owned(),
                quantity: "1".to_owned(),
                ..DeviceDraft::default()
            });
        }
        for e in &self.errors {
            ui.colored_label(theme::ERROR_TEXT, e);
        }
        if let Some(r) = refusal {
            ui.colored_label(theme::ERROR_TEXT, format!("Refused: {r}"));
        }
        ui.horizontal(|ui| {
            if ui
                .button("Save activity")
                .on_hover_text("Ctrl+Enter")
                .clicked()
                || keys.save
            {
                match self.draft.validate(self.land) {
                    Ok(a) => {
                        self.errors.clear();
                        action = Some(FormAction::Save(Box::new(a)));
                    }
                    Err(errors) => self.errors = errors.iter().map(ToString::to_string).collect(),
                }
            }
            if ui.button("Cancel").on_hover_text("Escape").clicked()
                && self.history.request_close(&self.draft)
            {
                action = Some(FormAction::Cancel);
            }
        });
        self.history.feed(ui, &self.draft);
        action
    }
}
