//! Geodesic area and perimeter on WGS84, and building a land's polygon from its perimeter points.

use geo::orient::{Direction, Orient};
use geo::{Distance, Geodesic, GeodesicArea};
use geo_types::{Coord, LineString, MultiPolygon, Polygon};

use crate::domain::{AreaM2, LonLat};

/// How a land's area was computed; stored with the area (C3).
pub const AREA_METHOD: &str = "geodesic WGS84 (Karney 2013)";

/// Geodesic area of a (multi)polygon on the WGS84 ellipsoid, in m².
///
/// Uses Karney's algorithm through `geo::GeodesicArea` (the same method as GeographicLib's
/// `Planimeter`). Interior rings (holes) are subtracted.
///
/// # Assumptions
/// Coordinates are WGS84 longitude/latitude in degrees; each polygon is smaller than half the
/// Earth. Winding order does not matter (the unsigned area is returned).
///
/// # Units
/// Square metres.
///
/// # Examples
/// ```
/// use geo_types::{polygon, MultiPolygon};
/// use safeground::geometry::geodesic_area_m2;
/// // 1° × 1° at the equator: 12 308 778 361.469 m² (GeographicLib Planimeter).
/// let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
/// let area = geodesic_area_m2(&MultiPolygon(vec![square]));
/// assert!((area.m2() - 12_308_778_361.469).abs() < 0.01);
/// ```
pub fn geodesic_area_m2(shape: &MultiPolygon<f64>) -> AreaM2 {
    AreaM2::new(
        shape
            .0
            .iter()
            .map(GeodesicArea::geodesic_area_unsigned)
            .sum(),
    )
}

/// Geodesic perimeter of a (multi)polygon on WGS84, in metres (all rings of all parts).
///
/// # Units
/// Metres.
///
/// # Examples
/// ```
/// use geo_types::{polygon, MultiPolygon};
/// use safeground::geometry::geodesic_perimeter_m;
/// let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
/// let perimeter = geodesic_perimeter_m(&MultiPolygon(vec![square]));
/// assert!((perimeter - 443_770.917).abs() < 0.01);
/// ```
pub fn geodesic_perimeter_m(shape: &MultiPolygon<f64>) -> f64 {
    shape.0.iter().map(GeodesicArea::geodesic_perimeter).sum()
}

/// Geodesic distance between two positions on WGS84, in metres (inverse problem, Karney 2013).
///
/// # Examples
/// ```
/// use safeground::domain::LonLat;
/// use safeground::geometry::geodesic_distance_m;
/// let a = LonLat::lon_lat(0.0, 0.0).unwrap();
/// let b = LonLat::lon_lat(1.0, 0.0).unwrap();
/// assert!((geodesic_distance_m(a, b) - 111_319.491).abs() < 0.001);
/// ```
pub fn geodesic_distance_m(a: LonLat, b: LonLat) -> f64 {
    Geodesic.distance(a.to_point(), b.to_point())
}

/// A closed polygon through the given vertices, exterior ring counter-clockwise (RFC 7946).
///
/// The ring is closed by repeating the first vertex; a repeated last vertex is not doubled.
///
/// # Examples
/// ```
/// use safeground::domain::LonLat;
/// use safeground::geometry::polygon_from_lon_lats;
/// let p = |lon, lat| LonLat::lon_lat(lon, lat).unwrap();
/// // Entered clockwise: normalised to counter-clockwise.
/// let poly = polygon_from_lon_lats(&[p(0.0, 0.0), p(0.0, 1.0), p(1.0, 1.0), p(1.0, 0.0)]);
/// assert_eq!(poly.exterior().0.len(), 5);
/// assert_eq!(poly.exterior().0[1].x, 1.0);
/// ```
pub fn polygon_from_lon_lats(vertices: &[LonLat]) -> Polygon<f64> {
    let mut coords: Vec<Coord<f64>> = vertices.iter().map(|p| p.to_coord()).collect();
    if let (Some(first), Some(last)) = (coords.first().copied(), coords.last().copied())
        && first != last
    {
        coords.push(first);
    }
    Polygon::new(LineString(coords), vec![]).orient(Direction::Default)
}

/// Normalises every part: exterior rings counter-clockwise, interior rings clockwise (RFC 7946).
///
/// Returns the normalised shape and whether any ring had to be reversed.
///
/// # Examples
/// ```
/// use geo_types::{polygon, MultiPolygon};
/// use safeground::geometry::normalise_winding;
/// let cw = polygon![(x: 0.0, y: 0.0), (x: 0.0, y: 1.0), (x: 1.0, y: 1.0), (x: 1.0, y: 0.0)];
/// let (_, changed) = normalise_winding(&MultiPolygon(vec![cw]));
/// assert!(changed);
/// ```
pub fn normalise_winding(shape: &MultiPolygon<f64>) -> (MultiPolygon<f64>, bool) {
    let oriented = shape.orient(Direction::Default);
    let changed = oriented != *shape;
    (oriented, changed)
}

#[cfg(test)]
mod tests {
    use geo_types::polygon;

    use super::*;

    #[test]
    fn area_of_reference_square_matches_geographiclib() {
        let square =
            polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
        let mp = MultiPolygon(vec![square.clone()]);
        assert!((geodesic_area_m2(&mp).m2() - 12_308_778_361.469).abs() < 0.01);
        // Clockwise gives the same unsigned area.
        let (cw, _) = normalise_winding(&MultiPolygon(vec![square.orient(Direction::Reversed)]));
        assert!((geodesic_area_m2(&cw).m2() - 12_308_778_361.469).abs() < 0.01);
    }

    #[test]
    fn small_field_area_is_plausible() {
        // A 100 m × 100 m field near Doboj is about 10 000 m².
        let a = LonLat::lon_lat(18.0, 44.7).unwrap();
        let dlat = 100.0 / 111_132.0;
        let dlon = 100.0 / (111_320.0 * 44.7_f64.to_radians().cos());
        let poly = polygon_from_lon_lats(&[
            a,
            LonLat::lon_lat(18.0 + dlon, 44.7).unwrap(),
            LonLat::lon_lat(18.0 + dlon, 44.7 + dlat).unwrap(),
            LonLat::lon_lat(18.0, 44.7 + dlat).unwrap(),
        ]);
        let area = geodesic_area_m2(&MultiPolygon(vec![poly])).m2();
        assert!((area - 10_000.0).abs() < 50.0, "{area}");
    }
}
