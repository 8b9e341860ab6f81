using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FundBooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "journal_entries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LineCount",
                table: "journal_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestHash",
                table: "journal_entries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_PostedBy_IdempotencyKey",
                table: "journal_entries",
                columns: new[] { "PostedBy", "IdempotencyKey" },
                unique: true);

            // No line may be added to an entry already posted: an entry records how many lines it was posted with.
            migrationBuilder.Sql("CREATE TRIGGER \"journal_lines_no_insert_into_posted\" BEFORE INSERT ON \"journal_lines\" " +
                "WHEN COALESCE((SELECT \"LineCount\" FROM \"journal_entries\" WHERE \"Id\" = NEW.\"EntryId\"), 0) " +
                "<= (SELECT COUNT(*) FROM \"journal_lines\" WHERE \"EntryId\" = NEW.\"EntryId\") " +
                "BEGIN SELECT RAISE(ABORT, 'lines cannot be added to a posted entry'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"journal_lines_no_insert_into_posted\";");
            migrationBuilder.DropIndex(
                name: "IX_journal_entries_PostedBy_IdempotencyKey",
                table: "journal_entries");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "journal_entries");

            migrationBuilder.DropColumn(
                name: "LineCount",
                table: "journal_entries");

            migrationBuilder.DropColumn(
                name: "RequestHash",
                table: "journal_entries");
        }
    }
}
