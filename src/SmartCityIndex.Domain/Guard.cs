using System.Text.RegularExpressions;

namespace SmartCityIndex.Domain;

/// <summary>Shared checks for the invariants that several entities enforce.</summary>
internal static partial class Guard
{
    /// <summary>Codes are 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")]
    private static partial Regex CodePattern();

    public static string Code(string? code, string what)
    {
        var trimmed = code?.Trim() ?? string.Empty;
        if (!CodePattern().IsMatch(trimmed))
        {
            throw new DomainException(
                $"{what} code '{code}' is not valid: use 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit.");
        }

        return trimmed;
    }

    public static string Text(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException($"{what} is required.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} is longer than {maxLength} characters.");
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} is longer than {maxLength} characters.");
        }

        return trimmed;
    }

    public static double Weight(double weight, string what)
    {
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new DomainException($"The weight of {what} must be a number greater than 0 (got {weight}).");
        }

        return weight;
    }

    public static DateTime Utc(DateTime value, string what) =>
        value.Kind == DateTimeKind.Utc ? value : throw new DomainException($"{what} must be a UTC time.");
}
