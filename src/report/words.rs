//! The words of a report: compass points, heights and bearings, how bright a magnitude
//! looks, the plain-language description and alert of a pass, the coordinates of an
//! observer, the Moon's note and the calendar event's text. Every English sentence the
//! writers (JSON, CSV, iCalendar) and the window show about a pass lives here, so that a
//! translation touches this file alone.

use chrono::{DateTime, Utc};

use super::{MoonNearPass, PassRecord, SeenPart, round_to};
use crate::orbit::{Appears, Observer, ObserverFrame, Pass, PassPoint, Vanishes};
use crate::text::{NAME_CHARS, clean};

/// The 16-point compass name of an azimuth in degrees (north = 0, east = 90).
pub fn compass_point(azimuth_deg: f64) -> &'static str {
    const POINTS: [&str; 16] = [
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW",
        "NW", "NNW",
    ];
    let index = ((azimuth_deg.rem_euclid(360.0) / 22.5) + 0.5).floor() as usize % 16;
    POINTS[index]
}

/// The 8-point compass direction in words, for plain-language text ("north-west").
pub fn compass_words(azimuth_deg: f64) -> &'static str {
    const WORDS: [&str; 8] = [
        "north",
        "north-east",
        "east",
        "south-east",
        "south",
        "south-west",
        "west",
        "north-west",
    ];
    let index = ((azimuth_deg.rem_euclid(360.0) / 45.0) + 0.5).floor() as usize % 8;
    WORDS[index]
}

/// Elevation as a number of fists held at arm's length (about 10° each), in words.
pub fn fists(elevation_deg: f64) -> String {
    let n = (elevation_deg / 10.0).round() as i64;
    match n {
        ..=0 => "just above the horizon".to_owned(),
        1 => "about one fist above the horizon".to_owned(),
        9.. => "straight overhead".to_owned(),
        n => {
            const WORDS: [&str; 9] = [
                "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            ];
            let word = WORDS.get(n as usize).copied().unwrap_or("many");
            format!("about {word} fists above the horizon")
        }
    }
}

/// A bearing rounded to a whole degree in [0, 360) (359.6° reads as 0°, not 360°).
pub fn whole_bearing_deg(azimuth_deg: f64) -> f64 {
    azimuth_deg.rem_euclid(360.0).round() % 360.0
}

/// A direction no one can mistake for a height: "NNE (bearing 17°)".
pub fn bearing_words(azimuth_deg: f64) -> String {
    format!(
        "{} (bearing {:.0}°)",
        compass_point(azimuth_deg),
        whole_bearing_deg(azimuth_deg)
    )
}

/// A height no one can mistake for a direction: "25° up".
pub fn height_words(elevation_deg: f64) -> String {
    format!("{:.0}° up", elevation_deg.max(0.0).round())
}

/// Where to look at one point of a pass: "NNE (bearing 17°, 25° up)".
pub fn look_words(point: &PassPoint) -> String {
    format!(
        "{} (bearing {:.0}°, {})",
        compass_point(point.azimuth_deg),
        whole_bearing_deg(point.azimuth_deg),
        height_words(point.elevation_deg)
    )
}

/// How a visible pass ends, for tables: "sets", "into shadow" or "dawn".
pub fn vanishes_short(vanishes: Vanishes) -> &'static str {
    match vanishes {
        Vanishes::Sets => "sets",
        Vanishes::EntersShadow => "into shadow",
        Vanishes::SkyBrightens => "dawn",
    }
}

/// How a visible pass begins, for tables: "rises", "from shadow" or "dusk".
pub fn appears_short(appears: Appears) -> &'static str {
    match appears {
        Appears::Rises => "rises",
        Appears::LeavesShadow => "from shadow",
        Appears::SkyDarkens => "dusk",
    }
}

/// A description of a pass that a pupil understands, with times formatted by `time`.
///
/// For a visible pass it follows the seen part: where to look first, how high it gets
/// while seen, where and how it is lost (sets, fades into Earth's shadow, or the dawn),
/// then how bright it is ("Look NNE (bearing 17°, 12° up) at 21:39, where it rises. It
/// climbs to 51° up (about five fists) in the ENE at 21:41, then fades into Earth's shadow
/// in the E (bearing 95°, 30° up) at 21:43. Easy to see, like a bright star (magnitude
/// 1.8).").
pub fn plain_description(pass: &Pass, time: impl Fn(DateTime<Utc>) -> String) -> String {
    let Some(seen) = SeenPart::of(pass) else {
        let top = &pass.culmination;
        let why = pass
            .not_visible_reason
            .map_or("it cannot be seen", |r| r.phrase());
        return format!(
            "Above the horizon from {} to {} but not visible to the eye ({why}); highest {} in the {} at {}.",
            time(pass.rise.time),
            time(pass.set.time),
            height_words(top.elevation_deg),
            bearing_words(top.azimuth_deg),
            time(top.time),
        );
    };
    let (start, peak, end) = (&seen.start, &seen.peak, &seen.end);
    let mut text = match seen.appears {
        Appears::Rises => format!(
            "Look {} at {}, where it comes up.",
            look_words(start),
            time(start.time)
        ),
        Appears::LeavesShadow => format!(
            "Look {} at {}, where it comes out of Earth's shadow.",
            look_words(start),
            time(start.time)
        ),
        Appears::SkyDarkens => format!(
            "Look {} at {}, once the sky is dark enough.",
            look_words(start),
            time(start.time)
        ),
    };
    // A peak more than 1 s from either end is a climb and a descent; otherwise the
    // whole seen part goes one way.
    let apart = |a: &PassPoint, b: &PassPoint| (a.time - b.time).num_milliseconds().abs() > 1000;
    let fist_words = fists(peak.elevation_deg)
        .replace("fists above the horizon", "fists")
        .replace("fist above the horizon", "fist");
    if apart(peak, start) && apart(peak, end) {
        text.push_str(&format!(
            " It climbs to {} ({fist_words}) in the {} at {}, then ",
            height_words(peak.elevation_deg),
            bearing_words(peak.azimuth_deg),
            time(peak.time),
        ));
    } else if apart(peak, start) {
        text.push_str(" It climbs all the way and ");
    } else {
        text.push_str(&format!(
            " It is highest there ({fist_words}), then sinks and "
        ));
    }
    let place = if seen.vanishes == Vanishes::EntersShadow && end.elevation_deg >= 45.0 {
        "high in the"
    } else if seen.vanishes == Vanishes::Sets {
        "low in the"
    } else {
        "in the"
    };
    let ending = match seen.vanishes {
        Vanishes::Sets => "drops out of sight",
        Vanishes::EntersShadow => "fades into Earth's shadow",
        Vanishes::SkyBrightens => "is lost in the brightening sky",
    };
    text.push_str(&format!(
        "{ending} {place} {} at {}.",
        look_words(end),
        time(end.time)
    ));
    match pass.magnitude {
        Some(mag) => text.push_str(&format!(" {}", brightness_words(mag))),
        None => text.push_str(" Brightness unknown (no standard magnitude for it)."),
    }
    text
}

/// A short alert for a visible pass that starts soon, in the words of the seen part:
/// "ISS (ZARYA) in 4 min 10 s: look NNE (bearing 17°, 12° up) at 21:39; highest 51° up in
/// the ENE; fades into Earth's shadow at 21:43. Magnitude −2.1, very bright."
pub fn alert_text(
    name: &str,
    pass: &Pass,
    until_start: &str,
    time: impl Fn(DateTime<Utc>) -> String,
) -> String {
    match seen_directions(pass, time) {
        Some(directions) => format!("{name} in {until_start}: {}", lower_first(&directions)),
        None => format!("{name} rises in {until_start}."),
    }
}

/// Where to look for the seen part of a pass, in one sentence with the brightness: "Look
/// NNE (bearing 17°, 12° up) at 21:39; highest 51° up in the ENE; fades into Earth's
/// shadow at 21:43. Magnitude −2.1, very bright." None when the pass is not visible.
pub fn seen_directions(pass: &Pass, time: impl Fn(DateTime<Utc>) -> String) -> Option<String> {
    let seen = SeenPart::of(pass)?;
    let ending = match seen.vanishes {
        Vanishes::Sets => "sets",
        Vanishes::EntersShadow => "fades into Earth's shadow",
        Vanishes::SkyBrightens => "is lost in the dawn",
    };
    let brightness = match pass.magnitude {
        Some(m) => format!("Magnitude {m:.1}, {}.", brightness_short(m)),
        None => "Brightness unknown.".to_owned(),
    };
    Some(format!(
        "Look {} at {}; highest {} in the {}; {ending} at {}. {brightness}",
        look_words(&seen.start),
        time(seen.start.time),
        height_words(seen.peak.elevation_deg),
        compass_point(seen.peak.azimuth_deg),
        time(seen.end.time),
    ))
}

/// `text` with its first letter in lower case ("Look" → "look").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// The brightness scale: up to this magnitude, the few words for alerts and the sentence
/// for descriptions (the last row takes everything fainter).
const BRIGHTNESS_SCALE: [(f64, &str, &str); 5] = [
    (-2.0, "very bright", "Very bright, brighter than any star"),
    (0.0, "bright", "Bright, like the brightest stars"),
    (2.5, "easy to see", "Easy to see, like a bright star"),
    (4.5, "faint, needs a dark sky", "Faint: it needs a dark sky"),
    (
        f64::INFINITY,
        "very faint, binoculars help",
        "Very faint: binoculars help",
    ),
];

/// The row of [`BRIGHTNESS_SCALE`] for `magnitude`.
fn brightness_row(magnitude: f64) -> (&'static str, &'static str) {
    let row = BRIGHTNESS_SCALE
        .iter()
        .find(|(up_to, _, _)| magnitude <= *up_to)
        .unwrap_or(&BRIGHTNESS_SCALE[4]);
    (row.1, row.2)
}

/// How bright a magnitude looks, in a few words: "very bright", "easy to see"...
pub fn brightness_short(magnitude: f64) -> &'static str {
    brightness_row(magnitude).0
}

/// How bright a magnitude looks, in words: "Easy to see, like a bright star (magnitude 1.8)."
pub fn brightness_words(magnitude: f64) -> String {
    format!(
        "{} (magnitude {magnitude:.1}).",
        brightness_row(magnitude).1
    )
}

/// "37.5665° N, 126.9780° E, 38 m": where an observer stands, for titles and hovers.
pub fn coordinates_words(observer: &Observer) -> String {
    format!(
        "{:.4}° {}, {:.4}° {}, {:.0} m",
        observer.latitude_deg.abs(),
        if observer.latitude_deg >= 0.0 {
            "N"
        } else {
            "S"
        },
        observer.longitude_deg.abs(),
        if observer.longitude_deg >= 0.0 {
            "E"
        } else {
            "W"
        },
        observer.altitude_m
    )
}

impl MoonNearPass {
    /// "Bright Moon (78% lit) 15° from the path."
    pub fn words(&self) -> String {
        format!(
            "Bright Moon ({:.0}% lit) {:.0}° from the path.",
            self.moon.illuminated_fraction * 100.0,
            self.separation_deg
        )
    }
}

/// Limiting-magnitude presets: the faintest star the observer's sky shows.
pub const SKY_PRESETS: [(&str, f64); 4] = [
    ("City (mag 3)", 3.0),
    ("Suburb (mag 4)", 4.0),
    ("Dark site (mag 5.5)", 5.5),
    ("Binoculars (mag 7.5)", 7.5),
];

/// The one-line title of a pass's calendar event: "ISS (ZARYA) pass, max 51° ENE (visible,
/// magnitude -2.1)"; `limiting_magnitude` judges whether it is too faint to see.
pub fn event_summary(r: &PassRecord, limiting_magnitude: f64) -> String {
    let p = &r.pass;
    let seen = SeenPart::of(p);
    let visibility = match (seen, p.magnitude) {
        (Some(_), Some(m)) if m > limiting_magnitude => {
            format!("visible, magnitude {m:.1}: too faint for the naked eye here")
        }
        (Some(_), Some(m)) => format!("visible, magnitude {m:.1}"),
        (Some(_), None) => "visible, brightness unknown".to_owned(),
        (None, _) => format!(
            "not visible: {}",
            p.not_visible_reason.map_or("", |x| x.phrase())
        ),
    };
    let top = seen.map_or(p.culmination, |s| s.peak);
    format!(
        "{} pass, max {:.0}° {} ({visibility})",
        clean(r.name(), NAME_CHARS),
        top.elevation_deg,
        compass_point(top.azimuth_deg)
    )
}

/// The calendar event's description of a pass, one line each: the plain description, the
/// Moon's note, where it appears, peaks and vanishes, rise, highest and set, and the age of
/// the elements; times shown by `both` (local with UTC in brackets).
pub fn event_description(
    r: &PassRecord,
    observer: &Observer,
    frame: &ObserverFrame,
    both: impl Fn(DateTime<Utc>) -> String,
) -> String {
    let p = &r.pass;
    let seen = SeenPart::of(p);
    let angle = |label: &str, q: &PassPoint| {
        format!(
            "{label} {}: {}, range {:.0} km",
            both(q.time),
            look_words(q),
            q.range_km
        )
    };
    let mut description = vec![plain_description(p, &both)];
    if let Some(moon) = MoonNearPass::of(p, frame).filter(MoonNearPass::is_worth_noting) {
        description.push(moon.words());
    }
    if let Some(seen) = seen {
        description.push(angle("Appears", &seen.start));
        description.push(angle("Highest while visible", &seen.peak));
        description.push(angle("Vanishes", &seen.end));
    }
    description.push(angle("Rise", &p.rise));
    description.push(angle("Highest", &p.culmination));
    description.push(angle("Set", &p.set));
    description.push(format!(
        "Elements {:.1} days old (timing ±{:.0} s, estimate). Observer {:.4}, {:.4}.",
        round_to(r.element_age_days(), 1),
        r.timing_uncertainty_s(),
        observer.latitude_deg,
        observer.longitude_deg
    ));
    description.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures::{at, crafted, hm};

    #[test]
    fn compass_points_wrap() {
        assert_eq!(compass_point(0.0), "N");
        assert_eq!(compass_point(359.0), "N");
        assert_eq!(compass_point(315.0), "NW");
        assert_eq!(compass_words(300.0), "north-west");
    }

    #[test]
    fn seen_after_the_culmination_never_climbs_and_points_where_it_is_seen() {
        // Issue 10: visible 21:39-21:41 only, after the 21:37 peak; it once said "it climbs to
        // about five fists above the horizon, in the east", where it was in shadow.
        let (start, end) = (at(9.0, 17.0, 40.0), at(11.3, 354.0, 12.0));
        let pass = crafted(Some((
            start,
            start,
            end,
            Appears::LeavesShadow,
            Vanishes::Sets,
        )));
        let text = plain_description(&pass, hm);
        assert!(
            text.starts_with(
                "Look NNE (bearing 17°, 40° up) at 21:39, where it comes out of Earth's shadow."
            ),
            "{text}"
        );
        assert!(!text.contains("climbs"), "{text}");
        assert!(!text.contains("east"), "{text}");
        assert!(text.contains("sinks"), "{text}");
        assert!(
            text.contains("drops out of sight low in the N (bearing 354°, 12° up) at 21:41."),
            "{text}"
        );
        assert!(
            text.ends_with("Brightness unknown (no standard magnitude for it)."),
            "{text}"
        );
    }

    #[test]
    fn ending_in_shadow_says_where_it_fades() {
        let (start, peak, end) = (
            at(2.0, 160.0, 12.0),
            at(7.0, 68.0, 51.0),
            at(9.0, 30.0, 48.0),
        );
        let mut pass = crafted(Some((
            start,
            peak,
            end,
            Appears::Rises,
            Vanishes::EntersShadow,
        )));
        pass.magnitude = Some(1.8);
        let text = plain_description(&pass, hm);
        assert!(
            text.starts_with("Look SSE (bearing 160°, 12° up) at 21:32, where it comes up."),
            "{text}"
        );
        assert!(
            text.contains(
                "It climbs to 51° up (about five fists) in the ENE (bearing 68°) at 21:37"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "fades into Earth's shadow high in the NNE (bearing 30°, 48° up) at 21:39."
            ),
            "{text}"
        );
        assert!(text.contains("magnitude 1.8"), "{text}");
    }

    #[test]
    fn ending_at_the_horizon_sets() {
        let (start, peak, end) = (
            at(2.0, 160.0, 10.0),
            at(7.0, 68.0, 51.0),
            at(12.0, 350.0, 10.0),
        );
        let pass = crafted(Some((start, peak, end, Appears::Rises, Vanishes::Sets)));
        let text = plain_description(&pass, hm);
        assert!(
            text.contains("then drops out of sight low in the N (bearing 350°, 10° up) at 21:42."),
            "{text}"
        );
    }

    #[test]
    fn appearing_out_of_shadow_and_climbing_says_so() {
        let (start, end) = (at(4.0, 120.0, 30.0), at(7.0, 68.0, 51.0));
        let pass = crafted(Some((
            start,
            end,
            end,
            Appears::LeavesShadow,
            Vanishes::EntersShadow,
        )));
        let text = plain_description(&pass, hm);
        assert!(
            text.contains("where it comes out of Earth's shadow"),
            "{text}"
        );
        assert!(
            text.contains("It climbs all the way and fades into Earth's shadow high in the ENE"),
            "{text}"
        );
    }

    #[test]
    fn starting_as_the_sky_darkens_says_so() {
        let (start, peak, end) = (
            at(5.0, 100.0, 40.0),
            at(7.0, 68.0, 51.0),
            at(12.0, 350.0, 10.0),
        );
        let pass = crafted(Some((
            start,
            peak,
            end,
            Appears::SkyDarkens,
            Vanishes::Sets,
        )));
        let text = plain_description(&pass, hm);
        assert!(
            text.starts_with(
                "Look E (bearing 100°, 40° up) at 21:35, once the sky is dark enough."
            ),
            "{text}"
        );
    }

    #[test]
    fn alert_gives_bearing_and_height_apart() {
        let (start, peak, end) = (
            at(9.0, 17.0, 25.0),
            at(9.0, 17.0, 25.0),
            at(11.0, 354.0, 12.0),
        );
        let mut pass = crafted(Some((
            start,
            peak,
            end,
            Appears::LeavesShadow,
            Vanishes::Sets,
        )));
        pass.magnitude = Some(2.0);
        let text = alert_text("KORSAT-7", &pass, "4 min", hm);
        assert_eq!(
            text,
            "KORSAT-7 in 4 min: look NNE (bearing 17°, 25° up) at 21:39; highest 25° up in the NNE; \
sets at 21:41. Magnitude 2.0, easy to see."
        );
    }

    #[test]
    fn not_visible_pass_says_why() {
        let text = plain_description(&crafted(None), hm);
        assert!(
            text.contains("not visible to the eye (in Earth's shadow)"),
            "{text}"
        );
        assert!(
            text.contains("highest 51° up in the ENE (bearing 68°) at 21:37"),
            "{text}"
        );
    }

    #[test]
    fn fists_for_forty_degrees() {
        assert_eq!(fists(41.0), "about four fists above the horizon");
    }
}
