//! The tab "Bewertung": a catalogue's requirements in one assessment round, each with its
//! result mark, maturity, note and the measures that address it; filters; the fulfilment degree
//! per group as bars, against an earlier round if one is chosen; a result set in two clicks.

use egui::{Align, Color32, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::theme::paint_shape;
use super::widgets::{mark_label, muted};
use super::{ViewCtx, ViewState};
use crate::app::Command;
use crate::model::{AssessChange, AssessResult, Assessment, CatalogTally, Outcome, Roadmap};

/// What the tab shows: catalogue, round, comparison and filters, and its rows for them.
#[derive(Debug, Default)]
pub struct AssessView {
    /// The catalogue shown (default: the first the round covers).
    pub catalog: Option<String>,
    /// The round shown (default: the latest).
    pub round: Option<String>,
    /// An earlier round to compare with.
    pub compare: Option<String>,
    /// Only requirements with this result.
    pub result: Option<Outcome>,
    /// Only requirements of this group.
    pub group: Option<String>,
    /// Only requirements no measure addresses.
    pub without_measure: bool,
    /// Only requirements to assess again.
    pub to_reassess: bool,
    /// Only gaps: not fully met, and no active measure addresses them.
    pub gaps: bool,
    /// Only requirements whose id or title contains this.
    pub search: String,
    /// What the details' "link a requirement" field searches for.
    pub link_search: String,
    /// The overview's figures and the data generation they were made for.
    pub overview: Option<(u64, std::sync::Arc<Vec<OverviewLine>>)>,
    /// A catalogue read from a file, waiting for the user's yes.
    pub pending: Option<super::catalog_import::Pending>,
    /// The rows for the key they were made for.
    cache: Option<(Key, Table)>,
}

/// What the rows depend on.
type Key =
    (u64, String, String, Option<String>, Option<Outcome>, Option<String>, [bool; 3], String);

/// One requirement as the table shows it.
#[derive(Clone, Debug)]
struct Row {
    id: String,
    title: String,
    depth: usize,
    result: Outcome,
    before: Option<Outcome>,
    maturity: Option<u8>,
    note: String,
    carried_over: bool,
    measures: Vec<String>,
    reassess: bool,
}

/// The rows shown and the figures of the round (and the one compared with).
#[derive(Debug, Default)]
struct Table {
    rows: Vec<Row>,
    total: usize,
    tally: Option<CatalogTally>,
    before: Option<CatalogTally>,
}

fn build(a: &Assessment, roadmap: &Roadmap, key: &Key) -> Table {
    let (_, catalog, round, compare, result, group, [without, reassess, gaps], search) = key;
    let (Some(c), Some(r)) = (a.catalog(catalog), a.round(round)) else { return Table::default() };
    let earlier = compare.as_deref().and_then(|t| a.round(t));
    let tally = a.tallies(r).into_iter().find(|t| &t.name == catalog);
    let before = earlier.and_then(|e| a.tallies(e).into_iter().find(|t| &t.name == catalog));
    let index = a.index();
    let again: std::collections::HashSet<String> = a
        .to_reassess(roadmap, r)
        .into_iter()
        .filter(|t| &t.catalog == catalog)
        .map(|t| t.id)
        .collect();
    let needle = search.trim().to_lowercase();
    let gap_ids: std::collections::HashSet<String> =
        a.gaps(roadmap, r).into_iter().filter(|g| &g.catalog == catalog).map(|g| g.id).collect();
    let all = c.requirements();
    let rows = all
        .iter()
        .filter(|q| group.as_ref().is_none_or(|g| q.group.is_some_and(|x| &x.id == g)))
        .filter_map(|q| {
            let x = index.get(&(r.title.as_str(), catalog.as_str(), q.node.id.as_str()));
            let outcome = x.map_or(Outcome::Open, |x| x.result);
            let measures: Vec<String> =
                a.measures_of(catalog, &q.node.id).into_iter().map(str::to_owned).collect();
            let row = Row {
                id: q.node.id.clone(),
                title: q.node.title.clone(),
                depth: q.depth,
                result: outcome,
                before: earlier.map(|e| {
                    index
                        .get(&(e.title.as_str(), catalog.as_str(), q.node.id.as_str()))
                        .map_or(Outcome::Open, |x| x.result)
                }),
                maturity: x.and_then(|x| x.maturity),
                note: x.map(|x| x.note.clone()).unwrap_or_default(),
                carried_over: x.is_some_and(|x| x.carried_over),
                reassess: again.contains(&q.node.id),
                measures,
            };
            let shown = result.is_none_or(|o| o == row.result)
                && (!without || row.measures.is_empty())
                && (!reassess || row.reassess)
                && (!gaps || gap_ids.contains(&row.id))
                && (needle.is_empty()
                    || row.id.to_lowercase().contains(&needle)
                    || row.title.to_lowercase().contains(&needle));
            shown.then_some(row)
        })
        .collect();
    Table { rows, total: all.len(), tally, before }
}

/// The tab.
pub(super) fn assess_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, view: &mut ViewState, generation: u64) {
    let a = &ctx.roadmap.assessment;
    let tr = ctx.tr;
    super::catalog_import::preview_ui(ui, ctx, &mut view.assessment);
    let Some((_, latest)) = a.first_and_latest() else {
        ui.add_space(ctx.tokens.space_l);
        muted(ui, ctx.tokens, tr.t("assess-empty"));
        super::catalog_import::import_button(ui, ctx, &mut view.assessment);
        return;
    };
    let state = &mut view.assessment;
    let round = state
        .round
        .clone()
        .filter(|t| a.round(t).is_some())
        .unwrap_or_else(|| latest.title.clone());
    let Some(r) = a.round(&round) else { return };
    let catalog = state
        .catalog
        .clone()
        .filter(|c| r.catalogs.contains(c))
        .or_else(|| r.catalogs.first().cloned())
        .unwrap_or_default();
    choice_bar(ui, ctx, state, (&round, &catalog));
    filter_bar(ui, ctx, state, &catalog);
    ui.separator();
    let key: Key = (
        generation,
        catalog,
        round,
        // Only an earlier round is "before".
        state
            .compare
            .clone()
            .filter(|c| a.round(c).is_some_and(|e| e.title != r.title && e.date <= r.date)),
        state.result,
        state.group.clone(),
        [state.without_measure, state.to_reassess, state.gaps],
        state.search.clone(),
    );
    let table = match state.cache.take() {
        Some((k, t)) if k == key => t,
        _ => build(a, ctx.roadmap, &key),
    };
    let compare_title = key.3.clone();
    ui.horizontal_top(|ui| {
        let width = (ui.available_width() * 0.27).clamp(220.0, 420.0);
        ui.allocate_ui_with_layout(
            egui::vec2(width, ui.available_height()),
            egui::Layout::top_down(Align::Min),
            |ui| groups_ui(ui, ctx, &table, (&key.2, compare_title.as_deref())),
        );
        ui.separator();
        ui.vertical(|ui| rows_ui(ui, ctx, view_selected(view), &table, (&key.2, &key.1)));
    });
    view.assessment.cache = Some((key, table));
}

/// The selection slot the measure links write into.
fn view_selected(view: &mut ViewState) -> &mut Option<String> {
    &mut view.selected
}

/// Catalogue, round and the round to compare with.
fn choice_bar(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    state: &mut AssessView,
    (round, catalog): (&str, &str),
) {
    let (a, tr) = (&ctx.roadmap.assessment, ctx.tr);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr.t("hfield-round"));
        egui::ComboBox::from_id_salt("assess_round")
            .selected_text(round)
            .show_ui(ui, |ui| {
                for r in a.rounds_in_order() {
                    let label = format!("{} ({})", r.title, tr.date(r.date));
                    if ui.selectable_label(r.title == round, label).clicked() {
                        state.round = Some(r.title.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let label_catalog = ui.label(tr.t("col-catalog"));
        let covered = a.round(round).map(|r| r.catalogs.clone()).unwrap_or_default();
        egui::ComboBox::from_id_salt("assess_catalog")
            .selected_text(catalog)
            .show_ui(ui, |ui| {
                for c in &covered {
                    if ui.selectable_label(c == catalog, c).clicked() {
                        state.catalog = Some(c.clone());
                        state.group = None;
                    }
                }
            })
            .response
            .labelled_by(label_catalog.id);
        let label_compare = ui.label(tr.t("assess-compare"));
        let none = tr.t("assess-compare-none");
        let shown = state.compare.clone().unwrap_or_else(|| none.clone());
        egui::ComboBox::from_id_salt("assess_compare")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.compare, None, &none);
                // Only earlier rounds: "before" is before.
                let current = a.round(round).map(|r| r.date);
                for r in a
                    .rounds_in_order()
                    .into_iter()
                    .filter(|r| r.title != round && current.is_none_or(|d| r.date <= d))
                {
                    ui.selectable_value(&mut state.compare, Some(r.title.clone()), &r.title);
                }
            })
            .response
            .labelled_by(label_compare.id);
        ui.add_space(ctx.tokens.space_l);
        super::catalog_import::import_button(ui, ctx, state);
    });
}

/// Result, group, "without a measure", "to assess again" and the search.
fn filter_bar(ui: &mut Ui, ctx: &ViewCtx<'_>, state: &mut AssessView, catalog: &str) {
    let (a, tr) = (&ctx.roadmap.assessment, ctx.tr);
    ui.horizontal_wrapped(|ui| {
        let all = tr.t("filter-all");
        let word = |o: Outcome| tr.t(&format!("outcome-{}", o.as_str()));
        let shown = state.result.map_or_else(|| all.clone(), word);
        let label_result = ui.label(tr.t("col-result"));
        egui::ComboBox::from_id_salt("assess_result")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.result, None, &all);
                for o in Outcome::ALL {
                    ui.selectable_value(&mut state.result, Some(*o), word(*o));
                }
            })
            .response
            .labelled_by(label_result.id);
        let groups: Vec<(String, String)> = a
            .catalog(catalog)
            .map(|c| {
                c.groups()
                    .into_iter()
                    .filter(|(id, _)| !id.is_empty())
                    .map(|(i, t)| (i.to_owned(), t.to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let shown = state
            .group
            .as_ref()
            .and_then(|g| groups.iter().find(|(id, _)| id == g))
            .map_or_else(|| tr.t("assess-all-groups"), |(_, t)| t.clone());
        let label_group = ui.label(tr.t("col-group"));
        egui::ComboBox::from_id_salt("assess_group")
            .selected_text(shown)
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.group, None, tr.t("assess-all-groups"));
                for (id, title) in &groups {
                    ui.selectable_value(&mut state.group, Some(id.clone()), title);
                }
            })
            .response
            .labelled_by(label_group.id);
        ui.checkbox(&mut state.without_measure, tr.t("assess-without-measure"));
        ui.checkbox(&mut state.to_reassess, tr.t("assess-to-reassess"));
        ui.checkbox(&mut state.gaps, tr.t("assess-gaps-only"))
            .on_hover_text(tr.t("assess-gaps-hint"));
        // The search's label and field stay on one line.
        let search = tr.t("assess-search-label");
        super::widgets::keep_together(ui, super::widgets::text_width(ui, &search) + 190.0);
        let label = ui.label(search);
        ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text(tr.t("assess-search"))
                .desired_width(180.0),
        )
        .labelled_by(label.id);
    });
}

/// The degree per group as bars (with the round compared with, the earlier bar above).
fn groups_ui(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    table: &Table,
    (round, compare): (&str, Option<&str>),
) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    let Some(t) = &table.tally else { return };
    let percent = |d: Option<u8>| d.map_or_else(|| "–".to_owned(), |d| format!("{d} %"));
    let headline = match &table.before {
        Some(b) => {
            format!("{}: {} → {}", t.name, percent(b.tally.degree()), percent(t.tally.degree()))
        }
        None => format!("{}: {}", t.name, percent(t.tally.degree())),
    };
    ui.label(RichText::new(tr.t("assess-degree")).color(tokens.text_muted));
    ui.label(RichText::new(headline).strong().size(tokens.text_heading));
    // The legend of the bars: which round each colour is.
    ui.horizontal_wrapped(|ui| {
        if let Some(earlier) = compare {
            swatch(ui, tokens.text_muted);
            ui.label(earlier);
        }
        swatch(ui, tokens.progress_fill);
        ui.label(round);
    });
    muted(ui, tokens, tr.t("assess-rule"));
    ui.add_space(tokens.space_s);
    egui::ScrollArea::vertical().id_salt("assess_groups").auto_shrink([false, false]).show(
        ui,
        |ui| {
            for (i, g) in t.groups.iter().enumerate() {
                let title =
                    if g.id.is_empty() { tr.t("assess-ungrouped") } else { g.title.clone() };
                ui.label(RichText::new(title).strong());
                if let Some(b) = table.before.as_ref().and_then(|b| b.groups.get(i)) {
                    let earlier = compare.unwrap_or_default();
                    bar(ui, b.tally.degree(), (tokens.text_muted, tokens.text_strong), earlier);
                }
                bar(ui, g.tally.degree(), (tokens.progress_fill, tokens.text_strong), round);
                ui.add_space(tokens.space_xs);
            }
        },
    );
}

fn swatch(ui: &mut Ui, color: Color32) {
    let size = ui.text_style_height(&egui::TextStyle::Body) * 0.8;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size * 1.6, size), Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
}

/// One degree as a bar with its figure beside it.
fn bar(ui: &mut Ui, degree: Option<u8>, (fill, text): (Color32, Color32), round: &str) {
    ui.horizontal(|ui| {
        let height = ui.text_style_height(&egui::TextStyle::Body) * 0.7;
        let width = (ui.available_width() - 60.0).max(60.0);
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::hover());
        // Which round the bar is, in words for screen readers and on hovering.
        let said =
            format!("{round}: {}", degree.map_or_else(|| "–".to_owned(), |d| format!("{d} %")));
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &said));
        response.on_hover_text(&said);
        ui.painter().rect_stroke(
            rect,
            2.0,
            egui::Stroke::new(1.0, Color32::from_gray(0x90)),
            egui::StrokeKind::Inside,
        );
        let share = f32::from(degree.unwrap_or(0)) / 100.0;
        let filled =
            egui::Rect::from_min_size(rect.min, egui::vec2(rect.width() * share, rect.height()));
        ui.painter().rect_filled(filled, 2.0, fill);
        ui.label(
            RichText::new(degree.map_or_else(|| "–".to_owned(), |d| format!("{d} %"))).color(text),
        );
    });
}

/// The requirements: result (set in two clicks), id, title, maturity, measures, note.
fn rows_ui(
    ui: &mut Ui,
    ctx: &mut ViewCtx<'_>,
    selected: &mut Option<String>,
    table: &Table,
    (round, catalog): (&str, &str),
) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    ui.horizontal_wrapped(|ui| {
        muted(
            ui,
            tokens,
            tr.f("assess-count", &[("shown", &table.rows.len()), ("total", &table.total)]),
        );
        // The marks' legend.
        for o in Outcome::ALL {
            mark_label(
                ui,
                tokens,
                tokens.outcome_mark(tr, *o),
                &tr.t(&format!("outcome-{}", o.as_str())),
            );
        }
        ui.label(RichText::new(tr.t("assess-carried-legend")).italics().color(tokens.text_muted));
    });
    let compare = table.before.is_some();
    // Catalogues whose ids are their titles (ITIL's practices) need no id column.
    let ids = table.rows.iter().any(|r| r.id != r.title);
    let mut builder = TableBuilder::new(ui)
        .id_salt("assess_rows")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .auto_shrink([false, false]);
    if compare {
        builder = builder.column(Column::initial(140.0).at_least(60.0).clip(true));
    }
    builder = builder.column(Column::initial(175.0).at_least(120.0).clip(true));
    if ids {
        builder = builder.column(Column::initial(70.0).at_least(40.0).resizable(true).clip(true));
    }
    builder = builder
        .column(Column::remainder().at_least(150.0).clip(true))
        .column(Column::initial(75.0).at_least(40.0).clip(true))
        .column(Column::initial(140.0).at_least(60.0).resizable(true).clip(true))
        .column(Column::initial(140.0).at_least(60.0).clip(true));
    let mut commands = Vec::new();
    builder
        .header(tokens.row_height + 4.0, |mut header| {
            let mut keys = vec![
                "col-result",
                "hfield-id",
                "field-title",
                "col-maturity",
                "col-measures",
                "label-note",
            ];
            if compare {
                keys.insert(0, "assess-before");
            }
            if !ids {
                keys.retain(|k| *k != "hfield-id");
            }
            for k in keys {
                header.col(|ui| {
                    ui.strong(tr.t(k));
                });
            }
        })
        .body(|body| {
            body.rows(tokens.row_height, table.rows.len(), |mut row| {
                let Some(r) = table.rows.get(row.index()) else { return };
                if compare {
                    row.col(|ui| {
                        if let Some(b) = r.before {
                            mark_label(
                                ui,
                                tokens,
                                tokens.outcome_mark(tr, b),
                                &tr.t(&format!("outcome-{}", b.as_str())),
                            );
                        }
                    });
                }
                row.col(|ui| result_cell(ui, ctx, r, (round, catalog), &mut commands));
                if ids {
                    row.col(|ui| {
                        ui.label(&r.id);
                    });
                }
                row.col(|ui| {
                    ui.add_space(tokens.space_m * r.depth.saturating_sub(1) as f32);
                    // A cut title shows whole on hovering (egui's own tooltip).
                    ui.label(&r.title);
                    if r.reassess {
                        ui.label(RichText::new(tr.t("assess-reassess-tag")).color(tokens.warning));
                    }
                });
                row.col(|ui| {
                    ui.label(r.maturity.map(|m| m.to_string()).unwrap_or_default());
                });
                let cell = row.col(|ui| {
                    if r.measures.is_empty() {
                        muted(ui, tokens, tr.t("gap-no-measure"));
                    }
                    for code in &r.measures {
                        if ui.link(code).on_hover_text(tr.t("assess-open-measure")).clicked() {
                            *selected = Some(code.clone());
                        }
                    }
                });
                if r.measures.len() > 2 {
                    cell.1.on_hover_text(r.measures.join(", "));
                }
                row.col(|ui| {
                    ui.label(&r.note);
                });
            });
        });
    ctx.commands.extend(commands);
}

/// A result's mark and word; a click opens the five results, a second click sets one.
fn result_cell(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    r: &Row,
    (round, catalog): (&str, &str),
    commands: &mut Vec<Command>,
) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
    let (color, shape) = tokens.outcome_mark(tr, r.result);
    paint_shape(ui.painter(), rect, shape, color, Color32::from_gray(0x50));
    let mut word = RichText::new(tr.t(&format!("outcome-{}", r.result.as_str())));
    if r.carried_over {
        // Carried over from the round this one started from: in italics (the legend says so).
        word = word.italics();
    }
    if ctx.read_only {
        ui.label(word);
        return;
    }
    let menu = ui.menu_button(word, |ui| {
        for o in Outcome::ALL {
            let label = tr.t(&format!("outcome-{}", o.as_str()));
            let clicked = ui
                .horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
                    let (color, shape) = tokens.outcome_mark(tr, *o);
                    paint_shape(ui.painter(), rect, shape, color, Color32::from_gray(0x50));
                    ui.button(label).clicked()
                })
                .inner;
            if clicked {
                commands.push(Command::Assess(AssessChange::SetResult(AssessResult {
                    round: round.to_owned(),
                    catalog: catalog.to_owned(),
                    requirement: r.id.clone(),
                    result: *o,
                    maturity: r.maturity,
                    note: r.note.clone(),
                    carried_over: false,
                    assessed_on: ctx.today,
                })));
                ui.close();
            }
        }
    });
    if r.carried_over {
        menu.response.on_hover_text(tr.t("assess-carried-hint"));
    }
}

/// The overview's card: the fulfilment degree per catalogue, first against latest round
/// ("Erfüllungsgrad VdS 3473: 3 % → 59 %"), and the gaps no measure addresses; each leads to
/// the tab.
/// The overview's figures of one catalogue: its first and latest round, the degree in each,
/// and the gaps no measure addresses in the latest.
#[derive(Clone, Debug)]
pub struct OverviewLine {
    catalog: String,
    first: (String, chrono::NaiveDate, Option<u8>),
    latest: (String, chrono::NaiveDate, Option<u8>),
    unaddressed: usize,
}

/// The overview's figures, made once per data generation (with the overview's).
pub(super) fn overview_figures(roadmap: &Roadmap) -> Vec<OverviewLine> {
    let a = &roadmap.assessment;
    let gaps = a.latest_gaps(roadmap);
    a.catalogs
        .iter()
        .filter_map(|c| {
            let (first, latest) = a.first_and_latest_of(&c.name)?;
            Some(OverviewLine {
                catalog: c.name.clone(),
                first: (first.title.clone(), first.date, a.degree(first, &c.name)),
                latest: (latest.title.clone(), latest.date, a.degree(latest, &c.name)),
                unaddressed: gaps
                    .iter()
                    .filter(|g| g.catalog == c.name && g.measures.is_empty())
                    .count(),
            })
        })
        .collect()
}

/// The overview's card: the fulfilment degree per catalogue, first against latest round
/// ("Erfüllungsgrad VdS 3473: 3 % → 59 %"), and the gaps no measure addresses; each leads to
/// the tab.
pub(super) fn overview_card(ui: &mut Ui, ctx: &ViewCtx<'_>, view: &mut ViewState) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    let Some((_, lines)) = view.assessment.overview.clone() else { return };
    if lines.is_empty() {
        return;
    }
    let percent = |d: Option<u8>| d.map_or_else(|| "–".to_owned(), |d| format!("{d} %"));
    super::dashboard::card(ui, tokens, &tr.t("assess-overview"), |ui| {
        ui.horizontal_wrapped(|ui| {
            for l in lines.iter() {
                let degree = if l.first.0 == l.latest.0 {
                    percent(l.latest.2)
                } else {
                    format!("{} → {}", percent(l.first.2), percent(l.latest.2))
                };
                let text =
                    tr.f("assess-overview-degree", &[("catalog", &l.catalog), ("degree", &degree)]);
                let hint = tr.f(
                    "assess-overview-rounds",
                    &[("first", &tr.date(l.first.1)), ("latest", &tr.date(l.latest.1))],
                );
                let link =
                    ui.link(RichText::new(text).size(tokens.text_heading)).on_hover_text(hint);
                if link.clicked() {
                    view.assessment = AssessView {
                        round: Some(l.latest.0.clone()),
                        catalog: Some(l.catalog.clone()),
                        compare: (l.first.0 != l.latest.0).then(|| l.first.0.clone()),
                        ..AssessView::default()
                    };
                    view.show_tab = Some(super::Tab::Assessment);
                }
                ui.add_space(tokens.space_l);
            }
            // The gaps no measure addresses, in all and per catalogue (the tab shows one).
            let unaddressed: usize = lines.iter().map(|l| l.unaddressed).sum();
            let color = if unaddressed > 0 { tokens.warning } else { tokens.text_strong };
            let text = tr.f("assess-overview-gaps", &[("n", &unaddressed)]);
            let first_with = lines.iter().find(|l| l.unaddressed > 0);
            if ui.link(RichText::new(text).size(tokens.text_heading).color(color)).clicked()
                && let Some(l) = first_with
            {
                show_gaps(view, &l.latest.0, Some(l.catalog.clone()));
            }
            for l in lines.iter().filter(|l| l.unaddressed > 0) {
                let text = tr.f(
                    "assess-overview-gaps-of",
                    &[("catalog", &l.catalog), ("n", &l.unaddressed)],
                );
                if ui.link(text).clicked() {
                    show_gaps(view, &l.latest.0, Some(l.catalog.clone()));
                }
            }
        });
    });
}

/// The details' requirements of a measure: each with its result in the latest round (a click
/// shows it in the tab) and, for editors, unlinked with ×; a search field links more.
pub(super) fn measure_requirements_ui(
    ui: &mut Ui,
    ctx: &mut ViewCtx<'_>,
    view: &mut ViewState,
    m: &crate::model::Measure,
) {
    let (a, tr, tokens) = (&ctx.roadmap.assessment, ctx.tr, ctx.tokens);
    if a.catalogs.is_empty() {
        return;
    }
    let links = a.requirements_of(&m.code);
    ui.add_space(tokens.space_m);
    ui.label(
        RichText::new(tr.f("assess-requirements", &[("n", &links.len())]))
            .strong()
            .color(tokens.text_strong),
    );
    ui.add_space(tokens.space_xs);
    let mut commands = Vec::new();
    for l in &links {
        let title = a
            .catalog(&l.catalog)
            .and_then(|c| c.requirement(&l.requirement))
            .map_or("", |n| n.title.as_str());
        // The result in the latest round that covers the requirement's catalogue.
        let latest = a.first_and_latest_of(&l.catalog).map(|(_, r)| r);
        ui.horizontal_wrapped(|ui| {
            if let Some(r) = latest {
                let outcome = a
                    .result(&r.title, &l.catalog, &l.requirement)
                    .map_or(Outcome::Open, |x| x.result);
                let word = tr.t(&format!("outcome-{}", outcome.as_str()));
                let size = ui.text_style_height(&egui::TextStyle::Body);
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
                let (color, shape) = tokens.outcome_mark(tr, outcome);
                paint_shape(ui.painter(), rect, shape, color, Color32::from_gray(0x50));
                let said = tr.f("assess-result-in", &[("result", &word), ("round", &r.title)]);
                response.on_hover_text(&said).widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &said)
                });
            }
            let text = if title == l.requirement {
                format!("{} {}", l.catalog, title)
            } else {
                format!("{} {} {title}", l.catalog, l.requirement)
            };
            if ui.link(&text).clicked() {
                // The requirement alone, in the latest round of its catalogue.
                view.assessment = AssessView {
                    round: latest.map(|r| r.title.clone()),
                    catalog: Some(l.catalog.clone()),
                    search: l.requirement.clone(),
                    ..AssessView::default()
                };
                view.show_tab = Some(super::Tab::Assessment);
            }
            if !ctx.read_only {
                let unlink = tr.f("assess-unlink-named", &[("what", &text)]);
                let button = ui.small_button("×").on_hover_text(&unlink);
                button.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &unlink)
                });
                if button.clicked() {
                    commands.push(Command::Assess(AssessChange::Link((*l).clone(), false)));
                }
            }
        });
    }
    if !ctx.read_only {
        let label = ui.label(tr.t("assess-link-label"));
        ui.add(
            egui::TextEdit::singleline(&mut view.assessment.link_search)
                .hint_text(tr.t("assess-link-search"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let needle = view.assessment.link_search.trim().to_lowercase();
        if !needle.is_empty() {
            let mut shown = 0;
            'catalogs: for c in &a.catalogs {
                for q in c.requirements() {
                    let linked =
                        links.iter().any(|l| l.catalog == c.name && l.requirement == q.node.id);
                    if linked
                        || !(q.node.id.to_lowercase().contains(&needle)
                            || q.node.title.to_lowercase().contains(&needle))
                    {
                        continue;
                    }
                    let text = if q.node.title == q.node.id {
                        format!("+ {} {}", c.name, q.node.id)
                    } else {
                        format!("+ {} {} {}", c.name, q.node.id, q.node.title)
                    };
                    if ui.button(text).clicked() {
                        let link = crate::model::RequirementLink {
                            code: m.code.clone(),
                            catalog: c.name.clone(),
                            requirement: q.node.id.clone(),
                        };
                        commands.push(Command::Assess(AssessChange::Link(link, true)));
                        view.assessment.link_search.clear();
                    }
                    shown += 1;
                    if shown == 8 {
                        break 'catalogs;
                    }
                }
            }
            if shown == 0 {
                muted(ui, tokens, tr.t("assess-link-none"));
            }
        }
    }
    ctx.commands.extend(commands);
}

/// Opens the tab on the gaps no measure addresses in `catalog` of the round.
fn show_gaps(view: &mut ViewState, round: &str, catalog: Option<String>) {
    view.assessment = AssessView {
        round: Some(round.to_owned()),
        catalog,
        without_measure: true,
        gaps: true,
        ..AssessView::default()
    };
    view.show_tab = Some(super::Tab::Assessment);
}
