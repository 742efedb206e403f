//! Why a command of the app failed, typed to the end: the worker sends these in its outcomes and
//! the app state turns them into words once, when it shows them ([`AppError`]'s `Display`).

use std::path::PathBuf;

use crate::exports::ExportError;
use crate::io::IoError;
use crate::reports::FilterError;
use crate::storage::StoreError;

/// Why a command of the app failed or was refused.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The store refused or failed (a rule, a duplicate, an unreadable row, the disk…).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An export or the report failed; nothing was written under the requested name.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The dashboard's filter is not usable.
    #[error(transparent)]
    Filter(#[from] FilterError),
    /// A file to import or attach could not be read from the disk.
    #[error("cannot read {}: {}", path.display(), crate::io::output::describe_io(source))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file to import is not a file Safeground can read.
    #[error("{source} ({})", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: IoError,
    },
    /// A reference layer's file could not be read.
    #[error(transparent)]
    Reference(#[from] crate::storage::reference::ReferenceError),
    /// The embedded demo programme could not be read (a bug).
    #[error("the demo programme cannot be read: {0}")]
    Demo(IoError),
    /// A command that needs a store, with none open.
    #[error("no store is open; open or create one first")]
    NoStore,
    /// The database worker thread ended (a bug): the UI can no longer reach the store.
    #[error("stopped unexpectedly; restart Safeground (committed data is safe)")]
    WorkerStopped,
    /// The background page check found the open store damaged: writes are refused.
    #[error("{0}")]
    StoreDamaged(String),
}
