//! The words of a report: compass points, heights and bearings, how bright a magnitude
//! looks, the plain-language description and alert of a pass, the coordinates of an
//! observer, the Moon's note and the calendar event's text. Every English sentence the
//! writers (JSON, CSV, iCalendar) and the window show about a pass lives here, so that a
//! translation touches this file alone.

use chrono::{DateTime, Utc};

use super::magnitude_words::{brightness_level, brightness_short, brightness_words};
use super::{MoonNearPass, PassRecord, SeenPart};
use crate::i18n::{self, Lang, static_word};
use crate::orbit::{
    Appears, BrightVerdict, MagnitudeEstimate, NotVisibleReason, Observer, ObserverFrame, Pass,
    PassPoint, Vanishes,
};
use crate::t;

/// In Korean, a time at the start of `time` said as words: "21:39" → "21시 39분",
/// "21:39:05" → "21시 39분 5초" (and "21:39 KST (12:39 UTC)" → "21시 39분 KST (12:39
/// UTC)"); other languages keep it.
pub fn spoken_time(time: String) -> String {
    if i18n::language() != Lang::Ko {
        return time;
    }
    let b = time.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if digits(0..2) && b.get(2) == Some(&b':') && digits(3..5) {
        let (h, m) = (&time[0..2], &time[3..5]);
        if b.get(5) == Some(&b':') && digits(6..8) {
            // "05" is said "5초".
            let s = time[6..8].trim_start_matches('0');
            let s = if s.is_empty() { "0" } else { s };
            format!("{h}시 {m}분 {s}초{}", &time[8..])
        } else {
            format!("{h}시 {m}분{}", &time[5..])
        }
    } else {
        time
    }
}

/// The keys of the 16 compass points, from north clockwise.
const POINT_KEYS: [&str; 16] = [
    "words-point-n",
    "words-point-nne",
    "words-point-ne",
    "words-point-ene",
    "words-point-e",
    "words-point-ese",
    "words-point-se",
    "words-point-sse",
    "words-point-s",
    "words-point-ssw",
    "words-point-sw",
    "words-point-wsw",
    "words-point-w",
    "words-point-wnw",
    "words-point-nw",
    "words-point-nnw",
];

/// The 16-point compass name of an azimuth in degrees (north = 0, east = 90), in the
/// thread's language ("NNE", "북북동").
pub fn compass_point(azimuth_deg: f64) -> &'static str {
    let index = ((azimuth_deg.rem_euclid(360.0) / 22.5) + 0.5).floor() as usize % 16;
    static_word(POINT_KEYS[index])
}

/// The 8-point compass direction in words, for plain-language text ("north-west").
pub fn compass_words(azimuth_deg: f64) -> &'static str {
    const WORDS: [&str; 8] = [
        "words-dir-n",
        "words-dir-ne",
        "words-dir-e",
        "words-dir-se",
        "words-dir-s",
        "words-dir-sw",
        "words-dir-w",
        "words-dir-nw",
    ];
    let index = ((azimuth_deg.rem_euclid(360.0) / 45.0) + 0.5).floor() as usize % 8;
    static_word(WORDS[index])
}

/// The number of fists (about 10° each at arm's length) for an elevation, 0 to 9 (9 and
/// more read as "straight overhead").
fn fist_count(elevation_deg: f64) -> i64 {
    ((elevation_deg / 10.0).round() as i64).clamp(0, 9)
}

/// Elevation as a number of fists held at arm's length (about 10° each), in words.
pub fn fists(elevation_deg: f64) -> String {
    t!("words-fists", count = fist_count(elevation_deg))
}

/// A bearing rounded to a whole degree in [0, 360) (359.6° reads as 0°, not 360°).
pub fn whole_bearing_deg(azimuth_deg: f64) -> f64 {
    azimuth_deg.rem_euclid(360.0).round() % 360.0
}

/// A whole-degree bearing as text ("17").
fn bearing_text(azimuth_deg: f64) -> String {
    format!("{:.0}", whole_bearing_deg(azimuth_deg))
}

/// A whole-degree height above the horizon as text ("25"; never below 0).
fn height_text(elevation_deg: f64) -> String {
    format!("{:.0}", elevation_deg.max(0.0).round())
}

/// A direction no one can mistake for a height: "NNE (bearing 17°)".
pub fn bearing_words(azimuth_deg: f64) -> String {
    t!(
        "words-bearing",
        point = compass_point(azimuth_deg),
        bearing = bearing_text(azimuth_deg)
    )
}

/// A height no one can mistake for a direction: "25° up".
pub fn height_words(elevation_deg: f64) -> String {
    t!("words-height", height = height_text(elevation_deg))
}

/// Where to look at one point of a pass: "NNE (bearing 17°, 25° up)".
pub fn look_words(point: &PassPoint) -> String {
    t!(
        "words-look",
        point = compass_point(point.azimuth_deg),
        bearing = bearing_text(point.azimuth_deg),
        height = height_text(point.elevation_deg)
    )
}

/// The selector value of how a seen part begins, as in the messages.
fn appears_tag(appears: Appears) -> &'static str {
    match appears {
        Appears::Rises => "rises",
        Appears::LeavesShadow => "shadow",
        Appears::SkyDarkens => "dusk",
    }
}

/// The selector value of how a seen part ends, as in the messages.
fn vanishes_tag(vanishes: Vanishes) -> &'static str {
    match vanishes {
        Vanishes::Sets => "sets",
        Vanishes::EntersShadow => "shadow",
        Vanishes::SkyBrightens => "dawn",
    }
}

/// How a visible pass ends, for tables: "sets", "into shadow" or "dawn".
pub fn vanishes_short(vanishes: Vanishes) -> String {
    t!("words-vanishes-short", vanishes = vanishes_tag(vanishes))
}

/// How a visible pass begins, for tables: "rises", "from shadow" or "dusk".
pub fn appears_short(appears: Appears) -> String {
    t!("words-appears-short", appears = appears_tag(appears))
}

/// Why a pass cannot be seen, in words: "too low", "daylight", "in Earth's shadow".
/// (JSON and CSV keep [`NotVisibleReason::phrase`], which is English data.)
pub fn not_visible_words(reason: NotVisibleReason) -> &'static str {
    static_word(match reason {
        NotVisibleReason::TooLow => "words-why-too-low",
        NotVisibleReason::Daylight => "words-why-daylight",
        NotVisibleReason::EarthShadow => "words-why-shadow",
    })
}

/// A description of a pass that a pupil understands, with times formatted by `time`.
///
/// For a visible pass it follows the seen part: where to look first, how high it gets
/// while seen, where and how it is lost (sets, fades into Earth's shadow, or the dawn),
/// then how bright it is ("Look NNE (bearing 17°, 12° up) at 21:39, where it rises. It
/// climbs to 51° up (about five fists) in the ENE at 21:41, then fades into Earth's shadow
/// in the E (bearing 95°, 30° up) at 21:43. Easy to see, like a bright star (magnitude
/// 1.8)."). The sentences are whole messages in the thread's language
/// (`words-plain-visible`, `words-plain-not-visible`), so each language orders its clauses.
pub fn plain_description(pass: &Pass, time: impl Fn(DateTime<Utc>) -> String) -> String {
    plain_description_estimated(pass, None, time)
}

/// [`plain_description`] for a pass whose magnitude was predicted from the standard
/// magnitude `estimate`: an estimate's brightness is told as a range with its basis.
pub fn plain_description_estimated(
    pass: &Pass,
    estimate: Option<&MagnitudeEstimate>,
    time: impl Fn(DateTime<Utc>) -> String,
) -> String {
    let time = |t| spoken_time(time(t));
    let Some(seen) = SeenPart::of(pass) else {
        let top = &pass.culmination;
        let why = pass
            .not_visible_reason
            .map_or_else(|| static_word("words-why-unknown"), not_visible_words);
        return t!(
            "words-plain-not-visible",
            rise_time = time(pass.rise.time),
            set_time = time(pass.set.time),
            why = why,
            peak_height = height_text(top.elevation_deg),
            peak_point = compass_point(top.azimuth_deg),
            peak_bearing = bearing_text(top.azimuth_deg),
            peak_time = time(top.time),
        );
    };
    let (start, peak, end) = (&seen.start, &seen.peak, &seen.end);
    // A peak more than 1 s from either end is a climb and a descent; otherwise the
    // whole seen part goes one way.
    let apart = |a: &PassPoint, b: &PassPoint| (a.time - b.time).num_milliseconds().abs() > 1000;
    let shape = if apart(peak, start) && apart(peak, end) {
        "peak"
    } else if apart(peak, start) {
        "climbs"
    } else {
        "sinks"
    };
    let place = if seen.vanishes == Vanishes::EntersShadow && end.elevation_deg >= 45.0 {
        "high"
    } else if seen.vanishes == Vanishes::Sets {
        "low"
    } else {
        "plain"
    };
    let brightness = match (pass.magnitude, estimate.filter(|e| !e.is_measured())) {
        (Some(mag), Some(e)) => t!(
            "words-brightness-estimated",
            level = brightness_level(mag),
            estimated = super::magnitude_words(mag, Some(e))
        ),
        (Some(mag), None) => brightness_words(mag),
        (None, _) => t!("words-brightness-unknown"),
    };
    t!(
        "words-plain-visible",
        start_point = compass_point(start.azimuth_deg),
        start_bearing = bearing_text(start.azimuth_deg),
        start_height = height_text(start.elevation_deg),
        start_time = time(start.time),
        appears = appears_tag(seen.appears),
        shape = shape,
        peak_height = height_text(peak.elevation_deg),
        peak_fists = t!("words-fists-short", count = fist_count(peak.elevation_deg)),
        peak_point = compass_point(peak.azimuth_deg),
        peak_bearing = bearing_text(peak.azimuth_deg),
        peak_time = time(peak.time),
        vanishes = vanishes_tag(seen.vanishes),
        place = place,
        end_point = compass_point(end.azimuth_deg),
        end_bearing = bearing_text(end.azimuth_deg),
        end_height = height_text(end.elevation_deg),
        end_time = time(end.time),
        brightness = brightness,
    )
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
    alert_text_estimated(name, pass, None, until_start, time)
}

/// [`alert_text`] for a pass whose magnitude was predicted from `estimate`.
pub fn alert_text_estimated(
    name: &str,
    pass: &Pass,
    estimate: Option<&MagnitudeEstimate>,
    until_start: &str,
    time: impl Fn(DateTime<Utc>) -> String,
) -> String {
    match seen_directions_estimated(pass, estimate, time) {
        Some(directions) => t!(
            "words-alert",
            sat = name,
            until = until_start,
            directions = lower_first(&directions)
        ),
        None => t!("words-alert-rises", sat = name, until = until_start),
    }
}

/// Where to look for the seen part of a pass, in one sentence with the brightness: "Look
/// NNE (bearing 17°, 12° up) at 21:39; highest 51° up in the ENE; fades into Earth's
/// shadow at 21:43. Magnitude −2.1, very bright." None when the pass is not visible.
pub fn seen_directions(pass: &Pass, time: impl Fn(DateTime<Utc>) -> String) -> Option<String> {
    seen_directions_estimated(pass, None, time)
}

/// [`seen_directions`] for a pass whose magnitude was predicted from `estimate`.
pub fn seen_directions_estimated(
    pass: &Pass,
    estimate: Option<&MagnitudeEstimate>,
    time: impl Fn(DateTime<Utc>) -> String,
) -> Option<String> {
    let time = |t| spoken_time(time(t));
    let seen = SeenPart::of(pass)?;
    let brightness = match pass.magnitude {
        Some(m) if estimate.is_some_and(|e| !e.is_measured()) => t!(
            "words-seen-brightness-estimated",
            estimated = super::magnitude_words(m, estimate),
            short = brightness_short(m)
        ),
        Some(m) => t!(
            "words-seen-brightness",
            mag = format!("{m:.1}"),
            short = brightness_short(m)
        ),
        None => t!("words-seen-brightness-unknown"),
    };
    Some(t!(
        "words-seen",
        start_point = compass_point(seen.start.azimuth_deg),
        start_bearing = bearing_text(seen.start.azimuth_deg),
        start_height = height_text(seen.start.elevation_deg),
        start_time = time(seen.start.time),
        peak_height = height_text(seen.peak.elevation_deg),
        peak_point = compass_point(seen.peak.azimuth_deg),
        vanishes = vanishes_tag(seen.vanishes),
        end_time = time(seen.end.time),
        brightness = brightness,
    ))
}

/// `text` with its first letter in lower case ("Look" → "look").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// "37.5665° N, 126.9780° E, 38 m": where an observer stands, for titles and hovers.
pub fn coordinates_words(observer: &Observer) -> String {
    t!(
        "words-coordinates",
        lat = format!("{:.4}", observer.latitude_deg.abs()),
        ns = if observer.latitude_deg >= 0.0 {
            "n"
        } else {
            "s"
        },
        lon = format!("{:.4}", observer.longitude_deg.abs()),
        ew = if observer.longitude_deg >= 0.0 {
            "e"
        } else {
            "w"
        },
        alt = format!("{:.0}", observer.altitude_m),
    )
}

impl MoonNearPass {
    /// "Bright Moon (78% lit) 15° from the path."
    pub fn words(&self) -> String {
        t!(
            "words-moon-near",
            lit = format!("{:.0}", self.moon.illuminated_fraction * 100.0),
            deg = format!("{:.0}", self.separation_deg)
        )
    }
}

/// Limiting-magnitude presets: the faintest star the observer's sky shows (English labels;
/// [`sky_presets`] gives them in the thread's language).
pub const SKY_PRESETS: [(&str, f64); 4] = [
    ("City (mag 3)", 3.0),
    ("Suburb (mag 4)", 4.0),
    ("Dark site (mag 5.5)", 5.5),
    ("Binoculars (mag 7.5)", 7.5),
];

/// [`SKY_PRESETS`] with their labels in the thread's language.
pub fn sky_presets() -> [(&'static str, f64); 4] {
    [
        (static_word("words-sky-city"), 3.0),
        (static_word("words-sky-suburb"), 4.0),
        (static_word("words-sky-dark"), 5.5),
        (static_word("words-sky-binoculars"), 7.5),
    ]
}

/// The one-line title of a pass's calendar event: "ISS (ZARYA) pass, max 51° ENE (visible,
/// magnitude -2.1)"; `limiting_magnitude` judges whether it is too faint to see.
pub fn event_summary(r: &PassRecord, limiting_magnitude: f64) -> String {
    let p = &r.pass;
    let seen = SeenPart::of(p);
    let verdict = r.bright_verdict(limiting_magnitude);
    let (state, mag) = match (seen, p.magnitude) {
        (Some(_), Some(m)) if verdict == Some(BrightVerdict::No) => ("faint", format!("{m:.1}")),
        (Some(_), Some(m)) if verdict == Some(BrightVerdict::Maybe) => {
            ("maybe", super::magnitude_cell(m, r.standard_magnitude()))
        }
        (Some(_), Some(m)) => ("visible", super::magnitude_cell(m, r.standard_magnitude())),
        (Some(_), None) => ("unknown", String::new()),
        (None, _) => ("hidden", String::new()),
    };
    let visibility = if state == "maybe" {
        t!("words-event-visibility-maybe", mag = mag)
    } else {
        t!(
            "words-event-visibility",
            state = state,
            mag = mag,
            why = p.not_visible_reason.map_or("", not_visible_words)
        )
    };
    let top = seen.map_or(p.culmination, |s| s.peak);
    t!(
        "words-event-summary",
        sat = r.shown_name(),
        height = format!("{:.0}", top.elevation_deg),
        point = compass_point(top.azimuth_deg),
        visibility = visibility
    )
}

/// The calendar event's description of a pass, one line each: the plain description, where
/// its standard magnitude comes from, the Moon's note, where it appears, peaks and vanishes,
/// rise, highest and set, and the age of the elements; times shown by `both` (local with UTC
/// in brackets), each with its ± once that passes a few seconds
/// ([`super::time_with_plus_minus`]).
pub fn event_description(
    r: &PassRecord,
    observer: &Observer,
    frame: &ObserverFrame,
    both: impl Fn(DateTime<Utc>) -> String,
) -> String {
    let uncertainty_s = r.timing_uncertainty_s();
    let both = |t| super::time_with_plus_minus(both(t), uncertainty_s);
    let p = &r.pass;
    let seen = SeenPart::of(p);
    let angle = |label: &str, q: &PassPoint| {
        t!(
            "words-event-point",
            label = label,
            time = both(q.time),
            look = look_words(q),
            range_km = format!("{:.0}", q.range_km)
        )
    };
    let mut description = vec![plain_description_estimated(p, r.standard_magnitude(), both)];
    if let Some(e) = r.standard_magnitude().filter(|_| p.magnitude.is_some()) {
        description.push(super::estimate_hover(e));
    }
    if let Some(moon) = MoonNearPass::of(p, frame).filter(MoonNearPass::is_worth_noting) {
        description.push(moon.words());
    }
    if let Some(seen) = seen {
        description.push(angle(&t!("words-event-appears"), &seen.start));
        description.push(angle(&t!("words-event-highest-seen"), &seen.peak));
        description.push(angle(&t!("words-event-vanishes"), &seen.end));
    }
    description.push(angle(&t!("words-event-rise"), &p.rise));
    description.push(angle(&t!("words-event-highest"), &p.culmination));
    description.push(angle(&t!("words-event-set"), &p.set));
    let (when, age_days) = super::element_age(r.element_age_days());
    description.push(t!(
        "words-event-elements",
        when = when,
        age_days = age_days,
        timing = super::plus_minus_words(r.timing_uncertainty_s()),
        lat = format!("{:.4}", observer.latitude_deg),
        lon = format!("{:.4}", observer.longitude_deg)
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
    /// Runs `f` with the test thread speaking Korean.
    fn ko<R>(f: impl FnOnce() -> R) -> R {
        crate::i18n::with_language(Lang::Ko, f)
    }

    #[test]
    fn korean_description_of_a_pass_out_of_shadow_that_sets() {
        let (start, end) = (at(9.0, 17.0, 32.0), at(11.3, 359.0, 10.0));
        let pass = crafted(Some((
            start,
            start,
            end,
            Appears::LeavesShadow,
            Vanishes::Sets,
        )));
        assert_eq!(
            ko(|| plain_description(&pass, hm)),
            "21시 39분, 북북동쪽 하늘(방위각 17°, 고도 32°)을 보세요. 지구 그림자에서 나와 나타나요. \
그곳이 가장 높은 곳(주먹 세 개 높이)이고, 21시 41분에 북쪽 낮은 하늘(방위각 359°, 고도 10°)에서 \
사라져요. 밝기는 알 수 없어요."
        );
    }

    #[test]
    fn korean_description_climbs_then_fades_into_shadow() {
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
        let text = ko(|| plain_description(&pass, hm));
        assert!(
            text.starts_with(
                "21시 32분, 남남동쪽 하늘(방위각 160°, 고도 12°)을 보세요. 거기서 나타나요."
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "21시 37분에 동북동쪽 하늘(방위각 68°) 고도 51°(주먹 다섯 개 높이)까지 올라갔다가,"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "21시 39분에 북북동쪽 높은 하늘(방위각 30°, 고도 48°)에서 지구 그림자 속으로 들어가 사라져요."
            ),
            "{text}"
        );
        assert!(
            text.ends_with("밝은 별처럼 쉽게 보여요(1.8등급)."),
            "{text}"
        );
        // English on the same thread afterwards: the language was the test's own.
        assert!(plain_description(&pass, hm).starts_with("Look SSE"));
    }

    #[test]
    fn korean_not_visible_pass_says_why() {
        let text = ko(|| plain_description(&crafted(None), hm));
        assert_eq!(
            text,
            "21시 31분부터 21시 43분까지 지평선 위에 있지만 맨눈으로는 보이지 않아요(지구 그림자 속). \
21시 37분에 동북동쪽 하늘(방위각 68°) 고도 51°까지 올라가요."
        );
    }

    #[test]
    fn korean_alert_and_words() {
        let (start, end) = (at(9.0, 17.0, 25.0), at(11.0, 354.0, 12.0));
        let mut pass = crafted(Some((
            start,
            start,
            end,
            Appears::LeavesShadow,
            Vanishes::Sets,
        )));
        pass.magnitude = Some(2.0);
        ko(|| {
            assert_eq!(
                alert_text("ISS (ZARYA)", &pass, "1분 7초", hm),
                "ISS (ZARYA) 1분 7초 뒤: 21시 39분, 북북동쪽 하늘(방위각 17°, 고도 25°)을 보세요. \
가장 높을 때는 북북동쪽 고도 25°이고, 21시 41분에 사라져요. 밝기 2.0등급, 잘 보임."
            );
            assert_eq!(
                alert_text("KORSAT-7", &crafted(None), "3분 00초", hm),
                "KORSAT-7, 3분 00초 뒤에 떠요."
            );
            let points: Vec<&str> = (0..16)
                .map(|i| compass_point(f64::from(i) * 22.5))
                .collect();
            assert_eq!(
                points.join(" "),
                "북 북북동 북동 동북동 동 동남동 남동 남남동 남 남남서 남서 서남서 서 서북서 북서 북북서"
            );
            assert_eq!(fists(41.0), "지평선에서 주먹 네 개쯤 위");
            assert_eq!(fists(95.0), "머리 바로 위");
            assert_eq!(brightness_short(-3.0), "아주 밝음");
            assert_eq!(
                not_visible_words(NotVisibleReason::Daylight),
                "낮이라 하늘이 밝음"
            );
            assert_eq!(appears_short(Appears::Rises), "뜸");
            assert_eq!(vanishes_short(Vanishes::EntersShadow), "그림자 속");
            let seoul = Observer {
                latitude_deg: 37.5665,
                longitude_deg: 126.978,
                altitude_m: 38.0,
            };
            assert_eq!(
                coordinates_words(&seoul),
                "북위 37.5665°, 동경 126.9780°, 높이 38 m"
            );
        });
        // The cached words follow the thread's language, not the first caller's.
        assert_eq!(compass_point(22.5), "NNE");
        assert_eq!(
            coordinates_words(&Observer {
                latitude_deg: -33.9,
                longitude_deg: -70.6,
                altitude_m: 500.0,
            }),
            "33.9000° S, 70.6000° W, 500 m"
        );
    }

    #[test]
    fn every_word_exists_in_every_language() {
        for lang in Lang::ALL {
            crate::i18n::with_language(lang, || {
                let mut words: Vec<String> = (0..16)
                    .map(|i| compass_point(f64::from(i) * 22.5).to_owned())
                    .collect();
                words.extend((0..8).map(|i| compass_words(f64::from(i) * 45.0).to_owned()));
                words.extend(sky_presets().iter().map(|(w, _)| (*w).to_owned()));
                words.extend(
                    [
                        NotVisibleReason::TooLow,
                        NotVisibleReason::Daylight,
                        NotVisibleReason::EarthShadow,
                    ]
                    .map(|r| not_visible_words(r).to_owned()),
                );
                words.push(static_word("words-why-unknown").to_owned());
                for w in words {
                    assert!(!w.starts_with("words-") && !w.is_empty(), "{lang}: {w}");
                }
            });
        }
    }

    #[test]
    fn spoken_time_is_korean_only() {
        assert_eq!(spoken_time("21:39".to_owned()), "21:39");
        ko(|| {
            assert_eq!(spoken_time("21:39".to_owned()), "21시 39분");
            assert_eq!(spoken_time("21:39:05".to_owned()), "21시 39분 5초");
            assert_eq!(spoken_time("21:39:00".to_owned()), "21시 39분 0초");
            assert_eq!(
                spoken_time("21:39:45 KST (12:39:45 UTC)".to_owned()),
                "21시 39분 45초 KST (12:39:45 UTC)"
            );
            assert_eq!(
                spoken_time("21:39 KST (12:39 UTC)".to_owned()),
                "21시 39분 KST (12:39 UTC)"
            );
            assert_eq!(spoken_time("soon".to_owned()), "soon");
        });
    }
}
