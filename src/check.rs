//! Data-quality findings over a whole store (`safeground check`): invalid and suspicious
//! polygons, GPS accuracy, overlapping open lands, ledgers that do not add up, and
//! date-of-information conflicts. Pure: takes records, returns findings.

use std::collections::BTreeMap;

use geo::{BoundingRect, Relate};
use rstar::{AABB, RTree, RTreeObject};

use crate::domain::{Activity, Land, LandId, LandStatus, Ledger};
use crate::geometry::{Severity, gps_accuracy_warnings, validate_shape};

/// One finding, as printed by `check --json`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Finding {
    /// The record's code.
    pub code: String,
    /// Machine kind (`self_intersection`, `overlap`, `ledger` …).
    pub kind: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and what to do, for a person.
    pub message: String,
}

/// A land edit that lost to later information.
#[derive(Debug, Clone, PartialEq)]
pub struct SupersededEdit {
    /// Land code.
    pub code: String,
    /// Date of the edit.
    pub edit_date: String,
    /// Date of the record it did not override.
    pub record_date: String,
    /// Who made it.
    pub by: String,
}

struct Envelope {
    index: usize,
    aabb: AABB<[f64; 2]>,
}

impl RTreeObject for Envelope {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        self.aabb
    }
}

/// All findings, ordered by code then kind.
pub fn check_store(
    lands: &[Land],
    activities: &[Activity],
    superseded: &[SupersededEdit],
    gps_threshold_m: f64,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let push = |findings: &mut Vec<Finding>,
                code: &str,
                kind: &str,
                severity: Severity,
                message: String| {
        findings.push(Finding {
            code: code.to_owned(),
            kind: kind.to_owned(),
            severity,
            message,
        });
    };
    for land in lands {
        if let Some(shape) = &land.geometry {
            for p in validate_shape(shape) {
                push(
                    &mut findings,
                    &land.code,
                    p.kind(),
                    p.severity(),
                    p.to_string(),
                );
            }
        } else if land.ledger.estimated_m2.m2() == 0.0 {
            push(
                &mut findings,
                &land.code,
                "no_geometry",
                Severity::Warning,
                "the land has no polygon and no estimated area".to_owned(),
            );
        }
        for p in gps_accuracy_warnings(&land.points, gps_threshold_m) {
            push(
                &mut findings,
                &land.code,
                p.kind(),
                p.severity(),
                p.to_string(),
            );
        }
        for change in land.status_history.iter().filter(|c| c.superseded) {
            push(
                &mut findings,
                &land.code,
                "date_of_information",
                Severity::Warning,
                format!(
                    "a change dated {} ({}) is earlier than the land's later information and was not applied",
                    change.date, change.reason
                ),
            );
        }
    }
    // Ledger: recompute from activities and compare with what the store holds.
    let mut by_land: BTreeMap<LandId, Vec<&Activity>> = BTreeMap::new();
    for a in activities {
        by_land.entry(a.land_id).or_default().push(a);
    }
    for land in lands {
        let acts = by_land.get(&land.id).map(Vec::as_slice).unwrap_or_default();
        match Ledger::from_releases(land.ledger.estimated_m2, acts.iter().map(|a| &a.released)) {
            Ok(l) if l == land.ledger && l.is_consistent() => {}
            Ok(l) => push(
                &mut findings,
                &land.code,
                "ledger",
                Severity::Error,
                format!(
                    "the stored ledger (remaining {}) differs from its activities (remaining {})",
                    land.ledger.remaining(),
                    l.remaining()
                ),
            ),
            Err(e) => {
                let releasing: Vec<&&Activity> =
                    acts.iter().filter(|a| !a.released.is_zero()).collect();
                let total = releasing
                    .iter()
                    .fold(crate::domain::AreaM2::ZERO, |t, a| t + a.released.total());
                let message = if total > land.ledger.estimated_m2 && releasing.len() > 1 {
                    format!(
                        "its activities together release {} of its estimated {} ({}); each may be right where it was recorded (on two laptops?): void the one entered twice, or revise the polygon",
                        total,
                        land.ledger.estimated_m2,
                        releasing
                            .iter()
                            .map(|a| format!("{} {}", a.code, a.released.total()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                } else {
                    e.to_string()
                };
                push(
                    &mut findings,
                    &land.code,
                    "ledger",
                    Severity::Error,
                    message,
                );
            }
        }
        for (a, b) in probable_duplicates(acts) {
            push(
                &mut findings,
                &land.code,
                "probable_duplicate",
                Severity::Warning,
                format!(
                    "{} and {} look like the same work recorded twice (same kind, team and dates, released area within 1 %); void one if so",
                    a.code, b.code
                ),
            );
        }
    }
    for s in superseded {
        push(
            &mut findings,
            &s.code,
            "date_of_information",
            Severity::Warning,
            format!(
                "an edit by {} dated {} is earlier than the record's date of information {} and was kept, not applied",
                s.by, s.edit_date, s.record_date
            ),
        );
    }
    overlaps(lands, &mut findings);
    findings.sort_by(|a, b| (&a.code, &a.kind, &a.message).cmp(&(&b.code, &b.kind, &b.message)));
    findings
}

/// Pairs of a land's activities that are probably one piece of work recorded twice (on two
/// laptops, or imported twice): same kind, team, start and end dates, and released areas within
/// 1 % of each other.
fn probable_duplicates<'a>(acts: &[&'a Activity]) -> Vec<(&'a Activity, &'a Activity)> {
    let mut out = Vec::new();
    for (i, a) in acts.iter().enumerate() {
        for b in acts.iter().skip(i + 1) {
            let (x, y) = (a.released.total().m2(), b.released.total().m2());
            let close = (x - y).abs() <= 0.01 * x.max(y);
            if a.kind == b.kind
                && a.team == b.team
                && a.start_date == b.start_date
                && a.end_date == b.end_date
                && close
            {
                out.push((*a, *b));
            }
        }
    }
    out
}

/// Open and worked-on lands whose interiors overlap (valid polygons only; flagged ones are
/// reported by their own finding).
fn overlaps(lands: &[Land], findings: &mut Vec<Finding>) {
    let candidates: Vec<(usize, &Land)> = lands
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            matches!(l.status, LandStatus::Open | LandStatus::WorkedOn)
                && l.geometry_issue.is_none()
        })
        .collect();
    let envelopes: Vec<Envelope> = candidates
        .iter()
        .filter_map(|(i, l)| {
            let r = l.geometry.as_ref()?.bounding_rect()?;
            Some(Envelope {
                index: *i,
                aabb: AABB::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]),
            })
        })
        .collect();
    let tree = RTree::bulk_load(envelopes);
    for a in &tree {
        for b in tree.locate_in_envelope_intersecting(&a.aabb) {
            if b.index <= a.index {
                continue;
            }
            let (la, lb) = (&lands[a.index], &lands[b.index]);
            let (Some(ga), Some(gb)) = (&la.geometry, &lb.geometry) else {
                continue;
            };
            if ga.relate(gb).matches("T********").unwrap_or(false) {
                for (x, y) in [(la, lb), (lb, la)] {
                    findings.push(Finding {
                        code: x.code.clone(),
                        kind: "overlap".to_owned(),
                        severity: Severity::Warning,
                        message: format!(
                            "overlaps open land {} ({}); check both boundaries",
                            y.code, y.name
                        ),
                    });
                }
            }
        }
    }
}
