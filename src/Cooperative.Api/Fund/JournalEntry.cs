using Cooperative.Api.Audit;

namespace Cooperative.Api.Fund;

/// <summary>
/// A posted journal entry (记账凭证) of the fund. Immutable once saved: a mistake is corrected by a reversing
/// entry that names the one it reverses. Its <see cref="Number"/> runs per year (记-2026-000001).
/// </summary>
public sealed class JournalEntry : IImmutable
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string Number { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>The accounting period, yyyyMM.</summary>
    public required int Period { get; init; }
    public required string Description { get; init; }
    /// <summary>What caused it: receipt, subsidy, claim, claim-payment, facility-settlement, penalty, reserve...</summary>
    public required string SourceType { get; init; }
    public required string SourceId { get; init; }
    public Guid? ReversesEntryId { get; init; }
    /// <summary>The closed period (yyyyMM) a late correction is about.</summary>
    public int? CorrectsPeriod { get; init; }
    public required DateTime PostedUtc { get; init; }
    public required string PostedBy { get; init; }
    /// <summary>
    /// How many lines the entry was posted with: the database refuses a line beyond it (entries posted before
    /// this was kept have none, and take no line at all).
    /// </summary>
    public int? LineCount { get; init; }
    /// <summary>The client's Idempotency-Key of a manual posting, unique per poster: a retry gets this entry back.</summary>
    public string? IdempotencyKey { get; init; }
    public string? RequestHash { get; init; }
    public List<JournalLine> Lines { get; init; } = [];
}

/// <summary>One line of a journal entry: one amount on one side of one account (借/贷).</summary>
public sealed class JournalLine : IImmutable, IAuditedWithParent
{
    public Guid EntryId { get; init; }
    Guid IAuditedWithParent.AuditParent => EntryId;
    public required int LineNo { get; init; }
    public required string AccountCode { get; init; }
    public required decimal Debit { get; init; }
    public required decimal Credit { get; init; }
    /// <summary>For the payable-to-facilities sub-ledger: which facility the amount is owed to or paid to.</summary>
    public string? FacilityCode { get; init; }
    /// <summary>Copied from the entry so that balances at a date read one table.</summary>
    public required DateOnly Date { get; init; }
    public required int Period { get; init; }
}

/// <summary>A month of the books (会计期间). A missing row is an open month; closing is an admin's act.</summary>
public sealed class LedgerPeriod
{
    public required int Period { get; init; }
    public bool IsClosed { get; private set; }
    public DateTime? ClosedUtc { get; private set; }
    public string? ClosedBy { get; private set; }

    public void Close(DateTime nowUtc, string by)
    {
        IsClosed = true;
        ClosedUtc = nowUtc;
        ClosedBy = by;
    }

    public static int KeyOf(DateOnly date) => (date.Year * 100) + date.Month;

    public static DateOnly StartOf(int period) => new(period / 100, period % 100, 1);

    public static DateOnly EndOf(int period) => StartOf(period).AddMonths(1).AddDays(-1);

    /// <summary>Parses "yyyy-MM" into a period key, or null.</summary>
    public static int? Parse(string? text) =>
        text is { Length: 7 } && text[4] == '-' && int.TryParse(text[..4], out var y) && int.TryParse(text[5..], out var m)
        && y is >= 2000 and <= 2100 && m is >= 1 and <= 12 ? (y * 100) + m : null;

    public static string Format(int period) => $"{period / 100:0000}-{period % 100:00}";
}
