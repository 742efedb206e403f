//! Reference layers: vector and tile files a programme already has (admin boundaries with
//! P-codes, settlements, roads, rivers; raster or vector tile packages), shown under the lands and
//! used to fill a new land's admin area. Pure types: reading the files is `io::reference` and
//! `storage::reference`, drawing is `ui` and `reports`.

use std::path::{Path, PathBuf};

use geo_types::Geometry;

/// The file formats a reference layer may come from, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LayerFormat {
    /// RFC 7946 GeoJSON (`.geojson`, `.json`): longitude/latitude on WGS84.
    GeoJson,
    /// OGC GeoPackage (`.gpkg`): one feature table per layer.
    GeoPackage,
    /// ESRI Shapefile (`.shp` with its `.dbf`, and `.prj` when not on WGS84).
    Shapefile,
    /// A raster tile package (`.mbtiles`).
    MbTiles,
    /// A tile package in the `PMTiles` format (`.pmtiles`).
    PmTiles,
}

impl LayerFormat {
    /// Every format, in the order the file picker lists them.
    pub const ALL: &'static [Self] = &[
        Self::GeoPackage,
        Self::GeoJson,
        Self::Shapefile,
        Self::MbTiles,
        Self::PmTiles,
    ];

    /// The format of a file from its extension (case-insensitive), or `None`.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "geojson" | "json" => Some(Self::GeoJson),
            "gpkg" => Some(Self::GeoPackage),
            "shp" => Some(Self::Shapefile),
            "mbtiles" => Some(Self::MbTiles),
            "pmtiles" => Some(Self::PmTiles),
            _ => None,
        }
    }

    /// The file extensions of every supported format (without the dot).
    pub const EXTENSIONS: &'static [&'static str] =
        &["gpkg", "geojson", "json", "shp", "mbtiles", "pmtiles"];

    /// Whether the layer is a tile package (drawn as the map's tiles, not as features).
    pub fn is_tiles(self) -> bool {
        matches!(self, Self::MbTiles | Self::PmTiles)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::GeoJson => "GeoJSON",
            Self::GeoPackage => "GeoPackage",
            Self::Shapefile => "Shapefile",
            Self::MbTiles => "MBTiles",
            Self::PmTiles => "PMTiles",
        }
    }
}

/// What a reference layer holds, which decides how it is drawn and what it is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LayerRole {
    /// Administrative boundaries with names and P-codes (OCHA COD-AB, geoBoundaries): outlined;
    /// a new land's admin area and P-code are filled from them.
    AdminBoundaries,
    /// Settlements (populated places): dots with their names; the nearest fills a new land's
    /// settlement.
    Settlements,
    /// Roads and tracks: brown lines.
    Roads,
    /// Rivers, streams and water bodies: blue lines and fills.
    Water,
    /// Anything else: grey outlines and dots, labelled when a label field is chosen.
    Other,
    /// A tile package (raster or vector tiles).
    Tiles,
}

impl LayerRole {
    /// Every role a vector layer may take, in the order the layer panel lists them.
    pub const VECTOR: &'static [Self] = &[
        Self::AdminBoundaries,
        Self::Settlements,
        Self::Roads,
        Self::Water,
        Self::Other,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::AdminBoundaries => "admin_boundaries",
            Self::Settlements => "settlements",
            Self::Roads => "roads",
            Self::Water => "water",
            Self::Other => "other",
            Self::Tiles => "tiles",
        }
    }

    /// The role of a stored code (also accepts the short forms the CLI takes).
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "admin_boundaries" | "admin" | "boundaries" => Some(Self::AdminBoundaries),
            "settlements" | "settlement" | "places" => Some(Self::Settlements),
            "roads" | "road" => Some(Self::Roads),
            "water" | "rivers" | "river" => Some(Self::Water),
            "other" => Some(Self::Other),
            "tiles" => Some(Self::Tiles),
            _ => None,
        }
    }

    /// The id of the label's message in the message files: `vocab-LayerRole-<code>`.
    pub fn label_id(self) -> &'static str {
        match self {
            Self::AdminBoundaries => "vocab-LayerRole-admin_boundaries",
            Self::Settlements => "vocab-LayerRole-settlements",
            Self::Roads => "vocab-LayerRole-roads",
            Self::Water => "vocab-LayerRole-water",
            Self::Other => "vocab-LayerRole-other",
            Self::Tiles => "vocab-LayerRole-tiles",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::AdminBoundaries => "Admin boundaries (P-codes)",
            Self::Settlements => "Settlements",
            Self::Roads => "Roads",
            Self::Water => "Rivers and water",
            Self::Other => "Other",
            Self::Tiles => "Tile package",
        }
    }

    /// A guess from the layer's name and its attribute names: COD-AB fields (`ADM1_PCODE`…)
    /// mean admin boundaries; words in the name (`settlement`, `places`, `road`, `river`…)
    /// decide the rest. `Other` when nothing fits.
    pub fn guess(layer_name: &str, fields: &[String]) -> Self {
        if !admin_levels(fields).is_empty() {
            return Self::AdminBoundaries;
        }
        let name = layer_name.to_ascii_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
        if has(&["adm", "boundar", "district", "municip", "province"]) {
            Self::AdminBoundaries
        } else if has(&[
            "settlement",
            "place",
            "village",
            "town",
            "locality",
            "populated",
        ]) {
            Self::Settlements
        } else if has(&["road", "track", "street", "highway", "transport"]) {
            Self::Roads
        } else if has(&["river", "water", "stream", "lake", "hydro"]) {
            Self::Water
        } else {
            Self::Other
        }
    }
}

/// Where a reference layer comes from and how it is shown; kept in the store, so each programme
/// remembers its own layers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerSpec {
    /// The store's id of the layer (0 before it is saved).
    pub id: i64,
    /// The file (absolute path as given by the user).
    pub path: PathBuf,
    /// The feature table of a GeoPackage with several (`None` for other formats).
    pub table: Option<String>,
    /// The file's format.
    pub format: LayerFormat,
    /// What the layer holds.
    pub role: LayerRole,
    /// The name shown in the layer panel and the report's legend.
    pub name: String,
    /// The attribute labelled on the map (settlement names), if any.
    pub label_field: Option<String>,
    /// Drawn on the map.
    pub visible: bool,
    /// Drawn on the donor report's map too.
    pub in_report: bool,
    /// Drawing order: lower is drawn first (further down).
    pub position: i64,
}

/// One feature of a reference layer, on WGS84 longitude/latitude (degrees).
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceFeature {
    /// Its geometry (x = longitude, y = latitude, degrees).
    pub geometry: Geometry<f64>,
    /// Bounding box in degrees: min lon, min lat, max lon, max lat.
    pub bbox_lon_lat: [f64; 4],
    /// Its attributes as text, in the order of [`ReferenceLayer::fields`] (empty for null).
    pub values: Vec<String>,
}

/// A reference layer's features, read from its file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReferenceLayer {
    /// Attribute names, in file order.
    pub fields: Vec<String>,
    /// The features with a usable geometry.
    pub features: Vec<ReferenceFeature>,
    /// Features left out: no geometry, or coordinates outside WGS84's range.
    pub skipped: usize,
}

impl ReferenceLayer {
    /// The index of an attribute, compared case-insensitively.
    pub fn field_index(&self, name: &str) -> Option<usize> {
        self.fields
            .iter()
            .position(|f| f.eq_ignore_ascii_case(name))
    }

    /// A feature's value of an attribute (trimmed), or `None` when absent or empty.
    pub fn value<'a>(&self, feature: &'a ReferenceFeature, field: usize) -> Option<&'a str> {
        feature
            .values
            .get(field)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The attribute that names a feature, guessed: `name`, `name_en`, `NAME`, COD-AB's deepest
    /// `ADMn_EN`/`admn_name`, geoBoundaries' `shapeName`, else the first text-like field with
    /// "name" in it.
    pub fn guess_label_field(&self) -> Option<String> {
        const NAMES: &[&str] = &[
            "name",
            "name_en",
            "name_local",
            "settlement",
            "shapename",
            "featurenam",
            "place_name",
            "naziv",
        ];
        for candidate in NAMES {
            if let Some(i) = self.field_index(candidate) {
                return Some(self.fields[i].clone());
            }
        }
        if let Some(level) = admin_levels(&self.fields).last()
            && let Some(name) = &level.name_field
        {
            return Some(name.clone());
        }
        self.fields
            .iter()
            .find(|f| f.to_ascii_lowercase().contains("name"))
            .cloned()
    }
}

/// The attribute names of one admin level of an admin-boundary layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminLevelFields {
    /// The admin level (0 = country, 1 = region/entity, 2 = district/municipality, 3 …).
    pub level: u8,
    /// The attribute holding the level's name (`ADM2_EN`, `adm2_name`, …).
    pub name_field: Option<String>,
    /// The attribute holding the level's P-code (`ADM2_PCODE`, `adm2_pcode`, …).
    pub pcode_field: Option<String>,
}

/// The admin levels an attribute list names, shallowest first, following OCHA's COD-AB
/// conventions: `ADMn_PCODE` / `admn_pcode` for the P-code and `ADMn_EN`, `ADMn_NAME`,
/// `admn_name`, `ADMn_REF`, `ADMn_LOCAL` or `ADMn_name1` for the name (the first found wins, in
/// that order). geoBoundaries layers (`shapeName`, `shapeID`) are one level taken as level 2.
pub fn admin_levels(fields: &[String]) -> Vec<AdminLevelFields> {
    let find = |wanted: &[String]| {
        wanted
            .iter()
            .find_map(|w| fields.iter().find(|f| f.eq_ignore_ascii_case(w)).cloned())
    };
    let mut levels = Vec::new();
    for level in 0u8..=5 {
        let pcode = find(&[format!("adm{level}_pcode"), format!("adm{level}pcode")]);
        let name = find(&[
            format!("adm{level}_en"),
            format!("adm{level}_name"),
            format!("adm{level}_ref"),
            format!("adm{level}_local"),
            format!("adm{level}_name1"),
            format!("adm{level}_fr"),
            format!("adm{level}_es"),
        ]);
        if pcode.is_some() || name.is_some() {
            levels.push(AdminLevelFields {
                level,
                name_field: name,
                pcode_field: pcode,
            });
        }
    }
    if levels.is_empty() {
        let name = find(&["shapeName".to_owned()]);
        let pcode = find(&["shapeID".to_owned(), "shapeISO".to_owned()]);
        if name.is_some() {
            levels.push(AdminLevelFields {
                level: 2,
                name_field: name,
                pcode_field: pcode,
            });
        }
    }
    levels
}

/// A land's admin location as found in the admin-boundary and settlement layers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AdminPlace {
    /// The first-level admin area's name (region, entity, governorate, oblast).
    pub admin1: Option<String>,
    /// The second-level admin area's name (district, municipality, raion).
    pub admin2: Option<String>,
    /// The P-code of the deepest admin area found.
    pub pcode: Option<String>,
    /// The nearest settlement's name, within [`SETTLEMENT_SEARCH_M`].
    pub settlement: Option<String>,
    /// The name of the layer the admin area came from.
    pub source: Option<String>,
}

impl AdminPlace {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.admin1.is_none()
            && self.admin2.is_none()
            && self.pcode.is_none()
            && self.settlement.is_none()
    }
}

/// How far from a land's centre a settlement may be to be taken as its settlement, in metres.
pub const SETTLEMENT_SEARCH_M: f64 = 5_000.0;

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn cod_ab_fields_in_either_case_give_levels_with_names_and_pcodes() {
        let upper = admin_levels(&names(&[
            "ADM0_EN",
            "ADM0_PCODE",
            "ADM1_EN",
            "ADM1_PCODE",
            "ADM2_EN",
            "ADM2_PCODE",
            "Shape_Area",
        ]));
        assert_eq!(upper.len(), 3);
        assert_eq!(upper[2].level, 2);
        assert_eq!(upper[2].name_field.as_deref(), Some("ADM2_EN"));
        assert_eq!(upper[2].pcode_field.as_deref(), Some("ADM2_PCODE"));
        let lower = admin_levels(&names(&["adm1_name", "adm1_pcode", "area_sqkm"]));
        assert_eq!(lower.len(), 1);
        assert_eq!(lower[0].name_field.as_deref(), Some("adm1_name"));
        let gb = admin_levels(&names(&["shapeName", "shapeISO", "shapeID", "shapeType"]));
        assert_eq!(gb[0].name_field.as_deref(), Some("shapeName"));
        assert!(admin_levels(&names(&["name", "population"])).is_empty());
    }

    #[test]
    fn roles_are_guessed_from_fields_then_names() {
        assert_eq!(
            LayerRole::guess("whatever", &names(&["ADM2_PCODE"])),
            LayerRole::AdminBoundaries
        );
        assert_eq!(
            LayerRole::guess("bih_populated_places", &names(&["name"])),
            LayerRole::Settlements
        );
        assert_eq!(LayerRole::guess("Rivers", &[]), LayerRole::Water);
        assert_eq!(LayerRole::guess("main roads", &[]), LayerRole::Roads);
        assert_eq!(LayerRole::guess("wells", &[]), LayerRole::Other);
        for role in LayerRole::VECTOR {
            assert_eq!(LayerRole::from_code(role.code()), Some(*role));
        }
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(
            LayerFormat::from_path(Path::new("/a/B.GPKG")),
            Some(LayerFormat::GeoPackage)
        );
        assert_eq!(
            LayerFormat::from_path(Path::new("x.shp")),
            Some(LayerFormat::Shapefile)
        );
        assert_eq!(LayerFormat::from_path(Path::new("x.kml")), None);
        assert!(LayerFormat::PmTiles.is_tiles());
    }
}
