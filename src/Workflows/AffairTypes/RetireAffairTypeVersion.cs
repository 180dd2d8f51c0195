using System.Globalization;
using Affairs.Domain.AffairTypes.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Publishing;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.AffairTypes;

/// <summary>
/// Retires a version: it opens no new cases, while the cases pinned to it go on under it. Retiring a retired version
/// changes nothing (the first reason stands).
/// </summary>
/// <param name="AffairTypeId">The affair type.</param>
/// <param name="Version">The published version to retire.</param>
/// <param name="Reason">Why, for the record.</param>
/// <param name="Context">Who retires it, and tracing.</param>
public sealed record RetireAffairTypeVersion(string AffairTypeId, int Version, string Reason, CommandContext Context)
    : ICommand<AffairTypeRevision>, IAffairsCommand;

internal sealed class RetireAffairTypeVersionValidator : ICommandValidator<RetireAffairTypeVersion>
{
    public void Validate(RetireAffairTypeVersion command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.AffairTypeId), "affairTypeId", "Name the affair type.")
            .AddIf(command.Version < 1, "version", "A version is 1 or more.")
            .AddIf(string.IsNullOrWhiteSpace(command.Reason), "reason", "Say why the version is retired.");
}

internal sealed class RetireAffairTypeVersionHandler(StreamRepository streams, AffairTypeCatalog catalog)
    : ICommandHandler<RetireAffairTypeVersion, AffairTypeRevision>
{
    public async ValueTask<AffairTypeRevision> Handle(RetireAffairTypeVersion command, CancellationToken cancellationToken)
    {
        var (answer, reason) = await RuleStreams.ExecuteAsync(
            streams,
            AffairTypeCatalog.StreamFor(command.AffairTypeId),
            command,
            versions =>
            {
                var version = versions.Versions.GetValueOrDefault(command.Version) ?? throw CommandRejectedException.NotFound(
                    "affair-type.not-found",
                    string.Create(CultureInfo.InvariantCulture, $"The affair type '{command.AffairTypeId}' has no published version {command.Version}."));
                return version.RetiredReason is null ? [new AffairTypeRetired(command.AffairTypeId, command.Version, command.Reason.Trim())] : [];
            },
            (versions, revision) =>
            {
                var version = versions.Versions[command.Version];
                return (new AffairTypeRevision(command.AffairTypeId, command.Version, version.ContentHash, revision), version.RetiredReason ?? command.Reason.Trim());
            },
            cancellationToken).ConfigureAwait(false);
        catalog.Retired(command.AffairTypeId, command.Version, reason);
        return answer;
    }
}
