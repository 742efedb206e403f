//! Text output helpers: aligned tables and grouped import issues.

use std::io::Write;

use crate::domain::{ImportIssue, IssueSeverity};

/// Writes an aligned text table.
pub(super) fn table(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> std::io::Result<()> {
    let rows: Vec<Vec<String>> = rows.collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count().min(40));
            }
        }
    }
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c: String = c.chars().take(40).collect();
                format!("{c:<w$}", w = widths.get(i).copied().unwrap_or(0))
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    writeln!(
        out,
        "{}",
        line(header.iter().map(|h| (*h).to_owned()).collect())
    )?;
    for row in rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

/// Writes import issues: each one on its own line, except that more than three issues with the
/// same field and message are summarised on one line with the first feature numbers.
pub(super) fn print_issues(err: &mut dyn Write, issues: &[ImportIssue]) -> std::io::Result<()> {
    for group in crate::domain::group_issues(issues) {
        if group.issues.len() <= 3 {
            for issue in &group.issues {
                writeln!(err, "{issue}")?;
            }
        } else {
            let level = match group.severity {
                IssueSeverity::Error => "error",
                IssueSeverity::Warning => "warning",
            };
            let examples: Vec<String> = group
                .features()
                .iter()
                .take(5)
                .map(ToString::to_string)
                .collect();
            let codes = group.codes();
            let lands = if codes.is_empty() {
                String::new()
            } else {
                format!(
                    "; lands {}{}",
                    codes.iter().take(5).cloned().collect::<Vec<_>>().join(", "),
                    if codes.len() > 5 { ", …" } else { "" }
                )
            };
            writeln!(
                err,
                "{level}: {} features: {}: {} (features {}, …{lands}) [{}]",
                group.issues.len(),
                group.field,
                group.message,
                examples.join(", "),
                group.file
            )?;
        }
    }
    Ok(())
}

/// A terminal writer that shows bidirectional control characters instead of obeying them: each
/// is written as its JSON escape (`\u202e`), which in `--json` output is the same character and
/// in text output is visible (issue 12). Everything the CLI prints goes through it.
pub(super) struct ShowBidi<'a> {
    inner: &'a mut dyn Write,
    /// The first bytes of a possible control character split across two writes.
    carry: Vec<u8>,
}

impl<'a> ShowBidi<'a> {
    pub(super) fn new(inner: &'a mut dyn Write) -> Self {
        Self {
            inner,
            carry: Vec::new(),
        }
    }
}

impl Write for ShowBidi<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Fast path: no byte that starts a bidi control (all of them start with 0xE2).
        if self.carry.is_empty() && !buf.contains(&0xE2) {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut data = std::mem::take(&mut self.carry);
        data.extend_from_slice(buf);
        let mut out = Vec::with_capacity(data.len());
        let mut i = 0;
        while i < data.len() {
            if data[i] == 0xE2 {
                match (data.get(i + 1), data.get(i + 2)) {
                    (Some(&b1), Some(&b2))
                        if (b1 == 0x80 && (0xAA..=0xAE).contains(&b2))
                            || (b1 == 0x81 && (0xA6..=0xA9).contains(&b2)) =>
                    {
                        let c = 0x2000 + (u32::from(b1 & 0x3F) << 6) + u32::from(b2 & 0x3F);
                        out.extend_from_slice(format!("\\u{c:04x}").as_bytes());
                        i += 3;
                        continue;
                    }
                    (None, _) | (Some(0x80 | 0x81), None) => {
                        self.carry.extend_from_slice(&data[i..]);
                        break;
                    }
                    _ => {}
                }
            }
            out.push(data[i]);
            i += 1;
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.carry.is_empty() {
            let carry = std::mem::take(&mut self.carry);
            self.inner.write_all(&carry)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::ShowBidi;

    #[test]
    fn bidi_controls_are_shown_even_when_split_across_writes() {
        let mut sink = Vec::new();
        {
            let mut w = ShowBidi::new(&mut sink);
            let text = "HA-1 \u{202E}gnp.exe \u{2066}x";
            let bytes = text.as_bytes();
            for chunk in bytes.chunks(2) {
                w.write_all(chunk).unwrap();
            }
            w.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(sink).unwrap(),
            "HA-1 \\u202egnp.exe \\u2066x"
        );
    }
}
