//! "Alle Fahrpläne": one row per town of a server (every roadmap the login may see) or of a
//! folder of roadmap files, sortable, with overdue and unconfirmed marked as everywhere else;
//! a click opens that town's roadmap. Read in the background; read again by itself when a town
//! changes (the server's notifications, the folder's files).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Datelike as _;
use egui::{Align, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::table::cells::text_cell;
use super::theme::{Shape, Tokens, paint_shape};
use crate::app::Command;
use crate::app::overview::{Overview, Source, Town};
use crate::app::storage::{StoreError, Watch};
use crate::i18n::I18n;
use crate::model::{Health, TownFigures};

/// A column, by which the rows can also be sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// The town's name.
    #[default]
    Town,
    /// The role of whoever looks.
    Role,
    /// Measures done (share of all).
    Done,
    /// Overdue measures.
    Overdue,
    /// Re-evaluations overdue.
    ReevaluationsOverdue,
    /// Re-evaluations due within 30 days.
    ReevaluationsDue,
    /// Unconfirmed verdicts.
    Unconfirmed,
    /// Planned to date.
    Planned,
    /// Spent.
    Spent,
    /// Latest fulfilment degree (the lowest of the catalogues).
    Degree,
    /// Latest council meeting.
    Meeting,
    /// Latest change.
    Changed,
}

/// The columns: what sorts them, the title's key, the initial width.
/// (At 1024 points the money's pair, planned and spent to date, is on the screen; what follows
/// scrolls.)
const COLUMNS: [(SortBy, &str, f32); 12] = [
    (SortBy::Town, "overview-col-town", 170.0),
    (SortBy::Done, "overview-col-done", 75.0),
    (SortBy::Overdue, "overview-col-overdue", 90.0),
    (SortBy::Planned, "dashboard-planned-to-date", 130.0),
    (SortBy::Spent, "field-spent", 105.0),
    (SortBy::ReevaluationsOverdue, "overview-col-reeval-overdue", 150.0),
    (SortBy::ReevaluationsDue, "overview-col-reeval-due", 150.0),
    (SortBy::Unconfirmed, "overview-col-unconfirmed", 105.0),
    (SortBy::Degree, "overview-col-degree", 280.0),
    (SortBy::Meeting, "overview-col-meeting-baseline", 240.0),
    (SortBy::Changed, "overview-col-changed", 150.0),
    (SortBy::Role, "overview-col-role", 100.0),
];

/// What was read, or why not.
type Read = Result<Overview, Arc<StoreError>>;

/// The overview's state in the window.
#[derive(Debug, Default)]
pub struct OverviewPane {
    /// Where the roadmaps are (none: no overview opened yet).
    source: Option<Source>,
    /// Whether the overview is shown (instead of the opened roadmap).
    pub shown: bool,
    /// What was read last.
    data: Option<Read>,
    /// A read under way.
    loading: Option<std::sync::mpsc::Receiver<Read>>,
    /// Tells of writes to any of the roadmaps.
    watch: Option<Watch>,
    /// Set by the watcher: read again.
    changed: Arc<AtomicBool>,
    /// Sort column and whether descending.
    sort: (SortBy, bool),
    /// The rows in display order (indices into the towns), for `order_for`.
    order: Vec<usize>,
    /// What `order` was made for: reads so far and the sort.
    order_for: Option<(u64, SortBy, bool)>,
    /// Reads so far.
    reads: u64,
    /// The channels the watch listens on.
    watch_for: Option<Vec<String>>,
    /// Whether to read anew when shown (it was hidden meanwhile, unwatched).
    stale: bool,
    /// Why the latest read failed, while the towns of the one before are still shown.
    failed: Option<Arc<StoreError>>,
    /// What became of the latest report written: where, or why not.
    report: Option<Result<String, String>>,
    /// Each town's words (label, cells, what a screen reader hears), for the read and the
    /// language they were made for: made once, not on every frame.
    words: (Option<(u64, crate::i18n::Lang)>, Vec<RowWords>),
}

/// A row's words: the label, the cells with their marks, and the whole row for a screen reader.
#[derive(Debug)]
struct RowWords {
    label: String,
    cells: Vec<(String, Option<usize>)>,
    summary: String,
}

impl OverviewPane {
    /// Shows the overview of `source`, read anew.
    pub fn open(&mut self, source: Source, ctx: &egui::Context, now: chrono::NaiveDateTime) {
        if self.source.as_ref() != Some(&source) {
            self.data = None;
            self.watch = None;
            self.watch_for = None;
            self.failed = None;
        }
        self.source = Some(source);
        self.shown = true;
        self.read(ctx, now);
    }

    /// Whether an overview was opened (the way back to it is offered).
    pub const fn has_source(&self) -> bool {
        self.source.is_some()
    }

    /// Whether the towns are watched for changes (never while the overview is hidden).
    pub const fn is_watching(&self) -> bool {
        self.watch.is_some()
    }

    /// Whether a read is under way.
    pub const fn is_reading(&self) -> bool {
        self.loading.is_some()
    }

    /// What was read last.
    pub fn overview(&self) -> Option<&Overview> {
        self.data.as_ref().and_then(|d| d.as_ref().ok())
    }

    /// Starts reading in the background.
    fn read(&mut self, ctx: &egui::Context, now: chrono::NaiveDateTime) {
        let Some(source) = self.source.clone() else { return };
        let (send, receive) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let started =
            std::thread::Builder::new().name("fahrplan-overview".into()).spawn(move || {
                let _ = send.send(crate::app::overview::load(&source, now).map_err(Arc::new));
                ctx.request_repaint();
            });
        if started.is_ok() {
            self.loading = Some(receive);
        }
    }

    /// Takes a finished read, starts watching, and reads again after a change.
    pub fn poll(&mut self, ctx: &egui::Context, now: chrono::NaiveDateTime) {
        if let Some(receive) = &self.loading {
            match receive.try_recv() {
                Ok(read) => {
                    self.loading = None;
                    self.reads += 1;
                    self.took(read, ctx);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.loading = None,
            }
        }
        // Hidden: nobody looks, nothing is listened to or read; shown again, read anew.
        if !self.shown {
            if self.watch.take().is_some() {
                self.watch_for = None;
                self.stale = true;
            }
            return;
        }
        // (A notice that comes while a read runs waits for it: that read may have missed it.)
        if self.loading.is_none() && (self.changed.swap(false, Ordering::SeqCst) || self.stale) {
            self.stale = false;
            self.read(ctx, now);
        }
    }

    /// Keeps what a read found: the towns, and a watch on them (made anew when the towns'
    /// channels changed: one granted later is heard too); a failed read keeps the towns shown
    /// before and says why beside them.
    fn took(&mut self, read: Read, ctx: &egui::Context) {
        match read {
            Ok(overview) => {
                let channels = overview.channels().to_vec();
                if self.shown
                    && (self.watch.is_none() || self.watch_for.as_ref() != Some(&channels))
                {
                    let (changed, ctx) = (self.changed.clone(), ctx.clone());
                    self.watch = crate::app::overview::watch(&overview, move || {
                        changed.store(true, Ordering::SeqCst);
                        ctx.request_repaint();
                    });
                    self.watch_for = Some(channels);
                } else if !self.shown && self.watch.is_none() {
                    // Read while hidden, unwatched: read anew when shown.
                    self.stale = true;
                }
                self.failed = None;
                self.data = Some(Ok(overview));
            }
            Err(e) if matches!(self.data, Some(Ok(_))) => self.failed = Some(e),
            Err(e) => self.data = Some(Err(e)),
        }
    }

    /// Each town's words in `tr`'s language, made anew after a read or a change of language.
    fn words(&mut self, tr: &I18n) -> &[RowWords] {
        let key = (self.reads, tr.lang());
        if self.words.0 != Some(key) {
            let towns = self
                .data
                .as_ref()
                .and_then(|d| d.as_ref().ok())
                .map_or(&[][..], |o| o.towns.as_slice());
            self.words.1 = towns
                .iter()
                .map(|town| {
                    let label = town.label().to_owned();
                    let cells = cell_texts(town, tr);
                    let summary = row_summary(&label, &cells, tr);
                    RowWords { label, cells, summary }
                })
                .collect();
            self.words.0 = Some(key);
        }
        &self.words.1
    }

    /// The rows in the order of the sort.
    fn ordered(&mut self) -> &[usize] {
        let key = (self.reads, self.sort.0, self.sort.1);
        if self.order_for != Some(key) {
            let towns = self.overview().map_or(&[][..], |o| o.towns.as_slice());
            self.order = sorted(towns, self.sort.0, self.sort.1);
            self.order_for = Some(key);
        }
        &self.order
    }
}

/// The indices of `towns` sorted by `by` (the name breaks ties; towns that could not be read
/// last).
pub fn sorted(towns: &[Town], by: SortBy, descending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..towns.len()).collect();
    let key = |t: &Town| -> (bool, i64) {
        let Ok(f) = &t.figures else { return (true, 0) };
        let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        let value = match by {
            SortBy::Town => 0,
            SortBy::Role => t.role as i64,
            SortBy::Done => share(f),
            SortBy::Overdue => n(f.overdue.len()),
            SortBy::ReevaluationsOverdue => n(f.reevaluations_overdue.len()),
            SortBy::ReevaluationsDue => n(f.reevaluations_due.len()),
            SortBy::Unconfirmed => n(f.unconfirmed.len()),
            SortBy::Planned => f.planned_to_date.cents(),
            SortBy::Spent => f.spent.cents(),
            SortBy::Degree => f.degrees.iter().filter_map(|d| d.latest).min().map_or(-1, i64::from),
            SortBy::Meeting => f.last_meeting.as_ref().map_or(0, |m| m.0.num_days_from_ce().into()),
            SortBy::Changed => f.last_change.map_or(0, |at| at.and_utc().timestamp()),
        };
        (false, value)
    };
    let labels: Vec<String> = towns.iter().map(|t| t.label().to_lowercase()).collect();
    order.sort_by(|&a, &b| {
        let (ka, kb) = (key(&towns[a]), key(&towns[b]));
        let by_name = labels[a].cmp(&labels[b]);
        let (by_value, by_name) = match (descending, by == SortBy::Town) {
            (true, true) => (kb.1.cmp(&ka.1), by_name.reverse()),
            (true, false) => (kb.1.cmp(&ka.1), by_name),
            (false, _) => (ka.1.cmp(&kb.1), by_name),
        };
        // Towns that could not be read stay last, whichever the direction.
        ka.0.cmp(&kb.0).then(by_value).then(by_name)
    });
    order
}

/// Done as a share of all, in thousandths (for sorting).
fn share(f: &TownFigures) -> i64 {
    let total = i64::try_from(f.measures).unwrap_or(i64::MAX).max(1);
    i64::try_from(f.done).unwrap_or(0) * 1000 / total
}

/// The marks of the one symbol language: overdue (the health's triangle), a re-evaluation
/// overdue (the re-evaluation's diamond in the warning colour), a verdict unconfirmed (the
/// diamond in the colour of "partly").
fn marks(tokens: &Tokens) -> [(egui::Color32, Shape, &'static str); 3] {
    let (overdue, triangle) = tokens.health_mark(Health::Overdue);
    let (unconfirmed, _) = tokens.verdict_mark(crate::model::Verdict::Partly);
    [
        (overdue, triangle, "overview-col-overdue"),
        (tokens.danger, Shape::Diamond, "overview-col-reeval-overdue"),
        (unconfirmed, Shape::Diamond, "overview-col-unconfirmed"),
    ]
}

/// The overview: a title with where and when, the table, the legend.
pub fn overview_ui(
    ui: &mut Ui,
    pane: &mut OverviewPane,
    (tr, tokens): (&I18n, &Tokens),
    now: chrono::NaiveDateTime,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading(RichText::new(tr.t("overview-title")).strong());
        let idle = pane.loading.is_none();
        if ui.add_enabled(idle, egui::Button::new(tr.t("overview-refresh"))).clicked() {
            pane.read(ui.ctx(), now);
        }
        if ui.button(tr.t("overview-close")).clicked() {
            pane.shown = false;
        }
        report_buttons_ui(ui, pane, tr);
        if pane.loading.is_some() {
            ui.spinner();
            ui.label(tr.t("overview-loading"));
        }
    });
    let overview = match &pane.data {
        None => return,
        Some(Err(e)) => {
            ui.colored_label(tokens.danger, e.localize(tr));
            return;
        }
        Some(Ok(o)) => o,
    };
    if let Some(e) = &pane.failed {
        ui.colored_label(
            tokens.danger,
            tr.f("overview-read-failed", &[("reason", &e.localize(tr))]),
        );
    }
    let time = overview.generated_at.format("%H:%M").to_string();
    let source = overview.source.shown();
    let date = tr.date(overview.today);
    ui.label(
        RichText::new(
            tr.f("overview-as-of", &[("source", &source), ("date", &date), ("time", &time)]),
        )
        .color(tokens.text_muted),
    );
    for town in &overview.towns {
        if let Err(e) = &town.figures {
            let text =
                tr.f("overview-unreadable", &[("name", &town.name), ("reason", &e.localize(tr))]);
            ui.colored_label(tokens.danger, text);
        }
    }
    if overview.towns.is_empty() {
        ui.label(tr.t(match overview.source {
            Source::Server(_) => "overview-none",
            Source::Folder(_) => "overview-none-folder",
        }));
        return;
    }
    legend_ui(ui, tr, tokens);
    ui.add_space(tokens.space_s);
    table_ui(ui, pane, (tr, tokens), commands);
}

/// "Kreisübersicht als PDF / als Webseite": written where the user says; what went wrong is
/// said beside the buttons.
fn report_buttons_ui(ui: &mut Ui, pane: &mut OverviewPane, tr: &I18n) {
    let Some(overview) = pane.overview() else { return };
    let stem = format!("Kreisuebersicht-{}", overview.today.format("%Y-%m-%d"));
    let mut written = None;
    for (key, html, extension) in
        [("overview-report-pdf", false, "pdf"), ("overview-report-html", true, "html")]
    {
        if ui.button(tr.t(key)).clicked()
            && let Some(path) = rfd::FileDialog::new()
                .add_filter(extension.to_uppercase(), &[extension])
                .set_file_name(format!("{stem}.{extension}"))
                .save_file()
        {
            written =
                Some(crate::app::overview::write_report(overview, tr, &path, html).map(|()| path));
        }
    }
    if let Some(result) = written {
        pane.report =
            Some(result.map(|p| tr.f("info-exported", &[("path", &p.display().to_string())])));
    }
    match &pane.report {
        Some(Ok(text)) => {
            ui.label(text);
        }
        Some(Err(text)) => {
            ui.colored_label(ui.visuals().error_fg_color, text);
        }
        None => {}
    }
}

/// What each mark means.
fn legend_ui(ui: &mut Ui, tr: &I18n, tokens: &Tokens) {
    ui.horizontal_wrapped(|ui| {
        for (color, shape, key) in marks(tokens) {
            super::widgets::mark_label(ui, tokens, (color, shape), &tr.t(key));
            ui.add_space(tokens.space_m);
        }
    });
    ui.label(RichText::new(tr.t("overview-legend")).color(tokens.text_muted));
}

/// The sortable table; a click on a row opens that town.
fn table_ui(
    ui: &mut Ui,
    pane: &mut OverviewPane,
    (tr, tokens): (&I18n, &Tokens),
    commands: &mut Vec<Command>,
) {
    let order = pane.ordered().to_vec();
    pane.words(tr);
    let Some(overview) = pane.data.as_ref().and_then(|d| d.as_ref().ok()) else { return };
    let words = &pane.words.1;
    let marks = marks(tokens);
    let mut sort = pane.sort;
    let mut open = None;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut builder = TableBuilder::new(ui)
            .id_salt("overview")
            .striped(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(Align::Center))
            .auto_shrink([false, true]);
        for (_, _, width) in COLUMNS {
            builder =
                builder.column(Column::initial(width).at_least(60.0).resizable(true).clip(true));
        }
        builder
            .header(tokens.row_height + 8.0, |mut header| {
                for (by, key, _) in COLUMNS {
                    header.col(|ui| header_ui(ui, tr, tokens, &mut sort, by, key));
                }
            })
            .body(|body| {
                body.rows(tokens.row_height, order.len(), |mut row| {
                    let index = order[row.index()];
                    let (town, words) = (&overview.towns[index], &words[index]);
                    let (label, summary) = (&words.label, &words.summary);
                    let mut chosen = false;
                    row.col(|ui| {
                        let button = egui::Button::new(RichText::new(label).strong())
                            .frame(false)
                            .truncate();
                        let hint = || tr.f("overview-open-hint", &[("town", label)]);
                        let response = ui.add(button);
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, summary)
                        });
                        // The hint is made only when shown (not for every row on every frame).
                        chosen |= response
                            .on_hover_ui(|ui| {
                                ui.label(hint());
                            })
                            .clicked();
                    });
                    cells_ui(&mut row, &words.cells, tokens, &marks);
                    if chosen || row.response().clicked() {
                        open = Some(town.address.clone());
                    }
                });
            });
    });
    pane.sort = sort;
    if let Some(address) = open {
        pane.shown = false;
        commands.push(Command::Open(address));
    }
}

/// The words of the cells after the name, in the order of [`COLUMNS`], and which of them warn
/// with which mark (overdue, re-evaluations overdue, unconfirmed, when not zero).
fn cell_texts(town: &Town, tr: &I18n) -> Vec<(String, Option<usize>)> {
    let role = tr.f("connect-role", &[("role", &town.role.as_str())]);
    let Ok(f) = &town.figures else {
        // Nothing to show but who may see it (in its column, the last).
        let mut cells = vec![("–".to_owned(), None); COLUMNS.len() - 2];
        cells.push((role, None));
        return cells;
    };
    let warn = |n: usize, mark: usize| (n.to_string(), (n > 0).then_some(mark));
    let dash = |text: String| if text.is_empty() { "–".to_owned() } else { text };
    vec![
        (tr.f("overview-done", &[("done", &f.done), ("total", &f.measures)]), None),
        warn(f.overdue.len(), 0),
        (tr.money_whole(f.planned_to_date), None),
        (tr.money_whole(f.spent), None),
        warn(f.reevaluations_overdue.len(), 1),
        (f.reevaluations_due.len().to_string(), None),
        warn(f.unconfirmed.len(), 2),
        (dash(crate::i18n::degrees_text(tr, f).replace('\n', "; ")), None),
        (meeting_text(f, tr), None),
        (f.last_change.map_or_else(|| "–".to_owned(), |at| tr.date_time(at)), None),
        (role, None),
    ]
}

/// The latest council meeting and, where there is one, the latest adopted plan (baseline).
fn meeting_text(f: &TownFigures, tr: &I18n) -> String {
    let dated = |d: &(chrono::NaiveDate, String)| format!("{} {}", tr.date(d.0), d.1);
    let meeting = f.last_meeting.as_ref().map_or_else(|| "–".to_owned(), dated);
    match &f.baseline {
        Some(b) => {
            tr.f("overview-meeting-baseline", &[("meeting", &meeting), ("baseline", &dated(b))])
        }
        None => meeting,
    }
}

/// What a screen reader hears on a row's name: the town and every cell with its column.
fn row_summary(label: &str, texts: &[(String, Option<usize>)], tr: &I18n) -> String {
    let mut summary = label.to_owned();
    for ((_, key, _), (text, _)) in COLUMNS[1..].iter().zip(texts) {
        summary.push_str(&format!(", {}: {text}", tr.t(key)));
    }
    summary
}

/// The cells after the name, painted; a warning in bold in the warning colour after its mark.
fn cells_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    texts: &[(String, Option<usize>)],
    tokens: &Tokens,
    marks: &[(egui::Color32, Shape, &str); 3],
) {
    for (text, warn) in texts {
        let (mark, text) = match *warn {
            Some(i) => {
                let (color, shape, _) = marks[i];
                (Some((color, shape)), RichText::new(text).strong().color(tokens.danger))
            }
            None => (None, RichText::new(text)),
        };
        row.col(|ui| text_cell(ui, tokens, mark, text));
    }
}

/// A column header: a click sorts by it, a second click reverses the direction.
fn header_ui(
    ui: &mut Ui,
    tr: &I18n,
    tokens: &Tokens,
    sort: &mut (SortBy, bool),
    by: SortBy,
    key: &str,
) {
    let title = tr.t(key);
    let response = ui
        .add(egui::Button::new(RichText::new(&title).strong()).frame(false).truncate())
        .on_hover_text(tr.f("overview-sort", &[("column", &title)]));
    if sort.0 == by {
        let size = ui.text_style_height(&egui::TextStyle::Small);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
        let shape = if sort.1 { Shape::TriangleDown } else { Shape::Triangle };
        paint_shape(ui.painter(), rect, shape, tokens.text_muted, tokens.text_muted);
    }
    if response.clicked() {
        *sort = if sort.0 == by { (by, !sort.1) } else { (by, by != SortBy::Town) };
    }
}

impl super::FahrplanApp {
    /// The overview's part of a frame: a folder asked for from the menu, a read finished or due;
    /// when the overview is shown, it fills the window (returns `true`: nothing else is drawn).
    pub(super) fn all_roadmaps_frame(
        &mut self,
        ui: &mut Ui,
        folder_asked: bool,
        tokens: &Tokens,
        commands: &mut Vec<Command>,
    ) -> bool {
        let now = self.state.today().and_time(chrono::Local::now().time());
        if folder_asked && let Some(dir) = rfd::FileDialog::new().pick_folder() {
            self.view.all_roadmaps.open(Source::Folder(dir), ui.ctx(), now);
        }
        let pane = &mut self.view.all_roadmaps;
        pane.poll(ui.ctx(), now);
        if !pane.shown {
            return false;
        }
        let tr = self.state.tr();
        egui::CentralPanel::default()
            .show(ui, |ui| overview_ui(ui, pane, (tr, tokens), now, commands));
        true
    }
}
