namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>
/// Decides, conservatively, whether two guards can never both be true. Each guard is split into its top-level
/// <c>and</c> terms; the guards exclude each other when some term of one contradicts some term of the other:
/// <c>A</c> against <c>not A</c>; the same operands compared with disjoint operators (<c>x &lt; y</c>, <c>x &gt;= y</c>);
/// one operand compared with constants whose ranges do not meet (<c>x &lt; 5</c>, <c>x &gt;= 10</c>;
/// <c>k == 'a'</c>, <c>k in ('b', 'c')</c>); <c>is null</c> against <c>is not null</c>. Anything cleverer is refused:
/// an author can always make exclusivity plain.
/// </summary>
internal static class GuardExclusivity
{
    public static bool AreExclusive(GuardNode first, GuardNode second) =>
        Terms(first).Any(a => Terms(second).Any(b => Contradict(a, b) || Contradict(b, a)));

    private static IEnumerable<GuardNode> Terms(GuardNode node) => node is LogicalNode { IsAnd: true } and
        ? Terms(and.Left).Concat(Terms(and.Right))
        : [node];

    private static bool Contradict(GuardNode a, GuardNode b)
    {
        if (a is NotNode not && Same(not.Operand, b))
        {
            return true;
        }

        if (a is IsNullNode n1 && b is IsNullNode n2)
        {
            return Same(n1.Value, n2.Value) && n1.Negated != n2.Negated;
        }

        if (a is CompareNode c1 && b is CompareNode c2 && SameOperands(c1, c2, out var mirrored))
        {
            var o2 = CompareOperators.Orderings(c2.Operator);
            return (CompareOperators.Orderings(c1.Operator) & (mirrored ? CompareOperators.Mirror(o2) : o2)) == 0;
        }

        return Constraint.Of(a) is { } k1 && Constraint.Of(b) is { } k2 && Same(k1.Subject, k2.Subject) && !k1.Meets(k2);
    }

    private static bool SameOperands(CompareNode c1, CompareNode c2, out bool mirrored)
    {
        mirrored = Same(c1.Left, c2.Right) && Same(c1.Right, c2.Left);
        return mirrored || (Same(c1.Left, c2.Left) && Same(c1.Right, c2.Right));
    }

    private static bool Same(GuardNode a, GuardNode b) => a.ToString() == b.ToString();

    /// <summary>A term that restricts one subject to constants: a set of allowed values, or a numeric interval.</summary>
    private sealed record Constraint(GuardNode Subject, IReadOnlyList<FieldValue>? Allowed, IReadOnlyList<FieldValue>? Forbidden, decimal Low, bool LowOpen, decimal High, bool HighOpen)
    {
        public static Constraint? Of(GuardNode node) => node switch
        {
            InNode { Items: var items } inList when items.All(i => i is LiteralNode) =>
                inList.Negated
                    ? new Constraint(inList.Value, null, Values(items), decimal.MinValue, false, decimal.MaxValue, false)
                    : new Constraint(inList.Value, Values(items), null, decimal.MinValue, false, decimal.MaxValue, false),
            CompareNode { Right: LiteralNode literal } compare when compare.Left is not LiteralNode =>
                FromComparison(compare.Left, CompareOperators.Orderings(compare.Operator), literal.Value),
            CompareNode { Left: LiteralNode literal } compare when compare.Right is not LiteralNode =>
                FromComparison(compare.Right, CompareOperators.Mirror(CompareOperators.Orderings(compare.Operator)), literal.Value),
            _ => null,
        };

        private static FieldValue[] Values(IReadOnlyList<GuardNode> items) => [.. items.Cast<LiteralNode>().Select(l => l.Value)];

        private static Constraint? FromComparison(GuardNode subject, int orderings, FieldValue value)
        {
            if (orderings == CompareOperators.Equal)
            {
                return new Constraint(subject, [value], null, decimal.MinValue, false, decimal.MaxValue, false);
            }

            if (orderings == (CompareOperators.Less | CompareOperators.Greater))
            {
                return new Constraint(subject, null, [value], decimal.MinValue, false, decimal.MaxValue, false);
            }

            if (value.Kind != FieldValueKind.Number)
            {
                return null;
            }

            var n = value.AsNumber;
            return (orderings & CompareOperators.Less) != 0
                ? new Constraint(subject, null, null, decimal.MinValue, false, n, (orderings & CompareOperators.Equal) == 0)
                : new Constraint(subject, null, null, n, (orderings & CompareOperators.Equal) == 0, decimal.MaxValue, false);
        }

        /// <summary>Whether some value satisfies both constraints.</summary>
        public bool Meets(Constraint other)
        {
            if (Allowed is { } mine && other.Allowed is { } theirs)
            {
                return mine.Intersect(theirs).Any();
            }

            if (Allowed is { } a1)
            {
                return a1.Any(other.Admits);
            }

            if (other.Allowed is { } a2)
            {
                return a2.Any(Admits);
            }

            var low = Math.Max(Low, other.Low);
            var high = Math.Min(High, other.High);
            var lowOpen = (Low == low && LowOpen) || (other.Low == low && other.LowOpen);
            var highOpen = (High == high && HighOpen) || (other.High == high && other.HighOpen);
            return low < high || (low == high && !lowOpen && !highOpen);
        }

        private bool Admits(FieldValue value)
        {
            if (Forbidden is { } forbidden && forbidden.Contains(value))
            {
                return false;
            }

            if (value.Kind != FieldValueKind.Number)
            {
                return true;
            }

            var n = value.AsNumber;
            return (n > Low || (n == Low && !LowOpen)) && (n < High || (n == High && !HighOpen));
        }
    }
}
