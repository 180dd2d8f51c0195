using Affairs.Domain.Staffing;
using Affairs.Workflows.Tests.Cases;
using static Affairs.Workflows.Tests.Specifications.Act;
using static Affairs.Workflows.Tests.Specifications.Expect;
using static Affairs.Workflows.Tests.Specifications.Prior;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>城乡最低生活保障: acceptance, means investigation, first review, public notice, confirmation.</summary>
public sealed class DibaoSpecifications
{
    private const string Type = "dibao";

    private static Prior[] Applied => [Opened(new() { ["applicationKind"] = "initial" })];

    private static Prior[] Documented => [.. Applied, Attached("application-form"), Attached("id-cards"), Attached("household-register"), Attached("income-proof")];

    private static Prior[] Investigating => [.. Documented, Moved("accept", "application", "investigation", new() { ["householdSize"] = 3 }), ClockStarted("statutory")];

    private static Prior[] Investigated => [
        .. Investigating,
        Moved("record-data-check", "investigation", "investigation", new() { ["dataCheckReportNo"] = "HC-2026-001", ["monthlyIncomePerPerson"] = 500m }),
        Moved("record-home-visit", "investigation", "investigation", new() { ["homeVisitDate"] = "2026-03-09", ["investigator1"] = "s-a", ["investigator2"] = "s-gw" }),
        Attached("data-check-report"),
        Attached("home-visit-record")];

    private static Prior[] InFirstReview => [.. Investigated, Moved("complete-investigation", "investigation", "first-review")];

    private static Prior[] OnNotice => [.. InFirstReview, Moved("pass-first-review", "first-review", "public-notice")];

    private static Prior[] InConfirmation => [.. OnNotice, Moved("notice-ended", "public-notice", "confirmation")];

    private static Prior[] AwaitingSupplement => [.. Applied, Moved("request-supplement", "application", "awaiting-supplement")];

    private static Prior[] In(string state) => state switch
    {
        "application" => Applied,
        "awaiting-supplement" => AwaitingSupplement,
        "investigation" => Investigating,
        "first-review" => InFirstReview,
        "public-notice" => OnNotice,
        _ => InConfirmation,
    };

    private static readonly Dictionary<string, object> Approval = new()
    {
        ["monthlyBenefit"] = 300m,
        ["paymentStartDate"] = "2026-04-01",
        ["bankAccount"] = "6222020200112233445",
        ["reviewIntervalMonths"] = 12,
    };

    [Fact]
    public Task an_application_is_opened_at_the_counter_with_its_kind() =>
        Specification.Of(Type)
            .When(Open(new() { ["applicationKind"] = "initial" }))
            .Then(Opens());

    [Fact]
    public Task an_application_without_its_kind_is_not_opened() =>
        Specification.Of(Type)
            .When(Open())
            .ThenRefused("validation.failed");

    [Fact]
    [Covers(Type, "application", "accept", "investigation")]
    public Task accepting_a_complete_application_starts_the_thirty_working_day_clock() =>
        Specification.Of(Type).Given(Documented)
            .When(Fire("accept", Centre.A, new() { ["householdSize"] = 3 }))
            .Then(Took("accept", "application", "investigation"), StartsClock("statutory"));

    [Fact]
    public Task an_application_missing_a_document_is_not_accepted() =>
        Specification.Of(Type).Given(Applied, Attached("application-form"), Attached("id-cards"), Attached("household-register"))
            .When(Fire("accept", Centre.A, new() { ["householdSize"] = 3 }))
            .ThenRefused("case.trigger-not-permitted", "missing-material");

    [Fact]
    public Task an_application_is_not_accepted_without_the_household_size() =>
        Specification.Of(Type).Given(Documented)
            .When(Fire("accept", Centre.A))
            .ThenRefused("case.trigger-not-permitted", "missing-field");

    [Fact]
    public Task acceptance_sets_only_the_household_size() =>
        Specification.Of(Type).Given(Documented)
            .When(Fire("accept", Centre.A, new() { ["householdSize"] = 3, ["monthlyBenefit"] = 900m }))
            .ThenRefused("case.trigger-not-permitted", "field-not-settable");

    [Fact]
    public Task a_household_size_out_of_range_is_invalid_data() =>
        Specification.Of(Type).Given(Documented)
            .When(Fire("accept", Centre.A, new() { ["householdSize"] = 21 }))
            .ThenRefused("validation.failed");

    [Fact]
    [Covers(Type, "application", "request-supplement", "awaiting-supplement")]
    public Task missing_items_are_asked_for_in_one_notice() =>
        Specification.Of(Type).Given(Applied)
            .When(Fire("request-supplement", Centre.A, new() { ["missingItems"] = new[] { "income-proof", "id-cards" } }, reason: "income proof missing"))
            .Then(Took("request-supplement", "application", "awaiting-supplement"));

    [Fact]
    public Task a_notice_without_its_list_of_missing_items_is_refused() =>
        Specification.Of(Type).Given(Applied)
            .When(Fire("request-supplement", Centre.A, reason: "income proof missing"))
            .ThenRefused("case.trigger-not-permitted", "missing-field");

    [Fact]
    public Task a_second_supplement_notice_is_refused() =>
        Specification.Of(Type).Given(Applied, Moved("request-supplement", "application", "awaiting-supplement", new() { ["missingItems"] = new[] { "income-proof" } }), Moved("supplement", "awaiting-supplement", "application"))
            .When(Fire("request-supplement", Centre.A, new() { ["missingItems"] = new[] { "household-register" } }, reason: "still missing"))
            .ThenRefused("case.trigger-not-permitted", "already-fired");

    [Fact]
    [Covers(Type, "application", "not-accept", "not-accepted")]
    public Task a_plainly_ineligible_application_is_not_accepted_with_the_reason_in_writing() =>
        Specification.Of(Type).Given(Applied)
            .When(Fire("not-accept", Centre.A, reason: "not resident in the sub-district"))
            .Then(Took("not-accept", "application", "not-accepted"));

    [Fact]
    public Task not_accepting_without_a_reason_is_refused() =>
        Specification.Of(Type).Given(Applied)
            .When(Fire("not-accept", Centre.A))
            .ThenRefused("case.trigger-not-permitted", "reason-required");

    [Fact]
    [Covers(Type, "awaiting-supplement", "supplement", "application")]
    public Task the_applicant_supplies_the_missing_items() =>
        Specification.Of(Type).Given(AwaitingSupplement)
            .When(Fire("supplement", Office.Applicant))
            .Then(Took("supplement", "awaiting-supplement", "application", ActingRole.Applicant));

    [Fact]
    [Covers(Type, "investigation", "record-data-check", "investigation")]
    public Task the_data_check_report_is_recorded_without_leaving_the_investigation() =>
        Specification.Of(Type).Given(Investigating)
            .When(Fire("record-data-check", Centre.A, new() { ["dataCheckReportNo"] = "HC-2026-002", ["monthlyIncomePerPerson"] = 420m }))
            .Then(Took("record-data-check", "investigation", "investigation"));

    [Fact]
    [Covers(Type, "investigation", "record-home-visit", "investigation")]
    public Task the_home_visit_is_recorded_by_B_while_A_is_on_leave() =>
        Specification.Of(Type).Given(Investigating).WhileAway("s-a")
            .When(Fire("record-home-visit", Centre.B, new() { ["homeVisitDate"] = "2026-03-09", ["investigator1"] = "s-b", ["investigator2"] = "s-gw" }))
            .Then(Took("record-home-visit", "investigation", "investigation", ActingRole.B));

    [Fact]
    [Covers(Type, "investigation", "complete-investigation", "first-review")]
    public Task an_investigation_signed_by_two_investigators_goes_to_first_review() =>
        Specification.Of(Type).Given(Investigated)
            .When(Fire("complete-investigation", Centre.A))
            .Then(Took("complete-investigation", "investigation", "first-review"));

    [Fact]
    public Task one_investigator_signing_twice_does_not_complete_the_investigation() =>
        Specification.Of(Type).Given(Investigated, Amended(new() { ["investigator2"] = "s-a" }))
            .When(Fire("complete-investigation", Centre.A))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    public Task an_investigation_without_its_reports_is_not_complete() =>
        Specification.Of(Type).Given(Investigating)
            .When(Fire("complete-investigation", Centre.A))
            .ThenRefused("case.trigger-not-permitted", "guard-false", "missing-material");

    [Fact]
    [Covers(Type, "first-review", "pass-first-review", "public-notice")]
    public Task the_section_head_passes_a_household_below_the_line_to_public_notice() =>
        Specification.Of(Type).Given(InFirstReview)
            .When(Fire("pass-first-review", Centre.Boss))
            .Then(Took("pass-first-review", "first-review", "public-notice", ActingRole.Supervisor));

    [Fact]
    public Task a_household_at_or_above_the_line_does_not_pass_first_review() =>
        Specification.Of(Type).Given(InFirstReview, Amended(new() { ["monthlyIncomePerPerson"] = 800m }))
            .When(Fire("pass-first-review", Centre.Boss))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    [Covers(Type, "first-review", "return-for-investigation", "investigation")]
    public Task first_review_returns_the_case_for_investigation_and_the_clock_runs_on() =>
        Specification.Of(Type).Given(InFirstReview)
            .When(Fire("return-for-investigation", Centre.Boss, reason: "neighbour visits missing"))
            .Then(Took("return-for-investigation", "first-review", "investigation", ActingRole.Supervisor));

    [Fact]
    [Covers(Type, "public-notice", "notice-ended", "confirmation")]
    public Task the_notice_ends_by_its_timer() =>
        Specification.Of(Type).Given(OnNotice)
            .When(Fire("notice-ended", Actor.System))
            .Then(Took("notice-ended", "public-notice", "confirmation", ActingRole.System));

    [Fact]
    public Task nobody_but_the_timer_ends_the_notice() =>
        Specification.Of(Type).Given(OnNotice)
            .When(Fire("notice-ended", Centre.A))
            .ThenRefused("case.trigger-not-permitted", "role-not-allowed");

    [Fact]
    [Covers(Type, "public-notice", "raise-objection", "investigation")]
    public Task an_objection_during_the_notice_reopens_the_investigation() =>
        Specification.Of(Type).Given(OnNotice)
            .When(Fire("raise-objection", Centre.A, new() { ["objectionSummary"] = "undeclared rental income" }, "neighbour objected"))
            .Then(Took("raise-objection", "public-notice", "investigation"));

    [Fact]
    [Covers(Type, "confirmation", "approve", "approved")]
    public Task confirmation_approves_payment_from_next_month_and_the_clock_stops() =>
        Specification.Of(Type).Given(InConfirmation)
            .When(Fire("approve", Centre.Boss, Approval))
            .Then(Took("approve", "confirmation", "approved", ActingRole.Supervisor), StopsClock("statutory"));

    [Fact]
    public Task payment_does_not_start_before_next_month() =>
        Specification.Of(Type).Given(InConfirmation)
            .When(Fire("approve", Centre.Boss, new(Approval) { ["paymentStartDate"] = "2026-03-01" }))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    public Task approval_needs_the_bank_account() =>
        Specification.Of(Type).Given(InConfirmation)
            .When(Fire("approve", Centre.Boss, Approval.Where(a => a.Key != "bankAccount").ToDictionary()))
            .ThenRefused("case.trigger-not-permitted", "missing-field");

    [Theory]
    [InlineData("investigation")]
    [InlineData("first-review")]
    [InlineData("confirmation")]
    [Covers(Type, "investigation", "reject", "rejected")]
    [Covers(Type, "first-review", "reject", "rejected")]
    [Covers(Type, "confirmation", "reject", "rejected")]
    public Task a_rejection_at_a_decision_point_gives_its_reason_and_stops_the_clock(string state) =>
        Specification.Of(Type).Given(In(state))
            .When(Fire("reject", Centre.Boss, reason: "income above the line"))
            .Then(Took("reject", state, "rejected", ActingRole.Supervisor), StopsClock("statutory"));

    [Fact]
    [Covers(Type, "confirmation", "end-benefit", "benefit-ended")]
    public Task a_re_review_may_end_the_benefit() =>
        Specification.Of(Type).Given(Opened(new() { ["applicationKind"] = "re-review" }), InConfirmation[1..])
            .When(Fire("end-benefit", Centre.Boss, reason: "income now above the line"))
            .Then(Took("end-benefit", "confirmation", "benefit-ended", ActingRole.Supervisor), StopsClock("statutory"));

    [Fact]
    public Task during_the_investigation_only_the_supervisor_rejects() =>
        Specification.Of(Type).Given(Investigating)
            .When(Fire("reject", Centre.A, reason: "the household refused the home visit"))
            .ThenRefused("case.trigger-not-permitted", "role-not-allowed");

    [Fact]
    [Covers(Type, "first-review", "end-benefit", "benefit-ended")]
    public Task a_re_review_above_the_line_ends_the_benefit_at_first_review() =>
        Specification.Of(Type).Given(Opened(new() { ["applicationKind"] = "re-review" }), InFirstReview[1..], Amended(new() { ["monthlyIncomePerPerson"] = 1200m }))
            .When(Fire("end-benefit", Centre.Boss, reason: "income now above the line"))
            .Then(Took("end-benefit", "first-review", "benefit-ended", ActingRole.Supervisor), StopsClock("statutory"));

    [Fact]
    public Task a_first_application_has_no_benefit_to_end() =>
        Specification.Of(Type).Given(InConfirmation)
            .When(Fire("end-benefit", Centre.Boss, reason: "income now above the line"))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Theory]
    [InlineData("investigation")]
    [InlineData("first-review")]
    [InlineData("public-notice")]
    [InlineData("confirmation")]
    [Covers(Type, "investigation", "extend-time-limit", "investigation")]
    [Covers(Type, "first-review", "extend-time-limit", "first-review")]
    [Covers(Type, "public-notice", "extend-time-limit", "public-notice")]
    [Covers(Type, "confirmation", "extend-time-limit", "confirmation")]
    public Task the_section_head_extends_the_statutory_limit_once_by_fifteen_working_days(string state) =>
        Specification.Of(Type).Given(In(state))
            .When(Fire("extend-time-limit", Centre.Boss, reason: "complex household"))
            .Then(Took("extend-time-limit", state, state, ActingRole.Supervisor), ExtendsClock("statutory"));

    [Fact]
    public Task the_statutory_limit_is_extended_only_once() =>
        Specification.Of(Type).Given(Investigating, ClockExtended("statutory"))
            .When(Fire("extend-time-limit", Centre.Boss, reason: "still complex"))
            .ThenRefused("case.trigger-not-permitted", "extension-exhausted");

    [Fact]
    public Task only_the_section_head_extends_the_limit() =>
        Specification.Of(Type).Given(Investigating)
            .When(Fire("extend-time-limit", Centre.A, reason: "complex household"))
            .ThenRefused("case.trigger-not-permitted", "role-not-allowed");

    [Theory]
    [InlineData("application", false)]
    [InlineData("awaiting-supplement", false)]
    [InlineData("investigation", true)]
    [InlineData("first-review", true)]
    [InlineData("public-notice", true)]
    [InlineData("confirmation", true)]
    [Covers(Type, "application", "withdraw", "withdrawn")]
    [Covers(Type, "awaiting-supplement", "withdraw", "withdrawn")]
    [Covers(Type, "investigation", "withdraw", "withdrawn")]
    [Covers(Type, "first-review", "withdraw", "withdrawn")]
    [Covers(Type, "public-notice", "withdraw", "withdrawn")]
    [Covers(Type, "confirmation", "withdraw", "withdrawn")]
    public Task the_applicant_withdraws_before_the_decision_and_a_running_clock_stops(string state, bool clockRuns) =>
        Specification.Of(Type).Given(In(state))
            .When(Withdraw(Office.Applicant))
            .Then([Took("withdraw", state, "withdrawn", ActingRole.Applicant), .. clockRuns ? new[] { StopsClock("statutory") } : []]);

    [Fact]
    public Task a_withdrawn_case_is_closed_to_every_trigger() =>
        Specification.Of(Type).Given(Applied, Moved("withdraw", "application", "withdrawn"))
            .When(Fire("accept", Centre.A, new() { ["householdSize"] = 3 }))
            .ThenRefused("case.closed");

    [Fact]
    public Task a_trigger_the_type_does_not_know_is_refused_as_unknown() =>
        Specification.Of(Type).Given(Applied)
            .When(Fire("fast-track", Centre.A))
            .ThenRefused("case.unknown-trigger", "unknown-trigger");

    [Fact]
    public Task a_trigger_of_another_step_is_refused_as_not_here() =>
        Specification.Of(Type).Given(Applied)
            .When(Fire("approve", Centre.A, Approval))
            .ThenRefused("case.trigger-not-permitted", "wrong-state");

    [Fact]
    public Task B_may_not_act_while_A_is_present_and_on_time() =>
        Specification.Of(Type).Given(Documented)
            .When(Fire("accept", Centre.B, new() { ["householdSize"] = 3 }))
            .ThenRefused("case.not-responsible");

    [Fact]
    public Task A_may_not_act_while_on_leave() =>
        Specification.Of(Type).Given(Documented).WhileAway("s-a")
            .When(Fire("accept", Centre.A, new() { ["householdSize"] = 3 }))
            .ThenRefused("case.not-responsible");

    [Fact]
    public Task B_takes_over_when_A_has_not_acted_within_the_takeover_delay() =>
        Specification.Of(Type).Given(Applied).Later(TimeSpan.FromDays(2))
            .When(Attach("income-proof", Centre.B))
            .Then(AttachesMaterial("income-proof", ActingRole.B));

    [Fact]
    public Task A_who_has_acted_on_the_step_keeps_it_past_the_takeover_delay() =>
        Specification.Of(Type).Given(Documented).Later(TimeSpan.FromDays(2))
            .When(Fire("accept", Centre.B, new() { ["householdSize"] = 3 }))
            .ThenRefused("case.not-responsible");

    [Fact]
    public Task staff_of_no_part_in_the_case_are_refused() =>
        Specification.Of(Type).Given(Documented)
            .When(Fire("accept", Centre.Other, new() { ["householdSize"] = 3 }))
            .ThenRefused("case.not-responsible");

    [Fact]
    public Task the_grid_worker_does_not_work_the_dibao_post() =>
        Specification.Of(Type).Given(Investigating)
            .When(Attach("income-proof", Office.GridWorker))
            .ThenRefused("case.not-responsible");

    [Fact]
    public Task the_applicant_may_bring_a_document() =>
        Specification.Of(Type).Given(Applied)
            .When(Attach("income-proof", Office.Applicant))
            .Then(AttachesMaterial("income-proof", ActingRole.Applicant));

    [Fact]
    public Task A_corrects_the_data_of_the_step() =>
        Specification.Of(Type).Given(Investigating)
            .When(Amend(new() { ["householdSize"] = 4 }, Centre.A))
            .Then(AmendsData(ActingRole.A, "householdSize"));
}
