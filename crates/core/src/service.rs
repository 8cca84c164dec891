//! `RoomsService`: list/get/create/update from the Flowla API (writing through to the
//! cache) or from the local cache (drafts and pending edits); the outbox and conflicts.
//! Sync lives in `sync/`, the remote write paths in `remote.rs`.

use crate::error::{CoreError, Result};
use crate::store_access::StoreAccess;
use crate::views::{RoomChange, RoomPage, RoomView, ServiceOptions, Source};
use roomdesk_client::{ClientConfig, FlowlaClient};
use roomdesk_model::{
    validate_id, ListQuery, Lookup, LookupKind, NewRoom, RoomField, RoomPatch, Status,
    ValidationErrors,
};
use roomdesk_store::{CacheCleared, Conflict, OutboxEntry, Resolution, ServerBinding};
use serde::{de::DeserializeOwned, Serialize};
use std::sync::{Arc, RwLock};

/// The app as a library. Cheap to clone; every clone shares the same database and client.
#[derive(Clone)]
pub struct RoomsService {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) store: StoreAccess,
    pub(crate) data_dir: std::path::PathBuf,
    client: RwLock<Option<FlowlaClient>>,
    /// Set when the store belongs to another server than the one it was opened for: every
    /// call to the API is then refused with this error's words.
    wrong_server: Option<(String, String)>,
    /// One sync at a time in this process.
    pub(crate) sync_lock: tokio::sync::Mutex<()>,
}

pub(crate) fn check_id(id: &str) -> Result<()> {
    validate_id(id).map_err(|m| CoreError::Validation(ValidationErrors::single("id", m)))
}

pub(crate) fn not_found(id: &str) -> CoreError {
    CoreError::NotFound {
        what: "room",
        id: id.to_string(),
    }
}

/// Names a `NotFound` after the room asked for.
pub(crate) fn name_not_found(id: &str) -> impl Fn(CoreError) -> CoreError + '_ {
    move |e| match e {
        CoreError::NotFound { .. } => not_found(id),
        other => other,
    }
}

impl RoomsService {
    /// Opens (creating if needed) the local database under `data_dir` and, when given,
    /// the API client.
    pub fn open(options: ServiceOptions) -> Result<Self> {
        let store = StoreAccess::open(&options.data_dir)?;
        let wrong_server = match &options.server {
            Some(server) => match store.with(|s| s.bind_server(server))? {
                ServerBinding::Other(bound) => {
                    tracing::warn!(
                        "workspace bound to {bound}, opened for {server}: API calls refused"
                    );
                    Some((bound, server.clone()))
                }
                ServerBinding::Adopted | ServerBinding::Same => None,
            },
            None => None,
        };
        let client = options.remote.map(FlowlaClient::new).transpose()?;
        Ok(RoomsService {
            inner: Arc::new(Inner {
                store,
                data_dir: options.data_dir,
                client: RwLock::new(client),
                wrong_server,
                sync_lock: tokio::sync::Mutex::new(()),
            }),
        })
    }

    /// Gives the service a new API config for its server (a new key, other limits), or
    /// none: local only. Another server is another workspace ([`crate::Connection::open`]).
    pub fn set_remote(&self, remote: Option<ClientConfig>) -> Result<()> {
        let client = remote.map(FlowlaClient::new).transpose()?;
        let mut slot = self
            .inner
            .client
            .write()
            .map_err(|_| CoreError::InvalidConfig("client state poisoned".into()))?;
        *slot = client;
        Ok(())
    }

    /// Whether an API is configured.
    pub fn has_remote(&self) -> bool {
        self.inner
            .client
            .read()
            .map(|c| c.is_some())
            .unwrap_or(false)
    }

    /// The API client, unless there is none or the workspace belongs to another server.
    pub(crate) fn client(&self) -> Result<FlowlaClient> {
        if let Some((bound, requested)) = &self.inner.wrong_server {
            return Err(CoreError::WrongServer {
                bound: bound.clone(),
                requested: requested.clone(),
            });
        }
        self.inner
            .client
            .read()
            .ok()
            .and_then(|c| c.clone())
            .ok_or(CoreError::NotConfigured)
    }

    pub(crate) fn store(&self) -> &StoreAccess {
        &self.inner.store
    }

    /// One page of rooms. `search` (title, cover title, description) needs the local source.
    pub async fn list(
        &self,
        source: Source,
        query: ListQuery,
        search: Option<String>,
    ) -> Result<RoomPage> {
        query.validate()?;
        let search = search.filter(|s| !s.trim().is_empty());
        match source {
            Source::Local => {
                let (rooms, total) = self
                    .store()
                    .read(move |s| s.list_rooms(&query, search.as_deref()))
                    .await?;
                Ok(RoomPage {
                    rooms: rooms.into_iter().map(RoomView::from).collect(),
                    page: query.page,
                    limit: query.limit,
                    total: Some(total),
                })
            }
            Source::Remote => {
                if search.is_some() {
                    return Err(CoreError::Validation(ValidationErrors::single(
                        "search",
                        "full-text search works on the local source only (sync, then list locally)",
                    )));
                }
                let rooms = self.client()?.list_rooms(&query).await?;
                let views = self.write_through(rooms)?;
                Ok(RoomPage {
                    rooms: views,
                    page: query.page,
                    limit: query.limit,
                    total: None,
                })
            }
        }
    }

    /// One room. An unknown id is `NotFound` naming the id.
    pub async fn get(&self, source: Source, id: &str) -> Result<RoomView> {
        check_id(id)?;
        let wanted = id.to_string();
        let local = self.store().read(move |s| s.find_room(&wanted)).await?;
        match (source, local) {
            (Source::Local, Some(l)) => Ok(l.into()),
            (Source::Local, None) => Err(not_found(id)),
            // A draft exists only here: the server has never heard of its id.
            (Source::Remote, Some(l)) if l.state == roomdesk_store::LocalState::Draft => {
                Ok(l.into())
            }
            (Source::Remote, _) => {
                let room = self
                    .client()?
                    .get_room(id)
                    .await
                    .map_err(CoreError::from)
                    .map_err(name_not_found(id))?;
                self.write_through(vec![room])?
                    .pop()
                    .ok_or_else(|| not_found(id))
            }
        }
    }

    /// Creates a room on the server, or (local source) a draft sent on the next sync.
    /// Invalid input is refused before anything is stored or sent.
    pub async fn create(&self, source: Source, body: NewRoom) -> Result<RoomView> {
        let body = body.validate()?;
        match source {
            Source::Local => Ok(self
                .store()
                .write(move |s| s.create_draft(&body))
                .await?
                .into()),
            Source::Remote => self.create_remote(body).await,
        }
    }

    /// Updates a room on the server, or (local source) records a pending edit against the
    /// version in the cache. Invalid input is refused before anything is stored or sent.
    pub async fn update(&self, source: Source, id: &str, patch: RoomPatch) -> Result<RoomView> {
        check_id(id)?;
        let patch = patch.validate()?;
        match source {
            Source::Local => {
                let room_id = id.to_string();
                Ok(self
                    .store()
                    .write(move |s| s.record_patch(&room_id, &patch))
                    .await
                    .map_err(name_not_found(id))?
                    .into())
            }
            Source::Remote => self.update_remote(id, patch).await,
        }
    }

    /// Throws away a local draft that was never sent (with its outbox entry). A draft
    /// that may already be on the server cannot be discarded: sync first.
    pub fn discard_draft(&self, id: &str) -> Result<()> {
        check_id(id)?;
        match self.store().with(|s| s.find_room(id))? {
            None => Err(not_found(id)),
            Some(_) => self.store().with(|s| s.discard_draft(id)),
        }
    }

    /// Throws away the local changes to one room: a draft that was never sent (as
    /// [`RoomsService::discard_draft`]), or a cached room's pending edits and their
    /// conflicts, so it shows the server's last version again. The way out for an edit
    /// to a room someone deleted on the server (every sync answers `not_found` for it).
    pub fn discard_local_changes(&self, id: &str) -> Result<RoomChange> {
        check_id(id)?;
        match self.store().with(|s| s.find_room(id))? {
            None => Err(not_found(id)),
            Some(room) if room.state == roomdesk_store::LocalState::Draft => {
                self.store().with(|s| s.discard_draft(id))?;
                Ok(RoomChange::DraftDiscarded)
            }
            Some(_) => {
                let room = self.store().with(|s| s.discard_edits(id))?;
                Ok(RoomChange::EditsDiscarded(Box::new(room.into())))
            }
        }
    }

    /// Empties the local cache of server rooms (the next listing or sync pulls them
    /// again). Unsynced work (drafts, pending edits, conflicts) stays unless
    /// `drop_unsynced`, which throws it away too. Refused as `Busy` while a sync or a
    /// remote write runs, so nothing being sent is dropped halfway.
    pub async fn reset_local_cache(&self, drop_unsynced: bool) -> Result<CacheCleared> {
        let _exclusive = self.exclusive_now()?;
        self.store()
            .write(move |s| s.clear_cache(drop_unsynced))
            .await
    }

    /// Every change waiting to reach the server, in the order they were made.
    pub fn outbox(&self) -> Result<Vec<OutboxEntry>> {
        self.store().read_now(|s| s.outbox())
    }

    /// Fields waiting for the user's decision.
    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        self.store().read_now(|s| s.conflicts())
    }

    /// Settles one conflicting field: keep mine (sent on the next sync) or take theirs.
    pub fn resolve(&self, room_id: &str, field: RoomField, choice: Resolution) -> Result<()> {
        check_id(room_id)?;
        self.store()
            .with(|s| s.resolve_conflict(room_id, field, choice))?;
        Ok(())
    }

    /// Room statuses from the server; the last list is remembered for offline use.
    pub async fn statuses(&self) -> Result<Vec<Status>> {
        let fresh = match self.client() {
            Ok(client) => client.statuses().await.map_err(CoreError::from),
            Err(e) => Err(e),
        };
        self.remembered("statuses", fresh)
    }

    /// A lookup list (companies, labels, users, templates); `None` when the server has
    /// none. The last list is remembered for offline use.
    pub async fn lookup(&self, kind: LookupKind) -> Result<Option<Vec<Lookup>>> {
        let fresh = match self.client() {
            Ok(client) => client.lookup(kind).await.map_err(CoreError::from),
            Err(e) => Err(e),
        };
        self.remembered(&format!("lookup:{}", kind.path()), fresh)
    }

    /// Stores a fresh answer under `key`; on an outage (or no API), answers the stored one.
    fn remembered<T: Serialize + DeserializeOwned>(
        &self,
        key: &str,
        fresh: Result<T>,
    ) -> Result<T> {
        match fresh {
            Ok(v) => {
                if let Ok(text) = serde_json::to_string(&v) {
                    self.store().with(|s| s.set_sync_state(key, &text))?;
                }
                Ok(v)
            }
            Err(e) if e.is_outage() => {
                let stored = self.store().read_now(|s| s.sync_state(key))?;
                match stored.and_then(|t| serde_json::from_str(&t).ok()) {
                    Some(v) => Ok(v),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::SyncProgress;

    /// The desktop shell runs these futures on a multi-threaded runtime: they must be Send,
    /// and the service shareable. Checked at compile time.
    #[allow(dead_code)]
    fn futures_are_send(s: &RoomsService, progress: &(dyn Fn(SyncProgress) + Send + Sync)) {
        fn send<T: Send>(_: T) {}
        fn shared<T: Send + Sync + Clone + 'static>() {}
        shared::<RoomsService>();
        send(s.sync(progress));
        send(s.list(Source::Local, ListQuery::default(), None));
        send(s.get(Source::Remote, "rm_1"));
        send(s.create(Source::Remote, NewRoom::default()));
        send(s.update(Source::Remote, "rm_1", RoomPatch::default()));
        send(s.statuses());
        send(s.lookup(LookupKind::Companies));
        send(s.reset_local_cache(false));
    }

    #[test]
    fn a_cache_reset_is_refused_while_a_sync_holds_the_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let s = RoomsService::open(ServiceOptions {
            data_dir: dir.path().to_path_buf(),
            remote: None,
            server: None,
        })
        .unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        s.store()
            .with(|st| {
                st.upsert_rooms(&[roomdesk_model::Room {
                    id: "rm_1".into(),
                    title: "Acme".into(),
                    ..Default::default()
                }])
            })
            .unwrap();
        // Another process syncing this data dir, as far as the OS can tell.
        let other = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.path().join("sync.lock"))
            .unwrap();
        other.try_lock().unwrap();
        let err = rt.block_on(s.reset_local_cache(true)).unwrap_err();
        assert_eq!(err.code(), "busy");
        assert_eq!(
            s.store().with(|st| st.room_count()).unwrap(),
            1,
            "nothing removed"
        );
        // A sync in this process.
        drop(other);
        let turn = s.inner.sync_lock.try_lock().unwrap();
        let err = rt.block_on(s.reset_local_cache(false)).unwrap_err();
        assert_eq!(err.code(), "busy");
        assert!(err.to_string().contains("sync is running"), "{err}");
        drop(turn);
        let cleared = rt.block_on(s.reset_local_cache(false)).unwrap();
        assert_eq!(cleared.rooms_removed, 1);
        assert_eq!(s.store().with(|st| st.room_count()).unwrap(), 0);
    }

    #[test]
    fn opens_without_a_remote_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let s = RoomsService::open(ServiceOptions {
            data_dir: dir.path().to_path_buf(),
            remote: None,
            server: None,
        })
        .unwrap();
        assert!(!s.has_remote());
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let err = rt
            .block_on(s.list(Source::Remote, ListQuery::default(), None))
            .unwrap_err();
        assert_eq!(err.code(), "not_configured");
        // The local source works without any API.
        let page = rt
            .block_on(s.list(Source::Local, ListQuery::default(), None))
            .unwrap();
        assert_eq!(page.total, Some(0));
        let err = rt
            .block_on(s.update(
                Source::Local,
                "rm_x",
                RoomPatch {
                    title: Some("t".into()),
                    ..Default::default()
                },
            ))
            .unwrap_err();
        assert_eq!(err.code(), "not_found");
    }
}
