using Cooperative.Api.Data;

namespace Cooperative.Api.Claims;

public static class ClaimsSetup
{
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddScoped<ClaimParties>();
        services.AddScoped<ClaimSettler>();
        services.AddScoped<ClaimPayment>();
        services.AddScoped<ClaimWorkflow>();
        services.AddScoped<IReferenceDataSeeder, ClaimBillKeys>();
        services.AddScoped<ClaimSubmission>();
        services.AddScoped<ClaimSubmissionHandler>();
        return services;
    }
}
