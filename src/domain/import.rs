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

/// Which property of a foreign file holds which land field: chosen in the app's mapping step
/// (remembered for files with the same properties) or given as `import --map FIELD=PROPERTY`.
/// A field left `None` is guessed from the usual names (`name`, `code`, `classification`…).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ImportMapping {
    /// The property holding the land's name.
    pub name: Option<String>,
    /// The property holding the land's code (kept when it is a valid, free code).
    pub code: Option<String>,
    /// The property holding the classification (CHA, SHA…).
    pub classification: Option<String>,
    /// The property holding the status.
    pub status: Option<String>,
    /// The property holding the date of information.
    pub date_of_information: Option<String>,
}

impl ImportMapping {
    /// The fields a mapping can set, as `--map` names them.
    pub const FIELDS: &'static [&'static str] = &[
        "name",
        "code",
        "classification",
        "status",
        "date_of_information",
    ];

    /// The property chosen for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        match field {
            "name" => self.name.as_deref(),
            "code" => self.code.as_deref(),
            "classification" => self.classification.as_deref(),
            "status" => self.status.as_deref(),
            "date_of_information" => self.date_of_information.as_deref(),
            _ => None,
        }
    }

    /// The slot of `field`, or `None` for a field a mapping cannot set.
    pub fn slot(&mut self, field: &str) -> Option<&mut Option<String>> {
        match field {
            "name" => Some(&mut self.name),
            "code" => Some(&mut self.code),
            "classification" => Some(&mut self.classification),
            "status" => Some(&mut self.status),
            "date_of_information" => Some(&mut self.date_of_information),
            _ => None,
        }
    }

    /// Whether nothing is chosen (every field guessed).
    pub fn is_empty(&self) -> bool {
        Self::FIELDS.iter().all(|f| self.get(f).is_none())
    }
}

/// One property of a foreign file, as the mapping step shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertySummary {
    /// The property's name as written in the file.
    pub name: String,
    /// Features where it has a value.
    pub filled: usize,
    /// Up to three distinct example values (cut to 40 characters).
    pub samples: Vec<String>,
}

/// What a foreign file offers to map.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileProperties {
    /// A file Safeground wrote (its own schema): nothing to map.
    pub ours: bool,
    /// Features in the file.
    pub features: usize,
    /// Its properties, in first-seen order.
    pub properties: Vec<PropertySummary>,
}

impl FileProperties {
    /// The file's shape: its property names, sorted (mappings are remembered by shape).
    pub fn shape_key(&self) -> String {
        let mut names: Vec<&str> = self.properties.iter().map(|p| p.name.as_str()).collect();
        names.sort_unstable();
        names.join("\u{1f}")
    }
}

/// Import problems of one kind: the same severity, field and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueGroup {
    /// Error or warning.
    pub severity: IssueSeverity,
    /// The field concerned.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// The file(s) it came from.
    pub file: String,
    /// The issues of the group, in file order.
    pub issues: Vec<ImportIssue>,
}

impl IssueGroup {
    /// The features concerned (0-based), in file order.
    pub fn features(&self) -> Vec<usize> {
        self.issues.iter().filter_map(|i| i.feature).collect()
    }

    /// The codes of the records concerned (the lands they became, for warnings on imported
    /// features), in file order.
    pub fn codes(&self) -> Vec<String> {
        self.issues.iter().filter_map(|i| i.code.clone()).collect()
    }
}

/// Groups import problems by kind — errors first, then warnings, each by field and message —
/// for the app's import summary and the CLI's (one grouping for both).
pub fn group_issues(issues: &[ImportIssue]) -> Vec<IssueGroup> {
    let mut groups: std::collections::BTreeMap<(u8, &str, &str), IssueGroup> =
        std::collections::BTreeMap::new();
    for issue in issues {
        let rank = match issue.severity {
            IssueSeverity::Error => 0,
            IssueSeverity::Warning => 1,
        };
        groups
            .entry((rank, issue.field.as_str(), issue.message.as_str()))
            .or_insert_with(|| IssueGroup {
                severity: issue.severity,
                field: issue.field.clone(),
                message: issue.message.clone(),
                file: issue.file.clone(),
                issues: Vec::new(),
            })
            .issues
            .push(issue.clone());
    }
    groups.into_values().collect()
}
