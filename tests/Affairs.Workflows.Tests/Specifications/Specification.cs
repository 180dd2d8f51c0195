using System.Runtime.CompilerServices;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>
/// Given the prior facts of one case (stored through the engine's repository and codec, so the hash chain holds),
/// when one command is sent, then exactly these events are appended — or the command is refused with this code.
/// </summary>
public sealed class Specification
{
    private const string CaseId = "cspec";
    private readonly string _type;
    private readonly string _rule;
    private readonly List<Prior> _given = [];
    private readonly List<string> _away = [];
    private TimeSpan _later;
    private Act? _when;

    private Specification(string type, string rule) => (_type, _rule) = (type, rule);

    /// <summary>A specification of <paramref name="affairType"/>; <paramref name="rule"/> is the method that states it.</summary>
    public static Specification Of(string affairType, [CallerMemberName] string rule = "") => new(affairType, rule);

    /// <summary>Prior facts: each a <see cref="Prior"/> or a sequence of them (a named history).</summary>
    public Specification Given(params object[] facts)
    {
        foreach (var fact in facts)
        {
            _given.AddRange(fact switch
            {
                Prior one => [one],
                IEnumerable<Prior> many => many,
                _ => throw new ArgumentException($"{fact} is not a fact of the case.", nameof(facts)),
            });
        }

        return this;
    }

    /// <summary>The member of staff is on leave from just before the command until three days after.</summary>
    public Specification WhileAway(string staffId)
    {
        _away.Add(staffId);
        return this;
    }

    /// <summary>The command comes this long after the prior facts.</summary>
    public Specification Later(TimeSpan time)
    {
        _later = time;
        return this;
    }

    public Specification When(Act act)
    {
        _when = act;
        return this;
    }

    public async Task Then(params Expect[] expected)
    {
        var (setting, appended, refused) = await RunAsync();
        Assert.True(refused is null, $"{_when!.Description} was refused: {refused?.Code} {refused?.Message}");
        Assert.Equal([.. expected.Select(e => e.Line(setting))], appended.Select(Expect.Describe).ToArray());
        CheckClaims(setting, expected);
    }

    /// <summary>The command is refused with <paramref name="code"/>; for 422, with exactly these refusal codes.</summary>
    public async Task ThenRefused(string code, params string[] refusals)
    {
        var (_, appended, refused) = await RunAsync();
        Assert.True(refused is not null, $"{_when!.Description} was not refused; it appended: {string.Join("; ", appended.Select(Expect.Describe))}");
        Assert.Equal(code, refused.Code);
        Assert.Empty(appended);
        if (refused.Details.GetValueOrDefault("refusals") is IReadOnlyList<TriggerRefusal> given)
        {
            Assert.Equal(refusals.Order(StringComparer.Ordinal), given.Select(r => r.Code).Distinct().Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.Empty(refusals);
        }
    }

    private async Task<(Setting Setting, List<object> Appended, CommandRejectedException? Refused)> RunAsync()
    {
        Assert.NotNull(_when);
        await using var office = await Office.OpenAsync();
        var engine = office.Engine;
        var type = office.Type(_type);
        var setting = new Setting(CaseId, office.SubjectOf(type), type, engine.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)));
        var repository = engine.Services.GetRequiredService<StreamRepository>();
        var stream = CaseStreams.For(CaseId);
        if (_given.Count > 0)
        {
            await repository.AppendAsync(await repository.LoadAsync(stream, CaseStreams.Fold), [.. _given.Select(f => f.Event(setting))], engine.As(Tests.Cases.Centre.Admin).Metadata);
        }

        foreach (var staff in _away)
        {
            await engine.Mediator.Send(new RegisterAbsence(staff, setting.Now.AddHours(-1), setting.Now.AddDays(3), AbsenceKind.Leave, engine.As(Tests.Cases.Centre.Admin)));
        }

        engine.Clock.Advance(_later);
        CommandRejectedException? refused = null;
        try
        {
            await _when.Send(setting, engine);
        }
        catch (CommandRejectedException e)
        {
            refused = e;
        }

        var events = (await repository.LoadAsync(stream, CaseStreams.Fold)).Events;
        return (setting, [.. events.Skip(_given.Count).Select(e => e.Event)], refused);
    }

    /// <summary>A specification that declares what it covers must expect those transitions, and no other.</summary>
    private void CheckClaims(Setting setting, Expect[] expected)
    {
        var claims = Coverage.Claims[_rule].Where(c => c.Type == _type).ToList();
        var took = expected.OfType<Expect.Transition>().ToList();
        foreach (var t in took)
        {
            Assert.True(claims.Count == 0 || claims.Any(c => (c.From, c.Trigger, c.To) == (t.From, t.Trigger, t.To)), $"{_rule} expects {t.Line(setting)} but does not declare it with [Covers].");
        }

        if (claims is [var only])
        {
            Assert.True(took.Any(t => (only.From, only.Trigger, only.To) == (t.From, t.Trigger, t.To)), $"{_rule} declares {only.Key} but does not expect it.");
        }
    }
}
