using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
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
                    Account = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFailureUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_locks", x => x.Account);
                });

            // Locks in force, and wrong-password counts, carried over from the staff accounts' own columns.
            migrationBuilder.Sql("INSERT INTO account_locks (Account, FailedAttempts, LockedUntilUtc) SELECT 'staff:' || UserName, FailedSignIns, LockedUntilUtc " +
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntilUtc",
                table: "staff_users",
                type: "TEXT",
                nullable: true);
        }
    }
}
