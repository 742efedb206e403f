//! The app in each of its languages, driven through `egui_kittest`: the pseudo-locale run finds
//! any text on screen that is not from a message file, and each language's run shows its own
//! words on the main window and the land editor.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use safeground::i18n::{Lang, Tr};
use safeground::ui::{Person, Prefs, SafegroundApp};

use super::util::{TestStore, db, run};

fn app(lang: Lang, pseudo: bool) -> (TestStore, Harness<'static, SafegroundApp>) {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let prefs = Prefs {
        person: Some(Person {
            name: "Amina Hodžić".into(),
            organisation: "NPA".into(),
            role: "surveyor".into(),
        }),
        language: Some(lang),
        ..Prefs::default()
    };
    let mut app = SafegroundApp::with_store(&egui::Context::default(), t.path.clone(), prefs);
    app.pseudo_locale = pseudo;
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

/// Every label and value a person reads in the window now (the accessibility tree).
fn texts(harness: &Harness<'_, SafegroundApp>) -> Vec<String> {
    let mut out = Vec::new();
    for node in harness.query_all(by().predicate(|_| true)) {
        let n = node.accesskit_node();
        if matches!(
            n.role(),
            egui::accesskit::Role::TextInput | egui::accesskit::Role::TextRun
        ) {
            // What is typed is data (the field's name is its label, found on its own); a text
            // run repeats, glyph by glyph, the label it belongs to.
            continue;
        }
        for t in [n.label(), n.value()].into_iter().flatten() {
            if !t.trim().is_empty() {
                out.push(t);
            }
        }
    }
    out
}

/// The main window with HA-0016 selected (list, detail, ledger), then the land editor on it.
fn walk(harness: &mut Harness<'_, SafegroundApp>, tr: Tr) -> (Vec<String>, Vec<String>) {
    step_until(harness, "the records", |app| app.state.loaded);
    harness.get_by_label("HA-0016").click();
    harness.run_steps(1);
    step_until(harness, "the land's detail", |app| {
        app.state.detail.is_some()
    });
    let main = texts(harness);
    harness.get_by_label(&tr.detail_edit()).click();
    harness.run_steps(3);
    step_until(harness, "the land editor", |app| app.editor.is_some());
    let editor = texts(harness);
    (main, editor)
}

/// The other screens of the walkthrough: the activity form, a new hazard report, the dashboard
/// and the Reconciliation window.
fn walk_further(harness: &mut Harness<'_, SafegroundApp>, tr: Tr) -> Vec<String> {
    let mut out = Vec::new();
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    step_until(harness, "the editor closed", |app| app.editor.is_none());
    harness.get_by_label(&tr.detail_record_activity()).click();
    harness.run_steps(3);
    out.extend(texts(harness));
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    harness.get_by_label(&tr.top_new_hazard_report()).click();
    harness.run_steps(3);
    out.extend(texts(harness));
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    harness.run_steps(3);
    step_until(harness, "the dashboard's figures", |app| {
        app.state.dashboard.is_some()
    });
    out.extend(texts(harness));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    harness.run_steps(3);
    step_until(harness, "the sync overview", |app| app.state.sync.is_some());
    out.extend(texts(harness));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    harness.run_steps(3);
    step_until(harness, "the programme's history", |app| {
        app.state.audit_feed.is_some()
    });
    out.extend(texts(harness));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    harness.run_steps(5);
    out.extend(texts(harness));
    out
}

/// The data of the demo programme a screen shows (codes, names, places, notes…): not messages.
fn data_words(app: &SafegroundApp) -> Vec<String> {
    let mut data: Vec<String> = vec![
        "Amina Hodžić".into(),
        "NPA".into(),
        "Safeground".into(),
        "GPS".into(),
        "WGS84".into(),
        "Ctrl".into(),
        "UTC".into(),
    ];
    for l in &app.state.records.lands {
        data.push(l.summary.code.clone());
        data.push(l.summary.name.clone());
    }
    if let Some(d) = &app.state.detail {
        let land = &d.land;
        for t in [
            &land.name,
            &land.organisation,
            &land.team,
            &land.donor,
            &land.project,
            &land.blockage,
            &land.terrain,
            &land.notes,
            &land.admin.admin1,
            &land.admin.admin2,
            &land.admin.settlement,
            &land.admin.pcode,
        ] {
            data.push(t.clone());
        }
        data.extend(land.points.iter().map(|p| p.label.clone()));
        for e in &land.evidence_items {
            data.push(e.kind.clone());
            data.push(e.description.clone());
        }
        for c in &land.status_history {
            data.push(c.reason.clone());
            data.push(c.by.clone());
        }
        data.extend(d.activities.iter().map(|a| a.code.clone()));
        data.extend(d.reports.iter().map(|r| r.code.clone()));
        data.extend(d.reports.iter().map(|r| r.type_model.clone()));
    }
    if let Some(p) = &app.state.store_path {
        data.push(p.display().to_string());
    }
    for a in app.state.audit_feed.iter().flatten() {
        data.push(a.who.clone());
        data.push(a.device.clone());
        data.push(a.entity_code.clone());
        data.extend(a.old_value.clone());
        data.extend(a.new_value.clone());
    }
    data.retain(|d| !d.trim().is_empty());
    // Longest first: a name is taken out before a shorter name inside it.
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    data
}

/// What is left of `text` once the messages (`«…»`, nested) and the data are taken out.
fn leftover(text: &str, data: &[String]) -> String {
    // A clipped cell ("Kalo…") or one row of a wrapped text is a piece of a longer text.
    let piece = text.trim().trim_end_matches('…').trim();
    if EGUI_OWN.iter().any(|own| piece.starts_with(own)) || data.iter().any(|d| d.contains(piece)) {
        return String::new();
    }
    let mut t = text.to_owned();
    while let Some(end) = t.find('»') {
        let Some(start) = t[..end].rfind('«') else {
            break;
        };
        t.replace_range(start..end + '»'.len_utf8(), " ");
    }
    // A message clipped in a narrow cell ("«Worke…") has lost its closing mark.
    if let Some(start) = t.rfind('«') {
        t.truncate(start);
    }
    for d in data {
        t = t.replace(d.as_str(), " ");
    }
    // What is left of a data text wrapped over two rows ("HA-0016 — Kalošević – Usora valley").
    let data_words: std::collections::HashSet<&str> = data
        .iter()
        .flat_map(|d| d.split(|c: char| !c.is_alphabetic()))
        .collect();
    t.split(|c: char| !c.is_alphabetic())
        .filter(|w| !data_words.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What egui itself names for assistive technology (its windows' and panels' handles; not our
/// text, and not drawn).
const EGUI_OWN: &[&str] = &["Resize panel", "Resize window", "Close window", "Hide"];

#[test]
fn every_text_on_screen_comes_from_a_message_file() {
    let (_t, mut harness) = app(Lang::En, true);
    let tr = Tr::new(Lang::En).for_screen().pseudo();
    let (main, editor) = walk(&mut harness, tr);
    let further = walk_further(&mut harness, tr);
    let data = data_words(harness.state());
    let mut untranslated: Vec<String> = Vec::new();
    for text in main.iter().chain(&editor).chain(&further) {
        let left = leftover(text, &data);
        let words: Vec<&str> = left
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .collect();
        if !words.is_empty() {
            untranslated.push(format!("{text:?} (left: {words:?})"));
        }
    }
    untranslated.sort();
    untranslated.dedup();
    let from_messages = main
        .iter()
        .chain(&editor)
        .chain(&further)
        .filter(|t| t.contains('«'))
        .count();
    assert!(
        from_messages > 200,
        "only {from_messages} texts came from the message files: the walk saw too little"
    );
    assert!(
        untranslated.is_empty(),
        "text on screen that is not from a message file:\n{}",
        untranslated.join("\n")
    );
}

/// The texts of a screen as a snapshot: sorted, without the store's temporary path, today's date
/// written as `<today>`.
fn snapshot_text(texts: &[String], store: &str, tr: Tr) -> String {
    let today = safeground::session::today();
    let mut lines: Vec<String> = texts
        .iter()
        // The store's path (rearranged, in Arabic, around its words).
        .filter(|t| !t.contains(store) && !t.contains(".sqlite"))
        .map(|t| {
            t.replace('\n', " ⏎ ")
                .replace(&today.to_string(), "<today>")
                .replace(&tr.date(today), "<today>")
        })
        .collect();
    lines.sort();
    lines.dedup();
    lines.join("\n")
}

/// In each language, the main window (HA-0016 selected) and the land editor, as the words a
/// person reads there; kept as snapshots (`tests/it/snapshots/it__ui_i18n__*.snap`) that a
/// reviewer who reads the language can check, and that show any change.
#[test]
fn the_main_window_and_the_land_editor_in_each_language() {
    for lang in Lang::ALL {
        let (t, mut harness) = app(lang, false);
        let tr = Tr::new(lang).for_screen();
        let (main, editor) = walk(&mut harness, tr);
        let store = t.path.display().to_string();
        // The language's own words are there (one of each screen, at least).
        assert!(main.contains(&tr.detail_ledger()), "{lang}: {main:?}");
        assert!(editor.contains(&tr.editor_save()), "{lang}: {editor:?}");
        insta::assert_snapshot!(
            format!("main_window_{}", lang.code()),
            snapshot_text(&main, &store, tr)
        );
        insta::assert_snapshot!(
            format!("land_editor_{}", lang.code()),
            snapshot_text(&editor, &store, tr)
        );
    }
}
