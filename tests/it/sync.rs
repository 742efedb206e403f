//! Sync (issue 15), first part: a store's identity and its clock survive restarts; the clock never
//! goes back, whatever the computer's clock does.

use super::util::{TestStore, db, run};

#[test]
fn identity_is_made_once_and_kept_and_the_clock_survives_a_restart() {
    let t = TestStore::new();
    let (first, stamp) = {
        let mut s = t.open();
        let id = s.sync_identity("laptop-1").unwrap();
        let stamp = s.next_hlc(id.device, 10_000_000).unwrap();
        (id, stamp)
    };
    let mut s = t.open();
    let again = s.sync_identity("another-name").unwrap();
    assert_eq!(again, first, "the identity is made once");
    // The computer's clock went back an hour: the next stamp still comes after the last one.
    let next = s.next_hlc(again.device, 10_000_000 - 3_600_000).unwrap();
    assert!(next > stamp, "{next:?} after {stamp:?}");
    assert_eq!(s.last_hlc().unwrap(), Some(next));
    // Another store is another programme and another device.
    let other = TestStore::new();
    let theirs = other.open().sync_identity("laptop-2").unwrap();
    assert_ne!(theirs.programme, first.programme);
    assert_ne!(theirs.device, first.device);
}

#[test]
fn sync_status_prints_the_programme_and_the_device() {
    let t = TestStore::new();
    assert_eq!(run(&["--db", &db(&t.path), "demo"]).0, 0);
    let (code, out, err) = run(&["--db", &db(&t.path), "sync", "status", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (code, out2, _) = run(&["--db", &db(&t.path), "sync", "status", "--json"]);
    assert_eq!(code, 0);
    let v2: serde_json::Value = serde_json::from_str(&out2).unwrap();
    assert_eq!(v["programme"], v2["programme"]);
    assert_eq!(v["device"], v2["device"]);
    assert!(uuid::Uuid::parse_str(v["device"].as_str().unwrap()).is_ok());
}

#[test]
fn an_edit_that_sets_a_value_to_what_it_is_changes_nothing_and_says_so() {
    let t = TestStore::new();
    let store = db(&t.path);
    assert_eq!(run(&["--db", &store, "demo"]).0, 0);
    let audit_before = t.open().audit_count().unwrap();
    // HR-0001 of the demo is already destroyed/removed.
    let (code, out, err) = run(&[
        "--db",
        &store,
        "edit",
        "HR-0001",
        "--set",
        "status=destroyed_removed",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("nothing to change"), "{out}");
    assert_eq!(t.open().audit_count().unwrap(), audit_before);
    let (code, out, err) = run(&[
        "--db",
        &store,
        "edit",
        "HR-0001",
        "--set",
        "status=verified",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 field changed (status)"), "{out}");
}
