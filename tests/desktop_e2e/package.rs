//! The installed package, run by `scripts/package-test.sh` (not by `scripts/e2e.sh`, which
//! skips `package::`): the script installs the .deb, points `ROOMDESK_APP_BIN` at
//! `/usr/bin/roomdesk-app`, gives the app a throwaway XDG data home and runs the first test,
//! reinstalls the package, then runs the second. No test switch is set: a release build
//! refuses them, so the app runs exactly as a user's does.

use super::workday::{back_to_list, click_when_enabled, open_room_id, start_create};
use super::{ensure, first_room, in_session, keep_screenshot};
use fantoccini::Locator;
use roomdesk_tests::desktop::{
    app_binary, click, testid, wait_for, wait_for_text, E2eResult, TauriDriver,
};

/// The draft's title, chosen by the script so the second run knows what to look for.
fn draft_title() -> E2eResult<String> {
    std::env::var("ROOMDESK_PACKAGE_DRAFT")
        .map_err(|_| "ROOMDESK_PACKAGE_DRAFT is not set: run scripts/package-test.sh".into())
}

/// Waits until the local list shows a row whose title is `title`; answers its id.
async fn row_titled(c: &fantoccini::Client, title: &str) -> E2eResult<String> {
    click(c, &testid("source-local")).await?;
    let search = wait_for(c, &testid("room-search")).await?;
    search.send_keys(title).await?;
    let xpath =
        format!("//*[starts-with(@data-testid, 'room-title-')][normalize-space(.)='{title}']");
    let cell = c
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::XPath(&xpath))
        .await?;
    let id = cell
        .attr("data-testid")
        .await?
        .and_then(|t| t.strip_prefix("room-title-").map(str::to_string))
        .ok_or("a room title without its id in data-testid")?;
    Ok(id)
}

#[tokio::test]
#[ignore = "needs the installed package; run by scripts/package-test.sh"]
async fn installed_app_shows_the_sandbox_and_makes_a_draft() -> E2eResult<()> {
    let app = app_binary()?;
    let title = draft_title()?;
    let driver = TauriDriver::start(&[], "package-first-launch")?;
    in_session(&driver, &app, "package-first-launch", |c| async move {
        wait_for_text(&c, &testid("connection-badge"), "Sandbox").await?;
        first_room(&c).await?;
        keep_screenshot(&c, "package-room-list").await;

        // The draft is made as a user makes one: the create dialog's Blank mode, "Save as
        // draft", which opens the new draft in the editor; then back to the list.
        start_create(&c, "blank", &title).await?;
        click_when_enabled(&c, "create-draft").await?;
        wait_for_text(&c, &testid("room-heading"), &title).await?;
        let opened = open_room_id(&c).await?;
        back_to_list(&c).await?;
        let id = row_titled(&c, &title).await?;
        ensure(
            id == opened,
            &format!("the list shows the draft as {id}, the editor opened {opened}"),
        )?;
        keep_screenshot(&c, "package-draft").await;
        Ok(())
    })
    .await?;
    drop(driver);
    Ok(())
}

#[tokio::test]
#[ignore = "needs the installed package; run by scripts/package-test.sh"]
async fn installed_app_still_has_the_draft() -> E2eResult<()> {
    let app = app_binary()?;
    let title = draft_title()?;
    let driver = TauriDriver::start(&[], "package-after-reinstall")?;
    in_session(&driver, &app, "package-after-reinstall", |c| async move {
        wait_for_text(&c, &testid("connection-badge"), "Sandbox").await?;
        let id = row_titled(&c, &title).await?;
        wait_for(&c, &testid(&format!("room-row-{id}"))).await?;
        keep_screenshot(&c, "package-after-reinstall").await;
        Ok(())
    })
    .await?;
    drop(driver);
    Ok(())
}
