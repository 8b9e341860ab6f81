using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.MySql
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
                type: "varchar(100)",
                maxLength: 100,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "LineCount",
                table: "journal_entries",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestHash",
                table: "journal_entries",
                type: "varchar(64)",
                maxLength: 64,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_PostedBy_IdempotencyKey",
                table: "journal_entries",
                columns: new[] { "PostedBy", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
