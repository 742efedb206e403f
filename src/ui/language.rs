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

/// A field error in the app's words: the field's name and, for the common problems, what is
/// wrong in the language (other problems keep the English the rules wrote).
pub fn field_error(tr: Tr, e: &crate::domain::FieldError) -> String {
    format!("{}: {}", field_label(tr, &e.field), field_problem(tr, e))
}

/// What is wrong with a field, in the language when the problem is a common one.
pub fn field_problem(tr: Tr, e: &crate::domain::FieldError) -> String {
    use crate::domain::FieldProblem as P;
    match &e.problem {
        Some(P::Required) => tr.problem_required(),
        Some(P::RequiredDate) => tr.problem_required_date(),
        Some(P::TooLong { max_chars }) => tr.problem_too_long(*max_chars),
        Some(P::ControlCharacters) => tr.problem_control_characters(),
        Some(P::BidiControl) => tr.problem_bidi_control(),
        Some(P::NotInVocabulary { value, allowed }) => {
            tr.problem_not_in_vocabulary(value.as_str(), allowed.as_str())
        }
        Some(P::NotADate { value }) => tr.problem_not_a_date(value.as_str()),
        Some(P::Negative { value, unit }) => tr.problem_negative(value.as_str(), unit.as_str()),
        Some(P::TooLarge { value, max, unit }) => {
            tr.problem_too_large(value.as_str(), max.as_str(), unit.as_str())
        }
        Some(P::NotANumber { value, unit }) => {
            tr.problem_not_a_number(value.as_str(), unit.as_str())
        }
        Some(P::NotAWholeNumber { value }) => tr.problem_not_a_whole_number(value.as_str()),
        Some(P::NeedPerimeterPoints) => tr.problem_need_points(),
        None => e.message.clone(),
    }
}

/// A stored field's name as the forms label it (the English field label for one no form names).
pub fn field_label(tr: Tr, field: &str) -> String {
    match field {
        "code" => tr.list_code(),
        "ledger" => tr.detail_ledger(),
        "all records" => tr.field_all_records(),
        "classification" => tr.editor_classification(),
        "status" => tr.list_status(),
        "validation" => tr.field_validation(),
        "geometry" | "polygon" => tr.field_polygon(),
        "estimated_m2" => tr.ledger_estimated(),
        "admin.pcode" | "pcode" => tr.detail_pcode(),
        "admin.admin1" | "admin1" => tr.editor_admin1(),
        "admin.admin2" | "admin2" => tr.editor_admin2(),
        "admin.settlement" | "settlement" => tr.editor_settlement(),
        "hazard_types" => tr.detail_hazard_types(),
        "evidence" => tr.detail_evidence(),
        "evidence_items" => tr.field_evidence_items(),
        "key_informants" => tr.field_key_informants(),
        "expected_beneficiaries" => tr.editor_beneficiaries(),
        "reporter_phone" => tr.hazard_form_reporter_phone(),
        "land_id" => tr.list_land(),
        "priority" => tr.detail_priority(),
        "blockage" => tr.detail_blockage(),
        "terrain" => tr.detail_terrain(),
        "name" => tr.list_name(),
        "date_of_information" => tr.detail_date_of_information(),
        "organisation" => tr.report_organisation(),
        "team" => tr.detail_team(),
        "donor" => tr.detail_donor(),
        "project" => tr.detail_project(),
        "notes" => tr.report_notes(),
        "start_date" => tr.activity_start(),
        "end_date" => tr.activity_end(),
        "method" => tr.activity_method(),
        "deminer_days" => tr.activity_deminer_days(),
        "location" => tr.report_location(),
        "quantity" => tr.hazard_form_quantity(),
        "reported_by" => tr.report_reported_by(),
        "reported_on" => tr.report_reported_on(),
        "eo_category" => tr.hazard_form_eo_category(),
        "type_model" => tr.report_type_model(),
        "points" => tr.detail_points_plain(),
        other => crate::domain::field_label(other),
    }
}
