//! One function per subcommand.

use std::io::Write;

use anyhow::{Result, anyhow, bail};

use super::{Cli, Command, ExportFormat};
use crate::domain::Actor;
use crate::reports::ReportFilter;
use crate::session::{acting_person, choose_store};
use crate::storage::Store;

use crate::io::output::Replace;
use crate::storage::{OpenMode, StoreError};

mod changes;
mod edits;
mod hub;
mod layers;
mod reading;
mod survey;
mod sync;
use changes::{demo, export, import};
use edits::{edit, void};
use reading::{check, list, show};
use survey::{convert, traverse};

pub(super) fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let Some(command) = cli.command else {
        bail!("no command given; run `safeground` without arguments to open the app");
    };
    let cli_user = cli.user;
    match command {
        Command::Convert { coord, to, json } => convert(out, &coord, to, json),
        Command::Hub { action } => hub::run(out, err, cli_user.as_deref(), action),
        Command::Traverse {
            start,
            declination,
            reference,
            bearing_unit,
            legs,
            json,
        } => traverse(
            out,
            &start,
            declination,
            reference,
            bearing_unit,
            &legs,
            json,
        ),
        other => {
            let path = choose_store(cli.db)?.path;
            // Only the commands that create data may create the store file: a mistyped --db for
            // list, report, export, backup, check or restore is refused, not made into a new,
            // empty store.
            let mode = match &other {
                Command::Demo { .. }
                | Command::Import { .. }
                | Command::Sync {
                    action:
                        crate::cli::SyncAction::Import { .. } | crate::cli::SyncAction::Hub { .. },
                } => OpenMode::CreateIfMissing,
                _ => OpenMode::Existing,
            };
            let actor = acting_person(cli_user.as_deref())?;
            let result = run_on_store(other, &path, mode, &actor, out, err);
            // A busy store: say which program holds it.
            result.map_err(|e| {
                let busy = e.chain().any(|c| {
                    c.downcast_ref::<StoreError>()
                        .is_some_and(StoreError::is_busy)
                });
                let holders = if busy {
                    crate::storage::lock_holders(&path)
                } else {
                    Vec::new()
                };
                // Errors of the store itself name the file (the sentence says what to do).
                let about_store = e.chain().any(|c| {
                    matches!(
                        c.downcast_ref::<StoreError>(),
                        Some(StoreError::Sqlite(_) | StoreError::Io(_))
                    )
                });
                let file = if about_store {
                    format!(" [store: {}]", path.display())
                } else {
                    String::new()
                };
                if holders.is_empty() {
                    if about_store {
                        anyhow!("{e:#}{file}")
                    } else {
                        e
                    }
                } else {
                    anyhow!("{e:#} (it is held by {}){file}", holders.join(", "))
                }
            })
        }
    }
}

/// A store larger than [`crate::storage::QUICK_CHECK_MAX_BYTES`] is not page-checked at open
/// (it would take seconds). Commands that write check every page first and refuse a damaged
/// store; the others say when the last full check passed.
fn check_large_store(store: &Store, command: &Command, err: &mut dyn Write) -> Result<()> {
    let bytes = store.file_bytes();
    if bytes <= crate::storage::QUICK_CHECK_MAX_BYTES {
        return Ok(());
    }
    let writes = matches!(
        command,
        Command::Import { .. } | Command::Demo { .. } | Command::Restore { .. }
    );
    if writes {
        let problems = store.page_check()?;
        if !problems.is_empty() {
            return Err(StoreError::Corrupt {
                detail: format!(
                    "{}; nothing was written",
                    problems.into_iter().take(3).collect::<Vec<_>>().join("; ")
                ),
                path: store.path().to_owned(),
            }
            .into());
        }
        return Ok(());
    }
    if matches!(
        command,
        Command::Check {
            integrity: true,
            ..
        }
    ) {
        return Ok(());
    }
    let last = store
        .last_full_check()?
        .unwrap_or_else(|| "never".to_owned());
    writeln!(
        err,
        "note: this store ({} MB) is page-checked at open only up to {} MB; its last full check passed: {last} (`safeground check --integrity` runs one)",
        bytes / 1_000_000,
        crate::storage::QUICK_CHECK_MAX_BYTES / 1_000_000
    )?;
    Ok(())
}

fn run_on_store(
    other: Command,
    path: &std::path::Path,
    mode: OpenMode,
    actor: &Actor,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    {
        {
            let mut store = Store::open_with(path, mode)?;
            if let Some(backup) = store.migration_backup() {
                writeln!(
                    err,
                    "note: the store was upgraded; a backup of the old file is at {}",
                    backup.display()
                )?;
            }
            check_large_store(&store, &other, err)?;
            match other {
                Command::Demo {
                    synthetic,
                    seed,
                    replace,
                } => demo(out, err, &mut store, actor, synthetic, seed, replace),
                Command::Import { files, strict, map } => {
                    let mapping = changes::import_mapping(&map)?;
                    import(out, err, &mut store, actor, &files, strict, &mapping)
                }
                Command::Export {
                    format,
                    profile,
                    output,
                    overwrite,
                } => {
                    let format = match format {
                        ExportFormat::Geojson => crate::exports::ExportFormat::Geojson,
                        ExportFormat::Csv => crate::exports::ExportFormat::Csv,
                        ExportFormat::Gpkg => crate::exports::ExportFormat::Gpkg,
                    };
                    let request = crate::exports::ExportRequest {
                        format,
                        profile: profile.into(),
                        filter: ReportFilter::default(),
                        output,
                        replace: Replace::from_flag(overwrite),
                        lang: crate::i18n::Lang::En,
                    };
                    export(out, &store, actor, &request)
                }
                Command::Report {
                    from,
                    to,
                    donor,
                    organisation,
                    admin_area,
                    profile,
                    output,
                    overwrite,
                    lang,
                } => {
                    let lang = match lang {
                        Some(l) => l.into(),
                        None => report_lang_from_env()?,
                    };
                    let date = |field: &str, value: Option<String>| -> Result<Option<time::Date>> {
                        value
                            .map(|v| {
                                crate::domain::parse_date(&v).ok_or_else(|| {
                                    anyhow!("--{field} '{v}' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-31")
                                })
                            })
                            .transpose()
                    };
                    let filter = ReportFilter {
                        from: date("from", from)?,
                        to: date("to", to)?,
                        donor,
                        organisation,
                        admin_area,
                    };
                    let request = crate::exports::ExportRequest {
                        format: crate::exports::ExportFormat::Report,
                        profile: profile.into(),
                        filter,
                        output,
                        replace: Replace::from_flag(overwrite),
                        lang,
                    };
                    export(out, &store, actor, &request)
                }
                Command::Layers { action } => layers::run(out, &mut store, action),
                Command::Sync {
                    action: crate::cli::SyncAction::Hub { url, json },
                } => hub::sync(out, err, &mut store, actor, url.as_deref(), json),
                Command::Sync { action } => sync::run(out, &mut store, actor, action),
                Command::Audit {
                    who,
                    code,
                    limit,
                    json,
                } => reading::audit_feed(out, &store, who, code, limit, json),
                Command::Backup { output, overwrite } => {
                    store.backup_to(&output, Replace::from_flag(overwrite))?;
                    writeln!(out, "Backed up the store to {}.", output.display())?;
                    Ok(())
                }
                Command::Restore { file } => {
                    let restored = store.restore_from(&file, actor)?;
                    writeln!(
                        out,
                        "Restored {} ({} lands). The previous contents are in {}.",
                        file.display(),
                        restored.lands,
                        restored.previous.display()
                    )?;
                    Ok(())
                }
                Command::List { what, json } => list(out, &store, what, json),
                Command::Edit { code, set } => edit(out, &mut store, actor, &code, &set),
                Command::Void { code, reason } => void(out, &mut store, actor, &code, &reason),
                Command::Show { code, json } => show(out, &store, &code, json),
                Command::Check {
                    json,
                    gps_threshold_m,
                    integrity,
                } => {
                    if integrity {
                        let problems = store.integrity_check()?;
                        if !problems.is_empty() {
                            bail!(
                                "the store file is damaged ({}); restore it from a backup",
                                problems.join("; ")
                            );
                        }
                        writeln!(
                            err,
                            "integrity_check: ok (every page of the store is sound)"
                        )?;
                    }
                    check(out, &store, json, gps_threshold_m)
                }
                Command::Convert { .. } | Command::Traverse { .. } | Command::Hub { .. } => Ok(()),
            }
        }
    }
}

/// The report's language from `$SAFEGROUND_LANG` (English when it is not set); a value that
/// names no language Safeground speaks is refused, not silently ignored.
fn report_lang_from_env() -> Result<crate::i18n::Lang> {
    match std::env::var("SAFEGROUND_LANG") {
        Ok(v) if !v.trim().is_empty() => crate::i18n::Lang::parse(&v).ok_or_else(|| {
            anyhow!(
                "$SAFEGROUND_LANG '{}' is not a language the report is written in; use en, fr, uk, es or ar",
                v.chars().take(20).collect::<String>()
            )
        }),
        _ => Ok(crate::i18n::Lang::En),
    }
}
