//! The traverse from a benchmark: the entry as typed, walking it (live misclosure), using its
//! points as the perimeter, its form, and rebuilding it from a stored land.

use egui::{Color32, Ui};

use super::{LandEditor, PointRow};
use crate::domain::{
    BearingUnit, CoordFormat, Instrument, LonLat, NorthReference, PointKind, PointSource,
    SurveyPoint, TraverseLeg, parse_number,
};
use crate::geometry::coords::{format_coord, parse_coord};
use crate::geometry::{walk_leg, walk_traverse};

/// One traverse leg as typed.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LegRow {
    /// Bearing in the traverse's unit.
    pub bearing: String,
    /// Distance in metres.
    pub distance_m: String,
    /// Slope angle in degrees when the distance was taped along the slope (empty = horizontal).
    pub slope_deg: String,
}

/// The traverse entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TraverseEntry {
    /// The benchmark's coordinate (any notation).
    pub benchmark: String,
    /// Degrees or mils.
    pub unit: BearingUnit,
    /// Magnetic, true or grid.
    pub reference: NorthReference,
    /// Declination in degrees, east positive.
    pub declination_deg: String,
    /// The date the declination refers to (YYYY-MM-DD; empty when unknown).
    #[serde(default)]
    pub declination_date: String,
    /// The instrument the legs were measured with.
    #[serde(default = "default_instrument")]
    pub instrument: Instrument,
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
            declination_date: String::new(),
            instrument: Instrument::CompassTape,
            legs: vec![LegRow::default()],
        }
    }
}

fn default_instrument() -> Instrument {
    Instrument::CompassTape
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
            declination_date: first
                .declination_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            instrument: first.instrument,
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

impl LandEditor {
    /// Walks the traverse entry, or says (in `tr`'s language) which input is wrong.
    pub fn walk(&self, tr: crate::i18n::Tr) -> Result<TraverseResult, String> {
        let (benchmark, _) = parse_coord(&self.traverse.benchmark)
            .map_err(|e| tr.traverse_bad_benchmark(e.to_string()))?;
        let declination = parse_number(&self.traverse.declination_deg)
            .ok_or_else(|| tr.traverse_bad_declination())?;
        let declination_date = match self.traverse.declination_date.trim() {
            "" => None,
            text => Some(
                crate::domain::parse_date(text)
                    .ok_or_else(|| tr.traverse_bad_declination_date())?,
            ),
        };
        let mut legs = Vec::new();
        for (i, row) in self.traverse.legs.iter().enumerate() {
            let bearing =
                parse_number(&row.bearing).ok_or_else(|| tr.traverse_bad_bearing(i + 1))?;
            let distance_m =
                parse_number(&row.distance_m).ok_or_else(|| tr.traverse_bad_distance(i + 1))?;
            let slope_deg = if row.slope_deg.trim().is_empty() {
                None
            } else {
                Some(parse_number(&row.slope_deg).ok_or_else(|| tr.traverse_bad_slope(i + 1))?)
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
                declination_date,
                distance_m,
                slope_deg,
                instrument: self.traverse.instrument,
            });
        }
        let first = legs.first().ok_or_else(|| tr.traverse_no_leg())?;
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
    pub(super) fn apply_traverse(&mut self, t: &TraverseResult, format: CoordFormat) {
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

    pub(super) fn traverse_ui(&mut self, ui: &mut Ui, format: CoordFormat) {
        let tr = super::super::language::tr(ui.ctx());
        egui::Grid::new("traverse_head")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label(tr.traverse_benchmark());
                ui.text_edit_singleline(&mut self.traverse.benchmark)
                    .labelled_by(l.id);
                ui.end_row();
                ui.label(tr.traverse_bearings_in());
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut self.traverse.unit,
                        BearingUnit::Degrees,
                        tr.label(BearingUnit::Degrees.label_id()),
                    );
                    ui.radio_value(
                        &mut self.traverse.unit,
                        BearingUnit::Mils,
                        tr.label(BearingUnit::Mils.label_id()),
                    );
                });
                ui.end_row();
                ui.label(tr.traverse_north());
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut self.traverse.reference,
                        NorthReference::Magnetic,
                        tr.label(NorthReference::Magnetic.label_id()),
                    );
                    for north in [NorthReference::True, NorthReference::Grid] {
                        ui.radio_value(
                            &mut self.traverse.reference,
                            north,
                            tr.label(north.label_id()),
                        );
                    }
                });
                ui.end_row();
                let l = ui.label(tr.traverse_declination());
                ui.text_edit_singleline(&mut self.traverse.declination_deg)
                    .labelled_by(l.id);
                ui.end_row();
                crate::ui::date_field::date_row(
                    ui,
                    &tr.traverse_declination_date(),
                    &mut self.traverse.declination_date,
                );
                ui.label(tr.traverse_instrument());
                egui::ComboBox::from_id_salt("instrument")
                    .selected_text(tr.label(self.traverse.instrument.label_id()))
                    .show_ui(ui, |ui| {
                        for i in Instrument::ALL {
                            ui.selectable_value(
                                &mut self.traverse.instrument,
                                *i,
                                tr.label(i.label_id()),
                            );
                        }
                    });
                ui.end_row();
            });
        let mut remove = None;
        egui::Grid::new("legs")
            .num_columns(5)
            .striped(true)
            .show(ui, |ui| {
                for h in [
                    tr.traverse_leg(),
                    tr.traverse_bearing(),
                    tr.traverse_distance(),
                    tr.traverse_slope(),
                    String::new(),
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for (i, leg) in self.traverse.legs.iter_mut().enumerate() {
                    ui.label(if i == 0 {
                        tr.traverse_first_leg()
                    } else {
                        tr.count(i as u64)
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
                        .widget_info(named(tr.traverse_leg_bearing(i + 1)));
                    ui.add(egui::TextEdit::singleline(&mut leg.distance_m).desired_width(60.0))
                        .widget_info(named(tr.traverse_leg_distance(i + 1)));
                    ui.add(egui::TextEdit::singleline(&mut leg.slope_deg).desired_width(40.0))
                        .widget_info(named(tr.traverse_leg_slope(i + 1)));
                    if ui.small_button(tr.form_delete()).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            self.traverse.legs.remove(i);
        }
        if ui.button(tr.traverse_add_leg()).clicked() {
            self.traverse.legs.push(LegRow::default());
        }
        match self.walk(tr) {
            Ok(t) => {
                let ratio = if t.misclosure_m > 0.0 {
                    format!("1:{}", tr.number(t.perimeter_m / t.misclosure_m, 0))
                } else {
                    tr.traverse_exact()
                };
                ui.label(tr.traverse_misclosure(
                    crate::i18n::Arg::decimal(t.misclosure_m, 2),
                    crate::i18n::Arg::decimal(t.misclosure_bearing_deg, 1),
                    ratio,
                    crate::i18n::Arg::decimal(t.perimeter_m, 1),
                ));
                if ui.button(tr.traverse_use()).clicked() {
                    self.apply_traverse(&t, format);
                }
            }
            Err(e) => {
                ui.colored_label(Color32::GRAY, e);
            }
        }
    }
}
