using System.Text.Json;
using Affairs.Domain.AffairTypes;
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

/// <summary>
/// Besides the set's own fields, each value is checked against the parameter it sets: a value that the affair type
/// declares must read as the declared type in some published version of it (guards compare against it, and a value
/// that does not read is no value at all from its effective date on); a value no version declares may be a number, a
/// text or a boolean, never an object.
/// </summary>
internal sealed class PublishPolicyParametersValidator(AffairTypes.AffairTypeCatalog types) : ICommandValidator<PublishPolicyParameters>
{
    public void Validate(PublishPolicyParameters command, ValidationErrors errors)
    {
        errors.AddIf(command.Id is null || !StaffIds.IsValid(command.Id), "id", "A policy id is lower-case words joined by dashes (the affair type it serves).")
            .AddIf(command.Version < 1, "version", "A version is 1 or more.")
            .AddIf(command.EffectiveFrom == default, "effectiveFrom", "Give the first day the version is in force.")
            .AddIf(command.Values is null, "values", "Give the parameter values by name.");
        if (command.Values is null || command.Id is null)
        {
            return;
        }

        var declared = types.Versions(command.Id)
            .SelectMany(v => v.Type.Parameters)
            .Where(p => p.Type is not null)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Type!.Value).Distinct().ToList(), StringComparer.Ordinal);
        foreach (var (name, value) in command.Values)
        {
            if (declared.TryGetValue(name, out var kinds))
            {
                errors.AddIf(
                    value.ValueKind == JsonValueKind.Null || !kinds.Any(kind => FieldValue.FromJson(value, kind) is not null),
                    $"values.{name}",
                    $"Expected {string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()))}, as the affair type '{command.Id}' declares this parameter.");
            }
            else
            {
                // A name nobody declared is named back only when it has the shape of one: the refusal does not echo input.
                errors.AddIf(
                    value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False),
                    InputLimits.IsId(name) ? $"values.{name}" : "values",
                    "A parameter value is a number, a text or a boolean.");
            }
        }
    }
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
