namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>
/// Evaluates a checked guard tree. Null semantics are two-valued and simple: an ordering or equality with one null
/// side is false (<c>null == null</c> is true), arithmetic on null gives null, and a null condition counts as false.
/// </summary>
internal static class GuardEvaluator
{
    public static FieldValue Evaluate(GuardNode node, GuardContext context) => node switch
    {
        LiteralNode literal => literal.Value,
        NameNode name => Name(name, context),
        NotNode not => FieldValue.Boolean(!IsTrue(Evaluate(not.Operand, context))),
        NegateNode negate => Evaluate(negate.Operand, context) is { IsNull: false } v ? FieldValue.Number(-v.AsNumber) : FieldValue.Null,
        LogicalNode logical => Logical(logical, context),
        ArithmeticNode arithmetic => Arithmetic(arithmetic, context),
        CompareNode compare => FieldValue.Boolean(Compare(Evaluate(compare.Left, context), Evaluate(compare.Right, context), CompareOperators.Orderings(compare.Operator))),
        InNode inList => In(inList, context),
        IsNullNode isNull => FieldValue.Boolean(Evaluate(isNull.Value, context).IsNull != isNull.Negated),
        CallNode call => GuardFunctions.Call(call.Function, [.. call.Arguments.Select(a => Evaluate(a, context))], context.Actor),
        _ => throw new InvalidOperationException("unknown node"),
    };

    public static bool IsTrue(FieldValue value) => value.Kind == FieldValueKind.Boolean && value.AsBoolean;

    private static FieldValue Name(NameNode name, GuardContext context) => name.Scope switch
    {
        "" when name.Name == "today" => FieldValue.Date(DateOnly.FromDateTime(context.DecisionTime.DateTime)),
        "" => context.Data.GetValueOrDefault(name.Name),
        "param" => context.Parameters.TryGetValue(name.Name, out var value)
            ? value
            : throw new GuardEvaluationException($"The policy parameter '{name.Name}' has no value at the decision time."),
        _ => name.Name == "id" ? FieldValue.Text(context.Actor.Id) : context.Actor.Post is { } post ? FieldValue.Text(post) : FieldValue.Null,
    };

    private static FieldValue Logical(LogicalNode logical, GuardContext context)
    {
        var left = IsTrue(Evaluate(logical.Left, context));
        if (left != logical.IsAnd)
        {
            return FieldValue.Boolean(left);
        }

        return FieldValue.Boolean(IsTrue(Evaluate(logical.Right, context)));
    }

    private static FieldValue Arithmetic(ArithmeticNode arithmetic, GuardContext context)
    {
        var left = Evaluate(arithmetic.Left, context);
        var right = Evaluate(arithmetic.Right, context);
        if (left.IsNull || right.IsNull)
        {
            return FieldValue.Null;
        }

        var (l, r) = (left.AsNumber, right.AsNumber);
        try
        {
            return FieldValue.Number(arithmetic.Operator switch
            {
                '+' => l + r,
                '-' => l - r,
                '*' => l * r,
                _ => r == 0 ? throw new GuardEvaluationException($"Division by zero at position {arithmetic.Position}.") : l / r,
            });
        }
        catch (OverflowException e)
        {
            throw new GuardEvaluationException($"Arithmetic overflow at position {arithmetic.Position}.", e);
        }
    }

    private static FieldValue In(InNode inList, GuardContext context)
    {
        var value = Evaluate(inList.Value, context);
        var found = !value.IsNull && inList.Items.Any(item => Compare(value, Evaluate(item, context), CompareOperators.Equal));
        return FieldValue.Boolean(found != inList.Negated);
    }

    private static bool Compare(FieldValue left, FieldValue right, int orderings)
    {
        if (left.IsNull || right.IsNull)
        {
            var bothNull = left.IsNull && right.IsNull;
            return orderings switch
            {
                CompareOperators.Equal => bothNull,
                CompareOperators.Less | CompareOperators.Greater => !bothNull,
                _ => false,
            };
        }

        var comparison = left.Kind switch
        {
            FieldValueKind.Number => left.AsNumber.CompareTo(right.AsNumber),
            FieldValueKind.Date => left.AsDate.CompareTo(right.AsDate),
            FieldValueKind.Text => string.CompareOrdinal(left.AsText, right.AsText),
            _ => left.AsBoolean.CompareTo(right.AsBoolean),
        };
        return CompareOperators.Holds(orderings, comparison);
    }
}
