//! Photos attached to hazard reports, kept inside the store as BLOBs so the programme stays one
//! file to back up and carry. Only JPEG and PNG are accepted, at most 20 MB each.

use rusqlite::{OptionalExtension, params};
use uuid::Uuid;

use super::audit::audit;
use super::codec::now_text;
use super::error::StoreError;
use super::store::Store;
use crate::domain::{Actor, AuditAction, EntityKind, FieldError, HazardReportId};

/// Largest photo accepted, bytes.
pub const MAX_PHOTO_BYTES: usize = 20 * 1024 * 1024;

/// A stored photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// Its UUID.
    pub id: Uuid,
    /// The report it belongs to.
    pub report: HazardReportId,
    /// The file name it was added from.
    pub file_name: String,
    /// `image/jpeg` or `image/png`.
    pub media_type: String,
    /// The image bytes.
    pub bytes: Vec<u8>,
    /// What it shows (may be empty).
    pub caption: String,
}

/// The media type of JPEG or PNG bytes, from their signature.
pub fn photo_media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else {
        None
    }
}

impl Store {
    /// Attaches a photo to a hazard report, audited. Refuses files that are not JPEG or PNG or
    /// are larger than [`MAX_PHOTO_BYTES`].
    pub fn add_photo(
        &mut self,
        report: HazardReportId,
        file_name: &str,
        bytes: Vec<u8>,
        actor: &Actor,
    ) -> Result<Photo, StoreError> {
        let Some(media_type) = photo_media_type(&bytes) else {
            return Err(StoreError::Invalid(vec![FieldError::new(
                "photo",
                format!("{file_name} is not a JPEG or PNG image"),
            )]));
        };
        if bytes.len() > MAX_PHOTO_BYTES {
            return Err(StoreError::Invalid(vec![FieldError::new(
                "photo",
                format!(
                    "{file_name} is {} MB; the limit is {} MB",
                    bytes.len() / (1024 * 1024),
                    MAX_PHOTO_BYTES / (1024 * 1024)
                ),
            )]));
        }
        let tx = self.conn.transaction()?;
        let code: Option<String> = tx
            .query_row(
                "SELECT code FROM hazard_report WHERE id = ?1 AND deleted_at IS NULL",
                [report.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        let code = code.ok_or_else(|| StoreError::NotFound {
            entity: "hazard report",
            code: report.to_string(),
        })?;
        let id = Uuid::new_v4();
        tx.execute(
            "INSERT INTO hazard_report_photo (id, report_id, file_name, media_type, size_bytes, bytes, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id.to_string(), report.to_string(), file_name, media_type, i64::try_from(bytes.len()).unwrap_or(i64::MAX), bytes, now_text()],
        )?;
        audit(
            &tx,
            actor,
            EntityKind::HazardReport,
            report.0,
            &code,
            AuditAction::Update,
            Some("photos"),
            None,
            Some(&format!("added {file_name}")),
        )?;
        tx.commit()?;
        Ok(Photo {
            id,
            report,
            file_name: file_name.to_owned(),
            media_type: media_type.to_owned(),
            bytes,
            caption: String::new(),
        })
    }

    /// Sets a photo's caption, audited (old and new caption).
    pub fn set_photo_caption(
        &mut self,
        photo: Uuid,
        caption: &str,
        actor: &Actor,
    ) -> Result<(), StoreError> {
        let caption = caption.trim();
        if caption.chars().count() > 500 {
            return Err(StoreError::Invalid(vec![FieldError::new(
                "caption",
                "is longer than 500 characters",
            )]));
        }
        let tx = self.conn.transaction()?;
        let (report, code, old, file_name) = photo_owner(&tx, photo)?;
        tx.execute(
            "UPDATE hazard_report_photo SET caption = ?2 WHERE id = ?1",
            params![photo.to_string(), caption],
        )?;
        audit(
            &tx,
            actor,
            EntityKind::HazardReport,
            report,
            &code,
            AuditAction::Update,
            Some("photo caption"),
            Some(&format!("{file_name}: {old}")),
            Some(&format!("{file_name}: {caption}")),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a photo from its report (soft: the row stays, marked removed), audited.
    pub fn remove_photo(&mut self, photo: Uuid, actor: &Actor) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let (report, code, _, file_name) = photo_owner(&tx, photo)?;
        tx.execute(
            "UPDATE hazard_report_photo SET deleted_at = ?2 WHERE id = ?1",
            params![photo.to_string(), now_text()],
        )?;
        audit(
            &tx,
            actor,
            EntityKind::HazardReport,
            report,
            &code,
            AuditAction::Update,
            Some("photos"),
            Some(&file_name),
            Some(&format!("removed {file_name}")),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// One photo (full size), if it is there and not removed.
    pub fn photo(&self, photo: Uuid) -> Result<Photo, StoreError> {
        self.conn
            .query_row(
                "SELECT report_id, file_name, media_type, bytes, caption FROM hazard_report_photo
                 WHERE id = ?1 AND deleted_at IS NULL",
                [photo.to_string()],
                |r| {
                    Ok(Photo {
                        id: photo,
                        report: HazardReportId(
                            Uuid::parse_str(&r.get::<_, String>(0)?).unwrap_or_default(),
                        ),
                        file_name: r.get(1)?,
                        media_type: r.get(2)?,
                        bytes: r.get(3)?,
                        caption: r.get(4)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: "photo",
                code: photo.to_string(),
            })
    }

    /// The photos of a hazard report, oldest first.
    pub fn photos(&self, report: HazardReportId) -> Result<Vec<Photo>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, file_name, media_type, bytes, caption FROM hazard_report_photo
             WHERE report_id = ?1 AND deleted_at IS NULL ORDER BY added_at, id",
        )?;
        let rows = stmt.query_map([report.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, file_name, media_type, bytes, caption) = row?;
            out.push(Photo {
                id: Uuid::parse_str(&id).unwrap_or_default(),
                report,
                file_name,
                media_type,
                bytes,
                caption,
            });
        }
        Ok(out)
    }
}

/// A photo's report (id and code), caption and file name, for an audited change.
fn photo_owner(
    tx: &rusqlite::Transaction<'_>,
    photo: Uuid,
) -> Result<(Uuid, String, String, String), StoreError> {
    tx.query_row(
        "SELECT p.report_id, r.code, p.caption, p.file_name FROM hazard_report_photo p
         JOIN hazard_report r ON r.id = p.report_id
         WHERE p.id = ?1 AND p.deleted_at IS NULL",
        [photo.to_string()],
        |r| {
            Ok((
                Uuid::parse_str(&r.get::<_, String>(0)?).unwrap_or_default(),
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
            ))
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        entity: "photo",
        code: photo.to_string(),
    })
}
