//! Harness for the desktop end-to-end suite: runs `tauri-driver` (which runs
//! WebKitWebDriver, which runs the built app) on free loopback ports, opens WebDriver
//! sessions with fantoccini, saves screenshots, and cleans up in the right order
//! (session first, then the driver, then any child it left behind).
//!
//! Needs a display (Xvfb) and a D-Bus session; `make test-e2e` provides both.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use std::collections::HashSet;
use std::fs;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Any failure in the harness or a step, with a message that says what was expected.
pub type E2eError = Box<dyn std::error::Error + Send + Sync>;
pub type E2eResult<T> = Result<T, E2eError>;

/// How long a UI condition may take before a step fails (generous: CI machines are slow).
pub const UI_TIMEOUT: Duration = Duration::from_secs(30);

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The built app: `$ROOMDESK_APP_BIN`, else `target/debug/roomdesk-app` (absolute).
pub fn app_binary() -> E2eResult<PathBuf> {
    let path = std::env::var_os("ROOMDESK_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/roomdesk-app"));
    let path = fs::canonicalize(&path).map_err(|e| {
        format!(
            "no built app at {} ({e}): run `npm --prefix ui run build && cargo build -p roomdesk-app --features tauri/custom-protocol` (or scripts/build-desktop.sh)",
            path.display()
        )
    })?;
    Ok(path)
}

/// `$TAURI_DRIVER`, else `~/.cargo/bin/tauri-driver` when it exists, else `tauri-driver` on PATH.
pub fn tauri_driver_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(p);
    }
    let home_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|d| d.join("bin/tauri-driver"));
    match home_bin {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// Where failure screenshots and driver logs go (gitignored).
pub fn artifacts_dir() -> PathBuf {
    workspace_root().join("tests/artifacts")
}

/// A port nobody listens on right now (for a Sandbox the test wants to reach itself).
pub fn free_port() -> E2eResult<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// The app as the suites start it: tauri-driver running with a fresh data dir, the
/// in-memory secret store and the Sandbox on a free port the test knows (so it can reach
/// the Sandbox's control API, and a Roomdesk already running on 7878 does not matter).
/// Fields drop in order: the driver and the app stop before the data dir is removed.
pub struct FreshApp {
    pub driver: TauriDriver,
    pub data: tempfile::TempDir,
    pub sandbox_port: u16,
}

impl FreshApp {
    /// Starts the driver; its log goes to `tests/artifacts/<log_name>-driver.log`.
    pub fn start(log_name: &str) -> E2eResult<FreshApp> {
        let data = tempfile::tempdir()?;
        let sandbox_port = free_port()?;
        let port_text = sandbox_port.to_string();
        let driver = TauriDriver::start(
            &[
                ("ROOMDESK_DATA_DIR", data.path()),
                ("ROOMDESK_SECRET_STORE", Path::new("memory")),
                ("ROOMDESK_SANDBOX_PORT", Path::new(&port_text)),
            ],
            log_name,
        )?;
        Ok(FreshApp {
            driver,
            data,
            sandbox_port,
        })
    }

    /// The data dir the app was given.
    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }
}

/// A running `tauri-driver`. Dropping it stops the driver and whatever it started.
pub struct TauriDriver {
    child: Child,
    port: u16,
}

impl TauriDriver {
    /// Starts the driver with `env` added to its environment (the app inherits it),
    /// and waits until it answers `GET /status`.
    pub fn start(env: &[(&str, &Path)], log_name: &str) -> E2eResult<TauriDriver> {
        let port = free_port()?;
        let native_port = free_port()?;
        fs::create_dir_all(artifacts_dir())?;
        let log = fs::File::create(artifacts_dir().join(format!("{log_name}-driver.log")))?;
        let mut cmd = Command::new(tauri_driver_binary());
        cmd.arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .env("NO_AT_BRIDGE", "1")
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = cmd.spawn().map_err(|e| {
            format!(
                "cannot start {}: {e} (cargo install tauri-driver --locked)",
                tauri_driver_binary().display()
            )
        })?;
        let driver = TauriDriver { child, port };
        driver.wait_ready(Duration::from_secs(30))?;
        Ok(driver)
    }

    fn wait_ready(&self, timeout: Duration) -> E2eResult<()> {
        let deadline = Instant::now() + timeout;
        loop {
            if status_ok(self.port) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "tauri-driver did not answer /status on port {} within {timeout:?}",
                    self.port
                )
                .into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A new WebDriver session: launches the app and waits for its page.
    pub async fn session(&self, app: &Path) -> E2eResult<Client> {
        let mut caps = serde_json::Map::new();
        // No browserName: WebKitWebDriver rejects one that does not match the app.
        caps.insert(
            "tauri:options".into(),
            json!({ "application": app, "args": [] }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await?;
        // A build without `tauri/custom-protocol` shows its dev server URL instead of the UI.
        let url = client.current_url().await?;
        if url.scheme().starts_with("http") && url.host_str() == Some("localhost") {
            let _ = close_session(&client).await;
            return Err(format!(
                "{} loads {url}: it was built without the embedded UI; build it with `--features tauri/custom-protocol`",
                app.display()
            )
            .into());
        }
        Ok(client)
    }
}

/// A bare HTTP/1.0 `GET /status`: true once the driver (and its native driver) answers 200.
fn status_ok(port: u16) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(500)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    if stream
        .write_all(b"GET /status HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200") || answer.starts_with("HTTP/1.0 200")
}

/// Every process below `root` (children, grandchildren, …), read from /proc.
fn descendants(root: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces.
            if let Ok(stat) = fs::read_to_string(entry.path().join("stat")) {
                if let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) {
                    if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|p| p.parse().ok())
                    {
                        parents.push((pid, ppid));
                    }
                }
            }
        }
    }
    let mut found: Vec<u32> = Vec::new();
    let mut frontier: HashSet<u32> = HashSet::from([root]);
    while !frontier.is_empty() {
        let next: HashSet<u32> = parents
            .iter()
            .filter(|(pid, ppid)| frontier.contains(ppid) && !found.contains(pid))
            .map(|(pid, _)| *pid)
            .collect();
        found.extend(next.iter().copied());
        frontier = next;
    }
    found
}

fn signal(pid: u32, sig: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .stderr(Stdio::null())
        .status();
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        // Collect the driver's process tree first: once it dies, its children are re-parented.
        let children = descendants(self.child.id());
        signal(self.child.id(), "TERM");
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        for pid in &children {
            signal(*pid, "KILL");
        }
        // The next launch on the same data dir must not find this app still holding its
        // single-instance name on the bus (it would hand over and exit): wait until every
        // process of the tree is gone (or a zombie, whose sockets are already closed).
        wait_gone(&children, Duration::from_secs(5));
    }
}

/// Waits up to `timeout` until none of `pids` is a live process.
pub fn wait_gone(pids: &[u32], timeout: Duration) {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline && pids.iter().any(|pid| alive(*pid)) {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// True while `pid` exists and is not a zombie.
fn alive(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X"),
        Err(_) => false,
    }
}

/// How long a screenshot or a session close may take before we give up on it. Under Xvfb,
/// WebKitWebDriver's screenshot sometimes never answers (measured here: the first one in a
/// session usually works, later ones may hang); a test must not hang with it.
pub const DRIVER_CALL_TIMEOUT: Duration = Duration::from_secs(10);

/// Ends the WebDriver session (the app quits), giving up after `DRIVER_CALL_TIMEOUT`.
pub async fn close_session(client: &Client) -> E2eResult<()> {
    match tokio::time::timeout(DRIVER_CALL_TIMEOUT, client.clone().close()).await {
        Ok(result) => Ok(result?),
        Err(_) => {
            Err(format!("closing the WebDriver session took over {DRIVER_CALL_TIMEOUT:?}").into())
        }
    }
}

/// Saves a screenshot to `tests/artifacts/<name>.png`; returns its path. Under Xvfb it
/// captures the X display (`import -window root`, ImageMagick): what a person would see,
/// and it never blocks the WebDriver session (WebKitWebDriver's own screenshot sometimes
/// never answers under Xvfb and then holds up every later command). Without a display it
/// asks WebDriver. Callers treat a failure as a note, not a test failure.
pub async fn save_screenshot(client: &Client, name: &str) -> E2eResult<PathBuf> {
    fs::create_dir_all(artifacts_dir())?;
    let path = artifacts_dir().join(format!("{name}.png"));
    if std::env::var_os("DISPLAY").is_some() {
        let capture = tokio::process::Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .kill_on_drop(true)
            .output();
        let out = tokio::time::timeout(DRIVER_CALL_TIMEOUT, capture)
            .await
            .map_err(|_| format!("screen capture took over {DRIVER_CALL_TIMEOUT:?}"))?
            .map_err(|e| format!("could not run ImageMagick's import (apt: imagemagick): {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "import -window root failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )
            .into());
        }
        return Ok(path);
    }
    let png = tokio::time::timeout(DRIVER_CALL_TIMEOUT, client.screenshot())
        .await
        .map_err(|_| format!("screenshot took over {DRIVER_CALL_TIMEOUT:?}"))??;
    fs::write(&path, png)?;
    Ok(path)
}

/// `[data-testid="<id>"]`
pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// Waits until `css` matches an element.
pub async fn wait_for(client: &Client, css: &str) -> E2eResult<fantoccini::elements::Element> {
    client
        .wait()
        .at_most(UI_TIMEOUT)
        .for_element(Locator::Css(css))
        .await
        .map_err(|e| format!("no element {css} within {UI_TIMEOUT:?}: {e}").into())
}

/// Waits until the element at `css` holds exactly `expected` as its text (trimmed).
///
/// Reads the DOM's `textContent`, not WebDriver's "visible text": WebKitWebDriver's
/// visibility check reports text inside `overflow: hidden` + ellipsis boxes (Mantine
/// badges, clamped table titles) as not displayed, and returns "" for it.
pub async fn wait_for_text(client: &Client, css: &str, expected: &str) -> E2eResult<()> {
    wait_until_text(client, css, &format!("{expected:?}"), |t| t == expected)
        .await
        .map(|_| ())
}

/// Waits until the trimmed `textContent` at `css` satisfies `ok`; returns that text.
/// `wanted` describes the condition for the error message.
pub async fn wait_until_text(
    client: &Client,
    css: &str,
    wanted: &str,
    ok: impl Fn(&str) -> bool,
) -> E2eResult<String> {
    let deadline = Instant::now() + UI_TIMEOUT;
    let mut last = String::from("<no element>");
    while Instant::now() < deadline {
        if let Ok(el) = client.find(Locator::Css(css)).await {
            if let Ok(Some(text)) = el.prop("textContent").await {
                if ok(text.trim()) {
                    return Ok(text.trim().to_string());
                }
                last = text;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("{css} shows {last:?}, expected {wanted} (waited {UI_TIMEOUT:?})").into())
}

/// Presses and releases `key` (a WebDriver key code such as Enter, `\u{E007}`) on
/// whatever has focus: for elements WebKitWebDriver will not type into, like table rows.
pub async fn press_key(client: &Client, key: char) -> E2eResult<()> {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let keys = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    client.perform_actions(keys).await?;
    Ok(())
}

/// Gives `el` keyboard focus, as Tab would.
pub async fn focus(client: &Client, el: &fantoccini::elements::Element) -> E2eResult<()> {
    client
        .execute("arguments[0].focus();", vec![serde_json::to_value(el)?])
        .await?;
    Ok(())
}

/// The trimmed `textContent` of the element at `css` (see `wait_for_text` for why).
pub async fn text_of(client: &Client, css: &str) -> E2eResult<String> {
    let el = client.find(Locator::Css(css)).await?;
    Ok(el
        .prop("textContent")
        .await?
        .unwrap_or_default()
        .trim()
        .to_string())
}

/// Waits until the element at `css` has the DOM property `prop` equal to `expected`.
pub async fn wait_for_property(
    client: &Client,
    css: &str,
    prop: &str,
    expected: &str,
) -> E2eResult<()> {
    let deadline = Instant::now() + UI_TIMEOUT;
    let mut last: Option<String> = None;
    while Instant::now() < deadline {
        if let Ok(el) = client.find(Locator::Css(css)).await {
            last = el.prop(prop).await.ok().flatten();
            if last.as_deref() == Some(expected) {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("{css}.{prop} is {last:?}, expected {expected:?}").into())
}

/// Clicks the element at `css` as a person would: when something lies over it (the app's
/// fixed header bar after a scroll, a notification that has not faded yet), it brings the
/// element to the middle of the window and tries again, for up to `UI_TIMEOUT`. A click
/// that never lands names what was on top of the element.
pub async fn click(client: &Client, css: &str) -> E2eResult<()> {
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        let el = wait_for(client, css).await?;
        match el.clone().click().await {
            Ok(()) => return Ok(()),
            Err(fantoccini::error::CmdError::Standard(e))
                if e.error == fantoccini::error::ErrorStatus::ElementClickIntercepted =>
            {
                let arg = vec![serde_json::to_value(&el)?];
                if Instant::now() >= deadline {
                    let on_top = client
                        .execute(
                            "const r = arguments[0].getBoundingClientRect();\
                             const t = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);\
                             return t ? t.outerHTML.slice(0, 300) : 'nothing';",
                            arg,
                        )
                        .await?;
                    return Err(format!(
                        "clicking {css}: something else takes the click: {on_top}"
                    )
                    .into());
                }
                client
                    .execute("arguments[0].scrollIntoView({ block: 'center' });", arg)
                    .await?;
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            Err(e) => return Err(format!("clicking {css}: {e:?}").into()),
        }
    }
}

/// Waits until a control can be used (the core's verdict on an input arrives after a
/// short pause in typing).
pub async fn wait_until_enabled(el: &fantoccini::elements::Element) -> E2eResult<()> {
    let deadline = Instant::now() + UI_TIMEOUT;
    while !el.is_enabled().await? {
        if Instant::now() > deadline {
            return Err(format!("the control stayed disabled for {UI_TIMEOUT:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}
