using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Calendar;
using Affairs.Domain.Cases;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Calendar;
using Affairs.Workflows.Households;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Cases;

/// <summary>
/// What every case command shares: the pinned definition, the policy in force, the organisation, the decision time,
/// and the recording of facts (handlers, clocks) so that replay never needs a rule again.
/// </summary>
public sealed partial class CaseEngine(
    StreamRepository streams,
    AffairTypeCatalog catalog,
    PolicyCatalog policies,
    OrganisationDirectory directory,
    CaseParticipants participants,
    CalendarCatalog calendars,
    TimeProvider time)
{
    /// <summary>The stream repository.</summary>
    public StreamRepository Streams => streams;

    /// <summary>The affair types.</summary>
    public AffairTypeCatalog Catalog => catalog;

    /// <summary>The calendar in force, which deadlines are counted in.</summary>
    public WorkingDayCalendar Calendar => calendars.Current;

    /// <summary>Works out how actors stand to cases.</summary>
    public CaseParticipants Participants => participants;

    /// <summary>The decision time: now, in the centre's time zone (guards read <c>today</c> from it).</summary>
    public DateTimeOffset Now() => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Calendar.Zone);

    /// <summary>The current organisation.</summary>
    public async Task<Organisation> OrganisationAsync(CancellationToken cancellationToken) =>
        (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Organisation;

    /// <summary>The definition version the case is pinned to.</summary>
    public CompiledAffairType TypeOf(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return catalog.Resolve(state.AffairTypeId, state.DefinitionVersion);
    }

    /// <summary>The policy parameters of <paramref name="type"/> in force on the decision date (set id = affair type id).</summary>
    public IReadOnlyDictionary<string, FieldValue> Parameters(CompiledAffairType type, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.BindParameters(policies.InForce(type.Id, DateOnly.FromDateTime(decisionTime.DateTime)));
    }

    /// <summary>
    /// Loads what a decision on the case in <paramref name="loaded"/> reads: its definition, the organisation given, the
    /// policy and the calendar in force now, and (when <paramref name="withHandlers"/>) the handler of every state for its
    /// subject.
    /// </summary>
    /// <exception cref="Domain.Rejections.CommandRejectedException">No such case (404).</exception>
    public async Task<CaseInputs> InputsAsync(LoadedStream<CaseState> loaded, string caseId, Organisation organisation, bool withHandlers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var state = CaseStreams.Require(loaded, caseId);
        var type = TypeOf(state);
        var calendar = Calendar;
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendar.Zone);
        var handlers = withHandlers && !state.IsClosed
            ? await HandlersAsync(type, state.SubjectKind, state.SubjectId, cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, string?>();
        return new CaseInputs(state, loaded.Revision, type, organisation, Parameters(type, now), handlers, now, calendar);
    }

    /// <summary>The case as the machine needs it.</summary>
    public static CaseSituation Situation(CompiledAffairType type, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(state);
        var data = type.ReadData(state.Data, out _);
        return new CaseSituation(
            state.State,
            data,
            state.Materials.Select(m => m.MaterialId).ToHashSet(StringComparer.Ordinal),
            state.Clocks.ToDictionary(c => c.Key, c => c.Value.Extensions, StringComparer.Ordinal))
        {
            Fired = state.Fired,
        };
    }

    /// <summary>Reads data changes against the definition, refusing every bad value at once (400).</summary>
    public static IReadOnlyDictionary<string, FieldValue> ReadChanges(CompiledAffairType type, IReadOnlyDictionary<string, JsonElement>? changes)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (changes is null || changes.Count == 0)
        {
            return new Dictionary<string, FieldValue>();
        }

        var read = type.ReadData(changes, out var problems);
        // New text only: what a case already holds is read as it was written, whatever later rules say.
        var unprintable = read
            .Where(field => TextsOf(field.Value).Any(text => !Pipeline.InputLimits.Printable(text, singleLine: false)))
            .Select(field => $"The value of field {Quoted.Of(field.Key)} holds a control character other than a tab or line break.")
            .ToList();
        if (problems.Count > 0 || unprintable.Count > 0)
        {
            throw CommandRejectedException.Invalid(new Dictionary<string, string[]>
            {
                ["data"] = [.. problems.Select(p => p.Message), .. unprintable],
            });
        }

        return read;
    }

    /// <summary>The texts a value holds: its own, a list's items, or none.</summary>
    private static IEnumerable<string> TextsOf(FieldValue value) => value.Kind switch
    {
        FieldValueKind.Text => [value.AsText],
        FieldValueKind.List => value.AsList,
        _ => [],
    };

    /// <summary>
    /// The handler of every state of <paramref name="type"/> for this subject: <c>post:…</c>, <c>grid:…</c> (the
    /// subject's grid, read once and only if a state needs it) or <c>supervisor</c>; null for terminal states.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> HandlersAsync(CompiledAffairType type, string subjectKind, string subjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        string? grid = null;
        if (type.States.Any(s => s.Handler == "grid"))
        {
            grid = subjectKind == "household"
                ? (await streams.LoadAsync(HouseholdStreams.For(subjectId), HouseholdStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false)).State.GridId
                : (await streams.LoadAsync(ResidentStreams.For(subjectId), ResidentStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false)).State.GridId;
        }

        return type.States.ToDictionary(s => s.Name, s => Handler(s, grid), StringComparer.Ordinal);
    }

    private static string? Handler(CompiledState state, string? grid) => state switch
    {
        { IsTerminal: true } or { Handler: null } => null,
        { Handler: "supervisor" } => StepHandler.Supervisor.ToString(),
        { Handler: "grid" } => grid is null ? StepHandler.Supervisor.ToString() : StepHandler.Grid(grid).ToString(),
        _ => StepHandler.Post(state.Handler!).ToString(),
    };

    /// <summary>
    /// The clock facts of taking <paramref name="transition"/> (and of firing an extension trigger): a clock starts on
    /// first entering its start state, stops on entering a stop state (or any terminal state), and is extended by its
    /// extension trigger.
    /// </summary>
    public static IEnumerable<object> ClockFacts(CompiledAffairType type, CaseState state, CompiledTransition transition, DateTimeOffset at, string actorId, ActingRole role, string? reason)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.Extends is { Extension.By: { } by } extended && state.Clocks.ContainsKey(extended.Name))
        {
            yield return new CaseClockExtended(state.CaseId, extended.Name, by.Amount, by.Unit == PeriodUnit.WorkingDays, reason ?? string.Empty, actorId, role, at);
        }

        if (transition.IsInternal)
        {
            yield break;
        }

        var destination = type.State(transition.To);
        foreach (var clock in type.Clocks)
        {
            var running = state.Clocks.TryGetValue(clock.Name, out var c) && c.StoppedAt is null;
            var stops = clock.StopsOn.Count == 0 ? destination.IsTerminal : clock.StopsOn.Contains(destination.Name);
            if (running && stops)
            {
                yield return new CaseClockStopped(state.CaseId, clock.Name, at);
            }
            else if (!state.Clocks.ContainsKey(clock.Name) && clock.StartsOn == destination.Name && clock.Limit is { } limit)
            {
                yield return new CaseClockStarted(state.CaseId, clock.Name, limit.Amount, limit.Unit == PeriodUnit.WorkingDays, at);
            }
        }
    }

    /// <summary>The outcome name of a terminal state, kebab-case; null otherwise.</summary>
    public static string? OutcomeOf(CompiledState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Outcome?.ToString().ToLowerInvariant();
    }
}
