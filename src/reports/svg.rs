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
//! Numbers are grouped by thousands with [`THOUSANDS_SEPARATOR`] (a plain space, as the rest of
//! the report): `format_number(12000.0, 0)` is `"12 000"`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::f64::consts::FRAC_PI_4;
use std::fmt::{self, Write as _};

use geo::{BoundingRect, Centroid, InteriorPoint};
use geo_types::{Coord, LineString, MultiPolygon};

/// The font stack written on every SVG root (`DejaVu Sans` first: the font of the report's page).
pub const FONT_FAMILY: &str = "DejaVu Sans, Arial, Helvetica, sans-serif";
/// The thousands separator of [`format_number`] and of every axis and value label: a plain
/// space, the same as the report's tables.
pub const THOUSANDS_SEPARATOR: char = ' ';
/// What a chart without any non-zero value says.
pub const NO_DATA_TEXT: &str = "No data for this period";
/// What a map without lands or points says.
pub const NO_LANDS_TEXT: &str = "No lands to show";

const TEXT: &str = "#222222";
const MUTED: &str = "#555555";
const AXIS: &str = "#444444";
const GRID: &str = "#dddddd";
const SEA: Rgb = Rgb(200, 222, 238);
const LAND: Rgb = Rgb(242, 239, 229);
const BOUNDARY: Rgb = Rgb(150, 140, 130);

const PAD: f64 = 10.0;
const TITLE_SIZE: f64 = 15.0;
const LABEL_SIZE: f64 = 11.0;
const SMALL_SIZE: f64 = 10.0;
const TITLE_HEIGHT: f64 = 24.0;
const TITLE_LINE: f64 = 18.0;

const EARTH_RADIUS_M: f64 = 6_378_137.0;
const MAX_MERCATOR_LAT: f64 = 85.051_128_78;
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

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour as `#rrggbb` (lower-case hex), as written in the SVG.
    pub fn to_hex(self) -> String {
        self.to_string()
    }

    /// Whether white text reads better than black on this colour.
    fn is_dark(self) -> bool {
        let luma =
            0.2126 * f64::from(self.0) + 0.7152 * f64::from(self.1) + 0.0722 * f64::from(self.2);
        luma < 150.0
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

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

// ---------------------------------------------------------------------------------------------
// Numbers and text
// ---------------------------------------------------------------------------------------------

/// `value` rounded to `decimals` places, with [`THOUSANDS_SEPARATOR`] between groups of three
/// integer digits and `.` as the decimal mark: `format_number(1234567.891, 1)` is
/// `"1 234 567.9"`. A value that rounds to zero has no minus sign; a non-finite value is `"–"`.
pub fn format_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let digits = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match digits.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits.as_str(), None),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if value < 0.0 && digits.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        out.push('-');
    }
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(THOUSANDS_SEPARATOR);
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Axis ticks `0, s, 2s, …` up to the first tick ≥ `max`, where the step `s` is a "nice" number
/// (1, 2 or 5 × 10ⁿ) chosen so that there are at most about `target_intervals` intervals.
/// A non-positive or non-finite `max` gives `[0.0, 1.0]`.
///
/// `nice_ticks(12_345.0, 5)` is `[0, 5 000, 10 000, 15 000]`; `nice_ticks(0.8, 4)` is
/// `[0, 0.2, 0.4, 0.6, 0.8]`.
pub fn nice_ticks(max: f64, target_intervals: usize) -> Vec<f64> {
    Ticks::new(max, target_intervals).values
}

/// Ticks of an axis and the decimals their labels need.
struct Ticks {
    values: Vec<f64>,
    decimals: usize,
}

impl Ticks {
    fn new(max: f64, target_intervals: usize) -> Self {
        if !(max.is_finite() && max > 0.0) {
            return Self {
                values: vec![0.0, 1.0],
                decimals: 0,
            };
        }
        let raw = max / target_intervals.max(1) as f64;
        let mut exp = raw.log10().floor() as i32;
        let norm = raw / pow10(exp);
        let nice: u32 = if norm <= 1.000_000_001 {
            1
        } else if norm <= 2.000_000_001 {
            2
        } else if norm <= 5.000_000_001 {
            5
        } else {
            exp += 1;
            1
        };
        let step = scaled(f64::from(nice), exp);
        let count = to_count((max / step - 1e-9).ceil()).max(1);
        let values = (0..=count)
            .map(|i| scaled(i as f64 * f64::from(nice), exp))
            .collect();
        let decimals = if exp < 0 {
            to_count(f64::from(-exp))
        } else {
            0
        };
        Self { values, decimals }
    }

    fn top(&self) -> f64 {
        self.values.last().copied().unwrap_or(1.0)
    }

    fn labels(&self) -> Vec<String> {
        self.values
            .iter()
            .map(|&v| format_number(v, self.decimals))
            .collect()
    }

    fn intervals(&self) -> usize {
        self.values.len().saturating_sub(1).max(1)
    }

    /// The ticks for `target` on an axis `length` px long whose ticks must be at least
    /// `min_gap(ticks)` px apart: of the 1-2-5 choices that fit, the one with the lowest top
    /// (the bars use the most room), then the one closest to `ideal` intervals.
    fn fit(target: f64, length: f64, ideal: f64, min_gap: impl Fn(&Self) -> f64) -> Self {
        let mut best: Option<Self> = None;
        for n in 1..=8 {
            let ticks = Self::new(target, n);
            if n > 1 && length / (ticks.intervals() as f64) < min_gap(&ticks) {
                continue;
            }
            let better = best.as_ref().is_none_or(|b| {
                let distance = |t: &Self| (t.intervals() as f64 - ideal).abs();
                ticks.top() < b.top() * (1.0 - 1e-9)
                    || (ticks.top() <= b.top() * (1.0 + 1e-9) && distance(&ticks) < distance(b))
            });
            if better {
                best = Some(ticks);
            }
        }
        best.unwrap_or_else(|| Self::new(target, 1))
    }
}

/// 10ⁿ.
fn pow10(exp: i32) -> f64 {
    10f64.powi(exp)
}

/// `value × 10ⁿ`, dividing for negative `n` so that e.g. 3 × 10⁻¹ is exactly the double of 0.3.
fn scaled(value: f64, exp: i32) -> f64 {
    if exp >= 0 {
        value * pow10(exp)
    } else {
        value / pow10(-exp)
    }
}

/// A non-negative, finite `f64` as a count (0 for anything else).
#[expect(
    clippy::cast_sign_loss,
    reason = "the value is checked to be finite and non-negative first"
)]
fn to_count(value: f64) -> usize {
    if value.is_finite() && value > 0.0 {
        value as usize
    } else {
        0
    }
}

/// Decimals used for values written on bars: none for whole numbers or from 100 up.
fn value_decimals(values: &[f64]) -> usize {
    let max = values.iter().copied().fold(0.0, f64::max);
    if max >= 100.0 || values.iter().all(|v| v.fract().abs() < 1e-9) {
        0
    } else if max >= 1.0 {
        1
    } else {
        2
    }
}

/// A chart value: negative and non-finite values count as 0.
fn clean(value: Option<f64>) -> f64 {
    match value {
        Some(v) if v.is_finite() && v > 0.0 => v,
        _ => 0.0,
    }
}

/// A length written with one decimal; never `-0.0`, non-finite as `0.0`.
struct D1(f64);

impl fmt::Display for D1 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() && self.0.abs() >= 0.05 {
            self.0
        } else {
            0.0
        };
        write!(f, "{v:.1}")
    }
}

/// An opacity written with two decimals, clamped to 0–1 (non-finite as 1).
struct Opacity(f64);

impl fmt::Display for Opacity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() {
            self.0.clamp(0.0, 1.0)
        } else {
            1.0
        };
        write!(f, "{v:.2}")
    }
}

/// Text escaped for XML content and attribute values; characters XML forbids become spaces.
struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                '\t' | '\n' | '\r' => f.write_char(' ')?,
                c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => f.write_char(' ')?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// Advance widths of `DejaVu Sans` (Book) for the printable ASCII characters `' '..='~'`, in
/// thousandths of an em (font metrics, measured from the font).
const ASCII_WIDTHS: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// Estimated width of `text` in `DejaVu Sans` at `size` px. The fallback fonts (Arial,
/// Helvetica) are narrower, so the estimate is on the safe side for them.
fn text_width(text: &str, size: f64) -> f64 {
    let thousandths: u32 = text
        .chars()
        .map(|c| match c {
            ' '..='~' => u32::from(ASCII_WIDTHS[c as usize - 32]),
            '\u{2026}' | '\u{2014}' => 1000,
            '\u{2013}' | '\u{B0}' => 500,
            '\u{B2}' | '\u{B3}' => 401,
            c if u32::from(c) >= 0x2E80 => 1000,
            _ => 640,
        })
        .sum();
    f64::from(thousandths) / 1000.0 * size
}

/// Estimated width of bold text (`DejaVu Sans Bold` is about 9 % wider).
fn bold_width(text: &str, size: f64) -> f64 {
    text_width(text, size) * 1.09
}

/// `text` cut (with `…`) so that its estimated width is at most `max_width`.
fn fit_text(text: &str, size: f64, max_width: f64) -> String {
    if text_width(text, size) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - text_width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// `text` broken at spaces into lines of estimated width ≤ `max_width` (a word longer than a
/// line is cut with `…`).
fn wrap_text(text: &str, size: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) <= max_width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            word.clone_into(&mut line);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| fit_text(&l, size, max_width))
        .collect()
}

/// `text` in at most two lines of width ≤ `max_width` (the second cut with `…` if needed).
fn two_lines(text: &str, size: f64, max_width: f64) -> Vec<String> {
    let mut lines = wrap_text(text, size, max_width);
    if lines.len() > 2 {
        let rest = lines[1..].join(" ");
        lines.truncate(1);
        lines.push(fit_text(&rest, size, max_width));
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// Shared SVG pieces
// ---------------------------------------------------------------------------------------------

/// Writes the root element (and its `<title>`).
fn open_svg(out: &mut String, width: f64, height: f64, label: &str) -> fmt::Result {
    let w = width.round();
    let h = height.ceil();
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
         style=\"max-width:{w}px;height:auto;display:block\" role=\"img\" aria-label=\"{label}\" \
         font-family=\"{FONT_FAMILY}\"><title>{label}</title>",
        label = Esc(label),
    )
}

fn close_svg(out: &mut String) -> fmt::Result {
    out.write_str("</svg>\n")
}

/// The chart title at the top left, if any; returns where the content below it starts.
fn write_title(out: &mut String, title: &str, width: f64) -> Result<f64, fmt::Error> {
    let lines = title_lines(title, width);
    for (i, line) in lines.iter().enumerate() {
        writeln!(
            out,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{TITLE_SIZE}\" font-weight=\"bold\" fill=\"{TEXT}\">{}</text>",
            Esc(line),
            x = D1(PAD),
            y = D1(PAD + 11.0 + i as f64 * TITLE_LINE),
        )?;
    }
    Ok(title_bottom(&lines))
}

/// The title broken into at most two lines that fit the chart.
fn title_lines(title: &str, width: f64) -> Vec<String> {
    two_lines(title, TITLE_SIZE * 1.09, width - 2.0 * PAD)
}

/// Where the content under the title starts.
fn title_bottom(lines: &[String]) -> f64 {
    if lines.is_empty() {
        PAD
    } else {
        PAD + TITLE_HEIGHT + (lines.len() as f64 - 1.0) * TITLE_LINE
    }
}

/// A light frame with a centred message, for charts without data.
fn write_message_box(
    out: &mut String,
    (x, y, w, h): (f64, f64, f64, f64),
    message: &str,
) -> fmt::Result {
    writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fafafa\" stroke=\"#bbbbbb\" stroke-width=\"1\"/>",
        D1(x),
        D1(y),
        D1(w),
        D1(h)
    )?;
    writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"{MUTED}\" text-anchor=\"middle\">{}</text>",
        D1(x + w / 2.0),
        D1(y + h / 2.0 + 4.5),
        Esc(message)
    )
}

// ---------------------------------------------------------------------------------------------
// Stacked bar chart
// ---------------------------------------------------------------------------------------------

/// Vertical stacked bars, one per category (e.g. months `"2025-03"`), in a view box of
/// `width_px` × `height_px` (taller if the space is too small for the plot).
///
/// The y axis has "nice" ticks (1-2-5 steps, see [`nice_ticks`]) labelled with thousands
/// separators (e.g. `12 000`), and `unit` (e.g. `"m²"`) as its title; a legend of the series
/// sits under the title, and each non-zero bar has its total written above it (turned upright
/// when the bars are too narrow for it). Category labels are turned 45° and, for many
/// categories, thinned out so they never overlap; works for 1..=60 categories and more. Without
/// any non-zero value (or without categories) the chart says [`NO_DATA_TEXT`].
pub fn stacked_bar_chart(
    title: &str,
    unit: &str,
    categories: &[String],
    series: &[Series],
    width_px: u32,
    height_px: u32,
) -> String {
    let mut out = String::new();
    write_stacked(
        &mut out, title, unit, categories, series, width_px, height_px,
    )
    .map(|()| out)
    .unwrap_or_default()
}

/// How the bars of a stacked chart are laid out.
struct BarLayout {
    plot_left: f64,
    plot_bottom: f64,
    plot_h: f64,
    slot: f64,
    rotate_categories: bool,
    category_every: usize,
    upright_totals: bool,
    ticks: Ticks,
    height: f64,
}

/// What the stacked chart's layout depends on.
struct BarInputs {
    width: f64,
    height: f64,
    plot_top: f64,
    axis_title_w: f64,
    n: usize,
    category_w: f64,
    total_w: f64,
    max_total: f64,
}

impl BarLayout {
    fn compute(inp: &BarInputs, plot_left: f64) -> Self {
        let plot_right = inp.width - PAD;
        let slot = (plot_right - plot_left) / inp.n as f64;
        // Category labels: level if they fit, else turned 45° and thinned out.
        let (rotate_categories, category_every, label_extent) = if inp.category_w + 6.0 <= slot {
            (false, 1, SMALL_SIZE + 8.0)
        } else {
            let every_rotated = to_count((16.0 / slot).ceil()).max(1);
            let every_level = to_count(((inp.category_w + 10.0) / slot).ceil()).max(1);
            if every_level <= every_rotated {
                (false, every_level, SMALL_SIZE + 8.0)
            } else {
                let diagonal = (inp.category_w + SMALL_SIZE) * std::f64::consts::FRAC_1_SQRT_2;
                (true, every_rotated, diagonal + 10.0)
            }
        };
        let plot_bottom = (inp.height - PAD - label_extent).max(inp.plot_top + 80.0);
        let plot_h = plot_bottom - inp.plot_top;
        let upright_totals = inp.total_w > slot - 1.0;
        let room = if upright_totals {
            inp.total_w + 6.0
        } else {
            SMALL_SIZE + 5.0
        };
        let target = if plot_h > room + 30.0 {
            inp.max_total * plot_h / (plot_h - room)
        } else {
            inp.max_total * 1.5
        };
        let ticks = Ticks::fit(target, plot_h, plot_h / 45.0, |_| 24.0);
        Self {
            plot_left,
            plot_bottom,
            plot_h,
            slot,
            rotate_categories,
            category_every,
            upright_totals,
            ticks,
            height: plot_bottom + label_extent + PAD,
        }
    }

    /// The smallest left edge of the plot that fits the tick labels, the axis title and the
    /// first turned category label.
    fn needed_left(&self, inp: &BarInputs) -> f64 {
        let tick_w = self
            .ticks
            .labels()
            .iter()
            .map(|l| text_width(l, LABEL_SIZE))
            .fold(0.0, f64::max);
        let mut left = PAD + inp.axis_title_w + tick_w + 8.0;
        if self.rotate_categories {
            let overhang = (inp.category_w + SMALL_SIZE) * std::f64::consts::FRAC_1_SQRT_2;
            left = left.max(PAD + overhang - self.slot / 2.0);
        }
        left
    }

    fn y(&self, value: f64) -> f64 {
        self.plot_bottom - value / self.ticks.top() * self.plot_h
    }
}

fn write_stacked(
    out: &mut String,
    title: &str,
    unit: &str,
    categories: &[String],
    series: &[Series],
    width_px: u32,
    height_px: u32,
) -> fmt::Result {
    let width = f64::from(width_px.max(240));
    let height = f64::from(height_px.max(160));
    let n = categories.len();
    let totals: Vec<f64> = (0..n)
        .map(|i| series.iter().map(|s| clean(s.values.get(i).copied())).sum())
        .collect();
    let max_total = totals.iter().copied().fold(0.0, f64::max);
    let label = if title.trim().is_empty() {
        "Stacked bar chart"
    } else {
        title
    };

    if n == 0 || max_total <= 0.0 {
        open_svg(out, width, height, label)?;
        let top = write_title(out, title, width)?;
        write_message_box(
            out,
            (PAD, top + 4.0, width - 2.0 * PAD, height - top - 4.0 - PAD),
            NO_DATA_TEXT,
        )?;
        return close_svg(out);
    }

    // Legend under the title: swatch + text, flowing into rows.
    let legend: Vec<(Rgb, String)> = series
        .iter()
        .map(|s| {
            let text = fit_text(&s.label, LABEL_SIZE, width - 2.0 * PAD - 20.0);
            (s.colour, text)
        })
        .collect();
    let mut legend_pos = Vec::with_capacity(legend.len());
    let (mut lx, mut row) = (PAD, 0_usize);
    for (_, text) in &legend {
        let item_w = 17.0 + text_width(text, LABEL_SIZE);
        if lx > PAD && lx + item_w > width - PAD {
            lx = PAD;
            row += 1;
        }
        legend_pos.push((lx, row));
        lx += item_w + 18.0;
    }
    let legend_rows = if legend.is_empty() { 0 } else { row + 1 };

    let title_bottom = title_bottom(&title_lines(title, width));
    let decimals = value_decimals(&totals);
    let total_labels: Vec<String> = totals.iter().map(|&t| format_number(t, decimals)).collect();
    let inputs = BarInputs {
        width,
        height,
        plot_top: title_bottom + legend_rows as f64 * 18.0 + 8.0,
        axis_title_w: if unit.trim().is_empty() { 0.0 } else { 20.0 },
        n,
        category_w: categories
            .iter()
            .map(|c| text_width(&fit_text(c, SMALL_SIZE, 110.0), SMALL_SIZE))
            .fold(0.0, f64::max),
        total_w: total_labels
            .iter()
            .map(|l| text_width(l, SMALL_SIZE))
            .fold(0.0, f64::max),
        max_total,
    };
    let mut plot_left = PAD + inputs.axis_title_w + 40.0;
    let mut layout = BarLayout::compute(&inputs, plot_left);
    for _ in 0..3 {
        let needed = layout.needed_left(&inputs);
        if needed <= plot_left + 0.5 {
            break;
        }
        plot_left = needed;
        layout = BarLayout::compute(&inputs, plot_left);
    }

    open_svg(out, width, layout.height, label)?;
    write_title(out, title, width)?;
    for ((colour, text), (x, row)) in legend.iter().zip(&legend_pos) {
        let y = title_bottom + *row as f64 * 18.0;
        writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{TEXT}\">{}</text>",
            D1(*x),
            D1(y),
            D1(x + 17.0),
            D1(y + 10.0),
            Esc(text)
        )?;
    }
    write_value_axis(out, &layout, &inputs, unit)?;
    write_stacks(
        out,
        &layout,
        categories,
        series,
        &totals,
        &total_labels,
        unit,
    )?;
    write_category_labels(out, &layout, categories)?;
    close_svg(out)
}

/// Grid lines, tick labels and the axis title of the stacked chart.
fn write_value_axis(
    out: &mut String,
    layout: &BarLayout,
    inputs: &BarInputs,
    unit: &str,
) -> fmt::Result {
    let right = inputs.width - PAD;
    for (value, text) in layout.ticks.values.iter().zip(layout.ticks.labels()) {
        let y = layout.y(*value);
        writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{GRID}\" stroke-width=\"1\"/><text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"end\">{}</text>",
            D1(layout.plot_left),
            D1(right),
            D1(layout.plot_left - 6.0),
            D1(y + 4.0),
            Esc(&text),
            y = D1(y),
        )?;
    }
    if !unit.trim().is_empty() {
        let unit = fit_text(unit, LABEL_SIZE, layout.plot_h);
        writeln!(
            out,
            "<text transform=\"translate({} {}) rotate(-90)\" font-size=\"{LABEL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"middle\">{}</text>",
            D1(PAD + LABEL_SIZE - 1.0),
            D1(layout.plot_bottom - layout.plot_h / 2.0),
            Esc(&unit)
        )?;
    }
    writeln!(
        out,
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{AXIS}\" stroke-width=\"1\"/>",
        D1(layout.plot_left),
        D1(right),
        y = D1(layout.plot_bottom),
    )
}

/// The bar segments and the totals above the bars.
fn write_stacks(
    out: &mut String,
    layout: &BarLayout,
    categories: &[String],
    series: &[Series],
    totals: &[f64],
    total_labels: &[String],
    unit: &str,
) -> fmt::Result {
    let bar_w = (layout.slot * 0.7).clamp(1.0, 56.0);
    let values: Vec<f64> = series
        .iter()
        .flat_map(|s| s.values.iter().map(|&v| clean(Some(v))))
        .collect();
    let decimals = value_decimals(&values);
    for (i, category) in categories.iter().enumerate() {
        let x = layout.plot_left + i as f64 * layout.slot + (layout.slot - bar_w) / 2.0;
        let mut sum = 0.0;
        for s in series {
            let v = clean(s.values.get(i).copied());
            if v <= 0.0 {
                continue;
            }
            let top = layout.y(sum + v);
            let bottom = layout.y(sum);
            sum += v;
            writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{} — {}: {} {}</title></rect>",
                D1(x),
                D1(top),
                D1(bar_w),
                D1(bottom - top),
                s.colour,
                Esc(category),
                Esc(&s.label),
                Esc(&format_number(v, decimals)),
                Esc(unit)
            )?;
        }
        if totals[i] <= 0.0 {
            continue;
        }
        let centre = x + bar_w / 2.0;
        let top = layout.y(totals[i]);
        if layout.upright_totals {
            writeln!(
                out,
                "<text transform=\"translate({} {}) rotate(-90)\" font-size=\"{SMALL_SIZE}\" fill=\"{TEXT}\">{}</text>",
                D1(centre + 3.6),
                D1(top - 4.0),
                Esc(&total_labels[i])
            )?;
        } else {
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{SMALL_SIZE}\" fill=\"{TEXT}\" text-anchor=\"middle\">{}</text>",
                D1(centre),
                D1(top - 4.0),
                Esc(&total_labels[i])
            )?;
        }
    }
    Ok(())
}

/// The category labels under the stacked chart's axis.
fn write_category_labels(
    out: &mut String,
    layout: &BarLayout,
    categories: &[String],
) -> fmt::Result {
    for (i, category) in categories.iter().enumerate() {
        if i % layout.category_every != 0 {
            continue;
        }
        let centre = layout.plot_left + (i as f64 + 0.5) * layout.slot;
        let text = fit_text(category, SMALL_SIZE, 110.0);
        if layout.rotate_categories {
            writeln!(
                out,
                "<text transform=\"translate({} {}) rotate(-45)\" font-size=\"{SMALL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"end\">{}</text>",
                D1(centre + 3.0),
                D1(layout.plot_bottom + 10.0),
                Esc(&text)
            )?;
        } else {
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{SMALL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"middle\">{}</text>",
                D1(centre),
                D1(layout.plot_bottom + SMALL_SIZE + 4.0),
                Esc(&text)
            )?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Horizontal bar chart
// ---------------------------------------------------------------------------------------------

/// Horizontal bars, one per row `(label, value, colour)`, in a view box `width_px` wide and as
/// tall as the rows need.
///
/// Labels sit left of the bars (in up to two lines, cut with `…` beyond), each bar's value is
/// written at its end, and the value axis at the bottom has "nice" ticks with thousands
/// separators and `unit` as its title. Negative and non-finite values count as 0. Without bars
/// or without any non-zero value the chart says [`NO_DATA_TEXT`].
pub fn horizontal_bar_chart(
    title: &str,
    unit: &str,
    bars: &[(String, f64, Rgb)],
    width_px: u32,
) -> String {
    let mut out = String::new();
    write_horizontal(&mut out, title, unit, bars, width_px)
        .map(|()| out)
        .unwrap_or_default()
}

fn write_horizontal(
    out: &mut String,
    title: &str,
    unit: &str,
    bars: &[(String, f64, Rgb)],
    width_px: u32,
) -> fmt::Result {
    let width = f64::from(width_px.max(200));
    let label = if title.trim().is_empty() {
        "Bar chart"
    } else {
        title
    };
    let values: Vec<f64> = bars.iter().map(|b| clean(Some(b.1))).collect();
    let max = values.iter().copied().fold(0.0, f64::max);
    let top = title_bottom(&title_lines(title, width));
    if max <= 0.0 {
        let height = top + 70.0;
        open_svg(out, width, height, label)?;
        write_title(out, title, width)?;
        write_message_box(
            out,
            (PAD, top + 4.0, width - 2.0 * PAD, height - top - 4.0 - PAD),
            NO_DATA_TEXT,
        )?;
        return close_svg(out);
    }

    let label_max_w = (width * 0.42).min(260.0);
    let labels: Vec<Vec<String>> = bars
        .iter()
        .map(|b| two_lines(&b.0, LABEL_SIZE, label_max_w))
        .collect();
    let label_w = labels
        .iter()
        .flatten()
        .map(|l| text_width(l, LABEL_SIZE))
        .fold(0.0, f64::max);
    let row_h = if labels.iter().any(|l| l.len() > 1) {
        32.0
    } else {
        24.0
    };
    let decimals = value_decimals(&values);
    let value_labels: Vec<String> = values.iter().map(|&v| format_number(v, decimals)).collect();
    let plot_left = PAD + label_w + 8.0;
    // Leave half a tick label of room on the right for the last tick.
    let plot_right = width - PAD - 14.0;
    let plot_w = (plot_right - plot_left).max(40.0);
    // A value label goes after its bar, or inside the bar's end if it does not fit after it.
    // The axis reaches far enough that every label fits after its bar, unless that wastes
    // much room and every label finds a place with the axis just past the largest value.
    let value_widths: Vec<f64> = value_labels
        .iter()
        .map(|l| text_width(l, LABEL_SIZE))
        .collect();
    let min_gap = |t: &Ticks| {
        t.labels()
            .iter()
            .map(|l| text_width(l, SMALL_SIZE))
            .fold(0.0, f64::max)
            + 12.0
    };
    let label_inside = |ticks: &Ticks, v: f64, w: f64| {
        let length = v / ticks.top() * plot_w;
        plot_left + length + 5.0 + w > width - 4.0 && length >= w + 10.0
    };
    let label_fits = |ticks: &Ticks, v: f64, w: f64| {
        plot_left + v / ticks.top() * plot_w + 5.0 + w <= width - 4.0 || label_inside(ticks, v, w)
    };
    let tight = Ticks::fit(max, plot_w, plot_w / 80.0, min_gap);
    let label_space = width - 4.0 - plot_left - 5.0;
    let target = values
        .iter()
        .zip(&value_labels)
        .map(|(&v, l)| {
            let free = label_space - text_width(l, LABEL_SIZE);
            if free > 20.0 {
                v * plot_w / free.min(plot_w)
            } else {
                v * 1.5
            }
        })
        .fold(max, f64::max);
    let roomy = Ticks::fit(target, plot_w, plot_w / 80.0, min_gap);
    let ticks = if roomy.top() > tight.top() * 1.25
        && values
            .iter()
            .zip(&value_widths)
            .all(|(&v, &w)| label_fits(&tight, v, w))
    {
        tight
    } else {
        roomy
    };
    let x_of = |v: f64| plot_left + v / ticks.top() * plot_w;
    let rows_top = top + 4.0;
    let axis_y = rows_top + bars.len() as f64 * row_h;
    let height = axis_y + if unit.trim().is_empty() { 26.0 } else { 42.0 };

    open_svg(out, width, height, label)?;
    write_title(out, title, width)?;
    for (value, text) in ticks.values.iter().zip(ticks.labels()) {
        let x = x_of(*value);
        writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GRID}\" stroke-width=\"1\"/><text x=\"{x}\" y=\"{}\" font-size=\"{SMALL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"middle\">{}</text>",
            D1(rows_top),
            D1(axis_y),
            D1(axis_y + 14.0),
            Esc(&text),
            x = D1(x),
        )?;
    }
    if !unit.trim().is_empty() {
        writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"middle\">{}</text>",
            D1(plot_left + plot_w / 2.0),
            D1(axis_y + 31.0),
            Esc(&fit_text(unit, LABEL_SIZE, plot_w))
        )?;
    }
    let bar_h = 16.0;
    for (i, ((bar, lines), value)) in bars.iter().zip(&labels).zip(&values).enumerate() {
        let centre = rows_top + (i as f64 + 0.5) * row_h;
        let end = x_of(*value);
        if *value > 0.0 {
            writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{bar_h}\" fill=\"{}\"><title>{}: {} {}</title></rect>",
                D1(plot_left),
                D1(centre - bar_h / 2.0),
                D1(end - plot_left),
                bar.2,
                Esc(&bar.0),
                Esc(&value_labels[i]),
                Esc(unit)
            )?;
        }
        let first_baseline = centre + 4.0 - (lines.len() as f64 - 1.0) * 6.5;
        for (k, line) in lines.iter().enumerate() {
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{TEXT}\" text-anchor=\"end\">{}</text>",
                D1(plot_left - 8.0),
                D1(first_baseline + k as f64 * 13.0),
                Esc(line)
            )?;
        }
        if label_inside(&ticks, *value, value_widths[i]) {
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{}\" text-anchor=\"end\">{}</text>",
                D1(end - 5.0),
                D1(centre + 4.0),
                if bar.2.is_dark() {
                    "#ffffff"
                } else {
                    "#111111"
                },
                Esc(&value_labels[i])
            )?;
        } else {
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{TEXT}\">{}</text>",
                D1(end + 5.0),
                D1(centre + 4.0),
                Esc(&value_labels[i])
            )?;
        }
    }
    writeln!(
        out,
        "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{AXIS}\" stroke-width=\"1\"/>",
        D1(rows_top),
        D1(axis_y),
        x = D1(plot_left),
    )?;
    close_svg(out)
}

// ---------------------------------------------------------------------------------------------
// Map
// ---------------------------------------------------------------------------------------------

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy)]
struct PxRect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl PxRect {
    fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    fn intersects(&self, other: &Self) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    fn grown(&self, by: f64) -> Self {
        Self {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }
}

/// Web Mercator on the unit sphere (x = λ, y = ln tan(π/4 + φ/2)), latitude clamped.
fn mercator(lon: f64, lat: f64) -> (f64, f64) {
    let lat = lat.clamp(-MAX_MERCATOR_LAT, MAX_MERCATOR_LAT).to_radians();
    (lon.to_radians(), (FRAC_PI_4 + lat / 2.0).tan().ln())
}

/// Web Mercator fitted to a frame.
struct Projection {
    centre: (f64, f64),
    scale: f64,
    frame_centre: (f64, f64),
    metres_per_px: f64,
}

impl Projection {
    /// Fits the Mercator bounds `(x0, y0, x1, y1)` into `frame` with a margin, showing at least
    /// [`MIN_MAP_EXTENT_M`] each way.
    fn fit(bounds: (f64, f64, f64, f64), frame: &PxRect) -> Self {
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

    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = mercator(lon, lat);
        (
            self.frame_centre.0 + (x - self.centre.0) * self.scale,
            self.frame_centre.1 - (y - self.centre.1) * self.scale,
        )
    }

    /// The pixel box of a lon/lat box (Mercator is monotonic in both axes).
    fn project_rect(&self, min: Coord<f64>, max: Coord<f64>) -> PxRect {
        let (x0, y1) = self.project(min.x, min.y);
        let (x1, y0) = self.project(max.x, max.y);
        PxRect { x0, y0, x1, y1 }
    }
}

/// The Mercator bounds of the lands' and points' finite coordinates.
fn data_bounds(lands: &[MapPolygon<'_>], points: &[MapPoint]) -> Option<(f64, f64, f64, f64)> {
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
    let ((x0, y0), (x1, y1)) = (mercator(lon0, lat0), mercator(lon1, lat1));
    Some((x0, y0, x1, y1))
}

/// Clips a ring (without its closing vertex) to `rect` (Sutherland–Hodgman); the result may run
/// along the rectangle's edges, which is right for the fill and harmless outside the frame.
fn clip_ring(ring: &[(f64, f64)], rect: &PxRect) -> Vec<(f64, f64)> {
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
struct PathWriter<'a> {
    projection: &'a Projection,
    clip: PxRect,
    ring: Vec<(f64, f64)>,
}

impl PathWriter<'_> {
    /// Appends the rings of `shape` to `d`; returns whether anything was written.
    fn write(&mut self, d: &mut String, shape: &MultiPolygon<f64>) -> Result<bool, fmt::Error> {
        let mut wrote = false;
        for polygon in &shape.0 {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                wrote |= self.write_ring(d, ring)?;
            }
        }
        Ok(wrote)
    }

    fn write_ring(&mut self, d: &mut String, ring: &LineString<f64>) -> Result<bool, fmt::Error> {
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

/// Boxes looked up through a coarse grid (deterministic: the map is only probed, never iterated).
struct BoxGrid {
    boxes: Vec<PxRect>,
    grid: HashMap<(i64, i64), Vec<usize>>,
}

impl BoxGrid {
    const CELL: f64 = 64.0;

    fn new() -> Self {
        Self {
            boxes: Vec::new(),
            grid: HashMap::default(),
        }
    }

    fn cells(rect: &PxRect) -> impl Iterator<Item = (i64, i64)> {
        let cell = |v: f64| (v / Self::CELL).floor() as i64;
        let (cx0, cx1, cy0, cy1) = (cell(rect.x0), cell(rect.x1), cell(rect.y0), cell(rect.y1));
        (cx0..=cx1).flat_map(move |x| (cy0..=cy1).map(move |y| (x, y)))
    }

    fn overlaps(&self, rect: &PxRect) -> bool {
        Self::cells(rect).any(|key| {
            self.grid
                .get(&key)
                .is_some_and(|ids| ids.iter().any(|&i| self.boxes[i].intersects(rect)))
        })
    }

    fn insert(&mut self, rect: PxRect) {
        let id = self.boxes.len();
        self.boxes.push(rect);
        for key in Self::cells(&rect) {
            self.grid.entry(key).or_default().push(id);
        }
    }
}

/// Where the soft obstacles of the labels (point symbols, small lands) are, on a raster of
/// the frame, answered in constant time per box through a summed-area table.
struct Coverage {
    origin: (f64, f64),
    cell: f64,
    cols: usize,
    rows: usize,
    marks: Vec<u8>,
    sums: Vec<u32>,
}

impl Coverage {
    fn new(frame: &PxRect) -> Self {
        // About a million cells at most, whatever the size of the map.
        let cell = (frame.width() * frame.height() / 1e6)
            .sqrt()
            .ceil()
            .max(1.0);
        let cols = to_count((frame.width() / cell).ceil()).max(1);
        let rows = to_count((frame.height() / cell).ceil()).max(1);
        Self {
            origin: (frame.x0, frame.y0),
            cell,
            cols,
            rows,
            marks: vec![0; cols * rows],
            sums: Vec::new(),
        }
    }

    /// The cells `[c0, c1) × [r0, r1)` a box covers (shrunk by `inset` px), if any.
    fn span(&self, rect: &PxRect, inset: f64) -> Option<(usize, usize, usize, usize)> {
        let col = |x: f64| ((x - self.origin.0) / self.cell).floor();
        let row = |y: f64| ((y - self.origin.1) / self.cell).floor();
        let (c0, c1) = (col(rect.x0 + inset), col(rect.x1 - inset) + 1.0);
        let (r0, r1) = (row(rect.y0 + inset), row(rect.y1 - inset) + 1.0);
        let (cols, rows) = (self.cols as f64, self.rows as f64);
        if !(c0 < cols && r0 < rows && c1 > 0.0 && r1 > 0.0 && c0 < c1 && r0 < r1) {
            return None;
        }
        Some((
            to_count(c0),
            to_count(c1.min(cols)),
            to_count(r0),
            to_count(r1.min(rows)),
        ))
    }

    fn mark(&mut self, rect: &PxRect) {
        if let Some((c0, c1, r0, r1)) = self.span(rect, 0.0) {
            for r in r0..r1 {
                self.marks[r * self.cols + c0..r * self.cols + c1].fill(1);
            }
        }
    }

    /// Builds the summed-area table; call once, after the last `mark`.
    fn finish(&mut self) {
        let w = self.cols + 1;
        self.sums = vec![0; w * (self.rows + 1)];
        for r in 0..self.rows {
            for c in 0..self.cols {
                self.sums[(r + 1) * w + c + 1] = u32::from(self.marks[r * self.cols + c])
                    + self.sums[r * w + c + 1]
                    + self.sums[(r + 1) * w + c]
                    - self.sums[r * w + c];
            }
        }
    }

    /// Whether any marked cell lies under the box (touching edges do not count).
    fn covered(&self, rect: &PxRect) -> bool {
        let Some((c0, c1, r0, r1)) = self.span(rect, 0.5) else {
            return false;
        };
        let w = self.cols + 1;
        let at = |r: usize, c: usize| self.sums.get(r * w + c).copied().unwrap_or(0);
        at(r1, c1) + at(r0, c0) > at(r0, c1) + at(r1, c0)
    }
}

/// Greedy label placement: a label never overlaps a placed label or the map furniture (hard
/// obstacles); a label set beside a small land also keeps clear of the point symbols and the
/// other small lands (soft obstacles), or is left out.
struct LabelPlacer {
    hard: BoxGrid,
    soft: Coverage,
}

impl LabelPlacer {
    /// Places the first candidate clear of the hard obstacles (and, if `strict`, of the soft
    /// ones; else preferring one that is); returns the box placed.
    fn place(&mut self, candidates: &[PxRect], strict: bool) -> Option<PxRect> {
        let clear = candidates
            .iter()
            .find(|r| !self.hard.overlaps(r) && !self.soft.covered(r));
        let chosen = if strict {
            clear
        } else {
            clear.or_else(|| candidates.iter().find(|r| !self.hard.overlaps(r)))
        }
        .copied()?;
        self.hard.insert(chosen);
        Some(chosen)
    }
}

/// The map's legend laid out in columns.
struct MapLegend {
    texts: Vec<String>,
    column_w: f64,
    rows: usize,
}

const LEGEND_ROW: f64 = 22.0;

impl MapLegend {
    fn new(entries: &[LegendEntry], width: f64) -> Self {
        let inner = width - 2.0 * PAD - 16.0;
        let texts: Vec<String> = entries
            .iter()
            .map(|e| fit_text(&e.text, LABEL_SIZE, inner - 34.0))
            .collect();
        let column_w = texts
            .iter()
            .map(|t| 34.0 + text_width(t, LABEL_SIZE) + 18.0)
            .fold(0.0, f64::max);
        let columns = to_count((inner / column_w.max(1.0)).floor()).clamp(1, texts.len().max(1));
        let rows = texts.len().div_ceil(columns);
        Self {
            texts,
            column_w: inner / columns as f64,
            rows,
        }
    }

    fn height(&self) -> f64 {
        if self.rows == 0 {
            0.0
        } else {
            self.rows as f64 * LEGEND_ROW + 12.0
        }
    }

    fn write(
        &self,
        out: &mut String,
        entries: &[LegendEntry],
        x0: f64,
        y0: f64,
        width: f64,
    ) -> fmt::Result {
        if self.rows == 0 {
            return Ok(());
        }
        writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#bbbbbb\" stroke-width=\"1\"/>",
            D1(x0),
            D1(y0),
            D1(width),
            D1(self.height())
        )?;
        for (i, (entry, text)) in entries.iter().zip(&self.texts).enumerate() {
            // Column-major order, so the entries read down the columns.
            let (column, row) = (i / self.rows, i % self.rows);
            let x = x0 + 8.0 + column as f64 * self.column_w;
            let centre = y0 + 6.0 + (row as f64 + 0.5) * LEGEND_ROW;
            match &entry.swatch {
                LegendSwatch::Area {
                    fill,
                    fill_opacity,
                    outline,
                    dashed,
                } => writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"24\" height=\"14\" fill=\"{fill}\" fill-opacity=\"{}\" stroke=\"{outline}\" stroke-width=\"1.5\"{}/>",
                    D1(x + 1.0),
                    D1(centre - 7.0),
                    Opacity(*fill_opacity),
                    dash_attr(*dashed)
                )?,
                LegendSwatch::Point { colour, symbol } => {
                    write_point_symbol(out, (x + 13.0, centre), *colour, symbol)?;
                }
            }
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{TEXT}\">{}</text>",
                D1(x + 34.0),
                D1(centre + 4.0),
                Esc(text)
            )?;
        }
        Ok(())
    }
}

fn dash_attr(dashed: bool) -> &'static str {
    if dashed {
        " stroke-dasharray=\"5 3\""
    } else {
        ""
    }
}

/// A circle with one or two letters.
fn write_point_symbol(
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
            Esc(&symbol)
        )?;
    }
    out.push('\n');
    Ok(())
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
/// `points`, the map is a framed box saying [`NO_LANDS_TEXT`].
#[expect(
    clippy::too_many_arguments,
    reason = "the report calls it with each layer separately; the signature is fixed"
)]
pub fn map_svg(
    lands: &[MapPolygon<'_>],
    released: &[MapPolygon<'_>],
    points: &[MapPoint],
    basemap: &[&MultiPolygon<f64>],
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
    };
    write_map(&mut out, &layers, legend, attribution, width_px, height_px)
        .map(|()| out)
        .unwrap_or_default()
}

/// What the map draws.
struct MapLayers<'a> {
    lands: &'a [MapPolygon<'a>],
    released: &'a [MapPolygon<'a>],
    points: &'a [MapPoint],
    basemap: &'a [&'a MultiPolygon<f64>],
}

fn write_map(
    out: &mut String,
    layers: &MapLayers<'_>,
    legend: &[LegendEntry],
    attribution: &str,
    width_px: u32,
    height_px: u32,
) -> fmt::Result {
    let width = f64::from(width_px.max(240));
    let height = f64::from(height_px.max(120));
    let label = format!(
        "Map of {} land{}, {} released area{} and {} point{}",
        layers.lands.len(),
        if layers.lands.len() == 1 { "" } else { "s" },
        layers.released.len(),
        if layers.released.len() == 1 { "" } else { "s" },
        layers.points.len(),
        if layers.points.len() == 1 { "" } else { "s" },
    );
    let Some(bounds) = data_bounds(layers.lands, layers.points) else {
        let height = height.min(120.0);
        open_svg(out, width, height, "Map: no lands to show")?;
        write_message_box(out, (0.5, 0.5, width - 1.0, height - 1.0), NO_LANDS_TEXT)?;
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
    let furniture = write_furniture(out, &projection, &frame)?;
    for rect in furniture {
        placer.hard.insert(rect);
    }
    write_labels(out, &projection, &frame, layers, &boxes, &mut placer)?;
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
            Esc(line)
        )?;
    }
    close_svg(out)
}

/// The basemap countries meeting the view.
fn write_basemap(
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
struct Marker {
    land: usize,
    at: (f64, f64),
}

/// The lands' fills, the released polygons, the lands' outlines and the small-land markers.
fn write_polygons(
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

/// The pixel box a polygon occupies on the map: its projected bounding box, or the marker
/// square for a land too small to draw.
/// The box of `shape` on the map, if it has one there.
fn projected_box(projection: &Projection, shape: &MultiPolygon<f64>) -> Option<PxRect> {
    let rect = shape.bounding_rect()?;
    let px = projection.project_rect(rect.min(), rect.max());
    (px.x0.is_finite() && px.y0.is_finite() && px.x1.is_finite() && px.y1.is_finite()).then_some(px)
}

/// What is drawn for a polygon whose projected box is `px`: the box itself, or the marker of a
/// land too small to draw.
fn drawn_box(px: PxRect) -> PxRect {
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

/// The labels of the lands, then of the released polygons, greedily skipping overlaps.
///
/// A polygon with room for its label gets it at its interior point; a smaller one (or a marker)
/// gets it beside it: above, right, below, left or at a corner, whichever is free first.
fn write_labels(
    out: &mut String,
    projection: &Projection,
    frame: &PxRect,
    layers: &MapLayers<'_>,
    projected: &[Option<PxRect>],
    placer: &mut LabelPlacer,
) -> fmt::Result {
    let h = LABEL_SIZE + 4.0;
    for p in layers.points {
        if p.lon.is_finite() && p.lat.is_finite() {
            let (x, y) = projection.project(p.lon, p.lat);
            let r = POINT_RADIUS + 1.0;
            placer.soft.mark(&PxRect {
                x0: x - r,
                y0: y - r,
                x1: x + r,
                y1: y + r,
            });
        }
    }
    let boxes: Vec<Option<PxRect>> = projected.iter().map(|b| b.map(drawn_box)).collect();
    for b in boxes.iter().take(layers.lands.len()).flatten() {
        if b.width() < 60.0 && b.height() < 2.0 * h {
            placer.soft.mark(&b.grown(0.5));
        }
    }
    placer.soft.finish();
    let inner = frame.grown(-2.0);
    let mut wrote_group = false;
    for (polygon, bbox) in layers.lands.iter().chain(layers.released).zip(&boxes) {
        let (Some(text), Some(bbox)) = (
            polygon
                .label
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty()),
            bbox,
        ) else {
            continue;
        };
        if !bbox.intersects(frame) {
            continue;
        }
        let text = fit_text(text, LABEL_SIZE * 1.09, 160.0);
        let w = bold_width(&text, LABEL_SIZE) + 4.0;
        let (cx, cy) = (
            f64::midpoint(bbox.x0, bbox.x1),
            f64::midpoint(bbox.y0, bbox.y1),
        );
        let inside = bbox.width() >= w + 4.0 && bbox.height() >= h + 2.0;
        let centres: Vec<(f64, f64)> = if inside {
            let Some(point) = polygon
                .shape
                .interior_point()
                .or_else(|| polygon.shape.centroid())
            else {
                continue;
            };
            vec![projection.project(point.x(), point.y())]
        } else {
            let (above, below) = (bbox.y0 - 1.0 - h / 2.0, bbox.y1 + 1.0 + h / 2.0);
            let (right, left) = (bbox.x1 + 2.0 + w / 2.0, bbox.x0 - 2.0 - w / 2.0);
            vec![
                (cx, above),
                (right, cy),
                (cx, below),
                (left, cy),
                (right, above),
                (left, above),
                (right, below),
                (left, below),
            ]
        };
        let candidates: Vec<PxRect> = centres
            .into_iter()
            .filter(|c| c.0.is_finite() && c.1.is_finite())
            .map(|(x, y)| {
                // Keep the box inside the frame.
                let x0 = (x - w / 2.0).clamp(inner.x0, (inner.x1 - w).max(inner.x0));
                let y0 = (y - h / 2.0).clamp(inner.y0, (inner.y1 - h).max(inner.y0));
                PxRect {
                    x0,
                    y0,
                    x1: x0 + w,
                    y1: y0 + h,
                }
            })
            .collect();
        let Some(rect) = placer.place(&candidates, !inside) else {
            continue;
        };
        if !wrote_group {
            writeln!(
                out,
                "<g font-size=\"{LABEL_SIZE}\" font-weight=\"bold\" fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\" text-anchor=\"middle\">"
            )?;
            wrote_group = true;
        }
        writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            D1(f64::midpoint(rect.x0, rect.x1)),
            D1(f64::midpoint(rect.y0, rect.y1) + LABEL_SIZE * 0.36),
            Esc(&text)
        )?;
    }
    if wrote_group {
        out.write_str("</g>\n")?;
    }
    Ok(())
}

/// The largest 1-2-5 × 10ⁿ value ≤ `limit` (at least 1).
fn round_distance(limit: f64) -> f64 {
    if !(limit.is_finite() && limit > 1.0) {
        return 1.0;
    }
    let exp = limit.log10().floor() as i32;
    let base = pow10(exp);
    let norm = limit / base;
    let nice = if norm >= 5.0 {
        5.0
    } else if norm >= 2.0 {
        2.0
    } else {
        1.0
    };
    nice * base
}

/// `500 m`, `1 km`, `2 000 km`.
fn distance_label(metres: f64) -> String {
    if metres >= 1000.0 {
        format!("{} km", format_number(metres / 1000.0, 0))
    } else {
        format!("{} m", format_number(metres, 0))
    }
}

/// The scale bar (bottom left) and the north arrow (top right); returns their boxes.
fn write_furniture(
    out: &mut String,
    projection: &Projection,
    frame: &PxRect,
) -> Result<Vec<PxRect>, fmt::Error> {
    let distance = round_distance(frame.width() * 0.22 * projection.metres_per_px);
    let length = distance / projection.metres_per_px;
    let text = distance_label(distance);
    let x0 = frame.x0 + 14.0;
    let bar_y = frame.y1 - 18.0;
    let text_w = text_width(&text, LABEL_SIZE);
    let scale_box = PxRect {
        x0: x0 - 8.0,
        y0: bar_y - 10.0,
        x1: x0 + length + 8.0 + text_w + 8.0,
        y1: bar_y + 16.0,
    };
    writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>",
        D1(scale_box.x0),
        D1(scale_box.y0),
        D1(scale_box.width()),
        D1(scale_box.height())
    )?;
    writeln!(
        out,
        "<g stroke=\"#222222\" stroke-width=\"1\"><rect x=\"{}\" y=\"{}\" width=\"{half}\" height=\"6\" fill=\"#222222\"/><rect x=\"{}\" y=\"{}\" width=\"{half}\" height=\"6\" fill=\"#ffffff\"/></g>",
        D1(x0),
        D1(bar_y),
        D1(x0 + length / 2.0),
        D1(bar_y),
        half = D1(length / 2.0),
    )?;
    writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{TEXT}\">{}</text>",
        D1(x0 + length + 8.0),
        D1(bar_y + 7.0),
        Esc(&text)
    )?;

    let cx = frame.x1 - 22.0;
    let top = frame.y0 + 8.0;
    let arrow_box = PxRect {
        x0: cx - 15.0,
        y0: top,
        x1: cx + 15.0,
        y1: top + 44.0,
    };
    writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"30\" height=\"44\" rx=\"2\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>\
         <text x=\"{cx}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" fill=\"{TEXT}\" text-anchor=\"middle\">N</text>\
         <path d=\"M{cx} {}L{} {}L{cx} {}Z\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"1\" stroke-linejoin=\"round\"/>\
         <path d=\"M{cx} {}L{} {}L{cx} {}Z\" fill=\"#222222\"/>",
        D1(arrow_box.x0),
        D1(arrow_box.y0),
        D1(top + 15.0),
        D1(top + 19.0),
        D1(cx + 7.0),
        D1(top + 39.0),
        D1(top + 33.0),
        D1(top + 19.0),
        D1(cx - 7.0),
        D1(top + 39.0),
        D1(top + 33.0),
        cx = D1(cx),
    )?;
    Ok(vec![scale_box, arrow_box])
}

#[cfg(test)]
mod tests {
    use geo_types::{Polygon, polygon};

    use super::*;

    fn square(lon: f64, lat: f64, size_deg: f64) -> MultiPolygon<f64> {
        MultiPolygon(vec![polygon![
            (x: lon, y: lat),
            (x: lon + size_deg, y: lat),
            (x: lon + size_deg, y: lat + size_deg),
            (x: lon, y: lat + size_deg),
            (x: lon, y: lat),
        ]])
    }

    fn land(lon: f64, lat: f64, label: &str) -> MapPolygon<'static> {
        MapPolygon {
            shape: Cow::Owned(square(lon, lat, 0.003)),
            fill: Rgb(255, 0, 0),
            fill_opacity: 0.5,
            outline: Rgb(200, 0, 0),
            dashed: false,
            label: Some(label.to_owned()),
        }
    }

    fn sample_series() -> (Vec<String>, Vec<Series>) {
        let categories: Vec<String> = (1..=12).map(|m| format!("2025-{m:02}")).collect();
        let series = vec![
            Series {
                label: "Cancelled".to_owned(),
                colour: Rgb(120, 170, 230),
                values: (0..12).map(|i| f64::from(i) * 1000.0).collect(),
            },
            Series {
                label: "Cleared".to_owned(),
                colour: Rgb(40, 150, 70),
                values: (0..12).map(|i| f64::from(i % 3) * 2500.0).collect(),
            },
        ];
        (categories, series)
    }

    fn basemap_country() -> MultiPolygon<f64> {
        MultiPolygon(vec![polygon![
            (x: 15.7, y: 45.2), (x: 19.6, y: 45.2), (x: 19.4, y: 42.6), (x: 16.0, y: 43.0),
        ]])
    }

    #[test]
    fn format_number_groups_thousands() {
        assert_eq!(format_number(12_000.0, 0), "12 000");
        assert_eq!(format_number(1_234_567.891, 1), "1 234 567.9");
        assert_eq!(format_number(999.4, 0), "999");
        assert_eq!(format_number(-0.2, 0), "0");
        assert_eq!(format_number(-1_500.0, 0), "-1 500");
        assert_eq!(format_number(0.5, 2), "0.50");
        assert_eq!(format_number(f64::NAN, 0), "–");
    }

    #[test]
    fn nice_ticks_use_1_2_5_steps() {
        assert_eq!(
            nice_ticks(12_345.0, 5),
            vec![0.0, 5_000.0, 10_000.0, 15_000.0]
        );
        assert_eq!(
            nice_ticks(100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_ticks(0.8, 4), vec![0.0, 0.2, 0.4, 0.6, 0.8]);
        assert_eq!(nice_ticks(7.0, 2), vec![0.0, 5.0, 10.0]);
        assert_eq!(nice_ticks(1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, 5), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(3.0, 0), vec![0.0, 5.0]);
        for max in [0.013, 0.7, 3.3, 47.0, 999.0, 1001.0, 123_456.0, 9.9e9] {
            let ticks = nice_ticks(max, 5);
            let step = ticks[1];
            let norm = step / 10f64.powf(step.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|n| (norm - n).abs() < 1e-9),
                "{max}: {ticks:?}"
            );
            assert!(*ticks.last().unwrap() >= max, "{max}: {ticks:?}");
            assert!(ticks.len() - 1 <= 5 * 2, "{max}: {ticks:?}");
        }
        let ticks = Ticks::new(0.8, 4);
        assert_eq!(ticks.labels(), vec!["0.0", "0.2", "0.4", "0.6", "0.8"]);
    }

    #[test]
    fn charts_are_deterministic() {
        let (categories, series) = sample_series();
        let a = stacked_bar_chart("Released", "m²", &categories, &series, 700, 300);
        let b = stacked_bar_chart("Released", "m²", &categories, &series, 700, 300);
        assert_eq!(a, b);
        assert!(a.starts_with("<svg "));
        assert!(a.contains("role=\"img\""));
        assert!(a.contains("12 500"), "the largest total is written");
        let bars = vec![
            ("CHA".to_owned(), 1234.0, Rgb(255, 0, 0)),
            ("SHA".to_owned(), 99.5, Rgb(244, 167, 24)),
        ];
        assert_eq!(
            horizontal_bar_chart("Remaining", "m²", &bars, 360),
            horizontal_bar_chart("Remaining", "m²", &bars, 360)
        );
        let lands = [land(18.1, 44.7, "L-1"), land(18.2, 44.75, "L-2")];
        let country = basemap_country();
        let map = || map_svg(&lands, &[], &[], &[&country], &[], "Basemap", 700, 500);
        assert_eq!(map(), map());
    }

    #[test]
    fn text_is_escaped() {
        let nasty = "<b>&\"'</b>";
        let (categories, mut series) = sample_series();
        series[0].label = nasty.to_owned();
        let chart = stacked_bar_chart(nasty, nasty, &categories, &series, 700, 300);
        let bars = vec![(nasty.to_owned(), 3.0, Rgb(1, 2, 3))];
        let hbar = horizontal_bar_chart(nasty, nasty, &bars, 500);
        let mut l = land(18.1, 44.7, nasty);
        l.label = Some("A<&>".to_owned());
        let legend = [LegendEntry {
            swatch: LegendSwatch::Point {
                colour: Rgb(0, 0, 0),
                symbol: "<&".to_owned(),
            },
            text: nasty.to_owned(),
        }];
        let point = MapPoint {
            lon: 18.1,
            lat: 44.7,
            colour: Rgb(0, 0, 0),
            symbol: "&".to_owned(),
        };
        let map = map_svg(&[l], &[], &[point], &[], &legend, nasty, 700, 500);
        for svg in [&chart, &hbar, &map] {
            assert!(!svg.contains("<b>"), "{svg}");
            assert!(!svg.contains("&\""), "{svg}");
            assert!(svg.contains("&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;"), "{svg}");
        }
        assert!(map.contains(">A&lt;&amp;&gt;</text>"), "{map}");
        assert!(map.contains(">&lt;&amp;</text>"), "{map}");
        assert_eq!(Esc("a\u{1}b").to_string(), "a b");
    }

    #[test]
    fn empty_data_says_so() {
        let (categories, mut series) = sample_series();
        for s in &mut series {
            s.values = vec![0.0; 12];
        }
        let chart = stacked_bar_chart("T", "m²", &categories, &series, 700, 300);
        assert!(chart.contains(NO_DATA_TEXT));
        assert!(!chart.contains("NaN") && !chart.contains("inf"));
        assert!(stacked_bar_chart("T", "m²", &[], &[], 700, 300).contains(NO_DATA_TEXT));
        assert!(stacked_bar_chart("T", "m²", &categories, &[], 700, 300).contains(NO_DATA_TEXT));
        let bars = vec![
            ("A".to_owned(), 0.0, Rgb(1, 2, 3)),
            ("B".to_owned(), f64::NAN, Rgb(1, 2, 3)),
        ];
        assert!(horizontal_bar_chart("T", "m²", &bars, 360).contains(NO_DATA_TEXT));
        assert!(horizontal_bar_chart("T", "m²", &[], 360).contains(NO_DATA_TEXT));
        let country = basemap_country();
        let map = map_svg(&[], &[], &[], &[&country], &[], "Basemap", 700, 500);
        assert!(map.contains(NO_LANDS_TEXT));
        let empty_land = MapPolygon {
            shape: Cow::Owned(MultiPolygon(vec![])),
            ..land(0.0, 0.0, "X")
        };
        assert!(map_svg(&[empty_land], &[], &[], &[], &[], "", 700, 500).contains(NO_LANDS_TEXT));
    }

    #[test]
    fn sixty_categories_fit() {
        let categories: Vec<String> = (0..60)
            .map(|i| format!("{}-{:02}", 2020 + i / 12, i % 12 + 1))
            .collect();
        let series = vec![Series {
            label: "Cleared".to_owned(),
            colour: Rgb(40, 150, 70),
            values: (0..60).map(|i| f64::from(i) * 1234.5).collect(),
        }];
        let chart = stacked_bar_chart("Sixty", "m²", &categories, &series, 700, 320);
        assert!(chart.contains("rotate(-45)"));
        assert!(chart.contains(">2020-01<"));
        assert!(!chart.contains(">2020-02<"), "labels are thinned out");
        assert!(!chart.contains("NaN"));
    }

    #[test]
    fn a_land_far_outside_the_basemap_does_not_break_the_map() {
        let country = basemap_country();
        let far = [
            land(18.1, 44.7, "NEAR"),
            land(-70.0, -30.0, "FAR"),
            land(170.0, 84.9, "NORTH"),
        ];
        let map = map_svg(&far, &[], &[], &[&country], &[], "Basemap", 700, 500);
        assert!(
            map.contains(">FAR</text>") && map.contains(">NEAR</text>"),
            "{map}"
        );
        assert!(!map.contains("NaN") && !map.contains("inf"));
        // Only a land far away from the basemap: the country is culled.
        let alone = map_svg(&far[1..2], &[], &[], &[&country], &[], "Basemap", 700, 500);
        assert!(
            alone.contains("stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n</g>"),
            "country culled: {alone}"
        );
        assert!(alone.contains(">FAR</text>"), "{alone}");
        assert!(!alone.contains("NaN"));
    }

    #[test]
    fn tiny_lands_become_markers_and_the_svg_stays_bounded() {
        let lands: Vec<MapPolygon<'_>> = (0..20_000)
            .map(|i| {
                let f = f64::from(i);
                MapPolygon {
                    shape: Cow::Owned(square(
                        16.0 + (f * 0.618).fract() * 3.0,
                        43.0 + (f * 0.382).fract() * 2.0,
                        0.0005,
                    )),
                    label: None,
                    ..land(0.0, 0.0, "")
                }
            })
            .collect();
        let map = map_svg(&lands, &[], &[], &[], &[], "", 700, 500);
        assert!(map.contains("<rect"), "markers drawn");
        assert!(map.len() < 2_000_000, "{} bytes", map.len());
    }

    #[test]
    fn clipping_and_thinning() {
        let rect = PxRect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        let clipped = clip_ring(
            &[(-5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (-5.0, 15.0)],
            &rect,
        );
        assert_eq!(clipped.len(), 4);
        assert!(clipped.iter().all(|&p| rect.contains(p)));
        assert!(clip_ring(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], &rect).is_empty());
        // A polygon with a hole keeps its hole.
        let holed = MultiPolygon(vec![Polygon::new(
            square(18.0, 44.0, 0.1).0[0].exterior().clone(),
            vec![square(18.03, 44.03, 0.04).0[0].exterior().clone()],
        )]);
        let l = MapPolygon {
            shape: Cow::Owned(holed),
            ..land(0.0, 0.0, "H")
        };
        let map = map_svg(&[l], &[], &[], &[], &[], "", 700, 500);
        assert!(map.matches('Z').count() >= 4, "{map}");
    }

    #[test]
    fn overlapping_labels_are_skipped_in_input_order() {
        // Two large lands at (almost) the same place: the first one's label wins.
        let mut first = land(18.1, 44.7, "FIRST");
        first.shape = Cow::Owned(square(18.1, 44.7, 0.06));
        let mut second = first.clone();
        second.label = Some("SECOND".to_owned());
        let mut third = land(18.3, 44.9, "THIRD");
        third.shape = Cow::Owned(square(18.3, 44.9, 0.06));
        let map = map_svg(&[first, second, third], &[], &[], &[], &[], "", 700, 500);
        assert!(map.contains(">FIRST</text>"), "{map}");
        assert!(!map.contains(">SECOND</text>"), "{map}");
        assert!(map.contains(">THIRD</text>"), "{map}");
        // Lands are drawn with evenodd paths, dashed when asked, released parts above them.
        let mut dashed = land(18.2, 44.8, "D");
        dashed.dashed = true;
        let released = MapPolygon {
            fill: Rgb(190, 230, 150),
            fill_opacity: 0.6,
            ..land(18.2, 44.8, "")
        };
        let map = map_svg(&[dashed], &[released], &[], &[], &[], "", 700, 500);
        assert!(map.contains("stroke-dasharray=\"5 3\""));
        assert!(map.contains("fill-rule=\"evenodd\""));
        let land_fill = map.find("fill=\"#ff0000\"").unwrap();
        let released_fill = map.find("fill=\"#bee696\"").unwrap();
        let land_outline = map.find("stroke=\"#c80000\" stroke-dasharray").unwrap();
        assert!(land_fill < released_fill && released_fill < land_outline);
    }

    #[test]
    fn scale_bar_distances_are_round() {
        assert!((round_distance(1_300.0) - 1_000.0).abs() < 1e-9);
        assert!((round_distance(4_999.0) - 2_000.0).abs() < 1e-9);
        assert!((round_distance(730.0) - 500.0).abs() < 1e-9);
        assert_eq!(distance_label(500.0), "500 m");
        assert_eq!(distance_label(2_000.0), "2 km");
        assert_eq!(distance_label(2_000_000.0), "2 000 km");
    }
}
