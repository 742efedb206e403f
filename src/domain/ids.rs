//! Identifier newtypes. Every record has a stable UUID (for merging and sync) and a human code
//! (`HA-0042`) that is unique per store.

use std::fmt;

use uuid::Uuid;

macro_rules! uuid_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new random (v4) identifier.
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }

            /// Parses the hyphenated UUID text form.
            pub fn parse(text: &str) -> Option<Self> {
                Uuid::parse_str(text.trim()).ok().map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

uuid_id! {
    /// Stable identifier of a land (hazard area).
    LandId
}
uuid_id! {
    /// Stable identifier of an activity.
    ActivityId
}
uuid_id! {
    /// Stable identifier of a hazard report.
    HazardReportId
}

/// The prefix of a record's human code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePrefix {
    /// `HA-` for lands (hazard areas).
    Land,
    /// `HR-` for hazard reports.
    HazardReport,
    /// `AC-` for activities.
    Activity,
}

impl CodePrefix {
    /// The prefix text including the hyphen.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Land => "HA-",
            Self::HazardReport => "HR-",
            Self::Activity => "AC-",
        }
    }

    /// The human code for a sequence number, zero-padded to four digits.
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::CodePrefix;
    /// assert_eq!(CodePrefix::Land.code(7), "HA-0007");
    /// assert_eq!(CodePrefix::Activity.code(12345), "AC-12345");
    /// ```
    pub fn code(self, number: u64) -> String {
        format!("{}{number:04}", self.as_str())
    }
}

/// Checks a human code: 1–32 characters of letters, digits, `-`, `_`, `/` and `.`, starting with
/// a letter or digit. Codes from other systems (e.g. `BA-2585-III/17`) are kept as they are.
///
/// # Examples
/// ```
/// use safeground::domain::is_valid_code;
/// assert!(is_valid_code("HA-0042"));
/// assert!(!is_valid_code(" HA 42"));
/// assert!(!is_valid_code(""));
/// ```
pub fn is_valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 32
        && code.chars().next().is_some_and(char::is_alphanumeric)
        && code
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
}
