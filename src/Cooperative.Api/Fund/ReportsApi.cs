using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

public sealed record TrialBalanceResponse(DateOnly Date, IReadOnlyList<AccountBalance> Accounts, decimal TotalDebit, decimal TotalCredit, bool Balanced);

public sealed record MovementResponse(DateOnly Date, string Number, string Description, decimal Debit, decimal Credit, decimal Balance, string? FacilityCode);

public sealed record AccountMovementsResponse(string Code, string Name, DateOnly From, DateOnly To, decimal Opening,
    IReadOnlyList<MovementResponse> Movements, decimal Closing);

public sealed record StatementLine(string Code, string Name, decimal Amount);

public sealed record IncomeStatementResponse(string Period, IReadOnlyList<StatementLine> Income, decimal TotalIncome,
    IReadOnlyList<StatementLine> Expenditure, decimal TotalExpenditure, decimal Surplus);

/// <param name="State"><c>ok</c>, or <c>warning</c> when the pooled fund available has fallen below the risk reserve (基金预警).</param>
/// <param name="CatastrophicReceivable">Of <paramref name="Receivables"/>: what catastrophic insurance still owes for the claims
/// the county advanced for it (应收大病保险赔付款).</param>
/// <param name="AssistanceReceivable">Of <paramref name="Receivables"/>: what medical assistance still owes (应收医疗救助资金).</param>
public sealed record PooledFundResponse(DateOnly Date, decimal Bank, decimal Receivables, decimal Payables, decimal RiskReserve,
    decimal PooledFund, bool Reconciled, string State, string? Warning, decimal CatastrophicReceivable,
    decimal AssistanceReceivable);

/// <summary>The fund's reports (账表): trial balance, account movements, income and expenditure, pooled fund against bank.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapLedgerReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ledger").WithTags("Ledger").RequireAuthorization(Policies.AuditReaders);
        group.MapGet("/trial-balance", TrialBalance)
            .WithSummary("Trial balance (试算平衡表)")
            .WithDescription("Every account's debit and credit balance on date (default today); debits equal "
                + "credits.")
            .WithName("GetTrialBalance");
        group.MapGet("/accounts/{code}/movements", Movements)
            .WithSummary("An account's movements (明细账)")
            .WithDescription("The lines posted to an account from a date (default 1 January) to a date (default "
                + "today), optionally of one facility, with the opening and closing balances.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "ledger_account_not_found")
            .WithName("GetAccountMovements");
        group.MapGet("/income-statement", IncomeStatement)
            .WithSummary("Income and expenditure (收支表)")
            .WithDescription("The fund's income and expenditure of a year, or of one month of it.")
            .WithName("GetIncomeStatement");
        group.MapGet("/pooled-fund", PooledFund)
            .WithSummary("The pooled fund against the bank (统筹基金与专户核对)")
            .WithDescription("What the fund holds (bank plus receivables less what it owes) against its funds plus "
                + "income less expenditure on date, with the state ok or warning when the available "
                + "pooled fund is below the risk reserve (基金预警).")
            .WithName("GetPooledFund");
        group.MapGet("/reconciliation", async (BooksReconciliation check, CancellationToken ct) => TypedResults.Ok(await check.CheckAsync(ct)))
            .WithSummary("Reconcile the books with the claims and receipts (对账)")
            .WithDescription("Checks that the ledger agrees with the claims, receipts and payments it records, "
                + "listing every disagreement.")
            .WithName("ReconcileBooks");
        return group;
    }

    private static async Task<Results<Ok<TrialBalanceResponse>, ValidationProblem>> TrialBalance(DateOnly? date, Balances balances,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Date(date, "date");
        if (!v.IsValid) return v.ToProblem();
        var at = date ?? clock.Today();
        var accounts = await balances.AtAsync(at, ct);
        var debit = accounts.Sum(a => a.Debit);
        var credit = accounts.Sum(a => a.Credit);
        return TypedResults.Ok(new TrialBalanceResponse(at, accounts, debit, credit, debit == credit));
    }

    private static async Task<Results<Ok<AccountMovementsResponse>, ValidationProblem, ProblemHttpResult>> Movements(string code,
        DateOnly? from, DateOnly? to, string? facility, CooperativeDbContext db, Balances balances, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Date(from, "from").Date(to, "to");
        if (!v.IsValid) return v.ToProblem();
        var account = ChartOfAccounts.Find(code);
        if (account is null) return Problems.NotFound("ledger_account_not_found", "会计科目不存在");
        var end = to ?? clock.Today();
        var start = from ?? new DateOnly(end.Year, 1, 1);
        var openingRow = (await balances.AtAsync(start.AddDays(-1), ct)).Single(a => a.Code == code);
        var sign = account.IsDebitNormal ? 1 : -1;
        var lines = db.JournalLines.AsNoTracking().Where(l => l.AccountCode == code && l.Date >= start && l.Date <= end);
        if (!string.IsNullOrWhiteSpace(facility)) lines = lines.Where(l => l.FacilityCode == facility);
        var rows = await lines.Join(db.JournalEntries, l => l.EntryId, e => e.Id, (l, e) => new { l.Date, e.Number, e.Description, l.Debit, l.Credit, l.FacilityCode })
            .OrderBy(r => r.Date).ThenBy(r => r.Number).Take(10_000).ToListAsync(ct);
        var running = string.IsNullOrWhiteSpace(facility) ? openingRow.Balance : 0m;
        var opening = running;
        var movements = rows.Select(r =>
        {
            running += sign * (r.Debit - r.Credit);
            return new MovementResponse(r.Date, r.Number, r.Description, r.Debit, r.Credit, running, r.FacilityCode);
        }).ToList();
        return TypedResults.Ok(new AccountMovementsResponse(code, account.Name, start, end, opening, movements, running));
    }

    private static async Task<Results<Ok<IncomeStatementResponse>, ValidationProblem>> IncomeStatement(int? year, int? month,
        CooperativeDbContext db, CancellationToken ct)
    {
        var v = new Validation().Check(year is not null, "year", "年度不能为空").FundYear(year, "year")
            .Check(month is null or (>= 1 and <= 12), "month", "月份无效");
        if (!v.IsValid) return v.ToProblem();
        return TypedResults.Ok(await FundStatements.IncomeStatementAsync(db, year!.Value, month, ct));
    }

    /// <summary>
    /// The pooled fund against the bank (统筹基金与专户核对): what the fund holds (bank plus receivables less what it
    /// owes) must equal its funds (opening pooled fund, risk reserve, household accounts) plus income less expenditure.
    /// </summary>
    private static async Task<Results<Ok<PooledFundResponse>, ValidationProblem>> PooledFund(DateOnly? date, Balances balances,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Date(date, "date");
        if (!v.IsValid) return v.ToProblem();
        var at = date ?? clock.Today();
        var b = (await balances.AtAsync(at, ct)).ToDictionary(a => a.Code);
        decimal Of(AccountType t) => b.Values.Where(a => a.Type == t).Sum(a => a.Balance);
        var bank = b[ChartOfAccounts.Bank].Balance;
        var receivables = Of(AccountType.Asset) - bank;
        var payables = Of(AccountType.Liability);
        var reserve = b[ChartOfAccounts.RiskReserve].Balance;
        var household = b[ChartOfAccounts.HouseholdAccounts].Balance;
        var pooled = b[ChartOfAccounts.PooledFund].Balance + Of(AccountType.Income) - Of(AccountType.Expense);
        var warning = pooled < reserve
            ? $"统筹基金可用余额 {pooled:0.00} 元低于风险基金 {reserve:0.00} 元：请控制基金支出，必要时动用风险基金并报告"
            : null;
        return TypedResults.Ok(new PooledFundResponse(at, bank, receivables, payables, reserve, pooled,
            bank + receivables - payables == pooled + reserve + household, warning is null ? "ok" : "warning", warning,
            b[ChartOfAccounts.ReceivableFrom(Payer.Catastrophic)].Balance,
            b[ChartOfAccounts.ReceivableFrom(Payer.Assistance)].Balance));
    }
}
