//! The `fahrplan` binary: the command line ([`fahrplan::cli`]), which starts the window
//! ([`fahrplan::ui::run_window`]) when no subcommand is given.

fn main() -> std::process::ExitCode {
    fahrplan::cli::main(fahrplan::ui::run_window)
}
