//! Reference layers on WGS84: the coordinate systems their files may use (and the conversion to
//! longitude/latitude), and the admin place of a position (point in polygon over admin
//! boundaries, nearest settlement), as IMSMA fills a new record's location.

use geo::{BoundingRect, Contains, MapCoords};
use geo_types::{Coord, Geometry, Point};

use crate::domain::{
    AdminPlace, LayerRole, LayerSpec, LonLat, ReferenceFeature, ReferenceLayer,
    SETTLEMENT_SEARCH_M, admin_levels,
};

/// A coordinate reference system a reference layer may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crs {
    /// Longitude/latitude in degrees on WGS84 (EPSG:4326, CRS84) or a datum within a metre of
    /// it for mapping (ETRS89 EPSG:4258, NAD83 EPSG:4269).
    LonLat,
    /// Web Mercator in metres (EPSG:3857).
    WebMercator,
    /// UTM on WGS84 in metres (EPSG:326zz north, 327zz south).
    Utm {
        /// The zone, 1–60.
        zone: u8,
        /// Northern hemisphere.
        north: bool,
    },
}

impl Crs {
    /// The system of an EPSG code, or `None` when Safeground cannot convert from it.
    pub fn from_epsg(code: i64) -> Option<Self> {
        match code {
            4326 | 4258 | 4269 | 4979 => Some(Self::LonLat),
            3857 | 900_913 => Some(Self::WebMercator),
            32601..=32660 => u8::try_from(code - 32600)
                .ok()
                .map(|zone| Self::Utm { zone, north: true }),
            32701..=32760 => u8::try_from(code - 32700)
                .ok()
                .map(|zone| Self::Utm { zone, north: false }),
            _ => None,
        }
    }

    /// The system of a `.prj` file's WKT, or `None` when Safeground cannot convert from it.
    /// A geographic system (`GEOGCS` without `PROJCS`) on WGS84, ETRS89 or NAD83 is
    /// longitude/latitude; a projected one is accepted when it is Web Mercator or WGS84 UTM.
    pub fn from_wkt(wkt: &str) -> Option<Self> {
        let upper = wkt.to_ascii_uppercase();
        let projected = upper.contains("PROJCS") || upper.contains("PROJCRS");
        if !projected {
            let known = ["WGS", "ETRS", "NAD83", "4326", "D_WGS_1984"];
            return known
                .iter()
                .any(|k| upper.contains(k))
                .then_some(Self::LonLat);
        }
        if upper.contains("MERCATOR_AUXILIARY_SPHERE")
            || upper.contains("PSEUDO-MERCATOR")
            || upper.contains("PSEUDO_MERCATOR")
            || upper.contains("3857")
        {
            return Some(Self::WebMercator);
        }
        // "WGS_1984_UTM_Zone_34N" (ESRI) or "WGS 84 / UTM zone 34N" (EPSG).
        let compact: String = upper.chars().filter(char::is_ascii_alphanumeric).collect();
        let at = compact.find("WGS84UTMZONE").or_else(|| {
            compact
                .find("WGS1984UTMZONE")
                .map(|i| i + "WGS1984UTMZONE".len() - "WGS84UTMZONE".len())
        })?;
        let rest = &compact[at + "WGS84UTMZONE".len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let zone: u8 = digits.parse().ok().filter(|z| (1..=60).contains(z))?;
        let north = match rest[digits.len()..].chars().next() {
            Some('N') => true,
            Some('S') => false,
            _ => return None,
        };
        Some(Self::Utm { zone, north })
    }

    /// Converts one position to `[lon, lat]` degrees, or `None` when it is outside the system's
    /// range.
    pub fn to_lon_lat(self, x: f64, y: f64) -> Option<[f64; 2]> {
        if !x.is_finite() || !y.is_finite() {
            return None;
        }
        let lon_lat = match self {
            Self::LonLat => [x, y],
            Self::WebMercator => {
                const R: f64 = 6_378_137.0;
                let lon = (x / R).to_degrees();
                let lat = (2.0 * (y / R).exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
                [lon, lat]
            }
            Self::Utm { zone, north } => {
                let u = geoconvert::UtmUps::create(i32::from(zone), north, x, y).ok()?;
                let ll = u.to_latlon();
                [ll.longitude(), ll.latitude()]
            }
        };
        ((-180.0..=180.0).contains(&lon_lat[0]) && (-90.0..=90.0).contains(&lon_lat[1]))
            .then_some(lon_lat)
    }

    /// Converts a geometry to longitude/latitude, or `None` when any position is out of range.
    pub fn geometry_to_lon_lat(self, geometry: &Geometry<f64>) -> Option<Geometry<f64>> {
        let ok = std::cell::Cell::new(true);
        let converted = geometry.map_coords(|c| {
            if let Some([x, y]) = self.to_lon_lat(c.x, c.y) {
                Coord { x, y }
            } else {
                ok.set(false);
                c
            }
        });
        ok.get().then_some(converted)
    }
}

/// A feature on longitude/latitude with its bounding box, or `None` when the geometry is empty
/// or any position is outside WGS84's range.
pub fn reference_feature(geometry: Geometry<f64>, values: Vec<String>) -> Option<ReferenceFeature> {
    let rect = geometry.bounding_rect()?;
    let bbox = [rect.min().x, rect.min().y, rect.max().x, rect.max().y];
    let in_range = bbox.iter().all(|v| v.is_finite())
        && bbox[0] >= -180.0
        && bbox[2] <= 180.0
        && bbox[1] >= -90.0
        && bbox[3] <= 90.0;
    in_range.then_some(ReferenceFeature {
        geometry,
        bbox_lon_lat: bbox,
        values,
    })
}

/// The admin place of a position: the names and P-code of the admin areas (from every layer
/// whose role is admin boundaries, deepest level wins for the P-code) that contain it, and the
/// nearest settlement (point features of settlement layers, within [`SETTLEMENT_SEARCH_M`]).
/// Hidden layers count too: a layer's role, not its visibility, says what it is for.
pub fn admin_place_at(layers: &[(&LayerSpec, &ReferenceLayer)], at: LonLat) -> AdminPlace {
    let p = Point::new(at.lon_deg, at.lat_deg);
    let mut place = AdminPlace::default();
    let mut deepest: Option<u8> = None;
    for (spec, layer) in layers
        .iter()
        .filter(|(s, _)| s.role == LayerRole::AdminBoundaries)
    {
        let levels = admin_levels(&layer.fields);
        if levels.is_empty() {
            continue;
        }
        for feature in layer.features.iter().filter(|f| {
            let b = f.bbox_lon_lat;
            b[0] <= p.x() && p.x() <= b[2] && b[1] <= p.y() && p.y() <= b[3]
        }) {
            if !contains(&feature.geometry, p) {
                continue;
            }
            for level in &levels {
                let name = level
                    .name_field
                    .as_deref()
                    .and_then(|f| layer.field_index(f))
                    .and_then(|i| layer.value(feature, i))
                    .map(str::to_owned);
                let pcode = level
                    .pcode_field
                    .as_deref()
                    .and_then(|f| layer.field_index(f))
                    .and_then(|i| layer.value(feature, i))
                    .map(str::to_owned);
                match level.level {
                    1 if name.is_some() => place.admin1 = name,
                    2 if name.is_some() => place.admin2 = name,
                    _ => {}
                }
                if pcode.is_some() && deepest.is_none_or(|d| level.level >= d) {
                    deepest = Some(level.level);
                    place.pcode = pcode;
                    place.source = Some(spec.name.clone());
                }
            }
        }
    }
    let mut nearest: Option<(f64, String)> = None;
    for (spec, layer) in layers
        .iter()
        .filter(|(s, _)| s.role == LayerRole::Settlements)
    {
        let Some(label) = spec
            .label_field
            .as_deref()
            .and_then(|f| layer.field_index(f))
        else {
            continue;
        };
        for feature in &layer.features {
            let Geometry::Point(q) = &feature.geometry else {
                continue;
            };
            // A cheap box first: 5 km is under 0.05° of latitude, and of longitude below 60°.
            if (q.y() - p.y()).abs() > 0.1 || (q.x() - p.x()).abs() > 0.2 {
                continue;
            }
            let Ok(q_ll) = LonLat::lon_lat(q.x(), q.y()) else {
                continue;
            };
            let d = super::geodesic_distance_m(at, q_ll);
            if d <= SETTLEMENT_SEARCH_M
                && nearest.as_ref().is_none_or(|(best, _)| d < *best)
                && let Some(name) = layer.value(feature, label)
            {
                nearest = Some((d, name.to_owned()));
            }
        }
    }
    place.settlement = nearest.map(|(_, n)| n);
    place
}

/// The position a land's admin place is looked up at: a point inside its polygon (three points
/// or more; `geo`'s interior point, so a crescent-shaped land is not placed in its hollow), else
/// its first point.
pub fn land_anchor(points: &[LonLat]) -> Option<LonLat> {
    use geo::InteriorPoint;
    if points.len() >= 3 {
        let ring: Vec<Coord<f64>> = points
            .iter()
            .map(|p| Coord {
                x: p.lon_deg,
                y: p.lat_deg,
            })
            .collect();
        let polygon = geo_types::Polygon::new(geo_types::LineString::new(ring), vec![]);
        if let Some(p) = polygon.interior_point()
            && let Ok(ll) = LonLat::lon_lat(p.x(), p.y())
        {
            return Some(ll);
        }
    }
    points.first().copied()
}

fn contains(geometry: &Geometry<f64>, p: Point<f64>) -> bool {
    match geometry {
        Geometry::Polygon(poly) => poly.contains(&p),
        Geometry::MultiPolygon(mp) => mp.contains(&p),
        Geometry::GeometryCollection(gc) => gc.iter().any(|g| contains(g, p)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LayerFormat;
    use geo_types::{LineString, Polygon};

    fn square(x0: f64, y0: f64, size: f64) -> Geometry<f64> {
        Geometry::Polygon(Polygon::new(
            LineString::from(vec![
                (x0, y0),
                (x0 + size, y0),
                (x0 + size, y0 + size),
                (x0, y0 + size),
                (x0, y0),
            ]),
            vec![],
        ))
    }

    fn spec(role: LayerRole, label: Option<&str>) -> LayerSpec {
        LayerSpec {
            id: 1,
            path: "x".into(),
            table: None,
            format: LayerFormat::GeoJson,
            role,
            name: "admin2".to_owned(),
            label_field: label.map(str::to_owned),
            visible: true,
            in_report: false,
            position: 0,
        }
    }

    #[test]
    fn the_admin_area_holding_the_point_gives_names_and_the_deepest_pcode() {
        let admin = ReferenceLayer {
            fields: ["ADM1_EN", "ADM1_PCODE", "ADM2_EN", "ADM2_PCODE"]
                .map(str::to_owned)
                .to_vec(),
            features: vec![
                reference_feature(
                    square(18.0, 44.0, 0.5),
                    ["Entity A", "BA01", "West", "BA0101"]
                        .map(str::to_owned)
                        .to_vec(),
                )
                .unwrap(),
                reference_feature(
                    square(18.5, 44.0, 0.5),
                    ["Entity A", "BA01", "East", "BA0102"]
                        .map(str::to_owned)
                        .to_vec(),
                )
                .unwrap(),
            ],
            skipped: 0,
        };
        let places = ReferenceLayer {
            fields: vec!["name".to_owned()],
            features: vec![
                reference_feature(Geometry::Point(Point::new(18.61, 44.2)), vec!["Far".into()])
                    .unwrap(),
                reference_feature(
                    Geometry::Point(Point::new(18.601, 44.2)),
                    vec!["Near".into()],
                )
                .unwrap(),
            ],
            skipped: 0,
        };
        let a = spec(LayerRole::AdminBoundaries, None);
        let s = spec(LayerRole::Settlements, Some("NAME"));
        let layers = [(&a, &admin), (&s, &places)];
        let place = admin_place_at(&layers, LonLat::lon_lat(18.6, 44.2).unwrap());
        assert_eq!(place.admin1.as_deref(), Some("Entity A"));
        assert_eq!(place.admin2.as_deref(), Some("East"));
        assert_eq!(place.pcode.as_deref(), Some("BA0102"));
        assert_eq!(place.settlement.as_deref(), Some("Near"));
        let outside = admin_place_at(&layers, LonLat::lon_lat(20.0, 44.2).unwrap());
        assert!(outside.is_empty());
    }

    #[test]
    fn crs_from_epsg_and_wkt_and_conversions() {
        assert_eq!(Crs::from_epsg(4326), Some(Crs::LonLat));
        assert_eq!(
            Crs::from_epsg(32634),
            Some(Crs::Utm {
                zone: 34,
                north: true
            })
        );
        assert_eq!(Crs::from_epsg(31700), None);
        let esri = r#"PROJCS["WGS_1984_UTM_Zone_34N",GEOGCS["GCS_WGS_1984"]]"#;
        let utm = Crs::from_wkt(esri).unwrap();
        assert_eq!(
            utm,
            Crs::Utm {
                zone: 34,
                north: true
            }
        );
        // The testdata README's check point: 43.8563 N 18.4131 E is 34N E 292 094.744 N 4 859 165.603.
        let [lon, lat] = utm.to_lon_lat(292_094.744, 4_859_165.603).unwrap();
        assert!((lon - 18.4131).abs() < 1e-6 && (lat - 43.8563).abs() < 1e-6);
        let geog = r#"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]"#;
        assert_eq!(Crs::from_wkt(geog), Some(Crs::LonLat));
        assert_eq!(Crs::from_wkt(r#"PROJCS["MGI / Balkans zone 6"]"#), None);
        let [lon, lat] = Crs::WebMercator
            .to_lon_lat(2_049_705.0, 5_349_838.0)
            .unwrap();
        assert!((lon - 18.412_813).abs() < 1e-5 && (lat - 43.248_272).abs() < 1e-5);
        assert_eq!(Crs::LonLat.to_lon_lat(200.0, 0.0), None);
    }
}
