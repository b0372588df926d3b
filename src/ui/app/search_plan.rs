//! Which pass search the views need, decided from the state and the clock alone (no egui),
//! so that a test can run a simulated night through it and count the searches it starts.
//!
//! The rule: a search is started when what is shown changes (the satellites, the place, the
//! thresholds, the window, a new catalog) or when its time window no longer covers the
//! clock, never because the clock moved a frame. Each window is a calendar fact:
//!
//! - **Hours**: from [`SEARCH_LEAD`] before the clock, for the chosen hours; it serves while
//!   the clock is in its first half, then the next one starts (at x1000 with 48 hours, once
//!   every 86 real seconds).
//! - **Tonight**: the night is found once ([`NightWindow`]) and kept until its dawn: from
//!   dusk to dawn, or, asked while the night is under way, from [`SEARCH_LEAD`] before the
//!   moment it was first asked. Its dusk and dawn are not searched again every frame (they
//!   wobble by a second between searches, and "now" moves), so one search serves the whole
//!   night and its rows stay; after dawn the next night is found and searched, once.
//!   Jumping the clock back before the moment the night was asked finds it again.

use chrono::{DateTime, Duration, Utc};

use crate::orbit::night::Night;
use crate::orbit::{Observer, PassSearch};
use crate::ui::jobs::PassRequest;
use crate::ui::view::SearchWindow;

/// A pass search starts this long before the simulated time, so that a pass in progress
/// is listed with its true rise.
pub(super) const SEARCH_LEAD: Duration = Duration::minutes(15);

/// What the views want searched, before the time window is chosen.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SearchWish {
    /// Catalog numbers, sorted and without repeats.
    pub(super) norad_ids: Vec<u64>,
    /// Where from.
    pub(super) observer: Observer,
    /// The thresholds (their `max_sun_elevation_deg` also sets tonight's darkness limit).
    pub(super) search: PassSearch,
    /// How far ahead.
    pub(super) window: SearchWindow,
    /// The language of the notes: switching it words them again (a new search).
    pub(super) lang: crate::i18n::Lang,
}

/// Tonight's search window, found once per night.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct NightWindow {
    /// The observer it was found for.
    observer: Observer,
    /// The darkness limit it was found for, degrees of the Sun's elevation.
    max_sun_elevation_deg: f64,
    /// When it was first asked (simulated time).
    asked_at: DateTime<Utc>,
    /// The night, as [`crate::orbit::night::night_of`] found it then.
    pub(super) night: Night,
    /// The search window; None where the sky does not get dark.
    pub(super) span: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// It serves until this instant (the night's dawn, or the end of the 24 hours searched).
    until: DateTime<Utc>,
}

impl NightWindow {
    /// The window of `night`, first asked at `asked_at`.
    fn new(
        observer: Observer,
        max_sun_elevation_deg: f64,
        asked_at: DateTime<Utc>,
        night: Night,
    ) -> Self {
        let (span, until) = match night {
            Night::Dark { dusk, dawn } => (Some((dusk.max(asked_at - SEARCH_LEAD), dawn)), dawn),
            Night::AlwaysDark { from, until } => (Some((from - SEARCH_LEAD, until)), until),
            Night::NeverDark { until } => (None, until),
        };
        Self {
            observer,
            max_sun_elevation_deg,
            asked_at,
            night,
            span,
            until,
        }
    }

    /// True when this window still serves at `t` for this observer and limit.
    fn serves(&self, observer: &Observer, max_sun_elevation_deg: f64, t: DateTime<Utc>) -> bool {
        self.observer == *observer
            && self.max_sun_elevation_deg == max_sun_elevation_deg
            && self.asked_at <= t
            && t < self.until
    }
}

/// Decides the searches; keeps tonight's window between frames.
#[derive(Debug, Default)]
pub(super) struct SearchPlan {
    night: Option<NightWindow>,
    /// How many times [`crate::orbit::night::night_of`] was asked (for tests).
    nights_found: u64,
}

impl SearchPlan {
    /// Tonight's window at `t` for `observer` and the darkness limit, finding the night with
    /// `night_of` only when the kept one no longer serves.
    pub(super) fn night(
        &mut self,
        observer: &Observer,
        max_sun_elevation_deg: f64,
        t: DateTime<Utc>,
        night_of: impl FnOnce(DateTime<Utc>) -> Night,
    ) -> &NightWindow {
        let kept = self
            .night
            .filter(|n| n.serves(observer, max_sun_elevation_deg, t));
        let window = match kept {
            Some(n) => n,
            None => {
                self.nights_found += 1;
                NightWindow::new(*observer, max_sun_elevation_deg, t, night_of(t))
            }
        };
        self.night.insert(window)
    }

    /// How many nights were found so far (one per night, place or limit).
    #[cfg(test)]
    fn nights_found(&self) -> u64 {
        self.nights_found
    }

    /// The search the views need at `t`, or None when `current` (running or done) still
    /// serves, or when there is nothing to search (a night that does not get dark).
    pub(super) fn wanted(
        &mut self,
        wish: SearchWish,
        current: Option<&PassRequest>,
        t: DateTime<Utc>,
        night_of: impl FnOnce(DateTime<Utc>) -> Night,
    ) -> Option<PassRequest> {
        let (start, end) = match wish.window {
            SearchWindow::Hours(hours) => {
                let start = t - SEARCH_LEAD;
                (start, start + Duration::hours(i64::from(hours.max(1))))
            }
            SearchWindow::Tonight => {
                self.night(
                    &wish.observer,
                    wish.search.max_sun_elevation_deg,
                    t,
                    night_of,
                )
                .span?
            }
        };
        if let Some(c) = current {
            let same = c.norad_ids == wish.norad_ids
                && c.observer == wish.observer
                && c.search == wish.search
                && c.lang == wish.lang;
            let serves = match wish.window {
                // Tonight's window is fixed by the night: the same window, the same search.
                SearchWindow::Tonight => c.start == start && c.end == end,
                SearchWindow::Hours(_) => {
                    let window = end - start;
                    c.end - c.start == window && t >= c.start && t <= c.start + window / 2
                }
            };
            if same && serves {
                return None;
            }
        }
        Some(PassRequest {
            norad_ids: wish.norad_ids,
            observer: wish.observer,
            start,
            end,
            search: wish.search,
            lang: wish.lang,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orbit::ObserverFrame;
    use crate::orbit::night::night_of;

    fn seoul() -> Observer {
        Observer::new(37.5665, 126.978, 38.0)
    }

    fn wish(ids: &[u64], observer: Observer, window: SearchWindow) -> SearchWish {
        SearchWish {
            norad_ids: ids.to_vec(),
            observer,
            search: PassSearch::default(),
            window,
            lang: crate::i18n::Lang::En,
        }
    }

    /// Runs the plan frame by frame (30 frames a real second) with the clock at `rate`,
    /// from `from` to `to` (simulated), a search finishing two frames after it starts; `at`
    /// changes the wish at given simulated instants. Returns the searches started.
    fn simulate(
        rate: f64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        mut wish_at: impl FnMut(DateTime<Utc>) -> SearchWish,
    ) -> (Vec<PassRequest>, SearchPlan) {
        let mut plan = SearchPlan::default();
        let mut started: Vec<PassRequest> = Vec::new();
        let mut running: Option<(PassRequest, u32)> = None;
        let mut done: Option<PassRequest> = None;
        let frame_s = rate / 30.0;
        let mut t = from;
        while t < to {
            if let Some((request, frames)) = running.take() {
                if frames >= 2 {
                    done = Some(request);
                } else {
                    running = Some((request, frames + 1));
                }
            }
            let wish = wish_at(t);
            let frame = ObserverFrame::new(wish.observer);
            let limit = wish.search.max_sun_elevation_deg;
            let current = running.as_ref().map(|(r, _)| r).or(done.as_ref());
            if let Some(request) = plan.wanted(wish, current, t, |t| night_of(&frame, t, limit)) {
                started.push(request.clone());
                running = Some((request, 0));
            }
            t += Duration::microseconds((frame_s * 1e6) as i64);
        }
        (started, plan)
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn tonight_is_searched_once_per_night_at_x60_and_x1000() {
        // Seoul, 22 Aug 2026: civil dusk about 19:45 KST (10:45 UTC), dawn 05:27 KST.
        // From 17:00 KST (08:00 UTC) through dusk, midnight and dawn to 09:00 KST.
        for rate in [60.0, 1000.0] {
            let (started, plan) = simulate(
                rate,
                at("2026-08-22T08:00:00Z"),
                at("2026-08-23T00:00:00Z"),
                |_| wish(&[25544], seoul(), SearchWindow::Tonight),
            );
            assert_eq!(started.len(), 2, "x{rate}: {started:#?}");
            // The evening's search covers the night from dusk to dawn.
            let first = &started[0];
            assert!(first.start > at("2026-08-22T10:30:00Z"), "{}", first.start);
            assert!(first.end > at("2026-08-22T20:20:00Z"), "{}", first.end);
            assert!(first.end < at("2026-08-22T20:40:00Z"), "{}", first.end);
            // After dawn, the next night, once.
            let second = &started[1];
            assert!(
                second.start > at("2026-08-23T10:30:00Z"),
                "{}",
                second.start
            );
            assert_eq!(plan.nights_found(), 2, "x{rate}");
        }
    }

    #[test]
    fn tonight_asked_in_the_night_starts_then_and_keeps_its_rows_till_dawn() {
        // Asked at 23:00 KST (14:00 UTC): the window starts 15 minutes before, and stays.
        let (started, _) = simulate(
            60.0,
            at("2026-08-22T14:00:00Z"),
            at("2026-08-22T20:00:00Z"),
            |_| wish(&[25544], seoul(), SearchWindow::Tonight),
        );
        assert_eq!(started.len(), 1, "{started:#?}");
        assert_eq!(started[0].start, at("2026-08-22T13:45:00Z"));
    }

    #[test]
    fn each_change_of_satellites_place_or_settings_is_one_search() {
        let paris = Observer::new(48.8534, 2.3488, 35.0);
        let stricter = PassSearch {
            min_elevation_deg: 30.0,
            ..PassSearch::default()
        };
        // At x1000 through a whole night: a satellite added at 11:00 UTC, the place moved at
        // 13:00, the thresholds changed at 15:00.
        let (started, _) = simulate(
            1000.0,
            at("2026-08-22T09:00:00Z"),
            at("2026-08-22T18:00:00Z"),
            |t| {
                let ids: &[u64] = if t < at("2026-08-22T11:00:00Z") {
                    &[25544]
                } else {
                    &[25544, 48274]
                };
                let observer = if t < at("2026-08-22T13:00:00Z") {
                    seoul()
                } else {
                    paris
                };
                let mut w = wish(ids, observer, SearchWindow::Tonight);
                if t >= at("2026-08-22T15:00:00Z") {
                    w.search = stricter;
                }
                w
            },
        );
        assert_eq!(started.len(), 4, "{started:#?}");
        // The satellite added keeps Seoul's night as it was first asked.
        assert_eq!(started[1].start, started[0].start);
        assert_eq!(started[1].norad_ids, vec![25544, 48274]);
        assert_eq!(started[2].observer, paris);
        assert_eq!(started[3].search, stricter);
    }

    #[test]
    fn the_next_hours_are_searched_again_only_when_half_the_window_has_passed() {
        // 48 hours at x1000 for two and a half simulated days: a new search when the clock
        // passes the middle of the window (every 23 h 45 min, the window starting 15 min
        // before the clock).
        let (started, _) = simulate(
            1000.0,
            at("2026-08-22T00:00:00Z"),
            at("2026-08-24T12:00:00Z"),
            |_| wish(&[25544], seoul(), SearchWindow::Hours(48)),
        );
        assert_eq!(started.len(), 3, "{started:#?}");
    }

    #[test]
    fn a_sky_that_stays_light_starts_no_search() {
        // Longyearbyen in August: the Sun never gets 6° below the horizon.
        let north = Observer::new(78.2232, 15.6267, 10.0);
        let (started, plan) = simulate(
            1000.0,
            at("2026-08-22T00:00:00Z"),
            at("2026-08-23T12:00:00Z"),
            |_| wish(&[25544], north, SearchWindow::Tonight),
        );
        assert!(started.is_empty(), "{started:#?}");
        // The never-dark verdict covers 24 hours: found twice in 36.
        assert_eq!(plan.nights_found(), 2);
    }
}
