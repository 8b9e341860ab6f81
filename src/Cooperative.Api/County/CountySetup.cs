namespace Cooperative.Api.County;

/// <summary>The synthetic county: the generator, the <c>seed-county</c> command and the demo loader.</summary>
public static class CountySetup
{
    public static IServiceCollection AddCounty(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new CountyServiceCatalog(services));
        services.AddSingleton<CountyGenerator>();
        if (!string.IsNullOrWhiteSpace(config["Demo:County"])) services.AddHostedService<DemoCountyLoader>();
        return services;
    }
}
