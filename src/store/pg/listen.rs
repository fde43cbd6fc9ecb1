//! Listening for writes on a server: a background thread with its own connection that `LISTEN`s
//! on the channels of one roadmap (the window) or of many (the overview of all roadmaps).

use postgres::fallible_iterator::FallibleIterator;

use super::connect::ServerUrl;
use crate::store::Watch;

/// A window reloads at most this often, however many writes are announced.
const RELOAD_AT_MOST_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// What the listener heard.
enum Heard {
    /// Connected (again), or the connection was lost: the window looks at once.
    Connection,
    /// A write was announced.
    Write,
    /// Nothing for a while (a write announced within the last second is passed on now).
    Quiet,
}

/// Listens on `channels` from a background thread with its own connection and calls `on_change`
/// after writes by anyone (at most once a second); reconnects (with growing pauses) when the
/// connection drops, and calls `on_change` then too. `None` if no thread can be started.
pub(super) fn listen(
    url: ServerUrl,
    channels: &[String],
    on_change: impl Fn() + Send + 'static,
) -> Option<Watch> {
    // Channel names come from the roadmaps' own tables: only plain names are listened to.
    let listen: String = channels
        .iter()
        .filter(|c| !c.is_empty() && c.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .map(|c| format!("LISTEN \"{c}\";"))
        .collect();
    // However many writes are announced, the window reloads at most once a second: the
    // first at once, the rest together after the second.
    let mut last_call: Option<std::time::Instant> = None;
    let mut pending = false;
    let mut heard = move |event: Heard| {
        let due = last_call.is_none_or(|at| at.elapsed() >= RELOAD_AT_MOST_EVERY);
        let call = match event {
            Heard::Connection => true,
            Heard::Write => {
                pending = true;
                due
            }
            Heard::Quiet => pending && due,
        };
        if call {
            pending = false;
            last_call = Some(std::time::Instant::now());
            on_change();
        }
    };
    Watch::spawn("fahrplan-listen", move |stopped| {
        let mut pause = std::time::Duration::from_millis(500);
        // Pauses in short steps, so that a closing window never waits for one.
        let wait = |pause: std::time::Duration| {
            let until = std::time::Instant::now() + pause;
            while !stopped() && std::time::Instant::now() < until {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
        };
        while !stopped() {
            let listening = url
                .connect()
                .ok()
                .and_then(|mut client| client.batch_execute(&listen).ok().map(|()| client));
            let Some(mut client) = listening else {
                wait(pause);
                pause = (pause * 2).min(std::time::Duration::from_secs(30));
                continue;
            };
            pause = std::time::Duration::from_millis(500);
            // After a reconnect, whatever happened meanwhile is looked at.
            heard(Heard::Connection);
            let mut checked = std::time::Instant::now();
            loop {
                if stopped() {
                    return;
                }
                // A new wait each time: the iterator's timer only restarts when something
                // arrives, so one kept across quiet spells would return at once, spinning.
                let next = client
                    .notifications()
                    .timeout_iter(std::time::Duration::from_millis(200))
                    .next();
                // A server that goes away without a word ends the stream quietly: every few
                // seconds the connection is asked whether it is still there.
                let alive = match next {
                    Ok(Some(_)) => {
                        heard(Heard::Write);
                        true
                    }
                    Ok(None) if checked.elapsed() >= std::time::Duration::from_secs(5) => {
                        heard(Heard::Quiet);
                        checked = std::time::Instant::now();
                        !client.is_closed() && client.batch_execute("").is_ok()
                    }
                    Ok(None) => {
                        heard(Heard::Quiet);
                        !client.is_closed()
                    }
                    Err(_) => false,
                };
                if !alive {
                    // The connection is lost: the window is told (it then shows the last
                    // state read-only) and listening starts again.
                    heard(Heard::Connection);
                    break;
                }
            }
        }
    })
}
