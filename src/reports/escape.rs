//! The one escape of the reports, for HTML and SVG (XML) alike, in content and attribute values.

use std::fmt::{self, Write as _};

use crate::domain::is_bidi_control;

/// Text made safe to place in HTML or SVG: markup characters become entities; bidirectional
/// controls are shown as `<U+202E>`, never obeyed (so a file name cannot be spoofed); characters
/// XML forbids (other C0 controls, U+FFFE, U+FFFF) and tab, line feed and carriage return become
/// spaces (an attribute would turn them into spaces anyway).
pub(crate) struct Escaped<'a>(pub(crate) &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                c if is_bidi_control(c) => write!(f, "&lt;U+{:04X}&gt;", u32::from(c))?,
                c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => f.write_char(' ')?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// [`Escaped`] text as the content of an SVG `<text>`: text holding right-to-left letters
/// (Arabic) is isolated as right to left (U+2067 … U+2069), so within a chart laid out left to right
/// it reads right to left with its codes and figures in place; other text is written as
/// [`Escaped`] writes it.
pub(crate) struct TextContent<'a>(pub(crate) &'a str);

impl fmt::Display for TextContent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if crate::i18n::bidi::has_rtl(self.0) {
            // RIGHT-TO-LEFT ISOLATE … POP DIRECTIONAL ISOLATE: the chart's anchoring (left to
            // right) is kept; a `<tspan direction="rtl">` would move the text's anchor.
            write!(f, "\u{2067}{}\u{2069}", Escaped(self.0))
        } else {
            Escaped(self.0).fmt(f)
        }
    }
}

/// [`Escaped`] as a string.
pub(crate) fn esc(text: &str) -> String {
    Escaped(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_bidi_and_forbidden_characters_never_reach_the_file() {
        assert_eq!(esc("<b>&\"'</b>"), "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;");
        assert_eq!(esc("abc\u{202E}fdp.exe"), "abc&lt;U+202E&gt;fdp.exe");
        assert_eq!(esc("a\u{0}b\tc\nd\u{FFFF}"), "a b c d ");
        assert_eq!(esc("Žepče – 12 000 m²"), "Žepče – 12 000 m²");
    }
}
