-- Schema version 5: a covering index for the land list (`list lands`, the app's list and map),
-- so listing 100 000 lands reads this index only, not the rows with their polygons and bodies.
CREATE INDEX land_list_idx ON land (
    code, id, name, classification, status, validation, estimated_m2, cancelled_m2,
    reduced_with_asset_m2, reduced_without_asset_m2, cleared_m2, centroid_lon, centroid_lat,
    geometry_issue, donor, organisation
) WHERE deleted_at IS NULL;
-- Joins from activities and hazard reports to their land's code read this index, not the row.
CREATE INDEX land_id_code_idx ON land (id, code) WHERE deleted_at IS NULL;
