//! This store's sync identity and clock, for the change log (issue 15): the programme and device
//! ids, the hybrid logical clock's saved stamp, each device's running number of versions, and the
//! schema-10 step that gives every record already in a store its first version. No record
//! module is used here (the migrations call it).

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::codec::now_text;
use super::error::StoreError;
use crate::domain::{DeviceId, Hlc, ProgrammeId, RecordKind};

fn bad(entity: &'static str, detail: String) -> StoreError {
    StoreError::BadRow {
        entity,
        code: String::new(),
        detail,
    }
}

/// The table holding a kind's current rows.
pub(crate) fn table_of(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Land => "land",
        RecordKind::Activity => "activity",
        RecordKind::HazardReport => "hazard_report",
    }
}

/// This store's programme and device, made (random UUIDs, no name yet) if the store has none.
pub(crate) fn ensure_identity(conn: &Connection) -> Result<(ProgrammeId, DeviceId), StoreError> {
    let found: Option<(String, String)> = conn
        .prepare_cached("SELECT programme_id, device_id FROM sync_identity WHERE singleton = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((programme, device)) = found {
        let parse = |text: &str, what: &str| {
            Uuid::parse_str(text).map_err(|e| bad("sync identity", format!("{what}: {e}")))
        };
        return Ok((
            ProgrammeId(parse(&programme, "programme id")?),
            DeviceId(parse(&device, "device id")?),
        ));
    }
    let made = (ProgrammeId(Uuid::new_v4()), DeviceId(Uuid::new_v4()));
    conn.execute(
        "INSERT INTO sync_identity (singleton, programme_id, device_id, device_name, created_at)
         VALUES (1, ?1, ?2, '', ?3)",
        params![made.0.to_string(), made.1.to_string(), now_text()],
    )?;
    Ok(made)
}

/// The clock's last stamp.
pub(crate) fn last_hlc(conn: &Connection) -> Result<Option<Hlc>, StoreError> {
    let text: Option<String> = conn
        .prepare_cached("SELECT last_hlc FROM sync_clock WHERE singleton = 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    text.map(|t| Hlc::decode(&t).map_err(|e| bad("sync clock", e.to_string())))
        .transpose()
}

/// Saves the clock's last stamp.
pub(crate) fn save_hlc(conn: &Connection, stamp: Hlc) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO sync_clock (singleton, last_hlc) VALUES (1, ?1)
         ON CONFLICT (singleton) DO UPDATE SET last_hlc = excluded.last_hlc",
    )?
    .execute([stamp.encode()])?;
    Ok(())
}

/// Milliseconds since 1970 on this computer's clock.
pub(crate) fn wall_ms() -> u64 {
    let nanos = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    u64::try_from(nanos).unwrap_or(0)
}

/// This store's device and the clock's next stamp (saved), for a local change: one read of the
/// identity and the clock together, one write of the clock.
pub(crate) fn device_and_next_stamp(conn: &Connection) -> Result<(DeviceId, Hlc), StoreError> {
    let found: Option<(String, Option<String>)> = conn
        .prepare_cached(
            "SELECT i.device_id, c.last_hlc FROM sync_identity i
             LEFT JOIN sync_clock c ON c.singleton = 1 WHERE i.singleton = 1",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (device, last) = match found {
        Some((device, last)) => (
            DeviceId(
                Uuid::parse_str(&device)
                    .map_err(|e| bad("sync identity", format!("device id: {e}")))?,
            ),
            last.map(|t| Hlc::decode(&t).map_err(|e| bad("sync clock", e.to_string())))
                .transpose()?,
        ),
        None => (ensure_identity(conn)?.1, last_hlc(conn)?),
    };
    let stamp = Hlc::tick(last, wall_ms(), device);
    save_hlc(conn, stamp)?;
    Ok((device, stamp))
}

/// The next running number of `device`'s versions in this store.
pub(crate) fn next_origin_seq(conn: &Connection, device: DeviceId) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT COALESCE(MAX(origin_seq), 0) + 1 FROM record_version WHERE origin_device = ?1",
        )?
        .query_row([device.to_string()], |r| r.get(0))?)
}

/// Schema 10's migration step: one version for every record already in the store (its state
/// now; the audit trail keeps how it got there), made by this store's device.
pub(crate) fn backfill(conn: &Connection) -> Result<(), StoreError> {
    let (_, device) = ensure_identity(conn)?;
    let mut stamp = last_hlc(conn)?;
    let mut seq: i64 = next_origin_seq(conn, device)?;
    let now = now_text();
    for kind in RecordKind::ALL {
        let table = table_of(kind);
        let rows: Vec<(String, bool)> = conn
            .prepare(&format!(
                "SELECT id, deleted_at IS NOT NULL FROM {table} WHERE version_id IS NULL ORDER BY rowid"
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut insert = conn.prepare(
            "INSERT INTO record_version (version_id, record_type, record_id, bases, hlc,
                origin_device, origin_seq, state, body_json, received_at)
             VALUES (?1, ?2, ?3, '[]', ?4, ?5, ?6, ?7, NULL, ?8)",
        )?;
        let mut head =
            conn.prepare("INSERT INTO record_head (record_id, version_id) VALUES (?1, ?2)")?;
        let mut name =
            conn.prepare(&format!("UPDATE {table} SET version_id = ?2 WHERE id = ?1"))?;
        for (id, deleted) in rows {
            let next = Hlc::tick(stamp, wall_ms(), device);
            stamp = Some(next);
            let version = Uuid::now_v7().to_string();
            insert.execute(params![
                version,
                kind.code(),
                id,
                next.encode(),
                device.to_string(),
                seq,
                if deleted { "deleted" } else { "live" },
                now,
            ])?;
            seq += 1;
            head.execute(params![id, version])?;
            name.execute(params![id, version])?;
        }
    }
    if let Some(s) = stamp {
        save_hlc(conn, s)?;
    }
    Ok(())
}
