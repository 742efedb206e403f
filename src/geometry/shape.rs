//! A land's shape: the polygon built from its perimeter points (or the imported polygon), its
//! geodesic area and the first validation error, if any.

use geo_types::MultiPolygon;

use super::area::{normalise_winding, polygon_from_lon_lats};
use super::validate::{Severity, analyse_shape};
use crate::domain::{AreaM2, LandShape, SurveyPoint, perimeter_lon_lats};

/// Builds the land's shape: from its perimeter points when it has any, else from `imported`.
///
/// # Examples
/// ```
/// use safeground::domain::{LonLat, PointKind, PointSource, SurveyPoint};
/// use safeground::geometry::land_shape;
/// let p = |kind, lon, lat| SurveyPoint { kind, label: String::new(),
///     lon_lat: LonLat::lon_lat(lon, lat).unwrap(), entered: None, source: PointSource::MapClick,
///     note: String::new() };
/// let points = [p(PointKind::Start, 18.0, 44.0), p(PointKind::Turning, 18.001, 44.0),
///     p(PointKind::End, 18.001, 44.001)];
/// let shape = land_shape(&points, None);
/// assert!(shape.errors.is_empty());
/// assert!(shape.area.m2() > 4_000.0);
/// ```
pub fn land_shape(points: &[SurveyPoint], imported: Option<&MultiPolygon<f64>>) -> LandShape {
    let perimeter = perimeter_lon_lats(points);
    let (geometry, rewound) = if perimeter.is_empty() {
        match imported {
            Some(shape) if !shape.0.is_empty() => {
                let (oriented, rewound) = normalise_winding(shape);
                (Some(oriented), rewound)
            }
            _ => (None, false),
        }
    } else {
        (
            Some(MultiPolygon(vec![polygon_from_lon_lats(&perimeter)])),
            false,
        )
    };
    let Some(geometry) = geometry else {
        return LandShape {
            geometry: None,
            area: AreaM2::ZERO,
            errors: Vec::new(),
            refusal: None,
            rewound,
        };
    };
    let analysis = analyse_shape(&geometry);
    let refusal = analysis
        .problems
        .iter()
        .find(|p| p.is_implausible())
        .map(ToString::to_string);
    let mut errors: Vec<String> = analysis
        .problems
        .iter()
        .filter(|p| p.severity() == Severity::Error && !p.is_implausible())
        .map(ToString::to_string)
        .collect();
    if analysis.repaired {
        errors.push(
            "its area is that of the repaired polygon (the parts it encloses, counted once)"
                .to_owned(),
        );
    }
    let area = AreaM2::whole(analysis.area_m2);
    let area = if area.is_valid() { area } else { AreaM2::ZERO };
    LandShape {
        geometry: Some(geometry),
        area,
        errors,
        refusal,
        rewound,
    }
}
