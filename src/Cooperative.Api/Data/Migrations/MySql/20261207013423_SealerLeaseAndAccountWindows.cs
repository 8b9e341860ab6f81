using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class SealerLeaseAndAccountWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WindowRequests",
                table: "account_locks",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "WindowStartUtc",
                table: "account_locks",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_sealer_leases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Holder = table.Column<string>(type: "varchar(128)", maxLength: 128, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ExpiresUtc = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_sealer_leases", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.InsertData(
                table: "audit_sealer_leases",
                columns: new[] { "Id", "ExpiresUtc", "Holder" },
                values: new object[] { 1, new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_sealer_leases");

            migrationBuilder.DropColumn(
                name: "WindowRequests",
                table: "account_locks");

            migrationBuilder.DropColumn(
                name: "WindowStartUtc",
                table: "account_locks");
        }
    }
}
