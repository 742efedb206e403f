//! CSV export of the ledger and of activities (for spreadsheets), and CSV import of activities
//! (the same columns as the export, keyed by land code).

use std::collections::BTreeMap;
use std::io::Write;

use super::IoError;
use crate::domain::{
    Activity, ActivityDraft, DeviceDraft, ImportBatch, ImportItem, ImportRecord, ImportReporter,
    Land, LandId, LandRef,
};

const LEDGER_HEADER: [&str; 16] = [
    "code",
    "name",
    "classification",
    "status",
    "donor",
    "organisation",
    "admin1",
    "admin2",
    "estimated_m2",
    "cancelled_m2",
    "reduced_with_asset_m2",
    "reduced_without_asset_m2",
    "reduced_m2",
    "cleared_m2",
    "remaining_m2",
    "validation",
];

/// Columns of the activities CSV (export and import).
pub const ACTIVITY_HEADER: [&str; 24] = [
    "code",
    "land_code",
    "kind",
    "start_date",
    "end_date",
    "date_of_information",
    "organisation",
    "team",
    "donor",
    "project",
    "method",
    "deminer_days",
    "asset_days",
    "depth_cm",
    "cancelled_m2",
    "reduced_with_asset_m2",
    "reduced_without_asset_m2",
    "cleared_m2",
    "items_found",
    "devices",
    "handover_men_women_boys_girls",
    "direct_evidence_confirmed",
    "validation",
    "notes",
];

/// Writes one row through the one cell rule ([`crate::domain::spreadsheet_safe`]): every CSV
/// Safeground writes neutralises spreadsheet formulas and shows bidi controls.
fn write_row<'a, W: Write>(
    w: &mut csv::Writer<W>,
    fields: impl IntoIterator<Item = &'a str>,
) -> Result<(), IoError> {
    w.write_record(
        fields
            .into_iter()
            .map(crate::domain::spreadsheet_safe)
            .map(std::borrow::Cow::into_owned),
    )?;
    Ok(())
}

fn num(v: f64) -> String {
    format!("{v}")
}

fn opt(v: Option<f64>) -> String {
    v.map(num).unwrap_or_default()
}

/// Writes the ledger: one row per land, ordered by code, all areas in m².
pub fn write_ledger_csv(out: &mut dyn Write, lands: &[Land]) -> Result<(), IoError> {
    let mut w = csv::Writer::from_writer(out);
    write_row(&mut w, LEDGER_HEADER)?;
    let mut lands: Vec<&Land> = lands.iter().collect();
    lands.sort_by(|a, b| a.code.cmp(&b.code));
    for land in lands {
        let l = &land.ledger;
        write_row(
            &mut w,
            [
                land.code.as_str(),
                land.name.as_str(),
                land.classification.code(),
                land.status.code(),
                land.donor.as_str(),
                land.organisation.as_str(),
                land.admin.admin1.as_str(),
                land.admin.admin2.as_str(),
                &num(l.estimated_m2.m2()),
                &num(l.cancelled_m2().m2()),
                &num(l.released.reduced_with_asset_m2.m2()),
                &num(l.released.reduced_without_asset_m2.m2()),
                &num(l.reduced_m2().m2()),
                &num(l.cleared_m2().m2()),
                &num(l.remaining().m2()),
                land.validation.code(),
            ],
        )?;
    }
    w.flush()?;
    Ok(())
}

/// Writes activities ordered by land code, date of information and code. Devices are written
/// as `category:type/model:quantity:disposal` joined by `|`.
pub fn write_activities_csv(
    out: &mut dyn Write,
    activities: &[Activity],
    land_codes: &BTreeMap<LandId, String>,
) -> Result<(), IoError> {
    let mut w = csv::Writer::from_writer(out);
    write_row(&mut w, ACTIVITY_HEADER)?;
    let mut rows: Vec<(&str, &Activity)> = activities
        .iter()
        .map(|a| (land_codes.get(&a.land_id).map_or("", String::as_str), a))
        .collect();
    rows.sort_by(|a, b| {
        (a.0, a.1.date_of_information, &a.1.code).cmp(&(b.0, b.1.date_of_information, &b.1.code))
    });
    for (land_code, a) in rows {
        let r = &a.released;
        let devices: Vec<String> = a
            .devices
            .iter()
            .map(|d| {
                format!(
                    "{}:{}:{}:{}",
                    d.category.code(),
                    d.type_model.replace([':', '|'], " "),
                    d.quantity,
                    d.disposal.code()
                )
            })
            .collect();
        let handover = a
            .handover
            .as_ref()
            .map(|h| format!("{}/{}/{}/{}", h.men, h.women, h.boys, h.girls))
            .unwrap_or_default();
        write_row(
            &mut w,
            [
                a.code.as_str(),
                land_code,
                a.kind.code(),
                &a.start_date.to_string(),
                &a.end_date.map(|d| d.to_string()).unwrap_or_default(),
                &a.date_of_information.to_string(),
                &a.organisation,
                &a.team,
                &a.donor,
                &a.project,
                a.method.map_or("", crate::domain::Method::code),
                &opt(a.deminer_days),
                &opt(a.asset_days),
                &opt(a.depth_cm),
                &num(r.cancelled_m2.m2()),
                &num(r.reduced_with_asset_m2.m2()),
                &num(r.reduced_without_asset_m2.m2()),
                &num(r.cleared_m2.m2()),
                &a.items_found().to_string(),
                &devices.join("|"),
                &handover,
                if a.direct_evidence_confirmed {
                    "true"
                } else {
                    "false"
                },
                a.validation.code(),
                &a.notes,
            ],
        )?;
    }
    w.flush()?;
    Ok(())
}

/// Reads an activities CSV (the export's columns; `code`, `items_found` and `validation` are
/// optional) into an import batch; each row is checked like the activity form.
pub fn read_activities_csv(
    bytes: &[u8],
    reporter: &mut ImportReporter,
) -> Result<ImportBatch, IoError> {
    let text = std::str::from_utf8(bytes).map_err(|e| IoError::NotUtf8 {
        byte: e.valid_up_to(),
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    if header.iter().any(|h| h == "remaining_m2") {
        return Err(IoError::Csv(
            "this is a ledger export; the ledger is derived from activities, so import the activities CSV instead".into(),
        ));
    }
    for required in ["land_code", "kind", "start_date"] {
        if !header.iter().any(|h| h == required) {
            return Err(IoError::Csv(format!(
                "the CSV has no '{required}' column; expected the activities columns: {}",
                ACTIVITY_HEADER.join(",")
            )));
        }
    }
    let column = |row: &csv::StringRecord, name: &str| -> String {
        header
            .iter()
            .position(|h| h == name)
            .and_then(|i| row.get(i))
            .unwrap_or("")
            .to_owned()
    };
    let mut batch = ImportBatch::default();
    for (index, row) in reader.records().enumerate() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                reporter.error(Some(index), None, "", format!("cannot be read: {e}"));
                continue;
            }
        };
        let code = column(&row, "code");
        let code_ref = (!code.is_empty()).then_some(code.as_str());
        let mut devices = Vec::new();
        let mut bad_device = false;
        let device_text = column(&row, "devices");
        for (i, d) in device_text
            .split('|')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .enumerate()
        {
            let parts: Vec<&str> = d.split(':').collect();
            if parts.len() != 4 {
                reporter.error(
                    Some(index),
                    code_ref,
                    &format!("devices[{i}]"),
                    format!("'{d}' is not category:type:quantity:disposal"),
                );
                bad_device = true;
                continue;
            }
            devices.push(DeviceDraft {
                category: parts[0].into(),
                type_model: parts[1].into(),
                quantity: parts[2].into(),
                disposal: parts[3].into(),
            });
        }
        if bad_device {
            // The row is skipped whole: importing it without the items found would under-count
            // them with no sign.
            continue;
        }
        let handover: Vec<String> = column(&row, "handover_men_women_boys_girls")
            .split('/')
            .map(str::to_owned)
            .collect();
        let h = |i: usize| handover.get(i).cloned().unwrap_or_default();
        let draft = ActivityDraft {
            code: code.clone(),
            kind: column(&row, "kind"),
            start_date: column(&row, "start_date"),
            end_date: column(&row, "end_date"),
            date_of_information: column(&row, "date_of_information"),
            organisation: column(&row, "organisation"),
            team: column(&row, "team"),
            donor: column(&row, "donor"),
            project: column(&row, "project"),
            method: column(&row, "method"),
            deminer_days: column(&row, "deminer_days"),
            asset_days: column(&row, "asset_days"),
            depth_cm: column(&row, "depth_cm"),
            cancelled_m2: column(&row, "cancelled_m2"),
            reduced_with_asset_m2: column(&row, "reduced_with_asset_m2"),
            reduced_without_asset_m2: column(&row, "reduced_without_asset_m2"),
            cleared_m2: column(&row, "cleared_m2"),
            devices,
            handover_men: h(0),
            handover_women: h(1),
            handover_boys: h(2),
            handover_girls: h(3),
            direct_evidence_confirmed: matches!(
                column(&row, "direct_evidence_confirmed")
                    .trim()
                    .to_lowercase()
                    .as_str(),
                "true" | "yes" | "1"
            ),
            notes: column(&row, "notes"),
            ..ActivityDraft::default()
        };
        let land_code = column(&row, "land_code").trim().to_owned();
        if land_code.is_empty() {
            reporter.error(Some(index), code_ref, "land_code", "is required");
            continue;
        }
        match draft.validate(LandId(uuid::Uuid::nil())) {
            Ok(activity) => batch.items.push(ImportItem {
                feature: index,
                record: ImportRecord::Activity {
                    activity: Box::new(activity),
                    land: LandRef::Code(land_code),
                },
            }),
            Err(errors) => {
                for e in errors {
                    reporter.error(Some(index), code_ref, &e.field, e.message);
                }
            }
        }
    }
    Ok(batch)
}
