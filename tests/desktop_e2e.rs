//! The product as a user meets it: the built Roomdesk app (UI embedded) in a real window
//! under Xvfb, driven through tauri-driver + WebKitWebDriver. Each run uses a fresh data
//! dir, the in-memory secret store and a Sandbox on a free port. Failures leave a
//! screenshot in tests/artifacts/.
//!
//! Run: `make test-e2e` (builds the app, then `cargo test -p roomdesk-tests --test
//! desktop_e2e -- --ignored --test-threads=1` under `dbus-run-session` + `xvfb-run -a`).

#[path = "desktop_e2e/bulk.rs"]
mod bulk;

#[path = "desktop_e2e/designer.rs"]
mod designer;

#[path = "desktop_e2e/layout.rs"]
mod layout;

#[path = "desktop_e2e/package.rs"]
mod package;

use fantoccini::{Client, Locator};
use roomdesk_tests::desktop::{
    app_binary, click, close_session, focus, press_key, save_screenshot, testid, wait_for,
    wait_for_property, wait_for_text, wait_until_enabled, wait_until_text, E2eResult, FreshApp,
    TauriDriver,
};
use std::future::Future;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

#[path = "desktop_e2e/rooms.rs"]
mod rooms;

#[path = "desktop_e2e/single_instance.rs"]
mod single_instance;

#[path = "desktop_e2e/settings.rs"]
mod settings;

#[path = "desktop_e2e/workday.rs"]
mod workday;

/// WebDriver key codes: Control (held until Null), Null (releases modifiers), Backspace.
const CONTROL: char = '\u{E009}';
const NULL_KEY: char = '\u{E000}';
const BACKSPACE: char = '\u{E003}';
const ENTER: char = '\u{E007}';

/// How long one session's steps may take (a slow CI machine needs about a tenth of it).
const SESSION_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(300);

/// Runs `steps` in a session; on failure saves a screenshot named after the step group.
/// The session is closed (the app quits) either way, before the driver is stopped.
async fn in_session<F, Fut, T>(
    driver: &TauriDriver,
    app: &Path,
    name: &str,
    steps: F,
) -> E2eResult<T>
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = E2eResult<T>>,
{
    let client = driver.session(app).await?;
    // A WebDriver call that never answers fails this group instead of hanging the suite.
    let outcome = match tokio::time::timeout(SESSION_TIMEOUT, steps(client.clone())).await {
        Ok(outcome) => outcome,
        Err(_) => {
            Err(format!("{name}: the steps did not finish within {SESSION_TIMEOUT:?}").into())
        }
    };
    if let Err(e) = &outcome {
        match save_screenshot(&client, &format!("{name}-failure")).await {
            Ok(path) => eprintln!("{name} failed: {e}\nscreenshot: {}", path.display()),
            Err(shot) => eprintln!("{name} failed: {e} (no screenshot: {shot})"),
        }
    }
    let closed = close_session(&client).await;
    let value = outcome?;
    closed?;
    Ok(value)
}

/// A screenshot for people to look at after the run; a hung or failed one is only reported.
async fn keep_screenshot(c: &Client, name: &str) {
    if let Err(e) = save_screenshot(c, name).await {
        eprintln!("note: no {name} screenshot: {e}");
    }
}

/// The row's title cell: where a person clicks to open a room (WebKitWebDriver will not
/// click a `<tr>` itself: "element not interactable"; the first cell holds the checkbox).
fn row_cell(id: &str) -> String {
    format!("{} td:nth-child(2)", testid(&format!("room-row-{id}")))
}

/// Waits for the first page of rooms; returns the first row's room id and title.
///
/// Read in one script call: the list shows the cached page first and the live answer
/// right after, and a row element found in one WebDriver call may be gone by the next
/// (a stale element reference), so the id and the title are taken together.
async fn first_room(c: &Client) -> E2eResult<(String, String)> {
    wait_for(c, &testid("room-list")).await?;
    let deadline = std::time::Instant::now() + roomdesk_tests::desktop::UI_TIMEOUT;
    loop {
        let found = c
            .execute(
                r#"const row = document.querySelector('[data-testid=room-list] [data-testid^="room-row-"]');
                   if (!row) return null;
                   const id = row.dataset.testid.slice("room-row-".length);
                   const title = document.querySelector('[data-testid="room-title-' + id + '"]');
                   return title ? [id, title.textContent] : null;"#,
                vec![],
            )
            .await?;
        if let Some([id, title]) = found.as_array().map(Vec::as_slice) {
            let id = id.as_str().unwrap_or_default().to_string();
            let title = title.as_str().unwrap_or_default().trim().to_string();
            ensure(!id.is_empty(), "a room row without its id in data-testid")?;
            ensure(
                !title.is_empty(),
                &format!("room {id} shows an empty title"),
            )?;
            return Ok((id, title));
        }
        ensure(
            std::time::Instant::now() < deadline,
            "no room row appeared in the list",
        )?;
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Fails the step (so the failure screenshot is taken and the app is closed) instead of panicking.
fn ensure(condition: bool, what: &str) -> E2eResult<()> {
    if condition {
        Ok(())
    } else {
        Err(what.to_string().into())
    }
}

/// Empties a React-controlled input the way a person does (select all, delete).
async fn clear_input(el: &fantoccini::elements::Element) -> E2eResult<()> {
    el.send_keys(&format!("{CONTROL}a{NULL_KEY}{BACKSPACE}"))
        .await?;
    Ok(())
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn edit_a_sandbox_room_title_and_see_it_after_restart() -> E2eResult<()> {
    let app = app_binary()?;
    let fresh = FreshApp::start("edit-title")?;
    let stamp = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
    let new_title = format!("Renamed by the e2e suite {stamp}");

    // First run: the Sandbox list, a room, a rejected blank title, a saved new title.
    let (room_id, old_title) = in_session(&fresh.driver, &app, "first-run", |c| {
        let new_title = new_title.clone();
        async move {
            wait_for_text(&c, &testid("connection-badge"), "Sandbox").await?;
            let (id, old_title) = first_room(&c).await?;
            ensure(
                c.find(Locator::Css(&testid("room-list")))
                    .await?
                    .is_displayed()
                    .await?,
                "the room list is not displayed",
            )?;
            keep_screenshot(&c, "room-list").await;

            click(&c, &row_cell(&id)).await?;
            let input = wait_for(&c, &testid("room-field-title")).await?;
            wait_for_property(&c, &testid("room-field-title"), "value", &old_title).await?;
            let save = c.find(Locator::Css(&testid("room-save"))).await?;
            ensure(
                !save.is_enabled().await?,
                "Save must be disabled while nothing changed",
            )?;

            clear_input(&input).await?;
            wait_for_text(&c, &testid("field-error-title"), "can't be blank").await?;
            ensure(
                !save.is_enabled().await?,
                "Save must be disabled for a blank title",
            )?;

            input.send_keys(&new_title).await?;
            wait_for_property(&c, &testid("room-field-title"), "value", &new_title).await?;
            wait_until_enabled(&save)
                .await
                .map_err(|e| format!("Save must be enabled for a changed, valid title: {e}"))?;
            save.click().await?;
            wait_for_text(&c, &testid("save-status"), "Saved").await?;
            wait_for_text(&c, &testid("room-heading"), &new_title).await?;
            keep_screenshot(&c, "room-saved").await;

            click(&c, &testid("back-to-list")).await?;
            wait_for_text(&c, &testid(&format!("room-title-{id}")), &new_title).await?;
            Ok((id, old_title))
        }
    })
    .await?;
    assert_ne!(old_title, new_title);

    // Second run, same data dir: the app starts again and still shows the new title.
    in_session(&fresh.driver, &app, "after-restart", |c| {
        let new_title = new_title.clone();
        let room_id = room_id.clone();
        async move {
            wait_for_text(&c, &testid(&format!("room-title-{room_id}")), &new_title).await?;
            click(&c, &row_cell(&room_id)).await?;
            wait_for_property(&c, &testid("room-field-title"), "value", &new_title).await?;
            wait_for_text(&c, &testid("room-id"), &room_id).await?;
            Ok(())
        }
    })
    .await?;

    drop(fresh);
    Ok(())
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn page_open_by_keyboard_save_with_ctrl_s_sync_and_visit_settings() -> E2eResult<()> {
    let app = app_binary()?;
    let fresh = FreshApp::start("keyboard")?;
    let data_dir = fresh.data_dir().to_string_lossy().to_string();

    in_session(&fresh.driver, &app, "keyboard", |c| async move {
        // Paging: the Sandbox holds more than one page; Next shows others, Previous comes back.
        let (first_id, _) = first_room(&c).await?;
        wait_until_text(&c, &testid("page-label"), "to start with 1–25", |t| {
            t.starts_with("1–25")
        })
        .await?;
        click(&c, &testid("page-next")).await?;
        wait_until_text(&c, &testid("page-label"), "to start with 26–50", |t| {
            t.starts_with("26–50")
        })
        .await?;
        let (second_page_id, _) = first_room(&c).await?;
        ensure(
            second_page_id != first_id,
            "page 2 starts with the same room as page 1",
        )?;
        click(&c, &testid("page-prev")).await?;
        wait_until_text(&c, &testid("page-label"), "to start with 1–25", |t| {
            t.starts_with("1–25")
        })
        .await?;

        // Keyboard: focus the first row, Enter opens it; Ctrl+S in the field saves.
        let row = wait_for(&c, &testid(&format!("room-row-{first_id}"))).await?;
        focus(&c, &row).await?;
        press_key(&c, ENTER).await?;
        let input = wait_for(&c, &testid("room-field-title")).await?;
        wait_for_text(&c, &testid("room-id"), &first_id).await?;
        clear_input(&input).await?;
        input.send_keys("Saved with the keyboard").await?;
        wait_for_property(
            &c,
            &testid("room-field-title"),
            "value",
            "Saved with the keyboard",
        )
        .await?;
        input.send_keys(&format!("{CONTROL}s{NULL_KEY}")).await?;
        wait_for_text(&c, &testid("save-status"), "Saved").await?;
        wait_for_text(&c, &testid("room-heading"), "Saved with the keyboard").await?;

        // The frame: Sync runs over a Tauri channel and reports; the Outbox is then empty;
        // Settings shows the data folder this run gave the app.
        click(&c, &testid("sync-button")).await?;
        wait_until_text(&c, &testid("sync-status"), "to start with Synced", |t| {
            t.starts_with("Synced")
        })
        .await?;
        click(&c, &testid("nav-outbox")).await?;
        wait_for(&c, &testid("outbox-empty")).await?;
        click(&c, &testid("nav-settings")).await?;
        wait_until_text(
            &c,
            &testid("settings-app"),
            "to name the temp data dir",
            |t| t.contains(&data_dir),
        )
        .await?;
        keep_screenshot(&c, "settings").await;
        Ok(())
    })
    .await?;

    drop(fresh);
    Ok(())
}
