using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FoldReceiptSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // On SQLite receipt numbers were read from the last receipt of the year (2026-000123): the "receipt" yearly
            // number sequence starts after it.
            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO "number_sequences" ("Name", "Year", "Next")
                SELECT 'receipt', CAST(substr("Number", 1, 4) AS INTEGER), MAX(CAST(substr("Number", 6) AS INTEGER)) + 1
                FROM "receipts" WHERE "Number" GLOB '[0-9][0-9][0-9][0-9]-[0-9]*' GROUP BY substr("Number", 1, 4);
                """);
            migrationBuilder.DropTable(
                name: "receipt_sequences");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "receipt_sequences",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Next = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receipt_sequences", x => x.Year);
                });
            migrationBuilder.Sql("""DELETE FROM "number_sequences" WHERE "Name" = 'receipt';""");
        }
    }
}
