//! The map's layers, drawn as `walkers` plugins under the overlays: the basemap, the lands in
//! IMAS symbology (with their released parts and labels) and the hazard reports.

use super::MapInteraction;
use super::prepared::{
    CellGrid, DOT_LEVELS_DEG, DotLevels, MapCountry, MapLandShape, MapReport, ScreenTransform,
    fill_mesh, intersects, land_contains, project, push_square, px_per_deg, screen_ring,
    visible_bbox,
};
use crate::domain::{EoCategory, LandId, LonLat};
use crate::ui::theme;
use egui::{Align2, Color32, FontId, Mesh, Rect, Response, Shape, Stroke, Ui, Vec2};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use std::sync::Arc;
use walkers::{MapMemory, Plugin, Projector};

pub(super) struct BasemapPlugin {
    pub(super) countries: Arc<Vec<MapCountry>>,
    /// A raster basemap is drawn below: draw only the boundaries, no sea or land fill.
    pub(super) outline_only: bool,
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

pub(super) struct LandsPlugin<'a> {
    pub(super) lands: &'a [MapLandShape],
    pub(super) index: &'a RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
    pub(super) by_size: &'a [(f64, usize)],
    pub(super) dots: &'a DotLevels,
    pub(super) scope: Option<&'a std::collections::BTreeSet<LandId>>,
    pub(super) selected: Option<LandId>,
    pub(super) show_labels: bool,
    pub(super) interaction: &'a mut MapInteraction,
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
                crate::ui::language::tr(ui.ctx()).map_flagged(code.as_str())
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

pub(super) struct ReportsPlugin<'a> {
    pub(super) show: bool,
    pub(super) reports: Arc<Vec<MapReport>>,
    pub(super) dots: Arc<DotLevels>,
    pub(super) scope: Option<&'a std::collections::BTreeSet<LandId>>,
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
        // Overview only (as for lands: the finest dot cells under 6 px, no dashboard scope):
        // one dot per cell at least 6 px wide, each at a real report's position. Closer, every
        // report is drawn at its own position with its symbol and tooltip (field trial D1).
        let scale = px_per_deg(projector, view);
        if self.scope.is_none()
            && DOT_LEVELS_DEG[0] * scale < 6.0
            && let Some(dots) = self.dots.level_for(scale, 6.0)
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
