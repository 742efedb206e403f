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
use crate::domain::{ExportProfile, RecordSet, group_thousands};

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
}

/// `12 346 m²`.
pub(crate) fn m2(value: f64) -> String {
    format!("{} m²", group_thousands(value))
}

/// `1.2 ha` (one decimal; two under 1 ha).
pub(crate) fn ha(value_m2: f64) -> String {
    let ha = value_m2 / 10_000.0;
    if ha < 1.0 {
        format!("{ha:.2} ha")
    } else {
        format!("{} ha", svg::format_number(ha, 1))
    }
}

fn date_text(d: Option<Date>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

/// A count of people as the profile may show it.
pub(crate) fn people(profile: ExportProfile, count: u64) -> String {
    let small = u32::try_from(count).unwrap_or(u32::MAX);
    match profile.people_count(small) {
        Some(_) => group_thousands(count as f64),
        None => format!("< {}", crate::domain::SMALL_CELL_THRESHOLD),
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
th, td { border-bottom: 1px solid #e1e5ea; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f2f4f7; font-weight: 600; }
td.code { white-space: nowrap; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 700; border-top: 1.5px solid #1d2430; }
.swatch { display: inline-block; width: 3mm; height: 3mm; border-radius: .5mm; margin-right: 1mm; vertical-align: -.3mm; }
.note { font-size: 8.5pt; color: #55606e; }
section.method dt { font-weight: 600; margin-top: 1.5mm; } section.method dd { margin: 0 0 0 4mm; }
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
    let period = format!("{} to {}", date_text(f.period_from), date_text(f.period_to));
    let donor = input.donor.unwrap_or("All donors");

    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out!(
        h,
        "<title>Land release progress report — {} — {}</title>",
        esc(donor),
        esc(&period)
    );
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out!(
        h,
        "<meta name=\"generator\" content=\"Safeground {}\">",
        env!("CARGO_PKG_VERSION")
    );
    out!(h, "<style>{CSS}</style>\n</head>\n<body>");

    // ---- cover ----
    h.push_str("<header class=\"cover\">\n<p class=\"kicker\">Humanitarian mine action · land release</p>\n");
    out!(
        h,
        "<h1>Land release progress report</h1>\n<dl class=\"meta\">"
    );
    let meta = [
        ("Donor", donor.to_owned()),
        ("Period", period.clone()),
        (
            "Organisation",
            if organisations.is_empty() {
                "—".to_owned()
            } else {
                organisations.join(", ")
            },
        ),
        (
            "Project",
            if projects.is_empty() {
                "—".to_owned()
            } else {
                projects.join("; ")
            },
        ),
        ("Data as of", date_text(f.data_as_of)),
        ("Scope", f.filter_text.clone()),
    ];
    for (k, v) in meta {
        out!(h, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(&v));
    }
    h.push_str("</dl>\n</header>\n");

    // ---- headline numbers ----
    h.push_str("<section>\n<h2>Headline figures</h2>\n<div class=\"cards\">\n");
    let card = |h: &mut String, class: &str, value: &str, label: &str| {
        out!(
            h,
            "<div class=\"card{class}\"><div class=\"value\">{}</div><div class=\"label\">{}</div></div>",
            esc(value),
            esc(label)
        );
    };
    card(
        &mut h,
        " lead",
        &m2(t.released.total_m2()),
        &format!(
            "land released in the period ({}), returned to communities as safe",
            ha(t.released.total_m2())
        ),
    );
    card(
        &mut h,
        "",
        &m2(t.released.cancelled_m2),
        "cancelled by non-technical survey",
    );
    card(
        &mut h,
        "",
        &m2(t.released.reduced_m2),
        "reduced by technical survey",
    );
    card(&mut h, "", &m2(t.released.cleared_m2), "cleared");
    card(
        &mut h,
        "",
        &m2(t.remaining_m2),
        "contaminated area remaining at the end of the period",
    );
    card(
        &mut h,
        "",
        &format!("{} / {}", t.lands_closed, t.lands_handed_over),
        "hazardous areas closed / handed over in the period",
    );
    card(
        &mut h,
        "",
        &group_thousands(t.items_found as f64),
        &format!(
            "explosive items found ({} destroyed)",
            group_thousands(t.items_destroyed as f64)
        ),
    );
    card(
        &mut h,
        "",
        &t.productivity_m2_per_deminer_day.map_or_else(
            || "—".to_owned(),
            |p| format!("{} m²", svg::format_number(p, 0)),
        ),
        "per deminer-day (productivity)",
    );
    card(
        &mut h,
        "",
        &t.find_rate_per_1000_m2
            .map_or_else(|| "—".to_owned(), |r| svg::format_number(r, 2)),
        "items found per 1 000 m² reduced or cleared",
    );
    card(
        &mut h,
        "",
        &people(input.profile, f.participation.total()),
        "people took part in handovers",
    );
    card(
        &mut h,
        "",
        &group_thousands(t.lands as f64),
        "hazardous areas in scope",
    );
    h.push_str("</div>\n</section>\n");

    // ---- charts ----
    h.push_str("<section>\n<h2>Land released</h2>\n<figure>\n");
    let categories: Vec<String> = f
        .released_by_period
        .iter()
        .map(|p| p.period.clone())
        .collect();
    let series = [
        ("Cancelled", symbology::CANCELLED, 0),
        ("Reduced", symbology::REDUCED, 1),
        ("Cleared", symbology::CLEARED, 2),
    ]
    .map(|(label, colour, i)| Series {
        label: label.to_owned(),
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
    h.push_str(&svg::stacked_bar_chart(
        "Area released per month, by method of release",
        "m²",
        &categories,
        &series,
        720,
        300,
    ));
    h.push_str("<figcaption>Each bar is the area released in one month (one year for periods over three years), stacked by bucket: cancelled (non-technical survey), reduced (technical survey) and cleared.</figcaption>\n</figure>\n");

    h.push_str("<div class=\"pair\">\n<figure>\n");
    let remaining: Vec<(String, f64, Rgb)> = f
        .remaining_by_classification
        .iter()
        .map(|r| {
            (
                format!("{} ({} lands)", r.classification.label(), r.lands),
                r.remaining_m2,
                symbology::classification_colour(r.classification),
            )
        })
        .collect();
    h.push_str(&svg::horizontal_bar_chart(
        "Remaining contaminated area by classification",
        "m²",
        &remaining,
        360,
    ));
    h.push_str("</figure>\n<figure>\n");
    let statuses: Vec<(String, f64, Rgb)> = f
        .lands_by_status
        .iter()
        .map(|(s, n)| {
            (
                s.label().to_owned(),
                *n as f64,
                symbology::status_outline(*s).0,
            )
        })
        .collect();
    h.push_str(&svg::horizontal_bar_chart(
        "Hazardous areas by status at the end of the period",
        "lands",
        &statuses,
        360,
    ));
    h.push_str("</figure>\n</div>\n</section>\n");

    // ---- map ----
    h.push_str("<section>\n<h2>Map of the hazardous areas</h2>\n<figure>\n");
    h.push_str(&map_svg());
    out!(
        h,
        "<figcaption>IMAS land-release symbology: fill by classification, outline by status (dashed while work is under way), released parts in light green.{}</figcaption>",
        if input.profile.is_redacted() {
            " Areas whose location is not safe to publish are not drawn; item sightings are not mapped in this edition."
        } else {
            ""
        }
    );
    h.push_str("</figure>\n</section>\n");

    // ---- per land ----
    h.push_str("<section>\n<h2>Progress by hazardous area</h2>\n<table>\n<thead><tr><th>Code</th><th>Name</th><th>Admin area</th><th>Class.</th><th>Status</th><th class=\"n\">Cancelled m²</th><th class=\"n\">Reduced m²</th><th class=\"n\">Cleared m²</th><th class=\"n\">Remaining m²</th></tr></thead>\n<tbody>\n");
    let listed = table_rows(&f.lands);
    for row in &listed {
        out!(
            h,
            "<tr><td class=\"code\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&row.code),
            esc(&row.name),
            esc(&row.admin_area),
            esc(row.classification.label()),
            esc(row.status.label()),
            group_thousands(row.released.cancelled_m2),
            group_thousands(row.released.reduced_m2),
            group_thousands(row.released.cleared_m2),
            group_thousands(row.remaining_m2),
        );
    }
    out!(
        h,
        "</tbody>\n<tfoot><tr><td colspan=\"5\">Total ({} hazardous areas)</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tfoot>\n</table>",
        f.lands.len(),
        group_thousands(t.released.cancelled_m2),
        group_thousands(t.released.reduced_m2),
        group_thousands(t.released.cleared_m2),
        group_thousands(t.remaining_m2),
    );
    if listed.len() < f.lands.len() {
        out!(
            h,
            "<p class=\"note\">The table lists the {} hazardous areas with the most land released in the period (of {} in this report; the total row counts them all). Every area is in the report's lands CSV file.</p>",
            group_thousands(listed.len() as f64),
            group_thousands(f.lands.len() as f64),
        );
    }
    h.push_str("<p class=\"note\">Cancelled, reduced and cleared: released in the period by the activities counted for this report. Remaining: the whole area still suspected or confirmed at the end of the period.</p>\n</section>\n");

    // ---- items ----
    h.push_str("<section>\n<h2>Explosive ordnance found and destroyed</h2>\n");
    if f.items_by_category.is_empty() {
        h.push_str(
            "<p>No explosive items were found by the activities counted in this period.</p>\n",
        );
    } else {
        let bars: Vec<(String, f64, Rgb)> = f
            .items_by_category
            .iter()
            .map(|r| {
                (
                    r.category.label().to_owned(),
                    r.found as f64,
                    symbology::eo_colour(r.category),
                )
            })
            .collect();
        h.push_str("<div class=\"pair\">\n<figure>\n");
        h.push_str(&svg::horizontal_bar_chart(
            "Items found by category",
            "items",
            &bars,
            360,
        ));
        h.push_str("</figure>\n<div>\n<table>\n<thead><tr><th>Category</th><th class=\"n\">Found</th><th class=\"n\">Destroyed</th></tr></thead>\n<tbody>\n");
        for r in &f.items_by_category {
            out!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(r.category.label()),
                group_thousands(r.found as f64),
                group_thousands(r.destroyed as f64)
            );
        }
        out!(
            h,
            "</tbody>\n<tfoot><tr><td>Total</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tfoot>\n</table>\n</div>\n</div>",
            group_thousands(t.items_found as f64),
            group_thousands(t.items_destroyed as f64)
        );
    }
    h.push_str("</section>\n");

    // ---- handover participation ----
    let p = &f.participation;
    h.push_str("<section>\n<h2>Handover participation</h2>\n<table>\n<thead><tr><th>Men</th><th>Women</th><th>Boys</th><th>Girls</th><th>Total</th></tr></thead>\n<tbody>\n");
    out!(
        h,
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n</tbody>\n</table>",
        people(input.profile, p.men),
        people(input.profile, p.women),
        people(input.profile, p.boys),
        people(input.profile, p.girls),
        people(input.profile, p.total()),
    );
    out!(
        h,
        "<p class=\"note\">People of the community who took part in the handover of released land in the period, from the handover certificates.{}</p>\n</section>",
        if input.profile.suppresses_small_cells() {
            " Counts of fewer than 5 people are shown as “&lt; 5” to protect individuals."
        } else {
            ""
        }
    );

    // ---- methodology ----
    h.push_str(METHODOLOGY);
    out!(
        h,
        "<footer>Prepared with Safeground {} from the programme's information management store · profile: {} · {}. Figures are computed from the records as entered and validated by the organisation; the same figures are provided as CSV beside this file.</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION"),
        esc(input.profile.label()),
        if input.profile.is_redacted() {
            "no personal data: names and contact details of informants and reporters, narratives and unsafe locations are left out"
        } else {
            "internal edition: may contain personal data, do not share outside the organisation"
        }
    );
    h
}

const METHODOLOGY: &str = "<section class=\"method\">
<h2>Methodology and definitions</h2>
<p>Definitions follow the International Mine Action Standards (IMAS 04.10, 07.11, 08.10, 08.20, 08.30) and the IMSMA information model.</p>
<dl>
<dt>Land release</dt><dd>The process of applying all reasonable effort to identify, define and remove all presence and suspicion of explosive ordnance through non-technical survey, technical survey and/or clearance.</dd>
<dt>Suspected hazardous area (SHA)</dt><dd>An area where there is an indication of contamination by explosive ordnance.</dd>
<dt>Confirmed hazardous area (CHA)</dt><dd>An area where the presence of mine/ERW contamination has been confirmed on the basis of direct evidence.</dd>
<dt>Cancelled</dt><dd>Area released by non-technical survey: no evidence of contamination was found, without technical intervention.</dd>
<dt>Reduced</dt><dd>Area released by technical survey (with or without a technical asset such as a machine or a dog).</dd>
<dt>Cleared</dt><dd>Area where all explosive ordnance has been removed and/or destroyed to the specified depth.</dd>
<dt>Area accounting</dt><dd>For every hazardous area, estimated area = cancelled + reduced + cleared + remaining, all in square metres (1 ha = 10 000 m²); no other units are mixed.</dd>
<dt>Period</dt><dd>An activity counts in the period by its end date. Remaining area and status are as at the last day of the period: the estimated area less everything released on the area up to that day.</dd>
<dt>Attribution</dt><dd>An activity counts for a donor when the activity names the donor, or names none and its hazardous area does.</dd>
<dt>Productivity</dt><dd>Square metres reduced or cleared per deminer-day, over the activities that record deminer-days.</dd>
<dt>Find rate</dt><dd>Explosive items found per 1 000 m² reduced or cleared.</dd>
<dt>Handover</dt><dd>The process by which the beneficiary receives and accepts land which was previously suspected of containing an explosive hazard.</dd>
</dl>
</section>
";

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
            text: "Confirmed hazardous area (CHA), open".to_owned(),
        },
        LegendEntry {
            swatch: LegendSwatch::Area {
                fill: symbology::SHA,
                fill_opacity: 0.5,
                outline: symbology::WORKED_ON,
                dashed: true,
            },
            text: "Suspected hazardous area (SHA), work under way".to_owned(),
        },
        LegendEntry {
            swatch: LegendSwatch::Area {
                fill: symbology::SHA,
                fill_opacity: 0.5,
                outline: symbology::CLOSED,
                dashed: false,
            },
            text: "Closed or handed over".to_owned(),
        },
        LegendEntry {
            swatch: LegendSwatch::Area {
                fill: symbology::RELEASED,
                fill_opacity: 0.6,
                outline: symbology::CLOSED,
                dashed: false,
            },
            text: "Released part".to_owned(),
        },
    ];
    if !points.is_empty() {
        legend.push(LegendEntry {
            swatch: LegendSwatch::Point {
                colour: symbology::NEUTRAL,
                symbol: "U".to_owned(),
            },
            text: "Hazard report (letter: EO category)".to_owned(),
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
            text: format!("{} ({})", spec.name, spec.role.label()),
        });
    }
    let attribution = if input.reference.is_empty() {
        "Basemap: Natural Earth (public domain). Boundaries are not authoritative.".to_owned()
    } else {
        "Basemap: Natural Earth (public domain); reference layers: the programme's own files. Boundaries are not authoritative.".to_owned()
    };
    svg::map_svg_with_reference(
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
