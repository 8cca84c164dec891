//! A sales ops day through the real app, checked against what the Sandbox really stored:
//! a room created in each of the four modes (each exactly once), a word of a cover title
//! found by search, an invalid color refused with the core's message and nothing sent;
//! then offline: a draft and edits kept in the outbox, sent exactly once when the Sandbox
//! is back, and two conflicts with another user resolved both ways.

use super::{clear_input, ensure, first_room, in_session, keep_screenshot, row_cell};
use fantoccini::{Client, Locator};
use roomdesk_tests::desktop::{
    app_binary, click, testid, text_of, wait_for, wait_for_property, wait_for_text,
    wait_until_enabled, wait_until_text, E2eResult, FreshApp,
};
use roomdesk_tests::sandbox_control::SandboxControl;
use serde_json::json;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn stamp() -> E2eResult<u128> {
    Ok(SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis())
}

/// Clicks the element with `data-testid` `id`.
async fn click_id(c: &Client, id: &str) -> E2eResult<()> {
    click(c, &testid(id)).await
}

/// Clicks a button once it can be pressed (the core's verdict arrives after a short pause).
pub(super) async fn click_when_enabled(c: &Client, id: &str) -> E2eResult<()> {
    wait_until_enabled(&wait_for(c, &testid(id)).await?).await?;
    click(c, &testid(id)).await
}

/// Replaces the text of the editor's field `name`.
async fn type_into(c: &Client, name: &str, text: &str) -> E2eResult<()> {
    let css = testid(&format!("room-field-{name}"));
    let input = wait_for(c, &css).await?;
    clear_input(&input).await?;
    input.send_keys(text).await?;
    wait_for_property(c, &css, "value", text).await
}

/// The id of the room the editor shows.
pub(super) async fn open_room_id(c: &Client) -> E2eResult<String> {
    wait_for(c, &testid("room-id")).await?;
    text_of(c, &testid("room-id")).await
}

/// Opens the create dialog in `mode` and types the title.
pub(super) async fn start_create(c: &Client, mode: &str, title: &str) -> E2eResult<()> {
    click_id(c, "new-room").await?;
    click_id(c, &format!("create-mode-{mode}")).await?;
    type_into(c, "title", title).await
}

/// Creates with "Create now", waits for the editor on the new room; returns its id.
async fn create_now(c: &Client, title: &str) -> E2eResult<String> {
    click_when_enabled(c, "create-submit").await?;
    wait_for_text(c, &testid("room-heading"), title).await?;
    open_room_id(c).await
}

pub(super) async fn back_to_list(c: &Client) -> E2eResult<()> {
    click_id(c, "back-to-list").await?;
    wait_for(c, &testid("room-list")).await?;
    Ok(())
}

/// Picks the first real choice (after "—") of a select.
async fn pick_first_option(c: &Client, id: &str) -> E2eResult<String> {
    let select = wait_for(c, &testid(id)).await?;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let options = select.find_all(Locator::Css("option")).await?;
        if options.len() > 1 {
            let value = options[1].attr("value").await?.unwrap_or_default();
            select.select_by_value(&value).await?;
            return Ok(value);
        }
        if Instant::now() > deadline {
            return Err(format!("{id} offers no choice").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn create_in_each_mode_search_a_cover_title_and_refuse_a_bad_color() -> E2eResult<()> {
    let app = app_binary()?;
    let fresh = FreshApp::start("workday-create")?;
    let sandbox = SandboxControl::on_port(fresh.sandbox_port);
    let stamp = stamp()?;

    // The Sandbox runs inside the app: what it stored is read before the session ends.
    in_session(&fresh.driver, &app, "workday-create", |c| async move {
        let sandbox = &sandbox;
        let (source_id, source_title) = first_room(&c).await?;

        let blank = format!("Blank room {stamp}");
        start_create(&c, "blank", &blank).await?;
        keep_screenshot(&c, "create-blank").await;
        let blank_id = create_now(&c, &blank).await?;
        back_to_list(&c).await?;

        let templated = format!("From a template {stamp}");
        start_create(&c, "template", &templated).await?;
        let template_id = pick_first_option(&c, "room-field-templateId").await?;
        let templated_id = create_now(&c, &templated).await?;
        back_to_list(&c).await?;

        let duplicate = format!("Duplicate {stamp}");
        start_create(&c, "duplicate", &duplicate).await?;
        let word = source_title
            .split_whitespace()
            .max_by_key(|w| w.len())
            .ok_or("the first room has no word in its title")?
            .to_string();
        let search = wait_for(&c, &testid("create-duplicate-search")).await?;
        search.send_keys(&word).await?;
        click_id(&c, &format!("create-duplicate-pick-{source_id}")).await?;
        keep_screenshot(&c, "create-duplicate").await;
        let duplicate_id = create_now(&c, &duplicate).await?;
        back_to_list(&c).await?;

        let from_crm = format!("From Salesforce {stamp}");
        start_create(&c, "crm", &from_crm).await?;
        wait_for(&c, &testid("create-crm"))
            .await?
            .select_by_value("salesforce")
            .await?;
        // A Salesforce opportunity ID: 18 letters and digits.
        let opportunity = format!("006E2E{:012}", stamp % 1_000_000_000_000);
        type_into(&c, "sfOpportunityId", &opportunity).await?;
        keep_screenshot(&c, "create-crm").await;
        let crm_id = create_now(&c, &from_crm).await?;

        // The CRM room's cover gets a word nobody else uses; search finds it by that word.
        let word = format!("Zanzibar{stamp}");
        type_into(&c, "coverTitle", &format!("{word} kickoff")).await?;
        click_when_enabled(&c, "room-save").await?;
        wait_for_text(&c, &testid("save-status"), "Saved").await?;

        // An invalid color: the core's message beside the field, Save refused.
        type_into(&c, "themeColor", "#12345").await?;
        wait_until_text(
            &c,
            &testid("field-error-themeColor"),
            "the core's color message",
            |t| t.to_lowercase().contains("hex"),
        )
        .await?;
        ensure(
            !wait_for(&c, &testid("room-save"))
                .await?
                .is_enabled()
                .await?,
            "Save must be disabled for an invalid color",
        )?;
        keep_screenshot(&c, "invalid-color").await;
        click_id(&c, "room-reset").await?;
        back_to_list(&c).await?;

        let search = wait_for(&c, &testid("room-search")).await?;
        search.send_keys(&word).await?;
        wait_for(&c, &testid(&format!("room-row-{crm_id}"))).await?;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let rows = c
                .find_all(Locator::Css("[data-testid^=\"room-row-\"]"))
                .await?
                .len();
            if rows == 1 {
                break;
            }
            ensure(
                Instant::now() < deadline,
                &format!("search for {word} shows {rows} rows, not 1"),
            )?;
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        keep_screenshot(&c, "search-cover-title").await;

        let rooms = [
            (blank, blank_id),
            (templated, templated_id),
            (duplicate, duplicate_id),
            (from_crm, crm_id),
        ];
        // What the Sandbox stored: each room exactly once, with what its mode sent.
        for (title, id) in &rooms {
            let stored = sandbox.titled(title).await?;
            ensure(
                stored.len() == 1,
                &format!("{title:?} stored {} times", stored.len()),
            )?;
            ensure(
                stored[0]["id"] == id.as_str(),
                &format!("{title:?} is stored under another id"),
            )?;
        }
        // The server keeps no templateId or duplicateFromId: what shows the mode reached
        // it is the design the room was given from its template or its source.
        let template = roomdesk_emulator::template(&template_id)
            .ok_or_else(|| format!("the dialog offered {template_id}, which the Sandbox lacks"))?;
        let templated = sandbox.room(&rooms[1].1).await?;
        ensure(
            templated["coverTitle"].as_str() == template.cover_title
                && templated["themeColor"].as_str() == template.theme_color,
            &format!("the templated room lacks {template_id}'s design: {templated}"),
        )?;
        let source = sandbox.room(&source_id).await?;
        let duplicate = sandbox.room(&rooms[2].1).await?;
        for field in ["coverTitle", "coverDescription", "themeColor", "navColor"] {
            ensure(
                duplicate[field] == source[field],
                &format!("the duplicate's {field} differs from its source's"),
            )?;
        }
        let crm = sandbox.room(&rooms[3].1).await?;
        ensure(
            crm["sfOpportunityId"] == opportunity.as_str(),
            "the CRM room lost its opportunity id",
        )?;
        ensure(
            crm["coverTitle"]
                .as_str()
                .is_some_and(|t| t.ends_with("kickoff")),
            "the CRM room's cover title was not saved",
        )?;
        ensure(
            crm["themeColor"] != "#12345",
            "the invalid color reached the server",
        )?;
        Ok(())
    })
    .await?;

    drop(fresh);
    Ok(())
}

/// Edits the cover title of room `id` and keeps it for the next sync.
async fn edit_offline(c: &Client, id: &str, cover_title: &str) -> E2eResult<()> {
    click(c, &row_cell(id)).await?;
    wait_for_text(c, &testid("room-id"), id).await?;
    type_into(c, "coverTitle", cover_title).await?;
    click_when_enabled(c, "room-save-offline").await?;
    wait_for_text(c, &testid("save-status"), "Saved").await?;
    back_to_list(c).await?;
    wait_for(c, &testid(&format!("badge-pending-{id}"))).await?;
    Ok(())
}

pub(super) async fn sync_now(c: &Client) -> E2eResult<String> {
    click_id(c, "sync-button").await?;
    wait_until_text(c, &testid("sync-status"), "to start with Synced", |t| {
        t.starts_with("Synced")
    })
    .await
}

/// The first `n` room ids of the list page.
pub(super) async fn row_ids(c: &Client, n: usize) -> E2eResult<Vec<String>> {
    first_room(c).await?;
    let mut ids = Vec::new();
    for row in c
        .find_all(Locator::Css("[data-testid^=\"room-row-\"]"))
        .await?
    {
        if let Some(id) = row
            .attr("data-testid")
            .await?
            .and_then(|t| t.strip_prefix("room-row-").map(str::to_string))
        {
            ids.push(id);
        }
        if ids.len() == n {
            return Ok(ids);
        }
    }
    Err(format!("the list shows fewer than {n} rooms").into())
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn offline_work_syncs_exactly_once_and_conflicts_resolve_both_ways() -> E2eResult<()> {
    let app = app_binary()?;
    let fresh = FreshApp::start("workday-offline")?;
    let sandbox = SandboxControl::on_port(fresh.sandbox_port);
    let stamp = stamp()?;
    let draft_title = format!("Drafted offline {stamp}");
    let edited = format!("Edited offline {stamp}");
    let (mine, theirs) = (format!("Mine {stamp}"), format!("Theirs {stamp}"));

    in_session(&fresh.driver, &app, "workday-offline", |c| {
        let (sandbox, draft_title, edited, mine, theirs) =
            (&sandbox, &draft_title, &edited, &mine, &theirs);
        async move {
            let ids = row_ids(&c, 3).await?;
            sandbox.set_offline(true).await?;

            // Offline: a draft, an edit, and two edits another user is about to contradict.
            start_create(&c, "blank", draft_title).await?;
            click_when_enabled(&c, "create-draft").await?;
            wait_for_text(&c, &testid("room-heading"), draft_title).await?;
            let draft_id = open_room_id(&c).await?;
            wait_until_text(&c, &testid("room-state"), "a Draft badge", |t| {
                t.contains("Draft")
            })
            .await?;
            back_to_list(&c).await?;
            edit_offline(&c, &ids[0], edited).await?;
            edit_offline(&c, &ids[1], mine).await?;
            edit_offline(&c, &ids[2], mine).await?;
            // The header agrees with the screens: the connection is not answering.
            wait_until_text(&c, &testid("connection-badge"), "Sandbox · offline", |t| {
                t == "Sandbox · offline"
            })
            .await?;
            keep_screenshot(&c, "offline-list").await;

            click_id(&c, "nav-outbox").await?;
            for id in [&draft_id, &ids[0], &ids[1], &ids[2]] {
                wait_for(&c, &testid(&format!("outbox-room-{id}"))).await?;
            }
            keep_screenshot(&c, "outbox-offline").await;
            ensure(!draft_id.is_empty(), "the draft's editor shows no room id")?;
            // Meanwhile another user changes the same field of two of those rooms (the
            // Sandbox lives in the app, so this happens while it runs).
            for id in &ids[1..] {
                sandbox
                    .edit_as_another_user(id, json!({ "coverTitle": theirs }))
                    .await?;
            }

            // The Sandbox comes back in the same session: the banner's Try again (or its
            // own recheck) finds it, the header drops "offline", and one sync sends it all once.
            sandbox.set_offline(false).await?;
            click_id(&c, "nav-rooms").await?;
            // Coming back to the list may already have asked again; if the banner is still
            // up, Try again asks now (a stale button is fine: the badge below decides).
            if let Ok(retry) = c.find(Locator::Css(&testid("offline-retry"))).await {
                let _ = retry.click().await;
            }
            wait_until_text(&c, &testid("connection-badge"), "Sandbox (online)", |t| {
                t == "Sandbox"
            })
            .await?;
            ensure(
                c.find_all(Locator::Css(&testid("offline-banner")))
                    .await?
                    .is_empty(),
                "the offline banner stays after the Sandbox answered",
            )?;
            let status = sync_now(&c).await?;
            ensure(
                status.contains("2 conflicts"),
                &format!("the sync should report 2 conflicts: {status}"),
            )?;
            wait_for(&c, &testid("sync-summary")).await?;
            keep_screenshot(&c, "sync-summary").await;

            let drafts = sandbox.titled(draft_title).await?;
            ensure(
                drafts.len() == 1,
                &format!("the draft was created {} times", drafts.len()),
            )?;
            ensure(
                sandbox.room(&ids[0]).await?["coverTitle"] == edited.as_str(),
                "the offline edit did not reach the Sandbox",
            )?;

            click_id(&c, "nav-outbox").await?;
            let scoped = |room: &str, choice: &str| {
                format!(
                    "{} {}",
                    testid(&format!("conflicts-{room}")),
                    testid(&format!("resolve-coverTitle-{choice}"))
                )
            };
            wait_for(&c, &scoped(&ids[1], "mine")).await?;
            keep_screenshot(&c, "conflicts").await;
            // One room at a time, as a person does: each choice is seen to take effect
            // before the next click (the outbox regroups its cards when one resolves).
            for (room, choice) in [(&ids[1], "mine"), (&ids[2], "theirs")] {
                click(&c, &scoped(room, choice)).await?;
                let deadline = Instant::now() + Duration::from_secs(30);
                while !c
                    .find_all(Locator::Css(&testid(&format!("conflicts-{room}"))))
                    .await?
                    .is_empty()
                {
                    ensure(
                        c.find_all(Locator::Css(&testid("resolve-error")))
                            .await?
                            .is_empty(),
                        &format!("resolving {room} ({choice}) showed an error"),
                    )?;
                    ensure(
                        Instant::now() < deadline,
                        &format!("the conflict of {room} stays after choosing {choice}"),
                    )?;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
            ensure(
                c.find_all(Locator::Css("[data-testid^=\"conflicts-\"]"))
                    .await?
                    .is_empty(),
                "a conflict is still shown after resolving both",
            )?;

            sync_now(&c).await?;
            sync_now(&c).await?;
            ensure(
                sandbox.room(&ids[1]).await?["coverTitle"] == mine.as_str(),
                "keep mine: the Sandbox does not have my cover title",
            )?;
            ensure(
                sandbox.room(&ids[2]).await?["coverTitle"] == theirs.as_str(),
                "take theirs: the Sandbox lost the other user's cover title",
            )?;
            ensure(
                sandbox.titled(draft_title).await?.len() == 1,
                "a second sync created the draft again",
            )?;
            wait_for(&c, &testid("outbox-empty")).await?;

            // The list shows the room taken from the other user with their cover title.
            click_id(&c, "nav-rooms").await?;
            click(&c, &row_cell(&ids[2])).await?;
            wait_for_property(&c, &testid("room-field-coverTitle"), "value", theirs).await?;
            Ok(())
        }
    })
    .await?;

    drop(fresh);
    Ok(())
}
