//! Setting up a real connection through the Settings page: a Flowla connection whose base
//! URL is a second emulator this test runs on loopback (standing in for a Flowla account),
//! its API key entered (the e2e app keeps it in the in-memory secret store) and shown back
//! only as its last 4 characters, a successful connection test, that account's rooms in
//! the list, and back to the Sandbox and its rooms.

use super::{ensure, first_room, in_session, keep_screenshot};
use fantoccini::Client;
use roomdesk_emulator::{generate_rooms, EmulatorConfig, Faults};
use roomdesk_tests::desktop::{
    app_binary, click, testid, wait_for, wait_for_property, wait_for_text, wait_until_text,
    E2eResult, FreshApp,
};
use std::collections::HashSet;

/// The "Flowla account": a handful of rooms from its own seed, so none is a Sandbox room.
const ACCOUNT_ROOMS: usize = 6;
const ACCOUNT_SEED: u64 = 9_090;
const ACCOUNT_KEY: &str = "flw-e2e-key-7Qx2";

async fn click_id(c: &Client, id: &str) -> E2eResult<()> {
    click(c, &testid(id)).await
}

/// Types `text` into the (empty) input with `data-testid` `id`.
async fn type_into(c: &Client, id: &str, text: &str) -> E2eResult<()> {
    let input = wait_for(c, &testid(id)).await?;
    input.send_keys(text).await?;
    wait_for_property(c, &testid(id), "value", text).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Xvfb + tauri-driver; run by make test-e2e"]
async fn settings_switch_to_a_flowla_connection_with_a_key_test_it_and_back_to_the_sandbox(
) -> E2eResult<()> {
    let account = roomdesk_emulator::spawn(
        "127.0.0.1:0".parse()?,
        EmulatorConfig {
            api_key: ACCOUNT_KEY.to_string(),
            seed_rooms: ACCOUNT_ROOMS,
            rng_seed: ACCOUNT_SEED,
            faults: Faults::default(),
            state_file: None,
        },
    )
    .await?;
    let account_url = account.base_url();
    let account_ids: HashSet<String> = generate_rooms(ACCOUNT_ROOMS, ACCOUNT_SEED)
        .into_iter()
        .map(|r| r.id)
        .collect();

    let app = app_binary()?;
    let fresh = FreshApp::start("settings-connection")?;

    in_session(&fresh.driver, &app, "settings-connection", |c| async move {
        wait_for_text(&c, &testid("connection-badge"), "Sandbox").await?;
        let (sandbox_room, sandbox_title) = first_room(&c).await?;
        ensure(
            !account_ids.contains(&sandbox_room),
            "the Sandbox and the account must not share rooms",
        )?;

        // Settings: the Sandbox is active; pick Flowla and give the account's address.
        click_id(&c, "nav-settings").await?;
        wait_for(
            &c,
            "[data-testid=\"settings-active-kind\"][data-kind=\"sandbox\"]",
        )
        .await?;
        click_id(&c, "settings-kind-flowla").await?;
        type_into(&c, "settings-base-url", &account_url).await?;
        click_id(&c, "settings-connection-save").await?;
        wait_for(
            &c,
            "[data-testid=\"settings-active-kind\"][data-kind=\"flowla\"]",
        )
        .await?;
        wait_for_text(&c, &testid("settings-key-hint"), "No API key stored").await?;
        wait_for_text(&c, &testid("connection-badge"), "Flowla · no key").await?;

        // The key: typed once, shown back only as its last 4 characters.
        type_into(&c, "settings-api-key", ACCOUNT_KEY).await?;
        click_id(&c, "settings-api-key-save").await?;
        let tail = &ACCOUNT_KEY[ACCOUNT_KEY.len() - 4..];
        wait_for_text(
            &c,
            &testid("settings-key-hint"),
            &format!("Set, ends in ····{tail}"),
        )
        .await?;
        wait_for_property(&c, &testid("settings-api-key"), "value", "").await?;
        let page: String = c
            .execute("return document.body.innerText", vec![])
            .await?
            .as_str()
            .unwrap_or_default()
            .to_string();
        ensure(
            !page.contains(ACCOUNT_KEY),
            "the key is shown back on the page",
        )?;
        wait_for_text(&c, &testid("connection-badge"), "Flowla").await?;

        click_id(&c, "settings-test-connection").await?;
        wait_for(
            &c,
            "[data-testid=\"settings-test-result\"][data-ok=\"true\"]",
        )
        .await?;
        wait_until_text(
            &c,
            &testid("settings-test-result"),
            "Connected to the account",
            |t| t.contains("Connected to") && t.contains(&account_url),
        )
        .await?;
        keep_screenshot(&c, "settings-flowla-connected").await;

        // The list now shows the account's rooms, and none of the Sandbox's.
        click_id(&c, "nav-rooms").await?;
        let any_account_row = account_ids
            .iter()
            .map(|id| testid(&format!("room-row-{id}")))
            .collect::<Vec<_>>()
            .join(", ");
        wait_for(&c, &any_account_row).await?;
        ensure(
            c.find(fantoccini::Locator::Css(&testid(&format!(
                "room-row-{sandbox_room}"
            ))))
            .await
            .is_err(),
            "a Sandbox room is still listed on the Flowla connection",
        )?;
        keep_screenshot(&c, "settings-flowla-rooms").await;

        // Back to the Sandbox: one click, and its rooms again.
        click_id(&c, "nav-settings").await?;
        click_id(&c, "settings-kind-sandbox").await?;
        wait_for(
            &c,
            "[data-testid=\"settings-active-kind\"][data-kind=\"sandbox\"]",
        )
        .await?;
        wait_for_text(&c, &testid("connection-badge"), "Sandbox").await?;
        keep_screenshot(&c, "settings-back-to-sandbox").await;
        click_id(&c, "nav-rooms").await?;
        wait_for_text(
            &c,
            &testid(&format!("room-title-{sandbox_room}")),
            &sandbox_title,
        )
        .await?;
        keep_screenshot(&c, "settings-sandbox-rooms").await;
        Ok(())
    })
    .await?;

    drop(fresh);
    drop(account);
    Ok(())
}
