//! Shared SVG pieces: the root element, titles, message boxes.

use super::text::{D1, two_lines};
use super::{FONT_FAMILY, MUTED, PAD, TEXT, TITLE_HEIGHT, TITLE_LINE, TITLE_SIZE};
use crate::reports::escape::{Escaped, TextContent};
use std::fmt::{self, Write as _};

// ---------------------------------------------------------------------------------------------
// Shared SVG pieces
// ---------------------------------------------------------------------------------------------

/// Writes the root element (and its `<title>`). Charts and maps are laid out left to right in
/// every language (`direction="ltr"`: a right-to-left page would otherwise anchor every text on
/// the wrong side); a right-to-left label still reads right to left within itself.
pub(super) fn open_svg(out: &mut String, width: f64, height: f64, label: &str) -> fmt::Result {
    let w = width.round();
    let h = height.ceil();
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
         style=\"max-width:{w}px;height:auto;display:block\" role=\"img\" aria-label=\"{label}\" \
         font-family=\"{FONT_FAMILY}\" direction=\"ltr\"><title>{label}</title>",
        label = Escaped(label),
    )
}

pub(super) fn close_svg(out: &mut String) -> fmt::Result {
    out.write_str("</svg>\n")
}

/// The chart title at the top left, if any; returns where the content below it starts.
pub(super) fn write_title(out: &mut String, title: &str, width: f64) -> Result<f64, fmt::Error> {
    let lines = title_lines(title, width);
    for (i, line) in lines.iter().enumerate() {
        writeln!(
            out,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{TITLE_SIZE}\" font-weight=\"bold\" fill=\"{TEXT}\">{}</text>",
            TextContent(line),
            x = D1(PAD),
            y = D1(PAD + 11.0 + i as f64 * TITLE_LINE),
        )?;
    }
    Ok(title_bottom(&lines))
}

/// The title broken into at most two lines that fit the chart.
pub(super) fn title_lines(title: &str, width: f64) -> Vec<String> {
    two_lines(title, TITLE_SIZE * 1.09, width - 2.0 * PAD)
}

/// Where the content under the title starts.
pub(super) fn title_bottom(lines: &[String]) -> f64 {
    if lines.is_empty() {
        PAD
    } else {
        PAD + TITLE_HEIGHT + (lines.len() as f64 - 1.0) * TITLE_LINE
    }
}

/// A light frame with a centred message, for charts without data.
pub(super) fn write_message_box(
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
        TextContent(message)
    )
}
