//! Unsaved work of the forms (table `unsaved_form`, schema 8): kept as the person types,
//! offered back after a crash or a close, removed when saved or discarded.

use rusqlite::params;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::codec::time_text;
use super::error::StoreError;
use super::store::Store;
use crate::domain::{FormKind, UnsavedForm};

impl Store {
    /// Keeps a form's unsaved work, replacing what that form had kept before.
    pub fn keep_unsaved_form(&mut self, form: &UnsavedForm) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO unsaved_form (kind, title, body_json, saved_at, who) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (kind) DO UPDATE SET title = excluded.title, body_json = excluded.body_json,
             saved_at = excluded.saved_at, who = excluded.who",
            params![
                form.kind.code(),
                form.title,
                form.body_json,
                time_text(form.saved_at),
                form.who
            ],
        )?;
        Ok(())
    }

    /// The forms' unsaved work, in form order.
    pub fn unsaved_forms(&self) -> Result<Vec<UnsavedForm>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT kind, title, body_json, saved_at, who FROM unsaved_form")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let kind: String = r.get(0)?;
            let saved_at: String = r.get(3)?;
            let bad = |detail: String| StoreError::BadRow {
                entity: "unsaved form",
                code: kind.clone(),
                detail,
            };
            out.push(UnsavedForm {
                kind: FormKind::from_code(&kind).ok_or_else(|| bad("unknown form".to_owned()))?,
                title: r.get(1)?,
                body_json: r.get(2)?,
                saved_at: OffsetDateTime::parse(&saved_at, &Rfc3339)
                    .map_err(|e| bad(format!("time: {e}")))?,
                who: r.get(4)?,
            });
        }
        out.sort_by_key(|f| FormKind::ALL.iter().position(|k| *k == f.kind));
        Ok(out)
    }

    /// Forgets a form's unsaved work (saved, or discarded by the person).
    pub fn discard_unsaved_form(&mut self, kind: FormKind) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM unsaved_form WHERE kind = ?1", [kind.code()])?;
        Ok(())
    }
}
