-- Schema version 9: sync identity (issue 15). The programme this store belongs to and this
-- store's device id, made once (by the application, with random UUIDs) the first time they are
-- needed; and the hybrid logical clock's last stamp, so stamps keep moving forward across
-- restarts even when the computer's clock goes back.
CREATE TABLE sync_identity (
    singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
    programme_id  TEXT NOT NULL,
    device_id     TEXT NOT NULL,
    device_name   TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;
CREATE TABLE sync_clock (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    last_hlc   TEXT NOT NULL
) STRICT;
