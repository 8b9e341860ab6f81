using Cooperative.Api.Audit;
using Cooperative.Api.Claims;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Disclosures;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Disclosures;

/// <summary>
/// Reads what a month's disclosure is made of: the claims settled in it with money paid by any payer (less those
/// reversed within the month), reversals dated in it of claims settled earlier, and the fund's figures. Rows are
/// streamed and only the columns needed are read, so a county's month (150,000 visits) stays small in memory.
/// </summary>
internal sealed class DisclosureSource(CooperativeDbContext db, Balances balances, AuditCheckpoints checkpoints)
{
    public async Task<DisclosureBuild> BuildAsync(DisclosureMonth month, CancellationToken ct)
    {
        var from = StartUtc(month);
        var to = StartUtc(month.Next);
        var places = await PlacesAsync(ct);

        // Reversals dated in the month: of claims settled in it (they cancel out), or earlier (corrections).
        var reversals = await Reversals(month).ToListAsync(ct);
        var cancelled = reversals.Select(r => r.ClaimNumber).ToHashSet(StringComparer.Ordinal);

        var builder = new DisclosureBuilder(month);
        await foreach (var row in VisitRows(db.Claims.Where(c => c.SettledUtc >= from && c.SettledUtc < to)).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row.Payout <= 0 || cancelled.Contains(row.Number)) continue;
            builder.Add(ToVisit(row, places));
        }

        var reversed = await ReversedEarlierAsync(reversals, from, places, ct);
        var statement = await FundStatements.IncomeStatementAsync(db, month.Year, month.Month, ct);
        var balance = await FundStatements.NetAssetsAsync(balances, month.LastDay, ct);
        var build = builder.Build(reversed, new FundFigures(statement.TotalIncome, statement.TotalExpenditure, balance));
        return build with { Content = build.Content with { AuditCheckpoint = await CheckpointAsync(ct) } };
    }

    /// <summary>The newest signed checkpoint outside the database, and whether the record at its position still has its hash.</summary>
    private async Task<AuditCheckpointFigure?> CheckpointAsync(CancellationToken ct)
    {
        if (checkpoints.Latest() is not { } latest) return null;
        var stored = await db.AuditRecords.AsNoTracking().Where(r => r.Seq == latest.Seq).Select(r => r.Hash).FirstOrDefaultAsync(ct);
        return new AuditCheckpointFigure(latest.Seq, latest.Hash, latest.AtUtc, latest.KeyId, latest.Mac,
            string.Equals(stored, latest.Hash, StringComparison.Ordinal));
    }

    private async Task<List<ReversedVisit>> ReversedEarlierAsync(List<ReversalRow> reversals, DateTime from,
        Dictionary<string, string> places, CancellationToken ct)
    {
        if (reversals.Count == 0) return [];
        var numbers = reversals.Select(r => r.ClaimNumber).ToList();
        var rows = await VisitRows(db.Claims.Where(c => numbers.Contains(c.Number) && c.SettledUtc < from)).ToListAsync(ct);
        var originalMonths = rows.Select(r => OriginalMonth(r.SettledUtc!.Value).ToString()).Distinct().ToList();
        var published = await db.PublishedDisclosures.AsNoTracking().Where(p => originalMonths.Contains(p.Month))
            .Select(p => new { p.Month, p.InpatientClaimIds }).ToListAsync(ct);
        var rowsByMonth = published.ToDictionary(p => p.Month, p => DisclosureDocument.RowsByClaim(p.InpatientClaimIds));
        var reversedOn = reversals.ToDictionary(r => r.ClaimNumber, r => r.Date, StringComparer.Ordinal);
        return rows.Where(r => r.Payout > 0).Select(r =>
        {
            var original = OriginalMonth(r.SettledUtc!.Value);
            int? row = rowsByMonth.TryGetValue(original.ToString(), out var byClaim) && byClaim.TryGetValue(r.Id, out var n) ? n : null;
            return new ReversedVisit(ToVisit(r, places), original, row, reversedOn[r.Number]);
        }).ToList();
    }

    private IQueryable<ReversalRow> Reversals(DisclosureMonth month) =>
        db.JournalEntries.AsNoTracking()
            .Where(e => e.Period == month.Period && e.SourceType == ClaimSettler.ReversalSource)
            .Select(e => new ReversalRow(e.SourceId, e.Date));

    private IQueryable<VisitRow> VisitRows(IQueryable<Claim> claims) =>
        from c in claims.AsNoTracking()
        join e in db.Enrollments on c.EnrollmentId equals e.Id
        join h in db.Households on e.HouseholdId equals h.Id
        join p in db.Persons on c.PersonId equals p.Id
        select new VisitRow(c.Id, c.Number, c.PersonId, c.VisitType, c.FacilityLevel, c.FacilityName, h.VillageCode, c.PatientName,
            p.Gender, p.BirthDate, c.AdmissionDate, c.DischargeDate, c.Total, c.Eligible, c.Reimbursement, c.SettledUtc, c.Benefit,
            c.CatastrophicPaid, c.AssistancePaid);

    private static SettledVisit ToVisit(VisitRow r, Dictionary<string, string> places) =>
        new(r.Id, r.PersonId, r.VisitType, r.FacilityLevel, r.Facility, places.GetValueOrDefault(r.VillageCode, r.VillageCode), r.Name,
            r.Gender, r.BirthDate, r.AdmissionDate, r.DischargeDate, r.Total, r.Eligible, r.Reimbursement, r.Benefit, r.CatastrophicPaid,
            r.AssistancePaid);

    /// <summary>Villages as the public reads them: township and village (城关镇东风村), unique across the county.</summary>
    private async Task<Dictionary<string, string>> PlacesAsync(CancellationToken ct) =>
        await (from v in db.Villages.AsNoTracking()
               join t in db.Townships on v.TownshipCode equals t.Code
               select new { v.Code, Name = t.Name + v.Name }).ToDictionaryAsync(x => x.Code, x => x.Name, ct);

    private static DisclosureMonth OriginalMonth(DateTime settledUtc) =>
        DisclosureMonth.Of(CountyTime.DateOf(settledUtc));

    private static DateTime StartUtc(DisclosureMonth month) => CountyTime.StartUtc(month.FirstDay);

    private sealed record ReversalRow(string ClaimNumber, DateOnly Date);

    private sealed record VisitRow(Guid Id, string Number, Guid PersonId, Domain.Reimbursement.VisitType VisitType,
        Domain.Reimbursement.FacilityLevel FacilityLevel, string Facility, string VillageCode, string Name, Domain.Identity.Gender Gender,
        DateOnly BirthDate, DateOnly AdmissionDate, DateOnly DischargeDate, decimal Total, decimal Eligible, decimal Reimbursement,
        DateTime? SettledUtc, Domain.Reimbursement.BenefitKind Benefit, decimal CatastrophicPaid, decimal AssistancePaid)
    {
        /// <summary>Every payer's part: a claim the basic fund paid nothing of but another payer did is still disclosed.</summary>
        public decimal Payout => Reimbursement + CatastrophicPaid + AssistancePaid;
    }
}
