-- Listing orders are built in memory from one narrow covering index of every sort key
-- (one index to maintain on writes instead of four). Bulk writes (a pull) pause the
-- per-row search triggers and index the rows they wrote in one statement.
DROP INDEX rooms_created_asc;
DROP INDEX rooms_updated_asc;
DROP INDEX rooms_engaged_asc;
DROP INDEX rooms_last_eng_asc;
CREATE INDEX rooms_sort_keys ON rooms (created_ms, id, updated_ms, engagements, last_engaged_ms);

-- Holds a row only inside a bulk write's transaction (never visible to other connections).
CREATE TABLE search_pause (only INTEGER PRIMARY KEY CHECK (only = 1));

DROP TRIGGER rooms_search_insert;
DROP TRIGGER rooms_search_update;

CREATE TRIGGER rooms_search_insert AFTER INSERT ON rooms
WHEN NOT EXISTS (SELECT 1 FROM search_pause)
BEGIN
    INSERT INTO room_search (rowid, title, cover_title, description)
    VALUES (new.rid, new.title, new.cover_title, new.description);
END;

CREATE TRIGGER rooms_search_update AFTER UPDATE OF title, cover_title, description ON rooms
WHEN NOT EXISTS (SELECT 1 FROM search_pause)
     AND (old.title IS NOT new.title OR old.cover_title IS NOT new.cover_title
          OR old.description IS NOT new.description)
BEGIN
    INSERT OR REPLACE INTO room_search (rowid, title, cover_title, description)
    VALUES (new.rid, new.title, new.cover_title, new.description);
END;
