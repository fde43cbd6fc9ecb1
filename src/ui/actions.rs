//! Quick actions on the selected measure: progress, booking an expense, recording a
//! re-evaluation. Each is one command and one history entry.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::app::Command;
use crate::i18n::{parse_date, parse_money};
use crate::model::{Measure, Verdict, next_reevaluation};

/// What the user is typing into the quick-action forms of one measure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Forms {
    /// The measure the forms belong to.
    pub code: String,
    /// The progress on the slider.
    pub progress: u8,
    /// Expense: date as typed.
    pub expense_date: String,
    /// Expense: amount as typed.
    pub expense_amount: String,
    /// Expense: note.
    pub expense_note: String,
    /// Re-evaluation: date as typed.
    pub reeval_date: String,
    /// Re-evaluation: the verdict.
    pub reeval_verdict: Option<Verdict>,
    /// Re-evaluation: findings.
    pub reeval_note: String,
    /// Re-evaluation: the next date, if the user overrides it.
    pub reeval_next: String,
    /// The day the default dates were filled in (today when the forms were made).
    pub filled_on: Option<chrono::NaiveDate>,
    /// Evidence: the link as typed.
    pub evidence_link: String,
    /// Evidence: the note for the next file or link.
    pub evidence_note: String,
    /// Evidence: how many pieces the measure had when one was added from the form; the typed
    /// link and note are cleared once there are more (kept when the store refused it).
    pub evidence_pending: Option<usize>,
    /// Evidence to erase for good, asked about with its reason.
    pub purge: Option<PurgeDraft>,
}

/// Evidence the user wants erased for good: which, and why (kept in the history).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PurgeDraft {
    /// The measure's code.
    pub code: String,
    /// The evidence.
    pub id: i64,
    /// Its name, as asked about.
    pub name: String,
    /// Why, as typed.
    pub reason: String,
}

impl Forms {
    /// Fresh forms for `m`.
    pub fn for_measure(m: &Measure, ctx: &ViewCtx<'_>) -> Self {
        let today = ctx.tr.input_date(ctx.today);
        Self {
            code: m.code.clone(),
            progress: m.progress,
            expense_date: today.clone(),
            reeval_date: today,
            filled_on: Some(ctx.today),
            ..Self::default()
        }
    }

    /// After midnight, default dates the user did not change move on to the new today.
    fn follow_today(&mut self, ctx: &ViewCtx<'_>) {
        let Some(filled_on) = self.filled_on.filter(|d| *d != ctx.today) else { return };
        let (old, new) = (ctx.tr.input_date(filled_on), ctx.tr.input_date(ctx.today));
        for field in [&mut self.expense_date, &mut self.reeval_date] {
            if *field == old {
                field.clone_from(&new);
            }
        }
        self.filled_on = Some(ctx.today);
    }
}

/// A message in the danger colour, if there is one.
fn error(ui: &mut Ui, ctx: &ViewCtx<'_>, message: Option<String>) {
    if let Some(message) = message {
        ui.label(RichText::new(message).color(ctx.tokens.danger));
    }
}

/// A labelled date field of a form grid with its message; `optional` fields may stay empty.
fn date_row(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    key: &str,
    text: &mut String,
    optional: bool,
    hint: &str,
) {
    let tr = ctx.tr;
    let label = ui.label(tr.t(key));
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(120.0))
                .labelled_by(label.id);
            super::date_picker::date_picker_button(ui, tr, text, ctx.today, key);
        });
        let empty_ok = optional && text.trim().is_empty();
        let bad = !empty_ok && parse_date(text).is_none();
        error(ui, ctx, bad.then(|| tr.f("invalid-date", &[("value", &text.trim())])));
    });
    ui.end_row();
}

/// The progress slider, and the expense and re-evaluation forms.
pub fn actions_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, forms: &mut Forms, m: &Measure) {
    if forms.code != m.code {
        *forms = Forms::for_measure(m, ctx);
    }
    forms.follow_today(ctx);
    progress_ui(ui, ctx, forms, m);
    ui.add_space(ctx.tokens.space_s);
    expense_ui(ui, ctx, forms, m);
    reevaluation_ui(ui, ctx, forms, m);
}

/// The progress slider with its apply button.
fn progress_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, forms: &mut Forms, m: &Measure) {
    let tr = ctx.tr;
    ui.horizontal(|ui| {
        let label = ui.label(tr.t("col-progress"));
        ui.add(egui::Slider::new(&mut forms.progress, 0..=100).suffix(" %")).labelled_by(label.id);
        if ui
            .add_enabled(forms.progress != m.progress, egui::Button::new(tr.t("action-apply")))
            .clicked()
        {
            ctx.commands.push(Command::SetProgress {
                code: m.code.clone(),
                progress: forms.progress,
                expected_version: m.version,
            });
        }
    });
}

/// The collapsible form that books an expense.
fn expense_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, forms: &mut Forms, m: &Measure) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    egui::CollapsingHeader::new(tr.t("section-book-expense")).id_salt("book_expense").show(
        ui,
        |ui| {
            let date = parse_date(&forms.expense_date);
            let amount = parse_money(&forms.expense_amount, tr.lang()).filter(|a| a.cents() != 0);
            egui::Grid::new("expense_form")
                .num_columns(2)
                .spacing([tokens.space_m, tokens.space_s])
                .show(ui, |ui| {
                    date_row(ui, ctx, "label-date", &mut forms.expense_date, false, "");
                    let label = ui.label(tr.t("label-amount"));
                    ui.vertical(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut forms.expense_amount)
                                .hint_text("1.234,56")
                                .desired_width(120.0),
                        )
                        .labelled_by(label.id);
                        let typed = !forms.expense_amount.trim().is_empty();
                        error(
                            ui,
                            ctx,
                            (typed && amount.is_none()).then(|| {
                                tr.f("invalid-money", &[("value", &forms.expense_amount.trim())])
                            }),
                        );
                    });
                    ui.end_row();
                    let label = ui.label(tr.t("label-note"));
                    ui.add(
                        egui::TextEdit::singleline(&mut forms.expense_note).desired_width(200.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            if ui
                .add_enabled(
                    date.is_some() && amount.is_some(),
                    egui::Button::new(tr.t("action-book")),
                )
                .clicked()
                && let (Some(date), Some(amount)) = (date, amount)
            {
                ctx.commands.push(Command::AddExpense {
                    code: m.code.clone(),
                    date,
                    amount,
                    note: forms.expense_note.trim().to_owned(),
                });
                forms.expense_amount.clear();
                forms.expense_note.clear();
            }
        },
    );
}

/// The collapsible form that records a re-evaluation.
fn reevaluation_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, forms: &mut Forms, m: &Measure) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    egui::CollapsingHeader::new(tr.t("section-record-reevaluation"))
        .id_salt("record_reevaluation")
        .show(ui, |ui| {
            let date = parse_date(&forms.reeval_date);
            let next_typed = !forms.reeval_next.trim().is_empty();
            let next = parse_date(&forms.reeval_next);
            egui::Grid::new("reeval_form")
                .num_columns(2)
                .spacing([tokens.space_m, tokens.space_s])
                .show(ui, |ui| reevaluation_grid(ui, ctx, forms, m, date));
            let ready =
                date.is_some() && forms.reeval_verdict.is_some() && (!next_typed || next.is_some());
            if ui.add_enabled(ready, egui::Button::new(tr.t("action-record"))).clicked()
                && let (Some(date), Some(verdict)) = (date, forms.reeval_verdict)
            {
                ctx.commands.push(Command::Reevaluate {
                    code: m.code.clone(),
                    date,
                    verdict,
                    note: forms.reeval_note.trim().to_owned(),
                    by: ctx.who.to_owned(),
                    next,
                });
                forms.reeval_note.clear();
                forms.reeval_next.clear();
                forms.reeval_verdict = None;
            }
        });
}

/// The fields of the re-evaluation form: date, verdict, findings and the next date (its hint is
/// the date the verdict gives).
fn reevaluation_grid(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    forms: &mut Forms,
    m: &Measure,
    date: Option<chrono::NaiveDate>,
) {
    let tr = ctx.tr;
    date_row(ui, ctx, "label-date", &mut forms.reeval_date, false, "");
    let label = ui.label(tr.t("label-verdict"));
    let selected = forms
        .reeval_verdict
        .map_or_else(|| tr.t("label-choose"), |v| tr.t(&format!("verdict-{v}")));
    egui::ComboBox::from_id_salt("verdict")
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for v in Verdict::ALL {
                ui.selectable_value(
                    &mut forms.reeval_verdict,
                    Some(*v),
                    tr.t(&format!("verdict-{v}")),
                );
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label(tr.t("label-note"));
    ui.add(egui::TextEdit::singleline(&mut forms.reeval_note).desired_width(200.0))
        .labelled_by(label.id);
    ui.end_row();
    let computed = match (date, forms.reeval_verdict) {
        (Some(d), Some(v)) => {
            tr.input_date(next_reevaluation(d, v, m.reevaluation_interval_months.unwrap_or(12)))
        }
        _ => String::new(),
    };
    date_row(ui, ctx, "col-next-reevaluation", &mut forms.reeval_next, true, &computed);
}
