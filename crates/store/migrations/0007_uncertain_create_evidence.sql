-- What settles an uncertain create without guessing.
-- seen_before_json: ids of server rooms Roomdesk had seen before the create was sent (a
--   JSON array): none of them can be the room the create made.
-- candidates_json: when several rooms (or none for sure) could be the one the create made,
--   those rooms (a JSON array of rooms), for the user to adopt one or create it again.
ALTER TABLE outbox ADD COLUMN seen_before_json TEXT;
ALTER TABLE outbox ADD COLUMN candidates_json TEXT;
