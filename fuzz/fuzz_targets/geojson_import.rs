//! GeoJSON import: arbitrary bytes through `read_geojson`, the reader behind `safeground import`
//! and the app's import dialog. Fatal problems must be `Err`, per-feature problems go to the
//! reporter; nothing may panic. What the reader accepts must also be writable again
//! (`write_geojson`, as an export would).
//!
//! One input in `STORE_EVERY` (chosen by a hash of the input, so a crash reproduces) that reads
//! into a non-empty batch is also written with `Store::import` into a new store in a temporary
//! directory, to exercise the database side with what the reader accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safeground::domain::{Actor, ImportBatch, ImportRecord, ImportReporter};
use safeground::io::geojson::{read_geojson, write_geojson};
use safeground::storage::Store;
use time::{Date, Month};

/// Inputs between two store imports (a store import costs a few milliseconds).
const STORE_EVERY: u64 = 64;

fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Writes the batch's records as an export would (into nothing).
fn write_back(batch: &ImportBatch) {
    let (mut lands, mut activities, mut reports) = (Vec::new(), Vec::new(), Vec::new());
    for item in &batch.items {
        match &item.record {
            ImportRecord::Land { land, .. } => lands.push((**land).clone()),
            ImportRecord::Activity { activity, .. } => activities.push((**activity).clone()),
            ImportRecord::HazardReport { report, .. } => reports.push((**report).clone()),
        }
    }
    write_geojson(&mut std::io::sink(), &lands, &activities, &reports)
        .expect("writing to a sink cannot fail");
}

fuzz_target!(|data: &[u8]| {
    let today = Date::from_calendar_date(2025, Month::June, 1).expect("a valid date");
    let mut reporter = ImportReporter::new("fuzz");
    let Ok(batch) = read_geojson(data, &mut reporter, today) else {
        return;
    };
    write_back(&batch);
    if batch.items.is_empty() || fnv1a(data) % STORE_EVERY != 0 {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut store = Store::open(&dir.path().join("fuzz.sqlite")).expect("a new store");
    let actor = Actor::new("fuzz", "fuzz");
    // Errors (duplicate codes, unknown lands) are reported results, not crashes.
    let _ = store.import(batch, &mut reporter, false, &actor);
});
