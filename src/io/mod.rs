//! File formats ↔ domain: GeoJSON (lands, activities, hazard reports) and CSV (ledger,
//! activities). Readers take bytes and a reporter; writers take any `Write`; no paths here.

pub mod csv;
pub mod geojson;

/// Writes a file through a temporary file beside it (`<name>.partial`), renamed into place when
/// complete, so a failed export never leaves a half-written file under the real name.
pub fn write_atomically(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> Result<(), IoError>,
) -> Result<(), IoError> {
    use std::io::Write as _;
    let mut tmp_name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    tmp_name.push(".partial");
    let tmp = path.with_file_name(tmp_name);
    let file = std::fs::File::create(&tmp).map_err(|e| IoError::File {
        detail: e.to_string(),
        path: tmp.clone(),
    })?;
    let mut writer = std::io::BufWriter::new(file);
    let result = write(&mut writer).and_then(|()| writer.flush().map_err(IoError::from));
    drop(writer);
    match result {
        Ok(()) => std::fs::rename(&tmp, path).map_err(|e| IoError::File {
            detail: e.to_string(),
            path: path.to_owned(),
        }),
        Err(e) => {
            if std::fs::remove_file(&tmp).is_err() {
                // The partial file stays behind; the write error is what the caller must see.
            }
            Err(e)
        }
    }
}

/// A file that cannot be read or written at all (per-feature problems go to the reporter).
#[derive(Debug, thiserror::Error)]
pub enum IoError {
    /// Not UTF-8 text.
    #[error("the file is not UTF-8 text (invalid byte after byte {byte}); save it as UTF-8")]
    NotUtf8 {
        /// Valid bytes before the first invalid one.
        byte: usize,
    },
    /// Not JSON (truncated, a typo, numbers out of range).
    #[error("the file is not valid JSON at line {line}, column {column}: {message}")]
    Json {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// What `serde_json` reported.
        message: String,
    },
    /// JSON but not GeoJSON.
    #[error("{0}")]
    NotGeoJson(String),
    /// Written by a newer Safeground.
    #[error(
        "the file uses Safeground GeoJSON schema {0}, newer than this version supports (1); install the newer version"
    )]
    NewerSchema(u64),
    /// The user cancelled; the partial file was removed.
    #[error("the export was cancelled; no file was written")]
    Cancelled,
    /// A CSV problem with the whole file.
    #[error("{0}")]
    Csv(String),
    /// A file could not be created or renamed.
    #[error("cannot write the file ({detail}): {}", path.display())]
    File {
        /// What the OS said.
        detail: String,
        /// The file.
        path: std::path::PathBuf,
    },
    /// Writing failed.
    #[error("writing failed: {0}")]
    Write(#[from] std::io::Error),
    /// JSON encoding failed.
    #[error("JSON encoding failed: {0}")]
    Encode(#[from] serde_json::Error),
}

impl From<::csv::Error> for IoError {
    fn from(e: ::csv::Error) -> Self {
        Self::Csv(format!("CSV error: {e}"))
    }
}
