//! `sync status|export|import|conflicts|resolve` (issue 15): bundles between laptops and the
//! conflicts they leave.

use std::io::Write;

use anyhow::{Context as _, Result, bail};
use serde_json::json;

use crate::cli::SyncAction;
use crate::domain::merge::Take;
use crate::domain::{Actor, DeviceId};
use crate::io::output::Replace;
use crate::storage::{BundleScope, Store, import_summary, value_text};

pub(super) fn run(
    out: &mut dyn Write,
    store: &mut Store,
    actor: &Actor,
    action: SyncAction,
) -> Result<()> {
    match action {
        SyncAction::Status { json } => status(out, store, actor, json),
        SyncAction::Export {
            output,
            for_device,
            all,
            overwrite,
        } => {
            let scope = match (for_device, all) {
                (Some(text), false) => {
                    let id = uuid::Uuid::parse_str(text.trim()).with_context(|| {
                        "--for takes a device id (36 characters, from that laptop's `sync status`)"
                    })?;
                    BundleScope::For(DeviceId(id))
                }
                (None, true) => BundleScope::All,
                _ => bail!("say whom the bundle is for: --for DEVICE, or --all for everything"),
            };
            let written = store
                .sync_export(&output, scope, &actor.device, Replace::from_flag(overwrite))
                .with_context(|| format!("writing the sync bundle {}", output.display()))?;
            writeln!(
                out,
                "Wrote {}: {} versions, {} photos{}.",
                output.display(),
                written.versions,
                written.photos,
                match (written.for_device, written.unknown_device) {
                    (Some(d), true) =>
                        format!(" for {d} (not heard from yet, so everything this store holds)"),
                    (Some(d), false) => format!(" for {d} (what it has not acknowledged)"),
                    (None, _) => " (everything this store holds)".to_owned(),
                }
            )?;
            Ok(())
        }
        SyncAction::Import { file, dry_run } => {
            let report = store
                .sync_import(&file, dry_run, &actor.device)
                .with_context(|| format!("importing the sync bundle {}", file.display()))?;
            let from = if report.sender_name.is_empty() {
                report.sender.clone()
            } else {
                format!("{} ({})", report.sender_name, report.sender)
            };
            writeln!(
                out,
                "{} bundle from {from}: {}.",
                if dry_run {
                    "Dry run, nothing written:"
                } else {
                    "Applied"
                },
                import_summary(&report)
            )?;
            writeln!(
                out,
                "new {} / updated {} / merged {} / conflicts {} / parked {}",
                report.records_new,
                report.records_updated,
                report.records_merged,
                report.conflicts_open,
                report.parked
            )?;
            if report.joined {
                writeln!(out, "This store joined the bundle's programme.")?;
            }
            if let Some(backup) = &report.backup {
                writeln!(out, "The store before the import: {}", backup.display())?;
            }
            if report.conflicts_open > 0 {
                writeln!(
                    out,
                    "See them with `safeground sync conflicts`; settle with `safeground sync resolve CODE --field FIELD --take local|remote|VALUE`."
                )?;
            }
            Ok(())
        }
        SyncAction::Conflicts { json } => conflicts(out, store, actor, json),
        // Run by `hub::sync`, which also needs the error stream.
        SyncAction::Hub { .. } => Ok(()),
        SyncAction::Resolve { code, field, take } => {
            let take = match take.as_str() {
                "local" => Take::Local,
                "remote" => Take::Remote,
                other => Take::Value(other.to_owned()),
            };
            store
                .sync_resolve(&code, &field, &take, actor)
                .with_context(|| format!("settling the conflict on {field} of {code}"))?;
            writeln!(
                out,
                "Settled {field} of {code}; the settlement goes to the other laptops with the next bundle."
            )?;
            Ok(())
        }
    }
}

fn conflicts(out: &mut dyn Write, store: &mut Store, actor: &Actor, as_json: bool) -> Result<()> {
    let me = store.sync_identity(&actor.device)?.device;
    let open = store.sync_conflicts()?;
    let text = |field: &str, v: Option<&serde_json::Value>| {
        v.map(|v| value_text(field, v)).unwrap_or_default()
    };
    if as_json {
        let rows: Vec<serde_json::Value> = open
            .iter()
            .map(|c| {
                let field = c.conflict.field.as_str();
                json!({
                    "code": c.code,
                    "record_type": c.kind.code(),
                    "field": field,
                    "local": text(field, c.local(me)),
                    "remote": text(field, c.remote(me)),
                    "winner": text(field, c.conflict.winner().map(|w| &w.value)),
                    "status": "open",
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    if open.is_empty() {
        writeln!(out, "No open conflicts.")?;
        return Ok(());
    }
    writeln!(out, "{} open conflicts:", open.len())?;
    for c in &open {
        let field = c.conflict.field.as_str();
        writeln!(
            out,
            "{} ({}) {field}: here \"{}\", other \"{}\"; shown now: \"{}\"",
            c.code,
            c.kind.label(),
            text(field, c.local(me)),
            text(field, c.remote(me)),
            text(field, c.conflict.winner().map(|w| &w.value)),
        )?;
    }
    Ok(())
}

fn status(out: &mut dyn Write, store: &mut Store, actor: &Actor, as_json: bool) -> Result<()> {
    let id = store.sync_identity(&actor.device)?;
    let clock = store.last_hlc()?;
    let peers = store.sync_peers()?;
    let conflicts = store.sync_conflicts()?.len();
    if as_json {
        let peers: Vec<serde_json::Value> = peers
            .iter()
            .map(|p| {
                json!({
                    "device": p.device,
                    "name": p.name,
                    "last_received_at": p.last_received_at,
                    "received_versions": p.received_versions,
                    "last_sent_at": p.last_sent_at,
                    "sent_versions": p.sent_versions,
                })
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json!({
                "programme": id.programme.to_string(),
                "device": id.device.to_string(),
                "device_name": id.device_name,
                "identity_made": id.created_at,
                "last_clock": clock.map(|c| c.encode()),
                "open_conflicts": conflicts,
                "peers": peers,
            }))?
        )?;
        return Ok(());
    }
    writeln!(out, "Programme: {}", id.programme)?;
    writeln!(out, "This device: {} ({})", id.device, id.device_name)?;
    writeln!(out, "Identity made: {}", id.created_at)?;
    writeln!(
        out,
        "Clock: {}",
        clock.map_or_else(|| "no change stamped yet".to_owned(), |c| c.encode())
    )?;
    writeln!(out, "Open conflicts: {conflicts}")?;
    if peers.is_empty() {
        writeln!(out, "No bundle sent or received yet.")?;
    }
    for p in &peers {
        writeln!(
            out,
            "{} ({}): received {} versions, last {}; sent {} versions, last {}",
            if p.name.is_empty() {
                "unnamed device"
            } else {
                &p.name
            },
            p.device,
            p.received_versions,
            p.last_received_at.as_deref().unwrap_or("never"),
            p.sent_versions,
            p.last_sent_at.as_deref().unwrap_or("never"),
        )?;
    }
    Ok(())
}
