-- Which server this workspace belongs to. One row at most: a brand-new store adopts the
-- first server it is opened for, and the core refuses to sync it against any other.
-- `server` is the normalised base URL, or `sandbox` for the app's built-in Sandbox.
-- `account` is left empty: the Flowla API does not say which account a key belongs to.
CREATE TABLE server_binding (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    server   TEXT NOT NULL,
    account  TEXT,
    bound_at TEXT NOT NULL
);
