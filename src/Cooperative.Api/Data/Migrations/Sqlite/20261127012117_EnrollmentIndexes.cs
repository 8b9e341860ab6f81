using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperative.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnrollmentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
