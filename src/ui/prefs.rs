//! Preferences kept by eframe between runs. Survey data is never here: only the last store,
//! display settings and the list's filters.

use std::path::PathBuf;

use crate::domain::{Actor, CoordFormat, Role};

/// User preferences.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent display choices of the Settings menu, not a state machine"
)]
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
    /// Who records on this device (asked at first start, changeable in Settings).
    pub person: Option<Person>,
    /// The type, team and organisation of the last activity recorded here.
    pub last_activity: super::activity_form::LastActivity,
    /// Whether the selected land's typed points are drawn on the map.
    pub show_typed_points: bool,
    /// Light, dark or following the system.
    pub appearance: super::theme::Appearance,
    /// The language of the app; `None` follows the system's.
    pub language: Option<crate::i18n::Lang>,
    /// Import mappings chosen before, by the shape of the file (its sorted property names).
    pub import_mappings: std::collections::BTreeMap<String, crate::domain::ImportMapping>,
}

/// The person recording on this device, as they gave it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Person {
    /// Name, as it will appear in every history row, audit entry and export-log row.
    pub name: String,
    /// Organisation.
    pub organisation: String,
    /// Role code (`surveyor`, `im_officer`, `coordinator`).
    pub role: String,
}

impl Person {
    /// The role, when the code is known.
    pub fn role(&self) -> Option<Role> {
        Role::from_code(&self.role)
    }

    /// The acting person on this device.
    pub fn actor(&self) -> Actor {
        let actor = Actor::new(self.name.trim(), crate::session::device_name());
        match self.role() {
            Some(role) => actor.with_role(self.organisation.trim(), role),
            None => actor,
        }
    }

    /// The person named by `$SAFEGROUND_USER` with the role `$SAFEGROUND_ROLE` (a role code or
    /// label), when both are set and usable.
    pub fn from_env() -> Option<Self> {
        let name = std::env::var("SAFEGROUND_USER").ok()?;
        let role = Role::parse(&std::env::var("SAFEGROUND_ROLE").ok()?)?;
        let person = Self {
            name: name.trim().to_owned(),
            organisation: std::env::var("SAFEGROUND_ORGANISATION").unwrap_or_default(),
            role: role.code().to_owned(),
        };
        person.is_complete().then_some(person)
    }

    /// Whether a name and a role were given.
    pub fn is_complete(&self) -> bool {
        !self.name.trim().is_empty() && self.role().is_some()
    }
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
            person: None,
            last_activity: super::activity_form::LastActivity::default(),
            import_mappings: std::collections::BTreeMap::new(),
            appearance: super::theme::Appearance::System,
            show_typed_points: true,
            language: None,
        }
    }
}

/// The eframe storage key.
pub const PREFS_KEY: &str = "safeground_prefs";
