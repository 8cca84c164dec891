//! The room list, the create dialog and the editor through the real app: each of the four
//! sort fields both ways (the rows really in that order), paging, a draft created from the
//! dialog and opened in the editor; screenshots of each screen in tests/artifacts/.

use super::{first_room, in_session, keep_screenshot};
use fantoccini::{Client, Locator};
use roomdesk_tests::desktop::{
    app_binary, click, testid, wait_for, wait_for_text, wait_until_enabled, wait_until_text,
    E2eResult, FreshApp, UI_TIMEOUT,
};
use std::time::{Duration, Instant};

const SORT_FIELDS: [&str; 4] = [
    "createdAt",
    "updatedAt",
    "lastEngagedAt",
    "totalEngagements",
];

/// The page's values of `field`, top row first (`None` for a room without one), read in
/// one script call from the cells' `data-value` (what the relative times stand for).
async fn column_values(c: &Client, field: &str) -> E2eResult<Vec<Option<f64>>> {
    let values = c
        .execute(
            r#"const [field] = arguments;
               const cell = { createdAt: "created", updatedAt: "updated",
                              lastEngagedAt: "engaged", totalEngagements: "engagements" }[field];
               return [...document.querySelectorAll("[data-testid=room-list] [data-room-row]")].map((row) => {
                 const id = row.dataset.testid.slice("room-row-".length);
                 const el = document.querySelector(`[data-testid="room-${cell}-${id}"]`);
                 const raw = el ? el.dataset.value : "";
                 if (!raw) return null;
                 return field === "totalEngagements" ? Number(raw) : Date.parse(raw);
               });"#,
            vec![field.into()],
        )
        .await?;
    let list = values.as_array().ok_or("the row values are not a list")?;
    Ok(list.iter().map(|v| v.as_f64()).collect())
}

/// Whether `values` run in `direction` (ties allowed); rooms without a value sit together
/// at one end, wherever the server puts them.
fn in_order(values: &[Option<f64>], direction: &str) -> bool {
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let ordered = known.windows(2).all(|w| match direction {
        "ASC" => w[0] <= w[1],
        _ => w[0] >= w[1],
    });
    let first_known = values.iter().position(Option::is_some);
    let last_known = values.iter().rposition(Option::is_some);
    let contiguous = match (first_known, last_known) {
        (Some(a), Some(b)) => values[a..=b].iter().all(Option::is_some),
        _ => true,
    };
    ordered && contiguous
}

/// Waits until the rows on screen are in `field`'s `direction` order (the list may show
/// the previous order for a moment while the new page loads).
async fn wait_sorted(c: &Client, field: &str, direction: &str) -> E2eResult<()> {
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        let values = column_values(c, field).await?;
        // A page of rooms all without a value (rooms never engaged, sorted to one end) is
        // as telling as an ordered one: by chance, 25 of them in a row would not happen.
        let known = values.iter().flatten().count();
        if values.len() >= 2 && (known >= 2 || known == 0) && in_order(&values, direction) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("rows not sorted by {field} {direction}: {values:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn sort_header(field: &str, direction: &str) -> String {
    format!("[data-testid=\"sort-{field}\"][data-direction=\"{direction}\"]")
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn sort_by_each_field_both_ways_page_and_create_a_draft() -> E2eResult<()> {
    let app = app_binary()?;
    let fresh = FreshApp::start("rooms")?;

    in_session(&fresh.driver, &app, "rooms", |c| async move {
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
                wait_sorted(&c, field, direction).await?;
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

#[test]
fn in_order_accepts_each_direction_with_ties_and_nulls_at_one_end_only() {
    let (a, b, c) = (Some(1.0), Some(2.0), Some(3.0));
    assert!(in_order(&[a, b, b, c], "ASC"));
    assert!(!in_order(&[a, b, b, c], "DESC"));
    assert!(in_order(&[c, b, a], "DESC"));
    assert!(!in_order(&[a, c, b], "ASC"));
    assert!(in_order(&[None, None, a, c], "ASC"));
    assert!(in_order(&[c, a, None], "DESC"));
    assert!(!in_order(&[a, None, c], "ASC"));
}
