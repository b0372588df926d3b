//! What the Transits view decides, apart from what it draws (so that it is tested without
//! egui): which search the view needs, which event is selected, which alerts are due, and
//! the local map's projection.
//!
//! The search is a function of calendar facts, not of instants that move with the clock:
//! its window starts at 00:00 UTC of the clock's day, so a running clock asks for a new
//! search once a day (once per simulated day at x1000), and otherwise only when the place,
//! the satellites, the radius, the bodies or the length change.

use chrono::{DateTime, Duration, NaiveTime, Utc};

use crate::orbit::transit::{Transit, TransitSearch, bearing_deg, ground_distance_km};
use crate::orbit::{Observer, TransitBody};

/// What a transit search is for.
#[derive(Debug, Clone, PartialEq)]
pub struct TransitRequest {
    /// Catalog numbers searched.
    pub norad_ids: Vec<u64>,
    /// The place.
    pub observer: Observer,
    /// Radius and bodies.
    pub search: TransitSearch,
    /// Window start, UTC (00:00 of a day).
    pub start: DateTime<Utc>,
    /// Window end, UTC.
    pub end: DateTime<Utc>,
}

/// The view's choices that shape the search.
#[derive(Debug, Clone, PartialEq)]
pub struct TransitInputs {
    /// The satellites to search (known to the catalog).
    pub norad_ids: Vec<u64>,
    /// The place.
    pub observer: Observer,
    /// Radius and bodies.
    pub search: TransitSearch,
    /// Days searched from the start of the clock's day.
    pub days: u32,
}

/// The search window for the clock at `t`: from 00:00 UTC of its day, `days` days long.
pub fn window_for(t: DateTime<Utc>, days: u32) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = t.date_naive().and_time(NaiveTime::MIN).and_utc();
    (start, start + Duration::days(i64::from(days.max(1))))
}

/// The search the view needs at `t`, or `None` when `current` (running or done) serves.
/// Nothing is searched without a satellite or a body.
pub fn wanted_request(
    inputs: &TransitInputs,
    t: DateTime<Utc>,
    current: Option<&TransitRequest>,
) -> Option<TransitRequest> {
    if inputs.norad_ids.is_empty() || !(inputs.search.sun || inputs.search.moon) {
        return None;
    }
    let (start, end) = window_for(t, inputs.days);
    let wanted = TransitRequest {
        norad_ids: inputs.norad_ids.clone(),
        observer: inputs.observer,
        search: inputs.search,
        start,
        end,
    };
    (current != Some(&wanted)).then_some(wanted)
}

/// Identifies a transit across searches: the satellite, the body and the centre line's
/// nearest moment (within a minute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransitKey {
    /// Catalog number.
    pub norad_id: u64,
    /// The body.
    pub body: TransitBody,
    /// The nearest point's time, UTC.
    pub time: DateTime<Utc>,
}

impl TransitKey {
    /// The key of `t`.
    pub fn of(t: &Transit) -> Self {
        Self {
            norad_id: t.norad_id,
            body: t.body,
            time: t.nearest.time,
        }
    }

    /// True when `t` is this transit.
    pub fn matches(&self, t: &Transit) -> bool {
        t.norad_id == self.norad_id
            && t.body == self.body
            && (t.nearest.time - self.time).num_seconds().abs() < 60
    }

    /// A stable text for notifications ("transit-25544-sun-1787364000").
    pub fn id(&self) -> String {
        format!(
            "transit-{}-{}-{}",
            self.norad_id,
            crate::report::body_tag(self.body),
            self.time.timestamp()
        )
    }
}

/// The event to show: the selected one while it is still listed, else the first one
/// still to come at `t`, else the last one.
pub fn shown_index(
    transits: &[Transit],
    selected: Option<TransitKey>,
    t: DateTime<Utc>,
) -> Option<usize> {
    selected
        .and_then(|k| transits.iter().position(|x| k.matches(x)))
        .or_else(|| transits.iter().position(|x| x.nearest.time >= t))
        .or_else(|| transits.len().checked_sub(1))
}

/// The transits whose alert is due at `t` with a lead of `lead_minutes` (0: none): those
/// still to come within the lead, earliest first.
pub fn due_alerts(transits: &[Transit], t: DateTime<Utc>, lead_minutes: u32) -> Vec<&Transit> {
    if lead_minutes == 0 {
        return Vec::new();
    }
    let horizon = t + Duration::minutes(i64::from(lead_minutes));
    transits
        .iter()
        .filter(|x| x.nearest.time > t && x.nearest.time <= horizon)
        .collect()
}

/// When each transit's alert falls on the simulated clock, for those still to come:
/// (the key, the alert's moment).
pub fn alert_moments(
    transits: &[Transit],
    t: DateTime<Utc>,
    lead_minutes: u32,
) -> Vec<(TransitKey, DateTime<Utc>)> {
    if lead_minutes == 0 {
        return Vec::new();
    }
    transits
        .iter()
        .filter(|x| x.nearest.time > t)
        .map(|x| {
            (
                TransitKey::of(x),
                x.nearest.time - Duration::minutes(i64::from(lead_minutes)),
            )
        })
        .collect()
}

/// The local map's projection: azimuthal equidistant about the place, x east and y north,
/// km (distances and directions from the place are true).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocalProjection {
    /// The place's latitude, degrees.
    pub lat0_deg: f64,
    /// The place's longitude, degrees.
    pub lon0_deg: f64,
}

impl LocalProjection {
    /// The projection about a place.
    pub fn new(lat0_deg: f64, lon0_deg: f64) -> Self {
        Self { lat0_deg, lon0_deg }
    }

    /// East and north of the place, km.
    pub fn to_km(&self, lat_deg: f64, lon_deg: f64) -> [f64; 2] {
        let d = ground_distance_km(self.lat0_deg, self.lon0_deg, lat_deg, lon_deg);
        if d == 0.0 {
            return [0.0, 0.0];
        }
        let b = bearing_deg(self.lat0_deg, self.lon0_deg, lat_deg, lon_deg).to_radians();
        [d * b.sin(), d * b.cos()]
    }

    /// The latitude and longitude (degrees, longitude in [−180, 180)) `x_km` east and
    /// `y_km` north of the place.
    pub fn to_lat_lon(&self, x_km: f64, y_km: f64) -> (f64, f64) {
        let radius = crate::orbit::constants::EARTH_MEAN_RADIUS_KM;
        let delta = x_km.hypot(y_km) / radius;
        let bearing = x_km.atan2(y_km);
        let (p1, l1) = (self.lat0_deg.to_radians(), self.lon0_deg.to_radians());
        let p2 = (p1.sin() * delta.cos() + p1.cos() * delta.sin() * bearing.cos()).asin();
        let l2 =
            l1 + (bearing.sin() * delta.sin() * p1.cos()).atan2(delta.cos() - p1.sin() * p2.sin());
        let lon = (l2.to_degrees() + 180.0).rem_euclid(360.0) - 180.0;
        (p2.to_degrees(), lon)
    }

    /// Whether a point may lie within `reach_km` of the place: a cheap test on latitude and
    /// longitude before projecting (never false for a point that does).
    pub fn may_reach(&self, lat_deg: f64, lon_deg: f64, reach_km: f64) -> bool {
        let dlat_deg = (reach_km / 111.0) * 1.05 + 0.01;
        if (lat_deg - self.lat0_deg).abs() > dlat_deg {
            return false;
        }
        let cos = self
            .lat0_deg
            .abs()
            .max(lat_deg.abs())
            .min(89.0)
            .to_radians()
            .cos()
            .max(0.02);
        let dlon = ((lon_deg - self.lon0_deg + 180.0).rem_euclid(360.0) - 180.0).abs();
        dlon <= dlat_deg / cos
    }
}

/// How far the local map reaches from the place, km: the radius and a quarter more, at
/// least 40 km.
pub fn map_reach_km(radius_km: f64) -> f64 {
    (radius_km * 1.25).max(40.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> TransitInputs {
        TransitInputs {
            norad_ids: vec![25544, 48274],
            observer: Observer::new(51.5, -0.12, 10.0),
            search: TransitSearch::default(),
            days: 14,
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_running_clock_asks_for_one_search_a_day_at_any_speed() {
        // A simulated fortnight at x60 (a frame every 33 ms: 2 simulated seconds) and at
        // x1000 (33 simulated seconds a frame): the view asks for a search at the start
        // and at each new UTC day, never between.
        for step_s in [2, 33] {
            let mut current: Option<TransitRequest> = None;
            let mut searches = 0;
            let mut t = at("2026-08-22T20:00:00Z");
            let end = at("2026-09-05T20:00:00Z");
            while t < end {
                if let Some(r) = wanted_request(&inputs(), t, current.as_ref()) {
                    searches += 1;
                    current = Some(r);
                }
                t += Duration::seconds(step_s);
            }
            // 22 Aug, then 23 Aug to 5 Sep: 15 days.
            assert_eq!(searches, 15, "step {step_s} s");
        }
    }

    #[test]
    fn changing_an_input_asks_again_and_nothing_asks_for_nothing() {
        let t = at("2026-08-22T20:00:00Z");
        let first = wanted_request(&inputs(), t, None).unwrap();
        assert_eq!(first.start, at("2026-08-22T00:00:00Z"));
        assert_eq!(first.end, at("2026-09-05T00:00:00Z"));
        assert!(wanted_request(&inputs(), t, Some(&first)).is_none());
        let mut wider = inputs();
        wider.search.radius_km = 100.0;
        assert!(wanted_request(&wider, t, Some(&first)).is_some());
        let mut moved = inputs();
        moved.observer.latitude_deg += 0.5;
        assert!(wanted_request(&moved, t, Some(&first)).is_some());
        let mut none = inputs();
        none.norad_ids.clear();
        assert!(wanted_request(&none, t, None).is_none());
        let mut no_body = inputs();
        no_body.search.sun = false;
        no_body.search.moon = false;
        assert!(wanted_request(&no_body, t, None).is_none());
    }

    #[test]
    fn the_local_projection_goes_there_and_back() {
        let p = LocalProjection::new(-33.9249, 18.4241);
        for (x, y) in [(0.0, 0.0), (25.0, -3.0), (-480.0, 120.0), (0.0, 500.0)] {
            let (lat, lon) = p.to_lat_lon(x, y);
            let [x2, y2] = p.to_km(lat, lon);
            assert!(
                (x - x2).abs() < 1e-6 && (y - y2).abs() < 1e-6,
                "{x},{y} -> {x2},{y2}"
            );
            assert!(p.may_reach(lat, lon, x.hypot(y) + 1.0));
        }
        assert!(!p.may_reach(-30.0, 18.4, 100.0));
        // Across the date line.
        let fiji = LocalProjection::new(-17.7, 179.9);
        let (lat, lon) = fiji.to_lat_lon(50.0, 0.0);
        assert!(lon < -179.0, "{lat} {lon}");
        assert!(fiji.may_reach(lat, lon, 51.0));
    }
}
