using Affairs.Workflows.Commands;
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

internal sealed class WithdrawCaseHandler(IMediator mediator) : ICommandHandler<WithdrawCase, CaseRevision>
{
    /// <summary>The trigger every affair type that allows withdrawal names.</summary>
    public const string Trigger = "withdraw";

    public async ValueTask<CaseRevision> Handle(WithdrawCase command, CancellationToken cancellationToken) =>
        await mediator.Send(new FireTrigger(command.CaseId, Trigger, command.ExpectedRevision, command.Reason, null, command.Context with { IdempotencyKey = null }), cancellationToken).ConfigureAwait(false);
}
