//! The SQLite store: the only module that names `rusqlite`.
//!
//! One file per store; WAL journal, foreign keys on, 5 s busy timeout, set after migrating.
//! Schema migrations are SQL files under `migrations/`, applied by `rusqlite_migration`, with a
//! backup of the file taken before any migration. Files that are not SQLite, are damaged, are
//! foreign SQLite databases, or were written by a newer Safeground are refused with a message.
//! Every write runs in one transaction with its audit entries; nothing is physically deleted
//! except by `demo`, which recreates the demo store (and says so in the audit log).

mod activities;
mod aggregate;
mod audit;
mod backup;
mod bodies;
mod bundle;
mod clock;
mod codec;
mod codes;
mod error;
mod export_log;
pub mod gpkg;
mod hazard_reports;
pub mod hub;
mod hub_error;
mod import;
mod lands;
pub mod layers;
mod map;
pub mod mbtiles;
mod migrations;
mod open;
mod photos;
mod reconcile;
pub mod reference;
mod snapshot;
mod store;
pub mod sync_identity;
mod unsaved;
mod versions;
mod workflow;

pub use backup::{Restored, page_check_file};
pub use bundle::{
    BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleImport, BundleScope, ExportedBundle, import_summary,
};
pub use error::StoreError;
pub use export_log::ExportRecord;
pub use import::ReplaceRecords;
pub use migrations::LATEST_SCHEMA_VERSION;
pub use open::{OpenMode, QUICK_CHECK_MAX_BYTES, lock_holders};
pub use photos::{MAX_PHOTO_BYTES, Photo, photo_media_type};
pub use reconcile::{ImportLogEntry, OpenConflict, ParkedVersion, conflict_polygon, value_text};
pub use store::Store;

/// Test support: creates a store file at an older schema version (to test upgrades).
#[doc(hidden)]
pub fn create_store_at_version(path: &std::path::Path, version: usize) -> Result<(), StoreError> {
    let mut conn = rusqlite::Connection::open(path)?;
    migrations::MIGRATIONS
        .to_version(&mut conn, version)
        .map_err(|error| StoreError::Migration {
            error,
            backup: None,
        })?;
    Ok(())
}

/// Test support: sets the schema version of a store file (to test refusal of newer stores).
#[doc(hidden)]
pub fn set_schema_version(path: &std::path::Path, version: i64) -> Result<(), StoreError> {
    let conn = rusqlite::Connection::open(path)?;
    conn.pragma_update(None, "user_version", version)?;
    Ok(())
}
