//! One integration-test binary (ripgrep's layout): a module per area.

#![expect(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "test code: a failed unwrap is a failed test; ledger figures are whole m², exact in f64"
)]

mod architecture;
mod cli;
mod fuzz_regressions;
mod hub;
mod import_export;
mod projection;
mod reference;
mod reports;
mod storage;
mod sync;
mod sync_sim;
mod trust;
mod ui;
mod ui_i18n;
mod ui_sync;
mod util;
