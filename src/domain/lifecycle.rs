//! The land lifecycle (C5), in one place: what an activity does to a land's ledger, status and
//! classification, and the date-of-information rule.
//!
//! - A land starts **Open**.
//! - The first TS, clearance, BAC or progress report makes it **Worked on**.
//! - A completion report, or a cancellation (NTS or cancellation report) that releases the whole
//!   remaining area, makes it **Closed**. A completion report must leave nothing remaining.
//! - A handover certificate makes a Closed land **Handed over**.
//! - A TS that confirms direct evidence reclassifies SHA → CHA.
//! - Work that releases area is refused on Closed and Handed-over lands.
//! - An activity whose date of information is earlier than the land's last status change still
//!   counts in the ledger, but its status change does not silently win: it is recorded in the
//!   history as superseded and flagged.

use time::Date;

use super::activity::Activity;
use super::land::Land;
use super::ledger::{Ledger, LedgerError};
use super::vocab::{ActivityKind, Classification, LandStatus};

/// The part of a land that activities change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LandState {
    /// Current classification.
    pub classification: Classification,
    /// Current status.
    pub status: LandStatus,
    /// Current ledger.
    pub ledger: Ledger,
    /// Date of information of the last applied status or classification change.
    pub last_change_on: Option<Date>,
}

impl LandState {
    /// The state of a land as stored: classification, status, ledger and the date of its last
    /// applied status change.
    pub fn of(land: &Land) -> Self {
        Self {
            classification: land.classification,
            status: land.status,
            ledger: land.ledger,
            last_change_on: land.last_change_on(),
        }
    }
}

/// One status or classification change caused by an activity, for the land's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    /// New status.
    pub status: LandStatus,
    /// New classification.
    pub classification: Classification,
    /// Why, in words for the history.
    pub reason: String,
    /// Dated earlier than the last change: kept in history, not applied.
    pub superseded: bool,
}

/// What applying an activity does.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The land's state afterwards.
    pub state: LandState,
    /// Changes to record in the status history (applied or superseded).
    pub transitions: Vec<Transition>,
}

/// Why an activity cannot be recorded against a land.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LifecycleError {
    /// The activity type may not release area into this bucket.
    #[error("a {kind} cannot record {bucket} (allowed: {allowed})")]
    BucketNotAllowed {
        /// Activity type label.
        kind: &'static str,
        /// The bucket.
        bucket: &'static str,
        /// Allowed buckets, in words.
        allowed: String,
    },
    /// The ledger refuses the release.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// Work on a land that is already closed or handed over.
    #[error("the land is {status}; a {kind} that releases area cannot be recorded on it")]
    LandClosed {
        /// Current status label.
        status: &'static str,
        /// Activity type label.
        kind: &'static str,
    },
    /// A completion report that would leave area remaining.
    #[error(
        "a completion report must release everything that remains, but {remaining} would still remain; \
         record the released area by bucket, or revise the land's polygon"
    )]
    CompletionLeavesRemaining {
        /// Area that would remain.
        remaining: String,
    },
    /// A handover certificate on a land that is not closed.
    #[error("a handover certificate needs a Closed land, but this land is {status}")]
    HandoverNotClosed {
        /// Current status label.
        status: &'static str,
    },
    /// Handover participation on an activity that is not a handover certificate.
    #[error("handover participation can only be recorded on a handover certificate")]
    HandoverOnWrongKind,
    /// An end date before the start date.
    #[error("end date {end} is before start date {start}")]
    EndBeforeStart {
        /// Start date.
        start: Date,
        /// End date.
        end: Date,
    },
}

/// Applies an activity to a land's state, or says why it cannot be recorded.
///
/// # Examples
/// ```
/// use safeground::domain::*;
/// use time::macros::date;
/// let state = LandState { classification: Classification::Sha, status: LandStatus::Open,
///     ledger: Ledger::new(AreaM2::whole(10_000.0)), last_change_on: None };
/// let mut nts = Activity { id: ActivityId::random(), code: "AC-0001".into(), land_id: LandId::random(),
///     kind: ActivityKind::Nts, start_date: date!(2025-03-01), end_date: None,
///     date_of_information: date!(2025-03-01), organisation: String::new(), team: String::new(),
///     donor: String::new(), project: String::new(), method: None, deminer_days: None,
///     asset_days: None, depth_cm: None, released: Released::default(), released_geometry: None,
///     devices: vec![], handover: None, direct_evidence_confirmed: false, notes: String::new(),
///     validation: ValidationState::Draft };
/// nts.released.cancelled_m2 = AreaM2::whole(10_000.0);
/// let applied = apply_activity(&state, &nts).unwrap();
/// assert_eq!(applied.state.status, LandStatus::Closed);
/// ```
pub fn apply_activity(state: &LandState, activity: &Activity) -> Result<Applied, LifecycleError> {
    let kind = activity.kind;
    if let Some(end) = activity.end_date
        && end < activity.start_date
    {
        return Err(LifecycleError::EndBeforeStart {
            start: activity.start_date,
            end,
        });
    }
    check_buckets(activity)?;
    if activity.handover.is_some() && kind != ActivityKind::HandoverCertificate {
        return Err(LifecycleError::HandoverOnWrongKind);
    }
    let closed = matches!(state.status, LandStatus::Closed | LandStatus::HandedOver);
    if closed && (!activity.released.is_zero() || kind.starts_work() || kind == ActivityKind::Nts) {
        return Err(LifecycleError::LandClosed {
            status: state.status.label(),
            kind: kind.label(),
        });
    }
    if kind == ActivityKind::HandoverCertificate && state.status != LandStatus::Closed {
        return Err(LifecycleError::HandoverNotClosed {
            status: state.status.label(),
        });
    }
    let ledger = state.ledger.release(&activity.released)?;
    let nothing_remains = ledger.remaining().m2() <= 0.0;
    if kind == ActivityKind::CompletionReport && !nothing_remains {
        return Err(LifecycleError::CompletionLeavesRemaining {
            remaining: ledger.remaining().to_string(),
        });
    }

    let mut transitions = Vec::new();
    let mut classification = state.classification;
    let mut status = state.status;
    let superseded = state
        .last_change_on
        .is_some_and(|last| activity.date_of_information < last);

    if kind == ActivityKind::TechnicalSurvey
        && activity.direct_evidence_confirmed
        && classification == Classification::Sha
    {
        classification = Classification::Cha;
        transitions.push(Transition {
            status,
            classification,
            reason: format!(
                "{} {} confirmed direct evidence: SHA to CHA",
                kind.label(),
                activity.code
            ),
            superseded,
        });
    }
    let new_status = if kind == ActivityKind::HandoverCertificate {
        Some(LandStatus::HandedOver)
    } else if kind == ActivityKind::CompletionReport
        || (matches!(kind, ActivityKind::Nts | ActivityKind::CancellationReport)
            && nothing_remains
            && !activity.released.is_zero())
    {
        Some(LandStatus::Closed)
    } else if kind.starts_work() && status == LandStatus::Open {
        Some(LandStatus::WorkedOn)
    } else {
        None
    };
    if let Some(new_status) = new_status
        && new_status != status
    {
        status = new_status;
        transitions.push(Transition {
            status,
            classification,
            reason: format!("{} {}", kind.label(), activity.code),
            superseded,
        });
    }
    if superseded {
        // The change is kept in history but does not override the later information.
        for t in &mut transitions {
            t.reason = format!(
                "{} (dated {}, earlier than the last change: not applied)",
                t.reason, activity.date_of_information
            );
        }
        classification = state.classification;
        status = state.status;
    }
    let last_change_on = if transitions.is_empty() || superseded {
        state.last_change_on
    } else {
        Some(activity.date_of_information)
    };
    Ok(Applied {
        state: LandState {
            classification,
            status,
            ledger,
            last_change_on,
        },
        transitions,
    })
}

fn check_buckets(activity: &Activity) -> Result<(), LifecycleError> {
    let allowed = activity.kind.allowed_buckets();
    let r = &activity.released;
    let checks = [
        ("cancelled_m2", r.cancelled_m2, allowed.cancelled),
        (
            "reduced_with_asset_m2",
            r.reduced_with_asset_m2,
            allowed.reduced,
        ),
        (
            "reduced_without_asset_m2",
            r.reduced_without_asset_m2,
            allowed.reduced,
        ),
        ("cleared_m2", r.cleared_m2, allowed.cleared),
    ];
    for (bucket, amount, ok) in checks {
        if amount.m2() != 0.0 && !ok {
            let mut words = Vec::new();
            if allowed.cancelled {
                words.push("cancelled");
            }
            if allowed.reduced {
                words.push("reduced");
            }
            if allowed.cleared {
                words.push("cleared");
            }
            let allowed = if words.is_empty() {
                "no released area".to_owned()
            } else {
                words.join(", ")
            };
            return Err(LifecycleError::BucketNotAllowed {
                kind: activity.kind.label(),
                bucket,
                allowed,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "ledger amounts are whole m², exact in f64"
)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::domain::{ActivityId, AreaM2, LandId, Released, ValidationState};

    fn activity(kind: ActivityKind, on: Date, released: Released) -> Activity {
        Activity {
            id: ActivityId::random(),
            code: "AC-0001".into(),
            land_id: LandId::random(),
            kind,
            start_date: on,
            end_date: Some(on),
            date_of_information: on,
            organisation: String::new(),
            team: String::new(),
            donor: String::new(),
            project: String::new(),
            method: None,
            deminer_days: None,
            asset_days: None,
            depth_cm: None,
            released,
            released_geometry: None,
            devices: vec![],
            handover: None,
            direct_evidence_confirmed: false,
            notes: String::new(),
            validation: ValidationState::Draft,
        }
    }

    fn open(area: f64) -> LandState {
        LandState {
            classification: Classification::Sha,
            status: LandStatus::Open,
            ledger: Ledger::new(AreaM2::whole(area)),
            last_change_on: None,
        }
    }

    fn cleared(m2: f64) -> Released {
        Released {
            cleared_m2: AreaM2::whole(m2),
            ..Released::default()
        }
    }

    #[test]
    fn full_lifecycle_open_worked_on_closed_handed_over() {
        let s = open(1_000.0);
        let mut ts = activity(
            ActivityKind::TechnicalSurvey,
            date!(2025 - 01 - 10),
            Released {
                reduced_with_asset_m2: AreaM2::whole(400.0),
                ..Released::default()
            },
        );
        ts.direct_evidence_confirmed = true;
        let a = apply_activity(&s, &ts).unwrap();
        assert_eq!(a.state.classification, Classification::Cha);
        assert_eq!(a.state.status, LandStatus::WorkedOn);
        assert_eq!(a.transitions.len(), 2);

        let clr = apply_activity(
            &a.state,
            &activity(
                ActivityKind::Clearance,
                date!(2025 - 02 - 01),
                cleared(500.0),
            ),
        )
        .unwrap();
        assert_eq!(clr.state.status, LandStatus::WorkedOn);
        assert!(clr.transitions.is_empty());

        let done = apply_activity(
            &clr.state,
            &activity(
                ActivityKind::CompletionReport,
                date!(2025 - 03 - 01),
                cleared(100.0),
            ),
        )
        .unwrap();
        assert_eq!(done.state.status, LandStatus::Closed);
        assert_eq!(done.state.ledger.remaining(), AreaM2::ZERO);

        let ho = apply_activity(
            &done.state,
            &activity(
                ActivityKind::HandoverCertificate,
                date!(2025 - 04 - 01),
                Released::default(),
            ),
        )
        .unwrap();
        assert_eq!(ho.state.status, LandStatus::HandedOver);
    }

    #[test]
    fn completion_that_leaves_area_is_refused() {
        let err = apply_activity(
            &open(1_000.0),
            &activity(
                ActivityKind::CompletionReport,
                date!(2025 - 01 - 01),
                cleared(10.0),
            ),
        )
        .unwrap_err();
        assert!(matches!(
            err,
            LifecycleError::CompletionLeavesRemaining { .. }
        ));
        assert!(
            err.to_string().contains("990 m² would still remain"),
            "{err}"
        );
    }

    #[test]
    fn handover_needs_closed_land_and_work_on_closed_land_is_refused() {
        let err = apply_activity(
            &open(10.0),
            &activity(
                ActivityKind::HandoverCertificate,
                date!(2025 - 01 - 01),
                Released::default(),
            ),
        )
        .unwrap_err();
        assert!(matches!(err, LifecycleError::HandoverNotClosed { .. }));
        let mut closed = open(10.0);
        closed.status = LandStatus::Closed;
        let err = apply_activity(
            &closed,
            &activity(
                ActivityKind::Clearance,
                date!(2025 - 01 - 01),
                Released::default(),
            ),
        )
        .unwrap_err();
        assert!(matches!(err, LifecycleError::LandClosed { .. }));
    }

    #[test]
    fn wrong_bucket_is_refused() {
        let err = apply_activity(
            &open(10.0),
            &activity(ActivityKind::Nts, date!(2025 - 01 - 01), cleared(5.0)),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a Non-technical survey cannot record cleared_m2 (allowed: cancelled)"
        );
    }

    #[test]
    fn partial_cancellation_keeps_land_open_full_cancellation_closes() {
        let part = Released {
            cancelled_m2: AreaM2::whole(300.0),
            ..Released::default()
        };
        let a = apply_activity(
            &open(1_000.0),
            &activity(ActivityKind::Nts, date!(2025 - 01 - 01), part),
        )
        .unwrap();
        assert_eq!(a.state.status, LandStatus::Open);
        let rest = Released {
            cancelled_m2: AreaM2::whole(700.0),
            ..Released::default()
        };
        let b = apply_activity(
            &a.state,
            &activity(
                ActivityKind::CancellationReport,
                date!(2025 - 02 - 01),
                rest,
            ),
        )
        .unwrap();
        assert_eq!(b.state.status, LandStatus::Closed);
    }

    #[test]
    fn earlier_date_of_information_does_not_win() {
        let mut s = open(1_000.0);
        s.last_change_on = Some(date!(2025 - 06 - 01));
        let a = apply_activity(
            &s,
            &activity(
                ActivityKind::Clearance,
                date!(2025 - 05 - 01),
                cleared(100.0),
            ),
        )
        .unwrap();
        assert_eq!(a.state.status, LandStatus::Open, "status must not change");
        assert_eq!(
            a.state.ledger.cleared_m2().m2(),
            100.0,
            "the ledger still counts the release"
        );
        assert_eq!(a.transitions.len(), 1);
        assert!(a.transitions[0].superseded);
        assert!(a.transitions[0].reason.contains("not applied"));
    }

    #[test]
    fn end_before_start_is_refused() {
        let mut a = activity(
            ActivityKind::Clearance,
            date!(2025 - 05 - 01),
            Released::default(),
        );
        a.end_date = Some(date!(2025 - 04 - 01));
        assert!(matches!(
            apply_activity(&open(1.0), &a),
            Err(LifecycleError::EndBeforeStart { .. })
        ));
    }
}
