using Cooperative.Api.Audit;

namespace Cooperative.Api.County;

/// <summary>The app's service registrations, kept so that the generator can build its own provider from them.</summary>
internal sealed class CountyServiceCatalog(IServiceCollection services)
{
    /// <summary>
    /// The app's own services (the same importer, enrolment, claim submission, settlement, ledger and audit
    /// interceptor) with two differences: the clock is the generator's <see cref="CountyClock"/> and the actor
    /// is a <see cref="CountyActor"/>. Hosted services are left out: the app's sealer keeps sealing.
    /// </summary>
    public ServiceProvider BuildFor(CountyClock clock)
    {
        var copy = new ServiceCollection();
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(TimeProvider) || descriptor.ServiceType == typeof(ICurrentActor)
                || descriptor.ServiceType == typeof(IHostedService) || descriptor.ServiceType == typeof(CountyServiceCatalog))
                continue;
            ((ICollection<ServiceDescriptor>)copy).Add(descriptor);
        }
        copy.AddSingleton<TimeProvider>(clock);
        copy.AddScoped<CountyActor>();
        copy.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CountyActor>());
        return copy.BuildServiceProvider();
    }
}
