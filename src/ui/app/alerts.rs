//! Alerts before visible passes: the banner in the window and the desktop notifications
//! handed to the notifier's thread.

use eframe::egui;

use chrono::Duration;

use super::NowSource;
use super::OverheadApp;
use crate::report::{self, PassRecord};
use crate::t;
use crate::ui::notify::{self, Notifier, ScheduledAlert};
use crate::ui::timefmt::countdown;
use crate::ui::view::{Action, PassKey, ViewCtx};

/// What the notifier was last given, to send it only changes.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct AlertPlan {
    /// The alerts, in pass order.
    alerts: Vec<PlannedAlert>,
    /// With the clock live: simulated minus real time, seconds (the real moment of each
    /// alert moves with it).
    clock_offset_s: Option<i64>,
    /// The language the alerts were worded in.
    lang: crate::i18n::Lang,
}

impl Default for AlertPlan {
    fn default() -> Self {
        Self {
            alerts: Vec::new(),
            clock_offset_s: None,
            lang: crate::i18n::Lang::En,
        }
    }
}

/// One alert of the plan.
#[derive(Debug, Clone, PartialEq)]
struct PlannedAlert {
    /// The pass ("25544@1787364000").
    key: String,
    /// When the alert is due on the simulated clock, Unix seconds.
    alert_at_unix_s: i64,
    /// It is due already.
    due_now: bool,
}

impl OverheadApp {
    /// Hands the notifier the alerts for the visible passes ahead, when they change. The
    /// notifier's thread sends each when due, drawing or not; with the simulated clock
    /// paused or running fast, only alerts already due are sent (the next frames add more).
    pub(super) fn schedule_alerts(&mut self) {
        let Some(failure) = self.notifier.as_ref().map(Notifier::failure) else {
            return;
        };
        if let Some(why) = failure
            && !self.notify_failure_shown
        {
            self.notify_failure_shown = true;
            self.set_info(t!("app-notify-unavailable", error = why));
        }
        let sim_now = self.sim_time();
        let live = matches!(self.now_source, NowSource::System)
            && !self.clock.is_paused()
            && self.clock.rate() == 1.0;
        let minutes = i64::from(self.state.alert_minutes);
        let fmt = self.time_formatter();
        let mut plan = AlertPlan {
            alerts: Vec::new(),
            clock_offset_s: None,
            lang: crate::i18n::language(),
        };
        let mut alerts = Vec::new();
        let now = std::time::Instant::now();
        let records = self
            .passes
            .as_ref()
            .map_or(&[][..], |p| p.records.as_slice());
        let limit = self.state.settings.limiting_magnitude;
        // Each alert to plan: its key, when it falls on the simulated clock, its words.
        let pass_alerts = records
            .iter()
            .filter(|r| r.is_visible_to_eye(limit) && minutes > 0)
            .filter_map(|record| {
                let start = record.pass.visible_start()?;
                if start.time <= sim_now {
                    return None;
                }
                let key = format!(
                    "{}@{}",
                    record.pass.norad_id,
                    record.pass.rise.time.timestamp()
                );
                let (title, body) = notify::alert_text(record, &fmt)?;
                Some((key, start.time - Duration::minutes(minutes), title, body))
            });
        let transit_alerts = self.transit_notifications(sim_now, &fmt);
        for (key, alert_at_sim, title, body) in pass_alerts.chain(transit_alerts) {
            let Some(at) = notify::due_instant(alert_at_sim, sim_now, live, now) else {
                continue;
            };
            plan.alerts.push(PlannedAlert {
                key: key.clone(),
                alert_at_unix_s: alert_at_sim.timestamp(),
                due_now: alert_at_sim <= sim_now,
            });
            alerts.push(ScheduledAlert {
                key,
                at,
                title,
                body,
            });
        }
        if live {
            // The real moment of each alert moves with the clock's offset: part of the plan.
            plan.clock_offset_s = Some((sim_now - self.real_now).num_seconds());
        }
        if plan != self.alert_plan
            && let Some(notifier) = &self.notifier
        {
            self.alert_plan = plan;
            notifier.schedule(alerts);
        }
    }

    /// The first visible pass starting within the alert time that was not dismissed.
    pub(super) fn alert(&self) -> Option<(PassKey, &PassRecord)> {
        let minutes = self.state.alert_minutes;
        if minutes == 0 {
            return None;
        }
        let t = self.sim_time();
        let horizon = t + Duration::minutes(i64::from(minutes));
        self.passes
            .as_ref()?
            .records
            .iter()
            .filter(|r| r.is_visible_to_eye(self.state.settings.limiting_magnitude))
            .filter_map(|r| r.pass.visible_start().map(|v| (r, v)))
            .filter(|(_, v)| v.time > t && v.time <= horizon)
            .map(|(r, _)| {
                (
                    PassKey {
                        norad_id: r.pass.norad_id,
                        rise: r.pass.rise.time,
                    },
                    r,
                )
            })
            .find(|(k, _)| !self.dismissed_alerts.contains(k))
    }
}

/// The banner over the map before a visible pass, with buttons to show or dismiss it.
pub(super) fn alert_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    key: PassKey,
    record: &PassRecord,
    actions: &mut Vec<Action>,
) {
    let Some(start) = record.pass.visible_start() else {
        return;
    };
    let fmt = view.fmt.for_pass(&record.pass);
    let text = report::alert_text_estimated(
        record.name(),
        &record.pass,
        record.standard_magnitude(),
        &countdown(start.time - view.t),
        |t| fmt.clock(t),
    );
    egui::Frame::new()
        .fill(view.palette.alert_fill)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(text).strong().color(view.palette.text));
                if ui.button(t!("app-alert-show")).clicked() {
                    actions.push(Action::SelectPass(key));
                }
                if ui.button(t!("app-alert-dismiss")).clicked() {
                    actions.push(Action::DismissAlert(key));
                }
            });
        });
}
