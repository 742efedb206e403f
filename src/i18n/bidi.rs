//! Bidirectional text for a renderer that shapes each run but does not reorder runs (egui 0.37):
//! a line split into runs of one direction, in the order they appear on screen from left to right
//! (the Unicode Bidirectional Algorithm, UAX #9, through `unicode-bidi`).
//!
//! In an Arabic line such as `المساحة 1500 م` the number is a left-to-right run inside a
//! right-to-left line: drawn as one string, egui writes it reversed (`0051`). Drawn run by run in
//! visual order, it reads right.

use unicode_bidi::{BidiInfo, Level};

/// A piece of a line written in one direction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// The run's characters in logical (reading) order.
    pub text: String,
    /// Written right to left.
    pub rtl: bool,
}

/// The runs of each line of `text` (lines split at `\n`), each line's runs from left to right
/// on screen. `base_rtl` is the paragraph direction: right to left for an Arabic interface.
#[must_use]
pub fn visual_lines(text: &str, base_rtl: bool) -> Vec<Vec<Run>> {
    text.split('\n')
        .map(|line| visual_runs(line, base_rtl))
        .collect()
}

/// The runs of one line, from left to right on screen.
#[must_use]
pub fn visual_runs(line: &str, base_rtl: bool) -> Vec<Run> {
    if line.is_empty() {
        return Vec::new();
    }
    let base = if base_rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(line, Some(base));
    let mut out = Vec::new();
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(Level::is_rtl);
            if let Some(text) = line.get(run) {
                out.push(Run {
                    text: text.to_owned(),
                    rtl,
                });
            }
        }
    }
    out
}

/// Whether `text` holds a right-to-left letter (Arabic, Hebrew…): such text needs
/// [`visual_runs`].
#[must_use]
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            unicode_bidi::bidi_class(c),
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(runs: &[Run]) -> Vec<(&str, bool)> {
        runs.iter().map(|r| (r.text.as_str(), r.rtl)).collect()
    }

    #[test]
    fn a_number_in_arabic_stays_a_left_to_right_run() {
        // "area 1500 m": on screen, from the left: "م", "1500", "المساحة".
        let runs = visual_runs("المساحة 1500 م", true);
        let t = texts(&runs);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[1], ("1500", false));
        assert!(t[0].1 && t[2].1);
        assert!(t[2].0.starts_with("المساحة"));
    }

    #[test]
    fn a_latin_code_in_arabic_keeps_its_order() {
        let runs = visual_runs("حقل HA-0042", true);
        let t = texts(&runs);
        assert_eq!(t[0], ("HA-0042", false), "{t:?}");
        assert!(t[1].1);
    }

    #[test]
    fn left_to_right_text_is_one_run() {
        assert_eq!(
            texts(&visual_runs("Land HA-0042", false)),
            vec![("Land HA-0042", false)]
        );
        assert!(!has_rtl("Land HA-0042"));
        assert!(has_rtl("حقل"));
    }
}
