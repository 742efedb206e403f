//! The hub's schema in PostgreSQL/PostGIS: one schema, `safeground`, created and upgraded by
//! numbered migrations (the version is kept in `safeground.hub_meta`), each in one transaction.
//!
//! **Tables.**
//! - `hub_meta`: `format`, `schema_version`, `hub_id`, `programme_id` (set by the first push)
//!   and `member_role` (the group role every hub user belongs to).
//! - `hub_user`: each login role's organisation and Safeground role.
//! - `push_counter`: one row; every push takes the next number by updating it inside its own
//!   transaction (`next_push()`, the only way to change it), so pushes commit in number order
//!   and a reader's cursor never skips one.
//! - `record_version`: the append-only change log (the bundle's versions), with the
//!   `organisation` that owns the record, the `push_seq` that brought it and its position in that
//!   push (`push_pos`: the sender's order, in which every version comes after its bases).
//! - `record_owner`: which organisation owns each record (the first pusher's).
//! - `push_log`, `device`: who pushed what, when, from which laptop (the audit of syncs), written
//!   only by `log_push()` for the push number the transaction holds.
//! - `photo`: hazard report photos.
//! - `conflicts`: the open conflicts, as the laptops list them.
//! - `lands` (`geometry(MultiPolygon, 4326)`), `activities` (the released sub-area,
//!   `geometry(MultiPolygon, 4326)`), `hazard_reports` (`geometry(Point, 4326)`): the current
//!   state, with the GeoPackage export's columns ([`crate::storage::layers`]), `area_m2` (the
//!   geodesic area of a land's polygon), `owner_organisation` and `updated_push`; `GiST` indexes.
//!
//! **Who may see what** (row-level security, enabled and forced on every table that holds
//! records): surveyors and IM officers read and write their organisation's rows; coordinators
//! read their organisation's; the authority reads every row. The tables' owner (the role that ran
//! `hub init`) is not a hub user and sees no records. Login roles own nothing and get their
//! rights from the member role. `record_version` is append-only: no role may update or delete it.

use std::fmt::Write as _;

use super::super::gpkg::{GpkgColumnType, GpkgGeometryType, GpkgTable};
use super::super::layers::{activities_table, lands_table, reports_table};

/// The hub schema version this build creates and reads.
pub const HUB_SCHEMA_VERSION: i64 = 1;

/// The `format` value in `hub_meta`.
pub const HUB_FORMAT: &str = "safeground-hub";

/// The Safeground roles of hub users.
pub const ROLES: [&str; 4] = ["surveyor", "im_officer", "coordinator", "authority"];

/// The current-state layers: table definition and `PostGIS` geometry type.
pub fn layers() -> [(GpkgTable, &'static str); 3] {
    [
        (lands_table(), "MultiPolygon"),
        (activities_table(), "MultiPolygon"),
        (reports_table(), "Point"),
    ]
}

pub(super) fn pg_type(kind: GpkgColumnType) -> &'static str {
    match kind {
        GpkgColumnType::Text => "text",
        GpkgColumnType::Integer => "bigint",
        GpkgColumnType::Real => "double precision",
        GpkgColumnType::Date => "date",
    }
}

/// The SQL of migration `version` (1-based); `member` is the group role of hub users.
pub fn migration(version: i64, member: &str) -> Option<String> {
    match version {
        1 => Some(migration_1(member)),
        _ => None,
    }
}

fn migration_1(member: &str) -> String {
    let reader = "(safeground.role_of(current_user) = 'authority' \
                  OR {org} = safeground.organisation_of(current_user))";
    let writer = "(safeground.role_of(current_user) IN ('surveyor', 'im_officer') \
                  AND {org} = safeground.organisation_of(current_user))";
    let mut sql = String::from(
        "
CREATE SCHEMA safeground;
CREATE TABLE safeground.hub_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE safeground.hub_user (
    role_name    text PRIMARY KEY,
    organisation text NOT NULL CHECK (organisation <> ''),
    role         text NOT NULL CHECK (role IN ('surveyor', 'im_officer', 'coordinator', 'authority')),
    added_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE safeground.push_counter (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    n         bigint NOT NULL DEFAULT 0
);
INSERT INTO safeground.push_counter DEFAULT VALUES;
CREATE TABLE safeground.record_owner (
    record_id    text PRIMARY KEY,
    record_type  text NOT NULL,
    organisation text NOT NULL
);
CREATE TABLE safeground.record_version (
    version_id     text PRIMARY KEY,
    record_type    text NOT NULL,
    record_id      text NOT NULL,
    bases          text NOT NULL,
    hlc            text NOT NULL,
    origin_device  text NOT NULL,
    origin_seq     bigint NOT NULL,
    who            text NOT NULL,
    state          text NOT NULL,
    state_reason   text NOT NULL,
    open_conflicts text NOT NULL,
    body_json      text NOT NULL,
    organisation   text NOT NULL,
    push_seq       bigint NOT NULL,
    push_pos       integer NOT NULL,
    UNIQUE (origin_device, origin_seq)
);
CREATE INDEX record_version_push ON safeground.record_version (push_seq, push_pos);
CREATE INDEX record_version_record ON safeground.record_version (record_id);
CREATE TABLE safeground.push_log (
    push_seq     bigint PRIMARY KEY,
    organisation text NOT NULL,
    pushed_by    text NOT NULL DEFAULT current_user,
    device_id    text NOT NULL,
    device_name  text NOT NULL,
    pushed_at    timestamptz NOT NULL DEFAULT now(),
    versions     integer NOT NULL
);
CREATE TABLE safeground.device (
    device_id    text PRIMARY KEY,
    device_name  text NOT NULL,
    organisation text NOT NULL
);
CREATE TABLE safeground.photo (
    id           text PRIMARY KEY,
    report_id    text NOT NULL,
    organisation text NOT NULL,
    file_name    text NOT NULL,
    media_type   text NOT NULL,
    caption      text NOT NULL,
    bytes        bytea NOT NULL,
    added_at     text NOT NULL,
    deleted_at   text,
    push_seq     bigint NOT NULL
);
CREATE INDEX photo_report ON safeground.photo (report_id);
CREATE TABLE safeground.conflicts (
    record_id     text NOT NULL,
    record_type   text NOT NULL,
    code          text NOT NULL,
    field         text NOT NULL,
    conflict_json text NOT NULL,
    organisation  text NOT NULL,
    PRIMARY KEY (record_id, field)
);
CREATE FUNCTION safeground.organisation_of(who name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT organisation FROM safeground.hub_user WHERE role_name = who::text $$;
CREATE FUNCTION safeground.role_of(who name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT role FROM safeground.hub_user WHERE role_name = who::text $$;
-- The first push names the hub's programme (a writer only); returns the programme.
CREATE FUNCTION safeground.claim_programme(p text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
    AS $$
    BEGIN
        IF safeground.role_of(session_user) IN ('surveyor', 'im_officer') THEN
            UPDATE safeground.hub_meta SET value = p WHERE key = 'programme_id' AND value = '';
        END IF;
        RETURN (SELECT value FROM safeground.hub_meta WHERE key = 'programme_id');
    END $$;
REVOKE ALL ON FUNCTION safeground.claim_programme(text) FROM PUBLIC;
-- The next push number, for a writer only. Nobody updates the counter directly: a counter set
-- back would hide later pushes from every laptop's cursor.
CREATE FUNCTION safeground.next_push() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
    AS $$
    DECLARE taken bigint;
    BEGIN
        IF safeground.role_of(session_user) IS DISTINCT FROM 'surveyor'
           AND safeground.role_of(session_user) IS DISTINCT FROM 'im_officer' THEN
            RAISE EXCEPTION 'only surveyors and IM officers push' USING ERRCODE = '42501';
        END IF;
        UPDATE safeground.push_counter SET n = n + 1 RETURNING n INTO taken;
        RETURN taken;
    END $$;
REVOKE ALL ON FUNCTION safeground.next_push() FROM PUBLIC;
-- Records a push in the audit of syncs (and the device's name), as the pushing login's
-- organisation, for the push number this transaction holds only: no one can take a number ahead.
CREATE FUNCTION safeground.log_push(push bigint, device text, name text, sent integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
    AS $$
    DECLARE org text := safeground.organisation_of(session_user);
    BEGIN
        IF org IS NULL OR push IS DISTINCT FROM (SELECT n FROM safeground.push_counter) THEN
            RAISE EXCEPTION 'not the push this transaction holds' USING ERRCODE = '42501';
        END IF;
        INSERT INTO safeground.push_log (push_seq, organisation, pushed_by, device_id, device_name, versions)
            VALUES (push, org, session_user, device, name, sent);
        INSERT INTO safeground.device (device_id, device_name, organisation) VALUES (device, name, org)
            ON CONFLICT (device_id) DO UPDATE SET device_name = excluded.device_name;
    END $$;
REVOKE ALL ON FUNCTION safeground.log_push(bigint, text, text, integer) FROM PUBLIC;
-- A version enters the change log only in the transaction that took its push number: one
-- written by hand under another number would hide behind the laptops' cursors.
CREATE FUNCTION safeground.check_push() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog
    AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM new_rows
                   WHERE push_seq IS DISTINCT FROM (SELECT n FROM safeground.push_counter))
           OR NOT (SELECT xmin = pg_current_xact_id()::xid FROM safeground.push_counter) THEN
            RAISE EXCEPTION 'versions are added only by a push, under the number it took'
                USING ERRCODE = '42501';
        END IF;
        RETURN NULL;
    END $$;
CREATE TRIGGER record_version_push AFTER INSERT ON safeground.record_version
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION safeground.check_push();
CREATE TRIGGER photo_push AFTER INSERT ON safeground.photo
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION safeground.check_push();
",
    );
    for (table, geometry) in layers() {
        let name = &table.name;
        write!(
            sql,
            "CREATE TABLE safeground.{name} (\n    fid bigserial PRIMARY KEY"
        )
        .ok();
        for c in &table.columns {
            write!(sql, ",\n    {} {}", c.name, pg_type(c.kind)).ok();
        }
        if table.geometry_type == GpkgGeometryType::MultiPolygon && name == "lands" {
            sql.push_str(",\n    area_m2 double precision");
        }
        write!(sql,
            ",\n    owner_organisation text NOT NULL,\n    updated_push bigint NOT NULL,\n    geom geometry({geometry}, 4326),\n    UNIQUE (uuid)\n);\n\
             CREATE INDEX {name}_geom ON safeground.{name} USING gist (geom);\n\
             CREATE INDEX {name}_owner ON safeground.{name} (owner_organisation);\n\
             COMMENT ON TABLE safeground.{name} IS '{}';\n",
            table.description.replace('\'', "''")
        )
        .ok();
    }
    // Row-level security: who may see and write what.
    let policies: [(&str, &str, &str); 9] = [
        ("record_version", "organisation", "SELECT INSERT"),
        ("record_owner", "organisation", "SELECT INSERT"),
        ("push_log", "organisation", "SELECT"),
        ("device", "organisation", "SELECT"),
        ("photo", "organisation", "SELECT INSERT UPDATE"),
        ("conflicts", "organisation", "SELECT INSERT DELETE"),
        ("lands", "owner_organisation", "SELECT INSERT UPDATE DELETE"),
        (
            "activities",
            "owner_organisation",
            "SELECT INSERT UPDATE DELETE",
        ),
        (
            "hazard_reports",
            "owner_organisation",
            "SELECT INSERT UPDATE DELETE",
        ),
    ];
    write!(
        sql,
        "GRANT USAGE ON SCHEMA safeground TO {member};\n\
         GRANT SELECT ON safeground.hub_meta, safeground.push_counter TO {member};\n\
         GRANT SELECT ON safeground.hub_user TO {member};\n\
         GRANT USAGE ON ALL SEQUENCES IN SCHEMA safeground TO {member};\n\
         GRANT EXECUTE ON FUNCTION safeground.organisation_of(name), safeground.role_of(name), \
            safeground.claim_programme(text), safeground.next_push(), \
            safeground.log_push(bigint, text, text, integer) TO {member};\n\
         ALTER TABLE safeground.hub_user ENABLE ROW LEVEL SECURITY;\n\
         CREATE POLICY own_row ON safeground.hub_user FOR SELECT USING \
            (role_name = current_user::text OR safeground.role_of(current_user) = 'authority');\n"
    )
    .ok();
    for (table, column, rights) in policies {
        let read = reader.replace("{org}", column);
        let write = writer.replace("{org}", column);
        write!(
            sql,
            "ALTER TABLE safeground.{table} ENABLE ROW LEVEL SECURITY;\n\
             ALTER TABLE safeground.{table} FORCE ROW LEVEL SECURITY;\n\
             GRANT {} ON safeground.{table} TO {member};\n",
            rights.replace(' ', ", ")
        )
        .ok();
        for right in rights.split(' ') {
            let clause = match right {
                "SELECT" => format!("USING {read}"),
                "INSERT" => format!("WITH CHECK {write}"),
                "UPDATE" => format!("USING {write} WITH CHECK {write}"),
                _ => format!("USING {write}"),
            };
            writeln!(
                sql,
                "CREATE POLICY {}_{} ON safeground.{table} FOR {right} {clause};",
                right.to_lowercase(),
                table
            )
            .ok();
        }
    }
    sql
}
