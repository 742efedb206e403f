//! The programme figures behind the dashboard and the donor report (C8, domain.md §4.1).
//!
//! One pure function, [`compute`], turns records and a [`ReportFilter`] into [`Figures`]; the
//! app's dashboard, the HTML report and the report CSV all show these same numbers.
//!
//! Counting rules (written into the report's methodology section too):
//! - an activity counts in the period by its **end date** (its start date when it has none);
//! - an activity counts for a donor (organisation) when its own donor (organisation) is that one,
//!   or when it names none and its land's does;
//! - a land is in scope when it matches the admin-area filter and, with a donor (organisation)
//!   filter, when the land or one of its activities names that donor (organisation); lands first
//!   recorded after the period are not in scope;
//! - remaining area and status are **as at the end of the period**: the land's estimated area less
//!   everything released on it (by any donor) up to that date, and its last status change up to it;
//! - productivity is area reduced or cleared by activities that record deminer-days, divided by
//!   those deminer-days; the find rate is items found per 1 000 m² reduced or cleared.

use crate::i18n::Tr;
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use time::Date;

use crate::domain::{
    Activity, Classification, Disposal, EoCategory, HazardReport, Land, LandId, LandStatus,
};

/// Which records a dashboard or report covers. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportFilter {
    /// First day of the period (inclusive).
    pub from: Option<Date>,
    /// Last day of the period (inclusive).
    pub to: Option<Date>,
    /// Donor name (case-insensitive, exact).
    pub donor: Option<String>,
    /// Organisation name (case-insensitive, exact).
    pub organisation: Option<String>,
    /// Admin area: a P-code prefix, or an admin1 / admin2 / settlement name (case-insensitive).
    pub admin_area: Option<String>,
}

/// A filter that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// `from` after `to`.
    #[error("the period starts ({from}) after it ends ({to}); swap --from and --to")]
    EmptyPeriod {
        /// First day.
        from: Date,
        /// Last day.
        to: Date,
    },
}

impl ReportFilter {
    /// Refuses a period that ends before it starts.
    pub fn validate(&self) -> Result<(), FilterError> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if from > to => Err(FilterError::EmptyPeriod { from, to }),
            _ => Ok(()),
        }
    }

    /// The filter as people read it in `tr`'s language, e.g. `2025-01-01 to 2026-12-31; donor
    /// Fondation Horizon`, or `whole store`.
    pub fn describe(&self, tr: Tr) -> String {
        let date = |d: Date| crate::i18n::format::date_short(tr.lang(), d);
        let mut parts = Vec::new();
        match (self.from, self.to) {
            (Some(f), Some(t)) => parts.push(tr.filter_period(date(f), date(t))),
            (Some(f), None) => parts.push(tr.filter_from(date(f))),
            (None, Some(t)) => parts.push(tr.filter_up_to(date(t))),
            (None, None) => {}
        }
        let text = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        if let Some(v) = text(&self.donor) {
            parts.push(tr.filter_donor(v));
        }
        if let Some(v) = text(&self.organisation) {
            parts.push(tr.filter_organisation(v));
        }
        if let Some(v) = text(&self.admin_area) {
            parts.push(tr.filter_admin_area(v));
        }
        if parts.is_empty() {
            tr.filter_whole_store()
        } else {
            parts.join("; ")
        }
    }

    fn in_period(&self, date: Date) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

/// Area released by bucket, in whole m².
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Buckets {
    /// Cancelled by non-technical survey.
    pub cancelled_m2: f64,
    /// Reduced by technical survey (with or without an asset).
    pub reduced_m2: f64,
    /// Cleared.
    pub cleared_m2: f64,
}

impl Buckets {
    /// Everything released.
    pub fn total_m2(&self) -> f64 {
        self.cancelled_m2 + self.reduced_m2 + self.cleared_m2
    }

    fn add(&mut self, a: &Activity) {
        self.cancelled_m2 += a.released.cancelled_m2.m2();
        self.reduced_m2 += a.released.reduced_m2().m2();
        self.cleared_m2 += a.released.cleared_m2.m2();
    }
}

/// Headline numbers.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Totals {
    /// Lands in scope.
    pub lands: usize,
    /// Activities counted in the period.
    pub activities: usize,
    /// Released in the period.
    pub released: Buckets,
    /// Estimated area of the lands in scope.
    pub estimated_m2: f64,
    /// Remaining contaminated area of the lands in scope at the end of the period.
    pub remaining_m2: f64,
    /// Lands that became Closed in the period.
    pub lands_closed: usize,
    /// Lands handed over in the period.
    pub lands_handed_over: usize,
    /// Items of explosive ordnance found by the activities counted.
    pub items_found: u64,
    /// Of those, destroyed (in situ or after removal).
    pub items_destroyed: u64,
    /// Deminer-days recorded by the activities counted.
    pub deminer_days: f64,
    /// m² reduced or cleared per deminer-day (activities recording deminer-days only).
    pub productivity_m2_per_deminer_day: Option<f64>,
    /// Items found per 1 000 m² reduced or cleared.
    pub find_rate_per_1000_m2: Option<f64>,
    /// Hazard reports received in the period (linked to lands in scope, or unlinked when no
    /// donor or admin-area filter is set).
    pub hazard_reports: usize,
}

/// Released area in one month (or year, for periods over three years).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PeriodRelease {
    /// `2025-03` or `2025`.
    pub period: String,
    /// Released by bucket.
    pub released: Buckets,
    /// m² reduced or cleared per deminer-day in this period (activities recording deminer-days).
    pub productivity_m2_per_deminer_day: Option<f64>,
    /// Items found per 1 000 m² reduced or cleared in this period.
    pub find_rate_per_1000_m2: Option<f64>,
}

/// Field effort, for productivity and find rate.
#[derive(Debug, Clone, Copy, Default)]
struct Effort {
    /// m² reduced or cleared by activities that record deminer-days.
    worked_m2: f64,
    /// Their deminer-days.
    deminer_days: f64,
    /// m² reduced or cleared by activities that reduced, cleared or found something.
    fieldwork_m2: f64,
    /// Items those activities found.
    items: u64,
}

impl Effort {
    fn add(&mut self, a: &Activity) {
        let worked = a.released.reduced_m2().m2() + a.released.cleared_m2.m2();
        if worked > 0.0 || a.items_found() > 0 {
            self.fieldwork_m2 += worked;
            self.items += u64::from(a.items_found());
        }
        if let Some(days) = a.deminer_days.filter(|d| *d > 0.0) {
            self.worked_m2 += worked;
            self.deminer_days += days;
        }
    }

    fn productivity(&self) -> Option<f64> {
        (self.deminer_days > 0.0).then(|| self.worked_m2 / self.deminer_days)
    }

    fn find_rate(&self) -> Option<f64> {
        (self.fieldwork_m2 > 0.0).then(|| self.items as f64 * 1000.0 / self.fieldwork_m2)
    }
}

/// Remaining contaminated area of one classification.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ClassificationRemaining {
    /// The classification.
    pub classification: Classification,
    /// Lands of that classification with area remaining.
    pub lands: usize,
    /// Remaining m².
    pub remaining_m2: f64,
}

/// Items of one EO category found by the activities counted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ItemsRow {
    /// The category.
    pub category: EoCategory,
    /// Found.
    pub found: u64,
    /// Destroyed in situ or after removal.
    pub destroyed: u64,
}

/// People who took part in handovers in the period (IMSMA handover participation fields).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Participation {
    /// Men.
    pub men: u64,
    /// Women.
    pub women: u64,
    /// Boys.
    pub boys: u64,
    /// Girls.
    pub girls: u64,
}

impl Participation {
    /// Everyone.
    pub fn total(&self) -> u64 {
        self.men + self.women + self.boys + self.girls
    }
}

/// One land of the report's table.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LandRow {
    /// Its id (for the map).
    #[serde(skip)]
    pub id: LandId,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Admin area (admin2, else admin1, else P-code).
    pub admin_area: String,
    /// Classification.
    pub classification: Classification,
    /// Status at the end of the period.
    pub status: LandStatus,
    /// Estimated area.
    pub estimated_m2: f64,
    /// Released in the period by the activities counted.
    pub released: Buckets,
    /// Remaining at the end of the period.
    pub remaining_m2: f64,
    /// Items found in the period.
    pub items_found: u64,
}

/// Everything the dashboard and the report show.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Figures {
    /// The filter as people read it.
    pub filter_text: String,
    /// First day covered: the filter's, else the first activity's.
    pub period_from: Option<Date>,
    /// Last day covered: the filter's, else the last activity's.
    pub period_to: Option<Date>,
    /// The latest date of information of any record in scope (the report's "data as of").
    pub data_as_of: Option<Date>,
    /// Headline numbers.
    pub totals: Totals,
    /// Released by month (by year over periods longer than three years), every period listed.
    pub released_by_period: Vec<PeriodRelease>,
    /// Remaining area by classification (classifications with area remaining).
    pub remaining_by_classification: Vec<ClassificationRemaining>,
    /// Lands by status at the end of the period (every status, zero included).
    pub lands_by_status: Vec<(LandStatus, usize)>,
    /// Items found by EO category (categories with finds).
    pub items_by_category: Vec<ItemsRow>,
    /// Handover participation.
    pub participation: Participation,
    /// The lands in scope, by code.
    pub lands: Vec<LandRow>,
    /// Organisations, donors and admin areas present in the whole store (for filter choices).
    pub choices: FilterChoices,
}

/// Values the filter can take, from the whole store.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FilterChoices {
    /// Donors named by lands or activities.
    pub donors: Vec<String>,
    /// Organisations named by lands or activities.
    pub organisations: Vec<String>,
    /// Admin areas (admin2 names, else admin1).
    pub admin_areas: Vec<String>,
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim()) || a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn wanted(filter: Option<&String>) -> Option<&str> {
    filter.map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// The date an activity counts on: its end date, else its start date.
fn activity_date(a: &Activity) -> Date {
    a.end_date.unwrap_or(a.start_date)
}

fn admin_matches(land: &Land, area: &str) -> bool {
    let a = &land.admin;
    (!a.pcode.is_empty() && a.pcode.to_lowercase().starts_with(&area.to_lowercase()))
        || same(&a.admin1, area)
        || same(&a.admin2, area)
        || same(&a.settlement, area)
}

/// Whether an activity's own attribution (or, when it names none, its land's) is `wanted`.
fn attributed(own: &str, land_value: &str, wanted: &str) -> bool {
    if own.trim().is_empty() {
        same(land_value, wanted)
    } else {
        same(own, wanted)
    }
}

/// The status of a land at the end of a day: its last status change up to then.
fn status_at(land: &Land, day: Option<Date>) -> LandStatus {
    let Some(day) = day else {
        return land.status;
    };
    land.status_history
        .iter()
        .filter(|c| !c.superseded && c.date <= day)
        .max_by_key(|c| c.date)
        .map_or(land.status, |c| c.status)
}

fn first_recorded(land: &Land) -> Date {
    land.status_history
        .iter()
        .filter(|c| !c.superseded)
        .map(|c| c.date)
        .min()
        .map_or(land.date_of_information, |d| {
            d.min(land.date_of_information)
        })
}

/// Computes the figures for `filter` (see the module's counting rules). Output order is fixed
/// (codes, vocabulary order), so the same records give the same figures.
///
/// # Examples
/// ```
/// use safeground::reports::{ReportFilter, compute};
/// let figures = compute(&[], &[], &[], &ReportFilter::default());
/// assert_eq!(figures.totals.lands, 0);
/// assert_eq!(figures.filter_text, "whole store");
/// ```
pub fn compute(
    lands: &[Land],
    activities: &[Activity],
    hazard_reports: &[HazardReport],
    filter: &ReportFilter,
) -> Figures {
    // The filter's choices (every donor, organisation and admin area named) are gathered on a
    // second thread meanwhile.
    std::thread::scope(|scope| {
        let gathering = std::thread::Builder::new()
            .name("report-choices".to_owned())
            .spawn_scoped(scope, || choices(lands, activities));
        let mut figures = compute_figures(lands, activities, hazard_reports, filter);
        figures.choices = match gathering.map(std::thread::ScopedJoinHandle::join) {
            Ok(Ok(choices)) => choices,
            _ => choices(lands, activities),
        };
        figures
    })
}

/// [`compute`] without the filter's choices.
fn compute_figures(
    lands: &[Land],
    activities: &[Activity],
    hazard_reports: &[HazardReport],
    filter: &ReportFilter,
) -> Figures {
    let donor = wanted(filter.donor.as_ref());
    let organisation = wanted(filter.organisation.as_ref());
    let admin = wanted(filter.admin_area.as_ref());

    // Each land's activities, in slice order: one list of references cut into runs (no list
    // per land). The store gives them grouped by land already; otherwise they are sorted by
    // land first (a stable sort keeps the slice order within a land).
    let mut grouped: Vec<&Activity> = activities.iter().collect();
    let mut by_land = runs_by_land(&grouped);
    if by_land.is_none() {
        grouped.sort_by_key(|a| a.land_id);
        by_land = runs_by_land(&grouped);
    }
    let by_land = by_land.unwrap_or_default();
    let no_activities: &[&Activity] = &[];

    let mut sorted_lands: Vec<&Land> = lands.iter().collect();
    sorted_lands.sort_by(|a, b| a.code.cmp(&b.code));

    let mut totals = Totals::default();
    let mut rows = Vec::new();
    let mut counted: Vec<&Activity> = Vec::new();
    let mut in_scope: HashSet<LandId> = HashSet::default();
    let mut data_as_of: Option<Date> = None;
    let mut by_class: BTreeMap<Classification, (usize, f64)> = BTreeMap::new();
    let mut by_status: BTreeMap<LandStatus, usize> =
        LandStatus::ALL.iter().map(|s| (*s, 0)).collect();

    for land in sorted_lands {
        let acts = by_land.get(&land.id).copied().unwrap_or(no_activities);
        if admin.is_some_and(|area| !admin_matches(land, area)) {
            continue;
        }
        if donor.is_some_and(|d| !same(&land.donor, d) && !acts.iter().any(|a| same(&a.donor, d))) {
            continue;
        }
        if organisation.is_some_and(|o| {
            !same(&land.organisation, o) && !acts.iter().any(|a| same(&a.organisation, o))
        }) {
            continue;
        }
        if filter.to.is_some_and(|to| first_recorded(land) > to) {
            continue;
        }
        in_scope.insert(land.id);
        let mut released = Buckets::default();
        let mut released_to_end = 0.0;
        let mut items_found = 0u64;
        for a in acts {
            let date = activity_date(a);
            if filter.to.is_none_or(|to| date <= to) {
                released_to_end += a.released.total().m2();
            }
            let counts = filter.in_period(date)
                && donor.is_none_or(|d| attributed(&a.donor, &land.donor, d))
                && organisation.is_none_or(|o| attributed(&a.organisation, &land.organisation, o));
            if counts {
                released.add(a);
                items_found += u64::from(a.items_found());
                counted.push(a);
                data_as_of = data_as_of.max(Some(a.date_of_information));
            }
        }
        data_as_of = data_as_of.max(Some(
            land.date_of_information.min(filter.to.unwrap_or(Date::MAX)),
        ));
        let status = status_at(land, filter.to);
        let estimated = land.ledger.estimated_m2.m2();
        let remaining = (estimated - released_to_end).max(0.0);
        for change in land.status_history.iter().filter(|c| !c.superseded) {
            if filter.in_period(change.date) {
                match change.status {
                    LandStatus::Closed => totals.lands_closed += 1,
                    LandStatus::HandedOver => totals.lands_handed_over += 1,
                    LandStatus::Open | LandStatus::WorkedOn => {}
                }
            }
        }
        *by_status.entry(status).or_default() += 1;
        if remaining > 0.0 {
            let entry = by_class.entry(land.classification).or_default();
            entry.0 += 1;
            entry.1 += remaining;
        }
        totals.lands += 1;
        totals.estimated_m2 += estimated;
        totals.remaining_m2 += remaining;
        totals.items_found += items_found;
        rows.push(LandRow {
            id: land.id,
            code: land.code.clone(),
            name: land.name.clone(),
            admin_area: [&land.admin.admin2, &land.admin.admin1, &land.admin.pcode]
                .into_iter()
                .find(|s| !s.is_empty())
                .cloned()
                .unwrap_or_default(),
            classification: land.classification,
            status,
            estimated_m2: estimated,
            released,
            remaining_m2: remaining,
            items_found,
        });
    }

    // Activities: released by bucket and period, items, participation, productivity.
    let period_from = filter
        .from
        .or_else(|| counted.iter().map(|a| activity_date(a)).min());
    let period_to = filter
        .to
        .or_else(|| counted.iter().map(|a| activity_date(a)).max());
    let yearly = match (period_from, period_to) {
        (Some(f), Some(t)) => months_between(f, t) > 36,
        _ => false,
    };
    // A period is a (year, month) pair, month 0 for a whole year; its label is written once.
    let period_of = |d: Date| (d.year(), if yearly { 0 } else { u8::from(d.month()) });
    let period_label = |(year, month): (i32, u8)| {
        if month == 0 {
            format!("{year}")
        } else {
            format!("{year}-{month:02}")
        }
    };
    let mut by_period: BTreeMap<String, (Buckets, Effort)> = BTreeMap::new();
    if let (Some(f), Some(t)) = (period_from, period_to) {
        // A period of centuries (`--to 9999-12-31`) lists only the years with data.
        if months_between(f, t) <= 1200 {
            let mut d = first_of_month(f);
            while d <= t {
                by_period.entry(period_label(period_of(d))).or_default();
                let next = next_month(d);
                if next <= d {
                    break;
                }
                d = next;
            }
        }
    }
    let mut period_sums: HashMap<(i32, u8), (Buckets, Effort)> = HashMap::default();
    let mut items: BTreeMap<EoCategory, (u64, u64)> = BTreeMap::new();
    let mut participation = Participation::default();
    let mut effort = Effort::default();
    // Code order (sums do not depend on the order the records came in), sorted on keys held
    // next to each reference.
    let mut by_code: Vec<(&str, &Activity)> =
        counted.iter().map(|a| (a.code.as_str(), *a)).collect();
    by_code.sort_by(|a, b| a.0.cmp(b.0));
    let counted: Vec<&Activity> = by_code.into_iter().map(|(_, a)| a).collect();
    for a in &counted {
        totals.activities += 1;
        totals.released.add(a);
        let period = period_sums.entry(period_of(activity_date(a))).or_default();
        period.0.add(a);
        period.1.add(a);
        effort.add(a);
        for device in &a.devices {
            let entry = items.entry(device.category).or_default();
            entry.0 += u64::from(device.quantity);
            if matches!(
                device.disposal,
                Disposal::DestroyedInSitu | Disposal::RemovedDestroyed
            ) {
                entry.1 += u64::from(device.quantity);
                totals.items_destroyed += u64::from(device.quantity);
            }
        }
        if let Some(h) = &a.handover {
            participation.men += u64::from(h.men);
            participation.women += u64::from(h.women);
            participation.boys += u64::from(h.boys);
            participation.girls += u64::from(h.girls);
        }
    }
    // Distinct keys: the order they are moved in does not matter.
    by_period.extend(
        period_sums
            .into_iter()
            .map(|(period, sums)| (period_label(period), sums)),
    );
    totals.deminer_days = effort.deminer_days;
    totals.productivity_m2_per_deminer_day = effort.productivity();
    totals.find_rate_per_1000_m2 = effort.find_rate();

    let unfiltered_reports = donor.is_none() && admin.is_none();
    totals.hazard_reports = hazard_reports
        .iter()
        .filter(|r| filter.in_period(r.reported_on))
        .filter(|r| match r.land_id {
            Some(id) => in_scope.contains(&id),
            None => unfiltered_reports && organisation.is_none_or(|o| same(&r.organisation, o)),
        })
        .count();

    Figures {
        filter_text: filter.describe(Tr::default()),
        period_from,
        period_to,
        data_as_of,
        totals,
        released_by_period: by_period
            .into_iter()
            .map(|(period, (released, effort))| PeriodRelease {
                period,
                released,
                productivity_m2_per_deminer_day: effort.productivity(),
                find_rate_per_1000_m2: effort.find_rate(),
            })
            .collect(),
        remaining_by_classification: by_class
            .into_iter()
            .map(
                |(classification, (lands, remaining_m2))| ClassificationRemaining {
                    classification,
                    lands,
                    remaining_m2,
                },
            )
            .collect(),
        lands_by_status: by_status.into_iter().collect(),
        items_by_category: items
            .into_iter()
            .map(|(category, (found, destroyed))| ItemsRow {
                category,
                found,
                destroyed,
            })
            .collect(),
        participation,
        lands: rows,
        choices: FilterChoices::default(),
    }
}

/// Each land's run of activities in `grouped`, or `None` when a land's activities are not all
/// next to each other.
fn runs_by_land<'a, 'r>(
    grouped: &'r [&'a Activity],
) -> Option<HashMap<LandId, &'r [&'a Activity]>> {
    let mut runs = HashMap::default();
    for run in grouped.chunk_by(|a, b| a.land_id == b.land_id) {
        let land = run.first()?.land_id;
        if runs.insert(land, run).is_some() {
            return None;
        }
    }
    Some(runs)
}

/// The distinct values, trimmed, without empty ones, sorted. Few distinct values among many
/// records: a hash set drops the repeats first, then the few left are trimmed, deduplicated
/// again and sorted.
pub(super) fn distinct_trimmed<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let raw: HashSet<&str> = values.collect();
    let trimmed: HashSet<&str> = raw
        .into_iter()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    let mut distinct: Vec<String> = trimmed.into_iter().map(str::to_owned).collect();
    distinct.sort_unstable();
    distinct
}

fn choices(lands: &[Land], activities: &[Activity]) -> FilterChoices {
    FilterChoices {
        donors: distinct_trimmed(
            lands
                .iter()
                .map(|l| l.donor.as_str())
                .chain(activities.iter().map(|a| a.donor.as_str())),
        ),
        organisations: distinct_trimmed(
            lands
                .iter()
                .map(|l| l.organisation.as_str())
                .chain(activities.iter().map(|a| a.organisation.as_str())),
        ),
        admin_areas: distinct_trimmed(lands.iter().map(|l| {
            if l.admin.admin2.is_empty() {
                l.admin.admin1.as_str()
            } else {
                l.admin.admin2.as_str()
            }
        })),
    }
}

fn first_of_month(d: Date) -> Date {
    d.replace_day(1).unwrap_or(d)
}

fn next_month(d: Date) -> Date {
    let (year, month) = if d.month() == time::Month::December {
        (d.year() + 1, time::Month::January)
    } else {
        (d.year(), d.month().next())
    };
    Date::from_calendar_date(year, month, 1).unwrap_or(Date::MAX)
}

fn months_between(from: Date, to: Date) -> i32 {
    (to.year() - from.year()) * 12 + i32::from(u8::from(to.month()))
        - i32::from(u8::from(from.month()))
}
