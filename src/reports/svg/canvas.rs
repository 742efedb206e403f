//! The map's canvas: pixel boxes, Web Mercator fitted to a frame, point symbols.

use super::text::D1;
use super::{
    EARTH_RADIUS_M, MARKER_PX, MIN_LAND_PX, MIN_MAP_EXTENT_M, MapPoint, MapPolygon, POINT_RADIUS,
    Rgb, SMALL_SIZE,
};
use crate::geometry::mercator_unit_sphere;
use crate::reports::escape::TextContent;
use geo::BoundingRect;
use geo_types::{Coord, MultiPolygon};
use std::fmt::{self, Write as _};

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy)]
pub(super) struct PxRect {
    pub(super) x0: f64,
    pub(super) y0: f64,
    pub(super) x1: f64,
    pub(super) y1: f64,
}

impl PxRect {
    pub(super) fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub(super) fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub(super) fn intersects(&self, other: &Self) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    pub(super) fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    pub(super) fn grown(&self, by: f64) -> Self {
        Self {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }
}

/// Web Mercator fitted to a frame.
pub(super) struct Projection {
    pub(super) centre: (f64, f64),
    pub(super) scale: f64,
    pub(super) frame_centre: (f64, f64),
    pub(super) metres_per_px: f64,
}

impl Projection {
    /// Fits the Mercator bounds `(x0, y0, x1, y1)` into `frame` with a margin, showing at least
    /// [`MIN_MAP_EXTENT_M`] each way.
    pub(super) fn fit(bounds: (f64, f64, f64, f64), frame: &PxRect) -> Self {
        let (x0, y0, x1, y1) = bounds;
        let centre = (f64::midpoint(x0, x1), f64::midpoint(y0, y1));
        let cos_lat = centre.1.sinh().atan().cos().max(0.01);
        let min_extent = MIN_MAP_EXTENT_M / (EARTH_RADIUS_M * cos_lat);
        let ex = (x1 - x0).max(min_extent) * 1.16;
        let ey = (y1 - y0).max(min_extent) * 1.16;
        // A fixed margin too, for the point symbols and labels at the edges.
        let margin = 24.0;
        let scale = ((frame.width() - 2.0 * margin) / ex)
            .min((frame.height() - 2.0 * margin) / ey)
            .max(1e-9);
        Self {
            centre,
            scale,
            frame_centre: (
                f64::midpoint(frame.x0, frame.x1),
                f64::midpoint(frame.y0, frame.y1),
            ),
            metres_per_px: EARTH_RADIUS_M * cos_lat / scale,
        }
    }

    pub(super) fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let [x, y] = mercator_unit_sphere([lon, lat]);
        (
            self.frame_centre.0 + (x - self.centre.0) * self.scale,
            self.frame_centre.1 - (y - self.centre.1) * self.scale,
        )
    }

    /// The pixel box of a lon/lat box (Mercator is monotonic in both axes).
    pub(super) fn project_rect(&self, min: Coord<f64>, max: Coord<f64>) -> PxRect {
        let (x0, y1) = self.project(min.x, min.y);
        let (x1, y0) = self.project(max.x, max.y);
        PxRect { x0, y0, x1, y1 }
    }
}

pub(super) fn dash_attr(dashed: bool) -> &'static str {
    if dashed {
        " stroke-dasharray=\"5 3\""
    } else {
        ""
    }
}

/// A circle with one or two letters.
pub(super) fn write_point_symbol(
    out: &mut String,
    (x, y): (f64, f64),
    colour: Rgb,
    symbol: &str,
) -> fmt::Result {
    let symbol: String = symbol.trim().chars().take(2).collect();
    write!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{POINT_RADIUS}\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
        D1(x),
        D1(y)
    )?;
    if !symbol.is_empty() {
        let size = if symbol.chars().count() > 1 {
            9.5
        } else {
            SMALL_SIZE
        };
        write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{size}\" font-weight=\"bold\" fill=\"{}\" text-anchor=\"middle\">{}</text>",
            D1(x),
            D1(y + size * 0.36),
            if colour.is_dark() {
                "#ffffff"
            } else {
                "#111111"
            },
            TextContent(&symbol)
        )?;
    }
    out.push('\n');
    Ok(())
}

/// What the map draws.
pub(super) struct MapLayers<'a> {
    pub(super) lands: &'a [MapPolygon<'a>],
    pub(super) released: &'a [MapPolygon<'a>],
    pub(super) points: &'a [MapPoint],
    pub(super) basemap: &'a [&'a MultiPolygon<f64>],
    pub(super) reference: &'a [super::ReportLayer<'a>],
}

/// The pixel box a polygon occupies on the map: its projected bounding box, or the marker
/// square for a land too small to draw.
/// The box of `shape` on the map, if it has one there.
pub(super) fn projected_box(projection: &Projection, shape: &MultiPolygon<f64>) -> Option<PxRect> {
    let rect = shape.bounding_rect()?;
    let px = projection.project_rect(rect.min(), rect.max());
    (px.x0.is_finite() && px.y0.is_finite() && px.x1.is_finite() && px.y1.is_finite()).then_some(px)
}

/// What is drawn for a polygon whose projected box is `px`: the box itself, or the marker of a
/// land too small to draw.
pub(super) fn drawn_box(px: PxRect) -> PxRect {
    if px.width() < MIN_LAND_PX && px.height() < MIN_LAND_PX {
        let (cx, cy) = (f64::midpoint(px.x0, px.x1), f64::midpoint(px.y0, px.y1));
        let half = MARKER_PX / 2.0;
        return PxRect {
            x0: cx - half,
            y0: cy - half,
            x1: cx + half,
            y1: cy + half,
        };
    }
    px
}
