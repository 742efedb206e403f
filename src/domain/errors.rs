//! Field errors returned by draft validation: one per offending field, all at once.

use std::fmt;

/// One problem with one field of a form, an import feature or a CLI argument.
///
/// # Examples
/// ```
/// use safeground::domain::FieldError;
/// let e = FieldError::new("date_of_information", "'2025-13-01' is not a date (YYYY-MM-DD)");
/// assert_eq!(e.to_string(), "date_of_information: '2025-13-01' is not a date (YYYY-MM-DD)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// The field name as it appears in the form or file (e.g. `released.cleared_m2`).
    pub field: String,
    /// What is wrong, written for the person who entered it.
    pub message: String,
}

impl FieldError {
    /// A field error.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Joins field errors into one readable paragraph.
pub fn join_field_errors(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
