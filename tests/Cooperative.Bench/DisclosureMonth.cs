using System.Globalization;
using Cooperative.Domain.Claims;
using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>
/// Bench set-up for the disclosure scenario: a county's month of settled claims (6,000 inpatient stays and 150,000
/// outpatient visits over the enrolled persons and the register's facilities), written by SQL because settling them
/// one by one over HTTP would take longer than the whole benchmark may run. Each claim is stored as a facility's
/// direct settlement leaves it: numbered out of the claim sequence, its bill key (facility code and invoice number's
/// normal form) standing, the patient's registered name, Version 1 with its history (submitted, settled), its
/// settlement entry in the books (Dr the claim expense of its visit and level, Cr 2001 owed to the facility, dated
/// the day it settled; see <see cref="Books"/>) and the reimbursement added to the enrolment's yearly usage.
/// Submitted by "bench", invoices BD{yyyyMM}-n; no itemised lines nor settlement breakdown (the disclosure reads
/// neither). The disclosure itself is then prepared, published and served by the API as in production.
/// </summary>
public static class DisclosureMonth
{
    public static async Task FillAsync(string db, DateOnly first, int inpatients, int outpatients)
    {
        var total = inpatients + outpatients;
        var year = first.Year;
        var persons = await Ceilings.ScalarAsync(db, $"SELECT COUNT(*) FROM enrollments WHERE FundYear = {year}");
        var facilities = await Ceilings.ScalarAsync(db, "SELECT COUNT(*) FROM facilities");
        if (persons == 0 || facilities == 0) throw new InvalidOperationException($"no enrolments of {year} or no facilities for the disclosure month");
        var day = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var days = DateTime.DaysInMonth(first.Year, first.Month);
        var period = (first.Year * 100) + first.Month;
        var invoice = $"BD{first:yyyyMM}-";
        // The bill key below is the facility code and the invoice number as typed: it must be its own normal form.
        if (BillText.InvoiceKey(invoice + "123") != invoice + "123") throw new InvalidOperationException($"invoice {invoice}123 is not in normal form");

        await using var connection = new MySqlConnection(db);
        await connection.OpenAsync();
        var claimFirst = await Books.ReserveAsync(connection, "claim", year, total);
        var entryFirst = await Books.ReserveAsync(connection, "journal", year, total);
        var amount = $"IF(s.seq <= {inpatients}, 2000 + (s.seq % 97) * 150.5, 30 + (s.seq % 61) * 1.25)";
        var share = $"IF(s.seq <= {inpatients}, 0.55, 0.6)";
        // Stays and visits all within the month: admitted by day (days - 12), discharged 3 to 11 days later.
        var admitted = $"DATE_ADD(DATE '{day}', INTERVAL IF(s.seq <= {inpatients}, s.seq % {days - 12}, s.seq % {days}) DAY)";
        var stay = $"IF(s.seq <= {inpatients}, 3 + s.seq % 9, 0)";
        var sql = $"""
            CREATE TEMPORARY TABLE bench_e (rn INT PRIMARY KEY)
              SELECT ROW_NUMBER() OVER (ORDER BY Id) AS rn, Id, PersonId, FundYear FROM enrollments WHERE FundYear = {year};
            CREATE TEMPORARY TABLE bench_f (rn INT PRIMARY KEY)
              SELECT ROW_NUMBER() OVER (ORDER BY Code) AS rn, Code, Name, Level FROM facilities;
            CREATE TEMPORARY TABLE bench_c (seq INT PRIMARY KEY)
              SELECT s.seq, UUID() AS ClaimId, UUID() AS EntryId, {Books.ClaimNumberSql(year, $"{claimFirst} + s.seq - 1")} AS Number,
                {Books.EntryNumberSql(year, $"{entryFirst} + s.seq - 1")} AS EntryNumber, CONCAT('{invoice}', s.seq) AS Invoice,
                e.Id AS EnrollmentId, e.PersonId, e.FundYear, p.IdNumber, p.Name AS PatientName, f.Code AS FacilityCode, f.Name AS FacilityName,
                f.Level AS FacilityLevel, IF(s.seq <= {inpatients}, 'Inpatient', 'Outpatient') AS VisitType,
                IF(s.seq <= {inpatients}, 'K35.8', 'J06.9') AS DiagnosisCode,
                {admitted} AS AdmissionDate, DATE_ADD({admitted}, INTERVAL {stay} DAY) AS DischargeDate,
                TIMESTAMP(DATE_ADD({admitted}, INTERVAL {stay} DAY)) + INTERVAL 2 HOUR AS SettledUtc,
                CAST({amount} AS DECIMAL(18,2)) AS Total, CAST(ROUND({amount} * 0.9, 2) AS DECIMAL(18,2)) AS Eligible,
                CAST(ROUND({amount} * {share}, 2) AS DECIMAL(18,2)) AS Reimbursement
              FROM seq_1_to_{total} s
              JOIN bench_e e ON e.rn = (s.seq * 7919) % {persons} + 1
              JOIN persons p ON p.Id = e.PersonId
              JOIN bench_f f ON f.rn = s.seq % {facilities} + 1;
            INSERT INTO journal_entries (Id, Number, Date, Period, Description, SourceType, SourceId, ReversesEntryId, CorrectsPeriod,
              PostedUtc, PostedBy, IdempotencyKey, LineCount, RequestHash)
            SELECT EntryId, EntryNumber, DischargeDate, {period}, CONCAT('即时结报补偿 ', Number), 'claim', Number, NULL, NULL,
              SettledUtc, '{Books.Poster}', NULL, 2, NULL FROM bench_c;
            INSERT INTO journal_lines (EntryId, LineNo, AccountCode, Debit, Credit, FacilityCode, Date, Period)
            SELECT EntryId, 1, {Books.ClaimExpenseSql("VisitType", "FacilityLevel")}, Reimbursement, 0, NULL, DischargeDate, {period} FROM bench_c;
            INSERT INTO journal_lines (EntryId, LineNo, AccountCode, Debit, Credit, FacilityCode, Date, Period)
            SELECT EntryId, 2, '2001', 0, Reimbursement, FacilityCode, DischargeDate, {period} FROM bench_c;
            INSERT INTO claims (Id, Number, Channel, Status, FacilityCode, FacilityName, FacilityLevel, BillKey, InvoiceKey, InvoiceNumber, PersonId,
              IdNumber, PatientName, EnrollmentId, FundYear, VisitType, Benefit, AdmissionDate, DischargeDate, DiagnosisCode, Referred, SubmittedBy,
              SubmittedUtc, IdempotencyKey, RequestHash, ProvidedDocuments, PolicyVersion, Total, Eligible, Reimbursement, PatientShare,
              SettlementJson, SettledUtc, Flags, SettlementEntryId, ReversalEntryId, PaymentEntryId, RecoveryKind, RecoveryAmount,
              RecoveryEntryId, RecoveredUtc, Version)
            SELECT ClaimId, Number, 'Facility', 'Settled', FacilityCode, FacilityName, FacilityLevel, CONCAT(FacilityCode, '|', Invoice),
              CONCAT(FacilityCode, '|', Invoice), Invoice, PersonId, IdNumber, PatientName, EnrollmentId, FundYear, VisitType, VisitType, AdmissionDate,
              DischargeDate, DiagnosisCode, 0, '{Books.Poster}', SettledUtc, Invoice, SHA2(Invoice, 256), '', 1, Total, Eligible, Reimbursement,
              Total - Reimbursement, NULL, SettledUtc, NULL, EntryId, NULL, NULL, NULL, 0, NULL, NULL, 1
            FROM bench_c;
            INSERT INTO claim_status_changes (ClaimId, Seq, `From`, `To`, AtUtc, `By`, Note)
            SELECT ClaimId, 1, NULL, 'Submitted', SettledUtc, '{Books.Poster}', NULL FROM bench_c;
            INSERT INTO claim_status_changes (ClaimId, Seq, `From`, `To`, AtUtc, `By`, Note)
            SELECT ClaimId, 2, 'Submitted', 'Settled', SettledUtc, '{Books.Poster}', NULL FROM bench_c;
            UPDATE enrollments e JOIN (
                SELECT EnrollmentId, SUM(IF(VisitType = 'Inpatient', Reimbursement, 0)) AS Inpatient,
                  SUM(IF(VisitType = 'Outpatient', Reimbursement, 0)) AS Outpatient
                FROM bench_c GROUP BY EnrollmentId) u ON u.EnrollmentId = e.Id
            SET e.UsageJson = JSON_OBJECT('inpatient', u.Inpatient + COALESCE(JSON_VALUE(e.UsageJson, '$.inpatient'), 0),
              'outpatient', u.Outpatient + COALESCE(JSON_VALUE(e.UsageJson, '$.outpatient'), 0));
            DROP TEMPORARY TABLE bench_c, bench_f, bench_e;
            """;
        await using var cmd = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
