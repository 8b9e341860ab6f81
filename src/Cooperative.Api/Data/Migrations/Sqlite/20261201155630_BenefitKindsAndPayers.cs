using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BenefitKindsAndPayers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<string>(
                name: "BenefitRulesJson",
                table: "fund_year_policies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayerRulesJson",
                table: "fund_year_policies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UsageJson",
                table: "enrollments",
                type: "TEXT",
                unicode: false,
                maxLength: 2000,
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<decimal>(
                name: "AssistancePaid",
                table: "claims",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Benefit",
                table: "claims",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BenefitGroup",
                table: "claims",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CatastrophicBase",
                table: "claims",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "CatastrophicPaid",
                table: "claims",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "ReferralFiling",
                table: "claims",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disease_certifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DiseaseCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DiseaseName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GroupCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FacilityCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CertifiedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CertifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disease_certifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disease_certifications_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referral_filings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DiagnosisCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DestinationKey = table.Column<string>(type: "TEXT", maxLength: 180, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_filings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_filings_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disease_certifications_Number",
                table: "disease_certifications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disease_certifications_PersonId",
                table: "disease_certifications",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_referral_filings_Number",
                table: "referral_filings",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referral_filings_PersonId",
                table: "referral_filings",
                column: "PersonId");

            // What was used moves from the two columns into the usage document; every claim so far was of its visit's general kind.
            migrationBuilder.Sql("UPDATE enrollments SET UsageJson = '{' || " +
                "CASE WHEN CAST(InpatientPaid AS REAL) <> 0 AND CAST(OutpatientPaid AS REAL) <> 0 THEN '\"inpatient\":' || InpatientPaid || ',\"outpatient\":' || OutpatientPaid " +
                "WHEN CAST(InpatientPaid AS REAL) <> 0 THEN '\"inpatient\":' || InpatientPaid ELSE '\"outpatient\":' || OutpatientPaid END || '}' " +
                "WHERE CAST(InpatientPaid AS REAL) <> 0 OR CAST(OutpatientPaid AS REAL) <> 0;");
            migrationBuilder.Sql("UPDATE claims SET Benefit = VisitType;");

            migrationBuilder.DropColumn(
                name: "InpatientPaid",
                table: "enrollments");

            migrationBuilder.DropColumn(
                name: "OutpatientPaid",
                table: "enrollments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disease_certifications");

            migrationBuilder.DropTable(
                name: "referral_filings");

            migrationBuilder.DropColumn(
                name: "BenefitRulesJson",
                table: "fund_year_policies");

            migrationBuilder.DropColumn(
                name: "PayerRulesJson",
                table: "fund_year_policies");

            migrationBuilder.DropColumn(
                name: "UsageJson",
                table: "enrollments");

            migrationBuilder.DropColumn(
                name: "AssistancePaid",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "Benefit",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "BenefitGroup",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "CatastrophicBase",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "CatastrophicPaid",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "ReferralFiling",
                table: "claims");

            migrationBuilder.AddColumn<decimal>(
                name: "InpatientPaid",
                table: "enrollments",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "OutpatientPaid",
                table: "enrollments",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);
        }
    }
}
