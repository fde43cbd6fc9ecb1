//! The history view: every recorded change, newest first, filtered by measure, person, field and
//! date range.

use chrono::NaiveDate;
use egui::{Align, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use super::widgets::muted;
use crate::i18n::parse_date;
use crate::model::{Change, Roadmap};

/// Filter and cache of the history view.
#[derive(Clone, Debug, Default)]
pub struct HistoryView {
    /// Only this measure: a code typed in full names one measure, whose whole history is shown
    /// (also under codes it had before); anything else matches codes containing it.
    pub measure: String,
    /// Only this person (contains).
    pub who: String,
    /// Only this field (exact), empty for all.
    pub field: String,
    /// From this date (as typed).
    pub from: String,
    /// To this date (as typed).
    pub to: String,
    /// The history as last loaded, with the data generation it belongs to.
    pub cache: Option<(u64, Vec<Change>)>,
}

impl HistoryView {
    /// The changes passing the filter, newest first.
    pub fn filtered(&self, changes: &[Change], roadmap: &Roadmap) -> Vec<usize> {
        let measure = self.measure.trim().to_lowercase();
        let exact = roadmap
            .measures
            .iter()
            .find(|m| m.code.to_lowercase() == measure && !measure.is_empty())
            .map(|m| m.id);
        let who = self.who.trim().to_lowercase();
        let from: Option<NaiveDate> = parse_date(&self.from);
        let to: Option<NaiveDate> = parse_date(&self.to);
        (0..changes.len())
            .rev()
            .filter(|&i| {
                let c = &changes[i];
                let of_measure = match exact {
                    Some(id) => c.measure_id == Some(id),
                    None => {
                        c.code.as_deref().is_some_and(|code| code.to_lowercase().contains(&measure))
                    }
                };
                (measure.is_empty() || of_measure)
                    && (who.is_empty() || c.who.to_lowercase().contains(&who))
                    && (self.field.is_empty() || c.field == self.field)
                    && from.is_none_or(|d| c.at.date() >= d)
                    && to.is_none_or(|d| c.at.date() <= d)
            })
            .collect()
    }
}

pub use crate::i18n::{field_label, value_label};

/// The history table with its filter row.
pub fn history_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, view: &mut HistoryView, changes: &[Change]) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    ui.horizontal_wrapped(|ui| {
        for (key, value, width) in [
            ("history-filter-measure", &mut view.measure, 70.0),
            ("history-filter-who", &mut view.who, 110.0),
            ("history-filter-from", &mut view.from, 100.0),
            ("history-filter-to", &mut view.to, 100.0),
        ] {
            let label = ui.label(tr.t(key));
            ui.add(egui::TextEdit::singleline(value).desired_width(width)).labelled_by(label.id);
            if key.ends_with("from") || key.ends_with("-to") {
                super::date_picker::date_picker_button(ui, tr, value, ctx.today, key);
            }
        }
        let label = ui.label(tr.t("history-filter-field"));
        let mut fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        fields.sort_unstable();
        fields.dedup();
        let shown =
            if view.field.is_empty() { tr.t("filter-all") } else { field_label(tr, &view.field) };
        egui::ComboBox::from_id_salt("history_field")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.field, String::new(), tr.t("filter-all"));
                for f in fields {
                    ui.selectable_value(&mut view.field, f.to_owned(), field_label(tr, f));
                }
            })
            .response
            .labelled_by(label.id);
    });
    let rows = view.filtered(changes, ctx.roadmap);
    muted(ui, tokens, tr.f("history-count", &[("n", &rows.len())]));
    ui.add_space(tokens.space_s);
    // Old and new values share the free width with the comment (at 1920 px a title is whole).
    let free = (ui.available_width() - 130.0 - 120.0 - 50.0 - 170.0).max(0.0);
    let value = (free * 0.3).max(130.0);
    TableBuilder::new(ui)
        .id_salt("history")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::initial(130.0).at_least(100.0).resizable(true))
        .column(Column::initial(120.0).at_least(60.0).resizable(true).clip(true))
        .column(Column::initial(50.0).at_least(40.0))
        .column(Column::initial(170.0).at_least(80.0).resizable(true).clip(true))
        .column(Column::initial(value).at_least(60.0).resizable(true).clip(true))
        .column(Column::initial(value).at_least(60.0).resizable(true).clip(true))
        .column(Column::remainder().at_least(80.0).clip(true))
        .auto_shrink([false, false])
        .header(tokens.row_height, |mut header| {
            for key in
                ["col-at", "col-who", "col-code", "col-field", "col-old", "col-new", "col-comment"]
            {
                header.col(|ui| {
                    ui.label(RichText::new(tr.t(key)).strong());
                });
            }
        })
        .body(|body| {
            body.rows(tokens.row_height, rows.len(), |mut row| {
                let c = &changes[rows[row.index()]];
                row.col(|ui| {
                    ui.label(tr.date_time(c.at));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(crate::i18n::who_label(tr, c)).truncate());
                });
                row.col(|ui| {
                    ui.label(RichText::new(c.code.as_deref().unwrap_or("")).strong());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(field_label(tr, &c.field)).truncate());
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(value_label(tr, &c.field, c.old.as_deref())).truncate(),
                    );
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(value_label(tr, &c.field, c.new.as_deref())).truncate(),
                    );
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&c.comment).truncate());
                });
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(id: i64, day: u32, who: &str, code: &str, field: &str) -> Change {
        // The tests' measures: M01 is 1, M02 (later M02a) is 2, M021 is 21.
        let measure_id = match code {
            "M021" => Some(21),
            code => code.strip_prefix('M').and_then(|n| n.get(..2)?.parse().ok()),
        };
        Change {
            id,
            batch: id,
            at: NaiveDate::from_ymd_opt(2026, 11, day).unwrap().and_hms_opt(10, 0, 0).unwrap(),
            who: who.into(),
            code: Some(code.into()),
            measure_id,
            field: field.into(),
            old: None,
            new: None,
            comment: String::new(),
            imported: false,
        }
    }

    #[test]
    fn values_read_as_words_dates_and_money() {
        let tr = crate::i18n::I18n::new(crate::i18n::Lang::De);
        assert_eq!(field_label(&tr, "next_reevaluation"), "Nächste Prüfung");
        assert_eq!(field_label(&tr, "whatever"), "whatever");
        assert_eq!(value_label(&tr, "status", Some("in-progress")), "In Arbeit");
        assert_eq!(value_label(&tr, "due", Some("2026-02-28")), "28.02.2026");
        assert_eq!(value_label(&tr, "expense", Some("150000")), "1.500,00 €");
        assert_eq!(value_label(&tr, "progress", Some("45")), "45 %");
        assert_eq!(value_label(&tr, "title", Some("Titel")), "Titel");
        assert_eq!(value_label(&tr, "completed", None), "–");
        assert_eq!(
            value_label(&tr, "meeting-added", Some("2026-11-01 Gemeinderat")),
            "01.11.2026 Gemeinderat"
        );
        // An expense reads as what was booked or cancelled, never as "– → amount".
        let change = crate::i18n::change_text;
        assert_eq!(change(&tr, "expense", None, Some("123456")), "+1.234,56 € gebucht");
        assert_eq!(change(&tr, "expense", Some("5000"), None), "−50,00 € storniert");
        assert_eq!(change(&tr, "status", Some("planned"), Some("done")), "Geplant → Erledigt");
        // A record added or removed reads as what it is; a value cleared keeps its arrow.
        assert_eq!(
            change(&tr, "meeting-added", None, Some("2026-11-01 Gemeinderat")),
            "01.11.2026 Gemeinderat"
        );
        assert_eq!(change(&tr, "completed", Some("2026-03-01"), None), "01.03.2026 → –");
        assert_eq!(change(&tr, "reevaluation-confirmed", Some("Müller"), None), "Müller → –");
        let en = crate::i18n::I18n::new(crate::i18n::Lang::En);
        assert_eq!(change(&en, "expense", None, Some("123456")), "+€1,234.56 booked");
    }

    #[test]
    fn filters_by_measure_person_field_and_dates_newest_first() {
        let changes = vec![
            change(1, 1, "anna", "M01", "status"),
            change(2, 5, "bernd", "M02", "progress"),
            change(3, 9, "anna", "M02", "status"),
            // M02 renamed to M02a: still the same measure (id 2). M021 is another one.
            change(4, 10, "anna", "M02a", "code"),
            change(5, 10, "anna", "M021", "created"),
        ];
        let mut roadmap = Roadmap::default();
        for (id, code) in [(1, "M01"), (2, "M02a"), (21, "M021")] {
            let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            roadmap
                .measures
                .push(crate::model::Measure { id, ..crate::model::Measure::new(code, "t", d, d) });
        }
        let ids = |v: &HistoryView| {
            v.filtered(&changes, &roadmap).into_iter().map(|i| changes[i].id).collect::<Vec<_>>()
        };
        assert_eq!(ids(&HistoryView::default()), [5, 4, 3, 2, 1]);
        // The full code: that measure's history, under its earlier code too, not M021's.
        assert_eq!(
            ids(&HistoryView { measure: "m02a".into(), ..HistoryView::default() }),
            [4, 3, 2]
        );
        // A part of a code: every code containing it.
        assert_eq!(
            ids(&HistoryView { measure: "m02".into(), ..HistoryView::default() }),
            [5, 4, 3, 2]
        );
        assert_eq!(
            ids(&HistoryView { who: "ANNA".into(), ..HistoryView::default() }),
            [5, 4, 3, 1]
        );
        assert_eq!(ids(&HistoryView { field: "status".into(), ..HistoryView::default() }), [3, 1]);
        assert_eq!(
            ids(&HistoryView {
                from: "02.11.2026".into(),
                to: "2026-11-08".into(),
                ..HistoryView::default()
            }),
            [2]
        );
    }
}
