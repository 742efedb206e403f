//! Unit newtypes. The type says the unit; m², ha and km² are never mixed (domain.md §1.7).

use std::fmt;
use std::ops::{Add, AddAssign, Sub};

/// An area in square metres.
///
/// Ledger amounts are kept in **whole** square metres (see [`AreaM2::whole`]), so that the ledger
/// invariant `estimated = cancelled + reduced + cleared + remaining` holds exactly in any tool that
/// adds the exported numbers.
///
/// # Examples
/// ```
/// use safeground::domain::AreaM2;
/// let a = AreaM2::whole(12_345.6);
/// assert_eq!(a.m2(), 12_346.0);
/// assert_eq!(a.hectares(), 1.2346);
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct AreaM2(f64);

impl AreaM2 {
    /// Zero square metres.
    pub const ZERO: Self = Self(0.0);

    /// An area from a value in m², kept as given (for geometry results).
    pub const fn new(m2: f64) -> Self {
        Self(m2)
    }

    /// An area rounded to whole m², the unit of the ledger.
    pub fn whole(m2: f64) -> Self {
        Self(m2.round())
    }

    /// The value in m².
    pub const fn m2(self) -> f64 {
        self.0
    }

    /// The value in hectares (1 ha = 10 000 m²), for display only.
    pub fn hectares(self) -> f64 {
        self.0 / 10_000.0
    }

    /// The value in km² (1 km² = 1 000 000 m²), for display only.
    pub fn km2(self) -> f64 {
        self.0 / 1_000_000.0
    }

    /// Whether the value is a finite number ≥ 0.
    pub fn is_valid(self) -> bool {
        self.0.is_finite() && self.0 >= 0.0
    }
}

impl Add for AreaM2 {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Self(self.0 + rhs.0)
    }
}

impl AddAssign for AreaM2 {
    fn add_assign(&mut self, rhs: Self) {
        self.0 += rhs.0;
    }
}

impl Sub for AreaM2 {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        Self(self.0 - rhs.0)
    }
}

impl std::iter::Sum for AreaM2 {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, Add::add)
    }
}

impl fmt::Display for AreaM2 {
    /// Whole square metres with thin-space thousands separators, e.g. `12 346 m²`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} m²", group_thousands(self.0.round()))
    }
}

/// The separator between groups of three integer digits in every figure Safeground writes.
pub const THOUSANDS_SEPARATOR: char = ' ';

/// `value` rounded to `decimals` places, with [`THOUSANDS_SEPARATOR`] (a plain space, SI style) between groups of three
/// integer digits and `.` as the decimal mark: `format_number(1234567.891, 1)` is
/// `"1 234 567.9"`. A value that rounds to zero has no minus sign; a non-finite value is `"–"`.
pub fn format_number(value: f64, decimals: usize) -> String {
    format_number_with(value, decimals, THOUSANDS_SEPARATOR, '.', 1)
}

/// [`format_number`] with a language's marks: `group` between groups of three integer digits
/// when the integer part has at least `3 + min_grouping_digits` digits (Spanish writes `1234`
/// but `12.345`: 2), and `decimal` before the decimals. Latin digits; a value that rounds to
/// zero has no minus sign; a non-finite value is `"–"`.
pub fn format_number_with(
    value: f64,
    decimals: usize,
    group: char,
    decimal: char,
    min_grouping_digits: usize,
) -> String {
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
    let grouped = len >= 3 + min_grouping_digits;
    for (i, c) in int.chars().enumerate() {
        if grouped && i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// Formats a whole number with spaces between thousands (`12 346`), as SI style guides write it:
/// [`format_number`] with no decimals.
///
/// # Examples
/// ```
/// assert_eq!(safeground::domain::group_thousands(-1_234_567.0), "-1 234 567");
/// ```
pub fn group_thousands(value: f64) -> String {
    format_number(value, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_groups_thousands() {
        assert_eq!(AreaM2::whole(1_234_567.4).to_string(), "1 234 567 m²");
        assert_eq!(AreaM2::ZERO.to_string(), "0 m²");
        assert_eq!(AreaM2::whole(999.0).to_string(), "999 m²");
    }

    #[test]
    fn validity() {
        assert!(AreaM2::new(0.0).is_valid());
        assert!(!AreaM2::new(-1.0).is_valid());
        assert!(!AreaM2::new(f64::NAN).is_valid());
    }
}
