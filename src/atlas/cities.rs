//! The bundled city list (GeoNames `cities15000`) and its search.
//!
//! `assets/cities.tsv.gz` is made by `scripts/make_cities.py` from the GeoNames gazetteer
//! (CC BY 4.0, credit "GeoNames"): one place per line, most populous first, with the
//! columns `name, ascii_name, country, admin1, lat_deg, lon_deg, population, iana_zone,
//! name_ko` (the last is the Korean name, empty when GeoNames has none; a list of eight
//! columns, without it, still reads). `assets/countries-ko.tsv` (made by
//! `scripts/make_country_names.py` from the Unicode CLDR) gives the countries' Korean names.

use std::collections::HashMap;
use std::io::Read as _;
use std::sync::OnceLock;

use crate::i18n::Lang;

/// The compressed city list, as built by `scripts/make_cities.py`.
const CITIES_TSV_GZ: &[u8] = include_bytes!("../../assets/cities.tsv.gz");

/// The Korean names of the city list's countries, `english<TAB>korean` a line, as built by
/// `scripts/make_country_names.py` (Unicode CLDR).
const COUNTRIES_KO_TSV: &str = include_str!("../../assets/countries-ko.tsv");

/// The city list's country `country` (its English name, as GeoNames writes it) in `lang`:
/// the Korean name in Korean where the CLDR has one (`"대한민국"`), else as given.
pub fn country_name_in(country: &str, lang: Lang) -> &str {
    static KOREAN: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    if lang != Lang::Ko {
        return country;
    }
    let korean = KOREAN.get_or_init(|| {
        COUNTRIES_KO_TSV
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .collect()
    });
    korean.get(country).copied().unwrap_or(country)
}

/// One populated place.
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    /// The place's name as GeoNames gives it (UTF-8, may carry accents).
    pub name: String,
    /// Country name, in English.
    pub country: String,
    /// GeoNames first-level division code (a US state's two letters, or digits elsewhere).
    pub admin1: String,
    /// Geodetic latitude, degrees north.
    pub latitude_deg: f64,
    /// Longitude, degrees east.
    pub longitude_deg: f64,
    /// Population (0 where GeoNames has none).
    pub population: u64,
    /// IANA time zone, e.g. `"Europe/Paris"`.
    pub time_zone: String,
    /// The Korean name (`"서울"`), empty when GeoNames has none. See [`City::name_in`].
    pub name_ko: String,
    /// Lower-case, accent-free name used for matching.
    search_key: String,
    /// Lower-case, accent-free country name used for matching.
    country_key: String,
}

impl City {
    /// The place's name in `lang`: the Korean name for [`Lang::Ko`] where there is one
    /// (`"서울"`), else the usual GeoNames name (`"Seoul"`).
    ///
    /// Call it with `crate::i18n::language()` where a name is shown to the user.
    pub fn name_in(&self, lang: Lang) -> &str {
        crate::i18n::name_in(lang, &self.name, &self.name_ko)
    }

    /// A label for lists: "Paris, France", or "Springfield (IL), United States" where the
    /// division code is a readable abbreviation.
    pub fn label(&self) -> String {
        self.label_in(Lang::En)
    }

    /// [`City::label`] with the town and the country in `lang` ([`City::name_in`],
    /// [`country_name_in`]): "서울, 대한민국" in Korean.
    pub fn label_in(&self, lang: Lang) -> String {
        self.label_of(self.name_in(lang), country_name_in(&self.country, lang))
    }

    /// Whether `text` is one of this place's list labels, in any language, or as the
    /// window wrote it before it had Korean country names ("서울, South Korea").
    pub fn is_labelled(&self, text: &str) -> bool {
        Lang::ALL.iter().any(|&lang| self.label_in(lang) == text)
            || self.label_of(self.name_in(Lang::Ko), &self.country) == text
    }

    fn label_of(&self, name: &str, country: &str) -> String {
        if !self.admin1.is_empty() && self.admin1.chars().all(|c| c.is_ascii_alphabetic()) {
            format!("{name} ({}), {country}", self.admin1)
        } else {
            format!("{name}, {country}")
        }
    }
}

/// Why the city list could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CitiesError {
    /// The gzip stream is damaged.
    #[error("cannot decompress the city list: {0}")]
    Gzip(#[from] std::io::Error),
    /// A line does not have the expected columns.
    #[error("city list line {line}: {reason}")]
    BadLine {
        /// Line number, from 1.
        line: usize,
        /// What was wrong.
        reason: String,
    },
}

/// The bundled cities, most populous first. Decompressed on first use (a few tens of ms).
pub fn cities() -> &'static [City] {
    static CITIES: OnceLock<Vec<City>> = OnceLock::new();
    CITIES.get_or_init(|| {
        // The asset is built by our own script and checked by the tests, so a failure
        // here is a packaging bug; an empty list keeps the app usable all the same.
        read_cities_gz(CITIES_TSV_GZ).unwrap_or_default()
    })
}

/// Decompresses and reads a city list in the bundled format.
pub fn read_cities_gz(bytes: &[u8]) -> Result<Vec<City>, CitiesError> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text)?;
    parse_cities_tsv(&text)
}

/// Reads the TSV city list (see the module docs for the columns).
pub fn parse_cities_tsv(text: &str) -> Result<Vec<City>, CitiesError> {
    let mut out = Vec::with_capacity(text.len() / 60);
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let bad = |reason: &str| CitiesError::BadLine {
            line: i + 1,
            reason: reason.to_owned(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let (
            [
                name,
                ascii_name,
                country,
                admin1,
                lat,
                lon,
                population,
                zone,
            ],
            name_ko,
        ) = match cols[..] {
            [a, b, c, d, e, f, g, h] => ([a, b, c, d, e, f, g, h], ""),
            [a, b, c, d, e, f, g, h, ko] => ([a, b, c, d, e, f, g, h], ko),
            _ => {
                return Err(bad(&format!(
                    "expected 8 or 9 columns, found {}",
                    cols.len()
                )));
            }
        };
        let latitude_deg: f64 = lat.parse().map_err(|_| bad("latitude is not a number"))?;
        let longitude_deg: f64 = lon.parse().map_err(|_| bad("longitude is not a number"))?;
        let population: u64 = population
            .parse()
            .map_err(|_| bad("population is not a whole number"))?;
        let key_source = if ascii_name.is_empty() {
            name
        } else {
            ascii_name
        };
        out.push(City {
            name: name.to_owned(),
            country: country.to_owned(),
            admin1: admin1.to_owned(),
            latitude_deg,
            longitude_deg,
            population,
            time_zone: zone.to_owned(),
            name_ko: name_ko.to_owned(),
            search_key: fold(key_source),
            country_key: fold(country),
        });
    }
    Ok(out)
}

/// Finds places matching `query`, best first, at most `limit` of them.
///
/// Matching ignores case and common Latin accents ("sao paulo" finds São Paulo), and
/// finds Korean names too ("서울" finds Seoul, "부" finds 부산 among others); a place
/// matches by the better of its two names. Exact names come first, then names starting with the query, then names with a word
/// starting with it, then names containing it; ties go to the larger population.
/// Text after a comma narrows by country (in English or Korean) or division: "paris, us",
/// "springfield, il" or "광주, 대한".
pub fn search_cities<'a>(cities: &'a [City], query: &str, limit: usize) -> Vec<&'a City> {
    let (name_part, place_part) = match query.split_once(',') {
        Some((n, p)) => (fold(n.trim()), fold(p.trim())),
        None => (fold(query.trim()), String::new()),
    };
    if name_part.is_empty() || limit == 0 {
        return Vec::new();
    }
    let mut tiers: [Vec<&City>; 4] = Default::default();
    for city in cities {
        if !place_part.is_empty()
            && !city.country_key.starts_with(&place_part)
            && !country_name_in(&city.country, Lang::Ko).starts_with(&place_part)
            && !city.admin1.eq_ignore_ascii_case(&place_part)
        {
            continue;
        }
        let tier = match (
            match_tier(&city.search_key, &name_part),
            match_tier(&city.name_ko, &name_part),
        ) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => continue,
        };
        if let Some(list) = tiers.get_mut(tier) {
            list.push(city);
        }
    }
    // The list is already sorted by population, so each tier is too.
    tiers.into_iter().flatten().take(limit).collect()
}

/// How well `key` (a folded name) matches the folded query: 0 for the same name, 1 when
/// it starts with it, 2 when a word in it does, 3 when it holds it anywhere.
fn match_tier(key: &str, query: &str) -> Option<usize> {
    if key.is_empty() {
        None
    } else if key == query {
        Some(0)
    } else if key.starts_with(query) {
        Some(1)
    } else if key
        .match_indices(query)
        .any(|(at, _)| key[..at].ends_with([' ', '-', '\'', '(']))
    {
        Some(2)
    } else if key.contains(query) {
        Some(3)
    } else {
        None
    }
}

/// Lower-cases `text` and strips the accents of common Latin letters.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let lower = c.to_lowercase();
        for c in lower {
            match fold_char(c) {
                Some(s) => out.push_str(s),
                None => out.push(c),
            }
        }
    }
    out
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ł' | 'ľ' | 'ļ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        '’' | 'ʻ' | '`' => "'",
        _ => return None,
    })
}
