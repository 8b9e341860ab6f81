using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>An administrator's posting: the entry (new, or the one a retry replays), or why not.</summary>
public sealed record PostingOutcome(JournalEntry? Entry, bool Replayed, Refusal? Refusal)
{
    public static PostingOutcome Refused(Refusal refusal) => new(null, false, refusal);
}

public static class PostingErrors
{
    public const string IdempotencyKeyRequired = "idempotency_key_required";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string AlreadyOpened = "ledger_already_opened";
    public const string EntriesBeforeOpening = "ledger_entries_before_opening";
    public const string OpeningAccount = "ledger_opening_account";
    public const string DuplicateBankReference = "duplicate_bank_reference";
    public const string ReceiptExceedsReceivable = "receipt_exceeds_receivable";
}

/// <summary>
/// The postings people make by hand (manual entries, reversals, the opening entry, money received into the bank),
/// safe to retry: each carries the client's Idempotency-Key; the same key and body answer the first entry, however
/// many retries race (the unique key refuses the twins, which then read the winner's entry); another body under a
/// used key is refused. Each posts in a transaction of its own, so the bank's lock covers the check and the write.
/// </summary>
public sealed class ManualPostings(CooperativeDbContext db, ICurrentActor actor)
{
    public async Task<PostingOutcome> PostAsync(string key, string hash, Func<Task<Refusal?>> check, Func<Task<PostingResult>> post,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryPostAsync(key, hash, check, post, ct);
            }
            catch (Exception e) when (DatabaseErrors.IsDeadlock(e) && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<PostingOutcome> TryPostAsync(string key, string hash, Func<Task<Refusal?>> check, Func<Task<PostingResult>> post,
        CancellationToken ct)
    {
        if (await ReplayAsync(key, hash, ct) is { } replay) return replay;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await check() is { } refused) return await TwinOrAsync(transaction, PostingOutcome.Refused(refused));
            var posted = await post();
            if (!posted.Succeeded) return await TwinOrAsync(transaction, PostingOutcome.Refused(posted.ToRefusal()));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new PostingOutcome(posted.Entry, false, null);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A twin under the same key won the race (the idempotency key, or the one reversal an entry may have).
            db.ChangeTracker.Clear();
            return await ReplayAsync(key, hash, ct) ?? throw new InvalidOperationException("A posting lost a race but no twin is found.", e);
        }

        // A refusal that a twin's commit caused (already reversed, a bank reference taken, the bank spent by the twin)
        // is the twin's answer; read outside this transaction, whose snapshot may predate the twin's commit.
        async Task<PostingOutcome> TwinOrAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, PostingOutcome refused)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await ReplayAsync(key, hash, ct) ?? refused;
        }
    }

    private async Task<PostingOutcome?> ReplayAsync(string key, string hash, CancellationToken ct)
    {
        var by = actor.Current.Name;
        var existing = await db.JournalEntries.AsNoTracking().Include(e => e.Lines)
            .SingleOrDefaultAsync(e => e.PostedBy == by && e.IdempotencyKey == key, ct);
        if (existing is null) return null;
        return existing.RequestHash == hash
            ? new PostingOutcome(existing, true, null)
            : PostingOutcome.Refused(Refusal.Conflict(PostingErrors.IdempotencyKeyReused, "该幂等键已用于另一笔不同的记账",
                $"Idempotency-Key {key} 已对应凭证 {existing.Number}"));
    }

    /// <summary>The opening entry (建账): once, before every other entry, of balance-sheet accounts only.</summary>
    public async Task<Refusal?> OpeningProblemAsync(JournalDraft draft, CancellationToken ct)
    {
        if (await db.JournalEntries.AnyAsync(e => e.SourceType == FundLedger.OpeningSource, ct))
            return Refusal.Conflict(PostingErrors.AlreadyOpened, "基金已建账", "建账凭证只能记一次；以后的调整请记更正凭证");
        if (await db.JournalEntries.AnyAsync(e => e.Date < draft.Date, ct))
            return Refusal.Conflict(PostingErrors.EntriesBeforeOpening, "建账日期晚于已有凭证",
                $"已有早于 {draft.Date:yyyy-MM-dd} 的凭证，建账日期不能晚于第一张凭证");
        var wrong = draft.Lines.Select(l => ChartOfAccounts.Find(l.AccountCode))
            .FirstOrDefault(a => a is { Type: AccountType.Income or AccountType.Expense });
        return wrong is null ? null
            : Refusal.Unprocessable(PostingErrors.OpeningAccount, "建账凭证只能记资产、负债和基金科目", $"科目 {wrong.Code} {wrong.Name} 是收支科目");
    }

    /// <summary>Money received into the bank against a receivable: not twice for one bank reference, not more than is owed.</summary>
    public async Task<Refusal?> ReceiptProblemAsync(string receivable, decimal amount, string bankReference, CancellationToken ct)
    {
        if (await db.JournalEntries.AnyAsync(e => e.SourceType == BankReceipts.SourceType && e.SourceId == bankReference, ct))
            return Refusal.Conflict(PostingErrors.DuplicateBankReference, "该银行流水已入账", $"银行流水号 {bankReference} 已记账");
        var sums = await LedgerSums.ByAccountAsync(db, db.JournalLines.AsNoTracking().Where(l => l.AccountCode == receivable), ct);
        var owed = sums.Sum(s => s.Debit - s.Credit);
        return amount <= owed ? null
            : Refusal.Unprocessable(PostingErrors.ReceiptExceedsReceivable, "到账金额超过应收余额",
                $"{ChartOfAccounts.Find(receivable)!.Name} 应收余额 {owed:0.00} 元，到账 {amount:0.00} 元");
    }
}
