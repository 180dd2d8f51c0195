using Affairs.Domain.AffairTypes;
using Affairs.Domain.Cases;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Tests.Cases;

namespace Affairs.Workflows.Tests.Specifications.Walks;

/// <summary>The checks after every command: the oracle's expectation, replay against the kept state, the clocks.</summary>
public sealed partial class Walk
{
    /// <summary>Sends the command and checks it; returns the model to carry on with (the store's state after a divergence).</summary>
    private async Task<CaseModel> CheckAsync(CaseModel model, Expectation expected, string command, Func<Task<CaseRevision>> send)
    {
        CaseRevision? answer = null;
        CommandRejectedException? refused = null;
        try
        {
            answer = await send();
            model.CaseId = answer.CaseId;
        }
        catch (CommandRejectedException e)
        {
            refused = e;
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentException or NullReferenceException)
        {
            Diverge("engine-threw", command, "an answer or a refusal", e.ToString());
            return model;
        }

        if (model.CaseId.Length == 0)
        {
            Compare(expected, refused, [], command, "open");
            return model;
        }

        LoadedStream<CaseState> replayed;
        try
        {
            replayed = await _streams.LoadAsync(CaseStreams.For(model.CaseId), CaseStreams.Fold);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentException or NullReferenceException or System.Text.Json.JsonException)
        {
            Diverge("fold-threw", command, "the stream folds", e.ToString());
            return model;
        }

        var appended = replayed.Events.Where(e => e.Recorded.Revision > model.Revision).Select(e => e.Event).ToList();
        if (Compare(expected, refused, appended, command, model.State))
        {
            _taken.UnionWith(appended.OfType<CaseTransitioned>().Select(t => $"{t.From} --{t.Trigger}--> {t.To}"));
            expected.Apply(model);
            model.Revision = replayed.Revision;
        }
        else
        {
            model = CaseModel.From(replayed.State, replayed.Revision, _type.Definition);
        }

        await CheckReplayAsync(model, replayed, answer, command);
        CheckClocks(replayed.State, appended, command);
        return model;
    }

    /// <summary>Whether the engine did what the oracle expected; a divergence is recorded when not.</summary>
    private bool Compare(Expectation expected, CommandRejectedException? refused, List<object> appended, string command, string state)
    {
        var recorded = refused is not null
            ? $"refused {refused.Code} [{string.Join(", ", Codes(refused))}]{(appended.Count > 0 ? " yet appended " + string.Join("; ", appended.Select(Expect.Describe)) : "")}"
            : string.Join("; ", appended.Select(Expect.Describe));
        var wanted = expected.Refused is { } code
            ? $"refused {code} [{string.Join(", ", expected.Refusals.Distinct().Order(StringComparer.Ordinal))}]"
            : string.Join("; ", expected.Lines);
        if (expected.Refused is not null && refused is not null && expected.Refusals.Count == 0 && refused.Code == expected.Refused && appended.Count == 0)
        {
            return true;
        }

        if (wanted == recorded)
        {
            return true;
        }

        Diverge($"{state}/{command.Split(' ').ElementAtOrDefault(1)}/{expected.Refused ?? "appended"}/{refused?.Code ?? "appended"}", command, wanted, recorded);
        return false;
    }

    private static IEnumerable<string> Codes(CommandRejectedException refused) =>
        refused.Details.GetValueOrDefault("refusals") is IReadOnlyList<TriggerRefusal> refusals ? refusals.Select(r => r.Code).Distinct().Order(StringComparer.Ordinal) : [];

    /// <summary>The fold from scratch equals the oracle's model, the state the engine keeps, and the command's answer.</summary>
    private async Task CheckReplayAsync(CaseModel model, LoadedStream<CaseState> replayed, CaseRevision? answer, string command)
    {
        var fromScratch = CaseModel.Describe(replayed.State, _type.Definition);
        if (model.Describe() != fromScratch)
        {
            Diverge("model-vs-replay", command, model.Describe(), fromScratch);
        }

        var kept = await _streams.ExecuteAsync(CaseStreams.For(model.CaseId), CaseStreams.Fold, null, new AddNote(model.CaseId, "(reads the kept state; decides nothing)", null, _office.Engine.As(Centre.Admin)), loaded => new Decision<(CaseState, long)>([], _ => (loaded.State, loaded.Revision)));
        if ((CaseModel.Describe(kept.Item1, _type.Definition), kept.Item2) != (fromScratch, replayed.Revision))
        {
            Diverge("kept-vs-replay", command, $"{fromScratch} at {replayed.Revision}", $"{CaseModel.Describe(kept.Item1, _type.Definition)} at {kept.Item2}");
        }

        if (answer is not null && (answer.Revision, answer.State) != (replayed.Revision, replayed.State.State))
        {
            Diverge("answer-vs-replay", command, $"{replayed.State.State} at {replayed.Revision}", $"{answer.State} at {answer.Revision}");
        }
    }

    /// <summary>A clock starts only on entering its start state, stops only on entering a stop state (or a terminal one), and no clock runs on a closed case.</summary>
    private void CheckClocks(CaseState state, List<object> appended, string command)
    {
        var entered = appended.OfType<CaseTransitioned>().Where(t => !t.Internal).Select(t => t.To).Concat(appended.OfType<CaseOpened>().Select(o => o.State)).ToList();
        foreach (var started in appended.OfType<CaseClockStarted>())
        {
            var clock = _type.Clocks.Single(c => c.Name == started.Clock);
            Check(entered.Contains(clock.StartsOn), "clock-started-elsewhere", command, $"{clock.Name} starts only on entering {clock.StartsOn}", $"started on entering [{string.Join(", ", entered)}]");
        }

        foreach (var stopped in appended.OfType<CaseClockStopped>())
        {
            var clock = _type.Clocks.Single(c => c.Name == stopped.Clock);
            var where = clock.StopsOn.Count == 0 ? _type.States.Where(s => s.IsTerminal).Select(s => s.Name).ToList() : [.. clock.StopsOn];
            Check(entered.Any(where.Contains), "clock-stopped-elsewhere", command, $"{clock.Name} stops only on entering one of [{string.Join(", ", where)}]", $"stopped on entering [{string.Join(", ", entered)}]");
        }

        Check(!state.IsClosed || state.Clocks.Values.All(c => c.StoppedAt is not null), "closed-with-running-clock", command, "no clock runs on a closed case", string.Join(", ", state.Clocks.Values.Where(c => c.StoppedAt is null).Select(c => c.Name + " runs")));
    }

    private void Check(bool holds, string kind, string command, string expected, string recorded)
    {
        if (!holds)
        {
            Diverge(kind, command, expected, recorded);
        }
    }

    private void Diverge(string kind, string command, string expected, string recorded)
    {
        if (_kinds.Add(kind) && _divergences.Count < 20)
        {
            _divergences.Add($"{_label}, step {_step}: {command}\n  oracle expected: {expected}\n  engine recorded: {recorded}");
        }
    }
}
