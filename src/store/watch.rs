//! Noticing writes by anyone without holding the file open: the file's (and its WAL file's) size
//! and time, looked at from a background thread.

use std::path::Path;

use super::access;

/// The size and time of a roadmap file and of its WAL file: what changes when someone writes
/// (in WAL mode the WAL file grows; in the rollback journal's mode the file itself changes).
pub type FileStamp = [Option<(u64, std::time::SystemTime)>; 2];

/// The [`FileStamp`] of `path` now.
pub fn file_stamp(path: &Path) -> FileStamp {
    let of = |p: &Path| std::fs::metadata(p).ok().and_then(|m| Some((m.len(), m.modified().ok()?)));
    [of(path), of(&access::side_file(path, "-wal"))]
}

/// Stops the watcher thread of [`watch`] when dropped, and waits for it (a thread of
/// [`Watch::spawn`] is not waited for: it may be inside a connection attempt of up to 10 s, and
/// ends by itself soon after).
#[derive(Debug)]
pub struct Watch {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// Dropped to wake the file watcher's thread at once (it sleeps between looks).
    wake: Option<std::sync::mpsc::Sender<()>>,
}

impl Watch {
    /// Runs `body` on a background thread named `name`; `body` gets a function that says when
    /// to stop (the [`Watch`] was dropped). `None` if no thread can be started.
    pub fn spawn(
        name: &str,
        body: impl FnOnce(&dyn Fn() -> bool) + Send + 'static,
    ) -> Option<Self> {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || body(&|| stopped.load(std::sync::atomic::Ordering::Relaxed)))
            .ok()?;
        // Detached: dropping the handle does not wait.
        drop(thread);
        Some(Self { stop, thread: None, wake: None })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        drop(self.wake.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Watches `path` for writes by anyone (another window, the command line, this process) and
/// calls `on_change` after each, from a background thread that looks at the file's size and time
/// (and its WAL file's) once a second, every two seconds on a network drive. It holds no
/// connection, so it never keeps a lock on the file; nothing is polled in the user interface, so
/// an idle window stays idle. `None` if no thread can be started.
pub fn watch(path: &Path, on_change: impl Fn() + Send + 'static) -> Option<Watch> {
    let interval =
        std::time::Duration::from_secs(if access::on_network_drive(path) { 2 } else { 1 });
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // The thread sleeps until its next look or until the Watch is dropped (then the channel
    // closes): one wake-up a second, not ten (an idle window's CPU time, issue 28).
    let (wake, woken) = std::sync::mpsc::channel::<()>();
    let path = path.to_owned();
    // The starting point is read before this function returns, so no write after it is missed.
    let mut last = file_stamp(&path);
    let thread = std::thread::Builder::new()
        .name("fahrplan-watch".into())
        .spawn(move || {
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = woken.recv_timeout(interval)
            {
                let now = file_stamp(&path);
                if now != last {
                    last = now;
                    on_change();
                }
            }
        })
        .ok()?;
    Some(Watch { stop, thread: Some(thread), wake: Some(wake) })
}
