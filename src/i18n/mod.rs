//! The languages Safeground speaks: English (the source), French, Ukrainian, Spanish and Arabic.
//!
//! Every text a person reads in the app and the donor report is a [Fluent] message in
//! `assets/i18n/<lang>.ftl`, reached through one method per message on [`Tr`]; the methods are
//! generated from the English file by `build.rs`, so a message id or an argument that does not
//! exist does not compile. A message a translation lacks falls back to English (a test keeps that
//! from happening: [`I18N_PROBLEMS`] must be empty). Plurals follow CLDR's rules (Ukrainian
//! one/few/many, Arabic zero/one/two/few/many/other); numbers, areas and dates are formatted for
//! the language ([`format`]). Stored values and exports keep their codes: only labels are
//! translated.
//!
//! [Fluent]: https://projectfluent.org

pub mod bidi;
pub mod format;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the app and the report.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the source language.
    #[default]
    En,
    /// French.
    Fr,
    /// Ukrainian.
    Uk,
    /// Spanish.
    Es,
    /// Arabic (right to left).
    Ar,
}

impl Lang {
    /// Every language, in the order the settings list them.
    pub const ALL: [Self; 5] = [Self::En, Self::Fr, Self::Uk, Self::Es, Self::Ar];

    /// The ISO 639-1 code: `en`, `fr`, `uk`, `es`, `ar`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::Uk => "uk",
            Self::Es => "es",
            Self::Ar => "ar",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
            Self::Uk => "Українська",
            Self::Es => "Español",
            Self::Ar => "العربية",
        }
    }

    /// Written right to left.
    #[must_use]
    pub fn is_rtl(self) -> bool {
        self == Self::Ar
    }

    /// The language of a code or a locale name (`fr`, `fr-CA`, `uk_UA.UTF-8`, `AR`); `None` for
    /// any other language.
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        let primary: String = code
            .trim()
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The system's language when Safeground speaks it, else English.
    #[must_use]
    pub fn from_system() -> Self {
        sys_locale::get_locales()
            .find_map(|l| Self::parse(&l))
            .unwrap_or_default()
    }

    fn index(self) -> usize {
        match self {
            Self::En => 0,
            Self::Fr => 1,
            Self::Uk => 2,
            Self::Es => 3,
            Self::Ar => 4,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Self::En => include_str!("../../assets/i18n/en.ftl"),
            Self::Fr => include_str!("../../assets/i18n/fr.ftl"),
            Self::Uk => include_str!("../../assets/i18n/uk.ftl"),
            Self::Es => include_str!("../../assets/i18n/es.ftl"),
            Self::Ar => include_str!("../../assets/i18n/ar.ftl"),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A value given to a message: a number (selects the plural form; written for the language) or
/// a text (written as it is).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A number, with the decimals to write (`None`: none for a whole number, else two).
    Number(f64, Option<usize>),
    /// A text: a name, a code, an already formatted figure.
    Text(String),
}

impl Arg {
    /// A number written with `decimals` decimals.
    #[must_use]
    pub fn decimal(value: f64, decimals: usize) -> Self {
        Self::Number(value, Some(decimals))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
            fn from(n: $t) -> Self {
                Self::Number(n as f64, None)
            }
        }
    )*};
}
number_arg!(i64, u64, usize);

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Self::Number(f64::from(n), None)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Self::Number(f64::from(n), None)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Self::Number(n, None)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Self::Text(s.clone())
    }
}

/// The translator: the messages of one language. Cheap to copy; every text a person reads comes
/// from one of its methods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Tr {
    lang: Lang,
    /// Texts are for egui's screen: right-to-left ones come rearranged for its left-to-right
    /// layout ([`bidi::for_left_to_right_renderer`]).
    screen: bool,
    /// Every text is wrapped in `« »` (a pseudo-locale): a test of the app then finds any text
    /// on screen that did not come from a message file.
    pseudo: bool,
}

/// Right-to-left texts handed to the screen, rearranged, with their reading order: a message
/// given as an argument to another one (a label inside a sentence) is formatted from its
/// reading order, not rearranged twice. Bounded: cleared when it holds 4 096 texts.
fn screen_texts() -> &'static std::sync::Mutex<std::collections::HashMap<String, String>> {
    static TEXTS: OnceLock<std::sync::Mutex<std::collections::HashMap<String, String>>> =
        OnceLock::new();
    TEXTS.get_or_init(|| std::sync::Mutex::new(std::collections::HashMap::new()))
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 5] {
    static BUNDLES: OnceLock<[Bundle; 5]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(bundle))
}

fn bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The app lays out right-to-left text itself ([`bidi`]); the report marks runs in HTML.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => format_value_en,
        Lang::Fr => format_value_fr,
        Lang::Uk => format_value_uk,
        Lang::Es => format_value_es,
        Lang::Ar => format_value_ar,
    }));
    // A file that does not parse is reported by `build.rs` (`I18N_PROBLEMS`); what parses is used.
    let resource = match FluentResource::try_new(lang.source().to_owned()) {
        Ok(r) | Err((r, _)) => r,
    };
    if let Err(errors) = bundle.add_resource(resource) {
        debug_assert!(errors.is_empty(), "{lang}: {errors:?}");
    }
    bundle
}

fn format_number_value(lang: Lang, v: &FluentValue<'_>) -> Option<String> {
    match v {
        FluentValue::Number(n) => {
            let decimals = n
                .options
                .minimum_fraction_digits
                .unwrap_or_else(|| if n.value.fract() == 0.0 { 0 } else { 2 });
            Some(format::number(lang, n.value, decimals))
        }
        _ => None,
    }
}

fn format_value_en<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number_value(Lang::En, v)
}
fn format_value_fr<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number_value(Lang::Fr, v)
}
fn format_value_uk<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number_value(Lang::Uk, v)
}
fn format_value_es<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number_value(Lang::Es, v)
}
fn format_value_ar<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number_value(Lang::Ar, v)
}

impl Tr {
    /// The translator for `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            screen: false,
            pseudo: false,
        }
    }

    /// The same language for egui's screen: right-to-left texts come rearranged for a
    /// left-to-right layout ([`bidi::for_left_to_right_renderer`]). Files (the report, CSV)
    /// use [`Tr::new`]'s reading order, which browsers lay out themselves.
    #[must_use]
    pub fn for_screen(self) -> Self {
        Self {
            screen: true,
            ..self
        }
    }

    /// Its language.
    #[must_use]
    pub fn lang(self) -> Lang {
        self.lang
    }

    /// The message `id` with `args`, in this language, else in English; the id itself only if
    /// English lacks it too (which the tests rule out).
    fn message(self, id: &str, args: &[(&str, Arg)]) -> String {
        let all = bundles();
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let v = match value {
                Arg::Number(n, decimals) => {
                    let mut number = FluentNumber::new(*n, FluentNumberOptions::default());
                    number.options.minimum_fraction_digits = *decimals;
                    number.options.maximum_fraction_digits = *decimals;
                    FluentValue::Number(number)
                }
                Arg::Text(t) => {
                    let reading = if self.screen && self.lang.is_rtl() {
                        screen_texts().lock().ok().and_then(|m| m.get(t).cloned())
                    } else {
                        None
                    };
                    FluentValue::String(reading.unwrap_or_else(|| t.clone()).into())
                }
            };
            fluent_args.set(*name, v);
        }
        for bundle in [&all[self.lang.index()], &all[Lang::En.index()]] {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle
                    .format_pattern(pattern, Some(&fluent_args), &mut errors)
                    .into_owned();
                return self.shown(text);
            }
        }
        id.to_owned()
    }

    /// `text` as this translator hands it out: rearranged for the screen when it is a
    /// right-to-left screen translator (remembering its reading order), else as it is.
    fn shown(self, text: String) -> String {
        if self.pseudo {
            return format!("«{text}»");
        }
        if !(self.screen && self.lang.is_rtl()) {
            return text;
        }
        let visual = bidi::for_left_to_right_renderer(&text);
        if visual != text
            && let Ok(mut m) = screen_texts().lock()
        {
            if m.len() >= 4096 {
                m.clear();
            }
            m.insert(visual.clone(), text);
        }
        visual
    }

    /// Whether this language itself (not the English fallback) has the message `id`.
    #[must_use]
    pub fn has(self, id: &str) -> bool {
        bundles()[self.lang.index()].has_message(id)
    }

    /// The label of a vocabulary value (a classification, a status, an activity type…) by its
    /// `label_id()`; stored values and exports keep the value's code.
    #[must_use]
    pub fn label(self, label_id: &str) -> String {
        self.message(label_id, &[])
    }

    /// The pseudo-locale of this language: every text it hands out is wrapped in `« »`, so a
    /// test can tell text from the message files from text written anywhere else.
    #[must_use]
    pub fn pseudo(self) -> Self {
        Self {
            pseudo: true,
            ..self
        }
    }

    /// A date in figures, as the language writes it ([`format::date_short`]).
    #[must_use]
    pub fn date(self, d: time::Date) -> String {
        self.shown(format::date_short(self.lang, d))
    }

    /// Latin digits in `text` written in the language's digits ([`format::digits`]).
    #[must_use]
    pub fn digits(self, text: &str) -> String {
        self.shown(format::digits(self.lang, text))
    }

    /// `value` with `decimals` decimals, written for the language ([`format::number`]).
    #[must_use]
    pub fn number(self, value: f64, decimals: usize) -> String {
        self.shown(format::number(self.lang, value, decimals))
    }

    /// A whole number written for the language: `12 346`, `12 346` (French, with a narrow
    /// no-break space), `12.346` (Spanish), `١٢٬٣٤٦` (Arabic).
    #[must_use]
    #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    pub fn count(self, n: u64) -> String {
        self.shown(format::number(self.lang, n as f64, 0))
    }
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_every_language() {
        assert!(
            I18N_PROBLEMS.is_empty(),
            "the translations are not in step with English:\n{}",
            I18N_PROBLEMS
                .iter()
                .map(|(lang, id, what)| format!("{lang}: {id}: {what}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        for lang in Lang::ALL {
            for (id, _) in MESSAGE_IDS {
                assert!(Tr::new(lang).has(id), "{lang} lacks {id}");
            }
        }
    }

    #[test]
    fn every_vocabulary_label_has_a_message() {
        use crate::domain::*;
        let mut ids: Vec<&str> = Vec::new();
        macro_rules! all {
            ($($t:ty),*) => {$( ids.extend(<$t>::ALL.iter().map(|v| v.label_id())); )*};
        }
        all!(
            Classification,
            Role,
            LandStatus,
            EvidenceOfContamination,
            SourceModality,
            HazardType,
            EoCategory,
            ActivityKind,
            Method,
            Disposal,
            Priority,
            HazardReportStatus,
            ItemCondition,
            PointKind,
            ValidationState,
            BearingUnit,
            NorthReference,
            Instrument,
            EntityKind,
            AuditAction,
            CoordFormat,
            ExportProfile
        );
        ids.extend(LayerRole::VECTOR.iter().map(|r| r.label_id()));
        ids.push(LayerRole::Tiles.label_id());
        for lang in Lang::ALL {
            for id in &ids {
                assert!(Tr::new(lang).has(id), "{lang} lacks {id}");
            }
        }
        assert_eq!(
            Tr::new(Lang::Uk).label(LandStatus::HandedOver.label_id()),
            "Передана"
        );
    }

    #[test]
    fn plurals_follow_each_language() {
        let uk = Tr::new(Lang::Uk);
        assert!(uk.report_total_lands(1).contains("1 небезпечна територія"));
        assert!(uk.report_total_lands(3).contains("3 небезпечні території"));
        assert!(uk.report_total_lands(5).contains("5 небезпечних територій"));
        assert!(
            uk.report_total_lands(21)
                .contains("21 небезпечна територія")
        );
        let ar = Tr::new(Lang::Ar);
        assert!(ar.report_total_lands(2).contains("منطقتان"));
        assert!(ar.report_total_lands(3).contains("٣ مناطق"));
        assert!(ar.report_total_lands(11).contains("١١ منطقة"));
        assert_eq!(
            Tr::new(Lang::Fr).unit_m2(Arg::decimal(12_345.0, 0)),
            "12\u{202F}345 m²"
        );
    }

    #[test]
    fn languages_are_read_from_locale_names() {
        assert_eq!(Lang::parse("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::parse("uk-UA"), Some(Lang::Uk));
        assert_eq!(Lang::parse("AR"), Some(Lang::Ar));
        assert_eq!(Lang::parse("es-419"), Some(Lang::Es));
        assert_eq!(Lang::parse("de-DE"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
