//! The store: one SQLite connection and the file it lives in. Each kind of record has its own
//! module (`lands`, `activities`, `hazard_reports`, `workflow`, `audit`); each write loads what
//! a domain rule needs, asks the rule for a plan ([`crate::domain::rules`]) and saves the plan in
//! one transaction.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::error::StoreError;
use super::open::{OpenMode, open_connection};

/// The Safeground store.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    backup: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the store at `path`, creating it if needed. Refuses non-SQLite, corrupt, foreign and
    /// newer-schema files with a clear message; backs the file up before migrating it.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, OpenMode::CreateIfMissing)
    }

    /// Opens an existing store: a missing or empty file, a folder, a FIFO or a device is refused
    /// with a message (see [`OpenMode::Existing`]).
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, OpenMode::Existing)
    }

    /// Opens the store at `path` in the given mode.
    pub fn open_with(path: &Path, mode: OpenMode) -> Result<Self, StoreError> {
        let (conn, backup) = open_connection(path, mode)?;
        Ok(Self {
            conn,
            path: path.to_owned(),
            backup,
        })
    }

    /// How long a write waits for another program's write to end before it gives up with
    /// a busy error ([`StoreError::is_busy`]; 5 s by default).
    pub fn set_busy_timeout_ms(&mut self, ms: u64) {
        if self
            .conn
            .busy_timeout(std::time::Duration::from_millis(ms))
            .is_err()
        {
            // Only fails on a closed connection, which the next statement reports.
        }
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The backup written before a schema migration during `open`, if one ran.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }
}
