using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Disclosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monthly_disclosures",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InpatientClaimIds = table.Column<string>(type: "TEXT", nullable: false),
                    InpatientRows = table.Column<int>(type: "INTEGER", nullable: false),
                    OutpatientVisits = table.Column<int>(type: "INTEGER", nullable: false),
                    FundPaid = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PreparedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ReviewedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monthly_disclosures", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "published_disclosures",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InpatientClaimIds = table.Column<string>(type: "TEXT", nullable: false),
                    InpatientRows = table.Column<int>(type: "INTEGER", nullable: false),
                    FundPaid = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_disclosures", x => x.Month);
                });

            migrationBuilder.CreateIndex(
                name: "IX_claims_SettledUtc",
                table: "claims",
                column: "SettledUtc");

            // A published month is never changed or deleted, whoever tries (MariaDB: Fund/ImmutableTables.cs).
            migrationBuilder.Sql("CREATE TRIGGER \"published_disclosures_no_update\" BEFORE UPDATE ON \"published_disclosures\" BEGIN SELECT RAISE(ABORT, 'posted rows are immutable'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"published_disclosures_no_delete\" BEFORE DELETE ON \"published_disclosures\" BEGIN SELECT RAISE(ABORT, 'posted rows are immutable'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monthly_disclosures");

            migrationBuilder.DropTable(
                name: "published_disclosures");

            migrationBuilder.DropIndex(
                name: "IX_claims_SettledUtc",
                table: "claims");
        }
    }
}
