//! The `forbund` command. All work is in the library; `cli` parses
//! arguments, touches files and prints.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
