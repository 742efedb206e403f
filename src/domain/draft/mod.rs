//! Drafts: what a person typed (or an import read), as text, before it becomes a domain value.
//!
//! `validate()` returns the domain value or **every** field error at once, so a form can mark
//! all offending fields and an import can report all problems of a feature (style-anchors A5.2).

use time::Date;
use time::macros::format_description;

use super::errors::{FieldError, FieldProblem};
use super::ids::is_valid_code;
use super::text::is_bidi_control;
use super::units::AreaM2;

mod activity;
mod hazard_report;
mod land;
#[cfg(test)]
mod tests;
pub use activity::{ActivityDraft, DeviceDraft, check_activity};
pub use hazard_report::{CoordReader, HazardReportDraft, check_hazard_report};
pub use land::{LandDraft, check_land};

/// The plausibility bound on one land's area, m² (100 000 km², far above any real hazard area:
/// whole districts recorded as one indication area are a few thousand km²). A polygon or an
/// estimate larger than this is refused with a message, never stored.
pub const MAX_LAND_AREA_M2: f64 = 1.0e11;

/// Above this area (500 ha = 5 km²) a land being drawn gets a warning before it is saved:
/// larger than nearly every hazard area a survey team records at once, and the size a
/// mistyped point or a click in the wrong place gives (field trial D5: a 17 958 ha triangle).
pub const PLAUSIBLE_LAND_AREA_M2: f64 = 5.0e6;

pub use super::errors::{FIRST_YEAR, LAST_YEAR};

/// Most items (devices) found on one activity, all lines together; it keeps the total, which
/// [`Activity::items_found`] adds up in a `u32`, far from overflowing.
const MAX_ITEMS_FOUND: u64 = 1_000_000;

/// Collects field errors while reading a draft.
#[derive(Debug, Default)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// Records an error.
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Records a common, typed problem.
    pub fn problem(&mut self, field: &str, problem: FieldProblem) {
        self.0.push(FieldError::of(field, problem));
    }

    /// A required, trimmed, non-empty text of at most `max_chars` characters.
    pub fn required(&mut self, field: &str, text: &str, max_chars: usize) -> String {
        let t = text.trim();
        if t.is_empty() {
            self.problem(field, FieldProblem::Required);
        }
        self.optional(field, t, max_chars)
    }

    /// An optional trimmed text of at most `max_chars` characters.
    pub fn optional(&mut self, field: &str, text: &str, max_chars: usize) -> String {
        let t = text.trim();
        if t.chars().count() > max_chars {
            self.problem(field, FieldProblem::TooLong { max_chars });
        }
        if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.problem(field, FieldProblem::ControlCharacters);
        }
        if t.chars().any(is_bidi_control) {
            self.problem(field, FieldProblem::BidiControl);
        }
        t.to_owned()
    }

    /// A value from a vocabulary, parsed leniently; the message lists the allowed values.
    pub fn vocab<T: Copy>(
        &mut self,
        field: &str,
        text: &str,
        parse: fn(&str) -> Option<T>,
        all: &[T],
        label: fn(T) -> &'static str,
    ) -> Option<T> {
        let t = text.trim();
        if t.is_empty() {
            self.problem(field, FieldProblem::Required);
            return None;
        }
        let v = parse(t);
        if v.is_none() {
            let allowed: Vec<&str> = all.iter().map(|v| label(*v)).collect();
            self.problem(
                field,
                FieldProblem::NotInVocabulary {
                    value: t.to_owned(),
                    allowed: allowed.join(", "),
                },
            );
        }
        v
    }

    /// An optional vocabulary value (empty text is `None`).
    pub fn opt_vocab<T: Copy>(
        &mut self,
        field: &str,
        text: &str,
        parse: fn(&str) -> Option<T>,
        all: &[T],
        label: fn(T) -> &'static str,
    ) -> Option<T> {
        if text.trim().is_empty() {
            None
        } else {
            self.vocab(field, text, parse, all, label)
        }
    }

    /// A required date `YYYY-MM-DD`.
    pub fn date(&mut self, field: &str, text: &str) -> Option<Date> {
        let t = text.trim();
        if t.is_empty() {
            self.problem(field, FieldProblem::RequiredDate);
            return None;
        }
        if let Some(d) = parse_date(t) {
            Some(d)
        } else {
            self.problem(
                field,
                FieldProblem::NotADate {
                    value: t.to_owned(),
                },
            );
            None
        }
    }

    /// An optional date (empty text is `None`).
    pub fn opt_date(&mut self, field: &str, text: &str) -> Option<Date> {
        if text.trim().is_empty() {
            None
        } else {
            self.date(field, text)
        }
    }

    /// An optional number ≥ 0 (empty text is `None`), with its unit named in the message.
    pub fn opt_non_negative(
        &mut self,
        field: &str,
        text: &str,
        unit: &str,
        max: f64,
    ) -> Option<f64> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        match parse_number(t) {
            Some(v) if v >= 0.0 && v <= max => Some(v),
            Some(v) if v < 0.0 => {
                self.problem(
                    field,
                    FieldProblem::Negative {
                        value: t.to_owned(),
                        unit: unit.to_owned(),
                    },
                );
                None
            }
            Some(_) => {
                self.problem(
                    field,
                    FieldProblem::TooLarge {
                        value: t.to_owned(),
                        max: max.to_string(),
                        unit: unit.to_owned(),
                    },
                );
                None
            }
            None => {
                self.problem(
                    field,
                    FieldProblem::NotANumber {
                        value: t.to_owned(),
                        unit: unit.to_owned(),
                    },
                );
                None
            }
        }
    }

    /// An area in m² ≥ 0 (empty text is 0), rounded to whole m².
    pub fn area(&mut self, field: &str, text: &str) -> AreaM2 {
        self.opt_non_negative(field, text, "m²", MAX_LAND_AREA_M2)
            .map_or(AreaM2::ZERO, AreaM2::whole)
    }

    /// An optional whole count ≥ 0.
    pub fn opt_count(&mut self, field: &str, text: &str) -> Option<u32> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        if let Ok(v) = t.parse::<u32>() {
            Some(v)
        } else {
            self.problem(
                field,
                FieldProblem::NotAWholeNumber {
                    value: t.to_owned(),
                },
            );
            None
        }
    }

    /// A human code (empty: the store assigns one).
    pub fn code(&mut self, field: &str, text: &str) -> String {
        let t = text.trim();
        if !t.is_empty() && !is_valid_code(t) {
            self.push(
                field,
                format!(
                    "'{t}' is not a valid code (letters, digits, - _ / ., at most 32 characters)"
                ),
            );
        }
        t.to_owned()
    }

    /// The collected errors, or `value` when there are none.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

/// Parses `YYYY-MM-DD`.
///
/// # Examples
/// ```
/// use safeground::domain::parse_date;
/// assert!(parse_date("2025-03-01").is_some());
/// assert!(parse_date("2025-02-30").is_none());
/// assert!(parse_date("-0001-01-01").is_none()); // only years 1900 to 2100
/// ```
pub fn parse_date(text: &str) -> Option<Date> {
    parse_any_date(text).filter(|d| is_plausible_date(*d))
}

/// Whether a date lies in the years [`FIRST_YEAR`]–[`LAST_YEAR`].
pub fn is_plausible_date(date: Date) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

fn parse_any_date(text: &str) -> Option<Date> {
    let text = text.trim();
    // Fast path for the ten-character form every stored date has (300 000 of them are read for
    // a national report); the general parser for the rest, and the same answer either way.
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *text.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let [y0, y1, y2, y3, m0, m1, d0, d1] = digits.map(|b| b - b'0');
            let year = i32::from(y0) * 1000 + i32::from(y1) * 100 + i32::from(y2) * 10;
            let month = time::Month::try_from(m0 * 10 + m1).ok()?;
            return Date::from_calendar_date(year + i32::from(y3), month, d0 * 10 + d1).ok();
        }
    }
    Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
}

/// Parses a finite decimal number; accepts a decimal comma and spaces between thousands.
///
/// # Examples
/// ```
/// use safeground::domain::parse_number;
/// assert_eq!(parse_number("12 500,5"), Some(12500.5));
/// assert_eq!(parse_number("NaN"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.chars().any(char::is_alphabetic) && !cleaned.contains(['e', 'E']) {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn vocab_list<T: Copy + PartialEq>(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    parse: fn(&str) -> Option<T>,
    all: &[T],
    label: fn(T) -> &'static str,
) -> Vec<T> {
    let mut out = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some(v) = errors.vocab(field, part, parse, all, label)
            && !out.contains(&v)
        {
            out.push(v);
        }
    }
    out
}

/// A typed date outside [`FIRST_YEAR`]–[`LAST_YEAR`] is a field error.
fn check_date(e: &mut FieldErrors, field: &str, date: Date) {
    if !is_plausible_date(date) {
        e.push(
            field,
            format!("{date} is not a date from {FIRST_YEAR} to {LAST_YEAR}"),
        );
    }
}

/// A typed area must be a finite number of m² from 0 to [`MAX_LAND_AREA_M2`].
fn check_area(e: &mut FieldErrors, field: &str, area: AreaM2) {
    let m2 = area.m2();
    if !m2.is_finite() {
        e.push(field, "is not a finite number of m²");
    } else if m2 < 0.0 {
        e.push(field, "is negative; an area is 0 m² or more");
    } else if m2 > MAX_LAND_AREA_M2 {
        e.push(
            field,
            format!(
                "is larger than {} km², more than any hazard area can have",
                super::units::group_thousands(MAX_LAND_AREA_M2 / 1e6)
            ),
        );
    }
}
