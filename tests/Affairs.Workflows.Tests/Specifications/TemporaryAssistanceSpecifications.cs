using Affairs.Domain.Staffing;
using Affairs.Workflows.Tests.Cases;
using static Affairs.Workflows.Tests.Specifications.Act;
using static Affairs.Workflows.Tests.Specifications.Expect;
using static Affairs.Workflows.Tests.Specifications.Prior;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>临时救助, the administrator's sample: the post grants up to the cap, the section head above it.</summary>
public sealed class TemporaryAssistanceSpecifications
{
    private const string Type = "temporary-assistance";

    private static Prior[] Applied => [Opened(new() { ["emergencyKind"] = "illness" })];

    private static Prior[] UrgentlyApplied => [Opened(new() { ["emergencyKind"] = "accident", ["urgent"] = true })];

    private static Prior[] Documented => [.. Applied, Attached("application-form"), Attached("hardship-proof")];

    private static Prior[] InReview => [.. Documented, Moved("accept", "application", "review", new() { ["amountRequested"] = 3000m }), ClockStarted("statutory")];

    private static Prior[] AwaitingApproval => [.. InReview, Moved("decide", "review", "supervisor-approval", new() { ["amountGranted"] = 2500m })];

    [Fact]
    [Covers(Type, "application", "accept", "review")]
    public Task accepting_a_documented_application_starts_the_ten_working_day_clock() =>
        Specification.Of(Type).Given(Documented)
            .When(Fire("accept", Centre.A, new() { ["amountRequested"] = 3000m }))
            .Then(Took("accept", "application", "review"), StartsClock("statutory"));

    [Fact]
    [Covers(Type, "application", "grant-urgently", "granted")]
    public Task an_urgent_case_is_granted_at_once_up_to_the_urgent_cap() =>
        Specification.Of(Type).Given(UrgentlyApplied)
            .When(Fire("grant-urgently", Centre.A, new() { ["amountGranted"] = 1500m }))
            .Then(Took("grant-urgently", "application", "granted"));

    [Fact]
    public Task an_urgent_grant_above_the_urgent_cap_is_refused() =>
        Specification.Of(Type).Given(UrgentlyApplied)
            .When(Fire("grant-urgently", Centre.A, new() { ["amountGranted"] = 1500.01m }))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    public Task a_case_that_is_not_urgent_is_not_granted_at_once() =>
        Specification.Of(Type).Given(Applied)
            .When(Fire("grant-urgently", Centre.A, new() { ["amountGranted"] = 100m }))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    [Covers(Type, "review", "decide", "granted", Alternative = 0)]
    public Task the_post_grants_up_to_the_cap_and_the_clock_stops() =>
        Specification.Of(Type).Given(InReview)
            .When(Fire("decide", Centre.A, new() { ["amountGranted"] = 2000m }))
            .Then(Took("decide", "review", "granted"), StopsClock("statutory"));

    [Fact]
    [Covers(Type, "review", "decide", "supervisor-approval", Alternative = 1)]
    public Task above_the_cap_the_decision_goes_to_the_section_head_and_the_clock_keeps_running() =>
        Specification.Of(Type).Given(InReview)
            .When(Fire("decide", Centre.A, new() { ["amountGranted"] = 2000.01m }))
            .Then(Took("decide", "review", "supervisor-approval"));

    [Fact]
    [Covers(Type, "review", "decide", CoversAttribute.Refused)]
    public Task a_decision_without_an_amount_takes_neither_way() =>
        Specification.Of(Type).Given(InReview)
            .When(Fire("decide", Centre.A))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    [Covers(Type, "supervisor-approval", "approve", "granted")]
    public Task the_section_head_approves_a_grant_above_the_cap() =>
        Specification.Of(Type).Given(AwaitingApproval)
            .When(Fire("approve", Centre.Boss))
            .Then(Took("approve", "supervisor-approval", "granted", ActingRole.Supervisor), StopsClock("statutory"));

    [Fact]
    public Task only_the_section_head_approves_above_the_cap() =>
        Specification.Of(Type).Given(AwaitingApproval)
            .When(Fire("approve", Centre.A))
            .ThenRefused("case.not-responsible");

    [Fact]
    [Covers(Type, "review", "reject", "rejected")]
    public Task the_post_rejects_in_review_with_a_reason() =>
        Specification.Of(Type).Given(InReview)
            .When(Fire("reject", Centre.A, reason: "income above the threshold"))
            .Then(Took("reject", "review", "rejected"), StopsClock("statutory"));

    [Fact]
    [Covers(Type, "supervisor-approval", "reject", "rejected")]
    public Task the_section_head_rejects_a_grant_above_the_cap_with_a_reason() =>
        Specification.Of(Type).Given(AwaitingApproval)
            .When(Fire("reject", Centre.Boss, reason: "covered by medical aid"))
            .Then(Took("reject", "supervisor-approval", "rejected", ActingRole.Supervisor), StopsClock("statutory"));

    [Fact]
    public Task a_rejection_without_a_reason_is_refused() =>
        Specification.Of(Type).Given(InReview)
            .When(Fire("reject", Centre.A))
            .ThenRefused("case.trigger-not-permitted", "reason-required");

    [Fact]
    [Covers(Type, "application", "withdraw", "withdrawn")]
    public Task the_applicant_withdraws_an_application() =>
        Specification.Of(Type).Given(Applied)
            .When(Withdraw(Office.Applicant))
            .Then(Took("withdraw", "application", "withdrawn", ActingRole.Applicant));

    [Fact]
    [Covers(Type, "review", "withdraw", "withdrawn")]
    public Task the_applicant_withdraws_in_review_and_the_clock_stops() =>
        Specification.Of(Type).Given(InReview)
            .When(Withdraw(Office.Applicant))
            .Then(Took("withdraw", "review", "withdrawn", ActingRole.Applicant), StopsClock("statutory"));

    [Fact]
    public Task nothing_is_decided_on_a_granted_case() =>
        Specification.Of(Type).Given(InReview, Moved("decide", "review", "granted", new() { ["amountGranted"] = 800m }))
            .When(Fire("reject", Centre.A, reason: "second thoughts"))
            .ThenRefused("case.closed");
}
