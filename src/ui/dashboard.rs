//! The coordinator's dashboard (C8): the programme figures for a period, donor, organisation and
//! admin area, as numbers and `egui_plot` charts. The figures come from the worker
//! ([`crate::reports::compute`], the same function as the donor report); the map shows only the
//! lands in scope while the dashboard is open.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::theme;
use crate::domain::{ExportProfile, group_thousands, parse_date};
use crate::reports::{Figures, ReportFilter, area_text};

/// What the dashboard asks the app to do this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DashboardAction {
    /// Nothing.
    None,
    /// Compute the figures for this filter.
    Compute(ReportFilter),
    /// Write the donor report for the current filter (the app opens a save dialog).
    WriteReport,
    /// Fit the map to the lands in scope.
    ZoomToScope,
}

/// The dashboard's filter fields and the report profile.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// First day, `YYYY-MM-DD` or empty.
    pub from_text: String,
    /// Last day, `YYYY-MM-DD` or empty.
    pub to_text: String,
    /// Donor, empty for all.
    pub donor: String,
    /// Organisation, empty for all.
    pub organisation: String,
    /// Admin area, empty for all.
    pub admin_area: String,
    /// Who the report written from here is for.
    pub profile: ExportProfile,
    /// The filter last sent to the worker.
    sent: Option<ReportFilter>,
}

impl Default for Dashboard {
    fn default() -> Self {
        Self {
            from_text: String::new(),
            to_text: String::new(),
            donor: String::new(),
            organisation: String::new(),
            admin_area: String::new(),
            profile: ExportProfile::Donor,
            sent: None,
        }
    }
}

fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl Dashboard {
    /// The filter the fields describe, or which field is wrong and why.
    pub fn filter(&self) -> Result<ReportFilter, String> {
        let date = |label: &str, text: &str| match optional(text) {
            None => Ok(None),
            Some(t) => parse_date(&t).map(Some).ok_or_else(|| {
                format!("{label}: '{t}' is not a date; write YYYY-MM-DD, e.g. 2025-01-31")
            }),
        };
        let filter = ReportFilter {
            from: date("From", &self.from_text)?,
            to: date("To", &self.to_text)?,
            donor: optional(&self.donor),
            organisation: optional(&self.organisation),
            admin_area: optional(&self.admin_area),
        };
        filter.validate().map_err(|e| e.to_string())?;
        Ok(filter)
    }

    /// Forgets the last filter sent, so the next frame computes again (after the records changed).
    pub fn invalidate(&mut self) {
        self.sent = None;
    }

    /// Draws the dashboard.
    pub fn ui(&mut self, ui: &mut Ui, figures: Option<&Figures>) -> DashboardAction {
        let mut action = DashboardAction::None;
        let choices = figures.map(|f| f.choices.clone()).unwrap_or_default();
        // Two columns (label, field): the dashboard lives in a side panel a quarter of the
        // window wide.
        egui::Grid::new("dashboard_filter")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let label = ui.label("From");
                ui.add(
                    egui::TextEdit::singleline(&mut self.from_text)
                        .desired_width(100.0)
                        .id_salt("dash_from"),
                )
                .labelled_by(label.id)
                .on_hover_text("First day of the period, YYYY-MM-DD; empty: from the start");
                ui.end_row();
                let label = ui.label("To");
                ui.add(
                    egui::TextEdit::singleline(&mut self.to_text)
                        .desired_width(100.0)
                        .id_salt("dash_to"),
                )
                .labelled_by(label.id)
                .on_hover_text("Last day of the period, YYYY-MM-DD; empty: up to today");
                ui.end_row();
                combo(ui, "Donor", "dash_donor", &mut self.donor, &choices.donors);
                ui.end_row();
                combo(
                    ui,
                    "Organisation",
                    "dash_org",
                    &mut self.organisation,
                    &choices.organisations,
                );
                ui.end_row();
                combo(
                    ui,
                    "Admin area",
                    "dash_admin",
                    &mut self.admin_area,
                    &choices.admin_areas,
                );
                ui.end_row();
                ui.label("Report for");
                egui::ComboBox::from_id_salt("dash_profile")
                    .selected_text(self.profile.label())
                    .show_ui(ui, |ui| {
                        for p in ExportProfile::ALL {
                            ui.selectable_value(&mut self.profile, *p, p.label());
                        }
                    });
                ui.end_row();
            });
        match self.filter() {
            Ok(filter) => {
                if self.sent.as_ref() != Some(&filter) {
                    self.sent = Some(filter.clone());
                    action = DashboardAction::Compute(filter);
                }
            }
            Err(message) => {
                ui.colored_label(theme::ERROR_TEXT, message);
            }
        }
        ui.horizontal(|ui| {
            if ui.button("Write donor report…").clicked() {
                action = DashboardAction::WriteReport;
            }
            if ui.button("Zoom map to these lands").clicked() {
                action = DashboardAction::ZoomToScope;
            }
        });
        ui.separator();
        let Some(f) = figures else {
            ui.label("Computing…");
            return action;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            totals(ui, f);
            ui.add_space(8.0);
            charts(ui, f);
        });
        action
    }
}

fn combo(ui: &mut Ui, label: &str, id: &str, value: &mut String, choices: &[String]) {
    ui.label(label);
    let shown = if value.is_empty() {
        "All".to_owned()
    } else {
        value.clone()
    };
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(180.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, String::new(), "All");
            for c in choices {
                ui.selectable_value(value, c.clone(), c);
            }
        });
}

fn totals(ui: &mut Ui, f: &Figures) {
    let tr = super::language::tr(ui.ctx());
    let t = &f.totals;
    let period = match (f.period_from, f.period_to) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "no activities in scope".to_owned(),
    };
    ui.label(RichText::new(format!("{} · {period}", f.filter_text)).strong());
    egui::Grid::new("dashboard_totals")
        .num_columns(4)
        .spacing([16.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            let cell = |ui: &mut Ui, label: &str, value: String| {
                ui.label(label);
                ui.label(RichText::new(value).strong());
            };
            cell(
                ui,
                "Released in the period",
                area_text(tr, t.released.total_m2()),
            );
            cell(ui, "Lands in scope", group_thousands(t.lands as f64));
            ui.end_row();
            cell(ui, "Cancelled", area_text(tr, t.released.cancelled_m2));
            cell(ui, "Remaining at the end", area_text(tr, t.remaining_m2));
            ui.end_row();
            cell(ui, "Reduced", area_text(tr, t.released.reduced_m2));
            cell(
                ui,
                "Closed / handed over",
                format!("{} / {}", t.lands_closed, t.lands_handed_over),
            );
            ui.end_row();
            cell(ui, "Cleared", area_text(tr, t.released.cleared_m2));
            cell(
                ui,
                "Items found / destroyed",
                format!(
                    "{} / {}",
                    group_thousands(t.items_found as f64),
                    group_thousands(t.items_destroyed as f64)
                ),
            );
            ui.end_row();
            cell(
                ui,
                "Productivity",
                t.productivity_m2_per_deminer_day.map_or_else(
                    || "—".to_owned(),
                    |p| format!("{} m² per deminer-day", group_thousands(p)),
                ),
            );
            cell(
                ui,
                "Find rate",
                t.find_rate_per_1000_m2
                    .map_or_else(|| "—".to_owned(), |r| format!("{r:.2} items per 1 000 m²")),
            );
            ui.end_row();
            cell(
                ui,
                "Handover participation",
                format!(
                    "{} men, {} women, {} boys, {} girls",
                    f.participation.men,
                    f.participation.women,
                    f.participation.boys,
                    f.participation.girls
                ),
            );
            cell(
                ui,
                "Hazard reports",
                group_thousands(t.hazard_reports as f64),
            );
            ui.end_row();
        });
}

fn opaque(c: Color32) -> Color32 {
    Color32::from_rgb(c.r(), c.g(), c.b())
}

fn charts(ui: &mut Ui, f: &Figures) {
    ui.label(RichText::new("Area released per month, by bucket (m²)").strong());
    let labels: Vec<String> = f
        .released_by_period
        .iter()
        .map(|p| p.period.clone())
        .collect();
    let bars = |value: fn(&crate::reports::PeriodRelease) -> f64, colour: Color32| -> Vec<Bar> {
        f.released_by_period
            .iter()
            .enumerate()
            .map(|(i, p)| Bar::new(i as f64, value(p)).width(0.7).fill(colour))
            .collect()
    };
    let cancelled = BarChart::new(
        "Cancelled",
        bars(|p| p.released.cancelled_m2, theme::CANCELLED),
    )
    .color(theme::CANCELLED);
    let reduced = BarChart::new("Reduced", bars(|p| p.released.reduced_m2, theme::REDUCED))
        .color(theme::REDUCED)
        .stack_on(&[&cancelled]);
    let cleared = BarChart::new("Cleared", bars(|p| p.released.cleared_m2, theme::CLEARED))
        .color(theme::CLEARED)
        .stack_on(&[&cancelled, &reduced]);
    Plot::new("released_per_month")
        .height(200.0)
        .legend(Legend::default().follow_insertion_order(true))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .x_axis_formatter(move |mark, _| category_label(&labels, mark.value))
        .show(ui, |plot| {
            plot.bar_chart(cancelled);
            plot.bar_chart(reduced);
            plot.bar_chart(cleared);
        });

    ui.columns(2, |cols| {
        let per_period = |value: fn(&crate::reports::PeriodRelease) -> Option<f64>| {
            f.released_by_period
                .iter()
                .map(|p| (p.period.clone(), value(p).unwrap_or(0.0), theme::CLEARED))
                .collect::<Vec<_>>()
        };
        small_chart(
            &mut cols[0],
            "Productivity per month (m² per deminer-day)",
            "productivity",
            per_period(|p| p.productivity_m2_per_deminer_day),
        );
        small_chart(
            &mut cols[1],
            "Find rate per month (items per 1 000 m²)",
            "find_rate",
            per_period(|p| p.find_rate_per_1000_m2),
        );
    });
    ui.columns(3, |cols| {
        small_chart(
            &mut cols[0],
            "Remaining area by classification (m²)",
            "remaining_by_class",
            f.remaining_by_classification
                .iter()
                .map(|r| {
                    (
                        r.classification.label().to_owned(),
                        r.remaining_m2,
                        opaque(theme::land_fill(r.classification)),
                    )
                })
                .collect(),
        );
        small_chart(
            &mut cols[1],
            "Lands by status",
            "lands_by_status",
            f.lands_by_status
                .iter()
                .map(|(s, n)| {
                    (
                        s.label().to_owned(),
                        *n as f64,
                        theme::land_outline(*s).0.color,
                    )
                })
                .collect(),
        );
        small_chart(
            &mut cols[2],
            "Items found by EO category",
            "items_by_category",
            f.items_by_category
                .iter()
                .map(|r| {
                    (
                        r.category.label().to_owned(),
                        r.found as f64,
                        theme::eo_colour(r.category),
                    )
                })
                .collect(),
        );
    });
}

fn small_chart(ui: &mut Ui, title: &str, id: &str, rows: Vec<(String, f64, Color32)>) {
    ui.label(RichText::new(title).strong());
    if rows.is_empty() {
        ui.label("None in scope");
        return;
    }
    let labels: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let bars: Vec<Bar> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (name, value, colour))| {
            Bar::new(i as f64, value).width(0.7).fill(colour).name(name)
        })
        .collect();
    Plot::new(id)
        .height(140.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .x_axis_formatter(move |mark, _| category_label(&labels, mark.value))
        .show(ui, |plot| plot.bar_chart(BarChart::new(title, bars)));
}

/// The category under a whole-number tick of a bar chart's x axis (empty between bars).
fn category_label(labels: &[String], value: f64) -> String {
    let i = value.round();
    if (value - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    usize::try_from(i as i64)
        .ok()
        .and_then(|i| labels.get(i))
        .cloned()
        .unwrap_or_default()
}
