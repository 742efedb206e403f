//! Coordinate parsing: any text through `parse_coord`; every position it accepts must be a
//! valid WGS84 position, and must survive a round trip through every notation:
//! `format_coord` then `parse_coord` again reads it back (same notation) within 1 m.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safeground::domain::CoordFormat;
use safeground::geometry::coords::{checked_lon_lat, format_coord, parse_coord};
use safeground::geometry::geodesic_distance_m;

/// DD, DMS and DDM round to < 0.2 m; UTM to whole metres and MGRS to the centre of the 1 m
/// square, both < 0.71 m.
const ROUND_TRIP_TOLERANCE_M: f64 = 1.0;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok((p, _)) = parse_coord(&text) else {
        return;
    };
    assert!(
        checked_lon_lat(p.lon_deg, p.lat_deg).is_ok(),
        "{text:?} was read as an invalid position {p:?}"
    );
    for &format in CoordFormat::ALL {
        let written = format_coord(p, format);
        let (q, read_as) = parse_coord(&written).unwrap_or_else(|e| {
            panic!("{text:?} -> {p:?} written as {format:?} {written:?} does not read back: {e}")
        });
        assert_eq!(read_as, format, "{text:?} -> {written:?}");
        let d = geodesic_distance_m(p, q);
        assert!(
            d <= ROUND_TRIP_TOLERANCE_M,
            "{text:?} -> {p:?} -> {format:?} {written:?} -> {q:?} is {d} m away"
        );
    }
});
