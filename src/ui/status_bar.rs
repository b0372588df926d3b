//! The status line at the bottom of the window: one short line, its details on demand,
//! and a × that dismisses it.
//!
//! A refresh of several sources, or an error with a cause chain, can say a dozen lines
//! (URLs, DNS errors); the line says what happened in a few words and keeps the rest
//! behind "Details".

use eframe::egui;

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

/// What a refresh of the element sources did, in one line ("Could not refresh: no
/// network (3 sources)"), with one line per source as the details.
pub fn refresh_status(outcomes: &[SourceOutcome]) -> Status {
    let total = outcomes.len();
    let sources = |n: usize| t!("app-sources", count = n);
    let details = outcomes
        .iter()
        .map(|o| format!("{}: {}", o.label, o.message))
        .collect::<Vec<_>>()
        .join("\n");
    let failures: Vec<SourceFailure> = outcomes.iter().filter_map(|o| o.failure).collect();
    if failures.is_empty() {
        return Status::info(t!("app-status-refreshed", sources = sources(total)))
            .with_details(details);
    }
    let all_are = |kind: SourceFailure| failures.iter().all(|f| *f == kind);
    let reason = if all_are(SourceFailure::Unreachable) {
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
                    ui.label(egui::RichText::new(details).small().monospace());
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
        SourceOutcome {
            label: label.to_owned(),
            message: format!("cannot reach https://celestrak.org/{label}: dns error"),
            failure,
        }
    }

    #[test]
    fn offline_refresh_is_one_line_with_each_source_in_the_details() {
        crate::i18n::set_thread_language(Some(crate::i18n::Lang::En));
        let outcomes: Vec<_> = ["stations", "visual", "weather"]
            .into_iter()
            .map(|l| outcome(l, Some(SourceFailure::Unreachable)))
            .collect();
        let status = refresh_status(&outcomes);
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
            refresh_status(&outcomes).text,
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
            refresh_status(&outcomes).text,
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
