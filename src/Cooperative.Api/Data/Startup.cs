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

        if (app.Environment.IsProduction() && app.Services.GetRequiredService<Audit.AuditKeys>().CurrentId is null)
            throw new InvalidOperationException(
                "No audit key is configured (Audit:Keys:{id}, Audit:KeyId): the audit trail would be unkeyed and rewritable by whoever " +
                "holds the database. Configure a key of at least 32 random bytes (base64) outside the database.");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        // Schema changes and the guard triggers need DDL rights: a migrations account of their own where one is
        // configured; the application's account then needs (and should have) data rights only.
        await using (var migrator = DatabaseSetup.MigrationsContext(app.Configuration))
        {
            var schema = migrator ?? db;
            if (app.Configuration.GetValue("Database:MigrateOnStart", true))
                await schema.Database.MigrateAsync();
            await Fund.ImmutableTables.EnsureTriggersAsync(schema, CancellationToken.None);
            // Read back by the account that may see trigger bodies (a data-rights account may not).
            await Fund.ImmutableTables.VerifyAsync(schema, CancellationToken.None);
        }
        foreach (var seeder in scope.ServiceProvider.GetServices<IReferenceDataSeeder>())
            await seeder.SeedAsync(db, CancellationToken.None);
        if (demo.Any) await demo.SeedAsync(scope.ServiceProvider);
        if (!AuthSetup.HasExternalAuthority(app.Configuration))
            await ConsoleClient.RegisterAsync(scope.ServiceProvider, CancellationToken.None);
    }
}

/// <summary>Reference data a feature needs in every database (idempotent: it adds only what is missing).</summary>
public interface IReferenceDataSeeder
{
    Task SeedAsync(CooperativeDbContext db, CancellationToken ct);
}
