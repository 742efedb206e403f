//! The map: a `walkers` map with the offline vector basemap, the lands in IMAS symbology and
//! the hazard reports, drawn as plugins; scale bar, cursor coordinates and attribution on top.
//!
//! Geometry is prepared once per records update (triangulated fills in lon/lat); each frame only
//! culls by bounding box, projects and paints.

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Response, Shape, Stroke, Ui, Vec2};
use geo::{Contains, TriangulateEarcut};
use geo_types::{MultiPolygon, Point};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use walkers::{Map, MapMemory, Plugin, Projector, lon_lat};

use super::theme;
use crate::app::Records;
use crate::basemap::{BASEMAP_ATTRIBUTION, BASEMAP_NOTE, Basemap};
use crate::domain::{
    Classification, CoordFormat, EoCategory, LandId, LandStatus, LonLat, SurveyPoint,
};
use crate::geometry::coords::format_coord;
use crate::geometry::mercator_world_fraction;

/// One polygon part prepared for drawing: vertices in Web Mercator (unit square, see
/// [`mercator_world_fraction`]) so a frame maps them to the screen with one multiply-add per axis, and fill
/// triangles.
#[derive(Debug, Clone, Default)]
struct PreparedPolygon {
    /// Rings (exterior first), Web Mercator.
    rings: Vec<Vec<[f64; 2]>>,
    /// All ring vertices, flattened, for the fill triangles; Web Mercator.
    vertices: Vec<[f64; 2]>,
    /// Triangle indices into `vertices`.
    triangles: Vec<[u32; 3]>,
}

fn prepare(shape: &MultiPolygon<f64>) -> Vec<PreparedPolygon> {
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
struct MapLandShape {
    id: LandId,
    /// `bbox` corners in Web Mercator: `[x at min lon, y at min lat, x at max lon, y at max lat]`.
    bbox_mercator: [f64; 4],
    code: String,
    classification: Classification,
    status: LandStatus,
    flagged: bool,
    bbox: [f64; 4],
    shape: Option<Arc<MultiPolygon<f64>>>,
    /// Released sub-areas (lon/lat), drawn inside the land.
    released_shapes: Vec<MultiPolygon<f64>>,
    /// The polygon and the released parts ready to draw, made the first time the land is
    /// drawn as a polygon: loading 100 000 lands does not triangulate any of them.
    prepared: std::cell::OnceCell<PreparedLand>,
    /// Where to put the label or, without a polygon, the marker.
    anchor: Option<[f64; 2]>,
}

/// A land's parts and released parts, prepared for drawing.
#[derive(Debug, Clone, Default)]
struct PreparedLand {
    parts: Vec<PreparedPolygon>,
    released: Vec<PreparedPolygon>,
}

impl MapLandShape {
    fn prepared(&self) -> &PreparedLand {
        self.prepared.get_or_init(|| PreparedLand {
            parts: self.shape.as_deref().map(prepare).unwrap_or_default(),
            released: self.released_shapes.iter().flat_map(prepare).collect(),
        })
    }
}

/// A country of the basemap ready to draw.
struct MapCountry {
    bbox: [f64; 4],
    parts: Vec<PreparedPolygon>,
}

/// Grid sizes (degrees) of the precomputed overview dots, finest first.
const DOT_LEVELS_DEG: [f64; 6] = [0.0025, 0.005, 0.01, 0.02, 0.04, 0.08];

/// Overview dots: records binned into grid cells at several sizes, so a country view of
/// 100 000 lands draws a few thousand dots without touching every land (level of detail).
#[derive(Debug, Default)]
struct DotLevels {
    /// Per level of `DOT_LEVELS_DEG`: cell centres (lon, lat) and colour.
    levels: Vec<Vec<([f64; 2], Color32)>>,
}

impl DotLevels {
    /// Bins points; a cell takes the colour of its first point.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_precision_loss,
        reason = "cell numbers of lon/lat in degrees over grids ≥ 0.0025° fit i64 and f64 exactly"
    )]
    fn new(points: &[([f64; 2], Color32)]) -> Self {
        use rayon::prelude::*;
        let levels = DOT_LEVELS_DEG
            .par_iter()
            .map(|cell| {
                let mut cells: std::collections::BTreeMap<(i64, i64), Color32> =
                    std::collections::BTreeMap::new();
                for (p, colour) in points {
                    let key = ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
                    cells.entry(key).or_insert(*colour);
                }
                cells
                    .into_iter()
                    .map(|((x, y), c)| ([(x as f64 + 0.5) * cell, (y as f64 + 0.5) * cell], c))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>();
        Self { levels }
    }

    /// The finest level whose cells are at least `min_px` wide at `px_per_deg`, if any.
    fn level_for(&self, px_per_deg: f64, min_px: f64) -> Option<&[([f64; 2], Color32)]> {
        DOT_LEVELS_DEG
            .iter()
            .position(|cell| cell * px_per_deg >= min_px)
            .and_then(|i| self.levels.get(i))
            .map(Vec::as_slice)
    }
}

/// Closest two outline vertices kept on screen, in pixels: a 20-vertex land a few pixels wide
/// is stroked with a handful of segments instead of twenty sub-pixel ones.
const MIN_SEGMENT_PX: f32 = 1.5;

/// A ring (Web Mercator) on the screen without the vertices closer than [`MIN_SEGMENT_PX`] to
/// the last one kept (the last vertex is always kept, so the ring stays closed).
fn screen_ring(to_screen: &ScreenTransform, ring: &[[f64; 2]]) -> Vec<Pos2> {
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
struct ScreenTransform {
    scale: [f64; 2],
    offset: [f64; 2],
}

impl ScreenTransform {
    fn new(projector: &Projector<'_>, view: [f64; 4]) -> Self {
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
    fn apply(&self, m: [f64; 2]) -> Pos2 {
        Pos2::new(
            (m[0] * self.scale[0] + self.offset[0]) as f32,
            (m[1] * self.scale[1] + self.offset[1]) as f32,
        )
    }
}

/// Adds a square of `size` pixels centred on `c` to `mesh` (two triangles, no feathering).
fn push_square(mesh: &mut Mesh, c: Pos2, size: f32, colour: Color32) {
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
struct CellGrid {
    origin: Pos2,
    cell_px: f32,
    columns: usize,
    rows: usize,
    taken: Vec<bool>,
}

impl CellGrid {
    /// A grid over `clip`; a `cell_px` of 0 makes an empty grid that takes nothing.
    #[expect(
        clippy::cast_sign_loss,
        reason = "the cell counts are clamped to at least 1 before the cast"
    )]
    fn new(clip: Rect, cell_px: f32) -> Self {
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
    fn take(&mut self, p: Pos2) -> bool {
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
fn px_per_deg(projector: &Projector<'_>, view: [f64; 4]) -> f64 {
    let lat = f64::midpoint(view[1], view[3]);
    let lon = f64::midpoint(view[0], view[2]);
    let a = project(projector, [lon, lat]);
    let b = project(projector, [lon + 0.01, lat]);
    f64::from((b.x - a.x).abs()) * 100.0
}

/// A hazard report ready to draw.
#[derive(Debug, Clone)]
struct MapReport {
    lon_lat: [f64; 2],
    category: EoCategory,
    code: String,
    land: Option<LandId>,
}

/// What the map reports back after a frame.
#[derive(Debug, Default, Clone)]
pub struct MapInteraction {
    /// The land under the pointer.
    pub hovered: Option<LandId>,
    /// A land clicked this frame.
    pub clicked: Option<LandId>,
    /// The pointer's position on the map.
    pub pointer: Option<LonLat>,
    /// Where the map was clicked this frame.
    pub clicked_at: Option<LonLat>,
    /// A vertex of the land being recorded was moved, inserted or deleted.
    pub vertex_edit: Option<VertexEdit>,
}

/// The map view's state (kept across frames).
pub struct MapView {
    /// Zoom and centre.
    pub memory: MapMemory,
    lands: Vec<MapLandShape>,
    /// Bounding boxes of `lands` (value = index), for the view query and hover tests.
    index: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
    /// Indices of `lands` by bounding-box size, largest first (overview: only these are
    /// big enough to draw as polygons).
    by_size: Vec<(f64, usize)>,
    /// Overview dots of the lands (status colour).
    land_dots: Arc<DotLevels>,
    /// Hazard reports ready to draw, and their overview dots.
    reports: Arc<Vec<MapReport>>,
    report_dots: Arc<DotLevels>,
    countries: Arc<Vec<MapCountry>>,
    basemap_error: Option<String>,
    /// Set to fit a bounding box on the next frame (needs the map's size).
    pending_fit: Option<[f64; 4]>,
    /// What the last frame saw.
    pub interaction: MapInteraction,
    /// A user's raster basemap (MBTiles), drawn under the vector layers.
    pub raster: Option<super::raster_tiles::RasterTiles>,
    /// Online OpenStreetMap tiles (off unless the user enables them), cached on disk.
    pub online: Option<walkers::HttpTiles>,
    /// The measuring tool is on: map clicks add measurement points.
    pub measuring: bool,
    /// Points of the current measurement.
    pub measure: Vec<LonLat>,
}

impl Default for MapView {
    fn default() -> Self {
        Self::new()
    }
}

impl MapView {
    /// A map centred on the Western Balkans with the embedded basemap.
    pub fn new() -> Self {
        let (countries, basemap_error) = match Basemap::embedded() {
            Ok(b) => (
                b.countries
                    .iter()
                    .map(|c| MapCountry {
                        bbox: c.bbox_lon_lat,
                        parts: prepare(&c.shape),
                    })
                    .collect(),
                None,
            ),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        let mut memory = MapMemory::default();
        memory.center_at(lon_lat(18.0, 44.0));
        if memory.set_zoom(6.0).is_err() {
            // 6 is within walkers' range; keep the default zoom otherwise.
        }
        Self {
            memory,
            lands: Vec::new(),
            index: RTree::new(),
            by_size: Vec::new(),
            land_dots: Arc::new(DotLevels::default()),
            reports: Arc::new(Vec::new()),
            report_dots: Arc::new(DotLevels::default()),
            countries: Arc::new(countries),
            basemap_error,
            pending_fit: None,
            raster: None,
            online: None,
            measuring: false,
            measure: Vec::new(),
            interaction: MapInteraction::default(),
        }
    }

    /// Rebuilds the drawable lands from fresh records.
    pub fn set_records(&mut self, records: &Records) {
        self.lands = records
            .lands
            .iter()
            .filter_map(|l| {
                let s = &l.summary;
                let bbox = l
                    .bbox_lon_lat
                    .or_else(|| s.centroid.map(|[x, y]| [x, y, x, y]))?;
                let (low, high) = (
                    mercator_world_fraction([bbox[0], bbox[1]]),
                    mercator_world_fraction([bbox[2], bbox[3]]),
                );
                Some(MapLandShape {
                    id: s.id,
                    bbox_mercator: [low[0], low[1], high[0], high[1]],
                    code: s.code.clone(),
                    classification: s.classification,
                    status: s.status,
                    flagged: s.geometry_issue.is_some(),
                    bbox,
                    released_shapes: l.released.clone(),
                    prepared: std::cell::OnceCell::new(),
                    shape: l.geometry.clone(),
                    anchor: s.centroid,
                })
            })
            .collect();
        self.index = RTree::bulk_load(
            self.lands
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    GeomWithData::new(
                        Rectangle::from_corners([l.bbox[0], l.bbox[1]], [l.bbox[2], l.bbox[3]]),
                        i,
                    )
                })
                .collect(),
        );
        self.by_size = self
            .lands
            .iter()
            .enumerate()
            .map(|(i, l)| ((l.bbox[2] - l.bbox[0]).max(l.bbox[3] - l.bbox[1]), i))
            .collect();
        self.by_size
            .sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let land_points: Vec<([f64; 2], Color32)> = self
            .lands
            .iter()
            .map(|l| {
                (
                    [
                        f64::midpoint(l.bbox[0], l.bbox[2]),
                        f64::midpoint(l.bbox[1], l.bbox[3]),
                    ],
                    theme::land_outline(l.status).0.color,
                )
            })
            .collect();
        self.land_dots = Arc::new(DotLevels::new(&land_points));
        self.reports = Arc::new(
            records
                .reports
                .iter()
                .map(|r| MapReport {
                    lon_lat: [r.location.lon_lat.lon_deg, r.location.lon_lat.lat_deg],
                    category: r.eo_category,
                    code: r.code.clone(),
                    land: r.land_id,
                })
                .collect(),
        );
        let report_points: Vec<([f64; 2], Color32)> = self
            .reports
            .iter()
            .map(|r| (r.lon_lat, theme::eo_colour(r.category)))
            .collect();
        self.report_dots = Arc::new(DotLevels::new(&report_points));
    }

    /// Fits the view to a bounding box `[min_lon, min_lat, max_lon, max_lat]` on the next frame.
    pub fn fit(&mut self, bbox: [f64; 4]) {
        self.pending_fit = Some(bbox);
    }

    /// Fits the view to every land.
    pub fn fit_all(&mut self) {
        let mut all: Option<[f64; 4]> = None;
        for l in &self.lands {
            all = Some(match all {
                None => l.bbox,
                Some(a) => [
                    a[0].min(l.bbox[0]),
                    a[1].min(l.bbox[1]),
                    a[2].max(l.bbox[2]),
                    a[3].max(l.bbox[3]),
                ],
            });
        }
        if let Some(b) = all {
            self.fit(b);
        }
    }

    /// The bounding box of a set of lands, if any of them has a position.
    pub fn bbox_of(&self, ids: &std::collections::BTreeSet<LandId>) -> Option<[f64; 4]> {
        self.lands
            .iter()
            .filter(|l| ids.contains(&l.id))
            .map(|l| l.bbox)
            .reduce(|a, b| {
                [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ]
            })
    }

    /// The bounding box of one land, if it has a position.
    pub fn land_bbox(&self, id: LandId) -> Option<[f64; 4]> {
        self.lands.iter().find(|l| l.id == id).map(|l| l.bbox)
    }

    /// Draws the map and its overlays.
    pub fn ui(&mut self, ui: &mut Ui, selected: Option<LandId>, options: &MapOptions<'_>) {
        if let Some(bbox) = self.pending_fit.take() {
            fit_bbox(&mut self.memory, bbox, ui.available_size());
        }
        let mut interaction = MapInteraction::default();
        let mut edit = None;
        let countries = Arc::clone(&self.countries);
        let lands = &self.lands;
        let reports = ReportsPlugin {
            show: options.show_reports,
            reports: Arc::clone(&self.reports),
            dots: Arc::clone(&self.report_dots),
            scope: options.scope,
        };
        let basemap_error = self.basemap_error.clone();
        let format = options.format;
        if let Some(r) = &mut self.raster {
            r.poll();
        }
        let raster_attribution = match (&self.raster, &self.online) {
            (Some(r), _) => Some(r.attribution_text().to_owned()),
            (None, Some(o)) => Some(format!("Tiles: {}", walkers::Tiles::attribution(o).text)),
            (None, None) => None,
        };
        let outline_only = self.raster.is_some() || self.online.is_some();
        // An MBTiles file the user opened wins over online tiles.
        let tiles: Option<&mut dyn walkers::Tiles> = match (&mut self.raster, &mut self.online) {
            (Some(r), _) => Some(r),
            (None, Some(o)) => Some(o),
            (None, None) => None,
        };
        Map::new(tiles, &mut self.memory, lon_lat(18.0, 44.0))
            .with_plugin(BasemapPlugin {
                countries,
                outline_only,
            })
            .with_plugin(LandsPlugin {
                lands,
                index: &self.index,
                by_size: &self.by_size,
                dots: &self.land_dots,
                scope: options.scope,
                selected,
                show_labels: options.show_labels,
                interaction: &mut interaction,
            })
            .with_plugin(reports)
            .with_plugin(TraversePlugin {
                points: options.traverse,
            })
            .with_plugin(MeasurePlugin {
                points: &self.measure,
            })
            .with_plugin(PreviewPlugin {
                points: options.preview,
                edit: &mut edit,
            })
            .show(ui, |ui, response, projector, _memory| {
                overlays(
                    ui,
                    response,
                    projector,
                    format,
                    basemap_error.as_deref(),
                    raster_attribution.as_deref(),
                );
            });
        interaction.vertex_edit = edit;
        self.interaction = interaction;
    }
}

/// What the map shows besides the records.
pub struct MapOptions<'a> {
    /// Coordinate format of the cursor read-out.
    pub format: CoordFormat,
    /// Land codes as labels.
    pub show_labels: bool,
    /// Hazard report symbols.
    pub show_reports: bool,
    /// Points of the land being recorded with their row index (a live preview with handles).
    pub preview: &'a [(usize, SurveyPoint)],
    /// The traverse being entered: benchmark, then one point per leg (dashed preview).
    pub traverse: &'a [LonLat],
    /// When the dashboard is open: only these lands (and their hazard reports) are drawn.
    pub scope: Option<&'a std::collections::BTreeSet<LandId>>,
}

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

struct MeasurePlugin<'a> {
    points: &'a [LonLat],
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
        let text = match m.1 {
            Some(area) => format!(
                "Distance {:.1} m · area {} ({:.4} ha)",
                m.0,
                crate::domain::AreaM2::whole(area),
                area / 10_000.0
            ),
            None => format!("Distance {:.1} m", m.0),
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

struct TraversePlugin<'a> {
    points: &'a [LonLat],
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

struct PreviewPlugin<'a> {
    points: &'a [(usize, SurveyPoint)],
    edit: &'a mut Option<VertexEdit>,
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
            response.on_hover_text("Click to insert a vertex here");
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
            response.on_hover_text("Drag to move; right-click to delete");
        }
    }
}

/// Sets zoom and centre so that `bbox` fills about 80 % of a map of `size` pixels.
fn fit_bbox(memory: &mut MapMemory, bbox: [f64; 4], size: Vec2) {
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

fn visible_bbox(projector: &Projector<'_>) -> [f64; 4] {
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

fn intersects(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1]
}

fn project(projector: &Projector<'_>, p: [f64; 2]) -> Pos2 {
    projector.project(lon_lat(p[0], p[1])).to_pos2()
}

fn fill_mesh(to_screen: &ScreenTransform, part: &PreparedPolygon, colour: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    for v in &part.vertices {
        mesh.colored_vertex(to_screen.apply(*v), colour);
    }
    for t in &part.triangles {
        mesh.add_triangle(t[0], t[1], t[2]);
    }
    mesh
}

struct BasemapPlugin {
    countries: Arc<Vec<MapCountry>>,
    /// A raster basemap is drawn below: draw only the boundaries, no sea or land fill.
    outline_only: bool,
}

impl Plugin for BasemapPlugin {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        if !self.outline_only {
            painter.rect_filled(projector.clip_rect(), 0.0, theme::SEA);
        }
        let view = visible_bbox(projector);
        let to_screen = ScreenTransform::new(projector, view);
        let stroke = Stroke::new(1.0, theme::BOUNDARY);
        for c in self.countries.iter().filter(|c| intersects(c.bbox, view)) {
            for part in &c.parts {
                if !self.outline_only {
                    painter.add(Shape::mesh(fill_mesh(&to_screen, part, theme::LAND)));
                }
                for ring in &part.rings {
                    painter.add(Shape::line(screen_ring(&to_screen, ring), stroke));
                }
            }
        }
    }
}

struct LandsPlugin<'a> {
    lands: &'a [MapLandShape],
    index: &'a RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
    by_size: &'a [(f64, usize)],
    dots: &'a DotLevels,
    scope: Option<&'a std::collections::BTreeSet<LandId>>,
    selected: Option<LandId>,
    show_labels: bool,
    interaction: &'a mut MapInteraction,
}

impl Plugin for LandsPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let view = visible_bbox(projector);
        let pointer_position = response
            .hover_pos()
            .map(|p| projector.unproject(p.to_vec2()));
        let mut hovered = None;
        let zoom = projector.zoom();
        let mut labels = Vec::new();
        let scope = self.scope;
        // Hover: only the lands whose box holds the pointer.
        if let (Some(p), Some(screen)) = (pointer_position, response.hover_pos()) {
            // ±8 px, so a land drawn as a marker (no polygon) is found too.
            let a = projector.unproject((screen - Vec2::splat(8.0)).to_vec2());
            let b = projector.unproject((screen + Vec2::splat(8.0)).to_vec2());
            let at = AABB::from_corners([a.x(), a.y()], [b.x(), b.y()]);
            hovered = self
                .index
                .locate_in_envelope_intersecting(&at)
                .map(|e| &self.lands[e.data])
                .filter(|l| scope.is_none_or(|s| s.contains(&l.id)))
                .find(|l| land_contains(l, p, projector))
                .map(|l| l.id);
        }
        // Level of detail. Overview (cells of the finest dot level under 6 px): precomputed
        // dots for every land, and polygons only for the lands big enough to see (from the
        // size-sorted list). Detail: the lands in view from the index; those under 5 px are dots.
        let clip = projector.clip_rect();
        let to_screen = ScreenTransform::new(projector, view);
        let scale = px_per_deg(projector, view);
        let mut dots = Mesh::default();
        let overview = scope.is_none() && DOT_LEVELS_DEG[0] * scale < 6.0;
        let mut visible: Vec<usize> = if overview {
            if let Some(level) = self.dots.level_for(scale, 4.0) {
                for (p, colour) in level {
                    if intersects([p[0], p[1], p[0], p[1]], view) {
                        push_square(&mut dots, project(projector, *p), 3.0, *colour);
                    }
                }
            }
            let min_deg = 5.0 / scale.max(1e-9);
            self.by_size
                .iter()
                .take_while(|(size, _)| *size >= min_deg)
                .map(|(_, i)| *i)
                .filter(|i| intersects(self.lands[*i].bbox, view))
                .collect()
        } else {
            let view_box = AABB::from_corners([view[0], view[1]], [view[2], view[3]]);
            self.index
                .locate_in_envelope_intersecting(&view_box)
                .map(|e| e.data)
                .collect()
        };
        // Dots go under the polygons: reserve their place now, fill it after the loop.
        let dots_slot = painter.add(Shape::Noop);
        // The selected land is always drawn in full.
        if let Some(i) = self
            .selected
            .and_then(|id| self.lands.iter().position(|l| l.id == id))
            .filter(|i| overview && intersects(self.lands[*i].bbox, view))
        {
            visible.push(i);
        }
        // Draw in a stable order (codes), so overlapping lands look the same every frame.
        visible.sort_unstable();
        visible.dedup();
        let mut cells = CellGrid::new(clip, if overview { 0.0 } else { 4.0 });
        for land in visible
            .into_iter()
            .map(|i| &self.lands[i])
            .filter(|l| scope.is_none_or(|s| s.contains(&l.id)))
        {
            let is_hovered = hovered == Some(land.id);
            let is_selected = self.selected == Some(land.id);
            let corner_a = to_screen.apply([land.bbox_mercator[0], land.bbox_mercator[1]]);
            let corner_b = to_screen.apply([land.bbox_mercator[2], land.bbox_mercator[3]]);
            let size_px = (corner_b - corner_a).abs().max_elem();
            if size_px < 5.0 && !is_selected && !is_hovered {
                let centre = corner_a + (corner_b - corner_a) * 0.5;
                if overview || !cells.take(centre) {
                    continue;
                }
                let (outline, _) = theme::land_outline(land.status);
                push_square(&mut dots, centre, 3.0, outline.color);
                continue;
            }
            let (mut stroke, dashed) = theme::land_outline(land.status);
            if self.selected == Some(land.id) {
                stroke = Stroke::new(4.0, theme::SELECTED);
            } else if is_hovered {
                stroke = Stroke::new(3.0, theme::HOVER);
            }
            let prepared = land.prepared();
            if prepared.parts.is_empty()
                && let Some(a) = land.anchor
            {
                {
                    let c = project(projector, a);
                    let d = 7.0;
                    let diamond = vec![
                        c + Vec2::new(0.0, -d),
                        c + Vec2::new(d, 0.0),
                        c + Vec2::new(0.0, d),
                        c + Vec2::new(-d, 0.0),
                    ];
                    painter.add(Shape::convex_polygon(
                        diamond,
                        theme::land_fill(land.classification),
                        stroke,
                    ));
                }
            }
            for part in &prepared.parts {
                painter.add(Shape::mesh(fill_mesh(
                    &to_screen,
                    part,
                    theme::land_fill(land.classification),
                )));
                for ring in &part.rings {
                    let points = screen_ring(&to_screen, ring);
                    if dashed && self.selected != Some(land.id) && !is_hovered {
                        painter.extend(Shape::dashed_line(&points, stroke, 8.0, 5.0));
                    } else {
                        painter.add(Shape::line(points, stroke));
                    }
                }
            }
            for part in &prepared.released {
                painter.add(Shape::mesh(fill_mesh(
                    &to_screen,
                    part,
                    theme::RELEASED_FILL,
                )));
                for ring in &part.rings {
                    let points = screen_ring(&to_screen, ring);
                    painter.add(Shape::line(points, Stroke::new(1.5, theme::CLOSED_OUTLINE)));
                }
            }
            let screen = Rect::from_two_pos(corner_a, corner_b);
            if self.show_labels
                && (zoom >= 13.0 || screen.width() > 40.0)
                && let Some(a) = land.anchor
            {
                labels.push((project(projector, a), land.code.clone(), land.flagged));
            }
        }
        painter.set(dots_slot, Shape::mesh(dots));
        for (pos, code, flagged) in labels {
            let text = if flagged {
                format!("{code} (flagged)")
            } else {
                code
            };
            let font = FontId::proportional(12.0);
            let galley = painter.layout_no_wrap(
                text,
                font,
                if flagged {
                    theme::FLAGGED
                } else {
                    theme::LABEL
                },
            );
            let rect = Align2::CENTER_CENTER
                .anchor_size(pos, galley.size())
                .expand(2.0);
            painter.rect_filled(rect, 3.0, theme::LABEL_HALO);
            painter.galley(rect.min + Vec2::splat(2.0), galley, theme::LABEL);
        }
        self.interaction.hovered = hovered;
        self.interaction.pointer =
            pointer_position.and_then(|p| LonLat::lon_lat(p.x(), p.y()).ok());
        if response.clicked() {
            self.interaction.clicked = hovered;
            self.interaction.clicked_at = self.interaction.pointer;
        }
        if let Some(id) = hovered
            && let Some(land) = self.lands.iter().find(|l| l.id == id)
        {
            response.clone().on_hover_text_at_pointer(format!(
                "{} · {} · {}",
                land.code,
                land.classification.label(),
                land.status.label()
            ));
        }
    }
}

fn land_contains(land: &MapLandShape, p: Point<f64>, projector: &Projector<'_>) -> bool {
    match &land.shape {
        Some(shape) => shape.contains(&p),
        None => land.anchor.is_some_and(|a| {
            (project(projector, a) - project(projector, [p.x(), p.y()])).length() < 8.0
        }),
    }
}

struct ReportsPlugin<'a> {
    show: bool,
    reports: Arc<Vec<MapReport>>,
    dots: Arc<DotLevels>,
    scope: Option<&'a std::collections::BTreeSet<LandId>>,
}

impl Plugin for ReportsPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        if !self.show {
            return;
        }
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let view = visible_bbox(projector);
        // Overview (and no dashboard scope): precomputed dots of cells at least 4 px wide.
        if self.scope.is_none()
            && let Some(dots) = self.dots.level_for(px_per_deg(projector, view), 6.0)
        {
            let mut mesh = Mesh::default();
            for (p, colour) in dots {
                if intersects([p[0], p[1], p[0], p[1]], view) {
                    push_square(&mut mesh, project(projector, *p), 3.0, *colour);
                }
            }
            painter.add(Shape::mesh(mesh));
            return;
        }
        let hover = response.hover_pos();
        let in_view = self.reports.iter().filter(|r| {
            intersects(
                [r.lon_lat[0], r.lon_lat[1], r.lon_lat[0], r.lon_lat[1]],
                view,
            ) && self
                .scope
                .is_none_or(|s| r.land.is_some_and(|id| s.contains(&id)))
        });
        // One text layout per EO category per frame, not one per symbol.
        let symbols: Vec<std::sync::Arc<egui::Galley>> = EoCategory::ALL
            .iter()
            .map(|c| {
                painter.layout_no_wrap(
                    c.symbol().to_owned(),
                    FontId::proportional(9.0),
                    Color32::WHITE,
                )
            })
            .collect();
        for r in in_view {
            let c = project(projector, r.lon_lat);
            painter.circle_filled(c, 8.0, theme::eo_colour(r.category));
            painter.circle_stroke(c, 8.0, Stroke::new(1.5, Color32::WHITE));
            if let Some(galley) = EoCategory::ALL
                .iter()
                .position(|x| *x == r.category)
                .and_then(|i| symbols.get(i))
            {
                let at = Align2::CENTER_CENTER.anchor_size(c, galley.size()).min;
                painter.galley(at, std::sync::Arc::clone(galley), Color32::WHITE);
            }
            if hover.is_some_and(|h| (h - c).length() < 9.0) {
                response.clone().on_hover_text_at_pointer(format!(
                    "{} · {}",
                    r.code,
                    r.category.label()
                ));
            }
        }
    }
}

/// Scale bar (bottom left), cursor coordinates and attribution (bottom right).
fn overlays(
    ui: &Ui,
    response: &Response,
    projector: &Projector<'_>,
    format: CoordFormat,
    basemap_error: Option<&str>,
    raster_attribution: Option<&str>,
) {
    let rect = projector.clip_rect();
    let painter = ui.painter().with_clip_rect(rect);
    // Scale bar: the largest 1-2-5 length that fits in 120 px at the map centre.
    let centre = projector.unproject(rect.center().to_vec2());
    let px_per_m = f64::from(projector.scale_pixel_per_meter(centre));
    if px_per_m.is_finite() && px_per_m > 0.0 {
        let max_m = 120.0 / px_per_m;
        let magnitude = 10f64.powf(max_m.log10().floor());
        let length_m = [5.0, 2.0, 1.0]
            .iter()
            .map(|f| f * magnitude)
            .find(|l| *l <= max_m)
            .unwrap_or(magnitude);
        let length_px = (length_m * px_per_m) as f32;
        let base = rect.left_bottom() + Vec2::new(12.0, -40.0);
        let bar = Rect::from_min_size(base - Vec2::new(0.0, 6.0), Vec2::new(length_px, 6.0));
        painter.rect_filled(bar.expand(3.0), 2.0, theme::LABEL_HALO);
        painter.rect_filled(bar, 0.0, theme::LABEL);
        let label = if length_m >= 1000.0 {
            format!("{} km", length_m / 1000.0)
        } else {
            format!("{length_m} m")
        };
        painter.text(
            bar.right_top() + Vec2::new(6.0, -2.0),
            Align2::LEFT_CENTER,
            label,
            FontId::proportional(12.0),
            theme::LABEL,
        );
    }
    let mut lines = Vec::new();
    if let Some(pos) = response.hover_pos() {
        let p = projector.unproject(pos.to_vec2());
        if let Ok(ll) = LonLat::lon_lat(p.x(), p.y()) {
            lines.push(format_coord(ll, format));
        }
    }
    if let Some(a) = raster_attribution {
        lines.push(a.to_owned());
    }
    lines.push(format!("Basemap: {BASEMAP_ATTRIBUTION}. {BASEMAP_NOTE}"));
    if let Some(e) = basemap_error {
        lines.push(format!("Basemap unavailable: {e}"));
    }
    let mut y = rect.bottom() - 8.0;
    for line in lines.iter().rev() {
        let galley = painter.layout_no_wrap(line.clone(), FontId::proportional(11.0), theme::LABEL);
        let r = Align2::RIGHT_BOTTOM
            .anchor_size(Pos2::new(rect.right() - 8.0, y), galley.size())
            .expand(2.0);
        painter.rect_filled(r, 2.0, theme::LABEL_HALO);
        painter.galley(r.min + Vec2::splat(2.0), galley, theme::LABEL);
        y = r.top() - 2.0;
    }
}
