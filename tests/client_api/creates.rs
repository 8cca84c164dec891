//! Creates in every mode, and finding the room an uncertain create made.

use super::fixture::{client, emulator, titled};
use roomdesk_client::Reconciled;
use roomdesk_model::NewRoom;
use std::collections::HashSet;

#[tokio::test]
async fn every_create_mode() {
    let e = emulator(5).await;
    let c = client(&e);

    // The contract's example body: template + email + CRM link, en dash in the title.
    let example: NewRoom = serde_json::from_value(serde_json::json!({
        "title": "Acme Corp – Onboarding", "templateId": "tpl_0001",
        "email": "buyer@acme.com", "hsDealId": "12345678"}))
    .unwrap();
    let room = c.create_room(&example).await.unwrap();
    assert_eq!(room.title, "Acme Corp – Onboarding");
    assert_eq!(
        room.cover_title.as_deref(),
        Some("Welcome aboard"),
        "from the template"
    );
    let held = e.rooms().into_iter().find(|r| r.id == room.id).unwrap();
    assert_eq!(held.email.as_deref(), Some("buyer@acme.com"));
    assert_eq!(held.hs_deal_id.as_deref(), Some("12345678"));

    // Blank, with design fields: colors normalised before sending.
    let blank = NewRoom {
        title: Some("Globex – Pilot".into()),
        company_id: Some("cmp_0002".into()),
        user_id: Some("usr_0001".into()),
        theme_color: Some("#f50".into()),
        nav_color: Some("flow-org-color".into()),
        cover_disabled: Some(true),
        description: Some("Pilot room".into()),
        ..Default::default()
    };
    let room = c.create_room(&blank).await.unwrap();
    assert_eq!(room.theme_color.as_deref(), Some("#FF5500"));
    assert_eq!(room.nav_color.as_deref(), Some("flow-org-color"));
    assert_eq!(room.company_id.as_deref(), Some("cmp_0002"));
    assert_eq!(room.cover_disabled, Some(true));
    assert_eq!(room.total_engagements, Some(0));

    // Nothing at all.
    let empty = c.create_room(&NewRoom::default()).await.unwrap();
    assert!(!empty.title.is_empty());

    // Template alone: its title and design.
    let templated = c
        .create_room(&NewRoom {
            template_id: Some("tpl_0002".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(templated.title, "Mutual action plan");
    assert_eq!(templated.cover_title.as_deref(), Some("Our plan, together"));

    // Duplicate: the source's design, the body's title, zero engagements.
    let source = e.rooms().into_iter().next().unwrap();
    let copy = c
        .create_room(&NewRoom {
            duplicate_from_id: Some(source.id.clone()),
            title: Some("Copy of a seeded room".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_ne!(copy.id, source.id);
    assert_eq!(copy.title, "Copy of a seeded room");
    assert_eq!(copy.cover_title, source.cover_title);
    assert_eq!(copy.theme_color, source.theme_color);
    assert_eq!(copy.nav_color, source.nav_color);
    assert_eq!(copy.total_engagements, Some(0));

    // CRM link on its own.
    let crm = c
        .create_room(&NewRoom {
            title: Some("Initech renewal".into()),
            sf_opportunity_id: Some("0064x000009abcD".into()),
            attio_deal_id: Some("deal-abc-123".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let held = e.rooms().into_iter().find(|r| r.id == crm.id).unwrap();
    assert_eq!(held.sf_opportunity_id.as_deref(), Some("0064x000009abcD"));
    assert_eq!(held.attio_deal_id.as_deref(), Some("deal-abc-123"));

    assert_eq!(e.stats().rooms_created, 6);
    assert_eq!(e.rooms().len(), 5 + 6);
    e.shutdown().await;
}

#[tokio::test]
async fn find_created_never_guesses_among_look_alikes() {
    let e = emulator(20).await;
    let c = client(&e);
    let body = NewRoom {
        title: Some("Hooli – Expansion".into()),
        theme_color: Some("#0af".into()),
        email: Some("cto@hooli.com".into()),
        ..Default::default()
    };
    let sent_at = roomdesk_model::parse_timestamp_millis(&roomdesk_model::now_timestamp()).unwrap();
    let first = c.create_room(&body).await.unwrap();
    let second = c.create_room(&body).await.unwrap();
    let other = c
        .create_room(&NewRoom {
            title: Some("Hooli – Expansion".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    // The emulator's answers carry `Date`: the client knows the server's clock.
    let offset = c.server_clock().expect("estimated from Date headers");
    assert!(
        offset.lo_ms <= 0 && offset.hi_ms >= 0,
        "same machine: {offset:?}"
    );
    let none = HashSet::new();
    let Reconciled::Ambiguous(both) = c.find_created(&body, sent_at, &none).await.unwrap() else {
        panic!("two look-alikes: the user decides")
    };
    let ids: Vec<&str> = both.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, [second.id.as_str(), first.id.as_str()], "newest first");
    let skip_first: HashSet<String> = [first.id.clone()].into();
    let found = c.find_created(&body, sent_at, &skip_first).await.unwrap();
    assert!(
        matches!(&found, Reconciled::Created(r) if r.id == second.id),
        "{found:?}"
    );
    let skip_both: HashSet<String> = [first.id, second.id].into();
    assert_eq!(
        c.find_created(&body, sent_at, &skip_both).await.unwrap(),
        Reconciled::NotCreated,
        "{other:?} differs in themeColor"
    );
    // Rooms made well before the send (by the server's clock) are never candidates.
    let later = sent_at + 60_000;
    assert_eq!(
        c.find_created(&body, later, &none).await.unwrap(),
        Reconciled::NotCreated
    );
    e.shutdown().await;
}

#[tokio::test]
async fn titles_round_trip_exactly() {
    let e = emulator(0).await;
    let c = client(&e);
    for title in [
        "Acme Corp – Onboarding",
        "Ünïcødé ✓ 🚀",
        "株式会社 – 提案",
        "a\"b\\c",
    ] {
        let room = c
            .create_room(&NewRoom {
                title: Some(title.into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(room.title, title);
        assert_eq!(titled(&e, title).len(), 1);
    }
    e.shutdown().await;
}
