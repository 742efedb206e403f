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
        let tr = super::language::tr(ui.ctx());
        let mut action = None;
        let keys = FormKeys::read(ui);
        ui.strong(tr.activity_title());
        if let Some(previous) = self.history.buttons(ui, keys, &self.draft) {
            self.draft = previous;
        }
        if keys.escape && self.history.request_close(&self.draft) {
            return Some(FormAction::Cancel);
        }
        if self.history.confirm_ui(ui, &tr.form_close_activity()) {
            return Some(FormAction::Cancel);
        }
        let d = &mut self.draft;
        let kind = ActivityKind::parse(&d.kind).unwrap_or(ActivityKind::Nts);
        egui::Grid::new("activity_fields")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(tr.detail_point_type());
                egui::ComboBox::from_id_salt("activity_kind")
                    .selected_text(tr.label(kind.label_id()))
                    .show_ui(ui, |ui| {
                        for k in ActivityKind::ALL {
                            if ui
                                .selectable_label(kind == *k, tr.label(k.label_id()))
                                .clicked()
                            {
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
                super::date_field::date_row(ui, &tr.activity_start(), &mut d.start_date);
                super::date_field::date_row(ui, &tr.activity_end(), &mut d.end_date);
                field(ui, &tr.report_organisation(), &mut d.organisation);
                field(ui, &tr.detail_team(), &mut d.team);
                field(ui, &tr.detail_donor(), &mut d.donor);
                ui.label(tr.activity_method());
                let method = Method::parse(&d.method);
                egui::ComboBox::from_id_salt("activity_method")
                    .selected_text(
                        method.map_or_else(|| "—".to_owned(), |m| tr.label(m.label_id())),
                    )
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(method.is_none(), "—").clicked() {
                            d.method.clear();
                        }
                        for m in Method::ALL {
                            if ui
                                .selectable_label(method == Some(*m), tr.label(m.label_id()))
                                .clicked()
                            {
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
                field(ui, &tr.activity_deminer_days(), &mut d.deminer_days);
                let allowed = kind.allowed_buckets();
                if allowed.cancelled {
                    field(ui, &tr.report_col_cancelled(), &mut d.cancelled_m2);
                }
                if allowed.reduced {
                    field(
                        ui,
                        &tr.activity_reduced_with_asset(),
                        &mut d.reduced_with_asset_m2,
                    );
                    field(
                        ui,
                        &tr.activity_reduced_without_asset(),
                        &mut d.reduced_without_asset_m2,
                    );
                }
                if allowed.cleared {
                    field(ui, &tr.report_col_cleared(), &mut d.cleared_m2);
                }
                if kind == ActivityKind::HandoverCertificate {
                    field(ui, &tr.report_col_men(), &mut d.handover_men);
                    field(ui, &tr.report_col_women(), &mut d.handover_women);
                    field(ui, &tr.report_col_boys(), &mut d.handover_boys);
                    field(ui, &tr.report_col_girls(), &mut d.handover_girls);
                    field(ui, &tr.activity_residual_risk(), &mut d.residual_risk_note);
                }
                field(ui, &tr.report_notes(), &mut d.notes);
            });
        if kind == ActivityKind::TechnicalSurvey {
            ui.checkbox(
                &mut d.direct_evidence_confirmed,
                tr.activity_direct_evidence(),
            );
        }
        ui.label(tr.activity_devices());
        let mut remove = None;
        for (i, dev) in d.devices.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let cat = EoCategory::parse(&dev.category).unwrap_or(EoCategory::Other);
                egui::ComboBox::from_id_salt(("device_cat", i))
                    .selected_text(tr.label(cat.label_id()))
                    .show_ui(ui, |ui| {
                        for c in EoCategory::ALL {
                            if ui
                                .selectable_label(cat == *c, tr.label(c.label_id()))
                                .clicked()
                            {
                                c.code().clone_into(&mut dev.category);
                            }
                        }
                    });
                ui.add(
                    egui::TextEdit::singleline(&mut dev.type_model)
                        .hint_text(tr.activity_type_model_hint())
                        .desired_width(80.0),
                );
                ui.add(
                    egui::TextEdit::singleline(&mut dev.quantity)
                        .hint_text(tr.activity_quantity_hint())
                        .desired_width(30.0),
                );
                if ui.small_button(tr.form_delete()).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            d.devices.remove(i);
        }
        if ui.button(tr.activity_add_device()).clicked() {
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
            ui.colored_label(theme::ERROR_TEXT, tr.form_store_refused(r));
        }
        ui.horizontal(|ui| {
            if ui
                .button(tr.activity_save())
                .on_hover_text("Ctrl+Enter")
                .clicked()
                || keys.save
            {
                match self.draft.validate(self.land) {
                    Ok(a) => {
                        self.errors.clear();
                        action = Some(FormAction::Save(Box::new(a)));
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
                action = Some(FormAction::Cancel);
            }
        });
        self.history.feed(ui, &self.draft);
        action
    }
}
