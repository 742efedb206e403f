//! Text that leaves Safeground safely (issue 12): spreadsheet formulas neutralised in CSV cells
//! (OWASP "CSV injection"), bidirectional control characters shown instead of obeyed. The CSV
//! writers (`io::csv`, the report's CSVs), the HTML escape and the CLI's output all use these
//! functions; input refuses bidi controls ([`is_bidi_control`]).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Bidirectional control characters (U+202A–U+202E, U+2066–U+2069): they can make a name or a
/// code read differently from what it is (a "Trojan Source" display), so they are refused on
/// input and shown as `<U+202E>` in output.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text with every bidirectional control character replaced by its visible name
/// (`<U+202E>`); borrowed when there is none.
///
/// # Examples
/// ```
/// use safeground::domain::show_bidi_controls;
/// assert_eq!(show_bidi_controls("abc\u{202E}fdp.exe"), "abc<U+202E>fdp.exe");
/// assert_eq!(show_bidi_controls("Žepče"), "Žepče");
/// ```
pub fn show_bidi_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_bidi_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_bidi_control(c) {
            // Writing to a String cannot fail.
            write!(out, "<U+{:04X}>", u32::from(c)).unwrap_or(());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether a spreadsheet would run the cell as a formula: it starts with `=`, `+`, `-`, `@`, a
/// TAB or a CR (OWASP), and is not a plain number (`-12.5` stays a number).
fn is_formula_like(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r') {
        return false;
    }
    let plain_number = text.len() > 1
        && text[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'e' || c == 'E')
        && text[1..].chars().next().is_some_and(|c| c.is_ascii_digit())
        && text.parse::<f64>().is_ok_and(f64::is_finite);
    !plain_number
}

/// A cell value safe to open in a spreadsheet: a formula-like value is prefixed with `'` (OWASP's
/// advice; the text stays readable and is shown as typed), and bidi controls are shown
/// ([`show_bidi_controls`]). Quoting for CSV is the writer's job.
///
/// # Examples
/// ```
/// use safeground::domain::spreadsheet_safe;
/// assert_eq!(spreadsheet_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
/// assert_eq!(spreadsheet_safe("-12.5"), "-12.5");
/// assert_eq!(spreadsheet_safe("-1+1"), "'-1+1");
/// assert_eq!(spreadsheet_safe("HA-0001"), "HA-0001");
/// ```
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    let shown = show_bidi_controls(text);
    if is_formula_like(&shown) {
        Cow::Owned(format!("'{shown}"))
    } else {
        shown
    }
}

/// Appends one CSV cell (RFC 4180) to `out`: [`spreadsheet_safe`], then quoted when it holds a
/// comma, a quote or a line break.
pub fn push_csv_cell(out: &mut String, text: &str) {
    let safe = spreadsheet_safe(text);
    if safe.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&safe.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&safe);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_is_neutralised_and_numbers_are_kept() {
        for t in [
            "=1+1", "+1+1", "-1+1", "@x", "\tx", "\rx", "=", "-", "+", "@",
        ] {
            assert!(spreadsheet_safe(t).starts_with('\''), "{t:?}");
        }
        for t in ["-0", "-12", "-12.5", "+3", "1e5", "", "x=1"] {
            assert!(!spreadsheet_safe(t).starts_with('\''), "{t:?}");
        }
    }

    #[test]
    fn a_bidi_control_cannot_hide_a_formula() {
        assert_eq!(spreadsheet_safe("\u{202E}=1"), "<U+202E>=1");
        let mut out = String::new();
        push_csv_cell(&mut out, "a,\"b\"");
        assert_eq!(out, "\"a,\"\"b\"\"\"");
    }
}
