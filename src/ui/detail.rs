//! The right panel: the selected land's details, typed points, evidence, activities, ledger,
//! status history and audit.

use egui::{CollapsingHeader, Color32, Rect, Sense, Ui, Vec2};

use super::theme;
use crate::app::LandDetail;
use crate::domain::{
    AreaM2, CoordFormat, Ledger, PointSource, ValidationState as V, group_thousands,
};
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
        let mut done = None;
        let label = ui.label(format!("Void {code} because"));
        ui.add(
            egui::TextEdit::singleline(&mut self.reason)
                .hint_text("e.g. entered twice")
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!self.reason.trim().is_empty(), egui::Button::new("Void"))
                .clicked()
            {
                done = Some(self.reason.trim().to_owned());
            }
            if ui.button("Keep").clicked() {
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
    let mut action = None;
    let land = &d.land;
    ui.heading(format!("{} — {}", land.code, land.name));
    ui.label(format!(
        "{} · {} · {}",
        land.classification.label(),
        land.status.label(),
        land.validation.label()
    ));
    if !land.validation_comment.is_empty() {
        ui.colored_label(
            theme::WARNING_TEXT,
            format!("Returned: {}", land.validation_comment),
        );
    }
    if let Some(issue) = &land.geometry_issue {
        ui.colored_label(theme::ERROR_TEXT, format!("Polygon flagged: {issue}"));
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button("Zoom to land").clicked() {
            action = Some(DetailAction::ZoomTo);
        }
        if ui.button("Record activity").clicked() {
            action = Some(DetailAction::RecordActivity);
        }
        if ui.button("Edit land").clicked() {
            action = Some(DetailAction::Edit);
        }
        match land.validation {
            V::Draft | V::Returned => {
                if ui.button("Submit").clicked() {
                    action = Some(DetailAction::Submit);
                }
            }
            V::Submitted => {
                ui.add(
                    egui::TextEdit::singleline(return_comment)
                        .hint_text("comment (needed to return)")
                        .desired_width(160.0),
                );
                if ui.button("Approve").clicked() {
                    action = Some(DetailAction::Approve(return_comment.clone()));
                }
                if ui.button("Return").clicked() {
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
            CollapsingHeader::new("Ledger")
                .default_open(true)
                .show(ui, |ui| ledger_ui(ui, &land.ledger));
            CollapsingHeader::new("Details")
                .default_open(true)
                .show(ui, |ui| {
                    fields_grid(ui, "land_details", |row| {
                        row("Date of information", land.date_of_information.to_string());
                        row("Evidence", land.evidence.label().to_owned());
                        row(
                            "Hazard types",
                            land.hazard_types
                                .iter()
                                .map(|h| h.label())
                                .collect::<Vec<_>>()
                                .join(", "),
                        );
                        row(
                            "Admin",
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
                        row("P-code", land.admin.pcode.clone());
                        row(
                            "Priority",
                            land.priority
                                .map(|p| p.label().to_owned())
                                .unwrap_or_default(),
                        );
                        row("Organisation", land.organisation.clone());
                        row("Team", land.team.clone());
                        row("Donor", land.donor.clone());
                        row("Project", land.project.clone());
                        row("Blockage", land.blockage.clone());
                        row("Terrain", land.terrain.clone());
                        row(
                            "Beneficiaries",
                            land.expected_beneficiaries
                                .map(|b| b.to_string())
                                .unwrap_or_default(),
                        );
                        row(
                            "Not safe to record location",
                            if land.geo_unsafe {
                                "yes".to_owned()
                            } else {
                                String::new()
                            },
                        );
                    });
                    if !land.notes.is_empty() {
                        ui.label(&land.notes);
                    }
                });
            CollapsingHeader::new(format!("Evidence ({})", land.evidence_items.len())).show(
                ui,
                |ui| {
                    for e in &land.evidence_items {
                        ui.label(format!(
                            "{} — {}{}",
                            e.kind,
                            e.modality.label(),
                            if e.description.is_empty() {
                                String::new()
                            } else {
                                format!(": {}", e.description)
                            }
                        ));
                    }
                    for k in &land.key_informants {
                        ui.label(format!("Informant: {} ({}) {}", k.name, k.role, k.phone));
                    }
                },
            );
            if !land.source_attributes.is_empty() {
                CollapsingHeader::new(format!(
                    "Source attributes ({})",
                    land.source_attributes.len()
                ))
                .show(ui, |ui| {
                    ui.weak("As in the imported file; the list's search finds them.");
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
            CollapsingHeader::new(format!("Typed points ({})", land.points.len())).show(ui, |ui| {
                egui::Grid::new("points")
                    .num_columns(4)
                    .striped(true)
                    .show(ui, |ui| {
                        for h in ["Point", "Type", "Position", "Source"] {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for p in &land.points {
                            ui.label(&p.label);
                            ui.label(p.kind.label());
                            ui.label(format_coord(p.lon_lat, format));
                            let source = match &p.source {
                                PointSource::Gps { accuracy_m, .. } => match accuracy_m {
                                    Some(a) if *a > gps_threshold_m => {
                                        format!("GPS ±{a:.1} m (poor)")
                                    }
                                    Some(a) => format!("GPS ±{a:.1} m"),
                                    None => "GPS".to_owned(),
                                },
                                PointSource::Traverse { leg } => format!(
                                    "from {}: {} {} {}, {:.1} m{}",
                                    leg.from_label,
                                    leg.bearing,
                                    leg.bearing_unit.code(),
                                    leg.reference.code(),
                                    leg.distance_m,
                                    leg.slope_deg
                                        .map(|s| format!(" (slope {s}°)"))
                                        .unwrap_or_default()
                                ),
                                PointSource::MapClick => "map click".to_owned(),
                                PointSource::Import => "import".to_owned(),
                                PointSource::Manual => "typed".to_owned(),
                            };
                            ui.label(source);
                            ui.end_row();
                        }
                    });
            });
            CollapsingHeader::new(format!("Activities ({})", d.activities.len()))
                .default_open(true)
                .show(ui, |ui| {
                    for a in &d.activities {
                        ui.horizontal_wrapped(|ui| {
                            // The button first: it stays in view however long the line is.
                            if ui
                                .small_button("Void…")
                                .on_hover_text(format!(
                                    "Void {}: kept, marked void, left out of the ledger",
                                    a.code
                                ))
                                .clicked()
                            {
                                *void = VoidEntry {
                                    code: Some(a.code.clone()),
                                    reason: String::new(),
                                };
                            }
                            ui.label(format!(
                                "{}  {}  {} — released {}{}",
                                a.code,
                                a.date_of_information,
                                a.kind.label(),
                                a.released.total(),
                                if a.items_found() > 0 {
                                    format!(", {} items", a.items_found())
                                } else {
                                    String::new()
                                }
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
            CollapsingHeader::new(format!("Status history ({})", land.status_history.len())).show(
                ui,
                |ui| {
                    for c in &land.status_history {
                        let text = format!(
                            "{}  {} · {} — {} ({})",
                            c.date,
                            c.status.label(),
                            c.classification.label(),
                            c.reason,
                            c.by
                        );
                        if c.superseded {
                            ui.colored_label(theme::WARNING_TEXT, format!("{text} [superseded]"));
                        } else {
                            ui.label(text);
                        }
                    }
                },
            );
            if !d.reports.is_empty() {
                CollapsingHeader::new(format!("Hazard reports ({})", d.reports.len())).show(
                    ui,
                    |ui| {
                        for r in &d.reports {
                            ui.label(format!(
                                "{}  {} ×{} {} — {}",
                                r.code,
                                r.eo_category.label(),
                                r.quantity,
                                r.type_model,
                                r.status.label()
                            ));
                        }
                    },
                );
            }
            CollapsingHeader::new(format!("History ({})", d.audit.len())).show(ui, |ui| {
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
    let rows: [(&str, AreaM2, Color32); 4] = [
        ("Cancelled", ledger.cancelled_m2(), theme::CANCELLED),
        ("Reduced", ledger.reduced_m2(), theme::REDUCED),
        ("Cleared", ledger.cleared_m2(), theme::CLEARED),
        ("Remaining", ledger.remaining(), theme::REMAINING),
    ];
    egui::Grid::new("ledger").num_columns(3).show(ui, |ui| {
        ui.label("Estimated");
        ui.label(format!("{} m²", group_thousands(ledger.estimated_m2.m2())));
        ui.label(format!("{:.2} ha", ledger.estimated_m2.hectares()));
        ui.end_row();
        for (label, area, colour) in rows {
            ui.colored_label(colour, label);
            ui.label(format!("{} m²", group_thousands(area.m2())));
            ui.label(format!("{:.2} ha", area.hectares()));
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
        for (_, area, colour) in rows {
            let w = (area.m2() / total) as f32 * rect.width();
            ui.painter().rect_filled(
                Rect::from_min_size(egui::pos2(x, rect.top()), Vec2::new(w, rect.height())),
                0.0,
                colour,
            );
            x += w;
        }
    }
}
