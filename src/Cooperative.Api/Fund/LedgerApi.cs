using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

public sealed record JournalLineResponse(int LineNo, string AccountCode, string AccountName, decimal Debit, decimal Credit, string? FacilityCode);

public sealed record JournalEntryResponse(Guid Id, string Number, DateOnly Date, string Period, string Description, string SourceType,
    string SourceId, Guid? ReversesEntryId, string? CorrectsPeriod, DateTime PostedUtc, string PostedBy, IReadOnlyList<JournalLineResponse> Lines);

public sealed record ManualEntryRequest(DateOnly? Date, string? Description, IReadOnlyList<JournalLineDraft>? Lines, string? CorrectsPeriod);

public sealed record ReverseRequest(DateOnly? Date, string? Reason);

/// <summary>The fund's books: entries, manual postings and reversals (administrators); reading is for admins and auditors.</summary>
public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ledger").WithTags("Ledger").RequireAuthorization(Policies.AuditReaders);
        group.MapGet("/accounts", () => TypedResults.Ok(ChartOfAccounts.All));
        group.MapGet("/entries", List);
        group.MapGet("/entries/{number}", Get);
        group.MapPost("/entries", PostManual).RequireAuthorization(Policies.Admin);
        group.MapPost("/entries/{number}/reverse", Reverse).RequireAuthorization(Policies.Admin);
        return group;
    }

    private static async Task<Ok<Page<JournalEntryResponse>>> List(CooperativeDbContext db, DateOnly? from, DateOnly? to,
        string? sourceType, string? sourceId, string? account, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.JournalEntries.AsNoTracking();
        if (from is { } f) query = query.Where(e => e.Date >= f);
        if (to is { } t) query = query.Where(e => e.Date <= t);
        if (!string.IsNullOrWhiteSpace(sourceType)) query = query.Where(e => e.SourceType == sourceType);
        if (!string.IsNullOrWhiteSpace(sourceId)) query = query.Where(e => e.SourceId == sourceId);
        if (!string.IsNullOrWhiteSpace(account)) query = query.Where(e => e.Lines.Any(l => l.AccountCode == account));
        var result = await query.OrderBy(e => e.Date).ThenBy(e => e.Number).Include(e => e.Lines).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<JournalEntryResponse>(result.Items.Select(ToResponse).ToList(), result.PageNumber, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<JournalEntryResponse>, ProblemHttpResult>> Get(string number, CooperativeDbContext db, CancellationToken ct)
    {
        var entry = await db.JournalEntries.AsNoTracking().Include(e => e.Lines).SingleOrDefaultAsync(e => e.Number == number, ct);
        return entry is null ? Problems.NotFound(LedgerErrors.EntryNotFound, "凭证不存在") : TypedResults.Ok(ToResponse(entry));
    }

    /// <summary>A manual entry (interest, subsidy received into the bank, a correction of a closed month...).</summary>
    private static async Task<Results<Created<JournalEntryResponse>, ValidationProblem, ProblemHttpResult>> PostManual(
        ManualEntryRequest request, FundLedger ledger, CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Check(request.Date is not null, "date", "记账日期不能为空")
            .Required(request.Description, "description", "摘要", 200)
            .Check(request.Lines is { Count: >= 2 }, "lines", "记账凭证至少需要两行分录")
            .Check(request.CorrectsPeriod is null || LedgerPeriod.Parse(request.CorrectsPeriod) is not null, "correctsPeriod", "更正期间格式应为 yyyy-MM");
        if (request.Date is { } d) v.Check(d <= clock.Today(), "date", "记账日期不能晚于今天");
        if (!v.IsValid) return v.ToProblem();
        var draft = new JournalDraft(request.Date!.Value, request.Description!.Trim(), "manual", "manual", request.Lines!)
        {
            CorrectsPeriod = request.CorrectsPeriod,
        };
        var posted = await ledger.PostAsync(draft, ct);
        if (!posted.Succeeded) return Refusal(posted);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/ledger/entries/{posted.Entry!.Number}", ToResponse(posted.Entry));
    }

    private static async Task<Results<Created<JournalEntryResponse>, ValidationProblem, ProblemHttpResult>> Reverse(string number,
        ReverseRequest request, FundLedger ledger, CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Required(request.Reason, "reason", "冲销原因", 200);
        if (!v.IsValid) return v.ToProblem();
        var original = await db.JournalEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Number == number, ct);
        if (original is null) return Problems.NotFound(LedgerErrors.EntryNotFound, "要冲销的凭证不存在");
        var posted = await ledger.ReverseAsync(original.Id, request.Date ?? clock.Today(), $"冲销 {number}：{request.Reason!.Trim()}",
            "reversal", number, ct);
        if (!posted.Succeeded) return Refusal(posted);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/ledger/entries/{posted.Entry!.Number}", ToResponse(posted.Entry));
    }

    private static ProblemHttpResult Refusal(PostingResult refused) => Problems.From(refused.ToRefusal());

    internal static JournalEntryResponse ToResponse(JournalEntry e) => new(e.Id, e.Number, e.Date, LedgerPeriod.Format(e.Period),
        e.Description, e.SourceType, e.SourceId, e.ReversesEntryId, e.CorrectsPeriod is { } c ? LedgerPeriod.Format(c) : null,
        e.PostedUtc, e.PostedBy,
        e.Lines.OrderBy(l => l.LineNo).Select(l => new JournalLineResponse(l.LineNo, l.AccountCode,
            ChartOfAccounts.Find(l.AccountCode)?.Name ?? l.AccountCode, l.Debit, l.Credit, l.FacilityCode)).ToList());
}
