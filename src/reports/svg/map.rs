//! The report's map: projection, clipping, paths, the basemap, lands and points.

use super::ReportLayer;
use super::canvas::{MapLayers, Projection, PxRect, dash_attr, projected_box, write_point_symbol};
use super::frame::{close_svg, open_svg, write_message_box};
use super::labels::{BoxGrid, Coverage, LabelPlacer, MapLegend, write_furniture, write_labels};
use super::reference::{write_reference, write_reference_labels};
use super::text::{D1, Opacity, wrap_text};
use super::{
    BOUNDARY, LAND, LegendEntry, MARKER_PX, MIN_LAND_PX, MIN_VERTEX_STEP_PX, MUTED, MapPoint,
    MapPolygon, SEA, SMALL_SIZE, Tr,
};
use crate::geometry::mercator_unit_sphere;
use crate::reports::escape::TextContent;
use geo::BoundingRect;
use geo_types::{LineString, MultiPolygon};
use rustc_hash::FxHashSet as HashSet;
use std::fmt::{self, Write as _};

// ---------------------------------------------------------------------------------------------
// Map
// ---------------------------------------------------------------------------------------------

/// The Mercator bounds of the lands' and points' finite coordinates.
pub(super) fn data_bounds(
    lands: &[MapPolygon<'_>],
    points: &[MapPoint],
) -> Option<(f64, f64, f64, f64)> {
    let coords = lands
        .iter()
        .flat_map(|l| l.shape.0.iter())
        .flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y)))
        .chain(points.iter().map(|p| (p.lon, p.lat)));
    // Mercator keeps the order of longitudes and of latitudes: the box of the projected
    // positions is the projected box of the positions (two projections, not one per vertex).
    let mut bounds: Option<(f64, f64, f64, f64)> = None;
    for (lon, lat) in coords {
        if !(lon.is_finite() && lat.is_finite()) {
            continue;
        }
        bounds = Some(match bounds {
            None => (lon, lat, lon, lat),
            Some((x0, y0, x1, y1)) => (x0.min(lon), y0.min(lat), x1.max(lon), y1.max(lat)),
        });
    }
    let (lon0, lat0, lon1, lat1) = bounds?;
    let ([x0, y0], [x1, y1]) = (
        mercator_unit_sphere([lon0, lat0]),
        mercator_unit_sphere([lon1, lat1]),
    );
    Some((x0, y0, x1, y1))
}

/// Clips a ring (without its closing vertex) to `rect` (Sutherland–Hodgman); the result may run
/// along the rectangle's edges, which is right for the fill and harmless outside the frame.
pub(super) fn clip_ring(ring: &[(f64, f64)], rect: &PxRect) -> Vec<(f64, f64)> {
    let mut current = ring.to_vec();
    for side in 0..4 {
        if current.is_empty() {
            break;
        }
        let inside = |p: (f64, f64)| match side {
            0 => p.0 >= rect.x0,
            1 => p.0 <= rect.x1,
            2 => p.1 >= rect.y0,
            _ => p.1 <= rect.y1,
        };
        let cut = |a: (f64, f64), b: (f64, f64)| match side {
            0 | 1 => {
                let x = if side == 0 { rect.x0 } else { rect.x1 };
                let t = (x - a.0) / (b.0 - a.0);
                (x, a.1 + t * (b.1 - a.1))
            }
            _ => {
                let y = if side == 2 { rect.y0 } else { rect.y1 };
                let t = (y - a.1) / (b.1 - a.1);
                (a.0 + t * (b.0 - a.0), y)
            }
        };
        let input = std::mem::take(&mut current);
        let mut prev = input[input.len() - 1];
        for &point in &input {
            match (inside(prev), inside(point)) {
                (true, true) => current.push(point),
                (true, false) => current.push(cut(prev, point)),
                (false, true) => {
                    current.push(cut(prev, point));
                    current.push(point);
                }
                (false, false) => {}
            }
            prev = point;
        }
    }
    current
}

/// Projects, clips and thins polygons into SVG path data.
pub(super) struct PathWriter<'a> {
    pub(super) projection: &'a Projection,
    pub(super) clip: PxRect,
    pub(super) ring: Vec<(f64, f64)>,
}

impl PathWriter<'_> {
    /// Appends the rings of `shape` to `d`; returns whether anything was written.
    pub(super) fn write(
        &mut self,
        d: &mut String,
        shape: &MultiPolygon<f64>,
    ) -> Result<bool, fmt::Error> {
        let mut wrote = false;
        for polygon in &shape.0 {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                wrote |= self.write_ring(d, ring)?;
            }
        }
        Ok(wrote)
    }

    pub(super) fn write_ring(
        &mut self,
        d: &mut String,
        ring: &LineString<f64>,
    ) -> Result<bool, fmt::Error> {
        self.ring.clear();
        let mut bbox = PxRect {
            x0: f64::INFINITY,
            y0: f64::INFINITY,
            x1: f64::NEG_INFINITY,
            y1: f64::NEG_INFINITY,
        };
        for c in &ring.0 {
            if !(c.x.is_finite() && c.y.is_finite()) {
                continue;
            }
            let p = self.projection.project(c.x, c.y);
            bbox = PxRect {
                x0: bbox.x0.min(p.0),
                y0: bbox.y0.min(p.1),
                x1: bbox.x1.max(p.0),
                y1: bbox.y1.max(p.1),
            };
            self.ring.push(p);
        }
        if self.ring.len() > 1 && self.ring.first() == self.ring.last() {
            self.ring.pop();
        }
        if self.ring.len() < 3 || !bbox.intersects(&self.clip) {
            return Ok(false);
        }
        let clipped;
        let points: &[(f64, f64)] = if self.ring.iter().all(|&p| self.clip.contains(p)) {
            &self.ring
        } else {
            clipped = clip_ring(&self.ring, &self.clip);
            &clipped
        };
        let mut kept: Vec<(f64, f64)> = Vec::with_capacity(points.len().min(4096));
        for &p in points {
            if let Some(&last) = kept.last()
                && (p.0 - last.0).hypot(p.1 - last.1) < MIN_VERTEX_STEP_PX
            {
                continue;
            }
            kept.push(p);
        }
        while kept.len() > 1 {
            let (first, last) = (kept[0], kept[kept.len() - 1]);
            if (first.0 - last.0).hypot(first.1 - last.1) < MIN_VERTEX_STEP_PX {
                kept.pop();
            } else {
                break;
            }
        }
        if kept.len() < 3 {
            return Ok(false);
        }
        for (i, (x, y)) in kept.iter().enumerate() {
            let command = match i {
                0 => "M",
                1 => "L",
                _ => " ",
            };
            write!(d, "{command}{} {}", D1(*x), D1(*y))?;
        }
        d.push('Z');
        Ok(true)
    }
}

/// A map of the lands, in a view box of `width_px` × `height_px` (the map frame keeps at least
/// 150 px of height; the view box grows if the legend and attribution need more).
///
/// The view is Web Mercator fitted to the bounding box of `lands` and `points`, with a margin
/// and at least ~2 km each way. Drawn from bottom to top: the sea (RGB 200,222,238), the
/// `basemap` countries (lon/lat; RGB 242,239,229, boundaries RGB 150,140,130) — only those
/// whose bounding box meets the view, clipped to it —, the lands' fills, the `released`
/// polygons (on top of their lands), the lands' outlines (so they stay visible over the released
/// parts), the `points`, then the labels (`label` of each land, then of each released polygon)
/// at each polygon's interior point with a white halo, skipping a label that would overlap one
/// already placed (greedy, in input order). A scale bar with a round distance (1-2-5 × 10ⁿ m,
/// from the projection at the map's centre latitude), a north arrow and a frame finish the map;
/// the `legend` follows in a box below it, then the `attribution` line(s).
///
/// Each polygon is one `<path>` per pass with `fill-rule="evenodd"` (holes), outlines 1.5 px,
/// `stroke-dasharray="5 3"` when dashed. To keep the SVG bounded for very many lands, vertices
/// closer than 0.5 px to the previous drawn one are skipped, and a land smaller than 2 px is a
/// small square marker (one per 3-px cell). Without any finite coordinate in `lands` and
/// `points`, the map is a framed box saying so (`chart-no-lands`).
#[expect(
    clippy::too_many_arguments,
    reason = "the report calls it with each layer separately; the signature is fixed"
)]
pub fn map_svg(
    tr: Tr,
    lands: &[MapPolygon<'_>],
    released: &[MapPolygon<'_>],
    points: &[MapPoint],
    basemap: &[&MultiPolygon<f64>],
    legend: &[LegendEntry],
    attribution: &str,
    width_px: u32,
    height_px: u32,
) -> String {
    map_svg_with_reference(
        tr,
        lands,
        released,
        points,
        basemap,
        &[],
        legend,
        attribution,
        width_px,
        height_px,
    )
}

/// [`map_svg`] with the store's reference layers the user chose for the report, drawn over the
/// basemap and under the lands (bottom first), their names placed after the lands' labels.
#[expect(
    clippy::too_many_arguments,
    reason = "map_svg's layers and the reference layers, each separately"
)]
pub fn map_svg_with_reference(
    tr: Tr,
    lands: &[MapPolygon<'_>],
    released: &[MapPolygon<'_>],
    points: &[MapPoint],
    basemap: &[&MultiPolygon<f64>],
    reference: &[ReportLayer<'_>],
    legend: &[LegendEntry],
    attribution: &str,
    width_px: u32,
    height_px: u32,
) -> String {
    let mut out = String::new();
    let layers = MapLayers {
        lands,
        released,
        points,
        basemap,
        reference,
    };
    write_map(
        &mut out,
        tr,
        &layers,
        legend,
        attribution,
        width_px,
        height_px,
    )
    .map(|()| out)
    .unwrap_or_default()
}

pub(super) fn write_map(
    out: &mut String,
    tr: Tr,
    layers: &MapLayers<'_>,
    legend: &[LegendEntry],
    attribution: &str,
    width_px: u32,
    height_px: u32,
) -> fmt::Result {
    let width = f64::from(width_px.max(240));
    let height = f64::from(height_px.max(120));
    let label = tr.map_label(
        layers.lands.len(),
        layers.released.len(),
        layers.points.len(),
    );
    let Some(bounds) = data_bounds(layers.lands, layers.points) else {
        let height = height.min(120.0);
        open_svg(out, width, height, &tr.map_no_lands())?;
        write_message_box(
            out,
            (0.5, 0.5, width - 1.0, height - 1.0),
            &tr.chart_no_lands(),
        )?;
        return close_svg(out);
    };

    let legend_layout = MapLegend::new(legend, width);
    let attribution_lines = wrap_text(attribution, SMALL_SIZE, width - 2.0);
    let legend_h = if legend.is_empty() {
        0.0
    } else {
        legend_layout.height() + 8.0
    };
    let attribution_h = if attribution_lines.is_empty() {
        0.0
    } else {
        attribution_lines.len() as f64 * 13.0 + 5.0
    };
    let frame = PxRect {
        x0: 0.5,
        y0: 0.5,
        x1: width - 0.5,
        y1: (height - 0.5 - legend_h - attribution_h).max(150.0),
    };
    let total_h = frame.y1 + 0.5 + legend_h + attribution_h;
    let projection = Projection::fit(bounds, &frame);

    open_svg(out, width, total_h, &label)?;
    // Nested viewport: clips everything drawn inside to the frame, with no id to clash.
    writeln!(
        out,
        "<svg x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" viewBox=\"{x} {y} {w} {h}\" overflow=\"hidden\">",
        x = D1(frame.x0),
        y = D1(frame.y0),
        w = D1(frame.width()),
        h = D1(frame.height()),
    )?;
    writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{SEA}\"/>",
        D1(frame.x0),
        D1(frame.y0),
        D1(frame.width()),
        D1(frame.height())
    )?;
    let mut paths = PathWriter {
        projection: &projection,
        clip: frame.grown(20.0),
        ring: Vec::new(),
    };
    write_basemap(out, &mut paths, layers.basemap)?;
    write_reference(out, &projection, &paths.clip, layers.reference)?;
    // Each polygon's projected box, for drawing and for its label.
    let boxes: Vec<Option<PxRect>> = layers
        .lands
        .iter()
        .chain(layers.released)
        .map(|l| projected_box(&projection, &l.shape))
        .collect();
    write_polygons(out, &mut paths, layers, &boxes)?;
    for p in layers.points {
        if p.lon.is_finite() && p.lat.is_finite() {
            write_point_symbol(out, projection.project(p.lon, p.lat), p.colour, &p.symbol)?;
        }
    }
    let mut placer = LabelPlacer {
        hard: BoxGrid::new(),
        soft: Coverage::new(&frame),
    };
    let furniture = write_furniture(out, tr, &projection, &frame)?;
    for rect in furniture {
        placer.hard.insert(rect);
    }
    write_labels(out, &projection, &frame, layers, &boxes, &mut placer)?;
    write_reference_labels(out, &projection, &frame, layers.reference, &mut placer)?;
    out.write_str("</svg>\n")?;
    writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>",
        D1(frame.x0),
        D1(frame.y0),
        D1(frame.width()),
        D1(frame.height())
    )?;
    if !legend.is_empty() {
        legend_layout.write(out, legend, frame.x0, frame.y1 + 8.0, frame.width())?;
    }
    for (i, line) in attribution_lines.iter().enumerate() {
        writeln!(
            out,
            "<text x=\"1\" y=\"{}\" font-size=\"{SMALL_SIZE}\" fill=\"{MUTED}\">{}</text>",
            D1(frame.y1 + legend_h + 14.0 + i as f64 * 13.0),
            TextContent(line)
        )?;
    }
    close_svg(out)
}

/// The basemap countries meeting the view.
pub(super) fn write_basemap(
    out: &mut String,
    paths: &mut PathWriter<'_>,
    basemap: &[&MultiPolygon<f64>],
) -> fmt::Result {
    writeln!(
        out,
        "<g fill=\"{LAND}\" stroke=\"{BOUNDARY}\" stroke-width=\"0.8\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">"
    )?;
    let mut d = String::new();
    for country in basemap {
        let Some(rect) = country.bounding_rect() else {
            continue;
        };
        if !paths
            .projection
            .project_rect(rect.min(), rect.max())
            .intersects(&paths.clip)
        {
            continue;
        }
        d.clear();
        if paths.write(&mut d, country)? {
            writeln!(out, "<path d=\"{d}\"/>")?;
        }
    }
    out.write_str("</g>\n")
}

/// Where a land too small to draw is shown as a marker.
pub(super) struct Marker {
    pub(super) land: usize,
    pub(super) at: (f64, f64),
}

/// The lands' fills, the released polygons, the lands' outlines and the small-land markers.
pub(super) fn write_polygons(
    out: &mut String,
    paths: &mut PathWriter<'_>,
    layers: &MapLayers<'_>,
    boxes: &[Option<PxRect>],
) -> fmt::Result {
    // Path data of each drawn land, shared by the fill and the outline pass.
    let mut drawn: Vec<(usize, String)> = Vec::new();
    let mut markers = Vec::new();
    let mut marker_cells: HashSet<(i64, i64)> = HashSet::default();
    for ((i, land), px) in layers.lands.iter().enumerate().zip(boxes) {
        let Some(px) = *px else {
            continue;
        };
        if px.width() < MIN_LAND_PX && px.height() < MIN_LAND_PX {
            let at = (f64::midpoint(px.x0, px.x1), f64::midpoint(px.y0, px.y1));
            let cell = ((at.0 / 3.0).floor() as i64, (at.1 / 3.0).floor() as i64);
            if marker_cells.insert(cell) {
                markers.push(Marker { land: i, at });
            }
            continue;
        }
        let mut d = String::new();
        if paths.write(&mut d, &land.shape)? {
            drawn.push((i, d));
        }
    }
    out.write_str("<g fill-rule=\"evenodd\" stroke=\"none\">\n")?;
    for (i, d) in &drawn {
        let land = &layers.lands[*i];
        writeln!(
            out,
            "<path d=\"{d}\" fill=\"{}\" fill-opacity=\"{}\"/>",
            land.fill,
            Opacity(land.fill_opacity)
        )?;
    }
    out.write_str(
        "</g>\n<g fill-rule=\"evenodd\" stroke-width=\"1.5\" stroke-linejoin=\"round\">\n",
    )?;
    let mut d = String::new();
    for area in layers.released {
        d.clear();
        if paths.write(&mut d, &area.shape)? {
            writeln!(
                out,
                "<path d=\"{d}\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"{}\"{}/>",
                area.fill,
                Opacity(area.fill_opacity),
                area.outline,
                dash_attr(area.dashed)
            )?;
        }
    }
    out.write_str("</g>\n<g fill=\"none\" stroke-width=\"1.5\" stroke-linejoin=\"round\">\n")?;
    for (i, d) in &drawn {
        let land = &layers.lands[*i];
        writeln!(
            out,
            "<path d=\"{d}\" stroke=\"{}\"{}/>",
            land.outline,
            dash_attr(land.dashed)
        )?;
    }
    out.write_str("</g>\n")?;
    if !markers.is_empty() {
        out.write_str("<g stroke-width=\"1\">\n")?;
        for m in &markers {
            let land = &layers.lands[m.land];
            writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{MARKER_PX}\" height=\"{MARKER_PX}\" fill=\"{}\" stroke=\"{}\"/>",
                D1(m.at.0 - MARKER_PX / 2.0),
                D1(m.at.1 - MARKER_PX / 2.0),
                land.fill,
                land.outline
            )?;
        }
        out.write_str("</g>\n")?;
    }
    Ok(())
}
