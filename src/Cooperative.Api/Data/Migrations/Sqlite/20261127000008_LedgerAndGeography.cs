using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerAndGeography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReversesEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectsPeriod = table.Column<int>(type: "INTEGER", nullable: true),
                    PostedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_journal_entries_journal_entries_ReversesEntryId",
                        column: x => x.ReversesEntryId,
                        principalTable: "journal_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journal_sequences",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Next = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_sequences", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "ledger_accounts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_accounts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ledger_periods",
                columns: table => new
                {
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    IsClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_periods", x => x.Period);
                });

            migrationBuilder.CreateTable(
                name: "townships",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RuralPopulation = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_townships", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "journal_lines",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Debit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Credit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    FacilityCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_lines", x => new { x.EntryId, x.LineNo });
                    table.ForeignKey(
                        name: "FK_journal_lines_journal_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "journal_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_journal_lines_ledger_accounts_AccountCode",
                        column: x => x.AccountCode,
                        principalTable: "ledger_accounts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "villages",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TownshipCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_villages", x => x.Code);
                    table.ForeignKey(
                        name: "FK_villages_townships_TownshipCode",
                        column: x => x.TownshipCode,
                        principalTable: "townships",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_Number",
                table: "journal_entries",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_Period_Date",
                table: "journal_entries",
                columns: new[] { "Period", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_ReversesEntryId",
                table: "journal_entries",
                column: "ReversesEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_SourceType_SourceId",
                table: "journal_entries",
                columns: new[] { "SourceType", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_lines_AccountCode_Date_Debit_Credit",
                table: "journal_lines",
                columns: new[] { "AccountCode", "Date", "Debit", "Credit" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_lines_FacilityCode_Period",
                table: "journal_lines",
                columns: new[] { "FacilityCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_villages_TownshipCode_Name",
                table: "villages",
                columns: new[] { "TownshipCode", "Name" },
                unique: true);

            // Posted journal rows are immutable in the database too (MariaDB/MySQL: see Fund/ImmutableTables).
            migrationBuilder.Sql("CREATE TRIGGER \"journal_entries_no_update\" BEFORE UPDATE ON \"journal_entries\" BEGIN SELECT RAISE(ABORT, 'posted journal rows are immutable'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"journal_entries_no_delete\" BEFORE DELETE ON \"journal_entries\" BEGIN SELECT RAISE(ABORT, 'posted journal rows are immutable'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"journal_lines_no_update\" BEFORE UPDATE ON \"journal_lines\" BEGIN SELECT RAISE(ABORT, 'posted journal rows are immutable'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"journal_lines_no_delete\" BEFORE DELETE ON \"journal_lines\" BEGIN SELECT RAISE(ABORT, 'posted journal rows are immutable'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"journal_entries_no_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"journal_entries_no_delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"journal_lines_no_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"journal_lines_no_delete\";");

            migrationBuilder.DropTable(
                name: "journal_lines");

            migrationBuilder.DropTable(
                name: "journal_sequences");

            migrationBuilder.DropTable(
                name: "ledger_periods");

            migrationBuilder.DropTable(
                name: "villages");

            migrationBuilder.DropTable(
                name: "journal_entries");

            migrationBuilder.DropTable(
                name: "ledger_accounts");

            migrationBuilder.DropTable(
                name: "townships");
        }
    }
}
