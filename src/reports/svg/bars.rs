//! Bar charts: vertical stacked bars and horizontal bars.

use super::frame::{
    close_svg, open_svg, title_bottom, title_lines, write_message_box, write_title,
};
use super::text::{D1, Ticks, clean, fit_text, text_width, to_count, two_lines, value_decimals};
use super::{AXIS, GRID, LABEL_SIZE, PAD, Rgb, SMALL_SIZE, Series, TEXT, Tr};
use crate::reports::escape::{Escaped, TextContent};
use std::fmt::{self, Write as _};

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
/// any non-zero value (or without categories) the chart says so (`chart-no-data`).
pub fn stacked_bar_chart(
    tr: Tr,
    title: &str,
    unit: &str,
    categories: &[String],
    series: &[Series],
    width_px: u32,
    height_px: u32,
) -> String {
    let mut out = String::new();
    write_stacked(
        &mut out, tr, title, unit, categories, series, width_px, height_px,
    )
    .map(|()| out)
    .unwrap_or_default()
}

/// How the bars of a stacked chart are laid out.
pub(super) struct BarLayout {
    pub(super) plot_left: f64,
    pub(super) plot_bottom: f64,
    pub(super) plot_h: f64,
    pub(super) slot: f64,
    pub(super) rotate_categories: bool,
    pub(super) category_every: usize,
    pub(super) upright_totals: bool,
    pub(super) ticks: Ticks,
    pub(super) height: f64,
}

/// What the stacked chart's layout depends on.
pub(super) struct BarInputs {
    pub(super) width: f64,
    pub(super) height: f64,
    pub(super) plot_top: f64,
    pub(super) axis_title_w: f64,
    pub(super) n: usize,
    pub(super) category_w: f64,
    pub(super) total_w: f64,
    pub(super) max_total: f64,
    pub(super) tr: Tr,
}

impl BarLayout {
    pub(super) fn compute(inp: &BarInputs, plot_left: f64) -> Self {
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
    pub(super) fn needed_left(&self, inp: &BarInputs) -> f64 {
        let tick_w = self
            .ticks
            .labels(inp.tr)
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

    pub(super) fn y(&self, value: f64) -> f64 {
        self.plot_bottom - value / self.ticks.top() * self.plot_h
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the chart's language, texts, data and size, each separately"
)]
pub(super) fn write_stacked(
    out: &mut String,
    tr: Tr,
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
    let stacked_label = tr.chart_stacked();
    let label = if title.trim().is_empty() {
        &stacked_label
    } else {
        title
    };

    if n == 0 || max_total <= 0.0 {
        open_svg(out, width, height, label)?;
        let top = write_title(out, title, width)?;
        write_message_box(
            out,
            (PAD, top + 4.0, width - 2.0 * PAD, height - top - 4.0 - PAD),
            &tr.chart_no_data(),
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
    let total_labels: Vec<String> = totals.iter().map(|&t| tr.number(t, decimals)).collect();
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
        tr,
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
            TextContent(text)
        )?;
    }
    write_value_axis(out, &layout, &inputs, unit)?;
    write_stacks(
        out,
        tr,
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
pub(super) fn write_value_axis(
    out: &mut String,
    layout: &BarLayout,
    inputs: &BarInputs,
    unit: &str,
) -> fmt::Result {
    let right = inputs.width - PAD;
    for (value, text) in layout
        .ticks
        .values
        .iter()
        .zip(layout.ticks.labels(inputs.tr))
    {
        let y = layout.y(*value);
        writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{GRID}\" stroke-width=\"1\"/><text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"end\">{}</text>",
            D1(layout.plot_left),
            D1(right),
            D1(layout.plot_left - 6.0),
            D1(y + 4.0),
            TextContent(&text),
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
            TextContent(&unit)
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
#[expect(
    clippy::too_many_arguments,
    reason = "the layout and the chart's data, each separately"
)]
pub(super) fn write_stacks(
    out: &mut String,
    tr: Tr,
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
                Escaped(category),
                Escaped(&s.label),
                Escaped(&tr.number(v, decimals)),
                Escaped(unit)
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
                TextContent(&total_labels[i])
            )?;
        } else {
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{SMALL_SIZE}\" fill=\"{TEXT}\" text-anchor=\"middle\">{}</text>",
                D1(centre),
                D1(top - 4.0),
                TextContent(&total_labels[i])
            )?;
        }
    }
    Ok(())
}

/// The category labels under the stacked chart's axis.
pub(super) fn write_category_labels(
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
                TextContent(&text)
            )?;
        } else {
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{SMALL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"middle\">{}</text>",
                D1(centre),
                D1(layout.plot_bottom + SMALL_SIZE + 4.0),
                TextContent(&text)
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
/// or without any non-zero value the chart says so (`chart-no-data`).
pub fn horizontal_bar_chart(
    tr: Tr,
    title: &str,
    unit: &str,
    bars: &[(String, f64, Rgb)],
    width_px: u32,
) -> String {
    let mut out = String::new();
    write_horizontal(&mut out, tr, title, unit, bars, width_px)
        .map(|()| out)
        .unwrap_or_default()
}

pub(super) fn write_horizontal(
    out: &mut String,
    tr: Tr,
    title: &str,
    unit: &str,
    bars: &[(String, f64, Rgb)],
    width_px: u32,
) -> fmt::Result {
    let width = f64::from(width_px.max(200));
    let bars_label = tr.chart_bars();
    let label = if title.trim().is_empty() {
        &bars_label
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
            &tr.chart_no_data(),
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
    let value_labels: Vec<String> = values.iter().map(|&v| tr.number(v, decimals)).collect();
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
        t.labels(tr)
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
    for (value, text) in ticks.values.iter().zip(ticks.labels(tr)) {
        let x = x_of(*value);
        writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GRID}\" stroke-width=\"1\"/><text x=\"{x}\" y=\"{}\" font-size=\"{SMALL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"middle\">{}</text>",
            D1(rows_top),
            D1(axis_y),
            D1(axis_y + 14.0),
            TextContent(&text),
            x = D1(x),
        )?;
    }
    if !unit.trim().is_empty() {
        writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{AXIS}\" text-anchor=\"middle\">{}</text>",
            D1(plot_left + plot_w / 2.0),
            D1(axis_y + 31.0),
            TextContent(&fit_text(unit, LABEL_SIZE, plot_w))
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
                Escaped(&bar.0),
                Escaped(&value_labels[i]),
                Escaped(unit)
            )?;
        }
        let first_baseline = centre + 4.0 - (lines.len() as f64 - 1.0) * 6.5;
        for (k, line) in lines.iter().enumerate() {
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{TEXT}\" text-anchor=\"end\">{}</text>",
                D1(plot_left - 8.0),
                D1(first_baseline + k as f64 * 13.0),
                TextContent(line)
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
                TextContent(&value_labels[i])
            )?;
        } else {
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" fill=\"{TEXT}\">{}</text>",
                D1(end + 5.0),
                D1(centre + 4.0),
                TextContent(&value_labels[i])
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
