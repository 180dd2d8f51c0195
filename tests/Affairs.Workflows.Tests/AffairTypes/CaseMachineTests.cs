using Affairs.Domain.AffairTypes;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class CaseMachineTests
{
    private static readonly CompiledAffairType Dibao = Definitions.Compile("dibao");
    private static readonly CaseActor Handler = new("staff-1", new HashSet<CaseRole> { CaseRole.Handler });
    private static readonly CaseActor Supervisor = new("head-1", new HashSet<CaseRole> { CaseRole.Supervisor });

    private static CaseMachine Machine(CaseSituation situation, CaseActor? actor = null, FireRequest? request = null, CompiledAffairType? type = null)
    {
        type ??= Dibao;
        return type.CreateMachine(situation, actor ?? Handler, Scenarios.Parameters(type), Scenarios.DecisionTime, request);
    }

    private static TriggerRefusal Refusal(TriggerAnswer answer)
    {
        Assert.False(answer.Permitted);
        return Assert.Single(answer.Refusals);
    }

    [Fact]
    public void unknown_wrong_state_and_terminal_triggers_are_refused_with_their_codes()
    {
        Assert.Equal(RefusalCodes.UnknownTrigger, Refusal(Machine(Scenarios.In(Dibao, "application")).Answer("pay")).Code);
        var wrong = Refusal(Machine(Scenarios.In(Dibao, "application")).Answer("approve"));
        Assert.Equal((RefusalCodes.WrongState, "'approve' cannot be fired in state 'application', only in: confirmation."), (wrong.Code, wrong.Message));
        Assert.Equal(RefusalCodes.TerminalState, Refusal(Machine(Scenarios.In(Dibao, "approved")).Answer("withdraw")).Code);
    }

    [Fact]
    public void a_guard_that_does_not_hold_is_named_in_the_refusal()
    {
        var data = new Dictionary<string, FieldValue>(Scenarios.Data(Dibao)) { ["monthlyIncomePerPerson"] = FieldValue.Number(880m) };
        var refusal = Refusal(Machine(Scenarios.In(Dibao, "first-review") with { Data = data }, Supervisor).Answer("pass-first-review"));

        Assert.Equal(RefusalCodes.GuardFalse, refusal.Code);
        Assert.Equal("The condition of 'pass-first-review' does not hold: monthlyIncomePerPerson < param.dibaoLine", refusal.Message);
    }

    [Fact]
    public void a_guard_reading_a_parameter_with_no_value_is_a_guard_error()
    {
        var machine = Dibao.CreateMachine(Scenarios.In(Dibao, "first-review"), Supervisor, new Dictionary<string, FieldValue>(), Scenarios.DecisionTime);

        Assert.Equal(RefusalCodes.GuardError, Refusal(machine.Answer("pass-first-review")).Code);
    }

    [Fact]
    public void a_trigger_refused_in_the_wrong_state_still_says_that_it_asks_for_a_reason()
    {
        var answer = Machine(Scenarios.In(Dibao, "application"), Supervisor).Answer("reject");

        Assert.True(answer is { Permitted: false, RequiresReason: true });
        Assert.Equal(RefusalCodes.WrongState, Refusal(answer).Code);
    }

    [Fact]
    public void a_rejection_needs_a_reason_when_it_is_fired()
    {
        var situation = Scenarios.In(Dibao, "confirmation");
        Assert.True(Machine(situation, Supervisor).Answer("reject") is { Permitted: true, RequiresReason: true, Destination: "rejected" });

        var without = Machine(situation, Supervisor, new FireRequest("reject", "  "));
        Assert.Equal(RefusalCodes.ReasonRequired, Refusal(without.Answer("reject")).Code);
        Assert.Throws<InvalidOperationException>(() => without.Fire("reject"));

        var with = Machine(situation, Supervisor, new FireRequest("reject", "Income above the line after the bonus was counted."));
        Assert.Equal("rejected", with.Fire("reject").To);
        Assert.Equal("rejected", with.State);
    }

    [Fact]
    public void a_transition_sets_only_its_own_fields()
    {
        var request = new FireRequest("accept", Changes: new Dictionary<string, FieldValue> { ["householdSize"] = FieldValue.Number(3), ["monthlyBenefit"] = FieldValue.Number(900) });
        var refusal = Refusal(Machine(Scenarios.In(Dibao, "application"), request: request).Answer("accept"));

        Assert.Equal((RefusalCodes.FieldNotSettable, "'accept' cannot set the field 'monthlyBenefit'."), (refusal.Code, refusal.Message));
    }

    [Fact]
    public void fields_and_materials_required_from_the_destination_must_be_there()
    {
        var bare = CaseSituation.In("application");
        Assert.Equal(
            ["missing-material:application-form", "missing-material:id-cards", "missing-material:household-register", "missing-material:income-proof"],
            Machine(bare).Answer("accept").Refusals.Select(r => $"{r.Code}:{r.Message.Split('\'')[1]}"));

        var materials = bare with { AttachedMaterials = Dibao.Definition.Materials.Select(m => m.Id).ToHashSet() };
        Assert.True(Machine(materials).Answer("accept").Permitted, "the actor can still set householdSize while accepting");
        Assert.Equal(RefusalCodes.MissingField, Refusal(Machine(materials, request: new FireRequest("accept")).Answer("accept")).Code);
        var complete = new FireRequest("accept", Changes: new Dictionary<string, FieldValue> { ["householdSize"] = FieldValue.Number(4) });
        Assert.Equal("investigation", Machine(materials, request: complete).Fire("accept").To);
    }

    [Fact]
    public void the_statutory_clock_is_extended_once_only()
    {
        var situation = Scenarios.In(Dibao, "investigation");
        Assert.True(Machine(situation, Supervisor).Answer("extend-time-limit") is { Permitted: true, Destination: "investigation", RequiresReason: true });

        var extended = situation with { ExtensionsUsed = new Dictionary<string, int> { ["statutory"] = 1 } };
        var refusal = Refusal(Machine(extended, Supervisor).Answer("extend-time-limit"));
        Assert.Equal((RefusalCodes.ExtensionExhausted, "The clock 'statutory' has already been extended 1 time(s)."), (refusal.Code, refusal.Message));
    }

    [Fact]
    public void the_one_time_notice_lists_the_missing_items_and_is_given_once()
    {
        var items = new FireRequest("request-supplement", "incomplete", new Dictionary<string, FieldValue> { ["missingItems"] = FieldValue.List(["income-proof", "id-cards"]) });
        var noItems = new FireRequest("request-supplement", "incomplete");
        var application = CaseSituation.In("application");
        var afterSupplement = application with { Fired = new Dictionary<string, DateTimeOffset> { ["request-supplement"] = Scenarios.DecisionTime } };

        Assert.Equal("awaiting-supplement", Machine(application, request: items).Fire("request-supplement").To);
        Assert.Equal(RefusalCodes.MissingField, Refusal(Machine(application, request: noItems).Answer("request-supplement")).Code);
        var again = Refusal(Machine(afterSupplement, request: items).Answer("request-supplement"));
        Assert.Equal(RefusalCodes.AlreadyFired, again.Code);
        Assert.Contains("once per case", again.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1500, "granted")]
    [InlineData(2000, "granted")]
    [InlineData(2000.01, "supervisor-approval")]
    public void exclusive_guards_choose_the_destination_of_one_trigger(decimal amount, string destination)
    {
        var type = Definitions.Compile(Definitions.Sample);
        var request = new FireRequest("decide", Changes: new Dictionary<string, FieldValue> { ["amountGranted"] = FieldValue.Number(amount) });

        var machine = Machine(Scenarios.In(type, "review"), request: request, type: type);

        Assert.Equal(destination, machine.Answer("decide").Destination);
        Assert.Equal(destination, machine.Destination("decide"));
        Assert.Equal("review", machine.State);

        var taken = machine.Fire("decide");

        Assert.Same(type.Transitions.Single(t => t.From == "review" && t.Trigger == "decide" && t.To == destination), taken);
        Assert.Equal(destination, machine.State);
    }

    [Fact]
    public void a_timer_fires_as_the_system_and_an_objection_sends_the_case_back_to_investigation()
    {
        var notice = Scenarios.In(Dibao, "public-notice");

        Assert.Equal("confirmation", Machine(notice, CaseActor.System).Fire("notice-ended").To);
        var objection = new FireRequest("raise-objection", "A neighbour reports rental income.", new Dictionary<string, FieldValue> { ["objectionSummary"] = FieldValue.Text("rental income") });
        Assert.Equal("investigation", Machine(notice, request: objection).Fire("raise-objection").To);
    }

    [Fact]
    public void data_is_read_against_each_fields_type_range_pattern_and_values()
    {
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>("""
            { "householdSize": 0, "bankAccount": "12ab", "applicationKind": "renewal", "homeVisitDate": "2026-02-30",
              "colour": "red", "monthlyIncomePerPerson": 512.40 }
            """)!;

        var read = Dibao.ReadData(values, out var problems);

        Assert.Equal(["monthlyIncomePerPerson"], read.Keys);
        Assert.Equal(
            [
                "invalid-value: The value of field 'householdSize' must be a whole number from 1 to 20.",
                "invalid-value: The value of field 'bankAccount' must be text matching the field's pattern.",
                "invalid-value: The value of field 'applicationKind' must be one of initial, re-review.",
                "invalid-value: The value of field 'homeVisitDate' must be a date (yyyy-MM-dd).",
                "unknown-field: The affair type 'dibao' has no field 'colour'.",
            ],
            problems.Select(p => $"{p.Code}: {p.Message}"));
    }

    [Fact]
    public void new_data_text_may_break_lines_but_holds_no_other_control_character_and_what_a_case_holds_still_reads()
    {
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>("""
            { "investigator1": "张\u0000三", "objectionSummary": "rental income\nsince March" }
            """)!;

        var refused = Assert.Throws<Affairs.Domain.Rejections.CommandRejectedException>(() => Affairs.Workflows.Cases.CaseEngine.ReadChanges(Dibao, values));
        var held = Dibao.ReadData(values, out var problems);

        Assert.Equal(
            ["The value of field 'investigator1' holds a control character other than a tab or line break."],
            ((IReadOnlyDictionary<string, string[]>)refused.Details["errors"]!)["data"]);
        Assert.Equal(["investigator1", "objectionSummary"], held.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public void one_compiled_type_serves_many_threads_at_once()
    {
        var parameters = Scenarios.Parameters(Dibao);
        var states = Dibao.States.Where(s => !s.IsTerminal).Select(s => s.Name).ToArray();
        var expected = states.ToDictionary(s => s, s => string.Join(",", Machine(Scenarios.In(Dibao, s), Scenarios.Everyone).PermittedTriggers));

        Parallel.For(0, 2000, i =>
        {
            var state = states[i % states.Length];
            var machine = Dibao.CreateMachine(Scenarios.In(Dibao, state), Scenarios.Everyone, parameters, Scenarios.DecisionTime);
            Assert.Equal(expected[state], string.Join(",", machine.PermittedTriggers));
        });
    }
}
