//! The store's sync identity (issue 15): its programme and device ids (made once, the first
//! time they are asked for) and the hybrid logical clock's last stamp (tables `sync_identity`
//! and `sync_clock`, schema 9).

use rusqlite::{OptionalExtension, params};
use uuid::Uuid;

use super::clock::{last_hlc, save_hlc};
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
        let identity = if let Some(mut found) = found {
            if found.device_name.is_empty() && !device_name.is_empty() {
                // Made by a migration or a first change, before anyone asked: name it now.
                tx.execute(
                    "UPDATE sync_identity SET device_name = ?1 WHERE singleton = 1",
                    [device_name],
                )?;
                device_name.clone_into(&mut found.device_name);
            }
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

/// Another device of the programme, as this store knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncPeer {
    /// Its device id.
    pub device: String,
    /// Its name (the computer's), when it told us.
    pub name: String,
    /// When its last bundle was applied here (RFC 3339, UTC).
    pub last_received_at: Option<String>,
    /// Versions received from it, in total.
    pub received_versions: i64,
    /// When a bundle for it was last written here.
    pub last_sent_at: Option<String>,
    /// Versions sent to it, in total.
    pub sent_versions: i64,
}

impl Store {
    /// The other devices this store has heard of or written for, by name.
    pub fn sync_peers(&self) -> Result<Vec<SyncPeer>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT device_id, device_name, last_received_at, received_versions, last_sent_at,
                    sent_versions
             FROM sync_peer ORDER BY device_name, device_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SyncPeer {
                device: r.get(0)?,
                name: r.get(1)?,
                last_received_at: r.get(2)?,
                received_versions: r.get(3)?,
                last_sent_at: r.get(4)?,
                sent_versions: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
