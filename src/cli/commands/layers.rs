//! `layers add|list|remove|place`: the reference layers a store keeps (the same list the app's
//! layer panel shows).

use std::io::Write;

use anyhow::{Context as _, Result, anyhow, bail};
use serde_json::json;

use crate::cli::LayersAction;
use crate::domain::{LayerRole, LayerSpec, ReferenceLayer};
use crate::geometry::coords::parse_coord;
use crate::io::output::{Protected, Replace};
use crate::storage::Store;
use crate::storage::reference::{layers_in_file, read_reference_layer};

pub(super) fn run(out: &mut dyn Write, store: &mut Store, action: LayersAction) -> Result<()> {
    match action {
        LayersAction::Add {
            file,
            role,
            label,
            table,
            in_report,
        } => {
            let role = role
                .map(|r| {
                    LayerRole::from_code(&r).filter(|r| *r != LayerRole::Tiles).ok_or_else(|| {
                        anyhow!("--role '{r}' is not a layer role; use admin, settlements, roads, water or other")
                    })
                })
                .transpose()?;
            let file = std::path::absolute(&file).unwrap_or(file);
            let mut found = layers_in_file(&file)?;
            if let Some(t) = &table {
                found.retain(|(s, _)| s.table.as_deref() == Some(t.as_str()));
                if found.is_empty() {
                    bail!(
                        "--table {t}: {} has no feature table of that name",
                        file.display()
                    );
                }
            }
            for (mut spec, layer) in found {
                if let Some(r) = role
                    && !spec.format.is_tiles()
                {
                    spec.role = r;
                }
                if let Some(l) = &label {
                    if layer.field_index(l).is_none() {
                        bail!(
                            "--label {l}: {} has no attribute of that name (it has: {})",
                            spec.name,
                            layer.fields.join(", ")
                        );
                    }
                    spec.label_field = Some(l.clone());
                }
                spec.in_report = in_report;
                let saved = store.add_reference_layer(&spec)?;
                writeln!(
                    out,
                    "Added layer {} ({}, {}): {} features{}.",
                    saved.name,
                    saved.format.label(),
                    saved.role.label(),
                    layer.features.len(),
                    saved
                        .label_field
                        .as_deref()
                        .map(|f| format!(", labelled by {f}"))
                        .unwrap_or_default()
                )?;
            }
            Ok(())
        }
        LayersAction::List { json } => {
            let layers = store.reference_layers()?;
            if json {
                let list: Vec<_> = layers
                    .iter()
                    .rev()
                    .map(|l| {
                        json!({
                            "id": l.id,
                            "name": l.name,
                            "path": l.path.display().to_string(),
                            "table": l.table,
                            "format": l.format.label(),
                            "role": l.role.code(),
                            "label_field": l.label_field,
                            "visible": l.visible,
                            "in_report": l.in_report,
                        })
                    })
                    .collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
            } else if layers.is_empty() {
                writeln!(out, "No reference layers.")?;
            } else {
                for l in layers.iter().rev() {
                    writeln!(
                        out,
                        "{:>3}  {:<28} {:<26} {}{}{}",
                        l.id,
                        l.name,
                        l.role.label(),
                        l.path.display(),
                        if l.visible { "" } else { "  (hidden)" },
                        if l.in_report { "  (in report)" } else { "" }
                    )?;
                }
            }
            Ok(())
        }
        LayersAction::Sample { folder, overwrite } => {
            let written = crate::exports::write_sample_layers(
                &folder,
                Replace::from_flag(overwrite),
                &Protected::store(store.path()),
            )?;
            for f in written {
                writeln!(out, "Wrote {}", f.display())?;
            }
            writeln!(
                out,
                "These layers are fictional (invented names and P-codes), for trying Safeground only."
            )?;
            Ok(())
        }
        LayersAction::Remove { id } => {
            store.remove_reference_layer(id)?;
            writeln!(out, "Removed layer {id} from the list.")?;
            Ok(())
        }
        LayersAction::Place { coord, json } => {
            let (at, _) = parse_coord(&coord).map_err(|e| anyhow!("COORD: {e}"))?;
            let specs = store.reference_layers()?;
            let mut read: Vec<(LayerSpec, ReferenceLayer)> = Vec::new();
            for spec in specs
                .into_iter()
                .filter(|s| matches!(s.role, LayerRole::AdminBoundaries | LayerRole::Settlements))
            {
                let layer =
                    read_reference_layer(&spec).with_context(|| format!("layer {}", spec.name))?;
                read.push((spec, layer));
            }
            let pairs: Vec<(&LayerSpec, &ReferenceLayer)> =
                read.iter().map(|(s, l)| (s, l)).collect();
            let place = crate::geometry::admin_place_at(&pairs, at);
            if json {
                writeln!(
                    out,
                    "{}",
                    json!({
                        "admin1": place.admin1,
                        "admin2": place.admin2,
                        "pcode": place.pcode,
                        "settlement": place.settlement,
                        "layer": place.source,
                    })
                )?;
            } else if place.is_empty() {
                writeln!(
                    out,
                    "No admin area or settlement of the store's layers at this position."
                )?;
            } else {
                let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".to_owned());
                writeln!(out, "Admin level 1: {}", show(&place.admin1))?;
                writeln!(out, "Admin level 2: {}", show(&place.admin2))?;
                writeln!(out, "P-code:        {}", show(&place.pcode))?;
                writeln!(out, "Settlement:    {}", show(&place.settlement))?;
            }
            Ok(())
        }
    }
}
