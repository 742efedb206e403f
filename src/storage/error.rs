//! Storage errors: typed, with messages that say what to do.

use std::path::PathBuf;

use crate::domain::{FieldError, LedgerError, LifecycleError, join_field_errors};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not an SQLite database at all.
    #[error("this file is not a Safeground store (not an SQLite database); choose another file: {}", .0.display())]
    NotSqlite(PathBuf),
    /// The file is an SQLite database but damaged.
    #[error("the store is damaged ({detail}); restore it from a backup: {}", path.display())]
    Corrupt {
        /// What SQLite reported.
        detail: String,
        /// The file.
        path: PathBuf,
    },
    /// Written by a newer Safeground.
    #[error(
        "the store was written by a newer version of Safeground (schema {found}, this version knows up to {supported}); \
         install the newer version to open it: {}", path.display()
    )]
    SchemaTooNew {
        /// Schema version in the file.
        found: i64,
        /// Latest schema this build knows.
        supported: i64,
        /// The file.
        path: PathBuf,
    },
    /// An SQLite database that is not a Safeground store (foreign tables, no schema version).
    #[error("this SQLite file is not a Safeground store (it has other tables); choose another file: {}", .0.display())]
    ForeignDatabase(PathBuf),
    /// A known foreign SQLite format (a GeoPackage, an `MBTiles` file).
    #[error("this file is {what}, not a Safeground store; to bring its data in, use `import` (GeoJSON or CSV); choose a store file: {}", path.display())]
    ForeignKind {
        /// What it is, in words ("a GeoPackage").
        what: &'static str,
        /// The file.
        path: PathBuf,
    },
    /// A command that would replace every record met a store that holds some.
    #[error("the store {} holds {records} records; nothing was changed. Use another store file (--db), or --replace to replace them after a backup", path.display())]
    HoldsRecords {
        /// Lands, activities and hazard reports held.
        records: i64,
        /// The store.
        path: PathBuf,
    },
    /// The file could not be opened or read.
    #[error("cannot open the store ({detail}): {}", path.display())]
    Open {
        /// What went wrong.
        detail: String,
        /// The file.
        path: PathBuf,
    },
    /// A record with this code does not exist.
    #[error("no {entity} with code '{code}' in this store")]
    NotFound {
        /// Kind of record.
        entity: &'static str,
        /// The code looked for.
        code: String,
    },
    /// A code is already used by another record.
    #[error("the code '{code}' is already used by another {entity}")]
    DuplicateCode {
        /// Kind of record.
        entity: &'static str,
        /// The code.
        code: String,
    },
    /// A UUID is already in the store.
    #[error("a {entity} with id {id} is already in this store (code {code})")]
    DuplicateId {
        /// Kind of record.
        entity: &'static str,
        /// The UUID.
        id: String,
        /// Its existing code.
        code: String,
    },
    /// The record's fields are invalid.
    #[error("{}", join_field_errors(.0))]
    Invalid(Vec<FieldError>),
    /// The lifecycle or ledger refuses the activity.
    #[error(transparent)]
    Lifecycle(#[from] LifecycleError),
    /// The ledger refuses a revised polygon.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// A workflow transition that is not allowed from the current state.
    #[error("cannot {action} a record that is {state}")]
    Workflow {
        /// What was attempted.
        action: &'static str,
        /// Current state label.
        state: &'static str,
    },
    /// Stored data that cannot be read back (a bug or manual tampering).
    #[error("stored {entity} {code} cannot be read: {detail}")]
    BadRow {
        /// Kind of record.
        entity: &'static str,
        /// Its code.
        code: String,
        /// What failed.
        detail: String,
    },
    /// Schema migration failed.
    #[error("upgrading the store failed; it was left unchanged{}: {source}", backup.as_ref().map(|b| format!(" (backup: {})", b.display())).unwrap_or_default())]
    Migration {
        /// The migration error.
        source: rusqlite_migration::Error,
        /// The backup taken before migrating.
        backup: Option<PathBuf>,
    },
    /// A strict import met errors or warnings, or a restored ledger does not add up; nothing was written.
    #[error(
        "the import was refused and nothing was written ({errors} errors, {warnings} warnings; see the list above)"
    )]
    ImportRefused {
        /// Number of errors.
        errors: usize,
        /// Number of warnings.
        warnings: usize,
    },
    /// The user cancelled the import; nothing was written.
    #[error("the import was cancelled; nothing was written")]
    ImportCancelled,
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// An output file (a backup) was refused or could not be written.
    #[error(transparent)]
    Output(#[from] crate::io::output::OutputError),
    /// File system error (backups).
    #[error("file error: {}", crate::io::output::describe_io(.0))]
    Io(#[from] std::io::Error),
}

impl StoreError {
    /// Whether this is the store refusing a record (duplicate, missing land, lifecycle, ledger,
    /// invalid field, unreadable stored row) rather than a failure of the database or the disk.
    /// Refusals are always made before a record's first write.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            Self::NotFound { .. }
                | Self::DuplicateCode { .. }
                | Self::DuplicateId { .. }
                | Self::Invalid(_)
                | Self::Lifecycle(_)
                | Self::Ledger(_)
                | Self::Workflow { .. }
                | Self::BadRow { .. }
        )
    }
}
