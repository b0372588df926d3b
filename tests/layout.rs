//! The house rules of the source tree (issue 14), checked on the files themselves: no file
//! under `src/` much longer than 800 lines, no import circle between files, the command
//! line never imports the window, and `orbit` stays pure.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Longest a source file may grow, lines ("about 800").
const MAX_LINES: usize = 850;

/// Every `.rs` file under `src/`, by module path (`orbit::passes::scan`; the crate root is "").
fn modules() -> BTreeMap<String, (PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&root).unwrap().with_extension("");
                let mut name = rel.to_string_lossy().replace('/', "::");
                if let Some(parent) = name.strip_suffix("::mod") {
                    name = parent.to_owned();
                }
                if name == "lib" || name == "main" {
                    name = String::new();
                }
                let text = std::fs::read_to_string(&path).unwrap();
                out.insert(name, (path, text));
            }
        }
    }
    out
}

/// The code of a file without its unit tests and comments (doc links are not imports).
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files a file uses: every `crate::…`, `super::…` and `self::…` path, resolved to the
/// longest module it names.
fn imports(modules: &BTreeMap<String, (PathBuf, String)>) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges = BTreeMap::new();
    for (name, (_, text)) in modules {
        let here: Vec<&str> = if name.is_empty() {
            vec![]
        } else {
            name.split("::").collect()
        };
        let code = code(text);
        let mut targets = BTreeSet::new();
        for (i, _) in code.match_indices(['c', 's']) {
            let rest = &code[i..];
            if i > 0 && code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
            let (mut base, mut rest): (Vec<&str>, &[&str]) = match parts.first() {
                Some(&"crate") => (vec![], &parts[1..]),
                Some(&"self") => (here.clone(), &parts[1..]),
                Some(&"super") => (here[..here.len().saturating_sub(1)].to_vec(), &parts[1..]),
                _ => continue,
            };
            while rest.first() == Some(&"super") {
                base.pop();
                rest = &rest[1..];
            }
            if parts.len() < 2 {
                continue;
            }
            let target = (0..=rest.len()).rev().find_map(|k| {
                let mut m = base.clone();
                m.extend_from_slice(&rest[..k]);
                let m = m.join("::");
                modules.contains_key(&m).then_some(m)
            });
            if let Some(t) = target.filter(|t| t != name) {
                targets.insert(t);
            }
        }
        edges.insert(name.clone(), targets);
    }
    edges
}

#[test]
fn no_source_file_is_much_longer_than_800_lines() {
    let long: Vec<String> = modules()
        .values()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(path, text)| format!("{} ({} lines)", path.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "split these by idea: {long:#?}");
}

#[test]
fn no_import_circle_between_files() {
    let modules = modules();
    let edges = imports(&modules);
    // A module reaching into its own children (declaring them, re-exporting them) is not a
    // circle; a child using its parent's items is an ordinary edge.
    let is_descendant = |a: &str, b: &str| a.is_empty() || b.starts_with(&format!("{a}::"));
    let graph: BTreeMap<&str, Vec<&str>> = edges
        .iter()
        .map(|(a, ts)| {
            (
                a.as_str(),
                ts.iter()
                    .filter(|t| !is_descendant(a, t))
                    .map(String::as_str)
                    .collect(),
            )
        })
        .collect();
    // Depth-first search for a back edge; report the circle it closes.
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(i) = path.iter().position(|n| *n == node) {
            let mut circle = path[i..].to_vec();
            circle.push(node);
            return Some(circle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let circle = visit(node, &graph, &mut Vec::new(), &mut done);
        assert!(
            circle.is_none(),
            "import circle: {}",
            circle.unwrap().join(" -> ")
        );
    }
}

#[test]
fn the_command_line_does_not_import_the_window_and_orbit_stays_pure() {
    let modules = modules();
    let edges = imports(&modules);
    for (name, targets) in &edges {
        if name == "cli" || name.starts_with("cli::") {
            let ui: Vec<_> = targets.iter().filter(|t| t.starts_with("ui")).collect();
            assert!(ui.is_empty(), "{name} imports {ui:?}");
        }
        if name == "orbit" || name.starts_with("orbit::") {
            // `text` is the crate's leaf helper for printable names (it imports nothing).
            let outside: Vec<_> = targets
                .iter()
                .filter(|t| !t.starts_with("orbit") && *t != "text")
                .collect();
            assert!(outside.is_empty(), "{name} imports {outside:?}");
            let code = code(&modules[name].1);
            for word in ["egui", "reqwest", "std::fs", "Utc::now"] {
                assert!(!code.contains(word), "{name} uses {word}");
            }
        }
    }
    assert!(
        edges["text"].is_empty(),
        "text must stay a leaf: {:?}",
        edges["text"]
    );
}
