//! The `safeground` binary: a thin shell over the library's CLI.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Never show a backtrace to a surveyor: a panic is a bug, reported in one paragraph.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "error: internal error in Safeground ({info}); no data was changed by the failed step. Please report this."
        );
    }));
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let result = std::panic::catch_unwind(|| {
        safeground::cli::run_with(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock())
    });
    result.unwrap_or(ExitCode::from(1))
}
