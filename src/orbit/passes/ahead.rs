//! Searching ahead: the next pass a satellite shows after a window that had none to see.
//!
//! A satellite asked for by name must never just be missing from a list: when a window
//! has no pass of it an observer can see, [`next_visible_pass`] looks on, in stretches that
//! double (2, 4, 8, 16 days…) up to a limit, and stops at the first pass that serves, so a
//! satellite seen next week costs a few days of search, not the whole month.

use chrono::{DateTime, Duration, Utc};

use super::find_passes;
use super::pass::{Pass, PassSearch, SkyPresence};
use crate::orbit::frames::ObserverFrame;
use crate::orbit::propagate::{PropagationError, Satellite};

/// How far a search ahead looks past the window by default, days.
pub const LOOK_AHEAD_DAYS: i64 = 30;

/// The first stretch of a search ahead, days; each next one is twice as long.
const FIRST_STRETCH_DAYS: i64 = 2;

/// What a search ahead found.
#[derive(Debug, Clone, PartialEq)]
pub struct NextVisible {
    /// The first pass after the start that was wanted, if one came before the limit.
    pub pass: Option<Pass>,
    /// How far the search went: the end of the pass found, the limit, or where it stopped.
    pub searched_until: DateTime<Utc>,
    /// Whether the satellite rose above the horizon at all in the time searched.
    pub rises: bool,
    /// Whether it stayed above the horizon throughout (a geostationary satellite in view).
    pub always_above: bool,
    /// Why the search stopped early (decay, or the limit too far from the epoch).
    pub stopped_early: Option<PropagationError>,
}

/// The first pass of `sat` over `frame` from `from` to `until` that `wanted` accepts (for
/// example one a naked eye can see), searched in doubling stretches; see the module docs.
/// `search` and `std_magnitude` are as for [`find_passes`].
pub fn next_visible_pass(
    sat: &Satellite,
    frame: &ObserverFrame,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    search: &PassSearch,
    std_magnitude: Option<f64>,
    wanted: impl Fn(&Pass) -> bool,
) -> NextVisible {
    let mut found = NextVisible {
        pass: None,
        searched_until: from,
        rises: false,
        always_above: true,
        stopped_early: None,
    };
    let mut start = from;
    let mut days = FIRST_STRETCH_DAYS;
    while start < until {
        let end = (start + Duration::days(days)).min(until);
        let list = find_passes(sat, frame, start, end, search, std_magnitude);
        found.rises |= list.presence == SkyPresence::Passes;
        found.always_above &= list.presence == SkyPresence::AlwaysAbove;
        found.searched_until = end;
        // A pass under way at `from` belongs to the window before it.
        if let Some(pass) = list
            .passes
            .into_iter()
            .find(|p| p.rise.time >= from && wanted(p))
        {
            found.searched_until = pass.set.time;
            found.pass = Some(pass);
            return found;
        }
        if let Some(e) = list.stopped_early {
            found.stopped_early = Some(e);
            return found;
        }
        start = end;
        days *= 2;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orbit::{Observer, parse_elements};

    #[test]
    fn the_next_visible_pass_is_found_and_the_search_stops_there() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/fixture_elements.tle"
        ))
        .unwrap();
        let set = parse_elements(&text, "fixture")
            .unwrap()
            .sets
            .into_iter()
            .find(|s| s.norad_id == 25544)
            .unwrap();
        let sat = Satellite::new(set);
        let frame = ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0));
        let from: DateTime<Utc> = "2026-08-22T12:00:00Z".parse().unwrap();
        let until = from + Duration::days(LOOK_AHEAD_DAYS);
        let search = PassSearch::default();
        let next = next_visible_pass(&sat, &frame, from, until, &search, Some(-2.5), |p| {
            p.is_visible
        });
        let pass = next
            .pass
            .expect("the ISS is seen from Seoul within a month");
        assert!(pass.is_visible && pass.rise.time >= from);
        assert_eq!(next.searched_until, pass.set.time);
        assert!(next.rises && !next.always_above);
        // Nothing in the whole month passes this test: the search runs to the limit.
        let none = next_visible_pass(&sat, &frame, from, until, &search, None, |_| false);
        assert_eq!((none.pass, none.searched_until), (None, until));
    }
}
