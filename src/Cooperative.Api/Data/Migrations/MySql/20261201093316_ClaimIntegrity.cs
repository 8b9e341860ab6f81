using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class ClaimIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Flags",
                table: "claims",
                type: "varchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "varchar(100)",
                oldMaxLength: 100,
                oldNullable: true)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "BillKey",
                table: "claims",
                type: "varchar(180)",
                maxLength: 180,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecoveredUtc",
                table: "claims",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RecoveryAmount",
                table: "claims",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<Guid>(
                name: "RecoveryEntryId",
                table: "claims",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<string>(
                name: "RecoveryKind",
                table: "claims",
                type: "varchar(32)",
                maxLength: 32,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "claims",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // A claim waiting for documents now carries its bill's total from submission on (the duplicate rule compares it).
            migrationBuilder.Sql("UPDATE claims c SET c.Total = (SELECT COALESCE(SUM(l.Amount), 0) FROM claim_lines l WHERE l.ClaimId = c.Id) WHERE c.SettledUtc IS NULL;");
            // BillKey (the invoice number's Unicode normal form) is filled in by ClaimBillKeys at start-up: SQL has no NFKC.

            migrationBuilder.CreateIndex(
                name: "IX_claims_BillKey",
                table: "claims",
                column: "BillKey");

            migrationBuilder.CreateIndex(
                name: "IX_claims_PersonId_AdmissionDate",
                table: "claims",
                columns: new[] { "PersonId", "AdmissionDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_claims_BillKey",
                table: "claims");

            migrationBuilder.DropIndex(
                name: "IX_claims_PersonId_AdmissionDate",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "BillKey",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "RecoveredUtc",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "RecoveryAmount",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "RecoveryEntryId",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "RecoveryKind",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "claims");

            migrationBuilder.AlterColumn<string>(
                name: "Flags",
                table: "claims",
                type: "varchar(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "varchar(200)",
                oldMaxLength: 200,
                oldNullable: true)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");
        }
    }
}
