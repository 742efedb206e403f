//! The store's reference layers on the report's map (those the user marked for the report):
//! lines and outlines in the palette's reference colours under the lands, settlement dots, and
//! their names placed after the lands' labels, never over one.

use std::fmt::{self, Write as _};

use geo_types::Geometry;

use super::canvas::{Projection, PxRect};
use super::labels::LabelPlacer;
use super::text::{D1, fit_text, text_width};
use super::{MIN_VERTEX_STEP_PX, ReportLayer, TEXT};
use crate::domain::LayerRole;
use crate::domain::symbology::{reference_colour, reference_line_px};
use crate::reports::escape::TextContent;

/// Font size of reference labels, in pixels.
const REFERENCE_LABEL_SIZE: f64 = 10.0;

/// Most reference labels on one map.
const MAX_REFERENCE_LABELS: usize = 150;

/// Draws the layers' lines, outlines and dots (bottom first), clipped to `clip`.
pub(super) fn write_reference(
    out: &mut String,
    projection: &Projection,
    clip: &PxRect,
    layers: &[ReportLayer<'_>],
) -> fmt::Result {
    for (spec, layer) in layers {
        let colour = reference_colour(spec.role);
        writeln!(
            out,
            "<g fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-linejoin=\"round\" stroke-linecap=\"round\">",
            D1(f64::from(reference_line_px(spec.role)))
        )?;
        let mut d = String::new();
        let mut dots = String::new();
        for f in &layer.features {
            let b = f.bbox_lon_lat;
            let (x0, y1) = projection.project(b[0], b[1]);
            let (x1, y0) = projection.project(b[2], b[3]);
            let px = PxRect { x0, y0, x1, y1 };
            if !px.intersects(clip) {
                continue;
            }
            d.clear();
            write_geometry(&mut d, &mut dots, projection, clip, &f.geometry)?;
            if !d.is_empty() {
                writeln!(out, "<path d=\"{d}\"/>")?;
            }
        }
        out.write_str("</g>\n")?;
        if !dots.is_empty() {
            writeln!(
                out,
                "<g fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"1\">{dots}</g>"
            )?;
        }
    }
    Ok(())
}

fn write_geometry(
    path: &mut String,
    dots: &mut String,
    projection: &Projection,
    clip: &PxRect,
    geometry: &Geometry<f64>,
) -> fmt::Result {
    let d = path;
    let line = |d: &mut String, coords: &[geo_types::Coord<f64>]| -> fmt::Result {
        let mut last: Option<(f64, f64)> = None;
        let n = coords.len();
        for (i, c) in coords.iter().enumerate() {
            let p = projection.project(c.x, c.y);
            if !(p.0.is_finite() && p.1.is_finite()) {
                continue;
            }
            let far = last.is_none_or(|q| {
                (p.0 - q.0).abs() >= MIN_VERTEX_STEP_PX || (p.1 - q.1).abs() >= MIN_VERTEX_STEP_PX
            });
            if far || i + 1 == n {
                let op = if last.is_none() { 'M' } else { 'L' };
                write!(d, "{op}{} {}", D1(p.0), D1(p.1))?;
                last = Some(p);
            }
        }
        Ok(())
    };
    match geometry {
        Geometry::Point(point) => {
            let at = projection.project(point.x(), point.y());
            if clip.contains(at) {
                write!(
                    dots,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"2.5\"/>",
                    D1(at.0),
                    D1(at.1)
                )?;
            }
        }
        Geometry::MultiPoint(mp) => {
            for p in mp {
                write_geometry(d, dots, projection, clip, &Geometry::Point(*p))?;
            }
        }
        Geometry::LineString(l) => line(d, &l.0)?,
        Geometry::MultiLineString(ml) => {
            for l in ml {
                line(d, &l.0)?;
            }
        }
        Geometry::Polygon(p) => {
            line(d, &p.exterior().0)?;
            for r in p.interiors() {
                line(d, &r.0)?;
            }
        }
        Geometry::MultiPolygon(mp) => {
            for p in mp {
                write_geometry(d, dots, projection, clip, &Geometry::Polygon(p.clone()))?;
            }
        }
        Geometry::GeometryCollection(gc) => {
            for part in gc {
                write_geometry(d, dots, projection, clip, part)?;
            }
        }
        Geometry::Line(l) => line(d, &[l.start, l.end])?,
        Geometry::Rect(r) => line(d, &r.to_polygon().exterior().0)?,
        Geometry::Triangle(t) => line(d, &t.to_polygon().exterior().0)?,
    }
    Ok(())
}

/// Names of the layers' labelled features (settlements' points; admin areas at their box's
/// centre when the area is large on the map), each where it clears every label placed so far.
pub(super) fn write_reference_labels(
    out: &mut String,
    projection: &Projection,
    frame: &PxRect,
    layers: &[ReportLayer<'_>],
    placer: &mut LabelPlacer,
) -> fmt::Result {
    let inner = frame.grown(-2.0);
    let mut written = 0;
    let mut opened = false;
    // Settlements first: they are what a reader orients by.
    let mut ordered: Vec<&ReportLayer<'_>> = layers.iter().collect();
    ordered.sort_by_key(|(s, _)| u8::from(s.role != LayerRole::Settlements));
    for (spec, layer) in ordered {
        let Some(field) = spec
            .label_field
            .as_deref()
            .and_then(|f| layer.field_index(f))
        else {
            continue;
        };
        for f in &layer.features {
            if written >= MAX_REFERENCE_LABELS {
                break;
            }
            let Some(text) = layer.value(f, field) else {
                continue;
            };
            let b = f.bbox_lon_lat;
            let (x0, y1) = projection.project(b[0], b[1]);
            let (x1, y0) = projection.project(b[2], b[3]);
            let point = matches!(f.geometry, Geometry::Point(_));
            if !point && (x1 - x0) < 120.0 {
                continue;
            }
            let (cx, cy) = (f64::midpoint(x0, x1), f64::midpoint(y0, y1));
            let text = fit_text(text, REFERENCE_LABEL_SIZE, 140.0);
            let w = text_width(&text, REFERENCE_LABEL_SIZE) + 4.0;
            let h = REFERENCE_LABEL_SIZE + 4.0;
            let candidates: Vec<PxRect> = if point {
                vec![
                    PxRect {
                        x0: cx + 4.0,
                        y0: cy - h / 2.0,
                        x1: cx + 4.0 + w,
                        y1: cy + h / 2.0,
                    },
                    PxRect {
                        x0: cx - 4.0 - w,
                        y0: cy - h / 2.0,
                        x1: cx - 4.0,
                        y1: cy + h / 2.0,
                    },
                ]
            } else {
                vec![PxRect {
                    x0: cx - w / 2.0,
                    y0: cy - h / 2.0,
                    x1: cx + w / 2.0,
                    y1: cy + h / 2.0,
                }]
            }
            .into_iter()
            .filter(|r| inner.contains((r.x0, r.y0)) && inner.contains((r.x1, r.y1)))
            .collect();
            let Some(spot) = placer.place(&candidates, true) else {
                continue;
            };
            if !opened {
                writeln!(
                    out,
                    "<g font-size=\"{REFERENCE_LABEL_SIZE}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">"
                )?;
                opened = true;
            }
            let fill = if spec.role == LayerRole::AdminBoundaries {
                reference_colour(spec.role).to_hex()
            } else {
                TEXT.to_owned()
            };
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" fill=\"{fill}\">{}</text>",
                D1(spot.x0 + 2.0),
                D1(spot.y1 - 4.0),
                TextContent(&text)
            )?;
            written += 1;
        }
    }
    if opened {
        out.write_str("</g>\n")?;
    }
    Ok(())
}
