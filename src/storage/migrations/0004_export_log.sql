-- Schema version 4: the export log (C10): every file that leaves the store, who wrote it, when,
-- for whom (profile) and with which filter. Rows are never updated or deleted.
CREATE TABLE export_log (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,                         -- RFC 3339, UTC
    who             TEXT NOT NULL,
    device          TEXT NOT NULL,
    format          TEXT NOT NULL CHECK (format IN ('geojson', 'csv', 'gpkg', 'report')),
    profile         TEXT NOT NULL CHECK (profile IN ('full', 'authority', 'donor', 'public')),
    filter          TEXT NOT NULL,
    file            TEXT NOT NULL,
    lands           INTEGER NOT NULL CHECK (lands >= 0),
    activities      INTEGER NOT NULL CHECK (activities >= 0),
    hazard_reports  INTEGER NOT NULL CHECK (hazard_reports >= 0)
) STRICT;
