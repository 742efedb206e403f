//! History: the audit trail in words — local time and UTC, the person, what happened and to
//! which record, fields by their labels and vocabulary values by theirs. One row renderer for a
//! record's history (detail panel) and the programme's feed (the History window, filterable by
//! person, record and action).

use eframe::egui;

use super::SafegroundApp;
use crate::app::Command;
use crate::domain::{AuditAction, AuditEntry, AuditFilter};

/// The History window's filters and whether it is open.
#[derive(Debug, Clone, Default)]
pub(super) struct HistoryWindow {
    pub(super) open: bool,
    filter: AuditFilter,
    sent: Option<AuditFilter>,
}

/// Audit entries as a striped grid: when (local and UTC), who (device), record, what.
pub(super) fn audit_rows(ui: &mut egui::Ui, id: &str, entries: &[AuditEntry], show_code: bool) {
    let tr = super::language::tr(ui.ctx());
    egui::Grid::new(id)
        .striped(true)
        .num_columns(if show_code { 4 } else { 3 })
        .show(ui, |ui| {
            for a in entries {
                ui.label(crate::session::local_and_utc(a.at));
                ui.label(&a.who)
                    .on_hover_text(tr.history_on_device(a.device.as_str()));
                if show_code {
                    ui.label(&a.entity_code);
                }
                ui.add(egui::Label::new(describe(tr, a)).wrap());
                ui.end_row();
            }
        });
}

/// What an audit entry did, in the app's language: the action, the field by its label, and the
/// change (vocabulary values by their labels).
fn describe(tr: crate::i18n::Tr, a: &AuditEntry) -> String {
    use crate::domain::{Classification, LandStatus, ValidationState};
    let field_name = a.field.as_deref().unwrap_or("");
    let value = |v: &str| {
        let first = v.split(' ').next().unwrap_or(v);
        let rest = v.get(first.len()..).unwrap_or("");
        let id = match field_name {
            "classification" => Classification::parse(first).map(Classification::label_id),
            "status" => LandStatus::parse(first).map(LandStatus::label_id),
            "validation" => ValidationState::parse(first).map(ValidationState::label_id),
            _ => None,
        };
        id.map_or_else(|| v.to_owned(), |id| format!("{}{rest}", tr.label(id)))
    };
    let change = match (&a.old_value, &a.new_value) {
        (Some(o), Some(n)) => tr.history_from_to(value(o), value(n)),
        (None, Some(n)) => value(n),
        (Some(o), None) => tr.history_was(value(o)),
        (None, None) => String::new(),
    };
    let field = a
        .field
        .as_deref()
        .map(|f| crate::app::words::field_label(tr, f))
        .unwrap_or_default();
    [tr.label(a.action.label_id()), field, change]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

impl SafegroundApp {
    /// The programme's history, filterable; asks the worker again when a filter changes.
    pub(super) fn history_window(&mut self, ctx: &egui::Context) {
        if !self.history.open {
            return;
        }
        let mut open = true;
        let tr = super::language::tr(ctx);
        let h = &mut self.history;
        egui::Window::new(tr.history_title())
            .open(&mut open)
            .default_size([760.0, 420.0])
            .show(ctx, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label(tr.history_person());
                    ui.add(egui::TextEdit::singleline(&mut h.filter.who).desired_width(120.0))
                        .labelled_by(l.id);
                    let l = ui.label(tr.history_record());
                    ui.add(
                        egui::TextEdit::singleline(&mut h.filter.code)
                            .hint_text("HA-0012")
                            .desired_width(90.0),
                    )
                    .labelled_by(l.id);
                    let all = tr.list_all();
                    egui::ComboBox::from_label(tr.history_action())
                        .selected_text(
                            h.filter
                                .action
                                .map_or_else(|| all.clone(), |a| tr.label(a.label_id())),
                        )
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut h.filter.action, None, &all);
                            for a in AuditAction::ALL {
                                ui.selectable_value(
                                    &mut h.filter.action,
                                    Some(*a),
                                    tr.label(a.label_id()),
                                );
                            }
                        });
                });
                ui.separator();
                match &self.state.audit_feed {
                    None => {
                        ui.spinner();
                    }
                    Some(entries) if entries.is_empty() => {
                        ui.label(tr.history_nothing());
                    }
                    Some(entries) => {
                        ui.weak(if entries.len() >= 500 {
                            tr.history_entries_latest(entries.len())
                        } else {
                            tr.history_entries(entries.len())
                        });
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            audit_rows(ui, "audit_feed", entries, true);
                        });
                    }
                }
            });
        self.history.open = open;
        if self.history.sent.as_ref() != Some(&self.history.filter) {
            self.history.sent = Some(self.history.filter.clone());
            self.state.audit_feed = None;
            self.send(Command::LoadAuditFeed(self.history.filter.clone()));
        }
    }

    /// Opens or closes the History window (it loads again when opened).
    pub(super) fn toggle_history(&mut self) {
        self.history.open = !self.history.open;
        self.history.sent = None;
    }
}
