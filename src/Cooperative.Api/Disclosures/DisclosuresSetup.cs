namespace Cooperative.Api.Disclosures;

public static class DisclosuresSetup
{
    public static IServiceCollection AddDisclosures(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<DisclosureSource>();
        services.AddScoped<DisclosureWorkflow>();
        return services;
    }
}
