//! Exports (C7, C8, C10): one entry point for every file that leaves the store — GeoJSON, CSV,
//! GeoPackage and the donor report — used by the CLI and by the app's worker alike.
//!
//! Each export reads the records, applies the profile ([`ExportProfile::apply`]), writes the
//! file(s) atomically and then records the export in the store's export log. A file that could
//! not be logged is removed again, so the log lists every file that left the store.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use geo_types::Geometry;

use crate::basemap::Basemap;
use crate::domain::{Activity, Actor, ExportProfile, HazardReport, Land, LandId, RecordSet};
use crate::io::IoError;
use crate::io::output::{OutputError, OutputSet, Protected, Replace};
use crate::reports::{FilterError, ReportFilter, ReportOptions};
use crate::storage::gpkg::{
    GpkgColumn, GpkgColumnType, GpkgError, GpkgGeometryType, GpkgTable, GpkgValue, GpkgWriter,
};
use crate::storage::layers::{
    activities_table, activity_row, land_row, lands_table, report_row, reports_table,
};
use crate::storage::{ExportRecord, Store, StoreError};

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// GeoJSON `FeatureCollection` of lands, activities and hazard reports.
    Geojson,
    /// The ledger CSV, and the activities beside it as `<stem>.activities.csv`.
    Csv,
    /// GeoPackage with feature tables `lands`, `activities` and `hazard_reports`.
    Gpkg,
    /// The donor progress report (HTML), with `<stem>.summary.csv` and `<stem>.lands.csv`.
    Report,
}

impl ExportFormat {
    /// The code written in the export log.
    pub fn code(self) -> &'static str {
        match self {
            Self::Geojson => "geojson",
            Self::Csv => "csv",
            Self::Gpkg => "gpkg",
            Self::Report => "report",
        }
    }
}

/// One export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// Format.
    pub format: ExportFormat,
    /// Who it is for.
    pub profile: ExportProfile,
    /// The report's period, donor, organisation and admin area (data exports write the whole store).
    pub filter: ReportFilter,
    /// The file to write.
    pub output: PathBuf,
    /// Whether existing files may be replaced (`--overwrite`; a confirmation in the app).
    pub replace: Replace,
    /// The report's language (data exports keep codes and are the same in every language).
    pub lang: crate::i18n::Lang,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDone {
    /// Every file written, the main one first.
    pub files: Vec<PathBuf>,
    /// Lands, activities and hazard reports written (for a report: in its scope).
    pub counts: [usize; 3],
}

impl ExportDone {
    /// One line for people: `Exported 30 lands, 60 activities, 20 hazard reports (donor profile) to x.gpkg`.
    pub fn summary(&self, request: &ExportRequest) -> String {
        let files: Vec<String> = self.files.iter().map(|f| f.display().to_string()).collect();
        let what = if request.format == ExportFormat::Report {
            format!(
                "Wrote the progress report on {} lands and {} activities",
                self.counts[0], self.counts[1]
            )
        } else {
            format!(
                "Exported {} lands, {} activities, {} hazard reports",
                self.counts[0], self.counts[1], self.counts[2]
            )
        };
        format!(
            "{what} ({} profile) to {}",
            request.profile.code(),
            files.join(", ")
        )
    }
}

/// Why an export failed; nothing was written under the requested name.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the store or writing the log failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing GeoJSON, CSV or HTML failed.
    #[error(transparent)]
    Io(#[from] IoError),
    /// The output file was refused (the store itself, an existing file, a FIFO…) or could not
    /// be written.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// Writing the GeoPackage failed.
    #[error(transparent)]
    Gpkg(#[from] GpkgError),
    /// The report's filter is not usable.
    #[error(transparent)]
    Filter(#[from] FilterError),
    /// A reference layer chosen for the report's map cannot be read.
    #[error("the reference layer {layer}, chosen for the report's map, cannot be read: {source}")]
    Reference {
        /// The layer's name.
        layer: String,
        /// Why.
        source: crate::storage::reference::ReferenceError,
    },
}

/// The reference layers the user chose for the report's map (`in_report`), read from their
/// files, bottom first. A chosen layer that cannot be read fails the report: the donor would
/// otherwise get a map without what was asked for.
pub fn report_layers(
    store: &Store,
) -> Result<Vec<(crate::domain::LayerSpec, crate::domain::ReferenceLayer)>, ExportError> {
    let mut out = Vec::new();
    for spec in store
        .reference_layers()?
        .into_iter()
        .filter(|s| s.in_report)
    {
        if spec.format.is_tiles() {
            continue;
        }
        let layer = crate::storage::reference::read_reference_layer(&spec).map_err(|source| {
            ExportError::Reference {
                layer: spec.name.clone(),
                source,
            }
        })?;
        out.push((spec, layer));
    }
    Ok(out)
}

/// Reads every record of the store.
pub fn read_records(store: &Store) -> Result<RecordSet, StoreError> {
    Ok(RecordSet {
        lands: store.lands()?,
        activities: store.activities(None)?,
        hazard_reports: store.hazard_reports()?,
    })
}

/// Reads what an export of `format` needs: whole records for the data formats, the lean
/// aggregate read ([`Store::records_for_aggregates`]) for the report, which prints no field it
/// leaves out.
pub fn read_records_for(store: &Store, format: ExportFormat) -> Result<RecordSet, StoreError> {
    match format {
        ExportFormat::Report => store.records_for_aggregates(),
        ExportFormat::Geojson | ExportFormat::Csv | ExportFormat::Gpkg => read_records(store),
    }
}

/// Runs one export and logs it. `progress(done, total)` is called as records are written; when it
/// returns false the export stops, removes its partial file and fails with [`IoError::Cancelled`].
pub fn export(
    store: &Store,
    actor: &Actor,
    request: &ExportRequest,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ExportDone, ExportError> {
    request.filter.validate()?;
    let protected = Protected::store(store.path());
    // Refuse a bad target before the (long) read of the store.
    drop(OutputSet::prepare(
        &output_files(request),
        &protected,
        request.replace,
    )?);
    let reference = if request.format == ExportFormat::Report {
        report_layers(store)?
    } else {
        Vec::new()
    };
    let reference: Vec<crate::reports::svg::ReportLayer<'_>> =
        reference.iter().map(|(s, l)| (s, l)).collect();
    let records = read_records_for(store, request.format)?;
    let done = write(records, request, &reference, &protected, progress)?;
    let filter = if request.format == ExportFormat::Report {
        request.filter.describe(crate::i18n::Tr::default())
    } else {
        "whole store".to_owned()
    };
    let logged = store.log_export(
        actor,
        &ExportRecord {
            format: request.format.code(),
            profile: request.profile,
            filter: &filter,
            file: &request.output,
            counts: done.counts,
        },
    );
    if let Err(e) = logged {
        for file in &done.files {
            if std::fs::remove_file(file).is_err() {
                // Best effort: the log failure is the error the user must see.
            }
        }
        return Err(e.into());
    }
    Ok(done)
}

/// Every file an export writes, the main one first: a CSV export's activities and a report's
/// CSVs are siblings of the main file.
pub fn output_files(request: &ExportRequest) -> Vec<PathBuf> {
    output_paths(request.format, &request.output)
}

/// Every file an export of `format` to `path` writes, the main one first.
pub fn output_paths(format: ExportFormat, path: &Path) -> Vec<PathBuf> {
    let path = &path.to_path_buf();
    match format {
        ExportFormat::Geojson | ExportFormat::Gpkg => vec![path.clone()],
        ExportFormat::Csv => vec![path.clone(), sibling(path, "activities.csv")],
        ExportFormat::Report => vec![
            path.clone(),
            sibling(path, "summary.csv"),
            sibling(path, "lands.csv"),
        ],
    }
}

/// Writes the files of one export from records already read (no logging; see [`export`]),
/// through the one safe writer ([`OutputSet`]): all files or none appear under their names.
pub fn write(
    records: RecordSet,
    request: &ExportRequest,
    reference: &[crate::reports::svg::ReportLayer<'_>],
    protected: &Protected,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ExportDone, ExportError> {
    let set = OutputSet::prepare(&output_files(request), protected, request.replace)?;
    let counts = match request.format {
        ExportFormat::Geojson => {
            let r = request.profile.apply(records);
            set.write(0, |w| {
                crate::io::geojson::write_geojson_with_progress(
                    w,
                    &r.lands,
                    &r.activities,
                    &r.hazard_reports,
                    progress,
                )
            })?;
            counts(&r)
        }
        ExportFormat::Csv => {
            let r = request.profile.apply(records);
            let codes: BTreeMap<LandId, String> =
                r.lands.iter().map(|l| (l.id, l.code.clone())).collect();
            set.write(0, |w| crate::io::csv::write_ledger_csv(w, &r.lands))?;
            set.write(1, |w| {
                crate::io::csv::write_activities_csv(w, &r.activities, &codes)
            })?;
            counts(&r)
        }
        ExportFormat::Gpkg => {
            let r = request.profile.apply(records);
            write_gpkg(set.temp_path(0), &r, request.profile, progress)?;
            counts(&r)
        }
        ExportFormat::Report => {
            let basemap = Basemap::embedded().ok();
            let report = crate::reports::build(
                records,
                &ReportOptions {
                    filter: request.filter.clone(),
                    profile: request.profile,
                    lang: request.lang,
                },
                basemap.as_ref(),
                reference,
            )?;
            let write_text = |index: usize, text: &str| {
                set.write(index, |w| {
                    w.write_all(text.as_bytes()).map_err(IoError::from)
                })
            };
            write_text(0, &report.html)?;
            write_text(1, &report.summary_csv)?;
            write_text(2, &report.lands_csv)?;
            let counts = report.counts;
            rayon::spawn(move || drop(report));
            counts
        }
    };
    let files = set.commit()?;
    Ok(ExportDone { files, counts })
}

fn counts(r: &RecordSet) -> [usize; 3] {
    [r.lands.len(), r.activities.len(), r.hazard_reports.len()]
}

/// `dir/report.html` → `dir/report.<suffix>`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.{suffix}"))
}

/// A polygon for the GeoPackage: an empty one is written as NULL (GDAL 3.6's validator misreads
/// the empty-geometry flag of GeoPackage 1.3).
fn non_empty(shape: Option<&geo_types::MultiPolygon<f64>>) -> Option<Geometry<f64>> {
    shape
        .filter(|s| !s.0.is_empty())
        .map(|s| Geometry::MultiPolygon(s.clone()))
}

/// Writes the three feature tables. `last_change` in `gpkg_contents` is the latest date of
/// information of the records, so the same data gives the same file contents.
fn write_gpkg(
    path: &Path,
    r: &RecordSet,
    profile: ExportProfile,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(), ExportError> {
    let latest = r
        .lands
        .iter()
        .map(|l| l.date_of_information)
        .chain(r.activities.iter().map(|a| a.date_of_information))
        .chain(r.hazard_reports.iter().map(|h| h.reported_on))
        .max();
    let last_change = latest.map_or_else(
        || "1970-01-01T00:00:00.000Z".to_owned(),
        |d| format!("{d}T00:00:00.000Z"),
    );
    let mut lands: Vec<&Land> = r.lands.iter().collect();
    lands.sort_by(|a, b| a.code.cmp(&b.code));
    let codes: BTreeMap<LandId, &str> = lands.iter().map(|l| (l.id, l.code.as_str())).collect();
    let mut activities: Vec<&Activity> = r.activities.iter().collect();
    activities.sort_by(|a, b| a.code.cmp(&b.code));
    let mut reports: Vec<&HazardReport> = r.hazard_reports.iter().collect();
    reports.sort_by(|a, b| a.code.cmp(&b.code));

    let total = lands.len() + activities.len() + reports.len();
    let mut done = 0usize;
    let mut tick = |done: &mut usize| -> Result<(), ExportError> {
        *done += 1;
        if (done.is_multiple_of(200) || *done == total) && !progress(*done, total) {
            return Err(IoError::Cancelled.into());
        }
        Ok(())
    };
    let mut writer = GpkgWriter::create(path, &last_change)?;
    let mut lands_table = lands_table();
    let mut activities_table = activities_table();
    let mut reports_table = reports_table();
    let profile_note = format!("; export profile: {}", profile.code());
    for t in [&mut lands_table, &mut activities_table, &mut reports_table] {
        t.description.push_str(&profile_note);
        writer.add_table(t)?;
    }
    for land in lands {
        let geometry = non_empty(land.geometry.as_ref());
        writer.insert("lands", geometry.as_ref(), &land_row(land))?;
        tick(&mut done)?;
    }
    for a in activities {
        let geometry = non_empty(a.released_geometry.as_ref());
        let code = codes.get(&a.land_id).copied().unwrap_or("");
        writer.insert("activities", geometry.as_ref(), &activity_row(a, code))?;
        tick(&mut done)?;
    }
    for h in reports {
        let p = h.location.lon_lat;
        let geometry = Geometry::Point(geo_types::Point::new(p.lon_deg, p.lat_deg));
        let code = h
            .land_id
            .and_then(|id| codes.get(&id).copied())
            .unwrap_or("");
        writer.insert("hazard_reports", Some(&geometry), &report_row(h, code))?;
        tick(&mut done)?;
    }
    writer.finish()?;
    Ok(())
}

/// The files [`write_sample_layers`] writes into a folder.
pub const SAMPLE_LAYER_FILES: [&str; 3] = [
    "admin-boundaries.gpkg",
    "settlements.geojson",
    "roads.geojson",
];

/// Writes the fictional sample reference layers (`synthetic::sample_reference_layers`: admin
/// boundaries as a GeoPackage with `admin1` and `admin2`, settlements and roads as GeoJSON) into
/// `folder`, through the one safe writer: all three files or none.
pub fn write_sample_layers(
    folder: &Path,
    replace: Replace,
    protected: &Protected,
) -> Result<Vec<PathBuf>, ExportError> {
    let layers = crate::synthetic::sample_reference_layers(7);
    let targets = SAMPLE_LAYER_FILES.map(|f| folder.join(f));
    let set = OutputSet::prepare(&targets, protected, replace)?;
    let mut gpkg = GpkgWriter::create(set.temp_path(0), "2026-01-01T00:00:00.000Z")?;
    for layer in layers.iter().filter(|l| l.name.starts_with("admin")) {
        gpkg.add_table(&GpkgTable {
            name: layer.name.to_owned(),
            identifier: layer.name.to_owned(),
            description: "Sample admin boundaries (fictional names and P-codes)".to_owned(),
            geometry_type: GpkgGeometryType::MultiPolygon,
            columns: layer
                .fields
                .iter()
                .map(|f| GpkgColumn {
                    name: (*f).to_owned(),
                    kind: GpkgColumnType::Text,
                })
                .collect(),
        })?;
        for (geometry, values) in &layer.features {
            let values: Vec<GpkgValue> =
                values.iter().map(|v| GpkgValue::from(v.as_str())).collect();
            gpkg.insert(layer.name, Some(geometry), &values)?;
        }
    }
    gpkg.finish()?;
    for (index, name) in [(1, "settlements"), (2, "roads")] {
        let Some(layer) = layers.iter().find(|l| l.name == name) else {
            continue;
        };
        let features: Vec<geojson::Feature> = layer
            .features
            .iter()
            .map(|(g, values)| geojson::Feature {
                geometry: Some(geojson::Geometry::from(g)),
                properties: Some(
                    layer
                        .fields
                        .iter()
                        .zip(values)
                        .map(|(f, v)| ((*f).to_owned(), serde_json::Value::from(v.clone())))
                        .collect(),
                ),
                ..geojson::Feature::default()
            })
            .collect();
        let collection = geojson::FeatureCollection {
            bbox: None,
            features,
            foreign_members: None,
        };
        set.write(index, |w| -> Result<(), ExportError> {
            serde_json::to_writer(w, &collection).map_err(|e| ExportError::Io(IoError::from(e)))?;
            Ok(())
        })?;
    }
    Ok(set.commit()?)
}
