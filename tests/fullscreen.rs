//! The council presentation is full screen without a title bar, whatever the window remembered:
//! a real window under Xvfb and a window manager (openbox). A desk session ends maximised (eframe
//! remembers that), then `--present` must still give a full-screen window of the screen's size.
//!
//! Needs Xvfb, openbox, xdotool, wmctrl and xprop (installed by `.ci/run`; elsewhere the test
//! is skipped with a note).

mod common;

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::have;

/// Children killed when the test ends, however it ends.
struct Children(Vec<Child>);

impl Drop for Children {
    fn drop(&mut self) {
        // SIGTERM first, so that Xvfb removes its lock file and socket; SIGKILL after a while.
        for child in self.0.iter_mut().rev() {
            if child.try_wait().ok().flatten().is_some() {
                continue;
            }
            let _ = Command::new("kill").arg(child.id().to_string()).stderr(Stdio::null()).status();
            let ended = wait_for(5, || child.try_wait().ok().flatten());
            if ended.is_none() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}

/// Polls `f` every 100 ms until it gives a value or `seconds` have passed.
fn wait_for<T>(seconds: u64, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let end = Instant::now() + Duration::from_secs(seconds);
    loop {
        if let Some(value) = f() {
            return Some(value);
        }
        if Instant::now() > end {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A command on the test's display, with its own home (eframe's remembered state lives there).
fn on_display(program: &str, display: &str, home: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env_remove("FAHRPLAN_DB")
        .env("FAHRPLAN_TODAY", "2026-12-06")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn text(output: std::io::Result<Output>) -> String {
    output.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
}

/// The first visible window of process `pid`.
fn window_of(display: &str, home: &Path, pid: u32) -> Option<String> {
    let found = text(
        on_display("xdotool", display, home)
            .args(["search", "--onlyvisible", "--pid", &pid.to_string()])
            .stdout(Stdio::piped())
            .output(),
    );
    found.lines().next().map(str::to_owned)
}

/// `_NET_WM_STATE` of the window and its size as `WxH`.
fn state_and_size(display: &str, home: &Path, window: &str) -> (String, String) {
    let state = text(
        on_display("xprop", display, home)
            .args(["-id", window, "_NET_WM_STATE"])
            .stdout(Stdio::piped())
            .output(),
    );
    let geometry = text(
        on_display("xdotool", display, home)
            .args(["getwindowgeometry", window])
            .stdout(Stdio::piped())
            .output(),
    );
    let size = geometry
        .lines()
        .find_map(|l| l.trim().strip_prefix("Geometry: "))
        .unwrap_or_default()
        .to_owned();
    (state, size)
}

fn tool(name: &str) -> bool {
    have("sh", &["-c", &format!("command -v {name}")])
}

#[test]
fn present_is_full_screen_after_a_maximised_desk_session() {
    if !["Xvfb", "openbox", "xdotool", "wmctrl", "xprop"].into_iter().all(tool) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("roadmap.sqlite");
    // Xvfb picks a free display itself and says which (no race with another server).
    let mut children = Children(Vec::new());
    let mut xvfb = on_display("Xvfb", "", home)
        .args(["-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("Xvfb starts");
    let stdout = xvfb.stdout.take().expect("Xvfb's output");
    children.0.push(xvfb);
    // Read on a thread that keeps the pipe open while Xvfb runs; waited for at most 20 s.
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = std::io::BufReader::new(stdout);
        let mut line = String::new();
        let _ = std::io::BufRead::read_line(&mut reader, &mut line);
        let _ = sender.send(line);
        let _ = std::io::copy(&mut reader, &mut std::io::sink());
    });
    let line = receiver.recv_timeout(Duration::from_secs(20)).expect("Xvfb names its display");
    let display = format!(":{}", line.trim());
    assert!(display.len() > 1, "Xvfb named no display");
    children.0.push(on_display("openbox", &display, home).spawn().expect("openbox starts"));
    // The window manager is there once it announces itself on the root window.
    let managed = wait_for(10, || {
        let root = text(
            on_display("xprop", &display, home)
                .args(["-root", "_NET_SUPPORTING_WM_CHECK"])
                .stdout(Stdio::piped())
                .output(),
        );
        root.contains("window id").then_some(())
    });
    assert!(managed.is_some(), "openbox manages the display");

    // A desk session that ends maximised: eframe remembers the window.
    let bin = env!("CARGO_BIN_EXE_fahrplan");
    let desk =
        on_display(bin, &display, home).arg("--db").arg(&db).spawn().expect("the window opens");
    let desk_pid = desk.id();
    children.0.push(desk);
    let desk = children.0.len() - 1;
    let window = wait_for(30, || window_of(&display, home, desk_pid)).expect("a desk window");
    let status = on_display("wmctrl", &display, home)
        .args(["-i", "-r", &window, "-b", "add,maximized_vert,maximized_horz"])
        .status()
        .expect("wmctrl runs");
    assert!(status.success());
    let maximised = wait_for(10, || {
        state_and_size(&display, home, &window).0.contains("MAXIMIZED_HORZ").then_some(())
    });
    assert!(maximised.is_some(), "the desk window is maximised");
    std::thread::sleep(Duration::from_millis(500));
    // Closed as a user closes it, so that eframe saves what it remembers.
    on_display("wmctrl", &display, home).args(["-i", "-c", &window]).status().expect("wmctrl");
    let closed = wait_for(20, || children.0[desk].try_wait().ok().flatten());
    assert!(closed.is_some(), "the desk window closes");
    let remembered = std::fs::read_to_string(home.join("data/fahrplan/app.ron")).unwrap();
    assert!(remembered.contains("maximized:true"), "eframe remembers the maximised window");

    // The presentation: full screen, the screen's size, no title bar.
    let present = on_display(bin, &display, home)
        .arg("--present")
        .arg("--db")
        .arg(&db)
        .spawn()
        .expect("the presentation opens");
    let pid = present.id();
    children.0.push(present);
    let window = wait_for(30, || window_of(&display, home, pid)).expect("a presentation window");
    let shown = wait_for(15, || {
        let (state, size) = state_and_size(&display, home, &window);
        (state.contains("_NET_WM_STATE_FULLSCREEN") && size == "1024x768").then_some(())
    });
    let (state, size) = state_and_size(&display, home, &window);
    assert!(shown.is_some(), "not full screen: {state} {size}");
}
