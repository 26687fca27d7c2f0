//! The `forbund` command. All work is in the library; `cli` parses
//! arguments, touches files and prints.

mod cli;

/// mimalloc instead of the system allocator: Typst's layout and PDF export
/// allocate many small objects on several threads, where glibc's malloc
/// spent a tenth of `generate`'s instructions (see README, Benchmarks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
