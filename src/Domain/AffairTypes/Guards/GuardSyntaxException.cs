namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>A guard expression that does not parse; carries the 0-based position of the fault.</summary>
internal sealed class GuardSyntaxException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}
