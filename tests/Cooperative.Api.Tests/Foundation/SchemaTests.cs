using Cooperative.Api.Data;
using Cooperative.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cooperative.Api.Tests.Foundation;

public sealed class SchemaTests
{
    [Fact]
    public void The_committed_mysql_schema_script_matches_the_migrations()
    {
        using var db = MySqlDesignTimeFactory.Create();
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var committed = File.ReadAllText(Path.Combine(TestServer.RepositoryRoot, "db", "schema.mysql.sql"));

        Normalize(committed).Should().Be(Normalize(expected),
            "db/schema.mysql.sql is stale: run db/generate-schema.sh after adding a migration");
    }

    [Fact]
    public void The_mysql_migrations_cover_the_whole_model()
    {
        using var db = MySqlDesignTimeFactory.Create();

        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a MySQL migration");
    }

    [Fact]
    public void The_sqlite_migrations_cover_the_whole_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a SQLite migration");
    }

    [Fact]
    public async Task The_schema_script_applies_to_an_empty_mariadb_database_and_again_without_change()
    {
        await using var database = await MariaDbDatabase.CreateAsync();
        var script = Path.Combine(TestServer.RepositoryRoot, "db", "schema.mysql.sql");

        await MariaDbClient.RunScriptAsync(database.ConnectionString, script);
        await MariaDbClient.RunScriptAsync(database.ConnectionString, script);

        (await database.ScalarAsync<long>("SELECT COUNT(*) FROM `__EFMigrationsHistory`"))
            .Should().Be(MySqlDesignTimeFactory.Create().Database.GetMigrations().Count());
        (await database.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{database.Name}' AND table_name = 'journal_entries'"))
            .Should().Be(1);
    }

    private static string Normalize(string sql) => sql.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();
}
