//! Preferences kept by eframe between runs. Survey data is never here: only the last store,
//! display settings and the list's filters.

use std::path::PathBuf;

use crate::domain::CoordFormat;

/// User preferences.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The store opened last.
    pub last_store: Option<PathBuf>,
    /// How coordinates are shown.
    pub coord_format: CoordFormat,
    /// GPS accuracy worse than this (metres) is flagged.
    pub gps_threshold_m: f64,
    /// Whether online tiles may be fetched (off by default: offline first).
    pub online_tiles: bool,
    /// An MBTiles raster basemap to draw under the lands.
    pub mbtiles: Option<PathBuf>,
    /// Whether hazard reports are drawn.
    pub show_reports: bool,
    /// Whether land codes are drawn as labels.
    pub show_labels: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            last_store: None,
            coord_format: CoordFormat::Dd,
            gps_threshold_m: crate::geometry::DEFAULT_GPS_ACCURACY_THRESHOLD_M,
            online_tiles: false,
            mbtiles: None,
            show_reports: true,
            show_labels: true,
        }
    }
}

/// The eframe storage key.
pub const PREFS_KEY: &str = "safeground_prefs";
