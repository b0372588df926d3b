//! The "now" view's satellites: each bright sunlit satellite above the horizon and each
//! chosen one up, where it is and where it was over the last minutes (worked out once a
//! second by [`crate::ui::sky_now::NowSkyCache`]; this file only draws them).

use egui_plot::{Line, PlotPoints, Points};

use super::labels::{ChartLabel, Rank};
use crate::ui::sky_now::NowSatellite;
use crate::ui::theme::Palette;

/// How many of the satellites nobody chose are named on the chart, the brightest first.
pub(super) const NAMED_OTHERS: usize = 5;

/// One satellite of the "now" view: its trail, a dot and, when `named`, its name (the
/// chosen ones in their colour, the others in the sunlit colour, fainter ones smaller).
pub(super) fn draw_now_satellite(
    plot: &mut egui_plot::PlotUi<'_>,
    labels: &mut Vec<ChartLabel>,
    sat: &NowSatellite,
    palette: Palette,
    named: bool,
) {
    let Some(&[x, y]) = sat.trail.last() else {
        return;
    };
    let color = if sat.chosen {
        palette.chosen
    } else {
        palette.sunlit
    };
    if sat.trail.len() >= 2 {
        plot.line(
            Line::new("", PlotPoints::from(sat.trail.clone()))
                .color(color.gamma_multiply(0.7))
                .width(if sat.chosen { 2.0 } else { 1.5 })
                .allow_hover(false),
        );
    }
    // A dot as large as the satellite is bright: 5 points at magnitude 0 and brighter, 2.5
    // at magnitude 5.
    let radius = sat
        .magnitude
        .map_or(4.0, |m| (5.0 - 0.5 * m.clamp(0.0, 5.0)) as f32);
    plot.points(
        Points::new(sat.name.clone(), PlotPoints::from(vec![[x, y]]))
            .radius(if sat.chosen { 5.0 } else { radius })
            .color(color),
    );
    if named {
        labels.push(ChartLabel::around(
            [x, y],
            sat.name.clone(),
            color,
            Rank::Mark,
        ));
    }
}
