//! The `safeground` binary and the composition root: it parses the command line and runs either
//! the desktop app or one CLI command. Both get the store, the acting person and the device from
//! [`safeground::session`].

use std::process::ExitCode;

use safeground::cli::{self, Invocation};

fn main() -> ExitCode {
    // Before any thread exists (the only time Unix lets the offset be read).
    safeground::session::capture_local_offset();
    // Never show a backtrace to a surveyor: a panic is a bug, reported in one paragraph.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "error: internal error in Safeground ({info}); no data was changed by the failed step. Please report this."
        );
    }));
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let result = std::panic::catch_unwind(|| {
        let (mut out, mut err) = (stdout.lock(), stderr.lock());
        match cli::parse(std::env::args_os(), &mut out, &mut err) {
            Invocation::Command(command) => cli::execute(*command, &mut out, &mut err),
            Invocation::Exit(code) => code,
            Invocation::App(store) => {
                // The window runs on this thread; the locks are not held while it is open.
                drop((out, err));
                match safeground::ui::run(store) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => cli::report(&anyhow::anyhow!(e), &mut std::io::stderr()),
                }
            }
        }
    });
    result.unwrap_or(ExitCode::from(1))
}
