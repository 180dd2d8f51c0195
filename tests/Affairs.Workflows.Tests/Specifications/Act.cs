using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>The command of a specification's When, sent through the mediator as its actor.</summary>
public sealed record Act(string Description, Func<Setting, Engine, Task<CaseRevision>> Send)
{
    public static Act Fire(string trigger, Actor by, Dictionary<string, object>? data = null, string? reason = null) => new(
        $"{by.Id} fires {trigger}",
        (s, e) => e.Mediator.Send(new FireTrigger(s.CaseId, trigger, null, reason, data is null ? null : Setting.Json(data), e.As(by))).AsTask());

    /// <summary>The counter opens the case (as the engine, the one actor that may name the case id the specification reads).</summary>
    public static Act Open(Dictionary<string, object>? data = null) => new(
        "the counter opens the case",
        (s, e) => e.Mediator.Send(new OpenCase(s.Type.Id, null, s.SubjectId, "counter", data is null ? null : Setting.Json(data), e.As(Actor.System), s.CaseId)).AsTask());

    public static Act Attach(string material, Actor by) => new(
        $"{by.Id} attaches {material}",
        (s, e) => e.Mediator.Send(new AttachMaterial(s.CaseId, material, material + ".pdf", "application/pdf", 2048, new string('b', 64), null, e.As(by))).AsTask());

    public static Act Amend(Dictionary<string, object> data, Actor by) => new(
        $"{by.Id} amends {string.Join(", ", data.Keys)}",
        (s, e) => e.Mediator.Send(new AmendData(s.CaseId, Setting.Json(data), "corrected after a call", null, e.As(by))).AsTask());

    public static Act Withdraw(Actor by, string? reason = null) => new(
        $"{by.Id} withdraws the case",
        (s, e) => e.Mediator.Send(new WithdrawCase(s.CaseId, reason, null, e.As(by))).AsTask());
}
