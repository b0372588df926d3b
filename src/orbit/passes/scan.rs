//! Bracketing: the scan along the window, and the passes it brackets.
//!
//! Near the observer, samples are a twelfth of an orbit apart (at most 30 min); far
//! from it the scan skips as far as the bounds of [`super::bounds`] allow. A rise or set
//! is a sign change of `f` between two samples. A pass shorter than a step shows as the
//! derivative turning from rising to falling between two samples below the horizon: its
//! maximum is found, and if above the horizon, it is a pass. A step of P/12 cannot hide
//! two turning points. [`Finder::run`] then pairs rises with sets (searching before and
//! after the window for a pass cut by it) and builds each [`Pass`].

use std::cell::{Cell, OnceCell};

use crate::orbit::propagate::PropagationError;

use super::finder::Finder;
use super::interpolant::{Span, TrailSpans};
use super::pass::{Pass, PassList, SkyPresence};
use super::sample::Sample;

/// A rise or set: the sample at the crossing.
pub(super) enum Event {
    Rise(Sample),
    Set(Sample),
}

/// Buffers the search reuses from one satellite (and one pass) to the next on the same
/// thread: a catalog's week would otherwise allocate, grow and free them millions of times.
struct Scratch {
    /// The scan's rises and sets.
    events: Vec<Event>,
    /// The scan's samples near the observer.
    trail: Vec<Sample>,
    /// Each pass's rise and set.
    passes: Vec<(Sample, Sample)>,
    /// One pass's trail of exact samples.
    pass_trail: Vec<Sample>,
    /// The spans of one pass's trail.
    spans: Vec<OnceCell<Span>>,
}

impl Scratch {
    const fn new() -> Self {
        Self {
            events: Vec::new(),
            trail: Vec::new(),
            passes: Vec::new(),
            pass_trail: Vec::new(),
            spans: Vec::new(),
        }
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Self::new()
    }
}

thread_local! {
    static SCRATCH: Cell<Scratch> = const { Cell::new(Scratch::new()) };
}

impl Finder<'_> {
    /// Searches the window from minute `m_start` to `m_end` after the epoch.
    pub(super) fn run(&self, m_start: f64, m_end: f64) -> PassList {
        let mut scratch = SCRATCH.with(Cell::take);
        let list = self.run_with(m_start, m_end, &mut scratch);
        SCRATCH.with(|cell| cell.set(scratch));
        list
    }

    fn run_with(&self, m_start: f64, m_end: f64, scratch: &mut Scratch) -> PassList {
        self.window_minutes.set((m_start, m_end));
        let Scratch {
            events,
            trail,
            passes,
            pass_trail,
            spans,
        } = scratch;
        events.clear();
        trail.clear();
        passes.clear();
        // Room for a week of a low orbit's samples without growing.
        trail.reserve(512);
        let mut stopped_early = None;
        let first = match self.scan_sample(m_start) {
            Ok(s) => s,
            Err(e) => {
                return PassList {
                    passes: Vec::new(),
                    presence: SkyPresence::NeverAbove,
                    stopped_early: Some(e),
                };
            }
        };
        let up_at_start = first.f >= 0.0;
        let mut up = up_at_start;
        let mut current_rise = if up {
            match self.find_edge(first, -1.0) {
                Ok(found) => found,
                Err(e) => {
                    stopped_early = Some(e);
                    None
                }
            }
        } else {
            None
        };
        if stopped_early.is_none()
            && let Err(e) = self.scan(first, m_end, events, trail)
        {
            stopped_early = Some(e);
        }
        // A pass up at the start whose rise lies beyond our search starts at the window.
        let mut rise_missing = up && current_rise.is_none();
        for event in events.drain(..) {
            match event {
                Event::Rise(s) => {
                    current_rise = Some(s);
                    rise_missing = false;
                    up = true;
                }
                Event::Set(s) => {
                    let rise =
                        current_rise
                            .take()
                            .or(if rise_missing { Some(first) } else { None });
                    rise_missing = false;
                    if let Some(r) = rise {
                        passes.push((r, s));
                    }
                    up = false;
                }
            }
        }
        if up && stopped_early.is_none() {
            let rise = current_rise.or(if rise_missing { Some(first) } else { None });
            let last = trail.last().copied().unwrap_or(first);
            match self.find_edge(last, 1.0) {
                Ok(Some(set)) => {
                    if let Some(r) = rise {
                        passes.push((r, set));
                    }
                }
                Ok(None) => {
                    // Up as far as we looked on both sides with no crossing inside the
                    // window: a satellite that is always up has no passes to report.
                    if !(passes.is_empty() && up_at_start)
                        && let Some(r) = rise
                    {
                        passes.push((r, last));
                    }
                }
                Err(e) => stopped_early = Some(e),
            }
        }
        let presence = if !passes.is_empty() {
            SkyPresence::Passes
        } else if up_at_start {
            SkyPresence::AlwaysAbove
        } else {
            SkyPresence::NeverAbove
        };
        let mut out = Vec::with_capacity(passes.len());
        for &(rise, set) in passes.iter() {
            match self.build_pass(rise, set, trail, pass_trail, spans) {
                Ok(Some(pass)) => out.push(pass),
                Ok(None) => {}
                Err(e) => {
                    stopped_early = Some(e);
                    break;
                }
            }
        }
        PassList {
            passes: out,
            presence,
            stopped_early,
        }
    }

    /// Steps from `first` to `m_end`, pushing rise and set events in order and keeping
    /// the samples taken near the observer in `trail` (for interpolation later).
    pub(super) fn scan(
        &self,
        first: Sample,
        m_end: f64,
        events: &mut Vec<Event>,
        trail: &mut Vec<Sample>,
    ) -> Result<(), PropagationError> {
        let mut prev = first;
        trail.push(first);
        while prev.minutes < m_end {
            let (next_m, skipped) = if prev.safe_minutes > self.step_minutes {
                (prev.minutes + prev.safe_minutes, true)
            } else {
                (prev.minutes + self.step_minutes, false)
            };
            // A guessed landing further on, kept if the bounds from both ends cover the
            // whole way (the satellite is below the horizon throughout).
            if skipped
                && prev.jump_minutes > prev.safe_minutes
                && prev.minutes + prev.jump_minutes < m_end
            {
                let landing = self.scan_sample(prev.minutes + prev.jump_minutes)?;
                if landing.f < 0.0 && prev.safe_minutes + landing.back_minutes >= prev.jump_minutes
                {
                    trail.push(landing);
                    prev = landing;
                    continue;
                }
            }
            let next = self.scan_sample(next_m.min(m_end))?;
            // After a skip the satellite stayed on one side of the horizon all the way, so
            // there is nothing to bracket unless it is on the other side at the landing.
            if !skipped || (next.f >= 0.0) != (prev.f >= 0.0) {
                self.bracket(prev, next, events)?;
            }
            trail.push(next);
            prev = next;
        }
        Ok(())
    }

    /// Looks for events between two consecutive samples.
    pub(super) fn bracket(
        &self,
        a: Sample,
        b: Sample,
        events: &mut Vec<Event>,
    ) -> Result<(), PropagationError> {
        match (a.f >= 0.0, b.f >= 0.0) {
            (false, true) => events.push(Event::Rise(self.root_f(&self.span(&a, &b), a, b)?)),
            (true, false) => events.push(Event::Set(self.root_f(&self.span(&a, &b), a, b)?)),
            (false, false) if a.rate > 0.0 && b.rate < 0.0 => {
                let span = self.span(&a, &b);
                let top = self.turning_point(&span, a, b)?;
                if top.f >= 0.0 {
                    events.push(Event::Rise(self.root_f(&span, a, top)?));
                    events.push(Event::Set(self.root_f(&span, top, b)?));
                }
            }
            (true, true) if a.rate < 0.0 && b.rate > 0.0 => {
                let span = self.span(&a, &b);
                let bottom = self.turning_point(&span, a, b)?;
                if bottom.f < 0.0 {
                    events.push(Event::Set(self.root_f(&span, a, bottom)?));
                    events.push(Event::Rise(self.root_f(&span, bottom, b)?));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// From `from` (where the satellite is up), steps in `direction` (−1 back, +1 forward)
    /// until it is down, and returns the exact crossing; None if up all the way.
    pub(super) fn find_edge(
        &self,
        from: Sample,
        direction: f64,
    ) -> Result<Option<Sample>, PropagationError> {
        let mut prev = from;
        let mut travelled = 0.0;
        while travelled < self.edge_search_limit_minutes {
            // While up, `safe_minutes` says how long it certainly stays up (either way in time).
            travelled += self.step_minutes.max(prev.safe_minutes);
            let next = self.scan_sample(from.minutes + direction * travelled)?;
            let (a, b) = if direction > 0.0 {
                (prev, next)
            } else {
                (next, prev)
            };
            let span = self.span(&a, &b);
            if next.f < 0.0 {
                return Ok(Some(self.root_f(&span, a, b)?));
            }
            // A dip below the horizon shorter than a step: look for the lowest point.
            if a.rate < 0.0 && b.rate > 0.0 {
                let bottom = self.turning_point(&span, a, b)?;
                if bottom.f < 0.0 {
                    let crossing = if direction > 0.0 {
                        self.root_f(&span, a, bottom)?
                    } else {
                        self.root_f(&span, bottom, b)?
                    };
                    return Ok(Some(crossing));
                }
            }
            prev = next;
        }
        Ok(None)
    }

    /// Culmination: the highest turning point of the elevation between rise and set,
    /// over the pass's own trail of samples.
    pub(super) fn culmination(
        &self,
        spans: &TrailSpans,
        rise: &Sample,
        set: &Sample,
    ) -> Result<Sample, PropagationError> {
        let mut best: Option<Sample> = None;
        for (i, pair) in spans.trail.windows(2).enumerate() {
            let (prev, next) = (&pair[0], &pair[1]);
            if prev.rate > 0.0 && next.rate <= 0.0 {
                let top = self.turning_point(self.trail_span(spans, i), *prev, *next)?;
                if best.is_none_or(|b| top.f > b.f) {
                    best = Some(top);
                }
            }
        }
        // No turning point (a pass cut by an "always up" edge): the higher end.
        Ok(best.unwrap_or(if rise.f >= set.f { *rise } else { *set }))
    }

    /// The pass from `rise` to `set`, with the scan's `trail`; `pass_trail` and `cells` are
    /// buffers reused from pass to pass.
    pub(super) fn build_pass(
        &self,
        rise: Sample,
        set: Sample,
        trail: &[Sample],
        pass_trail: &mut Vec<Sample>,
        cells: &mut Vec<OnceCell<Span>>,
    ) -> Result<Option<Pass>, PropagationError> {
        self.pass_trail(trail, rise, set, pass_trail)?;
        let spans = self.trail_spans(pass_trail, cells);
        let top = self.culmination(&spans, &rise, &set)?;
        let culmination = self.point(&top);
        if culmination.elevation_deg < self.search.min_elevation_deg {
            return Ok(None);
        }
        let mut pass = Pass::unseen(
            self.sat.set.norad_id,
            self.point(&rise),
            culmination,
            self.point(&set),
        );
        self.visibility(&mut pass, &spans, rise.minutes, top.minutes, set.minutes)?;
        Ok(Some(pass))
    }
}
