//! The bundled geography: the TopoJSON decoder, the outlines, and the city search.

use overhead::atlas::{self, Detail, TopoJsonError, Topology, cities, search_cities};

/// A hand-made quantized topology: one square ring from two arcs, the second one
/// used reversed, and a line sharing the first arc.
const SQUARE: &str = r#"{
  "type": "Topology",
  "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
  "objects": {
    "shapes": {"type": "GeometryCollection", "geometries": [
      {"type": "Polygon", "arcs": [[0, -2]], "properties": {"name": "square"}},
      {"type": "LineString", "arcs": [0]}
    ]}
  },
  "arcs": [
    [[0, 0], [4, 0], [0, 4]],
    [[0, 0], [0, 4], [4, 0]]
  ]
}"#;

#[test]
fn quantized_arcs_are_delta_decoded_and_transformed() {
    let topo = Topology::parse(SQUARE).unwrap();
    // Arc 0: (0,0) → (4,0) → (4,4) in quantized units; x·0.5 − 10, y·0.25 + 20.
    assert_eq!(
        topo.arcs()[0],
        vec![[-10.0, 20.0], [-8.0, 20.0], [-8.0, 21.0]]
    );
}

#[test]
fn reversed_arc_index_closes_the_ring_without_repeating_joints() {
    let topo = Topology::parse(SQUARE).unwrap();
    let rings = topo.polylines("shapes").unwrap();
    // Arc 1 is (0,0) → (0,4) → (4,4); reversed it runs (4,4) → (0,4) → (0,0).
    assert_eq!(
        rings[0],
        vec![
            [-10.0, 20.0],
            [-8.0, 20.0],
            [-8.0, 21.0],
            [-10.0, 21.0],
            [-10.0, 20.0]
        ]
    );
    assert_eq!(
        topo.features("shapes").unwrap()[0].name.as_deref(),
        Some("square")
    );
}

#[test]
fn mesh_keeps_each_arc_once_and_shared_only_keeps_borders() {
    let topo = Topology::parse(SQUARE).unwrap();
    assert_eq!(topo.mesh("shapes", false).unwrap().len(), 2);
    // Arc 0 is used by both the polygon and the line; arc 1 only by the polygon.
    let shared = topo.mesh("shapes", true).unwrap();
    assert_eq!(shared, vec![topo.arcs()[0].clone()]);
}

#[test]
fn bad_documents_are_errors_not_panics() {
    assert!(matches!(
        Topology::parse(r#"{"type": "FeatureCollection", "arcs": []}"#),
        Err(TopoJsonError::NotATopology { .. })
    ));
    assert!(matches!(
        Topology::parse(
            r#"{"type": "Topology", "arcs": [], "objects": {"x": {"type": "LineString", "arcs": [3]}}}"#
        ),
        Err(TopoJsonError::BadArcIndex { index: 3, .. })
    ));
    assert!(Topology::parse("{").is_err());
    let topo = Topology::parse(SQUARE).unwrap();
    assert!(matches!(
        topo.features("nope"),
        Err(TopoJsonError::NoSuchObject { .. })
    ));
}

#[test]
fn bundled_outlines_decode_within_the_globe() {
    for (name, json) in atlas::bundled_topojson() {
        let topo = Topology::parse(json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(topo.object_names().any(|n| n == "land"), "{name} has land");
    }
    for detail in [Detail::Coarse, Detail::Fine] {
        let lines = atlas::land_outlines(detail);
        assert!(lines.len() > 100, "{detail:?}: {} arcs", lines.len());
        for p in lines.iter().flatten() {
            assert!((-180.0..=180.0).contains(&p[0]) && (-90.0..=90.0).contains(&p[1]));
        }
    }
    // 1:110m land has 130 arcs (world-atlas PROVENANCE.md), of which the land object
    // uses 128 (counted independently with Python's json module).
    assert_eq!(atlas::land_outlines(Detail::Coarse).len(), 128);
    assert!(!atlas::borders().is_empty());
}

#[test]
fn all_geonames_places_are_bundled_with_zones() {
    let all = cities();
    // cities15000 has 34,006 places (PROVENANCE.md), every one with an IANA zone.
    assert_eq!(all.len(), 34_006);
    assert!(
        all.iter()
            .all(|c| c.time_zone.parse::<chrono_tz::Tz>().is_ok())
    );
    assert_eq!(all[0].name, "Shanghai");
}

#[test]
fn city_search_ranks_exact_then_prefix_by_population() {
    let found = search_cities(cities(), "paris", 5);
    assert_eq!(found[0].name, "Paris");
    assert_eq!(found[0].country, "France");
    assert_eq!(found[0].time_zone, "Europe/Paris");
    assert!((found[0].latitude_deg - 48.85).abs() < 0.05);
    let narrowed = search_cities(cities(), "paris, united states", 5);
    assert!(narrowed.iter().all(|c| c.country == "United States"));
    assert!(!narrowed.is_empty());
}

#[test]
fn city_search_ignores_case_and_accents() {
    let plain = search_cities(cities(), "SAO PAULO", 1);
    assert_eq!(plain[0].name, "São Paulo");
    let accented = search_cities(cities(), "zürich", 1);
    assert_eq!(accented[0].name, "Zürich");
    assert_eq!(search_cities(cities(), "  ", 10).len(), 0);
}

#[test]
fn city_search_finds_words_inside_names() {
    let found = search_cities(cities(), "york", 10);
    assert!(found.iter().any(|c| c.name == "New York City"), "{found:?}");
}

/// The first place `query` finds: its GeoNames name, country and coordinates.
fn first_found(query: &str) -> &'static overhead::atlas::City {
    search_cities(cities(), query, 5)
        .first()
        .copied()
        .unwrap_or_else(|| panic!("{query} finds nothing"))
}

#[test]
fn korean_names_find_korean_towns() {
    // GeoNames alternate names written in Hangul (scripts/make_cities.py).
    let seoul = first_found("서울");
    assert_eq!(
        (seoul.name.as_str(), seoul.country.as_str()),
        ("Seoul", "South Korea")
    );
    assert!((seoul.latitude_deg - 37.57).abs() < 0.02, "{seoul:?}");
    assert!((seoul.longitude_deg - 126.98).abs() < 0.02, "{seoul:?}");
    assert_eq!(first_found("평양").name, "Pyongyang");
    assert_eq!(first_found("부산").name, "Busan");
    assert_eq!(first_found("인천").name, "Incheon");
    assert_eq!(first_found("대구").name, "Daegu");
    // Two Gwangju in GeoNames; the metropolitan city (1.4 million) comes first.
    let gwangju = first_found("광주");
    assert_eq!(gwangju.name, "Gwangju");
    assert!(gwangju.population > 1_000_000, "{gwangju:?}");
    // Places abroad carry their Korean names too.
    assert_eq!(first_found("도쿄").name, "Tokyo");
    assert_eq!(first_found("파리").country, "France");
}

#[test]
fn korean_search_matches_prefixes_and_inside_names() {
    let prefix = search_cities(cities(), "부", 20);
    assert!(prefix.iter().any(|c| c.name == "Busan"), "{prefix:?}");
    // "의정부" holds "정부" inside.
    let inside = search_cities(cities(), "정부", 20);
    assert!(
        inside.iter().any(|c| c.name == "Uijeongbu-si"),
        "{inside:?}"
    );
    // Narrowing by country still works after a Korean name.
    let narrowed = search_cities(cities(), "광주, south korea", 5);
    assert!(!narrowed.is_empty());
    assert!(narrowed.iter().all(|c| c.country == "South Korea"));
    // And by the country's Korean name: 평양 in 북한, 서울 in 대한민국.
    let north = search_cities(cities(), "평양, 북한", 5);
    assert_eq!(
        north.first().map(|c| c.country.as_str()),
        Some("North Korea")
    );
    let south = search_cities(cities(), "서울, 대한", 5);
    assert!(!south.is_empty());
    assert!(
        south.iter().all(|c| c.country == "South Korea"),
        "{south:?}"
    );
}

#[test]
fn name_in_gives_the_korean_name_in_korean_only() {
    use overhead::i18n::Lang;
    let seoul = first_found("seoul");
    assert_eq!(seoul.name_in(Lang::Ko), "서울");
    assert_eq!(seoul.name_in(Lang::En), "Seoul");
    assert_eq!(seoul.label_in(Lang::Ko), "서울, 대한민국");
    assert_eq!(seoul.label_in(Lang::En), seoul.label());
    // No Korean name: the usual one in every language.
    let no_korean = cities()
        .iter()
        .find(|c| c.name_ko.is_empty())
        .expect("some place has no Korean name");
    assert_eq!(no_korean.name_in(Lang::Ko), no_korean.name);
    // Every Korean name is Hangul (with at most spaces, digits and a little punctuation).
    let with_korean = cities().iter().filter(|c| !c.name_ko.is_empty()).count();
    assert!(
        with_korean > 6_000,
        "{with_korean} places with a Korean name"
    );
    assert!(
        cities().iter().all(
            |c| c.name_ko.is_empty() || c.name_ko.chars().any(|ch| ('가'..='힣').contains(&ch))
        )
    );
}

#[test]
fn eight_column_city_lists_still_read() {
    let line = "Paris\t\tFrance\t11\t48.8534\t2.3488\t2138551\tEurope/Paris\n";
    let read = overhead::atlas::cities::parse_cities_tsv(line).unwrap();
    assert_eq!(read[0].name_ko, "");
    let nine = overhead::atlas::cities::parse_cities_tsv(&line.replace('\n', "\t파리\n")).unwrap();
    assert_eq!(nine[0].name_ko, "파리");
    assert!(overhead::atlas::cities::parse_cities_tsv("a\tb\n").is_err());
}

#[test]
fn land_mask_covers_the_land_and_only_the_land() {
    let (w, h) = (1024, 512);
    let mask = atlas::land_mask(w, h);
    let at = |lat: f64, lon: f64| {
        let row = ((90.0 - lat) / 180.0 * h as f64) as usize;
        let col = ((lon + 180.0) / 360.0 * w as f64) as usize;
        mask[row.min(h - 1) * w + col.min(w - 1)]
    };
    assert_eq!(at(48.85, 2.35), 255, "Paris");
    assert_eq!(at(-89.9, 0.0), 255, "South Pole");
    assert_eq!(at(0.0, -150.0), 0, "mid-Pacific");
    // Across the date line: Chukotka is land on both sides, the sea south of Fiji is not.
    assert_eq!(at(67.0, 179.5), 255);
    assert_eq!(at(67.0, -179.5), 255);
    assert_eq!(at(-16.35, 0.0), 0, "Gulf of Guinea latitude of Fiji");
    // Land is 29% of the Earth's surface; weight each row by cos(latitude).
    let (mut land, mut all) = (0.0, 0.0);
    for (row, line) in mask.chunks(w).enumerate() {
        let weight = (90.0 - (row as f64 + 0.5) * 180.0 / h as f64)
            .to_radians()
            .cos();
        land += weight * line.iter().filter(|&&v| v == 255).count() as f64;
        all += weight * w as f64;
    }
    let fraction = land / all;
    assert!((0.27..0.31).contains(&fraction), "land fraction {fraction}");
}
