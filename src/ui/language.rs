//! The app's language: chosen in Settings (or following the system), kept in the egui context so
//! every panel reads it without a restart, and the Arabic font the default fonts lack.

use eframe::egui;

use crate::i18n::{Lang, Tr};

fn key() -> egui::Id {
    egui::Id::unique("safeground-language")
}

/// The translator of the language this frame is drawn in (for the screen).
pub fn tr(ctx: &egui::Context) -> Tr {
    ctx.data(|d| d.get_temp::<Tr>(key()))
        .unwrap_or_else(|| Tr::new(Lang::En).for_screen())
}

/// Draws from now on with `tr`.
pub fn set_tr(ctx: &egui::Context, tr: Tr) {
    ctx.data_mut(|d| d.insert_temp(key(), tr));
}

/// The font family of right-to-left runs ([`crate::i18n::bidi`]): Noto Sans Arabic first, so egui
/// never merges an Arabic run with its Latin neighbours.
pub const RTL_FAMILY: &str = "rtl";

/// Adds Noto Sans Arabic (SIL Open Font Licence, `assets/fonts/OFL.txt`) behind egui's default
/// fonts, which cover Latin and Cyrillic but not Arabic, and as the first font of [`RTL_FAMILY`].
pub fn install_fonts(ctx: &egui::Context) {
    let installed = egui::Id::unique("safeground-fonts");
    if ctx.data(|d| d.get_temp::<bool>(installed)).unwrap_or(false) {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(installed, true));
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "NotoSansArabic".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSansArabic-Regular.ttf"
        ))),
    );
    let proportional = fonts
        .families
        .get(&egui::FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("NotoSansArabic".to_owned());
    }
    let mut rtl = vec!["NotoSansArabic".to_owned()];
    rtl.extend(proportional);
    fonts
        .families
        .insert(egui::FontFamily::Name(RTL_FAMILY.into()), rtl);
    ctx.set_fonts(fonts);
}

/// A side panel at the start of the reading direction: left, or right in a right-to-left
/// language (the layout is mirrored).
pub fn start_panel(ctx: &egui::Context, id: &'static str) -> egui::Panel {
    if tr(ctx).lang().is_rtl() {
        egui::Panel::right(id)
    } else {
        egui::Panel::left(id)
    }
}

/// A side panel at the end of the reading direction: right, or left in a right-to-left language.
pub fn end_panel(ctx: &egui::Context, id: &'static str) -> egui::Panel {
    if tr(ctx).lang().is_rtl() {
        egui::Panel::left(id)
    } else {
        egui::Panel::right(id)
    }
}
