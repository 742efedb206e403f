//! The worker's sync commands (issue 15): bundles, the Reconciliation view's contents, settling
//! conflicts.

use super::{Command, Outcome, WorkerLoop};
use crate::app::{ConflictRow, SyncOverview};
use crate::domain::merge::GEOMETRY_FIELD;
use crate::domain::{LandId, RecordKind};
use crate::storage::hub::{HubStage, HubSync, HubTarget};
use crate::storage::{
    BundleImport, BundleScope, OpenConflict, StoreError, conflict_polygon, value_text,
};

impl WorkerLoop {
    pub(super) fn handle_sync(&mut self, command: Command) {
        match command {
            Command::LoadSync => self.send_sync(),
            Command::SyncExport { path, to, replace } => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                let scope = to.map_or(BundleScope::All, BundleScope::For);
                match store.sync_export(&path, scope, &self.actor.device, replace) {
                    Ok(b) => self.send(Outcome::Done(self.tr.done_bundle_written(
                        path.display().to_string(),
                        b.versions,
                        b.photos,
                    ))),
                    Err(e) => self.fail(&self.tr.action_writing_the_sync_bundle(), e),
                }
                self.send_sync();
            }
            Command::SyncImport(path) => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                match store.sync_import(&path, false, &self.actor.device) {
                    Ok(r) => self.send(Outcome::Done(self.tr.done_bundle_applied(
                        path.display().to_string(),
                        bundle_summary(self.tr, &r),
                    ))),
                    Err(e) => self.fail(&self.tr.action_applying_the_sync_bundle(), e),
                }
                self.send_records();
                self.send_sync();
            }
            Command::SyncHub { url, password } => {
                self.sync_hub(&url, &password.0);
                self.send_records();
                self.send_sync();
            }
            Command::ResolveConflicts { items, take } => {
                let Some(store) = self.store.as_mut() else {
                    return;
                };
                let mut settled = 0;
                for (code, field) in &items {
                    match store.sync_resolve(code, field, &take, &self.actor) {
                        Ok(()) => settled += 1,
                        Err(e) => {
                            self.fail(&self.tr.action_settling(field.as_str(), code.as_str()), e);
                            break;
                        }
                    }
                }
                if settled > 0 {
                    self.send(Outcome::Done(self.tr.done_conflicts_settled(settled)));
                }
                self.send_records();
                self.send_sync();
            }
            _ => {}
        }
    }

    /// Syncs with the hub, saying each stage (connecting, receiving, sending) as it starts.
    fn sync_hub(&mut self, url: &str, password: &str) {
        let mut target = match HubTarget::parse(url, Some(&self.actor.who)) {
            Ok(t) => t,
            Err(e) => {
                return self.fail(
                    &self.tr.action_syncing_with_the_office_server(),
                    StoreError::from(e),
                );
            }
        };
        if password.is_empty() {
            target.resolve_password();
        } else {
            target.set_password(password);
        }
        let outcomes = self.outcomes.clone();
        let waker = self.waker.clone();
        let tr = self.tr;
        let mut progress = |stage: HubStage| {
            let (text, done) = match stage {
                HubStage::Connecting => (tr.stage_connecting(target.server()), 0),
                HubStage::Pulling(n) => (tr.stage_receiving(n), 1),
                HubStage::Pushing(n) => (tr.stage_sending(n), 2),
            };
            // Best effort: a full queue only loses a progress line.
            if outcomes.try_send(Outcome::Stage(text)).is_ok()
                && outcomes
                    .try_send(Outcome::Progress { done, total: 3 })
                    .is_ok()
            {
                waker();
            }
        };
        let Some(store) = self.store.as_mut() else {
            return;
        };
        match store.sync_hub(&target, &self.actor.device, &mut progress) {
            Ok(s) => self.send(Outcome::Done(
                self.tr.done_synced(hub_sync_summary(self.tr, &s)),
            )),
            Err(e) => self.fail(&self.tr.action_syncing_with_the_office_server(), e),
        }
    }

    fn send_sync(&mut self) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let overview = (|| -> Result<SyncOverview, crate::storage::StoreError> {
            let id = store.sync_identity(&self.actor.device)?;
            let peers = store.sync_peers()?;
            let names: std::collections::HashMap<String, String> = peers
                .iter()
                .filter(|p| !p.name.is_empty())
                .map(|p| (p.device.clone(), p.name.clone()))
                .collect();
            let conflicts = store
                .sync_conflicts()?
                .iter()
                .map(|c| conflict_row(c, id.device, &names))
                .collect();
            Ok(SyncOverview {
                device: id.device.to_string(),
                device_name: id.device_name,
                programme: id.programme.to_string(),
                peers,
                conflicts,
                parked: store.sync_parked()?,
                imports: store.sync_import_log(20)?,
                hub: store.hub_link()?,
            })
        })();
        match overview {
            Ok(o) => self.send(Outcome::Sync(Box::new(o))),
            Err(e) => self.fail(&self.tr.action_reading_the_sync_state(), e),
        }
    }
}

/// A conflict in words for the Reconciliation view, with both polygons of a geometry conflict.
fn conflict_row(
    c: &OpenConflict,
    me: crate::domain::DeviceId,
    names: &std::collections::HashMap<String, String>,
) -> ConflictRow {
    let field = c.conflict.field.as_str();
    let text = |v: Option<&serde_json::Value>| v.map(|v| value_text(field, v)).unwrap_or_default();
    let theirs_value = c.remote(me);
    let theirs_from = c
        .conflict
        .values
        .iter()
        .find(|v| Some(&v.value) == theirs_value)
        .map(|v| {
            let id = v.device.to_string();
            names.get(&id).cloned().unwrap_or(id)
        })
        .unwrap_or_default();
    let polygons = (c.kind == RecordKind::Land && field == GEOMETRY_FIELD).then(|| {
        (
            c.local(me).and_then(conflict_polygon),
            theirs_value.and_then(conflict_polygon),
        )
    });
    ConflictRow {
        code: c.code.clone(),
        record_type: c.kind.label(),
        field: field.to_owned(),
        base: value_text(field, &c.conflict.base),
        mine: text(c.local(me)),
        theirs: text(theirs_value),
        theirs_from,
        shown: text(c.conflict.winner().map(|w| &w.value)),
        land: (c.kind == RecordKind::Land)
            .then(|| uuid::Uuid::parse_str(&c.record_id).ok().map(LandId))
            .flatten(),
        polygons,
    }
}

/// What a sync bundle changed, in the app's language.
fn bundle_summary(tr: crate::i18n::Tr, r: &BundleImport) -> String {
    tr.summary_bundle(
        r.versions_new,
        r.versions_in_bundle,
        r.records_new,
        r.records_updated,
        r.records_merged,
        r.conflicts_open,
        r.parked,
        r.photos_new,
    )
}

/// What a sync with the office server did, in the app's language (the hub link keeps the
/// English summary, as the CLI says it).
fn hub_sync_summary(tr: crate::i18n::Tr, s: &HubSync) -> String {
    let p = &s.pulled;
    let mut parts = vec![tr.summary_hub(
        p.versions_new,
        p.records_new,
        p.records_updated,
        p.records_merged,
        s.pushed,
        p.conflicts_open,
        p.parked,
    )];
    if s.not_ours > 0 {
        parts.push(tr.summary_hub_not_ours(s.not_ours));
    }
    if !p.skipped.is_empty() {
        parts.push(tr.summary_hub_skipped(p.skipped.len()));
    }
    if s.read_only_unsent > 0 {
        parts.push(tr.summary_hub_read_only(s.read_only_unsent));
    }
    parts.join("; ")
}
