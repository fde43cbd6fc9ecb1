//! Fahrplan for the Windows Start menu: the same program as `fahrplan`, built for the Windows GUI
//! subsystem, so no console window opens beside the window (closing it would end Fahrplan). The
//! command line stays `fahrplan.exe`. Built only with the feature `windows-gui` (the release
//! workflow's Windows job).

#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    fahrplan::cli::main(fahrplan::ui::run_window)
}
