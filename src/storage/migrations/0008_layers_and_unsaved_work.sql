-- Schema version 8: unsaved work of the forms, photo captions, and the reference layers a programme shows under its lands (issue 14): vector
-- files (GeoPackage, GeoJSON, Shapefile) and tile packages (MBTiles, PMTiles), with their role,
-- label, visibility, drawing order and whether the donor report draws them. The files stay
-- where the user keeps them; the store remembers where.
CREATE TABLE reference_layer (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,
    table_name  TEXT,
    format      TEXT NOT NULL,
    role        TEXT NOT NULL,
    name        TEXT NOT NULL,
    label_field TEXT,
    visible     INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1)),
    in_report   INTEGER NOT NULL DEFAULT 0 CHECK (in_report IN (0, 1)),
    position    INTEGER NOT NULL,
    UNIQUE (path, table_name)
) STRICT;

-- One row per form (land, activity, hazard_report): what it held when last seen, offered back
-- after a crash or a close; removed when the record is saved or the work discarded.
CREATE TABLE unsaved_form (
    kind      TEXT PRIMARY KEY CHECK (kind IN ('land', 'activity', 'hazard_report')),
    title     TEXT NOT NULL,
    body_json TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    who       TEXT NOT NULL
) STRICT;

-- A photo's caption (what it shows), set and changed in the hazard report panel, audited.
ALTER TABLE hazard_report_photo ADD COLUMN caption TEXT NOT NULL DEFAULT '';
