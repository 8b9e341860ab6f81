using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Facilities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "facilities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Ownership = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TownshipCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BankAccount = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_facilities", x => x.Code);
                    table.ForeignKey(
                        name: "FK_facilities_townships_TownshipCode",
                        column: x => x.TownshipCode,
                        principalTable: "townships",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_facilities_villages_VillageCode",
                        column: x => x.VillageCode,
                        principalTable: "villages",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "responsibility_duties",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_responsibility_duties", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "facility_admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LicensedDoctors = table.Column<int>(type: "INTEGER", nullable: false),
                    LicenceValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HasInformationSystem = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishesPrices = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoSeriousViolations = table.Column<bool>(type: "INTEGER", nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    Admitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_facility_admissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_facility_admissions_facilities_FacilityCode",
                        column: x => x.FacilityCode,
                        principalTable: "facilities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "facility_contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BureauSignatory = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FacilitySignatory = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Duties = table.Column<string>(type: "TEXT", nullable: false),
                    TerminatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_facility_contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_facility_contracts_facilities_FacilityCode",
                        column: x => x.FacilityCode,
                        principalTable: "facilities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "facility_status_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_facility_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_facility_status_changes_facilities_FacilityCode",
                        column: x => x.FacilityCode,
                        principalTable: "facilities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "facility_inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Inspectors = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_facility_inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_facility_inspections_facilities_FacilityCode",
                        column: x => x.FacilityCode,
                        principalTable: "facilities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_facility_inspections_facility_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "facility_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DutyNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Warning = table.Column<bool>(type: "INTEGER", nullable: false),
                    Penalty = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Suspends = table.Column<bool>(type: "INTEGER", nullable: false),
                    PenaltyEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_findings_facility_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "facility_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inspection_findings_facility_inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "facility_inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_facilities_LicenceNumber",
                table: "facilities",
                column: "LicenceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_facilities_Status_Level",
                table: "facilities",
                columns: new[] { "Status", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_facilities_TownshipCode",
                table: "facilities",
                column: "TownshipCode");

            migrationBuilder.CreateIndex(
                name: "IX_facilities_VillageCode",
                table: "facilities",
                column: "VillageCode");

            migrationBuilder.CreateIndex(
                name: "IX_facility_admissions_FacilityCode_DecidedOn",
                table: "facility_admissions",
                columns: new[] { "FacilityCode", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_facility_contracts_FacilityCode_TermStart",
                table: "facility_contracts",
                columns: new[] { "FacilityCode", "TermStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_facility_contracts_Number",
                table: "facility_contracts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_facility_inspections_ContractId",
                table: "facility_inspections",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_facility_inspections_FacilityCode_InspectedOn",
                table: "facility_inspections",
                columns: new[] { "FacilityCode", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_facility_status_changes_FacilityCode_AtUtc",
                table: "facility_status_changes",
                columns: new[] { "FacilityCode", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_ContractId",
                table: "inspection_findings",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_FacilityCode_ContractId",
                table: "inspection_findings",
                columns: new[] { "FacilityCode", "ContractId" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_InspectionId",
                table: "inspection_findings",
                column: "InspectionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "facility_admissions");

            migrationBuilder.DropTable(
                name: "facility_status_changes");

            migrationBuilder.DropTable(
                name: "inspection_findings");

            migrationBuilder.DropTable(
                name: "responsibility_duties");

            migrationBuilder.DropTable(
                name: "facility_inspections");

            migrationBuilder.DropTable(
                name: "facility_contracts");

            migrationBuilder.DropTable(
                name: "facilities");
        }
    }
}
