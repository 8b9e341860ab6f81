using Cooperative.Api.Data;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Geography;

public static class GeographySetup
{
    /// <summary>
    /// The county (<c>County:*</c>, checked before anything reads it), its seed files, its townships and villages.
    /// </summary>
    public static IServiceCollection AddGeography(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CountyOptions>().Bind(config.GetSection(CountyOptions.Section))
            .PostConfigure<IHostEnvironment>((county, env) =>
            {
                if (county.Bureau.Length == 0) county.Bureau = $"{county.Name}卫生局";
                if (county.Office.Length == 0) county.Office = $"{county.Name}新型农村合作医疗管理办公室";
                if (county.SeedFolder.Length > 0)
                    county.SeedFolder = Path.Combine(env.ContentRootPath, county.SeedFolder);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CountyOptions>, CountyOptionsValidation>();
        services.AddSingleton<SeedFiles>();
        services.AddScoped<IReferenceDataSeeder, GeographySeeder>();
        return services;
    }
}
