using Cooperative.Api.Data;

namespace Cooperative.Api.Fund;

public static class FundSetup
{
    public static IServiceCollection AddFund(this IServiceCollection services)
    {
        services.AddSingleton<JournalNumberAllocator>();
        services.AddScoped<FundLedger>();
        services.AddScoped<IReferenceDataSeeder, ChartOfAccountsSeeder>();
        return services;
    }
}
