//! The map: a `walkers` map with the offline vector basemap, the lands in IMAS symbology and
//! the hazard reports, drawn as plugins; scale bar, cursor coordinates and attribution on top.
//!
//! Geometry is prepared once per records update (triangulated fills in lon/lat); each frame only
//! culls by bounding box, projects and paints.

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Pos2, Rect, Response, Ui, Vec2};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};
use walkers::{Map, MapMemory, Projector, lon_lat};

use super::theme;
use crate::app::Records;
use crate::basemap::{BASEMAP_ATTRIBUTION, Basemap};
use crate::domain::{CoordFormat, LandId, LonLat, SurveyPoint};
use crate::geometry::coords::format_coord;
use crate::geometry::mercator_world_fraction;

mod conflict;
mod editing;
mod layers;
mod prepared;
mod reference;
use conflict::ConflictPlugin;
pub use conflict::{MINE as CONFLICT_MINE, THEIRS as CONFLICT_THEIRS};
use editing::{MeasurePlugin, PreviewPlugin, TraversePlugin, TypedPointsPlugin};
pub use editing::{VertexEdit, measure};
use layers::{BasemapPlugin, LandsPlugin, ReportsPlugin};
use prepared::{DotLevels, MapCountry, MapLandShape, MapReport, fit_bbox, prepare};
use reference::{RefLayer, ReferencePlugin, prepare_layers};

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
    /// The map's size on the screen this frame, in points.
    pub size: Vec2,
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
    /// The store's visible vector reference layers, prepared for drawing (bottom first).
    reference: Arc<Vec<RefLayer>>,
    /// The topmost visible tile package of the store's reference layers (wins over the
    /// device's MBTiles and online tiles), with its file.
    reference_tiles: Option<(std::path::PathBuf, Box<dyn walkers::Tiles>)>,
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
            reference: Arc::new(Vec::new()),
            reference_tiles: None,
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

    /// Takes the store's reference layers: prepares the visible vector layers and opens the
    /// topmost visible tile package (kept open when it is the same file as before).
    pub fn set_reference_layers(
        &mut self,
        layers: &[crate::app::LoadedLayer],
        ctx: &egui::Context,
    ) {
        self.reference = Arc::new(prepare_layers(layers));
        let tiles = layers
            .iter()
            .rev()
            .find(|l| l.spec.visible && l.spec.format.is_tiles() && l.features.is_ok());
        match tiles {
            None => self.reference_tiles = None,
            Some(l)
                if self
                    .reference_tiles
                    .as_ref()
                    .is_some_and(|(p, _)| *p == l.spec.path) => {}
            Some(l) => {
                let source: Option<Box<dyn walkers::Tiles>> = match l.spec.format {
                    crate::domain::LayerFormat::PmTiles => {
                        Some(Box::new(walkers::PmTiles::new(&l.spec.path, ctx.clone())))
                    }
                    _ => super::raster_tiles::RasterTiles::open(&l.spec.path, ctx)
                        .ok()
                        .map(|t| Box::new(t) as Box<dyn walkers::Tiles>),
                };
                self.reference_tiles = source.map(|s| (l.spec.path.clone(), s));
            }
        }
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

    /// The map's zoom level (web map levels: 0 is the whole world).
    pub fn zoom(&self) -> f64 {
        self.memory.zoom()
    }

    /// The open lands (not closed or handed over) whose polygon overlaps `shape`, by code, the
    /// land being edited left out: a warning while drawing, before anything is saved.
    pub fn open_lands_overlapping(
        &self,
        shape: &geo_types::MultiPolygon<f64>,
        except: Option<LandId>,
    ) -> Vec<String> {
        use crate::domain::LandStatus;
        use geo::{BoundingRect, Intersects};
        let Some(rect) = shape.bounding_rect() else {
            return Vec::new();
        };
        let envelope =
            rstar::AABB::from_corners([rect.min().x, rect.min().y], [rect.max().x, rect.max().y]);
        let mut codes: Vec<String> = self
            .index
            .locate_in_envelope_intersecting(&envelope)
            .map(|e| &self.lands[e.data])
            .filter(|l| Some(l.id) != except)
            .filter(|l| !matches!(l.status, LandStatus::Closed | LandStatus::HandedOver))
            .filter(|l| l.shape.as_ref().is_some_and(|s| s.intersects(shape)))
            .map(|l| l.code.clone())
            .collect();
        codes.sort();
        codes
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
        let mut interaction = MapInteraction {
            size: ui.available_size(),
            ..MapInteraction::default()
        };
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
        let raster_attribution = match (&self.reference_tiles, &self.raster, &self.online) {
            (Some((path, _)), _, _) => Some(
                super::language::tr(ui.ctx()).map_tiles(
                    path.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                ),
            ),
            (None, Some(r), _) => Some(r.attribution_text(super::language::tr(ui.ctx()))),
            (None, None, Some(o)) => {
                Some(super::language::tr(ui.ctx()).map_tiles(walkers::Tiles::attribution(o).text))
            }
            (None, None, None) => None,
        };
        let outline_only =
            self.reference_tiles.is_some() || self.raster.is_some() || self.online.is_some();
        // The store's tile package wins over the device's MBTiles, which wins over online tiles.
        let tiles: Option<&mut dyn walkers::Tiles> = match (
            &mut self.reference_tiles,
            &mut self.raster,
            &mut self.online,
        ) {
            (Some((_, t)), _, _) => Some(t.as_mut()),
            (None, Some(r), _) => Some(r),
            (None, None, Some(o)) => Some(o),
            (None, None, None) => None,
        };
        let reference = ReferencePlugin {
            layers: Arc::clone(&self.reference),
        };
        Map::new(tiles, &mut self.memory, lon_lat(18.0, 44.0))
            // The wheel zooms at the pointer, as in every web map (a touchpad's two-finger drag
            // zooms too; drag with the mouse to pan).
            .zoom_with_ctrl(false)
            .with_plugin(BasemapPlugin {
                countries,
                outline_only,
            })
            .with_plugin(reference)
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
            .with_plugin(TypedPointsPlugin {
                points: options.typed_points,
            })
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
            .with_plugin(ConflictPlugin {
                mine: options.conflict.and_then(|c| c.0.as_ref()),
                theirs: options.conflict.and_then(|c| c.1.as_ref()),
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
    /// The selected land's typed points (benchmark, reference, turning points…), drawn with
    /// their symbols and labels.
    pub typed_points: &'a [SurveyPoint],
    /// A land geometry conflict being looked at: this laptop's polygon and the other's.
    pub conflict: Option<&'a ConflictPolygons>,
}

/// The two polygons of a land geometry conflict: this laptop's and the other's.
pub use crate::app::ConflictPolygons;

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
    let tr = super::language::tr(ui.ctx());
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
            tr.unit_km(crate::i18n::Arg::decimal(length_m / 1000.0, 0))
        } else {
            tr.unit_m(crate::i18n::Arg::decimal(length_m, 0))
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
    lines.push(tr.map_basemap(BASEMAP_ATTRIBUTION, tr.map_not_authoritative()));
    if let Some(e) = basemap_error {
        lines.push(tr.map_basemap_unavailable(e));
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
