//! The app's side of the search ahead ([`crate::ui::ahead`]): start it when the table
//! needs it, and take its result into the pass search's results.

use eframe::egui;

use super::OverheadApp;
use crate::t;
use crate::ui::ahead::{self, AheadRequest};
use crate::ui::jobs::JobPoll;
use crate::ui::view::Which;

/// A search ahead in flight, with what it was asked.
pub(super) struct RunningLookAhead {
    pub(super) request: AheadRequest,
    pub(super) job: crate::ui::jobs::Job<std::collections::HashMap<u64, crate::orbit::NextVisible>>,
}

impl OverheadApp {
    /// Polls the search ahead, and starts the one the table needs (one at a time; the
    /// chosen satellites only, and only once the pass search has its results).
    pub(super) fn look_ahead_step(&mut self, ctx: &egui::Context) {
        if let Some(running) = &self.look_ahead {
            match running.job.poll() {
                JobPoll::Running => return,
                JobPoll::Done(found) => {
                    let request = running.request.clone();
                    self.look_ahead = None;
                    if let Some(results) = self.passes.as_mut()
                        && results.request.end == request.from
                        && results.request.observer == request.observer
                    {
                        let ahead = &mut results.ahead;
                        if ahead.limiting_magnitude == Some(request.limiting_magnitude) {
                            // A satellite the search could not take (none today) stays
                            // "searching", so that it is not asked for again each frame.
                            ahead.searching.retain(|id| !found.contains_key(id));
                            ahead.found.extend(found);
                        }
                    }
                }
                JobPoll::Lost => {
                    self.look_ahead = None;
                    self.set_error(t!("app-error-search-lost"));
                    return;
                }
            }
        }
        if self.state.which != Which::Chosen || self.search.is_some() {
            return;
        }
        let limit = self.state.settings.limiting_magnitude;
        let (Some(results), Some(catalog)) = (self.passes.as_mut(), self.catalog.clone()) else {
            return;
        };
        let Some(request) =
            ahead::wanted_look_ahead(results, &self.state.settings.satellites, limit)
        else {
            return;
        };
        if results.ahead.limiting_magnitude != Some(limit) {
            results.ahead.found.clear();
            results.ahead.limiting_magnitude = Some(limit);
        }
        results.ahead.searching.extend(&request.norad_ids);
        let job = ahead::spawn_look_ahead(ctx, catalog, request.clone());
        self.look_ahead = Some(RunningLookAhead { request, job });
    }
}
