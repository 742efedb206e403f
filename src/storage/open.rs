//! Opening a store file: refuse what is not ours, back up, migrate, set pragmas.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::error::StoreError;
use super::migrations::{LATEST_SCHEMA_VERSION, MIGRATIONS};

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Opens (creating if needed) and migrates the store at `path`; returns the connection and the
/// backup written before a migration, if one ran.
///
/// Stores up to [`QUICK_CHECK_MAX_BYTES`] get a page check (`PRAGMA quick_check`) at open.
/// Stores up to this size (64 MiB, about 5 000 lands) are page-checked at every open.
pub const QUICK_CHECK_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Whether opening may create the store file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file when it does not exist (commands that create data: `import`, `demo`,
    /// the app after asking).
    CreateIfMissing,
    /// The file must exist and be a store (`list`, `report`, `export`, `backup`, `check`, …):
    /// a mistyped path is refused instead of silently becoming a new, empty store.
    Existing,
}

/// `PRAGMA application_id` of a GeoPackage ("GPKG") and of `MBTiles` ("MPBX").
const FOREIGN_APPLICATION_IDS: [(i64, &str); 2] = [
    (0x4750_4B47, "a GeoPackage"),
    (0x4D50_4258, "an MBTiles tile package"),
];

/// Refuses what can never be a store file before SQLite touches it: a directory, a FIFO (which
/// would block forever), a device (`/dev/null` would grow a `-journal` beside it), a socket;
/// with [`OpenMode::Existing`], a missing or empty file.
pub(crate) fn check_store_path(path: &Path, mode: OpenMode) -> Result<(), StoreError> {
    let refuse = |detail: &str| StoreError::Open {
        detail: detail.to_owned(),
        path: path.to_owned(),
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(refuse(
            "it is a folder; give the path of a store file (e.g. programme.sqlite)",
        )),
        Ok(meta) if !meta.is_file() => Err(refuse(
            "it is a FIFO, device or socket, not a store file; give the path of a store file",
        )),
        Ok(meta) if meta.len() == 0 && mode == OpenMode::Existing => Err(refuse(
            "the file is empty, not a Safeground store; `import` or `demo` create a store",
        )),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match mode {
            OpenMode::CreateIfMissing => Ok(()),
            OpenMode::Existing => Err(refuse(
                "there is no store at this path (check for a typing error); only `import`, `demo`, `sync import` and the app create a store",
            )),
        },
        Err(e) => Err(refuse(&crate::io::output::describe_io(&e))),
    }
}

pub(crate) fn open_connection(
    path: &Path,
    mode: OpenMode,
) -> Result<(Connection, Option<PathBuf>), StoreError> {
    check_store_path(path, mode)?;
    check_header(path)?;
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_URI
            // A connection is used by one thread at a time (it is not `Sync`): no mutex
            // around every SQLite call.
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(e, path))?;
    conn.busy_timeout(Duration::from_secs(5))
        .map_err(|e| classify(e, path))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| classify(e, path))?;
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| classify(e, path))?;
    if let Some((_, what)) = FOREIGN_APPLICATION_IDS
        .iter()
        .find(|(id, _)| *id == application_id)
    {
        return Err(StoreError::ForeignKind {
            what,
            path: path.to_owned(),
        });
    }
    let has_land_table: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'land'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(|e| classify(e, path))?
        > 0;
    if version > 0 && !has_land_table {
        return Err(StoreError::ForeignDatabase(path.to_owned()));
    }
    if version > LATEST_SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found: version,
            supported: LATEST_SCHEMA_VERSION,
            path: path.to_owned(),
        });
    }
    let table_count: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| classify(e, path))?;
    if version == 0 && table_count > 0 {
        return Err(StoreError::ForeignDatabase(path.to_owned()));
    }
    // A full page check reads the whole file (12 s for a 1 GB national store on a laptop disk),
    // so it runs at open only for stores up to QUICK_CHECK_MAX_BYTES. Damage in a larger store
    // still surfaces as SQLite's "corrupt" error on the first read of a bad page (mapped to
    // `StoreError::Corrupt`), and `Store::integrity_check` (`safeground check --integrity`,
    // `restore`) checks every page on demand.
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if version > 0 && size <= QUICK_CHECK_MAX_BYTES {
        quick_check(&conn, path)?;
    }
    let backup = if version > 0 && version < LATEST_SCHEMA_VERSION {
        Some(backup_before_migration(&conn, path, version)?)
    } else {
        None
    };
    MIGRATIONS
        .to_latest(&mut conn)
        .map_err(|error| StoreError::Migration {
            error,
            backup: backup.clone(),
        })?;
    // Pragmas go outside migrations: they have no effect inside a transaction.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| classify(e, path))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Large imports: savepoint sub-journals in memory, and a 64 MiB page cache so a long
    // transaction does not spill pages to the WAL before it commits.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -65_536)?;
    // A record write uses about 30 cached statements (row, body, history, audit, change log,
    // heads, clock); a sync import about 60. The default 16 made them be prepared again and again.
    conn.set_prepared_statement_cache_capacity(96);
    Ok((conn, backup))
}

/// A second, read-only connection to an open store (WAL lets it read while the first one is
/// busy): for reading two tables at once, or a whole table. It reads the file through a memory
/// map (up to [`READER_MMAP_BYTES`]): the pages come straight from the operating system's file
/// cache instead of being copied into a page cache of this process. The writing connection
/// keeps plain reads.
pub(crate) fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(e, path))?;
    conn.busy_timeout(Duration::from_secs(5))
        .map_err(|e| classify(e, path))?;
    conn.pragma_update(None, "cache_size", -16_384)?;
    conn.pragma_update(None, "mmap_size", READER_MMAP_BYTES)?;
    Ok(conn)
}

/// How much of the store a reading connection maps into memory: 4 GiB, more than a national
/// store holds (1.2 GB at 100 000 lands).
const READER_MMAP_BYTES: i64 = 4 << 30;

/// Refuses a non-empty file that does not start with the SQLite header, before SQLite sees it.
fn check_header(path: &Path) -> Result<(), StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(StoreError::Open {
                detail: e.to_string(),
                path: path.to_owned(),
            });
        }
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => {
                return Err(StoreError::Open {
                    detail: e.to_string(),
                    path: path.to_owned(),
                });
            }
        }
    }
    if read == 0 {
        return Ok(()); // an empty file becomes a new store
    }
    if read < header.len() || &header != SQLITE_HEADER {
        return Err(StoreError::NotSqlite(path.to_owned()));
    }
    Ok(())
}

fn quick_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let result: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| classify(e, path))?;
    if result == "ok" {
        Ok(())
    } else {
        Err(StoreError::Corrupt {
            detail: result,
            path: path.to_owned(),
        })
    }
}

/// Maps SQLite's "not a database" and "corrupt" codes to their own errors.
pub(crate) fn classify(e: rusqlite::Error, path: &Path) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite(path.to_owned()),
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            detail: e.to_string(),
            path: path.to_owned(),
        },
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
            StoreError::Open {
                detail: e.to_string(),
                path: path.to_owned(),
            }
        }
        _ => StoreError::Sqlite(e),
    }
}

/// Copies the store with SQLite's online backup API next to it, named after the old schema
/// version and the time: `store.sqlite.v1-20261123T221500Z.bak`.
fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    version: i64,
) -> Result<PathBuf, StoreError> {
    let target = super::snapshot::stamped(path, &format!("v{version}"));
    super::snapshot::copy_out(
        conn,
        &target,
        &crate::io::output::Protected::store(path),
        crate::io::output::Replace::Never,
    )?;
    Ok(target)
}

/// The other programs that hold a lock on the store (its file, `-wal` or `-shm`), as
/// `name (process N)`, read from `/proc/locks` on Linux; empty elsewhere or when none is found.
/// Used to say *which* program keeps a busy store busy.
pub fn lock_holders(store: &Path) -> Vec<String> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let mut inodes: Vec<u64> = Vec::new();
        for suffix in ["", "-wal", "-shm"] {
            let f = crate::io::output::with_suffix(store, suffix);
            if let Ok(m) = std::fs::metadata(&f) {
                inodes.push(m.ino());
            }
        }
        let Ok(locks) = std::fs::read_to_string("/proc/locks") else {
            return Vec::new();
        };
        let me = std::process::id();
        let mut pids: Vec<u32> = locks
            .lines()
            .filter_map(|line| {
                let fields: Vec<&str> = line.split_whitespace().collect();
                // "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 0 EOF" (a "->" marks a waiter).
                let fields: Vec<&str> = fields.into_iter().filter(|f| *f != "->").collect();
                let pid: u32 = fields.get(4)?.parse().ok()?;
                let inode: u64 = fields.get(5)?.rsplit(':').next()?.parse().ok()?;
                (inodes.contains(&inode) && pid != me).then_some(pid)
            })
            .collect();
        pids.sort_unstable();
        pids.dedup();
        pids.into_iter()
            .map(|pid| {
                let name = std::fs::read_to_string(format!("/proc/{pid}/comm"))
                    .map_or_else(|_| "a program".to_owned(), |n| n.trim().to_owned());
                format!("{name} (process {pid})")
            })
            .collect()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = store;
        Vec::new()
    }
}
