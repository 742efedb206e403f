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

impl AuditEntry {
    /// What the entry says, in words: the action, the field's label and the change with
    /// vocabulary values as their labels ("Updated · Classification · Suspected hazardous area →
    /// Confirmed hazardous area").
    pub fn describe(&self) -> String {
        let field_name = self.field.as_deref().unwrap_or("");
        let value = |v: &str| value_label(field_name, v);
        let change = match (&self.old_value, &self.new_value) {
            (Some(o), Some(n)) => format!("from {} to {}", value(o), value(n)),
            (None, Some(n)) => value(n),
            (Some(o), None) => format!("was {}", value(o)),
            (None, None) => String::new(),
        };
        let field = self.field.as_deref().map(field_label).unwrap_or_default();
        [self.action.label().to_owned(), field, change]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// A person's label for a stored field name of an audit entry: `admin.pcode` → "P-code",
/// `date_of_information` → "Date of information"; an unknown name is written out in words.
pub fn field_label(field: &str) -> String {
    let known = match field {
        "name" => "Name",
        "code" => "Code",
        "classification" => "Classification",
        "status" => "Status",
        "validation" => "Validation",
        "geometry" | "points" => "Polygon and points",
        "estimated_m2" => "Estimated area",
        "date_of_information" => "Date of information",
        "admin.pcode" | "pcode" => "P-code",
        "admin.admin1" | "admin1" => "Admin level 1",
        "admin.admin2" | "admin2" => "Admin level 2",
        "admin.settlement" | "settlement" => "Settlement",
        "hazard_types" => "Hazard types",
        "evidence" => "Evidence",
        "evidence_items" => "Evidence items",
        "key_informants" => "Key informants",
        "expected_beneficiaries" => "Expected beneficiaries",
        "reported_on" => "Reported on",
        "eo_category" => "EO category",
        "reported_by" => "Reported by",
        "reporter_phone" => "Reporter's phone",
        "land_id" => "Land",
        "all records" => "All records",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_owned();
    }
    // `points[2] (TP3)` → "Point 3 (TP3)".
    if let Some(rest) = field.strip_prefix("points[")
        && let Some((index, tail)) = rest.split_once(']')
        && let Ok(i) = index.parse::<usize>()
    {
        return format!("Point {}{tail}", i + 1);
    }
    let words = field.replace(['_', '.'], " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A stored value as a person reads it: vocabulary codes as their labels (`sha` → "Suspected
/// hazardous area"), anything else as it is.
pub fn value_label(field: &str, value: &str) -> String {
    use super::vocab::{Classification, LandStatus, ValidationState};
    let first = value.split(' ').next().unwrap_or(value);
    let rest = value.get(first.len()..).unwrap_or("");
    let label = match field {
        "classification" => Classification::parse(first).map(Classification::label),
        "status" => LandStatus::parse(first).map(LandStatus::label),
        "validation" => ValidationState::parse(first).map(ValidationState::label),
        _ => None,
    };
    label.map_or_else(|| value.to_owned(), |l| format!("{l}{rest}"))
}

/// What to show of the programme's audit trail (the history view's filters). Empty texts and
/// `None` match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Part of the person's name (case-insensitive).
    pub who: String,
    /// Part of the record's code (case-insensitive).
    pub code: String,
    /// Only this action.
    pub action: Option<super::vocab::AuditAction>,
    /// At most this many entries, newest first.
    pub limit: usize,
}

#[cfg(test)]
mod describe_tests {
    use super::*;
    use crate::domain::vocab::{AuditAction, EntityKind};

    #[test]
    fn an_entry_reads_as_words_with_labels() {
        let entry = AuditEntry {
            at: OffsetDateTime::UNIX_EPOCH,
            who: "Emir".into(),
            device: "laptop-3".into(),
            entity: EntityKind::Land,
            entity_id: Uuid::nil(),
            entity_code: "HA-0003".into(),
            action: AuditAction::Update,
            field: Some("admin.pcode".into()),
            old_value: Some("BA01".into()),
            new_value: Some("BA0102".into()),
        };
        assert_eq!(entry.describe(), "Updated · P-code · from BA01 to BA0102");
        assert_eq!(field_label("date_of_information"), "Date of information");
        assert_eq!(field_label("some_new_field"), "Some new field");
        assert_eq!(value_label("status", "open"), "Open");
        assert_eq!(
            value_label("validation", "returned (fix it)"),
            "Returned (fix it)"
        );
        assert_eq!(value_label("name", "open"), "open");
    }
}
