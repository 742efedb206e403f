//! The store's sync identity (issue 15): its programme and device ids (made once, the first
//! time they are asked for) and the hybrid logical clock's last stamp (tables `sync_identity`
//! and `sync_clock`, schema 9).

use rusqlite::{OptionalExtension, params};
use uuid::Uuid;

use super::codec::time_text;
use super::error::StoreError;
use super::store::Store;
use crate::domain::{DeviceId, Hlc, ProgrammeId};

/// Who this store is, for sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncIdentity {
    /// The programme the store belongs to.
    pub programme: ProgrammeId,
    /// This store's device id.
    pub device: DeviceId,
    /// The computer's name when the identity was made.
    pub device_name: String,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
}

impl Store {
    /// The store's sync identity, made (and kept) the first time it is asked for: a new
    /// programme and a new device. A store that joins a programme from a bundle takes the
    /// bundle's programme instead (issue 15's import).
    pub fn sync_identity(&mut self, device_name: &str) -> Result<SyncIdentity, StoreError> {
        let tx = self.conn.transaction()?;
        let found = read_identity(&tx)?;
        let identity = if let Some(found) = found {
            found
        } else {
            let made = SyncIdentity {
                programme: ProgrammeId(Uuid::new_v4()),
                device: DeviceId(Uuid::new_v4()),
                device_name: device_name.to_owned(),
                created_at: time_text(time::OffsetDateTime::now_utc()),
            };
            tx.execute(
                "INSERT INTO sync_identity (singleton, programme_id, device_id, device_name, created_at)
                 VALUES (1, ?1, ?2, ?3, ?4)",
                params![
                    made.programme.to_string(),
                    made.device.to_string(),
                    made.device_name,
                    made.created_at
                ],
            )?;
            made
        };
        tx.commit()?;
        Ok(identity)
    }

    /// The next hybrid-logical-clock stamp of this store at wall-clock `now_ms`, saved so the
    /// next one (after a restart too) comes after it.
    pub fn next_hlc(&mut self, device: DeviceId, now_ms: u64) -> Result<Hlc, StoreError> {
        let tx = self.conn.transaction()?;
        let last = last_hlc(&tx)?;
        let next = Hlc::tick(last, now_ms, device);
        save_hlc(&tx, next)?;
        tx.commit()?;
        Ok(next)
    }

    /// The clock's last stamp, if any change has been stamped.
    pub fn last_hlc(&self) -> Result<Option<Hlc>, StoreError> {
        last_hlc(&self.conn)
    }
}

fn read_identity(conn: &rusqlite::Connection) -> Result<Option<SyncIdentity>, StoreError> {
    let row: Option<(String, String, String, String)> = conn
        .query_row(
            "SELECT programme_id, device_id, device_name, created_at FROM sync_identity WHERE singleton = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((programme, device, device_name, created_at)) = row else {
        return Ok(None);
    };
    let bad = |detail: String| StoreError::BadRow {
        entity: "sync identity",
        code: String::new(),
        detail,
    };
    Ok(Some(SyncIdentity {
        programme: ProgrammeId(
            Uuid::parse_str(&programme).map_err(|e| bad(format!("programme id: {e}")))?,
        ),
        device: DeviceId(Uuid::parse_str(&device).map_err(|e| bad(format!("device id: {e}")))?),
        device_name,
        created_at,
    }))
}

fn last_hlc(conn: &rusqlite::Connection) -> Result<Option<Hlc>, StoreError> {
    let text: Option<String> = conn
        .query_row(
            "SELECT last_hlc FROM sync_clock WHERE singleton = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    text.map(|t| {
        Hlc::decode(&t).map_err(|e| StoreError::BadRow {
            entity: "sync clock",
            code: String::new(),
            detail: e.to_string(),
        })
    })
    .transpose()
}

fn save_hlc(conn: &rusqlite::Connection, stamp: Hlc) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_clock (singleton, last_hlc) VALUES (1, ?1)
         ON CONFLICT (singleton) DO UPDATE SET last_hlc = excluded.last_hlc",
        [stamp.encode()],
    )?;
    Ok(())
}
