namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>
/// A compiled guard: an expression over the case data, the actor, the policy parameters and the decision time that
/// decides whether a transition may be taken.
/// </summary>
/// <remarks>
/// <para><b>The language.</b> Literals: decimal numbers (<c>880</c>, <c>0.5</c>), text in single or double quotes,
/// <c>true</c>, <c>false</c>, <c>null</c>. Names: a case field by its bare name (<c>householdSize</c>), a policy
/// parameter as <c>param.dibaoLine</c>, the actor as <c>actor.id</c> / <c>actor.post</c>, and <c>today</c> (the
/// decision date). Operators: <c>+ - * /</c> on numbers; <c>== != &lt; &lt;= &gt; &gt;=</c>; <c>x in (a, b)</c>,
/// <c>x not in (…)</c>; <c>x is null</c>, <c>x is not null</c>; <c>and</c>, <c>or</c>, <c>not</c>; parentheses.
/// Functions: <c>days_between(d1, d2)</c>, <c>months_between(d1, d2)</c>, <c>years_between(d1, d2)</c> (whole
/// units from d1 to d2), <c>start_of_next_month(d)</c> and <c>has_role('supervisor')</c>.</para>
/// <para><b>Checked at load.</b> Every name must be declared, operand types must fit, an enum field can only be
/// compared with one of its values, and the whole must be a condition.</para>
/// <para><b>Sandboxed.</b> A guard reads only its <see cref="GuardContext"/>: no I/O, no reflection, no clock but the
/// decision time, decimal arithmetic, no loops. Null handling: see the evaluator rules on <see cref="Evaluate"/>.</para>
/// </remarks>
public sealed class GuardExpression
{
    private readonly GuardNode _root;

    private GuardExpression(string text, GuardNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses and type-checks <paramref name="text"/> in <paramref name="scope"/>.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="scope">The names it may use.</param>
    /// <param name="problems">Every fault found; empty when the expression is sound.</param>
    /// <returns>The compiled guard, or null when there were problems.</returns>
    public static GuardExpression? Compile(string text, GuardScope scope, out IReadOnlyList<GuardProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        GuardNode root;
        try
        {
            root = GuardParser.Parse(text);
        }
        catch (GuardSyntaxException e)
        {
            problems = [new GuardProblem(e.Position, "guard-syntax", e.Message)];
            return null;
        }

        var checker = new GuardTypeChecker(scope);
        checker.CheckCondition(root);
        problems = checker.Problems;
        return problems.Count == 0 ? new GuardExpression(text, root) : null;
    }

    /// <summary>
    /// Evaluates the guard. Comparisons with one null side are false (<c>null == null</c> is true), arithmetic on
    /// null gives null, and a null condition counts as false; so a missing field never passes an ordering test.
    /// </summary>
    /// <exception cref="GuardEvaluationException">Division by zero, overflow, or a parameter with no value.</exception>
    public bool Evaluate(GuardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return GuardEvaluator.IsTrue(GuardEvaluator.Evaluate(_root, context));
    }

    /// <summary>True when this guard and <paramref name="other"/> can be shown never to hold together.</summary>
    public bool ExcludesEachOther(GuardExpression other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return GuardExclusivity.AreExclusive(_root, other._root);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
