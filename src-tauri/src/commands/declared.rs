// THE declaration of every command the UI can invoke: its name, its arguments and their
// Rust types, its result type, and its one-line body over the core (or the app state).
// Everything else is produced from this list:
// - the command functions and the invoke handler (`commands/mod.rs`, `commands!`),
// - the ACL manifest and the main window's capability (`build.rs` reads this file),
// - the TypeScript signatures in `ui/src/bindings.ts` (`bindings.rs`), from the same types.
// To add a command, add it here (and a wrapper in `ui/src/api/commands.ts`); nothing else.
//
// Form: `async fn name(state, arg: Type, ...) -> Result { body }`; `state` is the app
// state, the body answers `crate::Result<Result>` and its error reaches the UI as the
// core's `ErrorPayload`. Arguments arrive from `invoke` in camelCase (`roomId`).
commands! {
    /// One page of rooms; `search` (full-text) needs the local source.
    async fn list_rooms(state, source: Source, query: Option<ListQuery>, search: Option<String>) -> RoomPage {
        Ok(state.service()?.list(source, query.unwrap_or_default(), search).await?)
    }

    /// One room; an unknown id is `not_found`.
    async fn get_room(state, source: Source, id: String) -> RoomView {
        Ok(state.service()?.get(source, &id).await?)
    }

    /// Creates a room on the server, or (local source) a draft sent on the next sync.
    async fn create_room(state, source: Source, body: NewRoom) -> RoomView {
        Ok(state.service()?.create(source, body).await?)
    }

    /// Updates a room on the server, or (local source) records a pending edit.
    async fn update_room(state, source: Source, id: String, patch: RoomPatch) -> RoomView {
        Ok(state.service()?.update(source, &id, patch).await?)
    }

    /// Every problem a create (`newRoom`) or an update (`patch`) would be refused for, in
    /// the core's words; empty when it would be accepted. Nothing is stored or sent.
    async fn validate_room_input(_state, input: RoomInput) -> Vec<FieldError> {
        Ok(roomdesk_core::validate_room_input(&input))
    }

    /// Room statuses (remembered for offline use).
    async fn statuses(state) -> Vec<Status> {
        Ok(state.service()?.statuses().await?)
    }

    /// A lookup list; `null` when the server has no such lookup (404).
    async fn lookup(state, kind: LookupKind) -> Option<Vec<Lookup>> {
        Ok(state.service()?.lookup(kind).await?)
    }

    /// Every change waiting to reach the server, in order.
    async fn outbox(state) -> Vec<OutboxEntry> {
        Ok(state.service()?.outbox()?)
    }

    /// Fields waiting for the user's decision.
    async fn conflicts(state) -> Vec<Conflict> {
        Ok(state.service()?.conflicts()?)
    }

    /// Settles one conflicting field: keep mine or take theirs.
    async fn resolve_conflict(state, room_id: String, field: RoomField, choice: Resolution) -> () {
        Ok(state.service()?.resolve(&room_id, field, choice)?)
    }

    /// Drops a local draft that was never sent (and its outbox entry).
    async fn discard_draft(state, id: String) -> () {
        Ok(state.service()?.discard_draft(&id)?)
    }

    /// Throws away a room's local changes: a never-sent draft, or a room's pending edits
    /// (it shows the server's last version again).
    async fn discard_local_changes(state, id: String) -> RoomChange {
        Ok(state.service()?.discard_local_changes(&id)?)
    }

    /// A create that may have made one of several look-alike rooms: the user says it
    /// made `roomId` (one of its candidates); the draft becomes that room.
    async fn adopt_room(state, draft_id: String, room_id: String) -> RoomView {
        Ok(state.service()?.adopt_room(&draft_id, &room_id).await?)
    }

    /// A create that may have made one of several look-alike rooms: none is it, send it
    /// anew (those rooms are never taken for it).
    async fn create_again(state, draft_id: String) -> RoomView {
        Ok(state.service()?.create_again(&draft_id).await?)
    }

    /// Empties the local cache of server rooms (pulled again by the next listing or
    /// sync); drafts, pending edits and conflicts go only with `dropUnsynced`. Refused
    /// (`busy`) while a sync runs.
    async fn reset_local_cache(state, drop_unsynced: bool) -> CacheCleared {
        Ok(state.service()?.reset_local_cache(drop_unsynced).await?)
    }

    /// The org brand color (`#RRGGBB`) the preview shows for `flow-org-color`; kept on this computer.
    async fn get_org_color(state) -> Option<String> {
        Ok(state.service()?.org_color()?)
    }

    /// Sets the org brand color (`#RGB` / `#RRGGBB`; blank removes it); answers the stored value.
    async fn set_org_color(state, color: Option<String>) -> Option<String> {
        Ok(state.service()?.set_org_color(color.as_deref())?)
    }

    /// A company's color kept on this computer (the preview of `target-company-color`).
    async fn get_company_color(state, company_id: String) -> Option<String> {
        Ok(state.service()?.company_color(&company_id)?)
    }

    /// Sets a company's local color (blank removes it); answers the stored value.
    async fn set_company_color(state, company_id: String, color: Option<String>) -> Option<String> {
        Ok(state.service()?.set_company_color(&company_id, color.as_deref())?)
    }

    /// Every brand palette kept on this computer, the starting ones first.
    async fn palettes(state) -> Vec<Palette> {
        Ok(state.service()?.palettes()?)
    }

    /// Adds a palette (checked with the room fields' rules; a name in use is refused).
    async fn create_palette(state, palette: Palette) -> Palette {
        Ok(state.service()?.create_palette(palette)?)
    }

    /// Renames a palette; answers it under its new name.
    async fn rename_palette(state, name: String, new_name: String) -> Palette {
        Ok(state.service()?.rename_palette(&name, &new_name)?)
    }

    /// Deletes a palette (rooms keep their look).
    async fn delete_palette(state, name: String) -> () {
        Ok(state.service()?.delete_palette(&name)?)
    }

    /// Records one design edit on many rooms as pending edits (one transaction).
    async fn save_pending_edits(state, room_ids: Vec<String>, patch: RoomPatch) -> BulkSaved {
        Ok(state.service()?.save_pending_edits(room_ids, patch).await?)
    }

    /// Records one design edit on many rooms, then sends them now; progress on `on_progress`.
    async fn apply_now(state, room_ids: Vec<String>, patch: RoomPatch, on_progress: Channel<BulkProgress>) -> Vec<BulkRoomResult> {
        let report = |p: BulkProgress| {
            on_progress
                .send(p)
                .unwrap_or_else(|e| tracing::debug!("bulk progress not delivered: {e}"))
        };
        Ok(state.service()?.apply_now(room_ids, patch, &report).await?)
    }

    /// Sends the pending edits of these rooms now (retrying the ones that failed).
    async fn send_pending_edits(state, room_ids: Vec<String>, on_progress: Channel<BulkProgress>) -> Vec<BulkRoomResult> {
        let report = |p: BulkProgress| {
            on_progress
                .send(p)
                .unwrap_or_else(|e| tracing::debug!("bulk progress not delivered: {e}"))
        };
        Ok(state.service()?.send_pending_edits(room_ids, &report).await?)
    }

    /// The active connection as the settings page shows it (never the key itself).
    async fn get_connection(state) -> ConnectionInfo {
        state.connection_info()
    }

    /// Switches connection; `baseUrl` is required for Flowla the first time.
    async fn set_connection(state, kind: ConnectionKind, base_url: Option<String>) -> ConnectionInfo {
        state.set_connection(kind, base_url)
    }

    /// Stores the key in the keyring; the answer shows only its last 4 characters.
    async fn set_api_key(state, key: String) -> ConnectionInfo {
        state.set_api_key(&key)
    }

    /// Deletes the Flowla API key from the keyring.
    async fn remove_api_key(state) -> ConnectionInfo {
        state.remove_api_key()
    }

    /// Asks the active connection's API for one room: a clear yes, or no and why.
    async fn test_connection(state) -> ConnectionTest {
        state.test_connection().await
    }

    /// Version, data dir, Sandbox address, key store.
    async fn get_app_info(state) -> AppInfo {
        Ok(state.app_info())
    }

    /// Pushes the outbox, then pulls; every progress step is sent on `on_progress`.
    async fn sync(state, on_progress: Channel<SyncProgress>) -> SyncReport {
        let report = |p: SyncProgress| {
            on_progress
                .send(p)
                .unwrap_or_else(|e| tracing::debug!("sync progress not delivered: {e}"))
        };
        Ok(state.service()?.sync(&report).await?)
    }
}
