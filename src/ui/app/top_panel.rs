//! The top bar: the place, the time display, theme and alert settings, presentation
//! mode, and how many satellites are loaded and how fresh their elements are.

use eframe::egui;

use chrono::{DateTime, Utc};

use crate::catalog::{AgeClock, DataAge, data_age_words};
use crate::i18n::Lang;
use crate::settings::Settings;
use crate::t;
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
    let mut seconds = settings.show_seconds;
    let label = ui.label(t!("app-times"));
    egui::ComboBox::from_id_salt("time_display")
        .selected_text(view.fmt.zone_label(view.t))
        .show_ui(ui, |ui| {
            for d in ALL_TIME_DISPLAYS {
                ui.selectable_value(&mut display, d, time_display_label(d));
            }
            // How precise pass times are, beside which clock they are in.
            ui.separator();
            ui.checkbox(&mut seconds, t!("app-show-seconds"))
                .on_hover_text(t!("app-show-seconds-hover"));
        })
        .response
        .labelled_by(label.id);
    if display != settings.time_display {
        actions.push(Action::SetTimeDisplay(display));
    }
    if seconds != settings.show_seconds {
        actions.push(Action::SetShowSeconds(seconds));
    }
    let mut theme_choice = settings.theme;
    let label = ui.label(t!("app-theme"));
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
    ui.label(t!("app-alert"));
    ui.add(
        egui::DragValue::new(alert_minutes)
            .range(0..=60)
            .suffix(t!("app-alert-minutes-before")),
    )
    .on_hover_text(t!("app-alert-hover"));
    language_ui(ui, settings.language, actions);
}

/// The language menu: the system's, or one chosen (each language named in itself).
fn language_ui(ui: &mut egui::Ui, current: Option<Lang>, actions: &mut Vec<Action>) {
    let name = |lang: Option<Lang>| match lang {
        None => t!("app-language-system"),
        Some(l) => l.native_name().to_owned(),
    };
    let mut chosen = current;
    let label = ui.label(t!("app-language"));
    egui::ComboBox::from_id_salt("language")
        .selected_text(name(current))
        .show_ui(ui, |ui| {
            for lang in std::iter::once(None).chain(Lang::ALL.map(Some)) {
                ui.selectable_value(&mut chosen, lang, name(lang));
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(t!("app-language-hover"));
    if chosen != current {
        actions.push(Action::SetLanguage(chosen));
    }
}

/// The top bar's refresh part: progress of a refresh, and how fresh the elements are.
pub(super) struct RefreshBar<'a> {
    /// Sources checked and to check, while a refresh runs.
    pub(super) progress: Option<(usize, usize)>,
    /// What the refresh waits for right now (a slow download's progress), if it says.
    pub(super) note: Option<String>,
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
    // The catalog's line has its own row from the first frame: when the catalog loads
    // (a second after the start) its words grow, and the bar must not wrap then and push
    // the whole window down. Presenting, the bar keeps to one line.
    let presentation = settings.presentation_mode;
    // A word group that does not fit moves whole to the next line, never split between
    // two ("16,400 satellites, | bundled snapshot").
    let whole_words =
        |ui: &mut egui::Ui| ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    if presentation {
        ui.horizontal_wrapped(|ui| {
            whole_words(ui);
            window_row_ui(ui, view, settings, alert_minutes, actions);
            ui.separator();
            catalog_row_ui(ui, view, settings, loading, refresh, actions);
        });
    } else {
        ui.horizontal_wrapped(|ui| {
            whole_words(ui);
            window_row_ui(ui, view, settings, alert_minutes, actions);
        });
        ui.horizontal_wrapped(|ui| {
            whole_words(ui);
            catalog_row_ui(ui, view, settings, loading, refresh, actions);
        });
    }
}

/// The top bar's first row: the name, the place, the settings and presentation mode.
fn window_row_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    settings: &Settings,
    alert_minutes: &mut u32,
    actions: &mut Vec<Action>,
) {
    ui.label(egui::RichText::new("Overhead").heading().strong());
    ui.separator();
    if ui
        .button(t!(
            "app-location-button",
            place = crate::ui::view::place_name_in(view.place, crate::i18n::language())
        ))
        .on_hover_text(t!(
            "app-location-hover",
            coordinates = coordinates_label(view.place)
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
        .selectable_label(presentation, t!("app-presentation"))
        .on_hover_text(t!("app-presentation-hover"))
        .clicked()
    {
        actions.push(Action::TogglePresentation);
    }
}

/// The top bar's catalog row: loading, how many satellites, how old and fresh their
/// elements are, and the refresh.
fn catalog_row_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    settings: &Settings,
    loading: bool,
    refresh: RefreshBar<'_>,
    actions: &mut Vec<Action>,
) {
    match (view.catalog, loading) {
        // Presenting to a class: no warnings, errors or refresh menus in the bar (the
        // rows of the table, hidden meanwhile, carry how far off their times may be).
        (Some(_), false) if settings.presentation_mode => {}
        (_, true) => {
            ui.spinner();
            ui.label(t!("app-loading-satellites"));
        }
        (Some(c), false) => {
            // Judged at the clock the views follow: after "Use the data's date" the
            // elements are fresh for what is shown, however old they are today.
            let age = c.data_epoch.map(|e| data_age_at(e, view.t));
            let judged_at = t!("app-age-judged-at", time = view.fmt.date_time(view.t));
            let hover = match &age {
                Some(age) => format!("{}\n{judged_at}", age.text),
                None => String::new(),
            };
            ui.label(t!(
                "app-satellites-loaded",
                count = c.sats.len(),
                source = c.source_note()
            ))
            .on_hover_text(hover);
            if let Some(age) = age.filter(|a| a.stale) {
                ui.colored_label(ui.visuals().warn_fg_color, age.text)
                    .on_hover_text(judged_at);
                if let Some(e) = c.data_epoch
                    && ui
                        .button(t!("app-use-data-date"))
                        .on_hover_text(t!("app-use-data-date-hover"))
                        .clicked()
                {
                    actions.push(Action::Clock(ClockCommand::JumpTo(e)));
                }
            }
            match refresh.progress {
                Some((done, total)) => {
                    ui.spinner();
                    let label = ui.label(t!("app-refreshing", done = done, total = total));
                    // A slow download or a wait on another process is said, not silent.
                    if let Some(note) = &refresh.note {
                        label.on_hover_text(note);
                        ui.weak(note);
                    }
                }
                None => {
                    if ui
                        .button(t!("app-refresh-elements"))
                        .on_hover_text(t!("app-refresh-elements-hover"))
                        .clicked()
                    {
                        actions.push(Action::RefreshElements);
                    }
                }
            }
            auto_refresh_menu_ui(ui, refresh.freshness, settings.auto_refresh_hours, actions);
        }
        (None, false) => {
            ui.colored_label(ui.visuals().error_fg_color, t!("app-no-satellites-loaded"));
        }
    }
}

/// The age of the data (its median epoch) at the simulated time `t`, and whether it is
/// stale there (more than [`crate::catalog::STALE_AFTER_DAYS`] either way, as in the live
/// panel).
fn data_age_at(data_epoch: DateTime<Utc>, t: DateTime<Utc>) -> DataAge {
    data_age_words(data_epoch, t, AgeClock::Shown)
}

/// How fresh the elements are, in one short line that opens a menu to switch the refresh
/// at start on or off and set its age.
fn auto_refresh_menu_ui(
    ui: &mut egui::Ui,
    freshness: Option<&str>,
    hours: u32,
    actions: &mut Vec<Action>,
) {
    let line =
        egui::RichText::new(freshness.map_or_else(|| t!("app-auto-refresh"), ToOwned::to_owned))
            .small();
    ui.menu_button(line, |ui| {
        let mut on = hours > 0;
        let mut wanted = if on {
            hours
        } else {
            crate::settings::DEFAULT_AUTO_REFRESH_HOURS
        };
        ui.checkbox(&mut on, t!("app-auto-refresh-check"));
        ui.add_enabled(
            on,
            egui::DragValue::new(&mut wanted)
                .range(1..=720)
                .suffix(t!("app-auto-refresh-hours")),
        );
        let new_hours = if on { wanted } else { 0 };
        if new_hours != hours {
            actions.push(Action::SetAutoRefreshHours(new_hours));
        }
    })
    .response
    .on_hover_text(t!("app-auto-refresh-hover"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn data_age_is_judged_at_the_time_shown() {
        crate::i18n::set_thread_language(Some(Lang::En));
        let epoch: DateTime<Utc> = "2026-08-22T09:00:00Z".parse().unwrap();
        let age = data_age_at(epoch, epoch + Duration::hours(3));
        assert_eq!(age.text, "Elements from 22 Aug 2026 (less than a day old).");
        assert!(!age.stale);
        let age = data_age_at(epoch, epoch + Duration::days(99));
        assert!(age.text.contains("(99 days old)"), "{}", age.text);
        assert!(age.stale);
        // Run back before the data, the elements are as far off.
        let age = data_age_at(epoch, epoch - Duration::days(30));
        assert!(
            age.text.contains("(30 days after the time shown)"),
            "{}",
            age.text
        );
        assert!(age.stale);
    }

    #[test]
    fn units_after_numbers_keep_the_space_english_wants_and_korean_does_not() {
        use crate::i18n::tr_in;
        assert_eq!(
            tr_in(Lang::En, "app-alert-minutes-before", &[]),
            " min before"
        );
        assert_eq!(tr_in(Lang::Ko, "app-alert-minutes-before", &[]), "분 전");
        assert_eq!(tr_in(Lang::En, "app-auto-refresh-hours", &[]), " h");
    }

    #[test]
    fn data_age_in_korean_has_a_korean_date() {
        crate::i18n::set_thread_language(Some(Lang::Ko));
        let epoch: DateTime<Utc> = "2026-08-22T09:00:00Z".parse().unwrap();
        let age = data_age_at(epoch, epoch + Duration::days(3));
        assert_eq!(age.text, "궤도 자료: 2026년 8월 22일 (3일 지남).");
        crate::i18n::set_thread_language(None);
    }
}
