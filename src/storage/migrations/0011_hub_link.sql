-- Schema 11 (issue 16): this store's link to the programme's PostgreSQL/PostGIS hub.

-- The hub this store syncs with (one per store: a programme has one hub). `url` never holds a
-- password. `cursor` is the hub's push number this store has pulled up to; `pushed_to_seq` the
-- local arrival number (`record_version.seq`) up to which every version was sent to the hub (or
-- cannot be: another organisation's record).
CREATE TABLE hub_link (
    singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
    hub_id         TEXT NOT NULL,
    url            TEXT NOT NULL,
    user_name      TEXT NOT NULL,
    organisation   TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL DEFAULT '',
    cursor         INTEGER NOT NULL DEFAULT 0,
    pushed_to_seq  INTEGER NOT NULL DEFAULT 0,
    last_sync_at   TEXT,
    last_outcome   TEXT NOT NULL DEFAULT '',
    last_summary   TEXT NOT NULL DEFAULT ''
) STRICT;

-- The hub's push number of a version this store received from the hub (NULL: not received
-- from it), so it is not sent back.
ALTER TABLE record_version ADD COLUMN hub_seq INTEGER;
