//! Unsaved work: what a form held when the app last saw it, kept in the store so that a crash,
//! a power cut or Ctrl+Q loses nothing (issue 14). One per form (a new or edited land, an
//! activity, a hazard report); replaced as the person types, removed when the record is saved or
//! the person discards it, offered back at the next start. Never a record: no export, report or
//! sync reads it.

use time::OffsetDateTime;

/// Which form the unsaved work belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// The land editor (a new land, or an edit of one).
    Land,
    /// The activity form.
    Activity,
    /// The hazard report form (a new report).
    HazardReport,
}

impl FormKind {
    /// Every form, in the order they are offered back.
    pub const ALL: &'static [Self] = &[Self::Land, Self::Activity, Self::HazardReport];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Land => "land",
            Self::Activity => "activity",
            Self::HazardReport => "hazard_report",
        }
    }

    /// The form of a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.code() == code)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Land => "Land",
            Self::Activity => "Activity",
            Self::HazardReport => "Hazard report",
        }
    }

    /// The id of the form's label in the message files (the entity kinds' labels).
    pub fn label_id(self) -> &'static str {
        match self {
            Self::Land => "vocab-EntityKind-land",
            Self::Activity => "vocab-EntityKind-activity",
            Self::HazardReport => "vocab-EntityKind-hazard_report",
        }
    }
}

/// One form's unsaved work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsavedForm {
    /// The form.
    pub kind: FormKind,
    /// What it is, for the offer ("New land: Meadow by the road", "Edit HA-0012").
    pub title: String,
    /// The form's content as the app serialised it (JSON; only the app reads it).
    pub body_json: String,
    /// When it was kept (UTC).
    pub saved_at: OffsetDateTime,
    /// Who was recording.
    pub who: String,
}
