//! The left panel: a searchable, filterable, sortable list of lands and hazard reports.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::theme;
use crate::app::AppState;
use crate::domain::{
    Classification, EoCategory, HazardReportId, HazardReportStatus, LandId, LandStatus,
};

/// What the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListTab {
    /// Lands.
    #[default]
    Lands,
    /// Hazard reports.
    Reports,
}

/// What the user picked in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    /// A land.
    Land(LandId),
    /// A hazard report.
    Report(HazardReportId),
}

/// Sort order of the land list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// By code.
    #[default]
    Code,
    /// By name.
    Name,
    /// Largest remaining area first.
    Remaining,
    /// By status.
    Status,
}

/// The list panel's own state.
#[derive(Debug, Default)]
pub struct ListPanel {
    /// Lands or hazard reports.
    pub tab: ListTab,
    /// Search text of the lands tab (code, name, donor, organisation).
    pub search: String,
    /// Search text of the hazard reports tab: its own, so a land's code left in the lands'
    /// search never empties the report list (field trial D8).
    pub report_search: String,
    /// The hazard reports tab's filters.
    pub report_filters: ReportFilters,
    /// The hazard reports tab's rows, cached.
    report_rows: ReportRows,
    /// Only this classification.
    pub classification: Option<Classification>,
    /// Only this status.
    pub status: Option<LandStatus>,
    /// Sort order.
    pub sort: SortBy,
    /// Only these lands (by code), with what they are ("show these lands" of the import
    /// summary).
    pub only: Option<(String, std::collections::BTreeSet<String>)>,
    /// The last filtered and sorted rows and what they were computed from (records identity,
    /// search, filters, sort), so a frame only recomputes after a change.
    cache: Option<(RowsKey, std::rc::Rc<Vec<usize>>)>,
}

/// What the land rows depend on.
#[derive(Debug, Clone, PartialEq)]
struct RowsKey {
    records: (usize, usize),
    search: String,
    only: Option<(String, usize)>,
    source_matches: Option<(String, usize)>,
    classification: Option<Classification>,
    status: Option<LandStatus>,
    sort: SortBy,
}

impl ListPanel {
    /// The indices of the lands that pass the filters, in sort order.
    pub fn visible_lands(&self, state: &AppState) -> Vec<usize> {
        let needle = self.search.trim().to_lowercase();
        // Lands whose source attributes (a BiH fileId…) hold the search, found by the worker.
        let by_source = state
            .source_matches
            .as_ref()
            .filter(|(query, _)| *query == needle)
            .map(|(_, ids)| ids);
        let mut rows: Vec<usize> = state
            .records
            .lands
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                let s = &l.summary;
                (needle.is_empty()
                    || s.code.to_lowercase().contains(&needle)
                    || s.name.to_lowercase().contains(&needle)
                    || s.donor.to_lowercase().contains(&needle)
                    || s.organisation.to_lowercase().contains(&needle)
                    || by_source.is_some_and(|ids| ids.contains(&s.id)))
                    && self
                        .only
                        .as_ref()
                        .is_none_or(|(_, codes)| codes.contains(&s.code))
                    && self.classification.is_none_or(|c| s.classification == c)
                    && self.status.is_none_or(|st| s.status == st)
            })
            .map(|(i, _)| i)
            .collect();
        let lands = &state.records.lands;
        match self.sort {
            SortBy::Code => {}
            SortBy::Name => rows.sort_by(|a, b| {
                lands[*a]
                    .summary
                    .name
                    .to_lowercase()
                    .cmp(&lands[*b].summary.name.to_lowercase())
            }),
            SortBy::Remaining => rows.sort_by(|a, b| {
                lands[*b]
                    .summary
                    .ledger
                    .remaining()
                    .m2()
                    .total_cmp(&lands[*a].summary.ledger.remaining().m2())
            }),
            SortBy::Status => rows.sort_by_key(|i| lands[*i].summary.status),
        }
        rows
    }

    /// Draws the panel. Returns what the user selected, if anything.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState) -> Option<Picked> {
        let tr = super::language::tr(ui.ctx());
        let mut picked = None;
        ui.horizontal(|ui| {
            ui.selectable_value(
                &mut self.tab,
                ListTab::Lands,
                tr.list_lands_tab(state.records.lands.len()),
            );
            ui.selectable_value(
                &mut self.tab,
                ListTab::Reports,
                tr.list_reports_tab(state.records.reports.len()),
            );
        });
        let (search, hint) = match self.tab {
            ListTab::Lands => (&mut self.search, tr.list_search_lands_hint()),
            ListTab::Reports => (&mut self.report_search, tr.list_search_reports_hint()),
        };
        ui.horizontal(|ui| {
            let l = ui.label(tr.list_search());
            ui.add(
                egui::TextEdit::singleline(search)
                    .hint_text(hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        });
        if self.tab == ListTab::Reports {
            return reports_ui(
                ui,
                state,
                &self.report_search,
                &mut self.report_filters,
                &mut self.report_rows,
            )
            .map(Picked::Report);
        }
        let mut clear_only = false;
        if let Some((label, codes)) = &self.only {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(tr.list_only(codes.len(), label.as_str()))
                        .color(theme::WARNING_TEXT),
                );
                clear_only = ui.small_button(tr.list_show_all()).clicked();
            });
        }
        if clear_only {
            self.only = None;
        }
        ui.horizontal_wrapped(|ui| {
            let all = tr.list_all();
            egui::ComboBox::from_label(tr.list_class())
                .selected_text(
                    self.classification
                        .map_or_else(|| all.clone(), |c| tr.label(c.label_id())),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.classification, None, &all);
                    for c in Classification::ALL {
                        ui.selectable_value(
                            &mut self.classification,
                            Some(*c),
                            tr.label(c.label_id()),
                        );
                    }
                });
            egui::ComboBox::from_label(tr.list_status())
                .selected_text(
                    self.status
                        .map_or_else(|| all.clone(), |s| tr.label(s.label_id())),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status, None, &all);
                    for s in LandStatus::ALL {
                        ui.selectable_value(&mut self.status, Some(*s), tr.label(s.label_id()));
                    }
                });
            let sort_label = |s: SortBy| match s {
                SortBy::Code => tr.list_code(),
                SortBy::Name => tr.list_name(),
                SortBy::Remaining => tr.list_remaining_m2(),
                SortBy::Status => tr.list_status(),
            };
            egui::ComboBox::from_label(tr.list_sort())
                .selected_text(sort_label(self.sort))
                .show_ui(ui, |ui| {
                    for s in [
                        SortBy::Code,
                        SortBy::Name,
                        SortBy::Remaining,
                        SortBy::Status,
                    ] {
                        ui.selectable_value(&mut self.sort, s, sort_label(s));
                    }
                });
        });
        let key = RowsKey {
            records: (
                state.records.lands.as_ptr() as usize,
                state.records.lands.len(),
            ),
            search: self.search.clone(),
            only: self.only.as_ref().map(|(l, c)| (l.clone(), c.len())),
            source_matches: state
                .source_matches
                .as_ref()
                .map(|(q, ids)| (q.clone(), ids.len())),
            classification: self.classification,
            status: self.status,
            sort: self.sort,
        };
        let rows = match &self.cache {
            Some((k, rows)) if *k == key => std::rc::Rc::clone(rows),
            _ => {
                let rows = std::rc::Rc::new(self.visible_lands(state));
                self.cache = Some((key, std::rc::Rc::clone(&rows)));
                rows
            }
        };
        ui.label(tr.list_lands_shown(rows.len(), state.records.lands.len()));
        TableBuilder::new(ui)
            .striped(true)
            .sense(egui::Sense::click())
            // Narrow enough for a panel a quarter of a 1280-px window: long classes and statuses
            // are clipped (the detail panel shows them whole), the name takes what is left.
            .column(Column::auto().at_least(62.0))
            .column(Column::remainder().at_least(40.0).clip(true))
            .column(Column::auto().at_most(48.0).clip(true))
            .column(Column::auto().at_most(62.0).clip(true))
            .column(Column::auto().at_least(56.0))
            .header(20.0, |mut h| {
                for title in [
                    tr.list_code(),
                    tr.list_name(),
                    tr.list_class(),
                    tr.list_status(),
                    tr.list_remaining_m2(),
                ] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, rows.len(), |mut row| {
                    let land = &state.records.lands[rows[row.index()]].summary;
                    row.set_selected(state.selected == Some(land.id));
                    let selected = state.selected == Some(land.id);
                    row.col(|ui| {
                        if ui.selectable_label(selected, &land.code).clicked() {
                            picked = Some(Picked::Land(land.id));
                        }
                    });
                    row.col(|ui| {
                        ui.label(&land.name);
                    });
                    row.col(|ui| {
                        ui.label(tr.label(land.classification.label_id()));
                    });
                    row.col(|ui| {
                        ui.label(tr.label(land.status.label_id()));
                    });
                    row.col(|ui| {
                        ui.label(tr.number(land.ledger.remaining().m2(), 0));
                    });
                    if row.response().clicked() {
                        picked = Some(Picked::Land(land.id));
                    }
                });
            });
        picked
    }
}

/// The hazard reports tab's own filters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportFilters {
    /// Only this status.
    pub status: Option<HazardReportStatus>,
    /// Only this EO category.
    pub category: Option<EoCategory>,
}

/// The rows of the hazard reports tab (report index, its land's code) and what they were
/// computed from: recomputed only when the records, the search or a filter change (a national
/// store's 50 000 reports and 100 000 lands are not scanned every frame).
#[derive(Debug, Default)]
pub struct ReportRows {
    key: Option<((usize, usize), String, ReportFilters)>,
    rows: std::rc::Rc<Vec<(usize, String)>>,
}

fn reports_ui(
    ui: &mut Ui,
    state: &AppState,
    search: &str,
    filters: &mut ReportFilters,
    cache: &mut ReportRows,
) -> Option<HazardReportId> {
    let tr = super::language::tr(ui.ctx());
    let needle = search.trim().to_lowercase();
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        let all = tr.list_all();
        egui::ComboBox::from_label(tr.list_eo())
            .selected_text(
                filters
                    .category
                    .map_or_else(|| all.clone(), |c| tr.label(c.label_id())),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filters.category, None, &all);
                for c in EoCategory::ALL {
                    ui.selectable_value(&mut filters.category, Some(*c), tr.label(c.label_id()));
                }
            });
        // The trailing space keeps the two "Status" boxes' ids apart.
        egui::ComboBox::from_label(format!("{} ", tr.list_status()))
            .selected_text(
                filters
                    .status
                    .map_or_else(|| all.clone(), |s| tr.label(s.label_id())),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filters.status, None, &all);
                for s in HazardReportStatus::ALL {
                    ui.selectable_value(&mut filters.status, Some(*s), tr.label(s.label_id()));
                }
            });
    });
    let key = (
        (
            state.records.reports.as_ptr() as usize,
            state.records.reports.len(),
        ),
        needle.clone(),
        *filters,
    );
    if cache.key.as_ref() != Some(&key) {
        let codes: std::collections::HashMap<LandId, &str> = state
            .records
            .lands
            .iter()
            .map(|l| (l.summary.id, l.summary.code.as_str()))
            .collect();
        let rows = state
            .records
            .reports
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let land = r
                    .land_id
                    .and_then(|id| codes.get(&id).copied())
                    .unwrap_or("");
                let keep = (needle.is_empty()
                    || r.code.to_lowercase().contains(&needle)
                    || r.type_model.to_lowercase().contains(&needle)
                    || r.eo_category.label().to_lowercase().contains(&needle)
                    || land.to_lowercase().contains(&needle))
                    && filters.status.is_none_or(|s| r.status == s)
                    && filters.category.is_none_or(|c| r.eo_category == c);
                keep.then(|| (i, land.to_owned()))
            })
            .collect();
        cache.rows = std::rc::Rc::new(rows);
        cache.key = Some(key);
    }
    let reports = std::rc::Rc::clone(&cache.rows);
    ui.label(tr.list_reports_shown(reports.len(), state.records.reports.len()));
    // Only the rows on screen are laid out (50 000 reports stay cheap).
    TableBuilder::new(ui)
        .id_salt("report_rows")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::auto().at_least(62.0))
        .column(Column::remainder().at_least(40.0).clip(true))
        .column(Column::auto().at_most(36.0))
        .column(Column::auto().at_most(70.0).clip(true))
        .column(Column::auto().at_least(58.0))
        .header(20.0, |mut h| {
            for title in [
                tr.list_code(),
                tr.list_eo(),
                tr.list_quantity(),
                tr.list_status(),
                tr.list_land(),
            ] {
                h.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(20.0, reports.len(), |mut row| {
                let (index, land) = &reports[row.index()];
                let r = &state.records.reports[*index];
                let selected = state.selected_report == Some(r.id);
                row.set_selected(selected);
                row.col(|ui| {
                    if ui.selectable_label(selected, &r.code).clicked() {
                        picked = Some(r.id);
                    }
                });
                row.col(|ui| {
                    ui.label(tr.label(r.eo_category.label_id()))
                        .on_hover_text(&r.type_model);
                });
                row.col(|ui| {
                    ui.label(tr.count(u64::from(r.quantity)));
                });
                row.col(|ui| {
                    ui.label(tr.label(r.status.label_id()));
                });
                row.col(|ui| {
                    ui.label(land);
                });
                if row.response().clicked() {
                    picked = Some(r.id);
                }
            });
        });
    picked
}

impl crate::ui::SafegroundApp {
    /// Asks the worker for the lands whose source attributes hold the lands' search (2
    /// characters or more), once the text has been still for a moment.
    pub(super) fn search_source_attributes(&mut self) {
        let needle = self.list.search.trim().to_lowercase();
        if needle.chars().count() < 2 {
            self.source_query_sent.clear();
            return;
        }
        if needle == self.source_query_sent {
            return;
        }
        self.source_query_sent.clone_from(&needle);
        self.send(crate::app::Command::SearchSourceAttributes(needle));
    }
}
