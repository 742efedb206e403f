//! Audit entries (C9): who changed what, when, from which device.

use time::OffsetDateTime;
use uuid::Uuid;

use super::vocab::{AuditAction, EntityKind, Role};

/// The person and device making a change.
///
/// # Examples
/// ```
/// use safeground::domain::Actor;
/// let a = Actor::new("amina", "field-laptop-2");
/// assert_eq!(a.who, "amina");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The person's name, as it appears in every history row, audit entry and export-log row.
    pub who: String,
    /// Device name (host name of the laptop).
    pub device: String,
    /// The person's organisation (empty when not given).
    pub organisation: String,
    /// The person's role, when known (the CLI does not ask): decides who may approve.
    pub role: Option<Role>,
}

impl Actor {
    /// An actor without organisation or role.
    pub fn new(who: impl Into<String>, device: impl Into<String>) -> Self {
        Self {
            who: who.into(),
            device: device.into(),
            organisation: String::new(),
            role: None,
        }
    }

    /// The same person with an organisation and a role.
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::{Actor, Role};
    /// let a = Actor::new("samir", "office-1").with_role("MAC BiH", Role::ImOfficer);
    /// assert_eq!(a.role, Some(Role::ImOfficer));
    /// ```
    #[must_use]
    pub fn with_role(mut self, organisation: impl Into<String>, role: Role) -> Self {
        self.organisation = organisation.into();
        self.role = Some(role);
        self
    }
}

/// One audit entry: a field of a record changed (or a record was created, deleted, moved in the
/// workflow, imported).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AuditEntry {
    /// When, UTC.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Who.
    pub who: String,
    /// From which device.
    pub device: String,
    /// Kind of record.
    pub entity: EntityKind,
    /// The record's UUID.
    pub entity_id: Uuid,
    /// The record's human code at the time.
    pub entity_code: String,
    /// What happened.
    pub action: AuditAction,
    /// The field that changed (updates only).
    pub field: Option<String>,
    /// Old value, as text.
    pub old_value: Option<String>,
    /// New value, as text.
    pub new_value: Option<String>,
}
