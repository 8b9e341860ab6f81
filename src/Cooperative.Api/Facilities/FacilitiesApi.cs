using Cooperative.Api.Data;

namespace Cooperative.Api.Facilities;

/// <summary>Designated facilities (定点医疗机构): register, admission, letters, supervision, clients, exports.</summary>
public static class FacilitiesApi
{
    public static IServiceCollection AddFacilities(this IServiceCollection services)
    {
        services.AddScoped<IReferenceDataSeeder, FacilitySeeder>();
        services.AddScoped<FacilityEligibility>();
        services.AddScoped<Supervision>();
        return services;
    }

    public static IEndpointRouteBuilder MapFacilitiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/facilities").WithTags("Facilities");
        group.MapFacilityRegister();
        group.MapFacilityAdministration();
        group.MapAdmission();
        group.MapDuties();
        group.MapContracts();
        group.MapInspections();
        group.MapCompliance();
        group.MapFacilityExports();
        group.MapFacilityClients();
        group.MapEligibility();
        routes.MapPublicFacilities();
        return routes;
    }
}
