//! The land form's fields beyond name and dates (evidence, priority, hazard types, the
//! administrative location, blockage, terrain, beneficiaries, project) and the typed-points table.

use egui::Ui;

use super::{LandEditor, PointRow};
use crate::domain::{PointKind, PointSource, parse_number};
use crate::ui::theme;

/// The NTS fields of the land form beyond name, dates and attribution, as typed (codes for the
/// vocabularies; empty = not given).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct NtsFields {
    /// Evidence of contamination code (`direct`, `indirect`, `none`, `not_specified`).
    pub evidence: String,
    /// Priority code (`high`, `medium`, `low`) or empty.
    pub priority: String,
    /// First administrative level (e.g. canton, oblast).
    pub admin1: String,
    /// Second administrative level (municipality).
    pub admin2: String,
    /// Settlement.
    pub settlement: String,
    /// P-code of the smallest administrative unit.
    pub pcode: String,
    /// What the hazard blocks (roads, fields, water).
    pub blockage: String,
    /// Terrain (vegetation, slope, soil).
    pub terrain: String,
    /// Expected beneficiaries of release, a whole number.
    pub beneficiaries: String,
    /// Donor project.
    pub project: String,
    /// Evidence of contamination, item by item, each with how it was known (seen, told, read).
    pub evidence_items: Vec<crate::domain::EvidenceItem>,
    /// Key informants (sensitive: kept out of donor and public exports).
    pub key_informants: Vec<crate::domain::KeyInformant>,
}

impl NtsFields {
    pub(super) fn of(land: &crate::domain::Land) -> Self {
        Self {
            evidence: land.evidence.code().to_owned(),
            priority: land
                .priority
                .map(|p| p.code().to_owned())
                .unwrap_or_default(),
            admin1: land.admin.admin1.clone(),
            admin2: land.admin.admin2.clone(),
            settlement: land.admin.settlement.clone(),
            pcode: land.admin.pcode.clone(),
            blockage: land.blockage.clone(),
            terrain: land.terrain.clone(),
            beneficiaries: land
                .expected_beneficiaries
                .map(|n| n.to_string())
                .unwrap_or_default(),
            project: land.project.clone(),
            evidence_items: land.evidence_items.clone(),
            key_informants: land.key_informants.clone(),
        }
    }
}

/// The evidence items and key informants as editable tables (add, edit, delete).
pub(super) fn evidence_and_informants_ui(ui: &mut Ui, nts: &mut NtsFields) {
    use crate::domain::{EvidenceItem, KeyInformant, SourceModality};
    let tr = super::super::language::tr(ui.ctx());
    egui::CollapsingHeader::new(tr.editor_evidence_items(nts.evidence_items.len()))
        .id_salt("evidence_items")
        .show(ui, |ui| {
            let mut remove = None;
            egui::Grid::new("evidence_rows")
                .num_columns(4)
                .show(ui, |ui| {
                    for h in [
                        tr.editor_evidence_what(),
                        tr.editor_evidence_how(),
                        tr.detail_details(),
                        String::new(),
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for (i, item) in nts.evidence_items.iter_mut().enumerate() {
                        ui.push_id(i, |ui| {
                            ui.add(egui::TextEdit::singleline(&mut item.kind).desired_width(150.0));
                        });
                        egui::ComboBox::from_id_salt(("modality", i))
                            .selected_text(tr.label(item.modality.label_id()))
                            .show_ui(ui, |ui| {
                                for m in SourceModality::ALL {
                                    ui.selectable_value(
                                        &mut item.modality,
                                        *m,
                                        tr.label(m.label_id()),
                                    );
                                }
                            });
                        ui.push_id(("details", i), |ui| {
                            ui.add(
                                egui::TextEdit::singleline(&mut item.description)
                                    .desired_width(150.0),
                            );
                        });
                        if ui.small_button(tr.form_delete()).clicked() {
                            remove = Some(i);
                        }
                        ui.end_row();
                    }
                });
            if let Some(i) = remove {
                nts.evidence_items.remove(i);
            }
            if ui.button(tr.editor_add_evidence()).clicked() {
                nts.evidence_items.push(EvidenceItem {
                    kind: String::new(),
                    modality: SourceModality::Visual,
                    description: String::new(),
                });
            }
        });
    egui::CollapsingHeader::new(tr.editor_informants(nts.key_informants.len()))
        .id_salt("key_informants")
        .show(ui, |ui| {
            ui.colored_label(super::theme::WARNING_TEXT, tr.editor_informants_sensitive());
            let mut remove = None;
            egui::Grid::new("informant_rows")
                .num_columns(4)
                .show(ui, |ui| {
                    for h in [
                        tr.list_name(),
                        tr.editor_informant_role(),
                        tr.report_phone(),
                        String::new(),
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for (i, k) in nts.key_informants.iter_mut().enumerate() {
                        ui.push_id(("informant", i), |ui| {
                            ui.add(egui::TextEdit::singleline(&mut k.name).desired_width(130.0));
                        });
                        ui.push_id(("role", i), |ui| {
                            ui.add(egui::TextEdit::singleline(&mut k.role).desired_width(120.0));
                        });
                        ui.push_id(("phone", i), |ui| {
                            ui.add(egui::TextEdit::singleline(&mut k.phone).desired_width(110.0));
                        });
                        if ui.small_button(tr.form_delete()).clicked() {
                            remove = Some(i);
                        }
                        ui.end_row();
                    }
                });
            if let Some(i) = remove {
                nts.key_informants.remove(i);
            }
            if ui.button(tr.editor_add_informant()).clicked() {
                nts.key_informants.push(KeyInformant {
                    name: String::new(),
                    role: String::new(),
                    phone: String::new(),
                });
            }
        });
}

impl LandEditor {
    pub(super) fn points_ui(&mut self, ui: &mut Ui, gps_threshold_m: f64) {
        let tr = super::super::language::tr(ui.ctx());
        ui.strong(tr.detail_points(self.points.len()));
        let mut remove = None;
        let mut move_up = None;
        egui::Grid::new("point_rows")
            .num_columns(6)
            .striped(true)
            .show(ui, |ui| {
                for h in [
                    "#".to_owned(),
                    tr.detail_point_type(),
                    tr.editor_point_label(),
                    tr.editor_point_coordinate(),
                    tr.editor_point_gps(),
                    String::new(),
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for (i, row) in self.points.iter_mut().enumerate() {
                    let number = ui.label(tr.editor_point_number(i + 1));
                    egui::ComboBox::from_id_salt(("kind", i))
                        .selected_text(tr.label(row.kind.label_id()))
                        .width(120.0)
                        .show_ui(ui, |ui| {
                            for k in PointKind::ALL {
                                ui.selectable_value(&mut row.kind, *k, tr.label(k.label_id()));
                            }
                        });
                    ui.add(egui::TextEdit::singleline(&mut row.label).desired_width(40.0));
                    ui.vertical(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut row.coord_text).desired_width(220.0),
                        )
                        .labelled_by(number.id);
                        match row.parsed() {
                            Ok((_, f)) => {
                                ui.small(tr.editor_read_as(tr.label(f.label_id())));
                            }
                            Err(e) => {
                                ui.colored_label(theme::ERROR_TEXT, e);
                            }
                        }
                    });
                    let acc =
                        ui.add(egui::TextEdit::singleline(&mut row.accuracy_m).desired_width(40.0));
                    if parse_number(&row.accuracy_m).is_some_and(|a| a > gps_threshold_m) {
                        acc.on_hover_text(tr.editor_gps_worse(gps_threshold_m));
                        ui.colored_label(theme::WARNING_TEXT, tr.editor_gps_poor());
                    }
                    ui.horizontal(|ui| {
                        if ui
                            .small_button(tr.editor_up())
                            .on_hover_text(tr.editor_move_up())
                            .clicked()
                            && i > 0
                        {
                            move_up = Some(i);
                        }
                        if ui
                            .small_button(tr.form_delete())
                            .on_hover_text(tr.editor_delete_point())
                            .clicked()
                        {
                            remove = Some(i);
                        }
                    });
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            self.points.remove(i);
        }
        if let Some(i) = move_up {
            self.points.swap(i, i - 1);
        }
        if ui.button(tr.editor_add_point()).clicked() {
            let kind = if self.points.iter().any(|p| p.kind.is_perimeter()) {
                PointKind::Turning
            } else {
                PointKind::Start
            };
            self.points.push(PointRow {
                kind,
                label: String::new(),
                coord_text: String::new(),
                accuracy_m: String::new(),
                source: PointSource::Gps {
                    accuracy_m: None,
                    averaged_fixes: None,
                },
                exact: None,
            });
        }
    }
}

/// The NTS fields of the land form: evidence and priority as pick lists, the administrative
/// location, blockage, terrain, beneficiaries and project (two-column grid rows).
pub(super) fn nts_fields_ui(ui: &mut Ui, nts: &mut NtsFields) {
    use crate::domain::{EvidenceOfContamination, Priority};
    let tr = super::super::language::tr(ui.ctx());
    ui.label(tr.detail_evidence());
    let shown = tr.label(
        EvidenceOfContamination::from_code(&nts.evidence)
            .unwrap_or(EvidenceOfContamination::NotSpecified)
            .label_id(),
    );
    egui::ComboBox::from_id_salt("evidence")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for e in EvidenceOfContamination::ALL {
                ui.selectable_value(
                    &mut nts.evidence,
                    e.code().to_owned(),
                    tr.label(e.label_id()),
                );
            }
        });
    ui.end_row();
    ui.label(tr.detail_priority());
    let not_set = tr.editor_not_set();
    let shown = Priority::from_code(&nts.priority)
        .map_or_else(|| not_set.clone(), |p| tr.label(p.label_id()));
    egui::ComboBox::from_id_salt("priority")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut nts.priority, String::new(), &not_set);
            for p in Priority::ALL {
                ui.selectable_value(
                    &mut nts.priority,
                    p.code().to_owned(),
                    tr.label(p.label_id()),
                );
            }
        });
    ui.end_row();
    let mut field = |label: String, hint: String, text: &mut String| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).hint_text(hint))
            .labelled_by(l.id);
        ui.end_row();
    };
    field(tr.editor_admin1(), tr.editor_admin1_hint(), &mut nts.admin1);
    field(tr.editor_admin2(), tr.editor_admin2_hint(), &mut nts.admin2);
    field(
        tr.editor_settlement(),
        tr.editor_settlement_hint(),
        &mut nts.settlement,
    );
    field(tr.detail_pcode(), tr.editor_pcode_hint(), &mut nts.pcode);
    field(
        tr.detail_blockage(),
        tr.editor_blockage_hint(),
        &mut nts.blockage,
    );
    field(
        tr.detail_terrain(),
        tr.editor_terrain_hint(),
        &mut nts.terrain,
    );
    field(
        tr.editor_beneficiaries(),
        tr.editor_beneficiaries_hint(),
        &mut nts.beneficiaries,
    );
    field(
        tr.detail_project(),
        tr.editor_project_hint(),
        &mut nts.project,
    );
}

/// Hazard types as a pick list (checkboxes in vocabulary order), kept as the comma-separated codes
/// the draft validates; a code typed elsewhere that is not in the vocabulary is kept as it is
/// (the draft names it).
pub(super) fn hazard_types_ui(ui: &mut Ui, text: &mut String) {
    use crate::domain::HazardType;
    let mut chosen: Vec<String> = text
        .split(',')
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    let tr = super::super::language::tr(ui.ctx());
    let mut changed = false;
    // Rows of three (a wrapped row inside a grid cell would overlap the next row).
    ui.vertical(|ui| {
        for row in HazardType::ALL.chunks(3) {
            ui.horizontal(|ui| {
                for h in row {
                    let mut on = chosen.iter().any(|c| HazardType::parse(c) == Some(*h));
                    if ui.checkbox(&mut on, tr.label(h.label_id())).changed() {
                        changed = true;
                        chosen.retain(|c| HazardType::parse(c) != Some(*h));
                        if on {
                            chosen.push(h.code().to_owned());
                        }
                    }
                }
            });
        }
    });
    if changed {
        let order = |c: &String| {
            HazardType::parse(c)
                .and_then(|h| HazardType::ALL.iter().position(|x| *x == h))
                .unwrap_or(usize::MAX)
        };
        chosen.sort_by_key(order);
        *text = chosen.join(", ");
    }
}
