//! A generic writer for OGC GeoPackage 1.3 files holding feature tables.
//!
//! This module knows nothing of Safeground's records: a caller declares feature tables
//! ([`GpkgTable`]) and inserts rows of [`GpkgValue`]s with an optional geometry; another module
//! maps domain records to those rows. It is the only GeoPackage code in the project.
//!
//! # What the file contains
//!
//! - The SQLite header carries `application_id` 0x47504B47 ("GPKG") and `user_version` 10300
//!   (GeoPackage 1.3.0).
//! - `gpkg_spatial_ref_sys` with the three records the standard requires: -1 (undefined
//!   Cartesian), 0 (undefined geographic) and 4326 (WGS 84, EPSG, with its WKT definition).
//! - `gpkg_contents` and `gpkg_geometry_columns`, one row per feature table, all in SRS 4326,
//!   2D (`z` = 0, `m` = 0). The bounding box in `gpkg_contents` is the envelope of the table's
//!   non-empty geometries, NULL when it has none.
//! - One feature table per [`GpkgTable`]: `fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL`,
//!   a nullable `geom` column declared `POINT` or `MULTIPOLYGON`, then the attribute columns.
//! - The `RTree` Spatial Index extension for every feature table: a `gpkg_extensions` row with
//!   scope `write-only`, the virtual table `rtree_<table>_geom`, filled when the writer finishes,
//!   and the six triggers of the standard that keep it current when other programs edit the file.
//!   Those triggers call `ST_IsEmpty`, `ST_MinX` and friends, which GeoPackage-aware programs
//!   (GDAL, QGIS) provide; a plain SQLite shell can read the file but cannot change the rows of a
//!   feature table.
//!
//! Geometries are stored as `StandardGeoPackageBinary`: the header (`GP`, version 0, little-endian
//! flags, SRS 4326, an XY envelope for non-empty geometries; empty ones are flagged empty and
//! carry no envelope), then ISO WKB in little-endian byte order, x = longitude, y = latitude.
//!
//! # How it is written
//!
//! [`GpkgWriter::create`] creates a new file at the path it is given, which must not exist (the
//! caller gives the temporary name that [`crate::io::output::OutputSet`] reserved; only that
//! module renames files into place), and writes it in one transaction, with the rollback journal
//! kept in memory (nothing else ever reads the file, and a failed export throws it away).
//! [`GpkgWriter::finish`] builds the spatial indexes, commits (which syncs the file to disk) and
//! closes the file. A writer dropped before `finish`, or whose `finish` failed, deletes the file.
//!
//! Errors in what the caller passes (names, value types, coordinates) are reported before
//! anything is written, and the writer stays usable. An error from SQLite itself (a full disk,
//! a vanished folder) closes the file: every later call answers [`GpkgError::Aborted`], and the
//! export must be started again.

use std::fmt::Write as _;
use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};

use geo_types::{Geometry, MultiPolygon, Point, Polygon};
use rusqlite::Connection;

use crate::io::wkb::{EncodeError, Envelope, WKB_MULTIPOLYGON, WkbWriter};

/// `PRAGMA application_id` of a GeoPackage: "GPKG" in ASCII.
const APPLICATION_ID: i32 = 0x4750_4B47;

/// `PRAGMA user_version` of a GeoPackage 1.3.0 file.
const USER_VERSION: i32 = 10_300;

/// The SRS of every geometry this writer stores (WGS 84 longitude/latitude).
const SRS_ID: i32 = 4326;

/// Name of the geometry column of every feature table.
const GEOMETRY_COLUMN: &str = "geom";

/// Name of the integer primary key of every feature table.
const ID_COLUMN: &str = "fid";

/// `gpkg_extensions.definition` of the `RTree` Spatial Index extension.
const RTREE_DEFINITION: &str = "http://www.geopackage.org/spec130/#extension_rtree";

/// OGC WKT 1 definition of EPSG:4326, as published by EPSG.
const WGS84_WKT: &str = concat!(
    r#"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,"#,
    r#"AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],"#,
    r#"PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],"#,
    r#"UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],"#,
    r#"AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#
);

/// The core tables of GeoPackage 1.3 (Annex C of the standard) and the extensions table.
const CORE_SCHEMA: &str = "
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition  TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE,
  min_y DOUBLE,
  max_x DOUBLE,
  max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
CREATE TABLE gpkg_extensions (
  table_name TEXT,
  column_name TEXT,
  extension_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
";

/// Geometry type of a feature table's geometry column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GpkgGeometryType {
    /// One point per row (`POINT`).
    Point,
    /// One or more polygons per row (`MULTIPOLYGON`); a single `Polygon` is stored as a
    /// multipolygon of one part.
    MultiPolygon,
}

impl GpkgGeometryType {
    /// The geometry type name used in the column declaration and in `gpkg_geometry_columns`.
    pub fn sql_name(self) -> &'static str {
        match self {
            Self::Point => "POINT",
            Self::MultiPolygon => "MULTIPOLYGON",
        }
    }
}

/// SQL type of an attribute column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GpkgColumnType {
    /// UTF-8 text (`TEXT`); takes [`GpkgValue::Text`].
    Text,
    /// 64-bit signed integer (`INTEGER`); takes [`GpkgValue::Integer`].
    Integer,
    /// 64-bit float (`REAL`); takes a finite [`GpkgValue::Real`].
    Real,
    /// Calendar date (`DATE`), stored as text `YYYY-MM-DD`; takes [`GpkgValue::Text`].
    Date,
}

impl GpkgColumnType {
    /// The type in the column declaration.
    pub fn sql_name(self) -> &'static str {
        match self {
            Self::Text => "TEXT",
            Self::Integer => "INTEGER",
            Self::Real => "REAL",
            Self::Date => "DATE",
        }
    }
}

/// An attribute column of a feature table. Every attribute column accepts NULL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GpkgColumn {
    /// Column name; must match `[a-z_][a-z0-9_]*` and must not be `fid` or `geom`.
    pub name: String,
    /// Its SQL type.
    pub kind: GpkgColumnType,
}

/// One attribute value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum GpkgValue {
    /// SQL NULL; accepted by every column.
    Null,
    /// Text, for [`GpkgColumnType::Text`] and (as `YYYY-MM-DD`) [`GpkgColumnType::Date`].
    Text(String),
    /// An integer, for [`GpkgColumnType::Integer`].
    Integer(i64),
    /// A finite float, for [`GpkgColumnType::Real`].
    Real(f64),
}

impl GpkgValue {
    /// Name of the variant, for error messages.
    fn kind_name(&self) -> &'static str {
        match self {
            Self::Null => "NULL",
            Self::Text(_) => "text",
            Self::Integer(_) => "an integer",
            Self::Real(_) => "a real number",
        }
    }
}

impl From<String> for GpkgValue {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

impl From<&str> for GpkgValue {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<i64> for GpkgValue {
    fn from(value: i64) -> Self {
        Self::Integer(value)
    }
}

impl From<f64> for GpkgValue {
    fn from(value: f64) -> Self {
        Self::Real(value)
    }
}

impl<T: Into<Self>> From<Option<T>> for GpkgValue {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Into::into)
    }
}

/// Declaration of a feature table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GpkgTable {
    /// Table name (`gpkg_contents.table_name`); must match `[a-z_][a-z0-9_]*` and must not
    /// start with `gpkg_` (reserved by the standard), `sqlite_` (reserved by SQLite) or `rtree_`
    /// (the spatial indexes' names).
    pub name: String,
    /// Short human-readable name (`gpkg_contents.identifier`); unique within the file.
    pub identifier: String,
    /// Human-readable description (`gpkg_contents.description`).
    pub description: String,
    /// Type of the nullable `geom` column (SRS 4326).
    pub geometry_type: GpkgGeometryType,
    /// Attribute columns, after `fid` and `geom`, in the order values are given to
    /// [`GpkgWriter::insert`].
    pub columns: Vec<GpkgColumn>,
}

/// Why writing a GeoPackage failed.
#[derive(Debug, thiserror::Error)]
pub enum GpkgError {
    /// The file could not be created (or a stale `.partial` file could not be removed).
    #[error("cannot create the GeoPackage file {}: {}", path.display(), io_reason(source))]
    Create {
        /// The GeoPackage file asked for.
        path: PathBuf,
        /// What the file system said.
        #[source]
        source: io::Error,
    },
    /// SQLite failed while writing; the file was closed and will be removed.
    #[error("cannot write the GeoPackage file {} ({action}): {source}", path.display())]
    Write {
        /// The GeoPackage file asked for.
        path: PathBuf,
        /// What was being written.
        action: String,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// An earlier write error closed the file; nothing more can be written to it.
    #[error(
        "the GeoPackage file {} was abandoned after an earlier write error; start the export again",
        .0.display()
    )]
    Aborted(PathBuf),
    /// The `last_change` timestamp is not in the form the standard requires.
    #[error(
        "the last-change time '{0}' is not a UTC time of the form YYYY-MM-DDTHH:MM:SS.sssZ \
         (for example 2026-11-24T10:00:00.000Z)"
    )]
    InvalidTimestamp(String),
    /// A table name that is not allowed.
    #[error(
        "the table name '{0}' is not allowed: use lower-case ASCII letters, digits and underscores, \
         not starting with a digit, gpkg_, rtree_ or sqlite_"
    )]
    InvalidTableName(String),
    /// A column name that is not allowed.
    #[error(
        "the column name '{column}' of table {table} is not allowed: use lower-case ASCII letters, \
         digits and underscores, not starting with a digit, and not fid or geom"
    )]
    InvalidColumnName {
        /// The table.
        table: String,
        /// The column name given.
        column: String,
    },
    /// The same column name twice in one table.
    #[error("table {table} declares the column {column} twice")]
    DuplicateColumn {
        /// The table.
        table: String,
        /// The repeated column name.
        column: String,
    },
    /// A table with this name was already added.
    #[error("the GeoPackage already has a table named {0}")]
    DuplicateTable(String),
    /// A table with this identifier was already added (identifiers must be unique).
    #[error("the GeoPackage already has a table with the identifier '{0}'")]
    DuplicateIdentifier(String),
    /// [`GpkgWriter::insert`] named a table that was not added.
    #[error("no table named {0} was added to this GeoPackage")]
    UnknownTable(String),
    /// A row with more or fewer values than the table has attribute columns.
    #[error("table {table}, row {row}: {found} values given for {expected} columns")]
    ValueCount {
        /// The table.
        table: String,
        /// Row number, from 1, counting every insert into this table.
        row: usize,
        /// Number of attribute columns.
        expected: usize,
        /// Number of values given.
        found: usize,
    },
    /// A value of the wrong type for its column.
    #[error("table {table}, row {row}, column {column}: expected {expected}, got {found}")]
    ValueType {
        /// The table.
        table: String,
        /// Row number, from 1, counting every insert into this table.
        row: usize,
        /// The column.
        column: String,
        /// What the column takes.
        expected: &'static str,
        /// What was given.
        found: &'static str,
    },
    /// Text in a date column that is not a `YYYY-MM-DD` date.
    #[error(
        "table {table}, row {row}, column {column}: '{value}' is not a date of the form YYYY-MM-DD"
    )]
    InvalidDate {
        /// The table.
        table: String,
        /// Row number, from 1, counting every insert into this table.
        row: usize,
        /// The column.
        column: String,
        /// The text given.
        value: String,
    },
    /// A NaN or infinite value in a real column.
    #[error("table {table}, row {row}, column {column}: the number is not finite ({value})")]
    NonFiniteValue {
        /// The table.
        table: String,
        /// Row number, from 1, counting every insert into this table.
        row: usize,
        /// The column.
        column: String,
        /// The value given.
        value: f64,
    },
    /// A geometry of a type the table does not hold.
    #[error("table {table}, row {row}: a {found} cannot be stored in a {expected} table")]
    GeometryType {
        /// The table.
        table: String,
        /// Row number, from 1, counting every insert into this table.
        row: usize,
        /// The table's geometry type.
        expected: &'static str,
        /// The geometry type given.
        found: &'static str,
    },
    /// A coordinate that is NaN or infinite.
    #[error("table {table}, row {row}: the geometry has a coordinate that is not a finite number")]
    NonFiniteCoordinate {
        /// The table.
        table: String,
        /// Row number, from 1, counting every insert into this table.
        row: usize,
    },
    /// A geometry with more than 2^32 - 1 parts, rings or vertices, which WKB cannot count.
    #[error("table {table}, row {row}: the geometry has too many parts or vertices to store")]
    GeometryTooLarge {
        /// The table.
        table: String,
        /// Row number, from 1, counting every insert into this table.
        row: usize,
    },
}

/// A plain-language reason for a file-system error.
fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::IsADirectory => "a folder has that name".to_owned(),
        _ => error.to_string(),
    }
}

/// Flags byte: little-endian header (bit 0), XY envelope (envelope code 1 in bits 1-3).
const FLAGS_XY_ENVELOPE: u8 = 0b0000_0011;
/// Flags byte: little-endian header, empty geometry (bit 4), no envelope.
const FLAGS_EMPTY: u8 = 0b0001_0001;
/// Length of the header with an XY envelope: magic, version, flags, `srs_id`, 4 doubles.
const HEADER_LEN: usize = 8 + 4 * 8;

/// Appends `StandardGeoPackageBinary` (header and little-endian ISO WKB) to `out`.
///
/// Returns the geometry's envelope, or `None` for an empty geometry (flagged empty, no
/// envelope in the header).
fn encode_gpkg_geometry(
    geometry: &GeometryRef<'_>,
    out: &mut Vec<u8>,
) -> Result<Option<Envelope>, EncodeError> {
    let start = out.len();
    out.extend_from_slice(b"GP");
    out.push(0); // version 1 of the binary format
    out.push(FLAGS_XY_ENVELOPE);
    out.extend_from_slice(&SRS_ID.to_le_bytes());
    out.extend_from_slice(&[0; 32]); // envelope, filled below
    let mut wkb = WkbWriter::new(out);
    match geometry {
        GeometryRef::Point(point) => wkb.point(*point),
        GeometryRef::Polygon(polygon) => {
            // Stored as a multipolygon of one part.
            wkb.header(WKB_MULTIPOLYGON);
            wkb.count(1)?;
            wkb.polygon(polygon)?;
        }
        GeometryRef::MultiPolygon(multi) => {
            wkb.header(WKB_MULTIPOLYGON);
            wkb.count(multi.0.len())?;
            for polygon in &multi.0 {
                wkb.polygon(polygon)?;
            }
        }
    }
    if !wkb.finite {
        return Err(EncodeError::NonFinite);
    }
    if wkb.coordinates == 0 {
        out[start + 3] = FLAGS_EMPTY;
        out.drain(start + 8..start + HEADER_LEN);
        return Ok(None);
    }
    let envelope = wkb.envelope;
    let slot = &mut out[start + 8..start + HEADER_LEN];
    for (chunk, value) in slot.chunks_exact_mut(8).zip([
        envelope.min_x,
        envelope.max_x,
        envelope.min_y,
        envelope.max_y,
    ]) {
        chunk.copy_from_slice(&value.to_le_bytes());
    }
    Ok(Some(envelope))
}

/// A geometry the writer accepts, after checking it against the table's type.
enum GeometryRef<'a> {
    Point(Point<f64>),
    Polygon(&'a Polygon<f64>),
    MultiPolygon(&'a MultiPolygon<f64>),
}

/// Name of a geometry's type, for error messages.
fn geometry_name(geometry: &Geometry<f64>) -> &'static str {
    match geometry {
        Geometry::Point(_) => "Point",
        Geometry::Line(_) => "Line",
        Geometry::LineString(_) => "LineString",
        Geometry::Polygon(_) => "Polygon",
        Geometry::MultiPoint(_) => "MultiPoint",
        Geometry::MultiLineString(_) => "MultiLineString",
        Geometry::MultiPolygon(_) => "MultiPolygon",
        Geometry::GeometryCollection(_) => "GeometryCollection",
        Geometry::Rect(_) => "Rect",
        Geometry::Triangle(_) => "Triangle",
    }
}

/// Whether `name` is a lower-case SQL identifier `[a-z_][a-z0-9_]*`.
fn is_plain_identifier(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b == b'_')
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// `name` quoted as an SQL identifier (names are validated, so there is no `"` to escape).
fn quoted(name: &str) -> String {
    format!("\"{name}\"")
}

/// Parses `N` ASCII digits.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0_u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Whether `s` is a valid calendar date `YYYY-MM-DD` (proleptic Gregorian).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) =
        (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Whether `s` is a UTC timestamp `YYYY-MM-DDTHH:MM:SS.sssZ`, the form of
/// `strftime('%Y-%m-%dT%H:%M:%fZ')` that the standard requires for `last_change`.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 24 || !s.is_char_boundary(10) || !is_date(&s[..10]) {
        return false;
    }
    let separators = [(10, b'T'), (13, b':'), (16, b':'), (19, b'.'), (23, b'Z')];
    if separators.iter().any(|&(i, c)| b[i] != c) {
        return false;
    }
    matches!(
        (
            digits(&b[11..13]),
            digits(&b[14..16]),
            digits(&b[17..19]),
            digits(&b[20..23])
        ),
        (Some(0..=23), Some(0..=59), Some(0..=59), Some(_))
    )
}

/// A feature table being written.
#[derive(Debug)]
struct TableState {
    name: String,
    /// `gpkg_contents.identifier`, unique in the file.
    identifier: String,
    geometry_type: GpkgGeometryType,
    columns: Vec<GpkgColumn>,
    /// The cached INSERT statement's SQL.
    insert_sql: String,
    /// Insert calls so far, successful or not (row numbers in error messages).
    attempts: usize,
    /// Rows written.
    rows: usize,
    /// `(fid, envelope)` of every non-empty geometry, for the spatial index.
    envelopes: Vec<(i64, Envelope)>,
    /// Envelope of all non-empty geometries.
    bbox: Option<Envelope>,
}

/// Writes one GeoPackage file; see the [module documentation](self).
///
/// Call [`create`](Self::create), then [`add_table`](Self::add_table) and
/// [`insert`](Self::insert) in any order (a table must be added before rows go into it), then
/// [`finish`](Self::finish). Nothing appears under the requested file name before `finish`
/// succeeds.
#[derive(Debug)]
pub struct GpkgWriter {
    /// The open partial file; `None` once finished or abandoned after a write error.
    conn: Option<Connection>,
    /// The file being written (a temporary name chosen by the caller).
    path: PathBuf,
    last_change: String,
    tables: Vec<TableState>,
    /// Reused geometry encoding buffer.
    blob: Vec<u8>,
    /// Set once the file is complete and closed.
    finished: bool,
}

impl GpkgWriter {
    /// Creates the new file `path` (refused if it exists) and writes the GeoPackage core tables,
    /// in a transaction that stays open until [`finish`](Self::finish).
    ///
    /// `last_change_utc` is written into `gpkg_contents.last_change` of every table; the caller
    /// chooses it so that the same data gives the same file. It must have the form
    /// `YYYY-MM-DDTHH:MM:SS.sssZ`, for example `2026-11-24T10:00:00.000Z`.
    ///
    pub fn create(path: &Path, last_change_utc: &str) -> Result<Self, GpkgError> {
        if !is_timestamp(last_change_utc) {
            return Err(GpkgError::InvalidTimestamp(last_change_utc.to_owned()));
        }
        let create_error = |source| GpkgError::Create {
            path: path.to_path_buf(),
            source,
        };
        // Creating the file ourselves gives a precise error (SQLite only says "unable to open").
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(create_error)?;
        let mut writer = Self {
            conn: None,
            path: path.to_path_buf(),
            last_change: last_change_utc.to_owned(),
            tables: Vec::new(),
            blob: Vec::with_capacity(1024),
            finished: false,
        };
        // From here on, an error drops `writer`, which removes the file.
        let conn = Connection::open(&writer.path)
            .and_then(|conn| {
                init_database(&conn)?;
                Ok(conn)
            })
            .map_err(|source| writer.write_error("creating the GeoPackage tables", source))?;
        writer.conn = Some(conn);
        Ok(writer)
    }

    /// Adds a feature table: creates it and registers it in `gpkg_contents` and
    /// `gpkg_geometry_columns`.
    ///
    /// Names are checked first ([`GpkgError::InvalidTableName`],
    /// [`GpkgError::InvalidColumnName`], [`GpkgError::DuplicateColumn`],
    /// [`GpkgError::DuplicateTable`], [`GpkgError::DuplicateIdentifier`]); such errors leave the
    /// writer as it was.
    pub fn add_table(&mut self, table: &GpkgTable) -> Result<(), GpkgError> {
        let conn = self
            .conn
            .as_ref()
            .ok_or_else(|| GpkgError::Aborted(self.path.clone()))?;
        validate_table(table)?;
        if self.tables.iter().any(|t| t.name == table.name) {
            return Err(GpkgError::DuplicateTable(table.name.clone()));
        }
        if self.tables.iter().any(|t| t.identifier == table.identifier) {
            return Err(GpkgError::DuplicateIdentifier(table.identifier.clone()));
        }
        if let Err(source) = create_feature_table(conn, table, &self.last_change) {
            let action = format!("adding the table {}", table.name);
            return Err(self.write_error(&action, source));
        }
        let mut columns_sql = quoted(GEOMETRY_COLUMN);
        let mut params_sql = "?1".to_owned();
        for (i, column) in table.columns.iter().enumerate() {
            write!(columns_sql, ", {}", quoted(&column.name)).ok();
            write!(params_sql, ", ?{}", i + 2).ok();
        }
        self.tables.push(TableState {
            name: table.name.clone(),
            identifier: table.identifier.clone(),
            geometry_type: table.geometry_type,
            columns: table.columns.clone(),
            insert_sql: format!(
                "INSERT INTO {} ({columns_sql}) VALUES ({params_sql})",
                quoted(&table.name)
            ),
            attempts: 0,
            rows: 0,
            envelopes: Vec::new(),
            bbox: None,
        });
        // One cached INSERT per table, plus a few for finish.
        conn.set_prepared_statement_cache_capacity(self.tables.len() + 8);
        Ok(())
    }

    /// Inserts one row into `table`.
    ///
    /// `geometry` is in WGS 84 degrees, x = longitude, y = latitude; `None` stores NULL. A
    /// `Polygon` going into a multipolygon table is stored as a multipolygon of one part; any
    /// other type mismatch is refused. `values` holds one value per attribute column, in column
    /// order.
    ///
    /// Problems with the row itself (wrong number or type of values, a bad date, a NaN or
    /// infinite number or coordinate) are refused with an error naming the table, the row number
    /// (from 1, counting every insert into this table) and the column, and leave the writer
    /// usable.
    pub fn insert(
        &mut self,
        table: &str,
        geometry: Option<&Geometry<f64>>,
        values: &[GpkgValue],
    ) -> Result<(), GpkgError> {
        let Some(conn) = self.conn.as_ref() else {
            return Err(GpkgError::Aborted(self.path.clone()));
        };
        let Some(state) = self.tables.iter_mut().find(|t| t.name == table) else {
            return Err(GpkgError::UnknownTable(table.to_owned()));
        };
        state.attempts += 1;
        let row = state.attempts;
        check_values(state, row, values)?;

        self.blob.clear();
        let envelope = match geometry {
            None => None,
            Some(geometry) => {
                let geometry = accept_geometry(state, row, geometry)?;
                encode_gpkg_geometry(&geometry, &mut self.blob).map_err(|e| match e {
                    EncodeError::NonFinite => GpkgError::NonFiniteCoordinate {
                        table: state.name.clone(),
                        row,
                    },
                    EncodeError::TooLarge => GpkgError::GeometryTooLarge {
                        table: state.name.clone(),
                        row,
                    },
                })?
            }
        };

        let blob = geometry.is_some().then_some(self.blob.as_slice());
        let result = (|| {
            let mut statement = conn.prepare_cached(&state.insert_sql)?;
            statement.raw_bind_parameter(1, blob)?;
            for (i, value) in values.iter().enumerate() {
                let index = i + 2;
                match value {
                    GpkgValue::Null => statement.raw_bind_parameter(index, rusqlite::types::Null),
                    GpkgValue::Text(text) => statement.raw_bind_parameter(index, text.as_str()),
                    GpkgValue::Integer(n) => statement.raw_bind_parameter(index, n),
                    GpkgValue::Real(x) => statement.raw_bind_parameter(index, x),
                }?;
            }
            statement.raw_execute()?;
            Ok(conn.last_insert_rowid())
        })();
        match result {
            Ok(fid) => {
                state.rows += 1;
                if let Some(envelope) = envelope {
                    state.envelopes.push((fid, envelope));
                    state.bbox.get_or_insert(envelope).merge(&envelope);
                }
                Ok(())
            }
            Err(source) => {
                let action = format!("inserting row {row} into the table {table}");
                Err(self.write_error(&action, source))
            }
        }
    }

    /// Fills the bounding boxes in `gpkg_contents`, builds the spatial index of every table,
    /// commits and closes the file. Returns the number of rows written to each table, in the
    /// order the tables were added.
    ///
    /// On error the file is removed.
    pub fn finish(mut self) -> Result<Vec<(String, usize)>, GpkgError> {
        let Some(conn) = self.conn.take() else {
            return Err(GpkgError::Aborted(self.path.clone()));
        };
        if let Err(source) = finish_database(&conn, &self.tables) {
            drop(conn);
            return Err(self.write_error("building the spatial indexes", source));
        }
        if let Err((conn, source)) = conn.close() {
            drop(conn);
            return Err(self.write_error("closing the file", source));
        }
        self.finished = true;
        Ok(self
            .tables
            .iter()
            .map(|t| (t.name.clone(), t.rows))
            .collect())
    }

    /// Closes the file after an SQLite error (so that later calls answer
    /// [`GpkgError::Aborted`]) and builds the error.
    fn write_error(&mut self, action: &str, source: rusqlite::Error) -> GpkgError {
        self.conn = None;
        GpkgError::Write {
            path: self.path.clone(),
            action: action.to_owned(),
            source,
        }
    }
}

impl Drop for GpkgWriter {
    /// Removes the file unless [`GpkgWriter::finish`] succeeded.
    ///
    /// Errors are ignored: `drop` cannot report them, and the file is a temporary one that the
    /// output module removes at its next run in that folder.
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        // Close (and so roll back) before removing, which some systems require.
        drop(self.conn.take());
        crate::io::output::remove_temp(&self.path);
    }
}

/// Sets the header fields and pragmas, opens the transaction and writes the core tables.
fn init_database(conn: &Connection) -> rusqlite::Result<()> {
    // The partial file is private and thrown away on failure, so the rollback journal can live
    // in memory. `synchronous = FULL` syncs the file once, at the single commit.
    conn.pragma_update_and_check(None, "journal_mode", "MEMORY", |row| {
        row.get::<_, String>(0)
    })?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "cache_size", -65_536)?; // 64 MiB
    conn.execute_batch("BEGIN EXCLUSIVE")?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", USER_VERSION)?;
    conn.execute_batch(CORE_SCHEMA)?;
    let mut insert = conn.prepare(
        "INSERT INTO gpkg_spatial_ref_sys \
         (srs_name, srs_id, organization, organization_coordsys_id, definition, description) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    insert.execute((
        "Undefined Cartesian SRS",
        -1,
        "NONE",
        -1,
        "undefined",
        "undefined Cartesian coordinate reference system",
    ))?;
    insert.execute((
        "Undefined geographic SRS",
        0,
        "NONE",
        0,
        "undefined",
        "undefined geographic coordinate reference system",
    ))?;
    insert.execute((
        "WGS 84 geodetic",
        SRS_ID,
        "EPSG",
        SRS_ID,
        WGS84_WKT,
        "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid",
    ))?;
    Ok(())
}

/// Checks the table's and columns' names.
fn validate_table(table: &GpkgTable) -> Result<(), GpkgError> {
    let reserved_prefix = ["gpkg_", "rtree_", "sqlite_"]
        .iter()
        .any(|p| table.name.starts_with(p));
    if !is_plain_identifier(&table.name) || reserved_prefix {
        return Err(GpkgError::InvalidTableName(table.name.clone()));
    }
    for (i, column) in table.columns.iter().enumerate() {
        if !is_plain_identifier(&column.name)
            || column.name == ID_COLUMN
            || column.name == GEOMETRY_COLUMN
        {
            return Err(GpkgError::InvalidColumnName {
                table: table.name.clone(),
                column: column.name.clone(),
            });
        }
        if table.columns[..i].iter().any(|c| c.name == column.name) {
            return Err(GpkgError::DuplicateColumn {
                table: table.name.clone(),
                column: column.name.clone(),
            });
        }
    }
    Ok(())
}

/// Creates the feature table and registers it.
fn create_feature_table(
    conn: &Connection,
    table: &GpkgTable,
    last_change: &str,
) -> rusqlite::Result<()> {
    let mut ddl = format!(
        "CREATE TABLE {} ({} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, {} {}",
        quoted(&table.name),
        quoted(ID_COLUMN),
        quoted(GEOMETRY_COLUMN),
        table.geometry_type.sql_name()
    );
    for column in &table.columns {
        write!(ddl, ", {} {}", quoted(&column.name), column.kind.sql_name()).ok();
    }
    ddl.push(')');
    conn.execute_batch(&ddl)?;
    conn.execute(
        "INSERT INTO gpkg_contents \
         (table_name, data_type, identifier, description, last_change, srs_id) \
         VALUES (?1, 'features', ?2, ?3, ?4, ?5)",
        (
            &table.name,
            &table.identifier,
            &table.description,
            last_change,
            SRS_ID,
        ),
    )?;
    conn.execute(
        "INSERT INTO gpkg_geometry_columns \
         (table_name, column_name, geometry_type_name, srs_id, z, m) \
         VALUES (?1, ?2, ?3, ?4, 0, 0)",
        (
            &table.name,
            GEOMETRY_COLUMN,
            table.geometry_type.sql_name(),
            SRS_ID,
        ),
    )?;
    Ok(())
}

/// Checks the count and types of a row's values.
fn check_values(state: &TableState, row: usize, values: &[GpkgValue]) -> Result<(), GpkgError> {
    if values.len() != state.columns.len() {
        return Err(GpkgError::ValueCount {
            table: state.name.clone(),
            row,
            expected: state.columns.len(),
            found: values.len(),
        });
    }
    for (column, value) in state.columns.iter().zip(values) {
        let expected = match (column.kind, value) {
            (_, GpkgValue::Null)
            | (GpkgColumnType::Text, GpkgValue::Text(_))
            | (GpkgColumnType::Integer, GpkgValue::Integer(_)) => continue,
            (GpkgColumnType::Date, GpkgValue::Text(text)) => {
                if is_date(text) {
                    continue;
                }
                return Err(GpkgError::InvalidDate {
                    table: state.name.clone(),
                    row,
                    column: column.name.clone(),
                    value: text.clone(),
                });
            }
            (GpkgColumnType::Real, GpkgValue::Real(x)) => {
                if x.is_finite() {
                    continue;
                }
                return Err(GpkgError::NonFiniteValue {
                    table: state.name.clone(),
                    row,
                    column: column.name.clone(),
                    value: *x,
                });
            }
            (GpkgColumnType::Text, _) => "text",
            (GpkgColumnType::Date, _) => "a date as text (YYYY-MM-DD)",
            (GpkgColumnType::Integer, _) => "an integer",
            (GpkgColumnType::Real, _) => "a real number",
        };
        return Err(GpkgError::ValueType {
            table: state.name.clone(),
            row,
            column: column.name.clone(),
            expected,
            found: value.kind_name(),
        });
    }
    Ok(())
}

/// Checks a geometry against the table's geometry type.
fn accept_geometry<'a>(
    state: &TableState,
    row: usize,
    geometry: &'a Geometry<f64>,
) -> Result<GeometryRef<'a>, GpkgError> {
    match (state.geometry_type, geometry) {
        (GpkgGeometryType::Point, Geometry::Point(point)) => Ok(GeometryRef::Point(*point)),
        (GpkgGeometryType::MultiPolygon, Geometry::Polygon(polygon)) => {
            Ok(GeometryRef::Polygon(polygon))
        }
        (GpkgGeometryType::MultiPolygon, Geometry::MultiPolygon(multi)) => {
            Ok(GeometryRef::MultiPolygon(multi))
        }
        (expected, other) => Err(GpkgError::GeometryType {
            table: state.name.clone(),
            row,
            expected: match expected {
                GpkgGeometryType::Point => "Point",
                GpkgGeometryType::MultiPolygon => "MultiPolygon",
            },
            found: geometry_name(other),
        }),
    }
}

/// The six triggers of the `RTree` Spatial Index extension (GeoPackage 1.3, Annex F.3) for
/// `table`'s geometry column, with `<t>` = the table, `<c>` = `geom`, `<i>` = `fid`.
fn rtree_triggers(table: &str) -> [String; 6] {
    let t = quoted(table);
    let rtree = format!("rtree_{table}_{GEOMETRY_COLUMN}");
    let r = quoted(&rtree);
    let c = GEOMETRY_COLUMN;
    let i = ID_COLUMN;
    let name = |suffix: &str| quoted(&format!("{rtree}_{suffix}"));
    let insert_values = format!(
        "INSERT OR REPLACE INTO {r} VALUES (\n    NEW.{i},\n    \
         ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}),\n    ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})\n  );"
    );
    [
        format!(
            "CREATE TRIGGER {} AFTER INSERT ON {t}\n  \
             WHEN (new.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c}))\n\
             BEGIN\n  {insert_values}\nEND",
            name("insert")
        ),
        format!(
            "CREATE TRIGGER {} AFTER UPDATE OF {c} ON {t}\n  \
             WHEN OLD.{i} = NEW.{i} AND\n       (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))\n\
             BEGIN\n  {insert_values}\nEND",
            name("update1")
        ),
        format!(
            "CREATE TRIGGER {} AFTER UPDATE OF {c} ON {t}\n  \
             WHEN OLD.{i} = NEW.{i} AND\n       (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))\n\
             BEGIN\n  DELETE FROM {r} WHERE id = OLD.{i};\nEND",
            name("update2")
        ),
        format!(
            "CREATE TRIGGER {} AFTER UPDATE ON {t}\n  \
             WHEN OLD.{i} != NEW.{i} AND\n       (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))\n\
             BEGIN\n  DELETE FROM {r} WHERE id = OLD.{i};\n  {insert_values}\nEND",
            name("update3")
        ),
        format!(
            "CREATE TRIGGER {} AFTER UPDATE ON {t}\n  \
             WHEN OLD.{i} != NEW.{i} AND\n       (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))\n\
             BEGIN\n  DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i});\nEND",
            name("update4")
        ),
        format!(
            "CREATE TRIGGER {} AFTER DELETE ON {t}\n  \
             WHEN old.{c} NOT NULL\n\
             BEGIN\n  DELETE FROM {r} WHERE id = OLD.{i};\nEND",
            name("delete")
        ),
    ]
}

/// Builds the spatial indexes, fills the bounding boxes and commits.
fn finish_database(conn: &Connection, tables: &[TableState]) -> rusqlite::Result<()> {
    for table in tables {
        let rtree = quoted(&format!("rtree_{}_{GEOMETRY_COLUMN}", table.name));
        conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)"
        ))?;
        {
            let mut insert =
                conn.prepare(&format!("INSERT INTO {rtree} VALUES (?1, ?2, ?3, ?4, ?5)"))?;
            for (fid, e) in &table.envelopes {
                insert.execute((fid, e.min_x, e.max_x, e.min_y, e.max_y))?;
            }
        }
        // Created after the rows: the triggers call ST_* functions that plain SQLite lacks.
        for trigger in rtree_triggers(&table.name) {
            conn.execute_batch(&trigger)?;
        }
        conn.execute(
            "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) \
             VALUES (?1, ?2, 'gpkg_rtree_index', ?3, 'write-only')",
            (&table.name, GEOMETRY_COLUMN, RTREE_DEFINITION),
        )?;
        let bbox = table.bbox.map(|b| [b.min_x, b.min_y, b.max_x, b.max_y]);
        conn.execute(
            "UPDATE gpkg_contents SET min_x = ?1, min_y = ?2, max_x = ?3, max_y = ?4 \
             WHERE table_name = ?5",
            (
                bbox.map(|b| b[0]),
                bbox.map(|b| b[1]),
                bbox.map(|b| b[2]),
                bbox.map(|b| b[3]),
                &table.name,
            ),
        )?;
    }
    conn.execute_batch("COMMIT")
}

#[cfg(test)]
mod tests {
    use std::fs;

    use std::process::Command;
    use std::time::Instant;

    use geo_types::{LineString, MultiPolygon, Point, Polygon, coord, polygon};
    use rusqlite::types::Value;
    use rusqlite::{Connection, OpenFlags};

    use super::*;

    const WHEN: &str = "2026-11-24T10:00:00.000Z";

    fn areas_table() -> GpkgTable {
        GpkgTable {
            name: "hazard_areas".to_owned(),
            identifier: "Hazard areas".to_owned(),
            description: "Confirmed and suspected hazard areas".to_owned(),
            geometry_type: GpkgGeometryType::MultiPolygon,
            columns: vec![
                GpkgColumn {
                    name: "code".to_owned(),
                    kind: GpkgColumnType::Text,
                },
                GpkgColumn {
                    name: "devices".to_owned(),
                    kind: GpkgColumnType::Integer,
                },
                GpkgColumn {
                    name: "area_m2".to_owned(),
                    kind: GpkgColumnType::Real,
                },
                GpkgColumn {
                    name: "reported".to_owned(),
                    kind: GpkgColumnType::Date,
                },
            ],
        }
    }

    fn points_table() -> GpkgTable {
        GpkgTable {
            name: "reports".to_owned(),
            identifier: "Hazard reports".to_owned(),
            description: String::new(),
            geometry_type: GpkgGeometryType::Point,
            columns: vec![GpkgColumn {
                name: "note".to_owned(),
                kind: GpkgColumnType::Text,
            }],
        }
    }

    fn square(x: f64, y: f64, size: f64) -> Polygon<f64> {
        polygon![
            (x: x, y: y),
            (x: x + size, y: y),
            (x: x + size, y: y + size),
            (x: x, y: y + size),
            (x: x, y: y),
        ]
    }

    fn area_row(code: &str) -> Vec<GpkgValue> {
        vec![
            code.into(),
            GpkgValue::Integer(3),
            GpkgValue::Real(1250.5),
            "2026-03-01".into(),
        ]
    }

    /// Writes the sample file used by the read-back tests and the GDAL check.
    fn write_sample(path: &Path) -> Vec<(String, usize)> {
        let mut writer = GpkgWriter::create(path, WHEN).unwrap();
        writer.add_table(&areas_table()).unwrap();
        writer.add_table(&points_table()).unwrap();
        // A single polygon with a hole, given as a Polygon (wrapped into a MultiPolygon).
        let with_hole = Polygon::new(
            LineString::from(vec![
                (30.0, 10.0),
                (30.1, 10.0),
                (30.1, 10.1),
                (30.0, 10.1),
                (30.0, 10.0),
            ]),
            vec![LineString::from(vec![
                (30.02, 10.02),
                (30.04, 10.02),
                (30.04, 10.04),
                (30.02, 10.02),
            ])],
        );
        writer
            .insert(
                "hazard_areas",
                Some(&Geometry::Polygon(with_hole)),
                &area_row("HA-1"),
            )
            .unwrap();
        // Two parts.
        let two = MultiPolygon(vec![square(31.0, 11.0, 0.5), square(32.0, 12.5, 0.25)]);
        writer
            .insert(
                "hazard_areas",
                Some(&Geometry::MultiPolygon(two)),
                &area_row("HA-2"),
            )
            .unwrap();
        // No geometry, NULL attributes.
        writer
            .insert(
                "hazard_areas",
                None,
                &[
                    "HA-3".into(),
                    GpkgValue::Null,
                    GpkgValue::Null,
                    GpkgValue::Null,
                ],
            )
            .unwrap();
        writer
            .insert(
                "reports",
                Some(&Geometry::Point(Point::new(29.5, -1.25))),
                &["first".into()],
            )
            .unwrap();
        writer
            .insert(
                "reports",
                Some(&Geometry::Point(Point::new(-0.5, 9.75))),
                &[GpkgValue::Null],
            )
            .unwrap();
        writer.finish().unwrap()
    }

    fn open(path: &Path) -> Connection {
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
    }

    fn encode(geometry: &GeometryRef<'_>) -> (Vec<u8>, Option<Envelope>) {
        let mut out = Vec::new();
        let envelope = encode_gpkg_geometry(geometry, &mut out).unwrap();
        (out, envelope)
    }

    fn f64s(bytes: &[u8]) -> Vec<f64> {
        bytes
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().unwrap()))
            .collect()
    }

    #[test]
    fn point_blob_has_header_envelope_and_iso_wkb() {
        let (blob, envelope) = encode(&GeometryRef::Point(Point::new(1.5, -2.0)));
        assert_eq!(&blob[..4], &[b'G', b'P', 0, 0b0000_0011]);
        assert_eq!(&blob[4..8], &4326_i32.to_le_bytes());
        assert_eq!(f64s(&blob[8..40]), [1.5, 1.5, -2.0, -2.0]);
        assert_eq!(blob[40], 1, "little-endian WKB");
        assert_eq!(&blob[41..45], &1_u32.to_le_bytes(), "wkbPoint");
        assert_eq!(f64s(&blob[45..]), [1.5, -2.0]);
        assert_eq!(
            envelope,
            Some(Envelope {
                min_x: 1.5,
                max_x: 1.5,
                min_y: -2.0,
                max_y: -2.0
            })
        );
    }

    #[test]
    fn multipolygon_blob_layout() {
        let multi = MultiPolygon(vec![square(10.0, 20.0, 1.0), square(-5.0, 30.0, 2.0)]);
        let (blob, _) = encode(&GeometryRef::MultiPolygon(&multi));
        assert_eq!(&blob[..8], &[b'G', b'P', 0, 3, 0xE6, 0x10, 0, 0]);
        // Envelope order in the header is minx, maxx, miny, maxy.
        assert_eq!(f64s(&blob[8..40]), [-5.0, 11.0, 20.0, 32.0]);
        let wkb = &blob[40..];
        assert_eq!(&wkb[..5], &[1, 6, 0, 0, 0], "wkbMultiPolygon");
        assert_eq!(&wkb[5..9], &2_u32.to_le_bytes(), "two polygons");
        assert_eq!(&wkb[9..14], &[1, 3, 0, 0, 0], "wkbPolygon");
        assert_eq!(&wkb[14..18], &1_u32.to_le_bytes(), "one ring");
        assert_eq!(&wkb[18..22], &5_u32.to_le_bytes(), "five points");
        assert_eq!(f64s(&wkb[22..38]), [10.0, 20.0]);
        // header + 2 × (endian + type + rings + points + 5 × 16)
        assert_eq!(wkb.len(), 9 + 2 * (1 + 4 + 4 + 4 + 5 * 16));
    }

    #[test]
    fn polygon_is_wrapped_and_empty_multipolygon_has_no_envelope() {
        let polygon = square(0.0, 0.0, 1.0);
        let (wrapped, _) = encode(&GeometryRef::Polygon(&polygon));
        let (multi, _) = encode(&GeometryRef::MultiPolygon(&MultiPolygon(vec![polygon])));
        assert_eq!(wrapped, multi);

        let empty = MultiPolygon::<f64>(vec![]);
        let (blob, envelope) = encode(&GeometryRef::MultiPolygon(&empty));
        assert_eq!(envelope, None);
        assert_eq!(
            &blob[..4],
            &[b'G', b'P', 0, 0b0001_0001],
            "empty flag, no envelope"
        );
        assert_eq!(&blob[8..], &[1, 6, 0, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn non_finite_coordinates_are_refused() {
        let mut out = Vec::new();
        let bad = GeometryRef::Point(Point::new(f64::NAN, 1.0));
        assert_eq!(
            encode_gpkg_geometry(&bad, &mut out),
            Err(EncodeError::NonFinite)
        );
        let ring = MultiPolygon(vec![square(0.0, 0.0, f64::INFINITY)]);
        let bad = GeometryRef::MultiPolygon(&ring);
        assert_eq!(
            encode_gpkg_geometry(&bad, &mut out),
            Err(EncodeError::NonFinite)
        );
    }

    /// All rows of a query, as SQLite values.
    fn query(conn: &Connection, sql: &str) -> Vec<Vec<Value>> {
        let mut statement = conn.prepare(sql).unwrap();
        let width = statement.column_count();
        statement
            .query_map([], |row| {
                (0..width).map(|i| row.get::<_, Value>(i)).collect()
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    #[test]
    fn sample_file_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sample.gpkg");
        let counts = write_sample(&path);
        assert_eq!(
            counts,
            [("hazard_areas".to_owned(), 3), ("reports".to_owned(), 2)]
        );
        let conn = open(&path);
        let bytes = fs::read(&path).unwrap();
        assert_eq!(&bytes[68..72], b"GPKG", "application_id in the header");
        assert_eq!(&bytes[60..64], &10_300_u32.to_be_bytes(), "user_version");

        let srs = query(
            &conn,
            "SELECT srs_id, organization, organization_coordsys_id, definition \
             FROM gpkg_spatial_ref_sys ORDER BY srs_id",
        );
        assert_eq!(srs.len(), 3);
        assert_eq!(
            srs[0],
            [
                Value::Integer(-1),
                text("NONE"),
                Value::Integer(-1),
                text("undefined")
            ]
        );
        assert_eq!(
            srs[1],
            [
                Value::Integer(0),
                text("NONE"),
                Value::Integer(0),
                text("undefined")
            ]
        );
        assert_eq!(
            srs[2][..3],
            [Value::Integer(4326), text("EPSG"), Value::Integer(4326)]
        );
        assert_eq!(srs[2][3], text(WGS84_WKT));

        // Bounding boxes: the areas span the polygon with a hole and both parts of HA-2.
        let contents = query(
            &conn,
            "SELECT table_name, data_type, identifier, description, last_change, \
             min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents ORDER BY table_name",
        );
        assert_eq!(
            contents,
            [
                vec![
                    text("hazard_areas"),
                    text("features"),
                    text("Hazard areas"),
                    text("Confirmed and suspected hazard areas"),
                    text(WHEN),
                    Value::Real(30.0),
                    Value::Real(10.0),
                    Value::Real(32.25),
                    Value::Real(12.75),
                    Value::Integer(4326),
                ],
                vec![
                    text("reports"),
                    text("features"),
                    text("Hazard reports"),
                    text(""),
                    text(WHEN),
                    Value::Real(-0.5),
                    Value::Real(-1.25),
                    Value::Real(29.5),
                    Value::Real(9.75),
                    Value::Integer(4326),
                ],
            ]
        );

        let geometry_columns = query(
            &conn,
            "SELECT table_name, column_name, geometry_type_name, srs_id, z, m \
             FROM gpkg_geometry_columns ORDER BY table_name",
        );
        let srs_z_m = [Value::Integer(4326), Value::Integer(0), Value::Integer(0)];
        assert_eq!(
            geometry_columns,
            [
                [
                    &[text("hazard_areas"), text("geom"), text("MULTIPOLYGON")],
                    &srs_z_m[..]
                ]
                .concat(),
                [
                    &[text("reports"), text("geom"), text("POINT")],
                    &srs_z_m[..]
                ]
                .concat(),
            ]
        );

        let declared = query(
            &conn,
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info('hazard_areas') ORDER BY cid",
        );
        let expected: Vec<Vec<Value>> = [
            ("fid", "INTEGER", 1, 1),
            ("geom", "MULTIPOLYGON", 0, 0),
            ("code", "TEXT", 0, 0),
            ("devices", "INTEGER", 0, 0),
            ("area_m2", "REAL", 0, 0),
            ("reported", "DATE", 0, 0),
        ]
        .into_iter()
        .map(|(name, kind, not_null, pk)| {
            vec![
                text(name),
                text(kind),
                Value::Integer(not_null),
                Value::Integer(pk),
            ]
        })
        .collect();
        assert_eq!(declared, expected);
        let autoincrement = query(&conn, "SELECT name FROM sqlite_sequence ORDER BY name");
        assert_eq!(autoincrement, [[text("hazard_areas")], [text("reports")]]);

        // Rows, attribute values and the NULL geometry.
        let rows = query(
            &conn,
            "SELECT fid, geom, code, devices, area_m2, reported FROM hazard_areas ORDER BY fid",
        );
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0][2..],
            [
                text("HA-1"),
                Value::Integer(3),
                Value::Real(1250.5),
                text("2026-03-01")
            ]
        );
        let Value::Blob(first) = &rows[0][1] else {
            panic!("geometry is not a blob: {:?}", rows[0][1]);
        };
        assert_eq!(
            &first[40..45],
            &[1, 6, 0, 0, 0],
            "the Polygon was stored as a MultiPolygon"
        );
        assert_eq!(
            rows[2],
            [
                Value::Integer(3),
                Value::Null,
                text("HA-3"),
                Value::Null,
                Value::Null,
                Value::Null
            ]
        );

        // Spatial index: one entry per non-null geometry, registered as write-only.
        let rtree = query(
            &conn,
            "SELECT id, minx, maxx, miny, maxy FROM rtree_hazard_areas_geom ORDER BY id",
        );
        assert_eq!(rtree.len(), 2);
        assert_eq!(rtree[1][0], Value::Integer(2));
        // The R*Tree stores 32-bit floats, rounded outwards.
        let bounds: Vec<f64> = rtree[1][1..]
            .iter()
            .map(|v| match v {
                Value::Real(x) => *x,
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(bounds[0] <= 31.0 && bounds[1] >= 32.25 && bounds[2] <= 11.0 && bounds[3] >= 12.75);
        let extensions = query(
            &conn,
            "SELECT table_name, column_name, extension_name, definition, scope \
             FROM gpkg_extensions ORDER BY table_name",
        );
        let rtree_row = |table: &str| {
            vec![
                text(table),
                text("geom"),
                text("gpkg_rtree_index"),
                text(RTREE_DEFINITION),
                text("write-only"),
            ]
        };
        assert_eq!(
            extensions,
            [rtree_row("hazard_areas"), rtree_row("reports")]
        );
        let triggers = query(
            &conn,
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'reports' \
             ORDER BY name",
        );
        let expected: Vec<Vec<Value>> = [
            "delete", "insert", "update1", "update2", "update3", "update4",
        ]
        .iter()
        .map(|suffix| vec![text(&format!("rtree_reports_geom_{suffix}"))])
        .collect();
        assert_eq!(triggers, expected);
        assert_eq!(query(&conn, "PRAGMA integrity_check"), [[text("ok")]]);
        assert!(query(&conn, "PRAGMA foreign_key_check").is_empty());
    }

    #[test]
    fn triggers_follow_the_standard_template() {
        let [insert, _, update2, _, update4, delete] = rtree_triggers("t");
        assert_eq!(
            insert,
            "CREATE TRIGGER \"rtree_t_geom_insert\" AFTER INSERT ON \"t\"\n  \
             WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))\n\
             BEGIN\n  \
             INSERT OR REPLACE INTO \"rtree_t_geom\" VALUES (\n    \
             NEW.fid,\n    \
             ST_MinX(NEW.geom), ST_MaxX(NEW.geom),\n    \
             ST_MinY(NEW.geom), ST_MaxY(NEW.geom)\n  \
             );\n\
             END"
        );
        assert_eq!(
            update2,
            "CREATE TRIGGER \"rtree_t_geom_update2\" AFTER UPDATE OF geom ON \"t\"\n  \
             WHEN OLD.fid = NEW.fid AND\n       (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))\n\
             BEGIN\n  DELETE FROM \"rtree_t_geom\" WHERE id = OLD.fid;\nEND"
        );
        assert!(update4.contains("WHERE id IN (OLD.fid, NEW.fid);"));
        assert!(delete.contains("AFTER DELETE ON \"t\"\n  WHEN old.geom NOT NULL\n"));
    }

    #[test]
    fn table_without_geometries_has_null_bbox() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.gpkg");
        let mut writer = GpkgWriter::create(&path, WHEN).unwrap();
        writer.add_table(&points_table()).unwrap();
        writer
            .insert("reports", None, &["no place".into()])
            .unwrap();
        assert_eq!(writer.finish().unwrap(), [("reports".to_owned(), 1)]);
        let bbox: (Option<f64>, Option<f64>, Option<f64>, Option<f64>) = open(&path)
            .query_row(
                "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(bbox, (None, None, None, None));
    }

    #[test]
    fn drop_without_finish_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dropped.gpkg");
        let mut writer = GpkgWriter::create(&path, WHEN).unwrap();
        writer.add_table(&points_table()).unwrap();
        writer
            .insert(
                "reports",
                Some(&Geometry::Point(Point::new(1.0, 2.0))),
                &["x".into()],
            )
            .unwrap();
        assert!(path.exists());
        drop(writer);
        assert!(!path.exists());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            0,
            "no partial or journal left"
        );
    }

    #[test]
    fn an_existing_file_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.gpkg");
        fs::write(&path, b"previous export").unwrap();
        assert!(matches!(
            GpkgWriter::create(&path, WHEN),
            Err(GpkgError::Create { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), b"previous export");
    }

    #[test]
    fn create_in_missing_folder_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no such folder").join("x.gpkg");
        let error = GpkgWriter::create(&path, WHEN).unwrap_err();
        assert!(matches!(error, GpkgError::Create { .. }));
        assert_eq!(
            error.to_string(),
            format!(
                "cannot create the GeoPackage file {}: the folder does not exist",
                path.display()
            )
        );
    }

    #[test]
    fn last_change_must_be_a_utc_timestamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.gpkg");
        for bad in [
            "2026-11-24T10:00:00Z",
            "2026-11-24 10:00:00.000Z",
            "2026-02-30T10:00:00.000Z",
            "2026-11-24T24:00:00.000Z",
            "",
        ] {
            assert!(
                matches!(
                    GpkgWriter::create(&path, bad),
                    Err(GpkgError::InvalidTimestamp(_))
                ),
                "{bad}"
            );
        }
        assert!(!path.exists());
        assert!(is_timestamp("2024-02-29T23:59:59.999Z"));
        assert!(!is_timestamp("2023-02-29T23:59:59.999Z"));
    }

    #[test]
    fn names_are_validated() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = GpkgWriter::create(&dir.path().join("x.gpkg"), WHEN).unwrap();
        for bad in [
            "",
            "Areas",
            "1areas",
            "hazard-areas",
            "gpkg_areas",
            "rtree_x",
            "sqlite_x",
            "ár",
        ] {
            let table = GpkgTable {
                name: bad.to_owned(),
                ..points_table()
            };
            let error = writer.add_table(&table).unwrap_err();
            assert!(
                matches!(error, GpkgError::InvalidTableName(ref n) if n == bad),
                "{bad}: {error}"
            );
        }
        for bad in ["fid", "geom", "Note", "9th", "a b"] {
            let mut table = points_table();
            table.columns[0].name = bad.to_owned();
            let error = writer.add_table(&table).unwrap_err();
            assert!(
                matches!(error, GpkgError::InvalidColumnName { .. }),
                "{bad}: {error}"
            );
        }
        let mut table = points_table();
        table.columns.push(table.columns[0].clone());
        assert!(matches!(
            writer.add_table(&table),
            Err(GpkgError::DuplicateColumn { .. })
        ));

        // Keywords are fine as names: identifiers are quoted.
        let mut table = points_table();
        table.name = "order".to_owned();
        table.columns[0].name = "group".to_owned();
        writer.add_table(&table).unwrap();
        writer.insert("order", None, &["by".into()]).unwrap();
        assert!(matches!(
            writer.add_table(&table),
            Err(GpkgError::DuplicateTable(_))
        ));
        let other = GpkgTable {
            name: "other".to_owned(),
            ..table
        };
        let error = writer.add_table(&other).unwrap_err();
        assert!(
            matches!(error, GpkgError::DuplicateIdentifier(_)),
            "{error}"
        );
        // The writer is still usable after refusals.
        assert_eq!(writer.finish().unwrap(), [("order".to_owned(), 1)]);
    }

    #[test]
    fn rows_are_validated_with_table_row_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.gpkg");
        let mut writer = GpkgWriter::create(&path, WHEN).unwrap();
        writer.add_table(&areas_table()).unwrap();
        writer.add_table(&points_table()).unwrap();
        let point = Geometry::Point(Point::new(1.0, 2.0));
        let area = Geometry::Polygon(square(0.0, 0.0, 1.0));

        let e = writer.insert("nowhere", None, &[]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no table named nowhere was added to this GeoPackage"
        );
        let e = writer
            .insert("hazard_areas", Some(&area), &["HA".into()])
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "table hazard_areas, row 1: 1 values given for 4 columns"
        );
        let mut row = area_row("HA");
        row[1] = GpkgValue::Real(2.0);
        let e = writer
            .insert("hazard_areas", Some(&area), &row)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "table hazard_areas, row 2, column devices: expected an integer, got a real number"
        );
        let mut row = area_row("HA");
        row[3] = "1 March 2026".into();
        let e = writer
            .insert("hazard_areas", Some(&area), &row)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "table hazard_areas, row 3, column reported: '1 March 2026' is not a date of the form YYYY-MM-DD"
        );
        let mut row = area_row("HA");
        row[2] = GpkgValue::Real(f64::NAN);
        let e = writer
            .insert("hazard_areas", Some(&area), &row)
            .unwrap_err();
        assert!(matches!(e, GpkgError::NonFiniteValue { row: 4, .. }), "{e}");
        let e = writer
            .insert("hazard_areas", Some(&point), &area_row("HA"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "table hazard_areas, row 5: a Point cannot be stored in a MultiPolygon table"
        );
        let e = writer
            .insert("reports", Some(&area), &["x".into()])
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "table reports, row 1: a Polygon cannot be stored in a Point table"
        );
        let nan = Geometry::MultiPolygon(MultiPolygon(vec![Polygon::new(
            LineString::new(vec![
                coord! { x: 0.0, y: 0.0 },
                coord! { x: f64::INFINITY, y: 0.0 },
                coord! { x: 0.0, y: 1.0 },
                coord! { x: 0.0, y: 0.0 },
            ]),
            vec![],
        )]));
        let e = writer
            .insert("hazard_areas", Some(&nan), &area_row("HA"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "table hazard_areas, row 6: the geometry has a coordinate that is not a finite number"
        );

        // Nothing refused was written; the writer goes on.
        writer
            .insert("hazard_areas", Some(&area), &area_row("HA"))
            .unwrap();
        assert_eq!(
            writer.finish().unwrap(),
            [("hazard_areas".to_owned(), 1), ("reports".to_owned(), 0)]
        );
        let count: i64 = open(&path)
            .query_row("SELECT count(*) FROM hazard_areas", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 1);
    }

    #[test]
    fn sqlite_error_abandons_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.gpkg");
        let mut writer = GpkgWriter::create(&path, WHEN).unwrap();
        writer.add_table(&points_table()).unwrap();
        // Provoke an SQLite failure behind the writer's back.
        writer
            .conn
            .as_ref()
            .unwrap()
            .execute_batch("DROP TABLE reports")
            .unwrap();
        let e = writer.insert("reports", None, &["x".into()]).unwrap_err();
        assert!(
            e.to_string().starts_with(&format!(
                "cannot write the GeoPackage file {} (inserting row 1 into the table reports): ",
                path.display()
            )),
            "{e}"
        );
        let e = writer.insert("reports", None, &["x".into()]).unwrap_err();
        assert!(matches!(e, GpkgError::Aborted(_)), "{e}");
        assert!(matches!(writer.finish(), Err(GpkgError::Aborted(_))));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn values_convert_from_plain_types() {
        assert_eq!(GpkgValue::from("a"), GpkgValue::Text("a".to_owned()));
        assert_eq!(GpkgValue::from(7_i64), GpkgValue::Integer(7));
        assert_eq!(GpkgValue::from(0.5), GpkgValue::Real(0.5));
        assert_eq!(GpkgValue::from(None::<String>), GpkgValue::Null);
        assert_eq!(GpkgValue::from(Some(2_i64)), GpkgValue::Integer(2));
    }

    #[test]
    fn bundled_sqlite_has_rtree() {
        let conn = Connection::open_in_memory().unwrap();
        let enabled: i64 = conn
            .query_row(
                "SELECT sqlite_compileoption_used('ENABLE_RTREE')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(enabled, 1);
    }

    /// Reads the sample file with GDAL: `ogrinfo` must list both layers without warnings and
    /// `validate_gpkg.py` must find nothing wrong. Needs GDAL and its Python bindings; run with
    /// `cargo test gdal -- --ignored`.
    #[test]
    #[ignore = "needs GDAL (ogrinfo, ogr2ogr, python3-gdal)"]
    fn gdal_accepts_sample_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sample.gpkg");
        write_sample(&path);

        let info = Command::new("ogrinfo")
            .args(["-al", "-so"])
            .arg(&path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&info.stdout);
        let stderr = String::from_utf8_lossy(&info.stderr);
        eprintln!("{stdout}{stderr}");
        assert!(info.status.success());
        assert!(stderr.trim().is_empty(), "ogrinfo warned: {stderr}");
        assert!(stdout.contains("Layer name: hazard_areas"));
        assert!(stdout.contains("Geometry: Multi Polygon"));
        assert!(stdout.contains("Feature Count: 3"));
        assert!(stdout.contains("Layer name: reports"));
        assert!(stdout.contains("Geometry: Point"));
        assert!(stdout.contains("Feature Count: 2"));
        assert!(stdout.contains("ID[\"EPSG\",4326]"));

        let validate = Command::new("/usr/bin/python3")
            .arg("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")
            .args(["-k", "--extra", "--warning-as-error"])
            .arg(&path)
            .output()
            .unwrap();
        let output = format!(
            "{}{}",
            String::from_utf8_lossy(&validate.stdout),
            String::from_utf8_lossy(&validate.stderr)
        );
        eprintln!("validate_gpkg.py: {output}");
        assert!(validate.status.success(), "{output}");
        assert!(output.trim().is_empty(), "{output}");

        let json = Command::new("ogr2ogr")
            .args(["-f", "GeoJSON", "/vsistdout/"])
            .arg(&path)
            .arg("reports")
            .output()
            .unwrap();
        let json = String::from_utf8_lossy(&json.stdout);
        assert!(json.contains("[ 29.5, -1.25 ]"), "{json}");
        assert!(json.contains("[ -0.5, 9.75 ]"), "{json}");
    }

    /// Times 100 000 rows of 20-vertex two-part multipolygons; run with
    /// `cargo test --release write_speed -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, run by hand with --release"]
    fn write_speed_100k_multipolygons() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.gpkg");
        let started = Instant::now();
        let mut writer = GpkgWriter::create(&path, WHEN).unwrap();
        writer.add_table(&areas_table()).unwrap();
        for i in 0..100_000_u32 {
            let x = f64::from(i % 1000) * 0.01;
            let y = f64::from(i / 1000) * 0.01;
            // Two parts of ten vertices each (nine distinct plus the closing one).
            let part = |dx: f64| {
                let ring: Vec<_> = (0..10_u32)
                    .map(|k| {
                        let angle = f64::from(k % 9) * std::f64::consts::TAU / 9.0;
                        coord! { x: x + dx + 0.002 * angle.cos(), y: y + 0.002 * angle.sin() }
                    })
                    .collect();
                Polygon::new(LineString::new(ring), vec![])
            };
            let geometry = Geometry::MultiPolygon(MultiPolygon(vec![part(0.0), part(0.005)]));
            let values = [
                GpkgValue::Text(format!("HA-{i:06}")),
                GpkgValue::Integer(i64::from(i % 7)),
                GpkgValue::Real(f64::from(i) * 1.5),
                GpkgValue::Text("2026-03-01".to_owned()),
            ];
            writer
                .insert("hazard_areas", Some(&geometry), &values)
                .unwrap();
        }
        let counts = writer.finish().unwrap();
        let elapsed = started.elapsed();
        let size = fs::metadata(&path).unwrap().len();
        eprintln!(
            "100 000 multipolygons (2 × 10 vertices): {elapsed:.2?}, {} MiB",
            size / (1024 * 1024)
        );
        assert_eq!(counts, [("hazard_areas".to_owned(), 100_000)]);
    }
}
