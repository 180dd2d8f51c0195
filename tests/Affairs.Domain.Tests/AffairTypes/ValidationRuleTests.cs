using System.Text.Json.Nodes;
using Affairs.Domain.AffairTypes;
using Snapshooter;
using Snapshooter.Xunit;
using static Affairs.Domain.Tests.AffairTypes.MinimalDefinition;

namespace Affairs.Domain.Tests.AffairTypes;

public sealed class ValidationRuleTests
{
    private static IReadOnlyList<DefinitionProblem> Problems(string json) => AffairTypeLoader.Load(json).Problems;

    private static void ExpectOnly(string code, string json)
    {
        var problems = Problems(json);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(code, p.Code));
        Snapshot.Match(problems);
    }

    [Fact]
    public void the_minimal_definition_is_sound() => Assert.Empty(Problems(Json));

    [Fact]
    public void an_unknown_post_is_reported() =>
        ExpectOnly("unknown-post", With(d => d.States()[0]!["handler"] = "pension"));

    [Fact]
    public void an_unreachable_state_is_reported() => ExpectOnly("unreachable-state", With(d =>
    {
        d.States().Add(Node("""{ "name": "limbo", "handler": "dibao", "timeLimit": { "amount": 1, "unit": "working-days" } }"""));
        d.Transitions().Add(Node("""{ "from": "limbo", "trigger": "leave", "to": "approved", "roles": ["handler"] }"""));
    }));

    [Fact]
    public void a_non_terminal_state_with_no_way_out_is_reported() => ExpectOnly("no-way-out", With(d =>
    {
        d.States().Add(Node("""{ "name": "parked", "handler": "dibao", "timeLimit": { "amount": 1, "unit": "working-days" } }"""));
        d.Transitions().Add(Node("""{ "from": "open", "trigger": "park", "to": "parked", "roles": ["handler"] }"""));
        d.Transitions().Add(Node("""{ "from": "parked", "trigger": "note", "internal": true, "roles": ["handler"] }"""));
    }));

    [Fact]
    public void a_terminal_state_with_outgoing_transitions_is_reported() => ExpectOnly("terminal-has-transitions", With(d =>
        d.Transitions().Add(Node("""{ "from": "approved", "trigger": "reopen", "to": "review", "roles": ["supervisor"] }"""))));

    [Fact]
    public void one_trigger_leaving_a_state_twice_without_exclusive_guards_is_reported() => ExpectOnly("ambiguous-trigger", With(d =>
    {
        d.Transitions()[2]!["guard"] = "amount > 10";
        d.Transitions().Add(Node("""{ "from": "review", "trigger": "approve", "to": "rejected", "roles": ["supervisor"], "requiresReason": true, "guard": "amount < 100" }"""));
    }));

    [Fact]
    public void an_undefined_field_in_a_guard_is_reported() =>
        ExpectOnly("guard-unknown-name", With(d => d.Transitions()[0]!["guard"] = "amout <= param.limit and param.ceiling > 0 and actor.rank == 'x'"));

    [Fact]
    public void a_timer_firing_a_trigger_not_permitted_from_its_state_is_reported() =>
        ExpectOnly("timer-not-permitted", With(d => d.States()[0]!["timers"]![0]!["fire"] = "approve"));

    [Fact]
    public void a_timer_firing_a_trigger_the_system_may_not_fire_is_reported() =>
        ExpectOnly("timer-not-permitted", With(d => d.States()[0]!["timers"]![0]!["fire"] = "submit"));

    [Fact]
    public void a_transition_into_a_rejected_outcome_without_a_required_reason_is_reported() =>
        ExpectOnly("rejection-without-reason", With(d => d.Transitions()[3]!["requiresReason"] = false));

    [Fact]
    public void a_guard_of_the_wrong_type_is_reported() =>
        ExpectOnly("guard-type", With(d => d.Transitions()[0]!["guard"] = "amount + 1 and kind == 'c'"));

    [Fact]
    public void a_material_condition_naming_an_undefined_field_is_reported_at_the_material() =>
        ExpectOnly("guard-unknown-name", With(d => d["materials"] = Node("""[ { "id": "certificate", "requiredFrom": "review", "requiredWhen": "kind == 'a' and categry == 'b'" } ]""")));

    [Fact]
    public void a_material_condition_over_defined_fields_is_sound() =>
        Assert.Empty(Problems(With(d => d["materials"] = Node("""[ { "id": "certificate", "requiredFrom": "review", "requiredWhen": "kind in ('a') and amount > param.limit" } ]"""))));

    [Fact]
    public void a_transition_clearing_an_undefined_field_is_reported() =>
        ExpectOnly("unknown-field", With(d => d.Transitions()[2]!["clears"] = Node("""["amout"]""")));

    [Fact]
    public void a_transition_that_sets_and_clears_one_field_is_reported() => ExpectOnly("set-and-cleared", With(d =>
    {
        d.Transitions()[2]!["sets"] = Node("""["kind"]""");
        d.Transitions()[2]!["clears"] = Node("""["kind"]""");
    }));

    [Fact]
    public void a_transition_clearing_a_field_its_destination_requires_is_reported() => ExpectOnly("cleared-but-required", With(d =>
    {
        d.Fields()[1]!["requiredFrom"] = "approved";
        d.Transitions()[2]!["clears"] = Node("""["kind"]""");
    }));

    [Fact]
    public void a_guard_that_does_not_parse_is_reported() =>
        ExpectOnly("guard-syntax", With(d => d.Transitions()[0]!["guard"] = "amount <= (param.limit"));

    [Fact]
    public void a_reference_to_an_unknown_state_is_reported() => ExpectOnly("unknown-state", With(d =>
    {
        d.Transitions().Add(Node("""{ "from": "review", "trigger": "escalate", "to": "granted", "roles": ["supervisor"] }"""));
        d["fields"]![0]!["requiredFrom"] = "decided";
    }));

    [Fact]
    public void a_transition_setting_an_unknown_field_is_reported() =>
        ExpectOnly("unknown-field", With(d => d.Transitions()[0]!["sets"] = Node("""["amount", "total"]""")));

    [Fact]
    public void a_name_declared_twice_is_reported() => ExpectOnly("duplicate-name", With(d =>
    {
        d["fields"]!.AsArray().Add(Node("""{ "name": "amount", "type": "integer" }"""));
        d.States().Add(Node("""{ "name": "approved", "outcome": "approved" }"""));
    }));

    [Fact]
    public void missing_required_members_are_reported() => ExpectOnly("required", With(d =>
    {
        d.Remove("name");
        d.Remove("subject");
        d.States()[1]!.AsObject().Remove("handler");
        d.Transitions()[2]!["roles"] = Node("[]");
    }));

    [Fact]
    public void a_field_validation_that_cannot_hold_is_reported() => ExpectOnly("invalid-validation", With(d =>
    {
        d["fields"]![0]!["max"] = -1;
        d["fields"]!.AsArray().Add(Node("""{ "name": "code", "type": "text", "pattern": "[A-Z" }"""));
        d["fields"]!.AsArray().Add(Node("""{ "name": "colour", "type": "enum" }"""));
    }));

    [Theory]
    [InlineData(@"(a)\1")]
    [InlineData("(?=[0-9])[0-9A-Z]{6}")]
    [InlineData("(?>a+)b")]
    public void a_pattern_that_needs_backtracking_is_reported(string pattern)
    {
        var problem = Assert.Single(Problems(With(d =>
            d["fields"]!.AsArray().Add(new JsonObject { ["name"] = "code", ["type"] = "text", ["pattern"] = pattern }))));
        Assert.Equal("invalid-validation", problem.Code);
        Assert.Contains("linear time", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_linear_pattern_is_accepted() => Assert.Empty(Problems(With(d =>
        d["fields"]!.AsArray().Add(new JsonObject { ["name"] = "code", ["type"] = "text", ["pattern"] = "[A-Z0-9-]{4,32}(/[0-9]+)?" }))));

    [Fact]
    public void a_period_without_a_positive_amount_or_unit_is_reported() => ExpectOnly("invalid-period", With(d =>
    {
        d.States()[0]!["timeLimit"] = Node("""{ "amount": 0, "unit": "working-days" }""");
        d.States()[1]!["timeLimit"] = Node("""{ "amount": 3 }""");
    }));

    [Fact]
    public void a_terminal_state_with_a_handler_is_reported() =>
        ExpectOnly("terminal-with-step", With(d => d.States()[2]!["handler"] = "dibao"));

    [Fact]
    public void an_internal_transition_with_a_destination_is_reported() => ExpectOnly("internal-with-destination", With(d =>
        d.Transitions().Add(Node("""{ "from": "review", "trigger": "note", "internal": true, "to": "review", "roles": ["handler"] }"""))));

    [Fact]
    public void a_clock_extension_that_is_not_an_internal_transition_requiring_a_reason_is_reported() => ExpectOnly("invalid-extension", With(d =>
        d["clocks"] = Node("""[ { "name": "statutory", "startsOn": "review", "limit": { "amount": 30, "unit": "working-days" }, "extension": { "trigger": "approve", "by": { "amount": 15, "unit": "working-days" } } } ]""")));

    [Fact]
    public void a_terminal_initial_state_is_reported() =>
        Assert.Contains(Problems(With(d => d["initialState"] = "approved")), p => p.Code == "terminal-initial-state");

    [Fact]
    public void ids_that_are_not_lower_case_words_are_reported() => ExpectOnly("invalid-name", With(d =>
    {
        d["id"] = "Minimal Type";
        d.Transitions()[0]!["trigger"] = "Submit!";
        d["fields"]!.AsArray().Add(Node("""{ "name": "monthly-income", "type": "decimal" }"""));
        d["parameters"]!.AsArray().Add(Node("""{ "name": "today", "type": "date" }"""));
    }));

    [Fact]
    public void a_version_below_one_is_reported() => ExpectOnly("invalid-version", With(d => d["version"] = 0));

    [Fact]
    public void json_that_does_not_fit_the_model_is_reported_with_its_path() =>
        ExpectOnly("invalid-json", With(d => d.States()[0]!["timeLimit"]!["unit"] = "fortnights"));

    [Fact]
    public void an_unknown_member_is_reported_with_its_path() =>
        ExpectOnly("invalid-json", With(d => d.Transitions()[0]!["gaurd"] = "true"));

    [Fact]
    public void every_problem_is_reported_at_once()
    {
        var problems = Problems(With(d =>
        {
            d.States()[0]!["handler"] = "pension";
            d.Transitions()[0]!["guard"] = "amout <= param.limit";
            d.Transitions()[3]!["requiresReason"] = false;
            d.Transitions().Add(Node("""{ "from": "approved", "trigger": "reopen", "to": "review", "roles": ["supervisor"] }"""));
        }));

        string[] expected = ["guard-unknown-name", "rejection-without-reason", "terminal-has-transitions", "unknown-post"];
        Assert.Equal(expected, problems.Select(p => p.Code).Order(StringComparer.Ordinal));
        Snapshot.Match(problems);
    }

    [Fact]
    public void guards_that_exclude_each_other_let_one_trigger_leave_a_state_twice()
    {
        var json = With(d =>
        {
            d.Transitions()[2]!["guard"] = "amount <= 100 and kind == 'a'";
            d.Transitions().Add(Node("""{ "from": "review", "trigger": "approve", "to": "rejected", "roles": ["supervisor"], "requiresReason": true, "guard": "amount > 100" }"""));
            d.Transitions().Add(Node("""{ "from": "review", "trigger": "approve", "to": "open", "roles": ["supervisor"], "guard": "amount <= 100 and kind in ('b')" }"""));
        });

        Assert.Empty(Problems(json));
    }

    [Fact]
    public void a_document_that_is_not_json_is_reported_with_its_place()
    {
        var problem = Assert.Single(Problems("{ \"id\": \"x\",\n  \"version\": one }"));
        Assert.Equal("invalid-json", problem.Code);
        Assert.Equal("$.version", problem.Path);
        Assert.Equal("The document is not valid JSON (line 2, byte 14).", problem.Message);
    }
}
