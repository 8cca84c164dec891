-- The search index of inserted and updated rows is now written by the store's code next
-- to the change (bulk writes index their new rows in one statement). A per-row trigger,
-- even one whose WHEN clause is false, made SQLite open a statement journal for every
-- row of a pull: about 4x slower on 100,000 rooms. Deletes keep their trigger: a removed
-- row always leaves the index, whichever code path removes it.
DROP TRIGGER rooms_search_insert;
DROP TRIGGER rooms_search_update;
DROP TABLE search_pause;
