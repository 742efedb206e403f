//! Never lose work: each open form's content is kept in the store about once a second while it
//! changes (a crash, a power cut or Ctrl+Q loses at most that second), forgotten when the form
//! closes (saved or cancelled), and offered back at the next start.

use std::collections::HashMap;

use eframe::egui;

use super::land_editor::UnsavedLand;
use super::{ActivityForm, LandEditor, SafegroundApp, report_form::ReportForm};
use crate::app::Command;
use crate::domain::{ActivityDraft, FormKind, HazardReportDraft, LandId, UnsavedForm};

/// How often open forms are looked at for changes to keep, in seconds.
const KEEP_EVERY_S: f64 = 1.0;

/// An activity form's unsaved work.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct UnsavedActivity {
    land: LandId,
    draft: ActivityDraft,
}

/// What the app last kept of each open form, and what each form held when it was first seen
/// (a form nobody has typed into is not kept).
#[derive(Debug, Default)]
pub(super) struct UnsavedTracker {
    baseline: HashMap<FormKind, String>,
    kept: HashMap<FormKind, String>,
    checked_at: f64,
}

impl SafegroundApp {
    /// The open forms as (kind, title, JSON).
    fn open_forms(&self) -> Vec<(FormKind, String, String)> {
        let tr = self.tr();
        let mut out = Vec::new();
        if let Some(editor) = &self.editor
            && let Ok(json) = serde_json::to_string(&editor.unsaved())
        {
            let title = match &editor.original {
                Some(o) => tr.unsaved_edit_of(o.code.as_str(), o.name.as_str()),
                None if editor.name.trim().is_empty() => tr.top_new_land(),
                None => tr.unsaved_new_land_named(editor.name.trim()),
            };
            out.push((FormKind::Land, title, json));
        }
        if let Some(form) = &self.activity_form {
            let unsaved = UnsavedActivity {
                land: form.land,
                draft: form.draft.clone(),
            };
            if let Ok(json) = serde_json::to_string(&unsaved) {
                let code = self
                    .state
                    .records
                    .lands
                    .iter()
                    .find(|l| l.summary.id == form.land)
                    .map_or_else(
                        || tr.label(crate::domain::EntityKind::Activity.label_id()),
                        |l| tr.unsaved_activity_on(l.summary.code.as_str()),
                    );
                out.push((FormKind::Activity, code, json));
            }
        }
        if let Some(form) = &self.report_form
            && let Ok(json) = serde_json::to_string(&form.draft)
        {
            out.push((FormKind::HazardReport, tr.top_new_hazard_report(), json));
        }
        out
    }

    /// Keeps what changed in the open forms, and forgets the work of forms that closed.
    pub(super) fn keep_unsaved_work(&mut self, now_s: f64) {
        if now_s - self.unsaved.checked_at < KEEP_EVERY_S && now_s >= self.unsaved.checked_at {
            return;
        }
        self.unsaved.checked_at = now_s;
        let open = self.open_forms();
        let mut commands = Vec::new();
        for kind in FormKind::ALL {
            let Some((_, title, json)) = open.iter().find(|(k, _, _)| k == kind) else {
                self.unsaved.baseline.remove(kind);
                if self.unsaved.kept.remove(kind).is_some() {
                    commands.push(Command::DiscardUnsaved(*kind));
                }
                continue;
            };
            let baseline = self
                .unsaved
                .baseline
                .entry(*kind)
                .or_insert_with(|| json.clone());
            let changed = baseline != json && self.unsaved.kept.get(kind) != Some(json);
            if changed {
                self.unsaved.kept.insert(*kind, json.clone());
                commands.push(Command::KeepUnsaved(Box::new(UnsavedForm {
                    kind: *kind,
                    title: title.clone(),
                    body_json: json.clone(),
                    saved_at: time::OffsetDateTime::now_utc(),
                    who: self
                        .prefs
                        .person
                        .as_ref()
                        .map(|p| p.name.clone())
                        .unwrap_or_default(),
                })));
            }
        }
        for c in commands {
            self.send(c);
        }
    }

    /// The offer of unsaved work found at start: restore it into its form, or discard it.
    pub(super) fn unsaved_window(&mut self, ctx: &egui::Context) {
        if self.state.unsaved_forms.is_empty() {
            return;
        }
        let mut restore = None;
        let mut discard = None;
        let tr = self.tr();
        egui::Window::new(tr.unsaved_title())
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(tr.unsaved_intro());
                ui.separator();
                for (i, form) in self.state.unsaved_forms.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let when = crate::session::local_and_utc(form.saved_at);
                        ui.label(egui::RichText::new(&form.title).strong());
                        ui.weak(format!("{when}, {}", form.who));
                        if ui.button(tr.unsaved_restore()).clicked() {
                            restore = Some(i);
                        }
                        if ui.button(tr.unsaved_discard()).clicked() {
                            discard = Some(i);
                        }
                    });
                }
            });
        if let Some(i) = discard {
            let form = self.state.unsaved_forms.remove(i);
            self.send(Command::DiscardUnsaved(form.kind));
        }
        if let Some(i) = restore {
            let form = self.state.unsaved_forms.remove(i);
            // The kept row stays until the restored form closes (saved or cancelled).
            self.unsaved.kept.insert(form.kind, form.body_json.clone());
            let today = crate::session::today();
            let restored = match form.kind {
                FormKind::Land => serde_json::from_str::<UnsavedLand>(&form.body_json)
                    .map(|u| self.editor = Some(LandEditor::from_unsaved(u, today))),
                FormKind::Activity => {
                    serde_json::from_str::<UnsavedActivity>(&form.body_json).map(|u| {
                        self.select(u.land);
                        let mut activity =
                            ActivityForm::new(u.land, today, &self.prefs.last_activity);
                        activity.draft = u.draft;
                        self.activity_form = Some(activity);
                    })
                }
                FormKind::HazardReport => {
                    serde_json::from_str::<HazardReportDraft>(&form.body_json).map(|draft| {
                        let mut report = ReportForm::new(today, draft.land_id);
                        report.draft = draft;
                        self.report_form = Some(report);
                    })
                }
            };
            if restored.is_err() {
                self.state.notify(
                    crate::app::NotificationLevel::Warning,
                    tr.unsaved_unreadable(tr.label(form.kind.label_id())),
                );
            }
        }
    }
}
