//! Traverse input, two structured variants:
//!
//! - `Cli`: a start coordinate, a declination, a north reference, a bearing unit and up to 40
//!   legs (`BEARING/DISTANCE`, any text), run through the real CLI in-process:
//!   `safeground traverse --start=.. --declination=.. --reference=.. --bearing-unit=..
//!   --leg=.. ...`. The texts are the lines of the input's text part.
//! - `Walk`: `walk_traverse` called directly with arbitrary numbers in every `TraverseLeg`
//!   field; it must return `Ok` or `Err`, never panic.
//!
//! Layout (arbitrary 1.x, mirrored by `tests/it/fuzz_regressions.rs`): a little-endian u32
//! picks the variant (below 2^31 `Cli`); `Cli` then has two u32 (reference, unit: index =
//! u32 × count >> 32) and UTF-8 text; `Walk` has start longitude and latitude (f64 bits,
//! little-endian) and legs, each after a byte with the low bit set: bearing f64, unit u32,
//! reference u32, declination f64, distance f64, then a byte (low bit: slope present) and the
//! slope f64.
#![no_main]

use std::ffi::OsString;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use safeground::domain::{BearingUnit, Instrument, LonLat, NorthReference, TraverseLeg};
use safeground::geometry::walk_traverse;

const MAX_LEGS: usize = 40;

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Reference {
    Magnetic,
    True,
    Grid,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Unit {
    Deg,
    Mil,
}

#[derive(Debug, Arbitrary)]
enum Input {
    Cli {
        reference: Reference,
        unit: Unit,
        /// Lines: start, declination, then one leg per line.
        text: String,
    },
    Walk {
        start_lon: f64,
        start_lat: f64,
        legs: Vec<Leg>,
    },
}

#[derive(Debug, Arbitrary)]
struct Leg {
    bearing: f64,
    unit: Unit,
    reference: Reference,
    declination_deg: f64,
    distance_m: f64,
    slope_deg: Option<f64>,
}

fn cli(reference: Reference, unit: Unit, text: &str) {
    let mut lines = text.split('\n');
    let start = lines.next().unwrap_or_default();
    let declination = lines.next().unwrap_or_default();
    let reference = match reference {
        Reference::Magnetic => "magnetic",
        Reference::True => "true",
        Reference::Grid => "grid",
    };
    let unit = match unit {
        Unit::Deg => "deg",
        Unit::Mil => "mil",
    };
    let mut args: Vec<OsString> = vec![
        "safeground".into(),
        "traverse".into(),
        format!("--start={start}").into(),
        format!("--declination={declination}").into(),
        format!("--reference={reference}").into(),
        format!("--bearing-unit={unit}").into(),
    ];
    args.extend(
        lines
            .take(MAX_LEGS)
            .map(|leg| format!("--leg={leg}").into()),
    );
    let _ = safeground::cli::run_with(args, &mut Vec::new(), &mut Vec::new());
}

fn walk(start_lon: f64, start_lat: f64, legs: &[Leg]) {
    let Ok(start) = LonLat::lon_lat(start_lon, start_lat) else {
        return;
    };
    let legs: Vec<TraverseLeg> = legs
        .iter()
        .take(MAX_LEGS)
        .map(|l| TraverseLeg {
            from_label: String::new(),
            bearing: l.bearing,
            bearing_unit: match l.unit {
                Unit::Deg => BearingUnit::Degrees,
                Unit::Mil => BearingUnit::Mils,
            },
            reference: match l.reference {
                Reference::Magnetic => NorthReference::Magnetic,
                Reference::True => NorthReference::True,
                Reference::Grid => NorthReference::Grid,
            },
            declination_deg: l.declination_deg,
            declination_date: None,
            distance_m: l.distance_m,
            slope_deg: l.slope_deg,
            instrument: Instrument::Other,
        })
        .collect();
    let _ = walk_traverse(start, &legs);
}

fuzz_target!(|input: Input| {
    match input {
        Input::Cli {
            reference,
            unit,
            text,
        } => cli(reference, unit, &text),
        Input::Walk {
            start_lon,
            start_lat,
            legs,
        } => walk(start_lon, start_lat, &legs),
    }
});
