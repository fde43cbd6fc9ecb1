//! A calendar beside a typed date: the button opens a month (weeks from Monday, day and month
//! names in the UI's language); choosing a day writes it into the field in the UI's format. The
//! field stays a text field: typing `27.11.2026` or `2026-11-27` works as before.

use chrono::{Datelike, Months, NaiveDate};
use egui::{Popup, PopupCloseBehavior, RichText, Ui};

use crate::i18n::{I18n, parse_date};

/// The first of the month shown by the popup `id` (remembered while it is open).
fn shown_month(ui: &Ui, id: egui::Id, initial: NaiveDate) -> NaiveDate {
    ui.data_mut(|d| *d.get_temp_mut_or(id, initial))
}

/// A small button that opens a month view for `text`; returns whether a day was chosen.
pub fn date_picker_button(
    ui: &mut Ui,
    tr: &I18n,
    text: &mut String,
    today: NaiveDate,
    id_salt: &str,
) -> bool {
    let button = ui.button(tr.t("date-pick")).on_hover_text(tr.t("date-pick-hint"));
    let id = ui.make_persistent_id(("date-picker", id_salt));
    let typed = parse_date(text).unwrap_or(today);
    let first = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    if button.clicked() {
        // Open at the month of the typed date (or today's).
        ui.data_mut(|d| d.insert_temp(id, first(typed)));
    }
    let mut chosen = false;
    Popup::from_toggle_button_response(&button)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let month = shown_month(ui, id, first(typed));
            ui.horizontal(|ui| {
                if month_button(ui, "◀", &tr.t("date-previous-month")).clicked() {
                    let previous = month.checked_sub_months(Months::new(1)).unwrap_or(month);
                    ui.data_mut(|d| d.insert_temp(id, previous));
                }
                let name = tr.t(&format!("month-{}", month.month()));
                ui.label(RichText::new(format!("{name} {}", month.year())).strong());
                if month_button(ui, "▶", &tr.t("date-next-month")).clicked() {
                    let next = month.checked_add_months(Months::new(1)).unwrap_or(month);
                    ui.data_mut(|d| d.insert_temp(id, next));
                }
            });
            if let Some(day) = month_grid(ui, tr, month, (parse_date(text), today)) {
                *text = tr.input_date(day);
                chosen = true;
                ui.close();
            }
        });
    chosen
}

/// The days of `month` in a grid of weeks; returns the day clicked. The selected day and today
/// are marked.
fn month_grid(
    ui: &mut Ui,
    tr: &I18n,
    month: NaiveDate,
    (selected, today): (Option<NaiveDate>, NaiveDate),
) -> Option<NaiveDate> {
    let mut clicked = None;
    let names = tr.t("weekdays-short");
    egui::Grid::new(("month", month)).spacing([2.0, 2.0]).show(ui, |ui| {
        for name in names.split_whitespace() {
            ui.label(RichText::new(name).small().strong());
        }
        ui.end_row();
        for _ in 0..month.weekday().num_days_from_monday() {
            ui.label("");
        }
        let mut day = month;
        while day.month() == month.month() {
            let mut label = RichText::new(day.day().to_string());
            if day == today {
                label = label.strong().underline();
            }
            let button = egui::Button::selectable(Some(day) == selected, label);
            let response = ui.add(button).on_hover_text(tr.date(day));
            let full = tr.date(day);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, full.clone())
            });
            if response.clicked() {
                clicked = Some(day);
            }
            if day.weekday() == chrono::Weekday::Sun {
                ui.end_row();
            }
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
    });
    clicked
}

/// An arrow button that a screen reader names by what it does ("Voriger Monat"), not by its
/// glyph.
fn month_button(ui: &mut Ui, arrow: &str, name: &str) -> egui::Response {
    let response = ui.button(arrow).on_hover_text(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, name));
    response
}
