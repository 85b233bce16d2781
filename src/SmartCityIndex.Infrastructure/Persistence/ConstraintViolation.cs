using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace SmartCityIndex.Infrastructure.Persistence;

/// <summary>Reads the provider's error for a refused save and says in words which rule was broken.</summary>
internal static partial class ConstraintViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;
    private const int SqliteForeignKey = 787;

    [GeneratedRegex(@"UNIQUE constraint failed: (?<columns>[^']+)")]
    private static partial Regex SqliteUniqueColumns();

    public static string? Describe(DbUpdateException exception, IModel model) => exception.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg =>
            DescribeUnique(exception, FindIndex(model, pg.TableName, index => index.GetDatabaseName() == pg.ConstraintName)),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } pg => DescribeForeignKey(pg.TableName),
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } sqlite =>
            DescribeUnique(exception, FindSqliteIndex(model, sqlite.Message)),
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteForeignKey } => DescribeForeignKey(null),
        _ => null,
    };

    private static IIndex? FindSqliteIndex(IModel model, string message)
    {
        // "UNIQUE constraint failed: Cities.Code" or "... Submissions.CityId, Submissions.ReportingPeriodId"
        var match = SqliteUniqueColumns().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var parts = match.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('.', 2))
            .Where(p => p.Length == 2)
            .ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var columns = parts.Select(p => p[1]).ToList();
        return FindIndex(model, parts[0][0], index => index.Properties.Select(p => p.GetColumnName()).SequenceEqual(columns));
    }

    private static IIndex? FindIndex(IModel model, string? table, Func<IIndex, bool> predicate) =>
        model.GetEntityTypes()
            .Where(e => table is null || e.GetTableName() == table)
            .SelectMany(e => e.GetIndexes())
            .FirstOrDefault(i => i.IsUnique && predicate(i));

    private static string DescribeUnique(DbUpdateException exception, IIndex? index)
    {
        if (index is null)
        {
            return "The change was refused because it would duplicate a value that must be unique.";
        }

        var entityType = index.DeclaringEntityType;
        var names = string.Join(" and ", index.Properties.Select(p => p.Name));
        var entry = exception.Entries.FirstOrDefault(e => e.Metadata == entityType || e.Metadata.ClrType == entityType.ClrType);
        var values = entry is null
            ? string.Empty
            : " " + string.Join(", ", index.Properties.Select(p => $"'{entry.CurrentValues[p.Name]}'"));
        return $"Another {Humanise(entityType)} already has this {names}{values}: {names} must be unique.";
    }

    private static string DescribeForeignKey(string? table) =>
        table is null
            ? "The change was refused because it refers to a record that does not exist (or removes one that others refer to)."
            : $"The change to {table} was refused because it refers to a record that does not exist (or removes one that others refer to).";

    private static string Humanise(IReadOnlyTypeBase entityType) =>
        Regex.Replace(entityType.ClrType.Name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
}
