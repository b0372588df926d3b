//! The clock bar: live, paused, or fast; steps; jump to the selected pass.

use eframe::egui;

use serde::{Deserialize, Serialize};

use super::clock::{ClockCommand, RATES, SimClock};
use super::time_entry::TimeEntry;
use super::view::{Action, ViewCtx, find_record};

/// Below this width (points) the bar is drawn compact (see [`ClockBar::ui`]): the whole
/// bar takes about 1,100 points in English and 1,300 in Korean at the normal text size.
const FULL_BAR_POINTS: f32 = 1320.0;

/// The clock bar at the bottom of the window.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ClockBar {
    /// The typed date and time (runtime only).
    #[serde(skip)]
    time_entry: TimeEntry,
}

impl ClockBar {
    /// Draws the bar; clicks become [`Action::Clock`] commands.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        clock: &SimClock,
        actions: &mut Vec<Action>,
    ) {
        let Self { time_entry } = self;
        let mut send = |c: ClockCommand| actions.push(Action::Clock(c));
        // Presenting (larger text, often a 1280-pixel projector) or in a narrow window
        // (a 1024-pixel projector), the bar keeps to one line: the speeds go in a menu and
        // the separators go.
        let compact = view.presentation || ui.available_width() < FULL_BAR_POINTS;
        let separator = |ui: &mut egui::Ui| {
            if !compact {
                ui.separator();
            }
        };
        ui.horizontal_wrapped(|ui| {
            let live = clock.is_live(view.real_now);
            if ui
                .selectable_label(live, crate::t!("panels-clock-live"))
                .on_hover_text(crate::t!("panels-clock-live-hover"))
                .clicked()
            {
                send(ClockCommand::Live);
            }
            if clock.is_paused() {
                if ui.button(crate::t!("panels-clock-play")).clicked() {
                    send(ClockCommand::Play);
                }
            } else if ui.button(crate::t!("panels-clock-pause")).clicked() {
                send(ClockCommand::Pause);
            }
            separator(ui);
            if compact {
                let mut chosen = None;
                egui::ComboBox::from_id_salt("clock_rate")
                    .selected_text(format!("x{}", clock.rate()))
                    .show_ui(ui, |ui| {
                        for rate in RATES {
                            if ui
                                .selectable_label(clock.rate() == rate, format!("x{rate}"))
                                .clicked()
                            {
                                chosen = Some(rate);
                            }
                        }
                    })
                    .response
                    .on_hover_text(crate::t!("panels-clock-rate-hover"));
                if let Some(rate) = chosen {
                    send(ClockCommand::SetRate(rate));
                }
            } else {
                for rate in RATES {
                    let on = !clock.is_paused() && clock.rate() == rate;
                    if ui
                        .selectable_label(on, format!("x{rate}"))
                        .on_hover_text(crate::t!(
                            "panels-clock-rate-button-hover",
                            rate = format!("{rate}")
                        ))
                        .clicked()
                    {
                        send(ClockCommand::SetRate(rate));
                    }
                }
            }
            separator(ui);
            for (label, step_s, tip) in [
                (
                    crate::t!("panels-clock-back-hour"),
                    -3600.0,
                    crate::t!("panels-clock-back-hour-hover"),
                ),
                (
                    crate::t!("panels-clock-back-minute"),
                    -60.0,
                    crate::t!("panels-clock-back-minute-hover"),
                ),
                (
                    crate::t!("panels-clock-forward-minute"),
                    60.0,
                    crate::t!("panels-clock-forward-minute-hover"),
                ),
                (
                    crate::t!("panels-clock-forward-hour"),
                    3600.0,
                    crate::t!("panels-clock-forward-hour-hover"),
                ),
            ] {
                if ui.button(label).on_hover_text(tip).clicked() {
                    send(ClockCommand::Step(step_s));
                }
            }
            time_entry.ui(ui, view, &mut send);
            separator(ui);
            let pass = view
                .selected_pass
                .and_then(|k| find_record(view, k).map(|r| (k, r)));
            let jump_text = if compact {
                crate::t!("panels-clock-jump-short")
            } else {
                crate::t!("panels-clock-jump")
            };
            let jump = ui.add_enabled(pass.is_some(), egui::Button::new(jump_text));
            if let Some((_, record)) = pass {
                let lead_in = chrono::Duration::seconds(60);
                if jump
                    .on_hover_text(crate::t!("panels-clock-jump-hover"))
                    .clicked()
                {
                    send(ClockCommand::JumpTo(record.pass.rise.time - lead_in));
                }
            }
            separator(ui);
            let state = if live {
                crate::t!("panels-clock-state-live")
            } else if clock.is_paused() {
                crate::t!("panels-clock-state-paused")
            } else {
                crate::t!(
                    "panels-clock-state-simulated",
                    rate = format!("{}", clock.rate())
                )
            };
            ui.label(
                egui::RichText::new(format!(
                    "{}  {}",
                    view.fmt.date_time(view.t),
                    view.fmt.zone_short(view.t)
                ))
                .monospace()
                .strong(),
            );
            // Compact, a live clock says so with its lit "Live" button alone.
            if compact && live {
                return;
            }
            let state_text = egui::RichText::new(format!("({state})"));
            // "(live)" moves whole to the next line in a narrow window, never split.
            ui.add(
                egui::Label::new(if live {
                    state_text
                } else {
                    state_text.color(ui.visuals().warn_fg_color)
                })
                .extend(),
            );
        });
    }
}
