//! The message files (assets/i18n/<lang>/*.ftl, src/i18n.rs): they parse, every language has
//! every key, no translation uses a variable the English message does not supply, and every
//! key the code looks up exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use overhead::i18n::{self, Lang};

/// Message id -> the variables (`$name`) its text uses, for one language's files.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (file, text) in i18n::sources(lang) {
        let mut current: Option<String> = None;
        for line in text.lines() {
            let is_continuation = line.starts_with([' ', '\t']);
            if !is_continuation {
                current = None;
                let trimmed = line.trim_end();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    continue;
                }
                let (id, _) = trimmed
                    .split_once('=')
                    .unwrap_or_else(|| panic!("{}/{file}: not a message: {line}", lang.code()));
                let id = id.trim().to_owned();
                assert!(
                    out.insert(id.clone(), BTreeSet::new()).is_none(),
                    "{}/{file}: {id} defined twice",
                    lang.code()
                );
                current = Some(id);
            }
            if let Some(id) = &current {
                let vars = out.get_mut(id).unwrap();
                let mut rest = line;
                while let Some(i) = rest.find('$') {
                    rest = &rest[i + 1..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_message_file_parses() {
    for lang in Lang::ALL {
        let (_, problems) = i18n::build_bundle(lang);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

#[test]
fn every_language_has_every_key_and_only_english_variables() {
    let english = messages(Lang::En);
    assert!(english.len() > 1);
    for lang in Lang::ALL {
        let other = messages(lang);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{} has keys English lacks: {extra:?}",
            lang.code()
        );
        for (key, vars) in &other {
            let unknown: Vec<_> = vars.difference(&english[key]).collect();
            assert!(
                unknown.is_empty(),
                "{}: {key} uses {unknown:?}, which the English message does not",
                lang.code()
            );
        }
    }
}

/// Every `t!("key"` and `tr("key"` in src/ names a message that exists in English.
#[test]
fn every_key_the_code_looks_up_exists() {
    let english = messages(Lang::En);
    let mut missing = Vec::new();
    let mut used = 0;
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            // src/i18n.rs shows the macro in its docs.
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("src/i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for opener in ["t!(\"", "tr(\"", "tr_in(Lang::En, \"", "tr_args(\""] {
                for (i, _) in text.match_indices(opener) {
                    // A whole name: `t!(` but not `concat!(`.
                    let before = text[..i].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[i + opener.len()..];
                    let key = &rest[..rest.find('"').unwrap()];
                    used += 1;
                    if !english.contains_key(key) && key != "no-such-key" {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys not in assets/i18n/en: {missing:#?}"
    );
    assert!(used > 0, "found no t!(\"…\") in src/");
}

#[test]
fn lang_flag_is_accepted_and_checked() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args(["passes", "--lang", "xx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language"));
}
