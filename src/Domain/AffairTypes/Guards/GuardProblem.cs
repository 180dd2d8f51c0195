namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>A fault in a guard expression found when it is loaded.</summary>
/// <param name="Position">The 0-based character position in the expression.</param>
/// <param name="Code">A stable code: <c>guard-syntax</c>, <c>guard-unknown-name</c> or <c>guard-type</c>.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record GuardProblem(int Position, string Code, string Message);
