-- Schema version 7: national-scale reads.
-- 1. A land's JSON body (survey points, informants, narratives: about 4 KB) moves to its own
--    table, so the land rows that the list, the map, the report and the dashboard scan are
--    about 1 KB and fit their page: a scan of 100 000 lands reads a quarter of the bytes.
-- 2. The two fields the report and dashboard figures read that lived only in the bodies get
--    columns: a land's settlement (admin-area filter) and an activity's handover participation
--    (a JSON object, or NULL).
ALTER TABLE land ADD COLUMN admin_settlement TEXT NOT NULL DEFAULT '';
UPDATE land SET admin_settlement = COALESCE(json_extract(body_json, '$.admin.settlement'), '')
    WHERE instr(body_json, '"settlement"') > 0;
CREATE TABLE land_body (
    id        INTEGER PRIMARY KEY,
    land_id   TEXT NOT NULL UNIQUE REFERENCES land(id),
    body_json TEXT NOT NULL
) STRICT;
INSERT INTO land_body (land_id, body_json) SELECT id, body_json FROM land ORDER BY rowid;
ALTER TABLE land DROP COLUMN body_json;
ALTER TABLE activity ADD COLUMN handover_json TEXT;
UPDATE activity SET handover_json = json_extract(body_json, '$.handover')
    WHERE instr(body_json, '"handover":{') > 0;
-- 3. The map's query of released polygons (few activities have one) reads this small index,
--    not the 300 000 activity rows.
CREATE INDEX activity_released_idx ON activity (date_of_information, code)
    WHERE released_geometry_geojson IS NOT NULL AND deleted_at IS NULL;
