//! The coordinator's dashboard (C8): the programme figures for a period, donor, organisation and
//! admin area, as numbers and `egui_plot` charts. The figures come from the worker
//! ([`crate::reports::compute`], the same function as the donor report); the map shows only the
//! lands in scope while the dashboard is open.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::theme;
use crate::domain::{ExportProfile, parse_date};
use crate::i18n::Tr;
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
    pub fn filter(&self, tr: Tr) -> Result<ReportFilter, String> {
        let date = |label: String, text: &str| match optional(text) {
            None => Ok(None),
            Some(t) => parse_date(&t)
                .map(Some)
                .ok_or_else(|| tr.dashboard_bad_date(label, t)),
        };
        let filter = ReportFilter {
            from: date(tr.dashboard_from(), &self.from_text)?,
            to: date(tr.dashboard_to(), &self.to_text)?,
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
        let tr = super::language::tr(ui.ctx());
        let mut action = DashboardAction::None;
        let choices = figures.map(|f| f.choices.clone()).unwrap_or_default();
        // Two columns (label, field): the dashboard lives in a side panel a quarter of the
        // window wide.
        egui::Grid::new("dashboard_filter")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let label = ui.label(tr.dashboard_from());
                ui.add(
                    egui::TextEdit::singleline(&mut self.from_text)
                        .desired_width(100.0)
                        .id_salt("dash_from"),
                )
                .labelled_by(label.id)
                .on_hover_text(tr.dashboard_from_hint());
                ui.end_row();
                let label = ui.label(tr.dashboard_to());
                ui.add(
                    egui::TextEdit::singleline(&mut self.to_text)
                        .desired_width(100.0)
                        .id_salt("dash_to"),
                )
                .labelled_by(label.id)
                .on_hover_text(tr.dashboard_to_hint());
                ui.end_row();
                combo(
                    ui,
                    &tr.detail_donor(),
                    "dash_donor",
                    &mut self.donor,
                    &choices.donors,
                );
                ui.end_row();
                combo(
                    ui,
                    &tr.report_organisation(),
                    "dash_org",
                    &mut self.organisation,
                    &choices.organisations,
                );
                ui.end_row();
                combo(
                    ui,
                    &tr.report_col_admin_area(),
                    "dash_admin",
                    &mut self.admin_area,
                    &choices.admin_areas,
                );
                ui.end_row();
                ui.label(tr.dashboard_report_for());
                egui::ComboBox::from_id_salt("dash_profile")
                    .selected_text(tr.label(self.profile.label_id()))
                    .show_ui(ui, |ui| {
                        for p in ExportProfile::ALL {
                            ui.selectable_value(&mut self.profile, *p, tr.label(p.label_id()));
                        }
                    });
                ui.end_row();
            });
        match self.filter(tr) {
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
            if ui.button(tr.dashboard_write_report()).clicked() {
                action = DashboardAction::WriteReport;
            }
            if ui.button(tr.dashboard_zoom()).clicked() {
                action = DashboardAction::ZoomToScope;
            }
        });
        ui.separator();
        let Some(f) = figures else {
            ui.label(tr.dashboard_computing());
            return action;
        };
        let scope = self
            .sent
            .as_ref()
            .map_or_else(|| f.filter_text.clone(), |s| s.describe(tr));
        egui::ScrollArea::vertical().show(ui, |ui| {
            totals(ui, f, &scope);
            ui.add_space(8.0);
            charts(ui, f);
        });
        action
    }
}

fn combo(ui: &mut Ui, label: &str, id: &str, value: &mut String, choices: &[String]) {
    let all = super::language::tr(ui.ctx()).list_all();
    ui.label(label);
    let shown = if value.is_empty() {
        all.clone()
    } else {
        value.clone()
    };
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(180.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, String::new(), all);
            for c in choices {
                ui.selectable_value(value, c.clone(), c);
            }
        });
}

fn totals(ui: &mut Ui, f: &Figures, scope: &str) {
    let tr = super::language::tr(ui.ctx());
    let t = &f.totals;
    let date = |d| tr.date(d);
    let period = match (f.period_from, f.period_to) {
        (Some(a), Some(b)) => tr.report_period(date(a), date(b)),
        _ => tr.dashboard_no_activities(),
    };
    ui.label(RichText::new(format!("{scope} · {period}")).strong());
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
                &tr.dashboard_released(),
                area_text(tr, t.released.total_m2()),
            );
            cell(ui, &tr.dashboard_lands(), tr.count(t.lands as u64));
            ui.end_row();
            cell(
                ui,
                &tr.ledger_cancelled(),
                area_text(tr, t.released.cancelled_m2),
            );
            cell(ui, &tr.dashboard_remaining(), area_text(tr, t.remaining_m2));
            ui.end_row();
            cell(
                ui,
                &tr.ledger_reduced(),
                area_text(tr, t.released.reduced_m2),
            );
            cell(
                ui,
                &tr.dashboard_closed(),
                format!(
                    "{} / {}",
                    tr.count(t.lands_closed as u64),
                    tr.count(t.lands_handed_over as u64)
                ),
            );
            ui.end_row();
            cell(
                ui,
                &tr.ledger_cleared(),
                area_text(tr, t.released.cleared_m2),
            );
            cell(
                ui,
                &tr.dashboard_items(),
                format!(
                    "{} / {}",
                    tr.count(t.items_found),
                    tr.count(t.items_destroyed)
                ),
            );
            ui.end_row();
            cell(
                ui,
                &tr.report_term_productivity(),
                t.productivity_m2_per_deminer_day.map_or_else(
                    || "—".to_owned(),
                    |p| tr.dashboard_productivity(crate::i18n::Arg::decimal(p, 0)),
                ),
            );
            cell(
                ui,
                &tr.report_term_find_rate(),
                t.find_rate_per_1000_m2.map_or_else(
                    || "—".to_owned(),
                    |r| tr.dashboard_find_rate(crate::i18n::Arg::decimal(r, 2)),
                ),
            );
            ui.end_row();
            cell(
                ui,
                &tr.report_participation(),
                tr.dashboard_participation(
                    f.participation.men,
                    f.participation.women,
                    f.participation.boys,
                    f.participation.girls,
                ),
            );
            cell(
                ui,
                &tr.dashboard_hazard_reports(),
                tr.count(t.hazard_reports as u64),
            );
            ui.end_row();
        });
}

fn opaque(c: Color32) -> Color32 {
    Color32::from_rgb(c.r(), c.g(), c.b())
}

fn charts(ui: &mut Ui, f: &Figures) {
    let tr = super::language::tr(ui.ctx());
    ui.label(RichText::new(tr.dashboard_chart_released()).strong());
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
        tr.ledger_cancelled(),
        bars(|p| p.released.cancelled_m2, theme::CANCELLED),
    )
    .color(theme::CANCELLED);
    let reduced = BarChart::new(
        tr.ledger_reduced(),
        bars(|p| p.released.reduced_m2, theme::REDUCED),
    )
    .color(theme::REDUCED)
    .stack_on(&[&cancelled]);
    let cleared = BarChart::new(
        tr.ledger_cleared(),
        bars(|p| p.released.cleared_m2, theme::CLEARED),
    )
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
            &tr.dashboard_chart_productivity(),
            "productivity",
            per_period(|p| p.productivity_m2_per_deminer_day),
        );
        small_chart(
            &mut cols[1],
            &tr.dashboard_chart_find_rate(),
            "find_rate",
            per_period(|p| p.find_rate_per_1000_m2),
        );
    });
    ui.columns(3, |cols| {
        small_chart(
            &mut cols[0],
            &tr.dashboard_chart_remaining(),
            "remaining_by_class",
            f.remaining_by_classification
                .iter()
                .map(|r| {
                    (
                        tr.label(r.classification.label_id()),
                        r.remaining_m2,
                        opaque(theme::land_fill(r.classification)),
                    )
                })
                .collect(),
        );
        small_chart(
            &mut cols[1],
            &tr.dashboard_chart_status(),
            "lands_by_status",
            f.lands_by_status
                .iter()
                .map(|(s, n)| {
                    (
                        tr.label(s.label_id()),
                        *n as f64,
                        theme::land_outline(*s).0.color,
                    )
                })
                .collect(),
        );
        small_chart(
            &mut cols[2],
            &tr.report_items_chart(),
            "items_by_category",
            f.items_by_category
                .iter()
                .map(|r| {
                    (
                        tr.label(r.category.label_id()),
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
        ui.label(super::language::tr(ui.ctx()).dashboard_none());
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
