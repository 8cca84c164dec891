//! Finding the room an *uncertain* create may have made.
//!
//! Walks the newest rooms (`createdAt DESC`) back to `sent_at - CREATED_AT_SKEW_MS`
//! (clocks differ), and keeps those that match every field the body sent that the server
//! returns in the room object. Write-only fields (`description`, `statusId`, `labelId`,
//! `email`, CRM ids) cannot be compared. For a blank create, returned fields the body left
//! out must be empty; for a template or duplicate they come from the source and are
//! ignored.
//!
//! Choice among several matches: the **oldest one created at/after `sent_at`** (the first
//! room made after we sent is the likeliest to be ours; later twins are someone else's),
//! else the newest one inside the skew allowance (closest to when we sent).

use crate::error::{ClientError, Result};
use crate::FlowlaClient;
use roomdesk_model::{
    parse_timestamp_millis, CreateMode, ListQuery, NewRoom, Room, SortDirection, SortField,
};
use std::collections::HashSet;

/// How far before `sent_at` a matching room may have been stamped (server clock skew).
pub const CREATED_AT_SKEW_MS: i64 = 5 * 60 * 1000;

/// At most this many pages of 100 newest rooms are searched.
pub const RECONCILE_MAX_PAGES: u32 = 20;

impl FlowlaClient {
    /// The room an `Uncertain` create of `body` (sent at `sent_at_millis`) made, if any.
    /// Rooms in `exclude` (already known to the caller) are skipped.
    pub async fn find_created(
        &self,
        body: &NewRoom,
        sent_at_millis: i64,
        exclude: &HashSet<String>,
    ) -> Result<Option<Room>> {
        // Compare against what was sent: the normalised body.
        let body = body.validate().map_err(ClientError::InvalidInput)?;
        let floor = sent_at_millis.saturating_sub(CREATED_AT_SKEW_MS);
        let mut after: Option<Room> = None;
        let mut before: Option<Room> = None;
        for page in 1..=RECONCILE_MAX_PAGES {
            let q = ListQuery {
                page,
                limit: 100,
                sort_by: SortField::CreatedAt,
                sort_direction: SortDirection::Desc,
            };
            let rooms = self.list_rooms(&q).await?;
            let full = rooms.len() == q.limit as usize;
            let mut reached_floor = false;
            for room in rooms {
                let Some(created) = parse_timestamp_millis(&room.created_at) else {
                    continue;
                };
                if created < floor {
                    reached_floor = true;
                    break;
                }
                if exclude.contains(&room.id) || !matches_body(&body, &room) {
                    continue;
                }
                if created >= sent_at_millis {
                    after = Some(room); // walking newest first: the last one is the oldest
                } else if before.is_none() {
                    before = Some(room);
                }
            }
            if reached_floor || !full {
                break;
            }
        }
        Ok(after.or(before))
    }
}

/// Whether `room` could be the result of creating `body` (already normalised).
pub(crate) fn matches_body(body: &NewRoom, room: &Room) -> bool {
    let blank = body.mode() == CreateMode::Blank;
    if body.duplicate_from_id.as_deref() == Some(room.id.as_str()) {
        return false; // the source of a duplicate looks just like it
    }
    let same_text = |sent: &Option<String>, got: &Option<String>, ignore_case: bool| match sent {
        Some(s) => got.as_deref().is_some_and(|g| {
            if ignore_case {
                g.eq_ignore_ascii_case(s)
            } else {
                g == s
            }
        }),
        None => !blank || got.is_none(),
    };
    let title_ok = body.title.as_ref().is_none_or(|t| *t == room.title);
    let disabled_ok = match body.cover_disabled {
        Some(d) => room.cover_disabled == Some(d),
        None => !blank || room.cover_disabled != Some(true),
    };
    title_ok
        && disabled_ok
        && same_text(&body.company_id, &room.company_id, false)
        && same_text(&body.user_id, &room.user_id, false)
        && same_text(&body.cover_title, &room.cover_title, false)
        && same_text(&body.cover_description, &room.cover_description, false)
        && same_text(&body.theme_color, &room.theme_color, true)
        && same_text(&body.nav_color, &room.nav_color, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room(id: &str) -> Room {
        Room {
            id: id.into(),
            title: "Acme – Onboarding".into(),
            theme_color: Some("#FF5500".into()),
            ..Default::default()
        }
    }

    #[test]
    fn blank_creates_match_sent_fields_and_empty_others() {
        let body = NewRoom {
            title: Some("Acme – Onboarding".into()),
            theme_color: Some("#FF5500".into()),
            email: Some("buyer@acme.com".into()), // write-only: not compared
            ..Default::default()
        };
        assert!(matches_body(&body, &room("rm_1")));
        let mut lower = room("rm_1");
        lower.theme_color = Some("#ff5500".into());
        assert!(matches_body(&body, &lower));
        let mut other_title = room("rm_1");
        other_title.title = "Acme – Onboarding 2".into();
        assert!(!matches_body(&body, &other_title));
        let mut with_company = room("rm_1");
        with_company.company_id = Some("cmp_1".into());
        assert!(
            !matches_body(&body, &with_company),
            "blank: unsent field must be empty"
        );
        let mut missing_color = room("rm_1");
        missing_color.theme_color = None;
        assert!(!matches_body(&body, &missing_color));
    }

    #[test]
    fn template_and_duplicate_creates_ignore_unsent_fields() {
        let body = NewRoom {
            template_id: Some("tpl_1".into()),
            company_id: Some("cmp_1".into()),
            ..Default::default()
        };
        let mut r = room("rm_2");
        r.company_id = Some("cmp_1".into());
        r.cover_title = Some("From the template".into());
        r.cover_disabled = Some(true);
        assert!(matches_body(&body, &r));
        r.company_id = Some("cmp_2".into());
        assert!(!matches_body(&body, &r));

        let dup = NewRoom {
            duplicate_from_id: Some("rm_src".into()),
            ..Default::default()
        };
        assert!(matches_body(&dup, &room("rm_3")));
        assert!(
            !matches_body(&dup, &room("rm_src")),
            "the source is not the copy"
        );
    }

    #[test]
    fn cover_disabled_false_counts_as_unset_for_blank_creates() {
        let body = NewRoom::default();
        let mut r = Room {
            id: "rm_4".into(),
            title: "Untitled room".into(),
            cover_disabled: Some(false),
            ..Default::default()
        };
        assert!(matches_body(&body, &r));
        r.cover_disabled = Some(true);
        assert!(!matches_body(&body, &r));
    }
}
