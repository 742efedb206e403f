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

/// `text` (a right-to-left paragraph, such as an Arabic message) rearranged for a renderer that
/// lays text out left to right but shapes each run of one font in that run's own direction, as
/// egui 0.37 does (it has no bidirectional layout: egui issue #5069).
///
/// Per line, the visual runs ([`visual_runs`]) are written left to right. In a right-to-left run,
/// each stretch of Arabic letters stays in reading order (the renderer shapes it right to left
/// into place) while the stretches and the neutral characters between them (spaces,
/// punctuation) are written in reverse order, brackets mirrored. In a left-to-right run, Latin
/// text stays as it is, and a number in Arabic-Indic digits is written reversed, because the
/// renderer shapes it as Arabic script, right to left. Text without right-to-left letters or
/// Arabic-Indic digits is returned unchanged.
#[must_use]
pub fn for_left_to_right_renderer(text: &str) -> String {
    if !(has_rtl(text) || text.chars().any(is_arabic_block)) {
        return text.to_owned();
    }
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            for run in visual_runs(line, true) {
                let units = arabic_units(&run.text);
                if run.rtl {
                    for unit in units.iter().rev() {
                        if unit.chars().count() == 1 {
                            out.extend(unit.chars().map(mirrored));
                        } else {
                            out.push_str(unit);
                        }
                    }
                } else {
                    for unit in &units {
                        if unit.chars().next().is_some_and(is_arabic_block) {
                            out.extend(unit.chars().rev());
                        } else {
                            out.push_str(unit);
                        }
                    }
                }
            }
            out
        })
        .collect();
    lines.join("\n")
}

/// The pieces a left-to-right renderer shapes separately: each maximal stretch of characters from
/// the Arabic blocks (drawn from the Arabic font, shaped as one run), and every other character
/// on its own.
fn arabic_units(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut in_arabic = false;
    for c in text.chars() {
        let arabic = is_arabic_block(c) || (in_arabic && matches!(c, '\u{200C}' | '\u{200D}'));
        match units.last_mut() {
            Some(last) if arabic && in_arabic => last.push(c),
            _ => units.push(c.to_string()),
        }
        in_arabic = arabic;
    }
    units
}

/// A character from the Arabic blocks (letters, marks, Arabic-Indic digits and separators,
/// presentation forms).
fn is_arabic_block(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF
    )
}

/// The mirror image of a paired character in right-to-left text (UAX #9, rule L4).
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        other => other,
    }
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

    #[test]
    fn a_line_is_rearranged_for_a_left_to_right_renderer() {
        // Two Arabic words: their order is reversed, each word stays as written.
        assert_eq!(for_left_to_right_renderer("بلاغ خطر"), "خطر بلاغ");
        // A Latin code keeps its order and goes to the left end.
        assert_eq!(for_left_to_right_renderer("حقل HA-0042"), "HA-0042 حقل");
        // Arabic-Indic digits are given reversed (the renderer shapes them right to left).
        assert_eq!(
            for_left_to_right_renderer("المساحة ١٥٠٠ م"),
            "م ٠٠٥١ المساحة"
        );
        // Brackets are mirrored.
        assert_eq!(for_left_to_right_renderer("(نص)"), "(نص)");
        assert_eq!(
            for_left_to_right_renderer("Land HA-1 (30)"),
            "Land HA-1 (30)"
        );
    }
}
