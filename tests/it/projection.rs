//! The ledger and the lifecycle are a projection (issue 13): for every land of the demo programme
//! and of a synthetic national programme, replaying its activities through the domain rules
//! from the land as first recorded gives the ledger, status and classification the store holds.

use safeground::domain::rules::{project_land, projection_start};
use safeground::storage::Store;

use super::util::{TestStore, db, run};

fn assert_projection_holds(store: &Store) -> usize {
    let lands = store.lands().unwrap();
    let activities = store.activities(None).unwrap();
    let mut by_land: std::collections::HashMap<_, Vec<_>> = std::collections::HashMap::new();
    for a in activities {
        by_land.entry(a.land_id).or_default().push(a);
    }
    let mut checked = 0;
    for land in &lands {
        let own = by_land.remove(&land.id).unwrap_or_default();
        let projected = project_land(projection_start(land, &own), &own)
            .unwrap_or_else(|e| panic!("{}: the stored activities do not replay: {e}", land.code));
        assert_eq!(projected.state.ledger, land.ledger, "{} ledger", land.code);
        assert_eq!(projected.state.status, land.status, "{} status", land.code);
        assert_eq!(
            projected.state.classification, land.classification,
            "{} classification",
            land.code
        );
        checked += usize::from(!own.is_empty());
    }
    assert!(by_land.is_empty(), "activities of lands not in the store");
    checked
}

#[test]
fn the_demo_programme_is_the_projection_of_its_activities() {
    let t = TestStore::new();
    let (code, _, err) = run(&["--db", &db(&t.path), "demo"]);
    assert_eq!(code, 0, "{err}");
    let worked = assert_projection_holds(&t.open());
    assert!(
        worked >= 10,
        "the demo has lands with activities ({worked})"
    );
}

#[test]
fn a_synthetic_national_programme_is_the_projection_of_its_activities() {
    let t = TestStore::new();
    let (code, _, err) = run(&[
        "--db",
        &db(&t.path),
        "demo",
        "--synthetic",
        "3000",
        "--seed",
        "7",
    ]);
    assert_eq!(code, 0, "{err}");
    let worked = assert_projection_holds(&t.open());
    assert!(
        worked >= 2_000,
        "most synthetic lands have activities ({worked})"
    );
}
