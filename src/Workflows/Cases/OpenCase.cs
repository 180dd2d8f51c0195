using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Domain.Residents;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Households;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>
/// Opens a case of an affair type for a resident or a household, pinned for ever to one version of the type (the
/// newest one not retired, unless a version is named).
/// </summary>
/// <param name="AffairTypeId">The affair type (<c>dibao</c>).</param>
/// <param name="Version">A specific version, or null for the current one.</param>
/// <param name="SubjectId">The resident id or household id, as the type's subject requires.</param>
/// <param name="Channel"><c>counter</c>, <c>online</c> or <c>agent</c>.</param>
/// <param name="Data">Initial data, by field name.</param>
/// <param name="Context">Who opens it, and tracing; give an idempotency key to make retries safe.</param>
/// <param name="CaseId">
/// The case id, chosen by the engine itself only: the scheduler derives it from the timer that opens the case, so two
/// hosts firing the same timer open one case. Null for a new id.
/// </param>
public sealed record OpenCase(
    string AffairTypeId,
    int? Version,
    string SubjectId,
    string Channel,
    IReadOnlyDictionary<string, JsonElement>? Data,
    CommandContext Context,
    string? CaseId = null) : ICommand<CaseRevision>, IAffairsCommand;

internal sealed class OpenCaseValidator : ICommandValidator<OpenCase>
{
    private static readonly string[] Channels = ["counter", "online", "agent"];

    /// <summary>The channel of cases the engine opens by schedule (the yearly certification); only the system uses it.</summary>
    private const string Scheduled = "scheduled";

    public void Validate(OpenCase command, ValidationErrors errors)
    {
        var system = command.Context?.Actor?.Has(Domain.Staffing.ActorRoles.System) == true;
        var channelValid = Channels.Contains(command.Channel) || (system && command.Channel == Scheduled);
        errors.AddIf(string.IsNullOrWhiteSpace(command.AffairTypeId), "affairTypeId", "An affair type is required.")
            .AddIf(string.IsNullOrWhiteSpace(command.SubjectId), "subjectId", "A subject (resident or household id) is required.")
            .AddIf(!channelValid, "channel", $"The channel is one of {string.Join(", ", Channels)}.")
            .AddIf(command.Version is < 1, "version", "A version is 1 or more.")
            .AddIf(command.CaseId is not null && !system, "caseId", "Only the engine chooses a case id.")
            .AddIf(command.CaseId is { } id && (id.Length is 0 or > 64 || !id.All(char.IsAsciiLetterOrDigit)), "caseId", "A case id has 1 to 64 letters or digits.");
    }
}

internal sealed class OpenCaseHandler(CaseEngine engine, IIdSource ids) : ICommandHandler<OpenCase, CaseRevision>
{
    public async ValueTask<CaseRevision> Handle(OpenCase command, CancellationToken cancellationToken)
    {
        var type = Resolve(command);
        var subjectKind = type.Definition.Subject == SubjectKind.Household ? "household" : "person";
        await RequireSubjectAsync(subjectKind, command.SubjectId, command.Context.Actor.Has(ActorRoles.System), cancellationToken).ConfigureAwait(false);
        RequireInitialFields(type, CaseEngine.ReadChanges(type, command.Data));
        var now = engine.Now();
        var organisation = await engine.OrganisationAsync(cancellationToken).ConfigureAwait(false);
        var initial = type.InitialState;
        var handlers = await engine.HandlersAsync(type, subjectKind, command.SubjectId, cancellationToken).ConfigureAwait(false);
        var handler = handlers[initial.Name] ?? string.Empty;
        var caseId = command.CaseId ?? "c" + CommandPayload.NewId(command.Context, ids, "case").ToString("N");
        var draft = Domain.Cases.CaseState.None with { CaseId = caseId, AffairTypeId = type.Id, DefinitionVersion = type.Version, State = initial.Name, Handler = handler, Step = new Domain.Staffing.StepFacts(now) };
        var participant = engine.Participants.Of(command.Context.Actor, draft, organisation, now);
        var opened = new CaseOpened(
            caseId, type.Id, type.Version, subjectKind, command.SubjectId, command.Channel, initial.Name, handler,
            command.Data ?? new Dictionary<string, JsonElement>(),
            command.Context.Actor.Id, participant.ActingRole, now);
        var clocks = type.Clocks
            .Where(c => c.StartsOn == initial.Name && c.Limit is not null)
            .Select(c => (object)new CaseClockStarted(caseId, c.Name, c.Limit!.Amount, c.Limit.Unit == PeriodUnit.WorkingDays, now));
        return await engine.Streams.StartAsync(
            CaseStreams.For(caseId),
            CaseStreams.Fold,
            command,
            loaded => loaded.Exists
                ? throw new CommandRejectedException(RejectionKind.Conflict, "case.exists", $"Case {caseId} is already open.")
                : new Decision<CaseRevision>([opened, .. clocks], revision => new CaseRevision(caseId, revision, initial.Name, null)),
            cancellationToken).ConfigureAwait(false);
    }

    private CompiledAffairType Resolve(OpenCase command)
    {
        try
        {
            var type = command.Version is { } version ? engine.Catalog.Resolve(command.AffairTypeId, version) : engine.Catalog.ForNewCase(command.AffairTypeId);
            if (command.Version is { } v && engine.Catalog.Versions(command.AffairTypeId).Any(x => x.Type.Version == v && x.IsRetired))
            {
                throw new CommandRejectedException(RejectionKind.NotPermitted, "affair-type.retired", $"Version {v} of '{command.AffairTypeId}' is retired and opens no new cases.");
            }

            return type;
        }
        catch (AffairTypeNotFoundException)
        {
            throw CommandRejectedException.NotFound("affair-type.not-found", $"No affair type '{command.AffairTypeId}'{(command.Version is { } v ? $" version {v}" : string.Empty)} is published.");
        }
    }

    /// <summary>The fields the first state requires must come with the application (400, each one named).</summary>
    private static void RequireInitialFields(CompiledAffairType type, IReadOnlyDictionary<string, FieldValue> data)
    {
        var missing = type.InitialState.RequiredFields.Where(f => data.GetValueOrDefault(f.Name).IsNull).ToList();
        if (missing.Count > 0)
        {
            throw CommandRejectedException.Invalid(missing.ToDictionary(
                f => $"data.{f.Name}",
                f => new[] { $"The field '{f.Name}' is required to open a case of '{type.Id}'." }));
        }
    }

    /// <summary>
    /// The subject exists and is active. A deceased resident gets no new case, except from the scheduler (the system
    /// actor), which opens the certification due after a retiree's last one so that the pension is ended on it with the
    /// date of death.
    /// </summary>
    private async Task RequireSubjectAsync(string subjectKind, string subjectId, bool bySystem, CancellationToken cancellationToken)
    {
        if (subjectKind == "household")
        {
            var household = await engine.Streams.LoadAsync(HouseholdStreams.For(subjectId), HouseholdStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false);
            HouseholdStreams.Require(household, subjectId);
            return;
        }

        var resident = await engine.Streams.LoadAsync(ResidentStreams.For(subjectId), ResidentStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (resident.Exists && resident.State.Status == ResidentStatus.Deceased)
        {
            if (bySystem)
            {
                return;
            }

            throw new CommandRejectedException(RejectionKind.NotPermitted, "resident.not-active", $"Resident {subjectId} is deceased; no case can be opened for them.");
        }

        ResidentStreams.RequireActive(resident, subjectId, allowMovedOut: false);
    }
}
