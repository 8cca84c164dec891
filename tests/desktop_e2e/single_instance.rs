//! One Roomdesk per data dir: launching the app again on the workspace a window already
//! has open hands over to that window (which says so) and exits, without opening the
//! database or a second Sandbox; a launch on another data dir is its own instance.

use super::{ensure, first_room, in_session, keep_screenshot};
use roomdesk_tests::desktop::{
    app_binary, testid, wait_gone, wait_until_text, E2eResult, FreshApp,
};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The app started directly (as a person starting it from the menu would), with the
/// test switches a run uses; it shares the test's D-Bus session and X display.
fn launch(app: &Path, data_dir: &Path, sandbox_port: &str) -> E2eResult<Child> {
    Ok(Command::new(app)
        .env("ROOMDESK_DATA_DIR", data_dir)
        .env("ROOMDESK_SECRET_STORE", "memory")
        .env("ROOMDESK_SANDBOX_PORT", sandbox_port)
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?)
}

/// Waits up to `timeout` for `child` to exit; `None` while it still runs.
fn exit_within(child: &mut Child, timeout: Duration) -> E2eResult<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() > deadline {
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
    wait_gone(&[child.id()], Duration::from_secs(5));
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn a_second_launch_on_the_same_data_dir_hands_over_to_the_open_window() -> E2eResult<()> {
    let app = app_binary()?;
    let fresh = FreshApp::start("single-instance")?;
    let other = tempfile::tempdir()?;
    let port = fresh.sandbox_port.to_string();
    in_session(&fresh.driver, &app, "single-instance", |c| {
        let (app, data, other, port) = (&app, fresh.data_dir(), other.path(), &port);
        async move {
            first_room(&c).await?;

            // Same data dir: the second process hands over and exits on its own, at once.
            let mut second = launch(app, data, port)?;
            let status = exit_within(&mut second, Duration::from_secs(30))?;
            if status.is_none() {
                stop(second);
                return Err("a second launch on the same data dir kept running".into());
            }
            ensure(
                status.is_some_and(|s| s.success()),
                &format!("the second launch exited with {status:?}"),
            )?;
            wait_until_text(
                &c,
                &testid("second-launch-notice"),
                "a notice that Roomdesk is already open",
                |t| t.contains("Roomdesk is already open"),
            )
            .await?;
            keep_screenshot(&c, "single-instance-notice").await;
            // The first window still works: its Sandbox still serves the list.
            first_room(&c).await?;

            // Another data dir is another workspace: that launch opens its own database.
            let mut third = launch(app, other, "0")?;
            let db = other.join("workspaces").join("sandbox").join("roomdesk.db");
            let deadline = Instant::now() + Duration::from_secs(30);
            while !db.exists() && Instant::now() < deadline {
                if let Some(status) = third.try_wait()? {
                    return Err(format!("a launch on another data dir exited: {status}").into());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let still_running = third.try_wait()?.is_none();
            stop(third);
            ensure(
                db.exists(),
                "a launch on another data dir never opened its workspace",
            )?;
            ensure(
                still_running,
                "a launch on another data dir did not keep running",
            )?;
            Ok(())
        }
    })
    .await?;
    drop(fresh);
    Ok(())
}
