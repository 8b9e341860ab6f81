namespace Cooperative.Api.Enrollment;

/// <summary>The enrolment feature: households and persons, enrolment and receipts, coverage, import, statistics.</summary>
public static class EnrollmentSetup
{
    public static IServiceCollection AddEnrollment(this IServiceCollection services) =>
        services.AddScoped<HouseholdEnrolment>()
            .AddScoped<RegisterImport>();

    public static IEndpointRouteBuilder MapEnrollment(this IEndpointRouteBuilder routes)
    {
        routes.MapHouseholdApi();
        routes.MapPersonApi();
        routes.MapReceiptApi();
        routes.MapCoverageApi();
        routes.MapImportApi();
        routes.MapStatisticsApi();
        Benefits.BenefitRegistersApi.MapBenefitRegistersApi(routes);
        Benefits.PayerStatementsApi.MapPayerStatementsApi(routes);
        return routes;
    }
}
