namespace SmartCityIndex.Cli.Input;

/// <summary>
/// A problem with what the user gave the command line (a missing file, a malformed matrix, an option that does not
/// fit the command), reported as one message on standard error with exit code 2, like a <see cref="Domain.DomainException"/>.
/// </summary>
internal sealed class InputException(string message) : Exception(message);
