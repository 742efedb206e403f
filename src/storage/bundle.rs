//! Sync bundles (issue 15): one SQLite file that carries record versions (and photos) from one
//! store to another, by e-mail or USB stick.
//!
//! **Format** (`bundle_format` 1): tables `bundle_meta` (key/value: format, programme, sender
//! device and name, schema version, for whom, the sender's acknowledgements — the highest running
//! number it holds without a gap from each device —, counts and the SHA-256 of the versions and of
//! the photos), `bundle_device` (device names), `bundle_version` (every column of the change log,
//! bodies always filled) and `bundle_photo`. Written through the one safe file writer.
//!
//! **Import** is one transaction, after a backup of the store: versions already held are
//! skipped (a second import says "0 new"); a version whose bases have not arrived is *parked*
//! and applied when they do; every record whose heads changed is rebuilt from its heads
//! ([`crate::domain::merge::merge_heads`]), and the ledger, status and classification of every
//! land concerned are recomputed from its activities
//! ([`crate::domain::rules::project_land_lenient`]). Two records given the same code on two
//! devices: the one made first (clock) keeps it, the other gets the code with its device's tag
//! (`HA-0031-7F3A`), and the old code stays an alias.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::activities::{insert_activity_row_as, load_activities};
use super::bodies::{
    activity_from_wire, land_from_wire, load_land_including_deleted, report_from_wire,
};
use super::clock::{last_hlc, save_hlc, wall_ms};
use super::codec::now_text;
use super::error::StoreError;
use super::hazard_reports::write_report_row;
use super::lands::{replace_history, write_land_row_as};
use super::migrations::LATEST_SCHEMA_VERSION;
use super::snapshot::{copy_out, stamped};
use super::store::Store;
use super::versions::{
    SAME_CONTENT_AS, body_of, compact_land_body, heads_of, load_version, parse_version_id, spill,
    table_of, version_graph, write_conflicts,
};
use crate::domain::merge::{Merged, RecordVersion, common_base, merge_heads};
use crate::domain::rules::{apply_shape, project_land_lenient, projection_start};
use crate::domain::{DeviceId, Hlc, ProgrammeId, RecordKind, VersionId};
use crate::geometry::land_shape;
use crate::io::output::{OutputSet, Protected, Replace};

/// The `format` value of a bundle's manifest.
pub const BUNDLE_FORMAT: &str = "safeground-bundle";
/// The bundle format this build writes and reads.
pub const BUNDLE_FORMAT_VERSION: i64 = 1;

/// What a bundle carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BundleScope {
    /// Every version this store holds (a new laptop joins from it).
    All,
    /// What that device has not acknowledged (from the last bundle it sent here).
    For(DeviceId),
}

/// A bundle written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedBundle {
    /// Versions in it.
    pub versions: usize,
    /// Photos in it.
    pub photos: usize,
    /// The device it is for (`None`: everything).
    pub for_device: Option<DeviceId>,
    /// Whether that device was unknown here (so it got everything).
    pub unknown_device: bool,
}

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BundleImport {
    /// The device that wrote the bundle.
    pub sender: String,
    /// Its name.
    pub sender_name: String,
    /// Versions in the bundle.
    pub versions_in_bundle: usize,
    /// Versions this store did not hold.
    pub versions_new: usize,
    /// Records that arrived new.
    pub records_new: usize,
    /// Records that moved to a newer version (one side changed).
    pub records_updated: usize,
    /// Records rebuilt from several heads (changed on both sides).
    pub records_merged: usize,
    /// Open conflicts in the store after the import.
    pub conflicts_open: usize,
    /// Versions waiting for a base that has not arrived.
    pub parked: usize,
    /// Photos that arrived.
    pub photos_new: usize,
    /// The store joined the bundle's programme (it was empty).
    pub joined: bool,
    /// The copy of the store taken before the import.
    pub backup: Option<PathBuf>,
    /// Nothing was written (`--dry-run`).
    pub dry_run: bool,
    /// Versions left out because they cannot be read (a pull from the hub leaves a bad version
    /// there and says so; a bundle with one is refused whole): what was wrong with each.
    pub skipped: Vec<String>,
}

/// One version as it travels.
#[derive(Debug, Clone)]
pub(super) struct WireVersion {
    pub(super) version_id: String,
    pub(super) record_type: String,
    pub(super) record_id: String,
    pub(super) bases: String,
    pub(super) hlc: String,
    pub(super) origin_device: String,
    pub(super) origin_seq: i64,
    pub(super) who: String,
    pub(super) state: String,
    pub(super) state_reason: String,
    pub(super) open_conflicts: String,
    pub(super) body_json: String,
    /// The hub's push number, for a version pulled from the hub (not hashed, not in bundles).
    pub(super) hub_seq: Option<i64>,
}

impl WireVersion {
    fn hash_into(&self, hasher: &mut Sha256) {
        for part in [
            &self.version_id,
            &self.record_type,
            &self.record_id,
            &self.bases,
            &self.hlc,
            &self.origin_device,
            &self.origin_seq.to_string(),
            &self.who,
            &self.state,
            &self.state_reason,
            &self.open_conflicts,
            &self.body_json,
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0x1f]);
        }
        hasher.update([0x1e]);
    }
}

/// The SHA-256 of the versions, in version id order (the order they are stored in does not
/// matter).
fn versions_checksum(versions: &[WireVersion]) -> String {
    let mut ordered: Vec<&WireVersion> = versions.iter().collect();
    ordered.sort_by(|a, b| a.version_id.cmp(&b.version_id));
    let mut hasher = Sha256::new();
    for v in ordered {
        v.hash_into(&mut hasher);
    }
    hex(&hasher.finalize())
}

pub(super) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        // Writing to a String cannot fail.
        write!(out, "{b:02x}").ok();
    }
    out
}

/// Each device's highest running number this store holds without a gap (parked versions count:
/// they are held).
fn knowledge(conn: &Connection) -> Result<BTreeMap<String, i64>, StoreError> {
    let mut out = BTreeMap::new();
    let rows: Vec<(String, i64, i64)> = conn
        .prepare(
            "SELECT origin_device, MAX(origin_seq), COUNT(*) FROM record_version GROUP BY origin_device",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (device, max, count) in rows {
        if max == count {
            out.insert(device, max);
            continue;
        }
        let seqs: Vec<i64> = conn
            .prepare_cached(
                "SELECT origin_seq FROM record_version WHERE origin_device = ?1 ORDER BY origin_seq",
            )?
            .query_map([&device], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut held = 0;
        for s in seqs {
            if s == held + 1 {
                held = s;
            } else {
                break;
            }
        }
        out.insert(device, held);
    }
    Ok(out)
}

fn bundle_error(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::Bundle {
        detail: detail.into(),
        path: path.to_owned(),
    }
}

impl Store {
    /// Writes a sync bundle to `target` (see the module documentation): every version, or what
    /// `device` has not acknowledged; through the one safe file writer.
    pub fn sync_export(
        &mut self,
        target: &Path,
        scope: BundleScope,
        device_name: &str,
        replace: Replace,
    ) -> Result<ExportedBundle, StoreError> {
        let identity = self.sync_identity(device_name)?;
        let conn = &self.conn;
        let (acked, unknown_device) = match scope {
            BundleScope::All => (BTreeMap::new(), false),
            BundleScope::For(device) => {
                let knows: Option<String> = conn
                    .query_row(
                        "SELECT knows_json FROM sync_peer WHERE device_id = ?1",
                        [device.to_string()],
                        |r| r.get(0),
                    )
                    .optional()?;
                match knows {
                    Some(text) => (
                        serde_json::from_str::<BTreeMap<String, i64>>(&text)
                            .map_err(|e| bundle_error(target, e.to_string()))?,
                        false,
                    ),
                    None => (BTreeMap::new(), true),
                }
            }
        };
        let versions: Vec<WireVersion> = local_wire_versions(conn, 0, false, |origin, seq| {
            acked.get(origin).is_some_and(|known| seq <= *known)
        })
        .map_err(|e| match e {
            StoreError::BadRow { code, .. } => bundle_error(target, format!("record type {code}")),
            other => other,
        })?
        .into_iter()
        .map(|(_, v)| v)
        .collect();
        let reports: BTreeSet<&str> = versions
            .iter()
            .filter(|v| v.record_type == RecordKind::HazardReport.code())
            .map(|v| v.record_id.as_str())
            .collect();
        let knows = knowledge(conn)?;
        let set = OutputSet::single(target, &Protected::store(self.path()), replace)?;
        let photos = {
            let mut out = Connection::open(set.temp_path(0))?;
            let tx = out.transaction()?;
            tx.execute_batch(
                "PRAGMA application_id = 1397178945;
                 CREATE TABLE bundle_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
                 CREATE TABLE bundle_device (device_id TEXT PRIMARY KEY, device_name TEXT NOT NULL) STRICT;
                 CREATE TABLE bundle_version (
                    version_id TEXT PRIMARY KEY, record_type TEXT NOT NULL, record_id TEXT NOT NULL,
                    bases TEXT NOT NULL, hlc TEXT NOT NULL, origin_device TEXT NOT NULL,
                    origin_seq INTEGER NOT NULL, who TEXT NOT NULL, state TEXT NOT NULL,
                    state_reason TEXT NOT NULL, open_conflicts TEXT NOT NULL, body_json TEXT NOT NULL) STRICT;
                 CREATE TABLE bundle_photo (
                    id TEXT PRIMARY KEY, report_id TEXT NOT NULL, file_name TEXT NOT NULL,
                    media_type TEXT NOT NULL, caption TEXT NOT NULL, bytes BLOB NOT NULL,
                    added_at TEXT NOT NULL, deleted_at TEXT) STRICT;",
            )?;
            {
                let mut insert = tx.prepare(
                    "INSERT INTO bundle_version VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )?;
                for v in &versions {
                    insert.execute(params![
                        v.version_id,
                        v.record_type,
                        v.record_id,
                        v.bases,
                        v.hlc,
                        v.origin_device,
                        v.origin_seq,
                        v.who,
                        v.state,
                        v.state_reason,
                        v.open_conflicts,
                        v.body_json
                    ])?;
                }
            }
            let versions_sha = versions_checksum(&versions);
            let mut photo_hasher = Sha256::new();
            let mut photos = 0usize;
            {
                let mut read = conn.prepare(
                    "SELECT id, report_id, file_name, media_type, caption, bytes, added_at, deleted_at
                     FROM hazard_report_photo ORDER BY id",
                )?;
                let mut insert =
                    tx.prepare("INSERT INTO bundle_photo VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
                let mut rows = read.query([])?;
                while let Some(r) = rows.next()? {
                    let report: String = r.get(1)?;
                    if scope != BundleScope::All && !reports.contains(report.as_str()) {
                        continue;
                    }
                    let id: String = r.get(0)?;
                    let bytes: Vec<u8> = r.get(5)?;
                    photo_hasher.update(id.as_bytes());
                    photo_hasher.update([0x1f]);
                    photo_hasher.update(&bytes);
                    photo_hasher.update([0x1e]);
                    insert.execute(params![
                        id,
                        report,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        bytes,
                        r.get::<_, String>(6)?,
                        r.get::<_, Option<String>>(7)?
                    ])?;
                    photos += 1;
                }
            }
            let names: Vec<(String, String)> = conn
                .prepare("SELECT device_id, device_name FROM sync_peer")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            {
                let mut insert =
                    tx.prepare("INSERT OR REPLACE INTO bundle_device VALUES (?1, ?2)")?;
                for (id, name) in names {
                    insert.execute(params![id, name])?;
                }
                insert.execute(params![identity.device.to_string(), identity.device_name])?;
            }
            let meta: Vec<(&str, String)> = vec![
                ("format", BUNDLE_FORMAT.to_owned()),
                ("format_version", BUNDLE_FORMAT_VERSION.to_string()),
                ("programme", identity.programme.to_string()),
                ("sender_device", identity.device.to_string()),
                ("sender_name", identity.device_name.clone()),
                ("schema_version", LATEST_SCHEMA_VERSION.to_string()),
                ("created_at", now_text()),
                (
                    "for_device",
                    match scope {
                        BundleScope::All => "all".to_owned(),
                        BundleScope::For(d) => d.to_string(),
                    },
                ),
                (
                    "acknowledgements",
                    serde_json::to_string(&knows)
                        .map_err(|e| bundle_error(target, e.to_string()))?,
                ),
                ("versions", versions.len().to_string()),
                ("versions_sha256", versions_sha),
                ("photos", photos.to_string()),
                ("photos_sha256", hex(&photo_hasher.finalize())),
            ];
            {
                let mut insert = tx.prepare("INSERT INTO bundle_meta VALUES (?1, ?2)")?;
                for (k, v) in meta {
                    insert.execute(params![k, v])?;
                }
            }
            tx.commit()?;
            out.close().map_err(|(_, e)| e)?;
            photos
        };
        set.commit()?;
        if let BundleScope::For(device) = scope {
            self.conn.execute(
                "INSERT INTO sync_peer (device_id, last_sent_at, sent_versions) VALUES (?1, ?2, ?3)
                 ON CONFLICT (device_id) DO UPDATE SET last_sent_at = excluded.last_sent_at,
                    sent_versions = sent_versions + excluded.sent_versions",
                params![
                    device.to_string(),
                    now_text(),
                    i64::try_from(versions.len()).unwrap_or(i64::MAX)
                ],
            )?;
        }
        Ok(ExportedBundle {
            versions: versions.len(),
            photos,
            for_device: match scope {
                BundleScope::All => None,
                BundleScope::For(d) => Some(d),
            },
            unknown_device,
        })
    }

    /// Applies a sync bundle (see the module documentation). With `dry_run`, says what it would
    /// do and writes nothing. A refused bundle is logged (the app shows it) and changes nothing.
    pub fn sync_import(
        &mut self,
        source: &Path,
        dry_run: bool,
        device_name: &str,
    ) -> Result<BundleImport, StoreError> {
        let result = self.sync_import_inner(source, dry_run, device_name);
        let file_name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !dry_run {
            let (outcome, sender, summary) = match &result {
                Ok(r) => ("applied", r.sender.clone(), import_summary(r)),
                Err(e) => ("refused", String::new(), e.to_string()),
            };
            self.conn.execute(
                "INSERT INTO sync_import_log (at, file_name, sender, outcome, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![now_text(), file_name, sender, outcome, summary],
            )?;
        }
        result
    }

    /// How many of the bundle's versions this store already holds.
    fn versions_held(&self, bundle: &Bundle) -> Result<usize, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM record_version WHERE version_id = ?1)")?;
        let mut held = 0;
        for v in &bundle.versions {
            if stmt.query_row([&v.version_id], |r| r.get::<_, bool>(0))? {
                held += 1;
            }
        }
        Ok(held)
    }

    fn sync_import_inner(
        &mut self,
        source: &Path,
        dry_run: bool,
        device_name: &str,
    ) -> Result<BundleImport, StoreError> {
        let bundle = read_bundle(source)?;
        let identity = self.sync_identity(device_name)?;
        let mut report = BundleImport {
            sender: bundle.meta_value("sender_device"),
            sender_name: bundle.meta_value("sender_name"),
            versions_in_bundle: bundle.versions.len(),
            dry_run,
            ..BundleImport::default()
        };
        let programme = bundle.meta_value("programme");
        let is_empty: bool = self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM record_version) AND NOT EXISTS (SELECT 1 FROM land)",
            [],
            |r| r.get(0),
        )?;
        if programme != identity.programme.to_string() {
            if !is_empty {
                return Err(bundle_error(
                    source,
                    format!(
                        "it belongs to another programme ({programme}); this store belongs to {}",
                        identity.programme
                    ),
                ));
            }
            report.joined = true;
        }
        let held = self.versions_held(&bundle)?;
        if held == bundle.versions.len() {
            // Nothing new: nothing to back up, nothing to write (a repeated import is a no-op).
            report.joined = false;
            report.conflicts_open = usize::try_from(self.conn.query_row(
                "SELECT count(*) FROM sync_conflict",
                [],
                |r| r.get::<_, i64>(0),
            )?)
            .unwrap_or(0);
            report.parked = usize::try_from(self.conn.query_row(
                "SELECT count(*) FROM record_version WHERE parked = 1",
                [],
                |r| r.get::<_, i64>(0),
            )?)
            .unwrap_or(0);
            if !dry_run {
                // Its acknowledgements still count: they say what the sender holds.
                remember_peers(&self.conn, &bundle, 0)?;
            }
            return Ok(report);
        }
        if !dry_run {
            let first = stamped(self.path(), "before-sync");
            let mut backup = first.clone();
            let mut n = 2;
            while backup.exists() {
                // Two imports in one second: `<store>.before-sync-<time>-2.bak`.
                backup = first.with_extension(format!("{n}.bak"));
                let name = backup
                    .file_name()
                    .map(|f| {
                        f.to_string_lossy()
                            .replace(&format!(".{n}.bak"), &format!("-{n}.bak"))
                    })
                    .unwrap_or_default();
                backup = backup.with_file_name(name);
                n += 1;
            }
            copy_out(
                &self.conn,
                &backup,
                &Protected::store(self.path()),
                Replace::Never,
            )?;
            report.backup = Some(backup);
        }
        // A merge touches pages all over a national store: a larger page cache for this
        // transaction keeps them from being written to the WAL twice.
        self.conn.pragma_update(None, "cache_size", -262_144)?;
        let result = self.apply_bundle(source, &bundle, &identity, &programme, report, None);
        self.conn.pragma_update(None, "cache_size", -65_536)?;
        result
    }

    /// The transaction of [`Store::sync_import`] (and of a pull from the hub, which builds the
    /// bundle in memory and has no sender device).
    pub(super) fn apply_bundle(
        &mut self,
        source: &Path,
        bundle: &Bundle,
        identity: &super::sync_identity::SyncIdentity,
        programme: &str,
        mut report: BundleImport,
        hub_cursor: Option<i64>,
    ) -> Result<BundleImport, StoreError> {
        let dry_run = report.dry_run;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if report.joined {
            let parsed = Uuid::parse_str(programme)
                .map_err(|e| bundle_error(source, format!("programme id: {e}")))?;
            tx.execute(
                "UPDATE sync_identity SET programme_id = ?1 WHERE singleton = 1",
                [ProgrammeId(parsed).to_string()],
            )?;
        }
        let mut clock = last_hlc(&tx)?;
        let now_ms = wall_ms();
        let mut applier = Applier {
            lenient: hub_cursor.is_some(),
            ..Applier::default()
        };
        for v in &bundle.versions {
            if insert_incoming(
                &tx,
                source,
                v,
                identity.device,
                &mut clock,
                now_ms,
                &mut applier,
            )? {
                report.versions_new += 1;
            }
        }
        if let Some(c) = clock {
            save_hlc(&tx, c)?;
        }
        report.skipped = std::mem::take(&mut applier.skipped);
        let mut touched = applier.touched;
        touched.extend(unpark(&tx)?);
        let mut lands_to_project: BTreeSet<String> = BTreeSet::new();
        for kind in RecordKind::ALL {
            for (record_id, _) in touched.iter().filter(|(_, k)| **k == kind) {
                let outcome = materialize(&tx, source, kind, record_id)?;
                match outcome.change {
                    Change::New => report.records_new += 1,
                    Change::Updated => report.records_updated += 1,
                    Change::Merged => report.records_merged += 1,
                }
                if let Some(land) = outcome.land {
                    lands_to_project.insert(land);
                }
            }
        }
        for land in &lands_to_project {
            reproject_land(&tx, land)?;
        }
        report.photos_new = insert_photos(&tx, bundle)?;
        report.parked = tx
            .query_row(
                "SELECT count(*) FROM record_version WHERE parked = 1",
                [],
                |r| r.get::<_, i64>(0),
            )?
            .try_into()
            .unwrap_or(0);
        report.conflicts_open = tx
            .query_row("SELECT count(*) FROM sync_conflict", [], |r| {
                r.get::<_, i64>(0)
            })?
            .try_into()
            .unwrap_or(0);
        remember_peers(&tx, bundle, report.versions_new)?;
        if let Some(cursor) = hub_cursor {
            tx.execute(
                "UPDATE hub_link SET cursor = max(cursor, ?1) WHERE singleton = 1",
                [cursor],
            )?;
        }
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(report)
    }
}

/// The versions this store holds with a local arrival number above `after_seq`, whole or
/// compact as they travel ([`travelling_body`]), in arrival order, with that number; without
/// those `skip(origin_device, origin_seq)` rejects; with `for_hub`, only applied ones (not
/// parked) that did not come from the hub.
pub(super) fn local_wire_versions(
    conn: &Connection,
    after_seq: i64,
    for_hub: bool,
    mut skip: impl FnMut(&str, i64) -> bool,
) -> Result<Vec<(i64, WireVersion)>, StoreError> {
    let mut versions = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT version_id, record_type, record_id, bases, hlc, origin_device, origin_seq,
                who, state, state_reason, open_conflicts, body_json, seq, hub_seq
         FROM record_version WHERE seq > ?1 AND (?2 = 0 OR parked = 0) ORDER BY seq",
    )?;
    let mut rows = stmt.query(params![after_seq, for_hub])?;
    while let Some(r) = rows.next()? {
        let origin: String = r.get(5)?;
        let seq: i64 = r.get(6)?;
        let hub_seq: Option<i64> = r.get(13)?;
        if skip(&origin, seq) || (for_hub && hub_seq.is_some()) {
            continue;
        }
        let record_type: String = r.get(1)?;
        let record_id: String = r.get(2)?;
        let body: Option<String> = r.get(11)?;
        let kind = RecordKind::from_code(&record_type).ok_or_else(|| StoreError::BadRow {
            entity: "record version",
            code: record_type.clone(),
            detail: "unknown record type".to_owned(),
        })?;
        let version_id: String = r.get(0)?;
        let bases: String = r.get(3)?;
        let body_json = travelling_body(conn, kind, &version_id, &bases, body, &record_id)?;
        versions.push((
            r.get(12)?,
            WireVersion {
                version_id,
                record_type,
                record_id,
                bases,
                hlc: r.get(4)?,
                origin_device: origin,
                origin_seq: seq,
                who: r.get(7)?,
                state: r.get(8)?,
                state_reason: r.get(9)?,
                open_conflicts: r.get(10)?,
                body_json,
                hub_seq,
            },
        ));
    }
    Ok(versions)
}

/// A version's body as it travels: whole, or, for a land version whose content is its base's
/// (an activity moved its ledger and status), compact: the derived members and the base's id.
fn travelling_body(
    conn: &Connection,
    kind: RecordKind,
    version_id: &str,
    bases: &str,
    stored: Option<String>,
    record_id: &str,
) -> Result<String, StoreError> {
    let bad = |e: serde_json::Error| StoreError::BadRow {
        entity: "record version",
        code: version_id.to_owned(),
        detail: e.to_string(),
    };
    let reference = |text: &str| -> Result<Option<String>, StoreError> {
        if !text.contains(SAME_CONTENT_AS) {
            return Ok(None);
        }
        let v: serde_json::Value = serde_json::from_str(text).map_err(bad)?;
        Ok(v.get(SAME_CONTENT_AS)
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned))
    };
    if kind == RecordKind::Land {
        let bases: Vec<VersionId> = serde_json::from_str(bases).map_err(bad)?;
        if let [base] = bases.as_slice() {
            let base_stored: Option<Option<String>> = conn
                .prepare_cached("SELECT body_json FROM record_version WHERE version_id = ?1")?
                .query_row([base.to_string()], |r| r.get(0))
                .optional()?;
            // The base was kept compact, pointing here: the same content.
            if let Some(Some(b)) = &base_stored
                && reference(b)?.as_deref() == Some(version_id)
            {
                let own: serde_json::Value = match &stored {
                    Some(t) => serde_json::from_str(t).map_err(bad)?,
                    None => {
                        serde_json::from_str(&super::versions::row_body(conn, kind, record_id)?)
                            .map_err(bad)?
                    }
                };
                return Ok(compact_land_body(&own, *base).to_string());
            }
            // Received compact, pointing at its base: as it came.
            if let Some(t) = &stored
                && reference(t)?.as_deref() == Some(base.to_string().as_str())
            {
                return Ok(t.clone());
            }
        }
    }
    match stored {
        Some(t) if !t.contains(SAME_CONTENT_AS) => Ok(t),
        _ => Ok(body_of(conn, super::versions::parse_version_id(version_id)?)?.to_string()),
    }
}

/// One line: what an import did.
pub fn import_summary(r: &BundleImport) -> String {
    format!(
        "{} new versions of {} in the bundle; records: {} new, {} updated, {} merged; {} conflicts open; {} parked; {} photos",
        r.versions_new,
        r.versions_in_bundle,
        r.records_new,
        r.records_updated,
        r.records_merged,
        r.conflicts_open,
        r.parked,
        r.photos_new
    )
}

/// A bundle read into memory, checked.
pub(super) struct Bundle {
    pub(super) meta: BTreeMap<String, String>,
    pub(super) devices: Vec<(String, String)>,
    pub(super) versions: Vec<WireVersion>,
    pub(super) photos: Vec<WirePhoto>,
}

pub(super) struct WirePhoto {
    pub(super) id: String,
    pub(super) report_id: String,
    pub(super) file_name: String,
    pub(super) media_type: String,
    pub(super) caption: String,
    pub(super) bytes: Vec<u8>,
    pub(super) added_at: String,
    pub(super) deleted_at: Option<String>,
}

impl Bundle {
    fn meta_value(&self, key: &str) -> String {
        self.meta.get(key).cloned().unwrap_or_default()
    }
}

/// Opens, reads and checks a bundle: its format, schema, and checksums.
fn read_bundle(path: &Path) -> Result<Bundle, StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| StoreError::Open {
        detail: crate::io::output::describe_io(&e),
        path: path.to_owned(),
    })?;
    if !meta.is_file() || meta.len() < 100 {
        return Err(bundle_error(path, "it is not a Safeground sync bundle"));
    }
    let mut header = [0u8; 16];
    {
        use std::io::Read as _;
        let mut f = std::fs::File::open(path).map_err(|e| StoreError::Open {
            detail: crate::io::output::describe_io(&e),
            path: path.to_owned(),
        })?;
        f.read_exact(&mut header).map_err(|e| StoreError::Open {
            detail: crate::io::output::describe_io(&e),
            path: path.to_owned(),
        })?;
    }
    if &header != b"SQLite format 3\0" {
        return Err(bundle_error(path, "it is not a Safeground sync bundle"));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| bundle_error(path, format!("it cannot be read ({e})")))?;
    let not_bundle = |_e: rusqlite::Error| {
        bundle_error(path, "it is not a Safeground sync bundle (no manifest)")
    };
    let meta: BTreeMap<String, String> = conn
        .prepare("SELECT key, value FROM bundle_meta")
        .map_err(not_bundle)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(not_bundle)?
        .collect::<Result<_, _>>()
        .map_err(not_bundle)?;
    if meta.get("format").map(String::as_str) != Some(BUNDLE_FORMAT) {
        return Err(bundle_error(path, "it is not a Safeground sync bundle"));
    }
    let number = |key: &str| -> Result<i64, StoreError> {
        meta.get(key)
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| bundle_error(path, format!("its manifest has no valid {key}")))
    };
    let format_version = number("format_version")?;
    let schema = number("schema_version")?;
    if format_version > BUNDLE_FORMAT_VERSION || schema > LATEST_SCHEMA_VERSION {
        return Err(bundle_error(
            path,
            format!(
                "it was written by a newer Safeground (schema {schema}, this version knows up to {LATEST_SCHEMA_VERSION}); install the newer version"
            ),
        ));
    }
    let damaged = |e: rusqlite::Error| bundle_error(path, format!("it is damaged ({e})"));
    let versions: Vec<WireVersion> = conn
        .prepare(
            "SELECT version_id, record_type, record_id, bases, hlc, origin_device, origin_seq, who,
                    state, state_reason, open_conflicts, body_json FROM bundle_version",
        )
        .map_err(damaged)?
        .query_map([], |r| {
            Ok(WireVersion {
                version_id: r.get(0)?,
                record_type: r.get(1)?,
                record_id: r.get(2)?,
                bases: r.get(3)?,
                hlc: r.get(4)?,
                origin_device: r.get(5)?,
                origin_seq: r.get(6)?,
                who: r.get(7)?,
                state: r.get(8)?,
                state_reason: r.get(9)?,
                open_conflicts: r.get(10)?,
                body_json: r.get(11)?,
                hub_seq: None,
            })
        })
        .map_err(damaged)?
        .collect::<Result<_, _>>()
        .map_err(damaged)?;
    let versions_sha = versions_checksum(&versions);
    if meta.get("versions_sha256") != Some(&versions_sha)
        || usize::try_from(number("versions")?).ok() != Some(versions.len())
    {
        return Err(bundle_error(
            path,
            "its contents do not match its checksum (damaged in transfer?); ask for it again",
        ));
    }
    let photos: Vec<WirePhoto> = conn
        .prepare(
            "SELECT id, report_id, file_name, media_type, caption, bytes, added_at, deleted_at
             FROM bundle_photo ORDER BY id",
        )
        .map_err(damaged)?
        .query_map([], |r| {
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
        })
        .map_err(damaged)?
        .collect::<Result<_, _>>()
        .map_err(damaged)?;
    let mut photo_hasher = Sha256::new();
    for p in &photos {
        photo_hasher.update(p.id.as_bytes());
        photo_hasher.update([0x1f]);
        photo_hasher.update(&p.bytes);
        photo_hasher.update([0x1e]);
    }
    if meta.get("photos_sha256") != Some(&hex(&photo_hasher.finalize())) {
        return Err(bundle_error(
            path,
            "its photos do not match their checksum (damaged in transfer?); ask for it again",
        ));
    }
    let devices: Vec<(String, String)> = conn
        .prepare("SELECT device_id, device_name FROM bundle_device")
        .map_err(damaged)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(damaged)?
        .collect::<Result<_, _>>()
        .map_err(damaged)?;
    Ok(Bundle {
        meta,
        devices,
        versions,
        photos,
    })
}

/// Checks one incoming version and stores it ([`insert_version`]). `false` when the store
/// already holds it, or, from the hub, when it cannot be read: then it is left out and said
/// (one bad version written on the hub by hand must not stop every laptop's sync).
fn insert_incoming(
    conn: &Connection,
    path: &Path,
    v: &WireVersion,
    me: DeviceId,
    clock: &mut Option<Hlc>,
    now_ms: u64,
    applier: &mut Applier,
) -> Result<bool, StoreError> {
    match insert_checked(conn, path, v, me, clock, now_ms, applier) {
        Err(StoreError::Bundle { detail, .. }) if applier.lenient => {
            applier.skipped.push(detail);
            Ok(false)
        }
        other => other,
    }
}

fn insert_checked(
    conn: &Connection,
    path: &Path,
    v: &WireVersion,
    me: DeviceId,
    clock: &mut Option<Hlc>,
    now_ms: u64,
    applier: &mut Applier,
) -> Result<bool, StoreError> {
    let known: Option<String> = conn
        .prepare_cached("SELECT version_id FROM record_version WHERE version_id = ?1")?
        .query_row([&v.version_id], |r| r.get(0))
        .optional()?;
    if known.is_some() {
        return Ok(false);
    }
    let bad = |what: &str| {
        bundle_error(
            path,
            format!(
                "version {} has an invalid {what}",
                v.version_id.chars().take(36).collect::<String>()
            ),
        )
    };
    parse_version_id(&v.version_id).map_err(|_e| bad("id"))?;
    let kind = RecordKind::from_code(&v.record_type).ok_or_else(|| bad("record type"))?;
    Uuid::parse_str(&v.record_id).map_err(|_e| bad("record id"))?;
    Uuid::parse_str(&v.origin_device).map_err(|_e| bad("device"))?;
    if v.origin_seq <= 0 {
        return Err(bad("running number"));
    }
    let bases: Vec<VersionId> =
        serde_json::from_str(&v.bases).map_err(|_e| bad("list of bases"))?;
    let stamp = Hlc::decode(&v.hlc).map_err(|_e| bad("clock stamp"))?;
    *clock = Some(
        Hlc::observe(*clock, stamp, now_ms, me).map_err(|e| bundle_error(path, e.to_string()))?,
    );
    if !matches!(v.state.as_str(), "live" | "deleted") {
        return Err(bad("state"));
    }
    let _: Vec<crate::domain::merge::FieldConflict> =
        serde_json::from_str(&v.open_conflicts).map_err(|_e| bad("list of open conflicts"))?;
    let body: serde_json::Value = serde_json::from_str(&v.body_json).map_err(|_e| bad("body"))?;
    if let Some(same) = body.get(SAME_CONTENT_AS) {
        // A compact land body: its base's content, its own status, classification and history.
        let single_base =
            matches!(bases.as_slice(), [b] if Some(b.to_string().as_str()) == same.as_str());
        let derived_ok = kind == RecordKind::Land
            && serde_json::from_value::<crate::domain::LandStatus>(body["status"].clone()).is_ok()
            && serde_json::from_value::<crate::domain::Classification>(
                body["classification"].clone(),
            )
            .is_ok()
            && serde_json::from_value::<Vec<crate::domain::StatusChange>>(
                body["status_history"].clone(),
            )
            .is_ok();
        if !single_base || !derived_ok {
            return Err(bad("compact body"));
        }
        insert_version(conn, path, v, kind, &bases, applier)?;
        return Ok(true);
    }
    let record_matches = match kind {
        RecordKind::Land => land_from_wire(body)
            .map(|l| l.id.to_string() == v.record_id)
            .map_err(|_e| bad("land body"))?,
        RecordKind::Activity => activity_from_wire(body)
            .map(|a| a.id.to_string() == v.record_id)
            .map_err(|_e| bad("activity body"))?,
        RecordKind::HazardReport => report_from_wire(body)
            .map(|h| h.id.to_string() == v.record_id)
            .map_err(|_e| bad("hazard report body"))?,
    };
    if !record_matches {
        return Err(bad("body (it names another record)"));
    }
    insert_version(conn, path, v, kind, &bases, applier)?;
    Ok(true)
}

/// The versions of one import applied as they were stored (their bases were all there), and the
/// records whose heads they moved.
#[derive(Default)]
struct Applier {
    applied: std::collections::HashSet<String>,
    touched: BTreeMap<String, RecordKind>,
    /// Leave out (and say) a version that cannot be read instead of refusing the whole batch.
    lenient: bool,
    skipped: Vec<String>,
}

/// Stores a checked incoming version: applied at once when every base is applied (in this import
/// or before: the usual case, as bundles and the hub carry versions in causal order), with the
/// record's heads moved; otherwise parked until they arrive ([`unpark`]). Refuses a second change
/// with one device's running number.
fn insert_version(
    conn: &Connection,
    path: &Path,
    v: &WireVersion,
    kind: RecordKind,
    bases: &[VersionId],
    applier: &mut Applier,
) -> Result<(), StoreError> {
    let clash: Option<String> = conn
        .prepare_cached(
            "SELECT version_id FROM record_version WHERE origin_device = ?1 AND origin_seq = ?2",
        )?
        .query_row(params![v.origin_device, v.origin_seq], |r| r.get(0))
        .optional()?;
    if clash.is_some() {
        return Err(bundle_error(
            path,
            format!(
                "device {} numbered two different changes {} (was one store copied onto two laptops, or restored from a backup after sending?)",
                v.origin_device, v.origin_seq
            ),
        ));
    }
    let mut ready = true;
    for b in bases {
        let b = b.to_string();
        if applier.applied.contains(&b) {
            continue;
        }
        let held: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM record_version WHERE version_id = ?1 AND parked = 0)",
            )?
            .query_row([&b], |r| r.get(0))?;
        if !held {
            ready = false;
            break;
        }
    }
    conn.prepare_cached(
        "INSERT INTO record_version (version_id, record_type, record_id, bases, hlc, origin_device,
            origin_seq, who, state, state_reason, open_conflicts, body_json, parked, received_at,
            hub_seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?15, ?13, ?14)",
    )?
    .execute(params![
        v.version_id,
        v.record_type,
        v.record_id,
        v.bases,
        v.hlc,
        v.origin_device,
        v.origin_seq,
        v.who,
        v.state,
        v.state_reason,
        v.open_conflicts,
        v.body_json,
        now_text(),
        v.hub_seq,
        !ready,
    ])?;
    if ready {
        // A version nobody applied was made from yet: a head, replacing its bases.
        for b in bases {
            conn.prepare_cached(
                "DELETE FROM record_head WHERE record_id = ?1 AND version_id = ?2",
            )?
            .execute(params![v.record_id, b.to_string()])?;
        }
        conn.prepare_cached(
            "INSERT OR IGNORE INTO record_head (record_id, version_id) VALUES (?1, ?2)",
        )?
        .execute(params![v.record_id, v.version_id])?;
        applier.applied.insert(v.version_id.clone());
        applier.touched.insert(v.record_id.clone(), kind);
    }
    Ok(())
}

/// Applies every parked version whose bases are all applied, until none moves; returns the
/// records whose heads changed.
fn unpark(conn: &Connection) -> Result<BTreeMap<String, RecordKind>, StoreError> {
    let mut touched = BTreeMap::new();
    loop {
        let parked: Vec<(String, String, String, String)> = conn
            .prepare_cached(
                "SELECT version_id, record_type, record_id, bases FROM record_version
                 WHERE parked = 1 ORDER BY hlc",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut moved = false;
        for (id, kind, record, bases) in parked {
            let bases: Vec<String> = serde_json::from_str::<Vec<VersionId>>(&bases)
                .map_err(|e| StoreError::BadRow {
                    entity: "record version",
                    code: id.clone(),
                    detail: e.to_string(),
                })?
                .iter()
                .map(ToString::to_string)
                .collect();
            let mut ready = true;
            for b in &bases {
                let applied: bool = conn
                    .prepare_cached(
                        "SELECT EXISTS (SELECT 1 FROM record_version WHERE version_id = ?1 AND parked = 0)",
                    )?
                    .query_row([b], |r| r.get(0))?;
                if !applied {
                    ready = false;
                    break;
                }
            }
            if !ready {
                continue;
            }
            conn.prepare_cached("UPDATE record_version SET parked = 0 WHERE version_id = ?1")?
                .execute([&id])?;
            for b in &bases {
                conn.prepare_cached(
                    "DELETE FROM record_head WHERE record_id = ?1 AND version_id = ?2",
                )?
                .execute(params![record, b])?;
            }
            // A version some applied version was made from is not a head.
            let superseded: bool = conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM record_version WHERE record_id = ?1 AND parked = 0
                        AND bases LIKE '%' || ?2 || '%')",
                )?
                .query_row(params![record, id], |r| r.get(0))?;
            if !superseded {
                conn.prepare_cached(
                    "INSERT OR IGNORE INTO record_head (record_id, version_id) VALUES (?1, ?2)",
                )?
                .execute(params![record, id])?;
            }
            if let Some(k) = RecordKind::from_code(&kind) {
                touched.insert(record, k);
            }
            moved = true;
        }
        if !moved {
            return Ok(touched);
        }
    }
}

/// How a record changed in an import.
enum Change {
    New,
    Updated,
    Merged,
}

struct Materialized {
    change: Change,
    /// The land whose ledger must be recomputed (the land itself, or an activity's land).
    land: Option<String>,
}

/// Rebuilds a record's row from its heads (one head: that version; several: their merge) and
/// stores its open conflicts.
fn materialize(
    conn: &Connection,
    path: &Path,
    kind: RecordKind,
    record_id: &str,
) -> Result<Materialized, StoreError> {
    let heads = heads_of(conn, record_id)?;
    let mut versions: Vec<RecordVersion> = Vec::with_capacity(heads.len());
    for h in &heads {
        if let Some(v) = load_version(conn, *h)? {
            versions.push(v);
        }
    }
    let merged: Merged = if versions.len() > 1 {
        let graph = version_graph(conn, record_id)?;
        let base = common_base(&heads, |v| graph.get(&v).cloned());
        let base = match base {
            Some(b) => load_version(conn, b)?,
            None => None,
        };
        let refs: Vec<&RecordVersion> = versions.iter().collect();
        merge_heads(kind, base.as_ref(), &refs)
    } else {
        let refs: Vec<&RecordVersion> = versions.iter().collect();
        merge_heads(kind, None, &refs)
    };
    let exists: bool = conn
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)",
            table_of(kind)
        ))?
        .query_row([record_id], |r| r.get(0))?;
    if exists {
        spill(conn, kind, record_id, None)?;
    }
    let voided_at = merged.deleted.as_ref().map(|_| now_text());
    let (land, code) = match kind {
        RecordKind::Land => {
            let mut land = land_from_wire(merged.body.clone())?;
            let shape = land_shape(&land.points, land.geometry.as_ref());
            apply_shape(&mut land, shape)
                .map_err(|e| bundle_error(path, format!("land {}: {e}", land.code)))?;
            land.code = settle_code(conn, kind, record_id, &land.code)?;
            write_land_row_as(conn, &land, !exists, None)?;
            replace_history(conn, &land)?;
            // A new live land was written without a deletion date: nothing to change.
            if exists || voided_at.is_some() {
                conn.prepare_cached(
                    "UPDATE land SET deleted_at = CASE WHEN ?2 IS NULL THEN NULL ELSE COALESCE(deleted_at, ?2) END WHERE id = ?1",
                )?
                .execute(params![record_id, voided_at])?;
            }
            (Some(record_id.to_owned()), land.code)
        }
        RecordKind::Activity => {
            let mut activity = activity_from_wire(merged.body.clone())?;
            let land_known: bool = conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM land WHERE id = ?1)")?
                .query_row([activity.land_id.to_string()], |r| r.get(0))?;
            if !land_known {
                return Err(bundle_error(
                    path,
                    format!(
                        "activity {} is on a land this store does not hold and the bundle does not carry",
                        activity.code
                    ),
                ));
            }
            activity.code = settle_code(conn, kind, record_id, &activity.code)?;
            if exists {
                conn.prepare_cached("DELETE FROM activity_device WHERE activity_id = ?1")?
                    .execute([record_id])?;
                conn.prepare_cached("DELETE FROM activity WHERE id = ?1")?
                    .execute([record_id])?;
            }
            insert_activity_row_as(conn, &activity, None, voided_at.as_deref())?;
            (Some(activity.land_id.to_string()), activity.code)
        }
        RecordKind::HazardReport => {
            let mut report = report_from_wire(merged.body.clone())?;
            report.code = settle_code(conn, kind, record_id, &report.code)?;
            if let Some(land) = report.land_id {
                let known: bool = conn
                    .prepare_cached("SELECT EXISTS (SELECT 1 FROM land WHERE id = ?1)")?
                    .query_row([land.to_string()], |r| r.get(0))?;
                if !known {
                    report.land_id = None;
                }
            }
            write_report_row(conn, &report, !exists, None, voided_at.as_deref())?;
            (None, report.code)
        }
    };
    // A record new to this store has no conflicts listed yet.
    if exists {
        conn.prepare_cached("DELETE FROM sync_conflict WHERE record_id = ?1")?
            .execute([record_id])?;
    }
    write_conflicts(conn, kind, record_id, &code, &merged.conflicts)?;
    Ok(Materialized {
        change: if !exists {
            Change::New
        } else if versions.len() > 1 {
            Change::Merged
        } else {
            Change::Updated
        },
        land,
    })
}

/// The code a record gets: `wanted`, unless another record of its kind holds it and was made
/// first (by the clock); then `wanted` with the record's device tag. A record that loses its
/// code keeps it as an alias.
fn settle_code(
    conn: &Connection,
    kind: RecordKind,
    record_id: &str,
    wanted: &str,
) -> Result<String, StoreError> {
    let table = table_of(kind);
    let other: Option<String> = conn
        .prepare_cached(&format!(
            "SELECT id FROM {table} WHERE code = ?1 AND id != ?2"
        ))?
        .query_row(params![wanted, record_id], |r| r.get(0))
        .optional()?;
    let Some(other) = other else {
        return Ok(wanted.to_owned());
    };
    let first = |id: &str| -> Result<Option<String>, StoreError> {
        Ok(conn
            .prepare_cached(
                "SELECT MIN(hlc) FROM record_version WHERE record_id = ?1 AND bases = '[]'",
            )?
            .query_row([id], |r| r.get(0))?)
    };
    let (mine, theirs) = (first(record_id)?, first(&other)?);
    let i_keep = match (&mine, &theirs) {
        (Some(m), Some(t)) => (m, record_id) < (t, other.as_str()),
        (Some(_), None) => true,
        _ => false,
    };
    let (loser, loser_stamp) = if i_keep {
        (other.clone(), theirs)
    } else {
        (record_id.to_owned(), mine)
    };
    let tag = loser_stamp
        .as_deref()
        .and_then(|s| Hlc::decode(s).ok())
        .map_or_else(
            || loser.replace('-', "").to_uppercase(),
            |h| h.device.0.simple().to_string().to_uppercase(),
        );
    let mut renamed = String::new();
    for len in [4, 8, 12, 32] {
        let candidate = format!("{wanted}-{}", tag.get(..len).unwrap_or(&tag));
        let taken: bool = conn
            .prepare_cached(&format!(
                "SELECT EXISTS (SELECT 1 FROM {table} WHERE code = ?1)"
            ))?
            .query_row([&candidate], |r| r.get(0))?;
        if !taken {
            renamed = candidate;
            break;
        }
    }
    conn.prepare_cached(
        "INSERT OR IGNORE INTO code_alias (code, record_type, record_id) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![wanted, kind.code(), loser])?;
    if i_keep {
        rename_record(conn, kind, &other, &renamed)?;
        conn.prepare_cached("UPDATE sync_conflict SET code = ?2 WHERE record_id = ?1")?
            .execute(params![other, renamed])?;
        Ok(wanted.to_owned())
    } else {
        Ok(renamed)
    }
}

/// Gives a stored record another code (row and body), keeping everything else as it is.
fn rename_record(
    conn: &Connection,
    kind: RecordKind,
    record_id: &str,
    code: &str,
) -> Result<(), StoreError> {
    spill(conn, kind, record_id, None)?;
    let deleted_at: Option<String> = conn
        .prepare_cached(&format!(
            "SELECT deleted_at FROM {} WHERE id = ?1",
            table_of(kind)
        ))?
        .query_row([record_id], |r| r.get(0))?;
    match kind {
        RecordKind::Land => {
            let mut land = load_land_including_deleted(conn, record_id)?;
            code.clone_into(&mut land.code);
            write_land_row_as(conn, &land, false, None)?;
        }
        RecordKind::Activity => {
            let mut activity = super::bodies::load_activity_including_voided(conn, record_id)?;
            code.clone_into(&mut activity.code);
            conn.prepare_cached("DELETE FROM activity_device WHERE activity_id = ?1")?
                .execute([record_id])?;
            conn.prepare_cached("DELETE FROM activity WHERE id = ?1")?
                .execute([record_id])?;
            insert_activity_row_as(conn, &activity, None, deleted_at.as_deref())?;
        }
        RecordKind::HazardReport => {
            let mut report = super::bodies::load_report_including_voided(conn, record_id)?;
            code.clone_into(&mut report.code);
            write_report_row(conn, &report, false, None, deleted_at.as_deref())?;
        }
    }
    Ok(())
}

/// Recomputes a land's ledger, status and classification from its live activities (a merge
/// never adds ledgers up as numbers); activities that do not fit together are kept and left out
/// of the state (`check` reports them).
pub(crate) fn reproject_land(conn: &Connection, land_id: &str) -> Result<(), StoreError> {
    let land = load_land_including_deleted(conn, land_id)?;
    let activities = load_activities(conn, Some(land.id))?;
    let start = projection_start(&land, &activities);
    let lenient = project_land_lenient(start, &activities);
    let state = lenient.projected.state;
    if state.ledger == land.ledger
        && state.status == land.status
        && state.classification == land.classification
    {
        return Ok(());
    }
    let mut next = land;
    next.ledger = state.ledger;
    next.status = state.status;
    next.classification = state.classification;
    spill(conn, RecordKind::Land, land_id, None)?;
    write_land_row_as(conn, &next, false, None)
}

/// Stores the bundle's photos this store lacks (their report must be here).
fn insert_photos(conn: &Connection, bundle: &Bundle) -> Result<usize, StoreError> {
    let mut added = 0;
    for p in &bundle.photos {
        let report_known: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM hazard_report WHERE id = ?1)")?
            .query_row([&p.report_id], |r| r.get(0))?;
        if !report_known || super::photos::photo_media_type(&p.bytes).is_none() {
            continue;
        }
        let n = conn
            .prepare_cached(
                "INSERT OR IGNORE INTO hazard_report_photo (id, report_id, file_name, media_type,
                    size_bytes, bytes, added_at, deleted_at, caption)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                p.id,
                p.report_id,
                p.file_name,
                p.media_type,
                i64::try_from(p.bytes.len()).unwrap_or(i64::MAX),
                p.bytes,
                p.added_at,
                p.deleted_at,
                p.caption
            ])?;
        added += n;
    }
    Ok(added)
}

/// Remembers the sender (its name and acknowledgements) and the other devices' names.
fn remember_peers(conn: &Connection, bundle: &Bundle, received: usize) -> Result<(), StoreError> {
    let me: String = conn.query_row(
        "SELECT device_id FROM sync_identity WHERE singleton = 1",
        [],
        |r| r.get(0),
    )?;
    for (id, name) in &bundle.devices {
        if *id == me {
            continue;
        }
        conn.execute(
            "INSERT INTO sync_peer (device_id, device_name) VALUES (?1, ?2)
             ON CONFLICT (device_id) DO UPDATE SET device_name = excluded.device_name",
            params![id, name],
        )?;
    }
    let sender = bundle.meta_value("sender_device");
    if !sender.is_empty() && sender != me {
        conn.execute(
            "INSERT INTO sync_peer (device_id, device_name, knows_json, last_received_at, received_versions)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (device_id) DO UPDATE SET device_name = excluded.device_name,
                knows_json = excluded.knows_json, last_received_at = excluded.last_received_at,
                received_versions = received_versions + excluded.received_versions",
            params![
                sender,
                bundle.meta_value("sender_name"),
                bundle.meta.get("acknowledgements").cloned().unwrap_or_else(|| "{}".to_owned()),
                now_text(),
                i64::try_from(received).unwrap_or(i64::MAX)
            ],
        )?;
    }
    Ok(())
}
