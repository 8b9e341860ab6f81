namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// Every stable <c>code</c> a problem answer can carry, for the document's <c>ProblemDetails</c> schema. Gathered from
/// <c>Problems.Of</c>, the refusals and the <c>*Errors</c> classes; a new code belongs here too.
/// </summary>
internal static class ProblemCodes
{
    internal static readonly string[] All =
    [
        "account_locked", "already_ended", "already_enrolled", "already_member", "amounts_inconsistent",
        "bad_request", "card_number_format", "catalogue_code_unknown", "certification_not_found",
        "certification_overlaps", "claim_deadline_passed", "claim_not_found", "claim_wrong_state",
        "complaint_not_found", "complaint_transition_not_allowed", "concurrent_update", "conflict",
        "contract_term_overlaps", "database_busy", "database_unavailable", "dates_inconsistent",
        "destination_in_register", "disclosure_already_published", "disclosure_month_not_ended",
        "disclosure_not_found", "disclosure_not_reviewed", "disclosure_unknown_format", "disease_not_listed",
        "duplicate_bank_reference", "duplicate_invoice", "earlier_period_open", "facility_client_not_found",
        "facility_exists", "facility_has_uncorrected_warnings", "facility_in_register", "facility_licence_exists",
        "facility_no_active_contract", "facility_not_applying", "facility_not_designated", "facility_not_eligible",
        "facility_not_found", "facility_statement_not_found", "facility_status_transition_invalid",
        "facility_suspended", "finding_not_found", "finding_without_warning", "forbidden", "fund_year_invalid",
        "fund_year_not_open", "household_card_exists", "household_conflict", "household_not_found",
        "id_number_birth_date", "id_number_checksum", "id_number_format", "idempotency_key_required",
        "idempotency_key_reused", "import_conflict", "import_file_empty", "import_file_missing", "import_file_type",
        "import_file_unreadable", "import_header_invalid", "import_rows_invalid", "insufficient_funds",
        "internal_error", "ledger_account_not_found", "ledger_already_opened", "ledger_before_opening",
        "ledger_entries_before_opening", "ledger_entry_already_reversed", "ledger_entry_invalid",
        "ledger_entry_not_found", "ledger_opening_account", "ledger_period_closed", "malformed_request",
        "membership_date_invalid", "method_not_allowed", "not_a_member", "not_enrolled", "not_found",
        "nothing_to_recover", "outside_fund_year", "patient_mismatch", "payer_not_found",
        "payer_payment_amount_invalid", "payer_payment_before_period_end", "payer_payment_exceeds_receivable",
        "payer_payment_in_future", "payer_payment_recorded", "payer_period_not_ended", "payload_too_large",
        "period_already_closed", "period_invalid", "period_not_ended", "person_already_registered",
        "person_data_mismatch", "person_inactive", "person_is_head", "person_not_found", "policy_frozen",
        "policy_missing", "policy_not_found", "receipt_exceeds_receivable", "receipt_not_found", "referral_not_found",
        "staff_user_exists", "staff_user_not_found", "suspected_duplicate", "token_no_longer_valid",
        "too_many_requests", "unauthorized", "unsupported_media_type", "validation_failed",
        "warning_already_corrected",
    ];
}
