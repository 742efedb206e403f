//! Geodesic area and perimeter on WGS84, and building a land's polygon from its perimeter points.

use geo::{Distance, Geodesic, GeodesicArea};
use geo_types::{Coord, LineString, MultiPolygon, Polygon};

use crate::domain::{AreaM2, LonLat};

/// How a land's area was computed; stored with the area (C3).
pub const AREA_METHOD: &str = "geodesic WGS84 (Karney 2013)";

/// The WGS84 ellipsoid's whole surface, in m² (GeographicLib: 510 065 621 724 088.5 m²).
pub const EARTH_AREA_M2: f64 = 510_065_621_724_088.5;

/// The plausibility bound on one land's boundary length (all rings), metres (10 000 km). A
/// world-sized box or a ring that wraps the globe is refused even when its area cancels out.
pub const MAX_LAND_PERIMETER_M: f64 = 1.0e7;

/// Geodesic area of one ring on WGS84, signed: positive when the ring runs counter-clockwise
/// around the smaller of the two regions it bounds, negative when clockwise; m².
///
/// Orientation is judged geodesically (GeographicLib's `PolygonArea` with `sign = true`), so a
/// ring across the antimeridian or around a pole gets the area of the region it encloses, never
/// the rest of the Earth: the magnitude is at most half the Earth's surface. Consecutive vertices
/// are joined by the shortest geodesic. The ring may be closed (first vertex repeated) or not.
///
/// # Units
/// Square metres.
///
/// # Examples
/// ```
/// use geo_types::LineString;
/// use safeground::geometry::ring_area_signed_m2;
/// let ccw = LineString::from(vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]);
/// assert!((ring_area_signed_m2(&ccw) - 12_308_778_361.469).abs() < 0.01);
/// let cw = LineString::from(vec![(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]);
/// assert!((ring_area_signed_m2(&cw) + 12_308_778_361.469).abs() < 0.01);
/// ```
pub fn ring_area_signed_m2(ring: &LineString<f64>) -> f64 {
    let coords = match ring.0.as_slice() {
        [rest @ .., last] if rest.first() == Some(last) => rest,
        all => all,
    };
    if coords.len() < 3 || coords.iter().any(|c| !(c.x.is_finite() && c.y.is_finite())) {
        return 0.0;
    }
    let g = geographiclib_rs::Geodesic::wgs84();
    let mut pa =
        geographiclib_rs::PolygonArea::new(&g, geographiclib_rs::Winding::CounterClockwise);
    for c in coords {
        pa.add_point(c.y, c.x);
    }
    let (_perimeter_m, area_m2, _) = pa.compute(true);
    area_m2
}

/// Geodesic area of a simple polygon, m²: the exterior's enclosed area minus its holes' (never
/// below 0), whatever the winding of each ring.
fn simple_polygon_area_m2(polygon: &Polygon<f64>) -> f64 {
    let exterior = ring_area_signed_m2(polygon.exterior()).abs();
    let holes: f64 = polygon
        .interiors()
        .iter()
        .map(|r| ring_area_signed_m2(r).abs())
        .sum();
    (exterior - holes).max(0.0)
}

/// Geodesic area of a (multi)polygon on the WGS84 ellipsoid, in m²: **the one area rule** (C3).
///
/// - Each ring's orientation is judged geodesically ([`ring_area_signed_m2`]); the area is that
///   of the region the ring encloses, never its complement.
/// - Holes are subtracted, `MultiPolygon` parts summed.
/// - A ring across the antimeridian is joined by the shortest geodesic between its vertices, as
///   GeographicLib does.
/// - An invalid polygon (a ring that crosses itself, rings that cross each other, a hole outside
///   its exterior) gets **the area of its repaired form**: what the outer boundary encloses (the
///   lobes of a bow-tie both counted, whichever way they are walked; a doubled loop counted
///   once) minus what the holes enclose, as GEOS's `make_valid(method='structure')` repairs it.
///   [`crate::geometry::validate_shape`] flags such a polygon.
///
/// The result is stable: the same polygon walked from another vertex or in the other direction
/// has the same area.
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
    AreaM2::new(shape.0.iter().map(|polygon| polygon_area(polygon).0).sum())
}

/// Geodesic area of one polygon by the rule of [`geodesic_area_m2`], m², and whether the
/// polygon had to be repaired to get it.
pub(crate) fn polygon_area(polygon: &Polygon<f64>) -> (f64, bool) {
    let unwrapped = super::topology::unwrap_antimeridian(polygon);
    let planar = unwrapped.as_ref().unwrap_or(polygon);
    polygon_area_known(polygon, planar, super::topology::is_simple(planar))
}

/// [`polygon_area`] when the caller already knows whether the polygon is simple (validation ran
/// the crossing test); `planar` is the polygon unwrapped across the antimeridian.
pub(crate) fn polygon_area_known(
    polygon: &Polygon<f64>,
    planar: &Polygon<f64>,
    simple: bool,
) -> (f64, bool) {
    // Only positions on the Earth can be measured (validation flags the others).
    let on_earth = |c: &Coord<f64>| {
        c.x.is_finite() && c.y.is_finite() && c.x.abs() <= 540.0 && c.y.abs() <= 90.0
    };
    if !std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .all(|r| r.0.iter().all(on_earth))
    {
        return (0.0, false);
    }
    if simple {
        return (simple_polygon_area_m2(polygon), false);
    }
    (repaired_area_m2(planar), true)
}

/// The area of the repair of a polygon whose rings cross, m²: the region the outer boundary
/// encloses (every lobe of a ring that crosses itself, each counted once, whichever way it is
/// walked: the non-zero rule) minus the region the holes enclose, computed where the rings cross
/// on the (antimeridian-unwrapped) longitude/latitude plane (`i_overlay`) and measured
/// geodesically. It is GEOS's `make_valid(method='structure')`: a surveyor's boundary that loops
/// twice around a corner still counts that corner once, never as a hole.
fn repaired_area_m2(planar: &Polygon<f64>) -> f64 {
    use i_overlay::core::fill_rule::FillRule;
    use i_overlay::core::overlay_rule::OverlayRule;
    use i_overlay::float::single::SingleFloatOverlay;
    let contour = |ring: &LineString<f64>| -> Vec<[f64; 2]> {
        ring.0
            .iter()
            .filter(|c| c.x.is_finite() && c.y.is_finite())
            .map(|c| [c.x, c.y])
            .collect()
    };
    let outer: Vec<Vec<[f64; 2]>> = vec![canonical_ring(contour(planar.exterior()))];
    // A polygon narrower than 1e-9° (0.1 mm) in either direction encloses nothing measurable;
    // `i_overlay` scales coordinates to integers by the extent, which such a sliver would blow
    // up (found by fuzzing).
    let (mut min, mut max) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in &outer[0] {
        for axis in 0..2 {
            min[axis] = min[axis].min(p[axis]);
            max[axis] = max[axis].max(p[axis]);
        }
    }
    if !(max[0] - min[0] >= 1e-9 && max[1] - min[1] >= 1e-9) {
        return 0.0;
    }
    let mut holes: Vec<Vec<[f64; 2]>> = planar
        .interiors()
        .iter()
        .map(|r| canonical_ring(contour(r)))
        .collect();
    holes.sort_by(|a, b| compare_rings(a, b));
    let shapes = outer.overlay(&holes, OverlayRule::Difference, FillRule::NonZero);
    let ring = |points: &Vec<[f64; 2]>| {
        LineString(points.iter().map(|p| Coord { x: p[0], y: p[1] }).collect())
    };
    shapes
        .iter()
        .map(|shape| {
            let mut rings = shape.iter();
            let outer = rings
                .next()
                .map_or(0.0, |r| ring_area_signed_m2(&ring(r)).abs());
            let holes: f64 = rings.map(|r| ring_area_signed_m2(&ring(r)).abs()).sum();
            (outer - holes).max(0.0)
        })
        .sum()
}

/// The ring in one canonical order: started at its smallest vertex (by longitude, then
/// latitude) and walked in the direction that gives the smallest sequence. The repair sees the
/// same input however the surveyor walked the ring, so its area cannot depend on where they
/// started or which way they went (found by fuzzing: on rings that double back along
/// themselves, the noding could differ by direction).
fn canonical_ring(mut ring: Vec<[f64; 2]>) -> Vec<[f64; 2]> {
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    let n = ring.len();
    if n < 2 {
        return ring;
    }
    let key = |p: &[f64; 2]| (p[0], p[1]);
    let smallest = ring
        .iter()
        .map(key)
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let Some(smallest) = smallest else {
        return ring;
    };
    let mut best: Option<Vec<[f64; 2]>> = None;
    for start in (0..n).filter(|&i| key(&ring[i]) == smallest) {
        for forward in [true, false] {
            let candidate: Vec<[f64; 2]> = (0..n)
                .map(|k| {
                    let i = if forward {
                        (start + k) % n
                    } else {
                        (start + n - k) % n
                    };
                    ring[i]
                })
                .collect();
            if best
                .as_ref()
                .is_none_or(|b| compare_rings(&candidate, b) == std::cmp::Ordering::Less)
            {
                best = Some(candidate);
            }
        }
    }
    let mut out = best.unwrap_or(ring);
    if let Some(&first) = out.first() {
        out.push(first);
    }
    out
}

/// Lexicographic order of two rings' vertices (total order on f64).
fn compare_rings(a: &[[f64; 2]], b: &[[f64; 2]]) -> std::cmp::Ordering {
    for (p, q) in a.iter().zip(b) {
        let order = p[0].total_cmp(&q[0]).then(p[1].total_cmp(&q[1]));
        if order != std::cmp::Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len())
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
    normalise_winding(&MultiPolygon(vec![Polygon::new(
        LineString(coords),
        vec![],
    )]))
    .0
    .0
    .into_iter()
    .next()
    .unwrap_or_else(|| Polygon::new(LineString(Vec::new()), vec![]))
}

/// The sign of a ring's orientation: positive counter-clockwise. For a small ring (under 10° in
/// extent, away from the poles) the shoelace sum on the longitude/latitude plane, unwrapped across
/// the antimeridian, has the geodesic sign and costs no geodesic computation (an import orients
/// every ring); larger rings are judged by their signed geodesic area.
fn ring_orientation(ring: &LineString<f64>) -> f64 {
    let coords = &ring.0;
    let (mut min_y, mut max_y) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut previous_x = coords.first().map_or(0.0, |c| c.x);
    let (mut min_x, mut max_x) = (previous_x, previous_x);
    let mut unwrapped: Vec<(f64, f64)> = Vec::with_capacity(coords.len());
    for c in coords {
        if !(c.x.is_finite() && c.y.is_finite()) {
            return 0.0;
        }
        // Each longitude within 180° of the one before (the shortest way, as geodesics go).
        let x = super::topology::near(c.x, previous_x);
        previous_x = x;
        min_x = min_x.min(x);
        max_x = max_x.max(x);
        min_y = min_y.min(c.y);
        max_y = max_y.max(c.y);
        unwrapped.push((x, c.y));
    }
    let small = max_x - min_x < 10.0 && max_y - min_y < 10.0 && max_y < 80.0 && min_y > -80.0;
    if !small {
        return ring_area_signed_m2(ring);
    }
    // Relative to the first vertex, for precision.
    let (x0, y0) = unwrapped.first().copied().unwrap_or((0.0, 0.0));
    let n = unwrapped.len();
    (0..n)
        .map(|i| {
            let (a, b) = (unwrapped[i], unwrapped[(i + 1) % n]);
            (a.0 - x0) * (b.1 - y0) - (b.0 - x0) * (a.1 - y0)
        })
        .sum()
}

/// Normalises every part: exterior rings counter-clockwise, interior rings clockwise (RFC 7946),
/// judged geodesically ([`ring_area_signed_m2`]), so that a ring across the antimeridian is
/// oriented by the region it encloses.
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
    let mut changed = false;
    let mut orient = |ring: &LineString<f64>, counter_clockwise: bool| {
        let signed = ring_orientation(ring);
        let mut ring = ring.clone();
        if signed != 0.0 && (signed > 0.0) != counter_clockwise {
            ring.0.reverse();
            changed = true;
        }
        ring
    };
    let oriented = MultiPolygon(
        shape
            .0
            .iter()
            .map(|p| {
                Polygon::new(
                    orient(p.exterior(), true),
                    p.interiors().iter().map(|r| orient(r, false)).collect(),
                )
            })
            .collect(),
    );
    (oriented, changed)
}

#[cfg(test)]
mod tests {
    use geo::orient::{Direction, Orient};
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
    fn a_sliver_of_denormal_coordinates_has_no_area_and_does_not_overflow() {
        // Found by fuzzing (polygon_area): the repair scaled a 1e-314° extent to integers.
        let sliver = Polygon::new(
            LineString::from(vec![
                (8.279_241_3e-317, 3.323_907_469_4e-314),
                (2.118_045_542e-314, 0.0),
            ]),
            vec![],
        );
        assert!(geodesic_area_m2(&MultiPolygon(vec![sliver])).m2().abs() < f64::EPSILON);
    }

    #[test]
    fn a_ring_doubling_back_on_itself_has_one_area_whichever_way_it_is_walked() {
        // Found by fuzzing (polygon_area): edges overlapping along y = -1e-5 in opposite
        // directions, and a vertex visited twice.
        let offsets = [
            (-1, -1),
            (10593, -1),
            (8703, -865),
            (-1, 8703),
            (24839, -1),
            (-1, -1),
            (-1, 158),
        ];
        let ring: Vec<(f64, f64)> = offsets
            .iter()
            .map(|&(dx, dy)| (-32.0 + f64::from(dx) * 1e-5, 33.0 + f64::from(dy) * 1e-5))
            .collect();
        let area = |r: Vec<(f64, f64)>| {
            geodesic_area_m2(&MultiPolygon(vec![Polygon::new(
                LineString::from(r),
                vec![],
            )]))
            .m2()
        };
        let forward = area(ring.clone());
        let mut reversed = ring.clone();
        reversed.reverse();
        let mut rotated = ring;
        rotated.rotate_left(3);
        assert!(
            (area(reversed) - forward).abs() < 1e-6 * forward,
            "{forward}"
        );
        assert!(
            (area(rotated) - forward).abs() < 1e-6 * forward,
            "{forward}"
        );
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
