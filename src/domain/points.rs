//! Survey points (C2, domain.md §3): typed points with their WGS84 position, the coordinates as
//! entered, and how each was obtained (GPS, a traverse leg, a map click or an import).

use std::fmt;

use time::Date;

use super::vocab::{BearingUnit, CoordFormat, Instrument, NorthReference, PointKind};

/// A WGS84 position in degrees, **longitude first** (x, y), as GeoJSON and `geo` use it.
///
/// People write latitude first; build values with [`LonLat::lon_lat`] or [`LonLat::lat_lon`] so
/// the order is always explicit.
///
/// # Examples
/// ```
/// use safeground::domain::LonLat;
/// let sarajevo = LonLat::lat_lon(43.8563, 18.4131).unwrap();
/// assert_eq!(sarajevo.lon_deg, 18.4131);
/// assert!(LonLat::lon_lat(181.0, 0.0).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LonLat {
    /// Longitude in degrees east, −180 ..= 180.
    pub lon_deg: f64,
    /// Latitude in degrees north, −90 ..= 90.
    pub lat_deg: f64,
}

/// A longitude or latitude that is not a finite number in range.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InvalidLonLat {
    /// Longitude outside −180 ..= 180 or not finite.
    #[error("longitude {0} is out of range (-180 to 180)")]
    Longitude(f64),
    /// Latitude outside −90 ..= 90 or not finite.
    #[error("latitude {0} is out of range (-90 to 90)")]
    Latitude(f64),
}

impl LonLat {
    /// A position from longitude then latitude, in degrees; checked for range.
    #[expect(
        clippy::self_named_constructors,
        reason = "lon_lat/lat_lon make the axis order explicit at every call"
    )]
    pub fn lon_lat(lon_deg: f64, lat_deg: f64) -> Result<Self, InvalidLonLat> {
        if !(lon_deg.is_finite() && (-180.0..=180.0).contains(&lon_deg)) {
            return Err(InvalidLonLat::Longitude(lon_deg));
        }
        if !(lat_deg.is_finite() && (-90.0..=90.0).contains(&lat_deg)) {
            return Err(InvalidLonLat::Latitude(lat_deg));
        }
        Ok(Self { lon_deg, lat_deg })
    }

    /// A position from latitude then longitude, in degrees (the order people write).
    pub fn lat_lon(lat_deg: f64, lon_deg: f64) -> Result<Self, InvalidLonLat> {
        Self::lon_lat(lon_deg, lat_deg)
    }

    /// As a `geo` point (x = longitude, y = latitude).
    pub fn to_point(self) -> geo_types::Point<f64> {
        geo_types::Point::new(self.lon_deg, self.lat_deg)
    }

    /// As a `geo` coordinate (x = longitude, y = latitude).
    pub fn to_coord(self) -> geo_types::Coord<f64> {
        geo_types::Coord {
            x: self.lon_deg,
            y: self.lat_deg,
        }
    }

    /// As `[lon, lat]`, the GeoJSON position order.
    pub fn to_array(self) -> [f64; 2] {
        [self.lon_deg, self.lat_deg]
    }
}

impl fmt::Display for LonLat {
    /// Latitude first, 6 decimals, as a person reads it: `43.856300, 18.413100`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.6}, {:.6}", self.lat_deg, self.lon_deg)
    }
}

/// The coordinate exactly as the surveyor entered it, with its notation (domain.md §0.5).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EnteredCoord {
    /// The text as typed.
    pub text: String,
    /// The notation it was read as.
    pub format: CoordFormat,
}

/// One traverse leg: a bearing and distance from an earlier point (C2, domain.md §3.2).
///
/// The raw reading is kept so a wrong declination can be corrected later and the vertex recomputed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TraverseLeg {
    /// Label of the point the leg starts from (e.g. `BM1`, `TP2`).
    pub from_label: String,
    /// The bearing as read, in `bearing_unit`.
    pub bearing: f64,
    /// Degrees or mils.
    pub bearing_unit: BearingUnit,
    /// Magnetic, true or grid north.
    pub reference: NorthReference,
    /// Magnetic declination used, degrees, east positive (true = magnetic + declination).
    #[serde(default)]
    pub declination_deg: f64,
    /// Date the declination value refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declination_date: Option<Date>,
    /// Measured distance in metres (along the slope if `slope_deg` is set).
    pub distance_m: f64,
    /// Slope angle in degrees when the distance was measured along the slope; `None` = horizontal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slope_deg: Option<f64>,
    /// Instrument used.
    pub instrument: Instrument,
}

/// How a point's position was obtained.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum PointSource {
    /// A GPS fix.
    Gps {
        /// Reported horizontal accuracy in metres.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        accuracy_m: Option<f64>,
        /// Number of fixes averaged, if averaging was used.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        averaged_fixes: Option<u32>,
    },
    /// Computed from a traverse leg.
    Traverse {
        /// The leg as measured.
        leg: TraverseLeg,
    },
    /// Clicked on the map.
    MapClick,
    /// Read from an imported file.
    Import,
    /// Typed in from a paper form or another source.
    Manual,
}

/// A typed survey point of a land (reference, benchmark, start, turning …).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SurveyPoint {
    /// Point type.
    pub kind: PointKind,
    /// Short label as painted on the marker, e.g. `BM1`, `TP3`.
    pub label: String,
    /// WGS84 position used for all computation.
    pub lon_lat: LonLat,
    /// The coordinate as entered, when it was typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entered: Option<EnteredCoord>,
    /// How the position was obtained.
    pub source: PointSource,
    /// Free note (marker type, description).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl SurveyPoint {
    /// GPS accuracy in metres, when the point is a GPS fix that reported one.
    pub fn gps_accuracy_m(&self) -> Option<f64> {
        match &self.source {
            PointSource::Gps { accuracy_m, .. } => *accuracy_m,
            _ => None,
        }
    }
}

/// The perimeter vertices (start, turning, intermediate and end points) in entry order.
///
/// # Examples
/// ```
/// use safeground::domain::{perimeter_lon_lats, LonLat, PointKind, PointSource, SurveyPoint};
/// let p = |kind, lon| SurveyPoint { kind, label: String::new(), lon_lat: LonLat::lon_lat(lon, 0.0).unwrap(),
///     entered: None, source: PointSource::MapClick, note: String::new() };
/// let points = [p(PointKind::Benchmark, 0.0), p(PointKind::Start, 1.0), p(PointKind::End, 2.0)];
/// assert_eq!(perimeter_lon_lats(&points).len(), 2);
/// ```
pub fn perimeter_lon_lats(points: &[SurveyPoint]) -> Vec<LonLat> {
    points
        .iter()
        .filter(|p| p.kind.is_perimeter())
        .map(|p| p.lon_lat)
        .collect()
}
