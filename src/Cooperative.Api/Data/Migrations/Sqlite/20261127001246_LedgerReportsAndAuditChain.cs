using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerReportsAndAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit_records",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "audit_records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_chain_heads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_heads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "period_balances",
                columns: table => new
                {
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Debit = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    Credit = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_balances", x => new { x.Period, x.AccountCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_records_Seq",
                table: "audit_records",
                column: "Seq",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_chain_heads");

            migrationBuilder.DropTable(
                name: "period_balances");

            migrationBuilder.DropIndex(
                name: "IX_audit_records_Seq",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "audit_records");
        }
    }
}
