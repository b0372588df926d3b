//! Finding satellites by what people type: "Hubble" is HST, "Tiangong" is CSS (TIANHE),
//! "space station" is the ISS and Tiangong, and "ISS" is ISS (ZARYA) before SWISSCUBE.
//!
//! [`NameIndex::search`] is the one ranking, shared by the window's picker and the command
//! line's `--name`: exact names, catalog numbers and aliases first, then names starting
//! with the text, then names with a word starting with it, then names holding it anywhere;
//! within each tier, catalog order. The aliases are data, `assets/satellite-aliases.tsv`,
//! each with the source of the name.

use std::sync::OnceLock;

/// The alias table: `alias <TAB> ids <TAB> source`, `#` comments.
const ALIASES_TSV: &str = include_str!("../../assets/satellite-aliases.tsv");

/// How well a name matches what was typed; earlier is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchTier {
    /// The whole name, the catalog number, or an alias ("Hubble" for HST).
    Exact,
    /// The name (or an alias, or the number) starts with the text.
    Prefix,
    /// A word of the name starts with the text ("R/B" in "CZ-4C R/B").
    Word,
    /// The name holds the text somewhere ("iss" in "SWISSCUBE").
    Substring,
}

/// One satellite found by [`NameIndex::search`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    /// Position of the satellite in the index (the order it was built in).
    pub position: usize,
    /// Its catalog number.
    pub norad_id: u64,
    /// How well it matched.
    pub tier: MatchTier,
}

/// An alias: the folded text and the satellites it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The alias, folded ([`fold_name`]).
    pub key: String,
    /// The catalog numbers it names.
    pub norad_ids: Vec<u64>,
}

/// The bundled aliases, read once.
pub fn aliases() -> &'static [Alias] {
    static ALIASES: OnceLock<Vec<Alias>> = OnceLock::new();
    ALIASES.get_or_init(|| parse_aliases(ALIASES_TSV))
}

/// Reads an alias table (lines `alias <TAB> id,id <TAB> source`; `#` starts a comment
/// line); a line without a usable number is skipped.
pub fn parse_aliases(text: &str) -> Vec<Alias> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let key = fold_name(cols.next()?);
            let norad_ids: Vec<u64> = cols
                .next()?
                .split(',')
                .filter_map(|id| id.trim().parse().ok())
                .collect();
            (!key.is_empty() && !norad_ids.is_empty()).then_some(Alias { key, norad_ids })
        })
        .collect()
}

/// `text` as names are compared: lower case, spaces trimmed and runs of white space one
/// space ("China  Space station " is "china space station").
pub fn fold_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Satellite names, folded once, for searching.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    /// (catalog number, folded name), in the order given.
    entries: Vec<(u64, String)>,
}

impl NameIndex {
    /// The index of `names` (catalog number and name), kept in the order given.
    pub fn new<'a>(names: impl IntoIterator<Item = (u64, &'a str)>) -> Self {
        Self {
            entries: names
                .into_iter()
                .map(|(id, name)| (id, fold_name(name)))
                .collect(),
        }
    }

    /// How many names it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The satellites matching `query`, best first, at most `limit`: exact names, numbers
    /// and aliases, then prefixes, then word starts, then anywhere (see [`MatchTier`]);
    /// catalog order within a tier. Case and runs of spaces do not matter.
    pub fn search(&self, query: &str, limit: usize) -> Vec<NameMatch> {
        let q = fold_name(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut exact_ids: Vec<u64> = Vec::new();
        let mut prefix_ids: Vec<u64> = Vec::new();
        for alias in aliases() {
            if alias.key == q {
                exact_ids.extend(&alias.norad_ids);
            } else if q.chars().count() >= 3 && alias.key.starts_with(&q) {
                prefix_ids.extend(&alias.norad_ids);
            }
        }
        let number: Option<u64> = q.parse().ok();
        let digits = number.is_some().then_some(q.as_str());
        let mut tiers: [Vec<NameMatch>; 4] = Default::default();
        for (position, (norad_id, key)) in self.entries.iter().enumerate() {
            let id = *norad_id;
            let tier = if *key == q || number == Some(id) || exact_ids.contains(&id) {
                MatchTier::Exact
            } else if key.starts_with(&q)
                || prefix_ids.contains(&id)
                || digits.is_some_and(|d| id.to_string().starts_with(d))
            {
                MatchTier::Prefix
            } else if let Some(tier) = inner_match(key, &q) {
                tier
            } else {
                continue;
            };
            tiers[tier as usize].push(NameMatch {
                position,
                norad_id: id,
                tier,
            });
        }
        let mut found: Vec<NameMatch> = tiers.into_iter().flatten().collect();
        found.truncate(limit);
        found
    }

    /// The satellites a name given on the command line (`--name`) stands for: its exact,
    /// number and alias matches when it has any ("ISS" is ISS (ZARYA), not SWISSCUBE),
    /// else every name that holds it ("R/B": every rocket body), best first.
    pub fn chosen_by(&self, query: &str) -> Vec<NameMatch> {
        let found = self.search(query, usize::MAX);
        match found.iter().position(|m| m.tier != MatchTier::Exact) {
            Some(0) | None => found,
            Some(end) => found[..end].to_vec(),
        }
    }
}

/// Where `query` is inside `key` (not at its start): at the start of a word, or anywhere.
fn inner_match(key: &str, query: &str) -> Option<MatchTier> {
    let mut best = None;
    for (at, _) in key.match_indices(query) {
        if at == 0 {
            continue;
        }
        if key[..at].ends_with([' ', '-', '(', '/', '[', '_', '.']) {
            return Some(MatchTier::Word);
        }
        best = Some(MatchTier::Substring);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> NameIndex {
        NameIndex::new([
            (20580, "HST"),
            (25544, "ISS (ZARYA)"),
            (27846, "SWISSCUBE"),
            (48274, "CSS (TIANHE)"),
            (49044, "ISS (NAUKA)"),
            (58400, "MALLIGYONG-1"),
            (28059, "CZ-4C R/B"),
        ])
    }

    fn ids(found: &[NameMatch]) -> Vec<u64> {
        found.iter().map(|m| m.norad_id).collect()
    }

    #[test]
    fn what_people_type_finds_what_they_mean() {
        let index = index();
        assert_eq!(ids(&index.search("Hubble", 10)), [20580]);
        for text in [
            "Tiangong",
            "china space station",
            "CSS",
            "  China   Space Station ",
        ] {
            assert_eq!(ids(&index.search(text, 10))[0], 48274, "{text}");
        }
        assert_eq!(ids(&index.search("space station", 10)), [25544, 48274]);
        // The ISS itself, then its other modules, then names that only hold the letters.
        assert_eq!(ids(&index.search("ISS", 10)), [25544, 49044, 27846]);
        assert_eq!(index.search("ISS", 10)[0].tier, MatchTier::Exact);
        assert_eq!(ids(&index.search("우주정거장", 10)), [25544, 48274]);
        assert_eq!(ids(&index.search("만리경", 10)), [58400]);
        // A number is exact; a part of one is a prefix.
        assert_eq!(index.search("58400", 10)[0].tier, MatchTier::Exact);
        assert_eq!(ids(&index.search("5840", 10)), [58400]);
        assert_eq!(index.search("r/b", 10)[0].tier, MatchTier::Word);
        assert!(index.search("", 10).is_empty());
    }

    #[test]
    fn a_command_line_name_keeps_the_exact_matches_when_there_are_any() {
        let index = index();
        assert_eq!(ids(&index.chosen_by("iss")), [25544]);
        assert_eq!(ids(&index.chosen_by("space station")), [25544, 48274]);
        // Nothing exact: every name that holds it.
        assert_eq!(ids(&index.chosen_by("zar")), [25544]);
        assert_eq!(ids(&index.chosen_by("s")).len(), 5);
    }

    #[test]
    fn the_bundled_aliases_read_whole() {
        let table = aliases();
        let lines = ALIASES_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(table.len(), lines);
        assert!(
            ALIASES_TSV
                .lines()
                .all(|l| l.starts_with('#') || l.split('\t').count() == 3)
        );
    }
}
