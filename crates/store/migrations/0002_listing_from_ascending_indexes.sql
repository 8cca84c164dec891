-- Listing orders are now kept in memory and built from the ascending indexes (the
-- descending order is derived from them), so the descending indexes only slowed writes.
DROP INDEX rooms_created_desc;
DROP INDEX rooms_updated_desc;
DROP INDEX rooms_engaged_desc;
DROP INDEX rooms_last_eng_desc;
