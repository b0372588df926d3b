//! The words Overhead speaks, in the user's language.
//!
//! Every user-visible sentence of the window and of the command line's human output is a
//! Project Fluent message in `assets/i18n/<language>/*.ftl` (English is the source; each
//! other language carries the same keys, which a test checks). The files are compiled into
//! the binary, so a language works offline and from the package.
//!
//! Look a message up with [`t!`](crate::t): `t!("passes-none")`, or with arguments,
//! `t!("alert-in", sat = name, minutes = 5)`. Argument names are Fluent variables
//! (`{ $sat }`); numbers select plural forms, so format a number yourself (as a string) when
//! its digits matter. A whole number of 1,000 or more is written with separators ("16,400
//! satellites"): pass years and catalog numbers as text.
//!
//! The language is chosen once per process ([`init`]: `--lang`, else the locale in
//! `LC_ALL` / `LC_MESSAGES` / `LANG`), and the window may change it ([`set_language`]). A
//! thread may speak another language for a while ([`with_language`]): tests use this so that
//! Korean and English tests run side by side.
//!
//! JSON, CSV and ICS field names are a file format, not words: they stay English.
//!
//! To add a language: see "Adding a language" in README.md.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use fluent_bundle::FluentValue;

/// A language Overhead speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    /// English (the source language).
    #[serde(rename = "en")]
    En,
    /// Korean (한국어).
    #[serde(rename = "ko")]
    Ko,
}

impl Lang {
    /// Every language, in the order the settings list them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language's code as in `--lang` and the folder under `assets/i18n/` (BCP 47).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language's name in itself ("English", "한국어"), for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }

    /// The language of a code (`en`, `ko`, case-insensitive), if Overhead speaks it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language of a POSIX locale name (`ko_KR.UTF-8`, `en_GB`, `ko`), if Overhead
    /// speaks it; `C` and `POSIX` are English.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let locale = locale.trim();
        if locale == "C" || locale == "POSIX" || locale.starts_with("C.") {
            return Some(Lang::En);
        }
        // language[_territory][.codeset][@modifier]
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        Lang::from_code(language)
    }

    /// The language the environment asks for: the first set of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` (the POSIX order), English when it names none Overhead speaks.
    pub fn from_env() -> Lang {
        Lang::from_env_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] on given variables (for tests).
    pub fn from_env_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|v| !v.trim().is_empty())
            .and_then(|v| Lang::from_locale(&v))
            .unwrap_or(Lang::En)
    }

    fn index(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::Ko => 1,
        }
    }

    fn from_index(i: u8) -> Lang {
        if i == 1 { Lang::Ko } else { Lang::En }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or_else(|| {
            let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            format!("unknown language {s:?}; one of: {}", codes.join(", "))
        })
    }
}

/// A name from data that carries a Korean column (towns, stars, constellations): its
/// Korean form in Korean where the data has one (`name_ko` not empty), else the usual name.
pub fn name_in<'a>(lang: Lang, name: &'a str, name_ko: &'a str) -> &'a str {
    match lang {
        Lang::Ko if !name_ko.is_empty() => name_ko,
        _ => name,
    }
}

/// The message files of each language: (file name, text). Each language has the same files;
/// add a file to every language at once.
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    macro_rules! files {
        ($lang:literal) => {
            &[
                (
                    "common.ftl",
                    include_str!(concat!("../assets/i18n/", $lang, "/common.ftl")),
                ),
                (
                    "words.ftl",
                    include_str!(concat!("../assets/i18n/", $lang, "/words.ftl")),
                ),
                (
                    "cli.ftl",
                    include_str!(concat!("../assets/i18n/", $lang, "/cli.ftl")),
                ),
                (
                    "app.ftl",
                    include_str!(concat!("../assets/i18n/", $lang, "/app.ftl")),
                ),
                (
                    "panels.ftl",
                    include_str!(concat!("../assets/i18n/", $lang, "/panels.ftl")),
                ),
            ]
        };
    }
    match lang {
        Lang::En => files!("en"),
        Lang::Ko => files!("ko"),
    }
}

static PROCESS_LANG: AtomicU8 = AtomicU8::new(0);
static FORCED: OnceLock<bool> = OnceLock::new();

thread_local! {
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Chooses the process's language at start: `flag` (`--lang`) when given, else the
/// environment's locale. Remembers whether the flag chose it ([`is_forced`]).
pub fn init(flag: Option<Lang>) {
    let _ = FORCED.set(flag.is_some());
    PROCESS_LANG.store(
        flag.unwrap_or_else(Lang::from_env).index(),
        Ordering::Relaxed,
    );
}

/// Whether `--lang` chose the language (then the window's setting does not override it).
pub fn is_forced() -> bool {
    FORCED.get().copied().unwrap_or(false)
}

/// Sets the language: this thread's own if it has one (a test's, see [`with_language`] and
/// [`set_thread_language`]), else the whole process's (the window's language setting).
pub fn set_language(lang: Lang) {
    let had_own = THREAD_LANG.with(|c| {
        let own = c.get().is_some();
        if own {
            c.set(Some(lang));
        }
        own
    });
    if !had_own {
        PROCESS_LANG.store(lang.index(), Ordering::Relaxed);
    }
}

/// The language this thread speaks now.
pub fn language() -> Lang {
    THREAD_LANG
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_index(PROCESS_LANG.load(Ordering::Relaxed)))
}

/// Runs `f` with this thread speaking `lang` (the process's language is untouched).
pub fn with_language<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD_LANG.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(THREAD_LANG.with(|c| c.replace(Some(lang))));
    f()
}

/// Sets (or with `None` clears) this thread's own language until changed again; for a
/// test's thread, like [`with_language`] around the whole test.
pub fn set_thread_language(lang: Option<Lang>) {
    THREAD_LANG.with(|c| c.set(lang));
}

type Bundle = FluentBundle<FluentResource>;

/// Parses a language's files into one bundle; returns the parse errors as text
/// (`file: error`), which a test requires to be empty.
pub fn build_bundle(lang: Lang) -> (Bundle, Vec<String>) {
    let langid = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // No Unicode isolation marks around arguments: they would show as boxes in fonts
    // without them, and every argument here is left-to-right.
    bundle.set_use_isolating(false);
    // Whole numbers of thousands read with separators ("16,400 satellites", "위성
    // 16,400개"), as English and Korean both write them.
    bundle.set_formatter(Some(|value, _| match value {
        FluentValue::Number(n) => grouped_whole_number(n.value),
        _ => None,
    }));
    let mut problems = Vec::new();
    for (file, text) in sources(lang) {
        let resource = match FluentResource::try_new((*text).to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                problems.extend(
                    errors
                        .iter()
                        .map(|e| format!("{}/{file}: {e:?}", lang.code())),
                );
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(
                errors
                    .iter()
                    .map(|e| format!("{}/{file}: {e:?}", lang.code())),
            );
        }
    }
    (bundle, problems)
}

/// A whole number of 1,000 or more with its thousands separated by commas ("16,400"),
/// else `None` (Fluent's own formatting). Years, catalog numbers and measured values are
/// passed as text, so only counts get separators.
fn grouped_whole_number(value: f64) -> Option<String> {
    if value.fract() != 0.0 || value.abs() < 1_000.0 || !value.is_finite() {
        return None;
    }
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    Some(if value < 0.0 { format!("-{out}") } else { out })
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [build_bundle(Lang::En).0, build_bundle(Lang::Ko).0]);
    &bundles[usize::from(lang.index())]
}

/// The message `key` in the thread's language, falling back to English, then to the key
/// itself (a missing key is a bug that the key tests catch).
pub fn tr(key: &str) -> String {
    tr_args(key, &[])
}

/// The message `key` with arguments, in the thread's language (see [`tr`]).
pub fn tr_args(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    tr_in(language(), key, args)
}

/// A message without arguments in the thread's language, as a `&'static str`: looked up
/// once per language and kept (a few dozen short words), so that words drawn every frame
/// (compass points on the sky chart) cost no formatting and callers may hold them.
pub fn static_word(key: &'static str) -> &'static str {
    static WORDS: OnceLock<Mutex<HashMap<(Lang, &'static str), &'static str>>> = OnceLock::new();
    let lang = language();
    let mut words = WORDS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    words
        .entry((lang, key))
        .or_insert_with(|| Box::leak(tr_in(lang, key, &[]).into_boxed_str()))
}

/// The message `key` with arguments in a given language (see [`tr`]).
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            a.set(*name, value.clone());
        }
        a
    });
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
                .into_owned();
        }
    }
    key.to_owned()
}

/// Looks up a message in the current language: `t!("key")` or
/// `t!("key", name = value, ...)`, where each value converts into a [`FluentValue`]
/// (strings, numbers).
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::tr($key)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $key,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_choose_the_language() {
        assert_eq!(Lang::from_locale("ko_KR.UTF-8"), Some(Lang::Ko));
        assert_eq!(Lang::from_locale("ko"), Some(Lang::Ko));
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("POSIX"), Some(Lang::En));
        assert_eq!(Lang::from_locale("de_DE.UTF-8"), None);
    }

    #[test]
    fn lc_all_beats_lc_messages_beats_lang() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "ko_KR.UTF-8")])),
            Lang::Ko
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "ko_KR.UTF-8"), ("LC_MESSAGES", "en_US")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", "ko_KR.UTF-8"), ("LC_MESSAGES", "en_US")])),
            Lang::Ko
        );
        // An empty LC_ALL does not count; an unknown language is English.
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", ""), ("LANG", "ko_KR.UTF-8")])),
            Lang::Ko
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::En);
    }

    #[test]
    fn a_thread_speaks_its_own_language_and_falls_back_to_english() {
        let en = with_language(Lang::En, || crate::t!("language-name"));
        let ko = with_language(Lang::Ko, || crate::t!("language-name"));
        assert_eq!(en, "English");
        assert_eq!(ko, "한국어");
        assert_eq!(tr_in(Lang::Ko, "no-such-key", &[]), "no-such-key");
    }

    #[test]
    fn large_counts_have_thousands_separators_in_both_languages() {
        assert_eq!(grouped_whole_number(16_400.0).as_deref(), Some("16,400"));
        assert_eq!(
            grouped_whole_number(1_234_567.0).as_deref(),
            Some("1,234,567")
        );
        assert_eq!(grouped_whole_number(1_400.0).as_deref(), Some("1,400"));
        assert_eq!(grouped_whole_number(999.0), None);
        assert_eq!(grouped_whole_number(12_345.5), None);
        let en = tr_in(
            Lang::En,
            "app-satellites-loaded",
            &[
                ("count", FluentValue::from(16_400)),
                ("source", FluentValue::from("bundled snapshot")),
            ],
        );
        assert_eq!(en, "16,400 satellites, bundled snapshot");
        let ko = tr_in(
            Lang::Ko,
            "app-satellites-loaded",
            &[
                ("count", FluentValue::from(16_400)),
                ("source", FluentValue::from("내장 자료")),
            ],
        );
        assert_eq!(ko, "위성 16,400개, 내장 자료");
    }

    #[test]
    fn arguments_are_placed_without_isolation_marks() {
        let text = with_language(Lang::En, || crate::t!("test-greeting", name = "Seoul"));
        assert_eq!(text, "Hello, Seoul!");
    }
}
