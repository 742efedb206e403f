//! Reference layers end to end: the sample files written by the CLI, read back from GeoPackage,
//! GeoJSON and Shapefile, kept in the store, the admin place of a position, and the donor
//! report's map drawing the layers chosen for it.

use super::util::{TestStore, db, run};
use safeground::domain::{LayerFormat, LayerRole};
use safeground::storage::reference::{layers_in_file, read_reference_layer};

fn demo_with_samples() -> TestStore {
    let t = TestStore::new();
    let (code, _, err) = run(&["--db", &db(&t.path), "demo"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(&["--db", &db(&t.path), "layers", "sample", &db(t.dir.path())]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("fictional"), "{out}");
    t
}

#[test]
fn sample_layers_are_added_with_guessed_roles_and_kept_in_the_store() {
    let t = demo_with_samples();
    let file = |n: &str| db(&t.dir.path().join(n));
    let (code, out, err) = run(&[
        "--db",
        &db(&t.path),
        "layers",
        "add",
        &file("admin-boundaries.gpkg"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("admin2 (GeoPackage, Admin boundaries (P-codes)): 60 features"),
        "{out}"
    );
    assert!(out.contains("admin1"), "{out}");
    for f in ["settlements.geojson", "roads.geojson"] {
        let (code, _, err) = run(&["--db", &db(&t.path), "layers", "add", &file(f)]);
        assert_eq!(code, 0, "{err}");
    }
    // Adding the same file again updates, never duplicates.
    let (code, _, _) = run(&[
        "--db",
        &db(&t.path),
        "layers",
        "add",
        &file("roads.geojson"),
        "--in-report",
    ]);
    assert_eq!(code, 0);
    let (code, out, _) = run(&["--db", &db(&t.path), "layers", "list", "--json"]);
    assert_eq!(code, 0);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 4, "{out}");
    let roles: Vec<&str> = list.iter().map(|l| l["role"].as_str().unwrap()).collect();
    assert_eq!(
        roles,
        [
            "roads",
            "settlements",
            "admin_boundaries",
            "admin_boundaries"
        ]
    );
    assert_eq!(list[0]["in_report"], true);
    assert_eq!(list[1]["label_field"], "name");

    // The demo's HA-0001 area: point in polygon gives the municipality and its P-code, and the
    // nearest sample settlement within 5 km.
    let (code, out, err) = run(&[
        "--db",
        &db(&t.path),
        "layers",
        "place",
        "44.6, 17.9",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let place: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(place["pcode"], "BA-RS-M034");
    assert_eq!(place["admin2"], "Municipality 34");
    assert_eq!(place["admin1"], "Republika Srpska (sample)");
    assert!(place["settlement"].is_string(), "{out}");
    // Outside every layer: nothing, said plainly.
    let (code, out, _) = run(&["--db", &db(&t.path), "layers", "place", "10, 10"]);
    assert_eq!(code, 0);
    assert!(out.contains("No admin area"), "{out}");

    // Remove one; a bad id is a message.
    let id = list[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(run(&["--db", &db(&t.path), "layers", "remove", &id]).0, 0);
    let (code, _, err) = run(&["--db", &db(&t.path), "layers", "remove", &id]);
    assert_eq!(code, 1);
    assert!(err.contains("reference layer"), "{err}");
}

#[test]
fn bad_layer_files_are_refused_with_the_file_and_the_reason() {
    let t = demo_with_samples();
    let junk = t.file("junk.gpkg", b"not sqlite at all");
    let (code, _, err) = run(&["--db", &db(&t.path), "layers", "add", &db(&junk)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("junk.gpkg") && err.contains("GeoPackage"),
        "{err}"
    );
    let kml = t.file("x.kml", b"<kml/>");
    let (code, _, err) = run(&["--db", &db(&t.path), "layers", "add", &db(&kml)]);
    assert_eq!(code, 1);
    assert!(err.contains("not a reference layer format"), "{err}");
    let utm_elsewhere = t.file(
        "far.geojson",
        br#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:31276"}},"features":[]}"#,
    );
    let (code, _, err) = run(&["--db", &db(&t.path), "layers", "add", &db(&utm_elsewhere)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("EPSG:31276") && err.contains("reproject"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "--db",
        &db(&t.path),
        "layers",
        "add",
        &db(&t.dir.path().join("settlements.geojson")),
        "--label",
        "nope",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("--label nope") && err.contains("name"),
        "{err}"
    );
    let (code, _, err) = run(&["--db", &db(&t.path), "layers", "list"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_shapefile_in_utm_is_read_onto_longitude_latitude() {
    let t = TestStore::new();
    let shp = t.dir.path().join("wells.shp");
    let table = shapefile::dbase::TableWriterBuilder::new()
        .add_character_field("NAME".try_into().unwrap(), 40);
    let mut writer = shapefile::Writer::from_path(&shp, table).unwrap();
    let mut record = shapefile::dbase::Record::default();
    record.insert(
        "NAME".to_owned(),
        shapefile::dbase::FieldValue::Character(Some("Well 1".to_owned())),
    );
    // The testdata README's check point in UTM 34N.
    writer
        .write_shape_and_record(&shapefile::Point::new(292_094.744, 4_859_165.603), &record)
        .unwrap();
    drop(writer);
    std::fs::write(
        t.dir.path().join("wells.prj"),
        r#"PROJCS["WGS_1984_UTM_Zone_34N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]]"#,
    )
    .unwrap();
    let found = layers_in_file(&shp).unwrap();
    assert_eq!(found.len(), 1);
    let (spec, layer) = &found[0];
    assert_eq!(spec.format, LayerFormat::Shapefile);
    assert_eq!(layer.fields, ["NAME"]);
    let f = &layer.features[0];
    assert!(
        (f.bbox_lon_lat[0] - 18.4131).abs() < 1e-6,
        "{:?}",
        f.bbox_lon_lat
    );
    assert!(
        (f.bbox_lon_lat[1] - 43.8563).abs() < 1e-6,
        "{:?}",
        f.bbox_lon_lat
    );
    assert_eq!(f.values, ["Well 1"]);
    // Without its .dbf: a message naming the missing part.
    std::fs::remove_file(t.dir.path().join("wells.dbf")).unwrap();
    let err = read_reference_layer(spec).unwrap_err().to_string();
    assert!(
        err.contains("wells.dbf") && err.contains("missing"),
        "{err}"
    );
}

#[test]
fn the_report_map_draws_the_layers_chosen_for_it_with_names() {
    let t = demo_with_samples();
    let file = |n: &str| db(&t.dir.path().join(n));
    let store = db(&t.path);
    let admin = file("admin-boundaries.gpkg");
    let places = file("settlements.geojson");
    assert_eq!(run(&["--db", &store, "layers", "add", &admin]).0, 0);
    assert_eq!(
        run(&["--db", &store, "layers", "add", &places, "--in-report"]).0,
        0
    );
    let report = t.dir.path().join("report.html");
    let (code, _, err) = run(&["--db", &db(&t.path), "report", "-o", &db(&report)]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&report).unwrap();
    // The settlements layer was chosen: its legend entry, its dots and some of its names.
    assert!(html.contains("settlements (Settlements)"), "legend");
    assert!(
        html.contains("reference layers: the programme"),
        "attribution"
    );
    let layer = read_reference_layer(
        &layers_in_file(&t.dir.path().join("settlements.geojson")).unwrap()[0].0,
    )
    .unwrap();
    let named = layer
        .features
        .iter()
        .filter(|f| html.contains(&format!(">{}</text>", f.values[0])))
        .count();
    assert!(named >= 3, "only {named} settlement names on the map");
    // The admin layer was not chosen: none of its municipality names.
    assert!(!html.contains("Municipality 34"));
    // A chosen layer whose file went away fails the report, naming it.
    std::fs::remove_file(t.dir.path().join("settlements.geojson")).unwrap();
    let (code, _, err) = run(&[
        "--db",
        &db(&t.path),
        "report",
        "-o",
        &db(&report),
        "--overwrite",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("settlements") && err.contains("report"),
        "{err}"
    );
}

#[test]
fn layer_roles_round_trip_and_every_role_has_a_label() {
    for role in LayerRole::VECTOR {
        assert_eq!(LayerRole::from_code(role.code()), Some(*role));
        assert!(!role.label().is_empty());
    }
}

#[test]
fn a_geopackage_view_is_never_run() {
    let t = demo_with_samples();
    let gpkg = t.dir.path().join("admin-boundaries.gpkg");
    {
        let conn = rusqlite::Connection::open(&gpkg).unwrap();
        // An endless recursive view registered as a feature table: reading it would hang.
        conn.execute_batch(
            "CREATE VIEW endless AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS fid, NULL AS geom FROM n;
             INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('endless', 'features', 'endless', 4326);
             INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES ('endless', 'geom', 'POINT', 4326, 0, 0);",
        )
        .unwrap();
    }
    let found = layers_in_file(&gpkg).unwrap();
    let tables: Vec<_> = found.iter().filter_map(|(s, _)| s.table.clone()).collect();
    assert_eq!(tables, ["admin1", "admin2"]);
}
