//! An edit made while a slow sync runs is never lost: what a create sends is what was
//! recorded as sent, and an edit that comes later is a new pending edit.

use crate::fixture::{
    command, draft, emulator, outbox, roomdesk_json, sync_until_empty, wait_until,
};
use roomdesk_emulator::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_to_a_draft_during_a_slow_sync_reaches_the_server() {
    let emu = emulator(3, 61).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    draft(&emu, data, &["--title", "Slow sync – first"]).await;
    let second = draft(
        &emu,
        data,
        &[
            "--title",
            "Slow sync – second",
            "--description",
            "old words",
        ],
    )
    .await;

    // Every answer takes 1.5 s: the sync lists the outbox, then waits on the first create.
    emu.set_faults(Faults {
        latency_ms: 1500,
        ..Default::default()
    });
    let before = emu.stats().requests;
    let mut sync = command(&emu, data, &["sync"]).spawn().unwrap();
    wait_until("the first create reaches the server", || {
        emu.stats().requests > before
    })
    .await;
    // The second draft is edited while the first create is on its way.
    let edited = roomdesk_json(
        &emu,
        data,
        &[
            "rooms",
            "update",
            &second,
            "--source",
            "local",
            "--title",
            "Slow sync – second, edited",
            "--description",
            "new words",
        ],
    )
    .await;
    assert_eq!(edited["title"], "Slow sync – second, edited");
    assert!(sync.wait().await.unwrap().success());
    emu.set_faults(Faults::default());
    assert_eq!(sync_until_empty(&emu, data, 3).await, 0);
    assert!(outbox(&emu, data).await.is_empty());

    let rooms = emu.rooms();
    let titled = |t: &str| rooms.iter().filter(|r| r.title == t).count();
    assert_eq!(titled("Slow sync – first"), 1);
    assert_eq!(
        titled("Slow sync – second, edited"),
        1,
        "the edit reached the server"
    );
    assert_eq!(
        titled("Slow sync – second"),
        0,
        "the old body was not what stayed"
    );
    assert_eq!(rooms.len(), 5, "no duplicates");
    let second_room = rooms
        .iter()
        .find(|r| r.title == "Slow sync – second, edited")
        .unwrap();
    assert_eq!(second_room.description.as_deref(), Some("new words"));
    // The local view shows what the server holds.
    let local = roomdesk_json(
        &emu,
        data,
        &["rooms", "get", &second_room.id, "--source", "local"],
    )
    .await;
    assert_eq!(local["title"], "Slow sync – second, edited");
    assert_eq!(local["description"], "new words");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_to_a_room_during_a_slow_sync_stays_pending_and_is_sent_next() {
    let emu = emulator(4, 67).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert_eq!(sync_until_empty(&emu, data, 1).await, 0);
    let target = emu.rooms()[0].id.clone();
    roomdesk_json(
        &emu,
        data,
        &[
            "rooms",
            "update",
            &target,
            "--source",
            "local",
            "--title",
            "First edit",
        ],
    )
    .await;
    emu.set_faults(Faults {
        latency_ms: 1500,
        ..Default::default()
    });
    let before = emu.stats().requests;
    let mut sync = command(&emu, data, &["sync"]).spawn().unwrap();
    wait_until("the sync asks for the room", || {
        emu.stats().requests > before
    })
    .await;
    roomdesk_json(
        &emu,
        data,
        &[
            "rooms",
            "update",
            &target,
            "--source",
            "local",
            "--title",
            "Second edit",
            "--cover-title",
            "Made during the sync",
        ],
    )
    .await;
    assert!(sync.wait().await.unwrap().success());
    emu.set_faults(Faults::default());
    assert_eq!(sync_until_empty(&emu, data, 3).await, 0);
    let room = emu.rooms().into_iter().find(|r| r.id == target).unwrap();
    assert_eq!(room.title, "Second edit");
    assert_eq!(room.cover_title.as_deref(), Some("Made during the sync"));
    emu.shutdown().await;
}
