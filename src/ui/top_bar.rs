//! The top bar: the File and Export menus, the open file's name, the language switch.

use std::path::PathBuf;

use egui::{Color32, RichText, Ui};

use super::theme::Tokens;
use crate::app::Command;
use crate::i18n::{I18n, Lang};

const EXTENSIONS: &[&str] = &["sqlite", "fahrplan", "db"];

fn dialog(tr: &I18n) -> rfd::FileDialog {
    rfd::FileDialog::new().add_filter(tr.t("file-filter"), EXTENSIONS)
}

/// The name export files are offered under: `Fahrplan-Blumberg-2026-11-27` (the town's name
/// with spaces as dashes and without characters file systems refuse).
pub fn export_stem(town: &str, date: chrono::NaiveDate) -> String {
    let town: String = town
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    let town = town.trim_matches('.');
    if town.is_empty() {
        format!("Fahrplan-{}", date.format("%Y-%m-%d"))
    } else {
        format!("Fahrplan-{town}-{}", date.format("%Y-%m-%d"))
    }
}

/// Draws the top bar; menu actions become commands.
// Each argument is a separate piece of what the bar shows; a struct would only rename them.
#[allow(clippy::too_many_arguments)]
pub fn top_bar_ui(
    ui: &mut Ui,
    tokens: &Tokens,
    tr: &I18n,
    file_name: &str,
    lang: Lang,
    recent: &[PathBuf],
    export_stem: &str,
    (read_only, busy): (bool, bool),
    commands: &mut Vec<Command>,
    asked: &mut Asked,
    actions: impl FnOnce(&mut Ui, &mut Vec<Command>),
) {
    let bar = Bar { tokens, tr, file_name, recent, export_stem, read_only, busy };
    egui::MenuBar::new().ui(ui, |ui| {
        file_menu_ui(ui, &bar, commands, asked);
        export_menu_ui(ui, &bar, commands);
        ui.add_space(tokens.space_m);
        actions(ui, commands);
        // Right-aligned: the language switch, then the file name where there is room left (the
        // window title names the file too), so nothing overlaps on a 1024-pixel projector.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            right_side_ui(ui, &bar, lang, commands);
        });
    });
}

/// What the parts of the top bar share.
struct Bar<'a> {
    /// Sizes and colours.
    tokens: &'a Tokens,
    /// Messages.
    tr: &'a I18n,
    /// The open file's name.
    file_name: &'a str,
    /// Recently opened files, newest first.
    recent: &'a [PathBuf],
    /// The name export files are offered under, without extension.
    export_stem: &'a str,
    /// Whether the file is read-only.
    read_only: bool,
    /// Whether a background job runs.
    busy: bool,
}

/// Windows the menus asked for this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Asked {
    /// The backups window (also at start after a damaged file).
    pub(super) backups: bool,
    /// The connect window.
    pub(super) connect: bool,
    /// The overview of a folder's roadmaps (its folder is asked for).
    pub(super) overview_folder: bool,
}

/// The File menu: new, open, connect to a server, save a copy, import, backups, recent files,
/// quit.
fn file_menu_ui(ui: &mut Ui, bar: &Bar<'_>, commands: &mut Vec<Command>, asked: &mut Asked) {
    let tr = bar.tr;
    ui.menu_button(tr.t("menu-file"), |ui| {
        if ui.button(tr.t("menu-new-default")).clicked()
            && let Some(path) = dialog(tr).set_file_name("fahrplan.sqlite").save_file()
        {
            commands.push(Command::New { path, seeded: true });
        }
        if ui.button(tr.t("menu-new-empty")).clicked()
            && let Some(path) = dialog(tr).set_file_name("fahrplan.sqlite").save_file()
        {
            commands.push(Command::New { path, seeded: false });
        }
        if ui.button(tr.t("menu-open")).clicked()
            && let Some(path) = dialog(tr).pick_file()
        {
            commands.push(Command::Open(path));
        }
        if ui.button(tr.t("menu-connect")).clicked() {
            asked.connect = true;
        }
        if ui.button(tr.t("menu-overview-folder")).clicked() {
            asked.overview_folder = true;
        }
        if ui.button(tr.t("menu-save-copy")).clicked()
            && let Some(path) =
                dialog(tr).set_file_name(format!("Kopie-{}", bar.file_name)).save_file()
        {
            commands.push(Command::SaveCopyAs(path));
        }
        ui.separator();
        if ui
            .add_enabled(!bar.read_only && !bar.busy, egui::Button::new(tr.t("menu-import")))
            .clicked()
            && let Some(path) = rfd::FileDialog::new().add_filter("JSON", &["json"]).pick_file()
        {
            commands.push(Command::ReadImport(path));
        }
        if ui.button(tr.t("menu-backups")).clicked() {
            asked.backups = true;
        }
        ui.separator();
        ui.menu_button(tr.t("menu-recent"), |ui| {
            if bar.recent.is_empty() {
                ui.label(RichText::new(tr.t("menu-recent-none")).color(bar.tokens.text_muted));
            }
            for path in bar.recent {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(Command::Open(path.clone()));
                }
            }
        });
        ui.separator();
        if ui.button(tr.t("menu-quit")).clicked() {
            ui.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    });
}

/// The Export menu: one entry per format, each asking where to save.
fn export_menu_ui(ui: &mut Ui, bar: &Bar<'_>, commands: &mut Vec<Command>) {
    use crate::app::ExportKind;
    let (tr, export_stem) = (bar.tr, bar.export_stem);
    ui.menu_button(tr.t("menu-export"), |ui| {
        for (key, kind, extension, filter) in [
            ("menu-export-pdf", ExportKind::Pdf, "pdf", "PDF"),
            ("menu-export-html", ExportKind::Html, "html", "HTML"),
            ("menu-export-csv", ExportKind::Csv, "csv", "CSV"),
            ("menu-export-expenses", ExportKind::ExpensesCsv, "csv", "CSV"),
            ("menu-export-json", ExportKind::Json, "json", "JSON"),
            ("menu-export-ics", ExportKind::Ics, "ics", "iCalendar"),
            ("menu-export-ics-owners", ExportKind::IcsPerOwner, "ics", "iCalendar"),
            ("menu-export-png", ExportKind::Png, "png", "PNG"),
        ] {
            if ui.add_enabled(!bar.busy, egui::Button::new(tr.t(key))).clicked() {
                let name = match kind {
                    ExportKind::ExpensesCsv => {
                        format!("{export_stem}-{}.{extension}", tr.t("file-expenses"))
                    }
                    // Without the date: exported again, the files are replaced, and a calendar
                    // subscribed to one of them follows.
                    ExportKind::IcsPerOwner => format!("{}.{extension}", tr.t("file-calendar")),
                    _ => format!("{export_stem}.{extension}"),
                };
                if kind == ExportKind::IcsPerOwner {
                    // A folder: one calendar per owner goes into it.
                    if let Some(folder) = rfd::FileDialog::new().pick_folder() {
                        let path = folder.join(name);
                        commands.push(Command::Export { path, kind });
                    }
                } else if let Some(path) = rfd::FileDialog::new()
                    .add_filter(filter, &[extension])
                    .set_file_name(name)
                    .save_file()
                {
                    commands.push(Command::Export { path, kind });
                }
            }
        }
    });
}

/// The right-aligned end of the bar: the language switch, then the file name if it fits.
fn right_side_ui(ui: &mut Ui, bar: &Bar<'_>, lang: Lang, commands: &mut Vec<Command>) {
    let (tokens, tr, file_name) = (bar.tokens, bar.tr, bar.file_name);
    let mut chosen = lang;
    let combo = egui::ComboBox::from_id_salt("lang_switch")
        .selected_text(chosen.native_name())
        .show_ui(ui, |ui| {
            for l in Lang::ALL {
                ui.selectable_value(&mut chosen, l, l.native_name());
            }
        });
    let label_text = tr.t("label-language");
    let label_width = ui.fonts_mut(|f| {
        f.layout_no_wrap(
            label_text.clone(),
            egui::TextStyle::Body.resolve(ui.style()),
            Color32::WHITE,
        )
        .size()
        .x
    });
    if ui.available_width() > label_width + tokens.space_m {
        let label = ui.label(label_text);
        combo.response.labelled_by(label.id);
    } else {
        combo.response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, &label_text)
        });
    }
    let name = RichText::new(file_name).color(tokens.text_muted);
    let name_width = ui.fonts_mut(|f| {
        f.layout_no_wrap(
            file_name.to_owned(),
            egui::TextStyle::Body.resolve(ui.style()),
            Color32::WHITE,
        )
        .size()
        .x
    });
    if ui.available_width() > name_width + 2.0 * tokens.space_l {
        ui.add_space(tokens.space_l);
        ui.label(name);
    }
    if chosen != lang {
        commands.push(Command::SetLang(chosen));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_names_carry_town_and_date_without_unsafe_characters() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(export_stem("Blumberg", date), "Fahrplan-Blumberg-2026-11-27");
        assert_eq!(export_stem("Bad  Dürrheim", date), "Fahrplan-Bad-Dürrheim-2026-11-27");
        assert_eq!(export_stem("a/b\\c:d", date), "Fahrplan-abcd-2026-11-27");
        assert_eq!(export_stem("..", date), "Fahrplan-2026-11-27");
        assert_eq!(export_stem("", date), "Fahrplan-2026-11-27");
    }
}
