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

/// One safe way to write a file (issue 12): outside `io/output.rs`, nothing in `src/` creates,
/// copies or renames a file. The GeoPackage writer and the backup create the temporary file the
/// output module reserved for them (by path, through SQLite or `create_new`); the schema helpers
/// for tests build fixtures. Test modules are not counted.
#[test]
fn only_the_output_module_creates_or_renames_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let writers = [
        "File::create",
        "fs::write",
        "fs::rename",
        "fs::copy",
        "fs::hard_link",
        "OpenOptions",
        "Connection::open(",
        "persist(",
    ];
    let allowed: &[(&str, &[&str])] = &[
        (
            "io/output.rs",
            &["File::create", "fs::rename", "OpenOptions", "fs::write"],
        ),
        ("storage/gpkg.rs", &["OpenOptions", "Connection::open("]),
        ("storage/backup.rs", &["Connection::open("]),
        ("storage/mod.rs", &["Connection::open("]),
    ];
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        for w in writers {
            if !code.contains(w) {
                continue;
            }
            let ok = allowed
                .iter()
                .any(|(file, names)| rel == *file && names.contains(&w));
            assert!(
                ok,
                "{rel} uses {w}: every output goes through io::output::OutputSet"
            );
        }
    }
}
