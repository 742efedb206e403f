//! The ledger and the lifecycle as a projection: a land's ledger, status and classification are
//! what its activities, replayed in a defined order from the land as first recorded, make of it.
//! The store keeps the projected values as columns (the land list and the map read them); a
//! merge recomputes them, never merges them as numbers.

use std::cmp::Ordering;

use crate::domain::activity::Activity;
use crate::domain::land::Land;
use crate::domain::ledger::Ledger;
use crate::domain::lifecycle::{LandState, LifecycleError, Transition, apply_activity};

/// The order activities are replayed in: date of information, then code, then id (so two
/// stores holding the same activities replay them the same way).
pub fn activity_order(a: &Activity, b: &Activity) -> Ordering {
    (a.date_of_information, &a.code, a.id.0).cmp(&(b.date_of_information, &b.code, b.id.0))
}

/// Where a land's projection starts: the status and classification of its first history entry
/// (as recorded, or as edited by hand since: the latest entry that no activity made), its
/// estimated area with nothing released, and the date of that entry.
pub fn projection_start(land: &Land, activities: &[Activity]) -> LandState {
    let by_activity = |reason: &str| {
        activities
            .iter()
            .any(|a| !a.code.is_empty() && reason.contains(a.code.as_str()))
    };
    let base = land
        .status_history
        .iter()
        .rev()
        .find(|c| !c.superseded && !by_activity(&c.reason));
    LandState {
        classification: base.map_or(land.classification, |c| c.classification),
        status: base.map_or(land.status, |c| c.status),
        ledger: Ledger::new(land.ledger.estimated_m2),
        last_change_on: base.map(|c| c.date),
    }
}

/// A land's state replayed from its activities.
#[derive(Debug, Clone, PartialEq)]
pub struct Projected {
    /// Ledger, status and classification after every activity.
    pub state: LandState,
    /// The transitions in replay order.
    pub transitions: Vec<Transition>,
}

/// Replays `activities` in [`activity_order`] from `start` through the lifecycle rules
/// ([`apply_activity`]); refuses a set of activities the rules would not accept together (e.g.
/// two releases that together exceed the estimate).
///
/// # Examples
/// ```
/// use safeground::domain::*;
/// use safeground::domain::rules::project_land;
/// let start = LandState { classification: Classification::Sha, status: LandStatus::Open,
///     ledger: Ledger::new(AreaM2::whole(10_000.0)), last_change_on: None };
/// let projected = project_land(start, &[]).unwrap();
/// assert_eq!(projected.state.ledger.remaining().m2(), 10_000.0);
/// ```
pub fn project_land(
    start: LandState,
    activities: &[Activity],
) -> Result<Projected, LifecycleError> {
    let mut ordered: Vec<&Activity> = activities.iter().collect();
    ordered.sort_by(|a, b| activity_order(a, b));
    let mut state = start;
    let mut transitions = Vec::new();
    for activity in ordered {
        let applied = apply_activity(&state, activity)?;
        state = applied.state;
        transitions.extend(applied.transitions);
    }
    Ok(Projected { state, transitions })
}

/// A projection that kept going past activities the rules refused.
#[derive(Debug, Clone, PartialEq)]
pub struct LenientProjection {
    /// The state after every activity the rules accepted.
    pub projected: Projected,
    /// The activities that could not be applied on top of the others (code, why), in replay
    /// order: each was valid where it was recorded, but not together with the rest.
    pub refused: Vec<(String, String)>,
}

/// Replays `activities` like [`project_land`], but an activity the rules refuse (e.g. a
/// clearance that together with another device's clearance releases more than remains) is left
/// out of the state and listed, not an error: a merge keeps both activities and `check` reports
/// the land. A land with a refused activity is never left closed: it stays Worked on.
pub fn project_land_lenient(start: LandState, activities: &[Activity]) -> LenientProjection {
    let mut ordered: Vec<&Activity> = activities.iter().collect();
    ordered.sort_by(|a, b| activity_order(a, b));
    let mut state = start;
    let mut transitions = Vec::new();
    let mut refused = Vec::new();
    for activity in ordered {
        match apply_activity(&state, activity) {
            Ok(applied) => {
                state = applied.state;
                transitions.extend(applied.transitions);
            }
            Err(e) => refused.push((activity.code.clone(), e.to_string())),
        }
    }
    if !refused.is_empty()
        && matches!(
            state.status,
            crate::domain::LandStatus::Closed | crate::domain::LandStatus::HandedOver
        )
    {
        // Not closed on the strength of part of the work: worked on until someone settles it.
        state.status = crate::domain::LandStatus::WorkedOn;
    }
    LenientProjection {
        projected: Projected { state, transitions },
        refused,
    }
}
