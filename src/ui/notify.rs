//! Desktop notifications for the alert before a visible pass.
//!
//! The window's banner only helps someone looking at the window. A notification reaches
//! the user while the window is minimised or behind others, so alerts are sent by a
//! [`Notifier`]: a thread of its own that sleeps until each alert is due and sends it,
//! whether or not the window is drawing. The app hands it the alerts it wants, already
//! worded, each time they change ([`Notifier::schedule`]); each alert is sent once.
//!
//! Notifications go over D-Bus to the freedesktop notification service
//! (`org.freedesktop.Notifications`), with `notify-rust` on the pure-Rust `zbus`. Where no
//! such service runs (no session bus, a bare window manager), sending fails; the notifier
//! remembers why ([`Notifier::failure`]) and the window's banner remains the alert. On
//! other systems (the crate builds there; the D-Bus crates are Linux-only dependencies)
//! the banner is the alert.

use std::collections::HashSet;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Utc};

use super::timefmt::TimeFormatter;
use crate::report::PassRecord;

/// The desktop entry (and icon) name the notifications carry.
pub const APP_ID: &str = "org.overhead.Overhead";

/// One notification to send at a given moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledAlert {
    /// Identifies the pass; an alert with a key already sent is never sent again.
    pub key: String,
    /// When to send it (now or in the past: at once).
    pub at: Instant,
    /// The notification's summary line.
    pub title: String,
    /// The notification's body.
    pub body: String,
}

/// Sends one notification; `Err` carries why it could not be shown.
pub type SendFn = Box<dyn Fn(&str, &str) -> Result<(), String> + Send>;

/// The thread that sends alerts when they are due.
pub struct Notifier {
    tx: mpsc::Sender<Vec<ScheduledAlert>>,
    failure: Arc<Mutex<Option<String>>>,
    sent: Arc<Mutex<Vec<String>>>,
}

impl Notifier {
    /// A notifier sending desktop notifications over D-Bus; `wake` runs after each one is
    /// sent (the app passes `ctx.request_repaint`, so that the banner shows too).
    pub fn desktop(wake: impl Fn() + Send + 'static) -> Self {
        Self::spawn(Box::new(send_desktop_notification), wake)
    }

    /// A notifier sending with `send` (tests pass a recorder).
    pub fn spawn(send: SendFn, wake: impl Fn() + Send + 'static) -> Self {
        let (tx, rx) = mpsc::channel::<Vec<ScheduledAlert>>();
        let failure = Arc::new(Mutex::new(None));
        let sent = Arc::new(Mutex::new(Vec::new()));
        let (thread_failure, thread_sent) = (failure.clone(), sent.clone());
        let spawned = std::thread::Builder::new()
            .name("overhead-notifier".to_owned())
            .spawn(move || run(&rx, &send, &wake, &thread_failure, &thread_sent));
        if let Err(e) = spawned {
            // Without the thread there are no notifications; the banner still alerts.
            *failure
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) =
                Some(format!("cannot start a thread: {e}"));
        }
        Self { tx, failure, sent }
    }

    /// Replaces the alerts waiting to be sent. Alerts already sent are skipped.
    pub fn schedule(&self, alerts: Vec<ScheduledAlert>) {
        // The thread ends only when this notifier is dropped.
        let _ = self.tx.send(alerts);
    }

    /// Why the last notification could not be shown, if it could not: the system's
    /// words, for the window to put in its own sentence (`app-notify-unavailable`).
    pub fn failure(&self) -> Option<String> {
        self.failure
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Keys of the alerts sent so far (successfully or not), in order.
    pub fn sent_keys(&self) -> Vec<String> {
        self.sent
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

fn run(
    rx: &mpsc::Receiver<Vec<ScheduledAlert>>,
    send: &SendFn,
    wake: &dyn Fn(),
    failure: &Mutex<Option<String>>,
    sent_log: &Mutex<Vec<String>>,
) {
    let mut pending: Vec<ScheduledAlert> = Vec::new();
    let mut sent: HashSet<String> = HashSet::new();
    loop {
        pending.retain(|a| !sent.contains(&a.key));
        let now = Instant::now();
        let (due, later): (Vec<_>, Vec<_>) = pending.drain(..).partition(|a| a.at <= now);
        pending = later;
        for alert in due {
            let result = send(&alert.title, &alert.body);
            *failure
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = result.err();
            sent.insert(alert.key.clone());
            sent_log
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(alert.key);
            wake();
        }
        let next = pending.iter().map(|a| a.at).min();
        let message = match next {
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(alerts) => Some(alerts),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            },
            None => match rx.recv() {
                Ok(alerts) => Some(alerts),
                Err(mpsc::RecvError) => return,
            },
        };
        if let Some(alerts) = message {
            pending = alerts;
        }
    }
}

/// Shows one notification through the freedesktop notification service (blocking; the
/// [`Notifier`] calls it from its own thread). `Err` carries the service's (or D-Bus's)
/// own words.
#[cfg(target_os = "linux")]
pub fn send_desktop_notification(title: &str, body: &str) -> Result<(), String> {
    notify_rust::Notification::new()
        .appname("Overhead")
        .summary(title)
        .body(body)
        .icon(APP_ID)
        .hint(notify_rust::Hint::DesktopEntry(APP_ID.to_owned()))
        .show()
        .map(drop)
        .map_err(|e| e.to_string())
}

/// Off Linux, no notification service is spoken to: the window's banner is the alert.
#[cfg(not(target_os = "linux"))]
pub fn send_desktop_notification(_title: &str, _body: &str) -> Result<(), String> {
    Err(crate::t!("app-notify-not-on-this-system"))
}

/// The notification for a visible pass: "ISS (ZARYA) visible at 05:02" and where to look,
/// in the words of the seen part and the pass table (compass point with bearing, height),
/// and how bright ([`crate::report::seen_directions`]).
pub fn alert_text(record: &PassRecord, fmt: &TimeFormatter) -> Option<(String, String)> {
    let start = record.pass.visible_start()?;
    let fmt = fmt.for_pass(&record.pass);
    let title = crate::t!(
        "app-notify-title",
        sat = record.name(),
        time = fmt.clock(start.time)
    );
    let body =
        crate::report::seen_directions_estimated(&record.pass, record.standard_magnitude(), |t| {
            fmt.clock(t)
        })?;
    Some((title, body))
}

/// When the alert for a pass becomes visible at `visible_start` is due, on the real clock.
///
/// `alert_at_sim` is the simulated time of the alert; `sim_now` and `real_now` the simulated
/// and real time now. An alert already due is due now; a later one is due after the same
/// stretch of real time only when the simulated clock runs at the real rate (`live`);
/// otherwise `None` (the app asks again as the simulated clock moves).
pub fn due_instant(
    alert_at_sim: DateTime<Utc>,
    sim_now: DateTime<Utc>,
    live: bool,
    now: Instant,
) -> Option<Instant> {
    if alert_at_sim <= sim_now {
        return Some(now);
    }
    if !live {
        return None;
    }
    let wait = (alert_at_sim - sim_now).to_std().ok()?;
    now.checked_add(wait.min(StdDuration::from_secs(7 * 24 * 3600)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Titles sent, and when.
    type Log = Arc<Mutex<Vec<(String, Instant)>>>;

    fn recorder() -> (SendFn, Log) {
        let log: Log = Arc::default();
        let log2 = log.clone();
        let send: SendFn = Box::new(move |title, _| {
            log2.lock()
                .unwrap()
                .push((title.to_owned(), Instant::now()));
            Ok(())
        });
        (send, log)
    }

    fn alert(key: &str, at: Instant) -> ScheduledAlert {
        ScheduledAlert {
            key: key.to_owned(),
            at,
            title: format!("title {key}"),
            body: "body".to_owned(),
        }
    }

    fn wait_for(log: &Mutex<Vec<(String, Instant)>>, n: usize) {
        let deadline = Instant::now() + StdDuration::from_secs(5);
        while log.lock().unwrap().len() < n && Instant::now() < deadline {
            std::thread::sleep(StdDuration::from_millis(10));
        }
    }

    #[test]
    fn alert_is_sent_when_due_without_anything_else_happening() {
        let (send, log) = recorder();
        let notifier = Notifier::spawn(send, || {});
        let scheduled = Instant::now();
        let due = scheduled + StdDuration::from_millis(300);
        notifier.schedule(vec![alert("a", due)]);
        wait_for(&log, 1);
        let log = log.lock().unwrap();
        assert_eq!(log.len(), 1);
        assert!(log[0].1 >= due, "sent before it was due");
        assert!(log[0].1 < due + StdDuration::from_secs(2), "sent late");
    }

    #[test]
    fn each_alert_is_sent_once_even_when_scheduled_again() {
        let (send, log) = recorder();
        let notifier = Notifier::spawn(send, || {});
        let now = Instant::now();
        notifier.schedule(vec![alert("a", now)]);
        wait_for(&log, 1);
        notifier.schedule(vec![alert("a", now), alert("b", now)]);
        wait_for(&log, 2);
        std::thread::sleep(StdDuration::from_millis(100));
        let titles: Vec<String> = log.lock().unwrap().iter().map(|l| l.0.clone()).collect();
        assert_eq!(titles, ["title a", "title b"]);
        assert_eq!(notifier.sent_keys(), ["a", "b"]);
    }

    #[test]
    fn a_new_schedule_replaces_alerts_not_yet_due() {
        let (send, log) = recorder();
        let notifier = Notifier::spawn(send, || {});
        let now = Instant::now();
        notifier.schedule(vec![alert("old", now + StdDuration::from_millis(400))]);
        notifier.schedule(vec![alert("new", now + StdDuration::from_millis(100))]);
        std::thread::sleep(StdDuration::from_millis(700));
        let titles: Vec<String> = log.lock().unwrap().iter().map(|l| l.0.clone()).collect();
        assert_eq!(titles, ["title new"]);
    }

    #[test]
    fn failure_to_send_is_remembered() {
        let notifier = Notifier::spawn(Box::new(|_, _| Err("no service".to_owned())), || {});
        notifier.schedule(vec![alert("a", Instant::now())]);
        let deadline = Instant::now() + StdDuration::from_secs(5);
        while notifier.failure().is_none() && Instant::now() < deadline {
            std::thread::sleep(StdDuration::from_millis(10));
        }
        assert_eq!(notifier.failure().as_deref(), Some("no service"));
    }

    #[test]
    fn due_instant_follows_a_live_clock_only() {
        let t: DateTime<Utc> = "2026-08-22T20:00:00Z".parse().unwrap();
        let now = Instant::now();
        let later = t + chrono::Duration::minutes(3);
        assert_eq!(due_instant(t, later, false, now), Some(now));
        assert_eq!(
            due_instant(later, t, true, now),
            Some(now + StdDuration::from_secs(180))
        );
        assert_eq!(due_instant(later, t, false, now), None);
    }
}
