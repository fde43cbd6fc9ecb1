//! A roadmap on a PostgreSQL server as a storage engine: the shared roadmap logic runs in the
//! server's transactions (writes of one roadmap one after the other, by an advisory lock); every
//! write notifies the roadmap's channel so that other windows refresh by themselves; a copy is a
//! verified SQLite file.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::connect::{ServerUrl, server_error};
use super::open::{Opened, open};
use super::sql::Prepared;
use super::{Result, StoreError};
use crate::model::Seed;
use crate::store::sql::Sql;
use crate::store::write::{Batch, BatchKind, run_batch};
use crate::store::{Clock, Looked, ReadOnlyReason, ServerTrouble, Storage, Watch, current_user};

/// One roadmap on a server.
pub struct PgStore {
    /// The connection (the client needs `&mut` even to read; reads take `&self`).
    client: std::cell::RefCell<postgres::Client>,
    /// Whether the connection was found lost (set by any failed call, cleared by a reconnect).
    offline: std::cell::Cell<bool>,
    /// When to try to connect again, and the pause after the next failure (growing to 30 s).
    retry: Option<(std::time::Instant, std::time::Duration)>,
    /// A connection being made beside the window (never on the caller's thread: it may take
    /// up to 10 s).
    reconnecting: Option<std::sync::mpsc::Receiver<Result<Opened>>>,
    /// Writes the listener heard of (0: no listener yet).
    changes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// The connection's prepared statements, by their text.
    statements: std::cell::RefCell<std::collections::HashMap<String, postgres::Statement>>,
    url: ServerUrl,
    roadmap: String,
    /// The channel its writes are announced on (a name only its members can read).
    channel: String,
    /// `postgresql://user@host:port/database#roadmap`, shown where a file's path would be.
    location: PathBuf,
    read_only: Option<ReadOnlyReason>,
    who: String,
    clock: Clock,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("location", &self.location)
            .field("read_only", &self.read_only)
            .field("who", &self.who)
            .finish_non_exhaustive()
    }
}

/// A copy made through the model (a server's backup, a restore onto a server) would leave out
/// rows that cannot be read and lose what they hold: refused, naming how many.
fn refuse_unreadable(
    roadmap: &crate::model::Roadmap,
    history: &[crate::model::Change],
) -> Result<()> {
    let bad = roadmap.unreadable.len() + history.iter().filter(|c| c.field == "unreadable").count();
    if bad > 0 {
        return Err(StoreError::UnreadableRows(bad));
    }
    Ok(())
}

impl PgStore {
    /// Opens `roadmap` (or the only one this user may see) on the server at `url`. Who writes is
    /// the login the server authenticated (never a name the user declares: `FAHRPLAN_USER` is
    /// not asked here, so the history and the four-eyes rule rest on the server's word).
    pub fn open(url: &str, roadmap: Option<&str>) -> Result<Self> {
        let url = ServerUrl::parse(url)?;
        let Opened { mut client, roadmap, read_only, channel } = open(&url, roadmap)?;
        let who = client
            .query_one("SELECT session_user::text", &[])
            .ok()
            .and_then(|row| row.try_get::<_, String>(0).ok())
            .unwrap_or_else(|| url.user().to_owned());
        let location = PathBuf::from(url.location(&roadmap));
        Ok(Self {
            client: std::cell::RefCell::new(client),
            statements: std::cell::RefCell::default(),
            changes: std::sync::Arc::default(),
            offline: std::cell::Cell::new(false),
            retry: None,
            reconnecting: None,
            url,
            roadmap,
            channel,
            location,
            read_only,
            who: if who.is_empty() { current_user() } else { who },
            clock: Box::new(|| chrono::Local::now().naive_local()),
        })
    }

    /// After evidence was erased: nothing more to do here (the server's VACUUM reclaims the
    /// dead rows; see the README for providers).
    #[allow(clippy::unused_self)]
    const fn after_purge(&self) {}

    /// The roadmap's name on the server.
    pub fn roadmap(&self) -> &str {
        &self.roadmap
    }

    /// Replaces the clock used for history timestamps (tests).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    fn db(&self, e: &postgres::Error) -> StoreError {
        self.noticed(server_error(self.url.host(), e))
    }

    /// Remembers a lost connection (the window then shows the last state read-only).
    fn noticed(&self, e: StoreError) -> StoreError {
        match e {
            StoreError::Server { trouble, .. } => {
                self.offline.set(true);
                StoreError::Server { host: self.url.host().to_owned(), trouble }
            }
            e => e,
        }
    }

    /// Runs `f` as one batch in a transaction of its own; writes of this roadmap wait for each
    /// other (an advisory lock for the roadmap), and the commit is announced to every listener.
    pub(in crate::store) fn write_batch<T>(
        &mut self,
        kind: BatchKind,
        f: impl FnOnce(&mut dyn Sql, &Batch) -> Result<T>,
    ) -> Result<T> {
        self.write_batch_here(kind, f).map_err(|e| self.noticed(e))
    }

    fn write_batch_here<T>(
        &mut self,
        kind: BatchKind,
        f: impl FnOnce(&mut dyn Sql, &Batch) -> Result<T>,
    ) -> Result<T> {
        if self.read_only.is_some() {
            return Err(StoreError::ReadOnly);
        }
        if self.offline.get() {
            return Err(StoreError::Server {
                host: self.url.host().to_owned(),
                trouble: crate::store::ServerTrouble::Closed,
            });
        }
        let at = (self.clock)();
        let host = self.url.host().to_owned();
        let db = |e: postgres::Error| server_error(&host, &e);
        let channel = self.channel.clone();
        let client = self.client.get_mut();
        let mut tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::ReadCommitted)
            .start()
            .map_err(db)?;
        // Writes of one roadmap one after the other: a lock only its editors may take (never one
        // anybody could hold), waited for at most 10 s ("busy"), and no statement runs longer
        // than 30 s.
        tx.batch_execute(
            "SET LOCAL lock_timeout = '10s'; SET LOCAL statement_timeout = '30s'; \
             LOCK TABLE write_lock IN EXCLUSIVE MODE",
        )
        .map_err(db)?;
        let cache = self.statements.get_mut();
        let value = run_batch(&mut Prepared { tx: &mut tx, cache }, kind, at, &self.who, f)?;
        tx.execute("SELECT pg_notify($1, '')", &[&channel]).map_err(db)?;
        tx.commit().map_err(db)?;
        Ok(value)
    }

    /// [`Self::read`]: the server has the evidence files' bytes where it has everything else.
    pub(in crate::store) fn read_files<T>(
        &self,
        f: impl FnOnce(&mut dyn Sql) -> Result<T>,
    ) -> Result<T> {
        self.read(f)
    }

    /// Runs `f` on one consistent view of the roadmap (a read-only, repeatable-read transaction).
    pub(in crate::store) fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let mut client = self
            .client
            .try_borrow_mut()
            .map_err(|_| StoreError::Postgres("the connection is in use".into()))?;
        let mut tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| self.db(&e))?;
        let mut cache = self
            .statements
            .try_borrow_mut()
            .map_err(|_| StoreError::Postgres("the connection is in use".into()))?;
        let value =
            f(&mut Prepared { tx: &mut tx, cache: &mut cache }).map_err(|e| self.noticed(e))?;
        tx.commit().map_err(|e| self.db(&e))?;
        Ok(value)
    }

    /// A number that changes with every write by anyone: the writes the listener heard of
    /// (without a listener, the newest batch and history row, asked of the server).
    pub fn data_version(&self) -> Result<i64> {
        let heard = self.changes.load(std::sync::atomic::Ordering::SeqCst);
        if heard > 0 {
            return Ok(i64::try_from(heard).unwrap_or(i64::MAX));
        }
        let row = self
            .client
            .try_borrow_mut()
            .map_err(|_| StoreError::Postgres("the connection is in use".into()))?
            .query_one(
                "SELECT (SELECT coalesce(max(id), 0) FROM batch) * 1000003 \
                      + (SELECT coalesce(max(id), 0) FROM history)",
                &[],
            )
            .map_err(|e| self.db(&e))?;
        Ok(row.get(0))
    }

    /// Where the roadmap is, shown like a file's path.
    pub fn path(&self) -> &Path {
        &self.location
    }

    /// Listens on the roadmap's channel from a background thread with its own connection and
    /// calls `on_change` after every write by anyone; reconnects (with growing pauses) when the
    /// connection drops. `None` if no thread can be started.
    pub fn watch(&self, on_change: Box<dyn Fn() + Send>) -> Option<Watch> {
        let changes = self.changes.clone();
        super::listen::listen(self.url.clone(), std::slice::from_ref(&self.channel), move || {
            changes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            on_change();
        })
    }

    /// Writes a verified SQLite copy of the roadmap (everything, with its history as a record)
    /// to `target`, a new file: the portable copy a town keeps.
    pub fn copy_to(&self, target: &Path) -> Result<()> {
        let (roadmap, history) = self.read(|db| {
            Ok((
                crate::store::queries::load_roadmap(db)?,
                crate::store::queries::history(db, None)?,
            ))
        })?;
        refuse_unreadable(&roadmap, &history)?;
        let mut copy = crate::store::Store::create(target, None)?;
        // Rows from before the server's checks (NOT VALID there) are copied as they are.
        copy.keep_rows_as_they_are()?;
        // The evidence files first (one at a time), then the evidence that names them: the files
        // of the roadmap just read (evidence removed meanwhile keeps its bytes for undo).
        let mut checksums: Vec<&String> =
            roadmap.evidence.iter().filter_map(|e| e.sha256.as_ref()).collect();
        checksums.sort();
        checksums.dedup();
        for sha in checksums {
            if let Some(bytes) = self.evidence_file(sha)? {
                copy.put_evidence_file(&bytes)?;
            }
        }
        copy.replace_all(&roadmap, &history, true, None)?;
        drop(copy);
        crate::store::inspect(target).map(|_| ())
    }
}

/// Writes the first content of a new roadmap (the default roadmap) inside the transaction that
/// created it, as the seed batch, by `who`.
pub fn write_seed(tx: &mut postgres::Transaction<'_>, seed: &Seed, who: &str) -> Result<()> {
    let at = chrono::Local::now().naive_local();
    run_batch(tx, BatchKind::Seed, at, who, |tx, batch| crate::store::seed::seed(tx, batch, seed))
}

impl PgStore {
    /// Runs `f` as an edit batch.
    pub(in crate::store) fn write<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Sql, &Batch) -> Result<T>,
    ) -> Result<T> {
        self.write_batch(BatchKind::Edit, f)
    }

    /// The whole roadmap as one consistent snapshot.
    pub fn load_roadmap(&self) -> Result<crate::model::Roadmap> {
        self.read(crate::store::queries::load_roadmap)
    }

    crate::store::roadmap::roadmap_methods!();
}

impl PgStore {
    /// See [`Storage::look_again`]: a connection the server dropped is made anew, after pauses
    /// that grow from half a second to 30 s (the roadmap is then read again); otherwise nothing
    /// to do, the listener reports writes. While the server cannot be reached the roadmap is
    /// shown read-only, as it was last read.
    fn reconnect_if_closed(&mut self) -> Result<Looked> {
        if self.client.get_mut().is_closed() {
            self.offline.set(true);
        }
        if !self.offline.get() {
            return Ok(Looked::Nothing);
        }
        let now = std::time::Instant::now();
        let attempt = match &self.reconnecting {
            Some(receiver) => match receiver.try_recv() {
                Ok(result) => result,
                Err(std::sync::mpsc::TryRecvError::Empty) => return Ok(Looked::Nothing),
                Err(std::sync::mpsc::TryRecvError::Disconnected) => Err(StoreError::Server {
                    host: self.url.host().to_owned(),
                    trouble: ServerTrouble::Closed,
                }),
            },
            None => {
                if self.retry.is_none_or(|(at, _)| now >= at) {
                    self.start_reconnecting();
                }
                return Ok(Looked::Nothing);
            }
        };
        self.reconnecting = None;
        match attempt {
            Ok(Opened { client, read_only, .. }) => {
                *self.client.get_mut() = client;
                // Statements belong to the connection that prepared them.
                self.statements.get_mut().clear();
                self.read_only = read_only;
                self.offline.set(false);
                self.retry = None;
                Ok(Looked::Reloaded)
            }
            Err(StoreError::Server { .. }) => {
                let pause = self.retry.map_or(std::time::Duration::from_millis(500), |(_, p)| {
                    (p * 2).min(std::time::Duration::from_secs(30))
                });
                self.retry = Some((now + pause, pause));
                Ok(Looked::Nothing)
            }
            Err(e) => Err(e),
        }
    }

    /// Starts connecting again on a thread of its own; [`Self::reconnect_if_closed`] takes the
    /// result when it is there.
    fn start_reconnecting(&mut self) {
        let (sender, receiver) = std::sync::mpsc::channel();
        let (url, roadmap) = (self.url.clone(), self.roadmap.clone());
        let started =
            std::thread::Builder::new().name("fahrplan-reconnect".into()).spawn(move || {
                let _ = sender.send(open(&url, Some(&roadmap)));
            });
        if started.is_ok() {
            self.reconnecting = Some(receiver);
        }
    }

    /// Where a copy goes without a name: the current folder, `ROADMAP-YYYY-MM-DD_HH-MM-SS.sqlite`.
    /// Where a copy goes: `output`, or this user's own folder for copies of server roadmaps
    /// (`backups/server` in the data directory), never over an earlier copy of the same second.
    fn copy_path(&self, now: NaiveDateTime, output: Option<&Path>) -> PathBuf {
        if let Some(output) = output {
            return output.to_path_buf();
        }
        let folder = crate::store::backup::own_copies_dir();
        let _ = std::fs::create_dir_all(&folder);
        let base = format!("{}-{}", self.roadmap, now.format("%Y-%m-%d_%H-%M-%S"));
        let first = folder.join(format!("{base}.sqlite"));
        if !first.exists() {
            return first;
        }
        (2..1000)
            .map(|n| folder.join(format!("{base}-{n}.sqlite")))
            .find(|p| !p.exists())
            .unwrap_or(first)
    }
}

impl Storage for PgStore {
    fn path(&self) -> &Path {
        Self::path(self)
    }
    fn read_only_reason(&self) -> Option<&ReadOnlyReason> {
        const OFFLINE: ReadOnlyReason = ReadOnlyReason::Offline;
        if self.offline.get() { Some(&OFFLINE) } else { self.read_only.as_ref() }
    }
    fn is_network(&self) -> bool {
        false
    }
    fn may_replace(&self) -> Result<bool> {
        Ok(!self.is_read_only()
            && self.read(|db| db.query_one("SELECT fahrplan_is_admin()", &[])?.int(0))? == 1)
    }
    fn who(&self) -> &str {
        &self.who
    }
    fn set_who(&mut self, _who: String) {
        // Who writes is the login the server authenticated: the history's trigger writes it,
        // whatever a client names.
    }
    fn data_version(&self) -> Result<i64> {
        Self::data_version(self)
    }
    fn look_again(&mut self) -> Result<Looked> {
        self.reconnect_if_closed()
    }
    fn watch(&self, on_change: Box<dyn Fn() + Send>) -> Option<Watch> {
        Self::watch(self, on_change)
    }

    crate::store::engine::delegate_roadmap!();

    fn backup_now(&self, now: NaiveDateTime, output: Option<&Path>) -> Result<PathBuf> {
        let path = self.copy_path(now, output);
        self.copy_to(&path)?;
        Ok(path)
    }
    fn daily_backup(&self, _now: NaiveDateTime) -> Result<Option<PathBuf>> {
        // The server is backed up where it runs (pg_dump, replication); copies are on request.
        Ok(None)
    }
    fn backup_to(&self, target: &Path) -> Result<()> {
        self.copy_to(target)
    }
    fn restore_from(&mut self, backup: &Path, now: NaiveDateTime) -> Result<PathBuf> {
        // Only the roadmap's administrators replace it: asked before anything is copied.
        let admin = self.read(|db| db.query_one("SELECT fahrplan_is_admin()", &[])?.int(0))?;
        if admin == 0 {
            return Err(StoreError::AdminOnly);
        }
        let bytes = std::fs::read(backup)
            .map_err(|e| StoreError::Io { path: backup.to_owned(), detail: e.to_string() })?;
        let origin =
            crate::store::Origin::of_file(crate::store::OriginKind::Restore, backup, &bytes);
        drop(bytes);
        let source = crate::store::Store::open_read_only(backup)?;
        let (roadmap, history) = (source.load_roadmap()?, source.history(None)?);
        refuse_unreadable(&roadmap, &history)?;
        // What is replaced is kept as a copy first.
        let kept = self.backup_now(now, None)?;
        for sha in source.evidence_checksums()? {
            if let Some(bytes) = source.evidence_file(&sha)? {
                self.put_evidence_file(&bytes)?;
            }
        }
        drop(source);
        self.replace_all(&roadmap, &history, true, Some(&origin))?;
        Ok(kept)
    }
}
