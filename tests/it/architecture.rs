//! The dependency rules of ARCHITECTURE.md, enforced.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn only_storage_names_rusqlite_and_pure_layers_name_no_gui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !rel.starts_with("storage/") {
            assert!(
                !text.contains("rusqlite"),
                "{rel} names rusqlite; only src/storage/ may"
            );
        }
        for pure in [
            "domain/",
            "geometry/",
            "io/",
            "storage/",
            "reports/",
            "check.rs",
            "exports.rs",
        ] {
            if rel.starts_with(pure) {
                for gui in ["egui", "eframe", "walkers"] {
                    assert!(!text.contains(gui), "{rel} names {gui}");
                }
            }
        }
        if rel.starts_with("domain/") || rel.starts_with("geometry/") || rel.starts_with("reports/")
        {
            for layer in ["crate::storage", "crate::io", "crate::cli", "crate::app"] {
                assert!(!text.contains(layer), "{rel} depends on {layer}");
            }
        }
    }
}
