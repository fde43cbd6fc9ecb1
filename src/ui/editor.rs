//! The measure editor: every field, validated as the user types, saved as one command.

use chrono::NaiveDate;

use egui::{RichText, Ui};

use super::ViewCtx;
use super::widgets::muted;
use crate::app::Command;
use crate::i18n::{I18n, parse_date, parse_money};
use crate::model::{
    Framework, FrameworkRef, Horizon, Measure, Money, OwnerId, Status, ValidationError,
    validate_measure,
};

/// The text of the fields being edited; turned into a [`Measure`] on every frame to show
/// problems next to their fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The code when editing began; `None` for a new measure.
    pub original: Option<String>,
    /// The measure when editing began.
    pub base: Measure,
    code: String,
    title: String,
    description: String,
    horizon: Horizon,
    owner: Option<OwnerId>,
    stakeholders: String,
    status: Status,
    progress: u8,
    start: String,
    due: String,
    completed: String,
    interval: String,
    next_reevaluation: String,
    one_off: String,
    yearly: String,
    funding_source: String,
    funding_share: String,
    staff_planned: String,
    staff_spent: String,
    notes: String,
    depends_on: Vec<String>,
    frameworks: Vec<FrameworkRef>,
    new_framework: Framework,
    new_reference: String,
    new_owner: String,
    /// An owner created from the editor, selected once it exists.
    pending_owner: Option<String>,
}

fn money_text(tr: &I18n, money: Money) -> String {
    // Without the currency sign, so it can be edited and parsed back.
    tr.money(money).replace(['€', '\u{a0}'], "").trim().to_owned()
}

impl Draft {
    /// A draft of `m` (`original` is `None` for a measure not yet stored).
    pub fn new(m: &Measure, original: Option<String>, tr: &I18n) -> Self {
        let date = |d: chrono::NaiveDate| tr.input_date(d);
        Self {
            original,
            base: m.clone(),
            code: m.code.clone(),
            title: m.title.clone(),
            description: m.description.clone(),
            horizon: m.horizon,
            owner: m.owner,
            stakeholders: m.stakeholders.join(", "),
            status: m.status,
            progress: m.progress,
            start: date(m.start),
            due: date(m.due),
            completed: m.completed.map(date).unwrap_or_default(),
            interval: m.reevaluation_interval_months.map(|n| n.to_string()).unwrap_or_default(),
            next_reevaluation: m.next_reevaluation.map(date).unwrap_or_default(),
            one_off: money_text(tr, m.planned_one_off),
            yearly: money_text(tr, m.planned_yearly),
            funding_source: m.funding_source.clone(),
            funding_share: m.funding_share.to_string(),
            staff_planned: m.staff_days_planned.to_string(),
            staff_spent: m.staff_days_spent.to_string(),
            notes: m.notes.clone(),
            depends_on: m.depends_on.clone(),
            frameworks: m.frameworks.clone(),
            new_framework: Framework::Itil4,
            new_reference: String::new(),
            new_owner: String::new(),
            pending_owner: None,
        }
    }

    /// The measure as typed, or the problems per field (field key, message). The status and what
    /// follows from it (progress, completion date) take the one path every status change takes,
    /// [`Measure::with_status`], on `today`.
    pub fn parse(
        &self,
        tr: &I18n,
        today: NaiveDate,
    ) -> Result<Measure, Vec<(&'static str, String)>> {
        let mut errors = Vec::new();
        let mut date = |field: &'static str, text: &str, required: bool| {
            if text.trim().is_empty() {
                if required {
                    errors.push((field, tr.t("invalid-date-missing")));
                }
                return None;
            }
            let parsed = parse_date(text);
            if parsed.is_none() {
                errors.push((field, tr.f("invalid-date", &[("value", &text.trim())])));
            }
            parsed
        };
        let start = date("start", &self.start, true);
        let due = date("due", &self.due, true);
        let completed = date("completed", &self.completed, false);
        let next = date("next_reevaluation", &self.next_reevaluation, false);
        let mut money = |field: &'static str, text: &str| {
            if text.trim().is_empty() {
                return Some(Money::ZERO);
            }
            let parsed = parse_money(text, tr.lang());
            if parsed.is_none() {
                errors.push((field, tr.f("invalid-money", &[("value", &text.trim())])));
            }
            parsed
        };
        let one_off = money("one_off", &self.one_off);
        let yearly = money("yearly", &self.yearly);
        let counts = whole_numbers(
            tr,
            &mut errors,
            [
                ("funding_share", &self.funding_share, 100),
                ("staff_days_planned", &self.staff_planned, 100_000),
                ("staff_days_spent", &self.staff_spent, 100_000),
            ],
        );
        let interval = if self.interval.trim().is_empty() {
            None
        } else {
            match self.interval.trim().parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push((
                        "interval",
                        tr.f("invalid-interval", &[("value", &self.interval.trim())]),
                    ));
                    None
                }
            }
        };
        let (Some(start), Some(due), Some(one_off), Some(yearly)) = (start, due, one_off, yearly)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let typed = Measure {
            code: self.code.trim().to_owned(),
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            horizon: self.horizon,
            owner: self.owner,
            stakeholders: self
                .stakeholders
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            // The status as it was; the new one is applied below, with what follows from it.
            status: self.base.status,
            progress: self.progress,
            start,
            due,
            // A completion date typed for a done measure is kept; none means today.
            completed: if self.status == Status::Done { completed } else { None },
            frameworks: self.frameworks.clone(),
            depends_on: self.depends_on.clone(),
            reevaluation_interval_months: interval,
            next_reevaluation: next,
            planned_one_off: one_off,
            planned_yearly: yearly,
            funding_source: self.funding_source.trim().to_owned(),
            funding_share: u8::try_from(counts[0]).unwrap_or(100),
            staff_days_planned: counts[1],
            staff_days_spent: counts[2],
            notes: self.notes.trim().to_owned(),
            ..self.base.clone()
        };
        Ok(typed.with_status(self.status, today))
    }

    /// Whether anything differs from the measure when editing began.
    pub fn is_dirty(&self, tr: &I18n, today: NaiveDate) -> bool {
        self.parse(tr, today).map_or(true, |m| m != self.base)
            || !self.new_reference.trim().is_empty()
    }
}

/// Whole numbers typed into `fields` (field key, text, largest allowed; empty is 0), each
/// problem added to `errors`.
fn whole_numbers<const N: usize>(
    tr: &I18n,
    errors: &mut Vec<(&'static str, String)>,
    fields: [(&'static str, &String, u32); N],
) -> [u32; N] {
    fields.map(|(field, text, max)| {
        let text = text.trim().trim_end_matches('%').trim();
        if text.is_empty() {
            return 0;
        }
        text.parse::<u32>().ok().filter(|n| *n <= max).unwrap_or_else(|| {
            errors.push((field, tr.f("invalid-whole", &[("value", &text), ("max", &max)])));
            0
        })
    })
}

/// The field a validation problem belongs to.
const fn field_of(error: &ValidationError) -> &'static str {
    match error {
        ValidationError::EmptyCode | ValidationError::DuplicateCode(_) => "code",
        ValidationError::EmptyTitle => "title",
        ValidationError::DueBeforeStart { .. } => "due",
        ValidationError::ProgressOutOfRange(_) => "progress",
        ValidationError::UnknownOwner(_) => "owner",
        ValidationError::UnknownDependency(_) | ValidationError::DependencyCycle(_) => "depends_on",
        ValidationError::NegativeMoney
        | ValidationError::ZeroAmount
        | ValidationError::AmountTooLarge(_) => "one_off",
        ValidationError::IntervalOutOfRange(_) => "interval",
        ValidationError::FundingShareOutOfRange(_) => "funding_share",
        ValidationError::DateOutOfRange { field, .. } | ValidationError::TooLong { field, .. } => {
            field
        }
    }
}

/// What the editor asks for when the user is done.
pub enum EditorOutcome {
    /// Keep editing.
    Editing,
    /// Throw the draft away.
    Cancel,
}

/// The editor of `draft`; Save pushes one [`Command::SaveMeasure`]. Escape cancels.
pub fn editor_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, draft: &mut Draft) -> EditorOutcome {
    if let Some(name) = &draft.pending_owner
        && let Some(owner) = ctx.roadmap.owners.iter().find(|o| &o.name == name)
    {
        draft.owner = Some(owner.id);
        draft.pending_owner = None;
    }
    let parsed = draft.parse(ctx.tr, ctx.today);
    let mut problems: Vec<(&'static str, String)> = Vec::new();
    match &parsed {
        Ok(m) => {
            if let Err(e) = validate_measure(m, ctx.roadmap) {
                problems.push((field_of(&e), e.localize(ctx.tr)));
            }
        }
        Err(errors) => problems.clone_from(errors),
    }
    let dirty = draft.is_dirty(ctx.tr, ctx.today);
    header_ui(ui, ctx, draft, dirty);
    // Fields fill the panel beside the labels; a fixed width keeps the grid from growing.
    let fields = Fields {
        tr: ctx.tr,
        tokens: ctx.tokens,
        problems: &problems,
        width: (ui.available_width() - 190.0).max(140.0),
        today: ctx.today,
    };
    egui::Grid::new("editor")
        .num_columns(2)
        .spacing([ctx.tokens.space_m, ctx.tokens.space_s])
        .show(ui, |ui| fields_ui(ui, ctx, draft, &fields));
    texts_ui(ui, ctx, draft);
    relations_ui(ui, ctx, draft, &fields);
    let can_save = parsed.is_ok() && problems.is_empty() && (dirty || draft.original.is_none());
    buttons_ui(ui, ctx, draft, parsed.as_ref().ok().filter(|_| can_save))
}

/// The editor's title and whether it holds unsaved changes.
fn header_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, draft: &Draft, dirty: bool) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    let title = match &draft.original {
        Some(code) => tr.f("editor-title", &[("code", code)]),
        None => tr.t("editor-title-new"),
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).font(tokens.bold_font(tokens.text_heading)));
        if dirty {
            ui.label(RichText::new(tr.t("editor-unsaved")).color(tokens.warning).strong());
        }
    });
    ui.add_space(tokens.space_s);
}

/// What the fields of the editor's grid share: words, sizes, the problems per field.
struct Fields<'a> {
    tr: &'a I18n,
    tokens: &'a crate::ui::theme::Tokens,
    problems: &'a [(&'static str, String)],
    width: f32,
    /// Today, where a calendar opens for an empty date.
    today: chrono::NaiveDate,
}

impl Fields<'_> {
    /// The problem of `field`, if there is one, in the danger colour.
    fn problem_ui(&self, ui: &mut Ui, field: &str) {
        if let Some((_, message)) = self.problems.iter().find(|(f, _)| *f == field) {
            ui.label(RichText::new(message).color(self.tokens.danger));
        }
    }

    /// A labelled date field with a calendar beside it and its problem, as one grid row.
    fn date_ui(&self, ui: &mut Ui, key: &str, field: &str, value: &mut String) {
        let label = ui.label(self.tr.t(key));
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(value).desired_width(110.0))
                    .labelled_by(label.id);
                super::date_picker::date_picker_button(ui, self.tr, value, self.today, field);
            });
            self.problem_ui(ui, field);
        });
        ui.end_row();
    }

    /// A labelled one-line text field with its problem, as one grid row.
    fn text_ui(&self, ui: &mut Ui, key: &str, field: &str, value: &mut String) {
        let label = ui.label(self.tr.t(key));
        ui.vertical(|ui| {
            ui.set_max_width(self.width);
            ui.add(egui::TextEdit::singleline(value).desired_width(self.width))
                .labelled_by(label.id);
            self.problem_ui(ui, field);
        });
        ui.end_row();
    }
}

/// The grid of fields: code, title, horizon, owner, stakeholders, status, progress, dates,
/// interval, money.
fn fields_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, draft: &mut Draft, fields: &Fields<'_>) {
    let tr = ctx.tr;
    fields.text_ui(ui, "col-code", "code", &mut draft.code);
    fields.text_ui(ui, "field-title", "title", &mut draft.title);
    let label = ui.label(tr.t("col-horizon"));
    egui::ComboBox::from_id_salt("edit_horizon")
        .selected_text(tr.t(&format!("horizon-{}-long", draft.horizon)))
        .show_ui(ui, |ui| {
            for h in Horizon::ALL {
                ui.selectable_value(&mut draft.horizon, *h, tr.t(&format!("horizon-{h}-long")));
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    owner_row_ui(ui, ctx, draft, fields);
    fields.text_ui(ui, "field-stakeholders", "stakeholders", &mut draft.stakeholders);
    let label = ui.label(tr.t("col-status"));
    egui::ComboBox::from_id_salt("edit_status")
        .selected_text(tr.t(&format!("status-{}", draft.status)))
        .show_ui(ui, |ui| {
            for s in Status::ALL {
                ui.selectable_value(&mut draft.status, *s, tr.t(&format!("status-{s}")));
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label(tr.t("col-progress"));
    ui.add(egui::Slider::new(&mut draft.progress, 0..=100).suffix(" %")).labelled_by(label.id);
    ui.end_row();
    fields.date_ui(ui, "field-start", "start", &mut draft.start);
    fields.date_ui(ui, "col-due", "due", &mut draft.due);
    if draft.status == Status::Done {
        fields.date_ui(ui, "field-completed", "completed", &mut draft.completed);
    }
    fields.text_ui(ui, "field-interval-months", "interval", &mut draft.interval);
    fields.date_ui(ui, "col-next-reevaluation", "next_reevaluation", &mut draft.next_reevaluation);
    fields.text_ui(ui, "field-one-off", "one_off", &mut draft.one_off);
    fields.text_ui(ui, "field-yearly", "yearly", &mut draft.yearly);
    fields.text_ui(ui, "field-funding-source", "funding_source", &mut draft.funding_source);
    fields.text_ui(ui, "field-funding-share", "funding_share", &mut draft.funding_share);
    fields.text_ui(ui, "field-staff-planned", "staff_days_planned", &mut draft.staff_planned);
    fields.text_ui(ui, "field-staff-spent", "staff_days_spent", &mut draft.staff_spent);
}

/// The owner: chosen from the list, or created on the spot (selected once it exists).
fn owner_row_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, draft: &mut Draft, fields: &Fields<'_>) {
    let tr = ctx.tr;
    let label = ui.label(tr.t("col-owner"));
    let owner_name = draft
        .owner
        .and_then(|id| ctx.roadmap.owner(id))
        .map_or_else(|| tr.t("no-owner"), |o| o.name.clone());
    ui.vertical(|ui| {
        // A long name ("Informationssicherheitsbeauftragter") breaks between syllables.
        let width = ui.available_width().max(120.0);
        let text_room = width - ui.spacing().icon_width - 4.0 * ui.spacing().button_padding.x;
        let size = egui::TextStyle::Button.resolve(ui.style()).size;
        let shown = crate::layout::wrap::hyphenated(
            &owner_name,
            tr.lang(),
            (crate::layout::fonts::Face::Regular, size),
            text_room.max(40.0),
        );
        egui::ComboBox::from_id_salt("edit_owner")
            .selected_text(shown)
            .width(width)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.owner, None, tr.t("no-owner"));
                for o in &ctx.roadmap.owners {
                    ui.selectable_value(&mut draft.owner, Some(o.id), &o.name);
                }
            })
            .response
            .labelled_by(label.id);
        fields.problem_ui(ui, "owner");
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("owners-new"));
            ui.add(egui::TextEdit::singleline(&mut draft.new_owner).desired_width(110.0))
                .labelled_by(label.id);
            let name = draft.new_owner.trim().to_owned();
            if ui.add_enabled(!name.is_empty(), egui::Button::new(tr.t("action-create"))).clicked()
            {
                ctx.commands.push(Command::AddOwner {
                    name: name.clone(),
                    kind: crate::model::OwnerKind::Role,
                    contact: None,
                });
                draft.pending_owner = Some(name);
                draft.new_owner.clear();
            }
        });
    });
    ui.end_row();
}

/// Description and notes, as wide as the panel.
fn texts_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, draft: &mut Draft) {
    let tr = ctx.tr;
    ui.add_space(ctx.tokens.space_s);
    let label = ui.label(tr.t("field-description"));
    ui.add(
        egui::TextEdit::multiline(&mut draft.description)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    let label = ui.label(tr.t("field-notes"));
    ui.add(
        egui::TextEdit::multiline(&mut draft.notes).desired_rows(2).desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}

/// Dependencies (with their problem) and framework references.
fn relations_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, draft: &mut Draft, fields: &Fields<'_>) {
    let tr = ctx.tr;
    ui.add_space(ctx.tokens.space_s);
    egui::CollapsingHeader::new(tr.f("field-depends-on-count", &[("n", &draft.depends_on.len())]))
        .id_salt("edit_deps")
        .show(ui, |ui| {
            for other in ctx.roadmap.measures.iter().filter(|m| m.code != draft.code) {
                let mut on = draft.depends_on.contains(&other.code);
                if ui.checkbox(&mut on, format!("{}  {}", other.code, other.title)).changed() {
                    if on {
                        draft.depends_on.push(other.code.clone());
                        draft.depends_on.sort();
                    } else {
                        draft.depends_on.retain(|c| c != &other.code);
                    }
                }
            }
        });
    fields.problem_ui(ui, "depends_on");
    egui::CollapsingHeader::new(tr.f("field-frameworks-count", &[("n", &draft.frameworks.len())]))
        .id_salt("edit_frameworks")
        .show(ui, |ui| frameworks_ui(ui, ctx, draft));
}

/// Save (enabled with a measure that may be saved) and cancel; Escape cancels too.
fn buttons_ui(
    ui: &mut Ui,
    ctx: &mut ViewCtx<'_>,
    draft: &Draft,
    savable: Option<&Measure>,
) -> EditorOutcome {
    let tr = ctx.tr;
    ui.add_space(ctx.tokens.space_m);
    let mut outcome = EditorOutcome::Editing;
    ui.horizontal(|ui| {
        if ui.add_enabled(savable.is_some(), egui::Button::new(tr.t("action-save"))).clicked()
            && let Some(measure) = savable
        {
            ctx.commands.push(Command::SaveMeasure {
                original: draft.original.clone(),
                expected_version: draft.base.version,
                measure: Box::new(measure.clone()),
            });
        }
        if ui.button(tr.t("action-cancel")).clicked() {
            outcome = EditorOutcome::Cancel;
        }
    });
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) && !egui::Popup::is_any_open(ui.ctx()) {
        outcome = EditorOutcome::Cancel;
    }
    outcome
}

fn frameworks_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, draft: &mut Draft) {
    let tr = ctx.tr;
    let mut remove = None;
    for (i, r) in draft.frameworks.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if ui.small_button("×").on_hover_text(tr.t("action-remove")).clicked() {
                remove = Some(i);
            }
            muted(ui, ctx.tokens, tr.t(&format!("framework-{}", r.framework)));
            ui.label(&r.reference);
        });
    }
    if let Some(i) = remove {
        draft.frameworks.remove(i);
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr.t("label-add-reference"));
        egui::ComboBox::from_id_salt("catalogue")
            .selected_text(tr.t("label-from-catalogue"))
            .width(220.0)
            .show_ui(ui, |ui| {
                for entry in crate::app::catalogue() {
                    let text = format!(
                        "{}: {}",
                        tr.t(&format!("framework-{}", entry.framework)),
                        entry.reference
                    );
                    if ui.selectable_label(false, text).clicked()
                        && !draft.frameworks.contains(entry)
                    {
                        draft.frameworks.push(entry.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr.t("label-free-reference"));
        egui::ComboBox::from_id_salt("new_framework")
            .selected_text(tr.t(&format!("framework-{}", draft.new_framework)))
            .show_ui(ui, |ui| {
                for f in Framework::ALL {
                    ui.selectable_value(
                        &mut draft.new_framework,
                        *f,
                        tr.t(&format!("framework-{f}")),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        ui.add(egui::TextEdit::singleline(&mut draft.new_reference).desired_width(160.0))
            .labelled_by(label.id);
        let text = draft.new_reference.trim().replace('\n', " ");
        if ui.add_enabled(!text.is_empty(), egui::Button::new(tr.t("action-add"))).clicked() {
            draft.frameworks.push(FrameworkRef { framework: draft.new_framework, reference: text });
            draft.new_reference.clear();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn measure() -> Measure {
        let mut m = Measure::new("M01", "Titel", d(2026, 1, 1), d(2026, 12, 31));
        m.planned_one_off = Money(1_250_000);
        m
    }

    #[test]
    fn an_untouched_draft_gives_back_the_measure() {
        let tr = I18n::new(Lang::De);
        let draft = Draft::new(&measure(), Some("M01".into()), &tr);
        assert_eq!(draft.start, "01.01.2026");
        assert_eq!(draft.one_off, "12.500,00");
        assert_eq!(draft.parse(&tr, d(2026, 11, 30)), Ok(measure()));
        assert!(!draft.is_dirty(&tr, d(2026, 11, 30)));
    }

    #[test]
    fn funding_and_staff_days_are_typed_and_checked_per_field() {
        let tr = I18n::new(Lang::De);
        let mut draft = Draft::new(&measure(), Some("M01".into()), &tr);
        draft.funding_source = " Land BW ".into();
        draft.funding_share = "40 %".into();
        draft.staff_planned = "30".into();
        draft.staff_spent = String::new();
        let m = draft.parse(&tr, d(2026, 11, 30)).unwrap();
        assert_eq!(m.funding_source, "Land BW");
        assert_eq!((m.funding_share, m.staff_days_planned, m.staff_days_spent), (40, 30, 0));
        assert_eq!(m.funding(), Money(500_000));
        draft.funding_share = "140".into();
        draft.staff_spent = "viele".into();
        let errors = draft.parse(&tr, d(2026, 11, 30)).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["funding_share", "staff_days_spent"]);
        assert!(errors[0].1.contains("0 bis 100"), "{}", errors[0].1);
    }

    #[test]
    fn bad_dates_and_money_are_named_per_field() {
        let tr = I18n::new(Lang::De);
        let mut draft = Draft::new(&measure(), None, &tr);
        draft.due = "31.02.2026".into();
        draft.one_off = "zwölf".into();
        let errors = draft.parse(&tr, d(2026, 11, 30)).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["due", "one_off"]);
        assert!(errors[0].1.contains("31.02.2026"));
        draft.due = "2026-12-31".into();
        draft.one_off = "12.500 €".into();
        assert_eq!(draft.parse(&tr, d(2026, 11, 30)).unwrap().planned_one_off, Money(1_250_000));
    }

    #[test]
    fn done_in_the_editor_is_done_as_everywhere_else() {
        let tr = I18n::new(Lang::De);
        let today = d(2026, 11, 30);
        let mut base = measure();
        base.status = Status::InProgress;
        base.progress = 40;
        let mut draft = Draft::new(&base, Some("M01".into()), &tr);
        draft.status = Status::Done;
        let saved = draft.parse(&tr, today).unwrap();
        // The same as the status control and the command line: today and 100 %, not the due date.
        assert_eq!(saved, base.with_status(Status::Done, today));
        assert_eq!((saved.completed, saved.progress), (Some(today), 100));
        // A completion date typed by hand is kept.
        draft.completed = "15.11.2026".into();
        assert_eq!(draft.parse(&tr, today).unwrap().completed, Some(d(2026, 11, 15)));
        // Reopening clears the completion date and leaves 99 %, as the status control does.
        let done = base.with_status(Status::Done, today);
        let mut draft = Draft::new(&done, Some("M01".into()), &tr);
        draft.status = Status::InProgress;
        assert_eq!(draft.parse(&tr, today).unwrap(), done.with_status(Status::InProgress, today));
    }

    #[test]
    fn the_catalogue_has_itil_vds_and_bsi_entries() {
        let c = crate::app::catalogue();
        assert!(c.iter().any(|r| r.framework == Framework::Itil4 && r.reference == "Service desk"));
        assert!(
            c.iter().any(|r| r.framework == Framework::Vds3473
                && r.reference == "Kap. 4.1 Verantwortlichkeiten")
        );
        assert!(
            c.iter().any(|r| r.framework == Framework::Bsi && r.reference.starts_with("CON.3"))
        );
        assert_eq!(c.iter().filter(|r| r.framework == Framework::Itil4).count(), 34);
    }
}
