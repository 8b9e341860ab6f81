using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BillKey",
                table: "claims",
                type: "TEXT",
                maxLength: 180,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecoveredUtc",
                table: "claims",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RecoveryAmount",
                table: "claims",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<Guid>(
                name: "RecoveryEntryId",
                table: "claims",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecoveryKind",
                table: "claims",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "claims",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // A claim waiting for documents now carries its bill's total from submission on (the duplicate rule compares it).
            migrationBuilder.Sql("UPDATE claims SET Total = (SELECT printf('%.2f', COALESCE(SUM(CAST(Amount AS REAL)), 0)) FROM claim_lines WHERE ClaimId = claims.Id) WHERE SettledUtc IS NULL;");
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
        }
    }
}
