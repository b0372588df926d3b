//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// Path of a file under `tests/data/`.
pub fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

// ---- Catalog tests: a local HTTP server that serves fixtures and misbehaves on purpose ----

/// What the [`TestServer`] answers on one path.
#[derive(Clone, Debug)]
pub enum Reply {
    /// 200 with this body and a Content-Length.
    Data(Vec<u8>),
    /// 200 with this body, chunked (no Content-Length).
    Chunked(Vec<u8>),
    /// This status, content type and body.
    Status(u16, &'static str, String),
    /// 302 to this Location.
    Redirect(String),
    /// 200 with a Content-Length for `body`, but only `first` bytes sent before a pause of
    /// `pause_ms`, then the rest.
    Slow {
        /// The whole body.
        body: Vec<u8>,
        /// Bytes sent before the pause.
        first: usize,
        /// Length of the pause, milliseconds.
        pause_ms: u64,
    },
}

/// A `tiny_http` server on 127.0.0.1 (random port) answering from a table of paths, one
/// thread per request, counting requests. Stops when dropped.
pub struct TestServer {
    server: std::sync::Arc<tiny_http::Server>,
    routes: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Reply>>>,
    requests: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    started: std::sync::Arc<std::sync::Mutex<std::sync::mpsc::Sender<String>>>,
    started_rx: std::sync::Mutex<std::sync::mpsc::Receiver<String>>,
    port: u16,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestServer {
    /// Starts a server with no routes (every path answers 404).
    pub fn start() -> Self {
        Self::start_on(0)
    }

    /// [`TestServer::start`] on a chosen port of 127.0.0.1 (0: any free one), e.g. where a
    /// refused connection was just seen, as a network coming back.
    pub fn start_on(port: u16) -> Self {
        use std::sync::{Arc, Mutex, atomic::AtomicUsize};
        let server = Arc::new(
            tiny_http::Server::http(("127.0.0.1", port)).expect("bind a port on 127.0.0.1"),
        );
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let routes: Arc<Mutex<std::collections::HashMap<String, Reply>>> = Arc::default();
        let requests = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = std::sync::mpsc::channel();
        let started = Arc::new(Mutex::new(tx));
        let thread = {
            let (server, routes, requests, started) = (
                server.clone(),
                routes.clone(),
                requests.clone(),
                started.clone(),
            );
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    requests.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let path = request.url().to_owned();
                    let reply = routes.lock().expect("routes lock").get(&path).cloned();
                    let started = started.lock().expect("sender lock").clone();
                    std::thread::spawn(move || answer(request, reply, &started, &path));
                }
            })
        };
        Self {
            server,
            routes,
            requests,
            started,
            started_rx: Mutex::new(rx),
            port,
            thread: Some(thread),
        }
    }

    /// Sets what `path` (with its query, e.g. `/gp.php?GROUP=x`) answers.
    pub fn set(&self, path: &str, reply: Reply) {
        self.routes
            .lock()
            .expect("routes lock")
            .insert(path.to_owned(), reply);
    }

    /// `http://127.0.0.1:<port><path>`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// `http://127.0.0.1:<port>` (a CelesTrak base URL).
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Requests received so far.
    pub fn requests(&self) -> usize {
        self.requests.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Waits until a reply has started to be sent, returning its path.
    pub fn wait_for_reply_started(&self, timeout: std::time::Duration) -> Option<String> {
        self.started_rx
            .lock()
            .expect("receiver lock")
            .recv_timeout(timeout)
            .ok()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A reader that yields `first` bytes, sleeps, then yields the rest.
struct SlowReader {
    body: Vec<u8>,
    position: usize,
    first: usize,
    pause: std::time::Duration,
    paused: bool,
}

impl std::io::Read for SlowReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.position >= self.first && !self.paused {
            self.paused = true;
            std::thread::sleep(self.pause);
        }
        let end = if self.paused {
            self.body.len()
        } else {
            self.first
        };
        let n = buf.len().min(end - self.position);
        buf[..n].copy_from_slice(&self.body[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

fn answer(
    request: tiny_http::Request,
    reply: Option<Reply>,
    started: &std::sync::mpsc::Sender<String>,
    path: &str,
) {
    use tiny_http::{Header, Response, StatusCode};
    let header = |name: &str, value: &str| {
        Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
    };
    let _ = started.send(path.to_owned());
    let _ = match reply {
        None => request.respond(Response::from_string("not found").with_status_code(404)),
        Some(Reply::Data(body)) => request.respond(Response::from_data(body)),
        Some(Reply::Chunked(body)) => {
            let length = body.len();
            request.respond(
                Response::new(
                    StatusCode(200),
                    vec![],
                    std::io::Cursor::new(body),
                    None,
                    None,
                )
                .with_chunked_threshold(length.min(1)),
            )
        }
        Some(Reply::Status(code, content_type, body)) => request.respond(
            Response::from_string(body)
                .with_status_code(code)
                .with_header(header("Content-Type", content_type)),
        ),
        Some(Reply::Redirect(location)) => request.respond(
            Response::from_string("moved")
                .with_status_code(302)
                .with_header(header("Location", &location)),
        ),
        Some(Reply::Slow {
            body,
            first,
            pause_ms,
        }) => {
            let length = body.len();
            let reader = SlowReader {
                body,
                position: 0,
                first,
                pause: std::time::Duration::from_millis(pause_ms),
                paused: false,
            };
            request.respond(Response::new(
                StatusCode(200),
                vec![],
                reader,
                Some(length),
                None,
            ))
        }
    };
}

/// A TLE element line with its checksum (column 69) made right for its first 68 columns.
pub fn with_tle_checksum(line: &str) -> String {
    let sum: u32 = line[..68]
        .bytes()
        .map(|c| match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'-' => 1,
            _ => 0,
        })
        .sum();
    format!("{}{}", &line[..68], sum % 10)
}

/// Reads a fixture under `tests/data/`.
pub fn data_bytes(name: &str) -> Vec<u8> {
    std::fs::read(data_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// The text of a PDF as `pdftotext -layout` reads it (poppler-utils; `.ci/run` installs it).
pub fn pdf_text(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils; .ci/run installs it)");
    String::from_utf8(out.stdout).unwrap()
}

/// A server on 127.0.0.1 that answers every request with `body` (and its Content-Length),
/// one byte every `every` (tiny_http buffers a kilobyte at a time, so a real drip needs its
/// own socket). Stops accepting when dropped.
pub struct DripServer {
    port: u16,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl DripServer {
    /// Starts the server.
    pub fn start(body: Vec<u8>, every: std::time::Duration) -> Self {
        use std::io::{BufRead as _, Write as _};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("an address").port();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                let body = body.clone();
                std::thread::spawn(move || {
                    let mut reader = std::io::BufReader::new(stream.try_clone().expect("clone"));
                    let mut line = String::new();
                    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                        line.clear();
                    }
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    if stream.write_all(head.as_bytes()).is_err() {
                        return;
                    }
                    for byte in body {
                        std::thread::sleep(every);
                        if stream.write_all(&[byte]).is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Self { port, stop }
    }

    /// `http://127.0.0.1:<port><path>`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// `http://127.0.0.1:<port>` (a CelesTrak base URL).
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for DripServer {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Wakes the accepting thread so that it sees the flag.
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// Steps the window's frames until the catalog is loaded and no search runs (they run on
/// worker threads), for up to a minute (a loaded machine builds and tests at once).
pub fn settle(harness: &mut egui_kittest::Harness<'static, overhead::ui::OverheadApp>) {
    for _ in 0..6000 {
        harness.step();
        if !harness.state().is_busy() {
            harness.step();
            harness.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the app stayed busy for a minute");
}
