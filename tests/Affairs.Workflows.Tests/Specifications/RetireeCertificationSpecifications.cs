using Affairs.Domain.Staffing;
using Affairs.Workflows.Tests.Cases;
using static Affairs.Workflows.Tests.Specifications.Act;
using static Affairs.Workflows.Tests.Specifications.Expect;
using static Affairs.Workflows.Tests.Specifications.Prior;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>退休人员领取养老金资格认证: certified yearly; the bedridden at home by the grid worker; suspended when late.</summary>
public sealed class RetireeCertificationSpecifications
{
    private const string Type = "retiree-certification";

    private static Prior[] Due => [Opened(new() { ["lastCertifiedOn"] = "2025-03-02" })];

    private static Prior[] VisitRequested => [.. Due, Moved("request-home-visit", "due", "home-visit", new() { ["bedridden"] = true })];

    private static Prior[] Suspended => [.. Due, Moved("suspend", "due", "suspended")];

    private static Prior[] In(string state) => state switch
    {
        "due" => Due,
        "home-visit" => VisitRequested,
        _ => Suspended,
    };

    [Fact]
    [Covers(Type, "due", "certify", "certified")]
    public Task a_retiree_is_certified_at_the_counter() =>
        Specification.Of(Type).Given(Due)
            .When(Fire("certify", Centre.A, new() { ["channel"] = "counter", ["certifiedOn"] = "2026-03-09" }))
            .Then(Took("certify", "due", "certified"));

    [Fact]
    public Task a_certification_dated_after_today_is_refused() =>
        Specification.Of(Type).Given(Due)
            .When(Fire("certify", Centre.A, new() { ["channel"] = "counter", ["certifiedOn"] = "2026-03-10" }))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    [Covers(Type, "due", "request-home-visit", "home-visit")]
    public Task a_bedridden_retiree_is_visited_by_the_grid_worker() =>
        Specification.Of(Type).Given(Due)
            .When(Fire("request-home-visit", Centre.A, new() { ["bedridden"] = true }))
            .Then(Took("request-home-visit", "due", "home-visit"));

    [Fact]
    public Task a_retiree_who_can_come_is_not_visited() =>
        Specification.Of(Type).Given(Due)
            .When(Fire("request-home-visit", Centre.A, new() { ["bedridden"] = false }))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    [Covers(Type, "home-visit", "certify", "certified")]
    public Task the_grid_worker_certifies_on_the_home_visit() =>
        Specification.Of(Type).Given(VisitRequested)
            .When(Fire("certify", Office.GridWorker, new() { ["channel"] = "home-visit", ["certifiedOn"] = "2026-03-09" }))
            .Then(Took("certify", "home-visit", "certified"));

    [Fact]
    public Task the_post_does_not_certify_a_home_visit_it_did_not_make() =>
        Specification.Of(Type).Given(VisitRequested)
            .When(Fire("certify", Centre.A, new() { ["channel"] = "home-visit", ["certifiedOn"] = "2026-03-09" }))
            .ThenRefused("case.not-responsible");

    [Fact]
    [Covers(Type, "home-visit", "visit-failed", "due")]
    public Task a_failed_visit_goes_back_to_the_post_with_its_reason() =>
        Specification.Of(Type).Given(VisitRequested)
            .When(Fire("visit-failed", Office.GridWorker, reason: "nobody at home"))
            .Then(Took("visit-failed", "home-visit", "due"));

    [Fact]
    [Covers(Type, "due", "suspend", "suspended")]
    public Task the_pension_is_suspended_by_the_timer() =>
        Specification.Of(Type).Given(Due)
            .When(Fire("suspend", Actor.System))
            .Then(Took("suspend", "due", "suspended", ActingRole.System));

    [Fact]
    [Covers(Type, "suspended", "resume", "resumed")]
    public Task a_late_certification_resumes_the_pension_with_back_pay() =>
        Specification.Of(Type).Given(Suspended)
            .When(Fire("resume", Centre.A, new() { ["channel"] = "counter", ["certifiedOn"] = "2026-03-09", ["backPay"] = true }))
            .Then(Took("resume", "suspended", "resumed"));

    [Theory]
    [InlineData("due")]
    [InlineData("home-visit")]
    [InlineData("suspended")]
    [Covers(Type, "due", "report-death", "terminated")]
    [Covers(Type, "home-visit", "report-death", "terminated")]
    [Covers(Type, "suspended", "report-death", "terminated")]
    public Task a_reported_death_terminates_the_pension(string state) =>
        Specification.Of(Type).Given(In(state))
            .When(Fire("report-death", Actor.System, new() { ["deathDate"] = "2026-03-01", ["overpaymentToRecover"] = 0m }, "civil-affairs death record"))
            .Then(Took("report-death", state, "terminated", ActingRole.System));
}
