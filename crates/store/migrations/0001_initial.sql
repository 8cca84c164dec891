-- Roomdesk local store, schema 1.
-- Later migrations are new files (0002_...), never edits to this one. Palettes, company
-- colors and the org brand color (ROADMAP) will get their own tables then.

-- Every room the user can see locally: rooms cached from the server and local drafts.
-- One table so that listing walks one index per sort order.
CREATE TABLE rooms (
    rid             INTEGER PRIMARY KEY,      -- stable row id (also the search index's rowid)
    id              TEXT    NOT NULL UNIQUE,  -- server id, or `draft-<uuid>` for a draft
    is_draft        INTEGER NOT NULL DEFAULT 0 CHECK (is_draft IN (0, 1)),
    server_json     TEXT,                     -- the room as the server last sent it, unknown fields included; NULL for a draft
    view_json       TEXT,                     -- the local view when it differs from server_json (fields this app wrote, pending edits, drafts)
    -- sort keys (epoch ms / integers; NULL sorts as the smallest value)
    created_ms      INTEGER,
    updated_ms      INTEGER,
    engagements     INTEGER,
    last_engaged_ms INTEGER,
    -- searchable text of the local view
    title           TEXT    NOT NULL DEFAULT '',
    cover_title     TEXT,
    description     TEXT,
    CHECK (server_json IS NOT NULL OR view_json IS NOT NULL)
);

-- One index per sort order, matching the contract order exactly:
-- ASC  = key ASC (NULLs first), id ASC;  DESC = key DESC (NULLs last), id ASC.
-- Each is also walked backwards to reach deep pages from the nearer end.
CREATE INDEX rooms_created_asc    ON rooms (created_ms, id);
CREATE INDEX rooms_created_desc   ON rooms (created_ms DESC, id);
CREATE INDEX rooms_updated_asc    ON rooms (updated_ms, id);
CREATE INDEX rooms_updated_desc   ON rooms (updated_ms DESC, id);
CREATE INDEX rooms_engaged_asc    ON rooms (engagements, id);
CREATE INDEX rooms_engaged_desc   ON rooms (engagements DESC, id);
CREATE INDEX rooms_last_eng_asc   ON rooms (last_engaged_ms, id);
CREATE INDEX rooms_last_eng_desc  ON rooms (last_engaged_ms DESC, id);

-- Full-text search over the local view's title, cover title and description.
-- Contentless: the text lives in `rooms`; triggers keep the index in step.
CREATE VIRTUAL TABLE room_search USING fts5 (
    title, cover_title, description,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER rooms_search_insert AFTER INSERT ON rooms BEGIN
    INSERT INTO room_search (rowid, title, cover_title, description)
    VALUES (new.rid, new.title, new.cover_title, new.description);
END;

CREATE TRIGGER rooms_search_update AFTER UPDATE OF title, cover_title, description ON rooms
WHEN old.title IS NOT new.title OR old.cover_title IS NOT new.cover_title
     OR old.description IS NOT new.description
BEGIN
    INSERT OR REPLACE INTO room_search (rowid, title, cover_title, description)
    VALUES (new.rid, new.title, new.cover_title, new.description);
END;

CREATE TRIGGER rooms_search_delete AFTER DELETE ON rooms BEGIN
    DELETE FROM room_search WHERE rowid = old.rid;
END;

-- Write-only fields (description, statusId, labelId, email, CRM ids) as this app last
-- wrote them per room: the server is not documented to return them.
CREATE TABLE room_written (
    room_id     TEXT PRIMARY KEY,
    fields_json TEXT NOT NULL                 -- {"description": "...", "hsDealId": "..."}
) WITHOUT ROWID;

-- Local changes not yet confirmed by the server, replayed in `seq` order.
CREATE TABLE outbox (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id       TEXT    NOT NULL,           -- server id, or the draft id
    kind          TEXT    NOT NULL CHECK (kind IN ('create', 'patch')),
    payload_json  TEXT    NOT NULL,           -- named fields (a NewRoom or a RoomPatch)
    base_json     TEXT,                       -- patch: the server room the edit was made against
    state         TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'uncertain')),
    sent_at_ms    INTEGER,                    -- uncertain create: when it was (maybe) sent
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX outbox_room ON outbox (room_id);

-- Fields where a pending patch and a server change disagree, until the user chooses.
CREATE TABLE conflicts (
    room_id        TEXT    NOT NULL,
    field          TEXT    NOT NULL,          -- camelCase contract name
    mine_json      TEXT    NOT NULL,
    theirs_json    TEXT    NOT NULL,
    base_json      TEXT    NOT NULL,
    detected_at_ms INTEGER NOT NULL,
    PRIMARY KEY (room_id, field)
) WITHOUT ROWID;

-- Sync bookkeeping: last pull time, a sync-in-progress marker, ...
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
