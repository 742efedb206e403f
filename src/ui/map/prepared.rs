//! Geometry prepared for drawing: polygons in Web Mercator with their fill triangles, overview
//! dots, the frame's Web Mercator → screen transform, and the small view helpers.

use crate::domain::{Classification, EoCategory, LandId, LandStatus};
use crate::geometry::mercator_world_fraction;
use egui::{Color32, Mesh, Pos2, Rect, Vec2};
use geo::{Contains, TriangulateEarcut};
use geo_types::{MultiPolygon, Point};
use std::sync::Arc;
use walkers::{MapMemory, Projector, lon_lat};

/// One polygon part prepared for drawing: vertices in Web Mercator (unit square, see
/// [`mercator_world_fraction`]) so a frame maps them to the screen with one multiply-add per axis, and fill
/// triangles.
#[derive(Debug, Clone, Default)]
pub(super) struct PreparedPolygon {
    /// Rings (exterior first), Web Mercator.
    pub(super) rings: Vec<Vec<[f64; 2]>>,
    /// All ring vertices, flattened, for the fill triangles; Web Mercator.
    pub(super) vertices: Vec<[f64; 2]>,
    /// Triangle indices into `vertices`.
    pub(super) triangles: Vec<[u32; 3]>,
}

/// Each part of `shape` with its rings in Web Mercator and its fill triangles (earcut).
pub(super) fn prepare(shape: &MultiPolygon<f64>) -> Vec<PreparedPolygon> {
    shape
        .0
        .iter()
        .map(|polygon| {
            let raw = polygon.earcut_triangles_raw();
            let triangles = raw
                .triangle_indices
                .chunks_exact(3)
                .filter_map(|t| {
                    Some([
                        u32::try_from(t[0]).ok()?,
                        u32::try_from(t[1]).ok()?,
                        u32::try_from(t[2]).ok()?,
                    ])
                })
                .collect();
            PreparedPolygon {
                rings: std::iter::once(polygon.exterior())
                    .chain(polygon.interiors())
                    .map(|r| {
                        r.0.iter()
                            .map(|c| mercator_world_fraction([c.x, c.y]))
                            .collect()
                    })
                    .collect(),
                vertices: raw
                    .vertices
                    .into_iter()
                    .map(mercator_world_fraction)
                    .collect(),
                triangles,
            }
        })
        .collect()
}

/// A land ready to draw.
#[derive(Debug, Clone)]
pub(super) struct MapLandShape {
    pub(super) id: LandId,
    /// `bbox` corners in Web Mercator: `[x at min lon, y at min lat, x at max lon, y at max lat]`.
    pub(super) bbox_mercator: [f64; 4],
    pub(super) code: String,
    pub(super) classification: Classification,
    pub(super) status: LandStatus,
    pub(super) flagged: bool,
    pub(super) bbox: [f64; 4],
    pub(super) shape: Option<Arc<MultiPolygon<f64>>>,
    /// Released sub-areas (lon/lat), drawn inside the land.
    pub(super) released_shapes: Vec<MultiPolygon<f64>>,
    /// The polygon and the released parts ready to draw, made the first time the land is
    /// drawn as a polygon: loading 100 000 lands does not triangulate any of them.
    pub(super) prepared: std::cell::OnceCell<PreparedLand>,
    /// Where to put the label or, without a polygon, the marker.
    pub(super) anchor: Option<[f64; 2]>,
}

/// A land's parts and released parts, prepared for drawing.
#[derive(Debug, Clone, Default)]
pub(super) struct PreparedLand {
    pub(super) parts: Vec<PreparedPolygon>,
    pub(super) released: Vec<PreparedPolygon>,
}

impl MapLandShape {
    pub(super) fn prepared(&self) -> &PreparedLand {
        self.prepared.get_or_init(|| PreparedLand {
            parts: self.shape.as_deref().map(prepare).unwrap_or_default(),
            released: self.released_shapes.iter().flat_map(prepare).collect(),
        })
    }
}

/// A country of the basemap ready to draw.
pub(super) struct MapCountry {
    pub(super) bbox: [f64; 4],
    pub(super) parts: Vec<PreparedPolygon>,
}

/// Grid sizes (degrees) of the precomputed overview dots, finest first.
pub(super) const DOT_LEVELS_DEG: [f64; 6] = [0.0025, 0.005, 0.01, 0.02, 0.04, 0.08];

/// Overview dots: records binned into grid cells at several sizes, so a country view of
/// 100 000 lands draws a few thousand dots without touching every land (level of detail). A
/// cell's dot is drawn at the true position of its first record, never at the cell's centre: an
/// aggregated dot never moves a find across a boundary.
#[derive(Debug, Default)]
pub(super) struct DotLevels {
    /// Per level of `DOT_LEVELS_DEG`: one (lon, lat) per cell, the first record's, and its colour.
    pub(super) levels: Vec<Vec<([f64; 2], Color32)>>,
}

impl DotLevels {
    /// Bins points; a cell is drawn at its first point, in that point's colour.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "cell numbers of lon/lat in degrees over grids ≥ 0.0025° fit i64"
    )]
    pub(super) fn new(points: &[([f64; 2], Color32)]) -> Self {
        use rayon::prelude::*;
        let levels = DOT_LEVELS_DEG
            .par_iter()
            .map(|cell| {
                let mut cells: std::collections::BTreeMap<(i64, i64), ([f64; 2], Color32)> =
                    std::collections::BTreeMap::new();
                for (p, colour) in points {
                    let key = ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
                    cells.entry(key).or_insert((*p, *colour));
                }
                cells.into_values().collect::<Vec<_>>()
            })
            .collect::<Vec<_>>();
        Self { levels }
    }

    /// The finest level whose cells are at least `min_px` wide at `px_per_deg`, if any.
    pub(super) fn level_for(&self, px_per_deg: f64, min_px: f64) -> Option<&[([f64; 2], Color32)]> {
        DOT_LEVELS_DEG
            .iter()
            .position(|cell| cell * px_per_deg >= min_px)
            .and_then(|i| self.levels.get(i))
            .map(Vec::as_slice)
    }
}

/// Closest two outline vertices kept on screen, in pixels: a 20-vertex land a few pixels wide
/// is stroked with a handful of segments instead of twenty sub-pixel ones.
pub(super) const MIN_SEGMENT_PX: f32 = 1.5;

/// A ring (Web Mercator) on the screen without the vertices closer than [`MIN_SEGMENT_PX`] to
/// the last one kept (the last vertex is always kept, so the ring stays closed).
pub(super) fn screen_ring(to_screen: &ScreenTransform, ring: &[[f64; 2]]) -> Vec<Pos2> {
    let mut points: Vec<Pos2> = Vec::with_capacity(ring.len());
    let last = ring.len().saturating_sub(1);
    for (i, p) in ring.iter().enumerate() {
        let q = to_screen.apply(*p);
        match points.last() {
            Some(prev) if i < last && prev.distance(q) < MIN_SEGMENT_PX => {}
            _ => points.push(q),
        }
    }
    points
}

/// This frame's Web Mercator → screen mapping: a scale and an offset per axis, read off the
/// map's projector at two corners of the view. Projecting a prepared vertex costs two
/// multiply-adds instead of a logarithm and a tangent.
pub(super) struct ScreenTransform {
    pub(super) scale: [f64; 2],
    pub(super) offset: [f64; 2],
}

impl ScreenTransform {
    pub(super) fn new(projector: &Projector<'_>, view: [f64; 4]) -> Self {
        let (a, b) = ([view[0], view[1]], [view[2], view[3]]);
        let (sa, sb) = (project(projector, a), project(projector, b));
        let (ma, mb) = (mercator_world_fraction(a), mercator_world_fraction(b));
        let axis = |s0: f32, s1: f32, m0: f64, m1: f64| {
            let dm = m1 - m0;
            if dm.abs() < 1e-15 {
                (0.0, f64::from(s0))
            } else {
                let scale = (f64::from(s1) - f64::from(s0)) / dm;
                (scale, f64::from(s0) - m0 * scale)
            }
        };
        let (scale_x, offset_x) = axis(sa.x, sb.x, ma[0], mb[0]);
        let (scale_y, offset_y) = axis(sa.y, sb.y, ma[1], mb[1]);
        Self {
            scale: [scale_x, scale_y],
            offset: [offset_x, offset_y],
        }
    }

    /// A Web Mercator point on the screen.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "screen coordinates fit an f32"
    )]
    pub(super) fn apply(&self, m: [f64; 2]) -> Pos2 {
        Pos2::new(
            (m[0] * self.scale[0] + self.offset[0]) as f32,
            (m[1] * self.scale[1] + self.offset[1]) as f32,
        )
    }
}

/// Adds a square of `size` pixels centred on `c` to `mesh` (two triangles, no feathering).
pub(super) fn push_square(mesh: &mut Mesh, c: Pos2, size: f32, colour: Color32) {
    let r = Rect::from_center_size(c, Vec2::splat(size));
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    mesh.colored_vertex(r.left_top(), colour);
    mesh.colored_vertex(r.right_top(), colour);
    mesh.colored_vertex(r.right_bottom(), colour);
    mesh.colored_vertex(r.left_bottom(), colour);
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// One flag per `cell_px` square of the map, so at most one dot is drawn per cell.
pub(super) struct CellGrid {
    pub(super) origin: Pos2,
    pub(super) cell_px: f32,
    pub(super) columns: usize,
    pub(super) rows: usize,
    pub(super) taken: Vec<bool>,
}

impl CellGrid {
    /// A grid over `clip`; a `cell_px` of 0 makes an empty grid that takes nothing.
    #[expect(
        clippy::cast_sign_loss,
        reason = "the cell counts are clamped to at least 1 before the cast"
    )]
    pub(super) fn new(clip: Rect, cell_px: f32) -> Self {
        let (columns, rows) = if cell_px > 0.0 {
            (
                (clip.width() / cell_px).ceil().max(1.0) as usize + 1,
                (clip.height() / cell_px).ceil().max(1.0) as usize + 1,
            )
        } else {
            (0, 0)
        };
        Self {
            origin: clip.min,
            cell_px,
            columns,
            rows,
            taken: vec![false; columns * rows],
        }
    }

    /// Marks the cell under `p`: false when it was already taken or is off the grid.
    #[expect(
        clippy::cast_sign_loss,
        reason = "negative positions are refused before the cast"
    )]
    pub(super) fn take(&mut self, p: Pos2) -> bool {
        if self.cell_px <= 0.0 {
            return false;
        }
        let x = ((p.x - self.origin.x) / self.cell_px).floor();
        let y = ((p.y - self.origin.y) / self.cell_px).floor();
        if x < 0.0 || y < 0.0 {
            return false;
        }
        let (x, y) = (x as usize, y as usize);
        if x >= self.columns || y >= self.rows {
            return false;
        }
        let cell = &mut self.taken[y * self.columns + x];
        !std::mem::replace(cell, true)
    }
}

/// Pixels per degree of longitude at the view's centre.
pub(super) fn px_per_deg(projector: &Projector<'_>, view: [f64; 4]) -> f64 {
    let lat = f64::midpoint(view[1], view[3]);
    let lon = f64::midpoint(view[0], view[2]);
    let a = project(projector, [lon, lat]);
    let b = project(projector, [lon + 0.01, lat]);
    f64::from((b.x - a.x).abs()) * 100.0
}

/// A hazard report ready to draw.
#[derive(Debug, Clone)]
pub(super) struct MapReport {
    pub(super) lon_lat: [f64; 2],
    pub(super) category: EoCategory,
    pub(super) code: String,
    pub(super) land: Option<LandId>,
}

/// Sets zoom and centre so that `bbox` fills about 80 % of a map of `size` pixels.
pub(super) fn fit_bbox(memory: &mut MapMemory, bbox: [f64; 4], size: Vec2) {
    let [x0, y1] = mercator_world_fraction([bbox[0], bbox[1]]);
    let [x1, y0] = mercator_world_fraction([bbox[2], bbox[3]]);
    let dx = (x1 - x0).abs().max(1e-9);
    let dy = (y1 - y0).abs().max(1e-9);
    let zx = (f64::from(size.x.max(100.0)) * 0.8 / (256.0 * dx)).log2();
    let zy = (f64::from(size.y.max(100.0)) * 0.8 / (256.0 * dy)).log2();
    let zoom = zx.min(zy).clamp(2.0, 18.0);
    memory.center_at(lon_lat(
        f64::midpoint(bbox[0], bbox[2]),
        f64::midpoint(bbox[1], bbox[3]),
    ));
    if memory.set_zoom(zoom).is_err() {
        // Clamped to walkers' range above; nothing else to do.
    }
}

/// The lon/lat box `[min_lon, min_lat, max_lon, max_lat]` the map shows.
pub(super) fn visible_bbox(projector: &Projector<'_>) -> [f64; 4] {
    let r = projector.clip_rect();
    let a = projector.unproject(r.left_top().to_vec2());
    let b = projector.unproject(r.right_bottom().to_vec2());
    [
        a.x().min(b.x()),
        a.y().min(b.y()),
        a.x().max(b.x()),
        a.y().max(b.y()),
    ]
}

/// Whether two lon/lat boxes overlap (touching counts).
pub(super) fn intersects(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1]
}

/// A lon/lat point on the screen, through the map's projector.
pub(super) fn project(projector: &Projector<'_>, p: [f64; 2]) -> Pos2 {
    projector.project(lon_lat(p[0], p[1])).to_pos2()
}

/// The fill triangles of a prepared part on the screen, in one colour.
pub(super) fn fill_mesh(
    to_screen: &ScreenTransform,
    part: &PreparedPolygon,
    colour: Color32,
) -> Mesh {
    let mut mesh = Mesh::default();
    for v in &part.vertices {
        mesh.colored_vertex(to_screen.apply(*v), colour);
    }
    for t in &part.triangles {
        mesh.add_triangle(t[0], t[1], t[2]);
    }
    mesh
}

/// Whether `p` (lon/lat) is on the land: inside its polygon, or within 8 px of its marker.
pub(super) fn land_contains(land: &MapLandShape, p: Point<f64>, projector: &Projector<'_>) -> bool {
    match &land.shape {
        Some(shape) => shape.contains(&p),
        None => land.anchor.is_some_and(|a| {
            (project(projector, a) - project(projector, [p.x(), p.y()])).length() < 8.0
        }),
    }
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "dots must be at the very position of a record, bit for bit"
)]
mod tests {
    use geo_types::polygon;

    use super::*;

    fn triangle_area(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
        ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
    }

    fn ring_area(r: &[[f64; 2]]) -> f64 {
        r.windows(2)
            .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
            .sum::<f64>()
            .abs()
            / 2.0
    }

    #[test]
    fn prepared_triangles_cover_the_polygon_less_its_hole_in_web_mercator() {
        let with_hole = polygon!(
            exterior: [(x: 18.0, y: 44.0), (x: 18.02, y: 44.0), (x: 18.02, y: 44.02), (x: 18.0, y: 44.02), (x: 18.0, y: 44.0)],
            interiors: [[(x: 18.005, y: 44.005), (x: 18.01, y: 44.005), (x: 18.01, y: 44.01), (x: 18.005, y: 44.01), (x: 18.005, y: 44.005)]],
        );
        let parts = prepare(&MultiPolygon(vec![with_hole]));
        assert_eq!(parts.len(), 1);
        let part = &parts[0];
        assert_eq!(part.rings.len(), 2);
        let covered: f64 = part
            .triangles
            .iter()
            .map(|t| {
                let v = |i: u32| part.vertices[i as usize];
                triangle_area(v(t[0]), v(t[1]), v(t[2]))
            })
            .sum();
        let expected = ring_area(&part.rings[0]) - ring_area(&part.rings[1]);
        assert!(
            (covered - expected).abs() < expected * 1e-6,
            "{covered} {expected}"
        );
        // Vertices are in the world square, where the tiles are.
        let [x, y] = part.rings[0][0];
        assert!((x - (18.0 + 180.0) / 360.0).abs() < 1e-12 && y > 0.0 && y < 0.5);
        let mesh = fill_mesh(
            &ScreenTransform {
                scale: [1.0, 1.0],
                offset: [0.0, 0.0],
            },
            part,
            Color32::RED,
        );
        assert_eq!(mesh.vertices.len(), part.vertices.len());
        assert_eq!(mesh.indices.len(), part.triangles.len() * 3);
    }

    #[test]
    fn the_screen_transform_scales_and_offsets_and_close_vertices_are_thinned() {
        let to_screen = ScreenTransform {
            scale: [1000.0, 2000.0],
            offset: [10.0, 20.0],
        };
        assert_eq!(to_screen.apply([0.5, 0.25]), Pos2::new(510.0, 520.0));
        // Four vertices within a pixel, then a far one, then the closing one.
        let ring = [
            [0.0, 0.0],
            [0.0001, 0.0],
            [0.0002, 0.0],
            [0.0003, 0.0],
            [0.1, 0.0],
            [0.0, 0.0],
        ];
        let drawn = screen_ring(&to_screen, &ring);
        assert_eq!(drawn.len(), 3, "{drawn:?}");
        assert_eq!(drawn.last(), Some(&to_screen.apply([0.0, 0.0])));
    }

    #[test]
    fn a_cell_takes_one_dot_and_levels_follow_the_zoom() {
        let mut grid = CellGrid::new(Rect::from_min_size(Pos2::ZERO, Vec2::splat(100.0)), 10.0);
        assert!(grid.take(Pos2::new(5.0, 5.0)));
        assert!(!grid.take(Pos2::new(6.0, 6.0)));
        assert!(grid.take(Pos2::new(15.0, 5.0)));
        assert!(!grid.take(Pos2::new(-1.0, 5.0)));
        assert!(!grid.take(Pos2::new(500.0, 5.0)));
        assert!(
            !CellGrid::new(Rect::from_min_size(Pos2::ZERO, Vec2::splat(100.0)), 0.0)
                .take(Pos2::ZERO)
        );
        let points = [
            ([18.0001, 44.0001], Color32::RED),
            ([18.0002, 44.0002], Color32::BLUE),
            ([18.5, 44.5], Color32::GREEN),
        ];
        let dots = DotLevels::new(&points);
        assert_eq!(dots.levels.len(), DOT_LEVELS_DEG.len());
        // At 4 000 px per degree the finest cells (0.0025°) are 10 px wide.
        let finest = dots.level_for(4_000.0, 10.0).unwrap();
        assert_eq!(finest.len(), 2);
        assert_eq!(
            finest[0].1,
            Color32::RED,
            "a cell takes the colour of its first point"
        );
        // ... and its position: a dot is never moved off a record (to a cell centre).
        assert_eq!(finest[0].0, [18.0001, 44.0001]);
        for level in &dots.levels {
            for (p, _) in level {
                assert!(
                    points.iter().any(|(q, _)| q == p),
                    "{p:?} is no record's position"
                );
            }
        }
        // Zoomed far out, no level is coarse enough.
        assert!(dots.level_for(1.0, 10.0).is_none());
        assert!(intersects([0.0, 0.0, 1.0, 1.0], [1.0, 1.0, 2.0, 2.0]));
        assert!(!intersects([0.0, 0.0, 1.0, 1.0], [1.1, 0.0, 2.0, 1.0]));
    }
}
