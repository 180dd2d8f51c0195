using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Guards;

namespace Affairs.Domain.Tests.AffairTypes;

public sealed class GuardTests
{
    private static readonly AffairTypeDefinition Definition = AffairTypeLoader.Load("""
        {
          "id": "guarded", "version": 1, "name": { "zh-CN": "守卫", "en": "Guarded" }, "subject": "household",
          "parameters": [ { "name": "dibaoLine", "type": "decimal" }, { "name": "windowEnd", "type": "date" } ],
          "fields": [
            { "name": "income", "type": "decimal" },
            { "name": "size", "type": "integer" },
            { "name": "kind", "type": "enum", "values": ["initial", "re-review"] },
            { "name": "urgent", "type": "boolean" },
            { "name": "born", "type": "date" },
            { "name": "note", "type": "text" }
          ],
          "initialState": "open",
          "states": [
            { "name": "open", "handler": "dibao", "timeLimit": { "amount": 1, "unit": "working-days" } },
            { "name": "done", "outcome": "completed" }
          ],
          "transitions": [ { "from": "open", "trigger": "finish", "to": "done", "roles": ["handler"] } ]
        }
        """).Definition!;

    private static readonly GuardScope Scope = new(Definition);

    private static GuardExpression Compile(string text)
    {
        var guard = GuardExpression.Compile(text, Scope, out var problems);
        Assert.Empty(problems);
        return guard!;
    }

    private static IReadOnlyList<GuardProblem> Reject(string text)
    {
        Assert.Null(GuardExpression.Compile(text, Scope, out var problems));
        Assert.NotEmpty(problems);
        return problems;
    }

    private static GuardContext Context(Dictionary<string, FieldValue>? data = null, params CaseRole[] roles) => new(
        data ?? new Dictionary<string, FieldValue>
        {
            ["income"] = FieldValue.Number(650.50m),
            ["size"] = FieldValue.Number(3),
            ["kind"] = FieldValue.Text("re-review"),
            ["urgent"] = FieldValue.Boolean(true),
            ["born"] = FieldValue.Date(new DateOnly(1946, 3, 21)),
        },
        new CaseActor("staff-7", roles.ToHashSet(), "dibao"),
        new Dictionary<string, FieldValue> { ["dibaoLine"] = FieldValue.Number(880m), ["windowEnd"] = FieldValue.Date(new DateOnly(2026, 12, 31)) },
        new DateTimeOffset(2026, 3, 20, 23, 30, 0, TimeSpan.FromHours(8)));

    [Theory]
    [InlineData("income < param.dibaoLine", true)]
    [InlineData("income * size <= param.dibaoLine * size - 688.5", true)]
    [InlineData("income * size <= param.dibaoLine * size - 688.51", false)]
    [InlineData("0.1 + 0.2 == 0.3", true)]
    [InlineData("size / 3 == 1 and -size == 0 - 3", true)]
    [InlineData("kind == 're-review' and urgent", true)]
    [InlineData("kind == 'initial' or not urgent", false)]
    [InlineData("not (kind == 'initial') and size in (2, 3, 4)", true)]
    [InlineData("size not in (2, 3, 4)", false)]
    [InlineData("note is null and born is not null", true)]
    [InlineData("note == null", true)]
    [InlineData("note != 'x'", true)]
    [InlineData("income > note2", false)]
    [InlineData("years_between(born, today) >= 80", false)]
    [InlineData("years_between(born, today) == 79 and months_between(born, today) == 959 and months_between(today, born) == -959", true)]
    [InlineData("days_between(today, param.windowEnd) == 286", true)]
    [InlineData("today == param.windowEnd", false)]
    [InlineData("start_of_next_month(today) == start_of_next_month(param.windowEnd)", false)]
    [InlineData("days_between(today, start_of_next_month(today)) == 12 and start_of_next_month(param.windowEnd) > param.windowEnd", true)]
    [InlineData("actor.id == 'staff-7' and actor.post == 'dibao'", true)]
    [InlineData("has_role('handler') and not has_role('supervisor')", true)]
    public void guards_evaluate_over_data_actor_parameters_and_decision_time(string text, bool expected)
    {
        if (text.Contains("note2", StringComparison.Ordinal))
        {
            Reject(text);
            return;
        }

        Assert.Equal(expected, Compile(text).Evaluate(Context(null, CaseRole.Handler)));
    }

    [Fact]
    public void today_is_the_date_of_the_decision_time_in_its_own_offset()
    {
        var guard = Compile("today == born");
        var data = new Dictionary<string, FieldValue> { ["born"] = FieldValue.Date(new DateOnly(2026, 3, 20)) };
        var instant = new DateTimeOffset(2026, 3, 20, 16, 30, 0, TimeSpan.Zero);
        Assert.True(guard.Evaluate(Context(data) with { DecisionTime = instant }));
        Assert.False(guard.Evaluate(Context(data) with { DecisionTime = instant.ToOffset(TimeSpan.FromHours(8)) }));
    }

    [Fact]
    public void a_missing_field_never_passes_an_ordering()
    {
        var empty = new Dictionary<string, FieldValue>();
        Assert.False(Compile("income < param.dibaoLine").Evaluate(Context(empty)));
        Assert.False(Compile("income >= param.dibaoLine").Evaluate(Context(empty)));
        Assert.False(Compile("urgent").Evaluate(Context(empty)));
        Assert.False(Compile("income + 1 > 0").Evaluate(Context(empty)));
    }

    [Fact]
    public void a_parameter_with_no_value_and_a_division_by_zero_fail_evaluation()
    {
        var context = Context() with { Parameters = new Dictionary<string, FieldValue>() };
        var missing = Assert.Throws<GuardEvaluationException>(() => Compile("income < param.dibaoLine").Evaluate(context));
        Assert.Contains("dibaoLine", missing.Message, StringComparison.Ordinal);
        Assert.Throws<GuardEvaluationException>(() => Compile("income / (size - 3) > 1").Evaluate(Context()));
    }

    [Theory]
    [InlineData("incom < param.dibaoLine", "guard-unknown-name", "unknown field 'incom'")]
    [InlineData("income < param.dibaoline", "guard-unknown-name", "unknown policy parameter 'param.dibaoline'")]
    [InlineData("actor.salary > 0", "guard-unknown-name", "unknown actor attribute 'actor.salary'")]
    [InlineData("case.income > 0", "guard-unknown-name", "unknown name 'case.income'")]
    [InlineData("now() > born", "guard-unknown-name", "unknown function 'now'")]
    [InlineData("kind == 'renewal'", "guard-type", "'renewal' is not a value of field 'kind' (initial, re-review)")]
    [InlineData("income < '880'", "guard-type", "'<' compares two numbers or two dates, not a number and a text")]
    [InlineData("income + 1", "guard-type", "a guard must be true or false, but this is a number")]
    [InlineData("urgent and size", "guard-type", "'and' needs a condition, but this is a number")]
    [InlineData("has_role('mayor')", "guard-type", "'has_role' takes a role in quotes: handler, supervisor, system, applicant")]
    [InlineData("days_between(born)", "guard-type", "'days_between' takes 2 argument(s), not 1")]
    [InlineData("start_of_next_month(income) > today", "guard-type", "argument 1 of 'start_of_next_month' needs a date, but this is a number")]
    [InlineData("income = 1", "guard-syntax", "'=' is not an operator; compare with '=='")]
    [InlineData("income < (1", "guard-syntax", "expected ')' at the end")]
    [InlineData("note == 'open", "guard-syntax", "the text literal is not closed")]
    [InlineData("income < 1 1", "guard-syntax", "unexpected '1'")]
    [InlineData("income is 3", "guard-syntax", "expected 'null' after 'is'")]
    [InlineData("System.IO.File.Exists('x')", "guard-syntax", "unexpected '.'")]
    public void unsound_guards_are_refused_when_loaded(string text, string code, string message)
    {
        var problem = Reject(text)[0];
        Assert.Equal(code, problem.Code);
        Assert.Equal(message, problem.Message);
    }

    [Theory]
    [InlineData("income < param.dibaoLine", "income >= param.dibaoLine", true)]
    [InlineData("income < param.dibaoLine", "param.dibaoLine < income", true)]
    [InlineData("income < param.dibaoLine", "param.dibaoLine > income", false)]
    [InlineData("urgent", "not urgent", true)]
    [InlineData("note is null", "note is not null", true)]
    [InlineData("kind == 'initial' and size > 2", "kind == 're-review'", true)]
    [InlineData("kind in ('initial')", "kind not in ('initial', 're-review')", true)]
    [InlineData("kind in ('initial', 're-review')", "kind == 're-review'", false)]
    [InlineData("size <= 3", "size > 3", true)]
    [InlineData("size < 3", "size >= 2", false)]
    [InlineData("size < 3", "size == 3", true)]
    [InlineData("size == 3", "size != 3", true)]
    [InlineData("urgent", "size > 3", false)]
    [InlineData("urgent or size > 3", "not urgent", false)]
    public void exclusive_guards_are_recognised_conservatively(string first, string second, bool exclusive)
    {
        Assert.Equal(exclusive, Compile(first).ExcludesEachOther(Compile(second)));
        Assert.Equal(exclusive, Compile(second).ExcludesEachOther(Compile(first)));
    }
}
