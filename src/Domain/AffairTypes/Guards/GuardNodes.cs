namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>
/// The syntax tree of a guard. <see cref="object.ToString"/> renders a canonical, fully parenthesised text that is
/// used to compare sub-expressions structurally.
/// </summary>
internal abstract record GuardNode(int Position);

internal sealed record LiteralNode(int Position, FieldValue Value) : GuardNode(Position)
{
    public override string ToString() => Value.ToString();
}

/// <summary>A name: a field (<c>Scope</c> empty), <c>param.x</c>, <c>actor.x</c> or <c>today</c>.</summary>
internal sealed record NameNode(int Position, string Scope, string Name) : GuardNode(Position)
{
    public override string ToString() => Scope.Length == 0 ? Name : $"{Scope}.{Name}";
}

internal sealed record NotNode(int Position, GuardNode Operand) : GuardNode(Position)
{
    public override string ToString() => $"(not {Operand})";
}

internal sealed record NegateNode(int Position, GuardNode Operand) : GuardNode(Position)
{
    public override string ToString() => $"(-{Operand})";
}

internal sealed record LogicalNode(int Position, bool IsAnd, GuardNode Left, GuardNode Right) : GuardNode(Position)
{
    public override string ToString() => $"({Left} {(IsAnd ? "and" : "or")} {Right})";
}

internal sealed record ArithmeticNode(int Position, char Operator, GuardNode Left, GuardNode Right) : GuardNode(Position)
{
    public override string ToString() => $"({Left} {Operator} {Right})";
}

internal sealed record CompareNode(int Position, GuardTokenKind Operator, GuardNode Left, GuardNode Right) : GuardNode(Position)
{
    public override string ToString() => $"({Left} {CompareOperators.Text(Operator)} {Right})";
}

internal sealed record InNode(int Position, GuardNode Value, IReadOnlyList<GuardNode> Items, bool Negated) : GuardNode(Position)
{
    public override string ToString() => $"({Value} {(Negated ? "not in" : "in")} ({string.Join(", ", Items)}))";
}

internal sealed record IsNullNode(int Position, GuardNode Value, bool Negated) : GuardNode(Position)
{
    public override string ToString() => $"({Value} is {(Negated ? "not null" : "null")})";
}

internal sealed record CallNode(int Position, string Function, IReadOnlyList<GuardNode> Arguments) : GuardNode(Position)
{
    public override string ToString() => $"{Function}({string.Join(", ", Arguments)})";
}
