namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>
/// Comparison operators as sets of orderings (less, equal, greater), which makes negation, mirroring and the
/// "can both hold" question simple bit operations.
/// </summary>
internal static class CompareOperators
{
    public const int Less = 1;
    public const int Equal = 2;
    public const int Greater = 4;

    public static int Orderings(GuardTokenKind op) => op switch
    {
        GuardTokenKind.Less => Less,
        GuardTokenKind.LessOrEqual => Less | Equal,
        GuardTokenKind.Equal => Equal,
        GuardTokenKind.NotEqual => Less | Greater,
        GuardTokenKind.GreaterOrEqual => Equal | Greater,
        GuardTokenKind.Greater => Greater,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>The same relation with the operands swapped: <c>a &lt; b</c> is <c>b &gt; a</c>.</summary>
    public static int Mirror(int orderings) =>
        (orderings & Equal) | ((orderings & Less) != 0 ? Greater : 0) | ((orderings & Greater) != 0 ? Less : 0);

    public static bool IsComparison(GuardTokenKind kind) => kind is GuardTokenKind.Equal or GuardTokenKind.NotEqual
        or GuardTokenKind.Less or GuardTokenKind.LessOrEqual or GuardTokenKind.Greater or GuardTokenKind.GreaterOrEqual;

    public static bool IsOrdering(GuardTokenKind kind) => kind is GuardTokenKind.Less or GuardTokenKind.LessOrEqual
        or GuardTokenKind.Greater or GuardTokenKind.GreaterOrEqual;

    public static string Text(GuardTokenKind op) => op switch
    {
        GuardTokenKind.Less => "<",
        GuardTokenKind.LessOrEqual => "<=",
        GuardTokenKind.Equal => "==",
        GuardTokenKind.NotEqual => "!=",
        GuardTokenKind.GreaterOrEqual => ">=",
        _ => ">",
    };

    /// <summary>Whether <paramref name="comparison"/> (-1, 0, 1) is one of <paramref name="orderings"/>.</summary>
    public static bool Holds(int orderings, int comparison) =>
        (orderings & (comparison < 0 ? Less : comparison == 0 ? Equal : Greater)) != 0;
}
