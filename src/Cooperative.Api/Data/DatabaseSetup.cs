using Cooperative.Api.Audit;
using Microsoft.EntityFrameworkCore;
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
        services.AddScoped<AuditInterceptor>();
        if (provider == DatabaseProvider.MySql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is MySql but ConnectionStrings:Cooperative is not set.");
            // Detected once here, not in the options lambda, which runs for every context.
            var serverVersion = config["Database:ServerVersion"] is { Length: > 0 } v
                ? ServerVersion.Parse(v)
                : ServerVersion.AutoDetect(connectionString);
            services.AddDbContext<CooperativeDbContext, MySqlCooperativeDbContext>((sp, o) => o
                .UseMySql(connectionString, serverVersion, my => my.CommandTimeout(120))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        }
        else
        {
            connectionString ??= $"Data Source={DefaultSqlitePath()}";
            services.AddDbContext<CooperativeDbContext, SqliteCooperativeDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        }
        return provider;
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
