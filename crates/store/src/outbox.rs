//! The outbox: local changes waiting for the server, replayed in `seq` order. Nothing
//! leaves it until the server confirmed the change (`complete_create`/`complete_patch`)
//! or the user discarded a draft that was never sent.

use crate::error::{unreadable, Result, StoreError};
use crate::view::{parse_room, to_json};
use crate::Store;
use roomdesk_model::{NewRoom, Room, RoomPatch};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OutboxKind {
    Create,
    Patch,
}

impl OutboxKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            OutboxKind::Create => "create",
            OutboxKind::Patch => "patch",
        }
    }
}

/// What to send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "payload")]
pub enum OutboxOp {
    Create(NewRoom),
    Patch(RoomPatch),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OutboxState {
    /// Not sent, or surely not applied by the server.
    Pending,
    /// A create that may have reached the server (sent at `sent_at_ms`): look for the room
    /// before sending again.
    Uncertain,
}

/// One outbox row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutboxEntry {
    #[ts(type = "number")]
    pub seq: i64,
    /// The server id, or the draft id for a create (and for an edit made to a draft whose
    /// create is uncertain).
    pub room_id: String,
    pub op: OutboxOp,
    /// For a patch: the server version the edit was first made against (`None` for an
    /// edit to a draft).
    pub base: Option<Room>,
    pub state: OutboxState,
    #[ts(type = "number | null")]
    pub sent_at_ms: Option<i64>,
    pub attempts: u32,
    pub last_error: Option<String>,
    #[ts(type = "number")]
    pub created_at_ms: i64,
    /// An uncertain create that several server rooms (or none for sure) could have made:
    /// those rooms, newest first, for the user to adopt one or create it again. Empty
    /// otherwise.
    #[serde(default)]
    pub candidates: Vec<Room>,
    /// An uncertain create reconciliation could not settle: it waits for the user to
    /// adopt one of `candidates` or create it again (`candidates` may be empty when too
    /// many rooms were made since to search them all).
    #[serde(default)]
    pub awaiting_decision: bool,
    /// Server rooms seen before this create was sent: none of them is its room.
    #[serde(skip)]
    #[ts(skip)]
    pub seen_before: Vec<String>,
}

impl OutboxEntry {
    pub fn kind(&self) -> OutboxKind {
        match self.op {
            OutboxOp::Create(_) => OutboxKind::Create,
            OutboxOp::Patch(_) => OutboxKind::Patch,
        }
    }
}

pub(crate) const SELECT_ENTRY: &str = "SELECT seq, room_id, kind, payload_json, base_json,
        state, sent_at_ms, attempts, last_error, created_at_ms, seen_before_json,
        candidates_json FROM outbox";

struct RawEntry {
    seq: i64,
    room_id: String,
    kind: String,
    payload: String,
    base: Option<String>,
    state: String,
    sent_at_ms: Option<i64>,
    attempts: u32,
    last_error: Option<String>,
    created_at_ms: i64,
    seen_before: Option<String>,
    candidates: Option<String>,
}

fn raw(r: &Row<'_>) -> rusqlite::Result<RawEntry> {
    Ok(RawEntry {
        seq: r.get(0)?,
        room_id: r.get(1)?,
        kind: r.get(2)?,
        payload: r.get(3)?,
        base: r.get(4)?,
        state: r.get(5)?,
        sent_at_ms: r.get(6)?,
        attempts: r.get(7)?,
        last_error: r.get(8)?,
        created_at_ms: r.get(9)?,
        seen_before: r.get(10)?,
        candidates: r.get(11)?,
    })
}

fn decode(e: RawEntry) -> Result<OutboxEntry> {
    let what = format!("outbox entry {}", e.seq);
    let op = match e.kind.as_str() {
        "create" => {
            OutboxOp::Create(serde_json::from_str(&e.payload).map_err(|x| unreadable(&what, x))?)
        }
        "patch" => {
            OutboxOp::Patch(serde_json::from_str(&e.payload).map_err(|x| unreadable(&what, x))?)
        }
        other => return Err(unreadable(&what, format!("unknown kind {other}"))),
    };
    let state = match e.state.as_str() {
        "pending" => OutboxState::Pending,
        "uncertain" => OutboxState::Uncertain,
        other => return Err(unreadable(&what, format!("unknown state {other}"))),
    };
    Ok(OutboxEntry {
        seq: e.seq,
        room_id: e.room_id,
        op,
        base: e.base.map(|b| parse_room(&what, &b)).transpose()?,
        state,
        sent_at_ms: e.sent_at_ms,
        attempts: e.attempts,
        last_error: e.last_error,
        created_at_ms: e.created_at_ms,
        seen_before: match e.seen_before {
            Some(text) => serde_json::from_str(&text).map_err(|x| unreadable(&what, x))?,
            None => Vec::new(),
        },
        awaiting_decision: e.candidates.is_some(),
        candidates: match e.candidates {
            Some(text) => serde_json::from_str(&text).map_err(|x| unreadable(&what, x))?,
            None => Vec::new(),
        },
    })
}

/// One entry by seq, or `OutboxEntryNotFound`.
pub(crate) fn load_entry(conn: &Connection, seq: i64) -> Result<OutboxEntry> {
    let found = conn
        .prepare_cached(&format!("{SELECT_ENTRY} WHERE seq = ?1"))?
        .query_row([seq], raw)
        .optional()?;
    decode(found.ok_or(StoreError::OutboxEntryNotFound(seq))?)
}

/// The entry of a kind for a room, if any (there is at most one of each).
pub(crate) fn entry_for(
    conn: &Connection,
    room_id: &str,
    kind: OutboxKind,
) -> Result<Option<OutboxEntry>> {
    conn.prepare_cached(&format!(
        "{SELECT_ENTRY} WHERE room_id = ?1 AND kind = ?2 ORDER BY seq LIMIT 1"
    ))?
    .query_row(params![room_id, kind.as_str()], raw)
    .optional()?
    .map(decode)
    .transpose()
}

pub(crate) fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl Store {
    /// Every outbox entry, in the order to send them.
    pub fn outbox(&self) -> Result<Vec<OutboxEntry>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_ENTRY} ORDER BY seq"))?;
        let raws: Vec<RawEntry> = stmt.query_map([], raw)?.collect::<rusqlite::Result<_>>()?;
        raws.into_iter().map(decode).collect()
    }

    /// One outbox entry, if it is still there.
    pub fn outbox_entry(&self, seq: i64) -> Result<Option<OutboxEntry>> {
        match load_entry(&self.conn, seq) {
            Ok(e) => Ok(Some(e)),
            Err(StoreError::OutboxEntryNotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Marks a create as maybe applied by the server, sent at `sent_at_ms`, and returns
    /// the body to send: read in the same transaction that marks it, so what goes out is
    /// exactly what is recorded as sent. Call it before sending, so that a crash
    /// mid-request leaves "look for it first". From now on edits to the draft no longer
    /// change its create body (they become a pending edit of the draft). `seen_before`:
    /// server rooms known before this send (added to those known before earlier sends),
    /// which reconciliation never takes for this create's room.
    pub fn mark_uncertain(
        &self,
        seq: i64,
        sent_at_ms: i64,
        seen_before: &[String],
    ) -> Result<NewRoom> {
        let _durable = self.durable()?;
        let tx = self.write_tx_keeping_order()?;
        let entry = load_entry(&tx, seq)?;
        let OutboxOp::Create(body) = entry.op else {
            return Err(StoreError::InvalidState(format!(
                "outbox entry {seq} is an edit; only creates can be uncertain"
            )));
        };
        let mut seen = entry.seen_before;
        seen.extend(seen_before.iter().cloned());
        seen.sort();
        seen.dedup();
        tx.prepare_cached(
            "UPDATE outbox SET state = 'uncertain', sent_at_ms = ?2, seen_before_json = ?3,
                 candidates_json = NULL
             WHERE seq = ?1",
        )?
        .execute(params![seq, sent_at_ms, to_json(&seen)?])?;
        tx.commit()?;
        Ok(body)
    }

    /// Records the rooms an uncertain create may have made when reconciliation cannot
    /// tell which (or whether): the user adopts one or creates it again.
    pub fn record_candidates(&self, seq: i64, candidates: &[Room]) -> Result<()> {
        let tx = self.write_tx_keeping_order()?;
        let entry = load_entry(&tx, seq)?;
        if entry.state != OutboxState::Uncertain {
            return Err(StoreError::InvalidState(format!(
                "outbox entry {seq} is not an uncertain create"
            )));
        }
        tx.prepare_cached("UPDATE outbox SET candidates_json = ?2 WHERE seq = ?1")?
            .execute(params![seq, to_json(&candidates)?])?;
        tx.commit()?;
        Ok(())
    }

    /// The user says none of the rooms an uncertain create may have made is its room:
    /// the create goes back to pending, to be sent anew, and those rooms join the ones
    /// seen before the send (so they are never taken for it).
    pub fn create_again(&self, seq: i64) -> Result<()> {
        let _durable = self.durable()?;
        let tx = self.write_tx_keeping_order()?;
        let entry = load_entry(&tx, seq)?;
        if entry.kind() != OutboxKind::Create || entry.state != OutboxState::Uncertain {
            return Err(StoreError::InvalidState(format!(
                "draft {} is not waiting for a decision: only a create that may have reached \
                 the server can be created again",
                entry.room_id
            )));
        }
        let mut seen = entry.seen_before;
        seen.extend(entry.candidates.iter().map(|r| r.id.clone()));
        seen.sort();
        seen.dedup();
        tx.prepare_cached("UPDATE outbox SET seen_before_json = ?2 WHERE seq = ?1")?
            .execute(params![seq, to_json(&seen)?])?;
        back_to_pending(&tx, seq)?;
        tx.commit()?;
        Ok(())
    }

    /// Records a failed attempt (the entry stays). `not_sent`: the server surely did
    /// nothing (e.g. a 400 before any effect, a refused connection), so an uncertain
    /// create goes back to pending.
    pub fn record_failure(&self, seq: i64, error: &str, not_sent: bool) -> Result<()> {
        let _durable = self.durable()?;
        let tx = self.write_tx_keeping_order()?;
        let entry = load_entry(&tx, seq)?;
        tx.prepare_cached(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE seq = ?1",
        )?
        .execute(params![seq, error])?;
        if not_sent && entry.state == OutboxState::Uncertain {
            back_to_pending(&tx, seq)?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// An uncertain create goes back to pending: surely not applied (or the user says so).
/// Edits made to the draft while it might have been on the server were kept as a patch
/// on the draft id; they fold back into the create body here, in the caller's
/// transaction, so that later edits (which fold into the body too) stay the newest and no
/// older patch is sent after the create to overwrite them.
fn back_to_pending(conn: &Connection, seq: i64) -> Result<()> {
    let entry = load_entry(conn, seq)?;
    if let (OutboxOp::Create(body), Some(later)) = (
        &entry.op,
        entry_for(conn, &entry.room_id, OutboxKind::Patch)?,
    ) {
        let OutboxOp::Patch(patch) = &later.op else {
            return Err(StoreError::InvalidState(format!(
                "outbox entry {} is not an edit",
                later.seq
            )));
        };
        let mut fields = body.to_fields();
        fields.extend(patch.to_fields());
        conn.prepare_cached("UPDATE outbox SET payload_json = ?2 WHERE seq = ?1")?
            .execute(params![seq, to_json(&fields)?])?;
        conn.prepare_cached("DELETE FROM outbox WHERE seq = ?1")?
            .execute([later.seq])?;
    }
    conn.prepare_cached(
        "UPDATE outbox SET state = 'pending', sent_at_ms = NULL, candidates_json = NULL
         WHERE seq = ?1",
    )?
    .execute([seq])?;
    Ok(())
}
