//! Survey geometry on WGS84.
//!
//! - **Coordinates** ([`coords`]): parse and format DD, DMS, DDM, UTM and MGRS; UTM grid convergence.
//! - **Traverse** ([`walk_traverse`], [`walk_leg`], [`true_bearing_deg`], [`horizontal_distance_m`]):
//!   bearing/distance legs in degrees or mils, magnetic/true/grid, slope correction, geodesic
//!   direct problem, misclosure.
//! - **Area** ([`geodesic_area_m2`], [`geodesic_perimeter_m`], [`geodesic_distance_m`]): the one
//!   area rule (rings oriented geodesically, holes subtracted, parts summed, invalid polygons
//!   measured by their repaired form, plausibility bounds), Karney's geodesic algorithms.
//! - **Validation** ([`validate_shape`], [`gps_accuracy_warnings`]): typed errors and warnings
//!   written for people (C3).
//! - **Land shape** ([`land_shape`]): polygon from typed points, area, validation, winding.

mod area;
pub mod coords;
mod mercator;
mod reference;
mod shape;
mod topology;
mod traverse;
mod validate;

pub use crate::domain::LandShape;
pub use area::{
    AREA_METHOD, EARTH_AREA_M2, MAX_LAND_PERIMETER_M, geodesic_area_m2, geodesic_distance_m,
    geodesic_perimeter_m, normalise_winding, polygon_from_lon_lats, ring_area_signed_m2,
};
pub use mercator::{MAX_MERCATOR_LAT_DEG, mercator_unit_sphere, mercator_world_fraction};
pub use reference::{Crs, admin_place_at, land_anchor, reference_feature};
pub use shape::land_shape;
pub use traverse::{
    MILS_PER_CIRCLE, Traverse, TraverseError, check_leg, horizontal_distance_m, true_bearing_deg,
    walk_leg, walk_traverse,
};
pub use validate::{
    DEFAULT_GPS_ACCURACY_THRESHOLD_M, LONG_EDGE_M, PolygonProblem, Severity, ShapeAnalysis,
    analyse_shape, gps_accuracy_warnings, validate_shape,
};
