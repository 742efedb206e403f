//! Numbers and text in SVG: formatted numbers, nice axis ticks, escaped text, text widths.

use std::fmt;

// ---------------------------------------------------------------------------------------------
// Numbers and text
// ---------------------------------------------------------------------------------------------

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
pub(super) struct Ticks {
    pub(super) values: Vec<f64>,
    pub(super) decimals: usize,
}

impl Ticks {
    pub(super) fn new(max: f64, target_intervals: usize) -> Self {
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

    pub(super) fn top(&self) -> f64 {
        self.values.last().copied().unwrap_or(1.0)
    }

    pub(super) fn labels(&self, tr: super::Tr) -> Vec<String> {
        self.values
            .iter()
            .map(|&v| tr.number(v, self.decimals))
            .collect()
    }

    pub(super) fn intervals(&self) -> usize {
        self.values.len().saturating_sub(1).max(1)
    }

    /// The ticks for `target` on an axis `length` px long whose ticks must be at least
    /// `min_gap(ticks)` px apart: of the 1-2-5 choices that fit, the one with the lowest top
    /// (the bars use the most room), then the one closest to `ideal` intervals.
    pub(super) fn fit(
        target: f64,
        length: f64,
        ideal: f64,
        min_gap: impl Fn(&Self) -> f64,
    ) -> Self {
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
pub(super) fn pow10(exp: i32) -> f64 {
    10f64.powi(exp)
}

/// `value × 10ⁿ`, dividing for negative `n` so that e.g. 3 × 10⁻¹ is exactly the double of 0.3.
pub(super) fn scaled(value: f64, exp: i32) -> f64 {
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
pub(super) fn to_count(value: f64) -> usize {
    if value.is_finite() && value > 0.0 {
        value as usize
    } else {
        0
    }
}

/// Decimals used for values written on bars: none for whole numbers or from 100 up.
pub(super) fn value_decimals(values: &[f64]) -> usize {
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
pub(super) fn clean(value: Option<f64>) -> f64 {
    match value {
        Some(v) if v.is_finite() && v > 0.0 => v,
        _ => 0.0,
    }
}

/// A length written with one decimal; never `-0.0`, non-finite as `0.0`.
pub(super) struct D1(pub(super) f64);

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
pub(super) struct Opacity(pub(super) f64);

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

/// Advance widths of `DejaVu Sans` (Book) for the printable ASCII characters `' '..='~'`, in
/// thousandths of an em (font metrics, measured from the font).
pub(super) const ASCII_WIDTHS: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// Estimated width of `text` in `DejaVu Sans` at `size` px. The fallback fonts (Arial,
/// Helvetica) are narrower, so the estimate is on the safe side for them.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
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
pub(super) fn bold_width(text: &str, size: f64) -> f64 {
    text_width(text, size) * 1.09
}

/// `text` cut (with `…`) so that its estimated width is at most `max_width`.
pub(super) fn fit_text(text: &str, size: f64, max_width: f64) -> String {
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
pub(super) fn wrap_text(text: &str, size: f64, max_width: f64) -> Vec<String> {
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
pub(super) fn two_lines(text: &str, size: f64, max_width: f64) -> Vec<String> {
    let mut lines = wrap_text(text, size, max_width);
    if lines.len() > 2 {
        let rest = lines[1..].join(" ");
        lines.truncate(1);
        lines.push(fit_text(&rest, size, max_width));
    }
    lines
}
