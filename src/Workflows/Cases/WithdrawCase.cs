using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>
/// Withdraws a case at the applicant's request: fires the affair type's <c>withdraw</c> trigger, so the definition
/// decides where withdrawal is possible (before the decision) and who may record it.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reason">The applicant's reason, if given.</param>
/// <param name="ExpectedRevision">The revision the client saw, or null.</param>
/// <param name="Context">Who records it, and tracing.</param>
public sealed record WithdrawCase(string CaseId, string? Reason, long? ExpectedRevision, CommandContext Context) : ICommand<CaseRevision>, IAffairsCommand;

internal sealed class WithdrawCaseValidator : ICommandValidator<WithdrawCase>
{
    public void Validate(WithdrawCase command, ValidationErrors errors) =>
        errors.AddIf(command.Reason is { Length: > 2000 }, "reason", "A reason has at most 2000 characters.")
            .AddIf(command.ExpectedRevision is < 0, "expectedRevision", "A revision is 0 or more.");
}

internal sealed class WithdrawCaseHandler(CaseEngine engine) : ICommandHandler<WithdrawCase, CaseRevision>
{
    /// <summary>The trigger every affair type that allows withdrawal names.</summary>
    public const string Trigger = "withdraw";

    /// <summary>
    /// Fires the trigger as this command (not as a second one through the pipeline), so its idempotency key guards the
    /// effect on the case like any other.
    /// </summary>
    public async ValueTask<CaseRevision> Handle(WithdrawCase command, CancellationToken cancellationToken) =>
        await FireTriggerHandler.FireAsync(engine, command, new FireTrigger(command.CaseId, Trigger, command.ExpectedRevision, command.Reason, null, command.Context), cancellationToken).ConfigureAwait(false);
}
