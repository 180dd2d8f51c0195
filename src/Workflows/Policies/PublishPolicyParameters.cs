using System.Text.Json;
using Affairs.Domain.Policies;
using Affairs.Domain.Policies.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Publishing;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Policies;

/// <summary>
/// Publishes a version of a policy parameter set to <c>policy-{id}</c>. Like an affair type's, a published version
/// never changes: the same content again changes nothing, other content under a published version, or a version below
/// the highest, is refused.
/// </summary>
/// <param name="Id">The set: lower-case words joined by dashes (the affair type it serves).</param>
/// <param name="Version">The version, from 1.</param>
/// <param name="EffectiveFrom">The first day it is in force.</param>
/// <param name="Values">The values by parameter name.</param>
/// <param name="Context">Who publishes it, and tracing.</param>
public sealed record PublishPolicyParameters(
    string Id,
    int Version,
    DateOnly EffectiveFrom,
    IReadOnlyDictionary<string, JsonElement> Values,
    CommandContext Context) : ICommand<PolicyRevision>, IAffairsCommand;

internal sealed class PublishPolicyParametersValidator : ICommandValidator<PublishPolicyParameters>
{
    public void Validate(PublishPolicyParameters command, ValidationErrors errors) =>
        errors.AddIf(command.Id is null || !StaffIds.IsValid(command.Id), "id", "A policy id is lower-case words joined by dashes (the affair type it serves).")
            .AddIf(command.Version < 1, "version", "A version is 1 or more.")
            .AddIf(command.EffectiveFrom == default, "effectiveFrom", "Give the first day the version is in force.")
            .AddIf(command.Values is null, "values", "Give the parameter values by name.");
}

internal sealed class PublishPolicyParametersHandler(StreamRepository streams, PolicyCatalog catalog) : ICommandHandler<PublishPolicyParameters, PolicyRevision>
{
    public async ValueTask<PolicyRevision> Handle(PublishPolicyParameters command, CancellationToken cancellationToken)
    {
        var published = new PolicyParametersPublished(
            command.Id, command.Version, command.EffectiveFrom, new SortedDictionary<string, JsonElement>(command.Values.ToDictionary(), StringComparer.Ordinal));
        var stream = PolicyCatalog.StreamFor(command.Id);
        var answer = await RuleStreams.ExecuteAsync(
            streams,
            stream,
            command,
            versions => versions.IsNew(stream, command.Version, PolicyCatalog.ContentHash(published)) ? [published] : [],
            (_, revision) => new PolicyRevision(command.Id, command.Version, revision),
            cancellationToken).ConfigureAwait(false);
        catalog.Published(new PolicyParameterSet { Id = command.Id, Version = command.Version, EffectiveFrom = command.EffectiveFrom, Values = command.Values });
        return answer;
    }
}
