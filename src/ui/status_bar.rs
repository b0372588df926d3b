//! The status line at the bottom of the window: one short line, its details on demand,
//! and a × that dismisses it.
//!
//! A refresh of several sources, or an error with a cause chain, can say a dozen lines
//! (URLs, DNS errors); the line says what happened in a few words and keeps the rest
//! behind "Details".

use eframe::egui;

use chrono::{DateTime, Utc};

use super::jobs::{SourceFailure, SourceOutcome};
use crate::t;

/// Longest status line shown whole, characters; a longer message keeps its first part
/// on the line and the whole text in the details.
const MAX_LINE_CHARS: usize = 120;
/// Height of the details box before it scrolls, points.
const DETAILS_MAX_HEIGHT: f32 = 140.0;

/// A message for the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// The one line shown.
    pub text: String,
    /// The full story, shown on demand.
    pub details: Option<String>,
    /// Shown in the warning colour.
    pub is_error: bool,
    /// A folder the message is about (where an export went), offered with a button.
    pub folder: Option<std::path::PathBuf>,
}

impl Status {
    /// A plain message.
    pub fn info(text: impl Into<String>) -> Self {
        Self::new(text.into(), false)
    }

    /// A message in the warning colour.
    pub fn error(text: impl Into<String>) -> Self {
        Self::new(text.into(), true)
    }

    /// A long or many-line message keeps its first line (cut short) on the status line
    /// and all of it in the details.
    fn new(text: String, is_error: bool) -> Self {
        let first_line = text.lines().next().unwrap_or_default();
        if text.lines().count() <= 1 && first_line.chars().count() <= MAX_LINE_CHARS {
            return Self {
                text,
                details: None,
                is_error,
                folder: None,
            };
        }
        let mut line: String = first_line.chars().take(MAX_LINE_CHARS).collect();
        if line.len() < first_line.len() || text.lines().count() > 1 {
            line.push('…');
        }
        Self {
            text: line,
            details: Some(text),
            is_error,
            folder: None,
        }
    }

    /// The same message with these details.
    pub fn with_details(mut self, details: String) -> Self {
        self.details = Some(details);
        self
    }
}

/// What a refresh of the element sources did, in one line ("Could not refresh: see the
/// details (2 of 3 sources)"), with one line per source (and why, where there is more to
/// say) as the details. No network at all is the one line a person reads (issue 20): "No
/// internet connection: could not reach celestrak.org; using data from 22 Aug 2026."
/// `data_date` is the date of the data the window goes on using.
pub fn refresh_status(outcomes: &[SourceOutcome], data_date: Option<DateTime<Utc>>) -> Status {
    let total = outcomes.iter().filter(|o| !o.is_remark).count();
    let sources = |n: usize| t!("app-sources", count = n);
    let details = outcomes
        .iter()
        .map(|o| match &o.details {
            Some(more) => format!("{}: {} ({more})", o.label, o.message),
            None => format!("{}: {}", o.label, o.message),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let failures: Vec<SourceFailure> = outcomes.iter().filter_map(|o| o.failure).collect();
    if failures.is_empty() {
        return Status::info(t!("app-status-refreshed", sources = sources(total)))
            .with_details(details);
    }
    if failures.iter().all(|f| *f == SourceFailure::Offline) {
        return Status::error(offline_line(outcomes, data_date)).with_details(details);
    }
    let all_are = |kind: SourceFailure| failures.iter().all(|f| *f == kind);
    let reason = if failures
        .iter()
        .all(|f| matches!(f, SourceFailure::Unreachable | SourceFailure::Offline))
    {
        t!("app-refresh-reason-offline")
    } else if all_are(SourceFailure::BackingOff) {
        t!("app-refresh-reason-backing-off")
    } else {
        t!("app-refresh-reason-other")
    };
    let which = if failures.len() == total {
        sources(total)
    } else {
        t!(
            "app-refresh-some-of",
            failed = failures.len(),
            sources = sources(total)
        )
    };
    Status::error(t!(
        "app-status-refresh-failed",
        reason = reason,
        which = which
    ))
    .with_details(details)
}

/// "No internet connection: could not reach celestrak.org; using data from 22 Aug 2026."
fn offline_line(outcomes: &[SourceOutcome], data_date: Option<DateTime<Utc>>) -> String {
    let mut hosts: Vec<&str> = Vec::new();
    for host in outcomes
        .iter()
        .filter_map(|o| o.unreachable_host.as_deref())
    {
        if !hosts.contains(&host) {
            hosts.push(host);
        }
    }
    let offline = t!("catalog-offline", host = hosts.join(", "));
    match data_date {
        Some(date) => t!(
            "app-offline-using",
            offline = offline,
            date = crate::catalog::date_words(date)
        ),
        None => t!("app-offline-bundled", offline = offline),
    }
}

/// The status line and what the user did with it.
#[derive(Debug, Default)]
pub struct StatusBar {
    /// The message shown, if any.
    pub status: Option<Status>,
    /// The details are open.
    pub show_details: bool,
}

impl StatusBar {
    /// Shows a new message (details closed).
    pub fn set(&mut self, status: Status) {
        self.status = Some(status);
        self.show_details = false;
    }

    /// Draws the line (nothing when there is no message).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let Self {
            status,
            show_details,
        } = self;
        let Some(current) = status.as_ref() else {
            return;
        };
        let mut dismiss = false;
        ui.horizontal(|ui| {
            let mut text = egui::RichText::new(&current.text).small();
            if current.is_error {
                text = text.color(ui.visuals().warn_fg_color);
            }
            if ui
                .small_button("×")
                .on_hover_text(t!("app-status-dismiss-hover"))
                .clicked()
            {
                dismiss = true;
            }
            if current.details.is_some() {
                ui.toggle_value(
                    show_details,
                    egui::RichText::new(t!("app-status-details")).small(),
                )
                .on_hover_text(t!("app-status-details-hover"));
            }
            ui.add(egui::Label::new(text).truncate());
        });
        if let Some(details) = current.details.as_deref().filter(|_| *show_details) {
            egui::ScrollArea::vertical()
                .id_salt("status_details")
                .max_height(DETAILS_MAX_HEIGHT)
                .show(ui, |ui| {
                    // Wrapped to the window's width: a long cause stays readable.
                    ui.add(
                        egui::Label::new(egui::RichText::new(details).small().monospace()).wrap(),
                    );
                });
        }
        if dismiss {
            *status = None;
            *show_details = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(label: &str, failure: Option<SourceFailure>) -> SourceOutcome {
        SourceOutcome::note(
            label,
            format!("cannot reach https://celestrak.org/{label}: dns error"),
            failure,
        )
    }

    #[test]
    fn no_network_is_one_line_a_person_reads_and_the_details_say_why() {
        crate::i18n::set_thread_language(Some(crate::i18n::Lang::En));
        let offline = |label: &str| SourceOutcome {
            unreachable_host: Some("celestrak.org".to_owned()),
            details: Some(format!(
                "https://celestrak.org/{label}: the name could not be resolved (no DNS answer)"
            )),
            ..outcome(label, Some(SourceFailure::Offline))
        };
        let outcomes: Vec<_> = ["stations", "visual", "news"].map(offline).into();
        let date: DateTime<Utc> = "2026-08-22T09:00:00Z".parse().unwrap();
        let status = refresh_status(&outcomes, Some(date));
        assert_eq!(
            status.text,
            "No internet connection: could not reach celestrak.org; using data from 22 Aug 2026."
        );
        assert!(status.is_error);
        let details = status.details.unwrap();
        assert_eq!(details.lines().count(), 3);
        assert!(details.contains("could not be resolved"), "{details}");
    }

    #[test]
    fn offline_refresh_is_one_line_with_each_source_in_the_details() {
        crate::i18n::set_thread_language(Some(crate::i18n::Lang::En));
        let outcomes: Vec<_> = ["stations", "visual", "weather"]
            .into_iter()
            .map(|l| outcome(l, Some(SourceFailure::Unreachable)))
            .collect();
        let status = refresh_status(&outcomes, None);
        assert_eq!(status.text, "Could not refresh: no network (3 sources)");
        assert!(status.is_error);
        let details = status.details.unwrap();
        assert_eq!(details.lines().count(), 3);
        assert!(
            details.starts_with("stations: cannot reach https://"),
            "{details}"
        );
    }

    #[test]
    fn partly_failed_refresh_counts_the_failures() {
        crate::i18n::set_thread_language(Some(crate::i18n::Lang::En));
        let outcomes = vec![
            outcome("stations", None),
            outcome("visual", Some(SourceFailure::Other)),
            outcome("weather", Some(SourceFailure::Unreachable)),
        ];
        assert_eq!(
            refresh_status(&outcomes, None).text,
            "Could not refresh: see the details (2 of 3 sources)"
        );
    }

    #[test]
    fn refresh_status_in_korean() {
        crate::i18n::set_thread_language(Some(crate::i18n::Lang::Ko));
        let outcomes = vec![
            outcome("stations", None),
            outcome("visual", Some(SourceFailure::Unreachable)),
        ];
        assert_eq!(
            refresh_status(&outcomes, None).text,
            "새로 받지 못했어요: 인터넷 연결 없음 (자료 2개 중 1개)"
        );
        crate::i18n::set_thread_language(None);
    }

    #[test]
    fn a_long_error_keeps_its_first_line_and_the_rest_in_the_details() {
        let text = "No satellites: the cache is unreadable\nline two\nline three";
        let status = Status::error(text);
        assert_eq!(status.text, "No satellites: the cache is unreadable…");
        assert_eq!(status.details.as_deref(), Some(text));
        assert_eq!(Status::info("Saved 3 passes").details, None);
    }
}
