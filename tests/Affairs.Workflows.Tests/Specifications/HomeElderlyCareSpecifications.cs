using Affairs.Domain.Staffing;
using Affairs.Workflows.Tests.Cases;
using static Affairs.Workflows.Tests.Specifications.Act;
using static Affairs.Workflows.Tests.Specifications.Expect;
using static Affairs.Workflows.Tests.Specifications.Prior;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>居家养老: assessment, agreement, services, follow-up visits by the grid worker.</summary>
public sealed class HomeElderlyCareSpecifications
{
    private const string Type = "home-elderly-care";

    /// <summary>A field's value as an event records it emptied: JSON null.</summary>
    private static readonly object Cleared = System.Text.Json.JsonDocument.Parse("null").RootElement.Clone();

    private static Prior[] Requested => [Opened()];

    private static Prior[] Assessing => [.. Requested, Moved("start-assessment", "request", "assessment", new() { ["birthDate"] = "1941-08-09" })];

    private static Prior[] Agreeing => [
        .. Assessing, Attached("assessment-form"),
        Moved("complete-assessment", "assessment", "agreement", new() { ["elderCategory"] = "over-80", ["needsLevel"] = "moderate", ["monthlySubsidy"] = 150m })];

    private static Prior[] Serving => [
        .. Agreeing, Attached("service-agreement"),
        Moved("sign-agreement", "agreement", "service", new() { ["agreementSignedOn"] = "2026-03-09", ["provider"] = "partner-shop" })];

    private static Prior[] FollowingUp => [.. Serving, Moved("follow-up-due", "service", "follow-up")];

    private static Prior[] FollowedUp => [.. FollowingUp, Moved("record-follow-up", "follow-up", "follow-up", new() { ["followUpNote"] = "Meals arrive on time." })];

    private static Prior[] In(string state) => state switch
    {
        "request" => Requested,
        "assessment" => Assessing,
        "agreement" => Agreeing,
        "service" => Serving,
        _ => FollowingUp,
    };

    [Fact]
    [Covers(Type, "request", "start-assessment", "assessment")]
    public Task the_needs_assessment_starts_on_request() =>
        Specification.Of(Type).Given(Requested)
            .When(Fire("start-assessment", Centre.A, new() { ["birthDate"] = "1941-08-09" }))
            .Then(Took("start-assessment", "request", "assessment"));

    [Fact]
    [Covers(Type, "assessment", "complete-assessment", "agreement")]
    public Task an_elder_over_eighty_gets_the_over_eighty_subsidy() =>
        Specification.Of(Type).Given(Assessing, Attached("assessment-form"))
            .When(Fire("complete-assessment", Centre.A, new() { ["elderCategory"] = "over-80", ["needsLevel"] = "light", ["monthlySubsidy"] = 150m }))
            .Then(Took("complete-assessment", "assessment", "agreement"));

    [Fact]
    public Task an_elder_under_eighty_is_not_assessed_as_over_eighty() =>
        Specification.Of(Type).Given(Requested, Moved("start-assessment", "request", "assessment", new() { ["birthDate"] = "1950-01-01" }), Attached("assessment-form"))
            .When(Fire("complete-assessment", Centre.A, new() { ["elderCategory"] = "over-80", ["needsLevel"] = "light", ["monthlySubsidy"] = 150m }))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Theory]
    [InlineData("request")]
    [InlineData("assessment")]
    [Covers(Type, "request", "decline", "declined")]
    [Covers(Type, "assessment", "decline", "declined")]
    public Task a_request_is_declined_with_its_reason(string state) =>
        Specification.Of(Type).Given(In(state))
            .When(Fire("decline", Centre.A, reason: "lives with family who care"))
            .Then(Took("decline", state, "declined"));

    [Fact]
    [Covers(Type, "agreement", "sign-agreement", "service")]
    public Task a_signed_agreement_starts_the_service() =>
        Specification.Of(Type).Given(Agreeing, Attached("service-agreement"))
            .When(Fire("sign-agreement", Centre.A, new() { ["agreementSignedOn"] = "2026-03-09", ["provider"] = "volunteer" }))
            .Then(Took("sign-agreement", "agreement", "service"));

    [Fact]
    [Covers(Type, "service", "record-service", "service")]
    public Task each_service_is_recorded_on_the_case() =>
        Specification.Of(Type).Given(Serving)
            .When(Fire("record-service", Centre.A, new() { ["lastServiceKind"] = "meals", ["lastServiceOn"] = "2026-03-09" }))
            .Then(Took("record-service", "service", "service"));

    [Fact]
    [Covers(Type, "service", "follow-up-due", "follow-up")]
    public Task a_month_of_service_brings_the_follow_up_visit() =>
        Specification.Of(Type).Given(Serving)
            .When(Fire("follow-up-due", Actor.System))
            .Then(Took("follow-up-due", "service", "follow-up", ActingRole.System));

    [Fact]
    [Covers(Type, "follow-up", "record-follow-up", "follow-up")]
    public Task the_grid_worker_records_the_follow_up_visit() =>
        Specification.Of(Type).Given(FollowingUp)
            .When(Fire("record-follow-up", Office.GridWorker, new() { ["followUpNote"] = "Happy with the meals." }))
            .Then(Took("record-follow-up", "follow-up", "follow-up"));

    [Fact]
    [Covers(Type, "follow-up", "continue-service", "service")]
    public Task after_the_visit_the_service_continues() =>
        Specification.Of(Type).Given(FollowedUp)
            .When(Fire("continue-service", Office.GridWorker))
            .Then(TookClearing("continue-service", "follow-up", "service", "followUpNote"));

    [Fact]
    [Covers(Type, "follow-up", "close", "closed")]
    public Task after_the_visit_the_case_may_close() =>
        Specification.Of(Type).Given(FollowedUp)
            .When(Fire("close", Office.GridWorker))
            .Then(Took("close", "follow-up", "closed"));

    [Fact]
    [Covers(Type, "follow-up", "record-service", "follow-up")]
    public Task services_go_on_during_the_follow_up_and_are_recorded_there() =>
        Specification.Of(Type).Given(FollowingUp)
            .When(Fire("record-service", Office.GridWorker, new() { ["lastServiceKind"] = "meals", ["lastServiceOn"] = "2026-03-09" }))
            .Then(Took("record-service", "follow-up", "follow-up"));

    [Fact]
    public Task a_later_follow_up_is_not_closed_on_the_note_of_an_earlier_one() =>
        Specification.Of(Type).Given(FollowedUp, Moved("continue-service", "follow-up", "service", new() { ["followUpNote"] = Cleared }), Moved("follow-up-due", "service", "follow-up"))
            .When(Fire("close", Office.GridWorker))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    public Task no_case_closes_without_a_follow_up_note() =>
        Specification.Of(Type).Given(FollowingUp)
            .When(Fire("close", Office.GridWorker))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Theory]
    [InlineData("service", "s-a")]
    [InlineData("follow-up", "s-gw")]
    [Covers(Type, "service", "end-service", "ended")]
    [Covers(Type, "follow-up", "end-service", "ended")]
    public Task the_service_ends_with_its_reason(string state, string handler) =>
        Specification.Of(Type).Given(In(state))
            .When(Fire("end-service", Actor.Of(handler, ActorRoles.Caseworker), reason: "moved to a care home"))
            .Then(Took("end-service", state, "ended"));

    [Theory]
    [InlineData("request")]
    [InlineData("assessment")]
    [InlineData("agreement")]
    [Covers(Type, "request", "withdraw", "withdrawn")]
    [Covers(Type, "assessment", "withdraw", "withdrawn")]
    [Covers(Type, "agreement", "withdraw", "withdrawn")]
    public Task the_elder_withdraws_before_the_service_starts(string state) =>
        Specification.Of(Type).Given(In(state))
            .When(Withdraw(Office.Applicant))
            .Then(Took("withdraw", state, "withdrawn", ActingRole.Applicant));
}
