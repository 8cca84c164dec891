//! The room list, the create dialog and the editor through the real app: each of the four
//! sort fields both ways, paging, a draft created from the dialog and opened in the
//! editor; screenshots of each screen in tests/artifacts/.

use super::{first_room, in_session, keep_screenshot};
use fantoccini::Locator;
use roomdesk_tests::desktop::{
    app_binary, click, testid, wait_for, wait_for_text, wait_until_enabled, wait_until_text,
    E2eResult, TauriDriver,
};
use std::path::Path;

const SORT_FIELDS: [&str; 4] = [
    "createdAt",
    "updatedAt",
    "lastEngagedAt",
    "totalEngagements",
];

fn sort_header(field: &str, direction: &str) -> String {
    format!("[data-testid=\"sort-{field}\"][data-direction=\"{direction}\"]")
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn sort_by_each_field_both_ways_page_and_create_a_draft() -> E2eResult<()> {
    let app = app_binary()?;
    let data = tempfile::tempdir()?;
    let driver = TauriDriver::start(
        &[
            ("ROOMDESK_DATA_DIR", data.path()),
            ("ROOMDESK_SECRET_STORE", Path::new("memory")),
            ("ROOMDESK_SANDBOX_PORT", Path::new("0")),
        ],
        "rooms",
    )?;

    in_session(&driver, &app, "rooms", |c| async move {
        first_room(&c).await?;
        keep_screenshot(&c, "rooms-list").await;

        for field in SORT_FIELDS {
            // A click on another field sorts it descending, a second click ascending (the
            // list starts on updatedAt descending, but createdAt is sorted first).
            for direction in ["DESC", "ASC"] {
                // Back to the top: WebDriver scrolls a header just into view, where the
                // app's fixed header bar would take the click.
                c.execute("window.scrollTo(0, 0)", vec![]).await?;
                click(&c, &testid(&format!("sort-{field}"))).await?;
                wait_for(&c, &sort_header(field, direction)).await?;
                wait_until_text(&c, &testid("page-label"), "to start with 1–25", |t| {
                    t.starts_with("1–25")
                })
                .await?;
            }
        }
        keep_screenshot(&c, "rooms-sorted").await;

        click(&c, &testid("page-next")).await?;
        wait_until_text(&c, &testid("page-label"), "to start with 26–50", |t| {
            t.starts_with("26–50")
        })
        .await?;

        // A draft from the dialog opens in the editor.
        click(&c, &testid("new-room")).await?;
        let title = wait_for(&c, &testid("room-field-title")).await?;
        keep_screenshot(&c, "create-dialog").await;
        title.send_keys("Drafted in the e2e suite").await?;
        let draft = c.find(Locator::Css(&testid("create-draft"))).await?;
        wait_until_enabled(&draft).await?;
        draft.click().await?;
        wait_for_text(&c, &testid("room-heading"), "Drafted in the e2e suite").await?;
        wait_for(&c, &testid("group-design")).await?;
        keep_screenshot(&c, "room-editor").await;
        Ok(())
    })
    .await
}
