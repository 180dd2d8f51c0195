using Affairs.Domain.Staffing;
using Affairs.Workflows.Tests.Cases;
using static Affairs.Workflows.Tests.Specifications.Act;
using static Affairs.Workflows.Tests.Specifications.Expect;
using static Affairs.Workflows.Tests.Specifications.Prior;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>城乡居民基本医疗保险参保登记: checks, premium and subsidy, payment, and the cover start by enrolment window.</summary>
public sealed class MedicalInsuranceSpecifications
{
    private const string Type = "medical-insurance";

    private static Prior[] Applied => [Opened()];

    private static Prior[] Documented => [.. Applied, Attached("id-card"), Attached("residence-proof")];

    private static Prior[] Checking(string birthDate = "1985-06-02") =>
        [.. Documented, Moved("start-checks", "application", "eligibility-check", new() { ["residenceBasis"] = "household-registration", ["birthDate"] = birthDate })];

    private static Prior[] Checked(string birthDate = "1985-06-02") =>
        [.. Checking(birthDate), Moved("record-checks", "eligibility-check", "eligibility-check", new() { ["identityVerified"] = true, ["residenceVerified"] = true, ["noDuplicateCover"] = true })];

    private static Prior[] Determining(string birthDate = "1985-06-02") => [.. Checked(birthDate), Moved("pass-checks", "eligibility-check", "premium-determination")];

    private static Prior[] Paying(string birthDate = "1985-06-02") =>
        [.. Determining(birthDate), Attached("subsidy-certificate"), Moved("determine-premium", "premium-determination", "payment", new() { ["category"] = "dibao", ["subsidy"] = 380m, ["premiumDue"] = 0m })];

    private static Prior[] In(string state) => state switch
    {
        "application" => Applied,
        "eligibility-check" => Checking(),
        "premium-determination" => Determining(),
        _ => Paying(),
    };

    [Fact]
    [Covers(Type, "application", "start-checks", "eligibility-check")]
    public Task the_checks_start_on_a_documented_application() =>
        Specification.Of(Type).Given(Documented)
            .When(Fire("start-checks", Centre.A, new() { ["residenceBasis"] = "residence-permit", ["birthDate"] = "1990-01-31" }))
            .Then(Took("start-checks", "application", "eligibility-check"));

    [Fact]
    [Covers(Type, "eligibility-check", "record-checks", "eligibility-check")]
    public Task the_data_comparison_records_the_checks_as_the_system() =>
        Specification.Of(Type).Given(Checking())
            .When(Fire("record-checks", Actor.System, new() { ["identityVerified"] = true, ["residenceVerified"] = true, ["noDuplicateCover"] = false }))
            .Then(Took("record-checks", "eligibility-check", "eligibility-check", ActingRole.System));

    [Fact]
    [Covers(Type, "eligibility-check", "pass-checks", "premium-determination")]
    public Task identity_residence_and_no_other_cover_pass_the_checks() =>
        Specification.Of(Type).Given(Checked())
            .When(Fire("pass-checks", Centre.A))
            .Then(Took("pass-checks", "eligibility-check", "premium-determination"));

    [Fact]
    public Task a_resident_already_covered_elsewhere_does_not_pass() =>
        Specification.Of(Type).Given(Checked(), Amended(new() { ["noDuplicateCover"] = false }))
            .When(Fire("pass-checks", Centre.A))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    [Covers(Type, "premium-determination", "determine-premium", "payment")]
    public Task an_ordinary_resident_pays_the_whole_premium_with_no_subsidy_certificate() =>
        Specification.Of(Type).Given(Determining())
            .When(Fire("determine-premium", Centre.A, new() { ["category"] = "ordinary", ["subsidy"] = 0m, ["premiumDue"] = 380m }))
            .Then(Took("determine-premium", "premium-determination", "payment"));

    [Fact]
    public Task a_subsidised_category_needs_the_dibao_or_hardship_certificate() =>
        Specification.Of(Type).Given(Determining())
            .When(Fire("determine-premium", Centre.A, new() { ["category"] = "dibao", ["subsidy"] = 380m, ["premiumDue"] = 0m }))
            .ThenRefused("case.trigger-not-permitted", "missing-material");

    [Fact]
    public Task a_subsidy_other_than_the_policy_is_refused() =>
        Specification.Of(Type).Given(Determining(), Attached("subsidy-certificate"))
            .When(Fire("determine-premium", Centre.A, new() { ["category"] = "tekun", ["subsidy"] = 380m, ["premiumDue"] = 0m }))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Fact]
    [Covers(Type, "payment", "confirm-payment", "enrolled", Alternative = 0)]
    public Task paid_in_the_regular_window_cover_starts_with_the_cover_year() =>
        Specification.Of(Type).Given(Paying())
            .When(Fire("confirm-payment", Centre.A, new() { ["enrolmentWindow"] = "regular", ["paymentDate"] = "2026-10-15", ["coverStartDate"] = "2027-01-01" }))
            .Then(Took("confirm-payment", "payment", "enrolled"));

    [Fact]
    [Covers(Type, "payment", "confirm-payment", "enrolled", Alternative = 1)]
    public Task paid_in_the_late_window_cover_starts_on_payment() =>
        Specification.Of(Type).Given(Paying())
            .When(Fire("confirm-payment", Actor.System, new() { ["enrolmentWindow"] = "late", ["paymentDate"] = "2027-01-20", ["coverStartDate"] = "2027-01-20" }))
            .Then(Took("confirm-payment", "payment", "enrolled", ActingRole.System));

    [Fact]
    [Covers(Type, "payment", "confirm-payment", "enrolled", Alternative = 2)]
    public Task paid_outside_the_windows_cover_waits_the_base_months_and_one_per_uncovered_year() =>
        Specification.Of(Type).Given(Paying())
            .When(Fire("confirm-payment", Centre.A, new() { ["enrolmentWindow"] = "outside", ["paymentDate"] = "2026-03-09", ["coverStartDate"] = "2026-08-09", ["uncoveredYears"] = 2 }))
            .Then(Took("confirm-payment", "payment", "enrolled"));

    [Fact]
    [Covers(Type, "payment", "confirm-payment", "enrolled", Alternative = 3)]
    public Task a_newborn_enrolled_within_ninety_days_is_covered_from_birth() =>
        Specification.Of(Type).Given(Paying("2026-01-10"))
            .When(Fire("confirm-payment", Centre.A, new() { ["enrolmentWindow"] = "newborn", ["paymentDate"] = "2026-04-10", ["coverStartDate"] = "2026-01-10" }))
            .Then(Took("confirm-payment", "payment", "enrolled"));

    [Fact]
    [Covers(Type, "payment", "confirm-payment", "enrolled", Alternative = 4)]
    public Task a_newcomer_paying_within_three_months_of_registration_is_covered_from_payment() =>
        Specification.Of(Type).Given(Paying())
            .When(Fire("confirm-payment", Centre.A, new() { ["enrolmentWindow"] = "newcomer", ["registeredOn"] = "2026-01-15", ["paymentDate"] = "2026-04-14", ["coverStartDate"] = "2026-04-14" }))
            .Then(Took("confirm-payment", "payment", "enrolled"));

    [Theory]
    [InlineData("2026-01-15", "2026-04-15")]
    [InlineData("2026-05-01", "2026-04-14")]
    public Task a_newcomer_paying_three_months_after_registration_or_before_it_waits_like_anyone(string registered, string paid) =>
        Specification.Of(Type).Given(Paying())
            .When(Fire("confirm-payment", Centre.A, new() { ["enrolmentWindow"] = "newcomer", ["registeredOn"] = registered, ["paymentDate"] = paid, ["coverStartDate"] = paid }))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Theory]
    [InlineData("regular", "2026-08-31", "2027-01-01", null)]
    [InlineData("late", "2027-01-20", "2027-01-01", null)]
    [InlineData("outside", "2026-03-09", "2026-07-09", 2)]
    [InlineData("newborn", "2026-04-11", "2026-01-10", null)]
    [Covers(Type, "payment", "confirm-payment", CoversAttribute.Refused)]
    public Task a_payment_that_fits_no_enrolment_window_is_not_confirmed(string window, string paid, string cover, int? uncoveredYears) =>
        Specification.Of(Type).Given(Paying("2026-01-10"))
            .When(Fire("confirm-payment", Centre.A, new Dictionary<string, object> { ["enrolmentWindow"] = window, ["paymentDate"] = paid, ["coverStartDate"] = cover }
                .Concat(uncoveredYears is { } years ? [KeyValuePair.Create("uncoveredYears", (object)years)] : []).ToDictionary()))
            .ThenRefused("case.trigger-not-permitted", "guard-false");

    [Theory]
    [InlineData("eligibility-check")]
    [InlineData("premium-determination")]
    [InlineData("payment")]
    [Covers(Type, "eligibility-check", "reject", "rejected")]
    [Covers(Type, "premium-determination", "reject", "rejected")]
    [Covers(Type, "payment", "reject", "rejected")]
    public Task the_post_rejects_an_enrolment_with_a_reason(string state) =>
        Specification.Of(Type).Given(In(state))
            .When(Fire("reject", Centre.A, reason: "enrolled in employee insurance"))
            .Then(Took("reject", state, "rejected"));

    [Theory]
    [InlineData("application")]
    [InlineData("eligibility-check")]
    [InlineData("premium-determination")]
    [InlineData("payment")]
    [Covers(Type, "application", "withdraw", "withdrawn")]
    [Covers(Type, "eligibility-check", "withdraw", "withdrawn")]
    [Covers(Type, "premium-determination", "withdraw", "withdrawn")]
    [Covers(Type, "payment", "withdraw", "withdrawn")]
    public Task the_resident_withdraws_before_enrolment(string state) =>
        Specification.Of(Type).Given(In(state))
            .When(Withdraw(Office.Applicant))
            .Then(Took("withdraw", state, "withdrawn", ActingRole.Applicant));
}
