using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class AccountLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_locks",
                columns: table => new
                {
                    Account = table.Column<string>(type: "varchar(160)", maxLength: 160, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    FailedAttempts = table.Column<int>(type: "int", nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    LastFailureUtc = table.Column<DateTime>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_locks", x => x.Account);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            // Locks in force, and wrong-password counts, carried over from the staff accounts' own columns.
            migrationBuilder.Sql("INSERT INTO account_locks (Account, FailedAttempts, LockedUntilUtc) SELECT CONCAT('staff:', `UserName`), FailedSignIns, LockedUntilUtc " +
                "FROM staff_users WHERE FailedSignIns > 0 OR LockedUntilUtc IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "LockedUntilUtc",
                table: "staff_users");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_locks");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "staff_users",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntilUtc",
                table: "staff_users",
                type: "datetime(6)",
                nullable: true);
        }
    }
}
