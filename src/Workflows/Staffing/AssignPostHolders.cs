using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Staffing;

/// <summary>Assigns or reassigns a post's A and B holders: exactly one of each, two different registered people.</summary>
/// <param name="PostId">The post.</param>
/// <param name="AHolderId">The A holder (主办).</param>
/// <param name="BHolderId">The B holder (协办).</param>
/// <param name="Reason">Why (the assignment is public and attributable).</param>
/// <param name="Context">Who assigns, and tracing.</param>
public sealed record AssignPostHolders(string PostId, string AHolderId, string BHolderId, string Reason, CommandContext Context)
    : ICommand<PostRevision>, IAffairsCommand;

internal sealed class AssignPostHoldersValidator : ICommandValidator<AssignPostHolders>
{
    public void Validate(AssignPostHolders command, ValidationErrors errors) =>
        errors.AddIf(command.AHolderId == command.BHolderId, "bHolderId", "A and B must be two different people.")
            .AddIf(string.IsNullOrWhiteSpace(command.Reason), "reason", "Say why the holders are assigned.");
}

internal sealed class AssignPostHoldersHandler(OrganisationCommand organisation, TimeProvider time) : ICommandHandler<AssignPostHolders, PostRevision>
{
    public async ValueTask<PostRevision> Handle(AssignPostHolders command, CancellationToken cancellationToken) =>
        await organisation.ExecuteAsync(
            command,
            org =>
            {
                if (!org.Posts.ContainsKey(command.PostId))
                {
                    throw CommandRejectedException.NotFound("post.not-found", "No post with this id is defined.");
                }

                var errors = new ValidationErrors();
                OrganisationCommand.RequireStaff(org, errors, "aHolderId", command.AHolderId);
                OrganisationCommand.RequireStaff(org, errors, "bHolderId", command.BHolderId);
                errors.ThrowIfAny();
                return ([new PostHoldersAssigned(command.PostId, command.AHolderId, command.BHolderId, command.Reason, time.GetUtcNow())], []);
            },
            (revision, warnings) => new PostRevision(command.PostId, revision, warnings),
            cancellationToken).ConfigureAwait(false);
}
