//! "Alle Fahrpläne": the key figures of many roadmaps side by side, for a county, a municipal IT
//! provider or an information-security officer shared by several towns. From a server (every
//! roadmap the login may see; the server's rights decide) or a folder of roadmap files (each read
//! only to read). The window, the command line and the county report all read it from here.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::storage::{StoreError, Watch};
use crate::model::TownFigures;
use crate::store::overview as files;
use crate::store::pg::{self, RoadmapRole};

/// Where the roadmaps of an overview are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A server's address (`postgresql://…`, without a roadmap).
    Server(String),
    /// A folder of roadmap files.
    Folder(PathBuf),
}

impl Source {
    /// The source for `db`: a server address (its roadmap part dropped) or, for a file, none.
    pub fn server_of(db: &Path) -> Option<Self> {
        let text = db.to_str().filter(|t| pg::is_server_url(t))?;
        Some(Self::Server(pg::split_roadmap(text).0.to_owned()))
    }

    /// How it is named in titles: the server without password, or the folder's path.
    pub fn shown(&self) -> String {
        match self {
            Self::Server(url) => super::display_name(Path::new(url)),
            Self::Folder(dir) => dir.display().to_string(),
        }
    }
}

/// How the window starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// At the desk, on the roadmap.
    Desk,
    /// Presenting to the council, full screen.
    Present,
    /// With the overview of all roadmaps of a source (the roadmap below it).
    Overview(Source),
}

/// The login's (or, for a file, this user's) role in a roadmap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Reads.
    Viewer,
    /// Reads and writes.
    Editor,
    /// Administers.
    Admin,
}

impl Role {
    /// `viewer`, `editor`, `admin`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Editor => "editor",
            Self::Admin => "admin",
        }
    }
}

impl From<RoadmapRole> for Role {
    fn from(role: RoadmapRole) -> Self {
        match role {
            RoadmapRole::Viewer => Self::Viewer,
            RoadmapRole::Editor => Self::Editor,
            RoadmapRole::Admin => Self::Admin,
        }
    }
}

/// One roadmap of the overview.
#[derive(Clone, Debug)]
pub struct Town {
    /// Its name: the roadmap's on a server, the file's name in a folder.
    pub name: String,
    /// The role of whoever looks.
    pub role: Role,
    /// What opens it (`postgresql://…#name`, or the file's path).
    pub address: PathBuf,
    /// Its figures, or why it could not be read.
    pub figures: Result<TownFigures, std::sync::Arc<StoreError>>,
    /// See [`Town::label`].
    label: String,
}

impl Town {
    /// The name to show: the town's, with the roadmap's own name where two would look alike
    /// (`Blumberg (blumberg-2025.sqlite)`); the roadmap's name alone without a town.
    pub fn label(&self) -> &str {
        &self.label
    }
}

/// A town by its name, role and address, with the figures of what was read of it (labelled later).
fn town(
    (name, role, address): (String, Role, PathBuf),
    snapshot: Result<crate::model::TownSnapshot, StoreError>,
    today: NaiveDate,
) -> Town {
    let figures = snapshot.map(|s| TownFigures::of(&s, today)).map_err(std::sync::Arc::new);
    Town { name, role, address, figures, label: String::new() }
}

/// Gives every town its label (see [`Town::label`]).
fn label(towns: &mut [Town]) {
    let town = |t: &Town| match &t.figures {
        Ok(f) if !f.town.trim().is_empty() => f.town.trim().to_owned(),
        _ => t.name.clone(),
    };
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for t in towns.iter() {
        *seen.entry(town(t).to_lowercase()).or_default() += 1;
    }
    for t in towns.iter_mut() {
        // A town's name of any length is cut to one line; the roadmap's name stays whole.
        let long = town(t);
        let shown: String = if long.chars().count() > 60 {
            long.chars().take(59).chain(std::iter::once('…')).collect()
        } else {
            long
        };
        t.label = if seen.get(&shown.to_lowercase()).copied().unwrap_or(0) > 1 && shown != t.name {
            format!("{shown} ({})", t.name)
        } else {
            shown
        };
    }
}

/// The figures of every roadmap of a source as of a day.
#[derive(Clone, Debug)]
pub struct Overview {
    /// Where they are.
    pub source: Source,
    /// When they were read.
    pub generated_at: NaiveDateTime,
    /// The day the figures are as of.
    pub today: NaiveDate,
    /// The roadmaps, by their label.
    pub towns: Vec<Town>,
    /// The channels a server announces their writes on.
    channels: Vec<String>,
    /// A folder's files as they were before they were read (a write after it is noticed).
    stamp: Vec<(PathBuf, crate::store::FileStamp)>,
}

/// Reads every roadmap of `source` as of `now`.
pub fn load(source: &Source, now: NaiveDateTime) -> Result<Overview, StoreError> {
    let today = now.date();
    let stamp = match source {
        Source::Folder(dir) => files::folder_stamp(dir),
        Source::Server(_) => Vec::new(),
    };
    let (mut towns, channels): (Vec<Town>, Vec<String>) = match source {
        Source::Server(url) => {
            let read = pg::overview_at(url)?;
            let channels = read.iter().map(|t| t.channel.clone()).collect();
            let towns = read
                .into_iter()
                .map(|t| {
                    let address = format!("{url}#{}", t.name).into();
                    town((t.name, t.role.into(), address), t.snapshot, today)
                })
                .collect();
            (towns, channels)
        }
        Source::Folder(dir) => {
            let towns = files::folder(dir)?
                .into_iter()
                .map(|t| {
                    let role = if t.may_write { Role::Editor } else { Role::Viewer };
                    town((super::display_name(&t.path), role, t.path), t.snapshot, today)
                })
                .collect();
            (towns, Vec::new())
        }
    };
    label(&mut towns);
    // In the order people look for them: by the name shown.
    towns.sort_by_cached_key(|t| (t.label.to_lowercase(), t.name.clone()));
    Ok(Overview { source: source.clone(), generated_at: now, today, towns, channels, stamp })
}

impl Overview {
    /// The channels a server announces the writes of these towns on (empty for a folder): a
    /// watch made for one set does not hear a town added later.
    pub fn channels(&self) -> &[String] {
        &self.channels
    }
}

/// Calls `on_change` after a write to any roadmap of `overview` by anyone (a server's
/// notifications; a folder's files looked at once a second, new and removed ones included).
/// `None` if nothing can be watched.
pub fn watch(overview: &Overview, on_change: impl Fn() + Send + 'static) -> Option<Watch> {
    match &overview.source {
        // (It also calls once it has connected, and after every reconnect: a write between the
        // read and the listening would otherwise go unseen.)
        Source::Server(url) => pg::watch_overview(url, &overview.channels, on_change),
        Source::Folder(dir) => {
            let dir = dir.clone();
            // From the files as they were when read: a write since then is heard at once.
            let mut last = overview.stamp.clone();
            Watch::spawn("fahrplan-overview-watch", move |stopped| {
                while !stopped() {
                    // Once a second, but a closed view's thread ends within a quarter of it.
                    for _ in 0..4 {
                        if stopped() {
                            return;
                        }
                        std::thread::sleep(std::time::Duration::from_millis(250));
                    }
                    let now = files::folder_stamp(&dir);
                    if now != last {
                        last = now;
                        on_change();
                    }
                }
            })
        }
    }
}

/// The overview as the county report and the spreadsheet take it: roles and problems in the
/// words of `tr`.
pub fn county<'a>(overview: &'a Overview, tr: &crate::i18n::I18n) -> crate::export::County<'a> {
    crate::export::County {
        towns: overview
            .towns
            .iter()
            .map(|t| crate::export::CountyTown {
                name: &t.name,
                label: t.label(),
                role: tr.f("connect-role", &[("role", &t.role.as_str())]),
                figures: t.figures.as_ref().map_err(|e| e.localize(tr)),
            })
            .collect(),
        source: overview.source.shown(),
        today: overview.today,
    }
}

/// Writes the county report of `overview` to `path` (PDF, or the web page with `html`), whole
/// or not at all; the error in the words of `tr`.
pub fn write_report(
    overview: &Overview,
    tr: &crate::i18n::I18n,
    path: &Path,
    html: bool,
) -> Result<(), String> {
    let county = county(overview, tr);
    let bytes = if html {
        crate::export::county_html(&county, tr).into_bytes()
    } else {
        crate::export::county_pdf(&county, tr).map_err(|e| e.localize(tr))?
    };
    super::write_atomically(path, &bytes).map_err(|e| format!("{}: {e}", path.display()))
}
