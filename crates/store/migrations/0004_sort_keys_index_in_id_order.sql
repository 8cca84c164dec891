-- The sort-keys index in id order: reading it gives every room already ordered by id, so
-- a stable sort on the key alone yields the contract order (ties by id) without keeping
-- or comparing the ids themselves.
DROP INDEX rooms_sort_keys;
CREATE INDEX rooms_sort_keys_by_id ON rooms (id, created_ms, updated_ms, engagements, last_engaged_ms);
