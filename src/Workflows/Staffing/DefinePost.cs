using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Staffing;

/// <summary>Defines a post, or changes its name, affair types or takeover delay.</summary>
/// <param name="PostId">The post id (<c>dibao</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="AffairTypes">The affair types it serves.</param>
/// <param name="TakeoverDelayWorkingDays">Working days A has on a step before B takes over (0 to 30).</param>
/// <param name="Context">Who defines it, and tracing.</param>
public sealed record DefinePost(string PostId, string Name, IReadOnlyList<string> AffairTypes, int TakeoverDelayWorkingDays, CommandContext Context)
    : ICommand<PostRevision>, IAffairsCommand;

internal sealed class DefinePostValidator : ICommandValidator<DefinePost>
{
    public void Validate(DefinePost command, ValidationErrors errors) =>
        errors.AddIf(!StaffIds.IsValid(command.PostId), "postId", StaffIds.Rule)
            .AddIf(string.IsNullOrWhiteSpace(command.Name), "name", "A name is required.")
            .AddIf(command.TakeoverDelayWorkingDays is < 0 or > 30, "takeoverDelayWorkingDays", "The takeover delay is 0 to 30 working days.");
}

internal sealed class DefinePostHandler(OrganisationCommand organisation, TimeProvider time) : ICommandHandler<DefinePost, PostRevision>
{
    public async ValueTask<PostRevision> Handle(DefinePost command, CancellationToken cancellationToken) =>
        await organisation.ExecuteAsync(
            command,
            _ => ([new PostDefined(command.PostId, command.Name.Trim(), command.AffairTypes ?? [], command.TakeoverDelayWorkingDays, time.GetUtcNow())], []),
            (revision, warnings) => new PostRevision(command.PostId, revision, warnings),
            cancellationToken).ConfigureAwait(false);
}
