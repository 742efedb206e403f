//! Read-only access to offline raster basemaps stored as MBTiles files.
//!
//! An MBTiles file (spec 1.3) is an SQLite database with two tables or views:
//! `metadata(name, value)`, holding text key/value pairs such as `format`, `bounds`, `minzoom`
//! and `maxzoom`, and `tiles(zoom_level, tile_column, tile_row, tile_data)`, holding one image
//! per tile. Rows are addressed in the TMS scheme, whose y axis points north: row 0 is the
//! southernmost row. Slippy maps (XYZ) count rows from the north, so a lookup flips the row:
//! `tms_y = 2^zoom - 1 - xyz_y`. [`MbtilesReader::tile_xyz`] takes XYZ coordinates and does the
//! flip.
//!
//! Basemaps are opened read-only (`SQLITE_OPEN_READ_ONLY`): the reader never creates, migrates or
//! writes the file, so a basemap on a read-only medium or shared between laptops stays byte for
//! byte as it was. (A basemap in SQLite's WAL journal mode is the one case where SQLite itself
//! creates `-shm`/`-wal` index files beside it, if the folder is writable; in a read-only folder
//! it is opened as immutable instead.) Vector tiles (`pbf`) are refused with [`MbtilesError::VectorTiles`]: the map
//! only draws raster images.
//!
//! This module knows nothing of the GUI. The map widget's tile-source adapter, which lives with
//! the GUI, calls [`MbtilesReader::tile_xyz`] from a background thread and decodes the bytes
//! itself; keeping SQL here and the widget code in `ui` keeps the storage layer testable
//! without a display and the GUI free of SQL. [`MbtilesReader`] is `Send` but not `Sync` (one
//! SQLite connection opened with `SQLITE_OPEN_NO_MUTEX`): move it into the thread that reads
//! tiles, or wrap it in a `Mutex`.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::types::ValueRef;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};

/// The first 16 bytes of every SQLite 3 database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Deepest zoom level looked up: beyond it `2^zoom` no longer fits the tile index types.
const MAX_ZOOM: u8 = 30;

/// Tile lookup in TMS coordinates (kept in the connection's statement cache).
const TILE_SQL: &str =
    "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3";

/// Columns each MBTiles table or view must have, with the name reported when one is missing.
const TILES_COLUMNS: [(&str, &str); 4] = [
    ("zoom_level", "zoom_level column in its tiles table"),
    ("tile_column", "tile_column column in its tiles table"),
    ("tile_row", "tile_row column in its tiles table"),
    ("tile_data", "tile_data column in its tiles table"),
];
const METADATA_COLUMNS: [(&str, &str); 2] = [
    ("name", "name column in its metadata table"),
    ("value", "value column in its metadata table"),
];

/// Metadata read from the `metadata` table (all optional except format).
///
/// Values that cannot be parsed (a malformed `bounds`, a `minzoom` that is not a number from 0
/// to 30) are read as absent rather than refusing the whole basemap. When a name appears more
/// than once, the first row wins.
#[derive(Debug, Clone, PartialEq)]
pub struct MbtilesMetadata {
    /// Human-readable name of the tileset (`name`).
    pub name: Option<String>,
    /// Image format of the tiles (`format`, or sniffed from a tile when missing or unknown).
    pub format: TileFormat,
    /// Lowest zoom level with tiles (`minzoom`).
    pub min_zoom: Option<u8>,
    /// Highest zoom level with tiles (`maxzoom`).
    pub max_zoom: Option<u8>,
    /// Extent in WGS84 degrees as `[west, south, east, north]` (`bounds`).
    pub bounds_lon_lat: Option<[f64; 4]>,
    /// Attribution to show on the map (`attribution`, may contain HTML).
    pub attribution: Option<String>,
    /// Description of the tileset (`description`).
    pub description: Option<String>,
}

/// Encoding of the tile images.
///
/// Taken from the metadata `format` value; when it is missing or not recognised, sniffed from
/// the magic bytes of the first tile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TileFormat {
    /// PNG images.
    Png,
    /// JPEG images.
    Jpeg,
    /// WebP images.
    Webp,
    /// Mapbox vector tiles (protobuf, often gzip-compressed): not a raster format.
    Pbf,
    /// Anything else, including an empty tileset without a `format` value.
    Other,
}

/// Why an MBTiles basemap could not be opened or read.
#[derive(Debug, thiserror::Error)]
pub enum MbtilesError {
    /// The file is not an SQLite database at all.
    #[error(
        "this file is not an MBTiles basemap (not an SQLite database); choose another file: {}",
        .0.display()
    )]
    NotSqlite(PathBuf),
    /// An SQLite database without the MBTiles tables or columns.
    #[error(
        "this SQLite file is not an MBTiles basemap (it has no {missing}); choose another file: {}",
        path.display()
    )]
    NotMbtiles {
        /// What is missing, e.g. `tiles table`.
        missing: &'static str,
        /// The file.
        path: PathBuf,
    },
    /// The tiles are vector tiles (pbf), which cannot be drawn as a raster basemap.
    #[error(
        "this MBTiles file holds vector tiles (pbf), which cannot be shown as a basemap; \
         choose an MBTiles file with PNG, JPEG or WebP tiles: {}",
        .0.display()
    )]
    VectorTiles(PathBuf),
    /// SQLite failed while reading a tile.
    #[error("reading the basemap failed (database error: {0})")]
    Sqlite(#[from] rusqlite::Error),
    /// The file could not be opened or read, or is damaged.
    #[error("cannot open the basemap ({detail}): {}", path.display())]
    Open {
        /// What went wrong.
        detail: String,
        /// The file.
        path: PathBuf,
    },
}

/// An open MBTiles basemap: a read-only SQLite connection plus its metadata.
#[derive(Debug)]
pub struct MbtilesReader {
    conn: Connection,
    path: PathBuf,
    metadata: MbtilesMetadata,
}

impl MbtilesReader {
    /// Opens the MBTiles file at `path` read-only.
    ///
    /// Checks the SQLite header before SQLite sees the file (anything else gives
    /// [`MbtilesError::NotSqlite`]), then that the `tiles` and `metadata` tables or views exist
    /// with their columns ([`MbtilesError::NotMbtiles`]), then reads the metadata. Vector
    /// tilesets are refused with [`MbtilesError::VectorTiles`].
    pub fn open(path: &Path) -> Result<Self, MbtilesError> {
        let wal_mode = check_header(path)?;
        let conn = connect(path, wal_mode)?;
        check_schema(&conn, path)?;
        let metadata = read_metadata(&conn).map_err(|e| classify(&e, path))?;
        if metadata.format == TileFormat::Pbf {
            return Err(MbtilesError::VectorTiles(path.to_owned()));
        }
        Ok(Self {
            conn,
            path: path.to_owned(),
            metadata,
        })
    }

    /// The metadata read when the file was opened.
    pub fn metadata(&self) -> &MbtilesMetadata {
        &self.metadata
    }

    /// The file this reader was opened on.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Tile bytes for XYZ (slippy-map) coordinates, or None when absent. Converts y to TMS.
    ///
    /// Coordinates outside the tile grid (`zoom > 30`, or `x`/`y` not below `2^zoom`) give
    /// `Ok(None)`, as do tiles stored as NULL or as an empty blob. The bytes are returned as
    /// stored, in [`MbtilesMetadata::format`].
    pub fn tile_xyz(&self, zoom: u8, x: u32, y: u32) -> Result<Option<Vec<u8>>, MbtilesError> {
        let Some(tms_y) = xyz_to_tms_row(zoom, x, y) else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(TILE_SQL)?;
        let tile = stmt
            .query_row(
                params![i64::from(zoom), i64::from(x), i64::from(tms_y)],
                |row| Ok(tile_bytes(row.get_ref(0)?)),
            )
            .optional()?;
        Ok(tile.flatten())
    }
}

/// The TMS row for an XYZ tile, or None when the tile is outside the grid of its zoom level.
fn xyz_to_tms_row(zoom: u8, x: u32, y: u32) -> Option<u32> {
    if zoom > MAX_ZOOM {
        return None;
    }
    let tiles_per_side = 1u32 << zoom;
    (x < tiles_per_side && y < tiles_per_side).then(|| tiles_per_side - 1 - y)
}

/// Non-empty tile bytes; NULL, numbers and empty blobs count as no tile.
fn tile_bytes(value: ValueRef<'_>) -> Option<Vec<u8>> {
    match value {
        ValueRef::Blob(bytes) | ValueRef::Text(bytes) if !bytes.is_empty() => Some(bytes.to_vec()),
        _ => None,
    }
}

/// Refuses a file that does not start with the SQLite header, before SQLite sees it; returns
/// whether the database is in WAL journal mode (header bytes 18 and 19 set to 2).
fn check_header(path: &Path) -> Result<bool, MbtilesError> {
    let open_error = |e: std::io::Error| MbtilesError::Open {
        detail: e.to_string(),
        path: path.to_owned(),
    };
    let file = std::fs::File::open(path).map_err(open_error)?;
    let mut header = Vec::with_capacity(20);
    file.take(20).read_to_end(&mut header).map_err(open_error)?;
    if !header.starts_with(SQLITE_HEADER) {
        return Err(MbtilesError::NotSqlite(path.to_owned()));
    }
    Ok(header.get(18) == Some(&2) || header.get(19) == Some(&2))
}

/// Opens the read-only connection and reads the schema, so that locking problems show here.
///
/// A WAL-mode database needs its `-shm` index file beside it, which SQLite creates (and leaves)
/// when the folder is writable. In a read-only folder (a write-protected USB stick, a CD, a
/// read-only share) that fails; if no `-wal` file holds pending changes, the main file is then
/// complete and is opened again as immutable, without locks or side files.
fn connect(path: &Path, wal_mode: bool) -> Result<Connection, MbtilesError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let probe = |conn: Connection| -> rusqlite::Result<Connection> {
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
            row.get::<_, i64>(0)
        })?;
        Ok(conn)
    };
    match Connection::open_with_flags(path, flags).and_then(probe) {
        Ok(conn) => Ok(conn),
        Err(e)
            if wal_mode
                && matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
                ) =>
        {
            let pending = wal_file_exists(path);
            if !pending && let Some(uri) = immutable_uri(path) {
                return Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                    .and_then(probe)
                    .map_err(|e| classify(&e, path));
            }
            let detail = if pending {
                "the file uses SQLite's write-ahead log, has a -wal file of changes beside it, and \
                 its folder cannot be written to; copy both files to a writable folder"
            } else {
                "the file uses SQLite's write-ahead log and its folder cannot be written to; copy \
                 the file to a writable folder"
            };
            Err(MbtilesError::Open {
                detail: detail.to_owned(),
                path: path.to_owned(),
            })
        }
        Err(e) => Err(classify(&e, path)),
    }
}

/// Whether the database has a `-wal` file beside it (changes not yet in the main file).
fn wal_file_exists(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    Path::new(&wal).exists()
}

/// An SQLite URI that opens `path` as immutable (no locking, no side files); None for paths that
/// are not UTF-8 or cannot be made absolute.
fn immutable_uri(path: &Path) -> Option<String> {
    let absolute = std::path::absolute(path).ok()?;
    let text = absolute.to_str()?;
    let mut uri = String::from("file://");
    if !(text.starts_with('/') || cfg!(windows) && text.starts_with('\\')) {
        uri.push('/'); // a Windows drive letter: file:///C:/...
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                uri.push(char::from(byte));
            }
            b'\\' if cfg!(windows) => uri.push('/'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                uri.push('%');
                uri.push(char::from(HEX[usize::from(byte >> 4)]));
                uri.push(char::from(HEX[usize::from(byte & 0x0F)]));
            }
        }
    }
    uri.push_str("?immutable=1");
    Some(uri)
}

/// Maps an SQLite error met while opening to an error that names the file.
fn classify(e: &rusqlite::Error, path: &Path) -> MbtilesError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => MbtilesError::NotSqlite(path.to_owned()),
        Some(ErrorCode::DatabaseCorrupt) => MbtilesError::Open {
            detail: format!("the file is damaged: {e}"),
            path: path.to_owned(),
        },
        _ => MbtilesError::Open {
            detail: e.to_string(),
            path: path.to_owned(),
        },
    }
}

/// Checks that the `tiles` and `metadata` tables (or views) exist with their columns.
fn check_schema(conn: &Connection, path: &Path) -> Result<(), MbtilesError> {
    for (table, missing_table, columns) in [
        ("tiles", "tiles table", TILES_COLUMNS.as_slice()),
        ("metadata", "metadata table", METADATA_COLUMNS.as_slice()),
    ] {
        let not_mbtiles = |missing| MbtilesError::NotMbtiles {
            missing,
            path: path.to_owned(),
        };
        if !table_exists(conn, table).map_err(|e| classify(&e, path))? {
            return Err(not_mbtiles(missing_table));
        }
        let present = column_names(conn, table).map_err(|e| classify(&e, path))?;
        if let Some((_, missing)) = columns
            .iter()
            .find(|(column, _)| !present.iter().any(|p| p.eq_ignore_ascii_case(column)))
        {
            return Err(not_mbtiles(missing));
        }
    }
    Ok(())
}

/// Whether a table or view of this name (case-insensitive, as in SQL) exists.
fn table_exists(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master \
         WHERE type IN ('table', 'view') AND name = ?1 COLLATE NOCASE)",
        [name],
        |row| row.get(0),
    )
}

/// The column names of a table or view.
fn column_names(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    stmt.query_map([table], |row| row.get(0))?.collect()
}

/// Reads and parses the `metadata` table; sniffs the format from a tile when needed.
fn read_metadata(conn: &Connection) -> rusqlite::Result<MbtilesMetadata> {
    let mut name = None;
    let mut format = None;
    let mut min_zoom = None;
    let mut max_zoom = None;
    let mut bounds = None;
    let mut attribution = None;
    let mut description = None;

    let mut stmt = conn.prepare("SELECT name, value FROM metadata")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (Some(key), Some(value)) = (text_of(row.get_ref(0)?), text_of(row.get_ref(1)?)) else {
            continue;
        };
        let slot = match key.to_ascii_lowercase().as_str() {
            "name" => &mut name,
            "format" => &mut format,
            "minzoom" => &mut min_zoom,
            "maxzoom" => &mut max_zoom,
            "bounds" => &mut bounds,
            "attribution" => &mut attribution,
            "description" => &mut description,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }

    let format = match format.as_deref().map(parse_format) {
        Some(known) if known != TileFormat::Other => known,
        _ => sniff_format(conn)?,
    };
    Ok(MbtilesMetadata {
        name,
        format,
        min_zoom: min_zoom.as_deref().and_then(parse_zoom),
        max_zoom: max_zoom.as_deref().and_then(parse_zoom),
        bounds_lon_lat: bounds.as_deref().and_then(parse_bounds),
        attribution,
        description,
    })
}

/// A metadata cell as trimmed text; NULL and blank cells give None. Writers sometimes store
/// numbers (`minzoom`) as integers, so numbers are turned into text too.
fn text_of(value: ValueRef<'_>) -> Option<String> {
    let text = match value {
        ValueRef::Null => return None,
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The metadata `format` value: `png`, `jpg`, `webp`, `pbf`, or a MIME type of one of them.
fn parse_format(value: &str) -> TileFormat {
    let lower = value.trim().to_ascii_lowercase();
    match lower.strip_prefix("image/").unwrap_or(&lower) {
        "png" => TileFormat::Png,
        "jpg" | "jpeg" => TileFormat::Jpeg,
        "webp" => TileFormat::Webp,
        "pbf" | "mvt" | "application/x-protobuf" | "application/vnd.mapbox-vector-tile" => {
            TileFormat::Pbf
        }
        _ => TileFormat::Other,
    }
}

/// The format of the first non-empty tile, from its magic bytes; `Other` when there is none.
fn sniff_format(conn: &Connection) -> rusqlite::Result<TileFormat> {
    let first = conn
        .query_row(
            "SELECT tile_data FROM tiles WHERE length(tile_data) > 0 LIMIT 1",
            [],
            |row| Ok(tile_bytes(row.get_ref(0)?)),
        )
        .optional()?
        .flatten();
    Ok(first.map_or(TileFormat::Other, |bytes| format_of_bytes(&bytes)))
}

/// Recognises PNG, JPEG and WebP images, and vector tiles (gzip or zlib streams, or a raw
/// protobuf starting with the `layers` field tag).
fn format_of_bytes(bytes: &[u8]) -> TileFormat {
    match bytes {
        [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1A, b'\n', ..] => TileFormat::Png,
        [0xFF, 0xD8, 0xFF, ..] => TileFormat::Jpeg,
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => TileFormat::Webp,
        [0x1F, 0x8B, ..] | [0x78, 0x01 | 0x5E | 0x9C | 0xDA, ..] | [0x1A, ..] => TileFormat::Pbf,
        _ => TileFormat::Other,
    }
}

/// A zoom level from 0 to 30.
fn parse_zoom(value: &str) -> Option<u8> {
    value.trim().parse::<u8>().ok().filter(|z| *z <= MAX_ZOOM)
}

/// `west,south,east,north` in WGS84 degrees; None unless all four are valid coordinates and
/// south is not north of north.
fn parse_bounds(value: &str) -> Option<[f64; 4]> {
    let mut parts = value.split(',');
    let mut bounds = [0.0; 4];
    for slot in &mut bounds {
        *slot = parts
            .next()?
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())?;
    }
    if parts.next().is_some() {
        return None;
    }
    let [west, south, east, north] = bounds;
    let lon = -180.0..=180.0;
    let lat = -90.0..=90.0;
    (lon.contains(&west)
        && lon.contains(&east)
        && lat.contains(&south)
        && lat.contains(&north)
        && south <= north)
        .then_some(bounds)
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    /// The PNG signature followed by arbitrary bytes: enough for format sniffing.
    const PNG_A: &[u8] = b"\x89PNG\r\n\x1a\nAAAA";
    const PNG_B: &[u8] = b"\x89PNG\r\n\x1a\nBBBB";
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
    const WEBP: &[u8] = b"RIFF\x1a\0\0\0WEBPVP8 ";
    const GZIP: &[u8] = &[0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0];

    const SCHEMA: &str = "CREATE TABLE metadata (name TEXT, value TEXT);
        CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
        CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);";

    /// Writes an MBTiles file; tiles are `(zoom, column, TMS row, bytes)`.
    fn write_mbtiles(
        dir: &Path,
        file: &str,
        metadata: &[(&str, &str)],
        tiles: &[(u8, u32, u32, &[u8])],
    ) -> PathBuf {
        let path = dir.join(file);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        for (name, value) in metadata {
            conn.execute("INSERT INTO metadata VALUES (?1, ?2)", [name, value])
                .unwrap();
        }
        for (zoom, column, row, data) in tiles {
            conn.execute(
                "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)",
                params![zoom, column, row, data],
            )
            .unwrap();
        }
        path
    }

    fn png_basemap(dir: &Path, tiles: &[(u8, u32, u32, &[u8])]) -> PathBuf {
        write_mbtiles(
            dir,
            "basemap.mbtiles",
            &[("name", "Test"), ("format", "png")],
            tiles,
        )
    }

    #[test]
    fn xyz_row_is_flipped_to_tms() {
        let dir = tempfile::tempdir().unwrap();
        // Zoom 2 has rows 0..=3: TMS row 3 is XYZ row 0 (north), TMS row 0 is XYZ row 3.
        let path = png_basemap(
            dir.path(),
            &[(2, 1, 3, PNG_A), (2, 1, 0, PNG_B), (0, 0, 0, PNG_A)],
        );
        let reader = MbtilesReader::open(&path).unwrap();
        assert_eq!(reader.tile_xyz(2, 1, 0).unwrap().as_deref(), Some(PNG_A));
        assert_eq!(reader.tile_xyz(2, 1, 3).unwrap().as_deref(), Some(PNG_B));
        assert_eq!(reader.tile_xyz(0, 0, 0).unwrap().as_deref(), Some(PNG_A));
        // Repeated lookups reuse the cached statement.
        for _ in 0..3 {
            assert_eq!(reader.tile_xyz(2, 1, 0).unwrap().as_deref(), Some(PNG_A));
        }
    }

    #[test]
    fn xyz_to_tms_row_arithmetic() {
        assert_eq!(xyz_to_tms_row(0, 0, 0), Some(0));
        assert_eq!(xyz_to_tms_row(1, 0, 0), Some(1));
        assert_eq!(xyz_to_tms_row(1, 1, 1), Some(0));
        assert_eq!(xyz_to_tms_row(14, 8800, 5900), Some(16383 - 5900));
        assert_eq!(xyz_to_tms_row(30, (1 << 30) - 1, 0), Some((1 << 30) - 1));
        assert_eq!(xyz_to_tms_row(30, 0, (1 << 30) - 1), Some(0));
        assert_eq!(xyz_to_tms_row(30, 1 << 30, 0), None);
        assert_eq!(xyz_to_tms_row(31, 0, 0), None);
        assert_eq!(xyz_to_tms_row(u8::MAX, 0, 0), None);
    }

    #[test]
    fn missing_tile_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = png_basemap(dir.path(), &[(2, 1, 3, PNG_A)]);
        let reader = MbtilesReader::open(&path).unwrap();
        assert_eq!(reader.tile_xyz(2, 1, 1).unwrap(), None);
        assert_eq!(reader.tile_xyz(2, 0, 0).unwrap(), None);
        assert_eq!(reader.tile_xyz(5, 3, 3).unwrap(), None);
    }

    #[test]
    fn null_and_empty_tiles_are_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = png_basemap(dir.path(), &[(1, 0, 1, b"")]);
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute("INSERT INTO tiles VALUES (1, 1, 1, NULL)", [])
                .unwrap();
        }
        let reader = MbtilesReader::open(&path).unwrap();
        assert_eq!(reader.tile_xyz(1, 0, 0).unwrap(), None);
        assert_eq!(reader.tile_xyz(1, 1, 0).unwrap(), None);
    }

    #[test]
    fn out_of_range_coordinates_are_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = png_basemap(dir.path(), &[(0, 0, 0, PNG_A), (2, 3, 0, PNG_B)]);
        let reader = MbtilesReader::open(&path).unwrap();
        assert_eq!(reader.tile_xyz(0, 1, 0).unwrap(), None);
        assert_eq!(reader.tile_xyz(0, 0, 1).unwrap(), None);
        assert_eq!(reader.tile_xyz(2, 4, 0).unwrap(), None);
        assert_eq!(reader.tile_xyz(2, 3, 4).unwrap(), None);
        assert_eq!(reader.tile_xyz(2, u32::MAX, u32::MAX).unwrap(), None);
        assert_eq!(reader.tile_xyz(30, u32::MAX, 0).unwrap(), None);
        assert_eq!(reader.tile_xyz(30, 0, u32::MAX).unwrap(), None);
        assert_eq!(
            reader.tile_xyz(30, (1 << 30) - 1, (1 << 30) - 1).unwrap(),
            None
        );
        assert_eq!(reader.tile_xyz(31, 0, 0).unwrap(), None);
        assert_eq!(reader.tile_xyz(u8::MAX, u32::MAX, u32::MAX).unwrap(), None);
        // In range still works after the refusals.
        assert_eq!(reader.tile_xyz(2, 3, 3).unwrap().as_deref(), Some(PNG_B));
    }

    #[test]
    fn metadata_is_parsed() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_mbtiles(
            dir.path(),
            "bih.mbtiles",
            &[
                ("name", "Bosnia and Herzegovina"),
                ("format", "png"),
                ("bounds", "15.7,42.5,19.6,45.3"),
                ("minzoom", "6"),
                ("maxzoom", "16"),
                ("attribution", "© OpenStreetMap contributors"),
                ("description", "Offline basemap"),
                ("type", "baselayer"),
            ],
            &[(6, 35, 40, PNG_A)],
        );
        let reader = MbtilesReader::open(&path).unwrap();
        assert_eq!(reader.path(), path.as_path());
        assert_eq!(
            reader.metadata(),
            &MbtilesMetadata {
                name: Some("Bosnia and Herzegovina".to_owned()),
                format: TileFormat::Png,
                min_zoom: Some(6),
                max_zoom: Some(16),
                bounds_lon_lat: Some([15.7, 42.5, 19.6, 45.3]),
                attribution: Some("© OpenStreetMap contributors".to_owned()),
                description: Some("Offline basemap".to_owned()),
            }
        );
    }

    #[test]
    fn metadata_is_read_leniently() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_mbtiles(
            dir.path(),
            "odd.mbtiles",
            &[
                ("format", " JPG "),
                ("bounds", "15.7, 42.5, 19.6"),
                ("minzoom", "six"),
                ("attribution", "   "),
                ("name", "first"),
                ("name", "second"),
            ],
            &[],
        );
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute("INSERT INTO metadata VALUES ('maxzoom', 14)", [])
                .unwrap();
        }
        let metadata = MbtilesReader::open(&path).unwrap().metadata().clone();
        assert_eq!(metadata.format, TileFormat::Jpeg);
        assert_eq!(metadata.bounds_lon_lat, None);
        assert_eq!(metadata.min_zoom, None);
        assert_eq!(metadata.max_zoom, Some(14));
        assert_eq!(metadata.attribution, None);
        assert_eq!(metadata.description, None);
        assert_eq!(metadata.name.as_deref(), Some("first"));
    }

    #[test]
    fn value_parsers() {
        assert_eq!(parse_format("png"), TileFormat::Png);
        assert_eq!(parse_format("image/jpeg"), TileFormat::Jpeg);
        assert_eq!(parse_format("WEBP"), TileFormat::Webp);
        assert_eq!(parse_format("pbf"), TileFormat::Pbf);
        assert_eq!(parse_format("gif"), TileFormat::Other);
        assert_eq!(parse_zoom(" 0 "), Some(0));
        assert_eq!(parse_zoom("30"), Some(30));
        assert_eq!(parse_zoom("31"), None);
        assert_eq!(parse_zoom("-1"), None);
        assert_eq!(parse_zoom("12.5"), None);
        assert_eq!(
            parse_bounds("-180,-85.0511,180,85.0511"),
            Some([-180.0, -85.0511, 180.0, 85.0511])
        );
        assert_eq!(parse_bounds("15.7,42.5,19.6,45.3,0"), None);
        assert_eq!(parse_bounds("15.7,45.3,19.6,42.5"), None);
        assert_eq!(parse_bounds("190,42.5,19.6,45.3"), None);
        assert_eq!(parse_bounds("NaN,42.5,19.6,45.3"), None);
        assert_eq!(parse_bounds(""), None);
    }

    #[test]
    fn missing_format_is_sniffed_from_a_tile() {
        let dir = tempfile::tempdir().unwrap();
        for (file, tile, expected) in [
            ("png.mbtiles", PNG_A, TileFormat::Png),
            ("jpeg.mbtiles", JPEG, TileFormat::Jpeg),
            ("webp.mbtiles", WEBP, TileFormat::Webp),
            ("other.mbtiles", b"GIF89a".as_slice(), TileFormat::Other),
        ] {
            let path = write_mbtiles(
                dir.path(),
                file,
                &[("name", "no format")],
                &[(0, 0, 0, b""), (1, 0, 0, tile)],
            );
            let reader = MbtilesReader::open(&path).unwrap();
            assert_eq!(reader.metadata().format, expected, "{file}");
        }
        // An unknown format value is checked against a tile too.
        let path = write_mbtiles(
            dir.path(),
            "png8.mbtiles",
            &[("format", "png8")],
            &[(0, 0, 0, PNG_A)],
        );
        assert_eq!(
            MbtilesReader::open(&path).unwrap().metadata().format,
            TileFormat::Png
        );
        // No format and no tiles: nothing to sniff.
        let path = write_mbtiles(dir.path(), "empty.mbtiles", &[], &[]);
        assert_eq!(
            MbtilesReader::open(&path).unwrap().metadata().format,
            TileFormat::Other
        );
    }

    #[test]
    fn format_of_bytes_recognises_magic() {
        assert_eq!(format_of_bytes(PNG_A), TileFormat::Png);
        assert_eq!(format_of_bytes(JPEG), TileFormat::Jpeg);
        assert_eq!(format_of_bytes(WEBP), TileFormat::Webp);
        assert_eq!(format_of_bytes(b"RIFF\x1a\0\0\0WAVE"), TileFormat::Other);
        assert_eq!(format_of_bytes(GZIP), TileFormat::Pbf);
        assert_eq!(format_of_bytes(&[0x78, 0x9C, 0]), TileFormat::Pbf);
        assert_eq!(format_of_bytes(&[0x1A, 0x05]), TileFormat::Pbf);
        assert_eq!(format_of_bytes(b"\x89PNG"), TileFormat::Other);
        assert_eq!(format_of_bytes(b""), TileFormat::Other);
    }

    #[test]
    fn vector_tiles_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let declared = write_mbtiles(
            dir.path(),
            "vector.mbtiles",
            &[("name", "OSM vector"), ("format", "pbf")],
            &[(0, 0, 0, GZIP)],
        );
        let err = MbtilesReader::open(&declared).unwrap_err();
        assert!(
            matches!(&err, MbtilesError::VectorTiles(p) if *p == declared),
            "{err:?}"
        );
        assert!(err.to_string().ends_with(&declared.display().to_string()));

        let sniffed = write_mbtiles(dir.path(), "sniffed.mbtiles", &[], &[(0, 0, 0, GZIP)]);
        let err = MbtilesReader::open(&sniffed).unwrap_err();
        assert!(
            matches!(&err, MbtilesError::VectorTiles(p) if *p == sniffed),
            "{err:?}"
        );
    }

    #[test]
    fn text_file_is_not_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.mbtiles");
        fs::write(&text, "these are not the tiles you are looking for\n").unwrap();
        let err = MbtilesReader::open(&text).unwrap_err();
        assert!(
            matches!(&err, MbtilesError::NotSqlite(p) if *p == text),
            "{err:?}"
        );
        assert!(
            err.to_string().ends_with(&text.display().to_string()),
            "{err}"
        );

        let empty = dir.path().join("empty.mbtiles");
        fs::write(&empty, "").unwrap();
        let err = MbtilesReader::open(&empty).unwrap_err();
        assert!(
            matches!(&err, MbtilesError::NotSqlite(p) if *p == empty),
            "{err:?}"
        );
        // The reader did not turn the empty file into a database.
        assert_eq!(fs::read(&empty).unwrap(), b"");
    }

    #[test]
    fn damaged_sqlite_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("damaged.mbtiles");
        let mut bytes = SQLITE_HEADER.to_vec();
        bytes.extend([0xAB; 200]);
        fs::write(&path, &bytes).unwrap();
        let err = MbtilesReader::open(&path).unwrap_err();
        assert!(
            matches!(&err, MbtilesError::NotSqlite(p) | MbtilesError::Open { path: p, .. } if *p == path),
            "{err:?}"
        );
    }

    #[test]
    fn missing_file_cannot_be_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nowhere.mbtiles");
        let err = MbtilesReader::open(&path).unwrap_err();
        assert!(
            matches!(&err, MbtilesError::Open { path: p, .. } if *p == path),
            "{err:?}"
        );
        assert!(
            err.to_string().ends_with(&path.display().to_string()),
            "{err}"
        );
        assert!(!path.exists(), "opening must not create the file");
    }

    #[test]
    fn sqlite_file_without_tiles_is_not_mbtiles() {
        let dir = tempfile::tempdir().unwrap();
        let no_tiles = dir.path().join("store.sqlite");
        Connection::open(&no_tiles)
            .unwrap()
            .execute_batch(
                "CREATE TABLE metadata (name TEXT, value TEXT);
                 CREATE TABLE land (id INTEGER PRIMARY KEY, code TEXT);",
            )
            .unwrap();
        let err = MbtilesReader::open(&no_tiles).unwrap_err();
        assert!(
            matches!(&err, MbtilesError::NotMbtiles { missing: "tiles table", path } if *path == no_tiles),
            "{err:?}"
        );
        assert!(err.to_string().contains("it has no tiles table"), "{err}");
        assert!(
            err.to_string().ends_with(&no_tiles.display().to_string()),
            "{err}"
        );

        let no_metadata = dir.path().join("no_metadata.sqlite");
        Connection::open(&no_metadata)
            .unwrap()
            .execute_batch(
                "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);",
            )
            .unwrap();
        let err = MbtilesReader::open(&no_metadata).unwrap_err();
        assert!(
            matches!(
                &err,
                MbtilesError::NotMbtiles {
                    missing: "metadata table",
                    ..
                }
            ),
            "{err:?}"
        );

        let no_data = dir.path().join("no_data.sqlite");
        Connection::open(&no_data)
            .unwrap()
            .execute_batch(
                "CREATE TABLE metadata (name TEXT, value TEXT);
                 CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, image BLOB);",
            )
            .unwrap();
        let err = MbtilesReader::open(&no_data).unwrap_err();
        assert!(
            matches!(&err, MbtilesError::NotMbtiles { missing, .. } if missing.starts_with("tile_data")),
            "{err:?}"
        );

        let empty_db = dir.path().join("empty.sqlite");
        Connection::open(&empty_db)
            .unwrap()
            .execute_batch("PRAGMA user_version = 1;")
            .unwrap();
        let err = MbtilesReader::open(&empty_db).unwrap_err();
        assert!(matches!(&err, MbtilesError::NotMbtiles { .. }), "{err:?}");
    }

    #[test]
    fn tiles_view_is_accepted() {
        // The deduplicating layout written by mbutil and others: `tiles` and `metadata` are views.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("views.mbtiles");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
             CREATE TABLE images (tile_data BLOB, tile_id TEXT);
             CREATE TABLE meta (name TEXT, value TEXT);
             CREATE VIEW Tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
                 map.tile_row AS tile_row, images.tile_data AS tile_data
                 FROM map JOIN images ON images.tile_id = map.tile_id;
             CREATE VIEW metadata AS SELECT name, value FROM meta;
             INSERT INTO meta VALUES ('format', 'png'), ('maxzoom', '3');
             INSERT INTO map VALUES (3, 4, 2, 'a'), (3, 5, 2, 'a');
             INSERT INTO images VALUES (x'89504e470d0a1a0a41414141', 'a');",
        )
        .unwrap();
        drop(conn);
        let reader = MbtilesReader::open(&path).unwrap();
        assert_eq!(reader.metadata().max_zoom, Some(3));
        // TMS row 2 at zoom 3 is XYZ row 8 - 1 - 2 = 5.
        assert_eq!(reader.tile_xyz(3, 4, 5).unwrap().as_deref(), Some(PNG_A));
        assert_eq!(reader.tile_xyz(3, 5, 5).unwrap().as_deref(), Some(PNG_A));
        assert_eq!(reader.tile_xyz(3, 4, 2).unwrap(), None);
    }

    fn dir_listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn reader_never_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_mbtiles(
            dir.path(),
            "basemap.mbtiles",
            &[("name", "Test"), ("bounds", "15.7,42.5,19.6,45.3")],
            &[(1, 0, 0, PNG_A), (1, 1, 1, PNG_B)],
        );
        let before = fs::read(&path).unwrap();
        let listing = dir_listing(dir.path());
        {
            let reader = MbtilesReader::open(&path).unwrap();
            assert_eq!(reader.tile_xyz(1, 0, 1).unwrap().as_deref(), Some(PNG_A));
            assert_eq!(reader.tile_xyz(1, 1, 0).unwrap().as_deref(), Some(PNG_B));
            assert_eq!(reader.tile_xyz(1, 0, 0).unwrap(), None);
            assert_eq!(dir_listing(dir.path()), listing, "no journal or WAL files");
        }
        assert_eq!(fs::read(&path).unwrap(), before);
        assert_eq!(dir_listing(dir.path()), listing);

        // A basemap the user cannot write to (0o444) still opens and reads.
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            permissions.set_mode(0o444);
        }
        #[cfg(not(unix))]
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let reader = MbtilesReader::open(&path).unwrap();
        assert_eq!(reader.metadata().format, TileFormat::Png);
        assert_eq!(reader.tile_xyz(1, 1, 0).unwrap().as_deref(), Some(PNG_B));
        drop(reader);
        assert_eq!(fs::read(&path).unwrap(), before);
        assert_eq!(dir_listing(dir.path()), listing);
    }

    /// Writes a basemap in WAL journal mode, with everything checkpointed into the main file.
    fn write_wal_basemap(dir: &Path) -> PathBuf {
        let path = png_basemap(dir, &[(0, 0, 0, PNG_A)]);
        let conn = Connection::open(&path).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(conn);
        assert!(!wal_file_exists(&path));
        path
    }

    #[test]
    fn wal_mode_basemap_opens() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_wal_basemap(dir.path());
        assert!(check_header(&path).unwrap());
        let before = fs::read(&path).unwrap();
        let reader = MbtilesReader::open(&path).unwrap();
        assert_eq!(reader.tile_xyz(0, 0, 0).unwrap().as_deref(), Some(PNG_A));
        drop(reader);
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn immutable_uri_opens_odd_paths_without_side_files() {
        // Stands in for the read-only-folder fallback, which cannot be provoked when the tests
        // run as root: the URI must survive spaces, `?`, `#`, `%` and non-ASCII names.
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("Karte ?#%&= é");
        fs::create_dir(&odd).unwrap();
        let path = write_wal_basemap(&odd);
        let listing = dir_listing(&odd);
        let uri = immutable_uri(&path).unwrap();
        assert!(
            uri.starts_with("file:///") && uri.ends_with("?immutable=1"),
            "{uri}"
        );
        let conn = Connection::open_with_flags(
            &uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )
        .unwrap();
        let tiles: i64 = conn
            .query_row("SELECT count(*) FROM tiles", [], |row| row.get(0))
            .unwrap();
        assert_eq!(tiles, 1);
        assert_eq!(dir_listing(&odd), listing, "no -shm or -wal files");
        assert!(!check_header(&png_basemap(dir.path(), &[])).unwrap());
    }

    #[test]
    fn connection_is_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = png_basemap(dir.path(), &[(0, 0, 0, PNG_A)]);
        let reader = MbtilesReader::open(&path).unwrap();
        let err = reader.conn.execute("DELETE FROM tiles", []).unwrap_err();
        assert_eq!(
            err.sqlite_error_code(),
            Some(ErrorCode::ReadOnly),
            "{err:?}"
        );
        assert_eq!(reader.tile_xyz(0, 0, 0).unwrap().as_deref(), Some(PNG_A));
    }

    #[test]
    fn reader_can_move_to_a_tile_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<MbtilesReader>();
        assert_send::<MbtilesError>();

        let dir = tempfile::tempdir().unwrap();
        let path = png_basemap(dir.path(), &[(0, 0, 0, PNG_A)]);
        let reader = MbtilesReader::open(&path).unwrap();
        let tile = std::thread::Builder::new()
            .name("mbtiles-test".to_owned())
            .spawn(move || reader.tile_xyz(0, 0, 0).unwrap())
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(tile.as_deref(), Some(PNG_A));
    }
}
