//! Schema migrations: one SQL file per version, applied in order by `rusqlite_migration`,
//! tracked in SQLite's `user_version`. Append only: never edit a shipped file, add a new one.

use std::sync::LazyLock;

use rusqlite::Transaction;
use rusqlite_migration::{HookError, M, Migrations};

/// The migrations, in order. Version N is the N-th entry.
pub(crate) static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001_initial.sql")),
        M::up(include_str!("migrations/0002_indexes.sql")),
        M::up(include_str!("migrations/0003_photos.sql")),
        M::up(include_str!("migrations/0004_export_log.sql")),
        M::up(include_str!("migrations/0005_land_list_index.sql")),
        M::up(include_str!("migrations/0006_drop_unused_indexes.sql")),
        M::up(include_str!("migrations/0007_aggregate_columns.sql")),
        M::up(include_str!("migrations/0008_layers_and_unsaved_work.sql")),
        M::up(include_str!("migrations/0009_sync_identity.sql")),
        M::up_with_hook(
            include_str!("migrations/0010_change_log.sql"),
            |tx: &Transaction<'_>| {
                // Every record already in the store gets its first version (schema 10).
                super::clock::backfill(tx).map_err(|e| HookError::Hook(e.to_string()))
            },
        ),
        M::up(include_str!("migrations/0011_hub_link.sql")),
    ])
});

/// The schema version this build writes.
pub const LATEST_SCHEMA_VERSION: i64 = 11;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn latest_version_matches_the_list() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST_SCHEMA_VERSION);
    }
}
