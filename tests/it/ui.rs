//! The desktop app driven through `egui_kittest`: widgets found by label, clicked and typed into,
//! with a real store and the real database worker behind them.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use safeground::ui::{Prefs, SafegroundApp};

use super::util::{TestStore, db, run};

fn app_on_demo() -> (TestStore, Harness<'static, SafegroundApp>) {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let app =
        SafegroundApp::with_store(&egui::Context::default(), t.path.clone(), Prefs::default());
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
    let app =
        SafegroundApp::with_store(&egui::Context::default(), t.path.clone(), Prefs::default());
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
