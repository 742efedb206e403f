//! Reference layers: the list a store remembers (table `reference_layer`, schema 8) and reading
//! a layer's file — GeoPackage feature tables here (SQLite is this module's), GeoJSON and
//! Shapefile through `io::reference`.

use std::path::{Path, PathBuf};

use geo_types::Geometry;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::error::StoreError;
use super::store::Store;
use crate::domain::{LayerFormat, LayerRole, LayerSpec, ReferenceLayer};
use crate::geometry::{Crs, reference_feature};
use crate::io::reference::{
    MAX_REFERENCE_FEATURES, ReferenceReadError, read_geojson_layer, read_shapefile_layer,
};
use crate::io::wkb::decode_wkb;

/// The largest reference file read whole into memory (GeoJSON, a Shapefile's parts), in bytes.
pub const MAX_REFERENCE_FILE_BYTES: u64 = 1 << 30;

/// Why a reference layer could not be read. The message names the file (the user chose it) and
/// the reason, never attribute values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    /// The file's extension is not a supported format.
    #[error(
        "{path}: not a reference layer format Safeground reads (GeoPackage, GeoJSON, Shapefile, MBTiles, PMTiles)"
    )]
    Format {
        /// The file.
        path: PathBuf,
    },
    /// The file could not be opened or read.
    #[error("{path}: cannot be read ({reason})")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The file was read but its content is not a usable layer.
    #[error("{path}: {reason}")]
    Content {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

impl ReferenceError {
    fn io(path: &Path, e: &std::io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            reason: crate::io::output::describe_io(e),
        }
    }

    fn content(path: &Path, reason: impl std::fmt::Display) -> Self {
        Self::Content {
            path: path.to_owned(),
            reason: reason.to_string(),
        }
    }
}

impl Store {
    /// The store's reference layers, in drawing order (bottom first).
    pub fn reference_layers(&self) -> Result<Vec<LayerSpec>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, path, table_name, format, role, name, label_field, visible, in_report, position
             FROM reference_layer ORDER BY position, id",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let path: String = r.get(1)?;
            let format: String = r.get(3)?;
            let role: String = r.get(4)?;
            let bad = |detail: String| StoreError::BadRow {
                entity: "reference layer",
                code: path.clone(),
                detail,
            };
            let format = LayerFormat::from_path(Path::new(&format!("x.{format}")))
                .ok_or_else(|| bad(format!("unknown format {format}")))?;
            let role =
                LayerRole::from_code(&role).ok_or_else(|| bad(format!("unknown role {role}")))?;
            out.push(LayerSpec {
                id: r.get(0)?,
                path: PathBuf::from(&path),
                table: r.get(2)?,
                format,
                role,
                name: r.get(5)?,
                label_field: r.get(6)?,
                visible: r.get(7)?,
                in_report: r.get(8)?,
                position: r.get(9)?,
            });
        }
        Ok(out)
    }

    /// Adds a reference layer on top of the others; a file (and table) already listed is
    /// updated instead. Returns the layer as saved.
    pub fn add_reference_layer(&mut self, spec: &LayerSpec) -> Result<LayerSpec, StoreError> {
        let tx = self.conn.transaction()?;
        let path = spec.path.to_string_lossy().into_owned();
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM reference_layer WHERE path = ?1 AND table_name IS ?2",
                params![path, spec.table],
                |r| r.get(0),
            )
            .optional()?;
        let id = if let Some(id) = existing {
            id
        } else {
            let top: i64 = tx.query_row(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM reference_layer",
                [],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO reference_layer (path, table_name, format, role, name, label_field, visible, in_report, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    path,
                    spec.table,
                    format_code(spec.format),
                    spec.role.code(),
                    spec.name,
                    spec.label_field,
                    spec.visible,
                    spec.in_report,
                    top
                ],
            )?;
            tx.last_insert_rowid()
        };
        tx.commit()?;
        let mut saved = spec.clone();
        saved.id = id;
        if existing.is_some() {
            self.update_reference_layer(&saved)?;
        }
        self.reference_layers()?
            .into_iter()
            .find(|l| l.id == id)
            .ok_or(StoreError::NotFound {
                entity: "reference layer",
                code: id.to_string(),
            })
    }

    /// Saves a layer's role, name, label, visibility and report choice.
    pub fn update_reference_layer(&mut self, spec: &LayerSpec) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE reference_layer SET role = ?2, name = ?3, label_field = ?4, visible = ?5, in_report = ?6
             WHERE id = ?1",
            params![
                spec.id,
                spec.role.code(),
                spec.name,
                spec.label_field,
                spec.visible,
                spec.in_report
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                entity: "reference layer",
                code: spec.id.to_string(),
            });
        }
        Ok(())
    }

    /// Moves a layer one step up (drawn later, over its neighbour) or down.
    pub fn move_reference_layer(&mut self, id: i64, up: bool) -> Result<(), StoreError> {
        let mut layers = self.reference_layers()?;
        let Some(at) = layers.iter().position(|l| l.id == id) else {
            return Err(StoreError::NotFound {
                entity: "reference layer",
                code: id.to_string(),
            });
        };
        let other = if up { at + 1 } else { at.wrapping_sub(1) };
        if other >= layers.len() {
            return Ok(());
        }
        layers.swap(at, other);
        let tx = self.conn.transaction()?;
        for (position, l) in layers.iter().enumerate() {
            tx.execute(
                "UPDATE reference_layer SET position = ?2 WHERE id = ?1",
                params![l.id, i64::try_from(position).unwrap_or(i64::MAX)],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes a layer from the list (the file is left alone).
    pub fn remove_reference_layer(&mut self, id: i64) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM reference_layer WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                entity: "reference layer",
                code: id.to_string(),
            });
        }
        Ok(())
    }
}

fn format_code(format: LayerFormat) -> &'static str {
    match format {
        LayerFormat::GeoJson => "geojson",
        LayerFormat::GeoPackage => "gpkg",
        LayerFormat::Shapefile => "shp",
        LayerFormat::MbTiles => "mbtiles",
        LayerFormat::PmTiles => "pmtiles",
    }
}

/// The layers a file offers: one per feature table of a GeoPackage, else one. Each comes with a
/// name, a guessed role and a guessed label field, ready to be added. Reads the file (use off the
/// UI thread).
pub fn layers_in_file(path: &Path) -> Result<Vec<(LayerSpec, ReferenceLayer)>, ReferenceError> {
    let format = LayerFormat::from_path(path).ok_or_else(|| ReferenceError::Format {
        path: path.to_owned(),
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = LayerSpec {
        id: 0,
        path: path.to_owned(),
        table: None,
        format,
        role: LayerRole::Tiles,
        name: stem.clone(),
        label_field: None,
        visible: true,
        in_report: false,
        position: 0,
    };
    if format.is_tiles() {
        std::fs::metadata(path).map_err(|e| ReferenceError::io(path, &e))?;
        return Ok(vec![(base, ReferenceLayer::default())]);
    }
    let tables = if format == LayerFormat::GeoPackage {
        geopackage_feature_tables(path)?
            .into_iter()
            .map(Some)
            .collect()
    } else {
        vec![None]
    };
    let mut out = Vec::new();
    for table in tables {
        let mut spec = base.clone();
        spec.table.clone_from(&table);
        if let Some(t) = &table {
            spec.name = if t.eq_ignore_ascii_case(&stem) {
                stem.clone()
            } else {
                format!("{stem} · {t}")
            };
        }
        let layer = read_reference_layer(&spec)?;
        spec.role = LayerRole::guess(&spec.name, &layer.fields);
        spec.label_field = match spec.role {
            LayerRole::Settlements | LayerRole::AdminBoundaries => layer.guess_label_field(),
            _ => None,
        };
        out.push((spec, layer));
    }
    Ok(out)
}

/// Reads a vector layer's features (a tile package has none). Reads the whole file: use off
/// the UI thread.
pub fn read_reference_layer(spec: &LayerSpec) -> Result<ReferenceLayer, ReferenceError> {
    let path = spec.path.as_path();
    let read = |p: &Path| -> Result<Vec<u8>, ReferenceError> {
        let len = std::fs::metadata(p)
            .map_err(|e| ReferenceError::io(p, &e))?
            .len();
        if len > MAX_REFERENCE_FILE_BYTES {
            return Err(ReferenceError::content(
                p,
                format!("larger than {} MiB", MAX_REFERENCE_FILE_BYTES >> 20),
            ));
        }
        std::fs::read(p).map_err(|e| ReferenceError::io(p, &e))
    };
    let content = |e: ReferenceReadError| ReferenceError::content(path, e);
    match spec.format {
        LayerFormat::MbTiles | LayerFormat::PmTiles => Ok(ReferenceLayer::default()),
        LayerFormat::GeoJson => read_geojson_layer(&read(path)?).map_err(content),
        LayerFormat::Shapefile => {
            let shp = read(path)?;
            let dbf_path = sibling(path, "dbf").ok_or_else(|| {
                content(ReferenceReadError::MissingPart(
                    path.with_extension("dbf").display().to_string(),
                ))
            })?;
            let dbf = read(&dbf_path)?;
            let prj = match sibling(path, "prj") {
                Some(p) => Some(String::from_utf8_lossy(&read(&p)?).into_owned()),
                None => None,
            };
            read_shapefile_layer(&shp, &dbf, prj.as_deref()).map_err(content)
        }
        LayerFormat::GeoPackage => read_geopackage_layer(path, spec.table.as_deref()),
    }
}

/// A file beside `path` with the same stem and the extension in either case.
fn sibling(path: &Path, ext: &str) -> Option<PathBuf> {
    [ext.to_owned(), ext.to_ascii_uppercase()]
        .into_iter()
        .map(|e| path.with_extension(e))
        .find(|p| p.is_file())
}

fn open_geopackage(path: &Path) -> Result<Connection, ReferenceError> {
    std::fs::metadata(path).map_err(|e| ReferenceError::io(path, &e))?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| ReferenceError::content(path, format!("not a GeoPackage ({e})")))?;
    // A file from elsewhere: its schema may not run functions (in views, triggers or
    // defaults); only plain tables are read (a view could be an endless recursive query).
    conn.pragma_update(None, "trusted_schema", false)
        .map_err(|e| ReferenceError::content(path, format!("not a GeoPackage ({e})")))?;
    Ok(conn)
}

/// The feature tables of a GeoPackage, in `gpkg_contents` order.
pub fn geopackage_feature_tables(path: &Path) -> Result<Vec<String>, ReferenceError> {
    let conn = open_geopackage(path)?;
    let not_gpkg = |e: rusqlite::Error| {
        ReferenceError::content(path, format!("not a GeoPackage (no feature list: {e})"))
    };
    let mut stmt = conn
        .prepare("SELECT c.table_name FROM gpkg_contents c JOIN sqlite_master m ON m.name = c.table_name AND m.type = 'table' WHERE c.data_type = 'features' ORDER BY c.rowid")
        .map_err(not_gpkg)?;
    let tables = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(not_gpkg)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(not_gpkg)?;
    if tables.is_empty() {
        return Err(ReferenceError::content(
            path,
            "the GeoPackage has no feature tables",
        ));
    }
    Ok(tables)
}

/// Reads one feature table of a GeoPackage (the first when `table` is `None`).
fn read_geopackage_layer(
    path: &Path,
    table: Option<&str>,
) -> Result<ReferenceLayer, ReferenceError> {
    let tables = geopackage_feature_tables(path)?;
    let table = match table {
        Some(t) => tables
            .iter()
            .find(|x| x.as_str() == t)
            .ok_or_else(|| ReferenceError::content(path, format!("no feature table named {t}")))?,
        None => &tables[0],
    };
    let conn = open_geopackage(path)?;
    let sql_error =
        |e: rusqlite::Error| ReferenceError::content(path, format!("table {table}: {e}"));
    let (geom_column, srs_id): (String, i64) = conn
        .query_row(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?1",
            [table],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(sql_error)?;
    let crs = geopackage_crs(&conn, srs_id).ok_or_else(|| {
        ReferenceError::content(
            path,
            ReferenceReadError::Crs(format!("table {table}, srs_id {srs_id}")),
        )
    })?;
    let quoted = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {}", quoted(table)))
        .map_err(sql_error)?;
    let columns: Vec<String> = stmt
        .column_names()
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
    let geom_at = columns
        .iter()
        .position(|c| c.eq_ignore_ascii_case(&geom_column))
        .ok_or_else(|| {
            ReferenceError::content(path, format!("table {table} has no geometry column"))
        })?;
    let attribute_columns: Vec<usize> = (0..columns.len()).filter(|i| *i != geom_at).collect();
    let mut layer = ReferenceLayer {
        fields: attribute_columns
            .iter()
            .map(|i| columns[*i].clone())
            .collect(),
        features: Vec::new(),
        skipped: 0,
    };
    let mut rows = stmt.query([]).map_err(sql_error)?;
    while let Some(row) = rows.next().map_err(sql_error)? {
        if layer.features.len() + layer.skipped >= MAX_REFERENCE_FEATURES {
            return Err(ReferenceError::content(path, ReferenceReadError::TooLarge));
        }
        let geometry = match row.get_ref(geom_at).map_err(sql_error)? {
            rusqlite::types::ValueRef::Blob(b) => {
                geopackage_geometry(b).and_then(|g| crs.geometry_to_lon_lat(&g))
            }
            _ => None,
        };
        let Some(geometry) = geometry else {
            layer.skipped += 1;
            continue;
        };
        let mut values = Vec::with_capacity(attribute_columns.len());
        for i in &attribute_columns {
            values.push(match row.get_ref(*i).map_err(sql_error)? {
                rusqlite::types::ValueRef::Null | rusqlite::types::ValueRef::Blob(_) => {
                    String::new()
                }
                rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                rusqlite::types::ValueRef::Real(v) => v.to_string(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            });
        }
        match reference_feature(geometry, values) {
            Some(f) => layer.features.push(f),
            None => layer.skipped += 1,
        }
    }
    Ok(layer)
}

fn geopackage_crs(conn: &Connection, srs_id: i64) -> Option<Crs> {
    if srs_id == 4326 {
        return Some(Crs::LonLat);
    }
    let (organisation, code, definition): (String, i64, String) = conn
        .query_row(
            "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?1",
            [srs_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .ok()?;
    if organisation.eq_ignore_ascii_case("EPSG") {
        Crs::from_epsg(code)
    } else {
        Crs::from_wkt(&definition)
    }
}

/// A GeoPackage geometry blob: the `GP` header (magic, version, flags, srs id, envelope),
/// then WKB. `None` for an empty geometry or unreadable bytes.
fn geopackage_geometry(blob: &[u8]) -> Option<Geometry<f64>> {
    if blob.len() < 8 || &blob[0..2] != b"GP" {
        return None;
    }
    let flags = blob[3];
    if flags & 0b1_0000 != 0 {
        return None; // empty geometry
    }
    let envelope = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        _ => return None,
    };
    let wkb = blob.get(8 + envelope..)?;
    decode_wkb(wkb).ok()
}
