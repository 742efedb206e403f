//! Activities CSV import: arbitrary bytes through `read_activities_csv`, the reader behind
//! `safeground import x.csv`. Errors are `Err` or reporter issues; nothing may panic. What the
//! reader accepts must also be writable again (`write_activities_csv`, as an export would).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

use safeground::domain::{ImportRecord, ImportReporter};
use safeground::io::csv::{read_activities_csv, write_activities_csv};

fuzz_target!(|data: &[u8]| {
    let mut reporter = ImportReporter::new("fuzz");
    let Ok(batch) = read_activities_csv(data, &mut reporter) else {
        return;
    };
    let activities: Vec<_> = batch
        .items
        .into_iter()
        .filter_map(|item| match item.record {
            ImportRecord::Activity { activity, .. } => Some(*activity),
            _ => None,
        })
        .collect();
    write_activities_csv(&mut std::io::sink(), &activities, &BTreeMap::new())
        .expect("writing to a sink cannot fail");
});
