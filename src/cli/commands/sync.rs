//! `sync status`: this store's programme, device and clock (issue 15; bundles come next).

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use crate::cli::SyncAction;
use crate::domain::Actor;
use crate::storage::Store;

pub(super) fn run(
    out: &mut dyn Write,
    store: &mut Store,
    actor: &Actor,
    action: SyncAction,
) -> Result<()> {
    match action {
        SyncAction::Status { json } => {
            let id = store.sync_identity(&actor.device)?;
            let clock = store.last_hlc()?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&json!({
                        "programme": id.programme.to_string(),
                        "device": id.device.to_string(),
                        "device_name": id.device_name,
                        "identity_made": id.created_at,
                        "last_clock": clock.map(|c| c.encode()),
                    }))?
                )?;
            } else {
                writeln!(out, "Programme: {}", id.programme)?;
                writeln!(out, "This device: {} ({})", id.device, id.device_name)?;
                writeln!(out, "Identity made: {}", id.created_at)?;
                writeln!(
                    out,
                    "Clock: {}",
                    clock.map_or_else(|| "no change stamped yet".to_owned(), |c| c.encode())
                )?;
            }
            Ok(())
        }
    }
}
