//! Drawing and editing on the map: the land being recorded (vertex handles), the traverse
//! preview and the measuring tool.

use super::prepared::project;
use crate::domain::{LonLat, SurveyPoint};
use crate::ui::theme;
use egui::{Align2, FontId, Pos2, Rect, Response, Shape, Stroke, Ui, Vec2};
use geo_types::MultiPolygon;
use walkers::{MapMemory, Plugin, Projector};

/// A change to the land being recorded, made with the mouse on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VertexEdit {
    /// A vertex was dragged.
    Move {
        /// Row in the points table.
        row: usize,
        /// New position.
        to: LonLat,
    },
    /// An edge's midpoint handle was clicked: a new vertex there.
    Insert {
        /// Row after which the vertex goes.
        after_row: usize,
        /// Its position.
        at: LonLat,
    },
    /// A vertex was right-clicked.
    Delete {
        /// Row in the points table.
        row: usize,
    },
}

pub(super) struct MeasurePlugin<'a> {
    pub(super) points: &'a [LonLat],
}

impl Plugin for MeasurePlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        if self.points.is_empty() {
            return;
        }
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let screen: Vec<Pos2> = self
            .points
            .iter()
            .map(|p| project(projector, [p.lon_deg, p.lat_deg]))
            .collect();
        if screen.len() >= 3 {
            let mut closed = screen.clone();
            closed.push(screen[0]);
            painter.extend(Shape::dashed_line(
                &closed,
                Stroke::new(1.5, theme::LABEL),
                5.0,
                4.0,
            ));
        }
        painter.add(Shape::line(screen.clone(), Stroke::new(2.5, theme::LABEL)));
        for c in &screen {
            painter.circle_filled(*c, 4.0, theme::LABEL);
        }
        let m = measure(self.points);
        let tr = crate::ui::language::tr(ui.ctx());
        let distance = crate::i18n::Arg::decimal(m.0, 1);
        let text = match m.1 {
            Some(area) => tr.measure_distance_area(
                distance,
                tr.unit_m2(crate::i18n::Arg::decimal(area, 0)),
                tr.unit_ha(crate::i18n::Arg::decimal(area / 10_000.0, 4)),
            ),
            None => tr.measure_distance(distance),
        };
        let galley = painter.layout_no_wrap(text, FontId::proportional(13.0), theme::LABEL);
        let rect = Align2::LEFT_TOP
            .anchor_size(
                projector.clip_rect().left_top() + Vec2::new(10.0, 10.0),
                galley.size(),
            )
            .expand(4.0);
        painter.rect_filled(rect, 3.0, theme::LABEL_HALO);
        painter.galley(rect.min + Vec2::splat(4.0), galley, theme::LABEL);
    }
}

/// Geodesic length of the measured line (metres) and, with three or more points, the geodesic
/// area of the polygon they close (m²).
pub fn measure(points: &[LonLat]) -> (f64, Option<f64>) {
    let length_m = points
        .windows(2)
        .map(|w| crate::geometry::geodesic_distance_m(w[0], w[1]))
        .sum();
    let area_m2 = (points.len() >= 3).then(|| {
        let polygon = crate::geometry::polygon_from_lon_lats(points);
        crate::geometry::geodesic_area_m2(&MultiPolygon(vec![polygon])).m2()
    });
    (length_m, area_m2)
}

pub(super) struct TraversePlugin<'a> {
    pub(super) points: &'a [LonLat],
}

impl Plugin for TraversePlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        if self.points.len() < 2 {
            return;
        }
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let screen: Vec<Pos2> = self
            .points
            .iter()
            .map(|p| project(projector, [p.lon_deg, p.lat_deg]))
            .collect();
        let stroke = Stroke::new(2.0, theme::WORKED_ON_OUTLINE);
        painter.extend(Shape::dashed_line(&screen, stroke, 6.0, 4.0));
        if screen.len() > 2 {
            // The closing line from the last point back to the start point shows the misclosure.
            painter.extend(Shape::dashed_line(
                &[screen[screen.len() - 1], screen[1]],
                Stroke::new(1.0, theme::ERROR_TEXT),
                3.0,
                3.0,
            ));
        }
        for (i, c) in screen.iter().enumerate() {
            painter.circle_filled(*c, if i == 0 { 6.0 } else { 4.0 }, theme::WORKED_ON_OUTLINE);
        }
        painter.text(
            screen[0] + Vec2::new(7.0, -7.0),
            Align2::LEFT_BOTTOM,
            "BM",
            FontId::proportional(11.0),
            theme::LABEL,
        );
    }
}

pub(super) struct PreviewPlugin<'a> {
    pub(super) points: &'a [(usize, SurveyPoint)],
    pub(super) edit: &'a mut Option<VertexEdit>,
}

impl Plugin for PreviewPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        if self.points.is_empty() {
            return;
        }
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let screen = |p: &SurveyPoint| project(projector, [p.lon_lat.lon_deg, p.lon_lat.lat_deg]);
        let ring: Vec<(usize, Pos2)> = self
            .points
            .iter()
            .filter(|(_, p)| p.kind.is_perimeter())
            .map(|(i, p)| (*i, screen(p)))
            .collect();
        if ring.len() >= 2 {
            let mut closed: Vec<Pos2> = ring.iter().map(|(_, p)| *p).collect();
            if ring.len() >= 3 {
                closed.push(ring[0].1);
            }
            painter.add(Shape::line(closed, Stroke::new(2.5, theme::SELECTED)));
        }
        let to_lon_lat = |pos: Pos2| {
            let p = projector.unproject(pos.to_vec2());
            LonLat::lon_lat(p.x(), p.y()).ok()
        };
        // Midpoint handles: click to insert a vertex.
        let edges = if ring.len() >= 3 {
            ring.len()
        } else {
            ring.len().saturating_sub(1)
        };
        for k in 0..edges {
            let (row_a, a) = ring[k];
            let (_, b) = ring[(k + 1) % ring.len()];
            let mid = a + (b - a) * 0.5;
            let rect = Rect::from_center_size(mid, Vec2::splat(12.0));
            let response = ui.interact(
                rect,
                ui.scope_id().with(("midpoint", k)),
                egui::Sense::click(),
            );
            painter.circle_stroke(mid, 4.0, Stroke::new(1.5, theme::SELECTED));
            if response.clicked()
                && let Some(at) = to_lon_lat(mid)
            {
                *self.edit = Some(VertexEdit::Insert {
                    after_row: row_a,
                    at,
                });
            }
            response.on_hover_text(crate::ui::language::tr(ui.ctx()).map_insert_vertex());
        }
        for (row, p) in self.points {
            let c = screen(p);
            let perimeter = p.kind.is_perimeter();
            let rect = Rect::from_center_size(c, Vec2::splat(14.0));
            let response = ui.interact(
                rect,
                ui.scope_id().with(("vertex", *row)),
                egui::Sense::click_and_drag(),
            );
            let hot = response.hovered() || response.dragged();
            let radius = if hot {
                7.0
            } else if perimeter {
                5.0
            } else {
                6.0
            };
            painter.circle_filled(
                c,
                radius,
                if perimeter {
                    theme::SELECTED
                } else {
                    theme::LABEL
                },
            );
            if !p.label.is_empty() {
                painter.text(
                    c + Vec2::new(7.0, -7.0),
                    Align2::LEFT_BOTTOM,
                    &p.label,
                    FontId::proportional(11.0),
                    theme::LABEL,
                );
            }
            if response.dragged()
                && let Some(pos) = response.interact_pointer_pos()
                && let Some(to) = to_lon_lat(pos)
            {
                *self.edit = Some(VertexEdit::Move { row: *row, to });
            }
            if response.secondary_clicked() {
                *self.edit = Some(VertexEdit::Delete { row: *row });
            }
            response.on_hover_text(crate::ui::language::tr(ui.ctx()).map_drag_vertex());
        }
    }
}

/// The typed points of the selected land (benchmark, reference point, start, turning,
/// intermediate, end, evidence and usage points), each with its symbol and label, so a survey
/// can be checked against the ground: perimeter points as white-ringed dots, a benchmark as a
/// triangle, a reference point as a square, evidence and usage points as diamonds.
pub(super) struct TypedPointsPlugin<'a> {
    pub(super) points: &'a [SurveyPoint],
}

impl Plugin for TypedPointsPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        use crate::domain::PointKind;
        if self.points.is_empty() {
            return;
        }
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let ink = egui::Color32::from_rgb(20, 20, 20);
        let hover = response.hover_pos();
        for p in self.points {
            let c = project(projector, [p.lon_lat.lon_deg, p.lon_lat.lat_deg]);
            if !projector.clip_rect().contains(c) {
                continue;
            }
            let stroke = Stroke::new(1.5, egui::Color32::WHITE);
            match p.kind {
                PointKind::Benchmark => {
                    let pts = vec![
                        c + egui::vec2(0.0, -7.0),
                        c + egui::vec2(6.0, 5.0),
                        c + egui::vec2(-6.0, 5.0),
                    ];
                    painter.add(egui::Shape::convex_polygon(pts, ink, stroke));
                }
                PointKind::Reference => {
                    painter.rect(
                        egui::Rect::from_center_size(c, egui::vec2(10.0, 10.0)),
                        0.0,
                        ink,
                        stroke,
                        egui::StrokeKind::Middle,
                    );
                }
                PointKind::Evidence | PointKind::Usage => {
                    let pts = vec![
                        c + egui::vec2(0.0, -6.0),
                        c + egui::vec2(6.0, 0.0),
                        c + egui::vec2(0.0, 6.0),
                        c + egui::vec2(-6.0, 0.0),
                    ];
                    painter.add(egui::Shape::convex_polygon(
                        pts,
                        theme::WORKED_ON_OUTLINE,
                        stroke,
                    ));
                }
                _ => {
                    painter.circle(c, 4.0, ink, stroke);
                }
            }
            let label = if p.label.trim().is_empty() {
                p.kind.label().to_owned()
            } else {
                p.label.clone()
            };
            let galley =
                painter.layout_no_wrap(label, egui::FontId::proportional(11.0), theme::LABEL);
            let rect = egui::Align2::LEFT_CENTER
                .anchor_size(c + egui::vec2(8.0, 0.0), galley.size())
                .expand(1.5);
            painter.rect_filled(rect, 2.0, theme::LABEL_HALO);
            painter.galley(rect.min + egui::vec2(1.5, 1.5), galley, theme::LABEL);
            if hover.is_some_and(|h| (h - c).length() < 8.0) {
                response.clone().on_hover_text_at_pointer(format!(
                    "{} · {}",
                    p.kind.label(),
                    crate::geometry::coords::format_coord(
                        p.lon_lat,
                        crate::domain::CoordFormat::Dd
                    )
                ));
            }
        }
    }
}
