//! The one area rule and polygon validation (issue 12): arbitrary rings — crossing, touching,
//! degenerate, across the antimeridian, with holes anywhere — through `analyse_shape`,
//! `geodesic_area_m2`, `normalise_winding` and `land_shape`. Nothing may panic, and the area is
//! always a finite number from 0 to half the Earth (never the rest of the Earth); for every shape
//! a land may have (within the plausibility bounds), it is the same after normalising the winding
//! and whichever way the rings are walked.
#![no_main]

use arbitrary::Arbitrary;
use geo_types::{Coord, LineString, MultiPolygon, Polygon};
use libfuzzer_sys::fuzz_target;
use safeground::geometry::{EARTH_AREA_M2, analyse_shape, geodesic_area_m2, land_shape, normalise_winding};

#[derive(Debug, Arbitrary)]
struct Input {
    /// Where the polygon sits (degrees), so every zone and the antimeridian are reached.
    origin: (i16, i8),
    /// Rings of vertices as small offsets (1e-5 degree units, about a metre), first the exterior.
    rings: Vec<Vec<(i16, i16)>>,
    /// Raw coordinates mixed in, to reach the far and the odd values.
    raw: Vec<(f64, f64)>,
}

fuzz_target!(|input: Input| {
    let (lon0, lat0) = (f64::from(input.origin.0 % 181), f64::from(input.origin.1 % 90));
    let mut rings: Vec<LineString<f64>> = input
        .rings
        .iter()
        .take(6)
        .map(|ring| {
            let mut coords: Vec<Coord<f64>> = ring
                .iter()
                .take(2_000)
                .map(|&(dx, dy)| Coord {
                    x: lon0 + f64::from(dx) * 1e-5,
                    y: (lat0 + f64::from(dy) * 1e-5).clamp(-90.0, 90.0),
                })
                .collect();
            if let Some(&first) = coords.first() {
                coords.push(first);
            }
            LineString(coords)
        })
        .collect();
    if let Some(first) = rings.first_mut() {
        first
            .0
            .extend(input.raw.iter().take(8).map(|&(x, y)| Coord { x, y }));
    }
    if rings.is_empty() {
        return;
    }
    let exterior = rings.remove(0);
    let shape = MultiPolygon(vec![Polygon::new(exterior, rings)]);
    let analysis = analyse_shape(&shape);
    let area = geodesic_area_m2(&shape).m2();
    assert!(area.is_finite() && (0.0..=EARTH_AREA_M2 / 2.0).contains(&area), "{area}");
    assert!(analysis.area_m2.is_finite() && analysis.area_m2 >= 0.0);
    let land = land_shape(&[], Some(&shape));
    assert!(land.area.is_valid());
    // Stability is promised for what can be a land: a shape beyond the plausibility bounds (an
    // edge across half the globe, a boundary over 10 000 km) is refused whatever its area.
    if land.refusal.is_some() {
        return;
    }
    let (normalised, _) = normalise_winding(&shape);
    let again = geodesic_area_m2(&normalised).m2();
    assert!((again - area).abs() <= 1e-6 * area.max(1.0), "{area} vs {again} after normalising");
    let reversed = MultiPolygon(
        shape
            .0
            .iter()
            .map(|p| {
                let rev = |r: &LineString<f64>| LineString(r.0.iter().rev().copied().collect());
                Polygon::new(rev(p.exterior()), p.interiors().iter().map(rev).collect())
            })
            .collect(),
    );
    let backwards = geodesic_area_m2(&reversed).m2();
    assert!((backwards - area).abs() <= 1e-6 * area.max(1.0), "{area} vs {backwards} walked backwards");
});
