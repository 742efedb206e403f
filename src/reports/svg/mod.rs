//! Inline SVG charts and the map of the lands for the self-contained donor progress report.
//!
//! Every public function returns one complete `<svg>` element as a string, ready to be written
//! into the report's HTML. The output
//!
//! * is deterministic: the same input gives a byte-identical string (coordinates with one
//!   decimal, opacities with two, no hash-map iteration), so golden tests can hold the report;
//! * escapes every text (`&`, `<`, `>`, `"`, `'`);
//! * scales with the page: a `viewBox`, `width="100%"` and the requested width as `max-width`;
//! * is self-contained: no external references, no scripts, no CSS classes, no ids — presentation
//!   attributes only (clipping uses a nested `<svg>` viewport, not a `clipPath` id, so several
//!   maps can share one page);
//! * uses font sizes of 10 px or more in the view box, which read well on A4.
//!
//! Every text comes from the message files through the [`Tr`] each function is given (a chart
//! without data says `chart-no-data`); numbers are written for its language: in English grouped
//! by thousands with [`THOUSANDS_SEPARATOR`] (a plain space, as the rest of the report), `12 000`.

pub use crate::domain::symbology::Rgb;
use crate::domain::symbology::{BOUNDARY, LAND, SEA};
use std::borrow::Cow;

use geo_types::MultiPolygon;

mod bars;
mod canvas;
mod frame;
mod labels;
mod map;
mod reference;
#[cfg(test)]
mod tests;
mod text;
pub use bars::{horizontal_bar_chart, stacked_bar_chart};
pub use map::{map_svg, map_svg_with_reference};

/// A reference layer for the report's map: how it is shown and its features.
pub type ReportLayer<'a> = (
    &'a crate::domain::LayerSpec,
    &'a crate::domain::ReferenceLayer,
);
pub use text::nice_ticks;

/// The font stack written on every SVG root (`DejaVu Sans` first: the font of the report's page).
pub const FONT_FAMILY: &str = "DejaVu Sans, Arial, Helvetica, sans-serif";
pub use crate::domain::{THOUSANDS_SEPARATOR, format_number};
pub use crate::i18n::{Lang, Tr};

const TEXT: &str = "#222222";
const MUTED: &str = "#555555";
const AXIS: &str = "#444444";
const GRID: &str = "#dddddd";

const PAD: f64 = 10.0;
const TITLE_SIZE: f64 = 15.0;
const LABEL_SIZE: f64 = 11.0;
const SMALL_SIZE: f64 = 10.0;
const TITLE_HEIGHT: f64 = 24.0;
const TITLE_LINE: f64 = 18.0;

/// The sphere radius of Web Mercator (m), for the ground extent of a map.
const EARTH_RADIUS_M: f64 = 6_378_137.0;
/// The smallest ground extent a map shows, so one small land is not a full-page blob.
const MIN_MAP_EXTENT_M: f64 = 2_000.0;
/// Vertices closer than this to the previous drawn one are skipped.
const MIN_VERTEX_STEP_PX: f64 = 0.5;
/// A land whose projected bounding box is smaller than this both ways is drawn as a marker.
const MIN_LAND_PX: f64 = 2.0;
const MARKER_PX: f64 = 5.0;
const POINT_RADIUS: f64 = 9.0;

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/// One series of a stacked bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The legend text.
    pub label: String,
    /// The fill of the series' bar segments.
    pub colour: Rgb,
    /// One value per category, ≥ 0 (negative and non-finite values count as 0; missing values
    /// as 0; values past the last category are ignored).
    pub values: Vec<f64>,
}

/// A polygon on the map (lon/lat degrees, x = lon, y = lat).
#[derive(Debug, Clone, PartialEq)]
pub struct MapPolygon<'a> {
    /// The area, borrowed from the record or owned; holes are drawn as holes
    /// (`fill-rule="evenodd"`).
    pub shape: Cow<'a, MultiPolygon<f64>>,
    /// The fill colour.
    pub fill: Rgb,
    /// The fill opacity, 0–1.
    pub fill_opacity: f64,
    /// The outline colour (drawn 1.5 px wide).
    pub outline: Rgb,
    /// Whether the outline is dashed (`stroke-dasharray="5 3"`).
    pub dashed: bool,
    /// The text written at the polygon's interior point (e.g. the land code), if any.
    pub label: Option<String>,
}

/// A point symbol on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    /// Longitude, degrees.
    pub lon: f64,
    /// Latitude, degrees.
    pub lat: f64,
    /// The fill of the circle.
    pub colour: Rgb,
    /// 1–2 letters drawn in the circle (longer text is cut to two characters).
    pub symbol: String,
}

/// What a legend entry shows before its text.
#[derive(Debug, Clone, PartialEq)]
pub enum LegendSwatch {
    /// A small rectangle styled as an area of the map.
    Area {
        /// The fill colour.
        fill: Rgb,
        /// The fill opacity, 0–1.
        fill_opacity: f64,
        /// The outline colour.
        outline: Rgb,
        /// Whether the outline is dashed.
        dashed: bool,
    },
    /// A point symbol as drawn on the map.
    Point {
        /// The fill of the circle.
        colour: Rgb,
        /// 1–2 letters drawn in the circle.
        symbol: String,
    },
}

/// One entry of the map's legend: a swatch and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// The symbol shown.
    pub swatch: LegendSwatch,
    /// The explanation.
    pub text: String,
}
