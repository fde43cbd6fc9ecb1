//! The SQLite engine's reads and writes of the roadmap: each opens what only SQLite has (a
//! `BEGIN IMMEDIATE` transaction for a write, a read transaction for a snapshot) and hands it,
//! as [`Sql`], to the logic every engine shares (`queries`, `write`, `records`, `undo`, `seed`).

use rusqlite::{Connection, TransactionBehavior};

use super::sql::Sql;
use super::write::{Batch, BatchKind, run_batch};
use super::{Result, Store, queries, seed};
use crate::model::{Roadmap, Seed};

impl Store {
    /// Runs `f` on the connection, for reads.
    pub(super) fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let mut db: &Connection = &self.conn;
        f(&mut db)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction as an edit batch.
    pub(super) fn write<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Sql, &Batch) -> Result<T>,
    ) -> Result<T> {
        self.write_batch(BatchKind::Edit, f)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction with a fresh batch of `kind` (see
    /// [`run_batch`]); commits if it succeeds, rolls back otherwise.
    pub(super) fn write_batch<T>(
        &mut self,
        kind: BatchKind,
        f: impl FnOnce(&mut dyn Sql, &Batch) -> Result<T>,
    ) -> Result<T> {
        if let Some(reason) = &self.read_only {
            return Err(reason.refusal());
        }
        self.prepare_write()?;
        let mut tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let at = (self.clock)();
        let value = run_batch(&mut tx, kind, at, &self.who, f)?;
        tx.commit()?;
        Ok(value)
    }

    /// Writes `seed` into this (empty) file in one transaction; each measure gets one history
    /// entry with the seed's comment.
    pub(super) fn seed(&mut self, seed: &Seed) -> Result<()> {
        self.write_batch(BatchKind::Seed, |tx, batch| seed::seed(tx, batch, seed))
    }

    // --- Reading ---------------------------------------------------------------------------------

    /// The whole roadmap as one consistent snapshot.
    pub fn load_roadmap(&self) -> Result<Roadmap> {
        let mut tx = self.conn.unchecked_transaction()?;
        let roadmap = queries::load_roadmap(&mut tx)?;
        tx.finish()?;
        Ok(roadmap)
    }

    crate::store::roadmap::roadmap_methods!();
}
