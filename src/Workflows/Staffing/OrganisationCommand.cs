using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Staffing;

/// <summary>
/// Runs an organisation command: the whole organisation is one small stream, so every rule that spans staff, posts
/// and grids is checked against one consistent state and written with one expected revision.
/// </summary>
public sealed class OrganisationCommand(StreamRepository streams, OrganisationDirectory directory)
{
    /// <summary>Decides on the current organisation and appends; answers with the organisation stream's new revision.</summary>
    public Task<OrganisationRevision> ExecuteAsync(
        IAffairsCommand command,
        Func<Organisation, (IReadOnlyList<object> Events, IReadOnlyList<string> Warnings)> decide,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(command, decide, (revision, warnings) => new OrganisationRevision(revision, warnings), cancellationToken);

    /// <summary>Decides on the current organisation and appends; <paramref name="answer"/> names what changed, with the new revision.</summary>
    public Task<T> ExecuteAsync<T>(
        IAffairsCommand command,
        Func<Organisation, (IReadOnlyList<object> Events, IReadOnlyList<string> Warnings)> decide,
        Func<long, IReadOnlyList<string>, T> answer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(answer);
        return streams.ExecuteAsync(
            directory.Stream,
            directory,
            clientExpected: null,
            command,
            loaded =>
            {
                var (events, warnings) = decide(loaded.State);
                return new Decision<T>(events, revision => answer(revision, warnings));
            },
            cancellationToken);
    }

    /// <summary>Refuses a staff id the organisation does not know.</summary>
    public static void RequireStaff(Organisation organisation, ValidationErrors errors, string field, string? staffId)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddIf(staffId is null || !organisation.Staff.Contains(staffId), field, $"No member of staff '{staffId}' is registered.");
    }
}
