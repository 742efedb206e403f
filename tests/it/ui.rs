//! The desktop app driven through `egui_kittest`: widgets found by label, clicked and typed into,
//! with a real store and the real database worker behind them.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use safeground::ui::{Person, Prefs, SafegroundApp};

use super::util::{TestStore, db, run};

/// Preferences of a device whose person has already said who they are.
fn prefs() -> Prefs {
    Prefs {
        person: Some(Person {
            name: "Amina Hodžić".into(),
            organisation: "NPA".into(),
            role: "surveyor".into(),
        }),
        language: Some(safeground::i18n::Lang::En),
        ..Prefs::default()
    }
}

fn app_on_demo() -> (TestStore, Harness<'static, SafegroundApp>) {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let app = SafegroundApp::with_store(&egui::Context::default(), t.path.clone(), prefs());
    let harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(
            |ui, app: &mut SafegroundApp| {
                app.drain_outcomes();
                app.frame_ui(ui);
            },
            app,
        );
    (t, harness)
}

/// Steps the UI until `done` holds (the worker answers on its own thread).
fn step_until(
    harness: &mut Harness<'_, SafegroundApp>,
    what: &str,
    done: impl Fn(&SafegroundApp) -> bool,
) {
    let start = Instant::now();
    while !done(harness.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(2);
}

#[test]
fn list_filters_and_selecting_a_land_shows_its_ledger() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    assert_eq!(harness.state().state.records.lands.len(), 30);
    harness.get_by_label("30 of 30 lands");

    let search = || egui::accesskit::Role::TextInput;
    harness.get_by_role(search()).click();
    harness.run_steps(1);
    harness.get_by_role(search()).type_text("HA-0016");
    harness.run_steps(2);
    harness.get_by_label("1 of 30 lands");
    assert!(
        harness.query_by_label("HA-0007").is_none(),
        "HA-0007 must be filtered out"
    );

    harness.get_by_label("HA-0016").click();
    harness.run_steps(1);
    step_until(&mut harness, "the land's detail", |app| {
        app.state.detail.is_some()
    });
    let detail = harness
        .state()
        .state
        .detail
        .as_ref()
        .map(|d| d.land.code.clone());
    assert_eq!(detail.as_deref(), Some("HA-0016"));
    harness.get_by_label("Ledger");
    harness.get_by_label("Zoom to land");
    assert!(harness.query_by_label_contains("CHA · Worked on").is_some());
}

#[test]
fn empty_store_shows_the_welcome_screen_and_loads_the_demo() {
    let t = TestStore::new();
    let app = SafegroundApp::with_store(&egui::Context::default(), t.path.clone(), prefs());
    let mut harness = Harness::builder()
        .with_size([1200.0, 800.0])
        .build_ui_state(
            |ui, app: &mut SafegroundApp| {
                app.drain_outcomes();
                app.frame_ui(ui);
            },
            app,
        );
    step_until(&mut harness, "the empty store", |app| app.state.loaded);
    harness.get_by_label("Welcome to Safeground");
    harness.get_by_label("Open the demo programme").click();
    harness.run_steps(1);
    step_until(&mut harness, "the demo programme", |app| {
        app.state.records.lands.len() == 30
    });
    assert!(harness.query_by_label("Welcome to Safeground").is_none());
    harness.get_by_label("30 of 30 lands");
}

fn input<'a>(harness: &'a Harness<'_, SafegroundApp>, label: &'a str) -> egui_kittest::Node<'a> {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
}

fn type_into(harness: &mut Harness<'_, SafegroundApp>, label: &str, text: &str) {
    input(harness, label).click();
    harness.run_steps(1);
    // Type at the end of what is there, as a person would after a click (the click may land
    // in the middle of a long value).
    harness.key_press(egui::Key::End);
    harness.run_steps(1);
    input(harness, label).type_text(text);
    // Let the layout settle so the next click finds widgets where they are drawn.
    harness.run_steps(2);
}

#[test]
fn record_a_land_from_typed_points_and_see_it_saved() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("New land").click();
    harness.run_steps(2);
    type_into(&mut harness, "Name", "Field behind the school");
    // Three perimeter points typed in three notations.
    for _ in 0..3 {
        harness.get_by_label("Add point").scroll_to_me();
        harness.run_steps(20);
        harness.get_by_label("Add point").click();
        harness.run_steps(2);
    }
    for (i, text) in [
        "44.7100, 18.0100",
        "44°42'36\"N 18°00'54\"E",
        "34T 240880 4953600",
    ]
    .iter()
    .enumerate()
    {
        type_into(&mut harness, &format!("Point {}", i + 1), text);
    }
    let typed: Vec<String> = harness
        .state()
        .editor
        .as_ref()
        .unwrap()
        .points
        .iter()
        .map(|p| p.coord_text.clone())
        .collect();
    assert_eq!(typed.len(), 3, "{typed:?}");
    harness.get_by_label_contains("Area ");
    harness.run_steps(2);
    harness.get_by_label("Save land").click();
    harness.run_steps(1);
    step_until(&mut harness, "the saved land", |app| {
        app.state.records.lands.len() == 31 && app.editor.is_none()
    });
    step_until(&mut harness, "its detail", |app| app.state.detail.is_some());
    let land = &harness.state().state.detail.as_ref().unwrap().land;
    assert_eq!(land.name, "Field behind the school");
    assert_eq!(land.code, "HA-0031");
    assert!(land.geometry.is_some() && land.ledger.estimated_m2.m2() > 1_000.0);
}

#[test]
fn traverse_entry_shows_the_misclosure_and_becomes_the_polygon() {
    let (t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("New land").click();
    harness.run_steps(2);
    type_into(&mut harness, "Name", "Traverse field");
    harness.get_by_label("Traverse from a benchmark").click();
    harness.run_steps(2);
    type_into(&mut harness, "Benchmark", "44.7200, 18.0300");
    type_into(&mut harness, "Declination (° east)", "4.9");
    type_into(&mut harness, "Declination date", "2025-06-01");
    harness
        .state_mut()
        .editor
        .as_mut()
        .unwrap()
        .traverse
        .instrument = safeground::domain::Instrument::LaserRangefinder;
    // Six legs: benchmark to start, then a square-ish perimeter that misses the start by ~2 m.
    let legs = [
        ("90", "30"),
        ("0", "100"),
        ("90", "100"),
        ("180", "100"),
        ("270", "98"),
        ("0", "2"),
    ];
    if let Some(editor) = harness.state_mut().editor.as_mut() {
        editor.traverse.legs.clear();
    }
    harness.run_steps(2);
    for (i, (bearing, distance)) in legs.iter().enumerate() {
        harness.get_by_label("Add leg").scroll_to_me();
        harness.run_steps(20);
        harness.get_by_label("Add leg").click();
        harness.run_steps(2);
        let (b, d) = (
            format!("Leg {} bearing", i + 1),
            format!("Leg {} distance", i + 1),
        );
        input(&harness, &b).scroll_to_me();
        harness.run_steps(20);
        type_into(&mut harness, &b, bearing);
        type_into(&mut harness, &d, distance);
    }
    harness.run_steps(2);
    harness.get_by_label_contains("Misclosure ");
    let walked = harness
        .state()
        .editor
        .as_ref()
        .unwrap()
        .walk(safeground::i18n::Tr::default())
        .unwrap();
    assert!(
        walked.misclosure_m > 0.5 && walked.misclosure_m < 5.0,
        "{}",
        walked.misclosure_m
    );
    harness.get_by_label("Use traverse points").scroll_to_me();
    harness.run_steps(20);
    harness.get_by_label("Use traverse points").click();
    harness.run_steps(2);
    let editor = harness.state().editor.as_ref().unwrap();
    assert_eq!(
        editor
            .points
            .iter()
            .filter(|p| p.kind.is_perimeter())
            .count(),
        6
    );
    assert!(
        editor.shape().errors.is_empty(),
        "{:?}",
        editor.shape().errors
    );
    harness.get_by_label("Save land").scroll_to_me();
    // Scrolling is animated.
    harness.run_steps(20);
    harness.get_by_label("Save land").click();
    harness.run_steps(1);
    step_until(&mut harness, "the saved traverse land", |app| {
        app.state.records.lands.len() == 31 && app.editor.is_none()
    });
    let misclosure = walked.misclosure_m;
    drop(harness);

    // After a restart, editing the land shows the traverse again, with the same misclosure
    // (issue 14: QA can re-check it).
    let app = SafegroundApp::with_store(&egui::Context::default(), t.path.clone(), prefs());
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(
            |ui, app: &mut SafegroundApp| {
                app.drain_outcomes();
                app.frame_ui(ui);
            },
            app,
        );
    step_until(&mut harness, "the records", |app| app.state.loaded);
    let search = || egui::accesskit::Role::TextInput;
    harness.get_by_role(search()).click();
    harness.run_steps(1);
    harness.get_by_role(search()).type_text("HA-0031");
    harness.run_steps(2);
    harness.get_by_label("HA-0031").click();
    step_until(&mut harness, "the detail", |app| app.state.detail.is_some());
    harness.get_by_label("Edit land").click();
    harness.run_steps(3);
    let editor = harness.state().editor.as_ref().unwrap();
    assert_eq!(editor.traverse.legs.len(), 6);
    assert_eq!(editor.traverse.declination_deg, "4.9");
    assert_eq!(editor.traverse.declination_date, "2025-06-01");
    assert_eq!(
        editor.traverse.instrument,
        safeground::domain::Instrument::LaserRangefinder
    );
    assert_eq!(editor.traverse.benchmark, "44.7200, 18.0300");
    let again = editor.walk(safeground::i18n::Tr::default()).unwrap();
    assert!(
        (again.misclosure_m - misclosure).abs() < 0.01,
        "{} vs {misclosure}",
        again.misclosure_m
    );
}

#[test]
fn record_activities_updates_the_ledger_and_refuses_over_release() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    let search = || egui::accesskit::Role::TextInput;
    harness.get_by_role(search()).click();
    harness.run_steps(1);
    harness.get_by_role(search()).type_text("HA-0003");
    harness.run_steps(2);
    harness.get_by_label("HA-0003").click();
    harness.run_steps(1);
    step_until(&mut harness, "the land's detail", |app| {
        app.state.detail.is_some()
    });
    let before = harness.state().state.detail.as_ref().unwrap().land.ledger;
    assert!(before.remaining().m2() > 1_000.0);

    // An NTS cancellation of 1 000 m², by NTS Team 2.
    harness.get_by_label("Record activity").click();
    harness.run_steps(2);
    type_into(&mut harness, "Team", "NTS Team 2");
    type_into(&mut harness, "Cancelled m²", "1000");
    harness.get_by_label("Save activity").click();
    harness.run_steps(1);
    step_until(&mut harness, "the ledger after the cancellation", |app| {
        app.state
            .detail
            .as_ref()
            .is_some_and(|d| d.land.ledger.cancelled_m2() != before.cancelled_m2())
    });
    let after = harness.state().state.detail.as_ref().unwrap().land.ledger;
    assert_eq!(
        after.cancelled_m2().m2(),
        before.cancelled_m2().m2() + 1000.0
    );
    assert_eq!(after.remaining().m2(), before.remaining().m2() - 1000.0);

    // Over-release is refused with the message, and nothing changes. The form remembers the
    // last activity's type and team (issue 14).
    harness.get_by_label("Record activity").click();
    harness.run_steps(2);
    let draft = &harness.state().activity_form.as_ref().unwrap().draft;
    assert_eq!(
        (draft.kind.as_str(), draft.team.as_str()),
        ("nts", "NTS Team 2")
    );
    type_into(&mut harness, "Cancelled m²", "99999999");
    harness.get_by_label("Save activity").click();
    harness.run_steps(1);
    step_until(&mut harness, "the refusal", |app| {
        app.state.form_error.is_some()
    });
    assert!(
        harness.query_all_by_label_contains("but only").count() >= 2,
        "the refusal is shown in the form and in the status bar"
    );
    assert_eq!(
        harness.state().state.detail.as_ref().unwrap().land.ledger,
        after
    );
}

/// A 1×1 red PNG.
const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[test]
fn mbtiles_raster_basemap_serves_tiles_from_a_background_thread() {
    use walkers::{TileId, Tiles};
    let t = TestStore::new();
    let path = t.dir.path().join("basemap.mbtiles");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE metadata (name TEXT, value TEXT);
             CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
             INSERT INTO metadata VALUES ('name', 'Doboj orthophoto'), ('format', 'png'), ('attribution', 'Test imagery');",
        )
        .unwrap();
        // XYZ (zoom 1, x 1, y 0) is TMS row 1.
        conn.execute("INSERT INTO tiles VALUES (1, 1, 1, ?1)", [PNG_1X1])
            .unwrap();
    }
    let ctx = egui::Context::default();
    let mut tiles = safeground::ui::raster_tiles::RasterTiles::open(&path, &ctx).unwrap();
    let wanted = TileId {
        x: 1,
        y: 0,
        zoom: 1,
    };
    let start = Instant::now();
    let mut piece = None;
    while piece.is_none() && start.elapsed() < Duration::from_secs(10) {
        tiles.poll();
        piece = tiles.at(wanted);
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(piece.is_some(), "the tile arrives: {:?}", tiles.error);
    assert_eq!(tiles.name.as_deref(), Some("Doboj orthophoto"));
    assert_eq!(tiles.attribution().text, "Raster basemap: Test imagery");
    // A tile that is not in the file stays empty, without errors.
    let missing = TileId {
        x: 0,
        y: 0,
        zoom: 1,
    };
    for _ in 0..20 {
        tiles.poll();
        assert!(tiles.at(missing).is_none());
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(tiles.error.is_none());
}

#[test]
fn vertices_are_moved_inserted_and_deleted_from_the_map() {
    use safeground::domain::{CoordFormat, LonLat};
    use safeground::ui::{LandEditor, VertexEdit};
    let mut editor = LandEditor::new(time::macros::date!(2026 - 11 - 23));
    let p = |lon, lat| LonLat::lon_lat(lon, lat).unwrap();
    for (lon, lat) in [(18.0, 44.7), (18.002, 44.7), (18.002, 44.702)] {
        editor.add_map_point(p(lon, lat), CoordFormat::Dd);
    }
    let area_before = editor.shape().area.m2();
    editor.apply_map_edit(
        &VertexEdit::Insert {
            after_row: 2,
            at: p(18.0, 44.702),
        },
        CoordFormat::Dd,
    );
    assert_eq!(editor.points.len(), 4);
    assert!(
        editor.shape().area.m2() > area_before * 1.9,
        "a square is twice the triangle"
    );
    editor.apply_map_edit(
        &VertexEdit::Move {
            row: 3,
            to: p(18.001, 44.703),
        },
        CoordFormat::Dd,
    );
    assert_eq!(editor.points[3].coord_text, "44.703000, 18.001000");
    editor.apply_map_edit(&VertexEdit::Delete { row: 3 }, CoordFormat::Dd);
    assert_eq!(editor.points.len(), 3);
    assert!((editor.shape().area.m2() - area_before).abs() < 1.0);
}

#[test]
fn record_a_hazard_report_by_typed_location() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("New hazard report").click();
    harness.run_steps(2);
    type_into(&mut harness, "Location", "34TBQ9000050000");
    type_into(&mut harness, "Type / model", "M-75 hand grenade");
    type_into(&mut harness, "Reported by", "Shepherd");
    harness.get_by_label("Save hazard report").click();
    harness.run_steps(1);
    step_until(&mut harness, "the saved report", |app| {
        app.state.records.reports.len() == 21 && app.report_form.is_none()
    });
    let saved = harness
        .state()
        .state
        .records
        .reports
        .iter()
        .find(|r| r.code == "HR-0021")
        .unwrap();
    assert_eq!(saved.type_model, "M-75 hand grenade");
    assert_eq!(
        saved.location.entered.as_ref().unwrap().format.code(),
        "mgrs"
    );
}

#[test]
fn attach_a_photo_to_a_hazard_report_through_the_file_picker() {
    let (t, mut harness) = app_on_demo();
    std::fs::write(t.dir.path().join("grenade.png"), PNG_1X1).unwrap();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("Hazard reports (20)").click();
    harness.run_steps(2);
    harness.get_by_label("HR-0001").click();
    harness.run_steps(1);
    step_until(&mut harness, "the report's detail", |app| {
        app.state.report_detail.is_some()
    });
    harness.get_by_label("Photos (0)");
    harness.get_by_label("Add photo…").click();
    harness.run_steps(1);
    step_until(&mut harness, "the file picker", |_| true);
    harness.run_steps(5);
    type_into(&mut harness, "File name", "grenade.png");
    harness.get_by_label("Open").click();
    harness.run_steps(1);
    step_until(&mut harness, "the photo", |app| {
        app.state
            .report_detail
            .as_ref()
            .is_some_and(|d| d.thumbnails.len() == 1)
    });
    harness.run_steps(2);
    harness.get_by_label("Photos (1)");
    // Opened full size, captioned (audited), then removed (asked first).
    let photo = harness
        .state()
        .state
        .report_detail
        .as_ref()
        .unwrap()
        .thumbnails[0]
        .id;
    harness
        .state_mut()
        .send(safeground::app::Command::LoadPhoto(photo));
    step_until(&mut harness, "the full photo", |app| {
        app.state.photo.is_some()
    });
    harness.run_steps(2);
    harness.get_by_label("Photo — grenade.png");
    type_into(&mut harness, "Caption", "Hand grenade by the barn door");
    harness.get_by_label("Save caption").click();
    harness.run_steps(1);
    step_until(&mut harness, "the caption", |app| {
        app.state.report_detail.as_ref().is_some_and(|d| {
            d.thumbnails
                .first()
                .is_some_and(|t| t.caption == "Hand grenade by the barn door")
        })
    });
    harness.get_by_label("Remove photo…").click();
    harness.run_steps(2);
    harness.get_by_label("Remove").click();
    harness.run_steps(1);
    step_until(&mut harness, "the photo removed", |app| {
        app.state
            .report_detail
            .as_ref()
            .is_some_and(|d| d.thumbnails.is_empty())
    });
    let audit = t
        .open()
        .audit_feed(&safeground::domain::AuditFilter::default())
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.new_value.as_deref() == Some("removed grenade.png"))
    );
    assert!(
        audit
            .iter()
            .any(|a| a.field.as_deref() == Some("photo caption"))
    );
}

#[test]
fn measuring_tool_gives_geodesic_distance_and_area() {
    use safeground::domain::LonLat;
    let p = |lon, lat| LonLat::lon_lat(lon, lat).unwrap();
    let (length, area) = safeground::ui::measure(&[p(0.0, 0.0), p(1.0, 0.0)]);
    assert!((length - 111_319.491).abs() < 0.01);
    assert!(area.is_none());
    let (_, area) = safeground::ui::measure(&[p(0.0, 0.0), p(1.0, 0.0), p(1.0, 1.0), p(0.0, 1.0)]);
    assert!((area.unwrap() - 12_308_778_361.469).abs() < 0.01);
}

#[test]
fn clicking_the_map_adds_perimeter_points_and_measures() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("New land").click();
    harness.run_steps(3);
    let click = |harness: &mut Harness<'_, SafegroundApp>, x: f32, y: f32| {
        let pos = egui::pos2(x, y);
        harness.event(egui::Event::PointerMoved(pos));
        harness.run_steps(1);
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::default(),
            });
        }
        harness.run_steps(2);
    };
    for (x, y) in [(500.0, 450.0), (600.0, 460.0), (580.0, 560.0)] {
        click(&mut harness, x, y);
    }
    let editor = harness.state().editor.as_ref().unwrap();
    let kinds: Vec<_> = editor.points.iter().map(|p| p.kind.code()).collect();
    assert_eq!(kinds, ["start", "turning", "turning"]);
    assert!(editor.shape().geometry.is_some() && editor.shape().errors.is_empty());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    harness.get_by_label("Measure").click();
    harness.run_steps(2);
    click(&mut harness, 500.0, 450.0);
    click(&mut harness, 600.0, 450.0);
    harness.run_steps(2);
    assert!(
        harness.query_by_label_contains("Distance ").is_none(),
        "measurements are painted, not widgets"
    );
}

#[test]
fn edit_a_land_and_see_the_change_in_detail_and_audit() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    let search = || egui::accesskit::Role::TextInput;
    harness.get_by_role(search()).click();
    harness.run_steps(1);
    harness.get_by_role(search()).type_text("HA-0016");
    harness.run_steps(2);
    harness.get_by_label("HA-0016").click();
    harness.run_steps(1);
    step_until(&mut harness, "the land's detail", |app| {
        app.state.detail.is_some()
    });
    let before = harness.state().state.detail.as_ref().unwrap().land.clone();
    harness.get_by_label("Edit land").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Edit HA-0016");
    type_into(&mut harness, "Name", " (east)");
    harness.get_by_label("Save land").scroll_to_me();
    harness.run_steps(20);
    harness.get_by_label("Save land").click();
    harness.run_steps(1);
    step_until(&mut harness, "the edited land", |app| {
        app.editor.is_none()
            && app
                .state
                .detail
                .as_ref()
                .is_some_and(|d| d.land.name.ends_with("(east)"))
    });
    let after = &harness.state().state.detail.as_ref().unwrap();
    assert_eq!(
        after.land.ledger, before.ledger,
        "the ledger is not touched by an edit"
    );
    assert_eq!(after.land.status, before.status);
    assert!(
        (after.land.ledger.estimated_m2.m2() - before.ledger.estimated_m2.m2()).abs() < 1.0,
        "same polygon from the same points"
    );
    assert!(
        after
            .audit
            .iter()
            .any(|a| a.field.as_deref() == Some("name")),
        "the change is audited"
    );
}

#[test]
fn dashboard_shows_the_report_figures_and_the_map_follows_its_filter() {
    let (t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("Dashboard").click();
    harness.run_steps(2);
    step_until(&mut harness, "the figures", |app| {
        app.state.dashboard.is_some()
    });
    harness.get_by_label("Released in the period");
    assert_eq!(harness.state().state.dashboard_scope.len(), 30);

    // A donor and a period: the same filter as the donor report below.
    harness.state_mut().dashboard.as_mut().unwrap().donor = "Fondation Horizon".to_owned();
    type_into(&mut harness, "From", "2025-01-01");
    type_into(&mut harness, "To", "2026-12-31");
    step_until(&mut harness, "the filtered figures", |app| {
        app.state
            .dashboard
            .as_ref()
            .is_some_and(|f| f.filter_text == "2025-01-01 to 2026-12-31; donor Fondation Horizon")
    });
    let report = t.dir.path().join("r.html");
    let (code, _, err) = run(&[
        "--db",
        &db(&t.path),
        "report",
        "--from",
        "2025-01-01",
        "--to",
        "2026-12-31",
        "--donor",
        "Fondation Horizon",
        "-o",
        &report.display().to_string(),
    ]);
    assert_eq!(code, 0, "{err}");
    let summary = std::fs::read_to_string(t.dir.path().join("r.summary.csv")).unwrap();
    let released: f64 = summary
        .lines()
        .find_map(|l| l.strip_prefix("headline,released,"))
        .and_then(|v| v.strip_suffix(",m2"))
        .unwrap()
        .parse()
        .unwrap();
    assert!(released > 0.0);
    // The dashboard shows the report's figure, formatted for people.
    harness.get_by_label(&safeground::reports::area_text(
        safeground::i18n::Tr::default(),
        released,
    ));
    let figures = harness.state().state.dashboard.clone().unwrap();
    assert_eq!(figures.totals.released.total_m2(), released);
    // The map shows only the lands in scope.
    assert_eq!(
        harness.state().state.dashboard_scope.len(),
        figures.lands.len()
    );
    assert!(figures.lands.len() < 30);

    // A wrong date says which field and why, and keeps the last figures.
    type_into(&mut harness, "To", "x");
    let message = harness
        .state()
        .dashboard
        .as_ref()
        .unwrap()
        .filter(safeground::i18n::Tr::default())
        .unwrap_err();
    assert!(
        message.starts_with("To: '")
            && message.ends_with("is not a date; write YYYY-MM-DD, e.g. 2025-01-31"),
        "{message}"
    );
    harness.get_by_label(&message);
    assert_eq!(harness.state().state.dashboard.as_ref(), Some(&figures));
}

#[test]
fn export_a_donor_geopackage_from_the_menu_and_see_it_in_the_export_log() {
    let (t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label("Donor").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().export_profile,
        safeground::domain::ExportProfile::Donor
    );
    // Choosing the profile closes the menu; open it again for the format.
    if harness.query_by_label("GeoPackage…").is_none() {
        harness.get_by_label("Export").click();
        harness.run_steps(2);
    }
    harness.get_by_label("GeoPackage…").click();
    harness.run_steps(5);
    // The picker proposes export.gpkg beside the store; keep it.
    harness.get_by_label("Save").click();
    harness.run_steps(1);
    let file = t.dir.path().join("export.gpkg");
    step_until(&mut harness, "the export", |app| {
        app.state
            .notifications
            .iter()
            .any(|n| n.text.contains("export.gpkg"))
    });
    let note = harness
        .state()
        .state
        .notifications
        .last()
        .unwrap()
        .text
        .clone();
    assert!(file.exists(), "{note}");
    assert!(
        note.contains("30 lands, 60 activities, 19 hazard reports (donor profile)"),
        "{note}"
    );

    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label("Export log").click();
    harness.run_steps(1);
    step_until(&mut harness, "the export log", |app| {
        app.state.export_log.as_ref().is_some_and(|l| l.len() == 1)
    });
    harness.get_by_label(&file.display().to_string());
    harness.get_by_label("gpkg");
    harness.get_by_label("whole store");
}

/// Saving an export over an existing file asks first; "Keep it" leaves the file alone, "Replace"
/// writes the export over it (issue 12).
#[test]
fn exporting_over_an_existing_file_asks_before_replacing_it() {
    let (t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    let file = t.dir.path().join("export.gpkg");
    std::fs::write(&file, b"a colleague's file").unwrap();
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label("GeoPackage…").click();
    harness.run_steps(5);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    harness.get_by_label("Keep it").click();
    harness.run_steps(5);
    assert_eq!(std::fs::read(&file).unwrap(), b"a colleague's file");
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    harness.get_by_label("Replace").click();
    harness.run_steps(1);
    step_until(&mut harness, "the export", |app| {
        app.state
            .notifications
            .iter()
            .any(|n| n.text.contains("export.gpkg"))
    });
    assert!(
        std::fs::read(&file)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
}

/// Issue 14 (named people, four eyes): at first start the app asks who is recording; the name
/// goes into the audit; the person who submitted a land cannot approve it, another IM officer
/// can, from the same laptop after changing who is recording.
#[test]
fn first_start_asks_who_is_recording_and_four_eyes_hold() {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let app = SafegroundApp::with_store(
        &egui::Context::default(),
        t.path.clone(),
        Prefs {
            language: Some(safeground::i18n::Lang::En),
            ..Prefs::default()
        },
    );
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut SafegroundApp| {
                app.drain_outcomes();
                app.frame_ui(ui);
            },
            app,
        );
    step_until(&mut harness, "the records", |app| app.state.loaded);
    input(&harness, "Your name *");
    let become_ = |harness: &mut Harness<'_, SafegroundApp>, name: &str| {
        let field = input(harness, "Your name *");
        field.click();
        harness.run_steps(1);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run_steps(1);
        input(harness, "Your name *").type_text(name);
        harness.run_steps(1);
        harness.get_by_label("IM officer").click();
        harness.run_steps(1);
        harness.get_by_label("Save person").click();
        harness.run_steps(2);
    };
    become_(&mut harness, "Samir Begić");
    harness.get_by_label("Recording as Samir Begić (IM officer)");
    assert!(harness.query_by_label("Save person").is_none());

    // Samir submits HA-0003 (a draft), then may not approve it.
    harness.get_by_label("HA-0003").click();
    step_until(&mut harness, "the detail", |app| app.state.detail.is_some());
    harness.get_by_label("Submit").click();
    step_until(&mut harness, "the submission", |app| {
        app.state
            .detail
            .as_ref()
            .is_some_and(|d| d.land.validation == safeground::domain::ValidationState::Submitted)
    });
    harness.get_by_label("Approve").click();
    step_until(&mut harness, "the refusal", |app| {
        app.state
            .notifications
            .iter()
            .any(|n| n.text.contains("four eyes"))
    });

    // Lejla takes the laptop and approves.
    harness
        .get_by_label("Recording as Samir Begić (IM officer)")
        .click();
    harness.run_steps(2);
    become_(&mut harness, "Lejla Kovač");
    harness.get_by_label("Approve").click();
    step_until(&mut harness, "the approval", |app| {
        app.state
            .detail
            .as_ref()
            .is_some_and(|d| d.land.validation == safeground::domain::ValidationState::Approved)
    });
    let store = t.open();
    let land = store.land_by_code("HA-0003").unwrap();
    let who: Vec<String> = store
        .audit_for(land.id.0)
        .unwrap()
        .into_iter()
        .filter(|a| a.field.as_deref() == Some("validation"))
        .map(|a| a.who)
        .collect();
    assert_eq!(who, ["Samir Begić", "Lejla Kovač"]);
}

fn app_at(size: [f32; 2]) -> (TestStore, Harness<'static, SafegroundApp>) {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let app = SafegroundApp::with_store(&egui::Context::default(), t.path.clone(), prefs());
    let harness = Harness::builder().with_size(size).build_ui_state(
        |ui, app: &mut SafegroundApp| {
            app.drain_outcomes();
            app.frame_ui(ui);
        },
        app,
    );
    (t, harness)
}

/// Issue 14 (the map first): at 1280×800 the map keeps at least half of the window with the
/// list, a selected land, the land editor showing errors, the activity form and the dashboard;
/// the side panels wrap or scroll instead of growing (field trial D2).
#[test]
fn the_map_keeps_half_the_window_in_every_state() {
    let (_t, mut harness) = app_at([1280.0, 800.0]);
    step_until(&mut harness, "the records", |app| app.state.loaded);
    let half = |harness: &Harness<'_, SafegroundApp>, state: &str| {
        let width = harness.state().map_size().x;
        assert!(width >= 640.0, "{state}: the map is {width} px of 1280");
    };
    half(&harness, "list");
    harness.get_by_label("HA-0016").click();
    step_until(&mut harness, "the detail", |app| app.state.detail.is_some());
    harness.run_steps(3);
    half(&harness, "selection");
    harness.get_by_label("Record activity").click();
    harness.run_steps(3);
    half(&harness, "activity form");
    harness.get_by_label("New land").click();
    harness.run_steps(2);
    type_into(
        &mut harness,
        "Name",
        "A very long name of a field that goes on and on behind the school and the mill and the river",
    );
    harness.get_by_label("Save land").click();
    harness.run_steps(4);
    half(&harness, "editor with errors");
    harness.get_by_label("Dashboard").click();
    harness.run_steps(4);
    half(&harness, "dashboard");
}

/// Issue 14: the mouse wheel zooms the map at the pointer (no Ctrl needed), as in every web map.
#[test]
fn the_mouse_wheel_zooms_the_map() {
    let (_t, mut harness) = app_at([1280.0, 800.0]);
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.run_steps(3);
    let before = harness.state().map_zoom();
    let centre = egui::pos2(640.0, 420.0);
    for _ in 0..5 {
        harness.event(egui::Event::PointerMoved(centre));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 60.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.run_steps(2);
    }
    let after = harness.state().map_zoom();
    assert!(after > before + 0.1, "zoom {before} -> {after}");
}

/// Issue 14 (never lose work): the land editor undoes and redoes typing and points with Ctrl+Z
/// and Ctrl+Shift+Z (and buttons); Escape with unsaved changes asks before closing.
#[test]
fn the_land_editor_undoes_redoes_and_asks_before_losing_work() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("New land").click();
    harness.run_steps(2);
    type_into(&mut harness, "Name", "Hill above the school");
    harness.run_steps(40);
    harness.get_by_label("Add point").click();
    harness.run_steps(2);
    type_into(&mut harness, "Point 1", "44.7100, 18.0100");
    harness.run_steps(40);
    let points = |h: &Harness<'_, SafegroundApp>| h.state().editor.as_ref().unwrap().points.len();
    let name = |h: &Harness<'_, SafegroundApp>| h.state().editor.as_ref().unwrap().name.clone();
    assert_eq!(points(&harness), 1);
    // Undo the point, then the name; redo the name.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(points(&harness), 0, "the point is undone");
    assert_eq!(name(&harness), "Hill above the school");
    harness.get_by_label("Undo").click();
    harness.run_steps(2);
    assert_eq!(name(&harness), "", "the name is undone");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(2);
    assert_eq!(name(&harness), "Hill above the school", "redo");
    // Escape with unsaved changes asks; keep editing, then discard.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.get_by_label("Keep editing").click();
    harness.run_steps(2);
    assert!(harness.state().editor.is_some());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    harness.get_by_label("Discard changes").click();
    harness.run_steps(2);
    assert!(harness.state().editor.is_none(), "discarded on request");
}

/// Issue 14 (activities and hazard reports first-class): in the app, a wrong activity is voided
/// with a reason and the land's ledger recomputes; a hazard report's status is corrected and
/// another report is voided, leaving the list.
#[test]
fn void_an_activity_and_correct_a_hazard_report_in_the_app() {
    let (t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    let search = || egui::accesskit::Role::TextInput;
    harness.get_by_role(search()).click();
    harness.run_steps(1);
    harness.get_by_role(search()).type_text("HA-0002");
    harness.run_steps(2);
    harness.get_by_label("HA-0002").click();
    step_until(&mut harness, "the detail", |app| app.state.detail.is_some());
    let before = harness.state().state.detail.as_ref().unwrap().land.ledger;
    let released = harness
        .state()
        .state
        .detail
        .as_ref()
        .unwrap()
        .activities
        .iter()
        .find(|a| a.code == "AC-0010")
        .unwrap()
        .released
        .total();
    harness
        .get_all_by_label("Void…")
        .nth(3)
        .expect("AC-0010 is the fourth activity")
        .scroll_to_me();
    // Scrolling is animated.
    harness.run_steps(20);
    harness
        .get_all_by_label("Void…")
        .nth(3)
        .expect("AC-0010 is the fourth activity")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Void AC-0010 because").scroll_to_me();
    harness.run_steps(20);
    type_into(&mut harness, "Void AC-0010 because", "entered twice");
    harness.get_by_label("Void").click();
    step_until(&mut harness, "the recomputed ledger", |app| {
        app.state.detail.as_ref().is_some_and(|d| {
            d.land.ledger.remaining().m2() > before.remaining().m2()
                && d.activities.iter().all(|a| a.code != "AC-0010")
        })
    });
    let after = harness.state().state.detail.as_ref().unwrap().land.ledger;
    assert!((after.remaining().m2() - (before.remaining() + released).m2()).abs() < 0.5);

    // A hazard report's status.
    harness.get_by_label("Hazard reports (20)").click();
    harness.run_steps(2);
    harness.get_by_label("HR-0001").click();
    step_until(&mut harness, "the report", |app| {
        app.state.report_detail.is_some()
    });
    let mut edited = harness
        .state()
        .state
        .report_detail
        .as_ref()
        .unwrap()
        .report
        .clone();
    edited.status = safeground::domain::HazardReportStatus::DestroyedRemoved;
    // The combo box sends the same command as choosing the entry (egui popups are awkward to
    // click in a headless harness).
    harness
        .state_mut()
        .send(safeground::app::Command::UpdateHazardReport(Box::new(
            edited,
        )));
    step_until(&mut harness, "the corrected status", |app| {
        app.state.report_detail.as_ref().is_some_and(|d| {
            d.report.status == safeground::domain::HazardReportStatus::DestroyedRemoved
        })
    });
    harness.get_by_label("Void…").click();
    harness.run_steps(2);
    type_into(&mut harness, "Void HR-0001 because", "duplicate of HR-0002");
    harness.get_by_label("Void").click();
    step_until(&mut harness, "the report gone", |app| {
        app.state.records.reports.len() == 19 && app.state.selected_report.is_none()
    });
    let store = t.open();
    assert!(store.hazard_report_by_code("HR-0001").is_err());
}

/// Issue 14 (the whole NTS record in the form): a new land's administrative location, P-code,
/// priority, blockage, terrain, beneficiaries and project are entered in the editor and stored;
/// editing the land shows them again.
#[test]
fn the_land_form_takes_the_whole_nts_record() {
    let (t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("New land").click();
    harness.run_steps(2);
    type_into(&mut harness, "Name", "Orchard by the river");
    for (label, text) in [
        ("Admin level 1", "Zenica-Doboj Canton"),
        ("Admin level 2", "Tešanj"),
        ("Settlement", "Kalošević"),
        ("P-code", "BA-ZD-TSJ-014"),
        ("Blockage", "Orchard and the river path"),
        ("Terrain", "Fruit trees, flat"),
        ("Expected beneficiaries", "85"),
        ("Project", "FH-2025-03"),
    ] {
        input(&harness, label).scroll_to_me();
        harness.run_steps(10);
        type_into(&mut harness, label, text);
    }
    harness.state_mut().editor.as_mut().unwrap().nts.priority = "high".to_owned();
    // An evidence item and a key informant, through their tables.
    harness.get_by_label("Evidence items (0)").scroll_to_me();
    harness.run_steps(10);
    harness.get_by_label("Evidence items (0)").click();
    harness.run_steps(3);
    harness.get_by_label("Add evidence item").click();
    harness.run_steps(3);
    harness.get_by_label("Key informants (0)").scroll_to_me();
    harness.run_steps(10);
    harness.get_by_label("Key informants (0)").click();
    harness.run_steps(3);
    harness.get_by_label("Add informant").click();
    harness.run_steps(3);
    {
        let nts = &mut harness.state_mut().editor.as_mut().unwrap().nts;
        nts.evidence_items[0].kind = "Mine signs".to_owned();
        nts.evidence_items[0].modality = safeground::domain::SourceModality::Verbal;
        nts.key_informants[0].name = "Mustafa H.".to_owned();
        nts.key_informants[0].phone = "+387 61 000 000".to_owned();
    }
    harness.run_steps(2);
    harness.get_by_label("UXO").scroll_to_me();
    harness.run_steps(20);
    harness.get_by_label("UXO").click();
    harness.run_steps(2);
    for _ in 0..3 {
        harness.get_by_label("Add point").scroll_to_me();
        harness.run_steps(20);
        harness.get_by_label("Add point").click();
        harness.run_steps(2);
    }
    for (i, text) in ["44.7300, 18.0500", "44.7300, 18.0520", "44.7315, 18.0510"]
        .iter()
        .enumerate()
    {
        let label = format!("Point {}", i + 1);
        input(&harness, &label).scroll_to_me();
        harness.run_steps(20);
        type_into(&mut harness, &label, text);
    }
    harness.get_by_label("Save land").scroll_to_me();
    harness.run_steps(20);
    harness.get_by_label("Save land").click();
    harness.run_steps(3);
    step_until(&mut harness, "the saved land", |app| {
        app.state.records.lands.len() == 31 && app.editor.is_none()
    });
    let land = t.open().land_by_code("HA-0031").unwrap();
    assert_eq!(land.admin.pcode, "BA-ZD-TSJ-014");
    assert_eq!(land.admin.settlement, "Kalošević");
    assert_eq!(land.admin.admin2, "Tešanj");
    assert_eq!(land.blockage, "Orchard and the river path");
    assert_eq!(land.terrain, "Fruit trees, flat");
    assert_eq!(land.expected_beneficiaries, Some(85));
    assert_eq!(land.project, "FH-2025-03");
    assert_eq!(land.hazard_types, [safeground::domain::HazardType::Uxo]);
    assert_eq!(land.evidence_items[0].kind, "Mine signs");
    assert_eq!(land.key_informants[0].name, "Mustafa H.");
    assert_eq!(
        land.priority.map(safeground::domain::Priority::code),
        Some("high")
    );
}

#[test]
fn reference_layers_are_listed_and_fill_a_new_lands_admin_area_and_pcode() {
    let t = TestStore::new();
    let store = db(&t.path);
    assert_eq!(run(&["--db", &store, "demo"]).0, 0);
    assert_eq!(
        run(&["--db", &store, "layers", "sample", &db(t.dir.path())]).0,
        0
    );
    for f in ["admin-boundaries.gpkg", "settlements.geojson"] {
        let (code, _, err) = run(&["--db", &store, "layers", "add", &db(&t.dir.path().join(f))]);
        assert_eq!(code, 0, "{err}");
    }
    let app = SafegroundApp::with_store(&egui::Context::default(), t.path.clone(), prefs());
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut SafegroundApp| {
                app.drain_outcomes();
                app.frame_ui(ui);
            },
            app,
        );
    step_until(&mut harness, "the layers", |app| {
        app.state.reference_layers.len() == 3
            && app
                .state
                .reference_layers
                .iter()
                .all(|l| l.features.is_ok())
    });
    // The layer panel lists them, top first, with their features counted.
    harness.get_by_label("Layers").click();
    harness.run_steps(3);
    harness.get_by_label("settlements");
    harness.get_by_label("admin-boundaries · admin2");
    harness.get_by_label("60 features");
    // Hiding a layer is saved in the store and comes back from the worker.
    let settlements_visible = |app: &SafegroundApp| {
        app.state
            .reference_layers
            .iter()
            .find(|l| l.spec.name == "settlements")
            .is_some_and(|l| l.spec.visible)
    };
    assert!(settlements_visible(harness.state()));
    harness.get_by_label("Layers").click();
    harness.run_steps(2);

    // A new land inside sample municipality 34: its admin area, P-code and nearest
    // settlement are filled in from the layers.
    harness.get_by_label("New land").click();
    harness.run_steps(2);
    type_into(&mut harness, "Name", "Meadow by the sample road");
    harness.get_by_label("Add point").scroll_to_me();
    harness.run_steps(20);
    for _ in 0..3 {
        harness.get_by_label("Add point").scroll_to_me();
        harness.run_steps(20);
        harness.get_by_label("Add point").click();
        harness.run_steps(2);
    }
    for (i, text) in ["44.6000, 17.9000", "44.6000, 17.9030", "44.6020, 17.9015"]
        .iter()
        .enumerate()
    {
        let label = format!("Point {}", i + 1);
        input(&harness, &label).scroll_to_me();
        harness.run_steps(20);
        type_into(&mut harness, &label, text);
    }
    harness.run_steps(3);
    let nts = harness.state().editor.as_ref().unwrap().nts.clone();
    assert_eq!(nts.pcode, "BA-RS-M034");
    assert_eq!(nts.admin2, "Municipality 34");
    assert_eq!(nts.admin1, "Republika Srpska (sample)");
    assert!(!nts.settlement.is_empty());
    harness.get_by_label_contains("Admin area from the reference layer");
    // A value the surveyor typed is kept when the land moves.
    harness.state_mut().editor.as_mut().unwrap().nts.admin2 = "Local name".to_owned();
    input(&harness, "Point 3").scroll_to_me();
    harness.run_steps(10);
    type_into(&mut harness, "Point 3", "0");
    harness.run_steps(3);
    assert_eq!(
        harness.state().editor.as_ref().unwrap().nts.admin2,
        "Local name"
    );
    harness.get_by_label("Save land").scroll_to_me();
    harness.run_steps(20);
    harness.get_by_label("Save land").click();
    harness.run_steps(3);
    step_until(&mut harness, "the saved land", |app| {
        app.state.records.lands.len() == 31 && app.editor.is_none()
    });
    let land = t.open().land_by_code("HA-0031").unwrap();
    assert_eq!(land.admin.pcode, "BA-RS-M034");
    assert_eq!(land.admin.admin2, "Local name");
}

#[test]
fn an_unsaved_land_survives_a_crash_and_is_offered_back() {
    let (t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("New land").click();
    harness.run_steps(2);
    type_into(&mut harness, "Name", "Slope above the spring");
    harness.get_by_label("Add point").scroll_to_me();
    harness.run_steps(20);
    for _ in 0..3 {
        harness.get_by_label("Add point").scroll_to_me();
        harness.run_steps(20);
        harness.get_by_label("Add point").click();
        harness.run_steps(2);
    }
    for (i, text) in ["44.7400, 18.0600", "44.7400, 18.0630", "44.7420, 18.0615"]
        .iter()
        .enumerate()
    {
        let label = format!("Point {}", i + 1);
        input(&harness, &label).scroll_to_me();
        harness.run_steps(20);
        type_into(&mut harness, &label, text);
    }
    // Kept in the store while the person types (about once a second).
    let start = Instant::now();
    loop {
        harness.run_steps(10);
        std::thread::sleep(Duration::from_millis(20));
        let kept = t.open().unsaved_forms().unwrap();
        if kept
            .first()
            .is_some_and(|f| f.body_json.contains("44.7420, 18.0615"))
        {
            assert_eq!(kept[0].title, "New land: Slope above the spring");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never kept: {kept:?}"
        );
    }
    // The app dies without saving (no close, no Save).
    drop(harness);

    let app = SafegroundApp::with_store(&egui::Context::default(), t.path.clone(), prefs());
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut SafegroundApp| {
                app.drain_outcomes();
                app.frame_ui(ui);
            },
            app,
        );
    step_until(&mut harness, "the offer", |app| {
        !app.state.unsaved_forms.is_empty()
    });
    harness.get_by_label("Unsaved work from last time");
    harness.get_by_label("New land: Slope above the spring");
    harness.get_by_label("Restore").click();
    harness.run_steps(3);
    let editor = harness.state().editor.as_ref().unwrap();
    assert_eq!(editor.name, "Slope above the spring");
    assert_eq!(editor.points.len(), 3);
    harness.get_by_label("Save land").scroll_to_me();
    harness.run_steps(20);
    harness.get_by_label("Save land").click();
    harness.run_steps(3);
    step_until(&mut harness, "the saved land", |app| {
        app.state.records.lands.len() == 31 && app.editor.is_none()
    });
    // Saved: the unsaved work is forgotten.
    let start = Instant::now();
    while !t.open().unsaved_forms().unwrap().is_empty() {
        assert!(start.elapsed() < Duration::from_secs(20), "still kept");
        harness.run_steps(10);
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        t.open().land_by_code("HA-0031").unwrap().name,
        "Slope above the spring"
    );
}

#[test]
fn the_activity_form_undoes_asks_before_losing_work_and_saves_with_ctrl_enter() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    let search = || egui::accesskit::Role::TextInput;
    harness.get_by_role(search()).click();
    harness.run_steps(1);
    harness.get_by_role(search()).type_text("HA-0003");
    harness.run_steps(2);
    harness.get_by_label("HA-0003").click();
    harness.run_steps(1);
    step_until(&mut harness, "the land's detail", |app| {
        app.state.detail.is_some()
    });
    let before = harness.state().state.detail.as_ref().unwrap().land.ledger;
    harness.get_by_label("Record activity").click();
    harness.run_steps(2);
    type_into(&mut harness, "Team", "NTS Team 9");
    // Let the undo history take the typed word as one step, then type more.
    std::thread::sleep(Duration::from_millis(500));
    harness.run_steps(5);
    type_into(&mut harness, "Cancelled m²", "500");
    std::thread::sleep(Duration::from_millis(500));
    harness.run_steps(5);
    assert_eq!(
        harness
            .state()
            .activity_form
            .as_ref()
            .unwrap()
            .draft
            .cancelled_m2,
        "500"
    );
    harness.get_by_label("Undo").click();
    harness.run_steps(2);
    let draft = &harness.state().activity_form.as_ref().unwrap().draft;
    assert_eq!(draft.cancelled_m2, "", "undo takes the last step back");
    assert!(draft.team.ends_with("NTS Team 9"));
    harness.get_by_label("Redo").click();
    harness.run_steps(2);
    assert_eq!(
        harness
            .state()
            .activity_form
            .as_ref()
            .unwrap()
            .draft
            .cancelled_m2,
        "500"
    );
    // Escape with unsaved changes asks; "Keep editing" keeps the form.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.get_by_label_contains("This activity has unsaved changes");
    harness.get_by_label("Keep editing").click();
    harness.run_steps(2);
    assert!(harness.state().activity_form.is_some());
    // Ctrl+Enter saves.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run_steps(2);
    step_until(&mut harness, "the ledger after the cancellation", |app| {
        app.state
            .detail
            .as_ref()
            .is_some_and(|d| d.land.ledger.cancelled_m2() != before.cancelled_m2())
    });
    assert!(harness.state().activity_form.is_none());
}

#[test]
fn a_foreign_file_is_mapped_before_import_and_its_attributes_are_searchable() {
    let (t, mut harness) = app_on_demo();
    let square = |x: f64, y: f64| {
        format!(
            r#"{{"type":"Polygon","coordinates":[[[{x},{y}],[{x1},{y}],[{x1},{y1}],[{x},{y1}],[{x},{y}]]]}}"#,
            x1 = x + 0.002,
            y1 = y + 0.002
        )
    };
    let file = format!(
        r#"{{"type":"FeatureCollection","features":[
        {{"type":"Feature","properties":{{"typeArea":"minefield","fileId":"2585-III","sheet_note":"Zavidovici north"}},"geometry":{}}},
        {{"type":"Feature","properties":{{"typeArea":"minefield","fileId":"2585-IV","sheet_note":"Maglaj"}},"geometry":{}}},
        {{"type":"Feature","properties":{{"typeArea":"minefield","fileId":"2586-I"}},"geometry":null}}
        ]}}"#,
        square(18.1, 44.5),
        square(18.2, 44.6)
    );
    std::fs::write(t.dir.path().join("minefields.geojson"), file).unwrap();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("Import…").click();
    harness.run_steps(3);
    type_into(&mut harness, "File name", "minefields.geojson");
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Open")
        .click();
    harness.run_steps(1);
    let start = Instant::now();
    while harness
        .query_by_label("Import minefields.geojson")
        .is_none()
    {
        assert!(start.elapsed() < Duration::from_secs(20), "no mapping step");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(3);
    harness.get_by_label("Zavidovici north · Maglaj");
    // Name from fileId.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Name")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "fileId")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Import").click();
    harness.run_steps(1);
    step_until(&mut harness, "the imported lands", |app| {
        app.state.records.lands.len() == 32
    });
    let names: Vec<String> = harness
        .state()
        .state
        .records
        .lands
        .iter()
        .map(|l| l.summary.name.clone())
        .collect();
    assert!(names.contains(&"2585-III".to_owned()), "{names:?}");
    assert!(names.contains(&"2585-IV".to_owned()));
    // The choice is remembered for files of the same shape.
    assert_eq!(harness.state().prefs().import_mappings.len(), 1);
    // The summary groups what was skipped.
    harness.get_by_label("Import summary").click();
    harness.run_steps(2);
    assert_eq!(harness.get_all_by_label("Warning × 1").count(), 2);
    harness.get_by_label("is null; the feature was skipped");
    // An unmapped property is searchable from the list.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Import summary")
        .click();
    harness.run_steps(1);
    type_into(&mut harness, "Search", "zavid");
    step_until(&mut harness, "the source search", |app| {
        app.state
            .source_matches
            .as_ref()
            .is_some_and(|(q, ids)| q == "zavid" && ids.len() == 1)
    });
    harness.run_steps(3);
    harness.get_by_label("1 of 32 lands");
}

#[test]
fn the_history_window_shows_the_programme_feed_in_words_and_filters_it() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("History").click();
    harness.run_steps(2);
    step_until(&mut harness, "the feed", |app| {
        app.state.audit_feed.is_some()
    });
    harness.run_steps(2);
    harness.get_by_label("History of the programme");
    let all = harness.state().state.audit_feed.as_ref().unwrap().len();
    assert!(all > 40, "{all}");
    harness.get_by_label_contains("Imported · 30 lands");
    type_into(&mut harness, "Record", "HA-0016");
    step_until(&mut harness, "the filtered feed", |app| {
        app.state
            .audit_feed
            .as_ref()
            .is_some_and(|f| !f.is_empty() && f.iter().all(|a| a.entity_code == "HA-0016"))
    });
}

#[test]
fn drawing_warns_of_overlaps_and_implausible_size_and_errors_sit_beside_their_fields() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    // The centre of an open land of the demo.
    let open = harness
        .state()
        .state
        .records
        .lands
        .iter()
        .find(|l| {
            l.summary.status == safeground::domain::LandStatus::Open && l.bbox_lon_lat.is_some()
        })
        .unwrap();
    let code = open.summary.code.clone();
    let b = open.bbox_lon_lat.unwrap();
    let (lon, lat) = (f64::midpoint(b[0], b[2]), f64::midpoint(b[1], b[3]));
    harness.get_by_label("New land").click();
    harness.run_steps(2);
    // Save with no name: the error appears beside the Name field, in words.
    harness.get_by_label("Save land").scroll_to_me();
    harness.run_steps(10);
    harness.get_by_label("Save land").click();
    harness.run_steps(3);
    harness.get_by_label_contains("Name is required");
    type_into(&mut harness, "Name", "Overlapping test");
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("Name is required")
            .is_none(),
        "the error goes away once fixed"
    );
    harness.get_by_label("Add point").scroll_to_me();
    harness.run_steps(20);
    for _ in 0..3 {
        harness.get_by_label("Add point").scroll_to_me();
        harness.run_steps(20);
        harness.get_by_label("Add point").click();
        harness.run_steps(2);
    }
    let points = [
        format!("{:.6}, {:.6}", lat - 0.0005, lon - 0.0005),
        format!("{:.6}, {:.6}", lat - 0.0005, lon + 0.0005),
        format!("{:.6}, {:.6}", lat + 0.0005, lon),
    ];
    for (i, text) in points.iter().enumerate() {
        let label = format!("Point {}", i + 1);
        input(&harness, &label).scroll_to_me();
        harness.run_steps(20);
        type_into(&mut harness, &label, text);
    }
    harness.run_steps(3);
    assert!(
        harness
            .state()
            .editor
            .as_ref()
            .unwrap()
            .overlaps
            .contains(&code),
        "{:?}",
        harness.state().editor.as_ref().unwrap().overlaps
    );
    harness.get_by_label_contains("open land");
    // A point typed 30 km away: the size warning.
    input(&harness, "Point 3").scroll_to_me();
    harness.run_steps(20);
    let editor = harness.state_mut().editor.as_mut().unwrap();
    editor.points[1].coord_text = format!("{:.6}, {:.6}", lat - 0.0005, lon + 0.2);
    editor.points[2].coord_text = format!("{:.6}, {:.6}", lat + 0.2, lon + 0.2);
    harness.run_steps(3);
    harness.get_by_label_contains("Check the points");
}

#[test]
fn the_file_picker_offers_places_creates_folders_and_answers_enter_and_escape() {
    let (t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("Import…").click();
    harness.run_steps(5);
    std::thread::sleep(Duration::from_millis(200));
    harness.run_steps(3);
    harness.get_by_label("Import GeoJSON or activities CSV");
    harness.get_by_label("Home");
    // Escape closes it without a choice.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label("Import GeoJSON or activities CSV")
            .is_none()
    );
    // A new folder, created and entered.
    harness.get_by_label("Import…").click();
    harness.run_steps(3);
    type_into(&mut harness, "New folder", "from the USB stick");
    harness.get_by_label("Create folder").click();
    let folder = t.dir.path().join("from the USB stick");
    let start = Instant::now();
    while !folder.is_dir()
        || harness
            .query_all_by_label_contains("from the USB stick")
            .next()
            .is_none()
    {
        assert!(start.elapsed() < Duration::from_secs(20), "no folder");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(3);
    // Enter in the file name chooses: a GeoJSON file in the new folder is imported.
    std::fs::write(
        folder.join("one.geojson"),
        r#"{"type":"FeatureCollection","safeground_schema":1,"features":[]}"#,
    )
    .unwrap();
    type_into(&mut harness, "File name", "one.geojson");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Import GeoJSON or activities CSV")
            .is_none()
    );
}

#[test]
fn a_date_is_typed_or_picked_from_a_calendar() {
    let (_t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("New hazard report").click();
    harness.run_steps(2);
    {
        let form = harness.state_mut().report_form.as_mut().unwrap();
        form.draft.reported_on = "2026-02-03".to_owned();
    }
    harness.run_steps(2);
    harness.get_by_label("Calendar").click();
    harness.run_steps(3);
    harness.get_by_label("February 2026");
    harness.get_by_label(">").click();
    harness.run_steps(2);
    harness.get_by_label("March 2026");
    harness.get_by_label("17").click();
    harness.run_steps(3);
    assert_eq!(
        harness
            .state()
            .report_form
            .as_ref()
            .unwrap()
            .draft
            .reported_on,
        "2026-03-17"
    );
}

#[test]
fn a_new_user_adds_the_sample_layers_from_the_layer_panel() {
    let (t, mut harness) = app_on_demo();
    step_until(&mut harness, "the records", |app| app.state.loaded);
    harness.get_by_label("Layers").click();
    harness.run_steps(2);
    harness.get_by_label("No reference layers yet.");
    harness
        .get_by_label("Add sample layers (fictional, to try this)")
        .click();
    harness.run_steps(1);
    step_until(&mut harness, "the sample layers", |app| {
        app.state.reference_layers.len() == 4
            && app
                .state
                .reference_layers
                .iter()
                .all(|l| l.features.is_ok())
    });
    assert!(
        t.dir
            .path()
            .join("sample-layers/admin-boundaries.gpkg")
            .is_file()
    );
    harness.get_by_label("settlements");
    // Kept with the store: a second store does not see them.
    assert_eq!(t.open().reference_layers().unwrap().len(), 4);
}
