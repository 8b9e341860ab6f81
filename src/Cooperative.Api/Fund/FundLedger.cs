using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>The outcome of a posting: the entry, or why it was refused (a stable code and a Chinese message).</summary>
public sealed record PostingResult(JournalEntry? Entry, string? ErrorCode, string? Message)
{
    public bool Succeeded => Entry is not null;

    public static PostingResult Refused(string code, string message) => new(null, code, message);

    /// <summary>The refusal as a value for the caller's caller: a missing entry is "not found", a bad one unprocessable.</summary>
    public Refusal ToRefusal() => ErrorCode switch
    {
        LedgerErrors.EntryNotFound => Refusal.NotFound(ErrorCode, Message!),
        LedgerErrors.Unbalanced => Refusal.Unprocessable(ErrorCode, "记账凭证无效", Message),
        _ => Refusal.Conflict(ErrorCode!, Message!),
    };
}

public static class LedgerErrors
{
    public const string Unbalanced = "ledger_entry_invalid";
    public const string PeriodClosed = "ledger_period_closed";
    public const string AlreadyReversed = "ledger_entry_already_reversed";
    public const string EntryNotFound = "ledger_entry_not_found";
}

/// <summary>
/// The one way money enters the books. Every feature posts through here, inside its own transaction: the
/// entry is added to the context and saved with the caller's change, so either both happen or neither.
/// </summary>
public sealed class FundLedger(CooperativeDbContext db, ICurrentActor actor, TimeProvider clock, SequenceAllocator numbers)
{
    public async Task<PostingResult> PostAsync(JournalDraft draft, CancellationToken ct, Guid? reverses = null)
    {
        if (draft.Problem() is { } problem) return PostingResult.Refused(LedgerErrors.Unbalanced, problem);
        var period = LedgerPeriod.KeyOf(draft.Date);
        if (await IsClosedAsync(period, ct))
            return PostingResult.Refused(LedgerErrors.PeriodClosed,
                $"会计期间 {draft.Date:yyyy-MM} 已结账，不能再记账；请在当前未结账期间记更正凭证");

        var entry = new JournalEntry
        {
            Number = await NextNumberAsync(draft.Date.Year, ct),
            Date = draft.Date,
            Period = period,
            Description = draft.Description,
            SourceType = draft.SourceType,
            SourceId = draft.SourceId,
            CorrectsPeriod = draft.CorrectsPeriod is { } corrects ? int.Parse(corrects.Replace("-", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : null,
            ReversesEntryId = reverses,
            PostedUtc = clock.GetUtcNow().UtcDateTime,
            PostedBy = actor.Current.Name,
        };
        entry.Lines.AddRange(draft.Lines.Select((l, i) => new JournalLine
        {
            LineNo = i + 1, AccountCode = l.AccountCode, Debit = l.Debit, Credit = l.Credit, FacilityCode = l.FacilityCode,
            Date = draft.Date, Period = period,
        }));
        db.JournalEntries.Add(entry);
        return new PostingResult(entry, null, null);
    }

    /// <summary>
    /// Posts the mirror of an entry, dated <paramref name="date"/> (in an open period), naming the entry it
    /// reverses. An entry is reversed at most once.
    /// </summary>
    /// <param name="swaps">Accounts whose mirrored lines go to another account instead (a payable already paid becomes a receivable).</param>
    public async Task<PostingResult> ReverseAsync(Guid entryId, DateOnly date, string description, string sourceType,
        string sourceId, CancellationToken ct, IReadOnlyDictionary<string, string>? swaps = null)
    {
        var original = await db.JournalEntries.Include(e => e.Lines).AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (original is null) return PostingResult.Refused(LedgerErrors.EntryNotFound, "要冲销的凭证不存在");
        if (await db.JournalEntries.AnyAsync(e => e.ReversesEntryId == entryId, ct))
            return PostingResult.Refused(LedgerErrors.AlreadyReversed, $"凭证 {original.Number} 已被冲销");
        var draft = new JournalDraft(date, description, sourceType, sourceId,
            original.Lines.OrderBy(l => l.LineNo)
                .Select(l => swaps?.GetValueOrDefault(l.AccountCode) is { } swapped
                    ? new JournalLineDraft(swapped, l.Credit, l.Debit, null)
                    : new JournalLineDraft(l.AccountCode, l.Credit, l.Debit, l.FacilityCode)).ToList())
        {
            CorrectsPeriod = original.Period != LedgerPeriod.KeyOf(date) && await IsClosedAsync(original.Period, ct)
                ? $"{original.Period / 100:0000}-{original.Period % 100:00}" : null,
        };
        return await PostAsync(draft, ct, reverses: entryId);
    }

    private Task<bool> IsClosedAsync(int period, CancellationToken ct) => PeriodGuard.IsClosedAsync(db, period, ct);

    private async Task<string> NextNumberAsync(int year, CancellationToken ct)
    {
        var number = await numbers.TakeAsync(db, "journal", year, ct);
        return $"记-{year}-{number:000000}";
    }
}
