//! Colours and strokes of the UI: the palette of [`crate::domain::symbology`] (IMAS land-release
//! symbology, the ledger, the basemap) as egui colours, and the UI's own (selection, text). Every
//! colour of the UI comes from here.

use egui::{Color32, Stroke};

use crate::domain::symbology::{self, Rgb};
use crate::domain::{Classification, EoCategory, LandStatus};

/// Worked on: the orange of the dashed outline (also the traverse preview).
pub const WORKED_ON_OUTLINE: Color32 = opaque(symbology::WORKED_ON);
/// Closed or handed over: the green outline (also released parts' outlines).
pub const CLOSED_OUTLINE: Color32 = opaque(symbology::CLOSED);
/// Released sub-areas inside a land: light green at 60 %.
pub const RELEASED_FILL: Color32 = alpha(symbology::RELEASED, symbology::RELEASED_ALPHA);
/// Selection highlight.
pub const SELECTED: Color32 = Color32::from_rgb(0, 90, 255);
/// Hover highlight.
pub const HOVER: Color32 = Color32::from_rgb(30, 30, 30);
/// Flagged (invalid) polygon marker.
pub const FLAGGED: Color32 = Color32::from_rgb(160, 0, 160);

/// Sea.
pub const SEA: Color32 = opaque(symbology::SEA);
/// Land.
pub const LAND: Color32 = opaque(symbology::LAND);
/// Country boundaries.
pub const BOUNDARY: Color32 = opaque(symbology::BOUNDARY);
/// Label text on the map.
pub const LABEL: Color32 = Color32::from_rgb(20, 20, 20);
/// Label halo.
pub const LABEL_HALO: Color32 = Color32::from_rgba_unmultiplied_const(255, 255, 255, 210);
/// Error text.
pub const ERROR_TEXT: Color32 = Color32::from_rgb(190, 20, 20);
/// Warning text.
pub const WARNING_TEXT: Color32 = Color32::from_rgb(170, 100, 0);
/// Ledger bar: cancelled.
pub const CANCELLED: Color32 = opaque(symbology::CANCELLED);
/// Ledger bar: reduced.
pub const REDUCED: Color32 = opaque(symbology::REDUCED);
/// Ledger bar: cleared.
pub const CLEARED: Color32 = opaque(symbology::CLEARED);
/// Ledger bar: remaining.
pub const REMAINING: Color32 = opaque(symbology::REMAINING);

/// An egui colour from the palette, opaque.
const fn opaque(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// An egui colour from the palette at opacity `a` (0–255).
const fn alpha(c: Rgb, a: u8) -> Color32 {
    Color32::from_rgba_unmultiplied_const(c.0, c.1, c.2, a)
}

/// The fill of a land by classification (IMAS, at 50 %).
pub fn land_fill(classification: Classification) -> Color32 {
    alpha(
        symbology::classification_colour(classification),
        symbology::FILL_ALPHA,
    )
}

/// The outline of a land by status, and whether it is dashed (Worked on).
pub fn land_outline(status: LandStatus) -> (Stroke, bool) {
    let (colour, dashed) = symbology::status_outline(status);
    (Stroke::new(2.0, opaque(colour)), dashed)
}

/// The symbol colour of a hazard report by EO category.
pub fn eo_colour(category: EoCategory) -> Color32 {
    opaque(symbology::eo_colour(category))
}

/// A reference layer's stroke on the map (colour and width by role, from the palette).
pub fn reference_stroke(role: crate::domain::LayerRole) -> Stroke {
    Stroke::new(
        symbology::reference_line_px(role),
        opaque(symbology::reference_colour(role)),
    )
}

/// How the app looks, chosen in Settings: following the system, the high-contrast daylight
/// theme for laptops used outdoors, or dark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Appearance {
    /// Light or dark as the system says (the light one is the daylight theme).
    #[default]
    System,
    /// High contrast on white: black text, dark borders, strong selection.
    Daylight,
    /// egui's dark theme.
    Dark,
}

impl Appearance {
    /// Every choice, in the order Settings lists them.
    pub const ALL: &'static [Self] = &[Self::System, Self::Daylight, Self::Dark];

    /// A label for people.
    pub fn label_id(self) -> &'static str {
        match self {
            Self::System => "appearance-system",
            Self::Daylight => "appearance-daylight",
            Self::Dark => "appearance-dark",
        }
    }
}

/// Sets the light theme to the daylight one and chooses between light and dark. The map's
/// IMAS colours are the same in both: only the panels change.
pub fn apply_appearance(ctx: &egui::Context, appearance: Appearance) {
    ctx.style_mut_of(egui::Theme::Light, daylight_style);
    ctx.set_theme(match appearance {
        Appearance::System => egui::ThemePreference::System,
        Appearance::Daylight => egui::ThemePreference::Light,
        Appearance::Dark => egui::ThemePreference::Dark,
    });
}

/// The daylight theme: black on white, borders a screen in the sun still shows.
fn daylight_style(style: &mut egui::Style) {
    let ink = Color32::BLACK;
    let border = Color32::from_gray(60);
    let mut v = egui::Visuals::light();
    v.override_text_color = Some(ink);
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::WHITE;
    v.faint_bg_color = Color32::from_gray(232);
    v.window_stroke = Stroke::new(1.5, border);
    v.selection.bg_fill = Color32::from_rgb(0, 70, 200);
    v.selection.stroke = Stroke::new(1.5, Color32::WHITE);
    v.hyperlink_color = Color32::from_rgb(0, 50, 170);
    for w in [
        &mut v.widgets.noninteractive,
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.fg_stroke = Stroke::new(1.5, ink);
    }
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, border);
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, border);
    v.widgets.inactive.weak_bg_fill = Color32::from_gray(225);
    v.widgets.inactive.bg_fill = Color32::from_gray(225);
    v.widgets.hovered.bg_stroke = Stroke::new(2.0, Color32::from_rgb(0, 70, 200));
    v.widgets.active.bg_stroke = Stroke::new(2.0, ink);
    style.visuals = v;
}
