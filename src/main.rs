//! The `forbund` command. All work is in the library; `cli` parses
//! arguments, touches files and prints.

mod cli;

/// mimalloc: a check allocates many short strings per sentence on several
/// threads, where it measured faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
