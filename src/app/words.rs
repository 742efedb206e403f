//! The app's words for what the rules and the store refuse: field problems and the common
//! refusals said in the person's language from their types (other refusals keep the words the
//! store gave, in English).

use crate::i18n::{Arg, Tr};

use super::AppError;

/// A field error in the app's words: the field's name and, for the common problems, what is
/// wrong in the language (other problems keep the English the rules wrote).
pub fn field_error(tr: Tr, e: &crate::domain::FieldError) -> String {
    format!("{}: {}", field_label(tr, &e.field), field_problem(tr, e))
}

/// What is wrong with a field, in the language when the problem is a common one.
pub fn field_problem(tr: Tr, e: &crate::domain::FieldError) -> String {
    use crate::domain::FieldProblem as P;
    match &e.problem {
        Some(P::Required) => tr.problem_required(),
        Some(P::RequiredDate) => tr.problem_required_date(),
        Some(P::TooLong { max_chars }) => tr.problem_too_long(*max_chars),
        Some(P::ControlCharacters) => tr.problem_control_characters(),
        Some(P::BidiControl) => tr.problem_bidi_control(),
        Some(P::NotInVocabulary { value, allowed }) => {
            tr.problem_not_in_vocabulary(value.as_str(), allowed.as_str())
        }
        Some(P::NotADate { value }) => tr.problem_not_a_date(value.as_str()),
        Some(P::Negative { value, unit }) => tr.problem_negative(value.as_str(), unit.as_str()),
        Some(P::TooLarge { value, max, unit }) => {
            tr.problem_too_large(value.as_str(), max.as_str(), unit.as_str())
        }
        Some(P::NotANumber { value, unit }) => {
            tr.problem_not_a_number(value.as_str(), unit.as_str())
        }
        Some(P::NotAWholeNumber { value }) => tr.problem_not_a_whole_number(value.as_str()),
        Some(P::NeedPerimeterPoints) => tr.problem_need_points(),
        None => e.message.clone(),
    }
}

/// A stored field's name as the forms label it (the English field label for one no form names).
pub fn field_label(tr: Tr, field: &str) -> String {
    match field {
        "code" => tr.list_code(),
        "ledger" => tr.detail_ledger(),
        "all records" => tr.field_all_records(),
        "classification" => tr.editor_classification(),
        "status" => tr.list_status(),
        "validation" => tr.field_validation(),
        "geometry" | "polygon" => tr.field_polygon(),
        "estimated_m2" => tr.ledger_estimated(),
        "admin.pcode" | "pcode" => tr.detail_pcode(),
        "admin.admin1" | "admin1" => tr.editor_admin1(),
        "admin.admin2" | "admin2" => tr.editor_admin2(),
        "admin.settlement" | "settlement" => tr.editor_settlement(),
        "hazard_types" => tr.detail_hazard_types(),
        "evidence" => tr.detail_evidence(),
        "evidence_items" => tr.field_evidence_items(),
        "key_informants" => tr.field_key_informants(),
        "expected_beneficiaries" => tr.editor_beneficiaries(),
        "reporter_phone" => tr.hazard_form_reporter_phone(),
        "land_id" => tr.list_land(),
        "priority" => tr.detail_priority(),
        "blockage" => tr.detail_blockage(),
        "terrain" => tr.detail_terrain(),
        "name" => tr.list_name(),
        "date_of_information" => tr.detail_date_of_information(),
        "organisation" => tr.report_organisation(),
        "team" => tr.detail_team(),
        "donor" => tr.detail_donor(),
        "project" => tr.detail_project(),
        "notes" => tr.report_notes(),
        "start_date" => tr.activity_start(),
        "end_date" => tr.activity_end(),
        "method" => tr.activity_method(),
        "deminer_days" => tr.activity_deminer_days(),
        "location" => tr.report_location(),
        "quantity" => tr.hazard_form_quantity(),
        "reported_by" => tr.report_reported_by(),
        "reported_on" => tr.report_reported_on(),
        "eo_category" => tr.hazard_form_eo_category(),
        "type_model" => tr.report_type_model(),
        "points" => tr.detail_points_plain(),
        other => crate::domain::field_label(other),
    }
}

/// A refusal of the store (or a failure) in the app's language: an over-release and invalid
/// fields from their types, anything else as the store said it.
pub fn refusal(tr: Tr, error: &AppError) -> String {
    use crate::domain::{AreaM2, LedgerError};
    use crate::storage::StoreError;
    let m2 = |a: &AreaM2| tr.unit_m2(Arg::decimal(a.m2(), 0));
    match error {
        AppError::Store(StoreError::Ledger(LedgerError::OverRelease {
            requested,
            remaining,
            estimated,
        })) => tr.refused_over_release(m2(requested), m2(remaining), m2(estimated)),
        AppError::Store(StoreError::Invalid(errors)) => errors
            .iter()
            .map(|e| field_error(tr, e))
            .collect::<Vec<_>>()
            .join("; "),
        AppError::Store(StoreError::Lifecycle(e)) => lifecycle(tr, e),
        AppError::Store(StoreError::Workflow { action, state }) => {
            let action = match *action {
                "submit" => tr.detail_submit(),
                "approve" => tr.detail_approve(),
                "return" => tr.detail_return(),
                other => other.to_owned(),
            };
            tr.refused_workflow(
                action,
                vocab(tr, state, crate::domain::ValidationState::parse, |v| {
                    v.label_id()
                }),
            )
        }
        other => other.to_string(),
    }
}

/// A vocabulary value named by its English label (as the rules' refusals carry it), in the
/// language; the English label when it is not one.
fn vocab<T: Copy>(
    tr: Tr,
    label: &str,
    parse: fn(&str) -> Option<T>,
    id: fn(T) -> &'static str,
) -> String {
    parse(label).map_or_else(|| label.to_owned(), |v| tr.label(id(v)))
}

/// What the lifecycle refuses, in the language.
fn lifecycle(tr: Tr, e: &crate::domain::LifecycleError) -> String {
    use crate::domain::{ActivityKind, LandStatus, LifecycleError as L};
    let kind = |k: &str| vocab(tr, k, ActivityKind::parse, ActivityKind::label_id);
    let status = |s: &str| vocab(tr, s, LandStatus::parse, LandStatus::label_id);
    match e {
        L::BucketNotAllowed {
            kind: k,
            bucket,
            allowed,
        } => tr.refused_bucket(kind(k), *bucket, allowed.as_str()),
        L::Ledger(crate::domain::LedgerError::OverRelease {
            requested,
            remaining,
            estimated,
        }) => {
            let m2 = |a: &crate::domain::AreaM2| tr.unit_m2(Arg::decimal(a.m2(), 0));
            tr.refused_over_release(m2(requested), m2(remaining), m2(estimated))
        }
        L::LandClosed { status: s, kind: k } => tr.refused_land_closed(status(s), kind(k)),
        L::CompletionLeavesRemaining { remaining } => tr.refused_completion(remaining.as_str()),
        L::HandoverNotClosed { status: s } => tr.refused_handover_not_closed(status(s)),
        L::HandoverOnWrongKind => tr.refused_handover_wrong_kind(),
        L::EndBeforeStart { start, end } => {
            tr.refused_end_before_start(tr.date(*end), tr.date(*start))
        }
        other @ L::Ledger(_) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{FieldError, FieldProblem, LifecycleError};
    use crate::i18n::Lang;
    use crate::storage::StoreError;

    #[test]
    fn refusals_are_said_in_the_language_from_their_types() {
        let uk = Tr::new(Lang::Uk);
        let closed = AppError::Store(StoreError::Lifecycle(LifecycleError::LandClosed {
            status: "Closed",
            kind: "Clearance",
        }));
        let text = refusal(uk, &closed);
        assert!(
            text.contains("Закрита") && text.contains("Розмінування"),
            "{text}"
        );
        let invalid = AppError::Store(StoreError::Invalid(vec![FieldError::of(
            "name",
            FieldProblem::Required,
        )]));
        assert_eq!(refusal(uk, &invalid), "Назва: обов’язкове поле");
        assert_eq!(refusal(Tr::new(Lang::En), &invalid), "Name: is required");
        let fr = Tr::new(Lang::Fr);
        let workflow = AppError::Store(StoreError::Workflow {
            action: "approve",
            state: "Draft",
        });
        assert!(refusal(fr, &workflow).contains("Brouillon"));
    }
}
