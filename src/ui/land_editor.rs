//! Recording a land: typed points (any coordinate notation, GPS accuracy), points clicked on the
//! map, and a bearing/distance traverse from a benchmark with a live misclosure. The polygon,
//! its geodesic area and every validation problem update as the surveyor types; nothing invalid
//! can be saved.

use egui::{Color32, Ui};

use super::theme;
use crate::domain::{
    BearingUnit, Classification, CoordFormat, FieldError, Instrument, LandDraft, LonLat,
    NorthReference, PointKind, PointSource, SurveyPoint, TraverseLeg, parse_number,
};
use crate::geometry::coords::{format_coord, parse_coord};
use crate::geometry::{LandShape, gps_accuracy_warnings, land_shape, walk_leg, walk_traverse};

/// One row of the typed-points table.
#[derive(Debug, Clone, PartialEq)]
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

/// One traverse leg as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LegRow {
    /// Bearing in the traverse's unit.
    pub bearing: String,
    /// Distance in metres.
    pub distance_m: String,
    /// Slope angle in degrees when the distance was taped along the slope (empty = horizontal).
    pub slope_deg: String,
}

/// The traverse entry.
#[derive(Debug, Clone, PartialEq)]
pub struct TraverseEntry {
    /// The benchmark's coordinate (any notation).
    pub benchmark: String,
    /// Degrees or mils.
    pub unit: BearingUnit,
    /// Magnetic, true or grid.
    pub reference: NorthReference,
    /// Declination in degrees, east positive.
    pub declination_deg: String,
    /// Legs: the first from the benchmark to the start point, then around the perimeter.
    pub legs: Vec<LegRow>,
}

impl Default for TraverseEntry {
    fn default() -> Self {
        Self {
            benchmark: String::new(),
            unit: BearingUnit::Degrees,
            reference: NorthReference::Magnetic,
            declination_deg: "0".to_owned(),
            legs: vec![LegRow::default()],
        }
    }
}

impl TraverseEntry {
    /// The traverse a land was recorded with, from its stored points: the benchmark as it was
    /// entered, then one row per traverse leg (bearing, distance, slope) with the unit, north
    /// reference and declination of the legs. The default entry when the land has no traverse.
    pub fn from_points(points: &[SurveyPoint], format: CoordFormat) -> Self {
        let legs: Vec<&TraverseLeg> = points
            .iter()
            .filter_map(|p| match &p.source {
                PointSource::Traverse { leg } => Some(leg),
                _ => None,
            })
            .collect();
        let Some(first) = legs.first() else {
            return Self::default();
        };
        let benchmark = points
            .iter()
            .find(|p| p.kind == PointKind::Benchmark)
            .map(|p| {
                p.entered
                    .as_ref()
                    .map_or_else(|| format_coord(p.lon_lat, format), |e| e.text.clone())
            })
            .unwrap_or_default();
        let number = |v: f64| {
            let text = format!("{v:.6}");
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        Self {
            benchmark,
            unit: first.bearing_unit,
            reference: first.reference,
            declination_deg: number(first.declination_deg),
            legs: legs
                .iter()
                .map(|leg| LegRow {
                    bearing: number(leg.bearing),
                    distance_m: number(leg.distance_m),
                    slope_deg: leg.slope_deg.map(number).unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// The result of walking the traverse entry.
#[derive(Debug, Clone)]
pub struct TraverseResult {
    /// Benchmark then one point per leg.
    pub points: Vec<(LonLat, TraverseLeg)>,
    /// Benchmark position.
    pub benchmark: LonLat,
    /// Misclosure from the last point back to the start point, metres.
    pub misclosure_m: f64,
    /// Its bearing, degrees.
    pub misclosure_bearing_deg: f64,
    /// Perimeter, metres.
    pub perimeter_m: f64,
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
    /// Undo and redo of everything typed, drawn or moved (Ctrl+Z, Ctrl+Shift+Z).
    history: History,
    /// What the editor held when it opened: Cancel or Escape ask before losing more.
    opened_with: Option<Box<EditorContent>>,
    /// Cancel or Escape was pressed with unsaved changes: the editor asks first.
    confirm_discard: bool,
}

/// The NTS fields of the land form beyond name, dates and attribution, as typed (codes for the
/// vocabularies; empty = not given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
}

impl NtsFields {
    fn of(land: &crate::domain::Land) -> Self {
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
        }
    }
}

/// Everything a person enters in the land editor: what undo, redo and "unsaved changes" compare.
#[derive(Debug, Clone, PartialEq)]
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

/// The editor's undo history (egui's undoer: a point is kept once the content has been still
/// for a moment, so typing a word is one step).
#[derive(Clone)]
struct History(egui::util::undoer::Undoer<EditorContent>);

impl Default for History {
    fn default() -> Self {
        Self(egui::util::undoer::Undoer::with_settings(
            egui::util::undoer::Settings {
                max_undos: 200,
                stable_time: 0.4,
                auto_save_interval: 5.0,
            },
        ))
    }
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("History")
    }
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
            history: History::default(),
            opened_with: None,
            confirm_discard: false,
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
            history: History::default(),
            opened_with: None,
            confirm_discard: false,
        }
        .opened()
    }

    /// Remembers what the editor opened with (for "unsaved changes") as the first undo point.
    fn opened(mut self) -> Self {
        let content = self.content();
        self.history.0.add_undo(&content);
        self.opened_with = Some(Box::new(content));
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

    /// Whether something entered would be lost by closing the editor now.
    pub fn has_unsaved_changes(&self) -> bool {
        self.opened_with
            .as_deref()
            .is_some_and(|opened| *opened != self.content())
    }

    /// Undoes the last change (typing, a point, a leg, a move on the map).
    pub fn undo(&mut self) {
        let current = self.content();
        if let Some(previous) = self.history.0.undo(&current).cloned() {
            self.restore(previous);
        }
    }

    /// Redoes what the last undo took back.
    pub fn redo(&mut self) {
        let current = self.content();
        if let Some(next) = self.history.0.redo(&current).cloned() {
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

    /// Walks the traverse entry, or says which input is wrong.
    pub fn walk(&self) -> Result<TraverseResult, String> {
        let (benchmark, _) =
            parse_coord(&self.traverse.benchmark).map_err(|e| format!("benchmark: {e}"))?;
        let declination =
            parse_number(&self.traverse.declination_deg).ok_or("declination: not a number")?;
        let mut legs = Vec::new();
        for (i, row) in self.traverse.legs.iter().enumerate() {
            let bearing = parse_number(&row.bearing)
                .ok_or_else(|| format!("leg {}: bearing is not a number", i + 1))?;
            let distance_m = parse_number(&row.distance_m)
                .ok_or_else(|| format!("leg {}: distance is not a number", i + 1))?;
            let slope_deg = if row.slope_deg.trim().is_empty() {
                None
            } else {
                Some(
                    parse_number(&row.slope_deg)
                        .ok_or_else(|| format!("leg {}: slope is not a number", i + 1))?,
                )
            };
            let from_label = if i == 0 {
                "BM1".to_owned()
            } else if i == 1 {
                "SP".to_owned()
            } else {
                format!("TP{}", i - 1)
            };
            legs.push(TraverseLeg {
                from_label,
                bearing,
                bearing_unit: self.traverse.unit,
                reference: self.traverse.reference,
                declination_deg: declination,
                declination_date: None,
                distance_m,
                slope_deg,
                instrument: Instrument::CompassTape,
            });
        }
        let first = legs.first().ok_or("add at least one leg")?;
        let start = walk_leg(benchmark, first, 1).map_err(|e| e.to_string())?;
        let mut points = vec![(start, first.clone())];
        let (misclosure_m, misclosure_bearing_deg, perimeter_m) = if legs.len() > 1 {
            let t = walk_traverse(start, &legs[1..]).map_err(|e| {
                // Leg numbers in messages count from the benchmark.
                e.to_string()
            })?;
            for (p, leg) in t.vertices.iter().skip(1).zip(&legs[1..]) {
                points.push((*p, leg.clone()));
            }
            (t.misclosure_m, t.misclosure_bearing_deg, t.perimeter_m)
        } else {
            (0.0, 0.0, 0.0)
        };
        Ok(TraverseResult {
            points,
            benchmark,
            misclosure_m,
            misclosure_bearing_deg,
            perimeter_m,
        })
    }

    /// Replaces the typed points with the benchmark and the traverse's points.
    fn apply_traverse(&mut self, t: &TraverseResult, format: CoordFormat) {
        self.points
            .retain(|p| !p.kind.is_perimeter() && p.kind != PointKind::Benchmark);
        self.points.push(PointRow {
            kind: PointKind::Benchmark,
            label: "BM1".to_owned(),
            coord_text: self.traverse.benchmark.trim().to_owned(),
            accuracy_m: String::new(),
            source: PointSource::Manual,
            exact: None,
        });
        let n = t.points.len();
        for (i, (p, leg)) in t.points.iter().enumerate() {
            let (kind, label) = if i == 0 {
                (PointKind::Start, "SP".to_owned())
            } else if i + 1 == n {
                (PointKind::End, "EP".to_owned())
            } else {
                (PointKind::Turning, format!("TP{i}"))
            };
            self.points.push(PointRow {
                kind,
                label,
                coord_text: format_coord(*p, format),
                accuracy_m: String::new(),
                source: PointSource::Traverse { leg: leg.clone() },
                exact: None,
            });
        }
        self.drawing = false;
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
            errors.push(FieldError::new("points", "add at least three perimeter points (start, turning, end), by typing, clicking on the map or a traverse"));
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
        let mut action = None;
        // Ctrl+Shift+Z before Ctrl+Z: the second would also match the first.
        let (redo, undo, escape) = ui.input_mut(|i| {
            let redo = i.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                egui::Key::Z,
            ));
            let undo = i.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND,
                egui::Key::Z,
            ));
            (redo, undo, i.key_pressed(egui::Key::Escape))
        });
        match &self.original {
            Some(o) => ui.heading(format!("Edit {} — {}", o.code, o.name)),
            None => ui.heading("New land"),
        };
        let current = self.content();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.history.0.has_undo(&current), egui::Button::new("Undo"))
                .on_hover_text("Ctrl+Z")
                .clicked()
                || undo
            {
                self.undo();
            }
            if ui
                .add_enabled(self.history.0.has_redo(&current), egui::Button::new("Redo"))
                .on_hover_text("Ctrl+Shift+Z")
                .clicked()
                || redo
            {
                self.redo();
            }
        });
        if escape {
            if self.has_unsaved_changes() {
                self.confirm_discard = true;
            } else {
                return Some(EditorAction::Cancel);
            }
        }
        if self.confirm_discard {
            ui.colored_label(
                theme::WARNING_TEXT,
                "This land has unsaved changes. Close the editor and lose them?",
            );
            ui.horizontal(|ui| {
                if ui.button("Discard changes").clicked() {
                    action = Some(EditorAction::Cancel);
                }
                if ui.button("Keep editing").clicked() {
                    self.confirm_discard = false;
                }
            });
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("land_fields")
                    .num_columns(2)
                    .show(ui, |ui| {
                        let field = |ui: &mut Ui, label: &str, text: &mut String| {
                            let l = ui.label(label);
                            ui.text_edit_singleline(text).labelled_by(l.id);
                            ui.end_row();
                        };
                        field(ui, "Name", &mut self.name);
                        ui.label("Classification");
                        egui::ComboBox::from_id_salt("classification")
                            .selected_text(self.classification.label())
                            .show_ui(ui, |ui| {
                                for c in Classification::ALL {
                                    ui.selectable_value(&mut self.classification, *c, c.label());
                                }
                            });
                        ui.end_row();
                        field(ui, "Date of information", &mut self.date_of_information);
                        ui.label("Hazard types");
                        hazard_types_ui(ui, &mut self.hazard_types);
                        ui.end_row();
                        field(ui, "Organisation", &mut self.organisation);
                        field(ui, "Team", &mut self.team);
                        field(ui, "Donor", &mut self.donor);
                        field(ui, "Notes", &mut self.notes);
                        nts_fields_ui(ui, &mut self.nts);
                    });
                ui.separator();
                ui.checkbox(&mut self.drawing, "Add points by clicking on the map");
                self.points_ui(ui, gps_threshold_m);
                ui.separator();
                egui::CollapsingHeader::new("Traverse from a benchmark")
                    .default_open(false)
                    .show(ui, |ui| self.traverse_ui(ui, format));
                ui.separator();
                let shape = self.shape();
                if shape.geometry.is_some() {
                    ui.label(format!(
                        "Area {} ({:.4} ha), geodesic WGS84",
                        shape.area,
                        shape.area.hectares()
                    ));
                } else {
                    ui.label("Area: needs at least three perimeter points");
                }
                for e in &shape.errors {
                    ui.colored_label(theme::ERROR_TEXT, e);
                }
                for w in gps_accuracy_warnings(&self.survey_points(), gps_threshold_m) {
                    ui.colored_label(theme::WARNING_TEXT, w.to_string());
                }
                for e in &self.errors {
                    ui.colored_label(theme::ERROR_TEXT, e.to_string());
                }
                if let Some(r) = refusal {
                    ui.colored_label(theme::ERROR_TEXT, format!("The store refused: {r}"));
                }
                ui.horizontal(|ui| {
                    if ui.button("Save land").clicked() {
                        match self.validate() {
                            Ok(land) => {
                                self.errors.clear();
                                action = Some(EditorAction::Save(Box::new(land)));
                            }
                            Err(errors) => self.errors = errors,
                        }
                    }
                    if ui.button("Cancel").on_hover_text("Esc").clicked() {
                        if self.has_unsaved_changes() {
                            self.confirm_discard = true;
                        } else {
                            action = Some(EditorAction::Cancel);
                        }
                    }
                });
            });
        let now = ui.input(|i| i.time);
        self.history.0.feed_state(now, &self.content());
        action
    }

    fn points_ui(&mut self, ui: &mut Ui, gps_threshold_m: f64) {
        ui.strong(format!("Typed points ({})", self.points.len()));
        let mut remove = None;
        let mut move_up = None;
        egui::Grid::new("point_rows")
            .num_columns(6)
            .striped(true)
            .show(ui, |ui| {
                for h in [
                    "#",
                    "Type",
                    "Label",
                    "Coordinate (any notation)",
                    "GPS ± m",
                    "",
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for (i, row) in self.points.iter_mut().enumerate() {
                    let number = ui.label(format!("Point {}", i + 1));
                    egui::ComboBox::from_id_salt(("kind", i))
                        .selected_text(row.kind.label())
                        .width(120.0)
                        .show_ui(ui, |ui| {
                            for k in PointKind::ALL {
                                ui.selectable_value(&mut row.kind, *k, k.label());
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
                                ui.small(format!("read as {}", f.label()));
                            }
                            Err(e) => {
                                ui.colored_label(theme::ERROR_TEXT, e);
                            }
                        }
                    });
                    let acc =
                        ui.add(egui::TextEdit::singleline(&mut row.accuracy_m).desired_width(40.0));
                    if parse_number(&row.accuracy_m).is_some_and(|a| a > gps_threshold_m) {
                        acc.on_hover_text(format!("worse than the {gps_threshold_m} m threshold"));
                        ui.colored_label(theme::WARNING_TEXT, "poor");
                    }
                    ui.horizontal(|ui| {
                        if ui.small_button("Up").on_hover_text("Move up").clicked() && i > 0 {
                            move_up = Some(i);
                        }
                        if ui
                            .small_button("Delete")
                            .on_hover_text("Delete point")
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
        if ui.button("Add point").clicked() {
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

    fn traverse_ui(&mut self, ui: &mut Ui, format: CoordFormat) {
        egui::Grid::new("traverse_head")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Benchmark");
                ui.text_edit_singleline(&mut self.traverse.benchmark)
                    .labelled_by(l.id);
                ui.end_row();
                ui.label("Bearings in");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.traverse.unit, BearingUnit::Degrees, "degrees");
                    ui.radio_value(&mut self.traverse.unit, BearingUnit::Mils, "mils");
                });
                ui.end_row();
                ui.label("North");
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut self.traverse.reference,
                        NorthReference::Magnetic,
                        "magnetic",
                    );
                    ui.radio_value(&mut self.traverse.reference, NorthReference::True, "true");
                    ui.radio_value(&mut self.traverse.reference, NorthReference::Grid, "grid");
                });
                ui.end_row();
                let l = ui.label("Declination (° east)");
                ui.text_edit_singleline(&mut self.traverse.declination_deg)
                    .labelled_by(l.id);
                ui.end_row();
            });
        let mut remove = None;
        egui::Grid::new("legs")
            .num_columns(5)
            .striped(true)
            .show(ui, |ui| {
                for h in ["Leg", "Bearing", "Distance m", "Slope °", ""] {
                    ui.strong(h);
                }
                ui.end_row();
                for (i, leg) in self.traverse.legs.iter_mut().enumerate() {
                    ui.label(if i == 0 {
                        "BM to SP".to_owned()
                    } else {
                        format!("{i}")
                    });
                    let named = |name: String| {
                        move || {
                            egui::WidgetInfo::labeled(
                                egui::accesskit::Role::TextInput,
                                true,
                                name.clone(),
                            )
                        }
                    };
                    ui.add(egui::TextEdit::singleline(&mut leg.bearing).desired_width(60.0))
                        .widget_info(named(format!("Leg {} bearing", i + 1)));
                    ui.add(egui::TextEdit::singleline(&mut leg.distance_m).desired_width(60.0))
                        .widget_info(named(format!("Leg {} distance", i + 1)));
                    ui.add(egui::TextEdit::singleline(&mut leg.slope_deg).desired_width(40.0))
                        .widget_info(named(format!("Leg {} slope", i + 1)));
                    if ui.small_button("Delete").clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            self.traverse.legs.remove(i);
        }
        if ui.button("Add leg").clicked() {
            self.traverse.legs.push(LegRow::default());
        }
        match self.walk() {
            Ok(t) => {
                let ratio = if t.misclosure_m > 0.0 {
                    format!("1:{:.0}", t.perimeter_m / t.misclosure_m)
                } else {
                    "exact".to_owned()
                };
                ui.label(format!(
                    "Misclosure {:.2} m at bearing {:.1}° (closure {ratio}), perimeter {:.1} m",
                    t.misclosure_m, t.misclosure_bearing_deg, t.perimeter_m
                ));
                if ui.button("Use traverse points").clicked() {
                    self.apply_traverse(&t, format);
                }
            }
            Err(e) => {
                ui.colored_label(Color32::GRAY, e);
            }
        }
    }
}

/// The NTS fields of the land form: evidence and priority as pick lists, the administrative
/// location, blockage, terrain, beneficiaries and project (two-column grid rows).
fn nts_fields_ui(ui: &mut Ui, nts: &mut NtsFields) {
    use crate::domain::{EvidenceOfContamination, Priority};
    ui.label("Evidence");
    let shown = EvidenceOfContamination::from_code(&nts.evidence)
        .map_or("Not specified", EvidenceOfContamination::label);
    egui::ComboBox::from_id_salt("evidence")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for e in EvidenceOfContamination::ALL {
                ui.selectable_value(&mut nts.evidence, e.code().to_owned(), e.label());
            }
        });
    ui.end_row();
    ui.label("Priority");
    let shown = Priority::from_code(&nts.priority).map_or("Not set", Priority::label);
    egui::ComboBox::from_id_salt("priority")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut nts.priority, String::new(), "Not set");
            for p in Priority::ALL {
                ui.selectable_value(&mut nts.priority, p.code().to_owned(), p.label());
            }
        });
    ui.end_row();
    let mut field = |label: &str, hint: &str, text: &mut String| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).hint_text(hint))
            .labelled_by(l.id);
        ui.end_row();
    };
    field("Admin level 1", "canton, oblast, province", &mut nts.admin1);
    field("Admin level 2", "municipality, district", &mut nts.admin2);
    field("Settlement", "village or town", &mut nts.settlement);
    field("P-code", "e.g. BA-ZD-TSJ-014", &mut nts.pcode);
    field("Blockage", "what the hazard blocks", &mut nts.blockage);
    field("Terrain", "vegetation, slope, soil", &mut nts.terrain);
    field("Expected beneficiaries", "people", &mut nts.beneficiaries);
    field("Project", "donor project", &mut nts.project);
}

/// Hazard types as a pick list (checkboxes in vocabulary order), kept as the comma-separated codes
/// the draft validates; a code typed elsewhere that is not in the vocabulary is kept as it is
/// (the draft names it).
fn hazard_types_ui(ui: &mut Ui, text: &mut String) {
    use crate::domain::HazardType;
    let mut chosen: Vec<String> = text
        .split(',')
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        for h in HazardType::ALL {
            let mut on = chosen.iter().any(|c| HazardType::parse(c) == Some(*h));
            if ui.checkbox(&mut on, h.label()).changed() {
                changed = true;
                chosen.retain(|c| HazardType::parse(c) != Some(*h));
                if on {
                    chosen.push(h.code().to_owned());
                }
            }
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
