//! Every satellite asked for is accounted for: how many passes and visible passes it has
//! in the window, and, where it has none to see, when it is next seen (a search ahead), in
//! one sentence: "MALLIGYONG-1: no visible pass in these 2 days; next visible Tue 01 Sep
//! 21:12 (from the NNW, 35° up)". Shared by the command line's table and JSON, the handout
//! and the window.

use chrono::{DateTime, Duration, Utc};

use super::{SatelliteNote, SeenPart, compass_point};
use crate::orbit::{
    ElementSet, LOOK_AHEAD_DAYS, NextVisible, ObserverFrame, Pass, PassList, PassSearch, Satellite,
    SkyPresence, next_visible_pass,
};
use crate::t;
use crate::timefmt::TimeFormatter;

/// How the window of a search is named in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowWords {
    /// From dusk to dawn: "tonight".
    Tonight,
    /// A stretch of time from its start to its end: "in these 2 days", "in these 12 hours".
    Span {
        /// Start, UTC.
        start: DateTime<Utc>,
        /// End, UTC.
        end: DateTime<Utc>,
    },
}

impl WindowWords {
    /// The words, in the thread's language.
    pub fn words(self) -> String {
        match self {
            Self::Tonight => t!("words-unseen-window", kind = "tonight", count = 0),
            Self::Span { start, end } => {
                let hours = ((end - start).num_minutes() as f64 / 60.0).round() as i64;
                if hours >= 48 && hours % 24 == 0 {
                    t!("words-unseen-window", kind = "days", count = hours / 24)
                } else {
                    t!("words-unseen-window", kind = "hours", count = hours.max(1))
                }
            }
        }
    }
}

impl SatelliteNote {
    /// The note on a satellite searched over a window ending at `end`: its presence, its
    /// passes (`list`, before any filtering) and how many of them a naked eye may see under
    /// a sky showing stars to `limiting_magnitude`, the standard magnitude being uncertain
    /// by `sigma` ([`Pass::may_be_seen`]; the first of those is its `next_visible`). No
    /// search ahead yet ([`SatelliteNote::look_ahead`]).
    pub fn of(
        set: &ElementSet,
        list: &PassList,
        end: DateTime<Utc>,
        limiting_magnitude: f64,
        sigma: f64,
    ) -> Self {
        let mut visible = list
            .passes
            .iter()
            .filter(|p| p.may_be_seen(limiting_magnitude, sigma));
        let next_visible = visible.next().cloned();
        Self {
            norad_id: set.norad_id,
            name: set.name.clone(),
            presence: presence_tag(list.presence),
            error: list.stopped_early.as_ref().map(ToString::to_string),
            passes: list.passes.len(),
            visible_passes: usize::from(next_visible.is_some()) + visible.count(),
            next_visible,
            searched_until: end,
            rises_ahead: None,
        }
    }

    /// True when a search ahead would help: nothing to see in the window, and the search
    /// itself did not fail.
    pub fn wants_look_ahead(&self) -> bool {
        self.visible_passes == 0 && self.error.is_none() && self.presence != "always_above"
    }

    /// Takes in what a search ahead from the window's end found.
    pub fn add_ahead(&mut self, ahead: NextVisible) {
        self.next_visible = ahead.pass;
        self.searched_until = ahead.searched_until;
        self.rises_ahead = Some(ahead.rises);
        if let Some(e) = ahead.stopped_early {
            self.error = Some(e.to_string());
        }
    }

    /// Searches ahead of the window (up to [`LOOK_AHEAD_DAYS`] past `self.searched_until`)
    /// for the next pass a naked eye can see, when [`SatelliteNote::wants_look_ahead`].
    pub fn look_ahead(
        &mut self,
        sat: &Satellite,
        frame: &ObserverFrame,
        search: &PassSearch,
        std_magnitude: Option<f64>,
        limiting_magnitude: f64,
        sigma: f64,
    ) {
        if !self.wants_look_ahead() {
            return;
        }
        let from = self.searched_until;
        let ahead = next_visible_pass(
            sat,
            frame,
            from,
            from + Duration::days(LOOK_AHEAD_DAYS),
            search,
            std_magnitude,
            |p: &Pass| p.may_be_seen(limiting_magnitude, sigma),
        );
        self.add_ahead(ahead);
    }

    /// The sentence for a satellite with no pass to see in the window, in the thread's
    /// language, times by `fmt`; None when it has one (or its search failed: the error says
    /// why, elsewhere).
    pub fn unseen_words(&self, window: WindowWords, fmt: &TimeFormatter) -> Option<String> {
        if self.visible_passes > 0 || self.error.is_some() || self.presence == "always_above" {
            return None;
        }
        let sat = crate::text::clean(&self.name, crate::text::NAME_CHARS);
        let window = window.words();
        let seen = self.next_visible.as_ref().and_then(SeenPart::of);
        Some(match (seen, self.rises_ahead) {
            (Some(seen), _) => t!(
                "words-unseen-next",
                sat = sat,
                window = window,
                date = fmt.date(seen.start.time),
                time = fmt.hm(seen.start.time),
                dir = compass_point(seen.start.azimuth_deg),
                height = format!("{:.0}", seen.peak.elevation_deg)
            ),
            (None, None) => t!("words-unseen-plain", sat = sat, window = window),
            (None, Some(false)) if self.presence == "never_above" => t!(
                "words-unseen-never-rises",
                sat = sat,
                days = LOOK_AHEAD_DAYS
            ),
            (None, Some(_)) => t!(
                "words-unseen-none",
                sat = sat,
                window = window,
                days = LOOK_AHEAD_DAYS
            ),
        })
    }
}

/// The JSON tag of a presence: "passes", "always_above", "never_above", "not_searched".
pub fn presence_tag(presence: SkyPresence) -> &'static str {
    match presence {
        SkyPresence::Passes => "passes",
        SkyPresence::AlwaysAbove => "always_above",
        SkyPresence::NeverAbove => "never_above",
        SkyPresence::NotSearched => "not_searched",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_language};
    use crate::orbit::{Appears, Vanishes};
    use crate::report::fixtures::{at, crafted};

    fn note(
        next: Option<Pass>,
        rises_ahead: Option<bool>,
        presence: &'static str,
    ) -> SatelliteNote {
        SatelliteNote {
            norad_id: 58400,
            name: "MALLIGYONG-1".to_owned(),
            presence,
            error: None,
            passes: 2,
            visible_passes: 0,
            next_visible: next,
            searched_until: "2026-09-01T12:40:00Z".parse().unwrap(),
            rises_ahead,
        }
    }

    #[test]
    fn a_satellite_without_a_visible_pass_says_when_it_is_next_seen() {
        let (start, peak, end) = (
            at(9.0, 337.0, 20.0),
            at(11.0, 40.0, 35.0),
            at(13.0, 90.0, 10.0),
        );
        let pass = crafted(Some((start, peak, end, Appears::Rises, Vanishes::Sets)));
        let window = WindowWords::Span {
            start: "2026-08-22T12:00:00Z".parse().unwrap(),
            end: "2026-08-24T12:00:00Z".parse().unwrap(),
        };
        let utc = TimeFormatter::utc();
        with_language(Lang::En, || {
            assert_eq!(
                note(Some(pass.clone()), Some(true), "passes")
                    .unseen_words(window, &utc)
                    .unwrap(),
                "MALLIGYONG-1: no visible pass in these 2 days; next visible Sat 22 Aug 21:39 \
                 (from the NNW, 35° up)"
            );
            assert_eq!(
                note(None, Some(false), "never_above")
                    .unseen_words(WindowWords::Tonight, &utc)
                    .unwrap(),
                "MALLIGYONG-1: never rises here (not in the next 30 days either)"
            );
            // It rises, but only by day or in the shadow: not "never rises".
            let words = note(None, Some(true), "never_above")
                .unseen_words(WindowWords::Tonight, &utc)
                .unwrap();
            assert!(!words.contains("never rises"), "{words}");
            assert!(words.contains("no visible pass tonight"), "{words}");
        });
        with_language(Lang::Ko, || {
            let words = note(Some(pass), Some(true), "passes")
                .unseen_words(window, &utc)
                .unwrap();
            assert!(words.contains("2일 동안"), "{words}");
            assert!(words.contains("북북서"), "{words}");
        });
    }
}
