//! Identity for sync between laptops (issue 15): the programme a store belongs to, the device
//! it is on, and a hybrid logical clock (HLC) that orders every change so that a laptop with a
//! wrong clock cannot reorder history.
//!
//! An HLC stamp is (wall-clock milliseconds, counter, device). A new local stamp takes the larger
//! of the wall clock and the last stamp (counter + 1 when the wall clock has not moved past it);
//! a stamp received from another device moves the clock forward to it. Stamps compare by time,
//! then counter, then device id, so every store orders the same stamps the same way.

use std::fmt;

use uuid::Uuid;

/// The programme a store belongs to (one per national programme or project; shared by every
/// laptop that joins it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProgrammeId(pub Uuid);

/// One store on one laptop (a copy of a store is a new device when it first syncs).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct DeviceId(pub Uuid);

impl fmt::Display for ProgrammeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A hybrid logical clock stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    /// Milliseconds since 1970-01-01 UTC (the later of the wall clock and every stamp seen).
    pub wall_ms: u64,
    /// Orders stamps within one millisecond.
    pub counter: u32,
    /// The device that made the stamp (last tie-break).
    pub device: DeviceId,
}

/// The largest step forward a received stamp may move the clock past the wall clock, in
/// milliseconds (one day): a stamp further in the future is a broken clock, not a newer change.
pub const MAX_CLOCK_DRIFT_MS: u64 = 86_400_000;

/// Why a stamp was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HlcError {
    /// The text is not a stamp.
    #[error("not a clock stamp: {0}")]
    Unreadable(String),
    /// A received stamp more than [`MAX_CLOCK_DRIFT_MS`] ahead of this computer's clock.
    #[error(
        "a change is stamped {ahead_ms} ms ahead of this computer's clock; one of the two clocks is wrong (check the date and time)"
    )]
    TooFarAhead {
        /// How far ahead, in milliseconds.
        ahead_ms: u64,
    },
}

impl Hlc {
    /// The next local stamp after `last` (if any) at wall-clock time `now_ms`.
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::{DeviceId, Hlc};
    /// let d = DeviceId(uuid::Uuid::nil());
    /// let a = Hlc::tick(None, 1_000, d);
    /// // The wall clock went back (a laptop's clock was corrected): the stamp still moves on.
    /// let b = Hlc::tick(Some(a), 500, d);
    /// assert!(b > a);
    /// assert_eq!((b.wall_ms, b.counter), (1_000, 1));
    /// ```
    pub fn tick(last: Option<Self>, now_ms: u64, device: DeviceId) -> Self {
        match last {
            Some(l) if l.wall_ms >= now_ms => Self {
                wall_ms: l.wall_ms,
                counter: l.counter.saturating_add(1),
                device,
            },
            _ => Self {
                wall_ms: now_ms,
                counter: 0,
                device,
            },
        }
    }

    /// The clock after seeing `remote` (a stamp from another device) at wall-clock `now_ms`:
    /// never behind either. Refuses a stamp more than a day ahead of the wall clock.
    pub fn observe(
        last: Option<Self>,
        remote: Self,
        now_ms: u64,
        device: DeviceId,
    ) -> Result<Self, HlcError> {
        let ahead_ms = remote.wall_ms.saturating_sub(now_ms);
        if ahead_ms > MAX_CLOCK_DRIFT_MS {
            return Err(HlcError::TooFarAhead { ahead_ms });
        }
        let local = last.map_or((0, 0), |l| (l.wall_ms, l.counter));
        let wall_ms = now_ms.max(local.0).max(remote.wall_ms);
        let counter = if wall_ms == local.0 && wall_ms == remote.wall_ms {
            local.1.max(remote.counter).saturating_add(1)
        } else if wall_ms == local.0 {
            local.1.saturating_add(1)
        } else if wall_ms == remote.wall_ms {
            remote.counter.saturating_add(1)
        } else {
            0
        };
        Ok(Self {
            wall_ms,
            counter,
            device,
        })
    }

    /// The stamp as sortable text: `<wall ms, 15 digits>-<counter, 6 hex>-<device uuid>`.
    /// Text order is stamp order.
    pub fn encode(&self) -> String {
        format!(
            "{:015}-{:06x}-{}",
            self.wall_ms, self.counter, self.device.0
        )
    }

    /// Reads a stamp written by [`Hlc::encode`].
    pub fn decode(text: &str) -> Result<Self, HlcError> {
        let bad = || HlcError::Unreadable(text.chars().take(80).collect());
        let mut parts = text.splitn(3, '-');
        let wall = parts.next().ok_or_else(bad)?;
        let counter = parts.next().ok_or_else(bad)?;
        let device = parts.next().ok_or_else(bad)?;
        if wall.len() != 15 || counter.len() != 6 {
            return Err(bad());
        }
        Ok(Self {
            wall_ms: wall.parse().map_err(|_parse| bad())?,
            counter: u32::from_str_radix(counter, 16).map_err(|_parse| bad())?,
            device: DeviceId(Uuid::parse_str(device).map_err(|_parse| bad())?),
        })
    }
}

/// One version of a record (a UUID; issue 15's change log).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct VersionId(pub Uuid);

impl fmt::Display for VersionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The kinds of record that travel between stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    /// A land (suspected, confirmed or previously suspected hazardous area).
    Land,
    /// An activity (survey, clearance, cancellation) on a land.
    Activity,
    /// A hazard report (explosive ordnance found or reported at a position).
    HazardReport,
}

impl RecordKind {
    /// Every kind, in the order records are applied (a land before its activities and reports).
    pub const ALL: [Self; 3] = [Self::Land, Self::Activity, Self::HazardReport];

    /// The code stored and written to bundles: `land`, `activity`, `hazard_report`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Land => "land",
            Self::Activity => "activity",
            Self::HazardReport => "hazard_report",
        }
    }

    /// The kind of a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// How a person names it ("hazard report").
    pub fn label(self) -> &'static str {
        match self {
            Self::Land => "land",
            Self::Activity => "activity",
            Self::HazardReport => "hazard report",
        }
    }

    /// The id of the record kind's label in the message files (the entity kinds' labels).
    pub fn label_id(self) -> &'static str {
        match self {
            Self::Land => "vocab-EntityKind-land",
            Self::Activity => "vocab-EntityKind-activity",
            Self::HazardReport => "vocab-EntityKind-hazard_report",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dev(n: u128) -> DeviceId {
        DeviceId(Uuid::from_u128(n))
    }

    #[test]
    fn local_stamps_always_move_forward_whatever_the_wall_clock_does() {
        let d = dev(1);
        let mut last = None;
        let mut seen = Vec::new();
        for now in [1_000, 1_000, 900, 5, 2_000, 2_000, 1_999] {
            let s = Hlc::tick(last, now, d);
            if let Some(l) = last {
                assert!(s > l, "{s:?} after {l:?}");
            }
            seen.push(s);
            last = Some(s);
        }
        assert_eq!(seen[4].wall_ms, 2_000);
        assert_eq!(seen[6].counter, 2);
    }

    #[test]
    fn a_received_stamp_moves_the_clock_past_it_and_a_far_future_one_is_refused() {
        let (a, b) = (dev(1), dev(2));
        let mine = Hlc::tick(None, 1_000, a);
        // The other laptop's clock runs an hour ahead.
        let theirs = Hlc::tick(None, 3_601_000, b);
        let after = Hlc::observe(Some(mine), theirs, 1_005, a).unwrap();
        assert!(after > theirs && after > mine);
        let next = Hlc::tick(Some(after), 1_010, a);
        assert!(
            next > theirs,
            "a change made after seeing theirs sorts after it"
        );
        let broken = Hlc::tick(None, 1_000 + 3 * MAX_CLOCK_DRIFT_MS, b);
        assert!(matches!(
            Hlc::observe(Some(next), broken, 1_010, a),
            Err(HlcError::TooFarAhead { .. })
        ));
    }

    #[test]
    fn stamps_round_trip_as_text_and_text_order_is_stamp_order() {
        let stamps = [
            Hlc {
                wall_ms: 5,
                counter: 0,
                device: dev(9),
            },
            Hlc {
                wall_ms: 5,
                counter: 1,
                device: dev(1),
            },
            Hlc {
                wall_ms: 1_733_400_000_000,
                counter: 0,
                device: dev(1),
            },
            Hlc {
                wall_ms: 1_733_400_000_000,
                counter: 0,
                device: dev(2),
            },
        ];
        for w in stamps.windows(2) {
            assert!(w[0] < w[1]);
            assert!(w[0].encode() < w[1].encode());
        }
        for s in stamps {
            assert_eq!(Hlc::decode(&s.encode()).unwrap(), s);
        }
        assert!(Hlc::decode("yesterday").is_err());
        assert!(
            Hlc::decode("000000000000005-00000g-00000000-0000-0000-0000-000000000001").is_err()
        );
    }
}
