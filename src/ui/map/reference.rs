//! Reference layers on the map: prepared once when the store's layers change (Web Mercator lines
//! and dots with an R-tree of bounding boxes), drawn under the lands each frame: only what is in
//! view, features smaller than a pixel skipped, at most one dot per few pixels, labels placed
//! without overlap.

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Response, Shape, Ui, Vec2};
use geo_types::Geometry;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use walkers::{MapMemory, Plugin, Projector};

use super::prepared::{CellGrid, ScreenTransform, push_square, screen_ring, visible_bbox};
use crate::app::LoadedLayer;
use crate::domain::LayerRole;
use crate::geometry::mercator_world_fraction;
use crate::ui::theme;

/// Labels drawn per frame at most, over all layers.
const MAX_LABELS: usize = 400;

/// A layer with more labelled points in view than this is not labelled (scale-dependent
/// labelling, as in QGIS: a country view of 1 500 village names is noise, and costly).
const MAX_LABELLED_POINTS_IN_VIEW: usize = 300;

/// Dots per layer drawn one per cell of this many pixels when a layer has many in view.
const DOT_CELL_PX: f32 = 3.0;

/// One feature ready to draw.
#[derive(Debug)]
pub(super) struct RefFeature {
    /// Lines and rings, Web Mercator.
    lines: Vec<Vec<[f64; 2]>>,
    /// Points, Web Mercator.
    points: Vec<[f64; 2]>,
    /// Bounding box in lon/lat degrees.
    bbox: [f64; 4],
    /// Label text.
    label: Option<String>,
    /// Where the label goes: the point, or the bounding box's centre (Web Mercator).
    anchor: [f64; 2],
}

/// A visible vector layer ready to draw.
#[derive(Debug)]
pub(super) struct RefLayer {
    role: LayerRole,
    features: Vec<RefFeature>,
    index: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
}

/// The visible vector layers of the store, bottom first, prepared for drawing.
pub(super) fn prepare_layers(layers: &[LoadedLayer]) -> Vec<RefLayer> {
    layers
        .iter()
        .filter(|l| l.spec.visible && !l.spec.format.is_tiles())
        .filter_map(|l| {
            let data = l.features.as_ref().ok()?;
            let label_at = l
                .spec
                .label_field
                .as_deref()
                .and_then(|f| data.field_index(f));
            let features: Vec<RefFeature> = data
                .features
                .iter()
                .map(|f| {
                    let mut lines = Vec::new();
                    let mut points = Vec::new();
                    collect(&f.geometry, &mut lines, &mut points);
                    let anchor = points.first().copied().unwrap_or_else(|| {
                        mercator_world_fraction([
                            f64::midpoint(f.bbox_lon_lat[0], f.bbox_lon_lat[2]),
                            f64::midpoint(f.bbox_lon_lat[1], f.bbox_lon_lat[3]),
                        ])
                    });
                    RefFeature {
                        lines,
                        points,
                        bbox: f.bbox_lon_lat,
                        label: label_at.and_then(|i| data.value(f, i)).map(str::to_owned),
                        anchor,
                    }
                })
                .collect();
            let index = RTree::bulk_load(
                features
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        GeomWithData::new(
                            Rectangle::from_corners([f.bbox[0], f.bbox[1]], [f.bbox[2], f.bbox[3]]),
                            i,
                        )
                    })
                    .collect(),
            );
            Some(RefLayer {
                role: l.spec.role,
                features,
                index,
            })
        })
        .collect()
}

fn collect(g: &Geometry<f64>, lines: &mut Vec<Vec<[f64; 2]>>, points: &mut Vec<[f64; 2]>) {
    let line = |l: &geo_types::LineString<f64>| {
        l.0.iter()
            .map(|c| mercator_world_fraction([c.x, c.y]))
            .collect::<Vec<_>>()
    };
    match g {
        Geometry::Point(p) => points.push(mercator_world_fraction([p.x(), p.y()])),
        Geometry::MultiPoint(mp) => {
            points.extend(mp.iter().map(|p| mercator_world_fraction([p.x(), p.y()])));
        }
        Geometry::LineString(l) => lines.push(line(l)),
        Geometry::MultiLineString(ml) => lines.extend(ml.iter().map(line)),
        Geometry::Polygon(p) => {
            lines.push(line(p.exterior()));
            lines.extend(p.interiors().iter().map(line));
        }
        Geometry::MultiPolygon(mp) => {
            for p in mp {
                lines.push(line(p.exterior()));
                lines.extend(p.interiors().iter().map(line));
            }
        }
        Geometry::GeometryCollection(gc) => {
            for part in gc {
                collect(part, lines, points);
            }
        }
        Geometry::Line(l) => lines.push(vec![
            mercator_world_fraction([l.start.x, l.start.y]),
            mercator_world_fraction([l.end.x, l.end.y]),
        ]),
        Geometry::Rect(r) => collect(&Geometry::Polygon(r.to_polygon()), lines, points),
        Geometry::Triangle(t) => collect(&Geometry::Polygon(t.to_polygon()), lines, points),
    }
}

/// Draws the reference layers (under the lands).
pub(super) struct ReferencePlugin {
    pub(super) layers: Arc<Vec<RefLayer>>,
}

impl Plugin for ReferencePlugin {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        if self.layers.is_empty() {
            return;
        }
        let clip = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(clip);
        let view = visible_bbox(projector);
        let to_screen = ScreenTransform::new(projector, view);
        let envelope = AABB::from_corners([view[0], view[1]], [view[2], view[3]]);
        // Pixels per degree, roughly (a feature's box under a pixel is not drawn).
        let px_per_deg_x = (to_screen.apply(mercator_world_fraction([1.0, 0.0])).x
            - to_screen.apply(mercator_world_fraction([0.0, 0.0])).x)
            .abs();
        let mut labels: Vec<(String, LayerRole, Pos2)> = Vec::new();
        let mut placed: Vec<Rect> = Vec::new();
        // Layers are drawn bottom first; labels are placed after all of them, by role.
        for layer in self.layers.iter() {
            let stroke = theme::reference_stroke(layer.role);
            let mut dots = Mesh::default();
            let mut grid = CellGrid::new(clip, DOT_CELL_PX);
            let hits: Vec<usize> = layer
                .index
                .locate_in_envelope_intersecting(&envelope)
                .map(|h| h.data)
                .collect();
            let label_points = hits
                .iter()
                .filter(|i| !layer.features[**i].points.is_empty())
                .count()
                <= MAX_LABELLED_POINTS_IN_VIEW;
            for i in hits {
                let f = &layer.features[i];
                let size_px =
                    ((f.bbox[2] - f.bbox[0]).max(f.bbox[3] - f.bbox[1])) as f32 * px_per_deg_x;
                if !f.lines.is_empty() && size_px >= 1.0 {
                    for line in &f.lines {
                        let pts = screen_ring(&to_screen, line);
                        if pts.len() >= 2 {
                            painter.add(Shape::line(pts, stroke));
                        }
                    }
                }
                for p in &f.points {
                    let c = to_screen.apply(*p);
                    if clip.contains(c) && grid.take(c) {
                        push_square(&mut dots, c, 5.0, Color32::WHITE);
                        push_square(&mut dots, c, 3.0, stroke.color);
                    }
                }
                let labelled = match layer.role {
                    LayerRole::AdminBoundaries => size_px >= 120.0,
                    _ if f.points.is_empty() => size_px >= 60.0,
                    _ => label_points,
                };
                if labelled
                    && let Some(text) = &f.label
                    && labels.len() < MAX_LABELS * 4
                {
                    let at = to_screen.apply(f.anchor);
                    if clip.contains(at) {
                        labels.push((text.clone(), layer.role, at));
                    }
                }
            }
            painter.add(Shape::mesh(dots));
        }
        // Settlements first, then the rest; admin names last (the largest, most often hidden).
        labels.sort_by_key(|(_, role, _)| match role {
            LayerRole::Settlements => 0,
            LayerRole::AdminBoundaries => 2,
            _ => 1,
        });
        let mut drawn = 0;
        for (text, role, at) in labels {
            if drawn >= MAX_LABELS {
                break;
            }
            let (size, colour) = match role {
                LayerRole::AdminBoundaries => (12.0, theme::reference_stroke(role).color),
                _ => (11.0, theme::LABEL),
            };
            let galley = painter.layout_no_wrap(text, FontId::proportional(size), colour);
            let anchor = if role == LayerRole::AdminBoundaries {
                Align2::CENTER_CENTER
            } else {
                Align2::LEFT_CENTER
            };
            let offset = if role == LayerRole::AdminBoundaries {
                Vec2::ZERO
            } else {
                Vec2::new(5.0, 0.0)
            };
            let rect = anchor.anchor_size(at + offset, galley.size()).expand(1.5);
            if placed.iter().any(|r| r.intersects(rect)) {
                continue;
            }
            placed.push(rect);
            painter.rect_filled(rect, 2.0, theme::LABEL_HALO);
            painter.galley(rect.min + Vec2::splat(1.5), galley, colour);
            drawn += 1;
        }
    }
}
