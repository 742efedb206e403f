//! Colours and strokes: IMAS land-release symbology (TN 07.11/01, domain.md §1.3) and the few
//! colours of the basemap. Every colour of the UI comes from here.

use egui::{Color32, Stroke};

use crate::domain::{Classification, EoCategory, LandStatus};

/// CHA fill: RGB 255, 0, 0 at 50 % opacity.
pub const CHA_FILL: Color32 = Color32::from_rgba_unmultiplied_const(255, 0, 0, 128);
/// SHA fill: RGB 244, 167, 24 at 50 % opacity.
pub const SHA_FILL: Color32 = Color32::from_rgba_unmultiplied_const(244, 167, 24, 128);
/// Other classifications (indication, ammunition storage, EOD spot task): grey-violet at 50 %.
pub const OTHER_FILL: Color32 = Color32::from_rgba_unmultiplied_const(150, 110, 170, 128);
/// Open: red continuous outline.
pub const OPEN_OUTLINE: Color32 = Color32::from_rgb(200, 0, 0);
/// Worked on: orange (dashed) outline.
pub const WORKED_ON_OUTLINE: Color32 = Color32::from_rgb(245, 130, 0);
/// Closed / handed over: green outline (CMYK 40 0 100 0).
pub const CLOSED_OUTLINE: Color32 = Color32::from_rgb(153, 204, 0);
/// Released sub-areas inside a land: light green at 60 %.
pub const RELEASED_FILL: Color32 = Color32::from_rgba_unmultiplied_const(190, 230, 150, 153);
/// Selection highlight.
pub const SELECTED: Color32 = Color32::from_rgb(0, 90, 255);
/// Hover highlight.
pub const HOVER: Color32 = Color32::from_rgb(30, 30, 30);
/// Flagged (invalid) polygon marker.
pub const FLAGGED: Color32 = Color32::from_rgb(160, 0, 160);

/// Sea.
pub const SEA: Color32 = Color32::from_rgb(200, 222, 238);
/// Land.
pub const LAND: Color32 = Color32::from_rgb(242, 239, 229);
/// Country boundaries.
pub const BOUNDARY: Color32 = Color32::from_rgb(150, 140, 130);
/// Label text on the map.
pub const LABEL: Color32 = Color32::from_rgb(20, 20, 20);
/// Label halo.
pub const LABEL_HALO: Color32 = Color32::from_rgba_unmultiplied_const(255, 255, 255, 210);
/// Error text.
pub const ERROR_TEXT: Color32 = Color32::from_rgb(190, 20, 20);
/// Warning text.
pub const WARNING_TEXT: Color32 = Color32::from_rgb(170, 100, 0);
/// Ledger bar: cancelled.
pub const CANCELLED: Color32 = Color32::from_rgb(120, 170, 230);
/// Ledger bar: reduced.
pub const REDUCED: Color32 = Color32::from_rgb(120, 200, 140);
/// Ledger bar: cleared.
pub const CLEARED: Color32 = Color32::from_rgb(40, 150, 70);
/// Ledger bar: remaining.
pub const REMAINING: Color32 = Color32::from_rgb(220, 70, 60);

/// The fill of a land by classification.
pub fn land_fill(classification: Classification) -> Color32 {
    match classification {
        Classification::Cha => CHA_FILL,
        Classification::Sha => SHA_FILL,
        _ => OTHER_FILL,
    }
}

/// The outline of a land by status, and whether it is dashed (Worked on).
pub fn land_outline(status: LandStatus) -> (Stroke, bool) {
    match status {
        LandStatus::Open => (Stroke::new(2.0, OPEN_OUTLINE), false),
        LandStatus::WorkedOn => (Stroke::new(2.0, WORKED_ON_OUTLINE), true),
        LandStatus::Closed | LandStatus::HandedOver => (Stroke::new(2.0, CLOSED_OUTLINE), false),
    }
}

/// The symbol colour of a hazard report by EO category.
pub fn eo_colour(category: EoCategory) -> Color32 {
    match category {
        EoCategory::ApMine => Color32::from_rgb(200, 0, 0),
        EoCategory::AtMine => Color32::from_rgb(130, 0, 0),
        EoCategory::Cmr => Color32::from_rgb(230, 90, 0),
        EoCategory::Uxo => Color32::from_rgb(230, 160, 0),
        EoCategory::Axo => Color32::from_rgb(160, 120, 0),
        EoCategory::Ied => Color32::from_rgb(120, 0, 120),
        EoCategory::BoobyTrap => Color32::from_rgb(90, 0, 160),
        EoCategory::Saa => Color32::from_rgb(90, 90, 90),
        EoCategory::Other => Color32::from_rgb(60, 60, 60),
    }
}
