//! Donor report, export profiles, GeoPackage export and the export log (issue 5).

use std::path::{Path, PathBuf};

use safeground::domain::ExportProfile;
use safeground::exports::{ExportFormat, ExportRequest, read_records};
use safeground::reports::{ReportFilter, ReportOptions};

use crate::util::{TestStore, actor, db, run};

fn demo() -> TestStore {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    t
}

fn donor_filter() -> ReportFilter {
    ReportFilter {
        from: safeground::domain::parse_date("2025-01-01"),
        to: safeground::domain::parse_date("2026-12-31"),
        donor: Some("Fondation Horizon".to_owned()),
        ..ReportFilter::default()
    }
}

/// Every informant name and phone number and every reporter name and phone of the demo.
fn personal_data(t: &TestStore) -> Vec<String> {
    let records = read_records(&t.open()).unwrap();
    let mut out = Vec::new();
    for land in &records.lands {
        for k in &land.key_informants {
            out.push(k.name.clone());
            if !k.phone.is_empty() {
                out.push(k.phone.clone());
            }
        }
    }
    for r in &records.hazard_reports {
        for v in [&r.reported_by, &r.reporter_phone] {
            if !v.trim().is_empty() {
                out.push(v.clone());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn export_all(t: &TestStore, profile: ExportProfile) -> Vec<PathBuf> {
    let store = t.open();
    let mut files = Vec::new();
    for (format, name) in [
        (ExportFormat::Geojson, "x.geojson"),
        (ExportFormat::Csv, "x.csv"),
        (ExportFormat::Gpkg, "x.gpkg"),
        (ExportFormat::Report, "x.html"),
    ] {
        let request = ExportRequest {
            format,
            profile,
            filter: ReportFilter::default(),
            output: t.dir.path().join(format!("{}-{name}", profile.code())),
            replace: safeground::io::output::Replace::Never,
            lang: safeground::i18n::Lang::En,
        };
        let done =
            safeground::exports::export(&store, &actor(), &request, &mut |_, _| true).unwrap();
        files.extend(done.files);
    }
    files
}

fn contains(file: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(file).unwrap();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn donor_and_public_outputs_of_every_format_hold_no_personal_data() {
    let t = demo();
    let personal = personal_data(&t);
    assert!(
        personal.len() >= 20,
        "the demo names informants and reporters: {personal:?}"
    );
    // The full profile does carry them (so the check below can fail).
    let full = export_all(&t, ExportProfile::Full);
    for needle in &personal {
        assert!(
            full.iter().any(|f| contains(f, needle)),
            "{needle} is in no full export"
        );
    }
    for profile in [ExportProfile::Donor, ExportProfile::Public] {
        let files = export_all(&t, profile);
        assert_eq!(files.len(), 7, "{files:?}");
        for file in &files {
            for needle in &personal {
                assert!(
                    !contains(file, needle),
                    "{} ({}) contains '{needle}'",
                    file.display(),
                    profile.code()
                );
            }
        }
    }
}

#[test]
fn every_export_is_logged_with_who_profile_filter_and_file() {
    let t = demo();
    let (code, out, err) = run(&[
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
        &t.dir.path().join("r.html").display().to_string(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(donor profile)"), "{out}");
    let gpkg = t.dir.path().join("d.gpkg");
    let (code, _, err) = run(&[
        "--db",
        &db(&t.path),
        "export",
        "--format",
        "gpkg",
        "--profile",
        "public",
        "-o",
        &gpkg.display().to_string(),
    ]);
    assert_eq!(code, 0, "{err}");
    let log = t.open().export_log().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].format, "gpkg");
    assert_eq!(log[0].profile, ExportProfile::Public);
    assert_eq!(log[0].filter, "whole store");
    assert_eq!(log[0].file, gpkg.display().to_string());
    // Public: the land and the report not safe to locate are left out (see below).
    assert_eq!(
        (log[0].lands, log[0].activities, log[0].hazard_reports),
        (29, 58, 19)
    );
    assert_eq!(log[1].format, "report");
    assert_eq!(log[1].profile, ExportProfile::Donor);
    assert_eq!(
        log[1].filter,
        "2025-01-01 to 2026-12-31; donor Fondation Horizon"
    );
    assert!(!log[1].who.is_empty() && !log[1].device.is_empty());
}

#[test]
fn report_arguments_are_validated_with_a_message() {
    let t = demo();
    let out = t.dir.path().join("r.html").display().to_string();
    let (code, _, err) = run(&[
        "--db",
        &db(&t.path),
        "report",
        "--from",
        "2025-13-01",
        "-o",
        &out,
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--from '2025-13-01' is not a date"), "{err}");
    let (code, _, err) = run(&[
        "--db",
        &db(&t.path),
        "report",
        "--from",
        "2026-01-01",
        "--to",
        "2025-01-01",
        "-o",
        &out,
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("starts (2026-01-01) after it ends"), "{err}");
    assert!(!Path::new(&out).exists());
    assert!(t.open().export_log().unwrap().is_empty());
}

#[test]
fn the_donor_report_is_deterministic_and_matches_its_golden_file() {
    let t = demo();
    let options = ReportOptions {
        filter: donor_filter(),
        profile: ExportProfile::Donor,
        lang: safeground::i18n::Lang::En,
    };
    let basemap = safeground::basemap::Basemap::embedded().unwrap();
    let build = || {
        let records = read_records(&t.open()).unwrap();
        safeground::reports::build(records, &options, Some(&basemap), &[]).unwrap()
    };
    let report = build();
    assert_eq!(report, build(), "same data and period, same bytes");
    let f = &report.figures;
    // The ledger adds up: released + remaining never exceeds what was estimated.
    assert!(f.totals.released.total_m2() > 0.0);
    assert_eq!(
        f.lands.iter().map(|l| l.remaining_m2).sum::<f64>(),
        f.totals.remaining_m2
    );
    assert!(report.html.contains("<svg"), "inline charts and map");
    assert!(!report.html.contains("http://") || report.html.contains("http://www.w3.org/2000/svg"));
    assert!(!report.html.contains("<script"));
    insta::assert_snapshot!("donor_report_html", report.html);
    insta::assert_snapshot!("donor_report_summary_csv", report.summary_csv);
    insta::assert_snapshot!("donor_report_lands_csv", report.lands_csv);
}

#[test]
fn the_public_profile_suppresses_small_counts_of_people() {
    let t = demo();
    // One handover with 3 women: a small cell.
    let mut records = read_records(&t.open()).unwrap();
    let handover = records
        .activities
        .iter_mut()
        .find(|a| a.handover.is_some())
        .unwrap();
    let land = handover.land_id;
    if let Some(h) = handover.handover.as_mut() {
        h.women = 3;
        h.men = 12;
    }
    for a in &mut records.activities {
        if a.land_id != land {
            a.handover = None;
        }
    }
    let public = ExportProfile::Public.apply(records.clone());
    let h = public
        .activities
        .iter()
        .find_map(|a| a.handover.as_ref())
        .unwrap();
    assert_eq!((h.men, h.women), (12, 0));
    assert_eq!(h.residual_risk_note, safeground::domain::SUPPRESSED_NOTE);
    let donor = ExportProfile::Donor.apply(records.clone());
    let h = donor
        .activities
        .iter()
        .find_map(|a| a.handover.as_ref())
        .unwrap();
    assert_eq!((h.men, h.women), (12, 3));

    let options = ReportOptions {
        filter: ReportFilter::default(),
        profile: ExportProfile::Public,
        lang: safeground::i18n::Lang::En,
    };
    let report = safeground::reports::build(records, &options, None, &[]).unwrap();
    assert!(
        report
            .summary_csv
            .contains("handover_participation,women,<5,people"),
        "{}",
        report.summary_csv
    );
    assert!(report.html.contains("&lt; 5"));
}

#[test]
fn geopackage_holds_three_feature_tables_with_the_right_counts() {
    let t = demo();
    let path = t.dir.path().join("all.gpkg");
    let (code, out, err) = run(&[
        "--db",
        &db(&t.path),
        "export",
        "--format",
        "gpkg",
        "-o",
        &path.display().to_string(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("30 lands, 60 activities, 20 hazard reports"),
        "{out}"
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"));
    // application_id 'GPKG' at offset 68, user_version 10300 at offset 60 (big-endian).
    assert_eq!(&bytes[68..72], b"GPKG");
    assert_eq!(
        u32::from_be_bytes(bytes[60..64].try_into().unwrap()),
        10_300
    );
}

#[test]
fn records_not_safe_to_locate_lose_their_position_for_donors_and_are_left_out_for_the_public() {
    let t = demo();
    let records = read_records(&t.open()).unwrap();
    let unsafe_land = records.lands.iter().find(|l| l.geo_unsafe).unwrap().clone();
    let unsafe_report = records
        .hazard_reports
        .iter()
        .find(|r| r.geo_unsafe)
        .unwrap()
        .clone();
    assert_eq!(
        (unsafe_land.code.as_str(), unsafe_report.code.as_str()),
        ("HA-0011", "HR-0009")
    );
    assert!(unsafe_land.geometry.is_some());

    let donor = ExportProfile::Donor.apply(records.clone());
    let land = donor.lands.iter().find(|l| l.id == unsafe_land.id).unwrap();
    assert!(land.geometry.is_none() && land.points.is_empty());
    assert!(
        donor
            .activities
            .iter()
            .filter(|a| a.land_id == land.id)
            .all(|a| a.released_geometry.is_none())
    );
    assert!(
        donor
            .hazard_reports
            .iter()
            .all(|r| r.id != unsafe_report.id)
    );
    // Other sightings are generalised to the 0.01° grid, without names or notes.
    for r in &donor.hazard_reports {
        let p = r.location.lon_lat;
        assert!(((p.lon_deg * 100.0) - (p.lon_deg * 100.0).round()).abs() < 1e-6);
        assert!(r.reported_by.is_empty() && r.reporter_phone.is_empty() && r.notes.is_empty());
        assert!(r.location.entered.is_none());
    }

    let public = ExportProfile::Public.apply(records.clone());
    assert!(public.lands.iter().all(|l| l.id != unsafe_land.id));
    assert!(
        public
            .activities
            .iter()
            .all(|a| a.land_id != unsafe_land.id)
    );
    assert_eq!(
        (
            public.lands.len(),
            public.activities.len(),
            public.hazard_reports.len()
        ),
        (29, 58, 19)
    );

    // The authority gets everything but landowner and dispute attributes.
    let mut with_owner = records;
    with_owner.lands[0]
        .source_attributes
        .insert("Landowner".to_owned(), serde_json::json!("A. Person"));
    with_owner.lands[0]
        .source_attributes
        .insert("village".to_owned(), serde_json::json!("Kalošević"));
    let authority = ExportProfile::Authority.apply(with_owner.clone());
    assert!(
        !authority.lands[0]
            .source_attributes
            .contains_key("Landowner")
    );
    assert!(authority.lands[0].source_attributes.contains_key("village"));
    assert_eq!(authority.lands[1..], with_owner.lands[1..]);
    assert_eq!(authority.hazard_reports, with_owner.hazard_reports);
    assert_eq!(authority.activities, with_owner.activities);
}

#[test]
fn figures_follow_the_counting_rules_on_the_demo() {
    let t = demo();
    let records = read_records(&t.open()).unwrap();
    let filter = donor_filter();
    let f = safeground::reports::compute(
        &records.lands,
        &records.activities,
        &records.hazard_reports,
        &filter,
    );
    let land_donor = |id| {
        records
            .lands
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.donor.clone())
            .unwrap()
    };
    let (from, to) = (filter.from.unwrap(), filter.to.unwrap());
    let counted: Vec<_> = records
        .activities
        .iter()
        .filter(|a| {
            let d = a.end_date.unwrap_or(a.start_date);
            let donor = if a.donor.is_empty() {
                land_donor(a.land_id)
            } else {
                a.donor.clone()
            };
            d >= from && d <= to && donor == "Fondation Horizon"
        })
        .collect();
    assert!(!counted.is_empty());
    assert_eq!(f.totals.activities, counted.len());
    let released: f64 = counted.iter().map(|a| a.released.total().m2()).sum();
    assert_eq!(f.totals.released.total_m2(), released);
    let found: u64 = counted.iter().map(|a| u64::from(a.items_found())).sum();
    assert_eq!(f.totals.items_found, found);
    // Every activity of the demo ends before 2026-12-31, so the remaining area at the end of the
    // period is each land's ledger today.
    for row in &f.lands {
        let land = records.lands.iter().find(|l| l.id == row.id).unwrap();
        assert_eq!(
            row.remaining_m2,
            land.ledger.remaining().m2(),
            "{}",
            row.code
        );
        assert_eq!(row.status, land.status, "{}", row.code);
    }
    // Months are listed even when nothing was released in them.
    assert_eq!(f.released_by_period.len(), 24);
    assert_eq!(f.released_by_period[0].period, "2025-01");
    let by_month: f64 = f
        .released_by_period
        .iter()
        .map(|p| p.released.total_m2())
        .sum();
    assert_eq!(by_month, released);

    // As at an earlier day: less released, more remaining, status from the history.
    let early = ReportFilter {
        to: safeground::domain::parse_date("2024-12-31"),
        ..ReportFilter::default()
    };
    let e = safeground::reports::compute(
        &records.lands,
        &records.activities,
        &records.hazard_reports,
        &early,
    );
    let whole = safeground::reports::compute(
        &records.lands,
        &records.activities,
        &records.hazard_reports,
        &ReportFilter::default(),
    );
    assert!(e.totals.released.total_m2() < whole.totals.released.total_m2());
    assert!(e.totals.lands <= whole.totals.lands);
    for row in &e.lands {
        let land = records.lands.iter().find(|l| l.id == row.id).unwrap();
        let released_by_then: f64 = records
            .activities
            .iter()
            .filter(|a| {
                a.land_id == land.id && a.end_date.unwrap_or(a.start_date) <= early.to.unwrap()
            })
            .map(|a| a.released.total().m2())
            .sum();
        assert_eq!(
            row.remaining_m2,
            land.ledger.estimated_m2.m2() - released_by_then
        );
    }
}

#[test]
fn the_lean_aggregate_read_gives_the_same_report_as_whole_records() {
    // The report and the dashboard read columns only (Store::records_for_aggregates); every
    // figure, table row and map feature must be what the whole records give.
    let t = demo();
    let store = t.open();
    let whole = read_records(&store).unwrap();
    let settlement = whole
        .lands
        .iter()
        .map(|l| l.admin.settlement.clone())
        .find(|s| !s.is_empty())
        .expect("the demo has a land with a settlement");
    assert!(
        whole.activities.iter().any(|a| a.handover.is_some()),
        "the demo has a handover"
    );
    assert!(whole.activities.iter().any(|a| !a.devices.is_empty()));
    let basemap = safeground::basemap::Basemap::embedded().unwrap();
    let filters = [
        ReportFilter::default(),
        donor_filter(),
        ReportFilter {
            admin_area: Some(settlement),
            ..ReportFilter::default()
        },
    ];
    for filter in filters {
        for profile in [
            ExportProfile::Full,
            ExportProfile::Donor,
            ExportProfile::Public,
        ] {
            let options = ReportOptions {
                filter: filter.clone(),
                profile,
                lang: safeground::i18n::Lang::En,
            };
            let lean = store.records_for_aggregates().unwrap();
            assert_eq!(lean.lands.len(), whole.lands.len());
            assert_eq!(lean.activities.len(), whole.activities.len());
            let a = safeground::reports::build(lean, &options, Some(&basemap), &[]).unwrap();
            let b =
                safeground::reports::build(whole.clone(), &options, Some(&basemap), &[]).unwrap();
            assert_eq!(a, b, "{filter:?} {profile:?}");
        }
    }
    // The figures do not need a land's activities next to each other: dealt out one land at a
    // time (each land's own order kept), they are the same.
    let mut queues: Vec<std::collections::VecDeque<safeground::domain::Activity>> = Vec::new();
    for a in &whole.activities {
        match queues.iter_mut().find(|q| q[0].land_id == a.land_id) {
            Some(q) => q.push_back(a.clone()),
            None => queues.push(std::collections::VecDeque::from([a.clone()])),
        }
    }
    let mut dealt = Vec::new();
    while queues.iter().any(|q| !q.is_empty()) {
        dealt.extend(
            queues
                .iter_mut()
                .filter_map(std::collections::VecDeque::pop_front),
        );
    }
    assert_eq!(dealt.len(), whole.activities.len());
    assert_ne!(dealt, whole.activities, "the activities are interleaved");
    let compute = |activities: &[safeground::domain::Activity]| {
        safeground::reports::compute(
            &whole.lands,
            activities,
            &whole.hazard_reports,
            &ReportFilter::default(),
        )
    };
    assert_eq!(compute(&dealt), compute(&whole.activities));
}
