namespace Cooperative.Api.Claims;

public static class ClaimsSetup
{
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddScoped<ClaimParties>();
        services.AddScoped<ClaimSettler>();
        services.AddScoped<ClaimPayment>();
        services.AddScoped<ClaimSubmission>();
        services.AddScoped<ClaimSubmissionHandler>();
        return services;
    }
}
