using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.MySql
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
                type: "longtext",
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "PayerRulesJson",
                table: "fund_year_policies",
                type: "longtext",
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "UsageJson",
                table: "enrollments",
                type: "varchar(2000)",
                unicode: false,
                maxLength: 2000,
                nullable: false,
                defaultValue: "{}")
                .Annotation("MySql:CharSet", "ascii");

            migrationBuilder.AlterColumn<string>(
                name: "SettlementJson",
                table: "claims",
                type: "longtext",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "varchar(4000)",
                oldMaxLength: 4000,
                oldNullable: true)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "AssistancePaid",
                table: "claims",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Benefit",
                table: "claims",
                type: "varchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "BenefitGroup",
                table: "claims",
                type: "varchar(16)",
                maxLength: 16,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "CatastrophicBase",
                table: "claims",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "CatastrophicPaid",
                table: "claims",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "ReferralFiling",
                table: "claims",
                type: "varchar(32)",
                maxLength: 32,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "disease_certifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Number = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    PersonId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    DiseaseCode = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    DiseaseName = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    GroupCode = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    FacilityCode = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    CertifiedBy = table.Column<string>(type: "varchar(128)", maxLength: 128, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    CertifiedUtc = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedBy = table.Column<string>(type: "varchar(128)", maxLength: 128, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    EndedUtc = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    EndReason = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4")
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "referral_filings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Number = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    PersonId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    DiagnosisCode = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Destination = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    DestinationKey = table.Column<string>(type: "varchar(180)", maxLength: 180, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ApprovedBy = table.Column<string>(type: "varchar(128)", maxLength: 128, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledUtc = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedBy = table.Column<string>(type: "varchar(128)", maxLength: 128, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    EndedUtc = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    EndReason = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4")
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
            migrationBuilder.Sql("UPDATE enrollments SET UsageJson = CONCAT('{', CONCAT_WS(',', " +
                "IF(InpatientPaid <> 0, CONCAT('\"inpatient\":', CAST(InpatientPaid AS CHAR)), NULL), " +
                "IF(OutpatientPaid <> 0, CONCAT('\"outpatient\":', CAST(OutpatientPaid AS CHAR)), NULL)), '}') " +
                "WHERE InpatientPaid <> 0 OR OutpatientPaid <> 0;");
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
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "OutpatientPaid",
                table: "enrollments",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AlterColumn<string>(
                name: "SettlementJson",
                table: "claims",
                type: "varchar(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "longtext",
                oldNullable: true)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");
        }
    }
}
