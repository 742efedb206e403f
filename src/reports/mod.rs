//! Reports and dashboards (C8, domain.md §4): the programme figures, the donor progress report
//! (one self-contained HTML file with inline SVG charts and map) and the same tables as CSV.
//!
//! Pure: records in, strings out. The CLI and the app's worker read the store and write the
//! files; the app's dashboard shows the same [`Figures`].

mod escape;
mod figures;
mod html;
pub mod svg;

pub use figures::{
    Buckets, ClassificationRemaining, Figures, FilterChoices, FilterError, ItemsRow, LandRow,
    Participation, PeriodRelease, ReportFilter, Totals, compute,
};

use crate::basemap::Basemap;
use crate::domain::{ExportProfile, RecordSet};
use crate::i18n::{Lang, Tr};

/// What to report on and for whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// Period, donor, organisation, admin area.
    pub filter: ReportFilter,
    /// Who the report is for (donor by default).
    pub profile: ExportProfile,
    /// The language it is written in (its CSV headers too; codes and figures stay machine-readable).
    pub lang: Lang,
}

/// A rendered report: the HTML page and its tables as CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The figures shown.
    pub figures: Figures,
    /// The HTML page.
    pub html: String,
    /// Headline figures and every chart's table, one row per value (`section,item,value,unit`).
    pub summary_csv: String,
    /// One row per hazardous area.
    pub lands_csv: String,
    /// Lands, activities and hazard reports the report drew on (after the profile).
    pub counts: [usize; 3],
}

/// Builds the report from the store's records: applies the profile, computes the figures,
/// renders HTML and CSV. Deterministic: the same records and options give the same bytes.
///
/// # Examples
/// ```
/// use safeground::domain::{ExportProfile, RecordSet};
/// use safeground::reports::{ReportFilter, ReportOptions, build};
/// let options = ReportOptions {
///     filter: ReportFilter::default(),
///     profile: ExportProfile::Donor,
///     lang: safeground::i18n::Lang::Fr,
/// };
/// let report = build(RecordSet::default(), &options, None, &[]).unwrap();
/// assert!(report.html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\""));
/// ```
pub fn build(
    records: RecordSet,
    options: &ReportOptions,
    basemap: Option<&Basemap>,
    reference: &[svg::ReportLayer<'_>],
) -> Result<Report, FilterError> {
    options.filter.validate()?;
    let records = options.profile.apply_for_aggregates(records);
    let tr = Tr::new(options.lang);
    let mut figures = compute(
        &records.lands,
        &records.activities,
        &records.hazard_reports,
        &options.filter,
    );
    figures.filter_text = options.filter.describe(tr);
    let basemap_shapes = basemap.map_or_else(Vec::new, |b| countries_near(b, &records, &figures));
    let donor = options
        .filter
        .donor
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let input = html::HtmlInput {
        figures: &figures,
        records: &records,
        profile: options.profile,
        donor,
        basemap: basemap_shapes,
        reference,
        tr,
    };
    // The page and the lands CSV (100 000 rows at national scale) are written at once.
    let (html, lands_csv) = std::thread::scope(|scope| {
        let csv = std::thread::Builder::new()
            .name("report-csv".to_owned())
            .spawn_scoped(scope, || lands_csv(tr, &figures));
        let html = html::render(&input);
        let csv = match csv.map(std::thread::ScopedJoinHandle::join) {
            Ok(Ok(csv)) => csv,
            _ => lands_csv(tr, &figures),
        };
        (html, csv)
    });
    let summary_csv = summary_csv(tr, &figures, options.profile);
    let counts = [
        figures.lands.len(),
        figures.totals.activities,
        figures.totals.hazard_reports,
    ];
    // Freeing a national store's records takes a tenth of a second nobody waits for.
    rayon::spawn(move || drop(records));
    Ok(Report {
        figures,
        html,
        summary_csv,
        lands_csv,
        counts,
    })
}

/// Basemap countries whose box meets the box of the lands in scope (padded by 0.5°).
fn countries_near<'a>(
    basemap: &'a Basemap,
    records: &RecordSet,
    figures: &Figures,
) -> Vec<&'a geo_types::MultiPolygon<f64>> {
    use geo::BoundingRect;
    let in_scope: rustc_hash::FxHashSet<_> = figures.lands.iter().map(|r| r.id).collect();
    let mut bbox: Option<[f64; 4]> = None;
    for land in records.lands.iter().filter(|l| in_scope.contains(&l.id)) {
        if let Some(rect) = land.geometry.as_ref().and_then(BoundingRect::bounding_rect) {
            let b = bbox.get_or_insert([f64::MAX, f64::MAX, f64::MIN, f64::MIN]);
            b[0] = b[0].min(rect.min().x);
            b[1] = b[1].min(rect.min().y);
            b[2] = b[2].max(rect.max().x);
            b[3] = b[3].max(rect.max().y);
        }
    }
    let Some([x0, y0, x1, y1]) = bbox else {
        return Vec::new();
    };
    basemap
        .countries_in(x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5)
        .map(|c| &c.shape)
        .collect()
}

/// Quotes a CSV field when it needs it.
fn csv_field(text: &str) -> String {
    let mut out = String::new();
    push_csv_field(&mut out, text);
    out
}

/// Appends [`csv_field`]`(text)` to `out`: the one cell rule of every CSV
/// ([`crate::domain::push_csv_cell`]: formulas neutralised, bidi controls shown, quoted).
fn push_csv_field(out: &mut String, text: &str) {
    crate::domain::push_csv_cell(out, text);
}

/// `value` rounded to a whole number, as `format!("{value:.0}")` writes it (ties to even, `-0`
/// for a small negative value), without the slow exact-decimal path for the common case.
fn number(value: f64) -> String {
    let mut out = String::new();
    push_number(&mut out, value);
    out
}

/// Appends [`number`]`(value)` to `out`.
fn push_number(out: &mut String, value: f64) {
    use std::fmt::Write as _;
    // Below 2^52 (about 4.5e15) every f64 rounds to an integer that i64 holds exactly.
    if value.is_finite() && value.abs() < 4.5e15 {
        let whole = value.round_ties_even();
        if whole == 0.0 && value.is_sign_negative() {
            out.push_str("-0");
        } else {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "a whole number below 2^52 in magnitude fits i64 exactly"
            )]
            let whole = whole as i64;
            // Writing to a String cannot fail.
            write!(out, "{whole}").unwrap_or(());
        }
    } else {
        write!(out, "{value:.0}").unwrap_or(());
    }
}

fn summary_csv(tr: Tr, f: &Figures, profile: ExportProfile) -> String {
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut row = |section: &str, item: &str, value: String, unit: &str| {
        rows.push([section.to_owned(), item.to_owned(), value, unit.to_owned()]);
    };
    let t = &f.totals;
    row("scope", "filter", f.filter_text.clone(), "");
    row(
        "scope",
        "period_from",
        f.period_from.map(|d| d.to_string()).unwrap_or_default(),
        "date",
    );
    row(
        "scope",
        "period_to",
        f.period_to.map(|d| d.to_string()).unwrap_or_default(),
        "date",
    );
    row(
        "scope",
        "data_as_of",
        f.data_as_of.map(|d| d.to_string()).unwrap_or_default(),
        "date",
    );
    row("scope", "profile", profile.code().to_owned(), "");
    row("headline", "lands_in_scope", t.lands.to_string(), "count");
    row("headline", "activities", t.activities.to_string(), "count");
    row("headline", "released", number(t.released.total_m2()), "m2");
    row(
        "headline",
        "cancelled",
        number(t.released.cancelled_m2),
        "m2",
    );
    row("headline", "reduced", number(t.released.reduced_m2), "m2");
    row("headline", "cleared", number(t.released.cleared_m2), "m2");
    row("headline", "estimated", number(t.estimated_m2), "m2");
    row("headline", "remaining", number(t.remaining_m2), "m2");
    row(
        "headline",
        "lands_closed",
        t.lands_closed.to_string(),
        "count",
    );
    row(
        "headline",
        "lands_handed_over",
        t.lands_handed_over.to_string(),
        "count",
    );
    row(
        "headline",
        "items_found",
        t.items_found.to_string(),
        "count",
    );
    row(
        "headline",
        "items_destroyed",
        t.items_destroyed.to_string(),
        "count",
    );
    row(
        "headline",
        "deminer_days",
        format!("{:.1}", t.deminer_days),
        "days",
    );
    row(
        "headline",
        "productivity",
        t.productivity_m2_per_deminer_day
            .map(|p| format!("{p:.1}"))
            .unwrap_or_default(),
        "m2_per_deminer_day",
    );
    row(
        "headline",
        "find_rate",
        t.find_rate_per_1000_m2
            .map(|r| format!("{r:.3}"))
            .unwrap_or_default(),
        "items_per_1000_m2",
    );
    row(
        "headline",
        "hazard_reports",
        t.hazard_reports.to_string(),
        "count",
    );
    for p in &f.released_by_period {
        row(
            "released_cancelled",
            &p.period,
            number(p.released.cancelled_m2),
            "m2",
        );
        row(
            "released_reduced",
            &p.period,
            number(p.released.reduced_m2),
            "m2",
        );
        row(
            "released_cleared",
            &p.period,
            number(p.released.cleared_m2),
            "m2",
        );
        row(
            "productivity",
            &p.period,
            p.productivity_m2_per_deminer_day
                .map(|v| format!("{v:.1}"))
                .unwrap_or_default(),
            "m2_per_deminer_day",
        );
        row(
            "find_rate",
            &p.period,
            p.find_rate_per_1000_m2
                .map(|v| format!("{v:.3}"))
                .unwrap_or_default(),
            "items_per_1000_m2",
        );
    }
    for r in &f.remaining_by_classification {
        row(
            "remaining_by_classification",
            r.classification.code(),
            number(r.remaining_m2),
            "m2",
        );
    }
    for (status, n) in &f.lands_by_status {
        row("lands_by_status", status.code(), n.to_string(), "count");
    }
    for r in &f.items_by_category {
        row(
            "items_found",
            r.category.code(),
            r.found.to_string(),
            "count",
        );
        row(
            "items_destroyed",
            r.category.code(),
            r.destroyed.to_string(),
            "count",
        );
    }
    let p = &f.participation;
    for (who, n) in [
        ("men", p.men),
        ("women", p.women),
        ("boys", p.boys),
        ("girls", p.girls),
        ("total", p.total()),
    ] {
        row(
            "handover_participation",
            who,
            html::people(Tr::default(), profile, n).replace(' ', ""),
            "people",
        );
    }
    let mut out = tr.report_csv_summary_header();
    out.push('\n');
    for r in rows {
        out.push_str(&r.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

fn lands_csv(tr: Tr, f: &Figures) -> String {
    let mut out = String::with_capacity(64 + f.lands.len() * 96);
    out.push_str(&tr.report_csv_lands_header());
    out.push('\n');
    for r in &f.lands {
        for text in [r.code.as_str(), &r.name, &r.admin_area] {
            push_csv_field(&mut out, text);
            out.push(',');
        }
        out.push_str(r.classification.code());
        out.push(',');
        out.push_str(r.status.code());
        for value in [
            r.estimated_m2,
            r.released.cancelled_m2,
            r.released.reduced_m2,
            r.released.cleared_m2,
            r.remaining_m2,
        ] {
            out.push(',');
            push_number(&mut out, value);
        }
        out.push(',');
        out.push_str(&r.items_found.to_string());
        out.push('\n');
    }
    out
}

/// Formats an area for people in `tr`'s language: `12 346 m² (1.2 ha)`.
///
/// # Examples
/// ```
/// use safeground::i18n::{Lang, Tr};
/// assert_eq!(safeground::reports::area_text(Tr::new(Lang::En), 12_345.6), "12 346 m² (1.2 ha)");
/// assert_eq!(safeground::reports::area_text(Tr::new(Lang::Es), 12_345.6), "12.346 m² (1,2 ha)");
/// ```
pub fn area_text(tr: Tr, m2: f64) -> String {
    format!("{} ({})", html::m2(tr, m2), html::ha(tr, m2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_written_as_the_exact_formatter_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -0.5,
            -0.4,
            -1.5,
            0.499_999_999_999_999_9,
            1e15 + 0.5,
            4.4e15,
            4.6e15,
            1e300,
            -1e300,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            123_456.5,
            123_457.5,
            2f64.powi(53) + 2.0,
        ];
        let mut x = 0.123_f64;
        for _ in 0..20_000 {
            x = (x * 7.31 + 0.17).fract();
            values.push(x * 1e7 - 3e6);
            values.push((x * 2e4).round() / 2.0);
        }
        for v in values {
            assert_eq!(number(v), format!("{v:.0}"), "{v:e}");
        }
    }
}
