using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Policy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalogue_items",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SelfPayShare = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_items", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "fund_year_policies",
                columns: table => new
                {
                    FundYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IndividualContribution = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SubsidyCentral = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SubsidyProvince = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SubsidyCounty = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    RiskReserveShare = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    ClaimDeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    InpatientAnnualCap = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NoReferralReduction = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    InpatientRulesJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    OutpatientRulesJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_year_policies", x => new { x.FundYear, x.Version });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalogue_items");

            migrationBuilder.DropTable(
                name: "fund_year_policies");
        }
    }
}
