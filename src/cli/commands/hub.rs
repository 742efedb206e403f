//! `hub init|add-user|status` and `sync hub` (issue 16): the programme's PostgreSQL/PostGIS hub.

use std::io::Write;

use anyhow::{Context as _, Result};
use serde_json::json;

use crate::cli::HubAction;
use crate::domain::Actor;
use crate::storage::Store;
use crate::storage::hub::{HubStage, HubTarget, hub_add_user, hub_init, hub_status, hub_summary};

/// The target with its password: from the URL, `PGPASSWORD`, `~/.pgpass`, or asked on the
/// terminal (never echoed, never stored).
fn target(url: &str, user: Option<&str>, err: &mut dyn Write) -> Result<HubTarget> {
    let mut t = HubTarget::parse(url, user)?;
    if !t.resolve_password() {
        let prompt = format!("Password of {} at {}: ", t.user, t.server());
        err.flush().ok();
        match rpassword::prompt_password(&prompt) {
            Ok(pw) if !pw.is_empty() => t.set_password(&pw),
            Ok(_) => {}
            Err(e) => {
                writeln!(
                    err,
                    "note: no password given ({e}); trying without one (set PGPASSWORD or ~/.pgpass)"
                )?;
            }
        }
    }
    Ok(t)
}

pub(super) fn run(
    out: &mut dyn Write,
    err: &mut dyn Write,
    cli_user: Option<&str>,
    action: HubAction,
) -> Result<()> {
    match action {
        HubAction::Init { url } => {
            let t = target(&url, cli_user, err)?;
            let done =
                hub_init(&t).with_context(|| format!("setting up the hub {}", t.display_url))?;
            match done.was_at {
                None => writeln!(
                    out,
                    "Created the Safeground hub {} (schema {}) at {}. Add its users with `safeground hub add-user NAME --organisation ORG --role ROLE --hub URL`.",
                    done.hub_id, done.schema_version, t.display_url
                )?,
                Some(v) if v == done.schema_version => writeln!(
                    out,
                    "{} is already a Safeground hub at schema {v}; nothing to do.",
                    t.display_url
                )?,
                Some(v) => writeln!(
                    out,
                    "Upgraded the hub at {} from schema {v} to {}.",
                    t.display_url, done.schema_version
                )?,
            }
            Ok(())
        }
        HubAction::AddUser {
            name,
            organisation,
            role,
            hub,
        } => {
            let Some(hub) = hub.or_else(|| std::env::var("SAFEGROUND_HUB_URL").ok()) else {
                anyhow::bail!(
                    "give the hub's URL: --hub postgres://OWNER@HOST/DATABASE (or SAFEGROUND_HUB_URL)"
                );
            };
            let t = target(&hub, cli_user, err)?;
            let password = match std::env::var("SAFEGROUND_HUB_NEW_PASSWORD") {
                Ok(pw) => Some(pw),
                Err(_) => {
                    rpassword::prompt_password(format!("Password for the new user {name}: ")).ok()
                }
            };
            let created = hub_add_user(&t, &name, &organisation, &role, password.as_deref())
                .with_context(|| format!("adding the user {name} to the hub {}", t.display_url))?;
            writeln!(
                out,
                "{} {name}: {role} of {organisation} on {}.",
                if created {
                    "Created the login"
                } else {
                    "Updated the existing login"
                },
                t.display_url
            )?;
            Ok(())
        }
        HubAction::Status { url, json } => {
            let t = target(&url, cli_user, err)?;
            let s = hub_status(&t).with_context(|| format!("reading the hub {}", t.display_url))?;
            if json {
                let v = json!({
                    "hub_id": s.hub_id,
                    "programme": s.programme,
                    "schema_version": s.schema_version,
                    "user": s.user,
                    "organisation": s.organisation,
                    "role": s.role,
                    "lands": s.counts[0],
                    "activities": s.counts[1],
                    "hazard_reports": s.counts[2],
                    "versions": s.counts[3],
                    "conflicts": s.counts[4],
                    "last_push": s.last_push,
                });
                writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                writeln!(
                    out,
                    "Hub {} (schema {}) at {}",
                    s.hub_id, s.schema_version, t.display_url
                )?;
                writeln!(
                    out,
                    "Programme: {}",
                    if s.programme.is_empty() {
                        "(none yet: the first push names it)"
                    } else {
                        &s.programme
                    }
                )?;
                if s.role.is_empty() {
                    writeln!(out, "{}: not a hub user (sees no records)", s.user)?;
                } else {
                    writeln!(out, "{}: {} of {}", s.user, s.role, s.organisation)?;
                }
                writeln!(
                    out,
                    "Visible: {} lands, {} activities, {} hazard reports, {} versions, {} open conflicts; last push {}",
                    s.counts[0], s.counts[1], s.counts[2], s.counts[3], s.counts[4], s.last_push
                )?;
            }
            Ok(())
        }
    }
}

pub(super) fn sync(
    out: &mut dyn Write,
    err: &mut dyn Write,
    store: &mut Store,
    actor: &Actor,
    url: Option<&str>,
    as_json: bool,
) -> Result<()> {
    let link = store.hub_link()?;
    let url = match (url, &link) {
        (Some(u), _) => u.to_owned(),
        (None, Some(l)) => l.url.clone(),
        (None, None) => anyhow::bail!(
            "this store has not synced with a hub yet: give its URL (safeground sync hub postgres://USER@HOST/DATABASE)"
        ),
    };
    let t = target(&url, Some(&actor.who), err)?;
    let mut progress = |stage: HubStage| {
        let said = match stage {
            HubStage::Connecting => format!("Connecting to {} …", t.display_url),
            HubStage::Pulling(n) => format!("Receiving {n} versions …"),
            HubStage::Pushing(n) => format!("Sending {n} versions …"),
        };
        writeln!(err, "{said}").ok();
    };
    let s = store
        .sync_hub(&t, &actor.device, &mut progress)
        .with_context(|| format!("syncing with the hub {}", t.display_url))?;
    if as_json {
        let v = json!({
            "hub": s.url,
            "organisation": s.organisation,
            "role": s.role,
            "received_versions": s.pulled.versions_new,
            "records_new": s.pulled.records_new,
            "records_updated": s.pulled.records_updated,
            "records_merged": s.pulled.records_merged,
            "sent_versions": s.pushed,
            "push": s.push_seq,
            "not_sent_other_organisation": s.not_ours,
            "not_sent_read_only": s.read_only_unsent,
            "conflicts_open": s.pulled.conflicts_open,
            "parked": s.pulled.parked,
            "joined": s.joined,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        writeln!(
            out,
            "Synced with {} as {} ({} of {}): {}.",
            s.url,
            t.user,
            s.role,
            s.organisation,
            hub_summary(&s)
        )?;
        if s.joined {
            writeln!(out, "This store joined the hub's programme.")?;
        }
    }
    Ok(())
}
