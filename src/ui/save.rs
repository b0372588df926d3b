//! Saving an export (CSV, iCalendar, the handout) where the user chooses.
//!
//! Where the desktop runs the XDG desktop portal (GNOME, KDE, most desktops; also inside
//! Flatpak), a save dialog asks where to put the file: `rfd` talks to the portal over D-Bus,
//! without GTK. Without a portal (a bare window manager, a classroom kiosk) the file goes
//! into the Downloads folder (else home) and the status line gives its full path, with a
//! button that opens the folder. The handout is then opened in the desktop's PDF viewer,
//! from which it is printed, so that it never lands unseen in a folder. On Windows and
//! macOS the dialog is the system's own. Dialogs block, so all of this runs on a worker
//! thread.

use eframe::egui;

use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// The D-Bus name of the XDG desktop portal, which shows the save dialog.
#[cfg(target_os = "linux")]
const PORTAL_BUS_NAME: &str = "org.freedesktop.portal.Desktop";

/// A file to save.
#[derive(Debug, Clone)]
pub struct SaveRequest {
    /// The suggested file name, e.g. `overhead-passes-20260822-2000.csv`.
    pub file_name: String,
    /// The file's contents.
    pub contents: Vec<u8>,
    /// What the file is, for the dialog's filter ("CSV", "iCalendar").
    pub kind: &'static str,
    /// Its extension without the dot.
    pub extension: &'static str,
    /// Where the file goes without a dialog, and where the dialog starts.
    pub folder: PathBuf,
    /// Ask with a save dialog when the desktop has one.
    pub ask: bool,
    /// Open the file with the desktop's viewer once it is written (the handout: from the
    /// viewer it prints).
    pub open_after: bool,
}

/// How a save ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written to this path.
    Saved(PathBuf),
    /// Written to this path and handed to the desktop's viewer (`xdg-open`).
    SavedAndOpened(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// Writing failed.
    Failed {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        message: String,
    },
}

/// Saves on a worker thread; the result arrives on the returned channel (then a repaint).
pub fn spawn_save(ctx: &egui::Context, request: SaveRequest) -> mpsc::Receiver<SaveOutcome> {
    let (tx, rx) = mpsc::channel();
    let ctx = ctx.clone();
    // The dialog's title in the window's language (a test's thread may have its own).
    let lang = crate::i18n::language();
    std::thread::spawn(move || {
        let outcome = crate::i18n::with_language(lang, || save(&request));
        // The receiver is gone only when the window closed.
        let _ = tx.send(outcome);
        ctx.request_repaint();
    });
    rx
}

/// Saves `request`: through a dialog when asked and a portal runs, else into its folder.
pub fn save(request: &SaveRequest) -> SaveOutcome {
    let path = if request.ask && dialog_available() {
        let chosen = rfd::FileDialog::new()
            .set_title(crate::t!("app-save-dialog-title"))
            .set_directory(&request.folder)
            .set_file_name(&request.file_name)
            .add_filter(request.kind, &[request.extension])
            .save_file();
        match chosen {
            Some(path) => path,
            None => return SaveOutcome::Cancelled,
        }
    } else {
        request.folder.join(&request.file_name)
    };
    match std::fs::write(&path, &request.contents) {
        Ok(()) if request.open_after && opened_by_desktop(&path) => {
            SaveOutcome::SavedAndOpened(absolute(&path))
        }
        Ok(()) => SaveOutcome::Saved(absolute(&path)),
        Err(e) => SaveOutcome::Failed {
            path,
            message: e.to_string(),
        },
    }
}

/// True when a save dialog can be shown: on Linux when the XDG desktop portal runs
/// ([`portal_available`]); elsewhere the system's own dialog always can.
pub fn dialog_available() -> bool {
    #[cfg(target_os = "linux")]
    {
        portal_available()
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

/// True when the session bus has (or can start) the XDG desktop portal.
#[cfg(target_os = "linux")]
pub fn portal_available() -> bool {
    let Ok(connection) = zbus::blocking::Connection::session() else {
        return false;
    };
    let Ok(bus) = zbus::blocking::fdo::DBusProxy::new(&connection) else {
        return false;
    };
    let Ok(name) = zbus::names::BusName::try_from(PORTAL_BUS_NAME) else {
        return false;
    };
    let running = bus.name_has_owner(name).unwrap_or(false);
    running
        || bus
            .list_activatable_names()
            .is_ok_and(|names| names.iter().any(|n| n.as_str() == PORTAL_BUS_NAME))
}

/// The program that hands a file or folder to the desktop (its file manager, its PDF
/// viewer).
const OPEN_PROGRAM: &str = if cfg!(target_os = "windows") {
    "explorer"
} else if cfg!(target_os = "macos") {
    "open"
} else {
    "xdg-open"
};

/// Opens a folder in the desktop's file manager (`xdg-open`; `explorer` on Windows, `open`
/// on macOS), without waiting for it.
pub fn open_folder(folder: &Path) -> Result<(), String> {
    open_with_desktop(folder).map_err(|e| {
        crate::t!(
            "app-open-folder-failed",
            path = folder.display().to_string(),
            error = format!("{OPEN_PROGRAM}: {e}")
        )
    })
}

/// Hands a file to the desktop's viewer (`xdg-open`; `explorer` on Windows, `open` on
/// macOS) and tells whether it took it: false
/// when `xdg-open` is missing or fails within two seconds (no viewer for PDF files); true
/// when it succeeds or is still running then (it waits for some viewers). Blocks up to two
/// seconds: call it from a worker thread.
fn opened_by_desktop(path: &Path) -> bool {
    let Ok(mut child) = std::process::Command::new(OPEN_PROGRAM)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    else {
        return false;
    };
    for _ in 0..20 {
        match child.try_wait() {
            Ok(Some(status)) => return status.success(),
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(100)),
            Err(_) => return false,
        }
    }
    // Still running (a viewer in the foreground): reaped when it ends.
    std::thread::spawn(move || child.wait());
    true
}

/// Hands a file or folder to the desktop ([`OPEN_PROGRAM`]: the file manager, the PDF
/// viewer), without waiting for it.
fn open_with_desktop(path: &Path) -> std::io::Result<()> {
    std::process::Command::new(OPEN_PROGRAM)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_asking_the_file_goes_into_the_folder_with_its_full_path() {
        let dir = tempfile::tempdir().unwrap();
        let request = SaveRequest {
            file_name: "passes.csv".to_owned(),
            contents: b"a,b\n".to_vec(),
            kind: "CSV",
            extension: "csv",
            folder: dir.path().to_path_buf(),
            ask: false,
            open_after: false,
        };
        let outcome = save(&request);
        let path = dir.path().join("passes.csv");
        assert_eq!(outcome, SaveOutcome::Saved(path.clone()));
        assert!(path.is_absolute());
        assert_eq!(std::fs::read_to_string(path).unwrap(), "a,b\n");
    }
}
