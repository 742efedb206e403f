-- Schema version 10: the change log (issue 15). Every change to a land, an activity or a hazard
-- report is a version: a UUID, the versions it was made from (its bases), the device that made
-- it with that device's running number, and a hybrid logical clock stamp. Versions travel in
-- sync bundles; a record's state is its newest version, or the merge of its heads when two
-- devices changed it apart. Append only: a version is never changed or removed, except that a
-- version's body is NULL while the record's own row holds it (the newest local version: the body
-- is written once), and is copied here before that row is next changed.
CREATE TABLE record_version (
    seq            INTEGER PRIMARY KEY,            -- arrival order in this store
    version_id     TEXT NOT NULL UNIQUE,           -- UUID
    record_type    TEXT NOT NULL CHECK (record_type IN ('land', 'activity', 'hazard_report')),
    record_id      TEXT NOT NULL,
    bases          TEXT NOT NULL DEFAULT '[]',     -- JSON array of version ids
    hlc            TEXT NOT NULL,
    origin_device  TEXT NOT NULL,
    origin_seq     INTEGER NOT NULL CHECK (origin_seq > 0),
    who            TEXT NOT NULL DEFAULT '',
    state          TEXT NOT NULL DEFAULT 'live' CHECK (state IN ('live', 'deleted')),
    state_reason   TEXT NOT NULL DEFAULT '',
    open_conflicts TEXT NOT NULL DEFAULT '[]',     -- conflicts an edit left open (JSON)
    body_json      TEXT,                           -- NULL while the record's row holds it
    parked         INTEGER NOT NULL DEFAULT 0 CHECK (parked IN (0, 1)), -- a base has not arrived
    received_at    TEXT NOT NULL,
    UNIQUE (origin_device, origin_seq)
) STRICT;
CREATE INDEX record_version_record_idx ON record_version (record_id);
-- The few versions waiting for a base (the app asks at every refresh).
CREATE INDEX record_version_parked_idx ON record_version (seq) WHERE parked = 1;

-- The versions no other version was made from: one per record, more after changes made apart.
CREATE TABLE record_head (
    record_id   TEXT NOT NULL,
    version_id  TEXT NOT NULL,
    PRIMARY KEY (record_id, version_id)
) STRICT, WITHOUT ROWID;

-- The version a record's row holds (NULL when the row is a merge of several heads).
ALTER TABLE land ADD COLUMN version_id TEXT;
ALTER TABLE activity ADD COLUMN version_id TEXT;
ALTER TABLE hazard_report ADD COLUMN version_id TEXT;

-- The open conflicts of each record, as the merge of its heads finds them (recomputed whenever
-- the record's versions change; the same on every store that holds the same versions).
CREATE TABLE sync_conflict (
    record_id     TEXT NOT NULL,
    record_type   TEXT NOT NULL,
    code          TEXT NOT NULL,
    field         TEXT NOT NULL,
    conflict_json TEXT NOT NULL,
    PRIMARY KEY (record_id, field)
) STRICT;

-- The other devices of the programme: their names, what they last told us they hold (their
-- acknowledgements: device id -> highest running number held without a gap), and what went
-- between us.
CREATE TABLE sync_peer (
    device_id          TEXT PRIMARY KEY,
    device_name        TEXT NOT NULL DEFAULT '',
    knows_json         TEXT NOT NULL DEFAULT '{}',
    last_received_at   TEXT,
    received_versions  INTEGER NOT NULL DEFAULT 0,
    last_sent_at       TEXT,
    sent_versions      INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Every bundle import tried, applied or refused (a refused one is shown loudly in the app).
CREATE TABLE sync_import_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sender      TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL CHECK (outcome IN ('applied', 'refused')),
    summary     TEXT NOT NULL
) STRICT;

-- Codes a record was known by before a merge gave it another one (two devices handed out the
-- same code): an old code keeps finding its record.
CREATE TABLE code_alias (
    code        TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    PRIMARY KEY (record_type, code, record_id)
) STRICT;
