//! Startup measurement: with `OVERHEAD_STARTUP_PROBE` set, the window prints (once, on
//! stderr) the wall-clock time of the first frame that drew pass rows, so that a script can
//! measure from the process start to the first rows (`scripts/measure_startup.sh`). With the
//! value `exit` the process ends right after.

use std::sync::atomic::{AtomicBool, Ordering};

static REPORTED: AtomicBool = AtomicBool::new(false);

/// Call after each frame with whether it drew pass rows.
pub fn after_frame(drew_rows: bool) {
    if !drew_rows || REPORTED.load(Ordering::Relaxed) {
        return;
    }
    let Some(mode) = std::env::var_os("OVERHEAD_STARTUP_PROBE") else {
        REPORTED.store(true, Ordering::Relaxed);
        return;
    };
    REPORTED.store(true, Ordering::Relaxed);
    let unix_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default();
    eprintln!("overhead-probe: first pass rows drawn at unix_ms={unix_ms}");
    if mode == "exit" {
        std::process::exit(0);
    }
}
