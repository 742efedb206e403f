-- Schema version 6: indexes that cost every write and serve no query.
-- land_history_land_idx repeats the UNIQUE (land_id, seq) index of land_status_history;
-- no query filters lands by status alone or by bounding box (the map and the exports read all
-- lands; the app keeps its own spatial index).
DROP INDEX IF EXISTS land_history_land_idx;
DROP INDEX IF EXISTS land_status_idx;
DROP INDEX IF EXISTS land_bbox_idx;
