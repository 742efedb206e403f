//! Bearing-and-distance traverse (C2, domain.md §3.2): vertices by the geodesic direct problem on
//! WGS84, with bearings in degrees or mils, referenced to magnetic, true or grid north, slope
//! distances reduced to horizontal, and the misclosure back to the start point.

use geo::{Bearing, Destination, Geodesic};
use geo_types::MultiPolygon;

use super::area::{
    geodesic_area_m2, geodesic_distance_m, geodesic_perimeter_m, polygon_from_lon_lats,
};
use super::coords::grid_convergence_deg;
use crate::domain::{BearingUnit, LonLat, NorthReference, TraverseLeg};

/// NATO mils in a full circle.
pub const MILS_PER_CIRCLE: f64 = 6400.0;

/// A leg that cannot be walked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TraverseError {
    /// No legs given.
    #[error("a traverse needs at least one leg")]
    NoLegs,
    /// Bearing outside the circle for its unit.
    #[error("leg {leg}: bearing {bearing} is outside 0 to {max} {unit}")]
    BearingOutOfRange {
        /// 1-based leg number.
        leg: usize,
        /// The bearing given.
        bearing: f64,
        /// Upper bound.
        max: f64,
        /// Unit name.
        unit: &'static str,
    },
    /// Distance not positive or absurd.
    #[error("leg {leg}: distance {distance_m} m must be more than 0 and at most 100 000 m")]
    BadDistance {
        /// 1-based leg number.
        leg: usize,
        /// The distance given.
        distance_m: f64,
    },
    /// Slope outside ±89°.
    #[error("leg {leg}: slope {slope_deg}° must be between -89° and 89°")]
    BadSlope {
        /// 1-based leg number.
        leg: usize,
        /// The slope given.
        slope_deg: f64,
    },
    /// Declination not a sensible angle.
    #[error("declination {0}° must be between -180° and 180°")]
    BadDeclination(f64),
    /// The computed point left the valid lon/lat range (e.g. crossed a pole).
    #[error("leg {leg} leaves the valid range of latitude/longitude")]
    OutOfRange {
        /// 1-based leg number.
        leg: usize,
    },
}

/// The bearing of a leg converted to a true (geographic) azimuth in degrees [0, 360).
///
/// Mils are NATO mils (6400 to the circle). True = magnetic + declination (east positive);
/// true = grid + meridian convergence at `at` (UTM).
///
/// # Examples
/// ```
/// use safeground::domain::{BearingUnit, Instrument, LonLat, NorthReference, TraverseLeg};
/// use safeground::geometry::true_bearing_deg;
/// let leg = TraverseLeg { from_label: "BM1".into(), bearing: 1600.0, bearing_unit: BearingUnit::Mils,
///     reference: NorthReference::Magnetic, declination_deg: 4.9, declination_date: None,
///     distance_m: 50.0, slope_deg: None, instrument: Instrument::CompassTape };
/// let at = LonLat::lon_lat(18.0, 44.7).unwrap();
/// assert!((true_bearing_deg(&leg, at) - 94.9).abs() < 1e-9);
/// ```
pub fn true_bearing_deg(leg: &TraverseLeg, at: LonLat) -> f64 {
    let as_read_deg = match leg.bearing_unit {
        BearingUnit::Degrees => leg.bearing,
        BearingUnit::Mils => leg.bearing * 360.0 / MILS_PER_CIRCLE,
    };
    let true_deg = match leg.reference {
        NorthReference::True => as_read_deg,
        NorthReference::Magnetic => as_read_deg + leg.declination_deg,
        NorthReference::Grid => as_read_deg + grid_convergence_deg(at),
    };
    true_deg.rem_euclid(360.0)
}

/// The horizontal distance of a leg in metres: `distance × cos(slope)` for slope readings.
///
/// # Examples
/// ```
/// use safeground::domain::{BearingUnit, Instrument, NorthReference, TraverseLeg};
/// use safeground::geometry::horizontal_distance_m;
/// let leg = TraverseLeg { from_label: "TP1".into(), bearing: 0.0, bearing_unit: BearingUnit::Degrees,
///     reference: NorthReference::True, declination_deg: 0.0, declination_date: None,
///     distance_m: 100.0, slope_deg: Some(60.0), instrument: Instrument::CompassTape };
/// assert!((horizontal_distance_m(&leg) - 50.0).abs() < 1e-9);
/// ```
pub fn horizontal_distance_m(leg: &TraverseLeg) -> f64 {
    leg.slope_deg
        .map_or(leg.distance_m, |s| leg.distance_m * s.to_radians().cos())
}

/// Checks a leg's numbers; `number` is 1-based for messages.
pub fn check_leg(number: usize, leg: &TraverseLeg) -> Result<(), TraverseError> {
    let max = match leg.bearing_unit {
        BearingUnit::Degrees => 360.0,
        BearingUnit::Mils => MILS_PER_CIRCLE,
    };
    if !(leg.bearing.is_finite() && (0.0..=max).contains(&leg.bearing)) {
        return Err(TraverseError::BearingOutOfRange {
            leg: number,
            bearing: leg.bearing,
            max,
            unit: leg.bearing_unit.label(),
        });
    }
    if !(leg.distance_m.is_finite() && leg.distance_m > 0.0 && leg.distance_m <= 100_000.0) {
        return Err(TraverseError::BadDistance {
            leg: number,
            distance_m: leg.distance_m,
        });
    }
    if let Some(slope_deg) = leg.slope_deg
        && !(slope_deg.is_finite() && (-89.0..=89.0).contains(&slope_deg))
    {
        return Err(TraverseError::BadSlope {
            leg: number,
            slope_deg,
        });
    }
    if !(leg.declination_deg.is_finite() && (-180.0..=180.0).contains(&leg.declination_deg)) {
        return Err(TraverseError::BadDeclination(leg.declination_deg));
    }
    Ok(())
}

/// The end of one leg walked from `from`: the geodesic direct problem on WGS84 (Karney 2013).
///
/// # Units
/// Input and output in degrees; the leg's distance in metres.
///
/// # Examples
/// ```
/// use safeground::domain::{BearingUnit, Instrument, LonLat, NorthReference, TraverseLeg};
/// use safeground::geometry::{walk_leg, geodesic_distance_m};
/// let from = LonLat::lon_lat(18.0, 44.7).unwrap();
/// let leg = TraverseLeg { from_label: "BM1".into(), bearing: 90.0, bearing_unit: BearingUnit::Degrees,
///     reference: NorthReference::True, declination_deg: 0.0, declination_date: None,
///     distance_m: 250.0, slope_deg: None, instrument: Instrument::LaserRangefinder };
/// let to = walk_leg(from, &leg, 1).unwrap();
/// assert!((geodesic_distance_m(from, to) - 250.0).abs() < 1e-6);
/// ```
pub fn walk_leg(from: LonLat, leg: &TraverseLeg, number: usize) -> Result<LonLat, TraverseError> {
    check_leg(number, leg)?;
    let azimuth = true_bearing_deg(leg, from);
    let to = Geodesic.destination(from.to_point(), azimuth, horizontal_distance_m(leg));
    let lon = if to.x() > 180.0 {
        to.x() - 360.0
    } else if to.x() < -180.0 {
        to.x() + 360.0
    } else {
        to.x()
    };
    LonLat::lon_lat(lon, to.y()).map_err(|_out_of_range| TraverseError::OutOfRange { leg: number })
}

/// A walked traverse.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Traverse {
    /// The start point then one vertex per leg, `[lon, lat]`.
    pub vertices: Vec<LonLat>,
    /// Distance from the last computed vertex back to the start point, metres.
    pub misclosure_m: f64,
    /// Bearing (true, degrees) from the last computed vertex back to the start point.
    pub misclosure_bearing_deg: f64,
    /// Geodesic perimeter of the polygon closed through the start point, metres.
    pub perimeter_m: f64,
    /// Geodesic area of that polygon, m² (0 for fewer than 3 vertices).
    pub area_m2: f64,
}

impl Traverse {
    /// Misclosure as a ratio of the perimeter, `1 : N` → N (∞ when it closes exactly).
    pub fn closure_ratio(&self) -> f64 {
        if self.misclosure_m > 0.0 {
            self.perimeter_m / self.misclosure_m
        } else {
            f64::INFINITY
        }
    }
}

/// Walks legs from `start`, each leg from the previous vertex, and measures the misclosure.
///
/// # Examples
/// ```
/// use safeground::domain::{BearingUnit, Instrument, LonLat, NorthReference, TraverseLeg};
/// use safeground::geometry::walk_traverse;
/// let leg = |bearing: f64| TraverseLeg { from_label: String::new(), bearing, bearing_unit: BearingUnit::Degrees,
///     reference: NorthReference::True, declination_deg: 0.0, declination_date: None,
///     distance_m: 100.0, slope_deg: None, instrument: Instrument::CompassTape };
/// let start = LonLat::lon_lat(18.0, 44.7).unwrap();
/// let t = walk_traverse(start, &[leg(0.0), leg(90.0), leg(180.0), leg(270.0)]).unwrap();
/// assert!(t.misclosure_m < 0.01);   // a square closes (to the mm on the ellipsoid)
/// assert!((t.area_m2 - 10_000.0).abs() < 1.0);
/// ```
pub fn walk_traverse(start: LonLat, legs: &[TraverseLeg]) -> Result<Traverse, TraverseError> {
    if legs.is_empty() {
        return Err(TraverseError::NoLegs);
    }
    let mut vertices = vec![start];
    let mut at = start;
    for (i, leg) in legs.iter().enumerate() {
        at = walk_leg(at, leg, i + 1)?;
        vertices.push(at);
    }
    let misclosure_m = geodesic_distance_m(at, start);
    let misclosure_bearing_deg = if misclosure_m > 0.0 {
        Geodesic
            .bearing(at.to_point(), start.to_point())
            .rem_euclid(360.0)
    } else {
        0.0
    };
    let shape = MultiPolygon(vec![polygon_from_lon_lats(&vertices)]);
    let perimeter_m = geodesic_perimeter_m(&shape);
    let area_m2 = if vertices.len() >= 3 {
        geodesic_area_m2(&shape).m2()
    } else {
        0.0
    };
    Ok(Traverse {
        vertices,
        misclosure_m,
        misclosure_bearing_deg,
        perimeter_m,
        area_m2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Instrument;

    fn leg(
        bearing: f64,
        unit: BearingUnit,
        reference: NorthReference,
        distance_m: f64,
    ) -> TraverseLeg {
        TraverseLeg {
            from_label: String::new(),
            bearing,
            bearing_unit: unit,
            reference,
            declination_deg: 0.0,
            declination_date: None,
            distance_m,
            slope_deg: None,
            instrument: Instrument::CompassTape,
        }
    }

    #[test]
    fn mils_and_degrees_agree() {
        let start = LonLat::lon_lat(18.2, 44.6).unwrap();
        let a = walk_leg(
            start,
            &leg(45.0, BearingUnit::Degrees, NorthReference::True, 300.0),
            1,
        )
        .unwrap();
        let b = walk_leg(
            start,
            &leg(800.0, BearingUnit::Mils, NorthReference::True, 300.0),
            1,
        )
        .unwrap();
        assert!(geodesic_distance_m(a, b) < 1e-6);
    }

    #[test]
    fn declination_rotates_magnetic_bearings_east() {
        let start = LonLat::lon_lat(18.2, 44.6).unwrap();
        let mut m = leg(0.0, BearingUnit::Degrees, NorthReference::Magnetic, 1000.0);
        m.declination_deg = 5.0;
        let to = walk_leg(start, &m, 1).unwrap();
        let az = Geodesic.bearing(start.to_point(), to.to_point());
        assert!((az - 5.0).abs() < 1e-6, "{az}");
    }

    #[test]
    fn grid_bearing_uses_convergence() {
        // East of the zone 34 central meridian (21°E) … west of it at 18.4°E: convergence is
        // negative there, so grid north 0° is a true bearing slightly west of north.
        let start = LonLat::lon_lat(18.4131, 43.8563).unwrap();
        let g = true_bearing_deg(
            &leg(0.0, BearingUnit::Degrees, NorthReference::Grid, 10.0),
            start,
        );
        let gamma = grid_convergence_deg(start);
        assert!((g - gamma.rem_euclid(360.0)).abs() < 1e-9);
        assert!(gamma < 0.0, "{gamma}");
    }

    #[test]
    fn bad_legs_are_refused() {
        let start = LonLat::lon_lat(18.2, 44.6).unwrap();
        assert!(matches!(
            walk_leg(
                start,
                &leg(6500.0, BearingUnit::Mils, NorthReference::True, 10.0),
                2
            ),
            Err(TraverseError::BearingOutOfRange { leg: 2, .. })
        ));
        assert!(
            walk_leg(
                start,
                &leg(10.0, BearingUnit::Degrees, NorthReference::True, f64::NAN),
                1
            )
            .is_err()
        );
        assert!(
            walk_leg(
                start,
                &leg(10.0, BearingUnit::Degrees, NorthReference::True, 0.0),
                1
            )
            .is_err()
        );
        assert!(matches!(
            walk_traverse(start, &[]),
            Err(TraverseError::NoLegs)
        ));
    }

    #[test]
    fn slope_distance_is_reduced() {
        let start = LonLat::lon_lat(18.2, 44.6).unwrap();
        let mut l = leg(90.0, BearingUnit::Degrees, NorthReference::True, 100.0);
        l.slope_deg = Some(10.0);
        let to = walk_leg(start, &l, 1).unwrap();
        assert!((geodesic_distance_m(start, to) - 100.0 * 10f64.to_radians().cos()).abs() < 1e-6);
    }

    #[test]
    fn misclosure_of_open_traverse() {
        let start = LonLat::lon_lat(18.2, 44.6).unwrap();
        let t = walk_traverse(
            start,
            &[
                leg(0.0, BearingUnit::Degrees, NorthReference::True, 100.0),
                leg(90.0, BearingUnit::Degrees, NorthReference::True, 100.0),
                leg(180.0, BearingUnit::Degrees, NorthReference::True, 98.0),
            ],
        )
        .unwrap();
        assert_eq!(t.vertices.len(), 4);
        // The last vertex is 2 m north of the line back … about 100 m east of the start.
        assert!((t.misclosure_m - 100.02).abs() < 0.1, "{}", t.misclosure_m);
        assert!(
            (t.misclosure_bearing_deg - 268.9).abs() < 0.2,
            "{}",
            t.misclosure_bearing_deg
        );
    }
}
