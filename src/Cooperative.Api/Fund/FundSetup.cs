using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;

namespace Cooperative.Api.Fund;

public static class FundSetup
{
    public static IServiceCollection AddFund(this IServiceCollection services)
    {
        services.AddSingleton<SequenceAllocator>();
        services.AddScoped<FundLedger>();
        services.AddScoped<Balances>();
        services.AddScoped<PeriodClosing>();
        services.AddScoped<FacilitySettlement>();
        services.AddScoped<ManualPostings>();
        services.AddScoped<FundYearIncome>();
        services.AddScoped<AdvanceIncomeCarryOver>();
        services.AddScoped<BooksReconciliation>();
        services.AddHostedService<BooksReconciliationService>();
        services.AddHostedService<FundYearService>();
        services.AddScoped<LedgerInvariant>();
        services.AddScoped<IReferenceDataSeeder, ChartOfAccountsSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapFund(this IEndpointRouteBuilder routes)
    {
        routes.MapLedgerApi();
        routes.MapLedgerReports();
        routes.MapPeriodsApi();
        routes.MapFacilitySettlementApi();
        routes.MapAuditExportApi();
        return routes;
    }
}
