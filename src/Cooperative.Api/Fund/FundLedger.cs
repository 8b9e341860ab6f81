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
        LedgerErrors.InsufficientFunds => Refusal.Conflict(ErrorCode, "基金专户余额不足", Message),
        LedgerErrors.PeriodClosed => Refusal.Conflict(ErrorCode, "会计期间已结账", Message),
        LedgerErrors.BeforeOpening => Refusal.Conflict(ErrorCode, "记账日期早于基金建账日期", Message),
        LedgerErrors.AlreadyReversed => Refusal.Conflict(ErrorCode, "凭证已被冲销", Message),
        _ => Refusal.Conflict(ErrorCode!, Message!),
    };
}

public static class LedgerErrors
{
    public const string Unbalanced = "ledger_entry_invalid";
    public const string PeriodClosed = "ledger_period_closed";
    public const string BeforeOpening = "ledger_before_opening";
    public const string InsufficientFunds = "insufficient_funds";
    public const string AlreadyReversed = "ledger_entry_already_reversed";
    public const string EntryNotFound = "ledger_entry_not_found";
}

/// <summary>
/// The one way money enters the books. Every feature posts through here, inside its own transaction: the
/// entry is added to the context and saved with the caller's change, so either both happen or neither.
/// </summary>
/// <remarks>
/// Three guards stand before every posting: nothing is dated in or before a closed month (a late correction goes
/// into the open month and names the closed one), nothing before the fund's opening date, and nothing takes the
/// fund's bank account below zero (inside a transaction, the bank's row is locked first, so two payments at once
/// cannot both spend the last yuan).
/// </remarks>
public sealed class FundLedger(CooperativeDbContext db, ICurrentActor actor, TimeProvider clock, SequenceAllocator numbers,
    IConfiguration config)
{
    public const string OpeningSource = "opening";

    public async Task<PostingResult> PostAsync(JournalDraft draft, CancellationToken ct, Guid? reverses = null,
        string? idempotencyKey = null, string? requestHash = null)
    {
        if (draft.Problem() is { } problem) return PostingResult.Refused(LedgerErrors.Unbalanced, problem);
        var period = LedgerPeriod.KeyOf(draft.Date);
        var opening = await OpeningDateAsync(ct);
        if (draft.Date < opening && draft.SourceType != OpeningSource)
            return PostingResult.Refused(LedgerErrors.BeforeOpening, $"记账日期 {draft.Date:yyyy-MM-dd} 早于基金建账日期 {opening:yyyy-MM-dd}");
        var (closedThrough, periodClosed) = await PeriodGuard.StateAsync(db, period, ct);
        if (closedThrough is { } closed && period <= closed)
            return PostingResult.Refused(LedgerErrors.PeriodClosed,
                $"会计期间 {LedgerPeriod.Format(closed)} 及以前已结账，不能再记入 {draft.Date:yyyy-MM-dd}；请在当前未结账期间记更正凭证");
        if (periodClosed)
            return PostingResult.Refused(LedgerErrors.PeriodClosed,
                $"会计期间 {draft.Date:yyyy-MM} 已结账，不能再记账；请在当前未结账期间记更正凭证");
        var outflow = draft.Lines.Where(l => l.AccountCode == ChartOfAccounts.Bank).Sum(l => l.Credit - l.Debit);
        if (outflow > 0 && await BankBalanceAsync(lockRow: true, ct) is var bank && bank < outflow)
            return PostingResult.Refused(LedgerErrors.InsufficientFunds,
                $"基金专户余额 {bank:0.00} 元，不足支付 {outflow:0.00} 元，尚缺 {outflow - bank:0.00} 元；请待财政补助或缴费到账后再支付");

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
            LineCount = draft.Lines.Count,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
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
        string sourceId, CancellationToken ct, IReadOnlyDictionary<string, string>? swaps = null, string? idempotencyKey = null,
        string? requestHash = null)
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
        return await PostAsync(draft, ct, reverses: entryId, idempotencyKey, requestHash);
    }

    private Task<bool> IsClosedAsync(int period, CancellationToken ct) => PeriodGuard.IsClosedAsync(db, period, ct);

    /// <summary>
    /// The fund's first day on the system: the opening entry's date once it is posted, else <c>Fund:OpeningDate</c>
    /// (default 2000-01-01: only an impossible date is refused until a county configures or opens its books).
    /// </summary>
    public async Task<DateOnly> OpeningDateAsync(CancellationToken ct)
    {
        var database = db.Database.GetConnectionString()!;
        if (OpenedOn.TryGetValue(database, out var known)) return known;
        var opened = await db.JournalEntries.AsNoTracking().Where(e => e.SourceType == OpeningSource).Select(e => (DateOnly?)e.Date)
            .FirstOrDefaultAsync(ct);
        // Once posted, the opening entry is never changed nor deleted (journal entries are immutable): its date is kept.
        if (opened is { } date) OpenedOn.TryAdd(database, date);
        return opened ?? config.GetValue("Fund:OpeningDate", new DateOnly(2000, 1, 1));
    }

    // The opening date by database, once the opening entry is posted.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateOnly> OpenedOn = new(StringComparer.Ordinal);

    /// <summary>
    /// What the fund's bank account (1001) holds now: the latest snapshot and every line after it. With
    /// <paramref name="lockRow"/> inside a MariaDB transaction, the account's row is locked first: payments out
    /// of the bank queue behind one another until each commits.
    /// </summary>
    public async Task<decimal> BankBalanceAsync(bool lockRow, CancellationToken ct)
    {
        if (lockRow && db.Database.IsMySql() && db.Database.CurrentTransaction is not null)
            await db.Database.SqlQueryRaw<string>("SELECT `Code` AS `Value` FROM ledger_accounts WHERE `Code` = {0} FOR UPDATE", ChartOfAccounts.Bank)
                .ToListAsync(ct);
        var snapshot = await db.PeriodBalances.AsNoTracking().Where(b => b.AccountCode == ChartOfAccounts.Bank)
            .OrderByDescending(b => b.Period).FirstOrDefaultAsync(ct);
        var after = snapshot is null ? DateOnly.MinValue : LedgerPeriod.EndOf(snapshot.Period);
        decimal lines;
        if (lockRow && db.Database.IsMySql() && db.Database.CurrentTransaction is not null)
            // A locking read reads the newest committed lines, not the transaction's snapshot (which an earlier plain
            // read in the same transaction may have fixed before the payment ahead of us committed).
            lines = (await db.Database.SqlQueryRaw<decimal?>(
                "SELECT SUM(`Debit` - `Credit`) AS `Value` FROM journal_lines WHERE `AccountCode` = {0} AND `Date` > {1} LOCK IN SHARE MODE",
                ChartOfAccounts.Bank, after).ToListAsync(ct)).SingleOrDefault() ?? 0m;
        else
            lines = (await LedgerSums.ByAccountAsync(db,
                db.JournalLines.AsNoTracking().Where(l => l.AccountCode == ChartOfAccounts.Bank && l.Date > after), ct)).Sum(x => x.Debit - x.Credit);
        // Lines already added to this context but not yet saved (a monthly settlement paying facility after facility).
        var pending = db.ChangeTracker.Entries<JournalLine>().Where(e => e.State == EntityState.Added && e.Entity.AccountCode == ChartOfAccounts.Bank)
            .Sum(e => e.Entity.Debit - e.Entity.Credit);
        return (snapshot is null ? 0m : snapshot.Debit - snapshot.Credit) + lines + pending;
    }

    private async Task<string> NextNumberAsync(int year, CancellationToken ct)
    {
        var number = await numbers.TakeAsync(db, "journal", year, ct);
        return $"记-{year}-{number:000000}";
    }
}
