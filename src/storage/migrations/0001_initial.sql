-- Safeground store, schema version 1.
-- Each record keeps its searchable fields as columns and the whole record as JSON (`body_json`,
-- serde of the domain type), so no field is ever lost. Nothing is physically deleted:
-- `deleted_at` marks a soft delete and the audit log keeps the trace.

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The last number handed out per code prefix (HA-, AC-, HR-).
CREATE TABLE code_sequence (
    prefix TEXT PRIMARY KEY,
    last   INTEGER NOT NULL
) STRICT;

CREATE TABLE land (
    id                       TEXT PRIMARY KEY,          -- UUID
    code                     TEXT NOT NULL UNIQUE,      -- HA-0007
    name                     TEXT NOT NULL,
    classification           TEXT NOT NULL,
    status                   TEXT NOT NULL,
    evidence                 TEXT NOT NULL,
    date_of_information      TEXT NOT NULL,             -- YYYY-MM-DD
    donor                    TEXT NOT NULL DEFAULT '',
    project                  TEXT NOT NULL DEFAULT '',
    organisation             TEXT NOT NULL DEFAULT '',
    team                     TEXT NOT NULL DEFAULT '',
    admin_pcode              TEXT NOT NULL DEFAULT '',
    admin1                   TEXT NOT NULL DEFAULT '',
    admin2                   TEXT NOT NULL DEFAULT '',
    validation               TEXT NOT NULL,
    geo_unsafe               INTEGER NOT NULL DEFAULT 0,
    estimated_m2             REAL NOT NULL,
    cancelled_m2             REAL NOT NULL DEFAULT 0,
    reduced_with_asset_m2    REAL NOT NULL DEFAULT 0,
    reduced_without_asset_m2 REAL NOT NULL DEFAULT 0,
    cleared_m2               REAL NOT NULL DEFAULT 0,
    area_method              TEXT,
    geometry_geojson         TEXT,                      -- MultiPolygon, WGS84 lon/lat
    geometry_issue           TEXT,                      -- why the polygon is flagged invalid
    min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL,
    centroid_lon REAL, centroid_lat REAL,
    body_json                TEXT NOT NULL,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    deleted_at               TEXT,
    CHECK (estimated_m2 >= 0),
    CHECK (cancelled_m2 + reduced_with_asset_m2 + reduced_without_asset_m2 + cleared_m2 <= estimated_m2)
) STRICT;

CREATE TABLE land_status_history (
    id             INTEGER PRIMARY KEY,
    land_id        TEXT NOT NULL REFERENCES land(id),
    seq            INTEGER NOT NULL,
    date           TEXT NOT NULL,
    status         TEXT NOT NULL,
    classification TEXT NOT NULL,
    reason         TEXT NOT NULL,
    comment        TEXT NOT NULL DEFAULT '',
    by_who         TEXT NOT NULL DEFAULT '',
    superseded     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (land_id, seq)
) STRICT;

-- Land edits whose date of information was earlier than the record's: kept, not applied (C5).
CREATE TABLE land_update_superseded (
    id                  INTEGER PRIMARY KEY,
    land_id             TEXT NOT NULL REFERENCES land(id),
    date_of_information TEXT NOT NULL,
    recorded_at         TEXT NOT NULL,
    by_who              TEXT NOT NULL,
    body_json           TEXT NOT NULL
) STRICT;

CREATE TABLE activity (
    id                       TEXT PRIMARY KEY,
    code                     TEXT NOT NULL UNIQUE,
    land_id                  TEXT NOT NULL REFERENCES land(id),
    kind                     TEXT NOT NULL,
    start_date               TEXT NOT NULL,
    end_date                 TEXT,
    date_of_information      TEXT NOT NULL,
    organisation             TEXT NOT NULL DEFAULT '',
    team                     TEXT NOT NULL DEFAULT '',
    donor                    TEXT NOT NULL DEFAULT '',
    project                  TEXT NOT NULL DEFAULT '',
    method                   TEXT,
    deminer_days             REAL,
    asset_days               REAL,
    cancelled_m2             REAL NOT NULL DEFAULT 0,
    reduced_with_asset_m2    REAL NOT NULL DEFAULT 0,
    reduced_without_asset_m2 REAL NOT NULL DEFAULT 0,
    cleared_m2               REAL NOT NULL DEFAULT 0,
    validation               TEXT NOT NULL,
    released_geometry_geojson TEXT,
    body_json                TEXT NOT NULL,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    deleted_at               TEXT
) STRICT;

CREATE TABLE activity_device (
    activity_id TEXT NOT NULL REFERENCES activity(id),
    seq         INTEGER NOT NULL,
    category    TEXT NOT NULL,
    type_model  TEXT NOT NULL DEFAULT '',
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    disposal    TEXT NOT NULL,
    PRIMARY KEY (activity_id, seq)
) STRICT;

CREATE TABLE hazard_report (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    land_id     TEXT REFERENCES land(id),
    eo_category TEXT NOT NULL,
    status      TEXT NOT NULL,
    reported_on TEXT NOT NULL,
    lon         REAL NOT NULL,
    lat         REAL NOT NULL,
    validation  TEXT NOT NULL,
    body_json   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL,
    device      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    entity_code TEXT NOT NULL,
    action      TEXT NOT NULL,
    field       TEXT,
    old_value   TEXT,
    new_value   TEXT
) STRICT;
