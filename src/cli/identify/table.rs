//! `overhead identify`'s readable output: what was reported, the verdict, and the candidates
//! in words, one row each.

use crate::orbit::stars::SkyDirection;
use crate::orbit::{Identification, Observer, Sighting};
use crate::report::{
    compass_point, coordinates_words, identify_verdict, light_short, offset_short, rate_short,
    score_percent, way_short,
};
use crate::t;
use crate::text::{display_width, pad_end};

/// "SSW 192°, 35° up".
fn where_words(d: SkyDirection) -> String {
    t!(
        "cli-identify-where",
        point = compass_point(d.azimuth_deg),
        bearing = format!("{:.0}", crate::report::whole_bearing_deg(d.azimuth_deg)),
        height = format!("{:.0}", d.elevation_deg.max(0.0))
    )
}

/// The sighting as reported, in one or two lines.
fn sighting_words(observer: &Observer, sighting: &Sighting) -> String {
    let time = sighting.time.format("%Y-%m-%d %H:%M:%S UTC").to_string();
    let motion = match (sighting.to, sighting.after_s) {
        (Some(to), Some(after_s)) => t!(
            "cli-identify-then",
            where_ = where_words(to),
            s = crate::text::number(after_s)
        ),
        (Some(to), None) => t!("cli-identify-toward", where_ = where_words(to)),
        (None, _) => String::new(),
    };
    let magnitude = sighting.magnitude.map_or(String::new(), |m| {
        t!("cli-identify-seen-magnitude", mag = format!("{m:.1}"))
    });
    t!(
        "cli-identify-sighting",
        place = coordinates_words(observer),
        time = time,
        tolerance = crate::text::number(sighting.time_tolerance_s),
        where_ = where_words(sighting.at),
        motion = motion,
        magnitude = magnitude
    )
}

/// The whole table: the sighting, the verdict, and the candidates (or the nearest misses).
pub fn table(observer: &Observer, sighting: &Sighting, found: &Identification) -> String {
    let mut out = String::new();
    out.push_str(&sighting_words(observer, sighting));
    out.push('\n');
    out.push_str(&identify_verdict(found));
    out.push_str("\n\n");
    if found.candidates.is_empty() {
        return out;
    }
    out.push_str(&t!(
        "cli-identify-list",
        fits = if found.fits() { "yes" } else { "no" },
        tried = found.searched
    ));
    out.push('\n');
    let header = [
        t!("cli-identify-col-chance"),
        t!("cli-identify-col-satellite"),
        t!("cli-identify-col-when"),
        t!("cli-identify-col-miss"),
        t!("cli-identify-col-way"),
        t!("cli-identify-col-speed"),
        t!("cli-identify-col-where"),
        t!("cli-identify-col-light"),
    ];
    let rows: Vec<[String; 8]> = found
        .candidates
        .iter()
        .map(|c| {
            [
                score_percent(c.score),
                crate::text::clean(&c.name, crate::text::NAME_CHARS),
                offset_short(c.time_offset_s),
                format!("{:.1}°", c.miss_deg),
                way_short(c.direction_error_deg),
                rate_short(c.rate_deg_s, c.rate_error),
                where_words(SkyDirection {
                    azimuth_deg: c.azimuth_deg,
                    elevation_deg: c.elevation_deg,
                }),
                light_short(c),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..8)
        .map(|k| {
            rows.iter()
                .map(|r| display_width(&r[k]))
                .chain([display_width(&header[k])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in std::iter::once(&header).chain(rows.iter()) {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &w)| pad_end(cell, w))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    for c in found
        .candidates
        .iter()
        .filter(|c| !c.together_with.is_empty())
    {
        let names: Vec<String> = c
            .together_with
            .iter()
            .map(|(_, name)| crate::text::clean(name, crate::text::NAME_CHARS))
            .collect();
        out.push_str(&t!(
            "cli-identify-together",
            name = crate::text::clean(&c.name, crate::text::NAME_CHARS),
            others = names.join(", ")
        ));
        out.push('\n');
    }
    out
}
