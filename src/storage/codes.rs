//! Identity of new records: a free UUID and a code, the next in sequence
//! ([`crate::domain::rules::next_free_code`]) or the one given if no other record has it.
//! Looking is read-only; the sequence moves only when the record is saved ([`reserve_code`]),
//! so a refused record leaves nothing behind.

use rusqlite::{Connection, OptionalExtension, params};

use super::error::StoreError;
use crate::domain::CodePrefix;
use crate::domain::rules::next_free_code;

/// The table that holds the records of a code prefix.
fn table_of(prefix: CodePrefix) -> &'static str {
    match prefix {
        CodePrefix::Land => "land",
        CodePrefix::Activity => "activity",
        CodePrefix::HazardReport => "hazard_report",
    }
}

/// Whether a record of the prefix's table (deleted ones included) has this code.
pub(crate) fn code_taken(
    conn: &Connection,
    prefix: CodePrefix,
    code: &str,
) -> Result<bool, StoreError> {
    let sql = format!("SELECT 1 FROM {} WHERE code = ?1", table_of(prefix));
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([code], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The code of the record of the prefix's table with this UUID, if there is one.
fn id_taken(conn: &Connection, prefix: CodePrefix, id: &str) -> Result<Option<String>, StoreError> {
    let sql = format!("SELECT code FROM {} WHERE id = ?1", table_of(prefix));
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// The next free code for a prefix and its sequence number (nothing written): one more than the
/// last handed out, or than the highest numbered code when none was handed out yet.
fn propose_code(conn: &Connection, prefix: CodePrefix) -> Result<(String, u64), StoreError> {
    let last: Option<i64> = conn
        .prepare_cached("SELECT last FROM code_sequence WHERE prefix = ?1")?
        .query_row([prefix.as_str()], |r| r.get(0))
        .optional()?;
    let last = if let Some(n) = last {
        n
    } else {
        let sql = format!(
            "SELECT COALESCE(MAX(CAST(substr(code, 4) AS INTEGER)), 0) FROM {}
             WHERE code GLOB '{}[0-9]*' AND substr(code, 4) NOT GLOB '*[^0-9]*'",
            table_of(prefix),
            prefix.as_str()
        );
        conn.prepare_cached(&sql)?.query_row([], |r| r.get(0))?
    };
    next_free_code(prefix, u64::try_from(last).unwrap_or(0), |code| {
        code_taken(conn, prefix, code)
    })
}

/// A code handed out from the sequence, to be reserved when the record is saved.
#[derive(Debug, Clone, Copy)]
#[must_use = "reserve the code when the record is saved"]
pub(crate) struct Allocated(Option<(CodePrefix, u64)>);

/// Checks a new record's UUID is free and gives it a code: the next in sequence when empty,
/// else the given one if no other record of its kind uses it. Writes nothing.
pub(crate) fn assign_identity(
    conn: &Connection,
    prefix: CodePrefix,
    entity: &'static str,
    id: &str,
    code: &mut String,
) -> Result<Allocated, StoreError> {
    if let Some(existing) = id_taken(conn, prefix, id)? {
        return Err(StoreError::DuplicateId {
            entity,
            id: id.to_owned(),
            code: existing,
        });
    }
    if code.is_empty() {
        let (next, number) = propose_code(conn, prefix)?;
        *code = next;
        return Ok(Allocated(Some((prefix, number))));
    }
    if code_taken(conn, prefix, code)? {
        return Err(StoreError::DuplicateCode {
            entity,
            code: code.clone(),
        });
    }
    Ok(Allocated(None))
}

/// Moves the sequence past a code handed out by [`assign_identity`] (in the saving transaction).
pub(crate) fn reserve_code(conn: &Connection, allocated: Allocated) -> Result<(), StoreError> {
    let Allocated(Some((prefix, number))) = allocated else {
        return Ok(());
    };
    conn.prepare_cached("INSERT INTO code_sequence (prefix, last) VALUES (?1, ?2) ON CONFLICT (prefix) DO UPDATE SET last = excluded.last")?
        .execute(params![prefix.as_str(), i64::try_from(number).unwrap_or(i64::MAX)])?;
    Ok(())
}
