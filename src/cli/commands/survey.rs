//! Survey maths without a store: `convert` (coordinate formats) and `traverse`.

use crate::cli::{BearingUnitArg, FormatArg, ReferenceArg};
use crate::domain::{
    BearingUnit, CoordFormat, Instrument, NorthReference, TraverseLeg, parse_number,
};
use crate::geometry::coords::{format_coord, parse_coord};
use crate::geometry::walk_traverse;
use anyhow::{Result, anyhow};
use serde_json::json;
use std::io::Write;

pub(super) fn convert(
    out: &mut dyn Write,
    coord: &str,
    to: Option<FormatArg>,
    as_json: bool,
) -> Result<()> {
    let (p, read_as) = parse_coord(coord).map_err(|e| anyhow!("{e}"))?;
    let formats = [
        (FormatArg::Dd, CoordFormat::Dd),
        (FormatArg::Dms, CoordFormat::Dms),
        (FormatArg::Ddm, CoordFormat::Ddm),
        (FormatArg::Utm, CoordFormat::Utm),
        (FormatArg::Mgrs, CoordFormat::Mgrs),
    ];
    if as_json {
        let mut v = json!({"lon": p.lon_deg, "lat": p.lat_deg, "read_as": read_as.code()});
        if let Some(o) = v.as_object_mut() {
            for (_, f) in formats {
                o.insert(f.code().to_owned(), json!(format_coord(p, f)));
            }
        }
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    } else if let Some(to) = to {
        let f = formats
            .iter()
            .find(|(a, _)| std::mem::discriminant(a) == std::mem::discriminant(&to))
            .map_or(CoordFormat::Dd, |x| x.1);
        writeln!(out, "{}", format_coord(p, f))?;
    } else {
        writeln!(out, "read as {}", read_as.label())?;
        for (_, f) in formats {
            writeln!(out, "{:<5} {}", f.label(), format_coord(p, f))?;
        }
    }
    Ok(())
}

pub(super) fn traverse(
    out: &mut dyn Write,
    start: &str,
    declination: f64,
    reference: ReferenceArg,
    unit: BearingUnitArg,
    legs: &[String],
    as_json: bool,
) -> Result<()> {
    let (start, _) = parse_coord(start).map_err(|e| anyhow!("--start: {e}"))?;
    let unit = match unit {
        BearingUnitArg::Deg => BearingUnit::Degrees,
        BearingUnitArg::Mil => BearingUnit::Mils,
    };
    let reference = match reference {
        ReferenceArg::Magnetic => NorthReference::Magnetic,
        ReferenceArg::True => NorthReference::True,
        ReferenceArg::Grid => NorthReference::Grid,
    };
    let mut parsed = Vec::new();
    for (i, leg) in legs.iter().flat_map(|l| l.split_whitespace()).enumerate() {
        let (b, d) = leg.split_once('/').ok_or_else(|| {
            anyhow!(
                "--leg {}: '{leg}' is not BEARING/DISTANCE_M (e.g. 45/120.5)",
                i + 1
            )
        })?;
        let bearing = parse_number(b)
            .ok_or_else(|| anyhow!("--leg {}: bearing '{b}' is not a number", i + 1))?;
        let distance_m = parse_number(d)
            .ok_or_else(|| anyhow!("--leg {}: distance '{d}' is not a number of metres", i + 1))?;
        parsed.push(TraverseLeg {
            from_label: if i == 0 {
                "start".to_owned()
            } else {
                format!("P{i}")
            },
            bearing,
            bearing_unit: unit,
            reference,
            declination_deg: declination,
            declination_date: None,
            distance_m,
            slope_deg: None,
            instrument: Instrument::Other,
        });
    }
    let t = walk_traverse(start, &parsed)?;
    if as_json {
        let v = json!({
            "vertices": t.vertices.iter().map(|p| [p.lon_deg, p.lat_deg]).collect::<Vec<_>>(),
            "misclosure_m": t.misclosure_m,
            "misclosure_bearing_deg": t.misclosure_bearing_deg,
            "perimeter_m": t.perimeter_m,
            "area_m2": t.area_m2,
        });
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    } else {
        for (i, p) in t.vertices.iter().enumerate() {
            let label = if i == 0 {
                "start".to_owned()
            } else {
                format!("P{i}")
            };
            writeln!(
                out,
                "{label:<6} {}   {}",
                format_coord(*p, CoordFormat::Dd),
                format_coord(*p, CoordFormat::Mgrs)
            )?;
        }
        let ratio = t.closure_ratio();
        let ratio = if ratio.is_finite() {
            format!("1:{ratio:.0}")
        } else {
            "exact".to_owned()
        };
        writeln!(
            out,
            "misclosure {:.2} m at bearing {:.1}° (closure {ratio})",
            t.misclosure_m, t.misclosure_bearing_deg
        )?;
        writeln!(
            out,
            "perimeter {:.1} m, area {} ({:.4} ha)",
            t.perimeter_m,
            crate::domain::AreaM2::whole(t.area_m2),
            t.area_m2 / 10_000.0
        )?;
    }
    Ok(())
}
