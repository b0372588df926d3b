//! The live readout of the followed satellite: where to look now, how fast it moves,
//! the Doppler shift for a radio frequency, whether it is lit, and when it next rises.

use eframe::egui;

use serde::{Deserialize, Serialize};

use super::timefmt::countdown;
use super::view::{Action, PassKey, ViewCtx};
use crate::orbit::{Shadow, moon_view, observe};
use crate::report::compass_point;

/// Elements older than this many days drift by minutes: warn.
const STALE_ELEMENTS_DAYS: f64 = 14.0;

/// A window at least this tall (points) opens the live panel's details at first; a
/// shorter one keeps them closed, so that the sky chart's directions fit under them.
const TALL_WINDOW_POINTS: f32 = 850.0;

/// Readings as a grid of names and values, `per_row` pairs a row.
fn readings_ui(
    ui: &mut egui::Ui,
    id: &str,
    rows: Vec<(String, String)>,
    per_row: usize,
    size: f32,
) {
    egui::Grid::new(id)
        .num_columns(2 * per_row)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (i, (name, value)) in rows.into_iter().enumerate() {
                ui.label(name);
                ui.label(egui::RichText::new(value).size(size).monospace());
                if (i + 1) % per_row == 0 {
                    ui.end_row();
                }
            }
        });
}

/// The live panel.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct LivePanel {
    /// Downlink frequency the user listens on, MHz (for the Doppler shift).
    pub frequency_mhz: f64,
}

impl Default for LivePanel {
    fn default() -> Self {
        // The ISS's voice and APRS downlinks are around 145.8 MHz.
        Self {
            frequency_mhz: 145.800,
        }
    }
}

/// The Moon in a few words: "35° up, ESE 112°, 78% lit" or "below horizon, 78% lit"
/// (waxing or waning on hover).
pub fn moon_words(moon: &crate::orbit::MoonView) -> String {
    let lit = crate::t!(
        "panels-moon-lit",
        percent = format!("{:.0}", moon.illuminated_fraction * 100.0)
    );
    if moon.elevation_deg > 0.0 {
        crate::t!(
            "panels-moon-up",
            elevation = format!("{:.0}", moon.elevation_deg),
            direction = compass_point(moon.azimuth_deg),
            azimuth = format!("{:.0}", moon.azimuth_deg),
            lit = lit
        )
    } else {
        crate::t!("panels-moon-below", lit = lit)
    }
}

/// Why no position is shown, in the user's language: far from the element epoch (issue
/// 25: no "19,892,798,919 km up" a century away), or what SGP4 said.
pub fn no_position_words(e: &crate::orbit::PropagationError) -> String {
    match e {
        crate::orbit::PropagationError::FarFromEpoch {
            days_from_epoch,
            limit_days,
        } => crate::t!(
            "panels-live-far-from-epoch",
            days = crate::orbit::propagator::days_past_limit(*days_from_epoch, *limit_days),
            side = if *days_from_epoch < 0.0 {
                "before"
            } else {
                "after"
            },
            limit = format!("{limit_days:.0}")
        ),
        other => crate::t!("panels-live-no-position", error = other.to_string()),
    }
}

/// Received frequency for a transmitted one, given the range rate (km/s, positive when
/// receding): first-order Doppler, f · (1 − v/c).
pub fn doppler_received_mhz(frequency_mhz: f64, range_rate_km_s: f64) -> f64 {
    frequency_mhz * (1.0 - range_rate_km_s / crate::orbit::constants::SPEED_OF_LIGHT_KM_S)
}

impl LivePanel {
    /// Draws the readout.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, actions: &mut Vec<Action>) {
        let Self { frequency_mhz } = self;
        let Some(id) = view.selected else {
            ui.heading(crate::t!("panels-live-heading"));
            ui.label(crate::t!("panels-live-choose"));
            return;
        };
        let Some(catalog) = view.catalog else {
            ui.heading(crate::t!("panels-live-heading"));
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::t!("panels-loading-satellites"));
            });
            return;
        };
        let Some(sat) = catalog.get(id) else {
            ui.heading(crate::t!("panels-live-heading"));
            ui.label(crate::t!("panels-live-not-in-catalog", id = id.to_string()));
            return;
        };
        ui.heading(format!("{} ({id})", sat.set.name));
        let obs = match observe(sat, view.frame, view.t, catalog.std_magnitude(id)) {
            Ok(o) => o,
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, no_position_words(&e));
                return;
            }
        };
        let look = obs.look;
        let big = if view.presentation { 16.0 } else { 14.0 };
        let up = look.elevation_deg >= 0.0;
        let light = match obs.illumination.shadow {
            Shadow::Sunlit => crate::t!("panels-live-sunlit"),
            Shadow::Penumbra => crate::t!("panels-live-penumbra"),
            Shadow::Umbra => crate::t!("panels-live-umbra"),
        };
        // Presenting, where to look fills three rows (two readings a row) above the map;
        // the radio and geometry details wait for the normal view.
        let mut rows: Vec<(String, String)> = vec![
            (
                crate::t!("panels-live-azimuth"),
                format!(
                    "{:.1}° {}",
                    look.azimuth_deg,
                    compass_point(look.azimuth_deg)
                ),
            ),
            (
                crate::t!("panels-live-elevation"),
                if up {
                    format!("{:.1}°", look.elevation_deg)
                } else {
                    format!(
                        "{:.1}° {}",
                        look.elevation_deg,
                        crate::t!("panels-live-below-horizon")
                    )
                },
            ),
            (
                crate::t!("panels-live-range"),
                format!("{:.0} km", look.range_km),
            ),
        ];
        rows.push((crate::t!("panels-live-light"), light));
        if let Some(m) = obs.magnitude.filter(|_| up) {
            rows.push((
                crate::t!("panels-live-magnitude"),
                crate::t!("panels-live-magnitude-estimate", mag = format!("{m:.1}")),
            ));
        }
        let per_row = if view.presentation { 2 } else { 1 };
        readings_ui(ui, "live_grid", rows, per_row, big);
        Self::next_pass_ui(ui, view, id, up, actions);
        if view.presentation {
            return;
        }
        // The radio and geometry details, open where the window is tall enough for them
        // and the sky chart's directions (a click away on a 1280×720 screen).
        let tall = ui.ctx().content_rect().height() >= TALL_WINDOW_POINTS;
        egui::CollapsingHeader::new(crate::t!("panels-live-more"))
            .id_salt("live_more")
            .default_open(tall)
            .show(ui, |ui| {
                let details = vec![
                    (
                        crate::t!("panels-live-range-rate"),
                        format!(
                            "{:+.2} km/s {}",
                            look.range_rate_km_s,
                            if look.range_rate_km_s < 0.0 {
                                crate::t!("panels-live-approaching")
                            } else {
                                crate::t!("panels-live-receding")
                            }
                        ),
                    ),
                    (
                        crate::t!("panels-live-over"),
                        crate::t!(
                            "panels-live-over-value",
                            lat = format!("{:.2}", obs.subpoint.latitude_deg),
                            lon = format!("{:.2}", obs.subpoint.longitude_deg),
                            km = format!("{:.0}", obs.subpoint.altitude_km)
                        ),
                    ),
                    (
                        crate::t!("panels-live-sun-elevation"),
                        format!("{:.1}°", obs.sun_elevation_deg),
                    ),
                    (
                        crate::t!("panels-live-moon"),
                        moon_words(&moon_view(view.frame, view.t)),
                    ),
                ];
                readings_ui(ui, "live_details", details, 1, big);
                ui.horizontal(|ui| {
                    ui.label(crate::t!("panels-doppler-at"));
                    ui.add(
                        egui::DragValue::new(frequency_mhz)
                            .range(0.1..=300_000.0)
                            .speed(0.005)
                            .max_decimals(4)
                            .suffix(" MHz"),
                    );
                });
                let received = doppler_received_mhz(*frequency_mhz, look.range_rate_km_s);
                ui.label(crate::t!(
                    "panels-doppler-receive",
                    mhz = format!("{received:.4}"),
                    khz = format!("{:+.1}", (received - *frequency_mhz) * 1000.0)
                ));
            });
        let age_days = sat.set.age_days(view.t);
        let (when, days) = crate::report::element_age(age_days);
        let age_text = crate::t!(
            "panels-elements-age",
            date = view.fmt.date_time(sat.set.epoch),
            when = when,
            days = days,
            source = element_source_words(&sat.set.source)
        );
        if age_days.abs() > STALE_ELEMENTS_DAYS {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                crate::t!("panels-elements-stale", text = age_text),
            );
        } else {
            ui.label(egui::RichText::new(age_text).small());
        }
    }

    /// When the followed satellite next passes, and whether that pass can be seen: a
    /// visible pass by where it appears and how high it gets while seen; one that cannot
    /// be seen by its rise and why not, with the next one that can (or that none can in
    /// the search window).
    fn next_pass_ui(
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        id: u64,
        up: bool,
        actions: &mut Vec<Action>,
    ) {
        let mut ahead = view.passes.into_iter().flat_map(|p| {
            p.records
                .iter()
                .filter(move |r| r.pass.norad_id == id && r.pass.set.time > view.t)
        });
        let limit = view.limiting_magnitude;
        let Some(r) = ahead.next() else {
            ui.label(if up {
                crate::t!("panels-next-up-now")
            } else {
                crate::t!("panels-next-none")
            });
            return;
        };
        let select = |actions: &mut Vec<Action>, r: &crate::report::PassRecord| {
            actions.push(Action::SelectPass(PassKey {
                norad_id: id,
                rise: r.pass.rise.time,
            }));
        };
        let p = &r.pass;
        let fmt = view.fmt.for_pass(p);
        let seen = p.visible_start().zip(p.visible_peak());
        let text = match seen {
            _ if p.rise.time <= view.t => {
                ui.label(
                    egui::RichText::new(crate::t!(
                        "panels-next-up-sets",
                        countdown = countdown(p.set.time - view.t),
                        time = fmt.clock(p.set.time)
                    ))
                    .strong(),
                );
                None
            }
            Some((start, peak)) if p.is_visible_to_eye(limit) => Some(crate::t!(
                "panels-next-pass-visible",
                countdown = countdown(start.time - view.t),
                time = fmt.clock(start.time),
                direction = compass_point(start.azimuth_deg),
                deg = format!("{:.0}", peak.elevation_deg)
            )),
            _ => {
                let why = match (p.is_visible, p.magnitude, p.not_visible_reason) {
                    (true, Some(m), _) => {
                        crate::t!("panels-next-too-faint", mag = format!("{m:.1}"))
                    }
                    (_, _, Some(reason)) => crate::report::not_visible_words(reason).to_owned(),
                    _ => crate::t!("words-why-unknown"),
                };
                Some(crate::t!(
                    "panels-next-pass",
                    countdown = countdown(p.rise.time - view.t),
                    time = fmt.clock(p.rise.time),
                    direction = compass_point(p.rise.azimuth_deg),
                    deg = format!("{:.0}", p.culmination.elevation_deg),
                    why = why
                ))
            }
        };
        if let Some(text) = text
            && ui
                .link(text)
                .on_hover_text(crate::t!("panels-next-pass-hover"))
                .clicked()
        {
            select(actions, r);
        }
        if seen.is_some() && p.is_visible_to_eye(limit) {
            return;
        }
        // Not one to see: the next that is, if the search found one.
        match ahead.find(|r| r.pass.is_visible_to_eye(limit)) {
            Some(later) => {
                let Some(start) = later.pass.visible_start() else {
                    return;
                };
                let fmt = view.fmt.for_pass(&later.pass);
                if ui
                    .link(crate::t!(
                        "panels-next-visible-later",
                        date = fmt.date(start.time),
                        time = fmt.clock(start.time),
                        countdown = countdown(start.time - view.t)
                    ))
                    .on_hover_text(crate::t!("panels-next-pass-hover"))
                    .clicked()
                {
                    select(actions, later);
                }
            }
            None => {
                ui.label(egui::RichText::new(crate::t!("panels-next-visible-none")).weak());
            }
        }
    }
}

/// Where a satellite's elements came from, for the live panel: the bundled snapshot in the
/// window's language ("내장 자료 (CelesTrak active and visual, 2026-08-22)"), any other source (a
/// CelesTrak group, a file) by its name.
pub fn element_source_words(source: &str) -> String {
    if source == crate::catalog::BUNDLED_SOURCE_NAME {
        let what = source
            .strip_prefix("bundled snapshot (")
            .and_then(|s| s.strip_suffix(')'))
            .unwrap_or("CelesTrak");
        crate::t!("panels-elements-bundled", what = what)
    } else {
        source.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_snapshot_is_named_in_the_language() {
        use crate::i18n::{Lang, with_language};
        let bundled = crate::catalog::BUNDLED_SOURCE_NAME;
        assert_eq!(
            with_language(Lang::Ko, || element_source_words(bundled)),
            "내장 자료 (CelesTrak active and visual, 2026-08-22)"
        );
        assert_eq!(
            with_language(Lang::En, || element_source_words(bundled)),
            bundled
        );
        // Any other source keeps its name.
        assert_eq!(
            with_language(Lang::Ko, || element_source_words("CelesTrak stations")),
            "CelesTrak stations"
        );
    }

    #[test]
    fn approaching_satellite_is_heard_higher() {
        // 7 km/s closing speed at 145.8 MHz: +3.4 kHz.
        let f = doppler_received_mhz(145.8, -7.0);
        assert!(((f - 145.8) * 1000.0 - 3.404).abs() < 0.01, "{f}");
    }
}
