using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Api.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cooperative.Api.Benefits;

/// <summary>A payer's money for a month's statement: the month, the amount, the day it reached the bank, the bank slip's number.</summary>
public sealed record PayerPaymentRequest(string? Period, decimal? Amount, DateOnly? ReceivedOn, string? Reference);

/// <summary>
/// What the county advanced for catastrophic insurance (大病保险) and medical assistance (医疗救助) at the window, and
/// claims back from each: its monthly statement (对账单, JSON and Excel), read by administrators and auditors, and
/// its payment (回款), recorded by an administrator, safe to retry under an Idempotency-Key.
/// </summary>
public static class PayerStatementsApi
{
    public static IEndpointRouteBuilder MapPayerStatementsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/payers/{payer}").WithTags("Benefits").RequireAuthorization(Policies.AuditReaders);
        group.MapGet("/statements/{period}.xlsx", StatementXlsx)
            .WithSummary("A payer's monthly statement as Excel (对账单)")
            .WithDescription("The statement of payer (catastrophic 大病保险 or assistance 医疗救助) for the month (yyyy-MM)"
                + " as an .xlsx workbook.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "payer_not_found", "period_invalid")
            .WithName("ExportPayerStatement");
        group.MapGet("/statements/{period}", Statement)
            .WithSummary("A payer's monthly statement (对账单)")
            .WithDescription("What the county advanced for the payer (catastrophic or assistance) in the month: "
                + "each claim, the movements of the receivable and the payments received.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "payer_not_found", "period_invalid")
            .WithName("GetPayerStatement");
        group.MapPost("/payments", Pay).RequireAuthorization(Policies.Admin)
            .WithSummary("Record a payer's payment for a month (回款)")
            .WithDescription("Records money a payer sent for a month's statement: debit 1001, credit its "
                + "receivable, with the bank slip's number. Refused before the month ended, for a date "
                + "in the future, for more than is owed or a month already paid. Idempotent under the "
                + "required Idempotency-Key header: a retry with the same key and body answers 200 with "
                + "the first entry.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "payer_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PayerPaymentErrors.AlreadyRecorded,
                PostingErrors.IdempotencyKeyReused, "duplicate_bank_reference", "ledger_period_closed")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, PayerPaymentErrors.PeriodNotEnded,
                PayerPaymentErrors.ReceivedBeforePeriodEnd, PayerPaymentErrors.ReceivedInFuture,
                PayerPaymentErrors.ExceedsReceivable, PayerPaymentErrors.AmountInvalid)
            .WithName("RecordPayerPayment");
        return routes;
    }

    private static async Task<Results<Ok<PayerStatement>, ProblemHttpResult>> Statement(string payer, string period, CooperativeDbContext db,
        Balances balances, IPolicyStore policies, CancellationToken ct)
    {
        if (Payers.Parse(payer) is not { } p) return PayerNotFound();
        if (LedgerPeriod.Parse(period) is not { } key) return PeriodInvalid();
        return TypedResults.Ok(await PayerStatements.BuildAsync(p, key, db, balances, policies, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> StatementXlsx(string payer, string period,
        CooperativeDbContext db, Balances balances, IPolicyStore policies, CancellationToken ct)
    {
        if (Payers.Parse(payer) is not { } p) return PayerNotFound();
        if (LedgerPeriod.Parse(period) is not { } key) return PeriodInvalid();
        var statement = await PayerStatements.BuildAsync(p, key, db, balances, policies, ct);
        return TypedResults.File(PayerStatements.Xlsx(statement), Xlsx.ContentType, $"{Payers.Chinese(p)}-{statement.Period}.xlsx");
    }

    private static async Task<Results<Created<JournalEntryResponse>, Ok<JournalEntryResponse>, ValidationProblem, ProblemHttpResult>> Pay(
        string payer, PayerPaymentRequest request, [FromHeader(Name = LedgerApi.IdempotencyHeader)] string? idempotencyKey,
        FundLedger ledger, ManualPostings postings, CooperativeDbContext db, IPolicyStore policies, TimeProvider clock, CancellationToken ct)
    {
        if (Payers.Parse(payer) is not { } p) return PayerNotFound();
        var v = new Validation().Check(LedgerPeriod.Parse(request.Period) is not null, "period", "对账月份不能为空，格式为 yyyy-MM")
            .Check(request.Amount is not null, "amount", "回款金额不能为空")
            .Check(request.ReceivedOn is not null, "receivedOn", "到账日期不能为空").Date(request.ReceivedOn, "receivedOn", "到账日期")
            .Required(request.Reference, "reference", "银行流水号", 64);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100)
            return Problems.Of(StatusCodes.Status400BadRequest, PostingErrors.IdempotencyKeyRequired, "缺少幂等键",
                $"登记回款必须带 {LedgerApi.IdempotencyHeader} 请求头（不超过 100 个字符），重试时使用同一个键");
        if (!v.IsValid) return v.ToProblem();
        var period = LedgerPeriod.Parse(request.Period)!.Value;
        var (amount, receivedOn) = (request.Amount!.Value, request.ReceivedOn!.Value);
        if (PayerPayments.Problem(period, amount, receivedOn, clock.Today()) is { } refused) return Problems.From(refused);

        var key = idempotencyKey.Trim();
        var hash = TextDigests.Sha256Hex(System.Text.Json.JsonSerializer.Serialize(new { payer = Payers.Key(p), request }, HashJson));
        var name = Payers.NameIn(await policies.InForceAsync(period / 100, LedgerPeriod.EndOf(period), ct), p);
        var draft = PayerPayments.Draft(p, period, amount, receivedOn, name, request.Reference!.Trim());
        var outcome = await postings.PostAsync(key, hash, () => PayerPayments.BooksProblemAsync(db, p, period, amount, ct),
            () => ledger.PostAsync(draft, ct, idempotencyKey: key, requestHash: hash), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var response = LedgerApi.ToResponse(outcome.Entry!);
        return outcome.Replayed
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/ledger/entries/{Uri.EscapeDataString(response.Number)}", response);
    }

    private static readonly System.Text.Json.JsonSerializerOptions HashJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static ProblemHttpResult PayerNotFound() =>
        Problems.NotFound("payer_not_found", "付款方不存在（应为 catastrophic 大病保险 或 assistance 医疗救助）");

    private static ProblemHttpResult PeriodInvalid() => Problems.NotFound("period_invalid", "会计期间格式应为 yyyy-MM");
}
