//! The real binary in a real (virtual) window: `scripts/ui_smoke.sh` starts `overhead`
//! under Xvfb with the clock pinned, waits until it has drawn, takes a screenshot
//! (`target/ui-smoke.png`) and checks that it is not blank. `bash .ci/run` installs Xvfb
//! and ImageMagick when they are missing.

use std::process::Command;

#[test]
fn the_window_draws_under_xvfb() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash")
        .arg(format!("{root}/scripts/ui_smoke.sh"))
        .arg(format!("{root}/target/ui-smoke.png"))
        .env("OVERHEAD_BIN", env!("CARGO_BIN_EXE_overhead"))
        // No desktop notifications from a test onto the developer's desktop.
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "smoke test failed (needs Xvfb and ImageMagick: run `bash .ci/run`)\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("ui_smoke: ok"), "{stdout}");
}
