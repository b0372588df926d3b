//! A typed date and time for the clock ("2026-08-22 21:37", or "21:37" today), in the zone
//! the window shows times in: to set the clock to when something was seen.

use eframe::egui;

use super::clock::ClockCommand;
use super::view::ViewCtx;

/// The form the field shows the clock's time in (the place's zone): one it reads back.
const TYPED_FORMAT: &str = "%Y-%m-%d %H:%M";

/// The clock bar's time field: what is being typed, and whether the last try was unreadable.
#[derive(Debug, Clone, Default)]
pub struct TimeEntry {
    text: String,
    unreadable: bool,
}

impl TimeEntry {
    /// Draws the field and its button; a readable time becomes [`ClockCommand::JumpTo`].
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        send: &mut dyn FnMut(ClockCommand),
    ) {
        let edit = egui::TextEdit::singleline(&mut self.text)
            .desired_width(140.0)
            // The clock's own time in the form the field reads: a start to edit, never an
            // example date from another season.
            .hint_text(view.fmt.format(view.t, TYPED_FORMAT));
        let edit = if self.unreadable {
            edit.text_color(ui.visuals().error_fg_color)
        } else {
            edit
        };
        let response = ui.add(edit).on_hover_text(crate::t!(
            "panels-clock-type-hover",
            zone = view.fmt.zone_label(view.t)
        ));
        if response.changed() {
            self.unreadable = false;
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui.button(crate::t!("panels-clock-type-set")).clicked();
        if (entered || clicked) && !self.text.trim().is_empty() {
            match view.fmt.parse_local(&self.text, view.t) {
                Some(t) => {
                    send(ClockCommand::JumpTo(t));
                    self.text.clear();
                }
                None => self.unreadable = true,
            }
        }
        if self.unreadable {
            ui.colored_label(
                ui.visuals().error_fg_color,
                crate::t!("panels-clock-type-error"),
            );
        }
    }
}
