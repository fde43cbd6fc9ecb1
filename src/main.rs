//! The `fahrplan` binary: see [`fahrplan::cli`].

fn main() -> std::process::ExitCode {
    fahrplan::cli::main()
}
