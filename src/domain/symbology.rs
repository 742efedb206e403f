//! The one palette: IMAS land-release symbology (TN 07.11/01, domain.md §1.3) for lands, the
//! hazard report symbols, the ledger colours and the basemap, shared by the app's map and
//! dashboard and the donor report. GUI-free: colours are sRGB triples; the app turns them into
//! colours of its widgets, the report writes them as `#rrggbb`.

use std::fmt;

use super::vocab::{Classification, EoCategory, LandStatus};

/// An sRGB colour.
///
/// # Examples
/// ```
/// use safeground::domain::symbology::{CHA, Rgb};
/// assert_eq!(CHA.to_hex(), "#ff0000");
/// assert!(Rgb(20, 20, 20).is_dark());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour as `#rrggbb` (lower-case hex).
    pub fn to_hex(self) -> String {
        self.to_string()
    }

    /// Whether white text reads better than black on this colour (Rec. 709 luma under 150).
    pub fn is_dark(self) -> bool {
        let luma =
            0.2126 * f64::from(self.0) + 0.7152 * f64::from(self.1) + 0.0722 * f64::from(self.2);
        luma < 150.0
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// CHA fill: RGB 255, 0, 0 (drawn at [`FILL_ALPHA`]).
pub const CHA: Rgb = Rgb(255, 0, 0);
/// SHA fill: RGB 244, 167, 24 (drawn at [`FILL_ALPHA`]).
pub const SHA: Rgb = Rgb(244, 167, 24);
/// Other classifications (indication, ammunition storage, EOD spot task): grey-violet.
pub const OTHER_CLASSIFICATION: Rgb = Rgb(150, 110, 170);
/// Open: red continuous outline.
pub const OPEN: Rgb = Rgb(200, 0, 0);
/// Worked on: orange dashed outline.
pub const WORKED_ON: Rgb = Rgb(245, 130, 0);
/// Closed or handed over: green outline (CMYK 40 0 100 0).
pub const CLOSED: Rgb = Rgb(153, 204, 0);
/// Released parts inside a land: light green (drawn at [`RELEASED_ALPHA`]).
pub const RELEASED: Rgb = Rgb(190, 230, 150);
/// Ledger: cancelled area.
pub const CANCELLED: Rgb = Rgb(120, 170, 230);
/// Ledger: reduced area.
pub const REDUCED: Rgb = Rgb(120, 200, 140);
/// Ledger: cleared area.
pub const CLEARED: Rgb = Rgb(40, 150, 70);
/// Ledger: remaining area.
pub const REMAINING: Rgb = Rgb(220, 70, 60);
/// Neutral bars (counts that are not areas).
pub const NEUTRAL: Rgb = Rgb(90, 110, 140);
/// Basemap: sea.
pub const SEA: Rgb = Rgb(200, 222, 238);
/// Basemap: land.
pub const LAND: Rgb = Rgb(242, 239, 229);
/// Basemap: country boundaries.
pub const BOUNDARY: Rgb = Rgb(150, 140, 130);

/// Opacity of a land's fill (0–255): 50 %.
pub const FILL_ALPHA: u8 = 128;
/// Opacity of a released part's fill (0–255): 60 %.
pub const RELEASED_ALPHA: u8 = 153;

/// The fill of a land by classification.
pub fn classification_colour(classification: Classification) -> Rgb {
    match classification {
        Classification::Cha => CHA,
        Classification::Sha => SHA,
        _ => OTHER_CLASSIFICATION,
    }
}

/// The outline of a land by status, and whether it is dashed (Worked on).
pub fn status_outline(status: LandStatus) -> (Rgb, bool) {
    match status {
        LandStatus::Open => (OPEN, false),
        LandStatus::WorkedOn => (WORKED_ON, true),
        LandStatus::Closed | LandStatus::HandedOver => (CLOSED, false),
    }
}

/// The symbol colour of a hazard report by EO category.
pub fn eo_colour(category: EoCategory) -> Rgb {
    match category {
        EoCategory::ApMine => Rgb(200, 0, 0),
        EoCategory::AtMine => Rgb(130, 0, 0),
        EoCategory::Cmr => Rgb(230, 90, 0),
        EoCategory::Uxo => Rgb(230, 160, 0),
        EoCategory::Axo => Rgb(160, 120, 0),
        EoCategory::Ied => Rgb(120, 0, 120),
        EoCategory::BoobyTrap => Rgb(90, 0, 160),
        EoCategory::Saa => Rgb(90, 90, 90),
        EoCategory::Other => Rgb(60, 60, 60),
    }
}

/// The colour of a reference layer's lines and dots by its role: admin boundaries violet-grey
/// (as on topographic maps), roads brown, water blue, settlements near-black, other grey. Chosen
/// apart from the IMAS land colours (red, orange, green) so a boundary is never read as a land.
pub fn reference_colour(role: super::LayerRole) -> Rgb {
    use super::LayerRole;
    match role {
        LayerRole::AdminBoundaries => Rgb(120, 80, 150),
        LayerRole::Roads => Rgb(150, 90, 40),
        LayerRole::Water => Rgb(40, 110, 200),
        LayerRole::Settlements => Rgb(30, 30, 30),
        LayerRole::Other | LayerRole::Tiles => Rgb(100, 100, 100),
    }
}

/// A reference layer's line width by role, in pixels at 1:1 (admin boundaries widest).
pub fn reference_line_px(role: super::LayerRole) -> f32 {
    match role {
        super::LayerRole::AdminBoundaries => 1.6,
        super::LayerRole::Roads | super::LayerRole::Water => 1.3,
        _ => 1.0,
    }
}
