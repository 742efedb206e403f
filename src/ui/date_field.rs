//! A date field: typed as `YYYY-MM-DD` (fastest for a surveyor copying a paper form), or picked
//! from a month calendar that opens under its *Calendar* button. Built on the `time` crate's
//! calendar (`egui_extras`' picker would bring `chrono`).

use egui::Ui;
use time::{Date, Month};

/// A labelled date row of a two-column grid: the label, then the text field and its calendar.
pub(super) fn date_row(ui: &mut Ui, label: &str, text: &mut String) {
    let tr = super::language::tr(ui.ctx());
    let l = ui.label(label);
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(text)
                .hint_text(tr.date_hint())
                .desired_width(110.0),
        )
        .labelled_by(l.id);
        calendar_button(ui, label, text);
    });
    ui.end_row();
}

/// The *Calendar* button and its popup: a month grid, Monday first; the day clicked is written
/// into `text`. Opens on the typed date, else today.
pub(super) fn calendar_button(ui: &mut Ui, id: &str, text: &mut String) {
    let tr = super::language::tr(ui.ctx());
    let button = ui
        .small_button(tr.calendar())
        .on_hover_text(tr.calendar_hint());
    let shown_id = ui.make_persistent_id(("calendar_month", id));
    if button.clicked() {
        let start = crate::domain::parse_date(text).unwrap_or_else(crate::session::today);
        ui.data_mut(|d| d.insert_temp(shown_id, (start.year(), u8::from(start.month()))));
    }
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let today = crate::session::today();
            let (mut year, mut month) = ui
                .data(|d| d.get_temp::<(i32, u8)>(shown_id))
                .unwrap_or((today.year(), u8::from(today.month())));
            ui.horizontal(|ui| {
                if ui
                    .small_button("<")
                    .on_hover_text(tr.calendar_previous())
                    .clicked()
                {
                    (year, month) = if month == 1 {
                        (year - 1, 12)
                    } else {
                        (year, month - 1)
                    };
                }
                let name = crate::i18n::format::month_name(tr.lang(), month);
                ui.strong(format!("{name} {}", tr.digits(&year.to_string())));
                if ui
                    .small_button(">")
                    .on_hover_text(tr.calendar_next())
                    .clicked()
                {
                    (year, month) = if month == 12 {
                        (year + 1, 1)
                    } else {
                        (year, month + 1)
                    };
                }
            });
            ui.data_mut(|d| d.insert_temp(shown_id, (year, month)));
            let Ok(m) = Month::try_from(month) else {
                return;
            };
            let Ok(first) = Date::from_calendar_date(year, m, 1) else {
                return;
            };
            let days = time::util::days_in_month(m, year);
            let lead = first.weekday().number_days_from_monday();
            let picked = crate::domain::parse_date(text);
            egui::Grid::new(("calendar_grid", id)).show(ui, |ui| {
                for d in crate::i18n::format::weekdays_short(tr.lang()) {
                    ui.weak(d);
                }
                ui.end_row();
                for _ in 0..lead {
                    ui.label("");
                }
                for day in 1..=days {
                    let Ok(date) = Date::from_calendar_date(year, m, day) else {
                        continue;
                    };
                    let selected = picked == Some(date);
                    let day_text = tr.digits(&day.to_string());
                    let label = if date == today {
                        egui::RichText::new(day_text).strong()
                    } else {
                        egui::RichText::new(day_text)
                    };
                    if ui.selectable_label(selected, label).clicked() {
                        *text = date.to_string();
                        egui::Popup::close_all(ui.ctx());
                    }
                    if (u16::from(lead) + u16::from(day)) % 7 == 0 {
                        ui.end_row();
                    }
                }
            });
        });
}

#[cfg(test)]
mod tests {
    #[test]
    fn month_layout_starts_on_the_right_weekday() {
        // 1 December 2026 is a Tuesday: one blank before it in a Monday-first grid.
        let first = time::Date::from_calendar_date(2026, time::Month::December, 1).unwrap();
        assert_eq!(first.weekday().number_days_from_monday(), 1);
        assert_eq!(time::util::days_in_month(time::Month::February, 2028), 29);
    }
}
