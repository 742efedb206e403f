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
            "session.rs",
            "basemap.rs",
            "synthetic.rs",
        ] {
            if rel.starts_with(pure) {
                for gui in ["egui", "eframe", "walkers"] {
                    assert!(!text.contains(gui), "{rel} names {gui}");
                }
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
        ("storage/snapshot.rs", &["Connection::open("]),
        // Sync bundles: SQLite written at the temporary name an OutputSet reserved.
        ("storage/bundle.rs", &["Connection::open("]),
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

/// The top-level modules and the modules each may use (ARCHITECTURE.md, "Module map"). The
/// composition root (`main.rs`) and `lib.rs` are not modules of their own.
const ALLOWED_EDGES: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("geometry", &["domain"]),
    ("basemap", &[]),
    ("i18n", &["domain"]),
    ("io", &["domain", "geometry"]),
    ("storage", &["domain", "geometry", "io"]),
    ("reports", &["domain", "geometry", "basemap", "i18n"]),
    (
        "exports",
        &[
            "domain",
            "geometry",
            "io",
            "reports",
            "storage",
            "basemap",
            "synthetic",
            "i18n",
        ],
    ),
    ("check", &["domain", "geometry"]),
    ("synthetic", &["domain", "geometry"]),
    ("session", &["domain", "io"]),
    (
        "app",
        &[
            "domain", "geometry", "io", "reports", "exports", "session", "storage", "i18n",
        ],
    ),
    (
        "ui",
        // `storage` only for the MBTiles reader, which runs on the tile thread.
        &[
            "app", "domain", "geometry", "io", "reports", "exports", "session", "storage",
            "basemap", "i18n",
        ],
    ),
    (
        "cli",
        &[
            "domain",
            "geometry",
            "io",
            "reports",
            "exports",
            "session",
            "storage",
            "check",
            "synthetic",
            "i18n",
        ],
    ),
];

/// A source file's module path: `storage/lands.rs` is `["storage", "lands"]`, `storage/mod.rs`
/// is `["storage"]`, `lib.rs` and `main.rs` are `[]`.
fn module_path(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// The code of a file without its comments and its trailing test module.
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Each path after `crate::` or `super::` (one level of `{a, b::c}` groups included), resolved
/// to an absolute path.
fn references(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut push = |base: &[String], rest: &str| {
        // `rest` is `a::b::...`, or a group `{a::x, b}` whose items are each such a path.
        let items: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut start = 0;
            let mut items = Vec::new();
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        items.push(&group[start..i]);
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        items.push(&group[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            items
        } else {
            vec![rest]
        };
        for item in items {
            let item = item.trim();
            let mut path = base.to_vec();
            let first = ident_at(item);
            if first.is_empty() || first == "self" {
                continue;
            }
            path.push(first.to_owned());
            let mut rest = &item[first.len()..];
            while let Some(after) = rest.strip_prefix("::") {
                let next = ident_at(after);
                if next.is_empty() {
                    break;
                }
                path.push(next.to_owned());
                rest = &after[next.len()..];
            }
            out.push(path);
        }
    };
    for (i, _) in code.match_indices("crate::") {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        push(&[], &code[i + "crate::".len()..]);
    }
    for (i, _) in code.match_indices("super::") {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut base = here.to_vec();
        let mut rest = &code[i..];
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        push(&base, rest);
    }
    out
}

/// Every source file of `src/` as (module path, code).
fn modules() -> Vec<(Vec<String>, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .into_iter()
        .map(|f| {
            let rel = f
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (
                module_path(&rel),
                code_of(&std::fs::read_to_string(&f).unwrap()),
            )
        })
        .collect()
}

/// A cycle in `edges`, if there is one, as the list of nodes along it.
fn find_cycle(
    edges: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut std::collections::BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = std::collections::BTreeSet::new();
    for node in edges.keys() {
        if let Some(c) = visit(node, edges, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

/// The top-level modules use each other only along [`ALLOWED_EDGES`], and never in a cycle;
/// the edges are parsed from `crate::` and `super::` paths, not searched as substrings.
#[test]
fn top_level_modules_use_each_other_only_along_allowed_edges_and_without_cycles() {
    let allowed: std::collections::BTreeMap<&str, &[&str]> =
        ALLOWED_EDGES.iter().copied().collect();
    let mut edges: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        std::collections::BTreeMap::new();
    let mut wrong = Vec::new();
    for (here, code) in modules() {
        let Some(top) = here.first() else { continue };
        assert!(
            allowed.contains_key(top.as_str()),
            "src/{top} is a top-level module missing from ALLOWED_EDGES (and ARCHITECTURE.md)"
        );
        for path in references(&code, &here) {
            let Some(to) = path.first() else { continue };
            if to == top || !allowed.contains_key(to.as_str()) {
                continue;
            }
            edges.entry(top.clone()).or_default().insert(to.clone());
            // The UI reaches storage only for the MBTiles reader (on the tile thread).
            if top == "ui" && to == "storage" && path.get(1).map(String::as_str) != Some("mbtiles")
            {
                wrong.push(format!(
                    "{} uses crate::{} (the UI may use storage::mbtiles only)",
                    here.join("::"),
                    path.join("::")
                ));
            }
            if !allowed[top.as_str()].contains(&to.as_str()) {
                wrong.push(format!(
                    "{} uses crate::{}",
                    here.join("::"),
                    path.join("::")
                ));
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "edges not in ALLOWED_EDGES:\n{}",
        wrong.join("\n")
    );
    // The table itself has no cycle, and neither has what the code does.
    let table = ALLOWED_EDGES
        .iter()
        .map(|(m, to)| {
            (
                (*m).to_owned(),
                to.iter().map(|t| (*t).to_owned()).collect(),
            )
        })
        .collect();
    assert_eq!(find_cycle(&table), None, "ALLOWED_EDGES has a cycle");
    assert_eq!(
        find_cycle(&edges),
        None,
        "the modules use each other in a cycle"
    );
    // The parser sees what it should: the app's worker uses storage, the UI the app.
    assert!(edges["app"].contains("storage") && edges["ui"].contains("app"));
}

/// Within each module, its files (child modules, at any depth) use each other without a cycle.
#[test]
fn files_within_a_module_use_each_other_without_cycles() {
    let all = modules();
    let known: std::collections::BTreeSet<Vec<String>> =
        all.iter().map(|(p, _)| p.clone()).collect();
    let mut edges: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        std::collections::BTreeMap::new();
    for (here, code) in &all {
        if here.len() < 2 {
            continue;
        }
        let parent = &here[..here.len() - 1];
        for path in references(code, here) {
            // A sibling of `here`: same parent, another child module that is a file of its own.
            if path.len() > parent.len()
                && path[..parent.len()] == *parent
                && path[parent.len()] != here[here.len() - 1]
                && known.contains(&path[..=parent.len()])
            {
                edges
                    .entry(here.join("::"))
                    .or_default()
                    .insert(path[..=parent.len()].join("::"));
            }
        }
    }
    assert_eq!(
        find_cycle(&edges),
        None,
        "files of a module use each other in a cycle"
    );
    assert!(edges["storage::activities"].contains("storage::lands"));
    assert!(edges["reports::svg::map"].contains("reports::svg::canvas"));
}
