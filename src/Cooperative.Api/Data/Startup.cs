using Cooperative.Api.Auth;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Data;

/// <summary>Brings the database to the current migration and seeds reference data, at start-up.</summary>
public static class Startup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var demo = DemoAccounts.From(app.Configuration);
        if (app.Environment.IsProduction() && demo.Any)
            throw new InvalidOperationException(
                "Demo accounts are configured but the environment is Production. Remove the 'Demo' section; " +
                "create the first administrator with the create-admin command.");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
            await db.Database.MigrateAsync();
        await Fund.ImmutableTables.EnsureTriggersAsync(db, CancellationToken.None);
        foreach (var seeder in scope.ServiceProvider.GetServices<IReferenceDataSeeder>())
            await seeder.SeedAsync(db, CancellationToken.None);
        if (demo.Any) await demo.SeedAsync(scope.ServiceProvider);
    }
}

/// <summary>Reference data a feature needs in every database (idempotent: it adds only what is missing).</summary>
public interface IReferenceDataSeeder
{
    Task SeedAsync(CooperativeDbContext db, CancellationToken ct);
}
