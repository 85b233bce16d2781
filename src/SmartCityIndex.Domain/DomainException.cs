namespace SmartCityIndex.Domain;

/// <summary>
/// Thrown when an operation would break a rule of the index model, for example a negative weight or a change to a
/// published framework. The message is written for the person who asked for the change.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
