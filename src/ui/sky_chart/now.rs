//! The "now" view's satellites: each chosen satellite above the horizon, where it is and
//! where it was over the last minutes.

use chrono::Duration;
use egui_plot::{Line, PlotPoints, Points};

use super::labels::{ChartLabel, Rank};
use super::{TRAIL_S, TRAIL_STEP_S};
use crate::orbit::observe;
use crate::ui::sky_scene::chart_xy;
use crate::ui::theme::Palette;
use crate::ui::view::ViewCtx;

/// A chosen satellite in the "now" view: its name, where it is and where it was.
pub(super) struct NowSatellite {
    pub(super) name: String,
    /// Chart coordinates, oldest first; the last is now.
    pub(super) trail: Vec<[f64; 2]>,
    is_up: bool,
}

/// The chosen satellites above the horizon now, with where they were in the last minutes.
pub(super) fn now_satellites(view: &ViewCtx<'_>) -> Vec<NowSatellite> {
    let Some(catalog) = view.catalog else {
        return Vec::new();
    };
    view.chosen
        .iter()
        .filter_map(|&id| {
            let sat = catalog.get(id)?;
            let mut trail = Vec::new();
            let mut is_up = false;
            for k in (0..=TRAIL_S / TRAIL_STEP_S).rev() {
                let t = view.t - Duration::seconds(k * TRAIL_STEP_S);
                let Ok(o) = observe(sat, view.frame, t, None) else {
                    continue;
                };
                is_up = o.look.elevation_deg >= 0.0;
                if is_up {
                    trail.push(chart_xy(o.look.azimuth_deg, o.look.elevation_deg));
                }
            }
            (is_up && !trail.is_empty()).then(|| NowSatellite {
                name: catalog.name(id),
                trail,
                is_up,
            })
        })
        .collect()
}

/// One satellite of the "now" view: its trail, a dot and its name.
pub(super) fn draw_now_satellite(
    plot: &mut egui_plot::PlotUi<'_>,
    labels: &mut Vec<ChartLabel>,
    sat: &NowSatellite,
    palette: Palette,
) {
    let Some(&[x, y]) = sat.trail.last() else {
        return;
    };
    if sat.trail.len() >= 2 {
        plot.line(
            Line::new("", PlotPoints::from(sat.trail.clone()))
                .color(palette.chosen.gamma_multiply(0.7))
                .width(2.0)
                .allow_hover(false),
        );
    }
    if sat.is_up {
        plot.points(
            Points::new(sat.name.clone(), PlotPoints::from(vec![[x, y]]))
                .radius(5.0)
                .color(palette.chosen),
        );
        labels.push(ChartLabel::around(
            [x, y],
            sat.name.clone(),
            palette.chosen,
            Rank::Mark,
        ));
    }
}
