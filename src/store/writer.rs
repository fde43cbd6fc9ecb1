//! The writer's connection: opened on a sound Fahrplan file with the journal's name claimed
//! (see `side`), switched to WAL at the first write on a local disk, and left in the rollback
//! journal's mode without side files when it closes.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{
    BUSY_TIMEOUT, FileReport, Result, SCHEMA_VERSION, Store, StoreError, WalState, backup,
    backup_connection, harden, schema, side,
};

impl Store {
    /// A connection that writes: WAL on a local disk, the rollback journal on a network drive;
    /// an older schema is migrated after a verified backup.
    pub(super) fn open_writer(path: &Path, report: &FileReport, network: bool) -> Result<Self> {
        // The file is a sound Fahrplan file: the journal's name is claimed before SQLite looks
        // for a journal (and what appeared since the first look is looked at again).
        if let Some(blocker) = side::clear_foreign(path, false) {
            return Err(StoreError::Blocked(blocker));
        }
        if let Some(blocker) = side::claim_journal(path) {
            return Err(StoreError::Blocked(blocker));
        }
        let opened = Self::open_claimed(path, report, network);
        if opened.is_err() {
            side::release_journal(path);
        }
        opened
    }

    /// [`Self::open_writer`] once the journal's name is claimed.
    fn open_claimed(path: &Path, report: &FileReport, network: bool) -> Result<Self> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let err = |e| StoreError::from_open(path, e);
        let mut conn = Connection::open_with_flags(path, flags).map_err(err)?;
        if conn.is_readonly(rusqlite::MAIN_DB).map_err(err)? {
            return Err(StoreError::ReadOnly);
        }
        harden(&conn).map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(err)?;
        // SQLite's WAL needs shared memory, which network file systems do not give: there the
        // rollback journal (an existing WAL is checkpointed and switched back here). On a local
        // disk WAL is switched on at the first write.
        let journal: String =
            conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).map_err(err)?;
        if network && journal.eq_ignore_ascii_case("wal") {
            conn.pragma_update(None, "journal_mode", "DELETE").map_err(err)?;
        }
        // In the rollback journal's mode the journal's name stays claimed while the file is
        // open, empty between writes (see `side::claim_journal`); closing switches back to
        // DELETE, which removes it.
        if !journal.eq_ignore_ascii_case("wal") || network {
            conn.pragma_update(None, "journal_mode", "TRUNCATE").map_err(err)?;
        }
        conn.pragma_update(None, "synchronous", "FULL").map_err(err)?;
        if report.schema_version < SCHEMA_VERSION {
            // Never migrate without a verified copy of the file as it was.
            let stamp = chrono::Local::now().naive_local();
            let name = format!("-before-v{}", report.schema_version);
            let target = backup::new_backup_path(path, &name, stamp)?;
            backup_connection(&conn, &target)?;
            schema::migrate(&mut conn).map_err(|e| StoreError::Migration(e.to_string()))?;
        }
        let mut store = Self::with_connection(conn, path, None);
        store.wal = if network { WalState::NotUsed } else { WalState::Pending };
        Ok(store)
    }

    /// Before a write: a writer on a local disk switches the file to WAL (readers and writers at
    /// once) the first time.
    pub(super) fn prepare_write(&mut self) -> Result<()> {
        if self.wal != WalState::Pending {
            return Ok(());
        }
        // A log or shared memory someone else put beside the file is never opened as WAL's.
        if let Some(blocker) = side::clear_foreign(&self.path, true) {
            return Err(StoreError::Blocked(blocker));
        }
        // Two writers switching at the same moment both hold a read lock and want the file to
        // themselves: SQLite answers one of them "busy" at once, without waiting. Try again for
        // as long as a write would wait.
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        loop {
            match self.conn.pragma_update(None, "journal_mode", "WAL") {
                Ok(()) => break,
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(e) => return Err(e.into()),
            }
        }
        self.wal = WalState::On;
        side::release_journal(&self.path);
        Ok(())
    }
}

impl Drop for Store {
    /// A writer on a local disk leaves the file in the rollback journal's mode, so that readers
    /// need no side files (see [`access`]). Where other connections still use the file, the
    /// switch waits for the last one; it never waits here.
    fn drop(&mut self) {
        // Whichever writer closes last (this one may never have written) leaves the file in
        // the rollback journal's mode. While other writers still use it the switch cannot be
        // made; the last of them makes it.
        if self.wal != WalState::NotUsed {
            let _ = self.conn.busy_timeout(std::time::Duration::ZERO);
            let mode: rusqlite::Result<String> =
                self.conn.pragma_query_value(None, "journal_mode", |r| r.get(0));
            if mode.is_ok_and(|m| m.eq_ignore_ascii_case("wal")) {
                let _ = self.conn.pragma_update(None, "journal_mode", "DELETE");
            }
        }
        // A writer in the rollback journal's mode gives up its claim on the journal's name
        // (switching from TRUNCATE to DELETE removes the journal).
        if self.read_only.is_none() && self.path != Path::new(":memory:") {
            let mode: rusqlite::Result<String> =
                self.conn.pragma_query_value(None, "journal_mode", |r| r.get(0));
            if mode.is_ok_and(|m| m.eq_ignore_ascii_case("truncate")) {
                let _ = self.conn.pragma_update(None, "journal_mode", "DELETE");
            }
            side::release_journal(&self.path);
        }
    }
}
