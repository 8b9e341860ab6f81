using Cooperative.Api.Data;

namespace Cooperative.Api.Fund;

public static class FundSetup
{
    public static IServiceCollection AddFund(this IServiceCollection services)
    {
        services.AddSingleton<JournalNumberAllocator>();
        services.AddScoped<FundLedger>();
        services.AddScoped<Balances>();
        services.AddScoped<PeriodClosing>();
        services.AddScoped<FacilitySettlement>();
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
