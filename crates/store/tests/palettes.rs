//! Brand palettes (kept across restarts, names unique ignoring case) and the same edit
//! recorded on many rooms in one transaction.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::{room, temp_store};
use roomdesk_model::{NewRoom, RoomPatch};
use roomdesk_store::{OutboxOp, Palette, PaletteWrite, Store};

fn palette(name: &str, theme: &str) -> Palette {
    Palette {
        name: name.into(),
        theme_color: theme.into(),
        nav_color: "flow-org-color".into(),
        cover_title: Some("Welcome".into()),
        cover_description: None,
        cover_disabled: Some(false),
    }
}

fn names(store: &Store) -> Vec<String> {
    store
        .palettes()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn a_new_database_starts_with_the_starting_palettes() {
    let (_dir, store) = temp_store();
    assert_eq!(names(&store), ["Ocean", "Forest", "Sunrise", "Graphite"]);
    let ocean = store.palette("ocean").unwrap().unwrap();
    assert_eq!(ocean.theme_color, "#0B5394");
    assert_eq!(ocean.nav_color, "flow-org-color");
}

#[test]
fn palettes_are_added_renamed_and_deleted_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.insert_palette(&palette("Acme", "#112233")).unwrap(),
            PaletteWrite::Done
        );
        assert_eq!(
            store.insert_palette(&palette("ACME", "#445566")).unwrap(),
            PaletteWrite::NameTaken,
            "names are unique ignoring case"
        );
        assert_eq!(
            store.rename_palette("Ocean", "forest").unwrap(),
            PaletteWrite::NameTaken
        );
        assert_eq!(
            store.rename_palette("Nope", "Other").unwrap(),
            PaletteWrite::NotFound
        );
        assert_eq!(
            store.rename_palette("Ocean", "Deep sea").unwrap(),
            PaletteWrite::Done
        );
        assert_eq!(
            store.rename_palette("acme", "ACME").unwrap(),
            PaletteWrite::Done,
            "a change of case only"
        );
        assert_eq!(
            store.delete_palette("graphite").unwrap(),
            PaletteWrite::Done
        );
        assert_eq!(
            store.delete_palette("Graphite").unwrap(),
            PaletteWrite::NotFound
        );
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(names(&store), ["Deep sea", "Forest", "Sunrise", "ACME"]);
    let acme = store.palette("acme").unwrap().unwrap();
    assert_eq!(
        acme.theme_color, "#112233",
        "the refused duplicate changed nothing"
    );
    assert_eq!(acme.cover_title.as_deref(), Some("Welcome"));
    assert_eq!(acme.cover_disabled, Some(false));
    assert_eq!(acme.cover_description, None);
}

#[test]
fn one_edit_is_recorded_on_many_rooms_at_once_skipping_unknown_ids() {
    let (_dir, store) = temp_store();
    let cached: Vec<_> = (0..5)
        .map(|i| room(&format!("rm_{i}"), &format!("Room {i}")))
        .collect();
    store.upsert_rooms(&cached).unwrap();
    let draft = store
        .create_draft(&NewRoom {
            title: Some("Draft".into()),
            ..Default::default()
        })
        .unwrap();
    // An earlier edit of another field on rm_1 stays pending beside the bulk one.
    store
        .record_patch(
            "rm_1",
            &RoomPatch {
                title: Some("Renamed".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let patch = RoomPatch {
        theme_color: Some("#abc".into()),
        nav_color: Some("flow-org-color".into()),
        ..Default::default()
    };
    let ids: Vec<String> = ["rm_0", "rm_1", "rm_3", "rm_gone", "rm_3"]
        .into_iter()
        .map(String::from)
        .chain([draft.room.id.clone()])
        .collect();
    let missing = store.record_patches(&ids, &patch).unwrap();
    assert_eq!(missing, ["rm_gone"]);
    for id in ["rm_0", "rm_1", "rm_3"] {
        let r = store.get_room(id).unwrap();
        assert_eq!(r.room.theme_color.as_deref(), Some("#AABBCC"), "{id}");
        assert_eq!(r.room.nav_color.as_deref(), Some("flow-org-color"));
    }
    assert_eq!(store.get_room("rm_1").unwrap().room.title, "Renamed");
    for id in ["rm_2", "rm_4"] {
        assert_eq!(
            store.get_room(id).unwrap().room.theme_color.as_deref(),
            Some("#112233"),
            "{id} was not selected"
        );
    }
    let outbox = store.outbox().unwrap();
    let edits: Vec<&str> = outbox
        .iter()
        .filter(|e| matches!(e.op, OutboxOp::Patch(_)))
        .map(|e| e.room_id.as_str())
        .collect();
    assert_eq!(
        edits,
        ["rm_1", "rm_0", "rm_3"],
        "one entry per room, rm_3 once"
    );
    // The draft's create body carries the new look.
    let create = outbox.iter().find(|e| e.room_id == draft.room.id).unwrap();
    let OutboxOp::Create(body) = &create.op else {
        panic!("not a create")
    };
    assert_eq!(body.theme_color.as_deref(), Some("#AABBCC"));
}

#[test]
fn a_bad_bulk_edit_is_refused_before_anything_is_written() {
    let (_dir, store) = temp_store();
    store.upsert_rooms(&[room("rm_0", "Room")]).unwrap();
    let err = store
        .record_patches(
            &["rm_0".to_string()],
            &RoomPatch {
                theme_color: Some("blue".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("hex"), "{err}");
    assert!(store.outbox().unwrap().is_empty());
}
