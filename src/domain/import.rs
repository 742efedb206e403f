//! Per-feature problems of an import (the "warning reporter" of style-anchors A1.4).

use std::fmt;

/// Error (the feature is not imported) or warning (imported, worth a look).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IssueSeverity {
    /// The feature was skipped (or, in strict mode, the import refused).
    Error,
    /// The feature was imported; something was normalised, defaulted or flagged.
    Warning,
}

/// One problem of one feature or row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportIssue {
    /// The file it came from.
    pub file: String,
    /// 0-based feature index (or data row index for CSV); `None` for the whole file.
    pub feature: Option<usize>,
    /// The record's code when known.
    pub code: Option<String>,
    /// The field concerned (`geometry`, `properties.status` …), empty for the whole feature.
    pub field: String,
    /// What is wrong, for a person.
    pub message: String,
    /// Error or warning.
    pub severity: IssueSeverity,
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            IssueSeverity::Error => "error",
            IssueSeverity::Warning => "warning",
        };
        write!(f, "{level}: ")?;
        if let Some(i) = self.feature {
            write!(f, "feature {i}")?;
            if let Some(code) = &self.code {
                write!(f, " ({code})")?;
            }
            write!(f, ": ")?;
        }
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        write!(f, "{} [{}]", self.message, self.file)
    }
}

/// Collects issues while reading and writing an import; passed by `&mut`, so it cannot be
/// silently dropped the way a returned tuple element can.
#[derive(Debug, Default, Clone)]
pub struct ImportReporter {
    /// The issues, in the order found.
    pub issues: Vec<ImportIssue>,
    /// The file being read (label for messages).
    pub file: String,
}

impl ImportReporter {
    /// A reporter for one file.
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            issues: Vec::new(),
            file: file.into(),
        }
    }

    /// Records an error for a feature.
    pub fn error(
        &mut self,
        feature: Option<usize>,
        code: Option<&str>,
        field: &str,
        message: impl Into<String>,
    ) {
        self.push(feature, code, field, message.into(), IssueSeverity::Error);
    }

    /// Records a warning for a feature.
    pub fn warn(
        &mut self,
        feature: Option<usize>,
        code: Option<&str>,
        field: &str,
        message: impl Into<String>,
    ) {
        self.push(feature, code, field, message.into(), IssueSeverity::Warning);
    }

    fn push(
        &mut self,
        feature: Option<usize>,
        code: Option<&str>,
        field: &str,
        message: String,
        severity: IssueSeverity,
    ) {
        self.issues.push(ImportIssue {
            file: self.file.clone(),
            feature,
            code: code.filter(|c| !c.is_empty()).map(str::to_owned),
            field: field.to_owned(),
            message,
            severity,
        });
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == IssueSeverity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == IssueSeverity::Warning)
            .count()
    }
}

/// How an imported activity or hazard report names its land.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LandRef {
    /// By UUID.
    Id(super::LandId),
    /// By human code.
    Code(String),
}

/// One record read from an import file, before it is written.
#[derive(Debug, Clone)]
pub enum ImportRecord {
    /// A land; `snapshot` when it carries its own status history (an export of a store).
    Land {
        /// The validated land.
        land: Box<super::Land>,
        /// Restore as written (true) or start as a new land (false).
        snapshot: bool,
    },
    /// An activity of a land.
    Activity {
        /// The validated activity (its `land_id` is set when the land is resolved).
        activity: Box<super::Activity>,
        /// Its land.
        land: LandRef,
    },
    /// A hazard report.
    HazardReport {
        /// The validated report.
        report: Box<super::HazardReport>,
        /// Its land, if linked.
        land: Option<LandRef>,
    },
}

/// A record with the index of the feature (or CSV row) it came from.
#[derive(Debug, Clone)]
pub struct ImportItem {
    /// 0-based feature or row index.
    pub feature: usize,
    /// The record.
    pub record: ImportRecord,
}

/// Everything read from one or more files, to be written in one transaction.
#[derive(Debug, Clone, Default)]
pub struct ImportBatch {
    /// Records in file order.
    pub items: Vec<ImportItem>,
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    /// Lands created.
    pub lands: usize,
    /// Activities recorded.
    pub activities: usize,
    /// Hazard reports created.
    pub hazard_reports: usize,
    /// Features skipped because of errors.
    pub skipped: usize,
    /// Warnings.
    pub warnings: usize,
}
