//! The right panel: the selected land's details, typed points, evidence, activities, ledger,
//! status history and audit.

use egui::{CollapsingHeader, Color32, Rect, Sense, Ui, Vec2};

use super::theme;
use crate::app::LandDetail;
use crate::domain::{AreaM2, CoordFormat, Ledger, PointSource, ValidationState as V};
use crate::geometry::coords::format_coord;

/// What the detail panel asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailAction {
    /// Zoom the map to the land.
    ZoomTo,
    /// Open the activity form.
    RecordActivity,
    /// Open the land editor on this land.
    Edit,
    /// Submit for validation.
    Submit,
    /// Approve, with the comment typed (may be empty).
    Approve(String),
    /// Return with a comment.
    Return(String),
    /// Void an activity with a reason.
    VoidActivity {
        /// The activity's code.
        code: String,
        /// Why.
        reason: String,
    },
}

/// A void being asked for: which record, and the reason typed so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoidEntry {
    /// The record's code (none: no void asked).
    pub code: Option<String>,
    /// The reason as typed.
    pub reason: String,
}

impl VoidEntry {
    /// The reason row under a record: a field, *Void* (enabled once a reason is typed) and
    /// *Keep*. Returns the reason when *Void* was pressed.
    pub fn ui(&mut self, ui: &mut Ui, code: &str) -> Option<String> {
        if self.code.as_deref() != Some(code) {
            return None;
        }
        let tr = super::language::tr(ui.ctx());
        let mut done = None;
        let label = ui.label(tr.void_because(code));
        ui.add(
            egui::TextEdit::singleline(&mut self.reason)
                .hint_text(tr.void_hint())
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !self.reason.trim().is_empty(),
                    egui::Button::new(tr.void_yes()),
                )
                .clicked()
            {
                done = Some(self.reason.trim().to_owned());
            }
            if ui.button(tr.void_keep()).clicked() {
                *self = Self::default();
            }
        });
        if done.is_some() {
            *self = Self::default();
        }
        done
    }
}

/// Draws the land. Returns an action when a button was pressed.
pub fn detail_ui(
    ui: &mut Ui,
    d: &LandDetail,
    format: CoordFormat,
    gps_threshold_m: f64,
    return_comment: &mut String,
    void: &mut VoidEntry,
) -> Option<DetailAction> {
    let tr = super::language::tr(ui.ctx());
    let mut action = None;
    let land = &d.land;
    ui.heading(format!("{} — {}", land.code, land.name));
    ui.label(format!(
        "{} · {} · {}",
        tr.label(land.classification.label_id()),
        tr.label(land.status.label_id()),
        tr.label(land.validation.label_id())
    ));
    if !land.validation_comment.is_empty() {
        ui.colored_label(
            theme::WARNING_TEXT,
            tr.detail_returned(land.validation_comment.as_str()),
        );
    }
    if let Some(issue) = &land.geometry_issue {
        ui.colored_label(theme::ERROR_TEXT, tr.detail_polygon_flagged(issue.as_str()));
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr.detail_zoom()).clicked() {
            action = Some(DetailAction::ZoomTo);
        }
        if ui.button(tr.detail_record_activity()).clicked() {
            action = Some(DetailAction::RecordActivity);
        }
        if ui.button(tr.detail_edit()).clicked() {
            action = Some(DetailAction::Edit);
        }
        match land.validation {
            V::Draft | V::Returned => {
                if ui.button(tr.detail_submit()).clicked() {
                    action = Some(DetailAction::Submit);
                }
            }
            V::Submitted => {
                ui.add(
                    egui::TextEdit::singleline(return_comment)
                        .hint_text(tr.detail_comment_hint())
                        .desired_width(160.0),
                );
                if ui.button(tr.detail_approve()).clicked() {
                    action = Some(DetailAction::Approve(return_comment.clone()));
                }
                if ui.button(tr.detail_return()).clicked() {
                    action = Some(DetailAction::Return(return_comment.clone()));
                }
            }
            V::Approved => {}
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            CollapsingHeader::new(tr.detail_ledger())
                .default_open(true)
                .show(ui, |ui| ledger_ui(ui, &land.ledger));
            CollapsingHeader::new(tr.detail_details())
                .default_open(true)
                .show(ui, |ui| {
                    fields_grid(ui, "land_details", |row| {
                        row(
                            &tr.detail_date_of_information(),
                            tr.date(land.date_of_information),
                        );
                        row(&tr.detail_evidence(), tr.label(land.evidence.label_id()));
                        row(
                            &tr.detail_hazard_types(),
                            land.hazard_types
                                .iter()
                                .map(|h| tr.label(h.label_id()))
                                .collect::<Vec<_>>()
                                .join(", "),
                        );
                        row(
                            &tr.detail_admin(),
                            [
                                &land.admin.admin1,
                                &land.admin.admin2,
                                &land.admin.settlement,
                            ]
                            .iter()
                            .filter(|s| !s.is_empty())
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(" / "),
                        );
                        row(&tr.detail_pcode(), land.admin.pcode.clone());
                        row(
                            &tr.detail_priority(),
                            land.priority
                                .map(|p| tr.label(p.label_id()))
                                .unwrap_or_default(),
                        );
                        row(&tr.report_organisation(), land.organisation.clone());
                        row(&tr.detail_team(), land.team.clone());
                        row(&tr.detail_donor(), land.donor.clone());
                        row(&tr.detail_project(), land.project.clone());
                        row(&tr.detail_blockage(), land.blockage.clone());
                        row(&tr.detail_terrain(), land.terrain.clone());
                        row(
                            &tr.detail_beneficiaries(),
                            land.expected_beneficiaries
                                .map(|b| tr.count(u64::from(b)))
                                .unwrap_or_default(),
                        );
                        row(
                            &tr.detail_geo_unsafe(),
                            if land.geo_unsafe {
                                tr.detail_yes()
                            } else {
                                String::new()
                            },
                        );
                    });
                    if !land.notes.is_empty() {
                        ui.label(&land.notes);
                    }
                });
            CollapsingHeader::new(tr.detail_evidence_items(land.evidence_items.len())).show(
                ui,
                |ui| {
                    for e in &land.evidence_items {
                        ui.label(format!(
                            "{} — {}{}",
                            e.kind,
                            tr.label(e.modality.label_id()),
                            if e.description.is_empty() {
                                String::new()
                            } else {
                                format!(": {}", e.description)
                            }
                        ));
                    }
                    for k in &land.key_informants {
                        ui.label(tr.detail_informant(
                            k.name.as_str(),
                            k.role.as_str(),
                            k.phone.as_str(),
                        ));
                    }
                },
            );
            if !land.source_attributes.is_empty() {
                CollapsingHeader::new(tr.detail_source_attributes(land.source_attributes.len()))
                    .show(ui, |ui| {
                        ui.weak(tr.detail_source_attributes_hint());
                        fields_grid(ui, "source_attributes", |row| {
                            for (k, v) in &land.source_attributes {
                                let text = match v {
                                    serde_json::Value::String(s) => s.clone(),
                                    serde_json::Value::Null => "–".to_owned(),
                                    other => other.to_string(),
                                };
                                row(k, text);
                            }
                        });
                    });
            }
            CollapsingHeader::new(tr.detail_points(land.points.len())).show(ui, |ui| {
                egui::Grid::new("points")
                    .num_columns(4)
                    .striped(true)
                    .show(ui, |ui| {
                        for h in [
                            tr.detail_point(),
                            tr.detail_point_type(),
                            tr.detail_position(),
                            tr.detail_source(),
                        ] {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for p in &land.points {
                            ui.label(&p.label);
                            ui.label(tr.label(p.kind.label_id()));
                            ui.label(format_coord(p.lon_lat, format));
                            let source = match &p.source {
                                PointSource::Gps { accuracy_m, .. } => match accuracy_m {
                                    Some(a) if *a > gps_threshold_m => {
                                        tr.source_gps_poor(crate::i18n::Arg::decimal(*a, 1))
                                    }
                                    Some(a) => tr.source_gps(crate::i18n::Arg::decimal(*a, 1)),
                                    None => "GPS".to_owned(),
                                },
                                PointSource::Traverse { leg } => {
                                    let leg_text = tr.source_traverse(
                                        leg.from_label.as_str(),
                                        format!(
                                            "{} {} {}",
                                            leg.bearing,
                                            leg.bearing_unit.code(),
                                            leg.reference.code()
                                        ),
                                        crate::i18n::Arg::decimal(leg.distance_m, 1),
                                    );
                                    match leg.slope_deg {
                                        Some(s) => format!("{leg_text} {}", tr.source_slope(s)),
                                        None => leg_text,
                                    }
                                }
                                PointSource::MapClick => tr.source_map_click(),
                                PointSource::Import => tr.source_import(),
                                PointSource::Manual => tr.source_typed(),
                            };
                            ui.label(source);
                            ui.end_row();
                        }
                    });
            });
            CollapsingHeader::new(tr.detail_activities(d.activities.len()))
                .default_open(true)
                .show(ui, |ui| {
                    for a in &d.activities {
                        ui.horizontal_wrapped(|ui| {
                            // The button first: it stays in view however long the line is.
                            if ui
                                .small_button(tr.detail_void())
                                .on_hover_text(tr.detail_void_activity_hint(a.code.as_str()))
                                .clicked()
                            {
                                *void = VoidEntry {
                                    code: Some(a.code.clone()),
                                    reason: String::new(),
                                };
                            }
                            ui.label(format!(
                                "{}  {}  {} — {}",
                                a.code,
                                tr.date(a.date_of_information),
                                tr.label(a.kind.label_id()),
                                tr.detail_activity_released(
                                    tr.unit_m2(crate::i18n::Arg::decimal(
                                        a.released.total().m2(),
                                        0
                                    )),
                                    a.items_found()
                                )
                            ));
                        });
                        if let Some(reason) = void.ui(ui, &a.code) {
                            action = Some(DetailAction::VoidActivity {
                                code: a.code.clone(),
                                reason,
                            });
                        }
                    }
                });
            CollapsingHeader::new(tr.detail_status_history(land.status_history.len())).show(
                ui,
                |ui| {
                    for c in &land.status_history {
                        let text = format!(
                            "{}  {} · {} — {} ({})",
                            tr.date(c.date),
                            tr.label(c.status.label_id()),
                            tr.label(c.classification.label_id()),
                            c.reason,
                            c.by
                        );
                        if c.superseded {
                            ui.colored_label(theme::WARNING_TEXT, tr.detail_superseded(text));
                        } else {
                            ui.label(text);
                        }
                    }
                },
            );
            if !d.reports.is_empty() {
                CollapsingHeader::new(tr.list_reports_tab(d.reports.len())).show(ui, |ui| {
                    for r in &d.reports {
                        ui.label(format!(
                            "{}  {} ×{} {} — {}",
                            r.code,
                            tr.label(r.eo_category.label_id()),
                            tr.count(u64::from(r.quantity)),
                            r.type_model,
                            tr.label(r.status.label_id())
                        ));
                    }
                });
            }
            CollapsingHeader::new(tr.detail_history(d.audit.len())).show(ui, |ui| {
                super::history::audit_rows(ui, "land_audit", &d.audit, false);
            });
        });
    action
}

/// A striped two-column grid of labelled values; `fill` calls `row(label, value)`, and rows with
/// an empty value are left out.
pub(super) fn fields_grid(ui: &mut Ui, id: &str, fill: impl FnOnce(&mut dyn FnMut(&str, String))) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |k: &str, v: String| {
                if !v.is_empty() {
                    ui.label(k);
                    ui.label(v);
                    ui.end_row();
                }
            };
            fill(&mut row);
        });
}

/// The ledger as numbers and as a bar.
pub fn ledger_ui(ui: &mut Ui, ledger: &Ledger) {
    let tr = super::language::tr(ui.ctx());
    let rows: [(String, AreaM2, Color32); 4] = [
        (
            tr.ledger_cancelled(),
            ledger.cancelled_m2(),
            theme::CANCELLED,
        ),
        (tr.ledger_reduced(), ledger.reduced_m2(), theme::REDUCED),
        (tr.ledger_cleared(), ledger.cleared_m2(), theme::CLEARED),
        (tr.ledger_remaining(), ledger.remaining(), theme::REMAINING),
    ];
    let m2 = |a: AreaM2| tr.unit_m2(crate::i18n::Arg::decimal(a.m2(), 0));
    let ha = |a: AreaM2| tr.unit_ha(crate::i18n::Arg::decimal(a.hectares(), 2));
    egui::Grid::new("ledger").num_columns(3).show(ui, |ui| {
        ui.label(tr.ledger_estimated());
        ui.label(m2(ledger.estimated_m2));
        ui.label(ha(ledger.estimated_m2));
        ui.end_row();
        for (label, area, colour) in &rows {
            ui.colored_label(*colour, label);
            ui.label(m2(*area));
            ui.label(ha(*area));
            ui.end_row();
        }
    });
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(ui.available_width().min(320.0), 14.0),
        Sense::hover(),
    );
    let total = ledger.estimated_m2.m2();
    if total > 0.0 {
        let mut x = rect.left();
        for (_, area, colour) in &rows {
            let w = (area.m2() / total) as f32 * rect.width();
            ui.painter().rect_filled(
                Rect::from_min_size(egui::pos2(x, rect.top()), Vec2::new(w, rect.height())),
                0.0,
                *colour,
            );
            x += w;
        }
    }
}
