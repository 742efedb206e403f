//! Pure domain types and rules of mine action: lands, survey points, activities, the area ledger,
//! the lifecycle, hazard reports, audit entries and the drafts that forms and imports validate.
//!
//! No IO, no GUI, no SQL here (ARCHITECTURE.md). Vocabulary follows domain.md.

mod activity;
mod audit;
mod draft;
mod errors;
mod export;
mod hazard_report;
mod ids;
mod import;
mod land;
mod ledger;
mod lifecycle;
pub mod merge;
mod points;
mod redact;
mod reference;
pub mod rules;
pub mod symbology;
mod sync;
mod text;
mod units;
mod unsaved;
mod views;
mod vocab;

pub use activity::{Activity, AllowedBuckets, DeviceFound, Handover};
pub use audit::{Actor, AuditEntry, AuditFilter, field_label, value_label};
pub use draft::{
    ActivityDraft, CoordReader, DeviceDraft, FIRST_YEAR, FieldErrors, HazardReportDraft, LAST_YEAR,
    LandDraft, MAX_LAND_AREA_M2, PLAUSIBLE_LAND_AREA_M2, check_activity, check_hazard_report,
    check_land, is_plausible_date, parse_date, parse_number,
};
pub use errors::{FieldError, FieldProblem, join_field_errors};
pub use export::{ExportLogEntry, RecordSet, is_internal_attribute};
pub use hazard_report::HazardReport;
pub use ids::{ActivityId, CodePrefix, HazardReportId, LandId, is_valid_code};
pub use import::{
    FileProperties, ImportBatch, ImportIssue, ImportItem, ImportMapping, ImportRecord,
    ImportReporter, ImportSummary, IssueGroup, IssueSeverity, LandRef, PropertySummary,
    group_issues,
};
pub use land::{AdminLocation, EvidenceItem, KeyInformant, Land, LandShape, StatusChange};
pub use ledger::{Ledger, LedgerError, Released};
pub use lifecycle::{Applied, LandState, LifecycleError, Transition, apply_activity};
pub use points::{
    EnteredCoord, InvalidLonLat, LonLat, PointSource, SurveyPoint, TraverseLeg, perimeter_lon_lats,
};
pub use redact::{GENERALISED_GRID_DEG, SMALL_CELL_THRESHOLD, SUPPRESSED_NOTE, generalise};
pub use reference::{
    AdminLevelFields, AdminPlace, LayerFormat, LayerRole, LayerSpec, ReferenceFeature,
    ReferenceLayer, SETTLEMENT_SEARCH_M, admin_levels,
};
pub use rules::WorkflowAction;
pub use sync::{DeviceId, Hlc, HlcError, MAX_CLOCK_DRIFT_MS, ProgrammeId, RecordKind, VersionId};
pub use text::{is_bidi_control, push_csv_cell, show_bidi_controls, spreadsheet_safe};
pub use units::{AreaM2, THOUSANDS_SEPARATOR, format_number, format_number_with, group_thousands};
pub use unsaved::{FormKind, UnsavedForm};
pub use views::{LandSummary, LandUpdate, MapLand, SupersededUpdate};
pub use vocab::{
    ActivityKind, AuditAction, BearingUnit, Classification, CoordFormat, Disposal, EntityKind,
    EoCategory, EvidenceOfContamination, ExportProfile, HazardReportStatus, HazardType, Instrument,
    ItemCondition, LandStatus, Method, NorthReference, PointKind, Priority, Role, SourceModality,
    ValidationState, normalise_key,
};
