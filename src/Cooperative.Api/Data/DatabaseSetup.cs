using Cooperative.Api.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Design;

namespace Cooperative.Api.Data;

public enum DatabaseProvider { Sqlite, MySql }

public static class DatabaseSetup
{
    public const string ConnectionName = "Cooperative";

    /// <summary>
    /// SQLite in the user's data folder unless <c>Database:Provider=MySql</c> and a connection string
    /// <c>ConnectionStrings:Cooperative</c> select MariaDB/MySQL through Pomelo.
    /// </summary>
    public static DatabaseProvider AddCooperativeDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = config.GetConnectionString(ConnectionName);
        // Pooled contexts: a context's internal services (Pomelo's translators build theirs by reflection) are made
        // once per pooled instance, not once per request. Who acts and the clock are set on each lease.
        if (provider == DatabaseProvider.MySql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is MySql but ConnectionStrings:Cooperative is not set.");
            // Detected once here, not in the options lambda.
            var serverVersion = config["Database:ServerVersion"] is { Length: > 0 } v
                ? ServerVersion.Parse(v)
                : ServerVersion.AutoDetect(connectionString);
            services.AddPooledDbContextFactory<MySqlCooperativeDbContext>(o => o
                .UseMySql(connectionString, serverVersion, my => my.CommandTimeout(120))
                .ConfigureWarnings(HandledFailuresAreNotErrors)
                .AddInterceptors(AuditInterceptor.Instance));
            services.AddScoped<CooperativeDbContext>(Lease<MySqlCooperativeDbContext>);
        }
        else
        {
            connectionString ??= $"Data Source={DefaultSqlitePath()}";
            services.AddPooledDbContextFactory<SqliteCooperativeDbContext>(o => o
                .UseSqlite(connectionString)
                .ConfigureWarnings(HandledFailuresAreNotErrors)
                .AddInterceptors(AuditInterceptor.Instance));
            services.AddScoped<CooperativeDbContext>(Lease<SqliteCooperativeDbContext>);
        }
        return provider;
    }

    /// <summary>
    /// EF logs every failed command, save and commit as an error, also those the application handles: a conflict it
    /// retries (a deadlock, a Galera certification failure), a unique index that answers a race. Those are logged as
    /// information here; a failure nobody handles reaches the exception handler, which logs it as the error it is.
    /// </summary>
    private static void HandledFailuresAreNotErrors(WarningsConfigurationBuilder w) => w.Log(
        (RelationalEventId.CommandError, LogLevel.Information), (CoreEventId.SaveChangesFailed, LogLevel.Information),
        (RelationalEventId.TransactionError, LogLevel.Information));

    /// <summary>A context from the pool for this scope (returned when the scope ends), told who acts and the time.</summary>
    private static CooperativeDbContext Lease<TContext>(IServiceProvider services) where TContext : CooperativeDbContext
    {
        var context = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.Actor = services.GetRequiredService<ICurrentActor>();
        context.Clock = services.GetRequiredService<TimeProvider>();
        return context;
    }

    public const string MigrationsConnectionName = "CooperativeMigrations";

    /// <summary>
    /// A context on <c>ConnectionStrings:CooperativeMigrations</c> (an account with DDL rights: migrations and the
    /// guard triggers), or null when none is configured and the application's own account does both.
    /// </summary>
    public static CooperativeDbContext? MigrationsContext(IConfiguration config)
    {
        var connectionString = config.GetConnectionString(MigrationsConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString) || config.GetValue("Database:Provider", DatabaseProvider.Sqlite) != DatabaseProvider.MySql)
            return null;
        var serverVersion = config["Database:ServerVersion"] is { Length: > 0 } v ? ServerVersion.Parse(v) : ServerVersion.AutoDetect(connectionString);
        return new MySqlCooperativeDbContext(new DbContextOptionsBuilder<MySqlCooperativeDbContext>()
            .UseMySql(connectionString, serverVersion, my => my.CommandTimeout(600)).Options);
    }

    private static string DefaultSqlitePath()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
            Environment.SpecialFolderOption.Create), "Cooperative");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "cooperative.db");
    }
}

/// <summary>Lets <c>dotnet ef</c> build each provider's context without a running server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCooperativeDbContext>
{
    public SqliteCooperativeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCooperativeDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlCooperativeDbContext>
{
    /// <summary>The server version the committed schema script is generated for (CI runs MariaDB 10.11).</summary>
    public static readonly ServerVersion ScriptServerVersion = new MariaDbServerVersion(new Version(10, 11, 0));

    public MySqlCooperativeDbContext CreateDbContext(string[] args) => Create();

    public static MySqlCooperativeDbContext Create() =>
        new(new DbContextOptionsBuilder<MySqlCooperativeDbContext>()
            .UseMySql("Server=localhost;Database=cooperative", ScriptServerVersion).Options);
}
