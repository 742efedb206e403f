//! On-demand backup, restore and integrity check of a store (SPEC §4 reliability).
//!
//! Backups use SQLite's online backup API, so a consistent copy is taken while the store is in
//! use. A restore never touches the chosen backup file: it is copied, the copy is opened as a
//! store (so every refusal of `open` applies: not SQLite, damaged, foreign, newer schema; an older
//! schema is migrated), checked with `PRAGMA integrity_check`, and then copied page by page into
//! the live store in one step, after the live store itself was backed up beside it.

use std::path::{Path, PathBuf};

use super::audit::audit;
use super::error::StoreError;
use super::snapshot::{copy_out, stamped};
use super::store::Store;
use crate::domain::{Actor, AuditAction, EntityKind};
use crate::io::output::{OutputSet, Protected, Replace};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The copy of the store as it was before the restore.
    pub previous: PathBuf,
    /// Lands in the restored store.
    pub lands: i64,
}

fn file_error(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Open {
        detail: crate::io::output::describe_io(e),
        path: path.to_owned(),
    }
}

/// `PRAGMA quick_check` of every page of the store at `path`, on a read-only connection of its
/// own (the app runs it on a background thread after opening a large store): the problems found,
/// empty when the file is sound.
pub fn page_check_file(path: &Path) -> Result<Vec<String>, StoreError> {
    let reader = super::open::open_reader(path)?;
    let mut stmt = reader.prepare("PRAGMA quick_check")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// The `store_meta` key of the time of the last full page check that passed.
const LAST_FULL_CHECK_KEY: &str = "last_full_check_utc";

impl Store {
    /// `PRAGMA integrity_check`: the problems SQLite finds (empty when the file is sound). A
    /// check that passes is remembered ([`Store::last_full_check`]).
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        self.full_check("PRAGMA integrity_check")
    }

    /// `PRAGMA quick_check` of every page (faster than [`Store::integrity_check`], which also
    /// compares indexes with tables); a check that passes is remembered.
    pub fn page_check(&self) -> Result<Vec<String>, StoreError> {
        self.full_check("PRAGMA quick_check")
    }

    fn full_check(&self, pragma: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare(pragma)?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let problems: Vec<String> = rows.into_iter().filter(|r| r != "ok").collect();
        if problems.is_empty() {
            let now = time::OffsetDateTime::now_utc()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default();
            // Remembering the time is a convenience; a read-only store still passes the check.
            let _remembered = self
                .conn
                .execute(
                    "INSERT INTO store_meta (key, value) VALUES (?1, ?2) \
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [LAST_FULL_CHECK_KEY, now.as_str()],
                )
                .is_ok();
        }
        Ok(problems)
    }

    /// When the last full page check of this store passed (UTC, RFC 3339), if one ever did.
    pub fn last_full_check(&self) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension as _;
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM store_meta WHERE key = ?1",
                [LAST_FULL_CHECK_KEY],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The size of the store file in bytes (0 when it cannot be read).
    pub fn file_bytes(&self) -> u64 {
        std::fs::metadata(self.path()).map_or(0, |m| m.len())
    }

    /// Writes a consistent copy of the store to `target` (SQLite online backup API) through the
    /// safe writer: never onto the store, an existing file only when `replace` allows it.
    pub fn backup_to(&self, target: &Path, replace: Replace) -> Result<(), StoreError> {
        copy_out(&self.conn, target, &Protected::store(self.path()), replace)
    }

    /// Replaces the store's contents with a backup file (see the module documentation). The
    /// current contents are first saved to `<store>.before-restore-<time>.bak`. Audited.
    pub fn restore_from(&mut self, source: &Path, actor: &Actor) -> Result<Restored, StoreError> {
        self.restore_from_with_hook(source, actor, &mut || {})
    }

    /// [`Store::restore_from`], calling `between` after the snapshot of the old contents and
    /// before the copy (a test hook: the store's write lock is held across it, so no other
    /// program can commit in between).
    ///
    /// How: the backup is copied to a staging file and opened as a store (every refusal of
    /// `open` applies; an empty file, which SQLite would take for a new database, is refused
    /// first), page-checked, and attached. Then, in **one** `BEGIN IMMEDIATE` transaction that
    /// holds the write lock throughout: the old contents are copied out to the
    /// `.before-restore` file, every table is emptied and refilled from the backup, and the
    /// restore is audited. Another writer waits (or gives up) until the commit; a commit cannot
    /// fall between the snapshot and the copy.
    pub fn restore_from_with_hook(
        &mut self,
        source: &Path,
        actor: &Actor,
        between: &mut dyn FnMut(),
    ) -> Result<Restored, StoreError> {
        let meta = std::fs::metadata(source).map_err(|e| file_error(source, &e))?;
        if !meta.is_file() {
            return Err(StoreError::Open {
                detail: "that is not a regular file; choose a backup file".to_owned(),
                path: source.to_owned(),
            });
        }
        if meta.len() == 0 {
            return Err(StoreError::Open {
                detail: "the file is empty (0 bytes), so it is not a backup; nothing was changed"
                    .to_owned(),
                path: source.to_owned(),
            });
        }
        let protected = Protected::store(self.path());
        if protected.covers(source) {
            return Err(StoreError::Open {
                detail: "that is the open store itself; choose a backup file".to_owned(),
                path: source.to_owned(),
            });
        }
        // The staging copy goes through the safe writer too: a temporary name beside the store,
        // removed when `staging` is dropped (never committed).
        let staging = OutputSet::single(
            &crate::io::output::with_suffix(self.path(), ".restoring"),
            &protected,
            Replace::Allowed,
        )?;
        staging.write::<StoreError>(0, |w| {
            let mut from = std::fs::File::open(source).map_err(|e| file_error(source, &e))?;
            std::io::copy(&mut from, w).map_err(|e| file_error(source, &e))?;
            Ok(())
        })?;
        let staging_path = staging.temp_path(0).to_owned();
        {
            let candidate = Self::open(&staging_path).map_err(|e| match e {
                // Name the file the user chose, not the staging copy.
                StoreError::NotSqlite(_) => StoreError::NotSqlite(source.to_owned()),
                StoreError::ForeignDatabase(_) => StoreError::ForeignDatabase(source.to_owned()),
                StoreError::SchemaTooNew {
                    found, supported, ..
                } => StoreError::SchemaTooNew {
                    found,
                    supported,
                    path: source.to_owned(),
                },
                StoreError::Corrupt { detail, .. } => StoreError::Corrupt {
                    detail,
                    path: source.to_owned(),
                },
                other => other,
            })?;
            let problems = candidate.integrity_check()?;
            if !problems.is_empty() {
                return Err(StoreError::Corrupt {
                    detail: problems.join("; "),
                    path: source.to_owned(),
                });
            }
            // Back to a single file, so the attach below sees every page.
            candidate
                .conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")?;
        }
        let previous = stamped(self.path(), "before-restore");
        self.conn.execute(
            "ATTACH DATABASE ?1 AS restore_source",
            [staging_path.to_string_lossy().as_ref()],
        )?;
        let result = self.restore_attached(source, actor, &previous, &protected, between);
        let detached = self.conn.execute_batch("DETACH DATABASE restore_source");
        let lands = result?;
        detached?;
        drop(staging);
        Ok(Restored { previous, lands })
    }

    /// The transaction of [`Store::restore_from_with_hook`]; returns the restored lands.
    fn restore_attached(
        &mut self,
        source: &Path,
        actor: &Actor,
        previous: &Path,
        protected: &Protected,
        between: &mut dyn FnMut(),
    ) -> Result<i64, StoreError> {
        let store_path = self.path().to_owned();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // The snapshot of the old contents, taken while this transaction holds the write lock:
        // through a second connection (SQLite's backup API cannot read from a connection in a
        // write transaction), which sees the last commit, and no other program can commit
        // until this transaction ends.
        let reader = super::open::open_reader(&store_path)?;
        copy_out(&reader, previous, protected, Replace::Never)?;
        drop(reader);
        between();
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let tables: Vec<String> = tx
            .prepare(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for table in &tables {
            let columns: Vec<String> = tx
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<_, _>>()?;
            let list = columns
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ");
            tx.execute(&format!("DELETE FROM main.\"{table}\""), [])?;
            tx.execute(
                &format!(
                    "INSERT INTO main.\"{table}\" ({list}) SELECT {list} FROM restore_source.\"{table}\""
                ),
                [],
            )?;
        }
        audit(
            &tx,
            actor,
            EntityKind::Store,
            uuid::Uuid::nil(),
            "",
            AuditAction::Update,
            Some("restored from backup"),
            None,
            Some(&source.display().to_string()),
        )?;
        let lands: i64 = tx.query_row(
            "SELECT count(*) FROM land WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(lands)
    }
}
