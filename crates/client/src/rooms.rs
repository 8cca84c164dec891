//! The endpoints: rooms (list, get, create, update), statuses and the lookups. Inputs are
//! validated locally first (`InvalidInput`) and the normalised body is what gets sent.

use crate::error::{ClientError, Result};
use crate::parse::{parse_lookups, parse_room, parse_rooms_page, parse_statuses, RoomsPage};
use crate::retry::RequestKind;
use crate::transport::{Call, Reply};
use crate::FlowlaClient;
use reqwest::Method;
use roomdesk_model::{
    validate_id, ListQuery, Lookup, LookupKind, NewRoom, Room, RoomPatch, Status, ValidationErrors,
};
use serde::Serialize;

impl FlowlaClient {
    /// `GET /api/v2/rooms`: one page, in the query's order.
    pub async fn list_rooms(&self, q: &ListQuery) -> Result<Vec<Room>> {
        Ok(self.list_rooms_page(q).await?.rooms)
    }

    /// Like [`FlowlaClient::list_rooms`], with the server's `total` when it sends one.
    pub async fn list_rooms_page(&self, q: &ListQuery) -> Result<RoomsPage> {
        q.validate().map_err(ClientError::InvalidInput)?;
        let query = q.to_pairs();
        let reply = self.get(&["rooms"], &query).await?;
        parse_rooms_page(&reply.body).map_err(ClientError::Malformed)
    }

    /// `GET /api/v2/rooms/{id}`; an unknown id is `NotFound`.
    pub async fn get_room(&self, id: &str) -> Result<Room> {
        check_id(id)?;
        let reply = self.get(&["rooms", id], &[]).await?;
        parse_room(&reply.body).map_err(ClientError::Malformed)
    }

    /// `POST /api/v2/rooms`. Retried only when the server surely did nothing; when the
    /// outcome is unknown the error is `Uncertain` (see [`FlowlaClient::find_created`]).
    pub async fn create_room(&self, body: &NewRoom) -> Result<Room> {
        let body = body.validate().map_err(ClientError::InvalidInput)?;
        let reply = self
            .inner
            .send(Call {
                method: Method::POST,
                path: &["rooms"],
                query: &[],
                body: Some(to_json(&body)?),
                kind: RequestKind::Create,
            })
            .await?;
        // The room was (very likely) made, but we cannot tell which it is.
        parse_room(&reply.body).map_err(|why| ClientError::Uncertain {
            sent_at_millis: reply.sent_at_millis,
            reason: format!("HTTP {} but {why}", reply.status),
        })
    }

    /// `PATCH /api/v2/rooms/{id}` with only the fields set in `patch`.
    pub async fn update_room(&self, id: &str, patch: &RoomPatch) -> Result<Room> {
        check_id(id)?;
        let patch = patch.validate().map_err(ClientError::InvalidInput)?;
        let reply = self
            .inner
            .send(Call {
                method: Method::PATCH,
                path: &["rooms", id],
                query: &[],
                body: Some(to_json(&patch)?),
                kind: RequestKind::Idempotent,
            })
            .await?;
        parse_room(&reply.body).map_err(ClientError::Malformed)
    }

    /// `GET /api/v2/statuses`.
    pub async fn statuses(&self) -> Result<Vec<Status>> {
        let reply = self.get(&["statuses"], &[]).await?;
        parse_statuses(&reply.body).map_err(ClientError::Malformed)
    }

    /// `GET /api/v2/{companies|labels|users|templates}`; `None` when the server has no
    /// such list (404), so the UI can fall back to typing an ID.
    pub async fn lookup(&self, kind: LookupKind) -> Result<Option<Vec<Lookup>>> {
        match self.get(&[kind.path()], &[]).await {
            Ok(reply) => parse_lookups(&reply.body)
                .map(Some)
                .map_err(ClientError::Malformed),
            Err(ClientError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn get(&self, path: &[&str], query: &[(&'static str, String)]) -> Result<Reply> {
        self.inner
            .send(Call {
                method: Method::GET,
                path,
                query,
                body: None,
                kind: RequestKind::Idempotent,
            })
            .await
    }
}

fn check_id(id: &str) -> Result<()> {
    validate_id(id).map_err(|m| ClientError::InvalidInput(ValidationErrors::single("id", m)))
}

fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| {
        ClientError::InvalidInput(ValidationErrors::single(
            "body",
            format!("cannot be written as JSON: {e}"),
        ))
    })
}
