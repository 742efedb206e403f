//! Storage errors: typed, with messages that say what to do.

use std::path::PathBuf;

use crate::domain::rules::RuleError;
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
    /// A sync bundle that cannot be applied (not a bundle, damaged, another programme, newer).
    #[error("the sync bundle cannot be used: {detail}; nothing was changed: {}", path.display())]
    Bundle {
        /// Why, in words.
        detail: String,
        /// The bundle file.
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
    /// The person may not do this (four eyes).
    #[error("{0}")]
    NotPermitted(String),
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
    #[error("upgrading the store to this version failed, and it was left unchanged{}; install the Safeground version that wrote it, or restore a backup ({})", backup.as_ref().map(|b| format!(" (a copy is at {})", b.display())).unwrap_or_default(), migration_sentence(error))]
    Migration {
        /// The migration error (not a `source`: said in words by the message).
        error: rusqlite_migration::Error,
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
    /// Every feature had a problem; nothing was written (not even an audit entry).
    #[error(
        "nothing was imported: every feature had a problem ({errors} errors, {warnings} warnings; see the list above); the store is unchanged"
    )]
    NothingImported {
        /// Number of errors.
        errors: usize,
        /// Number of warnings.
        warnings: usize,
    },
    /// The user cancelled the import; nothing was written.
    #[error("the import was cancelled; nothing was written")]
    ImportCancelled,
    /// Any other SQLite error, said in words (busy, read-only, disk full, a broken rule…): no
    /// raw SQLite text reaches a person ([`sqlite_sentence`]).
    /// (Not a `source`: the sentence says it all, and the raw text must not follow it.)
    #[error("{}", sqlite_sentence(.0))]
    Sqlite(rusqlite::Error),
    /// The programme's hub (PostgreSQL/PostGIS) could not be used.
    #[error(transparent)]
    Hub(#[from] super::hub_error::HubError),
    /// An output file (a backup) was refused or could not be written.
    #[error(transparent)]
    Output(#[from] crate::io::output::OutputError),
    /// File system error (backups).
    #[error("file error: {}", crate::io::output::describe_io(.0))]
    Io(std::io::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(e)
    }
}

/// A rule's refusal keeps its words: each [`RuleError`] is the store refusal of the same name.
impl From<RuleError> for StoreError {
    fn from(e: RuleError) -> Self {
        match e {
            RuleError::Invalid(errors) => Self::Invalid(errors),
            RuleError::Lifecycle(e) => Self::Lifecycle(e),
            RuleError::Ledger(e) => Self::Ledger(e),
            RuleError::Workflow { action, state } => Self::Workflow { action, state },
            RuleError::NotPermitted(why) => Self::NotPermitted(why),
        }
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

impl StoreError {
    /// Whether the store was busy (another program writing) when this error happened.
    pub fn is_busy(&self) -> bool {
        let sqlite = match self {
            Self::Sqlite(e) => Some(e),
            Self::Migration {
                error: rusqlite_migration::Error::RusqliteError { err, .. },
                ..
            } => Some(err),
            _ => None,
        };
        sqlite
            .and_then(rusqlite::Error::sqlite_error_code)
            .is_some_and(|c| {
                matches!(
                    c,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                )
            })
    }

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
                | Self::NotPermitted(_)
                | Self::BadRow { .. }
        )
    }
}

/// One sentence for an SQLite error, with what to do; the raw text only for codes we do not
/// expect (and then without the "Error code" noise).
pub fn sqlite_sentence(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "the store is busy: another program is writing to it (another Safeground window or command); wait for it to finish or close it, then try again".to_owned()
        }
        Some(ErrorCode::ReadOnly) => {
            "the store file is read-only (its permissions, or a read-only disk or folder); copy it to a folder you can write to, or open it from there".to_owned()
        }
        Some(ErrorCode::DiskFull) => {
            "the disk is full; free some space and try again (nothing was changed)".to_owned()
        }
        Some(ErrorCode::ConstraintViolation) => {
            "a record breaks a rule of the store (a duplicate or a missing link); nothing was changed".to_owned()
        }
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            "the store file cannot be opened (missing folder or no permission)".to_owned()
        }
        Some(ErrorCode::SystemIoFailure) => {
            "the disk reported an error while reading or writing the store; check the disk and restore from a backup if the store is damaged".to_owned()
        }
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
            "the store file is damaged; restore it from a backup".to_owned()
        }
        _ => format!("the store reported an unexpected error ({})", short_sqlite_text(e)),
    }
}

fn short_sqlite_text(e: &rusqlite::Error) -> String {
    let text = e.to_string();
    text.split(": Error code")
        .next()
        .unwrap_or(&text)
        .to_owned()
}

fn migration_sentence(e: &rusqlite_migration::Error) -> String {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => sqlite_sentence(err),
        _ => "the store's schema could not be upgraded".to_owned(),
    }
}
