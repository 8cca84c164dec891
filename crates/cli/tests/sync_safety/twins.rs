//! A draft whose create may or may not have reached the server is never settled by taking
//! a look-alike room ("twin": same title and colors, common when rooms come from one
//! template) that was made before it was sent, by Roomdesk itself or by someone else. It
//! is created, or left for the user to decide; a create whose answer was lost after the
//! room was stored still becomes exactly that room.

use crate::fixture::{command, draft, emulator, outbox, roomdesk, roomdesk_json, wait_until};
use crate::fixture::{sync_until_empty, KEY};
use roomdesk_client::{ClientConfig, FlowlaClient};
use roomdesk_emulator::{EmulatorHandle, Faults};
use roomdesk_model::NewRoom;
use std::path::Path;

const TITLE: &str = "Acme – Onboarding";
const COLOR: &str = "#FF5500";

fn twin_args() -> Vec<&'static str> {
    vec!["--title", TITLE, "--theme-color", COLOR]
}

/// Someone else, on another computer, makes a twin through the API; its id, unless the
/// answer was lost (faults apply to them too).
async fn twin_by_another_user(emu: &EmulatorHandle) -> Option<String> {
    let other = FlowlaClient::new(ClientConfig::new(emu.base_url(), KEY)).unwrap();
    let body = NewRoom {
        title: Some(TITLE.into()),
        theme_color: Some(COLOR.into()),
        ..Default::default()
    };
    other.create_room(&body).await.ok().map(|r| r.id)
}

fn twins(emu: &EmulatorHandle) -> Vec<String> {
    emu.rooms()
        .into_iter()
        .filter(|r| r.title == TITLE)
        .map(|r| r.id)
        .collect()
}

/// The draft's create is sent while every create's connection closes before the room
/// is stored; then the server is healthy again and the data dir syncs until done.
async fn create_lost_on_the_way_then_sync(emu: &EmulatorHandle, data: &Path) {
    emu.set_faults(Faults {
        drop_before_create_rate: 1.0,
        ..Default::default()
    });
    let out = roomdesk(emu, data, &["sync"]).await;
    assert_eq!(
        out.status.code(),
        Some(4),
        "the create failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let entries = outbox(emu, data).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["state"], "uncertain", "it may have been sent");
    emu.set_faults(Faults::default());
    assert_eq!(sync_until_empty(emu, data, 3).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_twin_roomdesk_made_itself_is_never_adopted() {
    let emu = emulator(3, 101).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut create = vec!["rooms", "create"];
    create.extend(twin_args());
    let made = roomdesk_json(&emu, data, &create).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let draft_id = draft(&emu, data, &twin_args()).await;
    create_lost_on_the_way_then_sync(&emu, data).await;

    let rooms = twins(&emu);
    assert_eq!(rooms.len(), 2, "the draft was created: {rooms:?}");
    let local = roomdesk_json(&emu, data, &["rooms", "list", "--source", "local"]).await;
    let ids: Vec<&str> = local["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&draft_id.as_str()), "the draft is settled");
    assert!(rooms.iter().all(|id| ids.contains(&id.as_str())), "{ids:?}");
    assert!(rooms.contains(&made));
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_twin_another_user_made_just_before_is_never_adopted() {
    let emu = emulator(3, 102).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    // This data dir has synced before the twin existed: it has never seen it.
    assert_eq!(sync_until_empty(&emu, data, 1).await, 0);
    let draft_id = draft(&emu, data, &twin_args()).await;
    let theirs = twin_by_another_user(&emu).await.unwrap();
    create_lost_on_the_way_then_sync(&emu, data).await;

    let rooms = twins(&emu);
    assert_eq!(rooms.len(), 2, "the draft was created: {rooms:?}");
    let mine: Vec<&String> = rooms.iter().filter(|id| **id != theirs).collect();
    assert_eq!(mine.len(), 1);
    let got = roomdesk(
        &emu,
        data,
        &["rooms", "get", &draft_id, "--source", "local"],
    )
    .await;
    assert_eq!(got.status.code(), Some(3), "the draft became a room");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_stored_then_unanswered_still_becomes_its_own_room_beside_a_twin() {
    let emu = emulator(3, 103).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let draft_id = draft(&emu, data, &twin_args()).await;
    let theirs = twin_by_another_user(&emu).await.unwrap();
    emu.set_faults(Faults {
        drop_after_create_rate: 1.0,
        ..Default::default()
    });
    // The first attempt stores the room and loses the answer; the sync finds it.
    let report = roomdesk_json(&emu, data, &["sync"]).await;
    emu.set_faults(Faults::default());
    let pushed = report["pushed"].as_array().unwrap();
    assert_eq!(pushed.len(), 1, "{report}");
    assert_eq!(pushed[0]["localId"], draft_id.as_str());
    assert_eq!(pushed[0]["adopted"], true, "found after the lost answer");
    let rooms = twins(&emu);
    assert_eq!(rooms.len(), 2, "no duplicate: {rooms:?}");
    assert_ne!(
        pushed[0]["roomId"],
        theirs.as_str(),
        "its own room, not the twin"
    );
    assert!(outbox(&emu, data).await.is_empty());
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn look_alikes_made_after_the_send_are_left_to_the_user_who_adopts_one() {
    let emu = emulator(3, 104).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let draft_id = draft(&emu, data, &twin_args()).await;
    // Slow answers; the create is stored and its answer lost.
    emu.set_faults(Faults {
        latency_ms: 800,
        drop_after_create_rate: 1.0,
        ..Default::default()
    });
    let before = emu.stats().requests;
    let sync = command(&emu, data, &["sync", "--json"]).output();
    let sync = tokio::spawn(sync);
    // Once the create is on its way (a read of the newest rooms, then the create), someone
    // else makes a twin: both are stored before the sync looks for its room.
    wait_until("the create was sent", || emu.stats().requests >= before + 2).await;
    let theirs = tokio::spawn({
        let emu = emu.clone();
        async move { twin_by_another_user(&emu).await }
    });
    let out = sync.await.unwrap().unwrap();
    theirs.await.unwrap();
    emu.set_faults(Faults::default());
    assert_eq!(
        out.status.code(),
        Some(4),
        "the create waits for a decision"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["failed"][0]["error"]["code"], "needs_decision",
        "{report}"
    );
    assert_eq!(twins(&emu).len(), 2, "nothing was sent twice");

    // Another sync does not guess either.
    let out = roomdesk(&emu, data, &["sync"]).await;
    assert_eq!(out.status.code(), Some(4));
    let entries = outbox(&emu, data).await;
    assert_eq!(entries.len(), 1);
    let candidates: Vec<String> = entries[0]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let mut expected = twins(&emu);
    expected.sort();
    let mut listed = candidates.clone();
    listed.sort();
    assert_eq!(listed, expected, "both look-alikes are offered");

    // A room that is not a candidate cannot be adopted.
    let out = roomdesk(&emu, data, &["outbox", "adopt", &draft_id, "rm_unrelated"]).await;
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(outbox(&emu, data).await.len(), 1, "nothing changed");

    // The user knows which is theirs; either way no create is sent.
    let mine = &candidates[0];
    let adopted = roomdesk_json(&emu, data, &["outbox", "adopt", &draft_id, mine]).await;
    assert_eq!(adopted["roomId"], mine.as_str());
    assert!(outbox(&emu, data).await.is_empty());
    assert_eq!(sync_until_empty(&emu, data, 2).await, 0);
    assert_eq!(twins(&emu).len(), 2, "adopting sends no create");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_again_sends_a_create_that_waits_for_a_decision() {
    let emu = emulator(0, 105).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let draft_id = draft(&emu, data, &twin_args()).await;
    // Not sent yet: nothing to decide.
    let out = roomdesk(&emu, data, &["outbox", "create-again", &draft_id]).await;
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    emu.set_faults(Faults {
        latency_ms: 800,
        drop_after_create_rate: 1.0,
        ..Default::default()
    });
    let before = emu.stats().requests;
    let sync = tokio::spawn(command(&emu, data, &["sync"]).output());
    wait_until("the create was sent", || emu.stats().requests >= before + 2).await;
    twin_by_another_user(&emu).await;
    sync.await.unwrap().unwrap();
    emu.set_faults(Faults::default());
    assert_eq!(twins(&emu).len(), 2);

    let again = roomdesk_json(&emu, data, &["outbox", "create-again", &draft_id]).await;
    let id = again["roomId"].as_str().unwrap().to_string();
    assert!(!id.starts_with("draft-"), "created now: {again}");
    let rooms = twins(&emu);
    assert_eq!(rooms.len(), 3, "the user said neither was it");
    assert!(rooms.contains(&id));
    assert!(outbox(&emu, data).await.is_empty());
    emu.shutdown().await;
}
