//! Numbers and dates as each language writes them (CLDR's conventions).
//!
//! | language | 1234567.5     | a date (short)   | (long)               |
//! |----------|---------------|------------------|----------------------|
//! | English  | `1 234 567.5` | `2026-12-05`     | `5 December 2026`    |
//! | French   | `1 234 567,5` | `05/12/2026`     | `5 décembre 2026`    |
//! | Ukrainian| `1 234 567,5` | `05.12.2026`     | `5 грудня 2026 р.`   |
//! | Spanish  | `1.234.567,5` | `05/12/2026`     | `5 de diciembre de 2026` |
//! | Arabic   | `١٬٢٣٤٬٥٦٧٫٥` | `٠٥/١٢/٢٠٢٦`     | `٥ ديسمبر ٢٠٢٦`       |
//!
//! English keeps the SI style Safeground has always written (a space between thousands). French
//! groups with a narrow no-break space, Ukrainian with a no-break space: a figure never breaks
//! across lines. Spanish does not group a four-digit number (`1234`, but `12.345`). Arabic uses
//! Arabic-Indic digits with the Arabic decimal and thousands marks, as CLDR's `ar` does.

use time::Date;

use super::Lang;

/// The digits, decimal mark, group separator and least digits before grouping of a language.
struct Symbols {
    digits: [char; 10],
    decimal: char,
    group: char,
    min_grouping_digits: usize,
}

const LATIN: [char; 10] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const ARABIC_INDIC: [char; 10] = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];

fn symbols(lang: Lang) -> Symbols {
    match lang {
        Lang::En => Symbols {
            digits: LATIN,
            decimal: '.',
            group: ' ',
            min_grouping_digits: 1,
        },
        Lang::Fr => Symbols {
            digits: LATIN,
            decimal: ',',
            group: '\u{202F}',
            min_grouping_digits: 1,
        },
        Lang::Uk => Symbols {
            digits: LATIN,
            decimal: ',',
            group: '\u{A0}',
            min_grouping_digits: 1,
        },
        Lang::Es => Symbols {
            digits: LATIN,
            decimal: ',',
            group: '.',
            min_grouping_digits: 2,
        },
        Lang::Ar => Symbols {
            digits: ARABIC_INDIC,
            decimal: '\u{066B}',
            group: '\u{066C}',
            min_grouping_digits: 1,
        },
    }
}

/// `value` rounded to `decimals` places and written as `lang` writes numbers (see the module
/// table); a value that rounds to zero has no minus sign; a value that is not finite is `–`.
#[must_use]
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    let s = symbols(lang);
    let latin = crate::domain::format_number_with(
        value,
        decimals,
        s.group,
        s.decimal,
        s.min_grouping_digits,
    );
    latin.chars().map(|c| digit(&s, c)).collect()
}

fn digit(s: &Symbols, c: char) -> char {
    c.to_digit(10)
        .and_then(|d| s.digits.get(d as usize).copied())
        .unwrap_or(c)
}

/// Latin digits in `text` written in the language's digits (Arabic-Indic for Arabic); other
/// characters as they are. For figures already formatted elsewhere, such as a time of day.
#[must_use]
pub fn digits(lang: Lang, text: &str) -> String {
    let s = symbols(lang);
    text.chars().map(|c| digit(&s, c)).collect()
}

/// A date in figures: `2026-12-05` (English, ISO 8601, as field forms write it), `05/12/2026`
/// (French, Spanish), `05.12.2026` (Ukrainian), `٠٥/١٢/٢٠٢٦` (Arabic).
#[must_use]
pub fn date_short(lang: Lang, d: Date) -> String {
    let (y, m, day) = (d.year(), u8::from(d.month()), d.day());
    let text = match lang {
        Lang::En => format!("{y:04}-{m:02}-{day:02}"),
        Lang::Fr | Lang::Es | Lang::Ar => format!("{day:02}/{m:02}/{y:04}"),
        Lang::Uk => format!("{day:02}.{m:02}.{y:04}"),
    };
    digits(lang, &text)
}

/// A date in words: `5 December 2026`, `5 décembre 2026`, `5 грудня 2026 р.`, `5 de diciembre de
/// 2026`, `٥ ديسمبر ٢٠٢٦`.
#[must_use]
pub fn date_long(lang: Lang, d: Date) -> String {
    let month = usize::from(u8::from(d.month())) - 1;
    let (y, day) = (d.year(), d.day());
    let text = match lang {
        Lang::En => format!("{day} {} {y}", MONTHS_EN[month]),
        Lang::Fr => format!("{day} {} {y}", MONTHS_FR[month]),
        Lang::Uk => format!("{day} {} {y} р.", MONTHS_UK_GENITIVE[month]),
        Lang::Es => format!("{day} de {} de {y}", MONTHS_ES[month]),
        Lang::Ar => format!("{day} {} {y}", MONTHS_AR[month]),
    };
    digits(lang, &text)
}

/// The month's name standing alone (a calendar's heading): `December`, `décembre`, `грудень`,
/// `diciembre`, `ديسمبر`. `month` is 1 to 12; another number gives an empty text.
#[must_use]
pub fn month_name(lang: Lang, month: u8) -> &'static str {
    let names = match lang {
        Lang::En => &MONTHS_EN,
        Lang::Fr => &MONTHS_FR,
        Lang::Uk => &MONTHS_UK_NOMINATIVE,
        Lang::Es => &MONTHS_ES,
        Lang::Ar => &MONTHS_AR,
    };
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or("")
}

/// The days of the week, Monday first, as a calendar's column heads.
#[must_use]
pub fn weekdays_short(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::En => ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
        Lang::Fr => ["lu", "ma", "me", "je", "ve", "sa", "di"],
        Lang::Uk => ["пн", "вт", "ср", "чт", "пт", "сб", "нд"],
        Lang::Es => ["lu", "ma", "mi", "ju", "vi", "sá", "do"],
        Lang::Ar => ["ن", "ث", "ر", "خ", "ج", "س", "ح"],
    }
}

const MONTHS_UK_NOMINATIVE: [&str; 12] = [
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_UK_GENITIVE: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn numbers_as_each_language_writes_them() {
        assert_eq!(number(Lang::En, 1_234_567.46, 1), "1 234 567.5");
        assert_eq!(
            number(Lang::Fr, 1_234_567.46, 1),
            "1\u{202F}234\u{202F}567,5"
        );
        assert_eq!(number(Lang::Uk, 1_234_567.46, 1), "1\u{A0}234\u{A0}567,5");
        assert_eq!(number(Lang::Es, 1_234_567.46, 1), "1.234.567,5");
        assert_eq!(number(Lang::Es, 1234.0, 0), "1234");
        assert_eq!(number(Lang::Es, 12_345.0, 0), "12.345");
        assert_eq!(number(Lang::Ar, 1_234_567.46, 1), "١٬٢٣٤٬٥٦٧٫٥");
        assert_eq!(number(Lang::Fr, -0.04, 1), "0,0");
        assert_eq!(number(Lang::En, f64::NAN, 0), "–");
    }

    #[test]
    fn dates_as_each_language_writes_them() {
        let d = date!(2026 - 12 - 05);
        assert_eq!(date_short(Lang::En, d), "2026-12-05");
        assert_eq!(date_short(Lang::Uk, d), "05.12.2026");
        assert_eq!(date_short(Lang::Ar, d), "٠٥/١٢/٢٠٢٦");
        assert_eq!(date_long(Lang::Fr, d), "5 décembre 2026");
        assert_eq!(date_long(Lang::Uk, d), "5 грудня 2026 р.");
        assert_eq!(date_long(Lang::Es, d), "5 de diciembre de 2026");
        assert_eq!(date_long(Lang::Ar, d), "٥ ديسمبر ٢٠٢٦");
    }
}
