//! Snapshot copies of a store: the name of a copy taken beside it, and a consistent copy through
//! SQLite's online backup API written by the one safe file writer. Used before a migration, by
//! `backup` and before a restore.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use super::error::StoreError;
use crate::io::output::{OutputSet, Protected, Replace};

/// `<dir>/<file>.<what>-<UTC time>.bak`: the name of a backup taken beside a store.
pub(crate) fn stamped(path: &Path, what: &str) -> PathBuf {
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

/// Copies the database behind `conn` (a consistent snapshot, SQLite online backup API) into
/// `target`, through the one safe writer: never onto `protected`, never over an existing file
/// unless `replace` allows it, all or nothing.
pub(crate) fn copy_out(
    conn: &Connection,
    target: &Path,
    protected: &Protected,
    replace: Replace,
) -> Result<(), StoreError> {
    let set = OutputSet::single(target, protected, replace)?;
    let mut dst = Connection::open(set.temp_path(0))?;
    rusqlite::backup::Backup::new(conn, &mut dst)?.run_to_completion(
        1024,
        Duration::from_millis(0),
        None,
    )?;
    dst.close().map_err(|(_, e)| e)?;
    set.commit()?;
    Ok(())
}
