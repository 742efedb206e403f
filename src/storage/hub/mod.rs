//! The programme's hub on PostgreSQL/PostGIS (issue 16): one more sync peer, speaking the
//! bundle's versions and running the same merge. The only module that names `postgres`.
//!
//! **Sync** ([`Store::sync_hub`]), in three steps, each in its own transactions:
//! 1. *Pull*: the versions pushed after this store's cursor (a `REPEATABLE READ` snapshot that
//!    also reads the push counter, so the cursor never skips a version), applied like a bundle
//!    ([`Store::apply_bundle`]: parked until their bases arrive, records rebuilt from their
//!    heads, lands recomputed), with the new cursor, in one `SQLite` transaction.
//! 2. *Push*, in one `PostgreSQL` transaction: take the next push number by updating the counter
//!    row (this also waits for any other push to finish, so pushes commit in number order); pull
//!    what was pushed since step 1 (it is committed: applying it here is safe); send this store's
//!    versions the hub lacks (`ON CONFLICT DO NOTHING`: a repeated push is harmless); and write
//!    the current state of every record they touch — rebuilt by this store from exactly the
//!    hub's versions and its own, with the same domain merge as a bundle import — into `lands`,
//!    `activities`, `hazard_reports` and `conflicts`. Commit.
//! 3. Mark the sent versions and move the cursor (one `SQLite` transaction).
//!
//! Interrupted anywhere, nothing is half-applied: each step's transaction commits whole or not at
//! all, and the next sync repeats what the hub or the store does not yet hold.
//!
//! **Who owns a record**: the organisation of the hub user who first pushed it. A version of a
//! record another organisation owns is not sent (row-level security would refuse it); the sync
//! says how many.

pub mod connect;
mod schema;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use postgres::{Client, IsolationLevel};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

pub use super::hub_error::HubError;
pub use connect::HubTarget;
pub use schema::{HUB_FORMAT, HUB_SCHEMA_VERSION, ROLES};

use super::bodies::{
    load_activity_including_voided, load_land_including_deleted, load_report_including_voided,
};
use super::bundle::{Bundle, BundleImport, WirePhoto, WireVersion, hex, local_wire_versions};
use super::codec::now_text;
use super::error::StoreError;
use super::gpkg::GpkgValue;
use super::layers::{activity_row, land_row, report_row};
use super::store::Store;
use crate::domain::RecordKind;
use crate::geometry::geodesic_area_m2;
use crate::io::wkb::{encode_multipolygon, encode_point};

/// A `postgres` error in words, with the target for context.
trait PgContext<T> {
    fn on(self, target: &HubTarget) -> Result<T, HubError>;
}

impl<T> PgContext<T> for Result<T, postgres::Error> {
    fn on(self, target: &HubTarget) -> Result<T, HubError> {
        self.map_err(|e| HubError::from_pg(&e, &target.server(), &target.user))
    }
}

/// What `hub init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubInit {
    /// The hub's id.
    pub hub_id: String,
    /// The schema version it was at before (`None`: created now).
    pub was_at: Option<i64>,
    /// The schema version now.
    pub schema_version: i64,
}

/// Reads `hub_meta` if the database is a hub.
fn read_meta(
    client: &mut Client,
    target: &HubTarget,
) -> Result<Option<BTreeMap<String, String>>, HubError> {
    let exists: bool = client
        .query_one("SELECT to_regclass('safeground.hub_meta') IS NOT NULL", &[])
        .on(target)?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let rows = client
        .query("SELECT key, value FROM safeground.hub_meta", &[])
        .on(target)?;
    Ok(Some(
        rows.iter()
            .map(|r| (r.get::<_, String>(0), r.get::<_, String>(1)))
            .collect(),
    ))
}

fn schema_version(meta: &BTreeMap<String, String>) -> i64 {
    meta.get("schema_version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Creates (or upgrades) the hub schema in the database `target` names, in one transaction per
/// migration. Refuses a database that holds other tables, and a hub of a newer schema.
pub fn hub_init(target: &HubTarget) -> Result<HubInit, HubError> {
    let mut client = target.connect()?;
    let meta = read_meta(&mut client, target)?;
    let (hub_id, was_at) = if let Some(meta) = &meta {
        if meta.get("format").map(String::as_str) != Some(HUB_FORMAT) {
            return Err(HubError::NotAHub(
                "a safeground schema of another kind".to_owned(),
            ));
        }
        let v = schema_version(meta);
        if v > HUB_SCHEMA_VERSION {
            return Err(HubError::NewerHub {
                hub: v,
                ours: HUB_SCHEMA_VERSION,
            });
        }
        (meta.get("hub_id").cloned().unwrap_or_default(), Some(v))
    } else {
        // Not a hub: it must hold nothing but PostGIS's own tables.
        let others: Vec<String> = client
            .query(
                "SELECT n.nspname || '.' || c.relname FROM pg_class c
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                   AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'topology', 'tiger', 'tiger_data')
                   AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
                   AND NOT (n.nspname = 'public' AND c.relname IN
                        ('spatial_ref_sys', 'geometry_columns', 'geography_columns', 'raster_columns', 'raster_overviews'))
                 ORDER BY 1 LIMIT 3",
                &[],
            )
            .on(target)?
            .iter()
            .map(|r| r.get(0))
            .collect();
        if !others.is_empty() {
            return Err(HubError::NotAHub(others.join(", ")));
        }
        (Uuid::new_v4().to_string(), None)
    };
    let has_postgis: bool = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis')",
            &[],
        )
        .on(target)?
        .get(0);
    if !has_postgis {
        client
            .batch_execute("CREATE EXTENSION IF NOT EXISTS postgis")
            .map_err(|e| {
                HubError::NoPostgis(
                    HubError::from_pg(&e, &target.server(), &target.user).to_string(),
                )
            })?;
    }
    let member = member_role(&hub_id);
    let from = was_at.unwrap_or(0);
    for version in (from + 1)..=HUB_SCHEMA_VERSION {
        let Some(sql) = schema::migration(version, &member) else {
            break;
        };
        let mut tx = client.transaction().on(target)?;
        if version == 1 {
            let exists: bool = tx
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                    &[&member],
                )
                .on(target)?
                .get(0);
            if !exists {
                tx.batch_execute(&format!("CREATE ROLE {member} NOLOGIN"))
                    .on(target)?;
            }
        }
        tx.batch_execute(&sql).on(target)?;
        if version == 1 {
            tx.execute(
                "INSERT INTO safeground.hub_meta (key, value) VALUES
                    ('format', $1), ('hub_id', $2), ('programme_id', ''), ('member_role', $3),
                    ('schema_version', '0'), ('created_at', now()::text)",
                &[&HUB_FORMAT, &hub_id, &member],
            )
            .on(target)?;
        }
        tx.execute(
            "UPDATE safeground.hub_meta SET value = $1 WHERE key = 'schema_version'",
            &[&version.to_string()],
        )
        .on(target)?;
        tx.commit().on(target)?;
    }
    Ok(HubInit {
        hub_id,
        was_at,
        schema_version: HUB_SCHEMA_VERSION,
    })
}

/// The group role of a hub's users (roles are shared by every database of a server).
fn member_role(hub_id: &str) -> String {
    let hex: String = hub_id
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(12)
        .collect();
    format!("safeground_hub_{hex}")
}

/// Checks a hub user's name: a plain `PostgreSQL` identifier.
fn check_role_name(name: &str) -> Result<(), HubError> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok && !name.starts_with("pg_") && !name.starts_with("safeground_hub_") {
        Ok(())
    } else {
        Err(HubError::Invalid {
            field: "NAME",
            why: "a hub user's name is 1 to 63 lower-case letters, digits and _, starting with a letter (not pg_…)".to_owned(),
        })
    }
}

/// Creates a login role for a person (or gives an existing role a hub membership), with their
/// organisation and role. `password` is set on a new role only. Run as the hub's owner.
/// Returns whether the login role was created now.
pub fn hub_add_user(
    target: &HubTarget,
    name: &str,
    organisation: &str,
    role: &str,
    password: Option<&str>,
) -> Result<bool, HubError> {
    check_role_name(name)?;
    let organisation = organisation.trim();
    if organisation.is_empty() || organisation.len() > 200 {
        return Err(HubError::Invalid {
            field: "--organisation",
            why: "give the organisation's name (1 to 200 characters)".to_owned(),
        });
    }
    if !ROLES.contains(&role) {
        return Err(HubError::Invalid {
            field: "--role",
            why: format!("must be one of {}", ROLES.join(", ")),
        });
    }
    let mut client = target.connect()?;
    let Some(meta) = read_meta(&mut client, target)? else {
        return Err(HubError::NotInitialised);
    };
    let member = meta
        .get("member_role")
        .cloned()
        .unwrap_or_else(|| member_role(meta.get("hub_id").map_or("", String::as_str)));
    let mut tx = client.transaction().on(target)?;
    let exists: bool = tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&name],
        )
        .on(target)?
        .get(0);
    if !exists {
        let Some(password) = password.filter(|p| !p.is_empty()) else {
            return Err(HubError::Invalid {
                field: "password",
                why: "a new user needs a password (asked at the prompt, or SAFEGROUND_HUB_NEW_PASSWORD)".to_owned(),
            });
        };
        let sql: String = tx
            .query_one(
                "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT', $1::text, $2::text)",
                &[&name, &password],
            )
            .on(target)?
            .get(0);
        tx.batch_execute(&sql).on(target)?;
    }
    let grant: String = tx
        .query_one(
            "SELECT format('GRANT %I TO %I', $1::text, $2::text)",
            &[&member, &name],
        )
        .on(target)?
        .get(0);
    tx.batch_execute(&grant).on(target)?;
    // NOINHERIT keeps a new login from owning anything by inheritance; it uses the member
    // role's rights through membership, which needs INHERIT for table grants.
    let inherit: String = tx
        .query_one("SELECT format('ALTER ROLE %I INHERIT', $1::text)", &[&name])
        .on(target)?
        .get(0);
    tx.batch_execute(&inherit).on(target)?;
    tx.execute(
        "INSERT INTO safeground.hub_user (role_name, organisation, role) VALUES ($1, $2, $3)
         ON CONFLICT (role_name) DO UPDATE SET organisation = excluded.organisation, role = excluded.role",
        &[&name, &organisation, &role],
    )
    .on(target)?;
    tx.commit().on(target)?;
    Ok(!exists)
}

/// What the hub holds, as the login sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubStatus {
    /// The hub's id.
    pub hub_id: String,
    /// Its programme (empty until the first push).
    pub programme: String,
    /// Its schema version.
    pub schema_version: i64,
    /// The login.
    pub user: String,
    /// The login's organisation (empty: not a hub user).
    pub organisation: String,
    /// The login's role.
    pub role: String,
    /// Lands, activities, hazard reports, versions and open conflicts this login can see.
    pub counts: [i64; 5],
    /// The last push number.
    pub last_push: i64,
}

/// Reads the hub's identity and what the login can see.
pub fn hub_status(target: &HubTarget) -> Result<HubStatus, HubError> {
    let mut client = target.connect()?;
    let meta = checked_meta(&mut client, target)?;
    let who = client
        .query_one(
            "SELECT coalesce(safeground.organisation_of(current_user), ''),
                    coalesce(safeground.role_of(current_user), ''),
                    (SELECT count(*) FROM safeground.lands),
                    (SELECT count(*) FROM safeground.activities),
                    (SELECT count(*) FROM safeground.hazard_reports),
                    (SELECT count(*) FROM safeground.record_version),
                    (SELECT count(*) FROM safeground.conflicts),
                    (SELECT n FROM safeground.push_counter)",
            &[],
        )
        .on(target)?;
    Ok(HubStatus {
        hub_id: meta.get("hub_id").cloned().unwrap_or_default(),
        programme: meta.get("programme_id").cloned().unwrap_or_default(),
        schema_version: schema_version(&meta),
        user: target.user.clone(),
        organisation: who.get(0),
        role: who.get(1),
        counts: [who.get(2), who.get(3), who.get(4), who.get(5), who.get(6)],
        last_push: who.get(7),
    })
}

/// `hub_meta`, checked: a hub, of a schema this build reads.
fn checked_meta(
    client: &mut Client,
    target: &HubTarget,
) -> Result<BTreeMap<String, String>, HubError> {
    let Some(meta) = read_meta(client, target)? else {
        return Err(HubError::NotInitialised);
    };
    if meta.get("format").map(String::as_str) != Some(HUB_FORMAT) {
        return Err(HubError::NotAHub(
            "a safeground schema of another kind".to_owned(),
        ));
    }
    let v = schema_version(&meta);
    if v > HUB_SCHEMA_VERSION {
        return Err(HubError::NewerHub {
            hub: v,
            ours: HUB_SCHEMA_VERSION,
        });
    }
    if v < HUB_SCHEMA_VERSION {
        return Err(HubError::Server(format!(
            "the hub has schema {v}; its administrator must run `safeground hub init URL` to upgrade it to {HUB_SCHEMA_VERSION}"
        )));
    }
    Ok(meta)
}

/// Where a sync is, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HubStage {
    /// Connecting and checking the hub.
    Connecting,
    /// Receiving and applying this many versions.
    Pulling(usize),
    /// Sending this many versions.
    Pushing(usize),
}

/// What a sync with the hub did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HubSync {
    /// The hub, as shown (no password).
    pub url: String,
    /// What the pull (and the catch-up inside the push) applied.
    pub pulled: BundleImport,
    /// Versions sent.
    pub pushed: usize,
    /// The push number the hub gave them.
    pub push_seq: Option<i64>,
    /// Versions of records another organisation owns (not sent).
    pub not_ours: usize,
    /// Versions not sent because the login's role only reads.
    pub read_only_unsent: usize,
    /// The login's organisation and role on the hub.
    pub organisation: String,
    /// The login's role.
    pub role: String,
    /// The store joined the hub's programme (it was empty).
    pub joined: bool,
}

/// One line: what a sync did.
pub fn hub_summary(s: &HubSync) -> String {
    let versions = |n: usize| format!("{n} {}", if n == 1 { "version" } else { "versions" });
    let mut line = format!(
        "received {} (records: {} new, {} updated, {} merged); sent {}",
        versions(s.pulled.versions_new).replacen(' ', " new ", 1),
        s.pulled.records_new,
        s.pulled.records_updated,
        s.pulled.records_merged,
        versions(s.pushed)
    );
    if let Some(n) = s.push_seq {
        write!(line, " (push {n})").ok();
    }
    write!(
        line,
        "; {} conflicts open; {} parked",
        s.pulled.conflicts_open, s.pulled.parked
    )
    .ok();
    if s.not_ours > 0 {
        write!(
            line,
            "; {} changes to another organisation's records not sent",
            s.not_ours
        )
        .ok();
    }
    if !s.pulled.skipped.is_empty() {
        write!(
            line,
            "; {} changes on the hub cannot be read and were left there (first: {})",
            s.pulled.skipped.len(),
            s.pulled.skipped.first().map_or("", String::as_str)
        )
        .ok();
    }
    if s.read_only_unsent > 0 {
        write!(
            line,
            "; {} local changes not sent (the {} role reads only)",
            s.read_only_unsent, s.role
        )
        .ok();
    }
    line
}

/// This store's link to its hub, as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubLink {
    /// The hub's URL (no password).
    pub url: String,
    /// The login.
    pub user: String,
    /// Its organisation on the hub.
    pub organisation: String,
    /// Its role.
    pub role: String,
    /// The hub's push number this store has received up to.
    pub cursor: i64,
    /// When the last sync ended (RFC 3339, UTC).
    pub last_sync_at: Option<String>,
    /// `ok` or `failed`.
    pub last_outcome: String,
    /// What it did, or why it failed.
    pub last_summary: String,
}

/// The login's organisation and role, or [`HubError::NotAUser`].
fn whoami(client: &mut Client, target: &HubTarget) -> Result<(String, String), HubError> {
    let row = client
        .query_one(
            "SELECT safeground.organisation_of(current_user), safeground.role_of(current_user)",
            &[],
        )
        .on(target)?;
    match (
        row.get::<_, Option<String>>(0),
        row.get::<_, Option<String>>(1),
    ) {
        (Some(org), Some(role)) => Ok((org, role)),
        _ => Err(HubError::NotAUser {
            user: target.user.clone(),
        }),
    }
}

/// The hub's versions with a push number in `(after, upto]` (all of them when `upto` is
/// `None`), with the device names and the photos of those pushes, as an in-memory bundle.
fn fetch(
    client: &mut impl postgres::GenericClient,
    target: &HubTarget,
    programme: &str,
    after: i64,
    upto: i64,
) -> Result<Bundle, HubError> {
    let rows = client
        .query(
            "SELECT version_id, record_type, record_id, bases, hlc, origin_device, origin_seq, who,
                    state, state_reason, open_conflicts, body_json, push_seq
             FROM safeground.record_version WHERE push_seq > $1 AND push_seq <= $2
             ORDER BY push_seq, push_pos",
            &[&after, &upto],
        )
        .on(target)?;
    let versions: Vec<WireVersion> = rows
        .iter()
        .map(|r| WireVersion {
            version_id: r.get(0),
            record_type: r.get(1),
            record_id: r.get(2),
            bases: r.get(3),
            hlc: r.get(4),
            origin_device: r.get(5),
            origin_seq: r.get(6),
            who: r.get(7),
            state: r.get(8),
            state_reason: r.get(9),
            open_conflicts: r.get(10),
            body_json: r.get(11),
            hub_seq: Some(r.get(12)),
        })
        .collect();
    let devices: Vec<(String, String)> = client
        .query("SELECT device_id, device_name FROM safeground.device", &[])
        .on(target)?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let photos: Vec<WirePhoto> = client
        .query(
            "SELECT id, report_id, file_name, media_type, caption, bytes, added_at, deleted_at
             FROM safeground.photo WHERE push_seq > $1 AND push_seq <= $2 ORDER BY id",
            &[&after, &upto],
        )
        .on(target)?
        .iter()
        .map(|r| WirePhoto {
            id: r.get(0),
            report_id: r.get(1),
            file_name: r.get(2),
            media_type: r.get(3),
            caption: r.get(4),
            bytes: r.get(5),
            added_at: r.get(6),
            deleted_at: r.get(7),
        })
        .collect();
    let mut meta = BTreeMap::new();
    meta.insert("programme".to_owned(), programme.to_owned());
    meta.insert("sender_name".to_owned(), target.display_url.clone());
    Ok(Bundle {
        meta,
        devices,
        versions,
        photos,
    })
}

/// A record the push writes into the hub's current-state tables.
struct Touched {
    kind: RecordKind,
    id: String,
}

impl Store {
    /// This store's hub link, if it has synced with a hub.
    pub fn hub_link(&self) -> Result<Option<HubLink>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT url, user_name, organisation, role, cursor, last_sync_at, last_outcome,
                        last_summary FROM hub_link WHERE singleton = 1",
                [],
                |r| {
                    Ok(HubLink {
                        url: r.get(0)?,
                        user: r.get(1)?,
                        organisation: r.get(2)?,
                        role: r.get(3)?,
                        cursor: r.get(4)?,
                        last_sync_at: r.get(5)?,
                        last_outcome: r.get(6)?,
                        last_summary: r.get(7)?,
                    })
                },
            )
            .optional()?)
    }

    /// Syncs with the hub: pull, push, mark (see the module documentation). The outcome (or the
    /// failure) is remembered in the hub link for the app (not in the bundle import log: a hub
    /// out of reach is not a refused bundle).
    pub fn sync_hub(
        &mut self,
        target: &HubTarget,
        device_name: &str,
        progress: &mut dyn FnMut(HubStage),
    ) -> Result<HubSync, StoreError> {
        let result = self.sync_hub_inner(target, device_name, progress);
        let (outcome, summary) = match &result {
            Ok(s) => ("ok", hub_summary(s)),
            Err(e) => ("failed", e.to_string()),
        };
        self.conn.execute(
            "UPDATE hub_link SET last_sync_at = ?1, last_outcome = ?2, last_summary = ?3
             WHERE singleton = 1",
            params![now_text(), outcome, summary],
        )?;
        result
    }

    fn sync_hub_inner(
        &mut self,
        target: &HubTarget,
        device_name: &str,
        progress: &mut dyn FnMut(HubStage),
    ) -> Result<HubSync, StoreError> {
        progress(HubStage::Connecting);
        let mut client = target.connect()?;
        let meta = checked_meta(&mut client, target)?;
        let (organisation, role) = whoami(&mut client, target)?;
        let identity = self.sync_identity(device_name)?;
        let hub_id = meta.get("hub_id").cloned().unwrap_or_default();
        let mut hub_programme = meta.get("programme_id").cloned().unwrap_or_default();
        let store_empty: bool = self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM record_version) AND NOT EXISTS (SELECT 1 FROM land)",
            [],
            |r| r.get(0),
        )?;
        let mut summary = HubSync {
            url: target.display_url.clone(),
            organisation: organisation.clone(),
            role: role.clone(),
            ..HubSync::default()
        };
        if !hub_programme.is_empty() && hub_programme != identity.programme.to_string() {
            if !store_empty {
                return Err(HubError::OtherProgramme {
                    hub: hub_programme,
                    store: identity.programme.to_string(),
                }
                .into());
            }
            summary.joined = true;
        }
        self.link_hub(&hub_id, target, &organisation, &role)?;
        let (mut cursor, pushed_to_seq): (i64, i64) = self.conn.query_row(
            "SELECT cursor, pushed_to_seq FROM hub_link WHERE singleton = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;

        // 1. Pull, from a snapshot that also reads the counter.
        {
            let mut tx = client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
                .on(target)?;
            let upto: i64 = tx
                .query_one("SELECT n FROM safeground.push_counter", &[])
                .on(target)?
                .get(0);
            let programme = if hub_programme.is_empty() {
                identity.programme.to_string()
            } else {
                hub_programme.clone()
            };
            let bundle = fetch(&mut tx, target, &programme, cursor, upto)?;
            tx.commit().on(target)?;
            progress(HubStage::Pulling(bundle.versions.len()));
            summary.pulled = self.apply_from_hub(target, &bundle, summary.joined, upto)?;
            cursor = upto;
        }

        // 2. Push.
        let candidates = local_wire_versions(&self.conn, pushed_to_seq, true, |_, _| false)?;
        let first_parked: Option<i64> = self.conn.query_row(
            "SELECT MIN(seq) FROM record_version WHERE seq > ?1 AND parked = 1",
            [pushed_to_seq],
            |r| r.get(0),
        )?;
        // Versions behind a parked one are looked at again next time.
        let candidates: Vec<(i64, WireVersion)> = candidates
            .into_iter()
            .filter(|(seq, _)| first_parked.is_none_or(|p| *seq < p))
            .collect();
        let new_mark = candidates
            .last()
            .map_or(pushed_to_seq, |(seq, _)| *seq)
            .max(pushed_to_seq);
        if candidates.is_empty() {
            self.finish_sync(cursor, new_mark, &[], None)?;
            return Ok(summary);
        }
        if !matches!(role.as_str(), "surveyor" | "im_officer") {
            summary.read_only_unsent = candidates.len();
            self.finish_sync(cursor, pushed_to_seq, &[], None)?;
            return Ok(summary);
        }
        progress(HubStage::Pushing(candidates.len()));
        let mut tx = client.transaction().on(target)?;
        let n: i64 = tx
            .query_one("SELECT safeground.next_push()", &[])
            .on(target)?
            .get(0);
        hub_programme = tx
            .query_one(
                "SELECT safeground.claim_programme($1)",
                &[&identity.programme.to_string()],
            )
            .on(target)?
            .get(0);
        if hub_programme != identity.programme.to_string() {
            return Err(HubError::OtherProgramme {
                hub: hub_programme,
                store: identity.programme.to_string(),
            }
            .into());
        }
        // What others pushed since the pull: committed, so applying it here is safe.
        let late = fetch(&mut tx, target, &hub_programme, cursor, n - 1)?;
        if !late.versions.is_empty() {
            let more = self.apply_from_hub(target, &late, false, n - 1)?;
            add_import(&mut summary.pulled, &more);
        }
        // Which records this organisation owns (the first pusher's organisation).
        let mut record_ids: Vec<String> = Vec::new();
        let mut record_types: Vec<String> = Vec::new();
        let mut seen = BTreeSet::new();
        for (_, v) in &candidates {
            if seen.insert(v.record_id.clone()) {
                record_ids.push(v.record_id.clone());
                record_types.push(v.record_type.clone());
            }
        }
        tx.execute(
            "INSERT INTO safeground.record_owner (record_id, record_type, organisation)
             SELECT id, t, $3 FROM unnest($1::text[], $2::text[]) AS u(id, t)
             ON CONFLICT (record_id) DO NOTHING",
            &[&record_ids, &record_types, &organisation],
        )
        .on(target)?;
        let ours: BTreeSet<String> = tx
            .query(
                "SELECT record_id FROM safeground.record_owner WHERE record_id = ANY($1)",
                &[&record_ids],
            )
            .on(target)?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let (sending, foreign): (Vec<&WireVersion>, Vec<&WireVersion>) = candidates
            .iter()
            .map(|(_, v)| v)
            .partition(|v| ours.contains(&v.record_id));
        summary.not_ours = foreign.len();
        if sending.is_empty() {
            tx.rollback().on(target)?;
            self.finish_sync(cursor, new_mark, &[], None)?;
            return Ok(summary);
        }
        copy_versions(&mut tx, target, &sending)?;
        let clash: Option<String> = tx
            .query_opt(
                "SELECT i.origin_device || ' ' || i.origin_seq FROM sg_in_version i
                 JOIN safeground.record_version r ON r.origin_device = i.origin_device
                    AND r.origin_seq = i.origin_seq AND r.version_id <> i.version_id LIMIT 1",
                &[],
            )
            .on(target)?
            .map(|r| r.get(0));
        if let Some(clash) = clash {
            return Err(HubError::BadVersion(format!(
                "device and running number {clash} name two different changes (was one store copied onto two laptops, or restored from a backup after syncing?)"
            ))
            .into());
        }
        let sent = tx
            .execute(
                "INSERT INTO safeground.record_version
                 SELECT version_id, record_type, record_id, bases, hlc, origin_device, origin_seq,
                        who, state, state_reason, open_conflicts, body_json, $1, $2, pos
                 FROM sg_in_version ON CONFLICT DO NOTHING",
                &[&organisation, &n],
            )
            .on(target)?;
        let touched = self.touched_records(&sending)?;
        self.write_current_state(&mut tx, target, &touched, &organisation, n)?;
        tx.execute(
            "SELECT safeground.log_push($1, $2, $3, $4)",
            &[
                &n,
                &identity.device.to_string(),
                &identity.device_name,
                &i32::try_from(sent).unwrap_or(i32::MAX),
            ],
        )
        .on(target)?;
        tx.commit().on(target)?;
        summary.pushed = usize::try_from(sent).unwrap_or(usize::MAX);
        summary.push_seq = Some(n);
        let sent_ids: Vec<&str> = sending.iter().map(|v| v.version_id.as_str()).collect();
        self.finish_sync(n, new_mark, &sent_ids, Some(n))?;
        Ok(summary)
    }

    /// Makes (or keeps) the store's link to this hub; a store moved to another hub forgets what
    /// it knew of the old one.
    fn link_hub(
        &mut self,
        hub_id: &str,
        target: &HubTarget,
        organisation: &str,
        role: &str,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let known: Option<String> = tx
            .query_row("SELECT hub_id FROM hub_link WHERE singleton = 1", [], |r| {
                r.get(0)
            })
            .optional()?;
        if known.as_deref() != Some(hub_id) {
            tx.execute("DELETE FROM hub_link", [])?;
            tx.execute(
                "UPDATE record_version SET hub_seq = NULL WHERE hub_seq IS NOT NULL",
                [],
            )?;
            tx.execute(
                "INSERT INTO hub_link (singleton, hub_id, url, user_name) VALUES (1, ?1, ?2, ?3)",
                params![hub_id, target.display_url, target.user],
            )?;
        }
        tx.execute(
            "UPDATE hub_link SET url = ?1, user_name = ?2, organisation = ?3, role = ?4 WHERE singleton = 1",
            params![target.display_url, target.user, organisation, role],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Applies versions pulled from the hub, and moves the cursor to `upto`, in one transaction.
    fn apply_from_hub(
        &mut self,
        target: &HubTarget,
        bundle: &Bundle,
        joined: bool,
        upto: i64,
    ) -> Result<BundleImport, StoreError> {
        let identity = self.sync_identity("")?;
        let programme = bundle.meta.get("programme").cloned().unwrap_or_default();
        let report = BundleImport {
            sender_name: target.display_url.clone(),
            versions_in_bundle: bundle.versions.len(),
            joined,
            ..BundleImport::default()
        };
        let source = Path::new(&target.display_url).to_owned();
        self.conn.pragma_update(None, "cache_size", -262_144)?;
        let result = self.apply_bundle(&source, bundle, &identity, &programme, report, Some(upto));
        self.conn.pragma_update(None, "cache_size", -65_536)?;
        result.map_err(|e| match e {
            StoreError::Bundle { detail, .. } => HubError::BadVersion(detail).into(),
            other => other,
        })
    }

    /// Marks the versions the hub now holds and moves the cursor and the push mark.
    fn finish_sync(
        &mut self,
        cursor: i64,
        pushed_to_seq: i64,
        sent: &[&str],
        push_seq: Option<i64>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        if let Some(n) = push_seq {
            let mut mark =
                tx.prepare_cached("UPDATE record_version SET hub_seq = ?2 WHERE version_id = ?1")?;
            for id in sent {
                mark.execute(params![id, n])?;
            }
        }
        tx.execute(
            "UPDATE hub_link SET cursor = max(cursor, ?1), pushed_to_seq = max(pushed_to_seq, ?2)
             WHERE singleton = 1",
            params![cursor, pushed_to_seq],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The records whose current state a push writes: those of the versions sent, the lands of
    /// sent activities, and records that gave up their code to one of them.
    fn touched_records(&self, sending: &[&WireVersion]) -> Result<Vec<Touched>, StoreError> {
        let mut out: BTreeMap<String, RecordKind> = BTreeMap::new();
        for v in sending {
            if let Some(kind) = RecordKind::from_code(&v.record_type) {
                out.insert(v.record_id.clone(), kind);
                if kind == RecordKind::Activity {
                    let land: Option<String> = self
                        .conn
                        .prepare_cached("SELECT land_id FROM activity WHERE id = ?1")?
                        .query_row([&v.record_id], |r| r.get(0))
                        .optional()?;
                    if let Some(land) = land {
                        out.insert(land, RecordKind::Land);
                    }
                }
            }
        }
        let mut renamed = Vec::new();
        for (id, kind) in &out {
            let code: Option<String> = self
                .conn
                .prepare_cached(&format!(
                    "SELECT code FROM {} WHERE id = ?1",
                    super::versions::table_of(*kind)
                ))?
                .query_row([id], |r| r.get(0))
                .optional()?;
            if let Some(code) = code {
                let losers: Vec<String> = self
                    .conn
                    .prepare_cached(
                        "SELECT record_id FROM code_alias WHERE code = ?1 AND record_type = ?2",
                    )?
                    .query_map(params![code, kind.code()], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for l in losers {
                    renamed.push((l, *kind));
                }
            }
        }
        out.extend(renamed);
        Ok(out
            .into_iter()
            .map(|(id, kind)| Touched { kind, id })
            .collect())
    }

    /// Writes the current state of `touched` records (as this store holds them) into the hub's
    /// `lands`, `activities`, `hazard_reports`, `conflicts` and `photo`.
    fn write_current_state(
        &self,
        tx: &mut postgres::Transaction<'_>,
        target: &HubTarget,
        touched: &[Touched],
        organisation: &str,
        n: i64,
    ) -> Result<(), StoreError> {
        let conn = &self.conn;
        let mut rows: BTreeMap<&'static str, (String, Vec<String>)> = BTreeMap::new();
        let mut gone: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        let mut record_ids: Vec<String> = Vec::new();
        for t in touched {
            record_ids.push(t.id.clone());
            let table = super::versions::table_of(t.kind);
            let deleted: Option<Option<String>> = conn
                .prepare_cached(&format!("SELECT deleted_at FROM {table} WHERE id = ?1"))?
                .query_row([&t.id], |r| r.get(0))
                .optional()?;
            let layer = layer_name(t.kind);
            match deleted {
                None | Some(Some(_)) => {
                    gone.entry(layer).or_default().push(t.id.clone());
                    continue;
                }
                Some(None) => {}
            }
            let (values, geometry_hex) = match t.kind {
                RecordKind::Land => {
                    let land = load_land_including_deleted(conn, &t.id)?;
                    let mut values = land_row(&land);
                    let shape = land.geometry.as_ref().filter(|g| !g.0.is_empty());
                    values.push(shape.map_or(GpkgValue::Null, |g| {
                        GpkgValue::Real(geodesic_area_m2(g).m2())
                    }));
                    (
                        values,
                        shape
                            .and_then(|g| encode_multipolygon(g).ok())
                            .map(|b| hex(&b)),
                    )
                }
                RecordKind::Activity => {
                    let a = load_activity_including_voided(conn, &t.id)?;
                    let land_code = land_code(conn, &a.land_id.to_string())?;
                    let shape = a.released_geometry.as_ref().filter(|g| !g.0.is_empty());
                    (
                        activity_row(&a, &land_code),
                        shape
                            .and_then(|g| encode_multipolygon(g).ok())
                            .map(|b| hex(&b)),
                    )
                }
                RecordKind::HazardReport => {
                    let h = load_report_including_voided(conn, &t.id)?;
                    let land_code = match h.land_id {
                        Some(id) => land_code(conn, &id.to_string())?,
                        None => String::new(),
                    };
                    let p = h.location.lon_lat;
                    let point = geo_types::Point::new(p.lon_deg, p.lat_deg);
                    (
                        report_row(&h, &land_code),
                        encode_point(point).ok().map(|b| hex(&b)),
                    )
                }
            };
            let entry = rows.entry(layer).or_default();
            for v in &values {
                copy_field(&mut entry.0, v);
                entry.0.push('\t');
            }
            match geometry_hex {
                Some(h) => entry.0.push_str(&h),
                None => entry.0.push_str("\\N"),
            }
            entry.0.push('\n');
            entry.1.push(t.id.clone());
        }
        for (table, geometry) in schema::layers() {
            let name = table.name.as_str();
            let mut columns: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
            if name == "lands" {
                columns.push("area_m2".to_owned());
            }
            if let Some(ids) = gone.get(name) {
                tx.execute(
                    &format!("DELETE FROM safeground.{name} WHERE uuid = ANY($1)"),
                    &[ids],
                )
                .on(target)?;
            }
            let Some((data, _)) = rows.get(name) else {
                continue;
            };
            let temp = format!("sg_in_{name}");
            let typed: Vec<String> = table
                .columns
                .iter()
                .map(|c| format!("{} {}", c.name, schema::pg_type(c.kind)))
                .chain((name == "lands").then(|| "area_m2 double precision".to_owned()))
                .collect();
            tx.batch_execute(&format!(
                "CREATE TEMP TABLE {temp} ({}, geom_wkb text) ON COMMIT DROP",
                typed.join(", ")
            ))
            .on(target)?;
            let mut writer = tx
                .copy_in(&format!(
                    "COPY {temp} ({}, geom_wkb) FROM STDIN",
                    columns.join(", ")
                ))
                .on(target)?;
            writer
                .write_all(data.as_bytes())
                .map_err(|e| HubError::Interrupted(e.to_string()))?;
            writer.finish().on(target)?;
            let list = columns.join(", ");
            let updates: Vec<String> = columns
                .iter()
                .filter(|c| *c != "uuid")
                .map(|c| format!("{c} = excluded.{c}"))
                .chain([
                    "geom = excluded.geom".to_owned(),
                    "updated_push = excluded.updated_push".to_owned(),
                ])
                .collect();
            tx.execute(
                &format!(
                    "INSERT INTO safeground.{name} ({list}, owner_organisation, updated_push, geom)
                     SELECT {list}, $1, $2,
                        ST_SetSRID(ST_GeomFromWKB(decode(geom_wkb, 'hex')), 4326)::geometry({geometry}, 4326)
                     FROM {temp}
                     ON CONFLICT (uuid) DO UPDATE SET {}",
                    updates.join(", ")
                ),
                &[&organisation, &n],
            )
            .on(target)?;
        }
        // Conflicts of the touched records, as this store lists them.
        tx.execute(
            "DELETE FROM safeground.conflicts WHERE record_id = ANY($1)",
            &[&record_ids],
        )
        .on(target)?;
        let mut conflicts = conn.prepare_cached(
            "SELECT record_id, record_type, code, field, conflict_json FROM sync_conflict WHERE record_id = ?1",
        )?;
        for id in &record_ids {
            let found: Vec<(String, String, String, String, String)> = conflicts
                .query_map([id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<Result<_, _>>()?;
            for (record_id, record_type, code, field, json) in found {
                tx.execute(
                    "INSERT INTO safeground.conflicts (record_id, record_type, code, field, conflict_json, organisation)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    &[&record_id, &record_type, &code, &field, &json, &organisation],
                )
                .on(target)?;
            }
        }
        // Photos of the touched hazard reports (a caption or a removal travels too).
        let mut photos = conn.prepare_cached(
            "SELECT id, report_id, file_name, media_type, caption, bytes, added_at, deleted_at
             FROM hazard_report_photo WHERE report_id = ?1",
        )?;
        for t in touched
            .iter()
            .filter(|t| t.kind == RecordKind::HazardReport)
        {
            let found: Vec<WirePhoto> = photos
                .query_map([&t.id], |r| {
                    Ok(WirePhoto {
                        id: r.get(0)?,
                        report_id: r.get(1)?,
                        file_name: r.get(2)?,
                        media_type: r.get(3)?,
                        caption: r.get(4)?,
                        bytes: r.get(5)?,
                        added_at: r.get(6)?,
                        deleted_at: r.get(7)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            for p in found {
                tx.execute(
                    "INSERT INTO safeground.photo (id, report_id, organisation, file_name, media_type,
                        caption, bytes, added_at, deleted_at, push_seq)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                     ON CONFLICT (id) DO UPDATE SET caption = excluded.caption,
                        deleted_at = excluded.deleted_at, push_seq = excluded.push_seq",
                    &[
                        &p.id,
                        &p.report_id,
                        &organisation,
                        &p.file_name,
                        &p.media_type,
                        &p.caption,
                        &p.bytes,
                        &p.added_at,
                        &p.deleted_at,
                        &n,
                    ],
                )
                .on(target)?;
            }
        }
        Ok(())
    }
}

/// Adds a catch-up's counts to the pull's.
fn add_import(into: &mut BundleImport, more: &BundleImport) {
    into.versions_in_bundle += more.versions_in_bundle;
    into.versions_new += more.versions_new;
    into.records_new += more.records_new;
    into.records_updated += more.records_updated;
    into.records_merged += more.records_merged;
    into.photos_new += more.photos_new;
    into.conflicts_open = more.conflicts_open;
    into.skipped.extend(more.skipped.iter().cloned());
    into.parked = more.parked;
}

/// The hub table of a record kind.
fn layer_name(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Land => "lands",
        RecordKind::Activity => "activities",
        RecordKind::HazardReport => "hazard_reports",
    }
}

fn land_code(conn: &Connection, land_id: &str) -> Result<String, StoreError> {
    Ok(conn
        .prepare_cached("SELECT code FROM land WHERE id = ?1")?
        .query_row([land_id], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

/// One value in `COPY … FROM STDIN` text format.
fn copy_field(out: &mut String, v: &GpkgValue) {
    match v {
        GpkgValue::Null => out.push_str("\\N"),
        GpkgValue::Integer(i) => {
            write!(out, "{i}").ok();
        }
        GpkgValue::Real(r) => {
            write!(out, "{r}").ok();
        }
        GpkgValue::Text(t) => copy_text(out, t),
    }
}

fn copy_text(out: &mut String, t: &str) {
    for c in t.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
}

/// Sends versions into a temporary table `sg_in_version` with `COPY`.
fn copy_versions(
    tx: &mut postgres::Transaction<'_>,
    target: &HubTarget,
    versions: &[&WireVersion],
) -> Result<(), HubError> {
    tx.batch_execute(
        "CREATE TEMP TABLE sg_in_version (
            version_id text, record_type text, record_id text, bases text, hlc text,
            origin_device text, origin_seq bigint, who text, state text, state_reason text,
            open_conflicts text, body_json text, pos integer) ON COMMIT DROP",
    )
    .on(target)?;
    let mut data = String::new();
    for (pos, v) in versions.iter().enumerate() {
        for (i, field) in [
            &v.version_id,
            &v.record_type,
            &v.record_id,
            &v.bases,
            &v.hlc,
            &v.origin_device,
        ]
        .into_iter()
        .enumerate()
        {
            if i > 0 {
                data.push('\t');
            }
            copy_text(&mut data, field);
        }
        write!(data, "\t{}", v.origin_seq).ok();
        for field in [
            &v.who,
            &v.state,
            &v.state_reason,
            &v.open_conflicts,
            &v.body_json,
        ] {
            data.push('\t');
            copy_text(&mut data, field);
        }
        writeln!(data, "\t{pos}").ok();
    }
    let mut writer = tx.copy_in("COPY sg_in_version FROM STDIN").on(target)?;
    writer
        .write_all(data.as_bytes())
        .map_err(|e| HubError::Interrupted(e.to_string()))?;
    writer.finish().on(target)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_escapes_the_separators() {
        let mut out = String::new();
        copy_text(&mut out, "a\tb\nc\\d\re");
        assert_eq!(out, "a\\tb\\nc\\\\d\\re");
    }

    #[test]
    fn role_names_are_plain_identifiers() {
        assert!(check_role_name("alice_2").is_ok());
        for bad in [
            "",
            "Alice",
            "a-b",
            "pg_x",
            "1a",
            "a b",
            "safeground_hub_x",
            "a;drop",
        ] {
            assert!(check_role_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_member_role_is_a_plain_identifier() {
        assert_eq!(
            member_role("0f3a9c2e-1b2d-4e5f-8a9b-0c1d2e3f4a5b"),
            "safeground_hub_0f3a9c2e1b2d"
        );
    }
}
