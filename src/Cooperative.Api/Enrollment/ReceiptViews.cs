using Cooperative.Api.Data;
using Cooperative.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

public sealed record ReceiptLine(Guid PersonId, string Name, string IdNumber, ContributionPayer PaidBy, decimal Amount);

public sealed record ReceiptResponse(string Number, int FundYear, Guid HouseholdId, string CardNumber, DateOnly IssuedOn,
    int PersonCount, decimal IndividualAmount, decimal CivilAffairsAmount, decimal Total, int PolicyVersion, string? JournalNumber,
    string IssuedBy, IReadOnlyList<ReceiptLine> Lines);

internal static class ReceiptViews
{
    public static async Task<ReceiptResponse?> LoadAsync(CooperativeDbContext db, string number, CancellationToken ct)
    {
        // Receipt numbers are ASCII (and so is their column): MariaDB cannot even compare other text with them.
        if (!number.All(char.IsAscii)) return null;
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Number == number, ct);
        if (receipt is null) return null;
        var card = await db.Households.Where(h => h.Id == receipt.HouseholdId).Select(h => h.CardNumber).SingleAsync(ct);
        var journal = await db.JournalEntries.Where(e => e.Id == receipt.JournalEntryId).Select(e => e.Number).SingleOrDefaultAsync(ct);
        var lines = await (from e in db.Enrollments where e.ReceiptId == receipt.Id
                           join p in db.Persons on e.PersonId equals p.Id
                           orderby p.BirthDate
                           select new { p.Id, p.Name, p.IdNumber, e.PaidBy, e.Contribution }).ToListAsync(ct);
        return new ReceiptResponse(receipt.Number, receipt.FundYear, receipt.HouseholdId, card, receipt.IssuedOn, receipt.PersonCount,
            receipt.IndividualAmount, receipt.CivilAffairsAmount, receipt.IndividualAmount + receipt.CivilAffairsAmount,
            receipt.PolicyVersion, journal, receipt.IssuedBy,
            lines.Select(l => new ReceiptLine(l.Id, l.Name, l.IdNumber, l.PaidBy, l.Contribution)).ToList());
    }
}
