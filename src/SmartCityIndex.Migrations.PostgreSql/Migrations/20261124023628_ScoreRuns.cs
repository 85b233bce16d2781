using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmartCityIndex.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ScoreRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScoreRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportingPeriodId = table.Column<int>(type: "integer", nullable: false),
                    FrameworkId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EngineVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Settings = table.Column<string>(type: "text", nullable: false),
                    Structure = table.Column<string>(type: "text", nullable: false),
                    InputsHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MissingCities = table.Column<string>(type: "text", nullable: false),
                    MissingCount = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DurationMs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreRuns_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreRuns_ReportingPeriods_ReportingPeriodId",
                        column: x => x.ReportingPeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreRunCities",
                columns: table => new
                {
                    ScoreRunId = table.Column<int>(type: "integer", nullable: false),
                    CityId = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Coverage = table.Column<double>(type: "double precision", nullable: false),
                    RankLow = table.Column<double>(type: "double precision", nullable: false),
                    RankHigh = table.Column<double>(type: "double precision", nullable: false),
                    MeanRank = table.Column<double>(type: "double precision", nullable: false),
                    NodeScores = table.Column<byte[]>(type: "bytea", nullable: false),
                    NodeRanks = table.Column<byte[]>(type: "bytea", nullable: false),
                    Contributions = table.Column<byte[]>(type: "bytea", nullable: false),
                    RawValues = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreRunCities", x => new { x.ScoreRunId, x.CityId });
                    table.ForeignKey(
                        name: "FK_ScoreRunCities_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreRunCities_ScoreRuns_ScoreRunId",
                        column: x => x.ScoreRunId,
                        principalTable: "ScoreRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRunCities_CityId",
                table: "ScoreRunCities",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRuns_FrameworkId",
                table: "ScoreRuns",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRuns_ReportingPeriodId_CreatedAt",
                table: "ScoreRuns",
                columns: new[] { "ReportingPeriodId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScoreRunCities");

            migrationBuilder.DropTable(
                name: "ScoreRuns");
        }
    }
}
