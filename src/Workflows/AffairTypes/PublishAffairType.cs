using System.Text.Json;
using Affairs.Domain.AffairTypes.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Publishing;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.AffairTypes;

/// <summary>
/// Publishes a version of an affair type to <c>affairtype-{id}</c>. The definition is validated (every problem with
/// its JSON path) and compiled first. A published version never changes: the same content again changes nothing,
/// other content under a published version, or a version below the highest, is refused.
/// </summary>
/// <param name="Definition">The definition document as JSON (comments allowed).</param>
/// <param name="Context">Who publishes it, and tracing.</param>
public sealed record PublishAffairType(string Definition, CommandContext Context) : ICommand<AffairTypeRevision>, IAffairsCommand;

internal sealed class PublishAffairTypeValidator : ICommandValidator<PublishAffairType>
{
    public void Validate(PublishAffairType command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.Definition), "definition", "Send the definition.");
}

internal sealed class PublishAffairTypeHandler(StreamRepository streams, AffairTypeCatalog catalog) : ICommandHandler<PublishAffairType, AffairTypeRevision>
{
    public async ValueTask<AffairTypeRevision> Handle(PublishAffairType command, CancellationToken cancellationToken)
    {
        var type = catalog.Compile(command.Definition);
        var published = new AffairTypePublished(type.Id, type.Version, JsonSerializer.Deserialize<JsonElement>(type.CanonicalJson.Span), type.ContentHash);
        var stream = AffairTypeCatalog.StreamFor(type.Id);
        var outcome = await RuleStreams.ExecuteAsync(
            streams,
            stream,
            command,
            versions => versions.IsNew(stream, type.Version, type.ContentHash) ? [published] : [],
            (versions, revision) => new Outcome(new AffairTypeRevision(type.Id, type.Version, type.ContentHash, revision), versions.Versions.GetValueOrDefault(type.Version)?.RetiredReason),
            cancellationToken).ConfigureAwait(false);
        catalog.Published(type, outcome.RetiredReason);
        return outcome.Answer;
    }

    /// <summary>The answer, and whether the version was already retired; kept as JSON with a keyed command's events.</summary>
    /// <param name="Answer">The answer.</param>
    /// <param name="RetiredReason">Why the version was retired, if it was.</param>
    internal sealed record Outcome(AffairTypeRevision Answer, string? RetiredReason);
}
