//! A room one listing skipped keeps its write-only fields: local data goes only when the
//! server says the room is gone (a 404 on a get).

use crate::fixture::{emulator, roomdesk, roomdesk_json, sync_until_empty};
use roomdesk_emulator::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_skipped_by_one_listing_keeps_its_write_only_fields() {
    let emu = emulator(150, 71).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert_eq!(sync_until_empty(&emu, data, 1).await, 0);
    let rooms = emu.rooms();
    let (skipped, deleted) = (rooms[20].id.clone(), rooms[30].id.clone());

    // Only Roomdesk knows the description: the API never returns it.
    roomdesk_json(
        &emu,
        data,
        &[
            "rooms",
            "update",
            &skipped,
            "--description",
            "Only we know this",
        ],
    )
    .await;
    let local = roomdesk_json(&emu, data, &["rooms", "get", &skipped, "--source", "local"]).await;
    assert_eq!(local["description"], "Only we know this");

    // One sync's listing leaves the room out (as a deletion mid-walk does); another room
    // is really deleted on the server.
    emu.set_faults(Faults {
        hidden_from_listings: vec![skipped.clone()],
        ..Default::default()
    });
    assert!(emu.server_delete(&deleted));
    assert_eq!(sync_until_empty(&emu, data, 1).await, 0);
    let local = roomdesk_json(&emu, data, &["rooms", "get", &skipped, "--source", "local"]).await;
    assert_eq!(
        local["description"], "Only we know this",
        "kept through the skip"
    );

    emu.set_faults(Faults::default());
    assert_eq!(sync_until_empty(&emu, data, 1).await, 0);
    let local = roomdesk_json(&emu, data, &["rooms", "get", &skipped, "--source", "local"]).await;
    assert_eq!(local["description"], "Only we know this", "and after it");

    // The deleted room is gone locally: the server answered 404 for it.
    let out = roomdesk(&emu, data, &["rooms", "get", &deleted, "--source", "local"]).await;
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = roomdesk_json(
        &emu,
        data,
        &[
            "rooms", "list", "--source", "local", "--limit", "100", "--page", "2",
        ],
    )
    .await;
    let total = listed["total"].as_u64().unwrap();
    assert_eq!(total, 149, "every room but the deleted one");
    emu.shutdown().await;
}
