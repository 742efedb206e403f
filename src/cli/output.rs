//! Text output helpers: aligned tables and grouped import issues.

use std::collections::BTreeMap;
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
    let mut groups: BTreeMap<(u8, &str, &str), Vec<&ImportIssue>> = BTreeMap::new();
    for issue in issues {
        let rank = match issue.severity {
            IssueSeverity::Error => 0,
            IssueSeverity::Warning => 1,
        };
        groups
            .entry((rank, issue.field.as_str(), issue.message.as_str()))
            .or_default()
            .push(issue);
    }
    for ((_, field, message), group) in groups {
        if group.len() <= 3 {
            for issue in group {
                writeln!(err, "{issue}")?;
            }
        } else {
            let level = match group[0].severity {
                IssueSeverity::Error => "error",
                IssueSeverity::Warning => "warning",
            };
            let examples: Vec<String> = group
                .iter()
                .take(5)
                .filter_map(|i| i.feature)
                .map(|f| f.to_string())
                .collect();
            writeln!(
                err,
                "{level}: {} features: {field}: {message} (features {}, …) [{}]",
                group.len(),
                examples.join(", "),
                group[0].file
            )?;
        }
    }
    Ok(())
}
