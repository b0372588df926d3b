//! The app's side of the Transits view: starting its search when what it depends on
//! changes ([`crate::ui::transits::logic`]), its exports, and its alerts (the banner and
//! the desktop notifications, beside those of the passes).

use eframe::egui;

use chrono::{DateTime, Utc};

use super::OverheadApp;
use super::saving::ExportFormat;
use crate::orbit::transit::Transit;
use crate::report;
use crate::ui::timefmt::TimeFormatter;
use crate::ui::transits::{TransitKey, logic, wanted_request};
use crate::ui::view::observer_of;

impl OverheadApp {
    /// Takes a finished transit search, and starts one when the view needs another:
    /// once per change of its inputs (the place, the satellites, the radius, the bodies,
    /// the days, the clock's day), never per frame.
    pub(super) fn transits_step(&mut self, ctx: &egui::Context) {
        if let Some(error) = self.transit_runtime.poll() {
            self.set_error(error);
        }
        let Some(catalog) = self.catalog.clone() else {
            return;
        };
        if !self.state.transits.wants_search() {
            return;
        }
        let inputs =
            self.state
                .transits
                .inputs(&catalog, observer_of(&self.place()), self.state.selected);
        if let Some(request) = wanted_request(
            &inputs,
            self.sim_time(),
            self.transit_runtime.current_request(),
        ) {
            self.transit_runtime.start(ctx, catalog, request);
        }
    }

    /// The listed transits, for the exports.
    fn listed_transits(&self) -> Vec<&Transit> {
        self.transit_runtime
            .results
            .as_ref()
            .map(|r| r.transits.iter().collect())
            .unwrap_or_default()
    }

    /// Writes the listed transits as an iCalendar file or as CSV.
    pub(super) fn export_transits(&mut self, ctx: &egui::Context, format: ExportFormat) {
        let transits = self.listed_transits();
        if transits.is_empty() {
            return;
        }
        let place = self.place();
        let fmt = TimeFormatter::new(self.state.settings.time_display, place.time_zone.as_deref());
        let bytes = match format {
            ExportFormat::Ics => {
                report::transits_to_ics(&transits, self.real_now, &fmt).into_bytes()
            }
            ExportFormat::Csv | ExportFormat::Pdf => {
                let mut out = Vec::new();
                if let Err(e) = report::write_transits_csv(&mut out, &transits) {
                    self.set_error(e.to_string());
                    return;
                }
                out
            }
        };
        let name = format!(
            "overhead-transits-{}.{}",
            fmt.format(self.sim_time(), "%Y%m%d"),
            if format == ExportFormat::Ics {
                "ics"
            } else {
                "csv"
            }
        );
        let count = transits.len();
        self.save_file(ctx, name, bytes, format, count);
    }

    /// The transit whose banner shows now, if any.
    pub(super) fn transit_alert(&self) -> Option<Transit> {
        crate::ui::transits::alert_due(
            &self.state.transits,
            self.transit_runtime.results.as_ref(),
            self.sim_time(),
            &self.dismissed_transit_alerts,
        )
        .cloned()
    }

    /// The desktop notifications of the transits to come: their key, when each is due
    /// on the simulated clock, its title and its text.
    pub(super) fn transit_notifications(
        &self,
        sim_now: DateTime<Utc>,
        fmt: &TimeFormatter,
    ) -> Vec<(String, DateTime<Utc>, String, String)> {
        let Some(results) = &self.transit_runtime.results else {
            return Vec::new();
        };
        logic::alert_moments(
            &results.transits,
            sim_now,
            self.state.transits.alert_minutes,
        )
        .into_iter()
        .filter_map(|(key, at)| {
            let event = results.transits.iter().find(|x| key.matches(x))?;
            Some((
                TransitKey::id(&key),
                at,
                report::transit_summary(event, fmt),
                report::transit_lines(event, fmt).join("\n"),
            ))
        })
        .collect()
    }
}
