//! egui views and widgets. No SQL and no file formats here: views draw the snapshot in
//! [`AppState`] and push [`Command`]s.

mod detail;
mod table;
pub mod theme;
mod top_bar;
mod widgets;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::app::{AppState, Command, Message, MessageKind};
use crate::i18n::{I18n, Lang};
use crate::model::{Roadmap, Status};
use crate::store::Store;

pub use table::SortKey;
use theme::Tokens;

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
}

/// State of the views that is neither data nor a preference.
#[derive(Debug, Default)]
pub struct ViewState {
    /// Code of the selected measure.
    pub selected: Option<String>,
    /// The status chosen in the detail panel but not yet applied: (code, status).
    pub status_draft: Option<(String, Status)>,
    /// The comment typed for the status change.
    pub comment: String,
    /// Row order of the table for (generation, sort key, descending).
    order_cache: Option<((u64, SortKey, bool), Vec<usize>)>,
    /// The window title last sent.
    title: String,
    /// Whether the selection moved by keyboard and the table should scroll to it.
    scroll_to_selected: bool,
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
}

impl FahrplanApp {
    /// The window's state around an application state.
    pub fn new(state: AppState, prefs: Prefs) -> Self {
        let mut app = Self { state, prefs, view: ViewState::default() };
        app.remember_opened();
        app
    }

    fn remember_opened(&mut self) {
        for path in self.state.opened.iter().rev() {
            self.prefs.recent.retain(|p| p != path);
            self.prefs.recent.insert(0, path.clone());
        }
        self.prefs.recent.truncate(8);
    }

    /// Draws the whole window into `ui` and applies the commands given in it.
    pub fn root_ui(&mut self, ui: &mut egui::Ui) {
        let tokens = Tokens::desk(ui.ctx().theme());
        tokens.apply(ui.ctx());
        self.state.refresh_if_changed_elsewhere();
        self.update_title(ui);

        let mut commands = Vec::new();
        let read_only = self.state.store().is_read_only();
        let file_name = display_name(self.state.store().path());
        let lang = self.state.lang();

        egui::Panel::top("top_bar").show(ui, |ui| {
            top_bar::top_bar_ui(
                ui,
                &tokens,
                self.state.tr(),
                &file_name,
                lang,
                &self.prefs.recent,
                &mut commands,
            );
        });
        if let Some(message) = self.state.message.clone() {
            egui::Panel::bottom("message").show(ui, |ui| {
                if message_ui(ui, &tokens, self.state.tr(), &message) {
                    self.state.message = None;
                }
            });
        }
        if read_only {
            egui::Panel::bottom("read_only").show(ui, |ui| {
                ui.label(
                    egui::RichText::new(self.state.tr().t("banner-read-only"))
                        .color(tokens.warning),
                );
            });
        }
        let mut ctx = ViewCtx {
            roadmap: &self.state.roadmap,
            tr: self.state.tr(),
            tokens: &tokens,
            today: self.state.today,
            read_only,
            commands: &mut commands,
        };
        egui::Panel::right("detail")
            .resizable(true)
            .default_size(tokens.detail_width.min(ui.available_width() * 0.36))
            .min_size(300.0)
            .show(ui, |ui| detail::detail_ui(ui, &mut ctx, &mut self.view));
        egui::CentralPanel::default().show(ui, |ui| {
            table::table_ui(ui, &mut ctx, &mut self.view, &mut self.prefs, self.state.generation());
        });

        for command in commands {
            if let Command::SetLang(lang) = &command {
                self.prefs.lang = Some(*lang);
            }
            self.state.push(command);
        }
        if self.state.has_pending() {
            self.state.apply_queue();
            self.after_commands();
            ui.ctx().request_repaint();
        }
    }

    fn after_commands(&mut self) {
        self.remember_opened();
        // A selection that no longer exists (another file was opened) is dropped.
        if let Some(code) = &self.view.selected
            && self.state.roadmap.measure(code).is_none()
        {
            self.view.selected = None;
        }
        if self.state.message.as_ref().is_none_or(|m| m.kind != MessageKind::Error) {
            self.view.status_draft = None;
            self.view.comment.clear();
        }
    }

    fn update_title(&mut self, ui: &egui::Ui) {
        let title = format!("{} — Fahrplan", display_name(self.state.store().path()));
        if title != self.view.title {
            ui.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.view.title = title;
        }
    }
}

/// Shows a message with a close button; returns whether it was closed.
fn message_ui(ui: &mut egui::Ui, tokens: &Tokens, tr: &I18n, message: &Message) -> bool {
    let (fill, color) = match message.kind {
        MessageKind::Error => (tokens.danger_bg, tokens.danger),
        MessageKind::Info => (tokens.info_bg, tokens.text_strong),
    };
    let mut closed = false;
    egui::Frame::new().fill(fill).inner_margin(tokens.space_s).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&message.text).color(color).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                closed = ui.button(tr.t("action-close-message")).clicked();
            });
        });
    });
    closed
}

/// The file name shown in the title and top bar.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

impl eframe::App for FahrplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.root_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}

/// Opens the window on `db` (created with the default roadmap if missing). `lang` from the
/// command line wins over the remembered language; German is the default.
pub fn run_window(db: &Path, lang: Option<Lang>, today: NaiveDate) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Fahrplan")
            .with_app_id("fahrplan")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 560.0]),
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
            let state = open_state(&db, lang, today).map_err(|e| e.to_string())?;
            Ok(Box::new(FahrplanApp::new(state, prefs)))
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

/// The state for `db`; if the file cannot be used, an empty in-memory roadmap with the reason
/// shown, so the user can open another file. The unusable file is not touched.
///
/// Fails only if SQLite cannot even open a database in memory.
pub fn open_state(
    db: &Path,
    lang: Lang,
    today: NaiveDate,
) -> Result<AppState, crate::store::StoreError> {
    let tr = I18n::new(lang);
    let opened =
        Store::open_or_create(db, lang).and_then(|store| AppState::new(store, lang, today));
    match opened {
        Ok(state) => Ok(state),
        Err(e) => {
            let mut state = AppState::new(Store::in_memory(None)?, lang, today)?;
            state.message = Some(Message { kind: MessageKind::Error, text: e.localize(&tr) });
            Ok(state)
        }
    }
}
