//! The top bar: the place, the time display, theme and alert settings, presentation
//! mode, and how many satellites are loaded and how fresh their elements are.

use eframe::egui;

use chrono::{DateTime, Utc};

use crate::settings::Settings;
use crate::ui::clock::ClockCommand;
use crate::ui::theme::{ALL_THEMES, theme_label};
use crate::ui::timefmt::{ALL_TIME_DISPLAYS, time_display_label};
use crate::ui::view::{Action, ViewCtx, coordinates_label};

/// The time display, theme and alert settings of the top bar.
fn settings_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    settings: &Settings,
    alert_minutes: &mut u32,
    actions: &mut Vec<Action>,
) {
    let mut display = settings.time_display;
    let label = ui.label("Times");
    egui::ComboBox::from_id_salt("time_display")
        .selected_text(view.fmt.zone_label(view.t))
        .show_ui(ui, |ui| {
            for d in ALL_TIME_DISPLAYS {
                ui.selectable_value(&mut display, d, time_display_label(d));
            }
        })
        .response
        .labelled_by(label.id);
    if display != settings.time_display {
        actions.push(Action::SetTimeDisplay(display));
    }
    let mut theme_choice = settings.theme;
    let label = ui.label("Theme");
    egui::ComboBox::from_id_salt("theme")
        .selected_text(theme_label(theme_choice))
        .show_ui(ui, |ui| {
            for th in ALL_THEMES {
                ui.selectable_value(&mut theme_choice, th, theme_label(th));
            }
        })
        .response
        .labelled_by(label.id);
    if theme_choice != settings.theme {
        actions.push(Action::SetTheme(theme_choice));
    }
    ui.label("Alert");
    ui.add(
        egui::DragValue::new(alert_minutes)
            .range(0..=60)
            .suffix(" min before"),
    )
    .on_hover_text("Warn this many minutes before a visible pass (0: never)");
}

/// The top bar's refresh part: progress of a refresh, and how fresh the elements are.
pub(super) struct RefreshBar<'a> {
    /// Sources checked and to check, while a refresh runs.
    pub(super) progress: Option<(usize, usize)>,
    /// How fresh the elements are, in a few words.
    pub(super) freshness: Option<&'a str>,
}

/// The bar at the top of the window.
pub(super) fn top_bar_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    settings: &Settings,
    alert_minutes: &mut u32,
    loading: bool,
    refresh: RefreshBar<'_>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Overhead").heading().strong());
        ui.separator();
        if ui
            .button(format!("Location: {}", view.place.name))
            .on_hover_text(format!(
                "{}\nClick to change",
                coordinates_label(view.place)
            ))
            .clicked()
        {
            actions.push(Action::OpenLocation);
        }
        let presentation = settings.presentation_mode;
        // Presenting, the bar keeps to one line: the time, theme and alert settings wait
        // for the normal view.
        if !presentation {
            settings_ui(ui, view, settings, alert_minutes, actions);
        }
        if ui
            .selectable_label(presentation, "Presentation")
            .on_hover_text("Large text, full screen (F11 or P; Esc leaves). Ctrl +/− zooms.")
            .clicked()
        {
            actions.push(Action::TogglePresentation);
        }
        ui.separator();
        match (view.catalog, loading) {
            (_, true) => {
                ui.spinner();
                ui.label("Loading satellites…");
            }
            (Some(c), false) => {
                // Judged at the clock the views follow: after "Use the data's date" the
                // elements are fresh for what is shown, however old they are today.
                let age = c.data_epoch.map(|e| data_age_at(e, view.t));
                let judged_at = format!(
                    "Age at the time the window shows ({}), not the computer's clock.",
                    view.fmt.date_time(view.t)
                );
                let hover = match &age {
                    Some((text, _)) => format!("{text}\n{judged_at}"),
                    None => String::new(),
                };
                if !presentation {
                    ui.label(format!("{} satellites, {}", c.sats.len(), c.source_note))
                        .on_hover_text(hover);
                }
                if let Some((age, true)) = age {
                    // Presenting, a short warning; the sentence on hover.
                    let (shown, hover) = if presentation {
                        ("Old elements".to_owned(), format!("{age}\n{judged_at}"))
                    } else {
                        (age, judged_at)
                    };
                    ui.colored_label(ui.visuals().warn_fg_color, shown)
                        .on_hover_text(hover);
                    if let Some(e) = c.data_epoch
                        && ui
                            .button("Use the data's date")
                            .on_hover_text("Run the clock at the date of the elements, so that the passes shown are right")
                            .clicked()
                    {
                        actions.push(Action::Clock(ClockCommand::JumpTo(e)));
                    }
                }
                match refresh.progress {
                    _ if presentation => {}
                    Some((done, total)) => {
                        ui.spinner();
                        ui.label(format!("Refreshing {done}/{total}…"));
                    }
                    None => {
                        if ui
                            .button("Refresh elements")
                            .on_hover_text("Download new elements from CelesTrak (at most once every 2 hours per source)")
                            .clicked()
                        {
                            actions.push(Action::RefreshElements);
                        }
                    }
                }
                auto_refresh_menu_ui(ui, refresh.freshness, settings.auto_refresh_hours, actions);
            }
            (None, false) => {
                ui.colored_label(ui.visuals().error_fg_color, "No satellites loaded");
            }
        }
    });
}

/// The sentence on the age of the data (its median epoch) at the simulated time `t`, and
/// whether it is stale there (more than [`crate::catalog::STALE_AFTER_DAYS`] either way,
/// as in the live panel).
fn data_age_at(data_epoch: DateTime<Utc>, t: DateTime<Utc>) -> (String, bool) {
    let age_days = (t - data_epoch).num_days();
    let stale = age_days.unsigned_abs() as f64 > crate::catalog::STALE_AFTER_DAYS;
    if age_days >= 0 {
        return (crate::catalog::data_age_message(data_epoch, t), stale);
    }
    let date = data_epoch.format("%-d %b %Y");
    let after = match -age_days {
        1 => "1 day".to_owned(),
        d => format!("{d} days"),
    };
    let text = if stale {
        format!(
            "Elements from {date} ({after} after the time shown): passes may be off by many minutes."
        )
    } else {
        format!("Elements from {date} ({after} after the time shown).")
    };
    (text, stale)
}

/// How fresh the elements are, in one short line that opens a menu to switch the refresh
/// at start on or off and set its age.
fn auto_refresh_menu_ui(
    ui: &mut egui::Ui,
    freshness: Option<&str>,
    hours: u32,
    actions: &mut Vec<Action>,
) {
    let line = egui::RichText::new(freshness.unwrap_or("auto-refresh")).small();
    ui.menu_button(line, |ui| {
        let mut on = hours > 0;
        let mut wanted = if on {
            hours
        } else {
            crate::settings::DEFAULT_AUTO_REFRESH_HOURS
        };
        ui.checkbox(&mut on, "Refresh at start when older than");
        ui.add_enabled(
            on,
            egui::DragValue::new(&mut wanted)
                .range(1..=720)
                .suffix(" h"),
        );
        let new_hours = if on { wanted } else { 0 };
        if new_hours != hours {
            actions.push(Action::SetAutoRefreshHours(new_hours));
        }
    })
    .response
    .on_hover_text(
        "When the elements were last checked with their source. Click to set the refresh at start.",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn data_age_is_judged_at_the_time_shown() {
        let epoch: DateTime<Utc> = "2026-08-22T09:00:00Z".parse().unwrap();
        let (text, stale) = data_age_at(epoch, epoch + Duration::hours(3));
        assert_eq!(text, "Elements from 22 Aug 2026 (less than a day old).");
        assert!(!stale);
        let (text, stale) = data_age_at(epoch, epoch + Duration::days(99));
        assert!(text.contains("(99 days old)"), "{text}");
        assert!(stale);
        // Run back before the data, the elements are as far off.
        let (text, stale) = data_age_at(epoch, epoch - Duration::days(30));
        assert!(text.contains("(30 days after the time shown)"), "{text}");
        assert!(stale);
    }
}
