namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>Checks a parsed guard against a <see cref="GuardScope"/>; every fault is collected, none is thrown.</summary>
internal sealed class GuardTypeChecker(GuardScope scope)
{
    public const string UnknownName = "guard-unknown-name";
    public const string TypeFault = "guard-type";

    public List<GuardProblem> Problems { get; } = [];

    public void CheckCondition(GuardNode node)
    {
        var type = Check(node);
        if (type is { } t && t != GuardType.Boolean)
        {
            Fault(node, $"a guard must be true or false, but this is {Describe(t)}");
        }
    }

    private GuardType? Check(GuardNode node) => node switch
    {
        LiteralNode literal => literal.Value.Kind switch
        {
            FieldValueKind.Number => GuardType.Number,
            FieldValueKind.Text => GuardType.Text,
            FieldValueKind.Boolean => GuardType.Boolean,
            _ => GuardType.Null,
        },
        NameNode name => CheckName(name),
        NotNode not => Expect(not.Operand, GuardType.Boolean, "'not'"),
        NegateNode negate => Expect(negate.Operand, GuardType.Number, "'-'"),
        LogicalNode logical => Both(logical, GuardType.Boolean, logical.IsAnd ? "'and'" : "'or'"),
        ArithmeticNode arithmetic => Both(arithmetic, GuardType.Number, $"'{arithmetic.Operator}'"),
        CompareNode compare => CheckCompare(compare),
        InNode inList => CheckIn(inList),
        IsNullNode isNull => Check(isNull.Value) is null ? null : GuardType.Boolean,
        CallNode call => CheckCall(call),
        _ => throw new InvalidOperationException("unknown node"),
    };

    private GuardType? CheckName(NameNode name)
    {
        GuardType? type = name.Scope switch
        {
            "" when name.Name == "today" => GuardType.Date,
            "" => scope.Field(name.Name)?.Type is { } f ? Of(f) : null,
            "param" => scope.Parameter(name.Name) is { } p ? Of(p) : null,
            "actor" => GuardScope.ActorAttributes.Contains(name.Name) ? GuardType.Text : null,
            _ => null,
        };
        if (type is null)
        {
            var what = name.Scope switch
            {
                "" => "field",
                "param" => "policy parameter",
                "actor" => "actor attribute",
                _ => "name",
            };
            Problems.Add(new GuardProblem(name.Position, UnknownName, $"unknown {what} '{name}'"));
        }

        return type;
    }

    private GuardType? Expect(GuardNode node, GuardType wanted, string what)
    {
        var type = Check(node);
        if (type is { } t && t != wanted)
        {
            Fault(node, $"{what} needs {Describe(wanted)}, but this is {Describe(t)}");
            return null;
        }

        return type;
    }

    private GuardType? Both(GuardNode node, GuardType wanted, string what)
    {
        var (left, right) = node switch
        {
            LogicalNode l => (l.Left, l.Right),
            ArithmeticNode a => (a.Left, a.Right),
            _ => throw new InvalidOperationException("not binary"),
        };
        var l1 = Expect(left, wanted, what);
        var r1 = Expect(right, wanted, what);
        return l1 is null || r1 is null ? null : wanted;
    }

    private GuardType? CheckCompare(CompareNode compare)
    {
        var left = Check(compare.Left);
        var right = Check(compare.Right);
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        var op = CompareOperators.Text(compare.Operator);
        if ((l == GuardType.List || r == GuardType.List) && !(l == GuardType.Null || r == GuardType.Null))
        {
            Fault(compare, $"'{op}' cannot compare a list; a list field can only be tested with 'is null' or 'is not null'");
            return null;
        }

        if (CompareOperators.IsOrdering(compare.Operator))
        {
            if (l != r || l is not (GuardType.Number or GuardType.Date))
            {
                Fault(compare, $"'{op}' compares two numbers or two dates, not {Describe(l)} and {Describe(r)}");
                return null;
            }
        }
        else if (l != r && l != GuardType.Null && r != GuardType.Null)
        {
            Fault(compare, $"'{op}' cannot compare {Describe(l)} with {Describe(r)}");
            return null;
        }

        CheckEnumValue(compare.Left, compare.Right);
        CheckEnumValue(compare.Right, compare.Left);
        return GuardType.Boolean;
    }

    private GuardType? CheckIn(InNode inList)
    {
        var value = Check(inList.Value);
        var ok = value is not null;
        foreach (var item in inList.Items)
        {
            var type = Check(item);
            if (type is { } t && value is { } v && t != v && t != GuardType.Null)
            {
                Fault(item, $"the list holds {Describe(t)}, but the value is {Describe(v)}");
                ok = false;
            }

            CheckEnumValue(inList.Value, item);
        }

        return ok ? GuardType.Boolean : null;
    }

    private GuardType? CheckCall(CallNode call)
    {
        if (!GuardFunctions.Signatures.TryGetValue(call.Function, out var signature))
        {
            Problems.Add(new GuardProblem(call.Position, UnknownName, $"unknown function '{call.Function}'"));
            return null;
        }

        if (call.Arguments.Count != signature.Parameters.Length)
        {
            Fault(call, $"'{call.Function}' takes {signature.Parameters.Length} argument(s), not {call.Arguments.Count}");
            return null;
        }

        var ok = true;
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            ok &= Expect(call.Arguments[i], signature.Parameters[i], $"argument {i + 1} of '{call.Function}'") is not null;
        }

        if (call.Function == "has_role" && (call.Arguments[0] is not LiteralNode { Value.Kind: FieldValueKind.Text } role || !GuardFunctions.Roles.ContainsKey(role.Value.AsText)))
        {
            Fault(call, $"'has_role' takes a role in quotes: {string.Join(", ", GuardFunctions.Roles.Keys)}");
            ok = false;
        }

        return ok ? signature.Result : null;
    }

    private void CheckEnumValue(GuardNode maybeField, GuardNode maybeLiteral)
    {
        if (maybeField is NameNode { Scope: "" } name && scope.Field(name.Name) is { Type: FieldType.Enum } field
            && maybeLiteral is LiteralNode { Value.Kind: FieldValueKind.Text } literal
            && !field.Values.Contains(literal.Value.AsText))
        {
            Fault(literal, $"{literal.Value} is not a value of field '{field.Name}' ({string.Join(", ", field.Values)})");
        }
    }

    private void Fault(GuardNode node, string message) => Problems.Add(new GuardProblem(node.Position, TypeFault, message));

    private static GuardType Of(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.Decimal => GuardType.Number,
        FieldType.Boolean => GuardType.Boolean,
        FieldType.Date => GuardType.Date,
        FieldType.List => GuardType.List,
        _ => GuardType.Text,
    };

    private static string Describe(GuardType type) => type switch
    {
        GuardType.Boolean => "a condition",
        GuardType.Number => "a number",
        GuardType.Text => "a text",
        GuardType.Date => "a date",
        GuardType.List => "a list",
        _ => "null",
    };
}
