using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

public sealed record JournalLineResponse(int LineNo, string AccountCode, string AccountName, decimal Debit, decimal Credit, string? FacilityCode);

public sealed record JournalEntryResponse(Guid Id, string Number, DateOnly Date, string Period, string Description, string SourceType,
    string SourceId, Guid? ReversesEntryId, string? CorrectsPeriod, DateTime PostedUtc, string PostedBy, IReadOnlyList<JournalLineResponse> Lines);

public sealed record ManualEntryRequest(DateOnly? Date, string? Description, IReadOnlyList<JournalLineDraft>? Lines, string? CorrectsPeriod);

public sealed record ReverseRequest(DateOnly? Date, string? Reason);

/// <summary>The opening entry (建账): the fund's balances on the day the county starts on the system.</summary>
public sealed record OpeningRequest(DateOnly? Date, string? Description, IReadOnlyList<JournalLineDraft>? Lines);

/// <summary>Money received into the bank (资金到账): which receivable it settles, from whom, and the bank's reference.</summary>
public sealed record BankReceiptRequest(ReceiptKind? Kind, decimal? Amount, DateOnly? Date, string? Payer, string? BankReference);

/// <summary>The fund's books: entries, manual postings and reversals (administrators); reading is for admins and auditors.</summary>
public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ledger").WithTags("Ledger").RequireAuthorization(Policies.AuditReaders);
        group.MapGet("/accounts", () => TypedResults.Ok(ChartOfAccounts.All))
            .WithSummary("The chart of accounts (会计科目)")
            .WithDescription("Every account of the fund's books with its code, name and type.")
            .WithName("ListAccounts");
        group.MapGet("/entries", List)
            .WithSummary("List journal entries (记账凭证)")
            .WithDescription("Pages of journal entries with their lines, filtered by dates (from, to), the source "
                + "(sourceType, sourceId) and an account.")
            .WithName("ListJournalEntries");
        group.MapGet("/entries/{number}", Get)
            .WithSummary("Get a journal entry")
            .WithDescription("One entry (记-2026-000001) with its lines, source and reversal, if any.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, LedgerErrors.EntryNotFound)
            .WithName("GetJournalEntry");
        group.MapPost("/entries", PostManual).RequireAuthorization(Policies.Admin)
            .WithSummary("Post a manual journal entry (手工记账)")
            .WithDescription("A manual entry: interest, a correction of a closed month (correctsPeriod)... balanced"
                + " lines of at least two. Idempotent under the required Idempotency-Key header: a retry"
                + " with the same key and body answers 200 with the first entry.")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PostingErrors.IdempotencyKeyReused,
                "ledger_period_closed", "ledger_before_opening", "insufficient_funds")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "ledger_entry_invalid")
            .WithName("PostJournalEntry");
        group.MapPost("/entries/{number}/reverse", Reverse).RequireAuthorization(Policies.Admin)
            .WithSummary("Reverse a journal entry (冲销凭证)")
            .WithDescription("Posts the reversing entry of an entry, with a reason and date. Refused for an entry "
                + "already reversed. Idempotent under the required Idempotency-Key header: a retry with "
                + "the same key and body answers 200 with the first entry.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, LedgerErrors.EntryNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PostingErrors.IdempotencyKeyReused,
                "ledger_entry_already_reversed", "ledger_period_closed")
            .WithName("ReverseJournalEntry");
        group.MapPost("/opening", Open).RequireAuthorization(Policies.Admin)
            .WithSummary("Post the opening entry (建账)")
            .WithDescription("The fund's balances on the day the county starts on the system: once, balance-sheet "
                + "accounts only, before any other entry. Idempotent under the required Idempotency-Key "
                + "header: a retry with the same key and body answers 200 with the first entry.")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PostingErrors.IdempotencyKeyReused,
                "ledger_already_opened", "ledger_entries_before_opening")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "ledger_opening_account",
                "ledger_entry_invalid")
            .WithName("PostOpeningEntry");
        group.MapPost("/receipts", Receive).RequireAuthorization(Policies.Admin)
            .WithSummary("Record money received into the bank (资金到账)")
            .WithDescription("Subsidies or civil affairs' contributions reaching the bank: debit 1001, credit the "
                + "receivable they settle, with the payer and the bank's reference. Refused for a bank "
                + "reference already recorded or more than is receivable. Idempotent under the required "
                + "Idempotency-Key header: a retry with the same key and body answers 200 with the first"
                + " entry.")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PostingErrors.IdempotencyKeyReused,
                "duplicate_bank_reference", "ledger_period_closed")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "receipt_exceeds_receivable")
            .WithName("RecordBankReceipt");
        return group;
    }

    private static async Task<Results<Ok<Page<JournalEntryResponse>>, ValidationProblem>> List(CooperativeDbContext db, DateOnly? from,
        DateOnly? to, string? sourceType, string? sourceId, string? account, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation().PageBounds(page, pageSize).Date(from, "from").Date(to, "to");
        if (!v.IsValid) return v.ToProblem();
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

    /// <summary>A manual entry (interest, a correction of a closed month...), safe to retry under its Idempotency-Key.</summary>
    private static async Task<Results<Created<JournalEntryResponse>, Ok<JournalEntryResponse>, ValidationProblem, ProblemHttpResult>> PostManual(
        ManualEntryRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, FundLedger ledger, ManualPostings postings,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Check(request.Date is not null, "date", "记账日期不能为空").Date(request.Date, "date", "记账日期")
            .Required(request.Description, "description", "摘要", 200)
            .Check(request.Lines is { Count: >= 2 }, "lines", "记账凭证至少需要两行分录")
            .Lines(request.Lines)
            .Check(request.CorrectsPeriod is null || LedgerPeriod.Parse(request.CorrectsPeriod) is not null, "correctsPeriod", "更正期间格式应为 yyyy-MM");
        if (request.Date is { } d) v.Check(d <= clock.Today(), "date", "记账日期不能晚于今天");
        if (KeyProblem(idempotencyKey) is { } keyProblem) return keyProblem;
        if (!v.IsValid) return v.ToProblem();
        var draft = new JournalDraft(request.Date!.Value, request.Description!.Trim(), "manual", "manual", request.Lines!)
        {
            CorrectsPeriod = request.CorrectsPeriod,
        };
        return Answer(await postings.PostAsync(idempotencyKey!.Trim(), Hash(request), () => Task.FromResult<Domain.Refusal?>(null),
            () => ledger.PostAsync(draft, ct, idempotencyKey: idempotencyKey.Trim(), requestHash: Hash(request)), ct));
    }

    private static async Task<Results<Created<JournalEntryResponse>, Ok<JournalEntryResponse>, ValidationProblem, ProblemHttpResult>> Reverse(
        string number, ReverseRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, FundLedger ledger,
        ManualPostings postings, CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Required(request.Reason, "reason", "冲销原因", 200).Date(request.Date, "date", "冲销日期");
        if (request.Date is { } d) v.Check(d <= clock.Today(), "date", "冲销日期不能晚于今天");
        if (KeyProblem(idempotencyKey) is { } keyProblem) return keyProblem;
        if (!v.IsValid) return v.ToProblem();
        var original = await db.JournalEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Number == number, ct);
        if (original is null) return Problems.NotFound(LedgerErrors.EntryNotFound, "要冲销的凭证不存在");
        var hash = Hash(new { number, request });
        return Answer(await postings.PostAsync(idempotencyKey!.Trim(), hash, () => Task.FromResult<Domain.Refusal?>(null),
            () => ledger.ReverseAsync(original.Id, request.Date ?? clock.Today(), $"冲销 {number}：{request.Reason!.Trim()}", "reversal", number, ct,
                idempotencyKey: idempotencyKey.Trim(), requestHash: hash), ct));
    }

    /// <summary>The opening entry: once, when the county starts on the system, of balance-sheet accounts only.</summary>
    private static async Task<Results<Created<JournalEntryResponse>, Ok<JournalEntryResponse>, ValidationProblem, ProblemHttpResult>> Open(
        OpeningRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, FundLedger ledger, ManualPostings postings,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Check(request.Date is not null, "date", "建账日期不能为空").Date(request.Date, "date", "建账日期")
            .Check(request.Lines is { Count: >= 2 }, "lines", "建账凭证至少需要两行分录")
            .Lines(request.Lines)
            .Optional(request.Description, "description", "摘要", 200);
        if (request.Date is { } d) v.Check(d <= clock.Today(), "date", "建账日期不能晚于今天");
        if (KeyProblem(idempotencyKey) is { } keyProblem) return keyProblem;
        if (!v.IsValid) return v.ToProblem();
        var draft = new JournalDraft(request.Date!.Value, request.Description?.Trim() is { Length: > 0 } text ? text : "基金建账：期初余额",
            FundLedger.OpeningSource, "opening", request.Lines!);
        var hash = Hash(request);
        return Answer(await postings.PostAsync(idempotencyKey!.Trim(), hash, () => postings.OpeningProblemAsync(draft, ct),
            () => ledger.PostAsync(draft, ct, idempotencyKey: idempotencyKey.Trim(), requestHash: hash), ct));
    }

    /// <summary>Subsidies and civil affairs' contributions arriving in the bank: Dr 1001 / Cr the receivable they settle.</summary>
    private static async Task<Results<Created<JournalEntryResponse>, Ok<JournalEntryResponse>, ValidationProblem, ProblemHttpResult>> Receive(
        BankReceiptRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, FundLedger ledger, ManualPostings postings,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Check(request.Kind is not null, "kind", "请选择到账类别（SubsidyCentral、SubsidyProvince、SubsidyCounty、CivilAffairs）")
            .Defined(request.Kind, "kind", "到账类别")
            .Check(request.Amount is > 0 and <= JournalDraft.MaxLineAmount && Domain.Money.IsWholeFen(request.Amount.Value), "amount", "到账金额必须为正数，精确到分")
            .Required(request.Payer, "payer", "付款单位", 100)
            .Required(request.BankReference, "bankReference", "银行流水号", 64)
            .Date(request.Date, "date", "到账日期");
        if (request.Date is { } d) v.Check(d <= clock.Today(), "date", "到账日期不能晚于今天");
        if (KeyProblem(idempotencyKey) is { } keyProblem) return keyProblem;
        if (!v.IsValid) return v.ToProblem();
        var kind = request.Kind!.Value;
        var receivable = BankReceipts.Receivable(kind);
        var reference = request.BankReference!.Trim();
        var draft = new JournalDraft(request.Date ?? clock.Today(), $"{BankReceipts.Chinese(kind)}到账：{request.Payer!.Trim()}（流水号 {reference}）",
            BankReceipts.SourceType, reference,
            [JournalLineDraft.Dr(ChartOfAccounts.Bank, request.Amount!.Value), JournalLineDraft.Cr(receivable, request.Amount.Value)]);
        var hash = Hash(request);
        return Answer(await postings.PostAsync(idempotencyKey!.Trim(), hash,
            () => postings.ReceiptProblemAsync(receivable, request.Amount.Value, reference, ct),
            () => ledger.PostAsync(draft, ct, idempotencyKey: idempotencyKey.Trim(), requestHash: hash), ct));
    }

    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Each line is there, names an account, and names a facility by a code of at most 16 characters, if at all.</summary>
    private static Validation Lines(this Validation v, IReadOnlyList<JournalLineDraft>? lines)
    {
        for (var i = 0; i < (lines?.Count ?? 0); i++)
        {
            if (lines![i] is not { } line) v.Add($"lines[{i}]", "分录不能为空");
            else
                v.Required(line.AccountCode, $"lines[{i}].accountCode", "会计科目", 16)
                    .Optional(line.FacilityCode, $"lines[{i}].facilityCode", "定点医疗机构编码", 16);
        }
        return v;
    }

    private static readonly System.Text.Json.JsonSerializerOptions HashJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static string Hash<T>(T request) => TextDigests.Sha256Hex(System.Text.Json.JsonSerializer.Serialize(request, HashJson));

    private static ProblemHttpResult? KeyProblem(string? key) => string.IsNullOrWhiteSpace(key) || key.Length > 100
        ? Problems.Of(StatusCodes.Status400BadRequest, PostingErrors.IdempotencyKeyRequired, "缺少幂等键",
            $"记账请求必须带 {IdempotencyHeader} 请求头（不超过 100 个字符），重试时使用同一个键")
        : null;

    /// <summary>201 with a Location whose entry number is percent-encoded (记-2026-000001 is not ASCII); 200 for a replay.</summary>
    private static Results<Created<JournalEntryResponse>, Ok<JournalEntryResponse>, ValidationProblem, ProblemHttpResult> Answer(PostingOutcome outcome)
    {
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var response = ToResponse(outcome.Entry!);
        return outcome.Replayed
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/ledger/entries/{Uri.EscapeDataString(response.Number)}", response);
    }

    internal static JournalEntryResponse ToResponse(JournalEntry e) => new(e.Id, e.Number, e.Date, LedgerPeriod.Format(e.Period),
        e.Description, e.SourceType, e.SourceId, e.ReversesEntryId, e.CorrectsPeriod is { } c ? LedgerPeriod.Format(c) : null,
        e.PostedUtc, e.PostedBy,
        e.Lines.OrderBy(l => l.LineNo).Select(l => new JournalLineResponse(l.LineNo, l.AccountCode,
            ChartOfAccounts.Find(l.AccountCode)?.Name ?? l.AccountCode, l.Debit, l.Credit, l.FacilityCode)).ToList());
}
