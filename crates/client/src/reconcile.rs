//! Finding the room an *uncertain* create may have made.
//!
//! Walks the newest rooms (`createdAt DESC`) back to the earliest moment the server could
//! have stamped our room, and keeps those that match every field the body sent that the
//! server returns in the room object. Write-only fields (`description`, `statusId`,
//! `labelId`, `email`, CRM ids) cannot be compared. For a blank create, returned fields
//! the body left out must be empty; for a template or duplicate they come from the source
//! and are ignored. Rooms the caller knows are not ours (made by Roomdesk for another
//! create, or already seen before the send) are skipped.
//!
//! The earliest moment: `sent_at` on the server's clock, which the client estimates from
//! the `Date` header of the server's answers ([`crate::ClockOffset`]), less
//! [`CREATED_AT_SLACK_MS`]. An answer without `Date` gives no estimate: then the allowance
//! is [`NO_DATE_ALLOWANCE_MS`] before `sent_at`, a guess that holds for servers whose clock
//! is kept by NTP (and the only guess we make).
//!
//! Nothing is guessed among look-alikes: exactly one candidate is the room, none means the
//! create never reached the server, and several (or a walk that could not reach back far
//! enough) are [`Reconciled::Ambiguous`]: the user decides.

use crate::error::{ClientError, Result};
use crate::FlowlaClient;
use roomdesk_model::{
    parse_timestamp_millis, returned_fields, CreateMode, FieldKind, FieldValue, ListQuery, NewRoom,
    Room, RoomField, SortDirection, SortField,
};
use std::collections::HashSet;

/// Allowance below the estimated server time of the send: several servers behind one API
/// may disagree a little, and `createdAt` may be stamped by another machine than `Date`.
pub const CREATED_AT_SLACK_MS: i64 = 2_000;

/// Allowance below `sent_at` when no answer carried a `Date` header (no clock estimate).
pub const NO_DATE_ALLOWANCE_MS: i64 = 10_000;

/// At most this many pages of 100 newest rooms are searched.
pub const RECONCILE_MAX_PAGES: u32 = 20;

/// What became of an uncertain create.
#[derive(Debug, Clone, PartialEq)]
pub enum Reconciled {
    /// Exactly one room could be the one the create made.
    Created(Box<Room>),
    /// No room could be: the create did not reach the server.
    NotCreated,
    /// Several rooms could be (listed newest first), or the walk could not reach back to
    /// the send (then the list may be empty): only the user can tell.
    Ambiguous(Vec<Room>),
}

impl FlowlaClient {
    /// The earliest `createdAt` (epoch ms, server clock) a room made by a create sent at
    /// `sent_at_millis` (local clock) can carry.
    pub fn created_floor(&self, sent_at_millis: i64) -> i64 {
        match self.server_clock() {
            Some(offset) => sent_at_millis + offset.lo_ms - CREATED_AT_SLACK_MS,
            None => sent_at_millis - NO_DATE_ALLOWANCE_MS,
        }
    }

    /// What an `Uncertain` create of `body` (sent at `sent_at_millis`) made. Rooms in
    /// `exclude` (known not to be this create's) are skipped.
    pub async fn find_created(
        &self,
        body: &NewRoom,
        sent_at_millis: i64,
        exclude: &HashSet<String>,
    ) -> Result<Reconciled> {
        // Compare against what was sent: the normalised body.
        let body = body.validate().map_err(ClientError::InvalidInput)?;
        let mut found: Vec<Room> = Vec::new();
        let mut floor: Option<i64> = None;
        for page in 1..=RECONCILE_MAX_PAGES {
            let q = ListQuery {
                page,
                limit: 100,
                sort_by: SortField::CreatedAt,
                sort_direction: SortDirection::Desc,
            };
            let rooms = self.list_rooms(&q).await?;
            // After the first answer, so that its `Date` counts.
            let floor = *floor.get_or_insert_with(|| self.created_floor(sent_at_millis));
            let full = rooms.len() == q.limit as usize;
            let mut reached_floor = false;
            for room in rooms {
                let created = parse_timestamp_millis(&room.created_at);
                if created.is_some_and(|c| c < floor) {
                    reached_floor = true;
                    break;
                }
                if !exclude.contains(&room.id) && matches_body(&body, &room) {
                    found.push(room);
                }
            }
            if reached_floor || !full {
                return Ok(match found.len() {
                    0 => Reconciled::NotCreated,
                    1 => Reconciled::Created(Box::new(found.remove(0))),
                    _ => Reconciled::Ambiguous(found),
                });
            }
        }
        // So many rooms since the send that ours could be further back.
        Ok(Reconciled::Ambiguous(found))
    }
}

/// Whether `room` could be the result of creating `body` (already normalised): every
/// field the catalogue says the server returns is compared.
pub(crate) fn matches_body(body: &NewRoom, room: &Room) -> bool {
    let blank = body.mode() == CreateMode::Blank;
    if body.duplicate_from_id.as_deref() == Some(room.id.as_str()) {
        return false; // the source of a duplicate looks just like it
    }
    returned_fields().all(|field| {
        let got = room.get(field);
        match body.get(field) {
            Some(sent) => got.is_some_and(|got| same_value(field, &sent, &got)),
            // A template or a duplicate brings its own values.
            None => !blank || left_unset(field, got.as_ref()),
        }
    })
}

/// Colors are compared without regard to case (the server may answer in lower case).
fn same_value(field: RoomField, sent: &FieldValue, got: &FieldValue) -> bool {
    match (sent, got) {
        (FieldValue::Text(s), FieldValue::Text(g))
            if matches!(field.spec().kind, FieldKind::Color | FieldKind::NavColor) =>
        {
            g.eq_ignore_ascii_case(s)
        }
        _ => sent == got,
    }
}

/// What a blank create leaves in a field it did not send: nothing, `false`, or for the
/// title (which a room always has) whatever the server names an untitled room.
fn left_unset(field: RoomField, got: Option<&FieldValue>) -> bool {
    match got {
        None | Some(FieldValue::Bool(false)) => true,
        Some(FieldValue::Bool(true)) => false,
        Some(FieldValue::Text(_)) => field == RoomField::Title,
    }
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
