//! The Identify mode's searches: one at a time; a newer request waits for the running one
//! and replaces any other waiting.

use eframe::egui;

use super::OverheadApp;
use crate::t;
use crate::ui::identify_job::{IdentifyRequest, spawn_identify};
use crate::ui::jobs::JobPoll;

impl OverheadApp {
    /// Starts identifying `request`, or queues it behind the one running.
    pub(super) fn start_identify(&mut self, ctx: &egui::Context, request: IdentifyRequest) {
        if self.identify_job.is_some() {
            self.identify_next = Some(request);
            return;
        }
        let Some(catalog) = self.catalog.clone() else {
            self.identify_next = Some(request);
            return;
        };
        self.identify_job = Some(spawn_identify(ctx, catalog, request));
    }

    /// Takes a finished search's results, and starts the one waiting.
    pub(super) fn poll_identify(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.identify_job {
            match job.poll() {
                JobPoll::Running => return,
                JobPoll::Done(results) => {
                    self.identify_job = None;
                    self.identification = Some(results);
                }
                JobPoll::Lost => {
                    self.identify_job = None;
                    self.set_error(t!("app-error-identify-lost"));
                }
            }
        }
        if self.catalog.is_some()
            && let Some(next) = self.identify_next.take()
        {
            self.start_identify(ctx, next);
        }
    }
}
