//! On-demand backup, restore and integrity check of a store (SPEC §4 reliability).
//!
//! Backups use SQLite's online backup API, so a consistent copy is taken while the store is in
//! use. A restore never touches the chosen backup file: it is copied, the copy is opened as a
//! store (so every refusal of `open` applies: not SQLite, damaged, foreign, newer schema; an older
//! schema is migrated), checked with `PRAGMA integrity_check`, and then copied page by page into
//! the live store in one step, after the live store itself was backed up beside it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use super::error::StoreError;
use super::store::{Store, audit};
use crate::domain::{Actor, AuditAction, EntityKind};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The copy of the store as it was before the restore.
    pub previous: PathBuf,
    /// Lands in the restored store.
    pub lands: i64,
}

/// `<dir>/<file>.<what>-<UTC time>.bak`: the name of a backup taken beside a store.
pub(super) fn stamped(path: &Path, what: &str) -> PathBuf {
    let stamp = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .unwrap_or_else(|_| "unknown-time".to_owned());
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(format!(".{what}-{stamp}.bak"));
    path.with_file_name(name)
}

fn partial(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".partial");
    path.with_file_name(name)
}

fn file_error(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Open {
        detail: e.to_string(),
        path: path.to_owned(),
    }
}

/// Copies the database behind `conn` into a new file `target` (through `<target>.partial`).
fn copy_out(conn: &Connection, target: &Path) -> Result<(), StoreError> {
    let tmp = partial(target);
    if tmp.exists() {
        std::fs::remove_file(&tmp).map_err(|e| file_error(&tmp, &e))?;
    }
    let result = (|| {
        let mut dst = Connection::open(&tmp)?;
        rusqlite::backup::Backup::new(conn, &mut dst)?.run_to_completion(
            1024,
            Duration::from_millis(0),
            None,
        )?;
        dst.close().map_err(|(_, e)| e)?;
        Ok::<(), StoreError>(())
    })();
    match result {
        Ok(()) => std::fs::rename(&tmp, target).map_err(|e| file_error(target, &e)),
        Err(e) => {
            if std::fs::remove_file(&tmp).is_err() {
                // The partial copy stays; the backup error is what the user must see.
            }
            Err(e)
        }
    }
}

impl Store {
    /// `PRAGMA integrity_check`: the problems SQLite finds (empty when the file is sound).
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// Writes a consistent copy of the store to a new file (refuses to overwrite one).
    pub fn backup_to_new_file(&self, target: &Path) -> Result<(), StoreError> {
        if target.exists() {
            return Err(StoreError::Open {
                detail: "a file with that name already exists; choose a new name for the backup"
                    .to_owned(),
                path: target.to_owned(),
            });
        }
        copy_out(&self.conn, target)
    }

    /// Replaces the store's contents with a backup file (see the module documentation). The
    /// current contents are first saved to `<store>.before-restore-<time>.bak`. Audited.
    pub fn restore_from(&mut self, source: &Path, actor: &Actor) -> Result<Restored, StoreError> {
        if source == self.path() {
            return Err(StoreError::Open {
                detail: "that is the open store itself; choose a backup file".to_owned(),
                path: source.to_owned(),
            });
        }
        let staging = self.path().with_file_name(format!(
            "{}.restoring",
            self.path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let cleanup = |p: &Path| {
            for f in [
                p.to_owned(),
                p.with_extension("restoring-wal"),
                p.with_extension("restoring-shm"),
            ] {
                if f.exists() && std::fs::remove_file(&f).is_err() {
                    // Leftover staging files are harmless; the next restore removes them.
                }
            }
        };
        cleanup(&staging);
        std::fs::copy(source, &staging).map_err(|e| file_error(source, &e))?;
        let result = (|| {
            let candidate = Self::open(&staging).map_err(|e| match e {
                // Name the file the user chose, not the staging copy.
                StoreError::NotSqlite(_) => StoreError::NotSqlite(source.to_owned()),
                StoreError::ForeignDatabase(_) => StoreError::ForeignDatabase(source.to_owned()),
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
            let previous = stamped(self.path(), "before-restore");
            copy_out(&self.conn, &previous)?;
            // All pages in one step: the live store changes in one go or not at all.
            let step = rusqlite::backup::Backup::new(&candidate.conn, &mut self.conn)?.step(-1)?;
            if step != rusqlite::backup::StepResult::Done {
                return Err(StoreError::Open {
                    detail: "the store is busy (another program is writing to it); close it and try again"
                        .to_owned(),
                    path: self.path().to_owned(),
                });
            }
            drop(candidate);
            audit(
                &self.conn,
                actor,
                EntityKind::Store,
                uuid::Uuid::nil(),
                "",
                AuditAction::Update,
                Some("restored from backup"),
                None,
                Some(&source.display().to_string()),
            )?;
            let lands: i64 = self.conn.query_row(
                "SELECT count(*) FROM land WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )?;
            Ok(Restored { previous, lands })
        })();
        cleanup(&staging);
        result
    }
}
