-- Schema version 8: the reference layers a programme shows under its lands (issue 14): vector
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
