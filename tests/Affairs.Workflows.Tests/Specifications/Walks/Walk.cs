using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Calendar;
using Affairs.Domain.Cases;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Calendar;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Specifications.Walks;

/// <summary>
/// A seeded random walk over cases of one affair type: each step sends one random command as a random actor, or
/// changes the organisation or the clock, and checks what the engine recorded against the <see cref="Oracle"/>, the
/// replay of the stream from scratch against the state the engine keeps, and the clock invariants.
/// </summary>
public sealed partial class Walk
{
    private const int MostEvents = 150;
    private static readonly Actor[] Cast = [Centre.A, Centre.B, Centre.Boss, Office.GridWorker, Centre.Other, Office.Applicant, Actor.System];
    private static readonly int[] CastWeights = [30, 15, 20, 8, 5, 10, 12];

    private readonly Office _office;
    private readonly CompiledAffairType _type;
    private readonly Oracle _oracle;
    private readonly RandomData _data;
    private readonly Random _random;
    private readonly StreamRepository _streams;
    private readonly OrganisationDirectory _directory;
    private readonly WorkingDayCalendar _calendar;
    private readonly List<CaseModel> _cases = [];
    private readonly List<string> _divergences = [];
    private readonly HashSet<string> _kinds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly string _label;
    private int _step;

    public Walk(Office office, string typeId, int seed)
    {
        _office = office;
        _type = office.Type(typeId);
        _label = $"{typeId} seed {seed}";
        _random = new Random(seed);
        _streams = office.Engine.Services.GetRequiredService<StreamRepository>();
        _directory = office.Engine.Services.GetRequiredService<OrganisationDirectory>();
        _calendar = office.Engine.Services.GetRequiredService<CalendarCatalog>().Current;
        var parameters = Office.Policies.TryGetValue(typeId, out var json)
            ? _type.BindParameters(new Domain.Policies.PolicyParameterSet { Id = typeId, Version = 1, EffectiveFrom = new DateOnly(2026, 1, 1), Values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)! })
            : new Dictionary<string, FieldValue>();
        _oracle = new Oracle(_type.Definition, parameters, _calendar);
        _data = new RandomData(_random, parameters);
    }

    /// <summary>Every divergence found, one per kind (the first of each), with the step, the command, what was expected and what was recorded.</summary>
    public IReadOnlyList<string> Divergences => _divergences;

    public int Cases { get; private set; }

    /// <summary>The transitions the walk took as the oracle expected, as <c>from --trigger--> to</c>.</summary>
    public IReadOnlySet<string> Taken => _taken;

    public async Task RunAsync(int steps)
    {
        for (_step = 1; _step <= steps; _step++)
        {
            var organisation = (await _directory.CurrentAsync()).Organisation;
            var roll = _random.Next(100);
            if (_cases.Count < 3 || (roll < 2 && _cases.Count < 6))
            {
                await OpenAsync();
            }
            else if (roll < 88)
            {
                await ActAsync(_data.Pick(_cases), roll, organisation);
            }
            else if (roll < 94)
            {
                await ChangeAbsenceAsync(organisation);
            }
            else
            {
                Advance();
            }
        }
    }

    private DateTimeOffset Now() => TimeZoneInfo.ConvertTime(_office.Engine.Clock.GetUtcNow(), _calendar.Zone);

    private Actor PickActor()
    {
        var roll = _random.Next(CastWeights.Sum());
        for (var i = 0; ; roll -= CastWeights[i++])
        {
            if (roll < CastWeights[i])
            {
                return Cast[i];
            }
        }
    }

    private void Advance()
    {
        var roll = _random.Next(10);
        var by = roll < 6 ? TimeSpan.FromHours(_random.Next(1, 9)) : roll < 9 ? TimeSpan.FromDays(1) : TimeSpan.FromDays(_random.Next(2, 4));
        _office.Engine.Clock.Advance(by);
    }

    private async Task ChangeAbsenceAsync(Organisation organisation)
    {
        var engine = _office.Engine;
        var now = engine.Clock.GetUtcNow();
        // Absence ids are random, so the organisation's order of them is not the seed's: pick from them in time order.
        var mine = organisation.Absences.Values.Where(a => a.StaffId == "s-a").OrderBy(a => a.From).ThenBy(a => a.To).ToList();
        if (mine.Count > 0 && _data.Chance(50))
        {
            await engine.Mediator.Send(new CancelAbsence(_data.Pick(mine).Id, "back early", engine.As(Centre.Admin)));
            return;
        }

        await engine.Mediator.Send(new RegisterAbsence("s-a", now.AddHours(-_random.Next(0, 5)), now.AddHours(_random.Next(1, 72)), AbsenceKind.Leave, engine.As(Centre.Admin)));
    }
}
