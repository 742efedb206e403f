//! The map's labels, legend and furniture (scale bar, north arrow), placed without overlaps.

use super::canvas::{MapLayers, Projection, PxRect, dash_attr, drawn_box, write_point_symbol};
use super::text::{D1, Opacity, bold_width, fit_text, pow10, text_width, to_count};
use super::{LABEL_SIZE, LegendEntry, LegendSwatch, PAD, POINT_RADIUS, TEXT};
use crate::reports::escape::TextContent;
use geo::{Centroid, InteriorPoint};
use rustc_hash::FxHashMap as HashMap;
use std::fmt::{self, Write as _};

/// Boxes looked up through a coarse grid (deterministic: the map is only probed, never iterated).
pub(super) struct BoxGrid {
    pub(super) boxes: Vec<PxRect>,
    pub(super) grid: HashMap<(i64, i64), Vec<usize>>,
}

impl BoxGrid {
    pub(super) const CELL: f64 = 64.0;

    pub(super) fn new() -> Self {
        Self {
            boxes: Vec::new(),
            grid: HashMap::default(),
        }
    }

    pub(super) fn cells(rect: &PxRect) -> impl Iterator<Item = (i64, i64)> {
        let cell = |v: f64| (v / Self::CELL).floor() as i64;
        let (cx0, cx1, cy0, cy1) = (cell(rect.x0), cell(rect.x1), cell(rect.y0), cell(rect.y1));
        (cx0..=cx1).flat_map(move |x| (cy0..=cy1).map(move |y| (x, y)))
    }

    pub(super) fn overlaps(&self, rect: &PxRect) -> bool {
        Self::cells(rect).any(|key| {
            self.grid
                .get(&key)
                .is_some_and(|ids| ids.iter().any(|&i| self.boxes[i].intersects(rect)))
        })
    }

    pub(super) fn insert(&mut self, rect: PxRect) {
        let id = self.boxes.len();
        self.boxes.push(rect);
        for key in Self::cells(&rect) {
            self.grid.entry(key).or_default().push(id);
        }
    }
}

/// Where the soft obstacles of the labels (point symbols, small lands) are, on a raster of
/// the frame, answered in constant time per box through a summed-area table.
pub(super) struct Coverage {
    pub(super) origin: (f64, f64),
    pub(super) cell: f64,
    pub(super) cols: usize,
    pub(super) rows: usize,
    pub(super) marks: Vec<u8>,
    pub(super) sums: Vec<u32>,
}

impl Coverage {
    pub(super) fn new(frame: &PxRect) -> Self {
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
    pub(super) fn span(&self, rect: &PxRect, inset: f64) -> Option<(usize, usize, usize, usize)> {
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

    pub(super) fn mark(&mut self, rect: &PxRect) {
        if let Some((c0, c1, r0, r1)) = self.span(rect, 0.0) {
            for r in r0..r1 {
                self.marks[r * self.cols + c0..r * self.cols + c1].fill(1);
            }
        }
    }

    /// Builds the summed-area table; call once, after the last `mark`.
    pub(super) fn finish(&mut self) {
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
    pub(super) fn covered(&self, rect: &PxRect) -> bool {
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
pub(super) struct LabelPlacer {
    pub(super) hard: BoxGrid,
    pub(super) soft: Coverage,
}

impl LabelPlacer {
    /// Places the first candidate clear of the hard obstacles (and, if `strict`, of the soft
    /// ones; else preferring one that is); returns the box placed.
    pub(super) fn place(&mut self, candidates: &[PxRect], strict: bool) -> Option<PxRect> {
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
pub(super) struct MapLegend {
    pub(super) texts: Vec<String>,
    pub(super) column_w: f64,
    pub(super) rows: usize,
}

pub(super) const LEGEND_ROW: f64 = 22.0;

impl MapLegend {
    pub(super) fn new(entries: &[LegendEntry], width: f64) -> Self {
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

    pub(super) fn height(&self) -> f64 {
        if self.rows == 0 {
            0.0
        } else {
            self.rows as f64 * LEGEND_ROW + 12.0
        }
    }

    pub(super) fn write(
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
                TextContent(text)
            )?;
        }
        Ok(())
    }
}

/// The labels of the lands, then of the released polygons, greedily skipping overlaps.
///
/// A polygon with room for its label gets it at its interior point; a smaller one (or a marker)
/// gets it beside it: above, right, below, left or at a corner, whichever is free first.
pub(super) fn write_labels(
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
            TextContent(&text)
        )?;
    }
    if wrote_group {
        out.write_str("</g>\n")?;
    }
    Ok(())
}

/// The largest 1-2-5 × 10ⁿ value ≤ `limit` (at least 1).
pub(super) fn round_distance(limit: f64) -> f64 {
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
pub(super) fn distance_label(tr: super::Tr, metres: f64) -> String {
    if metres >= 1000.0 {
        tr.unit_km(crate::i18n::Arg::decimal(metres / 1000.0, 0))
    } else {
        tr.unit_m(crate::i18n::Arg::decimal(metres, 0))
    }
}

/// The scale bar (bottom left) and the north arrow (top right); returns their boxes.
pub(super) fn write_furniture(
    out: &mut String,
    tr: super::Tr,
    projection: &Projection,
    frame: &PxRect,
) -> Result<Vec<PxRect>, fmt::Error> {
    let distance = round_distance(frame.width() * 0.22 * projection.metres_per_px);
    let length = distance / projection.metres_per_px;
    let text = distance_label(tr, distance);
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
        TextContent(&text)
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
