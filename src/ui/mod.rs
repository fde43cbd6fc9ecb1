//! egui views and widgets. No SQL, no file formats and no store here: views draw the snapshot in
//! [`AppState`] and push [`Command`]s.

mod actions;
mod all_roadmaps;
pub mod assess;
mod catalog_import;
pub mod connect;
mod dashboard;
mod date_picker;
mod detail;
pub mod editor;
mod evidence;
mod filter_bar;
mod history;
mod owners;
mod plan;
pub mod present;
mod table;
mod tabs;
pub mod theme;
mod timeline;
mod top_bar;
mod transfer;
mod widgets;
mod windows;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::app::{AppState, Clock, Command};
use crate::i18n::{I18n, Lang};
use crate::layout::Filter;
use crate::layout::slides::SlideKind;
use crate::layout::timeline::{Arrangement, GroupBy, arrange};
use crate::model::{Roadmap, Status};

pub use table::SortKey;
use theme::Tokens;
pub use timeline::TimelinePrefs;

/// The main views, shown as tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    /// The mayor's overview.
    Dashboard,
    /// The measures on a time axis.
    #[default]
    Timeline,
    /// The sortable table.
    Table,
    /// Every recorded change.
    History,
    /// The multi-year financial plan.
    Finance,
    /// The assessment: requirements, results, degrees, gaps.
    Assessment,
}

/// UI preferences remembered between starts (eframe storage). No roadmap data lives here.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The language last chosen in the window.
    pub lang: Option<Lang>,
    /// Recently opened roadmap files, newest first.
    pub recent: Vec<PathBuf>,
    /// Sort column of the measures table.
    pub sort: SortKey,
    /// Sort descending instead of ascending.
    pub sort_descending: bool,
    /// The tab shown.
    pub tab: Tab,
    /// Zoom, scroll and grouping of the timeline.
    pub timeline: TimelinePrefs,
    /// The slides chosen for the presentation, per roadmap file.
    pub slides: std::collections::BTreeMap<String, Vec<crate::layout::slides::SlideKind>>,
}

/// What the table's row order depends on: data generation, sort key, direction, filter.
type TableKey = (u64, SortKey, bool, Filter);

/// State of the views that is neither data nor a preference.
#[derive(Debug, Default)]
pub struct ViewState {
    /// Code of the selected measure.
    pub selected: Option<String>,
    /// The user closed the window while a job ran: it closes when the job is done.
    pub close_when_done: bool,
    /// The connect window's fields, while it is open.
    pub connect: Option<connect::ConnectForm>,
    /// The status chosen in the detail panel but not yet applied: (code, status).
    pub status_draft: Option<(String, Status)>,
    /// The comment typed for the status change.
    pub comment: String,
    /// The filter shared by table and timeline.
    pub filter: Filter,
    /// Whether the user closed the detail panel.
    pub detail_hidden: bool,
    /// Row order of the table for (generation, sort key, descending, filter).
    order_cache: Option<(TableKey, Vec<usize>)>,
    /// The timeline's lanes for (generation, filter, grouping).
    arrangement: Option<((u64, Filter, GroupBy), Arrangement)>,
    /// The window title last sent.
    title: String,
    /// Whether the selection moved by keyboard and the table should scroll to it.
    scroll_to_selected: bool,
    /// Frames since the fonts were installed (they take effect one frame later).
    fonts_frames: u8,
    /// The day's verified backup is still to be written: on the second frame (asked for by the
    /// first), once the window shows, before any command is applied; it took a fifth of the
    /// time to the first frame.
    pub backup_due: bool,
    /// Unsaved editors of existing measures, by code (kept when the user looks elsewhere).
    pub drafts: std::collections::HashMap<String, editor::Draft>,
    /// The editor of a new measure.
    pub new_draft: Option<editor::Draft>,
    /// The quick-action forms of the selected measure.
    pub forms: actions::Forms,
    /// The measure whose deletion waits for confirmation.
    pub confirm_delete: Option<String>,
    /// Whether the list of due re-evaluations is open.
    pub due_open: bool,
    /// The history view's filter and cached rows.
    pub history: history::HistoryView,
    /// The owners window.
    pub owners: owners::OwnersView,
    /// Whether the backups window is open (its list is listed beside the window when it opens
    /// and after every command).
    pub backups: bool,
    /// Switch to this tab (asked for by the detail panel, the overview).
    pub show_tab: Option<Tab>,
    /// Figures over the whole roadmap, recomputed only when the data changes.
    derived: Option<(u64, Derived)>,
    /// What the filter bar offers, for the data generation it was made for.
    filter_choices: Option<(u64, filter_bar::Choices)>,
    /// The overview's settings.
    pub dashboard: dashboard::DashboardView,
    /// The overview's figures and the history, for the data generation they belong to.
    overview: Option<(u64, std::sync::Arc<Overview>)>,
    /// The finance view's settings and plan.
    pub finance: plan::FinanceView,
    /// The assessment tab's choices and rows.
    pub assessment: assess::AssessView,
    /// "Alle Fahrpläne": the overview of a server's or a folder's roadmaps.
    pub all_roadmaps: all_roadmaps::OverviewPane,
}

/// What the overview shows: its figures, the history, and the seed batch to leave out.
#[derive(Debug)]
struct Overview {
    /// The figures.
    figures: crate::model::Dashboard,
    /// The whole history (for what changed since the last meeting).
    history: Vec<crate::model::Change>,
    /// The batch that seeded the default roadmap (not a change).
    seed_batch: Option<i64>,
    /// What differs from the latest baseline.
    deviations: Option<crate::model::Deviations>,
}

/// Figures over the whole roadmap that the bars show on every frame.
#[derive(Clone, Copy, Debug, Default)]
struct Derived {
    /// Re-evaluations overdue or due within 30 days.
    due: usize,
    /// Whether there is something to undo / to redo.
    undo_redo: (bool, bool),
}

/// What a view needs for one frame: the snapshot to draw, the language and tokens, and a place
/// to put commands.
pub struct ViewCtx<'a> {
    /// The snapshot.
    pub roadmap: &'a Roadmap,
    /// Messages and formats.
    pub tr: &'a I18n,
    /// Sizes and colours.
    pub tokens: &'a Tokens,
    /// Today.
    pub today: NaiveDate,
    /// Whether the file is read-only (no editing controls then).
    pub read_only: bool,
    /// Who is recorded as the author of changes made here.
    pub who: &'a str,
    /// Commands the user gave this frame.
    pub commands: &'a mut Vec<Command>,
}

/// The Fahrplan window.
pub struct FahrplanApp {
    /// Data, store and command queue.
    pub state: AppState,
    /// Remembered preferences.
    pub prefs: Prefs,
    /// Selection, drafts and caches of the views.
    pub view: ViewState,
    /// The council presentation, while it runs.
    pub presenter: Option<present::Presenter>,
}

impl FahrplanApp {
    /// The window's state around an application state.
    pub fn new(state: AppState, prefs: Prefs) -> Self {
        let mut app = Self { state, prefs, view: ViewState::default(), presenter: None };
        app.remember_opened();
        app
    }

    /// The titles of the timeline's lanes as last drawn (empty before the timeline was shown).
    #[cfg(any(test, feature = "testing"))]
    pub fn timeline_lane_titles(&self) -> Vec<String> {
        let Some((_, arrangement)) = &self.view.arrangement else { return Vec::new() };
        arrangement
            .lanes
            .iter()
            .map(|lane| {
                crate::layout::timeline::lane_title(self.state.roadmap(), lane.key, self.state.tr())
            })
            .collect()
    }

    fn remember_opened(&mut self) {
        for path in self.state.opened().iter().rev() {
            self.prefs.recent.retain(|p| p != path);
            self.prefs.recent.insert(0, path.clone());
        }
        self.prefs.recent.truncate(8);
    }

    /// Draws the whole window into `ui` and applies the commands given in it.
    pub fn root_ui(&mut self, ui: &mut egui::Ui) {
        let tokens = self.begin_frame(ui);
        let slide_key = self.state.file_path().display().to_string();
        if self.presentation_frame(ui, &slide_key) {
            return;
        }
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F5)) {
            self.start_presentation(ui.ctx(), false);
            return;
        }
        let mut commands = Vec::new();
        self.derive(&mut commands);
        let read_only = self.state.is_read_only();
        // Behind a modal question the shortcuts rest (Ctrl+Z would change what it asks about).
        // Nor behind the overview of all roadmaps (Ctrl+Z would change the one not shown).
        if self.state.import_preview().is_none() && !self.view.all_roadmaps.shown {
            self.shortcuts(ui, read_only, &mut commands);
        }
        let mut start_presentation = false;
        let mut asked = top_bar::Asked {
            backups: self.view.backups || self.state.take_backup_offer(),
            connect: false,
            overview_folder: false,
        };
        self.top_bar(ui, &tokens, &slide_key, &mut start_presentation, &mut asked, &mut commands);
        // The server login as libpq would take it (not the name the history records).
        let login = crate::app::storage::os_login();
        if let Some(address) = self.state.take_password_wanted() {
            self.view.connect =
                connect::ConnectForm::from_address(&address.to_string_lossy(), &login);
        } else if asked.connect {
            self.view.connect.get_or_insert_with(|| connect::ConnectForm::for_user(&login));
        }
        let backups_open = asked.backups;
        self.banners(ui, &tokens, &mut commands);
        if self.all_roadmaps_frame(ui, asked.overview_folder, &tokens, &mut commands) {
            if start_presentation {
                self.start_presentation(ui.ctx(), false);
            }
            self.dialogs(ui, &tokens, backups_open, read_only, &mut commands);
            return self.apply(ui, commands);
        }
        let mut ctx = ViewCtx {
            roadmap: self.state.roadmap(),
            tr: self.state.tr(),
            tokens: &tokens,
            today: self.state.today(),
            read_only,
            who: self.state.who(),
            commands: &mut commands,
        };
        detail::confirm_delete_ui(ui.ctx(), &mut ctx, &mut self.view);
        windows::due_ui(ui.ctx(), &ctx, &mut self.view);
        owners::owners_ui(ui.ctx(), &mut ctx, &mut self.view.owners);
        // The details appear once a measure is chosen (unless the user hid them).
        let editing_new = self.view.new_draft.is_some();
        if (self.view.selected.is_some() && !self.view.detail_hidden) || editing_new {
            egui::Panel::right("detail")
                .resizable(true)
                .default_size(tokens.detail_width.min(ui.available_width() * 0.36))
                .min_size(300.0)
                .show(ui, |ui| detail::detail_ui(ui, &mut ctx, &mut self.view));
        }
        if let Some(tab) = self.view.show_tab.take() {
            self.prefs.tab = tab;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let generation = self.state.generation();
            let action = tabs::tab_bar_ui(ui, &ctx, &mut self.view, &mut self.prefs, generation);
            tabs::tab_content_ui(
                ui,
                &mut ctx,
                &self.state,
                &mut self.view,
                &mut self.prefs,
                action,
            );
        });
        if start_presentation {
            self.start_presentation(ui.ctx(), false);
        }
        self.dialogs(ui, &tokens, backups_open, read_only, &mut commands);
        self.apply(ui, commands);
    }

    /// Fonts, design tokens, a look at the file and the clock, the window title.
    fn begin_frame(&mut self, ui: &egui::Ui) -> Tokens {
        if self.view.fonts_frames == 0 {
            install_fonts(ui.ctx());
            ui.ctx().request_repaint();
        }
        self.view.fonts_frames = self.view.fonts_frames.saturating_add(1);
        if self.view.backup_due {
            // Frames, not passes: egui may run a second pass of the first frame (a new grid).
            if ui.ctx().cumulative_frame_nr() > 0 {
                self.view.backup_due = false;
                self.state.daily_backup();
            } else {
                // The second frame comes at once, not with the user's first move.
                ui.ctx().request_repaint();
            }
        }
        let mut tokens = Tokens::desk(ui.ctx().theme());
        if self.view.fonts_frames > 1 {
            tokens.bold = egui::FontFamily::Name(BOLD.into());
        }
        tokens.apply(ui.ctx());
        self.state.refresh_if_changed_elsewhere();
        // Closing while work runs beside the window: it finishes first (a restore or an import
        // is never cut off), then the window closes by itself.
        if ui.ctx().input(|i| i.viewport().close_requested()) && self.state.job().is_some() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if !self.view.close_when_done {
                self.view.close_when_done = true;
                self.state.push(Command::ReportInfo(self.state.tr().t("job-closing")));
            }
        }
        if self.view.close_when_done && self.state.job().is_none() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.state.poll_job() {
            // A file opened, restored or imported beside the window.
            self.after_commands();
        }
        // Idle means no repaint, but a new day changes overdue marks and default dates: wake up
        // once after midnight.
        if let Some(wait) = self.state.clock().until_next_day() {
            ui.ctx().request_repaint_after(wait);
        }
        self.update_title(ui);
        tokens
    }

    /// The council presentation, while it runs; returns whether it drew the frame.
    fn presentation_frame(&mut self, ui: &mut egui::Ui, slide_key: &str) -> bool {
        let Some(presenter) = self.presenter.as_mut() else { return false };
        presenter.keep_fullscreen(ui.ctx());
        let enabled =
            self.prefs.slides.get(slide_key).cloned().unwrap_or_else(|| SlideKind::ALL.to_vec());
        match present::present_ui(ui, &self.state, &enabled, presenter) {
            present::PresentOutcome::Stay => {}
            present::PresentOutcome::Leave => {
                self.presenter = None;
                ui.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                ui.ctx().request_repaint();
            }
            present::PresentOutcome::Quit => ui.send_viewport_cmd(egui::ViewportCommand::Close),
        }
        true
    }

    /// What the top bar shows besides the data: due re-evaluations, undo and redo (once per
    /// data generation).
    fn derive(&mut self, commands: &mut Vec<Command>) {
        let generation = self.state.generation();
        if self.view.derived.is_some_and(|(g, _)| g == generation) {
            return;
        }
        let undo_redo = self.state.can_undo_redo().unwrap_or_else(|text| {
            commands.push(Command::ReportError(text));
            (false, false)
        });
        let due = due_reevaluations(self.state.roadmap(), self.state.today()).len();
        self.view.derived = Some((generation, Derived { due, undo_redo }));
    }

    /// The menu bar with the file, export, presentation and editing actions.
    fn top_bar(
        &mut self,
        ui: &mut egui::Ui,
        tokens: &Tokens,
        slide_key: &str,
        start_presentation: &mut bool,
        asked: &mut top_bar::Asked,
        commands: &mut Vec<Command>,
    ) {
        let read_only = self.state.is_read_only();
        let file_name = display_name(self.state.shown_file());
        let lang = self.state.lang();
        egui::Panel::top("top_bar").show(ui, |ui| {
            let (state, view) = (&self.state, &mut self.view);
            let slides = self
                .prefs
                .slides
                .entry(slide_key.to_owned())
                .or_insert_with(|| SlideKind::ALL.to_vec());
            top_bar::top_bar_ui(
                ui,
                tokens,
                state.tr(),
                &file_name,
                lang,
                &self.prefs.recent,
                &top_bar::export_stem(&state.roadmap().info.town, state.today()),
                (read_only, state.job().is_some()),
                commands,
                asked,
                |ui, commands| {
                    windows::presentation_menu_ui(ui, state.tr(), slides, start_presentation);
                    // Behind the overview of all roadmaps the one roadmap's actions rest.
                    if !read_only && !view.all_roadmaps.shown {
                        windows::actions_bar_ui(ui, tokens, state, view, commands);
                    }
                },
            );
        });
    }

    /// The message, the running job, and why a file is read-only (and, on a network drive, who
    /// edits): under the menu, where the eye looks first, in strong text on a tinted band.
    fn banners(&mut self, ui: &mut egui::Ui, tokens: &Tokens, commands: &mut Vec<Command>) {
        if let Some(message) = self.state.message().cloned() {
            egui::Panel::bottom("message").show(ui, |ui| {
                if windows::message_ui(ui, tokens, self.state.tr(), &message) {
                    commands.push(Command::DismissMessage);
                }
            });
        }
        if let Some(job) = self.state.job() {
            transfer::job_ui(ui, tokens, job);
        }
        for (n, banner) in self.state.record_warnings().into_iter().enumerate() {
            egui::Panel::top(("record_warning", n))
                .frame(egui::Frame::new().fill(tokens.danger_bg).inner_margin(tokens.space_s))
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(banner).color(tokens.text_strong).strong(),
                        )
                        .wrap(),
                    );
                });
        }
        if let Some(banner) = self.state.read_only_banner() {
            egui::Panel::top("read_only")
                .frame(egui::Frame::new().fill(tokens.info_bg).inner_margin(tokens.space_s))
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(banner).color(tokens.text_strong).strong(),
                        )
                        .wrap(),
                    );
                });
        }
        // A window waiting for the edit lock or the server looks again every two seconds (and
        // only then).
        if self.state.waiting() {
            ui.ctx().request_repaint_after(std::time::Duration::from_secs(2));
        }
    }

    /// The backups window and the import preview.
    fn dialogs(
        &mut self,
        ui: &mut egui::Ui,
        tokens: &Tokens,
        backups_open: bool,
        read_only: bool,
        commands: &mut Vec<Command>,
    ) {
        let form = &mut self.view.connect;
        if let Some(url) = connect::connect_ui(ui.ctx(), &self.state, tokens, form, commands) {
            let now = self.state.today().and_time(chrono::Local::now().time());
            self.view.all_roadmaps.open(crate::app::overview::Source::Server(url), ui.ctx(), now);
        }
        if backups_open && !self.view.backups {
            self.state.list_backups();
            self.view.backups = true;
        }
        if self.view.backups {
            let mut open = true;
            let list = self.state.backups();
            windows::backups_ui(ui.ctx(), self.state.tr(), list, read_only, &mut open, commands);
            self.view.backups = open;
        }
        if let Some(path) = self.state.create_offer().map(Path::to_owned) {
            match transfer::create_offer_ui(ui.ctx(), self.state.tr(), tokens, &path) {
                transfer::ImportDecision::Open => {}
                transfer::ImportDecision::Apply => {
                    self.state.dismiss_create_offer();
                    commands.push(Command::New { path, seeded: true });
                }
                transfer::ImportDecision::Cancel => self.state.dismiss_create_offer(),
            }
        }
        if let Some(preview) = self.state.import_preview() {
            let replaces = self.state.roadmap().measures.len();
            match transfer::import_preview_ui(ui.ctx(), self.state.tr(), tokens, preview, replaces)
            {
                transfer::ImportDecision::Open => {}
                transfer::ImportDecision::Apply => commands.push(Command::ApplyImport),
                transfer::ImportDecision::Cancel => commands.push(Command::CancelImport),
            }
        }
    }

    /// Applies the frame's commands; each closes what it finished only if it succeeded.
    fn apply(&mut self, ui: &egui::Ui, commands: Vec<Command>) {
        let mut watched = Vec::new();
        let changes_data = commands.iter().any(|c| !c.is_window_only());
        // What only concerns the window first: a message closed in the same frame as a problem
        // is met does not take the new problem's message with it.
        let (window, data): (Vec<_>, Vec<_>) =
            commands.into_iter().partition(Command::is_window_only);
        for command in window.into_iter().chain(data) {
            let index = self.state.pending();
            match &command {
                Command::SetLang(lang) => self.prefs.lang = Some(*lang),
                Command::SaveMeasure { original, measure, .. } => {
                    watched.push((index, Watched::Save(original.clone(), measure.code.clone())));
                }
                Command::SetStatus { .. } => watched.push((index, Watched::Status)),
                _ => {}
            }
            self.state.push(command);
        }
        if self.state.has_pending() {
            let outcomes = self.state.apply_queue();
            close_what_succeeded(&mut self.view, &watched, &outcomes);
            if changes_data {
                // A round of changes that all succeeded leaves no half-made status choice.
                if outcomes.iter().all(Result::is_ok) {
                    self.view.status_draft = None;
                    self.view.comment.clear();
                }
                self.after_commands();
            }
            ui.ctx().request_repaint();
        }
    }

    fn after_commands(&mut self) {
        self.remember_opened();
        if self.view.backups {
            self.state.list_backups();
        }
        // A selection that no longer exists (another file was opened) is dropped.
        if let Some(code) = &self.view.selected
            && self.state.roadmap().measure(code).is_none()
        {
            self.view.selected = None;
        }
    }

    /// Starts the council presentation full screen (`standalone`: started with `--present`).
    pub fn start_presentation(&mut self, ctx: &egui::Context, standalone: bool) {
        self.presenter = Some(present::Presenter::new(standalone));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        ctx.request_repaint();
    }

    /// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (text fields keep their own undo).
    fn shortcuts(&self, ui: &egui::Ui, read_only: bool, commands: &mut Vec<Command>) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        if read_only || ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let redo = ui.input_mut(|i| {
            i.consume_shortcut(&KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )) || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
        });
        let undo = !redo
            && ui.input_mut(|i| {
                i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z))
            });
        if redo {
            commands.push(Command::Redo);
        } else if undo {
            commands.push(Command::Undo);
        }
    }

    fn update_title(&mut self, ui: &egui::Ui) {
        // An empty stand-in (no roadmap there yet, or it could not be opened) is titled with
        // the file the user asked for, never ":memory:".
        let title = format!("{} — Fahrplan", display_name(self.state.shown_file()));
        if title != self.view.title {
            ui.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.view.title = title;
        }
    }
}

/// Measures whose next re-evaluation is overdue or due within 30 days, most urgent first.
pub fn due_reevaluations(roadmap: &Roadmap, today: NaiveDate) -> Vec<&crate::model::Measure> {
    let limit = today + chrono::TimeDelta::days(crate::model::DUE_SOON_DAYS);
    let mut due: Vec<_> = roadmap
        .measures
        .iter()
        .filter(|m| {
            m.status != Status::Cancelled && m.next_reevaluation.is_some_and(|d| d <= limit)
        })
        .collect();
    due.sort_by_key(|m| (m.next_reevaluation, m.code.clone()));
    due
}

/// Arrows and geometric shapes (DejaVu Sans subset) that Noto Sans lacks.
const SYMBOLS: &[u8] = crate::layout::fonts::FONT_SYMBOLS;

/// The name of the bold font family.
const BOLD: &str = "bold";

/// Installs Noto Sans (the font of the exported pictures) as the proportional font, with a bold
/// family for headings; egui's fonts stay as fallbacks.
pub fn install_fonts(ctx: &egui::Context) {
    use std::sync::Arc;
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans".into(),
        Arc::new(egui::FontData::from_static(crate::layout::fonts::FONT_REGULAR)),
    );
    fonts.font_data.insert(
        "noto-sans-bold".into(),
        Arc::new(egui::FontData::from_static(crate::layout::fonts::FONT_BOLD)),
    );
    fonts.font_data.insert("symbols".into(), Arc::new(egui::FontData::from_static(SYMBOLS)));
    let proportional = fonts.families.entry(egui::FontFamily::Proportional).or_default();
    proportional.insert(0, "noto-sans".into());
    proportional.insert(1, "symbols".into());
    let mut bold = vec!["noto-sans-bold".to_owned()];
    bold.extend(proportional.iter().cloned());
    fonts.families.insert(egui::FontFamily::Name(BOLD.into()), bold);
    ctx.set_fonts(fonts);
}

/// A command whose success closes something in the views.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Watched {
    /// Saving a measure (its code when editing began, or `None` for a new one; its code now).
    Save(Option<String>, String),
    /// Changing a status with the status control.
    Status,
}

/// Closes what its own command finished: an editor whose save succeeded (its measure selected),
/// the status control whose change succeeded. A failed save keeps its draft, whatever the other
/// commands of the frame did.
pub fn close_what_succeeded(
    view: &mut ViewState,
    watched: &[(usize, Watched)],
    outcomes: &[crate::app::Outcome],
) {
    for (index, what) in watched {
        if !outcomes.get(*index).is_some_and(Result::is_ok) {
            continue;
        }
        match what {
            Watched::Save(original, code) => {
                match original {
                    Some(original) => drop(view.drafts.remove(original)),
                    None => view.new_draft = None,
                }
                view.selected = Some(code.clone());
            }
            Watched::Status => {
                view.status_draft = None;
                view.comment.clear();
            }
        }
    }
}

pub use crate::app::display_name;

impl eframe::App for FahrplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.root_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}

/// The icon of the menu entry (packaging/icons), also on the title bar and in the task
/// switcher; `None` only if the embedded picture could not be decoded (then the system's).
pub fn window_icon() -> Option<std::sync::Arc<egui::IconData>> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon-256.png"))
        .map(std::sync::Arc::new)
        .ok()
}

/// Opens the window on `db` (created with the default roadmap if missing). `lang` from the
/// command line wins over the remembered language; German is the default.
pub fn run_window(
    db: &Path,
    lang: Option<Lang>,
    clock: Clock,
    start: crate::app::overview::Start,
) -> ExitCode {
    let present = start == crate::app::overview::Start::Present;
    let mut viewport = egui::ViewportBuilder::default();
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("Fahrplan")
            .with_app_id("fahrplan")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 560.0])
            // Files dropped on the window become the shown measure's evidence.
            .with_drag_and_drop(true)
            .with_fullscreen(present),
        // A presentation ignores the remembered window (a maximised window would otherwise
        // come back maximised, with its title bar) and leaves it as the desk had it.
        persist_window: !present,
        ..Default::default()
    };
    let db = db.to_owned();
    let result = eframe::run_native(
        "Fahrplan",
        options,
        Box::new(move |cc| {
            let prefs: Prefs =
                cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
            let lang = lang.or(prefs.lang).unwrap_or_default();
            // Follow the system's light or dark setting; where it cannot be read, calm light.
            cc.egui_ctx.options_mut(|o| o.fallback_theme = egui::Theme::Light);
            let mut state = if present {
                crate::app::open_presentation_state(&db, lang, clock.clone())
                    .map_err(|e| e.to_string())?
            } else {
                crate::app::open_state(&db, lang, clock.clone()).map_err(|e| e.to_string())?
            };
            // Wake up when the file changes (another window, the command line); idle otherwise.
            let egui_ctx = cc.egui_ctx.clone();
            state.set_change_notifier(std::sync::Arc::new(move || egui_ctx.request_repaint()));
            let mut app = FahrplanApp::new(state, prefs);
            // The fonts before the first frame, so it is drawn (and its glyphs rasterised) once,
            // in Noto Sans, not first in egui's own fonts.
            install_fonts(&cc.egui_ctx);
            app.view.fonts_frames = 1;
            // A verified backup once a day, before the user changes anything (never by a
            // viewer), written once the window shows.
            app.view.backup_due = !present;
            if present {
                app.presenter = Some(present::Presenter::new(true));
            }
            if let crate::app::overview::Start::Overview(source) = start {
                let now = app.state.today().and_time(chrono::Local::now().time());
                app.view.all_roadmaps.open(source, &cc.egui_ctx, now);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "fahrplan: {}",
                I18n::new(lang.unwrap_or_default()).f("err-window", &[("detail", &e.to_string())])
            );
            ExitCode::from(2)
        }
    }
}
