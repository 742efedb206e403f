//! Web Mercator (EPSG:3857 on the sphere), the projection of map tiles, the app's map and the
//! report's map: one formula for all three.

use std::f64::consts::{FRAC_PI_4, PI};

/// Latitude (degrees) of Web Mercator's top and bottom edge: the world square ends here.
pub const MAX_MERCATOR_LAT_DEG: f64 = 85.051_128_78;

/// Web Mercator on the unit sphere: `[x, y]` with x = λ and y = ln tan(π/4 + φ/2), in radians;
/// latitude clamped to ±[`MAX_MERCATOR_LAT_DEG`].
///
/// # Examples
/// ```
/// use safeground::geometry::mercator_unit_sphere;
/// let [x, y] = mercator_unit_sphere([180.0, 0.0]);
/// assert!((x - std::f64::consts::PI).abs() < 1e-12 && y.abs() < 1e-12);
/// ```
pub fn mercator_unit_sphere([lon_deg, lat_deg]: [f64; 2]) -> [f64; 2] {
    let lat = lat_deg
        .clamp(-MAX_MERCATOR_LAT_DEG, MAX_MERCATOR_LAT_DEG)
        .to_radians();
    [lon_deg.to_radians(), (FRAC_PI_4 + lat / 2.0).tan().ln()]
}

/// Web Mercator as a fraction of the world square, as tiles count it: x from 0 (180° W) to 1
/// (180° E), y from 0 (85.05° N) down to 1 (85.05° S).
///
/// # Examples
/// ```
/// use safeground::geometry::mercator_world_fraction;
/// let [x, y] = mercator_world_fraction([0.0, 0.0]);
/// assert!((x - 0.5).abs() < 1e-12 && (y - 0.5).abs() < 1e-12);
/// ```
pub fn mercator_world_fraction(lon_lat_deg: [f64; 2]) -> [f64; 2] {
    let [x, y] = mercator_unit_sphere(lon_lat_deg);
    [f64::midpoint(x / PI, 1.0), (1.0 - y / PI) / 2.0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_square_has_its_corners_at_the_clamped_latitudes() {
        let [x0, y0] = mercator_world_fraction([-180.0, 90.0]);
        let [x1, y1] = mercator_world_fraction([180.0, -90.0]);
        assert!(x0.abs() < 1e-12 && y0.abs() < 1e-9, "{x0} {y0}");
        assert!(
            (x1 - 1.0).abs() < 1e-12 && (y1 - 1.0).abs() < 1e-9,
            "{x1} {y1}"
        );
        // Sarajevo: the tile formula with sec + tan gives the same point.
        let (lon, lat) = (18.4131_f64, 43.8563_f64);
        let r = lat.to_radians();
        let tile_y = (1.0 - (r.tan() + 1.0 / r.cos()).ln() / PI) / 2.0;
        let [x, y] = mercator_world_fraction([lon, lat]);
        assert!((x - (lon + 180.0) / 360.0).abs() < 1e-12);
        assert!((y - tile_y).abs() < 1e-12);
    }
}
