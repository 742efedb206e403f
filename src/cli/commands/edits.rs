//! `edit CODE --set FIELD=VALUE…` (lands and hazard reports) and `void CODE --reason TEXT`
//! (activities and hazard reports). The domain rules decide (date of information, four eyes,
//! the ledger recomputed after a void); these functions only turn arguments into records.

use std::io::Write;

use anyhow::{Result, anyhow, bail};
use serde_json::{Map, Value};

use crate::domain::{Actor, LandUpdate, check_hazard_report, check_land, join_field_errors};
use crate::storage::{Store, StoreError};

/// Fields a person may not set: identifiers, what the store derives, and what the workflow
/// moves (use the app's Submit, Approve and Return).
const READ_ONLY: &[&str] = &[
    "id",
    "status_history",
    "geometry_issue",
    "validation",
    "validation_comment",
    "submitted_by",
    "source_attributes",
];

/// Fields whose values are never echoed in a message (SPEC §5).
const SENSITIVE: &[&str] = &["key_informants", "reported_by", "reporter_phone", "notes"];

/// One `FIELD=VALUE` applied to a record's JSON body. Text fields take the value as it is; other
/// fields take it as JSON (numbers, `true`, `null`, lists, objects), else as text.
fn apply_set(body: &mut Map<String, Value>, record: &str, set: &str) -> Result<String> {
    let Some((field, value)) = set.split_once('=') else {
        bail!("--set: write FIELD=VALUE (for example --set name=\"North field\")");
    };
    let field = field.trim();
    let path: Vec<&str> = field.split('.').collect();
    if path.iter().any(|p| p.is_empty()) || READ_ONLY.contains(&path[0]) {
        bail!(
            "--set {field}: this field cannot be edited here{}",
            if path[0] == "validation" {
                " (submit, approve or return the record in the app)"
            } else {
                ""
            }
        );
    }
    let mut slot = &mut *body;
    for part in &path[..path.len() - 1] {
        slot = match slot.get_mut(*part) {
            Some(Value::Object(inner)) => inner,
            _ => bail!("--set {field}: a {record} has no field '{part}' holding fields"),
        };
    }
    let last = path[path.len() - 1];
    let known = slot.contains_key(last);
    if !known && path.len() == 1 {
        let mut fields: Vec<&String> = body.keys().collect();
        fields.sort();
        let fields: Vec<&str> = fields
            .iter()
            .map(|f| f.as_str())
            .filter(|f| !READ_ONLY.contains(f))
            .collect();
        bail!(
            "--set {field}: a {record} has no such field (fields: {})",
            fields.join(", ")
        );
    }
    let new = match slot.get(last) {
        Some(Value::String(_)) | None => Value::String(value.to_owned()),
        Some(_) => serde_json::from_str(value).unwrap_or_else(|_e| Value::String(value.to_owned())),
    };
    slot.insert(last.to_owned(), new);
    Ok(field.to_owned())
}

/// The record after the changes, or an error naming the field whose value does not fit.
fn rebuilt<T: serde::de::DeserializeOwned>(
    body: Map<String, Value>,
    fields: &[String],
) -> Result<T> {
    serde_json::from_value(Value::Object(body)).map_err(|e| {
        let named: Vec<&str> = fields.iter().map(String::as_str).collect();
        let sensitive = named
            .iter()
            .any(|f| SENSITIVE.contains(&f.split('.').next().unwrap_or(f)));
        // What the field expects, never the value given: a value typed into the wrong field
        // may be a phone number or a name (SPEC §5).
        let message = e.to_string();
        let expected = message.find("expected").map(|i| {
            message[i..]
                .split(" at line")
                .next()
                .unwrap_or("")
                .trim_end_matches(')')
        });
        match expected {
            Some(expected) if !sensitive => anyhow!(
                "--set {}: a value does not fit its field ({expected}); see docs/geojson-schema.md",
                named.join(", ")
            ),
            _ => anyhow!("--set {}: a value does not fit its field", named.join(", ")),
        }
    })
}

/// The fields whose value the `--set`s really changed (a value set to what it was is no change,
/// and the message must not say it was).
fn changed_fields(
    before: &Map<String, Value>,
    after: &Map<String, Value>,
    fields: Vec<String>,
) -> Vec<String> {
    let at = |body: &Map<String, Value>, field: &str| {
        let mut parts = field.split('.');
        let first = parts.next().and_then(|p| body.get(p));
        parts.fold(first, |v, p| v.and_then(|v| v.get(p))).cloned()
    };
    fields
        .into_iter()
        .filter(|f| at(before, f) != at(after, f))
        .collect()
}

pub(super) fn edit(
    out: &mut dyn Write,
    store: &mut Store,
    actor: &Actor,
    code: &str,
    sets: &[String],
) -> Result<()> {
    match store.land_by_code(code) {
        Ok(old) => {
            let Value::Object(mut body) = serde_json::to_value(&old)? else {
                bail!("the land {code} cannot be read as a record");
            };
            let before = body.clone();
            let fields = sets
                .iter()
                .map(|s| apply_set(&mut body, "land", s))
                .collect::<Result<Vec<_>>>()?;
            let fields = changed_fields(&before, &body, fields);
            if fields.is_empty() {
                writeln!(
                    out,
                    "{code}: nothing to change; every value was already so."
                )?;
                return Ok(());
            }
            let mut edited: crate::domain::Land = rebuilt(body, &fields)?;
            // What the body does not carry: the polygon (rebuilt from the points, if any) and the
            // ledger (the rule keeps the stored one).
            edited.geometry.clone_from(&old.geometry);
            let errors = check_land(&edited);
            if !errors.is_empty() {
                bail!("{}; nothing was changed", join_field_errors(&errors));
            }
            match store.update_land(edited, actor)? {
                LandUpdate::Applied(land) => writeln!(
                    out,
                    "{}: {} changed ({}).",
                    land.code,
                    plural(fields.len(), "field"),
                    fields.join(", ")
                )?,
                LandUpdate::Superseded => writeln!(
                    out,
                    "{code}: the edit is dated before the land's date of information; it was kept in the history, not applied."
                )?,
            }
            Ok(())
        }
        Err(StoreError::NotFound { .. }) => {
            let old = store.hazard_report_by_code(code).map_err(|e| match e {
                StoreError::NotFound { .. } => {
                    anyhow!("no land or hazard report with code '{code}' in this store")
                }
                other => other.into(),
            })?;
            let Value::Object(mut body) = serde_json::to_value(&old)? else {
                bail!("the hazard report {code} cannot be read as a record");
            };
            let before = body.clone();
            let fields = sets
                .iter()
                .map(|s| apply_set(&mut body, "hazard report", s))
                .collect::<Result<Vec<_>>>()?;
            let fields = changed_fields(&before, &body, fields);
            if fields.is_empty() {
                writeln!(
                    out,
                    "{code}: nothing to change; every value was already so."
                )?;
                return Ok(());
            }
            let edited: crate::domain::HazardReport = rebuilt(body, &fields)?;
            let errors = check_hazard_report(&edited);
            if !errors.is_empty() {
                bail!("{}; nothing was changed", join_field_errors(&errors));
            }
            if store.update_hazard_report(edited, actor)? {
                writeln!(
                    out,
                    "{code}: {} changed ({}).",
                    plural(fields.len(), "field"),
                    fields.join(", ")
                )?;
            } else {
                writeln!(
                    out,
                    "{code}: the edit is dated before the report; it was kept in the audit, not applied."
                )?;
            }
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) fn void(
    out: &mut dyn Write,
    store: &mut Store,
    actor: &Actor,
    code: &str,
    reason: &str,
) -> Result<()> {
    match store.void_activity(code, reason, actor) {
        Ok(land) => {
            writeln!(
                out,
                "{code} voided. {}: remaining {}, {} · {}.",
                land.code,
                land.ledger.remaining(),
                land.classification.label(),
                land.status.label()
            )?;
            Ok(())
        }
        Err(StoreError::NotFound { .. }) => match store.void_hazard_report(code, reason, actor) {
            Ok(report) => {
                writeln!(out, "{} voided.", report.code)?;
                Ok(())
            }
            Err(StoreError::NotFound { .. }) => Err(anyhow!(
                "no activity or hazard report with code '{code}' in this store (lands are not voided)"
            )),
            Err(e) => Err(e.into()),
        },
        Err(e) => Err(e.into()),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
