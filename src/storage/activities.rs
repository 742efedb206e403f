//! Activities: record one through [`rules::record_activity`], restore from a snapshot, recompute
//! a land's ledger ([`rules::project_land`]), and the reads.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::audit::write_audit;
use super::bodies::activity_from_parts;
use super::codec::{geometry_text, json, now_text};
use super::codes::{assign_identity, reserve_code};
use super::error::StoreError;
use super::lands::{LandChange, load_land, save_land_plan, write_land_row};
use super::store::Store;
use super::versions::{LocalChange, record_local_version};
use crate::domain::rules::{self, Context};
use crate::domain::{
    Activity, Actor, CodePrefix, Land, LandId, Ledger, RecordKind, Transition, VersionId,
};

impl Store {
    /// Records an activity against its land: the lifecycle and ledger rules decide
    /// ([`rules::record_activity`]); the land's ledger, status, classification and history are
    /// updated and everything is audited, in one transaction.
    pub fn add_activity(
        &mut self,
        activity: Activity,
        actor: &Actor,
    ) -> Result<(Activity, Vec<Transition>), StoreError> {
        let tx = self.conn.transaction()?;
        let result = add_activity_tx(&tx, activity, actor)?;
        tx.commit()?;
        Ok(result)
    }

    /// Activities of one land, or of all lands, in date order.
    pub fn activities(&self, land: Option<LandId>) -> Result<Vec<Activity>, StoreError> {
        load_activities(&self.conn, land)
    }

    /// An activity by code (not voided).
    pub fn activity_by_code(&self, code: &str) -> Result<Activity, StoreError> {
        activity_by_code(&self.conn, code)
    }

    /// Voids an activity with a reason ([`rules::void_activity`]): the row is kept, marked void
    /// and left out of every figure; its land's ledger, status and classification are recomputed
    /// from the activities that remain; all audited, in one transaction. Returns the land.
    pub fn void_activity(
        &mut self,
        code: &str,
        reason: &str,
        actor: &Actor,
    ) -> Result<Land, StoreError> {
        let tx = self.conn.transaction()?;
        let activity = activity_by_code(&tx, code)?;
        let land = load_land(&tx, activity.land_id)?;
        let activities = load_activities(&tx, Some(land.id))?;
        let plan =
            rules::void_activity(&land, &activities, &activity, reason, &Context::now(actor))?;
        let record_id = activity.id.to_string();
        let version = record_local_version(
            &tx,
            LocalChange {
                kind: RecordKind::Activity,
                record_id: &record_id,
                is_new: false,
                deleted: Some(&plan.reason),
                who: &actor.who,
                settles: &[],
                content_unchanged: false,
            },
        )?;
        tx.execute(
            "UPDATE activity SET deleted_at = ?1, updated_at = ?1, version_id = ?3 WHERE id = ?2",
            rusqlite::params![now_text(), record_id, version.to_string()],
        )?;
        write_audit(&tx, &plan.audit)?;
        save_land_plan(&tx, &plan.land, LandChange::Derived)?;
        tx.commit()?;
        Ok(plan.land.land)
    }
}

/// An activity by code (not voided).
fn activity_by_code(conn: &Connection, code: &str) -> Result<Activity, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, body_json, released_geometry_geojson FROM activity
         WHERE code = ?1 AND deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([code])?;
    let Some(r) = rows.next()? else {
        return Err(StoreError::NotFound {
            entity: "activity",
            code: code.to_owned(),
        });
    };
    let geometry: Option<String> = r.get(2)?;
    activity_from_parts(
        &r.get::<_, String>(0)?,
        &r.get::<_, String>(1)?,
        geometry.as_deref(),
    )
}

pub(crate) fn add_activity_tx(
    tx: &Connection,
    mut activity: Activity,
    actor: &Actor,
) -> Result<(Activity, Vec<Transition>), StoreError> {
    let land = load_land(tx, activity.land_id)?;
    let allocated = assign_identity(
        tx,
        CodePrefix::Activity,
        "activity",
        &activity.id.to_string(),
        &mut activity.code,
    )?;
    // The rules refuse before anything (not even the code sequence) is written.
    let plan = rules::record_activity(&land, activity, &Context::now(actor))?;
    reserve_code(tx, allocated)?;
    insert_activity_row(tx, &plan.activity, &actor.who)?;
    write_audit(tx, &plan.audit)?;
    save_land_plan(tx, &plan.land, LandChange::Derived)?;
    Ok((plan.activity, plan.transitions))
}

/// Inserts an activity as it is (snapshot restore), after the identity checks; the caller
/// recomputes the land's ledger ([`recompute_ledger_tx`]).
pub(crate) fn restore_activity_tx(
    tx: &Connection,
    mut activity: Activity,
    actor: &Actor,
) -> Result<Activity, StoreError> {
    load_land(tx, activity.land_id)?;
    let allocated = assign_identity(
        tx,
        CodePrefix::Activity,
        "activity",
        &activity.id.to_string(),
        &mut activity.code,
    )?;
    reserve_code(tx, allocated)?;
    insert_activity_row(tx, &activity, &actor.who)?;
    write_audit(
        tx,
        &rules::restore_activity(&activity, &Context::now(actor)),
    )?;
    Ok(activity)
}

/// Recomputes a land's ledger from its activities (the projection's ledger); refuses one
/// that does not add up.
pub(crate) fn recompute_ledger_tx(tx: &Connection, id: LandId) -> Result<Land, StoreError> {
    let mut land = load_land(tx, id)?;
    let activities = load_activities(tx, Some(id))?;
    land.ledger = Ledger::from_releases(
        land.ledger.estimated_m2,
        activities.iter().map(|a| &a.released),
    )?;
    write_land_row(tx, &land, false, "", LandChange::Derived)?;
    Ok(land)
}

fn insert_activity_row(conn: &Connection, a: &Activity, who: &str) -> Result<(), StoreError> {
    let record_id = a.id.to_string();
    let version = record_local_version(
        conn,
        LocalChange {
            kind: RecordKind::Activity,
            record_id: &record_id,
            is_new: true,
            deleted: None,
            who,
            settles: &[],
            content_unchanged: false,
        },
    )?;
    insert_activity_row_as(conn, a, Some(version), None)
}

/// Inserts an activity row holding version `version`'s body (`None`: a merged state), voided with
/// `voided_at` when given.
pub(crate) fn insert_activity_row_as(
    conn: &Connection,
    a: &Activity,
    version: Option<VersionId>,
    voided_at: Option<&str>,
) -> Result<(), StoreError> {
    let r = &a.released;
    conn.prepare_cached(
        "INSERT INTO activity (id, code, land_id, kind, start_date, end_date, date_of_information, organisation,
            team, donor, project, method, deminer_days, asset_days, cancelled_m2, reduced_with_asset_m2,
            reduced_without_asset_m2, cleared_m2, validation, released_geometry_geojson, body_json, created_at, updated_at,
            handover_json, version_id, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24, ?25)",
    )?
    .execute(params![
        a.id.to_string(),
        a.code,
        a.land_id.to_string(),
        a.kind.code(),
        a.start_date.to_string(),
        a.end_date.map(|d| d.to_string()),
        a.date_of_information.to_string(),
        a.organisation,
        a.team,
        a.donor,
        a.project,
        a.method.map(crate::domain::Method::code),
        a.deminer_days,
        a.asset_days,
        r.cancelled_m2.m2(),
        r.reduced_with_asset_m2.m2(),
        r.reduced_without_asset_m2.m2(),
        r.cleared_m2.m2(),
        a.validation.code(),
        geometry_text(a.released_geometry.as_ref()),
        json(a)?,
        now_text(),
        a.handover.as_ref().map(json).transpose()?,
        version.map(|v| v.to_string()),
        voided_at,
    ])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO activity_device (activity_id, seq, category, type_model, quantity, disposal) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (seq, d) in a.devices.iter().enumerate() {
        stmt.execute(params![
            a.id.to_string(),
            i64::try_from(seq).unwrap_or(i64::MAX),
            d.category.code(),
            d.type_model,
            d.quantity,
            d.disposal.code()
        ])?;
    }
    Ok(())
}

/// The activities of one land (date of information, then code) or of every land (land code,
/// date of information, code).
pub(crate) fn load_activities(
    conn: &Connection,
    land: Option<LandId>,
) -> Result<Vec<Activity>, StoreError> {
    if let Some(land) = land {
        let mut stmt = conn.prepare_cached(
            "SELECT code, body_json, released_geometry_geojson FROM activity
             WHERE deleted_at IS NULL AND land_id = ?1 ORDER BY date_of_information, code",
        )?;
        let mut rows = stmt.query([land.to_string()])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let geometry: Option<String> = r.get(2)?;
            out.push(activity_from_parts(
                &r.get::<_, String>(0)?,
                &r.get::<_, String>(1)?,
                geometry.as_deref(),
            )?);
        }
        return Ok(out);
    }
    // Every activity: one sequential scan of the table, then ordered here by land code, date
    // and code (a join ordered by land code would visit 300 000 rows in random order).
    let mut codes: HashMap<String, String> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, code FROM land WHERE deleted_at IS NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        codes.insert(r.get(0)?, r.get(1)?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT land_id, code, body_json, released_geometry_geojson FROM activity
         WHERE deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([])?;
    let mut keyed = Vec::new();
    while let Some(r) = rows.next()? {
        let land_id: String = r.get(0)?;
        let Some(land_code) = codes.get(&land_id) else {
            continue;
        };
        let geometry: Option<String> = r.get(3)?;
        let a = activity_from_parts(
            &r.get::<_, String>(1)?,
            &r.get::<_, String>(2)?,
            geometry.as_deref(),
        )?;
        keyed.push((land_code.clone(), a));
    }
    keyed.sort_by(|x, y| {
        (&x.0, x.1.date_of_information, &x.1.code).cmp(&(&y.0, y.1.date_of_information, &y.1.code))
    });
    Ok(keyed.into_iter().map(|(_, a)| a).collect())
}
