using System.Globalization;

namespace Cooperative.Bench;

/// <summary>
/// Bench set-up for the disclosure scenario: a county's month of settled claims (6,000 inpatient stays and 150,000
/// outpatient visits over the enrolled persons and the 187 facilities), written by SQL because settling them one by
/// one over HTTP would take longer than the whole benchmark may run. The disclosure itself is then prepared,
/// published and served by the API as in production.
/// </summary>
public static class DisclosureMonth
{
    public static async Task FillAsync(string db, DateOnly first, int inpatients, int outpatients)
    {
        var total = inpatients + outpatients;
        var persons = await Ceilings.ScalarAsync(db, $"SELECT COUNT(*) FROM enrollments WHERE FundYear = {first.Year}");
        var day = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var amount = $"IF(s.seq <= {inpatients}, 2000 + (s.seq % 97) * 150.5, 30 + (s.seq % 61) * 1.25)";
        var tag = first.ToString("yyyyMM", CultureInfo.InvariantCulture);
        // Only rn is declared: the other columns keep the source tables' types and collations, so the joins use their keys.
        await Ceilings.ExecAsync(db, $"""
            CREATE TEMPORARY TABLE bench_e (rn INT PRIMARY KEY)
              SELECT ROW_NUMBER() OVER (ORDER BY Id) AS rn, Id, PersonId, FundYear FROM enrollments WHERE FundYear = {first.Year};
            CREATE TEMPORARY TABLE bench_f (rn INT PRIMARY KEY)
              SELECT ROW_NUMBER() OVER (ORDER BY Code) AS rn, Code, Name, Level FROM facilities;
            INSERT INTO claims (Id, Number, Channel, Status, FacilityCode, FacilityName, FacilityLevel, InvoiceKey, InvoiceNumber, PersonId,
              IdNumber, PatientName, EnrollmentId, FundYear, VisitType, AdmissionDate, DischargeDate, DiagnosisCode, Referred, SubmittedBy,
              SubmittedUtc, IdempotencyKey, RequestHash, ProvidedDocuments, PolicyVersion, Total, Eligible, Reimbursement, PatientShare,
              SettlementJson, SettledUtc, Flags)
            SELECT UUID(), CONCAT('BD{tag}-', s.seq), 'Facility', 'Settled', f.Code, f.Name, f.Level, NULL, CONCAT('BD{tag}-', s.seq), e.PersonId,
              p.IdNumber, p.Name, e.Id, e.FundYear, IF(s.seq <= {inpatients}, 'Inpatient', 'Outpatient'),
              '{day}' + INTERVAL (s.seq % 25) DAY, '{day}' + INTERVAL (s.seq % 25) + IF(s.seq <= {inpatients}, 3 + s.seq % 9, 0) DAY,
              'K35.8', 0, 'bench', NOW(6), NULL, 'bench', '', 1,
              {amount}, ROUND({amount} * 0.9, 2), ROUND({amount} * IF(s.seq <= {inpatients}, 0.55, 0.6), 2),
              {amount} - ROUND({amount} * IF(s.seq <= {inpatients}, 0.55, 0.6), 2), NULL,
              TIMESTAMP('{day}') + INTERVAL (s.seq % 25) + IF(s.seq <= {inpatients}, 3 + s.seq % 9, 0) DAY + INTERVAL 2 HOUR, NULL
            FROM seq_1_to_{total} s
            JOIN bench_e e ON e.rn = (s.seq * 7919) % {persons} + 1
            JOIN persons p ON p.Id = e.PersonId
            JOIN bench_f f ON f.rn = s.seq % 187 + 1;
            """);
    }
}
