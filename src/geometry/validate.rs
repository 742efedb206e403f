//! Polygon validation (C3): typed, human-readable errors and warnings.
//!
//! Errors (a polygon with any of them is *flagged*; it is never silently accepted):
//! fewer than 3 distinct vertices, duplicate consecutive vertices, self-intersection, a ring that
//! is not closed, coordinates out of range. Warnings: vertices more than 5 km apart, GPS fixes
//! with accuracy worse than the threshold. Overlap with other open lands needs the store and is
//! checked there.

use std::fmt;

use geo_types::{Coord, LineString, MultiPolygon, Polygon};

use super::area::{MAX_LAND_PERIMETER_M, geodesic_distance_m, polygon_area_known};
use super::topology::{RingIndex, crossing_rings, holes_outside, unwrap_antimeridian};
use crate::domain::MAX_LAND_AREA_M2;
use crate::domain::{LonLat, SurveyPoint};

/// Longest distance between consecutive vertices before a warning, metres (GICHD geocheck).
pub const LONG_EDGE_M: f64 = 5_000.0;

/// Default GPS accuracy threshold, metres.
pub const DEFAULT_GPS_ACCURACY_THRESHOLD_M: f64 = 10.0;

/// Whether a problem prevents the polygon from being valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The polygon is invalid.
    Error,
    /// Worth a look; the polygon is usable.
    Warning,
}

/// One problem found in a polygon or its points.
#[derive(Debug, Clone, PartialEq)]
pub enum PolygonProblem {
    /// Fewer than 3 distinct vertices in a ring.
    TooFewVertices {
        /// Polygon part (0-based).
        part: usize,
        /// Distinct vertices found.
        found: usize,
    },
    /// The same vertex twice in a row.
    DuplicateVertex {
        /// Polygon part.
        part: usize,
        /// Index of the repeated vertex (0-based, in the ring).
        index: usize,
    },
    /// Edges cross or touch (includes a ring that revisits a vertex).
    SelfIntersection {
        /// Polygon part.
        part: usize,
        /// Which ring, in words.
        detail: String,
    },
    /// A ring whose last coordinate is not its first.
    NotClosed {
        /// Polygon part.
        part: usize,
    },
    /// A coordinate out of range or not a number.
    BadCoordinate {
        /// Polygon part.
        part: usize,
        /// Index in the ring.
        index: usize,
    },
    /// Holes outside the exterior or rings crossing each other.
    BadInteriorRing {
        /// Polygon part.
        part: usize,
        /// What geo reported.
        detail: String,
    },
    /// The polygon encloses (almost) no area: its vertices lie on one line.
    NoArea {
        /// Polygon part.
        part: usize,
    },
    /// The whole shape is larger than [`crate::domain::MAX_LAND_AREA_M2`]: no real hazard area is; the land is
    /// refused.
    TooLarge {
        /// The shape's area, m².
        area_m2: f64,
    },
    /// The shape's boundary is longer than [`MAX_LAND_PERIMETER_M`] (a world-sized box, a ring
    /// around the globe); the land is refused.
    TooLong {
        /// The boundary's length, metres (spherical estimate).
        perimeter_m: f64,
    },
    /// Consecutive vertices more than [`LONG_EDGE_M`] apart.
    LongEdge {
        /// Polygon part.
        part: usize,
        /// Index of the edge's first vertex.
        index: usize,
        /// Edge length in metres.
        length_m: f64,
    },
    /// A GPS fix less accurate than the threshold.
    PoorGpsAccuracy {
        /// Point label.
        label: String,
        /// Reported accuracy, metres.
        accuracy_m: f64,
        /// Threshold, metres.
        threshold_m: f64,
    },
}

impl PolygonProblem {
    /// Error or warning.
    pub fn severity(&self) -> Severity {
        match self {
            Self::LongEdge { .. } | Self::PoorGpsAccuracy { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// Whether the land must be refused rather than stored flagged (beyond the plausibility
    /// bounds).
    pub fn is_implausible(&self) -> bool {
        matches!(self, Self::TooLarge { .. } | Self::TooLong { .. })
    }

    /// Machine kind, as in `safeground check --json`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::TooFewVertices { .. } => "too_few_vertices",
            Self::DuplicateVertex { .. } => "duplicate_vertex",
            Self::SelfIntersection { .. } => "self_intersection",
            Self::NotClosed { .. } => "not_closed",
            Self::BadCoordinate { .. } => "bad_coordinate",
            Self::BadInteriorRing { .. } => "bad_interior_ring",
            Self::NoArea { .. } => "no_area",
            Self::TooLarge { .. } => "implausible_area",
            Self::TooLong { .. } => "implausible_perimeter",
            Self::LongEdge { .. } => "long_edge",
            Self::PoorGpsAccuracy { .. } => "gps_accuracy",
        }
    }
}

impl fmt::Display for PolygonProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |p: usize| {
            if p == 0 {
                String::new()
            } else {
                format!(" (part {})", p + 1)
            }
        };
        match self {
            Self::TooFewVertices { part: p, found } => write!(
                f,
                "the polygon{} has {found} distinct vertices; at least 3 are needed",
                part(*p)
            ),
            Self::DuplicateVertex { part: p, index } => write!(
                f,
                "vertex {} of the polygon{} repeats the vertex before it; delete one of them",
                index + 1,
                part(*p)
            ),
            Self::SelfIntersection { part: p, detail } => write!(
                f,
                "the polygon{} crosses itself ({detail}); check the order of the turning points",
                part(*p)
            ),
            Self::NotClosed { part: p } => {
                write!(f, "the ring of the polygon{} is not closed", part(*p))
            }
            Self::BadCoordinate { part: p, index } => write!(
                f,
                "vertex {} of the polygon{} is not a valid WGS84 longitude/latitude",
                index + 1,
                part(*p)
            ),
            Self::BadInteriorRing { part: p, detail } => {
                write!(f, "the polygon{} has an invalid hole: {detail}", part(*p))
            }
            Self::NoArea { part: p } => write!(
                f,
                "the polygon{} encloses no area (its vertices lie on one line); check the turning points",
                part(*p)
            ),
            Self::TooLarge { area_m2 } => write!(
                f,
                "the polygon's area is {} km², more than the {} km² any hazard area can have; check the coordinates (a swapped latitude and longitude, a missing minus sign, a wrong UTM zone)",
                crate::domain::group_thousands(area_m2 / 1e6),
                crate::domain::group_thousands(MAX_LAND_AREA_M2 / 1e6)
            ),
            Self::TooLong { perimeter_m } => write!(
                f,
                "the polygon's boundary is {} km long, more than the {} km any hazard area can have; check the coordinates",
                crate::domain::group_thousands(perimeter_m / 1e3),
                crate::domain::group_thousands(MAX_LAND_PERIMETER_M / 1e3)
            ),
            Self::LongEdge {
                part: p,
                index,
                length_m,
            } => write!(
                f,
                "vertices {} and {} of the polygon{} are {:.1} km apart (more than {} km); check for a typing error",
                index + 1,
                index + 2,
                part(*p),
                length_m / 1000.0,
                LONG_EDGE_M / 1000.0
            ),
            Self::PoorGpsAccuracy {
                label,
                accuracy_m,
                threshold_m,
            } => write!(
                f,
                "point {label} has GPS accuracy {accuracy_m:.1} m, worse than the {threshold_m:.0} m threshold"
            ),
        }
    }
}

/// Validates a (multi)polygon: every error and warning, in ring order.
///
/// # Examples
/// ```
/// use geo_types::{polygon, MultiPolygon};
/// use safeground::geometry::{validate_shape, Severity};
/// // A bow-tie crosses itself.
/// let bow_tie = polygon![(x: 0.0, y: 0.0), (x: 0.001, y: 0.001), (x: 0.001, y: 0.0), (x: 0.0, y: 0.001)];
/// let problems = validate_shape(&MultiPolygon(vec![bow_tie]));
/// assert_eq!(problems[0].kind(), "self_intersection");
/// assert_eq!(problems[0].severity(), Severity::Error);
/// ```
pub fn validate_shape(shape: &MultiPolygon<f64>) -> Vec<PolygonProblem> {
    analyse_shape(shape).problems
}

/// A shape's validation problems and its area by the one area rule, computed together (the
/// crossing test serves both).
#[derive(Debug, Clone, PartialEq)]
pub struct ShapeAnalysis {
    /// Every error and warning, in ring order; the plausibility errors last.
    pub problems: Vec<PolygonProblem>,
    /// The area by [`crate::geometry::geodesic_area_m2`]'s rule, m² (not rounded).
    pub area_m2: f64,
    /// Whether a part was measured in its repaired form (its rings cross).
    pub repaired: bool,
}

/// Validates a (multi)polygon and measures it: see [`validate_shape`] and
/// [`crate::geometry::geodesic_area_m2`]. Runs in O(n log n) in the number of vertices for real
/// survey polygons.
///
/// # Examples
/// ```
/// use geo_types::{polygon, MultiPolygon};
/// use safeground::geometry::analyse_shape;
/// // A bow-tie is flagged and measured by its repaired form: both lobes, whichever way walked.
/// let a = polygon![(x: 18.0, y: 44.0), (x: 18.001, y: 44.001), (x: 18.001, y: 44.0), (x: 18.0, y: 44.001)];
/// let b = polygon![(x: 18.0, y: 44.0), (x: 18.0, y: 44.001), (x: 18.001, y: 44.0), (x: 18.001, y: 44.001)];
/// let (ra, rb) = (analyse_shape(&MultiPolygon(vec![a])), analyse_shape(&MultiPolygon(vec![b])));
/// assert!(ra.repaired && ra.area_m2 > 4_000.0);
/// assert!((ra.area_m2 - rb.area_m2).abs() < 1e-6);
/// ```
pub fn analyse_shape(shape: &MultiPolygon<f64>) -> ShapeAnalysis {
    let mut problems = Vec::new();
    let mut area_m2 = 0.0;
    let mut repaired = false;
    let mut perimeter_m = 0.0;
    for (part, polygon) in shape.0.iter().enumerate() {
        let mut ring_ok = true;
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            ring_ok &= check_ring(part, ring, &mut problems);
        }
        // Edge lengths on the sphere: the boundary's length for the plausibility bound, and the
        // prefilter of the long-edge warning (exterior only).
        for (r, ring) in std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .enumerate()
        {
            for (index, pair) in ring.0.windows(2).enumerate() {
                let (Ok(a), Ok(b)) = (lon_lat(pair[0]), lon_lat(pair[1])) else {
                    continue;
                };
                let spherical_m = spherical_distance_m(a, b);
                perimeter_m += spherical_m;
                // The spherical distance is within 0.6 % of the geodesic one: edges clearly
                // shorter than the limit skip the (costly) ellipsoidal computation.
                if r > 0 || spherical_m < LONG_EDGE_M * 0.98 {
                    continue;
                }
                let length_m = geodesic_distance_m(a, b);
                if length_m > LONG_EDGE_M {
                    problems.push(PolygonProblem::LongEdge {
                        part,
                        index,
                        length_m,
                    });
                }
            }
        }
        if ring_ok {
            let unwrapped = unwrap_antimeridian(polygon);
            let planar: &Polygon<f64> = unwrapped.as_ref().unwrap_or(polygon);
            let crossings = crossing_rings(planar, 64);
            for &(a, b) in &crossings {
                problems.push(if a == b {
                    PolygonProblem::SelfIntersection {
                        part,
                        detail: ring_name(a),
                    }
                } else {
                    PolygonProblem::BadInteriorRing {
                        part,
                        detail: format!("{} and {} cross", ring_name(a), ring_name(b)),
                    }
                });
            }
            let outside = holes_outside(planar, &crossings);
            for &hole in &outside {
                problems.push(PolygonProblem::BadInteriorRing {
                    part,
                    detail: format!("{} lies outside the outer boundary", ring_name(hole)),
                });
            }
            let simple = crossings.is_empty() && outside.is_empty();
            let (part_area_m2, part_repaired) = polygon_area_known(polygon, planar, simple);
            repaired |= part_repaired;
            area_m2 += part_area_m2;
            if part_area_m2 < 1.0 {
                problems.push(PolygonProblem::NoArea { part });
            }
        }
    }
    if area_m2 > MAX_LAND_AREA_M2 {
        problems.push(PolygonProblem::TooLarge { area_m2 });
    }
    if perimeter_m > MAX_LAND_PERIMETER_M {
        problems.push(PolygonProblem::TooLong { perimeter_m });
    }
    ShapeAnalysis {
        problems,
        area_m2,
        repaired,
    }
}

/// A ring's name in messages.
fn ring_name(ring: RingIndex) -> String {
    if ring == 0 {
        "the outer boundary".to_owned()
    } else {
        format!("hole {ring}")
    }
}

/// Warnings for GPS fixes less accurate than `threshold_m` metres.
///
/// # Examples
/// ```
/// use safeground::domain::{LonLat, PointKind, PointSource, SurveyPoint};
/// use safeground::geometry::gps_accuracy_warnings;
/// let p = SurveyPoint { kind: PointKind::Turning, label: "TP1".into(),
///     lon_lat: LonLat::lon_lat(18.0, 44.0).unwrap(), entered: None,
///     source: PointSource::Gps { accuracy_m: Some(14.0), averaged_fixes: None }, note: String::new() };
/// assert_eq!(gps_accuracy_warnings(&[p], 10.0).len(), 1);
/// ```
pub fn gps_accuracy_warnings(points: &[SurveyPoint], threshold_m: f64) -> Vec<PolygonProblem> {
    points
        .iter()
        .filter_map(|p| {
            let accuracy_m = p.gps_accuracy_m()?;
            (accuracy_m > threshold_m).then(|| PolygonProblem::PoorGpsAccuracy {
                label: if p.label.is_empty() {
                    p.kind.label().to_owned()
                } else {
                    p.label.clone()
                },
                accuracy_m,
                threshold_m,
            })
        })
        .collect()
}

/// Great-circle distance on a sphere of the mean Earth radius (haversine), in metres.
fn spherical_distance_m(a: LonLat, b: LonLat) -> f64 {
    const MEAN_EARTH_RADIUS_M: f64 = 6_371_008.8;
    let (lat_a, lat_b) = (a.lat_deg.to_radians(), b.lat_deg.to_radians());
    let d_lat = lat_b - lat_a;
    let d_lon = (b.lon_deg - a.lon_deg).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat_a.cos() * lat_b.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * MEAN_EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

fn lon_lat(c: Coord<f64>) -> Result<LonLat, crate::domain::InvalidLonLat> {
    LonLat::lon_lat(c.x, c.y)
}

fn distinct_vertices(ring: &LineString<f64>) -> usize {
    let mut keys: Vec<(u64, u64)> = ring
        .0
        .iter()
        .map(|c: &Coord<f64>| ((c.x + 0.0).to_bits(), (c.y + 0.0).to_bits()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.len()
}

/// Checks closure, coordinate range, vertex count and consecutive duplicates; returns whether the
/// ring is sound enough for the intersection checks.
fn check_ring(part: usize, ring: &LineString<f64>, problems: &mut Vec<PolygonProblem>) -> bool {
    let coords = &ring.0;
    let mut ok = true;
    for (index, c) in coords.iter().enumerate() {
        if lon_lat(*c).is_err() {
            problems.push(PolygonProblem::BadCoordinate { part, index });
            ok = false;
        }
    }
    if !ok {
        return false;
    }
    if coords.first() != coords.last() {
        problems.push(PolygonProblem::NotClosed { part });
    }
    let found = distinct_vertices(ring);
    if found < 3 {
        problems.push(PolygonProblem::TooFewVertices { part, found });
        return false;
    }
    // A repeated vertex is reported but does not stop the crossing test or the area: edges of
    // zero length are skipped there.
    for (i, pair) in coords.windows(2).enumerate() {
        if pair[0] == pair[1] {
            problems.push(PolygonProblem::DuplicateVertex { part, index: i + 1 });
        }
    }
    ok
}

#[cfg(test)]
mod tests {
    use geo_types::{Polygon, polygon};

    use super::*;

    fn mp(p: Polygon<f64>) -> MultiPolygon<f64> {
        MultiPolygon(vec![p])
    }

    #[test]
    fn valid_square_has_no_problems() {
        let sq = polygon![(x: 18.0, y: 44.0), (x: 18.001, y: 44.0), (x: 18.001, y: 44.001), (x: 18.0, y: 44.001)];
        assert!(validate_shape(&mp(sq)).is_empty());
    }

    #[test]
    fn duplicate_consecutive_vertex_is_an_error() {
        let p = Polygon::new(
            LineString::from(vec![
                (18.0, 44.0),
                (18.001, 44.0),
                (18.001, 44.0),
                (18.001, 44.001),
                (18.0, 44.0),
            ]),
            vec![],
        );
        let problems = validate_shape(&mp(p));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind(), "duplicate_vertex");
        assert_eq!(
            problems[0].to_string(),
            "vertex 3 of the polygon repeats the vertex before it; delete one of them"
        );
    }

    #[test]
    fn too_few_vertices() {
        let p = Polygon::new(
            LineString::from(vec![(18.0, 44.0), (18.001, 44.0), (18.0, 44.0)]),
            vec![],
        );
        let problems = validate_shape(&mp(p));
        assert_eq!(problems[0].kind(), "too_few_vertices");
        assert!(problems[0].to_string().contains("has 2 distinct vertices"));
    }

    #[test]
    fn long_edge_is_a_warning() {
        let p = polygon![(x: 18.0, y: 44.0), (x: 18.1, y: 44.0), (x: 18.1, y: 44.0001)];
        let problems = validate_shape(&mp(p));
        assert!(
            problems.iter().all(|p| p.severity() == Severity::Warning),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.kind() == "long_edge"));
    }

    #[test]
    fn spherical_prefilter_never_hides_a_long_edge() {
        // Edges of about 5 km in every direction at every latitude: the spherical distance is
        // within 2 % of the geodesic one, so the prefilter cannot skip a long edge.
        for lat in (-80..=80).step_by(10) {
            for (d_lon, d_lat) in [(0.0, 0.045), (0.07, 0.0), (0.05, 0.03), (0.05, -0.03)] {
                let a = LonLat::lon_lat(18.0, f64::from(lat)).unwrap();
                let b = LonLat::lon_lat(18.0 + d_lon, f64::from(lat) + d_lat).unwrap();
                let ratio = spherical_distance_m(a, b) / geodesic_distance_m(a, b);
                assert!((ratio - 1.0).abs() < 0.007, "lat {lat}: ratio {ratio}");
            }
        }
    }

    #[test]
    fn nan_and_out_of_range_coordinates_do_not_panic() {
        let p = Polygon::new(
            LineString::from(vec![
                (f64::NAN, 44.0),
                (18.0, 95.0),
                (1e300, 0.0),
                (f64::NAN, 44.0),
            ]),
            vec![],
        );
        let problems = validate_shape(&mp(p));
        assert!(problems.iter().any(|p| p.kind() == "bad_coordinate"));
    }
}
