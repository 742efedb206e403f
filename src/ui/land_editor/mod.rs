//! Recording a land: typed points (any coordinate notation, GPS accuracy), points clicked on the
//! map, and a bearing/distance traverse from a benchmark with a live misclosure. The polygon,
//! its geodesic area and every validation problem update as the surveyor types; nothing invalid
//! can be saved.

use egui::Ui;

use super::form_keys::{FormHistory, FormKeys};
use super::theme;

mod fields;
mod traverse;

use crate::domain::{
    AdminPlace, Classification, CoordFormat, FieldError, LandDraft, LayerSpec, LonLat, PointKind,
    PointSource, ReferenceLayer, SurveyPoint, parse_number,
};
use crate::geometry::coords::{format_coord, parse_coord};
use crate::geometry::{LandShape, gps_accuracy_warnings, land_shape};
pub use fields::NtsFields;
use fields::{evidence_and_informants_ui, hazard_types_ui, nts_fields_ui};
pub use traverse::TraverseEntry;

/// One row of the typed-points table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PointRow {
    /// Point type.
    pub kind: PointKind,
    /// Label painted on the marker.
    pub label: String,
    /// Coordinate as typed (any notation).
    pub coord_text: String,
    /// GPS accuracy in metres, as typed.
    pub accuracy_m: String,
    /// How the point was obtained.
    pub source: PointSource,
    /// The stored position and the text it was shown as, for a point loaded from the store:
    /// while the text is unchanged the exact stored position is kept (no rounding on re-save).
    pub exact: Option<(String, LonLat, CoordFormat)>,
}

impl PointRow {
    fn parsed(&self) -> Result<(LonLat, CoordFormat), String> {
        if let Some((text, p, f)) = &self.exact
            && *text == self.coord_text
        {
            return Ok((*p, *f));
        }
        parse_coord(&self.coord_text).map_err(|e| e.to_string())
    }
}

/// What the editor asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorAction {
    /// Save this land.
    Save(Box<crate::domain::Land>),
    /// Close without saving.
    Cancel,
}

/// The land editor's state.
#[derive(Debug, Clone)]
pub struct LandEditor {
    /// Name.
    pub name: String,
    /// Classification.
    pub classification: Classification,
    /// Date of information, YYYY-MM-DD.
    pub date_of_information: String,
    /// Hazard types, comma separated.
    pub hazard_types: String,
    /// Organisation.
    pub organisation: String,
    /// Team.
    pub team: String,
    /// Donor.
    pub donor: String,
    /// Notes.
    pub notes: String,
    /// The rest of the NTS record (SPEC C1): evidence, priority, administrative location,
    /// blockage, terrain, expected beneficiaries and project, as typed.
    pub nts: NtsFields,
    /// Typed points in entry order.
    pub points: Vec<PointRow>,
    /// Traverse entry.
    pub traverse: TraverseEntry,
    /// Map clicks add perimeter points.
    pub drawing: bool,
    /// Errors of the last save attempt.
    pub errors: Vec<FieldError>,
    /// The land being edited (None for a new land).
    pub original: Option<Box<crate::domain::Land>>,
    /// Undo and redo of everything typed, drawn or moved (Ctrl+Z, Ctrl+Shift+Z), and "unsaved
    /// changes" (Cancel or Escape ask first).
    history: FormHistory<EditorContent>,
    /// Open lands the polygon being drawn overlaps (set by the app from the map each frame).
    pub overlaps: Vec<String>,
    /// The admin place last filled in from the reference layers, and where it was looked up.
    admin_fill: Option<(LonLat, AdminPlace)>,
}

/// Everything a person enters in the land editor: what undo, redo and "unsaved changes" compare,
/// and what is kept in the store as unsaved work.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EditorContent {
    name: String,
    classification: Classification,
    date_of_information: String,
    hazard_types: String,
    organisation: String,
    team: String,
    donor: String,
    notes: String,
    nts: NtsFields,
    points: Vec<PointRow>,
    traverse: TraverseEntry,
}

/// A land editor's unsaved work, as kept in the store.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UnsavedLand {
    /// What was entered.
    pub content: EditorContent,
    /// The land being edited, as it was opened (None for a new land).
    pub original: Option<Box<crate::domain::Land>>,
}

impl LandEditor {
    /// An editor on an existing land. The date of information starts at `today`: an edit dated
    /// earlier than the record is kept but does not override it (date-of-information rule).
    pub fn edit(land: &crate::domain::Land, today: time::Date, format: CoordFormat) -> Self {
        let points = land
            .points
            .iter()
            .map(|p| {
                let (text, shown_as) = p.entered.as_ref().map_or_else(
                    || (format_coord(p.lon_lat, format), format),
                    |e| (e.text.clone(), e.format),
                );
                PointRow {
                    kind: p.kind,
                    label: p.label.clone(),
                    coord_text: text.clone(),
                    accuracy_m: p
                        .gps_accuracy_m()
                        .map(|a| a.to_string())
                        .unwrap_or_default(),
                    source: p.source.clone(),
                    exact: Some((text, p.lon_lat, shown_as)),
                }
            })
            .collect();
        Self {
            name: land.name.clone(),
            classification: land.classification,
            date_of_information: today.max(land.date_of_information).to_string(),
            hazard_types: land
                .hazard_types
                .iter()
                .map(|h| h.code())
                .collect::<Vec<_>>()
                .join(", "),
            organisation: land.organisation.clone(),
            team: land.team.clone(),
            donor: land.donor.clone(),
            notes: land.notes.clone(),
            nts: NtsFields::of(land),
            points,
            // The traverse is kept with the points (each leg in its point's source): shown
            // again, with its misclosure, for QA to re-check.
            traverse: TraverseEntry::from_points(&land.points, format),
            drawing: false,
            errors: Vec::new(),
            original: Some(Box::new(land.clone())),
            history: FormHistory::empty(),
            admin_fill: None,
            overlaps: Vec::new(),
        }
        .opened()
    }

    /// A new, empty land dated today.
    pub fn new(today: time::Date) -> Self {
        Self {
            name: String::new(),
            classification: Classification::Sha,
            date_of_information: today.to_string(),
            hazard_types: String::new(),
            organisation: String::new(),
            team: String::new(),
            donor: String::new(),
            notes: String::new(),
            nts: NtsFields {
                evidence: "not_specified".to_owned(),
                ..NtsFields::default()
            },
            points: Vec::new(),
            traverse: TraverseEntry::default(),
            drawing: true,
            errors: Vec::new(),
            original: None,
            history: FormHistory::empty(),
            admin_fill: None,
            overlaps: Vec::new(),
        }
        .opened()
    }

    /// Remembers what the editor opened with (for "unsaved changes") as the first undo point.
    fn opened(mut self) -> Self {
        self.history = FormHistory::new(&self.content());
        self
    }

    /// What a person has entered.
    pub fn content(&self) -> EditorContent {
        EditorContent {
            name: self.name.clone(),
            classification: self.classification,
            date_of_information: self.date_of_information.clone(),
            hazard_types: self.hazard_types.clone(),
            organisation: self.organisation.clone(),
            team: self.team.clone(),
            donor: self.donor.clone(),
            notes: self.notes.clone(),
            nts: self.nts.clone(),
            points: self.points.clone(),
            traverse: self.traverse.clone(),
        }
    }

    fn restore(&mut self, content: EditorContent) {
        let EditorContent {
            name,
            classification,
            date_of_information,
            hazard_types,
            organisation,
            team,
            donor,
            notes,
            nts,
            points,
            traverse,
        } = content;
        self.name = name;
        self.classification = classification;
        self.date_of_information = date_of_information;
        self.hazard_types = hazard_types;
        self.organisation = organisation;
        self.team = team;
        self.donor = donor;
        self.notes = notes;
        self.nts = nts;
        self.points = points;
        self.traverse = traverse;
    }

    /// The editor's unsaved work: what was entered and, for an edit, the land as it was opened.
    pub fn unsaved(&self) -> UnsavedLand {
        UnsavedLand {
            content: self.content(),
            original: self.original.clone(),
        }
    }

    /// An editor holding unsaved work kept from an earlier session (its undo history starts
    /// there; Cancel asks before losing it).
    pub fn from_unsaved(unsaved: UnsavedLand, today: time::Date) -> Self {
        let mut editor = Self::new(today);
        editor.original = unsaved.original;
        editor.drawing = editor.original.is_none();
        // Opened with the new-land content: the restored work counts as unsaved changes.
        editor.restore(unsaved.content);
        editor
    }

    /// Whether something entered would be lost by closing the editor now.
    pub fn has_unsaved_changes(&self) -> bool {
        self.history.has_unsaved_changes(&self.content())
    }

    /// Undoes the last change (typing, a point, a leg, a move on the map).
    pub fn undo(&mut self) {
        let current = self.content();
        if let Some(previous) = self.history.undo(&current) {
            self.restore(previous);
        }
    }

    /// Redoes what the last undo took back.
    pub fn redo(&mut self) {
        let current = self.content();
        if let Some(next) = self.history.redo(&current) {
            self.restore(next);
        }
    }

    /// Adds a perimeter point where the map was clicked.
    pub fn add_map_point(&mut self, p: LonLat, format: CoordFormat) {
        let perimeter = self.points.iter().filter(|r| r.kind.is_perimeter()).count();
        let kind = if perimeter == 0 {
            PointKind::Start
        } else {
            PointKind::Turning
        };
        let label = if perimeter == 0 {
            "SP".to_owned()
        } else {
            format!("TP{perimeter}")
        };
        self.points.push(PointRow {
            kind,
            label,
            coord_text: format_coord(p, format),
            accuracy_m: String::new(),
            source: PointSource::MapClick,
            exact: None,
        });
    }

    /// The points that parse, as survey points.
    pub fn survey_points(&self) -> Vec<SurveyPoint> {
        self.indexed_points().into_iter().map(|(_, p)| p).collect()
    }

    /// The points that parse, with their row index (for editing on the map).
    /// Fills admin level 1 and 2, the P-code and the settlement from the reference layers at
    /// the land's position (point in polygon, nearest settlement), as IMSMA does. A field is
    /// filled when it is empty or still holds what the last fill put there: a value the surveyor
    /// typed is never overwritten. Looks again only when the position moved.
    pub fn fill_admin_from(&mut self, layers: &[(&LayerSpec, &ReferenceLayer)]) {
        if layers.is_empty() {
            return;
        }
        let points: Vec<LonLat> = self
            .indexed_points()
            .into_iter()
            .map(|(_, p)| p.lon_lat)
            .collect();
        let Some(at) = crate::geometry::land_anchor(&points) else {
            return;
        };
        if self
            .admin_fill
            .as_ref()
            .is_some_and(|(seen, _)| *seen == at)
        {
            return;
        }
        let place = crate::geometry::admin_place_at(layers, at);
        let before = self.admin_fill.take().map(|(_, p)| p).unwrap_or_default();
        let nts = &mut self.nts;
        for (field, new, old) in [
            (&mut nts.admin1, &place.admin1, &before.admin1),
            (&mut nts.admin2, &place.admin2, &before.admin2),
            (&mut nts.pcode, &place.pcode, &before.pcode),
            (&mut nts.settlement, &place.settlement, &before.settlement),
        ] {
            let untouched = field.trim().is_empty() || old.as_deref() == Some(field.trim());
            if untouched {
                *field = new.clone().unwrap_or_default();
            }
        }
        self.admin_fill = Some((at, place));
    }

    /// Where the admin area was filled from, for the hint under the fields.
    pub fn admin_fill_source(&self) -> Option<&AdminPlace> {
        self.admin_fill
            .as_ref()
            .map(|(_, p)| p)
            .filter(|p| !p.is_empty())
    }

    pub fn indexed_points(&self) -> Vec<(usize, SurveyPoint)> {
        self.points
            .iter()
            .enumerate()
            .filter_map(|(index, row)| {
                let (lon_lat, format) = row.parsed().ok()?;
                let source = match &row.source {
                    PointSource::Gps { averaged_fixes, .. } => PointSource::Gps {
                        accuracy_m: parse_number(&row.accuracy_m),
                        averaged_fixes: *averaged_fixes,
                    },
                    other
                        if !row.accuracy_m.trim().is_empty()
                            && matches!(other, PointSource::Manual) =>
                    {
                        PointSource::Gps {
                            accuracy_m: parse_number(&row.accuracy_m),
                            averaged_fixes: None,
                        }
                    }
                    other => other.clone(),
                };
                let entered =
                    matches!(source, PointSource::Gps { .. } | PointSource::Manual).then(|| {
                        crate::domain::EnteredCoord {
                            text: row.coord_text.trim().to_owned(),
                            format,
                        }
                    });
                Some((
                    index,
                    SurveyPoint {
                        kind: row.kind,
                        label: row.label.trim().to_owned(),
                        lon_lat,
                        entered,
                        source,
                        note: String::new(),
                    },
                ))
            })
            .collect()
    }

    /// Applies a vertex edit made on the map. A moved point becomes a map-click point (its
    /// traverse leg or GPS fix no longer describes it).
    pub fn apply_map_edit(&mut self, edit: &super::map::VertexEdit, format: CoordFormat) {
        use super::map::VertexEdit;
        match *edit {
            VertexEdit::Move { row, to } => {
                if let Some(p) = self.points.get_mut(row) {
                    p.coord_text = format_coord(to, format);
                    p.source = PointSource::MapClick;
                    p.accuracy_m.clear();
                }
            }
            VertexEdit::Insert { after_row, at } => {
                let n = self.points.iter().filter(|p| p.kind.is_perimeter()).count();
                let row = PointRow {
                    kind: PointKind::Turning,
                    label: format!("TP{n}"),
                    coord_text: format_coord(at, format),
                    accuracy_m: String::new(),
                    source: PointSource::MapClick,
                    exact: None,
                };
                let index = (after_row + 1).min(self.points.len());
                self.points.insert(index, row);
            }
            VertexEdit::Delete { row } => {
                if row < self.points.len() {
                    self.points.remove(row);
                }
            }
        }
    }

    /// The shape the points make now (for the live preview).
    pub fn shape(&self) -> LandShape {
        land_shape(&self.survey_points(), None)
    }

    /// The land to save, or every problem (fields and polygon).
    pub fn validate(&self) -> Result<crate::domain::Land, Vec<FieldError>> {
        let mut errors = Vec::new();
        for (i, row) in self.points.iter().enumerate() {
            if let Err(e) = row.parsed() {
                errors.push(FieldError::new(format!("points[{i}] ({})", row.label), e));
            }
        }
        let draft = LandDraft {
            name: self.name.clone(),
            classification: self.classification.code().to_owned(),
            date_of_information: self.date_of_information.clone(),
            hazard_types: self.hazard_types.clone(),
            organisation: self.organisation.clone(),
            team: self.team.clone(),
            donor: self.donor.clone(),
            notes: self.notes.clone(),
            evidence: self.nts.evidence.clone(),
            priority: self.nts.priority.clone(),
            admin: crate::domain::AdminLocation {
                pcode: self.nts.pcode.trim().to_owned(),
                admin1: self.nts.admin1.trim().to_owned(),
                admin2: self.nts.admin2.trim().to_owned(),
                settlement: self.nts.settlement.trim().to_owned(),
            },
            blockage: self.nts.blockage.clone(),
            terrain: self.nts.terrain.clone(),
            expected_beneficiaries: self.nts.beneficiaries.clone(),
            project: self.nts.project.clone(),
            evidence_items: self.nts.evidence_items.clone(),
            key_informants: self.nts.key_informants.clone(),
            points: self.survey_points(),
            ..LandDraft::default()
        };
        let shape = self.shape();
        // An imported land may have a polygon but no typed points: it keeps its polygon.
        let keeps_polygon = self.original.as_ref().is_some_and(|o| o.geometry.is_some())
            && !self.points.iter().any(|p| p.kind.is_perimeter());
        // A land recorded without a polygon (e.g. an EOD spot task) may stay without one.
        let had_no_polygon = self.original.as_ref().is_some_and(|o| o.geometry.is_none());
        let polygon_optional = keeps_polygon || had_no_polygon;
        if shape.geometry.is_none() && !polygon_optional {
            errors.push(FieldError::of(
                "points",
                crate::domain::FieldProblem::NeedPerimeterPoints,
            ));
        }
        for e in &shape.errors {
            errors.push(FieldError::new("polygon", e.clone()));
        }
        match draft.validate() {
            Ok(land) if errors.is_empty() => Ok(match &self.original {
                None => land,
                Some(original) => crate::domain::Land {
                    name: land.name,
                    classification: land.classification,
                    date_of_information: land.date_of_information,
                    hazard_types: land.hazard_types,
                    organisation: land.organisation,
                    team: land.team,
                    donor: land.donor,
                    notes: land.notes,
                    evidence: land.evidence,
                    priority: land.priority,
                    admin: land.admin,
                    blockage: land.blockage,
                    terrain: land.terrain,
                    expected_beneficiaries: land.expected_beneficiaries,
                    project: land.project,
                    evidence_items: land.evidence_items,
                    key_informants: land.key_informants,
                    geometry: if keeps_polygon {
                        original.geometry.clone()
                    } else {
                        None
                    },
                    points: land.points,
                    ..(**original).clone()
                },
            }),
            Ok(_) => Err(errors),
            Err(mut field_errors) => {
                field_errors.extend(errors);
                Err(field_errors)
            }
        }
    }

    /// Draws the editor. `refusal` is the store's answer to the last save, if it refused.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        format: CoordFormat,
        gps_threshold_m: f64,
        refusal: Option<&str>,
    ) -> Option<EditorAction> {
        let tr = super::language::tr(ui.ctx());
        let mut action = None;
        let keys = FormKeys::read(ui);
        match &self.original {
            Some(o) => ui.heading(tr.editor_edit_title(o.code.as_str(), o.name.as_str())),
            None => ui.heading(tr.top_new_land()),
        };
        let current = self.content();
        if let Some(previous) = self.history.buttons(ui, keys, &current) {
            self.restore(previous);
        }
        if keys.escape && self.history.request_close(&self.content()) {
            return Some(EditorAction::Cancel);
        }
        if self.history.confirm_ui(ui, &tr.form_close_land()) {
            action = Some(EditorAction::Cancel);
        }
        // After a first Save, errors are checked live: each shows beside its field, in words,
        // and goes away as soon as it is fixed.
        if !self.errors.is_empty() {
            self.errors = self.validate().err().unwrap_or_default();
        }
        let live = self.errors.clone();
        let shown_beside = [
            "name",
            "date_of_information",
            "organisation",
            "team",
            "donor",
            "notes",
        ];
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("land_fields")
                    .num_columns(2)
                    .show(ui, |ui| {
                        let field = |ui: &mut Ui, label: &str, key: &str, text: &mut String| {
                            let required = key == "name" || key == "date_of_information";
                            let l = ui
                                .horizontal(|ui| {
                                    let l = ui.label(label);
                                    if required {
                                        ui.colored_label(theme::ERROR_TEXT, "*")
                                            .on_hover_text(tr.form_required());
                                    }
                                    l
                                })
                                .inner;
                            ui.text_edit_singleline(text).labelled_by(l.id);
                            ui.end_row();
                            for e in live.iter().filter(|e| e.field == key) {
                                ui.label("");
                                ui.colored_label(
                                    theme::ERROR_TEXT,
                                    format!("{label} {}", crate::app::words::field_problem(tr, e)),
                                );
                                ui.end_row();
                            }
                        };
                        field(ui, &tr.list_name(), "name", &mut self.name);
                        ui.label(tr.editor_classification());
                        egui::ComboBox::from_id_salt("classification")
                            .selected_text(tr.label(self.classification.label_id()))
                            .show_ui(ui, |ui| {
                                for c in Classification::ALL {
                                    ui.selectable_value(
                                        &mut self.classification,
                                        *c,
                                        tr.label(c.label_id()),
                                    );
                                }
                            });
                        ui.end_row();
                        {
                            let l = ui
                                .horizontal(|ui| {
                                    let l = ui.label(tr.detail_date_of_information());
                                    ui.colored_label(theme::ERROR_TEXT, "*")
                                        .on_hover_text(tr.form_required());
                                    l
                                })
                                .inner;
                            ui.horizontal(|ui| {
                                ui.add(
                                    egui::TextEdit::singleline(&mut self.date_of_information)
                                        .hint_text(tr.date_hint())
                                        .desired_width(110.0),
                                )
                                .labelled_by(l.id);
                                super::date_field::calendar_button(
                                    ui,
                                    "date_of_information",
                                    &mut self.date_of_information,
                                );
                            });
                            ui.end_row();
                            for e in live.iter().filter(|e| e.field == "date_of_information") {
                                ui.label("");
                                ui.colored_label(
                                    theme::ERROR_TEXT,
                                    format!(
                                        "{} {}",
                                        tr.detail_date_of_information(),
                                        crate::app::words::field_problem(tr, e)
                                    ),
                                );
                                ui.end_row();
                            }
                        }
                        ui.label(tr.detail_hazard_types());
                        hazard_types_ui(ui, &mut self.hazard_types);
                        ui.end_row();
                        field(
                            ui,
                            &tr.report_organisation(),
                            "organisation",
                            &mut self.organisation,
                        );
                        field(ui, &tr.detail_team(), "team", &mut self.team);
                        field(ui, &tr.detail_donor(), "donor", &mut self.donor);
                        field(ui, &tr.report_notes(), "notes", &mut self.notes);
                        nts_fields_ui(ui, &mut self.nts);
                    });
                if let Some(place) = self.admin_fill_source() {
                    let mut found = Vec::new();
                    if let Some(p) = &place.pcode {
                        found.push(tr.editor_found_pcode(p.as_str()));
                    }
                    if let Some(s) = &place.settlement {
                        found.push(tr.editor_found_settlement(s.as_str()));
                    }
                    let layer = place.source.clone().unwrap_or_else(|| {
                        tr.label(crate::domain::LayerRole::Settlements.label_id())
                    });
                    ui.weak(tr.editor_admin_from_layer(layer, found.join(", ")));
                }
                evidence_and_informants_ui(ui, &mut self.nts);
                ui.separator();
                ui.checkbox(&mut self.drawing, tr.editor_click_points());
                self.points_ui(ui, gps_threshold_m);
                ui.separator();
                egui::CollapsingHeader::new(tr.editor_traverse())
                    .default_open(false)
                    .show(ui, |ui| self.traverse_ui(ui, format));
                ui.separator();
                let shape = self.shape();
                if shape.geometry.is_some() {
                    ui.label(tr.editor_area(
                        tr.unit_m2(crate::i18n::Arg::decimal(shape.area.m2(), 0)),
                        tr.unit_ha(crate::i18n::Arg::decimal(shape.area.hectares(), 4)),
                    ));
                } else {
                    ui.label(tr.editor_area_needs_points());
                }
                for e in &shape.errors {
                    ui.colored_label(theme::ERROR_TEXT, e);
                }
                if shape.geometry.is_some()
                    && shape.area.m2() > crate::domain::PLAUSIBLE_LAND_AREA_M2
                {
                    ui.colored_label(
                        theme::WARNING_TEXT,
                        tr.editor_implausible_area(
                            crate::i18n::Arg::decimal(shape.area.hectares(), 0),
                            crate::i18n::Arg::decimal(
                                crate::domain::PLAUSIBLE_LAND_AREA_M2 / 10_000.0,
                                0,
                            ),
                        ),
                    );
                }
                if !self.overlaps.is_empty() {
                    let shown: Vec<&str> =
                        self.overlaps.iter().take(6).map(String::as_str).collect();
                    ui.colored_label(
                        theme::WARNING_TEXT,
                        tr.editor_overlaps(
                            self.overlaps.len(),
                            format!(
                                "{}{}",
                                shown.join(", "),
                                if self.overlaps.len() > 6 { ", …" } else { "" }
                            ),
                        ),
                    );
                }
                for w in gps_accuracy_warnings(&self.survey_points(), gps_threshold_m) {
                    ui.colored_label(theme::WARNING_TEXT, w.to_string());
                }
                for e in live
                    .iter()
                    .filter(|e| !shown_beside.contains(&e.field.as_str()))
                {
                    ui.colored_label(theme::ERROR_TEXT, crate::app::words::field_error(tr, e));
                }
                if let Some(r) = refusal {
                    ui.colored_label(theme::ERROR_TEXT, tr.form_store_refused(r));
                }
                ui.horizontal(|ui| {
                    if ui
                        .button(tr.editor_save())
                        .on_hover_text("Ctrl+Enter")
                        .clicked()
                        || keys.save
                    {
                        match self.validate() {
                            Ok(land) => {
                                self.errors.clear();
                                action = Some(EditorAction::Save(Box::new(land)));
                            }
                            Err(errors) => self.errors = errors,
                        }
                    }
                    if ui
                        .button(tr.button_cancel())
                        .on_hover_text("Escape")
                        .clicked()
                        && self.history.request_close(&self.content())
                    {
                        action = Some(EditorAction::Cancel);
                    }
                });
            });
        let content = self.content();
        self.history.feed(ui, &content);
        action
    }
}
