//! The Reconciliation window (issue 15, IMSMA's word): sync bundles in and out, what went to and
//! came from whom, refused bundles and parked changes shown loudly, and every open conflict with
//! its base, mine and theirs, settled one by one or in bulk; a land's two polygons are drawn over
//! each other on the map.

use std::collections::BTreeSet;

use super::SafegroundApp;
use super::file_picker::PickPurpose;
use super::map::ConflictPolygons;
use super::theme;
use crate::app::{Command, Secret};
use crate::app::{ConflictRow, SyncOverview};
use crate::domain::merge::Take;

/// The window's own state.
#[derive(Default)]
pub struct ReconciliationWindow {
    /// Whether it is open.
    pub open: bool,
    /// Conflicts ticked for a bulk action: (code, field).
    selected: BTreeSet<(String, String)>,
    /// The device the next bundle is for (`None`: everything).
    export_to: Option<String>,
    /// The geometry conflict drawn on the map.
    pub overlay: Option<ConflictPolygons>,
    /// The office server's URL as typed (filled from the last sync).
    hub_url: String,
    /// The password as typed: in memory only, never stored.
    hub_password: String,
}

/// What the person asked for this frame.
enum Action {
    None,
    Settle(Vec<(String, String)>, Take),
    ShowOnMap(usize),
    Import,
    Export,
    SyncHub,
}

impl SafegroundApp {
    /// Opens or closes the Reconciliation window (it loads again when opened).
    pub(super) fn toggle_reconciliation(&mut self) {
        self.reconciliation.open = !self.reconciliation.open;
        if self.reconciliation.open {
            self.send(Command::LoadSync);
        } else {
            self.reconciliation.overlay = None;
        }
    }

    pub(super) fn reconciliation_ui(&mut self, ctx: &egui::Context) {
        if !self.reconciliation.open {
            return;
        }
        let mut open = true;
        let mut action = Action::None;
        let overview = self.state.sync.clone();
        let hub_syncing = self.state.busy_kind == crate::app::BusyKind::HubSync;
        egui::Window::new(self.tr().reconciliation())
            .open(&mut open)
            .default_size([620.0, 560.0])
            .default_pos([ctx.content_rect().right() - 640.0, 40.0])
            .vscroll(true)
            .show(ctx, |ui| {
                let Some(o) = overview.as_ref() else {
                    ui.spinner();
                    return;
                };
                alarms(ui, o);
                office_server(
                    ui,
                    o,
                    &mut self.reconciliation,
                    self.state.busy.as_deref(),
                    hub_syncing,
                    &mut action,
                );
                ui.separator();
                bundles(ui, o, &mut self.reconciliation, &mut action);
                ui.separator();
                conflicts(ui, o, &mut self.reconciliation, &mut action);
            });
        if !open {
            self.reconciliation.open = false;
            self.reconciliation.overlay = None;
        }
        match action {
            Action::None => {}
            Action::Settle(items, take) => {
                for item in &items {
                    self.reconciliation.selected.remove(item);
                }
                self.reconciliation.overlay = None;
                self.send(Command::ResolveConflicts { items, take });
            }
            Action::ShowOnMap(i) => {
                if let Some(row) = overview.as_ref().and_then(|o| o.conflicts.get(i)) {
                    self.reconciliation.overlay.clone_from(&row.polygons);
                    if let Some(land) = row.land {
                        self.select(land);
                        if let Some(bbox) = self.map.land_bbox(land) {
                            self.map.fit(bbox);
                        }
                    }
                }
            }
            Action::Import => self.open_picker(ctx, PickPurpose::SyncImport),
            Action::SyncHub => {
                let password = std::mem::take(&mut self.reconciliation.hub_password);
                self.send(Command::SyncHub {
                    url: self.reconciliation.hub_url.trim().to_owned(),
                    password: Secret(password),
                });
            }
            Action::Export => {
                let to = self
                    .reconciliation
                    .export_to
                    .as_deref()
                    .and_then(|d| uuid::Uuid::parse_str(d).ok())
                    .map(crate::domain::DeviceId);
                self.open_picker(ctx, PickPurpose::SyncExport(to));
            }
        }
    }
}

/// Refused bundles and parked changes, in red, at the top.
fn alarms(ui: &mut egui::Ui, o: &SyncOverview) {
    let tr = super::language::tr(ui.ctx());
    if let Some(last) = o.imports.first().filter(|i| i.refused) {
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(2.0, theme::ERROR_TEXT))
            .show(ui, |ui| {
                ui.colored_label(
                    theme::ERROR_TEXT,
                    tr.sync_last_refused(last.file_name.as_str()),
                );
                ui.label(&last.summary);
            });
    }
    if !o.parked.is_empty() {
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(2.0, theme::WARNING_TEXT))
            .show(ui, |ui| {
                ui.colored_label(theme::WARNING_TEXT, tr.sync_parked(o.parked.len()));
                for p in o.parked.iter().take(10) {
                    ui.label(tr.sync_parked_row(
                        tr.label(p.kind.label_id()),
                        p.code.as_str(),
                        short(&p.device),
                        p.received_at.as_str(),
                    ));
                }
            });
    }
}

/// The office server (the programme's hub): its address, a password field, the sync button, and
/// when the last sync happened and what it did (in red when it failed).
fn office_server(
    ui: &mut egui::Ui,
    o: &SyncOverview,
    w: &mut ReconciliationWindow,
    busy: Option<&str>,
    hub_syncing: bool,
    action: &mut Action,
) {
    let tr = super::language::tr(ui.ctx());
    if w.hub_url.is_empty()
        && let Some(h) = &o.hub
    {
        w.hub_url.clone_from(&h.url);
    }
    ui.strong(tr.sync_office_server());
    egui::Grid::new("office-server")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label(tr.sync_address());
            ui.add(
                egui::TextEdit::singleline(&mut w.hub_url)
                    .hint_text("postgres://name@server/programme")
                    .desired_width(360.0),
            )
            .labelled_by(label.id)
            .on_hover_text(tr.sync_address_hint());
            ui.end_row();
            let label = ui.label(tr.sync_password());
            ui.add(
                egui::TextEdit::singleline(&mut w.hub_password)
                    .password(true)
                    .hint_text(tr.sync_password_placeholder())
                    .desired_width(200.0),
            )
            .labelled_by(label.id)
            .on_hover_text(tr.sync_password_hint());
            ui.end_row();
        });
    ui.horizontal(|ui| {
        let syncing = busy.is_some() && hub_syncing;
        let ready = !w.hub_url.trim().is_empty() && busy.is_none();
        if ui
            .add_enabled(ready, egui::Button::new(tr.sync_hub_button()))
            .on_hover_text(tr.sync_hub_hint())
            .clicked()
        {
            *action = Action::SyncHub;
        }
        if syncing {
            ui.spinner();
            ui.label(busy.unwrap_or_default());
        }
    });
    match &o.hub {
        Some(h) => {
            let never = tr.sync_never();
            let when = h.last_sync_at.as_deref().map_or(never.as_str(), short_time);
            let who = if h.role.is_empty() {
                h.user.clone()
            } else {
                tr.sync_hub_user(
                    h.user.as_str(),
                    crate::domain::Role::from_code(&h.role)
                        .map_or_else(|| h.role.replace('_', " "), |r| tr.label(r.label_id())),
                    h.organisation.as_str(),
                )
            };
            if h.last_outcome == "failed" {
                ui.colored_label(
                    theme::ERROR_TEXT,
                    tr.sync_last_failed(when, who, h.last_summary.as_str()),
                );
            } else {
                ui.label(tr.sync_last(when, who, h.last_summary.as_str()));
            }
        }
        None => {
            ui.label(tr.sync_never_synced());
        }
    }
}

/// This laptop, the bundle buttons and the other laptops.
fn bundles(ui: &mut egui::Ui, o: &SyncOverview, w: &mut ReconciliationWindow, action: &mut Action) {
    let tr = super::language::tr(ui.ctx());
    ui.label(tr.sync_this_laptop(
        if o.device_name.is_empty() {
            tr.sync_unnamed()
        } else {
            o.device_name.clone()
        },
        short(&o.device),
        short(&o.programme),
    ));
    ui.horizontal(|ui| {
        if ui
            .button(tr.sync_apply())
            .on_hover_text(tr.sync_apply_hint())
            .clicked()
        {
            *action = Action::Import;
        }
        ui.separator();
        ui.label(tr.sync_write_for());
        let chosen = w
            .export_to
            .as_ref()
            .and_then(|d| o.peers.iter().find(|p| &p.device == d))
            .map_or_else(
                || tr.sync_everything(),
                |p| peer_name(tr, &p.name, &p.device),
            );
        egui::ComboBox::from_id_salt("sync-export-to")
            .selected_text(chosen)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut w.export_to, None, tr.sync_everything());
                for p in &o.peers {
                    ui.selectable_value(
                        &mut w.export_to,
                        Some(p.device.clone()),
                        peer_name(tr, &p.name, &p.device),
                    );
                }
            });
        if ui.button(tr.sync_write()).clicked() {
            *action = Action::Export;
        }
    });
    if o.peers.is_empty() {
        ui.label(tr.sync_no_bundle());
        return;
    }
    egui::Grid::new("sync-peers").striped(true).show(ui, |ui| {
        for h in [
            tr.sync_laptop(),
            tr.sync_received(),
            tr.sync_last_received(),
            tr.sync_sent(),
            tr.sync_last_sent(),
        ] {
            ui.strong(h);
        }
        ui.end_row();
        for p in &o.peers {
            let never = tr.sync_never();
            ui.label(peer_name(tr, &p.name, &p.device));
            ui.label(tr.sync_changes(p.received_versions));
            ui.label(
                p.last_received_at
                    .as_deref()
                    .map_or(never.as_str(), short_time),
            );
            ui.label(tr.sync_changes(p.sent_versions));
            ui.label(p.last_sent_at.as_deref().map_or(never.as_str(), short_time));
            ui.end_row();
        }
    });
}

/// The open conflicts with their values and the settle buttons.
fn conflicts(
    ui: &mut egui::Ui,
    o: &SyncOverview,
    w: &mut ReconciliationWindow,
    action: &mut Action,
) {
    let tr = super::language::tr(ui.ctx());
    if o.conflicts.is_empty() {
        ui.label(tr.sync_no_conflicts());
        return;
    }
    ui.heading(tr.sync_open_conflicts(o.conflicts.len()));
    ui.label(tr.sync_conflicts_explained());
    ui.horizontal(|ui| {
        if ui.button(tr.sync_select_all()).clicked() {
            w.selected = o
                .conflicts
                .iter()
                .map(|c| (c.code.clone(), c.field.clone()))
                .collect();
        }
        if ui.button(tr.sync_select_none()).clicked() {
            w.selected.clear();
        }
        let picked: Vec<(String, String)> = w.selected.iter().cloned().collect();
        ui.add_enabled_ui(!picked.is_empty(), |ui| {
            if ui
                .button(tr.sync_keep_mine_selected(picked.len()))
                .clicked()
            {
                *action = Action::Settle(picked.clone(), Take::Local);
            }
            if ui
                .button(tr.sync_take_theirs_selected(picked.len()))
                .clicked()
            {
                *action = Action::Settle(picked.clone(), Take::Remote);
            }
        });
    });
    for (i, c) in o.conflicts.iter().enumerate() {
        card(ui, i, c, w, action);
    }
}

/// One conflict: the record and field with the buttons, then base, mine, theirs and the value
/// shown now, one per line (mine in blue and theirs in orange, as on the map).
fn card(
    ui: &mut egui::Ui,
    i: usize,
    c: &ConflictRow,
    w: &mut ReconciliationWindow,
    action: &mut Action,
) {
    let tr = super::language::tr(ui.ctx());
    let key = (c.code.clone(), c.field.clone());
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let mut ticked = w.selected.contains(&key);
            if ui.checkbox(&mut ticked, "").changed() {
                if ticked {
                    w.selected.insert(key.clone());
                } else {
                    w.selected.remove(&key);
                }
            }
            ui.strong(format!(
                "{} {}: {}",
                c.record_type,
                c.code,
                crate::domain::field_label(&c.field)
            ));
            if ui.button(tr.sync_keep_mine()).clicked() {
                *action = Action::Settle(vec![key.clone()], Take::Local);
            }
            if ui.button(tr.sync_take_theirs()).clicked() {
                *action = Action::Settle(vec![key.clone()], Take::Remote);
            }
            if c.land.is_some()
                && ui
                    .button(if c.polygons.is_some() {
                        tr.sync_show_both()
                    } else {
                        tr.sync_show_on_map()
                    })
                    .clicked()
            {
                *action = Action::ShowOnMap(i);
            }
        });
        egui::Grid::new(("sync-conflict", i))
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(tr.sync_base());
                ui.label(clip(&c.base));
                ui.end_row();
                ui.label(tr.sync_mine());
                ui.colored_label(super::map::CONFLICT_MINE, clip(&c.mine));
                ui.end_row();
                ui.label(tr.sync_theirs());
                ui.colored_label(super::map::CONFLICT_THEIRS, clip(&c.theirs))
                    .on_hover_text(tr.sync_from(c.theirs_from.as_str()));
                ui.end_row();
                ui.label(tr.sync_shown_now());
                ui.label(if c.shown == c.mine {
                    tr.sync_winner_mine()
                } else {
                    tr.sync_winner_theirs()
                });
                ui.end_row();
            });
    });
}

/// A long value cut for the table (the whole value is in `sync conflicts`).
fn clip(text: &str) -> String {
    const MAX: usize = 90;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}...")
    }
}

fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

fn short_time(t: &str) -> &str {
    t.get(..16).unwrap_or(t)
}

fn peer_name(tr: crate::i18n::Tr, name: &str, device: &str) -> String {
    if name.is_empty() {
        tr.sync_device(short(device))
    } else {
        format!("{name} ({})", short(device))
    }
}
