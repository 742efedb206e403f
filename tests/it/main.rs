//! One integration-test binary (ripgrep's layout): a module per area.

mod architecture;
mod cli;
mod import_export;
mod storage;
mod util;
