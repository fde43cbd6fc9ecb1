//! "Datei › Mit Server verbinden …": the address of a PostgreSQL server in fields (host, port,
//! database, user, password, encryption), the roadmaps the user may see listed after connecting,
//! one opened with a click. The password lives only in this form and the open connection; the
//! recent files keep the address without it.

use egui::RichText;

use super::theme::Tokens;
use crate::app::storage::percent_decoded;
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
#[derive(Clone, PartialEq, Eq)]
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
    /// The roadmap to open once the password is given (a server roadmap from the recent files
    /// or the command line that the server would not open without it).
    pub roadmap: Option<String>,
    /// Whether the password field should take the keyboard focus (once, when asked).
    pub focus_password: bool,
}

impl std::fmt::Debug for ConnectForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the password.
        f.debug_struct("ConnectForm")
            .field("host", &self.host)
            .field("user", &self.user)
            .field("roadmap", &self.roadmap)
            .finish_non_exhaustive()
    }
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
            roadmap: None,
            focus_password: false,
        }
    }

    /// The fields of a server roadmap's address (`postgresql://user@host:port/db?sslmode=…#name`,
    /// as the recent files keep it), with the roadmap to open; `None` if `address` is none.
    pub fn from_address(address: &str, login: &str) -> Option<Self> {
        let rest = address
            .strip_prefix("postgresql://")
            .or_else(|| address.strip_prefix("postgres://"))?;
        let (rest, roadmap) = match rest.split_once('#') {
            Some((rest, name)) => (rest, Some(name.to_owned()).filter(|n| !n.is_empty())),
            None => (rest, None),
        };
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (user, rest) = rest.rsplit_once('@').map_or(("", rest), |(u, r)| (u, r));
        let user = user.split_once(':').map_or(user, |(user, _)| user);
        let (server, database) = rest.split_once('/').unwrap_or((rest, ""));
        // `db:5432`, `[::1]:5432`, or a host alone (`[::1]` has colons but no port).
        let (host, port) = match server.rfind(':') {
            Some(i) if !server[i..].contains(']') => (&server[..i], &server[i + 1..]),
            _ => (server, "5432"),
        };
        let user = if user.is_empty() { login.to_owned() } else { percent_decoded(user) };
        let mut form = Self::for_user(&user);
        host.clone_into(&mut form.host);
        port.clone_into(&mut form.port);
        if !database.is_empty() {
            form.database = percent_decoded(database);
        }
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("sslmode", "require")) => form.tls = Tls::Require,
                Some(("sslmode", "verify-full" | "verify-ca")) => form.tls = Tls::Verify,
                Some(("sslrootcert", root)) => form.root = percent_decoded(root),
                _ => {}
            }
        }
        form.focus_password = roadmap.is_some();
        form.roadmap = roadmap;
        Some(form)
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

/// The connect window, while `form` is open; returns the server's address when the overview of
/// all its roadmaps was asked for.
pub(super) fn connect_ui(
    ctx: &egui::Context,
    state: &AppState,
    tokens: &Tokens,
    form: &mut Option<ConnectForm>,
    commands: &mut Vec<Command>,
) -> Option<String> {
    let fields = form.as_mut()?;
    let mut overview = None;
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
        if let Some(roadmap) = &fields.roadmap {
            let server = format!("{}:{}", fields.host.trim(), fields.port.trim());
            ui.label(tr.f("connect-asked", &[("roadmap", roadmap), ("server", &server)]));
            ui.add_space(4.0);
        }
        let entered = fields_ui(ui, tr, fields);
        ui.label(RichText::new(tr.t("connect-password-note")).color(tokens.text_muted));
        let url = fields.url();
        let busy = state.job().is_some();
        ui.horizontal(|ui| {
            if let Some(roadmap) = &fields.roadmap {
                let open = egui::Button::new(tr.f("connect-open-named", &[("roadmap", roadmap)]));
                // Enter in the password field opens, as the button does.
                let pressed = ui.add_enabled(!busy, open).clicked() || entered;
                if pressed && !busy {
                    chosen = Some(format!("{url}#{roadmap}"));
                }
            }
            if ui.add_enabled(!busy, egui::Button::new(tr.t("connect-list"))).clicked() {
                commands.push(Command::ListServerRoadmaps(url.clone()));
            }
            if ui.add_enabled(!busy, egui::Button::new(tr.t("connect-overview"))).clicked() {
                overview = Some(url.clone());
            }
        });
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
    } else if !open || overview.is_some() {
        *form = None;
    }
    overview
}

/// The fields; returns whether Enter was pressed in the password field.
fn fields_ui(ui: &mut egui::Ui, tr: &I18n, fields: &mut ConnectForm) -> bool {
    let mut entered = false;
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
        let password = ui
            .add(
                egui::TextEdit::singleline(&mut fields.password)
                    .password(true)
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
        // Asked for a password: the cursor waits in its field (once; the user may move on).
        if std::mem::take(&mut fields.focus_password) {
            password.request_focus();
        }
        entered = password.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
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
    entered
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
            roadmap: None,
            focus_password: false,
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

    #[test]
    fn an_address_from_the_recent_files_fills_the_fields_and_names_the_roadmap() {
        let form = ConnectForm {
            host: "db.kreis.example".into(),
            port: "6543".into(),
            database: "fahr plan".into(),
            user: "anna.müller".into(),
            password: "secret".into(),
            tls: Tls::Verify,
            root: "/etc/ssl/ca.pem".into(),
            roadmap: None,
            focus_password: false,
        };
        let back = ConnectForm::from_address(&format!("{}#blumberg", form.url()), "x").unwrap();
        // Everything but the password, which is never kept in an address.
        assert_eq!(back.roadmap.as_deref(), Some("blumberg"));
        assert!(back.focus_password, "the password is asked for");
        let back =
            ConnectForm { password: "secret".into(), roadmap: None, focus_password: false, ..back };
        assert_eq!(back, form);
        let v6 = ConnectForm::from_address("postgres://[::1]/fahrplan?sslmode=require", "bernd");
        let v6 = v6.unwrap();
        assert_eq!(
            (v6.host.as_str(), v6.port.as_str(), v6.user.as_str()),
            ("[::1]", "5432", "bernd")
        );
        assert_eq!((v6.tls, v6.roadmap), (Tls::Require, None));
        assert_eq!(ConnectForm::from_address("/srv/fahrplan.sqlite", "x"), None);
    }
}
