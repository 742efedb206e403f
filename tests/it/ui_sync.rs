//! The Reconciliation view (issue 15) driven through `egui_kittest`: two laptops changed the same
//! field apart; the view lists the conflict with mine and theirs, "Keep mine" settles it, and
//! the settlement reaches the other laptop with the next bundle.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use safeground::ui::{Person, Prefs, SafegroundApp};

use super::util::run;

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn device(store: &str) -> String {
    let v: serde_json::Value =
        serde_json::from_str(&ok(&["--db", store, "sync", "status", "--json"])).unwrap();
    v["device"].as_str().unwrap().to_owned()
}

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
fn the_reconciliation_view_settles_a_conflict_and_the_settlement_reaches_the_other_laptop() {
    let dir = tempfile::tempdir().unwrap();
    let path = |n: &str| dir.path().join(n).display().to_string();
    let (a, b) = (path("a.sqlite"), path("b.sqlite"));
    ok(&["--db", &a, "demo"]);
    ok(&[
        "--db",
        &a,
        "sync",
        "export",
        "--all",
        "-o",
        &path("all.sgbundle"),
    ]);
    ok(&["--db", &b, "sync", "import", &path("all.sgbundle")]);
    ok(&["--db", &a, "edit", "HA-0007", "--set", "project=Project A"]);
    ok(&["--db", &b, "edit", "HA-0007", "--set", "project=Project B"]);
    ok(&[
        "--db",
        &a,
        "sync",
        "export",
        "--for",
        &device(&b),
        "-o",
        &path("a1.sgbundle"),
    ]);
    ok(&[
        "--db",
        &b,
        "sync",
        "export",
        "--for",
        &device(&a),
        "-o",
        &path("b1.sgbundle"),
    ]);
    ok(&["--db", &a, "sync", "import", &path("b1.sgbundle")]);
    ok(&["--db", &b, "sync", "import", &path("a1.sgbundle")]);

    let prefs = Prefs {
        person: Some(Person {
            name: "Amra Begić".into(),
            organisation: "NPA".into(),
            role: "im_officer".into(),
        }),
        language: Some(safeground::i18n::Lang::En),
        ..Prefs::default()
    };
    let app = SafegroundApp::with_store(&egui::Context::default(), a.clone().into(), prefs);
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(
            |ui, app: &mut SafegroundApp| {
                app.drain_outcomes();
                app.frame_ui(ui);
            },
            app,
        );
    step_until(&mut harness, "the records", |app| {
        app.state.records.open_conflicts == 1
    });
    // The badge says there is one conflict; the view lists it with both values.
    harness.get_by_label("Reconciliation (1)").click();
    step_until(&mut harness, "the sync state", |app| {
        app.state.sync.is_some()
    });
    harness.get_by_label("1 open conflict");
    harness.get_by_label("land HA-0007: Project");
    harness.get_by_label("Project A");
    harness.get_by_label("Project B");
    // The provisional winner is theirs (the later change).
    harness.get_by_label("theirs (provisional winner)");
    harness.get_by_label("Keep mine").click();
    step_until(&mut harness, "the settlement", |app| {
        app.state.records.open_conflicts == 0
            && app
                .state
                .sync
                .as_ref()
                .is_some_and(|s| s.conflicts.is_empty())
    });
    harness.get_by_label("No open conflicts: every change merged by itself.");
    drop(harness);

    ok(&[
        "--db",
        &a,
        "sync",
        "export",
        "--for",
        &device(&b),
        "-o",
        &path("a2.sgbundle"),
    ]);
    ok(&["--db", &b, "sync", "import", &path("a2.sgbundle")]);
    assert_eq!(
        ok(&["--db", &b, "sync", "conflicts", "--json"]).trim(),
        "[]"
    );
    assert!(ok(&["--db", &b, "show", "HA-0007"]).contains("Project A"));
}
