using Affairs.Domain.AffairTypes;
using Affairs.Domain.Policies;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Tests.AffairTypes;

/// <summary>
/// For each affair type, case data and policy values under which its guards can pass: what a walk through the
/// machine needs to show that every outcome is reachable.
/// </summary>
internal static class Scenarios
{
    public static readonly DateTimeOffset DecisionTime = new(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Dictionary<string, (string Data, string Parameters)> ById = new()
    {
        ["dibao"] = ("""
            { "applicationKind": "re-review", "householdSize": 3, "dataCheckReportNo": "HD-2026-0117",
              "homeVisitDate": "2026-03-12", "investigator1": "staff-3", "investigator2": "staff-8",
              "monthlyIncomePerPerson": 512.40, "monthlyBenefit": 367.60, "paymentStartDate": "2026-04-01",
              "bankAccount": "6222020200112233", "reviewIntervalMonths": 12 }
            """, """{ "dibaoLine": 880 }"""),
        ["medical-insurance"] = ("""
            { "residenceBasis": "household-registration", "birthDate": "1985-06-02", "identityVerified": true,
              "residenceVerified": true, "noDuplicateCover": true, "category": "dibao", "subsidy": 380,
              "premiumDue": 0, "enrolmentWindow": "late", "paymentDate": "2027-01-20", "coverStartDate": "2027-01-20" }
            """, """
            { "individualPremium": 380, "dibaoSubsidy": 380, "tekunSubsidy": 380, "windowStart": "2026-09-01",
              "windowEnd": "2026-12-31", "lateWindowEnd": "2027-02-28", "coverYearStart": "2027-01-01", "baseWaitingMonths": 3 }
            """),
        ["retiree-certification"] = ("""
            { "lastCertifiedOn": "2025-03-02", "channel": "counter", "certifiedOn": "2026-03-18", "bedridden": true,
              "backPay": true, "deathDate": "2026-03-15", "overpaymentToRecover": 0 }
            """, "{}"),
        ["home-elderly-care"] = ("""
            { "birthDate": "1941-08-09", "elderCategory": "over-80", "needsLevel": "moderate", "monthlySubsidy": 150,
              "agreementSignedOn": "2026-03-10", "provider": "partner-shop", "followUpNote": "Meals arrive on time." }
            """, """{ "subsidyLivingAlone": 200, "subsidyOver80": 150, "subsidyDibao": 300 }"""),
        [Definitions.Sample] = ("""
            { "emergencyKind": "illness", "urgent": true, "amountRequested": 3000, "amountGranted": 1500 }
            """, """{ "temporaryAssistanceCap": 2000, "urgentAssistanceCap": 1500 }"""),
    };

    public static IReadOnlyDictionary<string, FieldValue> Data(CompiledAffairType type) => type.Data(ById[type.Id].Data);

    public static IReadOnlyDictionary<string, FieldValue> Parameters(CompiledAffairType type) =>
        type.BindParameters(new PolicyParameterSet
        {
            Id = "jinghu",
            Version = 1,
            EffectiveFrom = new DateOnly(2026, 1, 1),
            Values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(ById[type.Id].Parameters)!,
        });

    public static CaseActor Everyone { get; } = new("walker", Enum.GetValues<CaseRole>().ToHashSet());

    /// <summary>A case of <paramref name="type"/> in <paramref name="state"/> with the scenario's data and every material attached.</summary>
    public static CaseSituation In(CompiledAffairType type, string state) => new(
        state,
        Data(type),
        type.Definition.Materials.Select(m => m.Id).ToHashSet(),
        new Dictionary<string, int>());
}
