//! "Datei › Mit Server verbinden …": the address of a PostgreSQL server in fields (host, port,
//! database, user, password, encryption), the roadmaps the user may see listed after connecting,
//! one opened with a click. The password lives only in this form and the open connection; the
//! recent files keep the address without it.

use egui::RichText;

use super::theme::Tokens;
use crate::app::{AppState, Command};
use crate::i18n::I18n;

/// How the connection is encrypted (libpq's `sslmode`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tls {
    /// `prefer`.
    #[default]
    Prefer,
    /// `require`.
    Require,
    /// `verify-full` with a root certificate.
    Verify,
}

/// The connect window's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectForm {
    /// Host name or address.
    pub host: String,
    /// Port.
    pub port: String,
    /// Database.
    pub database: String,
    /// PostgreSQL user.
    pub user: String,
    /// Password (never stored).
    pub password: String,
    /// Encryption.
    pub tls: Tls,
    /// The root certificate for [`Tls::Verify`].
    pub root: String,
}

impl ConnectForm {
    /// Empty fields but the usual ones, with `user` (the login) as the user.
    pub fn for_user(user: &str) -> Self {
        Self {
            host: "localhost".into(),
            port: "5432".into(),
            database: "fahrplan".into(),
            user: user.to_owned(),
            password: String::new(),
            tls: Tls::Prefer,
            root: String::new(),
        }
    }
}

/// Percent-encodes what may not stand as it is in an address.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

impl ConnectForm {
    /// The server's address (with the password, for connecting only).
    pub fn url(&self) -> String {
        let password = if self.password.is_empty() {
            String::new()
        } else {
            format!(":{}", encoded(&self.password))
        };
        let tls = match self.tls {
            Tls::Prefer => "sslmode=prefer".to_owned(),
            Tls::Require => "sslmode=require".to_owned(),
            Tls::Verify => format!("sslmode=verify-full&sslrootcert={}", encoded(self.root.trim())),
        };
        format!(
            "postgresql://{}{password}@{}:{}/{}?{tls}",
            encoded(self.user.trim()),
            self.host.trim(),
            self.port.trim(),
            encoded(self.database.trim())
        )
    }
}

/// The connect window, while `form` is open.
pub(super) fn connect_ui(
    ctx: &egui::Context,
    state: &AppState,
    tokens: &Tokens,
    form: &mut Option<ConnectForm>,
    commands: &mut Vec<Command>,
) {
    let Some(fields) = form.as_mut() else { return };
    let tr = state.tr();
    let mut open = true;
    let mut chosen = None;
    let window = egui::Window::new(tr.t("connect-title"))
        .open(&mut open)
        .default_width(460.0)
        // In the middle of the window, clear of the menus.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center());
    window.show(ctx, |ui| {
        fields_ui(ui, tr, fields);
        ui.label(RichText::new(tr.t("connect-password-note")).color(tokens.text_muted));
        let url = fields.url();
        let busy = state.job().is_some();
        if ui.add_enabled(!busy, egui::Button::new(tr.t("connect-list"))).clicked() {
            commands.push(Command::ListServerRoadmaps(url.clone()));
        }
        match state.server_roadmaps(&url) {
            None => {}
            Some(Err(text)) => {
                ui.colored_label(tokens.danger, text);
            }
            Some(Ok(list)) if list.is_empty() => {
                ui.label(tr.t("connect-none"));
            }
            Some(Ok(list)) => {
                ui.separator();
                egui::Grid::new("server-roadmaps").num_columns(3).striped(true).show(ui, |ui| {
                    for roadmap in list {
                        ui.label(RichText::new(&roadmap.name).strong());
                        ui.label(tr.f("connect-role", &[("role", &roadmap.role.as_str())]));
                        if ui.button(tr.t("connect-open")).clicked() {
                            chosen = Some(format!("{url}#{}", roadmap.name));
                        }
                        ui.end_row();
                    }
                });
            }
        }
    });
    if let Some(address) = chosen {
        commands.push(Command::Open(address.into()));
        *form = None;
    } else if !open {
        *form = None;
    }
}

fn fields_ui(ui: &mut egui::Ui, tr: &I18n, fields: &mut ConnectForm) {
    egui::Grid::new("connect-fields").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
        for (key, value) in [
            ("connect-host", &mut fields.host),
            ("connect-port", &mut fields.port),
            ("connect-database", &mut fields.database),
            ("connect-user", &mut fields.user),
        ] {
            let label = ui.label(tr.t(key));
            ui.add(egui::TextEdit::singleline(value).desired_width(280.0)).labelled_by(label.id);
            ui.end_row();
        }
        let label = ui.label(tr.t("connect-password"));
        ui.add(
            egui::TextEdit::singleline(&mut fields.password).password(true).desired_width(280.0),
        )
        .labelled_by(label.id);
        ui.end_row();
        let label = ui.label(tr.t("connect-tls"));
        egui::ComboBox::from_id_salt("connect-tls")
            .selected_text(tls_text(tr, fields.tls))
            .show_ui(ui, |ui| {
                for tls in [Tls::Prefer, Tls::Require, Tls::Verify] {
                    ui.selectable_value(&mut fields.tls, tls, tls_text(tr, tls));
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        if fields.tls == Tls::Verify {
            let label = ui.label(tr.t("connect-root"));
            ui.add(egui::TextEdit::singleline(&mut fields.root).desired_width(280.0))
                .labelled_by(label.id);
            ui.end_row();
        }
    });
}

fn tls_text(tr: &I18n, tls: Tls) -> String {
    tr.t(match tls {
        Tls::Prefer => "connect-tls-prefer",
        Tls::Require => "connect-tls-require",
        Tls::Verify => "connect-tls-verify",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_make_an_address_with_special_characters_encoded() {
        let form = ConnectForm {
            host: "db.kreis.example".into(),
            port: "6543".into(),
            database: "fahrplan".into(),
            user: "anna".into(),
            password: "p@ss:wört/1".into(),
            tls: Tls::Verify,
            root: "/etc/ssl/ca.pem".into(),
        };
        assert_eq!(
            form.url(),
            "postgresql://anna:p%40ss%3Aw%C3%B6rt%2F1@db.kreis.example:6543/fahrplan\
             ?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Fca.pem"
        );
        let plain = ConnectForm { password: String::new(), tls: Tls::Require, ..form };
        assert!(plain.url().starts_with("postgresql://anna@db.kreis.example:6543/"));
        assert!(plain.url().ends_with("?sslmode=require"));
    }
}
