-- Schema version 3: photos of hazard reports, stored in the store (one file to back up and move).
CREATE TABLE hazard_report_photo (
    id          TEXT PRIMARY KEY,                          -- UUID
    report_id   TEXT NOT NULL REFERENCES hazard_report(id),
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,                             -- image/jpeg or image/png
    size_bytes  INTEGER NOT NULL CHECK (size_bytes > 0),
    bytes       BLOB NOT NULL,
    added_at    TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX hazard_report_photo_report_idx ON hazard_report_photo (report_id);
