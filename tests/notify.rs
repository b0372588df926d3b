//! The alert before a visible pass arrives as a desktop notification (issue 13).
//!
//! The test starts a private D-Bus session bus (`dbus-daemon`, with a configuration of its
//! own, so no real notification service can be activated on it) and a small notification
//! server on it, written with zbus, that owns `org.freedesktop.Notifications` and records
//! what it is sent. Then it runs the real window under Xvfb (`scripts/ui_smoke.sh`) on
//! that bus, with the clock pinned two minutes before the ISS becomes visible over Seoul.

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration as StdDuration;

/// Two minutes before the ISS becomes visible over Seoul on the bundled elements
/// (visible part from 20:02:43 UTC, `overhead passes --sat 25544 --lat 37.5665
/// --lon 126.978 --start 2026-08-22T19:00:00Z --days 1`); the default alert is 5 minutes.
const BEFORE_VISIBLE_ISS_PASS: &str = "2026-08-22T20:00:43Z";

/// A `dbus-daemon` on a socket in a temporary directory; killed when dropped.
struct PrivateBus {
    daemon: Child,
    address: String,
    _dir: tempfile::TempDir,
}

impl PrivateBus {
    fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("bus.conf");
        std::fs::write(
            &config,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                dir.path().display()
            ),
        )
        .unwrap();
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--print-address", "--nofork", "--nopidfile"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon runs (bash .ci/run installs it)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_owned();
        assert!(address.starts_with("unix:"), "{address:?}");
        Self {
            daemon,
            address,
            _dir: dir,
        }
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// What the test's notification server received: application name, summary, body.
type Received = (String, String, String);

/// The freedesktop notification server of the test.
struct Notifications {
    received: Mutex<mpsc::Sender<Received>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Notifications {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: std::collections::HashMap<String, zbus::zvariant::OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let _ = self
            .received
            .lock()
            .unwrap()
            .send((app_name, summary, body));
        1
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".to_owned()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "overhead-test".to_owned(),
            "overhead".to_owned(),
            "1".to_owned(),
            "1.2".to_owned(),
        )
    }

    fn close_notification(&self, _id: u32) {}
}

#[test]
fn the_alert_before_a_visible_pass_arrives_as_a_desktop_notification() {
    let bus = PrivateBus::start();
    let (tx, rx) = mpsc::channel();
    let _server = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .unwrap()
        .serve_at(
            "/org/freedesktop/Notifications",
            Notifications {
                received: Mutex::new(tx),
            },
        )
        .unwrap()
        .name("org.freedesktop.Notifications")
        .unwrap()
        .build()
        .unwrap();

    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash")
        .arg(format!("{root}/scripts/ui_smoke.sh"))
        .arg(format!("{root}/target/notify-smoke.png"))
        .env("OVERHEAD_BIN", env!("CARGO_BIN_EXE_overhead"))
        .env("SMOKE_FAKE_NOW", BEFORE_VISIBLE_ISS_PASS)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    let (app, title, body) = rx
        .recv_timeout(StdDuration::from_secs(10))
        .expect("a notification arrived on the bus");
    eprintln!("notification: {title} / {body}");
    assert_eq!(app, "Overhead");
    // Where to look when it becomes visible (time, compass point and bearing, height),
    // and how bright.
    assert!(title.starts_with("ISS"), "{title}");
    assert!(title.contains("visible at 05:02"), "{title}");
    assert!(
        body.starts_with(
            "Look NW (bearing 323°, 10° up) at 05:02; highest 11° up in the NNW; sets at 05:04."
        ),
        "{body}"
    );
    assert!(body.contains("Magnitude "), "{body}");
    // Once, not once per frame.
    assert!(rx.recv_timeout(StdDuration::from_millis(500)).is_err());
}
