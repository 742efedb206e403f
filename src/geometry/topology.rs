//! Planar topology of a polygon's rings on the longitude/latitude plane: rings that cross
//! themselves or each other, holes outside their exterior, and rings across the antimeridian.
//!
//! The crossing test is a sweep over the edges sorted by their west end: each edge is tested only
//! against the edges whose longitude ranges overlap its own, so a ring of n vertices costs
//! O(n log n) for real survey polygons (a 100 000-vertex polygon is checked in milliseconds),
//! where testing every pair of edges would cost O(n²).

use geo::line_intersection::{LineIntersection, line_intersection};
use geo_types::{Coord, Line, LineString, Polygon};

/// Which ring of a polygon: 0 is the exterior, `k ≥ 1` is hole `k`.
pub(crate) type RingIndex = usize;

/// The polygon with longitudes made continuous across the antimeridian (each vertex within 180°
/// of the one before it, the first vertex of each ring within 180° of the exterior's first), or
/// `None` when no edge crosses it. Longitudes may then leave −180…180; only the planar tests use
/// this form.
pub(crate) fn unwrap_antimeridian(polygon: &Polygon<f64>) -> Option<Polygon<f64>> {
    let crosses =
        |ring: &LineString<f64>| ring.0.windows(2).any(|w| (w[1].x - w[0].x).abs() > 180.0);
    if !crosses(polygon.exterior()) && !polygon.interiors().iter().any(crosses) {
        return None;
    }
    let reference = polygon.exterior().0.first().map_or(0.0, |c| c.x);
    let unwrap = |ring: &LineString<f64>| {
        let mut previous = reference;
        LineString(
            ring.0
                .iter()
                .map(|c| {
                    let x = near(c.x, previous);
                    previous = x;
                    Coord { x, y: c.y }
                })
                .collect(),
        )
    };
    Some(Polygon::new(
        unwrap(polygon.exterior()),
        polygon.interiors().iter().map(unwrap).collect(),
    ))
}

/// `lon` shifted by whole turns to lie within 180° of `reference`.
pub(crate) fn near(lon: f64, reference: f64) -> f64 {
    if !lon.is_finite() || !reference.is_finite() {
        return lon;
    }
    let turns = ((reference - lon) / 360.0).round();
    lon + turns * 360.0
}

/// One edge of a ring, with its place in the ring.
#[derive(Clone, Copy)]
struct Edge {
    ring: RingIndex,
    /// Position among the ring's edges of non-zero length.
    ordinal: usize,
    line: Line<f64>,
    min_x: f64,
    max_x: f64,
    min_y: f64,
    max_y: f64,
}

/// The pairs of rings that cross or touch (`(k, k)`: ring `k` crosses itself), each pair once, in
/// order; at most `limit` pairs are looked for. Edges of zero length (repeated vertices) are
/// ignored; consecutive edges may share their common vertex, and nothing else.
pub(crate) fn crossing_rings(polygon: &Polygon<f64>, limit: usize) -> Vec<(RingIndex, RingIndex)> {
    let mut edges: Vec<Edge> = Vec::new();
    let mut edge_counts: Vec<usize> = Vec::new();
    for (ring, line_string) in std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .enumerate()
    {
        let mut ordinal = 0;
        for w in line_string.0.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a == b || !(a.x.is_finite() && a.y.is_finite() && b.x.is_finite() && b.y.is_finite())
            {
                continue;
            }
            edges.push(Edge {
                ring,
                ordinal,
                line: Line::new(a, b),
                min_x: a.x.min(b.x),
                max_x: a.x.max(b.x),
                min_y: a.y.min(b.y),
                max_y: a.y.max(b.y),
            });
            ordinal += 1;
        }
        edge_counts.push(ordinal);
    }
    edges.sort_unstable_by(|a, b| a.min_x.total_cmp(&b.min_x));
    let mut found: Vec<(RingIndex, RingIndex)> = Vec::new();
    for (i, a) in edges.iter().enumerate() {
        for b in &edges[i + 1..] {
            if b.min_x > a.max_x {
                break;
            }
            if b.min_y > a.max_y || b.max_y < a.min_y {
                continue;
            }
            let pair = (a.ring.min(b.ring), a.ring.max(b.ring));
            if found.contains(&pair) {
                continue;
            }
            if edges_cross(a, b, &edge_counts) {
                found.push(pair);
                if found.len() >= limit {
                    found.sort_unstable();
                    return found;
                }
            }
        }
    }
    found.sort_unstable();
    found
}

/// Whether two edges meet anywhere other than the vertex two consecutive edges share.
fn edges_cross(a: &Edge, b: &Edge, edge_counts: &[usize]) -> bool {
    let Some(meeting) = line_intersection(a.line, b.line) else {
        return false;
    };
    let consecutive = a.ring == b.ring && {
        let n = edge_counts.get(a.ring).copied().unwrap_or(0);
        let (lo, hi) = (a.ordinal.min(b.ordinal), a.ordinal.max(b.ordinal));
        hi == lo + 1 || (lo == 0 && hi + 1 == n && n > 2)
    };
    if !consecutive {
        return true;
    }
    match meeting {
        // Consecutive edges meet at their shared vertex; anywhere else they overlap.
        LineIntersection::SinglePoint { intersection, .. } => {
            let shared = [a.line.start, a.line.end]
                .into_iter()
                .any(|p| p == b.line.start || p == b.line.end);
            !(shared
                && [a.line.start, a.line.end].contains(&intersection)
                && [b.line.start, b.line.end].contains(&intersection))
        }
        // A ring that doubles back along itself (a spike).
        LineIntersection::Collinear { .. } => true,
    }
}

/// Whether `point` lies inside `ring` (even-odd rule; a point on the boundary counts as outside).
fn point_in_ring(point: Coord<f64>, ring: &LineString<f64>) -> bool {
    let mut inside = false;
    for w in ring.0.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a.y > point.y) != (b.y > point.y) {
            let x_at = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x);
            if point.x < x_at {
                inside = !inside;
            }
        }
    }
    inside
}

/// The holes (1-based ring indices) that do not cross the exterior yet lie outside it.
pub(crate) fn holes_outside(
    polygon: &Polygon<f64>,
    crossings: &[(RingIndex, RingIndex)],
) -> Vec<RingIndex> {
    polygon
        .interiors()
        .iter()
        .enumerate()
        .filter_map(|(k, hole)| {
            let ring = k + 1;
            if crossings.iter().any(|&(a, b)| a == ring || b == ring) {
                return None;
            }
            let vertex = hole.0.first()?;
            (!point_in_ring(*vertex, polygon.exterior())).then_some(ring)
        })
        .collect()
}

/// Whether the polygon's rings neither cross themselves or each other, and every hole lies inside
/// the exterior: the polygon can be measured ring by ring.
pub(crate) fn is_simple(polygon: &Polygon<f64>) -> bool {
    let crossings = crossing_rings(polygon, 1);
    crossings.is_empty() && holes_outside(polygon, &crossings).is_empty()
}

#[cfg(test)]
mod tests {
    use geo_types::polygon;

    use super::*;

    #[test]
    fn square_is_simple_and_bow_tie_is_not() {
        let square =
            polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
        assert!(is_simple(&square));
        let bow_tie =
            polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 1.0), (x: 1.0, y: 0.0), (x: 0.0, y: 1.0)];
        assert_eq!(crossing_rings(&bow_tie, 10), vec![(0, 0)]);
    }

    #[test]
    fn repeated_vertex_is_not_a_crossing_but_a_revisit_is() {
        let repeated = Polygon::new(
            LineString::from(vec![
                (0.0, 0.0),
                (1.0, 0.0),
                (1.0, 0.0),
                (1.0, 1.0),
                (0.0, 0.0),
            ]),
            vec![],
        );
        assert!(is_simple(&repeated));
        // A figure eight through (1, 1).
        let revisit = Polygon::new(
            LineString::from(vec![
                (0.0, 0.0),
                (1.0, 0.0),
                (1.0, 1.0),
                (2.0, 1.0),
                (2.0, 2.0),
                (1.0, 1.0),
                (0.0, 1.0),
                (0.0, 0.0),
            ]),
            vec![],
        );
        assert!(!is_simple(&revisit));
    }

    #[test]
    fn spike_and_collinear_ring_are_crossings() {
        let spike = Polygon::new(
            LineString::from(vec![
                (0.0, 0.0),
                (2.0, 0.0),
                (1.0, 0.0),
                (1.0, 1.0),
                (0.0, 0.0),
            ]),
            vec![],
        );
        assert!(!is_simple(&spike));
        let collinear = Polygon::new(
            LineString::from(vec![(0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (0.0, 0.0)]),
            vec![],
        );
        assert!(!is_simple(&collinear));
    }

    #[test]
    fn holes_crossing_or_outside() {
        let exterior = LineString::from(vec![
            (0.0, 0.0),
            (4.0, 0.0),
            (4.0, 4.0),
            (0.0, 4.0),
            (0.0, 0.0),
        ]);
        let inside = LineString::from(vec![
            (1.0, 1.0),
            (1.0, 2.0),
            (2.0, 2.0),
            (2.0, 1.0),
            (1.0, 1.0),
        ]);
        let outside = LineString::from(vec![
            (5.0, 5.0),
            (5.0, 6.0),
            (6.0, 6.0),
            (6.0, 5.0),
            (5.0, 5.0),
        ]);
        let crossing = LineString::from(vec![
            (3.0, 3.0),
            (3.0, 5.0),
            (5.0, 5.0),
            (5.0, 3.0),
            (3.0, 3.0),
        ]);
        assert!(is_simple(&Polygon::new(
            exterior.clone(),
            vec![inside.clone()]
        )));
        let p = Polygon::new(exterior.clone(), vec![inside, outside]);
        assert_eq!(holes_outside(&p, &crossing_rings(&p, 10)), vec![2]);
        let p = Polygon::new(exterior, vec![crossing]);
        assert_eq!(crossing_rings(&p, 10), vec![(0, 1)]);
    }

    #[test]
    fn antimeridian_ring_is_unwrapped() {
        let field = polygon![(x: 179.998, y: -16.8), (x: -179.999, y: -16.8), (x: -179.999, y: -16.799), (x: 179.998, y: -16.799)];
        let unwrapped = unwrap_antimeridian(&field).unwrap();
        assert!(
            unwrapped
                .exterior()
                .0
                .iter()
                .all(|c| c.x > 179.0 && c.x < 181.0)
        );
        assert!(is_simple(&unwrapped));
    }

    #[test]
    fn large_ring_is_checked_quickly() {
        let n = 100_000;
        let ring: Vec<(f64, f64)> = (0..=n)
            .map(|i| {
                let t = std::f64::consts::TAU * f64::from(i % n) / f64::from(n);
                (18.0 + 0.01 * t.cos(), 44.0 + 0.01 * t.sin())
            })
            .collect();
        let p = Polygon::new(LineString::from(ring), vec![]);
        let started = std::time::Instant::now();
        assert!(is_simple(&p));
        assert!(
            started.elapsed().as_secs_f64() < 2.0,
            "{:?}",
            started.elapsed()
        );
    }
}
