//! Bulk re-brand through the real app: 20 rooms selected in the list get a brand palette
//! while the Sandbox is offline (Apply now: each room reported not sent, every edit kept
//! pending), then the Sandbox comes back, one sync sends them, and the Sandbox's own API
//! shows those 20 rooms changed in the palette's fields only and every other room as it
//! was. Screenshots: bulk-preview, bulk-offline-results, bulk-synced (tests/artifacts/).

use super::designer::wait_for_background;
use super::workday::{row_ids, sync_now};
use super::{ensure, in_session, keep_screenshot};
use fantoccini::Client;
use roomdesk_tests::desktop::{
    app_binary, click, testid, wait_for, wait_until_text, E2eResult, FreshApp, UI_TIMEOUT,
};
use roomdesk_tests::sandbox_control::SandboxControl;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// The starting palette the test applies, as seeded by the store's migration.
const PALETTE: &str = "Forest";
const THEME: &str = "#1E5631";
const NAV: &str = "#0F2E1A";
const ROOMS: usize = 20;

/// The `data-status` of every room's result line.
async fn statuses(c: &Client, ids: &[String]) -> E2eResult<Vec<String>> {
    let mut out = Vec::new();
    for id in ids {
        let line = wait_for(c, &testid(&format!("bulk-result-{id}"))).await?;
        out.push(line.attr("data-status").await?.unwrap_or_default());
    }
    Ok(out)
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn bulk_palette_applied_offline_reaches_exactly_the_selected_rooms_after_sync(
) -> E2eResult<()> {
    let app = app_binary()?;
    let fresh = FreshApp::start("bulk")?;
    let sandbox = SandboxControl::on_port(fresh.sandbox_port);

    in_session(&fresh.driver, &app, "bulk", |c| {
        let sandbox = &sandbox;
        async move {
            let ids = row_ids(&c, ROOMS).await?;
            let before: HashMap<String, Value> = sandbox
                .rooms()
                .await?
                .into_iter()
                .filter_map(|r| Some((r["id"].as_str()?.to_string(), r)))
                .collect();
            ensure(
                before.len() > ROOMS,
                "the Sandbox has more rooms than selected",
            )?;
            for id in &ids {
                click(&c, &testid(&format!("room-select-{id}"))).await?;
            }
            wait_until_text(&c, &testid("selection-count"), "20 selected", |t| {
                t == "20 selected"
            })
            .await?;
            sandbox.set_offline(true).await?;

            click(&c, &testid("bulk-open")).await?;
            wait_for(&c, &testid("bulk-palette")).await?;
            click(
                &c,
                &format!("{} option[value=\"{PALETTE}\"]", testid("bulk-palette")),
            )
            .await?;
            // The preview shows the new look on the first rooms before anything is applied.
            wait_for_background(
                &c,
                &format!("bulk-preview-{}-mobile-cover", ids[0]),
                "rgb(30, 86, 49)",
            )
            .await?;
            wait_for_background(
                &c,
                &format!("bulk-preview-{}-mobile-nav", ids[2]),
                "rgb(15, 46, 26)",
            )
            .await?;
            keep_screenshot(&c, "bulk-preview").await;

            click(&c, &testid("bulk-apply")).await?;
            let summary =
                wait_until_text(&c, &testid("bulk-summary"), "a summary", |t| !t.is_empty())
                    .await?;
            ensure(
                summary.contains("20 not sent"),
                &format!("offline, every room is reported not sent: {summary}"),
            )?;
            ensure(
                statuses(&c, &ids).await?.iter().all(|s| s == "failed"),
                "a result line per room, each failed",
            )?;
            wait_for(&c, &testid("bulk-retry")).await?;
            keep_screenshot(&c, "bulk-offline-results").await;
            click(&c, &testid("bulk-close")).await?;
            let after_offline = sandbox.rooms().await?;
            ensure(
                after_offline.len() == before.len()
                    && after_offline
                        .iter()
                        .all(|r| r["id"].as_str().and_then(|id| before.get(id)) == Some(r)),
                "offline: nothing reached the Sandbox",
            )?;
            // The edits were kept: every selected row is pending.
            for id in &ids {
                wait_for(&c, &testid(&format!("badge-pending-{id}"))).await?;
            }

            sandbox.set_offline(false).await?;
            let status = sync_now(&c).await?;
            ensure(
                !status.contains("conflict"),
                &format!("the sync reports no conflicts: {status}"),
            )?;
            // The list shows them synced again (no pending badge left).
            let deadline = Instant::now() + UI_TIMEOUT;
            while c
                .find(fantoccini::Locator::Css(&testid(&format!(
                    "badge-pending-{}",
                    ids[0]
                ))))
                .await
                .is_ok()
            {
                ensure(
                    Instant::now() < deadline,
                    "the rooms still show pending changes after the sync",
                )?;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            keep_screenshot(&c, "bulk-synced").await;

            let after = sandbox.rooms().await?;
            ensure(after.len() == before.len(), "no room added or removed")?;
            for room in &after {
                let id = room["id"].as_str().unwrap_or_default();
                let old = before.get(id).ok_or_else(|| format!("room {id} is new"))?;
                let mut expected = old.clone();
                if ids.iter().any(|i| i == id) {
                    expected["themeColor"] = json!(THEME);
                    expected["navColor"] = json!(NAV);
                    expected["updatedAt"] = room["updatedAt"].clone();
                }
                ensure(
                    room == &expected,
                    &format!("room {id}: {room} (expected {expected})"),
                )?;
            }
            Ok(())
        }
    })
    .await
}
