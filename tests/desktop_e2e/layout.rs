//! The smallest window Roomdesk allows (960 px wide) shows every screen without sideways
//! scrolling: the list, a room's editor with its designer, the create dialog, the outbox
//! and Settings. Each is checked in the page (nothing wider than the window, and no
//! control past its right edge) and kept as a screenshot at that size.

use super::{ensure, first_room, in_session, keep_screenshot, row_cell};
use fantoccini::Client;
use roomdesk_tests::desktop::{
    app_binary, click, testid, wait_for, E2eResult, FreshApp, UI_TIMEOUT,
};
use std::time::{Duration, Instant};

/// The window's minimum width (tauri.conf.json `minWidth`) and a common laptop height.
const WIDTH: u32 = 960;
const HEIGHT: u32 = 640;

/// What sticks out sideways on the screen shown now: the page's own overflow, and every
/// visible element with a test id whose right edge lies past the window (described by its
/// test id and edge), so a failure names the culprit.
async fn overflow(c: &Client) -> E2eResult<Vec<String>> {
    let found = c
        .execute(
            r#"const width = document.documentElement.clientWidth;
               const out = [];
               const page = document.documentElement.scrollWidth;
               if (page > width) out.push(`the page is ${page} px wide in a ${width} px window`);
               for (const el of document.querySelectorAll("[data-testid]")) {
                 const box = el.getBoundingClientRect();
                 if (box.width === 0 || box.height === 0) continue;
                 if (box.right > width + 1) out.push(`${el.dataset.testid} ends at ${Math.round(box.right)} px`);
               }
               return out;"#,
            vec![],
        )
        .await?;
    Ok(found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

async fn check_screen(c: &Client, name: &str) -> E2eResult<()> {
    keep_screenshot(c, &format!("layout-960-{name}")).await;
    let problems = overflow(c).await?;
    ensure(
        problems.is_empty(),
        &format!(
            "{name} scrolls sideways at {WIDTH}×{HEIGHT}: {}",
            problems.join("; ")
        ),
    )
}

/// Waits until the page sees the smaller window: X applies a resize asynchronously, and
/// under load the page can still report the old width right after the WebDriver call.
async fn shrunk(c: &Client) -> E2eResult<()> {
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        let inner = c.execute("return window.innerWidth", vec![]).await?;
        if inner.as_u64().is_some_and(|w| w <= u64::from(WIDTH)) {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(
                format!("the window did not shrink to {WIDTH} px: innerWidth {inner}").into(),
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn every_screen_fits_the_smallest_window_without_sideways_scrolling() -> E2eResult<()> {
    let app = app_binary()?;
    let fresh = FreshApp::start("layout")?;
    in_session(&fresh.driver, &app, "layout", |c| async move {
        c.set_window_size(WIDTH, HEIGHT).await?;
        shrunk(&c).await?;

        let (room_id, _) = first_room(&c).await?;
        check_screen(&c, "room-list").await?;

        click(&c, &row_cell(&room_id)).await?;
        wait_for(&c, &testid("group-design")).await?;
        wait_for(&c, &testid("preview-desktop")).await?;
        check_screen(&c, "room-editor").await?;
        c.execute(
            "document.querySelector('[data-testid=group-design]').scrollIntoView()",
            vec![],
        )
        .await?;
        check_screen(&c, "room-designer").await?;
        c.execute("window.scrollTo(0, 0)", vec![]).await?;
        click(&c, &testid("back-to-list")).await?;
        wait_for(&c, &testid("room-list")).await?;

        click(&c, &testid("new-room")).await?;
        wait_for(&c, &testid("room-field-title")).await?;
        check_screen(&c, "create-dialog").await?;
        click(&c, &testid("create-cancel")).await?;

        click(&c, &testid("nav-outbox")).await?;
        wait_for(&c, &testid("outbox-empty")).await?;
        check_screen(&c, "outbox").await?;

        click(&c, &testid("nav-settings")).await?;
        wait_for(&c, &testid("settings-app")).await?;
        check_screen(&c, "settings").await?;
        Ok(())
    })
    .await?;
    drop(fresh);
    Ok(())
}
