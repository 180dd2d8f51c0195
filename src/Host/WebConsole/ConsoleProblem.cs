namespace Affairs.Host.WebConsole;

/// <summary>A refusal as a page shows it: the engine's stable code, its sentence, and the field errors.</summary>
/// <param name="Code">The code, as in the API's problem.</param>
/// <param name="Message">What was refused and why.</param>
/// <param name="Errors">Field errors by field name.</param>
public sealed record ConsoleProblem(string Code, string Message, IReadOnlyDictionary<string, string[]> Errors);
