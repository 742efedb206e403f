//! The donor progress report as one self-contained HTML file: inline CSS and SVG, no scripts,
//! no external references; prints on A4 from any browser.

/// Appends one formatted line to the page.
macro_rules! out {
    ($h:expr, $($arg:tt)*) => {{
        $h.push_str(&format!($($arg)*));
        $h.push('\n');
    }};
}

use crate::domain::symbology;
use std::borrow::Cow;

use time::Date;

use super::escape::esc;
use super::figures::{Figures, LandRow, distinct_trimmed};
use super::svg::{self, LegendEntry, LegendSwatch, MapPoint, MapPolygon, Rgb, Series};
use crate::domain::{ExportProfile, RecordSet};
use crate::i18n::{Arg, Tr, format};

/// What the HTML needs besides the figures.
pub struct HtmlInput<'a> {
    /// The figures.
    pub figures: &'a Figures,
    /// The records after the profile (for the map and the cover).
    pub records: &'a RecordSet,
    /// The profile applied.
    pub profile: ExportProfile,
    /// The donor named in the filter, if any.
    pub donor: Option<&'a str>,
    /// Basemap countries near the lands (lon/lat).
    pub basemap: Vec<&'a geo_types::MultiPolygon<f64>>,
    /// The store's reference layers chosen for the report, bottom first.
    pub reference: &'a [super::svg::ReportLayer<'a>],
    /// The language it is written in.
    pub tr: Tr,
}

/// `12 346 m²` (in the report's language).
pub(crate) fn m2(tr: Tr, value: f64) -> String {
    tr.unit_m2(Arg::decimal(value, 0))
}

/// `1.2 ha` (one decimal; two under 1 ha).
pub(crate) fn ha(tr: Tr, value_m2: f64) -> String {
    let ha = value_m2 / 10_000.0;
    tr.unit_ha(Arg::decimal(ha, if ha < 1.0 { 2 } else { 1 }))
}

fn date_text(tr: Tr, d: Option<Date>) -> String {
    d.map_or_else(|| tr.figure_none(), |d| format::date_short(tr.lang(), d))
}

/// A count of people as the profile may show it.
pub(crate) fn people(tr: Tr, profile: ExportProfile, count: u64) -> String {
    let small = u32::try_from(count).unwrap_or(u32::MAX);
    match profile.people_count(small) {
        Some(_) => tr.count(count),
        None => tr.people_suppressed(crate::domain::SMALL_CELL_THRESHOLD),
    }
}

const CSS: &str = "
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; color: #1d2430; margin: 0 auto; max-width: 190mm; font-size: 10.5pt; line-height: 1.4; background: #fff; }
header.cover { border-bottom: 3px solid #28964a; padding: 6mm 0 4mm; margin-bottom: 5mm; }
header.cover .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: #55606e; margin: 0; }
h1 { font-size: 22pt; margin: 1mm 0 3mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 1px solid #d5dae0; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .6mm 6mm; margin: 0; }
dl.meta dt { color: #55606e; } dl.meta dd { margin: 0; font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 3mm 0; }
.card { border: 1px solid #d5dae0; border-radius: 2mm; padding: 2.5mm 3mm; break-inside: avoid; }
.card .value { font-size: 15pt; font-weight: 700; white-space: nowrap; }
.card .label { font-size: 8.5pt; color: #55606e; }
.card.lead { grid-column: span 2; background: #eef7f0; border-color: #9ccfa9; }
.card.lead .value { font-size: 20pt; color: #1d6e36; }
figure { margin: 3mm 0; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #55606e; margin-top: 1mm; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2mm 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #e1e5ea; padding: 1mm 1.5mm; text-align: start; vertical-align: top; }
th { background: #f2f4f7; font-weight: 600; }
td.code { white-space: nowrap; }
td.n, th.n { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 700; border-top: 1.5px solid #1d2430; }
.swatch { display: inline-block; width: 3mm; height: 3mm; border-radius: .5mm; margin-inline-end: 1mm; vertical-align: -.3mm; }
.note { font-size: 8.5pt; color: #55606e; }
section.method dt { font-weight: 600; margin-top: 1.5mm; } section.method dd { margin: 0; margin-inline-start: 4mm; }
html[dir=rtl] body { font-family: 'Noto Sans Arabic', 'Noto Naskh Arabic', 'DejaVu Sans', Tahoma, Arial, sans-serif; }
html[dir=rtl] header.cover .kicker { letter-spacing: 0; }
footer { margin-top: 8mm; border-top: 1px solid #d5dae0; padding-top: 2mm; font-size: 8pt; color: #55606e; }
@media print { body { max-width: none; } h2 { break-before: auto; } .page-break { break-before: page; } }
";

/// Renders the report.
pub fn render(input: &HtmlInput<'_>) -> String {
    // The map (100 000 lands at national scale) is drawn on its own thread while the rest of
    // the page is written; on this thread when none can be started.
    std::thread::scope(|scope| {
        let drawing = std::thread::Builder::new()
            .name("report-map".to_owned())
            .spawn_scoped(scope, || map(input));
        page(input, || {
            match drawing.map(std::thread::ScopedJoinHandle::join) {
                Ok(Ok(svg)) => svg,
                _ => map(input),
            }
        })
    })
}

/// The page, with the map from `map_svg`.
#[expect(
    clippy::too_many_lines,
    reason = "the report's sections in reading order; each is a few lines"
)]
fn page(input: &HtmlInput<'_>, map_svg: impl FnOnce() -> String) -> String {
    let f = input.figures;
    let t = &f.totals;
    let tr = input.tr;
    let num = |v: f64| tr.number(v, 0);
    let mut h = String::with_capacity(64 * 1024);
    let organisations =
        distinct_trimmed(input.records.lands.iter().map(|l| l.organisation.as_str()));
    let projects = distinct_trimmed(
        input
            .records
            .activities
            .iter()
            .filter(|a| {
                input
                    .donor
                    .is_none_or(|d| a.donor.trim().eq_ignore_ascii_case(d.trim()))
            })
            .map(|a| a.project.as_str()),
    );
    let period = tr.report_period(date_text(tr, f.period_from), date_text(tr, f.period_to));
    let all_donors = tr.report_all_donors();
    let donor = input.donor.unwrap_or(&all_donors);
    let lang = tr.lang();
    // A right-to-left page mirrors its layout; codes and figures keep their own direction.
    let dir = if lang.is_rtl() { "rtl" } else { "ltr" };

    out!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">",
        lang.code()
    );
    out!(
        h,
        "<title>{}</title>",
        esc(&tr.report_html_title(donor, &period))
    );
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out!(
        h,
        "<meta name=\"generator\" content=\"Safeground {}\">",
        env!("CARGO_PKG_VERSION")
    );
    out!(h, "<style>{CSS}</style>\n</head>\n<body>");

    // ---- cover ----
    out!(
        h,
        "<header class=\"cover\">\n<p class=\"kicker\">{}</p>",
        esc(&tr.report_kicker())
    );
    out!(
        h,
        "<h1>{}</h1>\n<dl class=\"meta\">",
        esc(&tr.report_title())
    );
    let dash = tr.figure_none();
    let meta = [
        (tr.report_meta_donor(), donor.to_owned()),
        (tr.report_meta_period(), period.clone()),
        (
            tr.report_meta_organisation(),
            if organisations.is_empty() {
                dash.clone()
            } else {
                organisations.join(", ")
            },
        ),
        (
            tr.report_meta_project(),
            if projects.is_empty() {
                dash.clone()
            } else {
                projects.join("; ")
            },
        ),
        (tr.report_meta_data_as_of(), date_text(tr, f.data_as_of)),
        (tr.report_meta_scope(), f.filter_text.clone()),
    ];
    for (k, v) in meta {
        out!(h, "<dt>{}</dt><dd><bdi>{}</bdi></dd>", esc(&k), esc(&v));
    }
    h.push_str("</dl>\n</header>\n");

    // ---- headline numbers ----
    out!(
        h,
        "<section>\n<h2>{}</h2>\n<div class=\"cards\">",
        esc(&tr.report_headline())
    );
    let card = |h: &mut String, class: &str, value: &str, label: &str| {
        out!(
            h,
            "<div class=\"card{class}\"><div class=\"value\"><bdi>{}</bdi></div><div class=\"label\">{}</div></div>",
            esc(value),
            esc(label)
        );
    };
    card(
        &mut h,
        " lead",
        &m2(tr, t.released.total_m2()),
        &tr.report_card_released(ha(tr, t.released.total_m2())),
    );
    card(
        &mut h,
        "",
        &m2(tr, t.released.cancelled_m2),
        &tr.report_card_cancelled(),
    );
    card(
        &mut h,
        "",
        &m2(tr, t.released.reduced_m2),
        &tr.report_card_reduced(),
    );
    card(
        &mut h,
        "",
        &m2(tr, t.released.cleared_m2),
        &tr.report_card_cleared(),
    );
    card(
        &mut h,
        "",
        &m2(tr, t.remaining_m2),
        &tr.report_card_remaining(),
    );
    card(
        &mut h,
        "",
        &format!(
            "{} / {}",
            tr.count(t.lands_closed as u64),
            tr.count(t.lands_handed_over as u64)
        ),
        &tr.report_card_closed(),
    );
    card(
        &mut h,
        "",
        &tr.count(t.items_found),
        &tr.report_card_items(tr.count(t.items_destroyed)),
    );
    card(
        &mut h,
        "",
        &t.productivity_m2_per_deminer_day
            .map_or_else(|| dash.clone(), |p| m2(tr, p)),
        &tr.report_card_productivity(),
    );
    card(
        &mut h,
        "",
        &t.find_rate_per_1000_m2
            .map_or_else(|| dash.clone(), |r| tr.number(r, 2)),
        &tr.report_card_find_rate(),
    );
    card(
        &mut h,
        "",
        &people(tr, input.profile, f.participation.total()),
        &tr.report_card_people(),
    );
    card(
        &mut h,
        "",
        &tr.count(t.lands as u64),
        &tr.report_card_lands(),
    );
    h.push_str("</div>\n</section>\n");

    // ---- charts ----
    out!(
        h,
        "<section>\n<h2>{}</h2>\n<figure>",
        esc(&tr.report_released())
    );
    let categories: Vec<String> = f
        .released_by_period
        .iter()
        .map(|p| format::digits(lang, &p.period))
        .collect();
    let series = [
        (tr.report_series_cancelled(), symbology::CANCELLED, 0),
        (tr.report_series_reduced(), symbology::REDUCED, 1),
        (tr.report_series_cleared(), symbology::CLEARED, 2),
    ]
    .map(|(label, colour, i)| Series {
        label,
        colour,
        values: f
            .released_by_period
            .iter()
            .map(|p| match i {
                0 => p.released.cancelled_m2,
                1 => p.released.reduced_m2,
                _ => p.released.cleared_m2,
            })
            .collect(),
    });
    let unit_m2 = tr.unit_m2("").trim().to_owned();
    h.push_str(&svg::stacked_bar_chart(
        tr,
        &tr.report_chart_released(),
        &unit_m2,
        &categories,
        &series,
        720,
        300,
    ));
    out!(
        h,
        "<figcaption>{}</figcaption>\n</figure>",
        esc(&tr.report_chart_released_caption())
    );

    h.push_str("<div class=\"pair\">\n<figure>\n");
    let remaining: Vec<(String, f64, Rgb)> = f
        .remaining_by_classification
        .iter()
        .map(|r| {
            (
                tr.report_chart_remaining_bar(tr.label(r.classification.label_id()), r.lands),
                r.remaining_m2,
                symbology::classification_colour(r.classification),
            )
        })
        .collect();
    h.push_str(&svg::horizontal_bar_chart(
        tr,
        &tr.report_chart_remaining(),
        &unit_m2,
        &remaining,
        360,
    ));
    h.push_str("</figure>\n<figure>\n");
    let statuses: Vec<(String, f64, Rgb)> = f
        .lands_by_status
        .iter()
        .map(|(s, n)| {
            (
                tr.label(s.label_id()),
                *n as f64,
                symbology::status_outline(*s).0,
            )
        })
        .collect();
    h.push_str(&svg::horizontal_bar_chart(
        tr,
        &tr.report_chart_status(),
        &tr.report_unit_lands(),
        &statuses,
        360,
    ));
    h.push_str("</figure>\n</div>\n</section>\n");

    // ---- map ----
    out!(h, "<section>\n<h2>{}</h2>\n<figure>", esc(&tr.report_map()));
    h.push_str(&map_svg());
    let caption = if input.profile.is_redacted() {
        format!(
            "{} {}",
            tr.report_map_caption(),
            tr.report_map_caption_redacted()
        )
    } else {
        tr.report_map_caption()
    };
    out!(h, "<figcaption>{}</figcaption>", esc(&caption));
    h.push_str("</figure>\n</section>\n");

    // ---- per land ----
    out!(
        h,
        "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
        esc(&tr.report_per_land()),
        esc(&tr.report_col_code()),
        esc(&tr.report_col_name()),
        esc(&tr.report_col_admin_area()),
        esc(&tr.report_col_classification()),
        esc(&tr.report_col_status()),
        esc(&tr.report_col_cancelled()),
        esc(&tr.report_col_reduced()),
        esc(&tr.report_col_cleared()),
        esc(&tr.report_col_remaining()),
    );
    let listed = table_rows(&f.lands);
    let classification_labels: Vec<String> = crate::domain::Classification::ALL
        .iter()
        .map(|c| tr.label(c.label_id()))
        .collect();
    let status_labels: Vec<String> = crate::domain::LandStatus::ALL
        .iter()
        .map(|s| tr.label(s.label_id()))
        .collect();
    let label_of = |labels: &[String], i: Option<usize>| -> String {
        i.and_then(|i| labels.get(i)).cloned().unwrap_or_default()
    };
    for row in &listed {
        let class_index = crate::domain::Classification::ALL
            .iter()
            .position(|c| *c == row.classification);
        let status_index = crate::domain::LandStatus::ALL
            .iter()
            .position(|s| *s == row.status);
        out!(
            h,
            "<tr><td class=\"code\" dir=\"ltr\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&row.code),
            esc(&row.name),
            esc(&row.admin_area),
            esc(&label_of(&classification_labels, class_index)),
            esc(&label_of(&status_labels, status_index)),
            num(row.released.cancelled_m2),
            num(row.released.reduced_m2),
            num(row.released.cleared_m2),
            num(row.remaining_m2),
        );
    }
    out!(
        h,
        "</tbody>\n<tfoot><tr><td colspan=\"5\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tfoot>\n</table>",
        esc(&tr.report_total_lands(f.lands.len())),
        num(t.released.cancelled_m2),
        num(t.released.reduced_m2),
        num(t.released.cleared_m2),
        num(t.remaining_m2),
    );
    if listed.len() < f.lands.len() {
        out!(
            h,
            "<p class=\"note\">{}</p>",
            esc(&tr.report_table_truncated(listed.len(), f.lands.len()))
        );
    }
    out!(
        h,
        "<p class=\"note\">{}</p>\n</section>",
        esc(&tr.report_table_note())
    );

    // ---- items ----
    out!(h, "<section>\n<h2>{}</h2>", esc(&tr.report_items()));
    if f.items_by_category.is_empty() {
        out!(h, "<p>{}</p>", esc(&tr.report_items_none()));
    } else {
        let bars: Vec<(String, f64, Rgb)> = f
            .items_by_category
            .iter()
            .map(|r| {
                (
                    tr.label(r.category.label_id()),
                    r.found as f64,
                    symbology::eo_colour(r.category),
                )
            })
            .collect();
        h.push_str("<div class=\"pair\">\n<figure>\n");
        h.push_str(&svg::horizontal_bar_chart(
            tr,
            &tr.report_items_chart(),
            &tr.report_unit_items(),
            &bars,
            360,
        ));
        out!(
            h,
            "</figure>\n<div>\n<table>\n<thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
            esc(&tr.report_col_category()),
            esc(&tr.report_col_found()),
            esc(&tr.report_col_destroyed())
        );
        for r in &f.items_by_category {
            out!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&tr.label(r.category.label_id())),
                tr.count(r.found),
                tr.count(r.destroyed)
            );
        }
        out!(
            h,
            "</tbody>\n<tfoot><tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tfoot>\n</table>\n</div>\n</div>",
            esc(&tr.report_total()),
            tr.count(t.items_found),
            tr.count(t.items_destroyed)
        );
    }
    h.push_str("</section>\n");

    // ---- handover participation ----
    let p = &f.participation;
    out!(
        h,
        "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(&tr.report_participation()),
        esc(&tr.report_col_men()),
        esc(&tr.report_col_women()),
        esc(&tr.report_col_boys()),
        esc(&tr.report_col_girls()),
        esc(&tr.report_total())
    );
    out!(
        h,
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n</tbody>\n</table>",
        esc(&people(tr, input.profile, p.men)),
        esc(&people(tr, input.profile, p.women)),
        esc(&people(tr, input.profile, p.boys)),
        esc(&people(tr, input.profile, p.girls)),
        esc(&people(tr, input.profile, p.total())),
    );
    let note = if input.profile.suppresses_small_cells() {
        format!(
            "{} {}",
            tr.report_participation_note(),
            tr.report_participation_small(crate::domain::SMALL_CELL_THRESHOLD)
        )
    } else {
        tr.report_participation_note()
    };
    out!(h, "<p class=\"note\">{}</p>\n</section>", esc(&note));

    // ---- methodology ----
    methodology(&mut h, tr);
    let edition = if input.profile.is_redacted() {
        tr.report_edition_redacted()
    } else {
        tr.report_edition_internal()
    };
    out!(
        h,
        "<footer>{}</footer>\n</body>\n</html>",
        esc(&tr.report_footer(
            env!("CARGO_PKG_VERSION"),
            tr.label(input.profile.label_id()),
            edition
        ))
    );
    h
}

/// The definitions behind the figures (IMAS), in the report's language.
fn methodology(h: &mut String, tr: Tr) {
    out!(
        h,
        "<section class=\"method\">\n<h2>{}</h2>\n<p>{}</p>\n<dl>",
        esc(&tr.report_method()),
        esc(&tr.report_method_intro())
    );
    let terms = [
        (tr.report_term_land_release(), tr.report_def_land_release()),
        (tr.report_term_sha(), tr.report_def_sha()),
        (tr.report_term_cha(), tr.report_def_cha()),
        (tr.report_term_cancelled(), tr.report_def_cancelled()),
        (tr.report_term_reduced(), tr.report_def_reduced()),
        (tr.report_term_cleared(), tr.report_def_cleared()),
        (tr.report_term_accounting(), tr.report_def_accounting()),
        (tr.report_term_period(), tr.report_def_period()),
        (tr.report_term_attribution(), tr.report_def_attribution()),
        (tr.report_term_productivity(), tr.report_def_productivity()),
        (tr.report_term_find_rate(), tr.report_def_find_rate()),
        (tr.report_term_handover(), tr.report_def_handover()),
    ];
    for (term, definition) in terms {
        out!(h, "<dt>{}</dt><dd>{}</dd>", esc(&term), esc(&definition));
    }
    h.push_str("</dl>\n</section>\n");
}

/// Most rows the printed per-land table holds: a national report of 100 000 areas lists the
/// [`MAX_TABLE_ROWS`] with the most land released in the period (then by code), and points to
/// the lands CSV for the rest; a smaller report lists every area, in code order.
pub(crate) const MAX_TABLE_ROWS: usize = 1_000;

fn table_rows(rows: &[LandRow]) -> Vec<&LandRow> {
    let mut listed: Vec<&LandRow> = rows.iter().collect();
    if listed.len() > MAX_TABLE_ROWS {
        // Most released first, then code: the first MAX_TABLE_ROWS are picked out without
        // sorting the rest.
        let order = |a: &&LandRow, b: &&LandRow| {
            b.released
                .total_m2()
                .total_cmp(&a.released.total_m2())
                .then_with(|| a.code.cmp(&b.code))
        };
        listed.select_nth_unstable_by(MAX_TABLE_ROWS, order);
        listed.truncate(MAX_TABLE_ROWS);
        listed.sort_by(|a, b| a.code.cmp(&b.code));
    }
    listed
}

fn map(input: &HtmlInput<'_>) -> String {
    let tr = input.tr;
    // The lands in scope, with their status at the end of the period.
    let status_of: rustc_hash::FxHashMap<_, _> = input
        .figures
        .lands
        .iter()
        .map(|r| (r.id, r.status))
        .collect();
    let mut lands: Vec<MapPolygon<'_>> = Vec::new();
    for land in &input.records.lands {
        let (Some(shape), Some(&status)) = (&land.geometry, status_of.get(&land.id)) else {
            continue;
        };
        let (outline, dashed) = symbology::status_outline(status);
        lands.push(MapPolygon {
            shape: Cow::Borrowed(shape),
            fill: symbology::classification_colour(land.classification),
            fill_opacity: 0.5,
            outline,
            dashed,
            label: Some(land.code.clone()),
        });
    }
    let until = input.figures.period_to;
    let released: Vec<MapPolygon<'_>> = input
        .records
        .activities
        .iter()
        .filter(|a| status_of.contains_key(&a.land_id))
        .filter(|a| until.is_none_or(|t| a.end_date.unwrap_or(a.start_date) <= t))
        .filter_map(|a| a.released_geometry.as_ref())
        .map(|shape| MapPolygon {
            shape: Cow::Borrowed(shape),
            fill: symbology::RELEASED,
            fill_opacity: 0.6,
            outline: symbology::CLOSED,
            dashed: false,
            label: None,
        })
        .collect();
    let points: Vec<MapPoint> = if input.profile.is_redacted() {
        Vec::new()
    } else {
        input
            .records
            .hazard_reports
            .iter()
            .filter(|r| r.land_id.is_none_or(|id| status_of.contains_key(&id)))
            .filter(|r| until.is_none_or(|t| r.reported_on <= t))
            .map(|r| MapPoint {
                lon: r.location.lon_lat.lon_deg,
                lat: r.location.lon_lat.lat_deg,
                colour: symbology::eo_colour(r.eo_category),
                symbol: r.eo_category.symbol().to_owned(),
            })
            .collect()
    };
    let mut legend = vec![
        LegendEntry {
            swatch: LegendSwatch::Area {
                fill: symbology::CHA,
                fill_opacity: 0.5,
                outline: symbology::OPEN,
                dashed: false,
            },
            text: tr.report_legend_cha_open(),
        },
        LegendEntry {
            swatch: LegendSwatch::Area {
                fill: symbology::SHA,
                fill_opacity: 0.5,
                outline: symbology::WORKED_ON,
                dashed: true,
            },
            text: tr.report_legend_sha_worked_on(),
        },
        LegendEntry {
            swatch: LegendSwatch::Area {
                fill: symbology::SHA,
                fill_opacity: 0.5,
                outline: symbology::CLOSED,
                dashed: false,
            },
            text: tr.report_legend_closed(),
        },
        LegendEntry {
            swatch: LegendSwatch::Area {
                fill: symbology::RELEASED,
                fill_opacity: 0.6,
                outline: symbology::CLOSED,
                dashed: false,
            },
            text: tr.report_legend_released(),
        },
    ];
    if !points.is_empty() {
        legend.push(LegendEntry {
            swatch: LegendSwatch::Point {
                colour: symbology::NEUTRAL,
                symbol: "U".to_owned(),
            },
            text: tr.report_legend_hazard_report(),
        });
    }
    for (spec, _) in input.reference.iter().rev() {
        legend.push(LegendEntry {
            swatch: LegendSwatch::Area {
                fill: symbology::reference_colour(spec.role),
                fill_opacity: 0.0,
                outline: symbology::reference_colour(spec.role),
                dashed: false,
            },
            text: tr.report_legend_reference(&spec.name, tr.label(spec.role.label_id())),
        });
    }
    let attribution = if input.reference.is_empty() {
        tr.report_attribution()
    } else {
        tr.report_attribution_reference()
    };
    svg::map_svg_with_reference(
        tr,
        &lands,
        &released,
        &points,
        &input.basemap,
        input.reference,
        &legend,
        &attribution,
        720,
        560,
    )
}
