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
    /// What is wrong, written for the person who entered it (in English: the CLI's and the
    /// import log's words).
    pub message: String,
    /// What is wrong, typed, when it is one of the common problems: the app says it in the
    /// person's language from this.
    #[serde(skip)]
    pub problem: Option<FieldProblem>,
}

/// The first year a date may have (dates before it are typing errors).
pub const FIRST_YEAR: i32 = 1900;

/// The last year a date may have.
pub const LAST_YEAR: i32 = 2100;

/// A common problem with a field's value, typed so each language can say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// Nothing was entered.
    Required,
    /// Nothing was entered where a date (`YYYY-MM-DD`) is needed.
    RequiredDate,
    /// Longer than allowed.
    TooLong {
        /// Most characters allowed.
        max_chars: usize,
    },
    /// Holds control characters.
    ControlCharacters,
    /// Holds a bidirectional control character.
    BidiControl,
    /// Not one of a vocabulary's values.
    NotInVocabulary {
        /// What was entered.
        value: String,
        /// The allowed values (their English labels, comma-separated).
        allowed: String,
    },
    /// Not a date in the accepted years.
    NotADate {
        /// What was entered.
        value: String,
    },
    /// A negative quantity.
    Negative {
        /// What was entered.
        value: String,
        /// The unit (`m²`, `m`, `cm`, `deminer-days`).
        unit: String,
    },
    /// Larger than the largest plausible value.
    TooLarge {
        /// What was entered.
        value: String,
        /// The largest value allowed, in the unit.
        max: String,
        /// The unit.
        unit: String,
    },
    /// Not a number.
    NotANumber {
        /// What was entered.
        value: String,
        /// The unit.
        unit: String,
    },
    /// Not a whole number ≥ 0.
    NotAWholeNumber {
        /// What was entered.
        value: String,
    },
    /// A land without the three perimeter points a polygon needs.
    NeedPerimeterPoints,
}

impl FieldProblem {
    /// The problem in English (the field error's message).
    pub fn english(&self) -> String {
        match self {
            Self::Required => "is required".to_owned(),
            Self::RequiredDate => "is required (YYYY-MM-DD)".to_owned(),
            Self::TooLong { max_chars } => format!("is longer than {max_chars} characters"),
            Self::ControlCharacters => "contains control characters".to_owned(),
            Self::BidiControl => "contains a bidirectional control character (U+202A–U+202E or U+2066–U+2069); retype it without".to_owned(),
            Self::NotInVocabulary { value, allowed } => {
                format!("'{value}' is not one of: {allowed}")
            }
            Self::NotADate { value } => {
                format!("'{value}' is not a date from {FIRST_YEAR} to {LAST_YEAR} (YYYY-MM-DD)")
            }
            Self::Negative { value, unit } => format!("{value} {unit} is negative"),
            Self::TooLarge { value, max, unit } => {
                format!("{value} {unit} is larger than the maximum {max} {unit}")
            }
            Self::NotANumber { value, unit } => format!("'{value}' is not a number of {unit}"),
            Self::NotAWholeNumber { value } => format!("'{value}' is not a whole number ≥ 0"),
            Self::NeedPerimeterPoints => "add at least three perimeter points (start, turning, end), by typing, clicking on the map or a traverse".to_owned(),
        }
    }
}

impl FieldError {
    /// A field error.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            problem: None,
        }
    }

    /// A field error of a common, typed problem (its message is the problem in English).
    pub fn of(field: impl Into<String>, problem: FieldProblem) -> Self {
        Self {
            field: field.into(),
            message: problem.english(),
            problem: Some(problem),
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
