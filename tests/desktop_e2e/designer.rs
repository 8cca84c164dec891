//! The cover and color designer through the real app: the preview repaints (computed
//! styles, read from the page) before anything is saved; the org brand color set in
//! Settings paints the navigation bar in org mode; a hidden cover leaves the preview; a
//! contrast suggestion is taken and the badge rises. Screenshots of the preview are kept
//! in tests/artifacts/ (designer-*.png).

use super::{clear_input, ensure, first_room, in_session, keep_screenshot, row_cell};
use fantoccini::{Client, Locator};
use roomdesk_tests::desktop::{
    app_binary, click, testid, wait_for, wait_for_property, wait_for_text, wait_until_text,
    E2eResult, FreshApp, UI_TIMEOUT,
};
use std::time::{Duration, Instant};

/// The computed background color of the element with test id `id`, or None when absent.
async fn background(c: &Client, id: &str) -> E2eResult<Option<String>> {
    let script = "const el = document.querySelector(arguments[0]);\
                  return el ? getComputedStyle(el).backgroundColor : null;";
    let value = c
        .execute(script, vec![serde_json::Value::String(testid(id))])
        .await?;
    Ok(value.as_str().map(str::to_string))
}

/// Waits until the element's computed background is `wanted` (`rgb(r, g, b)`).
pub(super) async fn wait_for_background(c: &Client, id: &str, wanted: &str) -> E2eResult<()> {
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        let now = background(c, id).await?;
        if now.as_deref() == Some(wanted) {
            return Ok(());
        }
        ensure(
            Instant::now() < deadline,
            &format!("{id} has background {now:?}, expected {wanted}"),
        )?;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until nothing carries test id `id`.
async fn wait_gone(c: &Client, id: &str) -> E2eResult<()> {
    let deadline = Instant::now() + UI_TIMEOUT;
    while c.find(Locator::Css(&testid(id))).await.is_ok() {
        ensure(Instant::now() < deadline, &format!("{id} is still shown"))?;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// Replaces the text of the input with test id `id`.
async fn type_into(c: &Client, id: &str, text: &str) -> E2eResult<()> {
    let input = wait_for(c, &testid(id)).await?;
    clear_input(&input).await?;
    input.send_keys(text).await?;
    wait_for_property(c, &testid(id), "value", text).await
}

/// The preview in view, for a screenshot people can look at.
async fn show_preview(c: &Client, name: &str) -> E2eResult<()> {
    let preview = wait_for(c, &testid("preview-desktop")).await?;
    c.execute(
        "arguments[0].scrollIntoView({ block: 'center' });",
        vec![serde_json::to_value(&preview)?],
    )
    .await?;
    keep_screenshot(c, name).await;
    Ok(())
}

async fn contrast_level(c: &Client, surface: &str) -> E2eResult<String> {
    let badge = wait_for(c, &testid(&format!("contrast-{surface}"))).await?;
    Ok(badge.attr("data-level").await?.unwrap_or_default())
}

async fn open_room(c: &Client, id: &str) -> E2eResult<()> {
    click(c, &row_cell(id)).await?;
    wait_for(c, &testid("room-field-themeColor")).await?;
    Ok(())
}

/// Throws the edit away and goes back to the list (nothing of it is saved).
async fn discard_and_leave(c: &Client) -> E2eResult<()> {
    click(c, &testid("room-reset")).await?;
    wait_for_text(c, &testid("save-status"), "No changes").await?;
    click(c, &testid("back-to-list")).await?;
    wait_for(c, &testid("room-list")).await?;
    Ok(())
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn designer_previews_colors_org_brand_hidden_cover_and_contrast_fix() -> E2eResult<()> {
    let app = app_binary()?;
    let fresh = FreshApp::start("designer")?;

    in_session(&fresh.driver, &app, "designer", |c| async move {
        let (room_id, _) = first_room(&c).await?;
        open_room(&c, &room_id).await?;
        // A Sandbox room may have its cover hidden: show it to see the theme color.
        if c.find(Locator::Css(&testid("preview-cover")))
            .await
            .is_err()
        {
            click(&c, &testid("room-field-coverDisabled")).await?;
            wait_for(&c, &testid("preview-cover")).await?;
        }

        // The theme color repaints the cover as it is typed, before any save.
        type_into(&c, "room-field-themeColor", "#2e8b57").await?;
        wait_for_background(&c, "preview-cover", "rgb(46, 139, 87)").await?;
        wait_for_background(&c, "preview-mobile-cover", "rgb(46, 139, 87)").await?;
        wait_for_text(&c, &testid("save-status"), "Unsaved changes").await?;
        show_preview(&c, "designer-theme-color").await?;
        type_into(&c, "room-field-themeColor", "#FFD700").await?;
        wait_for_background(&c, "preview-cover", "rgb(255, 215, 0)").await?;

        // A theme below AAA: the suggestion keeps the hue and the badge reaches AAA.
        type_into(&c, "room-field-themeColor", "#777777").await?;
        wait_for_background(&c, "preview-cover", "rgb(119, 119, 119)").await?;
        let level = contrast_level(&c, "cover").await?;
        ensure(
            level == "AA",
            &format!("#777777 with the preview's text grades {level}, expected AA"),
        )?;
        show_preview(&c, "designer-contrast-before").await?;
        click(&c, &testid("contrast-suggest-cover")).await?;
        wait_until_text(&c, &testid("contrast-cover"), "to say AAA pass", |t| {
            t.contains("AAA pass")
        })
        .await?;
        ensure(
            contrast_level(&c, "cover").await? == "AAA",
            "the suggestion did not reach AAA",
        )?;
        let suggested = wait_for(&c, &testid("room-field-themeColor"))
            .await?
            .prop("value")
            .await?
            .unwrap_or_default();
        ensure(
            suggested != "#777777" && suggested.starts_with('#'),
            &format!("the theme field shows {suggested:?} after the suggestion"),
        )?;
        show_preview(&c, "designer-contrast-after").await?;

        // Hiding the cover takes it out of both previews.
        click(&c, &testid("room-field-coverDisabled")).await?;
        wait_gone(&c, "preview-cover").await?;
        wait_gone(&c, "preview-mobile-cover").await?;
        show_preview(&c, "designer-cover-hidden").await?;
        discard_and_leave(&c).await?;

        // The org brand color, set in Settings, paints the navigation bar in org mode.
        click(&c, &testid("nav-settings")).await?;
        type_into(&c, "settings-org-color-input", "#0a0").await?;
        click(&c, &testid("settings-org-color-save")).await?;
        wait_for_text(&c, &testid("settings-org-color-status"), "Saved").await?;
        wait_for_property(&c, &testid("settings-org-color-input"), "value", "#00AA00").await?;
        keep_screenshot(&c, "designer-settings-org-color").await;
        click(&c, &testid("nav-rooms")).await?;
        first_room(&c).await?;
        open_room(&c, &room_id).await?;
        click(&c, &testid("nav-mode-org")).await?;
        wait_for_background(&c, "preview-nav", "rgb(0, 170, 0)").await?;
        wait_for_background(&c, "preview-mobile-nav", "rgb(0, 170, 0)").await?;
        show_preview(&c, "designer-org-nav").await?;
        discard_and_leave(&c).await?;
        Ok(())
    })
    .await?;

    drop(fresh);
    Ok(())
}
