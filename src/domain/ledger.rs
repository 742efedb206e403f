//! The area ledger of a land (C5, domain.md §1.7).
//!
//! Invariant: `estimated = cancelled + reduced + cleared + remaining`, all in whole m², with
//! `remaining >= 0`. `remaining` is never stored: it is derived, so the invariant holds by
//! construction, and [`Ledger::release`] refuses any release larger than what remains.

use super::units::AreaM2;

/// Area released by one activity, by bucket, in whole m².
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Released {
    /// Cancelled by non-technical survey.
    #[serde(default)]
    pub cancelled_m2: AreaM2,
    /// Reduced by technical survey with a technical asset (machine, dogs).
    #[serde(default)]
    pub reduced_with_asset_m2: AreaM2,
    /// Reduced by technical survey without a technical asset.
    #[serde(default)]
    pub reduced_without_asset_m2: AreaM2,
    /// Cleared by clearance or BAC.
    #[serde(default)]
    pub cleared_m2: AreaM2,
}

impl Released {
    /// Total released area.
    pub fn total(&self) -> AreaM2 {
        self.cancelled_m2 + self.reduced_m2() + self.cleared_m2
    }

    /// Reduced area, with and without technical asset.
    pub fn reduced_m2(&self) -> AreaM2 {
        self.reduced_with_asset_m2 + self.reduced_without_asset_m2
    }

    /// Whether nothing is released.
    pub fn is_zero(&self) -> bool {
        self.total().m2() == 0.0
    }

    /// The buckets by name, for messages and iteration.
    pub fn buckets(&self) -> [(&'static str, AreaM2); 4] {
        [
            ("cancelled_m2", self.cancelled_m2),
            ("reduced_with_asset_m2", self.reduced_with_asset_m2),
            ("reduced_without_asset_m2", self.reduced_without_asset_m2),
            ("cleared_m2", self.cleared_m2),
        ]
    }
}

/// A land's ledger: its estimated area and what has been released from it.
///
/// # Examples
/// ```
/// use safeground::domain::{AreaM2, Ledger, Released};
/// let ledger = Ledger::new(AreaM2::whole(10_000.0));
/// let after = ledger
///     .release(&Released { cancelled_m2: AreaM2::whole(4_000.0), ..Released::default() })
///     .unwrap();
/// assert_eq!(after.remaining().m2(), 6_000.0);
/// let err = after
///     .release(&Released { cleared_m2: AreaM2::whole(7_000.0), ..Released::default() })
///     .unwrap_err();
/// assert!(err.to_string().contains("only 6 000 m² remain"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Ledger {
    /// Estimated (original) area of the land.
    pub estimated_m2: AreaM2,
    /// Sum of released areas by bucket.
    pub released: Released,
}

/// A release the ledger cannot take.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LedgerError {
    /// The activity would release more than remains.
    #[error(
        "this activity releases {requested} but only {remaining} remain of the land's estimated {estimated}; \
         correct the released area, or revise the land's polygon first"
    )]
    OverRelease {
        /// Area the activity would release.
        requested: AreaM2,
        /// Area remaining before the activity.
        remaining: AreaM2,
        /// Estimated area of the land.
        estimated: AreaM2,
    },
    /// A released amount is negative or not a number.
    #[error("{bucket} must be a number of square metres ≥ 0")]
    InvalidAmount {
        /// The bucket name.
        bucket: &'static str,
    },
    /// A revised estimated area is smaller than what was already released.
    #[error(
        "the new estimated area {estimated} is smaller than the {released} already released; \
         the polygon must cover at least the released area"
    )]
    EstimateBelowReleased {
        /// New estimated area.
        estimated: AreaM2,
        /// Already released.
        released: AreaM2,
    },
}

impl Ledger {
    /// A ledger with nothing released.
    pub fn new(estimated_m2: AreaM2) -> Self {
        Self {
            estimated_m2,
            released: Released::default(),
        }
    }

    /// Cancelled area.
    pub fn cancelled_m2(&self) -> AreaM2 {
        self.released.cancelled_m2
    }

    /// Reduced area (with and without technical asset).
    pub fn reduced_m2(&self) -> AreaM2 {
        self.released.reduced_m2()
    }

    /// Cleared area.
    pub fn cleared_m2(&self) -> AreaM2 {
        self.released.cleared_m2
    }

    /// Remaining (still suspected or confirmed) area: estimated minus everything released.
    pub fn remaining(&self) -> AreaM2 {
        self.estimated_m2 - self.released.total()
    }

    /// Whether the invariant holds (`remaining >= 0` and every amount valid).
    pub fn is_consistent(&self) -> bool {
        self.estimated_m2.is_valid()
            && self.released.buckets().iter().all(|(_, a)| a.is_valid())
            && self.remaining().m2() >= 0.0
    }

    /// The ledger after a release, or why the release is refused.
    pub fn release(&self, release: &Released) -> Result<Self, LedgerError> {
        for (bucket, amount) in release.buckets() {
            if !amount.is_valid() {
                return Err(LedgerError::InvalidAmount { bucket });
            }
        }
        let requested = release.total();
        let remaining = self.remaining();
        if requested.m2() > remaining.m2() {
            return Err(LedgerError::OverRelease {
                requested,
                remaining,
                estimated: self.estimated_m2,
            });
        }
        let r = &self.released;
        Ok(Self {
            estimated_m2: self.estimated_m2,
            released: Released {
                cancelled_m2: r.cancelled_m2 + release.cancelled_m2,
                reduced_with_asset_m2: r.reduced_with_asset_m2 + release.reduced_with_asset_m2,
                reduced_without_asset_m2: r.reduced_without_asset_m2
                    + release.reduced_without_asset_m2,
                cleared_m2: r.cleared_m2 + release.cleared_m2,
            },
        })
    }

    /// The ledger with a revised estimated area (after the polygon changed).
    pub fn with_estimate(&self, estimated_m2: AreaM2) -> Result<Self, LedgerError> {
        let released = self.released.total();
        if estimated_m2.m2() < released.m2() {
            return Err(LedgerError::EstimateBelowReleased {
                estimated: estimated_m2,
                released,
            });
        }
        Ok(Self {
            estimated_m2,
            released: self.released,
        })
    }

    /// The ledger rebuilt from scratch from the releases of all activities.
    pub fn from_releases<'a>(
        estimated_m2: AreaM2,
        releases: impl IntoIterator<Item = &'a Released>,
    ) -> Result<Self, LedgerError> {
        releases
            .into_iter()
            .try_fold(Self::new(estimated_m2), |ledger, r| ledger.release(r))
    }
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "ledger amounts are whole m², exact in f64"
)]
mod tests {
    use super::*;

    fn rel(c: f64, rw: f64, rwo: f64, cl: f64) -> Released {
        Released {
            cancelled_m2: AreaM2::whole(c),
            reduced_with_asset_m2: AreaM2::whole(rw),
            reduced_without_asset_m2: AreaM2::whole(rwo),
            cleared_m2: AreaM2::whole(cl),
        }
    }

    #[test]
    fn invariant_holds_after_releases() {
        let l = Ledger::from_releases(
            AreaM2::whole(50_000.0),
            &[
                rel(10_000.0, 0.0, 0.0, 0.0),
                rel(0.0, 5_000.0, 2_500.0, 0.0),
                rel(0.0, 0.0, 0.0, 12_345.0),
            ],
        )
        .unwrap();
        let sum = l.cancelled_m2() + l.reduced_m2() + l.cleared_m2() + l.remaining();
        assert_eq!(sum, l.estimated_m2);
        assert_eq!(l.remaining().m2(), 20_155.0);
        assert!(l.is_consistent());
    }

    #[test]
    fn exact_release_of_remaining_is_allowed_and_over_release_refused() {
        let l = Ledger::new(AreaM2::whole(1_000.0));
        let all = l.release(&rel(1_000.0, 0.0, 0.0, 0.0)).unwrap();
        assert_eq!(all.remaining(), AreaM2::ZERO);
        let err = all.release(&rel(0.0, 0.0, 0.0, 1.0)).unwrap_err();
        assert!(matches!(err, LedgerError::OverRelease { .. }));
        assert!(err.to_string().contains("only 0 m² remain"), "{err}");
    }

    #[test]
    fn negative_and_nan_amounts_are_refused() {
        let l = Ledger::new(AreaM2::whole(1_000.0));
        assert!(l.release(&rel(-1.0, 0.0, 0.0, 0.0)).is_err());
        let nan = Released {
            cleared_m2: AreaM2::new(f64::NAN),
            ..Released::default()
        };
        assert!(matches!(
            l.release(&nan),
            Err(LedgerError::InvalidAmount {
                bucket: "cleared_m2"
            })
        ));
    }

    #[test]
    fn revising_estimate_below_released_is_refused() {
        let l = Ledger::new(AreaM2::whole(1_000.0))
            .release(&rel(600.0, 0.0, 0.0, 0.0))
            .unwrap();
        assert!(l.with_estimate(AreaM2::whole(500.0)).is_err());
        assert_eq!(
            l.with_estimate(AreaM2::whole(800.0))
                .unwrap()
                .remaining()
                .m2(),
            200.0
        );
    }
}
