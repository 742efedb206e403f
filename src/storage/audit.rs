//! The audit trail: one append-only table, written in the same transaction as the change.

use rusqlite::{Connection, params};

use super::codec::{AUDIT_COLUMNS, audit_from_row, time_text};
use super::error::StoreError;
use super::store::Store;
use crate::domain::rules::{Context, audit_entry};
use crate::domain::{Actor, AuditAction, AuditEntry, EntityKind};

/// Writes one audit entry of a plan.
pub(crate) fn write_audit(conn: &Connection, entry: &AuditEntry) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, who, device, entity, entity_id, entity_code, action, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        time_text(entry.at),
        entry.who,
        entry.device,
        entry.entity.code(),
        entry.entity_id.to_string(),
        entry.entity_code,
        entry.action.code(),
        entry.field,
        entry.old_value,
        entry.new_value
    ])?;
    Ok(())
}

/// Writes one audit entry stamped now (imports, backups, photos: store events with no rule).
#[expect(
    clippy::too_many_arguments,
    reason = "one column each; called through small wrappers"
)]
pub(crate) fn audit(
    conn: &Connection,
    actor: &Actor,
    entity: EntityKind,
    entity_id: uuid::Uuid,
    entity_code: &str,
    action: AuditAction,
    field: Option<&str>,
    old_value: Option<&str>,
    new_value: Option<&str>,
) -> Result<(), StoreError> {
    write_audit(
        conn,
        &audit_entry(
            &Context::now(actor),
            entity,
            entity_id,
            entity_code,
            action,
            field,
            old_value,
            new_value,
        ),
    )
}

/// Removes every record (the demo programme replaces the store's contents), audited.
pub(crate) fn clear_all_tx(conn: &Connection, actor: &Actor) -> Result<(), StoreError> {
    conn.execute_batch(
        "DELETE FROM activity_device; DELETE FROM activity; DELETE FROM hazard_report_photo; DELETE FROM hazard_report; DELETE FROM code_sequence;
         DELETE FROM land_status_history; DELETE FROM land_update_superseded; DELETE FROM land_body; DELETE FROM land;
         DELETE FROM record_version; DELETE FROM record_head; DELETE FROM sync_conflict; DELETE FROM code_alias;",
    )?;
    audit(
        conn,
        actor,
        EntityKind::Store,
        uuid::Uuid::nil(),
        "",
        AuditAction::Delete,
        Some("all records"),
        None,
        Some("replaced by the demo programme"),
    )
}

impl Store {
    /// The audit trail of one record, oldest first.
    pub fn audit_for(&self, entity_id: uuid::Uuid) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_log WHERE entity_id = ?1 ORDER BY id"
        ))?;
        let mut rows = stmt.query([entity_id.to_string()])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(audit_from_row(r)?);
        }
        Ok(out)
    }

    /// The programme's audit trail, newest first, filtered (who, record code, action) and cut
    /// to `filter.limit` entries (500 when 0).
    pub fn audit_feed(
        &self,
        filter: &crate::domain::AuditFilter,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let limit = if filter.limit == 0 { 500 } else { filter.limit };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_log
             WHERE (?1 = '' OR instr(lower(who), lower(?1)) > 0)
               AND (?2 = '' OR instr(lower(entity_code), lower(?2)) > 0)
               AND (?3 = '' OR action = ?3)
             ORDER BY id DESC LIMIT ?4"
        ))?;
        let mut rows = stmt.query(rusqlite::params![
            filter.who.trim(),
            filter.code.trim(),
            filter.action.map_or("", |a| a.code()),
            i64::try_from(limit).unwrap_or(500)
        ])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(audit_from_row(r)?);
        }
        Ok(out)
    }

    /// Number of audit entries in the store.
    pub fn audit_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
    }
}
