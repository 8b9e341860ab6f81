using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class FoldReceiptSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Receipt numbers continue where their own counter stopped, now as the "receipt" yearly number sequence.
            migrationBuilder.Sql("""
                INSERT INTO `number_sequences` (`Name`, `Year`, `Next`)
                SELECT 'receipt', `Year`, `Next` FROM `receipt_sequences`
                ON DUPLICATE KEY UPDATE `Next` = GREATEST(`number_sequences`.`Next`, VALUES(`Next`));
                """);
            migrationBuilder.DropTable(
                name: "receipt_sequences");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "receipt_sequences",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    Next = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receipt_sequences", x => x.Year);
                })
                .Annotation("MySql:CharSet", "utf8mb4");
            migrationBuilder.Sql("""
                INSERT INTO `receipt_sequences` (`Year`, `Next`) SELECT `Year`, `Next` FROM `number_sequences` WHERE `Name` = 'receipt';
                DELETE FROM `number_sequences` WHERE `Name` = 'receipt';
                """);
        }
    }
}
