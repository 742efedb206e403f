//! File formats ↔ domain: GeoJSON (lands, activities, hazard reports) and CSV (ledger,
//! activities). Readers take bytes and a reporter; writers take any `Write`. Paths appear only in
//! [`output`], the one module that writes files.

pub mod csv;
pub mod geojson;
pub mod output;
pub mod reference;
pub mod wkb;

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
    /// The output file was refused or could not be written.
    #[error(transparent)]
    Output(#[from] output::OutputError),
    /// Writing failed.
    #[error("writing failed: {}", output::describe_io(.0))]
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
