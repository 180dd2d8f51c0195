namespace Affairs.Workflows.AffairTypes;

/// <summary>Why a trigger may not be fired.</summary>
/// <param name="Code">One of <see cref="RefusalCodes"/>.</param>
/// <param name="Message">The reason in words, free of personal data.</param>
public sealed record TriggerRefusal(string Code, string Message);
