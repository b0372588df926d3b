//! The selected pass on the sky chart: its path (solid where sunlit, dashed in Earth's
//! shadow), time ticks, rise and set, the direction of motion, and the marks of where it
//! appears, is highest, is brightest and vanishes.

use chrono::{DateTime, Utc};
use egui_plot::{Arrows, Line, LineStyle, MarkerShape, PlotPoints, Points};

use super::LabelSizes;
use super::labels::{ChartLabel, Rank};
use crate::orbit::{PathPoint, Vanishes};
use crate::report::PassRecord;
use crate::ui::sky_scene::chart_xy;
use crate::ui::theme::Palette;
use crate::ui::timefmt::TimeFormatter;
use crate::ui::view::{PassKey, ViewCtx};

/// Samples of one pass, computed once when it is selected.
#[derive(Debug, Clone)]
pub(super) struct PassPath {
    pub(super) key: PassKey,
    pub(super) samples: Vec<PathPoint>,
}

/// Draws the pass: its sunlit and shadowed runs, minute ticks, the direction of motion and
/// the marks; their words go into `labels` and the marks' places into `marks` (chart
/// units), to be placed clear of each other ([`super::labels`]).
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_path(
    plot: &mut egui_plot::PlotUi<'_>,
    labels: &mut Vec<ChartLabel>,
    marks: &mut Vec<[f64; 2]>,
    path: &PassPath,
    record: &PassRecord,
    view: &ViewCtx<'_>,
    fmt: TimeFormatter,
    sizes: LabelSizes,
) {
    let palette = view.palette;
    // Runs of samples with the same lighting; each run shares its first point with the
    // previous one so that the line is unbroken.
    let mut start = 0;
    let samples = &path.samples;
    while start + 1 < samples.len() {
        let lit = samples.get(start).is_some_and(|s| s.is_sunlit);
        let mut end = start + 1;
        while end + 1 < samples.len() && samples.get(end).is_some_and(|s| s.is_sunlit == lit) {
            end += 1;
        }
        let points: PlotPoints<'_> = samples
            .get(start..=end)
            .unwrap_or_default()
            .iter()
            .map(|s| chart_xy(s.azimuth_deg, s.elevation_deg))
            .collect();
        let line = if lit {
            Line::new("sunlit", points).color(palette.sunlit).width(3.0)
        } else {
            Line::new("in shadow", points)
                .color(palette.shadow)
                .width(2.0)
                .style(LineStyle::Dashed { length: 8.0 })
        };
        plot.line(line.allow_hover(false));
        start = end;
    }
    let (Some(first), Some(last)) = (samples.first(), samples.last()) else {
        return;
    };
    let minutes = (last.t - first.t).num_minutes();
    let tick_min = match minutes {
        ..=20 => 1,
        21..=40 => 2,
        41..=100 => 5,
        101..=300 => 15,
        301..=600 => 30,
        _ => 60,
    };
    let mut ticks = Vec::new();
    let first_tick_s = (first.t.timestamp() / (60 * tick_min) + 1) * 60 * tick_min;
    let mut tick_s = first_tick_s;
    while tick_s < last.t.timestamp() {
        if let Some(s) = samples
            .iter()
            .min_by_key(|s| (s.t.timestamp() - tick_s).abs())
            && let Some(t) = DateTime::<Utc>::from_timestamp(tick_s, 0)
        {
            let xy = chart_xy(s.azimuth_deg, s.elevation_deg);
            ticks.push(xy);
            // Where the path is slow on the chart (near the horizon) the times would cover
            // each other: the placer leaves out those that find no room.
            labels.push(ChartLabel::around(
                xy,
                fmt.hm(t),
                palette.weak_text,
                Rank::Time,
            ));
        }
        tick_s += 60 * tick_min;
    }
    plot.points(
        Points::new("ticks", PlotPoints::from(ticks))
            .radius(3.0)
            .color(palette.text),
    );
    let rise = chart_xy(first.azimuth_deg, first.elevation_deg);
    let set = chart_xy(last.azimuth_deg, last.elevation_deg);
    for (xy, text) in [
        (rise, crate::t!("panels-mark-rise")),
        (set, crate::t!("panels-mark-set")),
    ] {
        labels.push(ChartLabel::around(xy, text, palette.text, Rank::RiseSet));
    }
    if let Some((origin, tip)) = motion_arrow(samples, record) {
        plot.arrows(
            Arrows::new("direction", vec![origin], vec![tip])
                .color(palette.text)
                .tip_length(16.0 * sizes.small / 12.0)
                .allow_hover(false),
        );
    }
    draw_seen_marks(plot, labels, marks, samples, record, palette, sizes);
}

/// An arrow along the path at the middle of the part that is seen (or of the pass), from
/// one sample to one a few degrees on: the direction of motion.
fn motion_arrow(samples: &[PathPoint], record: &PassRecord) -> Option<([f64; 2], [f64; 2])> {
    let p = &record.pass;
    let (from, to) = match (p.visible_start(), p.visible_end()) {
        (Some(a), Some(b)) => (a.time, b.time),
        _ => (p.rise.time, p.set.time),
    };
    let middle = from + (to - from) / 2;
    let i = samples.iter().position(|s| s.t >= middle)?;
    let origin = samples.get(i)?;
    let o = chart_xy(origin.azimuth_deg, origin.elevation_deg);
    let tip = samples.get(i + 1..)?.iter().find_map(|s| {
        let xy = chart_xy(s.azimuth_deg, s.elevation_deg);
        ((xy[0] - o[0]).hypot(xy[1] - o[1]) >= 6.0).then_some(xy)
    })?;
    Some((o, tip))
}

/// Where it appears, where it vanishes (a filled square when it fades into the Earth's
/// shadow, a cross when it sets), its highest point while seen, and its brightest point.
fn draw_seen_marks(
    plot: &mut egui_plot::PlotUi<'_>,
    labels: &mut Vec<ChartLabel>,
    marks: &mut Vec<[f64; 2]>,
    samples: &[PathPoint],
    record: &PassRecord,
    palette: Palette,
    sizes: LabelSizes,
) {
    let p = &record.pass;
    let mut mark = |name: &str, xy: [f64; 2], shape: MarkerShape, filled: bool, text: String| {
        plot.points(
            Points::new(name.to_owned(), PlotPoints::from(vec![xy]))
                .shape(shape)
                .filled(filled)
                .radius(7.0 * sizes.small / 12.0)
                .color(palette.text)
                .allow_hover(false),
        );
        marks.push(xy);
        labels.push(ChartLabel::around(xy, text, palette.text, Rank::Mark));
    };
    if let Some(a) = p.visible_start() {
        let xy = chart_xy(a.azimuth_deg, a.elevation_deg);
        mark(
            "appears",
            xy,
            MarkerShape::Circle,
            false,
            crate::t!("panels-mark-appears"),
        );
    }
    if let Some(b) = p.visible_end() {
        let xy = chart_xy(b.azimuth_deg, b.elevation_deg);
        if p.vanishes == Some(Vanishes::EntersShadow) {
            mark(
                "fades",
                xy,
                MarkerShape::Square,
                true,
                crate::t!("panels-mark-fades"),
            );
        } else {
            mark(
                "vanishes",
                xy,
                MarkerShape::Cross,
                false,
                crate::t!("panels-mark-vanishes"),
            );
        }
    }
    let brightest = brightest_seen(samples, record);
    let mut brightest_apart = brightest;
    if let Some(peak) = p.visible_peak() {
        let xy = chart_xy(peak.azimuth_deg, peak.elevation_deg);
        let deg = format!("{:.0}", peak.elevation_deg);
        // Usually the brightest point is the highest: then one mark says both.
        let text = match brightest {
            Some((b_xy, magnitude)) if (b_xy[0] - xy[0]).hypot(b_xy[1] - xy[1]) < 4.0 => {
                brightest_apart = None;
                crate::t!(
                    "panels-mark-highest-brightest",
                    deg = deg,
                    mag = magnitude_text(magnitude)
                )
            }
            _ => crate::t!("panels-mark-highest", deg = deg),
        };
        mark("highest", xy, MarkerShape::Diamond, false, text);
    }
    if let Some((xy, magnitude)) = brightest_apart {
        mark(
            "brightest",
            xy,
            MarkerShape::Asterisk,
            false,
            crate::t!("panels-mark-brightest", mag = magnitude_text(magnitude)),
        );
    }
}

/// A magnitude to one decimal, never "-0.0" (a magnitude of -0.04 rounds to "0.0").
fn magnitude_text(magnitude: f64) -> String {
    format!("{:.1}", (magnitude * 10.0).round() / 10.0 + 0.0)
}

/// The brightest sample of the part that is seen, and its estimated magnitude.
fn brightest_seen(samples: &[PathPoint], record: &PassRecord) -> Option<([f64; 2], f64)> {
    let (a, b) = (record.pass.visible_start()?, record.pass.visible_end()?);
    samples
        .iter()
        .filter(|s| s.t >= a.time && s.t <= b.time && s.is_sunlit)
        .filter_map(|s| Some((s, s.magnitude?)))
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(s, m)| (chart_xy(s.azimuth_deg, s.elevation_deg), m))
}

#[cfg(test)]
mod tests {
    use super::magnitude_text;

    #[test]
    fn a_magnitude_near_zero_is_never_negative_zero() {
        assert_eq!(magnitude_text(-0.04), "0.0");
        assert_eq!(magnitude_text(-0.06), "-0.1");
        assert_eq!(magnitude_text(2.25), "2.3");
    }
}
