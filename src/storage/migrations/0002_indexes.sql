-- Schema version 2: indexes for the list, the map and the per-land lookups.
CREATE INDEX land_status_idx ON land (status) WHERE deleted_at IS NULL;
CREATE INDEX land_bbox_idx ON land (min_lon, max_lon, min_lat, max_lat) WHERE deleted_at IS NULL;
CREATE INDEX land_history_land_idx ON land_status_history (land_id, seq);
CREATE INDEX activity_land_idx ON activity (land_id, date_of_information);
CREATE INDEX hazard_report_land_idx ON hazard_report (land_id);
CREATE INDEX audit_entity_idx ON audit_log (entity_id, id);
